//! Article text made safe for a terminal.
//!
//! Everything an article holds is untrusted, and a terminal obeys what it
//! is sent: ESC and CSI sequences clear the screen or move the cursor, OSC
//! sets the window title or makes links, bidirectional overrides reorder
//! what is shown. Every command that prints article-derived text goes
//! through this one filter; what it drops is decided by [`hidden`] alone.

use std::io::{self, Write};

/// Characters never sent to a terminal: C0 controls (newline and tab
/// aside, which callers decide about), DEL, C1 controls, and the
/// bidirectional marks, embeddings, overrides and isolates.
pub fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text with [`hidden`] characters dropped; lines and tabs kept.
pub fn plain(s: &str) -> String {
    s.chars().filter(|&c| !hidden(c)).collect()
}

/// Text for one line of output: [`plain`], with newlines and tabs as spaces.
pub fn line(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|&c| !hidden(c))
        .collect()
}

/// A name (a file, a path) for a message line: [`hidden`] characters,
/// newlines and tabs written as Rust escapes (`\n`, `\u{1b}`), so that a
/// name can neither drive the terminal nor forge a second line.
pub fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if hidden(c) || c == '\n' || c == '\t' {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that passes text through [`plain`] on its way out (when
/// `clean`; otherwise as it is, for JSON, which serde already escapes).
pub struct Screen<W: Write> {
    inner: W,
    clean: bool,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<W: Write> Screen<W> {
    /// Wraps `inner`; `clean` turns the filter on.
    pub fn new(inner: W, clean: bool) -> Self {
        Screen {
            inner,
            clean,
            pending: Vec::new(),
        }
    }

    fn drain(&mut self, all: bool) -> io::Result<()> {
        let upto = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            // A character cut short at the end waits for the next write.
            Err(e) if e.error_len().is_none() && !all => e.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        let text = String::from_utf8_lossy(&self.pending[..upto]);
        self.inner.write_all(plain(&text).as_bytes())?;
        self.pending.drain(..upto);
        Ok(())
    }
}

impl<W: Write> Write for Screen<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.clean {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.drain(true)?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Screen<W> {
    fn drop(&mut self) {
        // Errors on drop have no one to go to; `flush` reports them.
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\x1b[2Jb\x1b]0;title\x07c\x1b]8;;http://x.example\x1b\\d\u{9b}e\u{202e}f\u{2066}g\rh\ni\tj\u{7f}";

    #[test]
    fn controls_and_overrides_go_lines_and_tabs_stay() {
        assert_eq!(
            plain(HOSTILE),
            "a[2Jb]0;titlec]8;;http://x.example\\defgh\ni\tj"
        );
        assert_eq!(
            line(HOSTILE),
            "a[2Jb]0;titlec]8;;http://x.example\\defgh i j"
        );
        assert_eq!(plain("Velmora — café, 東京"), "Velmora — café, 東京");
    }

    #[test]
    fn names_are_escaped_not_dropped() {
        assert_eq!(escaped("bad\nerror: forged.txt"), "bad\\nerror: forged.txt");
        assert_eq!(escaped("x\x1b[2J\u{202e}.txt"), "x\\u{1b}[2J\\u{202e}.txt");
        assert_eq!(escaped("plain name.txt"), "plain name.txt");
    }

    #[test]
    fn the_writer_filters_across_split_characters() {
        let mut out = Vec::new();
        {
            let mut s = Screen::new(&mut out, true);
            let bytes = "x\u{202e}y\u{9b}z é".as_bytes();
            for chunk in bytes.chunks(1) {
                s.write_all(chunk).unwrap();
            }
            s.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "xyz é");
        let mut raw = Vec::new();
        Screen::new(&mut raw, false).write_all(b"\x1b[0m").unwrap();
        assert_eq!(raw, b"\x1b[0m");
    }
}
