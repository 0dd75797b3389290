//! The snapshot format: the JSON document that the viewer loads.
//!
//! These types are the one definition of the format. The app deserialises them, the native
//! `snapshot` tool checks files against them, and `snapshot schema` prints the JSON Schema
//! generated from them (`data/snapshot.schema.json`). `data/README.md` documents every field.
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`): a misspelt key in a
//! hand-edited file must be an error, not a silently missing figure.

use serde::{Deserialize, Serialize};

/// The version of the format this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Text in both languages of the viewer. `zh` is Simplified Chinese (zh-CN), the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub zh: String,
    pub en: String,
}

impl Localized {
    pub fn new(zh: &str, en: &str) -> Self {
        Self {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `language`.
    pub fn get(&self, language: crate::core::Language) -> &str {
        match language {
            crate::core::Language::Zh => &self.zh,
            crate::core::Language::En => &self.en,
        }
    }
}

/// A whole snapshot: one township's report at one as-of date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Must equal the version this viewer reads (currently 1).
    pub schema_version: u32,
    pub meta: Meta,
    /// Where the figures come from; indicators and designations cite these by id.
    pub sources: Vec<Source>,
    /// The report's programmes, in the report's order.
    pub programmes: Vec<Programme>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub places: Vec<Place>,
    /// What the report view shows, in order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Lookups by id, built once the snapshot is loaded ([`Snapshot::reindex`]); not part of
    /// the format.
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub index: crate::core::snapshot::index::SnapshotIndex,
}

impl Snapshot {
    /// Builds the lookups by id (after loading, or after changing the snapshot in code).
    pub fn reindex(&mut self) {
        use crate::core::snapshot::index::positions;
        self.index = crate::core::snapshot::index::SnapshotIndex {
            indicators: positions(&self.indicators, |i| &i.id),
            sources: positions(&self.sources, |s| &s.id),
            places: positions(&self.places, |p| &p.id),
            programmes: positions(&self.programmes, |p| &p.id),
        };
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        crate::core::snapshot::index::find(&self.indicators, &self.index.indicators, id, |i| &i.id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        crate::core::snapshot::index::find(&self.sources, &self.index.sources, id, |s| &s.id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        crate::core::snapshot::index::find(&self.places, &self.index.places, id, |p| &p.id)
    }

    /// The position of the place `id` in `places`.
    pub fn place_position(&self, id: &str) -> Option<usize> {
        match self.index.places.get(id) {
            Some(&position) if self.places.get(position).is_some_and(|p| p.id == id) => {
                Some(position)
            }
            _ => self.places.iter().position(|place| place.id == id),
        }
    }

    pub fn programme(&self, id: &str) -> Option<&Programme> {
        crate::core::snapshot::index::find(&self.programmes, &self.index.programmes, id, |p| &p.id)
    }
}

/// Metadata about the report and the place it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Localized,
    /// One or two sentences used for the page description and link previews.
    pub description: Localized,
    /// The township, with its 12-digit NBS statistical code.
    pub township: AdminUnit,
    /// County (6-digit code), city (4-digit), province (2-digit).
    pub county: AdminUnit,
    pub city: AdminUnit,
    pub province: AdminUnit,
    /// The period most figures refer to, e.g. "2021".
    pub period: String,
    /// The date the figures are stated as of (YYYY-MM-DD).
    pub as_of: String,
    /// How the as-of date was arrived at, when the source does not state one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_note: Option<Localized>,
    /// The date this snapshot was published (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// True for generated test/benchmark data; the viewer then shows a "synthetic data" banner.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// The map review number (审图号) of the operator's geographic map, printed under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_review_number: Option<String>,
}

/// An administrative unit with its official code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdminUnit {
    pub name: Localized,
    pub code: String,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Localized,
    pub publisher: Localized,
    /// Publication date or vintage (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where a reader can find it (shown as text; only http(s) URLs are ever made into links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// One of the report's programmes (e.g. 队伍建设).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub label: Localized,
}

/// How a stated figure relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as an exact figure ("238名").
    #[default]
    Exact,
    /// Stated as a lower bound ("10余", "150余处", "30余吨").
    AtLeast,
    /// Stated as an approximation ("近200").
    About,
    /// Stated as an upper bound ("不超过").
    AtMost,
}

crate::core::vocabulary::vocabulary!(Qualifier {
    Exact => "exact",
    AtLeast => "at_least",
    About => "about",
    AtMost => "at_most",
});

/// One figure of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    /// The programme this figure belongs to (a `programmes[].id`).
    pub programme: String,
    pub label: Localized,
    /// Unit as read (e.g. 户 / households). Counts use a unit noun; areas use m² etc.
    pub unit: Localized,
    /// The figure. `null` when the report names a quantity without stating it ("N支").
    pub value: Option<f64>,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Whether the value is a count (must be a whole number ≥ 0) or a measure (≥ 0).
    #[serde(default)]
    pub kind: IndicatorKind,
    /// The period the value refers to ("2021", or a date).
    pub period: String,
    /// Values for further periods, for time series. The main `value` is for `period`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<PeriodValue>,
    /// Values per place (a `places[].id`), for maps and village cards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_place: Vec<PlaceValue>,
    /// For a part of a whole that the report states: the id of the indicator giving the whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// The source this figure is taken from (a `sources[].id`).
    pub source: String,
    /// The exact phrase of the source the figure comes from.
    pub quote: String,
    /// Anything a reader must know to read the figure correctly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// What sort of number an indicator holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// Whole things counted: villages, people, trees.
    #[default]
    Count,
    /// A measured quantity: area, mass, age.
    Measure,
}

crate::core::vocabulary::vocabulary!(IndicatorKind {
    Count => "count",
    Measure => "measure",
});

/// A value for another period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeriodValue {
    pub period: String,
    pub value: Option<f64>,
    #[serde(default)]
    pub qualifier: Qualifier,
}

/// A value for one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaceValue {
    pub place: String,
    pub value: Option<f64>,
    #[serde(default)]
    pub qualifier: Qualifier,
}

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// An administrative village (行政村) as the report counts them.
    Village,
    /// A community (社区) grouping villages.
    Community,
}

crate::core::vocabulary::vocabulary!(PlaceKind {
    Village => "village",
    Community => "community",
});

/// A village or community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: Localized,
    pub kind: PlaceKind,
    /// Official 12-digit statistical code, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The community a village belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunityLink>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub designations: Vec<Designation>,
    /// Real geometry, when the operator supplies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geometry: Option<PlaceGeometry>,
    /// Position hint for the schematic tile map (column, row within its group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<LayoutHint>,
    /// Where the place's name and code come from (a `sources[].id`).
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// A village's link to its community.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityLink {
    /// A `places[].id` of kind `community`.
    pub id: String,
    /// True when no source states the link (e.g. guessed from names). Shown as inferred.
    pub inferred: bool,
}

/// A title the report gives a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Designation {
    pub kind: DesignationKind,
    pub level: DesignationLevel,
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DesignationKind {
    /// 美丽乡村建设 (beautiful village programme).
    BeautifulVillage,
}

crate::core::vocabulary::vocabulary!(DesignationKind {
    BeautifulVillage => "beautiful_village",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DesignationLevel {
    Province,
    City,
    County,
}

crate::core::vocabulary::vocabulary!(DesignationLevel {
    Province => "province",
    City => "city",
    County => "county",
});

/// Coordinate reference systems a geometry may declare (defined with the geometry code).
pub use crate::core::geo::Crs;

/// A GeoJSON geometry (Point, Polygon or MultiPolygon) with its declared coordinate system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaceGeometry {
    pub crs: Crs,
    /// A GeoJSON geometry object, e.g. {"type": "Polygon", "coordinates": [[[lon, lat], ...]]}.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "serde_json::Value"))]
    pub geojson: crate::core::snapshot::geojson::Geometry,
}

/// Where to put a place's tile in the schematic map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LayoutHint {
    pub column: u16,
    pub row: u16,
}

/// A section of the report view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The programme this section reports on, if any (a `programmes[].id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    pub title: Localized,
    pub blocks: Vec<Block>,
}

// Written (and described by the schema) as an internally tagged enum; read by hand (below).
/// One block of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph in the project's own words (no figures: figures live in indicators).
    Prose { text: Localized },
    /// A row of figure cards.
    Figures { indicators: Vec<String> },
    /// A chart of some indicators.
    Chart {
        id: String,
        chart: ChartKind,
        title: Localized,
        indicators: Vec<String>,
    },
    /// The village map.
    Map {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<Localized>,
    },
    /// A table of indicators.
    Table { indicators: Vec<String> },
}

/// The fields a block may have, of any kind.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum BlockField {
    Type,
    Text,
    Indicators,
    Id,
    Chart,
    Title,
}

/// The kinds of block (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Prose,
    Figures,
    Chart,
    Map,
    Table,
}

impl BlockKind {
    fn as_str(self) -> &'static str {
        match self {
            BlockKind::Prose => "prose",
            BlockKind::Figures => "figures",
            BlockKind::Chart => "chart",
            BlockKind::Map => "map",
            BlockKind::Table => "table",
        }
    }

    /// The fields this kind has besides `type`: (required, optional).
    fn fields(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            BlockKind::Prose => (&["text"], &[]),
            BlockKind::Figures | BlockKind::Table => (&["indicators"], &[]),
            BlockKind::Chart => (&["id", "chart", "title", "indicators"], &[]),
            BlockKind::Map => (&[], &["title"]),
        }
    }
}

/// Reads a block field by field, whatever the order of `type` (serde's derive for an
/// internally tagged enum buffers each block into an untyped tree first, which costs the wasm
/// 6 KB gzip of code; BENCHMARKS.md, issue 19). Errors are raised where serde's own are: an
/// unknown or repeated field at its key, a missing or misplaced one at the block's end.
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> serde::de::Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a block: an object with a `type`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        use serde::de::Error;
        fn once<T, E: Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
            match slot.replace(value) {
                Some(_) => Err(E::duplicate_field(name)),
                None => Ok(()),
            }
        }
        let mut kind = None;
        let (mut text, mut indicators, mut id, mut chart, mut title) =
            (None, None, None, None, None);
        while let Some(field) = map.next_key::<BlockField>()? {
            match field {
                BlockField::Type => once(&mut kind, map.next_value::<BlockKind>()?, "type")?,
                BlockField::Text => once(&mut text, map.next_value::<Localized>()?, "text")?,
                BlockField::Indicators => once(
                    &mut indicators,
                    map.next_value::<Vec<String>>()?,
                    "indicators",
                )?,
                BlockField::Id => once(&mut id, map.next_value::<String>()?, "id")?,
                BlockField::Chart => once(&mut chart, map.next_value::<ChartKind>()?, "chart")?,
                BlockField::Title => once(&mut title, map.next_value::<Localized>()?, "title")?,
            }
        }
        let kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
        let (required, optional) = kind.fields();
        let present = [
            ("text", text.is_some()),
            ("indicators", indicators.is_some()),
            ("id", id.is_some()),
            ("chart", chart.is_some()),
            ("title", title.is_some()),
        ];
        for (name, _) in present.iter().filter(|(_, is_there)| *is_there) {
            if !required.contains(name) && !optional.contains(name) {
                let expected: Vec<String> = std::iter::once(&"type")
                    .chain(required)
                    .chain(optional)
                    .map(|field| format!("`{field}`"))
                    .collect();
                return Err(A::Error::custom(format!(
                    "`{name}` is not a field of a {} block, expected {}",
                    kind.as_str(),
                    expected.join(", ")
                )));
            }
        }
        let missing = |name: &'static str| A::Error::missing_field(name);
        Ok(match kind {
            BlockKind::Prose => Block::Prose {
                text: text.ok_or_else(|| missing("text"))?,
            },
            BlockKind::Figures => Block::Figures {
                indicators: indicators.ok_or_else(|| missing("indicators"))?,
            },
            BlockKind::Table => Block::Table {
                indicators: indicators.ok_or_else(|| missing("indicators"))?,
            },
            BlockKind::Chart => Block::Chart {
                id: id.ok_or_else(|| missing("id"))?,
                chart: chart.ok_or_else(|| missing("chart"))?,
                title: title.ok_or_else(|| missing("title"))?,
                indicators: indicators.ok_or_else(|| missing("indicators"))?,
            },
            BlockKind::Map => Block::Map { title },
        })
    }
}

/// The kind of chart a chart block draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Parts against the whole the report states (each indicator has `part_of`).
    PartOfWhole,
    /// Like things compared on one axis (all indicators share a unit).
    Comparison,
    /// One small panel per indicator, each on its own axis and unit.
    SmallMultiples,
    /// Tiers of a structure such as the 1+5+N volunteer system.
    Structure,
    /// Values over periods (needs `series`).
    TimeSeries,
}

crate::core::vocabulary::vocabulary!(ChartKind {
    PartOfWhole => "part_of_whole",
    Comparison => "comparison",
    SmallMultiples => "small_multiples",
    Structure => "structure",
    TimeSeries => "time_series",
});
