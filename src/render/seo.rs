//! What search engines and social networks read: head meta and schema.org JSON-LD. Pure.

use serde::Serialize;
use serde_json::{json, Value};

use crate::content::vacancy::Hours;
use crate::model::cards::DEFAULT_CARD;
use crate::model::photos::{CARD_HEIGHT, CARD_WIDTH};
use crate::model::{Site, Story, Vacancy};

/// The head of a page: every tag docs/reliability.md promises on public pages.
#[derive(Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub og_type: &'static str,
    pub og_image: String,
    pub og_image_alt: String,
    pub og_image_width: u32,
    pub og_image_height: u32,
    pub json_ld: Option<String>,
    pub noindex: bool,
}

impl Meta {
    pub fn new(site: &Site, title: &str, description: &str, path: &str) -> Meta {
        let full_title = if path == "/" {
            site.config.title.clone()
        } else {
            format!("{title} | {}", site.config.title)
        };
        Meta {
            title: full_title,
            description: description.to_owned(),
            canonical: site.absolute(path),
            og_type: "website",
            og_image: site.absolute(DEFAULT_CARD),
            og_image_alt: site.config.title.clone(),
            og_image_width: CARD_WIDTH,
            og_image_height: CARD_HEIGHT,
            json_ld: None,
            noindex: false,
        }
    }

    pub fn with_card(mut self, site: &Site, card: Option<(&str, &str)>) -> Meta {
        if let Some((url, alt)) = card {
            self.og_image = site.absolute(url);
            self.og_image_alt = alt.to_owned();
        }
        self
    }

    pub fn with_json_ld(mut self, value: Value) -> Meta {
        self.json_ld = Some(script_safe(&value));
        self
    }
}

/// JSON that cannot close its `<script>` element.
fn script_safe(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values always serialise")
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

fn organization(site: &Site) -> Value {
    let mut org = json!({
        "@type": "Organization",
        "name": site.config.organization.name,
        "url": site.config.organization.url,
    });
    if let Some(logo) = &site.logo_url {
        org["logo"] = json!(site.absolute(logo));
    }
    org
}

/// The employer as Google for Jobs wants it: name, `sameAs` (the main website) and the logo.
fn hiring_organization(site: &Site) -> Value {
    let mut org = organization(site);
    org["sameAs"] = json!(site.config.organization.url);
    org
}

pub fn organization_ld(site: &Site) -> Value {
    let mut org = organization(site);
    org["@context"] = json!("https://schema.org");
    org
}

pub fn article_ld(site: &Site, story: &Story) -> Value {
    let ambassador = &site.ambassadors[story.ambassador];
    let image = crate::model::cards::story_card(site, story).url;
    json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": story.summary,
        "datePublished": story.date.to_string(),
        "inLanguage": site.config.language.code(),
        "mainEntityOfPage": site.absolute(&story.url),
        "image": site.absolute(&image),
        "author": {
            "@type": "Person",
            "name": ambassador.name,
            "jobTitle": ambassador.role,
            "url": site.absolute(&ambassador.url),
        },
        "publisher": organization(site),
        "keywords": story.hashtags.iter().map(|&h| site.hashtags[h].name.as_str()).collect::<Vec<_>>(),
    })
}

pub fn job_posting_ld(site: &Site, vacancy: &Vacancy, description_html: &str) -> Value {
    let mut address = json!({
        "@type": "PostalAddress",
        "addressLocality": vacancy.location.city,
        "addressCountry": "NL",
    });
    if let Some(street) = &vacancy.location.street {
        address["streetAddress"] = json!(street);
    }
    if let Some(code) = &vacancy.location.postal_code {
        address["postalCode"] = json!(code);
    }
    if let Some(region) = &vacancy.location.region {
        address["addressRegion"] = json!(region);
    }
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html,
        "datePosted": vacancy.date.to_string(),
        "validThrough": vacancy.valid_through.rfc3339,
        "hiringOrganization": hiring_organization(site),
        "jobLocation": { "@type": "Place", "address": address },
        "identifier": {
            "@type": "PropertyValue",
            "name": site.config.organization.name,
            "value": vacancy.identifier,
        },
        "url": site.absolute(&vacancy.url),
    });
    match vacancy.employment_types.as_slice() {
        [] => {}
        [one] => posting["employmentType"] = json!(one),
        many => posting["employmentType"] = json!(many),
    }
    if let Some(salary) = &vacancy.salary {
        let mut value =
            json!({ "@type": "QuantitativeValue", "unitText": salary.unit.schema_name() });
        match salary.max {
            Some(max) => {
                value["minValue"] = json!(salary.min);
                value["maxValue"] = json!(max);
            }
            None => value["value"] = json!(salary.min),
        }
        posting["baseSalary"] =
            json!({ "@type": "MonetaryAmount", "currency": salary.currency, "value": value });
    }
    if let Some(Hours::Exactly(hours)) | Some(Hours::Range { max: hours, .. }) = vacancy.hours {
        posting["workHours"] = json!(format!("{hours} hours per week"));
    }
    if vacancy.apply_url.is_some() {
        posting["directApply"] = json!(vacancy.direct_apply);
    }
    if vacancy.remote.is_some() {
        // Google reads both kinds this way; a hybrid role keeps its jobLocation, as does a fully
        // remote one (the address of the employer).
        posting["jobLocationType"] = json!("TELECOMMUTE");
        posting["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "NL" });
    }
    posting
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let value = json!({"description": "</script><script>alert(1)</script>"});
        assert_eq!(
            script_safe(&value),
            r#"{"description":"<\/script><script>alert(1)<\/script>"}"#
        );
    }
}
