//! What "read aloud" (朗读 / 指读) says: the report's figures, charts, villages, headings and
//! paragraphs as phrases written for the ear, from the same formatting the screen uses
//! (`format`, `wording`). The browser's speech synthesis only voices them (`ui::speech`).
//!
//! - A figure: label, value with its qualifier in words, unit, period —
//!   "出动大型机械，至少10辆，2021年" / "Heavy machines deployed, at least 10 machines, 2021.".
//! - Asked again (a second tap): the report's own words, read in Chinese.
//! - A section, read on (连读): its heading and blocks in order, each a [`ReadingStep`] that
//!   names the part of the page to highlight.

use crate::core::chart::model::{
    chart_model_from_block, quantity_for_period, ChartDatum, Quantity,
};
use crate::core::format::{designation_label, spoken_value};
use crate::core::snapshot::{Block, Indicator, PlaceKind, Snapshot};
use crate::core::wording::{self as w, text};
use crate::core::Language;

/// One thing said, in one language (the report's own words are Chinese in either view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub language: Language,
    pub text: String,
}

impl Utterance {
    fn new(language: Language, text: impl Into<String>) -> Utterance {
        Utterance {
            language,
            text: text.into(),
        }
    }
}

/// What a reader can point at to hear it, written in the page as `data-speak="…"` (so the
/// pre-rendered page carries it and one listener serves every part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechKey {
    /// A section's heading.
    Heading { section: String },
    /// A paragraph: block `block` of the section.
    Prose { section: String, block: usize },
    /// A figure card.
    Figure { indicator: String },
    /// A village's (or community's) card.
    Village { place: String },
}

impl SpeechKey {
    /// The `data-speak` attribute's value.
    pub fn attribute(&self) -> String {
        match self {
            SpeechKey::Heading { section } => format!("heading:{section}"),
            SpeechKey::Prose { section, block } => format!("prose:{section}:{block}"),
            SpeechKey::Figure { indicator } => format!("figure:{indicator}"),
            SpeechKey::Village { place } => format!("village:{place}"),
        }
    }

    /// The key an attribute names (`None` for anything else).
    pub fn from_attribute(attribute: &str) -> Option<SpeechKey> {
        let (kind, rest) = attribute.split_once(':')?;
        if rest.is_empty() {
            return None;
        }
        Some(match kind {
            "heading" => SpeechKey::Heading {
                section: rest.to_owned(),
            },
            "prose" => {
                let (section, block) = rest.rsplit_once(':')?;
                SpeechKey::Prose {
                    section: section.to_owned(),
                    block: block.parse().ok()?,
                }
            }
            "figure" => SpeechKey::Figure {
                indicator: rest.to_owned(),
            },
            "village" => SpeechKey::Village {
                place: rest.to_owned(),
            },
            _ => return None,
        })
    }
}

/// A unit as it is said: "m²" is "square metres", not "m two".
fn unit_for_ear(unit: &str, language: Language) -> &str {
    match (unit, language) {
        ("m²", Language::Zh) => "平方米",
        ("m²", Language::En) => "square metres",
        ("km²", Language::Zh) => "平方公里",
        ("km²", Language::En) => "square kilometres",
        ("km", Language::Zh) => "公里",
        ("km", Language::En) => "kilometres",
        ("t", Language::En) => "tonnes",
        ("t", Language::Zh) => "吨",
        _ => unit,
    }
}

/// A value with its qualifier in words and its unit: "至少10辆", "about 10,000 mu", or "not
/// stated in the report".
pub fn value_for_ear(quantity: Quantity, unit: &str, language: Language) -> String {
    let Some(value) = quantity.value else {
        return text(language, w::NOT_STATED_IN_REPORT).to_owned();
    };
    // The screen reader's wording (`format::spoken_value`), with the unit said in full.
    spoken_value(
        Some(value),
        quantity.qualifier,
        unit_for_ear(unit, language),
        language,
    )
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period as it is said: "2021" → "2021年"; "2021-07-12" → "2021年7月12日" / "12 July 2021".
/// Anything else is said as written.
pub fn period_for_ear(period: &str, language: Language) -> String {
    let parts: Vec<&str> = period.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|part| part.parse().ok()).collect();
    let well_formed = parts.first().is_some_and(|year| year.len() == 4)
        && parts.iter().skip(1).all(|part| part.len() == 2);
    let month_name = |month: u32| MONTHS.get(month.checked_sub(1)? as usize).copied();
    match (numbers.as_deref(), well_formed, language) {
        (Some([year]), true, Language::Zh) => format!("{year}年"),
        (Some([year, month]), true, Language::Zh) if month_name(*month).is_some() => {
            format!("{year}年{month}月")
        }
        (Some([year, month, day]), true, Language::Zh) if month_name(*month).is_some() => {
            format!("{year}年{month}月{day}日")
        }
        (Some([year]), true, Language::En) => year.to_string(),
        (Some([year, month]), true, Language::En) if month_name(*month).is_some() => {
            format!("{} {year}", month_name(*month).unwrap_or_default())
        }
        (Some([year, month, day]), true, Language::En) if month_name(*month).is_some() => {
            format!("{day} {} {year}", month_name(*month).unwrap_or_default())
        }
        _ => period.to_owned(),
    }
}

fn sentence(language: Language, parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|part| !part.is_empty())
        .collect();
    match language {
        Language::Zh => format!("{}。", parts.join("，")),
        Language::En => format!("{}.", parts.join(", ")),
    }
}

/// A figure for the ear: "出动大型机械，至少10辆，2021年。".
pub fn figure_phrase(
    label: &str,
    quantity: Quantity,
    unit: &str,
    period: &str,
    language: Language,
) -> String {
    sentence(
        language,
        &[
            label,
            &value_for_ear(quantity, unit, language),
            &period_for_ear(period, language),
        ],
    )
}

/// An indicator's figure for the period shown (`None`: its main period).
pub fn indicator_phrase(indicator: &Indicator, period: Option<&str>, language: Language) -> String {
    let label = indicator.label.get(language);
    match quantity_for_period(indicator, period) {
        Some((period, quantity)) => figure_phrase(
            label,
            quantity,
            indicator.unit.get(language),
            &period,
            language,
        ),
        None => sentence(
            language,
            &[label, text(language, w::NO_VALUE_FOR_THIS_PERIOD)],
        ),
    }
}

/// A chart's figure (a bar, a box): label, value, and the stated whole it is part of.
pub fn datum_phrase(datum: &ChartDatum, language: Language) -> String {
    let value = value_for_ear(datum.quantity, &datum.unit, language);
    let whole = datum.whole.as_ref().map(|(label, whole)| {
        let whole = value_for_ear(*whole, "", language);
        match language {
            Language::Zh => format!("共{whole}个{label}"),
            Language::En => format!("of {whole} {}", label.to_lowercase()),
        }
    });
    sentence(
        language,
        &[
            &datum.label,
            &value,
            whole.as_deref().unwrap_or_default(),
            &period_for_ear(&datum.period, language),
        ],
    )
}

/// The report's own words, said in Chinese after a short lead-in in the page's language.
pub fn source_phrase(quote: &str, language: Language) -> Vec<Utterance> {
    vec![
        Utterance::new(language, text(language, w::SPEECH_SOURCE_LEAD)),
        Utterance::new(Language::Zh, quote),
    ]
}

/// A village (or community) for the ear: name, kind, community (said to be inferred where it
/// is), designations and every figure it has.
pub fn place_phrase(snapshot: &Snapshot, place_id: &str, language: Language) -> Option<String> {
    let place = snapshot.place(place_id)?;
    let kind = match place.kind {
        PlaceKind::Village => text(language, w::ADMINISTRATIVE_VILLAGE),
        PlaceKind::Community => text(language, w::COMMUNITY),
    };
    let community = place.community.as_ref().map(|link| {
        let name = snapshot
            .place(&link.id)
            .map_or(link.id.as_str(), |community| community.name.get(language));
        match (language, link.inferred) {
            (Language::Zh, false) => format!("所属社区：{name}"),
            (Language::Zh, true) => format!("推断所属社区：{name}"),
            (Language::En, false) => format!("community: {name}"),
            (Language::En, true) => format!("community, inferred: {name}"),
        }
    });
    let mut parts = vec![
        place.name.get(language).to_owned(),
        kind.to_owned(),
        community.unwrap_or_default(),
    ];
    parts.extend(
        place
            .designations
            .iter()
            .map(|designation| designation_label(designation.level, language)),
    );
    parts.extend(snapshot.indicators.iter().filter_map(|indicator| {
        let entry = indicator
            .by_place
            .iter()
            .find(|entry| entry.place == place.id)?;
        let quantity = Quantity {
            value: entry.value,
            qualifier: entry.qualifier,
        };
        Some(format!(
            "{}{}{}",
            indicator.label.get(language),
            if language == Language::Zh { "" } else { " " },
            value_for_ear(quantity, indicator.unit.get(language), language)
        ))
    }));
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Some(sentence(language, &parts))
}

/// What a key says, with the figures of `period` (`None`: the main period).
pub fn phrase_for_key(
    snapshot: &Snapshot,
    key: &SpeechKey,
    language: Language,
    period: Option<&str>,
) -> Option<String> {
    match key {
        SpeechKey::Heading { section } => snapshot
            .sections
            .iter()
            .find(|candidate| &candidate.id == section)
            .map(|section| section.title.get(language).to_owned()),
        SpeechKey::Prose { section, block } => {
            let section = snapshot
                .sections
                .iter()
                .find(|candidate| &candidate.id == section)?;
            match section.blocks.get(*block)? {
                Block::Prose { text } => Some(text.get(language).to_owned()),
                _ => None,
            }
        }
        SpeechKey::Figure { indicator } => snapshot
            .indicator(indicator)
            .map(|indicator| indicator_phrase(indicator, period, language)),
        SpeechKey::Village { place } => place_phrase(snapshot, place, language),
    }
}

/// The report's own words behind a key, where it has them (a figure's quote, a designation's).
pub fn source_for_key(snapshot: &Snapshot, key: &SpeechKey) -> Option<String> {
    match key {
        SpeechKey::Figure { indicator } => snapshot
            .indicator(indicator)
            .map(|indicator| indicator.quote.clone()),
        SpeechKey::Village { place } => {
            let place = snapshot.place(place)?;
            let quotes: Vec<&str> = place
                .designations
                .iter()
                .map(|designation| designation.quote.as_str())
                .collect();
            (!quotes.is_empty()).then(|| quotes.join("。"))
        }
        SpeechKey::Heading { .. } | SpeechKey::Prose { .. } => None,
    }
}

/// The part of the page a step of section reading highlights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadingTarget {
    /// The section's heading.
    Heading,
    /// Block `block` of the section, as a whole.
    Block { block: usize },
    /// One figure card in block `block`.
    Figure { block: usize, indicator: String },
}

/// One step of reading a section on: what to highlight, and what to say meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingStep {
    pub target: ReadingTarget,
    pub utterances: Vec<Utterance>,
}

/// How well a voice of BCP 47 tag `voice_lang` speaks `language` (lower is better; `None`: not
/// at all). Chinese: Mainland Mandarin first, then other Mandarin, then any Chinese voice.
pub fn voice_rank(voice_lang: &str, language: Language) -> Option<u8> {
    let tag = voice_lang.replace('_', "-").to_ascii_lowercase();
    let primary = tag.split('-').next().unwrap_or_default();
    match language {
        Language::Zh => match primary {
            "zh" | "cmn" if tag.contains("-cn") || tag.contains("-hans") => Some(0),
            "cmn" => Some(1),
            "zh" if tag == "zh" || tag.contains("-tw") || tag.contains("-sg") => Some(1),
            "zh" | "yue" => Some(2),
            _ => None,
        },
        Language::En => match primary {
            "en" => Some(if tag.contains("-gb") { 0 } else { 1 }),
            _ => None,
        },
    }
}

/// The speaking rate: normal, or slower (large-text mode starts slower).
pub fn speech_rate(slower: bool) -> f64 {
    if slower {
        0.75
    } else {
        1.0
    }
}

/// A section read on (连读): the heading, then each block in order — a paragraph, each figure
/// card, a chart's title and each of its figures, a table's rows, the map's title and what it
/// shows. `None` when the snapshot has no such section.
pub fn section_reading(
    snapshot: &Snapshot,
    section_id: &str,
    language: Language,
    period: Option<&str>,
) -> Option<Vec<ReadingStep>> {
    let section = snapshot
        .sections
        .iter()
        .find(|candidate| candidate.id == section_id)?;
    let say = |text: String| vec![Utterance::new(language, text)];
    let mut steps = vec![ReadingStep {
        target: ReadingTarget::Heading,
        utterances: say(section.title.get(language).to_owned()),
    }];
    for (block_index, block) in section.blocks.iter().enumerate() {
        let whole_block = ReadingTarget::Block { block: block_index };
        match block {
            Block::Prose { text } => steps.push(ReadingStep {
                target: whole_block,
                utterances: say(text.get(language).to_owned()),
            }),
            Block::Figures { indicators } => {
                steps.extend(indicators.iter().filter_map(|id| {
                    let indicator = snapshot.indicator(id)?;
                    Some(ReadingStep {
                        target: ReadingTarget::Figure {
                            block: block_index,
                            indicator: id.clone(),
                        },
                        utterances: say(indicator_phrase(indicator, period, language)),
                    })
                }));
            }
            Block::Chart { .. } => {
                if let Some(model) = chart_model_from_block(snapshot, block, language, period) {
                    let mut utterances = say(w::speech_chart_title(language, &model.title));
                    utterances.extend(
                        model
                            .data
                            .iter()
                            .map(|datum| Utterance::new(language, datum_phrase(datum, language))),
                    );
                    steps.push(ReadingStep {
                        target: whole_block,
                        utterances,
                    });
                }
            }
            Block::Table { indicators } => {
                let mut utterances = say(text(language, w::SPEECH_TABLE).to_owned());
                utterances.extend(indicators.iter().filter_map(|id| {
                    let indicator = snapshot.indicator(id)?;
                    Some(Utterance::new(
                        language,
                        indicator_phrase(indicator, period, language),
                    ))
                }));
                steps.push(ReadingStep {
                    target: whole_block,
                    utterances,
                });
            }
            Block::Map { title } => {
                let villages = snapshot
                    .places
                    .iter()
                    .filter(|place| place.kind == PlaceKind::Village)
                    .count();
                let communities = snapshot.places.len() - villages;
                let title = title
                    .as_ref()
                    .map_or(text(language, w::SPEECH_MAP), |title| title.get(language));
                steps.push(ReadingStep {
                    target: whole_block,
                    utterances: say(sentence(
                        language,
                        &[
                            title,
                            &w::village_count(language, villages, communities),
                            text(language, w::SPEECH_MAP_HINT),
                        ],
                    )),
                });
            }
        }
    }
    Some(steps)
}

/// Whether a click is the end of a press on the part it lands on.
///
/// A touch tap's click comes after its pointerup and is hit-tested where the finger is *then*.
/// A tap on a village tile opens its card, which takes focus and so scrolls into view; on a
/// busy phone the card can be under the finger by the time the tap's click arrives, and that
/// click would otherwise read as a second tap on the card (the village said again, cutting off
/// the report's words). So a click speaks a part only when the press began on that part. A
/// click with no press before it (the keyboard's Enter, assistive technology) speaks as before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Press {
    /// No pointer press since the last click.
    #[default]
    None,
    /// A press began on the part with this key (`None`: on no part).
    On(Option<String>),
}

impl Press {
    /// Whether a click on the part `clicked` (its key) after this press should speak it.
    pub fn lets_click_speak(&self, clicked: &str) -> bool {
        match self {
            Press::None => true,
            Press::On(pressed) => pressed.as_deref() == Some(clicked),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;
    use crate::core::snapshot::Qualifier;
    use crate::core::Language::{En, Zh};

    fn default_snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn a_click_speaks_a_part_only_when_the_press_began_on_it() {
        let village = SpeechKey::Village {
            place: "v-duozhuang".into(),
        }
        .attribute();
        // Pressed on the map (no part), the click landing on the card the tap opened.
        assert!(!Press::On(None).lets_click_speak(&village));
        // Pressed on another part.
        assert!(!Press::On(Some("figure:machines_deployed".into())).lets_click_speak(&village));
        // Pressed and released on the same part.
        assert!(Press::On(Some(village.clone())).lets_click_speak(&village));
        // No press since the last click: the keyboard's Enter, assistive technology.
        assert!(Press::None.lets_click_speak(&village));
        assert_eq!(Press::default(), Press::None);
    }

    fn quantity(value: Option<f64>, qualifier: Qualifier) -> Quantity {
        Quantity { value, qualifier }
    }

    #[test]
    fn figures_are_said_with_qualifier_words_unit_and_period() {
        let snapshot = default_snapshot();
        let machines = snapshot.indicator("machines_deployed").expect("indicator");
        assert_eq!(
            indicator_phrase(machines, None, Zh),
            "出动大型机械，至少10辆，2021年。"
        );
        assert_eq!(
            indicator_phrase(machines, None, En),
            "Heavy machines deployed, at least 10 machines, 2021."
        );
        let volunteers = snapshot
            .indicator("volunteers_recruited")
            .expect("indicator");
        assert_eq!(
            indicator_phrase(volunteers, None, Zh),
            "招募志愿者，约200名，2021年。"
        );
        assert!(indicator_phrase(volunteers, None, En).contains("about 200 volunteers"));
    }

    #[test]
    fn units_and_dates_are_said_in_words() {
        assert_eq!(
            value_for_ear(quantity(Some(8000.0), Qualifier::Exact), "m²", En),
            "8,000 square metres"
        );
        assert_eq!(
            value_for_ear(quantity(Some(1000.0), Qualifier::AtLeast), "平方米", Zh),
            "至少1000平方米"
        );
        assert_eq!(
            value_for_ear(quantity(Some(13_000.0), Qualifier::Exact), "棵", Zh),
            "1.3万棵"
        );
        assert_eq!(period_for_ear("2021-07-12", Zh), "2021年7月12日");
        assert_eq!(period_for_ear("2021-07-12", En), "12 July 2021");
        assert_eq!(period_for_ear("2021-07", En), "July 2021");
        assert_eq!(period_for_ear("2021", Zh), "2021年");
        // Not a date: said as written, never made up.
        assert_eq!(period_for_ear("2021-13", Zh), "2021-13");
        assert_eq!(period_for_ear("2021 H1", En), "2021 H1");
    }

    #[test]
    fn an_unstated_figure_is_said_to_be_unstated_never_zero() {
        let snapshot = default_snapshot();
        let squads = snapshot
            .indicator("village_volunteer_squads")
            .expect("indicator");
        let zh = indicator_phrase(squads, None, Zh);
        assert!(zh.contains("原文未给出数字"), "{zh}");
        assert!(!zh.contains("，0") && !zh.contains('零'), "{zh}");
        assert!(indicator_phrase(squads, None, En).contains("not stated in the report"));
    }

    #[test]
    fn a_period_without_a_value_says_so() {
        let snapshot = default_snapshot();
        let machines = snapshot.indicator("machines_deployed").expect("indicator");
        let said = indicator_phrase(machines, Some("2019"), Zh);
        assert!(said.starts_with("出动大型机械，"), "{said}");
        assert!(
            said.contains(text(Zh, w::NO_VALUE_FOR_THIS_PERIOD)),
            "{said}"
        );
    }

    #[test]
    fn keys_round_trip_through_the_attribute() {
        let keys = [
            SpeechKey::Heading {
                section: "environment".into(),
            },
            SpeechKey::Prose {
                section: "team".into(),
                block: 2,
            },
            SpeechKey::Figure {
                indicator: "machines_deployed".into(),
            },
            SpeechKey::Village {
                place: "v-duozhuang".into(),
            },
        ];
        for key in keys {
            assert_eq!(SpeechKey::from_attribute(&key.attribute()), Some(key));
        }
        for bad in [
            "",
            "figure",
            "figure:",
            "prose:team",
            "prose:team:x",
            "other:x",
        ] {
            assert_eq!(SpeechKey::from_attribute(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_second_request_gives_the_reports_own_words_in_chinese() {
        let snapshot = default_snapshot();
        let key = SpeechKey::Figure {
            indicator: "machines_deployed".into(),
        };
        let quote = source_for_key(&snapshot, &key).expect("quote");
        assert!(quote.contains("10余"), "{quote}");
        let said = source_phrase(&quote, En);
        assert_eq!(said[0].language, En);
        assert_eq!(said[1], Utterance::new(Zh, quote));
        assert_eq!(
            source_for_key(
                &snapshot,
                &SpeechKey::Heading {
                    section: "team".into()
                }
            ),
            None
        );
    }

    #[test]
    fn a_village_is_said_with_its_community_marked_inferred() {
        let snapshot = default_snapshot();
        let said = place_phrase(&snapshot, "v-songjiajishan", Zh).expect("village");
        assert!(
            said.starts_with("宋家箕山村，行政村，推断所属社区："),
            "{said}"
        );
        assert!(said.contains("县级美丽乡村建设"), "{said}");
        let said = place_phrase(&snapshot, "v-songjiajishan", En).expect("village");
        assert!(said.contains("community, inferred:"), "{said}");
        assert_eq!(place_phrase(&snapshot, "v-nowhere", Zh), None);
    }

    #[test]
    fn a_section_is_read_heading_first_then_blocks_in_order() {
        let snapshot = default_snapshot();
        let steps = section_reading(&snapshot, "environment", Zh, None).expect("section");
        let section = snapshot
            .sections
            .iter()
            .find(|section| section.id == "environment")
            .expect("section");
        assert_eq!(steps[0].target, ReadingTarget::Heading);
        assert_eq!(steps[0].utterances[0].text, section.title.zh);
        // Every block appears, in order; figure blocks card by card.
        let blocks: Vec<usize> = steps[1..]
            .iter()
            .map(|step| match &step.target {
                ReadingTarget::Block { block } | ReadingTarget::Figure { block, .. } => *block,
                ReadingTarget::Heading => usize::MAX,
            })
            .collect();
        assert!(
            blocks.windows(2).all(|pair| pair[0] <= pair[1]),
            "{blocks:?}"
        );
        let mut distinct = blocks.clone();
        distinct.dedup();
        assert_eq!(distinct, (0..section.blocks.len()).collect::<Vec<_>>());
        let figures = steps
            .iter()
            .filter(|step| matches!(step.target, ReadingTarget::Figure { .. }))
            .count();
        let Block::Figures { indicators } = &section.blocks[1] else {
            panic!("the environment section's second block is its figures");
        };
        assert_eq!(figures, indicators.len());
        // A chart: its title, then each figure.
        let chart = steps
            .iter()
            .find(|step| step.target == ReadingTarget::Block { block: 2 })
            .expect("chart step");
        assert!(
            chart.utterances[0].text.contains("图表"),
            "{:?}",
            chart.utterances
        );
        assert!(chart.utterances[1]
            .text
            .starts_with("出动大型机械，至少10辆"));
        assert_eq!(section_reading(&snapshot, "nowhere", Zh, None), None);
    }

    #[test]
    fn voices_are_chosen_for_the_pages_language() {
        assert_eq!(voice_rank("zh-CN", Zh), Some(0));
        assert_eq!(voice_rank("cmn_CN", Zh), Some(0));
        assert_eq!(voice_rank("zh-TW", Zh), Some(1));
        assert_eq!(voice_rank("zh-HK", Zh), Some(2));
        assert_eq!(voice_rank("en-US", Zh), None);
        assert_eq!(voice_rank("en-GB", En), Some(0));
        assert_eq!(voice_rank("en-US", En), Some(1));
        assert_eq!(voice_rank("zh-CN", En), None);
        assert_eq!(voice_rank("", En), None);
        assert!(speech_rate(true) < speech_rate(false));
    }

    #[test]
    fn the_map_step_says_what_the_map_shows() {
        let snapshot = default_snapshot();
        let steps = section_reading(&snapshot, "infrastructure", En, None).expect("section");
        let map = steps.last().expect("map step");
        assert!(
            map.utterances[0].text.contains("villages"),
            "{:?}",
            map.utterances
        );
    }
}
