//! Which language an article is written in, and how sure we are.

use storyline_model::Language;

/// How much text the detector looks at; more adds time, not accuracy.
const SAMPLE: usize = 1200;
/// Below this many letters a guess is not worth calling reliable.
const MIN_LETTERS: usize = 60;

/// Detects the language of `text`. Short or mixed texts come back marked
/// unreliable rather than guessed; text in no known script gives `None`.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let info = whatlang::detect(sample)?;
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    Some(Language {
        code: iso639_1(info.lang().code())
            .unwrap_or(info.lang().code())
            .to_string(),
        confidence: (info.confidence() * 1000.0).round() / 1000.0,
        reliable: info.is_reliable() && letters >= MIN_LETTERS,
    })
}

/// The language of a page that declares one (`<html lang="is">`): the
/// detector's reading when it is sure, else the declaration. The text is
/// the better evidence (templates declare their site's language on pages
/// in others), but the detector knows some seventy languages and misreads
/// the rest as the nearest it knows: Icelandic as Welsh, unsure. A bare
/// `en` says nothing: it is many templates' default.
pub fn with_declared(detected: Option<Language>, declared: Option<&str>) -> Option<Language> {
    let Some(declared) = declared.and_then(primary) else {
        return detected;
    };
    match detected {
        Some(l) if l.reliable || declared == "en" => Some(l),
        // Two weak signals that agree make one the reader can be shown.
        Some(l) if same(&l.code, &declared) => Some(Language {
            reliable: true,
            ..l
        }),
        _ => Some(Language {
            code: declared,
            confidence: 0.0,
            reliable: true,
        }),
    }
}

/// The primary subtag of a language tag (`pt-BR` gives `pt`), lowercased;
/// `None` for what is no tag.
fn primary(tag: &str) -> Option<String> {
    let head = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| head.to_ascii_lowercase())
}

/// Whether two codes name one language (Norwegian is `no`, `nb` or `nn`).
fn same(a: &str, b: &str) -> bool {
    let norwegian = |c: &str| matches!(c, "no" | "nb" | "nn");
    a == b || (norwegian(a) && norwegian(b))
}

/// Two-letter codes for the languages whatlang knows that have one.
fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "eng" => "en",
        "rus" => "ru",
        "ukr" => "uk",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "nld" => "nl",
        "pol" => "pl",
        "ces" => "cs",
        "slk" => "sk",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "bul" => "bg",
        "bel" => "be",
        "ron" => "ro",
        "hun" => "hu",
        "fin" => "fi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "est" => "et",
        "lav" => "lv",
        "lit" => "lt",
        "ell" => "el",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "urd" => "ur",
        "hin" => "hi",
        "ben" => "bn",
        "tam" => "ta",
        "tel" => "te",
        "mar" => "mr",
        "guj" => "gu",
        "kan" => "kn",
        "mal" => "ml",
        "pan" => "pa",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "vie" => "vi",
        "tha" => "th",
        "ind" => "id",
        "tgl" => "tl",
        "kat" => "ka",
        "hye" => "hy",
        "aze" => "az",
        "kaz" => "kk",
        "uzb" => "uz",
        "cat" => "ca",
        "epo" => "eo",
        "lat" => "la",
        "afr" => "af",
        "zul" => "zu",
        "swa" => "sw",
        "yid" => "yi",
        "mkd" => "mk",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "amh" => "am",
        "jav" => "jv",
        "mya" => "my",
        "ori" => "or",
        "sna" => "sn",
        "aka" => "ak",
        "tuk" => "tk",
        "cym" => "cy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_reliable() {
        let l = detect("The council voted on Tuesday to close the harbour bridge for repairs, officials said, after engineers found cracks in two of its supports.").unwrap();
        assert_eq!(l.code, "en");
        assert!(l.reliable);
    }

    #[test]
    fn ukrainian() {
        let l = detect("Президент заявив, що переговори можуть розпочатися найближчим часом, якщо обидві сторони погодяться на умови.").unwrap();
        assert_eq!(l.code, "uk");
    }

    #[test]
    fn a_declared_language_stands_in_for_an_unsure_guess() {
        let unsure = |code: &str| {
            Some(Language {
                code: code.into(),
                confidence: 0.1,
                reliable: false,
            })
        };
        // A language the detector does not know, declared by the page.
        let l = with_declared(unsure("cy"), Some("is")).unwrap();
        assert_eq!((l.code.as_str(), l.reliable), ("is", true));
        // Agreement makes an unsure guess one to show.
        let l = with_declared(unsure("nb"), Some("no")).unwrap();
        assert_eq!((l.code.as_str(), l.reliable), ("nb", true));
        // A sure reading of the text wins; a bare `en` is a default.
        let sure = detect(
            "Der Gemeinderat hat am Dienstag beschlossen, die Hafenbrücke für Reparaturen zu sperren, nachdem Ingenieure Risse gefunden hatten.",
        );
        assert_eq!(with_declared(sure.clone(), Some("en-US")), sure);
        assert_eq!(with_declared(unsure("sn"), Some("en-US")), unsure("sn"));
        assert_eq!(with_declared(None, Some("pt-BR")).unwrap().code, "pt");
        assert_eq!(with_declared(None, Some("x")), None);
    }

    #[test]
    fn short_text_is_unreliable() {
        assert!(detect("Hello there").is_none_or(|l| !l.reliable));
        assert!(detect("").is_none());
        assert!(detect("1234 5678 !!!").is_none());
    }
}
