//! Single quotation marks: British and international copy quotes with 'single' marks.
//!
//! Takes a document's sentences; returns them with every single quotation mark that opens or
//! closes a quotation rewritten as the matching double mark (`'` as `"`, `‘` as `“`, `’` as
//! `”`), for the stages that read quotations (attribution, integrity, matching). The CSV keeps
//! the text as written.
//!
//! The one idea: a single mark is a quotation mark only when it pairs up. It opens before a
//! word at the start of a phrase, and closes after a word or a final stop and before a space
//! or a stop; apostrophes inside words (don't, Kushner’s) never qualify, and a plural
//! possessive ("the players' union") only closes where nothing better does. Each rewrite keeps
//! the byte length, so every span stays valid. Marks inside a double-quoted stretch are left
//! alone (a quotation within a quotation).

use crate::pipeline::segment::Sentence;

/// The document's sentences with single quotation marks rewritten as double ones (a copy;
/// see [`as_double_in_place`]).
pub fn as_double(sentences: &[Sentence]) -> Vec<Sentence> {
    let mut out = sentences.to_vec();
    as_double_in_place(&mut out);
    out
}

/// Rewrites the single quotation marks of a document's sentences as double ones, in place, and
/// returns the texts as written of the sentences it changed, by index: most sentences hold no
/// quotation mark to rewrite, so only those few are kept twice. A quotation left open at the
/// end of a sentence continues into the next sentence of its paragraph, and a paragraph that
/// opens with a quotation mark continues a quotation of the paragraph before. A double-quoted
/// quotation left open runs on the same way, so single marks in its later sentences (“… the
/// ‘party elites.’ The people …”) stay a quotation within it.
pub fn as_double_in_place(sentences: &mut [Sentence]) -> Vec<(usize, String)> {
    let mut open = false;
    let mut double_open = false;
    let mut paragraph = 0;
    let mut originals = Vec::new();
    for (i, s) in sentences.iter_mut().enumerate() {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            open = false;
            double_open = false;
        }
        let paired = paired_apostrophes(&s.text);
        let current = paired.as_deref().unwrap_or(&s.text);
        let (text, still_open) = rewrite(current, open, double_open);
        open = still_open;
        double_open = double_open_at_end(current, double_open);
        if let Some(text) = text.or(paired) {
            originals.push((i, std::mem::replace(&mut s.text, text)));
        }
    }
    originals
}

/// Rewrites one sentence; `open` says a single-quoted quotation is already open, `double` that
/// a double-quoted one is. Returns the new text if any mark changed, and whether a single-quoted
/// quotation is still open at its end.
fn rewrite(text: &str, mut open: bool, double: bool) -> (Option<String>, bool) {
    if !open && !may_open(text) {
        return (None, false);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let mut double_depth = usize::from(double);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '\u{201c}' => double_depth += 1,
            '\u{201d}' => double_depth = double_depth.saturating_sub(1),
            '"' => double_depth = if double_depth > 0 { 0 } else { 1 },
            _ => {}
        }
        if double_depth == 0 {
            if open {
                match closing_at(&chars, i) {
                    Some(k) => {
                        out[k] = double_of(chars[k].1);
                        open = false;
                        i = k + 1;
                        continue;
                    }
                    None => break,
                }
            } else if opens(&chars, i) {
                out[i] = double_of(c);
                open = true;
            }
        }
        i += 1;
    }
    let rewritten: String = out.into_iter().collect();
    ((rewritten != text).then_some(rewritten), open)
}

/// Is a double-quoted quotation open at the end of `text`, given whether one was at its start?
/// “ opens, ” closes, a straight mark turns the state over (as [`rewrite`] reads them).
fn double_open_at_end(text: &str, mut open: bool) -> bool {
    for c in text.chars() {
        match c {
            '\u{201c}' => open = true,
            '\u{201d}' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

/// Two apostrophes written for a double quotation mark, as archive and wire feeds do
/// (`''We will appeal,'' she said.`): an opening pair becomes a space and `"` (the mark right
/// before the word), a closing pair `"` and a space, so the byte length stays. In a run of
/// three the single mark is the inner quotation's (`,'''` closes both) and stays.
fn paired_apostrophes(text: &str) -> Option<String> {
    if !text.contains("''") {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\'' {
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '\'').count();
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(i + run).copied();
        if run == 2 || run == 3 {
            let opening = before
                .is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
                && after.is_some_and(|a| a.is_alphanumeric() || a == '\'');
            let closing = before.is_some_and(|b| {
                b.is_alphanumeric() || matches!(b, '.' | ',' | '!' | '?' | '…' | '-' | '—')
            }) && after.is_none_or(|a| {
                a.is_whitespace()
                    || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—' | '–')
            });
            if opening {
                (out[i], out[i + 1]) = (' ', '"');
            } else if closing {
                let k = i + run - 2;
                (out[k], out[k + 1]) = ('"', ' ');
            }
        }
        i += run;
    }
    Some(out.into_iter().collect::<String>()).filter(|t| t != text)
}

/// Whether a single mark stands where a quotation could open (at the start or after a space,
/// bracket or dash): most sentences have none, only apostrophes.
fn may_open(text: &str) -> bool {
    let mut before: Option<char> = None;
    for c in text.chars() {
        if matches!(c, '\'' | '\u{2018}')
            && before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-'))
        {
            return true;
        }
        before = Some(c);
    }
    false
}

/// The double mark of the same byte length.
fn double_of(c: char) -> char {
    match c {
        '\u{2018}' => '\u{201c}',
        '\u{2019}' => '\u{201d}',
        _ => '"',
    }
}

/// A single mark at `i` that opens a quotation: at the start or after a space, an opening
/// bracket or a dash, and before a letter (not a digit: '90s).
fn opens(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let before = i.checked_sub(1).map(|k| chars[k].1);
    let after = chars.get(i + 1).map(|&(_, c)| c);
    matches!(c, '\'' | '\u{2018}')
        && before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-'))
        && after.is_some_and(char::is_alphabetic)
}

/// Where the quotation opened before `from` closes: the first mark after a word or a stop and
/// before a space, a stop or the end; a mark right after a final stop or comma ("…,' he
/// said") is taken over an earlier one that could be a plural possessive ("players' union").
fn closing_at(chars: &[(usize, char)], from: usize) -> Option<usize> {
    let closes = |k: usize| {
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        matches!(chars[k].1, '\'' | '\u{2019}')
            && before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | ',' | '!' | '?'))
            && after.is_none_or(|a| {
                a.is_whitespace()
                    || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—' | '–')
            })
    };
    let strong = |k: usize| {
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?'))
            || after.is_none_or(|a| !a.is_whitespace())
    };
    let candidates: Vec<usize> = (from..chars.len()).filter(|&k| closes(k)).collect();
    candidates
        .iter()
        .copied()
        .find(|&k| strong(k))
        .or_else(|| candidates.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(paragraphs: &[&[&str]]) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (p, texts) in paragraphs.iter().enumerate() {
            for t in texts.iter() {
                out.push(Sentence {
                    paragraph: p + 1,
                    line: p + 1,
                    span: 0..t.len(),
                    text: t.to_string(),
                });
            }
        }
        out
    }

    fn texts(paragraphs: &[&[&str]]) -> Vec<String> {
        as_double(&sentences(paragraphs))
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn a_single_quoted_quotation_becomes_double_quoted() {
        assert_eq!(
            texts(&[&["'It is a fraction of what we lost,' its director said."]]),
            ["\"It is a fraction of what we lost,\" its director said."]
        );
        assert_eq!(
            texts(&[&["Ms Marsh said: \u{2018}The company knew.\u{2019}"]]),
            ["Ms Marsh said: \u{201c}The company knew.\u{201d}"]
        );
    }

    #[test]
    fn apostrophes_and_possessives_are_left_alone() {
        for t in [
            "The company's chief didn't comment on the players' union.",
            "Kushner\u{2019}s plan was drafted in the \u{2019}90s style, officials said.",
            "Prices rose in the '90s.",
        ] {
            assert_eq!(texts(&[&[t]]), [t]);
        }
        // Inside a quotation, a plural possessive does not close it; the comma does.
        assert_eq!(
            texts(&[&["'The players' union is strong,' he said."]]),
            ["\"The players' union is strong,\" he said."]
        );
    }

    #[test]
    fn a_quotation_within_a_double_quoted_one_is_left_alone() {
        let t = "\u{201c}He told me \u{2018}no\u{2019} twice,\u{201d} she said.";
        assert_eq!(texts(&[&[t]]), [t]);
    }

    #[test]
    fn an_open_quotation_runs_on_to_its_close_in_a_later_sentence() {
        assert_eq!(
            texts(&[&["'We will appeal.", "We expect to win,' she said."]]),
            ["\"We will appeal.", "We expect to win,\" she said."]
        );
        // A new paragraph starts afresh.
        assert_eq!(
            texts(&[&["'We will appeal."], &["Rivals' shares fell."]]),
            ["\"We will appeal.", "Rivals' shares fell."]
        );
    }

    #[test]
    fn single_marks_inside_a_double_quotation_of_several_sentences_are_left_alone() {
        // The double quotation opened in the first sentence is still open in the second.
        let first = "\u{201c}The vote is close.";
        let second = "Our rivals call it \u{2018}settled\u{2019} and it is not.\u{201d}";
        assert_eq!(texts(&[&[first, second]]), [first, second]);
        let t = texts(&[&["\"We have to win.", "They said 'no' to us,\" he said."]]);
        assert_eq!(t[1], "They said 'no' to us,\" he said.");
        // Once it closes, a single-quoted quotation is rewritten again.
        let t = texts(&[&["\u{201c}We won,\u{201d} he said.", "'Good,' she said."]]);
        assert_eq!(t[1], "\"Good,\" she said.");
        // A new paragraph starts afresh.
        let t = texts(&[&["\u{201c}We will appeal."], &["'Good,' she said."]]);
        assert_eq!(t[1], "\"Good,\" she said.");
    }

    #[test]
    fn in_place_keeps_the_texts_as_written_of_the_sentences_it_changed() {
        let mut s = sentences(&[&["No quotation here.", "'Yes,' she said."]]);
        let originals = as_double_in_place(&mut s);
        assert_eq!(originals, [(1, "'Yes,' she said.".to_string())]);
        assert_eq!(s[1].text, "\"Yes,\" she said.");
    }

    #[test]
    fn two_apostrophes_are_a_double_quotation_mark() {
        let t = texts(&[&[
            "''We will appeal,'' she said.",
            "He said it was ''unfair.''",
        ]]);
        assert_eq!(
            t,
            [
                " \"We will appeal,\"  she said.",
                "He said it was  \"unfair.\" "
            ]
        );
        // The inner single quotation of a nested quote keeps its mark.
        let t = texts(&[&["''They called it 'a trap,''' he said."]]);
        assert_eq!(t, [" \"They called it 'a trap,'\"  he said."]);
        // Apostrophes inside words have no pair.
        let t = texts(&[&["Don't say the band's tour is over."]]);
        assert_eq!(t, ["Don't say the band's tour is over."]);
    }

    #[test]
    fn rewriting_keeps_every_byte_offset() {
        let t = "\u{2018}A\u{2019} and 'b,' she said.";
        let out = texts(&[&[t]]);
        assert_eq!(out[0].len(), t.len());
    }
}
