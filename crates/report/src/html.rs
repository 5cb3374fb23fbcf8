//! The HTML report: one self-contained page, navigable by story.
//!
//! Every string from a digest is escaped; links are written only for
//! `http`/`https` URLs; and a content security policy forbids scripts and
//! every external load, so even a mistake in escaping could not run code
//! or fetch anything.

use std::fmt::Write;

use crate::{Digest, Line, Story};

/// Text escaped for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL safe to link: `http` or `https` only, escaped.
fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| escape(u))
}

/// The report's stylesheet (the server serves it as a file).
pub const STYLE: &str = "
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfcf9}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin:2.5rem 0 .2rem;border-top:2px solid #ddd;padding-top:1rem}
h3{font:600 .8rem/1.2 sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#666;margin:1.4rem 0 .4rem}
.meta{font:.85rem sans-serif;color:#666}nav ol{padding-left:1.2rem}nav li{margin:.2rem 0}
sup a{text-decoration:none;font:.7rem sans-serif;color:#36c}ul{padding-left:1.2rem}li{margin:.3rem 0}
.when{font:600 .85rem sans-serif;color:#444;white-space:nowrap;padding-right:.8rem;vertical-align:top}
table{border-collapse:collapse}td{padding:.25rem 0;vertical-align:top}.who{font-weight:600}
.sources{font:.85rem sans-serif}.differ{border-left:3px solid #c63;padding-left:.8rem}
a{color:#36c}.inferred{color:#999}";

/// Renders the page.
pub fn render(d: &Digest) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(
        out,
        "<title>storyline digest</title><style>{STYLE}</style></head><body>"
    );
    let since = d
        .since
        .as_deref()
        .map(|s| format!(" since {}", escape(s)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<h1>storyline digest</h1><p class=\"meta\">{} of {} stories{since}, from {} articles · made {}</p>",
        d.stories.len(),
        d.stories_total,
        d.articles,
        escape(&d.generated)
    );
    if d.stories.is_empty() {
        out.push_str("<p>No stories yet: ingest some articles first.</p>");
    } else {
        out.push_str("<nav><h3>Stories</h3><ol>");
        for s in &d.stories {
            let _ = write!(
                out,
                "<li><a href=\"#story-{}\">{}</a> <span class=\"meta\">{}</span></li>",
                s.id,
                escape(&s.headline),
                crate::count(s.articles as usize, "article")
            );
        }
        out.push_str("</ol></nav>\n");
    }
    for s in &d.stories {
        story(s, &mut out);
    }
    out.push_str("</body></html>\n");
    out
}

/// Citation marks linking to the story's source list.
fn cites(story: i64, sources: &[usize], out: &mut String) {
    if sources.is_empty() {
        return;
    }
    out.push_str("<sup>");
    for n in sources {
        let _ = write!(out, "<a href=\"#s{story}-{n}\">[{n}]</a>");
    }
    out.push_str("</sup>");
}

fn line(story: i64, l: &Line, out: &mut String) {
    out.push_str(&escape(&l.text));
    cites(story, &l.sources, out);
}

/// Writes one story as a `<section>`: headline, summary, who said what,
/// timeline, coverage and sources, every string escaped.
pub fn story(s: &Story, out: &mut String) {
    let id = s.id;
    let _ = writeln!(
        out,
        "<section id=\"story-{id}\"><h2>{}</h2>",
        escape(&s.headline)
    );
    let days = match (&s.first, &s.last) {
        (Some(a), Some(b)) if a.get(..10) != b.get(..10) => {
            format!("{} to {}", escape(day(a)), escape(day(b)))
        }
        (Some(a), _) => escape(day(a)),
        _ => "undated".into(),
    };
    let outlets: Vec<String> = s.outlets.iter().map(|o| escape(o)).collect();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}{} · {} · {days}</p>",
        crate::count(s.articles as usize, "article"),
        crate::events_note(s),
        if outlets.is_empty() {
            "outlets unknown".into()
        } else {
            outlets.join(", ")
        }
    );
    if !s.summary.is_empty() {
        out.push_str("<p>");
        for (i, l) in s.summary.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            line(id, l, out);
        }
        out.push_str("</p>\n");
    }
    if !s.quotes.is_empty() {
        out.push_str("<h3>Who said what</h3><ul>");
        for q in &s.quotes {
            let who = q
                .speaker
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| "Unattributed".into());
            let _ = write!(
                out,
                "<li><span class=\"who\">{who}</span>: {}",
                escape(&q.text)
            );
            cites(id, &q.sources, out);
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    for (title, events) in [("Timeline", &s.timeline), ("Background", &s.background)] {
        if events.is_empty() {
            continue;
        }
        let _ = write!(out, "<h3>{title}</h3><table>");
        for e in events {
            let class = if e.inferred { " inferred" } else { "" };
            let mark = if e.inferred { " (date inferred)" } else { "" };
            let _ = write!(
                out,
                "<tr><td class=\"when{class}\">{}{mark}</td><td>{}",
                escape(&e.when),
                escape(&e.text)
            );
            cites(id, &e.sources, out);
            out.push_str("</td></tr>");
        }
        out.push_str("</table>\n");
    }
    if s.coverage.len() > 1 || !s.differences.is_empty() {
        out.push_str("<h3>How outlets covered it</h3><ul>");
        for c in &s.coverage {
            let when = c
                .first
                .as_deref()
                .map(|d| escape(day(d)))
                .unwrap_or_else(|| "undated".into());
            let _ = write!(
                out,
                "<li><span class=\"who\">{}</span> <span class=\"meta\">{}, from {when}</span>",
                escape(&c.outlet),
                crate::count(c.articles, "article")
            );
            if !c.quoted.is_empty() {
                let q: Vec<String> = c.quoted.iter().map(|x| escape(x)).collect();
                let _ = write!(
                    out,
                    "<br><span class=\"meta\">quotes {}</span>",
                    q.join(", ")
                );
            }
            for l in &c.only_here {
                out.push_str("<br>Only here: ");
                line(id, l, out);
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
        for d in &s.differences {
            let _ = write!(
                out,
                "<div class=\"differ\"><p><b>Sources differ on {}</b></p><ul>",
                escape(&d.about)
            );
            for l in &d.sides {
                out.push_str("<li>");
                line(id, l, out);
                out.push_str("</li>");
            }
            out.push_str("</ul></div>\n");
        }
    }
    if !s.sources.is_empty() {
        out.push_str("<h3>Sources</h3><ol class=\"sources\">");
        for src in &s.sources {
            let name = src
                .outlet
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| format!("article {}", src.article));
            let title = src.title.as_deref().map(escape).unwrap_or_default();
            let _ = write!(out, "<li id=\"s{id}-{}\" value=\"{}\">{name}", src.n, src.n);
            match src.url.as_deref().and_then(safe_url) {
                Some(u) => {
                    let _ = write!(
                        out,
                        ": <a href=\"{u}\" rel=\"noopener noreferrer nofollow\">{title}</a>"
                    );
                }
                None if !title.is_empty() => {
                    let _ = write!(out, ": {title}");
                }
                None => {}
            }
            if let Some(p) = &src.published {
                let _ = write!(out, " <span class=\"meta\">{}</span>", escape(day(p)));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Quote, Source};

    #[test]
    fn article_text_comes_out_inert() {
        let evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        let d = Digest {
            stories: vec![Story {
                id: 1,
                headline: evil.into(),
                summary: vec![Line {
                    text: evil.into(),
                    sources: vec![1],
                }],
                quotes: vec![Quote {
                    speaker: Some(evil.into()),
                    text: evil.into(),
                    sources: vec![1],
                }],
                sources: vec![Source {
                    n: 1,
                    article: 1,
                    outlet: Some(evil.into()),
                    title: Some(evil.into()),
                    url: Some("javascript:alert(1)".into()),
                    published: None,
                }],
                ..Story::default()
            }],
            ..Digest::default()
        };
        let page = render(&d);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"));
        assert!(!page.contains("javascript:"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(page.contains("default-src 'none'"));
        assert!(page.contains("href=\"#s1-1\""));
    }

    #[test]
    fn background_is_a_table_of_its_own() {
        let event = |when: &str, text: &str| crate::Event {
            when: when.into(),
            text: text.into(),
            sources: vec![1],
            inferred: false,
        };
        let d = Digest {
            stories: vec![Story {
                id: 1,
                timeline: vec![event("2025-03-03", "Crews walked out.")],
                background: vec![event("2019-05", "A first strike closed the line.")],
                ..Story::default()
            }],
            ..Digest::default()
        };
        let page = render(&d);
        let background = page.find("<h3>Background</h3>").expect("a heading");
        assert!(
            page.find("<h3>Timeline</h3>")
                .is_some_and(|i| i < background)
        );
        assert!(page.find("A first strike").is_some_and(|i| i > background));
        assert!(
            page.find("Crews walked out.")
                .is_some_and(|i| i < background)
        );
    }

    #[test]
    fn only_web_links_are_linked() {
        assert_eq!(
            safe_url(" https://a.example/x?y=1&z=\"2\" ").as_deref(),
            Some("https://a.example/x?y=1&amp;z=&quot;2&quot;")
        );
        assert!(safe_url("data:text/html,hi").is_none());
        assert!(safe_url("JAVASCRIPT:alert(1)").is_none());
    }
}
