//! Which stories belong next to a vacancy and which vacancies next to a story: explicit links first,
//! then the best automatic matches by role, department, shared hashtags and location. Pure.
//!
//! Candidates are numbered in their tie-break order (newest first, then slug), so the lower index
//! wins a tie. Matching goes tier by tier through inverted indices: a role match always beats a
//! department match, so the department tier is only scored when fewer than `limit` share the role.
//! On a large site a vacancy therefore scores a few dozen stories, not all of them.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use crate::model::{Site, Story, Vacancy, Visibility};

/// At most this many stories on a vacancy page, and vacancies on a story page.
pub const LIMIT: usize = 3;

/// For every vacancy the stories to show beside it, and for every story the vacancies; indices
/// into `Site::stories` and `Site::vacancies`. Closed vacancies are never among them.
#[derive(Debug, Default, PartialEq)]
pub struct Links {
    pub vacancy_stories: Vec<Vec<usize>>,
    pub story_vacancies: Vec<Vec<usize>>,
}

/// A hash of everything `links` ranks from (each story's and vacancy's profile, whether it may be
/// suggested, and the links written in front-matter): two sites with the same key have the same
/// links, so `serve` ranks again only when one of these changed.
pub fn inputs_key(site: &Site) -> u64 {
    let mut hasher = DefaultHasher::new();
    site.stories.len().hash(&mut hasher);
    for s in &site.stories {
        (story_profile(s), story_eligible(s), &s.vacancies).hash(&mut hasher);
    }
    site.vacancies.len().hash(&mut hasher);
    for v in &site.vacancies {
        let written = (v.open, &v.stories);
        (vacancy_profile(v), vacancy_eligible(v), written).hash(&mut hasher);
    }
    hasher.finish()
}

fn story_profile(s: &Story) -> Profile<'_> {
    Profile {
        role: s.role.as_deref(),
        department: s.department.as_deref(),
        location: s.location.as_deref(),
        hashtags: &s.hashtags,
    }
}

fn vacancy_profile(v: &Vacancy) -> Profile<'_> {
    Profile {
        role: v.role.as_deref(),
        department: v.department.as_deref(),
        location: Some(v.location.city.as_str()),
        hashtags: &v.hashtags,
    }
}

/// Whether a story may be suggested automatically: it is published.
fn story_eligible(s: &Story) -> bool {
    s.visibility == Visibility::Public
}

/// Whether a vacancy may be suggested automatically: it is published and open.
fn vacancy_eligible(v: &Vacancy) -> bool {
    v.open && v.visibility == Visibility::Public
}

pub fn links(site: &Site) -> Links {
    let story_profiles: Vec<Profile<'_>> = site.stories.iter().map(story_profile).collect();
    let vacancy_profiles: Vec<Profile<'_>> = site.vacancies.iter().map(vacancy_profile).collect();
    let stories = Candidates::new(
        story_profiles.clone(),
        site.stories.iter().map(story_eligible).collect(),
    );
    let vacancies = Candidates::new(
        vacancy_profiles.clone(),
        site.vacancies.iter().map(vacancy_eligible).collect(),
    );
    // A vacancy naming a story is an explicit link on that story's page too.
    let mut named_by: Vec<Vec<usize>> = vec![Vec::new(); site.stories.len()];
    for (v, vacancy) in site.vacancies.iter().enumerate() {
        if vacancy.open {
            for &s in &vacancy.stories {
                named_by[s].push(v);
            }
        }
    }
    let vacancy_stories = (0..site.vacancies.len())
        .into_par_iter()
        .map(|v| {
            if site.vacancies[v].open {
                stories.rank(
                    &vacancy_profiles[v],
                    &site.vacancies[v].stories,
                    LIMIT,
                    None,
                )
            } else {
                Vec::new()
            }
        })
        .collect();
    let story_vacancies = (0..site.stories.len())
        .into_par_iter()
        .map(|s| {
            let mut explicit = site.stories[s].vacancies.clone();
            explicit.extend(&named_by[s]);
            vacancies.rank(&story_profiles[s], &explicit, LIMIT, None)
        })
        .collect();
    Links {
        vacancy_stories,
        story_vacancies,
    }
}

/// What a story or vacancy is about, as far as matching goes.
#[derive(Debug, Clone, Copy, Default, Hash)]
pub struct Profile<'a> {
    pub role: Option<&'a str>,
    pub department: Option<&'a str>,
    pub location: Option<&'a str>,
    /// Indices into the site's hashtags.
    pub hashtags: &'a [usize],
}

/// Role, department and location of a profile as they are matched (see `key`), made once.
#[derive(Debug, Default)]
struct Keys {
    role: Option<String>,
    department: Option<String>,
    location: Option<String>,
}

impl Keys {
    fn of(profile: &Profile<'_>) -> Keys {
        Keys {
            role: profile.role.map(key),
            department: profile.department.map(key),
            location: profile.location.map(key),
        }
    }
}

/// Candidates, looked up by what they are about. Built once, queried per page.
#[derive(Debug)]
pub struct Candidates<'a> {
    profiles: Vec<Profile<'a>>,
    keys: Vec<Keys>,
    /// Whether a candidate may be suggested automatically (published, open).
    eligible: Vec<bool>,
    by_role: HashMap<String, Vec<usize>>,
    by_department: HashMap<String, Vec<usize>>,
    by_location: HashMap<String, Vec<usize>>,
    by_hashtag: HashMap<usize, Vec<usize>>,
}

/// Role, department and location match case-insensitively, without surrounding spaces.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_some() && a == b
}

impl<'a> Candidates<'a> {
    /// `profiles` in tie-break order; `eligible[i]` says whether candidate `i` may be suggested.
    pub fn new(profiles: Vec<Profile<'a>>, eligible: Vec<bool>) -> Candidates<'a> {
        let keys = profiles.iter().map(Keys::of).collect();
        let mut c = Candidates {
            profiles,
            keys,
            eligible,
            by_role: HashMap::new(),
            by_department: HashMap::new(),
            by_location: HashMap::new(),
            by_hashtag: HashMap::new(),
        };
        for (i, (p, keys)) in c.profiles.iter().zip(&c.keys).enumerate() {
            if !c.eligible[i] {
                continue;
            }
            if let Some(role) = &keys.role {
                c.by_role.entry(role.clone()).or_default().push(i);
            }
            if let Some(department) = &keys.department {
                c.by_department
                    .entry(department.clone())
                    .or_default()
                    .push(i);
            }
            if let Some(location) = &keys.location {
                c.by_location.entry(location.clone()).or_default().push(i);
            }
            for &tag in p.hashtags {
                let list = c.by_hashtag.entry(tag).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        c
    }

    /// The score of candidate `i` for `target`, compared lexicographically.
    fn score(&self, target: &Profile<'_>, keys: &Keys, i: usize) -> (bool, bool, usize, bool) {
        let (p, own) = (&self.profiles[i], &self.keys[i]);
        let shared = p
            .hashtags
            .iter()
            .filter(|t| target.hashtags.contains(t))
            .count();
        (
            same(&keys.role, &own.role),
            same(&keys.department, &own.department),
            shared,
            same(&keys.location, &own.location),
        )
    }

    /// At most `limit` candidates for `target`: the `explicit` ones first (in their order, without
    /// duplicates), then automatic matches, best first; `exclude` is never suggested (the page
    /// itself, when stories are matched to stories).
    pub fn rank(
        &self,
        target: &Profile<'_>,
        explicit: &[usize],
        limit: usize,
        exclude: Option<usize>,
    ) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::with_capacity(limit);
        for &i in explicit {
            if chosen.len() == limit {
                return chosen;
            }
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        let mut taken: HashSet<usize> = chosen.iter().copied().collect();
        taken.extend(exclude);
        let keys = Keys::of(target);
        let lookup = |map: &HashMap<String, Vec<usize>>, key: &Option<String>| -> Vec<usize> {
            key.as_ref()
                .and_then(|k| map.get(k))
                .cloned()
                .unwrap_or_default()
        };
        let tagged = || {
            let mut all: Vec<usize> = target
                .hashtags
                .iter()
                .filter_map(|t| self.by_hashtag.get(t))
                .flatten()
                .copied()
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        // Tiers in order of strength; each is scored only when the stronger ones fall short.
        for tier in 0..4 {
            let need = limit - chosen.len();
            if need == 0 {
                break;
            }
            let mut members: Vec<usize> = match tier {
                0 => lookup(&self.by_role, &keys.role),
                1 => lookup(&self.by_department, &keys.department),
                2 => tagged(),
                _ => lookup(&self.by_location, &keys.location),
            };
            members.retain(|i| !taken.contains(i));
            let mut scored: Vec<_> = members
                .into_iter()
                .map(|i| (std::cmp::Reverse(self.score(target, &keys, i)), i))
                .collect();
            // Only the best `need` are wanted: the order of the rest does not matter (the index
            // in each entry makes the order total, so the result is the same as a full sort).
            if scored.len() > need {
                scored.select_nth_unstable(need - 1);
                scored.truncate(need);
            }
            scored.sort_unstable();
            for (_, i) in scored {
                taken.insert(i);
                chosen.push(i);
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile<'a>(
        role: &'a str,
        department: &'a str,
        location: &'a str,
        hashtags: &'a [usize],
    ) -> Profile<'a> {
        let some = |s: &'a str| (!s.is_empty()).then_some(s);
        Profile {
            role: some(role),
            department: some(department),
            location: some(location),
            hashtags,
        }
    }

    /// Stories in tie-break order (index 0 is the newest).
    fn stories() -> Vec<Profile<'static>> {
        vec![
            profile("Verzorgende IG", "Thuiszorg", "Zeist", &[1]), // 0
            profile("IC-verpleegkundige", "Intensive Care", "Utrecht", &[2]), // 1
            profile("Fysiotherapeut", "Intensive Care", "Utrecht", &[2, 3]), // 2
            profile("ic-verpleegkundige ", "Intensive Care", "Utrecht", &[]), // 3
            profile("Kok", "Keuken", "Utrecht", &[2]),             // 4
            profile("Kok", "Keuken", "Utrecht", &[]),              // 5
            profile("Kok", "Keuken", "Amersfoort", &[]),           // 6
            profile("", "", "", &[]),                              // 7
        ]
    }

    #[test]
    fn ranking_follows_role_then_department_then_hashtags_then_location() {
        let candidates = Candidates::new(stories(), vec![true; 8]);
        // (what, target, explicit, limit, expected)
        type Case<'a> = (&'a str, Profile<'a>, &'a [usize], usize, &'a [usize]);
        let cases: &[Case<'_>] = &[
            (
                "role first (case-insensitive), newest wins a tie, then department",
                profile("IC-verpleegkundige", "Intensive Care", "Utrecht", &[]),
                &[],
                3,
                &[1, 3, 2],
            ),
            (
                "department beats hashtags",
                profile("Arts", "Intensive Care", "", &[1]),
                &[],
                3,
                &[1, 2, 3],
            ),
            (
                "more shared hashtags win",
                profile("Arts", "", "", &[2, 3]),
                &[],
                2,
                &[2, 1],
            ),
            (
                "hashtags beat location",
                profile("Arts", "", "Utrecht", &[2]),
                &[],
                4,
                &[1, 2, 4, 3],
            ),
            (
                "explicit ones first, in their order and without duplicates",
                profile("IC-verpleegkundige", "", "", &[]),
                &[6, 0, 6],
                3,
                &[6, 0, 1],
            ),
            (
                "explicit ones cut at the limit",
                profile("", "", "", &[]),
                &[5, 4, 3, 2],
                3,
                &[5, 4, 3],
            ),
            (
                "nothing in common: no suggestions",
                profile("Arts", "Radiologie", "Nieuwegein", &[9]),
                &[],
                3,
                &[],
            ),
            (
                "location alone still suggests, newest first",
                profile("Arts", "", "Amersfoort", &[]),
                &[],
                3,
                &[6],
            ),
        ];
        for (name, target, explicit, limit, expected) in cases {
            assert_eq!(
                candidates.rank(target, explicit, *limit, None),
                *expected,
                "{name}"
            );
        }
    }

    #[test]
    fn ineligible_candidates_are_never_suggested_but_may_be_linked() {
        let mut eligible = vec![true; 8];
        eligible[1] = false; // e.g. a closed vacancy
        let candidates = Candidates::new(stories(), eligible);
        let target = profile("IC-verpleegkundige", "", "", &[]);
        assert_eq!(candidates.rank(&target, &[], 3, None), [3]);
        assert_eq!(
            candidates.rank(&target, &[], 3, Some(3)),
            Vec::<usize>::new()
        );
    }
}
