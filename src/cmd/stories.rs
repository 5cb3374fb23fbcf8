//! `storyline stories` and `storyline story ID`: storylines, each with
//! its events (the developments it links) and their articles.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde_json::json;
use storyline_report::screen::{Screen, escaped, line};

use storyline_store::StoryRow;
use storyline_story::Storyline;

use crate::cmd::articles::{day, open_existing, open_existing_writable, truncate};

/// A story row as JSON (without its articles).
fn row_json(r: &StoryRow) -> serde_json::Value {
    json!({
        "id": r.id, "title": r.title, "articles": r.articles, "outlets": r.outlets,
        "first_published": r.first_published, "last_published": r.last_published,
    })
}

/// A story row as one line of the listing.
fn row_line(r: &StoryRow, width: usize) -> String {
    format!(
        "{:>3} articles  {} .. {}  {:<width$}",
        r.articles,
        day(r.first_published.as_deref()),
        day(r.last_published.as_deref()),
        truncate(r.title.as_deref().unwrap_or("(untitled)"), width),
    )
}

pub fn list(db: &Path, json: bool, rebuild: bool) -> anyhow::Result<ExitCode> {
    let store = if rebuild {
        let mut store = open_existing_writable(db)?;
        storyline_story::rebuild(&mut store)?;
        store
    } else {
        open_existing(db)?
    };
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    // Largest first, then most recent, as stories were listed.
    let mut lines: Vec<(StoryRow, Storyline)> = Storyline::all(&store)?
        .into_iter()
        .map(|l| (l.row(), l))
        .collect();
    lines.sort_by(|(a, _), (b, _)| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| b.last_published.cmp(&a.last_published))
            .then(a.id.cmp(&b.id))
    });
    for (row, line) in &lines {
        if json {
            let mut v = row_json(row);
            v["events"] = line.events.iter().map(row_json).collect();
            writeln!(out, "{v}")?;
            continue;
        }
        // Titles are padded to line the outlets up; nothing trails a line.
        let head = format!(
            "{:>6}  {}  {}",
            row.id,
            row_line(row, 60),
            row.outlets.join(", ")
        );
        writeln!(out, "{}", head.trim_end())?;
        if line.events.len() > 1 {
            for e in &line.events {
                let event = format!("        {:>6}  {}", e.id, row_line(e, 58));
                writeln!(out, "{}", event.trim_end())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(db: &Path, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    // A storyline's id is its first event's; any event's id finds it too.
    let Some(storyline) = Storyline::of(&store, id)? else {
        bail!("no story {id} in {}", storyline_store::shown(db));
    };
    let story = storyline.row();
    let mut events = Vec::with_capacity(storyline.events.len());
    for e in &storyline.events {
        let members = store.story(e.id)?.map(|(_, m)| m).unwrap_or_default();
        events.push((e, members));
    }
    if json {
        let article = |m: &storyline_store::StoryMember| {
            json!({"id": m.article_id, "outlet": m.outlet, "published": m.published,
                   "title": m.title, "url": m.url, "duplicate_of": m.duplicate_of})
        };
        let mut v = row_json(&story);
        v["articles"] = events
            .iter()
            .flat_map(|(_, ms)| ms.iter().map(article))
            .collect();
        v["events"] = events
            .iter()
            .map(|(e, ms)| {
                let mut ev = row_json(e);
                ev["articles"] = ms.iter().map(article).collect();
                ev
            })
            .collect();
        jsonln!(v);
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{}", line(story.title.as_deref().unwrap_or("(untitled)")));
    let n = events.len();
    outln!(
        "{} articles from {}{}",
        story.articles,
        story.outlets.join(", "),
        if n > 1 {
            format!(", in {n} events")
        } else {
            String::new()
        }
    );
    for (e, members) in &events {
        outln!();
        if n > 1 {
            outln!(
                "event {}: {} ({} .. {})",
                e.id,
                line(e.title.as_deref().unwrap_or("(untitled)")),
                day(e.first_published.as_deref()),
                day(e.last_published.as_deref())
            );
        }
        for m in members {
            let copy = m
                .duplicate_of
                .map(|d| format!("  (copy of {d})"))
                .unwrap_or_default();
            outln!(
                "{:>6}  {:<10}  {:<24}  {}{copy}",
                m.article_id,
                day(m.published.as_deref()),
                truncate(m.outlet.as_deref().unwrap_or("-"), 24),
                m.title.as_deref().unwrap_or("(untitled)")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr that the stories were rebuilt from scratch, and why.
pub fn tell_rebuilt(store: &storyline_store::Store, placed: &storyline_story::Placed) {
    if let Some(why) = &placed.rebuilt {
        eprintln!(
            "storyline: {}: {}; re-clustering every article",
            escaped(&store.path().display().to_string()),
            escaped(why)
        );
    }
}
