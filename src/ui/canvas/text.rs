//! Text measurement for the drawing code, with the browser's own font metrics: an offscreen
//! canvas' `measureText` (no DOM insertion, no layout, nothing a strict CSP blocks).

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;

use crate::core::text_measure::approximate_text_width;

thread_local! {
    static CONTEXT: RefCell<Option<web_sys::CanvasRenderingContext2d>> = const { RefCell::new(None) };
    /// The font last set on the measuring context: setting it makes the browser parse a CSS
    /// font string, which costs more than the measurement.
    static FONT: RefCell<(u64, bool)> = const { RefCell::new((0, false)) };
    /// Widths already measured: labels are measured again at every redraw (pan, zoom, resize).
    static WIDTHS: RefCell<HashMap<(String, u64, bool), f64>> = RefCell::new(HashMap::new());
}

/// Entries kept before the width cache starts afresh (a few hundred labels per map or chart).
const MAX_CACHED_WIDTHS: usize = 8192;

fn context() -> Option<web_sys::CanvasRenderingContext2d> {
    CONTEXT.with(|cell| {
        if cell.borrow().is_none() {
            let canvas = crate::ui::dom::window()?
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
///
/// Chinese characters are one em wide in every CJK face, so they are counted rather than
/// measured; only the rest of the text (Latin, digits, quotes, "…") goes to `measureText`.
/// Measuring Chinese was the largest cost of a first map drawing (font fallback and shaping
/// for each candidate while fitting labels).
pub fn canvas_text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ideographs = text.chars().filter(|&c| is_one_em(c)).count();
    if ideographs == 0 {
        return measured_width(text, size, bold);
    }
    let rest: String = text.chars().filter(|&c| !is_one_em(c)).collect();
    let rest_width = if rest.is_empty() {
        0.0
    } else {
        measured_width(&rest, size, bold)
    };
    ideographs as f64 * size + rest_width
}

/// CJK ideographs, CJK symbols and punctuation, and full-width forms: one em each.
fn is_one_em(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF01}'..='\u{FF60}')
}

fn measured_width(text: &str, size: f64, bold: bool) -> f64 {
    let key = (text.to_owned(), size.to_bits(), bold);
    if let Some(width) = WIDTHS.with(|widths| widths.borrow().get(&key).copied()) {
        return width;
    }
    let Some(context) = context() else {
        return approximate_text_width(text, size, bold);
    };
    FONT.with(|font| {
        if *font.borrow() != (size.to_bits(), bold) {
            context.set_font(&format!(
                "{}{size}px sans-serif",
                if bold { "bold " } else { "" }
            ));
            *font.borrow_mut() = (size.to_bits(), bold);
        }
    });
    let width = context
        .measure_text(text)
        .map(|metrics| metrics.width())
        .unwrap_or_else(|_| approximate_text_width(text, size, bold));
    WIDTHS.with(|widths| {
        let mut widths = widths.borrow_mut();
        if widths.len() >= MAX_CACHED_WIDTHS {
            widths.clear();
        }
        widths.insert(key, width);
    });
    width
}
