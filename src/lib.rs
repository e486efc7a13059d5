//! crosscheck cross-checks the claims and attributions of news articles on the same story.
//!
//! The folders are the pipeline, in the order data flows:
//!
//! - [`pipeline`]: one module per stage, each a function of the one before:
//!   [`document`](pipeline::document) (load, metadata) → [`segment`](pipeline::segment)
//!   (sentences) → [`quotes`](pipeline::quotes) (single quotation marks read as quotations) →
//!   [`reading`](pipeline::reading) (the words of each sentence, one module for every stage) →
//!   [`attribution`](pipeline::attribution) (cue and source) →
//!   [`provenance`](pipeline::provenance) (which document draws on which) →
//!   [`similarity`](pipeline::similarity) (pair scores) → [`align`](pipeline::align) (links
//!   across documents) → [`integrity`](pipeline::integrity) (did a copy keep the facts) →
//!   [`settle`](pipeline::settle) (a pair that disagrees on a fact is at most paraphrased) →
//!   [`classify`](pipeline::classify) (claims and their status) →
//!   [`flagged`](pipeline::flagged) (every integrity flag once, as a person decides on it);
//!   `pipeline` itself wires them.
//!   Readers before the first stage: [`input`](pipeline::input) picks the format of each
//!   input, [`html`](pipeline::html) reads web pages, [`jsonl`](pipeline::jsonl) streams
//!   archives story by story.
//! - [`report`]: the analysis as CSV, JSON or a self-contained HTML page
//!   ([`html`](report::html)), with a word [`diff`](report::diff) for flags.
//! - [`review`]: decisions a person made (the reviews file), [`links`](review::links) (a
//!   reviewer's links and unlinks applied to an analysis) and [`check`](review::check) (the
//!   CI policy).
//! - [`cli`]: the command line, one file per subcommand in [`cmd`](cli::cmd), with the
//!   terminal and the atomic output writer.
//! - [`textfile`]: the small text files a user names beside the articles (outlets, config),
//!   read with errors that name the file and the line.
//!
//! The library does everything the binary does. Comparing two articles held in memory:
//!
//! ```
//! use crosscheck::pipeline::{self, document};
//! use crosscheck::report;
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

pub mod cli;
pub mod error;
pub mod eval;
pub mod id;
pub mod lexicon;
pub mod pipeline;
pub mod report;
pub mod review;
pub mod textfile;

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
