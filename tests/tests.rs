//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod attribution;
mod check;
mod cluster;
mod compare;
mod provenance;
mod report;
mod review;
mod segment;
mod similarity;
mod snapshot;
