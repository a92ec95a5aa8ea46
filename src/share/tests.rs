//! Table tests for `share`: weighting, hashtags, texts within limits, URLs and dates.

use crate::base::date::Day;
use crate::base::language::Language;

use super::compose::*;
use super::dates::*;
use super::links::*;
use super::platform::*;

#[test]
fn x_weighting_follows_twitter_text_v3() {
    let cases: &[(&str, usize)] = &[
        // ASCII and Latin-1 count 1.
        ("", 0),
        ("Hallo collega's!", 16),
        (&"a".repeat(280), 280),
        // Accented Latin, precomposed or not (NFC first).
        ("café", 4),
        ("cafe\u{301}", 4),
        ("Daniël, één, ğ, ł", 17),
        // General punctuation in the weight-1 ranges: en dash, curly quote, prime.
        ("–’′", 3),
        // The ellipsis lies outside those ranges: 2.
        ("…", 2),
        // CJK counts 2.
        ("我", 2),
        (&"我".repeat(140), 280),
        ("日本語のテキスト", 16),
        // Emoji count 2 each, whole sequences included.
        ("😷👾😡🔥💩", 10),
        ("H🐱☺👨‍👩‍👧‍👦", 7),
        ("👍🏽", 2),
        ("🇳🇱", 2),
        ("❤️", 2),
        // Every URL counts 23, long or short.
        ("https://werkenbij.example.nl/verhalen/nachtdienst-op-de-ic/?utm_source=x&utm_medium=social&utm_campaign=ambassadeurs&utm_content=anneke-van-t-hof", 23),
        ("Lees: http://a.nl", 29),
        ("a https://a.nl b https://b.nl/x", 51),
    ];
    for (text, expected) in cases {
        assert_eq!(x_weighted_length(text), *expected, "{text:?}");
        // The reference implementation agrees.
        let reference =
            twitter_text::parse(text, twitter_text_config::config_v3(), true).weighted_length;
        assert_eq!(reference as usize, *expected, "twitter-text on {text:?}");
    }
}

#[test]
fn mastodon_and_plain_counts() {
    assert_eq!(
        Measure::CharsUrl23.count("Hoi https://example.nl/heel/lang/pad"),
        27
    );
    assert_eq!(Measure::Chars.count("één"), 3);
}

#[test]
fn hashtags_are_assembled_in_order_without_case_duplicates() {
    let story = [
        ("ic", false),
        ("MeerDanBillenWassen", true),
        ("zorggroeplindewaard", false),
        ("IC", false),
        ("nachtdienst", false),
    ];
    assert_eq!(
        assemble_hashtags(["ZorggroepLindewaard"], &story),
        [
            "ZorggroepLindewaard",
            "MeerDanBillenWassen",
            "ic",
            "nachtdienst"
        ]
    );
    assert_eq!(
        assemble_hashtags(["#A", "a"], &[]),
        ["A"],
        "`#` is not part of the name"
    );
}

fn parts<'a>(title: &'a str, summary: &'a str, tags: &'a [String]) -> Compose<'a> {
    Compose {
        title,
        summary,
        hashtags: tags,
        language: Language::Nl,
        host: "werkenbij.example.nl",
    }
}

const URL: &str = "https://werkenbij.example.nl/verhalen/a/?utm_source=x";

#[test]
fn composed_texts_per_platform() {
    let tags = vec!["ZorggroepLindewaard".to_owned(), "IC".to_owned()];
    let p = parts("Nachtdienst op de IC", "Wat er 's nachts gebeurt.", &tags);
    let post = compose(Platform::LinkedIn, &p, URL);
    assert_eq!(
        post.text,
        format!("Nachtdienst op de IC\n\nWat er 's nachts gebeurt.\n\n#ZorggroepLindewaard #IC\n\n{URL}")
    );
    assert_eq!(
        post.body,
        "Nachtdienst op de IC\n\nWat er 's nachts gebeurt.\n\n#ZorggroepLindewaard #IC"
    );
    let post = compose(Platform::WhatsApp, &p, URL);
    assert_eq!(
        post.text,
        format!("Nachtdienst op de IC\n\nWat er 's nachts gebeurt.\n\n{URL}")
    );
    let post = compose(Platform::Email, &p, URL);
    assert_eq!(
        post.text,
        format!("Wat er 's nachts gebeurt.\n\nLees het hele verhaal:\n\n{URL}")
    );
    let post = compose(Platform::Instagram, &p, URL);
    assert_eq!(
        post.text,
        "Nachtdienst op de IC\n\nWat er 's nachts gebeurt.\n\nLees het hele verhaal op werkenbij.example.nl.\n\n#ZorggroepLindewaard #IC"
    );
}

#[test]
fn over_the_limit_hashtags_go_last_first_then_the_summary_is_cut() {
    let tags: Vec<String> = (1..=12).map(|i| format!("Hashtag{i:02}")).collect();
    let summary =
        "Een nacht op de intensive care met vier patiënten, twee opnames en een familie die "
            .repeat(2);
    let p = parts("Nachtdienst op de IC", &summary, &tags);
    let post = compose(Platform::X, &p, URL);
    let count = x_weighted_length(&post.text);
    assert!(count <= 280, "{count}");
    // Some hashtags had to go: the first ones stay, in order.
    assert!(post.text.contains("#Hashtag01 #Hashtag02"));
    assert!(!post.text.contains("#Hashtag12"));
    assert!(
        post.text.contains(&summary.trim().to_string()),
        "summary kept whole while tags can go"
    );

    // A summary too long even without tags is cut at a word with an ellipsis.
    let long = "woord ".repeat(80);
    let p = parts("Titel", &long, &tags);
    let post = compose(Platform::X, &p, URL);
    assert!(x_weighted_length(&post.text) <= 280);
    assert!(!post.text.contains('#'));
    let summary_line = post.text.split("\n\n").nth(1).unwrap();
    assert!(summary_line.ends_with("woord…"), "{summary_line}");
    // As long as possible: one more word would not fit.
    let longer = summary_line.replace('…', " woord…");
    let with_one_more = post.text.replace(summary_line, &longer);
    assert!(x_weighted_length(&with_one_more) > 280);
}

#[test]
fn instagram_keeps_at_most_thirty_hashtags() {
    let tags: Vec<String> = (1..=40).map(|i| format!("t{i}")).collect();
    let post = compose(Platform::Instagram, &parts("T", "S", &tags), URL);
    assert_eq!(post.text.matches('#').count(), 30);
    assert!(post.text.ends_with("#t30"));
}

#[test]
fn author_texts_over_a_limit() {
    assert_eq!(over_limit(Platform::X, &"a".repeat(255), URL), None);
    // 256 + two newlines + 23 for the link.
    assert_eq!(
        over_limit(Platform::X, &"a".repeat(256), URL),
        Some((281, 280, "weighted characters"))
    );
    assert_eq!(
        over_limit(Platform::X, &"我".repeat(128), URL),
        Some((281, 280, "weighted characters"))
    );
    assert_eq!(over_limit(Platform::WhatsApp, &"a".repeat(9000), URL), None);
    // LinkedIn counts the link as it is.
    assert_eq!(over_limit(Platform::LinkedIn, &"a".repeat(2945), URL), None);
    assert_eq!(
        over_limit(Platform::LinkedIn, &"a".repeat(2946), URL),
        Some((3001, 3000, "characters"))
    );
    let tags = (1..=31)
        .map(|i| format!("#t{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        over_limit(Platform::Instagram, &tags, URL),
        Some((31, 30, "hashtags"))
    );
}

#[test]
fn tracked_urls_keep_their_parameter_order() {
    assert_eq!(
        tracked_url(
            "https://werkenbij.example.nl/verhalen/a/",
            Platform::LinkedIn,
            "social",
            "najaar 2026",
            "anneke-van-t-hof"
        ),
        "https://werkenbij.example.nl/verhalen/a/?utm_source=linkedin&utm_medium=social&utm_campaign=najaar%202026&utm_content=anneke-van-t-hof"
    );
}

#[test]
fn intent_urls_carry_what_each_network_accepts() {
    let post = Post {
        text: format!("Hoi & tot ziens\n\n{URL}"),
        body: "Hoi & tot ziens".to_owned(),
    };
    let enc = "https%3A%2F%2Fwerkenbij.example.nl%2Fverhalen%2Fa%2F%3Futm_source%3Dx";
    let cases = [
        (
            Platform::LinkedIn,
            format!("https://www.linkedin.com/sharing/share-offsite/?url={enc}"),
        ),
        (
            Platform::Facebook,
            format!("https://www.facebook.com/sharer/sharer.php?u={enc}"),
        ),
        (
            Platform::X,
            format!("https://x.com/intent/tweet?text=Hoi%20%26%20tot%20ziens&url={enc}"),
        ),
        (
            Platform::WhatsApp,
            format!("https://wa.me/?text=Hoi%20%26%20tot%20ziens%0A%0A{enc}"),
        ),
        (
            Platform::Email,
            format!("mailto:?subject=Een%20titel&body=Hoi%20%26%20tot%20ziens%0D%0A%0D%0A{enc}"),
        ),
        (
            Platform::Mastodon,
            format!("https://mastodon.nl/share?text=Hoi%20%26%20tot%20ziens%0A%0A{enc}"),
        ),
    ];
    for (platform, expected) in cases {
        assert_eq!(
            intent_url(
                platform,
                &post,
                URL,
                "Een titel",
                Some("https://mastodon.nl/")
            )
            .as_deref(),
            Some(expected.as_str()),
            "{platform:?}"
        );
    }
    assert_eq!(intent_url(Platform::Instagram, &post, URL, "", None), None);
    assert_eq!(intent_url(Platform::Mastodon, &post, URL, "", None), None);
}

#[test]
fn share_offsets_are_stable_and_spread() {
    assert_eq!(share_offset("anneke", "nachtdienst", true, 10), 0);
    assert_eq!(share_offset("anneke", "nachtdienst", false, 1), 0);
    // Fixed values: FNV-1a must give the same dates on every machine.
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    let offsets: Vec<u32> = (0..200)
        .map(|i| share_offset(&format!("collega-{i}"), "nachtdienst", false, 10))
        .collect();
    assert!(offsets.iter().all(|o| (1..=9).contains(o)));
    for day in 1..=9 {
        assert!(offsets.contains(&day), "day {day} is used");
    }
    assert_eq!(
        share_offset("ozlem-yilmaz", "nachtdienst-op-de-ic", false, 10),
        share_offset("ozlem-yilmaz", "nachtdienst-op-de-ic", false, 10)
    );
    let day = Day::parse("2026-11-20").unwrap();
    assert_eq!(suggested_date(day, 12).to_string(), "2026-12-02");
}

#[test]
fn mastodon_instances_may_be_written_as_urls() {
    assert_eq!(mastodon_host("https://mastodon.nl/"), "mastodon.nl");
    assert_eq!(mastodon_host("mastodon.nl"), "mastodon.nl");
}

#[test]
fn the_platforms_site_yaml_accepts_are_the_platforms_there_are() {
    let ids: Vec<&str> = Platform::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(ids, crate::content::config::PLATFORMS);
}
