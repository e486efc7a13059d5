//! Word diff: what changed between two claims, as a reviewer reads a flag ("12 → 15").
//!
//! Takes two texts; returns the runs of words that differ, each as the words of the first
//! text and the words of the second. The one idea: a longest common subsequence over words
//! (punctuation kept on its word, case and quote style ignored in the comparison), so a
//! changed figure shows as one replacement and not as two rewritten sentences.

/// One run of difference: `before` words (of the first text) replaced by `after` words (of
/// the second); one side is empty for a pure deletion or insertion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The first text's words, as written, space-joined.
    pub before: String,
    /// The second text's words, as written, space-joined.
    pub after: String,
}

/// Word pairs compared beyond this size fall back to one change for the whole texts, so a
/// huge pasted paragraph cannot take quadratic time and memory.
const MAX_CELLS: usize = 4_000_000;

/// The changes from `a` to `b`, in text order.
pub fn word_diff(a: &str, b: &str) -> Vec<Change> {
    let (xs, ys): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let key = |w: &str| crate::pipeline::classify::claim_key(w);
    let (kx, ky): (Vec<String>, Vec<String>) = (
        xs.iter().map(|w| key(w)).collect(),
        ys.iter().map(|w| key(w)).collect(),
    );
    if kx == ky {
        return Vec::new();
    }
    if (xs.len() + 1) * (ys.len() + 1) > MAX_CELLS {
        return vec![Change {
            before: xs.join(" "),
            after: ys.join(" "),
        }];
    }
    // lcs[i][j]: common words of xs[i..] and ys[j..]
    let (n, m) = (xs.len(), ys.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if kx[i] == ky[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut before, mut after): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut flush = |before: &mut Vec<&str>, after: &mut Vec<&str>| {
        if !before.is_empty() || !after.is_empty() {
            out.push(Change {
                before: before.join(" "),
                after: after.join(" "),
            });
            before.clear();
            after.clear();
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && kx[i] == ky[j] {
            flush(&mut before, &mut after);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            after.push(ys[j]);
            j += 1;
        } else {
            before.push(xs[i]);
            i += 1;
        }
    }
    flush(&mut before, &mut after);
    out
}

/// The changes as one line: `12 → 15; several → many; + new words; − dropped words`.
pub fn describe(changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| match (c.before.is_empty(), c.after.is_empty()) {
            (true, _) => format!("+ {}", c.after),
            (_, true) => format!("− {}", c.before),
            _ => format!("{} → {}", c.before, c.after),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_is_one_replacement() {
        let d = word_diff(
            "The board approved 12 new buses on Monday.",
            "The board approved 15 new buses on Monday.",
        );
        assert_eq!(describe(&d), "12 → 15");
    }

    #[test]
    fn insertions_deletions_and_replacements_in_text_order() {
        let d = word_diff(
            "Several officials said the plan was dead.",
            "Many officials privately said the plan was dead",
        );
        assert_eq!(describe(&d), "Several → Many; + privately; dead. → dead");
    }

    #[test]
    fn cosmetic_differences_are_no_change() {
        assert!(word_diff("\u{201c}Three\u{201d} days", "\"three\"\n days").is_empty());
        assert!(word_diff("", "").is_empty());
        assert_eq!(describe(&word_diff("", "new")), "+ new");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    proptest! {
        #![proptest_config(crate::proptest_config())]
        /// Every word is either kept (common to both texts, as many on each side) or in a
        /// change; a text never differs from itself.
        #[test]
        fn changes_account_for_every_word(
            a in proptest::collection::vec("(the|council|voted|6-1|six|\\$4\\.2|million|said)", 0..12),
            b in proptest::collection::vec("(the|council|voted|6-1|six|\\$4\\.8|million|told)", 0..12),
        ) {
            let (a, b) = (a.join(" "), b.join(" "));
            let changes = word_diff(&a, &b);
            let removed: usize = changes.iter().map(|c| words(&c.before)).sum();
            let added: usize = changes.iter().map(|c| words(&c.after)).sum();
            prop_assert_eq!(words(&a) - removed, words(&b) - added);
            prop_assert!(changes.iter().all(|c| !(c.before.is_empty() && c.after.is_empty())));
            prop_assert!(word_diff(&a, &a).is_empty());
        }
    }
}
