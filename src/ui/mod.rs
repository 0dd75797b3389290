//! The thin Leptos layer. The components compile for both targets: natively they render the
//! whole report into the page's HTML at build time (`prerender`); in the browser they hydrate
//! that HTML (`boot`) and make it interactive. Browser-only work lives in effects and event
//! handlers, which never run natively. Each file holds one concern:
//!
//! - `app`: the root component and the load state machine,
//! - `boot` (browser): hydrate the pre-rendered page, or render afresh when it cannot be used,
//! - `prerender` (native): the page's HTML from a snapshot, with the same components,
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
//! - `wording`: wording shared by components and the build-time page,
//! - `dom`: the browser window, absent natively,
//! - `panic_notice` (browser): the panic hook that shows a visible message instead of a dead page.

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod boot;
pub mod canvas_frame;
pub mod canvas_text;
pub mod chart_figure;
pub mod deferred;
pub mod dom;
pub mod download;
pub mod embed;
pub mod figure_card;
pub mod indicator_table;
pub mod load_error;
pub mod locator_inset;
pub mod map_frames;
#[cfg(target_arch = "wasm32")]
pub mod panic_notice;
pub mod preferences;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod report_header;
pub mod report_view;
pub mod snapshot_fetch;
pub mod static_drawing;
pub mod timeline;
pub mod url_sync;
pub mod view_controls;
pub mod view_notices;
pub mod village_card;
pub mod village_list;
pub mod village_map;
pub mod wording;

/// Starts the app: installs the panic hook, then hydrates the pre-rendered page or renders
/// the view afresh (`boot`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic_notice::install();
    wasm_bindgen_futures::spawn_local(boot::run());
}
