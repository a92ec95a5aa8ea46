//! Vacancies: the rules a vacancy must meet before it is published and before Google for Jobs and
//! job boards read it (dates, employment types, pay, working place, hours, the application form,
//! the stories it names); whether it is open on the build date; its model, linked both ways with
//! the stories that name it.

use foldhash::HashMap;

use crate::base::diagnostics::did_you_mean;
use crate::base::html::Html;
use crate::content::front_matter::Document;
use crate::content::vacancy::{
    employment_type_for_dutch, Hours, Remote, Salary, SalaryFront, SalaryUnit, VacancyFront,
    CURRENCIES, EMPLOYMENT_TYPES, REMOTE_VALUES, SALARY_UNITS,
};
use crate::content::{Entry, Section};
use crate::model::{Story, Vacancy, Visibility};
use crate::validate::hashtags::{hashtag_errors, Hashtags};
use crate::validate::Validator;

/// What the rules found for a vacancy on this build.
pub(super) struct VacancyState {
    /// Still open for applications on the build date.
    pub open: bool,
    visibility: Visibility,
    terms: Terms,
}

/// A vacancy on this build.
pub(super) type AcceptedVacancy<'c> = (&'c Entry<VacancyFront>, VacancyState);

/// The checked pay and working-place keys; `None` where the key was left out.
struct Terms {
    salary: Option<Salary>,
    remote: Option<Remote>,
}

impl<'c> Validator<'c> {
    /// The vacancies on this build, newest first (the slug breaks ties, so that the order never
    /// depends on the file system).
    pub(super) fn vacancies(&mut self) -> Vec<AcceptedVacancy<'c>> {
        let mut out = Vec::new();
        for entry in &self.content.vacancies {
            if self.usable_slug(entry, "a vacancy's file name") {
                let mark = self.diagnostics.len();
                let vacancy = self.vacancy(entry);
                if vacancy.is_none()
                    && (self.diagnostics.has_errors_since(mark) || entry.doc.has_broken_keys())
                {
                    // Its hashtags are otherwise checked only once it is published.
                    let tags = &entry.doc.front.hashtags;
                    self.diagnostics.extend(hashtag_errors(&entry.doc, tags));
                }
                out.extend(vacancy);
            }
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

    /// One vacancy with a usable slug: `None` when it is left out.
    fn vacancy(&mut self, entry: &'c Entry<VacancyFront>) -> Option<AcceptedVacancy<'c>> {
        let doc = &entry.doc;
        let f = &doc.front;
        // A document with broken keys is checked, never published.
        let mut ok = !doc.has_broken_keys();
        ok &= self.closes_after_posting(doc);
        ok &= self.employment_types(doc);
        let terms = self.terms(doc);
        ok &= self.hours(doc);
        ok &= self.apply_url(doc);
        ok &= self.vacancy_stories(doc);
        let (true, Some(terms)) = (ok, terms) else {
            return None;
        };
        let visibility = self.visibility(f.draft, Some(f.date))?;
        let state = VacancyState {
            open: f.valid_through.day >= self.today,
            visibility,
            terms,
        };
        Some((entry, state))
    }

    /// Whether `valid_through` lies on or after `date`.
    fn closes_after_posting(&mut self, doc: &Document<VacancyFront>) -> bool {
        let f = &doc.front;
        if doc.is_broken("date") || doc.is_broken("valid_through") {
            return false;
        }
        if f.valid_through.day >= f.date {
            return true;
        }
        self.diagnostics.push(
            doc.error("valid_through", {
                let (closes, date) = (f.valid_through.day, f.date);
                crate::text!(
                    "`valid_through` ({closes}) lies before `date` ({date})",
                    "`valid_through` ({closes}) ligt vóór `date` ({date})"
                )
            })
            .with_hint(crate::text!(
                "a vacancy closes after it was posted",
                "een vacature sluit pas nadat ze is geplaatst"
            )),
        );
        false
    }

    /// Whether every `employment_type` is one Google for Jobs knows; an error for each that is not.
    fn employment_types(&mut self, doc: &Document<VacancyFront>) -> bool {
        let values = doc.front.employment_type.as_ref().map(|t| t.values());
        let mut ok = true;
        for (i, value) in values.unwrap_or_default().iter().enumerate() {
            if EMPLOYMENT_TYPES.contains(&value.as_str()) {
                continue;
            }
            ok = false;
            let key = if doc.yaml.has("employment_type.0") {
                format!("employment_type.{i}")
            } else {
                "employment_type".to_owned()
            };
            let hint = employment_type_for_dutch(value)
                .map(|t| crate::text!("did you mean `{t}`?", "bedoel je `{t}`?"))
                .or_else(|| did_you_mean(&value.to_uppercase(), EMPLOYMENT_TYPES.iter().copied()))
                .unwrap_or_else(|| {
                    let list = EMPLOYMENT_TYPES.join(", ");
                    crate::text!("use one of {list}", "gebruik een van {list}")
                });
            self.diagnostics.push(
                doc.error(
                    &key,
                    crate::text!(
                        "unknown employment type `{value}`",
                        "onbekend soort dienstverband `{value}`"
                    ),
                )
                .with_hint(hint),
            );
        }
        ok
    }

    /// Checks `salary`, `remote` and `direct_apply`; the terms only when all of them are right.
    fn terms(&mut self, doc: &Document<VacancyFront>) -> Option<Terms> {
        let f = &doc.front;
        let salary = f.salary.as_ref().map(|salary| self.salary(doc, salary));
        let remote = f.remote.as_deref().map(|text| self.remote(doc, text));
        let direct_apply = self.direct_apply(doc);
        let salary = salary.map_or(Some(None), |s| s.map(Some));
        let remote = remote.map_or(Some(None), |r| r.map(Some));
        Some(Terms {
            salary: salary?,
            remote: remote?,
        })
        .filter(|_| direct_apply)
    }

    /// The salary, when its amounts, unit and currency are all right.
    fn salary(&mut self, doc: &Document<VacancyFront>, salary: &SalaryFront) -> Option<Salary> {
        let mut ok = true;
        if salary.min <= 0.0 {
            ok = false;
            self.diagnostics.push(
                doc.error("salary.min", {
                    let min = salary.min;
                    crate::text!(
                        "`salary.min` ({min}) is not a positive amount",
                        "`salary.min` ({min}) is geen positief bedrag"
                    )
                })
                .with_hint(crate::text!(
                    "write the gross amount in euros, e.g. `min: 3245`",
                    "schrijf het brutobedrag in euro's, bijvoorbeeld `min: 3245`"
                )),
            );
        }
        if let Some(max) = salary.max.filter(|&max| max < salary.min) {
            ok = false;
            self.diagnostics.push(
                doc.error("salary.max", {
                    let min = salary.min;
                    crate::text!(
                        "`salary.max` ({max}) is below `salary.min` ({min})",
                        "`salary.max` ({max}) is lager dan `salary.min` ({min})"
                    )
                })
                .with_hint(crate::text!(
                    "swap the two amounts, or leave `max` out for a fixed salary",
                    "draai de twee bedragen om, of laat `max` weg voor een vast salaris"
                )),
            );
        }
        let unit = self.salary_unit(doc, salary.unit.as_deref());
        let currency = self.currency(doc, salary.currency.as_deref());
        let salary = Salary {
            min: salary.min,
            max: salary.max,
            unit: unit?,
            currency: currency?,
            scale: salary.scale.clone(),
        };
        ok.then_some(salary)
    }

    /// The salary's unit, a month when it is left out.
    fn salary_unit(
        &mut self,
        doc: &Document<VacancyFront>,
        written: Option<&str>,
    ) -> Option<SalaryUnit> {
        let Some(text) = written else {
            return Some(SalaryUnit::Month);
        };
        if let Some(unit) = SalaryUnit::parse(text) {
            return Some(unit);
        }
        let names = || SALARY_UNITS.iter().map(|(_, name, _)| *name);
        let hint = SALARY_UNITS
            .iter()
            .find(|(_, _, word)| word.eq_ignore_ascii_case(text.trim()))
            .map(|(_, name, _)| crate::text!("did you mean `{name}`?", "bedoel je `{name}`?"))
            .or_else(|| did_you_mean(&text.to_uppercase(), names()))
            .unwrap_or_else(|| {
                let list = names().collect::<Vec<_>>().join(", ");
                crate::text!("use one of {list}", "gebruik een van {list}")
            });
        self.diagnostics.push(
            doc.error(
                "salary.unit",
                crate::text!(
                    "unknown salary unit `{text}`",
                    "onbekende salarisperiode `{text}`"
                ),
            )
            .with_hint(hint),
        );
        None
    }

    /// The salary's currency, euros when it is left out.
    fn currency(&mut self, doc: &Document<VacancyFront>, written: Option<&str>) -> Option<String> {
        match written {
            None => Some("EUR".to_owned()),
            Some(text) if CURRENCIES.contains(&text) => Some(text.to_owned()),
            Some(text) => {
                self.diagnostics.push(
                    doc.error(
                        "salary.currency",
                        crate::text!(
                            "unsupported currency `{text}`",
                            "munteenheid `{text}` wordt niet ondersteund"
                        ),
                    )
                    .with_hint(crate::text!(
                        "salaries are in euros: write `EUR`, or leave `currency` out",
                        "salarissen zijn in euro's: schrijf `EUR`, of laat `currency` weg"
                    )),
                );
                None
            }
        }
    }

    /// How much of the work can be done from home, when the value is known.
    fn remote(&mut self, doc: &Document<VacancyFront>, text: &str) -> Option<Remote> {
        let found = REMOTE_VALUES
            .iter()
            .find(|(_, name)| *name == text.trim())
            .map(|(remote, _)| *remote);
        if found.is_none() {
            let names = REMOTE_VALUES.iter().map(|(_, name)| *name);
            let hint = did_you_mean(&text.to_lowercase(), names).unwrap_or_else(|| {
                crate::text!(
                    "use `hybrid` (partly from home) or `full` (entirely from home); leave `remote` out for work on location",
                    "gebruik `hybrid` (deels thuis) of `full` (helemaal thuis); laat `remote` weg voor werk op locatie"
                )
            });
            self.diagnostics.push(
                doc.error(
                    "remote",
                    crate::text!(
                        "unknown `remote` value `{text}`",
                        "onbekende waarde `{text}` voor `remote`"
                    ),
                )
                .with_hint(hint),
            );
        }
        found
    }

    /// Whether `direct_apply` has the application form it promises.
    fn direct_apply(&mut self, doc: &Document<VacancyFront>) -> bool {
        let f = &doc.front;
        if !f.direct_apply || f.apply_url.is_some() {
            return true;
        }
        self.diagnostics.push(
            doc.error(
                "direct_apply",
                crate::text!(
                    "`direct_apply` is set but there is no `apply_url`",
                    "`direct_apply` staat aan, maar er is geen `apply_url`"
                ),
            )
            .with_hint(crate::text!(
                "add the URL of the application form as `apply_url`, or remove `direct_apply`",
                "zet het adres van het sollicitatieformulier in `apply_url`, of haal `direct_apply` weg"
            )),
        );
        false
    }

    /// Whether a range of hours runs upwards.
    fn hours(&mut self, doc: &Document<VacancyFront>) -> bool {
        let Some(Hours::Range { min, max }) = doc.front.hours_per_week else {
            return true;
        };
        if max >= min {
            return true;
        }
        self.diagnostics.push(
            doc.error(
                "hours_per_week",
                crate::text!(
                    "`hours_per_week.max` ({max}) is below `min` ({min})",
                    "`hours_per_week.max` ({max}) is lager dan `min` ({min})"
                ),
            )
            .with_hint(crate::text!(
                "swap the two numbers: `{{ min: 24, max: 32 }}`",
                "draai de twee getallen om: `{{ min: 24, max: 32 }}`"
            )),
        );
        false
    }

    /// Whether `apply_url`, when given, is an absolute URL.
    fn apply_url(&mut self, doc: &Document<VacancyFront>) -> bool {
        let Some(url) = &doc.front.apply_url else {
            return true;
        };
        if crate::content::config::is_absolute_url(url) {
            return true;
        }
        self.diagnostics.push(
            doc.error(
                "apply_url",
                crate::text!(
                    "`apply_url` must be an absolute URL, found `{url}`",
                    "`apply_url` moet een volledig adres zijn (met `https://`), maar is `{url}`"
                ),
            )
            .with_hint(crate::text!(
                "e.g. `https://www.example.nl/solliciteren/…`",
                "bijvoorbeeld `https://www.example.nl/solliciteren/…`"
            )),
        );
        false
    }

    /// Whether every story the vacancy names exists (published or not); an error for each that
    /// does not.
    fn vacancy_stories(&mut self, doc: &Document<VacancyFront>) -> bool {
        let known = &self.content.stories;
        let mut ok = true;
        for (i, slug) in doc.front.stories.iter().enumerate() {
            if self.exists(Section::Stories, slug) {
                continue;
            }
            ok = false;
            let hint =
                did_you_mean(slug, known.iter().map(|s| s.slug.as_str())).unwrap_or_else(|| {
                    crate::text!(
                        "use the file name of a story in content/stories/ without `.md`",
                        "gebruik de bestandsnaam van een verhaal in content/stories/ zonder `.md`"
                    )
                });
            self.diagnostics.push(
                doc.error(
                    &format!("stories.{i}"),
                    crate::text!("unknown story `{slug}`", "onbekend verhaal `{slug}`"),
                )
                .with_hint(hint),
            );
        }
        ok
    }

    /// The model of the vacancies on this build, with their rendered bodies; a vacancy lists the
    /// stories it names and the stories that name it.
    pub(super) fn site_vacancies(
        &mut self,
        vacancies: Vec<AcceptedVacancy>,
        bodies: Vec<Html>,
        stories: &[Story],
        tags: &mut Hashtags,
    ) -> Vec<Vacancy> {
        let paths = &self.content.config.paths;
        let story_position: HashMap<&str, usize> =
            crate::validate::positions(stories.iter().map(|s| s.slug.as_str()));
        let mut out = Vec::with_capacity(vacancies.len());
        for ((entry, state), body_html) in vacancies.into_iter().zip(bodies) {
            let f = &entry.doc.front;
            out.push(Vacancy {
                slug: entry.slug.clone(),
                title: f.title.clone(),
                date: f.date,
                valid_through: f.valid_through.clone(),
                open: state.open,
                department: f.department.clone(),
                role: f.role.clone(),
                location: f.location.clone(),
                hours: f.hours_per_week,
                salary: state.terms.salary,
                remote: state.terms.remote,
                direct_apply: f.direct_apply,
                employment_types: f
                    .employment_type
                    .as_ref()
                    .map(|t| t.values())
                    .unwrap_or_default(),
                apply_url: f.apply_url.clone(),
                contact: f.contact.clone(),
                hashtags: tags.collect(&entry.doc, &f.hashtags, &mut self.diagnostics),
                identifier: f.identifier.clone().unwrap_or_else(|| entry.slug.clone()),
                stories: f
                    .stories
                    .iter()
                    .filter_map(|slug| story_position.get(slug.as_str()).copied())
                    .collect(),
                body_html,
                url: paths.vacancy(&entry.slug),
                visibility: state.visibility,
                source: entry.doc.file.path.clone(),
            });
        }
        // A story that names a vacancy appears on it, as the vacancy naming the story does.
        for (i, story) in stories.iter().enumerate() {
            for &vacancy in &story.vacancies {
                if !out[vacancy].stories.contains(&i) {
                    out[vacancy].stories.push(i);
                }
            }
        }
        for vacancy in &mut out {
            vacancy.stories.sort_unstable();
        }
        out
    }
}
