//! The default snapshot against the report it is built from: every number in the report text
//! is an indicator with the right value and qualifier, and no indicator says more than the text.

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::{Indicator, Qualifier, Snapshot};

const REPORT: &str = include_str!("../data/sources/fuguanzhuang-2021-report.txt");
const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");
const REPORT_SOURCE: &str = "report-2021";

/// Numbers in the text that are not figures of the report, with the reason.
const NOT_FIGURES: [(&str, &str); 4] = [
    ("2021年,村“两委”换届", "the year: the snapshot's period"),
    ("7月12上午", "a date: the period of the inspection figure"),
    ("“1+N”党员联户", "the name of a Party-member liaison model"),
    (
        "“1+5+ N”三级",
        "the name of the volunteer structure; its tiers are stated one by one after it",
    ),
];

/// Figures the text writes with Chinese numerals: (phrase, value, qualifier).
const CHINESE_NUMERAL_FIGURES: [(&str, f64, Qualifier); 2] = [
    ("万亩桃园", 10_000.0, Qualifier::About),
    ("三级志愿服务体系", 3.0, Qualifier::Exact),
];

/// A number written with Arabic digits, where it stands and how the text qualifies it.
#[derive(Debug)]
struct Figure {
    start: usize,
    end: usize,
    text: String,
    value: f64,
    qualifier: Qualifier,
}

fn figures_in(text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !c.is_ascii_digit() {
            continue;
        }
        let mut end = start + 1;
        while let Some(&(index, next)) = rest.peek() {
            let decimal_point = next == '.'
                && text[index + 1..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_ascii_digit());
            if next.is_ascii_digit() || decimal_point {
                end = index + next.len_utf8();
                rest.next();
            } else {
                break;
            }
        }
        let digits = &text[start..end];
        let mut value: f64 = digits.parse().expect("digits parse");
        let mut figure_end = end;
        if text[end..].starts_with('万') {
            value = (value * 10_000.0).round();
            figure_end += '万'.len_utf8();
        }
        let after: String = text[figure_end..].chars().take(4).collect();
        let before = text[..start].chars().next_back();
        let qualifier = if after.starts_with('余') || after.contains("以上") {
            Qualifier::AtLeast
        } else if before == Some('近') {
            Qualifier::About
        } else {
            Qualifier::Exact
        };
        figures.push(Figure {
            start,
            end: figure_end,
            text: text[start..figure_end].to_owned(),
            value,
            qualifier,
        });
    }
    figures
}

/// Byte ranges where `needle` occurs in `haystack`.
fn occurrences(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    haystack
        .match_indices(needle)
        .map(|(start, found)| (start, start + found.len()))
        .collect()
}

fn snapshot() -> Snapshot {
    snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("default snapshot is valid")
}

fn report_indicators(snapshot: &Snapshot) -> Vec<&Indicator> {
    snapshot
        .indicators
        .iter()
        .filter(|indicator| indicator.source == REPORT_SOURCE)
        .collect()
}

fn covers(indicator: &Indicator, start: usize, end: usize) -> bool {
    occurrences(REPORT, &indicator.quote)
        .iter()
        .any(|&(quote_start, quote_end)| quote_start <= start && end <= quote_end)
}

#[test]
fn every_number_in_the_report_is_an_indicator() {
    let snapshot = snapshot();
    let indicators = report_indicators(&snapshot);
    let excluded: Vec<(usize, usize)> = NOT_FIGURES
        .iter()
        .flat_map(|(phrase, _)| {
            let found = occurrences(REPORT, phrase);
            assert!(
                !found.is_empty(),
                "exclusion {phrase:?} is not in the report"
            );
            found
        })
        .collect();
    let figures = figures_in(REPORT);
    assert!(figures.len() > 25, "found only {} numbers", figures.len());
    let mut missing = Vec::new();
    for figure in &figures {
        if excluded
            .iter()
            .any(|&(start, end)| start <= figure.start && figure.end <= end)
        {
            continue;
        }
        let matched = indicators.iter().any(|indicator| {
            covers(indicator, figure.start, figure.end)
                && indicator
                    .value
                    .is_some_and(|value| (value - figure.value).abs() < 1e-9)
                && indicator.qualifier == figure.qualifier
        });
        if !matched {
            let context: String = REPORT[figure.start..].chars().take(12).collect();
            missing.push(format!(
                "{} ({:?}, {}) in “{context}…”",
                figure.text, figure.qualifier, figure.value
            ));
        }
    }
    for (phrase, value, qualifier) in CHINESE_NUMERAL_FIGURES {
        let (start, end) = occurrences(REPORT, phrase)[0];
        let matched = indicators.iter().any(|indicator| {
            covers(indicator, start, end)
                && indicator.value == Some(value)
                && indicator.qualifier == qualifier
        });
        if !matched {
            missing.push(format!("{phrase} ({qualifier:?}, {value})"));
        }
    }
    assert!(
        missing.is_empty(),
        "figures without an indicator:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_indicator_says_more_than_the_report() {
    let snapshot = snapshot();
    let figures = figures_in(REPORT);
    for indicator in report_indicators(&snapshot) {
        let places = occurrences(REPORT, &indicator.quote);
        assert!(
            !places.is_empty(),
            "{}: quote {:?} is not in the report",
            indicator.id,
            indicator.quote
        );
        match indicator.value {
            None => assert!(
                indicator.quote.contains('N'),
                "{}: a figure without a value must quote the report's unstated N",
                indicator.id
            ),
            Some(value) => {
                let from_digits = figures.iter().any(|figure| {
                    places
                        .iter()
                        .any(|&(start, end)| start <= figure.start && figure.end <= end)
                        && (figure.value - value).abs() < 1e-9
                        && figure.qualifier == indicator.qualifier
                });
                let from_numerals = CHINESE_NUMERAL_FIGURES.iter().any(|(phrase, v, q)| {
                    indicator.quote.contains(phrase) && *v == value && *q == indicator.qualifier
                });
                assert!(
                    from_digits || from_numerals,
                    "{}: value {value} ({:?}) is not what its quote {:?} says",
                    indicator.id,
                    indicator.qualifier,
                    indicator.quote
                );
            }
        }
    }
}

#[test]
fn excluded_numbers_are_carried_as_periods() {
    let snapshot = snapshot();
    assert_eq!(snapshot.meta.period, "2021");
    let inspection = snapshot
        .indicators
        .iter()
        .find(|indicator| indicator.quote.contains("走比看"))
        .expect("the inspection figure");
    assert_eq!(inspection.period, "2021-07-12");
}

#[test]
fn qualifiers_from_the_text_are_kept() {
    let snapshot = snapshot();
    let qualifier_of = |quote_part: &str| {
        snapshot
            .indicators
            .iter()
            .find(|indicator| indicator.quote.contains(quote_part))
            .map(|indicator| indicator.qualifier)
    };
    assert_eq!(qualifier_of("10余辆"), Some(Qualifier::AtLeast));
    assert_eq!(qualifier_of("150余处"), Some(Qualifier::AtLeast));
    assert_eq!(qualifier_of("30余吨"), Some(Qualifier::AtLeast));
    assert_eq!(qualifier_of("20余个"), Some(Qualifier::AtLeast));
    assert_eq!(qualifier_of("近200"), Some(Qualifier::About));
    assert_eq!(qualifier_of("238名"), Some(Qualifier::Exact));
}
