//! Rendering: plans every page of the site, builds each page's small context from the shared model,
//! renders the pages in parallel with Tera and hands paths and bytes to the output.

mod feeds;
pub(crate) mod related;
pub(crate) mod seo;
mod sitemap;
pub(crate) mod vacancy_filter;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::base::error::Error;
use crate::content::vacancy::{hours_text, salary_text};
use crate::model::paths::STORIES_PER_PAGE;
use crate::model::*;
use crate::output::Output;
use crate::report::Report;
use crate::share::kit::ShareKits;
use crate::theme::Theme;
use seo::Meta;

pub mod touched;
mod vacancy_list;
use touched::Touched;

/// What a build wrote, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub open_vacancies: usize,
    pub closed_vacancies: usize,
}

#[derive(Clone, Copy)]
enum Job {
    Home,
    StoryList(usize),
    Story(usize),
    AmbassadorList,
    Ambassador(usize),
    VacancyList,
    VacancyFilter(usize, usize),
    Vacancy(usize),
    HashtagIndex,
    Hashtag(usize, usize),
    Page(usize),
    NotFound,
    Alias(usize),
    ShareKit(usize),
    ShareIndex,
    Report,
}

pub fn render(
    site: &Site,
    figures: Option<&Report>,
    theme: &Theme,
    output: &dyn Output,
) -> Result<Counts, Error> {
    render_touched(site, figures, theme, output, None)
}

/// `render`, limited to the pages `touched` affects when given (the sitemap and the set of pages
/// are then unchanged, so they are not written again).
pub fn render_touched(
    site: &Site,
    figures: Option<&Report>,
    theme: &Theme,
    output: &dyn Output,
    touched: Option<&Touched>,
) -> Result<Counts, Error> {
    let renderer = Renderer::new(site, figures, theme);
    let jobs = renderer.plan();
    let sitemap: Vec<Option<String>> = jobs
        .par_iter()
        .filter(|job| touched.is_none_or(|t| t.affects(site, job)))
        .map(|job| renderer.render(*job, output))
        .collect::<Result<_, Error>>()?;
    if touched.is_some() {
        // The feeds list every story and vacancy; writing them is cheap, so they are never stale.
        feeds::write(site, &theme.strings, output)?;
        return Ok(Counts {
            pages: sitemap.len(),
            ..Counts::default()
        });
    }
    let mut indexable: Vec<String> = sitemap.into_iter().flatten().collect();
    indexable.sort();
    sitemap::write(site, &indexable, output)?;
    feeds::write(site, &theme.strings, output)?;
    Ok(Counts {
        pages: jobs.len(),
        open_vacancies: site.open_vacancies().count(),
        closed_vacancies: site.vacancies.iter().filter(|v| !v.open).count(),
    })
}

struct Renderer<'a> {
    site: &'a Site,
    /// The programme figures for the internal report page, when `site.yaml` asks for it.
    figures: Option<&'a Report>,
    theme: &'a Theme,
    base: Context,
    /// Hashtags that have a page (at least one published story).
    tag_has_page: Vec<bool>,
    /// Ways to filter the vacancy list, each value with its own page.
    facets: Vec<crate::render::vacancy_filter::Facet>,
    /// Stories beside each vacancy, vacancies beside each story.
    links: crate::render::related::Links,
    kits: ShareKits,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'static str,
    locale: &'static str,
    organization: &'a str,
    organization_url: &'a str,
    logo_url: Option<&'a str>,
    primary: &'a str,
    accent: &'a str,
    /// Text colours that read on the primary and the accent colour.
    on_primary: String,
    on_accent: String,
    stories_url: String,
    vacancies_url: String,
    ambassadors_url: String,
    hashtags_url: String,
    pages: Vec<Link<'a>>,
    year: i16,
}

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct TagView<'a> {
    name: &'a str,
    url: Option<&'a str>,
    count: usize,
    campaign: bool,
}

#[derive(Serialize)]
struct ImageView<'a> {
    src: &'a str,
    /// `url 480w, url 960w, …` of the JPEG variants, and of the WebP ones when written.
    srcset: String,
    webp_srcset: Option<String>,
    width: u32,
    height: u32,
    alt: &'a str,
}

#[derive(Serialize)]
struct StoryCard<'a> {
    title: &'a str,
    url: &'a str,
    summary: &'a str,
    date: String,
    date_iso: String,
    ambassador: &'a str,
    ambassador_url: &'a str,
    role: Option<&'a str>,
    image: Option<ImageView<'a>>,
    hashtags: Vec<TagView<'a>>,
}

#[derive(Serialize)]
struct VacancyCard<'a> {
    title: &'a str,
    url: &'a str,
    department: Option<&'a str>,
    role: Option<&'a str>,
    city: &'a str,
    hours: Option<String>,
    salary: Option<String>,
    valid_through: String,
    open: bool,
    /// Filter keys for the list's script: `data-afdeling="intensive-care"`.
    filters: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
    current: bool,
}

impl<'a> Renderer<'a> {
    fn new(site: &'a Site, figures: Option<&'a Report>, theme: &'a Theme) -> Self {
        let c = &site.config;
        let view = SiteView {
            title: &c.title,
            description: c.description.as_deref().unwrap_or(""),
            base_url: &c.base_url,
            language: c.language.code(),
            locale: c.language.locale(),
            organization: &c.organization.name,
            organization_url: &c.organization.url,
            logo_url: site.logo_url.as_deref(),
            primary: &c.brand.primary,
            accent: &c.brand.accent,
            on_primary: c.brand.colours.primary.readable_text().hex(),
            on_accent: c.brand.colours.accent.readable_text().hex(),
            stories_url: format!("/{}/", c.paths.stories),
            vacancies_url: format!("/{}/", c.paths.vacancies),
            ambassadors_url: format!("/{}/", c.paths.ambassadors),
            hashtags_url: format!("/{}/", c.paths.hashtags),
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    title: &p.title,
                    url: &p.url,
                })
                .collect(),
            year: site.today.year(),
        };
        let mut base = Context::new();
        base.insert("site", &view);
        base.insert("t", &theme.strings);
        let tag_has_page = site
            .hashtags
            .iter()
            .map(|h| !h.stories.is_empty())
            .collect();
        Renderer {
            site,
            figures,
            theme,
            base,
            tag_has_page,
            facets: vacancy_list::facets(site, &theme.strings),
            links: crate::render::related::links(site),
            kits: ShareKits::build(site),
        }
    }

    fn plan(&self) -> Vec<Job> {
        let s = self.site;
        let mut jobs = vec![
            Job::Home,
            Job::AmbassadorList,
            Job::VacancyList,
            Job::HashtagIndex,
            Job::NotFound,
        ];
        jobs.extend((0..page_count(s.stories.len())).map(Job::StoryList));
        jobs.extend((0..s.stories.len()).map(Job::Story));
        jobs.extend((0..s.ambassadors.len()).map(Job::Ambassador));
        jobs.extend((0..s.vacancies.len()).map(Job::Vacancy));
        jobs.extend(
            self.filter_jobs()
                .into_iter()
                .map(|(f, o)| Job::VacancyFilter(f, o)),
        );
        for (i, tag) in s.hashtags.iter().enumerate() {
            if !tag.stories.is_empty() {
                jobs.extend((0..page_count(tag.stories.len())).map(|p| Job::Hashtag(i, p)));
            }
        }
        jobs.extend((0..s.pages.len()).map(Job::Page));
        jobs.extend((0..s.aliases.len()).map(Job::Alias));
        jobs.extend((0..self.kits.kits.len()).map(Job::ShareKit));
        jobs.push(Job::ShareIndex);
        if self.figures.is_some() {
            jobs.push(Job::Report);
        }
        jobs
    }

    /// Renders and writes one page; returns its path when it belongs in the sitemap.
    fn render(&self, job: Job, output: &dyn Output) -> Result<Option<String>, Error> {
        let s = self.site;
        let text = |key: &str| self.theme.strings.get(key);
        let mut context = self.base.clone();
        let (template, path, meta, indexable): (&str, String, Meta, bool) = match job {
            Job::Home => {
                let latest: Vec<_> = s
                    .stories
                    .iter()
                    .filter(|st| public(st.visibility))
                    .take(6)
                    .map(|st| self.story_card(st))
                    .collect();
                let vacancies: Vec<_> = s
                    .open_vacancies()
                    .take(3)
                    .map(|(_, v)| self.vacancy_card(v))
                    .collect();
                let campaigns: Vec<_> = s
                    .hashtags
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.campaign)
                    .map(|(i, _)| self.tag(i))
                    .collect();
                context.insert("stories", &latest);
                context.insert("vacancies", &vacancies);
                context.insert("campaigns", &campaigns);
                context.insert("ambassador_count", &s.ambassadors.len());
                let description = s
                    .config
                    .description
                    .clone()
                    .unwrap_or_else(|| text("home_description"));
                let meta = Meta::new(s, &s.config.title, &description, "/")
                    .with_json_ld(seo::organization_ld(s));
                ("index.html", "/".to_owned(), meta, true)
            }
            Job::StoryList(page) => {
                let base = format!("/{}/", s.config.paths.stories);
                let path = page_path(&base, page, s);
                let cards: Vec<_> = s
                    .stories
                    .iter()
                    .skip(page * STORIES_PER_PAGE)
                    .take(STORIES_PER_PAGE)
                    .map(|st| self.story_card(st))
                    .collect();
                context.insert("stories", &cards);
                context.insert("pagination", &pagination(&base, page, s.stories.len(), s));
                let mut title = text("stories_title");
                if page > 0 {
                    title = format!("{title} ({} {})", text("page"), page + 1);
                }
                context.insert("heading", &text("stories_title"));
                context.insert("feeds", &feeds::story_feed_links(s, &text("stories_title")));
                let meta = Meta::new(s, &title, &text("stories_description"), &path);
                ("stories.html", path, meta, true)
            }
            Job::Story(i) => {
                let story = &s.stories[i];
                let ambassador = &s.ambassadors[story.ambassador];
                let image = story.image.as_ref().map(|r| self.image(r));
                let card = crate::model::cards::story_card(s, story);
                let vacancies: Vec<_> = self.links.story_vacancies[i]
                    .iter()
                    .map(|&v| self.vacancy_card(&s.vacancies[v]))
                    .collect();
                let more: Vec<_> = ambassador
                    .stories
                    .iter()
                    .filter(|&&o| o != i)
                    .take(3)
                    .map(|&o| self.story_card(&s.stories[o]))
                    .collect();
                context.insert(
                    "story",
                    &serde_json::json!({
                        "title": story.title,
                        "summary": story.summary,
                        "date": s.config.language.long_date(story.date),
                        "date_iso": story.date.to_string(),
                        "body_html": story.body_html,
                        "quote": story.quote,
                        "role": story.role,
                        "department": story.department,
                        "location": story.location,
                        "image": image,
                        "hashtags": story.hashtags.iter().map(|&h| self.tag(h)).collect::<Vec<_>>(),
                    }),
                );
                context.insert("ambassador", &self.ambassador_view(ambassador));
                context.insert("vacancies", &vacancies);
                context.insert("more_stories", &more);
                context.insert("banner", &banner(story.visibility, s, &text));
                let mut meta = Meta::new(s, &story.title, &story.summary, &story.url)
                    .with_card(s, Some((&card.url, &card.alt)))
                    .with_json_ld(seo::article_ld(s, story));
                meta.og_type = "article";
                (
                    "story.html",
                    story.url.clone(),
                    meta,
                    public(story.visibility),
                )
            }
            Job::AmbassadorList => {
                let path = format!("/{}/", s.config.paths.ambassadors);
                let list: Vec<_> = s
                    .ambassadors
                    .iter()
                    .map(|a| self.ambassador_view(a))
                    .collect();
                context.insert("ambassadors", &list);
                let meta = Meta::new(
                    s,
                    &text("ambassadors_title"),
                    &text("ambassadors_description"),
                    &path,
                );
                ("ambassadors.html", path, meta, true)
            }
            Job::Ambassador(i) => {
                let ambassador = &s.ambassadors[i];
                let cards: Vec<_> = ambassador
                    .stories
                    .iter()
                    .map(|&st| self.story_card(&s.stories[st]))
                    .collect();
                context.insert("ambassador", &self.ambassador_view(ambassador));
                context.insert("stories", &cards);
                let description = format!(
                    "{}, {}. {}",
                    ambassador.name,
                    ambassador.role,
                    text("ambassador_description")
                );
                let card = crate::model::cards::ambassador_card(s, i);
                let mut meta = Meta::new(s, &ambassador.name, &description, &ambassador.url)
                    .with_card(s, Some((&card.url, &card.alt)));
                meta.og_type = "profile";
                ("ambassador.html", ambassador.url.clone(), meta, true)
            }
            Job::VacancyList => {
                let (path, meta) = self.vacancy_list(&mut context, None);
                ("vacancies.html", path, meta, true)
            }
            Job::VacancyFilter(f, o) => {
                let (path, meta) = self.vacancy_list(&mut context, Some((f, o)));
                ("vacancies.html", path, meta, true)
            }
            Job::Vacancy(i) => {
                let vacancy = &s.vacancies[i];
                let stories: Vec<_> = self.links.vacancy_stories[i]
                    .iter()
                    .map(|&st| self.story_card(&s.stories[st]))
                    .collect();
                let alternatives: Vec<_> = if vacancy.open {
                    Vec::new()
                } else {
                    // Same department or role first; else the newest open ones, never a dead end.
                    let related = |o: &Vacancy| {
                        (o.department.is_some() && o.department == vacancy.department)
                            || (o.role.is_some() && o.role == vacancy.role)
                    };
                    let mut open: Vec<&Vacancy> = s.open_vacancies().map(|(_, o)| o).collect();
                    open.sort_by_key(|o| !related(o));
                    open.into_iter()
                        .take(3)
                        .map(|o| self.vacancy_card(o))
                        .collect()
                };
                context.insert("vacancy", &serde_json::json!({
                    "card": self.vacancy_card(vacancy),
                    "body_html": vacancy.body_html,
                    "date": s.config.language.long_date(vacancy.date),
                    "apply_url": vacancy.apply_url,
                    "contact": vacancy.contact,
                    "street": vacancy.location.street,
                    "postal_code": vacancy.location.postal_code,
                    "employment_types": vacancy.employment_types.iter().map(|e| text(&format!("employment_{}", e.to_lowercase()))).collect::<Vec<_>>(),
                    "identifier": vacancy.identifier,
                    "remote": vacancy.remote.map(|r| text(match r {
                        crate::content::vacancy::Remote::Hybrid => "vacancy_remote_hybrid",
                        crate::content::vacancy::Remote::Full => "vacancy_remote_full",
                    })),
                    "hashtags": vacancy.hashtags.iter().map(|&h| self.tag(h)).collect::<Vec<_>>(),
                }));
                context.insert("stories", &stories);
                context.insert("alternatives", &alternatives);
                context.insert("banner", &banner(vacancy.visibility, s, &text));
                let summary = format!(
                    "{} {}",
                    vacancy.title,
                    vacancy
                        .department
                        .as_deref()
                        .map(|d| format!("– {d}, {}", vacancy.location.city))
                        .unwrap_or_else(|| format!("– {}", vacancy.location.city))
                );
                let card = crate::model::cards::vacancy_card(s, i);
                let mut meta = Meta::new(s, &vacancy.title, &summary, &vacancy.url)
                    .with_card(s, Some((&card.url, &card.alt)));
                if vacancy.open {
                    let description = feeds::syndicated_html(s, &vacancy.body_html);
                    meta = meta.with_json_ld(seo::job_posting_ld(s, vacancy, &description));
                } else {
                    meta.noindex = true;
                }
                (
                    "vacancy.html",
                    vacancy.url.clone(),
                    meta,
                    vacancy.open && public(vacancy.visibility),
                )
            }
            Job::HashtagIndex => {
                let path = format!("/{}/", s.config.paths.hashtags);
                let tags: Vec<_> = (0..s.hashtags.len())
                    .filter(|&i| self.tag_has_page[i])
                    .map(|i| self.tag(i))
                    .collect();
                context.insert("hashtags", &tags);
                let meta = Meta::new(
                    s,
                    &text("hashtags_title"),
                    &text("hashtags_description"),
                    &path,
                );
                ("hashtags.html", path, meta, true)
            }
            Job::Hashtag(i, page) => {
                let tag = &s.hashtags[i];
                let path = page_path(&tag.url, page, s);
                let cards: Vec<_> = tag
                    .stories
                    .iter()
                    .skip(page * STORIES_PER_PAGE)
                    .take(STORIES_PER_PAGE)
                    .map(|&st| self.story_card(&s.stories[st]))
                    .collect();
                context.insert("hashtag", &self.tag(i));
                context.insert("stories", &cards);
                context.insert(
                    "pagination",
                    &pagination(&tag.url, page, tag.stories.len(), s),
                );
                let description = format!("{} #{}", text("hashtag_description"), tag.name);
                let card = crate::model::cards::hashtag_card(s, i);
                let meta = Meta::new(s, &format!("#{}", tag.name), &description, &path)
                    .with_card(s, Some((&card.url, &card.alt)));
                ("hashtag.html", path, meta, true)
            }
            Job::Page(i) => {
                let page = &s.pages[i];
                context.insert(
                    "page",
                    &serde_json::json!({ "title": page.title, "body_html": page.body_html }),
                );
                context.insert("banner", &banner(page.visibility, s, &text));
                let description = page.summary.clone().unwrap_or_else(|| page.title.clone());
                let meta = Meta::new(s, &page.title, &description, &page.url);
                ("page.html", page.url.clone(), meta, public(page.visibility))
            }
            Job::NotFound => {
                let mut meta = Meta::new(
                    s,
                    &text("not_found_title"),
                    &text("not_found_title"),
                    "/404.html",
                );
                meta.noindex = true;
                ("404.html", "/404.html".to_owned(), meta, false)
            }
            Job::Alias(i) => {
                let alias = &s.aliases[i];
                context.insert("target", &s.absolute(&alias.to));
                let mut meta = Meta::new(
                    s,
                    &text("redirect_title"),
                    &text("redirect_title"),
                    &alias.to,
                );
                meta.noindex = true;
                ("redirect.html", alias.from.clone(), meta, false)
            }
            Job::ShareKit(k) => {
                use crate::share::output::{kit_calendar, kit_json, kit_view};
                let kit = &self.kits.kits[k];
                let name = &s.ambassadors[kit.ambassador].name;
                output.write(&file_for(&kit.json_url), kit_json(s, kit).as_bytes())?;
                let calendar = kit_calendar(s, kit, &text);
                output.write(&file_for(&kit.calendar_url), calendar.as_bytes())?;
                context.insert("kit", &kit_view(s, kit));
                let title = format!("{} {name}", text("share_kit_title"));
                let mut meta = Meta::new(s, &title, &text("share_kit_description"), &kit.url);
                meta.noindex = true;
                ("share_kit.html", kit.url.clone(), meta, false)
            }
            Job::ShareIndex => {
                let path = ShareKits::index_url(s);
                context.insert("index", &crate::share::output::index_view(s, &self.kits));
                let mut meta = Meta::new(
                    s,
                    &text("share_index_title"),
                    &text("share_index_description"),
                    &path,
                );
                meta.noindex = true;
                ("share_index.html", path, meta, false)
            }
            Job::Report => {
                context.insert("report", &self.figures);
                let path = s.config.paths.report();
                let mut meta = Meta::new(s, &text("report_title"), &text("report_title"), &path);
                meta.noindex = true;
                ("report.html", path, meta, false)
            }
        };
        context.insert("meta", &meta);
        let html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| Error::template(template, &e))?;
        output.write(&file_for(&path), html.as_bytes())?;
        Ok(indexable.then_some(path))
    }

    fn tag(&self, i: usize) -> TagView<'a> {
        let tag = &self.site.hashtags[i];
        TagView {
            name: &tag.name,
            url: self.tag_has_page[i].then_some(tag.url.as_str()),
            count: tag.stories.len(),
            campaign: tag.campaign,
        }
    }

    fn image(&self, r: &'a PhotoRef) -> ImageView<'a> {
        let photo = &self.site.photos[r.photo];
        let srcset = |url: fn(&Variant) -> Option<&String>| -> Option<String> {
            photo
                .variants
                .iter()
                .map(|v| url(v).map(|u| format!("{u} {}w", v.width)))
                .collect::<Option<Vec<_>>>()
                .map(|list| list.join(", "))
        };
        ImageView {
            srcset: srcset(|v| Some(&v.jpeg_url)).unwrap_or_default(),
            webp_srcset: srcset(|v| v.webp_url.as_ref()),
            src: &photo.display_url,
            width: photo.display_width,
            height: photo.display_height,
            alt: &r.alt,
        }
    }

    fn story_card(&self, story: &'a Story) -> StoryCard<'a> {
        let ambassador = &self.site.ambassadors[story.ambassador];
        StoryCard {
            title: &story.title,
            url: &story.url,
            summary: &story.summary,
            date: self.site.config.language.long_date(story.date),
            date_iso: story.date.to_string(),
            ambassador: &ambassador.name,
            ambassador_url: &ambassador.url,
            role: story.role.as_deref(),
            image: story.image.as_ref().map(|r| self.image(r)),
            hashtags: story.hashtags.iter().map(|&h| self.tag(h)).collect(),
        }
    }

    fn vacancy_card(&self, vacancy: &'a Vacancy) -> VacancyCard<'a> {
        let language = self.site.config.language;
        VacancyCard {
            title: &vacancy.title,
            url: &vacancy.url,
            department: vacancy.department.as_deref(),
            role: vacancy.role.as_deref(),
            city: &vacancy.location.city,
            hours: vacancy.hours.map(|h| hours_text(h, language)),
            salary: vacancy.salary.as_ref().map(|s| salary_text(s, language)),
            valid_through: language.long_date(vacancy.valid_through.day),
            open: vacancy.open,
            filters: vacancy_list::card_filters(self.site, vacancy, &self.theme.strings),
        }
    }

    fn ambassador_view(&self, a: &'a Ambassador) -> serde_json::Value {
        let initials: String = a
            .name
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect();
        serde_json::json!({
            "id": a.id,
            "name": a.name,
            "first_name": a.first_name(),
            "initials": initials,
            "role": a.role,
            "department": a.department,
            "location": a.location,
            "since": a.since.map(|s| s.year()),
            "bio_html": a.bio_html,
            "url": a.url,
            "photo": a.photo.as_ref().map(|r| self.image(r)),
            "socials": a.socials,
            "story_count": a.stories.len(),
            "hashtags": a.hashtags.iter().map(|&h| self.tag(h)).collect::<Vec<_>>(),
        })
    }
}

fn public(visibility: Visibility) -> bool {
    visibility == Visibility::Public
}

/// A preview banner for drafts and scheduled pages (only built with `--drafts`).
fn banner(visibility: Visibility, site: &Site, text: &dyn Fn(&str) -> String) -> Option<String> {
    match visibility {
        Visibility::Public => None,
        Visibility::Draft => Some(text("banner_draft")),
        Visibility::Scheduled(day) => Some(format!(
            "{} {}",
            text("banner_scheduled"),
            site.config.language.long_date(day)
        )),
    }
}

fn page_count(items: usize) -> usize {
    items.div_ceil(STORIES_PER_PAGE).max(1)
}

fn page_path(base: &str, page: usize, site: &Site) -> String {
    if page == 0 {
        base.to_owned()
    } else {
        format!(
            "{base}{}/{}/",
            site.config.language.page_segment(),
            page + 1
        )
    }
}

fn pagination(base: &str, page: usize, items: usize, site: &Site) -> Pagination {
    let total = page_count(items);
    Pagination {
        current: page + 1,
        total,
        previous_url: (page > 0).then(|| page_path(base, page - 1, site)),
        next_url: (page + 1 < total).then(|| page_path(base, page + 1, site)),
        pages: (0..total)
            .map(|p| PageNumber {
                number: p + 1,
                url: page_path(base, p, site),
                current: p == page,
            })
            .collect(),
    }
}

/// `/verhalen/x/` → `verhalen/x/index.html`; `/404.html` → `404.html`.
fn file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_owned()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files_for_site_paths() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/verhalen/x/"), "verhalen/x/index.html");
        assert_eq!(file_for("/404.html"), "404.html");
        assert_eq!(file_for("/oud"), "oud/index.html");
    }

    /// The `minimal` fixture, loaded and validated, drafts included.
    pub(super) fn minimal_site() -> Site {
        let options = crate::pipeline::Options {
            root: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
            out: std::path::PathBuf::from("public"),
            drafts: true,
            base_url: None,
            today: crate::base::date::Day::parse("2026-11-23").expect("a date"),
            mode: crate::pipeline::Mode::Build,
            cache_dir: None,
            progress: false,
        };
        match crate::pipeline::load(&options, None).expect("the fixture loads") {
            crate::content::Loaded::Ready(validated, _) => validated.site,
            crate::content::Loaded::ConfigErrors(_) => panic!("the fixture has a bad site.yaml"),
        }
    }
}
