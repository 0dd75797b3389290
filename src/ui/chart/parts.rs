//! The pieces of a chart around its canvas: the tooltip, the table view, the legend that
//! toggles series, the key to the qualifier marks, and the actions (table, downloads).

use leptos::prelude::*;

use crate::core::view::visual::Visual;
use crate::ui::report::qualifier_key::{KeyFor, QualifierKeyList};
use crate::ui::visual_share::VisualShare;

use crate::core::format::qualifier_phrase;
use crate::core::snapshot::Qualifier;
use crate::core::theme::Theme;
use crate::core::wording::{self as w, text};
use crate::core::Language;
use crate::ui::chart::download::{download, DownloadFormat};
use crate::ui::chart::state::ChartState;
use crate::ui::preferences::use_preferences;

/// How far (CSS px) a tooltip's middle stays from the box's edges.
const TOOLTIP_HALF_WIDTH: f64 = 80.0;

#[component]
pub fn ChartTooltip(chart: ChartState) -> impl IntoView {
    move || {
        let tip = chart.tooltip.get()?;
        let box_width = chart.canvas.width.get_untracked();
        let left = tip.x.clamp(
            TOOLTIP_HALF_WIDTH.min(box_width / 2.0),
            (box_width - TOOLTIP_HALF_WIDTH).max(box_width / 2.0),
        );
        let (language, datum) = chart
            .model
            .with_value(|model| (model.language, model.data[tip.datum].clone()));
        let qualifier = (datum.quantity.qualifier != Qualifier::Exact
            || datum.quantity.value.is_none())
        .then(|| {
            let phrase = if datum.quantity.value.is_none() {
                text(language, w::NOT_STATED_IN_REPORT)
            } else {
                qualifier_phrase(datum.quantity.qualifier, language)
            };
            view! { <span class="tooltip-qualifier">{phrase}</span> }
        });
        Some(view! {
            <div
                class="chart-tooltip"
                data-datum=datum.indicator_id.clone()
                style:left=format!("{left}px")
                style:top=format!("{}px", tip.y)
            >
                <strong class="tooltip-label">{datum.label.clone()}</strong>
                <span class="tooltip-value">{datum.value_with_unit(language)}</span>
                {qualifier}
                <span class="tooltip-quote">{format!("“{}”", datum.quote)}</span>
            </div>
        })
    }
}

#[component]
pub fn ChartTable(chart: ChartState) -> impl IntoView {
    let (language, title, rows) = chart.model.with_value(|model| {
        let language = model.language;
        let rows = model
            .data
            .iter()
            .map(|datum| {
                view! {
                    <tr data-indicator=datum.indicator_id.clone()>
                        <th scope="row">{datum.label.clone()}</th>
                        <td class="num">{datum.value_mark(language)}</td>
                        <td>{datum.unit.clone()}</td>
                        <td>{qualifier_phrase(datum.quantity.qualifier, language)}</td>
                        <td class="quote">{format!("“{}”", datum.quote)}</td>
                    </tr>
                }
            })
            .collect_view();
        (language, model.title.clone(), rows)
    });
    view! {
        <div class="chart-table-wrap" class:hidden=move || !chart.show_table.get() tabindex="0">
            <table class="data-table">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text(language, w::COLUMN_INDICATOR)}</th>
                        <th scope="col">{text(language, w::COLUMN_VALUE)}</th>
                        <th scope="col">{text(language, w::COLUMN_UNIT)}</th>
                        <th scope="col">{text(language, w::COLUMN_QUALIFIER)}</th>
                        <th scope="col">{text(language, w::COLUMN_QUOTE)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ChartLegend(chart: ChartState) -> impl IntoView {
    // Controls do nothing until the app runs: inert (and hidden where it cannot run).
    let interactive = crate::ui::app::use_interactive();
    let (language, entries) = chart.model.with_value(|model| {
        let entries = model
            .data
            .iter()
            .enumerate()
            .map(|(index, datum)| (index, datum.indicator_id.clone(), datum.label.clone()))
            .collect::<Vec<_>>();
        (model.language, entries)
    });
    let items = entries
        .into_iter()
        .map(|(index, id, label)| {
            let pressed_id = id.clone();
            let pressed = move || (!chart.hidden.get().contains(&pressed_id)).to_string();
            let toggled = id.clone();
            view! {
                <li>
                    <button type="button" class="legend-toggle" aria-pressed=pressed data-indicator=id
                        on:click=move |_| chart.toggle_series(&toggled)>
                        <span class=format!("swatch series-{}", index % Theme::SERIES_CLASSES) aria-hidden="true"></span>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="chart-legend" inert=move || !interactive.get() aria-label=text(language, w::LEGEND_LABEL)>
            {items}
        </ul>
    }
}

#[component]
pub fn ChartKey(chart: ChartState) -> impl IntoView {
    let (key, language) = chart
        .model
        .with_value(|model| (model.qualifier_key(), model.language));
    view! { <QualifierKeyList key=key language=language drawn=KeyFor::Bars /> }
}

#[component]
pub fn ChartActions(chart: ChartState, #[prop(into)] file_prefix: String) -> impl IntoView {
    let interactive = crate::ui::app::use_interactive();
    let preferences = use_preferences();
    let language: Language = chart.model.with_value(|model| model.language);
    let download_error = RwSignal::new(None::<String>);
    let file_prefix = StoredValue::new(file_prefix);
    let (chart_id, chart_title) = chart
        .model
        .with_value(|model| (model.id.clone(), model.title.clone()));
    let save = move |format: DownloadFormat| {
        let theme = Theme::for_view(
            preferences.color_scheme.get_untracked(),
            preferences.large.get_untracked(),
        );
        let hidden = chart.hidden.get_untracked();
        let width = chart.canvas.width.get_untracked();
        let result = chart.model.with_value(|model| {
            file_prefix.with_value(|prefix| download(model, format, &theme, &hidden, width, prefix))
        });
        download_error.set(result.err());
    };
    let button = move |format: DownloadFormat| {
        view! {
            <button type="button" class="button button-secondary" data-download=format.extension()
                on:click=move |_| save(format)>{format.label()}</button>
        }
    };
    view! {
        <div class="chart-actions" inert=move || !interactive.get()>
            <button
                type="button"
                class="button button-secondary table-toggle"
                aria-pressed=move || chart.show_table.get().to_string()
                on:click=move |_| chart.toggle_table()
            >
                {move || text(language, if chart.show_table.get() { w::SHOW_CHART } else { w::SHOW_TABLE })}
            </button>
            {button(DownloadFormat::Png)}
            {button(DownloadFormat::Svg)}
            {button(DownloadFormat::Csv)}
            <VisualShare visual=Visual::Chart(chart_id) title=chart_title language=language />
        </div>
        {move || download_error.get().map(|error| view! { <p class="inline-error" role="alert">{error}</p> })}
    }
}
