//! A stable sort for the short lists Limber keeps in order (a day's one or two session times,
//! the days of a week, an entry's body sites, a session's exercises): an insertion sort of a
//! few dozen bytes at each use, where the standard library's sort costs several KiB of code
//! for each type and key it sorts by (issue 17, the phone library's size). The order is that
//! of `sort_by_key`; the time is quadratic, so it is only for lists whose length is already
//! bounded (by a check or by the catalog) to a few dozen items.

/// Sorts `items` by `key`, keeping the order of items with equal keys (like `sort_by_key`).
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::sort_small_by_key;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn orders_like_the_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..40)) {
            let mut ours = items.clone();
            sort_small_by_key(&mut ours, |&(k, _)| k);
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}
