//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod attribution;
mod check;
mod cluster;
mod compare;
mod eval;
mod eval_attribution;
mod provenance;
mod review;
mod segment;
mod similarity;
mod snapshot;
