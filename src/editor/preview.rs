//! The preview: the real report (the reader's own page, `?data=editor-draft`) showing the draft,
//! at a phone's and a desktop's width, updated as the draft changes (the reader follows the
//! draft in this browser's storage). The whole report, one visual alone, or the embed view.

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::view::data_source::{DATA_PARAM, EDITOR_DRAFT};
use crate::core::view::visual::{visual_title, visuals_of_snapshot};
use crate::core::Language;
use crate::editor::context::use_editor;

/// The reader's address for the preview of `visual` ("" for the whole report).
pub fn preview_address(language: Language, visual: &str, embed: bool) -> String {
    let mut address = format!("./?{DATA_PARAM}={EDITOR_DRAFT}");
    if language == Language::En {
        address.push_str("&lang=en");
    }
    if !visual.is_empty() {
        address.push_str("&visual=");
        address.push_str(visual);
    }
    if embed {
        address.push_str("&embed=1");
    }
    address
}

#[component]
pub fn Preview() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let shown = RwSignal::new(false);
    let visual = RwSignal::new(String::new());
    let embed = RwSignal::new(false);
    let choices = move || {
        let language = language.get();
        let mut choices = vec![(
            String::new(),
            wording::WHOLE_REPORT.get(language).to_owned(),
        )];
        editor.draft.with(|draft| {
            if let Some(draft) = draft {
                let snapshot = draft.snapshot();
                choices.extend(visuals_of_snapshot(snapshot).into_iter().map(|found| {
                    let title =
                        visual_title(snapshot, &found, language).unwrap_or_else(|| found.param());
                    (found.param(), title)
                }));
            }
        });
        choices
    };
    let address = move || preview_address(language.get(), &visual.get(), embed.get());
    view! {
        <section class="editor-section preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{move || wording::SECTION_PREVIEW.get(language.get())}</h2>
            <p>{move || wording::PREVIEW_HELP.get(language.get())}</p>
            <div class="field-row preview-controls">
                <div class="field">
                    <label class="field-label" for="preview-visual">{move || wording::PREVIEW_WHAT.get(language.get())}</label>
                    <select id="preview-visual" class="field-input" on:change=move |event| visual.set(event_target_value(&event))>
                        {move || choices().into_iter().map(|(value, label)| {
                            let selected = visual.with_untracked(|visual| *visual == value);
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="preview-embed">
                    <input type="checkbox" on:change=move |event| embed.set(event_target_checked(&event)) />
                    {move || wording::PREVIEW_EMBED.get(language.get())}
                </label>
            </div>
            <button type="button" class="button button-secondary" data-action="preview" aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|shown| *shown = !*shown)>
                {move || if shown.get() { wording::HIDE_PREVIEW.get(language.get()) } else { wording::SHOW_PREVIEW.get(language.get()) }}
            </button>
            <Show when=move || shown.get()>
                <div class="preview-frames">
                    <div class="preview-phone">
                        <p class="field-label">{move || wording::PREVIEW_PHONE.get(language.get())}</p>
                        <iframe class="preview-frame-phone" src=address title=move || wording::PREVIEW_PHONE.get(language.get())></iframe>
                    </div>
                    <div class="preview-desktop">
                        <p class="field-label">{move || wording::PREVIEW_DESKTOP.get(language.get())}</p>
                        <div class="preview-desktop-box">
                            <iframe class="preview-frame-desktop" src=address title=move || wording::PREVIEW_DESKTOP.get(language.get())></iframe>
                        </div>
                    </div>
                </div>
            </Show>
        </section>
    }
}
