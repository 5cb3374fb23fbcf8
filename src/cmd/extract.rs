//! `storyline extract`: articles out as JSON Lines, nothing stored.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};
use storyline_extract::Article;

use crate::ingest::{self, Outcome};
use crate::progress::Progress;

pub fn run(inputs: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let progress = Progress::new(false);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tally = ingest::run(inputs, &progress, &|_| false, |batch| {
        for o in batch {
            if let Outcome::Article { article, .. } = o {
                serde_json::to_writer(&mut out, &to_json(&article))?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if tally.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The public JSON form of an article. A language the detector is unsure of
/// is `null`, with the guess beside it, never passed off as known.
pub fn to_json(a: &Article) -> Value {
    let (lang, conf, reliable, guess) = match &a.lang {
        Some(l) if l.reliable => (Some(l.code.clone()), Some(l.confidence), true, None),
        Some(l) => (None, Some(l.confidence), false, Some(l.code.clone())),
        None => (None, None, false, None),
    };
    let mut v = json!({
        "source": a.source,
        "outlet": a.outlet,
        "url": a.url,
        "title": a.title,
        "author": a.author,
        "published": a.published,
        "lang": lang,
        "lang_confidence": conf,
        "lang_reliable": reliable,
        "text": a.text,
    });
    if let Some(g) = guess {
        v["lang_guess"] = Value::String(g);
    }
    if !a.extra.is_empty() {
        v["extra"] = Value::Object(a.extra.clone());
    }
    v
}
