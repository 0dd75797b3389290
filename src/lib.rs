//! 富官庄镇 report viewer.
//!
//! - [`core`]: the pure-Rust core (snapshot format, validation, and everything computable
//!   without a browser). Native unit tests.
//! - `ui` (wasm32 only): the thin Leptos layer that fetches the snapshot and draws it.
//!
//! See ARCHITECTURE.md.

pub mod core;

/// Building snapshots from CSV and GeoJSON (the native `snapshot` tool only).
#[cfg(not(target_arch = "wasm32"))]
pub mod authoring;

#[cfg(target_arch = "wasm32")]
pub mod ui;
