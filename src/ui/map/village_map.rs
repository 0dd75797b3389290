//! The village map: a plotters-drawn canvas (schematic tiles or real geometry) with pan, zoom,
//! pinch, double-tap and keyboard control, colouring by designation, community or a per-place
//! indicator, a search box, a village card, and the village list (Tab reaches every village).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::core::geo::{Point, Projection, ViewTransform};
use crate::core::map::draw::{
    draw_map_features, map_from_screen, map_height_for_width, map_projection, MapDrawOptions,
    MapHeightLimits,
};
use crate::core::map::model::{
    map_colouring, map_model_from_snapshot, schematic_row_width, ColourBy, Colouring, Fill,
    MapMode, MapModel,
};
use crate::core::map::search::search_places;
use crate::core::snapshot::Snapshot;
use crate::core::theme::Theme;
use crate::core::Language;
use crate::ui::canvas::frame::{follow_nearness, follow_width, redraw_on_change, size_canvas};
use crate::ui::canvas::static_drawing::map_svgs;
use crate::ui::map::frames::{FrameKind, MapFrames};
use crate::ui::map::locator_inset::LocatorInset;
use crate::ui::map::village_card::VillageCard;
use crate::ui::map::village_list::VillageList;
use crate::ui::preferences::{drawing_scale, tr, use_preferences};
use crate::ui::url_sync::use_view_state;

/// Drawing time per frame for a full map drawing; a bigger map goes on in the next frames.
const FRAME_BUDGET_MS: f64 = 8.0;

/// Pointer gesture state: which pointers are down and where each started.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, Point>,
    start_view: ViewTransform,
    start_points: Vec<Point>,
    moved: bool,
    down_at: f64,
    last_tap: Option<(f64, Point)>,
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn midpoint(a: Point, b: Point) -> Point {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

fn now_ms() -> f64 {
    crate::ui::dom::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

#[component]
pub fn VillageMap(
    snapshot: Arc<Snapshot>,
    title: Option<String>,
    language: Language,
) -> impl IntoView {
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let preferences = use_preferences();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0_f64);
    let near = RwSignal::new(false);
    let view = RwSignal::new(ViewTransform::default());
    // Selection, colouring, zoom and centre are part of the view state (and so of the URL).
    let view_state = use_view_state();
    let selected = Memo::new(move |_| view_state.state.with(|state| state.village.clone()));
    let colour_by = Memo::new(move |_| view_state.state.with(|state| state.map_colour.clone()));
    let announcement = RwSignal::new(String::new());
    let gesture = StoredValue::new_local(Gesture::default());

    // The model depends on the layout width class only; cache one per class.
    let models = StoredValue::new_local(HashMap::<u64, Arc<MapModel>>::new());
    let model_for = {
        let snapshot = Arc::clone(&snapshot);
        move |box_width: f64| -> Arc<MapModel> {
            let row_width = schematic_row_width(box_width);
            let key = row_width.to_bits();
            if let Some(model) = models.with_value(|models| models.get(&key).cloned()) {
                return model;
            }
            let model = Arc::new(map_model_from_snapshot(&snapshot, language, row_width));
            models.update_value(|models| {
                models.insert(key, Arc::clone(&model));
            });
            model
        }
    };
    let model_for = StoredValue::new_local(model_for);
    let current_model = move || model_for.with_value(|f| f(width.get_untracked().max(1.0)));
    let initial_model = model_for.with_value(|f| f(360.0));
    let mode = initial_model.mode;
    let any_inferred = initial_model
        .features
        .iter()
        .any(|feature| feature.inferred);
    let unreadable = initial_model.unreadable.len();

    let canvas_height = move |model: &MapModel, box_width: f64| -> f64 {
        map_height_for_width(model, box_width, MapHeightLimits::for_mode(model.mode))
    };

    // The pre-rendered page shows the map as SVG until the canvas is first drawn in full.
    let live = RwSignal::new(crate::ui::app::use_rendering() == crate::ui::app::Rendering::Client);
    let frames = StoredValue::new_local(MapFrames::default());
    // What a full drawing needs besides the model (theme, colours, projection), kept for the
    // drawing's key: a big map is drawn over several frames and must not recompute them in each.
    let prepared = StoredValue::new_local(None::<(String, Arc<(Theme, Colouring, Projection)>)>);
    let settle = StoredValue::new(0_u64);
    // Filled in below: lets the settle timer ask for a full redraw.
    let redraw_now = StoredValue::new_local(Box::new(|| {}) as Box<dyn Fn()>);
    let draw = {
        let snapshot = Arc::clone(&snapshot);
        move || {
            let Some(canvas) = canvas_ref.get_untracked() else {
                return;
            };
            let box_width = width.get_untracked();
            if box_width < 1.0 {
                return;
            }
            let model = current_model();
            let css_height = canvas_height(&model, box_width);
            let scale = drawing_scale(preferences.printing.get_untracked());
            let element: &web_sys::HtmlCanvasElement = &canvas;
            size_canvas(element, box_width, css_height, scale);
            // Sized (so the page does not move later) but drawn only near the viewport.
            if !near.get_untracked() && !preferences.printing.get_untracked() {
                return;
            }
            let selected_feature = selected
                .get_untracked()
                .and_then(|id| model.feature_of(&id));
            let large = preferences.large.get_untracked();
            let current = view.get_untracked();
            // Everything the bitmap depends on except the pan.
            let key = format!(
                "{}x{}@{scale}/{:?}/{:?}/{:?}/{large}",
                element.width(),
                element.height(),
                colour_by.get_untracked(),
                selected_feature,
                preferences.color_scheme.get_untracked()
            );
            let now = || {
                crate::ui::dom::window()
                    .and_then(|window| window.performance())
                    .map_or(0.0, |performance| performance.now())
            };
            let features = model.features.len();
            // Colours, projection and options are only needed for a full drawing, not for the
            // frames that shift the bitmap while panning.
            let inputs = || -> Arc<(Theme, Colouring, Projection)> {
                if let Some(kept) = prepared.with_value(|kept| {
                    kept.as_ref()
                        .filter(|(kept_key, _)| *kept_key == key)
                        .map(|(_, inputs)| Arc::clone(inputs))
                }) {
                    return kept;
                }
                let theme = Theme::for_view(preferences.color_scheme.get_untracked(), large);
                let colouring = map_colouring(
                    &model,
                    &snapshot,
                    &colour_by.get_untracked(),
                    &theme,
                    language,
                );
                let projection = map_projection(&model, (box_width, css_height));
                let inputs = Arc::new((theme, colouring, projection));
                prepared.set_value(Some((key.clone(), Arc::clone(&inputs))));
                inputs
            };
            let mut slice_inputs = None;
            let result = frames.try_update_value(|frames| {
                frames.frame(
                    element,
                    key.clone(),
                    current,
                    scale,
                    features,
                    FRAME_BUDGET_MS,
                    &now,
                    |offscreen, range| {
                        let inputs = slice_inputs.get_or_insert_with(inputs);
                        let (theme, colouring, projection) = &**inputs;
                        let options = MapDrawOptions {
                            theme,
                            scale,
                            selected: selected_feature,
                            large,
                            measure: &crate::ui::canvas::text::canvas_text_width,
                        };
                        let backend = CanvasBackend::with_canvas_object(offscreen.clone())
                            .ok_or("no 2D canvas")?;
                        draw_map_features(
                            &backend.into_drawing_area(),
                            &model,
                            colouring,
                            projection,
                            &current,
                            &options,
                            range,
                        )
                        .map(|stats| stats.drawn)
                    },
                )
            });
            match result {
                Some(Ok(kind)) => {
                    // State for tests and tools: what is drawn and how the view stands.
                    if let FrameKind::Full(drawn) = kind {
                        let _ = element.set_attribute("data-drawn", &drawn.to_string());
                        if !live.get_untracked() {
                            live.set(true);
                        }
                    } else if kind == FrameKind::Partial {
                        // A big map is drawn over several frames: go on in the next one.
                        request_animation_frame(move || {
                            redraw_now.with_value(|redraw| redraw());
                        });
                    } else {
                        // Shifted a bitmap: redraw in full once panning pauses.
                        settle.update_value(|generation| *generation += 1);
                        let generation = settle.get_value();
                        let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
                            if settle.try_get_value() == Some(generation) {
                                frames.update_value(MapFrames::invalidate);
                                redraw_now.with_value(|redraw| redraw());
                            }
                        });
                        if let Some(window) = crate::ui::dom::window() {
                            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                                wasm_bindgen::JsCast::unchecked_ref(&callback),
                                150,
                            );
                        }
                    }
                    let _ = element.set_attribute("data-zoom", &format!("{:.3}", current.zoom));
                    let _ = element.set_attribute(
                        "data-pan",
                        &format!("{:.1},{:.1}", current.pan.0, current.pan.1),
                    );
                }
                Some(Err(error)) => web_sys::console::error_1(&format!("map: {error}").into()),
                None => {}
            }
        }
    };
    let draw = StoredValue::new_local(draw);
    redraw_now.set_value(Box::new(move || draw.with_value(|draw| draw())));
    redraw_on_change(
        move || {
            width.track();
            view.track();
            selected.track();
            colour_by.track();
            preferences.color_scheme.track();
            preferences.large.track();
            preferences.printing.track();
            near.track();
        },
        draw,
        move || preferences.printing.get_untracked(),
    );
    follow_width(box_ref, width);
    follow_nearness(box_ref, near);

    // Screen (CSS px within the canvas) → the feature there.
    let feature_at = move |point: Point| -> Option<String> {
        let model = current_model();
        let box_width = width.get_untracked();
        let projection = map_projection(&model, (box_width, canvas_height(&model, box_width)));
        let current = view.get_untracked();
        let at = map_from_screen(&projection, &current, point);
        let radius = 10.0 / (projection.pixels_per_unit() * current.zoom);
        model
            .feature_at(at, radius)
            .map(|index| model.features[index].id.clone())
    };
    let select = move |id: Option<String>| {
        if let Some(id) = &id {
            let model = current_model();
            if let Some(feature) = model.feature_of(id) {
                announcement.set(model.features[feature].name.clone());
            }
        }
        view_state.state.update(|state| state.village = id);
    };
    let zoom_by = move |factor: f64, anchor: Option<Point>| {
        let box_width = width.get_untracked();
        let model = current_model();
        let centre = anchor.unwrap_or((box_width / 2.0, canvas_height(&model, box_width) / 2.0));
        view.update(|v| *v = v.zoomed_at(factor, centre));
    };
    let pan_by = move |delta: Point| view.update(|v| *v = v.panned(delta));
    let reset = move || view.set(ViewTransform::default());
    // Focus a feature: select it and bring it to the middle of the map at a readable zoom.
    let focus_on = move |id: String| {
        let model = current_model();
        let Some(index) = model.feature_of(&id) else {
            return;
        };
        let box_width = width.get_untracked();
        let height = canvas_height(&model, box_width);
        let projection = map_projection(&model, (box_width, height));
        let base = projection.forward(model.features[index].label_at);
        let zoom = view.get_untracked().zoom.max(2.5);
        view.set(ViewTransform {
            zoom,
            pan: (
                box_width / 2.0 - base.0 * zoom,
                height / 2.0 - base.1 * zoom,
            ),
        });
        select(Some(id));
    };

    // View state (zoom, centre in map coordinates) → the pan/zoom transform: once the map has a
    // size, and whenever those two change (a pasted link, Back/Forward).
    let map_target = Memo::new(move |_| {
        view_state
            .state
            .with(|state| (state.map_zoom, state.map_centre))
    });
    Effect::new(move |_| {
        let (zoom, centre) = map_target.get();
        let box_width = width.get();
        if box_width < 1.0 {
            return;
        }
        let model = current_model();
        let height = canvas_height(&model, box_width);
        let projection = map_projection(&model, (box_width, height));
        let target = match centre {
            None if (zoom - 1.0).abs() < 1e-9 => ViewTransform::default(),
            None => ViewTransform::default().zoomed_at(zoom, (box_width / 2.0, height / 2.0)),
            Some(centre) => {
                let base = projection.forward(centre);
                ViewTransform {
                    zoom,
                    pan: (
                        box_width / 2.0 - base.0 * zoom,
                        height / 2.0 - base.1 * zoom,
                    ),
                }
            }
        };
        let current = view.get_untracked();
        let close = (current.zoom - target.zoom).abs() < 1e-6
            && (current.pan.0 - target.pan.0).abs() < 0.5
            && (current.pan.1 - target.pan.1).abs() < 0.5;
        if !close {
            view.set(target);
        }
    });
    // The pan/zoom transform → view state (the URL is then rewritten quietly, no history entry).
    Effect::new(move |_| {
        let current = view.get();
        let box_width = width.get_untracked();
        if box_width < 1.0 {
            return;
        }
        let model = current_model();
        let height = canvas_height(&model, box_width);
        let projection = map_projection(&model, (box_width, height));
        let (zoom, centre) = if current == ViewTransform::default() {
            (1.0, None)
        } else {
            (
                current.zoom,
                Some(map_from_screen(
                    &projection,
                    &current,
                    (box_width / 2.0, height / 2.0),
                )),
            )
        };
        let same = view_state.state.with_untracked(|state| {
            let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * (1.0 + a.abs());
            near(state.map_zoom, zoom)
                && match (state.map_centre, centre) {
                    (None, None) => true,
                    (Some(a), Some(b)) => near(a.0, b.0) && near(a.1, b.1),
                    _ => false,
                }
        });
        if !same {
            view_state.state.update(|state| {
                state.map_zoom = zoom;
                state.map_centre = centre;
            });
        }
    });

    let offset =
        |event: &web_sys::PointerEvent| (f64::from(event.offset_x()), f64::from(event.offset_y()));
    let on_pointer_down = move |event: web_sys::PointerEvent| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(event.pointer_id());
        }
        let point = offset(&event);
        gesture.update_value(|g| {
            g.pointers.insert(event.pointer_id(), point);
            g.start_view = view.get_untracked();
            g.start_points = g.pointers.values().copied().collect();
            if g.pointers.len() == 1 {
                g.moved = false;
                g.down_at = now_ms();
            } else {
                g.moved = true;
            }
        });
    };
    let on_pointer_move = move |event: web_sys::PointerEvent| {
        let point = offset(&event);
        let next = gesture.try_update_value(|g| {
            if !g.pointers.contains_key(&event.pointer_id()) {
                return None;
            }
            g.pointers.insert(event.pointer_id(), point);
            let points: Vec<Point> = g.pointers.values().copied().collect();
            match (points.len(), g.start_points.len()) {
                (1, 1) => {
                    let delta = (
                        points[0].0 - g.start_points[0].0,
                        points[0].1 - g.start_points[0].1,
                    );
                    if distance(points[0], g.start_points[0]) > 6.0 {
                        g.moved = true;
                    }
                    g.moved.then(|| g.start_view.panned(delta))
                }
                (2, 2) => {
                    let start_mid = midpoint(g.start_points[0], g.start_points[1]);
                    let mid = midpoint(points[0], points[1]);
                    let factor = distance(points[0], points[1])
                        / distance(g.start_points[0], g.start_points[1]).max(1.0);
                    Some(
                        g.start_view
                            .zoomed_at(factor, start_mid)
                            .panned((mid.0 - start_mid.0, mid.1 - start_mid.1)),
                    )
                }
                _ => None,
            }
        });
        if let Some(Some(next)) = next {
            view.set(next);
        }
    };
    let on_pointer_up = move |event: web_sys::PointerEvent| {
        let point = offset(&event);
        let tap = gesture.try_update_value(|g| {
            let was_single = g.pointers.len() == 1 && g.start_points.len() == 1;
            g.pointers.remove(&event.pointer_id());
            g.start_points = g.pointers.values().copied().collect();
            g.start_view = view.get_untracked();
            let is_tap = was_single && !g.moved && now_ms() - g.down_at < 600.0;
            if !is_tap {
                return None;
            }
            let double = g
                .last_tap
                .is_some_and(|(time, at)| now_ms() - time < 350.0 && distance(at, point) < 30.0);
            g.last_tap = if double {
                None
            } else {
                Some((now_ms(), point))
            };
            Some(double)
        });
        match tap.flatten() {
            Some(true) => zoom_by(2.0, Some(point)),
            Some(false) => select(feature_at(point)),
            None => {}
        }
    };
    let on_pointer_cancel = move |event: web_sys::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&event.pointer_id());
            g.start_points = g.pointers.values().copied().collect();
        });
    };
    let on_wheel = move |event: web_sys::WheelEvent| {
        event.prevent_default();
        let factor = (-event.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
        zoom_by(
            factor,
            Some((f64::from(event.offset_x()), f64::from(event.offset_y()))),
        );
    };
    let on_key_down = move |event: web_sys::KeyboardEvent| {
        let step = 48.0;
        let handled = match event.key().as_str() {
            "ArrowLeft" => {
                pan_by((step, 0.0));
                true
            }
            "ArrowRight" => {
                pan_by((-step, 0.0));
                true
            }
            "ArrowUp" => {
                pan_by((0.0, step));
                true
            }
            "ArrowDown" => {
                pan_by((0.0, -step));
                true
            }
            "+" | "=" => {
                zoom_by(1.5, None);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5, None);
                true
            }
            "0" => {
                reset();
                true
            }
            "Escape" => {
                select(None);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    };

    // Search: matches by Chinese name, English name or pinyin id.
    let query = RwSignal::new(String::new());
    let results = {
        let snapshot = Arc::clone(&snapshot);
        move || search_places(&snapshot, &query.get(), language, 8)
    };
    let results = Signal::derive(results);

    let legend = {
        let snapshot = Arc::clone(&snapshot);
        move || {
            let model = current_model();
            let theme = Theme::for_view(preferences.color_scheme.get(), preferences.large.get());
            let colouring = map_colouring(&model, &snapshot, &colour_by.get(), &theme, language);
            colouring
                .legend
                .into_iter()
                .map(|entry| {
                    // An SVG swatch: its fill is an attribute, which a strict CSP allows (an
                    // inline style would not be).
                    let (class, colour) = match entry.fill {
                        Fill::Solid(rgb) => ("map-swatch", rgb.hex()),
                        Fill::NoData => ("map-swatch no-data", String::from("none")),
                    };
                    view! {
                        <li>
                            <svg class=class viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill=colour></rect></svg>
                            {entry.label}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let indicator_options: Vec<(String, String)> = snapshot
        .indicators
        .iter()
        .filter(|indicator| !indicator.by_place.is_empty())
        .map(|indicator| {
            (
                indicator.id.clone(),
                indicator.label.get(language).to_owned(),
            )
        })
        .collect();
    let on_colour_change = move |event: web_sys::Event| {
        // The options are the app's own spellings; anything else leaves the colouring as it is.
        if let Ok(colour) = event_target_value(&event).parse::<ColourBy>() {
            view_state.state.update(|state| state.map_colour = colour);
        }
    };

    let caption = match (mode, language) {
        (MapMode::Schematic, Language::Zh) => format!(
            "示意图：村庄按所属社区分组排列，不按比例，不表示真实位置，也不显示任何边界。{}",
            if any_inferred { "虚线边框表示所属社区是根据名称推断的。" } else { "" }
        ),
        (MapMode::Schematic, Language::En) => format!(
            "Schematic: villages are grouped by community. Not to scale; it shows no real locations and no boundaries.{}",
            if any_inferred { " A dashed border means the village's community is inferred from names." } else { "" }
        ),
        (MapMode::Geographic, Language::Zh) => format!(
            "地图：边界来自快照中的几何数据，统一换算为 WGS84 坐标显示。{}",
            snapshot.meta.map_review_number.as_ref().map(|n| format!("审图号：{n}")).unwrap_or_else(|| "此快照未提供审图号。".into())
        ),
        (MapMode::Geographic, Language::En) => format!(
            "Map: boundaries from the snapshot's geometry, shown in WGS 84. {}",
            snapshot.meta.map_review_number.as_ref().map(|n| format!("Map review number: {n}")).unwrap_or_else(|| "This snapshot gives no map review number.".into())
        ),
    };
    let synthetic = snapshot.meta.synthetic;
    let mode_class = match mode {
        MapMode::Schematic => "village-map schematic",
        MapMode::Geographic => "village-map geographic",
    };
    let on_select = Callback::new(move |id: String| focus_on(id));
    let card_snapshot = Arc::clone(&snapshot);
    let list_snapshot = Arc::clone(&snapshot);

    let region_label = title
        .clone()
        .unwrap_or_else(|| tr(language, "村庄地图", "Village map").to_owned());
    let static_svgs = map_svgs(&snapshot, language, &region_label, "village-map-drawing");
    view! {
        <section class=mode_class aria-label=region_label>
            {title.map(|title| view! { <h3>{title}</h3> })}
            {synthetic.then(|| view! {
                <p class="synthetic-banner" role="note">{tr(language, "合成数据：地图上的村庄和边界都是生成的，并非真实。", "Synthetic data: the villages and boundaries on this map are generated, not real.")}</p>
            })}
            <p class="map-caption">{caption}</p>
            {(unreadable > 0).then(|| view! {
                <p class="inline-error" role="status">{match language {
                    Language::Zh => format!("有 {unreadable} 个地点的几何数据无法读取，未画出。"),
                    Language::En => format!("{unreadable} places have geometry that could not be read and are not drawn."),
                }}</p>
            })}
            <div class="map-toolbar" inert=move || !interactive.get()>
                <label class="map-colour">
                    <span>{tr(language, "着色：", "Colour by: ")}</span>
                    <select on:change=on_colour_change prop:value=move || view_state.state.with(|state| state.map_colour.to_string())>
                        <option value="designation">{tr(language, "美丽乡村建设", "Beautiful-village programme")}</option>
                        <option value="community">{tr(language, "所属社区", "Community")}</option>
                        {indicator_options.into_iter().map(|(id, label)| view! { <option value=format!("indicator:{id}")>{label}</option> }).collect_view()}
                    </select>
                </label>
                <div class="map-zoom" role="group" aria-label=tr(language, "缩放", "Zoom")>
                    <button type="button" class="button button-secondary" data-map="zoom-in" aria-label=tr(language, "放大", "Zoom in") on:click=move |_| zoom_by(1.5, None)>"+"</button>
                    <button type="button" class="button button-secondary" data-map="zoom-out" aria-label=tr(language, "缩小", "Zoom out") on:click=move |_| zoom_by(1.0 / 1.5, None)>"−"</button>
                    <button type="button" class="button button-secondary" data-map="reset" on:click=move |_| reset()>{tr(language, "复位", "Reset")}</button>
                </div>
            </div>
            <div class="map-search" inert=move || !interactive.get()>
                <label>
                    <span class="sr-only">{tr(language, "查找村庄", "Find a village")}</span>
                    <input
                        type="search"
                        class="map-search-input"
                        placeholder=tr(language, "查找村庄（汉字或拼音）", "Find a village (name or pinyin)")
                        prop:value=move || query.get()
                        on:input=move |event| query.set(event_target_value(&event))
                        on:keydown=move |event: web_sys::KeyboardEvent| {
                            if event.key() == "Enter" {
                                if let Some((id, _)) = results.get_untracked().into_iter().next() {
                                    focus_on(id);
                                }
                            }
                        }
                    />
                </label>
                <ul class="map-search-results" aria-live="polite">
                    {move || results.get().into_iter().map(|(id, name)| {
                        let id_for_click = id.clone();
                        view! { <li><button type="button" class="search-result" data-place=id on:click=move |_| focus_on(id_for_click.clone())>{name}</button></li> }
                    }).collect_view()}
                </ul>
            </div>
            <div class="map-box" node_ref=box_ref class:live=move || live.get()>
                <div class="static-drawings" inner_html=static_svgs></div>
                <canvas
                    node_ref=canvas_ref
                    class="map-canvas"
                    data-mode=match mode { MapMode::Schematic => "schematic", MapMode::Geographic => "geographic" }
                    tabindex="0"
                    role="img"
                    aria-label=tr(language, "村庄地图。方向键平移，加减号缩放，0 复位；用下方的村庄列表选择村庄。", "Village map. Arrow keys pan, plus and minus zoom, 0 resets; choose villages from the list below.")
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_cancel
                    on:wheel=on_wheel
                    on:keydown=on_key_down
                ></canvas>
            </div>
            {(mode == MapMode::Geographic).then(|| view! { <LocatorInset county=snapshot.meta.county.clone() city=snapshot.meta.city.clone() language=language /> })}
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            <ul class="map-legend">{legend}</ul>
            <ul class="map-key">
                <li><span class="marker-city" aria-hidden="true"></span>{tr(language, "实心圆点：市级美丽乡村建设", "Filled dot: city-level beautiful-village programme")}</li>
                <li><span class="marker-county" aria-hidden="true"></span>{tr(language, "空心圆圈：县级美丽乡村建设", "Ring: county-level beautiful-village programme")}</li>
            </ul>
            {move || selected.get().map(|id| view! { <VillageCard snapshot=Arc::clone(&card_snapshot) place_id=id language=language on_close=Callback::new(move |()| { select(None); if let Some(canvas) = canvas_ref.get_untracked() { let _ = canvas.focus(); } }) /> })}
            <VillageList snapshot=list_snapshot title=None language=language on_select=on_select selected=selected.into() />
        </section>
    }
}
