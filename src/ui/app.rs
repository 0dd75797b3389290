//! The root component: load the snapshot, then show it or say exactly what went wrong.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::load::LoadFailure;
use crate::core::snapshot::Snapshot;
use crate::ui::load_error::LoadError;
use crate::ui::report_header::ReportHeader;
use crate::ui::snapshot_fetch::{fetch_snapshot, DEFAULT_SNAPSHOT_URL};

/// Where the app is in loading its snapshot.
#[derive(Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Snapshot>),
    Failed(LoadFailure),
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let next = match fetch_snapshot(DEFAULT_SNAPSHOT_URL).await {
                Ok(snapshot) => LoadState::Ready(Arc::new(snapshot)),
                Err(failure) => LoadState::Failed(failure),
            };
            state.set(next);
        });
    });
    load.run(());

    view! {
        <main id="main" class="app" aria-busy=move || matches!(state.get(), LoadState::Loading).to_string()>
            {move || match state.get() {
                LoadState::Loading => view! {
                    <p class="loading" role="status">"正在加载报告数据… · Loading the report…"</p>
                }
                .into_any(),
                LoadState::Ready(snapshot) => view! { <ReportHeader snapshot=snapshot /> }.into_any(),
                LoadState::Failed(failure) => view! { <LoadError failure=failure on_retry=load /> }.into_any(),
            }}
        </main>
    }
}
