//! Colours for charts and maps: a colour-blind-safe palette (Okabe & Ito) in light and dark
//! variants, with contrast checked against the background. Colour is never the only carrier of
//! meaning: every datum is also labelled, and qualifiers are also drawn as patterns.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |value: u8| {
            let c = f64::from(value) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    /// This colour mixed with `other`; `amount` 0 is self, 1 is other.
    pub fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let t = amount.clamp(0.0, 1.0);
        let lerp = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            lerp(self.0, other.0),
            lerp(self.1, other.1),
            lerp(self.2, other.2),
        )
    }
}

/// Light or dark, following `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorScheme {
    #[default]
    Light,
    Dark,
}

/// What charts are drawn with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub grid: Rgb,
    pub focus: Rgb,
    /// Series colours, in order of use.
    pub series: Vec<Rgb>,
}

impl Theme {
    /// How many series colours the stylesheet has classes for (`series-0` …).
    pub const SERIES_CLASSES: usize = 6;

    pub fn for_scheme(scheme: ColorScheme) -> Self {
        match scheme {
            // Okabe–Ito, darkened where needed for ≥ 3:1 against white (graphics contrast).
            ColorScheme::Light => Theme {
                background: Rgb(255, 255, 255),
                text: Rgb(26, 26, 26),
                muted_text: Rgb(85, 91, 97),
                grid: Rgb(214, 219, 224),
                focus: Rgb(26, 26, 26),
                series: vec![
                    Rgb(0, 114, 178),  // blue
                    Rgb(213, 94, 0),   // vermillion
                    Rgb(0, 133, 98),   // bluish green, darkened
                    Rgb(178, 82, 147), // reddish purple, darkened
                    Rgb(170, 110, 0),  // orange, darkened
                    Rgb(40, 120, 170), // sky blue, darkened
                ],
            },
            ColorScheme::Dark => Theme {
                background: Rgb(18, 20, 22),
                text: Rgb(236, 239, 241),
                muted_text: Rgb(169, 177, 184),
                grid: Rgb(58, 65, 72),
                focus: Rgb(255, 255, 255),
                series: vec![
                    Rgb(86, 180, 233),  // sky blue
                    Rgb(230, 159, 0),   // orange
                    Rgb(0, 158, 115),   // bluish green
                    Rgb(204, 121, 167), // reddish purple
                    Rgb(240, 228, 66),  // yellow
                    Rgb(213, 94, 0),    // vermillion
                ],
            },
        }
    }

    /// The high-contrast variant for large-text (适老化) mode: black/white text, series colours
    /// of at least 4.5:1 against the background.
    pub fn high_contrast(scheme: ColorScheme) -> Self {
        match scheme {
            ColorScheme::Light => Theme {
                background: Rgb(255, 255, 255),
                text: Rgb(0, 0, 0),
                muted_text: Rgb(48, 51, 56),
                grid: Rgb(150, 156, 162),
                focus: Rgb(0, 0, 0),
                series: vec![
                    Rgb(0, 90, 156),
                    Rgb(168, 64, 0),
                    Rgb(0, 105, 77),
                    Rgb(140, 52, 115),
                    Rgb(120, 78, 0),
                    Rgb(25, 85, 125),
                ],
            },
            ColorScheme::Dark => Theme {
                background: Rgb(0, 0, 0),
                text: Rgb(255, 255, 255),
                muted_text: Rgb(213, 218, 222),
                grid: Rgb(110, 118, 125),
                focus: Rgb(255, 255, 255),
                series: vec![
                    Rgb(120, 200, 245),
                    Rgb(245, 180, 60),
                    Rgb(60, 200, 150),
                    Rgb(230, 150, 200),
                    Rgb(245, 235, 100),
                    Rgb(255, 140, 80),
                ],
            },
        }
    }

    /// The theme for a scheme and mode.
    pub fn for_view(scheme: ColorScheme, large: bool) -> Self {
        if large {
            Theme::high_contrast(scheme)
        } else {
            Theme::for_scheme(scheme)
        }
    }

    /// The colour of series `index` (cycling).
    pub fn series_color(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((Rgb(255, 255, 255).contrast(Rgb(255, 255, 255)) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((Rgb(0x76, 0x76, 0x76).contrast(Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_series_colour_stands_out_from_the_background() {
        for scheme in [ColorScheme::Light, ColorScheme::Dark] {
            let theme = Theme::for_scheme(scheme);
            for colour in &theme.series {
                let ratio = colour.contrast(theme.background);
                assert!(ratio >= 3.0, "{scheme:?} {} has {ratio:.2}:1", colour.hex());
            }
            assert!(theme.text.contrast(theme.background) >= 7.0);
            assert!(theme.muted_text.contrast(theme.background) >= 4.5);
        }
    }

    #[test]
    fn high_contrast_series_reach_4_5_to_1() {
        for scheme in [ColorScheme::Light, ColorScheme::Dark] {
            let theme = Theme::high_contrast(scheme);
            for colour in &theme.series {
                let ratio = colour.contrast(theme.background);
                assert!(ratio >= 4.5, "{scheme:?} {} has {ratio:.2}:1", colour.hex());
            }
            assert!(theme.text.contrast(theme.background) >= 15.0);
            assert!(theme.muted_text.contrast(theme.background) >= 7.0);
        }
    }

    #[test]
    fn mixing_and_hex() {
        assert_eq!(
            Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 0.5),
            Rgb(128, 128, 128)
        );
        assert_eq!(Rgb(0, 114, 178).hex(), "#0072b2");
        assert_eq!(Rgb(1, 2, 3).mix(Rgb(9, 9, 9), 7.0), Rgb(9, 9, 9));
    }
}
