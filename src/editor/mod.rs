//! The editor page (`edit.html`, its own wasm bundle: `src/bin/editor.rs`). Township staff
//! update the report's figures in the browser: open the site's data (or a file), change
//! figures, villages and text, see every problem next to its field as they type (the same
//! checks as `snapshot check`), undo and redo, see the change list against the published data,
//! and download the snapshot. The draft is kept in the browser's storage as it is made.
//!
//! It reuses the core (`core::draft` for fields, history and wording; the snapshot reader,
//! validator, quote checks and change list) and the reader's stylesheet; nothing of it is in
//! the reader's bundle. One concern per file: `context` (shared state), `open` (where the
//! draft starts, files picked or dropped), `storage` (the kept draft), `toolbar`,
//! `field_input` (one field and what the checks say about it), `figures`, `places`,
//! `report_info` (as-of, sources, prose), `checks` (every problem, linked), `boundaries` (GeoJSON through the tool's reader), `preview` (the reader's own page showing the draft), `spreadsheets`
//! (CSV both ways through the `snapshot` tool's importer, `authoring`), `change_list`.

pub mod boundaries;
pub mod change_list;
pub mod checks;
pub mod context;
pub mod field_input;
pub mod figures;
pub mod open;
#[cfg(all(target_arch = "wasm32", feature = "pages"))]
pub mod page_maker;
pub mod places;
pub mod preview;
pub mod report_info;
pub mod site_folder;
pub mod spreadsheets;
pub mod storage;
pub mod toolbar;

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::Language;
use context::{use_editor, EditorContext};

/// Starts the editor in the page's `#editor`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    let Some(root) = crate::ui::dom::document()
        .and_then(|document| document.get_element_by_id("editor"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_inner_html("");
    crate::ui::dom::warn_on_error(
        root.set_attribute("data-ready", "1"),
        "mark the editor ready",
    );
    leptos::mount::mount_to(root, || view! { <Editor /> }).forget();
}

/// The language asked for in the address (`?lang=en`), else Chinese.
fn language_from_address() -> Language {
    let search = crate::ui::dom::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "lang=en")
    {
        Language::En
    } else {
        Language::Zh
    }
}

#[component]
pub fn Editor() -> impl IntoView {
    let editor = EditorContext::new();
    editor.language.set(language_from_address());
    provide_context(editor);
    leptos::task::spawn_local(open::start(editor));
    page_effects(editor);
    let language = editor.language;
    let ready = move || editor.draft.with(|draft| draft.is_some());
    view! {
        <div class="editor" on:dragover=|event: leptos::ev::DragEvent| event.prevent_default()
            on:drop=move |event: leptos::ev::DragEvent| {
                event.prevent_default();
                open::open_files(editor, event.data_transfer().and_then(|transfer| transfer.files()));
            }>
            <header class="editor-header">
                <h1>{move || wording::PAGE_TITLE.get(language.get())}</h1>
                <p>{move || wording::PAGE_PURPOSE.get(language.get())}</p>
                <p class="nothing-sent">{move || wording::NOTHING_SENT.get(language.get())}</p>
                <p><a href="./">{move || wording::BACK_TO_REPORT.get(language.get())}</a></p>
            </header>
            <Toolbar />
            {move || editor.draft.with(|draft| draft.as_ref().is_some_and(|draft| draft.snapshot().meta.synthetic)).then(|| view! {
                <p class="editor-notice editor-synthetic" role="note">{crate::core::wording::SYNTHETIC_DATA_NOT_REAL_FIGURES.get(language.get())}</p>
            })}
            <NoticeLine />
            <Show when=ready fallback=move || view! { <p class="loading">{wording::OPENING.get(language.get())}</p> }>
                <checks::ChecksSummary />
                <spreadsheets::Spreadsheets />
                <figures::FiguresEditor />
                <places::PlacesEditor />
                <boundaries::Boundaries />
                <report_info::ReportInfoEditor />
                <report_info::ProseEditor />
                <preview::Preview />
                <change_list::ChangeList />
                <site_folder::SiteFolder />
            </Show>
        </div>
    }
}

use toolbar::Toolbar;

#[component]
fn NoticeLine() -> impl IntoView {
    let editor = use_editor();
    move || {
        editor.notice.get().map(|notice| {
            view! {
                <div class=if notice.is_error { "editor-notice editor-notice-error" } else { "editor-notice" }
                    role=if notice.is_error { "alert" } else { "status" }>
                    <p>{notice.text}</p>
                    {(!notice.details.is_empty()).then(|| view! {
                        <ul>{notice.details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}</ul>
                    })}
                    {move || editor.pending_spreadsheet.with(|pending| pending.is_some()).then(|| view! {
                        <button type="button" class="button" data-action="take-spreadsheet" on:click=move |_| {
                            if let Some((name, bytes)) = editor.pending_spreadsheet.get_untracked() {
                                open::import_spreadsheet(editor, &name, bytes, true);
                            }
                        }>{wording::TAKE_SPREADSHEET.get(editor.language.get_untracked())}</button>
                    })}
                </div>
            }
        })
    }
}

/// What the editor does to the page around it: the language and large text on `<html>`, the
/// draft kept as it changes, the keyboard's undo and redo, asking before leaving.
fn page_effects(editor: EditorContext) {
    Effect::new(move |_| {
        let language = editor.language.get();
        let large = editor.large_text.get();
        if let Some(document) = crate::ui::dom::document() {
            document.set_title(wording::PAGE_TITLE.get(language));
            if let Some(root) = document.document_element() {
                crate::ui::dom::warn_on_error(
                    root.set_attribute("lang", language.tag()),
                    "set the language",
                );
                crate::ui::dom::warn_on_error(
                    root.set_attribute("data-large", if large { "1" } else { "0" }),
                    "set large text",
                );
            }
        }
    });
    // Keep the draft whenever it changes (also when it is the published data again: the
    // preview reads it from there).
    Effect::new(move |_| {
        editor.draft.with(|draft| {
            let Some(draft) = draft else { return };
            let base = editor.published.with_untracked(|published| {
                published
                    .as_ref()
                    .map(|published| published.fingerprint.clone())
                    .unwrap_or_default()
            });
            if !storage::keep_draft(draft.snapshot(), &base) {
                editor.say(
                    wording::draft_not_kept(editor.language.get_untracked()),
                    Vec::new(),
                    true,
                );
            }
        });
    });
    #[cfg(target_arch = "wasm32")]
    browser_listeners(editor);
}

#[cfg(target_arch = "wasm32")]
fn browser_listeners(editor: EditorContext) {
    use wasm_bindgen::JsCast;
    let Some(window) = crate::ui::dom::window() else {
        return;
    };
    let keys = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
        move |event: web_sys::KeyboardEvent| {
            if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
                return;
            }
            let key = event.key().to_lowercase();
            let forward = match (key.as_str(), event.shift_key()) {
                ("z", false) => false,
                ("z", true) | ("y", false) => true,
                _ => return,
            };
            event.prevent_default();
            editor.step(forward);
        },
    );
    crate::ui::dom::warn_on_error(
        window.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref()),
        "listen for undo keys",
    );
    keys.forget();
    let leaving = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            let unsaved = !editor.handed_over.get_untracked()
                && editor.published.with_untracked(|published| {
                    editor
                        .draft
                        .with_untracked(|draft| match (published, draft) {
                            (Some(published), Some(draft)) => {
                                published.snapshot != *draft.snapshot()
                            }
                            _ => false,
                        })
                });
            if unsaved {
                event.prevent_default();
                event.set_return_value("");
            }
        },
    );
    crate::ui::dom::warn_on_error(
        window.add_event_listener_with_callback("beforeunload", leaving.as_ref().unchecked_ref()),
        "ask before leaving",
    );
    leaving.forget();
}
