//! The browser's speech synthesis (Web Speech API, on the device: no network, no service):
//! whether it can speak a language, and speaking a list of utterances one after another, so
//! that the reader hears where each one starts (to highlight it) and a long section is never
//! one long utterance (some engines cut those off).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::core::speech::{voice_rank, Utterance};
use crate::core::Language;

/// Whether the page can read aloud in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Not looked at yet (read aloud is off).
    Unknown,
    /// The browser is still loading its voices.
    Checking,
    Ready,
    /// The browser has no speech synthesis at all.
    NoSynthesis,
    /// It has, but no voice for the language.
    NoVoice,
}

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = crate::ui::dom::window()?;
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// The voices the browser has now (it may load them some time after the page).
fn voices(synthesis: &SpeechSynthesis) -> Vec<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(JsCast::unchecked_into)
        .collect()
}

/// The best voice for `language`, if there is one.
fn voice_for(synthesis: &SpeechSynthesis, language: Language) -> Option<SpeechSynthesisVoice> {
    voices(synthesis)
        .into_iter()
        .filter_map(|voice| voice_rank(&voice.lang(), language).map(|rank| (rank, voice)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, voice)| voice)
}

/// What the browser can do for `language` now; `Checking` while its voice list is still empty.
pub fn availability(language: Language) -> Availability {
    let Some(synthesis) = synthesis() else {
        return Availability::NoSynthesis;
    };
    if voice_for(&synthesis, language).is_some() {
        Availability::Ready
    } else if voices(&synthesis).is_empty() {
        Availability::Checking
    } else {
        Availability::NoVoice
    }
}

/// An utterance being spoken, kept alive until it ends (some engines stop calling back on an
/// utterance nobody holds).
struct Speaking {
    utterance: SpeechSynthesisUtterance,
    _on_end: Closure<dyn FnMut()>,
}

impl Drop for Speaking {
    /// The callbacks are taken off before they are dropped: a cancelled utterance still
    /// reports its end, later.
    fn drop(&mut self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

/// Speaks queues of utterances; starting a new queue or stopping drops the old one.
#[derive(Default)]
pub struct Speaker {
    /// Bumped by every new queue and every stop: callbacks of older queues do nothing.
    generation: Cell<u64>,
    current: RefCell<Option<Speaking>>,
}

/// One item of a queue: which step it belongs to (for highlighting), and what to say.
pub struct Queued {
    pub step: usize,
    pub utterance: Utterance,
}

/// Called when a step starts (`Some(step)`) and when the queue is done (`None`).
pub type OnStep = Rc<dyn Fn(Option<usize>)>;

impl Speaker {
    /// Stops speaking now (and forgets the queue).
    pub fn stop(&self) {
        self.generation.set(self.generation.get() + 1);
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
        self.current.replace(None);
    }

    pub fn pause(&self) {
        if let Some(synthesis) = synthesis() {
            synthesis.pause();
        }
    }

    pub fn resume(&self) {
        if let Some(synthesis) = synthesis() {
            synthesis.resume();
        }
    }

    /// Says `queue` in order at `rate`, after stopping whatever was being said.
    pub fn speak(self: &Rc<Self>, queue: Vec<Queued>, rate: f64, on_step: OnStep) {
        self.stop();
        let generation = self.generation.get();
        Rc::clone(self).speak_from(Rc::new(queue), 0, generation, rate, on_step);
    }

    fn speak_from(
        self: Rc<Self>,
        queue: Rc<Vec<Queued>>,
        index: usize,
        generation: u64,
        rate: f64,
        on_step: OnStep,
    ) {
        if self.generation.get() != generation {
            return;
        }
        let (Some(item), Some(synthesis)) = (queue.get(index), synthesis()) else {
            self.current.replace(None);
            on_step(None);
            return;
        };
        if index == 0 || queue[index - 1].step != item.step {
            on_step(Some(item.step));
        }
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&item.utterance.text) else {
            on_step(None);
            return;
        };
        let language = item.utterance.language;
        utterance.set_lang(match language {
            Language::Zh => "zh-CN",
            Language::En => "en-GB",
        });
        if let Some(voice) = voice_for(&synthesis, language) {
            utterance.set_voice(Some(&voice));
        }
        utterance.set_rate(rate as f32);
        // Ended or failed (also when cancelled): go on in a task of its own, so that this
        // callback is not dropped while it runs. A stale generation makes it do nothing.
        let next = {
            let speaker = Rc::clone(&self);
            let queue = Rc::clone(&queue);
            let on_step = Rc::clone(&on_step);
            let fired = Rc::new(Cell::new(false));
            Closure::<dyn FnMut()>::new(move || {
                if fired.replace(true) {
                    return;
                }
                let (speaker, queue, on_step) =
                    (Rc::clone(&speaker), Rc::clone(&queue), Rc::clone(&on_step));
                leptos::prelude::set_timeout(
                    move || speaker.speak_from(queue, index + 1, generation, rate, on_step),
                    std::time::Duration::ZERO,
                );
            })
        };
        utterance.set_onend(Some(next.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(next.as_ref().unchecked_ref()));
        synthesis.speak(&utterance);
        self.current.replace(Some(Speaking {
            utterance,
            _on_end: next,
        }));
    }
}
