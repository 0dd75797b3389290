//! Random and mutated input never panics the loader: it either loads or reports problems.
//! Deterministic (a fixed-seed xorshift generator), so a failure reproduces.

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use serde_json::{json, Value};

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: [&str; 14] = [
    "", "{", "}", "[", "]", ",", "\"", "null", "-1", "1e999", "\\u0000", "💥", "\u{202e}", "0.5",
];

/// Byte-level mutations of the text.
fn mutate_text(rng: &mut XorShift, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            2 => bytes.truncate(at),
            _ => {
                let end = (at + rng.below(200)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Structural mutations: replace a random node with a value of another type.
fn mutate_value(rng: &mut XorShift, value: &mut Value) {
    let replacements = [
        json!(null),
        json!(-7.5),
        json!("<script>alert(1)</script>"),
        json!([]),
        json!({}),
        json!(true),
        json!(u64::MAX),
        json!("x".repeat(5000)),
    ];
    // Walk down a random path (as a JSON pointer), then replace what is there.
    let mut pointer = String::new();
    let mut node: &Value = value;
    for _ in 0..rng.below(6) {
        let step = match node {
            Value::Object(map) if !map.is_empty() => map
                .iter()
                .nth(rng.below(map.len()))
                .map(|(key, child)| (key.replace('~', "~0").replace('/', "~1"), child)),
            Value::Array(items) if !items.is_empty() => {
                let index = rng.below(items.len());
                items.get(index).map(|child| (index.to_string(), child))
            }
            _ => None,
        };
        match step {
            Some((segment, child)) => {
                pointer.push('/');
                pointer.push_str(&segment);
                node = child;
            }
            None => break,
        }
    }
    let replacement = replacements[rng.below(replacements.len())].clone();
    if let Some(target) = value.pointer_mut(&pointer) {
        *target = replacement;
    }
}

#[test]
fn mutated_text_never_panics() {
    let mut rng = XorShift(0x5eed_f00d);
    let mut loaded = 0;
    for _ in 0..1500 {
        let text = mutate_text(&mut rng, DEFAULT_SNAPSHOT);
        if snapshot_from_json_text(&text).is_ok() {
            loaded += 1;
        }
    }
    // Most mutations break the JSON; all that matters is that none panicked.
    assert!(loaded < 1500);
}

#[test]
fn mutated_structure_never_panics_and_always_names_a_path() {
    let base: Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("json");
    let mut rng = XorShift(0xdead_beef);
    for _ in 0..1500 {
        let mut value = base.clone();
        for _ in 0..=rng.below(3) {
            mutate_value(&mut rng, &mut value);
        }
        let text = value.to_string();
        if let Err(problems) = snapshot_from_json_text(&text) {
            assert!(!problems.is_empty());
            for problem in problems {
                assert!(!problem.message.is_empty());
            }
        }
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let depth = 100_000;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let problems = snapshot_from_json_text(&text).expect_err("refused");
    assert!(
        problems[0].message.contains("recursion limit"),
        "{:?}",
        problems[0]
    );
    let text = format!(
        "{{\"schema_version\": 1, \"meta\": {}{}}}",
        "{\"a\":".repeat(depth),
        "}".repeat(depth)
    );
    assert!(snapshot_from_json_text(&text).is_err());
}
