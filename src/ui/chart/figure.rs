//! One chart: a `<figure>` with a HiDPI canvas drawn by plotters, an HTML tooltip, a legend
//! that toggles series, a "show as table" view, downloads, and keyboard navigation with live
//! announcements (`core::chart::keyboard`). Plotters has no interactivity: hit-testing goes
//! through the `ChartHits` the core returns from drawing (plotters' own coordinate mapping).
//! The pieces share a [`ChartState`]; the ones around the canvas are in `parts`.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::chart::keyboard::{focus_after_key, FocusMove};
use crate::core::chart::model::ChartModel;
use crate::core::speech::datum_phrase;
use crate::ui::canvas::static_drawing::chart_svgs;
use crate::ui::chart::parts::{ChartActions, ChartKey, ChartLegend, ChartTable, ChartTooltip};
use crate::ui::chart::state::ChartState;
use crate::ui::preferences::use_preferences;
use crate::ui::speech::read_aloud::{use_read_aloud, Trigger};
use crate::ui::url_sync::use_view_state;

/// The keys the chart answers (for `aria-keyshortcuts`).
const KEYS: &str = "ArrowLeft ArrowRight ArrowUp ArrowDown Home End Escape";

#[component]
pub fn ChartFigure(model: ChartModel, #[prop(into)] file_prefix: String) -> impl IntoView {
    let model = Arc::new(model);
    // The pre-rendered page shows the chart as SVG until the canvas is first drawn; a chart
    // rendered in the browser afresh has no SVG and shows its canvas from the start.
    let static_svg = chart_svgs(&model);
    let fresh = crate::ui::app::use_rendering() == crate::ui::app::Rendering::Client;
    let chart = ChartState::new(
        Arc::clone(&model),
        use_preferences(),
        use_view_state(),
        fresh,
    );
    let box_ref = NodeRef::<leptos::html::Div>::new();
    // Redraw when anything drawn changes, coalesced to one redraw per animation frame.
    chart.canvas.drive(
        box_ref,
        move || {
            chart.hidden.track();
            chart.focus.track();
            chart.show_table.track();
        },
        StoredValue::new_local(move || chart.draw()),
    );
    // Tapping or clicking anywhere outside the chart closes its tooltip.
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let inside = box_ref.get_untracked().is_some_and(|element| {
            event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|node| element.contains(Some(&node)))
        });
        if !inside {
            chart.tooltip.set(None);
        }
    });
    on_cleanup(move || outside.remove());

    let at =
        |event: &web_sys::PointerEvent| (f64::from(event.offset_x()), f64::from(event.offset_y()));
    // Read aloud (when on): a tapped or focused figure is said; tapped again, its source.
    let read_aloud = use_read_aloud();
    let say_datum = move |datum: usize, trigger: Trigger| {
        let Some(read_aloud) = read_aloud else {
            return;
        };
        let (id, phrase, quote) = chart.model.with_value(|model| {
            let data = &model.data[datum];
            (
                format!("datum:{}:{datum}", model.id),
                datum_phrase(data, model.language),
                data.quote.clone(),
            )
        });
        read_aloud.say(id, phrase, Some(quote), trigger);
    };
    let on_pointer_down = move |event: web_sys::PointerEvent| {
        let datum = chart.datum_at(at(&event));
        chart.show_datum(datum);
        if let Some(datum) = datum {
            say_datum(datum, Trigger::Tap);
        }
    };
    // A mouse hovers; a finger or pen shows the tooltip while pressed and it follows along.
    let on_pointer_move = move |event: web_sys::PointerEvent| {
        if event.pointer_type() == "mouse" || event.buttons() != 0 {
            let datum = chart.datum_at(at(&event));
            if datum != chart.tooltip.get_untracked().map(|tip| tip.datum) {
                chart.show_datum(datum);
            }
        }
    };
    let on_pointer_leave = move |event: web_sys::PointerEvent| {
        if event.pointer_type() == "mouse" && chart.focus.get_untracked().is_none() {
            chart.tooltip.set(None);
        }
    };
    let on_key_down = move |event: web_sys::KeyboardEvent| {
        match focus_after_key(
            &chart.drawn_order(),
            chart.focus.get_untracked(),
            &event.key(),
        ) {
            FocusMove::To(datum) => {
                event.prevent_default();
                chart.focus.set(Some(datum));
                // The tooltip follows once the focus ring is drawn (anchors do not move).
                chart.show_datum(Some(datum));
                say_datum(datum, Trigger::Focus);
            }
            FocusMove::Clear => {
                chart.focus.set(None);
                chart.tooltip.set(None);
            }
            FocusMove::Ignore => {}
        }
    };
    let on_blur = move |_| {
        chart.focus.set(None);
        chart.tooltip.set(None);
    };

    let figure_id = format!("chart-{}", model.id);
    let caption_id = format!("{figure_id}-caption");
    let summary_id = format!("{figure_id}-summary");
    view! {
        <figure class="chart" id=figure_id aria-labelledby=caption_id.clone()>
            <figcaption id=caption_id.clone() class="chart-title">{model.title.clone()}</figcaption>
            <div class="chart-box" node_ref=box_ref class:hidden=move || chart.show_table.get() class:live=move || chart.live.get()>
                <div class="static-drawings" inner_html=static_svg></div>
                <canvas
                    node_ref=chart.canvas_ref
                    class="chart-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=model.title.clone()
                    aria-describedby=summary_id.clone()
                    aria-keyshortcuts=KEYS
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerleave=on_pointer_leave
                    on:keydown=on_key_down
                    on:blur=on_blur
                ></canvas>
                <ChartTooltip chart=chart />
            </div>
            <p id=summary_id class="sr-only">{model.summary()}</p>
            <p class="sr-only" aria-live="polite">{move || chart.announcement.get()}</p>
            <ChartTable chart=chart />
            <ChartLegend chart=chart />
            <ChartKey chart=chart />
            <ChartActions chart=chart file_prefix=file_prefix />
        </figure>
    }
}
