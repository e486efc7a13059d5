//! Attribution (cue, source, carry-over, pronouns) on the sentences of arbitrary text, after
//! the quotes stage as in the pipeline.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use crosscheck::pipeline::attribution::{AttributionKind, Attributor};
use crosscheck::pipeline::quotes;

mod common;

fuzz_target!(|data: &[u8]| {
    static ATTRIBUTOR: OnceLock<Attributor> = OnceLock::new();
    let attributor = ATTRIBUTOR
        .get_or_init(|| Attributor::new().with_outlets(["The Daily Ledger", "the Ledger"]));
    let (selector, text) = common::article(data);
    let mut sentences = common::segment_checked(selector, &text);
    quotes::as_double_in_place(&mut sentences);
    let attributions = attributor.attribute(&sentences);
    assert_eq!(attributions.len(), sentences.len());
    for (i, (a, s)) in attributions.iter().zip(&sentences).enumerate() {
        for span in [&a.cue_span, &a.source_span, &a.span].into_iter().flatten() {
            assert!(
                span.start <= span.end && span.end <= s.text.len(),
                "span {span:?}"
            );
            assert!(s.text.is_char_boundary(span.start) && s.text.is_char_boundary(span.end));
        }
        // Carried forwards or backwards (a quotation attributed at its end), always from
        // another sentence's own attribution, and the same one.
        if let Some(from) = a.carried_from {
            assert!(
                from != i && from < sentences.len(),
                "carried from {from} into {i}"
            );
            let origin = &attributions[from];
            assert_eq!(
                origin.kind,
                AttributionKind::Explicit,
                "origin is not explicit"
            );
            assert_eq!((&a.cue, &a.source), (&origin.cue, &origin.source));
        }
        if a.kind == AttributionKind::None {
            assert!(a.cue.is_empty() && a.span.is_none());
        }
        let _ = a.content_without_attribution(&s.text);
    }
});
