//! Saving a chart: PNG (redrawn at 2× or the screen's ratio), SVG (plotters' SVG backend) and
//! CSV (with a BOM). Files are handed to the browser as blob URLs; nothing leaves the page.

use crate::ui::canvas::backend::BrowserBackend;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;

use crate::core::chart::draw::{chart_height_css, draw_chart, svg_size, DrawOptions};
use crate::core::chart::model::{csv_from_chart, ChartModel};
use crate::core::theme::Theme;
use crate::ui::preferences::drawing_scale;

/// Offers `contents` (text) to the reader as a file named `filename`.
pub fn offer_file(contents: &str, mime: &str, filename: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    offer_blob(
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &blob_options(mime)),
        filename,
    )
}

/// Offers binary `bytes` (a workbook, say) as a file named `filename`.
pub fn offer_bytes(bytes: &[u8], mime: &str, filename: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer_blob(
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &blob_options(mime)),
        filename,
    )
}

fn blob_options(mime: &str) -> web_sys::BlobPropertyBag {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    options
}

/// Hands a file the browser made (`blob`) to its downloads through a blob URL.
fn offer_blob(
    blob: Result<web_sys::Blob, wasm_bindgen::JsValue>,
    filename: &str,
) -> Result<(), String> {
    let blob = blob.map_err(|_| "the browser could not create the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create a download link".to_owned())?;
    let result = click_download_link(&url, filename);
    crate::ui::dom::warn_on_error(web_sys::Url::revoke_object_url(&url), "revoke object url");
    result
}

fn click_download_link(href: &str, filename: &str) -> Result<(), String> {
    let document = crate::ui::dom::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not create a link")?
        .unchecked_into();
    anchor.set_href(href);
    anchor.set_download(filename);
    anchor.click();
    Ok(())
}

/// The chart's data as a CSV file.
pub fn download_csv(model: &ChartModel, filename: &str) -> Result<(), String> {
    offer_file(&csv_from_chart(model), "text/csv;charset=utf-8", filename)
}

/// The chart as an SVG file, `width_css` wide.
pub fn download_svg(
    model: &ChartModel,
    options: &DrawOptions<'_>,
    width_css: u32,
    filename: &str,
) -> Result<(), String> {
    let mut svg = String::new();
    {
        let size = svg_size(model, options, width_css);
        let backend =
            BrowserBackend::Svg(plotters::prelude::SVGBackend::with_string(&mut svg, size));
        draw_chart(&backend.into_drawing_area(), model, options)?;
    }
    offer_file(&svg, "image/svg+xml", filename)
}

/// The file formats a chart is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadFormat {
    Png,
    Svg,
    Csv,
}

impl DownloadFormat {
    /// The file name's extension (also the button's `data-download`).
    pub fn extension(self) -> &'static str {
        match self {
            DownloadFormat::Png => "png",
            DownloadFormat::Svg => "svg",
            DownloadFormat::Csv => "csv",
        }
    }

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            DownloadFormat::Png => "PNG",
            DownloadFormat::Svg => "SVG",
            DownloadFormat::Csv => "CSV",
        }
    }
}

/// Offers the chart as a file: named `{prefix}-{chart id}.{extension}`, drawn at least 320 CSS px
/// wide (`width`, the chart's width on screen), without the series in `hidden`; a PNG at twice
/// the resolution at least.
pub fn download(
    model: &ChartModel,
    format: DownloadFormat,
    theme: &Theme,
    hidden: &[String],
    width: f64,
    prefix: &str,
) -> Result<(), String> {
    let css_width = width.max(320.0);
    let options = DrawOptions {
        theme,
        scale: drawing_scale(false).max(2.0),
        hidden,
        focus: None,
        large: false,
        measure: &crate::ui::canvas::text::canvas_text_width,
    };
    let name = format!("{prefix}-{}.{}", model.id, format.extension());
    match format {
        DownloadFormat::Png => download_png(model, &options, css_width, &name),
        DownloadFormat::Svg => download_svg(
            model,
            &DrawOptions {
                scale: 1.0,
                ..options.clone()
            },
            css_width.round() as u32,
            &name,
        ),
        DownloadFormat::Csv => download_csv(model, &name),
    }
}

/// The chart as a PNG, redrawn offscreen at `options.scale`.
pub fn download_png(
    model: &ChartModel,
    options: &DrawOptions<'_>,
    width_css: f64,
    filename: &str,
) -> Result<(), String> {
    let document = crate::ui::dom::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "could not create a canvas")?
        .unchecked_into();
    let visible = model
        .data
        .iter()
        .filter(|datum| !options.hidden.contains(&datum.indicator_id))
        .count();
    let height_css = chart_height_css(model.kind, visible);
    canvas.set_width((width_css * options.scale).round() as u32);
    canvas.set_height((height_css * options.scale).round() as u32);
    let backend = BrowserBackend::on_canvas(&canvas).ok_or("no 2D canvas context")?;
    draw_chart(&backend.into_drawing_area(), model, options)?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser could not encode the PNG".to_owned())?;
    click_download_link(&url, filename)
}
