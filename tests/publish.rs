//! `snapshot publish`: a built app plus any valid snapshot → a ready-to-host folder with that
//! snapshot pre-rendered, without rebuilding the wasm.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use fuguanzhuang_viewer::authoring::publish::publish;
use fuguanzhuang_viewer::ui::prerender::render_page;

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fgz-publish-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

/// A stand-in for a built app: the page as the build leaves it, the data, an asset.
fn built_app(dir: &Path) {
    fs::create_dir_all(dir.join("data")).expect("dir");
    let page = render_page(include_str!("../index.html"), DEFAULT_SNAPSHOT, None).expect("renders");
    fs::write(dir.join("index.html"), &page).expect("write");
    fs::write(dir.join("index.html.gz"), b"stale").expect("write");
    fs::write(dir.join("data/snapshot.json"), DEFAULT_SNAPSHOT).expect("write");
    fs::write(dir.join("app.wasm"), b"\0asm").expect("write");
    // A page of one visual, rendered from the default snapshot.
    fs::write(
        dir.join("visual-chart-team-shares.html"),
        "<title>富官庄镇</title>",
    )
    .expect("write");
}

#[test]
fn a_folder_per_snapshot_with_its_report_pre_rendered() {
    let app = scratch("app");
    built_app(&app);
    // Another township's snapshot (made up for the test from the default one).
    let mut other: serde_json::Value = serde_json::from_str(DEFAULT_SNAPSHOT).expect("JSON");
    other["meta"]["township"]["name"]["zh"] = "测试镇".into();
    other["meta"]["title"]["zh"] = "测试用报告".into();
    let other_text = other.to_string();
    let snapshot = app.with_extension("other.json");
    fs::write(&snapshot, &other_text).expect("write");
    let out = scratch("out");

    let published = publish(&app, &snapshot, &out, None).expect("published");
    assert_eq!(published.files, 4);
    let page = fs::read_to_string(out.join("index.html")).expect("page");
    assert!(page.contains("<title>测试镇 · 测试用报告</title>"));
    assert!(page.contains("class=\"township-name\">测试镇"));
    assert!(
        !page.contains("class=\"township-name\">富官庄镇"),
        "the default report is gone"
    );
    assert_eq!(page.matches("<div id=\"app\"").count(), 1);
    // Each visual's page is the new snapshot's, not the built app's.
    let visual =
        fs::read_to_string(out.join("visual-chart-team-shares.html")).expect("visual page");
    assert!(
        visual.contains("class=\"township-name\" lang=\"zh-CN\">测试镇")
            || visual.contains(">测试镇<"),
        "{visual}"
    );
    assert!(
        !visual.contains("<title>富官庄镇</title>"),
        "the built app's visual page is not kept"
    );
    assert!(out.join("visual-map.html.gz").exists());
    assert_eq!(
        fs::read_to_string(out.join("data/snapshot.json")).expect("data"),
        other_text
    );
    assert_eq!(
        fs::read(out.join("app.wasm")).expect("wasm"),
        b"\0asm",
        "the app is copied as built"
    );
    // The precompressed siblings hold the new page, not the stale one.
    let mut gunzipped = String::new();
    flate2::read::GzDecoder::new(fs::File::open(out.join("index.html.gz")).expect("gz"))
        .read_to_string(&mut gunzipped)
        .expect("gunzip");
    assert_eq!(gunzipped, page);
    let mut unbrotlied = Vec::new();
    brotli::Decompressor::new(
        fs::File::open(out.join("data/snapshot.json.br")).expect("br"),
        4096,
    )
    .read_to_end(&mut unbrotlied)
    .expect("unbrotli");
    assert_eq!(unbrotlied, other_text.as_bytes());

    // Nothing is overwritten, and an invalid snapshot is refused before anything is written.
    let again = publish(&app, &snapshot, &out, None).expect_err("exists");
    assert!(again.contains("exists already"), "{again}");
    other["indicators"][0]["value"] = (-3).into();
    fs::write(&snapshot, other.to_string()).expect("write");
    let refused = scratch("refused");
    let error = publish(&app, &snapshot, &refused, None).expect_err("invalid");
    assert!(error.contains("indicators[0].value"), "{error}");
    assert!(!refused.exists());
    for dir in [&app, &out] {
        let _ = fs::remove_dir_all(dir);
    }
    let _ = fs::remove_file(&snapshot);
}
