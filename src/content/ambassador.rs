//! An ambassador's front-matter: the member of staff behind the stories.

use serde::Deserialize;

use crate::base::date::Since;
use crate::content::front_matter::Schema;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbassadorFront {
    pub name: String,
    pub role: String,
    pub department: Option<String>,
    pub location: Option<String>,
    pub photo: Option<String>,
    pub photo_alt: Option<String>,
    pub consent: String,
    #[serde(default)]
    pub socials: Socials,
    #[serde(default)]
    pub hashtags: Vec<String>,
    pub since: Option<Since>,
}

#[derive(Debug, Clone, Default, Hash, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Socials {
    pub linkedin: Option<String>,
    pub instagram: Option<String>,
    pub x: Option<String>,
    pub facebook: Option<String>,
}

pub const SCHEMA: Schema = Schema {
    what: "an ambassador",
    what_nl: "een ambassadeursprofiel",
    keys: &[
        "name",
        "role",
        "department",
        "location",
        "photo",
        "photo_alt",
        "consent",
        "socials",
        "hashtags",
        "since",
    ],
    nested: &[("socials", &["linkedin", "instagram", "x", "facebook"])],
    stand_ins: "name: \"\"\nrole: \"\"\nconsent: \"\"\n",
};
