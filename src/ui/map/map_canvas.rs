//! The map's canvas: drawn by plotters at frame rate (`frames`: pan frames shift the last
//! drawing, full drawings spread over frames), pointer gestures (`core::map::gesture`), wheel
//! and keyboard, and the pan/zoom kept in step with the URL's zoom and centre.

use std::sync::Arc;

use crate::ui::canvas::backend::BrowserBackend;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::core::geo::{Projection, ViewTransform};
use crate::core::map::draw::draw_map_features;
use crate::core::map::draw::MapDrawOptions;
use crate::core::map::gesture::{Gesture, Tap};
use crate::core::map::model::{map_colouring, Colouring, MapMode, MapModel};
use crate::core::map::viewport::views_match;
use crate::core::theme::Theme;
use crate::core::wording::{text, MAP_CANVAS_LABEL};
use crate::ui::map::frames::{FrameKind, MapFrames};
use crate::ui::map::state::MapState;
use crate::ui::preferences::{use_preferences, Preferences};

/// Drawing time per frame for a full map drawing; a bigger map goes on in the next frames.
const FRAME_BUDGET_MS: f64 = 8.0;
/// Once panning pauses this long (ms), the map is drawn in full again.
const SETTLE_MS: i32 = 150;
/// A keyboard pan step (CSS px).
const KEY_PAN: f64 = 48.0;

fn now_ms() -> f64 {
    crate::ui::dom::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// What a full drawing needs besides the model, kept per drawing key: a big map is drawn over
/// several frames and must not recompute them in each.
type Prepared = Arc<(Theme, Colouring, Projection)>;

/// The drawing machinery of one canvas.
#[derive(Clone, Copy)]
struct Drawer {
    map: MapState,
    preferences: Preferences,
    live: RwSignal<bool>,
    frames: StoredValue<MapFrames, LocalStorage>,
    prepared: StoredValue<Option<(String, Prepared)>, LocalStorage>,
    settle: StoredValue<u64>,
}

impl Drawer {
    /// Draws the map now: a whole drawing, one slice of a big one, or the last drawing shifted
    /// by the pan.
    fn draw(self) {
        let Some(canvas) = self.map.canvas_ref.get_untracked() else {
            return;
        };
        let (model, viewport) = self.map.current();
        let element: &web_sys::HtmlCanvasElement = &canvas;
        let printing = self.preferences.printing.get_untracked();
        let Some(scale) = self.map.canvas.prepare(element, viewport.height, printing) else {
            return;
        };
        let selected = self
            .map
            .selected
            .get_untracked()
            .and_then(|id| model.feature_of(&id));
        let large = self.preferences.large.get_untracked();
        let view = self.map.view.get_untracked();
        // Everything the bitmap depends on except the pan.
        let key = format!(
            "{}x{}@{scale}/{:?}/{selected:?}/{:?}/{large}",
            element.width(),
            element.height(),
            self.map.colour_by.get_untracked(),
            self.preferences.color_scheme.get_untracked()
        );
        let inputs = || self.prepared_for(&key, &model, viewport.projection, large);
        let mut slice_inputs = None;
        let result = self.frames.try_update_value(|frames| {
            frames.frame(
                element,
                key.clone(),
                view,
                scale,
                model.features.len(),
                FRAME_BUDGET_MS,
                &now_ms,
                |offscreen, range| {
                    let inputs = slice_inputs.get_or_insert_with(inputs);
                    let (theme, colouring, projection) = &**inputs;
                    let options = MapDrawOptions {
                        theme,
                        scale,
                        selected,
                        large,
                        measure: &crate::ui::canvas::text::canvas_text_width,
                    };
                    let backend = BrowserBackend::on_canvas(offscreen).ok_or("no 2D canvas")?;
                    draw_map_features(
                        &backend.into_drawing_area(),
                        &model,
                        colouring,
                        projection,
                        &view,
                        &options,
                        range,
                    )
                    .map(|stats| stats.drawn)
                },
            )
        });
        match result {
            Some(Ok(kind)) => self.after_frame(element, kind, view),
            Some(Err(error)) => web_sys::console::error_1(&format!("map: {error}").into()),
            None => {}
        }
    }

    fn prepared_for(
        self,
        key: &str,
        model: &MapModel,
        projection: Projection,
        large: bool,
    ) -> Prepared {
        if let Some(kept) = self.prepared.with_value(|kept| {
            kept.as_ref()
                .filter(|(kept_key, _)| kept_key == key)
                .map(|(_, inputs)| Arc::clone(inputs))
        }) {
            return kept;
        }
        let theme = Theme::for_view(self.preferences.color_scheme.get_untracked(), large);
        let colouring = self.map.snapshot.with_value(|snapshot| {
            map_colouring(
                model,
                snapshot,
                &self.map.colour_by.get_untracked(),
                &theme,
                self.map.language,
            )
        });
        let inputs = Arc::new((theme, colouring, projection));
        self.prepared
            .set_value(Some((key.to_owned(), Arc::clone(&inputs))));
        inputs
    }

    /// After a frame: state for tests and tools, the canvas taking the SVG's place, more frames
    /// for a big drawing, or a full drawing once panning pauses.
    fn after_frame(
        self,
        element: &web_sys::HtmlCanvasElement,
        kind: FrameKind,
        view: ViewTransform,
    ) {
        match kind {
            FrameKind::Full(drawn) => {
                crate::ui::dom::warn_on_error(
                    element.set_attribute("data-drawn", &drawn.to_string()),
                    "set attribute",
                );
                if !self.live.get_untracked() {
                    self.live.set(true);
                }
            }
            FrameKind::Partial => request_animation_frame(move || self.draw()),
            _ => {
                self.settle.update_value(|generation| *generation += 1);
                let generation = self.settle.get_value();
                let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
                    if self.settle.try_get_value() == Some(generation) {
                        self.frames.update_value(MapFrames::invalidate);
                        self.draw();
                    }
                });
                if let Some(window) = crate::ui::dom::window() {
                    crate::ui::dom::warn_on_error(
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(
                            wasm_bindgen::JsCast::unchecked_ref(&callback),
                            SETTLE_MS,
                        ),
                        "set timeout with callback and timeout and arguments 0",
                    );
                }
            }
        }
        crate::ui::dom::warn_on_error(
            element.set_attribute("data-zoom", &format!("{:.3}", view.zoom)),
            "set attribute",
        );
        crate::ui::dom::warn_on_error(
            element.set_attribute("data-pan", &format!("{:.1},{:.1}", view.pan.0, view.pan.1)),
            "set attribute",
        );
    }
}

/// Keeps the pan/zoom and the URL's zoom and centre in step, both ways.
fn follow_url(map: MapState) {
    // The URL → the view: once the map has a size, and whenever they change (a pasted link,
    // Back/Forward).
    let target = Memo::new(move |_| map.url_target());
    Effect::new(move |_| {
        let (zoom, centre) = target.get();
        if map.canvas.width.get() < 1.0 {
            return;
        }
        let (_, viewport) = map.current();
        let wanted = viewport.view_from_url(zoom, centre);
        if !views_match(&map.view.get_untracked(), &wanted) {
            map.view.set(wanted);
        }
    });
    // The view → the URL (rewritten quietly, no history entry).
    Effect::new(move |_| {
        let view = map.view.get();
        if map.canvas.width.get_untracked() < 1.0 {
            return;
        }
        let (_, viewport) = map.current();
        let (zoom, centre) = viewport.url_from_view(&view);
        map.write_url_target(zoom, centre);
    });
}

/// The map's canvas (in its box) with its SVG stand-in from the pre-rendered page.
#[component]
pub fn MapCanvas(map: MapState, mode: MapMode, static_svgs: String) -> impl IntoView {
    let preferences = use_preferences();
    let box_ref = NodeRef::<leptos::html::Div>::new();
    // The pre-rendered page shows the map as SVG until the canvas is first drawn in full.
    let live = RwSignal::new(crate::ui::app::use_rendering() == crate::ui::app::Rendering::Client);
    let drawer = Drawer {
        map,
        preferences,
        live,
        frames: StoredValue::new_local(MapFrames::default()),
        prepared: StoredValue::new_local(None),
        settle: StoredValue::new(0),
    };
    map.canvas.drive(
        box_ref,
        move || {
            map.view.track();
            map.selected.track();
            map.colour_by.track();
        },
        StoredValue::new_local(move || drawer.draw()),
    );
    follow_url(map);

    let gesture = StoredValue::new_local(Gesture::default());
    let offset =
        |event: &web_sys::PointerEvent| (f64::from(event.offset_x()), f64::from(event.offset_y()));
    let on_pointer_down = move |event: web_sys::PointerEvent| {
        if let Some(canvas) = map.canvas_ref.get_untracked() {
            crate::ui::dom::warn_on_error(
                canvas.set_pointer_capture(event.pointer_id()),
                "set pointer capture",
            );
        }
        let view = map.view.get_untracked();
        gesture.update_value(|g| g.down(event.pointer_id(), offset(&event), now_ms(), view));
    };
    let on_pointer_move = move |event: web_sys::PointerEvent| {
        if let Some(Some(next)) =
            gesture.try_update_value(|g| g.moved(event.pointer_id(), offset(&event)))
        {
            map.view.set(next);
        }
    };
    let on_pointer_up = move |event: web_sys::PointerEvent| {
        let view = map.view.get_untracked();
        let tap =
            gesture.try_update_value(|g| g.up(event.pointer_id(), offset(&event), now_ms(), view));
        match tap.flatten() {
            Some(Tap::Double(at)) => map.zoom_by(2.0, Some(at)),
            Some(Tap::Single(at)) => {
                let (model, viewport) = map.current();
                let id = viewport
                    .feature_at(&model, &map.view.get_untracked(), at)
                    .map(|index| model.features[index].id.clone());
                map.select(id);
            }
            None => {}
        }
    };
    let on_pointer_cancel = move |event: web_sys::PointerEvent| {
        gesture.update_value(|g| g.cancel(event.pointer_id()));
    };
    let on_wheel = move |event: web_sys::WheelEvent| {
        event.prevent_default();
        let factor = (-event.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
        map.zoom_by(
            factor,
            Some((f64::from(event.offset_x()), f64::from(event.offset_y()))),
        );
    };
    let on_key_down = move |event: web_sys::KeyboardEvent| {
        match event.key().as_str() {
            "ArrowLeft" => map.pan_by((KEY_PAN, 0.0)),
            "ArrowRight" => map.pan_by((-KEY_PAN, 0.0)),
            "ArrowUp" => map.pan_by((0.0, KEY_PAN)),
            "ArrowDown" => map.pan_by((0.0, -KEY_PAN)),
            "+" | "=" => map.zoom_by(1.5, None),
            "-" | "_" => map.zoom_by(1.0 / 1.5, None),
            "0" => map.reset(),
            "Escape" => map.select(None),
            _ => return,
        }
        event.prevent_default();
    };
    let language = map.language;
    view! {
        <div class="map-box" node_ref=box_ref class:live=move || live.get()>
            <div class="static-drawings" inner_html=static_svgs></div>
            <canvas
                node_ref=map.canvas_ref
                class="map-canvas"
                data-mode=match mode { MapMode::Schematic => "schematic", MapMode::Geographic => "geographic" }
                tabindex="0"
                role="img"
                aria-label=text(language, MAP_CANVAS_LABEL)
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_cancel
                on:wheel=on_wheel
                on:keydown=on_key_down
            ></canvas>
        </div>
    }
}
