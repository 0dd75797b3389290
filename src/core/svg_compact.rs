//! Smaller SVG from plotters' SVG backend, drawing the same picture: the pre-rendered page
//! carries every chart and the map as SVG, and its size decides how soon a phone on a slow
//! link paints the report.
//!
//! - Runs of `<polyline>` elements with the same attributes (plotters draws a dashed outline as
//!   one polyline per dash) become one `<path>` with one subpath per polyline. Stroked with the
//!   same paint at full opacity, the picture is the same.
//! - `opacity="1"` (the default) and the line breaks between elements are dropped; font sizes
//!   are rounded to 0.01 px.

/// The attributes of a plotters `<polyline …/>` other than `points`, and its points.
fn polyline_parts(element: &str) -> Option<(&str, &str)> {
    let inner = element.strip_prefix("<polyline ")?.strip_suffix("/>")?;
    let start = inner.find("points=\"")?;
    let points_start = start + "points=\"".len();
    let points_end = points_start + inner[points_start..].find('"')?;
    let attributes = inner[..start].trim_end();
    let after = inner[points_end + 1..].trim();
    // Only the plain shape plotters writes: attributes, then the points, nothing after.
    if !after.is_empty() || attributes.contains("opacity=\"0") {
        return None;
    }
    Some((attributes, &inner[points_start..points_end]))
}

/// `x1,y1 x2,y2 …` → `Mx1 y1Lx2 y2…`.
fn subpath(points: &str) -> Option<String> {
    let mut path = String::with_capacity(points.len() + 4);
    for (index, pair) in points.split_whitespace().enumerate() {
        let (x, y) = pair.split_once(',')?;
        path.push(if index == 0 { 'M' } else { 'L' });
        path.push_str(x);
        path.push(' ');
        path.push_str(y);
    }
    (!path.is_empty()).then_some(path)
}

fn round_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let value_start = at + KEY.len();
        let Some(value_len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + value_len];
        match value.parse::<f64>() {
            Ok(size) => {
                let rounded = format!("{:.2}", size);
                out.push_str(rounded.trim_end_matches('0').trim_end_matches('.'));
            }
            Err(_) => out.push_str(value),
        }
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

/// `svg` (plotters' output, one element after another) drawn the same with fewer bytes.
pub fn compact_svg(svg: &str) -> String {
    let svg = svg.replace(" opacity=\"1\"", "");
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    // The run of polylines being merged: their shared attributes and the path so far.
    let mut run: Option<(String, String)> = None;
    let flush = |out: &mut String, run: &mut Option<(String, String)>| {
        if let Some((attributes, path)) = run.take() {
            out.push_str("<path ");
            out.push_str(&attributes);
            out.push_str(" d=\"");
            out.push_str(&path);
            out.push_str("\"/>");
        }
    };
    while let Some(at) = rest.find('<') {
        let Some(length) = rest[at..].find('>') else {
            break;
        };
        let element = &rest[at..=at + length];
        // Text between elements (inside <text> or <title>) ends a run; the line breaks
        // plotters writes between elements are dropped.
        let between = &rest[..at];
        if !between.trim().is_empty() {
            flush(&mut out, &mut run);
            out.push_str(between);
        }
        match polyline_parts(element)
            .and_then(|(attributes, points)| Some((attributes, subpath(points)?)))
        {
            Some((attributes, path)) => match &mut run {
                Some((run_attributes, run_path)) if run_attributes == attributes => {
                    run_path.push_str(&path);
                }
                _ => {
                    flush(&mut out, &mut run);
                    run = Some((attributes.to_owned(), path));
                }
            },
            None => {
                flush(&mut out, &mut run);
                out.push_str(element);
            }
        }
        rest = &rest[at + length + 1..];
    }
    flush(&mut out, &mut run);
    out.push_str(rest);
    round_font_sizes(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_of_one_outline_become_one_path() {
        let svg = "<svg><polyline fill=\"none\" opacity=\"1\" stroke=\"#C9D0D6\" stroke-width=\"1\" points=\"1,2 3,4 \"/>\
                   <polyline fill=\"none\" opacity=\"1\" stroke=\"#C9D0D6\" stroke-width=\"1\" points=\"5,6 7,8 \"/>\
                   <polyline fill=\"none\" opacity=\"1\" stroke=\"#000000\" stroke-width=\"2\" points=\"0,0 1,1 \"/>\
                   <text x=\"1\" font-size=\"9.68782518210198\" opacity=\"1\">村</text></svg>";
        assert_eq!(
            compact_svg(svg),
            "<svg><path fill=\"none\" stroke=\"#C9D0D6\" stroke-width=\"1\" d=\"M1 2L3 4M5 6L7 8\"/>\
             <path fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" d=\"M0 0L1 1\"/>\
             <text x=\"1\" font-size=\"9.69\">村</text></svg>"
        );
    }

    #[test]
    fn anything_else_is_kept_as_it_is() {
        let svg = "<svg><rect x=\"0\" y=\"0\" width=\"2\" height=\"2\" opacity=\"0.5\" fill=\"#FFFFFF\"/><polyline fill=\"none\" opacity=\"0.3\" stroke=\"#000\" points=\"1,1 2,2\"/><text font-size=\"12\">a &lt; b</text></svg>";
        assert_eq!(compact_svg(svg), svg);
    }

    #[test]
    fn a_real_map_drawing_shrinks_and_stays_well_formed() {
        use crate::core::geo::ViewTransform;
        use crate::core::map::draw::{draw_map, map_projection, MapDrawOptions};
        use crate::core::map::model::{map_colouring, map_model_from_snapshot, ColourBy};
        use crate::core::snapshot::load::snapshot_from_json_text;
        use crate::core::text_measure::approximate_text_width;
        use crate::core::theme::{ColorScheme, Theme};
        use crate::core::Language;
        use plotters::prelude::*;

        let snapshot =
            snapshot_from_json_text(include_str!("../../data/snapshot.json")).expect("valid");
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 8.9);
        let theme = Theme::for_scheme(ColorScheme::Light);
        let colouring = map_colouring(
            &model,
            &snapshot,
            &ColourBy::Designation,
            &theme,
            Language::Zh,
        );
        let projection = map_projection(&model, (358.0, 560.0));
        let options = MapDrawOptions {
            theme: &theme,
            scale: 1.0,
            selected: None,
            large: false,
            measure: &approximate_text_width,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (358, 560)).into_drawing_area();
            draw_map(
                &root,
                &model,
                &colouring,
                &projection,
                &ViewTransform::default(),
                &options,
            )
            .expect("drawn");
        }
        let compact = compact_svg(&svg);
        assert!(
            compact.len() * 2 < svg.len(),
            "{} → {}",
            svg.len(),
            compact.len()
        );
        assert_eq!(
            compact.matches("<text").count(),
            svg.matches("<text").count()
        );
        assert_eq!(
            compact.matches("<rect").count(),
            svg.matches("<rect").count()
        );
        assert_eq!(compact.matches('<').count(), compact.matches('>').count());
        assert!(!compact.contains("<polyline") || svg.contains("opacity=\"0"));
    }
}
