//! One visual opened alone (`visual=` in the URL): a chart, a figure card, the map or a
//! section, for a portal article that wants the environment chart next to its text rather
//! than the whole report. Each visual of the default snapshot also has a page of its own,
//! pre-rendered at build time (`visual-….html`, next to `index.html`), which the embed code
//! points at, so an embedded chart is there before (and without) the wasm.

use crate::core::chart::model::chart_model_from_block;
use crate::core::format::{format_value, with_unit};
use crate::core::snapshot::{Block, Snapshot};
use crate::core::wording;
use crate::core::Language;

/// What can be opened alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visual {
    /// A chart block, by its id.
    Chart(String),
    /// One indicator's figure card, by the indicator's id (as shown in a figures block).
    Figure(String),
    /// The village map (the snapshot's first map block).
    Map,
    /// A whole section, by its id.
    Section(String),
}

/// The longest id the URL may carry (a visual's, a section's, a village's…).
const MAX_ID_LENGTH: usize = 64;

/// Whether `text` is an id as the URL spells them: 1 to 64 of `a-z 0-9 _ -`.
pub(crate) fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_ID_LENGTH
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl Visual {
    /// The URL's spelling: `chart:<id>`, `figure:<id>`, `map`, `section:<id>`.
    pub fn param(&self) -> String {
        match self {
            Visual::Chart(id) => format!("chart:{id}"),
            Visual::Figure(id) => format!("figure:{id}"),
            Visual::Map => "map".to_owned(),
            Visual::Section(id) => format!("section:{id}"),
        }
    }

    /// Reads the URL's spelling; `None` for anything else.
    pub fn from_param(text: &str) -> Option<Visual> {
        if text == "map" {
            return Some(Visual::Map);
        }
        let (kind, id) = text.split_once(':')?;
        if !is_id(id) {
            return None;
        }
        let id = id.to_owned();
        match kind {
            "chart" => Some(Visual::Chart(id)),
            "figure" => Some(Visual::Figure(id)),
            "section" => Some(Visual::Section(id)),
            _ => None,
        }
    }

    /// The pre-rendered page's file name, next to `index.html` (so every relative address
    /// the app uses stays the same): `visual-chart-environment-cleanup.html`.
    pub fn page_file(&self) -> String {
        match self {
            Visual::Chart(id) => format!("visual-chart-{id}.html"),
            Visual::Figure(id) => format!("visual-figure-{id}.html"),
            Visual::Map => "visual-map.html".to_owned(),
            Visual::Section(id) => format!("visual-section-{id}.html"),
        }
    }

    /// The iframe's height before the page has told its host its real one (CSS px): about
    /// what each kind takes on a phone, so an embed that never runs the wasm is still usable.
    pub fn starting_height(&self) -> u32 {
        match self {
            Visual::Chart(_) => 620,
            Visual::Figure(_) => 300,
            Visual::Map => 900,
            Visual::Section(_) => 1400,
        }
    }
}

/// The query a visual's own page is read with: a link to the page's file without `visual=`
/// (e.g. the bare `visual-map.html`) means that page's visual, not the whole report.
pub fn query_for_page(query: &str, page_visual: Option<&Visual>) -> String {
    let Some(visual) = page_visual else {
        return query.to_owned();
    };
    let bare = query.strip_prefix('?').unwrap_or(query);
    if crate::core::view::data_source::query_param(bare, "visual").is_some() {
        return query.to_owned();
    }
    let joiner = if bare.is_empty() { "" } else { "&" };
    format!("?{bare}{joiner}visual={}", visual.param())
}

/// Where a visual is in a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualPlace {
    /// The section's index.
    pub section: usize,
    /// The block's index in the section (`None` for a whole section).
    pub block: Option<usize>,
}

/// Where `visual` is in `snapshot`, or `None` when the snapshot has no such visual.
pub fn visual_place(snapshot: &Snapshot, visual: &Visual) -> Option<VisualPlace> {
    for (section_index, section) in snapshot.sections.iter().enumerate() {
        if let Visual::Section(id) = visual {
            if &section.id == id {
                return Some(VisualPlace {
                    section: section_index,
                    block: None,
                });
            }
            continue;
        }
        let found = section
            .blocks
            .iter()
            .position(|block| match (visual, block) {
                (Visual::Chart(wanted), Block::Chart { id, .. }) => id == wanted,
                (Visual::Figure(wanted), Block::Figures { indicators }) => {
                    indicators.contains(wanted) && snapshot.indicator(wanted).is_some()
                }
                (Visual::Map, Block::Map { .. }) => true,
                _ => false,
            });
        if let Some(block) = found {
            return Some(VisualPlace {
                section: section_index,
                block: Some(block),
            });
        }
    }
    None
}

/// Every visual of `snapshot` that can be opened alone, in the report's order: each section,
/// then its charts, figure cards and map. (A figure shown in two blocks is listed once.)
pub fn visuals_of_snapshot(snapshot: &Snapshot) -> Vec<Visual> {
    let mut visuals = Vec::new();
    for section in &snapshot.sections {
        visuals.push(Visual::Section(section.id.clone()));
        for block in &section.blocks {
            let found: Vec<Visual> = match block {
                Block::Chart { id, .. } => vec![Visual::Chart(id.clone())],
                Block::Figures { indicators } => indicators
                    .iter()
                    .filter(|id| snapshot.indicator(id).is_some())
                    .map(|id| Visual::Figure(id.clone()))
                    .collect(),
                Block::Map { .. } => vec![Visual::Map],
                Block::Prose { .. } | Block::Table { .. } => Vec::new(),
            };
            for visual in found {
                if !visuals.contains(&visual) {
                    visuals.push(visual);
                }
            }
        }
    }
    visuals
}

/// The indicators a visual shows (for its qualifier key and its sources).
pub fn indicators_of_visual<'a>(snapshot: &'a Snapshot, visual: &'a Visual) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let mut add = |block: &'a Block| match block {
        Block::Chart { indicators, .. }
        | Block::Figures { indicators }
        | Block::Table { indicators } => ids.extend(indicators.iter().map(String::as_str)),
        Block::Map { .. } | Block::Prose { .. } => {}
    };
    match (visual, visual_place(snapshot, visual)) {
        (Visual::Figure(id), Some(_)) => return vec![id.as_str()],
        (_, Some(VisualPlace { section, block })) => {
            let blocks = &snapshot.sections[section].blocks;
            match block {
                Some(index) => add(&blocks[index]),
                None => blocks.iter().for_each(&mut add),
            }
        }
        (_, None) => {}
    }
    let mut unique = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    unique
}

/// The map's element id in the whole report (the "full report" link's anchor).
pub const MAP_ANCHOR: &str = "village-map";

/// The sources a visual's figures (and, for the map, its places) come from, by id, first use
/// first.
pub fn sources_of_visual<'a>(snapshot: &'a Snapshot, visual: &'a Visual) -> Vec<&'a str> {
    let mut ids: Vec<&str> = indicators_of_visual(snapshot, visual)
        .into_iter()
        .filter_map(|id| snapshot.indicator(id))
        .map(|indicator| indicator.source.as_str())
        .collect();
    let shows_map = match visual_place(snapshot, visual) {
        Some(VisualPlace {
            block: Some(block),
            section,
        }) => matches!(snapshot.sections[section].blocks[block], Block::Map { .. }),
        Some(VisualPlace {
            block: None,
            section,
        }) => snapshot.sections[section]
            .blocks
            .iter()
            .any(|block| matches!(block, Block::Map { .. })),
        None => false,
    };
    if shows_map {
        ids.extend(snapshot.places.iter().map(|place| place.source.as_str()));
    }
    let mut unique = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(&id) && snapshot.source(id).is_some() {
            unique.push(id);
        }
    }
    unique
}

/// The visual's own title, as the report shows it.
pub fn visual_title(snapshot: &Snapshot, visual: &Visual, language: Language) -> Option<String> {
    let place = visual_place(snapshot, visual)?;
    let section = &snapshot.sections[place.section];
    Some(
        match (visual, place.block.map(|block| &section.blocks[block])) {
            (Visual::Figure(id), _) => snapshot.indicator(id)?.label.get(language).to_owned(),
            (_, Some(Block::Chart { title, .. })) => title.get(language).to_owned(),
            (_, Some(Block::Map { title })) => title.as_ref().map_or_else(
                || wording::MAP_DEFAULT_TITLE.get(language).to_owned(),
                |title| title.get(language).to_owned(),
            ),
            _ => section.title.get(language).to_owned(),
        },
    )
}

/// A sentence or two saying what the visual shows, for its page's description (link
/// previews): a chart's figures, a figure with its qualifier and the report's words, a
/// section's first paragraph.
pub fn visual_description(
    snapshot: &Snapshot,
    visual: &Visual,
    language: Language,
) -> Option<String> {
    const LONGEST: usize = 160;
    let place = visual_place(snapshot, visual)?;
    let section = &snapshot.sections[place.section];
    let text = match (visual, place.block.map(|block| &section.blocks[block])) {
        (Visual::Figure(id), _) => {
            let indicator = snapshot.indicator(id)?;
            let value = format_value(indicator.value, indicator.qualifier, language);
            let unit = indicator.unit.get(language);
            match language {
                Language::Zh => format!(
                    "{}：{}（原文：“{}”）",
                    indicator.label.zh,
                    with_unit(&value, unit, language),
                    indicator.quote
                ),
                Language::En => format!(
                    "{}: {} (the report: “{}”)",
                    indicator.label.en,
                    with_unit(&value, unit, language),
                    indicator.quote
                ),
            }
        }
        (_, Some(block @ Block::Chart { .. })) => {
            chart_model_from_block(snapshot, block, language, None)?.summary()
        }
        _ => section
            .blocks
            .iter()
            .find_map(|block| match block {
                Block::Prose { text } => Some(text.get(language).to_owned()),
                _ => None,
            })
            .unwrap_or_else(|| snapshot.meta.description.get(language).to_owned()),
    };
    Some(if text.chars().count() > LONGEST {
        let mut cut: String = text.chars().take(LONGEST - 1).collect();
        cut.push('…');
        cut
    } else {
        text
    })
}

/// The iframe snippet a portal editor pastes: the page at `src`, titled, lazily loaded, at a
/// starting height, with the host script that keeps its height to its content.
pub fn iframe_snippet(src: &str, title: &str, height: u32, host_script: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" data-fuguanzhuang-embed></iframe>\n<script src=\"{}\" defer></script>",
        escape(src),
        escape(title),
        escape(host_script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn the_url_spelling_round_trips_and_refuses_the_rest() {
        for visual in [
            Visual::Chart("environment-cleanup".into()),
            Visual::Figure("machines_deployed".into()),
            Visual::Map,
            Visual::Section("team".into()),
        ] {
            assert_eq!(Visual::from_param(&visual.param()), Some(visual.clone()));
        }
        for bad in [
            "",
            "chart",
            "chart:",
            "map:x",
            "table:data",
            "chart:Bad",
            "figure:<b>",
            "section:../x",
        ] {
            assert_eq!(Visual::from_param(bad), None, "{bad:?}");
        }
        assert_eq!(
            Visual::from_param(&format!("chart:{}", "a".repeat(MAX_ID_LENGTH + 1))),
            None
        );
    }

    #[test]
    fn every_chart_figure_section_and_the_map_is_a_visual_with_a_place() {
        let snapshot = snapshot();
        let visuals = visuals_of_snapshot(&snapshot);
        let charts = snapshot
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .filter(|block| matches!(block, Block::Chart { .. }))
            .count();
        let figures: usize = snapshot
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .map(|block| match block {
                Block::Figures { indicators } => indicators.len(),
                _ => 0,
            })
            .sum();
        let count = |wanted: fn(&Visual) -> bool| visuals.iter().filter(|v| wanted(v)).count();
        assert_eq!(count(|v| matches!(v, Visual::Chart(_))), charts);
        assert_eq!(count(|v| matches!(v, Visual::Figure(_))), figures);
        assert_eq!(count(|v| matches!(v, Visual::Map)), 1);
        assert_eq!(
            count(|v| matches!(v, Visual::Section(_))),
            snapshot.sections.len()
        );
        let mut files: Vec<String> = visuals.iter().map(Visual::page_file).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), visuals.len(), "one page per visual");
        for visual in &visuals {
            assert!(
                visual_place(&snapshot, visual).is_some(),
                "{visual:?} has no place"
            );
        }
        assert_eq!(visual_place(&snapshot, &Visual::Chart("nope".into())), None);
    }

    #[test]
    fn titles_descriptions_and_sources_come_from_the_snapshot() {
        let snapshot = snapshot();
        let figure = Visual::Figure("machines_deployed".into());
        let zh = visual_description(&snapshot, &figure, Language::Zh).expect("described");
        assert!(zh.contains("10+") || zh.contains("10余"), "{zh}");
        assert!(zh.contains(&snapshot.indicator("machines_deployed").expect("x").quote));
        let chart = Visual::Chart("environment-cleanup".into());
        assert_eq!(
            visual_title(&snapshot, &chart, Language::En).as_deref(),
            Some(
                snapshot
                    .sections
                    .iter()
                    .flat_map(|section| &section.blocks)
                    .find_map(|block| match block {
                        Block::Chart { id, title, .. } if id == "environment-cleanup" =>
                            Some(title.en.as_str()),
                        _ => None,
                    })
                    .expect("chart")
            )
        );
        let described = visual_description(&snapshot, &chart, Language::Zh).expect("described");
        assert!(described.chars().count() <= 160, "{described}");
        assert_eq!(sources_of_visual(&snapshot, &chart), vec!["report-2021"]);
        let map_sources = sources_of_visual(&snapshot, &Visual::Map);
        assert!(!map_sources.is_empty() && !map_sources.contains(&"report-2021"));
        assert_eq!(
            visual_title(&snapshot, &Visual::Section("nope".into()), Language::Zh),
            None
        );
    }

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let snippet = iframe_snippet(
            "https://x/?a=1&b=\"2\"",
            "标题 <b>",
            620,
            "https://x/embed.js",
        );
        assert!(
            snippet.contains("src=\"https://x/?a=1&amp;b=&quot;2&quot;\""),
            "{snippet}"
        );
        assert!(snippet.contains("title=\"标题 &lt;b>\""), "{snippet}");
        assert!(snippet.contains("height=\"620\" ") && snippet.contains("loading=\"lazy\""));
        assert!(snippet.ends_with("<script src=\"https://x/embed.js\" defer></script>"));
    }

    #[test]
    fn a_visual_page_without_visual_in_its_link_shows_its_visual() {
        use crate::core::view::state::view_state_from_query;
        let map = Visual::Map;
        for (query, expected) in [
            ("", Some(Visual::Map)),
            ("?embed=1", Some(Visual::Map)),
            ("lang=en", Some(Visual::Map)),
            (
                "?visual=chart:team-shares",
                Some(Visual::Chart("team-shares".into())),
            ),
        ] {
            let (state, ignored) = view_state_from_query(&query_for_page(query, Some(&map)));
            assert_eq!(state.visual, expected, "{query}");
            assert!(ignored.is_empty(), "{query}: {ignored:?}");
        }
        assert_eq!(query_for_page("?embed=1", None), "?embed=1");
        let (embedded, _) = view_state_from_query(&query_for_page("?embed=1", Some(&map)));
        assert!(embedded.embed);
    }

    #[test]
    fn a_visual_knows_its_indicators() {
        let snapshot = snapshot();
        let chart = Visual::Chart("environment-courtyards".into());
        assert_eq!(
            indicators_of_visual(&snapshot, &chart),
            vec!["beautiful_courtyards", "premium_courtyards"]
        );
        let figure = Visual::Figure("trees_planted".into());
        assert_eq!(
            indicators_of_visual(&snapshot, &figure),
            vec!["trees_planted"]
        );
        assert!(indicators_of_visual(&snapshot, &Visual::Map).is_empty());
        let section = Visual::Section("environment".into());
        let ids = indicators_of_visual(&snapshot, &section);
        assert!(ids.contains(&"machines_deployed") && ids.contains(&"premium_courtyards"));
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }
}
