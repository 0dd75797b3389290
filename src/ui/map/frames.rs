//! Keeping a big map at frame rate.
//!
//! - While only the pan changes, a frame just copies the last full drawing (kept in an
//!   offscreen canvas), shifted. The caller asks for a full drawing once panning pauses.
//! - A full drawing is done in slices of features into a second offscreen canvas, a few
//!   milliseconds per frame (rasterised slice by slice, not all at the end); the screen keeps showing the previous picture until the new one
//!   is complete, then shows it at once. So no frame is held up by 10,000 polygons.

use std::ops::Range;

use wasm_bindgen::JsCast;

use crate::core::geo::ViewTransform;

/// Features in the first slice of a drawing; later slices are adapted so that a slice
/// (with its rasterisation, which has a fixed cost per slice) takes about three quarters of
/// the frame budget.
const FIRST_SLICE_FEATURES: usize = 32;

/// What a frame did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Finished a full drawing and showed it; the number of features drawn.
    Full(usize),
    /// Copied the cached bitmap, shifted by the pan.
    Shifted,
    /// Drew part of a full drawing; call again in the next frame to go on.
    Partial,
}

/// A full drawing under way.
struct Job {
    key: String,
    view: ViewTransform,
    next: usize,
    drawn: usize,
}

/// The cached bitmap and what it shows, and the drawing under way.
#[derive(Default)]
pub struct MapFrames {
    cache: Option<web_sys::HtmlCanvasElement>,
    /// Everything but the pan that the bitmap depends on (size, scale, colours, selection…).
    key: Option<String>,
    view: ViewTransform,
    work: Option<web_sys::HtmlCanvasElement>,
    job: Option<Job>,
    /// A 1×1 canvas that the drawing under way is copied to after each slice: the browser
    /// records canvas commands and rasterises them only when the pixels are needed, so without
    /// this the whole raster cost would land in the frame that shows the finished drawing.
    scratch: Option<web_sys::CanvasRenderingContext2d>,
    /// Features per slice, adapted to the measured drawing speed.
    slice_features: usize,
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn offscreen_canvas() -> Result<web_sys::HtmlCanvasElement, String> {
    crate::ui::dom::window()
        .and_then(|window| window.document())
        .ok_or("no document")?
        .create_element("canvas")
        .map_err(|_| "could not create a canvas")?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| "not a canvas".to_owned())
}

fn copy(
    from: &web_sys::HtmlCanvasElement,
    to: &web_sys::CanvasRenderingContext2d,
    (width, height): (u32, u32),
    (dx, dy): (f64, f64),
) -> Result<(), String> {
    to.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
    to.draw_image_with_html_canvas_element(from, dx, dy)
        .map_err(|_| "could not copy the map bitmap".to_owned())
}

impl MapFrames {
    /// Forgets the bitmap and any drawing under way: the next frame starts a full drawing.
    pub fn invalidate(&mut self) {
        self.key = None;
        self.job = None;
    }

    /// Shows `view` on `target`. Shifts the cached bitmap when only the pan changed since it
    /// was drawn; otherwise starts or continues a full drawing of the `features` features
    /// with `draw_slice(canvas, range)` (which returns how many of them it drew), spending
    /// about `budget_ms` (measured with `now`) before returning [`FrameKind::Partial`].
    #[allow(clippy::too_many_arguments)]
    pub fn frame(
        &mut self,
        target: &web_sys::HtmlCanvasElement,
        key: String,
        view: ViewTransform,
        scale: f64,
        features: usize,
        budget_ms: f64,
        now: &dyn Fn() -> f64,
        mut draw_slice: impl FnMut(&web_sys::HtmlCanvasElement, Range<usize>) -> Result<usize, String>,
    ) -> Result<FrameKind, String> {
        let started = now();
        let target_context = context(target).ok_or("no 2D context")?;
        let size = (target.width(), target.height());
        let same_picture = self.key.as_deref() == Some(key.as_str())
            && (self.view.zoom - view.zoom).abs() < 1e-9
            && self
                .cache
                .as_ref()
                .is_some_and(|cache| (cache.width(), cache.height()) == size);
        if same_picture {
            if let Some(cache) = &self.cache {
                self.job = None;
                let dx = ((view.pan.0 - self.view.pan.0) * scale).round();
                let dy = ((view.pan.1 - self.view.pan.1) * scale).round();
                copy(cache, &target_context, size, (dx, dy))?;
                return Ok(FrameKind::Shifted);
            }
        }
        if self.work.is_none() {
            self.work = Some(offscreen_canvas()?);
        }
        let work = self.work.as_ref().ok_or("no offscreen canvas")?;
        let continuing = self.job.as_ref().is_some_and(|job| {
            job.key == key && job.view == view && (work.width(), work.height()) == size
        });
        if !continuing {
            if (work.width(), work.height()) == size {
                // Setting the size would reallocate the backing store; clearing is enough.
                if let Some(work_context) = context(work) {
                    work_context.clear_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
                }
            } else {
                work.set_width(size.0);
                work.set_height(size.1);
            }
            // Each drawing starts with a small slice: the speed depends on the zoom.
            self.slice_features = FIRST_SLICE_FEATURES;
            self.job = Some(Job {
                key,
                view,
                next: 0,
                drawn: 0,
            });
        }
        if self.scratch.is_none() {
            let scratch = offscreen_canvas()?;
            scratch.set_width(1);
            scratch.set_height(1);
            self.scratch = context(&scratch);
        }
        let job = self.job.as_mut().ok_or("no drawing under way")?;
        loop {
            let slice_started = now();
            let end = (job.next + self.slice_features).min(features);
            let count = end - job.next;
            job.drawn += draw_slice(work, job.next..end)?;
            job.next = end;
            if let Some(scratch) = &self.scratch {
                crate::ui::dom::warn_on_error(
                    scratch.draw_image_with_html_canvas_element_and_dw_and_dh(
                        work, 0.0, 0.0, 1.0, 1.0,
                    ),
                    "draw image with html canvas element and dw and dh",
                );
            }
            let slice_ms = now() - slice_started;
            if count == self.slice_features && slice_ms > 0.0 {
                let target_ms = budget_ms * 0.75;
                // Grow at most twofold per slice: features differ in cost (off-screen ones
                // are skipped), so one fast slice says little about the next.
                let adapted = (count as f64 * (target_ms / slice_ms).min(2.0)).round() as usize;
                self.slice_features = adapted.clamp(16, 5000);
            }
            if job.next >= features {
                break;
            }
            if now() - started >= budget_ms {
                // Not done: the screen keeps the previous picture, or shows the progress when
                // there is none yet.
                if self.cache.is_none() {
                    copy(work, &target_context, size, (0.0, 0.0))?;
                }
                return Ok(FrameKind::Partial);
            }
        }
        let finished = self.job.take().ok_or("no drawing under way")?;
        // The finished drawing becomes the cache; the old cache is reused for the next one.
        std::mem::swap(&mut self.work, &mut self.cache);
        let cache = self.cache.as_ref().ok_or("no cache canvas")?;
        copy(cache, &target_context, size, (0.0, 0.0))?;
        self.key = Some(finished.key);
        self.view = finished.view;
        Ok(FrameKind::Full(finished.drawn))
    }
}
