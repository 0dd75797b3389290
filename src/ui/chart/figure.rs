//! One chart: a `<figure>` with a HiDPI canvas drawn by plotters, an HTML tooltip, a legend
//! that toggles series, a "show as table" view, downloads, and keyboard navigation with live
//! announcements. Plotters has no interactivity: hit-testing goes through the `ChartHits` the
//! core returns from drawing (plotters' own coordinate mapping).

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use crate::core::chart::draw::{chart_height_css, draw_chart, ChartHits, DrawOptions};
use crate::core::chart::model::ChartModel;
use crate::core::format::qualifier_phrase;
use crate::core::snapshot::Qualifier;
use crate::core::theme::Theme;
use crate::core::Language;
use crate::ui::canvas::frame::{follow_nearness, follow_width, redraw_on_change, size_canvas};
use crate::ui::canvas::static_drawing::chart_svgs;
use crate::ui::chart::download::{download_csv, download_png, download_svg};
use crate::ui::preferences::{drawing_scale, tr, use_preferences};
use crate::ui::url_sync::use_view_state;

/// A tooltip's datum and where it points, in CSS px within the figure's canvas box.
#[derive(Clone, Copy, PartialEq)]
struct Tooltip {
    datum: usize,
    x: f64,
    y: f64,
}

#[component]
pub fn ChartFigure(model: ChartModel, #[prop(into)] file_prefix: String) -> impl IntoView {
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let preferences = use_preferences();
    let model = Arc::new(model);
    let language = model.language;
    let figure_id = format!("chart-{}", model.id);
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let box_ref = NodeRef::<leptos::html::Div>::new();

    let view_state = use_view_state();
    let hidden = RwSignal::new(Vec::<String>::new());
    // Chart or table is part of the view state (and so of the URL).
    let chart_id = model.id.clone();
    let show_table = Memo::new(move |_| {
        view_state
            .state
            .with(|state| state.tables.contains(&chart_id))
    });
    let chart_id = model.id.clone();
    let toggle_table = move || {
        view_state.state.update(|state| {
            if let Some(position) = state.tables.iter().position(|id| *id == chart_id) {
                state.tables.remove(position);
            } else {
                state.tables.push(chart_id.clone());
                state.tables.sort_unstable();
            }
        })
    };
    let focus = RwSignal::new(None::<usize>);
    let tooltip = RwSignal::new(None::<Tooltip>);
    let width = RwSignal::new(0.0_f64);
    let near = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let download_error = RwSignal::new(None::<String>);
    let hits = StoredValue::new(None::<ChartHits>);
    // The pre-rendered page shows the chart as SVG until the canvas is first drawn; a chart
    // rendered in the browser afresh has no SVG and shows its canvas from the start.
    let static_svg = chart_svgs(&model);
    let live = RwSignal::new(crate::ui::app::use_rendering() == crate::ui::app::Rendering::Client);

    // Draw now (called at most once per animation frame).
    let draw = {
        let model = Arc::clone(&model);
        move || {
            let Some(canvas) = canvas_ref.get_untracked() else {
                return;
            };
            let css_width = width.get_untracked();
            if css_width < 1.0 {
                // Hidden (e.g. in a closed tab or the table view): drawn when it gets a size.
                return;
            }
            let hidden_ids = hidden.get_untracked();
            let visible = model
                .data
                .iter()
                .filter(|datum| !hidden_ids.contains(&datum.indicator_id))
                .count();
            let css_height = chart_height_css(model.kind, visible);
            let scale = drawing_scale(preferences.printing.get_untracked());
            let canvas_element: &web_sys::HtmlCanvasElement = &canvas;
            size_canvas(canvas_element, css_width, css_height, scale);
            // Sized (so the page does not move later) but drawn only near the viewport.
            if !near.get_untracked() && !preferences.printing.get_untracked() {
                return;
            }
            let theme = Theme::for_view(
                preferences.color_scheme.get_untracked(),
                preferences.large.get_untracked(),
            );
            let options = DrawOptions {
                theme: &theme,
                scale,
                hidden: &hidden_ids,
                focus: focus.get_untracked(),
                large: preferences.large.get_untracked(),
                measure: &crate::ui::canvas::text::canvas_text_width,
            };
            let Some(backend) = CanvasBackend::with_canvas_object(canvas_element.clone()) else {
                return;
            };
            match draw_chart(&backend.into_drawing_area(), &model, &options) {
                Ok(drawn) => {
                    hits.set_value(Some(drawn));
                    // In the same frame as the drawing: the canvas takes the SVG's place.
                    if !live.get_untracked() {
                        live.set(true);
                    }
                }
                Err(error) => {
                    hits.set_value(None);
                    web_sys::console::error_1(&format!("chart {}: {error}", model.id).into());
                }
            }
        }
    };
    let draw = StoredValue::new_local(draw);

    // Redraw when anything drawn changes, coalesced to one redraw per animation frame.
    redraw_on_change(
        move || {
            width.track();
            hidden.track();
            focus.track();
            preferences.color_scheme.track();
            preferences.large.track();
            preferences.printing.track();
            near.track();
            show_table.track();
        },
        draw,
        move || preferences.printing.get_untracked(),
    );

    // Follow the box's width (resize, rotation, a hidden tab being shown).
    follow_width(box_ref, width);
    follow_nearness(box_ref, near);

    // Tapping or clicking anywhere outside the chart closes its tooltip.
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let inside = box_ref.get_untracked().is_some_and(|element| {
            event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|node| element.contains(Some(&node)))
        });
        if !inside {
            tooltip.set(None);
        }
    });
    on_cleanup(move || outside.remove());

    let show_datum = {
        let model = Arc::clone(&model);
        move |datum: Option<usize>| match datum {
            Some(index) => {
                let scale = drawing_scale(preferences.printing.get_untracked());
                if let Some(anchor) =
                    hits.with_value(|hits| hits.as_ref().and_then(|h| h.anchor_of(index)))
                {
                    tooltip.set(Some(Tooltip {
                        datum: index,
                        x: f64::from(anchor.0) / scale,
                        y: f64::from(anchor.1) / scale,
                    }));
                }
                announcement.set(model.data[index].description(language));
            }
            None => tooltip.set(None),
        }
    };
    let show_datum = StoredValue::new_local(show_datum);

    let datum_at_event = move |event: &web_sys::PointerEvent| {
        let scale = drawing_scale(preferences.printing.get_untracked());
        let pixel = (
            (f64::from(event.offset_x()) * scale).round() as i32,
            (f64::from(event.offset_y()) * scale).round() as i32,
        );
        hits.with_value(|hits| hits.as_ref().and_then(|hits| hits.datum_at(pixel)))
    };
    let on_pointer_down = move |event: web_sys::PointerEvent| {
        let datum = datum_at_event(&event);
        show_datum.with_value(|show| show(datum));
    };
    // A mouse hovers; a finger or pen shows the tooltip while pressed and it follows along.
    let on_pointer_move = move |event: web_sys::PointerEvent| {
        if event.pointer_type() == "mouse" || event.buttons() != 0 {
            let datum = datum_at_event(&event);
            if datum != tooltip.get_untracked().map(|t| t.datum) {
                show_datum.with_value(|show| show(datum));
            }
        }
    };
    let on_pointer_leave = move |event: web_sys::PointerEvent| {
        if event.pointer_type() == "mouse" && focus.get_untracked().is_none() {
            tooltip.set(None);
        }
    };
    let on_key_down = move |event: web_sys::KeyboardEvent| {
        let order =
            hits.with_value(|hits| hits.as_ref().map(ChartHits::drawn_data).unwrap_or_default());
        if order.is_empty() {
            return;
        }
        let position = focus
            .get_untracked()
            .and_then(|current| order.iter().position(|&d| d == current));
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => {
                Some(position.map_or(0, |p| (p + 1).min(order.len() - 1)))
            }
            "ArrowLeft" | "ArrowUp" => Some(position.map_or(0, |p| p.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(order.len() - 1),
            "Escape" => {
                focus.set(None);
                tooltip.set(None);
                return;
            }
            _ => None,
        };
        if let Some(next) = next {
            event.prevent_default();
            let datum = order[next];
            focus.set(Some(datum));
            // The tooltip follows once the focus ring is drawn (anchors do not move).
            show_datum.with_value(|show| show(Some(datum)));
        }
    };
    let on_blur = move |_| {
        focus.set(None);
        tooltip.set(None);
    };

    let download = {
        let model = Arc::clone(&model);
        let file_prefix = file_prefix.clone();
        move |format: &'static str| {
            let theme = Theme::for_view(
                preferences.color_scheme.get_untracked(),
                preferences.large.get_untracked(),
            );
            let hidden_ids = hidden.get_untracked();
            let css_width = width.get_untracked().max(320.0);
            let options = DrawOptions {
                theme: &theme,
                scale: drawing_scale(false).max(2.0),
                hidden: &hidden_ids,
                focus: None,
                large: false,
                measure: &crate::ui::canvas::text::canvas_text_width,
            };
            let name = format!("{file_prefix}-{}.{format}", model.id);
            let result = match format {
                "png" => download_png(&model, &options, css_width, &name),
                "svg" => download_svg(
                    &model,
                    &DrawOptions {
                        scale: 1.0,
                        ..options.clone()
                    },
                    css_width.round() as u32,
                ),
                _ => download_csv(&model, &name),
            };
            download_error.set(result.err());
        }
    };
    let download = StoredValue::new_local(download);

    let title = model.title.clone();
    let summary = model.summary();
    let caption_id = format!("{figure_id}-caption");
    let summary_id = format!("{figure_id}-summary");
    let legend = model
        .data
        .iter()
        .enumerate()
        .map(|(index, datum)| {
            let id = datum.indicator_id.clone();
            let id_for_click = id.clone();
            let pressed = move || (!hidden.get().contains(&id)).to_string();
            let label = datum.label.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="legend-toggle"
                        aria-pressed=pressed
                        data-indicator=datum.indicator_id.clone()
                        on:click=move |_| {
                            tooltip.set(None);
                            hidden.update(|ids| {
                                if let Some(position) = ids.iter().position(|i| *i == id_for_click) {
                                    ids.remove(position);
                                } else {
                                    ids.push(id_for_click.clone());
                                }
                            });
                        }
                    >
                        <span class=format!("swatch series-{}", index % 6) aria-hidden="true"></span>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    let qualifier_keys = model
        .qualifiers_present()
        .into_iter()
        .filter(|qualifier| *qualifier != Qualifier::Exact || model.qualifiers_present().len() > 1)
        .map(|qualifier| {
            // The sources' own words, as this chart's figures use them.
            let markers = model.qualifier_markers(qualifier);
            let quoted = (!markers.is_empty()).then(|| match language {
                Language::Zh => format!("（原文{}）", markers.iter().map(|m| format!("“{m}”")).collect::<String>()),
                Language::En => format!(
                    " (the report says {})",
                    markers.iter().map(|m| format!("“{m}”")).collect::<Vec<_>>().join(" / ")
                ),
            });
            let (class, text) = match qualifier {
                Qualifier::Exact => ("key-exact", tr(language, "实心条：确数", "Solid bar: exact figure")),
                Qualifier::AtLeast => ("key-at-least", tr(language, "斜纹开口延伸：至少", "Open hatched extension: at least")),
                Qualifier::About => ("key-about", tr(language, "斜纹虚线末端：约数", "Hatched dashed end: approximate")),
                Qualifier::AtMost => ("key-at-most", tr(language, "斜纹末端封口：至多", "Hatched closed end: at most")),
            };
            view! { <li><span class=format!("key-swatch {class}") aria-hidden="true"></span>{text}{quoted}</li> }
        })
        .collect_view();
    let unstated_key = model.has_unstated().then(|| {
        view! {
            <li><span class="key-swatch key-unstated" aria-hidden="true"></span>
                {tr(language, "虚线空框：原文未给出数字（N）", "Dashed empty boxes: no number stated (N)")}
            </li>
        }
    });

    let table_rows = model
        .data
        .iter()
        .map(|datum| {
            view! {
                <tr data-indicator=datum.indicator_id.clone()>
                    <th scope="row">{datum.label.clone()}</th>
                    <td class="num">{datum.value_mark(language)}</td>
                    <td>{datum.unit.clone()}</td>
                    <td>{qualifier_phrase(datum.quantity.qualifier, language)}</td>
                    <td class="quote">{format!("“{}”", datum.quote)}</td>
                </tr>
            }
        })
        .collect_view();

    let tooltip_view = {
        let model = Arc::clone(&model);
        move || {
            tooltip.get().map(|tip| {
                let datum = &model.data[tip.datum];
                let box_width = width.get_untracked();
                let left = tip.x.clamp(
                    80.0_f64.min(box_width / 2.0),
                    (box_width - 80.0).max(box_width / 2.0),
                );
                let qualifier = (datum.quantity.qualifier != Qualifier::Exact
                    || datum.quantity.value.is_none())
                .then(|| {
                    let text = if datum.quantity.value.is_none() {
                        tr(language, "原文未给出数字", "not stated in the report")
                    } else {
                        qualifier_phrase(datum.quantity.qualifier, language)
                    };
                    view! { <span class="tooltip-qualifier">{text}</span> }
                });
                view! {
                    <div
                        class="chart-tooltip"
                        data-datum=datum.indicator_id.clone()
                        style:left=format!("{left}px")
                        style:top=format!("{}px", tip.y)
                    >
                        <strong class="tooltip-label">{datum.label.clone()}</strong>
                        <span class="tooltip-value">{datum.value_with_unit(language)}</span>
                        {qualifier}
                        <span class="tooltip-quote">{format!("“{}”", datum.quote)}</span>
                    </div>
                }
            })
        }
    };

    view! {
        <figure class="chart" id=figure_id.clone() aria-labelledby=caption_id.clone()>
            <figcaption id=caption_id.clone() class="chart-title">{title.clone()}</figcaption>
            <div class="chart-box" node_ref=box_ref class:hidden=move || show_table.get() class:live=move || live.get()>
                <div class="static-drawings" inner_html=static_svg></div>
                <canvas
                    node_ref=canvas_ref
                    class="chart-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=title.clone()
                    aria-describedby=summary_id.clone()
                    aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End Escape"
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerleave=on_pointer_leave
                    on:keydown=on_key_down
                    on:blur=on_blur
                ></canvas>
                {tooltip_view}
            </div>
            <p id=summary_id class="sr-only">{summary}</p>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            <div class="chart-table-wrap" class:hidden=move || !show_table.get() tabindex="0">
                <table class="data-table">
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(language, "指标", "Indicator")}</th>
                            <th scope="col">{tr(language, "数值", "Value")}</th>
                            <th scope="col">{tr(language, "单位", "Unit")}</th>
                            <th scope="col">{tr(language, "限定", "Qualifier")}</th>
                            <th scope="col">{tr(language, "原文", "Source phrase")}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            <ul class="chart-legend" inert=move || !interactive.get() aria-label=tr(language, "图例（点击显示或隐藏）", "Legend (click to show or hide)")>
                {legend}
            </ul>
            <ul class="chart-key">{qualifier_keys}{unstated_key}</ul>
            <div class="chart-actions" inert=move || !interactive.get()>
                <button
                    type="button"
                    class="button button-secondary table-toggle"
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| {
                        tooltip.set(None);
                        toggle_table();
                    }
                >
                    {move || if show_table.get() { tr(language, "显示图表", "Show chart") } else { tr(language, "以表格显示", "Show as table") }}
                </button>
                <button type="button" class="button button-secondary" data-download="png" on:click=move |_| download.with_value(|d| d("png"))>"PNG"</button>
                <button type="button" class="button button-secondary" data-download="svg" on:click=move |_| download.with_value(|d| d("svg"))>"SVG"</button>
                <button type="button" class="button button-secondary" data-download="csv" on:click=move |_| download.with_value(|d| d("csv"))>"CSV"</button>
            </div>
            {move || download_error.get().map(|error| view! { <p class="inline-error" role="alert">{error}</p> })}
        </figure>
    }
}
