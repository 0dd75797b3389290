//! The published JSON Schema (data/snapshot.schema.json) is generated from the Rust types and
//! must not drift from them. Regenerate with:
//! `cargo run --bin snapshot -- schema > data/snapshot.schema.json`
#![cfg(not(target_arch = "wasm32"))]

use fuguanzhuang_viewer::core::snapshot::Snapshot;
use serde_json::Value;

#[test]
fn committed_schema_matches_the_types() {
    let generated = serde_json::to_value(schemars::schema_for!(Snapshot)).expect("schema");
    let committed: Value = serde_json::from_str(include_str!("../data/snapshot.schema.json"))
        .expect("data/snapshot.schema.json is JSON");
    assert!(
        generated == committed,
        "data/snapshot.schema.json is stale: run `cargo run --bin snapshot -- schema > data/snapshot.schema.json`"
    );
}

#[test]
fn schema_requires_what_the_validator_requires() {
    let schema = serde_json::to_value(schemars::schema_for!(Snapshot)).expect("schema");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in [
        "schema_version",
        "meta",
        "sources",
        "programmes",
        "indicators",
    ] {
        assert!(required.contains(&field), "{field} should be required");
    }
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
}
