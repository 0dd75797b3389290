//! The report: one section per snapshot section, each block rendered by its component.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::chart_model::chart_model_from_block;
use crate::core::snapshot::{Block, Snapshot};
use crate::core::Language;
use crate::ui::chart_figure::ChartFigure;
use crate::ui::figure_card::FigureCard;
use crate::ui::indicator_table::IndicatorTable;
use crate::ui::village_map::VillageMap;

fn block_view(
    snapshot: &Arc<Snapshot>,
    block: &Block,
    language: Language,
    period: &Option<String>,
) -> AnyView {
    match block {
        Block::Prose { text } => view! { <p class="prose">{text.get(language).to_owned()}</p> }.into_any(),
        Block::Figures { indicators } => {
            let cards = indicators
                .iter()
                .filter_map(|id| snapshot.indicators.iter().find(|indicator| &indicator.id == id))
                .map(|indicator| {
                    let source = snapshot.sources.iter().find(|source| source.id == indicator.source).cloned();
                    view! { <FigureCard indicator=indicator.clone() source=source language=language period=period.clone() /> }
                })
                .collect_view();
            view! { <div class="figure-grid">{cards}</div> }.into_any()
        }
        Block::Chart { .. } => match chart_model_from_block(snapshot, block, language, period.as_deref()) {
            Some(model) => {
                let prefix = snapshot.meta.township.code.clone();
                view! { <ChartFigure model=model file_prefix=prefix /> }.into_any()
            }
            None => ().into_any(),
        },
        Block::Table { indicators } => {
            view! { <IndicatorTable snapshot=Arc::clone(snapshot) ids=indicators.clone() language=language /> }.into_any()
        }
        Block::Map { title } => {
            let title = title.as_ref().map(|title| title.get(language).to_owned());
            view! { <VillageMap snapshot=Arc::clone(snapshot) title=title language=language /> }.into_any()
        }
    }
}

#[component]
pub fn ReportView(
    snapshot: Arc<Snapshot>,
    language: Language,
    /// The period shown (the timeline), or the snapshot's main period.
    #[prop(default = None)]
    period: Option<String>,
) -> impl IntoView {
    // Sections below the fold are added one per animation frame, so the first paint is not
    // held up by the whole report (shorter main-thread tasks on slow phones). A section asked
    // for in the URL, and everything before it, comes at once.
    let view_state = crate::ui::url_sync::use_view_state();
    let requested = view_state.state.with_untracked(|state| {
        state.section.as_ref().and_then(|id| {
            snapshot
                .sections
                .iter()
                .position(|section| &section.id == id)
        })
    });
    let total = snapshot.sections.len();
    let shown = RwSignal::new(requested.map_or(2, |index| index + 1).min(total));
    fn reveal_next(shown: RwSignal<usize>, total: usize) {
        if shown.get_untracked() < total {
            request_animation_frame(move || {
                if shown.try_update(|count| *count += 1).is_some() {
                    reveal_next(shown, total);
                }
            });
        }
    }
    reveal_next(shown, total);
    let sections = snapshot
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let heading_id = format!("{}-heading", section.id);
            let labelled_by = heading_id.clone();
            let title = section.title.get(language).to_owned();
            let id = section.id.clone();
            // Built only when the section is revealed.
            let snapshot = Arc::clone(&snapshot);
            let period = period.clone();
            let blocks = move || {
                snapshot.sections[index]
                    .blocks
                    .iter()
                    .map(|block| block_view(&snapshot, block, language, &period))
                    .collect_view()
            };
            view! {
                <section class="report-section" id=id aria-labelledby=labelled_by>
                    <h2 id=heading_id tabindex="-1">{title}</h2>
                    <Show when=move || index < shown.get()>
                        {blocks.clone()}
                    </Show>
                </section>
            }
        })
        .collect_view();
    view! { <div class="report" data-complete=move || (shown.get() >= total).to_string()>{sections}</div> }
}
