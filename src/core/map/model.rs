//! What the village map shows: features (schematic tiles or real geometry), their groups,
//! colours and legend, and hit-testing. Built once per snapshot and language.
//!
//! - **Schematic** (no geometry in the snapshot): one square tile per village, grouped by
//!   community in a deterministic shelf layout without overlaps. It shows no boundaries and no
//!   real positions, and says so on screen.
//! - **Geographic** (places carry GeoJSON): real polygons and points, converted to WGS 84 from
//!   whatever system each declares, so layers always line up.

use crate::core::geo::{point_in_polygon, wgs84_from, Bounds, GridIndex, Point, Polygon};
use crate::core::snapshot::geojson::GeometryShape;
use crate::core::snapshot::{DesignationLevel, PlaceKind, Snapshot};
use crate::core::theme::{Rgb, Theme};
use crate::core::Language;

/// Which map is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    Schematic,
    Geographic,
}

/// A feature's shape in map coordinates (schematic units, y down; or lon/lat degrees).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A square tile: top-left corner and side.
    Tile { origin: Point, side: f64 },
    /// One or more polygons (outer ring first, then holes).
    Polygons(Vec<Polygon>),
    /// A point (drawn as a dot).
    Point(Point),
}

/// One place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFeature {
    /// Index into `snapshot.places`.
    pub place: usize,
    pub id: String,
    pub name: String,
    /// Index into `MapModel::groups`, if the place has a community.
    pub group: Option<usize>,
    /// True when the community link is inferred.
    pub inferred: bool,
    pub designation: Option<DesignationLevel>,
    pub shape: Shape,
    pub bounds: Bounds,
    /// Where the name goes.
    pub label_at: Point,
}

/// A group of tiles (schematic mode): a community, or the villages with none.
#[derive(Debug, Clone, PartialEq)]
pub struct MapGroup {
    pub name: String,
    /// The community's place index; `None` for "no community".
    pub place: Option<usize>,
    /// The group's box, including its title line.
    pub bounds: Bounds,
    pub title_at: Point,
}

/// Side of a schematic tile and the gaps, in layout units.
pub const TILE: f64 = 1.0;
const TILE_GAP: f64 = 0.12;
const GROUP_GAP: f64 = 0.5;
const GROUP_TITLE: f64 = 0.55;

/// The map of a snapshot.
#[derive(Debug, Clone)]
pub struct MapModel {
    pub mode: MapMode,
    pub features: Vec<MapFeature>,
    pub groups: Vec<MapGroup>,
    pub bounds: Bounds,
    /// Places with a geometry that could not be read (geographic mode), by place index.
    pub unreadable: Vec<usize>,
    index: GridIndex,
    /// Feature position by place id.
    by_id: std::collections::HashMap<String, usize>,
}

impl MapModel {
    /// The feature at a map-coordinate point, if any. `point_radius` is how near (in map units)
    /// a point feature must be.
    pub fn feature_at(&self, point: Point, point_radius: f64) -> Option<usize> {
        self.index
            .candidates(point)
            .iter()
            .map(|&index| index as usize)
            .find(|&index| {
                let feature = &self.features[index];
                match &feature.shape {
                    Shape::Tile { origin, side } => {
                        (origin.0..=origin.0 + side).contains(&point.0)
                            && (origin.1..=origin.1 + side).contains(&point.1)
                    }
                    Shape::Polygons(polygons) => polygons
                        .iter()
                        .any(|polygon| point_in_polygon(point, polygon)),
                    Shape::Point(at) => {
                        ((at.0 - point.0).powi(2) + (at.1 - point.1).powi(2)).sqrt() <= point_radius
                    }
                }
            })
            .or_else(|| {
                // Points are small: fall back to the nearest point feature within the radius.
                self.features
                    .iter()
                    .enumerate()
                    .filter_map(|(index, feature)| match feature.shape {
                        Shape::Point(at) => {
                            let d = ((at.0 - point.0).powi(2) + (at.1 - point.1).powi(2)).sqrt();
                            (d <= point_radius).then_some((index, d))
                        }
                        _ => None,
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(index, _)| index)
            })
    }

    /// Index of the feature for a place id.
    pub fn feature_of(&self, place_id: &str) -> Option<usize> {
        self.by_id.get(place_id).copied()
    }
}

fn strongest_designation(snapshot: &Snapshot, place: usize) -> Option<DesignationLevel> {
    snapshot.places[place]
        .designations
        .iter()
        .map(|designation| designation.level)
        .min()
}

/// Boxes at least this many CSS px wide get the wide schematic layout. The stylesheet's
/// container query that picks the pre-rendered page's wide drawing uses the same width.
pub const WIDE_LAYOUT_FROM: f64 = 560.0;

/// Layout width (in tiles) of the schematic map for a box `width` CSS px wide.
pub fn schematic_row_width(width: f64) -> f64 {
    if width < WIDE_LAYOUT_FROM {
        8.9
    } else {
        17.8
    }
}

/// The map of `snapshot` in `language`. Geographic when any place has geometry.
/// `max_row_width` is the schematic layout's width in tiles (chosen for the screen's shape).
pub fn map_model_from_snapshot(
    snapshot: &Snapshot,
    language: Language,
    max_row_width: f64,
) -> MapModel {
    let mut model = if snapshot.places.iter().any(|place| place.geometry.is_some()) {
        geographic_model(snapshot, language)
    } else {
        schematic_model(snapshot, language, max_row_width)
    };
    model.by_id = model
        .features
        .iter()
        .enumerate()
        .map(|(position, feature)| (feature.id.clone(), position))
        .collect();
    model
}

fn schematic_model(snapshot: &Snapshot, language: Language, max_row_width: f64) -> MapModel {
    // Villages are the tiles; a snapshot with only communities tiles those.
    let tile_kind = if snapshot
        .places
        .iter()
        .any(|place| place.kind == PlaceKind::Village)
    {
        PlaceKind::Village
    } else {
        PlaceKind::Community
    };
    let tiled: Vec<usize> = (0..snapshot.places.len())
        .filter(|&index| snapshot.places[index].kind == tile_kind)
        .collect();
    // Groups: communities in snapshot order, then "no community".
    let mut group_members: Vec<(Option<usize>, Vec<usize>)> = snapshot
        .places
        .iter()
        .enumerate()
        .filter(|(_, place)| place.kind == PlaceKind::Community && tile_kind == PlaceKind::Village)
        .map(|(index, _)| (Some(index), Vec::new()))
        .collect();
    let mut unassigned = Vec::new();
    for &place in &tiled {
        let community = snapshot.places[place].community.as_ref().and_then(|link| {
            group_members.iter().position(|(group_place, _)| {
                group_place.is_some_and(|g| snapshot.places[g].id == link.id)
            })
        });
        match community {
            Some(group) => group_members[group].1.push(place),
            None => unassigned.push(place),
        }
    }
    group_members.retain(|(_, members)| !members.is_empty());
    if !unassigned.is_empty() {
        group_members.push((None, unassigned));
    }

    // Shelf packing: groups left to right, a new shelf when the row is full.
    let step = TILE + TILE_GAP;
    let mut features = Vec::new();
    let mut groups = Vec::new();
    let any_inferred = snapshot
        .places
        .iter()
        .any(|place| place.community.as_ref().is_some_and(|link| link.inferred));
    let (mut x, mut y, mut shelf_height) = (0.0_f64, 0.0_f64, 0.0_f64);
    for (group_place, members) in &group_members {
        let count = members.len();
        let widest = (max_row_width / step).floor().max(1.0) as usize;
        let columns = ((count as f64).sqrt().ceil() as usize).clamp(1, widest.max(1));
        let columns = if group_place.is_none() {
            widest.min(count).max(1)
        } else {
            columns
        };
        let rows = count.div_ceil(columns);
        let name = match group_place {
            Some(place) => snapshot.places[*place].name.get(language).to_owned(),
            // "Inferred" only where the snapshot's links are inferred.
            None => match (language, any_inferred) {
                (Language::Zh, true) => "未能推断所属社区".to_owned(),
                (Language::En, true) => "No community inferred".to_owned(),
                (Language::Zh, false) => "不属于任何社区".to_owned(),
                (Language::En, false) => "In no community".to_owned(),
            },
        };
        // Room for the group's title (titles longer than three tiles are shortened when drawn).
        let title_units: f64 = name
            .chars()
            .map(|c| if c.is_ascii() { 0.25 } else { 0.46 })
            .sum::<f64>()
            .min(3.0 * step);
        let width = (columns as f64 * step - TILE_GAP).max(title_units);
        let height = GROUP_TITLE + rows as f64 * step - TILE_GAP;
        if x > 0.0 && x + width > max_row_width {
            x = 0.0;
            y += shelf_height + GROUP_GAP;
            shelf_height = 0.0;
        }
        let group_index = groups.len();
        groups.push(MapGroup {
            name,
            place: *group_place,
            bounds: Bounds {
                min: (x, y),
                max: (x + width, y + height),
            },
            title_at: (x, y + GROUP_TITLE / 2.0),
        });
        for (slot, &place) in members.iter().enumerate() {
            let hint = snapshot.places[place].layout;
            let (column, row) = match hint {
                Some(hint) if (hint.column as usize) < columns && (hint.row as usize) < rows => {
                    (hint.column as usize, hint.row as usize)
                }
                _ => (slot % columns, slot / columns),
            };
            let origin = (
                x + column as f64 * step,
                y + GROUP_TITLE + row as f64 * step,
            );
            let link = snapshot.places[place].community.as_ref();
            features.push(MapFeature {
                place,
                id: snapshot.places[place].id.clone(),
                name: snapshot.places[place].name.get(language).to_owned(),
                group: group_place.map(|_| group_index),
                inferred: link.is_some_and(|link| link.inferred),
                designation: strongest_designation(snapshot, place),
                shape: Shape::Tile { origin, side: TILE },
                bounds: Bounds {
                    min: origin,
                    max: (origin.0 + TILE, origin.1 + TILE),
                },
                label_at: (origin.0 + TILE / 2.0, origin.1 + TILE / 2.0),
            });
        }
        x += width + GROUP_GAP;
        shelf_height = shelf_height.max(height);
    }
    // Hints may collide; any tile placed on another falls back to the next free slot.
    resolve_tile_collisions(&mut features, &groups);
    finish(MapMode::Schematic, features, groups, Vec::new())
}

fn resolve_tile_collisions(features: &mut [MapFeature], groups: &[MapGroup]) {
    let step = TILE + TILE_GAP;
    for index in 0..features.len() {
        let overlaps = |features: &[MapFeature], index: usize| {
            features[..index]
                .iter()
                .any(|other| other.bounds.intersects(&features[index].bounds))
        };
        if !overlaps(features, index) {
            continue;
        }
        let Some(group) = features[index].group.and_then(|g| groups.get(g)) else {
            continue;
        };
        let columns = ((group.bounds.width() + TILE_GAP) / step).round().max(1.0) as usize;
        for slot in 0..10_000 {
            let origin = (
                group.bounds.min.0 + (slot % columns) as f64 * step,
                group.bounds.min.1 + GROUP_TITLE + (slot / columns) as f64 * step,
            );
            features[index].shape = Shape::Tile { origin, side: TILE };
            features[index].bounds = Bounds {
                min: origin,
                max: (origin.0 + TILE, origin.1 + TILE),
            };
            features[index].label_at = (origin.0 + TILE / 2.0, origin.1 + TILE / 2.0);
            if !overlaps(features, index) {
                break;
            }
        }
    }
}

/// Reads a GeoJSON geometry (validated already) into polygons or a point, in WGS 84.
fn shape_from_geojson(
    geometry: &crate::core::snapshot::PlaceGeometry,
) -> Option<(Shape, Bounds, Point)> {
    let convert = |at: Point| -> Point { wgs84_from(geometry.crs, at) };
    let shape = match geometry.geojson.shape()? {
        GeometryShape::Point(at) => Shape::Point(convert(at)),
        GeometryShape::Polygons(polygons) => Shape::Polygons(
            polygons
                .into_iter()
                .map(|polygon| {
                    polygon
                        .into_iter()
                        .map(|ring| ring.into_iter().map(convert).collect())
                        .collect()
                })
                .collect(),
        ),
    };
    let (bounds, label_at) = match &shape {
        Shape::Point(at) => (Bounds { min: *at, max: *at }, *at),
        Shape::Polygons(polygons) => {
            let bounds = Bounds::of_points(polygons.iter().filter_map(|p| p.first()).flatten());
            // Label at the centroid of the largest outer ring.
            let largest = polygons
                .iter()
                .filter_map(|polygon| polygon.first())
                .max_by(|a, b| {
                    Bounds::of_points(a.iter())
                        .width()
                        .total_cmp(&Bounds::of_points(b.iter()).width())
                })?;
            (bounds, crate::core::geo::ring_centroid(largest))
        }
        Shape::Tile { .. } => return None,
    };
    Some((shape, bounds, label_at))
}

fn geographic_model(snapshot: &Snapshot, language: Language) -> MapModel {
    let mut features = Vec::new();
    let mut unreadable = Vec::new();
    for (index, place) in snapshot.places.iter().enumerate() {
        let Some(geometry) = &place.geometry else {
            continue;
        };
        let Some((shape, bounds, label_at)) = shape_from_geojson(geometry) else {
            unreadable.push(index);
            continue;
        };
        let link = place.community.as_ref();
        features.push(MapFeature {
            place: index,
            id: place.id.clone(),
            name: place.name.get(language).to_owned(),
            group: None,
            inferred: link.is_some_and(|link| link.inferred),
            designation: strongest_designation(snapshot, index),
            shape,
            bounds,
            label_at,
        });
    }
    finish(MapMode::Geographic, features, Vec::new(), unreadable)
}

fn finish(
    mode: MapMode,
    features: Vec<MapFeature>,
    groups: Vec<MapGroup>,
    unreadable: Vec<usize>,
) -> MapModel {
    let boxes: Vec<Bounds> = features.iter().map(|feature| feature.bounds).collect();
    let bounds = boxes
        .iter()
        .chain(groups.iter().map(|group| &group.bounds))
        .fold(Bounds::EMPTY, |all, b| all.union(*b));
    let index = GridIndex::new(&boxes, 4);
    MapModel {
        mode,
        features,
        groups,
        bounds,
        unreadable,
        index,
        by_id: std::collections::HashMap::new(),
    }
}

// ---- colouring -----------------------------------------------------------------------------

/// What the map is coloured by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColourBy {
    /// The report's designations: city-level / county-level beautiful village / none.
    Designation,
    /// Each community its own colour (labelled; colour is not the only carrier).
    Community,
    /// A per-place indicator (`indicators[].by_place`), in classes.
    Indicator(String),
}

impl std::str::FromStr for ColourBy {
    type Err = String;

    /// `designation`, `community` or `indicator:<id>` (the URL's spelling).
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "designation" => Ok(ColourBy::Designation),
            "community" => Ok(ColourBy::Community),
            other => match other.strip_prefix("indicator:") {
                Some(id) if !id.is_empty() => Ok(ColourBy::Indicator(id.to_owned())),
                _ => Err(format!(
                    "{other:?} is not one of: designation, community, indicator:<id>"
                )),
            },
        }
    }
}

impl std::fmt::Display for ColourBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColourBy::Designation => f.write_str("designation"),
            ColourBy::Community => f.write_str("community"),
            ColourBy::Indicator(id) => write!(f, "indicator:{id}"),
        }
    }
}

/// How one feature is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    Solid(Rgb),
    /// No value for this place: drawn light with a dashed outline, never like zero.
    NoData,
}

/// One line of the map legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub fill: Fill,
}

/// Fills per feature and the legend that explains them.
#[derive(Debug, Clone, PartialEq)]
pub struct Colouring {
    pub fills: Vec<Fill>,
    pub legend: Vec<LegendEntry>,
}

/// Number of classes for numeric choropleths.
pub const CLASSES: usize = 5;

/// Equal-count (quantile) class breaks for `values`: `CLASSES + 1` ascending edges, merged where
/// equal. Empty when there are no values.
pub fn class_breaks(values: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return Vec::new();
    }
    crate::core::sort::sort_by(&mut sorted, f64::total_cmp);
    let mut breaks: Vec<f64> = (0..=CLASSES)
        .map(|class| {
            let position = class as f64 / CLASSES as f64 * (sorted.len() - 1) as f64;
            sorted[position.round() as usize]
        })
        .collect();
    breaks.dedup();
    if breaks.len() == 1 {
        breaks.push(breaks[0]);
    }
    breaks
}

/// The class of `value` given `breaks` (0-based; the top edge belongs to the last class).
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    let classes = breaks.len().saturating_sub(1).max(1);
    breaks
        .windows(2)
        .position(|edge| value < edge[1])
        .unwrap_or(classes - 1)
        .min(classes - 1)
}

/// Colours for the map.
pub fn map_colouring(
    model: &MapModel,
    snapshot: &Snapshot,
    by: &ColourBy,
    theme: &Theme,
    language: Language,
) -> Colouring {
    let base = theme.series_color(0);
    let plain = theme.grid.mix(theme.background, 0.3);
    match by {
        ColourBy::Designation => {
            let city = base;
            let county = base.mix(theme.background, 0.55);
            let fills = model
                .features
                .iter()
                .map(|feature| match feature.designation {
                    Some(DesignationLevel::City | DesignationLevel::Province) => Fill::Solid(city),
                    Some(DesignationLevel::County) => Fill::Solid(county),
                    None => Fill::Solid(plain),
                })
                .collect();
            let legend = vec![
                LegendEntry {
                    label: crate::core::format::designation_label(DesignationLevel::City, language),
                    fill: Fill::Solid(city),
                },
                LegendEntry {
                    label: crate::core::format::designation_label(
                        DesignationLevel::County,
                        language,
                    ),
                    fill: Fill::Solid(county),
                },
                LegendEntry {
                    label: crate::core::wording::NOT_NAMED_IN_REPORT
                        .get(language)
                        .to_owned(),
                    fill: Fill::Solid(plain),
                },
            ];
            Colouring { fills, legend }
        }
        ColourBy::Community => {
            let community_places: Vec<usize> = snapshot
                .places
                .iter()
                .enumerate()
                .filter(|(_, place)| place.kind == PlaceKind::Community)
                .map(|(index, _)| index)
                .collect();
            // Each community's colour position, by id: one lookup per place.
            let position_of: std::collections::HashMap<&str, usize> = community_places
                .iter()
                .enumerate()
                .map(|(position, &place)| (snapshot.places[place].id.as_str(), position))
                .collect();
            let colour_of = |place: usize| -> Fill {
                let community = snapshot.places[place]
                    .community
                    .as_ref()
                    .and_then(|link| position_of.get(link.id.as_str()));
                match community {
                    Some(&position) => Fill::Solid(theme.series_color(position)),
                    None => Fill::NoData,
                }
            };
            let fills = model.features.iter().map(|f| colour_of(f.place)).collect();
            let mut legend: Vec<LegendEntry> = community_places
                .iter()
                .enumerate()
                .map(|(position, &place)| LegendEntry {
                    label: snapshot.places[place].name.get(language).to_owned(),
                    fill: Fill::Solid(theme.series_color(position)),
                })
                .collect();
            legend.push(LegendEntry {
                label: crate::core::wording::COMMUNITY_UNKNOWN
                    .get(language)
                    .to_owned(),
                fill: Fill::NoData,
            });
            Colouring { fills, legend }
        }
        ColourBy::Indicator(id) => {
            // Each place's value, by place id: colouring is linear in the places.
            let value_by_place: std::collections::HashMap<&str, Option<f64>> = snapshot
                .indicator(id)
                .map(|indicator| {
                    indicator
                        .by_place
                        .iter()
                        .map(|entry| (entry.place.as_str(), entry.value))
                        .collect()
                })
                .unwrap_or_default();
            let value_of = |place: usize| -> Option<f64> {
                value_by_place
                    .get(snapshot.places[place].id.as_str())
                    .copied()
                    .flatten()
            };
            let values: Vec<f64> = model
                .features
                .iter()
                .filter_map(|feature| value_of(feature.place))
                .collect();
            let breaks = class_breaks(&values);
            let classes = breaks.len().saturating_sub(1).max(1);
            let ramp = |class: usize| {
                let t = (class as f64 + 1.0) / classes as f64;
                theme.background.mix(base, 0.15 + 0.85 * t)
            };
            let fills = model
                .features
                .iter()
                .map(|feature| match value_of(feature.place) {
                    Some(value) => Fill::Solid(ramp(class_of(value, &breaks))),
                    None => Fill::NoData,
                })
                .collect();
            let mut legend: Vec<LegendEntry> = breaks
                .windows(2)
                .enumerate()
                .map(|(class, edge)| LegendEntry {
                    label: format!(
                        "{} – {}",
                        crate::core::format::format_number(edge[0], language),
                        crate::core::format::format_number(edge[1], language)
                    ),
                    fill: Fill::Solid(ramp(class)),
                })
                .collect();
            legend.push(LegendEntry {
                label: crate::core::wording::NO_DATA_NOT_ZERO
                    .get(language)
                    .to_owned(),
                fill: Fill::NoData,
            });
            Colouring { fills, legend }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn default_snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn schematic_layout_has_every_village_and_no_overlaps() {
        let snapshot = default_snapshot();
        for width in [6.0, 9.0, 16.0, 30.0] {
            let model = map_model_from_snapshot(&snapshot, Language::Zh, width);
            assert_eq!(model.mode, MapMode::Schematic);
            assert_eq!(model.features.len(), 57);
            for (i, a) in model.features.iter().enumerate() {
                for b in &model.features[i + 1..] {
                    assert!(
                        !a.bounds.intersects(&b.bounds),
                        "{} overlaps {}",
                        a.name,
                        b.name
                    );
                }
            }
            for (i, a) in model.groups.iter().enumerate() {
                for b in &model.groups[i + 1..] {
                    assert!(
                        !a.bounds.intersects(&b.bounds),
                        "{} overlaps {}",
                        a.name,
                        b.name
                    );
                }
                assert!(a.bounds.max.0 <= width + 1e-9 || a.bounds.min.0 == 0.0);
            }
            // Every tile sits inside its group's box.
            for feature in &model.features {
                let group = &model.groups[feature.group.unwrap_or(model.groups.len() - 1)];
                assert!(
                    group.bounds.contains(feature.bounds.min)
                        && group.bounds.contains(feature.bounds.max)
                );
            }
        }
    }

    #[test]
    fn schematic_layout_is_deterministic_and_groups_by_community() {
        let snapshot = default_snapshot();
        let a = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
        let b = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
        assert_eq!(a.features, b.features);
        let manliu = a
            .groups
            .iter()
            .position(|g| g.name == "漫流村")
            .expect("漫流 group");
        let members: Vec<&str> = a
            .features
            .iter()
            .filter(|f| f.group == Some(manliu))
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(members, vec!["东漫流村", "西漫流村"]);
        assert!(a
            .features
            .iter()
            .filter(|f| f.group.is_some())
            .all(|f| f.inferred));
        assert_eq!(
            a.groups.last().map(|g| g.place),
            Some(None),
            "unassigned group last"
        );
    }

    #[test]
    fn hit_testing_tiles() {
        let snapshot = default_snapshot();
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
        for (index, feature) in model.features.iter().enumerate() {
            assert_eq!(model.feature_at(feature.label_at, 0.0), Some(index));
        }
        assert_eq!(model.feature_at((-10.0, -10.0), 0.0), None);
        let duozhuang = model.feature_of("v-duozhuang").expect("垛庄村");
        assert_eq!(
            model.features[duozhuang].designation,
            Some(DesignationLevel::City)
        );
    }

    #[test]
    fn class_breaks_and_classes() {
        let values: Vec<f64> = (0..=100).map(f64::from).collect();
        let breaks = class_breaks(&values);
        assert_eq!(breaks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(class_of(0.0, &breaks), 0);
        assert_eq!(class_of(19.9, &breaks), 0);
        assert_eq!(class_of(20.0, &breaks), 1);
        assert_eq!(class_of(100.0, &breaks), 4);
        assert_eq!(class_breaks(&[]), Vec::<f64>::new());
        assert_eq!(class_breaks(&[7.0, 7.0]), vec![7.0, 7.0]);
        assert_eq!(class_of(7.0, &[7.0, 7.0]), 0);
    }

    #[test]
    fn designation_colouring_distinguishes_levels() {
        let snapshot = default_snapshot();
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
        let theme = Theme::for_scheme(crate::core::theme::ColorScheme::Light);
        let colouring = map_colouring(
            &model,
            &snapshot,
            &ColourBy::Designation,
            &theme,
            Language::Zh,
        );
        let fill_of = |id: &str| colouring.fills[model.feature_of(id).expect("place")];
        assert_ne!(fill_of("v-duozhuang"), fill_of("v-huangnigou"));
        assert_ne!(fill_of("v-huangnigou"), fill_of("v-guanzhuang"));
        assert_eq!(fill_of("v-huangnigou"), fill_of("v-songjiajishan"));
        assert_eq!(colouring.legend.len(), 3);
    }
}
