//! The village map: a plotters-drawn canvas (schematic tiles or real geometry) with pan, zoom,
//! pinch, double-tap and keyboard control (`map_canvas`), colouring by designation, community
//! or a per-place indicator, a search box (`map_controls`), a village card, the village list
//! (Tab reaches every village) and, for real geometry, a locator.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::map::model::MapMode;
use crate::core::snapshot::Snapshot;
use crate::core::view::visual::{Visual, MAP_ANCHOR};
use crate::core::wording::{self as w, text};
use crate::core::Language;
use crate::ui::canvas::static_drawing::map_svgs;
use crate::ui::heading::heading as heading_of;
use crate::ui::map::locator_inset::LocatorInset;
use crate::ui::map::map_canvas::MapCanvas;
use crate::ui::map::map_controls::{MapKey, MapLegend, MapSearch, MapToolbar};
use crate::ui::map::state::MapState;
use crate::ui::map::village_card::VillageCard;
use crate::ui::map::village_list::VillageList;
use crate::ui::url_sync::use_view_state;
use crate::ui::visual_share::VisualShare;

/// The width the map's first model is laid out for (a phone's box), before it is measured.
const FIRST_LAYOUT_WIDTH: f64 = 360.0;

#[component]
pub fn VillageMap(
    snapshot: Arc<Snapshot>,
    title: Option<String>,
    language: Language,
    /// The title's heading level: 3 inside a report section, 2 when the map is shown alone.
    #[prop(default = 3)]
    heading: u8,
    /// The village list folded away behind a disclosure (the map shown alone, e.g. embedded in
    /// a portal article, where 57 villages listed would make it four screens long).
    #[prop(default = false)]
    fold_list: bool,
) -> impl IntoView {
    // Selection, colouring, zoom and centre are part of the view state (and so of the URL).
    let map = MapState::new(Arc::clone(&snapshot), language, use_view_state());
    let first_model = map.model_at(FIRST_LAYOUT_WIDTH);
    let mode = first_model.mode;
    let any_inferred = first_model.features.iter().any(|feature| feature.inferred);
    let unreadable = first_model.unreadable.len();
    let caption = match mode {
        MapMode::Schematic => w::schematic_map_caption(language, any_inferred),
        MapMode::Geographic => {
            w::geographic_map_caption(language, snapshot.meta.map_review_number.as_deref())
        }
    };
    let mode_class = match mode {
        MapMode::Schematic => "village-map schematic",
        MapMode::Geographic => "village-map geographic",
    };
    let region_label = title
        .clone()
        .unwrap_or_else(|| text(language, w::MAP_DEFAULT_TITLE).to_owned());
    let static_svgs = map_svgs(&snapshot, language, &region_label, "village-map-drawing");
    let on_close = Callback::new(move |()| {
        map.select(None);
        if let Some(canvas) = map.canvas_ref.get_untracked() {
            crate::ui::dom::warn_on_error(canvas.focus(), "focus");
        }
    });
    let card = {
        let snapshot = Arc::clone(&snapshot);
        move || {
            map.selected.get().map(|id| {
                view! { <VillageCard snapshot=Arc::clone(&snapshot) place_id=id language=language on_close=on_close heading=heading + 1 /> }
            })
        }
    };
    let on_select = Callback::new(move |id: String| map.focus_on(id));
    view! {
        <section class=mode_class id=MAP_ANCHOR aria-label=region_label.clone()>
            {title.map(|title| heading_of(heading, title))}
            {snapshot.meta.synthetic.then(|| view! {
                <p class="synthetic-banner" role="note">{text(language, w::MAP_SYNTHETIC)}</p>
            })}
            <p class="map-caption">{caption}</p>
            {(unreadable > 0).then(|| view! {
                <p class="inline-error" role="status">{w::unreadable_geometry(language, unreadable)}</p>
            })}
            <MapToolbar map=map />
            <MapSearch map=map />
            <MapCanvas map=map mode=mode static_svgs=static_svgs />
            {(mode == MapMode::Geographic).then(|| view! { <LocatorInset county=snapshot.meta.county.clone() city=snapshot.meta.city.clone() language=language /> })}
            <p class="sr-only" aria-live="polite">{move || map.announcement.get()}</p>
            <MapLegend map=map />
            <MapKey map=map />
            <VisualShare visual=Visual::Map title=region_label.clone() language=language />
            {card}
            {
                let list = view! {
                    <VillageList snapshot=Arc::clone(&snapshot) title=None language=language on_select=on_select selected=map.selected.into() heading=heading + 1 />
                };
                // Folded behind one button: always for the map alone (an embed), on narrow
                // screens in the report (57 names are three phone screens long); every name
                // stays in the page, and in the search, the tiles and the card.
                let fold = if fold_list { "village-list-fold" } else { "village-list-fold narrow-only" };
                view! {
                    <details class=fold>
                        <summary class="button button-secondary">{text(language, w::LIST_OF_VILLAGES)}</summary>
                        {list}
                    </details>
                }
            }
        </section>
    }
}
