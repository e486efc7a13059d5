//! Integration tests: one binary, one module per topic (as ripgrep does).

mod util;

mod attribution;
mod compare;
