//! Key input for the interactive review: single key presses on a terminal, lines elsewhere.
//!
//! The one idea: the review loop asks a [`Keys`] for the next key and, for notes, a whole line;
//! it never knows where they come from. [`LineKeys`] reads lines from any reader (a pipe, a
//! test, a terminal in line mode: type the key, then Enter). [`RawKeys`] puts the terminal in
//! raw mode so one key press is enough; it restores the terminal when dropped (also on panic),
//! turns Ctrl-C, Ctrl-D and Esc into `q`, and drops back to the normal mode while a note is
//! typed. In raw mode the terminal no longer turns `\n` into a new line, so its output goes
//! through [`CrLf`].

use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Where the review loop gets its keys.
pub trait Keys {
    /// The next key as typed (a whole line in line mode); `None` at end of input.
    fn key(&mut self) -> io::Result<Option<String>>;
    /// One line of free text (a note); `None` at end of input.
    fn line(&mut self) -> io::Result<Option<String>>;
}

/// Keys read one line at a time.
pub struct LineKeys<R> {
    input: R,
}

impl<R: BufRead> LineKeys<R> {
    /// Reads keys from `input`.
    pub fn new(input: R) -> LineKeys<R> {
        LineKeys { input }
    }
}

impl<R: BufRead> Keys for LineKeys<R> {
    fn key(&mut self) -> io::Result<Option<String>> {
        self.line()
    }

    fn line(&mut self) -> io::Result<Option<String>> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
    }
}

/// Single key presses from the terminal in raw mode.
pub struct RawKeys {
    _private: (),
}

/// Whether a [`RawKeys`] is alive, so that a signal knows the terminal needs restoring.
static RAW: AtomicBool = AtomicBool::new(false);

impl RawKeys {
    /// Enters raw mode; the terminal is restored when the value is dropped, and on SIGINT,
    /// SIGTERM or SIGHUP by [`restore_after_signal`].
    pub fn new() -> io::Result<RawKeys> {
        RAW.store(true, Ordering::SeqCst);
        if let Err(e) = crossterm::terminal::enable_raw_mode() {
            RAW.store(false, Ordering::SeqCst);
            return Err(e);
        }
        Ok(RawKeys { _private: () })
    }
}

impl Drop for RawKeys {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
        RAW.store(false, Ordering::SeqCst);
    }
}

/// Puts the terminal back as it was before [`RawKeys::new`]: raw mode off and the cursor
/// shown. Called from the signal thread ([`crate::cli::signals`]) while the main thread may
/// hold the stdout lock, so the escape goes to `/dev/tty` directly. The review never switches
/// to the alternate screen, so there is none to leave.
pub fn restore_after_signal() {
    if !RAW.load(Ordering::SeqCst) {
        return;
    }
    let _ = crossterm::terminal::disable_raw_mode();
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        // show the cursor, then end the line the prompt was on
        let _ = tty.write_all(b"\x1b[?25h\r\n");
    }
}

impl Keys for RawKeys {
    fn key(&mut self) -> io::Result<Option<String>> {
        use crossterm::event::{self, Event, KeyEventKind};
        loop {
            if let Event::Key(k) = event::read()? {
                if k.kind == KeyEventKind::Release {
                    continue;
                }
                if let Some(c) = key_char(k.code, k.modifiers) {
                    return Ok(Some(c.to_string()));
                }
            }
        }
    }

    fn line(&mut self) -> io::Result<Option<String>> {
        crossterm::terminal::disable_raw_mode()?;
        let line = LineKeys::new(io::stdin().lock()).line();
        crossterm::terminal::enable_raw_mode()?;
        line
    }
}

/// The key a raw key event stands for: a plain character, or `q` for Ctrl-C, Ctrl-D and Esc.
/// Other keys (arrows, Enter, Ctrl combinations) are ignored.
pub fn key_char(
    code: crossterm::event::KeyCode,
    modifiers: crossterm::event::KeyModifiers,
) -> Option<char> {
    use crossterm::event::{KeyCode, KeyModifiers};
    match code {
        KeyCode::Char('c') | KeyCode::Char('d') if modifiers.contains(KeyModifiers::CONTROL) => {
            Some('q')
        }
        KeyCode::Char(_) if modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(c),
        KeyCode::Esc => Some('q'),
        _ => None,
    }
}

/// A writer that turns `\n` into `\r\n`, for output while the terminal is in raw mode.
pub struct CrLf<W> {
    inner: W,
}

impl<W: Write> CrLf<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> CrLf<W> {
        CrLf { inner }
    }
}

impl<W: Write> Write for CrLf<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' {
                self.inner.write_all(&buf[start..i])?;
                self.inner.write_all(b"\r\n")?;
                start = i + 1;
            }
        }
        self.inner.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn ctrl_c_ctrl_d_and_esc_quit_other_control_keys_are_ignored() {
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(key_char(KeyCode::Char('c'), ctrl), Some('q'));
        assert_eq!(key_char(KeyCode::Char('d'), ctrl), Some('q'));
        assert_eq!(key_char(KeyCode::Esc, KeyModifiers::NONE), Some('q'));
        assert_eq!(key_char(KeyCode::Char('v'), ctrl), None);
        assert_eq!(key_char(KeyCode::Enter, KeyModifiers::NONE), None);
        assert_eq!(key_char(KeyCode::Char('V'), KeyModifiers::SHIFT), Some('V'));
    }

    #[test]
    fn line_keys_strip_line_ends_and_end_with_none() {
        let mut keys = LineKeys::new(&b"v\r\nnote text\n"[..]);
        assert_eq!(keys.key().unwrap().as_deref(), Some("v"));
        assert_eq!(keys.line().unwrap().as_deref(), Some("note text"));
        assert_eq!(keys.key().unwrap(), None);
    }

    #[test]
    fn crlf_writer_adds_carriage_returns() {
        let mut w = CrLf::new(Vec::new());
        write!(w, "a\nb\n\nc").unwrap();
        assert_eq!(w.inner, b"a\r\nb\r\n\r\nc");
    }
}
