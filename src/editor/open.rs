//! Where the draft starts: the kept draft, else the site's current data file; and a data file
//! the person picks or drops, read with the same reader and checks as `snapshot check`.

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::snapshot::load::{snapshot_fingerprint, snapshot_for_editing, MAX_SNAPSHOT_BYTES};
use crate::editor::context::{EditorContext, Published};
use crate::editor::storage;

/// The site's data file, next to the editor page.
pub const SITE_DATA: &str = "./data/snapshot.json";

/// Reads the site's data file and starts the draft (from the kept one when there is one).
pub async fn start(editor: EditorContext) {
    let site = fetch_text(SITE_DATA).await.and_then(|text| {
        snapshot_for_editing(&text)
            .map(|(snapshot, _)| Published {
                fingerprint: snapshot_fingerprint(&text),
                snapshot,
            })
            .map_err(|problems| {
                problems
                    .iter()
                    .map(|problem| problem.described_in(editor.language.get_untracked()))
                    .collect()
            })
    });
    let language = editor.language.get_untracked();
    match site {
        Ok(published) => {
            editor.published.set(Some(published.clone()));
            match storage::kept_draft() {
                Some(kept) => match snapshot_for_editing(&kept.text) {
                    // A kept draft with no changes is just the published data: nothing to say.
                    Ok((snapshot, _)) if snapshot == published.snapshot => editor.replace(snapshot),
                    Ok((snapshot, _)) => {
                        let said = if kept.base == published.fingerprint {
                            wording::draft_restored(&kept.saved_at, language)
                        } else {
                            wording::draft_from_other_data(&kept.saved_at, language)
                        };
                        editor.replace(snapshot);
                        editor.say(said, Vec::new(), false);
                    }
                    Err(_) => {
                        storage::set_aside(&kept.text);
                        editor.replace(published.snapshot);
                        editor.say(wording::draft_unreadable(language), Vec::new(), true);
                    }
                },
                None => editor.replace(published.snapshot),
            }
        }
        Err(details) => {
            editor.say(wording::site_data_unreadable(language), details, true);
            if let Some(kept) = storage::kept_draft() {
                if let Ok((snapshot, _)) = snapshot_for_editing(&kept.text) {
                    editor.replace(snapshot);
                }
            }
        }
    }
    // Starting is not a step to undo.
    editor.draft.update(|draft| {
        if let Some(draft) = draft {
            *draft = crate::core::draft::history::Draft::new(draft.snapshot().clone());
        }
    });
}

async fn fetch_text(url: &str) -> Result<String, Vec<String>> {
    let failed = |detail: String| vec![format!("{url}: {detail}")];
    let response = gloo_net::http::Request::get(url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| failed(error.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response
        .text()
        .await
        .map_err(|error| failed(error.to_string()))
}

/// Opens a file the person picked or dropped. A file that is too large or cannot be read as a
/// snapshot is refused with the reasons, naming the file; the draft is untouched.
pub async fn open_file(editor: EditorContext, file: web_sys::File) {
    let name = file.name();
    let language = editor.language.get_untracked();
    let refuse = |details: Vec<String>| {
        editor.say(wording::file_refused(&name, language), details, true);
    };
    if file.size() > MAX_SNAPSHOT_BYTES as f64 {
        refuse(vec![wording::too_large(
            file.size() as usize,
            MAX_SNAPSHOT_BYTES,
            language,
        )]);
        return;
    }
    let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            refuse(vec![wording::FILE_UNREADABLE.get(language).to_owned()]);
            return;
        }
    };
    if !is_snapshot_file(&name, &bytes) {
        import_spreadsheet(editor, &name, bytes, false);
        return;
    }
    let text = match crate::core::snapshot::load::snapshot_text_from_bytes(bytes) {
        Ok(text) => text,
        Err(problem) => {
            refuse(vec![problem.described_in(language)]);
            return;
        }
    };
    match snapshot_for_editing(&text) {
        Ok((snapshot, problems)) => {
            editor.replace(snapshot);
            editor.say(
                wording::opened_file(&name, problems.len(), language),
                Vec::new(),
                false,
            );
        }
        Err(problems) => refuse(
            problems
                .iter()
                .take(MAX_DETAILS)
                .map(|problem| problem.described_in(language))
                .collect(),
        ),
    }
}

/// Whether a picked or dropped file is a data file (snapshot.json): by its name, else by its
/// first character (JSON starts with `{`). Anything else goes to the spreadsheet importer,
/// which reads workbooks and CSV and names what else a file is.
fn is_snapshot_file(name: &str, bytes: &[u8]) -> bool {
    if name.to_lowercase().ends_with(".json") {
        return true;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|&byte| byte == b'{')
}

/// A spreadsheet (an Excel workbook, or CSV in UTF-8 or GBK) through the same importer as `snapshot build`, into a copy
/// of the draft: taken as one undoable step when it has no problems, else refused with each
/// problem's file, line and column, the draft untouched. When its only problems are figures
/// already in the draft that it changes, they are listed and the person is asked
/// (`replace_existing` once they say yes).
pub fn import_spreadsheet(
    editor: EditorContext,
    name: &str,
    bytes: Vec<u8>,
    replace_existing: bool,
) {
    let language = editor.language.get_untracked();
    let Some(before) = editor
        .draft
        .with_untracked(|draft| draft.as_ref().map(|draft| draft.snapshot().clone()))
    else {
        return;
    };
    let mut imported = before.clone();
    let mut existing = crate::authoring::Existing {
        replace: replace_existing,
        conflicts: 0,
    };
    editor.pending_spreadsheet.set(None);
    match crate::authoring::apply_spreadsheet_file(&mut imported, name, &bytes, &mut existing) {
        Ok(encoding) => {
            let changes = crate::core::snapshot::changes::changes_between(&before, &imported).len();
            imported.reindex();
            editor.replace(imported);
            editor.say(
                wording::imported_spreadsheet(name, changes, encoding, language),
                Vec::new(),
                false,
            );
        }
        Err(problems) => {
            let details = problems
                .iter()
                .take(MAX_DETAILS)
                .map(|problem| problem.get(language).to_owned())
                .collect();
            if existing.conflicts == problems.len() {
                editor
                    .pending_spreadsheet
                    .set(Some((name.to_owned(), bytes)));
                editor.say(
                    wording::spreadsheet_changes_figures(name, problems.len(), language),
                    details,
                    false,
                );
            } else {
                editor.say(wording::file_refused(name, language), details, true);
            }
        }
    }
}

/// How many of a refused file's problems are listed.
const MAX_DETAILS: usize = 20;

/// Opens the first file of a pick or a drop.
pub fn open_files(editor: EditorContext, files: Option<web_sys::FileList>) {
    if let Some(file) = files.and_then(|files| files.get(0)) {
        leptos::task::spawn_local(open_file(editor, file));
    }
}

/// The file picker and what dropping does.
#[component]
pub fn OpenFile() -> impl IntoView {
    let editor = crate::editor::context::use_editor();
    let language = editor.language;
    view! {
        <div class="open-file">
            <input id="open-file-input" class="visually-hidden-input" type="file" accept=".json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                on:change=move |event| {
                    use wasm_bindgen::JsCast;
                    let input = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let Some(input) = input {
                        open_files(editor, input.files());
                        input.set_value("");
                    }
                } />
            <label class="button button-secondary file-button" for="open-file-input">{move || wording::OPEN_FILE.get(language.get())}</label>
            <span class="drop-hint">{move || wording::DROP_HINT.get(language.get())}</span>
        </div>
    }
}
