//! A progress bar for long runs, only when a person is watching.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use storyline_report::screen::escaped;

/// Shows articles done and articles/s on a terminal's stderr; silent
/// otherwise, so piped output stays machine-readable.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(enabled: bool) -> Self {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} articles  {per_sec}  {elapsed}  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        Progress { bar }
    }

    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }

    /// Shows `msg` (a file's name: escaped) beside the count.
    pub fn message(&self, msg: &str) {
        if let Some(b) = &self.bar {
            b.set_message(escaped(msg));
        }
    }

    /// Prints a line on stderr without tearing the bar; the line names an
    /// input, whose control characters are escaped so that a file's name
    /// cannot forge a second line or drive the terminal.
    pub fn error(&self, line: &str) {
        let line = escaped(line);
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("error: {line}")),
            None => eprintln!("error: {line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
