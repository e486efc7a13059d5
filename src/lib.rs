//! crosscheck cross-checks the claims and attributions of news articles on the same story.
//!
//! The pipeline, one module per stage, in the order data flows:
//! [`document`] (load, metadata) → [`segment`] (sentences) → [`attribution`] (cue and source)
//! → [`similarity`] (pair scores) → [`align`] (links across documents) → [`classify`]
//! (claims and their status) → [`report`] (CSV, JSON). [`pipeline`] wires them; [`cmd`] holds
//! the subcommands and [`cli`] the command line; [`review`] (decisions on single-source claims)
//! and [`check`] (the CI policy) sit on top.

pub mod align;
pub mod attribution;
pub mod check;
pub mod classify;
pub mod cli;
pub mod cmd;
pub mod document;
pub mod error;
pub mod integrity;
pub mod output;
pub mod pipeline;
pub mod provenance;
pub mod report;
pub mod review;
pub mod segment;
pub mod similarity;
pub mod terminal;
