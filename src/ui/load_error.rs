//! The message shown when the snapshot cannot be loaded: what failed and where, and a way on
//! (retry, or load the default snapshot).

use leptos::prelude::*;

use crate::core::snapshot::load::LoadFailure;

#[component]
pub fn LoadError(
    failure: LoadFailure,
    /// The page's language: what failed is said in it (the title and buttons in both).
    language: crate::core::Language,
    /// Try the same snapshot again (absent when retrying cannot help).
    #[prop(optional_no_strip)]
    on_retry: Option<Callback<()>>,
    /// Load the township's default snapshot instead (when another one was asked for).
    #[prop(optional_no_strip)]
    on_load_default: Option<Callback<()>>,
) -> impl IntoView {
    let headline = failure.headline(language);
    let details = failure.details(language);
    let has_details = !details.is_empty();
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-title">
            <h1 id="load-error-title">"无法加载报告数据 · The report data could not be loaded"</h1>
            <p class="load-error-headline">{headline}</p>
            <Show when=move || has_details>
                <ul class="load-error-details">
                    {details.iter().map(|line| view! { <li><code>{line.clone()}</code></li> }).collect_view()}
                </ul>
            </Show>
            <div class="button-row">
                {on_retry.map(|retry| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>
                        "重试 · Retry"
                    </button>
                })}
                {on_load_default.map(|load_default| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| load_default.run(())>
                        "加载默认报告 · Load the default report"
                    </button>
                })}
            </div>
        </section>
    }
}

/// Said once loading the data has taken 4 s (the request gives up after 20 s).
const SLOW_NOTICE: &str =
    "网络较慢，仍在加载（最长 20 秒）· The connection is slow; still loading (up to 20 s)";

/// The loading state, honest about time: after a few seconds it says the connection is slow.
#[component]
pub fn LoadingNotice() -> impl IntoView {
    let slow = RwSignal::new(false);
    Effect::new(move |_| {
        let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = slow.try_set(true);
        });
        if let Some(window) = crate::ui::dom::window() {
            crate::ui::dom::warn_on_error(
                window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&callback),
                    4000,
                ),
                "set timeout with callback and timeout and arguments 0",
            );
        }
    });
    view! {
        <p class="loading" role="status">
            "正在加载报告数据… · Loading the report…"
            <Show when=move || slow.get()>
                <span class="loading-slow">" "{SLOW_NOTICE}</span>
            </Show>
        </p>
    }
}
