//! The reach figures of a period: which hits are page views of the site, where each came from,
//! and the sums per source, ambassador, story, vacancy, platform and week. Pure.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::read::Read;
use super::source::{self, Source};
use super::Hit;
use crate::base::date::Day;
use crate::model::{Site, Visibility};

/// `--since` and `--until`, as given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    pub since: Option<Day>,
    pub until: Option<Day>,
}

/// Without `--since`, the period is this many days up to its last day.
pub const DEFAULT_DAYS: i64 = 30;

#[derive(Debug, Serialize)]
pub struct Visits {
    pub period: Span,
    /// The period of the same length just before it, for comparison.
    pub previous: Span,
    /// Page views of the site in the period, from every source.
    pub page_views: u64,
    pub previous_page_views: u64,
    /// Distinct visitors per day, summed over the days of the period; `null` without access
    /// logs (an export has no visitors to tell apart).
    pub daily_visitors: Option<u64>,
    pub totals: Totals,
    pub sources: Vec<SourceRow>,
    pub platforms: Vec<PlatformRow>,
    pub ambassadors: Vec<AmbassadorVisits>,
    pub stories: Vec<StoryVisits>,
    pub vacancies: Vec<VacancyVisits>,
    pub weeks: Vec<WeekRow>,
    pub skipped: Skipped,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Span {
    #[serde(serialize_with = "as_text")]
    pub since: Day,
    #[serde(serialize_with = "as_text")]
    pub until: Day,
    pub days: i64,
}

#[derive(Debug, Serialize)]
pub struct Totals {
    /// Ambassadors with at least one visit through their links in the period.
    pub active_ambassadors: usize,
    /// Story × ambassador pairs with at least one visit through that ambassador's links.
    pub stories_shared: usize,
    pub through_ambassadors: u64,
    pub previous_through_ambassadors: u64,
    pub vacancy_views: u64,
    /// Percent of vacancy views through ambassador links or other social media.
    pub vacancy_social_share: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub source: Source,
    pub stories: u64,
    pub vacancies: u64,
    /// The home page, lists, profiles and other pages.
    pub other_pages: u64,
    pub total: u64,
    pub previous_total: u64,
}

#[derive(Debug, Serialize)]
pub struct PlatformRow {
    pub platform: String,
    pub visits: u64,
}

#[derive(Debug, Serialize)]
pub struct AmbassadorVisits {
    pub id: String,
    pub name: String,
    pub visits: u64,
    pub previous: u64,
    /// Platform id → visits.
    pub platforms: BTreeMap<String, u64>,
    pub stories: Vec<SharedStory>,
}

#[derive(Debug, Serialize)]
pub struct SharedStory {
    pub story: String,
    pub visits: u64,
}

#[derive(Debug, Serialize)]
pub struct StoryVisits {
    pub story: String,
    pub title: String,
    pub visits: u64,
    pub through_ambassadors: u64,
    pub ambassador_share: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct VacancyVisits {
    pub vacancy: String,
    pub title: String,
    pub views: u64,
    pub through_social: u64,
    pub social_share: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct WeekRow {
    /// ISO week: `2026-W46`.
    pub week: String,
    pub through_ambassadors: u64,
    pub other_sources: u64,
}

/// What was read but is not a page view of the period (requests or export counts).
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Skipped {
    /// Lines that are in neither log format, or export rows that cannot be read.
    pub malformed: u64,
    pub bots: u64,
    pub not_get: u64,
    pub redirects: u64,
    /// Any other status than 200 and the redirects.
    pub not_ok: u64,
    /// Images, stylesheets, scripts, feeds, icons: a path with a file extension.
    pub assets: u64,
    /// Paths the site does not have (or share kits, which are for ambassadors).
    pub not_a_page: u64,
    /// Before the previous period or after the period.
    pub outside_period: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Story(usize),
    Vacancy(usize),
    Other,
}

/// A page view that counts: its page, source, ambassador (of a tracked link), platform and day.
struct View<'a> {
    page: Page,
    source: Source,
    tracked: Option<(&'a str, &'static str)>,
    day: Option<Day>,
    current: bool,
    count: u64,
    visitor: Option<u64>,
}

/// The period: `--since`/`--until`, else the last `DEFAULT_DAYS` of the data (or up to today
/// without dated data). `Err` when `--since` is after `--until`.
pub fn period(asked: Period, hits: &[Hit], today: Day) -> Result<Span, (Day, Day)> {
    let last = hits.iter().filter_map(|h| h.day).max().unwrap_or(today);
    let (since, until) = match (asked.since, asked.until) {
        (Some(since), Some(until)) => (since, until),
        (Some(since), None) => (since, last.max(since)),
        (None, Some(until)) => (until.add_days(1 - DEFAULT_DAYS), until),
        (None, None) => (last.add_days(1 - DEFAULT_DAYS), last),
    };
    if since > until {
        return Err((since, until));
    }
    Ok(span(since, until))
}

fn as_text<S: serde::Serializer>(day: &Day, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(day)
}

fn span(since: Day, until: Day) -> Span {
    Span {
        since,
        until,
        days: since
            .0
            .until(until.0)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
            + 1,
    }
}

pub fn count(site: &Site, read: &Read, period: Span) -> Visits {
    let previous = span(
        period.since.add_days(-period.days),
        period.since.add_days(-1),
    );
    let pages = PageMap::new(site);
    let own_host = url::Url::parse(&site.config.base_url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_owned())
        })
        .unwrap_or_default();
    let known = |id: &str| {
        site.ambassadors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.id.as_str())
    };
    let mut skipped = Skipped {
        malformed: read.malformed.iter().map(|m| m.lines).sum(),
        ..Skipped::default()
    };
    let mut views = Vec::new();
    for hit in &read.hits {
        let bucket = if hit.bot {
            &mut skipped.bots
        } else if !hit.get {
            &mut skipped.not_get
        } else if (300..400).contains(&hit.status) {
            &mut skipped.redirects
        } else if hit.status != 200 {
            &mut skipped.not_ok
        } else {
            let (path, query) = split_target(&hit.target);
            match pages.page(&path) {
                Err(Miss::Asset) => &mut skipped.assets,
                Err(Miss::NotAPage) => &mut skipped.not_a_page,
                Ok(page) => {
                    let current = match hit.day {
                        None => Some(true),
                        Some(day) if day >= period.since && day <= period.until => Some(true),
                        Some(day) if day >= previous.since && day <= previous.until => Some(false),
                        Some(_) => None,
                    };
                    match current {
                        None => &mut skipped.outside_period,
                        Some(current) => {
                            let tracked = source::tracked(query, known);
                            let source = match &tracked {
                                Some(_) => Source::Ambassador,
                                None if !hit.referrer_known => Source::Other,
                                None => {
                                    source::by_referrer(hit.referrer_host.as_deref(), &own_host)
                                }
                            };
                            views.push(View {
                                page,
                                source,
                                tracked: tracked.map(|t| (t.ambassador, t.platform.id())),
                                day: hit.day,
                                current,
                                count: hit.count,
                                visitor: hit.visitor,
                            });
                            continue;
                        }
                    }
                }
            }
        };
        *bucket += hit.count;
    }
    figures(site, &views, period, previous, skipped, read.logs)
}

fn figures(
    site: &Site,
    views: &[View],
    period: Span,
    previous: Span,
    skipped: Skipped,
    has_logs: bool,
) -> Visits {
    let now: Vec<&View> = views.iter().filter(|v| v.current).collect();
    let before: Vec<&View> = views.iter().filter(|v| !v.current).collect();
    let sum = |list: &[&View], keep: &dyn Fn(&View) -> bool| -> u64 {
        list.iter().filter(|v| keep(v)).map(|v| v.count).sum()
    };
    let sources = Source::ALL
        .into_iter()
        .map(|source| SourceRow {
            source,
            stories: sum(&now, &|v| {
                v.source == source && matches!(v.page, Page::Story(_))
            }),
            vacancies: sum(&now, &|v| {
                v.source == source && matches!(v.page, Page::Vacancy(_))
            }),
            other_pages: sum(&now, &|v| v.source == source && v.page == Page::Other),
            total: sum(&now, &|v| v.source == source),
            previous_total: sum(&before, &|v| v.source == source),
        })
        .collect();

    let mut platforms: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_ambassador: BTreeMap<&str, Reached> = BTreeMap::new();
    for view in &now {
        if let Some((id, platform)) = view.tracked {
            *platforms.entry(platform).or_default() += view.count;
            let entry = by_ambassador.entry(id).or_default();
            entry.0 += view.count;
            *entry.1.entry(platform.to_owned()).or_default() += view.count;
            if let Page::Story(story) = view.page {
                *entry.2.entry(story).or_default() += view.count;
            }
        }
    }
    let mut previous_by_ambassador: BTreeMap<&str, u64> = BTreeMap::new();
    for view in &before {
        if let Some((id, _)) = view.tracked {
            *previous_by_ambassador.entry(id).or_default() += view.count;
        }
    }
    let mut ambassadors: Vec<AmbassadorVisits> = site
        .ambassadors
        .iter()
        .filter_map(|a| {
            let previous = previous_by_ambassador
                .get(a.id.as_str())
                .copied()
                .unwrap_or(0);
            let (visits, platforms, stories) = match by_ambassador.remove(a.id.as_str()) {
                Some(found) => found,
                None if previous > 0 => Default::default(),
                None => return None,
            };
            let mut stories: Vec<SharedStory> = stories
                .into_iter()
                .map(|(i, visits)| SharedStory {
                    story: site.stories[i].slug.clone(),
                    visits,
                })
                .collect();
            stories.sort_by(|a, b| b.visits.cmp(&a.visits).then(a.story.cmp(&b.story)));
            Some(AmbassadorVisits {
                id: a.id.clone(),
                name: a.name.clone(),
                visits,
                previous,
                platforms,
                stories,
            })
        })
        .collect();
    ambassadors.sort_by(|a, b| b.visits.cmp(&a.visits).then(a.id.cmp(&b.id)));
    let mut platforms: Vec<PlatformRow> = platforms
        .into_iter()
        .map(|(platform, visits)| PlatformRow {
            platform: platform.to_owned(),
            visits,
        })
        .collect();
    platforms.sort_by(|a, b| b.visits.cmp(&a.visits).then(a.platform.cmp(&b.platform)));

    let mut stories: Vec<StoryVisits> = (0..site.stories.len())
        .filter_map(|i| {
            let visits = sum(&now, &|v| v.page == Page::Story(i));
            let through = sum(&now, &|v| {
                v.page == Page::Story(i) && v.source == Source::Ambassador
            });
            (visits > 0).then(|| StoryVisits {
                story: site.stories[i].slug.clone(),
                title: site.stories[i].title.clone(),
                visits,
                through_ambassadors: through,
                ambassador_share: percent(through, visits),
            })
        })
        .collect();
    stories.sort_by(|a, b| b.visits.cmp(&a.visits).then(a.story.cmp(&b.story)));
    let mut vacancies: Vec<VacancyVisits> = (0..site.vacancies.len())
        .filter_map(|i| {
            let views = sum(&now, &|v| v.page == Page::Vacancy(i));
            let social = sum(&now, &|v| {
                v.page == Page::Vacancy(i) && v.source.is_social()
            });
            (views > 0).then(|| VacancyVisits {
                vacancy: site.vacancies[i].slug.clone(),
                title: site.vacancies[i].title.clone(),
                views,
                through_social: social,
                social_share: percent(social, views),
            })
        })
        .collect();
    vacancies.sort_by(|a, b| b.views.cmp(&a.views).then(a.vacancy.cmp(&b.vacancy)));

    let vacancy_views = sum(&now, &|v| matches!(v.page, Page::Vacancy(_)));
    let vacancy_social = sum(&now, &|v| {
        matches!(v.page, Page::Vacancy(_)) && v.source.is_social()
    });
    let totals = Totals {
        active_ambassadors: ambassadors.iter().filter(|a| a.visits > 0).count(),
        stories_shared: ambassadors.iter().map(|a| a.stories.len()).sum(),
        through_ambassadors: sum(&now, &|v| v.source == Source::Ambassador),
        previous_through_ambassadors: sum(&before, &|v| v.source == Source::Ambassador),
        vacancy_views,
        vacancy_social_share: percent(vacancy_social, vacancy_views),
    };
    let daily: BTreeSet<(Day, u64)> = now
        .iter()
        .filter_map(|v| Some((v.day?, v.visitor?)))
        .collect();
    Visits {
        period,
        previous,
        page_views: sum(&now, &|_| true),
        previous_page_views: sum(&before, &|_| true),
        daily_visitors: has_logs.then_some(daily.len() as u64),
        totals,
        sources,
        platforms,
        ambassadors,
        stories,
        vacancies,
        weeks: weeks(&now, period),
        skipped,
    }
}

/// An ambassador's visits, by platform and by story index.
type Reached = (u64, BTreeMap<String, u64>, BTreeMap<usize, u64>);

/// Every ISO week the period touches, with visits through ambassadors and through the rest.
fn weeks(now: &[&View], period: Span) -> Vec<WeekRow> {
    let mut rows: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut day = period.since;
    while day <= period.until {
        rows.entry(iso_week(day)).or_default();
        day = day.add_days(1);
    }
    for view in now {
        let Some(day) = view.day else { continue };
        let row = rows.entry(iso_week(day)).or_default();
        if view.source == Source::Ambassador {
            row.0 += view.count;
        } else {
            row.1 += view.count;
        }
    }
    rows.into_iter()
        .map(|(week, (through, other))| WeekRow {
            week,
            through_ambassadors: through,
            other_sources: other,
        })
        .collect()
}

fn iso_week(day: Day) -> String {
    let week = day.0.iso_week_date();
    format!("{}-W{:02}", week.year(), week.week())
}

/// `part` of `whole` in percent, to one decimal; `None` of nothing.
fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// `/verhalen/x/index.html?utm_source=x#top` → (`/verhalen/x/`, `utm_source=x`).
fn split_target(target: &str) -> (String, &str) {
    let target = target.split('#').next().unwrap_or(target);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let last = path.rsplit('/').next().unwrap_or("");
    let path = if last.is_empty() || last.contains('.') {
        path.to_owned()
    } else {
        format!("{path}/")
    };
    (path, query)
}

enum Miss {
    Asset,
    NotAPage,
}

/// The site's page paths: stories, vacancies, profiles, pages and lists.
struct PageMap {
    exact: BTreeMap<String, Page>,
    lists: Vec<String>,
    hidden: BTreeSet<String>,
    kit: String,
}

impl PageMap {
    fn new(site: &Site) -> PageMap {
        let paths = &site.config.paths;
        let public = |v: Visibility| v == Visibility::Public;
        let mut exact = BTreeMap::new();
        exact.insert("/".to_owned(), Page::Other);
        for (i, s) in site
            .stories
            .iter()
            .enumerate()
            .filter(|(_, s)| public(s.visibility))
        {
            exact.insert(s.url.clone(), Page::Story(i));
        }
        for (i, v) in site
            .vacancies
            .iter()
            .enumerate()
            .filter(|(_, v)| public(v.visibility))
        {
            exact.insert(v.url.clone(), Page::Vacancy(i));
        }
        for a in &site.ambassadors {
            exact.insert(a.url.clone(), Page::Other);
        }
        for p in site.pages.iter().filter(|p| public(p.visibility)) {
            exact.insert(p.url.clone(), Page::Other);
        }
        // The story list and its pages, the vacancy list and its filter pages, the hashtags.
        let lists = vec![
            format!(
                "/{}/{}/",
                paths.stories,
                site.config.language.page_segment()
            ),
            format!("/{}/", paths.vacancies),
            format!("/{}/", paths.hashtags),
        ];
        exact.insert(format!("/{}/", paths.stories), Page::Other);
        exact.insert(format!("/{}/", paths.ambassadors), Page::Other);
        // Scheduled and draft stories and vacancies have no page on the public site.
        let hidden = site
            .stories
            .iter()
            .filter(|s| !public(s.visibility))
            .map(|s| s.url.clone())
            .chain(
                site.vacancies
                    .iter()
                    .filter(|v| !public(v.visibility))
                    .map(|v| v.url.clone()),
            )
            .collect();
        PageMap {
            exact,
            lists,
            hidden,
            kit: format!("/{}/", crate::model::paths::KIT_SEGMENT),
        }
    }

    fn page(&self, path: &str) -> Result<Page, Miss> {
        if !path.ends_with('/') && !path.ends_with(".html") {
            return Err(Miss::Asset);
        }
        if path.contains(&self.kit) || self.hidden.contains(path) {
            return Err(Miss::NotAPage);
        }
        if let Some(page) = self.exact.get(path) {
            return Ok(*page);
        }
        // A list, a page of one, a hashtag or a vacancy filter.
        if self
            .lists
            .iter()
            .any(|list| path.starts_with(list.as_str()))
        {
            return Ok(Page::Other);
        }
        Err(Miss::NotAPage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_lose_their_query_fragment_and_index_html() {
        assert_eq!(
            split_target("/verhalen/x/index.html?utm_source=linkedin#top"),
            ("/verhalen/x/".to_owned(), "utm_source=linkedin")
        );
        assert_eq!(split_target("/verhalen/x"), ("/verhalen/x/".to_owned(), ""));
        assert_eq!(
            split_target("/style.css?v=2"),
            ("/style.css".to_owned(), "v=2")
        );
        assert_eq!(split_target("/"), ("/".to_owned(), ""));
    }

    #[test]
    fn percentages_have_one_decimal_and_none_of_nothing() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 0), None);
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn dated(text: &str) -> Hit {
        Hit {
            day: Some(day(text)),
            get: true,
            target: "/".into(),
            status: 200,
            referrer_host: None,
            referrer_known: true,
            bot: false,
            visitor: None,
            count: 1,
        }
    }

    #[test]
    fn the_default_period_is_the_last_thirty_days_of_the_data() {
        let hits = [dated("2026-10-01"), dated("2026-11-20")];
        let today = day("2026-12-31");
        let p = period(Period::default(), &hits, today).unwrap();
        assert_eq!(
            (p.since, p.until, p.days),
            (day("2026-10-22"), day("2026-11-20"), 30)
        );
        let p = period(
            Period {
                since: Some(day("2026-11-01")),
                until: None,
            },
            &hits,
            today,
        )
        .unwrap();
        assert_eq!(
            (p.since, p.until, p.days),
            (day("2026-11-01"), day("2026-11-20"), 20)
        );
        let p = period(
            Period {
                since: None,
                until: Some(day("2026-10-30")),
            },
            &hits,
            today,
        )
        .unwrap();
        assert_eq!((p.since, p.until), (day("2026-10-01"), day("2026-10-30")));
        let p = period(Period::default(), &[], today).unwrap();
        assert_eq!(p.until, today);
        assert_eq!(
            period(
                Period {
                    since: Some(day("2026-11-02")),
                    until: Some(day("2026-11-01"))
                },
                &hits,
                today
            ),
            Err((day("2026-11-02"), day("2026-11-01")))
        );
    }
}
