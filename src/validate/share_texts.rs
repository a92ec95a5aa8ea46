//! The author's own share texts: each must fit the limit of every configured platform with the
//! link added, or the build fails at that text.

use crate::base::diagnostics::Diagnostic;
use crate::content::front_matter::Document;
use crate::content::story::{ShareTexts, StoryFront};
use crate::content::Entry;
use crate::share::compose::over_limit;
use crate::share::links::tracked_url;
use crate::share::platform::{Measure, Platform};
use crate::validate::Validator;

impl Validator<'_> {
    /// Checks a story's own share texts with its longest tracked URL: the one with the story's
    /// `utm` values (or the site's) and an ambassador id of `longest_id` bytes, the longest of
    /// the site's, since the story may be shared from any ambassador's kit.
    pub(super) fn own_share_texts(
        &self,
        entry: &Entry<StoryFront>,
        longest_id: usize,
    ) -> Vec<Diagnostic> {
        if entry.doc.front.share.is_none() {
            return Vec::new();
        }
        let config = &self.content.config;
        let utm = entry.doc.front.utm.as_ref();
        let canonical = format!("{}{}", config.base_url, config.paths.story(&entry.slug));
        let medium = utm
            .and_then(|u| u.medium.as_deref())
            .unwrap_or(&config.share.utm.medium);
        let campaign = utm
            .and_then(|u| u.campaign.as_deref())
            .unwrap_or(&config.share.utm.campaign);
        let id = "x".repeat(longest_id);
        check_own_texts(&entry.doc, &config.share.platforms, &|platform| {
            tracked_url(&canonical, platform, medium, campaign, &id)
        })
    }
}

/// Every author's own `share` text that exceeds a configured platform's limit, as an error at
/// that text. `longest_url` is the story's longest tracked URL (the longest ambassador id).
fn check_own_texts(
    doc: &Document<StoryFront>,
    platforms: &[String],
    longest_url: &dyn Fn(Platform) -> String,
) -> Vec<Diagnostic> {
    let configured = platforms.iter().filter_map(|p| Platform::from_id(p));
    let mut problems = Vec::new();
    match &doc.front.share {
        None => {}
        Some(ShareTexts::All(text)) => {
            if let Some((platform, over)) = configured
                .filter_map(|p| over_limit(p, text, &longest_url(p)).map(|o| (p, o)))
                .next()
            {
                let (name, id) = (platform.name(), platform.id());
                problems.push(limit_error(doc, "share", platform, over).with_hint(crate::text!(
                    "shorten it, or give {name} a text of its own: `share: {{ {id}: …, linkedin: … }}`",
                    "maak hem korter, of geef {name} een eigen tekst: `share: {{ {id}: …, linkedin: … }}`"
                )));
            }
        }
        Some(ShareTexts::PerPlatform(texts)) => {
            for platform in configured {
                let Some(text) = texts.get(platform.id()) else {
                    continue;
                };
                if let Some(over) = over_limit(platform, text, &longest_url(platform)) {
                    let key = format!("share.{}", platform.id());
                    problems.push(limit_error(doc, &key, platform, over).with_hint(
                        match platform.limit().map(|l| l.measure) {
                            Some(Measure::XWeighted) => crate::text!(
                                "shorten it: the link is added to it and counts as 23, emoji and CJK characters count as 2",
                                "maak hem korter: de link komt erbij en telt als 23, emoji en Chinese, Japanse of Koreaanse tekens tellen als 2"
                            ),
                            Some(Measure::CharsUrl23) => crate::text!(
                                "shorten it: the link is added to it and counts as 23",
                                "maak hem korter: de link komt erbij en telt als 23"
                            ),
                            _ => crate::text!(
                                "shorten it: the link is added to it",
                                "maak hem korter: de link komt erbij"
                            ),
                        },
                    ));
                }
            }
        }
    }
    problems
}

fn limit_error(
    doc: &Document<StoryFront>,
    key: &str,
    platform: Platform,
    (count, max, unit): (usize, usize, &str),
) -> Diagnostic {
    let name = platform.name();
    let message = if unit == "hashtags" {
        crate::text!(
            "`{key}` has {count} hashtags, more than {name} allows ({max})",
            "`{key}` heeft {count} hashtags, meer dan {name} toestaat ({max})"
        )
    } else {
        let unit_nl = match unit {
            "characters" => "tekens",
            "weighted characters" => "gewogen tekens",
            other => other,
        };
        crate::text!(
            "`{key}` is {count} {unit} with the link, more than {name} allows ({max})",
            "`{key}` is {count} {unit_nl} met de link, meer dan {name} toestaat ({max})"
        )
    };
    doc.error(key, message)
}
