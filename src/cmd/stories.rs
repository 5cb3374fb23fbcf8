//! `storyline stories` and `storyline story ID`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde_json::json;
use storyline_report::screen::{Screen, escaped, line};

use crate::cmd::articles::{day, open_existing, truncate};

pub fn list(db: &Path, json: bool, rebuild: bool) -> anyhow::Result<ExitCode> {
    let mut store = open_existing(db)?;
    if rebuild {
        storyline_story::rebuild(&mut store)?;
    }
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    for s in store.stories()? {
        if json {
            let v = json!({
                "id": s.id, "title": s.title, "articles": s.articles, "outlets": s.outlets,
                "first_published": s.first_published, "last_published": s.last_published,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{:>6}  {:>3} articles  {} .. {}  {:<60}  {}",
                s.id,
                s.articles,
                day(s.first_published.as_deref()),
                day(s.last_published.as_deref()),
                truncate(s.title.as_deref().unwrap_or("(untitled)"), 60),
                s.outlets.join(", ")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(db: &Path, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let Some((story, members)) = store.story(id)? else {
        bail!("no story {id} in {}", db.display());
    };
    if json {
        let articles: Vec<_> = members
            .iter()
            .map(|m| {
                json!({"id": m.article_id, "outlet": m.outlet, "published": m.published,
                       "title": m.title, "url": m.url, "duplicate_of": m.duplicate_of})
            })
            .collect();
        let v = json!({
            "id": story.id, "title": story.title, "articles": articles, "outlets": story.outlets,
            "first_published": story.first_published, "last_published": story.last_published,
        });
        jsonln!(v);
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{}", line(story.title.as_deref().unwrap_or("(untitled)")));
    outln!(
        "{} articles from {}",
        story.articles,
        story.outlets.join(", ")
    );
    outln!();
    for m in &members {
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
