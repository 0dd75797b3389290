//! Say no more than the sources: the wording around the figures, in both languages, for the
//! points an audit found (issue "Say no more than the sources").
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;
use fuguanzhuang_viewer::core::snapshot::{Block, Localized, Snapshot};
use fuguanzhuang_viewer::ui::prerender::app_html_for_view;

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

fn snapshot() -> Snapshot {
    snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid")
}

fn prose(snapshot: &Snapshot, section: &str) -> Localized {
    snapshot
        .sections
        .iter()
        .find(|s| s.id == section)
        .and_then(|s| {
            s.blocks.iter().find_map(|block| match block {
                Block::Prose { text } => Some(text.clone()),
                _ => None,
            })
        })
        .expect("prose")
}

/// Every page the UI renders for the default snapshot, in both languages and in embed mode.
fn pages() -> Vec<(String, String)> {
    let snapshot = Arc::new(snapshot());
    ["", "?lang=en", "?embed=1", "?embed=1&lang=en"]
        .into_iter()
        .map(|query| {
            (
                query.to_owned(),
                app_html_for_view(Arc::clone(&snapshot), None, query),
            )
        })
        .collect()
}

#[test]
fn no_merger_is_claimed() {
    // No source says any village was merged, or into what.
    assert!(!DEFAULT_SNAPSHOT.contains("合并") && !DEFAULT_SNAPSHOT.contains("merge"));
    for (query, html) in pages() {
        assert!(
            !html.contains("合并") && !html.contains("merged"),
            "{query}"
        );
    }
}

#[test]
fn liangwei_is_both_committees() {
    // 两委: the village Party branch committee and the villagers' committee.
    let snapshot = snapshot();
    let mut texts: Vec<Localized> = snapshot
        .indicators
        .iter()
        .map(|i| i.label.clone())
        .collect();
    texts.push(prose(&snapshot, "team"));
    for text in texts.iter().filter(|t| t.zh.contains("两委")) {
        assert!(text.en.contains("two committees"), "{}", text.en);
    }
    let team = prose(&snapshot, "team");
    assert!(team
        .en
        .contains("Party branch committee and the villagers’ committee"));
}

#[test]
fn the_team_prose_says_what_the_report_says() {
    let team = prose(&snapshot(), "team");
    // The report says 15 villages did so; it compares nothing.
    assert!(!team.en.contains("more villages"));
    assert!(team.en.contains("15 administrative villages") && team.zh.contains("15个行政村"));
    // "35岁女干部", not "young".
    assert!(team.en.contains("35-year-old") && team.zh.contains("35岁"));
    assert!(!team.zh.contains("年轻"));
}

#[test]
fn beautiful_villages_are_a_construction_programme_not_a_title() {
    for (query, html) in pages() {
        for word in [
            "称号",
            "Beautiful-village title",
            "beautiful village<",
            "美丽乡村<",
        ] {
            assert!(!html.contains(word), "{query}: {word}");
        }
    }
    let (_, zh) = &pages()[0];
    assert!(zh.contains("市级美丽乡村建设") && zh.contains("县级美丽乡村建设"));
}

#[test]
fn the_civility_prose_ties_activities_to_what_the_report_ties_them_to() {
    let civility = prose(&snapshot(), "civility");
    // The weekly help is the Saturday activity, the customs campaign the 五老 team; not the
    // three-tier system.
    assert!(!civility.en.contains("runs weekly"));
    assert!(civility.en.contains("every Saturday") && civility.en.contains("five elders"));
    assert!(civility.zh.contains("每周六") && civility.zh.contains("五老"));
}

#[test]
fn the_as_of_date_always_comes_with_how_it_was_arrived_at() {
    let snapshot = snapshot();
    let note = snapshot
        .meta
        .as_of_note
        .clone()
        .expect("the default snapshot explains its date");
    for (query, html) in pages() {
        let expected = if query.contains("lang=en") {
            &note.en
        } else {
            &note.zh
        };
        assert!(
            html.contains(expected.as_str()),
            "{query}: the as-of note is missing"
        );
    }
}

#[test]
fn ping_and_the_title() {
    let snapshot = snapshot();
    let square = snapshot
        .indicators
        .iter()
        .filter(|i| i.quote.contains("1000平"))
        .find_map(|i| i.note.clone())
        .expect("note on 平");
    assert!(!square.en.contains("ping"), "{}", square.en);
    assert!(square.en.contains("square metres"));
    // 有效衔接 is in the English title too.
    assert!(snapshot.meta.title.zh.contains("有效衔接"));
    assert!(snapshot.meta.title.en.contains("link them effectively"));
}
