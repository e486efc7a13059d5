//! One test per segmentation rule, each with its own small example.

use super::*;

fn split(text: &str) -> Vec<String> {
    Segmenter::default().split(text)
}

fn split_with(mode: LineBreaks, text: &str) -> Vec<String> {
    Segmenter::new(SegmentConfig {
        line_breaks: mode,
        ..SegmentConfig::default()
    })
    .split(text)
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(split(text), expected, "input: {text:?}");
}

#[test]
fn plain_sentence_ends() {
    check(
        "It rained. Then it stopped.",
        &["It rained.", "Then it stopped."],
    );
    check("Why? Nobody knows!", &["Why?", "Nobody knows!"]);
}

#[test]
fn titles_never_end_a_sentence() {
    check(
        "Sen. Angus King of Maine texted Rubio.",
        &["Sen. Angus King of Maine texted Rubio."],
    );
    check("He met Gov. The Rock.", &["He met Gov. The Rock."]);
}

#[test]
fn abbreviation_glued_to_a_dash_is_read_alone() {
    check(
        "He called two senators in Halifax, Canada—Sens. Jeanne Shaheen and Mike Rounds.",
        &["He called two senators in Halifax, Canada—Sens. Jeanne Shaheen and Mike Rounds."],
    );
}

#[test]
fn month_before_a_number() {
    check(
        "On Nov. 16, Kushner called. He waited.",
        &["On Nov. 16, Kushner called.", "He waited."],
    );
}

#[test]
fn dotted_acronym_before_a_name_is_not_an_end() {
    check(
        "Sent by the White House, U.S. Army Secretary Dan Driscoll arrived.",
        &["Sent by the White House, U.S. Army Secretary Dan Driscoll arrived."],
    );
}

#[test]
fn dotted_acronym_before_a_sentence_starter_is_an_end() {
    check(
        "The troops returned to the U.S. Officials said the talks failed.",
        &[
            "The troops returned to the U.S.",
            "Officials said the talks failed.",
        ],
    );
    check(
        "Prices rose in Jan. and Feb. Analysts expect more.",
        &["Prices rose in Jan. and Feb.", "Analysts expect more."],
    );
}

#[test]
fn hyphenated_acronym_stays_whole() {
    check(
        "He wants closer U.S.-Russia economic ties.",
        &["He wants closer U.S.-Russia economic ties."],
    );
}

#[test]
fn short_fragment_does_not_end_at_an_abbreviation() {
    check(
        "At 5 a.m. Mr. Smith left. He came back at 6 p.m. Mr. Smith then slept.",
        &[
            "At 5 a.m. Mr. Smith left.",
            "He came back at 6 p.m.",
            "Mr. Smith then slept.",
        ],
    );
}

#[test]
fn a_clock_time_ends_a_sentence_before_a_name() {
    check(
        "The opinion was posted at 4:15 p.m. Halvorsen shares fell 6% in late trading.",
        &[
            "The opinion was posted at 4:15 p.m.",
            "Halvorsen shares fell 6% in late trading.",
        ],
    );
    // The time's own qualifiers stay with it.
    for text in [
        "The vote was held at 9 p.m. Eastern on a quiet night.",
        "The polls close at 8 p.m. Tuesday in most states.",
        "The launch is set for 10:30 a.m. EST from the coast.",
        "The meeting starts at 7 p.m. Nov. 3 at the library.",
    ] {
        check(text, &[text]);
    }
}

#[test]
fn initials_are_not_ends() {
    check(
        "J.D. Vance met E. Jean Carroll and Jonas E. Smith.",
        &["J.D. Vance met E. Jean Carroll and Jonas E. Smith."],
    );
    // "p." and "c." are page and circa in lower case only.
    check(
        "The bomb destroyed the Alfred P. Murrah building, John C. McCarthy said.",
        &["The bomb destroyed the Alfred P. Murrah building, John C. McCarthy said."],
    );
}

#[test]
fn pronoun_i_can_end_a_sentence() {
    check(
        "It was you and I. Did you see Albert I. Jones?",
        &["It was you and I.", "Did you see Albert I. Jones?"],
    );
}

#[test]
fn numbers_and_decimals() {
    check(
        "It costs $2.5 billion, or 3.14 times more. It is a lot.",
        &["It costs $2.5 billion, or 3.14 times more.", "It is a lot."],
    );
    check(
        "See p. 55 and No. 3 there.",
        &["See p. 55 and No. 3 there."],
    );
}

#[test]
fn lowercase_next_word_never_starts_a_sentence() {
    check(
        "Talk to Jane and co. at noon.",
        &["Talk to Jane and co. at noon."],
    );
}

#[test]
fn unknown_word_before_capital_ends() {
    check(
        "She has $100.00. It is hers.",
        &["She has $100.00.", "It is hers."],
    );
}

#[test]
fn case_matters_for_capitalised_abbreviations() {
    check(
        "He fell ill. The doctor came.",
        &["He fell ill.", "The doctor came."],
    );
    check(
        "He lives in Ill. The state.",
        &["He lives in Ill.", "The state."],
    );
}

#[test]
fn closing_quote_stays_with_its_sentence() {
    check(
        "She said, \"This is great.\" She left.",
        &["She said, \"This is great.\"", "She left."],
    );
    check(
        "He said “no.” Then he left.",
        &["He said “no.”", "Then he left."],
    );
}

#[test]
fn quote_then_attribution_is_one_sentence() {
    check(
        "\"This is great,\" she said. Then she left.",
        &["\"This is great,\" she said.", "Then she left."],
    );
    check(
        "“Why now?” Smith asked reporters. Nobody answered.",
        &["“Why now?” Smith asked reporters.", "Nobody answered."],
    );
    check(
        "“Is it real???,” he posted Monday. “Don’t believe it.”",
        &["“Is it real???,” he posted Monday.", "“Don’t believe it.”"],
    );
}

#[test]
fn quote_ending_in_a_period_then_a_new_attributed_sentence_splits() {
    check(
        "He liked “Donnie Darko.” Pharmacy Guild president Richard Heslop said it was bad.",
        &[
            "He liked “Donnie Darko.”",
            "Pharmacy Guild president Richard Heslop said it was bad.",
        ],
    );
    check(
        "“Is it over?” He said it was not.",
        &["“Is it over?”", "He said it was not."],
    );
    check(
        "He asked: \"Is it over?\" Nobody answered.",
        &["He asked: \"Is it over?\"", "Nobody answered."],
    );
}

#[test]
fn place_closed_by_its_abbreviation_ends_before_a_capital() {
    check(
        "It is based in Milpitas, Calif. Perkins also had a clause.",
        &[
            "It is based in Milpitas, Calif.",
            "Perkins also had a clause.",
        ],
    );
    check(
        "The Calif. Gov. Gavin Newsom spoke.",
        &["The Calif. Gov. Gavin Newsom spoke."],
    );
}

#[test]
fn dateline_with_a_wire_credit_stays_with_its_sentence() {
    check(
        "MILPITAS, Calif. (Reuters) — Shares of the chipmaker fell on Tuesday. Analysts shrugged.",
        &[
            "MILPITAS, Calif. (Reuters) — Shares of the chipmaker fell on Tuesday.",
            "Analysts shrugged.",
        ],
    );
}

#[test]
fn multi_sentence_quote_with_attribution_stays_together() {
    check(
        "“We are ready. We will win,” he said. Then he left.",
        &["“We are ready. We will win,” he said.", "Then he left."],
    );
}

#[test]
fn multi_sentence_quote_without_attribution_splits() {
    check(
        "He added, “It is based on input. But not only.”",
        &["He added, “It is based on input.", "But not only.”"],
    );
}

#[test]
fn curly_opening_closed_by_straight_quote() {
    check(
        "“The idea is a fallacy. A total one,\" Leavitt told reporters. They left.",
        &[
            "“The idea is a fallacy. A total one,\" Leavitt told reporters.",
            "They left.",
        ],
    );
}

#[test]
fn parenthesised_sentence_inside_a_sentence() {
    check(
        "He teaches (He worked for years. He quit.) at the school.",
        &["He teaches (He worked for years. He quit.) at the school."],
    );
    check(
        "He quit. (He later returned.) Then he quit again.",
        &["He quit.", "(He later returned.)", "Then he quit again."],
    );
}

#[test]
fn ellipses() {
    check(
        "I never meant that.... She left.",
        &["I never meant that....", "She left."],
    );
    check(
        "I wasn’t really ... well, what I mean...see . . . I didn’t mean it.",
        &["I wasn’t really ... well, what I mean...see . . . I didn’t mean it."],
    );
    check(
        "It weakened. . . . The practice went on.",
        &["It weakened.", ". . . The practice went on."],
    );
    check(
        "He paused… Then he spoke.",
        &["He paused…", "Then he spoke."],
    );
    check(
        "\"Bohr [...] used it [...]\" (Smith 55).",
        &["\"Bohr [...] used it [...]\" (Smith 55)."],
    );
}

#[test]
fn repeated_and_mixed_marks() {
    check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
    check(
        "She works at Yahoo! in sales.",
        &["She works at Yahoo! in sales."],
    );
}

#[test]
fn glued_sentences_but_not_addresses() {
    check(
        "Hello world.Today is Tuesday.Mr. Smith came.",
        &["Hello world.", "Today is Tuesday.", "Mr. Smith came."],
    );
    check(
        "Mail Jane.Doe@example.com. I did.",
        &["Mail Jane.Doe@example.com.", "I did."],
    );
    check(
        "See www.example.com/Page now.",
        &["See www.example.com/Page now."],
    );
}

#[test]
fn numbered_and_lettered_lists() {
    check(
        "1. The first 2. The second",
        &["1. The first", "2. The second"],
    );
    check(
        "1) One item. 2) Two items.",
        &["1) One item.", "2) Two items."],
    );
    check("a. First b. Second", &["a. First", "b. Second"]);
    check("• 9. Nine • 10. Ten", &["• 9. Nine", "• 10. Ten"]);
}

#[test]
fn list_marker_needs_a_list_paragraph() {
    check("He had 2. The rest left.", &["He had 2.", "The rest left."]);
    check("Buy 1 get 2. Then pay.", &["Buy 1 get 2.", "Then pay."]);
}

#[test]
fn user_abbreviations_extend_the_list() {
    let text = "He met Cmsr. Smith there.";
    assert_eq!(split(text), ["He met Cmsr.", "Smith there."]);
    let seg = Segmenter::new(SegmentConfig {
        extra_abbreviations: vec!["Cmsr.".into()],
        ..SegmentConfig::default()
    });
    assert_eq!(seg.split(text), [text]);
    let seg = Segmenter::new(SegmentConfig {
        extra_abbreviations: vec!["Xyz".into(), "Qrs. title".into()],
        ..SegmentConfig::default()
    });
    assert_eq!(
        seg.split("He met Qrs. Smith there."),
        ["He met Qrs. Smith there."]
    );
    assert_eq!(
        seg.split("A deal with Xyz. Corp"),
        ["A deal with Xyz. Corp"]
    );
    assert_eq!(
        Segmenter::default().split("A deal with Xyz. Corp"),
        ["A deal with Xyz.", "Corp"]
    );
}

#[test]
fn lines_mode_every_line_is_a_paragraph() {
    let seg = Segmenter::new(SegmentConfig {
        line_breaks: LineBreaks::Lines,
        ..SegmentConfig::default()
    });
    let s = seg.segment("features\ncontact manager\n\nevents", 0);
    let paras: Vec<_> = s
        .iter()
        .map(|s| (s.paragraph, s.line, s.text.as_str()))
        .collect();
    assert_eq!(
        paras,
        [
            (1, 1, "features"),
            (2, 2, "contact manager"),
            (3, 4, "events")
        ]
    );
}

#[test]
fn wrap_mode_folds_single_line_breaks() {
    let text = "It was a cold \nnight. He\nslept.\n\nNext day.";
    let s = Segmenter::new(SegmentConfig {
        line_breaks: LineBreaks::Wrap,
        ..SegmentConfig::default()
    })
    .segment(text, 0);
    let got: Vec<_> = s
        .iter()
        .map(|s| (s.paragraph, s.line, s.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, 1, "It was a cold night."),
            (1, 2, "He slept."),
            (2, 5, "Next day.")
        ]
    );
    assert_eq!(&text[s[0].span.clone()], "It was a cold \nnight.");
}

#[test]
fn auto_reads_hard_wrapped_text_as_wrap() {
    let wrapped = "The plan was drafted by the envoys\nafter secret meetings in Miami, and\nthe secretary learned of it late.\n";
    assert_eq!(detect_line_breaks(wrapped), LineBreaks::Wrap);
    let one_per_line = "The plan was drafted.\nIt leaked.\n“It is fine,” he said.\n";
    assert_eq!(detect_line_breaks(one_per_line), LineBreaks::Lines);
    let blank_separated = "First paragraph.\n\nSecond paragraph.\n";
    assert_eq!(detect_line_breaks(blank_separated), LineBreaks::Lines);
    let list = "features\ncontact manager\nevents, activities\n";
    assert_eq!(detect_line_breaks(list), LineBreaks::Lines);
}

#[test]
fn errant_newline_is_a_soft_wrap_only_in_wrap_mode() {
    let text = "This is a sentence\ncut off in the middle.";
    assert_eq!(
        split_with(LineBreaks::Wrap, text),
        ["This is a sentence cut off in the middle."]
    );
    assert_eq!(
        split_with(LineBreaks::Lines, text),
        ["This is a sentence", "cut off in the middle."]
    );
}

#[test]
fn body_start_skips_the_header_and_keeps_offsets() {
    let text = " date 2025-11-25 WASHINGTON—It started. It ended.";
    let start = text.find("WASHINGTON").unwrap();
    let s = Segmenter::default().segment(text, start);
    assert_eq!(s[0].text, "WASHINGTON—It started.");
    assert_eq!(s[0].span.start, start);
    assert_eq!(&text[s[1].span.clone()], "It ended.");
}

#[test]
fn odd_body_start_never_panics() {
    let text = "é. Ü.";
    for start in 0..=text.len() + 3 {
        let _ = Segmenter::default().segment(text, start);
    }
}

#[test]
fn folding_keeps_spaces_without_newlines() {
    assert_eq!(fold("a  b"), "a  b");
    assert_eq!(fold("a \r\n  b\nc"), "a b c");
}
