//! The small part of GeoJSON (RFC 7946) this viewer reads: geometries (Point, Polygon,
//! MultiPolygon) and FeatureCollections of them.
//!
//! Coordinates are read straight from the JSON text into nested lists of numbers, accepting
//! any shape, so that the validator can say exactly which position is wrong and where
//! (`coordinates[0][3]`) instead of failing the whole snapshot with a generic serde message.
//! A general GeoJSON crate would go through `serde_json::Value` and cost wasm size, time and
//! memory that a 10,000-polygon snapshot cannot spare.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::core::geo::{Point, Polygon};

/// A geometry object: its `type` and its `coordinates` (other members such as `bbox` are
/// ignored). Checked by the snapshot's validation (`validate`), not by deserialisation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Geometry {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

/// Any JSON value found where coordinates belong, kept as nested lists of numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Coordinates {
    Number(f64),
    /// `[x, y]`, the usual position, kept without a heap allocation of its own.
    Pair(f64, f64),
    /// A list of numbers only: a position.
    Numbers(Vec<f64>),
    /// A list holding at least one list (or anything else that is not a number).
    Lists(Vec<Coordinates>),
    /// Something that has no place in coordinates; holds its JSON type name for messages.
    Other(&'static str),
}

impl Coordinates {
    /// The items of a list (a position's numbers are returned as [`Coordinates::Number`]s
    /// only through [`Coordinates::as_position`]); `None` for anything that is not a list.
    pub fn as_list(&self) -> Option<&[Coordinates]> {
        match self {
            Coordinates::Lists(items) => Some(items),
            Coordinates::Numbers(numbers) if numbers.is_empty() => Some(&[]),
            _ => None,
        }
    }

    /// How many items a list has (numbers or lists); `None` when it is not a list.
    pub fn list_len(&self) -> Option<usize> {
        match self {
            Coordinates::Lists(items) => Some(items.len()),
            Coordinates::Numbers(numbers) => Some(numbers.len()),
            Coordinates::Pair(..) => Some(2),
            _ => None,
        }
    }

    /// `[x, y]` or `[x, y, z]` as `(x, y)`.
    pub fn as_position(&self) -> Option<Point> {
        match self {
            Coordinates::Pair(x, y) => Some((*x, *y)),
            Coordinates::Numbers(numbers) if (2..=3).contains(&numbers.len()) => {
                Some((numbers[0], numbers[1]))
            }
            _ => None,
        }
    }

    /// A JSON type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Coordinates::Number(_) => "a number",
            Coordinates::Pair(..) | Coordinates::Numbers(_) | Coordinates::Lists(_) => "a list",
            Coordinates::Other(name) => name,
        }
    }
}

/// A ring as points; `None` when any position is not `[x, y]`.
fn ring_from_coordinates(ring: &Coordinates) -> Option<Vec<Point>> {
    ring.as_list()?
        .iter()
        .map(Coordinates::as_position)
        .collect()
}

fn polygon_from_coordinates(rings: &Coordinates) -> Option<Polygon> {
    rings.as_list()?.iter().map(ring_from_coordinates).collect()
}

/// What a geometry holds, as points and polygons in its own coordinate system.
#[derive(Debug, Clone, PartialEq)]
pub enum GeometryShape {
    Point(Point),
    Polygons(Vec<Polygon>),
}

impl Geometry {
    /// The geometry's point or polygons; `None` for other types or malformed coordinates.
    pub fn shape(&self) -> Option<GeometryShape> {
        let coordinates = self.coordinates.as_ref()?;
        match self.kind.as_str() {
            "Point" => coordinates.as_position().map(GeometryShape::Point),
            "Polygon" => polygon_from_coordinates(coordinates)
                .map(|polygon| GeometryShape::Polygons(vec![polygon])),
            "MultiPolygon" => coordinates
                .as_list()?
                .iter()
                .map(polygon_from_coordinates)
                .collect::<Option<Vec<Polygon>>>()
                .map(GeometryShape::Polygons),
            _ => None,
        }
    }

    /// A polygon geometry from rings of points.
    pub fn polygon_from_rings(rings: &[Vec<Point>]) -> Geometry {
        let rings = rings
            .iter()
            .map(|ring| {
                Coordinates::Lists(ring.iter().map(|&(x, y)| Coordinates::Pair(x, y)).collect())
            })
            .collect();
        Geometry {
            kind: "Polygon".to_owned(),
            coordinates: Some(Coordinates::Lists(rings)),
        }
    }
}

/// A feature: its geometry (may be null) and the `name` property if it is a string.
#[derive(Debug, Clone, serde::Deserialize)]
struct Feature {
    geometry: Option<Geometry>,
    #[serde(default)]
    properties: Option<NameProperty>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct NameProperty {
    #[serde(default)]
    name: Option<NameValue>,
    /// An administrative code (`code`, or `adcode` as AMap-derived files write it).
    #[serde(default)]
    code: Option<NameValue>,
    #[serde(default)]
    adcode: Option<NameValue>,
}

/// A property value kept only when it is a string.
#[derive(Debug, Clone)]
struct NameValue(Option<String>);

impl<'de> Deserialize<'de> for NameValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = NameValue;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<NameValue, E> {
                Ok(NameValue(Some(value.to_owned())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<NameValue, E> {
                Ok(NameValue(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<NameValue, E> {
                Ok(NameValue(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<NameValue, E> {
                Ok(NameValue(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<NameValue, E> {
                Ok(NameValue(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<NameValue, E> {
                Ok(NameValue(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NameValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(NameValue(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NameValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(NameValue(None))
            }
        }
        deserializer.deserialize_any(NameVisitor)
    }
}

/// A GeoJSON text: a FeatureCollection, a single Feature or a bare geometry.
#[derive(Debug, Clone, serde::Deserialize)]
struct GeoJsonDocument {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    features: Vec<Feature>,
    #[serde(default)]
    geometry: Option<Geometry>,
    #[serde(default)]
    coordinates: Option<Coordinates>,
    #[serde(default)]
    properties: Option<NameProperty>,
}

/// A feature's `name` and code properties (empty when absent or not strings).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeatureNames {
    pub name: String,
    pub code: String,
}

/// Each feature's names and geometry, in document order.
fn named_geometries_from_geojson_text(text: &str) -> Result<Vec<(FeatureNames, Geometry)>, String> {
    let document: GeoJsonDocument = crate::core::snapshot::json_text::from_str(text)
        .map_err(|error| format!("not GeoJSON: {error}"))?;
    let names_of = |properties: Option<NameProperty>| {
        let properties = properties.unwrap_or(NameProperty {
            name: None,
            code: None,
            adcode: None,
        });
        let text = |value: Option<NameValue>| value.and_then(|value| value.0);
        FeatureNames {
            name: text(properties.name).unwrap_or_default(),
            code: text(properties.code)
                .or_else(|| text(properties.adcode))
                .unwrap_or_default(),
        }
    };
    Ok(match document.kind.as_str() {
        "FeatureCollection" => document
            .features
            .into_iter()
            .filter_map(|feature| Some((names_of(feature.properties), feature.geometry?)))
            .collect(),
        "Feature" => document
            .geometry
            .map(|geometry| (names_of(document.properties), geometry))
            .into_iter()
            .collect(),
        _ => vec![(
            FeatureNames::default(),
            Geometry {
                kind: document.kind,
                coordinates: document.coordinates,
            },
        )],
    })
}

fn polygons_of(geometry: &Geometry) -> Vec<Polygon> {
    match geometry.shape() {
        Some(GeometryShape::Polygons(polygons)) => polygons,
        _ => Vec::new(),
    }
}

/// Reads the polygons of a GeoJSON text (FeatureCollection, Feature or geometry).
pub fn polygons_from_geojson_text(text: &str) -> Result<Vec<Polygon>, String> {
    let polygons: Vec<Polygon> = named_geometries_from_geojson_text(text)?
        .iter()
        .flat_map(|(_, geometry)| polygons_of(geometry))
        .collect();
    if polygons.is_empty() {
        return Err("the GeoJSON holds no polygons".into());
    }
    Ok(polygons)
}

/// Polygons of each feature of a GeoJSON FeatureCollection, with its `name` property.
pub fn polygons_by_name_from_geojson_text(
    text: &str,
) -> Result<Vec<(String, Vec<Polygon>)>, String> {
    Ok(named_polygons_from_geojson_text(text)?
        .into_iter()
        .map(|(names, polygons)| (names.name, polygons))
        .collect())
}

/// Polygons of each feature of a GeoJSON FeatureCollection, with its name and code.
pub fn named_polygons_from_geojson_text(
    text: &str,
) -> Result<Vec<(FeatureNames, Vec<Polygon>)>, String> {
    if !text.contains("FeatureCollection") {
        return Err("expected a FeatureCollection".into());
    }
    Ok(named_geometries_from_geojson_text(text)?
        .into_iter()
        .map(|(names, geometry)| {
            let polygons = polygons_of(&geometry);
            (names, polygons)
        })
        .collect())
}

impl Serialize for Coordinates {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Coordinates::Number(number) => serializer.serialize_f64(*number),
            Coordinates::Pair(x, y) => {
                let mut seq = serializer.serialize_seq(Some(2))?;
                seq.serialize_element(x)?;
                seq.serialize_element(y)?;
                seq.end()
            }
            Coordinates::Numbers(numbers) => {
                let mut seq = serializer.serialize_seq(Some(numbers.len()))?;
                for number in numbers {
                    seq.serialize_element(number)?;
                }
                seq.end()
            }
            Coordinates::Lists(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            // Never in a validated snapshot; written as null so that a re-read reports it.
            Coordinates::Other(_) => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for Coordinates {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CoordinatesVisitor)
    }
}

struct CoordinatesVisitor;

impl<'de> Visitor<'de> for CoordinatesVisitor {
    type Value = Coordinates;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("GeoJSON coordinates")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Coordinates, E> {
        Ok(Coordinates::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Coordinates, E> {
        Ok(Coordinates::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Coordinates, E> {
        Ok(Coordinates::Number(value as f64))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Coordinates, E> {
        Ok(Coordinates::Other("a string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Coordinates, E> {
        Ok(Coordinates::Other("a boolean"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Coordinates, E> {
        Ok(Coordinates::Other("null"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Coordinates, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Coordinates::Other("an object"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coordinates, A::Error> {
        // Positions (lists of two numbers) are the bulk of a geometry: read them without a
        // heap allocation of their own.
        let first = match seq.next_element::<Coordinates>()? {
            None => return Ok(Coordinates::Numbers(Vec::new())),
            Some(Coordinates::Number(x)) => x,
            Some(other) => return rest_of_list(vec![other], seq),
        };
        let second = match seq.next_element::<Coordinates>()? {
            None => return Ok(Coordinates::Numbers(vec![first])),
            Some(Coordinates::Number(y)) => y,
            Some(other) => return rest_of_list(vec![Coordinates::Number(first), other], seq),
        };
        match seq.next_element::<Coordinates>()? {
            None => Ok(Coordinates::Pair(first, second)),
            Some(third) => rest_of_list(
                vec![
                    Coordinates::Number(first),
                    Coordinates::Number(second),
                    third,
                ],
                seq,
            ),
        }
    }
}

/// The rest of a list that is not a plain `[x, y]`, after the items already read.
fn rest_of_list<'de, A: SeqAccess<'de>>(
    mut items: Vec<Coordinates>,
    mut seq: A,
) -> Result<Coordinates, A::Error> {
    while let Some(item) = seq.next_element::<Coordinates>()? {
        items.push(item);
    }
    let numbers: Option<Vec<f64>> = items
        .iter()
        .map(|item| match item {
            Coordinates::Number(number) => Some(*number),
            _ => None,
        })
        .collect();
    Ok(match numbers {
        Some(numbers) => Coordinates::Numbers(numbers),
        None => Coordinates::Lists(items),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_any_shape_for_the_validator() {
        let geometry: Geometry = crate::core::snapshot::json_text::from_str(
            r#"{"type":"Polygon","bbox":[0,0,1,1],"coordinates":[[[0,0],[1,0],"x",[0,0]]]}"#,
        )
        .expect("any coordinates deserialise");
        let rings = geometry.coordinates.as_ref().and_then(Coordinates::as_list);
        let ring = rings.and_then(|rings| rings[0].as_list()).expect("a ring");
        assert_eq!(ring.len(), 4);
        assert_eq!(
            ring[1],
            Coordinates::Pair(1.0, 0.0),
            "positions are kept inline"
        );
        assert_eq!(ring[1].as_position(), Some((1.0, 0.0)));
        assert_eq!(ring[2].type_name(), "a string");
        assert_eq!(geometry.shape(), None, "a string is not a position");
    }

    #[test]
    fn shapes_of_points_polygons_and_multipolygons() {
        let point: Geometry = crate::core::snapshot::json_text::from_str(
            r#"{"type":"Point","coordinates":[118.5,35.9,12]}"#,
        )
        .unwrap();
        assert_eq!(point.shape(), Some(GeometryShape::Point((118.5, 35.9))));
        let multi: Geometry = crate::core::snapshot::json_text::from_str(
            r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}"#,
        )
        .unwrap();
        let Some(GeometryShape::Polygons(polygons)) = multi.shape() else {
            panic!("polygons expected");
        };
        assert_eq!(polygons.len(), 2);
        assert_eq!(polygons[1][0][2], (3.0, 3.0));
        let line: Geometry = crate::core::snapshot::json_text::from_str(
            r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#,
        )
        .unwrap();
        assert_eq!(line.shape(), None);
    }

    #[test]
    fn geometry_round_trips_through_json() {
        let geometry = Geometry::polygon_from_rings(&[vec![(0.5, 1.0), (2.0, 1.0), (0.5, 1.0)]]);
        let text = serde_json::to_string(&geometry).unwrap();
        assert_eq!(
            text,
            r#"{"type":"Polygon","coordinates":[[[0.5,1.0],[2.0,1.0],[0.5,1.0]]]}"#
        );
        let back: Geometry = crate::core::snapshot::json_text::from_str(&text).unwrap();
        assert_eq!(back, geometry);
    }

    #[test]
    fn feature_collections_give_named_polygons() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"甲","pop":3},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{"name":7},"geometry":null},
            {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        let named = polygons_by_name_from_geojson_text(text).expect("reads");
        assert_eq!(named.len(), 2, "the feature without geometry is skipped");
        assert_eq!(named[0].0, "甲");
        assert_eq!(named[0].1.len(), 1);
        assert_eq!(named[1], (String::new(), Vec::new()));
        assert_eq!(polygons_from_geojson_text(text).unwrap().len(), 1);
        assert!(polygons_from_geojson_text(r#"{"type":"Point","coordinates":[1,2]}"#).is_err());
        assert!(polygons_from_geojson_text("[1,").is_err());
    }
}
