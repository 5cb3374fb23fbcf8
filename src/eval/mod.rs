//! `storyline eval`: the project's own measurements, in agreement with the
//! referee scripts in `../shared/referee/`.

pub mod cluster;
pub mod extract;
pub mod shingles;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

/// What to measure.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Main text and metadata extraction on a page benchmark.
    Extract {
        /// The benchmark's layout: `aeb` (article-extraction benchmark) or `wcxb`.
        kind: Benchmark,
        /// The benchmark directory (holding `html/` and the ground truth).
        dir: PathBuf,
        /// Write predictions here in the referee's format.
        #[arg(long)]
        pred: Option<PathBuf>,
    },
    /// Story clustering on a labelled JSON Lines file (id, date, title, text, cluster).
    Cluster {
        /// One article per line, in the form of `../shared/data/clustering/*.jsonl`.
        file: PathBuf,
        /// Write `id<TAB>story` lines here (the referee's format).
        #[arg(long)]
        pred: Option<PathBuf>,
    },
}

/// Page benchmark layouts.
#[derive(Clone, Copy, ValueEnum)]
pub enum Benchmark {
    /// `html/ID.html.gz` + `ground-truth.json` {ID: {articleBody, url}}.
    Aeb,
    /// `html/ID.html.gz` + `ground-truth/ID.json` {url, ground_truth: {...}}.
    Wcxb,
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Extract { kind, dir, pred } => extract::run(kind, &dir, pred.as_deref()),
        EvalCommand::Cluster { file, pred } => cluster::run(&file, pred.as_deref()),
    }
}
