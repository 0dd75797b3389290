//! One field of the draft: its label, the input, and what the checks say about it, next to it
//! (in the page's language, with the JSON path for IT staff).

use leptos::prelude::*;

use crate::core::draft::field::Field;
use crate::core::draft::wording;
use crate::core::wording::Text;
use crate::editor::context::{field_element_id, use_editor};

/// How a field is typed into.
#[derive(Clone)]
pub enum InputKind {
    /// One line of text.
    Line,
    /// A number (the phone's number keyboard; decimals allowed).
    Number,
    /// A date, YYYY-MM-DD.
    Date,
    /// A paragraph.
    Paragraph,
    /// One of these (value, label in the page's language).
    Choice(Signal<Vec<(String, String)>>),
}

#[component]
pub fn FieldInput(field: Field, label: Text, kind: InputKind) -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let id = field_element_id(field);
    let message_id = format!("{id}-says");
    let text = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| field.text_in(draft.snapshot()))
                .unwrap_or_default()
        })
    });
    // What the checks say here: the text refused, then problems, then warnings.
    let said = Memo::new(move |_| {
        let language = language.get();
        let mut lines: Vec<(bool, String)> = Vec::new();
        editor.refused.with(|refused| {
            if let Some(problem) = refused.get(&field) {
                lines.push((true, problem.message_in(language).to_owned()));
            }
        });
        editor.check.with(|check| {
            let (problems, warnings) = check.at(field);
            lines.extend(
                problems
                    .into_iter()
                    .map(|problem| (true, problem.message_in(language).to_owned())),
            );
            lines.extend(
                warnings
                    .into_iter()
                    .map(|warning| (false, warning.message_in(language).to_owned())),
            );
        });
        lines
    });
    let invalid = move || {
        said.with(|lines| lines.iter().any(|(error, _)| *error))
            .to_string()
    };
    let described_by = message_id.clone();
    let on_input = move |event: leptos::ev::Event| editor.edit(field, &event_target_value(&event));
    let end_step = move || {
        editor.draft.update_untracked(|draft| {
            if let Some(draft) = draft {
                draft.end_step();
            }
        })
    };
    let input = match kind {
        InputKind::Paragraph => view! {
            <textarea id=id.clone() class="field-input" rows="4" prop:value=move || text.get()
                aria-invalid=invalid aria-describedby=described_by.clone()
                on:input=on_input on:change=move |_| end_step()></textarea>
        }
        .into_any(),
        InputKind::Choice(options) => view! {
            <select id=id.clone() class="field-input" prop:value=move || text.get()
                aria-invalid=invalid aria-describedby=described_by.clone()
                on:change=move |event| { on_input(event); end_step(); }>
                {move || options.get().into_iter().map(|(value, label)| {
                    let selected = text.with(|text| *text == value);
                    view! { <option value=value selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        InputKind::Line | InputKind::Number | InputKind::Date => {
            // Always type="text" (a number field would drop "1,200" or "２３８" before the check
            // could say what is wrong); the keyboard a phone shows follows `inputmode`.
            let (mode, placeholder) = match kind {
                InputKind::Number => ("decimal", ""),
                InputKind::Date => ("numeric", "YYYY-MM-DD"),
                _ => ("text", ""),
            };
            view! {
                <input id=id.clone() class="field-input" type="text" inputmode=mode
                    placeholder=placeholder autocomplete="off" prop:value=move || text.get()
                    aria-invalid=invalid aria-describedby=described_by.clone()
                    on:input=on_input on:change=move |_| end_step() />
            }
            .into_any()
        }
    };
    let path = field.path();
    view! {
        <div class="field" class:field-has-problem=move || said.with(|lines| lines.iter().any(|(error, _)| *error))>
            <label for=id class="field-label">{move || label.get(language.get())}</label>
            {input}
            <div id=message_id class="field-says" aria-live="polite">
                {move || said.get().into_iter().map(|(error, line)| view! {
                    <p class=if error { "field-problem" } else { "field-warning" }>
                        {line}
                        " "<span class="field-path">{move || wording::PATH_FOR_IT.get(language.get())}" "<code>{path.clone()}</code></span>
                    </p>
                }).collect_view()}
            </div>
        </div>
    }
}
