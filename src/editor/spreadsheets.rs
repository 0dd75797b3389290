//! Spreadsheets both ways: the draft's figures and values by village as an Excel workbook and
//! as CSV files (UTF-8 with BOM), what `snapshot export` writes; an edited file comes back
//! through "open" (`open::import_spreadsheet`, the same importer as `snapshot build`).

use leptos::prelude::*;

use crate::authoring::{by_place_csv_from_snapshot, indicators_csv_from_snapshot};
use crate::core::draft::wording;
use crate::core::snapshot::Snapshot;
use crate::core::wording::Text;
use crate::editor::context::use_editor;

#[component]
pub fn Spreadsheets() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let offer = move |write: fn(&Snapshot) -> String, name: Text| {
        let text = editor
            .draft
            .with_untracked(|draft| draft.as_ref().map(|draft| write(draft.snapshot())));
        if let Some(text) = text {
            let name = name.get(language.get_untracked());
            if let Err(error) =
                crate::ui::chart::download::offer_file(&text, "text/csv;charset=utf-8", name)
            {
                editor.say(error, Vec::new(), true);
            }
        }
    };
    let offer_workbook = move |_| {
        let workbook = editor.draft.with_untracked(|draft| {
            draft
                .as_ref()
                .map(|draft| crate::authoring::xlsx::xlsx_from_snapshot(draft.snapshot()))
        });
        let name = wording::XLSX_NAME.get(language.get_untracked());
        let offered = match workbook {
            Some(Ok(bytes)) => crate::ui::chart::download::offer_bytes(
                &bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                name,
            ),
            Some(Err(error)) => Err(error),
            None => Ok(()),
        };
        if let Err(error) = offered {
            editor.say(
                wording::WORKBOOK_NOT_MADE.get(language.get_untracked()),
                vec![error],
                true,
            );
        }
    };
    view! {
        <section class="editor-section" aria-labelledby="spreadsheets-heading">
            <h2 id="spreadsheets-heading">{move || wording::SPREADSHEETS_HEADING.get(language.get())}</h2>
            <p>{move || wording::SPREADSHEETS_HELP.get(language.get())}</p>
            <div class="editor-actions">
                <button type="button" class="button" data-action="download-xlsx" on:click=offer_workbook>
                    {move || wording::DOWNLOAD_XLSX.get(language.get())}
                </button>
                <button type="button" class="button button-secondary" data-action="download-indicators-csv"
                    on:click=move |_| offer(indicators_csv_from_snapshot, wording::INDICATORS_CSV_NAME)>
                    {move || wording::DOWNLOAD_INDICATORS_CSV.get(language.get())}
                </button>
                <button type="button" class="button button-secondary" data-action="download-by-place-csv"
                    on:click=move |_| offer(by_place_csv_from_snapshot, wording::BY_PLACE_CSV_NAME)>
                    {move || wording::DOWNLOAD_BY_PLACE_CSV.get(language.get())}
                </button>
            </div>
        </section>
    }
}
