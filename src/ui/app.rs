//! The root component: load the snapshot, then show it or say exactly what went wrong.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::data_source::{query_param, snapshot_path_from_param, DATA_PARAM};
use crate::core::load::LoadFailure;
use crate::core::snapshot::Snapshot;
use crate::ui::load_error::LoadError;
use crate::ui::preferences::provide_preferences;
use crate::ui::report_header::ReportHeader;
use crate::ui::report_view::ReportView;
use crate::ui::snapshot_fetch::{fetch_snapshot, DEFAULT_SNAPSHOT_URL};

/// Where the app is in loading its snapshot.
#[derive(Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Snapshot>),
    Failed(LoadFailure),
}

/// The snapshot the page URL asks for: `None` for the default, else the checked path or why
/// it was refused.
fn requested_snapshot() -> Option<Result<String, LoadFailure>> {
    let search = web_sys::window()?.location().search().ok()?;
    let requested = query_param(&search, DATA_PARAM)?;
    Some(
        snapshot_path_from_param(&requested)
            .map_err(|reason| LoadFailure::Refused { requested, reason }),
    )
}

#[component]
pub fn App() -> impl IntoView {
    let preferences = provide_preferences();
    let state = RwSignal::new(LoadState::Loading);
    // The snapshot being shown: the default, or one named in the URL.
    let source = RwSignal::new(DEFAULT_SNAPSHOT_URL.to_owned());
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        let url = source.get_untracked();
        spawn_local(async move {
            let next = match fetch_snapshot(&url).await {
                Ok(snapshot) => LoadState::Ready(Arc::new(snapshot)),
                Err(failure) => LoadState::Failed(failure),
            };
            state.set(next);
        });
    });
    let load_default = Callback::new(move |()| {
        source.set(DEFAULT_SNAPSHOT_URL.to_owned());
        load.run(());
    });
    match requested_snapshot() {
        None => load.run(()),
        Some(Ok(path)) => {
            source.set(path);
            load.run(());
        }
        Some(Err(refused)) => state.set(LoadState::Failed(refused)),
    }

    view! {
        <main id="main" class="app" aria-busy=move || matches!(state.get(), LoadState::Loading).to_string()>
            {move || match state.get() {
                LoadState::Loading => view! {
                    <p class="loading" role="status">"正在加载报告数据… · Loading the report…"</p>
                }
                .into_any(),
                LoadState::Ready(snapshot) => {
                    let language = preferences.language.get();
                    view! {
                        <ReportHeader snapshot=snapshot.clone() language=language />
                        <ReportView snapshot=snapshot language=language />
                    }
                    .into_any()
                }
                LoadState::Failed(failure) => {
                    let refused = matches!(failure, LoadFailure::Refused { .. });
                    let custom = source.get_untracked() != DEFAULT_SNAPSHOT_URL;
                    let on_load_default = (refused || custom).then_some(load_default);
                    view! {
                        <LoadError failure=failure on_retry=(!refused).then_some(load) on_load_default=on_load_default />
                    }
                    .into_any()
                }
            }}
        </main>
    }
}
