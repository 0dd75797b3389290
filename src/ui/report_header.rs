//! The report's header: township, title, where it is, and an overview of what the snapshot holds.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::snapshot::Snapshot;

#[component]
pub fn ReportHeader(snapshot: Arc<Snapshot>) -> impl IntoView {
    let meta = &snapshot.meta;
    let place_chain = format!(
        "{} · {} · {}",
        meta.province.name.zh, meta.city.name.zh, meta.county.name.zh
    );
    let programmes = snapshot
        .programmes
        .iter()
        .map(|programme| view! { <li class="programme-chip">{programme.label.zh.clone()}</li> })
        .collect_view();
    let indicator_count = snapshot.indicators.len();
    let synthetic = meta.synthetic;
    view! {
        <header class="report-header">
            <Show when=move || synthetic>
                <p class="synthetic-banner" role="note">"合成数据 · Synthetic data — not real figures"</p>
            </Show>
            <p class="place-chain">{place_chain}</p>
            <h1 class="township-name" lang="zh-CN">{meta.township.name.zh.clone()}</h1>
            <p class="report-title">{meta.title.zh.clone()}</p>
            <p class="as-of">
                {format!("数据截至 {} · 统计期 {}", meta.as_of, meta.period)}
            </p>
        </header>
        <section class="overview" aria-label="概览 · Overview">
            <ul class="programme-list">{programmes}</ul>
            <p class="indicator-count" data-count=indicator_count.to_string()>
                {format!("{indicator_count} 项指标 · {indicator_count} indicators")}
            </p>
        </section>
    }
}
