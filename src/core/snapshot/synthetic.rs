//! Synthetic snapshots for tests and benchmarks — never real data. Deterministic by seed, and
//! marked synthetic in their metadata (the viewer then shows a "synthetic data" banner).
//!
//! Places are the cells of a jittered lattice inside a real outline (沂水县): neighbouring
//! cells share their jittered corners, so the polygons tile the area with no gaps or overlaps,
//! like Voronoi cells. Each place gets a per-place indicator (some left without data), and two
//! indicators get values for several periods.

use crate::core::geo::{gcj02_from_wgs84, point_in_polygon, Bounds, Point, Polygon};
use crate::core::snapshot::geojson::Geometry;
use crate::core::snapshot::{
    AdminUnit, Block, ChartKind, CommunityLink, Crs, Indicator, IndicatorKind, Localized, Meta,
    PeriodValue, Place, PlaceGeometry, PlaceKind, PlaceValue, Programme, Qualifier, Section,
    Snapshot, Source, SCHEMA_VERSION,
};

/// A small deterministic generator (SplitMix64).
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub use crate::core::snapshot::geojson::{
    polygons_by_name_from_geojson_text, polygons_from_geojson_text,
};

fn inside(outline: &[Polygon], point: Point) -> bool {
    outline
        .iter()
        .any(|polygon| point_in_polygon(point, polygon))
}

fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The source every synthetic figure cites.
const SYNTHETIC_SOURCE: &str = "synthetic";

/// A synthetic snapshot with `places` village polygons inside `outline` (WGS 84), written in
/// coordinate system `crs`.
pub fn synthetic_snapshot(outline: &[Polygon], places: usize, seed: u64, crs: Crs) -> Snapshot {
    let mut rng = SplitMix::new(seed);
    let villages = village_cells(outline, places, &mut rng);
    let (snapshot_places, by_place) = synthetic_places(&villages, crs, &mut rng);
    let indicators = synthetic_indicators(by_place, &mut rng);
    let l = |zh: &str, en: &str| Localized::new(zh, en);
    let source_id = SYNTHETIC_SOURCE.to_owned();
    Snapshot {
        schema_version: SCHEMA_VERSION,
        meta: Meta {
            title: Localized {
                zh: format!("合成测试数据（{} 个地点，种子 {seed}）", villages.len()),
                en: format!(
                    "Synthetic test data ({} places, seed {seed})",
                    villages.len()
                ),
            },
            description: l(
                "由代码生成的合成数据，仅用于测试和基准，并非真实数字。",
                "Generated synthetic data for tests and benchmarks; not real figures.",
            ),
            township: AdminUnit {
                name: l("富官庄镇", "Fuguanzhuang Town"),
                code: "371323115000".into(),
            },
            county: AdminUnit {
                name: l("沂水县", "Yishui County"),
                code: "371323".into(),
            },
            city: AdminUnit {
                name: l("临沂市", "Linyi City"),
                code: "3713".into(),
            },
            province: AdminUnit {
                name: l("山东省", "Shandong Province"),
                code: "37".into(),
            },
            period: "2021".into(),
            as_of: "2021-12-31".into(),
            as_of_note: None,
            published: None,
            synthetic: true,
            map_review_number: None,
        },
        sources: vec![Source {
            id: source_id.clone(),
            title: Localized {
                zh: format!("合成数据生成器（种子 {seed}）"),
                en: format!("Synthetic data generator (seed {seed})"),
            },
            publisher: l(
                "fuguanzhuang-viewer snapshot synth",
                "fuguanzhuang-viewer snapshot synth",
            ),
            date: None,
            url: None,
            licence: None,
            note: None,
        }],
        programmes: vec![Programme {
            id: "synthetic".into(),
            label: l("合成数据", "Synthetic data"),
        }],
        indicators,
        places: snapshot_places,
        index: Default::default(),
        sections: vec![
            Section {
                id: "map".into(),
                programme: None,
                title: l("合成地图", "Synthetic map"),
                blocks: vec![Block::Map {
                    title: Some(l(
                        "合成村庄（非真实边界）",
                        "Synthetic villages (not real boundaries)",
                    )),
                }],
            },
            Section {
                id: "series".into(),
                programme: Some("synthetic".into()),
                title: l("合成时间序列", "Synthetic time series"),
                blocks: vec![
                    Block::Chart {
                        id: "synthetic-series".into(),
                        chart: ChartKind::TimeSeries,
                        title: l("合成庭院（各期）", "Synthetic courtyards by period"),
                        indicators: vec!["synthetic_courtyards".into(), "synthetic_premium".into()],
                    },
                    Block::Chart {
                        id: "synthetic-compare".into(),
                        chart: ChartKind::Comparison,
                        title: l(
                            "合成庭院（所选期间）",
                            "Synthetic courtyards (chosen period)",
                        ),
                        indicators: vec!["synthetic_courtyards".into(), "synthetic_premium".into()],
                    },
                ],
            },
        ],
    }
}

/// Village cells: a jittered lattice over the outline's bounding box, sized so that about
/// `places` cells fall inside; cells are grouped four by four into communities.
fn village_cells(
    outline: &[Polygon],
    places: usize,
    rng: &mut SplitMix,
) -> Vec<(Vec<Point>, usize)> {
    let bounds = Bounds::of_points(outline.iter().filter_map(|p| p.first()).flatten());
    // Estimate how much of the bounding box the outline covers, to size the lattice.
    let probes = 2000;
    let hits = (0..probes)
        .filter(|_| {
            let p = (
                bounds.min.0 + rng.next_f64() * bounds.width(),
                bounds.min.1 + rng.next_f64() * bounds.height(),
            );
            inside(outline, p)
        })
        .count()
        .max(1);
    let coverage = hits as f64 / probes as f64;
    let cos = bounds.centre().1.to_radians().cos();
    let target_cells = (places.max(1) as f64 / coverage * 1.15).ceil();
    let aspect = bounds.width() * cos / bounds.height();
    let columns = (target_cells * aspect).sqrt().ceil().max(1.0) as usize;
    let rows = (target_cells / columns as f64).ceil().max(1.0) as usize;
    let (cell_w, cell_h) = (
        bounds.width() / columns as f64,
        bounds.height() / rows as f64,
    );
    // Jittered lattice corners, shared by neighbouring cells.
    let mut corners = vec![(0.0, 0.0); (columns + 1) * (rows + 1)];
    for row in 0..=rows {
        for column in 0..=columns {
            let edge = row == 0 || row == rows || column == 0 || column == columns;
            let (jx, jy) = if edge {
                (0.0, 0.0)
            } else {
                ((rng.next_f64() - 0.5) * 0.5, (rng.next_f64() - 0.5) * 0.5)
            };
            corners[row * (columns + 1) + column] = (
                bounds.min.0 + (column as f64 + jx) * cell_w,
                bounds.max.1 - (row as f64 + jy) * cell_h,
            );
        }
    }
    let corner = |column: usize, row: usize| corners[row * (columns + 1) + column];
    let community_side = 4usize;
    let mut villages = Vec::new();
    'rows: for row in 0..rows {
        for column in 0..columns {
            if villages.len() >= places {
                break 'rows;
            }
            let ring = vec![
                corner(column, row),
                corner(column + 1, row),
                corner(column + 1, row + 1),
                corner(column, row + 1),
                corner(column, row),
            ];
            let centre = crate::core::geo::ring_centroid(&ring);
            if inside(outline, centre) {
                let community = (row / community_side) * columns.div_ceil(community_side)
                    + column / community_side;
                villages.push((ring, community));
            }
        }
    }

    villages
}

/// The communities and villages (polygons written in `crs`), and a value per village (about
/// one in twelve has none: "no data", which is not zero).
fn synthetic_places(
    villages: &[(Vec<Point>, usize)],
    crs: Crs,
    rng: &mut SplitMix,
) -> (Vec<Place>, Vec<PlaceValue>) {
    let source_id = SYNTHETIC_SOURCE.to_owned();
    let mut communities: Vec<usize> = villages.iter().map(|(_, c)| *c).collect();
    communities.sort_unstable();
    communities.dedup();
    let mut snapshot_places = Vec::new();
    for (position, community) in communities.iter().enumerate() {
        snapshot_places.push(Place {
            id: format!("c-{community}"),
            name: Localized {
                zh: format!("合成社区{}", position + 1),
                en: format!("Synthetic community {}", position + 1),
            },
            kind: PlaceKind::Community,
            code: None,
            community: None,
            designations: Vec::new(),
            geometry: None,
            layout: None,
            source: source_id.clone(),
            note: None,
        });
    }
    let write = |point: Point| -> Point {
        let (x, y) = match crs {
            Crs::Gcj02 => gcj02_from_wgs84(point),
            Crs::Wgs84 | Crs::Cgcs2000 => point,
        };
        (round6(x), round6(y))
    };
    let mut by_place = Vec::new();
    for (index, (ring, community)) in villages.iter().enumerate() {
        let id = format!("s-{:05}", index + 1);
        let coordinates: Vec<Point> = ring.iter().map(|p| write(*p)).collect();
        snapshot_places.push(Place {
            id: id.clone(),
            name: Localized {
                zh: format!("合成村{}", index + 1),
                en: format!("Synthetic village {}", index + 1),
            },
            kind: PlaceKind::Village,
            code: Some(format!("371323{:06}", index + 1)),
            community: Some(CommunityLink {
                id: format!("c-{community}"),
                inferred: false,
            }),
            designations: Vec::new(),
            geometry: Some(PlaceGeometry {
                crs,
                geojson: Geometry::polygon_from_rings(&[coordinates]),
            }),
            layout: None,
            source: source_id.clone(),
            note: None,
        });
        // About one place in twelve has no value: "no data", which is not zero.
        let value = if rng.next_f64() < 0.08 {
            None
        } else {
            Some((rng.next_f64() * 400.0).round())
        };
        by_place.push(PlaceValue {
            place: id,
            value,
            qualifier: Qualifier::Exact,
        });
    }
    (snapshot_places, by_place)
}

/// The synthetic indicators: a per-village count, and two with values over periods.
fn synthetic_indicators(by_place: Vec<PlaceValue>, rng: &mut SplitMix) -> Vec<Indicator> {
    let source_id = SYNTHETIC_SOURCE.to_owned();
    let l = |zh: &str, en: &str| Localized::new(zh, en);
    let indicator = |id: &str,
                     label: Localized,
                     value: f64,
                     series: Vec<PeriodValue>,
                     by_place: Vec<PlaceValue>| Indicator {
        id: id.to_owned(),
        programme: "synthetic".to_owned(),
        label,
        unit: l("户", "households"),
        value: Some(value),
        qualifier: Qualifier::Exact,
        kind: IndicatorKind::Count,
        period: "2021".to_owned(),
        series,
        by_place,
        part_of: None,
        source: source_id.clone(),
        quote: "synthetic".to_owned(),
        note: Some(l(
            "合成数据，仅供测试。",
            "Synthetic data, for testing only.",
        )),
    };
    let mut series_value = |base: f64| -> Vec<PeriodValue> {
        ["2019", "2020"]
            .iter()
            .enumerate()
            .map(|(step, period)| PeriodValue {
                period: (*period).to_owned(),
                value: Some((base * (0.5 + 0.2 * step as f64 + rng.next_f64() * 0.1)).round()),
                qualifier: if step == 0 {
                    Qualifier::About
                } else {
                    Qualifier::Exact
                },
            })
            .collect()
    };
    let total: f64 = by_place.iter().filter_map(|entry| entry.value).sum();
    let first_series = series_value(3400.0);
    let second_series = series_value(1200.0);
    vec![
        indicator(
            "synthetic_households",
            l("合成户数", "Synthetic households"),
            total,
            Vec::new(),
            by_place,
        ),
        indicator(
            "synthetic_courtyards",
            l("合成庭院", "Synthetic courtyards"),
            3400.0,
            first_series,
            Vec::new(),
        ),
        indicator(
            "synthetic_premium",
            l("合成精品庭院", "Synthetic premium courtyards"),
            1200.0,
            second_series,
            Vec::new(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::map::model::{map_model_from_snapshot, MapMode, Shape};
    use crate::core::snapshot::validate::validate_snapshot;
    use crate::core::Language;

    fn outline() -> Vec<Polygon> {
        polygons_from_geojson_text(include_str!(
            "../../../data/geo/yishui-371323-wgs84.geojson"
        ))
        .expect("outline")
    }

    #[test]
    fn synthetic_snapshots_are_valid_deterministic_and_marked() {
        let outline = outline();
        let a = synthetic_snapshot(&outline, 300, 7, Crs::Wgs84);
        let b = synthetic_snapshot(&outline, 300, 7, Crs::Wgs84);
        assert_eq!(a, b);
        assert!(a.meta.synthetic);
        assert_eq!(validate_snapshot(&a), Vec::new());
        let villages = a
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Village)
            .count();
        assert_eq!(villages, 300);
        let c = synthetic_snapshot(&outline, 300, 8, Crs::Wgs84);
        assert_ne!(a, c);
    }

    #[test]
    fn a_known_point_hits_its_village_in_both_coordinate_systems() {
        let outline = outline();
        for crs in [Crs::Wgs84, Crs::Gcj02] {
            let snapshot = synthetic_snapshot(&outline, 200, 3, crs);
            let model = map_model_from_snapshot(&snapshot, Language::Zh, 9.0);
            assert_eq!(model.mode, MapMode::Geographic);
            // Converted back to WGS 84 the cells still tile: each cell's centre hits that cell.
            for (index, feature) in model.features.iter().enumerate().step_by(17) {
                let Shape::Polygons(polygons) = &feature.shape else {
                    panic!("polygon")
                };
                let centre = crate::core::geo::ring_centroid(&polygons[0][0]);
                assert_eq!(
                    model.feature_at(centre, 0.0),
                    Some(index),
                    "{crs:?} {}",
                    feature.id
                );
            }
            // Outside the county nothing is hit.
            assert_eq!(model.feature_at((100.0, 20.0), 0.0), None);
        }
    }
}
