//! A vacancy's front-matter: the job recruiters link stories to.

use serde::Deserialize;

use crate::base::date::{Day, ValidThrough};
use crate::content::front_matter::Schema;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VacancyFront {
    pub title: String,
    pub date: Day,
    pub valid_through: ValidThrough,
    pub department: Option<String>,
    pub role: Option<String>,
    pub location: Location,
    pub hours_per_week: Option<Hours>,
    pub salary: Option<SalaryFront>,
    pub employment_type: Option<OneOrMany>,
    pub apply_url: Option<String>,
    /// `apply_url` opens the application form itself, not a page with more information.
    #[serde(default)]
    pub direct_apply: bool,
    /// `hybrid` (partly from home) or `full` (entirely from home, in the Netherlands).
    pub remote: Option<String>,
    pub contact: Option<Contact>,
    #[serde(default)]
    pub hashtags: Vec<String>,
    pub identifier: Option<String>,
    #[serde(default)]
    pub stories: Vec<String>,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub city: String,
    pub postal_code: Option<String>,
    pub street: Option<String>,
    pub region: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged, expecting = "a number of hours, or `{ min: 24, max: 32 }`")]
pub enum Hours {
    Exactly(f64),
    Range { min: f64, max: f64 },
}

/// `salary` as written; `unit` and `currency` are checked in `validate`, with hints.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryFront {
    pub min: f64,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub scale: Option<String>,
}

/// A checked salary: an amount or range per unit of time.
#[derive(Debug, Clone)]
pub struct Salary {
    pub min: f64,
    pub max: Option<f64>,
    pub unit: SalaryUnit,
    pub currency: String,
    pub scale: Option<String>,
}

/// Hours and amounts by their bits: two fingerprints are the same when the numbers are.
impl std::hash::Hash for Hours {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match *self {
            Hours::Exactly(hours) => (0u8, hours.to_bits()).hash(state),
            Hours::Range { min, max } => (1u8, min.to_bits(), max.to_bits()).hash(state),
        }
    }
}

impl std::hash::Hash for Salary {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.min.to_bits().hash(state);
        self.max.map(f64::to_bits).hash(state);
        (self.unit, &self.currency, &self.scale).hash(state);
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SalaryUnit {
    Hour,
    Day,
    Week,
    #[default]
    Month,
    Year,
}

/// Units as schema.org's `unitText` names them, with the Dutch word people tend to write.
pub const SALARY_UNITS: &[(SalaryUnit, &str, &str)] = &[
    (SalaryUnit::Hour, "HOUR", "uur"),
    (SalaryUnit::Day, "DAY", "dag"),
    (SalaryUnit::Week, "WEEK", "week"),
    (SalaryUnit::Month, "MONTH", "maand"),
    (SalaryUnit::Year, "YEAR", "jaar"),
];

/// The currencies a salary may be given in (ISO 4217): Dutch employers pay in euros.
pub const CURRENCIES: &[&str] = &["EUR"];

/// How much of the work can be done from home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Remote {
    /// Partly at the location, partly from home.
    Hybrid,
    /// Entirely from home, within the Netherlands.
    Full,
}

pub const REMOTE_VALUES: &[(Remote, &str)] = &[(Remote::Hybrid, "hybrid"), (Remote::Full, "full")];

impl SalaryUnit {
    /// `MONTH`, `month` → Month. Dutch words (`maand`) are not accepted but hinted at.
    pub fn parse(text: &str) -> Option<SalaryUnit> {
        SALARY_UNITS
            .iter()
            .find(|(_, name, _)| name.eq_ignore_ascii_case(text.trim()))
            .map(|(unit, _, _)| *unit)
    }

    pub fn schema_name(self) -> &'static str {
        match self {
            SalaryUnit::Hour => "HOUR",
            SalaryUnit::Day => "DAY",
            SalaryUnit::Week => "WEEK",
            SalaryUnit::Month => "MONTH",
            SalaryUnit::Year => "YEAR",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(
    untagged,
    expecting = "one value or a list, like `PART_TIME` or `[FULL_TIME, PART_TIME]`"
)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn values(&self) -> Vec<String> {
        match self {
            OneOrMany::One(value) => vec![value.clone()],
            OneOrMany::Many(values) => values.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Hash, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The values of schema.org's `employmentType` that Google for Jobs understands.
pub const EMPLOYMENT_TYPES: &[&str] = &[
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

/// The schema.org employment type for the Dutch word people write (`deeltijd`), for hints.
pub fn employment_type_for_dutch(word: &str) -> Option<&'static str> {
    match word.trim().to_lowercase().as_str() {
        "voltijd" | "fulltime" => Some("FULL_TIME"),
        "deeltijd" | "parttime" => Some("PART_TIME"),
        "tijdelijk" => Some("TEMPORARY"),
        "stage" | "stagiair" => Some("INTERN"),
        "vrijwilliger" | "vrijwilligerswerk" => Some("VOLUNTEER"),
        "oproep" | "oproepkracht" | "oproepbasis" => Some("PER_DIEM"),
        "zzp" | "freelance" | "zzp/freelance" => Some("CONTRACTOR"),
        _ => None,
    }
}

pub const SCHEMA: Schema = Schema {
    what: "a vacancy",
    what_nl: "een vacature",
    keys: &[
        "title",
        "date",
        "valid_through",
        "department",
        "role",
        "location",
        "hours_per_week",
        "salary",
        "employment_type",
        "apply_url",
        "direct_apply",
        "remote",
        "contact",
        "hashtags",
        "identifier",
        "stories",
        "draft",
    ],
    nested: &[
        ("location", &["city", "postal_code", "street", "region"]),
        ("salary", &["min", "max", "unit", "currency", "scale"]),
        ("contact", &["name", "role", "email", "phone"]),
    ],
    stand_ins: "title: \"\"\ndate: 2000-01-01\nvalid_through: 2000-01-01\nlocation: {city: \"\"}\n",
};

/// "24–32 uur per week" / "24–32 hours a week".
pub fn hours_text(hours: Hours, language: crate::base::language::Language) -> String {
    let number = |h: f64| {
        if h.fract() == 0.0 {
            format!("{}", h as i64)
        } else if language == crate::base::language::Language::Nl {
            format!("{h}").replace('.', ",")
        } else {
            format!("{h}")
        }
    };
    let range = match hours {
        Hours::Exactly(h) => number(h),
        Hours::Range { min, max } if min == max => number(min),
        Hours::Range { min, max } => format!("{}–{}", number(min), number(max)),
    };
    match language {
        crate::base::language::Language::Nl => format!("{range} uur per week"),
        crate::base::language::Language::En => format!("{range} hours a week"),
    }
}

/// "€ 3.245 – € 4.591 bruto per maand, FWG 45" / "€3,245 – €4,591 gross a month, FWG 45".
pub fn salary_text(salary: &Salary, language: crate::base::language::Language) -> String {
    use crate::base::language::Language;
    let money = |amount: f64| {
        let cents = (amount * 100.0).round() as i64;
        let (whole, fraction) = (cents / 100, cents % 100);
        let digits = whole.to_string();
        let separator = if language == Language::Nl { '.' } else { ',' };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        if fraction != 0 {
            grouped.push(if language == Language::Nl { ',' } else { '.' });
            grouped.push_str(&format!("{fraction:02}"));
        }
        let symbol = if salary.currency == "EUR" {
            "€".to_owned()
        } else {
            salary.currency.clone()
        };
        match language {
            Language::Nl => format!("{symbol} {grouped}"),
            Language::En => format!("{symbol}{grouped}"),
        }
    };
    let amount = match salary.max {
        Some(max) if max != salary.min => format!("{} – {}", money(salary.min), money(max)),
        _ => money(salary.min),
    };
    let unit = match (language, salary.unit) {
        (Language::Nl, SalaryUnit::Hour) => "bruto per uur",
        (Language::Nl, SalaryUnit::Day) => "bruto per dag",
        (Language::Nl, SalaryUnit::Week) => "bruto per week",
        (Language::Nl, SalaryUnit::Month) => "bruto per maand",
        (Language::Nl, SalaryUnit::Year) => "bruto per jaar",
        (Language::En, SalaryUnit::Hour) => "gross an hour",
        (Language::En, SalaryUnit::Day) => "gross a day",
        (Language::En, SalaryUnit::Week) => "gross a week",
        (Language::En, SalaryUnit::Month) => "gross a month",
        (Language::En, SalaryUnit::Year) => "gross a year",
    };
    match &salary.scale {
        Some(scale) => format!("{amount} {unit}, {scale}"),
        None => format!("{amount} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::language::Language;

    fn salary(min: f64, max: Option<f64>, unit: SalaryUnit, scale: Option<&str>) -> Salary {
        Salary {
            min,
            max,
            unit,
            currency: "EUR".into(),
            scale: scale.map(str::to_owned),
        }
    }

    #[test]
    fn salary_the_dutch_and_the_english_way() {
        use SalaryUnit::*;
        let cases = [
            (
                salary(3245.0, Some(4591.0), Month, Some("FWG 45")),
                "€ 3.245 – € 4.591 bruto per maand, FWG 45",
                "€3,245 – €4,591 gross a month, FWG 45",
            ),
            (
                salary(18.5, None, Hour, None),
                "€ 18,50 bruto per uur",
                "€18.50 gross an hour",
            ),
            (
                salary(17.15, Some(22.4), Hour, Some("FWG 35, CAO VVT")),
                "€ 17,15 – € 22,40 bruto per uur, FWG 35, CAO VVT",
                "€17.15 – €22.40 gross an hour, FWG 35, CAO VVT",
            ),
            (
                salary(38000.0, Some(46000.0), Year, None),
                "€ 38.000 – € 46.000 bruto per jaar",
                "€38,000 – €46,000 gross a year",
            ),
            (
                salary(1250000.0, None, Year, None),
                "€ 1.250.000 bruto per jaar",
                "€1,250,000 gross a year",
            ),
            (
                salary(650.0, Some(650.0), Week, None),
                "€ 650 bruto per week",
                "€650 gross a week",
            ),
            (
                salary(145.0, Some(180.0), Day, None),
                "€ 145 – € 180 bruto per dag",
                "€145 – €180 gross a day",
            ),
        ];
        for (salary, dutch, english) in cases {
            assert_eq!(salary_text(&salary, Language::Nl), dutch);
            assert_eq!(salary_text(&salary, Language::En), english);
        }
    }

    #[test]
    fn hours_the_dutch_and_the_english_way() {
        let range = |min, max| Hours::Range { min, max };
        let cases = [
            (
                range(24.0, 32.0),
                "24–32 uur per week",
                "24–32 hours a week",
            ),
            (range(36.0, 36.0), "36 uur per week", "36 hours a week"),
            (Hours::Exactly(36.0), "36 uur per week", "36 hours a week"),
            (
                range(16.5, 24.0),
                "16,5–24 uur per week",
                "16.5–24 hours a week",
            ),
        ];
        for (hours, dutch, english) in cases {
            assert_eq!(hours_text(hours, Language::Nl), dutch);
            assert_eq!(hours_text(hours, Language::En), english);
        }
    }

    #[test]
    fn units_and_dutch_employment_words() {
        assert_eq!(SalaryUnit::parse("month"), Some(SalaryUnit::Month));
        assert_eq!(SalaryUnit::parse(" YEAR "), Some(SalaryUnit::Year));
        assert_eq!(SalaryUnit::parse("maand"), None);
        assert_eq!(employment_type_for_dutch("Deeltijd"), Some("PART_TIME"));
        assert_eq!(employment_type_for_dutch("flex"), None);
    }
}
