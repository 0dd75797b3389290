//! The map's controls and keys: colouring and zoom (`MapToolbar`), finding a village
//! (`MapSearch`), the colour legend (`MapLegend`) and the marker key (`MapKey`).

use leptos::prelude::*;

use crate::core::map::model::{map_colouring, ColourBy, Fill};
use crate::core::map::search::search_places;
use crate::core::theme::Theme;
use crate::core::wording::{self as w, text};
use crate::ui::map::state::MapState;
use crate::ui::preferences::use_preferences;

/// How many search results are listed.
const SEARCH_RESULTS: usize = 8;

#[component]
pub fn MapToolbar(map: MapState) -> impl IntoView {
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let language = map.language;
    let indicator_options: Vec<(String, String)> = map.snapshot.with_value(|snapshot| {
        snapshot
            .indicators
            .iter()
            .filter(|indicator| !indicator.by_place.is_empty())
            .map(|indicator| {
                (
                    indicator.id.clone(),
                    indicator.label.get(language).to_owned(),
                )
            })
            .collect()
    });
    let on_colour_change = move |event: web_sys::Event| {
        // The options are the app's own spellings; anything else leaves the colouring as it is.
        if let Ok(colour) = event_target_value(&event).parse::<ColourBy>() {
            map.set_colour(colour);
        }
    };
    view! {
        <div class="map-toolbar" inert=move || !interactive.get()>
            <label class="map-colour">
                <span>{text(language, w::MAP_COLOUR_BY)}</span>
                <select on:change=on_colour_change prop:value=move || map.colour_by.get().to_string()>
                    <option value="designation">{text(language, w::MAP_COLOUR_DESIGNATION)}</option>
                    <option value="community">{text(language, w::MAP_COLOUR_COMMUNITY)}</option>
                    {indicator_options.into_iter().map(|(id, label)| view! { <option value=format!("indicator:{id}")>{label}</option> }).collect_view()}
                </select>
            </label>
            <div class="map-zoom" role="group" aria-label=text(language, w::MAP_ZOOM)>
                <button type="button" class="button button-secondary" data-map="zoom-in" aria-label=text(language, w::MAP_ZOOM_IN) on:click=move |_| map.zoom_by(1.5, None)>"+"</button>
                <button type="button" class="button button-secondary" data-map="zoom-out" aria-label=text(language, w::MAP_ZOOM_OUT) on:click=move |_| map.zoom_by(1.0 / 1.5, None)>"−"</button>
                <button type="button" class="button button-secondary" data-map="reset" on:click=move |_| map.reset()>{text(language, w::MAP_RESET)}</button>
            </div>
        </div>
    }
}

#[component]
pub fn MapSearch(map: MapState) -> impl IntoView {
    let interactive = crate::ui::app::use_interactive();
    let language = map.language;
    // Matches by Chinese name, English name or pinyin id.
    let query = RwSignal::new(String::new());
    let results = Signal::derive(move || {
        let query = query.get();
        map.snapshot
            .with_value(|snapshot| search_places(snapshot, &query, language, SEARCH_RESULTS))
    });
    view! {
        <div class="map-search" inert=move || !interactive.get()>
            <label>
                <span class="sr-only">{text(language, w::MAP_FIND)}</span>
                <input
                    type="search"
                    class="map-search-input"
                    placeholder=text(language, w::MAP_FIND_HINT)
                    prop:value=move || query.get()
                    on:input=move |event| query.set(event_target_value(&event))
                    on:keydown=move |event: web_sys::KeyboardEvent| {
                        if event.key() == "Enter" {
                            if let Some((id, _)) = results.get_untracked().into_iter().next() {
                                map.focus_on(id);
                            }
                        }
                    }
                />
            </label>
            <ul class="map-search-results" aria-live="polite">
                {move || results.get().into_iter().map(|(id, name)| {
                    let id_for_click = id.clone();
                    view! { <li><button type="button" class="search-result" data-place=id on:click=move |_| map.focus_on(id_for_click.clone())>{name}</button></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn MapLegend(map: MapState) -> impl IntoView {
    let preferences = use_preferences();
    let legend = move || {
        let (model, _) = map.current();
        let theme = Theme::for_view(preferences.color_scheme.get(), preferences.large.get());
        let colouring = map.snapshot.with_value(|snapshot| {
            map_colouring(&model, snapshot, &map.colour_by.get(), &theme, map.language)
        });
        colouring
            .legend
            .into_iter()
            .map(|entry| {
                // An SVG swatch: its fill is an attribute, which a strict CSP allows (an
                // inline style would not be).
                let (class, colour) = match entry.fill {
                    Fill::Solid(rgb) => ("map-swatch", rgb.hex()),
                    Fill::NoData => ("map-swatch no-data", String::from("none")),
                };
                view! {
                    <li>
                        <svg class=class viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill=colour></rect></svg>
                        {entry.label}
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ul class="map-legend">{legend}</ul> }
}

#[component]
pub fn MapKey(map: MapState) -> impl IntoView {
    let language = map.language;
    view! {
        <ul class="map-key">
            <li><span class="marker-city" aria-hidden="true"></span>{text(language, w::MAP_KEY_CITY)}</li>
            <li><span class="marker-county" aria-hidden="true"></span>{text(language, w::MAP_KEY_COUNTY)}</li>
        </ul>
    }
}
