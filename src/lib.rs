//! 富官庄镇 report viewer.
//!
//! - [`core`]: the pure-Rust core (snapshot format, validation, and everything computable
//!   without a browser). Native unit tests.
//! - [`ui`]: the thin Leptos layer. Natively its components render the whole report to HTML at
//!   build time; in the browser the same components take that HTML over and make it interactive.
//!
//! See ARCHITECTURE.md.

pub mod core;

/// Building snapshots from CSV and GeoJSON: the `snapshot` tool (native) and the editor page.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod authoring;

pub mod ui;

/// The editor page (`edit.html`): its own bundle, reusing the core and the reader's stylesheet.
#[cfg(feature = "editor")]
pub mod editor;
