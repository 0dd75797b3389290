//! One drawing backend type for everything the browser draws: a canvas, or an SVG document
//! (a chart's SVG download).
//!
//! The drawing code is generic over plotters' backend, and each backend type compiles all of
//! it (and plotters' own drawing code) again: drawing charts and the map through this one
//! enum keeps a single copy in the wasm.

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

/// A canvas or an SVG document being drawn.
pub enum BrowserBackend<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

impl BrowserBackend<'_> {
    /// A backend drawing on `canvas`, when it has a 2D context.
    pub fn on_canvas(canvas: &web_sys::HtmlCanvasElement) -> Option<Self> {
        CanvasBackend::with_canvas_object(canvas.clone()).map(BrowserBackend::Canvas)
    }
}

/// What went wrong in either backend, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

fn converted<T, E: std::error::Error + Send + Sync>(
    result: Result<T, DrawingErrorKind<E>>,
) -> Result<T, DrawingErrorKind<BackendError>> {
    result.map_err(|error| match error {
        DrawingErrorKind::DrawingError(error) => {
            DrawingErrorKind::DrawingError(BackendError(error.to_string()))
        }
        DrawingErrorKind::FontError(error) => DrawingErrorKind::FontError(error),
    })
}

/// Calls the same method on whichever backend this is.
macro_rules! either {
    ($self:ident, $backend:ident => $call:expr) => {
        match $self {
            BrowserBackend::Canvas($backend) => converted($call),
            BrowserBackend::Svg($backend) => converted($call),
        }
    };
}

impl DrawingBackend for BrowserBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            BrowserBackend::Canvas(backend) => backend.get_size(),
            BrowserBackend::Svg(backend) => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.fill_polygon(vertices, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.draw_text(text, style, position))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        position: BackendCoord,
        size: (u32, u32),
        source: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        either!(self, backend => backend.blit_bitmap(position, size, source))
    }
}
