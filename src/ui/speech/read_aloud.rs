//! Read aloud (朗读 / 指读), app-wide: on only when the reader switches it on (the view state,
//! so the URL). Then tapping, clicking or keyboard-focusing a part of the report marked
//! `data-speak` (figure cards, headings, paragraphs, village cards) speaks it, through one
//! listener on the window; charts and the map call [`ReadAloud::say`] for a bar or a village
//! tile; a section can be read on, its current part highlighted. Asked again for the same
//! part, it says the report's own words. Speech stops when switched off, when the view changes
//! (language, theme, text size, data, period), on Esc, and when the page is left.
//!
//! What is said comes from `core::speech`; the browser only voices it (`engine`).

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::snapshot::Snapshot;
use crate::core::speech::{
    phrase_for_key, section_reading, source_for_key, source_phrase, speech_rate, Press,
    ReadingTarget, SpeechKey, Utterance,
};
use crate::core::Language;
use crate::ui::preferences::Preferences;
use crate::ui::speech::engine::{availability, Availability, OnStep, Queued, Speaker};
use crate::ui::url_sync::ViewStateContext;

/// How a reader asked for a part to be said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Tapped or clicked (or Enter): asked again, it says the report's own words.
    Tap,
    /// Reached with the keyboard: said once; focus landing on what was just said is quiet.
    Focus,
}

/// The read-aloud state every part may use (`Copy`).
#[derive(Clone, Copy)]
pub struct ReadAloud {
    /// Switched on (the view state).
    pub enabled: Signal<bool>,
    pub availability: RwSignal<Availability>,
    /// Something is being said.
    pub speaking: RwSignal<bool>,
    pub paused: RwSignal<bool>,
    /// The slower rate: on with large-text mode, and the reader may change it.
    pub slower: RwSignal<bool>,
    /// The section being read on, if any.
    pub section: RwSignal<Option<String>>,
    language: Signal<Language>,
    large: Signal<bool>,
    period: Signal<Option<String>>,
    /// The snapshot shown (set once it is loaded).
    snapshot: StoredValue<Option<Arc<Snapshot>>>,
    /// What was said last (a `data-speak` key or a chart figure), and whether its source
    /// phrase was said after it.
    last: StoredValue<Option<(String, bool)>>,
    speaker: StoredValue<Rc<Speaker>, LocalStorage>,
    highlighted: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// Where the pointer press that the next click ends began: see [`Press`].
    press: StoredValue<Press>,
}

/// The read-aloud state in context (provided by `App`).
pub fn use_read_aloud() -> Option<ReadAloud> {
    use_context::<ReadAloud>()
}

impl ReadAloud {
    /// The snapshot whose parts are said.
    pub fn set_snapshot(&self, snapshot: Arc<Snapshot>) {
        self.snapshot.set_value(Some(snapshot));
    }

    fn can_speak(&self) -> bool {
        self.enabled.get_untracked() && self.availability.get_untracked() == Availability::Ready
    }

    /// Says `phrase` for the part named `id`; asked again (by a tap), says `source` (the
    /// report's own words) if there is one.
    pub fn say(&self, id: String, phrase: String, source: Option<String>, trigger: Trigger) {
        if !self.can_speak() {
            return;
        }
        let language = self.language.get_untracked();
        let again = self
            .last
            .with_value(|last| last.as_ref().map(|(last_id, _)| last_id == &id))
            .unwrap_or(false);
        let source_said = self
            .last
            .with_value(|last| last.as_ref().is_some_and(|(_, source)| *source));
        let utterances = match (trigger, again, source) {
            (Trigger::Focus, true, _) => return,
            (Trigger::Tap, true, Some(source)) if !source_said => {
                self.last.set_value(Some((id, true)));
                source_phrase(&source, language)
            }
            _ => {
                self.last.set_value(Some((id, false)));
                vec![Utterance {
                    language,
                    text: phrase,
                }]
            }
        };
        self.section.set(None);
        self.clear_highlight();
        let queue = utterances
            .into_iter()
            .map(|utterance| Queued { step: 0, utterance })
            .collect();
        self.speak(queue, Rc::new(|_| {}));
    }

    /// Says the part of the page marked `data-speak="<attribute>"`.
    pub fn say_key(&self, attribute: &str, trigger: Trigger) {
        let Some(key) = SpeechKey::from_attribute(attribute) else {
            return;
        };
        let Some(snapshot) = self.snapshot.get_value() else {
            return;
        };
        let period = self.period.get_untracked();
        let language = self.language.get_untracked();
        let Some(phrase) = phrase_for_key(&snapshot, &key, language, period.as_deref()) else {
            return;
        };
        let source = source_for_key(&snapshot, &key);
        self.say(attribute.to_owned(), phrase, source, trigger);
    }

    /// Reads section `section_id` on, from its heading to its last block, highlighting each
    /// part as it is said.
    pub fn read_section(&self, section_id: &str) {
        if !self.can_speak() {
            return;
        }
        let Some(snapshot) = self.snapshot.get_value() else {
            return;
        };
        let language = self.language.get_untracked();
        let period = self.period.get_untracked();
        let Some(steps) = section_reading(&snapshot, section_id, language, period.as_deref())
        else {
            return;
        };
        self.last.set_value(None);
        self.section.set(Some(section_id.to_owned()));
        let targets: Vec<ReadingTarget> = steps.iter().map(|step| step.target.clone()).collect();
        let queue = steps
            .into_iter()
            .enumerate()
            .flat_map(|(step, reading)| {
                reading
                    .utterances
                    .into_iter()
                    .map(move |utterance| Queued { step, utterance })
            })
            .collect();
        let this = *self;
        let section = section_id.to_owned();
        self.speak(
            queue,
            Rc::new(move |step| match step {
                Some(step) => this.highlight(&section, &targets[step]),
                None => this.clear_highlight(),
            }),
        );
    }

    fn speak(&self, queue: Vec<Queued>, on_step: OnStep) {
        let speaking = self.speaking;
        let paused = self.paused;
        let section = self.section;
        let on_step: OnStep = Rc::new(move |step| {
            on_step(step);
            if step.is_none() {
                let _ = speaking.try_set(false);
                let _ = paused.try_set(false);
                let _ = section.try_set(None);
            }
        });
        speaking.set(true);
        paused.set(false);
        let rate = speech_rate(self.slower.get_untracked());
        self.speaker
            .with_value(|speaker| speaker.speak(queue, rate, on_step));
    }

    /// Stops speaking (and section reading) now.
    pub fn stop(&self) {
        let speaking = self.speaking.try_get_untracked().unwrap_or(false);
        if let Some(speaker) = self.speaker.try_get_value() {
            speaker.stop();
        }
        if speaking {
            let _ = self.speaking.try_set(false);
            let _ = self.paused.try_set(false);
            let _ = self.section.try_set(None);
        }
        self.clear_highlight();
    }

    pub fn toggle_pause(&self) {
        let paused = !self.paused.get_untracked();
        self.speaker.with_value(|speaker| {
            if paused {
                speaker.pause()
            } else {
                speaker.resume()
            }
        });
        self.paused.set(paused);
    }

    fn clear_highlight(&self) {
        if let Some(Some(element)) = self.highlighted.try_get_value() {
            crate::ui::dom::warn_on_error(element.class_list().remove_1("reading"), "remove class");
            let _ = self.highlighted.try_set_value(None);
        }
    }

    /// Highlights the part being read and brings it into view.
    fn highlight(&self, section: &str, target: &ReadingTarget) {
        self.clear_highlight();
        let Some(document) = crate::ui::dom::document() else {
            return;
        };
        let element = match target {
            ReadingTarget::Heading => document.get_element_by_id(&format!("{section}-heading")),
            ReadingTarget::Block { block } => {
                document.get_element_by_id(section).and_then(|section| {
                    section
                        .query_selector(&format!("[data-block=\"{block}\"]"))
                        .ok()
                        .flatten()
                })
            }
            ReadingTarget::Figure { block, indicator } => {
                document.get_element_by_id(section).and_then(|section| {
                    section
                        .query_selector(&format!(
                            "[data-block=\"{block}\"] [data-indicator=\"{indicator}\"]"
                        ))
                        .ok()
                        .flatten()
                })
            }
        };
        let Some(element) = element else {
            return;
        };
        crate::ui::dom::warn_on_error(element.class_list().add_1("reading"), "add class");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        self.highlighted.set_value(Some(element));
    }
}

/// The element marked `data-speak` that an event's target is in, unless the target is a
/// control inside it (a card's Close button or its link / embed control speaks nothing).
fn speakable_target(event: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let marked = target.closest("[data-speak]").ok()??;
    let control = target
        .closest("button, a[href], input, select, textarea, .visual-share")
        .ok()
        .flatten();
    if control.is_some_and(|control| control != marked && marked.contains(Some(&control))) {
        return None;
    }
    let key = marked.get_attribute("data-speak")?;
    Some((marked, key))
}

/// Creates the read-aloud state and its listeners (browser only, once the page is taken over).
pub fn provide_read_aloud(
    view: ViewStateContext,
    preferences: Preferences,
    ready: Signal<bool>,
) -> ReadAloud {
    let enabled = preferences.read_aloud;
    let read_aloud = ReadAloud {
        enabled,
        availability: RwSignal::new(Availability::Unknown),
        speaking: RwSignal::new(false),
        paused: RwSignal::new(false),
        slower: RwSignal::new(false),
        section: RwSignal::new(None),
        language: preferences.language,
        large: preferences.large,
        period: preferences.period,
        snapshot: StoredValue::new(None),
        last: StoredValue::new(None),
        speaker: StoredValue::new_local(Rc::new(Speaker::default())),
        highlighted: StoredValue::new_local(None),
        press: StoredValue::new(Press::None),
    };
    provide_context(read_aloud);
    // Whether this browser can speak the page's language: looked at when switched on, and
    // again while its voices are still loading (for about two seconds).
    Effect::new(move |_| {
        let language = read_aloud.language.get();
        if !ready.get() || !enabled.get() {
            read_aloud.availability.set(Availability::Unknown);
            return;
        }
        fn check(read_aloud: ReadAloud, language: Language, tries: u32) {
            let now = availability(language);
            let now = match now {
                Availability::Checking if tries == 0 => Availability::NoVoice,
                other => other,
            };
            let _ = read_aloud.availability.try_set(now);
            // The section buttons show only where speech works (see the stylesheet).
            if let Some(root) = crate::ui::dom::document().and_then(|d| d.document_element()) {
                let ready = if now == Availability::Ready { "1" } else { "0" };
                crate::ui::dom::warn_on_error(
                    root.set_attribute("data-speech-ready", ready),
                    "set attribute",
                );
            }
            if now == Availability::Checking {
                set_timeout(
                    move || {
                        if read_aloud.enabled.try_get_untracked() == Some(true) {
                            check(read_aloud, language, tries - 1);
                        }
                    },
                    std::time::Duration::from_millis(200),
                );
            }
        }
        check(read_aloud, language, 10);
    });
    // Stops when switched off, and when the view changes under what is being said.
    let other_data = Memo::new(move |_| view.state.with(|state| state.data.clone()));
    // (Read with `get`: with `track` alone, this effect was seen to run on unrelated changes
    // of the view state too, such as opening a figure card, and cut off what it said.)
    Effect::new(move |previous: Option<()>| {
        let _ = (
            enabled.get(),
            read_aloud.language.get(),
            read_aloud.large.get(),
            read_aloud.period.get(),
            preferences.color_scheme.get(),
            other_data.get(),
        );
        read_aloud.slower.set(read_aloud.large.get_untracked());
        if previous.is_some() {
            read_aloud.stop();
            read_aloud.last.set_value(None);
        }
    });
    if crate::ui::dom::window().is_some() {
        // Where each press begins (nothing in the app stops a pointerdown on its way up); only
        // while read aloud is on: otherwise no click speaks, and none needs its press.
        let on_press = window_event_listener(leptos::ev::pointerdown, move |event| {
            if !read_aloud.enabled.get_untracked() {
                return;
            }
            let pressed = speakable_target(&event).map(|(_, key)| key);
            read_aloud.press.set_value(Press::On(pressed));
        });
        let on_click = window_event_listener(leptos::ev::click, move |event| {
            let press = read_aloud.press.try_update_value(std::mem::take);
            if !read_aloud.enabled.get_untracked() {
                return;
            }
            if let Some((_, key)) = speakable_target(&event) {
                if press.unwrap_or_default().lets_click_speak(&key) {
                    read_aloud.say_key(&key, Trigger::Tap);
                }
            }
        });
        let on_focus = window_event_listener(leptos::ev::focusin, move |event| {
            if !read_aloud.enabled.get_untracked() {
                return;
            }
            // Keyboard focus only: a tap also focuses, and is answered by its click.
            let keyboard = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
            if let (true, Some((_, key))) = (keyboard, speakable_target(&event)) {
                read_aloud.say_key(&key, Trigger::Focus);
            }
        });
        let on_key = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" && read_aloud.speaking.get_untracked() {
                read_aloud.stop();
            }
        });
        let on_leave = window_event_listener(leptos::ev::pagehide, move |_| read_aloud.stop());
        on_cleanup(move || {
            on_press.remove();
            on_click.remove();
            on_focus.remove();
            on_key.remove();
            on_leave.remove();
        });
    }
    read_aloud
}
