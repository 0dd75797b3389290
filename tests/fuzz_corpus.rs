//! Every input in the fuzz corpus (and any crash the fuzzer saved) goes through the loader and
//! the URL parser without a panic: the corpus stays a regression suite in `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::view::state::{query_from_view_state, view_state_from_query};

fn inputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file())
        .map(|entry| {
            let bytes = std::fs::read(entry.path()).expect("readable corpus file");
            (entry.path().display().to_string(), bytes)
        })
        .collect()
}

#[test]
fn corpus_and_crashes_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = inputs(&root.join("corpus/snapshot_load"));
    files.extend(inputs(&root.join("artifacts/snapshot_load")));
    assert!(
        files.len() >= 4,
        "the corpus is missing: {} files",
        files.len()
    );
    let mut loaded = 0;
    for (_name, bytes) in &files {
        if let Ok(text) = std::str::from_utf8(bytes) {
            if snapshot_from_json_text(text).is_ok() {
                loaded += 1;
            }
            let (state, _) = view_state_from_query(text);
            assert_eq!(
                view_state_from_query(&query_from_view_state(&state)).0,
                state
            );
        }
    }
    assert!(loaded >= 2, "the valid seeds load ({loaded})");
}

/// Crashes the other fuzz targets saved (fuzz/artifacts/<target>/), replayed as those targets
/// run them: none may panic again.
#[test]
fn saved_crashes_of_every_target_do_not_panic() {
    use fuguanzhuang_viewer::authoring::apply_csv_bytes;
    use fuguanzhuang_viewer::core::snapshot::validate::validate_snapshot;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/artifacts");
    for (_name, bytes) in inputs(&root.join("url_state")) {
        if let Ok(query) = std::str::from_utf8(&bytes) {
            let (state, _) = view_state_from_query(query);
            let (again, ignored) = view_state_from_query(&query_from_view_state(&state));
            assert_eq!(again, state);
            assert!(ignored.is_empty(), "{ignored:?}");
        }
    }
    let base = snapshot_from_json_text(include_str!("../data/snapshot.json")).expect("valid");
    for (_name, bytes) in inputs(&root.join("csv_import")) {
        let mut snapshot = base.clone();
        let _ = apply_csv_bytes(&mut snapshot, &bytes);
        let _ = validate_snapshot(&snapshot);
    }
}
