//! Writing results: to stdout, or to a file replaced atomically.
//!
//! The one idea: an output file is either the old one or the complete new one, never half
//! written, and never one of the inputs. Bytes go to a temporary file in the same directory,
//! which is synced and then renamed; an output that names an input is refused before anything
//! is written ([`refuse_input`]).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` (or stdout when `path` is `None` or `-`).
pub fn write(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) if p.as_os_str() != "-" => write_atomic(p, bytes),
        _ => write_stdout(bytes),
    }
}

/// Writes what `write` makes to `path` (or stdout when `path` is `None` or `-`), as
/// [`write`] does, without holding the whole output in memory: a large CSV goes to the
/// temporary file row by row.
pub fn write_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match path {
        Some(p) if p.as_os_str() != "-" => write_atomic_with(p, write),
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            stdout_result(write(&mut out).and_then(|()| out.flush()))
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(bytes).and_then(|()| out.flush()))
}

/// The outcome of writing to stdout: a closed pipe (`| head`) is not an error.
fn stdout_result(result: std::io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: "-".into(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`.
///
/// A path that names something other than a regular file (`/dev/null`, `/dev/stdout`, a
/// FIFO) is written in place: renaming over it would replace the device or pipe with a plain
/// file. A symbolic link is followed, so the link stays and its target gets the new bytes.
///
/// The temporary file (`.NAME.XXXXXX.tmp`) is registered with [`crate::cli::signals`] while it
/// exists, so SIGINT, SIGTERM or SIGHUP during the write removes it; any error removes it too
/// (the temporary file is deleted when dropped unless it was renamed).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// [`write_atomic`] of what `write` makes, written through a buffer as it is made.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let write_in_place = || {
                let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
                write(&mut out)?;
                out.flush()
            };
            return write_in_place().map_err(err);
        }
        Ok(_) => std::fs::canonicalize(path).map_err(err)?,
        Err(_) => dangling_link_target(path).unwrap_or_else(|| path.to_path_buf()),
    };
    let permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.");
    let tmp = crate::cli::signals::create_temp(|| {
        // The file is opened here rather than by `tempfile_in`, whose errors end in `at path
        // ".NAME.XXXXXX.tmp"`: a random name the user never gave. The error names `path`.
        tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .make_in(dir, create_new)
    })
    .map_err(err)?;
    let result = (|| {
        let file = tmp.as_file();
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        out.flush()?;
        drop(out);
        // The new file keeps the old one's permissions (a 0600 file stays private).
        if let Some(p) = permissions {
            file.set_permissions(p)?;
        }
        file.sync_all()?;
        tmp.persist(&target)?;
        sync_dir(dir)
    })();
    result.map_err(err)
}

/// Creates the temporary file, failing if it exists (the name is tried again). A new file gets
/// the usual mode (0666 less the umask), not tempfile's private 0600.
fn create_new(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o666);
    }
    options.open(path)
}

/// Makes a rename in `dir` durable (on Unix a directory can be synced; elsewhere a no-op).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Refuses to write `output` when it is one of `inputs`: the same file after following
/// symbolic links, or a hard link to it (same device and inode). A path that does not exist
/// yet, or that is not a regular file (stdout, `/dev/null`, a pipe), is never an input.
pub fn refuse_input<P: AsRef<Path>>(flag: &str, output: &Path, inputs: &[P]) -> Result<()> {
    if output.as_os_str() == "-" {
        return Ok(());
    }
    let Ok(meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    if !meta.is_file() {
        return Ok(());
    }
    let hit = inputs
        .iter()
        .map(AsRef::as_ref)
        .find(|input| input.as_os_str() != "-" && same_file(output, &meta, input));
    match hit {
        Some(input) => Err(Error::Usage(format!(
            "{}: {flag} names an input ({}); refusing to overwrite it",
            output.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

/// Whether `input` is the file `output` (whose metadata is `meta`) names.
fn same_file(output: &Path, meta: &std::fs::Metadata, input: &Path) -> bool {
    let Ok(other) = std::fs::metadata(input) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = output;
        meta.dev() == other.dev() && meta.ino() == other.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, other);
        match (std::fs::canonicalize(output), std::fs::canonicalize(input)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// Where a symbolic link whose target does not exist yet points, resolved against the link's
/// directory: the link stays, and the file it names is created.
fn dangling_link_target(path: &Path) -> Option<std::path::PathBuf> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let to = std::fs::read_link(path).ok()?;
    Some(match path.parent() {
        Some(dir) if to.is_relative() => dir.join(to),
        _ => to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_a_file_whole_and_leaves_no_temporary() {
        let dir = scratch("replace");
        let out = dir.join("claims.csv");
        std::fs::write(&out, "old, longer content").unwrap();
        write_atomic(&out, b"new").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_error_names_the_output_not_the_temporary_file() {
        let dir = scratch("missing-dir");
        let out = dir.join("no-such-dir").join("x.csv");
        let err = write_atomic(&out, b"new").unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: cannot write: ", out.display())),
            "{err}"
        );
        assert!(!err.contains(".tmp"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_not_replaced() {
        let dir = scratch("link");
        let real = dir.join("real.csv");
        let link = dir.join("link.csv");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_gets_its_target_created_and_stays_a_link() {
        let dir = scratch("dangling");
        let link = dir.join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(dir.join("real.csv")).unwrap(), b"new");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let out = dir.join("private.csv");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&out, b"new").unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        let is_device =
            |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
        if !is_device(null) {
            eprintln!("skipped: /dev/null is not a character device on this machine");
            return;
        }
        write_atomic(null, b"discarded").unwrap();
        assert!(is_device(null), "/dev/null was replaced by a regular file");
    }
}
