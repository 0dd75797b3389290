//! Numbers as people read them, with the source's qualifier kept visible.
//!
//! - Chinese: 万 and 亿 for large numbers ("1.3万", "8000"), no thousands separator below 万.
//! - English: thousands separators ("13,000").
//! - Qualifiers as compact marks in both languages ("10+", "≈200", "≤5") and as words for
//!   screen readers and tooltips ("至少 10 辆", "about 200 volunteers").
//! - A value the source does not state is "N", never 0.

use crate::core::snapshot::Qualifier;
use crate::core::Language;

/// At most this many decimals are shown; trailing zeros are dropped.
const MAX_DECIMALS: usize = 2;

/// `value` with at most two decimals, trailing zeros removed, and no "-0".
fn plain_decimal(value: f64) -> String {
    trimmed_decimal(value, MAX_DECIMALS)
}

/// `value` with at most `decimals` decimals, trailing zeros removed, and no "-0".
pub fn trimmed_decimal(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let trimmed = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if trimmed == "-0" {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// Inserts thousands separators into the integer part of a plain decimal.
fn group_thousands(plain: &str) -> String {
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number in `language`'s conventions, without qualifier or unit.
pub fn format_number(value: f64, language: Language) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    match language {
        Language::Zh => {
            let magnitude = value.abs();
            if magnitude >= 1e8 {
                format!("{}亿", plain_decimal(value / 1e8))
            } else if magnitude >= 1e4 {
                format!("{}万", plain_decimal(value / 1e4))
            } else {
                plain_decimal(value)
            }
        }
        Language::En => group_thousands(&plain_decimal(value)),
    }
}

/// The compact mark of a qualified value: "10+", "≈200", "≤5", "238"; "N" when unstated.
pub fn format_value(value: Option<f64>, qualifier: Qualifier, language: Language) -> String {
    let Some(value) = value else {
        return "N".to_owned();
    };
    let number = format_number(value, language);
    match qualifier {
        Qualifier::Exact => number,
        Qualifier::AtLeast => format!("{number}+"),
        Qualifier::About => format!("≈{number}"),
        Qualifier::AtMost => format!("≤{number}"),
    }
}

/// The qualifier in words.
pub fn qualifier_phrase(qualifier: Qualifier, language: Language) -> &'static str {
    use crate::core::wording as w;
    match qualifier {
        Qualifier::Exact => w::QUALIFIER_EXACT,
        Qualifier::AtLeast => w::QUALIFIER_AT_LEAST,
        Qualifier::About => w::QUALIFIER_ABOUT,
        Qualifier::AtMost => w::QUALIFIER_AT_MOST,
    }
    .get(language)
}

/// A formatted value followed by its unit: "3400户", "1.3万棵", "8,000 m²", "10+ machines".
pub fn with_unit(formatted: &str, unit: &str, language: Language) -> String {
    if unit.is_empty() {
        return formatted.to_owned();
    }
    match language {
        Language::Zh if unit.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("{formatted} {unit}")
        }
        Language::Zh => format!("{formatted}{unit}"),
        Language::En => format!("{formatted} {unit}"),
    }
}

/// The value in words, for screen readers and tooltips:
/// "至少10辆", "约200名", "未说明", "at least 10 machines", "about 200 volunteers".
pub fn spoken_value(
    value: Option<f64>,
    qualifier: Qualifier,
    unit: &str,
    language: Language,
) -> String {
    let Some(value) = value else {
        return match language {
            Language::Zh => "未说明（原文为“N”）".to_owned(),
            Language::En => "not stated (the report writes “N”)".to_owned(),
        };
    };
    let amount = with_unit(&format_number(value, language), unit, language);
    match (qualifier, language) {
        (Qualifier::Exact, _) => amount,
        (_, Language::Zh) => format!("{}{amount}", qualifier_phrase(qualifier, language)),
        (_, Language::En) => format!("{} {amount}", qualifier_phrase(qualifier, language)),
    }
}

/// The name of a designation the report gives a village: the programme it is in (the report
/// says 市级美丽乡村建设, a construction programme, not a title).
pub fn designation_label(
    level: crate::core::snapshot::DesignationLevel,
    language: Language,
) -> String {
    use crate::core::snapshot::DesignationLevel::*;
    match (level, language) {
        (Province, Language::Zh) => "省级美丽乡村建设",
        (City, Language::Zh) => "市级美丽乡村建设",
        (County, Language::Zh) => "县级美丽乡村建设",
        (Province, Language::En) => "Province-level beautiful-village programme",
        (City, Language::En) => "City-level beautiful-village programme",
        (County, Language::En) => "County-level beautiful-village programme",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::Qualifier::*;
    use crate::core::Language::{En, Zh};

    #[test]
    fn chinese_uses_wan_and_yi() {
        assert_eq!(format_number(238.0, Zh), "238");
        assert_eq!(format_number(3400.0, Zh), "3400");
        assert_eq!(format_number(8000.0, Zh), "8000");
        assert_eq!(format_number(10_000.0, Zh), "1万");
        assert_eq!(format_number(13_000.0, Zh), "1.3万");
        assert_eq!(format_number(12_345.0, Zh), "1.23万");
        assert_eq!(format_number(250_000_000.0, Zh), "2.5亿");
        assert_eq!(format_number(0.5, Zh), "0.5");
        assert_eq!(format_number(0.0, Zh), "0");
    }

    #[test]
    fn english_groups_thousands() {
        assert_eq!(format_number(238.0, En), "238");
        assert_eq!(format_number(1844.0, En), "1,844");
        assert_eq!(format_number(13_000.0, En), "13,000");
        assert_eq!(format_number(1_234_567.25, En), "1,234,567.25");
        assert_eq!(format_number(-1234.0, En), "-1,234");
        assert_eq!(format_number(-0.001, En), "0");
    }

    #[test]
    fn non_finite_is_a_dash_not_nan() {
        assert_eq!(format_number(f64::NAN, Zh), "–");
        assert_eq!(format_number(f64::INFINITY, En), "–");
    }

    #[test]
    fn qualifiers_stay_visible() {
        assert_eq!(format_value(Some(10.0), AtLeast, Zh), "10+");
        assert_eq!(format_value(Some(150.0), AtLeast, En), "150+");
        assert_eq!(format_value(Some(200.0), About, Zh), "≈200");
        assert_eq!(format_value(Some(10_000.0), About, Zh), "≈1万");
        assert_eq!(format_value(Some(10_000.0), About, En), "≈10,000");
        assert_eq!(format_value(Some(5.0), AtMost, En), "≤5");
        assert_eq!(format_value(Some(238.0), Exact, Zh), "238");
        assert_eq!(format_value(None, Exact, Zh), "N");
    }

    #[test]
    fn units_attach_per_language() {
        assert_eq!(with_unit("3400", "户", Zh), "3400户");
        assert_eq!(with_unit("8000", "m²", Zh), "8000 m²");
        assert_eq!(with_unit("8,000", "m²", En), "8,000 m²");
        assert_eq!(with_unit("12", "", En), "12");
    }

    #[test]
    fn spoken_values_use_words() {
        assert_eq!(spoken_value(Some(10.0), AtLeast, "辆", Zh), "至少10辆");
        assert_eq!(spoken_value(Some(200.0), About, "名", Zh), "约200名");
        assert_eq!(spoken_value(Some(13_000.0), Exact, "棵", Zh), "1.3万棵");
        assert_eq!(
            spoken_value(Some(10.0), AtLeast, "machines", En),
            "at least 10 machines"
        );
        assert_eq!(
            spoken_value(Some(200.0), About, "volunteers", En),
            "about 200 volunteers"
        );
        assert!(spoken_value(None, Exact, "支", Zh).contains("未说明"));
        assert!(spoken_value(None, Exact, "squads", En).contains("not stated"));
    }
}
