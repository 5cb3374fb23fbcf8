//! `storyline eval ner`: named-entity recognition on a CoNLL-2003 file.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = pred;
    anyhow::bail!("{}: eval ner is not implemented yet", file.display())
}
