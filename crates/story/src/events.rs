//! The timeline entries a digest shows.

/// Most timeline entries shown per story.
pub const MAX_EVENTS: usize = 12;

/// The developments worth showing, in date order: within the story's own
/// weeks from its `first` day on (background from long before is left to
/// the articles), precise
/// days before vaguer periods, widely reported ones first when there are
/// too many.
pub fn key_events(
    events: Vec<storyline_timeline::Event>,
    first: Option<jiff::civil::Date>,
) -> Vec<storyline_timeline::Event> {
    let start = first.and_then(|d| d.checked_sub(jiff::Span::new().days(60)).ok());
    let mut kept: Vec<(usize, storyline_timeline::Event)> = events
        .into_iter()
        .filter(|e| match (start, e.period.last_day()) {
            (Some(s), Some(l)) => l >= s,
            _ => true,
        })
        .enumerate()
        .collect();
    if kept.len() > MAX_EVENTS {
        kept.sort_by_key(|(i, e)| {
            let day = matches!(e.period, storyline_timex::Period::Day(_));
            (
                std::cmp::Reverse(e.reports.len()),
                // Of equally reported ones, those that read alone.
                e.leans(),
                std::cmp::Reverse(day),
                std::cmp::Reverse(*i),
            )
        });
        kept.truncate(MAX_EVENTS);
        kept.sort_by_key(|(i, _)| *i);
    }
    kept.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_from_long_before_is_left_out() {
        let texts = [
            "The old bridge of Velmora opened on 4 May 2020. The new pier opened on 2 March 2031.",
        ];
        let articles: Vec<storyline_timeline::Article> = texts
            .iter()
            .map(|text| storyline_timeline::Article {
                text,
                published: "2031-03-04".parse().ok(),
            })
            .collect();
        let all = storyline_timeline::build(&articles);
        assert!(
            all.len() >= 2,
            "{:?}",
            all.iter().map(|e| e.when()).collect::<Vec<_>>()
        );
        let kept = key_events(all, "2031-03-04".parse().ok());
        let when: Vec<String> = kept.iter().map(|e| e.when()).collect();
        assert!(when.iter().all(|w| w.starts_with("2031")), "{when:?}");
        assert!(!kept.is_empty());
    }
}
