//! Benchmarks callable from the page (`window.wasmBindings`), used by `benches/*.mjs` in
//! headless Chromium. They measure the real drawing path: `draw_chart` on the browser's canvas backend.

use crate::ui::canvas::backend::BrowserBackend;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;

use crate::core::chart::draw::{chart_height_css, draw_chart, DrawOptions};
use crate::core::chart::model::chart_models;
use crate::core::snapshot::load::snapshot_from_json_text;
use crate::core::theme::{ColorScheme, Theme};
use crate::core::Language;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_unstable_by(f64::total_cmp);
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
    let window = crate::ui::dom::window().ok_or("no window")?;
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
            let backend = BrowserBackend::on_canvas(&canvas).ok_or("no 2D context")?;
            let options = DrawOptions {
                theme: &theme,
                scale,
                hidden: &[],
                focus: None,
                large: false,
                measure: &crate::ui::canvas::text::canvas_text_width,
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

/// Draws the map of `snapshot_json` on an offscreen canvas while panning: `frames` frames, each
/// panned a little further at zoom `zoom`. Returns JSON with the median and 95th-percentile frame
/// time, the features drawn per frame, and the median hit-test time over 1,000 points.
#[wasm_bindgen]
// One benchmark scenario read top to bottom (set-up, timed frames, report): longer than 150
// lines on purpose; it ships only in the benchmark build.
pub fn bench_map_pan(
    snapshot_json: &str,
    width_css: f64,
    height_css: f64,
    scale: f64,
    zoom: f64,
    frames: u32,
) -> Result<String, JsValue> {
    use crate::core::geo::ViewTransform;
    use crate::core::map::draw::{
        draw_map_features, map_from_screen, map_projection, MapDrawOptions,
    };
    use crate::core::map::model::{map_colouring, map_model_from_snapshot, ColourBy};
    use crate::ui::map::frames::{FrameKind, MapFrames};

    let window = crate::ui::dom::window().ok_or("no window")?;
    let performance = window.performance().ok_or("no performance")?;
    let document = window.document().ok_or("no document")?;
    let parse_start = performance.now();
    let snapshot = snapshot_from_json_text(snapshot_json)
        .map_err(|problems| JsValue::from_str(&format!("{} problems", problems.len())))?;
    let parse_ms = performance.now() - parse_start;
    let model_start = performance.now();
    let model = map_model_from_snapshot(&snapshot, Language::Zh, 8.9);
    let model_ms = performance.now() - model_start;
    let theme = Theme::for_scheme(ColorScheme::Light);
    let colouring = map_colouring(
        &model,
        &snapshot,
        &ColourBy::Designation,
        &theme,
        Language::Zh,
    );
    let projection = map_projection(&model, (width_css, height_css));
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width_css * scale).round() as u32);
    canvas.set_height((height_css * scale).round() as u32);
    let options = MapDrawOptions {
        theme: &theme,
        scale,
        selected: None,
        large: false,
        measure: &crate::ui::canvas::text::canvas_text_width,
    };
    let centre = (width_css / 2.0, height_css / 2.0);
    // As the app pans: the first frame is drawn in full into the offscreen bitmap, later frames
    // shift it; `full_frame_ms` is what a full redraw (after a pan pauses) costs.
    let target: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    target.set_width(canvas.width());
    target.set_height(canvas.height());
    let features = model.features.len();
    let draw_on = |canvas: &web_sys::HtmlCanvasElement,
                   view: &ViewTransform,
                   range: std::ops::Range<usize>|
     -> Result<usize, String> {
        let backend = BrowserBackend::on_canvas(canvas).ok_or("no 2D context")?;
        draw_map_features(
            &backend.into_drawing_area(),
            &model,
            &colouring,
            &projection,
            view,
            &options,
            range,
        )
        .map(|stats| stats.drawn)
    };
    let now = || performance.now();
    // As the app does: frames of at most `FRAME_BUDGET_MS` of drawing each.
    let show = |map_frames: &mut MapFrames, view: ViewTransform| {
        map_frames.frame(
            &target,
            "bench".into(),
            view,
            scale,
            features,
            8.0,
            &now,
            |offscreen, range| draw_on(offscreen, &view, range),
        )
    };
    let mut map_frames = MapFrames::default();
    let mut samples = Vec::with_capacity(frames as usize);
    let mut drawn = 0;
    for frame in 0..frames {
        let view = ViewTransform::default()
            .zoomed_at(zoom, centre)
            .panned((f64::from(frame) * 3.0, f64::from(frame) * 1.5));
        loop {
            let start = performance.now();
            let kind = show(&mut map_frames, view).map_err(|e| JsValue::from_str(&e))?;
            let elapsed = performance.now() - start;
            match kind {
                FrameKind::Full(count) => drawn = count,
                FrameKind::Shifted => samples.push(elapsed),
                FrameKind::Partial => continue,
            }
            break;
        }
    }
    // Once panning pauses: the full drawing, spread over frames (the longest one and how
    // many), and for comparison the same drawing in one go.
    let mut settle_frames = 0;
    let mut settle_max_ms: f64 = 0.0;
    let mut full_samples = Vec::new();
    for frame in 0..5 {
        let view = ViewTransform::default()
            .zoomed_at(zoom, centre)
            .panned((f64::from(frame) * 7.0, 0.0));
        map_frames.invalidate();
        let mut frames_needed = 0;
        loop {
            let start = performance.now();
            let kind = show(&mut map_frames, view).map_err(|e| JsValue::from_str(&e))?;
            settle_max_ms = settle_max_ms.max(performance.now() - start);
            frames_needed += 1;
            if kind != FrameKind::Partial {
                break;
            }
        }
        settle_frames = settle_frames.max(frames_needed);
        let start = performance.now();
        draw_on(&canvas, &view, 0..features).map_err(|e| JsValue::from_str(&e))?;
        full_samples.push(performance.now() - start);
    }
    let full_frame_ms = median(full_samples);
    let mut sorted = samples.clone();
    sorted.sort_unstable_by(f64::total_cmp);
    let p95 = sorted[((sorted.len() as f64 * 0.95) as usize).min(sorted.len() - 1)];
    // Hit-testing: 1,000 points spread over the screen, timed in batches of 100 for resolution.
    let view = ViewTransform::default();
    let mut hit_samples = Vec::new();
    let mut hits = 0;
    for batch in 0..10 {
        let start = performance.now();
        for i in 0..100 {
            let n = f64::from(batch * 100 + i);
            let point = ((n * 37.0) % width_css, (n * 53.0) % height_css);
            let at = map_from_screen(&projection, &view, point);
            if model.feature_at(at, 1e-4).is_some() {
                hits += 1;
            }
        }
        hit_samples.push((performance.now() - start) / 100.0);
    }
    Ok(format!(
        "{{\"places\":{},\"parse_validate_ms\":{parse_ms:.2},\"model_ms\":{model_ms:.2},\"median_frame_ms\":{:.3},\"p95_frame_ms\":{p95:.3},\"full_frame_ms\":{full_frame_ms:.3},\"settle_max_frame_ms\":{settle_max_ms:.3},\"settle_frames\":{settle_frames},\"drawn_per_frame\":{drawn},\"hit_test_us\":{:.3},\"hits\":{hits}}}",
        model.features.len(),
        median(samples),
        median(hit_samples) * 1000.0
    ))
}
