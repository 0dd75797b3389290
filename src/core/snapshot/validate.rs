//! The meaning checks on a typed snapshot. One validator, used by the app on load and by the
//! native `snapshot check` tool. It reports every problem, each with its JSON path.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::core::snapshot::geojson::{Coordinates, Geometry};
use crate::core::snapshot::{
    AdminUnit, Block, ChartKind, Crs, Indicator, IndicatorKind, Localized, Place, PlaceKind,
    Snapshot,
};

/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;
/// Longest label, name, title or quote, in characters.
pub const MAX_LABEL_CHARS: usize = 300;
/// Longest prose paragraph, in characters.
pub const MAX_PROSE_CHARS: usize = 4000;
/// Most places in one snapshot.
pub const MAX_PLACES: usize = 100_000;

/// One thing wrong with a snapshot, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `indicators[12].value`; empty for the document as a whole. Paths
    /// stay as they are in both languages.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// The same in Chinese (township staff read Chinese).
    pub message_zh: String,
}

impl Problem {
    /// A problem worded in both languages.
    pub fn said(path: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            message: en.into(),
            message_zh: zh.into(),
        }
    }

    /// A problem whose wording comes from the JSON reader (serde, in English only): the
    /// Chinese is made from its known phrases (`core::snapshot::reader_words`).
    pub fn from_reader(path: &str, en: impl Into<String>) -> Self {
        let en = en.into();
        let zh = crate::core::snapshot::reader_words::zh_from_reader_message(&en);
        Self::said(path, zh, en)
    }

    /// What is wrong, in `language`.
    pub fn message_in(&self, language: crate::core::Language) -> &str {
        match language {
            crate::core::Language::Zh => &self.message_zh,
            crate::core::Language::En => &self.message,
        }
    }

    /// "path: message" in `language` (the message alone for the document as a whole).
    pub fn described_in(&self, language: crate::core::Language) -> String {
        let message = self.message_in(language);
        match (self.path.is_empty(), language) {
            (true, _) => message.to_owned(),
            (false, crate::core::Language::Zh) => format!("{}：{message}", self.path),
            (false, crate::core::Language::En) => format!("{}: {message}", self.path),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every meaning problem of `snapshot`; empty when it is valid.
pub fn validate_snapshot(snapshot: &Snapshot) -> Vec<Problem> {
    let mut checker = Checker::default();
    checker.meta(snapshot);
    let source_ids = checker.unique_ids("sources", snapshot.sources.iter().map(|s| &s.id));
    let programme_ids = checker.unique_ids("programmes", snapshot.programmes.iter().map(|p| &p.id));
    checker.unique_ids("indicators", snapshot.indicators.iter().map(|i| &i.id));
    let place_ids = checker.unique_ids("places", snapshot.places.iter().map(|p| &p.id));

    for (index, source) in snapshot.sources.iter().enumerate() {
        let path = At::TopIndex("sources", index);
        checker.localized(&path.key("title"), &source.title, MAX_LABEL_CHARS);
        checker.localized(&path.key("publisher"), &source.publisher, MAX_LABEL_CHARS);
        if let Some(date) = &source.date {
            checker.partial_date(&path.key("date"), date);
        }
        if let Some(url) = &source.url {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                checker.push(
                    &path.key("url"),
                    format!("必须以 https:// 或 http:// 开头，实际为 {url:?}"),
                    format!("must start with https:// or http://, got {url:?}"),
                );
            }
            checker.text(&path.key("url"), url, MAX_LABEL_CHARS);
        }
    }
    for (index, programme) in snapshot.programmes.iter().enumerate() {
        checker.localized(
            &At::TopIndex("programmes", index).key("label"),
            &programme.label,
            MAX_LABEL_CHARS,
        );
    }

    let indicators_by_id: HashMap<&str, &Indicator> = snapshot
        .indicators
        .iter()
        .map(|indicator| (indicator.id.as_str(), indicator))
        .collect();
    let in_cycles = part_of_cycles(snapshot);
    for (index, indicator) in snapshot.indicators.iter().enumerate() {
        checker.indicator(
            &At::TopIndex("indicators", index),
            indicator,
            &References {
                sources: &source_ids,
                programmes: &programme_ids,
                indicators: &indicators_by_id,
                places: &place_ids,
                in_cycles: &in_cycles.members,
            },
        );
    }
    for (first, cycle) in &in_cycles.cycles {
        let named: Vec<String> = cycle.iter().map(|id| format!("{id:?}")).collect();
        checker.push(
            &At::TopIndex("indicators", *first).key("part_of"),
            format!(
                "part_of 形成循环：{} → {}；整体不能是其组成部分的一部分",
                named.join(" → "),
                named[0]
            ),
            format!(
                "part_of goes round in a cycle: {} → {}; a whole cannot be a part of its own parts",
                named.join(" → "),
                named[0]
            ),
        );
    }

    if snapshot.places.len() > MAX_PLACES {
        checker.push(
            &At::Top("places"),
            format!(
                "共 {} 个地点；最多支持 {MAX_PLACES} 个",
                snapshot.places.len()
            ),
            format!(
                "{} places; at most {MAX_PLACES} are supported",
                snapshot.places.len()
            ),
        );
    }
    let places_by_id: HashMap<&str, &Place> = snapshot
        .places
        .iter()
        .map(|place| (place.id.as_str(), place))
        .collect();
    let mut codes_seen: HashMap<&str, usize> = HashMap::new();
    for (index, place) in snapshot.places.iter().enumerate() {
        let path = At::TopIndex("places", index);
        checker.place(&path, place, snapshot, &places_by_id, &source_ids);
        if let Some(code) = &place.code {
            if let Some(first) = codes_seen.insert(code, index) {
                checker.push(
                    &path.key("code"),
                    format!("代码 {code:?} 重复，places[{first}] 也在使用"),
                    format!("duplicate code {code:?}, also used by places[{first}]"),
                );
            }
        }
    }

    let mut section_ids = HashSet::new();
    let mut chart_ids = HashSet::new();
    for (index, section) in snapshot.sections.iter().enumerate() {
        let path = At::TopIndex("sections", index);
        checker.id(&path.key("id"), &section.id);
        if !section_ids.insert(section.id.as_str()) {
            checker.push(
                &path.key("id"),
                format!("章节 id {:?} 重复", section.id),
                format!("duplicate section id {:?}", section.id),
            );
        }
        if let Some(programme) = &section.programme {
            checker.reference(
                &path.key("programme"),
                programme,
                &programme_ids,
                "programme",
            );
        }
        checker.localized(&path.key("title"), &section.title, MAX_LABEL_CHARS);
        for (block_index, block) in section.blocks.iter().enumerate() {
            let block_path = path.key_index("blocks", block_index);
            checker.block(&block_path, block, &indicators_by_id, &mut chart_ids);
        }
    }
    // Every part of the report is optional, but not all of them at once: a snapshot with no
    // indicators and nothing in its sections would publish an empty page.
    let blocks: usize = snapshot
        .sections
        .iter()
        .map(|section| section.blocks.len())
        .sum();
    if snapshot.indicators.is_empty() && blocks == 0 {
        checker.push(
            &At::Top(""),
            "报告为空：没有指标，也没有含内容的章节；发布后将是空白页面", "the report is empty: no indicators and no section with a block; publishing it would show an empty page",
        );
    }
    checker.problems
}

/// The `part_of` links that go round in a cycle: each cycle once, as the indicator ids in
/// link order (from the one listed first), with the position of that first indicator; and
/// every indicator on a cycle (their "part larger than whole" check would only mislead).
struct PartOfCycles<'a> {
    cycles: Vec<(usize, Vec<&'a str>)>,
    members: HashSet<&'a str>,
}

fn part_of_cycles(snapshot: &Snapshot) -> PartOfCycles<'_> {
    let position: HashMap<&str, usize> = snapshot
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| (indicator.id.as_str(), index))
        .collect();
    let whole_of = |index: usize| {
        snapshot.indicators[index]
            .part_of
            .as_deref()
            .and_then(|whole| position.get(whole).copied())
    };
    // 0: not visited, 1: on the current chain, 2: done.
    let mut state = vec![0_u8; snapshot.indicators.len()];
    let mut found = PartOfCycles {
        cycles: Vec::new(),
        members: HashSet::new(),
    };
    for start in 0..snapshot.indicators.len() {
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(index) = at {
            match state[index] {
                0 => {
                    state[index] = 1;
                    chain.push(index);
                    at = whole_of(index);
                }
                1 => {
                    // Back on the current chain: the links from there on form a cycle (an
                    // indicator that is its own whole is reported on its own, not here).
                    let from = chain.iter().position(|&i| i == index).unwrap_or(0);
                    let cycle = &chain[from..];
                    if cycle.len() > 1 {
                        let first = cycle.iter().copied().min().unwrap_or(index);
                        let turn = cycle.iter().position(|&i| i == first).unwrap_or(0);
                        let ids: Vec<&str> = cycle[turn..]
                            .iter()
                            .chain(&cycle[..turn])
                            .map(|&i| snapshot.indicators[i].id.as_str())
                            .collect();
                        found.members.extend(ids.iter().copied());
                        found.cycles.push((first, ids));
                    }
                    break;
                }
                _ => break,
            }
        }
        for index in chain {
            state[index] = 2;
        }
    }
    found.cycles.sort_by_key(|(first, _)| *first);
    found
}

/// The name of a kind of thing a reference points at, in Chinese.
fn what_zh(what: &str) -> &str {
    match what {
        "source" => "来源",
        "programme" => "工作",
        "place" => "地点",
        "indicator" => "指标",
        other => other,
    }
}

struct References<'a> {
    sources: &'a HashSet<String>,
    programmes: &'a HashSet<String>,
    indicators: &'a HashMap<&'a str, &'a Indicator>,
    places: &'a HashSet<String>,
    /// Indicators whose `part_of` goes round in a cycle (reported as such).
    in_cycles: &'a HashSet<&'a str>,
}

/// Where in the snapshot a check is, written out as a path (`places[3].name.zh`) only when a
/// problem is reported: formatting every path up front cost more than the checks themselves.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A top-level path such as `meta.title` or `places`.
    Top(&'a str),
    /// `key[index]` at the top level.
    TopIndex(&'a str, usize),
    Key(&'a At<'a>, &'a str),
    KeyIndex(&'a At<'a>, &'a str, usize),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    fn key_index(&'a self, key: &'a str, index: usize) -> At<'a> {
        At::KeyIndex(self, key, index)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Top(key) => f.write_str(key),
            At::TopIndex(key, index) => write!(f, "{key}[{index}]"),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::KeyIndex(parent, key, index) => write!(f, "{parent}.{key}[{index}]"),
            At::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: &At<'_>, zh: impl Into<String>, en: impl Into<String>) {
        self.problems.push(Problem::said(&path.to_string(), zh, en));
    }

    fn meta(&mut self, snapshot: &Snapshot) {
        let meta = &snapshot.meta;
        self.localized(&At::Top("meta.title"), &meta.title, MAX_LABEL_CHARS);
        self.localized(
            &At::Top("meta.description"),
            &meta.description,
            MAX_PROSE_CHARS,
        );
        self.admin_unit(&At::Top("meta.province"), &meta.province, 2, None);
        self.admin_unit(
            &At::Top("meta.city"),
            &meta.city,
            4,
            Some(&meta.province.code),
        );
        self.admin_unit(
            &At::Top("meta.county"),
            &meta.county,
            6,
            Some(&meta.city.code),
        );
        self.admin_unit(
            &At::Top("meta.township"),
            &meta.township,
            12,
            Some(&meta.county.code),
        );
        self.text(&At::Top("meta.period"), &meta.period, MAX_ID_CHARS);
        self.full_date(&At::Top("meta.as_of"), &meta.as_of);
        if let Some(note) = &meta.as_of_note {
            self.localized(&At::Top("meta.as_of_note"), note, MAX_PROSE_CHARS);
        }
        if let Some(published) = &meta.published {
            self.full_date(&At::Top("meta.published"), published);
        }
        if let Some(number) = &meta.map_review_number {
            self.text(&At::Top("meta.map_review_number"), number, MAX_ID_CHARS);
        }
    }

    fn admin_unit(&mut self, path: &At<'_>, unit: &AdminUnit, digits: usize, parent: Option<&str>) {
        self.localized(&path.key("name"), &unit.name, MAX_LABEL_CHARS);
        let code_path = path.key("code");
        if !is_digits(&unit.code, digits) {
            self.push(
                &code_path,
                format!("必须是 {digits} 位数字，实际为 {:?}", unit.code),
                format!("must be {digits} digits, got {:?}", unit.code),
            );
        } else if let Some(parent) = parent {
            if is_all_digits(parent) && !unit.code.starts_with(parent) {
                self.push(
                    &code_path,
                    format!("{:?} 没有以上级代码 {parent:?} 开头", unit.code),
                    format!(
                        "{:?} does not start with its parent's code {parent:?}",
                        unit.code
                    ),
                );
            }
        }
    }

    fn id(&mut self, path: &At<'_>, id: &str) {
        if id.is_empty() {
            self.push(path, "不能为空", "must not be empty");
        } else if id.chars().count() > MAX_ID_CHARS {
            self.push(
                path,
                format!("超过 {MAX_ID_CHARS} 个字符"),
                format!("longer than {MAX_ID_CHARS} characters"),
            );
        } else if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            self.push(
                path,
                format!("{id:?} 只能使用 a-z、0-9、“_”和“-”（它会出现在网址中）"),
                format!("{id:?} may use only a-z, 0-9, '_' and '-' (it appears in URLs)"),
            );
        }
    }

    fn unique_ids<'a>(
        &mut self,
        collection: &str,
        ids: impl Iterator<Item = &'a String>,
    ) -> HashSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (index, id) in ids.enumerate() {
            let item = At::TopIndex(collection, index);
            let path = item.key("id");
            self.id(&path, id);
            if let Some(first) = seen.insert(id, index) {
                self.push(
                    &path,
                    format!("id {id:?} 重复，{collection}[{first}] 也在使用"),
                    format!("duplicate id {id:?}, also used by {collection}[{first}]"),
                );
            }
        }
        seen.into_keys().map(str::to_owned).collect()
    }

    fn reference(&mut self, path: &At<'_>, id: &str, known: &HashSet<String>, what: &str) {
        if !known.contains(id) {
            self.push(
                path,
                format!("引用了不存在的{}：{id:?}", what_zh(what)),
                format!("refers to unknown {what} {id:?}"),
            );
        }
    }

    fn text(&mut self, path: &At<'_>, text: &str, max_chars: usize) {
        if text.trim().is_empty() {
            self.push(path, "不能为空", "must not be empty");
        }
        let count = text.chars().count();
        if count > max_chars {
            self.push(
                path,
                format!("共 {count} 个字符；最多允许 {max_chars} 个"),
                format!("{count} characters; at most {max_chars} allowed"),
            );
        }
        if text.chars().any(|c| c == '\0') {
            self.push(path, "含有 NUL 字符", "contains a NUL character");
        }
    }

    fn localized(&mut self, path: &At<'_>, text: &Localized, max_chars: usize) {
        self.text(&path.key("zh"), &text.zh, max_chars);
        self.text(&path.key("en"), &text.en, max_chars);
    }

    fn full_date(&mut self, path: &At<'_>, date: &str) {
        if !is_full_date(date) {
            self.push(
                path,
                format!("必须是 YYYY-MM-DD 格式的日期，实际为 {date:?}"),
                format!("must be a date written YYYY-MM-DD, got {date:?}"),
            );
        }
    }

    fn partial_date(&mut self, path: &At<'_>, date: &str) {
        let ok = match date.len() {
            4 => is_all_digits(date),
            7 => is_full_date(&format!("{date}-01")),
            _ => is_full_date(date),
        };
        if !ok {
            self.push(
                path,
                format!("必须是 YYYY、YYYY-MM 或 YYYY-MM-DD，实际为 {date:?}"),
                format!("must be YYYY, YYYY-MM or YYYY-MM-DD, got {date:?}"),
            );
        }
    }

    fn value(&mut self, path: &At<'_>, value: Option<f64>, kind: IndicatorKind) {
        let Some(value) = value else { return };
        if !value.is_finite() {
            self.push(
                path,
                format!("必须是有限的数字，实际为 {value}"),
                format!("must be a finite number, got {value}"),
            );
        } else if value < 0.0 {
            self.push(
                path,
                format!("必须 ≥ 0，实际为 {value}"),
                format!("must be ≥ 0, got {value}"),
            );
        } else if kind == IndicatorKind::Count && value.fract() != 0.0 {
            self.push(
                path,
                format!("计数必须是整数，实际为 {value}"),
                format!("a count must be a whole number, got {value}"),
            );
        }
    }

    fn indicator(&mut self, path: &At<'_>, indicator: &Indicator, refs: &References<'_>) {
        self.reference(
            &path.key("programme"),
            &indicator.programme,
            refs.programmes,
            "programme",
        );
        self.reference(
            &path.key("source"),
            &indicator.source,
            refs.sources,
            "source",
        );
        self.localized(&path.key("label"), &indicator.label, MAX_LABEL_CHARS);
        self.localized(&path.key("unit"), &indicator.unit, MAX_LABEL_CHARS);
        self.text(&path.key("period"), &indicator.period, MAX_ID_CHARS);
        self.text(&path.key("quote"), &indicator.quote, MAX_LABEL_CHARS);
        if let Some(note) = &indicator.note {
            self.localized(&path.key("note"), note, MAX_PROSE_CHARS);
        }
        self.value(&path.key("value"), indicator.value, indicator.kind);
        let mut periods = HashSet::from([indicator.period.as_str()]);
        for (index, entry) in indicator.series.iter().enumerate() {
            let entry_path = path.key_index("series", index);
            self.text(&entry_path.key("period"), &entry.period, MAX_ID_CHARS);
            if !periods.insert(entry.period.as_str()) {
                self.push(
                    &entry_path.key("period"),
                    format!("期间 {:?} 出现了两次", entry.period),
                    format!("period {:?} is given twice", entry.period),
                );
            }
            self.value(&entry_path.key("value"), entry.value, indicator.kind);
        }
        let mut places = HashSet::new();
        for (index, entry) in indicator.by_place.iter().enumerate() {
            let entry_path = path.key_index("by_place", index);
            self.reference(&entry_path.key("place"), &entry.place, refs.places, "place");
            if !places.insert(entry.place.as_str()) {
                self.push(
                    &entry_path.key("place"),
                    format!("地点 {:?} 出现了两次", entry.place),
                    format!("place {:?} is given twice", entry.place),
                );
            }
            self.value(&entry_path.key("value"), entry.value, indicator.kind);
        }
        if let Some(whole_id) = &indicator.part_of {
            let whole_path = path.key("part_of");
            match refs.indicators.get(whole_id.as_str()) {
                None => self.push(
                    &whole_path,
                    format!("引用了不存在的指标 {whole_id:?}"),
                    format!("refers to unknown indicator {whole_id:?}"),
                ),
                Some(_) if whole_id == &indicator.id => self.push(
                    &whole_path,
                    "指标不能是它自身的一部分",
                    "an indicator cannot be a part of itself",
                ),
                Some(_) if refs.in_cycles.contains(indicator.id.as_str()) => {}
                Some(whole) => {
                    if let (Some(part), Some(total)) = (indicator.value, whole.value) {
                        // An invalid whole is reported at the whole; do not report it twice.
                        if total.is_finite() && total >= 0.0 && part > total {
                            self.push(
                                &whole_path,
                                format!("部分（{part}）大于整体 {whole_id:?}（{total}）"),
                                format!(
                                    "the part ({part}) is larger than the whole {whole_id:?} ({total})"
                                ),
                            );
                        }
                    }
                }
            }
        }
    }

    fn place(
        &mut self,
        path: &At<'_>,
        place: &Place,
        snapshot: &Snapshot,
        places_by_id: &HashMap<&str, &Place>,
        source_ids: &HashSet<String>,
    ) {
        self.localized(&path.key("name"), &place.name, MAX_LABEL_CHARS);
        self.reference(&path.key("source"), &place.source, source_ids, "source");
        if let Some(code) = &place.code {
            let county = &snapshot.meta.county.code;
            if !is_digits(code, 12) {
                self.push(
                    &path.key("code"),
                    format!("必须是 12 位数字，实际为 {code:?}"),
                    format!("must be 12 digits, got {code:?}"),
                );
            } else if !code.starts_with(county.as_str()) {
                self.push(
                    &path.key("code"),
                    format!("{code:?} 没有以县级代码 {county:?} 开头"),
                    format!("{code:?} does not start with the county code {county:?}"),
                );
            }
        }
        if let Some(link) = &place.community {
            let link_path = path.key("community.id");
            match places_by_id.get(link.id.as_str()) {
                None => self.push(
                    &link_path,
                    format!("引用了不存在的地点 {:?}", link.id),
                    format!("refers to unknown place {:?}", link.id),
                ),
                Some(target) if target.kind != PlaceKind::Community => self.push(
                    &link_path,
                    format!("{:?} 不是社区", link.id),
                    format!("{:?} is not a community", link.id),
                ),
                Some(_) if place.kind == PlaceKind::Community => self.push(
                    &link_path,
                    "社区不能隶属于另一个社区",
                    "a community cannot belong to a community",
                ),
                Some(_) => {}
            }
        }
        for (index, designation) in place.designations.iter().enumerate() {
            let designation_path = path.key_index("designations", index);
            self.reference(
                &designation_path.key("source"),
                &designation.source,
                source_ids,
                "source",
            );
            self.text(
                &designation_path.key("quote"),
                &designation.quote,
                MAX_LABEL_CHARS,
            );
        }
        if let Some(geometry) = &place.geometry {
            self.geometry(
                &path.key("geometry.geojson"),
                &geometry.geojson,
                geometry.crs,
            );
        }
    }

    fn geometry(&mut self, path: &At<'_>, geojson: &Geometry, crs: Crs) {
        let Some(coordinates) = &geojson.coordinates else {
            self.push(
                path,
                "GeoJSON 几何需要 \"coordinates\"",
                "a GeoJSON geometry needs \"coordinates\"",
            );
            return;
        };
        let coordinates_path = path.key("coordinates");
        match geojson.kind.as_str() {
            "Point" => self.position(&coordinates_path, coordinates, crs),
            "Polygon" => self.polygon(&coordinates_path, coordinates, crs),
            "MultiPolygon" => match coordinates.as_list() {
                Some(polygons) if !polygons.is_empty() => {
                    for (index, polygon) in polygons.iter().enumerate() {
                        self.polygon(&coordinates_path.index(index), polygon, crs);
                    }
                }
                _ => self.push(
                    &coordinates_path,
                    "必须是非空的多边形列表",
                    "must be a non-empty list of polygons",
                ),
            },
            other => self.push(
                &path.key("type"),
                format!("必须是 Point、Polygon 或 MultiPolygon，实际为 {other:?}"),
                format!("must be Point, Polygon or MultiPolygon, got {other:?}"),
            ),
        }
    }

    fn polygon(&mut self, path: &At<'_>, rings: &Coordinates, crs: Crs) {
        let Some(rings) = rings.as_list().filter(|rings| !rings.is_empty()) else {
            self.push(
                path,
                "多边形必须是非空的环列表",
                "a polygon must be a non-empty list of rings",
            );
            return;
        };
        for (index, ring) in rings.iter().enumerate() {
            let ring_path = path.index(index);
            let Some(positions) = ring.as_list() else {
                let got = match ring {
                    Coordinates::Numbers(_) | Coordinates::Pair(..) => "a position",
                    other => other.type_name(),
                };
                self.push(
                    &ring_path,
                    format!("环必须是坐标列表，实际为 {got}"),
                    format!("a ring must be a list of positions, got {got}"),
                );
                continue;
            };
            if positions.len() < 4 {
                self.push(
                    &ring_path,
                    format!("环至少需要 4 个坐标，实际为 {} 个", positions.len()),
                    format!("a ring needs at least 4 positions, got {}", positions.len()),
                );
            }
            for (position_index, position) in positions.iter().enumerate() {
                self.position(&ring_path.index(position_index), position, crs);
            }
            if let (Some(first), Some(last)) = (positions.first(), positions.last()) {
                if positions.len() >= 4 && first != last {
                    self.push(
                        &ring_path,
                        "环没有闭合：最后一个坐标必须与第一个相同",
                        "ring is not closed: its last position must equal its first",
                    );
                }
            }
        }
    }

    /// Checks a position; its path is built only when there is a problem (a 10,000-polygon
    /// snapshot has about 100,000 positions, and formatting each path cost more than the check).
    fn position(&mut self, path: &At<'_>, position: &Coordinates, crs: Crs) {
        if let Some((zh, en)) = position_problem(position, crs) {
            self.push(path, zh, en);
        }
    }

    fn block(
        &mut self,
        path: &At<'_>,
        block: &Block,
        indicators: &HashMap<&str, &Indicator>,
        chart_ids: &mut HashSet<String>,
    ) {
        let check_ids = |checker: &mut Self, ids: &[String]| -> Vec<&Indicator> {
            if ids.is_empty() {
                checker.push(
                    &path.key("indicators"),
                    "必须至少列出一个指标",
                    "must name at least one indicator",
                );
            }
            let mut found = Vec::new();
            for (index, id) in ids.iter().enumerate() {
                match indicators.get(id.as_str()) {
                    Some(indicator) => found.push(*indicator),
                    None => checker.push(
                        &path.key_index("indicators", index),
                        format!("引用了不存在的指标 {id:?}"),
                        format!("refers to unknown indicator {id:?}"),
                    ),
                }
            }
            found
        };
        match block {
            Block::Prose { text } => self.localized(&path.key("text"), text, MAX_PROSE_CHARS),
            Block::Figures { indicators } | Block::Table { indicators } => {
                check_ids(self, indicators);
            }
            Block::Map { title } => {
                if let Some(title) = title {
                    self.localized(&path.key("title"), title, MAX_LABEL_CHARS);
                }
            }
            Block::Chart {
                id,
                chart,
                title,
                indicators: ids,
            } => {
                self.id(&path.key("id"), id);
                if !chart_ids.insert(id.clone()) {
                    self.push(
                        &path.key("id"),
                        format!("图表 id {id:?} 重复"),
                        format!("duplicate chart id {id:?}"),
                    );
                }
                self.localized(&path.key("title"), title, MAX_LABEL_CHARS);
                let found = check_ids(self, ids);
                match chart {
                    ChartKind::Comparison => {
                        if let Some(first) = found.first() {
                            if found.iter().any(|other| other.unit != first.unit) {
                                self.push(
                                    &path.key("indicators"),
                                    "对比图的指标须使用同一单位；单位不同请用 small_multiples", "a comparison chart needs indicators in one unit; use small_multiples for mixed units",
                                );
                            }
                        }
                    }
                    ChartKind::PartOfWhole => {
                        for indicator in &found {
                            if indicator.part_of.is_none() {
                                self.push(
                                    &path.key("indicators"),
                                    format!(
                                        "{:?} 没有 part_of：部分与整体图只显示来源给出的整体",
                                        indicator.id
                                    ),
                                    format!(
                                        "{:?} has no part_of: a part-of-whole chart shows only wholes the source states",
                                        indicator.id
                                    ),
                                );
                            }
                        }
                    }
                    ChartKind::TimeSeries => {
                        if found.iter().all(|indicator| indicator.series.is_empty()) {
                            self.push(
                                &path.key("indicators"),
                                "时间序列需要带有多个期间数值（series）的指标", "a time series needs indicators with values for several periods (series)",
                            );
                        }
                    }
                    ChartKind::SmallMultiples | ChartKind::Structure => {}
                }
            }
        }
    }
}

fn is_all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_digits(text: &str, count: usize) -> bool {
    text.len() == count && is_all_digits(text)
}

/// True for a real calendar date written YYYY-MM-DD.
pub fn is_full_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        text[0..4].parse::<u32>(),
        text[5..7].parse::<u32>(),
        text[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    if !is_all_digits(&text[0..4]) || !is_all_digits(&text[5..7]) || !is_all_digits(&text[8..10]) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}
/// What is wrong with a GeoJSON position in `crs`, if anything.
fn position_problem(position: &Coordinates, crs: Crs) -> Option<(String, String)> {
    let Some((lon, lat)) = position
        .as_position()
        .filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
    else {
        return Some((
            "坐标必须是 [经度, 纬度]".to_owned(),
            "a position must be [longitude, latitude]".to_owned(),
        ));
    };
    let (lon_range, lat_range) = match crs {
        // GCJ-02 is only defined within China.
        Crs::Gcj02 => ((72.0, 138.0), (0.8, 56.0)),
        Crs::Wgs84 | Crs::Cgcs2000 => ((-180.0, 180.0), (-90.0, 90.0)),
    };
    let inside =
        (lon_range.0..=lon_range.1).contains(&lon) && (lat_range.0..=lat_range.1).contains(&lat);
    (!inside).then(|| {
        (
            format!(
                "[{lon}, {lat}] 超出 {crs:?} 的范围（经度 {}..{}，纬度 {}..{}）",
                lon_range.0, lon_range.1, lat_range.0, lat_range.1
            ),
            format!(
                "[{lon}, {lat}] is outside the range of {crs:?} (longitude {}..{}, latitude {}..{})",
                lon_range.0, lon_range.1, lat_range.0, lat_range.1
            ),
        )
    })
}
