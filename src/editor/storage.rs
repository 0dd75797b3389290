//! The draft kept in the browser's storage as it is made: it survives a reload, a closed tab or
//! a crash. Kept with the fingerprint of the published data it started from and the time.
//! Nothing here leaves the browser.

use crate::core::draft::json_text_from_snapshot;
use crate::core::snapshot::Snapshot;

/// (The reader's preview, `?data=editor-draft`, reads the draft here too.)
const DRAFT_KEY: &str = crate::core::view::data_source::EDITOR_DRAFT_STORAGE_KEY;
const BASE_KEY: &str = "fuguanzhuang-editor:base";
const SAVED_AT_KEY: &str = "fuguanzhuang-editor:saved-at";
/// Where a kept draft that could not be read is set aside (never deleted by the editor).
const UNREADABLE_KEY: &str = "fuguanzhuang-editor:unreadable-draft";

/// A draft found in storage.
pub struct KeptDraft {
    pub text: String,
    /// Fingerprint of the published data it was made from.
    pub base: String,
    pub saved_at: String,
}

fn storage() -> Option<web_sys::Storage> {
    crate::ui::dom::window()?.local_storage().ok().flatten()
}

/// The kept draft, if there is one.
pub fn kept_draft() -> Option<KeptDraft> {
    let storage = storage()?;
    let text = storage.get_item(DRAFT_KEY).ok().flatten()?;
    Some(KeptDraft {
        text,
        base: storage
            .get_item(BASE_KEY)
            .ok()
            .flatten()
            .unwrap_or_default(),
        saved_at: storage
            .get_item(SAVED_AT_KEY)
            .ok()
            .flatten()
            .unwrap_or_default(),
    })
}

/// Keeps the draft; `false` when the browser would not (storage full or turned off).
pub fn keep_draft(snapshot: &Snapshot, base: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let Ok(text) = json_text_from_snapshot(snapshot) else {
        return false;
    };
    let saved_at = String::from(
        js_sys::Date::new_0().to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED),
    );
    storage.set_item(DRAFT_KEY, &text).is_ok()
        && storage.set_item(BASE_KEY, base).is_ok()
        && storage.set_item(SAVED_AT_KEY, &saved_at).is_ok()
}

/// Forgets the kept draft (it is the published data again).
pub fn forget_draft() {
    if let Some(storage) = storage() {
        for key in [DRAFT_KEY, BASE_KEY, SAVED_AT_KEY] {
            crate::ui::dom::warn_on_error(storage.remove_item(key), "forget the draft");
        }
    }
}

/// Sets an unreadable kept draft aside, so that nothing typed is ever deleted.
pub fn set_aside(text: &str) {
    if let Some(storage) = storage() {
        crate::ui::dom::warn_on_error(
            storage.set_item(UNREADABLE_KEY, text),
            "set the draft aside",
        );
        forget_draft();
    }
}
