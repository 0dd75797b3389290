//! A table of indicators with value, qualifier, unit, period and source phrase.

use leptos::prelude::*;

use crate::core::format::{format_value, qualifier_phrase};
use crate::core::snapshot::Snapshot;
use crate::core::wording::{self as w, text};
use crate::core::Language;

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
                    <td>{if indicator.value.is_none() { text(language, w::NOT_STATED) } else { qualifier_phrase(indicator.qualifier, language) }}</td>
                    <td>{indicator.period.clone()}</td>
                    <td class="quote" lang="zh-CN">{format!("“{}”", indicator.quote)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=text(language, w::TABLE_OF_ALL_FIGURES)>
            <table class="data-table indicator-table">
                <thead>
                    <tr>
                        <th scope="col">{text(language, w::COLUMN_PROGRAMME)}</th>
                        <th scope="col">{text(language, w::COLUMN_INDICATOR)}</th>
                        <th scope="col">{text(language, w::COLUMN_VALUE)}</th>
                        <th scope="col">{text(language, w::COLUMN_UNIT)}</th>
                        <th scope="col">{text(language, w::COLUMN_QUALIFIER)}</th>
                        <th scope="col">{text(language, w::COLUMN_PERIOD)}</th>
                        <th scope="col">{text(language, w::COLUMN_QUOTE)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
