//! The XML job feed job boards and aggregators ingest, in Indeed's `<source><job>` layout: every
//! open vacancy, every value in CDATA as Indeed asks, dates in ISO 8601. Pure.

use crate::base::xml::Xml;
use crate::content::vacancy::{salary_text, Remote};
use crate::model::Site;

use super::{feed_vacancies, newest, syndicated_html};

/// Indeed's `jobtype` words for schema.org's employment types.
fn job_type(employment_type: &str) -> Option<&'static str> {
    match employment_type {
        "FULL_TIME" => Some("fulltime"),
        "PART_TIME" => Some("parttime"),
        "CONTRACTOR" => Some("contract"),
        "TEMPORARY" => Some("temporary"),
        "INTERN" => Some("internship"),
        "VOLUNTEER" => Some("volunteer"),
        "PER_DIEM" => Some("perdiem"),
        _ => None,
    }
}

/// A value of the comma-separated `<category>`: its own commas become dashes, so
/// `Thuiszorg, team Zeist-Noord` stays one category.
fn category(value: &str) -> String {
    value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" – ")
}

/// The `<source>` document with one `<job>` per open, published vacancy.
pub(super) fn feed(site: &Site) -> String {
    let c = &site.config;
    let language = c.language;
    let updated = newest(feed_vacancies(site).map(|v| v.date), site);
    let mut xml = Xml::new();
    xml.open("source", &[]);
    xml.text("publisher", &[], &c.organization.name);
    xml.text("publisherurl", &[], &c.base_url);
    xml.text("lastBuildDate", &[], &updated.start_rfc3339());
    for v in feed_vacancies(site) {
        xml.open("job", &[]);
        xml.cdata("title", &v.title);
        xml.cdata("date", &v.date.start_rfc3339());
        xml.cdata("referencenumber", &v.identifier);
        // One vacancy is one job at one place here, so the requisition is the same number.
        xml.cdata("requisitionid", &v.identifier);
        xml.cdata("url", &site.absolute(&v.url));
        xml.cdata("company", &c.organization.name);
        xml.cdata("city", &v.location.city);
        if let Some(region) = &v.location.region {
            xml.cdata("state", region);
        }
        xml.cdata("country", "NL");
        if let Some(code) = &v.location.postal_code {
            xml.cdata("postalcode", code);
        }
        if let Some(street) = &v.location.street {
            xml.cdata("streetaddress", street);
        }
        xml.cdata("description", &syndicated_html(site, &v.body_html));
        if let Some(salary) = &v.salary {
            xml.cdata("salary", &salary_text(salary, language));
        }
        let types: Vec<&str> = v
            .employment_types
            .iter()
            .filter_map(|t| job_type(t))
            .collect();
        if !types.is_empty() {
            xml.cdata("jobtype", &types.join(", "));
        }
        let categories: Vec<String> = [&v.department, &v.role]
            .into_iter()
            .flatten()
            .map(|value| category(value))
            .collect();
        if !categories.is_empty() {
            xml.cdata("category", &categories.join(", "));
        }
        xml.cdata("expirationdate", &v.valid_through.rfc3339);
        if let Some(remote) = v.remote {
            xml.cdata(
                "remotetype",
                match remote {
                    Remote::Hybrid => "Hybrid remote",
                    Remote::Full => "Fully remote",
                },
            );
        }
        if let Some(email) = v.contact.as_ref().and_then(|c| c.email.as_deref()) {
            xml.cdata("email", email);
        }
        xml.close("job");
    }
    xml.close("source");
    xml.finish()
}
