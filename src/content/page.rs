//! A plain page's front-matter (privacy statement, about us).

use serde::Deserialize;

use crate::content::front_matter::Schema;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
}

pub const SCHEMA: Schema = Schema {
    what: "a page",
    what_nl: "een pagina",
    keys: &["title", "summary", "draft", "aliases"],
    nested: &[],
    stand_ins: "title: \"\"\n",
};
