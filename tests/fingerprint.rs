//! The page records the fingerprint of the snapshot it was rendered from (`data-snapshot`);
//! where the interactive layer cannot run, the start-up script recomputes it in JavaScript
//! (`scripts/snapshot-fingerprint.mjs`, copied into the script by the build) to tell whether the
//! site's data file is still that snapshot. The two must agree on every text: here the
//! JavaScript one is run by node over files made by code and compared with the Rust one. (The
//! mirror image, `tests/js/fingerprint.test.mjs`, runs the Rust one from JavaScript.)
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use fuguanzhuang_viewer::core::geo::Crs;
use fuguanzhuang_viewer::core::snapshot::load::{snapshot_fingerprint, snapshot_text_from_bytes};
use fuguanzhuang_viewer::core::snapshot::synthetic::{
    polygons_from_geojson_text, synthetic_snapshot, SplitMix,
};

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

/// Characters that break naive hashing or escaping: quotes, backslashes, markup, controls,
/// line and paragraph separators, a byte-order mark inside the text, combining marks, CJK,
/// characters outside the Basic Multilingual Plane (4 bytes in UTF-8, surrogate pairs in JS).
const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "</script>",
    "<!--",
    "&amp;",
    "\u{0}",
    "\u{1}",
    "\t",
    "\r\n",
    "\n",
    "\u{7f}",
    "\u{80}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{301}",
    "富官庄镇",
    "“10余”",
    "近200",
    "𠀀",
    "😀",
    "👩‍👩‍👧",
    "\u{fffd}",
    "\u{ffff}",
    "\u{10ffff}",
    "é",
    "ａ",
    " ",
];

fn hostile_texts() -> Vec<String> {
    let mut random = SplitMix::new(29);
    let mut texts: Vec<String> = vec![String::new(), "a".into(), "{}".into()];
    texts.extend(HOSTILE.iter().map(|piece| (*piece).to_owned()));
    for length in [1, 2, 7, 64, 1_000, 100_000] {
        let mut text = String::new();
        while text.chars().count() < length {
            text.push_str(HOSTILE[(random.next_u64() % HOSTILE.len() as u64) as usize]);
        }
        texts.push(text);
    }
    // Hostile text inside the default snapshot, where a reader would meet it.
    let mut snapshot: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    snapshot["meta"]["title"]["zh"] = serde_json::Value::String(HOSTILE.concat());
    texts.push(serde_json::to_string(&snapshot).expect("JSON"));
    texts
}

/// A folder of this test's own (the tests run in parallel).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fgz-fingerprint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// `scripts/snapshot-fingerprint.mjs` over `files`, one fingerprint per file.
fn javascript_fingerprints(files: &[PathBuf]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/snapshot-fingerprint.mjs");
    let output = Command::new("node")
        .arg(script)
        .args(files)
        .output()
        .expect("node runs (the build needs it too: scripts/install.sh)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| {
            line.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// Each file's bytes as the app reads them, and the Rust fingerprint of that text.
fn rust_fingerprint(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("read");
    snapshot_fingerprint(&snapshot_text_from_bytes(bytes).expect("UTF-8"))
}

fn assert_agree(files: &[PathBuf]) {
    let javascript = javascript_fingerprints(files);
    assert_eq!(javascript.len(), files.len());
    for (file, from_javascript) in files.iter().zip(&javascript) {
        assert_eq!(
            &rust_fingerprint(file),
            from_javascript,
            "{} ({} bytes)",
            file.display(),
            std::fs::metadata(file).map(|m| m.len()).unwrap_or(0)
        );
    }
}

#[test]
fn javascript_and_rust_fingerprints_agree_on_the_default_and_hostile_texts() {
    let dir = scratch("hostile");
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("data/snapshot.json")];
    for (index, text) in hostile_texts().iter().enumerate() {
        let file = dir.join(format!("hostile-{index}.json"));
        std::fs::write(&file, text).expect("write");
        files.push(file);
    }
    // A byte-order mark (Windows Notepad's UTF-8): not part of the text either side hashes.
    let with_mark = dir.join("with-bom.json");
    std::fs::write(
        &with_mark,
        [b"\xef\xbb\xbf", DEFAULT_SNAPSHOT.as_bytes()].concat(),
    )
    .expect("write");
    files.push(with_mark.clone());
    assert_agree(&files);
    assert_eq!(
        rust_fingerprint(&with_mark),
        snapshot_fingerprint(DEFAULT_SNAPSHOT)
    );
    // Different texts, different fingerprints (no constant answer on either side).
    let javascript = javascript_fingerprints(&files[..4]);
    let mut distinct = javascript.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), javascript.len(), "{javascript:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn javascript_and_rust_fingerprints_agree_on_a_large_synthetic_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let outline = std::fs::read_to_string(root.join("data/geo/yishui-371323-wgs84.geojson"))
        .map_err(|error| error.to_string())
        .and_then(|text| polygons_from_geojson_text(&text))
        .expect("the county outline");
    let snapshot = synthetic_snapshot(&outline, 20_000, 29, Crs::Wgs84);
    let text = serde_json::to_string(&snapshot).expect("JSON");
    assert!(text.len() > 5_000_000, "{} bytes", text.len());
    let dir = scratch("large");
    let file = dir.join("synthetic-20000.json");
    std::fs::write(&file, &text).expect("write");
    assert_agree(&[file]);
    let _ = std::fs::remove_dir_all(&dir);
}
