//! Taking over the pre-rendered page in slices.
//!
//! Hydrating the whole report at once is one long task on a slow phone (the main thread is
//! held while every component is set up). So each block of the report is a [`Deferred`]:
//! - natively (the pre-rendered page), its content is rendered into the page as usual;
//! - hydrating, the first pass leaves its content alone (it is opaque to the hydration
//!   cursor), and the content is hydrated later, one block per task, in page order, as its own
//!   hydration root with the app's contexts;
//! - rendered afresh in the browser, it is just its content.
//!
//! The markup is the same in all three: `<div class="deferred">` and the content.

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
use std::collections::VecDeque;
use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::app::{use_rendering, Rendering};
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
use crate::ui::{app::Interactive, preferences::Preferences, url_sync::ViewStateContext};

/// The content of a deferred block.
pub type Content = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// The blocks still waiting to be hydrated, and how many there are (for `data-complete`).
#[derive(Clone, Copy)]
pub struct DeferredQueue {
    pending: RwSignal<usize>,
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    jobs: StoredValue<VecDeque<Box<dyn FnOnce()>>, LocalStorage>,
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    running: StoredValue<bool>,
}

impl DeferredQueue {
    /// Blocks not hydrated yet (0 once the page is fully taken over).
    pub fn pending(&self) -> Signal<usize> {
        self.pending.into()
    }

    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    fn push(self, job: Box<dyn FnOnce()>) {
        self.jobs.update_value(|jobs| jobs.push_back(job));
        self.pending.update(|pending| *pending += 1);
        if !self.running.get_value() {
            self.running.set_value(true);
            self.next_task();
        }
    }

    /// Runs the next job in a task of its own (after the current one, so the browser can
    /// paint and handle input in between).
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    fn next_task(self) {
        set_timeout(
            move || {
                let job = self
                    .jobs
                    .try_update_value(|jobs| jobs.pop_front())
                    .flatten();
                match job {
                    Some(job) => {
                        job();
                        self.pending
                            .update(|pending| *pending = pending.saturating_sub(1));
                        self.next_task();
                    }
                    None => self.running.set_value(false),
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Provides the queue (in `App`).
pub fn provide_deferred_queue() -> DeferredQueue {
    let queue = DeferredQueue {
        pending: RwSignal::new(0),
        #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
        jobs: StoredValue::new_local(VecDeque::new()),
        #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
        running: StoredValue::new(false),
    };
    provide_context(queue);
    queue
}

/// Blocks not hydrated yet (0 without a queue).
pub fn use_pending_blocks() -> Signal<usize> {
    use_context::<DeferredQueue>()
        .map(|queue| queue.pending())
        .unwrap_or_else(|| Signal::stored(0))
}

/// The contexts a deferred block's components read, carried into its own hydration root.
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[derive(Clone, Copy)]
struct Carried {
    view: Option<ViewStateContext>,
    preferences: Option<Preferences>,
    queue: Option<DeferredQueue>,
    read_aloud: Option<crate::ui::speech::read_aloud::ReadAloud>,
}

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
impl Carried {
    fn capture() -> Self {
        Carried {
            view: use_context(),
            preferences: use_context(),
            queue: use_context(),
            read_aloud: use_context(),
        }
    }

    fn provide(self) {
        if let Some(view) = self.view {
            provide_context(view);
        }
        if let Some(preferences) = self.preferences {
            provide_context(preferences);
        }
        if let Some(queue) = self.queue {
            provide_context(queue);
        }
        if let Some(read_aloud) = self.read_aloud {
            provide_context(read_aloud);
        }
    }
}

#[component]
pub fn Deferred(content: Content) -> impl IntoView {
    match use_rendering() {
        Rendering::Static => {
            // Rendered here as HTML text: the hydrating pass treats it as opaque.
            let html = content().to_html();
            view! { <div class="deferred" inner_html=html></div> }.into_any()
        }
        Rendering::Client => view! { <div class="deferred">{content()}</div> }.into_any(),
        Rendering::Hydrating => hydrate_later(content),
    }
}

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
fn hydrate_later(content: Content) -> AnyView {
    use wasm_bindgen::JsCast;

    use crate::ui::snapshot_fetch::mark;

    let node = NodeRef::<leptos::html::Div>::new();
    let carried = Carried::capture();
    let handle = StoredValue::new_local(None::<leptos::mount::UnmountHandle<_>>);
    if let Some(queue) = carried.queue {
        queue.push(Box::new(move || {
            let Some(element) = node.get_untracked() else {
                return;
            };
            let element: web_sys::HtmlElement = element.unchecked_into();
            mark("block-hydrate-start");
            let mounted = leptos::mount::hydrate_from(element, move || {
                carried.provide();
                // This block runs once its own hydration is done (an effect), so its markup
                // hydrates as pre-rendered (controls inert) and then changes.
                let interactive = RwSignal::new(false);
                provide_context(Interactive(interactive.into()));
                Effect::new(move |_| interactive.set(true));
                content()
            });
            // For the benchmarks: how long each block's takeover held the main thread.
            mark("block-hydrated");
            // When the block is gone already (the view changed before its turn came), the
            // handle comes back and is dropped here, which unmounts what was just hydrated.
            let _ = handle.try_set_value(Some(mounted));
        }));
    }
    on_cleanup(move || {
        let _ = handle.try_update_value(|kept| kept.take());
    });
    view! { <div class="deferred" node_ref=node inner_html=String::new()></div> }.into_any()
}

#[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
fn hydrate_later(content: Content) -> AnyView {
    // Natively there is no hydration; render as a static page would.
    let html = content().to_html();
    view! { <div class="deferred" inner_html=html></div> }.into_any()
}
