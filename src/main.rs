//! `storyline`: raw news coverage in, stories out.
//!
//! The binary wires the pipeline stages together (source -> extract ->
//! analyse -> store -> present); each stage is a crate under `crates/`.

/// `println!` for text that may hold article text: control characters
/// are dropped on the way ([`storyline_report::screen`]), and a failed
/// write (a closed pipe: `storyline stories | head`) goes back to the
/// caller as an error instead of panicking.
macro_rules! outln {
    () => {
        std::io::Write::write_all(&mut std::io::stdout(), b"\n")?
    };
    ($($arg:tt)*) => {
        std::io::Write::write_all(
            &mut std::io::stdout(),
            storyline_report::screen::plain(&format!("{}\n", format_args!($($arg)*))).as_bytes(),
        )?
    };
}

/// `println!` for one JSON value: serde has escaped its strings already.
macro_rules! jsonln {
    ($v:expr) => {
        std::io::Write::write_all(&mut std::io::stdout(), format!("{}\n", $v).as_bytes())?
    };
}

mod cmd;
mod eval;
mod ingest;
mod intake;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns the raw news coverage of many outlets into stories.
#[derive(Parser)]
#[command(name = "storyline", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the database lives.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// SQLite database file, or a PostgreSQL URL (`postgres://user@host/db`).
    #[arg(
        long,
        env = "STORYLINE_DB",
        default_value = "storyline.db",
        global = true
    )]
    pub db: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// The main job: ingest any inputs, bring the stories up to date, and
    /// print a briefing of the top stories (or write it as HTML or JSON).
    Digest {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        options: cmd::digest::Options,
    },
    /// Read articles from files, directories, `-` (stdin), JSON Lines, feeds
    /// or WARC archives, and store them.
    Ingest {
        #[command(flatten)]
        db: DbArg,
        /// Files, directories (read recursively) or `-` for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// No progress bar and no summary on stderr.
        #[arg(long, short)]
        quiet: bool,
        /// Print the run's summary as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Build or update the full-text search index beside the database
    /// (`<db>.search/`) with the articles stored since the last run, their
    /// quotes, and the storylines.
    Index {
        #[command(flatten)]
        db: DbArg,
        /// Delete the index and build it anew from every stored article.
        #[arg(long)]
        rebuild: bool,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Extract articles without storing them: one JSON object per article on stdout.
    Extract {
        /// Files, directories or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// List stored articles.
    Articles {
        #[command(flatten)]
        db: DbArg,
        /// One JSON object per article.
        #[arg(long)]
        json: bool,
    },
    /// Show one stored article.
    Article {
        #[command(flatten)]
        db: DbArg,
        /// The article's id (see `storyline articles`).
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// List storylines, largest first, each with its events (stories of one
    /// development each).
    Stories {
        #[command(flatten)]
        db: DbArg,
        /// One JSON object per story.
        #[arg(long)]
        json: bool,
        /// First re-cluster every stored article from scratch (replaying the
        /// ingest rounds in order, so the stories come out the same).
        #[arg(long)]
        rebuild: bool,
    },
    /// Show a storyline: each of its events with its articles in time order,
    /// and their near-copies.
    Story {
        #[command(flatten)]
        db: DbArg,
        /// The storyline's id, or any of its events' (see `storyline stories`).
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The people, organisations and places of a story, with aliases and roles.
    Entities {
        #[command(flatten)]
        db: DbArg,
        /// The story's id (see `storyline stories`).
        story: i64,
        #[arg(long)]
        json: bool,
    },
    /// Who said what: attributed quotes with their speakers and sources.
    Quotes {
        #[command(flatten)]
        db: DbArg,
        /// Only this story's quotes.
        #[arg(long, conflicts_with_all = ["article", "speaker"])]
        story: Option<i64>,
        /// Only this article's quotes (speakers named as its story names them).
        #[arg(long, conflicts_with = "speaker")]
        article: Option<i64>,
        /// Only quotes whose speaker's name contains this (any case).
        #[arg(long)]
        speaker: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A story's dated developments in order, each with the outlets reporting it.
    Timeline {
        #[command(flatten)]
        db: DbArg,
        /// The story's id (see `storyline stories`).
        story: i64,
        #[arg(long)]
        json: bool,
    },
    /// Follow the news live: poll feeds and news sitemaps over HTTP as they
    /// fall due, fetch whole articles, and place them in stories as they
    /// arrive, until stopped (Ctrl-C finishes the round in progress).
    Watch {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        options: cmd::watch::Options,
    },
    /// Serve the stories as a web app and JSON API (loopback by default),
    /// updating as the database changes.
    Serve {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        options: cmd::serve::Options,
    },
    /// The feeds and sitemaps `storyline watch` polls: add, list, remove,
    /// and OPML import and export.
    Sources {
        #[command(flatten)]
        db: DbArg,
        #[command(subcommand)]
        what: cmd::sources::SourcesCommand,
    },
    /// Add inputs (WARC archives, JSON Lines, feeds: files every worker
    /// can read at the same path; or article URLs, which a worker fetches)
    /// to the work queue in the database.
    Enqueue {
        #[command(flatten)]
        db: DbArg,
        /// Files or directories (read recursively), or http(s) URLs of
        /// article pages (one item each).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Split each WARC file into items of this many records.
        #[arg(long)]
        records_per_item: Option<u64>,
    },
    /// Take queued inputs under leases, store their articles, and stand by
    /// as the placer of new articles into stories; run any number, on any
    /// machines that reach the database.
    Worker {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        options: cmd::work::WorkerOptions,
    },
    /// The work queue, the workers, throughput and failures.
    Status {
        #[command(flatten)]
        db: DbArg,
        /// One JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Measure the pipeline on labelled data.
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Digest { db, options } => cmd::digest::run(&db.db, &options),
        Command::Serve { db, options } => cmd::serve::run(&db.db, &options),
        Command::Ingest {
            db,
            inputs,
            quiet,
            json,
        } => cmd::ingest::run(&db.db, &inputs, quiet, json),
        Command::Index { db, rebuild, json } => cmd::index::run(&db.db, rebuild, json),
        Command::Extract { inputs } => cmd::extract::run(&inputs),
        Command::Articles { db, json } => cmd::articles::list(&db.db, json),
        Command::Article { db, id, json } => cmd::articles::show(&db.db, id, json),
        Command::Stories { db, json, rebuild } => cmd::stories::list(&db.db, json, rebuild),
        Command::Story { db, id, json } => cmd::stories::show(&db.db, id, json),
        Command::Entities { db, story, json } => cmd::entities::run(&db.db, story, json),
        Command::Quotes {
            db,
            story,
            article,
            speaker,
            json,
        } => {
            let scope = match (story, article, speaker) {
                (Some(s), _, _) => cmd::quotes::Scope::Story(s),
                (_, Some(a), _) => cmd::quotes::Scope::Article(a),
                (_, _, Some(n)) => cmd::quotes::Scope::Speaker(n),
                _ => cmd::quotes::Scope::All,
            };
            cmd::quotes::run(&db.db, scope, json)
        }
        Command::Timeline { db, story, json } => cmd::timeline::run(&db.db, story, json),
        Command::Watch { db, options } => cmd::watch::run(&db.db, &options),
        Command::Sources { db, what } => cmd::sources::run(&db.db, what),
        Command::Enqueue {
            db,
            inputs,
            records_per_item,
        } => cmd::work::enqueue(&db.db, &inputs, records_per_item),
        Command::Worker { db, options } => cmd::work::worker(&db.db, &options),
        Command::Status { db, json } => cmd::work::status(&db.db, json),
        Command::Eval { what } => eval::run(what),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is wrong with the run.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages name files, and a file's name is not to be trusted.
            eprintln!(
                "storyline: {}",
                storyline_report::screen::escaped(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a pipe whose reader has closed.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
