//! The report's header: township, title, where it is, where the data come from, the reader's
//! controls, and a navigation to the sections. In embed mode: one compact line, the source,
//! and a link to the full view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::snapshot::Snapshot;
use crate::core::view::state::view_state_from_query;
use crate::core::wording::{self as w, text};
use crate::core::Language;

use crate::ui::report::timeline::Timeline;
use crate::ui::speech::controls::ReadAloudSwitch;
use crate::ui::url_sync::{current_search, link_to, use_view_state};
use crate::ui::view_controls::ViewControls;

/// Brings a section (or any element, by id) into view and, when asked, moves keyboard focus to
/// its heading, so Tab continues there.
fn scroll_to_section(id: &str, focus: bool) {
    let Some(section) = crate::ui::dom::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
    else {
        return;
    };
    section.scroll_into_view();
    if focus {
        if let Some(heading) = section
            .query_selector("h2")
            .ok()
            .flatten()
            .and_then(|heading| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading).ok()
            })
        {
            crate::ui::dom::warn_on_error(heading.focus(), "focus");
        }
    }
}

#[component]
pub fn ReportHeader(
    snapshot: Arc<Snapshot>,
    #[prop(default = Language::Zh)] language: Language,
) -> impl IntoView {
    let view = use_view_state();
    let embed = view.state.with_untracked(|state| state.embed);
    let meta = &snapshot.meta;
    let place_chain = format!(
        "{} · {} · {}",
        meta.province.name.get(language),
        meta.city.name.get(language),
        meta.county.name.get(language)
    );
    let sections = snapshot
        .sections
        .iter()
        .map(|section| {
            let id = section.id.clone();
            let current = section.id.clone();
            view! {
                <li>
                    <a
                        class="programme-chip"
                        href=format!("#{}", section.id)
                        aria-current=move || view.state.with(|s| (s.section.as_deref() == Some(current.as_str())).then_some("true"))
                        on:click=move |event| {
                            event.prevent_default();
                            let id = id.clone();
                            scroll_to_section(&id, true);
                            view.state.update(|state| state.section = Some(id));
                        }
                    >
                        {section.title.get(language).to_owned()}
                    </a>
                </li>
            }
        })
        .collect_view();
    // Opened with a section in the URL: go there once the report is on the page (an effect:
    // in the browser only, after hydrating).
    // A link from one visual shown alone ("full report") names the visual in its fragment
    // (`#chart-…`): that is brought into view rather than its section's heading.
    Effect::new(move |_| {
        let (from_url, _) = view_state_from_query(&current_search());
        let fragment = crate::ui::dom::window()
            .and_then(|window| window.location().hash().ok())
            .map(|hash| hash.trim_start_matches('#').to_owned())
            .filter(|id| !id.is_empty());
        if let Some(target) = fragment.or(from_url.section) {
            request_animation_frame(move || scroll_to_section(&target, false));
        }
    });
    let indicator_count = snapshot.indicators.len();
    let synthetic = meta.synthetic;
    let primary_source = snapshot
        .indicators
        .first()
        .and_then(|indicator| snapshot.source(&indicator.source));
    let about = primary_source.map(|source| w::source_line(language, source, true));
    let as_of = w::as_of_line(language, &meta.as_of, &meta.period);
    let as_of_note = meta
        .as_of_note
        .as_ref()
        .map(|note| note.get(language).to_owned());
    let title = format!(
        "{} · {}",
        meta.township.name.get(language),
        meta.title.get(language)
    );
    // The page title follows the language (the build writes the Chinese one into index.html).
    let page_title = title.clone();
    Effect::new(move |_| {
        if let Some(document) = crate::ui::dom::document() {
            document.set_title(&page_title);
        }
    });
    let banner = move || {
        synthetic.then(|| view! {
            <p class="synthetic-banner" role="note">{text(language, w::SYNTHETIC_DATA_NOT_REAL_FIGURES)}</p>
        })
    };
    if embed {
        let interactive = crate::ui::app::use_interactive();
        // The as-of date with how it was arrived at, as in the full header.
        let embed_note = as_of_note.clone().map(|note| w::bracketed(language, &note));
        let full_view = move || {
            let mut state = view.state.get();
            state.embed = false;
            link_to(&state)
        };
        return view! {
            <header class="report-header embedded">
                {banner}
                <p class="embed-title">
                    <strong class="township-name" lang="zh-CN">{meta.township.name.zh.clone()}</strong>
                    " · "{meta.title.get(language).to_owned()}
                </p>
                {about.map(|about| view! { <p class="about-data">{about}" · "{as_of.clone()}{embed_note.clone()}</p> })}
                <a class="open-full" href=full_view target="_blank" rel="noopener">{text(language, w::OPEN_THE_FULL_VIEW)}</a>
                <div class="embed-controls" inert=move || !interactive.get()><ReadAloudSwitch language=language /></div>
                <Timeline snapshot=snapshot.clone() language=language />
            </header>
        }
        .into_any();
    }
    view! {
        <header class="report-header">
            {banner}
            <p class="place-chain">{place_chain}</p>
            <h1 class="township-name" lang="zh-CN">{meta.township.name.zh.clone()}</h1>
            <p class="report-title">{meta.title.get(language).to_owned()}</p>
            <p class="as-of">{as_of}{as_of_note.map(|note| view! { <span class="as-of-note">{w::bracketed(language, &note)}</span> })}</p>
            {about.map(|about| view! { <p class="about-data">{about}</p> })}
            <ViewControls title=title language=language />
        </header>
        <nav class="overview section-nav" aria-label=text(language, w::REPORT_SECTIONS)>
            <ul class="programme-list">{sections}</ul>
            <Timeline snapshot=snapshot.clone() language=language />
            <p class="indicator-count" data-count=indicator_count.to_string()>
                {w::indicator_count(language, indicator_count)}
            </p>
        </nav>
    }
    .into_any()
}
