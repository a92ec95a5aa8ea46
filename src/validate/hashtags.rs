//! Hashtags of the whole site: each tag written in front-matter must be one word; tags that have
//! the same address (`ZÖRG` and `zorg` are both `/hashtags/zorg/`) are one, spelled as `site.yaml`
//! spells it or else as first seen, with a warning when the spellings differ by more than case.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use foldhash::{HashMap, HashSet};

use crate::base::diagnostics::{Diagnostic, Diagnostics};
use crate::base::slug::slugify;
use crate::content::config::{Paths, SiteHashtags};
use crate::content::front_matter::Document;
use crate::model::{Ambassador, Hashtag, Story, Vacancy};

/// The tags seen so far: one key per tag (its address segment), one spelling. Documents refer to
/// a tag by its position here until [`Hashtags::finish`] gives the site's order.
#[derive(Default)]
pub(super) struct Hashtags {
    keys: Vec<String>,
    names: Vec<String>,
    /// Where each tag's spelling was first written, for the warning about another spelling.
    first_seen: Vec<PathBuf>,
    campaign: Vec<bool>,
    index: HashMap<String, usize>,
    /// Spellings already warned about (tag, spelling in lowercase): one warning each.
    warned: HashSet<(usize, String)>,
    /// Tags already compared with the campaign hashtags: once each, not once per story.
    compared: HashSet<usize>,
    /// The tag each string was found to be, as written in front-matter (`#Zorg `): a string seen
    /// before has been checked, spelled and warned about, so it is only looked up. Most tags are
    /// written the same in thousands of stories.
    known: HashMap<String, usize>,
    paths: Paths,
}

impl Hashtags {
    /// Starts with the site's own tags, whose spelling wins.
    pub(super) fn of_site(config: &SiteHashtags, paths: &Paths) -> Self {
        let mut tags = Hashtags {
            paths: paths.clone(),
            ..Hashtags::default()
        };
        let site_yaml = Path::new("content/site.yaml");
        for name in config.campaigns.iter() {
            tags.spell(name, true, site_yaml);
        }
        for name in config.always.iter() {
            tags.spell(name, false, site_yaml);
        }
        tags
    }

    /// The tag `written` is, added when new.
    fn spell(&mut self, written: &str, campaign: bool, file: &Path) -> usize {
        let name = written.trim().trim_start_matches('#').to_owned();
        let key = slugify(&name);
        if let Some(&i) = self.index.get(&key) {
            self.campaign[i] |= campaign;
            return i;
        }
        self.keys.push(key.clone());
        self.names.push(name);
        self.first_seen.push(file.to_owned());
        self.campaign.push(campaign);
        self.index.insert(key, self.keys.len() - 1);
        self.keys.len() - 1
    }

    /// The tags of a document's `hashtags` key, each once; an error for each that is not a word.
    pub(super) fn collect<F>(
        &mut self,
        doc: &Document<F>,
        written: &[String],
        diagnostics: &mut Diagnostics,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, tag) in written.iter().enumerate() {
            if let Some(&index) = self.known.get(tag.as_str()) {
                if !out.contains(&index) {
                    out.push(index);
                }
                continue;
            }
            if let Some(error) = hashtag_error(doc, i, tag) {
                diagnostics.push(error);
                continue;
            }
            let name = tag.trim().trim_start_matches('#');
            let index = self.spell(name, false, &doc.file.path);
            let spelling = name.to_lowercase();
            if self.names[index].to_lowercase() != spelling && self.warned.insert((index, spelling))
            {
                diagnostics.push(
                    doc.warning(
                        &format!("hashtags.{i}"),
                        {
                            let address = self.paths.hashtag(&self.keys[index]);
                            let shown = &self.names[index];
                            let first = self.first_seen[index].display();
                            crate::text!(
                                "hashtag `{name}` has the address `{address}` of `{shown}` ({first}): they are one hashtag, shown as `{shown}`",
                                "hashtag `{name}` heeft hetzelfde adres `{address}` als `{shown}` ({first}): het is één hashtag, getoond als `{shown}`"
                            )
                        },
                    )
                    .with_hint({
                        let shown = &self.names[index];
                        crate::text!(
                            "write `{shown}` to say the same",
                            "schrijf `{shown}`, dat betekent hetzelfde"
                        )
                    }),
                );
            }
            let first_look = self.compared.insert(index);
            if let Some(campaign) = first_look.then(|| self.campaign_close_to(index)).flatten() {
                if self.warned.insert((index, String::new())) {
                    let (shown, address) =
                        (&self.names[index], self.paths.hashtag(&self.keys[index]));
                    diagnostics.push(
                        doc.warning(
                            &format!("hashtags.{i}"),
                            crate::text!(
                                "hashtag `{shown}` is close to the campaign hashtag `{campaign}` of site.yaml, but is another hashtag, with a page of its own (`{address}`)",
                                "hashtag `{shown}` lijkt op de campagnehashtag `{campaign}` uit site.yaml, maar is een andere hashtag, met een eigen pagina (`{address}`)"
                            ),
                        )
                        .with_hint(crate::text!(
                            "did you mean `{campaign}`?",
                            "bedoel je `{campaign}`?"
                        )),
                    );
                }
            }
            self.known.insert(tag.clone(), index);
            if !out.contains(&index) {
                out.push(index);
            }
        }
        out
    }

    /// The campaign hashtag of site.yaml that tag `index`, no campaign itself, is a typo of (at
    /// most two letters off, in tags of six letters or more), as site.yaml spells it.
    fn campaign_close_to(&self, index: usize) -> Option<String> {
        if self.campaign[index] || self.keys[index].chars().count() < 6 {
            return None;
        }
        let key = &self.keys[index];
        (0..self.keys.len())
            .filter(|&i| self.campaign[i])
            .map(|i| (strsim::damerau_levenshtein(key, &self.keys[i]), i))
            .filter(|&(distance, _)| distance <= 2)
            .min()
            .map(|(_, i)| self.names[i].clone())
    }

    /// The site's hashtags, sorted by key, each with its published stories; the tags of stories,
    /// ambassadors and vacancies are renumbered to positions in it.
    pub(super) fn finish(
        &self,
        stories: &mut [Story],
        ambassadors: &mut [Ambassador],
        vacancies: &mut [Vacancy],
        paths: &Paths,
    ) -> Vec<Hashtag> {
        let hashtags = self.sorted(stories, paths);
        let key_to_index: HashMap<&str, usize> = hashtags
            .iter()
            .enumerate()
            .map(|(i, h)| (h.key.as_str(), i))
            .collect();
        let remap = |list: &mut Vec<usize>| {
            for tag in list.iter_mut() {
                *tag = key_to_index[self.keys[*tag].as_str()];
            }
        };
        stories.iter_mut().for_each(|s| remap(&mut s.hashtags));
        ambassadors.iter_mut().for_each(|a| remap(&mut a.hashtags));
        vacancies.iter_mut().for_each(|v| remap(&mut v.hashtags));
        hashtags
    }

    /// Every tag, sorted by key, with the stories that use it.
    fn sorted(&self, stories: &[Story], paths: &Paths) -> Vec<Hashtag> {
        let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, story) in stories.iter().enumerate() {
            for &tag in &story.hashtags {
                by_key.entry(self.keys[tag].as_str()).or_default().push(i);
            }
        }
        // Tags no published story uses still need a place, so that references stay valid.
        for key in &self.keys {
            by_key.entry(key.as_str()).or_default();
        }
        by_key
            .into_iter()
            .map(|(key, stories)| {
                let i = self.index[key];
                Hashtag {
                    key: key.to_owned(),
                    name: self.names[i].clone(),
                    campaign: self.campaign[i],
                    stories,
                    url: paths.hashtag(key),
                }
            })
            .collect()
    }
}

/// The error of each tag of a document's `hashtags` that is not one word.
pub(super) fn hashtag_errors<F>(doc: &Document<F>, written: &[String]) -> Vec<Diagnostic> {
    written
        .iter()
        .enumerate()
        .filter_map(|(i, tag)| hashtag_error(doc, i, tag))
        .collect()
}

/// Why the tag written at `hashtags.{i}` is not one word, if it is not.
fn hashtag_error<F>(doc: &Document<F>, i: usize, tag: &str) -> Option<Diagnostic> {
    let name = tag.trim().trim_start_matches('#');
    let message = if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        crate::text!(
            "hashtag `{tag}` has characters a hashtag cannot have",
            "hashtag `{tag}` heeft tekens die een hashtag niet kan hebben"
        )
    } else if slugify(name).is_empty() {
        crate::text!(
            "hashtag `{tag}` has no letter or digit for its address",
            "hashtag `{tag}` heeft geen letter of cijfer voor het adres"
        )
    } else {
        return None;
    };
    Some(
        doc.error(&format!("hashtags.{i}"), message)
            .with_hint(crate::text!(
                "write one word of letters and digits, e.g. `MeerDanBillenWassen`",
                "schrijf één woord van letters en cijfers, bijvoorbeeld `MeerDanBillenWassen`"
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_close_to_a_campaign_is_found_but_not_a_short_one() {
        let config = SiteHashtags {
            always: vec!["ZorggroepTest".into()],
            campaigns: vec!["MeerDanBillenWassen".into(), "ICT".into()],
        };
        let mut tags = Hashtags::of_site(&config, &Paths::default());
        let site_yaml = Path::new("content/site.yaml");
        let typo = tags.spell("MeerDanBilenWassen", false, site_yaml);
        let short = tags.spell("IC", false, site_yaml);
        let other = tags.spell("thuiszorg", false, site_yaml);
        let campaign = tags.spell("meerdanbillenwassen", false, site_yaml);
        let always = tags.spell("zorggroeptest", false, site_yaml);
        assert_eq!(
            tags.campaign_close_to(typo).as_deref(),
            Some("MeerDanBillenWassen")
        );
        for tag in [short, other, campaign, always] {
            assert_eq!(tags.campaign_close_to(tag), None, "{}", tags.names[tag]);
        }
    }
}
