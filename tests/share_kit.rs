//! Share kits end to end: the real binary builds `tests/fixtures/share`, and the kit pages,
//! `delen.json` and `delen.ics` are read back with scraper, serde, url, twitter-text and an
//! iCalendar parser.

mod support;

use std::collections::BTreeMap;

use icalendar::Component;
use serde::Deserialize;
use support::{Page, TestSite, NOW};
use url::Url;
use werkenbij::base::date::Day;

const BASE: &str = "https://werkenbij.example.nl";
const PLATFORMS: [&str; 7] = [
    "linkedin",
    "facebook",
    "x",
    "whatsapp",
    "instagram",
    "email",
    "mastodon",
];

fn built() -> TestSite {
    let site = TestSite::new("share");
    site.build();
    site
}

fn kit(site: &TestSite, id: &str) -> Page {
    site.page(&format!("/ambassadeurs/{id}/delen/"))
}

/// The story paths of a kit's cards, in order.
fn card_stories(page: &Page) -> Vec<String> {
    page.select("li.kit-story")
        .iter()
        .map(|li| li.value().attr("data-story-url").unwrap().to_owned())
        .collect()
}

fn pairs(url: &Url) -> Vec<(String, String)> {
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// FNV-1a over `ambassador\nslug`, written again here so that a change of the spread is seen.
fn offset(ambassador: &str, slug: &str, own: bool) -> i64 {
    if own {
        return 0;
    }
    let hash = format!("{ambassador}\n{slug}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    1 + (hash % 9) as i64
}

fn x_length(text: &str) -> i32 {
    twitter_text::parse(text, twitter_text_config::config_v3(), true).weighted_length
}

#[test]
fn kits_hold_own_stories_first_then_colleagues_newest_up_to_max_stories() {
    let site = built();
    // max_stories: 4. Anneke: her two, then Pieter's newest two (his oldest does not fit).
    assert_eq!(
        card_stories(&kit(&site, "anneke-van-t-hof")),
        [
            "/verhalen/nieuw-op-de-ic/",
            "/verhalen/avonddienst/",
            "/verhalen/thuiszorg-in-de-herfst/",
            "/verhalen/zeven-clienten/",
        ]
    );
    // Pieter: his three shareable ones (not the one without `social`), then Anneke's newest.
    assert_eq!(
        card_stories(&kit(&site, "pieter-bakker")),
        [
            "/verhalen/thuiszorg-in-de-herfst/",
            "/verhalen/zeven-clienten/",
            "/verhalen/oude-ronde/",
            "/verhalen/nieuw-op-de-ic/",
        ]
    );
    let page = kit(&site, "anneke-van-t-hof");
    assert_eq!(
        page.texts("li.kit-story .kit-badge"),
        [
            "Jouw verhaal",
            "Jouw verhaal",
            "Verhaal van Pieter Bakker",
            "Verhaal van Pieter Bakker"
        ]
    );
}

#[test]
fn every_card_has_a_ready_text_tracked_link_and_share_link_per_platform() {
    let site = built();
    for id in ["anneke-van-t-hof", "pieter-bakker"] {
        let page = kit(&site, id);
        let cards = page.select("li.kit-story");
        assert_eq!(cards.len(), 4);
        for card in cards {
            let story_path = card.value().attr("data-story-url").unwrap();
            let canonical = format!("{BASE}{story_path}");
            let card_html = Page {
                html: scraper::Html::parse_fragment(&card.html()),
            };
            let title = card_html.text(".card-title a");
            let posts = card_html.select("details.kit-post");
            let platforms: Vec<_> = posts
                .iter()
                .map(|p| p.value().attr("data-platform").unwrap())
                .collect();
            assert_eq!(platforms, PLATFORMS, "{story_path}");
            for post in posts {
                let platform = post.value().attr("data-platform").unwrap();
                let post = Page {
                    html: scraper::Html::parse_fragment(&post.html()),
                };
                let text: String = post.select("textarea.kit-text")[0].text().collect();
                let tracked = post.text("code.kit-tracked");
                let parsed = Url::parse(&tracked).unwrap();
                assert_eq!(
                    parsed[..url::Position::AfterPath],
                    canonical,
                    "{platform}: the story's canonical URL"
                );
                let campaign = if story_path == "/verhalen/nieuw-op-de-ic/" {
                    "ic-werving"
                } else {
                    "ambassadeurs"
                };
                assert_eq!(
                    pairs(&parsed),
                    [
                        ("utm_source".to_owned(), platform.to_owned()),
                        ("utm_medium".to_owned(), "social".to_owned()),
                        ("utm_campaign".to_owned(), campaign.to_owned()),
                        ("utm_content".to_owned(), id.to_owned()),
                    ],
                    "{platform} {story_path}"
                );
                let intent = post.attr("a.kit-intent", "href");
                let copy = post.attr("button[data-copy]", "data-copy");
                assert_eq!(
                    copy.as_deref(),
                    post.attr("textarea", "id").as_deref(),
                    "the copy button names its text"
                );
                assert!(
                    post.select("button[data-copy]")[0]
                        .value()
                        .attr("hidden")
                        .is_some(),
                    "without JavaScript there is no dead button"
                );
                match platform {
                    "linkedin" | "facebook" => {
                        let (host, path, key) = if platform == "linkedin" {
                            ("www.linkedin.com", "/sharing/share-offsite/", "url")
                        } else {
                            ("www.facebook.com", "/sharer/sharer.php", "u")
                        };
                        let intent = Url::parse(&intent.unwrap()).unwrap();
                        assert_eq!((intent.host_str(), intent.path()), (Some(host), path));
                        assert_eq!(pairs(&intent), [(key.to_owned(), tracked.clone())]);
                        assert!(post.text(".kit-how").starts_with("Kopieer eerst de tekst"));
                        // The copy button comes before the share link.
                        let actions = post.select(".kit-actions > *");
                        assert_eq!(actions[0].value().name(), "button");
                        assert_eq!(actions[1].value().name(), "a");
                        assert!(text.ends_with(&tracked));
                        if platform == "linkedin" {
                            assert!(text.chars().count() <= 3000);
                        }
                    }
                    "x" => {
                        let intent = Url::parse(&intent.unwrap()).unwrap();
                        assert_eq!(
                            (intent.host_str(), intent.path()),
                            (Some("x.com"), "/intent/tweet")
                        );
                        let body = text.strip_suffix(&format!("\n\n{tracked}")).unwrap();
                        assert_eq!(
                            pairs(&intent),
                            [
                                ("text".to_owned(), body.to_owned()),
                                ("url".to_owned(), tracked.clone())
                            ]
                        );
                        assert!(x_length(&text) <= 280, "{text}: {}", x_length(&text));
                        assert!(x_length(&format!("{body} {tracked}")) <= 280);
                    }
                    "whatsapp" | "mastodon" => {
                        let (host, path) = if platform == "whatsapp" {
                            ("wa.me", "/")
                        } else {
                            ("mastodon.nl", "/share")
                        };
                        let intent = Url::parse(&intent.unwrap()).unwrap();
                        assert_eq!((intent.host_str(), intent.path()), (Some(host), path));
                        assert_eq!(pairs(&intent), [("text".to_owned(), text.clone())]);
                        assert!(text.ends_with(&tracked));
                    }
                    "email" => {
                        let intent = intent.unwrap();
                        assert!(!intent.contains('+'), "spaces as %20 for mail clients");
                        let intent = Url::parse(&intent).unwrap();
                        assert_eq!(intent.scheme(), "mailto");
                        assert_eq!(
                            pairs(&intent),
                            [
                                ("subject".to_owned(), title.clone()),
                                ("body".to_owned(), text.replace('\n', "\r\n"))
                            ]
                        );
                        assert!(text.ends_with(&tracked));
                    }
                    "instagram" => {
                        assert_eq!(intent, None, "Instagram has no web share");
                        let image = card_html.attr(".kit-figure img", "src").unwrap();
                        assert_eq!(
                            post.attr("a[download]", "href").as_deref(),
                            Some(image.as_str())
                        );
                        assert_eq!(post.text("button[data-copy]"), "Kopieer bijschrift");
                        assert!(!text.contains("https://"), "caption links do not work");
                        assert!(text.chars().count() <= 2200);
                        assert!(text.matches('#').count() <= 30);
                    }
                    other => panic!("unexpected platform {other}"),
                }
            }
        }
    }
}

/// The texts of one story's card in a kit, by platform.
fn texts(site: &TestSite, ambassador: &str, story: &str) -> BTreeMap<String, String> {
    let page = kit(site, ambassador);
    let card = page
        .select("li.kit-story")
        .into_iter()
        .find(|li| li.value().attr("data-story-url") == Some(story))
        .unwrap_or_else(|| panic!("{story} in the kit of {ambassador}"));
    let card = Page {
        html: scraper::Html::parse_fragment(&card.html()),
    };
    card.select("details.kit-post")
        .iter()
        .map(|p| {
            let text = p
                .select(&scraper::Selector::parse("textarea").unwrap())
                .next()
                .unwrap()
                .text()
                .collect();
            (p.value().attr("data-platform").unwrap().to_owned(), text)
        })
        .collect()
}

#[test]
fn composed_texts_carry_title_summary_and_hashtags_in_order() {
    let site = built();
    let texts = texts(&site, "pieter-bakker", "/verhalen/zeven-clienten/");
    let url = |p: &str| {
        format!("{BASE}/verhalen/zeven-clienten/?utm_source={p}&utm_medium=social&utm_campaign=ambassadeurs&utm_content=pieter-bakker")
    };
    // Site `always` tag, then the campaign tag in the site's spelling, then the story's own.
    assert_eq!(
        texts["linkedin"],
        format!(
            "Zeven cliënten voor de lunch\n\nEen ochtend in de wijkauto door Zeist.\n\n#zorggroeptest #verschilmakers #thuiszorg\n\n{}",
            url("linkedin")
        )
    );
    assert_eq!(
        texts["whatsapp"],
        format!(
            "Zeven cliënten voor de lunch\n\nEen ochtend in de wijkauto door Zeist.\n\n{}",
            url("whatsapp")
        )
    );
    assert_eq!(
        texts["email"],
        format!(
            "Een ochtend in de wijkauto door Zeist.\n\nLees het hele verhaal:\n\n{}",
            url("email")
        )
    );
    assert_eq!(
        texts["instagram"],
        "Zeven cliënten voor de lunch\n\nEen ochtend in de wijkauto door Zeist.\n\nLees het hele verhaal op werkenbij.example.nl.\n\n#zorggroeptest #verschilmakers #thuiszorg"
    );
}

#[test]
fn hashtags_are_deduplicated_in_camel_case_and_dropped_last_first_to_fit_x() {
    let site = built();
    let texts = texts(
        &site,
        "anneke-van-t-hof",
        "/verhalen/thuiszorg-in-de-herfst/",
    );
    let all = "#zorggroeptest #verschilmakers #thuiszorg #herfst #wijkverpleging #Zeist #fietsen #buitenwerk #zorgmetaandacht #cliënten #regen #wind #seizoenen #wijkteam";
    assert!(texts["linkedin"].contains(all), "{}", texts["linkedin"]);
    // X: the whole summary stays, the last hashtags go first.
    let x = &texts["x"];
    assert!(x.contains("ondanks alles."), "{x}");
    assert!(!x.contains("#wijkteam"), "{x}");
    assert!(
        x.contains("#zorggroeptest #verschilmakers #thuiszorg"),
        "{x}"
    );
    let length = x_length(x);
    assert!(length <= 280, "{length}");
    // One hashtag more would not have fitted.
    let tags_line = x.split("\n\n").nth(2).unwrap();
    let next = all.split(' ').nth(tags_line.split(' ').count()).unwrap();
    assert!(x_length(&x.replace(tags_line, &format!("{tags_line} {next}"))) > 280);

    // `IC`, `ZorggroepTest`, `MeerDanBillenWassen`: one spelling each, the site's when it has one.
    let texts = self::texts(&site, "pieter-bakker", "/verhalen/nieuw-op-de-ic/");
    assert!(
        texts["facebook"].contains("#zorggroeptest #MeerDanBillenWassen #IC #IntensiveCare\n\n"),
        "{}",
        texts["facebook"]
    );
}

#[test]
fn an_authors_own_texts_are_used_in_their_kit_and_the_utm_campaign_in_every_kit() {
    let site = built();
    let texts = texts(&site, "anneke-van-t-hof", "/verhalen/nieuw-op-de-ic/");
    let url = |p: &str, id: &str| {
        format!("{BASE}/verhalen/nieuw-op-de-ic/?utm_source={p}&utm_medium=social&utm_campaign=ic-werving&utm_content={id}")
    };
    assert_eq!(
        texts["x"],
        format!(
            "Mijn eerste weken op de IC: spannend, leerzaam en een warm team 💙 #IC\n\n{}",
            url("x", "anneke-van-t-hof")
        )
    );
    assert_eq!(
        texts["linkedin"],
        format!(
            "Drie weken geleden begon ik op de Intensive Care. Wat ik leerde, lees je hier.\n\n{}",
            url("linkedin", "anneke-van-t-hof")
        )
    );
    // Platforms without an own text get a composed one.
    assert!(texts["whatsapp"].starts_with("Nieuw op de IC\n\n"));
    // The author's words are hers: a colleague gets the composed text, with the story's campaign.
    let texts = self::texts(&site, "pieter-bakker", "/verhalen/nieuw-op-de-ic/");
    assert_eq!(
        texts["x"],
        format!(
            "Nieuw op de IC\n\nHoe een nieuwe collega haar eerste weken op de Intensive Care beleefde, en wat ze het team leerde.\n\n#zorggroeptest #MeerDanBillenWassen #IC #IntensiveCare\n\n{}",
            url("x", "pieter-bakker")
        )
    );
    // One text for every platform.
    let texts = self::texts(&site, "pieter-bakker", "/verhalen/oude-ronde/");
    for platform in ["linkedin", "facebook", "x", "whatsapp", "email", "mastodon"] {
        assert_eq!(
            texts[platform],
            format!(
                "Mijn allereerste ronde in de thuiszorg, jaren geleden. Zo begon het.\n\n{BASE}/verhalen/oude-ronde/?utm_source={platform}&utm_medium=social&utm_campaign=ambassadeurs&utm_content=pieter-bakker"
            ),
        );
    }
    assert_eq!(
        texts["instagram"],
        "Mijn allereerste ronde in de thuiszorg, jaren geleden. Zo begon het."
    );
}

#[test]
fn suggested_dates_spread_colleagues_and_passed_ones_say_any_time() {
    let site = built();
    let today = Day::parse(NOW).unwrap();
    for (ambassador, stories) in [
        (
            "anneke-van-t-hof",
            [
                ("nieuw-op-de-ic", "2026-11-20", true),
                ("avonddienst", "2026-06-14", true),
                ("thuiszorg-in-de-herfst", "2026-11-22", false),
                ("zeven-clienten", "2026-05-01", false),
            ],
        ),
        (
            "pieter-bakker",
            [
                ("thuiszorg-in-de-herfst", "2026-11-22", true),
                ("zeven-clienten", "2026-05-01", true),
                ("oude-ronde", "2026-02-01", true),
                ("nieuw-op-de-ic", "2026-11-20", false),
            ],
        ),
    ] {
        let page = kit(&site, ambassador);
        let shown = page.select("li.kit-story .kit-suggested");
        for ((slug, published, own), element) in stories.iter().zip(shown) {
            let day = Day::parse(published)
                .unwrap()
                .add_days(offset(ambassador, slug, *own));
            if day < today {
                assert_eq!(
                    element.text().collect::<String>(),
                    "Deel wanneer het jou uitkomt"
                );
                assert_eq!(element.value().attr("datetime"), None);
            } else {
                assert_eq!(
                    element.value().attr("datetime"),
                    Some(day.to_string().as_str()),
                    "{ambassador} {slug}"
                );
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KitJson {
    format: String,
    generated: String,
    ambassador: AmbassadorJson,
    kit_url: String,
    calendar_url: String,
    stories: Vec<StoryJson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmbassadorJson {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryJson {
    slug: String,
    url: String,
    title: String,
    summary: String,
    published: String,
    author: String,
    own: bool,
    image: ImageJson,
    suggested_date: String,
    any_time: bool,
    platforms: BTreeMap<String, PostJson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageJson {
    url: String,
    alt: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostJson {
    text: String,
    tracked_url: String,
    intent_url: Option<String>,
}

fn kit_json(site: &TestSite, id: &str) -> KitJson {
    serde_json::from_str(&site.read(&format!("public/ambassadeurs/{id}/delen.json"))).unwrap()
}

#[test]
fn delen_json_holds_the_same_kit_in_its_documented_fields() {
    let site = built();
    let json = kit_json(&site, "anneke-van-t-hof");
    assert_eq!(json.format, "werkenbij-share-kit/1");
    assert_eq!(json.generated, NOW);
    assert_eq!(
        (json.ambassador.id.as_str(), json.ambassador.name.as_str()),
        ("anneke-van-t-hof", "Anneke van 't Hof")
    );
    assert_eq!(
        json.kit_url,
        format!("{BASE}/ambassadeurs/anneke-van-t-hof/delen/")
    );
    assert_eq!(
        json.calendar_url,
        format!("{BASE}/ambassadeurs/anneke-van-t-hof/delen.ics")
    );
    let page = kit(&site, "anneke-van-t-hof");
    let html_urls: Vec<String> = card_stories(&page)
        .iter()
        .map(|p| format!("{BASE}{p}"))
        .collect();
    let json_urls: Vec<String> = json.stories.iter().map(|s| s.url.clone()).collect();
    assert_eq!(json_urls, html_urls);
    let first = &json.stories[0];
    assert_eq!(first.slug, "nieuw-op-de-ic");
    assert_eq!(first.title, "Nieuw op de IC");
    assert!(first.summary.starts_with("Hoe een nieuwe collega"));
    assert_eq!(
        (first.published.as_str(), first.suggested_date.as_str()),
        ("2026-11-20", "2026-11-20")
    );
    assert!(first.own && first.any_time);
    assert_eq!(first.author, "anneke-van-t-hof");
    // A story without a photo has a text card of its own.
    assert_eq!(
        first.image.url,
        format!("{BASE}/og/verhalen/nieuw-op-de-ic.jpg")
    );
    assert_eq!(first.image.alt, "Nieuw op de IC");
    let photo = &json.stories[1];
    assert_eq!(
        photo.image.url,
        format!("{BASE}/og/verhalen/avonddienst.jpg")
    );
    assert_eq!(photo.image.alt, "Een rood en blauw vlak");
    let texts = texts(&site, "anneke-van-t-hof", "/verhalen/nieuw-op-de-ic/");
    for (platform, post) in &first.platforms {
        assert_eq!(&post.text, &texts[platform], "{platform}");
        assert!(post
            .tracked_url
            .ends_with(&format!("utm_source={platform}&utm_medium=social&utm_campaign=ic-werving&utm_content=anneke-van-t-hof")));
        assert_eq!(post.intent_url.is_none(), platform == "instagram");
    }
    assert_eq!(
        first.platforms.keys().collect::<Vec<_>>(),
        [
            "email",
            "facebook",
            "instagram",
            "linkedin",
            "mastodon",
            "whatsapp",
            "x"
        ]
    );
}

#[test]
fn delen_ics_has_one_all_day_event_per_coming_share_date() {
    let site = built();
    let today = Day::parse(NOW).unwrap();
    for id in ["anneke-van-t-hof", "pieter-bakker"] {
        let ics = site.read(&format!("public/ambassadeurs/{id}/delen.ics"));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
            assert!(!line.contains('\n'), "CRLF line ends only");
        }
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let calendar: icalendar::Calendar = ics.parse().unwrap();
        let json = kit_json(&site, id);
        let coming: Vec<&StoryJson> = json
            .stories
            .iter()
            .filter(|s| Day::parse(&s.suggested_date).unwrap() >= today)
            .collect();
        assert!(coming.iter().all(|s| !s.any_time));
        let events: Vec<_> = calendar.events().collect();
        assert_eq!(events.len(), coming.len(), "{id}");
        for (event, story) in events.iter().zip(&coming) {
            assert_eq!(
                event.get_uid(),
                Some(format!("{}.{id}.delen@werkenbij.example.nl", story.slug).as_str())
            );
            assert_eq!(
                event.get_start(),
                Some(icalendar::DatePerhapsTime::Date(
                    story.suggested_date.parse().unwrap()
                ))
            );
            let stamp = event.get_timestamp().unwrap();
            assert_eq!(stamp.to_rfc3339(), format!("{NOW}T00:00:00+00:00"));
            assert_eq!(
                event.get_summary(),
                Some(format!("Deel: {}", story.title).as_str())
            );
            assert_eq!(
                event.get_description(),
                Some(
                    format!(
                        "{BASE}/ambassadeurs/{id}/delen/\n\n{}",
                        story.platforms["linkedin"].text
                    )
                    .as_str()
                )
            );
            assert_eq!(
                event.property_value("URL"),
                Some(format!("{BASE}/ambassadeurs/{id}/delen/").as_str())
            );
        }
    }
    // Anneke shares Pieter's story of yesterday in the coming days.
    let anneke = site.read("public/ambassadeurs/anneke-van-t-hof/delen.ics");
    let calendar: icalendar::Calendar = anneke.parse().unwrap();
    assert!(calendar
        .events()
        .any(|e| e.get_summary() == Some("Deel: Thuiszorg in de herfst")));
}

#[test]
fn consent_without_social_keeps_people_and_stories_out_of_every_kit() {
    let site = TestSite::new("share").in_english();
    let run = site.build();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: ") && l.contains("`social`"))
        .collect();
    assert_eq!(
        warnings,
        [
            "content/ambassadors/joris-smit.md:4:10: warning: consent `TF-2026-0005` does not cover `social`: no share kit for this ambassador, and their stories are in no share kit",
            "content/stories/wijkrondje-zonder-foto.md:5:10: warning: consent `TF-2026-0006` does not cover `social`: this story is on the site but in no share kit",
        ]
    );
    // On the site, in no kit.
    assert!(site.exists("/ambassadeurs/joris-smit/index.html"));
    assert!(site.exists("/verhalen/oefenen-met-joris/index.html"));
    assert!(site.exists("/verhalen/wijkrondje-zonder-foto/index.html"));
    assert!(!site.exists("/ambassadeurs/joris-smit/delen"));
    assert!(!site.exists("/ambassadeurs/joris-smit/delen.json"));
    assert!(!site.exists("/ambassadeurs/joris-smit/delen.ics"));
    // Greetje's consent was withdrawn: no kit, and her story is nowhere in anyone's.
    assert!(!site.exists("/ambassadeurs/greetje-zwaan"));
    let kit_files: Vec<(String, String)> = site
        .output_files()
        .into_iter()
        .filter(|(path, _)| path.contains("delen"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect();
    assert_eq!(
        kit_files
            .iter()
            .map(|(p, _)| p.as_str())
            .collect::<Vec<_>>(),
        [
            "ambassadeurs/anneke-van-t-hof/delen.ics",
            "ambassadeurs/anneke-van-t-hof/delen.json",
            "ambassadeurs/anneke-van-t-hof/delen/index.html",
            "ambassadeurs/delen/index.html",
            "ambassadeurs/pieter-bakker/delen.ics",
            "ambassadeurs/pieter-bakker/delen.json",
            "ambassadeurs/pieter-bakker/delen/index.html",
        ]
    );
    for (path, text) in &kit_files {
        for absent in [
            "laatste-operatie",
            "Greetje",
            "greetje-zwaan",
            "oefenen-met-joris",
            "joris-smit",
            "wijkrondje-zonder-foto",
        ] {
            assert!(!text.contains(absent), "{absent} in {path}");
        }
    }
}

#[test]
fn kits_are_noindex_outside_the_sitemap_and_linked_from_no_public_page() {
    let site = built();
    for path in [
        "/ambassadeurs/anneke-van-t-hof/delen/",
        "/ambassadeurs/delen/",
    ] {
        assert_eq!(site.page(path).meta("robots").as_deref(), Some("noindex"));
    }
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("/ambassadeurs/anneke-van-t-hof/"));
    assert!(!sitemap.contains("delen"));
    for (path, bytes) in site.output_files() {
        if path.ends_with(".html") && !path.contains("delen") {
            let page = Page {
                html: scraper::Html::parse_document(&String::from_utf8(bytes).unwrap()),
            };
            for a in page.select("a[href]") {
                assert!(
                    !a.value().attr("href").unwrap().contains("/delen"),
                    "{path} links to a kit"
                );
            }
        }
    }
}

#[test]
fn the_index_lists_every_kit_with_its_figures() {
    let site = built();
    let page = site.page("/ambassadeurs/delen/");
    let rows: Vec<Vec<String>> = page
        .select("table.kit-table tbody tr")
        .iter()
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| {
                    c.text()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect();
    let next = |id: &str| {
        let today = Day::parse(NOW).unwrap();
        kit_json(&site, id)
            .stories
            .iter()
            .map(|s| Day::parse(&s.suggested_date).unwrap())
            .filter(|d| *d >= today)
            .min()
    };
    let date = |d: Option<Day>| match d {
        Some(d) => format!("{} november 2026", d.day()),
        None => "geen gepland".to_owned(),
    };
    assert_eq!(
        rows,
        [
            vec![
                "Anneke van 't Hof IC-verpleegkundige".to_owned(),
                "4".to_owned(),
                "2".to_owned(),
                date(next("anneke-van-t-hof")),
                ".ics Anneke van 't Hof".to_owned()
            ],
            vec![
                "Pieter Bakker Verzorgende IG".to_owned(),
                "4".to_owned(),
                "3".to_owned(),
                date(next("pieter-bakker")),
                ".ics Pieter Bakker".to_owned()
            ],
        ]
    );
    assert_eq!(
        page.attr("table.kit-table tbody th a", "href").as_deref(),
        Some("/ambassadeurs/anneke-van-t-hof/delen/")
    );
    assert_eq!(
        page.text("main p.muted:last-child"),
        "1 ambassadeur heeft geen deelkit: de toestemming dekt geen sociale media."
    );
}

#[test]
fn kit_outputs_are_byte_identical_between_builds() {
    let site = built();
    let kits = |site: &TestSite| -> Vec<(String, Vec<u8>)> {
        site.output_files()
            .into_iter()
            .filter(|(p, _)| p.contains("delen"))
            .collect()
    };
    let first = kits(&site);
    assert_eq!(first.len(), 7);
    let run = site.run_with(&["build", "--now", NOW], &[("RAYON_NUM_THREADS", "1")]);
    assert_eq!(run.code, 0);
    assert!(first == kits(&site));
}

#[test]
fn an_own_text_over_a_limit_is_an_error_at_its_line() {
    let site = TestSite::new("share").in_english();
    let long = "Spannend, leerzaam en warm. ".repeat(10);
    site.write(
        "content/stories/nieuw-op-de-ic.md",
        &site.read("content/stories/nieuw-op-de-ic.md").replace(
            "  x: \"Mijn eerste weken op de IC: spannend, leerzaam en een warm team 💙 #IC\"",
            &format!("  x: \"{}\"", long.trim()),
        ),
    );
    site.write(
        "content/stories/oude-ronde.md",
        &site.read("content/stories/oude-ronde.md").replace(
            "share: \"Mijn allereerste ronde in de thuiszorg, jaren geleden. Zo begon het.\"",
            &format!("share: \"{} 😀\"", "我".repeat(127)),
        ),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    let long = long.trim();
    let cjk = format!("{} 😀", "我".repeat(127));
    let caret = |value: &str| "^".repeat(value.chars().count() + 2);
    assert_eq!(
        errors(&run.stderr),
        [
            format!(
                "content/stories/nieuw-op-de-ic.md:9:6: error: `share.x` is 304 weighted characters with the link, more than X allows (280)\n  |\n9 |   x: \"{long}\"\n  |      {}\n  = hint: shorten it: the link is added to it and counts as 23, emoji and CJK characters count as 2\n",
                caret(long)
            ),
            format!(
                "content/stories/oude-ronde.md:7:8: error: `share` is 282 weighted characters with the link, more than X allows (280)\n  |\n7 | share: \"{cjk}\"\n  |        {}\n  = hint: shorten it, or give X a text of its own: `share: {{ x: …, linkedin: … }}`\n",
                caret(&cjk)
            ),
        ]
    );
}

/// Every error block of stderr: the message line, the source lines and the hint.
fn errors(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut open = false;
    for line in stderr.lines() {
        if line.contains(": error: ") {
            blocks.push(format!("{line}\n"));
            open = true;
        } else if open
            && (line.starts_with(' ')
                || line
                    .split_once(" |")
                    .is_some_and(|(number, _)| number.chars().all(|c| c.is_ascii_digit())))
        {
            let last = blocks.last_mut().expect("a block is open");
            last.push_str(line);
            last.push('\n');
        } else {
            open = false;
        }
    }
    blocks
}

#[test]
fn mastodon_without_an_instance_is_a_configuration_error() {
    let site = TestSite::new("share").in_english();
    site.write(
        "content/site.yaml",
        &site
            .read("content/site.yaml")
            .replace("  mastodon: mastodon.nl\n", ""),
    );
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "content/site.yaml:10:66: error: `share.platforms` names `mastodon` but `share.mastodon` names no instance\n   |\n10 |   platforms: [linkedin, facebook, x, whatsapp, instagram, email, mastodon]\n   |                                                                  ^^^^^^^^\n   = hint: add the instance your colleagues use, e.g. `mastodon: mastodon.nl`\nerror: content/site.yaml has 1 problem; nothing was built\n"
    );
}

#[test]
fn unknown_utm_keys_are_rejected_with_a_suggestion() {
    let site = TestSite::new("share").in_english();
    site.write(
        "content/stories/nieuw-op-de-ic.md",
        &site.read("content/stories/nieuw-op-de-ic.md").replace(
            "utm: { campaign: ic-werving }",
            "utm: { campagne: ic-werving }",
        ),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    let at = run
        .stderr
        .find("content/stories/nieuw-op-de-ic.md")
        .unwrap();
    assert_eq!(
        run.stderr[at..].lines().take(5).collect::<Vec<_>>(),
        [
            "content/stories/nieuw-op-de-ic.md:11:8: error: unknown key `utm.campagne` in `utm`",
            "   |",
            "11 | utm: { campagne: ic-werving }",
            "   |        ^^^^^^^^",
            "   = hint: did you mean `campaign`?",
        ]
    );
}

#[test]
fn an_ambassador_cannot_take_the_address_of_the_kit_index() {
    let site = TestSite::new("share").in_english();
    site.write(
        "content/ambassadors/delen.md",
        "---\nname: Del En\nrole: Verpleegkundige\nconsent: TF-2026-0002\n---\nBio.\n",
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(
        errors(&run.stderr),
        ["content/ambassadors/delen.md:1:1: error: the ambassador id `delen` would take the address of the share kits' index\n  = hint: rename the file, e.g. after the ambassador's name\n"]
    );
}
