//! The change list (变更清单): every difference from the snapshot the site publishes now, for
//! the person who signs off. Printable on A4 (the rest of the page is left out of the print)
//! and downloadable as a text file.

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::snapshot::changes::{changes_between, Change, ChangeKind};
use crate::editor::context::use_editor;

#[component]
pub fn ChangeList() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let changes = Memo::new(move |_| {
        editor.published.with(|published| {
            editor.draft.with(|draft| match (published, draft) {
                (Some(published), Some(draft)) => {
                    changes_between(&published.snapshot, draft.snapshot())
                }
                _ => Vec::new(),
            })
        })
    });
    let against = move || {
        editor.published.with(|published| {
            published.as_ref().map(|published| {
                wording::changes_against(&published.snapshot.meta.as_of, language.get())
            })
        })
    };
    let print = move |_: leptos::ev::MouseEvent| {
        if let Some(window) = crate::ui::dom::window() {
            let root = window
                .document()
                .and_then(|document| document.document_element());
            if let Some(root) = &root {
                crate::ui::dom::warn_on_error(
                    root.class_list().add_1("printing-changes"),
                    "mark printing",
                );
            }
            crate::ui::dom::warn_on_error(window.print(), "print");
            if let Some(root) = &root {
                crate::ui::dom::warn_on_error(
                    root.class_list().remove_1("printing-changes"),
                    "unmark printing",
                );
            }
        }
    };
    let download = move |_: leptos::ev::MouseEvent| {
        let language = language.get_untracked();
        let mut text = format!(
            "\u{feff}{}\r\n{}\r\n\r\n",
            wording::SECTION_CHANGES.get(language),
            against().unwrap_or_default()
        );
        changes.with_untracked(|changes| {
            for change in changes {
                text.push_str(&change.described_in(language));
                text.push_str("\r\n");
            }
        });
        text.push_str("\r\n");
        text.push_str(wording::SIGN_OFF.get(language));
        text.push_str("\r\n");
        let name = match language {
            crate::core::Language::Zh => "变更清单.txt",
            crate::core::Language::En => "change-list.txt",
        };
        if let Err(error) =
            crate::ui::chart::download::offer_file(&text, "text/plain;charset=utf-8", name)
        {
            editor.say(error, Vec::new(), true);
        }
    };
    let kind_class = |change: &Change| match change.kind {
        ChangeKind::Added => "change change-added",
        ChangeKind::Removed => "change change-removed",
        ChangeKind::Changed => "change change-changed",
    };
    view! {
        <section class="editor-section change-list" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{move || wording::SECTION_CHANGES.get(language.get())}</h2>
            <p class="changes-against">{against}</p>
            {move || {
                let language = language.get();
                changes.with(|changes| if changes.is_empty() {
                    view! { <p class="no-changes">{wording::NO_CHANGES.get(language)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="changes">
                            {changes.iter().map(|change| view! {
                                <li class=kind_class(change)>{change.described_in(language)}</li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                })
            }}
            <p class="sign-off">{move || wording::SIGN_OFF.get(language.get())}</p>
            <div class="editor-actions">
                <button type="button" class="button button-secondary" on:click=print>{move || wording::PRINT_CHANGES.get(language.get())}</button>
                <button type="button" class="button button-secondary" on:click=download>{move || wording::DOWNLOAD_CHANGES.get(language.get())}</button>
            </div>
        </section>
    }
}
