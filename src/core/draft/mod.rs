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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::field::{Field, IndicatorField};
    use crate::core::snapshot::load::{snapshot_for_editing, snapshot_from_json_text};

    const DEFAULT: &str = include_str!("../../../data/snapshot.json");

    #[test]
    fn the_file_handed_over_reads_back_as_the_same_snapshot() {
        let snapshot = snapshot_from_json_text(DEFAULT).expect("valid");
        let text = json_text_from_snapshot(&snapshot).expect("written");
        assert!(text.ends_with("}\n"));
        assert_eq!(snapshot_from_json_text(&text).expect("valid"), snapshot);
    }

    #[test]
    fn a_draft_with_problems_opens_for_mending_and_its_checks_find_them() {
        let mut snapshot = snapshot_from_json_text(DEFAULT).expect("valid");
        snapshot.indicators[0].source = "no-such-source".to_owned();
        snapshot.indicators[1].value = Some(999_999.0);
        let text = json_text_from_snapshot(&snapshot).expect("written");
        assert!(snapshot_from_json_text(&text).is_err());
        let (opened, problems) = snapshot_for_editing(&text).expect("readable");
        assert_eq!(opened, snapshot);
        let check = DraftCheck::of(&opened);
        assert_eq!(check.problems, problems);
        let (at_source, _) = check.at(Field::Indicator(0, IndicatorField::Source));
        assert_eq!(at_source.len(), 1, "{:?}", check.problems);
        let (_, at_value) = check.at(Field::Indicator(1, IndicatorField::Value));
        assert_eq!(
            at_value.len(),
            1,
            "the quote has no 999999: {:?}",
            check.warnings
        );
        // Not JSON, or not a snapshot: refused with the reasons.
        assert!(snapshot_for_editing("{").is_err());
        assert!(snapshot_for_editing(r#"{"schema_version": 1}"#).is_err());
    }
}
