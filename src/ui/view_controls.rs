//! The reader's controls for the whole view: language, colour theme, large text (适老化),
//! sharing a link, and the embed code for a portal page. All of it lives in the URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::view::state::ViewState;
use crate::core::Language;
use crate::ui::preferences::tr;
use crate::ui::url_sync::{link_to, page_address, use_view_state};

/// The iframe snippet for `state` (fully specified, embed mode on).
pub fn embed_snippet(state: &ViewState, title: &str) -> String {
    let mut embedded = state.clone();
    embedded.embed = true;
    let src = link_to(&embedded);
    let host_script = format!(
        "{}embed.js",
        page_address()
            .rsplit_once('/')
            .map_or(String::new(), |(base, _)| format!("{base}/"))
    );
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"800\" data-fuguanzhuang-embed></iframe>\n<script src=\"{}\" defer></script>",
        escape(&src),
        escape(title),
        escape(&host_script)
    )
}

async fn copy_text(text: &str) -> bool {
    let Some(window) = crate::ui::dom::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Uses the Web Share API where the browser has it (phones), else copies to the clipboard.
async fn share_or_copy(title: &str, url: &str) -> Result<&'static str, ()> {
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
            return Ok("shared");
        }
    }
    if copy_text(url).await {
        Ok("copied")
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
                Ok("shared") => tr(language, "已分享", "Shared").to_owned(),
                Ok(_) => format!("{}{url}", tr(language, "链接已复制：", "Link copied: ")),
                Err(()) => format!(
                    "{}{url}",
                    tr(language, "请复制此链接：", "Copy this link: ")
                ),
            };
            share_status.set(Some(message));
        });
    };
    let snippet = Signal::derive(move || embed_snippet(&view.state.get(), &title));
    let copy_snippet = move |_| {
        let text = snippet.get_untracked();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&text).await;
            share_status.set(Some(
                if copied {
                    tr(language, "嵌入代码已复制", "Embed code copied")
                } else {
                    tr(
                        language,
                        "请手动复制嵌入代码",
                        "Copy the embed code by hand",
                    )
                }
                .to_owned(),
            ));
        });
    };
    let select_all = move |event: web_sys::FocusEvent| {
        if let Some(area) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    };
    view! {
        <div class="view-controls" inert=move || !interactive.get() role="group" aria-label=tr(language, "显示设置", "View settings")>
            <button type="button" class="button button-secondary" data-control="language"
                lang=move || if language == Language::Zh { "en" } else { "zh-CN" }
                on:click=move |_| set(|state| state.language = match state.language { Language::Zh => Language::En, Language::En => Language::Zh })>
                {if language == Language::Zh { "English" } else { "中文" }}
            </button>
            <label class="control-theme">
                <span class="sr-only">{tr(language, "配色", "Colours")}</span>
                <select data-control="theme" on:change=on_theme prop:value=move || view.state.with(|s| s.theme.as_str().to_owned())>
                    <option value="auto">{tr(language, "配色：跟随系统", "Colours: system")}</option>
                    <option value="light">{tr(language, "浅色", "Light")}</option>
                    <option value="dark">{tr(language, "深色", "Dark")}</option>
                </select>
            </label>
            <button type="button" class="button button-secondary" data-control="large"
                aria-pressed=move || view.state.with(|s| s.large).to_string()
                on:click=move |_| set(|state| state.large = !state.large)>
                {tr(language, "大字模式", "Large text")}
            </button>
            <button type="button" class="button" data-control="share" on:click=on_share>
                {tr(language, "分享链接", "Share link")}
            </button>
            <button type="button" class="button button-secondary" data-control="embed"
                aria-expanded=move || embed_open.get().to_string()
                on:click=move |_| embed_open.update(|open| *open = !*open)>
                {tr(language, "嵌入代码", "Embed code")}
            </button>
            <p class="share-status" role="status" aria-live="polite">{move || share_status.get()}</p>
            <Show when=move || embed_open.get()>
                <div class="embed-panel">
                    <label for="embed-snippet">{tr(language, "把下面的代码粘贴到网站页面中（当前视图，自动调整高度）：", "Paste this into a web page (this view; the height adjusts itself):")}</label>
                    <textarea id="embed-snippet" class="embed-snippet" readonly rows="4" on:focus=select_all prop:value=snippet></textarea>
                    <button type="button" class="button button-secondary" data-control="copy-embed" on:click=copy_snippet>{tr(language, "复制嵌入代码", "Copy embed code")}</button>
                </div>
            </Show>
        </div>
    }
}
