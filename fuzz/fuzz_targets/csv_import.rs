//! Fuzz target: the spreadsheet importer (`snapshot build`). Any bytes as either CSV file, in
//! any encoding, are decoded, applied to the default snapshot and the result validated,
//! without a panic. See fuzz/README.md.
#![no_main]

use std::sync::OnceLock;

use fuguanzhuang_viewer::authoring::apply_csv_bytes;
use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::validate::validate_snapshot;
use fuguanzhuang_viewer::core::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;

fn base() -> &'static Snapshot {
    static BASE: OnceLock<Snapshot> = OnceLock::new();
    BASE.get_or_init(|| {
        snapshot_from_json_text(include_str!("../../data/snapshot.json")).expect("valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let mut snapshot = base().clone();
    let _ = apply_csv_bytes(&mut snapshot, data);
    let _ = validate_snapshot(&snapshot);
});
