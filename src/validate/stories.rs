//! Stories: a story is published when its keys are right, its ambassador and vacancies exist, its
//! consent allows it and its ambassador is published; its model takes what it leaves out from the
//! ambassador, and lists only open vacancies.

use std::collections::BTreeMap;
use std::path::Path;

use foldhash::HashMap;
use rayon::prelude::*;

use crate::base::diagnostics::{did_you_mean, Diagnostic};
use crate::base::html::Html;
use crate::content::front_matter::Document;
use crate::content::story::{StoryFront, SUMMARY_LIMIT};
use crate::content::{Entry, Section};
use crate::model::{PhotoRef, Story, Visibility};
use crate::validate::ambassadors::AcceptedAmbassador;
use crate::validate::hashtags::{hashtag_errors, Hashtags};
use crate::validate::vacancies::AcceptedVacancy;
use crate::validate::{positions, Validator};

/// What the rules found for a published story; the indices are positions in the accepted
/// ambassadors and vacancies.
pub(super) struct StoryParts {
    ambassador: usize,
    image: Option<PhotoRef>,
    vacancies: Vec<usize>,
    visibility: Visibility,
}

/// A story on this build.
pub(super) type AcceptedStory<'c> = (&'c Entry<StoryFront>, StoryParts);

impl<'c> Validator<'c> {
    /// The stories on this build, newest first (the slug breaks ties, so that the order never
    /// depends on the file system).
    pub(super) fn stories(
        &mut self,
        ambassadors: &[AcceptedAmbassador],
        vacancies: &[AcceptedVacancy],
    ) -> Vec<AcceptedStory<'c>> {
        let ambassador_index = positions(ambassadors.iter().map(|a| a.0.slug.as_str()));
        let vacancy_index = positions(vacancies.iter().map(|v| v.0.slug.as_str()));
        let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
        let mut out = Vec::new();
        for entry in &self.content.stories {
            if !self.unique_story_slug(entry, &mut seen)
                || !self.usable_slug(entry, "a story's file name")
            {
                continue;
            }
            let mark = self.diagnostics.len();
            let story = self.story(entry, &ambassador_index, &vacancy_index);
            if story.is_none()
                && (self.diagnostics.has_errors_since(mark) || entry.doc.has_broken_keys())
            {
                // Its hashtags are otherwise checked only once it is published.
                let tags = &entry.doc.front.hashtags;
                self.diagnostics.extend(hashtag_errors(&entry.doc, tags));
            }
            out.extend(story);
        }
        out.sort_by(|(a, _), (b, _)| {
            b.doc
                .front
                .date
                .cmp(&a.doc.front.date)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        out
    }

    /// One story with a usable slug: `None` when it is left out.
    fn story(
        &mut self,
        entry: &'c Entry<StoryFront>,
        ambassador_index: &HashMap<&str, usize>,
        vacancy_index: &HashMap<&str, usize>,
    ) -> Option<AcceptedStory<'c>> {
        let doc = &entry.doc;
        let f = &doc.front;
        // A document with broken keys is checked, never published.
        let mut ok = !doc.has_broken_keys();
        ok &= self.summary(doc);
        let ambassador_exists = self.story_ambassador_exists(doc);
        ok &= ambassador_exists;
        let (vacancies, vacancies_exist) = self.story_vacancies(doc, vacancy_index);
        ok &= vacancies_exist;
        ok &= self.alias_paths(doc, &doc.front.aliases);
        let consent = if ambassador_exists {
            self.consent(doc, &f.consent, &f.ambassador, "this story")
        } else {
            Err(())
        };
        if !ok || consent != Ok(true) {
            self.left_out_story_photo(entry);
            return None;
        }
        let Some(&ambassador) = ambassador_index.get(f.ambassador.as_str()) else {
            // The ambassador's own consent is gone (already warned there): so is the story.
            self.diagnostics.push(doc.warning(
                "ambassador",
                {
                    let ambassador = &f.ambassador;
                    crate::text!(
                        "ambassador `{ambassador}` is not published: this story is left out",
                        "ambassadeur `{ambassador}` wordt niet gepubliceerd: dit verhaal wordt weggelaten"
                    )
                },
            ));
            return None;
        };
        let visibility = self.visibility(f.draft, Some(f.publish.unwrap_or(f.date)))?;
        let image = self.story_photo(entry).ok()?;
        let parts = StoryParts {
            ambassador,
            image,
            vacancies,
            visibility,
        };
        Some((entry, parts))
    }

    /// Whether the summary is there and short enough for link previews.
    fn summary(&mut self, doc: &Document<StoryFront>) -> bool {
        let summary = doc.front.summary.trim();
        let mut ok = true;
        let length = summary.chars().count();
        if length > SUMMARY_LIMIT {
            ok = false;
            self.diagnostics.push(
                doc.error(
                    "summary",
                    crate::text!(
                        "`summary` is {length} characters, more than {SUMMARY_LIMIT}",
                        "`summary` is {length} tekens, meer dan {SUMMARY_LIMIT}"
                    ),
                )
                .with_hint(crate::text!(
                    "search engines and link previews cut longer summaries; keep it to one or two sentences",
                    "zoekmachines en linkvoorbeelden knippen een langere samenvatting af; houd het bij een of twee zinnen"
                )),
            );
        }
        if summary.is_empty() {
            ok = false;
            self.diagnostics.push(
                doc.error(
                    "summary",
                    crate::text!("`summary` is empty", "`summary` is leeg"),
                )
                .with_hint(crate::text!(
                    "write one or two sentences for link previews",
                    "schrijf een of twee zinnen voor linkvoorbeelden"
                )),
            );
        }
        ok
    }

    /// Whether the story's ambassador exists (published or not); an error when not.
    fn story_ambassador_exists(&mut self, doc: &Document<StoryFront>) -> bool {
        let id = &doc.front.ambassador;
        let known = &self.content.ambassadors;
        if self.exists(Section::Ambassadors, id) {
            return true;
        }
        let hint = did_you_mean(id, known.iter().map(|a| a.slug.as_str())).unwrap_or_else(|| {
            crate::text!(
                "use the id of an ambassador: a file name in content/ambassadors/ without `.md`",
                "gebruik de id van een ambassadeur: een bestandsnaam in content/ambassadors/ zonder `.md`"
            )
        });
        self.diagnostics.push(
            doc.error(
                "ambassador",
                crate::text!("unknown ambassador `{id}`", "onbekende ambassadeur `{id}`"),
            )
            .with_hint(hint),
        );
        false
    }

    /// The positions of the story's vacancies that are on this build, and whether every one it
    /// names exists (an error for each that does not).
    fn story_vacancies(
        &mut self,
        doc: &Document<StoryFront>,
        vacancy_index: &HashMap<&str, usize>,
    ) -> (Vec<usize>, bool) {
        let known = &self.content.vacancies;
        let mut found = Vec::new();
        let mut ok = true;
        for (i, slug) in doc.front.vacancies.iter().enumerate() {
            if let Some(&index) = vacancy_index.get(slug.as_str()) {
                found.push(index);
            } else if !self.exists(Section::Vacancies, slug) {
                ok = false;
                let hint = did_you_mean(slug, known.iter().map(|v| v.slug.as_str()))
                    .unwrap_or_else(|| {
                        crate::text!(
                            "use the file name of a vacancy in content/vacancies/ without `.md`",
                            "gebruik de bestandsnaam van een vacature in content/vacancies/ zonder `.md`"
                        )
                    });
                self.diagnostics.push(
                    doc.error(
                        &format!("vacancies.{i}"),
                        crate::text!("unknown vacancy `{slug}`", "onbekende vacature `{slug}`"),
                    )
                    .with_hint(hint),
                );
            }
        }
        (found, ok)
    }

    /// The model of the stories on this build, with their rendered bodies; checks each story's
    /// hashtags, `social` consent and own share texts on the way. The stories are made on every
    /// core; their hashtags, numbered as they are first seen, one after the other in the order
    /// of `stories`, so the diagnostics are in the same order as a story-by-story pass gives.
    pub(super) fn site_stories(
        &mut self,
        stories: Vec<AcceptedStory>,
        bodies: Vec<Html>,
        ambassadors: &[AcceptedAmbassador],
        vacancies: &[AcceptedVacancy],
        tags: &mut Hashtags,
    ) -> Vec<Story> {
        let longest_id = ambassadors
            .iter()
            .map(|a| a.0.slug.len())
            .max()
            .unwrap_or(0);
        let this = &*self;
        let entries: Vec<&Entry<StoryFront>> = stories.iter().map(|(entry, _)| *entry).collect();
        let (mut out, problems): (Vec<Story>, Vec<Vec<Diagnostic>>) = stories
            .into_par_iter()
            .zip(bodies)
            .map(|((entry, parts), body_html)| {
                this.site_story(entry, parts, body_html, ambassadors, vacancies, longest_id)
            })
            .unzip();
        for ((story, entry), problems) in out.iter_mut().zip(entries).zip(problems) {
            story.hashtags =
                tags.collect(&entry.doc, &entry.doc.front.hashtags, &mut self.diagnostics);
            self.diagnostics.extend(problems);
        }
        out
    }

    /// One story's model, its hashtags still to be collected, and the problems of its `social`
    /// consent and own share texts.
    fn site_story(
        &self,
        entry: &Entry<StoryFront>,
        parts: StoryParts,
        body_html: Html,
        ambassadors: &[AcceptedAmbassador],
        vacancies: &[AcceptedVacancy],
        longest_id: usize,
    ) -> (Story, Vec<Diagnostic>) {
        let f = &entry.doc.front;
        let ambassador = &ambassadors[parts.ambassador].0.doc.front;
        // The ambassador's own warning already says it when the consent is the same.
        let effect = (f.consent != ambassador.consent)
            .then_some("this story is on the site but in no share kit");
        let (social, warning) = self.social_consent_of(&entry.doc, &f.consent, effect);
        let mut problems: Vec<Diagnostic> = warning.into_iter().collect();
        problems.extend(self.own_share_texts(entry, longest_id));
        let paths = &self.content.config.paths;
        let story = Story {
            slug: entry.slug.clone(),
            title: f.title.clone(),
            date: f.date,
            ambassador: parts.ambassador,
            consent: f.consent.clone(),
            summary: f.summary.trim().to_owned(),
            hashtags: Vec::new(),
            role: f.role.clone().or_else(|| Some(ambassador.role.clone())),
            department: f
                .department
                .clone()
                .or_else(|| ambassador.department.clone()),
            location: f.location.clone().or_else(|| ambassador.location.clone()),
            image: parts.image,
            quote: f.quote.clone(),
            vacancies: parts
                .vacancies
                .into_iter()
                .filter(|&i| vacancies[i].1.open)
                .collect(),
            share: f.share.clone(),
            utm: f.utm.clone(),
            social,
            body_html,
            url: paths.story(&entry.slug),
            visibility: parts.visibility,
            source: entry.doc.file.path.clone(),
        };
        (story, problems)
    }
}
