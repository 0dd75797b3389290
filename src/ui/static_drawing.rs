//! Charts and the map drawn as SVG for the pre-rendered page, by the same plotters drawing
//! code as the canvases, so a browser without WebAssembly (or JavaScript) shows every figure.
//!
//! Each visual is drawn twice, at the width of a phone's and of a desktop's column; the
//! stylesheet shows the one that fits its box (a container query), and the canvas replaces it
//! once drawn. A chart's height does not depend on its width; the map's is proportional to it,
//! so the scaled SVG is exactly as tall as the canvas that replaces it (no layout shift).
//!
//! In the browser these return an empty string: hydration leaves the pre-rendered markup as it
//! is, and a view rendered afresh draws its canvases at once.

use crate::core::chart_model::ChartModel;
use crate::core::snapshot::Snapshot;
use crate::core::Language;

/// Column widths (CSS px) the SVGs are drawn at: a 390 px phone's chart box and a desktop's.
pub const CHART_WIDTHS: [(u32, &str); 2] = [(332, "narrow"), (902, "wide")];

/// `<svg>` markup of `model` at both widths, or "" in the browser.
pub fn chart_svgs(model: &ChartModel) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::chart_svgs(model)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = model;
        String::new()
    }
}

/// `<svg>` markup of the village map of `snapshot` at both widths, or "" in the browser.
pub fn map_svgs(snapshot: &Snapshot, language: Language, label: &str) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::map_svgs(snapshot, language, label)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (snapshot, language, label);
        String::new()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use plotters::prelude::*;

    use super::CHART_WIDTHS;
    use crate::core::chart_draw::{svg_from_chart, DrawOptions};
    use crate::core::chart_model::ChartModel;
    use crate::core::geo::ViewTransform;
    use crate::core::map_draw::{
        draw_map, map_height_for_width, map_projection, MapDrawOptions, MapHeightLimits,
        MAP_LAYOUT_WIDTHS,
    };
    use crate::core::map_model::{
        map_colouring, map_model_from_snapshot, schematic_row_width, ColourBy,
    };
    use crate::core::snapshot::Snapshot;
    use crate::core::text_measure::approximate_text_width;
    use crate::core::theme::{ColorScheme, Theme};
    use crate::core::Language;

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// Plotters' `<svg …>` opening tag, with the class that picks it, an accessible name and a
    /// `<title>`, drawn top-left in its box.
    fn labelled(svg: &str, class: &str, label: &str) -> String {
        let Some(open_end) = svg.find('>') else {
            return String::new();
        };
        let (open, rest) = svg.split_at(open_end);
        format!(
            "{open} class=\"static-drawing {class}\" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMinYMin meet\"><title>{label}</title>{body}",
            label = escape(label),
            body = &rest[1..],
        )
        .replace('\n', "")
    }

    pub fn chart_svgs(model: &ChartModel) -> String {
        let theme = Theme::for_scheme(ColorScheme::Light);
        let options = DrawOptions {
            theme: &theme,
            scale: 1.0,
            hidden: &[],
            focus: None,
            large: false,
            measure: &approximate_text_width,
        };
        CHART_WIDTHS
            .iter()
            .filter_map(|&(width, class)| {
                svg_from_chart(model, &options, width)
                    .ok()
                    .map(|svg| labelled(&svg, class, &model.title))
            })
            .collect()
    }

    pub fn map_svgs(snapshot: &Snapshot, language: Language, label: &str) -> String {
        let theme = Theme::for_scheme(ColorScheme::Light);
        MAP_LAYOUT_WIDTHS
            .iter()
            .zip(["narrow", "wide"])
            .filter_map(|(&width, class)| {
                let model = map_model_from_snapshot(snapshot, language, schematic_row_width(width));
                let height =
                    map_height_for_width(&model, width, MapHeightLimits::for_mode(model.mode));
                let colouring =
                    map_colouring(&model, snapshot, &ColourBy::Designation, &theme, language);
                let projection = map_projection(&model, (width, height));
                let options = MapDrawOptions {
                    theme: &theme,
                    scale: 1.0,
                    selected: None,
                    large: false,
                    measure: &approximate_text_width,
                };
                let mut svg = String::new();
                {
                    let size = (width.round() as u32, height.round() as u32);
                    let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                    draw_map(
                        &root,
                        &model,
                        &colouring,
                        &projection,
                        &ViewTransform::default(),
                        &options,
                    )
                    .ok()?;
                }
                Some(labelled(&svg, class, label))
            })
            .collect()
    }
}
