//! The root component: the view state from the URL, loading the snapshot, then the report or a
//! message saying exactly what went wrong.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::data_source::snapshot_path_from_param;
use crate::core::load::LoadFailure;
use crate::core::snapshot::Snapshot;
use crate::ui::embed::report_height_to_parent;
use crate::ui::load_error::{LoadError, LoadingNotice};
use crate::ui::preferences::{provide_preferences, tr};
use crate::ui::report_header::ReportHeader;
use crate::ui::report_view::ReportView;
use crate::ui::snapshot_fetch::{fetch_snapshot, DEFAULT_SNAPSHOT_URL};
use crate::ui::url_sync::provide_view_state;
use crate::ui::view_notices::ViewNotices;

/// Where the app is in loading its snapshot.
#[derive(Clone)]
pub enum LoadState {
    Loading,
    /// The snapshot, and the date of the offline copy when the service worker answered.
    Ready(Arc<Snapshot>, Option<String>),
    Failed(LoadFailure),
}

fn static_summary() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("static-summary")
}

#[component]
pub fn App() -> impl IntoView {
    let view = provide_view_state();
    let preferences = provide_preferences();
    report_height_to_parent();
    let state = RwSignal::new(LoadState::Loading);
    // The snapshot asked for: the default, or a same-site path from `?data=` (checked).
    let source = Memo::new(move |_| {
        view.state.with(|state| match &state.data {
            None => Ok(DEFAULT_SNAPSHOT_URL.to_owned()),
            Some(requested) => {
                snapshot_path_from_param(requested).map_err(|reason| LoadFailure::Refused {
                    requested: requested.clone(),
                    reason,
                })
            }
        })
    });
    let load = Callback::new(move |()| match source.get_untracked() {
        Err(refused) => state.set(LoadState::Failed(refused)),
        Ok(url) => {
            state.set(LoadState::Loading);
            spawn_local(async move {
                let next = match fetch_snapshot(&url).await {
                    Ok(fetched) => {
                        LoadState::Ready(Arc::new(fetched.snapshot), fetched.offline_copy)
                    }
                    Err(failure) => LoadState::Failed(failure),
                };
                state.set(next);
                // In the same task as the report is built, so that no frame shows both.
                if let Some(summary) = static_summary() {
                    summary.remove();
                }
            });
        }
    });
    // Load now, and again whenever the requested snapshot changes.
    Effect::new(move |_| {
        source.track();
        load.run(());
    });
    let load_default = Callback::new(move |()| view.state.update(|state| state.data = None));
    // The page's static summary (first paint) stays until the report or an error replaces it
    // (also when the request was refused before any fetch).
    Effect::new(move |_| {
        if !matches!(state.get(), LoadState::Loading) {
            if let Some(summary) = static_summary() {
                summary.remove();
            }
        }
    });

    view! {
        <main id="main" class="app" aria-busy=move || matches!(state.get(), LoadState::Loading).to_string()>
            {move || match state.get() {
                LoadState::Loading => view! { <LoadingNotice /> }.into_any(),
                LoadState::Ready(snapshot, offline_copy) => {
                    let language = preferences.language.get();
                    let offline = offline_copy.map(|saved| {
                        let text = match language {
                            crate::core::Language::Zh => format!("离线副本：当前无法联网，显示的是 {saved} 保存的副本（数据截至 {}）。", snapshot.meta.as_of),
                            crate::core::Language::En => format!("Offline copy: no connection, showing the copy saved {saved} (figures as of {}).", snapshot.meta.as_of),
                        };
                        view! { <p class="offline-banner" role="status">{text}</p> }
                    });
                    view! {
                        {offline}
                        <ReportHeader snapshot=snapshot.clone() language=language />
                        <ViewNotices snapshot=snapshot.clone() language=language />
                        <ReportView snapshot=snapshot language=language period=preferences.period.get() />
                    }
                    .into_any()
                }
                LoadState::Failed(failure) => {
                    let refused = matches!(failure, LoadFailure::Refused { .. });
                    let custom = view.state.with_untracked(|state| state.data.is_some());
                    let on_load_default = (refused || custom).then_some(load_default);
                    view! {
                        <LoadError failure=failure on_retry=(!refused).then_some(load) on_load_default=on_load_default />
                    }
                    .into_any()
                }
            }}
            <p class="print-only print-url">{move || format!("{}{}", tr(preferences.language.get(), "本页地址：", "This page: "), crate::ui::url_sync::link_to(&view.state.get()))}</p>
        </main>
    }
}
