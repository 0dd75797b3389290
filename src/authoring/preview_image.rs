//! The link-preview image (`og:image`, 1200×630 PNG) that chat apps show for a shared link:
//! the township, the report's title, the first figures of the report with their qualifiers in
//! words, the as-of date and the source. One layout (`draw_preview`) through a [`Painter`]:
//! at build time and by `snapshot publish` with the system's Noto Sans CJK font (Debian
//! `fonts-noto-cjk`, installed by `scripts/install.sh`), glyphs rasterised with `ab_glyph`; in the
//! editor's page maker by the browser's canvas with the browser's own Chinese font (the CLI's
//! font file is 19 MB: too large to ship). The picture is encoded by `png` either way.

#[cfg(not(target_arch = "wasm32"))]
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

use crate::core::format::{format_value, qualifier_phrase, with_unit};
use crate::core::snapshot::{Block, Indicator, Qualifier, Snapshot};
use crate::core::wording as w;
use crate::core::Language;

pub use crate::ui::prerender::{
    PREVIEW_IMAGE_FILE as FILE_NAME, PREVIEW_IMAGE_HEIGHT as HEIGHT, PREVIEW_IMAGE_WIDTH as WIDTH,
};
/// Debian's Noto Sans CJK; `PREVIEW_FONT` names another font file.
#[cfg(not(target_arch = "wasm32"))]
const DEBIAN_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// "Noto Sans CJK SC" in that collection (JP, KR, SC, TC, HK).
#[cfg(not(target_arch = "wasm32"))]
const SIMPLIFIED_CHINESE_FACE: u32 = 2;
/// How many figures the image shows.
const HEADLINE_FIGURES: usize = 4;

/// A colour, red, green and blue.
pub type Rgb = [u8; 3];
const BACKGROUND: Rgb = [0xff, 0xff, 0xff];
const ACCENT: Rgb = [0x0b, 0x5c, 0xad];
const TEXT: Rgb = [0x1a, 0x1a, 0x1a];
const MUTED: Rgb = [0x55, 0x5b, 0x61];
const SURFACE: Rgb = [0xf3, 0xf5, 0xf7];

/// The font file's bytes: `PREVIEW_FONT`, else Debian's Noto Sans CJK.
#[cfg(not(target_arch = "wasm32"))]
pub fn preview_font() -> Result<(Vec<u8>, u32), String> {
    let (path, index) = match std::env::var("PREVIEW_FONT") {
        Ok(path) if !path.is_empty() => (path, 0),
        _ => (DEBIAN_FONT.to_owned(), SIMPLIFIED_CHINESE_FACE),
    };
    std::fs::read(&path).map(|bytes| (bytes, index)).map_err(|error| {
        format!(
            "the link-preview image needs a Chinese font: {path}: {error} (install fonts-noto-cjk, or set PREVIEW_FONT)"
        )
    })
}

/// The figures the image shows: the first of each block of figure cards, in report order.
pub fn headline_indicators(snapshot: &Snapshot) -> Vec<&Indicator> {
    snapshot
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .filter_map(|block| match block {
            Block::Figures { indicators } => indicators.first(),
            _ => None,
        })
        .filter_map(|id| snapshot.indicator(id))
        .take(HEADLINE_FIGURES)
        .collect()
}

/// What the layout draws with: filled rectangles and text on a 1200×630 picture with a white
/// background.
pub trait Painter {
    fn rect(&mut self, x: i32, y: i32, width: i32, height: i32, colour: Rgb);
    /// Draws `text` at `size` px with its baseline at `y`, from `x`.
    fn text(&mut self, size: f32, x: f32, y: f32, colour: Rgb, text: &str);
    /// The width of `text` at `size` px.
    fn text_width(&mut self, size: f32, text: &str) -> f32;
}

/// `text` cut to fit `room` px at `size`, with an ellipsis when cut.
fn fitted(painter: &mut dyn Painter, size: f32, text: &str, room: f32) -> String {
    if painter.text_width(size, text) <= room {
        return text.to_owned();
    }
    let mut kept: String = text.to_owned();
    while !kept.is_empty() && painter.text_width(size, &format!("{kept}…")) > room {
        kept.pop();
    }
    format!("{kept}…")
}

/// RGB pixels, row by row, as PNG bytes.
pub fn png_from_rgb(pixels: &[u8]) -> Result<Vec<u8>, String> {
    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|error| format!("PNG: {error}"))?;
        writer
            .write_image_data(pixels)
            .map_err(|error| format!("PNG: {error}"))?;
    }
    Ok(png_bytes)
}

/// The picture drawn natively: RGB pixels, glyphs rasterised from the font with `ab_glyph`.
#[cfg(not(target_arch = "wasm32"))]
pub struct GlyphCanvas<'f> {
    font: FontRef<'f>,
    pixels: Vec<u8>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'f> GlyphCanvas<'f> {
    pub fn new(font: FontRef<'f>) -> GlyphCanvas<'f> {
        let mut pixels = Vec::with_capacity((WIDTH * HEIGHT * 3) as usize);
        for _ in 0..WIDTH * HEIGHT {
            pixels.extend_from_slice(&BACKGROUND);
        }
        GlyphCanvas { font, pixels }
    }

    fn blend(&mut self, x: i32, y: i32, colour: Rgb, alpha: f32) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 || alpha <= 0.0 {
            return;
        }
        let at = ((y as u32 * WIDTH + x as u32) * 3) as usize;
        let alpha = alpha.min(1.0);
        for (channel, value) in colour.iter().enumerate() {
            let old = f32::from(self.pixels[at + channel]);
            self.pixels[at + channel] = (old + (f32::from(*value) - old) * alpha).round() as u8;
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Painter for GlyphCanvas<'_> {
    fn rect(&mut self, x: i32, y: i32, width: i32, height: i32, colour: Rgb) {
        for row in y..y + height {
            for column in x..x + width {
                self.blend(column, row, colour, 1.0);
            }
        }
    }

    fn text(&mut self, size: f32, x: f32, y: f32, colour: Rgb, text: &str) {
        let font = self.font.clone();
        let scaled = font.as_scaled(PxScale::from(size));
        let mut caret = x;
        for character in text.chars() {
            let glyph = scaled.scaled_glyph(character);
            let advance = scaled.h_advance(glyph.id);
            let positioned = ab_glyph::Glyph {
                position: ab_glyph::point(caret, y),
                ..glyph
            };
            if let Some(outline) = font.outline_glyph(positioned) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        colour,
                        coverage,
                    );
                });
            }
            caret += advance;
        }
    }

    fn text_width(&mut self, size: f32, text: &str) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(size));
        text.chars()
            .map(|character| scaled.h_advance(scaled.glyph_id(character)))
            .sum()
    }
}

/// Draws the preview image of `snapshot` with `canvas` (on a white picture).
pub fn draw_preview(snapshot: &Snapshot, canvas: &mut dyn Painter) {
    let meta = &snapshot.meta;
    let language = Language::Zh;
    canvas.rect(0, 0, WIDTH as i32, 14, ACCENT);
    let margin = 64.0;
    let room = WIDTH as f32 - 2.0 * margin;
    let place = format!(
        "{} · {} · {}",
        meta.province.name.zh, meta.city.name.zh, meta.county.name.zh
    );
    canvas.text(28.0, margin, 82.0, MUTED, &place);
    canvas.text(76.0, margin, 170.0, TEXT, &meta.township.name.zh);
    let title = fitted(canvas, 34.0, &meta.title.zh, room);
    canvas.text(34.0, margin, 228.0, TEXT, &title);

    // The figures, in boxes side by side: value and unit, the qualifier in words, the label.
    let figures = headline_indicators(snapshot);
    let gap = 20.0;
    let count = figures.len().max(1) as f32;
    let box_width = (room - gap * (count - 1.0)) / count;
    for (position, indicator) in figures.iter().enumerate() {
        let left = margin + position as f32 * (box_width + gap);
        let top = 270;
        canvas.rect(left as i32, top, box_width as i32, 220, SURFACE);
        canvas.rect(left as i32, top, 6, 220, ACCENT);
        let value = with_unit(
            &format_value(indicator.value, indicator.qualifier, language),
            indicator.unit.get(language),
            language,
        );
        let value = fitted(canvas, 52.0, &value, box_width - 40.0);
        canvas.text(52.0, left + 24.0, top as f32 + 78.0, TEXT, &value);
        let qualifier = match (indicator.value, indicator.qualifier) {
            (None, _) => w::NOT_STATED_IN_REPORT.zh,
            (Some(_), Qualifier::Exact) => "",
            (Some(_), qualifier) => qualifier_phrase(qualifier, language),
        };
        if !qualifier.is_empty() {
            canvas.text(24.0, left + 24.0, top as f32 + 116.0, ACCENT, qualifier);
        }
        // The label on up to two lines.
        let label = indicator.label.get(language);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for character in label.chars() {
            line.push(character);
            if canvas.text_width(24.0, &line) > box_width - 40.0 && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, character.to_string()));
            }
        }
        lines.push(line);
        if lines.len() > 2 {
            let rest: String = lines[1..].concat();
            lines.truncate(1);
            lines.push(fitted(canvas, 24.0, &rest, box_width - 40.0));
        }
        for (line_index, line) in lines.iter().enumerate() {
            let baseline = top as f32 + 160.0 + line_index as f32 * 32.0;
            canvas.text(24.0, left + 24.0, baseline, MUTED, line);
        }
    }

    let as_of = w::as_of_line(language, &meta.as_of, &meta.period);
    canvas.text(26.0, margin, 548.0, TEXT, &as_of);
    if let Some(source) = snapshot.sources.first() {
        let line = fitted(canvas, 22.0, &w::source_line(language, source, true), room);
        canvas.text(22.0, margin, 590.0, MUTED, &line);
    }
    if meta.synthetic {
        canvas.rect(WIDTH as i32 - 330, 28, 290, 52, [0xa4, 0x16, 0x1a]);
        canvas.text(
            30.0,
            WIDTH as f32 - 312.0,
            66.0,
            BACKGROUND,
            "合成数据 · SYNTHETIC",
        );
    }
}

/// The preview image of `snapshot` as PNG bytes, drawn with `font` (face `index` of it).
#[cfg(not(target_arch = "wasm32"))]
pub fn preview_png(snapshot: &Snapshot, font: &[u8], index: u32) -> Result<Vec<u8>, String> {
    let font = FontRef::try_from_slice_and_index(font, index)
        .map_err(|error| format!("the font cannot be read: {error}"))?;
    let mut canvas = GlyphCanvas::new(font);
    draw_preview(snapshot, &mut canvas);
    png_from_rgb(&canvas.pixels)
}

/// The preview image of `snapshot`, drawn with the system's font.
#[cfg(not(target_arch = "wasm32"))]
pub fn preview_png_with_system_font(snapshot: &Snapshot) -> Result<Vec<u8>, String> {
    let (font, index) = preview_font()?;
    preview_png(snapshot, &font, index)
}

/// Draws the preview image of the snapshot in `snapshot_text` into `dir` (next to the page).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_preview_image(snapshot_text: &str, dir: &std::path::Path) -> Result<(), String> {
    let snapshot = crate::core::snapshot::load::snapshot_from_json_text(snapshot_text)
        .map_err(|problems| format!("{} problems in the snapshot", problems.len()))?;
    let png = preview_png_with_system_font(&snapshot)?;
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, png).map_err(|error| format!("{}: {error}", path.display()))
}
