//! The vacancy feed as RSS 2.0: one item per open, published vacancy, dates in RFC 822.

use crate::base::date::{amsterdam, Day};
use crate::base::xml::Xml;
use crate::model::Site;

use super::{feed_vacancies, newest, syndicated_html, vacancy_rss_path};

/// RSS 2.0 with `atom:link rel="self"`, one item per open vacancy.
pub(super) fn feed(site: &Site, title: &str, description: &str) -> String {
    let c = &site.config;
    let self_url = site.absolute(&vacancy_rss_path(site));
    let list_url = site.absolute(&format!("/{}/", c.paths.vacancies));
    let updated = newest(feed_vacancies(site).map(|v| v.date), site);
    let mut xml = Xml::new();
    xml.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
        ],
    );
    xml.open("channel", &[]);
    xml.text("title", &[], &format!("{title} | {}", c.title));
    xml.text("link", &[], &list_url);
    xml.text("description", &[], description);
    xml.text("language", &[], c.language.code());
    xml.text("lastBuildDate", &[], &rfc822(updated));
    xml.empty(
        "atom:link",
        &[
            ("href", &self_url),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    for v in feed_vacancies(site) {
        let url = site.absolute(&v.url);
        xml.open("item", &[]);
        xml.text("title", &[], &v.title);
        xml.text("link", &[], &url);
        xml.text("guid", &[("isPermaLink", "true")], &url);
        xml.text("pubDate", &[], &rfc822(v.date));
        xml.text("description", &[], &syndicated_html(site, &v.body_html));
        for category in [&v.department, &v.role].into_iter().flatten() {
            xml.text("category", &[], category);
        }
        xml.close("item");
    }
    xml.close("channel");
    xml.close("rss");
    xml.finish()
}

/// `Thu, 01 Oct 2026 00:00:00 +0200`: midnight of the day in Amsterdam (RFC 822, as RSS wants).
fn rfc822(day: Day) -> String {
    match day.0.at(0, 0, 0, 0).to_zoned_datetime(amsterdam()) {
        Ok(zoned) => zoned.strftime("%a, %d %b %Y %H:%M:%S %z").to_string(),
        Err(_) => format!("{} 00:00:00 +0000", day.0.strftime("%a, %d %b %Y")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_are_rfc_822_in_amsterdam_time() {
        let winter = Day::parse("2026-11-02").unwrap();
        let summer = Day::parse("2026-06-14").unwrap();
        assert_eq!(rfc822(winter), "Mon, 02 Nov 2026 00:00:00 +0100");
        assert_eq!(rfc822(summer), "Sun, 14 Jun 2026 00:00:00 +0200");
    }
}
