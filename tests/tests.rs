//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod attribution;
mod check;
mod cluster;
mod compare;
mod eval;
mod eval_attribution;
mod examples;
mod links;
mod pages;
mod provenance;
mod reliability;
mod report;
mod review;
mod scale;
mod segment;
mod similarity;
mod snapshot;
