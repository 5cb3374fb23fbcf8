//! `storyline digest`: the main job. Ingests any inputs given, brings the
//! stories up to date, and writes a briefing of the stories that matter
//! most: a headline, a cited summary, who said what, a timeline, how the
//! outlets covered it, and the sources.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use storyline_report::{Coverage, Difference, Digest, Event, Line, Quote, Source, Story};
use storyline_store::{Store, StoryRow};

use crate::story_view::StoryView;

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
    /// Summary length in words.
    #[arg(long, default_value_t = 120)]
    pub words: usize,
    /// Stories shown.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// No ingest summary or progress on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Most articles of one story read for its summary, quotes and timeline: a
/// story of hundreds of reports says what it says in far fewer.
const MAX_READ: usize = 60;
/// Most quotes and timeline entries shown per story.
const MAX_QUOTES: usize = 6;
const MAX_EVENTS: usize = 12;

pub fn run(db: &Path, o: &Options) -> anyhow::Result<ExitCode> {
    if let Some(since) = &o.since {
        // Checked before any work: a mistyped day would silently show nothing.
        since
            .parse::<jiff::civil::Date>()
            .with_context(|| format!("--since {since}: not a day (YYYY-MM-DD)"))?;
    }
    let mut code = ExitCode::SUCCESS;
    if !o.inputs.is_empty() {
        code = crate::cmd::ingest::run(db, &o.inputs, o.quiet, false)?;
    } else if !db.exists() {
        anyhow::bail!(
            "{}: no such database (give inputs to ingest, or run `storyline ingest` first)",
            db.display()
        );
    }
    let mut store = Store::open(db)?;
    // Stories are brought up to date (a no-op when nothing is waiting).
    let total = crate::stories::update(&mut store)?;
    let digest = build(&store, o, total)?;
    if let Some(path) = &o.html {
        std::fs::write(path, storyline_report::html::render(&digest))
            .with_context(|| format!("writing {}", path.display()))?;
        if !o.quiet {
            eprintln!("storyline: wrote {}", path.display());
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

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn stdout_is_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn build(store: &Store, o: &Options, total: u64) -> anyhow::Result<Digest> {
    let mut rows = store.stories()?;
    if let Some(since) = &o.since {
        let since = since.get(..10).unwrap_or(since);
        rows.retain(|r| {
            r.last_published
                .as_deref()
                .and_then(|d| d.get(..10))
                .is_some_and(|d| d >= since)
        });
    }
    rank(&mut rows);
    rows.truncate(o.limit);
    let mut stories = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(view) = StoryView::load(store, row.id)? {
            stories.push(story(view, o.words));
        }
    }
    Ok(Digest {
        generated: jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .unwrap_or_else(|_| jiff::Timestamp::now())
            .to_string(),
        since: o.since.clone(),
        articles: store.count()?,
        stories_total: total,
        stories,
    })
}

/// Most important first: bigger (articles, and outlets more) and more
/// recent (against the newest story) stories lead.
fn rank(rows: &mut [StoryRow]) {
    let days = |r: &StoryRow| {
        r.last_published
            .as_deref()
            .and_then(crate::stories::unix_seconds)
            .map(|s| s as f64 / 86_400.0)
    };
    let newest = rows.iter().filter_map(days).fold(f64::MIN, f64::max);
    let score = |r: &StoryRow| {
        let age = days(r).map_or(30.0, |d| (newest - d).max(0.0));
        (1.0 + r.articles as f64).ln() + 0.5 * (1.0 + r.outlets.len() as f64).ln() - age / 7.0
    };
    rows.sort_by(|a, b| score(b).total_cmp(&score(a)).then(a.id.cmp(&b.id)));
}

/// Member indices read for analysis: all of a small story; of a big one,
/// an even spread over time.
fn sample(n: usize) -> Vec<usize> {
    if n <= MAX_READ {
        return (0..n).collect();
    }
    (0..MAX_READ).map(|i| i * n / MAX_READ).collect()
}

fn story(full: StoryView, words: usize) -> Story {
    // `sample` gives ascending indices; the texts are moved, not copied.
    let picked = sample(full.members.len());
    let StoryView {
        row,
        members,
        texts,
    } = full;
    let (members, texts) = members
        .into_iter()
        .zip(texts)
        .enumerate()
        .filter(|(i, _)| picked.binary_search(i).is_ok())
        .map(|(_, pair)| pair)
        .unzip();
    let view = StoryView {
        row,
        members,
        texts,
    };
    // Sources are numbered in time order, as the view lists them.
    let n = |i: usize| i + 1;
    let sources: Vec<Source> = view
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| Source {
            n: n(i),
            article: m.article_id,
            outlet: Some(crate::story_view::label(m)),
            title: m.title.clone(),
            url: m.url.clone(),
            published: m.published.clone(),
        })
        .collect();
    let inputs: Vec<storyline_summary::Source> = view
        .members
        .iter()
        .zip(&view.texts)
        .map(|(m, text)| storyline_summary::Source {
            id: "",
            title: m.title.as_deref().unwrap_or(""),
            text,
            time: m
                .published
                .as_deref()
                .and_then(crate::stories::unix_seconds),
            outlet: m.outlet.as_deref(),
        })
        .collect();
    let summary = storyline_summary::summarize(&inputs, words);
    // The summary crate owns the headline's choice (real titles, else a lead).
    let headline = if summary.headline.trim().is_empty() {
        "(untitled story)".to_string()
    } else {
        summary.headline.clone()
    };
    let lines = summary
        .sentences
        .iter()
        .map(|s| Line {
            text: s.text.clone(),
            sources: s.sources.iter().map(|&i| n(i)).collect(),
        })
        .collect();

    let said = view.said();
    let quotes = key_quotes(&said)
        .into_iter()
        .map(|s| Quote {
            speaker: s.speaker.clone(),
            text: s.text.clone(),
            sources: s.reports.iter().map(|r| n(r.0)).collect(),
        })
        .collect();

    let events = key_events(view.timeline(), view.row.first_published.as_deref());
    let timeline = events
        .iter()
        .map(|e| {
            let mut sources: Vec<usize> = e.reports.iter().map(|r| n(r.article)).collect();
            sources.sort_unstable();
            sources.dedup();
            Event {
                when: e.when(),
                text: e.text.clone(),
                sources,
                inferred: e.inferred,
            }
        })
        .collect();

    let (coverage, differences) = compare(&view, &said);
    Story {
        id: view.row.id,
        headline,
        articles: view.row.articles,
        outlets: view.row.outlets.clone(),
        first: view.row.first_published.clone(),
        last: view.row.last_published.clone(),
        summary: lines,
        quotes,
        timeline,
        coverage,
        differences,
        sources,
    }
}

/// The developments worth showing, in date order: within the story's own
/// weeks (background from long before is left to the articles), precise
/// days before vaguer periods, widely reported ones first when there are
/// too many.
fn key_events(
    events: Vec<storyline_timeline::Event>,
    first: Option<&str>,
) -> Vec<storyline_timeline::Event> {
    let start = first
        .and_then(|f| f.get(..10))
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .and_then(|d| d.checked_sub(jiff::Span::new().days(60)).ok());
    let mut kept: Vec<(usize, storyline_timeline::Event)> = events
        .into_iter()
        .filter(|e| match (start, e.period.last_day()) {
            (Some(s), Some(l)) => l >= s,
            _ => true,
        })
        .enumerate()
        .collect();
    if kept.len() > MAX_EVENTS {
        kept.sort_by_key(|(i, e)| {
            let day = matches!(e.period, storyline_timex::Period::Day(_));
            (
                std::cmp::Reverse(e.reports.len()),
                std::cmp::Reverse(day),
                std::cmp::Reverse(*i),
            )
        });
        kept.truncate(MAX_EVENTS);
        kept.sort_by_key(|(i, _)| *i);
    }
    kept.into_iter().map(|(_, e)| e).collect()
}

/// The quotes worth showing: quotation-marked ones by named speakers
/// first, then the most widely carried, one or two per speaker.
fn key_quotes(said: &[crate::story_view::Said]) -> Vec<&crate::story_view::Said> {
    let mut ranked: Vec<&crate::story_view::Said> = said
        .iter()
        .filter(|s| s.speaker.is_some() && s.text.split_whitespace().count() >= 6)
        .collect();
    ranked.sort_by_key(|s| {
        let marked = !matches!(s.kind, storyline_quote::Kind::Indirect);
        (
            std::cmp::Reverse(marked),
            std::cmp::Reverse(s.reports.len()),
        )
    });
    let mut per_speaker: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for s in ranked {
        let k = per_speaker
            .entry(s.speaker.as_deref().unwrap_or(""))
            .or_default();
        if *k < 2 {
            *k += 1;
            out.push(s);
        }
        if out.len() == MAX_QUOTES {
            break;
        }
    }
    out
}

/// How the outlets covered the story: per outlet its articles, first and
/// last days, the speakers it quoted and what only it reported; and the
/// statements that conflict between sources.
fn compare(view: &StoryView, said: &[crate::story_view::Said]) -> (Vec<Coverage>, Vec<Difference>) {
    let labels: Vec<String> = view.members.iter().map(crate::story_view::label).collect();
    let articles: Vec<storyline_compare::Article> = view
        .members
        .iter()
        .zip(&view.texts)
        .zip(&labels)
        .map(|((m, text), outlet)| storyline_compare::Article {
            outlet,
            time: m
                .published
                .as_deref()
                .and_then(crate::stories::unix_seconds),
            title: m.title.as_deref().unwrap_or(""),
            text,
        })
        .collect();
    // Quotation-marked statements only: indirect speech repeats what the
    // exclusives already show.
    let quotes: Vec<storyline_compare::QuoteRef> = said
        .iter()
        .filter(|s| !matches!(s.kind, storyline_quote::Kind::Indirect))
        .flat_map(|s| {
            s.reports.iter().map(move |r| storyline_compare::QuoteRef {
                article: r.0,
                speaker: s.speaker.as_deref(),
                text: &s.text,
            })
        })
        .collect();
    let c = storyline_compare::compare(&articles, &quotes);
    let n = |i: usize| vec![i + 1];
    let day = |t: Option<i64>| {
        t.and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
    };
    let coverage = c
        .coverage
        .iter()
        .map(|cov| {
            let only_here = c
                .exclusives
                .iter()
                .filter(|e| e.outlet == cov.outlet)
                .map(|e| Line {
                    text: e.sentence.text.clone(),
                    sources: n(e.sentence.article),
                })
                .collect();
            let quoted = c
                .quotes
                .iter()
                .find(|q| q.outlet == cov.outlet)
                .map(|q| q.speakers.iter().map(|s| s.name.clone()).collect())
                .unwrap_or_default();
            Coverage {
                outlet: cov.outlet.clone(),
                articles: cov.articles.len(),
                first: day(cov.first),
                last: day(cov.last),
                only_here,
                quoted,
            }
        })
        .collect();
    let side = |s: &storyline_compare::Side| Line {
        text: match &s.speaker {
            Some(who) if !s.sentence.text.contains(who.as_str()) => {
                format!("{} ({who})", s.sentence.text)
            }
            _ => s.sentence.text.clone(),
        },
        sources: n(s.sentence.article),
    };
    let differences = c
        .conflicts
        .iter()
        .map(|k| match k {
            storyline_compare::Conflict::Figure(f) => Difference {
                about: format!("the figure for {}", f.what),
                sides: f.sides.iter().map(side).collect(),
            },
            storyline_compare::Conflict::Denial(d) => Difference {
                about: "whether it happened".into(),
                sides: vec![side(&d.claim), side(&d.denial)],
            },
        })
        .collect();
    (coverage, differences)
}
