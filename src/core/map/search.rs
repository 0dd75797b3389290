//! Finding a place by name: Chinese characters, English name, or pinyin (the place ids of the
//! default snapshot are pinyin, e.g. `v-songjiajishan`, so typing "songjia" or "sjj" is enough).

use crate::core::snapshot::{PlaceKind, Snapshot};
use crate::core::Language;

/// Initials of a pinyin id's syllables are not known without a dictionary, so abbreviation
/// matching uses the characters of the query in order ("sjjs" matches "songjiajishan").
fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}

/// Up to `limit` places matching `query`: `(place id, display name)`, best matches first
/// (exact name, then prefix, then contains, then pinyin), villages before communities.
pub fn search_places(
    snapshot: &Snapshot,
    query: &str,
    language: Language,
    limit: usize,
) -> Vec<(String, String)> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let ascii_query: String = query
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut scored: Vec<(u8, u8, usize)> = Vec::new();
    for (index, place) in snapshot.places.iter().enumerate() {
        let zh = place.name.zh.to_lowercase();
        let en = place.name.en.to_lowercase();
        let pinyin: String = place
            .id
            .split_once('-')
            .map_or(place.id.as_str(), |(_, rest)| rest)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let score = if zh == query || en == query {
            0
        } else if zh.starts_with(&query) || en.starts_with(&query) {
            1
        } else if zh.contains(&query) || en.contains(&query) {
            2
        } else if !ascii_query.is_empty() && pinyin.starts_with(&ascii_query) {
            3
        } else if !ascii_query.is_empty() && pinyin.contains(&ascii_query) {
            4
        } else if ascii_query.len() >= 2 && is_subsequence(&ascii_query, &pinyin) {
            5
        } else {
            continue;
        };
        let kind = u8::from(place.kind == PlaceKind::Community);
        scored.push((score, kind, index));
    }
    crate::core::sort::sort(&mut scored);
    scored
        .into_iter()
        .take(limit)
        .map(|(_, _, index)| {
            let place = &snapshot.places[index];
            (place.id.clone(), place.name.get(language).to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    #[test]
    fn finds_by_chinese_name() {
        let found = search_places(&snapshot(), "宋家箕山", Language::Zh, 5);
        assert_eq!(
            found[0],
            ("v-songjiajishan".to_owned(), "宋家箕山村".to_owned())
        );
        let found = search_places(&snapshot(), "箕山", Language::Zh, 5);
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert!(
            ids.contains(&"v-wangjiajishan")
                && ids.contains(&"v-songjiajishan")
                && ids.contains(&"c-jishan")
        );
        // A name that starts with the query ranks before one that only contains it.
        assert_eq!(ids[0], "c-jishan");
    }

    #[test]
    fn finds_by_pinyin_and_abbreviation() {
        let found = search_places(&snapshot(), "Songjiaji", Language::En, 5);
        assert_eq!(found[0].0, "v-songjiajishan");
        assert_eq!(found[0].1, "Songjiajishan Village");
        let found = search_places(&snapshot(), "duozh", Language::Zh, 5);
        assert_eq!(found[0].0, "v-duozhuang");
        assert!(!search_places(&snapshot(), "sjjs", Language::Zh, 5).is_empty());
    }

    #[test]
    fn empty_and_unmatched_queries() {
        assert!(search_places(&snapshot(), "  ", Language::Zh, 5).is_empty());
        assert!(search_places(&snapshot(), "东京", Language::Zh, 5).is_empty());
        assert!(search_places(&snapshot(), "<script>", Language::Zh, 5).is_empty());
        assert_eq!(search_places(&snapshot(), "村", Language::Zh, 3).len(), 3);
    }
}
