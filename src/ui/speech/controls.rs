//! The read-aloud controls: the switch (among the view controls, and in embed mode's header)
//! with what it can and cannot do here, each section's "read this section" button, and the
//! bar shown while something is being said (pause, stop, slower).

use leptos::prelude::*;

use crate::core::wording::{self as w, text};
use crate::core::Language;
use crate::ui::speech::engine::Availability;
use crate::ui::speech::read_aloud::use_read_aloud;
use crate::ui::url_sync::use_view_state;

/// "朗读 / Read aloud": on or off (the view state, so the URL), and why it cannot speak here
/// when it cannot.
#[component]
pub fn ReadAloudSwitch(language: Language) -> impl IntoView {
    let view = use_view_state();
    let read_aloud = use_read_aloud();
    let on = crate::ui::preferences::use_preferences().read_aloud;
    let status = move || {
        let read_aloud = read_aloud?;
        if !on.get() {
            return None;
        }
        Some(text(
            language,
            match read_aloud.availability.get() {
                Availability::Unknown => return None,
                Availability::Checking => w::SPEECH_CHECKING,
                Availability::Ready => w::READ_ALOUD_HINT,
                Availability::NoSynthesis => w::SPEECH_NOT_AVAILABLE,
                Availability::NoVoice => w::SPEECH_NO_VOICE,
            },
        ))
    };
    let unavailable = move || {
        read_aloud.is_some_and(|read_aloud| {
            matches!(
                read_aloud.availability.get(),
                Availability::NoSynthesis | Availability::NoVoice
            )
        })
    };
    view! {
        <span class="read-aloud-control">
            <button type="button" class="button button-secondary" data-control="read-aloud"
                aria-pressed=move || on.get().to_string()
                aria-describedby="read-aloud-status"
                on:click=move |_| view.state.update(|state| state.read_aloud = !state.read_aloud)>
                {text(language, w::READ_ALOUD)}
            </button>
            <span id="read-aloud-status" class="read-aloud-status" class:unavailable=unavailable role="status" aria-live="polite">{status}</span>
        </span>
    }
}

/// "朗读本节 / Read this section" (shown while read aloud is on; see the stylesheet).
#[component]
pub fn ReadSectionButton(section: String, language: Language) -> impl IntoView {
    let read_aloud = use_read_aloud();
    let on_click = move |_| {
        if let Some(read_aloud) = read_aloud {
            read_aloud.read_section(&section);
        }
    };
    view! {
        <button type="button" class="button button-secondary read-section" data-control="read-section" on:click=on_click>
            {text(language, w::READ_THIS_SECTION)}
        </button>
    }
}

/// Pause, stop and a slower rate, while something is being said.
#[component]
pub fn SpeechBar(language: Language) -> impl IntoView {
    let Some(read_aloud) = use_read_aloud() else {
        return ().into_any();
    };
    view! {
        <div class="speech-bar" role="region" aria-label=text(language, w::SPEECH_CONTROLS)
            hidden=move || !read_aloud.speaking.get()>
            <span class="speech-now">{text(language, w::SPEECH_READING)}</span>
            <button type="button" class="button button-secondary" data-control="speech-pause"
                aria-pressed=move || read_aloud.paused.get().to_string()
                on:click=move |_| read_aloud.toggle_pause()>
                {text(language, w::SPEECH_PAUSE)}
            </button>
            <button type="button" class="button button-secondary" data-control="speech-slower"
                aria-pressed=move || read_aloud.slower.get().to_string()
                on:click=move |_| read_aloud.slower.update(|slower| *slower = !*slower)>
                {text(language, w::SPEECH_SLOWER)}
            </button>
            <button type="button" class="button" data-control="speech-stop" on:click=move |_| read_aloud.stop()>
                {text(language, w::SPEECH_STOP)}
            </button>
        </div>
    }
    .into_any()
}
