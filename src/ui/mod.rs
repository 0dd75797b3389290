//! The thin Leptos layer (wasm32 only). Each file holds one concern:
//!
//! - `app`: the root component and the load state machine,
//! - `snapshot_fetch`: fetching the snapshot over HTTP (the data layer),
//! - `load_error`: the on-page message for a failed load,
//! - `report_header`: the township name, report title and overview,
//! - `panic_notice`: the panic hook that shows a visible message instead of a dead page.

pub mod app;
pub mod load_error;
pub mod panic_notice;
pub mod report_header;
pub mod snapshot_fetch;

/// Starts the app: installs the panic hook and mounts the root component on `<body>`.
pub fn start() {
    panic_notice::install();
    leptos::mount::mount_to_body(app::App);
}
