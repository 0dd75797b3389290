//! The snapshot being edited, with undo and redo. Typing into one field makes one step, however
//! many keys it takes: edits of the field that was edited last are folded into its step.

use crate::core::draft::field::Field;
use crate::core::snapshot::validate::Problem;
use crate::core::snapshot::Snapshot;

/// How many steps undo goes back.
pub const MAX_UNDO_STEPS: usize = 200;

/// The snapshot being edited and the way back and forth.
#[derive(Debug, Clone)]
pub struct Draft {
    snapshot: Snapshot,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The field the last edit went into, while typing into it goes on (folds into one step).
    typing_into: Option<Field>,
}

/// A snapshot as it was before a step.
#[derive(Debug, Clone)]
struct Step {
    before: Snapshot,
}

impl Draft {
    pub fn new(snapshot: Snapshot) -> Self {
        Self {
            snapshot,
            undo: Vec::new(),
            redo: Vec::new(),
            typing_into: None,
        }
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Puts `text` into `field`. A text the field cannot take leaves everything as it was.
    /// Returns whether the snapshot changed.
    pub fn edit(&mut self, field: Field, text: &str) -> Result<bool, Problem> {
        let mut edited = self.snapshot.clone();
        field.apply(&mut edited, text)?;
        if edited == self.snapshot {
            return Ok(false);
        }
        let before = std::mem::replace(&mut self.snapshot, edited);
        if self.typing_into != Some(field) {
            self.undo.push(Step { before });
            if self.undo.len() > MAX_UNDO_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing_into = Some(field);
        Ok(true)
    }

    /// Replaces the whole snapshot (a file opened, a spreadsheet imported) as one step.
    pub fn replace(&mut self, snapshot: Snapshot) {
        let before = std::mem::replace(&mut self.snapshot, snapshot);
        self.undo.push(Step { before });
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.typing_into = None;
    }

    /// Ends the current typing step: the next edit of the same field is a step of its own
    /// (leaving a field does this).
    pub fn end_step(&mut self) {
        self.typing_into = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes one step back; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let after = std::mem::replace(&mut self.snapshot, step.before);
        self.redo.push(Step { before: after });
        self.typing_into = None;
        true
    }

    /// Goes one undone step forward again; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let before = std::mem::replace(&mut self.snapshot, step.before);
        self.undo.push(Step { before });
        self.typing_into = None;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::field::IndicatorField;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn draft() -> Draft {
        Draft::new(
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid"),
        )
    }

    const VALUE: Field = Field::Indicator(0, IndicatorField::Value);
    const PERIOD: Field = Field::Indicator(0, IndicatorField::Period);

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut draft = draft();
        let original = draft.snapshot().clone();
        for text in ["1", "12", "123"] {
            assert!(draft.edit(VALUE, text).expect("number"));
        }
        assert_eq!(draft.snapshot().indicators[0].value, Some(123.0));
        assert!(draft.undo());
        assert_eq!(*draft.snapshot(), original);
        assert!(!draft.can_undo());
        assert!(draft.redo());
        assert_eq!(draft.snapshot().indicators[0].value, Some(123.0));
    }

    #[test]
    fn each_field_and_each_visit_is_a_step() {
        let mut draft = draft();
        draft.edit(VALUE, "5").expect("number");
        draft.edit(PERIOD, "2022").expect("text");
        draft.end_step();
        draft.edit(PERIOD, "2023").expect("text");
        assert!(draft.undo());
        assert_eq!(draft.snapshot().indicators[0].period, "2022");
        assert!(draft.undo());
        assert_eq!(draft.snapshot().indicators[0].value, Some(5.0));
        assert_ne!(draft.snapshot().indicators[0].period, "2022");
        assert!(draft.undo());
        assert!(!draft.undo());
    }

    #[test]
    fn an_edit_after_undo_drops_the_redo_steps() {
        let mut draft = draft();
        draft.edit(VALUE, "5").expect("number");
        draft.undo();
        assert!(draft.can_redo());
        draft.edit(PERIOD, "2030").expect("text");
        assert!(!draft.can_redo());
        assert!(!draft.redo());
    }

    #[test]
    fn refused_and_unchanged_texts_make_no_step() {
        let mut draft = draft();
        assert!(draft.edit(VALUE, "many").is_err());
        let same = draft.snapshot().indicators[0].period.clone();
        assert!(!draft.edit(PERIOD, &same).expect("text"));
        assert!(!draft.can_undo());
    }

    #[test]
    fn replacing_is_one_step_and_undo_is_bounded() {
        let mut draft = draft();
        let original = draft.snapshot().clone();
        let mut other = original.clone();
        other.meta.as_of = "2030-01-01".to_owned();
        draft.replace(other.clone());
        assert_eq!(*draft.snapshot(), other);
        draft.undo();
        assert_eq!(*draft.snapshot(), original);
        for step in 0..(MAX_UNDO_STEPS + 20) {
            draft.end_step();
            draft.edit(VALUE, &step.to_string()).expect("number");
        }
        let mut undone = 0;
        while draft.undo() {
            undone += 1;
        }
        assert_eq!(undone, MAX_UNDO_STEPS);
    }
}
