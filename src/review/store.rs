//! The reviews file as several writers share it: an open interactive session, `review --set`,
//! a person's editor and `git pull` may all change it while a review runs.
//!
//! Takes the file's path; gives read-merge-write updates ([`Store::update`]). The one idea:
//! nobody writes what they read a while ago. Every write takes an advisory lock (a sidecar
//! `.NAME.lock` beside the file, since the file itself is replaced by a rename and a lock on it
//! would be a lock on the old inode), reads the file as it is now, applies its own change to
//! that, and replaces the file atomically and synced, all before the lock is released. Two
//! crosscheck processes therefore never lose each other's decisions; an editor or `git`,
//! which do not take the lock, lose nothing either as long as they do not write during the
//! few milliseconds of an update.
//!
//! Whether a change conflicts with what happened meanwhile (the same claim decided by someone
//! else since the session read it) is the caller's question: [`Store::update`] hands it the
//! file as it is now.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::review::Reviews;

/// A reviews file shared by several writers.
#[derive(Clone, Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store for the reviews file at `path` (which need not exist yet).
    pub fn new(path: &Path) -> Store {
        Store {
            path: path.to_path_buf(),
        }
    }

    /// The reviews file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The sidecar lock file: `.NAME.lock` beside the file a symbolic link points to, so
    /// every path to one reviews file shares one lock.
    pub fn lock_path(&self) -> PathBuf {
        let real = std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        let name = real
            .file_name()
            .map_or("reviews.csv".into(), |n| n.to_string_lossy());
        let lock = format!(".{name}.lock");
        match real.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(lock),
            _ => PathBuf::from(lock),
        }
    }

    /// Reads the file as it is now (no lock needed: writers replace it whole).
    pub fn load(&self) -> Result<Reviews> {
        Reviews::load(&self.path)
    }

    /// Under the lock: reads the file, lets `change` edit what it read, and writes the result
    /// back (synced) if it differs. Returns what `change` returned and the reviews as the file
    /// now holds them.
    pub fn update<T>(&self, change: impl FnOnce(&mut Reviews) -> T) -> Result<(T, Reviews)> {
        let _lock = self.lock()?;
        let before = self.load()?;
        let mut after = before.clone();
        let out = change(&mut after);
        if after != before {
            after.save(&self.path)?;
        }
        Ok((out, after))
    }

    /// Takes the lock, waiting for any other writer; released when the file is dropped.
    fn lock(&self) -> Result<File> {
        let path = self.lock_path();
        // The error names the reviews file the user gave, not the sidecar they never named:
        // whatever stops the lock (a missing directory, no permission) stops the write too.
        let err = |source| Error::Write {
            path: self.path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(err)?;
        file.lock().map_err(err)?;
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Decision, Entry};

    fn entry(id: &str, decision: Decision) -> Entry {
        Entry {
            id: id.into(),
            doc: "wsj".into(),
            decision: Some(decision),
            note: String::new(),
            text: "Some text.".into(),
        }
    }

    #[test]
    fn an_update_applies_its_change_to_the_file_as_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        let store = Store::new(&path);
        let stale_view = store.load().unwrap();
        store
            .update(|r| r.set(entry("a1", Decision::Disputed)))
            .unwrap();
        // a writer that read before the first update still keeps a1
        let (_, now) = store
            .update(|r| r.set(entry("b2", Decision::Verified)))
            .unwrap();
        assert!(stale_view.is_empty());
        assert_eq!(now.decision("a1"), Some(Decision::Disputed));
        assert_eq!(now.decision("b2"), Some(Decision::Verified));
        assert_eq!(store.load().unwrap(), now);
    }

    #[test]
    fn an_update_that_changes_nothing_does_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        Store::new(&path).update(|_| ()).unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_lock_that_cannot_be_taken_names_the_reviews_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-dir").join("r.csv");
        let err = Store::new(&path).update(|_| ()).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: cannot write: ", path.display())),
            "{err}"
        );
        assert!(!err.contains(".lock"), "{err}");
    }

    #[test]
    fn concurrent_updates_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let store = Store::new(&path);
                std::thread::spawn(move || {
                    for i in 0..10 {
                        store
                            .update(|r| r.set(entry(&format!("c{t}-{i}"), Decision::Verified)))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(Store::new(&path).load().unwrap().len(), 80);
    }
}
