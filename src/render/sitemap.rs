//! What crawlers read first: `sitemap.xml` (every indexable page) and `robots.txt` (which points
//! at the sitemap).

use crate::base::date::Day;
use crate::base::error::Error;
use crate::base::xml;
use crate::model::Site;
use crate::output::Output;

/// A page of the sitemap: its site path and, for a story or vacancy, its own date.
#[derive(Debug)]
pub(super) struct SitemapEntry {
    pub path: String,
    pub lastmod: Option<Day>,
}

/// Writes `sitemap.xml` with `entries` (sorted by path) and `robots.txt`.
pub(super) fn write(
    site: &Site,
    entries: &[SitemapEntry],
    output: &dyn Output,
) -> Result<(), Error> {
    output.write("sitemap.xml", sitemap_xml(site, entries).as_bytes())?;
    output.write("robots.txt", robots_txt(site).as_bytes())
}

/// One `<url><loc>` line per page: the layout crawlers and people read, so laid out by hand.
/// `<lastmod>` is a W3C date, the content's own: the same input gives the same sitemap.
fn sitemap_xml(site: &Site, entries: &[SitemapEntry]) -> String {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for entry in entries {
        text.push_str("  <url><loc>");
        text.push_str(&xml::escape(&site.absolute(&entry.path)));
        text.push_str("</loc>");
        if let Some(day) = entry.lastmod {
            text.push_str(&format!("<lastmod>{day}</lastmod>"));
        }
        text.push_str("</url>\n");
    }
    text.push_str("</urlset>\n");
    text
}

fn robots_txt(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        site.config.base_url
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_lists_one_escaped_address_a_line() {
        let mut site = crate::render::tests::minimal_site();
        site.config.base_url = "https://a.nl/x&y<z>\"q\"".to_owned();
        let entries = [
            SitemapEntry {
                path: "/".to_owned(),
                lastmod: None,
            },
            SitemapEntry {
                path: "/verhalen/".to_owned(),
                lastmod: Some(Day::parse("2026-10-10").unwrap()),
            },
        ];
        assert_eq!(
            sitemap_xml(&site, &entries),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  \
             <url><loc>https://a.nl/x&amp;y&lt;z&gt;&quot;q&quot;/</loc></url>\n  \
             <url><loc>https://a.nl/x&amp;y&lt;z&gt;&quot;q&quot;/verhalen/</loc><lastmod>2026-10-10</lastmod></url>\n\
             </urlset>\n"
        );
        assert_eq!(
            robots_txt(&site),
            "User-agent: *\nAllow: /\n\nSitemap: https://a.nl/x&y<z>\"q\"/sitemap.xml\n"
        );
    }
}
