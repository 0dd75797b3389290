//! Editing a snapshot (the editor page, `src/editor/`): the fields people change and how typed
//! text goes into them (`field`), undo and redo (`history`), and what the editor checks and
//! hands over. No DOM: tested natively.

pub mod field;
pub mod history;
pub mod wording;

use crate::core::snapshot::quote_check::quote_warnings;
use crate::core::snapshot::validate::{validate_snapshot, Problem};
use crate::core::snapshot::Snapshot;

/// What the editor says about a draft: problems (the same checks as `snapshot check`; a draft
/// with problems cannot be published) and warnings (figures against their quotes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftCheck {
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl DraftCheck {
    pub fn of(snapshot: &Snapshot) -> Self {
        Self {
            problems: validate_snapshot(snapshot),
            warnings: quote_warnings(snapshot),
        }
    }

    /// The problems and then the warnings at a field.
    pub fn at(&self, field: field::Field) -> (Vec<&Problem>, Vec<&Problem>) {
        fn owned(list: &[Problem], field: field::Field) -> Vec<&Problem> {
            list.iter()
                .filter(|problem| field.owns_problem_at(&problem.path))
                .collect()
        }
        (owned(&self.problems, field), owned(&self.warnings, field))
    }
}

/// The snapshot as a file: the same text `snapshot build` writes (pretty JSON, a final newline).
pub fn json_text_from_snapshot(snapshot: &Snapshot) -> Result<String, String> {
    serde_json::to_string_pretty(snapshot)
        .map(|text| text + "\n")
        .map_err(|error| error.to_string())
}
