//! The thin Leptos layer. The components compile for both targets: natively they render the
//! whole report into the page's HTML at build time (`prerender`); in the browser they hydrate
//! that HTML (`boot`) and make it interactive. Browser-only work lives in effects and event
//! handlers, which never run natively. Each file holds one concern:
//!
//! - the app shell: `app` (root component, load state), `boot` (browser: hydrate or render
//!   afresh), `prerender` (native: the page's HTML), `deferred` (hydrating block by block),
//!   `url_sync` and `preferences` (view state and what derives from it), `snapshot_fetch` (the
//!   data layer), `load_error`, `view_controls`, `visual_share`, `view_notices`, `dom`,
//!   `panic_notice` (browser);
//! - `report`: header, sections, figure cards, tables, timeline, one visual alone;
//! - `chart`: one chart and its downloads;
//! - `map`: the village map, its card, list and locator;
//! - `canvas`: what every canvas needs, and the SVG drawings of the pre-rendered page.

pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub mod boot;
pub mod canvas;
pub mod chart;
pub mod deferred;
pub mod dom;
pub mod heading;
pub mod load_error;
pub mod map;
#[cfg(target_arch = "wasm32")]
pub mod panic_notice;
pub mod preferences;
#[cfg(any(not(target_arch = "wasm32"), feature = "pages"))]
pub mod prerender;
pub mod report;
pub mod snapshot_fetch;
pub mod speech;
pub mod url_sync;
pub mod view_controls;
pub mod view_notices;
pub mod visual_share;

/// Starts the app: installs the panic hook, then hydrates the pre-rendered page or renders
/// the view afresh (`boot`).
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub fn start() {
    panic_notice::install();
    wasm_bindgen_futures::spawn_local(boot::run());
}
