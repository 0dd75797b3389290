//! The root component: the view state from the URL, loading the snapshot, then the report or a
//! message saying exactly what went wrong.
//!
//! The same component renders three ways ([`Rendering`]): natively at build time into the
//! page's HTML (the whole report, default view), in the browser hydrating that HTML, or in the
//! browser afresh (another snapshot, another language, embed mode). Whatever the browser alone
//! knows (the page address, the system colour scheme, the offline copy) is applied in effects,
//! after the first render, so the first render in the browser is the pre-rendered page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::snapshot::load::LoadFailure;
use crate::core::snapshot::Snapshot;
use crate::core::view::data_source::{
    snapshot_path_from_param, EDITOR_DRAFT, EDITOR_DRAFT_STORAGE_KEY,
};
use crate::core::view::state::{view_state_from_query, ViewState};
use crate::core::view::visual::Visual;
use crate::core::wording;
use crate::core::wording::{self as w, text};
use crate::ui::deferred::{Content, Deferred};
use crate::ui::load_error::{LoadError, LoadingNotice};
use crate::ui::preferences::provide_preferences;
use crate::ui::report::header::ReportHeader;
use crate::ui::report::sections::ReportView;
use crate::ui::report::single_visual::SingleVisual;
use crate::ui::snapshot_fetch::{fetch_snapshot, DEFAULT_SNAPSHOT_URL};
use crate::ui::speech::controls::SpeechBar;
use crate::ui::speech::read_aloud::provide_read_aloud;
use crate::ui::url_sync::provide_view_state;
use crate::ui::view_notices::ViewNotices;

/// How the app is being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Natively, into the page's HTML at build time.
    Static,
    /// In the browser, taking over the pre-rendered HTML (hydration).
    Hydrating,
    /// In the browser, from nothing.
    Client,
}

/// How the component being created is rendered: natively and in the editor's page maker (a
/// worker rendering pages to strings, feature `pages`), `Static`; in the browser,
/// `Hydrating` while a hydration pass runs (the page's first pass, or a deferred block's),
/// else `Client` (a view rendered afresh, or anything created after hydrating).
pub fn use_rendering() -> Rendering {
    if cfg!(any(not(target_arch = "wasm32"), feature = "pages")) {
        return Rendering::Static;
    }
    let hydrating = Owner::current_shared_context().is_some_and(|context| {
        hydration_context::SharedContext::during_hydration(context.as_ref())
    });
    if hydrating {
        Rendering::Hydrating
    } else {
        Rendering::Client
    }
}

/// Where the app is in loading its snapshot.
#[derive(Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Snapshot>),
    Failed(LoadFailure),
}

/// What the app starts with.
#[derive(Clone)]
pub struct AppStart {
    pub load: LoadState,
    /// The date the service worker saved the snapshot, when it answered from its copy.
    pub offline_copy: Option<String>,
    /// The page's query string (`?…`): the view asked for. Empty natively.
    pub query: String,
    pub rendering: Rendering,
    /// The page's published address (`https://…/`), when the build was told it: the printed
    /// page shows it before the app knows its own.
    pub site_url: Option<String>,
    /// The visual the page was pre-rendered for (`visual-….html`); `None` for the report's
    /// own page.
    pub page_visual: Option<Visual>,
}

impl AppStart {
    /// The pre-rendered page: `snapshot` in the default view, rendered natively.
    pub fn prerendered(snapshot: Arc<Snapshot>, site_url: Option<String>) -> Self {
        AppStart {
            load: LoadState::Ready(snapshot),
            offline_copy: None,
            query: String::new(),
            rendering: Rendering::Static,
            site_url,
            page_visual: None,
        }
    }
}

/// True once the part of the app a component belongs to runs in a browser: set by an effect
/// after the page's first pass, or after a deferred block's own hydration, so false in the
/// pre-rendered page and while hydrating it.
#[derive(Clone, Copy)]
pub struct Interactive(pub Signal<bool>);

/// Whether the app runs in a browser yet (see [`Interactive`]).
pub fn use_interactive() -> Signal<bool> {
    use_context::<Interactive>()
        .map(|interactive| interactive.0)
        .unwrap_or_else(|| {
            Signal::stored(cfg!(all(target_arch = "wasm32", not(feature = "pages"))))
        })
}

#[component]
pub fn App(start: AppStart) -> impl IntoView {
    let (from_url, ignored) = view_state_from_query(&start.query);
    let shown_first = match start.rendering {
        // The page was rendered in the default view (of its visual): hydrate that, then apply
        // the URL's. A visual alone looks the same embedded or not, and the start-up script has
        // already applied embed mode: hydrate with the URL's, or it would flip back and forth.
        Rendering::Hydrating => ViewState {
            embed: start.page_visual.is_some() && from_url.embed,
            ..ViewState::prerendered_for(start.page_visual.clone())
        },
        Rendering::Static | Rendering::Client => from_url.clone(),
    };
    let queue = crate::ui::deferred::provide_deferred_queue();
    let interactive = RwSignal::new(false);
    provide_context(Interactive(interactive.into()));
    // The whole page is taken over (every deferred block hydrated): only then are the view
    // from the URL and the system's colour scheme applied.
    let pending = queue.pending();
    let ready = Signal::derive(move || interactive.get() && pending.get() == 0);
    let view = provide_view_state(
        shown_first,
        from_url,
        ignored,
        start.site_url.clone().unwrap_or_default(),
        ready,
    );
    let preferences = provide_preferences(ready);
    let offline_copy = RwSignal::new(None::<String>);
    let started_offline = start.offline_copy.clone();
    Effect::new(move |_| {
        interactive.set(true);
        offline_copy.set(started_offline.clone());
    });
    let started_loading = matches!(start.load, LoadState::Loading);
    let state = RwSignal::new(start.load);
    // The snapshot asked for: the default, or a same-site path from `?data=` (checked).
    let source = Memo::new(move |_| {
        view.state.with(|state| match &state.data {
            None => Ok(DEFAULT_SNAPSHOT_URL.to_owned()),
            Some(requested) if requested == EDITOR_DRAFT => Ok(EDITOR_DRAFT.to_owned()),
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
        Ok(url) if url == EDITOR_DRAFT => state.set(editor_draft()),
        Ok(url) => {
            state.set(LoadState::Loading);
            spawn_local(async move {
                match fetch_snapshot(&url).await {
                    Ok(fetched) => {
                        offline_copy.set(fetched.offline_copy);
                        state.set(LoadState::Ready(Arc::new(fetched.snapshot)));
                    }
                    Err(failure) => state.set(LoadState::Failed(failure)),
                }
            });
        }
    });
    // The editor's preview follows the draft as it is edited (in the editor's page): the page
    // is loaded again. (Swapping the snapshot under the rendered report instead stopped the
    // interactive layer now and then: a trap in the release build, 1 run in 4 of the preview
    // journey; not yet pinned to the component that reads a disposed signal.)
    let draft_changes = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(EDITOR_DRAFT_STORAGE_KEY)
            && source.with_untracked(|source| source.as_deref() == Ok(EDITOR_DRAFT))
        {
            if let Some(window) = crate::ui::dom::window() {
                crate::ui::dom::warn_on_error(window.location().reload(), "reload the preview");
            }
        }
    });
    on_cleanup(move || draft_changes.remove());
    // Load whenever the requested snapshot changes, and at once unless the app started with
    // its snapshot (or with a failure) already in hand.
    Effect::new(move |previous: Option<()>| {
        source.track();
        if previous.is_some() || started_loading {
            load.run(());
        }
    });
    let read_aloud = provide_read_aloud(view, preferences, ready);
    // One visual alone, or the whole report.
    let visual = Memo::new(move |_| view.state.with(|state| state.visual.clone()));
    let load_default = Callback::new(move |()| view.state.update(|state| state.data = None));

    let offline_banner = move || {
        let saved = offline_copy.get()?;
        let LoadState::Ready(snapshot) = state.get() else {
            return None;
        };
        let text = wording::offline_copy(
            preferences.language.get(),
            &saved,
            &snapshot.meta.as_of,
            snapshot.meta.as_of_note.as_ref(),
        );
        Some(view! { <p class="offline-banner" role="status">{text}</p> })
    };
    let print_url = move || {
        let address = view.address.get();
        (!address.is_empty()).then(|| {
            format!(
                "{}{}",
                text(preferences.language.get(), w::THIS_PAGE),
                crate::ui::url_sync::link_at(&address, &view.state.get())
            )
        })
    };
    view! {
        <main id="main" class="app" aria-busy=move || matches!(state.get(), LoadState::Loading).to_string()>
            // Shown by the start-up script when this browser cannot run the interactive layer
            // (no WebAssembly, or it failed to start), or it stopped on an error; the report
            // stays readable.
            <p class="enhancement-note" id="enhancement-note" role="note" hidden>{wording::NEEDS_NEWER_BROWSER}</p>
            <p class="enhancement-note" id="other-snapshot-note" role="note" hidden>{wording::OTHER_SNAPSHOT_NEEDS_NEWER_BROWSER}</p>
            <p class="enhancement-note" id="not-downloaded-note" role="note" hidden>{wording::INTERACTIVE_NOT_DOWNLOADED}</p>
            <p class="enhancement-note" id="stopped-note" role="alert" hidden>{wording::INTERACTIVE_STOPPED}</p>
            <p class="static-loading" id="other-snapshot-loading" role="status" hidden>{wording::LOADING_OTHER_SNAPSHOT}</p>
            {offline_banner}
            {move || source.with(|source| source.as_deref() == Ok(EDITOR_DRAFT)).then(|| view! {
                <p class="offline-banner draft-preview-banner" role="status">{text(preferences.language.get(), w::DRAFT_PREVIEW)}</p>
            })}
            {move || match state.get() {
                LoadState::Loading => view! { <LoadingNotice /> }.into_any(),
                LoadState::Ready(snapshot) => {
                    let language = preferences.language.get();
                    read_aloud.set_snapshot(Arc::clone(&snapshot));
                    if let Some(visual) = visual.get() {
                        return view! {
                            <ViewNotices snapshot=Arc::clone(&snapshot) language=language />
                            <SingleVisual snapshot=snapshot visual=visual language=language period=preferences.period.get() />
                            <SpeechBar language=language />
                        }
                        .into_any();
                    }
                    // The header is taken over in a task of its own too (`Deferred`).
                    let header_snapshot = Arc::clone(&snapshot);
                    let header: Content = Arc::new(move || {
                        view! {
                            <ReportHeader snapshot=header_snapshot.clone() language=language />
                            <ViewNotices snapshot=header_snapshot.clone() language=language />
                        }
                        .into_any()
                    });
                    view! {
                        <Deferred content=header />
                        <ReportView snapshot=snapshot language=language period=preferences.period.get() />
                        <SpeechBar language=language />
                    }
                    .into_any()
                }
                LoadState::Failed(failure) => {
                    let refused = matches!(failure, LoadFailure::Refused { .. });
                    let custom = view.state.with_untracked(|state| state.data.is_some());
                    let on_load_default = (refused || custom).then_some(load_default);
                    view! {
                        <LoadError failure=failure language=preferences.language.get() on_retry=(!refused).then_some(load) on_load_default=on_load_default />
                    }
                    .into_any()
                }
            }}
            <p class="print-only print-url">{print_url}</p>
        </main>
    }
}

/// The editor's draft from this browser's storage (`?data=editor-draft`), read and checked as a
/// fetched snapshot is.
fn editor_draft() -> LoadState {
    let text = crate::ui::dom::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(EDITOR_DRAFT_STORAGE_KEY).ok().flatten());
    let Some(text) = text else {
        return LoadState::Failed(LoadFailure::Network {
            url: EDITOR_DRAFT.to_owned(),
            detail: crate::core::wording::Worded::new(w::NO_DRAFT.zh, w::NO_DRAFT.en),
        });
    };
    match crate::core::snapshot::load::snapshot_from_json_text(&text) {
        Ok(snapshot) => LoadState::Ready(Arc::new(snapshot)),
        Err(problems) => LoadState::Failed(LoadFailure::Invalid {
            url: EDITOR_DRAFT.to_owned(),
            problems,
        }),
    }
}
