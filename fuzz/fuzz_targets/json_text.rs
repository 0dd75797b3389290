//! Fuzz target: the app's JSON reader (`core::snapshot::json_text`) against serde_json on
//! arbitrary text: the same values (floats to within one unit in the last place: serde_json's
//! default float reading is not always correctly rounded, ours is), or the same message at the
//! same line and column. See tests/json_text.rs for the differences by design, which this
//! target leaves out: a struct written as a list; skipping deeper than 128 levels; how a float
//! is written in a message.
#![no_main]

use fuguanzhuang_viewer::core::snapshot::json_text;
use fuguanzhuang_viewer::core::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn same_value(ours: &Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) if a.is_f64() || b.is_f64() => {
            let (a, b) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            a == b || (a - b).abs() <= a.abs().max(b.abs()) * 2.0 * f64::EPSILON
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, va), (kb, vb))| ka == kb && same_value(va, vb))
        }
        _ => ours == theirs,
    }
}

/// serde_json's message without " at line L column C", with the line and column.
fn theirs_error(error: &serde_json::Error) -> (String, usize, usize) {
    let message = error.to_string();
    let reason = message
        .rfind(" at line ")
        .map_or(message.clone(), |index| message[..index].to_owned());
    (reason, error.line(), error.column())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // serde_json's `Value` treats this key as its private marker for raw values (and reads the
    // string inside as JSON): a serde_json quirk, nothing the app reads.
    if text.contains("$serde_json::private::RawValue") {
        return;
    }
    let ours = json_text::from_str::<Value>(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same_value(a, b), "{a:?} vs {b:?}"),
        (Err(a), Err(b)) => {
            if !a.reason.contains("floating point `") {
                assert_eq!((a.reason.clone(), a.line, a.column), theirs_error(b));
            }
        }
        _ => panic!("one read it, one did not: {ours:?} vs {theirs:?}"),
    }
    let ours = json_text::from_str::<Snapshot>(text);
    let theirs = serde_json::from_str::<Snapshot>(text);
    match (&ours, &theirs) {
        (Ok(_), Ok(_)) => {}
        (Err(a), _) if a.reason.contains("invalid type: sequence, expected struct") => {}
        (Err(a), Err(b)) => {
            if !a.reason.contains("floating point `") {
                assert_eq!((a.reason.clone(), a.line, a.column), theirs_error(b));
            }
        }
        _ => panic!(
            "one read it, one did not: {ours:?} vs {:?}",
            theirs.as_ref().err()
        ),
    }
});
