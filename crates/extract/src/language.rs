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
    fn short_text_is_unreliable() {
        assert!(detect("Hello there").is_none_or(|l| !l.reliable));
        assert!(detect("").is_none());
        assert!(detect("1234 5678 !!!").is_none());
    }
}
