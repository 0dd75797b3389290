//! The village map (`village_map`) and its pieces: shared state (`state`), the canvas with
//! its gestures (`map_canvas`, drawn at frame rate by `frames`), controls and keys
//! (`map_controls`), the card of a village, the accessible village list and the locator inset.

pub mod frames;
pub mod locator_inset;
pub mod map_canvas;
pub mod map_controls;
pub mod state;
pub mod village_card;
pub mod village_list;
pub mod village_map;
