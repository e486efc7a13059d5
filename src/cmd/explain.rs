//! `crosscheck explain` (not yet built).

use crate::error::{Error, Exit, Result};

/// Not yet built.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {}

/// Runs `explain`.
pub fn run(_args: &Args) -> Result<Exit> {
    Err(Error::Usage("explain: not implemented yet".into()))
}
