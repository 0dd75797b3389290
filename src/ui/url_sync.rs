//! Keeps the view state and the page URL in step: the state is read from the URL at start and
//! on Back/Forward; every change is written back (a history entry for meaningful changes, a
//! quiet replacement, at most every 300 ms, for map panning and zooming).

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::view::state::{
    is_meaningful_change, query_from_view_state, view_state_from_query, ViewState,
};
use crate::core::wording::Worded;

/// The view state in context.
#[derive(Clone, Copy)]
pub struct ViewStateContext {
    pub state: RwSignal<ViewState>,
    /// Query parameters that were ignored, with why (shown as a short notice).
    pub ignored: RwSignal<Vec<Worded>>,
    /// The page's address without query or fragment: the site's published address when the
    /// build was told it (or empty), until the app runs in a browser and knows its own; so
    /// markup that shows it is taken over unchanged.
    pub address: RwSignal<String>,
}

/// The view state (provided by `App`; a default one in isolated component tests).
pub fn use_view_state() -> ViewStateContext {
    use_context::<ViewStateContext>().unwrap_or_else(|| ViewStateContext {
        state: RwSignal::new(ViewState::default()),
        ignored: RwSignal::new(Vec::new()),
        address: RwSignal::new(String::new()),
    })
}

/// The page's query string (`?…`), empty natively.
pub fn current_search() -> String {
    crate::ui::dom::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment.
pub fn page_address() -> String {
    crate::ui::dom::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The folder the site is served from (the page's address up to its last `/`).
pub fn site_folder() -> String {
    let address = page_address();
    address
        .rfind('/')
        .map_or(address.clone(), |slash| address[..=slash].to_owned())
}

/// A link to exactly `state`: on the page pre-rendered for its visual (with its own title and
/// preview) when the view shows one of the default snapshot's visuals alone, else on the
/// report's own page.
pub fn link_to(state: &ViewState) -> String {
    // Natively (the pre-rendered page) the address is not known: relative to the folder.
    let folder = site_folder();
    let page = match (&state.visual, &state.data) {
        (Some(visual), None) => visual.page_file(),
        _ if folder.is_empty() => "./".to_owned(),
        _ => String::new(),
    };
    link_at(&format!("{folder}{page}"), state)
}

/// A link to exactly `state` on the page at `address`.
pub fn link_at(address: &str, state: &ViewState) -> String {
    format!("{address}?{}", query_from_view_state(state))
}

fn write_url(state: &ViewState, push: bool) {
    let Some(history) = crate::ui::dom::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let url = format!("?{}", query_from_view_state(state));
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        web_sys::console::warn_1(&"could not update the address bar".into());
    }
}

/// Creates the view state and keeps it and the URL in step.
///
/// `shown_first` is the view the first render shows: the URL's, or, when the app takes over
/// the pre-rendered page, the default view that page was rendered in. Once `ready` (the page
/// is taken over), the view becomes `from_url` without a history entry, and the address bar
/// is rewritten fully specified; unless the reader changed the view before that (in a part
/// taken over already), which then stands.
pub fn provide_view_state(
    shown_first: ViewState,
    from_url: ViewState,
    ignored: Vec<Worded>,
    published_address: String,
    ready: Signal<bool>,
) -> ViewStateContext {
    let untouched = StoredValue::new(shown_first.clone());
    let context = ViewStateContext {
        state: RwSignal::new(shown_first),
        // Like the view, the notices about the URL come once the page is taken over: the
        // pre-rendered page has none, and hydrating must meet the markup it has.
        ignored: RwSignal::new(Vec::new()),
        address: RwSignal::new(published_address),
    };
    provide_context(context);
    let ignored_in_url = StoredValue::new(ignored);

    let written = StoredValue::new(from_url);
    let pending_timer = StoredValue::new(None::<i32>);
    let from_history = StoredValue::new(false);
    Effect::new(move |applied: Option<bool>| {
        let state = context.state.get();
        if applied != Some(true) {
            // Once the page is taken over (all of it, so every part is taken over in
            // the pre-rendered default view it was rendered in): the view from the URL.
            if !ready.get() {
                return false;
            }
            context.address.set(page_address());
            context.ignored.set(ignored_in_url.get_value());
            let from_url = written.get_value();
            if state != untouched.get_value() {
                // The reader chose something before the page was all taken over (a part
                // that was ready already): their choice stands, and the address follows it.
                write_url(&state, false);
                written.set_value(state);
                return true;
            }
            write_url(&from_url, false);
            if state != from_url {
                context.state.set(from_url);
            }
            return true;
        }
        if from_history.get_value() {
            from_history.set_value(false);
            written.set_value(state);
            return true;
        }
        let previous = written.get_value();
        if previous == state {
            return true;
        }
        let Some(window) = crate::ui::dom::window() else {
            return true;
        };
        if let Some(timer) = pending_timer.get_value() {
            window.clear_timeout_with_handle(timer);
            pending_timer.set_value(None);
        }
        if is_meaningful_change(&previous, &state) {
            write_url(&state, true);
            written.set_value(state);
        } else {
            // Map moves: write once the reader pauses.
            let callback = Closure::once_into_js(move || {
                pending_timer.set_value(None);
                let latest = context.state.get_untracked();
                write_url(&latest, false);
                written.set_value(latest);
            });
            if let Ok(timer) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                300,
            ) {
                pending_timer.set_value(Some(timer));
            }
        }
        true
    });
    // Back and Forward restore the view from the URL.
    if let Some(window) = crate::ui::dom::window() {
        let listener = Closure::<dyn Fn()>::new(move || {
            let (state, ignored) = view_state_from_query(&current_search());
            from_history.set_value(true);
            context.ignored.set(ignored);
            context.state.set(state);
        });
        crate::ui::dom::warn_on_error(
            window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref()),
            "add event listener with callback",
        );
        let kept = SendWrapper::new((window, listener));
        on_cleanup(move || {
            let (window, listener) = kept.take();
            crate::ui::dom::warn_on_error(
                window.remove_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                ),
                "remove event listener with callback",
            );
        });
    }
    context
}
