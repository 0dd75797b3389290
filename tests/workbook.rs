//! Spreadsheets as Excel workbooks (.xlsx): written from a snapshot, read back through the
//! same importer as CSV, edited workbooks (made here with rust_xlsxwriter directly, as Excel
//! would save them), and files that must be refused: zip bombs, a million rows, files that are
//! not workbooks. Every problem names the file, the sheet, the row and the column.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::Command;

use fuguanzhuang_viewer::authoring::xlsx::{
    tables_from_xlsx, xlsx_from_snapshot, BY_PLACE_SHEET, INDICATORS_SHEET, MAX_PART_BYTES,
};
use fuguanzhuang_viewer::authoring::{
    apply_spreadsheet_file, Existing, Worded, MAX_SPREADSHEET_ROWS, READ_AS_XLSX,
};
use fuguanzhuang_viewer::core::geo::Crs;
use fuguanzhuang_viewer::core::snapshot::changes::changes_between;
use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::synthetic::{
    polygons_from_geojson_text, synthetic_snapshot,
};
use fuguanzhuang_viewer::core::snapshot::Snapshot;
use fuguanzhuang_viewer::core::Language;
use rust_xlsxwriter::Workbook;

/// A part of a written workbook, as text (what it holds).
fn part_text(bytes: &[u8], part: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut text = String::new();
    archive.by_name(part).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

fn shipped() -> Snapshot {
    snapshot_from_json_text(include_str!("../data/snapshot.json")).expect("valid")
}

/// A SYNTHETIC snapshot (values by village included), for the round trip only.
fn synthetic(places: usize) -> Snapshot {
    let outline = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/geo/yishui-371323-wgs84.geojson"),
    )
    .map_err(|error| error.to_string())
    .and_then(|text| polygons_from_geojson_text(&text))
    .expect("the county outline");
    synthetic_snapshot(&outline, places, 7, Crs::Wgs84)
}

fn import(snapshot: &mut Snapshot, name: &str, bytes: &[u8]) -> Result<&'static str, Vec<Worded>> {
    apply_spreadsheet_file(snapshot, name, bytes, &mut Existing::default())
}

/// Asserts that one of the problems says `text` (in Chinese or English), showing them all if not.
fn assert_says(problems: &[Worded], text: &str) {
    assert!(
        all_zh(problems).contains(text) || all_en(problems).contains(text),
        "{text:?} not in:\n{}\n{}",
        all_zh(problems),
        all_en(problems)
    );
}

/// Every problem in one language, a line each.
fn said_in(problems: &[Worded], language: Language) -> String {
    problems
        .iter()
        .map(|problem| problem.get(language))
        .collect::<Vec<_>>()
        .join("\n")
}

fn all_zh(problems: &[Worded]) -> String {
    said_in(problems, Language::Zh)
}

fn all_en(problems: &[Worded]) -> String {
    said_in(problems, Language::En)
}

#[test]
fn the_workbook_has_the_two_sheets_chinese_headers_and_drop_down_lists() {
    let snapshot = shipped();
    let bytes = xlsx_from_snapshot(&snapshot).expect("written");
    let workbook = part_text(&bytes, "xl/workbook.xml").expect("workbook part");
    let first = workbook.find(INDICATORS_SHEET).expect("sheet 指标");
    let second = workbook.find(BY_PLACE_SHEET).expect("sheet 各村数值");
    assert!(first < second, "{workbook}");
    let tables = tables_from_xlsx("figures.xlsx", &bytes).expect("read back");
    assert_eq!(tables.len(), 2);
    assert_eq!(
        tables[0].header[..4],
        ["指标代码", "工作", "名称", "英文名称"]
    );
    assert_eq!(tables[1].header, ["指标代码", "村", "数值", "限定"]);
    let rows: usize = snapshot
        .indicators
        .iter()
        .map(|indicator| 1 + indicator.series.len())
        .sum();
    assert_eq!(tables[0].rows.len(), rows);
    // The first figure's row: a number cell read back as the same number.
    let first_figure = &snapshot.indicators[0];
    let row = &tables[0].rows[0];
    assert_eq!(row.number, 2);
    assert_eq!(row.fields[0], first_figure.id);
    assert_eq!(
        row.fields[6].parse::<f64>().ok(),
        first_figure.value,
        "{row:?}"
    );
    let sheet = part_text(&bytes, "xl/worksheets/sheet1.xml").expect("sheet part");
    assert!(
        sheet.contains(r#"<dataValidation type="list""#)
            && sheet.contains(
                r#"sqref="H2:H1028"><formula1>"精确,至少,约,至多,原文未给数字"</formula1>"#
            )
            && sheet.contains(r#"sqref="I2:I1028"><formula1>"计数,度量"</formula1>"#),
        "drop-down lists: {}",
        &sheet[sheet.find("<dataValidations").unwrap_or(0)..]
    );
}

#[test]
fn the_shipped_and_a_synthetic_snapshot_round_trip_through_the_workbook() {
    for snapshot in [shipped(), synthetic(40)] {
        let bytes = xlsx_from_snapshot(&snapshot).expect("written");
        // Figures removed come back from the sheet 指标, values by village from 各村数值.
        let mut from_nothing = snapshot.clone();
        from_nothing.indicators.clear();
        assert_eq!(
            import(&mut from_nothing, "figures.xlsx", &bytes),
            Ok(READ_AS_XLSX)
        );
        assert!(
            changes_between(&snapshot, &from_nothing).is_empty(),
            "{:?}",
            changes_between(&snapshot, &from_nothing)
        );
        // Read over the snapshot it was written from: nothing changes, nothing is asked.
        let mut same = snapshot.clone();
        assert_eq!(import(&mut same, "figures.xlsx", &bytes), Ok(READ_AS_XLSX));
        assert!(same == snapshot);
    }
    assert!(synthetic(40)
        .indicators
        .iter()
        .any(|indicator| !indicator.by_place.is_empty()));
}

/// A workbook as Excel would save it after staff edited it: sheet 指标 with a header and rows.
fn workbook_with_rows(rows: &[Vec<String>]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(INDICATORS_SHEET).expect("name");
    for (row, fields) in rows.iter().enumerate() {
        for (column, field) in fields.iter().enumerate() {
            match field.parse::<f64>() {
                Ok(number) if row > 0 => sheet.write_number(row as u32, column as u16, number),
                _ => sheet.write_string(row as u32, column as u16, field),
            }
            .expect("cell");
        }
    }
    workbook.save_to_buffer().expect("saved")
}

/// The shipped snapshot's sheet 指标 as rows of text, header first.
fn shipped_rows() -> Vec<Vec<String>> {
    let bytes = xlsx_from_snapshot(&shipped()).expect("written");
    let tables = tables_from_xlsx("figures.xlsx", &bytes).expect("read");
    std::iter::once(tables[0].header.clone())
        .chain(tables[0].rows.iter().map(|row| {
            let mut fields = row.fields.clone();
            fields.resize(tables[0].header.len(), String::new());
            fields
        }))
        .collect()
}

#[test]
fn changed_figures_are_asked_about_and_a_new_period_is_appended() {
    let mut rows = shipped_rows();
    let id = |row: &Vec<String>| row[0].clone();
    let cadres = rows
        .iter()
        .position(|row| id(row) == "cadres_trained")
        .expect("cadres_trained");
    rows[cadres][6] = "250".to_owned();
    let mut new_period = rows[cadres].clone();
    new_period[9] = "2022".to_owned();
    new_period[6] = "260".to_owned();
    new_period[7] = "约".to_owned();
    rows.push(new_period);
    let bytes = workbook_with_rows(&rows);

    let before = shipped();
    let mut refused = before.clone();
    let mut existing = Existing::default();
    let problems = apply_spreadsheet_file(&mut refused, "更新.xlsx", &bytes, &mut existing)
        .expect_err("a changed figure is asked about");
    assert_eq!(existing.conflicts, 1, "{problems:?}");
    assert_says(
        &problems,
        &format!(
            "更新.xlsx 工作表「指标」第 {} 行 G 列: cadres_trained 在期间 2021 已有数值",
            cadres + 1
        ),
    );

    let mut taken = before.clone();
    let mut existing = Existing {
        replace: true,
        conflicts: 0,
    };
    assert_eq!(
        apply_spreadsheet_file(&mut taken, "更新.xlsx", &bytes, &mut existing),
        Ok(READ_AS_XLSX)
    );
    let changes = changes_between(&before, &taken);
    assert_eq!(changes.len(), 2, "{changes:?}");
    let figure = taken
        .indicators
        .iter()
        .find(|indicator| indicator.id == "cadres_trained")
        .expect("figure");
    assert_eq!(figure.value, Some(250.0));
    assert_eq!(figure.series.len(), 1);
    assert_eq!(figure.series[0].period, "2022");
    assert_eq!(figure.series[0].value, Some(260.0));
}

#[test]
fn text_in_a_number_cell_names_the_sheet_row_and_column_in_both_languages() {
    let mut rows = shipped_rows();
    let volunteers = rows
        .iter()
        .position(|row| row[0] == "volunteers_recruited")
        .expect("volunteers_recruited");
    rows[volunteers][6] = "很多".to_owned();
    rows[volunteers][7] = "大概".to_owned();
    let mut snapshot = shipped();
    let problems =
        import(&mut snapshot, "有误.xlsx", &workbook_with_rows(&rows)).expect_err("refused");
    let row = volunteers + 1;
    assert_says(
        &problems,
        &format!("有误.xlsx 工作表「指标」第 {row} 行 G 列: 数值：\"很多\" 不是数字"),
    );
    assert_says(
        &problems,
        &format!("有误.xlsx, sheet 指标, row {row}, column H: qualifier: \"大概\" must be"),
    );
}

#[test]
fn not_stated_with_a_number_is_a_problem() {
    let mut rows = shipped_rows();
    rows[1][7] = "原文未给数字".to_owned();
    let mut snapshot = shipped();
    let problems =
        import(&mut snapshot, "a.xlsx", &workbook_with_rows(&rows)).expect_err("refused");
    assert_says(
        &problems,
        "a.xlsx 工作表「指标」第 2 行 H 列: 限定：写了“原文未给数字”，却填了数值",
    );
}

#[test]
fn hostile_text_in_cells_stays_text() {
    let mut snapshot = shipped();
    let hostile = "<script>alert(1)</script>=HYPERLINK(\"http://x\")\u{202e}'\"&";
    snapshot.indicators[0].quote = hostile.to_owned();
    snapshot.indicators[0].label.zh = "=1+1".to_owned();
    let bytes = xlsx_from_snapshot(&snapshot).expect("written");
    let sheet = part_text(&bytes, "xl/worksheets/sheet1.xml").expect("sheet");
    assert!(!sheet.contains("<f>"), "no cell became a formula");
    let mut back = shipped();
    back.indicators.clear();
    assert_eq!(import(&mut back, "h.xlsx", &bytes), Ok(READ_AS_XLSX));
    assert_eq!(back.indicators[0].quote, hostile);
    assert_eq!(back.indicators[0].label.zh, "=1+1");
}

/// A zip with the given parts (deflated), as a workbook's file would be.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in parts {
        writer.start_file(*name, options).expect("part");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

/// The parts of a real workbook, one replaced.
fn workbook_with_part(part: &str, replacement: &[u8]) -> Vec<u8> {
    let bytes = xlsx_from_snapshot(&shipped()).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("part");
        let mut contents = Vec::new();
        file.read_to_end(&mut contents).expect("read");
        parts.push((file.name().expect("part name").into_owned(), contents));
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, contents)| {
            if name == part {
                (name.as_str(), replacement)
            } else {
                (name.as_str(), contents.as_slice())
            }
        })
        .collect();
    zip_of(&parts)
}

#[test]
fn a_zip_bomb_is_refused_before_it_fills_the_memory() {
    // One part that unpacks past the limit: a few hundred KB on disk.
    let zeros = vec![b' '; MAX_PART_BYTES as usize + 1024];
    let bomb = workbook_with_part("xl/worksheets/sheet1.xml", &zeros);
    assert!(bomb.len() < 1_000_000, "{} bytes", bomb.len());
    let before = shipped();
    let mut snapshot = before.clone();
    let problems = import(&mut snapshot, "炸弹.xlsx", &bomb).expect_err("refused");
    assert_says(&problems, "炸弹.xlsx: 解压后超过上限");
    assert_says(&problems, "压缩炸弹");
    assert_says(&problems, "zip bomb");
    assert!(snapshot == before);
    // Many parts that add up past the limit.
    let part = vec![b' '; (MAX_PART_BYTES / 2) as usize];
    let names: Vec<String> = (0..5)
        .map(|index| format!("xl/media/{index}.xml"))
        .collect();
    let parts: Vec<(&str, &[u8])> = names
        .iter()
        .map(|name| (name.as_str(), part.as_slice()))
        .collect();
    let problems = import(&mut snapshot, "多.xlsx", &zip_of(&parts)).expect_err("refused");
    assert_says(&problems, "解压后超过上限");
}

#[test]
fn a_sheet_with_a_million_rows_stops_at_the_limit() {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标代码</t></is></c></row>"#,
    );
    for row in 2..=1_000_001 {
        sheet.push_str(&format!(
            r#"<row r="{row}"><c r="A{row}"><v>{row}</v></c></row>"#
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let bytes = workbook_with_part("xl/worksheets/sheet1.xml", sheet.as_bytes());
    let mut snapshot = shipped();
    let problems = import(&mut snapshot, "百万行.xlsx", &bytes).expect_err("refused");
    assert_says(
        &problems,
        &format!("百万行.xlsx 工作表「指标」: 行数超过上限 {MAX_SPREADSHEET_ROWS} 行"),
    );
}

#[test]
fn files_that_are_not_spreadsheets_are_named_and_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0".to_vec();
    let not_a_workbook = zip_of(&[("readme.txt", b"hello")]);
    let whole = xlsx_from_snapshot(&shipped()).expect("written");
    let truncated = whole[..whole.len() / 2].to_vec();
    let no_sheet = {
        let mut workbook = Workbook::new();
        workbook
            .add_worksheet()
            .write_string(0, 0, "备注")
            .expect("cell");
        workbook.save_to_buffer().expect("saved")
    };
    let cases: [(&str, Vec<u8>, &str, &str); 5] = [
        ("图片.png", png, "不是表格文件", "not a spreadsheet"),
        (
            "旧表.xls",
            xls,
            "旧版 Excel 文件（.xls）",
            "old Excel file (.xls)",
        ),
        (
            "压缩包.xlsx",
            not_a_workbook,
            "不是可读取的 Excel 工作簿",
            "not a readable Excel workbook",
        ),
        (
            "半个.xlsx",
            truncated,
            "不是可读取的 Excel 工作簿",
            "not a readable Excel workbook",
        ),
        (
            "备注.xlsx",
            no_sheet,
            "没有可导入的工作表",
            "no sheet to import",
        ),
    ];
    let before = shipped();
    for (name, bytes, zh, en) in cases {
        let mut snapshot = before.clone();
        let problems = import(&mut snapshot, name, &bytes).expect_err(name);
        assert!(
            all_zh(&problems).starts_with(&format!("{name}: ")) && all_zh(&problems).contains(zh),
            "{name}: {}",
            all_zh(&problems)
        );
        assert!(
            all_en(&problems).contains(en),
            "{name}: {}",
            all_en(&problems)
        );
        assert!(snapshot == before, "{name}: the snapshot changed");
    }
}

#[test]
fn the_snapshot_tool_exports_a_workbook_and_builds_from_one() {
    let dir = std::env::temp_dir().join(format!("fgz-workbook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/snapshot.json");
    let tool = env!("CARGO_BIN_EXE_snapshot");
    let export = Command::new(tool)
        .args(["export", "--snapshot"])
        .arg(&base)
        .arg("--out-dir")
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(export.status.success(), "{export:?}");
    let workbook = dir.join("figures.xlsx");
    let mut rows = {
        let bytes = std::fs::read(&workbook).expect("written");
        assert!(bytes.starts_with(b"PK"));
        shipped_rows()
    };
    let trees = rows
        .iter()
        .position(|row| row[0] == "trees_planted")
        .expect("trees_planted");
    let mut new_period = rows[trees].clone();
    new_period[9] = "2022".to_owned();
    new_period[6] = "16000".to_owned();
    rows.push(new_period);
    std::fs::write(&workbook, workbook_with_rows(&rows)).expect("edited");
    let out = dir.join("out.json");
    let build_from = |language: &str| {
        Command::new(tool)
            .args(["build", "--lang", language, "--base"])
            .arg(&base)
            .arg("--spreadsheet")
            .arg(&workbook)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("runs")
    };
    let build = build_from("en");
    assert!(build.status.success(), "{build:?}");
    let built =
        snapshot_from_json_text(&std::fs::read_to_string(&out).expect("out")).expect("valid");
    let changes = changes_between(&shipped(), &built);
    assert_eq!(changes.len(), 1, "{changes:?}");
    // A bad cell: nothing written, the sheet, row and column named.
    rows[trees][6] = "很多".to_owned();
    std::fs::write(&workbook, workbook_with_rows(&rows)).expect("edited");
    let _ = std::fs::remove_file(&out);
    let build = build_from("zh");
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert_eq!(build.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "工作表「指标」第 {} 行 G 列: 数值：\"很多\" 不是数字",
            trees + 1
        )),
        "{stderr}"
    );
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
