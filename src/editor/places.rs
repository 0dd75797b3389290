//! The villages: name, official code, community; their designations as they are.

use leptos::prelude::*;

use crate::core::draft::field::{Field, PlaceField};
use crate::core::draft::wording;
use crate::core::format::designation_label;
use crate::core::snapshot::PlaceKind;
use crate::core::Language;
use crate::editor::context::use_editor;
use crate::editor::field_input::{FieldInput, InputKind};

#[component]
pub fn PlacesEditor() -> impl IntoView {
    let editor = use_editor();
    let count = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .map_or(0, |draft| draft.snapshot().places.len())
        })
    });
    view! {
        <section class="editor-section" aria-labelledby="places-heading">
            <h2 id="places-heading">{move || wording::SECTION_PLACES.get(editor.language.get())}</h2>
            <For each=move || 0..count.get() key=|index| *index let:index>
                <PlaceEditor index=index />
            </For>
        </section>
    }
}

#[component]
fn PlaceEditor(index: usize) -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let heading = move || {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.snapshot().places.get(index))
                .map(|place| place.name.get(language.get()).to_owned())
                .unwrap_or_default()
        })
    };
    let communities = Signal::derive(move || {
        let language = language.get();
        let mut choices = vec![(
            String::new(),
            wording::NO_COMMUNITY.get(language).to_owned(),
        )];
        editor.draft.with(|draft| {
            if let Some(draft) = draft {
                choices.extend(
                    draft
                        .snapshot()
                        .places
                        .iter()
                        .filter(|place| place.kind == PlaceKind::Community)
                        .map(|place| (place.id.clone(), place.name.get(language).to_owned())),
                );
            }
        });
        choices
    });
    let designations = move || {
        let language = language.get();
        editor.draft.with(|draft| {
            let place = draft.as_ref()?.snapshot().places.get(index)?;
            let labels: Vec<String> = place
                .designations
                .iter()
                .map(|designation| designation_label(designation.level, language))
                .collect();
            Some(if labels.is_empty() {
                "—".to_owned()
            } else {
                labels.join("；")
            })
        })
    };
    let field = move |part| Field::Place(index, part);
    view! {
        <article class="place-editor" aria-label=heading>
            <h3 class="figure-editor-title">{heading}</h3>
            <div class="field-row">
                <FieldInput field=field(PlaceField::Name(Language::Zh)) label=wording::FIELD_NAME_ZH kind=InputKind::Line />
                <FieldInput field=field(PlaceField::Name(Language::En)) label=wording::FIELD_NAME_EN kind=InputKind::Line />
                <FieldInput field=field(PlaceField::Code) label=wording::FIELD_CODE kind=InputKind::Number />
                <FieldInput field=field(PlaceField::Community) label=wording::FIELD_COMMUNITY kind=InputKind::Choice(communities) />
            </div>
            <p class="figure-values"><strong>{move || wording::FIELD_DESIGNATIONS.get(language.get())}"："</strong>{designations}</p>
        </article>
    }
}
