//! `storyline quotes`: who said what, for a story, an article or a speaker.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde_json::json;
use storyline_report::screen::Screen;

use crate::cmd::articles::open_existing;
use storyline_story::{Said, StoryView};

/// What to list.
pub enum Scope {
    Story(i64),
    Article(i64),
    Speaker(String),
    All,
}

pub fn run(db: &Path, scope: Scope, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let story_ids: Vec<i64> = match &scope {
        Scope::Story(id) => vec![*id],
        Scope::Article(id) => match store.story_of(*id)? {
            Some(s) => vec![s],
            None => bail!(
                "no article {id} in {} (or it is in no story yet)",
                storyline_store::shown(db)
            ),
        },
        Scope::Speaker(_) | Scope::All => store.stories()?.iter().map(|s| s.id).collect(),
    };
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    let mut any = false;
    for id in story_ids {
        // A story's quotes are its whole storyline's.
        let view = match scope {
            Scope::Story(_) => StoryView::load_line(&store, id)?,
            _ => StoryView::load(&store, id)?,
        };
        let Some(view) = view else {
            bail!("no story {id} in {}", storyline_store::shown(db));
        };
        for s in view.said(&view.entities()) {
            let keep = match &scope {
                Scope::Article(a) => s.reports.iter().any(|r| view.members[r.0].article_id == *a),
                Scope::Speaker(name) => s
                    .speaker
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains(&name.to_lowercase())),
                _ => true,
            };
            if keep {
                any = true;
                print(&mut out, &view, &s, json)?;
            }
        }
    }
    if !any && !json {
        writeln!(out, "(no quotes found)")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print(out: &mut impl Write, view: &StoryView, s: &Said, json: bool) -> anyhow::Result<()> {
    if json {
        let sources: Vec<_> = s
            .reports
            .iter()
            .filter_map(|r| view.members.get(r.0))
            .map(|m| json!({"article": m.article_id, "outlet": m.outlet, "url": m.url}))
            .collect();
        let kind = storyline_story::kind(s.kind);
        let v = json!({"story": view.row.id, "speaker": s.speaker, "text": s.text,
                       "kind": kind, "sources": sources});
        writeln!(out, "{v}")?;
    } else {
        let mut sources: Vec<String> = s.reports.iter().map(|r| view.source(r.0)).collect();
        sources.dedup();
        writeln!(
            out,
            "{}: {}  [{}]",
            s.speaker.as_deref().unwrap_or("(unattributed)"),
            s.text,
            sources.join(", ")
        )?;
    }
    Ok(())
}
