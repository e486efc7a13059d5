//! Readings added for recall (issue 15), each a small function the cue readings fall back on
//! when the lexicon-driven readings in `source.rs` find nothing: a plain noun-phrase subject
//! whose head the lexicon lacks ("The billionaire developer says", "Shop owners said"), a
//! subject inside a subordinate clause ("…, which he said was …"), headline cues ("Governor
//! Says Bridge Will Reopen"), and a reporting clause that introduces the next sentence
//! ("X said:" before a quotation).

use std::ops::Range;

use super::lexicon::Lexicon;
use super::source::{classify, is_pronoun, titled_name, Words};
use super::text::{self, Gap};
use super::{CueKind, SourceKind};
use crate::lexicon::attribution::{
    ADVERBIAL_OPENERS, APPROXIMATORS, CONNECTIVES, LEADS, NOT_IN_SUBJECT, OPENERS,
    OPENING_DETERMINERS, PHRASE_SUBORDINATORS, QUANTIFIERS, SENTENCE_SUBORDINATORS,
    SUBJECT_PREPOSITIONS, SUBORDINATORS,
};
use crate::lexicon::attribution::{CLAUSE_WORDS, DETERMINERS, TIME_WORDS};
use crate::lexicon::credits::CUE_WORDS;

/// A speaker label opening the sentence: a short capitalised name and a colon, then the
/// words ("TAPPER: Do you think …", "Mayor Ruiz: Bridge Will Reopen"). Returns the name's
/// words and the colon's byte range. `labels` are line labels that name no one ("Update:").
pub(crate) fn speaker_label(
    w: &Words,
    labels: &std::collections::HashSet<String>,
) -> Option<(Range<usize>, Range<usize>)> {
    let n = w.toks.len();
    let j = (1..n.min(6)).find(|&j| w.gaps[j] != Gap::Space)?;
    let between = &w.text[w.toks[j - 1].span.end..w.toks[j].span.start];
    let colon = between.trim_end().trim_end_matches(['“', '"']).trim();
    if colon != ":" || w.text[..w.toks[0].span.start].contains(['“', '"']) {
        return None;
    }
    let name = 0..j;
    let capitalised = name.clone().all(|i| w.toks[i].is_capitalized());
    let first = &w.toks[0].lower;
    let phrase = w.phrase(&name).to_lowercase();
    if !capitalised || labels.contains(first) || labels.contains(&phrase) || is_pronoun(w, 0) {
        return None;
    }
    let at = w.toks[j - 1].span.end + between.find(':')?;
    Some((name, at..at + 1))
}

/// An all-capitals label of five letters or more is a transcript speaker ("TAPPER:"), not an
/// acronym.
pub(crate) fn is_transcript_name(w: &Words, r: &Range<usize>) -> bool {
    let t = w.phrase(r);
    r.len() == 1
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && !t.chars().any(char::is_lowercase)
}

/// A plain subject phrase ending at word `j` that opens its clause: a determiner, a number or
/// a capital first, then at most seven words none of which is a clause or preposition word
/// ("The billionaire real estate magnate", "Twenty-four percent", "Shop owners", "Republican
/// presidential hopeful Donald Trump"). Only for a cue right after it.
pub(crate) fn plain_subject(w: &Words, j: usize) -> Option<Range<usize>> {
    let chunk = w.chunk_start(j);
    if !matches!(w.gaps[chunk], Gap::Start | Gap::QuoteClose | Gap::Comma) {
        return None;
    }
    let mut start = chunk;
    while start < j && LEADS.contains(&w.toks[start].lower.as_str()) {
        start += 1;
    }
    // "While some friends say …", "Even the organizer said …": a subordinator opening the
    // sentence leads the subject of its own clause.
    if w.gaps[chunk] == Gap::Start
        && start < j
        && SENTENCE_SUBORDINATORS.contains(&w.toks[start].lower.as_str())
    {
        start += 1;
    }
    // "…, and some families said": a coordinated clause after a comma may open with "and" or
    // "but" before its subject; other leads after a comma do not.
    let coordinated = start == chunk + 1 && matches!(w.toks[chunk].lower.as_str(), "and" | "but");
    if start > chunk && w.gaps[chunk] == Gap::Comma && !coordinated {
        return None;
    }
    // "These sources, the lawyers said, all …", "On top of that, opponents say, the wage …":
    // a short subject and its cue set off by commas inside the sentence, an aside.
    let aside = w.gaps[chunk] == Gap::Comma
        && j + 1 - start <= 6
        && w.gaps.get(j + 2) == Some(&Gap::Comma)
        && j + 3 < w.toks.len();
    if w.gaps[chunk] == Gap::Comma && start == chunk && !after_opening(w, chunk) && !aside {
        // After a comma only a closing "…, the engineer said": handled by the caller.
        return None;
    }
    let r = start..j + 1;
    // "People in Fort Pierce", "52 percent of registered voters": up to two prepositions
    // inside the phrase, never first or last, make a post-modified subject (a longer one).
    // A listed two-word preposition counts at its second word ("People close to the talks").
    let inner_preposition = |i: usize| {
        i > start && i < j && {
            let (before, word) = (w.toks[i - 1].lower.as_str(), w.toks[i].lower.as_str());
            SUBJECT_PREPOSITIONS
                .iter()
                .any(|&p| p == word || p.split_once(' ') == Some((before, word)))
        }
    };
    let prepositions = r.clone().filter(|&i| inner_preposition(i)).count();
    let limit = if prepositions == 0 { 8 } else { 10 };
    if r.len() > limit || r.is_empty() || prepositions > 2 {
        return None;
    }
    let first = &w.toks[start];
    if ADVERBIAL_OPENERS.contains(&first.lower.as_str()) {
        // "Last summer Ana Soto", "After talks with …": an adverbial, not a subject.
        return None;
    }
    if TIME_WORDS.contains(&first.lower.as_str()) {
        // "Saturday at the convention …": a time, not a subject.
        return None;
    }
    let head = &w.toks[j];
    if DETERMINERS.contains(&head.lower.as_str())
        || OPENING_DETERMINERS.contains(&head.lower.as_str())
    {
        // "in the hopes": the cue word is a noun after its determiner.
        return None;
    }
    // "But critics say": after a lead, a lower-case plural noun phrase of a few words.
    let lower_plural = (start > chunk || aside)
        && r.len() <= 4
        && head.lower.ends_with('s')
        && !NOT_IN_SUBJECT.contains(&first.lower.as_str());
    let digits = |i: usize| w.toks[i].text.starts_with(|c: char| c.is_ascii_digit());
    // "About 9 percent", "More than half of respondents": an approximate figure or share.
    let share = approximate_opening(w, start, j);
    let approximate = |i: usize| (start..start + share).contains(&i);
    let opens = OPENING_DETERMINERS.contains(&first.lower.as_str())
        || first.is_capitalized()
        || digits(start)
        || share > 0
        || lower_plural;
    // "Attorneys and legal experts", "current and former officials", "Jeb Bush and Chris
    // Christie", "journalist and author Hiro Aida": "and" between two nouns or names, not
    // after a verb ("Prices rose and analysts said").
    let inner_and = |i: usize| {
        if i <= start || i >= j {
            return false;
        }
        let prev = &w.toks[i - 1];
        let nominal = prev.is_capitalized()
            || i - 1 == start
            || ["s", "ist", "er", "or", "ian"]
                .iter()
                .any(|x| prev.lower.ends_with(x));
        matches!(w.toks[i].lower.as_str(), "and" | "or")
            && nominal
            && !prev.lower.ends_with("ed")
            && !is_pronoun(w, i + 1)
    };
    let plain = r.clone().all(|i| {
        let t = &w.toks[i];
        (inner_preposition(i)
            || inner_and(i)
            || approximate(i)
            || !NOT_IN_SUBJECT.contains(&t.lower.as_str()))
            && (i == start || !super::source::ends_like_adverb(&t.lower))
    });
    let determiner_only = r.len() == 1 && OPENING_DETERMINERS.contains(&head.lower.as_str());
    // "the governor’s claim": a possessive before the cue makes it a noun.
    let possessive = head.is_possessive();
    (opens && plain && !determiner_only && !possessive && !is_pronoun(w, j)).then_some(r)
}

/// Shares that open a subject of people ("half of those polled", "a third of voters").
const SHARES: [&str; 7] = [
    "half",
    "third",
    "quarter",
    "majority",
    "minority",
    "two-thirds",
    "three-quarters",
];

/// How many words, from `start` and before `end`, open the subject as an approximation: an
/// approximator before a number ("About 9 percent", "more than 60 percent of voters"; the
/// count stops before the number, which the walk reads as it reads any), or before a share
/// and "of" ("More than half of", "about a third of"; the count stops before "of", which the
/// walk reads as a preposition); 0 for none.
fn approximate_opening(w: &Words, start: usize, end: usize) -> usize {
    let word = |i: usize| (i < end).then(|| w.toks[i].lower.as_str());
    let mut k = start;
    if matches!(word(k), Some("more" | "fewer" | "less")) && word(k + 1) == Some("than") {
        k += 2;
    } else if word(k).is_some_and(|l| APPROXIMATORS.contains(&l)) {
        k += 1;
    }
    let number = k > start && k <= end && w.toks[k].text.starts_with(|c: char| c.is_ascii_digit());
    if number {
        return k - start;
    }
    if word(k) == Some("a") {
        k += 1;
    }
    let shared = k > start && word(k).is_some_and(|l| SHARES.contains(&l));
    if shared && word(k + 1) == Some("of") {
        k + 1 - start
    } else {
        0
    }
}

/// "Michael Green, associate professor of history at the state university, said …", "Hicks,
/// his campaign's spokeswoman, added that …", "But Ana Ruiz, whose shop closed in May, which
/// the city denies, said …": the sentence opens with a name set off by a comma, and the cue
/// (word `k`, right after a comma) follows whatever is said about the name, however long,
/// with what was said after the cue. Returns the name's words.
///
/// Only a name: a capitalised run of at most five words (titles and "of" inside), after at
/// most a leading connective or adverbial chunk. Only when the cue does not close the
/// sentence: in "Dale Ruiz, 38, died in May, said his lawyer" the lawyer speaks.
pub(crate) fn opening_name(
    lex: &Lexicon,
    w: &Words,
    k: usize,
    last: usize,
) -> Option<Range<usize>> {
    let n = w.toks.len();
    let separator = |i: usize| w.text[w.toks[i - 1].span.end..w.toks[i].span.start].trim();
    if super::closes_sentence(w, last + 1) || separator(k) != "," {
        return None;
    }
    // "…, died in May, said the couple's lawyer, Ana Ruiz.": a short source phrase set off
    // after the cue is the speaker, inverted.
    let inverted = super::source::right_np(lex, w, last + 1).is_some_and(|r| {
        r.len() <= 6
            && (r.end == n || w.gaps[r.end] == Gap::Comma)
            && classify(lex, w, &r).is_some()
    });
    if inverted {
        return None;
    }
    let chunk_end = |from: usize| {
        (from + 1..n)
            .find(|&i| w.gaps[i] != Gap::Space)
            .unwrap_or(n)
    };
    // "Now, many …": a capitalised opener is no name.
    let opener = |l: &str| {
        [&CONNECTIVES, &OPENERS, &ADVERBIAL_OPENERS, &TIME_WORDS]
            .iter()
            .any(|list| list.contains(&l))
    };
    // The name: capitalised words, titles, "of" inside, after a leading connective.
    let name = |mut start: usize, end: usize| {
        while start + 1 < end && CONNECTIVES.contains(&w.toks[start].lower.as_str()) {
            start += 1;
        }
        let word = |i: usize| {
            let t = &w.toks[i];
            (t.is_capitalized() && !t.is_possessive())
                || lex.titles.contains(&t.lower)
                || (t.lower == "of" && i > start && i + 1 < end)
        };
        let r = start..end;
        // At least one chunk about the name lies between it and the cue.
        let named = end < k
            && separator(end) == ","
            && end - start <= 5
            && r.clone().all(word)
            && w.toks[end - 1].is_capitalized()
            && !super::source::is_not_name_at(w, start)
            && !is_pronoun(w, start)
            && !opener(&w.toks[start].lower)
            && k - end <= 30;
        (named && classify(lex, w, &r) == Some(SourceKind::NamedPerson)).then_some(r)
    };
    let first = chunk_end(0);
    name(0, first).or_else(|| {
        // "Just last week, J.J. Goldberg, editor at large of …, wrote".
        (first < k && super::leading_adverbial(w, 0) && separator(first) == ",")
            .then(|| name(first, chunk_end(first)))
            .flatten()
    })
}

/// The clause chunk starting at word `chunk` follows a dateline dash ("WASHINGTON (AP) — A
/// report said") or a leading adverbial that opens the sentence ("Around that time, …").
fn after_opening(w: &Words, chunk: usize) -> bool {
    if chunk == 0 {
        return false;
    }
    let gap = &w.text[w.toks[chunk - 1].span.end..w.toks[chunk].span.start];
    if text::has_dash(gap) {
        // A dateline: a few words before the dash, the first in capitals ("WASHINGTON (AP) —")
        // or a wire's credit in brackets ("Dec 29 (Reuters) -").
        let first = &w.toks[0].text;
        return (chunk <= 5 && first.len() >= 2 && !first.chars().any(char::is_lowercase))
            || wire_dateline_end(w) == Some(chunk);
    }
    let mut prev = w.chunk_start(chunk - 1);
    // "Among the mayor's supporters, however, 61 percent said": a one-word adverb or
    // connective between the opening and the subject is skipped.
    let one_word = |c: usize| {
        c > 0 && {
            let l = w.toks[c].lower.as_str();
            w.chunk_start(c) == c
                && (c + 1 >= w.toks.len() || w.gaps[c + 1] == Gap::Comma)
                && (CONNECTIVES.contains(&l) || w.is_adverb(c))
        }
    };
    let mut opening_end = chunk;
    if one_word(prev) {
        opening_end = prev;
        prev = w.chunk_start(prev - 1);
    }
    // "Around that time, …", and a subordinate clause: "Though stopping short of …, Carson
    // told", "When the vote ended, officials said".
    let first = w.toks[0].lower.as_str();
    prev == 0
        && opening_end - prev <= 6
        && (ADVERBIAL_OPENERS.contains(&first) || SENTENCE_SUBORDINATORS.contains(&first))
        && gap.trim() == ","
}

/// A dateline with a wire's credit in brackets opens the sentence: "Washington (AFP) – …",
/// "Dec 29 (Reuters) - …". Returns the first word after the dash.
pub(crate) fn wire_dateline_end(w: &Words) -> Option<usize> {
    let n = w.toks.len();
    (1..n.min(6)).find(|&j| {
        let gap = &w.text[w.toks[j - 1].span.end..w.toks[j].span.start];
        let credit = &w.text[w.toks[0].span.start..w.toks[j].span.start];
        gap.contains(['—', '–', '-'])
            && gap.contains(')')
            && credit.contains('(')
            && w.toks[0].is_capitalized()
            && w.toks[j - 1].is_capitalized()
    })
}

/// Forms of "be" and "have" and "not": before a past participle they make it a passive or
/// perfect of the clause they stand in, not a cue of its own.
const AUXILIARIES: [&str; 11] = [
    "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "not",
];

/// A plain subject with a relative clause, ending at word `j` right before a cue: "People who
/// have battled floods before say", "Progressive groups that have endorsed him say". The
/// relative pronoun must be the clause's subject, so an auxiliary or an -ed verb follows it
/// ("that officials say" is the officials' credit, read elsewhere); the clause holds no
/// comma, no quotation and no cue word. Returns the whole phrase.
pub(crate) fn relative_subject(w: &Words, j: usize) -> Option<Range<usize>> {
    let chunk = w.chunk_start(j);
    let relative = |i: usize| matches!(w.toks[i].lower.as_str(), "who" | "that");
    let q = (chunk + 1..j).find(|&i| relative(i))?;
    let verb = &w.toks[q + 1].lower;
    // An auxiliary (a clause word) or a past form right after the pronoun: its own verb.
    let finite = CLAUSE_WORDS.contains(&verb.as_str())
        || (verb.ends_with("ed") && !w.toks[q + 1].is_capitalized());
    let clause_free =
        (q + 1..=j).all(|i| !CUE_WORDS.contains(&w.toks[i].lower.as_str()) && !relative(i));
    // "companies that have not been accused": the cue is the clause's own passive verb.
    let passive = AUXILIARIES.contains(&w.toks[j].lower.as_str());
    if !finite || !clause_free || passive || j - q > 10 {
        return None;
    }
    let head = plain_subject(w, q - 1)?;
    let person = w.toks[q - 1].is_capitalized() || w.toks[q - 1].lower.ends_with('s');
    (head.start == w.chunk_start(q - 1) && person).then_some(head.start..j + 1)
}

/// Whether "to" and a word follow word `last` within fourteen words ("called on the council
/// to act", "called on Gov. Rick Snyder (R) to resign", "called on others who … to return").
pub(crate) fn infinitive_follows(w: &Words, last: usize) -> bool {
    (last + 1..w.toks.len().min(last + 15)).any(|i| w.toks[i].lower == "to" && i + 1 < w.toks.len())
}

/// The kind of a plain subject the lexicon cannot classify: a name with a capital head is a
/// person (the lexicon knows the bodies), anything else is unnamed people.
pub(crate) fn plain_subject_kind(w: &Words, r: &Range<usize>) -> SourceKind {
    let last = &w.toks[r.end - 1];
    // "The suspects charged Monday": a weekday or month is no name.
    if last.is_capitalized() && !super::source::is_not_name(&last.lower) {
        SourceKind::NamedPerson
    } else {
        SourceKind::Anonymous
    }
}

/// A pronoun, a short name or a short noun phrase right after a subordinator, ending at word
/// `j`: the subject of a reporting verb inside a subordinate clause ("which he said was not a
/// prison sentence", "when she said, “…”", "as Smith noted", "which critics said was unfair",
/// "when a reporter asked", "what economists call spending").
///
/// A noun phrase only for a speech cue: "that they think", "because the White House wants"
/// are more often the writer's reasoning than a credited claim.
pub(crate) fn subordinate_subject(
    lex: &Lexicon,
    w: &Words,
    j: usize,
    kind: Option<CueKind>,
) -> Option<Range<usize>> {
    subordinate_name(w, j).or_else(|| {
        (kind == Some(CueKind::Speech))
            .then(|| subordinate_phrase(lex, w, j))
            .flatten()
    })
}

/// A noun phrase of at most five words after a subordinator, ending at word `j`: a determiner,
/// a number or a capital first ("a reporter", "the campaign", "many economists", "Republican
/// contender Dana Voss"), or a plural of up to three words ("critics", "homeland security
/// experts"), or a lone quantifier ("that some say"). No clause or preposition word inside.
fn subordinate_phrase(lex: &Lexicon, w: &Words, j: usize) -> Option<Range<usize>> {
    let head = &w.toks[j];
    if head.is_possessive() || is_pronoun(w, j) {
        return None;
    }
    for start in (j.saturating_sub(4)..=j).rev() {
        if start == 0 || w.gaps[start] != Gap::Space {
            return None;
        }
        if !PHRASE_SUBORDINATORS.contains(&w.toks[start - 1].lower.as_str()) {
            continue;
        }
        let r = start..j + 1;
        let first = &w.toks[start];
        let plain = r.clone().all(|i| {
            let t = &w.toks[i];
            !NOT_IN_SUBJECT.contains(&t.lower.as_str())
                && (t.is_capitalized() || !super::source::ends_like_adverb(&t.lower))
                && (i == start || !DETERMINERS.contains(&t.lower.as_str()))
        });
        let quantifier = r.len() == 1 && QUANTIFIERS.contains(&head.lower.as_str());
        let determined = !OPENING_DETERMINERS.contains(&head.lower.as_str())
            && !DETERMINERS.contains(&head.lower.as_str())
            && (OPENING_DETERMINERS.contains(&first.lower.as_str())
                || DETERMINERS.contains(&first.lower.as_str())
                || first.text.starts_with(|c: char| c.is_ascii_digit())
                || first.is_capitalized());
        let plural = r.len() <= 3 && !head.is_capitalized() && head.lower.ends_with('s');
        let ok = quantifier || determined || plural || titled_name(lex, w, &r);
        return (plain && ok).then_some(r);
    }
    None
}

/// A pronoun or a short name right after a subordinator, ending at word `j`.
fn subordinate_name(w: &Words, j: usize) -> Option<Range<usize>> {
    let start = if is_pronoun(w, j) {
        j
    } else {
        let mut k = j;
        while k > 0 && j - k < 3 && w.toks[k - 1].is_capitalized() && w.gaps[k] == Gap::Space {
            k -= 1;
        }
        if !w.toks[j].is_capitalized() || w.toks[j].is_possessive() {
            return None;
        }
        k
    };
    if start == 0 || w.gaps[start] != Gap::Space {
        return None;
    }
    SUBORDINATORS
        .contains(&w.toks[start - 1].lower.as_str())
        .then_some(start..j + 1)
}

/// The phrase a relative "who" (word `j`) stands for and its kind: the name or noun phrase
/// right before it, set off by a comma ("Mark Ruiz, who said …", "a retired teacher, who
/// said …") or not ("23 percent who say …", "a booker who said …", "lined up with Ruiz, who
/// has said …"). `None` when nothing before it reads as a source ("Among those who said …").
pub(crate) fn relative_antecedent(
    lex: &Lexicon,
    w: &Words,
    j: usize,
) -> Option<(Range<usize>, SourceKind)> {
    if j == 0 || !matches!(w.gaps[j], Gap::Space | Gap::Comma) {
        return None;
    }
    let separator = w.text[w.toks[j - 1].span.end..w.toks[j].span.start].trim();
    if !matches!(separator, "" | ",") {
        return None;
    }
    let e = j - 1;
    let last = &w.toks[e];
    let bare = DETERMINERS.contains(&last.lower.as_str())
        || OPENING_DETERMINERS.contains(&last.lower.as_str())
        || NOT_IN_SUBJECT.contains(&last.lower.as_str())
        || last.is_possessive();
    if bare {
        // "those who", "the ones who": a bare determiner names no one.
        return None;
    }
    let whole = super::source::left_np(lex, w, e)
        .or_else(|| plain_subject(w, e))
        .and_then(|r| Some((r.clone(), classify(lex, w, &r)?)));
    whole.or_else(|| {
        // The phrase inside a longer chunk: a name run, or a few words back to a determiner.
        let mut s = e;
        let name = last.is_capitalized();
        while s > 0 && e - s < 5 && w.gaps[s] == Gap::Space {
            let p = &w.toks[s - 1];
            let keep = if name {
                (p.is_capitalized() && !p.is_possessive()) || lex.titles.contains(&p.lower)
            } else {
                !NOT_IN_SUBJECT.contains(&p.lower.as_str()) && !p.is_possessive()
            };
            // "a booker", "the Mexican president"; not "that" ("show that Cruz, who …").
            let determiner = matches!(p.lower.as_str(), "the" | "a" | "an")
                || (!name && OPENING_DETERMINERS.contains(&p.lower.as_str()) && p.lower != "that");
            if determiner {
                s -= 1;
                break;
            }
            if !keep {
                break;
            }
            s -= 1;
        }
        let r = s..e + 1;
        let first = &w.toks[s];
        let determined = DETERMINERS.contains(&first.lower.as_str())
            || OPENING_DETERMINERS.contains(&first.lower.as_str())
            || first.text.starts_with(|c: char| c.is_ascii_digit());
        let kind = classify(lex, w, &r);
        if name && !super::source::is_not_name(&w.toks[e].lower) {
            return kind.map(|k| (r, k));
        }
        (determined || last.lower.ends_with('s'))
            .then(|| (r.clone(), kind.unwrap_or(SourceKind::Anonymous)))
    })
}

/// Does the subject starting at word `start` open a subordinate clause inside the sentence
/// ("…, which critics said was unfair", "when a reporter asked")? "as" leads a reporting
/// clause that credits the whole sentence ("As the Times reported, …") and does not count.
pub(crate) fn after_subordinator(w: &Words, start: usize) -> bool {
    start > 0
        && w.gaps[start] == Gap::Space
        && w.toks[start - 1].lower != "as"
        && SUBORDINATORS.contains(&w.toks[start - 1].lower.as_str())
}

/// "I think", "we know", "you want": a thought verb whose subject is the first or second
/// person outside quotation marks is the writer musing (or a transcript's speaker), not a
/// claim credited to anyone the sentence names.
pub(crate) fn writer_thought(w: &Words, r: &Range<usize>, kind: Option<CueKind>) -> bool {
    kind == Some(CueKind::Thought)
        && r.len() == 1
        && matches!(w.toks[r.start].lower.as_str(), "i" | "we" | "you")
}

/// "wants to say more", "plans to run": a thought verb before "to" states what the subject
/// means to do, not a claim about the world; no attribution.
pub(crate) fn own_intention(w: &Words, last: usize, kind: Option<CueKind>) -> bool {
    kind == Some(CueKind::Thought)
        && w.toks
            .get(last + 1)
            .is_some_and(|t| t.lower == "to" && w.gaps[last + 1] == Gap::Space)
}

/// A time adjunct between a subject and its cue, ending right before word `k`: "Clinton on
/// Tuesday said", "The mayor Monday night told", "Officials last week said", "Smith earlier
/// this month wrote", "He yesterday said". Returns its first word, when a word stands right
/// before it to be the subject.
pub(crate) fn time_adjunct_before(w: &Words, k: usize) -> Option<usize> {
    let spaced = |a: usize, b: usize| (a + 1..=b).all(|i| w.gaps[i] == Gap::Space);
    let lower = |i: usize| w.toks[i].lower.as_str();
    let weekday = |i: usize| {
        w.toks[i].is_capitalized() && crate::lexicon::calendar::WEEKDAYS.contains(&lower(i))
    };
    let period = |i: usize| {
        !w.toks[i].is_capitalized()
            && matches!(
                lower(i),
                "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "summer"
                    | "spring"
                    | "fall"
                    | "winter"
            )
    };
    if k < 2 {
        return None;
    }
    let end = k - 1;
    let mut start = end;
    if weekday(end) {
        // "Tuesday", "on Tuesday", "last Tuesday"
    } else if period(end) && end >= 1 && weekday(end - 1) {
        start = end - 1; // "Monday night"
    } else if period(end)
        && end >= 1
        && matches!(lower(end - 1), "last" | "this" | "next" | "that")
        && !w.toks[end - 1].is_capitalized()
    {
        start = end - 1; // "last week"
        if start >= 1 && matches!(lower(start - 1), "earlier" | "later") {
            start -= 1; // "earlier this week"
        }
    } else if matches!(lower(end), "yesterday" | "today" | "tonight")
        && !w.toks[end].is_capitalized()
    {
        // "yesterday"
    } else {
        return None;
    }
    if weekday(start)
        && start >= 1
        && matches!(lower(start - 1), "on" | "last" | "late" | "early" | "this")
    {
        start -= 1;
    }
    // "The report released Tuesday said": the time belongs to the participle.
    let before = &w.toks[start.checked_sub(1)?];
    if !before.is_capitalized() && before.lower.ends_with("ed") {
        return None;
    }
    // "Rep. Mark Tully (R-Ohio) Tuesday said": a party tag's bracket may close before it.
    let after_tag = w.gaps[start] == Gap::Comma && super::source::is_party_tag(&before.text);
    (spaced(start, k) && (w.gaps[start] == Gap::Space || after_tag)).then_some(start)
}

/// "is", "are", "was", "were" right before a progressive cue ("is telling", "was saying").
pub(crate) fn is_be_aux(w: &Words, i: usize) -> bool {
    w.gaps.get(i + 1) == Some(&Gap::Space)
        && matches!(w.toks[i].lower.as_str(), "is" | "are" | "was" | "were")
}

/// The kind of what follows "according to" when the lexicon does not know its head: whatever
/// it is, it is credited. A capitalised head names a person or a body ("according to Dana
/// Voss"), an object pronoun is a pronoun ("according to him"), anything else is a record or
/// a tally ("according to the results", "according to a count by the AP", "according to state
/// law").
pub(crate) fn according_kind(w: &Words, r: &Range<usize>) -> Option<SourceKind> {
    let first = &w.toks[r.start];
    if r.len() == 1 && matches!(first.lower.as_str(), "him" | "her" | "them" | "us" | "me") {
        return Some(SourceKind::Pronoun);
    }
    // "according to their instinctive preference": a possessive names no source the lexicon
    // does not know.
    if first.text.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            first.lower.as_str(),
            "their" | "his" | "her" | "its" | "our" | "my" | "your"
        )
    {
        return None;
    }
    let head = &w.toks[r.end - 1];
    Some(if head.is_capitalized() && r.len() <= 4 {
        SourceKind::NamedPerson
    } else {
        SourceKind::Document
    })
}

/// A verb of naming ("called", "calls") is a cue only when what was said follows it: a
/// quotation after at least one word ("called the plan “reckless”"), or a pronoun object and
/// a description ("called it a mistake"). A quotation right after the verb is a name ("a group
/// called “Voters First”"), and "so-called" is never a cue.
pub(crate) fn names_something(w: &Words, first: usize, last: usize) -> bool {
    let t = &w.toks[first];
    if w.text[..t.span.start].to_lowercase().ends_with("so-") {
        return false;
    }
    let n = w.toks.len();
    if last + 1 >= n || w.gaps[last + 1] != Gap::Space {
        return false;
    }
    let quoted = (last + 2..n.min(last + 10)).find(|&i| w.gaps[i] != Gap::Space);
    if quoted.is_some_and(|i| w.gaps[i] == Gap::QuoteOpen) {
        return true;
    }
    let object = matches!(
        w.toks[last + 1].lower.as_str(),
        "it" | "him" | "her" | "them" | "this" | "himself" | "herself" | "themselves"
    );
    object
        && w.toks.get(last + 2).is_some_and(|d| {
            matches!(d.lower.as_str(), "a" | "an" | "the") && w.gaps[last + 2] == Gap::Space
        })
}

/// Is the sentence a headline: no closing punctuation and most longer words capitalised
/// ("Governor Says Bridge Will Reopen")? In a headline a capitalised cue is still a cue.
pub(crate) fn is_headline(w: &Words) -> bool {
    let text = w.text.trim_end();
    let long: Vec<bool> = w
        .toks
        .iter()
        .filter(|t| t.text.chars().count() >= 4)
        .map(|t| t.is_capitalized())
        .collect();
    let capitals = long.iter().filter(|&&c| c).count();
    if text.ends_with('.') && !text.ends_with("..") {
        // Feeds often add a full stop to a headline ("Pence Announces Plans For Tax Returns."):
        // then every long word must be capitalised, which running prose never is.
        return long.len() >= 4 && capitals == long.len();
    }
    if text.ends_with(['.', '!', '?', '”', '"', ':', ';', ',']) {
        return false;
    }
    long.len() >= 3 && capitals * 4 >= long.len() * 3
}

/// In a headline every word is capitalised, so the subject walk cannot see where a name ends:
/// a cue read there counts only when its source ends on a name, not on a capitalised adverb or
/// verb ("GOP Candidates Resoundingly Reject", "Donald Trump Just Revealed", "Bernie Sanders Is
/// Fundraising For State …").
pub(crate) fn headline_subject(w: &Words, c: &super::Candidate) -> bool {
    let cue = w.text[c.cue.clone()].to_lowercase();
    let Some(src) = &c.source else {
        return true;
    };
    let last = &w.toks[src.words.end - 1].lower;
    let verbish = matches!(
        last.as_str(),
        "just" | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "also" | "for" | "of"
    ) || super::source::ends_like_adverb(last)
        || last.ends_with("ing");
    !verbish && !matches!(cue.as_str(), "state" | "states" | "stated")
}

/// Does a sentence introduce the next one as what its source said: a reporting clause that
/// ends the sentence with a colon ("Smith said:", "In a statement, the ministry said:")?
pub(crate) fn introduces_next(text: &str, cue_end: usize) -> bool {
    let rest = text[cue_end.min(text.len())..].trim();
    let t = text.trim_end();
    t.ends_with(':') && rest.len() <= 40 && !rest.contains(['“', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str, j: usize) -> Option<String> {
        let w = Words::new(s);
        plain_subject(&w, j).map(|r| w.phrase(&r).to_string())
    }

    #[test]
    fn plain_subjects_are_whole_phrases() {
        assert_eq!(
            plain(
                "The billionaire real estate developer says the tower will rise.",
                4
            ),
            Some("The billionaire real estate developer".into())
        );
        assert_eq!(
            plain("Shop owners said sales fell.", 1),
            Some("Shop owners".into())
        );
        assert_eq!(
            plain("Twenty-four percent said they would vote.", 1),
            Some("Twenty-four percent".into())
        );
        assert_eq!(
            plain(
                "Republican presidential hopeful Dana Voss says taxes will fall.",
                4
            ),
            Some("Republican presidential hopeful Dana Voss".into())
        );
    }

    #[test]
    fn a_subject_after_a_dateline_or_a_leading_adverbial() {
        assert_eq!(
            plain("Around that time, 47 percent said they would vote.", 4),
            Some("47 percent".into())
        );
        assert_eq!(
            plain(
                "MILLBROOK (AP) — A news report published Wednesday said the mill would close.",
                6
            ),
            Some("A news report published Wednesday".into())
        );
        assert_eq!(plain("The mill closed, a news report said.", 5), None);
        assert_eq!(
            plain(
                "He knew of it on Nov. 18 – the same day Axios reported it.",
                10
            ),
            None
        );
    }

    #[test]
    fn clauses_and_prepositions_are_not_plain_subjects() {
        assert_eq!(
            plain("After the vote in the city the mayor said no.", 7),
            None
        );
        assert_eq!(plain("It is what the mayor said.", 4), None);
        assert_eq!(plain("The team that won said thanks.", 3), None);
    }

    #[test]
    fn a_subordinate_clause_has_its_own_subject() {
        let w = Words::new("He asked for a fine, which he said was fair.");
        assert_eq!(
            subordinate_subject(&Lexicon::builtin(), &w, 6, None),
            Some(6..7)
        );
        let w = Words::new("The plan failed, as Ruth Olsen noted.");
        assert_eq!(
            subordinate_subject(&Lexicon::builtin(), &w, 5, None).map(|r| w.phrase(&r).to_string()),
            Some("Ruth Olsen".into())
        );
        let w = Words::new("Then the mayor said no.");
        assert_eq!(subordinate_subject(&Lexicon::builtin(), &w, 2, None), None);
    }

    #[test]
    fn the_writers_own_thoughts_are_no_attribution() {
        let w = Words::new("I think the bridge will reopen.");
        assert!(writer_thought(&w, &(0..1), Some(CueKind::Thought)));
        assert!(!writer_thought(&w, &(0..1), Some(CueKind::Speech)));
        let w = Words::new("She thinks the bridge will reopen.");
        assert!(!writer_thought(&w, &(0..1), Some(CueKind::Thought)));
    }

    #[test]
    fn headlines_are_title_case_without_a_full_stop_or_all_capitals() {
        assert!(is_headline(&Words::new("Governor Says Bridge Will Reopen")));
        assert!(!is_headline(&Words::new(
            "Governor Says Bridge will reopen soon."
        )));
        // With a full stop, only when every long word is capitalised.
        assert!(is_headline(&Words::new(
            "Governor Says Bridge Will Reopen Before Winter."
        )));
        assert!(!is_headline(&Words::new(
            "Governor Says the bridge Will Reopen Before Winter."
        )));
        assert!(!is_headline(&Words::new(
            "The governor says the bridge will reopen"
        )));
    }

    #[test]
    fn a_colon_introduces_the_next_sentence() {
        let s = "In a statement, the ministry said:";
        assert!(introduces_next(s, s.len() - 1));
        let s = "The ministry said the bridge would reopen.";
        assert!(!introduces_next(s, 17));
    }
}
