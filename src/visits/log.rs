//! One line of a web server access log in the Common or Combined Log Format (the defaults of
//! Apache and nginx) into a `Hit`. The IP address and user agent are hashed and dropped here.

use std::hash::{BuildHasher, RandomState};

use crate::base::date::{amsterdam, Day};

use super::Hit;

/// What a reader needs for every line: the bot list and this run's salt.
pub struct LineContext<'a> {
    pub bots: &'a isbot::Bots,
    pub salt: &'a RandomState,
}

/// `None` when the line is not in either format.
pub fn parse_line(line: &str, context: &LineContext) -> Option<Hit> {
    let mut rest = line.trim_end_matches(['\r', '\n']);
    let ip = token(&mut rest)?;
    let _ident = token(&mut rest)?;
    let _user = token(&mut rest)?;
    let time = bracketed(&mut rest)?;
    let request = quoted(&mut rest)?;
    let status: u16 = token(&mut rest)?.parse().ok()?;
    let _bytes = token(&mut rest)?;
    let (referrer, agent) = if rest.trim().is_empty() {
        (None, String::new())
    } else {
        let referrer = quoted(&mut rest)?;
        let agent = quoted(&mut rest)?;
        (Some(referrer), agent)
    };
    let day = log_day(&time)?;
    let mut parts = request.split(' ');
    let method = parts.next().filter(|m| !m.is_empty() && *m != "-")?;
    let target = parts.next().filter(|t| !t.is_empty())?;
    let referrer_host = referrer.as_deref().and_then(referrer_host).map(Into::into);
    let visitor = context.salt.hash_one((day.to_string(), ip, agent.as_str()));
    Some(Hit {
        day: Some(day),
        get: method == "GET",
        target: target.into(),
        status,
        referrer_host,
        referrer_known: true,
        bot: context.bots.is_bot(&agent),
        visitor: Some(visitor),
        count: 1,
    })
}

/// The next space-separated token.
fn token<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let text = rest.trim_start_matches(' ');
    if text.is_empty() {
        return None;
    }
    let end = text.find(' ').unwrap_or(text.len());
    *rest = &text[end..];
    Some(&text[..end])
}

fn bracketed(rest: &mut &str) -> Option<String> {
    let text = rest.trim_start_matches(' ').strip_prefix('[')?;
    let end = text.find(']')?;
    let inner = text[..end].to_owned();
    *rest = &text[end + 1..];
    Some(inner)
}

/// A `"…"` field; nginx and Apache escape a quote inside as `\"` (nginx also as `\x22`).
fn quoted(rest: &mut &str) -> Option<String> {
    let text = rest.trim_start_matches(' ').strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let (_, next) = chars.next()?;
                value.push(next);
            }
            '"' => {
                *rest = &text[i + 1..];
                return Some(value);
            }
            c => value.push(c),
        }
    }
    None
}

/// `10/Nov/2026:13:55:36 +0100` → the day in Amsterdam.
fn log_day(time: &str) -> Option<Day> {
    let zoned = jiff::fmt::strtime::parse("%d/%b/%Y:%H:%M:%S %z", time)
        .ok()?
        .to_timestamp()
        .ok()?;
    Some(Day(zoned.to_zoned_datetime(amsterdam()).date()))
}

/// `https://www.linkedin.com/feed/?x=1` → `linkedin.com`; `-` and what is not a URL → `None`.
pub fn referrer_host(referrer: &str) -> Option<String> {
    let referrer = referrer.trim();
    if referrer.is_empty() || referrer == "-" {
        return None;
    }
    let url = url::Url::parse(referrer).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Option<Hit> {
        let bots = isbot::Bots::default();
        let salt = RandomState::new();
        parse_line(
            line,
            &LineContext {
                bots: &bots,
                salt: &salt,
            },
        )
    }

    #[test]
    fn a_combined_line_keeps_only_the_referrer_host_and_a_hash() {
        let hit = parse(
            r#"203.0.113.7 - - [10/Nov/2026:23:55:36 +0000] "GET /verhalen/x/?utm_source=linkedin HTTP/1.1" 200 2326 "https://www.linkedin.com/feed/?trk=1" "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0""#,
        )
        .expect("a combined line");
        // 23:55 UTC is the next day in Amsterdam.
        assert_eq!(hit.day, Some(Day::parse("2026-11-11").unwrap()));
        assert!(hit.get);
        assert_eq!(&*hit.target, "/verhalen/x/?utm_source=linkedin");
        assert_eq!(hit.status, 200);
        assert_eq!(hit.referrer_host.as_deref(), Some("linkedin.com"));
        assert!(!hit.bot);
        assert!(hit.visitor.is_some());
        let text = format!("{hit:?}");
        assert!(
            !text.contains("203.0.113.7") && !text.contains("Firefox") && !text.contains("trk")
        );
    }

    #[test]
    fn a_common_line_has_no_referrer() {
        let hit = parse(r#"::1 - frank [10/Nov/2026:13:55:36 -0700] "POST /x/ HTTP/1.0" 301 -"#)
            .expect("a common line");
        assert!(!hit.get);
        assert_eq!(hit.status, 301);
        assert_eq!(hit.referrer_host, None);
    }

    #[test]
    fn bots_are_recognised_by_the_isbot_list() {
        let hit = parse(
            r#"66.249.66.1 - - [10/Nov/2026:13:55:36 +0100] "GET / HTTP/1.1" 200 10 "-" "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)""#,
        )
        .unwrap();
        assert!(hit.bot);
    }

    #[test]
    fn escaped_quotes_stay_inside_their_field() {
        let hit = parse(
            r#"1.2.3.4 - - [10/Nov/2026:13:55:36 +0100] "GET /a/ HTTP/1.1" 200 10 "-" "agent \"quoted\" here""#,
        )
        .unwrap();
        assert_eq!(&*hit.target, "/a/");
    }

    #[test]
    fn lines_in_neither_format_are_none() {
        for line in [
            "",
            "garbage",
            r#"1.2.3.4 - - [10/Nov/2026:13:55:36 +0100] "GET / HTTP/1.1" abc 10"#,
            r#"1.2.3.4 - - [99/Nov/2026:13:55:36 +0100] "GET / HTTP/1.1" 200 10"#,
            r#"1.2.3.4 - - [10/Nov/2026:13:55:36 +0100] "GET / HTTP/1.1" 200 10 "-""#,
            r#"1.2.3.4 - - [10/Nov/2026:13:55:36 +0100] "GET / HTTP/1.1"#,
            r#"1.2.3.4 - - [10/Nov/2026:13:55:36 +0100] "-" 400 0 "-" "-""#,
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    #[test]
    fn referrer_hosts_lose_www_and_case() {
        assert_eq!(
            referrer_host("https://WWW.Google.NL/search?q=zorg").as_deref(),
            Some("google.nl")
        );
        assert_eq!(referrer_host("-"), None);
        assert_eq!(referrer_host("not a url"), None);
    }
}
