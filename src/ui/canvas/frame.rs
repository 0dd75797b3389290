//! What every canvas component needs: its box's width followed with a ResizeObserver (resize,
//! rotation, a hidden tab being shown), and redraws coalesced to one per animation frame.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Keeps an observer and its callback alive until the owner is cleaned up, then disconnects it.
fn disconnect_on_cleanup<T: 'static>(kept: T, disconnect: fn(&T)) {
    let kept = SendWrapper::new(kept);
    on_cleanup(move || disconnect(&kept.take()));
}

/// Keeps `width` equal to the CSS width of the element behind `box_ref`.
pub fn follow_width(box_ref: NodeRef<leptos::html::Div>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        let Some(element) = box_ref.get() else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let new_width = entry.content_rect().width();
                if (new_width - width.get_untracked()).abs() >= 0.5 {
                    width.set(new_width);
                }
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        disconnect_on_cleanup((observer, callback), |(observer, _)| observer.disconnect());
    });
}

/// Keeps `near` true while the element behind `box_ref` is within a screen of the viewport.
/// Canvases below the fold are drawn only when the reader scrolls towards them, so opening the
/// report does not pay for drawings nobody sees yet (the map's first drawing is the longest
/// task of a first load on a slow phone). Without IntersectionObserver, `near` stays true.
pub fn follow_nearness(box_ref: NodeRef<leptos::html::Div>, near: RwSignal<bool>) {
    Effect::new(move |_| {
        let Some(element) = box_ref.get() else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries
                .get(entries.length().saturating_sub(1))
                .dyn_ref::<web_sys::IntersectionObserverEntry>()
            {
                let is_near = entry.is_intersecting();
                if is_near != near.get_untracked() {
                    near.set(is_near);
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px 100% 0px");
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) else {
            near.set(true);
            return;
        };
        observer.observe(&element);
        disconnect_on_cleanup((observer, callback), |(observer, _)| observer.disconnect());
    });
}

/// Runs `draw` in the next animation frame whenever `track` reads a changed signal; several
/// changes before that frame give one redraw. While `immediate` is true (printing) it draws at
/// once: the browser lays out the printout right after `beforeprint`, before any frame.
pub fn redraw_on_change(
    track: impl Fn() + 'static,
    draw: StoredValue<impl Fn() + 'static, LocalStorage>,
    immediate: impl Fn() -> bool + 'static,
) {
    let frame_pending = StoredValue::new(false);
    Effect::new(move |_| {
        track();
        if immediate() {
            draw.with_value(|draw| draw());
            return;
        }
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.set_value(false);
            draw.with_value(|draw| draw());
        });
    });
}

/// Gives `canvas` a backing store of `css_width × css_height` CSS px at `scale` device pixels
/// per CSS px, and that CSS height. Resizing clears and reallocates a canvas, so it happens
/// only when the size really changed.
pub fn size_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    scale: f64,
) {
    let (width, height) = (
        (css_width * scale).round() as u32,
        (css_height * scale).round() as u32,
    );
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
        crate::ui::dom::warn_on_error(
            web_sys::HtmlElement::style(canvas).set_property("height", &format!("{css_height}px")),
            "set property",
        );
    }
}

/// A canvas' box as every canvas component follows it.
#[derive(Clone, Copy)]
pub struct CanvasBox {
    /// The box's CSS width (0 while hidden).
    pub width: RwSignal<f64>,
    /// Whether it is within a screen of the viewport.
    pub near: RwSignal<bool>,
}

impl CanvasBox {
    /// Sizes `canvas` for `css_height` at the width of the box and the drawing scale (the
    /// screen's, or print resolution when printing), and says at which scale to draw: `None`
    /// while hidden, or while far from the screen (not printing): sized at once, so the page
    /// does not move when it is drawn, but drawn only when near.
    pub fn prepare(
        &self,
        canvas: &web_sys::HtmlCanvasElement,
        css_height: f64,
        printing: bool,
    ) -> Option<f64> {
        let css_width = self.width.get_untracked();
        if css_width < 1.0 {
            return None;
        }
        let scale = crate::ui::preferences::drawing_scale(printing);
        size_canvas(canvas, css_width, css_height, scale);
        (self.near.get_untracked() || printing).then_some(scale)
    }
}

impl CanvasBox {
    /// A box not measured yet.
    pub fn new() -> Self {
        CanvasBox {
            width: RwSignal::new(0.0),
            near: RwSignal::new(false),
        }
    }

    /// The life of a canvas component, the same for every canvas (charts, the map, the
    /// locator): follows the box behind `box_ref` (its width, its nearness to the screen) and
    /// runs `draw` once per animation frame whenever the box, the colours, large text or
    /// printing change or `track` reads a changed signal; at once while printing (the printout
    /// is laid out right after `beforeprint`). `draw` sizes and draws through [`Self::prepare`].
    pub fn drive(
        self,
        box_ref: NodeRef<leptos::html::Div>,
        track: impl Fn() + 'static,
        draw: StoredValue<impl Fn() + 'static, LocalStorage>,
    ) {
        let preferences = crate::ui::preferences::use_preferences();
        redraw_on_change(
            move || {
                self.width.track();
                self.near.track();
                preferences.color_scheme.track();
                preferences.large.track();
                preferences.printing.track();
                track();
            },
            draw,
            move || preferences.printing.get_untracked(),
        );
        follow_width(box_ref, self.width);
        follow_nearness(box_ref, self.near);
    }
}

impl Default for CanvasBox {
    fn default() -> Self {
        Self::new()
    }
}
