//! Errors and exit codes.
//!
//! Every failure a user can cause (a missing file, invalid UTF-8, a duplicate label, a bad
//! config) is an [`Error`] whose message names the file and the problem on one line. The binary
//! maps any error to exit code 2; exit code 1 is reserved for "the check ran and failed".

use std::path::PathBuf;

/// Exit codes, a contract with scripts and CI (as in ripgrep: 0 ok, 1 policy failed, 2 error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The command did its job (for `check`: the policy holds).
    Success = 0,
    /// `check` ran and the policy does not hold.
    Failure = 1,
    /// Bad input, bad arguments or an I/O error.
    Error = 2,
}

/// Everything that can go wrong, with a message fit for one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An input is not usable as an article or data file.
    #[error("{path}: {problem}")]
    Input {
        /// The file (or `-` for standard input).
        path: String,
        /// What is wrong with it.
        problem: String,
    },
    /// Arguments that parse but make no sense together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An [`Error::Input`] for `path`.
    pub fn input(path: impl Into<String>, problem: impl Into<String>) -> Error {
        Error::Input {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
