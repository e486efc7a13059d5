//! Page furniture in plain text: which lines of a body are menus, buttons and boxes, not prose.
//!
//! Takes a document's text and where its body starts; returns the byte ranges of the lines that
//! are furniture, for the segmenter to read as blank lines. The one idea: only a line that is
//! nothing but furniture goes, judged on its own words (a button label, a date line, a byline,
//! a menu) or by its place (a run of menu words, everything after a comments heading). A line
//! that ends like a sentence is prose whatever its words, unless a list entry names it (a
//! cookie notice, a newsletter box), so a short real sentence ("He declined.") always stays.
//! The word lists are `src/data/chrome.txt` and `src/data/chrome_dates.txt`; docs/input.md
//! describes the rules.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{sections, CHROME, CHROME_DATES};

/// At most this many words in a line matched by its start.
const START_WORDS: usize = 25;
/// At most this many words in a line matched by two of its words.
const BOTH_WORDS: usize = 40;
/// A menu entry has at most this many words.
const MENU_WORDS: usize = 3;
/// This many short lines in a row, none ending like a sentence, are a menu.
const MENU_RUN: usize = 3;

/// The furniture word lists.
struct Lists {
    line: HashSet<String>,
    start: Vec<String>,
    label: Vec<String>,
    both: Vec<(String, Vec<String>)>,
    tail: HashSet<String>,
    month: HashSet<String>,
    filler: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            line: HashSet::new(),
            start: Vec::new(),
            label: Vec::new(),
            both: Vec::new(),
            tail: HashSet::new(),
            month: HashSet::new(),
            filler: HashSet::new(),
        };
        for (section, entry) in sections(CHROME).chain(sections(CHROME_DATES)) {
            match section {
                "line" => drop(lists.line.insert(entry.to_string())),
                "start" => lists.start.push(entry.to_string()),
                "label" => lists.label.push(entry.to_string()),
                "tail" => drop(lists.tail.insert(entry.to_string())),
                "month" => drop(lists.month.insert(entry.to_string())),
                "filler" => drop(lists.filler.insert(entry.to_string())),
                "both" => {
                    if let Some((first, others)) = entry.split_once('+') {
                        let others = others.split('|').map(|o| o.trim().to_string());
                        lists
                            .both
                            .push((first.trim().to_string(), others.collect()));
                    }
                }
                _ => {}
            }
        }
        lists
    })
}

/// Byte ranges (without the line break) of the furniture lines of `text[body_start..]`. With
/// `wrapped` (soft-wrapped text, blank lines between paragraphs) a line is judged only with
/// its paragraph: a paragraph goes when all its lines are furniture, since a wrapped line on
/// its own ("By 2030 the", "May 4, 2026 and") is a piece of a sentence.
pub(crate) fn furniture(text: &str, body_start: usize, wrapped: bool) -> Vec<Range<usize>> {
    let lists = lists();
    let mut lines = Vec::new();
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push((pos..pos + content.len(), content.trim()));
        pos += line.len();
    }
    let mut out: Vec<bool> = lines.iter().map(|(_, l)| is_furniture(l, lists)).collect();
    mark_menu_runs(&lines, &mut out);
    mark_tail(&lines, &mut out, lists);
    if wrapped {
        keep_mixed_paragraphs(&lines, &mut out);
    }
    lines
        .into_iter()
        .zip(out)
        .filter(|((_, l), chrome)| *chrome && !l.is_empty())
        .map(|((range, _), _)| range)
        .collect()
}

/// The line folded for lookups: lower case, single spaces, no trailing punctuation or count.
fn key(line: &str) -> String {
    let folded = line
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    folded
        .trim_end_matches([':', '.', '»', '›', '→', '…', '|', '>', ' '])
        .trim_start_matches(['»', '›', '|', '•', '·', ' '])
        .to_string()
}

/// Whether the line, taken on its own, is furniture.
fn is_furniture(line: &str, lists: &Lists) -> bool {
    if line.is_empty() {
        return false;
    }
    let key = key(line);
    let words = key.split_whitespace().count();
    if lists.line.contains(&key) || lists.line.contains(without_count(&key)) {
        return true;
    }
    if words <= START_WORDS && lists.start.iter().any(|s| key.starts_with(s.as_str())) {
        return true;
    }
    let both = words <= BOTH_WORDS
        && lists.both.iter().any(|(first, others)| {
            has_word(&key, first) && others.iter().any(|o| key.contains(o.as_str()))
        });
    if both {
        return true;
    }
    if is_date_line(&key, lists) {
        return true; // "Updated Dec. 2, 2026 9:30 a.m." ends with a period but is no sentence
    }
    if ends_like_sentence(line) {
        return false;
    }
    let label = words <= START_WORDS && lists.label.iter().any(|s| key.starts_with(s.as_str()));
    label || is_byline(line) || is_menu_line(line)
}

/// "12 comments" → "comments", "comments (12)" → "comments": counts do not change a button.
fn without_count(key: &str) -> &str {
    let k = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == ' ');
    let k = k.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' '));
    k.trim()
}

/// Whether `word` occurs in `key` as a whole word.
fn has_word(key: &str, word: &str) -> bool {
    key.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

/// Ends with sentence punctuation (or a closing quotation mark after it).
fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    t.ends_with(['.', '!', '?', '…']) && !ends_with_initial(t)
}

/// "By Ana M." ends with an initial, not a sentence.
fn ends_with_initial(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or("");
    last.len() == 2 && last.starts_with(char::is_uppercase)
}

/// "By Ana Ruiz", "By ANA RUIZ and Tom Lee, Staff Writers", "By Ana Ruiz | Valley Herald".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let name_word = |w: &&str| {
        let w = w.trim_matches([',', '|', ';', '-', '—', '–']);
        w.is_empty()
            || w.starts_with(char::is_uppercase)
            || matches!(w, "and" | "de" | "van" | "von" | "der" | "la" | "da" | "in")
    };
    rest.starts_with(char::is_uppercase) && words.iter().all(name_word)
}

/// "2 de diciembre de 2026", "3. Dezember 2026, 10:14 Uhr", "Updated Dec. 2, 2026 9:30 a.m. ET",
/// "02/12/2026": numbers, month and weekday names and a few fillers only.
fn is_date_line(key: &str, lists: &Lists) -> bool {
    let mut number = false;
    let mut month = false;
    let mut numeric_date = false;
    for token in key.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')')) {
        let t = token.trim_matches(|c: char| matches!(c, '.' | '-' | '—' | '–' | '·' | '/'));
        if t.is_empty() {
            continue;
        }
        if t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-'))
        {
            number |= t.chars().any(|c| c.is_ascii_digit());
            numeric_date |= t.matches(['/', '-', '.']).count() == 2;
            continue;
        }
        if is_ordinal(t) {
            number = true;
            continue;
        }
        if lists.month.contains(t) {
            month = true;
        } else if !lists.filler.contains(t) {
            return false;
        }
    }
    number && (month || numeric_date)
}

/// "4th", "1st", "2º", "3." (German).
fn is_ordinal(t: &str) -> bool {
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    digits > 0 && matches!(&t[digits..], "st" | "nd" | "rd" | "th" | "º" | "er" | "e")
}

/// "Home | News | Sport | Weather": three or more short entries between separators.
fn is_menu_line(line: &str) -> bool {
    let entries: Vec<&str> = line
        .split(['|', '•', '·', '/', '»', '›'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    entries.len() >= 3
        && line.contains(['|', '•', '·', '/', '»', '›'])
        && entries
            .iter()
            .all(|e| e.split_whitespace().count() <= MENU_WORDS && !e.contains(['.', ',']))
}

/// A run of [`MENU_RUN`] or more short lines that do not end like sentences ("Home", "News",
/// "Sport") is a menu; furniture lines inside the run count towards it.
fn mark_menu_runs(lines: &[(Range<usize>, &str)], out: &mut [bool]) {
    let short = |(l, chrome): (&str, bool)| {
        chrome
            || (!l.is_empty()
                && l.split_whitespace().count() <= MENU_WORDS
                && !ends_like_sentence(l)
                && !l.ends_with([':', ','])
                && !l.chars().any(|c| c.is_ascii_digit())
                && l.starts_with(char::is_uppercase))
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        let mut plain = 0;
        while j < lines.len() && short((lines[j].1, out[j])) {
            plain += usize::from(!out[j]);
            j += 1;
        }
        // Only runs that hold menu words of their own count; known furniture alone is marked.
        if j - i >= MENU_RUN && plain > 0 {
            out[i..j].iter_mut().for_each(|c| *c = true);
        }
        i = j.max(i + 1);
    }
}

/// Unmarks every line of a paragraph (lines between blank lines) that holds prose too.
fn keep_mixed_paragraphs(lines: &[(Range<usize>, &str)], out: &mut [bool]) {
    let mut start = 0;
    for end in 0..=lines.len() {
        if end == lines.len() || lines[end].1.is_empty() {
            if out[start..end].iter().any(|c| !c) {
                out[start..end].iter_mut().for_each(|c| *c = false);
            }
            start = end + 1;
        }
    }
}

/// After a comments or related-stories heading, once some prose came before it, every line is
/// furniture.
fn mark_tail(lines: &[(Range<usize>, &str)], out: &mut [bool], lists: &Lists) {
    let mut prose = false;
    for i in 0..lines.len() {
        let l = lines[i].1;
        if !out[i] && ends_like_sentence(l) {
            prose = true;
        }
        if prose && lists.tail.contains(without_count(&key(l))) && !ends_like_sentence(l) {
            out[i..].iter_mut().for_each(|c| *c = true);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<&str> {
        furniture(text, 0, false)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn buttons_boxes_bylines_and_dates_are_furniture() {
        for line in [
            "Share",
            "Share this article",
            "Follow",
            "Read more",
            "Read more: Council delays vote on bridge",
            "Advertisement",
            "ADVERTISEMENT",
            "Sign up for our newsletter",
            "Sign up for our morning newsletter and get the news in your inbox.",
            "We use cookies to improve your experience. By continuing, you accept our cookie policy.",
            "Join 1,204 other followers",
            "12 Comments",
            "Search for:",
            "By Ana Ruiz",
            "By ANA RUIZ and TOM LEE, Staff Writers",
            "2 de diciembre de 2026",
            "3. Dezember 2026, 10:14 Uhr",
            "mercredi 2 décembre 2026",
            "Updated Dec. 2, 2026 9:30 a.m. ET",
            "December 2, 2026",
            "02/12/2026",
            "Home | News | Sport | Weather",
            "Photo: Valley Herald",
            "© 2026 The Valley Herald. All rights reserved.",
            "Reporting by Ana Ruiz; Editing by Tom Lee",
        ] {
            assert_eq!(dropped(line), [line], "{line}");
        }
    }

    #[test]
    fn short_sentences_datelines_and_prose_stay() {
        for line in [
            "He declined.",
            "It passed 6-1.",
            "Police said no one was hurt.",
            "WASHINGTON —",
            "WASHINGTON — The Senate voted on Tuesday.",
            "By Tuesday, the council had voted.",
            "By the time the vote came, most members had left.",
            "By 2030 the bridge will be paid off.",
            "Share prices fell 3% on Monday.",
            "Follow-up tests found no more cracks, the agency said.",
            "Comments from residents were mostly critical, the clerk said.",
            "The search for the missing hikers resumed at dawn.",
            "May 4 was the deadline, officials said.",
            "\"We will share the results,\" she said.",
            "Cookies baked at the fair raised $300 for the school.",
            "Copyright lawyers said the case could take years.",
            "Written by two lawmakers, the bill would cap rents.",
            "Tagged as a suspect, he fled the state.",
            "Posted by a neighbour, the video spread quickly.",
            "Sign up for the program closes Friday, officials said.",
            "The bakery stopped selling cookies after customers would not accept the new price.",
            "The mayor urged her followers to join the march on Saturday.",
            "Readers who subscribe pay $5 a month, the company said.",
            "The newsletter urged readers to subscribe to the petition.",
        ] {
            assert!(dropped(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_menu_is_a_run_of_short_lines() {
        let text = "Home\nNews\nSport\nWeather\nThe council voted on Tuesday.\n";
        assert_eq!(dropped(text), ["Home", "News", "Sport", "Weather"]);
        // Two short headings with prose between them are not a menu.
        let text =
            "Bridge vote\nThe council voted on Tuesday.\nWhat comes next\nWork starts in May.\n";
        assert!(dropped(text).is_empty());
    }

    #[test]
    fn comments_heading_ends_the_article() {
        let text = "The council voted on Tuesday.\nComments\nGreat news, finally!\nAbout time.\n";
        assert_eq!(
            dropped(text),
            ["Comments", "Great news, finally!", "About time."]
        );
        // Before any prose, a "Comments" line is only a button.
        let text = "Comments\nThe council voted on Tuesday.\n";
        assert_eq!(dropped(text), ["Comments"]);
    }

    #[test]
    fn wrapped_lines_go_only_with_their_whole_paragraph() {
        let text = "The bridge will be paid off
By 2030 the city said

Share

It opens in May.
";
        let got: Vec<&str> = furniture(text, 0, true)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Share"]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config())]
        /// Furniture is always whole lines of the body, in order, on character boundaries, and
        /// prose is never furniture (no comments heading here, which ends the article).
        #[test]
        fn furniture_is_whole_lines(lines in prop::collection::vec(prop::sample::select(vec![
            "Share", "Home", "News", "By Ana Ruiz", "2 de marzo de 2026", "Read more",
            "The council voted on Tuesday.", "He declined.", "", "Sport | Weather | Opinion",
            "Join 1,204 other followers", "WASHINGTON \u{2014} It began.", "é", "  ",
        ]), 0..12), wrapped in any::<bool>()) {
            let text = lines.join("\n");
            let mut last = 0;
            for r in super::furniture(&text, 0, wrapped) {
                prop_assert!(r.start >= last && text.is_char_boundary(r.start));
                prop_assert!(r.start == 0 || text.as_bytes()[r.start - 1] == b'\n');
                prop_assert!(r.end == text.len() || text.as_bytes()[r.end] == b'\n');
                prop_assert!(!text[r.clone()].contains("The council voted"));
                last = r.end;
            }
        }
    }
}
