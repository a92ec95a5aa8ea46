//! The story and vacancy cards of list pages, each made once per build. A story is on a page of
//! the story list, on its hashtags' pages, on its ambassador's profile and beside other stories,
//! and its card is the same on every one of them; so is a vacancy's beside every story it suits.
//! A card is the value templates see, with the theme's own card macro already rendered into it
//! (`html`, and `html_h2` for a story), so that a list does not run the macro for every item of
//! every page. Each card is made the first time a page needs it: `serve`, which renders only the
//! pages an edit touches, makes only their cards.

use std::sync::OnceLock;

use serde_json::Value;
use tera::{Context, Tera};

/// The fragments a card's HTML is rendered from: the theme's macros, called as the built-in
/// templates call them. The names end in `.html` so that the theme's escaping applies, and cannot
/// be the name of a theme's own template file.
const STORY_CARD: (&str, &str) = (
    "(werkenbij)/story_card.html",
    r#"{% import "macros.html" as m %}{{ m::story_card(story=card, heading=heading) }}"#,
);
const VACANCY_CARD: (&str, &str) = (
    "(werkenbij)/vacancy_card.html",
    r#"{% import "macros.html" as m %}{{ m::vacancy_card(vacancy=card, heading=heading) }}"#,
);

/// A story card's HTML for each heading the built-in templates give it: the macro's default
/// (`h3`) as `html`, and the heading of the story lists as `html_h2`.
const STORY_HEADINGS: [(&str, &str); 2] = [("html", "h3"), ("html_h2", "h2")];
const VACANCY_HEADINGS: [(&str, &str); 1] = [("html", "h3")];

pub(super) struct Cards {
    /// The theme's templates and the fragments; `None` when no page is rendered (planning the
    /// output files), so the cards then carry no HTML.
    tera: Option<Tera>,
    /// The HTML of each story card, for each of its headings: only the HTML is kept, as the
    /// fields of ten thousand cards would hold 70 MB.
    stories: Vec<OnceLock<Html>>,
    /// Each vacancy card whole, HTML and fields: a site has far fewer vacancies than stories,
    /// and each is shown beside many stories.
    vacancies: Vec<OnceLock<Value>>,
}

/// A card's HTML: the key it goes under and the text, for each heading.
type Html = Vec<(&'static str, String)>;

impl Cards {
    /// Room for `stories` and `vacancies` cards, rendered with the theme's `tera` when `render`.
    pub(super) fn new(tera: &Tera, stories: usize, vacancies: usize, render: bool) -> Cards {
        let tera = render.then(|| {
            let mut tera = tera.clone();
            tera.add_raw_templates([STORY_CARD, VACANCY_CARD]).expect(
                "the card fragments compile against every theme: macros.html is always there",
            );
            tera
        });
        Cards {
            tera,
            stories: (0..stories).map(|_| OnceLock::new()).collect(),
            vacancies: (0..vacancies).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The card `card` of story `i`, with its HTML (rendered the first time).
    pub(super) fn story(&self, i: usize, card: Value) -> Value {
        let html = self.stories[i].get_or_init(|| self.html(&card, STORY_CARD.0, &STORY_HEADINGS));
        with(card, html)
    }

    /// The card of vacancy `i` with its HTML, made by `make` the first time.
    pub(super) fn vacancy(&self, i: usize, make: impl FnOnce() -> Value) -> Value {
        self.vacancies[i]
            .get_or_init(|| {
                let card = make();
                let html = self.html(&card, VACANCY_CARD.0, &VACANCY_HEADINGS);
                with(card, &html)
            })
            .clone()
    }

    /// The fragment `template` rendered for `card` with each of `headings`. A theme whose macro
    /// cannot be called that way gets no HTML: its own templates cannot be using it, and a
    /// built-in one that does fails on the missing value, as it would have on the macro.
    fn html(&self, card: &Value, template: &str, headings: &[(&'static str, &str)]) -> Html {
        let Some(tera) = &self.tera else {
            return Html::new();
        };
        let mut context = Context::new();
        put(&mut context, "card", card.clone());
        headings
            .iter()
            .filter_map(|(key, heading)| {
                context.insert("heading", heading);
                tera.render(template, &context)
                    .ok()
                    .map(|text| (*key, text))
            })
            .collect()
    }
}

fn with(mut card: Value, html: &Html) -> Value {
    if let Value::Object(fields) = &mut card {
        for (key, text) in html {
            fields.insert((*key).to_owned(), Value::String(text.clone()));
        }
    }
    card
}

/// Puts `value` into `context` as it is: `Context::insert` would serialise a copy of it.
pub(super) fn put(context: &mut Context, key: &str, value: Value) {
    let mut one = serde_json::Map::new();
    one.insert(key.to_owned(), value);
    context.extend(Context::from_value(Value::Object(one)).expect("a map is a JSON object"));
}
