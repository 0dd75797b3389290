//! Taking over the page (browser only).
//!
//! The page arrives with the whole report in its HTML, rendered at build time by the same
//! components (`prerender`) in the default view. When this view starts from that markup and
//! the snapshot fetched is the one the page was rendered from (same fingerprint, same build),
//! the app hydrates it: the DOM stays, nothing moves, and the components attach to it.
//! Otherwise (another snapshot, another language, embed mode, a page from another build) it
//! renders the view afresh in place of the pre-rendered markup.
//!
//! When the default snapshot cannot be fetched, the pre-rendered report stays on the page,
//! readable, with the error and a retry above it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::view::state::view_state_from_query;
use crate::core::view::visual::{query_for_page, Visual};
use crate::ui::app::{App, AppStart, LoadState, Rendering};
use crate::ui::dom::document;
use crate::ui::load_error::LoadError;
use crate::ui::snapshot_fetch::{fetch_snapshot, mark, DEFAULT_SNAPSHOT_URL};
use crate::ui::url_sync::current_search;

/// The element the app renders into; the pre-rendered page fills it at build time.
pub const ROOT_ID: &str = "app";
/// Above the root: a load error shown while the pre-rendered report stays.
pub const STATUS_ID: &str = "app-status";
/// On the root: the fingerprint of the snapshot the page was rendered from.
pub const SNAPSHOT_ATTRIBUTE: &str = "data-snapshot";
/// On the root: the site's published address, when the build was told it.
pub const SITE_ATTRIBUTE: &str = "data-site-url";
/// On the root: the build the page was rendered by.
pub const MARKUP_ATTRIBUTE: &str = "data-markup";
/// On the root: the visual a page was pre-rendered for (`visual=`'s spelling).
pub const VISUAL_ATTRIBUTE: &str = "data-visual";
/// This build's fingerprint (see `build.rs`).
pub const MARKUP_FINGERPRINT: &str = env!("MARKUP_FINGERPRINT");

fn root() -> Option<web_sys::HtmlElement> {
    document()?
        .get_element_by_id(ROOT_ID)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Starts the app in the page.
pub async fn run() {
    let Some(root) = root() else {
        web_sys::console::error_1(&format!("the page has no #{ROOT_ID} element").into());
        return;
    };
    let query = current_search();
    let prerendered = root.get_attribute(SNAPSHOT_ATTRIBUTE);
    let site_url = root.get_attribute(SITE_ATTRIBUTE);
    let same_build = root.get_attribute(MARKUP_ATTRIBUTE).as_deref() == Some(MARKUP_FINGERPRINT);
    // The visual the page was pre-rendered for (`visual-….html`), if any.
    let page_visual = root
        .get_attribute(VISUAL_ATTRIBUTE)
        .and_then(|param| Visual::from_param(&param));
    // A visual's page linked without `visual=` shows its visual.
    let query = query_for_page(&query, page_visual.as_ref());
    let (view, _) = view_state_from_query(&query);
    if prerendered.is_none() || !same_build || !view.starts_from_prerendered(page_visual.as_ref()) {
        render_afresh(&root, LoadState::Loading, None, query, site_url);
        return;
    }
    let page = PrerenderedPage {
        fingerprint: prerendered.unwrap_or_default(),
        site_url,
        visual: page_visual,
    };
    take_over(root, query, page).await;
}

/// What the pre-rendered page says of itself (attributes on the root).
#[derive(Clone)]
struct PrerenderedPage {
    /// The snapshot's fingerprint.
    fingerprint: String,
    site_url: Option<String>,
    /// The visual the page shows alone, if any.
    visual: Option<Visual>,
}

/// Fetches the default snapshot, then hydrates the page (or renders it afresh when the
/// snapshot is not the one the page shows). On failure the page stays, with the error above.
async fn take_over(root: web_sys::HtmlElement, query: String, page: PrerenderedPage) {
    match fetch_snapshot(DEFAULT_SNAPSHOT_URL).await {
        Ok(fetched) => {
            // Reading the snapshot and taking over the page are separate tasks: the main
            // thread is never held for both.
            next_task().await;
            clear_status();
            if fetched.fingerprint == page.fingerprint {
                let start = AppStart {
                    load: LoadState::Ready(Arc::new(fetched.snapshot)),
                    offline_copy: fetched.offline_copy,
                    query,
                    rendering: Rendering::Hydrating,
                    site_url: page.site_url,
                    page_visual: page.visual,
                };
                mark("app-hydrate-start");
                leptos::mount::hydrate_from(root, move || view! { <App start=start /> }).forget();
                mark("app-hydrated");
            } else {
                // A newer snapshot than the page was rendered from: show the newer one.
                render_afresh(
                    &root,
                    LoadState::Ready(Arc::new(fetched.snapshot)),
                    fetched.offline_copy,
                    query,
                    page.site_url,
                );
            }
        }
        Err(failure) => {
            // Said in the language the reader asked for (the page's own is Chinese).
            let language = crate::core::view::state::view_state_from_query(&query)
                .0
                .language;
            let Some(status) = status_slot(&root) else {
                return;
            };
            status.set_inner_html("");
            let retry_root = root.clone();
            let retry = Callback::new(move |()| {
                wasm_bindgen_futures::spawn_local(take_over(
                    retry_root.clone(),
                    query.clone(),
                    page.clone(),
                ));
            });
            leptos::mount::mount_to(status, move || {
                view! { <LoadError failure=failure language=language on_retry=Some(retry) on_load_default=None /> }
            })
            .forget();
        }
    }
}

/// Resolves in a later task (a zero-delay timer), letting the browser paint and handle input.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = crate::ui::dom::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Replaces whatever the root holds with the app rendered in the browser.
fn render_afresh(
    root: &web_sys::HtmlElement,
    load: LoadState,
    offline_copy: Option<String>,
    query: String,
    site_url: Option<String>,
) {
    clear_status();
    // No longer the pre-rendered report (the stylesheet hides that one for `?data=`).
    crate::ui::dom::warn_on_error(
        root.remove_attribute(SNAPSHOT_ATTRIBUTE),
        "remove attribute",
    );
    root.set_inner_html("");
    let start = AppStart {
        load,
        offline_copy,
        query,
        rendering: Rendering::Client,
        site_url,
        page_visual: None,
    };
    leptos::mount::mount_to(root.clone(), move || view! { <App start=start /> }).forget();
}

/// The element above the root for a load error, created when first needed.
fn status_slot(root: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let document = document()?;
    if let Some(existing) = document.get_element_by_id(STATUS_ID) {
        return existing.dyn_into().ok();
    }
    let slot = document.create_element("div").ok()?;
    slot.set_id(STATUS_ID);
    slot.set_class_name("app app-status");
    root.parent_node()?.insert_before(&slot, Some(root)).ok()?;
    slot.dyn_into().ok()
}

fn clear_status() {
    if let Some(status) = document().and_then(|document| document.get_element_by_id(STATUS_ID)) {
        status.remove();
    }
}
