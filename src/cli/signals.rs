//! Interruptions leave no debris: SIGINT, SIGTERM and SIGHUP remove the temporary output being
//! written and put the terminal back in its normal mode before the process ends.
//!
//! The one idea: the signals are received on a thread of their own (signal-hook's iterator),
//! not in a signal handler, so the clean-up is ordinary code: it takes the lock of the
//! registry of temporary files, deletes them, restores the terminal
//! ([`crate::cli::terminal::restore_after_signal`]) and then ends the process as the signal
//! would have (killed by it, so a shell or a parent sees the usual status). A temporary file is
//! registered under the same lock as it is created and renamed, so the clean-up sees every
//! one that exists and none that became the output.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    // a panic elsewhere must not stop the clean-up
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the thread that handles SIGINT, SIGTERM and SIGHUP (once; later calls do nothing).
/// Without it the signals keep their default action.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return; // keep the default actions rather than fail the command
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                clean_up_and_die(signal);
            }
        });
    });
}

fn clean_up_and_die(signal: i32) -> ! {
    let temps = temps(); // held to the end: no new temporary file, no rename after this
    for path in temps.iter() {
        let _ = std::fs::remove_file(path);
    }
    crate::cli::terminal::restore_after_signal();
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// A temporary file that the signal thread removes if the process is interrupted.
pub struct Temp {
    file: Option<tempfile::NamedTempFile>,
}

impl Temp {
    /// The open temporary file.
    pub fn as_file(&self) -> &std::fs::File {
        self.file
            .as_ref()
            .expect("present until persisted")
            .as_file()
    }

    /// Renames the temporary file to `target` and forgets it.
    pub fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let mut temps = temps();
        let file = self.file.take().expect("present until persisted");
        let path = file.path().to_path_buf();
        // on failure the returned temporary file is dropped here, which deletes it
        let result = file.persist(target).map(drop).map_err(|e| e.error);
        temps.retain(|p| *p != path);
        result
    }
}

/// Creates a temporary file with `create` and registers it for removal on a signal.
pub fn create_temp(
    create: impl FnOnce() -> std::io::Result<tempfile::NamedTempFile>,
) -> std::io::Result<Temp> {
    let mut temps = temps();
    let file = create()?;
    temps.push(file.path().to_path_buf());
    Ok(Temp { file: Some(file) })
}

impl Drop for Temp {
    fn drop(&mut self) {
        // not persisted (an error on the way): delete the file, then forget it, under the lock
        if let Some(file) = self.file.take() {
            let mut temps = temps();
            let path = file.path().to_path_buf();
            drop(file);
            temps.retain(|p| *p != path);
        }
    }
}
