//! One sorting routine for the whole app.
//!
//! Each `sort`/`sort_unstable` on a new element type or comparison compiles the standard
//! library's sort again (2–3 KB of wasm each). [`sort_by`] sorts a list of positions with one
//! comparison behind a reference, so every caller shares one compiled sort, then moves the
//! items into that order. Stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    apply_order(items, order);
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|a, b| compare(*a, *b));
    positions
}

/// Rearranges `items` so that `items[i]` becomes the item that was at `order[i]`, following
/// each cycle of the permutation once.
fn apply_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        // `order[current] == current` once the item at `current` is in place.
        while order[current] != start {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        // A simple generator: no dependency, the same cases every run.
        let mut seed = 7_u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 33
        };
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let items: Vec<(u64, usize)> = (0..len).map(|index| (next() % 20, index)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            assert_eq!(ours, expected, "length {len}");
        }
        let mut words = vec!["乙", "b", "甲", "a", "b"];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "b", "乙", "甲"]);
        let mut numbers = vec![3.5, -1.0, f64::INFINITY, 0.0, -0.0];
        sort_by(&mut numbers, f64::total_cmp);
        assert_eq!(numbers, [-1.0, -0.0, 0.0, 3.5, f64::INFINITY]);
    }
}
