//! `storyline digest`: the main job. Ingests any inputs given, brings the
//! stories up to date, and writes a briefing of the stories that matter
//! most: a headline, a cited summary, who said what, a timeline, how the
//! outlets covered it, and the sources.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use storyline_store::Store;

/// Options of one digest run, as the command line gives them.
#[derive(clap::Args)]
pub struct Options {
    /// Files, directories or `-` to ingest first (optional).
    pub inputs: Vec<PathBuf>,
    /// Only stories with an article published on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Also write the report as one self-contained HTML page.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Print the whole digest as JSON instead of the briefing.
    #[arg(long)]
    pub json: bool,
    /// Summary length in words (the stored briefs' length is read as
    /// stored; another is computed).
    #[arg(long, default_value_t = storyline_story::DEFAULT_WORDS)]
    pub words: usize,
    /// Stories shown.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// No ingest summary or progress on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(db: &Path, o: &Options) -> anyhow::Result<ExitCode> {
    // Checked before any work: a mistyped day would silently show nothing.
    let since = match &o.since {
        Some(since) => Some(
            since
                .parse::<jiff::civil::Date>()
                .with_context(|| format!("--since {since}: not a day (YYYY-MM-DD)"))?,
        ),
        None => None,
    };
    let mut code = ExitCode::SUCCESS;
    if !o.inputs.is_empty() {
        code = crate::cmd::ingest::run(db, &o.inputs, o.quiet, false)?;
    } else if !storyline_store::exists(db) {
        anyhow::bail!(
            "{}: no such database (give inputs to ingest, or run `storyline ingest` first)",
            storyline_store::shown(db)
        );
    }
    let store = open_and_update(db)?;
    let options = storyline_story::Options {
        since,
        words: o.words,
        limit: o.limit,
    };
    let digest = storyline_story::digest(&store, &options)?;
    if let Some(path) = &o.html {
        std::fs::write(path, storyline_report::html::render(&digest))
            .with_context(|| format!("writing {}", path.display()))?;
        if !o.quiet {
            eprintln!(
                "storyline: wrote {}",
                storyline_report::screen::escaped(&path.display().to_string())
            );
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if o.json {
        serde_json::to_writer(&mut out, &digest)?;
        writeln!(out)?;
    } else if o.html.is_none() || !o.quiet {
        let color = stdout_is_colour();
        out.write_all(storyline_report::terminal::render(&digest, color).as_bytes())?;
    }
    out.flush()?;
    Ok(code)
}

/// Opens the database with its stories brought up to date (a no-op when no
/// article waits to be placed). A database this user cannot write is read
/// as it is, with a note on stderr, so that a digest can be read from a
/// shared or archived copy.
fn open_and_update(db: &Path) -> anyhow::Result<Store> {
    let refused = match Store::open(db) {
        Ok(mut store) if !store.is_read_only() => {
            let placed = storyline_story::update(&mut store)?;
            crate::cmd::stories::tell_rebuilt(&store, &placed);
            return Ok(store);
        }
        Ok(_) => format!("{} is read-only", storyline_store::shown(db)),
        Err(e) => e.to_string(),
    };
    // A file opened for writing that turned out read-only is opened again
    // the way read-only files are (without needing its -shm).
    let store = crate::cmd::articles::open_existing(db)?;
    eprintln!(
        "storyline: note: {}; showing the stories as stored, without placing new articles",
        storyline_report::screen::escaped(&refused)
    );
    Ok(store)
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn stdout_is_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
