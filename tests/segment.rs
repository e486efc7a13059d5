//! The segmenter on real text: the Golden Rules, the seed articles, and invariants on
//! generated input (nothing lost, never panics, never hangs).

use std::time::{Duration, Instant};

use crosscheck::pipeline::document;
use crosscheck::pipeline::segment::{LineBreaks, SegmentConfig, Segmenter, Sentence};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::util::{corpus, crosscheck, root, shared_eval};

fn segmenter(line_breaks: LineBreaks) -> Segmenter {
    Segmenter::new(SegmentConfig {
        line_breaks,
        ..SegmentConfig::default()
    })
}

/// Scoring of ../shared/eval/README.md: strip each sentence, drop empty ones.
fn scored(sentences: impl IntoIterator<Item = String>) -> Vec<String> {
    sentences
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

struct Rule {
    id: u64,
    text: String,
    expected: Vec<String>,
}

fn golden_rules() -> Option<Vec<Rule>> {
    let path = shared_eval()?.join("golden_rules_en.jsonl");
    let data = std::fs::read_to_string(&path).expect("golden_rules_en.jsonl is readable");
    let rules: Vec<Rule> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object per line");
            Rule {
                id: v["id"].as_u64().expect("id"),
                text: v["text"].as_str().expect("text").to_string(),
                expected: v["expected"]
                    .as_array()
                    .expect("expected")
                    .iter()
                    .map(|s| s.as_str().expect("sentence").to_string())
                    .collect(),
            }
        })
        .collect();
    assert_eq!(rules.len(), 52, "the English Golden Rules are 52");
    Some(rules)
}

/// Scores `segment` on the rules; returns the failures as (id, got, expected).
fn score(
    rules: &[Rule],
    segment: impl Fn(&Rule) -> Vec<String>,
) -> Vec<(u64, Vec<String>, Vec<String>)> {
    rules
        .iter()
        .filter_map(|r| {
            let got = scored(segment(r));
            (got != r.expected).then(|| (r.id, got, r.expected.clone()))
        })
        .collect()
}

#[test]
fn golden_rules_all_pass_with_the_documented_line_break_modes() {
    let Some(rules) = golden_rules() else { return };
    let failures = score(&rules, |r| {
        let mode = match r.id {
            40 | 41 => LineBreaks::Wrap,
            42 => LineBreaks::Lines,
            _ => LineBreaks::Auto,
        };
        segmenter(mode).split(&r.text)
    });
    println!(
        "golden rules (wrap for 40-41, lines for 42): {}/52",
        52 - failures.len()
    );
    assert!(failures.is_empty(), "failed rules: {failures:#?}");
}

#[test]
fn golden_rules_with_defaults_only() {
    let Some(rules) = golden_rules() else { return };
    let failures = score(&rules, |r| Segmenter::default().split(&r.text));
    let uax29 = score(&rules, |r| {
        r.text.unicode_sentences().map(str::to_string).collect()
    });
    println!(
        "golden rules, defaults: {}/52 (plain UAX #29 unicode_sentences: {}/52)",
        52 - failures.len(),
        52 - uax29.len()
    );
    assert!(failures.len() <= 2, "failed rules: {failures:#?}");
}

/// The seed articles, segmented as a careful reader would (one sentence per line in
/// tests/gold/, checked by hand sentence by sentence).
fn check_gold(name: &str) {
    let doc = document::load(&document::Input::parse(
        corpus(&format!("ukraine-plan/{name}.txt"))
            .to_str()
            .unwrap(),
    ))
    .expect("seed article loads");
    let got: Vec<String> = Segmenter::default()
        .segment(&doc.text, doc.body_start)
        .into_iter()
        .map(|s| s.text)
        .collect();
    let gold = std::fs::read_to_string(root().join(format!("tests/gold/{name}.sentences.txt")))
        .expect("gold file");
    let want: Vec<&str> = gold.lines().collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{name} sentence {}", i + 1);
    }
    assert_eq!(got.len(), want.len(), "{name}: sentence count");
}

#[test]
fn seed_wsj_matches_the_hand_checked_gold() {
    check_gold("wsj");
}

#[test]
fn seed_post_matches_the_hand_checked_gold() {
    check_gold("post");
}

#[test]
fn seed_wsj_hard_cases() {
    let text = std::fs::read_to_string(corpus("ukraine-plan/wsj.txt")).unwrap();
    let (_, body_start) = document::parse_header(&text);
    let sentences = Segmenter::default().segment(&text, body_start);
    let starting = |prefix: &str| -> &Sentence {
        sentences
            .iter()
            .find(|s| s.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no sentence starts with {prefix:?}"))
    };
    assert!(starting("Sen. Angus King of Maine,")
        .text
        .ends_with("about the plan."));
    assert!(
        starting("Sent by the White House, U.S. Army Secretary Dan Driscoll")
            .text
            .ends_with("with Russia.")
    );
    assert!(starting("On Nov. 16, Kushner")
        .text
        .ends_with("matter said."));
    assert!(starting("Rubio also called King")
        .text
        .contains("Canada—Sens. Jeanne Shaheen"));
    let leavitt = starting("“The idea that the United States");
    assert!(leavitt
        .text
        .ends_with("Karoline Leavitt told reporters Monday."));
    assert_eq!(leavitt.paragraph, 6);
    assert_eq!(leavitt.line, 11);
    assert_eq!(&text[leavitt.span.clone()], leavitt.text);
    assert!(starting("“Is it really possible")
        .text
        .ends_with("he posted Monday on social media."));
    assert_eq!(sentences[0].span.start, body_start);
    assert!(sentences[0].text.starts_with("WASHINGTON—It started"));
}

#[test]
fn seed_files_read_as_lines_in_auto_mode() {
    for name in ["wsj", "post"] {
        let text = std::fs::read_to_string(corpus(&format!("ukraine-plan/{name}.txt"))).unwrap();
        let (_, start) = document::parse_header(&text);
        assert_eq!(
            Segmenter::default().line_breaks_for(&text, start),
            LineBreaks::Lines,
            "{name}"
        );
    }
}

#[test]
fn cli_abbreviations_file_extends_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "They met Cmsr. Jones at noon. Then they left.\n").unwrap();
    let list = dir.path().join("abbr.txt");
    std::fs::write(&list, "# commissioners\nCmsr\n").unwrap();
    crosscheck()
        .args(["segment", article.to_str().unwrap()])
        .assert()
        .success()
        .stdout("They met Cmsr.\nJones at noon.\nThen they left.\n");
    crosscheck()
        .args(["segment", "--abbreviations", list.to_str().unwrap()])
        .arg(&article)
        .assert()
        .success()
        .stdout("They met Cmsr. Jones at noon.\nThen they left.\n");
}

/// Checks every invariant of a segmentation of `text[body_start..]`.
fn check_invariants(text: &str, body_start: usize, sentences: &[Sentence]) {
    let mut pos = body_start;
    let mut last_paragraph = 0;
    let mut line = 1 + text[..body_start].matches('\n').count();
    for s in sentences {
        let span = s.span.clone();
        assert!(span.start >= pos && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let gap = &text[pos..span.start];
        assert!(
            gap.trim().is_empty(),
            "text lost between sentences: {gap:?}"
        );
        let inner = &text[span.clone()];
        assert_eq!(inner.trim(), inner, "span has outer whitespace");
        line += text[pos..span.start].matches('\n').count();
        assert_eq!(s.line, line);
        assert!(s.paragraph >= last_paragraph.max(1));
        last_paragraph = s.paragraph;
        assert!(!s.text.contains('\n') && s.text.trim() == s.text);
        let words: Vec<&str> = inner.split_whitespace().collect();
        assert_eq!(s.text.split_whitespace().collect::<Vec<_>>(), words);
        line += inner.matches('\n').count();
        pos = span.end;
    }
    assert!(text[pos..].trim().is_empty(), "text lost at the end");
}

/// Pieces of news-like text, tricky punctuation included, to build inputs from.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Sen.",
        "U.S.",
        "Nov.",
        "J.D.",
        "E.",
        "I.",
        "a.m.",
        "etc.",
        "No.",
        "Inc.",
        "word",
        "Officials",
        "The",
        "said",
        "he",
        "3.14",
        "$2.5",
        "1.",
        "2)",
        "a.",
        "•",
        "⁃9.",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        ".",
        "!",
        "?",
        "...",
        ". . .",
        "…",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "(",
        ")",
        "[",
        "]",
        "—",
        "–",
        "-",
        ",",
        ":",
        "é",
        "Ü",
        "日本",
        "🙂",
        "\u{a0}",
        "@",
        "www.",
        "x.Y",
        "Jane.Doe@example.com",
    ])
}

proptest! {
    #![proptest_config(crate::util::proptest_config(400))]

    #[test]
    fn nothing_is_lost_on_news_like_text(
        pieces in prop::collection::vec(piece(), 0..80),
        mode in prop::sample::select(vec![LineBreaks::Auto, LineBreaks::Lines, LineBreaks::Wrap]),
        start in 0usize..40,
    ) {
        let text: String = pieces.concat();
        let mut body_start = start.min(text.len());
        while !text.is_char_boundary(body_start) {
            body_start -= 1;
        }
        let sentences = segmenter(mode).segment(&text, body_start);
        check_invariants(&text, body_start, &sentences);
    }

    #[test]
    fn nothing_is_lost_on_any_string(text in "\\PC*", mode in prop::sample::select(vec![LineBreaks::Auto, LineBreaks::Lines, LineBreaks::Wrap])) {
        let sentences = segmenter(mode).segment(&text, 0);
        check_invariants(&text, 0, &sentences);
    }
}

#[test]
fn never_hangs_on_pathological_input() {
    let inputs = [
        ". ".repeat(200_000),
        ". . . . ".repeat(50_000),
        "(".repeat(300_000) + &")".repeat(300_000),
        "\"a. ".repeat(100_000),
        "“a. B”".repeat(100_000),
        "a.m. ".repeat(100_000),
        "x".repeat(400_000) + ". The end. " + &"a.m. The ".repeat(50_000),
        "1. ".repeat(100_000),
        "• ".repeat(100_000),
        "\n".repeat(300_000) + "a\n".repeat(100_000).as_str(),
    ];
    for text in &inputs {
        for mode in [LineBreaks::Auto, LineBreaks::Lines, LineBreaks::Wrap] {
            let t = Instant::now();
            let sentences = segmenter(mode).segment(text, 0);
            let took = t.elapsed();
            println!("{} bytes, {mode:?}: {took:?}", text.len());
            check_invariants(text, 0, &sentences);
            assert!(
                took < Duration::from_secs(10),
                "{} bytes took {took:?} ({mode:?})",
                text.len()
            );
        }
    }
}

/// Real news sentences (the MSRP training split, one sentence per item): each alone must stay
/// one sentence, and two joined by a space must split exactly at the join.
#[test]
fn msrp_news_sentences_are_kept_and_joined_pairs_split() {
    let Some(eval) = shared_eval() else { return };
    let path = eval.join("msrp/msr_paraphrase_train.txt");
    let Ok(data) = std::fs::read_to_string(&path) else {
        crate::util::skip_notice(&format!("{} not found", path.display()));
        return;
    };
    let mut sentences: Vec<&str> = Vec::new();
    for line in data.trim_start_matches('\u{feff}').lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() == 5 {
            for s in [cols[3].trim(), cols[4].trim()] {
                if !sentences.contains(&s) {
                    sentences.push(s);
                }
            }
        }
    }
    let seg = Segmenter::default();
    let kept = sentences.iter().filter(|s| seg.split(s).len() == 1).count();
    let pairs: Vec<(&str, &str)> = sentences.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let split = pairs
        .iter()
        .filter(|(a, b)| seg.split(&format!("{a} {b}")) == [*a, *b])
        .count();
    println!(
        "MSRP train: {kept}/{} sentences kept whole, {split}/{} joined pairs split at the join",
        sentences.len(),
        pairs.len()
    );
    // The few sentences it splits hold two sentences in the source or tokenisation debris
    // ("Visual Studio. Net"); the pairs it misses end in a company or unit before a name.
    assert!(
        sentences.len() - kept <= 10,
        "{} split",
        sentences.len() - kept
    );
    assert!(
        split * 100 >= pairs.len() * 99,
        "{split}/{} pairs",
        pairs.len()
    );
}

/// Greedy wrap at spaces to `width` columns, paragraphs separated by blank lines.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for para in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut col = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            if col > 0 && col + 1 + len > width {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += len;
        }
        out.push_str("\n\n");
    }
    out
}

#[test]
fn hard_wrapped_seed_reads_as_wrap_and_keeps_its_sentences() {
    for (name, width) in [("wsj", 72), ("post", 60)] {
        let text = std::fs::read_to_string(corpus(&format!("ukraine-plan/{name}.txt"))).unwrap();
        let (_, start) = document::parse_header(&text);
        let wrapped = hard_wrap(&text[start..], width);
        let seg = Segmenter::default();
        assert_eq!(seg.line_breaks_for(&wrapped, 0), LineBreaks::Wrap, "{name}");
        let sentences = seg.segment(&wrapped, 0);
        check_invariants(&wrapped, 0, &sentences);
        let gold = std::fs::read_to_string(root().join(format!("tests/gold/{name}.sentences.txt")))
            .unwrap();
        let got: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, gold.lines().collect::<Vec<_>>(), "{name}");
    }
}
