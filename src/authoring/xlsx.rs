//! Excel workbooks (.xlsx) both ways: the figures written as a workbook township staff open in
//! Excel (sheets 指标 and 各村数值, Chinese headers, drop-down lists for the qualifier and the
//! kind), and an edited workbook read back as tables for the importer, the same one CSV files
//! go through.
//!
//! Reading is bounded before anything is kept: the file's size, then every part of the zip
//! unpacked once into nothing with a byte limit (a zip bomb's declared sizes may lie; the
//! bytes it really unpacks to cannot), then at most [`MAX_SPREADSHEET_ROWS`] rows and
//! [`MAX_COLUMNS`] columns of a sheet.

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader};

use super::table::{column_letters_from_index, Table, TableRow};
use super::{Problems, Worded, BY_PLACE_COLUMNS, INDICATOR_COLUMNS, MAX_SPREADSHEET_ROWS};
use crate::core::snapshot::{IndicatorKind, Qualifier, Snapshot};

/// The figures' sheet.
pub const INDICATORS_SHEET: &str = "指标";
/// The values by village.
pub const BY_PLACE_SHEET: &str = "各村数值";
/// Largest workbook file read (the report's workbook is some 20 KB).
pub const MAX_WORKBOOK_BYTES: usize = 16 * 1024 * 1024;
/// Largest part of a workbook unpacked (a sheet of 100,000 rows is some 10 MB).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest workbook unpacked, all parts together.
pub const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;
/// Most parts in a workbook (one of the report's has about a dozen).
pub const MAX_PARTS: usize = 1_000;
/// Most columns read in a sheet (the figures have 15).
pub const MAX_COLUMNS: usize = 64;

/// The qualifier in the workbook's words (its drop-down list), and "not stated" for a figure
/// the report gives no number for.
pub const QUALIFIER_WORDS: [(Qualifier, &str); 4] = [
    (Qualifier::Exact, "精确"),
    (Qualifier::AtLeast, "至少"),
    (Qualifier::About, "约"),
    (Qualifier::AtMost, "至多"),
];
pub const NOT_STATED_WORD: &str = "原文未给数字";
/// The kind in the workbook's words.
pub const KIND_WORDS: [(IndicatorKind, &str); 2] = [
    (IndicatorKind::Count, "计数"),
    (IndicatorKind::Measure, "度量"),
];

/// Whether the bytes are a zip file (an .xlsx is one), by their first bytes.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn problem(file: &str, zh: impl std::fmt::Display, en: impl std::fmt::Display) -> Worded {
    Worded::new(format!("{file}: {zh}"), format!("{file}: {en}"))
}

/// Unpacks every part once, counting bytes and keeping none: refuses a workbook that unpacks
/// to more than the limits, has too many parts, or cannot be unpacked.
fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<(), Worded> {
    let damaged = |detail: String| {
        problem(
            file,
            format!("不是可读取的 Excel 工作簿（.xlsx）：{detail}"),
            format!("not a readable Excel workbook (.xlsx): {detail}"),
        )
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(error.to_string()))?;
    if archive.len() > MAX_PARTS {
        return Err(problem(
            file,
            format!("工作簿有 {} 个部分，超过上限 {MAX_PARTS}", archive.len()),
            format!(
                "the workbook has {} parts, more than the limit of {MAX_PARTS}",
                archive.len()
            ),
        ));
    }
    let too_large = || {
        problem(
            file,
            format!(
                "解压后超过上限（单个部分 {} MB，合计 {} MB）：可能是“压缩炸弹”，未读取",
                MAX_PART_BYTES >> 20,
                MAX_UNPACKED_BYTES >> 20
            ),
            format!(
                "unpacks to more than the limits ({} MB a part, {} MB in all): possibly a zip bomb; not read",
                MAX_PART_BYTES >> 20,
                MAX_UNPACKED_BYTES >> 20
            ),
        )
    };
    let mut total = 0u64;
    for index in 0..archive.len() {
        let part = archive
            .by_index(index)
            .map_err(|error| damaged(error.to_string()))?;
        let unpacked = std::io::copy(&mut part.take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|error| damaged(error.to_string()))?;
        total += unpacked;
        if unpacked > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES {
            return Err(too_large());
        }
    }
    Ok(())
}

/// A cell's value as the text the importer reads (numbers in their shortest exact form).
fn text_from_cell(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) => number.to_string(),
        DataRef::String(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Bool(true) => "TRUE".to_owned(),
        DataRef::Bool(false) => "FALSE".to_owned(),
        DataRef::DateTime(date) => date.as_f64().to_string(),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => error.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// Ends a row: the first with any text is the header, blank ones are left out.
fn finish_row(row: TableRow, table: &mut Table) {
    if row.fields.iter().all(|field| field.trim().is_empty()) {
        return;
    }
    if table.header_number == 0 {
        table.header_number = row.number;
        table.header = row.fields;
    } else {
        table.rows.push(row);
    }
}

/// One sheet as a table: its first non-empty row is the header. `None` for an empty sheet.
fn table_from_sheet(
    workbook: &mut calamine::Xlsx<Cursor<&[u8]>>,
    file: &str,
    sheet: &str,
    problems: &mut Problems,
) -> Option<Table> {
    let mut table = Table {
        file: file.to_owned(),
        sheet: Some(sheet.to_owned()),
        header_number: 0,
        header: Vec::new(),
        rows: Vec::new(),
    };
    let unreadable = |table: &Table, detail: String| {
        let name = table.name();
        Worded::new(
            format!("{}：无法读取：{detail}", name.zh),
            format!("{}: cannot be read: {detail}", name.en),
        )
    };
    let mut cells = match workbook.worksheet_cells_reader(sheet) {
        Ok(cells) => cells,
        Err(error) => {
            problems.push(unreadable(&table, error.to_string()));
            return None;
        }
    };
    let mut current: Option<TableRow> = None;
    let mut too_wide = false;
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(error) => {
                problems.push(unreadable(&table, error.to_string()));
                return None;
            }
        };
        let (row, column) = cell.get_position();
        let (number, column) = (u64::from(row) + 1, column as usize);
        let text = text_from_cell(cell.get_value());
        if text.is_empty() {
            continue;
        }
        if column >= MAX_COLUMNS {
            if !too_wide {
                too_wide = true;
                problems.push(Worded::new(
                    format!(
                        "{}：列数超过上限 {MAX_COLUMNS}（{} 列以后未读取）",
                        table.place_zh(number, Some(column)),
                        column_letters_from_index(MAX_COLUMNS - 1)
                    ),
                    format!(
                        "{}: more than {MAX_COLUMNS} columns, the limit (nothing after column {} was read)",
                        table.place_en(number, Some(column)),
                        column_letters_from_index(MAX_COLUMNS - 1)
                    ),
                ));
            }
            continue;
        }
        if current.as_ref().is_some_and(|row| row.number != number) {
            if let Some(done) = current.take() {
                finish_row(done, &mut table);
            }
            if table.rows.len() >= MAX_SPREADSHEET_ROWS {
                problems.push(table.row_limit_problem());
                return Some(table);
            }
        }
        let row = current.get_or_insert_with(|| TableRow {
            number,
            fields: Vec::new(),
        });
        if row.fields.len() <= column {
            row.fields.resize(column + 1, String::new());
        }
        row.fields[column] = text;
    }
    if let Some(done) = current.take() {
        finish_row(done, &mut table);
    }
    (table.header_number > 0).then_some(table)
}

/// The workbook's sheets that hold figures or values by village (a header with 指标代码), as
/// tables; other sheets (notes, say) are left alone. Refused, with the reason naming the file,
/// when the file is too large, unpacks beyond the limits, is not a workbook, or has no such
/// sheet.
pub fn tables_from_xlsx(file: &str, bytes: &[u8]) -> Result<Vec<Table>, Problems> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(vec![problem(
            file,
            format!(
                "文件有 {} MB，超过上限 {} MB",
                bytes.len() >> 20,
                MAX_WORKBOOK_BYTES >> 20
            ),
            format!(
                "the file is {} MB, more than the limit of {} MB",
                bytes.len() >> 20,
                MAX_WORKBOOK_BYTES >> 20
            ),
        )]);
    }
    check_unpacked_size(file, bytes).map_err(|problem| vec![problem])?;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|error: calamine::XlsxError| {
            vec![problem(
                file,
                format!("不是可读取的 Excel 工作簿（.xlsx）：{error}"),
                format!("not a readable Excel workbook (.xlsx): {error}"),
            )]
        })?;
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for sheet in workbook.sheet_names() {
        if let Some(table) = table_from_sheet(&mut workbook, file, &sheet, &mut problems) {
            let id_column = (INDICATOR_COLUMNS[0].0, INDICATOR_COLUMNS[0].1);
            let indicator_column = (BY_PLACE_COLUMNS[0].0, BY_PLACE_COLUMNS[0].1);
            if table.has_column(id_column) || table.has_column(indicator_column) {
                tables.push(table);
            }
        }
    }
    if tables.is_empty() && problems.is_empty() {
        problems.push(problem(
            file,
            format!("没有可导入的工作表：应有「{INDICATORS_SHEET}」或「{BY_PLACE_SHEET}」，表头第一列为 指标代码"),
            format!("no sheet to import: expected {INDICATORS_SHEET} or {BY_PLACE_SHEET}, with the column 指标代码 (id) in its header"),
        ));
    }
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(problems)
    }
}

/// The figures as a workbook: sheet 指标 (one row per figure and period) and sheet 各村数值
/// (one row per figure and village), Chinese headers, the qualifier and kind as drop-down
/// lists, the header row frozen. Read back by [`tables_from_xlsx`] it changes nothing.
pub fn xlsx_from_snapshot(snapshot: &Snapshot) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet};
    let error = |error: rust_xlsxwriter::XlsxError| error.to_string();
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let as_text = Format::new().set_num_format("@");
    let qualifier_list: Vec<&str> = QUALIFIER_WORDS
        .iter()
        .map(|(_, word)| *word)
        .chain([NOT_STATED_WORD])
        .collect();
    let kind_list: Vec<&str> = KIND_WORDS.iter().map(|(_, word)| *word).collect();
    let list = |words: &[&str], title: &str| -> Result<DataValidation, String> {
        DataValidation::new()
            .allow_list_strings(words)
            .and_then(|validation| validation.set_error_title(title))
            .and_then(|validation| {
                validation.set_error_message(format!("请从列表中选择：{}", words.join("、")))
            })
            .map_err(error)
    };
    let header = |sheet: &mut Worksheet, columns: &[(&str, &str, bool)]| -> Result<(), String> {
        for (index, (_, zh, _)) in columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, index as u16, *zh, &bold)
                .map_err(error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(error)?;
        Ok(())
    };
    // Room for rows added in Excel under the drop-down lists.
    let last_row = |rows: usize| (rows + 1000).min(1_048_575) as u32;

    let figures = workbook.add_worksheet();
    figures.set_name(INDICATORS_SHEET).map_err(error)?;
    header(figures, &INDICATOR_COLUMNS)?;
    let column = |name: &str| {
        INDICATOR_COLUMNS
            .iter()
            .position(|(en, _, _)| *en == name)
            .unwrap_or(0) as u16
    };
    let mut row = 1u32;
    for indicator in &snapshot.indicators {
        let kind = KIND_WORDS
            .iter()
            .find(|(kind, _)| *kind == indicator.kind)
            .map_or("", |(_, word)| *word);
        let note = indicator.note.clone().unwrap_or_default();
        let periods = std::iter::once((&indicator.period, indicator.value, indicator.qualifier))
            .chain(
                indicator
                    .series
                    .iter()
                    .map(|entry| (&entry.period, entry.value, entry.qualifier)),
            );
        for (period, value, qualifier) in periods {
            let texts = [
                ("id", indicator.id.as_str()),
                ("programme", indicator.programme.as_str()),
                ("label_zh", indicator.label.zh.as_str()),
                ("label_en", indicator.label.en.as_str()),
                ("unit_zh", indicator.unit.zh.as_str()),
                ("unit_en", indicator.unit.en.as_str()),
                ("qualifier", qualifier_word(value, qualifier)),
                ("kind", kind),
                ("source", indicator.source.as_str()),
                ("quote", indicator.quote.as_str()),
                ("note_zh", note.zh.as_str()),
                ("note_en", note.en.as_str()),
                ("part_of", indicator.part_of.as_deref().unwrap_or("")),
            ];
            for (name, text) in texts {
                if !text.is_empty() {
                    figures
                        .write_string(row, column(name), text)
                        .map_err(error)?;
                }
            }
            // The period stays text (Excel would turn 2021-12 into a date).
            figures
                .write_string_with_format(row, column("period"), period, &as_text)
                .map_err(error)?;
            if let Some(value) = value {
                figures
                    .write_number(row, column("value"), value)
                    .map_err(error)?;
            }
            row += 1;
        }
    }
    let rows = row as usize;
    figures
        .add_data_validation(
            1,
            column("qualifier"),
            last_row(rows),
            column("qualifier"),
            &list(&qualifier_list, "限定")?,
        )
        .map_err(error)?;
    figures
        .add_data_validation(
            1,
            column("kind"),
            last_row(rows),
            column("kind"),
            &list(&kind_list, "类型")?,
        )
        .map_err(error)?;
    figures
        .set_column_range_format(column("period"), column("period"), &as_text)
        .map_err(error)?;
    for (name, width) in [
        ("id", 22),
        ("label_zh", 24),
        ("label_en", 28),
        ("source", 14),
        ("quote", 48),
        ("note_zh", 24),
        ("note_en", 24),
    ] {
        figures
            .set_column_width(column(name), width)
            .map_err(error)?;
    }

    let by_place = workbook.add_worksheet();
    by_place.set_name(BY_PLACE_SHEET).map_err(error)?;
    header(by_place, &BY_PLACE_COLUMNS)?;
    let mut row = 1u32;
    for indicator in &snapshot.indicators {
        for entry in &indicator.by_place {
            by_place
                .write_string(row, 0, &indicator.id)
                .map_err(error)?;
            by_place
                .write_string(row, 1, place_key(snapshot, &entry.place))
                .map_err(error)?;
            if let Some(value) = entry.value {
                by_place.write_number(row, 2, value).map_err(error)?;
            }
            by_place
                .write_string(row, 3, qualifier_word(entry.value, entry.qualifier))
                .map_err(error)?;
            row += 1;
        }
    }
    by_place
        .add_data_validation(
            1,
            3,
            last_row(row as usize),
            3,
            &list(&qualifier_list, "限定")?,
        )
        .map_err(error)?;
    by_place.set_column_width(0, 22).map_err(error)?;
    by_place.set_column_width(1, 16).map_err(error)?;
    workbook.save_to_buffer().map_err(error)
}

/// The qualifier's word in the workbook; a figure with no number is "not stated".
pub fn qualifier_word(value: Option<f64>, qualifier: Qualifier) -> &'static str {
    if value.is_none() {
        return NOT_STATED_WORD;
    }
    QUALIFIER_WORDS
        .iter()
        .find(|(known, _)| *known == qualifier)
        .map_or("", |(_, word)| *word)
}

/// How the workbook names a village: its Chinese name when no other place has it, else its id
/// (the importer finds a place by either).
pub fn place_key<'s>(snapshot: &'s Snapshot, id: &'s str) -> &'s str {
    let Some(place) = snapshot.places.iter().find(|place| place.id == id) else {
        return id;
    };
    let same_name = snapshot
        .places
        .iter()
        .filter(|other| other.name.zh == place.name.zh)
        .count();
    if same_name == 1 && !place.name.zh.is_empty() {
        &place.name.zh
    } else {
        id
    }
}
