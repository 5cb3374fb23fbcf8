//! What one article says, as the analyse crates find it: the people,
//! organisations and places it names, the dates it mentions (resolved
//! against its publication day) and the statements it attributes.

use serde_json::{Value, json};

/// The facts of one article as JSON: `entities`, `dates` and `quotes`,
/// each with byte offsets into the text.
pub fn of_article(text: &str, published: Option<&str>) -> Value {
    let anchor = published
        .and_then(|p| p.get(..10))
        .and_then(|d| d.parse().ok());
    let mentions = storyline_entity::find(text);
    let entities: Vec<Value> = mentions
        .iter()
        .map(|m| json!({"text": m.text, "kind": m.kind.conll(), "start": m.start, "end": m.end}))
        .collect();
    let dates: Vec<Value> = storyline_timex::find(text, anchor)
        .iter()
        .map(|t| {
            json!({"text": text.get(t.start..t.end), "kind": t.kind.as_str(), "value": t.value,
                   "day": t.day().map(|d| d.to_string()), "start": t.start, "end": t.end})
        })
        .collect();
    // Speakers named as the article's own linked entities name them.
    let linked = storyline_entity::link(&[(text, &mentions)]);
    let known = crate::story_view::known_names(&linked);
    // Quotes are read by the rules of the article's language, as ingest detects it.
    let lang = storyline_extract::language::detect(text).map(|l| l.code);
    let quotes: Vec<Value> = storyline_quote::find_in(text, lang.as_deref().unwrap_or(""), &known)
        .iter()
        .map(|q| {
            json!({"text": q.words(text), "kind": kind(q.kind), "speaker": q.speaker_name,
                   "speaker_mention": q.speaker.and_then(|(a, b)| text.get(a..b)),
                   "start": q.start, "end": q.end})
        })
        .collect();
    json!({"entities": entities, "dates": dates, "quotes": quotes})
}

/// A quote kind's name.
pub fn kind(k: storyline_quote::Kind) -> &'static str {
    match k {
        storyline_quote::Kind::Direct => "direct",
        storyline_quote::Kind::Mixed => "mixed",
        storyline_quote::Kind::Indirect => "indirect",
    }
}
