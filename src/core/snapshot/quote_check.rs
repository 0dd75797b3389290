//! Checks that serve data honesty, on top of the validator: a figure's number should be found in
//! its quote, and its qualifier should say what the quote's words say ("10余" is at least 10,
//! "近200" about 200, "不足5" at most 5). They warn, never refuse: a quote may state a figure in
//! words these checks do not read. Used by `snapshot check` and by the editor as figures are
//! typed.

use crate::core::format::{format_number, qualifier_phrase};
use crate::core::snapshot::validate::Problem;
use crate::core::snapshot::{Indicator, Qualifier, Snapshot};
use crate::core::Language;

/// A number read from a quote, with what the words around it say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotedNumber {
    pub value: f64,
    /// What the quote's words make of it; `None` for a round figure written with a bare
    /// multiplier ("万亩": exact or about, the quote cannot tell).
    pub qualifier: Option<Qualifier>,
    /// The quote's own text of the number and its words, e.g. "10余", "近200", "1000平以上".
    pub text: String,
}

/// Words before a number, longest first (so "不超过" is not read as "超过").
const BEFORE: [(&str, Qualifier); 9] = [
    ("不超过", Qualifier::AtMost),
    ("将近", Qualifier::About),
    ("大约", Qualifier::About),
    ("超过", Qualifier::AtLeast),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("近", Qualifier::About),
    ("约", Qualifier::About),
    ("逾", Qualifier::AtLeast),
];

/// Words right after a number (and its multiplier).
const RIGHT_AFTER: [(&str, Qualifier); 2] =
    [("余", Qualifier::AtLeast), ("多", Qualifier::AtLeast)];

/// Words after a number and, at most, a short unit ("1000平以上", "200人左右").
const AFTER_UNIT: [(&str, Qualifier); 6] = [
    ("以上", Qualifier::AtLeast),
    ("多", Qualifier::AtLeast),
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
];

/// How many characters of unit may stand between a number and a word after it.
const UNIT_CHARS: usize = 3;

fn digit_of(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u64)
        .or((c == '两').then_some(2))
}

fn multiplier(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1_000.0),
        '万' => Some(10_000.0),
        '亿' => Some(100_000_000.0),
        _ => None,
    }
}

/// A number in Chinese numerals ("三", "十五", "二百三十八", "一万"); `None` if not well formed.
fn chinese_numeral(text: &[char]) -> Option<f64> {
    let (mut total, mut section, mut digit) = (0.0_f64, 0.0_f64, None::<u64>);
    for &c in text {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
        } else if let Some(unit) = multiplier(c) {
            if unit >= 100_000_000.0 {
                // 亿 multiplies everything before it ("万亿", "一亿二千万").
                total = (total + section + digit.take().unwrap_or(0) as f64).max(1.0) * unit;
                section = 0.0;
            } else if unit >= 10_000.0 {
                total += (section + digit.take().unwrap_or(0) as f64).max(1.0) * unit;
                section = 0.0;
            } else {
                section += digit.take().unwrap_or(1) as f64 * unit;
            }
        } else {
            return None;
        }
    }
    Some(total + section + digit.unwrap_or(0) as f64)
}

/// The qualifier words just before `start` (the number's first character).
fn word_before(chars: &[char], start: usize) -> Option<(Qualifier, usize)> {
    BEFORE.iter().find_map(|(word, qualifier)| {
        let length = word.chars().count();
        (start >= length
            && chars[start - length..start]
                .iter()
                .copied()
                .eq(word.chars()))
        .then(|| (*qualifier, start - length))
    })
}

/// The qualifier words after `end` (just past the number): right after it, or after a short
/// unit; with the index just past the word.
fn word_after(chars: &[char], end: usize) -> Option<(Qualifier, usize)> {
    let starts_at = |at: usize, word: &str| {
        chars
            .get(at..at + word.chars().count())
            .is_some_and(|slice| slice.iter().copied().eq(word.chars()))
    };
    if let Some((word, qualifier)) = RIGHT_AFTER.iter().find(|(word, _)| starts_at(end, word)) {
        return Some((*qualifier, end + word.chars().count()));
    }
    for skip in 0..=UNIT_CHARS {
        let at = end + skip;
        if at > end
            && chars.get(at - 1).is_none_or(|&c| {
                !c.is_alphabetic() || digit_of(c).is_some() || chinese_digit(c).is_some()
            })
        {
            return None;
        }
        if let Some((word, qualifier)) = AFTER_UNIT.iter().find(|(word, _)| starts_at(at, word)) {
            return Some((*qualifier, at + word.chars().count()));
        }
    }
    None
}

/// Every number of `text`, written in digits ("238", "1,844", "0.8万", "１０") or in Chinese
/// numerals ("三", "一万"), with the qualifier its words give it.
pub fn numbers_in_quote(text: &str) -> Vec<QuotedNumber> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let start = index;
        let (value, bare) = if digit_of(chars[index]).is_some() {
            let mut digits = String::new();
            while index < chars.len() {
                let c = chars[index];
                let digit_follows = chars
                    .get(index + 1)
                    .is_some_and(|&next| digit_of(next).is_some());
                if let Some(d) = digit_of(c) {
                    digits.extend(char::from_digit(d, 10));
                } else if c == '.' && digit_follows && !digits.contains('.') {
                    digits.push('.');
                } else if !(c == ',' && digit_follows) {
                    // A thousands separator is skipped; anything else ends the number.
                    break;
                }
                index += 1;
            }
            let mut value = digits.parse::<f64>().unwrap_or(f64::NAN);
            while let Some(unit) = chars
                .get(index)
                .copied()
                .and_then(multiplier)
                .filter(|&unit| unit >= 1_000.0)
            {
                value *= unit;
                index += 1;
            }
            (value, false)
        } else if chinese_digit(chars[index]).is_some() || multiplier(chars[index]).is_some() {
            while index < chars.len()
                && (chinese_digit(chars[index]).is_some() || multiplier(chars[index]).is_some())
            {
                index += 1;
            }
            let run = &chars[start..index];
            let bare = run.iter().all(|&c| multiplier(c).is_some());
            (chinese_numeral(run).unwrap_or(f64::NAN), bare)
        } else {
            index += 1;
            continue;
        };
        if !value.is_finite() {
            continue;
        }
        let before = word_before(&chars, start);
        let after = word_after(&chars, index);
        let qualifier = match (before, after) {
            (Some((qualifier, _)), _) | (None, Some((qualifier, _))) => Some(qualifier),
            (None, None) if bare => None,
            (None, None) => Some(Qualifier::Exact),
        };
        let from = before.map_or(start, |(_, at)| at);
        let to = after.map_or(index, |(_, at)| at);
        found.push(QuotedNumber {
            value,
            qualifier,
            text: chars[from..to].iter().collect(),
        });
    }
    found
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs())
}

fn qualifier_words(qualifier: Qualifier) -> (&'static str, &'static str) {
    (
        qualifier_phrase(qualifier, Language::Zh),
        qualifier_phrase(qualifier, Language::En),
    )
}

/// What the checks say about one figure (`index` is its place in `indicators`, for the path).
pub fn quote_warnings_for(indicator: &Indicator, index: usize) -> Vec<Problem> {
    let Some(value) = indicator.value else {
        return Vec::new();
    };
    let numbers = numbers_in_quote(&indicator.quote);
    let matching: Vec<&QuotedNumber> = numbers
        .iter()
        .filter(|number| same_number(number.value, value))
        .collect();
    let (zh_value, en_value) = (
        format_number(value, Language::Zh),
        format_number(value, Language::En),
    );
    if matching.is_empty() {
        let seen = numbers
            .iter()
            .map(|number| number.text.as_str())
            .collect::<Vec<_>>()
            .join("、");
        let (zh_seen, en_seen) = if seen.is_empty() {
            (
                "原文中没有数字".to_owned(),
                "the quote has no number".to_owned(),
            )
        } else {
            (
                format!("原文中的数字：{seen}"),
                format!("the quote's numbers: {seen}"),
            )
        };
        return vec![Problem::said(
            &format!("indicators[{index}].value"),
            format!("数值 {zh_value} 在原文“{}”中找不到（{zh_seen}）；请核对数值或原文", indicator.quote),
            format!("the value {en_value} is not found in the quote “{}” ({en_seen}); check the value or the quote", indicator.quote),
        )];
    }
    let agrees = |number: &&QuotedNumber| match number.qualifier {
        None => matches!(indicator.qualifier, Qualifier::Exact | Qualifier::About),
        Some(qualifier) => qualifier == indicator.qualifier,
    };
    if matching.iter().any(agrees) {
        return Vec::new();
    }
    let number = matching[0];
    let said = number.qualifier.unwrap_or(Qualifier::About);
    let (zh_has, en_has) = qualifier_words(indicator.qualifier);
    let (zh_said, en_said) = qualifier_words(said);
    vec![Problem::said(
        &format!("indicators[{index}].qualifier"),
        format!("限定为“{zh_has}”，但原文“{}”表示“{zh_said}”；请核对限定", number.text),
        format!("the qualifier is “{en_has}” but the quote's “{}” says “{en_said}”; check the qualifier", number.text),
    )]
}

/// The checks for every figure of a snapshot, in order.
pub fn quote_warnings(snapshot: &Snapshot) -> Vec<Problem> {
    snapshot
        .indicators
        .iter()
        .enumerate()
        .flat_map(|(index, indicator)| quote_warnings_for(indicator, index))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(f64, Option<Qualifier>, String)> {
        numbers_in_quote(text)
            .into_iter()
            .map(|n| (n.value, n.qualifier, n.text))
            .collect()
    }

    #[test]
    fn numbers_are_read_with_the_words_around_them() {
        use Qualifier::*;
        assert_eq!(
            read("累计出动大型机械10余辆"),
            vec![(10.0, Some(AtLeast), "10余".into())]
        );
        assert_eq!(
            read("招募近200名志愿者"),
            vec![(200.0, Some(About), "近200".into())]
        );
        assert_eq!(
            read("新建1000平以上文化广场3处"),
            vec![
                (1000.0, Some(AtLeast), "1000平以上".into()),
                (3.0, Some(Exact), "3".into())
            ]
        );
        assert_eq!(
            read("种植观赏树木1.3万棵"),
            vec![(13_000.0, Some(Exact), "1.3万".into())]
        );
        assert_eq!(
            read("清理废弃宅基0.8万平方米"),
            vec![(8_000.0, Some(Exact), "0.8万".into())]
        );
        assert_eq!(
            read("针对1,844户"),
            vec![(1844.0, Some(Exact), "1,844".into())]
        );
        assert_eq!(read("全角１０户"), vec![(10.0, Some(Exact), "１０".into())]);
        assert_eq!(
            read("“1+5+ N”三级"),
            vec![
                (1.0, Some(Exact), "1".into()),
                (5.0, Some(Exact), "5".into()),
                (3.0, Some(Exact), "三".into())
            ]
        );
        assert_eq!(read("万亩桃园"), vec![(10_000.0, None, "万".into())]);
        assert_eq!(
            read("二百三十八名"),
            vec![(238.0, Some(Exact), "二百三十八".into())]
        );
        assert_eq!(
            read("两千多人"),
            vec![(2_000.0, Some(AtLeast), "两千多".into())]
        );
        assert_eq!(
            read("不超过5个"),
            vec![(5.0, Some(AtMost), "不超过5".into())]
        );
        assert_eq!(read("超过5个"), vec![(5.0, Some(AtLeast), "超过5".into())]);
        assert_eq!(
            read("200人左右"),
            vec![(200.0, Some(About), "200人左右".into())]
        );
        assert_eq!(
            read("不足50户"),
            vec![(50.0, Some(AtMost), "不足50".into())]
        );
        assert_eq!(read("没有数字"), vec![]);
    }

    #[test]
    fn a_word_after_a_long_stretch_of_text_is_not_the_number_s() {
        // "以上" four characters on belongs to other words, not to 3.
        assert_eq!(
            read("3处文化广场以上"),
            vec![(3.0, Some(Qualifier::Exact), "3".into())]
        );
        // A digit between the number and the word: the word is the second number's.
        assert_eq!(
            read("3处5个以上"),
            vec![
                (3.0, Some(Qualifier::Exact), "3".into()),
                (5.0, Some(Qualifier::AtLeast), "5个以上".into())
            ]
        );
    }

    #[test]
    fn any_text_is_read_without_a_panic() {
        // Quotes come from people: text made by code from the characters the reader looks at
        // (digits of both widths, separators, numerals, multipliers, qualifier words), in
        // every order and length, including numbers far beyond f64.
        let alphabet: Vec<char> =
            "0123456789０９.,，一二两三十百千万亿零余多近约超过不足到以上下内左右逾将大平个 “”、"
                .chars()
                .collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for length in 0..2_000 {
            let text: String = (0..length % 97)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            for number in numbers_in_quote(&text) {
                assert!(number.value.is_finite(), "{text:?}");
                assert!(text.contains(&number.text), "{text:?}: {:?}", number.text);
            }
        }
        let huge = format!("{}余", "9".repeat(400));
        assert_eq!(numbers_in_quote(&huge), Vec::new());
        assert_eq!(numbers_in_quote(&"亿".repeat(200)), Vec::new());
    }

    fn default_snapshot() -> Snapshot {
        crate::core::snapshot::load::snapshot_from_json_text(include_str!(
            "../../../data/snapshot.json"
        ))
        .expect("the default snapshot is valid")
    }

    fn figure(value: Option<f64>, qualifier: Qualifier, quote: &str) -> Indicator {
        let mut indicator = default_snapshot().indicators.remove(0);
        indicator.value = value;
        indicator.qualifier = qualifier;
        indicator.quote = quote.to_owned();
        indicator
    }

    #[test]
    fn a_figure_agrees_with_its_quote_or_is_named_at_its_path() {
        use Qualifier::*;
        assert!(
            quote_warnings_for(&figure(Some(10.0), AtLeast, "累计出动大型机械10余辆"), 0)
                .is_empty()
        );
        assert!(quote_warnings_for(&figure(None, Exact, "N支小分队"), 0).is_empty());
        // A round figure written with a bare multiplier is exact or about, never at least.
        assert!(quote_warnings_for(&figure(Some(10_000.0), About, "万亩桃园"), 0).is_empty());
        assert_eq!(
            quote_warnings_for(&figure(Some(10_000.0), AtLeast, "万亩桃园"), 0)[0].path,
            "indicators[0].qualifier"
        );

        let missing = quote_warnings_for(&figure(Some(12.0), AtLeast, "累计出动大型机械10余辆"), 3);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].path, "indicators[3].value");
        assert!(
            missing[0]
                .message_zh
                .contains("数值 12 在原文“累计出动大型机械10余辆”中找不到（原文中的数字：10余）"),
            "{}",
            missing[0].message_zh
        );
        assert!(
            missing[0].message.contains("the value 12 is not found"),
            "{}",
            missing[0].message
        );

        let wrong = quote_warnings_for(&figure(Some(10.0), Exact, "累计出动大型机械10余辆"), 5);
        assert_eq!(wrong[0].path, "indicators[5].qualifier");
        assert!(
            wrong[0].message_zh.contains("原文“10余”表示“至少”"),
            "{}",
            wrong[0].message_zh
        );
        assert!(
            wrong[0]
                .message
                .contains("the quote's “10余” says “at least”"),
            "{}",
            wrong[0].message
        );
    }

    #[test]
    fn every_figure_of_the_default_snapshot_agrees_with_its_quote() {
        assert_eq!(quote_warnings(&default_snapshot()), Vec::new());
    }
}
