//! Panning a big map at frame rate: the last full drawing is kept in an offscreen canvas, and
//! while only the pan changes each frame just copies that bitmap, shifted. The caller redraws
//! in full once panning pauses (edges uncovered during the pan are then filled in).

use wasm_bindgen::JsCast;

use crate::core::geo::ViewTransform;

/// What a frame did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Drew the map in full; the number of features drawn.
    Full(usize),
    /// Copied the cached bitmap, shifted by the pan.
    Shifted,
}

/// The cached bitmap and what it shows.
#[derive(Default)]
pub struct MapFrames {
    cache: Option<web_sys::HtmlCanvasElement>,
    /// Everything but the pan that the bitmap depends on (size, scale, colours, selection…).
    key: Option<String>,
    view: ViewTransform,
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

impl MapFrames {
    /// Forgets the bitmap: the next frame is drawn in full.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Shows `view` on `target`: shifts the cached bitmap when only the pan changed since it
    /// was drawn, otherwise calls `draw_full` on the offscreen canvas (sized like `target`) and
    /// copies the result. `draw_full` returns the number of features drawn.
    pub fn frame(
        &mut self,
        target: &web_sys::HtmlCanvasElement,
        key: String,
        view: ViewTransform,
        scale: f64,
        draw_full: impl FnOnce(&web_sys::HtmlCanvasElement) -> Result<usize, String>,
    ) -> Result<FrameKind, String> {
        let target_context = context(target).ok_or("no 2D context")?;
        let (width, height) = (target.width(), target.height());
        let same_picture = self.key.as_deref() == Some(key.as_str())
            && (self.view.zoom - view.zoom).abs() < 1e-9
            && self
                .cache
                .as_ref()
                .is_some_and(|cache| cache.width() == width && cache.height() == height);
        if same_picture {
            if let Some(cache) = &self.cache {
                let dx = ((view.pan.0 - self.view.pan.0) * scale).round();
                let dy = ((view.pan.1 - self.view.pan.1) * scale).round();
                target_context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
                target_context
                    .draw_image_with_html_canvas_element(cache, dx, dy)
                    .map_err(|_| "could not copy the map bitmap".to_owned())?;
                return Ok(FrameKind::Shifted);
            }
        }
        if self.cache.is_none() {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .ok_or("no document")?;
            let canvas = document
                .create_element("canvas")
                .map_err(|_| "could not create a canvas")?
                .dyn_into::<web_sys::HtmlCanvasElement>()
                .map_err(|_| "not a canvas")?;
            self.cache = Some(canvas);
        }
        let cache = self.cache.as_ref().ok_or("no cache canvas")?;
        cache.set_width(width);
        cache.set_height(height);
        let drawn = draw_full(cache)?;
        target_context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        target_context
            .draw_image_with_html_canvas_element(cache, 0.0, 0.0)
            .map_err(|_| "could not copy the map bitmap".to_owned())?;
        self.key = Some(key);
        self.view = view;
        Ok(FrameKind::Full(drawn))
    }
}
