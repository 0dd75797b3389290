//! Fuzz target: snapshot parsing + validation, and URL view-state parsing, on arbitrary bytes.
//! Neither may panic, whatever the input. See fuzz/README.md.
#![no_main]

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::view::state::{query_from_view_state, view_state_from_query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = snapshot_from_json_text(text);
        let (state, _) = view_state_from_query(text);
        // Writing a state and reading it back gives the same state.
        let (again, _) = view_state_from_query(&query_from_view_state(&state));
        assert_eq!(again, state);
    }
});
