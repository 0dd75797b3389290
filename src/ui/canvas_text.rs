//! Text measurement for the drawing code, with the browser's own font metrics: an offscreen
//! canvas' `measureText` (no DOM insertion, no layout, nothing a strict CSP blocks).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::core::text_measure::approximate_text_width;

thread_local! {
    static CONTEXT: RefCell<Option<web_sys::CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

fn context() -> Option<web_sys::CanvasRenderingContext2d> {
    CONTEXT.with(|cell| {
        if cell.borrow().is_none() {
            let canvas = web_sys::window()?
                .document()?
                .create_element("canvas")
                .ok()?;
            let canvas: web_sys::HtmlCanvasElement = canvas.dyn_into().ok()?;
            let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
            *cell.borrow_mut() = Some(context);
        }
        cell.borrow().clone()
    })
}

/// Width in px of `text` in the sans-serif face at `size` px (the font plotters draws with).
pub fn canvas_text_width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(context) = context() else {
        return approximate_text_width(text, size, bold);
    };
    context.set_font(&format!(
        "{}{size}px sans-serif",
        if bold { "bold " } else { "" }
    ));
    context
        .measure_text(text)
        .map(|metrics| metrics.width())
        .unwrap_or_else(|_| approximate_text_width(text, size, bold))
}
