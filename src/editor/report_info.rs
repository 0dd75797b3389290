//! The report as a whole: its as-of date, period, title and description, its sources, and the
//! sections' titles and prose.

use leptos::prelude::*;

use crate::core::draft::field::{Field, SourceField};
use crate::core::draft::wording;
use crate::core::snapshot::Block;
use crate::core::Language;
use crate::editor::context::use_editor;
use crate::editor::field_input::{FieldInput, InputKind};

#[component]
pub fn ReportInfoEditor() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let sources = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .map_or(0, |draft| draft.snapshot().sources.len())
        })
    });
    view! {
        <section class="editor-section" aria-labelledby="report-heading">
            <h2 id="report-heading">{move || wording::SECTION_REPORT.get(language.get())}</h2>
            <div class="field-row">
                <FieldInput field=Field::AsOf label=wording::FIELD_AS_OF kind=InputKind::Date />
                <FieldInput field=Field::Period label=wording::FIELD_REPORT_PERIOD kind=InputKind::Line />
            </div>
            <div class="field-row">
                <FieldInput field=Field::Title(Language::Zh) label=wording::FIELD_TITLE_ZH kind=InputKind::Line />
                <FieldInput field=Field::Title(Language::En) label=wording::FIELD_TITLE_EN kind=InputKind::Line />
            </div>
            <FieldInput field=Field::Description(Language::Zh) label=wording::FIELD_DESCRIPTION_ZH kind=InputKind::Paragraph />
            <FieldInput field=Field::Description(Language::En) label=wording::FIELD_DESCRIPTION_EN kind=InputKind::Paragraph />
            <For each=move || 0..sources.get() key=|index| *index let:index>
                <SourceEditor index=index />
            </For>
        </section>
    }
}

#[component]
fn SourceEditor(index: usize) -> impl IntoView {
    let editor = use_editor();
    let heading = move || {
        editor.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.snapshot().sources.get(index))
                .map(|source| {
                    format!(
                        "{} · {}",
                        wording::FIELD_SOURCE.get(editor.language.get()),
                        source.id
                    )
                })
                .unwrap_or_default()
        })
    };
    let field = move |part| Field::Source(index, part);
    view! {
        <article class="figure-editor">
            <h3 class="figure-editor-title">{heading}</h3>
            <div class="field-row">
                <FieldInput field=field(SourceField::Title(Language::Zh)) label=wording::FIELD_SOURCE_TITLE_ZH kind=InputKind::Line />
                <FieldInput field=field(SourceField::Title(Language::En)) label=wording::FIELD_SOURCE_TITLE_EN kind=InputKind::Line />
                <FieldInput field=field(SourceField::Publisher(Language::Zh)) label=wording::FIELD_PUBLISHER_ZH kind=InputKind::Line />
                <FieldInput field=field(SourceField::Publisher(Language::En)) label=wording::FIELD_PUBLISHER_EN kind=InputKind::Line />
                <FieldInput field=field(SourceField::Date) label=wording::FIELD_SOURCE_DATE kind=InputKind::Date />
                <FieldInput field=field(SourceField::Url) label=wording::FIELD_SOURCE_URL kind=InputKind::Line />
            </div>
        </article>
    }
}

#[component]
pub fn ProseEditor() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    // (section, prose blocks' positions)
    let layout = Memo::new(move |_| {
        editor.draft.with(|draft| {
            draft.as_ref().map_or(Vec::new(), |draft| {
                draft
                    .snapshot()
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(section, found)| {
                        let prose: Vec<usize> = found
                            .blocks
                            .iter()
                            .enumerate()
                            .filter(|(_, block)| matches!(block, Block::Prose { .. }))
                            .map(|(position, _)| position)
                            .collect();
                        (section, prose)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="editor-section" aria-labelledby="prose-heading">
            <h2 id="prose-heading">{move || wording::SECTION_PROSE.get(language.get())}</h2>
            <For each=move || layout.get() key=|entry| entry.clone() let:entry>
                <article class="figure-editor">
                    <div class="field-row">
                        <FieldInput field=Field::SectionTitle(entry.0, Language::Zh) label=wording::FIELD_SECTION_TITLE_ZH kind=InputKind::Line />
                        <FieldInput field=Field::SectionTitle(entry.0, Language::En) label=wording::FIELD_SECTION_TITLE_EN kind=InputKind::Line />
                    </div>
                    {entry.1.iter().map(|block| view! {
                        <FieldInput field=Field::Prose(entry.0, *block, Language::Zh) label=wording::FIELD_PROSE_ZH kind=InputKind::Paragraph />
                        <FieldInput field=Field::Prose(entry.0, *block, Language::En) label=wording::FIELD_PROSE_EN kind=InputKind::Paragraph />
                    }).collect_view()}
                </article>
            </For>
        </section>
    }
}
