//! Word diff: two claim texts in, the runs of words they share and the runs that differ out.
//!
//! For showing what an integrity flag is about: "12 → 15", "several → many". The one idea: a
//! longest common subsequence over tokens (words, numbers and single punctuation marks), so a
//! changed figure or word shows as one small replacement inside otherwise shared text. Quote
//! styles are folded before comparing (a restyled quotation is not a change of words), and the
//! words are shown as the new text writes them.

/// Tables larger than this many cells (after trimming the shared start and end) are not
/// filled: the differing middle is shown as one replacement. Sentences are far below it.
const MAX_CELLS: usize = 4_000_000;

/// One run of a diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Text both sides have (as the new side writes it).
    Same(String),
    /// Text only the old side has.
    Removed(String),
    /// Text only the new side has.
    Added(String),
}

/// One change, as "old → new"; either side empty for a pure removal or addition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The old side's words.
    pub old: String,
    /// The new side's words.
    pub new: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |s: &str| {
            if s.is_empty() {
                "∅".to_string()
            } else {
                s.to_string()
            }
        };
        write!(f, "{} → {}", side(&self.old), side(&self.new))
    }
}

/// A token with the whitespace written before it.
#[derive(Clone, Debug)]
struct Token<'a> {
    space: bool,
    text: &'a str,
    key: String,
}

/// The word diff from `old` to `new`, as alternating runs; removals come before additions at
/// the same place. Joining the `Same` and `Added` runs gives `new` with its whitespace folded.
pub fn words(old: &str, new: &str) -> Vec<Edit> {
    let a = tokens(old);
    let b = tokens(new);
    let mut runs = Runs::default();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x.key == y.key).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x.key == y.key)
        .count();
    for t in &b[..prefix] {
        runs.push(Side::Same, t);
    }
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if mid_a.len().saturating_mul(mid_b.len()) > MAX_CELLS {
        mid_a.iter().for_each(|t| runs.push(Side::Removed, t));
        mid_b.iter().for_each(|t| runs.push(Side::Added, t));
    } else {
        lcs_edits(mid_a, mid_b, &mut runs);
    }
    for t in &b[b.len() - suffix..] {
        runs.push(Side::Same, t);
    }
    runs.finish()
}

/// The changes of a diff: each stretch of removed and added runs between two shared runs.
pub fn changes(edits: &[Edit]) -> Vec<Change> {
    let mut out = Vec::new();
    let mut current = Change {
        old: String::new(),
        new: String::new(),
    };
    for edit in edits {
        match edit {
            Edit::Same(_) => flush(&mut current, &mut out),
            Edit::Removed(t) => append(&mut current.old, t),
            Edit::Added(t) => append(&mut current.new, t),
        }
    }
    flush(&mut current, &mut out);
    out
}

fn append(side: &mut String, text: &str) {
    if !side.is_empty() {
        side.push(' ');
    }
    side.push_str(text.trim());
}

fn flush(current: &mut Change, out: &mut Vec<Change>) {
    if !current.old.is_empty() || !current.new.is_empty() {
        out.push(std::mem::replace(
            current,
            Change {
                old: String::new(),
                new: String::new(),
            },
        ));
    }
}

/// Fills the LCS table backwards and walks it forwards, preferring removals before additions.
fn lcs_edits(a: &[Token], b: &[Token], runs: &mut Runs) {
    let w = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i * w + j] = if a[i].key == b[j].key {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i].key == b[j].key {
            runs.push(Side::Same, &b[j]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || table[(i + 1) * w + j] >= table[i * w + j + 1]) {
            runs.push(Side::Removed, &a[i]);
            i += 1;
        } else {
            runs.push(Side::Added, &b[j]);
            j += 1;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Same,
    Removed,
    Added,
}

/// Collects tokens into runs; a removal and an addition at the same place stay two runs.
#[derive(Default)]
struct Runs {
    out: Vec<(Side, String)>,
}

impl Runs {
    fn push(&mut self, side: Side, token: &Token) {
        match self.out.last_mut() {
            Some((last, text)) if *last == side => {
                if token.space {
                    text.push(' ');
                }
                text.push_str(token.text);
            }
            _ => {
                let space = if token.space && !self.out.is_empty() {
                    " "
                } else {
                    ""
                };
                self.out.push((side, format!("{space}{}", token.text)));
            }
        }
    }

    fn finish(self) -> Vec<Edit> {
        self.out
            .into_iter()
            .map(|(side, text)| match side {
                Side::Same => Edit::Same(text),
                Side::Removed => Edit::Removed(text),
                Side::Added => Edit::Added(text),
            })
            .collect()
    }
}

/// Words (letters and digits, with the `.`, `,`, `'` and `-` inside them: "4.2", "1,000",
/// "don't", "28-point") and single other characters, each knowing whether space precedes it.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if c.is_alphanumeric() {
            while end < chars.len() {
                let d = chars[end].1;
                let joins = matches!(d, '.' | ',' | '\'' | '’' | '-')
                    && chars.get(end + 1).is_some_and(|n| n.1.is_alphanumeric());
                if d.is_alphanumeric() || joins {
                    end += 1;
                } else {
                    break;
                }
            }
        }
        let stop = chars.get(end).map_or(text.len(), |&(b, _)| b);
        let token = &text[start..stop];
        out.push(Token {
            space,
            text: token,
            key: token.chars().map(fold_quote).collect(),
        });
        space = false;
        i = end;
    }
    out
}

fn fold_quote(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' => '"',
        '‘' | '’' => '\'',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(old: &str, new: &str) -> Vec<String> {
        changes(&words(old, new))
            .iter()
            .map(Change::to_string)
            .collect()
    }

    #[test]
    fn a_changed_number_is_one_replacement() {
        let old = "The council voted to spend $4.2 million on 12 bridges.";
        let new = "The council voted to spend $4.8 million on 15 bridges.";
        assert_eq!(shown(old, new), ["4.2 → 4.8", "12 → 15"]);
    }

    #[test]
    fn a_changed_word_and_an_added_one() {
        let old = "Several residents said the plan was unfair.";
        let new = "Many residents said the new plan was unfair.";
        assert_eq!(shown(old, new), ["Several → Many", "∅ → new"]);
    }

    #[test]
    fn removed_words_show_as_removed() {
        let edits = words("He said it was late, again.", "He said it was late.");
        assert_eq!(
            edits,
            [
                Edit::Same("He said it was late".into()),
                Edit::Removed(", again".into()),
                Edit::Same(".".into()),
            ]
        );
    }

    #[test]
    fn restyled_quotes_are_not_a_change() {
        let old = "“We will not sign,” she said.";
        let new = "\"We will not sign,\" she said.";
        assert!(shown(old, new).is_empty());
    }

    #[test]
    fn identical_and_empty_texts() {
        assert!(words("", "").is_empty());
        assert_eq!(words("a b", "a b"), [Edit::Same("a b".into())]);
        assert_eq!(words("", "a b"), [Edit::Added("a b".into())]);
        assert_eq!(words("a b", ""), [Edit::Removed("a b".into())]);
    }

    #[test]
    fn the_new_text_is_rebuilt_from_same_and_added_runs() {
        let old = "Officials said 300 troops, not 200, would stay until May.";
        let new = "Officials  said 250 troops would stay until June, the report said.";
        let rebuilt: String = words(old, new)
            .into_iter()
            .filter_map(|e| match e {
                Edit::Same(t) | Edit::Added(t) => Some(t),
                Edit::Removed(_) => None,
            })
            .collect();
        assert_eq!(
            rebuilt,
            new.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            shown("It cost 1,000 dollars.", "It cost 1,500 dollars."),
            ["1,000 → 1,500"]
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config())]
        #[test]
        fn both_sides_are_rebuilt(old in "[a-c ,.]{0,30}", new in "[a-c ,.]{0,30}") {
            let edits = words(&old, &new);
            let side = |keep_removed: bool| -> String {
                edits
                    .iter()
                    .filter_map(|e| match e {
                        Edit::Same(t) => Some(t.as_str()),
                        Edit::Removed(t) if keep_removed => Some(t.as_str()),
                        Edit::Added(t) if !keep_removed => Some(t.as_str()),
                        _ => None,
                    })
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<String>()
            };
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            proptest::prop_assert_eq!(side(true), squash(&old));
            proptest::prop_assert_eq!(side(false), squash(&new));
        }
    }
}
