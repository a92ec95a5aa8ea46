//! What search engines and social networks read: head meta and schema.org JSON-LD. Pure.

use serde::Serialize;
use serde_json::{json, Value};

use crate::content::vacancy::{hours_text, Remote};
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
    /// The Open Graph `article:*` properties, for `og:type` `article`.
    pub article: Option<ArticleMeta>,
}

/// Open Graph's article properties (ogp.me, "article"): dates as ISO 8601, the author as the
/// URL of a profile, one tag per hashtag.
#[derive(Debug, Serialize)]
pub struct ArticleMeta {
    pub published_time: String,
    pub modified_time: String,
    pub author: String,
    pub tags: Vec<String>,
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
            article: None,
        }
    }

    pub fn with_card(mut self, site: &Site, card: Option<(&str, &str)>) -> Meta {
        if let Some((url, alt)) = card {
            self.og_image = site.absolute(url);
            self.og_image_alt = alt.to_owned();
        }
        self
    }

    /// An `article` page: `og:type` and its `article:*` properties. Stories have no edit date of
    /// their own, so `modified_time` is the publication date.
    pub fn with_article(mut self, site: &Site, story: &Story) -> Meta {
        self.og_type = "article";
        self.article = Some(ArticleMeta {
            published_time: story.date.to_string(),
            modified_time: story.date.to_string(),
            author: site.absolute(&site.ambassadors[story.ambassador].url),
            tags: story
                .hashtags
                .iter()
                .map(|&h| site.hashtags[h].name.clone())
                .collect(),
        });
        self
    }

    pub fn with_json_ld(mut self, value: Value) -> Meta {
        self.json_ld = Some(script_safe(&value));
        self
    }
}

/// JSON that cannot close its `<script>` element nor open a comment in it, and is still JSON:
/// `<`, `>` and `&` only occur inside strings, where `\u003c` is the same character.
fn script_safe(value: &Value) -> String {
    let json = serde_json::to_string(value).expect("JSON values always serialise");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
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
    if let Some(hours) = vacancy.hours {
        posting["workHours"] = json!(hours_text(hours, site.config.language));
    }
    if vacancy.apply_url.is_some() {
        posting["directApply"] = json!(vacancy.direct_apply);
    }
    if vacancy.remote == Some(Remote::Full) {
        // Google reads TELECOMMUTE as a job done entirely from home; a hybrid job is a job at
        // its jobLocation that says "hybrid" in its description. A fully remote one keeps the
        // employer's address as well.
        posting["jobLocationType"] = json!("TELECOMMUTE");
        posting["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "NL" });
    }
    posting
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_and_stays_json() {
        let value = json!({"description": "</script><!-- a & b -->"});
        let safe = script_safe(&value);
        assert_eq!(
            safe,
            r#"{"description":"\u003c/script\u003e\u003c!-- a \u0026 b --\u003e"}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), value);
    }
}
