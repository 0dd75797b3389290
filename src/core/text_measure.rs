//! Measuring text for layout (truncating labels to fit). Plotters' own browser measurement
//! inserts a `<span style="…">` per call, which a strict CSP blocks and which forces a layout
//! each time; so the drawing code takes a measuring function instead: the browser's canvas
//! `measureText` in the app, an approximation natively.

use plotters::style::{FontStyle, TextStyle};

/// `(text, font size in px, bold) → width in px`.
pub type MeasureText<'a> = &'a dyn Fn(&str, f64, bool) -> f64;

/// An approximation of a sans-serif face: CJK 1 em, Latin letters and digits about half.
pub fn approximate_text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.28,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '|' | '!' | '\'' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.62,
            c if c.is_ascii() => 0.52,
            _ => 1.0,
        })
        .sum();
    ems * size * if bold { 1.06 } else { 1.0 }
}

/// The width of `text` in `style`, in backend pixels.
pub fn styled_width(measure: MeasureText<'_>, text: &str, style: &TextStyle<'_>) -> i32 {
    let bold = matches!(style.font.get_style(), FontStyle::Bold);
    measure(text, style.font.get_size(), bold).ceil() as i32
}

/// `text`, shortened with "…" to fit `max_width` backend pixels ("…" alone if nothing fits).
pub fn fit_text(
    measure: MeasureText<'_>,
    text: &str,
    style: &TextStyle<'_>,
    max_width: i32,
) -> String {
    if styled_width(measure, text, style) <= max_width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search the longest prefix that fits with the ellipsis.
    let (mut low, mut high) = (0usize, chars.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if styled_width(measure, &candidate, style) <= max_width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    chars[..low].iter().collect::<String>() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::IntoFont;

    #[test]
    fn approximations_scale_with_size_and_script() {
        assert_eq!(approximate_text_width("垛庄村", 10.0, false), 30.0);
        assert!(approximate_text_width("Duozhuang", 10.0, false) < 60.0);
        assert!(
            approximate_text_width("abc", 20.0, true) > approximate_text_width("abc", 20.0, false)
        );
    }

    #[test]
    fn fitting_shortens_with_an_ellipsis() {
        let style = ("sans-serif", 10.0)
            .into_font()
            .color(&plotters::prelude::BLACK);
        let measure: MeasureText<'_> = &approximate_text_width;
        assert_eq!(fit_text(measure, "垛庄村", &style, 30), "垛庄村");
        assert_eq!(fit_text(measure, "宋家箕山村", &style, 40), "宋家箕…");
        assert_eq!(fit_text(measure, "宋家箕山村", &style, 5), "…");
    }
}
