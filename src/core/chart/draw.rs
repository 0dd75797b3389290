//! Drawing a [`ChartModel`] with plotters onto any backend: `<canvas>` in the browser
//! (plotters-canvas), SVG for downloads and native tests. One drawing function for all of them.
//!
//! Geometry is in backend pixels: CSS pixels × `scale` (the device pixel ratio), so canvases
//! stay crisp. Each chart lays out rows of one unit height in a plotters `Cartesian2d`
//! coordinate system; hit-testing maps a pixel back to data through that same coordinate
//! system (`reverse_translate`), never through hand-copied arithmetic.
//!
//! Qualifiers are drawn, not only written: an "at least" value gets an open, hatched extension
//! beyond its bar end; an "about" value a hatched, blurred end; an unstated value ("N") a dashed
//! empty box. The legend explains each mark that appears.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::ReverseCoordTranslate;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::core::chart::model::{ChartDatum, ChartModel, Quantity};
use crate::core::chart::scale::{nice_ceiling, nice_ticks, tick_count_for_width};
use crate::core::format::{format_number, format_value};
use crate::core::snapshot::{ChartKind, Qualifier};
use crate::core::text_measure::{fit_text, styled_width, MeasureText};
use crate::core::theme::{Rgb, Theme};
use crate::core::Language;

/// Font family for chart text. The browser picks a CJK face for Chinese glyphs.
const FONT_FAMILY: &str = "sans-serif";
/// Horizontal padding, CSS px.
const PAD_X: f64 = 4.0;
/// Space above the first row, CSS px.
const PAD_TOP: f64 = 6.0;
/// Bottom axis height for charts with a shared axis, CSS px.
const AXIS_HEIGHT: f64 = 22.0;
/// Most boxes a structure tier draws one by one; more are drawn as a bar.
const MAX_STRUCTURE_BOXES: f64 = 20.0;

/// Row height in CSS px for each kind of chart.
fn row_height(kind: ChartKind) -> f64 {
    match kind {
        ChartKind::Comparison | ChartKind::PartOfWhole => 50.0,
        ChartKind::SmallMultiples => 62.0,
        ChartKind::Structure => 60.0,
        ChartKind::TimeSeries => 0.0,
    }
}

/// The CSS height a chart needs for `rows` visible data.
pub fn chart_height_css(kind: ChartKind, rows: usize) -> f64 {
    let rows = rows.max(1) as f64;
    match kind {
        ChartKind::TimeSeries => 240.0,
        ChartKind::Comparison => PAD_TOP + rows * row_height(kind) + AXIS_HEIGHT,
        _ => PAD_TOP + rows * row_height(kind) + 4.0,
    }
}

/// How to draw.
#[derive(Clone)]
pub struct DrawOptions<'a> {
    pub theme: &'a Theme,
    /// Backend pixels per CSS pixel (the device pixel ratio, or 2 for a PNG download).
    pub scale: f64,
    /// Indicator ids the reader has switched off in the legend.
    pub hidden: &'a [String],
    /// The datum (index into `model.data`) with keyboard focus, if any.
    pub focus: Option<usize>,
    /// Thicker strokes and larger text (elder-friendly mode).
    pub large: bool,
    /// Measures text (the browser's canvas in the app; an approximation natively).
    pub measure: MeasureText<'a>,
}

/// One place a datum can be hit.
#[derive(Debug, Clone, PartialEq)]
pub struct HitTarget {
    /// Index into `model.data`.
    pub datum: usize,
    /// The target's extent in chart (data) coordinates.
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// Where a tooltip points, in backend pixels.
    pub anchor: (i32, i32),
}

/// What a drawn chart knows about where its data are: enough to hit-test and place tooltips.
#[derive(Clone)]
pub struct ChartHits {
    coord: Cartesian2d<RangedCoordf64, RangedCoordf64>,
    pub targets: Vec<HitTarget>,
    /// For point charts: how near (backend px) a pointer must be to a point.
    point_radius: Option<f64>,
}

impl ChartHits {
    /// The datum under a backend pixel, through the chart's coordinate mapping.
    pub fn datum_at(&self, pixel: (i32, i32)) -> Option<usize> {
        if let Some(radius) = self.point_radius {
            return self
                .targets
                .iter()
                .map(|target| {
                    let dx = f64::from(target.anchor.0 - pixel.0);
                    let dy = f64::from(target.anchor.1 - pixel.1);
                    (target.datum, (dx * dx + dy * dy).sqrt())
                })
                .filter(|&(_, distance)| distance <= radius)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(datum, _)| datum);
        }
        let (x, y) = self.coord.reverse_translate(pixel)?;
        self.targets
            .iter()
            .find(|target| {
                (target.x_range.0..=target.x_range.1).contains(&x)
                    && (target.y_range.0..=target.y_range.1).contains(&y)
            })
            .map(|target| target.datum)
    }

    /// The tooltip anchor of a datum, in backend pixels (the first target if several).
    pub fn anchor_of(&self, datum: usize) -> Option<(i32, i32)> {
        self.targets
            .iter()
            .find(|target| target.datum == datum)
            .map(|target| target.anchor)
    }

    /// The data that were drawn, in reading order (for keyboard navigation).
    pub fn drawn_data(&self) -> Vec<usize> {
        let mut data: Vec<usize> = Vec::new();
        for target in &self.targets {
            if !data.contains(&target.datum) {
                data.push(target.datum);
            }
        }
        data
    }
}

fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// Endpoints of 45° hatch lines (bottom-left to top-right) clipped to a pixel rectangle.
pub fn hatch_lines(
    (left, top): (i32, i32),
    (right, bottom): (i32, i32),
    spacing: i32,
) -> Vec<[(i32, i32); 2]> {
    let spacing = spacing.max(2);
    let (x0, x1) = (left.min(right), left.max(right));
    let (y0, y1) = (top.min(bottom), top.max(bottom));
    let mut lines = Vec::new();
    // Lines x + y = c, for c across the rectangle.
    let mut c = x0 + y0 + spacing;
    while c < x1 + y1 {
        // Intersections with the rectangle's edges, clipped.
        let start_x = (c - y1).max(x0);
        let start = (start_x, c - start_x);
        let end_x = (c - y0).min(x1);
        let end = (end_x, c - end_x);
        if start.0 <= end.0 {
            lines.push([start, end]);
        }
        c += spacing;
    }
    lines
}

/// Drawing context shared by the chart kinds.
struct Painter<'a, 'b, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, plotters::coord::Shift>,
    options: &'a DrawOptions<'b>,
    width: i32,
}

impl<DB: DrawingBackend> Painter<'_, '_, DB> {
    fn px(&self, css: f64) -> i32 {
        (css * self.options.scale).round() as i32
    }

    fn font_px(&self, css: f64) -> f64 {
        let boost = if self.options.large { 1.3 } else { 1.0 };
        css * boost * self.options.scale
    }

    fn stroke(&self, css: f64) -> u32 {
        let boost = if self.options.large { 2.0 } else { 1.0 };
        ((css * boost * self.options.scale).round() as u32).max(1)
    }

    fn text_style(&self, size_css: f64, rgb: Rgb, pos: Pos, bold: bool) -> TextStyle<'static> {
        let font = (FONT_FAMILY, self.font_px(size_css)).into_font();
        let font = if bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        font.color(&color(rgb)).pos(pos)
    }

    fn text_width(&self, text: &str, style: &TextStyle<'_>) -> i32 {
        styled_width(self.options.measure, text, style)
    }

    /// `text`, shortened with "…" to fit `max_width` backend pixels.
    fn fit_text(&self, text: &str, style: &TextStyle<'_>, max_width: i32) -> String {
        fit_text(self.options.measure, text, style, max_width)
    }

    fn text(&self, text: &str, at: (i32, i32), style: &TextStyle<'_>) -> Result<(), String> {
        self.root
            .draw(&Text::new(text.to_owned(), at, style.clone()))
            .map_err(|error| error.to_string())
    }

    fn rect(&self, a: (i32, i32), b: (i32, i32), style: ShapeStyle) -> Result<(), String> {
        self.root
            .draw(&Rectangle::new([a, b], style))
            .map_err(|error| error.to_string())
    }

    fn line(&self, a: (i32, i32), b: (i32, i32), style: ShapeStyle) -> Result<(), String> {
        self.root
            .draw(&PathElement::new(vec![a, b], style))
            .map_err(|error| error.to_string())
    }

    fn dashed_box(&self, a: (i32, i32), b: (i32, i32), rgb: Rgb) -> Result<(), String> {
        let style = ShapeStyle::from(&color(rgb)).stroke_width(self.stroke(1.5));
        let corners = [a, (b.0, a.1), b, (a.0, b.1), a];
        let dash = self.px(4.0);
        self.root
            .draw(&DashedPathElement::new(corners, dash, dash, style))
            .map_err(|error| error.to_string())
    }

    fn hatch(&self, a: (i32, i32), b: (i32, i32), rgb: Rgb) -> Result<(), String> {
        let style = ShapeStyle::from(&color(rgb)).stroke_width(self.stroke(1.25));
        for [start, end] in hatch_lines(a, b, self.px(5.0)) {
            self.line(start, end, style)?;
        }
        Ok(())
    }

    /// Thin background-coloured lines over a bar, different for each series (index % 3):
    /// none, vertical stripes, a horizontal band.
    fn series_pattern(&self, a: (i32, i32), b: (i32, i32), index: usize) -> Result<(), String> {
        let style =
            ShapeStyle::from(&color(self.options.theme.background)).stroke_width(self.stroke(0.75));
        match index % 3 {
            1 => {
                let step = self.px(4.0).max(2);
                let mut x = a.0 + step;
                while x < b.0 {
                    self.line((x, a.1), (x, b.1), style)?;
                    x += step;
                }
                Ok(())
            }
            2 => {
                let middle = (a.1 + b.1) / 2;
                self.line((a.0, middle), (b.0, middle), style)
            }
            _ => Ok(()),
        }
    }

    /// A horizontal bar from pixel x `start` to `end` with its qualifier drawn in.
    /// `tail` is the length (backend px) of the "at least"/"about" marks.
    fn qualified_bar(
        &self,
        (start, end): (i32, i32),
        (top, bottom): (i32, i32),
        quantity: Quantity,
        rgb: Rgb,
        tail: i32,
    ) -> Result<(), String> {
        let fill = ShapeStyle::from(&color(rgb)).filled();
        let edge = ShapeStyle::from(&color(rgb)).stroke_width(self.stroke(1.5));
        match quantity.qualifier {
            Qualifier::Exact => self.rect((start, top), (end.max(start + 1), bottom), fill),
            Qualifier::AtLeast => {
                self.rect((start, top), (end.max(start + 1), bottom), fill)?;
                // Open, hatched extension: the true value lies somewhere beyond.
                self.hatch((end, top), (end + tail, bottom), rgb)?;
                self.line((end, top), (end + tail, top), edge)?;
                self.line((end, bottom), (end + tail, bottom), edge)
            }
            Qualifier::About => {
                let soft_start = (end - tail / 2).max(start);
                self.rect((start, top), (soft_start.max(start + 1), bottom), fill)?;
                self.hatch((soft_start, top), (end + tail / 2, bottom), rgb)?;
                self.dashed_box((soft_start, top), (end + tail / 2, bottom), rgb)
            }
            Qualifier::AtMost => {
                let soft_start = (end - tail).max(start);
                self.rect((start, top), (soft_start.max(start + 1), bottom), fill)?;
                self.hatch((soft_start, top), (end, bottom), rgb)?;
                self.line((end, top), (end, bottom), edge)
            }
        }
    }
}

/// Draws `model` onto `root` (which the caller has sized) and returns where its data are.
pub fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    model: &ChartModel,
    options: &DrawOptions<'_>,
) -> Result<ChartHits, String> {
    let theme = options.theme;
    root.fill(&color(theme.background))
        .map_err(|error| error.to_string())?;
    let (width, height) = root.dim_in_pixel();
    let painter = Painter {
        root,
        options,
        width: width as i32,
    };
    let visible: Vec<usize> = (0..model.data.len())
        .filter(|&index| !options.hidden.contains(&model.data[index].indicator_id))
        .collect();
    let empty_hits = || ChartHits {
        coord: Cartesian2d::new(0.0..1.0, 0.0..1.0, (0..1, 0..1)),
        targets: Vec::new(),
        point_radius: None,
    };
    if visible.is_empty() {
        let message = crate::core::wording::ALL_SERIES_HIDDEN.get(model.language);
        let style = painter.text_style(
            13.0,
            theme.muted_text,
            Pos::new(HPos::Center, VPos::Center),
            false,
        );
        painter.text(message, (width as i32 / 2, height as i32 / 2), &style)?;
        return Ok(empty_hits());
    }
    let hits = match model.kind {
        ChartKind::TimeSeries => draw_time_series(&painter, model, &visible)?,
        kind => draw_rows(&painter, model, &visible, kind)?,
    };
    root.present().map_err(|error| error.to_string())?;
    Ok(hits)
}

/// Charts made of one row per datum: comparison, small multiples, part of whole, structure.
fn draw_rows<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    model: &ChartModel,
    visible: &[usize],
    kind: ChartKind,
) -> Result<ChartHits, String> {
    let theme = painter.options.theme;
    let language = model.language;
    let rows = visible.len() as f64;
    let pad_x = painter.px(PAD_X);
    let axis = if kind == ChartKind::Comparison {
        painter.px(AXIS_HEIGHT)
    } else {
        painter.px(4.0)
    };
    // A shared axis for comparison charts; fractions of each row's own scale otherwise.
    let shared_max = visible
        .iter()
        .filter_map(|&index| model.data[index].quantity.value)
        .fold(0.0_f64, f64::max);
    let x_end = match kind {
        ChartKind::Comparison => nice_ceiling(shared_max * 1.08),
        ChartKind::Structure => visible
            .iter()
            .map(|&index| {
                model.data[index]
                    .quantity
                    .value
                    .unwrap_or(3.0)
                    .min(MAX_STRUCTURE_BOXES)
            })
            .fold(5.0_f64, f64::max),
        _ => 1.0,
    };
    let chart = ChartBuilder::on(painter.root)
        .margin_left(pad_x as u32)
        .margin_right(pad_x as u32)
        .margin_top(painter.px(PAD_TOP) as u32)
        .margin_bottom(axis as u32)
        .build_cartesian_2d(0.0..x_end, 0.0..rows)
        .map_err(|error| error.to_string())?;
    let at = |x: f64, y: f64| chart.backend_coord(&(x, y));
    let row_top = |row: usize| rows - row as f64;
    let fraction_y = |row: usize, fraction: f64| row_top(row) - fraction;
    let label_style =
        painter.text_style(13.0, theme.text, Pos::new(HPos::Left, VPos::Center), false);
    let value_style =
        painter.text_style(14.0, theme.text, Pos::new(HPos::Right, VPos::Center), true);
    let tick_style =
        |h: HPos| painter.text_style(11.0, theme.muted_text, Pos::new(h, VPos::Top), false);
    let grid = ShapeStyle::from(&color(theme.grid)).stroke_width(painter.stroke(1.0));
    let left_px = at(0.0, 0.0).0;
    let right_px = at(x_end, 0.0).0;
    let plot_width = (right_px - left_px).max(1);

    // Shared axis: grid lines and tick labels at the bottom.
    if kind == ChartKind::Comparison {
        shared_axis(
            painter,
            &at,
            (x_end, rows),
            plot_width,
            grid,
            &tick_style,
            language,
        )?;
    }

    let row_px = f64::from(at(0.0, 0.0).1 - at(0.0, 1.0).1);
    let label_frac = 20.0 / row_height(kind);
    let bar_top_frac = 22.0 / row_height(kind);
    let bar_bottom_frac = if kind == ChartKind::Structure {
        46.0 / row_height(kind)
    } else {
        38.0 / row_height(kind)
    };
    let tail = (f64::from(plot_width) * 0.06).round() as i32;
    let mut targets = Vec::new();
    for (row, &index) in visible.iter().enumerate() {
        let datum = &model.data[index];
        let rgb = theme.series_color(index);
        let label_y = at(0.0, fraction_y(row, label_frac / 2.0)).1;
        let (_, bar_top) = at(0.0, fraction_y(row, bar_top_frac));
        let (_, bar_bottom) = at(0.0, fraction_y(row, bar_bottom_frac));

        // Value text on the right of the label line; the label gets the rest of the width.
        let value_text = match (kind, &datum.whole) {
            (ChartKind::PartOfWhole, Some((_, whole))) => format!(
                "{} / {}",
                datum.value_mark(language),
                format_value(whole.value, whole.qualifier, language)
            ),
            _ => datum.value_with_unit(language),
        };
        let value_width = painter.text_width(&value_text, &value_style);
        painter.text(&value_text, (right_px, label_y), &value_style)?;
        let label_room = plot_width - value_width - painter.px(10.0);
        let label = painter.fit_text(&datum.label, &label_style, label_room);
        painter.text(&label, (left_px, label_y), &label_style)?;

        let quantity = datum.quantity;
        let pattern_index = index;
        let bar = RowBar {
            left: left_px,
            right: right_px,
            top: bar_top,
            bottom: bar_bottom,
            tail,
            rgb,
        };
        let anchor_x = match kind {
            ChartKind::Comparison => comparison_bar(painter, &bar, &at, quantity)?,
            ChartKind::SmallMultiples => {
                small_multiple_bar(painter, &bar, &at, quantity, grid, &tick_style, language)?
            }
            ChartKind::PartOfWhole => part_of_whole_bar(painter, &bar, &at, datum)?,
            ChartKind::Structure => structure_boxes(painter, &bar, &at, quantity)?,
            ChartKind::TimeSeries => left_px,
        };
        if painter.options.large && quantity.value.is_some() && anchor_x > left_px {
            // A pattern per series as well as a colour (large-text mode).
            painter.series_pattern(
                (left_px, bar_top),
                (anchor_x.min(right_px), bar_bottom),
                pattern_index,
            )?;
        }
        if painter.options.focus == Some(index) {
            let top = at(0.0, row_top(row)).1;
            focus_ring(painter, left_px - pad_x, top, row_px.round() as i32)?;
        }
        targets.push(HitTarget {
            datum: index,
            x_range: (0.0, x_end),
            y_range: (row_top(row) - 1.0, row_top(row)),
            anchor: (anchor_x, (bar_top + bar_bottom) / 2),
        });
    }
    Ok(ChartHits {
        coord: chart.as_coord_spec().clone(),
        targets,
        point_radius: None,
    })
}

/// Where a row's bar goes (backend px) and its colour.
struct RowBar {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// Length of the "at least"/"about" marks.
    tail: i32,
    rgb: Rgb,
}

/// Chart coordinates → backend px.
type At<'a> = dyn Fn(f64, f64) -> (i32, i32) + 'a;

/// The comparison chart's shared axis: grid lines and tick labels at the bottom.
fn shared_axis<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    at: &At<'_>,
    (x_end, rows): (f64, f64),
    plot_width: i32,
    grid: ShapeStyle,
    tick_style: &dyn Fn(HPos) -> TextStyle<'static>,
    language: Language,
) -> Result<(), String> {
    let count = tick_count_for_width(f64::from(plot_width), painter.font_px(11.0) * 5.0);
    for tick in nice_ticks(x_end, count)
        .into_iter()
        .filter(|&t| t <= x_end + 1e-9)
    {
        let (x, top) = at(tick, rows);
        let (_, bottom) = at(tick, 0.0);
        painter.line((x, top), (x, bottom), grid)?;
        let h = if tick == 0.0 {
            HPos::Left
        } else if (tick - x_end).abs() < 1e-9 {
            HPos::Right
        } else {
            HPos::Center
        };
        painter.text(
            &format_number(tick, language),
            (x, bottom + painter.px(4.0)),
            &tick_style(h),
        )?;
    }
    Ok(())
}

/// A bar on the shared axis; where its end is.
fn comparison_bar<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    bar: &RowBar,
    at: &At<'_>,
    quantity: Quantity,
) -> Result<i32, String> {
    let Some(value) = quantity.value else {
        return Ok(bar.left);
    };
    let end = at(value, 0.0).0;
    painter.qualified_bar(
        (bar.left, end),
        (bar.top, bar.bottom),
        quantity,
        bar.rgb,
        bar.tail,
    )?;
    Ok(end)
}

/// A bar on the row's own scale, labelled at both ends; where its end is.
fn small_multiple_bar<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    bar: &RowBar,
    at: &At<'_>,
    quantity: Quantity,
    grid: ShapeStyle,
    tick_style: &dyn Fn(HPos) -> TextStyle<'static>,
    language: Language,
) -> Result<i32, String> {
    let Some(value) = quantity.value else {
        return Ok(bar.left);
    };
    let row_max = nice_ceiling(value * 1.08);
    let end = at(value / row_max, 0.0).0;
    painter.line((bar.left, bar.bottom), (bar.right, bar.bottom), grid)?;
    painter.qualified_bar(
        (bar.left, end),
        (bar.top, bar.bottom),
        quantity,
        bar.rgb,
        bar.tail,
    )?;
    let tick_y = bar.bottom + painter.px(3.0);
    painter.text("0", (bar.left, tick_y), &tick_style(HPos::Left))?;
    painter.text(
        &format_number(row_max, language),
        (bar.right, tick_y),
        &tick_style(HPos::Right),
    )?;
    Ok(end)
}

/// The part against the whole the source states (a light bar for the whole); where the part
/// ends. An unstated part is a dashed box.
fn part_of_whole_bar<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    bar: &RowBar,
    at: &At<'_>,
    datum: &ChartDatum,
) -> Result<i32, String> {
    let theme = painter.options.theme;
    let quantity = datum.quantity;
    let whole = datum.whole.as_ref().and_then(|(_, whole)| whole.value);
    if let (Some(part), Some(whole)) = (quantity.value, whole.filter(|w| *w > 0.0)) {
        let background = bar.rgb.mix(theme.background, 0.78);
        painter.rect(
            (bar.left, bar.top),
            (bar.right, bar.bottom),
            ShapeStyle::from(&color(background)).filled(),
        )?;
        painter.rect(
            (bar.left, bar.top),
            (bar.right, bar.bottom),
            ShapeStyle::from(&color(bar.rgb)).stroke_width(painter.stroke(1.0)),
        )?;
        let end = at((part / whole).clamp(0.0, 1.0), 0.0).0;
        painter.qualified_bar(
            (bar.left, end),
            (bar.top, bar.bottom),
            quantity,
            bar.rgb,
            bar.tail,
        )?;
        return Ok(end);
    }
    if quantity.value.is_none() {
        painter.dashed_box(
            (bar.left, bar.top),
            (bar.left + bar.tail * 2, bar.bottom),
            bar.rgb,
        )?;
    }
    Ok(bar.left)
}

/// A tier of a structure: one box per unit (up to a limit, then a bar), or, unstated, three
/// dashed boxes and an ellipsis, never a number; where it ends.
fn structure_boxes<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    bar: &RowBar,
    at: &At<'_>,
    quantity: Quantity,
) -> Result<i32, String> {
    let box_gap = 0.18;
    match quantity.value {
        Some(value) if value <= MAX_STRUCTURE_BOXES => {
            let one = Quantity {
                value: Some(1.0),
                qualifier: Qualifier::Exact,
            };
            for index in 0..(value as usize) {
                let x = index as f64;
                let (a, b) = (at(x, 0.0).0, at(x + 1.0 - box_gap, 0.0).0);
                painter.qualified_bar((a, b), (bar.top, bar.bottom), one, bar.rgb, 0)?;
            }
            Ok(at(value.max(1.0) - box_gap, 0.0).0)
        }
        Some(_) => {
            let end = at(MAX_STRUCTURE_BOXES, 0.0).0;
            painter.qualified_bar(
                (bar.left, end),
                (bar.top, bar.bottom),
                quantity,
                bar.rgb,
                bar.tail,
            )?;
            Ok(end)
        }
        None => {
            for index in 0..3 {
                let x = index as f64;
                painter.dashed_box(
                    (at(x, 0.0).0, bar.top),
                    (at(x + 1.0 - box_gap, 0.0).0, bar.bottom),
                    bar.rgb,
                )?;
            }
            let theme = painter.options.theme;
            let style =
                painter.text_style(14.0, theme.text, Pos::new(HPos::Left, VPos::Center), true);
            painter.text("… N", (at(3.0, 0.0).0, (bar.top + bar.bottom) / 2), &style)?;
            Ok(at(3.0 - box_gap, 0.0).0)
        }
    }
}

/// The keyboard focus ring around a row starting at `left`, `top`, `height` px tall.
fn focus_ring<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    left: i32,
    top: i32,
    height: i32,
) -> Result<(), String> {
    let theme = painter.options.theme;
    let focus = ShapeStyle::from(&color(theme.focus)).stroke_width(painter.stroke(2.0));
    let inset = painter.px(1.0);
    painter.rect(
        (left + inset, top + inset),
        (painter.width - inset - 1, top + height - inset),
        focus,
    )
}

/// A line per indicator over its periods. Points of qualified values are drawn open.
fn draw_time_series<DB: DrawingBackend>(
    painter: &Painter<'_, '_, DB>,
    model: &ChartModel,
    visible: &[usize],
) -> Result<ChartHits, String> {
    let theme = painter.options.theme;
    let language = model.language;
    let mut periods: Vec<&str> = Vec::new();
    for &index in visible {
        for entry in &model.data[index].series {
            if !periods.contains(&entry.period.as_str()) {
                periods.push(&entry.period);
            }
        }
    }
    crate::core::sort::sort(&mut periods);
    let max = visible
        .iter()
        .flat_map(|&index| model.data[index].series.iter())
        .filter_map(|entry| entry.quantity.value)
        .fold(0.0_f64, f64::max);
    let y_end = nice_ceiling(max * 1.05);
    let x_end = (periods.len().max(2) - 1) as f64;
    let left = painter.px(44.0);
    let chart = ChartBuilder::on(painter.root)
        .margin_left(left as u32)
        .margin_right(painter.px(16.0) as u32)
        .margin_top(painter.px(12.0) as u32)
        .margin_bottom(painter.px(28.0) as u32)
        .build_cartesian_2d(-0.25..x_end + 0.25, 0.0..y_end)
        .map_err(|error| error.to_string())?;
    let at = |x: f64, y: f64| chart.backend_coord(&(x, y));
    let grid = ShapeStyle::from(&color(theme.grid)).stroke_width(painter.stroke(1.0));
    let tick_left = painter.text_style(
        11.0,
        theme.muted_text,
        Pos::new(HPos::Right, VPos::Center),
        false,
    );
    let tick_bottom = painter.text_style(
        11.0,
        theme.muted_text,
        Pos::new(HPos::Center, VPos::Top),
        false,
    );
    for tick in nice_ticks(y_end, 4) {
        let (x0, y) = at(-0.25, tick);
        let (x1, _) = at(x_end + 0.25, tick);
        painter.line((x0, y), (x1, y), grid)?;
        painter.text(
            &format_number(tick, language),
            (x0 - painter.px(4.0), y),
            &tick_left,
        )?;
    }
    for (position, period) in periods.iter().enumerate() {
        let (x, y) = at(position as f64, 0.0);
        painter.text(period, (x, y + painter.px(6.0)), &tick_bottom)?;
    }
    let mut targets = Vec::new();
    let radius = painter.px(4.5);
    for &index in visible {
        let datum: &ChartDatum = &model.data[index];
        let rgb = theme.series_color(index);
        let line_style = ShapeStyle::from(&color(rgb)).stroke_width(painter.stroke(2.0));
        let points: Vec<(usize, Quantity)> = datum
            .series
            .iter()
            .filter_map(|entry| {
                let position = periods.iter().position(|p| *p == entry.period)?;
                Some((position, entry.quantity))
            })
            .collect();
        let path: Vec<(i32, i32)> = points
            .iter()
            .filter_map(|(position, quantity)| Some(at(*position as f64, quantity.value?)))
            .collect();
        painter
            .root
            .draw(&PathElement::new(path, line_style))
            .map_err(|error| error.to_string())?;
        for (position, quantity) in points {
            let Some(value) = quantity.value else {
                continue;
            };
            let centre = at(position as f64, value);
            let style = if quantity.qualifier == Qualifier::Exact {
                ShapeStyle::from(&color(rgb)).filled()
            } else {
                ShapeStyle::from(&color(rgb)).stroke_width(painter.stroke(2.0))
            };
            if quantity.qualifier != Qualifier::Exact {
                painter
                    .root
                    .draw(&Circle::new(
                        centre,
                        radius,
                        ShapeStyle::from(&color(theme.background)).filled(),
                    ))
                    .map_err(|error| error.to_string())?;
            }
            painter
                .root
                .draw(&Circle::new(centre, radius, style))
                .map_err(|error| error.to_string())?;
            if painter.options.focus == Some(index) {
                let focus = ShapeStyle::from(&color(theme.focus)).stroke_width(painter.stroke(2.0));
                painter
                    .root
                    .draw(&Circle::new(centre, radius * 2, focus))
                    .map_err(|error| error.to_string())?;
            }
            targets.push(HitTarget {
                datum: index,
                x_range: (position as f64, position as f64),
                y_range: (value, value),
                anchor: centre,
            });
        }
    }
    Ok(ChartHits {
        coord: chart.as_coord_spec().clone(),
        targets,
        point_radius: Some(f64::from(painter.px(22.0))),
    })
}

/// The size in pixels of the chart's SVG document `width_css` wide.
pub fn svg_size(model: &ChartModel, options: &DrawOptions<'_>, width_css: u32) -> (u32, u32) {
    let visible = model
        .data
        .iter()
        .filter(|datum| !options.hidden.contains(&datum.indicator_id))
        .count();
    let height_css = chart_height_css(model.kind, visible).ceil() as u32;
    let scale = options.scale;
    (
        (f64::from(width_css) * scale).round() as u32,
        (f64::from(height_css) * scale).round() as u32,
    )
}

/// The chart as an SVG document (the pre-rendered page and native tests; the browser's SVG
/// download draws the same through its one backend type).
pub fn svg_from_chart(
    model: &ChartModel,
    options: &DrawOptions<'_>,
    width_css: u32,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let size = svg_size(model, options, width_css);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_chart(&root, model, options)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::model::chart_models;
    use crate::core::snapshot::load::snapshot_from_json_text;
    use crate::core::theme::ColorScheme;
    use crate::core::Language;

    fn models() -> Vec<ChartModel> {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        chart_models(&snapshot, Language::Zh)
    }

    fn draw_svg(model: &ChartModel, hidden: &[String], scale: f64) -> (String, ChartHits) {
        let theme = Theme::for_scheme(ColorScheme::Light);
        let options = DrawOptions {
            theme: &theme,
            scale,
            hidden,
            focus: None,
            large: false,
            measure: &crate::core::text_measure::approximate_text_width,
        };
        let height = chart_height_css(model.kind, model.data.len() - hidden.len());
        let size = ((360.0 * scale) as u32, (height * scale).ceil() as u32);
        let mut svg = String::new();
        let hits = {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            draw_chart(&root, model, &options).expect("draws")
        };
        (svg, hits)
    }

    #[test]
    fn every_chart_draws_and_every_datum_is_hit_at_its_anchor() {
        for model in models() {
            for scale in [1.0, 3.0] {
                let (svg, hits) = draw_svg(&model, &[], scale);
                assert!(svg.contains("<svg"), "{}", model.id);
                assert_eq!(hits.drawn_data().len(), model.data.len(), "{}", model.id);
                for (index, _) in model.data.iter().enumerate() {
                    let anchor = hits.anchor_of(index).expect("anchor");
                    assert_eq!(
                        hits.datum_at(anchor),
                        Some(index),
                        "{} datum {index} at {anchor:?} (scale {scale})",
                        model.id
                    );
                }
            }
        }
    }

    #[test]
    fn hit_testing_finds_rows_and_misses_outside() {
        let models = models();
        let courtyards = models
            .iter()
            .find(|model| model.id == "environment-courtyards")
            .expect("chart");
        let (_, hits) = draw_svg(courtyards, &[], 1.0);
        // Anywhere on a row's band counts (big touch targets), not only on the bar.
        let first = hits.anchor_of(0).expect("anchor");
        let second = hits.anchor_of(1).expect("anchor");
        assert_eq!(hits.datum_at((350, first.1)), Some(0));
        assert_eq!(hits.datum_at((10, second.1)), Some(1));
        assert_eq!(hits.datum_at((-5, first.1)), None);
        assert_eq!(hits.datum_at((100, 10_000)), None);
        // Premium (1200) is drawn shorter than beautiful (3400).
        assert!(second.0 < first.0);
        let ratio = f64::from(second.0 - 4) / f64::from(first.0 - 4);
        assert!((ratio - 1200.0 / 3400.0).abs() < 0.02, "{ratio}");
    }

    #[test]
    fn hiding_a_series_removes_it_and_rescales() {
        let models = models();
        let courtyards = models
            .iter()
            .find(|model| model.id == "environment-courtyards")
            .expect("chart");
        let hidden = vec!["beautiful_courtyards".to_owned()];
        let (svg_all, _) = draw_svg(courtyards, &[], 1.0);
        let (svg_one, hits) = draw_svg(courtyards, &hidden, 1.0);
        assert_ne!(svg_all, svg_one);
        assert_eq!(hits.drawn_data(), vec![1]);
        assert!(svg_all.contains("3400户"));
        assert!(!svg_one.contains("3400户"));
        assert!(svg_one.contains("1200户"));
    }

    #[test]
    fn qualifiers_are_drawn_differently() {
        let models = models();
        let cleanup = models
            .iter()
            .find(|model| model.id == "environment-cleanup")
            .expect("chart");
        let (svg, _) = draw_svg(cleanup, &[], 1.0);
        assert!(svg.contains("10+辆"), "at-least value keeps its mark");
        // Hatching is drawn as many thin lines: count polylines in the SVG.
        let lines = svg.matches("<polyline").count();
        assert!(lines > 10, "expected hatching, found {lines} polylines");
        let structure = models
            .iter()
            .find(|model| model.kind == ChartKind::Structure)
            .expect("structure");
        let (svg, _) = draw_svg(structure, &[], 1.0);
        assert!(svg.contains("… N"), "an unstated tier says N");
    }

    #[test]
    fn all_hidden_says_so() {
        let models = models();
        let model = &models[0];
        let hidden: Vec<String> = model.data.iter().map(|d| d.indicator_id.clone()).collect();
        let theme = Theme::for_scheme(ColorScheme::Dark);
        let options = DrawOptions {
            theme: &theme,
            scale: 1.0,
            hidden: &hidden,
            focus: None,
            large: true,
            measure: &crate::core::text_measure::approximate_text_width,
        };
        let svg = svg_from_chart(model, &options, 320).expect("svg");
        assert!(svg.contains("所有数据系列均已隐藏"));
    }

    #[test]
    fn hatch_lines_stay_inside_their_rectangle() {
        let lines = hatch_lines((10, 20), (40, 30), 4);
        assert!(!lines.is_empty());
        for [a, b] in lines {
            for (x, y) in [a, b] {
                assert!((10..=40).contains(&x) && (20..=30).contains(&y), "{x},{y}");
            }
            assert_eq!(a.0 + a.1, b.0 + b.1, "45° line");
        }
        assert!(hatch_lines((0, 0), (0, 0), 4).is_empty());
    }

    /// A synthetic time series (test data, generated here, never shown as real).
    fn synthetic_time_series() -> ChartModel {
        use crate::core::chart::model::{ChartDatum, PeriodQuantity};
        let series = |values: &[(u32, f64, Qualifier)]| {
            values
                .iter()
                .map(|&(year, value, qualifier)| PeriodQuantity {
                    period: year.to_string(),
                    quantity: Quantity {
                        value: Some(value),
                        qualifier,
                    },
                })
                .collect::<Vec<_>>()
        };
        let datum = |id: &str, values: Vec<PeriodQuantity>| ChartDatum {
            indicator_id: id.to_owned(),
            label: format!("synthetic {id}"),
            unit: "units".to_owned(),
            quantity: values.last().expect("values").quantity,
            period: values.last().expect("values").period.clone(),
            whole: None,
            series: values,
            quote: "synthetic".to_owned(),
            note: None,
        };
        ChartModel {
            id: "synthetic-series".to_owned(),
            kind: ChartKind::TimeSeries,
            title: "synthetic".to_owned(),
            data: vec![
                datum(
                    "a",
                    series(&[
                        (2019, 10.0, Qualifier::Exact),
                        (2020, 30.0, Qualifier::AtLeast),
                        (2021, 20.0, Qualifier::Exact),
                    ]),
                ),
                datum(
                    "b",
                    series(&[
                        (2019, 5.0, Qualifier::About),
                        (2021, 40.0, Qualifier::Exact),
                    ]),
                ),
            ],
            language: Language::En,
        }
    }

    #[test]
    fn time_series_points_are_hit_and_open_for_qualified_values() {
        let model = synthetic_time_series();
        let (svg, hits) = draw_svg(&model, &[], 2.0);
        // 3 + 2 points; every point is hit at its anchor and maps to its indicator.
        assert_eq!(hits.targets.len(), 5);
        for target in &hits.targets {
            assert_eq!(hits.datum_at(target.anchor), Some(target.datum));
        }
        // The 2021 point of "b" (40) is higher on screen than the 2021 point of "a" (20).
        let top_of = |datum: usize| {
            hits.targets
                .iter()
                .filter(|t| t.datum == datum)
                .map(|t| t.anchor)
                .max_by_key(|a| a.0)
                .expect("point")
        };
        assert!(top_of(1).1 < top_of(0).1);
        assert!(svg.contains("2019") && svg.contains("2021"));
        assert_eq!(hits.datum_at((-100, -100)), None);
    }

    #[test]
    fn heights_grow_with_rows() {
        assert!(
            chart_height_css(ChartKind::Comparison, 4) > chart_height_css(ChartKind::Comparison, 2)
        );
        assert_eq!(chart_height_css(ChartKind::TimeSeries, 9), 240.0);
    }
}
