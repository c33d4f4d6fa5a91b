//! One stable sort for the whole library.
//!
//! The standard library's sort is generic: each element type and each key closure gets its own
//! copy of driftsort, 3-8 KiB of the phone library apiece. Limber sorted at thirteen places
//! (settings, sites, plans, reminders, assessments, progress, and maps built with `collect`,
//! which sorts), 59 KiB of the phone library in all (issue 17: at most 2x a bare uniffi +
//! rusqlite library). Here the standard sort runs once, over indices, with the comparison
//! behind a `dyn`; each place adds only the small code that reads its keys and moves its
//! elements into order. `tests/bench/size.sh` fails a library with more copies.
//!
//! What is sorted is small (a day's sessions, a pain entry's sites, a plan's exercises) or at
//! most tens of thousands of rows (ten years of plan changes). The indirect comparison costs a
//! few nanoseconds per comparison; the progress bench measures the largest sort.

use std::cmp::Ordering;

/// Sorts `items` by `key`, ascending and stable: items with equal keys keep their order, as
/// `slice::sort_by_key` does. `key` runs once per item.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sorts `items` ascending (stable), then drops repeats: `sort` then `dedup`.
pub(crate) fn sort_dedup<T: Ord + Copy>(items: &mut Vec<T>) {
    sort_by_key(items, |item| *item);
    items.dedup();
}

/// The indices `0..len` in the order `compare` gives, equal ones in index order. The only
/// instantiation of the standard sort this module makes: `compare` is a `dyn`.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `items[order[i]]` at `i` for every `i`, in place, by following each cycle of the
/// permutation once. `order` must be a permutation of `0..items.len()` (as `stable_order`
/// gives); it is used up as the marks of the places done.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            // `items[at]` takes its element; what it held (the cycle's first) moves to `from`,
            // which is the next place to fill.
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |(k, _)| *k);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn repeats_go() {
        let mut v = vec![3, 1, 3, 2, 1];
        sort_dedup(&mut v);
        assert_eq!(v, [1, 2, 3]);
    }

    proptest! {
        /// The same answer as the standard library's stable sort, for any input: ties included
        /// (keys from a small range), and elements that own memory (moved, never copied).
        #[test]
        fn sorts_as_the_standard_library_does(items in prop::collection::vec((0u8..8, ".{0,3}"), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = items;
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_is_sort_then_dedup(mut items in prop::collection::vec(0i32..50, 0..100)) {
            let mut ours = items.clone();
            sort_dedup(&mut ours);
            items.sort();
            items.dedup();
            prop_assert_eq!(ours, items);
        }
    }
}
