//! The village map: the drawing model and its colouring (`model`), drawing it (`draw`), and
//! the locator inset's outlines (`locator`), and finding a place by name (`search`).

pub mod draw;
pub mod locator;
pub mod model;
pub mod search;
