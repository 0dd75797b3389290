//! The editor's bar: undo and redo, language, large text, opening a file, handing over the
//! snapshot, discarding the draft.

use leptos::prelude::*;

use crate::core::draft::{json_text_from_snapshot, wording};
use crate::core::Language;
use crate::editor::context::use_editor;
use crate::editor::open::OpenFile;

#[component]
pub fn Toolbar() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let can_undo = move || {
        editor
            .draft
            .with(|draft| draft.as_ref().is_some_and(|draft| draft.can_undo()))
    };
    let can_redo = move || {
        editor
            .draft
            .with(|draft| draft.as_ref().is_some_and(|draft| draft.can_redo()))
    };
    let problems = move || editor.problem_count();
    let download = move |_: leptos::ev::MouseEvent| {
        let text = editor.draft.with_untracked(|draft| {
            draft
                .as_ref()
                .map(|draft| json_text_from_snapshot(draft.snapshot()))
        });
        match text {
            Some(Ok(text)) => match crate::ui::chart::download::offer_file(
                &text,
                "application/json",
                "snapshot.json",
            ) {
                Ok(()) => editor.handed_over.set(true),
                Err(error) => editor.say(error, Vec::new(), true),
            },
            Some(Err(error)) => editor.say(error, Vec::new(), true),
            None => {}
        }
    };
    let discard = move |_: leptos::ev::MouseEvent| {
        if let Some(published) = editor.published.get_untracked() {
            editor.replace(published.snapshot);
            editor.say(
                wording::DRAFT_DISCARDED.get(language.get_untracked()),
                Vec::new(),
                false,
            );
        }
    };
    view! {
        <div class="editor-toolbar" role="toolbar" aria-label=move || wording::PAGE_TITLE.get(language.get())>
            <button type="button" class="button button-secondary" data-action="undo" aria-keyshortcuts="Control+Z"
                disabled=move || !can_undo() on:click=move |_| editor.step(false)>{move || wording::UNDO.get(language.get())}</button>
            <button type="button" class="button button-secondary" data-action="redo" aria-keyshortcuts="Control+Y Control+Shift+Z"
                disabled=move || !can_redo() on:click=move |_| editor.step(true)>{move || wording::REDO.get(language.get())}</button>
            <OpenFile />
            <button type="button" class="button" data-action="download-snapshot" disabled=move || { problems() > 0 } on:click=download>
                {move || if problems() > 0 { wording::fix_problems_first(problems(), language.get()) } else { wording::DOWNLOAD_SNAPSHOT.get(language.get()).to_owned() }}
            </button>
            <button type="button" class="button button-secondary" data-action="discard" on:click=discard>{move || wording::DISCARD_DRAFT.get(language.get())}</button>
            <button type="button" class="button button-secondary" data-action="language"
                lang=move || match language.get() { Language::Zh => "en", Language::En => "zh-CN" }
                aria-label=move || wording::LANGUAGE_SWITCH_LABEL.get(language.get())
                on:click=move |_| language.update(|language| *language = match language { Language::Zh => Language::En, Language::En => Language::Zh })>
                {move || wording::LANGUAGE_SWITCH.get(language.get())}
            </button>
            <button type="button" class="button button-secondary" data-action="large" aria-pressed=move || editor.large_text.get().to_string()
                on:click=move |_| editor.large_text.update(|large| *large = !*large)>{move || wording::LARGE_TEXT.get(language.get())}</button>
        </div>
    }
}
