//! A figure card: the value with its qualifier shown honestly and its unit; opening it shows
//! the exact source phrase (a native `<details>`, so it works by touch, mouse and keyboard).

use leptos::prelude::*;

use crate::core::format::{format_value, qualifier_phrase, spoken_value};
use crate::core::snapshot::{Indicator, Qualifier, Source};
use crate::core::wording::{self as w, text};
use crate::core::Language;

use crate::core::view::visual::Visual;
use crate::ui::url_sync::use_view_state;
use crate::ui::visual_share::VisualShare;

#[component]
pub fn FigureCard(
    indicator: Indicator,
    source: Option<Source>,
    language: Language,
    /// The period shown (the timeline); `None` for the indicator's main period.
    #[prop(default = None)]
    period: Option<String>,
) -> impl IntoView {
    let for_period = crate::core::chart::model::quantity_for_period(&indicator, period.as_deref());
    let missing_period = for_period.is_none();
    let (shown_period, quantity) = for_period.unwrap_or_else(|| {
        (
            period.clone().unwrap_or_default(),
            crate::core::chart::model::Quantity {
                value: None,
                qualifier: Qualifier::Exact,
            },
        )
    });
    let mut indicator = indicator;
    indicator.value = quantity.value;
    indicator.qualifier = quantity.qualifier;
    indicator.period = shown_period;
    let value = if missing_period {
        "–".to_owned()
    } else {
        format_value(indicator.value, indicator.qualifier, language)
    };
    let unit = indicator.unit.get(language).to_owned();
    let label = indicator.label.get(language).to_owned();
    let spoken = spoken_value(indicator.value, indicator.qualifier, &unit, language);
    let badge = if missing_period {
        Some(text(language, w::NO_VALUE_FOR_THIS_PERIOD))
    } else if indicator.value.is_none() {
        Some(text(language, w::NOT_STATED))
    } else if indicator.qualifier != Qualifier::Exact {
        Some(qualifier_phrase(indicator.qualifier, language))
    } else {
        None
    };
    let qualifier_class = match indicator.value {
        None => "unstated".to_owned(),
        Some(_) => indicator.qualifier.as_str().replace('_', "-"),
    };
    let source_line = source.map(|source| w::source_line(language, &source, false));
    let note = indicator.note.map(|note| note.get(language).to_owned());
    // The opened card is part of the view state (and so of the URL).
    let view_state = use_view_state();
    let id = indicator.id.clone();
    let is_open = Memo::new(move |_| {
        view_state
            .state
            .with(|state| state.indicator.as_deref() == Some(id.as_str()))
    });
    let id = indicator.id.clone();
    let on_toggle = move |event: web_sys::Event| {
        let open = event
            .target()
            .and_then(|target| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(target).ok()
            })
            .is_some_and(|details| details.open());
        view_state.state.update(|state| {
            if open {
                if state.indicator.as_deref() != Some(id.as_str()) {
                    state.indicator = Some(id.clone());
                }
            } else if state.indicator.as_deref() == Some(id.as_str()) {
                state.indicator = None;
            }
        });
    };
    let speech_key = crate::core::speech::SpeechKey::Figure {
        indicator: indicator.id.clone(),
    }
    .attribute();
    view! {
        <details class=format!("figure-card qualifier-{qualifier_class}") id=format!("figure-{}", indicator.id) data-indicator=indicator.id.clone() data-speak=speech_key prop:open=is_open on:toggle=on_toggle>
            <summary>
                <span class="figure-label">{label.clone()}</span>
                <span class="figure-value">
                    <span class="figure-number">{value}</span>
                    <span class="figure-unit">{unit}</span>
                </span>
                <span class="sr-only">{format!("（{spoken}）")}</span>
                {badge.map(|text| view! { <span class="figure-badge">{text}</span> })}
            </summary>
            <div class="figure-source">
                <blockquote lang="zh-CN">{format!("“{}”", indicator.quote)}</blockquote>
                {note.map(|note| view! { <p class="figure-note">{note}</p> })}
                {source_line.map(|line| view! { <p class="figure-source-line">{line}</p> })}
                <p class="figure-period">{format!("{}{}", text(language, w::PERIOD), indicator.period)}</p>
                <VisualShare visual=Visual::Figure(indicator.id.clone()) title=label.clone() language=language />
            </div>
        </details>
    }
}
