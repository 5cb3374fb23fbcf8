//! Inline SVG charts: a story's coverage over time as a sparkline, and
//! its articles per day per outlet. Only numbers and escaped names go in,
//! so a chart can carry nothing active.

use std::fmt::Write;

use jiff::civil::Date;

use crate::page::escape;

/// Most days a chart spans; a longer story is charted over its last ones.
const MAX_DAYS: i64 = 120;

/// A sparkline of articles per day over the story's span, `width` by
/// `height` pixels; empty when no article is dated.
pub fn sparkline(days: &[(Date, u32)], width: u32, height: u32) -> String {
    let Some(series) = series(days) else {
        return String::new();
    };
    let max = series.iter().copied().max().unwrap_or(1).max(1) as f64;
    let n = series.len();
    // A short story keeps thin bars, at the left: a day is never wider
    // than a fortnight's share.
    let step = width as f64 / n.max(14) as f64;
    let mut out = format!(
        "<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"articles per day\">"
    );
    for (i, &v) in series.iter().enumerate() {
        if v == 0 {
            continue;
        }
        let h = (v as f64 / max * (height as f64 - 1.0)).max(1.0);
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/>",
            i as f64 * step,
            height as f64 - h,
            (step - 0.5).max(0.8)
        );
    }
    out.push_str("</svg>");
    out
}

/// Articles per day for each outlet: one row of dots per outlet, a dot's
/// area by its count, days along the bottom.
pub fn coverage(rows: &[(String, Vec<(Date, u32)>)]) -> String {
    let all: Vec<(Date, u32)> = rows.iter().flat_map(|(_, d)| d.iter().copied()).collect();
    let Some(start) = all.iter().map(|d| d.0).min() else {
        return String::new();
    };
    let end = all.iter().map(|d| d.0).max().unwrap_or(start);
    let start = start.max(
        end.checked_sub(jiff::Span::new().days(MAX_DAYS - 1))
            .unwrap_or(start),
    );
    let span = (end - start).get_days().max(0) as f64 + 1.0;
    let (label, row_h, plot_w) = (150.0, 18.0, 420.0);
    let rows_n = rows.len().min(30);
    let height = rows_n as f64 * row_h + 24.0;
    let width = label + plot_w + 10.0;
    let max = all.iter().map(|d| d.1).max().unwrap_or(1).max(1) as f64;
    let mut out = format!(
        "<svg class=\"coverage\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"articles per day per outlet\">"
    );
    for (r, (outlet, days)) in rows.iter().take(rows_n).enumerate() {
        let y = r as f64 * row_h + row_h / 2.0;
        let name: String = outlet.chars().take(22).collect();
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{:.1}\">{}</text><line x1=\"{label}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>",
            y + 4.0,
            escape(&name),
            label + plot_w
        );
        for (d, n) in days {
            if *d < start {
                continue;
            }
            let x = label + ((*d - start).get_days() as f64 + 0.5) / span * plot_w;
            let radius = 2.0 + 5.0 * (*n as f64 / max).sqrt();
            let _ = write!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius:.1}\"><title>{} {d}: {n}</title></circle>",
                escape(&name)
            );
        }
    }
    let base = rows_n as f64 * row_h + 16.0;
    let _ = write!(
        out,
        "<text x=\"{label}\" y=\"{base:.1}\">{start}</text><text x=\"{:.1}\" y=\"{base:.1}\" text-anchor=\"end\">{end}</text></svg>",
        label + plot_w
    );
    out
}

/// Counts per day from the first day to the last, gaps as zeros, at most
/// [`MAX_DAYS`] (the latest).
fn series(days: &[(Date, u32)]) -> Option<Vec<u32>> {
    let first = days.iter().map(|d| d.0).min()?;
    let last = days.iter().map(|d| d.0).max()?;
    let start = first.max(
        last.checked_sub(jiff::Span::new().days(MAX_DAYS - 1))
            .unwrap_or(first),
    );
    let n = (last - start).get_days().max(0) as usize + 1;
    let mut out = vec![0u32; n];
    for (d, c) in days {
        if *d >= start {
            out[(*d - start).get_days() as usize] += c;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_sparkline_has_a_bar_per_day_with_articles() {
        let svg = sparkline(&[(d("2025-01-01"), 2), (d("2025-01-03"), 1)], 60, 16);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(sparkline(&[], 60, 16).is_empty());
    }

    #[test]
    fn a_long_story_is_charted_over_its_last_days() {
        let days = [(d("2020-01-01"), 1), (d("2025-01-01"), 1)];
        assert_eq!(series(&days).unwrap().len(), MAX_DAYS as usize);
    }

    #[test]
    fn outlet_names_are_escaped() {
        let svg = coverage(&[("<b>x</b>".into(), vec![(d("2025-01-01"), 3)])]);
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    }
}
