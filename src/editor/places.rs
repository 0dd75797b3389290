//! The villages: name, official code, community, and the designations the report gives them
//! (level, source, the report's words).

use leptos::prelude::*;

use crate::core::draft::field::{DesignationField, Field, PlaceField};
use crate::core::draft::wording;
use crate::core::format::designation_label;
use crate::core::snapshot::{DesignationLevel, PlaceKind};
use crate::core::Language;
use crate::editor::context::use_editor;
use crate::editor::field_input::{FieldInput, InputKind};

/// Most places drawn at once; a search finds the others.
pub const MAX_PLACES_SHOWN: usize = 100;

#[component]
pub fn PlacesEditor() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let count = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .map_or(0, |draft| draft.snapshot().places.len())
        })
    });
    let query = RwSignal::new(String::new());
    // The places that match the search (name in either language, or code), at most
    // MAX_PLACES_SHOWN of them: a snapshot may hold thousands.
    let matching = Memo::new(move |_| {
        let query = query.with(|query| query.trim().to_lowercase());
        editor.draft.with(|draft| {
            let Some(draft) = draft else {
                return (Vec::new(), 0);
            };
            let found: Vec<usize> = draft
                .snapshot()
                .places
                .iter()
                .enumerate()
                .filter(|(_, place)| {
                    query.is_empty()
                        || place.name.zh.contains(&query)
                        || place.name.en.to_lowercase().contains(&query)
                        || place
                            .code
                            .as_deref()
                            .is_some_and(|code| code.contains(&query))
                })
                .map(|(index, _)| index)
                .collect();
            let total = found.len();
            (found.into_iter().take(MAX_PLACES_SHOWN).collect(), total)
        })
    });
    // The community choices, once for every place.
    let communities = Memo::new(move |_| {
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
    // Drawn only when opened.
    let open = RwSignal::new(false);
    view! {
        <section class="editor-section" aria-labelledby="places-heading">
            <h2 id="places-heading">{move || wording::SECTION_PLACES.get(language.get())}</h2>
            <details class="places-disclosure" on:toggle=move |event| {
                use wasm_bindgen::JsCast;
                if let Some(details) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(details.open());
                }
            }>
                <summary data-action="show-places">{move || wording::places_summary(count.get(), language.get())}</summary>
                <Show when=move || open.get()>
                    <div class="field">
                        <label class="field-label" for="place-search">{move || wording::PLACE_SEARCH.get(language.get())}</label>
                        <input id="place-search" class="field-input" type="search" autocomplete="off"
                            on:input=move |event| query.set(event_target_value(&event)) />
                    </div>
                    <p class="figure-values" role="status">{move || {
                        let (shown, total) = matching.get();
                        wording::places_shown(shown.len(), total, language.get())
                    }}</p>
                    <For each=move || matching.get().0 key=|index| *index let:index>
                        <PlaceEditor index=index communities=communities.into() sources=editor.source_choices.into() />
                    </For>
                </Show>
            </details>
        </section>
    }
}

#[component]
fn PlaceEditor(
    index: usize,
    communities: Signal<Vec<(String, String)>>,
    sources: Signal<Vec<(String, String)>>,
) -> impl IntoView {
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
    // How many designations the place has (their fields are drawn by position).
    let designations = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.snapshot().places.get(index))
                .map_or(0, |place| place.designations.len())
        })
    });
    let levels = Signal::derive(move || {
        let language = language.get();
        DesignationLevel::ALL
            .iter()
            .map(|&level| {
                (
                    level.as_str().to_owned(),
                    designation_label(level, language),
                )
            })
            .collect::<Vec<_>>()
    });
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
            <p class="figure-values"><strong>{move || wording::FIELD_DESIGNATIONS.get(language.get())}"："</strong>{move || (designations.get() == 0).then_some("—")}</p>
            <For each=move || 0..designations.get() key=|position| *position let:position>
                <div class="field-row designation-editor">
                    <FieldInput field=field(PlaceField::Designation(position, DesignationField::Level)) label=wording::FIELD_DESIGNATION_LEVEL kind=InputKind::Choice(levels) />
                    <FieldInput field=field(PlaceField::Designation(position, DesignationField::Source)) label=wording::FIELD_SOURCE kind=InputKind::Choice(sources) />
                </div>
                <FieldInput field=field(PlaceField::Designation(position, DesignationField::Quote)) label=wording::FIELD_QUOTE kind=InputKind::Paragraph />
            </For>
        </article>
    }
}
