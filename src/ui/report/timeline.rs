//! The timeline: step or play through the periods of a snapshot that has values for several
//! periods. Hidden when there is only one. The chosen period is in the URL (`period=`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::chart::model::snapshot_periods;
use crate::core::snapshot::Snapshot;
use crate::core::wording::{self as w, text};
use crate::core::Language;

use crate::ui::url_sync::use_view_state;

/// Seconds between periods while playing.
const PLAY_STEP_MS: i32 = 1500;

#[component]
pub fn Timeline(snapshot: Arc<Snapshot>, language: Language) -> impl IntoView {
    let periods = snapshot_periods(&snapshot);
    if periods.len() < 2 {
        return ().into_any();
    }
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let view = use_view_state();
    let main = if periods.contains(&snapshot.meta.period) {
        snapshot.meta.period.clone()
    } else {
        periods.last().cloned().unwrap_or_default()
    };
    let count = periods.len();
    let periods = StoredValue::new(periods);
    let index = Memo::new(move |_| {
        let chosen = view
            .state
            .with(|state| state.period.clone())
            .unwrap_or_else(|| main.clone());
        periods.with_value(|periods| {
            periods
                .iter()
                .position(|p| *p == chosen)
                .unwrap_or(count - 1)
        })
    });
    let go_to = move |target: usize| {
        let period = periods.with_value(|periods| periods[target.min(count - 1)].clone());
        view.state.update(|state| state.period = Some(period));
    };
    let playing = RwSignal::new(false);
    fn tick(
        playing: RwSignal<bool>,
        index: Memo<usize>,
        count: usize,
        go_to: impl Fn(usize) + Copy + 'static,
    ) {
        let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
            if !playing.try_get_untracked().unwrap_or(false) {
                return;
            }
            let next = index.get_untracked() + 1;
            if next >= count {
                playing.set(false);
                return;
            }
            go_to(next);
            tick(playing, index, count, go_to);
        });
        if let Some(window) = crate::ui::dom::window() {
            crate::ui::dom::warn_on_error(
                window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&callback),
                    PLAY_STEP_MS,
                ),
                "set timeout with callback and timeout and arguments 0",
            );
        }
    }
    let toggle_play = move |_| {
        if playing.get_untracked() {
            playing.set(false);
        } else {
            if index.get_untracked() + 1 >= count {
                go_to(0);
            }
            playing.set(true);
            tick(playing, index, count, go_to);
        }
    };
    let label = move || periods.with_value(|periods| periods[index.get()].clone());
    view! {
        <div class="timeline" inert=move || !interactive.get() role="group" aria-label=text(language, w::COLUMN_PERIOD)>
            <button type="button" class="button button-secondary" data-timeline="prev"
                aria-label=text(language, w::PREVIOUS_PERIOD)
                disabled=move || index.get() == 0
                on:click=move |_| go_to(index.get_untracked().saturating_sub(1))>"◀"</button>
            <span class="timeline-period" aria-live="polite">{label}</span>
            <button type="button" class="button button-secondary" data-timeline="next"
                aria-label=text(language, w::NEXT_PERIOD)
                disabled=move || index.get() + 1 >= count
                on:click=move |_| go_to(index.get_untracked() + 1)>"▶"</button>
            <button type="button" class="button button-secondary" data-timeline="play"
                aria-pressed=move || playing.get().to_string()
                on:click=toggle_play>
                {move || if playing.get() { text(language, w::PAUSE) } else { text(language, w::PLAY) }}
            </button>
            <input type="range" class="timeline-range" min="0" max=(count - 1).to_string()
                aria-label=text(language, w::CHOOSE_THE_PERIOD)
                prop:value=move || index.get().to_string()
                on:input=move |event| {
                    if let Ok(position) = event_target_value(&event).parse::<usize>() {
                        go_to(position);
                    }
                } />
        </div>
    }
    .into_any()
}
