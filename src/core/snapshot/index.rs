//! Finding a snapshot's indicators, sources, places and programmes by id without scanning: an
//! index built once the snapshot is loaded and checked (`load`), kept inside the snapshot.
//!
//! A lookup through a stale or missing index (a snapshot built or changed in code) falls back
//! to a scan, so it is never wrong, only slower.

use std::collections::HashMap;

/// Position by id, per kind.
#[derive(Debug, Clone, Default)]
pub struct SnapshotIndex {
    pub(crate) indicators: HashMap<String, usize>,
    pub(crate) sources: HashMap<String, usize>,
    pub(crate) places: HashMap<String, usize>,
    pub(crate) programmes: HashMap<String, usize>,
}

/// Derived from the snapshot's content, the index takes no part in comparing snapshots: two
/// snapshots with the same content are equal whether or not either has been indexed.
impl PartialEq for SnapshotIndex {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

/// Position by id of `items`.
pub(crate) fn positions<'a, T: 'a>(
    items: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&T) -> &str,
) -> HashMap<String, usize> {
    items
        .into_iter()
        .enumerate()
        .map(|(position, item)| (id(item).to_owned(), position))
        .collect()
}

/// The item of `items` with `wanted` as id: through `index` when it holds the right one, else
/// by a scan.
pub(crate) fn find<'a, T>(
    items: &'a [T],
    index: &HashMap<String, usize>,
    wanted: &str,
    id: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    match index.get(wanted).and_then(|&position| items.get(position)) {
        Some(item) if id(item) == wanted => Some(item),
        _ => items.iter().find(|item| id(item) == wanted),
    }
}

#[cfg(test)]
mod tests {
    use crate::core::snapshot::load::snapshot_from_json_text;

    #[test]
    fn lookups_find_by_id_and_survive_a_stale_index() {
        let mut snapshot =
            snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid");
        assert_eq!(
            snapshot.indicator("machines_deployed").map(|i| i.value),
            Some(Some(10.0))
        );
        assert_eq!(
            snapshot.place("v-duozhuang").map(|p| p.name.zh.as_str()),
            Some("垛庄村")
        );
        assert_eq!(
            snapshot.source("report-2021").map(|s| s.id.as_str()),
            Some("report-2021")
        );
        assert_eq!(
            snapshot.programme("team").map(|p| p.id.as_str()),
            Some("team")
        );
        assert!(snapshot.indicator("nowhere").is_none());
        // Changed in code without reindexing: positions are stale, answers stay right.
        snapshot.indicators.reverse();
        snapshot.places.remove(0);
        assert_eq!(
            snapshot
                .indicator("machines_deployed")
                .map(|i| i.id.as_str()),
            Some("machines_deployed")
        );
        let position = snapshot.place_position("v-duozhuang").expect("found");
        assert_eq!(snapshot.places[position].id, "v-duozhuang");
    }
}
