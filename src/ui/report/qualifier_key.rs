//! The qualifier key: what "10+" and "≈200" mean here, with the source's own words (余, 近…),
//! beside a chart and under a figure or a section shown alone.

use leptos::prelude::*;

use crate::core::chart::model::QualifierKey;
use crate::core::snapshot::Qualifier;
use crate::core::wording::{self as w, text};
use crate::core::Language;

#[component]
pub fn QualifierKeyList(key: QualifierKey, language: Language) -> impl IntoView {
    let listed = key.entries.len();
    let keys = key
        .entries
        .into_iter()
        .filter(|(qualifier, _)| *qualifier != Qualifier::Exact || listed > 1)
        .map(|(qualifier, markers)| {
            let quoted = w::qualifier_markers_quoted(language, &markers);
            let (class, mark) = match qualifier {
                Qualifier::Exact => ("key-exact", w::KEY_EXACT),
                Qualifier::AtLeast => ("key-at-least", w::KEY_AT_LEAST),
                Qualifier::About => ("key-about", w::KEY_ABOUT),
                Qualifier::AtMost => ("key-at-most", w::KEY_AT_MOST),
            };
            view! { <li><span class=format!("key-swatch {class}") aria-hidden="true"></span>{text(language, mark)}{quoted}</li> }
        })
        .collect_view();
    let unstated = key.unstated.then(|| {
        view! {
            <li><span class="key-swatch key-unstated" aria-hidden="true"></span>{text(language, w::KEY_UNSTATED)}</li>
        }
    });
    view! { <ul class="chart-key">{keys}{unstated}</ul> }
}
