//! "Did you mean" suggestions for misspelt names, and the one edit distance
//! every suggestion in rectify is measured with.
//!
//! Distances count characters, not bytes. Two metrics are offered:
//! Damerau–Levenshtein (insert, delete, substitute, or swap two adjacent
//! characters; [`strsim::damerau_levenshtein`]) and plain Levenshtein (no
//! swaps; [`strsim::levenshtein`]). Callers almost always ask "within one or
//! two edits?", so [`distance`] answers that without allocating in the
//! common cases: a length test first, then a linear "at most one edit"
//! test; only a pair that is neither that far apart nor that close is
//! measured in full.

/// Which edits count as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Insert, delete, substitute, or transpose two adjacent characters.
    Damerau,
    /// Insert, delete or substitute (a transposition costs two).
    Levenshtein,
}

/// The candidate closest to `name`, if it is close enough to be a likely
/// misspelling: at most one edit for short names, two for longer ones.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    within(
        name,
        candidates.into_iter().filter(|c| *c != name),
        limit,
        Metric::Damerau,
    )
    .min_by_key(|&(d, c)| (d, c))
    .map(|(_, c)| c)
}

/// Each candidate at most `limit` edits from `name`, with its distance, in
/// the candidates' order. Callers pick the closest their own way (the first
/// of the closest, or the alphabetically first).
pub fn within<'a, 'n>(
    name: &'n str,
    candidates: impl IntoIterator<Item = &'a str> + 'n,
    limit: usize,
    metric: Metric,
) -> impl Iterator<Item = (usize, &'a str)> + 'n
where
    'a: 'n,
{
    candidates
        .into_iter()
        .filter_map(move |c| distance(name, c, limit, metric).map(|d| (d, c)))
}

/// The distance from `a` to `b` under `metric` if it is at most `limit`,
/// else `None`. Allocates only for a pair at least two edits apart whose
/// lengths are close enough for that to be within `limit`.
pub fn distance(a: &str, b: &str, limit: usize, metric: Metric) -> Option<usize> {
    // Every edit changes the length by at most one character, and a
    // character is at most four bytes.
    if a.len().abs_diff(b.len()) > limit.saturating_mul(4) {
        return None;
    }
    let ascii = a.is_ascii() && b.is_ascii();
    let lengths = if ascii {
        a.len().abs_diff(b.len())
    } else {
        a.chars().count().abs_diff(b.chars().count())
    };
    if lengths > limit {
        return None;
    }
    match one_edit(a, b, metric) {
        Some(d) => Some(d).filter(|&d| d <= limit),
        None if limit < 2 => None,
        None => {
            let d = match metric {
                Metric::Damerau => strsim::damerau_levenshtein(a, b),
                Metric::Levenshtein => strsim::levenshtein(a, b),
            };
            (d <= limit).then_some(d)
        }
    }
}

/// Whether `a` and `b` are at most one edit apart under `metric`
/// (Damerau: insert, delete, substitute or swap two adjacent characters).
/// Never allocates.
pub fn within_one_edit(a: &str, b: &str, metric: Metric) -> bool {
    one_edit(a, b, metric).is_some()
}

/// `Some(0)` for equal strings, `Some(1)` for strings one edit apart, else
/// `None`. A single edit leaves a common prefix and suffix around what it
/// changed, so stripping the longest common prefix, then the longest common
/// suffix of what is left, must leave one of: one character and nothing
/// (insert or delete), one and one (substitute), or `xy` and `yx` (swap).
fn one_edit(a: &str, b: &str, metric: Metric) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_in(a.as_bytes(), b.as_bytes(), metric);
    }
    let prefix = common_prefix(a, b);
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = common_suffix(a, b);
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let mut ac = a.chars();
    let mut bc = b.chars();
    match (
        ac.next(),
        ac.next(),
        ac.next(),
        bc.next(),
        bc.next(),
        bc.next(),
    ) {
        (None, _, _, None, _, _) => Some(0),
        (Some(_), None, _, None, _, _) | (None, _, _, Some(_), None, _) => Some(1),
        (Some(_), None, _, Some(_), None, _) => Some(1),
        (Some(x1), Some(y1), None, Some(x2), Some(y2), None)
            if metric == Metric::Damerau && x1 == y2 && y1 == x2 =>
        {
            Some(1)
        }
        _ => None,
    }
}

/// [`one_edit`] on ASCII bytes (every byte a character).
fn one_edit_in(a: &[u8], b: &[u8], metric: Metric) -> Option<usize> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = (a.iter().rev().zip(b.iter().rev()))
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    match (a, b) {
        ([], []) => Some(0),
        ([_], []) | ([], [_]) | ([_], [_]) => Some(1),
        ([x1, y1], [x2, y2]) if metric == Metric::Damerau && x1 == y2 && y1 == x2 => Some(1),
        _ => None,
    }
}

/// Bytes in the longest common prefix of whole characters.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// Bytes in the longest common suffix of whole characters.
fn common_suffix(a: &str, b: &str) -> usize {
    (a.chars().rev().zip(b.chars().rev()))
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{Metric, did_you_mean, distance, within_one_edit};
    use proptest::prelude::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["deadline", "assigned", "plan", "closure"];
        assert_eq!(did_you_mean("deadlin", known), Some("deadline"));
        assert_eq!(did_you_mean("asigned", known), Some("assigned"));
        assert_eq!(did_you_mean("plna", known), Some("plan"));
        assert_eq!(did_you_mean("budget", known), None);
        assert_eq!(did_you_mean("plan", known), None);
    }

    #[test]
    fn one_edit_covers_each_kind_of_edit() {
        let d = Metric::Damerau;
        assert!(within_one_edit("deadline", "deadline", d));
        assert!(within_one_edit("deadline", "deadlin", d));
        assert!(within_one_edit("deadlin", "deadline", d));
        assert!(within_one_edit("deadline", "deadlime", d));
        assert!(within_one_edit("deadline", "daedline", d));
        assert!(!within_one_edit("deadline", "daedlien", d));
        assert!(!within_one_edit(
            "deadline",
            "daedline",
            Metric::Levenshtein
        ));
        assert!(within_one_edit("整改期限", "整改期", d));
        assert!(within_one_edit("整改期限", "整期改限", d));
        assert!(!within_one_edit("整改期限", "期限整改", d));
        assert!(within_one_edit("", "a", d));
        assert!(!within_one_edit("", "ab", d));
    }

    /// Short strings over a small alphabet with a non-ASCII letter, so
    /// random pairs are often near each other.
    fn word() -> impl Strategy<Value = String> {
        proptest::collection::vec(prop::sample::select(vec!['a', 'b', 'c', 'é', '期']), 0..7)
            .prop_map(|cs| cs.into_iter().collect())
    }

    /// `word` and a copy with up to two random edits.
    fn pair() -> impl Strategy<Value = (String, String)> {
        let edit = (
            0u8..4,
            0usize..8,
            prop::sample::select(vec!['a', 'b', 'é', '期']),
        );
        (word(), proptest::collection::vec(edit, 0..3)).prop_map(|(w, edits)| {
            let mut cs: Vec<char> = w.chars().collect();
            for (kind, at, c) in edits {
                let i = at % (cs.len() + 1);
                match kind {
                    0 => cs.insert(i, c),
                    1 if i < cs.len() => {
                        cs.remove(i);
                    }
                    2 if i < cs.len() => cs[i] = c,
                    3 if i + 1 < cs.len() => cs.swap(i, i + 1),
                    _ => {}
                }
            }
            (w, cs.into_iter().collect())
        })
    }

    proptest! {
        #[test]
        fn distance_agrees_with_strsim(a in word(), b in word(), limit in 0usize..4) {
            let dl = strsim::damerau_levenshtein(&a, &b);
            let l = strsim::levenshtein(&a, &b);
            prop_assert_eq!(distance(&a, &b, limit, Metric::Damerau), (dl <= limit).then_some(dl));
            prop_assert_eq!(distance(&a, &b, limit, Metric::Levenshtein), (l <= limit).then_some(l));
            prop_assert_eq!(within_one_edit(&a, &b, Metric::Damerau), dl <= 1);
            prop_assert_eq!(within_one_edit(&a, &b, Metric::Levenshtein), l <= 1);
        }

        #[test]
        fn distance_agrees_with_strsim_on_near_pairs((a, b) in pair(), limit in 0usize..4) {
            let dl = strsim::damerau_levenshtein(&a, &b);
            let l = strsim::levenshtein(&a, &b);
            prop_assert_eq!(distance(&a, &b, limit, Metric::Damerau), (dl <= limit).then_some(dl));
            prop_assert_eq!(distance(&a, &b, limit, Metric::Levenshtein), (l <= limit).then_some(l));
            prop_assert_eq!(within_one_edit(&a, &b, Metric::Damerau), dl <= 1);
        }

        /// The old implementation, kept as the reference.
        #[test]
        fn did_you_mean_is_unchanged(name in word(), cands in proptest::collection::vec(word(), 0..6)) {
            let limit = if name.chars().count() <= 4 { 1 } else { 2 };
            let old = cands
                .iter()
                .map(String::as_str)
                .filter(|c| *c != name)
                .map(|c| (strsim::damerau_levenshtein(&name, c), c))
                .filter(|&(d, _)| d <= limit)
                .min_by_key(|&(d, c)| (d, c))
                .map(|(_, c)| c);
            prop_assert_eq!(did_you_mean(&name, cands.iter().map(String::as_str)), old);
        }
    }
}
