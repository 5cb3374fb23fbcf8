//! The terminal briefing.

use std::fmt::Write;

use crate::{Digest, Line, Source, Story};

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn head(&self, s: &str) -> String {
        self.paint("1;36", s)
    }
}

/// Text without control characters (an article must not drive the
/// terminal); newlines and tabs become spaces. See [`crate::screen`].
pub fn clean(s: &str) -> String {
    crate::screen::line(s)
}

/// Wraps `text` at `width` columns, every line indented by `indent`.
fn wrap(text: &str, indent: &str, width: usize, out: &mut String) {
    let mut col = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if col > 0 && col + 1 + n > width {
            out.push('\n');
            col = 0;
        }
        if col == 0 {
            out.push_str(indent);
        } else {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += n;
    }
    out.push('\n');
}

fn marks(sources: &[usize]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    let list: Vec<String> = sources.iter().map(usize::to_string).collect();
    format!("[{}]", list.join(","))
}

fn line(l: &Line, st: &Style, indent: &str, out: &mut String) {
    let text = format!("{} {}", clean(&l.text), st.dim(&marks(&l.sources)));
    wrap(&text, indent, 88, out);
}

/// Renders the briefing; `color` adds ANSI styles.
pub fn render(d: &Digest, color: bool) -> String {
    let st = Style { on: color };
    let mut out = String::new();
    let since = d
        .since
        .as_deref()
        .map(|s| format!(" since {}", clean(s)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!(
            "storyline digest: {} of {} stories{since}, from {} articles",
            d.stories.len(),
            d.stories_total,
            d.articles
        ))
    );
    for (i, s) in d.stories.iter().enumerate() {
        story(i + 1, s, &st, &mut out);
    }
    if d.stories.is_empty() {
        out.push_str("\nNo stories yet: ingest some articles first.\n");
    }
    out
}

fn story(rank: usize, s: &Story, st: &Style, out: &mut String) {
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        st.head(&format!("{rank}. {}", clean(&s.headline)))
    );
    let days = match (&s.first, &s.last) {
        (Some(a), Some(b)) if a != b => format!("{} to {}", day(a), day(b)),
        (Some(a), _) => day(a).to_string(),
        _ => "undated".into(),
    };
    let outlets: Vec<String> = s.outlets.iter().map(|o| clean(o)).collect();
    let meta = format!(
        "story {} · {}{} · {} · {}",
        s.id,
        crate::count(s.articles as usize, "article"),
        crate::events_note(s),
        if outlets.is_empty() {
            "outlets unknown".into()
        } else {
            outlets.join(", ")
        },
        days
    );
    wrap(&st.dim(&meta), "   ", 200, out);
    out.push('\n');
    for l in &s.summary {
        line(l, st, "   ", out);
    }
    if !s.quotes.is_empty() {
        let _ = writeln!(out, "\n   {}", st.bold("Who said what"));
        for q in &s.quotes {
            let who = q
                .speaker
                .as_deref()
                .map(clean)
                .unwrap_or_else(|| "(unattributed)".into());
            let l = Line {
                text: format!("{}: {}", who, q.text),
                sources: q.sources.clone(),
            };
            line(&l, st, "     ", out);
        }
    }
    for (title, events) in [("Timeline", &s.timeline), ("Background", &s.background)] {
        if events.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n   {}", st.bold(title));
        for e in events {
            let mark = if e.inferred { "~" } else { "" };
            let l = Line {
                text: format!("{}{mark}  {}", e.when, e.text),
                sources: e.sources.clone(),
            };
            line(&l, st, "     ", out);
        }
    }
    if s.coverage.len() > 1 || !s.differences.is_empty() {
        let _ = writeln!(out, "\n   {}", st.bold("How outlets covered it"));
        for c in &s.coverage {
            let when = c.first.as_deref().map(day).unwrap_or("undated");
            let quoted = if c.quoted.is_empty() {
                String::new()
            } else {
                format!(
                    "; quotes {}",
                    c.quoted
                        .iter()
                        .map(|q| clean(q))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            wrap(
                &format!(
                    "{} ({}, from {when}){quoted}",
                    clean(&c.outlet),
                    crate::count(c.articles, "article")
                ),
                "     ",
                88,
                out,
            );
            for l in &c.only_here {
                line(
                    &Line {
                        text: format!("only here: {}", l.text),
                        sources: l.sources.clone(),
                    },
                    st,
                    "       ",
                    out,
                );
            }
        }
        for d in &s.differences {
            // Wrapped: a figure's "about" names each side's value and outlet.
            let head = format!("{} {}:", st.bold("Sources differ on"), clean(&d.about));
            wrap(&head, "     ", 88, out);
            for l in &d.sides {
                line(l, st, "       ", out);
            }
        }
    }
    if !s.sources.is_empty() {
        let _ = writeln!(out, "\n   {}", st.bold("Sources"));
        for src in &s.sources {
            source(src, out);
        }
    }
}

fn source(s: &Source, out: &mut String) {
    let mut text = format!(
        "[{}] {}",
        s.n,
        s.outlet
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| format!("article {}", s.article))
    );
    if let Some(t) = &s.title {
        let _ = write!(text, ": {}", clean(t));
    }
    if let Some(p) = &s.published {
        let _ = write!(text, " ({})", day(p));
    }
    if let Some(u) = &s.url {
        let _ = write!(text, " {}", clean(u));
    }
    wrap(&text, "     ", 120, out);
}

/// The calendar day of a stored date.
fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest() -> Digest {
        Digest {
            articles: 2,
            stories_total: 1,
            stories: vec![Story {
                id: 7,
                headline: "Ferry strike \u{1b}[31mgoes on".into(),
                articles: 2,
                outlets: vec!["north.example".into()],
                first: Some("2025-03-03".into()),
                last: Some("2025-03-04T10:00:00".into()),
                summary: vec![Line {
                    text: "Crews walked out.".into(),
                    sources: vec![1, 2],
                }],
                sources: vec![Source {
                    n: 1,
                    article: 3,
                    ..Source::default()
                }],
                ..Story::default()
            }],
            ..Digest::default()
        }
    }

    #[test]
    fn background_has_its_own_heading_after_the_timeline() {
        let mut d = digest();
        let event = |when: &str, text: &str| crate::Event {
            when: when.into(),
            text: text.into(),
            sources: vec![1],
            inferred: false,
        };
        d.stories[0].timeline = vec![event("2025-03-03", "Crews walked out.")];
        d.stories[0].background = vec![event("2019-05", "A first strike closed the line.")];
        let plain = render(&d, false);
        let timeline = plain.find("Timeline").expect("a timeline heading");
        let background = plain.find("Background").expect("a background heading");
        let old = plain.find("A first strike").expect("the background entry");
        assert!(timeline < background && background < old, "{plain}");
        assert!(
            plain
                .find("Crews walked out.")
                .is_some_and(|i| i < background)
        );
    }

    #[test]
    fn plain_when_piped_and_no_control_characters_from_articles() {
        let plain = render(&digest(), false);
        assert!(!plain.contains('\u{1b}'), "{plain}");
        assert!(plain.contains("Crews walked out. [1,2]"));
        assert!(plain.contains("2025-03-03 to 2025-03-04"));
        let coloured = render(&digest(), true);
        assert!(coloured.contains("\u{1b}[1;36m"));
        // The article's own escape sequence is gone even in colour.
        assert!(!coloured.contains("\u{1b}[31m"));
        assert!(render(&Digest::default(), false).contains("No stories yet"));
    }

    #[test]
    fn a_long_difference_wraps() {
        let mut d = digest();
        d.stories[0].differences = vec![crate::Difference {
            about: "the number of ferries: four ferries (North Harbour Daily) vs six ferries (South Quay Evening Courier)".into(),
            sides: vec![Line {
                text: "Four ferries stayed in port.".into(),
                sources: vec![1],
            }],
        }];
        let plain = render(&d, false);
        assert!(plain.contains("Sources differ on the number of ferries: four ferries"));
        assert!(plain.lines().all(|l| l.chars().count() <= 92), "{plain}");
    }
}
