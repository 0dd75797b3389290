//! A panic must never leave a dead page: the hook logs it to the console and puts a visible
//! notice with the panic text at the top of the page.

use wasm_bindgen::JsCast;

/// The id of the notice element, for tests and styling.
pub const PANIC_NOTICE_ID: &str = "panic-notice";

/// Installs the panic hook. Safe to call more than once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_notice(&info.to_string());
    }));
}

/// Shows (or replaces) the panic notice with `message`. Uses only the DOM, never Leptos: the
/// reactive system may be what panicked.
pub fn show_panic_notice(message: &str) {
    let Some(document) = crate::ui::dom::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if let Some(old) = document.get_element_by_id(PANIC_NOTICE_ID) {
        old.remove();
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id(PANIC_NOTICE_ID);
    notice.set_class_name("panic-notice");
    crate::ui::dom::warn_on_error(notice.set_attribute("role", "alert"), "set attribute");
    let heading = document.create_element("strong").ok();
    if let Some(heading) = &heading {
        heading.set_text_content(Some("出错了 · Something went wrong"));
        crate::ui::dom::warn_on_error(notice.append_child(heading), "append child");
    }
    if let Ok(detail) = document.create_element("pre") {
        // Text, never HTML: the message may quote snapshot data.
        detail.set_text_content(Some(message));
        crate::ui::dom::warn_on_error(notice.append_child(&detail), "append child");
    }
    if let Ok(reload) = document.create_element("a") {
        crate::ui::dom::warn_on_error(reload.set_attribute("href", ""), "set attribute");
        reload.set_text_content(Some("重新加载 · Reload"));
        crate::ui::dom::warn_on_error(notice.append_child(&reload), "append child");
    }
    if let Some(first) = body.first_child() {
        crate::ui::dom::warn_on_error(body.insert_before(&notice, Some(&first)), "insert before");
    } else {
        crate::ui::dom::warn_on_error(body.append_child(&notice), "append child");
    }
    if let Ok(element) = notice.dyn_into::<web_sys::HtmlElement>() {
        crate::ui::dom::warn_on_error(element.focus(), "focus");
    }
}
