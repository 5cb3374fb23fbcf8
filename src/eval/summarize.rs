//! `storyline eval summarize`: story summaries scored with ROUGE.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, words: usize, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = (words, pred);
    anyhow::bail!("{}: eval summarize is not implemented yet", file.display())
}
