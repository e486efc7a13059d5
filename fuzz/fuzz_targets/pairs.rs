//! The pair-file reader (`pairs`, `fit`) on arbitrary bytes, and the pair scorer on what it
//! reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

use crosscheck::pipeline::similarity::{fit, Features, Scorer};

fuzz_target!(|data: &[u8]| {
    let pairs = match fit::parse_pairs("pairs.tsv", data) {
        Ok(pairs) => pairs,
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("pairs.tsv:"), "{message}");
            assert!(!message.contains('\n'), "{message}");
            return;
        }
    };
    for pair in &pairs {
        assert!(!pair.a.contains(['\t', '\n']) && !pair.b.contains(['\t', '\n']));
    }
    // The scorer on the first few pairs: a score in [0,1], the same both ways round.
    let scorer = Scorer::default();
    for pair in pairs.iter().take(4) {
        let (a, b) = (Features::new(&pair.a), Features::new(&pair.b));
        let ab = scorer.score(&a, &b);
        let ba = scorer.score(&b, &a);
        assert!((0.0..=1.0).contains(&ab.value), "{ab:?}");
        assert_eq!(
            (ab.value, ab.verdict),
            (ba.value, ba.verdict),
            "not symmetric"
        );
    }
});
