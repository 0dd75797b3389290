//! The whole view in the URL query, so a pasted link opens exactly what the sender saw.
//!
//! Reading is forgiving: an unknown parameter or a malformed value is ignored (and reported),
//! never fatal. Writing is fully specified: every choice is written, defaults included, so a
//! later change of a default does not change what an old link shows.

use crate::core::map::model::ColourBy;
use crate::core::view::data_source::{percent_decode, query_param};
use crate::core::view::visual::Visual;
use crate::core::wording::{self, Worded};
use crate::core::Language;

/// Light, dark, or the reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

crate::core::vocabulary::vocabulary!(ThemeChoice {
    Auto => "auto",
    Light => "light",
    Dark => "dark",
});

/// Everything a reader can choose.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub language: Language,
    pub theme: ThemeChoice,
    /// Elder-friendly large text and targets.
    pub large: bool,
    /// Chrome-less embed mode.
    pub embed: bool,
    /// Read aloud (朗读): tapping or focusing a part of the report speaks it. Opt-in only.
    pub read_aloud: bool,
    /// The section scrolled to.
    pub section: Option<String>,
    /// The figure card opened.
    pub indicator: Option<String>,
    /// The village selected on the map.
    pub village: Option<String>,
    /// Map zoom (1 = whole map) and centre in map coordinates (lon/lat, or schematic units).
    pub map_zoom: f64,
    pub map_centre: Option<(f64, f64)>,
    /// What the map is coloured by: `designation`, `community` or `indicator:<id>`.
    pub map_colour: ColourBy,
    /// Chart ids shown as tables, sorted.
    pub tables: Vec<String>,
    /// Another snapshot of this site (checked by `data_source`).
    pub data: Option<String>,
    /// The period shown, for snapshots with several periods (the timeline).
    pub period: Option<String>,
    /// One chart, figure card, the map or a section shown alone (`None`: the whole report).
    pub visual: Option<Visual>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            language: Language::Zh,
            theme: ThemeChoice::Auto,
            large: false,
            embed: false,
            read_aloud: false,
            section: None,
            indicator: None,
            village: None,
            map_zoom: 1.0,
            map_centre: None,
            map_colour: ColourBy::Designation,
            tables: Vec::new(),
            data: None,
            period: None,
            visual: None,
        }
    }
}

impl ViewState {
    /// Whether a page pre-rendered in the default view of `page_visual` (Chinese, the
    /// default snapshot, its main period; the whole report when `None`) is this view's markup
    /// once the choices that only change attributes, classes or drawings are applied. Then the
    /// app takes over the pre-rendered page and applies the rest; otherwise it renders the
    /// view afresh. A visual shown alone looks the same embedded or not.
    pub fn starts_from_prerendered(&self, page_visual: Option<&Visual>) -> bool {
        let default = ViewState::default();
        self.language == default.language
            && (self.embed == default.embed || self.visual.is_some())
            && self.data.is_none()
            && self.period.is_none()
            && self.visual.as_ref() == page_visual
    }

    /// The view a page pre-rendered for `page_visual` is rendered in.
    pub fn prerendered_for(page_visual: Option<Visual>) -> ViewState {
        ViewState {
            visual: page_visual,
            ..ViewState::default()
        }
    }
}

/// The parameters this viewer reads.
pub const KNOWN_PARAMS: [&str; 16] = [
    "lang",
    "theme",
    "large",
    "embed",
    "speak",
    "section",
    "indicator",
    "village",
    "zoom",
    "centre",
    "colour",
    "tables",
    "data",
    "period",
    "visual",
    "v",
];

/// Version of the query format, written as `v=1`.
pub const URL_FORMAT_VERSION: &str = "1";

fn id_like(text: &str) -> Option<String> {
    crate::core::view::visual::is_id(text).then(|| text.to_owned())
}

fn flag(text: &str) -> Option<bool> {
    match text {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// The view a query string asks for, and the parameters that were ignored (with why, in both
/// languages: the notice is shown in the page's).
pub fn view_state_from_query(query: &str) -> (ViewState, Vec<Worded>) {
    let mut state = ViewState::default();
    let mut ignored = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let key = pair.split_once('=').map_or(pair, |(key, _)| key);
        let key = percent_decode(key).unwrap_or_default();
        if !KNOWN_PARAMS.contains(&key.as_str()) {
            ignored.push(wording::unknown_parameter(&key));
        }
    }
    let get = |name: &str| query_param(query, name);
    let mut bad = |name: &str, value: &str| {
        let shown: String = value.chars().take(40).collect();
        ignored.push(wording::invalid_parameter(name, &shown));
    };
    if let Some(value) = get("lang") {
        match value.as_str() {
            "zh" | "zh-CN" => state.language = Language::Zh,
            "en" => state.language = Language::En,
            _ => bad("lang", &value),
        }
    }
    if let Some(value) = get("theme") {
        match value.parse::<ThemeChoice>() {
            Ok(theme) => state.theme = theme,
            Err(_) => bad("theme", &value),
        }
    }
    for (name, target) in [
        ("large", &mut state.large),
        ("embed", &mut state.embed),
        ("speak", &mut state.read_aloud),
    ] {
        if let Some(value) = get(name) {
            match flag(&value) {
                Some(on) => *target = on,
                None => bad(name, &value),
            }
        }
    }
    for (name, target) in [
        ("section", &mut state.section),
        ("indicator", &mut state.indicator),
        ("village", &mut state.village),
    ] {
        if let Some(value) = get(name) {
            if value.is_empty() {
                continue;
            }
            match id_like(&value) {
                Some(id) => *target = Some(id),
                None => bad(name, &value),
            }
        }
    }
    if let Some(value) = get("zoom") {
        match value.parse::<f64>() {
            Ok(zoom) if zoom.is_finite() => {
                state.map_zoom = as_written(
                    zoom.clamp(crate::core::geo::MIN_ZOOM, crate::core::geo::MAX_ZOOM),
                    ZOOM_DECIMALS,
                )
            }
            _ => bad("zoom", &value),
        }
    }
    if let Some(value) = get("centre") {
        let parsed = value.split_once(',').and_then(|(x, y)| {
            let (x, y) = (x.trim().parse::<f64>().ok()?, y.trim().parse::<f64>().ok()?);
            (x.is_finite() && y.is_finite() && x.abs() <= 1e6 && y.abs() <= 1e6).then_some((x, y))
        });
        match parsed {
            Some((x, y)) => {
                state.map_centre = Some((
                    as_written(x, CENTRE_DECIMALS),
                    as_written(y, CENTRE_DECIMALS),
                ))
            }
            None if value.is_empty() => {}
            None => bad("centre", &value),
        }
    }
    if let Some(value) = get("colour") {
        match value.parse::<ColourBy>() {
            Ok(colour) if matches!(&colour, ColourBy::Indicator(id) if id_like(id).is_none()) => {
                bad("colour", &value)
            }
            Ok(colour) => state.map_colour = colour,
            Err(_) => bad("colour", &value),
        }
    }
    if let Some(value) = get("tables") {
        let mut tables = Vec::new();
        for id in value.split(',').filter(|id| !id.is_empty()) {
            match id_like(id) {
                Some(id) if !tables.contains(&id) && tables.len() < 64 => tables.push(id),
                Some(_) => {}
                None => bad("tables", id),
            }
        }
        crate::core::sort::sort(&mut tables);
        state.tables = tables;
    }
    if let Some(value) = get("data") {
        if !value.is_empty() {
            state.data = Some(value);
        }
    }
    if let Some(value) = get("period") {
        let valid = !value.is_empty()
            && value.len() <= 32
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if valid {
            state.period = Some(value);
        } else if !value.is_empty() {
            bad("period", &value);
        }
    }
    if let Some(value) = get("visual") {
        match Visual::from_param(&value) {
            Some(visual) => state.visual = Some(visual),
            None if value.is_empty() => {}
            None => bad("visual", &value),
        }
    }
    (state, ignored)
}

fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'/'
            | b':'
            | b',' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A fully specified query string (without `?`) for `state`.
pub fn query_from_view_state(state: &ViewState) -> String {
    let mut parts = vec![
        format!("v={URL_FORMAT_VERSION}"),
        format!(
            "lang={}",
            match state.language {
                Language::Zh => "zh",
                Language::En => "en",
            }
        ),
        format!("theme={}", state.theme.as_str()),
        format!("large={}", u8::from(state.large)),
        format!("speak={}", u8::from(state.read_aloud)),
    ];
    if state.embed {
        parts.push("embed=1".to_owned());
    }
    if let Some(data) = &state.data {
        parts.push(format!("data={}", encode(data)));
    }
    if let Some(section) = &state.section {
        parts.push(format!("section={}", encode(section)));
    }
    if let Some(indicator) = &state.indicator {
        parts.push(format!("indicator={}", encode(indicator)));
    }
    if let Some(village) = &state.village {
        parts.push(format!("village={}", encode(village)));
    }
    if let Some(period) = &state.period {
        parts.push(format!("period={}", encode(period)));
    }
    if let Some(visual) = &state.visual {
        parts.push(format!("visual={}", encode(&visual.param())));
    }
    parts.push(format!("colour={}", encode(&state.map_colour.to_string())));
    parts.push(format!(
        "zoom={}",
        round_for_url(state.map_zoom, ZOOM_DECIMALS)
    ));
    if let Some((x, y)) = state.map_centre {
        parts.push(format!(
            "centre={},{}",
            round_for_url(x, CENTRE_DECIMALS),
            round_for_url(y, CENTRE_DECIMALS)
        ));
    }
    parts.push(format!("tables={}", encode(&state.tables.join(","))));
    parts.join("&")
}

/// Decimals the URL keeps: zoom to 0.001, the map centre to 0.000001 (about 0.1 m in degrees).
const ZOOM_DECIMALS: usize = 3;
const CENTRE_DECIMALS: usize = 6;

fn round_for_url(value: f64, decimals: usize) -> String {
    crate::core::format::trimmed_decimal(value, decimals)
}

/// `value` as the URL writes it, so a state read from a link is written back unchanged (found
/// by fuzzing: a centre given with 80 decimals was read in full and written rounded).
fn as_written(value: f64, decimals: usize) -> f64 {
    round_for_url(value, decimals).parse().unwrap_or(value)
}

/// True when going from `old` to `new` is worth a history entry (Back returns to it); map
/// panning and zooming only replace the current entry.
pub fn is_meaningful_change(old: &ViewState, new: &ViewState) -> bool {
    let mut a = old.clone();
    let mut b = new.clone();
    for state in [&mut a, &mut b] {
        state.map_zoom = 1.0;
        state.map_centre = None;
    }
    a != b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_views_with_the_prerendered_structure_start_from_it() {
        let (plain, _) = view_state_from_query("");
        assert!(plain.starts_from_prerendered(None));
        // Choices applied to the taken-over page: attributes, classes, drawings, an open card.
        let (decorated, _) = view_state_from_query(
            "?theme=dark&large=1&section=environment&indicator=machines_deployed&village=v-duozhuang&zoom=2&centre=1,2&tables=team-shares",
        );
        assert!(decorated.starts_from_prerendered(None));
        for query in [
            "?lang=en",
            "?embed=1",
            "?data=data/other.json",
            "?period=2020",
            "?visual=map",
        ] {
            let (state, ignored) = view_state_from_query(query);
            assert!(ignored.is_empty(), "{query}: {ignored:?}");
            assert!(!state.starts_from_prerendered(None), "{query}");
        }
        // A visual's own page: embedded or not, in the default language and data.
        let chart = Visual::Chart("team-shares".into());
        for query in [
            "?visual=chart:team-shares",
            "?visual=chart:team-shares&embed=1&large=1",
        ] {
            let (state, _) = view_state_from_query(query);
            assert!(state.starts_from_prerendered(Some(&chart)), "{query}");
            assert!(
                !state.starts_from_prerendered(Some(&Visual::Map)),
                "{query}"
            );
        }
        let (english, _) = view_state_from_query("?visual=chart:team-shares&lang=en");
        assert!(!english.starts_from_prerendered(Some(&chart)));
        assert_eq!(
            ViewState::prerendered_for(Some(chart.clone())).visual,
            Some(chart)
        );
    }

    fn full() -> ViewState {
        ViewState {
            language: Language::En,
            theme: ThemeChoice::Dark,
            large: true,
            embed: true,
            read_aloud: true,
            section: Some("environment".into()),
            indicator: Some("machines_deployed".into()),
            village: Some("v-duozhuang".into()),
            map_zoom: 2.5,
            map_centre: Some((118.612345, 35.987654)),
            map_colour: ColourBy::Indicator("synthetic_households".into()),
            tables: vec!["environment-cleanup".into(), "team-shares".into()],
            data: Some("data/other town.json".into()),
            period: Some("2020".into()),
            visual: Some(Visual::Chart("environment-cleanup".into())),
        }
    }

    #[test]
    fn round_trips() {
        for state in [ViewState::default(), full()] {
            let query = query_from_view_state(&state);
            let (back, ignored) = view_state_from_query(&query);
            assert_eq!(back, state, "{query}");
            assert!(ignored.is_empty(), "{ignored:?}");
        }
    }

    #[test]
    fn a_link_read_and_written_again_is_the_same_link() {
        // The fuzzer's find: more decimals than the URL keeps.
        let query = format!("centre=\r3, .2{}11&zoom=2.123456", "4".repeat(120));
        let (state, _) = view_state_from_query(&query);
        assert_eq!(state.map_centre, Some((3.0, 0.244444)));
        assert_eq!(state.map_zoom, 2.123);
        let written = query_from_view_state(&state);
        let (again, ignored) = view_state_from_query(&written);
        assert_eq!(again, state);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(query_from_view_state(&again), written);
    }

    #[test]
    fn links_are_fully_specified() {
        let query = query_from_view_state(&ViewState::default());
        for key in [
            "v=1",
            "lang=zh",
            "theme=auto",
            "large=0",
            "speak=0",
            "colour=designation",
            "zoom=1",
            "tables=",
        ] {
            assert!(query.contains(key), "{query} lacks {key}");
        }
    }

    #[test]
    fn hostile_and_malformed_input_is_ignored_not_fatal() {
        let (state, ignored) = view_state_from_query(
            "?lang=fr&theme=<script>&large=maybe&village=%3Cimg%20src%3Dx%3E&zoom=NaN&centre=1,x\
             &colour=javascript:alert(1)&tables=ok,Bad%20Id,ok&section=team&evil=1&zoom=1e308&%ff=1\
             &visual=chart:%3Cscript%3E",
        );
        assert_eq!(state.language, Language::Zh);
        assert_eq!(state.theme, ThemeChoice::Auto);
        assert!(!state.large);
        assert_eq!(state.village, None);
        assert_eq!(state.map_zoom, 1.0);
        assert_eq!(state.map_centre, None);
        assert_eq!(state.map_colour, ColourBy::Designation);
        assert_eq!(state.tables, vec!["ok".to_owned()]);
        assert_eq!(state.visual, None);
        assert_eq!(
            state.section.as_deref(),
            Some("team"),
            "the valid parts survive"
        );
        assert!(ignored
            .iter()
            .any(|m| m.en.contains("unknown parameter \"evil\"") && m.zh.contains("未知参数")));
        assert!(ignored
            .iter()
            .any(|m| m.en.starts_with("lang=") && m.zh.starts_with("lang=")));
        assert!(ignored.len() >= 8, "{ignored:?}");
        let (huge, _) =
            view_state_from_query(&format!("zoom=99999&village={}", "a".repeat(10_000)));
        assert_eq!(huge.map_zoom, crate::core::geo::MAX_ZOOM);
        assert_eq!(huge.village, None);
    }

    #[test]
    fn random_queries_never_panic() {
        let alphabet: Vec<char> = "a=&,%.:-_0123456789zxyénN+ ?/<>\"'".chars().collect();
        let mut seed = 0x1234_5678_u64;
        for _ in 0..5000 {
            let mut query = String::new();
            for _ in 0..(seed % 60) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                query.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let (state, _) = view_state_from_query(&query);
            let again = view_state_from_query(&query_from_view_state(&state)).0;
            assert_eq!(again, state, "{query}");
        }
    }

    #[test]
    fn panning_is_not_a_history_entry() {
        let a = ViewState::default();
        let mut b = a.clone();
        b.map_zoom = 3.0;
        b.map_centre = Some((1.0, 2.0));
        assert!(!is_meaningful_change(&a, &b));
        b.village = Some("v-duozhuang".into());
        assert!(is_meaningful_change(&a, &b));
    }
}
