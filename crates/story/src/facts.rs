//! What one article says, as the analyse crates find it: the people,
//! organisations and places it names, the dates it mentions (resolved
//! against its publication day) and the statements it attributes.

use serde_json::{Value, json};
use storyline_model::Published;

/// The facts of one article as JSON: `entities`, `dates` and `quotes`,
/// each with byte offsets into the text. `lang` is the article's detected
/// language code (quotes are read by that language's rules; `""` is English).
pub fn of_article(text: &str, lang: &str, published: Option<Published>) -> Value {
    let anchor = published.map(|p| p.day());
    let mentions = mentions(text);
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
    let quotes: Vec<Value> = quotes_with(text, lang, &mentions)
        .iter()
        .map(|q| {
            json!({"text": q.words(text), "kind": kind(q.kind), "speaker": q.speaker_name,
                   "speaker_mention": q.speaker.and_then(|(a, b)| text.get(a..b)),
                   "start": q.start, "end": q.end})
        })
        .collect();
    json!({"entities": entities, "dates": dates, "quotes": quotes})
}

/// The statements one article attributes, as [`of_article`] finds them,
/// without its other facts (what a search index takes of an article).
pub fn quotes_of_article(text: &str, lang: &str) -> Vec<storyline_quote::Quote> {
    quotes_with(text, lang, &mentions(text))
}

/// The names an article's own text gives: those on a line that carries an
/// embedded social post (its text or signature: "RIP King P. Vesk A post
/// shared by ...") are the poster's, and would lend a story's people the
/// poster's nicknames.
pub(crate) fn mentions(text: &str) -> Vec<storyline_entity::Mention> {
    let mut found = storyline_entity::find(text);
    let embeds = storyline_lexicon::social_embed_lines(text);
    if !embeds.is_empty() {
        found.retain(|m| !embeds.iter().any(|&(a, b)| m.start >= a && m.start < b));
    }
    found
}

/// Speakers named as the article's own linked entities name them.
fn quotes_with(
    text: &str,
    lang: &str,
    mentions: &[storyline_entity::Mention],
) -> Vec<storyline_quote::Quote> {
    let linked = storyline_entity::link(&[(text, mentions)]);
    let known = crate::known_names(&linked);
    storyline_quote::find_in(text, lang, &known)
}

/// A quote kind's name.
pub fn kind(k: storyline_quote::Kind) -> &'static str {
    match k {
        storyline_quote::Kind::Direct => "direct",
        storyline_quote::Kind::Mixed => "mixed",
        storyline_quote::Kind::Indirect => "indirect",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_an_embedded_post_are_the_posters() {
        let text = "The singer Mara Quell died on Tuesday, her label said.\n\n\
                    RIP Queen M. Quell forever A post shared by Ivo Berg (@ivo_b) on Mar 3, 2031\n\n\
                    Quell recorded six albums with the Harbour Choir.";
        let names: Vec<String> = mentions(text).into_iter().map(|m| m.text).collect();
        assert!(names.iter().any(|n| n == "Mara Quell"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("M. Quell") || n.contains("Ivo Berg")),
            "{names:?}"
        );
    }

    #[test]
    fn an_article_gives_its_names_dates_and_quotes() {
        let text =
            "Mayor Ilsa Brandt said on Tuesday: \"The northern pier will be rebuilt by May.\"";
        let facts = of_article(text, "en", Published::parse("2031-03-06T10:00:00+01:00"));
        let names: Vec<&str> = facts["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["text"].as_str())
            .collect();
        assert!(names.iter().any(|n| n.contains("Ilsa Brandt")), "{names:?}");
        let tuesday = &facts["dates"][0];
        assert_eq!(tuesday["text"], "Tuesday");
        assert_eq!(tuesday["day"], "2031-03-04");
        assert_eq!(facts["quotes"][0]["speaker"], "Ilsa Brandt");
        assert_eq!(facts["quotes"][0]["kind"], "direct");
        let quotes = quotes_of_article(text, "en");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].speaker_name.as_deref(), Some("Ilsa Brandt"));
    }

    #[test]
    fn undated_and_empty_articles_give_empty_lists() {
        let facts = of_article("", "", None);
        for k in ["entities", "dates", "quotes"] {
            assert_eq!(facts[k].as_array().map(Vec::len), Some(0), "{k}");
        }
    }
}
