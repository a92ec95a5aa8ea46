//! The rules a vacancy's pay and working-place keys must meet before Google for Jobs and job
//! boards read them: salary range, unit and currency, `remote`, `direct_apply`.

use crate::base::diagnostics::{did_you_mean, Diagnostic};
use crate::content::front_matter::Document;
use crate::content::vacancy::{
    Remote, Salary, SalaryUnit, VacancyFront, CURRENCIES, REMOTE_VALUES, SALARY_UNITS,
};

/// The checked values of these keys; `None` where the key was left out.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub salary: Option<Salary>,
    pub remote: Option<Remote>,
}

/// Checks `salary`, `remote` and `direct_apply`; every problem is pushed to `problems`.
/// Returns the terms only when all of them are right.
pub fn check(doc: &Document<VacancyFront>, problems: &mut Vec<Diagnostic>) -> Option<Terms> {
    let f = &doc.front;
    let before = problems.len();
    let salary = f.salary.as_ref().and_then(|salary| {
        if salary.min <= 0.0 {
            problems.push(
                doc.error(
                    "salary.min",
                    format!("`salary.min` ({}) is not a positive amount", salary.min),
                )
                .with_hint("write the gross amount in euros, e.g. `min: 3245`"),
            );
        }
        if let Some(max) = salary.max.filter(|&max| max < salary.min) {
            problems.push(
                doc.error(
                    "salary.max",
                    format!(
                        "`salary.max` ({max}) is below `salary.min` ({})",
                        salary.min
                    ),
                )
                .with_hint("swap the two amounts, or leave `max` out for a fixed salary"),
            );
        }
        let unit = match salary.unit.as_deref() {
            None => Some(SalaryUnit::Month),
            Some(text) => SalaryUnit::parse(text).or_else(|| {
                let dutch = SALARY_UNITS
                    .iter()
                    .find(|(_, _, word)| word.eq_ignore_ascii_case(text.trim()))
                    .map(|(_, name, _)| format!("did you mean `{name}`?"));
                let hint = dutch
                    .or_else(|| {
                        did_you_mean(
                            &text.to_uppercase(),
                            SALARY_UNITS.iter().map(|(_, name, _)| *name),
                        )
                    })
                    .unwrap_or_else(|| {
                        format!(
                            "use one of {}",
                            SALARY_UNITS
                                .iter()
                                .map(|(_, name, _)| *name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    });
                problems.push(
                    doc.error("salary.unit", format!("unknown salary unit `{text}`"))
                        .with_hint(hint),
                );
                None
            }),
        };
        let currency = match salary.currency.as_deref() {
            None => Some("EUR".to_owned()),
            Some(text) if CURRENCIES.contains(&text) => Some(text.to_owned()),
            Some(text) => {
                problems.push(
                    doc.error("salary.currency", format!("unsupported currency `{text}`"))
                        .with_hint("salaries are in euros: write `EUR`, or leave `currency` out"),
                );
                None
            }
        };
        Some(Salary {
            min: salary.min,
            max: salary.max,
            unit: unit?,
            currency: currency?,
            scale: salary.scale.clone(),
        })
    });
    let remote = f.remote.as_deref().and_then(|text| {
        let found = REMOTE_VALUES
            .iter()
            .find(|(_, name)| *name == text.trim())
            .map(|(remote, _)| *remote);
        if found.is_none() {
            let names = REMOTE_VALUES.iter().map(|(_, name)| *name);
            let hint = did_you_mean(&text.to_lowercase(), names.clone()).unwrap_or_else(|| {
                "use `hybrid` (partly from home) or `full` (entirely from home); leave `remote` out for work on location".to_owned()
            });
            problems
                .push(doc.error("remote", format!("unknown `remote` value `{text}`")).with_hint(hint));
        }
        found
    });
    if f.direct_apply && f.apply_url.is_none() {
        problems.push(
            doc.error(
                "direct_apply",
                "`direct_apply` is set but there is no `apply_url`",
            )
            .with_hint(
                "add the URL of the application form as `apply_url`, or remove `direct_apply`",
            ),
        );
    }
    (problems.len() == before).then_some(Terms { salary, remote })
}
