//! The app's JSON reader (`core::snapshot::json_text`) against serde_json, which it replaced in
//! the app (issue 19): the same values from the same text, and for text that is broken or of
//! the wrong shape, the same message at the same line and column (the Chinese wording and the
//! JSON paths people see are derived from those). The broken texts are made by code from the
//! default snapshot: a byte removed, a token put in, the text cut short, at places spread over
//! the whole document and at every kind of byte. One difference is by design: a struct written
//! as a list of its fields' values, which serde_json accepts, is the wrong type for ours.

use std::collections::BTreeMap;

use fuguanzhuang_viewer::core::snapshot::json_text::{self, Raw};
use fuguanzhuang_viewer::core::snapshot::Snapshot;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::value::RawValue;

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");
const OUTLINES: &str = include_str!("../data/geo/locator-linyi-wgs84.json");

/// What a reader made of a text: the value as JSON, or the message with its line and column.
/// A float in a message is compared by its value to 15 digits: serde_json writes 1e29 as
/// `1e+29`, serde as `100000000000000000000000000000.0`; and serde_json's default float reading
/// may be one unit in the last place off, where Rust's (ours) is correctly rounded.
fn outcome<T: serde::Serialize>(read: Result<T, (String, usize, usize)>) -> String {
    match read {
        Ok(value) => serde_json::to_string(&value).expect("serialisable"),
        Err((reason, line, column)) => {
            format!("error: {} at {line}:{column}", floats_by_value(&reason))
        }
    }
}

fn floats_by_value(message: &str) -> String {
    const FLOAT: &str = "floating point `";
    let Some(start) = message.find(FLOAT).map(|index| index + FLOAT.len()) else {
        return message.to_owned();
    };
    let Some(length) = message[start..].find('`') else {
        return message.to_owned();
    };
    let value: f64 = message[start..start + length].parse().expect("a float");
    format!(
        "{}{value:.14e}{}",
        &message[..start],
        &message[start + length..]
    )
}

fn ours<T: DeserializeOwned + serde::Serialize>(text: &str) -> String {
    outcome(
        json_text::from_str::<T>(text).map_err(|error| (error.reason, error.line, error.column)),
    )
}

/// serde_json's message without its " at line L column C", and the line and column.
fn their_error(error: serde_json::Error) -> (String, usize, usize) {
    let message = error.to_string();
    let reason = message
        .rfind(" at line ")
        .map_or(message.clone(), |index| message[..index].to_owned());
    (reason, error.line(), error.column())
}

fn theirs<T: DeserializeOwned + serde::Serialize>(text: &str) -> String {
    outcome(serde_json::from_str::<T>(text).map_err(their_error))
}

/// Both readers on `text` as `T`, the parts reader (`Raw`) and the syntax check
/// (`IgnoredAny`); returns how many of the three failed.
fn compare_as<T: DeserializeOwned + serde::Serialize>(text: &str, what: &str) -> usize {
    let typed = ours::<T>(text);
    // The one difference by design: serde_json also reads a struct from a list of its fields'
    // values in order; ours says a list is the wrong type (half the code for every type).
    if !typed.contains("invalid type: sequence, expected struct") {
        assert_eq!(typed, theirs::<T>(text), "{what}: typed reading");
    }
    let parts_ours = outcome(
        json_text::from_str::<BTreeMap<String, Raw>>(text)
            .map(|parts| {
                parts
                    .into_iter()
                    .map(|(key, raw)| (key, raw.get().to_owned()))
                    .collect::<BTreeMap<_, _>>()
            })
            .map_err(|error| (error.reason, error.line, error.column)),
    );
    let parts_theirs = outcome(
        serde_json::from_str::<BTreeMap<String, &RawValue>>(text)
            .map(|parts| {
                parts
                    .into_iter()
                    .map(|(key, raw)| (key, raw.get().to_owned()))
                    .collect::<BTreeMap<_, _>>()
            })
            .map_err(their_error),
    );
    assert_eq!(parts_ours, parts_theirs, "{what}: read part by part");
    let syntax_ours = json_text::from_str::<IgnoredAny>(text).map_err(|error| error.to_string());
    let syntax_theirs = serde_json::from_str::<IgnoredAny>(text).map_err(|error| error.to_string());
    assert_eq!(
        syntax_ours.is_ok(),
        syntax_theirs.is_ok(),
        "{what}: syntax check {syntax_ours:?} {syntax_theirs:?}"
    );
    if let (Err(ours), Err(theirs)) = (&syntax_ours, &syntax_theirs) {
        assert_eq!(
            floats_by_value(ours),
            floats_by_value(theirs),
            "{what}: syntax message"
        );
    }
    [
        typed.starts_with("error: "),
        parts_ours.starts_with("error: "),
        syntax_ours.is_err(),
    ]
    .iter()
    .filter(|&&failed| failed)
    .count()
}

#[test]
fn the_default_snapshot_reads_the_same() {
    assert_eq!(
        compare_as::<Snapshot>(DEFAULT_SNAPSHOT, "default snapshot"),
        0
    );
    let ours: Snapshot = json_text::from_str(DEFAULT_SNAPSHOT).expect("reads");
    let theirs: Snapshot = serde_json::from_str(DEFAULT_SNAPSHOT).expect("reads");
    assert_eq!(ours, theirs);
}

#[test]
fn the_outlines_read_the_same() {
    assert_eq!(
        compare_as::<serde_json::Value>(OUTLINES, "outlines as values"),
        0
    );
}

/// Char boundaries spread over the text: every `step`-th, and around every kind of byte that
/// JSON gives meaning to.
fn places(text: &str, step: usize) -> Vec<usize> {
    let mut places: Vec<usize> = (0..=text.len())
        .step_by(step)
        .chain(
            text.char_indices()
                .filter(|(_, c)| "{}[]:,\"\\.-e0123456789tfn \n".contains(*c))
                .map(|(index, _)| index)
                .step_by(61),
        )
        .filter(|&index| text.is_char_boundary(index))
        .collect();
    places.sort_unstable();
    places.dedup();
    places
}

#[test]
fn broken_snapshots_fail_the_same_way() {
    let text = DEFAULT_SNAPSHOT;
    let inserts = [
        ",",
        "]",
        "}",
        "[",
        "{",
        "\"",
        ":",
        "x",
        "nul",
        "tru",
        "-",
        "0",
        "01",
        "1.",
        "1e",
        "1e999",
        "-0",
        "1.5",
        "18446744073709551616",
        "\\",
        "\\u12",
        "\\ud800",
        "\\ud800\\u0041",
        "\\q",
        "\u{1}",
        " ",
        "\n",
        "é",
        "null",
        "true",
        "\"\":1",
        "[]",
        "{}",
    ];
    let (mut cases, mut failures) = (0, 0);
    for at in places(text, 809) {
        let mut variants = Vec::new();
        if let Some(c) = text[at..].chars().next() {
            variants.push((
                format!("{}{}", &text[..at], &text[at + c.len_utf8()..]),
                format!("byte removed at {at}"),
            ));
        }
        variants.push((text[..at].to_owned(), format!("cut at {at}")));
        let insert = inserts[at % inserts.len()];
        variants.push((
            format!("{}{insert}{}", &text[..at], &text[at..]),
            format!("{insert:?} put in at {at}"),
        ));
        for (broken, what) in variants {
            cases += 1;
            failures += compare_as::<Snapshot>(&broken, &what);
        }
    }
    // The comparisons ran on both kinds of text.
    assert!(cases > 500, "{cases} cases");
    assert!(failures > cases, "{failures} failures in {cases} cases");
}

#[test]
fn numbers_strings_and_shapes_read_the_same() {
    let list_for_a_struct = json_text::from_str::<Snapshot>("[1, 2]").expect_err("a list");
    assert_eq!(
        list_for_a_struct.reason,
        "invalid type: sequence, expected struct Snapshot"
    );
    let values = [
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "-0.5",
        "1e3",
        "1E-3",
        "1e+3",
        "123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.7976931348623157e308",
        "1e309",
        "-1e309",
        "5e-324",
        "1e-400",
        "0.1",
        "3.141592653589793",
        "118.61234567",
        "35.97",
        "2.",
        ".5",
        "01",
        "-",
        "--1",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "\"a\"",
        "\"\\u00e9\\n\\t\\\"\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83dx\"",
        "\"\\u12\"",
        "\"\\uzzzz\"",
        "\"\\x\"",
        "99e99449999449199919999999",
        "1e2147483648",
        "0e2147483648",
        "1e-2147483649",
        "\"a\u{1}b\"",
        "\"富官庄\"",
        "\"unterminated",
        "true",
        "false",
        "null",
        "nul",
        "truth",
        "[]",
        "[1,]",
        "[1 2]",
        "[1,,2]",
        "{}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1}}",
        "[1]]",
        "",
        "   ",
        "[[[[[]]]]]",
        "{\"a\":[{\"b\":null}]}",
    ];
    for value in values {
        compare_as::<serde_json::Value>(value, value);
        compare_as::<Vec<f64>>(&format!("[{value}]"), value);
        compare_as::<Option<u16>>(value, value);
        compare_as::<Option<String>>(value, value);
        compare_as::<BTreeMap<String, i64>>(value, value);
    }
    // Nesting: serde_json's typed reading stops at 128 levels, and so does ours; serde_json
    // skips a value (IgnoredAny, RawValue) at any depth, ours refuses there too, so that it
    // never runs out of stack (a snapshot's nesting is checked before anything is read).
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        ours::<serde_json::Value>(&deep),
        theirs::<serde_json::Value>(&deep)
    );
    let skipped = json_text::from_str::<IgnoredAny>(&deep).expect_err("too deep");
    assert_eq!(skipped.reason, "recursion limit exceeded");
    assert_eq!((skipped.line, skipped.column), (1, 128));
}

#[test]
fn the_fuzzers_inputs_read_the_same() {
    let mut read = 0;
    for folder in [
        "fuzz/corpus/snapshot_load",
        "fuzz/artifacts/snapshot_load",
        "fuzz/artifacts/json_text",
    ] {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("readable");
            if let Ok(text) = String::from_utf8(bytes) {
                let what = entry.path().display().to_string();
                compare_as::<Snapshot>(&text, &what);
                compare_as::<serde_json::Value>(&text, &what);
                read += 1;
            }
        }
    }
    assert!(read >= 10, "only {read} inputs");
}
