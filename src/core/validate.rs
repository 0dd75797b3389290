//! The meaning checks on a typed snapshot. One validator, used by the app on load and by the
//! native `snapshot check` tool. It reports every problem, each with its JSON path.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::core::geojson::{Coordinates, Geometry};
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
    /// JSON path such as `indicators[12].value`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            message: message.into(),
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
        let path = format!("sources[{index}]");
        checker.localized(&format!("{path}.title"), &source.title, MAX_LABEL_CHARS);
        checker.localized(
            &format!("{path}.publisher"),
            &source.publisher,
            MAX_LABEL_CHARS,
        );
        if let Some(date) = &source.date {
            checker.partial_date(&format!("{path}.date"), date);
        }
        if let Some(url) = &source.url {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                checker.push(
                    &format!("{path}.url"),
                    format!("must start with https:// or http://, got {url:?}"),
                );
            }
            checker.text(&format!("{path}.url"), url, MAX_LABEL_CHARS);
        }
    }
    for (index, programme) in snapshot.programmes.iter().enumerate() {
        checker.localized(
            &format!("programmes[{index}].label"),
            &programme.label,
            MAX_LABEL_CHARS,
        );
    }

    let indicators_by_id: HashMap<&str, &Indicator> = snapshot
        .indicators
        .iter()
        .map(|indicator| (indicator.id.as_str(), indicator))
        .collect();
    for (index, indicator) in snapshot.indicators.iter().enumerate() {
        checker.indicator(
            &format!("indicators[{index}]"),
            indicator,
            &References {
                sources: &source_ids,
                programmes: &programme_ids,
                indicators: &indicators_by_id,
                places: &place_ids,
            },
        );
    }

    if snapshot.places.len() > MAX_PLACES {
        checker.push(
            "places",
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
        let path = format!("places[{index}]");
        checker.place(&path, place, snapshot, &places_by_id, &source_ids);
        if let Some(code) = &place.code {
            if let Some(first) = codes_seen.insert(code, index) {
                checker.push(
                    &format!("{path}.code"),
                    format!("duplicate code {code:?}, also used by places[{first}]"),
                );
            }
        }
    }

    let mut section_ids = HashSet::new();
    let mut chart_ids = HashSet::new();
    for (index, section) in snapshot.sections.iter().enumerate() {
        let path = format!("sections[{index}]");
        checker.id(&format!("{path}.id"), &section.id);
        if !section_ids.insert(section.id.as_str()) {
            checker.push(
                &format!("{path}.id"),
                format!("duplicate section id {:?}", section.id),
            );
        }
        if let Some(programme) = &section.programme {
            checker.reference(
                &format!("{path}.programme"),
                programme,
                &programme_ids,
                "programme",
            );
        }
        checker.localized(&format!("{path}.title"), &section.title, MAX_LABEL_CHARS);
        for (block_index, block) in section.blocks.iter().enumerate() {
            let block_path = format!("{path}.blocks[{block_index}]");
            checker.block(&block_path, block, &indicators_by_id, &mut chart_ids);
        }
    }
    checker.problems
}

struct References<'a> {
    sources: &'a HashSet<String>,
    programmes: &'a HashSet<String>,
    indicators: &'a HashMap<&'a str, &'a Indicator>,
    places: &'a HashSet<String>,
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn meta(&mut self, snapshot: &Snapshot) {
        let meta = &snapshot.meta;
        self.localized("meta.title", &meta.title, MAX_LABEL_CHARS);
        self.localized("meta.description", &meta.description, MAX_PROSE_CHARS);
        self.admin_unit("meta.province", &meta.province, 2, None);
        self.admin_unit("meta.city", &meta.city, 4, Some(&meta.province.code));
        self.admin_unit("meta.county", &meta.county, 6, Some(&meta.city.code));
        self.admin_unit("meta.township", &meta.township, 12, Some(&meta.county.code));
        self.text("meta.period", &meta.period, MAX_ID_CHARS);
        self.full_date("meta.as_of", &meta.as_of);
        if let Some(note) = &meta.as_of_note {
            self.localized("meta.as_of_note", note, MAX_PROSE_CHARS);
        }
        if let Some(published) = &meta.published {
            self.full_date("meta.published", published);
        }
        if let Some(number) = &meta.map_review_number {
            self.text("meta.map_review_number", number, MAX_ID_CHARS);
        }
    }

    fn admin_unit(&mut self, path: &str, unit: &AdminUnit, digits: usize, parent: Option<&str>) {
        self.localized(&format!("{path}.name"), &unit.name, MAX_LABEL_CHARS);
        let code_path = format!("{path}.code");
        if !is_digits(&unit.code, digits) {
            self.push(
                &code_path,
                format!("must be {digits} digits, got {:?}", unit.code),
            );
        } else if let Some(parent) = parent {
            if is_all_digits(parent) && !unit.code.starts_with(parent) {
                self.push(
                    &code_path,
                    format!(
                        "{:?} does not start with its parent's code {parent:?}",
                        unit.code
                    ),
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.is_empty() {
            self.push(path, "must not be empty");
        } else if id.chars().count() > MAX_ID_CHARS {
            self.push(path, format!("longer than {MAX_ID_CHARS} characters"));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            self.push(
                path,
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
            let path = format!("{collection}[{index}].id");
            self.id(&path, id);
            if let Some(first) = seen.insert(id, index) {
                self.push(
                    &path,
                    format!("duplicate id {id:?}, also used by {collection}[{first}]"),
                );
            }
        }
        seen.into_keys().map(str::to_owned).collect()
    }

    fn reference(&mut self, path: &str, id: &str, known: &HashSet<String>, what: &str) {
        if !known.contains(id) {
            self.push(path, format!("refers to unknown {what} {id:?}"));
        }
    }

    fn text(&mut self, path: &str, text: &str, max_chars: usize) {
        if text.trim().is_empty() {
            self.push(path, "must not be empty");
        }
        let count = text.chars().count();
        if count > max_chars {
            self.push(
                path,
                format!("{count} characters; at most {max_chars} allowed"),
            );
        }
        if text.chars().any(|c| c == '\0') {
            self.push(path, "contains a NUL character");
        }
    }

    fn localized(&mut self, path: &str, text: &Localized, max_chars: usize) {
        self.text(&format!("{path}.zh"), &text.zh, max_chars);
        self.text(&format!("{path}.en"), &text.en, max_chars);
    }

    fn full_date(&mut self, path: &str, date: &str) {
        if !is_full_date(date) {
            self.push(
                path,
                format!("must be a date written YYYY-MM-DD, got {date:?}"),
            );
        }
    }

    fn partial_date(&mut self, path: &str, date: &str) {
        let ok = match date.len() {
            4 => is_all_digits(date),
            7 => is_full_date(&format!("{date}-01")),
            _ => is_full_date(date),
        };
        if !ok {
            self.push(
                path,
                format!("must be YYYY, YYYY-MM or YYYY-MM-DD, got {date:?}"),
            );
        }
    }

    fn value(&mut self, path: &str, value: Option<f64>, kind: IndicatorKind) {
        let Some(value) = value else { return };
        if !value.is_finite() {
            self.push(path, format!("must be a finite number, got {value}"));
        } else if value < 0.0 {
            self.push(path, format!("must be ≥ 0, got {value}"));
        } else if kind == IndicatorKind::Count && value.fract() != 0.0 {
            self.push(path, format!("a count must be a whole number, got {value}"));
        }
    }

    fn indicator(&mut self, path: &str, indicator: &Indicator, refs: &References<'_>) {
        self.reference(
            &format!("{path}.programme"),
            &indicator.programme,
            refs.programmes,
            "programme",
        );
        self.reference(
            &format!("{path}.source"),
            &indicator.source,
            refs.sources,
            "source",
        );
        self.localized(&format!("{path}.label"), &indicator.label, MAX_LABEL_CHARS);
        self.localized(&format!("{path}.unit"), &indicator.unit, MAX_LABEL_CHARS);
        self.text(&format!("{path}.period"), &indicator.period, MAX_ID_CHARS);
        self.text(&format!("{path}.quote"), &indicator.quote, MAX_LABEL_CHARS);
        if let Some(note) = &indicator.note {
            self.localized(&format!("{path}.note"), note, MAX_PROSE_CHARS);
        }
        self.value(&format!("{path}.value"), indicator.value, indicator.kind);
        let mut periods = HashSet::from([indicator.period.as_str()]);
        for (index, entry) in indicator.series.iter().enumerate() {
            let entry_path = format!("{path}.series[{index}]");
            self.text(&format!("{entry_path}.period"), &entry.period, MAX_ID_CHARS);
            if !periods.insert(entry.period.as_str()) {
                self.push(
                    &format!("{entry_path}.period"),
                    format!("period {:?} is given twice", entry.period),
                );
            }
            self.value(&format!("{entry_path}.value"), entry.value, indicator.kind);
        }
        let mut places = HashSet::new();
        for (index, entry) in indicator.by_place.iter().enumerate() {
            let entry_path = format!("{path}.by_place[{index}]");
            self.reference(
                &format!("{entry_path}.place"),
                &entry.place,
                refs.places,
                "place",
            );
            if !places.insert(entry.place.as_str()) {
                self.push(
                    &format!("{entry_path}.place"),
                    format!("place {:?} is given twice", entry.place),
                );
            }
            self.value(&format!("{entry_path}.value"), entry.value, indicator.kind);
        }
        if let Some(whole_id) = &indicator.part_of {
            let whole_path = format!("{path}.part_of");
            match refs.indicators.get(whole_id.as_str()) {
                None => self.push(
                    &whole_path,
                    format!("refers to unknown indicator {whole_id:?}"),
                ),
                Some(_) if whole_id == &indicator.id => {
                    self.push(&whole_path, "an indicator cannot be a part of itself")
                }
                Some(whole) => {
                    if let (Some(part), Some(total)) = (indicator.value, whole.value) {
                        // An invalid whole is reported at the whole; do not report it twice.
                        if total.is_finite() && total >= 0.0 && part > total {
                            self.push(
                                &whole_path,
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
        path: &str,
        place: &Place,
        snapshot: &Snapshot,
        places_by_id: &HashMap<&str, &Place>,
        source_ids: &HashSet<String>,
    ) {
        self.localized(&format!("{path}.name"), &place.name, MAX_LABEL_CHARS);
        self.reference(
            &format!("{path}.source"),
            &place.source,
            source_ids,
            "source",
        );
        if let Some(code) = &place.code {
            let county = &snapshot.meta.county.code;
            if !is_digits(code, 12) {
                self.push(
                    &format!("{path}.code"),
                    format!("must be 12 digits, got {code:?}"),
                );
            } else if !code.starts_with(county.as_str()) {
                self.push(
                    &format!("{path}.code"),
                    format!("{code:?} does not start with the county code {county:?}"),
                );
            }
        }
        if let Some(link) = &place.community {
            let link_path = format!("{path}.community.id");
            match places_by_id.get(link.id.as_str()) {
                None => self.push(&link_path, format!("refers to unknown place {:?}", link.id)),
                Some(target) if target.kind != PlaceKind::Community => {
                    self.push(&link_path, format!("{:?} is not a community", link.id))
                }
                Some(_) if place.kind == PlaceKind::Community => {
                    self.push(&link_path, "a community cannot belong to a community")
                }
                Some(_) => {}
            }
        }
        for (index, designation) in place.designations.iter().enumerate() {
            let designation_path = format!("{path}.designations[{index}]");
            self.reference(
                &format!("{designation_path}.source"),
                &designation.source,
                source_ids,
                "source",
            );
            self.text(
                &format!("{designation_path}.quote"),
                &designation.quote,
                MAX_LABEL_CHARS,
            );
        }
        if let Some(geometry) = &place.geometry {
            self.geometry(
                &format!("{path}.geometry.geojson"),
                &geometry.geojson,
                geometry.crs,
            );
        }
    }

    fn geometry(&mut self, path: &str, geojson: &Geometry, crs: Crs) {
        let Some(coordinates) = &geojson.coordinates else {
            self.push(path, "a GeoJSON geometry needs \"coordinates\"");
            return;
        };
        let coordinates_path = format!("{path}.coordinates");
        match geojson.kind.as_str() {
            "Point" => self.position(&coordinates_path, coordinates, crs),
            "Polygon" => self.polygon(&coordinates_path, coordinates, crs),
            "MultiPolygon" => match coordinates.as_list() {
                Some(polygons) if !polygons.is_empty() => {
                    for (index, polygon) in polygons.iter().enumerate() {
                        self.polygon(&format!("{coordinates_path}[{index}]"), polygon, crs);
                    }
                }
                _ => self.push(&coordinates_path, "must be a non-empty list of polygons"),
            },
            other => self.push(
                &format!("{path}.type"),
                format!("must be Point, Polygon or MultiPolygon, got {other:?}"),
            ),
        }
    }

    fn polygon(&mut self, path: &str, rings: &Coordinates, crs: Crs) {
        let Some(rings) = rings.as_list().filter(|rings| !rings.is_empty()) else {
            self.push(path, "a polygon must be a non-empty list of rings");
            return;
        };
        for (index, ring) in rings.iter().enumerate() {
            let ring_path = format!("{path}[{index}]");
            let Some(positions) = ring.as_list() else {
                let got = match ring {
                    Coordinates::Numbers(_) => "a position",
                    other => other.type_name(),
                };
                self.push(
                    &ring_path,
                    format!("a ring must be a list of positions, got {got}"),
                );
                continue;
            };
            if positions.len() < 4 {
                self.push(
                    &ring_path,
                    format!("a ring needs at least 4 positions, got {}", positions.len()),
                );
            }
            for (position_index, position) in positions.iter().enumerate() {
                self.position(&format!("{ring_path}[{position_index}]"), position, crs);
            }
            if let (Some(first), Some(last)) = (positions.first(), positions.last()) {
                if positions.len() >= 4 && first != last {
                    self.push(
                        &ring_path,
                        "ring is not closed: its last position must equal its first",
                    );
                }
            }
        }
    }

    fn position(&mut self, path: &str, position: &Coordinates, crs: Crs) {
        let Some((lon, lat)) = position
            .as_position()
            .filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
        else {
            self.push(path, "a position must be [longitude, latitude]");
            return;
        };
        let (lon_range, lat_range) = match crs {
            // GCJ-02 is only defined within China.
            Crs::Gcj02 => ((72.0, 138.0), (0.8, 56.0)),
            Crs::Wgs84 | Crs::Cgcs2000 => ((-180.0, 180.0), (-90.0, 90.0)),
        };
        if !(lon_range.0..=lon_range.1).contains(&lon)
            || !(lat_range.0..=lat_range.1).contains(&lat)
        {
            self.push(
                path,
                format!(
                    "[{lon}, {lat}] is outside the range of {crs:?} (longitude {}..{}, latitude {}..{})",
                    lon_range.0, lon_range.1, lat_range.0, lat_range.1
                ),
            );
        }
    }

    fn block(
        &mut self,
        path: &str,
        block: &Block,
        indicators: &HashMap<&str, &Indicator>,
        chart_ids: &mut HashSet<String>,
    ) {
        let check_ids = |checker: &mut Self, ids: &[String]| -> Vec<&Indicator> {
            if ids.is_empty() {
                checker.push(
                    &format!("{path}.indicators"),
                    "must name at least one indicator",
                );
            }
            let mut found = Vec::new();
            for (index, id) in ids.iter().enumerate() {
                match indicators.get(id.as_str()) {
                    Some(indicator) => found.push(*indicator),
                    None => checker.push(
                        &format!("{path}.indicators[{index}]"),
                        format!("refers to unknown indicator {id:?}"),
                    ),
                }
            }
            found
        };
        match block {
            Block::Prose { text } => self.localized(&format!("{path}.text"), text, MAX_PROSE_CHARS),
            Block::Figures { indicators } | Block::Table { indicators } => {
                check_ids(self, indicators);
            }
            Block::Map { title } => {
                if let Some(title) = title {
                    self.localized(&format!("{path}.title"), title, MAX_LABEL_CHARS);
                }
            }
            Block::Chart {
                id,
                chart,
                title,
                indicators: ids,
            } => {
                self.id(&format!("{path}.id"), id);
                if !chart_ids.insert(id.clone()) {
                    self.push(&format!("{path}.id"), format!("duplicate chart id {id:?}"));
                }
                self.localized(&format!("{path}.title"), title, MAX_LABEL_CHARS);
                let found = check_ids(self, ids);
                match chart {
                    ChartKind::Comparison => {
                        if let Some(first) = found.first() {
                            if found.iter().any(|other| other.unit != first.unit) {
                                self.push(
                                    &format!("{path}.indicators"),
                                    "a comparison chart needs indicators in one unit; use small_multiples for mixed units",
                                );
                            }
                        }
                    }
                    ChartKind::PartOfWhole => {
                        for indicator in &found {
                            if indicator.part_of.is_none() {
                                self.push(
                                    &format!("{path}.indicators"),
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
                                &format!("{path}.indicators"),
                                "a time series needs indicators with values for several periods (series)",
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
