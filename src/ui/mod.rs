//! The thin Leptos layer (wasm32 only). Each file holds one concern:
//!
//! - `app`: the root component and the load state machine,
//! - `snapshot_fetch`: fetching the snapshot over HTTP (the data layer),
//! - `load_error`: the on-page message for a failed load,
//! - `url_sync`: the view state (everything a reader chose) kept in step with the URL,
//! - `preferences`: language, colour scheme and large text derived from it,
//! - `view_controls`, `view_notices`, `embed`: sharing, embedding and URL notices,
//! - `report_header`: the township name, report title, sources and section navigation,
//! - `report_view`: the sections and their blocks,
//! - `figure_card`, `chart_figure`, `indicator_table`, `village_list`: one block kind each,
//! - `download`: PNG / SVG / CSV files of a chart,
//! - `village_map`, `village_card`, `locator_inset`: the map and what it opens,
//! - `panic_notice`: the panic hook that shows a visible message instead of a dead page.

pub mod app;
pub mod bench;
pub mod canvas_frame;
pub mod canvas_text;
pub mod chart_figure;
pub mod download;
pub mod embed;
pub mod figure_card;
pub mod indicator_table;
pub mod load_error;
pub mod locator_inset;
pub mod map_frames;
pub mod panic_notice;
pub mod preferences;
pub mod report_header;
pub mod report_view;
pub mod snapshot_fetch;
pub mod timeline;
pub mod url_sync;
pub mod view_controls;
pub mod view_notices;
pub mod village_card;
pub mod village_list;
pub mod village_map;

/// Starts the app: installs the panic hook and mounts the root component on `<body>`.
pub fn start() {
    panic_notice::install();
    leptos::mount::mount_to_body(app::App);
}
