//! The vacancy list, its filter pages (one per value of each facet) and each vacancy's page.

use serde::Serialize;
use serde_json::Value;
use tera::Context;

use super::PageSpec;
use crate::base::xml::escape;
use crate::content::vacancy::Remote;
use crate::model::Vacancy;
use crate::render::cards::put;
use crate::render::seo::{self, Meta};
use crate::render::vacancy_filter::listed;
use crate::render::views::public;
use crate::render::{feeds, Renderer};
use crate::share::links::tel_uri;

#[derive(Serialize)]
struct FacetView<'a> {
    key: &'static str,
    label: String,
    options: Vec<OptionView<'a>>,
}

#[derive(Serialize)]
struct OptionView<'a> {
    slug: &'a str,
    label: &'a str,
    url: String,
    count: usize,
    current: bool,
}

impl<'a> Renderer<'a> {
    /// The list (`filter: None`) or one filter page (`Some((facet, option))`).
    pub(super) fn vacancy_list(
        &self,
        context: &mut Context,
        filter: Option<(usize, usize)>,
    ) -> PageSpec {
        let s = self.site;
        let title = self.text("vacancies_title");
        let (path, indices, heading) = match filter {
            None => (format!("/{}/", s.config.paths.vacancies), listed(s), title),
            Some((f, o)) => {
                let option = &self.facets[f].options[o];
                let heading = format!("{title}: {}", option.label);
                (option.url.clone(), option.vacancies.clone(), heading)
            }
        };
        context.insert("count_text", &self.count_text(indices.len()));
        put(context, "vacancies", self.vacancy_cards(indices));
        context.insert("heading", &heading);
        context.insert("filters", &self.filter_views(filter));
        context.insert("filtered", &filter.is_some());
        context.insert("count_one", &self.text("vacancies_count_one"));
        context.insert("count_many", &self.text("vacancies_count_many"));
        if filter.is_none() {
            context.insert(
                "feeds",
                &feeds::vacancy_feed_links(s, &self.text("vacancies_title")),
            );
        }
        let description = match filter {
            None => self.text("vacancies_description"),
            Some(_) => format!("{} {}", self.text("vacancies_description"), heading),
        };
        let meta = Meta::new(s, &heading, &description, &path);
        PageSpec::new("vacancies.html", path, meta, true)
    }

    /// Every facet with its options, `current` marking the one this page filters on.
    fn filter_views(&self, current: Option<(usize, usize)>) -> Vec<FacetView<'_>> {
        self.facets
            .iter()
            .enumerate()
            .map(|(f, facet)| FacetView {
                key: facet.segment,
                label: self.text(facet.kind.label_key()),
                options: facet
                    .options
                    .iter()
                    .enumerate()
                    .map(|(o, option)| OptionView {
                        slug: &option.slug,
                        label: &option.label,
                        url: self.site.href(&option.url),
                        count: option.vacancies.len(),
                        current: current == Some((f, o)),
                    })
                    .collect(),
            })
            .collect()
    }

    /// "1 vacature", "12 vacatures".
    fn count_text(&self, n: usize) -> String {
        let word = if n == 1 {
            self.text("vacancies_count_one")
        } else {
            self.text("vacancies_count_many")
        };
        format!("{n} {word}")
    }

    /// Vacancy `i` with its stories; an open one carries JobPosting data, a closed one is not
    /// indexed and points to open alternatives.
    pub(super) fn vacancy(&self, context: &mut Context, i: usize) -> PageSpec {
        let s = self.site;
        let vacancy = &s.vacancies[i];
        put(context, "vacancy", self.vacancy_view(i));
        put(
            context,
            "stories",
            self.story_cards(self.links.vacancy_stories[i].iter().copied()),
        );
        put(context, "alternatives", self.alternatives(vacancy));
        context.insert("banner", &self.banner(vacancy.visibility));
        let place = match &vacancy.department {
            Some(d) => format!("– {d}, {}", vacancy.location.city),
            None => format!("– {}", vacancy.location.city),
        };
        let summary = format!("{} {place}", vacancy.title);
        let card = crate::model::cards::vacancy_card(s, i);
        let mut meta = Meta::new(s, &vacancy.title, &summary, &vacancy.url)
            .with_card(s, Some((&card.url, &card.alt)));
        if vacancy.open {
            let mut description = feeds::syndicated_html(s, &vacancy.body_html);
            if vacancy.remote == Some(Remote::Hybrid) {
                // Not TELECOMMUTE (that is a job done entirely from home): the text says it.
                description.push_str(&format!(
                    "<p>{}: {}</p>",
                    escape(&self.text("vacancy_remote")),
                    escape(&self.text("vacancy_remote_hybrid"))
                ));
            }
            meta = meta.with_json_ld(seo::job_posting_ld(s, vacancy, &description));
        } else {
            meta.noindex = true;
        }
        let in_sitemap = vacancy.open && public(vacancy.visibility);
        PageSpec::new("vacancy.html", vacancy.url.clone(), meta, in_sitemap)
            .last_modified(vacancy.date)
    }

    fn vacancy_view(&self, i: usize) -> serde_json::Value {
        let s = self.site;
        let vacancy = &s.vacancies[i];
        let employment_types: Vec<String> = vacancy
            .employment_types
            .iter()
            .map(|e| self.text(&format!("employment_{}", e.to_lowercase())))
            .collect();
        let remote = vacancy.remote.map(|r| {
            self.text(match r {
                Remote::Hybrid => "vacancy_remote_hybrid",
                Remote::Full => "vacancy_remote_full",
            })
        });
        serde_json::json!({
            "card": self.vacancy_card(i),
            "body_html": vacancy.body_html,
            "date": s.config.language.long_date(vacancy.date),
            "apply_url": vacancy.apply_url,
            "apply_text": self.text(if vacancy.direct_apply { "vacancy_apply" } else { "vacancy_apply_info" }),
            "phone_uri": vacancy.contact.as_ref().and_then(|c| c.phone.as_deref()).map(tel_uri),
            "contact": vacancy.contact,
            "street": vacancy.location.street,
            "postal_code": vacancy.location.postal_code,
            "employment_types": employment_types,
            "identifier": vacancy.identifier,
            "remote": remote,
            "hashtags": self.tags(&vacancy.hashtags),
        })
    }

    /// For a closed vacancy, three open ones: same department or role first, else the newest, so
    /// the page is never a dead end.
    fn alternatives(&self, vacancy: &Vacancy) -> Value {
        if vacancy.open {
            return Value::Array(Vec::new());
        }
        let related = |o: &Vacancy| {
            (o.department.is_some() && o.department == vacancy.department)
                || (o.role.is_some() && o.role == vacancy.role)
        };
        let mut open: Vec<(usize, &Vacancy)> = self.site.open_vacancies().collect();
        open.sort_by_key(|(_, o)| !related(o));
        self.vacancy_cards(open.into_iter().take(3).map(|(i, _)| i))
    }
}
