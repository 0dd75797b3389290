//! Geometry for maps: coordinate systems, projection, view transforms, point-in-polygon, a
//! spatial index and line simplification. Pure functions on plain coordinates.

use serde::{Deserialize, Serialize};

/// Coordinate reference systems a geometry may declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Crs {
    /// WGS 84 (EPSG:4326), what GPS and most GeoJSON tools use.
    #[serde(rename = "WGS84")]
    Wgs84,
    /// GCJ-02, the offset system of AMap/Tencent maps in China.
    #[serde(rename = "GCJ-02")]
    Gcj02,
    /// CGCS2000 (EPSG:4490), China's national system; within a metre of WGS 84.
    #[serde(rename = "CGCS2000")]
    Cgcs2000,
}

crate::core::vocabulary::vocabulary!(Crs {
    Wgs84 => "WGS84",
    Gcj02 => "GCJ-02",
    Cgcs2000 => "CGCS2000",
});

/// A position: (x, y). For geographic data x is longitude and y latitude, in degrees.
pub type Point = (f64, f64);
/// A closed ring (first point repeated last, as in GeoJSON).
pub type Ring = Vec<Point>;
/// A polygon: outer ring, then holes.
pub type Polygon = Vec<Ring>;

// ---- GCJ-02 <-> WGS 84 -------------------------------------------------------------------

/// Krasovsky 1940 ellipsoid, as used by the GCJ-02 offset.
const KRASOVSKY_A: f64 = 6_378_245.0;
const KRASOVSKY_EE: f64 = 0.006_693_421_622_965_943;

/// GCJ-02 applies only inside mainland China (a rough box, as every implementation uses).
pub fn is_in_china(lon: f64, lat: f64) -> bool {
    (72.004..=137.8347).contains(&lon) && (0.8293..=55.8271).contains(&lat)
}

fn offset_lat(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    ret += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    ret += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    ret += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    ret
}

fn offset_lon(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    ret += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    ret += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    ret += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    ret
}

/// WGS 84 → GCJ-02. Outside China the position is returned unchanged.
pub fn gcj02_from_wgs84((lon, lat): Point) -> Point {
    use std::f64::consts::PI;
    if !is_in_china(lon, lat) {
        return (lon, lat);
    }
    let d_lat = offset_lat(lon - 105.0, lat - 35.0);
    let d_lon = offset_lon(lon - 105.0, lat - 35.0);
    let rad_lat = lat / 180.0 * PI;
    let magic = 1.0 - KRASOVSKY_EE * rad_lat.sin() * rad_lat.sin();
    let sqrt_magic = magic.sqrt();
    let d_lat =
        (d_lat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * PI);
    let d_lon = (d_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * rad_lat.cos() * PI);
    (lon + d_lon, lat + d_lat)
}

/// GCJ-02 → WGS 84, by fixed-point iteration of the forward transform (error < 1e-9°).
pub fn wgs84_from_gcj02(gcj: Point) -> Point {
    if !is_in_china(gcj.0, gcj.1) {
        return gcj;
    }
    let mut wgs = gcj;
    for _ in 0..30 {
        let forward = gcj02_from_wgs84(wgs);
        let error = (forward.0 - gcj.0, forward.1 - gcj.1);
        wgs = (wgs.0 - error.0, wgs.1 - error.1);
        if error.0.abs() < 1e-10 && error.1.abs() < 1e-10 {
            break;
        }
    }
    wgs
}

/// A position in WGS 84, whatever system it was declared in. CGCS2000 is within a metre of
/// WGS 84 and is used as is.
pub fn wgs84_from(crs: Crs, point: Point) -> Point {
    match crs {
        Crs::Wgs84 | Crs::Cgcs2000 => point,
        Crs::Gcj02 => wgs84_from_gcj02(point),
    }
}

// ---- bounds, projection and view -----------------------------------------------------------

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min: (f64::INFINITY, f64::INFINITY),
        max: (f64::NEG_INFINITY, f64::NEG_INFINITY),
    };

    pub fn of_points<'a>(points: impl IntoIterator<Item = &'a Point>) -> Bounds {
        let mut bounds = Bounds::EMPTY;
        for point in points {
            bounds.include(*point);
        }
        bounds
    }

    pub fn include(&mut self, (x, y): Point) {
        self.min = (self.min.0.min(x), self.min.1.min(y));
        self.max = (self.max.0.max(x), self.max.1.max(y));
    }

    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            min: (self.min.0.min(other.min.0), self.min.1.min(other.min.1)),
            max: (self.max.0.max(other.max.0), self.max.1.max(other.max.1)),
        }
    }

    pub fn is_empty(&self) -> bool {
        !(self.min.0 <= self.max.0 && self.min.1 <= self.max.1)
    }

    pub fn contains(&self, (x, y): Point) -> bool {
        (self.min.0..=self.max.0).contains(&x) && (self.min.1..=self.max.1).contains(&y)
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min.0 <= other.max.0
            && other.min.0 <= self.max.0
            && self.min.1 <= other.max.1
            && other.min.1 <= self.max.1
    }

    pub fn width(&self) -> f64 {
        self.max.0 - self.min.0
    }

    pub fn height(&self) -> f64 {
        self.max.1 - self.min.1
    }

    pub fn centre(&self) -> Point {
        (
            (self.min.0 + self.max.0) / 2.0,
            (self.min.1 + self.max.1) / 2.0,
        )
    }
}

/// Lon/lat → plane, fitted to a box of screen pixels. An equirectangular projection scaled by
/// cos(latitude) at the data's centre: at township and county scale it keeps shapes and
/// aspect ratio within a fraction of a percent. For schematic layouts (already planar, y down)
/// use [`Projection::fit_plane`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Horizontal stretch applied to x before scaling (cos of the centre latitude, or 1).
    x_stretch: f64,
    /// Pixels per (stretched) unit.
    scale: f64,
    /// Data point drawn at `offset`.
    origin: Point,
    offset: Point,
    /// True when y grows upwards in the data (latitude); the screen's y grows down.
    y_up: bool,
}

impl Projection {
    fn fit(bounds: Bounds, size: Point, padding: f64, x_stretch: f64, y_up: bool) -> Projection {
        let width = (bounds.width() * x_stretch).max(1e-12);
        let height = bounds.height().max(1e-12);
        let room = (
            (size.0 - 2.0 * padding).max(1.0),
            (size.1 - 2.0 * padding).max(1.0),
        );
        let scale = (room.0 / width).min(room.1 / height);
        let centre = bounds.centre();
        Projection {
            x_stretch,
            scale,
            origin: centre,
            offset: (size.0 / 2.0, size.1 / 2.0),
            y_up,
        }
    }

    /// Fits geographic `bounds` (lon/lat degrees) into `size` pixels, keeping the aspect ratio.
    pub fn fit_geographic(bounds: Bounds, size: Point, padding: f64) -> Projection {
        let stretch = bounds.centre().1.to_radians().cos().abs().max(1e-6);
        Projection::fit(bounds, size, padding, stretch, true)
    }

    /// Fits planar `bounds` (y down, like the screen) into `size` pixels.
    pub fn fit_plane(bounds: Bounds, size: Point, padding: f64) -> Projection {
        Projection::fit(bounds, size, padding, 1.0, false)
    }

    /// Data → screen pixels.
    pub fn forward(&self, (x, y): Point) -> Point {
        let dx = (x - self.origin.0) * self.x_stretch * self.scale;
        let dy = (y - self.origin.1) * self.scale;
        (
            self.offset.0 + dx,
            if self.y_up {
                self.offset.1 - dy
            } else {
                self.offset.1 + dy
            },
        )
    }

    /// Screen pixels → data.
    pub fn inverse(&self, (px, py): Point) -> Point {
        let dx = (px - self.offset.0) / (self.x_stretch * self.scale);
        let dy = if self.y_up {
            (self.offset.1 - py) / self.scale
        } else {
            (py - self.offset.1) / self.scale
        };
        (self.origin.0 + dx, self.origin.1 + dy)
    }

    /// Pixels per data unit vertically (for choosing a simplification tolerance).
    pub fn pixels_per_unit(&self) -> f64 {
        self.scale
    }
}

/// Pan and zoom on top of a projection: screen = base × zoom + pan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewTransform {
    pub zoom: f64,
    pub pan: Point,
}

/// Zoom limits.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 64.0;

impl Default for ViewTransform {
    fn default() -> Self {
        ViewTransform {
            zoom: 1.0,
            pan: (0.0, 0.0),
        }
    }
}

impl ViewTransform {
    pub fn apply(&self, (x, y): Point) -> Point {
        (x * self.zoom + self.pan.0, y * self.zoom + self.pan.1)
    }

    pub fn invert(&self, (x, y): Point) -> Point {
        ((x - self.pan.0) / self.zoom, (y - self.pan.1) / self.zoom)
    }

    /// Zooms by `factor` keeping the screen point `anchor` fixed; zoom stays within limits.
    pub fn zoomed_at(&self, factor: f64, anchor: Point) -> ViewTransform {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let base = self.invert(anchor);
        ViewTransform {
            zoom,
            pan: (anchor.0 - base.0 * zoom, anchor.1 - base.1 * zoom),
        }
    }

    pub fn panned(&self, by: Point) -> ViewTransform {
        ViewTransform {
            zoom: self.zoom,
            pan: (self.pan.0 + by.0, self.pan.1 + by.1),
        }
    }

    /// Keeps at least `margin` pixels of the content box (base pixels) inside the viewport.
    pub fn clamped(&self, content: Bounds, viewport: Point, margin: f64) -> ViewTransform {
        let min = self.apply(content.min);
        let max = self.apply(content.max);
        let mut pan = self.pan;
        if max.0 < margin {
            pan.0 += margin - max.0;
        }
        if min.0 > viewport.0 - margin {
            pan.0 -= min.0 - (viewport.0 - margin);
        }
        if max.1 < margin {
            pan.1 += margin - max.1;
        }
        if min.1 > viewport.1 - margin {
            pan.1 -= min.1 - (viewport.1 - margin);
        }
        ViewTransform {
            zoom: self.zoom,
            pan,
        }
    }
}

// ---- point in polygon and the spatial index ------------------------------------------------

/// Even-odd test of one ring. Points exactly on an edge count as inside when they are on the
/// ring's left/bottom edges and outside on right/top ones, so two polygons that share an edge
/// never both claim a point on it.
pub fn point_in_ring(point: Point, ring: &[Point]) -> bool {
    let (x, y) = point;
    let mut inside = false;
    let count = ring.len();
    if count < 3 {
        return false;
    }
    let mut j = count - 1;
    for i in 0..count {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) {
            let cross_x = xj + (y - yj) * (xi - xj) / (yi - yj);
            if x < cross_x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Inside the outer ring and outside every hole.
pub fn point_in_polygon(point: Point, polygon: &[Ring]) -> bool {
    match polygon.split_first() {
        Some((outer, holes)) => {
            point_in_ring(point, outer) && !holes.iter().any(|hole| point_in_ring(point, hole))
        }
        None => false,
    }
}

/// A uniform grid over item bounding boxes: each cell lists the items whose box touches it.
#[derive(Debug, Clone)]
pub struct GridIndex {
    bounds: Bounds,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl GridIndex {
    /// Builds an index over `boxes` with about `per_cell` items per cell.
    pub fn new(boxes: &[Bounds], per_cell: usize) -> GridIndex {
        let bounds = boxes
            .iter()
            .filter(|b| !b.is_empty())
            .fold(Bounds::EMPTY, |all, b| all.union(*b));
        let side = ((boxes.len() / per_cell.max(1)) as f64)
            .sqrt()
            .ceil()
            .max(1.0) as usize;
        let (columns, rows) = (side.min(1024), side.min(1024));
        let mut index = GridIndex {
            bounds,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        };
        if bounds.is_empty() {
            return index;
        }
        for (item, item_box) in boxes.iter().enumerate() {
            if item_box.is_empty() {
                continue;
            }
            let (c0, r0) = index.cell_of(item_box.min);
            let (c1, r1) = index.cell_of(item_box.max);
            for row in r0..=r1 {
                for column in c0..=c1 {
                    index.cells[row * columns + column].push(item as u32);
                }
            }
        }
        index
    }

    fn cell_of(&self, (x, y): Point) -> (usize, usize) {
        let fx = (x - self.bounds.min.0) / self.bounds.width().max(1e-12);
        let fy = (y - self.bounds.min.1) / self.bounds.height().max(1e-12);
        let column = ((fx * self.columns as f64).floor().max(0.0) as usize).min(self.columns - 1);
        let row = ((fy * self.rows as f64).floor().max(0.0) as usize).min(self.rows - 1);
        (column, row)
    }

    /// Items whose box may contain `point`.
    pub fn candidates(&self, point: Point) -> &[u32] {
        if !self.bounds.contains(point) {
            return &[];
        }
        let (column, row) = self.cell_of(point);
        &self.cells[row * self.columns + column]
    }
}

// ---- simplification ------------------------------------------------------------------------

/// Douglas–Peucker simplification of an open or closed line: keeps the end points and every
/// point further than `tolerance` from the simplified line. A closed ring stays closed and keeps
/// at least 4 positions.
pub fn simplify(points: &[Point], tolerance: f64) -> Vec<Point> {
    if points.len() <= 4 || tolerance <= 0.0 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let mut farthest = (0.0, first);
        for (index, point) in points.iter().enumerate().take(last).skip(first + 1) {
            let distance = distance_to_segment(*point, a, b);
            if distance > farthest.0 {
                farthest = (distance, index);
            }
        }
        if farthest.0 > tolerance {
            keep[farthest.1] = true;
            stack.push((first, farthest.1));
            stack.push((farthest.1, last));
        }
    }
    let simplified: Vec<Point> = points
        .iter()
        .zip(&keep)
        .filter(|(_, kept)| **kept)
        .map(|(point, _)| *point)
        .collect();
    let closed = points.first() == points.last();
    if closed && simplified.len() < 4 {
        // Too small to show its shape at this tolerance: keep a quadrilateral of it.
        let step = (points.len() - 1) / 3;
        return vec![points[0], points[step], points[2 * step], points[0]];
    }
    simplified
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_squared = dx * dx + dy * dy;
    if length_squared == 0.0 {
        return ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt();
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length_squared).clamp(0.0, 1.0);
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

/// The area-weighted centre of a ring (falls back to the average of its points).
pub fn ring_centroid(ring: &[Point]) -> Point {
    let mut area = 0.0;
    let (mut cx, mut cy) = (0.0, 0.0);
    for pair in ring.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let cross = a.0 * b.1 - b.0 * a.1;
        area += cross;
        cx += (a.0 + b.0) * cross;
        cy += (a.1 + b.1) * cross;
    }
    if area.abs() < 1e-18 {
        let n = ring.len().max(1) as f64;
        let sum = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (sum.0 / n, sum.1 / n);
    }
    (cx / (3.0 * area), cy / (3.0 * area))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vertex pairs of 沂水县's outline in the two shipped files: the AMap outline in GCJ-02
    /// (data/geo/linyi-371300-counties-gcj02.geojson) and the same outline converted to WGS 84
    /// by its packager (data/geo/yishui-371323-wgs84.geojson): independent reference values.
    const REFERENCE_PAIRS: [(Point, Point); 3] = [
        ((119.056853, 36.086954), (119.062713, 36.08719)),
        ((119.057182, 36.0855), (119.063042, 36.085736)),
        ((119.058199, 36.08195), (119.064061, 36.082187)),
    ];

    #[test]
    fn gcj02_matches_reference_values() {
        for (wgs, gcj) in REFERENCE_PAIRS {
            // The packager converted with the common one-step inverse (wgs ≈ gcj − offset(gcj));
            // our forward transform reproduces its numbers to the 6 decimals it kept...
            let offset_at_gcj = gcj02_from_wgs84(gcj);
            let one_step = (2.0 * gcj.0 - offset_at_gcj.0, 2.0 * gcj.1 - offset_at_gcj.1);
            assert!(
                (one_step.0 - wgs.0).abs() < 1.5e-6,
                "{one_step:?} vs {wgs:?}"
            );
            assert!(
                (one_step.1 - wgs.1).abs() < 1.5e-6,
                "{one_step:?} vs {wgs:?}"
            );
            // ...and our iterated inverse is within 2 m of it (the one-step error), and exact
            // against our forward transform.
            let back = wgs84_from_gcj02(gcj);
            let metres = ((back.0 - wgs.0).powi(2) + (back.1 - wgs.1).powi(2)).sqrt() * 111_000.0;
            assert!(metres < 2.0, "{metres} m");
            let again = gcj02_from_wgs84(back);
            assert!((again.0 - gcj.0).abs() < 1e-9 && (again.1 - gcj.1).abs() < 1e-9);
        }
    }

    #[test]
    fn gcj02_round_trips_and_is_identity_outside_china() {
        for point in [
            (118.6, 35.9),
            (116.397, 39.908),
            (121.47, 31.23),
            (87.6, 43.8),
        ] {
            let back = wgs84_from_gcj02(gcj02_from_wgs84(point));
            assert!((back.0 - point.0).abs() < 1e-8 && (back.1 - point.1).abs() < 1e-8);
            // The offset is a few hundred metres, never zero, inside China.
            let moved = gcj02_from_wgs84(point);
            let metres =
                ((moved.0 - point.0).powi(2) + (moved.1 - point.1).powi(2)).sqrt() * 111_000.0;
            assert!((50.0..1500.0).contains(&metres), "{metres}");
        }
        assert_eq!(gcj02_from_wgs84((2.35, 48.85)), (2.35, 48.85));
        assert_eq!(wgs84_from(Crs::Cgcs2000, (118.6, 35.9)), (118.6, 35.9));
    }

    #[test]
    fn projection_round_trips_and_keeps_aspect() {
        let bounds = Bounds {
            min: (118.3, 35.6),
            max: (119.1, 36.3),
        };
        let projection = Projection::fit_geographic(bounds, (400.0, 300.0), 10.0);
        for point in [(118.3, 35.6), (118.7, 36.0), (119.1, 36.3), (118.45, 36.21)] {
            let screen = projection.forward(point);
            let back = projection.inverse(screen);
            assert!((back.0 - point.0).abs() < 1e-9 && (back.1 - point.1).abs() < 1e-9);
        }
        // North is up, and the box fits inside the padding.
        let north = projection.forward((118.7, 36.3));
        let south = projection.forward((118.7, 35.6));
        assert!(north.1 < south.1);
        let west = projection.forward((118.3, 36.0));
        let east = projection.forward((119.1, 36.0));
        assert!(west.0 >= 9.99 && east.0 <= 390.01 && north.1 >= 9.99 && south.1 <= 290.01);
        // A degree of longitude is shorter than one of latitude by cos(latitude).
        let ratio = (east.0 - west.0) / 0.8 / ((south.1 - north.1) / 0.7);
        assert!(
            (ratio - 35.95_f64.to_radians().cos()).abs() < 1e-6,
            "{ratio}"
        );
    }

    #[test]
    fn view_zoom_keeps_the_anchor_fixed() {
        let view = ViewTransform::default().zoomed_at(2.0, (100.0, 50.0));
        let anchor_before = view.invert((100.0, 50.0));
        assert!((anchor_before.0 - 100.0).abs() < 1e-9 && (anchor_before.1 - 50.0).abs() < 1e-9);
        let more = view.zoomed_at(1000.0, (0.0, 0.0));
        assert_eq!(more.zoom, MAX_ZOOM);
        let less = view.zoomed_at(0.001, (0.0, 0.0));
        assert_eq!(less.zoom, MIN_ZOOM);
        let p = (3.0, 4.0);
        let back = view.invert(view.apply(p));
        assert!((back.0 - p.0).abs() < 1e-12 && (back.1 - p.1).abs() < 1e-12);
    }

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Ring {
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }

    #[test]
    fn point_in_polygon_with_holes_and_multipolygons() {
        let with_hole: Polygon = vec![square(0.0, 0.0, 10.0, 10.0), square(3.0, 3.0, 7.0, 7.0)];
        assert!(point_in_polygon((1.0, 1.0), &with_hole));
        assert!(!point_in_polygon((5.0, 5.0), &with_hole), "inside the hole");
        assert!(!point_in_polygon((11.0, 5.0), &with_hole));
        // A concave "U": the notch is outside.
        let u = vec![vec![
            (0.0, 0.0),
            (9.0, 0.0),
            (9.0, 9.0),
            (6.0, 9.0),
            (6.0, 3.0),
            (3.0, 3.0),
            (3.0, 9.0),
            (0.0, 9.0),
            (0.0, 0.0),
        ]];
        assert!(point_in_polygon((1.0, 8.0), &u));
        assert!(!point_in_polygon((4.5, 6.0), &u));
        // A multipolygon is a list of polygons: inside any of them.
        let islands = [
            vec![square(0.0, 0.0, 1.0, 1.0)],
            vec![square(5.0, 5.0, 6.0, 6.0)],
        ];
        let inside_any = |p: Point| islands.iter().any(|polygon| point_in_polygon(p, polygon));
        assert!(inside_any((5.5, 5.5)) && inside_any((0.5, 0.5)) && !inside_any((3.0, 3.0)));
    }

    #[test]
    fn a_shared_edge_belongs_to_exactly_one_polygon() {
        let left = vec![square(0.0, 0.0, 1.0, 1.0)];
        let right = vec![square(1.0, 0.0, 2.0, 1.0)];
        for y in [0.1, 0.5, 0.9] {
            let on_edge = (1.0, y);
            let owners = [&left, &right]
                .iter()
                .filter(|polygon| point_in_polygon(on_edge, polygon))
                .count();
            assert_eq!(owners, 1, "point {on_edge:?}");
        }
    }

    #[test]
    fn grid_index_finds_the_containing_item() {
        let boxes: Vec<Bounds> = (0..100)
            .map(|i| {
                let (x, y) = ((i % 10) as f64, (i / 10) as f64);
                Bounds {
                    min: (x, y),
                    max: (x + 1.0, y + 1.0),
                }
            })
            .collect();
        let index = GridIndex::new(&boxes, 4);
        for (item, bounds) in boxes.iter().enumerate() {
            let centre = bounds.centre();
            assert!(index.candidates(centre).contains(&(item as u32)));
        }
        assert!(index.candidates((-5.0, -5.0)).is_empty());
        assert!(index.candidates((4.5, 4.5)).len() <= 9);
    }

    #[test]
    fn simplify_keeps_shape_and_closure() {
        let mut ring: Ring = (0..=100)
            .map(|i| {
                let angle = f64::from(i) / 100.0 * std::f64::consts::TAU;
                (angle.cos(), angle.sin())
            })
            .collect();
        ring[100] = ring[0];
        let simplified = simplify(&ring, 0.01);
        assert!(simplified.len() < ring.len() && simplified.len() >= 4);
        assert_eq!(simplified.first(), simplified.last());
        let tiny = simplify(&ring, 10.0);
        assert_eq!(tiny.len(), 4);
        assert_eq!(tiny.first(), tiny.last());
        let c = ring_centroid(&ring);
        assert!(c.0.abs() < 1e-9 && c.1.abs() < 1e-9);
    }
}
