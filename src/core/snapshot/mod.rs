//! The snapshot: its format (the serde types, `model`, re-exported here), reading it (`load`,
//! `json_text`, `json_path`, the GeoJSON it may hold), the change list between two (`changes`), checking it (`validate`; and `quote_check`, figures against their quotes), the lookup index built once
//! it is checked (`index`), and synthetic snapshots for tests and benchmarks (`synthetic`).

pub mod changes;
pub mod geojson;
pub mod index;
pub mod json_path;
pub mod json_text;
pub mod load;
pub mod model;
pub mod quote_check;
pub mod reader_words;
pub mod synthetic;
pub mod validate;

pub use model::*;
