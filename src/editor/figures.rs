//! The figures, grouped by programme: each one's value, qualifier, unit, period, the report's
//! words, source and note. Further periods and values by village are shown as they are.

use leptos::prelude::*;

use crate::core::draft::field::{Field, IndicatorField, NOT_STATED};
use crate::core::draft::wording;
use crate::core::format::{format_value, with_unit};
use crate::core::snapshot::{IndicatorKind, Qualifier};
use crate::core::wording::{QUALIFIER_ABOUT, QUALIFIER_AT_LEAST, QUALIFIER_AT_MOST};
use crate::core::Language;
use crate::editor::context::use_editor;
use crate::editor::field_input::{FieldInput, InputKind};

/// The qualifier's choices, in the page's language.
fn qualifier_choices(language: Language) -> Vec<(String, String)> {
    [
        (Qualifier::Exact.as_str(), wording::QUALIFIER_EXACT),
        (Qualifier::AtLeast.as_str(), QUALIFIER_AT_LEAST),
        (Qualifier::About.as_str(), QUALIFIER_ABOUT),
        (Qualifier::AtMost.as_str(), QUALIFIER_AT_MOST),
        (NOT_STATED, wording::QUALIFIER_NOT_STATED),
    ]
    .into_iter()
    .map(|(value, label)| (value.to_owned(), label.get(language).to_owned()))
    .collect()
}

fn kind_choices(language: Language) -> Vec<(String, String)> {
    [
        (IndicatorKind::Count, wording::KIND_COUNT),
        (IndicatorKind::Measure, wording::KIND_MEASURE),
    ]
    .into_iter()
    .map(|(kind, label)| (kind.as_str().to_owned(), label.get(language).to_owned()))
    .collect()
}

#[component]
pub fn FiguresEditor() -> impl IntoView {
    let editor = use_editor();
    // Programmes and the positions of their figures (structure only: re-rendered when figures
    // are added or removed, not as values are typed).
    let groups = Memo::new(move |_| {
        editor.draft.with(|draft| {
            let Some(snapshot) = draft.as_ref().map(|draft| draft.snapshot()) else {
                return Vec::new();
            };
            let mut groups: Vec<(String, Vec<usize>)> = snapshot
                .programmes
                .iter()
                .map(|programme| (programme.id.clone(), Vec::new()))
                .collect();
            for (index, indicator) in snapshot.indicators.iter().enumerate() {
                match groups.iter_mut().find(|(id, _)| *id == indicator.programme) {
                    Some((_, members)) => members.push(index),
                    None => groups.push((indicator.programme.clone(), vec![index])),
                }
            }
            groups
        })
    });
    view! {
        <section class="editor-section" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{move || wording::SECTION_FIGURES.get(editor.language.get())}</h2>
            <For each=move || groups.get() key=|group| group.clone() let:group>
                <ProgrammeFigures programme=group.0 members=group.1 />
            </For>
        </section>
    }
}

#[component]
fn ProgrammeFigures(programme: String, members: Vec<usize>) -> impl IntoView {
    let editor = use_editor();
    let heading = {
        let programme = programme.clone();
        move || {
            let language = editor.language.get();
            editor.draft.with(|draft| {
                draft
                    .as_ref()
                    .and_then(|draft| draft.snapshot().programme(&programme))
                    .map_or(programme.clone(), |found| {
                        found.label.get(language).to_owned()
                    })
            })
        }
    };
    view! {
        <details class="programme" open=true>
            <summary><h3 class="programme-title">{heading}</h3></summary>
            {members.into_iter().map(|index| view! { <FigureEditor index=index /> }).collect_view()}
        </details>
    }
}

#[component]
fn FigureEditor(index: usize) -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let field = move |part| Field::Indicator(index, part);
    let heading = move || {
        let language = language.get();
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.snapshot().indicators.get(index))
                .map(|indicator| {
                    wording::figure_heading(indicator.label.get(language), &indicator.id, language)
                })
                .unwrap_or_default()
        })
    };
    let sources: Signal<Vec<(String, String)>> = editor.source_choices.into();
    // Other periods and values by village, as they are (they come from the spreadsheets).
    let more = move || {
        let language = language.get();
        editor.draft.with(|draft| {
            let indicator = draft.as_ref()?.snapshot().indicators.get(index)?;
            let unit = indicator.unit.get(language);
            let series: Vec<String> = indicator
                .series
                .iter()
                .map(|point| {
                    format!(
                        "{}: {}",
                        point.period,
                        with_unit(
                            &format_value(point.value, point.qualifier, language),
                            unit,
                            language
                        )
                    )
                })
                .collect();
            let places: Vec<String> = indicator
                .by_place
                .iter()
                .map(|value| {
                    let snapshot = draft.as_ref()?.snapshot();
                    let name = snapshot
                        .place(&value.place)
                        .map_or(value.place.clone(), |place| {
                            place.name.get(language).to_owned()
                        });
                    Some(format!(
                        "{name}: {}",
                        with_unit(
                            &format_value(value.value, value.qualifier, language),
                            unit,
                            language
                        )
                    ))
                })
                .collect::<Option<_>>()?;
            Some((series, places))
        })
    };
    view! {
        <article class="figure-editor" aria-label=heading>
            <h4 class="figure-editor-title">{heading}</h4>
            <div class="field-row">
                <FieldInput field=field(IndicatorField::Value) label=wording::FIELD_VALUE kind=InputKind::Number />
                <FieldInput field=field(IndicatorField::Qualifier) label=wording::FIELD_QUALIFIER
                    kind=InputKind::Choice(Signal::derive(move || qualifier_choices(language.get()))) />
                <FieldInput field=field(IndicatorField::Unit(Language::Zh)) label=wording::FIELD_UNIT_ZH kind=InputKind::Line />
                <FieldInput field=field(IndicatorField::Period) label=wording::FIELD_PERIOD kind=InputKind::Line />
            </div>
            <FieldInput field=field(IndicatorField::Quote) label=wording::FIELD_QUOTE kind=InputKind::Paragraph />
            <div class="field-row">
                <FieldInput field=field(IndicatorField::Source) label=wording::FIELD_SOURCE kind=InputKind::Choice(sources) />
                <FieldInput field=field(IndicatorField::Kind) label=wording::FIELD_KIND
                    kind=InputKind::Choice(Signal::derive(move || kind_choices(language.get()))) />
                <FieldInput field=field(IndicatorField::Unit(Language::En)) label=wording::FIELD_UNIT_EN kind=InputKind::Line />
            </div>
            <details class="figure-more">
                <summary>{move || format!("{} · {} · {}", wording::FIELD_LABEL_ZH.get(language.get()), wording::FIELD_NOTE_ZH.get(language.get()), wording::FIELD_OTHER_PERIODS.get(language.get()))}</summary>
                <div class="field-row">
                    <FieldInput field=field(IndicatorField::Label(Language::Zh)) label=wording::FIELD_LABEL_ZH kind=InputKind::Line />
                    <FieldInput field=field(IndicatorField::Label(Language::En)) label=wording::FIELD_LABEL_EN kind=InputKind::Line />
                </div>
                <FieldInput field=field(IndicatorField::Note(Language::Zh)) label=wording::FIELD_NOTE_ZH kind=InputKind::Paragraph />
                <FieldInput field=field(IndicatorField::Note(Language::En)) label=wording::FIELD_NOTE_EN kind=InputKind::Paragraph />
                {move || more().map(|(series, places)| view! {
                    <p class="figure-values"><strong>{wording::FIELD_OTHER_PERIODS.get(language.get())}"："</strong>{if series.is_empty() { "—".to_owned() } else { series.join("；") }}</p>
                    <p class="figure-values"><strong>{wording::FIELD_PLACE_VALUES.get(language.get())}"："</strong>{if places.is_empty() { "—".to_owned() } else { places.join("；") }}</p>
                })}
            </details>
        </article>
    }
}
