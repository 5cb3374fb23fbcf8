//! The quotes a digest shows.

use std::collections::BTreeMap;

use crate::Said;

/// Most quotes shown per story.
pub const MAX_QUOTES: usize = 6;

/// The quotes worth showing: quotation-marked ones by named speakers
/// first, then the most widely carried, one or two per speaker.
pub fn key_quotes(said: &[Said]) -> Vec<&Said> {
    let mut ranked: Vec<&Said> = said
        .iter()
        .filter(|s| s.speaker.is_some() && s.text.split_whitespace().count() >= 6)
        .collect();
    ranked.sort_by_key(|s| {
        let marked = !matches!(s.kind, storyline_quote::Kind::Indirect);
        (
            std::cmp::Reverse(marked),
            std::cmp::Reverse(s.reports.len()),
        )
    });
    let mut per_speaker: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for s in ranked {
        let k = per_speaker
            .entry(s.speaker.as_deref().unwrap_or(""))
            .or_default();
        if *k < 2 {
            *k += 1;
            out.push(s);
        }
        if out.len() == MAX_QUOTES {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_quote::Kind;

    fn said(speaker: &str, text: &str, kind: Kind, reports: usize) -> Said {
        Said {
            speaker: Some(speaker.into()),
            text: text.into(),
            kind,
            reports: (0..reports).map(|i| (i, 0, 1)).collect(),
        }
    }

    #[test]
    fn marked_quotes_lead_and_each_speaker_gets_two_at_most() {
        let all = vec![
            said(
                "Ilsa Brandt",
                "the pier would be rebuilt within the year",
                Kind::Indirect,
                5,
            ),
            said(
                "Ilsa Brandt",
                "we will rebuild the pier before autumn comes",
                Kind::Direct,
                1,
            ),
            said(
                "Ilsa Brandt",
                "the harbour stays open through all the repairs",
                Kind::Direct,
                2,
            ),
            said(
                "Oren Vask",
                "the boats can wait outside for a few days",
                Kind::Direct,
                1,
            ),
            said("Oren Vask", "too short", Kind::Direct, 9),
        ];
        let texts: Vec<&str> = key_quotes(&all).iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the harbour stays open through all the repairs",
                "we will rebuild the pier before autumn comes",
                "the boats can wait outside for a few days",
            ]
        );
    }
}
