//! The report's header: township, title, where it is, where the data come from, and a
//! navigation to the sections.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::snapshot::Snapshot;
use crate::core::Language;
use crate::ui::preferences::tr;

#[component]
pub fn ReportHeader(
    snapshot: Arc<Snapshot>,
    #[prop(default = Language::Zh)] language: Language,
) -> impl IntoView {
    let meta = &snapshot.meta;
    let place_chain = format!(
        "{} · {} · {}",
        meta.province.name.get(language),
        meta.city.name.get(language),
        meta.county.name.get(language)
    );
    let sections = snapshot
        .sections
        .iter()
        .map(|section| {
            view! {
                <li><a class="programme-chip" href=format!("#{}", section.id)>{section.title.get(language).to_owned()}</a></li>
            }
        })
        .collect_view();
    let indicator_count = snapshot.indicators.len();
    let synthetic = meta.synthetic;
    let primary_source = snapshot.indicators.first().and_then(|indicator| {
        snapshot
            .sources
            .iter()
            .find(|source| source.id == indicator.source)
    });
    let about = primary_source.map(|source| match language {
        Language::Zh => format!(
            "数据来源：{}（{}{}）",
            source.title.zh,
            source.publisher.zh,
            source
                .date
                .as_ref()
                .map(|d| format!("，{d}"))
                .unwrap_or_default()
        ),
        Language::En => format!(
            "Source: {} ({}{})",
            source.title.en,
            source.publisher.en,
            source
                .date
                .as_ref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default()
        ),
    });
    let as_of = match language {
        Language::Zh => format!("数据截至 {} · 统计期 {}", meta.as_of, meta.period),
        Language::En => format!("Figures as of {} · period {}", meta.as_of, meta.period),
    };
    let as_of_note = meta
        .as_of_note
        .as_ref()
        .map(|note| note.get(language).to_owned());
    view! {
        <header class="report-header">
            <Show when=move || synthetic>
                <p class="synthetic-banner" role="note">{tr(language, "合成数据：并非真实数字，仅供测试", "Synthetic data: not real figures, for testing only")}</p>
            </Show>
            <p class="place-chain">{place_chain}</p>
            <h1 class="township-name" lang="zh-CN">{meta.township.name.zh.clone()}</h1>
            <p class="report-title">{meta.title.get(language).to_owned()}</p>
            <p class="as-of">{as_of}{as_of_note.map(|note| view! { <span class="as-of-note">{format!(" （{note}）")}</span> })}</p>
            {about.map(|about| view! { <p class="about-data">{about}</p> })}
        </header>
        <nav class="overview section-nav" aria-label=tr(language, "报告章节", "Report sections")>
            <ul class="programme-list">{sections}</ul>
            <p class="indicator-count" data-count=indicator_count.to_string()>
                {match language {
                    Language::Zh => format!("共 {indicator_count} 项指标，均摘自报告原文"),
                    Language::En => format!("{indicator_count} figures, each quoted from the report"),
                }}
            </p>
        </nav>
    }
}
