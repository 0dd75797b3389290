//! Embedding in a portal page: the app tells the parent page its content height whenever it
//! changes, so the host script (`public/embed.js`) can size the iframe.
//!
//! Messages posted to `window.parent` (target origin `*`: the height is not a secret):
//! - `{"type": "fuguanzhuang-viewer:height", "height": <CSS px>, "href": <this page's URL>}`
//! - `{"datawrapper-height": {"fuguanzhuang-viewer": <CSS px>}}`, the format many portals'
//!   existing chart-embedding listeners already understand.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn post_height(height: f64) {
    let Some(window) = crate::ui::dom::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let href = window.location().href().unwrap_or_default();
    let height = height.ceil();
    let message = js_sys::Object::new();
    crate::ui::dom::warn_on_error(
        js_sys::Reflect::set(
            &message,
            &"type".into(),
            &"fuguanzhuang-viewer:height".into(),
        ),
        "into",
    );
    crate::ui::dom::warn_on_error(
        js_sys::Reflect::set(&message, &"height".into(), &height.into()),
        "into",
    );
    crate::ui::dom::warn_on_error(
        js_sys::Reflect::set(&message, &"href".into(), &href.into()),
        "into",
    );
    crate::ui::dom::warn_on_error(parent.post_message(&message, "*"), "post message");
    let inner = js_sys::Object::new();
    crate::ui::dom::warn_on_error(
        js_sys::Reflect::set(&inner, &"fuguanzhuang-viewer".into(), &height.into()),
        "into",
    );
    let legacy = js_sys::Object::new();
    crate::ui::dom::warn_on_error(
        js_sys::Reflect::set(&legacy, &"datawrapper-height".into(), &inner),
        "into",
    );
    crate::ui::dom::warn_on_error(parent.post_message(&legacy, "*"), "post message");
}

/// Starts reporting the page height to the parent (only does anything inside an iframe).
pub fn report_height_to_parent() {
    let Some(window) = crate::ui::dom::window() else {
        return;
    };
    if window
        .parent()
        .ok()
        .flatten()
        .is_none_or(|parent| parent == window)
    {
        return;
    }
    let Some(body) = window.document().and_then(|document| document.body()) else {
        return;
    };
    let last = StoredValue::new(0.0_f64);
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        // The content's own height: where the body's content ends. (The root's scrollHeight
        // never drops below the iframe's current height, so it could only ever grow.)
        let Some(window) = crate::ui::dom::window() else {
            return;
        };
        let Some(body) = window.document().and_then(|d| d.body()) else {
            return;
        };
        let scroll_y = window.scroll_y().unwrap_or(0.0);
        let Some(last_child) = body.last_element_child() else {
            return;
        };
        let bottom = (0..body.child_element_count())
            .filter_map(|index| body.children().item(index))
            .map(|child| child.get_bounding_client_rect().bottom())
            .fold(last_child.get_bounding_client_rect().bottom(), f64::max);
        let height = bottom + scroll_y;
        if (height - last.get_value()).abs() >= 1.0 {
            last.set_value(height);
            post_height(height);
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    let kept = SendWrapper::new((observer, callback));
    on_cleanup(move || {
        let (observer, _callback) = kept.take();
        observer.disconnect();
    });
}
