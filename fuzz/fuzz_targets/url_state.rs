//! Fuzz target: the URL's view state. Reading any query never panics, and writing a state and
//! reading it back gives the same state. See fuzz/README.md.
#![no_main]

use fuguanzhuang_viewer::core::view::state::{query_from_view_state, view_state_from_query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let (state, _) = view_state_from_query(query);
    let (again, ignored) = view_state_from_query(&query_from_view_state(&state));
    assert_eq!(again, state);
    assert!(ignored.is_empty(), "{ignored:?}");
});
