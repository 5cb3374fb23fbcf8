//! `storyline eval timex`: temporal expressions on a TimeML-style file.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = pred;
    anyhow::bail!("{}: eval timex is not implemented yet", file.display())
}
