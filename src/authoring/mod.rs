//! Building a snapshot from what township staff have: CSV files from Excel (UTF-8 or GBK) and
//! boundary GeoJSON from the land survey. One importer for the `snapshot build` / `snapshot
//! export` commands (native) and the editor page (wasm). Every problem names its file, line and
//! column (or feature); the caller writes nothing when there are problems. The command line,
//! publishing and the preview image are native only.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
pub mod preview_image;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
#[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
pub mod site_folder;
pub mod table;
pub mod text;
pub mod xlsx;

pub use table::{Table, TableRow};

use std::collections::HashMap;

use crate::core::snapshot::validate::validate_snapshot;
use crate::core::snapshot::{
    Crs, Indicator, IndicatorKind, Localized, PeriodValue, PlaceGeometry, PlaceKind, PlaceValue,
    Qualifier, Snapshot,
};

/// Columns of the indicators CSV: (English header, Chinese header, required for a new indicator).
pub const INDICATOR_COLUMNS: [(&str, &str, bool); 15] = [
    ("id", "指标代码", true),
    ("programme", "工作", true),
    ("label_zh", "名称", true),
    ("label_en", "英文名称", true),
    ("unit_zh", "单位", true),
    ("unit_en", "英文单位", true),
    ("value", "数值", false),
    ("qualifier", "限定", false),
    ("kind", "类型", false),
    ("period", "期间", true),
    ("source", "来源", true),
    ("quote", "原文", true),
    ("note_zh", "说明", false),
    ("note_en", "英文说明", false),
    ("part_of", "整体指标", false),
];

/// Columns of the per-place values CSV.
pub const BY_PLACE_COLUMNS: [(&str, &str, bool); 4] = [
    ("indicator", "指标代码", true),
    ("place", "村", true),
    ("value", "数值", false),
    ("qualifier", "限定", false),
];

/// Problems found while building, each naming where it is, in both languages.
pub type Problems = Vec<Worded>;

pub use crate::core::wording::Worded;

/// A table's header mapped to column indices; unknown or missing columns are problems.
/// Headers may be in English or Chinese.
fn header_map(
    table: &Table,
    columns: &'static [(&'static str, &'static str, bool)],
    problems: &mut Problems,
) -> HashMap<&'static str, usize> {
    let mut map = HashMap::new();
    let row = table.header_number;
    for (index, name) in table.header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}');
        match columns
            .iter()
            .find(|(en, zh, _)| *en == name || *zh == name)
        {
            Some((en, _, _)) => {
                map.insert(*en, index);
            }
            // A workbook's sheet may have empty cells right of its header.
            None if name.is_empty() && table.sheet.is_some() => {}
            None => {
                let expected = columns
                    .iter()
                    .map(|(en, zh, _)| format!("{en} ({zh})"))
                    .collect::<Vec<_>>()
                    .join(", ");
                problems.push(Worded::new(
                    format!(
                        "{}: 表头有误：未知列 {name:?}；应为 {expected}",
                        table.place_zh(row, Some(index))
                    ),
                    format!(
                        "{}: wrong header: unknown column {name:?}; expected {expected}",
                        table.place_en(row, Some(index))
                    ),
                ))
            }
        }
    }
    for (en, zh, required) in columns {
        if *required && !map.contains_key(en) {
            problems.push(Worded::new(
                format!(
                    "{}: 表头有误：缺少列 {en}（{zh}）",
                    table.place_zh(row, None)
                ),
                format!(
                    "{}: wrong header: missing column {en} ({zh})",
                    table.place_en(row, None)
                ),
            ));
        }
    }
    map
}

struct Row<'a> {
    table: &'a Table,
    row: &'a TableRow,
    columns: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    /// A field; trimmed, except free text (labels, units, quotes, notes), which is kept as
    /// written because a quote must match its source exactly.
    fn get(&self, column: &str) -> &str {
        let free_text = [
            "label_zh", "label_en", "unit_zh", "unit_en", "quote", "note_zh", "note_en",
        ];
        let raw = self
            .columns
            .get(column)
            .and_then(|&index| self.row.fields.get(index))
            .map_or("", String::as_str);
        if free_text.contains(&column) {
            raw
        } else {
            raw.trim()
        }
    }

    /// The row's number in its file.
    fn number(&self) -> u64 {
        self.row.number
    }

    /// Where a field of this row is, in Chinese.
    fn at_zh(&self, column: &str) -> String {
        self.table
            .place_zh(self.row.number, self.columns.get(column).copied())
    }

    /// Where a field of this row is, in English.
    fn at_en(&self, column: &str) -> String {
        self.table
            .place_en(self.row.number, self.columns.get(column).copied())
    }

    fn value(&self, problems: &mut Problems) -> Option<Option<f64>> {
        let text = self.get("value");
        if text.is_empty() {
            return Some(None);
        }
        match text.replace(',', "").parse::<f64>() {
            Ok(value) if value.is_finite() => Some(Some(value)),
            _ => {
                problems.push(Worded::new(
                    format!("{}: 数值：{text:?} 不是数字", self.at_zh("value")),
                    format!("{}: value: {text:?} is not a number", self.at_en("value")),
                ));
                None
            }
        }
    }

    /// The value and its qualifier; "not stated" (原文未给数字) must come without a number.
    fn figure(&self, problems: &mut Problems) -> Option<(Option<f64>, Qualifier)> {
        let (value, qualifier) = (self.value(problems), self.qualifier(problems));
        let (Some(value), Some(qualifier)) = (value, qualifier) else {
            return None;
        };
        if value.is_some() && self.get("qualifier") == xlsx::NOT_STATED_WORD {
            problems.push(Worded::new(
                format!(
                    "{}: 限定：写了“{}”，却填了数值；请删去数值或改选限定",
                    self.at_zh("qualifier"),
                    xlsx::NOT_STATED_WORD
                ),
                format!(
                    "{}: qualifier: says {:?} (not stated) but a value is given; remove the value or choose another qualifier",
                    self.at_en("qualifier"),
                    xlsx::NOT_STATED_WORD
                ),
            ));
            return None;
        }
        Some((value, qualifier))
    }

    fn qualifier(&self, problems: &mut Problems) -> Option<Qualifier> {
        let text = self.get("qualifier");
        if let Ok(qualifier) = text.parse::<Qualifier>() {
            return Some(qualifier);
        }
        // Chinese, as staff write it in the spreadsheet (the workbook's drop-down list gives
        // the editor's words).
        match text {
            "" | "确数" | "精确" | xlsx::NOT_STATED_WORD => Some(Qualifier::Exact),
            "至少" | "余" => Some(Qualifier::AtLeast),
            "约" | "近" => Some(Qualifier::About),
            "至多" => Some(Qualifier::AtMost),
            other => {
                problems.push(Worded::new(format!("{}: 限定：{other:?} 必须是 精确/至少/约/至多（exact/at_least/about/at_most）",
                    self.at_zh("qualifier")
                ), format!("{}: qualifier: {other:?} must be exact/at_least/about/at_most (精确/至少/约/至多)",
                    self.at_en("qualifier")
                )));
                None
            }
        }
    }
}

/// Most data rows a spreadsheet may have (the report has a few dozen figures; a file far
/// larger is not one of its spreadsheets).
pub const MAX_SPREADSHEET_ROWS: usize = 100_000;

/// The table's rows with their columns, or none (with the problems recorded) when the header
/// is wrong.
fn rows_of<'a>(
    table: &'a Table,
    columns: &'a HashMap<&'static str, usize>,
) -> impl Iterator<Item = Row<'a>> {
    table.rows.iter().map(move |row| Row {
        table,
        row,
        columns,
    })
}

/// The header's columns, or `None` (with the problems recorded) when the header is wrong.
fn checked_columns(
    table: &Table,
    columns: &'static [(&'static str, &'static str, bool)],
    problems: &mut Problems,
) -> Option<HashMap<&'static str, usize>> {
    let before = problems.len();
    let map = header_map(table, columns, problems);
    (problems.len() == before).then_some(map)
}

fn same_value(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * (1.0 + a.abs()),
        (None, None) => true,
        _ => false,
    }
}

/// Applies a spreadsheet given as raw bytes, as the `csv_import` fuzz target feeds it: the
/// first byte chooses the file (even: indicators, odd: by place), the rest is the file in any
/// encoding. Returns the problems (none applied when the bytes do not decode).
pub fn apply_csv_bytes(snapshot: &mut Snapshot, bytes: &[u8]) -> Problems {
    let mut problems = Vec::new();
    let Some((&which, rest)) = bytes.split_first() else {
        return problems;
    };
    match text::decode("fuzz.csv", rest, text::EncodingChoice::Auto) {
        Ok(decoded) if which % 2 == 0 => {
            apply_indicators_csv(snapshot, "fuzz.csv", &decoded.text, &mut problems)
        }
        Ok(decoded) => apply_by_place_csv(snapshot, "fuzz.csv", &decoded.text, &mut problems),
        Err(problem) => problems.push(problem),
    }
    problems
}

/// How a spreadsheet file was read: as a workbook, or as CSV text in an encoding.
pub const READ_AS_XLSX: &str = "Excel (.xlsx)";

/// A spreadsheet file's tables: an Excel workbook (.xlsx, by its first bytes: any name) gives
/// its sheets 指标 and 各村数值; anything else is CSV text (UTF-8, UTF-8 with BOM or GBK).
/// Files that are neither (an old .xls workbook, a picture, a document) are refused, naming
/// the file and what it looks like. Gives the tables and how the file was read.
pub fn tables_from_spreadsheet_file(
    file: &str,
    bytes: &[u8],
    encoding: text::EncodingChoice,
) -> Result<(Vec<Table>, &'static str), Problems> {
    if xlsx::is_zip(bytes) {
        return xlsx::tables_from_xlsx(file, bytes).map(|tables| (tables, READ_AS_XLSX));
    }
    let refuse = |zh: &str, en: &str| {
        Err(vec![Worded::new(
            format!("{file}: {zh}"),
            format!("{file}: {en}"),
        )])
    };
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return refuse(
            "这是旧版 Excel 文件（.xls）：请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV 后再导入",
            "this is an old Excel file (.xls): in Excel, “Save As” Excel Workbook (.xlsx) or CSV, then import that",
        );
    }
    // Text has no NUL bytes (UTF-8 and GBK alike); pictures, PDFs and documents do.
    if bytes.iter().take(8192).any(|&byte| byte == 0) {
        return refuse(
            "不是表格文件：既不是 Excel 工作簿（.xlsx），也不是 CSV 文本",
            "not a spreadsheet: neither an Excel workbook (.xlsx) nor CSV text",
        );
    }
    let decoded = text::decode(file, bytes, encoding).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    match table::table_from_csv(file, &decoded.text, &mut problems) {
        Some(table) if problems.is_empty() => Ok((vec![table], decoded.encoding)),
        _ => Err(problems),
    }
}

/// Applies tables (a file's, or several files'): the figures first, so that values by village
/// may name a figure the same file adds. A table is values by village when its header has a
/// place column (村), else figures.
pub fn apply_tables(
    snapshot: &mut Snapshot,
    tables: &[Table],
    problems: &mut Problems,
    existing: &mut Existing,
) {
    let place_column = (BY_PLACE_COLUMNS[1].0, BY_PLACE_COLUMNS[1].1);
    let (by_place, figures): (Vec<&Table>, Vec<&Table>) = tables
        .iter()
        .partition(|table| table.has_column(place_column));
    for table in figures {
        apply_indicators_table(snapshot, table, problems, existing);
    }
    for table in by_place {
        apply_by_place_table(snapshot, table, problems, existing);
    }
}

/// Applies one spreadsheet file as township staff hand it over (the editor page, and
/// `snapshot build --spreadsheet`): an Excel workbook or CSV text, read by
/// [`tables_from_spreadsheet_file`] and applied by [`apply_tables`]. Gives how the file was
/// read, or the problems and how many of them are existing values the file changes
/// (`existing`: refused, or replaced when `existing.replace`); `snapshot` may be partly changed
/// when there are problems, so apply to a copy.
pub fn apply_spreadsheet_file(
    snapshot: &mut Snapshot,
    file: &str,
    bytes: &[u8],
    existing: &mut Existing,
) -> Result<&'static str, Problems> {
    let (tables, read_as) = tables_from_spreadsheet_file(file, bytes, text::EncodingChoice::Auto)?;
    let mut problems = Vec::new();
    apply_tables(snapshot, &tables, &mut problems, existing);
    if problems.is_empty() {
        Ok(read_as)
    } else {
        Err(problems)
    }
}

/// Adds the rows of an indicators CSV: new indicators, and values for new periods of existing
/// ones (appended, never overwriting a different existing value).
pub fn apply_indicators_csv(
    snapshot: &mut Snapshot,
    file: &str,
    text: &str,
    problems: &mut Problems,
) {
    if let Some(table) = table::table_from_csv(file, text, problems) {
        apply_indicators_table(snapshot, &table, problems, &mut Existing::default());
    }
}

/// Rows that give another value for a period or village that already has one: refused
/// (`snapshot build`, and the editor's first reading, which counts them), or taken once the
/// person has seen them and said so (the editor, `replace`).
#[derive(Debug, Default)]
pub struct Existing {
    pub replace: bool,
    /// How many such rows were refused.
    pub conflicts: usize,
}

/// Adds the rows of an indicators table (a CSV file or a workbook's sheet 指标): new
/// indicators, and values for new periods of existing ones; existing values refused or
/// replaced as `existing_values` says.
pub fn apply_indicators_table(
    snapshot: &mut Snapshot,
    table: &Table,
    problems: &mut Problems,
    existing_values: &mut Existing,
) {
    let Some(columns) = checked_columns(table, &INDICATOR_COLUMNS, problems) else {
        return;
    };
    let mut seen: HashMap<(String, String), u64> = HashMap::new();
    // Positions by id (a long file must not scan the figures once per row).
    let mut positions: HashMap<String, usize> = snapshot
        .indicators
        .iter()
        .enumerate()
        .map(|(position, indicator)| (indicator.id.clone(), position))
        .collect();
    for row in rows_of(table, &columns) {
        let id = row.get("id").to_owned();
        let period = row.get("period").to_owned();
        if id.is_empty() || period.is_empty() {
            problems.push(Worded::new(
                format!(
                    "{}: 必须填写指标代码（id）和期间（period）",
                    row.at_zh(if id.is_empty() { "id" } else { "period" })
                ),
                format!(
                    "{}: id and period are required",
                    row.at_en(if id.is_empty() { "id" } else { "period" })
                ),
            ));
            continue;
        }
        if let Some(first) = seen.insert((id.clone(), period.clone()), row.number()) {
            problems.push(Worded::new(
                format!(
                    "{}: 重复：期间 {period} 的 {id} 在第 {first} 行已有",
                    row.at_zh("id")
                ),
                format!(
                    "{}: duplicate: {id} for period {period} is also on line {first}",
                    row.at_en("id")
                ),
            ));
            continue;
        }
        let Some((value, qualifier)) = row.figure(problems) else {
            continue;
        };
        match positions
            .get(&id)
            .copied()
            .and_then(|position| snapshot.indicators.get_mut(position))
        {
            Some(indicator) => {
                if indicator.period == period {
                    if existing_values.replace {
                        indicator.value = value;
                        indicator.qualifier = qualifier;
                    } else if !same_value(indicator.value, value)
                        || indicator.qualifier != qualifier
                    {
                        existing_values.conflicts += 1;
                        problems.push(Worded::new(format!("{}: {id} 在期间 {period} 已有数值 {:?}；新数值只能追加到新的期间，不会覆盖",
                            row.at_zh("value"),
                            indicator.value
                        ), format!("{}: {id} already has {:?} for period {period}; values are appended for new periods, never overwritten",
                            row.at_en("value"),
                            indicator.value
                        )));
                    }
                } else if let Some(existing) = indicator
                    .series
                    .iter_mut()
                    .find(|entry| entry.period == period)
                {
                    if existing_values.replace {
                        existing.value = value;
                        existing.qualifier = qualifier;
                    } else if !same_value(existing.value, value) || existing.qualifier != qualifier
                    {
                        existing_values.conflicts += 1;
                        problems.push(Worded::new(
                            format!(
                                "{}: {id} 在期间 {period} 已有数值 {:?}；不覆盖",
                                row.at_zh("value"),
                                existing.value
                            ),
                            format!(
                                "{}: {id} already has {:?} for period {period}; not overwritten",
                                row.at_en("value"),
                                existing.value
                            ),
                        ));
                    }
                } else {
                    indicator.series.push(PeriodValue {
                        period,
                        value,
                        qualifier,
                    });
                    indicator.series.sort_by(|a, b| a.period.cmp(&b.period));
                }
            }
            None => {
                let kind = match row.get("kind") {
                    "" | "count" | "计数" => IndicatorKind::Count,
                    "measure" | "度量" => IndicatorKind::Measure,
                    other => {
                        problems.push(Worded::new(
                            format!(
                                "{}: 类型：{other:?} 必须是 count（计数）或 measure（度量）",
                                row.at_zh("kind")
                            ),
                            format!(
                                "{}: kind: {other:?} must be count or measure",
                                row.at_en("kind")
                            ),
                        ));
                        continue;
                    }
                };
                let localized = |zh: &str, en: &str| Localized::new(row.get(zh), row.get(en));
                let note = (!row.get("note_zh").is_empty() || !row.get("note_en").is_empty())
                    .then(|| localized("note_zh", "note_en"));
                let part_of = Some(row.get("part_of").to_owned()).filter(|p| !p.is_empty());
                positions.insert(id.clone(), snapshot.indicators.len());
                snapshot.indicators.push(Indicator {
                    id,
                    programme: row.get("programme").to_owned(),
                    label: localized("label_zh", "label_en"),
                    unit: localized("unit_zh", "unit_en"),
                    value,
                    qualifier,
                    kind,
                    period,
                    series: Vec::new(),
                    by_place: Vec::new(),
                    part_of,
                    source: row.get("source").to_owned(),
                    quote: row.get("quote").to_owned(),
                    note,
                });
            }
        }
    }
}

/// Finds a place by id, official code or Chinese name (with or without the trailing 村).
fn place_index(snapshot: &Snapshot, key: &str) -> Option<usize> {
    let key = key.trim();
    let by = |f: &dyn Fn(&crate::core::snapshot::Place) -> bool| snapshot.places.iter().position(f);
    by(&|p| p.id == key)
        .or_else(|| by(&|p| p.code.as_deref() == Some(key)))
        .or_else(|| {
            by(&|p| {
                p.kind == PlaceKind::Village
                    && (p.name.zh == key || p.name.zh.strip_suffix('村') == Some(key))
            })
        })
        .or_else(|| by(&|p| p.name.zh == key))
}

/// Adds per-place values (never overwriting a different existing value).
pub fn apply_by_place_csv(
    snapshot: &mut Snapshot,
    file: &str,
    text: &str,
    problems: &mut Problems,
) {
    if let Some(table) = table::table_from_csv(file, text, problems) {
        apply_by_place_table(snapshot, &table, problems, &mut Existing::default());
    }
}

/// Adds the rows of a values-by-village table (a CSV file or a workbook's sheet 各村数值), never
/// overwriting a different existing value unless `existing_values` says to.
pub fn apply_by_place_table(
    snapshot: &mut Snapshot,
    table: &Table,
    problems: &mut Problems,
    existing_values: &mut Existing,
) {
    let Some(columns) = checked_columns(table, &BY_PLACE_COLUMNS, problems) else {
        return;
    };
    let mut seen: HashMap<(String, String), u64> = HashMap::new();
    for row in rows_of(table, &columns) {
        let indicator_id = row.get("indicator").to_owned();
        let place_key = row.get("place").to_owned();
        let Some(place) = place_index(snapshot, &place_key) else {
            problems.push(Worded::new(
                format!(
                    "{}: 未知村庄 {place_key:?}（数据中没有这个代码、统计代码或名称）",
                    row.at_zh("place")
                ),
                format!(
                    "{}: unknown village {place_key:?} (not an id, code or name in the snapshot)",
                    row.at_en("place")
                ),
            ));
            continue;
        };
        let place_id = snapshot.places[place].id.clone();
        if let Some(first) = seen.insert((indicator_id.clone(), place_id.clone()), row.number()) {
            problems.push(Worded::new(
                format!(
                    "{}: 重复：{place_key} 的 {indicator_id} 在第 {first} 行已有",
                    row.at_zh("place")
                ),
                format!(
                    "{}: duplicate: {indicator_id} for {place_key} is also on line {first}",
                    row.at_en("place")
                ),
            ));
            continue;
        }
        let Some((value, qualifier)) = row.figure(problems) else {
            continue;
        };
        let Some(indicator) = snapshot
            .indicators
            .iter_mut()
            .find(|i| i.id == indicator_id)
        else {
            problems.push(Worded::new(
                format!("{}: 未知指标 {indicator_id:?}", row.at_zh("indicator")),
                format!(
                    "{}: unknown indicator {indicator_id:?}",
                    row.at_en("indicator")
                ),
            ));
            continue;
        };
        match indicator
            .by_place
            .iter_mut()
            .find(|entry| entry.place == place_id)
        {
            Some(existing) if existing_values.replace => {
                existing.value = value;
                existing.qualifier = qualifier;
            }
            Some(existing)
                if !same_value(existing.value, value) || existing.qualifier != qualifier =>
            {
                existing_values.conflicts += 1;
                problems.push(Worded::new(
                    format!(
                        "{}: {place_key} 的 {indicator_id} 已有数值 {:?}；不覆盖",
                        row.at_zh("value"),
                        existing.value
                    ),
                    format!(
                        "{}: {indicator_id} already has {:?} for {place_key}; not overwritten",
                        row.at_en("value"),
                        existing.value
                    ),
                ))
            }
            Some(_) => {}
            None => indicator.by_place.push(PlaceValue {
                place: place_id,
                value,
                qualifier,
            }),
        }
    }
}

/// Attaches the features of a GeoJSON FeatureCollection to places, matched by `code`, then by
/// `name` (properties). Returns notes (villages left without geometry).
pub fn apply_geojson(
    snapshot: &mut Snapshot,
    file: &str,
    text: &str,
    crs: Crs,
    problems: &mut Problems,
) -> Vec<Worded> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            problems.push(Worded::new(
                format!(
                    "{file}:{}:{}: 不是有效的 JSON：{error}",
                    error.line(),
                    error.column()
                ),
                format!(
                    "{file}:{}:{}: not valid JSON: {error}",
                    error.line(),
                    error.column()
                ),
            ));
            return Vec::new();
        }
    };
    let Some(features) = value.get("features").and_then(serde_json::Value::as_array) else {
        problems.push(Worded::new(
            format!("{file}: 应为带有 \"features\" 的 GeoJSON FeatureCollection"),
            format!("{file}: expected a GeoJSON FeatureCollection with \"features\""),
        ));
        return Vec::new();
    };
    let mut feature_of_place: HashMap<usize, usize> = HashMap::new();
    for (index, feature) in features.iter().enumerate() {
        let properties = feature.get("properties");
        let get = |key: &str| {
            properties
                .and_then(|p| p.get(key))
                .and_then(serde_json::Value::as_str)
        };
        let key = get("code")
            .or_else(|| get("id"))
            .or_else(|| get("name"))
            .or_else(|| get("名称"));
        let Some(key) = key else {
            problems.push(Worded::new(
                format!("{file}: 要素 {index}：没有可用来匹配村庄的 \"code\" 或 \"name\" 属性"),
                format!(
                    "{file}: feature {index}: no \"code\" or \"name\" property to match a village"
                ),
            ));
            continue;
        };
        let Some(place) = place_index(snapshot, key) else {
            problems.push(Worded::new(
                format!("{file}: 要素 {index}：没有村庄与 {key:?} 匹配"),
                format!("{file}: feature {index}: no village matches {key:?}"),
            ));
            continue;
        };
        if let Some(first) = feature_of_place.insert(place, index) {
            problems.push(Worded::new(
                format!("{file}: 要素 {index}：{key:?} 与要素 {first} 重复"),
                format!("{file}: feature {index}: {key:?} is also feature {first}"),
            ));
            continue;
        }
        let Some(geometry) = feature.get("geometry").filter(|g| !g.is_null()) else {
            problems.push(Worded::new(
                format!("{file}: 要素 {index}：没有几何"),
                format!("{file}: feature {index}: no geometry"),
            ));
            continue;
        };
        let geometry = match crate::core::snapshot::json_path::deserialize_with_path(geometry) {
            Ok(geometry) => geometry,
            Err((path, message)) => {
                let at = if path.is_empty() {
                    String::new()
                } else {
                    format!(".{path}")
                };
                let message_zh =
                    crate::core::snapshot::reader_words::zh_from_reader_message(&message);
                problems.push(Worded::new(
                    format!("{file}: 要素 {index}：几何{at}：{message_zh}"),
                    format!("{file}: feature {index}: geometry{at}: {message}"),
                ));
                continue;
            }
        };
        snapshot.places[place].geometry = Some(PlaceGeometry {
            crs,
            geojson: geometry,
        });
    }
    // Broken geometry is found by the shared validator; name the feature, not the place path.
    for problem in validate_snapshot(snapshot) {
        for (&place, &feature) in &feature_of_place {
            let prefix = format!("places[{place}].geometry.geojson");
            if let Some(rest) = problem.path.strip_prefix(&prefix) {
                problems.push(Worded::new(
                    format!("{file}: 要素 {feature}：几何{rest}：{}", problem.message_zh),
                    format!(
                        "{file}: feature {feature}: geometry{rest}: {}",
                        problem.message
                    ),
                ));
            }
        }
    }
    let missing: Vec<String> = snapshot
        .places
        .iter()
        .enumerate()
        .filter(|(index, place)| {
            place.kind == PlaceKind::Village
                && !feature_of_place.contains_key(index)
                && place.geometry.is_none()
        })
        .map(|(_, place)| place.name.zh.clone())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let shown: Vec<&str> = missing.iter().take(10).map(String::as_str).collect();
    let more = if missing.len() > shown.len() {
        " …"
    } else {
        ""
    };
    vec![Worded::new(
        format!(
            "{file}: {} 个村没有对应的地块，仍没有边界：{}{more}",
            missing.len(),
            shown.join("、"),
        ),
        format!(
            "{file}: {} villages have no feature and stay without geometry: {}{more}",
            missing.len(),
            shown.join("、"),
        ),
    )]
}

fn csv_line(fields: &[String]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(fields);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The indicators as CSV (UTF-8 with BOM): one row per indicator and period, with the
/// workbook's Chinese headers and words (the importer reads these and the English ones).
pub fn indicators_csv_from_snapshot(snapshot: &Snapshot) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(
        &INDICATOR_COLUMNS
            .iter()
            .map(|(_, zh, _)| (*zh).to_owned())
            .collect::<Vec<_>>(),
    ));
    for indicator in &snapshot.indicators {
        let kind = xlsx::KIND_WORDS
            .iter()
            .find(|(kind, _)| *kind == indicator.kind)
            .map_or("", |(_, word)| *word);
        let note = indicator.note.clone().unwrap_or_default();
        let row = |period: &str, value: Option<f64>, qualifier: Qualifier| {
            vec![
                indicator.id.clone(),
                indicator.programme.clone(),
                indicator.label.zh.clone(),
                indicator.label.en.clone(),
                indicator.unit.zh.clone(),
                indicator.unit.en.clone(),
                number(value),
                xlsx::qualifier_word(value, qualifier).to_owned(),
                kind.to_owned(),
                period.to_owned(),
                indicator.source.clone(),
                indicator.quote.clone(),
                note.zh.clone(),
                note.en.clone(),
                indicator.part_of.clone().unwrap_or_default(),
            ]
        };
        out.push_str(&csv_line(&row(
            &indicator.period,
            indicator.value,
            indicator.qualifier,
        )));
        for entry in &indicator.series {
            out.push_str(&csv_line(&row(&entry.period, entry.value, entry.qualifier)));
        }
    }
    out
}

/// The per-place values as CSV (UTF-8 with BOM), as the workbook has them.
pub fn by_place_csv_from_snapshot(snapshot: &Snapshot) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(
        &BY_PLACE_COLUMNS
            .iter()
            .map(|(_, zh, _)| (*zh).to_owned())
            .collect::<Vec<_>>(),
    ));
    for indicator in &snapshot.indicators {
        for entry in &indicator.by_place {
            out.push_str(&csv_line(&[
                indicator.id.clone(),
                xlsx::place_key(snapshot, &entry.place).to_owned(),
                number(entry.value),
                xlsx::qualifier_word(entry.value, entry.qualifier).to_owned(),
            ]));
        }
    }
    out
}
