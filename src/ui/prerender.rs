//! The page's HTML, rendered natively at build time by the same components the browser runs
//! (native only).
//!
//! `render_page` takes the page (trunk's `index.html`, or a page it rendered before: it only
//! replaces what it wrote) and a snapshot, and writes into it:
//! - between `<!--page-meta-->` and `<!--/page-meta-->` in the head: the title, description,
//!   Open Graph tags and a schema.org `Dataset` (`application/ld+json`: data, not script);
//! - between `<!--app-->` and `<!--/app-->` in the body: a `<noscript>` line and
//!   `<div id="app">` holding the whole report (`App` in the default view), with the
//!   fingerprints the browser app checks before taking it over.
//!
//! Everything from the snapshot is escaped by the components; text written here is escaped
//! here.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::snapshot::load::{snapshot_fingerprint, snapshot_from_json_text};
use crate::core::snapshot::Snapshot;
use crate::core::view::site_url::SiteUrl;
use crate::core::view::state::view_state_from_query;
use crate::core::view::visual::{visual_description, visual_title, visuals_of_snapshot, Visual};
use crate::core::wording;
use crate::core::Language;
use crate::ui::app::{App, AppStart};

/// The markers `render_page` writes between.
pub const META_MARKERS: (&str, &str) = ("<!--page-meta-->", "<!--/page-meta-->");
pub const APP_MARKERS: (&str, &str) = ("<!--app-->", "<!--/app-->");

/// The same fingerprint as the wasm build's (`build.rs`): both are compiled from this source.
const MARKUP_FINGERPRINT: &str = env!("MARKUP_FINGERPRINT");

/// Text for an HTML text node or a double-quoted attribute.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The link-preview image's file name and size (`authoring::preview_image` draws it).
pub const PREVIEW_IMAGE_FILE: &str = "og-image.png";
pub const PREVIEW_IMAGE_WIDTH: u32 = 1200;
pub const PREVIEW_IMAGE_HEIGHT: u32 = 630;

/// The report as HTML: `App` with `snapshot` in the default view.
pub fn app_html(snapshot: Arc<Snapshot>, site: Option<&SiteUrl>) -> String {
    app_html_for_view(snapshot, site, "")
}

/// The report as HTML in the view `query` asks for (`?lang=en&embed=1`…): what the browser
/// renders for it, for tests of wording in every view.
pub fn app_html_for_view(snapshot: Arc<Snapshot>, site: Option<&SiteUrl>, query: &str) -> String {
    // A server-side context: browser-only helpers (window listeners) know there is no browser.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| {
        let mut start = AppStart::prerendered(snapshot, site.map(ToString::to_string));
        start.query = query.to_owned();
        start.page_visual = view_state_from_query(query).0.visual;
        view! { <App start=start /> }.to_html()
    })
}

/// The page of `visual` alone as HTML (its default view, not embedded: the same markup).
pub fn visual_html(snapshot: Arc<Snapshot>, site: Option<&SiteUrl>, visual: &Visual) -> String {
    app_html_for_view(snapshot, site, &format!("visual={}", visual.param()))
}

/// The page's title: township · report title (Chinese, the default view's language).
pub fn page_title(snapshot: &Snapshot) -> String {
    format!(
        "{} · {}",
        snapshot.meta.township.name.zh, snapshot.meta.title.zh
    )
}

/// A visual's page title: the visual · township · report title (Chinese).
pub fn visual_page_title(snapshot: &Snapshot, visual: &Visual) -> String {
    match visual_title(snapshot, visual, Language::Zh) {
        Some(title) => format!("{title} · {}", page_title(snapshot)),
        None => page_title(snapshot),
    }
}

/// The head's title, description, Open Graph tags and structured data, for the report's page
/// or for one visual's.
fn page_meta(snapshot: &Snapshot, site: Option<&SiteUrl>, visual: Option<&Visual>) -> String {
    let meta = &snapshot.meta;
    let title = escape_html(&match visual {
        Some(visual) => visual_page_title(snapshot, visual),
        None => page_title(snapshot),
    });
    let description = escape_html(
        &visual
            .and_then(|visual| visual_description(snapshot, visual, Language::Zh))
            .unwrap_or_else(|| meta.description.zh.clone()),
    );
    let site_name = escape_html(&format!("{}{}", meta.county.name.zh, meta.township.name.zh));
    let mut head = format!(
        "<title>{title}</title>\
         <meta name=\"description\" content=\"{description}\" />\
         <meta property=\"og:type\" content=\"website\" />\
         <meta property=\"og:title\" content=\"{title}\" />\
         <meta property=\"og:description\" content=\"{description}\" />\
         <meta property=\"og:locale\" content=\"zh_CN\" />\
         <meta property=\"og:site_name\" content=\"{site_name}\" />"
    );
    // The link preview (written next to the page by `snapshot render` / `publish`). Chat apps
    // want absolute addresses: they are absolute when the build is told the site's address
    // (SITE_URL), else relative, which some apps do not follow.
    let image = site.map_or_else(
        || PREVIEW_IMAGE_FILE.to_owned(),
        |site| site.join(PREVIEW_IMAGE_FILE),
    );
    head.push_str(&format!(
        "<meta property=\"og:image\" content=\"{}\" />\
         <meta property=\"og:image:width\" content=\"{PREVIEW_IMAGE_WIDTH}\" />\
         <meta property=\"og:image:height\" content=\"{PREVIEW_IMAGE_HEIGHT}\" />\
         <meta property=\"og:image:alt\" content=\"{title}\" />\
         <meta name=\"twitter:card\" content=\"summary_large_image\" />",
        escape_html(&image)
    ));
    if let Some(site) = site {
        let url = visual.map_or_else(
            || site.as_str().to_owned(),
            |visual| site.join(&visual.page_file()),
        );
        head.push_str(&format!(
            "<meta property=\"og:url\" content=\"{}\" />",
            escape_html(&url)
        ));
    }
    // The dataset is described once, on the report's own page.
    if visual.is_none() {
        head.push_str("<script type=\"application/ld+json\">");
        head.push_str(&dataset_json_ld(snapshot));
        head.push_str("</script>");
    }
    head
}

/// A schema.org `Dataset` describing the snapshot, for search engines. `<` is written as
/// `\u003c`, so no string in it can end the element.
pub fn dataset_json_ld(snapshot: &Snapshot) -> String {
    let meta = &snapshot.meta;
    let place = format!(
        "{}{}{}{}",
        meta.province.name.zh, meta.city.name.zh, meta.county.name.zh, meta.township.name.zh
    );
    let mut dataset = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": page_title(snapshot),
        "alternateName": format!("{} · {}", meta.township.name.en, meta.title.en),
        "description": meta.description.zh,
        "inLanguage": ["zh-CN", "en"],
        "spatialCoverage": { "@type": "Place", "name": place },
        "temporalCoverage": meta.period,
        "variableMeasured": snapshot.indicators.iter().map(|indicator| indicator.label.zh.clone()).collect::<Vec<_>>(),
        "citation": snapshot.sources.iter().map(|source| {
            let mut cited = format!("{}（{}", source.title.zh, source.publisher.zh);
            if let Some(date) = &source.date {
                cited.push('，');
                cited.push_str(date);
            }
            cited.push('）');
            cited
        }).collect::<Vec<_>>(),
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "application/json",
            "contentUrl": "data/snapshot.json",
        },
    });
    if let (Some(published), Some(object)) = (&meta.published, dataset.as_object_mut()) {
        object.insert("datePublished".into(), published.clone().into());
    }
    if meta.synthetic {
        if let Some(object) = dataset.as_object_mut() {
            object.insert(
                "description".into(),
                "合成数据：并非真实数字，仅供测试 · Synthetic data: not real figures".into(),
            );
        }
    }
    dataset.to_string().replace('<', "\\u003c")
}

/// Replaces what stands between `markers` in `page` with `content` (markers kept).
fn replace_between(page: &str, markers: (&str, &str), content: &str) -> Result<String, String> {
    let start = page
        .find(markers.0)
        .ok_or_else(|| format!("the page has no {} marker", markers.0))?
        + markers.0.len();
    let end = page[start..]
        .find(markers.1)
        .ok_or_else(|| format!("the page has no {} marker", markers.1))?
        + start;
    Ok(format!("{}{content}{}", &page[..start], &page[end..]))
}

/// The pages `snapshot render` writes: the report's own, and one per visual.
pub struct RenderedPages {
    /// The report's page (`index.html`).
    pub report: String,
    /// Each visual's page, with its file name (`visual-….html`, next to the report's).
    pub visuals: Vec<(String, String)>,
    /// The snapshot they were rendered from (read once; the preview image is drawn from it).
    pub snapshot: Arc<Snapshot>,
}

/// A snapshot read for rendering pages from it: refused with every problem and its JSON path
/// when it does not load.
struct PageRenderer<'a> {
    snapshot: Arc<Snapshot>,
    fingerprint: String,
    site: Option<&'a SiteUrl>,
}

impl<'a> PageRenderer<'a> {
    fn new(snapshot_text: &str, site: Option<&'a SiteUrl>) -> Result<Self, String> {
        let snapshot = snapshot_from_json_text(snapshot_text).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("the snapshot is not valid:\n  {}", lines.join("\n  "))
        })?;
        Ok(PageRenderer {
            snapshot: Arc::new(snapshot),
            fingerprint: snapshot_fingerprint(snapshot_text),
            site,
        })
    }

    /// `page` with the report (or `visual` alone) rendered into it.
    fn render(&self, page: &str, visual: Option<&Visual>) -> Result<String, String> {
        let (snapshot, site) = (&self.snapshot, self.site);
        let html = match visual {
            Some(visual) => visual_html(Arc::clone(snapshot), site, visual),
            None => app_html(Arc::clone(snapshot), site),
        };
        let app = format!(
            "<noscript><p class=\"enhancement-note\">{note}</p></noscript>{stale}\
             <div id=\"app\" data-snapshot=\"{fingerprint}\" data-markup=\"{MARKUP_FINGERPRINT}\"{site_attribute}{visual_attribute}>{html}</div>{footer}",
            note = escape_html(wording::NEEDS_NEWER_BROWSER),
            stale = stale_data_note(snapshot, visual.is_some()),
            // The editor page, linked from the report's page only (outside #app: the page's,
            // never the app's).
            footer = if visual.is_none() {
                // Both languages, the page's own shown (app.css; the app sets `<html lang>`).
                format!(
                    "<footer class=\"site-footer\"><a href=\"edit.html\"><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></a></footer>",
                    escape_html(wording::EDITOR_LINK.zh),
                    escape_html(wording::EDITOR_LINK.en)
                )
            } else {
                String::new()
            },
            fingerprint = self.fingerprint,
            site_attribute = site
                .map(|site| format!(" data-site-url=\"{}\"", escape_html(site.as_str())))
                .unwrap_or_default(),
            visual_attribute = visual
                .map(|visual| format!(" data-visual=\"{}\"", escape_html(&visual.param())))
                .unwrap_or_default(),
        );
        let page = replace_between(page, META_MARKERS, &page_meta(snapshot, site, visual))?;
        replace_between(&page, APP_MARKERS, &app)
    }
}

/// The stale-data line, hidden: the start-up script shows it when the interactive layer cannot
/// run and the site's data file has another fingerprint than the page (`data-snapshot`),
/// filling in the data file's as-of date (`data-stale-as-of`; `data-unreadable` when the file
/// gives none). Outside `#app`: it belongs to the pre-rendered page, never to the app.
fn stale_data_note(snapshot: &Snapshot, for_visual: bool) -> String {
    let part = |language: Language| {
        let [lead, link, before_date, close] =
            wording::stale_data_line(language, &snapshot.meta.as_of);
        format!(
            "{}<a href=\"data/snapshot.json\">{}</a>{}<span data-stale-as-of data-unreadable=\"{}\"></span>{}",
            escape_html(&lead),
            escape_html(&link),
            escape_html(&before_date),
            escape_html(wording::STALE_DATA_AS_OF_UNREADABLE.get(language)),
            escape_html(&close),
        )
    };
    format!(
        "<p class=\"enhancement-note stale-data-note{}\" id=\"stale-data-note\" role=\"alert\" hidden>\
         <span lang=\"zh-CN\">{}</span> · <span lang=\"en\">{}</span></p>",
        if for_visual { " for-visual" } else { "" },
        part(Language::Zh),
        part(Language::En)
    )
}

/// `page` with `snapshot_text` rendered into it: the report's page, and a page of each visual
/// shown alone (same head and scripts, its own title and description). A snapshot that does
/// not load is refused with every problem and its JSON path.
pub fn render_pages(
    page: &str,
    snapshot_text: &str,
    site: Option<&SiteUrl>,
) -> Result<RenderedPages, String> {
    let renderer = PageRenderer::new(snapshot_text, site)?;
    let report = renderer.render(page, None)?;
    let visuals = visuals_of_snapshot(&renderer.snapshot)
        .iter()
        .map(|visual| Ok((visual.page_file(), renderer.render(page, Some(visual))?)))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(RenderedPages {
        report,
        visuals,
        snapshot: renderer.snapshot,
    })
}

/// `page` with `snapshot_text` rendered into it (the report's page only).
pub fn render_page(
    page: &str,
    snapshot_text: &str,
    site: Option<&SiteUrl>,
) -> Result<String, String> {
    PageRenderer::new(snapshot_text, site)?.render(page, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!DOCTYPE html><html><head><!--page-meta--><title>x</title><!--/page-meta--></head><body><!--app--><!--/app--></body></html>";

    #[test]
    fn rendering_twice_replaces_what_the_first_wrote() {
        let text = include_str!("../../data/snapshot.json");
        let once = render_page(TEMPLATE, text, None).expect("renders");
        let twice = render_page(&once, text, None).expect("renders again");
        assert_eq!(once, twice);
        assert_eq!(once.matches("<div id=\"app\"").count(), 1);
    }

    #[test]
    fn every_page_has_the_stale_data_line_hidden_above_the_app_with_its_own_date() {
        let text = include_str!("../../data/snapshot.json");
        let pages = render_pages(TEMPLATE, text, None).expect("renders");
        let snapshot = snapshot_from_json_text(text).expect("valid");
        let as_of = &snapshot.meta.as_of;
        let all = std::iter::once(&pages.report).chain(pages.visuals.iter().map(|(_, page)| page));
        for page in all {
            let line = page.find("id=\"stale-data-note\"").expect("the line");
            let app = page.find("<div id=\"app\"").expect("the app");
            assert!(line < app, "outside #app, above it");
            let line_markup = &page[line..app];
            assert!(
                line_markup.contains("role=\"alert\" hidden>"),
                "{line_markup}"
            );
            assert!(
                line_markup.contains(&format!("（截至 {as_of}）")),
                "{line_markup}"
            );
            assert!(
                line_markup.contains(&format!("(as of {as_of})")),
                "{line_markup}"
            );
            assert_eq!(line_markup.matches("data-stale-as-of").count(), 2);
            assert_eq!(
                line_markup
                    .matches("<a href=\"data/snapshot.json\">")
                    .count(),
                2
            );
        }
        assert!(pages
            .visuals
            .iter()
            .all(|(_, page)| page.contains("stale-data-note for-visual")));
    }

    #[test]
    fn a_page_without_markers_is_refused() {
        let text = include_str!("../../data/snapshot.json");
        let error = render_page("<html><body></body></html>", text, None).expect_err("no markers");
        assert!(error.contains("<!--page-meta-->"), "{error}");
    }

    #[test]
    fn structured_data_cannot_end_its_element() {
        let mut snapshot =
            snapshot_from_json_text(include_str!("../../data/snapshot.json")).expect("valid");
        snapshot.meta.description.zh = "</script><script>alert(1)</script>".into();
        let json = dataset_json_ld(&snapshot);
        assert!(!json.contains('<'), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["@type"], "Dataset");
        assert_eq!(value["description"], "</script><script>alert(1)</script>");
    }
}
