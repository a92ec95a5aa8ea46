//! Calendar days as the content writes them (`YYYY-MM-DD`) and "today" in Europe/Amsterdam.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// The time zone every date of the site is read in: the organisations are Dutch.
pub fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC)
}

/// A calendar day written as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl Day {
    pub fn parse(text: &str) -> Result<Day, String> {
        let text = text.trim();
        let well_formed = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !well_formed {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        }
        text.parse::<Date>()
            .map(Day)
            .map_err(|_| format!("`{text}` is not a date in the calendar"))
    }

    /// The day a Unix timestamp falls on in Amsterdam (for `SOURCE_DATE_EPOCH`).
    pub fn from_unix_seconds(seconds: i64) -> Option<Day> {
        let timestamp = jiff::Timestamp::from_second(seconds).ok()?;
        Some(Day(timestamp.to_zoned_datetime(amsterdam()).date()))
    }

    /// Today on the clock, in Amsterdam. Only `cli` calls this; everything else gets the day
    /// through `Options`.
    pub fn today_on_clock() -> Day {
        Day(jiff::ZonedDateTime::now()
            .with_time_zone(amsterdam())
            .date())
    }

    pub fn add_days(self, days: i64) -> Day {
        Day(self
            .0
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(self.0))
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    pub fn month(self) -> i8 {
        self.0.month()
    }

    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// The start of this day in Amsterdam, as RFC 3339 with its offset (`2026-06-14T00:00:00+02:00`).
    pub fn start_rfc3339(self) -> String {
        self.at_time(0, 0, 0)
    }

    /// A time of this day in Amsterdam, as RFC 3339 with its offset.
    pub fn at_time(self, hour: i8, minute: i8, second: i8) -> String {
        let datetime = self.0.at(hour, minute, second, 0);
        match datetime.to_zoned_datetime(amsterdam()) {
            Ok(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => format!("{datetime}Z"),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DayVisitor;
        impl Visitor<'_> for DayVisitor {
            type Value = Day;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date of the form YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
                Day::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DayVisitor)
    }
}

/// A vacancy's `valid_through`: a day, or a moment with a time and an offset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValidThrough {
    /// The last day the vacancy is open, in Amsterdam.
    pub day: Day,
    /// RFC 3339 with offset; a bare day means the end of that day in Amsterdam.
    pub rfc3339: String,
}

impl ValidThrough {
    pub fn parse(text: &str) -> Result<ValidThrough, String> {
        let text = text.trim();
        if text.len() == 10 {
            let day = Day::parse(text)?;
            return Ok(ValidThrough {
                day,
                rfc3339: day.at_time(23, 59, 59),
            });
        }
        if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
            let zoned = timestamp.to_zoned_datetime(amsterdam());
            return Ok(ValidThrough {
                day: Day(zoned.date()),
                rfc3339: text.to_owned(),
            });
        }
        if let Ok(datetime) = text.parse::<jiff::civil::DateTime>() {
            if let Ok(zoned) = datetime.to_zoned_datetime(amsterdam()) {
                return Ok(ValidThrough {
                    day: Day(zoned.date()),
                    rfc3339: zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                });
            }
        }
        Err(format!(
            "`{text}` is neither a date (YYYY-MM-DD) nor a date and time with offset (2027-01-31T23:59:00+01:00)"
        ))
    }
}

impl<'de> Deserialize<'de> for ValidThrough {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Parsed inside the visitor, so a bad value is reported at the value, under its key.
        struct ValidThroughVisitor;
        impl Visitor<'_> for ValidThroughVisitor {
            type Value = ValidThrough;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date (YYYY-MM-DD) or a moment with its offset")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<ValidThrough, E> {
                ValidThrough::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(ValidThroughVisitor)
    }
}

/// `since` on an ambassador: a year (`2014`) or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Since {
    Year(i16),
    Day(Day),
}

impl Since {
    pub fn year(self) -> i16 {
        match self {
            Since::Year(year) => year,
            Since::Day(day) => day.year(),
        }
    }
}

impl<'de> Deserialize<'de> for Since {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SinceVisitor;
        impl Visitor<'_> for SinceVisitor {
            type Value = Since;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year (2014) or a date (2014-09-01)")
            }
            fn visit_u64<E: de::Error>(self, year: u64) -> Result<Since, E> {
                match i16::try_from(year) {
                    Ok(year) if (1900..=9999).contains(&year) => Ok(Since::Year(year)),
                    _ => Err(E::custom(format!("`{year}` is not a year"))),
                }
            }
            fn visit_i64<E: de::Error>(self, year: i64) -> Result<Since, E> {
                self.visit_u64(u64::try_from(year).unwrap_or(0))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Since, E> {
                match text.trim().parse::<u64>() {
                    Ok(year) => self.visit_u64(year),
                    Err(_) => Day::parse(text).map(Since::Day).map_err(E::custom),
                }
            }
        }
        deserializer.deserialize_any(SinceVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_strict() {
        assert_eq!(Day::parse("2026-06-14").unwrap().to_string(), "2026-06-14");
        assert!(Day::parse("2026-6-14").is_err());
        assert!(Day::parse("14-06-2026").is_err());
        assert_eq!(
            Day::parse("2026-02-30").unwrap_err(),
            "`2026-02-30` is not a date in the calendar"
        );
    }

    #[test]
    fn valid_through_takes_a_day_or_a_moment() {
        let day = ValidThrough::parse("2027-01-31").unwrap();
        assert_eq!(day.rfc3339, "2027-01-31T23:59:59+01:00");
        let moment = ValidThrough::parse("2027-01-31T23:30:00-01:00").unwrap();
        assert_eq!(
            moment.day.to_string(),
            "2027-02-01",
            "00:30 next day in Amsterdam"
        );
        let summer = ValidThrough::parse("2026-07-01T12:00").unwrap();
        assert_eq!(summer.rfc3339, "2026-07-01T12:00:00+02:00");
        // A bare date ends at 23:59:59 Amsterdam time, with the offset of that day: summer time,
        // and winter time again on the Sunday the clocks go back.
        for (day, end) in [
            ("2026-07-31", "2026-07-31T23:59:59+02:00"),
            ("2026-10-25", "2026-10-25T23:59:59+01:00"),
            ("2026-03-29", "2026-03-29T23:59:59+02:00"),
        ] {
            assert_eq!(ValidThrough::parse(day).unwrap().rfc3339, end, "{day}");
        }
    }

    #[test]
    fn source_date_epoch_is_read_in_amsterdam() {
        // 2026-06-13 22:30 UTC is already the 14th in Amsterdam (UTC+2).
        let day = Day::from_unix_seconds(1_781_389_800).unwrap();
        assert_eq!(day.to_string(), "2026-06-14");
    }
}
