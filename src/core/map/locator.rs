//! The locator inset's outlines (`snapshot locator` writes them): each area's code, name and
//! polygons, and the credit printed under it.

use crate::core::geo::Polygon;
use crate::core::snapshot::geojson::{named_polygons_from_geojson_text, FeatureNames};
use crate::core::snapshot::Localized;

/// The locator map's outlines (`snapshot locator` writes them): each area's code, name and
/// polygons, and the credit printed under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Locator {
    pub credit: Localized,
    pub areas: Vec<(FeatureNames, Vec<Polygon>)>,
}

impl Locator {
    /// Whether an area has the administrative code `code`.
    pub fn has(&self, code: &str) -> bool {
        self.areas.iter().any(|(names, _)| names.code == code)
    }
}

/// Reads the locator file.
pub fn locator_from_geojson_text(text: &str) -> Result<Locator, String> {
    #[derive(serde::Deserialize)]
    struct Credit {
        #[serde(default)]
        credit: Localized,
    }
    let credit: Credit = crate::core::snapshot::json_text::from_str(text)
        .map_err(|error| format!("not GeoJSON: {error}"))?;
    Ok(Locator {
        credit: credit.credit,
        areas: named_polygons_from_geojson_text(text)?,
    })
}
