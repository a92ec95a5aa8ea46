//! What crawlers read first: `sitemap.xml` (every indexable page) and `robots.txt` (which points
//! at the sitemap).

use crate::base::error::Error;
use crate::base::xml;
use crate::model::Site;
use crate::output::Output;

/// Writes `sitemap.xml` with `paths` (site paths, sorted) and `robots.txt`.
pub(super) fn write(site: &Site, paths: &[String], output: &dyn Output) -> Result<(), Error> {
    output.write("sitemap.xml", sitemap_xml(site, paths).as_bytes())?;
    output.write("robots.txt", robots_txt(site).as_bytes())
}

/// One `<url><loc>` line per page: the layout crawlers and people read, so laid out by hand.
fn sitemap_xml(site: &Site, paths: &[String]) -> String {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        text.push_str("  <url><loc>");
        text.push_str(&xml::escape(&site.absolute(path)));
        text.push_str("</loc></url>\n");
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
        let paths = ["/".to_owned(), "/verhalen/".to_owned()];
        assert_eq!(
            sitemap_xml(&site, &paths),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  \
             <url><loc>https://a.nl/x&amp;y&lt;z&gt;&quot;q&quot;/</loc></url>\n  \
             <url><loc>https://a.nl/x&amp;y&lt;z&gt;&quot;q&quot;/verhalen/</loc></url>\n\
             </urlset>\n"
        );
        assert_eq!(
            robots_txt(&site),
            "User-agent: *\nAllow: /\n\nSitemap: https://a.nl/x&y<z>\"q\"/sitemap.xml\n"
        );
    }
}
