//! One chart (`figure`: the canvas with its pointer and keyboard handling), the pieces around
//! it (`parts`: tooltip, table view, legend, key, actions), what they share (`state`), and
//! its downloads.

pub mod download;
pub mod figure;
pub mod parts;
pub mod state;
