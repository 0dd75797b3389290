//! Drawing a [`MapModel`] with plotters onto any backend (canvas in the browser, SVG in tests),
//! with pan and zoom. Off-screen features are culled; polygon rings are thinned to about one
//! point per pixel, so a frame costs what is visible, not what exists.

use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::core::geo::{Bounds, Point, Projection, ViewTransform};
use crate::core::map::model::{
    map_model_from_snapshot, schematic_row_width, Colouring, Fill, MapMode, MapModel, Shape,
    WIDE_LAYOUT_FROM,
};
use crate::core::snapshot::{DesignationLevel, Snapshot};
use crate::core::text_measure::{fit_text, styled_width, MeasureText};
use crate::core::theme::{Rgb, Theme};
use crate::core::Language;

/// Padding around the map, CSS px.
pub const MAP_PADDING: f64 = 12.0;
/// A tile shows its name once it is this many CSS px wide.
const LABEL_MIN_TILE: f64 = 26.0;

/// The projection that fits the whole map into `size_css`.
pub fn map_projection(model: &MapModel, size_css: Point) -> Projection {
    let bounds = if model.bounds.is_empty() {
        Bounds {
            min: (0.0, 0.0),
            max: (1.0, 1.0),
        }
    } else {
        model.bounds
    };
    match model.mode {
        MapMode::Schematic => Projection::fit_plane(bounds, size_css, MAP_PADDING),
        MapMode::Geographic => Projection::fit_geographic(bounds, size_css, MAP_PADDING),
    }
}

/// Limits on the map's height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapHeightLimits {
    /// The height is at most this many times the width (a tall map scrolls less).
    pub max_ratio: f64,
    /// CSS px.
    pub min: f64,
    pub max: f64,
}

impl MapHeightLimits {
    /// The limits the viewer uses for a map of `mode`.
    pub fn for_mode(mode: MapMode) -> Self {
        match mode {
            MapMode::Schematic => MapHeightLimits {
                max_ratio: 1.6,
                min: 240.0,
                max: 900.0,
            },
            MapMode::Geographic => MapHeightLimits {
                max_ratio: 1.1,
                min: 240.0,
                max: 720.0,
            },
        }
    }
}

/// The width at which the map's shape (padding included) is taken for [`map_aspect`].
const ASPECT_WIDTH: f64 = 360.0;

/// The map's height over its width: its shape with the padding at [`ASPECT_WIDTH`], at most
/// `limits.max_ratio`.
pub fn map_aspect(model: &MapModel, limits: MapHeightLimits) -> f64 {
    if model.bounds.is_empty() {
        return limits.min / ASPECT_WIDTH;
    }
    let stretch = match model.mode {
        MapMode::Schematic => 1.0,
        MapMode::Geographic => model.bounds.centre().1.to_radians().cos().abs().max(1e-6),
    };
    let shape = model.bounds.height() / (model.bounds.width() * stretch).max(1e-12);
    let height = (ASPECT_WIDTH - 2.0 * MAP_PADDING) * shape + 2.0 * MAP_PADDING;
    (height / ASPECT_WIDTH).min(limits.max_ratio)
}

/// The widths (CSS px) the map is laid out for: a phone's box (the narrow schematic layout,
/// below [`WIDE_LAYOUT_FROM`]) and a desktop's (the wide one). The pre-rendered page draws the
/// map at these widths.
pub const MAP_LAYOUT_WIDTHS: [f64; 2] = [358.0, 928.0];

/// The layout width of [`MAP_LAYOUT_WIDTHS`] for a box `width` CSS px wide.
pub fn map_layout_width(width: f64) -> f64 {
    if width < WIDE_LAYOUT_FROM {
        MAP_LAYOUT_WIDTHS[0]
    } else {
        MAP_LAYOUT_WIDTHS[1]
    }
}

/// The schematic layout's row widths (in tiles) tried for a phone's box.
const NARROW_ROW_WIDTHS: std::ops::RangeInclusive<u32> = 24..=56;
/// In quarter tiles.
const ROW_WIDTH_STEP: f64 = 0.25;
/// Above this many places the phone layout is not searched for (it costs a model per try:
/// 0.7 ms natively for the default snapshot's 57 villages, `cargo bench --bench native`).
const SEARCH_ROW_WIDTH_UP_TO: usize = 300;

/// The row width (in tiles) of the schematic layout on a phone: the one that gives the
/// largest tiles within the map's height limit, so names fit on the tiles. Every phone width
/// gets the same layout (the shape decides, not the exact width), so the pre-rendered drawing
/// made at one width is the canvas's layout at any other.
pub fn narrow_row_width(snapshot: &Snapshot, language: Language) -> f64 {
    let fallback = schematic_row_width(MAP_LAYOUT_WIDTHS[0]);
    if snapshot.places.len() > SEARCH_ROW_WIDTH_UP_TO
        || snapshot.places.iter().any(|place| place.geometry.is_some())
    {
        return fallback;
    }
    let limits = MapHeightLimits::for_mode(MapMode::Schematic);
    let width = MAP_LAYOUT_WIDTHS[0];
    let height = (width * limits.max_ratio).clamp(limits.min, limits.max);
    let tile_for = |row_width: f64| {
        let model = map_model_from_snapshot(snapshot, language, row_width);
        if model.bounds.is_empty() {
            return 0.0;
        }
        ((width - 2.0 * MAP_PADDING) / model.bounds.width())
            .min((height - 2.0 * MAP_PADDING) / model.bounds.height())
    };
    let mut best = (tile_for(fallback), fallback);
    for quarters in NARROW_ROW_WIDTHS {
        let row_width = f64::from(quarters) * ROW_WIDTH_STEP;
        let tile = tile_for(row_width);
        // Clearly larger tiles only (a hair's difference is not worth another layout).
        if tile > best.0 + 0.01 {
            best = (tile, row_width);
        }
    }
    best.1
}

/// The map's model for a box `width` CSS px wide: the phone layout ([`narrow_row_width`])
/// below [`WIDE_LAYOUT_FROM`], else the wide one.
pub fn map_model_for_width(snapshot: &Snapshot, language: Language, width: f64) -> MapModel {
    let row_width = if width < WIDE_LAYOUT_FROM {
        narrow_row_width(snapshot, language)
    } else {
        schematic_row_width(width)
    };
    map_model_from_snapshot(snapshot, language, row_width)
}

/// The CSS height that shows the whole map at `width`: the whole-pixel height at the layout
/// width, scaled to `width`, within `limits`. So a drawing made at the layout width and scaled
/// by the browser (the pre-rendered page's SVG) is exactly as tall as the canvas drawn at any
/// other width (no layout shift when the canvas replaces it).
pub fn map_height_for_width(model: &MapModel, width: f64, limits: MapHeightLimits) -> f64 {
    let layout = map_layout_width(width);
    let at_layout = (layout * map_aspect(model, limits)).round();
    (width * at_layout / layout).clamp(limits.min, limits.max)
}

/// Map coordinates → CSS pixels on screen.
pub fn screen_from_map(projection: &Projection, view: &ViewTransform, point: Point) -> Point {
    view.apply(projection.forward(point))
}

/// CSS pixels on screen → map coordinates.
pub fn map_from_screen(projection: &Projection, view: &ViewTransform, point: Point) -> Point {
    projection.inverse(view.invert(point))
}

/// How to draw.
#[derive(Clone)]
pub struct MapDrawOptions<'a> {
    pub theme: &'a Theme,
    /// Backend pixels per CSS pixel.
    pub scale: f64,
    /// The selected feature (its card is open).
    pub selected: Option<usize>,
    /// Thicker outlines and larger text (elder-friendly mode).
    pub large: bool,
    /// Measures text (the browser's canvas in the app; an approximation natively).
    pub measure: MeasureText<'a>,
}

/// What a frame drew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MapDrawStats {
    pub drawn: usize,
    pub culled: usize,
    pub points: usize,
}

fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// Black or white, whichever reads better on `fill`.
fn text_on(fill: Rgb) -> Rgb {
    if fill.contrast(Rgb(0, 0, 0)) >= fill.contrast(Rgb(255, 255, 255)) {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    }
}

/// Draws the map. `projection` and `view` are in CSS pixels; the backend is `scale` times that.
pub fn draw_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    model: &MapModel,
    colouring: &Colouring,
    projection: &Projection,
    view: &ViewTransform,
    options: &MapDrawOptions<'_>,
) -> Result<MapDrawStats, String> {
    let all = 0..model.features.len();
    let stats = draw_map_features(root, model, colouring, projection, view, options, all)?;
    root.present().map_err(|error| error.to_string())?;
    Ok(stats)
}

/// Draws the features `range` of the map (in model order) over what the backend already holds;
/// the first slice (`range.start == 0`) also paints the background and group panels. Drawing
/// a big map in consecutive slices gives exactly the picture of [`draw_map`], spread over
/// several frames.
pub fn draw_map_features<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    model: &MapModel,
    colouring: &Colouring,
    projection: &Projection,
    view: &ViewTransform,
    options: &MapDrawOptions<'_>,
    range: std::ops::Range<usize>,
) -> Result<MapDrawStats, String> {
    let painter = MapPainter {
        root,
        projection,
        view,
        options,
        boost: if options.large { 1.35 } else { 1.0 },
    };
    let theme = options.theme;
    let first_slice = range.start == 0;
    if first_slice {
        root.fill(&color(theme.background))
            .map_err(|e| e.to_string())?;
        for group in &model.groups {
            painter.group_panel(group)?;
        }
    }
    let mut stats = MapDrawStats::default();
    let end = range.end.min(model.features.len());
    let start = range.start.min(end);
    for (index, feature) in model.features[start..end]
        .iter()
        .enumerate()
        .map(|(offset, feature)| (start + offset, feature))
    {
        if !painter.on_screen(feature) {
            stats.culled += 1;
            continue;
        }
        stats.drawn += 1;
        let fill = colouring.fills.get(index).copied().unwrap_or(Fill::NoData);
        let look = FeatureLook {
            fill_rgb: match fill {
                Fill::Solid(rgb) => rgb,
                Fill::NoData => theme.background.mix(theme.grid, 0.35),
            },
            selected: options.selected == Some(index),
            dashed: fill == Fill::NoData || feature.inferred,
        };
        match &feature.shape {
            Shape::Tile { origin, side } => painter.tile(feature, *origin, *side, &look)?,
            Shape::Polygons(polygons) => {
                stats.points += painter.polygons(feature, polygons, &look)?
            }
            Shape::Point(at) => painter.point(*at, &look)?,
        }
    }
    Ok(stats)
}

/// How a feature looks this frame.
struct FeatureLook {
    fill_rgb: Rgb,
    selected: bool,
    /// No data, or a community link that is inferred: a dashed outline.
    dashed: bool,
}

/// Draws one frame's parts: everything in backend px (CSS px × scale).
struct MapPainter<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, plotters::coord::Shift>,
    projection: &'a Projection,
    view: &'a ViewTransform,
    options: &'a MapDrawOptions<'a>,
    /// Larger text and thicker lines in large-text mode.
    boost: f64,
}

impl<DB: DrawingBackend> MapPainter<'_, DB> {
    fn tile_label(&self, name: &str, tile_px: i32) -> Option<TileLabel<'static>> {
        tile_label_at(
            self.options.measure,
            name,
            tile_px,
            self.options.scale,
            self.boost,
        )
    }

    fn px(&self, point: Point) -> (i32, i32) {
        let (x, y) = screen_from_map(self.projection, self.view, point);
        let scale = self.options.scale;
        ((x * scale).round() as i32, (y * scale).round() as i32)
    }

    fn font(&self, size: f64) -> FontDesc<'static> {
        ("sans-serif", size * self.boost * self.options.scale).into_font()
    }

    fn stroke(&self, css: f64) -> u32 {
        ((css * self.boost * self.options.scale).round() as u32).max(1)
    }

    fn draw<E>(&self, element: &E) -> Result<(), String>
    where
        for<'b> &'b E: PointCollection<'b, (i32, i32)>,
        E: Drawable<DB>,
    {
        self.root.draw(element).map_err(|error| error.to_string())
    }

    fn screen(&self) -> Bounds {
        let (width, height) = self.root.dim_in_pixel();
        Bounds {
            min: (0.0, 0.0),
            max: (f64::from(width), f64::from(height)),
        }
    }

    /// Whether any of `feature` (with a margin for its outline and marker) is on screen.
    fn on_screen(&self, feature: &crate::core::map::model::MapFeature) -> bool {
        let a = self.px(feature.bounds.min);
        let b = self.px(feature.bounds.max);
        Bounds {
            min: (f64::from(a.0.min(b.0)) - 8.0, f64::from(a.1.min(b.1)) - 8.0),
            max: (f64::from(a.0.max(b.0)) + 8.0, f64::from(a.1.max(b.1)) + 8.0),
        }
        .intersects(&self.screen())
    }

    fn outline(&self, look: &FeatureLook) -> ShapeStyle {
        let theme = self.options.theme;
        let (rgb, width) = if look.selected {
            (theme.focus, self.stroke(3.0))
        } else {
            (theme.muted_text, self.stroke(1.0))
        };
        ShapeStyle::from(&color(rgb)).stroke_width(width)
    }

    /// A community's panel and title (schematic only): a titled background, not a boundary.
    fn group_panel(&self, group: &crate::core::map::model::MapGroup) -> Result<(), String> {
        let theme = self.options.theme;
        let scale = self.options.scale;
        let a = self.px(group.bounds.min);
        let b = self.px(group.bounds.max);
        let pad = (0.12 * f64::from(b.0 - a.0).abs() / group.bounds.width().max(1e-9)) as i32;
        let panel = Bounds {
            min: (f64::from(a.0 - pad), f64::from(a.1 - pad)),
            max: (f64::from(b.0 + pad), f64::from(b.1 + pad)),
        };
        if !panel.intersects(&self.screen()) {
            return Ok(());
        }
        self.draw(&Rectangle::new(
            [(a.0 - pad, a.1 - pad), (b.0 + pad, b.1 + pad)],
            ShapeStyle::from(&color(theme.grid.mix(theme.background, 0.65))).filled(),
        ))?;
        let size = (f64::from(b.1 - a.1) / group.bounds.height().max(1e-9) * 0.38 / scale)
            .clamp(9.0, 15.0);
        let style = self
            .font(size)
            .style(FontStyle::Bold)
            .color(&color(theme.text))
            .pos(Pos::new(HPos::Left, VPos::Center));
        let title = fit_text(
            self.options.measure,
            &group.name,
            &style,
            (b.0 - a.0).max(0),
        );
        self.draw(&Text::new(title, self.px(group.title_at), style))
    }

    /// A schematic tile: filled, outlined (dashed when inferred or without data), its name
    /// when there is room, and a marker for its designation.
    fn tile(
        &self,
        feature: &crate::core::map::model::MapFeature,
        origin: Point,
        side: f64,
        look: &FeatureLook,
    ) -> Result<(), String> {
        let scale = self.options.scale;
        let top_left = self.px(origin);
        let bottom_right = self.px((origin.0 + side, origin.1 + side));
        self.draw(&Rectangle::new(
            [top_left, bottom_right],
            ShapeStyle::from(&color(look.fill_rgb)).filled(),
        ))?;
        let corners = [
            top_left,
            (bottom_right.0, top_left.1),
            bottom_right,
            (top_left.0, bottom_right.1),
            top_left,
        ];
        let outline = self.outline(look);
        if look.dashed && !look.selected {
            let dash = self.stroke(3.0) as i32;
            self.draw(&DashedPathElement::new(corners, dash, dash, outline))?;
        } else {
            self.draw(&PathElement::new(corners.to_vec(), outline))?;
        }
        let label = self.tile_label(&feature.name, bottom_right.0 - top_left.0);
        let two_lines = label.as_ref().is_some_and(|label| label.lines.len() > 1);
        if let Some(label) = label {
            let text_colour = color(text_on(look.fill_rgb));
            let style = label.style.color(&text_colour);
            let (x, y) = self.px(feature.label_at);
            let count = label.lines.len() as i32;
            for (index, line) in label.lines.into_iter().enumerate() {
                // Lines centred on the tile's middle, one line height apart.
                let offset = (2 * index as i32 - (count - 1)) * label.line_height / 2;
                self.draw(&Text::new(line, (x, y + offset), style.clone()))?;
            }
        }
        if let Some(level) = feature.designation {
            // A shape marks the designation, so colour is not the only signal.
            // Beside a two-line label, a smaller one tucked into the corner, clear of the text.
            let (radius, inset) = if two_lines {
                let radius = (2.5 * scale) as i32;
                (radius, radius + self.stroke(1.0) as i32)
            } else {
                let radius = ((bottom_right.0 - top_left.0) as f64 * 0.12)
                    .clamp(3.0 * scale, 7.0 * scale) as i32;
                (radius, radius + self.stroke(3.0) as i32)
            };
            let centre = (bottom_right.0 - inset, top_left.1 + inset);
            draw_designation_marker(
                self.root,
                centre,
                radius,
                level,
                text_on(look.fill_rgb),
                self.stroke(1.5),
            )
            .map_err(|error| error.to_string())?;
        }
        Ok(())
    }

    /// Real geometry: each polygon's rings thinned to about a point per pixel, filled, outlined
    /// unless tiny; a marker and, when wide enough, the name. The points drawn.
    fn polygons(
        &self,
        feature: &crate::core::map::model::MapFeature,
        polygons: &[crate::core::geo::Polygon],
        look: &FeatureLook,
    ) -> Result<usize, String> {
        let theme = self.options.theme;
        let scale = self.options.scale;
        let a = self.px(feature.bounds.min);
        let b = self.px(feature.bounds.max);
        let small = (b.0 - a.0).abs() < 3 && (a.1 - b.1).abs() < 3;
        let outline = self.outline(look);
        let mut drawn = 0;
        for polygon in polygons {
            for (ring_index, ring) in polygon.iter().enumerate() {
                let points = thin_ring(ring.iter().map(|p| self.px(*p)));
                drawn += points.len();
                if points.len() < 3 {
                    continue;
                }
                let ring_fill = if ring_index == 0 {
                    look.fill_rgb
                } else {
                    theme.background
                };
                self.draw(&plotters::element::Polygon::new(
                    points.clone(),
                    ShapeStyle::from(&color(ring_fill)).filled(),
                ))?;
                if !small || look.selected {
                    self.draw(&PathElement::new(points, outline))?;
                }
            }
        }
        if let Some(level) = feature.designation {
            let radius = (4.0 * scale) as i32;
            draw_designation_marker(
                self.root,
                self.px(feature.label_at),
                radius,
                level,
                theme.text,
                self.stroke(1.5),
            )
            .map_err(|error| error.to_string())?;
        }
        let width_px = (b.0 - a.0).abs();
        if f64::from(width_px) / scale >= 48.0 {
            let style = self
                .font(12.0)
                .color(&color(text_on(look.fill_rgb)))
                .pos(Pos::new(HPos::Center, VPos::Center));
            let label = fit_text(self.options.measure, &feature.name, &style, width_px);
            if label != "…" {
                self.draw(&Text::new(label, self.px(feature.label_at), style))?;
            }
        }
        Ok(drawn)
    }

    /// A place given as a point: a filled, outlined dot.
    fn point(&self, at: Point, look: &FeatureLook) -> Result<(), String> {
        let centre = self.px(at);
        let radius = (5.0 * self.boost * self.options.scale) as i32;
        self.draw(&Circle::new(
            centre,
            radius,
            ShapeStyle::from(&color(look.fill_rgb)).filled(),
        ))?;
        self.draw(&Circle::new(centre, radius, self.outline(look)))
    }
}

/// A tile's label as drawn: its lines, their style and the distance between them.
struct TileLabel<'a> {
    lines: Vec<String>,
    style: TextStyle<'a>,
    line_height: i32,
}

/// A tile's name as it fits `room` backend px across and `max_lines` lines: whole when it fits;
/// else without the 村 / " Village" suffix every village name ends in; else that on two lines
/// (Chinese split in the middle, "宋家 / 箕山"; Latin at a space, or hyphenated); shortened with
/// an ellipsis only when even that does not fit, and not at all when that would leave less than
/// two characters.
pub fn tile_label_lines(
    measure: MeasureText<'_>,
    name: &str,
    style: &TextStyle<'_>,
    room: i32,
    max_lines: i32,
) -> Vec<String> {
    let fits = |text: &str| styled_width(measure, text, style) <= room;
    if fits(name) {
        return vec![name.to_owned()];
    }
    let short = name
        .strip_suffix('村')
        .or_else(|| name.strip_suffix(" Village"))
        .filter(|short| !short.is_empty())
        .unwrap_or(name);
    if fits(short) {
        return vec![short.to_owned()];
    }
    if max_lines >= 2 {
        if let Some((first, second)) = two_lines(short) {
            if fits(&first) && fits(&second) {
                return vec![first, second];
            }
        }
    }
    // Cut, but only to something recognisable: a lone first character ("宋…") names nothing,
    // so the tile then has no label (its name is in the list, the search and the card).
    let cut = fit_text(measure, short, style, room);
    if cut.trim_end_matches('…').chars().count() >= 2 {
        vec![cut]
    } else {
        Vec::new()
    }
}

/// `text` on two lines of about equal length: at the space nearest the middle, else in the
/// middle (Latin text then hyphenated). `None` for a single character.
fn two_lines(text: &str) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 2 {
        return None;
    }
    let middle = chars.len().div_ceil(2);
    let space = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == ' ')
        .map(|(index, _)| index)
        .min_by_key(|index| index.abs_diff(middle));
    if let Some(space) = space {
        let first: String = chars[..space].iter().collect();
        let second: String = chars[space + 1..].iter().collect();
        return (!first.is_empty() && !second.is_empty()).then_some((first, second));
    }
    let first: String = chars[..middle].iter().collect();
    let second: String = chars[middle..].iter().collect();
    let latin = chars[middle - 1].is_ascii_alphabetic() && chars[middle].is_ascii_alphabetic();
    Some((if latin { format!("{first}-") } else { first }, second))
}

/// The label of a tile `tile_px` backend px wide (at `scale` backend px per CSS px, text
/// `boost` times larger), if the tile is large enough for one.
fn tile_label_at(
    measure: MeasureText<'_>,
    name: &str,
    tile_px: i32,
    scale: f64,
    boost: f64,
) -> Option<TileLabel<'static>> {
    let tile_css = f64::from(tile_px) / scale;
    if tile_css < LABEL_MIN_TILE {
        return None;
    }
    // 9 px at the least: a 320 px phone's tiles hold a four-character name on two lines.
    let size = (tile_css * 0.2).clamp(9.0, 16.0);
    let style = TextStyle::from(("sans-serif", size * boost * scale).into_font())
        .pos(Pos::new(HPos::Center, VPos::Center));
    let stroke = |css: f64| ((css * boost * scale).round() as i32).max(1);
    let line_height = ((size * 1.2 * boost * scale).round() as i32).max(1);
    let lines = tile_label_lines(
        measure,
        name,
        &style,
        tile_px - stroke(4.0),
        (tile_px - stroke(6.0)) / line_height,
    );
    Some(TileLabel {
        lines,
        style,
        line_height,
    })
}

/// The labels of every tile of a schematic `model` drawn whole in a box `width` CSS px wide,
/// laid out as the drawing lays them out: (feature id, lines). Tiles too small for a label
/// have none.
pub fn schematic_tile_labels(
    model: &MapModel,
    width: f64,
    options: &MapDrawOptions<'_>,
) -> Vec<(String, Vec<String>)> {
    let size = (
        width,
        map_height_for_width(model, width, MapHeightLimits::for_mode(model.mode)),
    );
    let projection = map_projection(model, size);
    let view = ViewTransform::default();
    let boost = if options.large { 1.35 } else { 1.0 };
    let px = |point: Point| {
        (screen_from_map(&projection, &view, point).0 * options.scale).round() as i32
    };
    model
        .features
        .iter()
        .filter_map(|feature| {
            let Shape::Tile { origin, side } = feature.shape else {
                return None;
            };
            let tile_px = px((origin.0 + side, origin.1)) - px(origin);
            let label = tile_label_at(
                options.measure,
                &feature.name,
                tile_px,
                options.scale,
                boost,
            )?;
            (!label.lines.is_empty()).then(|| (feature.id.clone(), label.lines))
        })
        .collect()
}

/// Draws a small locator: every outline in a muted tone and the area with `highlight_code` in the
/// accent colour,
/// fitted into the backend (outlines in WGS 84 lon/lat).
pub fn draw_locator<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    outlines: &[(
        crate::core::snapshot::geojson::FeatureNames,
        Vec<crate::core::geo::Polygon>,
    )],
    highlight_code: &str,
    theme: &Theme,
    scale: f64,
) -> Result<(), String> {
    let err = |error: DrawingAreaErrorKind<DB::ErrorType>| error.to_string();
    root.fill(&color(theme.background)).map_err(err)?;
    let (width, height) = root.dim_in_pixel();
    let bounds = Bounds::of_points(
        outlines
            .iter()
            .flat_map(|(_, polygons)| polygons.iter().filter_map(|p| p.first()).flatten()),
    );
    if bounds.is_empty() {
        return Ok(());
    }
    let projection =
        Projection::fit_geographic(bounds, (f64::from(width), f64::from(height)), 4.0 * scale);
    for (names, polygons) in outlines {
        let fill = if names.code == highlight_code {
            theme.series_color(0)
        } else {
            theme.grid.mix(theme.background, 0.4)
        };
        for polygon in polygons {
            if let Some(outer) = polygon.first() {
                let points: Vec<(i32, i32)> = outer
                    .iter()
                    .map(|p| {
                        let (x, y) = projection.forward(*p);
                        (x.round() as i32, y.round() as i32)
                    })
                    .collect();
                root.draw(&plotters::element::Polygon::new(
                    points.clone(),
                    ShapeStyle::from(&color(fill)).filled(),
                ))
                .map_err(err)?;
                root.draw(&PathElement::new(
                    points,
                    ShapeStyle::from(&color(theme.muted_text)).stroke_width(1),
                ))
                .map_err(err)?;
            }
        }
    }
    root.present().map_err(err)?;
    Ok(())
}

fn draw_designation_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    centre: (i32, i32),
    radius: i32,
    level: DesignationLevel,
    rgb: Rgb,
    stroke: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match level {
        DesignationLevel::City | DesignationLevel::Province => root.draw(&Circle::new(
            centre,
            radius,
            ShapeStyle::from(&color(rgb)).filled(),
        )),
        DesignationLevel::County => root.draw(&Circle::new(
            centre,
            radius,
            ShapeStyle::from(&color(rgb)).stroke_width(stroke),
        )),
    }
}

/// Drops points closer than a pixel to the last kept one (and keeps the ring closed).
fn thin_ring(points: impl Iterator<Item = (i32, i32)>) -> Vec<(i32, i32)> {
    let mut kept: Vec<(i32, i32)> = Vec::new();
    let mut first = None;
    for point in points {
        first.get_or_insert(point);
        if kept
            .last()
            .is_none_or(|last| (last.0 - point.0).abs() + (last.1 - point.1).abs() >= 2)
        {
            kept.push(point);
        }
    }
    if let (Some(first), Some(last)) = (first, kept.last()) {
        if *last != first {
            kept.push(first);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::map::model::{map_colouring, map_model_from_snapshot, ColourBy};
    use crate::core::snapshot::load::snapshot_from_json_text;
    use crate::core::theme::ColorScheme;
    use crate::core::Language;

    /// The default snapshot's schematic map, coloured by `colour_by`, in the light theme.
    fn default_map(colour_by: ColourBy) -> (MapModel, Colouring, Theme) {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
        let theme = Theme::for_scheme(ColorScheme::Light);
        let colouring = map_colouring(&model, &snapshot, &colour_by, &theme, Language::Zh);
        (model, colouring, theme)
    }

    /// The map box at a 390 px and a 320 px wide phone (16 px page margins each side).
    const PHONE_BOXES: [f64; 2] = [358.0, 288.0];

    #[test]
    fn no_tile_label_is_cut_to_one_character_and_chinese_names_fit_390_and_320_px_phones() {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        let theme = Theme::for_scheme(ColorScheme::Light);
        for language in [Language::Zh, Language::En] {
            for width in PHONE_BOXES {
                for (scale, large) in [(3.0, false), (2.0, false), (3.0, true)] {
                    let model = map_model_for_width(&snapshot, language, width);
                    let options = MapDrawOptions {
                        theme: &theme,
                        scale,
                        selected: None,
                        large,
                        measure: &crate::core::text_measure::approximate_text_width,
                    };
                    let labels = schematic_tile_labels(&model, width, &options);
                    for (id, lines) in &labels {
                        let text = lines.concat();
                        let kept = text.trim_end_matches('…').trim_end_matches('-');
                        // A label is a recognisable name or nothing (the tile is then too
                        // small for text: its name is in the list, the search and on tap).
                        assert!(
                            !text.contains('…') || kept.chars().count() >= 2,
                            "{language:?} {width} px ×{scale} large={large}: {id} shown as {lines:?}"
                        );
                        assert!(lines.len() <= 2, "{id}: {lines:?}");
                    }
                    if language == Language::Zh && !large {
                        // At 390 and 320 px every village is named in full or without 村, on
                        // one line or two ("宋家 / 箕山"), never cut.
                        assert_eq!(labels.len(), 57, "a label per tile at {width} px ×{scale}");
                        for (id, lines) in &labels {
                            let text = lines.concat();
                            let name = &snapshot.place(id).expect("place").name.zh;
                            assert!(!text.contains('…'), "×{scale}: {id} {lines:?}");
                            assert!(name.starts_with(&text), "{id}: {lines:?} is not {name}");
                            assert!(text.chars().count() + 1 >= name.chars().count());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_phone_layout_is_the_one_with_the_largest_tiles_at_every_phone_width() {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        let tile = |model: &MapModel, width: f64| {
            let size = (
                width,
                map_height_for_width(model, width, MapHeightLimits::for_mode(model.mode)),
            );
            let projection = map_projection(model, size);
            let view = ViewTransform::default();
            screen_from_map(&projection, &view, (1.0, 0.0)).0
                - screen_from_map(&projection, &view, (0.0, 0.0)).0
        };
        for language in [Language::Zh, Language::En] {
            let chosen = narrow_row_width(&snapshot, language);
            let a = map_model_for_width(&snapshot, language, PHONE_BOXES[0]);
            let b = map_model_for_width(&snapshot, language, PHONE_BOXES[1]);
            assert_eq!(a.bounds, b.bounds, "one layout for every phone");
            // No row width tried gives larger tiles than the one chosen.
            for quarters in NARROW_ROW_WIDTHS {
                let other = map_model_from_snapshot(
                    &snapshot,
                    language,
                    f64::from(quarters) * ROW_WIDTH_STEP,
                );
                assert!(
                    tile(&other, PHONE_BOXES[0]) <= tile(&a, PHONE_BOXES[0]) + 0.02,
                    "{language:?}: {quarters} quarters beat {chosen}"
                );
            }
        }
        // The Chinese tiles are 35.8 px on a 390 px phone (31.6 with the earlier fixed width).
        let zh = map_model_for_width(&snapshot, Language::Zh, PHONE_BOXES[0]);
        assert!(
            tile(&zh, PHONE_BOXES[0]) > 35.0,
            "{}",
            tile(&zh, PHONE_BOXES[0])
        );
    }

    #[test]
    fn two_line_labels_split_in_the_middle_or_at_a_space() {
        assert_eq!(two_lines("宋家箕山"), Some(("宋家".into(), "箕山".into())));
        assert_eq!(two_lines("何家庄子"), Some(("何家".into(), "庄子".into())));
        assert_eq!(two_lines("小沈家沟"), Some(("小沈".into(), "家沟".into())));
        assert_eq!(two_lines("垛庄"), Some(("垛".into(), "庄".into())));
        assert_eq!(
            two_lines("Duozhuang (community)"),
            Some(("Duozhuang".into(), "(community)".into()))
        );
        assert_eq!(
            two_lines("Songjiajishan"),
            Some(("Songjia-".into(), "jishan".into()))
        );
        assert_eq!(two_lines("宋"), None);
    }

    #[test]
    fn drawing_in_slices_gives_the_same_picture_as_one_drawing() {
        let (model, colouring, theme) = default_map(ColourBy::Community);
        let size = (
            360.0,
            map_height_for_width(&model, 360.0, MapHeightLimits::for_mode(model.mode)),
        );
        let projection = map_projection(&model, size);
        let options = MapDrawOptions {
            theme: &theme,
            scale: 1.0,
            selected: Some(3),
            large: false,
            measure: &crate::core::text_measure::approximate_text_width,
        };
        let view = ViewTransform::default();
        let backend_size = (size.0 as u32, size.1 as u32);
        let mut whole = String::new();
        let whole_stats = {
            let root = SVGBackend::with_string(&mut whole, backend_size).into_drawing_area();
            draw_map(&root, &model, &colouring, &projection, &view, &options).expect("draws")
        };
        let mut sliced = String::new();
        let mut sliced_drawn = 0;
        {
            let root = SVGBackend::with_string(&mut sliced, backend_size).into_drawing_area();
            let total = model.features.len();
            for start in (0..total).step_by(10) {
                let stats = draw_map_features(
                    &root,
                    &model,
                    &colouring,
                    &projection,
                    &view,
                    &options,
                    start..(start + 10).min(total),
                )
                .expect("draws");
                sliced_drawn += stats.drawn;
            }
        }
        assert_eq!(sliced_drawn, whole_stats.drawn);
        assert!(sliced == whole, "the slices add up to the same SVG");
        // A range past the end draws nothing and does not fail.
        let mut nothing = String::new();
        let root = SVGBackend::with_string(&mut nothing, backend_size).into_drawing_area();
        let stats = draw_map_features(
            &root,
            &model,
            &colouring,
            &projection,
            &view,
            &options,
            500..600,
        )
        .expect("draws");
        assert_eq!(stats.drawn, 0);
    }

    #[test]
    fn schematic_map_draws_every_tile_and_culls_when_zoomed() {
        let (model, colouring, theme) = default_map(ColourBy::Designation);
        let size = (
            360.0,
            map_height_for_width(&model, 360.0, MapHeightLimits::for_mode(model.mode)),
        );
        let backend_size = ((size.0 * 2.0) as u32, (size.1 * 2.0) as u32);
        let projection = map_projection(&model, size);
        let options = MapDrawOptions {
            theme: &theme,
            scale: 2.0,
            selected: Some(0),
            large: false,
            measure: &crate::core::text_measure::approximate_text_width,
        };
        let mut svg = String::new();
        let stats = {
            let root = SVGBackend::with_string(&mut svg, backend_size).into_drawing_area();
            draw_map(
                &root,
                &model,
                &colouring,
                &projection,
                &ViewTransform::default(),
                &options,
            )
            .expect("draws")
        };
        assert_eq!(stats.drawn, 57);
        assert_eq!(stats.culled, 0);
        // A title per group and a label per tile (text is measured crudely natively, so the
        // words themselves may be shortened here; the browser measures real glyphs).
        let labels = schematic_tile_labels(&model, size.0, &options);
        let lines: usize = labels.iter().map(|(_, lines)| lines.len()).sum();
        assert_eq!(svg.matches("<text").count(), model.groups.len() + lines);
        assert_eq!(labels.len(), model.features.len());
        // Zoomed in 8× on a corner: most tiles are culled.
        let view = ViewTransform::default().zoomed_at(8.0, (0.0, 0.0));
        let mut svg = String::new();
        let zoomed = {
            let root = SVGBackend::with_string(&mut svg, backend_size).into_drawing_area();
            draw_map(&root, &model, &colouring, &projection, &view, &options).expect("draws")
        };
        assert!(zoomed.culled > 40, "{zoomed:?}");
        // Screen ↔ map round trip through the projection and view.
        let point = model.features[3].label_at;
        let back = map_from_screen(
            &projection,
            &view,
            screen_from_map(&projection, &view, point),
        );
        assert!((back.0 - point.0).abs() < 1e-9 && (back.1 - point.1).abs() < 1e-9);
    }

    #[test]
    fn thinning_keeps_closure() {
        let ring = vec![(0, 0), (0, 1), (10, 0), (10, 10), (0, 10), (0, 0)];
        let thin = thin_ring(ring.into_iter());
        assert_eq!(thin.first(), thin.last());
        assert!(!thin.contains(&(0, 1)));
    }
}
