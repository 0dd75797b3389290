//! The views around one visual shown alone: the view of it alone from the reader's current
//! view (its link and embed code), and the whole report's view at it ("full report").

use crate::core::snapshot::Snapshot;
use crate::core::view::state::ViewState;
use crate::core::view::visual::{visual_place, Visual, MAP_ANCHOR};

/// The view of `visual` shown alone, from the reader's current view: their language, colours,
/// text size, data, period, the map's village, zoom and colouring, the charts shown as tables
/// are kept; where they were in the whole report is not.
pub fn visual_view(state: &ViewState, visual: &Visual) -> ViewState {
    let mut alone = state.clone();
    alone.visual = Some(visual.clone());
    alone.embed = false;
    alone.section = None;
    if !matches!(visual, Visual::Figure(id) if state.indicator.as_ref() == Some(id)) {
        alone.indicator = None;
    }
    alone
}

/// The whole report's view showing `visual` (the "full report" link): the visual closed, the
/// section that holds it scrolled to, a figure's card opened; the other choices kept. The
/// anchor (`#…`) is the element to bring into view, when it is not the section itself.
pub fn full_report_view(
    snapshot: &Snapshot,
    state: &ViewState,
    visual: &Visual,
) -> (ViewState, Option<String>) {
    let mut full = state.clone();
    full.visual = None;
    full.embed = false;
    let place = visual_place(snapshot, visual);
    if let Some(place) = place {
        full.section = Some(snapshot.sections[place.section].id.clone());
    }
    let anchor = match visual {
        Visual::Chart(id) => Some(format!("chart-{id}")),
        Visual::Figure(id) => {
            full.indicator = Some(id.clone());
            Some(format!("figure-{id}"))
        }
        Visual::Map => Some(MAP_ANCHOR.to_owned()),
        Visual::Section(_) => None,
    };
    (full, anchor.filter(|_| place.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn the_full_report_opens_at_the_visual() {
        let snapshot = snapshot();
        let mut state = ViewState {
            embed: true,
            large: true,
            ..ViewState::default()
        };
        state.visual = Some(Visual::Figure("machines_deployed".into()));
        let (full, anchor) = full_report_view(
            &snapshot,
            &state,
            &Visual::Figure("machines_deployed".into()),
        );
        assert_eq!(full.visual, None);
        assert!(!full.embed && full.large);
        assert_eq!(full.section.as_deref(), Some("environment"));
        assert_eq!(full.indicator.as_deref(), Some("machines_deployed"));
        assert_eq!(anchor.as_deref(), Some("figure-machines_deployed"));
        let (full, anchor) =
            full_report_view(&snapshot, &state, &Visual::Chart("team-shares".into()));
        assert_eq!(full.section.as_deref(), Some("team"));
        assert_eq!(anchor.as_deref(), Some("chart-team-shares"));
        let (full, anchor) = full_report_view(&snapshot, &state, &Visual::Map);
        assert_eq!(full.section.as_deref(), Some("infrastructure"));
        assert_eq!(anchor.as_deref(), Some(MAP_ANCHOR));
        let (_, anchor) = full_report_view(&snapshot, &state, &Visual::Chart("gone".into()));
        assert_eq!(anchor, None, "no anchor to a visual the snapshot lacks");
    }

    #[test]
    fn a_visual_shown_alone_keeps_the_readers_choices_not_their_place() {
        let state = ViewState {
            large: true,
            embed: true,
            section: Some("team".into()),
            indicator: Some("trees_planted".into()),
            village: Some("v-duozhuang".into()),
            tables: vec!["team-shares".into()],
            ..ViewState::default()
        };
        let chart = Visual::Chart("team-shares".into());
        let alone = visual_view(&state, &chart);
        assert_eq!(alone.visual, Some(chart));
        assert!(alone.large && !alone.embed);
        assert_eq!((alone.section, alone.indicator), (None, None));
        assert_eq!(alone.tables, state.tables);
        assert_eq!(alone.village, state.village);
        let figure = Visual::Figure("trees_planted".into());
        assert_eq!(visual_view(&state, &figure).indicator, state.indicator);
    }
}
