//! Streamed output: claims written story by story, to stdout or to a file completed at the end.
//!
//! The one idea, as in [`output`](super::output): an output file is either the old one or the
//! complete new one. Bytes go to a temporary file beside it as they come, renamed over the
//! file by [`Sink::finish`]; a sink dropped unfinished (an error mid-archive) removes it.
//! Standard output is a stream: what was written stays written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where streamed output goes.
pub enum Sink {
    /// Standard output; a closed pipe (`| head`) ends the output quietly.
    Stdout {
        /// The locked, buffered stream.
        out: BufWriter<std::io::StdoutLock<'static>>,
        /// The reader went away: further writes are dropped.
        closed: bool,
    },
    /// A file written under a temporary name and renamed at the end.
    File {
        /// The open temporary file (`None` once finished).
        out: Option<BufWriter<File>>,
        /// The temporary name (equal to `target` for a device or pipe, written in place).
        tmp: PathBuf,
        /// The file to produce.
        target: PathBuf,
    },
}

impl Sink {
    /// A sink for `path` (stdout for `None` or `-`).
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink::Stdout {
                out: BufWriter::new(std::io::stdout().lock()),
                closed: false,
            });
        };
        let err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let (tmp, target) = match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => (path.to_path_buf(), path.to_path_buf()),
            Ok(_) => {
                let target = std::fs::canonicalize(path).map_err(err)?;
                (temporary(&target), target)
            }
            Err(_) => (temporary(path), path.to_path_buf()),
        };
        let file = File::create(&tmp).map_err(err)?;
        Ok(Sink::File {
            out: Some(BufWriter::new(file)),
            tmp,
            target,
        })
    }

    /// Writes bytes.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            Sink::Stdout { out, closed } => {
                if *closed {
                    return Ok(());
                }
                match out.write_all(bytes) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => *closed = true,
                    Err(source) => {
                        return Err(Error::Write {
                            path: "-".into(),
                            source,
                        })
                    }
                    Ok(()) => {}
                }
                Ok(())
            }
            Sink::File { out, target, .. } => out
                .as_mut()
                .expect("an unfinished sink has its file")
                .write_all(bytes)
                .map_err(|source| Error::Write {
                    path: target.clone(),
                    source,
                }),
        }
    }

    /// Flushes, and for a file renames the temporary over the target.
    pub fn finish(mut self) -> Result<()> {
        match &mut self {
            Sink::Stdout { out, closed } => match out.flush() {
                Err(e) if !*closed && e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Error::Write {
                        path: "-".into(),
                        source: e,
                    })
                }
                _ => Ok(()),
            },
            Sink::File { out, tmp, target } => {
                let file = out.take().expect("finished once");
                let err = |source| Error::Write {
                    path: target.clone(),
                    source,
                };
                file.into_inner()
                    .map_err(|e| err(e.into_error()))?
                    .sync_all()
                    .map_err(err)?;
                if tmp != target {
                    std::fs::rename(&*tmp, &*target).map_err(err)?;
                }
                Ok(())
            }
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Sink::File {
            out: Some(_),
            tmp,
            target,
        } = self
        {
            if tmp != target {
                let _ = std::fs::remove_file(&*tmp);
            }
        }
    }
}

fn temporary(target: &Path) -> PathBuf {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy());
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}
