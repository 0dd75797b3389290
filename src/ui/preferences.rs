//! App-wide view preferences derived from the view state: language, colour scheme (the
//! reader's choice, or the system's `prefers-color-scheme`, followed live), large text.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::theme::ColorScheme;
use crate::core::view::state::ThemeChoice;
use crate::core::Language;
use crate::ui::url_sync::use_view_state;

/// What every component may read.
#[derive(Clone, Copy)]
pub struct Preferences {
    pub language: Signal<Language>,
    pub color_scheme: Signal<ColorScheme>,
    pub large: Signal<bool>,
    /// Read aloud is switched on (parts of the report say themselves when tapped).
    pub read_aloud: Signal<bool>,
    /// True while the page is being printed: canvases redraw at print resolution.
    pub printing: Signal<bool>,
    /// The period chosen on the timeline (`None`: the snapshot's main period).
    pub period: Signal<Option<String>>,
}

/// Backend pixels per CSS pixel for drawing now: the screen's ratio, or 3 when printing.
pub fn drawing_scale(printing: bool) -> f64 {
    let screen = crate::ui::dom::window()
        .map(|window| window.device_pixel_ratio())
        .filter(|ratio| ratio.is_finite() && *ratio > 0.0)
        .unwrap_or(1.0);
    if printing {
        screen.max(3.0)
    } else {
        screen
    }
}

/// The preferences in context (provided by `App`; defaults elsewhere).
pub fn use_preferences() -> Preferences {
    use_context::<Preferences>().unwrap_or_else(|| Preferences {
        language: Signal::stored(Language::Zh),
        color_scheme: Signal::stored(ColorScheme::Light),
        large: Signal::stored(false),
        read_aloud: Signal::stored(false),
        printing: Signal::stored(false),
        period: Signal::stored(None),
    })
}

/// Creates the preferences from the view state and the system colour scheme, and mirrors them
/// on `<html>` (`lang`, `data-theme`, `data-large`, `data-embed`, `data-read-aloud`) for the stylesheet.
pub fn provide_preferences(ready: Signal<bool>) -> Preferences {
    let view = use_view_state();
    // The system's colour scheme is read once the page is taken over, so every part of the
    // pre-rendered page is taken over in the scheme it was rendered in (light).
    let system_dark = RwSignal::new(false);
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !ready.get() {
            return done.unwrap_or(false);
        }
        let Some(query) = crate::ui::dom::window()
            .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok())
            .flatten()
        else {
            return true;
        };
        system_dark.set(query.matches());
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| system_dark.set(event.matches()),
        );
        crate::ui::dom::warn_on_error(
            query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref()),
            "add event listener with callback",
        );
        let kept = SendWrapper::new((query, listener));
        on_cleanup(move || {
            let (query, listener) = kept.take();
            crate::ui::dom::warn_on_error(
                query.remove_event_listener_with_callback(
                    "change",
                    listener.as_ref().unchecked_ref(),
                ),
                "remove event listener with callback",
            );
        });
        true
    });
    // Memos: they notify only when their own value changes, not on every view-state change.
    let language = Memo::new(move |_| view.state.with(|state| state.language));
    let color_scheme = Memo::new(move |_| match view.state.with(|state| state.theme) {
        ThemeChoice::Light => ColorScheme::Light,
        ThemeChoice::Dark => ColorScheme::Dark,
        ThemeChoice::Auto if system_dark.get() => ColorScheme::Dark,
        ThemeChoice::Auto => ColorScheme::Light,
    });
    let large = Memo::new(move |_| view.state.with(|state| state.large));
    let embed = Memo::new(move |_| view.state.with(|state| state.embed));
    let read_aloud = Memo::new(move |_| view.state.with(|state| state.read_aloud));
    let period = Memo::new(move |_| view.state.with(|state| state.period.clone()));
    Effect::new(move |_| {
        let Some(root) = crate::ui::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        crate::ui::dom::warn_on_error(
            root.set_attribute("lang", language.get().tag()),
            "set attribute",
        );
        crate::ui::dom::warn_on_error(
            root.set_attribute(
                "data-theme",
                match color_scheme.get() {
                    ColorScheme::Light => "light",
                    ColorScheme::Dark => "dark",
                },
            ),
            "set attribute",
        );
        crate::ui::dom::warn_on_error(
            root.set_attribute("data-large", if large.get() { "1" } else { "0" }),
            "set attribute",
        );
        crate::ui::dom::warn_on_error(
            root.set_attribute("data-embed", if embed.get() { "1" } else { "0" }),
            "set attribute",
        );
        crate::ui::dom::warn_on_error(
            root.set_attribute("data-read-aloud", if read_aloud.get() { "1" } else { "0" }),
            "set attribute",
        );
    });
    let printing = RwSignal::new(false);
    if let Some(window) = crate::ui::dom::window() {
        let before = Closure::<dyn Fn()>::new(move || printing.set(true));
        let after = Closure::<dyn Fn()>::new(move || printing.set(false));
        crate::ui::dom::warn_on_error(
            window.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref()),
            "add event listener with callback",
        );
        crate::ui::dom::warn_on_error(
            window.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref()),
            "add event listener with callback",
        );
        let kept = SendWrapper::new((window, before, after));
        on_cleanup(move || {
            let (window, before, after) = kept.take();
            crate::ui::dom::warn_on_error(
                window.remove_event_listener_with_callback(
                    "beforeprint",
                    before.as_ref().unchecked_ref(),
                ),
                "remove event listener with callback",
            );
            crate::ui::dom::warn_on_error(
                window.remove_event_listener_with_callback(
                    "afterprint",
                    after.as_ref().unchecked_ref(),
                ),
                "remove event listener with callback",
            );
        });
    }
    let preferences = Preferences {
        language: language.into(),
        color_scheme: color_scheme.into(),
        large: large.into(),
        read_aloud: read_aloud.into(),
        printing: printing.into(),
        period: period.into(),
    };
    provide_context(preferences);
    preferences
}
