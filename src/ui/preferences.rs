//! App-wide view preferences, provided as context: language and colour scheme.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::data_source::query_param;
use crate::core::theme::ColorScheme;
use crate::core::Language;

/// What every component may read.
#[derive(Clone, Copy)]
pub struct Preferences {
    pub language: RwSignal<Language>,
    pub color_scheme: RwSignal<ColorScheme>,
}

/// The preferences in context (provided by `App`).
pub fn use_preferences() -> Preferences {
    use_context::<Preferences>().unwrap_or_else(|| Preferences {
        language: RwSignal::new(Language::Zh),
        color_scheme: RwSignal::new(ColorScheme::Light),
    })
}

/// `zh` or `en` text for the current language.
pub fn tr(language: Language, zh: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Zh => zh,
        Language::En => en,
    }
}

/// Creates the preferences: language from `?lang=`, colour scheme from
/// `prefers-color-scheme` (followed live).
pub fn provide_preferences() -> Preferences {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let language = match query_param(&search, "lang").as_deref() {
        Some("en") => Language::En,
        _ => Language::Zh,
    };
    let color_scheme = RwSignal::new(ColorScheme::Light);
    if let Some(query) = web_sys::window()
        .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok())
        .flatten()
    {
        let scheme_of = |dark: bool| {
            if dark {
                ColorScheme::Dark
            } else {
                ColorScheme::Light
            }
        };
        color_scheme.set(scheme_of(query.matches()));
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| color_scheme.set(scheme_of(event.matches())),
        );
        let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        let kept = SendWrapper::new((query, listener));
        on_cleanup(move || {
            let (query, listener) = kept.take();
            let _ = query
                .remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        });
    }
    let preferences = Preferences {
        language: RwSignal::new(language),
        color_scheme,
    };
    provide_context(preferences);
    preferences
}
