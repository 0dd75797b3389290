//! One chart, figure card, the map or a section shown alone (`visual=` in the URL): the
//! township and report it belongs to, the visual as the report draws it, what its
//! qualifiers mean, where its figures come from, as of when, and a link to the whole report
//! at that place. Embedded or not, it is the same markup, so its pre-rendered page
//! (`visual-….html`) is taken over in either.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::chart::model::{qualifier_key_from_figures, quantity_for_period};
use crate::core::snapshot::{Block, Snapshot};
use crate::core::speech::SpeechKey;
use crate::core::view::visual::{indicators_of_visual, sources_of_visual, visual_place, Visual};
use crate::core::view::visual_view::full_report_view;
use crate::core::wording::{self as w, text};
use crate::core::Language;
use crate::ui::deferred::Content;
use crate::ui::map::village_map::VillageMap;
use crate::ui::report::figure_card::FigureCard;
use crate::ui::report::qualifier_key::{KeyFor, QualifierKeyList};
use crate::ui::report::sections::{block_view, deferred_block};
use crate::ui::speech::controls::{ReadAloudSwitch, ReadSectionButton};
use crate::ui::url_sync::{link_to, use_view_state};

/// The visual itself: the block as the report renders it, one figure card, or a section.
fn visual_content(
    snapshot: &Arc<Snapshot>,
    visual: &Visual,
    section_index: usize,
    block_index: Option<usize>,
    language: Language,
    period: &Option<String>,
) -> AnyView {
    let section = &snapshot.sections[section_index];
    let deferred = |block_index: usize| {
        let snapshot = Arc::clone(snapshot);
        let period = period.clone();
        let content: Content = Arc::new(move || {
            let section = &snapshot.sections[section_index];
            block_view(
                &snapshot,
                &section.id,
                block_index,
                &section.blocks[block_index],
                language,
                &period,
            )
        });
        deferred_block(Some(block_index), content)
    };
    match (visual, block_index) {
        (Visual::Figure(id), _) => {
            let Some(indicator) = snapshot.indicator(id).cloned() else {
                return ().into_any();
            };
            let source = snapshot.source(&indicator.source).cloned();
            let period = period.clone();
            let content: Content = Arc::new(move || {
                view! { <div class="figure-grid single"><FigureCard indicator=indicator.clone() source=source.clone() language=language period=period.clone() /></div> }
                    .into_any()
            });
            deferred_block(None, content).into_any()
        }
        (Visual::Map, Some(block_index)) => {
            // The map's title is the heading under the page's (h2, not h3 as in a section).
            let title = match &section.blocks[block_index] {
                Block::Map { title: Some(title) } => Some(title.get(language).to_owned()),
                _ => None,
            };
            let snapshot = Arc::clone(snapshot);
            let content: Content = Arc::new(move || {
                view! { <VillageMap snapshot=Arc::clone(&snapshot) title=title.clone() language=language heading=2 fold_list=true /> }
                    .into_any()
            });
            deferred_block(Some(block_index), content).into_any()
        }
        (_, Some(block_index)) => deferred(block_index).into_any(),
        (_, None) => {
            let heading_id = format!("{}-heading", section.id);
            let heading_key = SpeechKey::Heading {
                section: section.id.clone(),
            }
            .attribute();
            let blocks = (0..section.blocks.len()).map(deferred).collect_view();
            view! {
                <section class="report-section laid-out" id=section.id.clone() aria-labelledby=heading_id.clone()>
                    <div class="section-head">
                        <h2 id=heading_id.clone() data-speak=heading_key tabindex="-1">{section.title.get(language).to_owned()}</h2>
                        <ReadSectionButton section=section.id.clone() language=language />
                    </div>
                    {blocks}
                </section>
            }
            .into_any()
        }
    }
}

#[component]
pub fn SingleVisual(
    snapshot: Arc<Snapshot>,
    visual: Visual,
    language: Language,
    /// The period shown, or the snapshot's main period.
    #[prop(default = None)]
    period: Option<String>,
) -> impl IntoView {
    let view = use_view_state();
    let interactive = crate::ui::app::use_interactive();
    let pending = crate::ui::deferred::use_pending_blocks();
    let complete = move || (interactive.get() && pending.get() == 0).to_string();
    let full_link = {
        let snapshot = Arc::clone(&snapshot);
        let visual = visual.clone();
        move || {
            let (full, anchor) = full_report_view(&snapshot, &view.state.get(), &visual);
            let link = link_to(&full);
            anchor.map_or_else(|| link.clone(), |anchor| format!("{link}#{anchor}"))
        }
    };
    let full_report = view! {
        <a class="open-full" href=full_link target="_blank" rel="noopener">{text(language, w::FULL_REPORT)}</a>
    };
    let meta = &snapshot.meta;
    let header = view! {
        <header class="visual-header">
            {meta.synthetic.then(|| view! {
                <p class="synthetic-banner" role="note">{text(language, w::SYNTHETIC_DATA_NOT_REAL_FIGURES)}</p>
            })}
            // The page's heading: the report the visual belongs to (styled as a line).
            <h1 class="visual-context">
                <strong class="township-name" lang="zh-CN">{meta.township.name.zh.clone()}</strong>
                " · "{meta.title.get(language).to_owned()}
            </h1>
        </header>
    };
    let Some(place) = visual_place(&snapshot, &visual) else {
        return view! {
            <article class="single-visual" data-visual=visual.param() data-complete=complete>
                {header}
                <p class="inline-error" role="alert">{format!("{}{}", text(language, w::THIS_REPORT_HAS_NO_VISUAL), visual.param())}</p>
                {full_report}
            </article>
        }
        .into_any();
    };
    let content = visual_content(
        &snapshot,
        &visual,
        place.section,
        place.block,
        language,
        &period,
    );
    // A chart and the map carry their own keys; a figure or a section gets one here.
    let key = matches!(visual, Visual::Figure(_) | Visual::Section(_))
        .then(|| {
            let figures: Vec<_> = indicators_of_visual(&snapshot, &visual)
                .into_iter()
                .filter_map(|id| snapshot.indicator(id))
                .filter_map(|indicator| {
                    let (_, quantity) = quantity_for_period(indicator, period.as_deref())?;
                    Some((quantity, indicator.quote.as_str()))
                })
                .collect();
            qualifier_key_from_figures(figures)
        })
        .filter(|key| !key.is_plain())
        .map(|key| view! { <QualifierKeyList key=key language=language drawn=KeyFor::Numbers /> });
    let sources = sources_of_visual(&snapshot, &visual)
        .into_iter()
        .filter_map(|id| snapshot.source(id))
        .map(|source| view! { <p class="about-data">{w::source_line(language, source, true)}</p> })
        .collect_view();
    let as_of = w::as_of_line(language, &meta.as_of, &meta.period);
    let as_of_note = meta
        .as_of_note
        .as_ref()
        .map(|note| w::bracketed(language, note.get(language)));
    view! {
        <article class="single-visual" data-visual=visual.param() data-complete=complete>
            {header}
            {content}
            <footer class="visual-footer">
                {key}
                {sources}
                <p class="as-of">{as_of}{as_of_note}</p>
                {full_report}
                <div class="embed-controls" inert=move || !interactive.get()><ReadAloudSwitch language=language /></div>
            </footer>
        </article>
    }
    .into_any()
}
