//! The editor's shared state, provided once by the root and read by every part of the page.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::draft::field::Field;
use crate::core::draft::history::Draft;
use crate::core::draft::DraftCheck;
use crate::core::snapshot::validate::Problem;
use crate::core::snapshot::Snapshot;
use crate::core::Language;

/// The snapshot the site publishes now: what the change list compares with.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub snapshot: Snapshot,
    /// `snapshot_fingerprint` of its text, recorded with a kept draft.
    pub fingerprint: String,
}

/// A message at the top of the page: what just happened, and any problems with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub details: Vec<String>,
    pub is_error: bool,
}

#[derive(Clone, Copy)]
pub struct EditorContext {
    pub language: RwSignal<Language>,
    pub large_text: RwSignal<bool>,
    /// `None` until the starting snapshot is read.
    pub draft: RwSignal<Option<Draft>>,
    pub published: RwSignal<Option<Published>>,
    /// The checks of the draft as it is now.
    pub check: Memo<DraftCheck>,
    /// Texts a field could not take (not a number…), by field, until it takes one.
    pub refused: RwSignal<HashMap<Field, Problem>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the draft as it is now has been downloaded (leaving then asks nothing).
    pub handed_over: RwSignal<bool>,
    /// A spreadsheet that changes figures already in the draft, waiting for a yes (name, bytes).
    pub pending_spreadsheet: RwSignal<Option<(String, Vec<u8>)>>,
    /// The draft's sources as choices (id, title in the page's language): one list for every
    /// figure and designation.
    pub source_choices: Memo<Vec<(String, String)>>,
}

impl EditorContext {
    pub fn new() -> Self {
        let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
        let check = Memo::new(move |_| {
            draft.with(|draft| {
                draft
                    .as_ref()
                    .map(|draft| DraftCheck::of(draft.snapshot()))
                    .unwrap_or_default()
            })
        });
        let language = RwSignal::new(Language::Zh);
        let source_choices = Memo::new(move |_| {
            let language = language.get();
            draft.with(|draft| {
                draft.as_ref().map_or(Vec::new(), |draft| {
                    draft
                        .snapshot()
                        .sources
                        .iter()
                        .map(|source| (source.id.clone(), source.title.get(language).to_owned()))
                        .collect()
                })
            })
        });
        Self {
            language,
            large_text: RwSignal::new(false),
            draft,
            published: RwSignal::new(None),
            check,
            refused: RwSignal::new(HashMap::new()),
            notice: RwSignal::new(None),
            handed_over: RwSignal::new(false),
            pending_spreadsheet: RwSignal::new(None),
            source_choices,
        }
    }

    /// Puts a typed text into a field of the draft.
    pub fn edit(&self, field: Field, text: &str) {
        let result = self.draft.try_maybe_update(|draft| match draft {
            Some(draft) => match draft.edit(field, text) {
                Ok(changed) => (changed, Ok(())),
                Err(problem) => (false, Err(problem)),
            },
            None => (false, Ok(())),
        });
        match result {
            Some(Err(problem)) => self.refused.update(|refused| {
                refused.insert(field, problem);
            }),
            _ => {
                if self
                    .refused
                    .with_untracked(|refused| refused.contains_key(&field))
                {
                    self.refused.update(|refused| {
                        refused.remove(&field);
                    });
                }
                self.handed_over.set(false);
            }
        }
    }

    /// Undo (`forward` false) or redo.
    pub fn step(&self, forward: bool) {
        let moved = self.draft.try_maybe_update(|draft| {
            let moved =
                draft.as_mut().is_some_and(
                    |draft| {
                        if forward {
                            draft.redo()
                        } else {
                            draft.undo()
                        }
                    },
                );
            (moved, moved)
        });
        if moved == Some(true) {
            self.refused.set(HashMap::new());
            self.handed_over.set(false);
        }
    }

    /// Replaces the whole draft (a file opened, the draft discarded), as one undoable step.
    pub fn replace(&self, snapshot: Snapshot) {
        self.draft.update(|draft| match draft {
            Some(draft) => draft.replace(snapshot),
            None => *draft = Some(Draft::new(snapshot)),
        });
        self.refused.set(HashMap::new());
        self.handed_over.set(false);
    }

    /// How many problems must be fixed before the draft can be handed over: the checks' and
    /// the texts fields could not take.
    pub fn problem_count(&self) -> usize {
        self.check.with(|check| check.problems.len()) + self.refused.with(|refused| refused.len())
    }

    pub fn say(&self, text: impl Into<String>, details: Vec<String>, is_error: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            details,
            is_error,
        }));
    }
}

impl Default for EditorContext {
    fn default() -> Self {
        Self::new()
    }
}

/// The editor's state (provided by [`crate::editor::Editor`]).
pub fn use_editor() -> EditorContext {
    use_context::<EditorContext>().unwrap_or_default()
}

/// The id of a field's input, from its JSON path: problems link to it.
pub fn field_element_id(field: Field) -> String {
    element_id_from_path(&field.path())
}

/// `indicators[3].value` → `f-indicators-3-value`.
pub fn element_id_from_path(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}
