//! The report: one section per snapshot section, each block rendered by its component.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::chart::model::chart_model_from_block;
use crate::core::snapshot::{Block, Snapshot};
use crate::core::speech::SpeechKey;
use crate::core::Language;
use crate::ui::chart::figure::ChartFigure;
use crate::ui::deferred::{Content, Deferred};
use crate::ui::map::village_map::VillageMap;
use crate::ui::preferences::use_preferences;
use crate::ui::report::figure_card::FigureCard;
use crate::ui::report::indicator_table::IndicatorTable;
use crate::ui::speech::controls::ReadSectionButton;

pub(crate) fn block_view(
    snapshot: &Arc<Snapshot>,
    section_id: &str,
    block_index: usize,
    block: &Block,
    language: Language,
    period: &Option<String>,
) -> AnyView {
    match block {
        Block::Prose { text } => {
            let key = SpeechKey::Prose {
                section: section_id.to_owned(),
                block: block_index,
            }
            .attribute();
            // Reachable by the keyboard while read aloud is on.
            let read_aloud = use_preferences().read_aloud;
            view! { <p class="prose" data-speak=key tabindex=move || read_aloud.get().then_some("0")>{text.get(language).to_owned()}</p> }.into_any()
        }
        Block::Figures { indicators } => {
            let cards = indicators
                .iter()
                .filter_map(|id| snapshot.indicator(id))
                .map(|indicator| {
                    let source = snapshot.source(&indicator.source).cloned();
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

/// A block's place in its section (`data-block`, by which read aloud finds it; none for a
/// figure card shown alone) holding its content, taken over in a task of its own
/// ([`Deferred`]).
pub(crate) fn deferred_block(index: Option<usize>, content: Content) -> impl IntoView {
    view! { <div class="block" data-block=index><Deferred content=content /></div> }
}

#[component]
pub fn ReportView(
    snapshot: Arc<Snapshot>,
    language: Language,
    /// The period shown (the timeline), or the snapshot's main period.
    #[prop(default = None)]
    period: Option<String>,
) -> impl IntoView {
    // Rendered in the browser afresh (not over the pre-rendered page), blocks below the
    // first section are added one per frame, each in a task of its own (a
    // zero-delay timer after the frame, so that building a block, laying it out and drawing
    // its canvases are separate tasks): the main thread is never held long on slow phones.
    // A section asked for in the URL, and everything before it, comes at once.
    let view_state = crate::ui::url_sync::use_view_state();
    let requested = view_state.state.with_untracked(|state| {
        state.section.as_ref().and_then(|id| {
            snapshot
                .sections
                .iter()
                .position(|section| &section.id == id)
        })
    });
    // The flat index of each section's first block.
    let first_block: Vec<usize> = snapshot
        .sections
        .iter()
        .scan(0, |next, section| {
            let first = *next;
            *next += section.blocks.len();
            Some(first)
        })
        .collect();
    let total = snapshot
        .sections
        .iter()
        .map(|section| section.blocks.len())
        .sum::<usize>();
    let initially = requested.unwrap_or(0) + 1;
    // Rendered at build time or taking that page over: every block is there from the start.
    let progressive = crate::ui::app::use_rendering() == crate::ui::app::Rendering::Client;
    let shown = RwSignal::new(if progressive {
        first_block.get(initially).copied().unwrap_or(total)
    } else {
        total
    });
    fn reveal_next(shown: RwSignal<usize>, total: usize) {
        if shown.get_untracked() < total {
            // One block per frame: after the frame (which drew the last block's canvases in
            // its animation-frame callbacks), a new task builds the next block.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if shown.try_update(|count| *count += 1).is_some() {
                            reveal_next(shown, total);
                        }
                    },
                    std::time::Duration::ZERO,
                );
            });
        }
    }
    reveal_next(shown, total);
    let settled = RwSignal::new(0_usize);
    // Printing (or saving as PDF) right after opening gets the whole report.
    let print_handle = window_event_listener(leptos::ev::beforeprint, move |_| {
        let _ = shown.try_set(total);
        let _ = settled.try_set(usize::MAX);
    });
    on_cleanup(move || print_handle.remove());
    let sections = snapshot
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let heading_id = format!("{}-heading", section.id);
            let labelled_by = heading_id.clone();
            let title = section.title.get(language).to_owned();
            let id = section.id.clone();
            let heading_key = SpeechKey::Heading {
                section: section.id.clone(),
            }
            .attribute();
            let read_aloud = use_preferences().read_aloud;
            // A section is added with its first block, so that nothing below the revealed
            // part exists yet and adding blocks never moves what is already on screen.
            let first = first_block[index];
            let empty = section.blocks.is_empty();
            let snapshot = Arc::clone(&snapshot);
            let period = period.clone();
            let blocks = move || {
                (0..snapshot.sections[index].blocks.len())
                    .map(|block_index| {
                        let flat = first + block_index;
                        // Built only when the block is revealed.
                        let snapshot = Arc::clone(&snapshot);
                        let period = period.clone();
                        let block = move || {
                            block_view(
                                &snapshot,
                                &snapshot.sections[index].id,
                                block_index,
                                &snapshot.sections[index].blocks[block_index],
                                language,
                                &period,
                            )
                        };
                        // Hydrating the pre-rendered page, each block is taken over in a task
                        // of its own (`Deferred`).
                        let content: Content = Arc::new(block);
                        view! { <Show when=move || flat < shown.get()>{deferred_block(Some(block_index), content.clone())}</Show> }
                    })
                    .collect_view()
            };
            view! {
                <Show when=move || first < shown.get() || (empty && first <= shown.get())>
                    <section class="report-section" class:laid-out=move || index < settled.get() id=id.clone() aria-labelledby=labelled_by.clone()>
                        <div class="section-head">
                            <h2 id=heading_id.clone() data-speak=heading_key.clone() tabindex=move || if read_aloud.get() { "0" } else { "-1" }>{title.clone()}</h2>
                            <ReadSectionButton section=id.clone() language=language />
                        </div>
                        {blocks.clone()}
                    </section>
                </Show>
            }
        })
        .collect_view();
    // Complete: every block is on the page and taken over by the app (false in the
    // pre-rendered page until it is taken over), and every section laid out; for tests and tools.
    let interactive = crate::ui::app::use_interactive();
    let pending = crate::ui::deferred::use_pending_blocks();
    let section_count = snapshot.sections.len();
    let taken_over = move || shown.get() >= total && interactive.get() && pending.get() == 0;
    // Sections far from the screen start unrendered (`content-visibility: auto` in the
    // stylesheet), so the first layout of a long report is short. Once the app has taken the
    // page over, they are laid out one per task, so their real heights are known before the
    // reader scrolls to them (and printing draws every canvas at its width).
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !taken_over() {
            return started.unwrap_or(false);
        }
        fn settle_next(settled: RwSignal<usize>, count: usize) {
            if settled.get_untracked() < count {
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            if settled.try_update(|settled| *settled += 1).is_some() {
                                settle_next(settled, count);
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                });
            }
        }
        settle_next(settled, section_count);
        true
    });
    let complete = move || taken_over() && settled.get() >= section_count;
    view! { <div class="report" data-complete=move || complete().to_string()>{sections}</div> }
}
