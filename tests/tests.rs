//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod attribution;
mod check;
mod cluster;
mod compare;
mod examples;
mod provenance;
mod review;
mod segment;
mod similarity;
mod snapshot;
