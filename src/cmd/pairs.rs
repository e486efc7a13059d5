//! `crosscheck pairs` (not yet built).

use crate::error::{Error, Exit, Result};

/// Not yet built.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {}

/// Runs `pairs`.
pub fn run(_args: &Args) -> Result<Exit> {
    Err(Error::Usage("pairs: not implemented yet".into()))
}
