//! The browser, where there is one. The same components also render natively at build time
//! (the pre-rendered page), where there is no window: these return `None` there, so component
//! code that reaches for the browser simply does nothing natively.

/// The browser window (`None` when rendering natively).
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The page's document (`None` when rendering natively).
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Logs a browser call that failed, with what it was for, instead of dropping the error: these
/// calls rarely fail, and the app carries on without them (an attribute for tests, a focus
/// move, a message to the host page), but a failure should be visible in the console.
pub fn warn_on_error<T>(result: Result<T, wasm_bindgen::JsValue>, what: &str) {
    if let Err(error) = result {
        web_sys::console::warn_2(&format!("{what} failed:").into(), &error);
    }
}
