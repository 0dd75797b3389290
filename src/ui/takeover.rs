//! Taking the pre-rendered page's place without anything moving on screen.
//!
//! The browser build renders client-side (leptos `csr`): it does not hydrate. Instead, each
//! part of the page (the app shell first, then each report block in its own task) is rendered
//! by the same components over the pre-rendered markup, in one synchronous step the browser
//! never paints in the middle of:
//! 1. the part's pre-rendered children are taken out of the document ([`take_children`]);
//! 2. the components render the part afresh in the pre-rendered view ([`while_taking_over`]
//!    tells them: controls inert, drawings left to the pre-rendered SVG);
//! 3. what the browser build cannot draw itself is moved over from the pre-rendered children:
//!    the block contents the shell leaves empty, the SVG drawings a block leaves empty
//!    ([`move_over`]).
//!
//! The markup rendered is the pre-rendered markup (same components, same view), so the page
//! looks exactly as before; the e2e tests compare every box across the takeover.

use std::cell::Cell;

use wasm_bindgen::JsCast;

thread_local! {
    static TAKING_OVER: Cell<bool> = const { Cell::new(false) };
}

/// Runs `render` with components told they render over the pre-rendered page.
pub fn while_taking_over<T>(render: impl FnOnce() -> T) -> T {
    let before = TAKING_OVER.with(|flag| flag.replace(true));
    let rendered = render();
    TAKING_OVER.with(|flag| flag.set(before));
    rendered
}

/// Whether the component being created renders over the pre-rendered page.
pub fn is_taking_over() -> bool {
    TAKING_OVER.with(Cell::get)
}

/// Moves `element`'s children out of the document, into a fragment.
pub fn take_children(element: &web_sys::Element) -> Option<web_sys::DocumentFragment> {
    let fragment = element.owner_document()?.create_document_fragment();
    while let Some(child) = element.first_child() {
        fragment.append_child(&child).ok()?;
    }
    Some(fragment)
}

/// Moves the children of each element matching `selector` in `from` into the matching element
/// (same selector, same order) in `to`. Returns false when the two do not pair up (then
/// nothing is moved): the caller's part shows what it rendered itself.
pub fn move_over(from: &web_sys::DocumentFragment, to: &web_sys::Element, selector: &str) -> bool {
    let (Ok(sources), Ok(targets)) = (
        from.query_selector_all(selector),
        to.query_selector_all(selector),
    ) else {
        return false;
    };
    if sources.length() != targets.length() {
        web_sys::console::warn_1(
            &format!(
                "pre-rendered page: {} × {selector} but {} rendered; drawn afresh",
                sources.length(),
                targets.length()
            )
            .into(),
        );
        return false;
    }
    for index in 0..sources.length() {
        let (Some(source), Some(target)) = (sources.item(index), targets.item(index)) else {
            return false;
        };
        let (Ok(source), Ok(target)) = (
            source.dyn_into::<web_sys::Element>(),
            target.dyn_into::<web_sys::Element>(),
        ) else {
            return false;
        };
        while let Some(child) = source.first_child() {
            if target.append_child(&child).is_err() {
                return false;
            }
        }
    }
    true
}
