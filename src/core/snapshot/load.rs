//! From snapshot bytes to a checked [`Snapshot`], or to every problem found, each with the
//! JSON path (or line and column) where it is.
//!
//! Three stages, each reporting as much as it can:
//! 1. size and JSON syntax (line/column from the reader, `json_text`; nesting limited to 128),
//! 2. structure: the schema version first, then each top-level field and each element of each
//!    list deserialised on its own, so one bad indicator does not hide another (from the raw
//!    text of each: no JSON tree, whose reader and writer would add to the wasm),
//! 3. meaning: [`crate::core::snapshot::validate`] on the typed snapshot.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use crate::core::snapshot::json_path::{deserialize_text_with_path, too_deep_at, MAX_NESTING};
use crate::core::snapshot::json_text::{self, Raw, ReadError};
use crate::core::snapshot::validate::{validate_snapshot, Problem};
use crate::core::snapshot::{Snapshot, SCHEMA_VERSION};
use crate::core::wording::Worded;
use crate::core::Language;

/// The largest snapshot accepted, in bytes. A larger body is refused before parsing so that a
/// wrong or hostile URL cannot freeze a phone's tab. 32 MiB holds a county of 50,000 places
/// with polygons (about 22 MB), which needs about 74 MiB of wasm memory (BENCHMARKS.md).
pub const MAX_SNAPSHOT_BYTES: usize = 32 * 1024 * 1024;

/// A snapshot file's bytes as text. UTF-8 is the format; a UTF-8 byte-order mark (Windows
/// Notepad writes one) is accepted and dropped. A file in another encoding is refused with a
/// message that names it and says how to fix it: UTF-16 (Notepad's "Unicode"), or GBK /
/// GB18030 (Chinese Windows' "ANSI"), recognised by its byte pattern.
pub fn snapshot_text_from_bytes(bytes: Vec<u8>) -> Result<String, Problem> {
    const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        // No mark, but ASCII JSON with a zero byte beside every character.
        || (bytes.len() >= 4
            && bytes.iter().take(64).filter(|&&byte| byte == 0).count()
                >= bytes.len().min(64) / 3);
    if utf16 {
        return Err(Problem::said(
            "",
            "文件是 UTF-16 编码（Windows 记事本称为“Unicode”），请另存为 UTF-8",
            "the file is saved as UTF-16 (Windows Notepad calls it \"Unicode\"); save it as UTF-8",
        ));
    }
    let bytes = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        if looks_like_gbk(error.as_bytes()) {
            Problem::said(
                "",
                format!("文件像是 GBK / GB18030 编码（中文 Windows 的“ANSI”），不是 UTF-8（第一个这样的字节在第 {offset} 字节处），请另存为 UTF-8"),
                format!("the file looks like GBK / GB18030 (Chinese Windows' \"ANSI\"), not UTF-8 (first such byte at offset {offset}); save it as UTF-8"),
            )
        } else {
            Problem::said(
                "",
                format!("不是 UTF-8 文本（第 {offset} 字节无效），请另存为 UTF-8"),
                format!("not UTF-8 text (invalid byte at offset {offset}); save the file as UTF-8"),
            )
        }
    })
}

/// Whether every byte outside ASCII pairs up as a GBK / GB18030 two-byte character (lead
/// 0x81–0xFE, trail 0x40–0xFE but not 0x7F), and there is at least one.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte < 0x80 {
            index += 1;
            continue;
        }
        let trail = bytes.get(index + 1).copied().unwrap_or(0);
        if !(0x81..=0xFE).contains(&byte) || !(0x40..=0xFE).contains(&trail) || trail == 0x7F {
            return false;
        }
        pairs += 1;
        index += 2;
    }
    pairs > 0
}

/// Parses and validates a snapshot. On failure returns every problem found, in document order
/// as far as possible.
pub fn snapshot_from_json_text(text: &str) -> Result<Snapshot, Vec<Problem>> {
    let mut snapshot = snapshot_read_from_json_text(text)?;
    let problems = validate_snapshot(&snapshot);
    if problems.is_empty() {
        snapshot.reindex();
        Ok(snapshot)
    } else {
        Err(problems)
    }
}

/// Reads a snapshot for the editor: a file that reads but fails the meaning checks is given
/// back with its problems, since the editor is where they are mended. A file that cannot be
/// read as a snapshot (too large, not JSON, wrong types) is refused with every problem.
pub fn snapshot_for_editing(text: &str) -> Result<(Snapshot, Vec<Problem>), Vec<Problem>> {
    let mut snapshot = snapshot_read_from_json_text(text)?;
    snapshot.reindex();
    let problems = validate_snapshot(&snapshot);
    Ok((snapshot, problems))
}

/// Reads the text into a snapshot, without the meaning checks.
fn snapshot_read_from_json_text(text: &str) -> Result<Snapshot, Vec<Problem>> {
    if text.len() > MAX_SNAPSHOT_BYTES {
        return Err(vec![Problem::said(
            "",
            format!(
                "数据文件有 {} 字节，上限为 {} 字节（{} MiB）",
                text.len(),
                MAX_SNAPSHOT_BYTES,
                MAX_SNAPSHOT_BYTES / (1024 * 1024)
            ),
            format!(
                "the snapshot is {} bytes; the limit is {} bytes ({} MiB)",
                text.len(),
                MAX_SNAPSHOT_BYTES,
                MAX_SNAPSHOT_BYTES / (1024 * 1024)
            ),
        )]);
    }
    // The fast path: straight from the text to the typed snapshot, with no JSON tree in
    // between (a 10,000-polygon snapshot would otherwise be held three times in memory).
    if let Ok(snapshot) = json_text::from_str::<Snapshot>(text) {
        if snapshot.schema_version == SCHEMA_VERSION {
            return Ok(snapshot);
        }
    }
    // Something is wrong: read it again part by part to report every problem with its path.
    snapshot_from_json_parts(text)
}

/// Reads `places` generated places with polygons (thrown away) through the same code that
/// reads a snapshot's places, and returns how many were read. Called while a large snapshot is
/// still downloading: the browser's wasm engine first runs code through a quick baseline
/// compiler and optimises functions only once they are hot, so without this the real parse
/// runs mostly unoptimised (about three times slower for 10,000 places; BENCHMARKS.md).
pub fn warm_up_place_reader(places: usize) -> usize {
    use std::fmt::Write;
    let mut text = String::with_capacity(places * 330 + 2);
    text.push('[');
    for index in 0..places {
        if index > 0 {
            text.push(',');
        }
        let x = 118.0 + (index % 100) as f64 * 0.001;
        let y = 35.0 + (index / 100) as f64 * 0.001;
        let _ = write!(
            text,
            r#"{{"id":"w-{index}","name":{{"zh":"预热{index}","en":"Warm-up {index}"}},"kind":"village","code":"371323{index:06}","community":{{"id":"c-1","inferred":false}},"geometry":{{"crs":"WGS84","geojson":{{"type":"Polygon","coordinates":[[[{x},{y}],[{x1},{y}],[{x1},{y1}],[{x},{y1}],[{x},{y}]]]}}}},"source":"warm-up"}}"#,
            x1 = x + 0.001,
            y1 = y + 0.001,
        );
    }
    text.push(']');
    json_text::from_str::<Vec<crate::core::snapshot::Place>>(&text).map_or(0, |read| read.len())
}

const TOP_LEVEL_FIELDS: [&str; 7] = [
    "schema_version",
    "meta",
    "sources",
    "programmes",
    "indicators",
    "places",
    "sections",
];

/// Stage 2: the structure, reported field by field and element by element. `text` is JSON;
/// on a syntax error, the problem says where.
pub fn snapshot_from_json_parts(text: &str) -> Result<Snapshot, Vec<Problem>> {
    let syntax = |error: ReadError| {
        vec![Problem::from_reader(
            "",
            format!(
                "not valid JSON at line {}, column {}: {}",
                error.line, error.column, error.reason
            ),
        )]
    };
    // Nesting is checked first, where it starts.
    if let Some((line, column)) = too_deep_at(text) {
        return Err(vec![Problem::from_reader(
            "",
            format!(
                "not valid JSON at line {line}, column {column}: recursion limit exceeded (nested more than {MAX_NESTING} levels)"
            ),
        )]);
    }
    let kind = json_type_name(text);
    if kind != "an object" {
        // Checks the syntax first: a broken document is reported as such.
        json_text::from_str::<serde::de::IgnoredAny>(text).map_err(syntax)?;
        return Err(vec![Problem::said(
            "",
            format!(
                "数据文件必须是一个 JSON 对象，实际为{}",
                json_type_name_zh(kind)
            ),
            format!("a snapshot must be a JSON object, got {kind}"),
        )]);
    }
    let object: BTreeMap<String, Raw> = json_text::from_str(text).map_err(syntax)?;
    match object.get("schema_version") {
        None => {
            return Err(vec![Problem::said(
                "schema_version",
                format!("缺少；本查看器读取 schema_version {SCHEMA_VERSION}"),
                format!("missing; this viewer reads schema_version {SCHEMA_VERSION}"),
            )])
        }
        Some(version)
            if json_text::from_str::<u64>(version.get()).ok()
                != Some(u64::from(SCHEMA_VERSION)) =>
        {
            return Err(vec![Problem::said(
                "schema_version",
                format!(
                    "不支持的版本 {}；本查看器读取版本 {SCHEMA_VERSION}",
                    version.get().trim()
                ),
                format!(
                    "unsupported version {}; this viewer reads {SCHEMA_VERSION}",
                    version.get().trim()
                ),
            )])
        }
        Some(_) => {}
    }

    let mut problems = Vec::new();
    for key in object.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            problems.push(Problem::said(
                key,
                format!("未知字段；应为以下之一：{}", TOP_LEVEL_FIELDS.join(", ")),
                format!(
                    "unknown field; expected one of {}",
                    TOP_LEVEL_FIELDS.join(", ")
                ),
            ));
        }
    }
    let required = ["meta", "sources", "programmes", "indicators"];
    for key in required {
        if !object.contains_key(key) {
            problems.push(Problem::said(
                key,
                "缺少必需的字段",
                "missing required field",
            ));
        }
    }
    // Each part is deserialised once, on its own, so one bad element does not hide another;
    // the typed parts then make up the snapshot (no second pass over the document).
    let meta = object
        .get("meta")
        .and_then(|meta| typed::<crate::core::snapshot::Meta>("meta", meta.get(), &mut problems));
    let sources = typed_list(&object, "sources", &mut problems);
    let programmes = typed_list(&object, "programmes", &mut problems);
    let indicators = typed_list(&object, "indicators", &mut problems);
    let places = typed_list(&object, "places", &mut problems);
    let sections = typed_list(&object, "sections", &mut problems);
    match (meta, problems.is_empty()) {
        (Some(meta), true) => Ok(Snapshot {
            schema_version: SCHEMA_VERSION,
            meta,
            sources,
            programmes,
            indicators,
            places,
            sections,
            index: Default::default(),
        }),
        _ => Err(problems),
    }
}

/// The elements of the list at `key` (absent: empty), each deserialised on its own.
fn typed_list<T: DeserializeOwned>(
    object: &BTreeMap<String, Raw>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let Some(list) = object.get(key) else {
        return Vec::new();
    };
    let Ok(items) = json_text::from_str::<Vec<Raw>>(list.get()) else {
        let kind = json_type_name(list.get());
        problems.push(Problem::said(
            key,
            format!("必须是列表，实际为{}", json_type_name_zh(kind)),
            format!("must be a list, got {kind}"),
        ));
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| typed::<T>(&format!("{key}[{index}]"), item.get(), problems))
        .collect()
}

fn typed<T: DeserializeOwned>(path: &str, text: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match deserialize_text_with_path::<T>(text) {
        Ok(typed) => Some(typed),
        Err((inner, message)) => {
            problems.push(Problem::from_reader(&join_path(path, &inner), message));
            None
        }
    }
}

/// Joins a prefix such as `indicators[3]` and an inner path such as `value` or `[2].id`.
pub fn join_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => inner.to_owned(),
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    }
}

/// A kind from [`json_type_name`] in Chinese.
pub(crate) fn json_type_name_zh(kind: &str) -> &'static str {
    match kind {
        "an object" => "对象",
        "a list" => "列表",
        "a string" => "字符串",
        "a boolean" => "布尔值",
        "null" => "null",
        "a number" => "数字",
        _ => "其他内容",
    }
}

/// What kind of JSON value `text` (one JSON value) is, for messages, from its first character.
pub(crate) fn json_type_name(text: &str) -> &'static str {
    match text.trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// Why the app could not show a snapshot. Built by the UI's fetch, described here so the
/// wording is tested natively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// The request itself failed (offline, blocked, DNS).
    Network { url: String, detail: Worded },
    /// The server answered with a non-success HTTP status.
    HttpStatus { url: String, status: u16 },
    /// The server announced or sent a body over [`MAX_SNAPSHOT_BYTES`].
    TooLarge { url: String, bytes: u64 },
    /// The body arrived but is not a valid snapshot.
    Invalid { url: String, problems: Vec<Problem> },
    /// The page URL asked for a snapshot location that is not allowed.
    Refused { requested: String, reason: Worded },
}

/// A short fingerprint of a snapshot's text (FNV-1a, 64 bit, hex): the pre-rendered page
/// records the one it was rendered from, and the app takes that page over only when the
/// snapshot it fetched has the same.
pub fn snapshot_fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

impl LoadFailure {
    /// A one-line headline for the failure, in `language`.
    pub fn headline(&self, language: Language) -> String {
        match (self, language) {
            (LoadFailure::Network { url, detail }, Language::Zh) => {
                format!("无法获取 {url}：{}", detail.zh)
            }
            (LoadFailure::Network { url, detail }, Language::En) => {
                format!("Could not fetch {url}: {}", detail.en)
            }
            (LoadFailure::HttpStatus { url, status }, Language::Zh) => {
                format!("服务器对 {url} 返回 HTTP {status}")
            }
            (LoadFailure::HttpStatus { url, status }, Language::En) => {
                format!("The server answered HTTP {status} for {url}")
            }
            (LoadFailure::TooLarge { url, bytes }, Language::Zh) => {
                format!("{url} 有 {bytes} 字节；数据文件上限为 {MAX_SNAPSHOT_BYTES} 字节")
            }
            (LoadFailure::TooLarge { url, bytes }, Language::En) => format!(
                "{url} is {bytes} bytes; snapshots are limited to {MAX_SNAPSHOT_BYTES} bytes"
            ),
            (LoadFailure::Refused { requested, reason }, Language::Zh) => {
                format!("拒绝加载数据文件 {requested:?}：{}", reason.zh)
            }
            (LoadFailure::Refused { requested, reason }, Language::En) => {
                format!("Refused to load the snapshot {requested:?}: {}", reason.en)
            }
            (LoadFailure::Invalid { url, problems }, Language::Zh) => {
                format!("{url} 不是有效的报告数据（{} 个问题）", problems.len())
            }
            (LoadFailure::Invalid { url, problems }, Language::En) => format!(
                "{url} is not a valid snapshot ({} problem{})",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
        }
    }

    /// The individual problems, each naming where it is (JSON paths as they are), in
    /// `language`; empty for transport failures.
    pub fn details(&self, language: Language) -> Vec<String> {
        match self {
            LoadFailure::Invalid { problems, .. } => problems
                .iter()
                .map(|problem| problem.described_in(language))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod encoding_tests {
    use super::snapshot_text_from_bytes;

    const JSON: &str = "{\"名\": \"富官庄镇\"}";

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_is_read() {
        assert_eq!(
            snapshot_text_from_bytes(JSON.as_bytes().to_vec()).as_deref(),
            Ok(JSON)
        );
        let mut marked = vec![0xEF, 0xBB, 0xBF];
        marked.extend_from_slice(JSON.as_bytes());
        assert_eq!(snapshot_text_from_bytes(marked).as_deref(), Ok(JSON));
    }

    #[test]
    fn utf16_is_named_with_or_without_its_mark() {
        let units: Vec<u16> = JSON.encode_utf16().collect();
        let little: Vec<u8> = units.iter().flat_map(|unit| unit.to_le_bytes()).collect();
        let big: Vec<u8> = units.iter().flat_map(|unit| unit.to_be_bytes()).collect();
        for bytes in [
            [vec![0xFF, 0xFE], little.clone()].concat(),
            [vec![0xFE, 0xFF], big].concat(),
            little,
        ] {
            let problem = snapshot_text_from_bytes(bytes).expect_err("refused");
            assert!(problem.message.contains("UTF-16"), "{}", problem.message);
            assert!(
                problem.message.contains("save it as UTF-8"),
                "{}",
                problem.message
            );
            assert!(
                problem.message_zh.contains("UTF-16"),
                "{}",
                problem.message_zh
            );
            assert!(
                problem.message_zh.contains("另存为 UTF-8"),
                "{}",
                problem.message_zh
            );
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn gbk_is_named_and_other_bytes_are_not_guessed_at() {
        // "{\"名\": \"富官庄镇\"}" in GBK.
        let (gbk, _, _) = encoding_rs::GBK.encode(JSON);
        let problem = snapshot_text_from_bytes(gbk.into_owned()).expect_err("refused");
        assert!(problem.message.contains("GBK"), "{}", problem.message);
        assert!(problem.message_zh.contains("GBK"), "{}", problem.message_zh);
        assert!(
            problem.message_zh.contains("另存为 UTF-8"),
            "{}",
            problem.message_zh
        );
        let problem =
            snapshot_text_from_bytes(b"{\"a\": \"\xff\x20\"}".to_vec()).expect_err("refused");
        assert!(!problem.message.contains("GBK"), "{}", problem.message);
        assert!(problem.message.contains("not UTF-8"), "{}", problem.message);
    }
}

#[cfg(test)]
mod warm_up_tests {
    use super::{snapshot_fingerprint, warm_up_place_reader};

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_eq!(snapshot_fingerprint(""), "cbf29ce484222325");
        assert_eq!(snapshot_fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(
            snapshot_fingerprint("{\"a\":1}"),
            snapshot_fingerprint("{\"a\":2}")
        );
    }

    #[test]
    fn the_warm_up_text_is_read_in_full() {
        // If the generated text stopped matching the Place type, the warm-up would silently
        // exercise only the error path.
        assert_eq!(warm_up_place_reader(250), 250);
        assert_eq!(warm_up_place_reader(0), 0);
    }
}
