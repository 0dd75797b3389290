//! The qualifier key: what "10+" and "≈200" mean here, with the source's own words (余, 近…),
//! beside a chart and under a figure or a section shown alone.

use leptos::prelude::*;

use crate::core::chart::model::QualifierKey;
use crate::core::snapshot::Qualifier;
use crate::core::wording::{self as w, text};
use crate::core::Language;

/// How the figures the key explains are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFor {
    /// Bars: solid, hatched extensions, dashed boxes (a chart).
    Bars,
    /// Numbers with their marks: 10+, ≈200, ≤5, N (figure cards).
    Numbers,
}

#[component]
pub fn QualifierKeyList(key: QualifierKey, language: Language, drawn: KeyFor) -> impl IntoView {
    let listed = key.entries.len();
    let keys = key
        .entries
        .into_iter()
        .filter(|(qualifier, _)| *qualifier != Qualifier::Exact || listed > 1)
        .map(|(qualifier, markers)| {
            let quoted = w::qualifier_markers_quoted(language, &markers);
            let (class, bar, number) = match qualifier {
                Qualifier::Exact => ("key-exact", w::KEY_EXACT, w::MARK_EXACT),
                Qualifier::AtLeast => ("key-at-least", w::KEY_AT_LEAST, w::MARK_AT_LEAST),
                Qualifier::About => ("key-about", w::KEY_ABOUT, w::MARK_ABOUT),
                Qualifier::AtMost => ("key-at-most", w::KEY_AT_MOST, w::MARK_AT_MOST),
            };
            match drawn {
                KeyFor::Bars => view! { <li><span class=format!("key-swatch {class}") aria-hidden="true"></span>{text(language, bar)}{quoted}</li> }.into_any(),
                KeyFor::Numbers => view! { <li>{text(language, number)}{quoted}</li> }.into_any(),
            }
        })
        .collect_view();
    let unstated = key.unstated.then(|| match drawn {
        KeyFor::Bars => view! {
            <li><span class="key-swatch key-unstated" aria-hidden="true"></span>{text(language, w::KEY_UNSTATED)}</li>
        }
        .into_any(),
        KeyFor::Numbers => view! { <li>{text(language, w::MARK_UNSTATED)}</li> }.into_any(),
    });
    let class = match drawn {
        KeyFor::Bars => "chart-key",
        KeyFor::Numbers => "chart-key number-key",
    };
    view! { <ul class=class>{keys}{unstated}</ul> }
}
