//! The message shown when the snapshot cannot be loaded: what failed and where, and a retry.

use leptos::prelude::*;

use crate::core::load::LoadFailure;

#[component]
pub fn LoadError(failure: LoadFailure, on_retry: Callback<()>) -> impl IntoView {
    let headline = failure.headline();
    let details = failure.details();
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
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "重试 · Retry"
            </button>
        </section>
    }
}
