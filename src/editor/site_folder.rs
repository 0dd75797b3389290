//! "Make the site folder": the ready-to-host folder for the draft — what `snapshot publish`
//! writes — made in the browser by the page maker (a web worker with its own wasm,
//! `editor::page_maker`) and handed over as a `.zip`. The page stays responsive and shows how
//! far it has got; the draft must have no problems first.

use leptos::prelude::*;

use crate::core::draft::{json_text_from_snapshot, wording};
use crate::editor::context::use_editor;

/// The page maker's start-up script (trunk's loader for the worker), next to the editor's files.
pub const PAGE_MAKER_SCRIPT: &str = "./editor/pages_loader.js";

/// Where the page maker is.
#[derive(Debug, Clone, PartialEq)]
pub enum Making {
    Idle,
    /// A step's name from the page maker, and how far it is.
    Working {
        step: String,
        done: u32,
        total: u32,
    },
    Done,
}

#[component]
pub fn SiteFolder() -> impl IntoView {
    let editor = use_editor();
    let language = editor.language;
    let making = RwSignal::new(Making::Idle);
    let problems = move || editor.problem_count();
    let busy = move || matches!(making.get(), Making::Working { .. });
    let start = move |_: leptos::ev::MouseEvent| {
        let text = editor.draft.with_untracked(|draft| {
            draft
                .as_ref()
                .map(|draft| json_text_from_snapshot(draft.snapshot()))
        });
        match text {
            Some(Ok(text)) => {
                making.set(Making::Working {
                    step: "starting".to_owned(),
                    done: 0,
                    total: 1,
                });
                #[cfg(target_arch = "wasm32")]
                if let Err(why) = browser::start_worker(&text, making, editor) {
                    browser::failed(editor, making, &why);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = text;
            }
            Some(Err(error)) => editor.say(error, Vec::new(), true),
            None => {}
        }
    };
    view! {
        <section class="editor-section" aria-labelledby="site-folder-heading">
            <h2 id="site-folder-heading">{move || wording::SITE_FOLDER_HEADING.get(language.get())}</h2>
            <p>{move || wording::SITE_FOLDER_HELP.get(language.get())}</p>
            <div class="editor-actions">
                <button type="button" class="button" data-action="make-site-folder"
                    disabled=move || { problems() > 0 || busy() } on:click=start>
                    {move || if problems() > 0 { wording::fix_problems_first(problems(), language.get()) } else { wording::MAKE_SITE_FOLDER.get(language.get()).to_owned() }}
                </button>
            </div>
            <p class="site-folder-progress" role="status" aria-live="polite">
                {move || match making.get() {
                    Making::Idle => String::new(),
                    Making::Working { step, done, total } => wording::site_folder_progress(&step, done, total, language.get()),
                    Making::Done => wording::SITE_FOLDER_DONE.get(language.get()).to_owned(),
                }}
            </p>
            {move || match making.get() {
                Making::Working { done, total, .. } => Some(view! {
                    <progress class="site-folder-bar" max=total.max(1).to_string() value=done.to_string()></progress>
                }),
                _ => None,
            }}
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{Making, PAGE_MAKER_SCRIPT};
    use crate::core::draft::wording;
    use crate::core::wording::Worded;
    use crate::editor::context::EditorContext;

    fn field(data: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// The folder was not made: back to idle, and why, in the page's language.
    pub fn failed(editor: EditorContext, making: RwSignal<Making>, why: &Worded) {
        let language = editor.language.get_untracked();
        making.set(Making::Idle);
        editor.say(
            wording::site_folder_failed(language),
            vec![why.get(language).to_owned()],
            true,
        );
    }

    /// Starts a page maker for the snapshot `text`; it answers until it is done or fails, then
    /// is stopped.
    pub fn start_worker(
        text: &str,
        making: RwSignal<Making>,
        editor: EditorContext,
    ) -> Result<(), Worded> {
        let worker = web_sys::Worker::new(PAGE_MAKER_SCRIPT)
            .map_err(|_| Worded::from(wording::PAGE_MAKER_NOT_STARTED))?;
        let kept = worker.clone();
        let language = editor.language;
        let request = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&request, &"snapshot".into(), &text.into());
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                match field(&data, "kind").as_string().as_deref() {
                    // Its wasm has started and listens: now the draft can be sent (a message sent
                    // before would be lost).
                    Some("ready") if kept.post_message(&request).is_err() => {
                        kept.terminate();
                        failed(editor, making, &wording::PAGE_MAKER_NO_DRAFT.into());
                    }
                    Some("progress") => making.set(Making::Working {
                        step: field(&data, "step").as_string().unwrap_or_default(),
                        done: field(&data, "done").as_f64().unwrap_or(0.0) as u32,
                        total: field(&data, "total").as_f64().unwrap_or(1.0) as u32,
                    }),
                    Some("done") => {
                        kept.terminate();
                        let zip = js_sys::Uint8Array::new(&field(&data, "zip")).to_vec();
                        let name = wording::SITE_FOLDER_FILE.get(language.get_untracked());
                        match crate::ui::chart::download::offer_bytes(&zip, "application/zip", name)
                        {
                            Ok(()) => making.set(Making::Done),
                            Err(error) => {
                                failed(editor, making, &Worded::new(error.clone(), error))
                            }
                        }
                    }
                    Some("error") => {
                        kept.terminate();
                        let said =
                            |language: &str| field(&data, language).as_string().unwrap_or_default();
                        failed(editor, making, &Worded::new(said("zh"), said("en")));
                    }
                    _ => {}
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let stopped = worker.clone();
        let on_error =
            Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                stopped.terminate();
                failed(
                    editor,
                    making,
                    &wording::page_maker_stopped(&event.message()),
                );
            });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(())
    }
}
