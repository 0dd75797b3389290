//! "复制链接 / 嵌入" beside each chart, figure card and the map: the link to it alone and the
//! iframe snippet a portal editor pastes. A native `<details>`, so touch, mouse, keyboard and
//! screen readers open it as they open any disclosure; what it holds is made when it is opened
//! (it needs the page's address, which only the browser knows).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::view::visual::Visual;
use crate::core::view::visual_view::visual_view;
use crate::core::wording::{self as w, text, Text};
use crate::core::Language;
use crate::ui::url_sync::{link_to, use_view_state};
use crate::ui::view_controls::{copy_text, embed_snippet, select_all};

#[component]
pub fn VisualShare(
    visual: Visual,
    #[prop(into)] title: String,
    language: Language,
) -> impl IntoView {
    let interactive = crate::ui::app::use_interactive();
    let view = use_view_state();
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    let visual = StoredValue::new(visual);
    let title = StoredValue::new(title);
    let link = Signal::derive(move || {
        visual.with_value(|visual| link_to(&visual_view(&view.state.get(), visual)))
    });
    let snippet = Signal::derive(move || {
        let alone = visual.with_value(|visual| visual_view(&view.state.get(), visual));
        title.with_value(|title| embed_snippet(&alone, title))
    });
    let copy = move |what: Signal<String>, done: Text, by_hand: Text| {
        let copied = what.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&copied).await;
            status.set(Some(text(language, if ok { done } else { by_hand })));
        });
    };
    let on_toggle = move |event: web_sys::Event| {
        let opened = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|details| details.open());
        open.set(opened);
        status.set(None);
    };
    let panel = move || {
        open.get().then(|| {
            view! {
                <div class="visual-share-panel">
                    <label class="visual-share-field">
                        <span>{text(language, w::LINK_TO_THIS_VISUAL)}</span>
                        <input type="text" readonly class="visual-link" prop:value=link on:focus=select_all />
                    </label>
                    <button type="button" class="button button-secondary" data-control="copy-visual-link"
                        on:click=move |_| copy(link, w::COPIED, w::COPY_BY_HAND)>{text(language, w::COPY_LINK)}</button>
                    <label class="visual-share-field">
                        <span>{text(language, w::EMBED_THIS_VISUAL)}</span>
                        <textarea readonly rows="4" class="embed-snippet visual-snippet" prop:value=snippet on:focus=select_all></textarea>
                    </label>
                    <button type="button" class="button button-secondary" data-control="copy-visual-embed"
                        on:click=move |_| copy(snippet, w::EMBED_CODE_COPIED, w::COPY_BY_HAND)>{text(language, w::COPY_EMBED_CODE)}</button>
                    <p class="share-status" role="status">{move || status.get()}</p>
                </div>
            }
        })
    };
    view! {
        <details class="visual-share" inert=move || !interactive.get() on:toggle=on_toggle>
            <summary class="button button-secondary" data-control="visual-share">{text(language, w::LINK_OR_EMBED)}</summary>
            {panel}
        </details>
    }
    // Type-erased: it sits inside figure cards, charts and the map, whose view types are deep
    // enough already (builds without `erase_components`, such as the fuzzers', hit the limit).
    .into_any()
}
