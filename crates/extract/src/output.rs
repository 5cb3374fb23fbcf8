//! The page a pass rewrites, made only once something changes: the passes
//! over raw HTML (the work budget, the depth bound) copy what they keep and
//! splice in what they put instead.

use std::borrow::Cow;

/// The page being rewritten, made only once something changes.
#[derive(Default)]
pub(crate) struct Output {
    page: Option<String>,
    /// Bytes of the input before this are already in `page` or replaced.
    done: usize,
}

impl Output {
    /// Puts `with` in place of `html[from..to]` (`""` leaves it out). Both
    /// ends sit next to an ASCII byte the pass stopped at, so they are
    /// character boundaries.
    pub(crate) fn replace(&mut self, html: &str, from: usize, to: usize, with: &str) {
        let page = self
            .page
            .get_or_insert_with(|| String::with_capacity(html.len()));
        page.push_str(html.get(self.done..from).unwrap_or_default());
        // One space stands for a run of removed markup, and a literal `<`
        // must not meet what follows: `<<b>div>` would become `<div>`, a
        // new element, and `<&amp;p>` would become `<amp;p>`.
        if with.is_empty() {
            if page.ends_with('<') {
                page.push(' ');
            }
        } else if !(with == " " && page.ends_with(' ')) {
            page.push_str(with);
        }
        self.done = to;
    }

    /// The rewritten page: the input itself when nothing changed.
    pub(crate) fn finish(self, html: &str) -> Cow<'_, str> {
        match self.page {
            None => Cow::Borrowed(html),
            Some(mut page) => {
                page.push_str(html.get(self.done..).unwrap_or_default());
                Cow::Owned(page)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_pages_are_borrowed_and_cuts_never_join_a_tag() {
        assert!(matches!(
            Output::default().finish("<p>a</p>"),
            Cow::Borrowed(_)
        ));
        let html = "a<<b>div>";
        let mut out = Output::default();
        out.replace(html, 2, 5, "");
        assert_eq!(out.finish(html), "a< div>");
    }
}
