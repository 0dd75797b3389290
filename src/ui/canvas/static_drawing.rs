//! Charts and the map drawn as SVG for the pre-rendered page, by the same plotters drawing
//! code as the canvases, so a browser without WebAssembly (or JavaScript) shows every figure.
//!
//! Each visual is drawn once, at a phone's column width (the page's size decides how soon a
//! phone on a slow link paints it). A chart's height does not depend on its width: its SVG has
//! the canvas's height and shows the drawing at its natural width, so a wider screen shows it
//! left-aligned until the canvas replaces it. The map's height is proportional to its width and
//! its layout differs on wide screens, so a second SVG box with the wide layout's proportions
//! shows the same drawing (`<use>`, no second copy); the stylesheet shows the box that fits (a
//! container query). Either way the canvas that replaces it is exactly as tall (no layout
//! shift).
//!
//! In the browser these return an empty string: hydration leaves the pre-rendered markup as it
//! is, and a view rendered afresh draws its canvases at once.

use crate::core::chart::model::ChartModel;
use crate::core::snapshot::Snapshot;
use crate::core::Language;

/// The width (CSS px) charts are drawn at for the page: a 390 px phone's chart box.
pub const CHART_WIDTH: u32 = 332;

/// `<svg>` markup of `model`, or "" in the browser.
pub fn chart_svgs(model: &ChartModel) -> String {
    #[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
    {
        native::chart_svgs(model)
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "pages")))]
    {
        let _ = model;
        String::new()
    }
}

/// `<svg>` markup of the village map of `snapshot` (its drawing has the id `id`) for a narrow
/// and a wide box, or "" in the browser.
pub fn map_svgs(snapshot: &Snapshot, language: Language, label: &str, id: &str) -> String {
    #[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
    {
        native::map_svgs(snapshot, language, label, id)
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "pages")))]
    {
        let _ = (snapshot, language, label, id);
        String::new()
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
mod native {
    use plotters::prelude::*;

    use super::CHART_WIDTH;
    use crate::core::chart::draw::{svg_from_chart, DrawOptions};
    use crate::core::chart::model::ChartModel;
    use crate::core::geo::ViewTransform;
    use crate::core::map::draw::{
        draw_map, map_height_for_width, map_model_for_width, map_projection, MapDrawOptions,
        MapHeightLimits, MAP_LAYOUT_WIDTHS,
    };
    use crate::core::map::model::{map_colouring, ColourBy};
    use crate::core::snapshot::Snapshot;
    use crate::core::svg_compact::compact_svg;
    use crate::core::text_measure::approximate_text_width;
    use crate::core::theme::{ColorScheme, Theme};
    use crate::core::Language;
    use crate::ui::prerender::escape_html;

    /// Plotters' `<svg …>` (compacted) with the class that picks it, an accessible name and a
    /// `<title>`, drawn top-left in its box; its drawing wrapped in a group `group_id` when
    /// given (for `<use>`).
    fn labelled(svg: &str, class: &str, label: &str, group_id: Option<&str>) -> String {
        let svg = compact_svg(&svg.replace('\n', ""));
        let Some(open_end) = svg.find('>') else {
            return String::new();
        };
        let (open, rest) = svg.split_at(open_end);
        let body = rest[1..].strip_suffix("</svg>").unwrap_or(&rest[1..]);
        let body = match group_id {
            Some(id) => format!("<g id=\"{}\">{body}</g>", escape_html(id)),
            None => body.to_owned(),
        };
        format!(
            "{open} class=\"{class}\" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMinYMin meet\"><title>{label}</title>{body}</svg>",
            label = escape_html(label),
        )
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
        svg_from_chart(model, &options, CHART_WIDTH)
            .map(|svg| labelled(&svg, "static-drawing", &model.title, None))
            .unwrap_or_default()
    }

    pub fn map_svgs(snapshot: &Snapshot, language: Language, label: &str, id: &str) -> String {
        let theme = Theme::for_scheme(ColorScheme::Light);
        let [narrow, wide] = MAP_LAYOUT_WIDTHS;
        let model = map_model_for_width(snapshot, language, narrow);
        let height = map_height_for_width(&model, narrow, MapHeightLimits::for_mode(model.mode));
        let colouring = map_colouring(&model, snapshot, &ColourBy::Designation, &theme, language);
        let projection = map_projection(&model, (narrow, height));
        let options = MapDrawOptions {
            theme: &theme,
            scale: 1.0,
            selected: None,
            large: false,
            measure: &approximate_text_width,
        };
        let mut svg = String::new();
        let size = (narrow.round() as u32, height.round() as u32);
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            if draw_map(
                &root,
                &model,
                &colouring,
                &projection,
                &ViewTransform::default(),
                &options,
            )
            .is_err()
            {
                return String::new();
            }
        }
        // The wide layout's box: its proportions, showing the same drawing, centred.
        let wide_model = map_model_for_width(snapshot, language, wide);
        let wide_height = map_height_for_width(
            &wide_model,
            wide,
            MapHeightLimits::for_mode(wide_model.mode),
        );
        let wide_box = format!(
            "<svg width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" xmlns=\"http://www.w3.org/2000/svg\" class=\"static-drawing wide\" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMidYMid meet\"><title>{label}</title><use href=\"#{id}\"/></svg>",
            wide.round(),
            wide_height.round(),
            size.0,
            size.1,
            label = escape_html(label),
            id = escape_html(id),
        );
        format!(
            "{}{wide_box}",
            labelled(&svg, "static-drawing narrow", label, Some(id))
        )
    }
}
