//! `storyline eval quotes`: attributed quotes on a PolNeAR-style file.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = pred;
    anyhow::bail!("{}: eval quotes is not implemented yet", file.display())
}
