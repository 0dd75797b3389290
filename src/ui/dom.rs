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
