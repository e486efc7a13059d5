//! Reading the small text files a user names beside the articles: the outlets list, the
//! abbreviations list, the `check` config, an evaluation file.
//!
//! The one idea: the standard library's "stream did not contain valid UTF-8" names neither the
//! file nor the place, so every such file is read here, and a bad byte is reported as
//! `FILE: not valid UTF-8 (line N, byte M)`; the article and web-page readers report theirs
//! with [`from_utf8`] too.

use std::path::Path;

use crate::error::{Error, Result};

/// Reads the file at `path` as UTF-8 text.
pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    from_utf8(&path.display().to_string(), bytes)
}

/// The text of `bytes`, read from the file named `name`; invalid UTF-8 is an error naming the
/// line and byte offset of the first bad byte.
pub fn from_utf8(name: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        Error::input(name, format!("not valid UTF-8 (line {line}, byte {at})"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_file_the_line_and_the_byte() {
        let err = from_utf8(
            "outlets.txt",
            b"Herald | the Herald\nCo\xffurier\n".to_vec(),
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "outlets.txt: not valid UTF-8 (line 2, byte 22)"
        );
    }

    #[test]
    fn valid_text_is_returned_whole() {
        let text = from_utf8("x", "Le Monde | « le Monde »\n".as_bytes().to_vec()).unwrap();
        assert_eq!(text, "Le Monde | « le Monde »\n");
    }

    #[test]
    fn a_missing_file_is_a_read_error_naming_it() {
        let err = read(Path::new("/nonexistent/crosscheck.toml")).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("/nonexistent/crosscheck.toml: cannot read:"));
    }
}
