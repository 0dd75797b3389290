//! Pointer gestures on the map, as a state machine: one finger (or the mouse) drags, two
//! pinch-zoom and pan, a short press without moving is a tap, two taps close together a double
//! tap. Pure: the app feeds it pointer events (id, CSS px, ms) and applies what it returns.

use std::collections::BTreeMap;

use crate::core::geo::{Point, ViewTransform};

/// A press that moves less than this (CSS px) is still a tap.
pub const TAP_SLOP: f64 = 6.0;
/// A press longer than this (ms) is not a tap.
pub const TAP_MAX_MS: f64 = 600.0;
/// A second tap within this time (ms) and distance (CSS px) of the first is a double tap.
pub const DOUBLE_TAP_MS: f64 = 350.0;
pub const DOUBLE_TAP_DISTANCE: f64 = 30.0;

/// What a lifted pointer meant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tap {
    /// Select what is there.
    Single(Point),
    /// Zoom in there.
    Double(Point),
}

/// The pointers down and where the gesture started.
#[derive(Debug, Default, Clone)]
pub struct Gesture {
    pointers: BTreeMap<i32, Point>,
    start_view: ViewTransform,
    start_points: Vec<Point>,
    moved: bool,
    down_at: f64,
    last_tap: Option<(f64, Point)>,
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn midpoint(a: Point, b: Point) -> Point {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

impl Gesture {
    /// Whether any pointer is down.
    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// A pointer went down at `point` at `now` ms, the map showing `view`.
    pub fn down(&mut self, id: i32, point: Point, now: f64, view: ViewTransform) {
        self.pointers.insert(id, point);
        self.start_view = view;
        self.start_points = self.pointers.values().copied().collect();
        if self.pointers.len() == 1 {
            self.moved = false;
            self.down_at = now;
        } else {
            self.moved = true;
        }
    }

    /// A pointer moved: the view to show now, when the gesture moves the map.
    pub fn moved(&mut self, id: i32, point: Point) -> Option<ViewTransform> {
        if !self.pointers.contains_key(&id) {
            return None;
        }
        self.pointers.insert(id, point);
        let points: Vec<Point> = self.pointers.values().copied().collect();
        match (points.as_slice(), self.start_points.as_slice()) {
            ([now], [start]) => {
                if distance(*now, *start) > TAP_SLOP {
                    self.moved = true;
                }
                self.moved
                    .then(|| self.start_view.panned((now.0 - start.0, now.1 - start.1)))
            }
            ([a, b], [start_a, start_b]) => {
                let start_mid = midpoint(*start_a, *start_b);
                let mid = midpoint(*a, *b);
                let factor = distance(*a, *b) / distance(*start_a, *start_b).max(1.0);
                Some(
                    self.start_view
                        .zoomed_at(factor, start_mid)
                        .panned((mid.0 - start_mid.0, mid.1 - start_mid.1)),
                )
            }
            _ => None,
        }
    }

    /// A pointer went up at `point` at `now` ms, the map showing `view`: a tap, if it was one.
    pub fn up(&mut self, id: i32, point: Point, now: f64, view: ViewTransform) -> Option<Tap> {
        let was_single = self.pointers.len() == 1 && self.start_points.len() == 1;
        self.pointers.remove(&id);
        self.start_points = self.pointers.values().copied().collect();
        self.start_view = view;
        if !(was_single && !self.moved && now - self.down_at < TAP_MAX_MS) {
            return None;
        }
        let double = self.last_tap.is_some_and(|(time, at)| {
            now - time < DOUBLE_TAP_MS && distance(at, point) < DOUBLE_TAP_DISTANCE
        });
        self.last_tap = if double { None } else { Some((now, point)) };
        Some(if double {
            Tap::Double(point)
        } else {
            Tap::Single(point)
        })
    }

    /// A pointer was cancelled (the browser took it over).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.remove(&id);
        self.start_points = self.pointers.values().copied().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: ViewTransform = ViewTransform {
        zoom: 1.0,
        pan: (0.0, 0.0),
    };

    #[test]
    fn a_short_still_press_is_a_tap_and_two_close_ones_a_double_tap() {
        let mut gesture = Gesture::default();
        gesture.down(1, (100.0, 100.0), 0.0, HOME);
        assert_eq!(
            gesture.moved(1, (102.0, 101.0)),
            None,
            "within the slop: no pan"
        );
        assert_eq!(
            gesture.up(1, (102.0, 101.0), 120.0, HOME),
            Some(Tap::Single((102.0, 101.0)))
        );
        gesture.down(1, (110.0, 105.0), 300.0, HOME);
        assert_eq!(
            gesture.up(1, (110.0, 105.0), 380.0, HOME),
            Some(Tap::Double((110.0, 105.0)))
        );
        // A third tap starts afresh.
        gesture.down(1, (110.0, 105.0), 500.0, HOME);
        assert_eq!(
            gesture.up(1, (110.0, 105.0), 560.0, HOME),
            Some(Tap::Single((110.0, 105.0)))
        );
    }

    #[test]
    fn a_long_or_far_press_is_not_a_tap() {
        let mut gesture = Gesture::default();
        gesture.down(1, (0.0, 0.0), 0.0, HOME);
        assert_eq!(gesture.up(1, (0.0, 0.0), 700.0, HOME), None, "too long");
        let mut far = Gesture::default();
        far.down(1, (0.0, 0.0), 0.0, HOME);
        let _ = far.moved(1, (20.0, 0.0));
        assert_eq!(far.up(1, (20.0, 0.0), 100.0, HOME), None, "dragged");
        // Two taps far apart are two single taps.
        let mut apart = Gesture::default();
        apart.down(1, (0.0, 0.0), 0.0, HOME);
        assert!(matches!(
            apart.up(1, (0.0, 0.0), 50.0, HOME),
            Some(Tap::Single(_))
        ));
        apart.down(1, (200.0, 0.0), 100.0, HOME);
        assert!(matches!(
            apart.up(1, (200.0, 0.0), 150.0, HOME),
            Some(Tap::Single(_))
        ));
    }

    #[test]
    fn one_finger_drags_the_map() {
        let mut gesture = Gesture::default();
        gesture.down(1, (50.0, 50.0), 0.0, HOME);
        let view = gesture.moved(1, (80.0, 40.0)).expect("a pan");
        assert_eq!(
            view,
            ViewTransform {
                zoom: 1.0,
                pan: (30.0, -10.0)
            }
        );
        assert_eq!(
            gesture.moved(7, (0.0, 0.0)),
            None,
            "a pointer that never went down"
        );
    }

    #[test]
    fn two_fingers_pinch_about_their_middle() {
        let mut gesture = Gesture::default();
        gesture.down(1, (100.0, 100.0), 0.0, HOME);
        gesture.down(2, (200.0, 100.0), 10.0, HOME);
        // Apart to twice the distance, the middle staying at (150, 100).
        let _ = gesture.moved(1, (50.0, 100.0));
        let view = gesture.moved(2, (250.0, 100.0)).expect("a pinch");
        assert!((view.zoom - 2.0).abs() < 1e-9, "{view:?}");
        let middle = view.invert((150.0, 100.0));
        assert!((middle.0 - 150.0).abs() < 1e-9 && (middle.1 - 100.0).abs() < 1e-9);
        // Lifting a finger of a pinch is no tap.
        assert_eq!(gesture.up(2, (250.0, 100.0), 100.0, view), None);
        gesture.cancel(1);
        assert!(!gesture.active());
    }
}
