//! The village map: the drawing model and its colouring (`model`), drawing it (`draw`), the
//! viewport (`viewport`: projection, screen ↔ map, centring, the URL's zoom and centre), pointer
//! gestures (`gesture`), and
//! the locator inset's outlines (`locator`), and finding a place by name (`search`).

pub mod draw;
pub mod gesture;
pub mod locator;
pub mod model;
pub mod search;
pub mod viewport;
