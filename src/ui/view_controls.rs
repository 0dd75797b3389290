//! The reader's controls for the whole view: language, colour theme, large text (适老化), read
//! aloud, sharing a link, and the embed code for a portal page. All of it lives in the URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::view::state::ViewState;
use crate::core::wording::{self as w, text};
use crate::core::Language;

use crate::core::view::visual::{iframe_snippet, Visual};
use crate::ui::speech::controls::ReadAloudSwitch;
use crate::ui::url_sync::{link_to, site_folder, use_view_state};

/// The iframe snippet for `state` (fully specified, embed mode on).
pub fn embed_snippet(state: &ViewState, title: &str) -> String {
    let mut embedded = state.clone();
    embedded.embed = true;
    let height = state
        .visual
        .as_ref()
        .map_or(WHOLE_REPORT_STARTING_HEIGHT, Visual::starting_height);
    iframe_snippet(
        &link_to(&embedded),
        title,
        height,
        &format!("{}embed.js", site_folder()),
    )
}

/// Selects the whole field (a link or an embed code) when it gets focus, ready to copy by hand.
pub(crate) fn select_all(event: web_sys::FocusEvent) {
    let Some(target) = event.target() else {
        return;
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// The whole report's iframe height before it tells its host its real one (CSS px).
const WHOLE_REPORT_STARTING_HEIGHT: u32 = 800;

pub(crate) async fn copy_text(text: &str) -> bool {
    let Some(window) = crate::ui::dom::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// How a link was passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shared {
    /// Through the system's share sheet.
    Shared,
    /// Copied to the clipboard.
    Copied,
}

/// Uses the Web Share API where the browser has it (phones), else copies to the clipboard.
pub(crate) async fn share_or_copy(title: &str, url: &str) -> Result<Shared, ()> {
    let Some(window) = crate::ui::dom::window() else {
        return Err(());
    };
    let navigator = window.navigator();
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        if wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data))
            .await
            .is_ok()
        {
            return Ok(Shared::Shared);
        }
    }
    if copy_text(url).await {
        Ok(Shared::Copied)
    } else {
        Err(())
    }
}

#[component]
pub fn ViewControls(#[prop(into)] title: String, language: Language) -> impl IntoView {
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let view = use_view_state();
    let share_status = RwSignal::new(None::<String>);
    let embed_open = RwSignal::new(false);
    let set = move |change: fn(&mut ViewState)| view.state.update(change);
    let on_theme = move |event: web_sys::Event| {
        let theme = event_target_value(&event).parse().unwrap_or_default();
        view.state.update(|state| state.theme = theme);
    };
    let share_title = title.clone();
    let on_share = move |_| {
        let url = link_to(&view.state.get_untracked());
        let title = share_title.clone();
        leptos::task::spawn_local(async move {
            let message = match share_or_copy(&title, &url).await {
                Ok(Shared::Shared) => text(language, w::SHARED).to_owned(),
                Ok(Shared::Copied) => format!("{}{url}", text(language, w::LINK_COPIED)),
                Err(()) => format!("{}{url}", text(language, w::COPY_THIS_LINK)),
            };
            share_status.set(Some(message));
        });
    };
    let snippet = Signal::derive(move || embed_snippet(&view.state.get(), &title));
    let copy_snippet = move |_| {
        let code = snippet.get_untracked();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&code).await;
            share_status.set(Some(
                if copied {
                    text(language, w::EMBED_CODE_COPIED)
                } else {
                    text(language, w::COPY_THE_EMBED_CODE_BY)
                }
                .to_owned(),
            ));
        });
    };
    view! {
        <div class="view-controls" inert=move || !interactive.get() role="group" aria-label=text(language, w::VIEW_SETTINGS)>
            <button type="button" class="button button-secondary" data-control="language"
                lang=move || if language == Language::Zh { "en" } else { "zh-CN" }
                on:click=move |_| set(|state| state.language = match state.language { Language::Zh => Language::En, Language::En => Language::Zh })>
                {if language == Language::Zh { "English" } else { "中文" }}
            </button>
            <label class="control-theme">
                <span class="sr-only">{text(language, w::COLOURS)}</span>
                <select data-control="theme" on:change=on_theme prop:value=move || view.state.with(|s| s.theme.as_str().to_owned())>
                    <option value="auto">{text(language, w::COLOURS_SYSTEM)}</option>
                    <option value="light">{text(language, w::LIGHT)}</option>
                    <option value="dark">{text(language, w::DARK)}</option>
                </select>
            </label>
            <button type="button" class="button button-secondary" data-control="large"
                aria-pressed=move || view.state.with(|s| s.large).to_string()
                on:click=move |_| set(|state| state.large = !state.large)>
                {text(language, w::LARGE_TEXT)}
            </button>
            <ReadAloudSwitch language=language />
            <button type="button" class="button" data-control="share" on:click=on_share>
                {text(language, w::SHARE_LINK)}
            </button>
            <button type="button" class="button button-secondary" data-control="embed"
                aria-expanded=move || embed_open.get().to_string()
                on:click=move |_| embed_open.update(|open| *open = !*open)>
                {text(language, w::EMBED_CODE)}
            </button>
            <p class="share-status" role="status" aria-live="polite">{move || share_status.get()}</p>
            <Show when=move || embed_open.get()>
                <div class="embed-panel">
                    <label for="embed-snippet">{text(language, w::PASTE_THIS_INTO_A_WEB)}</label>
                    <textarea id="embed-snippet" class="embed-snippet" readonly rows="4" on:focus=select_all prop:value=snippet></textarea>
                    <button type="button" class="button button-secondary" data-control="copy-embed" on:click=copy_snippet>{text(language, w::COPY_EMBED_CODE)}</button>
                </div>
            </Show>
        </div>
    }
}
