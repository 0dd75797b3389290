//! The villages as an accessible list, grouped by community, with designations. Links that no
//! source states are marked "inferred"; villages with no known community are listed apart.

use leptos::prelude::*;

use crate::core::format::designation_label;
use crate::core::snapshot::{Place, PlaceKind, Snapshot};
use crate::core::Language;
use crate::ui::preferences::tr;

fn designation_text(level: DesignationLevel, language: Language) -> &'static str {
    match level {
        DesignationLevel::Province => {
            tr(language, "省级美丽乡村", "Province-level beautiful village")
        }
        DesignationLevel::City => tr(language, "市级美丽乡村", "City-level beautiful village"),
        DesignationLevel::County => tr(language, "县级美丽乡村", "County-level beautiful village"),
    }
}

fn village_item(place: &Place, language: Language) -> impl IntoView {
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
        .then(|| view! { <span class="badge badge-inferred">{tr(language, "归属为推断", "membership inferred")}</span> });
    view! {
        <li class="village" data-place=place.id.clone()>
            <span class="village-name">{place.name.get(language).to_owned()}</span>
            {designations}
            {inferred}
        </li>
    }
}

#[component]
pub fn VillageList(
    snapshot: std::sync::Arc<Snapshot>,
    title: Option<String>,
    language: Language,
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
    let groups = communities
        .iter()
        .map(|community| {
            let members: Vec<&&Place> = villages
                .iter()
                .filter(|village| {
                    village
                        .community
                        .as_ref()
                        .is_some_and(|link| link.id == community.id)
                })
                .collect();
            let code = community.code.clone().unwrap_or_default();
            let items = members
                .iter()
                .map(|village| village_item(village, language))
                .collect_view();
            view! {
                <li class="community" data-place=community.id.clone()>
                    <span class="community-name">{community.name.get(language).to_owned()}</span>
                    <span class="community-code">{code}</span>
                    <ul class="village-items">{items}</ul>
                </li>
            }
        })
        .collect_view();
    let unassigned: Vec<&&Place> = villages
        .iter()
        .filter(|village| village.community.is_none())
        .collect();
    let unassigned_items = unassigned
        .iter()
        .map(|village| village_item(village, language))
        .collect_view();
    let count_line = match language {
        Language::Zh => format!("{} 个行政村，{} 个社区", villages.len(), communities.len()),
        Language::En => format!(
            "{} villages, {} communities",
            villages.len(),
            communities.len()
        ),
    };
    let region_label = title
        .clone()
        .unwrap_or_else(|| tr(language, "村庄", "Villages").to_owned());
    view! {
        <section class="village-list" aria-label=region_label>
            {title.map(|title| view! { <h3>{title}</h3> })}
            <p class="village-caveat">
                {tr(
                    language,
                    "按社区分组的村庄列表。没有任何来源说明行政村与社区的对应关系：以下归属是根据名称推断的；无法推断的村庄单独列出。",
                    "Villages grouped by community. No source states which village belongs to which community: the groups below are inferred from the names; villages that cannot be matched are listed separately.",
                )}
            </p>
            <p class="village-count">{count_line}</p>
            <ul class="community-groups">{groups}</ul>
            <h4>{tr(language, "未能推断所属社区的村", "Villages with no inferred community")}</h4>
            <ul class="village-items unassigned">{unassigned_items}</ul>
        </section>
    }
}
