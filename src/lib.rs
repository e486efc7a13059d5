//! crosscheck cross-checks the claims and attributions of news articles on the same story.
//!
//! The pipeline, one module per stage, in the order data flows:
//! [`document`] (load, metadata) → [`segment`] (sentences) → [`quotes`] (single quotation
//! marks read as quotations) → [`attribution`] (cue and source) → [`similarity`] (pair scores)
//! → [`align`] (links across documents) → [`classify`] (claims and their status) →
//! [`report`] (CSV, JSON). [`pipeline`] wires them; [`cmd`] holds the subcommands and [`cli`]
//! the command line; [`review`] (decisions on single-source claims) and [`check`] (the CI
//! policy) sit on top, with [`flagged`] listing integrity flags once per pair; [`provenance`]
//! and [`integrity`] tell copies from independent sources and check that copies kept the
//! facts.
//!
//! The library does everything the binary does. Comparing two articles held in memory:
//!
//! ```
//! use crosscheck::{document, pipeline, report};
//!
//! let wire = "The council voted 6-1 on Tuesday to spend $4.2 million on the bridge, \
//!             officials said.";
//! let copy = "The council voted 6-1 on Tuesday to spend $4.8 million on the bridge, \
//!             officials said.";
//! let docs = vec![
//!     document::from_bytes("wire".into(), "wire.txt".into(), wire.into()).unwrap(),
//!     document::from_bytes("copy".into(), "copy.txt".into(), copy.into()).unwrap(),
//! ];
//! let analysis = pipeline::analyze(docs, &pipeline::Options::default());
//! let claim = &analysis.claims[1][0];
//! assert_eq!(claim.status.as_str(), "paraphrased"); // the same claim, one figure changed
//! assert_eq!(claim.attribution.cue, "said");
//! assert_eq!(claim.flags[0].kind.as_str(), "number-mismatch");
//!
//! let csv = report::to_csv(&report::records(&analysis, &Default::default()));
//! assert!(csv.starts_with(b"id,doc,sentence,paragraph,line,text,status,"));
//! ```

pub mod align;
pub mod attribution;
pub mod check;
pub mod classify;
pub mod cli;
pub mod cmd;
pub mod document;
pub mod error;
pub mod flagged;
pub mod integrity;
pub mod output;
pub mod pipeline;
pub mod provenance;
pub mod quotes;
pub mod report;
pub mod review;
pub mod segment;
pub mod similarity;
pub mod terminal;

/// Property tests start from a fixed seed, so `cargo test` passes or fails the same way on
/// every run and every machine; a failure is reproduced by running again. To explore beyond
/// it, set `PROPTEST_RNG_SEED` (and `PROPTEST_CASES`); a case found that way becomes a named
/// unit test beside the rule it broke. Nothing is written into the source tree.
#[cfg(test)]
fn proptest_config() -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, RngSeed};
    let config = Config::default();
    Config {
        rng_seed: match config.rng_seed {
            RngSeed::Random => RngSeed::Fixed(PROPTEST_SEED),
            chosen => chosen,
        },
        failure_persistence: None,
        ..config
    }
}

/// The seed of [`proptest_config`].
#[cfg(test)]
const PROPTEST_SEED: u64 = 20_251_125;
