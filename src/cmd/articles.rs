//! `storyline articles` and `storyline article ID`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use storyline_report::screen::{Screen, line};
use storyline_store::{Store, StoreError};

use crate::cmd::extract::to_json;

pub fn list(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let stdout = std::io::stdout();
    let mut out = Screen::new(std::io::BufWriter::new(stdout.lock()), !json);
    for a in store.list()? {
        if json {
            let lang = a
                .lang
                .as_ref()
                .filter(|l| l.reliable)
                .map(|l| l.code.clone());
            let v = serde_json::json!({
                "id": a.id, "outlet": a.outlet, "outlet_name": a.outlet_name,
                "published": a.published, "title": a.title, "lang": lang,
                "chars": a.text_chars, "pending": a.pending, "url": a.url,
            });
            writeln!(out, "{v}")?;
        } else {
            let lang = a
                .lang
                .as_ref()
                .filter(|l| l.reliable)
                .map_or("?", |l| l.code.as_str());
            writeln!(
                out,
                "{:>6}  {:<10}  {:<24}  {:<3} {}{}",
                a.id,
                day(a.published.as_deref()),
                truncate(
                    a.outlet_name
                        .as_deref()
                        .or(a.outlet.as_deref())
                        .unwrap_or("unknown"),
                    24
                ),
                lang,
                // An article known by title and link alone says so.
                if a.pending {
                    "[waiting for its page] "
                } else {
                    ""
                },
                truncate(a.title.as_deref().unwrap_or("(untitled)"), 80)
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(db: &Path, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let Some(a) = store.article(id)? else {
        bail!("no article {id} in {}", storyline_store::shown(db));
    };
    if json {
        let mut v = to_json(&a.article);
        v["id"] = a.id.into();
        v["ingested_at"] = a.ingested_at.clone().into();
        let facts = facts(&store, a.id, &a.article)?;
        for k in ["entities", "dates", "quotes"] {
            v[k] = facts[k].clone();
        }
        jsonln!(v);
        return Ok(ExitCode::SUCCESS);
    }
    let art = &a.article;
    outln!("{}", line(art.title.as_deref().unwrap_or("(untitled)")));
    outln!();
    let field = |k: &str, v: Option<&str>| -> std::io::Result<()> {
        outln!("{k:<10} {}", line(v.unwrap_or("-")));
        Ok(())
    };
    field("id", Some(&a.id.to_string()))?;
    field("outlet", art.outlet.as_deref())?;
    field("author", art.author.as_deref())?;
    field("published", art.published.as_deref())?;
    field("url", art.url.as_deref())?;
    let lang = art.lang.as_ref().map(|l| {
        if l.reliable && l.confidence == 0.0 {
            format!("{} (declared by the page)", l.code)
        } else if l.reliable {
            format!("{} ({:.2})", l.code, l.confidence)
        } else {
            format!("unknown (guess {} at {:.2})", l.code, l.confidence)
        }
    });
    field("language", lang.as_deref())?;
    field("source", Some(&art.source))?;
    outln!();
    outln!("{}", art.text);
    let facts = facts(&store, a.id, art)?;
    let list = |k: &str| facts[k].as_array().cloned().unwrap_or_default();
    outln!();
    let mut names: Vec<String> = Vec::new();
    let all = list("entities");
    let forms = all.iter().map(|e| {
        format!(
            "{} ({})",
            e["text"].as_str().unwrap_or(""),
            e["kind"].as_str().unwrap_or("")
        )
    });
    for f in forms {
        if !names.contains(&f) {
            names.push(f);
        }
    }
    outln!("names      {}", names.join(", "));
    for d in list("dates") {
        outln!(
            "date       {:<28} {}",
            d["text"].as_str().unwrap_or(""),
            d["value"].as_str().unwrap_or("")
        );
    }
    for q in list("quotes") {
        outln!(
            "said       {}: {}",
            q["speaker"].as_str().unwrap_or("(unattributed)"),
            q["text"].as_str().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens an existing database to read it: read-only, so that it works in a
/// directory the user cannot write and never blocks a running writer.
pub fn open_existing(db: &Path) -> anyhow::Result<Store> {
    must_exist(db)?;
    match Store::open_read_only(db) {
        // A file from an older build is upgraded once, which needs writing.
        Err(StoreError::Outdated { .. }) => Ok(Store::open(db)?),
        other => Ok(other?),
    }
}

/// Opens an existing database to change it.
pub fn open_existing_writable(db: &Path) -> anyhow::Result<Store> {
    must_exist(db)?;
    Ok(Store::open(db)?)
}

/// Fails with a hint when there is no database at `db`: opening would
/// otherwise create an empty one, or fail less clearly.
fn must_exist(db: &Path) -> anyhow::Result<()> {
    if !storyline_store::exists(db) {
        bail!(
            "{}: no such database (run `storyline ingest` first)",
            storyline_store::shown(db)
        );
    }
    Ok(())
}

/// `s` on one line ([`line`]), cut to `n` characters.
pub fn truncate(s: &str, n: usize) -> String {
    let s = line(s);
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A stored publication time's day, or `undated`.
pub fn day(published: Option<&str>) -> String {
    published
        .and_then(storyline_model::Published::parse)
        .map_or_else(|| "undated".to_string(), |p| p.day().to_string())
}

/// Article `id`'s facts: as stored at ingest, else (an older file opened
/// read-only, or a text cleaned again since) computed now.
fn facts(
    store: &Store,
    id: i64,
    a: &storyline_model::Article,
) -> anyhow::Result<serde_json::Value> {
    if let Some(v) = store
        .article_facts(id)?
        .and_then(|f| serde_json::from_str(&f).ok())
    {
        return Ok(v);
    }
    Ok(storyline_story::of_article(
        &a.text,
        lang_code(a),
        a.published_at(),
    ))
}

/// The article's detected language code, `""` when none was detected.
fn lang_code(a: &storyline_model::Article) -> &str {
    a.lang.as_ref().map_or("", |l| l.code.as_str())
}
