//! A spreadsheet's table, whichever file it came from: a CSV file, or one sheet of an Excel
//! workbook. The importer reads tables, so both kinds of file go through the same checks, and
//! every problem names where it is in the words of its kind of file: `file:line:column` for
//! CSV (as text editors count), the sheet, row and column letter for a workbook.

use super::{Problems, Worded, MAX_SPREADSHEET_ROWS};

/// One table: its header and its data rows (blank rows left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file's name, as the person sees it.
    pub file: String,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The header row's number (1-based).
    pub header_number: u64,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// A data row: its number in the file (CSV line or sheet row, 1-based) and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub number: u64,
    pub fields: Vec<String>,
}

/// A column's letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters_from_index(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Table {
    /// Where a row (and a column: 0-based index) is, in Chinese.
    pub fn place_zh(&self, row: u64, column: Option<usize>) -> String {
        match (&self.sheet, column) {
            (None, Some(column)) => format!("{}:{row}:{}", self.file, column + 1),
            (None, None) => format!("{}:{row}", self.file),
            (Some(sheet), Some(column)) => format!(
                "{} 工作表「{sheet}」第 {row} 行 {} 列",
                self.file,
                column_letters_from_index(column)
            ),
            (Some(sheet), None) => format!("{} 工作表「{sheet}」第 {row} 行", self.file),
        }
    }

    /// Where a row (and a column) is, in English.
    pub fn place_en(&self, row: u64, column: Option<usize>) -> String {
        match (&self.sheet, column) {
            (None, _) => self.place_zh(row, column),
            (Some(sheet), Some(column)) => format!(
                "{}, sheet {sheet}, row {row}, column {}",
                self.file,
                column_letters_from_index(column)
            ),
            (Some(sheet), None) => format!("{}, sheet {sheet}, row {row}", self.file),
        }
    }

    /// The table as a whole (the file, or the file and sheet), in both languages.
    pub fn name(&self) -> Worded {
        match &self.sheet {
            None => Worded::new(self.file.clone(), self.file.clone()),
            Some(sheet) => Worded::new(
                format!("{} 工作表「{sheet}」", self.file),
                format!("{}, sheet {sheet}", self.file),
            ),
        }
    }

    /// Whether the header names a column, by its English or Chinese name.
    pub fn has_column(&self, names: (&str, &str)) -> bool {
        self.header
            .iter()
            .map(|name| name.trim().trim_start_matches('\u{feff}'))
            .any(|name| name == names.0 || name == names.1)
    }

    /// The "too many rows" problem, when `rows` reaches the limit.
    pub fn row_limit_problem(&self) -> Worded {
        let name = self.name();
        Worded::new(
            format!(
                "{}: 行数超过上限 {MAX_SPREADSHEET_ROWS} 行，未读取其余各行",
                name.zh
            ),
            format!(
                "{}: more than {MAX_SPREADSHEET_ROWS} rows, the limit; the rest was not read",
                name.en
            ),
        )
    }
}

/// Lines (1-based) of records from their byte offsets. The CSV reader's own line count is one
/// short after a CRLF line end (what Excel writes), so lines are counted here: the line ends
/// before the record's first character. Records come in order, so counting goes on from the
/// last one (a long file is read once).
struct LineCounter<'t> {
    bytes: &'t [u8],
    counted_to: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            bytes: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, position: &csv::Position) -> u64 {
        let start = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let first = start
            + self.bytes[start..]
                .iter()
                .take_while(|&&byte| byte == b'\r' || byte == b'\n')
                .count();
        if first < self.counted_to {
            // Not in order (never, from the reader): count from the start.
            self.counted_to = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.counted_to..first]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count() as u64;
        self.counted_to = first;
        self.line
    }
}

/// A CSV file's text as a table; `None` (with the problem) when its header cannot be read.
/// Rows the reader cannot read are problems, named by line; at most
/// [`MAX_SPREADSHEET_ROWS`] rows are read.
pub fn table_from_csv(file: &str, text: &str, problems: &mut Problems) -> Option<Table> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.iter().map(str::to_owned).collect(),
        Err(error) => {
            problems.push(Worded::new(
                format!("{file}:1: 无法读取表头：{error}"),
                format!("{file}:1: cannot read the header: {error}"),
            ));
            return None;
        }
    };
    let mut table = Table {
        file: file.to_owned(),
        sheet: None,
        header_number: 1,
        header,
        rows: Vec::new(),
    };
    let mut lines = LineCounter::new(text);
    for (count, result) in reader.records().enumerate() {
        if count == MAX_SPREADSHEET_ROWS {
            problems.push(table.row_limit_problem());
            break;
        }
        match result {
            Ok(record) => {
                let number = record
                    .position()
                    .map_or(0, |position| lines.line_at(position));
                if record.iter().all(|field| field.trim().is_empty()) {
                    continue;
                }
                table.rows.push(TableRow {
                    number,
                    fields: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(error) => {
                let line = error
                    .position()
                    .map_or(0, |position| lines.line_at(position));
                problems.push(Worded::new(
                    format!("{file}:{line}: {error}"),
                    format!("{file}:{line}: {error}"),
                ));
            }
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_excel_does() {
        let letters: Vec<String> = [0, 6, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letters_from_index)
            .collect();
        assert_eq!(
            letters,
            ["A", "G", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn places_name_the_file_or_the_sheet() {
        let mut table = Table {
            file: "a.csv".to_owned(),
            sheet: None,
            header_number: 1,
            header: Vec::new(),
            rows: Vec::new(),
        };
        assert_eq!(table.place_zh(5, Some(6)), "a.csv:5:7");
        assert_eq!(table.place_en(5, None), "a.csv:5");
        table.file = "b.xlsx".to_owned();
        table.sheet = Some("指标".to_owned());
        assert_eq!(
            table.place_zh(5, Some(6)),
            "b.xlsx 工作表「指标」第 5 行 G 列"
        );
        assert_eq!(
            table.place_en(5, Some(6)),
            "b.xlsx, sheet 指标, row 5, column G"
        );
    }
}
