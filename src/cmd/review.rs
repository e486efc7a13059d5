//! `crosscheck review` (not yet built).

use crate::error::{Error, Exit, Result};

/// Not yet built.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {}

/// Runs `review`.
pub fn run(_args: &Args) -> Result<Exit> {
    Err(Error::Usage("review: not implemented yet".into()))
}
