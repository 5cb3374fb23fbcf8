//! How the outlets covered a story, as the digest shows it.

use storyline_report::{Coverage, Difference, Line};

use crate::{Said, StoryView};

/// How the outlets covered the story: per outlet its articles, first and
/// last days, the speakers it quoted and what only it reported; and the
/// statements that conflict between sources.
pub fn coverage(view: &StoryView, said: &[Said]) -> (Vec<Coverage>, Vec<Difference>) {
    // The outlet only, never a file name: compare keeps unknown ones apart.
    let labels: Vec<String> = view
        .members
        .iter()
        .map(|m| {
            m.outlet_name
                .clone()
                .or_else(|| m.outlet.clone())
                .unwrap_or_default()
        })
        .collect();
    let articles: Vec<storyline_compare::Article> = view
        .articles()
        .iter()
        .zip(&labels)
        .map(|(a, outlet)| a.for_comparison(outlet))
        .collect();
    // Quotation-marked statements only: indirect speech repeats what the
    // exclusives already show.
    let quotes: Vec<storyline_compare::QuoteRef> = said
        .iter()
        .filter(|s| !matches!(s.kind, storyline_quote::Kind::Indirect))
        .flat_map(|s| {
            s.reports.iter().map(move |r| storyline_compare::QuoteRef {
                article: r.0,
                speaker: s.speaker.as_deref(),
                text: &s.text,
            })
        })
        .collect();
    let c = storyline_compare::compare(&articles, &quotes);
    let n = |i: usize| vec![i + 1];
    let day = |t: Option<i64>| {
        t.and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
    };
    let coverage = c
        .coverage
        .iter()
        .map(|cov| {
            let only_here = c
                .exclusives
                .iter()
                .filter(|e| e.outlet == cov.outlet)
                .map(|e| Line {
                    text: e.sentence.text.clone(),
                    sources: n(e.sentence.article),
                })
                .collect();
            let quoted = c
                .quotes
                .iter()
                .find(|q| q.outlet == cov.outlet)
                .map(|q| q.speakers.iter().map(|s| s.name.clone()).collect())
                .unwrap_or_default();
            Coverage {
                outlet: cov.outlet.clone(),
                articles: cov.articles.len(),
                first: day(cov.first),
                last: day(cov.last),
                only_here,
                quoted,
            }
        })
        .collect();
    let side = |s: &storyline_compare::Side| Line {
        text: match &s.speaker {
            Some(who) if !s.sentence.text.contains(who.as_str()) => {
                format!("{} ({who})", s.sentence.text)
            }
            _ => s.sentence.text.clone(),
        },
        sources: n(s.sentence.article),
    };
    let differences = c
        .conflicts
        .iter()
        .map(|k| match k {
            storyline_compare::Conflict::Figure(f) => Difference {
                about: f.about(),
                sides: f.sides.iter().map(side).collect(),
            },
            storyline_compare::Conflict::Denial(d) => Difference {
                about: "whether it happened".into(),
                sides: vec![side(&d.claim), side(&d.denial)],
            },
        })
        .collect();
    (coverage, differences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outlet_is_listed_with_its_days() {
        let view = crate::fixture::harbour_view();
        let said = view.said(&view.entities());
        let (coverage, _) = coverage(&view, &said);
        let mut outlets: Vec<(&str, Option<&str>)> = coverage
            .iter()
            .map(|c| (c.outlet.as_str(), c.first.as_deref()))
            .collect();
        outlets.sort();
        assert_eq!(
            outlets,
            [
                ("bayherald.example", Some("2031-03-05")),
                ("coastpost.example", Some("2031-03-04")),
                ("tidings.example", Some("2031-03-04")),
            ]
        );
    }
}
