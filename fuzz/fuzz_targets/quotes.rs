//! The quotes stage (single quotation marks read as double) on the sentences of arbitrary
//! text.
#![no_main]

use libfuzzer_sys::fuzz_target;

use crosscheck::pipeline::quotes;

mod common;

fuzz_target!(|data: &[u8]| {
    let (selector, text) = common::article(data);
    let sentences = common::segment_checked(selector, &text);
    let mut rewritten = sentences.clone();
    let originals = quotes::as_double_in_place(&mut rewritten);
    assert_eq!(rewritten.len(), sentences.len());
    let mut last = None;
    for (i, original) in &originals {
        assert!(last < Some(*i), "changed sentences out of order");
        last = Some(*i);
        assert_eq!(
            original, &sentences[*i].text,
            "original text not kept as written"
        );
        assert_ne!(
            rewritten[*i].text, sentences[*i].text,
            "kept a sentence it did not change"
        );
    }
    for (i, (r, s)) in rewritten.iter().zip(&sentences).enumerate() {
        // Each rewrite keeps the byte length, so every span stays valid.
        assert_eq!(r.text.len(), s.text.len());
        assert_eq!(
            (r.span.clone(), r.line, r.paragraph),
            (s.span.clone(), s.line, s.paragraph)
        );
        if r.text != s.text {
            assert!(
                originals.iter().any(|(j, _)| *j == i),
                "change not reported"
            );
        }
    }
    // The copying form agrees with the in-place one.
    assert_eq!(quotes::as_double(&sentences), rewritten);
});
