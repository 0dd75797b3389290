//! A table of indicators with value, qualifier, unit, period and source phrase.

use leptos::prelude::*;

use crate::core::format::{format_value, qualifier_phrase};
use crate::core::snapshot::Snapshot;
use crate::core::Language;
use crate::ui::preferences::tr;

#[component]
pub fn IndicatorTable(
    snapshot: std::sync::Arc<Snapshot>,
    ids: Vec<String>,
    language: Language,
) -> impl IntoView {
    let rows = ids
        .iter()
        .filter_map(|id| snapshot.indicator(id))
        .map(|indicator| {
            let programme = snapshot
                .programme(&indicator.programme)
                .map(|programme| programme.label.get(language).to_owned())
                .unwrap_or_default();
            view! {
                <tr data-indicator=indicator.id.clone()>
                    <td>{programme}</td>
                    <th scope="row">{indicator.label.get(language).to_owned()}</th>
                    <td class="num">{format_value(indicator.value, indicator.qualifier, language)}</td>
                    <td>{indicator.unit.get(language).to_owned()}</td>
                    <td>{if indicator.value.is_none() { tr(language, "未说明", "not stated") } else { qualifier_phrase(indicator.qualifier, language) }}</td>
                    <td>{indicator.period.clone()}</td>
                    <td class="quote" lang="zh-CN">{format!("“{}”", indicator.quote)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(language, "全部指标表格", "Table of all figures")>
            <table class="data-table indicator-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(language, "工作", "Programme")}</th>
                        <th scope="col">{tr(language, "指标", "Indicator")}</th>
                        <th scope="col">{tr(language, "数值", "Value")}</th>
                        <th scope="col">{tr(language, "单位", "Unit")}</th>
                        <th scope="col">{tr(language, "限定", "Qualifier")}</th>
                        <th scope="col">{tr(language, "期间", "Period")}</th>
                        <th scope="col">{tr(language, "原文", "Source phrase")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
