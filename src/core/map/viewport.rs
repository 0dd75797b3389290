//! The map's viewport: the box it is drawn in, the projection that fits the whole map into it,
//! and the pan/zoom on top, with the conversions the app needs (screen ↔ map, centring on a
//! point, the view ↔ the URL's zoom and centre). Pure: the app's map calls these.

use crate::core::geo::{Point, Projection, ViewTransform};
use crate::core::map::draw::{
    map_from_screen, map_height_for_width, map_projection, MapHeightLimits,
};
use crate::core::map::model::MapModel;

/// Screen distance (CSS px) within which a tap finds a point feature.
pub const TAP_RADIUS: f64 = 10.0;
/// The zoom a place is shown at when the reader goes to it (from search or the list).
pub const FOCUS_ZOOM: f64 = 2.5;

/// The map's box at a width: its size and the projection that fits the whole map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    pub projection: Projection,
}

impl Viewport {
    /// The box of `model` at `width` CSS px (its height follows: `map_height_for_width`).
    pub fn new(model: &MapModel, width: f64) -> Viewport {
        let height = map_height_for_width(model, width, MapHeightLimits::for_mode(model.mode));
        Viewport {
            width,
            height,
            projection: map_projection(model, (width, height)),
        }
    }

    /// The middle of the box (CSS px).
    pub fn centre(&self) -> Point {
        (self.width / 2.0, self.height / 2.0)
    }

    /// The map point under the screen point `point` in `view`.
    pub fn map_point(&self, view: &ViewTransform, point: Point) -> Point {
        map_from_screen(&self.projection, view, point)
    }

    /// The view at `zoom` with the map point `at` in the middle of the box.
    pub fn centred_on(&self, at: Point, zoom: f64) -> ViewTransform {
        let base = self.projection.forward(at);
        let (x, y) = self.centre();
        ViewTransform {
            zoom,
            pan: (x - base.0 * zoom, y - base.1 * zoom),
        }
    }

    /// The view the URL's zoom and centre (map coordinates) ask for.
    pub fn view_from_url(&self, zoom: f64, centre: Option<Point>) -> ViewTransform {
        match centre {
            None if (zoom - 1.0).abs() < 1e-9 => ViewTransform::default(),
            None => ViewTransform::default().zoomed_at(zoom, self.centre()),
            Some(at) => self.centred_on(at, zoom),
        }
    }

    /// The URL's zoom and centre for `view` (no centre for the whole map).
    pub fn url_from_view(&self, view: &ViewTransform) -> (f64, Option<Point>) {
        if *view == ViewTransform::default() {
            (1.0, None)
        } else {
            (view.zoom, Some(self.map_point(view, self.centre())))
        }
    }

    /// `view` zoomed by `factor` about `anchor` (CSS px), or about the middle.
    pub fn zoomed(
        &self,
        view: &ViewTransform,
        factor: f64,
        anchor: Option<Point>,
    ) -> ViewTransform {
        view.zoomed_at(factor, anchor.unwrap_or_else(|| self.centre()))
    }

    /// The feature of `model` under the screen point `point` in `view`, if any.
    pub fn feature_at(
        &self,
        model: &MapModel,
        view: &ViewTransform,
        point: Point,
    ) -> Option<usize> {
        let at = self.map_point(view, point);
        let radius = TAP_RADIUS / (self.projection.pixels_per_unit() * view.zoom);
        model.feature_at(at, radius)
    }
}

/// Whether two views are the same to the eye (a pasted link's view against the current one).
pub fn views_match(a: &ViewTransform, b: &ViewTransform) -> bool {
    (a.zoom - b.zoom).abs() < 1e-6
        && (a.pan.0 - b.pan.0).abs() < 0.5
        && (a.pan.1 - b.pan.1).abs() < 0.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::map::model::map_model_from_snapshot;
    use crate::core::snapshot::load::snapshot_from_json_text;
    use crate::core::Language;

    fn viewport() -> (MapModel, Viewport) {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        let model = map_model_from_snapshot(&snapshot, Language::Zh, 8.9);
        let viewport = Viewport::new(&model, 358.0);
        (model, viewport)
    }

    #[test]
    fn centring_puts_the_point_in_the_middle() {
        let (model, viewport) = viewport();
        let place = model.features[20].label_at;
        let view = viewport.centred_on(place, 3.0);
        let middle = viewport.map_point(&view, viewport.centre());
        assert!((middle.0 - place.0).abs() < 1e-9 && (middle.1 - place.1).abs() < 1e-9);
        assert_eq!(view.zoom, 3.0);
    }

    #[test]
    fn the_url_round_trips_through_the_view() {
        let (model, viewport) = viewport();
        assert_eq!(
            viewport.url_from_view(&ViewTransform::default()),
            (1.0, None)
        );
        assert_eq!(viewport.view_from_url(1.0, None), ViewTransform::default());
        let place = model.features[5].label_at;
        let view = viewport.view_from_url(2.5, Some(place));
        let (zoom, centre) = viewport.url_from_view(&view);
        assert_eq!(zoom, 2.5);
        let centre = centre.expect("a centre");
        assert!((centre.0 - place.0).abs() < 1e-9 && (centre.1 - place.1).abs() < 1e-9);
        assert!(views_match(
            &view,
            &viewport.view_from_url(zoom, Some(centre))
        ));
    }

    #[test]
    fn zooming_keeps_the_anchor_still() {
        let (_, viewport) = viewport();
        let view = ViewTransform::default();
        let anchor = (100.0, 80.0);
        let before = viewport.map_point(&view, anchor);
        let zoomed = viewport.zoomed(&view, 2.0, Some(anchor));
        let after = viewport.map_point(&zoomed, anchor);
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        // Without an anchor: about the middle.
        let middle = viewport.map_point(&view, viewport.centre());
        let zoomed = viewport.zoomed(&view, 1.5, None);
        let still = viewport.map_point(&zoomed, viewport.centre());
        assert!((middle.0 - still.0).abs() < 1e-9);
    }

    #[test]
    fn a_tap_on_a_tile_finds_its_village() {
        let (model, viewport) = viewport();
        let view = ViewTransform::default();
        let feature = 12;
        let screen = view.apply(
            viewport
                .projection
                .forward(model.features[feature].label_at),
        );
        assert_eq!(viewport.feature_at(&model, &view, screen), Some(feature));
        assert_eq!(viewport.feature_at(&model, &view, (-50.0, -50.0)), None);
    }
}
