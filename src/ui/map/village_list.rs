//! The villages as an accessible list, grouped by community, with designations. Each is a
//! button that opens its card and finds it on the map, so the keyboard reaches every village.
//! Links that no source states are marked "inferred"; villages with none are listed apart.

use leptos::prelude::*;

use crate::ui::heading::heading as heading_of;

use crate::core::format::designation_label;
use crate::core::snapshot::{Place, PlaceKind, Snapshot};
use crate::core::wording::{self as w, text};
use crate::core::Language;

fn village_item(
    place: &Place,
    language: Language,
    on_select: Callback<String>,
    selected: Signal<Option<String>>,
) -> impl IntoView {
    let designations = place
        .designations
        .iter()
        .map(|designation| {
            view! {
                <span class=format!("badge designation-{:?}", designation.level).to_lowercase()>
                    {designation_label(designation.level, language)}
                </span>
            }
        })
        .collect_view();
    let inferred = place
        .community
        .as_ref()
        .is_some_and(|link| link.inferred)
        .then(|| view! { <span class="badge badge-inferred">{text(language, w::MEMBERSHIP_INFERRED)}</span> });
    let id = place.id.clone();
    let id_for_pressed = place.id.clone();
    view! {
        <li class="village" data-place=place.id.clone()>
            <button
                type="button"
                class="village-button"
                aria-pressed=move || (selected.get().as_deref() == Some(id_for_pressed.as_str())).to_string()
                on:click=move |_| on_select.run(id.clone())
            >
                <span class="village-name">{place.name.get(language).to_owned()}</span>
                {designations}
                {inferred}
            </button>
        </li>
    }
}

#[component]
pub fn VillageList(
    snapshot: std::sync::Arc<Snapshot>,
    title: Option<String>,
    language: Language,
    /// The level of the list's own headings (one below the map's title).
    #[prop(default = 4)]
    heading: u8,
    /// Called with a place id when a village is chosen.
    on_select: Callback<String>,
    /// The chosen place, shown as pressed.
    selected: Signal<Option<String>>,
) -> impl IntoView {
    let villages: Vec<&Place> = snapshot
        .places
        .iter()
        .filter(|place| place.kind == PlaceKind::Village)
        .collect();
    let communities: Vec<&Place> = snapshot
        .places
        .iter()
        .filter(|place| place.kind == PlaceKind::Community)
        .collect();
    // A list of thousands of buttons helps nobody: past this, the search box is the way in.
    const MAX_LISTED: usize = 400;
    if villages.len() > MAX_LISTED {
        let message = w::too_many_villages(language, villages.len());
        return view! { <p class="village-count">{message}</p> }.into_any();
    }
    let groups = communities
        .iter()
        .map(|community| {
            let items = villages
                .iter()
                .filter(|village| village.community.as_ref().is_some_and(|link| link.id == community.id))
                .map(|village| village_item(village, language, on_select, selected))
                .collect_view();
            let code = community.code.clone().unwrap_or_default();
            let community_id = community.id.clone();
            view! {
                <li class="community" data-place=community.id.clone()>
                    <button type="button" class="community-name" on:click=move |_| on_select.run(community_id.clone())>
                        {community.name.get(language).to_owned()}
                    </button>
                    <span class="community-code">{code}</span>
                    <ul class="village-items">{items}</ul>
                </li>
            }
        })
        .collect_view();
    // Caveats follow the data: only links no source states are called inferred.
    let any_inferred = villages
        .iter()
        .any(|village| village.community.as_ref().is_some_and(|link| link.inferred));
    let has_unassigned = villages.iter().any(|village| village.community.is_none());
    let unassigned_items = villages
        .iter()
        .filter(|village| village.community.is_none())
        .map(|village| village_item(village, language, on_select, selected))
        .collect_view();
    let count_line = w::village_count(language, villages.len(), communities.len());
    let region_label = title
        .clone()
        .unwrap_or_else(|| text(language, w::LIST_OF_VILLAGES).to_owned());
    view! {
        <section class="village-list" aria-label=region_label>
            {title.map(|title| heading_of(heading - 1, title))}
            {heading_of(heading, text(language, w::LIST_OF_VILLAGES).to_owned())}
            <p class="village-caveat">
                {if any_inferred {
                    text(language, w::GROUPED_BY_COMMUNITY_WHERE_A)
                } else {
                    text(language, w::GROUPED_BY_COMMUNITY)
                }}
            </p>
            <p class="village-count">{count_line}</p>
            <ul class="community-groups">{groups}</ul>
            {has_unassigned.then(|| view! {
                {heading_of(heading, if any_inferred {
                    text(language, w::VILLAGES_WITH_NO_INFERRED_COMMUNITY)
                } else {
                    text(language, w::VILLAGES_IN_NO_COMMUNITY)
                }.to_owned())}
                <ul class="village-items unassigned">{unassigned_items}</ul>
            })}
        </section>
    }
    .into_any()
}
