//! Building a snapshot from spreadsheets and boundary files (`snapshot build`): UTF-8 and GBK
//! CSV, GeoJSON, broken inputs, and the round trip through the CSV export. The fixtures in
//! tests/fixtures/authoring are test data, not real figures.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use fuguanzhuang_viewer::authoring::text::{decode, EncodingChoice};
use fuguanzhuang_viewer::authoring::{
    apply_by_place_csv, apply_geojson, apply_indicators_csv, by_place_csv_from_snapshot,
    indicators_csv_from_snapshot,
};
use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::{Crs, Snapshot};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/authoring")
        .join(name)
}

fn default_snapshot() -> Snapshot {
    snapshot_from_json_text(include_str!("../data/snapshot.json")).expect("valid")
}

fn read(name: &str) -> String {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    decode(name, &bytes, EncodingChoice::Auto)
        .expect("decodes")
        .text
}

fn build(indicators: &str) -> (Snapshot, Vec<fuguanzhuang_viewer::authoring::Worded>) {
    let mut snapshot = default_snapshot();
    let mut problems = Vec::new();
    apply_indicators_csv(&mut snapshot, indicators, &read(indicators), &mut problems);
    apply_by_place_csv(
        &mut snapshot,
        "by-place.csv",
        &read("by-place.csv"),
        &mut problems,
    );
    apply_geojson(
        &mut snapshot,
        "villages.geojson",
        &read("villages.geojson"),
        Crs::Wgs84,
        &mut problems,
    );
    (snapshot, problems)
}

#[test]
fn utf8_and_gbk_spreadsheets_build_the_expected_snapshot() {
    // Regenerate after changing data/snapshot.json:
    // cargo run --bin snapshot -- build --base data/snapshot.json \
    //   --indicators tests/fixtures/authoring/indicators-utf8.csv --by-place tests/fixtures/authoring/by-place.csv \
    //   --geojson tests/fixtures/authoring/villages.geojson --out tests/fixtures/authoring/expected.json
    let expected =
        snapshot_from_json_text(&read("expected.json")).expect("expected fixture is valid");
    for file in ["indicators-utf8.csv", "indicators-gbk.csv"] {
        let (snapshot, problems) = build(file);
        assert!(problems.is_empty(), "{file}: {problems:?}");
        assert!(
            snapshot == expected,
            "{file}: the result differs from expected.json"
        );
    }
    let gbk = std::fs::read(fixture("indicators-gbk.csv")).expect("fixture");
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK fixture really is GBK"
    );
}

#[test]
fn new_periods_are_appended_and_places_get_values_and_geometry() {
    let (snapshot, _) = build("indicators-utf8.csv");
    let trees = snapshot
        .indicators
        .iter()
        .find(|i| i.id == "trees_planted")
        .expect("trees");
    assert_eq!(trees.value, Some(13_000.0), "the report's value is kept");
    assert_eq!(trees.series.len(), 1);
    assert_eq!(
        (trees.series[0].period.as_str(), trees.series[0].value),
        ("2022", Some(15_000.0))
    );
    let new = snapshot
        .indicators
        .iter()
        .find(|i| i.id == "test_new_figure")
        .expect("new");
    assert_eq!(new.by_place.len(), 3);
    assert_eq!(
        new.by_place[2].value, None,
        "an empty cell is no data, not zero"
    );
    let duozhuang = snapshot
        .places
        .iter()
        .find(|p| p.id == "v-duozhuang")
        .expect("垛庄村");
    assert_eq!(duozhuang.geometry.as_ref().map(|g| g.crs), Some(Crs::Wgs84));
}

#[test]
fn the_shipped_snapshot_round_trips_through_its_csv_export() {
    let shipped = default_snapshot();
    let indicators_csv = indicators_csv_from_snapshot(&shipped);
    assert!(indicators_csv.starts_with('\u{feff}'));
    let mut rebuilt = shipped.clone();
    rebuilt.indicators.clear();
    let mut problems = Vec::new();
    apply_indicators_csv(
        &mut rebuilt,
        "indicators.csv",
        indicators_csv.trim_start_matches('\u{feff}'),
        &mut problems,
    );
    apply_by_place_csv(
        &mut rebuilt,
        "by-place.csv",
        by_place_csv_from_snapshot(&shipped).trim_start_matches('\u{feff}'),
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        rebuilt == shipped,
        "rebuilding from the CSV export changed the snapshot"
    );
}

/// Runs `snapshot build` with one broken file and returns (exit code, stderr, output written).
fn build_with(file_flag: &str, name: &str, contents: &[u8]) -> (i32, String, bool) {
    let dir = std::env::temp_dir().join(format!("fgz-authoring-{}-{}", std::process::id(), name));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join(name);
    std::fs::write(&input, contents).expect("write input");
    let out = dir.join("out.json");
    let _ = std::fs::remove_file(&out);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/snapshot.json");
    let result = Command::new(env!("CARGO_BIN_EXE_snapshot"))
        .args(["build", "--lang", "en", "--base"])
        .arg(&base)
        .arg(file_flag)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("runs");
    let written = out.exists();
    let _ = std::fs::remove_dir_all(&dir);
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stderr).into_owned(),
        written,
    )
}

const HEADER: &str = "id,programme,label_zh,label_en,unit_zh,unit_en,value,qualifier,kind,period,source,quote,note_zh,note_en,part_of\n";

#[test]
fn broken_inputs_give_precise_messages_and_no_output() {
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("--indicators", "wrong-header.csv", b"id,programme,lable_zh\nx,team,y\n".to_vec(), "wrong-header.csv:1:3: wrong header: unknown column \"lable_zh\""),
        (
            "--indicators",
            "text-number.csv",
            format!("{HEADER}trees_planted,environment,a,b,c,d,很多,exact,count,2022,report-2021,q,,,\n").into_bytes(),
            "text-number.csv:2:7: value: \"很多\" is not a number",
        ),
        (
            "--indicators",
            "duplicate.csv",
            format!("{HEADER}trees_planted,environment,a,b,c,d,1,exact,count,2022,report-2021,q,,,\ntrees_planted,environment,a,b,c,d,2,exact,count,2022,report-2021,q,,,\n").into_bytes(),
            "duplicate.csv:3:1: duplicate: trees_planted for period 2022 is also on line 2",
        ),
        (
            "--indicators",
            "overwrite.csv",
            format!("{HEADER}trees_planted,environment,a,b,c,d,99,exact,count,2021,report-2021,q,,,\n").into_bytes(),
            "never overwritten",
        ),
        ("--by-place", "unknown-village.csv", "indicator,place,value,qualifier\ntrees_planted,东京村,3,exact\n".as_bytes().to_vec(), "unknown-village.csv:2:2: unknown village \"东京村\""),
        (
            "--geojson",
            "broken.geojson",
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"垛庄村"},"geometry":{"type":"Polygon","coordinates":[[[118.6,35.9],[118.7,35.9],[118.7,36.0],[118.6,36.1]]]}}]}"#.as_bytes().to_vec(),
            "broken.geojson: feature 0: geometry.coordinates[0]: ring is not closed",
        ),
        (
            "--geojson",
            "duplicate-code.geojson",
            r#"{"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"371323115275"},"geometry":{"type":"Point","coordinates":[118.6,35.9]}},
              {"type":"Feature","properties":{"code":"371323115275"},"geometry":{"type":"Point","coordinates":[118.7,35.9]}}]}"#
                .as_bytes()
                .to_vec(),
            "duplicate-code.geojson: feature 1: \"371323115275\" is also feature 0",
        ),
        (
            "--by-place",
            "duplicate-village.csv",
            "indicator,place,value,qualifier\ntrees_planted,垛庄村,3,exact\ntrees_planted,v-duozhuang,4,exact\n".as_bytes().to_vec(),
            "duplicate-village.csv:3:2: duplicate: trees_planted for v-duozhuang is also on line 2",
        ),
        (
            "--indicators",
            "mixed.csv",
            {
                let mut bytes = format!("{HEADER}trees_planted,environment,种植,b,棵,d,1,exact,count,2022,report-2021,q,,,\n").into_bytes();
                bytes.extend(encoding_rs::GBK.encode("trees_planted,environment,种植,b,棵,d,2,exact,count,2023,report-2021,q,,,\n").0.iter());
                bytes
            },
            "mixed.csv: mixed encodings: line 2 is UTF-8 but line 3 is not",
        ),
    ];
    for (flag, name, contents, expected) in cases {
        let (code, stderr, written) = build_with(flag, name, &contents);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in:\n{stderr}"
        );
        assert!(stderr.contains("nothing written"), "{name}: {stderr}");
        assert!(
            !written,
            "{name}: an output file was written despite errors"
        );
    }
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("fgz-dry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let result = Command::new(env!("CARGO_BIN_EXE_snapshot"))
        .args(["build", "--lang", "en", "--dry-run", "--base"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/snapshot.json"))
        .arg("--indicators")
        .arg(fixture("indicators-gbk.csv"))
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(String::from_utf8_lossy(&result.stdout).contains("dry run: nothing written"));
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_speaks_chinese_by_default_and_english_when_asked() {
    let dir = std::env::temp_dir().join(format!("fgz-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let csv = dir.join("wrong.csv");
    std::fs::write(
        &csv,
        "indicator,place,value,qualifier\ntrees_planted,无此村,3,exact\n",
    )
    .expect("write");
    let run = |lang: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_snapshot"));
        command.arg("build");
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        let output = command
            .args(["--dry-run", "--base"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/snapshot.json"))
            .arg("--by-place")
            .arg(&csv)
            .env_remove("SNAPSHOT_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let zh = run(None);
    assert!(zh.contains("个问题；未写入任何文件"), "{zh}");
    assert!(zh.contains("未知村庄 \"无此村\""), "{zh}");
    let en = run(Some("en"));
    assert!(en.contains("problem(s); nothing written"), "{en}");
    assert!(en.contains("unknown village \"无此村\""), "{en}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The editor page's import (`apply_spreadsheet_file`): which file it is, told by its header;
/// the encoding it was read in; the same problems as `snapshot build`; the row limit.
#[test]
fn a_spreadsheet_file_is_told_by_its_header_and_read_in_its_encoding() {
    use fuguanzhuang_viewer::authoring::{apply_spreadsheet_file, MAX_SPREADSHEET_ROWS};
    for (name, encoding) in [
        ("indicators-utf8.csv", "UTF-8"),
        ("indicators-gbk.csv", "GB18030"),
    ] {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let mut by_file = default_snapshot();
        let read_as = apply_spreadsheet_file(&mut by_file, name, &bytes, &mut Default::default())
            .expect("no problems");
        assert!(read_as.starts_with(encoding), "{name}: {read_as}");
        let mut by_build = default_snapshot();
        let mut problems = Vec::new();
        apply_indicators_csv(&mut by_build, name, &read(name), &mut problems);
        assert!(problems.is_empty());
        assert_eq!(
            by_file, by_build,
            "{name}: the same as snapshot build's importer"
        );
        assert_ne!(by_file, default_snapshot());
    }
    // The values by village (for the figure the indicators file adds): told by the place
    // column, with an English or a Chinese header.
    let with_figures = || {
        let mut snapshot = default_snapshot();
        let bytes = std::fs::read(fixture("indicators-utf8.csv")).expect("fixture");
        apply_spreadsheet_file(
            &mut snapshot,
            "indicators-utf8.csv",
            &bytes,
            &mut Default::default(),
        )
        .expect("no problems");
        snapshot
    };
    let bytes = std::fs::read(fixture("by-place.csv")).expect("fixture");
    let mut snapshot = with_figures();
    apply_spreadsheet_file(
        &mut snapshot,
        "by-place.csv",
        &bytes,
        &mut Default::default(),
    )
    .expect("no problems");
    assert!(snapshot.indicators.iter().any(|i| !i.by_place.is_empty()));
    let chinese = String::from_utf8(bytes).expect("utf-8").replacen(
        "indicator,place,value,qualifier",
        "指标代码,村,数值,限定",
        1,
    );
    let mut from_chinese = with_figures();
    apply_spreadsheet_file(
        &mut from_chinese,
        "村.csv",
        chinese.as_bytes(),
        &mut Default::default(),
    )
    .expect("no problems");
    assert_eq!(from_chinese, snapshot);
    // Text in 数值: the file, line and column, in Chinese.
    let mut text = indicators_csv_from_snapshot(&default_snapshot());
    text = text.replacen(",238,", ",二百三十八,", 1);
    let problems = apply_spreadsheet_file(
        &mut default_snapshot(),
        "指标.csv",
        text.as_bytes(),
        &mut Default::default(),
    )
    .expect_err("not a number");
    assert!(
        problems
            .iter()
            .any(|p| p.zh.starts_with("指标.csv:") && p.zh.contains("二百三十八")),
        "{problems:?}"
    );
    // A figure already there, changed: refused and counted; taken when the person says so.
    let changed = indicators_csv_from_snapshot(&default_snapshot()).replacen(",238,", ",250,", 1);
    let mut existing = fuguanzhuang_viewer::authoring::Existing::default();
    let problems = apply_spreadsheet_file(
        &mut default_snapshot(),
        "指标.csv",
        changed.as_bytes(),
        &mut existing,
    )
    .expect_err("an existing value changed");
    assert_eq!((problems.len(), existing.conflicts), (1, 1), "{problems:?}");
    assert!(problems[0].zh.contains("不会覆盖"), "{problems:?}");
    let mut replaced = default_snapshot();
    let mut existing = fuguanzhuang_viewer::authoring::Existing {
        replace: true,
        conflicts: 0,
    };
    apply_spreadsheet_file(&mut replaced, "指标.csv", changed.as_bytes(), &mut existing)
        .expect("taken");
    let cadres = replaced
        .indicators
        .iter()
        .find(|i| i.id == "cadres_trained")
        .expect("figure");
    assert_eq!(cadres.value, Some(250.0));
    // A million rows: read up to the limit, then refused.
    let exported = indicators_csv_from_snapshot(&default_snapshot());
    let mut huge = exported.lines().next().expect("header").to_owned() + "\n";
    for row in 0..(MAX_SPREADSHEET_ROWS + 5) {
        huge.push_str(&format!(
            "x{row},team,甲,a,个,u,1,exact,count,2021,report-2021,1个,,,\n"
        ));
    }
    let problems = apply_spreadsheet_file(
        &mut default_snapshot(),
        "huge.csv",
        huge.as_bytes(),
        &mut Default::default(),
    )
    .expect_err("too many rows");
    assert!(
        problems.iter().any(|p| p.zh.contains("行数超过上限")),
        "{:?}",
        &problems[..3]
    );
    // Not a spreadsheet at all.
    let png = [0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0x00, 0x01];
    assert!(apply_spreadsheet_file(
        &mut default_snapshot(),
        "photo.csv",
        &png,
        &mut Default::default()
    )
    .is_err());
}

/// Excel ends lines with CRLF: the problems still name the right line.
#[test]
fn problems_name_the_right_line_with_crlf_line_ends() {
    let text = indicators_csv_from_snapshot(&default_snapshot());
    let lines: Vec<&str> = text.split("\r\n").collect();
    let target = lines
        .iter()
        .position(|line| line.starts_with("cadres_trained,"))
        .expect("row")
        + 1;
    for ending in ["\r\n", "\n"] {
        let broken = text.replacen(",238,", ",很多,", 1).replace("\r\n", ending);
        let mut problems = Vec::new();
        apply_indicators_csv(&mut default_snapshot(), "指标.csv", &broken, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].zh.starts_with(&format!("指标.csv:{target}:7:")),
            "{ending:?}: line {target}: {problems:?}"
        );
    }
}
