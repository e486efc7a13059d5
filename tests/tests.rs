//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod check;
mod cluster;
mod compare;
mod review;
