//! Sources: the noun phrase a cue points to, and what kind of source it names.
//!
//! Works on the words of one sentence ([`Words`]); every function is a bounded linear walk.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::text::{classify_gap, tokens_of, Gap, Token};
use super::SourceKind;
pub(crate) use crate::lexicon::attribution::PRONOUNS;
use crate::lexicon::attribution::{
    ADVERBIAL_OPENERS, ADVERBS, CLAUSE_WORDS, CONNECTIVES, DETERMINERS, NOT_ADVERBS, NOT_AGENTS,
    NOT_NAMES, OPENERS, QUANTIFIERS, RIGHT_STOPS, TIME_NOUNS, TIME_WORDS,
};
use crate::lexicon::calendar::{MONTHS, WEEKDAYS};
use crate::lexicon::credits::CUE_WORDS;
use crate::pipeline::reading::Reading;

/// Articles, which open a phrase without counting its members.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// A capitalised word that never begins a person's name: a function word, a month or a day.
pub(crate) fn is_not_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
}

/// Whether a lower-case word ends like an adverb ("-ly") and is not one of the listed words
/// that only look so ("family", "rally", "assembly", "July"). Every "-ly" test reads this.
pub(crate) fn ends_like_adverb(lower: &str) -> bool {
    lower.ends_with("ly") && !NOT_ADVERBS.contains(&lower)
}

/// Months that are also given names ("April Mellody", "June Harris").
const NAME_MONTHS: [&str; 3] = ["april", "may", "june"];

/// Whether word `i` cannot begin a person's name, read in its place: as [`is_not_name`], but
/// a month that is also a given name begins one when a capitalised word that could be a
/// surname follows it and no preposition stands before it ("April Mellody, a spokeswoman,
/// said" against "In June Democrats said").
pub(crate) fn is_not_name_at(w: &Words, i: usize) -> bool {
    let lower = w.lower(i);
    if !is_not_name(lower) {
        return false;
    }
    let surname = i + 1 < w.toks.len()
        && w.gaps[i + 1] == Gap::Space
        && w.toks[i + 1].is_capitalized()
        && !is_not_name(w.lower(i + 1))
        && !w.toks[i + 1].text.starts_with(|c: char| c.is_ascii_digit());
    let after_preposition = i > 0 && w.gaps[i] == Gap::Space && NOT_NAMES.contains(&w.lower(i - 1));
    !(NAME_MONTHS.contains(&lower) && surname && !after_preposition)
}

/// The words of one sentence and what separates them.
#[derive(Clone, Debug)]
pub(crate) struct Words {
    /// The sentence text.
    pub text: String,
    /// Its words.
    pub toks: Vec<Token>,
    /// `gaps[i]`: what lies between word `i - 1` and word `i`.
    pub gaps: Vec<Gap>,
}

impl Words {
    /// Splits a sentence into words and gaps (for a test's sentence, which the pipeline has
    /// not read).
    #[cfg(test)]
    pub fn new(text: &str) -> Words {
        Words::read(text, &Reading::new(text))
    }

    /// The words and gaps of a sentence, from the words its reading found.
    pub fn read(text: &str, reading: &Reading) -> Words {
        let toks = tokens_of(text, &reading.spans());
        let gaps = (0..toks.len())
            .map(|i| {
                let from = if i == 0 { 0 } else { toks[i - 1].span.end };
                classify_gap(&text[from..toks[i].span.start], i == 0)
            })
            .collect();
        Words {
            text: text.to_string(),
            toks,
            gaps,
        }
    }

    /// Byte range covered by words `r`.
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.toks[r.start].span.start..self.toks[r.end - 1].span.end
    }

    /// Text covered by words `r`.
    pub fn phrase(&self, r: &Range<usize>) -> &str {
        &self.text[self.bytes(r)]
    }

    /// First word of the clause chunk that word `j` is in (chunks end at punctuation).
    pub fn chunk_start(&self, j: usize) -> usize {
        let mut k = j;
        while k > 0 && self.gaps[k] == Gap::Space {
            k -= 1;
        }
        k
    }

    /// Word `i` is an adverb that may sit between a source and its cue.
    pub fn is_adverb(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.is_capitalized() && i > 0 {
            return false;
        }
        ADVERBS.contains(&t.lower.as_str()) || (t.lower.len() > 4 && ends_like_adverb(&t.lower))
    }

    fn lower(&self, i: usize) -> &str {
        &self.toks[i].lower
    }
}

/// Is word `i` a pronoun source?
pub(crate) fn is_pronoun(w: &Words, i: usize) -> bool {
    PRONOUNS.contains(&w.lower(i))
}

/// The source phrase that ends at word `j` (a subject before its cue).
///
/// Returns its word range if the phrase starts its clause (after a connective at most):
/// a source must be the clause's subject, not a word inside a longer clause.
pub(crate) fn left_np(lex: &Lexicon, w: &Words, j: usize) -> Option<Range<usize>> {
    let chunk = w.chunk_start(j);
    let t = &w.toks[j];
    let start = if is_pronoun(w, j) {
        j
    } else if t.is_capitalized() && !t.is_possessive() {
        let mut k = j;
        while k > chunk {
            let p = &w.toks[k - 1];
            let of_title = p.lower == "of"
                && w.toks[k].is_capitalized()
                && k >= chunk + 2
                && w.toks[k - 2].is_capitalized();
            let and_name = p.lower == "and"
                && w.toks[k].is_capitalized()
                && k >= chunk + 2
                && w.toks[k - 2].is_capitalized();
            // "…, he and Mr. Allen said": a pronoun opening the chunk, joined to the name.
            let pronoun_and = p.lower == "and"
                && w.toks[k].is_capitalized()
                && k == chunk + 2
                && is_pronoun(w, chunk);
            if pronoun_and {
                k = chunk;
                break;
            }
            if (p.is_capitalized() && !is_not_name(&p.lower))
                || lex.titles.contains(&p.lower)
                || of_title
                || and_name
            {
                k -= 1;
            } else {
                break;
            }
        }
        if k > chunk && DETERMINERS.contains(&w.lower(k - 1)) {
            k -= 1;
        }
        k
    } else if !t.is_possessive() {
        // A cue word in lower case ends the walk as a clause word does: in "…, said his
        // survey showed" the subject of "showed" is "his survey", not a phrase opening "said".
        let credit = |i: usize| !w.toks[i].is_capitalized() && CUE_WORDS.contains(&w.lower(i));
        let mut k = j;
        while k > chunk && !CLAUSE_WORDS.contains(&w.lower(k - 1)) && !credit(k - 1) && j - k < 15 {
            k -= 1;
        }
        k
    } else {
        return None;
    };
    let mut start = start;
    while start < j && matches!(w.lower(start), "and" | "or" | "but") {
        start += 1;
    }
    if start == j && is_pronoun(w, j) && leading_time(w, chunk, j) {
        // "In 2010 she said", "Last week he told": a short time phrase opens the clause.
        return Some(j..j + 1);
    }
    // "As the Times reported, …", "…, as officials said,": "as" may lead a reporting clause.
    let lead_ok = |start: usize| {
        (chunk..start)
            .all(|i| CONNECTIVES.contains(&w.lower(i)) || matches!(w.lower(i), "or" | "as"))
    };
    if lead_ok(start) {
        return Some(start..j + 1);
    }
    // "Dauphin County emergency director Carla Benning": a job title in lower case before the
    // name; the whole chunk is the source, as with a listed title.
    let lead = (chunk..j).find(|&i| !CONNECTIVES.contains(&w.lower(i)))?;
    if titled_name(lex, w, &(lead..j + 1)) {
        return Some(lead..j + 1);
    }
    // "A spokesperson for Meta": a name inside a phrase headed by a source noun.
    let whole = chunk..j + 1;
    let clause_free = whole.clone().all(|i| {
        let l = w.lower(i);
        !CLAUSE_WORDS.contains(&l) || l == "to"
    });
    if t.is_capitalized() && whole.len() <= 12 && clause_free {
        let head = &w.toks[head_range(lex, w, &whole).end - 1];
        if !head.is_capitalized() && lex.is_source_noun(&head.lower) {
            return Some(whole);
        }
    }
    None
}

/// Words `from..to` are a short time phrase opening the sentence without a comma: "In 2010",
/// "On Monday", "Last week", "Earlier this month" (an opener, then a year, weekday, month or
/// time noun last).
fn leading_time(w: &Words, from: usize, to: usize) -> bool {
    if from != 0 || to == from || to - from > 3 {
        return false;
    }
    let first = w.lower(from);
    let last = w.lower(to - 1);
    let opener = ADVERBIAL_OPENERS.contains(&first) || TIME_WORDS.contains(&first);
    let time = w.toks[to - 1]
        .text
        .starts_with(|c: char| c.is_ascii_digit())
        || WEEKDAYS.contains(&last)
        || MONTHS.contains(&last)
        || TIME_NOUNS.contains(&last)
        || TIME_WORDS.contains(&last);
    // The caller's words lie in one chunk, so only spaces separate them.
    opener && time
}

/// A lower-case word that names a job or role and may stand before a name: a listed title or
/// unnamed-source noun ("director", "spokeswoman") or an agent noun ("operator", "economist",
/// "librarian", "attendant").
pub(crate) fn is_occupation(lex: &Lexicon, lower: &str) -> bool {
    let function_word = CLAUSE_WORDS.contains(&lower) || OPENERS.contains(&lower);
    let agent = lower.len() > 4
        && ["er", "or", "ist", "ian", "ant"]
            .iter()
            .any(|s| lower.ends_with(s))
        && !NOT_AGENTS.contains(&lower)
        && !MONTHS.contains(&lower);
    !function_word && (lex.titles.contains(lower) || lex.anonymous_nouns.contains(lower) || agent)
}

/// Words `r` are a short noun phrase ending in a name right after a lower-case job title:
/// "forklift operator Denise Harlan", "Halvorsen general counsel Priya Raman". Prepositions
/// and clause words other than "of" rule it out ("after talks with Carla Benning").
pub(crate) fn titled_name(lex: &Lexicon, w: &Words, r: &Range<usize>) -> bool {
    if r.len() < 2 || r.len() > 10 || !w.toks[r.end - 1].is_capitalized() {
        return false;
    }
    let name_start = (r.start..r.end)
        .rev()
        .take_while(|&i| w.toks[i].is_capitalized() && !w.toks[i].is_possessive())
        .last()
        .unwrap_or(r.end);
    let title = name_start.checked_sub(1).filter(|&t| t >= r.start);
    let Some(t) = title else {
        return false;
    };
    let plain = |i: usize| {
        let l = w.lower(i);
        (w.gaps[i] == Gap::Space || i == r.start)
            && (l == "of" || !(CLAUSE_WORDS.contains(&l) || OPENERS.contains(&l)))
    };
    !w.toks[t].is_capitalized() && is_occupation(lex, w.lower(t)) && (r.start..r.end).all(plain)
}

/// "A spokeswoman for Brightmill, Jill Ames" / "Brightmill's chief executive, Tom Aldana": a
/// clause-opening role phrase, then a bare name set off by commas (`name` = its words).
/// Returns the whole phrase, role and name.
pub(crate) fn role_then_name(
    lex: &Lexicon,
    w: &Words,
    chunk: Range<usize>,
) -> Option<Range<usize>> {
    // "Another pollster, David Woodard of Clemson University": the name may carry its home
    // institution or town; the bare name is what comes before "of", "at" or "from".
    let name = chunk.start..home_after_name(w, &chunk).unwrap_or(chunk.end);
    let bare = name.len() <= 4
        && name.clone().all(|i| {
            w.toks[i].is_capitalized()
                && !w.toks[i].is_possessive()
                && (i == name.start || w.gaps[i] == Gap::Space)
        })
        && !is_not_name_at(w, name.start)
        && !lex.is_institution_name(w.phrase(&name));
    if !bare || name.start == 0 || w.gaps[name.start] != Gap::Comma {
        return None;
    }
    let c0 = w.chunk_start(name.start - 1);
    if !matches!(w.gaps[c0], Gap::Start | Gap::QuoteClose) {
        return None;
    }
    let lead = (c0..name.start).find(|&i| !CONNECTIVES.contains(&w.lower(i)))?;
    let role = head_range(lex, w, &(lead..name.start));
    let head = &w.toks[role.end - 1];
    // "The Podesta Group's CEO, Kimberley Fritts": an acronym title counts as a role.
    if (!head.is_capitalized() || is_acronym(&head.text)) && is_occupation(lex, &head.lower) {
        return Some(lead..chunk.end);
    }
    described_person(w, lead..name.start, &name).then_some(lead..chunk.end)
}

/// Where "of", "at" or "from" and a capitalised place or institution follow a name of two
/// words or more to the end of `chunk` ("David Woodard of Clemson University", "Ana Ruiz
/// of the University of Leeds"): the position of that preposition.
fn home_after_name(w: &Words, chunk: &Range<usize>) -> Option<usize> {
    let at = (chunk.start + 2..chunk.end)
        .find(|&i| matches!(w.lower(i), "of" | "at" | "from") && w.gaps[i] == Gap::Space)?;
    let name = chunk.start..at;
    let home = at + 1..chunk.end;
    let capitalised = |r: &Range<usize>| {
        r.clone().all(|i| {
            w.gaps[i] == Gap::Space
                && (w.toks[i].is_capitalized() || matches!(w.lower(i), "the" | "of"))
        })
    };
    let named = name.clone().all(|i| w.toks[i].is_capitalized());
    (named && !home.is_empty() && capitalised(&home) && w.toks[chunk.end - 1].is_capitalized())
        .then_some(at)
}

/// "One delegate not on the slate, Kelly Smith", "A longtime friend of the mayor, Ana Ruiz":
/// a determined description of a person, any head noun, before a full name (two words or
/// more). Never a time ("The next day, Ana Ruiz …"), a figure or a clause ("The man who …").
fn described_person(w: &Words, role: Range<usize>, name: &Range<usize>) -> bool {
    let lead = w.lower(role.start);
    let determined = matches!(
        lead,
        "a" | "an" | "one" | "another" | "the" | "his" | "her" | "their" | "its" | "our"
    );
    let timeless = role.clone().all(|i| {
        let l = w.lower(i);
        let t = &w.toks[i];
        !TIME_WORDS.contains(&l)
            && !MONTHS.contains(&l)
            && !t.text.starts_with(|c: char| c.is_ascii_digit())
            && !TIME_NOUNS.contains(&l)
            && (l == "not" || !CLAUSE_WORDS.contains(&l))
            && (i == role.start || w.gaps[i] == Gap::Space)
    });
    determined && timeless && role.len() >= 2 && role.len() <= 10 && name.len() >= 2
}

/// "Inc.", "Corp.", "Co.", "LLC", "Ltd.": a word that ends a company's name (lower case).
pub(crate) fn is_company_suffix(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "inc" | "corp" | "co" | "llc" | "ltd" | "plc" | "l.p" | "lp" | "llp"
    )
}

/// An all-capitals abbreviation of at least two letters ("FTC", "NTSB"): an organisation's
/// short name, not a person's.
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A party-and-state tag set off after a lawmaker's name: "D-Ohio", "R-N.Y.", "I-Vt.".
pub(crate) fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// The words that decide a source's kind: the first conjunct, cut before its post-modifiers
/// ("U.S. officials and a person familiar with …" -> "U.S. officials").
fn head_range(lex: &Lexicon, w: &Words, r: &Range<usize>) -> Range<usize> {
    let mut end = r.start;
    while end < r.end {
        let l = w.lower(end);
        if end > r.start && (matches!(l, "and" | "or") || w.gaps[end] != Gap::Space) {
            break;
        }
        // "federal records cited by the AP", "the report released Tuesday", "statistics
        // published this week": a participle with "by" starts a post-modifier, and one with a
        // time does after a common noun (after a name or a pronoun it is the verb: "He
        // planned Monday to …").
        let after_noun = end > r.start && {
            let before = &w.toks[end - 1];
            let listed = end - 1 == r.start && lex.is_source_noun(&before.lower);
            (listed || !before.is_capitalized()) && !is_pronoun(w, end - 1)
        };
        let participle = l.ends_with("ed")
            && w.toks.get(end + 1).is_some_and(|n| {
                n.lower == "by"
                    || after_noun
                        && (TIME_WORDS.contains(&n.lower.as_str()) && !n.is_capitalized()
                            || n.is_capitalized() && WEEKDAYS.contains(&n.lower.as_str()))
            });
        if end > r.start && participle {
            break;
        }
        if end > r.start && lex.postmodifiers.contains(l) {
            let keep_of = l == "of" && w.toks.get(end + 1).is_some_and(Token::is_capitalized);
            if !keep_of {
                break;
            }
        }
        end += 1;
    }
    r.start..end
}

/// Whether a participle follows the head of the phrase `r` ("the report released Monday",
/// "records cited by the AP"): the head then stands before a post-modifier, not at the end.
pub(crate) fn participle_after_head(lex: &Lexicon, w: &Words, r: &Range<usize>) -> bool {
    let end = head_range(lex, w, r).end;
    end < r.end && w.lower(end).ends_with("ed")
}

/// The source phrase that starts at word `i` (after "according to" or an inverted "said").
pub(crate) fn right_np(lex: &Lexicon, w: &Words, i: usize) -> Option<Range<usize>> {
    if i >= w.toks.len() || w.gaps[i] != Gap::Space {
        return None;
    }
    let mut end = i;
    while end < w.toks.len() && end - i < 16 {
        if end > i && w.gaps[end] != Gap::Space {
            break;
        }
        let l = w.lower(end);
        if RIGHT_STOPS.contains(&l) || (end > i && TIME_WORDS.contains(&l)) {
            break;
        }
        if matches!(l, "on" | "in" | "at")
            && end > i
            && w.toks.get(end + 1).is_some_and(|n| {
                TIME_WORDS.contains(&n.lower.as_str())
                    || matches!(n.lower.as_str(), "a" | "an" | "social")
            })
        {
            break;
        }
        end += 1;
    }
    let _ = lex;
    if is_pronoun(w, i) && end > i + 1 {
        // "…, said he was not fit": a subject pronoun with words after it opens what was
        // said; an inverted pronoun source stands alone ("“…,” said he.").
        return None;
    }
    (end > i).then_some(i..end)
}

/// The subject of the sentence's main clause (for ", adding" and "... and told").
pub(crate) fn subject_np(lex: &Lexicon, w: &Words) -> Option<Range<usize>> {
    let n = w.toks.len();
    // "Washington (AFP) – Hillary Clinton …": the wire's dateline is no subject.
    let mut i = super::rules::wire_dateline_end(w).unwrap_or(0);
    let mut skipped = false;
    for _ in 0..4 {
        if i >= n {
            return None;
        }
        let mut chunk_end = i + 1;
        while chunk_end < n && w.gaps[chunk_end] == Gap::Space {
            chunk_end += 1;
        }
        let first = w.lower(i);
        // "Then he cut into Bush, calling him …": a connective and a pronoun open the clause.
        if CONNECTIVES.contains(&first) && i + 1 < chunk_end && is_pronoun(w, i + 1) {
            return Some(i + 1..i + 2);
        }
        if OPENERS.contains(&first)
            || (first.ends_with("ing") && !w.toks[i].is_capitalized())
            || (i == 0 && first.ends_with("ing"))
            || leading_adverbial_chunk(w, i, chunk_end, skipped)
        {
            i = chunk_end;
            skipped = true;
            continue;
        }
        // "Then he cut into Bush, calling him …": a connective before the subject.
        if CONNECTIVES.contains(&first) && i + 1 < chunk_end {
            i += 1;
        }
        if is_pronoun(w, i) {
            return Some(i..i + 1);
        }
        if w.toks[i].lower.contains(['’', '\'']) && !w.toks[i].is_possessive() {
            // "I'm old enough to remember …": a contraction, not a name.
            return None;
        }
        // A whole short first chunk headed by a title or source noun ("The city’s budget director").
        let head = &w.toks[chunk_end - 1];
        let whole = chunk_end - i <= 8
            && (lex.titles.contains(&head.lower) || lex.is_source_noun(&head.lower))
            && (i..chunk_end).all(|x| !CLAUSE_WORDS.contains(&w.lower(x)));
        let mut end = if whole { chunk_end } else { i };
        while end < chunk_end {
            let t = &w.toks[end];
            let ok = t.is_capitalized()
                || DETERMINERS.contains(&t.lower.as_str())
                || lex.titles.contains(&t.lower)
                || lex.is_source_noun(&t.lower)
                || (t.lower == "of" && w.toks.get(end + 1).is_some_and(Token::is_capitalized));
            if !ok {
                break;
            }
            end += 1;
        }
        if end == i || DETERMINERS.contains(&w.lower(end - 1)) {
            return None;
        }
        // "Ukraine’s national security adviser, Rustem Umerov, was": keep the appositive name.
        if end == chunk_end && chunk_end < n && w.gaps[chunk_end] == Gap::Comma {
            let mut k = chunk_end;
            while k < n && w.toks[k].is_capitalized() && (k == chunk_end || w.gaps[k] == Gap::Space)
            {
                k += 1;
            }
            if k > chunk_end && (k == n || w.gaps[k] == Gap::Comma) {
                return Some(i..k);
            }
        }
        return Some(i..end);
    }
    None
}

/// The chunk of words `i..end` opens the sentence as an adverbial set off by a comma or dash,
/// not as its subject: "Hours later,", "Back in 1999,", "Later in the day,", "Earlier this
/// week,", a dateline ("WASHINGTON —"), or after a skipped phrase a place ("Speaking in Salem,
/// New Hampshire, Trump …").
fn leading_adverbial_chunk(w: &Words, i: usize, end: usize, after_skipped: bool) -> bool {
    if end >= w.toks.len() || w.gaps[end] != Gap::Comma {
        return false;
    }
    let first = w.lower(i);
    let last = w.lower(end - 1);
    let dateline = i == 0
        && w.toks[i].text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !w.toks[i].text.chars().any(char::is_lowercase);
    let place = after_skipped && end - i <= 3 && (i..end).all(|k| w.toks[k].is_capitalized());
    ADVERBIAL_OPENERS.contains(&first)
        || CONNECTIVES.contains(&first)
        || TIME_WORDS.contains(&first)
        || (first.len() > 4 && ends_like_adverb(first))
        || matches!(first, "back" | "early")
        || matches!(last, "later" | "earlier" | "ago")
        || dateline
        || place
}

/// What kind of source the words `r` name; `None` if they do not look like a source.
pub(crate) fn classify(lex: &Lexicon, w: &Words, r: &Range<usize>) -> Option<SourceKind> {
    if r.is_empty() {
        return None;
    }
    if r.len() == 1 && is_pronoun(w, r.start) {
        return Some(SourceKind::Pronoun);
    }
    // "he and Mr. Allen": a pronoun joined to a name is the people named.
    if r.len() >= 3 && is_pronoun(w, r.start) && w.lower(r.start + 1) == "and" {
        return classify(lex, w, &(r.start + 2..r.end));
    }
    // "Ukraine’s national security adviser, Rustem Umerov": an appositive name decides.
    let last_comma = (r.start + 1..r.end)
        .rev()
        .find(|&i| w.gaps[i] == Gap::Comma);
    if let Some(c) = last_comma {
        let tail = c..r.end;
        if tail.clone().all(|i| w.toks[i].is_capitalized())
            && !lex.is_institution_name(w.phrase(&tail))
        {
            return Some(SourceKind::NamedPerson);
        }
    }
    let end = head_range(lex, w, r).end;
    let mut start = r.start;
    // "U.S. and Ukrainian officials": a lone modifier before "and" is not the head.
    let lone_modifier = end == r.start + 1
        && end < r.end
        && w.lower(end) == "and"
        && (lex.organizations.contains(w.toks[r.start].text.as_str())
            || w.lower(r.start).ends_with("an"));
    if lone_modifier {
        return classify(lex, w, &(end + 1..r.end));
    }
    if DETERMINERS.contains(&w.lower(start)) && end > start + 1 {
        start += 1;
    }
    let head_range = start..end;
    let name = w.phrase(&head_range);
    let head = &w.toks[end - 1];
    if lex.publications.contains(name) {
        return Some(SourceKind::Publication);
    }
    if lex.organizations.contains(name) {
        return Some(SourceKind::Organization);
    }
    let two = (end >= start + 2).then(|| format!("{} {}", w.lower(end - 2), head.lower));
    if lex.publication_nouns.contains(&head.lower)
        || two
            .as_ref()
            .is_some_and(|t| lex.publication_nouns.contains(t))
    {
        return Some(SourceKind::Publication);
    }
    // Capitalised only as the sentence's first word ("Polls released Sunday showed").
    let common = !head.is_capitalized() || (end - 1 == r.start && w.gaps[r.start] == Gap::Start);
    if lex.document_nouns.contains(&head.lower) && common {
        return Some(SourceKind::Document);
    }
    if lex.anonymous_nouns.contains(&head.lower) {
        return Some(SourceKind::Anonymous);
    }
    if lex.organization_nouns.contains(&head.lower) {
        return Some(SourceKind::Organization);
    }
    let lead = w.lower(r.start);
    let quantifier =
        !ARTICLES.contains(&lead) && (DETERMINERS.contains(&lead) || QUANTIFIERS.contains(&lead));
    // "Many Americans", "some Republicans": a quantifier before a plural; "Half of those
    // polled": the quantifier is the head. Not a name that opens with one ("All Blacks
    // coach Ian Foster", "Half Moon Bay Mayor Ana Ruiz").
    let quantified =
        quantifier && (end == r.start + 1 || (end == r.start + 2 && head.lower.ends_with('s')));
    if head.is_capitalized() && quantified {
        // unnamed people
        return Some(SourceKind::Anonymous);
    }
    if head.is_capitalized() {
        // "the White House", "Kremlin": a known body at the end of the phrase.
        let institution = (start..end).any(|s| {
            let p = w.phrase(&(s..end));
            lex.organizations.contains(p) || lex.publications.contains(p)
        });
        // A listed title or a role noun in lower case ("County delegate Ruth Amos").
        let titled = (start..end).any(|i| {
            let t = &w.toks[i];
            lex.titles.contains(&t.lower)
                || (!t.is_capitalized() && lex.anonymous_nouns.contains(&t.lower))
        });
        if institution && !titled {
            let p = w.phrase(&head_range);
            let publication = (start..end).any(|s| lex.publications.contains(w.phrase(&(s..end))));
            let _ = p;
            return Some(if publication {
                SourceKind::Publication
            } else {
                SourceKind::Organization
            });
        }
        let body = (start..end).any(|i| {
            w.toks[i].is_capitalized() && lex.organization_nouns.contains(&w.toks[i].lower)
        });
        // "The National Guard", "The FTC", "Keystone Rail Corp.": a name with "the", an
        // acronym or a company suffix is a body; people's names take none of these.
        let the = w.lower(r.start) == "the";
        let company = (start..end).any(|i| is_company_suffix(&w.toks[i].lower));
        if (body || the || is_acronym(&head.text) || company) && !titled {
            return Some(SourceKind::Organization);
        }
        return Some(SourceKind::NamedPerson);
    }
    if lex.titles.contains(&head.lower) {
        return Some(SourceKind::Anonymous);
    }
    None
}

/// The name run `i..k` is set off by commas as an appositive: "Its general counsel, Priya
/// Raman, spoke …" or "Priya Raman, the company's lawyer, spoke …"; not "In Columbus, the …"
/// (a place after a preposition).
fn appositive_name(lex: &Lexicon, w: &Words, i: usize, k: usize) -> bool {
    if k >= w.toks.len() || w.gaps[k] != Gap::Comma || (i > 0 && OPENERS.contains(&w.lower(i - 1)))
    {
        return false;
    }
    let after_comma = i > 0 && w.gaps[i] == Gap::Comma;
    let next = &w.toks[k];
    let opens_appositive = matches!(next.lower.as_str(), "the" | "a" | "an" | "who")
        || next.is_possessive()
        || lex.titles.contains(&next.lower)
        || next.text.starts_with(|c: char| c.is_ascii_digit());
    after_comma || opens_appositive
}

/// The first person named at a clause start of the sentence ("Even Trump seems ...").
pub(crate) fn subject_person(lex: &Lexicon, w: &Words) -> Option<String> {
    let n = w.toks.len();
    let mut i = 0;
    while i < n {
        let clause_start = w.gaps[i] != Gap::Space
            || (i > 0 && matches!(w.lower(i - 1), "that" | "and" | "but"))
            || (i > 0 && w.gaps[i - 1] != Gap::Space && CONNECTIVES.contains(&w.lower(i - 1)))
            || (i == 1 && is_not_name(w.lower(0)))
            // A name right after a lower-case title ("Council member Tom Becker").
            || (i > 0 && w.gaps[i] == Gap::Space && lex.titles.contains(&w.toks[i - 1].lower));
        let t = &w.toks[i];
        // "Under the merger agreement, …": a capitalised function word is no name.
        let function_word = is_not_name(&t.lower)
            || [&OPENERS, &CLAUSE_WORDS, &CONNECTIVES, &DETERMINERS]
                .iter()
                .any(|list| list.contains(&t.lower.as_str()));
        if clause_start && t.is_capitalized() && !function_word {
            // The run: capitalised words, lower-case titles, "of" between capitals.
            let mut k = i;
            while k < n && (k == i || w.gaps[k] == Gap::Space) {
                let x = &w.toks[k];
                let of_cap =
                    x.lower == "of" && w.toks.get(k + 1).is_some_and(Token::is_capitalized);
                if !(x.is_capitalized() || lex.titles.contains(&x.lower) || of_cap) {
                    break;
                }
                k += 1;
            }
            // The name is the run's tail of capitalised non-title words ("Marco Rubio").
            let mut s = k;
            while s > i
                && w.toks[s - 1].is_capitalized()
                && !lex.titles.contains(&w.toks[s - 1].lower)
            {
                s -= 1;
            }
            let followed_by_word = k < n && w.gaps[k] == Gap::Space && !w.toks[k].is_capitalized();
            if s < k
                && (followed_by_word || appositive_name(lex, w, i, k))
                && !w.toks[k - 1].is_possessive()
            {
                let institution = (s..k).any(|x| lex.is_institution_name(w.phrase(&(x..k))))
                    || (s..k).any(|x| {
                        let l = &w.toks[x].lower;
                        lex.organization_nouns.contains(l) || is_company_suffix(l)
                    })
                    || is_acronym(&w.toks[k - 1].text);
                if !institution {
                    return Some(w.phrase(&(s..k)).to_string());
                }
            }
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}
