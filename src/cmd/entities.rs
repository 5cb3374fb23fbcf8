//! `storyline entities STORY`: the people, organisations and places of a
//! story, each with its aliases and roles, linked across its articles.

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
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    for e in view.entities() {
        let articles = {
            let mut a: Vec<usize> = e.mentions.iter().map(|m| m.0).collect();
            a.sort_unstable();
            a.dedup();
            a.len()
        };
        if json {
            let v = json!({"name": e.canonical, "kind": e.kind.conll(), "aliases": e.aliases,
                           "roles": e.roles, "attributes": e.attributes,
                           "mentions": e.mentions.len(), "articles": articles});
            writeln!(out, "{v}")?;
        } else {
            let roles = if e.roles.is_empty() {
                String::new()
            } else {
                format!(" [{}]", e.roles.join(", "))
            };
            writeln!(
                out,
                "{:<4} {}{roles}  ({} mentions in {} articles)  aka: {}",
                e.kind.conll(),
                e.canonical,
                e.mentions.len(),
                articles,
                e.aliases.join("; ")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
