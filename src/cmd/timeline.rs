//! `storyline timeline STORY`: a story's dated developments, in order.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde_json::json;
use storyline_report::screen::Screen;

use crate::cmd::articles::open_existing;
use storyline_story::StoryView;

pub fn run(db: &Path, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let Some(view) = StoryView::load_line(&store, id)? else {
        bail!("no story {id} in {}", storyline_store::shown(db));
    };
    let events = view.timeline();
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    if json {
        let events: Vec<_> = events
            .iter()
            .map(|e| {
                let sources: Vec<_> = e
                    .reports
                    .iter()
                    .filter_map(|r| {
                        let m = view.members.get(r.article)?;
                        let said = view.texts.get(r.article)?.get(r.start..r.end)?;
                        Some(
                            json!({"article": m.article_id, "outlet": m.outlet, "url": m.url,
                                    "sentence": said}),
                        )
                    })
                    .collect();
                json!({"when": e.when(), "first_day": e.period.first_day().map(|d| d.to_string()),
                       "text": e.text, "date_inferred": e.inferred, "background": e.background,
                       "sources": sources})
            })
            .collect();
        writeln!(
            out,
            "{}",
            json!({"story": id, "title": view.row.title, "events": events})
        )?;
    } else {
        writeln!(out, "{}", view.row.title.as_deref().unwrap_or("(untitled)"))?;
        writeln!(out)?;
        for e in &events {
            let mut sources: Vec<String> =
                e.reports.iter().map(|r| view.source(r.article)).collect();
            sources.dedup();
            let mark = if e.inferred { "~" } else { " " };
            writeln!(
                out,
                "{:<10}{mark} {}  [{}]",
                e.when(),
                e.text,
                sources.join(", ")
            )?;
        }
        if events.is_empty() {
            writeln!(out, "(no dated developments found)")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
