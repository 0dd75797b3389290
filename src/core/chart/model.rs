//! What a chart shows, in one language, built from a snapshot's chart block. Drawing
//! (`chart_draw`), the table view, tooltips and the CSV download all read this one model, so
//! they always show the same numbers.

use crate::core::format::{format_value, qualifier_phrase, spoken_value, with_unit};
use crate::core::snapshot::{Block, ChartKind, Indicator, Qualifier, Snapshot};
use crate::core::Language;

/// A value with its qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub value: Option<f64>,
    pub qualifier: Qualifier,
}

/// One value of a time series.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodQuantity {
    pub period: String,
    pub quantity: Quantity,
}

/// One indicator as a chart shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartDatum {
    pub indicator_id: String,
    pub label: String,
    pub unit: String,
    pub quantity: Quantity,
    pub period: String,
    /// For part-of-whole charts: the whole the source states, with its label.
    pub whole: Option<(String, Quantity)>,
    /// For time series: values by period, in order (includes the main period).
    pub series: Vec<PeriodQuantity>,
    pub quote: String,
    pub note: Option<String>,
}

impl ChartDatum {
    /// "10+", "≈200", "N".
    pub fn value_mark(&self, language: Language) -> String {
        format_value(self.quantity.value, self.quantity.qualifier, language)
    }

    /// "10+辆", "3,400 households".
    pub fn value_with_unit(&self, language: Language) -> String {
        with_unit(&self.value_mark(language), &self.unit, language)
    }

    /// The whole sentence a screen reader or tooltip says: "出动大型机械：至少10辆".
    pub fn description(&self, language: Language) -> String {
        let value = spoken_value(
            self.quantity.value,
            self.quantity.qualifier,
            &self.unit,
            language,
        );
        let whole = self.whole.as_ref().map(|(label, whole)| {
            let whole_value = spoken_value(whole.value, whole.qualifier, "", language);
            match language {
                Language::Zh => format!("（共{whole_value}个{label}）"),
                Language::En => format!(" (of {whole_value} {})", label.to_lowercase()),
            }
        });
        let separator = match language {
            Language::Zh => "：",
            Language::En => ": ",
        };
        format!(
            "{}{separator}{value}{}",
            self.label,
            whole.unwrap_or_default()
        )
    }
}

/// What a qualifier key lists (beside a chart, under a figure shown alone): each qualifier
/// its figures use, in a fixed order, with the words of the sources' own phrasing that made
/// them so (e.g. 余 and 以上 for "at least"); whether some value is not stated. "Exact" is
/// listed only beside another qualifier.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QualifierKey {
    pub entries: Vec<(Qualifier, Vec<&'static str>)>,
    pub unstated: bool,
}

impl QualifierKey {
    /// Which qualifiers occur.
    pub fn qualifiers(&self) -> Vec<Qualifier> {
        self.entries
            .iter()
            .map(|(qualifier, _)| *qualifier)
            .collect()
    }

    /// The source's words behind `qualifier` (empty when it does not occur).
    pub fn markers(&self, qualifier: Qualifier) -> &[&'static str] {
        self.entries
            .iter()
            .find(|(found, _)| *found == qualifier)
            .map_or(&[], |(_, markers)| markers.as_slice())
    }

    /// Nothing to explain: only exact, stated values.
    pub fn is_plain(&self) -> bool {
        !self.unstated
            && self
                .entries
                .iter()
                .all(|(qualifier, _)| *qualifier == Qualifier::Exact)
    }
}

/// The key for figures given as (value with qualifier, the quote it came from).
pub fn qualifier_key_from_figures<'a>(
    figures: impl IntoIterator<Item = (Quantity, &'a str)>,
) -> QualifierKey {
    let figures: Vec<(Quantity, &str)> = figures.into_iter().collect();
    let mut present: Vec<Qualifier> = Vec::new();
    for (quantity, _) in &figures {
        if quantity.value.is_some() && !present.contains(&quantity.qualifier) {
            present.push(quantity.qualifier);
        }
    }
    crate::core::sort::sort_by(&mut present, |a, b| (*a as u8).cmp(&(*b as u8)));
    let entries = present
        .iter()
        .map(|&qualifier| {
            let candidates: &[&'static str] = match qualifier {
                Qualifier::AtLeast => &["余", "以上", "多", "逾", "超过", "不少于"],
                Qualifier::About => &["近", "约", "左右", "上下", "将近", "大约", "万亩"],
                Qualifier::AtMost => &["以下", "不足", "不超过", "以内"],
                Qualifier::Exact => &[],
            };
            let markers = candidates
                .iter()
                .copied()
                .filter(|marker| {
                    figures.iter().any(|(quantity, quote)| {
                        quantity.qualifier == qualifier
                            && quantity.value.is_some()
                            && quote.contains(marker)
                    })
                })
                .collect();
            (qualifier, markers)
        })
        .collect();
    QualifierKey {
        entries,
        unstated: figures.iter().any(|(quantity, _)| quantity.value.is_none()),
    }
}

/// A chart ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    pub data: Vec<ChartDatum>,
    pub language: Language,
}

impl ChartModel {
    /// The chart's qualifier key: from every value drawn, with the quote it came from.
    pub fn qualifier_key(&self) -> QualifierKey {
        qualifier_key_from_figures(self.data.iter().flat_map(|datum| {
            std::iter::once((datum.quantity, datum.quote.as_str())).chain(
                datum
                    .series
                    .iter()
                    .map(|entry| (entry.quantity, datum.quote.as_str())),
            )
        }))
    }

    /// A one-sentence summary for the chart's accessible description.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .data
            .iter()
            .map(|datum| datum.description(self.language))
            .collect();
        match self.language {
            Language::Zh => format!("{}。{}。", self.title, parts.join("；")),
            Language::En => format!("{}. {}.", self.title, parts.join("; ")),
        }
    }
}

fn quantity_of(indicator: &Indicator) -> Quantity {
    Quantity {
        value: indicator.value,
        qualifier: indicator.qualifier,
    }
}

/// The periods a reader can step through: every period of every indicator that has values for
/// several periods, sorted. Fewer than two means the snapshot has no timeline.
pub fn snapshot_periods(snapshot: &Snapshot) -> Vec<String> {
    let mut periods: Vec<String> = snapshot
        .indicators
        .iter()
        .filter(|indicator| !indicator.series.is_empty())
        .flat_map(|indicator| {
            std::iter::once(indicator.period.clone())
                .chain(indicator.series.iter().map(|entry| entry.period.clone()))
        })
        .collect();
    crate::core::sort::sort(&mut periods);
    periods.dedup();
    periods
}

/// The value an indicator has for `period` (its main value when `period` is `None`); `None`
/// when it has no value for that period.
pub fn quantity_for_period(
    indicator: &Indicator,
    period: Option<&str>,
) -> Option<(String, Quantity)> {
    match period {
        None => Some((indicator.period.clone(), quantity_of(indicator))),
        Some(period) if period == indicator.period => {
            Some((indicator.period.clone(), quantity_of(indicator)))
        }
        Some(period) => indicator
            .series
            .iter()
            .find(|entry| entry.period == period)
            .map(|entry| {
                (
                    entry.period.clone(),
                    Quantity {
                        value: entry.value,
                        qualifier: entry.qualifier,
                    },
                )
            }),
    }
}

/// The datum for one indicator.
pub fn chart_datum_from_indicator(
    snapshot: &Snapshot,
    indicator: &Indicator,
    language: Language,
) -> ChartDatum {
    let whole = indicator.part_of.as_deref().and_then(|whole_id| {
        snapshot
            .indicator(whole_id)
            .map(|whole| (whole.label.get(language).to_owned(), quantity_of(whole)))
    });
    let mut series: Vec<PeriodQuantity> = indicator
        .series
        .iter()
        .map(|entry| PeriodQuantity {
            period: entry.period.clone(),
            quantity: Quantity {
                value: entry.value,
                qualifier: entry.qualifier,
            },
        })
        .collect();
    if !series.is_empty() {
        series.push(PeriodQuantity {
            period: indicator.period.clone(),
            quantity: quantity_of(indicator),
        });
        crate::core::sort::sort_by(&mut series, |a, b| a.period.cmp(&b.period));
    }
    ChartDatum {
        indicator_id: indicator.id.clone(),
        label: indicator.label.get(language).to_owned(),
        unit: indicator.unit.get(language).to_owned(),
        quantity: quantity_of(indicator),
        period: indicator.period.clone(),
        whole,
        series,
        quote: indicator.quote.clone(),
        note: indicator
            .note
            .as_ref()
            .map(|note| note.get(language).to_owned()),
    }
}

/// The model of a chart block; `None` for other blocks. Unknown indicator ids (which the
/// validator already refuses) are skipped rather than trusted. With a `period`, each datum shows
/// its value for that period, and indicators without one are left out (time series always
/// show every period).
pub fn chart_model_from_block(
    snapshot: &Snapshot,
    block: &Block,
    language: Language,
    period: Option<&str>,
) -> Option<ChartModel> {
    let Block::Chart {
        id,
        chart,
        title,
        indicators,
    } = block
    else {
        return None;
    };
    let data = indicators
        .iter()
        .filter_map(|wanted| snapshot.indicator(wanted))
        .filter_map(|indicator| {
            let mut datum = chart_datum_from_indicator(snapshot, indicator, language);
            if *chart != ChartKind::TimeSeries {
                let (shown_period, quantity) = quantity_for_period(indicator, period)?;
                datum.period = shown_period;
                datum.quantity = quantity;
            }
            Some(datum)
        })
        .collect();
    Some(ChartModel {
        id: id.clone(),
        kind: *chart,
        title: title.get(language).to_owned(),
        data,
        language,
    })
}

/// Every chart of the snapshot, in report order.
pub fn chart_models(snapshot: &Snapshot, language: Language) -> Vec<ChartModel> {
    snapshot
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter())
        .filter_map(|block| chart_model_from_block(snapshot, block, language, None))
        .collect()
}

/// Quotes a CSV field (RFC 4180) and defuses spreadsheet formulas (a leading = + - @ is
/// prefixed with an apostrophe when the field is text, not a number).
fn csv_field(text: &str) -> String {
    let is_number = text.parse::<f64>().is_ok();
    let defused = if !is_number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The chart's data as CSV, starting with a UTF-8 byte-order mark so that Excel opens Chinese
/// text correctly. One row per value (per period for time series).
pub fn csv_from_chart(model: &ChartModel) -> String {
    let language = model.language;
    let header = match language {
        Language::Zh => ["指标", "名称", "数值", "限定", "单位", "期间", "原文"],
        Language::En => [
            "indicator",
            "label",
            "value",
            "qualifier",
            "unit",
            "period",
            "source phrase",
        ],
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for datum in &model.data {
        let rows: Vec<(String, Quantity)> = if datum.series.is_empty() {
            vec![(datum.period.clone(), datum.quantity)]
        } else {
            datum
                .series
                .iter()
                .map(|entry| (entry.period.clone(), entry.quantity))
                .collect()
        };
        for (period, quantity) in rows {
            let value = quantity.value.map(|v| v.to_string()).unwrap_or_default();
            let fields = [
                datum.indicator_id.as_str(),
                datum.label.as_str(),
                value.as_str(),
                qualifier_phrase(quantity.qualifier, language),
                datum.unit.as_str(),
                period.as_str(),
                datum.quote.as_str(),
            ];
            let line: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod qualifier_marker_tests {
    use crate::core::chart::model::chart_models;
    use crate::core::snapshot::load::snapshot_from_json_text;
    use crate::core::snapshot::Qualifier;
    use crate::core::Language;

    #[test]
    fn the_key_names_only_the_phrasing_its_figures_use() {
        let snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        let models = chart_models(&snapshot, Language::Zh);
        let cleanup = models
            .iter()
            .find(|model| model.id == "environment-cleanup")
            .expect("chart");
        // 10余辆, 150余处, 30余吨, 20余个: all "余"; no "以上" in this chart's quotes.
        assert_eq!(cleanup.qualifier_key().markers(Qualifier::AtLeast), ["余"]);
        assert!(cleanup.qualifier_key().markers(Qualifier::About).is_empty());
        let mut changed = snapshot.clone();
        for indicator in &mut changed.indicators {
            indicator.quote = indicator.quote.replace('余', "多");
        }
        let models = chart_models(&changed, Language::Zh);
        let cleanup = models
            .iter()
            .find(|model| model.id == "environment-cleanup")
            .expect("chart");
        assert_eq!(cleanup.qualifier_key().markers(Qualifier::AtLeast), ["多"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn default_snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn part_of_whole_charts_carry_their_stated_wholes() {
        let snapshot = default_snapshot();
        let model = chart_models(&snapshot, Language::Zh)
            .into_iter()
            .find(|model| model.kind == ChartKind::PartOfWhole)
            .expect("a part-of-whole chart");
        let first = &model.data[0];
        assert_eq!(first.quantity.value, Some(15.0));
        let (label, whole) = first.whole.as_ref().expect("whole");
        assert_eq!(label, "行政村");
        assert_eq!(whole.value, Some(57.0));
        assert!(first.description(Language::Zh).contains("共57个行政村"));
    }

    #[test]
    fn descriptions_keep_qualifiers() {
        let snapshot = default_snapshot();
        let models = chart_models(&snapshot, Language::En);
        let cleanup = models
            .iter()
            .find(|model| model.id == "environment-cleanup")
            .expect("clean-up chart");
        let machines = &cleanup.data[0];
        assert_eq!(
            machines.description(Language::En),
            "Heavy machines deployed: at least 10 machines"
        );
        assert_eq!(machines.value_mark(Language::En), "10+");
        assert_eq!(
            cleanup.qualifier_key().qualifiers(),
            vec![Qualifier::Exact, Qualifier::AtLeast]
        );
        let structure = models
            .iter()
            .find(|model| model.kind == ChartKind::Structure)
            .expect("structure chart");
        assert!(structure.qualifier_key().unstated);
        assert!(structure.summary().contains("not stated"));
    }

    #[test]
    fn csv_has_bom_and_the_figures() {
        let snapshot = default_snapshot();
        let model = chart_models(&snapshot, Language::Zh)
            .into_iter()
            .find(|model| model.id == "environment-courtyards")
            .expect("courtyards");
        let csv = csv_from_chart(&model);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "beautiful_courtyards,创建美丽庭院,3400,确数,户,2021,创建美丽庭院3400户"
        );
        assert!(lines[2].starts_with("premium_courtyards,精品庭院,1200,"));
    }

    #[test]
    fn csv_quotes_and_defuses() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-3"), "-3");
        assert_eq!(csv_field("@cmd"), "'@cmd");
    }
}
