//! Every problem and warning of the draft in one list, each linking to its field.

use leptos::prelude::*;

use crate::core::draft::wording;
use crate::core::snapshot::validate::Problem;
use crate::core::Language;
use crate::editor::context::{element_id_from_path, use_editor};

fn lines(list: &[Problem], language: Language) -> Vec<(String, String, String)> {
    list.iter()
        .map(|problem| {
            (
                format!("#{}", element_id_from_path(&problem.path)),
                problem.message_in(language).to_owned(),
                problem.path.clone(),
            )
        })
        .collect()
}

#[component]
pub fn ChecksSummary() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let summary = move || {
        editor.check.with(|check| {
            let language = language.get();
            let refused = editor.refused.with(|refused| refused.len());
            let problems = check.problems.len() + refused;
            if problems == 0 && check.warnings.is_empty() {
                wording::ALL_CHECKS_PASS.get(language).to_owned()
            } else {
                wording::check_summary(problems, check.warnings.len(), language)
            }
        })
    };
    let list = |heading: wording_heading::Heading| {
        move || {
            let language = language.get();
            let entries = editor.check.with(|check| match heading {
                wording_heading::Heading::Problems => {
                    let mut entries = editor.refused.with(|refused| {
                        lines(&refused.values().cloned().collect::<Vec<_>>(), language)
                    });
                    entries.extend(lines(&check.problems, language));
                    entries
                }
                wording_heading::Heading::Warnings => lines(&check.warnings, language),
            });
            (!entries.is_empty()).then(|| {
                let title = match heading {
                    wording_heading::Heading::Problems => wording::PROBLEMS_HEADING,
                    wording_heading::Heading::Warnings => wording::WARNINGS_HEADING,
                };
                view! {
                    <h3>{title.get(language)}</h3>
                    <ul class="check-list">
                        {entries.into_iter().map(|(href, message, path)| view! {
                            <li><a href=href>{message}</a>" "<code class="field-path">{path}</code></li>
                        }).collect_view()}
                    </ul>
                }
            })
        }
    };
    view! {
        <section class="editor-section checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{move || wording::SECTION_CHECKS.get(language.get())}</h2>
            <p class="check-summary" role="status">{summary}</p>
            {list(wording_heading::Heading::Problems)}
            {list(wording_heading::Heading::Warnings)}
        </section>
    }
}

mod wording_heading {
    #[derive(Clone, Copy)]
    pub enum Heading {
        Problems,
        Warnings,
    }
}
