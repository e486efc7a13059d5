//! Sentence boundaries inside one paragraph: the rules.
//!
//! A hand-written scanner, linear in the paragraph's length: one pass collects the few bytes
//! that matter (terminators, quotes, brackets, bullets) as events, a second pass pairs quotes
//! and brackets, a third decides at each terminator. Every look-around is bounded, so no input
//! can make it hang; it slices only at char boundaries, so no input can make it panic.

use super::lexicon::{Kind, Lexicon};

/// Longest word (bytes) looked at behind a period; longer tokens are ordinary words.
const MAX_BACK: usize = 64;
/// How far after a closing quote an attribution's speech verb is looked for.
const MAX_ATTRIBUTION: usize = 160;
/// How many words after a closing quote may come before the speech verb.
const MAX_ATTRIBUTION_WORDS: usize = 6;
/// A sentence ending in an ambiguous abbreviation needs at least this many words ("At 5 a.m."
/// is a fronted adverbial, not a sentence).
const MIN_WORDS_BEFORE_ABBREVIATION_END: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ev {
    Dot,
    Bang,
    Ellipsis,
    QuoteOpen,
    QuoteClose,
    QuoteStraight,
    ParenOpen(u8),
    ParenClose(u8),
    Bullet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Unpaired,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Event {
    pos: usize,
    len: usize,
    ev: Ev,
    role: Role,
    /// For quotes: the pair is followed by its attribution, so nothing inside ends a sentence.
    protect: bool,
}

/// Buffers reused from paragraph to paragraph.
#[derive(Default)]
pub(crate) struct Scratch {
    events: Vec<Event>,
    stack: Vec<usize>,
}

/// Bytes that can start an event; everything else is skipped by one table lookup.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let list = b".!?\"()[]{}";
    let mut i = 0;
    while i < list.len() {
        t[list[i] as usize] = true;
        i += 1;
    }
    t[0xE2] = true; // “ ” „ … ‽ • ⁃ ‣ ◦ ▪ ●
    t[0xC2] = true; // « »
    t
};

fn classify(b: &[u8], i: usize, end: usize) -> Option<(Ev, usize)> {
    let ev = match b[i] {
        b'.' => Ev::Dot,
        b'!' | b'?' => Ev::Bang,
        b'"' => Ev::QuoteStraight,
        c @ (b'(' | b'[' | b'{') => Ev::ParenOpen(c),
        b')' => Ev::ParenClose(b'('),
        b']' => Ev::ParenClose(b'['),
        b'}' => Ev::ParenClose(b'{'),
        0xE2 if i + 2 < end => {
            let ev = match (b[i + 1], b[i + 2]) {
                (0x80, 0x9C) | (0x80, 0x9E) => Ev::QuoteOpen,
                (0x80, 0x9D) => Ev::QuoteClose,
                (0x80, 0xA6) => Ev::Ellipsis,
                (0x80, 0xBD) => Ev::Bang,
                (0x80, 0xA2)
                | (0x81, 0x83)
                | (0x80, 0xA3)
                | (0x97, 0xA6)
                | (0x96, 0xAA)
                | (0x97, 0x8F) => Ev::Bullet,
                _ => return None,
            };
            return Some((ev, 3));
        }
        0xC2 if i + 1 < end => {
            let ev = match b[i + 1] {
                0xAB => Ev::QuoteOpen,
                0xBB => Ev::QuoteClose,
                _ => return None,
            };
            return Some((ev, 2));
        }
        _ => return None,
    };
    Some((ev, 1))
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '●')
}

/// Characters that end the word read behind a period ("Canada—Sens." reads "Sens").
fn is_word_delim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '—' | '–' | '-' | '/' | '(' | '[' | '{' | '"' | '“' | '‘' | '«' | '„' | '…'
        )
        || is_bullet(c)
}

/// Characters that may follow a terminator and still belong to its sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»')
}

/// Characters that may open the next sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '„')
}

/// Personal titles that start a sentence even right after an abbreviation ("…at 6 P.M. Mr.").
fn is_personal_title(word: &str) -> bool {
    matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Messrs" | "Mmes")
}

/// `a.m` or `p.m` in any case (the final period already cut off).
fn is_clock_suffix(word: &str) -> bool {
    word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m")
}

/// Words that may follow a clock time inside its sentence: days, zones, "Local" (months are
/// in the abbreviation list).
fn is_time_qualifier(word: &str) -> bool {
    use crate::lexicon::calendar::TIME_QUALIFIERS;
    TIME_QUALIFIERS.contains(&word) || is_capitalised_weekday(word)
}

/// "Monday" (not "monday", not "MONDAY"), as the old literal list spelled the days.
fn is_capitalised_weekday(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && crate::lexicon::calendar::WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(word))
}

/// A dotted acronym such as `U.S`, `J.D`, `a.m`, `Ph.D` (the final period already cut off).
fn is_dotted(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
    Other,
}

/// The token after a candidate boundary.
struct Next<'a> {
    class: Class,
    /// Its leading letters.
    word: &'a str,
    /// The character right after those letters.
    after: Option<char>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Dot,
    DotParen,
    Paren,
}

/// A list detected at the start of a paragraph; its later items start new sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    None,
    Bullet(char),
    Numbered(Style, u32),
    Lettered(Style, u8),
}

/// Counts the words of the current sentence, incrementally and only up to what is needed.
struct Words {
    pos: usize,
    count: usize,
    in_word: bool,
}

impl Words {
    fn new(pos: usize) -> Words {
        Words {
            pos,
            count: 0,
            in_word: false,
        }
    }

    fn up_to(&mut self, bytes: &[u8], to: usize) -> usize {
        while self.pos < to && self.count < MIN_WORDS_BEFORE_ABBREVIATION_END {
            let space = bytes[self.pos].is_ascii_whitespace();
            if !space && !self.in_word {
                self.count += 1;
            }
            self.in_word = !space;
            self.pos += 1;
        }
        self.count
    }
}

/// Finds the sentence cuts inside the paragraph `text[start..end]` (trimmed, non-empty) and
/// appends them to `cuts`: increasing byte offsets strictly between `start` and `end`.
pub(crate) fn find_cuts(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    scratch: &mut Scratch,
    cuts: &mut Vec<usize>,
) {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        start,
        end,
        lex,
        list: List::None,
        sent_start: start,
        words: Words::new(start),
        cuts,
    };
    scan.list = scan.detect_list();
    scan.collect(&mut scratch.events);
    scan.pair(&mut scratch.events, &mut scratch.stack);
    scan.decide(&scratch.events);
}

struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    start: usize,
    end: usize,
    lex: &'a Lexicon,
    list: List,
    sent_start: usize,
    words: Words,
    cuts: &'a mut Vec<usize>,
}

impl<'a> Scan<'a> {
    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        self.text[i..self.end].chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        if i <= self.start {
            return None;
        }
        self.text[self.start..i].chars().next_back()
    }

    fn cut(&mut self, at: usize) {
        let last = self
            .cuts
            .last()
            .copied()
            .unwrap_or(self.start)
            .max(self.start);
        if at > last && at < self.end {
            self.cuts.push(at);
            self.sent_start = at;
            self.words = Words::new(at);
        }
    }

    /// Pass 1: the positions of every byte that may matter.
    fn collect(&self, events: &mut Vec<Event>) {
        events.clear();
        let b = self.bytes;
        let mut i = self.start;
        while i < self.end {
            if INTERESTING[b[i] as usize] {
                if let Some((ev, len)) = classify(b, i, self.end) {
                    events.push(Event {
                        pos: i,
                        len,
                        ev,
                        role: Role::Unpaired,
                        protect: false,
                    });
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Pass 2: pairs brackets (a stack) and double quotes (curly, straight or mixed).
    fn pair(&self, events: &mut [Event], stack: &mut Vec<usize>) {
        stack.clear();
        let mut open_quote: Option<usize> = None;
        for k in 0..events.len() {
            let e = events[k];
            match e.ev {
                Ev::ParenOpen(_) => stack.push(k),
                Ev::ParenClose(opener) => {
                    if let Some(&top) = stack.last() {
                        if events[top].ev == Ev::ParenOpen(opener) {
                            stack.pop();
                            events[top].role = Role::Open;
                            events[k].role = Role::Close;
                        }
                    }
                }
                Ev::QuoteOpen => open_quote = Some(k),
                Ev::QuoteClose => {
                    if let Some(o) = open_quote.take() {
                        self.pair_quotes(events, o, k);
                    }
                }
                Ev::QuoteStraight => {
                    let prev = self.char_before(e.pos);
                    let next = self.char_at(e.pos + 1);
                    let open_like = prev.is_none_or(|c| {
                        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-')
                    }) && next.is_some_and(|c| !c.is_whitespace());
                    let close_like = prev.is_some_and(|c| !c.is_whitespace())
                        && next.is_none_or(|c| {
                            c.is_whitespace() || c.is_ascii_punctuation() || "—–”’".contains(c)
                        });
                    match open_quote {
                        Some(_) if open_like && !close_like => open_quote = Some(k),
                        Some(o) => {
                            open_quote = None;
                            self.pair_quotes(events, o, k);
                        }
                        None if close_like && !open_like => {}
                        None => open_quote = Some(k),
                    }
                }
                Ev::Dot | Ev::Bang | Ev::Ellipsis | Ev::Bullet => {}
            }
        }
    }

    fn pair_quotes(&self, events: &mut [Event], open: usize, close: usize) {
        let protect = self.attributed(events[close].pos, events[close].len);
        for (k, role) in [(open, Role::Open), (close, Role::Close)] {
            events[k].role = role;
            events[k].protect = protect;
        }
    }

    /// Whether a quote closing at `pos` is followed by its attribution or by more of the same
    /// sentence (`,"` / `," he said` / `." she said` / `?" Smith asked`), so that nothing
    /// inside it ends a sentence.
    fn attributed(&self, pos: usize, len: usize) -> bool {
        if matches!(
            self.char_before(pos),
            Some(',' | '—' | '–' | '-' | ';' | ':')
        ) {
            return true;
        }
        let after = pos + len;
        let rest = &self.text[after..self.end];
        let trimmed = rest.trim_start();
        let Some(c) = trimmed.chars().next() else {
            return false;
        };
        if trimmed.len() == rest.len() || c.is_lowercase() {
            return true; // `”.` `”,` `”s` or `" she said`
        }
        if !c.is_alphabetic() {
            return matches!(c, '—' | '–' | '-' | '(' | ',' | ';' | ':');
        }
        // `“Why now?” Smith asked.` is one sentence; after `."` news starts a new one even when
        // it has its own speech verb (`."` + `Officials said …`), and so does a capitalised
        // pronoun or function word (`?”` + `He said …`).
        let asks = matches!(self.char_before(pos), Some('?' | '!' | '‽'));
        asks && !self
            .next_token(after)
            .is_some_and(|n| self.starts_sentence(&n))
            && self.speech_verb_follows(after)
    }

    fn speech_verb_follows(&self, from: usize) -> bool {
        let to = floor_boundary(self.text, (from + MAX_ATTRIBUTION).min(self.end));
        let window = &self.text[from..to];
        for raw in window.split_whitespace().take(MAX_ATTRIBUTION_WORDS) {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if self.lex.is_speech_verb(word) {
                return true;
            }
            let ends = raw.ends_with(['.', '!', '?']);
            if ends && self.lex.abbreviation(word).is_none() {
                return false;
            }
        }
        false
    }

    fn detect_list(&self) -> List {
        let Some(first) = self.char_at(self.start) else {
            return List::None;
        };
        if is_bullet(first) {
            return List::Bullet(first);
        }
        let b = self.bytes;
        let mut i = self.start;
        while i < self.end && i - self.start < 3 && b[i].is_ascii_digit() {
            i += 1;
        }
        if i > self.start {
            let n: u32 = self.text[self.start..i].parse().unwrap_or(0);
            return self
                .style_at(i)
                .map_or(List::None, |s| List::Numbered(s, n + 1));
        }
        if b[i].is_ascii_lowercase() {
            return self
                .style_at(i + 1)
                .map_or(List::None, |s| List::Lettered(s, b[i] + 1));
        }
        List::None
    }

    /// The list-marker punctuation at `i` (`.`, `.)`, `)`) if whitespace or the end follows.
    fn style_at(&self, i: usize) -> Option<Style> {
        let b = self.bytes;
        let (style, after) = match b.get(i)? {
            b'.' if b.get(i + 1) == Some(&b')') => (Style::DotParen, i + 2),
            b'.' => (Style::Dot, i + 1),
            b')' => (Style::Paren, i + 1),
            _ => return None,
        };
        (after >= self.end || b[after].is_ascii_whitespace()).then_some(style)
    }

    /// At marker punctuation `p`: if the token before it is the list's next item, cut there.
    fn list_item(&mut self, p: usize) {
        let (style, want) = match self.list {
            List::Numbered(s, n) => (s, Some(n)),
            List::Lettered(s, _) => (s, None),
            _ => return,
        };
        if self.style_at(p) != Some(style) {
            return;
        }
        let b = self.bytes;
        let mut ts = p;
        while ts > self.start && p - ts < 3 && b[ts - 1].is_ascii_alphanumeric() {
            ts -= 1;
        }
        if ts == self.start || ts == p || !b[ts - 1].is_ascii_whitespace() {
            return;
        }
        let token = &self.text[ts..p];
        let next = match (self.list, want) {
            (List::Numbered(s, n), Some(w)) if token.parse::<u32>().ok() == Some(w) => {
                List::Numbered(s, n + 1)
            }
            (List::Lettered(s, l), _) if token.as_bytes() == [l] => List::Lettered(s, l + 1),
            _ => return,
        };
        self.list = next;
        self.cut(ts);
    }

    /// Pass 3: walks the events in order, keeping bracket depth and protected-quote depth.
    fn decide(&mut self, events: &[Event]) {
        let mut paren_depth = 0usize;
        let mut quote_depth = 0usize;
        let mut i = 0;
        while i < events.len() {
            let e = events[i];
            i += 1;
            match e.ev {
                Ev::ParenOpen(_)
                | Ev::ParenClose(_)
                | Ev::QuoteOpen
                | Ev::QuoteClose
                | Ev::QuoteStraight => {
                    track(&e, &mut paren_depth, &mut quote_depth);
                    if e.ev == Ev::ParenClose(b'(') {
                        self.list_item(e.pos);
                    }
                }
                Ev::Bullet => {
                    let c = self.char_at(e.pos);
                    let spaced = self.char_before(e.pos).is_some_and(char::is_whitespace);
                    if matches!(self.list, List::Bullet(b) if Some(b) == c) && spaced {
                        self.cut(e.pos);
                    }
                }
                Ev::Dot | Ev::Bang | Ev::Ellipsis => {
                    if e.ev == Ev::Dot {
                        self.list_item(e.pos);
                    }
                    let in_quote = quote_depth > 0;
                    let (q, cut) = self.terminator(e.pos);
                    while i < events.len() && events[i].pos < q {
                        track(&events[i], &mut paren_depth, &mut quote_depth);
                        i += 1;
                    }
                    if let Some(at) = cut {
                        if !in_quote && paren_depth == 0 {
                            self.cut(at);
                        }
                    }
                }
            }
        }
    }

    /// Reads the terminator run at `p` and what follows; returns the end of the run with its
    /// closing quotes and brackets, and where to cut if this is a sentence end.
    fn terminator(&mut self, p: usize) -> (usize, Option<usize>) {
        let b = self.bytes;
        let end = self.end;
        let (mut r, mut dots, mut bangs) = (p, 0usize, 0usize);
        while r < end {
            match b[r] {
                b'.' => dots += 1,
                b'!' | b'?' => bangs += 1,
                0xE2 if r + 2 < end && b[r + 1] == 0x80 && b[r + 2] == 0xA6 => {
                    dots += 3;
                    r += 3;
                    continue;
                }
                0xE2 if r + 2 < end && b[r + 1] == 0x80 && b[r + 2] == 0xBD => {
                    bangs += 1;
                    r += 3;
                    continue;
                }
                _ => break,
            }
            r += 1;
        }
        // A spaced ellipsis: ". . ." (omission, no end) or ". . . ." (an end).
        if dots == 1
            && bangs == 0
            && b[p] == b'.'
            && r + 1 < end
            && b[r] == b' '
            && b[r + 1] == b'.'
        {
            return self.spaced_ellipsis(p);
        }
        let q = self.closers(r);
        if q >= end {
            return (q, None);
        }
        if !self.char_at(q).is_some_and(char::is_whitespace) {
            let glued = dots == 1 && bangs == 0 && q == p + 1 && self.glued_end(p);
            return (q, glued.then_some(q));
        }
        let Some(next) = self.next_token(q) else {
            return (q, None);
        };
        if bangs > 0 {
            return (q, (next.class != Class::Lower).then_some(q));
        }
        if dots > 1 {
            let ends = next.class == Class::Upper
                && !self.bracketed(p, r)
                && (dots >= 4 || self.starts_sentence(&next));
            return (q, ends.then_some(q));
        }
        (q, self.period_ends(p, &next).then_some(q))
    }

    fn spaced_ellipsis(&mut self, p: usize) -> (usize, Option<usize>) {
        let b = self.bytes;
        let (mut k, mut dots) = (p, 1);
        while k + 2 < self.end && b[k + 1] == b' ' && b[k + 2] == b'.' {
            k += 2;
            dots += 1;
        }
        let q = self.closers(k + 1);
        let upper = q < self.end
            && self.char_at(q).is_some_and(char::is_whitespace)
            && self.next_token(q).is_some_and(|n| n.class == Class::Upper);
        if dots < 4 || !upper {
            return (q, None);
        }
        let glued = self.char_before(p).is_some_and(|c| !c.is_whitespace());
        // "compounds. . . . The": the period ends the sentence, ". . ." opens the next one.
        (q, Some(if glued { p + 1 } else { q }))
    }

    fn closers(&self, mut r: usize) -> usize {
        while let Some(c) = self.char_at(r) {
            if !is_closer(c) {
                break;
            }
            r += c.len_utf8();
        }
        r
    }

    /// The token after the whitespace at `q`, past any opening quotes and brackets.
    fn next_token(&self, q: usize) -> Option<Next<'a>> {
        let rest = &self.text[q..self.end];
        let rest = rest.trim_start();
        let rest = rest.trim_start_matches(is_opener);
        let first = rest.chars().next()?;
        let class = if first.is_uppercase() {
            Class::Upper
        } else if first.is_lowercase() {
            Class::Lower
        } else if first.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        };
        let mut len = 0;
        for (i, c) in rest.char_indices() {
            if !c.is_alphabetic() || i >= MAX_BACK {
                break;
            }
            len = i + c.len_utf8();
        }
        Some(Next {
            class,
            word: &rest[..len],
            after: rest[len..].chars().next(),
        })
    }

    /// Whether the capitalised next word is one that starts sentences.
    fn starts_sentence(&self, next: &Next) -> bool {
        if next.class != Class::Upper || !self.lex.is_starter(next.word) {
            return false;
        }
        match next.after {
            Some('.') => is_personal_title(next.word),
            Some('-') => false,
            _ => true,
        }
    }

    /// The word behind the period at `p`, where it starts, and whether it was read whole.
    fn word_before(&self, p: usize) -> (usize, &'a str, bool) {
        let floor = self.sent_start.max(p.saturating_sub(MAX_BACK));
        let mut ws = p;
        let mut complete = false;
        while let Some(c) = self.char_before(ws) {
            if is_word_delim(c) {
                complete = true;
                break;
            }
            if ws - c.len_utf8() < floor {
                break;
            }
            ws -= c.len_utf8();
        }
        if ws <= self.sent_start {
            complete = true; // "Tuesday.Mr." after a glued cut reads "Mr"
        }
        let word = self.text[ws..p].trim_start_matches(['\'', '’']);
        (p - word.len(), word, complete)
    }

    /// The whitespace-delimited word before the word starting at `ws`, within the sentence
    /// and [`MAX_BACK`] bytes.
    fn previous_word(&self, ws: usize) -> Option<&'a str> {
        let mut lo = self.sent_start.max(ws.saturating_sub(MAX_BACK));
        while !self.text.is_char_boundary(lo) {
            lo += 1;
        }
        if lo >= ws {
            return None;
        }
        self.text[lo..ws].split_whitespace().next_back()
    }

    /// Whether the word before `ws` starts with a lower-case letter ("you and I.").
    fn previous_word_is_lowercase(&self, ws: usize) -> bool {
        self.previous_word(ws)
            .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
            .is_some_and(char::is_lowercase)
    }

    /// Whether the word before `ws` is a capitalised word ending with a comma ("Milpitas,").
    fn after_comma(&self, ws: usize) -> bool {
        self.previous_word(ws)
            .is_some_and(|w| w.ends_with(',') && w.starts_with(|c: char| c.is_uppercase()))
    }

    /// A list marker ("2." "b." "⁃10.") opening the current sentence of a list paragraph.
    fn is_list_marker(&self, ws: usize, word: &str) -> bool {
        if self.list == List::None || ws < self.sent_start || ws - self.sent_start > 16 {
            return false;
        }
        let lead = &self.text[self.sent_start..ws];
        let marker = (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
            || word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic();
        marker && lead.chars().all(|c| c.is_whitespace() || is_bullet(c))
    }

    /// The rules for a single period followed by whitespace and `next`.
    fn period_ends(&mut self, p: usize, next: &Next) -> bool {
        let (ws, word, complete) = self.word_before(p);
        if !complete {
            return next.class != Class::Lower;
        }
        let abbreviation = self.lex.abbreviation(word);
        match next.class {
            Class::Lower => false,
            Class::Digit => {
                let short = word.chars().count() <= 2 && !word.bytes().all(|b| b.is_ascii_digit());
                abbreviation.is_none() && !is_dotted(word) && !short
            }
            Class::Upper | Class::Other => {
                if self.is_list_marker(ws, word) {
                    return false;
                }
                let mut chars = word.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if c.is_uppercase() {
                        // An initial ("Alfred P. Murrah", not the "p." of pages) unless a
                        // pronoun-like "and I." ends the sentence.
                        return self.previous_word_is_lowercase(ws) && self.starts_sentence(next);
                    }
                }
                if is_clock_suffix(word) && self.previous_word_is_number(ws) {
                    return self.clock_end(p, next);
                }
                match abbreviation {
                    Some(Kind::Title) => return false,
                    Some(Kind::Number) => return true,
                    Some(Kind::Other) if !word.contains('.') && self.after_comma(ws) => {
                        // "…in Milpitas, Calif. Perkins also had": a place or company name
                        // closed by its abbreviation ends the sentence before any capital,
                        // but not before a wire credit: "MILPITAS, Calif. (Reuters) —".
                        return next.class == Class::Upper && !self.wire_credit_follows(p);
                    }
                    Some(Kind::Month | Kind::Other) => return self.ambiguous_end(p, next),
                    None => {}
                }
                if is_dotted(word) {
                    return self.ambiguous_end(p, next);
                }
                let mut chars = word.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_lowercase() => self.ambiguous_end(p, next),
                    _ => true,
                }
            }
        }
    }

    /// A parenthesis right after the period: the "(AP)" of a dateline, not a new sentence.
    fn wire_credit_follows(&self, p: usize) -> bool {
        self.text[p + 1..self.end].trim_start().starts_with('(')
    }

    /// An abbreviation that may end a sentence does so before a sentence starter, once the
    /// sentence has enough words to be one.
    fn ambiguous_end(&mut self, p: usize, next: &Next) -> bool {
        self.starts_sentence(next)
            && self.words.up_to(self.bytes, p) >= MIN_WORDS_BEFORE_ABBREVIATION_END
    }

    /// A clock time closing a sentence ("posted at 4:15 p.m. Halvorsen shares fell"): any
    /// capitalised word may start the next one, unless it qualifies the time ("9 p.m.
    /// Eastern", "p.m. Monday", "a.m. EST"). Enough words are still needed before it ("At 5
    /// a.m. Mr. Smith went" is a fronted adverbial).
    fn clock_end(&mut self, p: usize, next: &Next) -> bool {
        let qualifies_time =
            is_time_qualifier(next.word) || self.lex.abbreviation(next.word) == Some(Kind::Month);
        (self.starts_sentence(next) || (next.class == Class::Upper && !qualifies_time))
            && self.words.up_to(self.bytes, p) >= MIN_WORDS_BEFORE_ABBREVIATION_END
    }

    /// Whether the word before the one starting at `ws` is a number ("4:15", "9", "11").
    fn previous_word_is_number(&self, ws: usize) -> bool {
        self.previous_word(ws)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// "[...]" and "(...)": an omission, never an end.
    fn bracketed(&self, p: usize, r: usize) -> bool {
        matches!(self.char_before(p), Some('[' | '(')) && matches!(self.char_at(r), Some(']' | ')'))
    }

    /// "world.Today": a period glued to the next sentence, but not in e-mail or web addresses
    /// ("Jane.Doe@example.com") nor after abbreviations ("Mr.Smith").
    fn glued_end(&self, p: usize) -> bool {
        let b = self.bytes;
        if p == self.start || p + 2 >= self.end {
            return false;
        }
        let prev = b[p - 1];
        if !(prev.is_ascii_lowercase() || prev.is_ascii_digit())
            || !b[p + 1].is_ascii_uppercase()
            || !b[p + 2].is_ascii_lowercase()
        {
            return false;
        }
        let (_, word, complete) = self.word_before(p);
        let to = floor_boundary(self.text, (p + MAX_BACK).min(self.end));
        let after = self.text[p + 1..to]
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let address = |s: &str| s.contains(['@', '/', ':']) || s.starts_with("www");
        complete
            && !address(word)
            && !word.contains('.')
            && !address(after)
            && self.lex.abbreviation(word).is_none()
    }
}

fn track(e: &Event, paren_depth: &mut usize, quote_depth: &mut usize) {
    let depth = match e.ev {
        Ev::ParenOpen(_) | Ev::ParenClose(_) => paren_depth,
        _ if e.protect => quote_depth,
        _ => return,
    };
    match e.role {
        Role::Open => *depth += 1,
        Role::Close => *depth = depth.saturating_sub(1),
        Role::Unpaired => {}
    }
}
