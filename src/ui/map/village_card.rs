//! The card of one village (or community): name, official code, community (marked when
//! inferred), designations with the report's phrase, every value it has, and sources.
//! Shown in the page below the map, not as a pop-up.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::heading::heading as heading_of;

use crate::core::format::{designation_label, format_value, with_unit};
use crate::core::snapshot::{PlaceKind, Snapshot};
use crate::core::wording::{self as w, text};
use crate::core::Language;

#[component]
pub fn VillageCard(
    snapshot: Arc<Snapshot>,
    place_id: String,
    language: Language,
    /// The level of the card's heading (one below the map's title).
    #[prop(default = 4)]
    heading: u8,
    on_close: Callback<()>,
) -> impl IntoView {
    let Some(place) = snapshot.place(&place_id).cloned() else {
        return view! { <p class="inline-error" role="status">{text(language, w::NO_SUCH_VILLAGE)}</p> }.into_any();
    };
    let source_title = |id: &str| {
        snapshot
            .source(id)
            .map(|source| source.title.get(language).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let kind = match place.kind {
        PlaceKind::Village => text(language, w::ADMINISTRATIVE_VILLAGE),
        PlaceKind::Community => text(language, w::COMMUNITY),
    };
    // Said as the data says it: the place's source gives no code (nothing more is known).
    let code = place
        .code
        .clone()
        .unwrap_or_else(|| text(language, w::NONE_THE_SOURCE_OF_THE).to_owned());
    let community = place.community.as_ref().map(|link| {
        let name = snapshot
            .place(&link.id)
            .map(|candidate| candidate.name.get(language).to_owned())
            .unwrap_or_else(|| link.id.clone());
        let inferred = link.inferred.then(|| view! {
            <span class="badge badge-inferred">{text(language, w::INFERRED_NO_SOURCE_STATES_IT)}</span>
        });
        view! { <dd class="card-community">{name}" "{inferred}</dd> }
    });
    let designations = place
        .designations
        .iter()
        .map(|designation| {
            view! {
                <li class="card-designation">
                    <strong>{designation_label(designation.level, language)}</strong>
                    <blockquote lang="zh-CN">{format!("“{}”", designation.quote)}</blockquote>
                    <span class="card-source">{format!("{}{}", text(language, w::SOURCE), source_title(&designation.source))}</span>
                </li>
            }
        })
        .collect_view();
    let values = snapshot
        .indicators
        .iter()
        .filter_map(|indicator| {
            let entry = indicator.by_place.iter().find(|entry| entry.place == place.id)?;
            let shown = with_unit(&format_value(entry.value, entry.qualifier, language), indicator.unit.get(language), language);
            Some(view! {
                <li>
                    <span>{indicator.label.get(language).to_owned()}</span>": "
                    <strong>{shown}</strong>
                    <span class="card-source">{format!(" ({})", source_title(&indicator.source))}</span>
                </li>
            })
        })
        .collect_view();
    let no_values = !snapshot.indicators.iter().any(|indicator| {
        indicator
            .by_place
            .iter()
            .any(|entry| entry.place == place.id)
    });
    let note = place
        .note
        .as_ref()
        .map(|note| view! { <p class="card-note">{note.get(language).to_owned()}</p> });
    let name = place.name.get(language).to_owned();
    let place_source = source_title(&place.source);
    let region_label = name.clone();
    let speech_key = crate::core::speech::SpeechKey::Village {
        place: place.id.clone(),
    }
    .attribute();
    // Opening a card moves focus to it (screen readers land on it); Esc closes it.
    let card_ref = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        request_animation_frame(move || {
            if let Some(card) = card_ref.get_untracked() {
                crate::ui::dom::warn_on_error(card.focus(), "focus");
            }
        });
    });
    let on_key_down = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            on_close.run(());
        }
    };
    view! {
        <section class="village-card" node_ref=card_ref data-place=place.id.clone() data-speak=speech_key aria-label=region_label tabindex="-1" on:keydown=on_key_down>
            <div class="card-head">
                {heading_of(heading, name)}
                <button type="button" class="button button-secondary card-close" on:click=move |_| on_close.run(())>
                    {text(language, w::CLOSE)}
                </button>
            </div>
            <dl>
                <dt>{text(language, w::KIND)}</dt><dd>{kind}</dd>
                <dt>{text(language, w::OFFICIAL_CODE)}</dt><dd class="card-code">{code}</dd>
                {community.map(|community| view! { <dt>{text(language, w::MAP_COLOUR_COMMUNITY)}</dt>{community} })}
                <dt>{text(language, w::NAME_FROM)}</dt><dd>{place_source}</dd>
            </dl>
            {note}
            <ul class="card-designations">{designations}</ul>
            <ul class="card-values">{values}</ul>
            {no_values.then(|| view! {
                <p class="card-empty">{text(language, w::THE_REPORT_GIVES_NO_FIGURES)}</p>
            })}
        </section>
    }
    .into_any()
}
