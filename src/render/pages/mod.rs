//! One function per page kind: each fills the page's template context and says where the page
//! goes; `Renderer::render_page` picks the function for a `Job`, renders the template and writes
//! the page.

mod alias;
mod ambassadors;
mod hashtags;
mod home;
mod not_found;
mod plain;
mod report;
mod share_kits;
mod stories;
mod vacancies;

use serde_json::Value;
use tera::Context;

use crate::base::date::Day;
use crate::base::error::Error;
use crate::output::Output;
use crate::render::plan::Job;
use crate::render::seo::Meta;
use crate::render::sitemap::SitemapEntry;
use crate::render::Renderer;

/// A page ready for its template: which template, where it goes, its head, and the files written
/// beside it.
struct PageSpec {
    template: &'static str,
    path: String,
    meta: Meta,
    in_sitemap: bool,
    /// The sitemap's `<lastmod>`: the date of the story or vacancy itself, never the build date.
    lastmod: Option<Day>,
    /// Other files that belong to the page (a share kit's JSON and calendar): path and text.
    files: Vec<(String, String)>,
}

impl PageSpec {
    fn new(template: &'static str, path: String, meta: Meta, in_sitemap: bool) -> PageSpec {
        PageSpec {
            template,
            path,
            meta,
            in_sitemap,
            lastmod: None,
            files: Vec::new(),
        }
    }

    fn last_modified(mut self, day: Day) -> PageSpec {
        self.lastmod = Some(day);
        self
    }

    /// A page search engines should not index, and the sitemap leaves out.
    fn unlisted(template: &'static str, path: String, mut meta: Meta) -> PageSpec {
        meta.noindex = true;
        PageSpec::new(template, path, meta, false)
    }
}

impl Renderer<'_> {
    /// Renders and writes one page; returns its sitemap entry when it belongs in the sitemap.
    /// `context` is the base context (`Renderer::base`, or a copy of it), which the page's own
    /// values join while it renders and leave afterwards: copying the base for every page would
    /// copy every UI string.
    pub(in crate::render) fn render_page(
        &self,
        job: Job,
        context: &mut Context,
        output: &dyn Output,
    ) -> Result<Option<SitemapEntry>, Error> {
        let mut own = Context::new();
        let page = self.spec(job, &mut own);
        own.insert("meta", &page.meta);
        let Value::Object(values) = own.into_json() else {
            unreachable!("a context is a JSON object")
        };
        let keys: Vec<String> = values.keys().cloned().collect();
        context.extend(Context::from_value(Value::Object(values)).expect("a JSON object"));
        let written = self.write(page, context, output);
        for key in &keys {
            context.remove(key);
        }
        written
    }

    /// The output files of one page: the page and the files beside it, without rendering it.
    pub(in crate::render) fn page_files(&self, job: Job) -> Vec<String> {
        if let Job::ShareKit(k) = job {
            // Composing a kit's posts only to learn where they go would cost the most of all.
            let kit = &self.kits.kits[k];
            return [&kit.url, &kit.json_url, &kit.calendar_url]
                .into_iter()
                .map(|path| file_for(path))
                .collect();
        }
        let page = self.spec(job, &mut Context::new());
        std::iter::once(&page.path)
            .chain(page.files.iter().map(|(path, _)| path))
            .map(|path| file_for(path))
            .collect()
    }

    /// The template, path and context of one page.
    fn spec(&self, job: Job, c: &mut Context) -> PageSpec {
        match job {
            Job::Home => self.home(c),
            Job::StoryList(page) => self.story_list(c, page),
            Job::Story(i) => self.story(c, i),
            Job::AmbassadorList => self.ambassador_list(c),
            Job::Ambassador(i) => self.ambassador(c, i),
            Job::VacancyList => self.vacancy_list(c, None),
            Job::VacancyFilter(f, o) => self.vacancy_list(c, Some((f, o))),
            Job::Vacancy(i) => self.vacancy(c, i),
            Job::HashtagIndex => self.hashtag_index(c),
            Job::Hashtag(i, page) => self.hashtag(c, i, page),
            Job::Page(i) => self.plain_page(c, i),
            Job::NotFound => self.not_found(),
            Job::Alias(i) => self.alias(c, i),
            Job::ShareKit(k) => self.share_kit(c, k),
            Job::ShareIndex => self.share_index(c),
            Job::Report => self.report(c),
        }
    }

    fn write(
        &self,
        page: PageSpec,
        context: &Context,
        output: &dyn Output,
    ) -> Result<Option<SitemapEntry>, Error> {
        for (path, text) in &page.files {
            output.write(&file_for(path), text.as_bytes())?;
        }
        let html = self
            .theme
            .tera
            .render(page.template, context)
            .map_err(|e| Error::template(page.template, &e))?;
        output.write(&file_for(&page.path), html.as_bytes())?;
        Ok(page.in_sitemap.then_some(SitemapEntry {
            path: page.path,
            lastmod: page.lastmod,
        }))
    }
}

/// `/verhalen/x/` → `verhalen/x/index.html`; `/404.html` → `404.html`.
fn file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_owned()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files_for_site_paths() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/verhalen/x/"), "verhalen/x/index.html");
        assert_eq!(file_for("/404.html"), "404.html");
        assert_eq!(file_for("/oud"), "oud/index.html");
    }
}
