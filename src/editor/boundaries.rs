//! Village boundaries: a GeoJSON file from the land survey, in the coordinate system the person
//! chooses, through the same reader as `snapshot build --geojson`: features matched to villages
//! by official code, then by name. Features that match no village are listed and nothing is
//! taken; villages left without a boundary are listed after.

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::geo::Crs;
use crate::core::snapshot::load::MAX_SNAPSHOT_BYTES;
use crate::editor::context::{use_editor, EditorContext};

/// How many of a file's problems are listed.
const MAX_DETAILS: usize = 20;

fn crs_label(crs: Crs, language: crate::core::Language) -> &'static str {
    match crs {
        Crs::Wgs84 => wording::CRS_WGS84.get(language),
        Crs::Gcj02 => wording::CRS_GCJ02.get(language),
        Crs::Cgcs2000 => wording::CRS_CGCS2000.get(language),
    }
}

/// Reads `bytes` as boundaries in `crs` into a copy of the draft: taken as one undoable step, or
/// refused with each problem (the feature it is about), the draft untouched.
pub fn import_boundaries(editor: EditorContext, name: &str, bytes: &[u8], crs: Crs) {
    let language = editor.language.get_untracked();
    let refuse =
        |details: Vec<String>| editor.say(wording::file_refused(name, language), details, true);
    if bytes.len() > MAX_SNAPSHOT_BYTES {
        refuse(vec![wording::too_large(
            bytes.len(),
            MAX_SNAPSHOT_BYTES,
            language,
        )]);
        return;
    }
    let text = match crate::authoring::text::decode(
        name,
        bytes,
        crate::authoring::text::EncodingChoice::Auto,
    ) {
        Ok(decoded) => decoded.text,
        Err(problem) => {
            refuse(vec![problem.get(language).to_owned()]);
            return;
        }
    };
    let Some(mut imported) = editor
        .draft
        .with_untracked(|draft| draft.as_ref().map(|draft| draft.snapshot().clone()))
    else {
        return;
    };
    let mut problems = Vec::new();
    let notes = crate::authoring::apply_geojson(&mut imported, name, &text, crs, &mut problems);
    if !problems.is_empty() {
        refuse(
            problems
                .iter()
                .take(MAX_DETAILS)
                .map(|problem| problem.get(language).to_owned())
                .collect(),
        );
        return;
    }
    let with_boundary = imported
        .places
        .iter()
        .filter(|place| place.geometry.is_some())
        .count();
    imported.reindex();
    editor.replace(imported);
    editor.say(
        wording::imported_boundaries(name, with_boundary, crs_label(crs, language), language),
        notes
            .iter()
            .map(|note| note.get(language).to_owned())
            .collect(),
        false,
    );
}

#[component]
pub fn Boundaries() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let crs = RwSignal::new(Crs::Wgs84);
    let on_file = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            let chosen = crs.get_untracked();
            leptos::task::spawn_local(async move {
                let name = file.name();
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => import_boundaries(
                        editor,
                        &name,
                        &js_sys::Uint8Array::new(&buffer).to_vec(),
                        chosen,
                    ),
                    Err(_) => editor.say(
                        wording::file_refused(&name, language.get_untracked()),
                        vec![wording::FILE_UNREADABLE
                            .get(language.get_untracked())
                            .to_owned()],
                        true,
                    ),
                }
            });
        }
        input.set_value("");
    };
    view! {
        <section class="editor-section" aria-labelledby="boundaries-heading">
            <h2 id="boundaries-heading">{move || wording::SECTION_BOUNDARIES.get(language.get())}</h2>
            <p>{move || wording::BOUNDARIES_HELP.get(language.get())}</p>
            <div class="field-row">
                <div class="field">
                    <label class="field-label" for="boundary-crs">{move || wording::BOUNDARIES_CRS.get(language.get())}</label>
                    <select id="boundary-crs" class="field-input" on:change=move |event| {
                        if let Ok(chosen) = event_target_value(&event).parse::<Crs>() {
                            crs.set(chosen);
                        }
                    }>
                        {move || Crs::ALL.iter().map(|&choice| view! {
                            <option value=choice.as_str() selected=crs.get_untracked() == choice>{crs_label(choice, language.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="open-file">
                <input id="boundary-file-input" class="visually-hidden-input" type="file" accept=".geojson,.json,application/geo+json,application/json" on:change=on_file />
                <label class="button button-secondary file-button" for="boundary-file-input">{move || wording::BOUNDARIES_OPEN.get(language.get())}</label>
            </div>
        </section>
    }
}
