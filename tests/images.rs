//! Photos and social cards end to end: responsive variants in `<picture>`, a card for every page,
//! colour spaces, the rules that protect people, and the content-addressed cache.

mod support;

use std::path::Path;

use support::{TestSite, NOW};

/// `(images, cached)` from the summary line `…, 96 images (88 cached) in 0.61 s; …`.
fn image_counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("Built "))
        .unwrap_or_else(|| panic!("no summary line in {stderr}"));
    let words: Vec<&str> = line.split(' ').collect();
    let at = words
        .iter()
        .position(|w| *w == "images")
        .expect("the summary counts images");
    let cached = words[at + 1].trim_start_matches('(');
    (words[at - 1].parse().unwrap(), cached.parse().unwrap())
}

fn set_front(site: &TestSite, file: &str, from: &str, to: &str) {
    let text = site.read(file);
    assert!(text.contains(from), "{file} contains {from}");
    site.write(file, &text.replace(from, to));
}

fn write_png(path: &Path, image: image::DynamicImage) {
    image
        .save_with_format(path, image::ImageFormat::Png)
        .unwrap();
}

fn decode(site: &TestSite, site_path: &str) -> image::RgbImage {
    let bytes = std::fs::read(site.public().join(site_path.trim_start_matches('/')))
        .unwrap_or_else(|e| panic!("{site_path}: {e}"));
    image::load_from_memory(&bytes).unwrap().to_rgb8()
}

#[test]
fn story_photos_are_responsive_pictures_with_webp_and_fixed_sizes() {
    let site = TestSite::new("minimal");
    site.build();
    let page = site.page("/verhalen/avonddienst/");
    let source = page.attr(".story-photo picture source", "srcset").unwrap();
    assert_eq!(
        source,
        "/img/verhalen/avonddienst/foto-480.webp 480w, /img/verhalen/avonddienst/foto-960.webp 960w, /img/verhalen/avonddienst/foto-1600.webp 1600w"
    );
    assert_eq!(
        page.attr(".story-photo picture source", "type").as_deref(),
        Some("image/webp")
    );
    let img = &page.select(".story-photo picture img")[0].value();
    assert_eq!(
        img.attr("srcset"),
        Some("/img/verhalen/avonddienst/foto-480.jpg 480w, /img/verhalen/avonddienst/foto-960.jpg 960w, /img/verhalen/avonddienst/foto-1600.jpg 1600w")
    );
    assert_eq!(img.attr("sizes"), Some("(min-width: 72rem) 70rem, 100vw"));
    assert_eq!(img.attr("fetchpriority"), Some("high"));
    assert_eq!(img.attr("loading"), None, "the lead photo is not lazy");
    for entry in source
        .split(", ")
        .chain(img.attr("srcset").unwrap().split(", "))
    {
        let (url, width) = entry.split_once(' ').unwrap();
        let width: u32 = width.trim_end_matches('w').parse().unwrap();
        let image = decode(&site, url);
        assert_eq!(
            (image.width(), image.height()),
            (width, width * 9 / 16),
            "{url}"
        );
    }
    // Story cards in lists are below the fold: lazy.
    let home = site.page("/");
    let card_img = &home.select(".story-card picture img")[0].value();
    assert_eq!(card_img.attr("loading"), Some("lazy"));
    assert!(card_img
        .attr("srcset")
        .unwrap()
        .contains("foto-480.jpg 480w"));
}

#[test]
fn widths_webp_quality_and_filter_come_from_site_yaml_and_photos_are_never_upscaled() {
    let site = TestSite::new("minimal").in_english();
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{config}images: {{ widths: [320, 2400], webp: false, quality: 60, filter: triangle }}\n"),
    );
    site.build();
    let page = site.page("/verhalen/avonddienst/");
    assert!(page.select(".story-photo picture source").is_empty());
    assert_eq!(
        page.attr(".story-photo img", "srcset").as_deref(),
        Some("/img/verhalen/avonddienst/foto-320.jpg 320w, /img/verhalen/avonddienst/foto-1600.jpg 1600w")
    );
    assert!(!site.exists("/img/verhalen/avonddienst/foto-2400.jpg"));
    assert!(!site.exists("/img/verhalen/avonddienst/foto-320.webp"));

    site.write(
        "content/site.yaml",
        &format!("{config}images: {{ filter: lanczos }}\n"),
    );
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.lines().take(5).collect::<Vec<_>>(),
        [
            "content/site.yaml:14:19: error: unknown resampling filter `lanczos`",
            "   |",
            "14 | images: { filter: lanczos }",
            "   |                   ^^^^^^^",
            "   = hint: did you mean `lanczos3`?",
        ]
    );
}

#[test]
fn every_public_page_has_its_own_card_under_300_kb() {
    let site = TestSite::new("minimal");
    site.build();
    for (page, card) in [
        ("/", "/og/default.jpg"),
        ("/verhalen/", "/og/default.jpg"),
        ("/verhalen/avonddienst/", "/og/verhalen/avonddienst.jpg"),
        (
            "/verhalen/zeven-clienten/",
            "/og/verhalen/zeven-clienten.jpg",
        ),
        (
            "/vacatures/ic-verpleegkundige/",
            "/og/vacatures/ic-verpleegkundige.jpg",
        ),
        ("/hashtags/ic/", "/og/hashtags/ic.jpg"),
        (
            "/ambassadeurs/anneke-van-t-hof/",
            "/og/ambassadeurs/anneke-van-t-hof.jpg",
        ),
    ] {
        let meta = site.page(page).meta("og:image").unwrap();
        assert_eq!(
            meta,
            format!("https://werkenbij.example.nl{card}"),
            "{page}"
        );
        let bytes = std::fs::read(site.public().join(&card[1..])).unwrap();
        assert!(bytes.len() < 300_000, "{card}: {} bytes", bytes.len());
        assert_eq!(
            image::guess_format(&bytes).unwrap(),
            image::ImageFormat::Jpeg,
            "{card}"
        );
        let image = image::load_from_memory(&bytes).unwrap();
        assert_eq!((image.width(), image.height()), (1200, 630), "{card}");
    }
    // A story without a photo gets a text card in the brand colours: primary, accent stripe.
    let text_card = decode(&site, "/og/verhalen/zeven-clienten.jpg");
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 12);
    assert!(near(text_card.get_pixel(1100, 20).0, [0x0b, 0x53, 0x94]));
    assert!(near(text_card.get_pixel(5, 300).0, [0xf6, 0xb2, 0x6b]));
    let json_ld = site.page("/verhalen/zeven-clienten/").json_ld().unwrap();
    assert_eq!(
        json_ld["image"],
        "https://werkenbij.example.nl/og/verhalen/zeven-clienten.jpg"
    );
}

/// Mean absolute difference per channel of two images of the same size.
fn mean_difference(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / a.as_raw().len() as f64
}

/// Compares a card with its reference image in `tests/reference/`; `WERKENBIJ_BLESS=1` rewrites
/// the reference after a deliberate change of the card's look.
fn assert_like_reference(card: &image::RgbImage, name: &str) {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    // Half size keeps the reference small and JPEG noise out of the comparison.
    let card = &image::imageops::resize(card, 600, 315, image::imageops::FilterType::Triangle);
    if std::env::var_os("WERKENBIJ_BLESS").is_some() {
        std::fs::create_dir_all(reference.parent().unwrap()).unwrap();
        card.save_with_format(&reference, image::ImageFormat::Png)
            .unwrap();
    }
    let expected = image::open(&reference)
        .unwrap_or_else(|e| panic!("{}: {e}", reference.display()))
        .to_rgb8();
    let difference = mean_difference(card, &expected);
    assert!(
        difference < 2.0,
        "{name}: mean difference {difference:.2} from the reference"
    );
}

const LONG_TITLE: &str = "Van de vrachtwagen naar de ic: waarom Anneke van ’t Hof na twintig jaar logistiek toch nog verpleegkundige werd, en wat één nachtdienst op de intensive care haar over geduld, humor en überhaupt café-gesprekken leerde 💪❤️";

#[test]
fn a_long_dutch_title_is_wrapped_shrunk_and_cut_at_a_word_on_the_card() {
    let site = TestSite::new("minimal");
    set_front(
        &site,
        "content/stories/avonddienst/index.md",
        "title: \"Mijn avonddienst op de IC\"",
        &format!("title: \"{LONG_TITLE}\""),
    );
    let zeven = site.read("content/stories/zeven-clienten.md");
    let title = zeven.lines().find(|l| l.starts_with("title:")).unwrap();
    site.write(
        "content/stories/zeven-clienten.md",
        &zeven.replace(title, &format!("title: \"{LONG_TITLE}\"")),
    );
    site.build();
    for (path, reference) in [
        ("/og/verhalen/avonddienst.jpg", "card-photo-long-title.png"),
        (
            "/og/verhalen/zeven-clienten.jpg",
            "card-text-long-title.png",
        ),
    ] {
        let bytes = std::fs::read(site.public().join(&path[1..])).unwrap();
        assert!(bytes.len() < 300_000, "{path}: {} bytes", bytes.len());
        let card = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert_eq!(card.dimensions(), (1200, 630));
        assert_like_reference(&card, reference);
    }
}

#[test]
fn a_warm_cache_processes_no_image_and_a_new_title_redraws_exactly_one_card() {
    let site = TestSite::new("minimal").in_english();
    let (images, cached) = image_counts(&site.build().stderr);
    assert_eq!(cached, 0, "a cold cache");
    assert!(images > 10, "variants and cards: {images}");
    let before = site.output_files();

    site.remove_dir("public");
    let (warm, cached) = image_counts(&site.build().stderr);
    assert_eq!((warm, cached), (images, images), "nothing is processed");
    assert_eq!(before, site.output_files(), "the same bytes from the cache");

    set_front(
        &site,
        "content/stories/zeven-clienten.md",
        "title: Zeven cliënten",
        "title: Opnieuw zeven cliënten",
    );
    let (after, cached) = image_counts(&site.build().stderr);
    assert_eq!((after, cached), (images, images - 1));
    let changed: Vec<String> = before
        .iter()
        .zip(site.output_files())
        .filter(|((path, bytes), (_, now))| {
            (path.starts_with("og/") || path.starts_with("img/")) && bytes != now
        })
        .map(|((path, _), _)| path.clone())
        .collect();
    assert_eq!(changed, ["og/verhalen/zeven-clienten.jpg"]);
}

#[test]
fn the_cache_moves_with_cache_dir_or_the_environment_and_prune_removes_unused_entries() {
    let site = TestSite::new("minimal").in_english();
    let elsewhere = site.root.parent().unwrap().join("ci-cache");
    let run = site.run(&[
        "build",
        "--now",
        NOW,
        "--cache-dir",
        elsewhere.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(elsewhere.is_dir());
    assert!(!site.root.join(".werkenbij-cache").exists());

    let run = site.run_with(
        &["build", "--now", NOW],
        &[("WERKENBIJ_CACHE", "tmp/cache")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (images, cached) = image_counts(&run.stderr);
    assert_eq!(cached, 0);
    assert!(site.root.join("tmp/cache").is_dir());

    // A new title leaves the old card unused; prune removes it and nothing else.
    set_front(
        &site,
        "content/stories/zeven-clienten.md",
        "title: Zeven cliënten",
        "title: Opnieuw zeven cliënten",
    );
    let env = [("WERKENBIJ_CACHE", "tmp/cache")];
    assert_eq!(site.run_with(&["build", "--now", NOW], &env).code, 0);
    let run = site.run_with(&["cache", "prune", "--now", NOW], &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summary = run.stderr.lines().last().unwrap();
    assert!(
        summary.starts_with("Pruned 1 unused image (")
            && summary.contains(&format!("tmp/cache; {images} kept (")),
        "{summary}"
    );
    let run = site.run_with(&["build", "--now", NOW], &env);
    assert_eq!(image_counts(&run.stderr), (images, images));
    assert!(
        run.stderr
            .lines()
            .last()
            .unwrap()
            .contains("; image cache "),
        "the summary reports the cache size"
    );
}

#[test]
fn a_photo_too_small_for_a_card_gets_a_warning_and_a_text_card() {
    let site = TestSite::new("minimal").in_english();
    let small = image::RgbImage::from_pixel(1000, 700, image::Rgb([200, 30, 30]));
    write_png(
        &site.root.join("content/stories/avonddienst/klein.png"),
        small.into(),
    );
    set_front(
        &site,
        "content/stories/avonddienst/index.md",
        "image: foto.jpg",
        "image: klein.png",
    );
    let run = site.run(&["build", "--verbose", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.contains("klein.png` is"))
        .take(5)
        .collect();
    assert_eq!(
        warning,
        [
            "content/stories/avonddienst/index.md:8:8: warning: `klein.png` is 1000×700 pixels, too small for a sharp 1200×630 social card; a text card is used instead",
            "  |",
            "8 | image: klein.png",
            "  |        ^^^^^^^^^",
            "  = hint: use a photo at least 1200 pixels wide and 630 high",
        ]
    );
    // The card shows the brand, not a blurry upscale of the red photo.
    let card = decode(&site, "/og/verhalen/avonddienst.jpg");
    let [r, g, b] = card.get_pixel(600, 20).0;
    assert!(b > 120 && r < 60, "primary colour, found {:?}", [r, g, b]);
    // The page still shows the photo, at its own width at most.
    let page = site.page("/verhalen/avonddienst/");
    assert_eq!(
        page.attr(".story-photo img", "srcset").as_deref(),
        Some("/img/verhalen/avonddienst/klein-480.jpg 480w, /img/verhalen/avonddienst/klein-960.jpg 960w, /img/verhalen/avonddienst/klein-1000.jpg 1000w")
    );
}

#[test]
fn cmyk_adobe_rgb_and_transparent_photos_come_out_as_srgb() {
    let site = TestSite::new("minimal");
    let folder = site.root.join("content/stories/avonddienst");
    // CMYK (0, 100 %, 100 %, 0): red.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/cmyk.jpg"),
        folder.join("cmyk.jpg"),
    )
    .unwrap();
    // An Adobe RGB photo with its profile embedded.
    let adobe_pixel = [60u8, 160, 90];
    let adobe = image::RgbImage::from_pixel(64, 48, image::Rgb(adobe_pixel));
    let icc = moxcms::ColorProfile::new_adobe_rgb().encode().unwrap();
    let mut jpeg = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 100);
    image::ImageEncoder::set_icc_profile(&mut encoder, icc).unwrap();
    encoder.encode_image(&adobe).unwrap();
    std::fs::write(folder.join("adobe.jpg"), jpeg).unwrap();
    // A PNG whose right half is transparent.
    let rgba = image::RgbaImage::from_fn(64, 48, |x, _| {
        if x < 32 {
            image::Rgba([0, 0, 200, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    write_png(&folder.join("alpha.png"), rgba.into());

    let mut expected_adobe = [0u8; 3];
    moxcms::ColorProfile::new_adobe_rgb()
        .create_transform_8bit(
            moxcms::Layout::Rgb,
            &moxcms::ColorProfile::new_srgb(),
            moxcms::Layout::Rgb,
            moxcms::TransformOptions::default(),
        )
        .unwrap()
        .transform(&adobe_pixel, &mut expected_adobe)
        .unwrap();
    assert!(
        expected_adobe
            .iter()
            .zip(adobe_pixel)
            .any(|(a, b)| a.abs_diff(b) > 10),
        "the two spaces differ for this colour"
    );
    for (file, probe, expected) in [
        ("cmyk.jpg", (10, 10), [255, 0, 0]),
        ("adobe.jpg", (10, 10), expected_adobe),
        ("alpha.png", (10, 10), [0, 0, 200]),
        ("alpha.png", (50, 10), [255, 255, 255]),
    ] {
        set_front(
            &site,
            "content/stories/avonddienst/index.md",
            "image: foto.jpg",
            &format!("image: {file}"),
        );
        site.build();
        let stem = file.split('.').next().unwrap();
        for format in ["jpg", "webp"] {
            let out = decode(
                &site,
                &format!("/img/verhalen/avonddienst/{stem}-64.{format}"),
            );
            let found = out.get_pixel(probe.0, probe.1).0;
            assert!(
                found.iter().zip(expected).all(|(a, b)| a.abs_diff(b) <= 12),
                "{file} as {format} at {probe:?}: expected {expected:?}, found {found:?}"
            );
            let bytes = std::fs::read(
                site.public()
                    .join(format!("img/verhalen/avonddienst/{stem}-64.{format}")),
            )
            .unwrap();
            assert!(!bytes.windows(11).any(|w| w == b"ICC_PROFILE"));
            assert!(!bytes.windows(4).any(|w| w == b"ICCP"));
        }
        set_front(
            &site,
            "content/stories/avonddienst/index.md",
            &format!("image: {file}"),
            "image: foto.jpg",
        );
    }
}

#[test]
fn people_in_photo_must_be_known_and_consent_to_the_photo() {
    let site = TestSite::new("minimal").in_english();
    set_front(
        &site,
        "content/stories/avonddienst/index.md",
        "people_in_photo: [TF-2026-0004]",
        "people_in_photo: [TF-2026-0044]",
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    let error: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.contains("TF-2026-0044"))
        .take(5)
        .collect();
    assert_eq!(
        error,
        [
            "content/stories/avonddienst/index.md:11:19: error: consent reference `TF-2026-0044` is not in the consent register",
            "   |",
            "11 | people_in_photo: [TF-2026-0044]",
            "   |                   ^^^^^^^^^^^^",
            "   = hint: did you mean `TF-2026-0004`?",
        ]
    );

    // Pieter's consent has no `photo`: the photo is left out, the story stays.
    set_front(
        &site,
        "content/stories/avonddienst/index.md",
        "people_in_photo: [TF-2026-0044]",
        "people_in_photo: [TF-2026-0002]",
    );
    let run = site.run(&["build", "--verbose", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.contains("does not cover `photo`"))
        .take(5)
        .collect();
    assert_eq!(
        warning,
        [
            "content/stories/avonddienst/index.md:8:8: warning: consent `TF-2026-0002` does not cover `photo`: the photo is left out",
            "  |",
            "8 | image: foto.jpg",
            "  |        ^^^^^^^^",
            "  = hint: ask for a consent that includes `photo`, or remove the photo",
        ]
    );
    let page = site.page("/verhalen/avonddienst/");
    assert!(page.select(".story-photo").is_empty());
    assert!(!site.exists("/img/verhalen/avonddienst/foto-480.jpg"));
    // Its card is a text card now.
    let card = decode(&site, "/og/verhalen/avonddienst.jpg");
    let [r, _, b] = card.get_pixel(600, 20).0;
    assert!(b > 120 && r < 60);
}

#[test]
fn a_file_that_is_no_image_is_refused_with_its_name() {
    let site = TestSite::new("minimal").in_english();
    site.write("content/stories/avonddienst/foto.jpg", "dit is geen foto\n");
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    let error: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.contains("foto.jpg`:"))
        .take(5)
        .collect();
    assert_eq!(
        error,
        [
            "content/stories/avonddienst/index.md:8:8: error: `foto.jpg`: the file is not an image",
            "  |",
            "8 | image: foto.jpg",
            "  |        ^^^^^^^^",
            "  = hint: use a JPEG, PNG or WebP photo",
        ]
    );
}

#[test]
fn a_theme_changes_the_card_layout_in_theme_yaml() {
    let site = TestSite::new("minimal");
    site.write(
        "themes/default/theme.yaml",
        "card:\n  background: \"#222222\"\n  stripe: primary\n  stripe_width: 40\n",
    );
    site.build();
    let card = decode(&site, "/og/verhalen/zeven-clienten.jpg");
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 12);
    assert!(near(card.get_pixel(1100, 20).0, [0x22, 0x22, 0x22]));
    assert!(near(card.get_pixel(30, 300).0, [0x0b, 0x53, 0x94]));

    site.write("themes/default/theme.yaml", "card:\n  background: groen\n");
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: theme.yaml `card`: `groen` is not a colour: use `primary`, `accent`, `auto` or a hex colour like `#1f5e4b`\n  = hint: e.g. `background: primary`\n"
    );
    site.write(
        "themes/default/theme.yaml",
        "card:\n  font_bold: fonts/Comic.ttf\n",
    );
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: theme.yaml `card`: the font `fonts/Comic.ttf` is not in the theme\n  = hint: put the .ttf or .otf file in the theme folder and name it relative to it\n"
    );
}
