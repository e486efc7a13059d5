//! The `crosscheck` binary: parse arguments, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;
use crosscheck::cli::{self, Cli};
use crosscheck::error::Exit;

fn main() -> ExitCode {
    cli::memory::keep_large_blocks_returnable();
    let cli = Cli::parse();
    let exit = cli::run(&cli).unwrap_or_else(|err| {
        eprintln!("crosscheck: {err}");
        Exit::Error
    });
    ExitCode::from(exit as u8)
}
