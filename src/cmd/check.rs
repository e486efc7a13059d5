//! `crosscheck check` (not yet built).

use crate::error::{Error, Exit, Result};

/// Not yet built.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {}

/// Runs `check`.
pub fn run(_args: &Args) -> Result<Exit> {
    Err(Error::Usage("check: not implemented yet".into()))
}
