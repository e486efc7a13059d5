//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod compare;
mod similarity;
