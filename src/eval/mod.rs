//! `storyline eval`: the project's own measurements, in agreement with the
//! referee scripts in `../shared/referee/`.

pub mod cluster;
pub mod cpu;
pub mod extract;
pub mod jsonl;
pub mod ner;
pub mod quotes;
pub mod shingles;
pub mod summarize;
pub mod timex;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

/// What to measure.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Main text and metadata extraction on a page benchmark.
    Extract {
        /// The benchmark's layout: `aeb` (article-extraction benchmark),
        /// `wcxb`, or `fundus` (wcxb layout; titles and authors compared
        /// after folding typographic variants, as the referee's fundus mode).
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
        /// The label field scored against (`storyline` for AllSides's
        /// storyline labels), as the referee's `--gold-key`.
        #[arg(long, default_value = "cluster")]
        gold_key: String,
        /// Which grouping is scored: events (what the benchmarks label) or
        /// storylines (events linked into one developing story).
        #[arg(long, value_enum, default_value_t = Level::Event)]
        level: Level,
    },
    /// Named-entity recognition on a CoNLL-2003 file (PER/ORG/LOC/MISC, IOB).
    Ner {
        /// Token per line, the gold tag last; blank lines end sentences.
        file: PathBuf,
        /// Write the file back with the predicted tag appended to each token line.
        #[arg(long)]
        pred: Option<PathBuf>,
    },
    /// Attributed quotes on a PolNeAR-style JSON Lines file.
    Quotes {
        /// One article per line with its gold `quotes`.
        file: PathBuf,
        /// Write predictions here in the referee's format.
        #[arg(long)]
        pred: Option<PathBuf>,
    },
    /// Temporal expressions on a TimeML-style JSON Lines file (id, dct, text, timexes).
    Timex {
        /// One document per line with its gold `timexes`.
        file: PathBuf,
        /// Write predictions here in the referee's format.
        #[arg(long)]
        pred: Option<PathBuf>,
    },
    /// Story summaries on a JSON Lines file of clusters (cluster_id, articles, reference_summary).
    Summarize {
        /// One cluster per line, in the form of `../shared/data/summaries/*.jsonl`.
        file: PathBuf,
        /// Summary length in words.
        #[arg(long, default_value_t = 120)]
        words: usize,
        /// Write predictions here in the referee's format.
        #[arg(long)]
        pred: Option<PathBuf>,
    },
}

/// The two levels of grouping.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Stories as events: a trial, its verdict and the appeal are three.
    Event,
    /// Events linked into one developing story.
    Storyline,
}

/// Page benchmark layouts.
#[derive(Clone, Copy, ValueEnum)]
pub enum Benchmark {
    /// `html/ID.html.gz` + `ground-truth.json` {ID: {articleBody, url}}.
    Aeb,
    /// `html/ID.html.gz` + `ground-truth/ID.json` {url, ground_truth: {...}}.
    Wcxb,
    /// The wcxb layout, titles and authors compared folded (curly quotes,
    /// dashes, soft hyphens and odd spaces as the referee folds them).
    Fundus,
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Extract { kind, dir, pred } => extract::run(kind, &dir, pred.as_deref()),
        EvalCommand::Cluster {
            file,
            pred,
            gold_key,
            level,
        } => cluster::run(&file, pred.as_deref(), &gold_key, level),
        EvalCommand::Ner { file, pred } => ner::run(&file, pred.as_deref()),
        EvalCommand::Quotes { file, pred } => quotes::run(&file, pred.as_deref()),
        EvalCommand::Timex { file, pred } => timex::run(&file, pred.as_deref()),
        EvalCommand::Summarize { file, words, pred } => {
            summarize::run(&file, words, pred.as_deref())
        }
    }
}
