//! A heading at a level chosen by where a component is shown (the map is under a section's
//! `h2` in the report, under the page's `h1` when shown alone), so heading levels never skip.

use leptos::prelude::*;

/// `<h2>`…`<h5>` holding `text` (levels outside that range are clamped).
pub fn heading(level: u8, text: String) -> AnyView {
    match level.clamp(2, 5) {
        2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        4 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}
