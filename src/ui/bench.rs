//! Benchmarks callable from the page (`window.wasmBindings`), used by `benches/*.mjs` in
//! headless Chromium. They measure the real drawing path: `draw_chart` on a `CanvasBackend`.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use crate::core::chart_draw::{chart_height_css, draw_chart, DrawOptions};
use crate::core::chart_model::chart_models;
use crate::core::load::snapshot_from_json_text;
use crate::core::theme::{ColorScheme, Theme};
use crate::core::Language;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    match samples.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => samples[n / 2],
        n => (samples[n / 2 - 1] + samples[n / 2]) / 2.0,
    }
}

/// Redraws every chart of `snapshot_json` `iterations` times on a canvas `width_css` wide at
/// `scale` device pixels per CSS pixel. Returns JSON: `[{"chart": id, "median_ms": …, "max_ms": …}]`.
#[wasm_bindgen]
pub fn bench_chart_redraws(
    snapshot_json: &str,
    width_css: f64,
    scale: f64,
    iterations: u32,
) -> Result<String, JsValue> {
    let snapshot = snapshot_from_json_text(snapshot_json)
        .map_err(|problems| JsValue::from_str(&format!("{} problems", problems.len())))?;
    let window = web_sys::window().ok_or("no window")?;
    let performance = window.performance().ok_or("no performance")?;
    let document = window.document().ok_or("no document")?;
    let theme = Theme::for_scheme(ColorScheme::Light);
    let mut results = Vec::new();
    for model in chart_models(&snapshot, Language::Zh) {
        let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let mut samples = Vec::with_capacity(iterations as usize);
        for _ in 0..iterations {
            let start = performance.now();
            let height = chart_height_css(model.kind, model.data.len());
            canvas.set_width((width_css * scale).round() as u32);
            canvas.set_height((height * scale).round() as u32);
            let backend =
                CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
            let options = DrawOptions {
                theme: &theme,
                scale,
                hidden: &[],
                focus: None,
                large: false,
            };
            draw_chart(&backend.into_drawing_area(), &model, &options)
                .map_err(|e| JsValue::from_str(&e))?;
            samples.push(performance.now() - start);
        }
        let max = samples.iter().copied().fold(0.0, f64::max);
        results.push(format!(
            "{{\"chart\":{:?},\"median_ms\":{:.3},\"max_ms\":{:.3}}}",
            model.id,
            median(samples),
            max
        ));
    }
    Ok(format!("[{}]", results.join(",")))
}
