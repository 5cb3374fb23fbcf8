//! What one article teaches the per-outlet line counts.

use crate::line_hash::line_hash;
use crate::outlet_lines::{MAX_LINE_CHARS, outlet_key};

/// The distinct lines of one article of one outlet, as [`OutletLines`]
/// counts them: worked out once, so the same counts can be added in memory
/// ([`OutletLines::add`]) and persisted with the article.
///
/// [`OutletLines`]: crate::OutletLines
/// [`OutletLines::add`]: crate::OutletLines::add
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    outlet: String,
    lines: Vec<u64>,
}

impl Observation {
    /// The lines of `text` that could be boilerplate (not blank, shorter
    /// than 200 characters), by [`line_hash`]; `None` when the outlet name
    /// is blank, since such an article counts for no outlet.
    pub fn new(outlet: &str, text: &str) -> Option<Observation> {
        let outlet = outlet_key(outlet)?;
        let mut lines: Vec<u64> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && l.chars().take(MAX_LINE_CHARS).count() < MAX_LINE_CHARS)
            .map(line_hash)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        Some(Observation {
            outlet: outlet.to_string(),
            lines,
        })
    }

    /// The outlet, as [`OutletLines`](crate::OutletLines) keys it (trimmed).
    pub fn outlet(&self) -> &str {
        &self.outlet
    }

    /// The hashes of the article's distinct lines, sorted.
    pub fn lines(&self) -> &[u64] {
        &self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_short_lines_of_a_named_outlet() {
        let long = "word ".repeat(60);
        let text = format!("Menu\n\n  menu \nThe story.\n{long}\nMenu");
        let o = Observation::new(" herald.example ", &text).unwrap();
        assert_eq!(o.outlet(), "herald.example");
        let mut want = vec![line_hash("menu"), line_hash("The story.")];
        want.sort_unstable();
        assert_eq!(o.lines(), want);
        assert!(Observation::new("  ", "Menu").is_none());
        assert!(Observation::new("a", "").unwrap().lines().is_empty());
    }
}
