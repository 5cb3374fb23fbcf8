//! `storyline sources`: the feeds and sitemaps `storyline watch` polls,
//! added by URL or from an OPML file, listed with their polling state, and
//! written back out as OPML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde_json::json;
use storyline_report::screen::{Screen, escaped};
use storyline_source::opml::{self, Outline};
use storyline_source::{Input, Limits};
use storyline_store::{SourceKind, SourceRow, Store};

use crate::cmd::articles::truncate;

/// What to do with the sources.
#[derive(clap::Subcommand)]
pub enum SourcesCommand {
    /// Add feeds (or, with --sitemap, sitemaps) to poll.
    Add {
        /// http or https URLs.
        #[arg(required = true)]
        urls: Vec<String>,
        /// The URLs are sitemaps listing article pages, not feeds.
        #[arg(long)]
        sitemap: bool,
    },
    /// List the sources with their health and polling schedule.
    List {
        /// One JSON object per source, with every stored field.
        #[arg(long)]
        json: bool,
    },
    /// Stop polling these sources (their articles stay).
    Remove {
        #[arg(required = true)]
        urls: Vec<String>,
    },
    /// Add every feed of an OPML subscription list.
    Import {
        /// The OPML file, or `-` for stdin.
        file: PathBuf,
    },
    /// Write the feeds as an OPML subscription list.
    Export {
        /// Where to write it; stdout when left out.
        file: Option<PathBuf>,
    },
}

pub fn run(db: &Path, what: SourcesCommand) -> anyhow::Result<ExitCode> {
    match what {
        SourcesCommand::Add { urls, sitemap } => {
            let kind = if sitemap {
                SourceKind::Sitemap
            } else {
                SourceKind::Feed
            };
            add(db, &urls, kind)
        }
        SourcesCommand::List { json } => list(db, json),
        SourcesCommand::Remove { urls } => remove(db, &urls),
        SourcesCommand::Import { file } => import(db, &file),
        SourcesCommand::Export { file } => export(db, file.as_deref()),
    }
}

fn add(db: &Path, urls: &[String], kind: SourceKind) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let now = now();
    let (mut added, mut known, mut bad) = (0, 0, 0);
    for raw in urls {
        match canonical(raw) {
            Ok(url) => {
                if store.add_source(&url, kind, None, now)? {
                    added += 1;
                } else {
                    known += 1;
                }
            }
            Err(why) => {
                bad += 1;
                error(raw, &why);
            }
        }
    }
    outln!(
        "{added} {} added{}",
        plural(added, kind.as_str()),
        if known > 0 {
            format!(", {known} already listed")
        } else {
            String::new()
        }
    );
    Ok(exit(bad))
}

fn list(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let now = now();
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    let sources = store.sources()?;
    if sources.is_empty() && !json {
        eprintln!("storyline: no sources yet (add some with `storyline sources add URL`)");
    }
    let width = sources
        .iter()
        .map(|s| s.url.chars().count())
        .max()
        .unwrap_or(0)
        .min(80);
    for s in sources {
        if json {
            let v = json!({
                "id": s.id, "url": s.url, "kind": s.kind.as_str(), "title": s.title,
                "status": status_word(&s), "added_at": s.added_at, "etag": s.etag,
                "last_modified": s.last_modified, "interval_secs": s.interval_secs,
                "next_poll_at": s.next_poll_at, "last_polled_at": s.last_polled_at,
                "last_ok_at": s.last_ok_at, "failures": s.failures, "last_error": s.last_error,
                "polls": s.polls, "unchanged": s.unchanged, "items_new": s.items_new,
            });
            writeln!(out, "{v}")?;
            continue;
        }
        let next = if s.next_poll_at <= now {
            "due now".to_string()
        } else {
            format!("in {}", span(s.next_poll_at - now))
        };
        writeln!(
            out,
            "{:<width$}  {:<7}  every {}, next {}  {} polls, {} unchanged, {} items  {}",
            truncate(&s.url, 200),
            s.kind.as_str(),
            span(s.interval_secs),
            next,
            s.polls,
            s.unchanged,
            s.items_new,
            status(&s),
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn remove(db: &Path, urls: &[String]) -> anyhow::Result<ExitCode> {
    let mut store = open_existing(db)?;
    let (mut removed, mut missing) = (0, 0);
    for raw in urls {
        // As added (canonical), else exactly as given.
        let gone = match canonical(raw) {
            Ok(url) => store.remove_source(&url)?,
            Err(_) => false,
        } || store.remove_source(raw)?;
        if gone {
            removed += 1;
        } else {
            missing += 1;
            error(raw, "not a source");
        }
    }
    outln!("{removed} {} removed", plural(removed, "source"));
    Ok(exit(missing))
}

fn import(db: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let input = if file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::Path(file.to_owned())
    };
    // Read it all before touching the store: a bad file adds nothing.
    let outlines = opml::read(&input, &Limits::default())?;
    let mut store = Store::open(db)?;
    let now = now();
    let (mut added, mut known, mut bad) = (0, 0, 0);
    for o in &outlines {
        match canonical(&o.url) {
            Ok(url) => {
                if store.add_source(&url, SourceKind::Feed, o.title.as_deref(), now)? {
                    added += 1;
                } else {
                    known += 1;
                }
            }
            Err(why) => {
                bad += 1;
                error(&format!("{}: {}", input.name(), o.url), &why);
            }
        }
    }
    outln!(
        "{added} {} added from {}{}",
        plural(added, "feed"),
        escaped(&input.name()),
        if known > 0 {
            format!(", {known} already listed")
        } else {
            String::new()
        }
    );
    Ok(exit(bad))
}

fn export(db: &Path, file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let sources = store.sources()?;
    let feeds: Vec<Outline> = sources
        .iter()
        .filter(|s| s.kind == SourceKind::Feed)
        .map(|s| Outline {
            url: s.url.clone(),
            title: s.title.clone(),
        })
        .collect();
    let left_out = sources.len() - feeds.len();
    if left_out > 0 {
        eprintln!(
            "storyline: {left_out} {} left out: OPML lists feeds",
            plural(left_out, "sitemap")
        );
    }
    let doc = opml::write(&feeds);
    match file {
        Some(path) => {
            std::fs::write(path, doc).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = Screen::new(stdout.lock(), true);
            out.write_all(doc.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) use storyline_store::canonical_url as canonical;

/// Says on stderr that `what` (a URL or a name: untrusted) was refused and why.
pub(crate) fn error(what: &str, why: &str) {
    let what: String = if what.chars().count() > 200 {
        what.chars().take(199).chain(['…']).collect()
    } else {
        what.to_string()
    };
    eprintln!("error: {}: {}", escaped(&what), escaped(why));
}

fn status_word(s: &SourceRow) -> &'static str {
    if s.failures > 0 {
        "failing"
    } else if s.polls == 0 {
        "new"
    } else {
        "ok"
    }
}

/// `ok`, `new`, or `failing (N): the last error`.
fn status(s: &SourceRow) -> String {
    match status_word(s) {
        "failing" => format!(
            "failing ({}): {}",
            s.failures,
            truncate(s.last_error.as_deref().unwrap_or("unknown error"), 80)
        ),
        word => word.to_string(),
    }
}

/// A number of seconds for people: `45 s`, `12 min`, `3 h`, `1 h 30 min`, `2 d`.
fn span(secs: i64) -> String {
    let s = secs.max(0);
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{m} min"),
        3600..86_400 if m == 0 => format!("{h} h"),
        3600..86_400 => format!("{h} h {m} min"),
        _ if h == 0 => format!("{d} d"),
        _ => format!("{d} d {h} h"),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn exit(failures: usize) -> ExitCode {
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Now, in unix seconds, as the sources table keeps times.
pub(crate) fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn open_existing(db: &Path) -> anyhow::Result<Store> {
    if !storyline_store::exists(db) {
        bail!(
            "{}: no such database (add sources with `storyline sources add`)",
            storyline_store::shown(db)
        );
    }
    Ok(Store::open(db)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(-5), "0 s");
        assert_eq!(span(45), "45 s");
        assert_eq!(span(720), "12 min");
        assert_eq!(span(3600), "1 h");
        assert_eq!(span(5400), "1 h 30 min");
        assert_eq!(span(172_800), "2 d");
        assert_eq!(span(180_000), "2 d 2 h");
    }
}
