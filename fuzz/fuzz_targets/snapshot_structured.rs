//! Fuzz target, structure-aware: the default snapshot (a real file) changed in up to eight
//! places chosen by the fuzzer — a value replaced by another of any type (huge, negative,
//! fractional, empty, unusual text), a key removed or added, a list item duplicated or
//! removed, a container emptied — then written out as JSON and loaded and validated. Nothing
//! may panic, and a snapshot that loads passes its own validation again. See fuzz/README.md.
#![no_main]

use std::sync::OnceLock;

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::validate::validate_snapshot;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value};

fn base() -> &'static Value {
    static BASE: OnceLock<Value> = OnceLock::new();
    BASE.get_or_init(|| {
        serde_json::from_str(include_str!("../../data/snapshot.json")).expect("JSON")
    })
}

fn any_value(u: &mut Unstructured<'_>, depth: u32) -> Result<Value> {
    Ok(match u.int_in_range(0..=9)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::Number(Number::from(u.arbitrary::<i64>()?)),
        3 => Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::Number(Number::from(u.int_in_range(0..=60u64)?)),
        5 => Value::String(u.arbitrary::<String>()?),
        6 => Value::String(
            [
                "",
                "1",
                "zh",
                "a-b",
                "v-duozhuang",
                "machines_deployed",
                "2021",
                "2021-02-30",
                "\u{0}",
                "村",
            ][u.choose_index(10)?]
            .to_owned(),
        ),
        7 if depth < 3 => {
            let len = u.int_in_range(0..=3)?;
            Value::Array(
                (0..len)
                    .map(|_| any_value(u, depth + 1))
                    .collect::<Result<_>>()?,
            )
        }
        8 if depth < 3 => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=3)? {
                map.insert(u.arbitrary::<String>()?, any_value(u, depth + 1)?);
            }
            Value::Object(map)
        }
        _ => Value::String("x".repeat(u.int_in_range(0..=400)?)),
    })
}

/// Walks from `value` to a place chosen by the fuzzer and changes it.
fn mutate(value: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    // Go deeper with some probability while there is somewhere to go.
    let deeper = u.ratio(4u8, 5u8)?;
    match value {
        Value::Object(map) if deeper && !map.is_empty() => {
            let key = map
                .keys()
                .nth(u.choose_index(map.len())?)
                .cloned()
                .unwrap_or_default();
            match u.int_in_range(0..=9)? {
                0 => {
                    map.remove(&key);
                    Ok(())
                }
                1 => {
                    map.insert(u.arbitrary::<String>()?, any_value(u, 0)?);
                    Ok(())
                }
                _ => mutate(map.get_mut(&key).expect("key"), u),
            }
        }
        Value::Array(items) if deeper && !items.is_empty() => {
            let index = u.choose_index(items.len())?;
            match u.int_in_range(0..=9)? {
                0 => {
                    items.remove(index);
                    Ok(())
                }
                1 => {
                    let copy = items[index].clone();
                    items.insert(index, copy);
                    Ok(())
                }
                _ => mutate(&mut items[index], u),
            }
        }
        Value::Object(map) if u.ratio(1u8, 4u8)? => {
            map.clear();
            Ok(())
        }
        Value::Array(items) if u.ratio(1u8, 4u8)? => {
            items.clear();
            Ok(())
        }
        _ => {
            *value = any_value(u, 0)?;
            Ok(())
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut value = base().clone();
    let edits = u.int_in_range(1..=8).unwrap_or(1);
    for _ in 0..edits {
        if mutate(&mut value, &mut u).is_err() {
            break;
        }
    }
    let Ok(text) = serde_json::to_string(&value) else {
        return;
    };
    if let Ok(snapshot) = snapshot_from_json_text(&text) {
        assert!(validate_snapshot(&snapshot).is_empty());
    }
});
