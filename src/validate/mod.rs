//! Cross-file rules: references, consent scope and dates, slugs, paths, photos. Turns the loaded
//! `Content` into the `Site` that is published on the build date, and reports every problem.

pub(crate) mod links;
pub(crate) mod share_texts;
pub(crate) mod vacancies;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::base::date::Day;
use crate::base::diagnostics::{did_you_mean, Diagnostic, Diagnostics, Severity};
use crate::base::slug::{is_slug, slugify};
use crate::content::consent::{ConsentRegister, ConsentState, Publishing, Use};
use crate::content::front_matter::Document;
use crate::content::markdown;
use crate::content::story::{Focus, PeopleInPhoto, StoryFront, SUMMARY_LIMIT};
use crate::content::vacancy::{Hours, EMPLOYMENT_TYPES};
use crate::content::{Content, Entry, Section};
use crate::model::photos;
use crate::model::*;
use crate::validate::links::{LinkIndex, Target};

pub struct ValidateOptions {
    pub today: Day,
    pub drafts: bool,
}

/// Builds the site model. Rendering may start only when the diagnostics hold no error.
pub fn validate(content: Content, options: &ValidateOptions) -> (Site, Diagnostics) {
    let mut v = Validator {
        content: &content,
        today: options.today,
        drafts: options.drafts,
        diagnostics: Diagnostics::new(),
        photos: Vec::new(),
        photo_by_source: HashMap::new(),
    };
    let ambassadors = v.ambassadors();
    let ambassador_index: HashMap<&str, usize> = ambassadors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.0.slug.as_str(), i))
        .collect();
    let mut vacancies = v.vacancies();
    // Newest first; the slug breaks ties so that the order never depends on the file system.
    vacancies.sort_by(|(a, _), (b, _)| {
        b.doc
            .front
            .date
            .cmp(&a.doc.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let vacancy_index: HashMap<&str, usize> = vacancies
        .iter()
        .enumerate()
        .map(|(i, a)| (a.0.slug.as_str(), i))
        .collect();
    let mut stories = v.stories(&ambassador_index, &vacancy_index);
    stories.sort_by(|(a, _), (b, _)| {
        b.doc
            .front
            .date
            .cmp(&a.doc.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let pages = v.pages();

    // Everything that will have a page, for links in Markdown.
    let paths = &content.config.paths;
    let mut index = LinkIndex::new(&content.root);
    for entry in &content.ambassadors {
        let published = ambassador_index.contains_key(entry.slug.as_str());
        index.add(
            &entry.doc.file.path,
            paths.ambassador(&entry.slug),
            target(published, "ambassador", &entry.slug),
        );
    }
    let story_published: HashSet<&str> = stories.iter().map(|s| s.0.slug.as_str()).collect();
    for entry in &content.stories {
        let published = story_published.contains(entry.slug.as_str());
        index.add(
            &entry.doc.file.path,
            paths.story(&entry.slug),
            target(published, "story", &entry.slug),
        );
    }
    for entry in &content.vacancies {
        let published = vacancy_index.contains_key(entry.slug.as_str());
        index.add(
            &entry.doc.file.path,
            paths.vacancy(&entry.slug),
            target(published, "vacancy", &entry.slug),
        );
    }
    for (entry, _) in &pages {
        index.add(&entry.doc.file.path, paths.page(&entry.slug), Target::Page);
    }
    for section in [
        &paths.stories,
        &paths.vacancies,
        &paths.ambassadors,
        &paths.hashtags,
    ] {
        index.add_path(format!("/{section}/"));
    }
    index.add_path("/".to_owned());
    for file in &content.static_files {
        index.add_path(format!("/{}", file.to_string_lossy().replace('\\', "/")));
    }
    v.check_page_slugs(&pages);

    // Markdown, once per published document, in parallel.
    let language = content.config.language;
    let render = |doc_file: &crate::base::source::SourceFile, body_start: usize| {
        let resolver = index.resolver(&doc_file.path);
        markdown::render(doc_file, body_start, &resolver, language)
    };
    let ambassador_html: Vec<_> = ambassadors
        .par_iter()
        .map(|(e, _)| render(&e.doc.file, e.doc.body.start))
        .collect();
    let story_html: Vec<_> = stories
        .par_iter()
        .map(|(e, _)| render(&e.doc.file, e.doc.body.start))
        .collect();
    let vacancy_html: Vec<_> = vacancies
        .par_iter()
        .map(|(e, _)| render(&e.doc.file, e.doc.body.start))
        .collect();
    let page_html: Vec<_> = pages
        .par_iter()
        .map(|(e, _)| render(&e.doc.file, e.doc.body.start))
        .collect();
    for rendered in ambassador_html
        .iter()
        .chain(&story_html)
        .chain(&vacancy_html)
        .chain(&page_html)
    {
        v.diagnostics.extend(rendered.diagnostics.iter().cloned());
    }

    // Hashtags: the site's own spelling wins, then the first one seen.
    let mut tags = Hashtags::default();
    for name in content.config.hashtags.campaigns.iter() {
        tags.spell(name, true);
    }
    for name in content.config.hashtags.always.iter() {
        tags.spell(name, false);
    }

    let mut site_stories: Vec<Story> = Vec::with_capacity(stories.len());
    for ((entry, parts), rendered) in stories.into_iter().zip(story_html) {
        let f = &entry.doc.front;
        let hashtags = tags.collect(&entry.doc, &f.hashtags, "hashtags", &mut v.diagnostics);
        let ambassador_consent = &ambassadors[parts.ambassador].0.doc.front.consent;
        let social = social_consent(
            &content.consent,
            &entry.doc,
            &f.consent,
            // The ambassador's own warning already says it when the consent is the same.
            (&f.consent != ambassador_consent)
                .then_some("this story is on the site but in no share kit"),
            &mut v.diagnostics,
        );
        let canonical = format!("{}{}", content.config.base_url, paths.story(&entry.slug));
        let longest_id = ambassadors
            .iter()
            .map(|a| a.0.slug.len())
            .max()
            .unwrap_or(0);
        let utm = (
            f.utm
                .as_ref()
                .and_then(|u| u.medium.as_deref())
                .unwrap_or(&content.config.share.utm.medium),
            f.utm
                .as_ref()
                .and_then(|u| u.campaign.as_deref())
                .unwrap_or(&content.config.share.utm.campaign),
        );
        v.diagnostics.extend(share_texts::check_own_texts(
            &entry.doc,
            &content.config.share.platforms,
            &|platform| {
                crate::share::links::tracked_url(
                    &canonical,
                    platform,
                    utm.0,
                    utm.1,
                    &"x".repeat(longest_id),
                )
            },
        ));
        site_stories.push(Story {
            slug: entry.slug.clone(),
            title: f.title.clone(),
            date: f.date,
            ambassador: parts.ambassador,
            consent: f.consent.clone(),
            summary: f.summary.trim().to_owned(),
            hashtags,
            role: f
                .role
                .clone()
                .or_else(|| Some(ambassadors[parts.ambassador].0.doc.front.role.clone())),
            department: f
                .department
                .clone()
                .or_else(|| ambassadors[parts.ambassador].0.doc.front.department.clone()),
            location: f
                .location
                .clone()
                .or_else(|| ambassadors[parts.ambassador].0.doc.front.location.clone()),
            image: parts.image,
            quote: f.quote.clone(),
            vacancies: parts
                .vacancies
                .iter()
                .filter(|&&i| vacancies[i].1.open)
                .copied()
                .collect(),
            share: f.share.clone(),
            utm: f.utm.clone(),
            social,
            body_html: rendered.html,
            url: paths.story(&entry.slug),
            visibility: parts.visibility,
            source: entry.doc.file.path.clone(),
        });
    }
    let story_position: HashMap<&str, usize> = site_stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.slug.as_str(), i))
        .collect();

    let mut site_ambassadors: Vec<Ambassador> = ambassadors
        .into_iter()
        .zip(ambassador_html)
        .map(|((entry, photo), rendered)| {
            let f = &entry.doc.front;
            Ambassador {
                id: entry.slug.clone(),
                name: f.name.clone(),
                role: f.role.clone(),
                department: f.department.clone(),
                location: f.location.clone(),
                photo,
                socials: f.socials.clone(),
                hashtags: tags.collect(&entry.doc, &f.hashtags, "hashtags", &mut v.diagnostics),
                since: f.since,
                bio_html: rendered.html,
                url: paths.ambassador(&entry.slug),
                stories: Vec::new(),
                source: entry.doc.file.path.clone(),
                social: social_consent(
                    &content.consent,
                    &entry.doc,
                    &f.consent,
                    Some("no share kit for this ambassador, and their stories are in no share kit"),
                    &mut v.diagnostics,
                ),
            }
        })
        .collect();
    for (i, story) in site_stories.iter().enumerate() {
        site_ambassadors[story.ambassador].stories.push(i);
    }

    let mut site_vacancies: Vec<Vacancy> = vacancies
        .into_iter()
        .zip(vacancy_html)
        .map(|((entry, open), rendered)| {
            let f = &entry.doc.front;
            let stories = f
                .stories
                .iter()
                .filter_map(|slug| story_position.get(slug.as_str()).copied())
                .collect();
            Vacancy {
                slug: entry.slug.clone(),
                title: f.title.clone(),
                date: f.date,
                valid_through: f.valid_through.clone(),
                open: open.open,
                department: f.department.clone(),
                role: f.role.clone(),
                location: f.location.clone(),
                hours: f.hours_per_week,
                salary: open.terms.salary.clone(),
                remote: open.terms.remote,
                direct_apply: f.direct_apply,
                employment_types: f
                    .employment_type
                    .as_ref()
                    .map(|t| t.values())
                    .unwrap_or_default(),
                apply_url: f.apply_url.clone(),
                contact: f.contact.clone(),
                hashtags: tags.collect(&entry.doc, &f.hashtags, "hashtags", &mut v.diagnostics),
                identifier: f.identifier.clone().unwrap_or_else(|| entry.slug.clone()),
                stories,
                body_html: rendered.html,
                url: paths.vacancy(&entry.slug),
                visibility: open.visibility,
                source: entry.doc.file.path.clone(),
            }
        })
        .collect();
    // A story that names a vacancy appears on it, as the vacancy naming the story does.
    for (i, story) in site_stories.iter().enumerate() {
        for &vacancy in &story.vacancies {
            if !site_vacancies[vacancy].stories.contains(&i) {
                site_vacancies[vacancy].stories.push(i);
            }
        }
    }
    for vacancy in &mut site_vacancies {
        vacancy.stories.sort_unstable();
    }
    let site_pages = pages
        .into_iter()
        .zip(page_html)
        .map(|((entry, visibility), rendered)| Page {
            slug: entry.slug.clone(),
            title: entry.doc.front.title.clone(),
            summary: entry.doc.front.summary.clone(),
            body_html: rendered.html,
            url: paths.page(&entry.slug),
            visibility,
        })
        .collect();

    let hashtags = tags.finish(&site_stories, paths);
    let key_to_index: HashMap<&str, usize> = hashtags
        .iter()
        .enumerate()
        .map(|(i, h)| (h.key.as_str(), i))
        .collect();
    let remap = |list: &mut Vec<usize>| {
        for tag in list.iter_mut() {
            *tag = key_to_index[tags.keys[*tag].as_str()];
        }
    };
    for story in &mut site_stories {
        remap(&mut story.hashtags);
    }
    for ambassador in &mut site_ambassadors {
        remap(&mut ambassador.hashtags);
    }
    for vacancy in &mut site_vacancies {
        remap(&mut vacancy.hashtags);
    }

    let aliases = v.aliases(&index);
    let (logo_url, logo_source) = v.logo();
    let Validator {
        diagnostics,
        photos,
        ..
    } = v;
    let site = Site {
        root: content.root.clone(),
        config: content.config.clone(),
        today: options.today,
        drafts: options.drafts,
        ambassadors: site_ambassadors,
        stories: site_stories,
        vacancies: site_vacancies,
        pages: site_pages,
        hashtags,
        aliases,
        photos,
        static_files: content.static_files.clone(),
        logo_url,
        logo_source,
    };
    (site, diagnostics)
}

fn target(published: bool, what: &str, slug: &str) -> Target {
    if published {
        Target::Page
    } else {
        Target::Unpublished(format!("{what} `{slug}` is not published on this build"))
    }
}

/// Whether a (valid) consent covers `social`, for share kits; warns with `effect` when not.
fn social_consent<F>(
    register: &ConsentRegister,
    doc: &Document<F>,
    reference: &str,
    effect: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let covers = register
        .get(reference)
        .is_some_and(|record| record.covers(Use::Social));
    if let (false, Some(effect)) = (covers, effect) {
        diagnostics.push(
            doc.warning(
                "consent",
                format!("consent `{reference}` does not cover `social`: {effect}"),
            )
            .with_hint("add `social` to the consent's scope once the ambassador has agreed to it"),
        );
    }
    covers
}

struct StoryParts {
    ambassador: usize,
    image: Option<PhotoRef>,
    vacancies: Vec<usize>,
    visibility: Visibility,
}

struct VacancyState {
    open: bool,
    visibility: Visibility,
    terms: crate::validate::vacancies::Terms,
}

struct Validator<'c> {
    content: &'c Content,
    today: Day,
    drafts: bool,
    diagnostics: Diagnostics,
    photos: Vec<Photo>,
    photo_by_source: HashMap<PathBuf, usize>,
}

impl<'c> Validator<'c> {
    fn register(&self) -> &'c ConsentRegister {
        &self.content.consent
    }

    /// Checks a consent reference for `owner` and `usage`: `Ok(true)` publish, `Ok(false)` leave
    /// out (with a warning already given), `Err` an error already given.
    fn consent<F>(
        &mut self,
        doc: &Document<F>,
        reference: &str,
        owner: &str,
        what: &str,
    ) -> Result<bool, ()> {
        let Some(record) = self.register().get(reference) else {
            let hint = did_you_mean(
                reference,
                self.register().records.keys().map(String::as_str),
            )
            .unwrap_or_else(|| "add it to content/consent.yaml, or check the spelling".to_owned());
            self.diagnostics.push(
                doc.error(
                    "consent",
                    format!("consent reference `{reference}` is not in the consent register"),
                )
                .with_hint(hint),
            );
            return Err(());
        };
        if record.subject != owner {
            self.diagnostics.push(
                doc.error(
                    "consent",
                    format!(
                        "consent `{reference}` belongs to `{}`, not to `{owner}`",
                        record.subject
                    ),
                )
                .with_hint(format!("use the consent reference of `{owner}`")),
            );
            return Err(());
        }
        match record.for_website(self.today) {
            Publishing::Allowed => Ok(true),
            Publishing::NotInScope => {
                self.diagnostics.push(
                    doc.error(
                        "consent",
                        format!("consent `{reference}` does not cover `website`"),
                    )
                    .with_hint(
                        "publishing needs `website` in the consent's scope; ask for a new consent form",
                    ),
                );
                Err(())
            }
            Publishing::LeftOut(state) => {
                self.diagnostics.push(
                    doc.warning("consent", format!("consent `{reference}` {}: {what} {} left out", state.describe(), if what.ends_with("stories") { "are" } else { "is" }))
                        .with_hint("nothing derived from it is published; remove the file when it is no longer needed"),
                );
                Ok(false)
            }
        }
    }

    fn ambassadors(
        &mut self,
    ) -> Vec<(
        &'c Entry<crate::content::ambassador::AmbassadorFront>,
        Option<PhotoRef>,
    )> {
        let mut out = Vec::new();
        for entry in &self.content.ambassadors {
            let doc = &entry.doc;
            if !is_slug(&entry.slug) {
                self.slug_error(doc, &entry.slug, "an ambassador's id");
                continue;
            }
            if entry.slug == crate::model::paths::KIT_SEGMENT {
                self.diagnostics.push(
                    Diagnostic::file(
                        Severity::Error,
                        &doc.file.path,
                        format!(
                            "the ambassador id `{}` would take the address of the share kits' index",
                            entry.slug
                        ),
                    )
                    .with_hint("rename the file, e.g. after the ambassador's name"),
                );
                continue;
            }
            let published = self.consent(
                doc,
                &doc.front.consent,
                &entry.slug,
                "this ambassador's profile and stories",
            );
            if published != Ok(true) {
                continue;
            }
            let photo = match (&doc.front.photo, &doc.front.photo_alt) {
                (Some(path), alt) => self.photo(
                    doc,
                    "photo",
                    path,
                    alt.as_deref(),
                    "photo_alt",
                    &[(&doc.front.consent, "consent".to_owned())],
                    Focus::default(),
                    Section::Ambassadors,
                    &entry.slug,
                ),
                (None, _) => None,
            };
            out.push((entry, photo));
        }
        out
    }

    fn vacancies(
        &mut self,
    ) -> Vec<(
        &'c Entry<crate::content::vacancy::VacancyFront>,
        VacancyState,
    )> {
        let mut out = Vec::new();
        for entry in &self.content.vacancies {
            let doc = &entry.doc;
            let f = &doc.front;
            if !is_slug(&entry.slug) {
                self.slug_error(doc, &entry.slug, "a vacancy's file name");
                continue;
            }
            let mut ok = true;
            if f.valid_through.day < f.date {
                ok = false;
                self.diagnostics.push(
                    doc.error(
                        "valid_through",
                        format!(
                            "`valid_through` ({}) lies before `date` ({})",
                            f.valid_through.day, f.date
                        ),
                    )
                    .with_hint("a vacancy closes after it was posted"),
                );
            }
            for (i, value) in f
                .employment_type
                .as_ref()
                .map(|t| t.values())
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if !EMPLOYMENT_TYPES.contains(&value.as_str()) {
                    ok = false;
                    let key = if doc.yaml.has("employment_type.0") {
                        format!("employment_type.{i}")
                    } else {
                        "employment_type".to_owned()
                    };
                    let hint = crate::content::vacancy::employment_type_for_dutch(value)
                        .map(|t| format!("did you mean `{t}`?"))
                        .or_else(|| {
                            did_you_mean(&value.to_uppercase(), EMPLOYMENT_TYPES.iter().copied())
                        })
                        .unwrap_or_else(|| format!("use one of {}", EMPLOYMENT_TYPES.join(", ")));
                    self.diagnostics.push(
                        doc.error(&key, format!("unknown employment type `{value}`"))
                            .with_hint(hint),
                    );
                }
            }
            let mut problems = Vec::new();
            let terms = crate::validate::vacancies::check(doc, &mut problems);
            ok &= terms.is_some();
            self.diagnostics.extend(problems);
            if let Some(Hours::Range { min, max }) = f.hours_per_week {
                if max < min {
                    ok = false;
                    self.diagnostics.push(
                        doc.error(
                            "hours_per_week",
                            format!("`hours_per_week.max` ({max}) is below `min` ({min})"),
                        )
                        .with_hint("swap the two numbers: `{ min: 24, max: 32 }`"),
                    );
                }
            }
            if let Some(url) = &f.apply_url {
                if !crate::content::config::is_absolute_url(url) {
                    ok = false;
                    self.diagnostics.push(
                        doc.error(
                            "apply_url",
                            format!("`apply_url` must be an absolute URL, found `{url}`"),
                        )
                        .with_hint("e.g. `https://www.example.nl/solliciteren/…`"),
                    );
                }
            }
            for (i, slug) in f.stories.iter().enumerate() {
                if !self.content.stories.iter().any(|s| &s.slug == slug)
                    && !self.unparsed(Section::Stories, slug)
                {
                    ok = false;
                    let hint =
                        did_you_mean(slug, self.content.stories.iter().map(|s| s.slug.as_str()))
                            .unwrap_or_else(|| {
                                "use the file name of a story in content/stories/ without `.md`"
                                    .to_owned()
                            });
                    self.diagnostics.push(
                        doc.error(&format!("stories.{i}"), format!("unknown story `{slug}`"))
                            .with_hint(hint),
                    );
                }
            }
            let visibility = if f.draft {
                Visibility::Draft
            } else if f.date > self.today {
                Visibility::Scheduled(f.date)
            } else {
                Visibility::Public
            };
            if !ok || (visibility != Visibility::Public && !self.drafts) {
                continue;
            }
            let open = f.valid_through.day >= self.today;
            let terms = terms.unwrap_or_default();
            out.push((
                entry,
                VacancyState {
                    open,
                    visibility,
                    terms,
                },
            ));
        }
        out
    }

    fn stories(
        &mut self,
        ambassador_index: &HashMap<&str, usize>,
        vacancy_index: &HashMap<&str, usize>,
    ) -> Vec<(&'c Entry<StoryFront>, StoryParts)> {
        let mut out = Vec::new();
        let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
        for entry in &self.content.stories {
            let doc = &entry.doc;
            let f = &doc.front;
            if let Some(first) = seen.insert(&entry.slug, &doc.file.path) {
                self.diagnostics.push(
                    Diagnostic::file(
                        Severity::Error,
                        &doc.file.path,
                        format!(
                            "two stories have the slug `{}`: this one and `{}`",
                            entry.slug,
                            first.display()
                        ),
                    )
                    .with_hint("rename one of them: the slug is the story's URL"),
                );
                continue;
            }
            if !is_slug(&entry.slug) {
                self.slug_error(doc, &entry.slug, "a story's file name");
                continue;
            }
            let mut ok = true;
            let summary_length = f.summary.trim().chars().count();
            if summary_length > SUMMARY_LIMIT {
                ok = false;
                self.diagnostics.push(
                    doc.error("summary", format!("`summary` is {summary_length} characters, more than {SUMMARY_LIMIT}"))
                        .with_hint("search engines and link previews cut longer summaries; keep it to one or two sentences"),
                );
            }
            if f.summary.trim().is_empty() {
                ok = false;
                self.diagnostics.push(
                    doc.error("summary", "`summary` is empty")
                        .with_hint("write one or two sentences for link previews"),
                );
            }
            let ambassador_exists = self
                .content
                .ambassadors
                .iter()
                .any(|a| a.slug == f.ambassador)
                || self.unparsed(Section::Ambassadors, &f.ambassador);
            if !ambassador_exists {
                ok = false;
                let hint = did_you_mean(
                    &f.ambassador,
                    self.content.ambassadors.iter().map(|a| a.slug.as_str()),
                )
                .unwrap_or_else(|| {
                    "use the id of an ambassador: a file name in content/ambassadors/ without `.md`"
                        .to_owned()
                });
                self.diagnostics.push(
                    doc.error(
                        "ambassador",
                        format!("unknown ambassador `{}`", f.ambassador),
                    )
                    .with_hint(hint),
                );
            }
            let mut vacancies = Vec::new();
            for (i, slug) in f.vacancies.iter().enumerate() {
                if let Some(&index) = vacancy_index.get(slug.as_str()) {
                    vacancies.push(index);
                } else if !self.content.vacancies.iter().any(|v| &v.slug == slug)
                    && !self.unparsed(Section::Vacancies, slug)
                {
                    ok = false;
                    let hint =
                        did_you_mean(slug, self.content.vacancies.iter().map(|v| v.slug.as_str()))
                            .unwrap_or_else(|| {
                                "use the file name of a vacancy in content/vacancies/ without `.md`"
                                    .to_owned()
                            });
                    self.diagnostics.push(
                        doc.error(
                            &format!("vacancies.{i}"),
                            format!("unknown vacancy `{slug}`"),
                        )
                        .with_hint(hint),
                    );
                }
            }
            for (i, alias) in f.aliases.iter().enumerate() {
                if !alias.starts_with('/')
                    || alias.contains("..")
                    || alias.contains(['?', '#', ' '])
                {
                    ok = false;
                    self.diagnostics.push(doc.error(&format!("aliases.{i}"), format!("alias `{alias}` is not a site path")).with_hint("write the old address from its first `/`, e.g. `/verhalen/oude-titel/`"));
                }
            }
            if f.image.is_some() && f.image_alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                ok = false;
                self.diagnostics.push(
                    doc.error("image", "`image` has no `image_alt`").with_hint(
                        "describe the photo for people who cannot see it: `image_alt: …`",
                    ),
                );
            }
            let consent = if ambassador_exists {
                self.consent(doc, &f.consent, &f.ambassador, "this story")
            } else {
                Err(())
            };
            if !ok || consent.is_err() {
                continue;
            }
            if consent == Ok(false) {
                continue;
            }
            let Some(&ambassador) = ambassador_index.get(f.ambassador.as_str()) else {
                // The ambassador's own consent is gone (already warned there): so is the story.
                self.diagnostics.push(doc.warning(
                    "ambassador",
                    format!(
                        "ambassador `{}` is not published: this story is left out",
                        f.ambassador
                    ),
                ));
                continue;
            };
            let release = f.publish.unwrap_or(f.date);
            let visibility = if f.draft {
                Visibility::Draft
            } else if release > self.today {
                Visibility::Scheduled(release)
            } else {
                Visibility::Public
            };
            if visibility != Visibility::Public && !self.drafts {
                continue;
            }
            let image = match &f.image {
                Some(path) => {
                    let mut consents: Vec<(&str, String)> =
                        vec![(&f.consent, "consent".to_owned())];
                    match &f.people_in_photo {
                        Some(PeopleInPhoto::Word(word)) if word == "none" => {}
                        Some(PeopleInPhoto::Word(word)) => {
                            self.diagnostics.push(doc.error("people_in_photo", format!("`people_in_photo` is `{word}`")).with_hint("list the consent references of everyone recognisable, or write `none`"));
                            continue;
                        }
                        Some(PeopleInPhoto::References(refs)) => consents.extend(
                            refs.iter()
                                .enumerate()
                                .map(|(i, r)| (r.as_str(), format!("people_in_photo.{i}"))),
                        ),
                        None => {}
                    }
                    self.photo(
                        doc,
                        "image",
                        path,
                        f.image_alt.as_deref(),
                        "image_alt",
                        &consents,
                        f.image_focus.unwrap_or_default(),
                        Section::Stories,
                        &entry.slug,
                    )
                }
                None => None,
            };
            out.push((
                entry,
                StoryParts {
                    ambassador,
                    image,
                    vacancies,
                    visibility,
                },
            ));
        }
        out
    }

    fn pages(&mut self) -> Vec<(&'c Entry<crate::content::page::PageFront>, Visibility)> {
        let mut out = Vec::new();
        for entry in &self.content.pages {
            if !is_slug(&entry.slug) {
                self.slug_error(&entry.doc, &entry.slug, "a page's file name");
                continue;
            }
            let visibility = if entry.doc.front.draft {
                Visibility::Draft
            } else {
                Visibility::Public
            };
            if visibility == Visibility::Draft && !self.drafts {
                continue;
            }
            out.push((entry, visibility));
        }
        out
    }

    fn check_page_slugs(
        &mut self,
        pages: &[(&Entry<crate::content::page::PageFront>, Visibility)],
    ) {
        let p = &self.content.config.paths;
        let taken = [
            &p.stories,
            &p.vacancies,
            &p.ambassadors,
            &p.hashtags,
            &"og".to_owned(),
            &"img".to_owned(),
        ];
        for (entry, _) in pages {
            if taken.contains(&&entry.slug) {
                self.diagnostics.push(
                    Diagnostic::file(
                        Severity::Error,
                        &entry.doc.file.path,
                        format!(
                            "the page `{}` would take the address of a section of the site",
                            entry.slug
                        ),
                    )
                    .with_hint("rename the file"),
                );
            }
        }
    }

    fn unparsed(&self, section: Section, slug: &str) -> bool {
        self.content
            .unparsed
            .iter()
            .any(|(s, x)| *s == section && x == slug)
    }

    fn slug_error<F>(&mut self, doc: &Document<F>, slug: &str, what: &str) {
        self.diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                &doc.file.path,
                format!("`{slug}` is not usable in a URL as {what}"),
            )
            .with_hint(format!(
                "rename the file to `{}`: lowercase letters, digits and hyphens",
                slugify(slug)
            )),
        );
    }

    /// Resolves, probes and registers a photo named in front-matter; `None` when it is left out.
    #[allow(clippy::too_many_arguments)]
    fn photo<F>(
        &mut self,
        doc: &Document<F>,
        key: &str,
        written: &str,
        alt: Option<&str>,
        alt_key: &str,
        consents: &[(&str, String)],
        focus: Focus,
        section: Section,
        owner: &str,
    ) -> Option<PhotoRef> {
        let Some(alt) = alt.filter(|a| !a.trim().is_empty()) else {
            self.diagnostics.push(
                doc.error(key, format!("`{key}` has no `{alt_key}`"))
                    .with_hint(format!(
                        "describe the photo for people who cannot see it: `{alt_key}: …`"
                    )),
            );
            return None;
        };
        let relative =
            match inside_site(&doc.file.path, written) {
                Ok(relative) => relative,
                Err(message) => {
                    self.diagnostics.push(doc.error(key, message).with_hint(
                        "name a file in the site folder, relative to this Markdown file",
                    ));
                    return None;
                }
            };
        let source = self.content.root.join(&relative);
        if !source.is_file() {
            self.diagnostics.push(
                doc.error(key, format!("photo `{written}` does not exist (looked for `{}`)", relative.display()))
                    .with_hint("the path is relative to this Markdown file; a story's photos sit beside its index.md"),
            );
            return None;
        }
        if let (Ok(real), Ok(root)) = (source.canonicalize(), self.content.root.canonicalize()) {
            if !real.starts_with(&root) {
                self.diagnostics.push(doc.error(
                    key,
                    format!("photo `{written}` links to a file outside the site folder"),
                ));
                return None;
            }
        }
        // Everyone recognisable must have consented to the photo, today.
        for (reference, reference_key) in consents {
            let reference = *reference;
            let problem = match self.register().get(reference) {
                None => {
                    self.diagnostics.push(
                        doc.error(
                            reference_key,
                            format!(
                                "consent reference `{reference}` is not in the consent register"
                            ),
                        )
                        .with_hint("add it to content/consent.yaml, or check the spelling"),
                    );
                    return None;
                }
                Some(record) if !record.covers(Use::Photo) => {
                    Some(format!("consent `{reference}` does not cover `photo`"))
                }
                Some(record) => match record.state(self.today) {
                    ConsentState::Valid => None,
                    state => Some(format!("consent `{reference}` {}", state.describe())),
                },
            };
            if let Some(problem) = problem {
                self.diagnostics.push(
                    doc.warning(key, format!("{problem}: the photo is left out"))
                        .with_hint("ask for a consent that includes `photo`, or remove the photo"),
                );
                return None;
            }
        }
        if let Some(&index) = self.photo_by_source.get(&source) {
            if self.photos[index].focus == focus {
                return Some(PhotoRef {
                    photo: index,
                    alt: alt.trim().to_owned(),
                });
            }
        }
        let probe =
            match crate::content::photo::probe(&source, self.content.config.images.max_pixels) {
                Ok(probe) => probe,
                Err(refusal) => {
                    self.diagnostics.push(
                        doc.error(key, format!("`{written}`: {}", refusal.message))
                            .with_hint(refusal.hint),
                    );
                    return None;
                }
            };
        let stem = relative
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
        let folder = match section {
            Section::Ambassadors => &self.content.config.paths.ambassadors,
            _ => &self.content.config.paths.stories,
        };
        let fits_card = photos::fits_card(probe.width, probe.height);
        if !fits_card {
            self.diagnostics.push(
                doc.warning(key, format!("`{written}` is {}×{} pixels, too small for a sharp 1200×630 social card; a text card is used instead", probe.width, probe.height))
                    .with_hint("use a photo at least 1200 pixels wide and 630 high"),
            );
        }
        let variants = photos::plan_variants(
            probe.width,
            probe.height,
            &photos::variant_base(folder, owner, &stem),
            &self.content.config.images,
        );
        // Browsers without `srcset` get a middle width; the widest sets the aspect ratio.
        let fallback = photos::fallback_variant(&variants).expect("there is at least one width");
        let widest = variants.last().expect("there is at least one width");
        let span = doc.yaml.span(key);
        self.photos.push(Photo {
            source: source.clone(),
            origin: Origin {
                path: doc.file.path.clone(),
                span,
                snippet: doc.file.line_text(span.line).map(str::to_owned),
            },
            width: probe.width,
            height: probe.height,
            display_url: fallback.jpeg_url.clone(),
            display_width: widest.width,
            display_height: widest.height,
            fits_card,
            variants,
            focus,
        });
        self.photo_by_source.insert(source, self.photos.len() - 1);
        Some(PhotoRef {
            photo: self.photos.len() - 1,
            alt: alt.trim().to_owned(),
        })
    }

    fn aliases(&mut self, index: &LinkIndex) -> Vec<Alias> {
        let mut out: Vec<Alias> = Vec::new();
        let paths = &self.content.config.paths;
        for entry in &self.content.stories {
            for (i, from) in entry.doc.front.aliases.iter().enumerate() {
                let from = if from.ends_with('/')
                    || from.rsplit('/').next().is_some_and(|l| l.contains('.'))
                {
                    from.clone()
                } else {
                    format!("{from}/")
                };
                if index.has_path(&from) {
                    self.diagnostics.push(
                        entry
                            .doc
                            .error(
                                &format!("aliases.{i}"),
                                format!("alias `{from}` is the address of another page"),
                            )
                            .with_hint("remove the alias"),
                    );
                    continue;
                }
                if let Some(other) = out.iter().find(|a| a.from == from) {
                    self.diagnostics.push(entry.doc.error(
                        &format!("aliases.{i}"),
                        format!("alias `{from}` already redirects to `{}`", other.to),
                    ));
                    continue;
                }
                if index.is_published(&entry.doc.file.path) {
                    out.push(Alias {
                        from,
                        to: paths.story(&entry.slug),
                    });
                }
            }
        }
        for entry in &self.content.pages {
            for (i, from) in entry.doc.front.aliases.iter().enumerate() {
                let from = if from.ends_with('/') {
                    from.clone()
                } else {
                    format!("{from}/")
                };
                if index.has_path(&from) || out.iter().any(|a| a.from == from) {
                    self.diagnostics.push(entry.doc.error(
                        &format!("aliases.{i}"),
                        format!("alias `{from}` is already taken"),
                    ));
                    continue;
                }
                out.push(Alias {
                    from,
                    to: paths.page(&entry.slug),
                });
            }
        }
        out.sort_by(|a, b| a.from.cmp(&b.from));
        out
    }

    fn logo(&mut self) -> (Option<String>, Option<PathBuf>) {
        let Some(logo) = &self.content.config.organization.logo else {
            return (None, None);
        };
        let file = &self.content.config_file;
        let error = |message: String| file.error(find_span(file, "logo"), message);
        let relative = match inside_site(Path::new("site.yaml"), logo) {
            Ok(relative) => relative,
            Err(message) => {
                self.diagnostics.push(error(message));
                return (None, None);
            }
        };
        if !self.content.root.join(&relative).is_file() {
            self.diagnostics
                .push(error(format!("logo `{logo}` does not exist")).with_hint(
                    "`organization.logo` is relative to the site folder, e.g. `static/logo.svg`",
                ));
            return (None, None);
        }
        match relative.strip_prefix("static") {
            Ok(rest) => (
                Some(format!("/{}", rest.to_string_lossy().replace('\\', "/"))),
                None,
            ),
            Err(_) => {
                let name = relative
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (
                    Some(format!("/{name}")),
                    Some(self.content.root.join(&relative)),
                )
            }
        }
    }
}

/// The span of a `key:` line in a whole YAML file (site.yaml), for the few checks made after parsing.
fn find_span(file: &crate::base::source::SourceFile, key: &str) -> crate::base::source::Span {
    let needle = format!("{key}:");
    match file.text.find(&needle) {
        Some(offset) => {
            let value = file.text[offset + needle.len()..]
                .find(|c: char| !c.is_whitespace())
                .map_or(offset, |i| offset + needle.len() + i);
            let end = file.text[value..]
                .find([',', '}', '\n'])
                .map_or(file.text.len(), |i| value + i);
            file.span(value, end)
        }
        None => crate::base::source::Span::file_start(),
    }
}

/// `written` relative to the folder of `document` (both relative to the site root), refusing
/// absolute paths and paths that leave the site folder.
pub fn inside_site(document: &Path, written: &str) -> Result<PathBuf, String> {
    let written_path = Path::new(written);
    if written_path.is_absolute() || written.starts_with('/') || written.starts_with('\\') {
        return Err(format!(
            "`{written}` is an absolute path; paths are relative to the Markdown file"
        ));
    }
    let mut result = PathBuf::new();
    for component in document
        .parent()
        .unwrap_or(Path::new(""))
        .join(written_path)
        .components()
    {
        match component {
            Component::Normal(part) => result.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !result.pop() {
                    return Err(format!("`{written}` leaves the site folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!(
                    "`{written}` is an absolute path; paths are relative to the Markdown file"
                ));
            }
        }
    }
    Ok(result)
}

/// Hashtags of the whole site: one key per tag (case-folded), one spelling.
#[derive(Default)]
struct Hashtags {
    keys: Vec<String>,
    names: Vec<String>,
    campaign: Vec<bool>,
    index: HashMap<String, usize>,
}

impl Hashtags {
    fn spell(&mut self, written: &str, campaign: bool) -> usize {
        let name = written.trim().trim_start_matches('#').to_owned();
        let key = name.to_lowercase();
        if let Some(&i) = self.index.get(&key) {
            self.campaign[i] |= campaign;
            return i;
        }
        self.keys.push(key.clone());
        self.names.push(name);
        self.campaign.push(campaign);
        self.index.insert(key, self.keys.len() - 1);
        self.keys.len() - 1
    }

    fn collect<F>(
        &mut self,
        doc: &Document<F>,
        written: &[String],
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, tag) in written.iter().enumerate() {
            let name = tag.trim().trim_start_matches('#');
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                diagnostics.push(
                    doc.error(
                        &format!("{key}.{i}"),
                        format!("hashtag `{tag}` has characters a hashtag cannot have"),
                    )
                    .with_hint("write one word of letters and digits, e.g. `MeerDanBillenWassen`"),
                );
                continue;
            }
            let index = self.spell(name, false);
            if !out.contains(&index) {
                out.push(index);
            }
        }
        out
    }

    /// The hashtags that have at least one published story, sorted by key, with their stories.
    fn finish(&self, stories: &[Story], paths: &crate::content::config::Paths) -> Vec<Hashtag> {
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
                    url: paths.hashtag(&crate::base::slug::slugify(key)),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let doc = Path::new("content/stories/a/index.md");
        assert_eq!(
            inside_site(doc, "foto.jpg").unwrap(),
            Path::new("content/stories/a/foto.jpg")
        );
        assert_eq!(
            inside_site(doc, "../../../static/x.jpg").unwrap(),
            Path::new("static/x.jpg")
        );
        assert_eq!(
            inside_site(doc, "../../../../etc/passwd").unwrap_err(),
            "`../../../../etc/passwd` leaves the site folder"
        );
        assert!(inside_site(doc, "/etc/passwd").is_err());
    }
}
