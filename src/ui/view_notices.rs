//! Short notices about the URL: parameters that were ignored, and ids that are not in this
//! snapshot. The rest of the view is shown as asked. Like the URL's view, they come once the
//! page is taken over (`url_sync`): the pre-rendered page has none.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::snapshot::Snapshot;
use crate::core::wording::{self as w, text};
use crate::core::Language;

use crate::ui::url_sync::use_view_state;

#[component]
pub fn ViewNotices(snapshot: Arc<Snapshot>, language: Language) -> impl IntoView {
    let view = use_view_state();
    let notices = Signal::derive(move || {
        let mut notices: Vec<String> = view
            .ignored
            .get()
            .iter()
            .map(|reason| {
                format!(
                    "{}{}",
                    text(language, w::IGNORED_IN_THE_LINK),
                    reason.get(language)
                )
            })
            .collect();
        view.state.with(|state| {
            if let Some(village) = &state.village {
                if snapshot.place(village).is_none() {
                    notices.push(format!(
                        "{}{village}",
                        text(language, w::THIS_REPORT_HAS_NO_VILLAGE)
                    ));
                }
            }
            if let Some(indicator) = &state.indicator {
                if snapshot.indicator(indicator).is_none() {
                    notices.push(format!(
                        "{}{indicator}",
                        text(language, w::THIS_REPORT_HAS_NO_FIGURE)
                    ));
                }
            }
            if let Some(section) = &state.section {
                if !snapshot
                    .sections
                    .iter()
                    .any(|candidate| &candidate.id == section)
                {
                    notices.push(format!(
                        "{}{section}",
                        text(language, w::THIS_REPORT_HAS_NO_SECTION)
                    ));
                }
            }
        });
        notices
    });
    view! {
        <Show when=move || !notices.with(Vec::is_empty)>
            <ul class="view-notices" role="status">
                {move || notices.get().into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}
            </ul>
        </Show>
    }
}
