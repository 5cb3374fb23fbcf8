//! Pairs quotation marks into top-level quoted stretches.
//!
//! Handles curly, straight, low-9 (`„…“`), guillemet (`«…»`), doubled
//! apostrophe (`''…''`) and single (`‘…’`) marks. Marks nest; only the
//! outermost stretch is reported. A mark left open at the end of a
//! paragraph continues into the next paragraph when that one opens with a
//! mark (the news convention for quotes running over paragraphs); otherwise
//! it is closed at the paragraph end.

use crate::token::{APOS2, TICK2, Tk, Tok};

/// A top-level quoted stretch.
#[derive(Clone, Copy, Debug)]
pub struct Quoted {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token when unclosed.
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Single marks (`‘…’`) rather than double ones.
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Curly,
    Straight,
    Low9,
    Guillemet,
    /// `»…«`, the German order.
    GuillemetIn,
    Apos2,
    Single,
}

/// Whether the char before `i` allows an opening mark (start, space,
/// bracket, dash, another mark).
fn opens_here(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let before = text.get(..t.s).and_then(|b| b.chars().next_back());
    let after = text.get(t.e..).and_then(|a| a.chars().next());
    let b_ok = match before {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':' | '/')
                || is_mark_char(c)
        }
    };
    let a_ok = after.is_some_and(|c| !c.is_whitespace());
    b_ok && a_ok
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{2018}' | '\''
    )
}

/// Whether the char before `i` allows an opening mark, whatever follows.
fn opens_before(text: &str, toks: &[Tok], i: usize) -> bool {
    let before = text.get(..toks[i].s).and_then(|b| b.chars().next_back());
    before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':' | '\u{2014}'))
}

/// Whether the char after `i` allows a closing mark (not a letter/digit).
fn closes_here(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let after = text.get(t.e..).and_then(|a| a.chars().next());
    !after.is_some_and(|c| c.is_alphanumeric())
}

fn is_double(f: Family) -> bool {
    f != Family::Single
}

/// Finds the top-level quoted stretches, in text order.
pub fn pair(text: &str, toks: &[Tok]) -> Vec<Quoted> {
    let mut out = Vec::new();
    // (token index, family); bounded by the token count.
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let mut skip_reopen = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        match t.k {
            Tk::Para => {
                if let Some(&(open, fam)) = stack.first() {
                    let next_opens = matches!(toks.get(i + 1), Some(Tok { k: Tk::Mark(c), .. })
                        if matches!(*c, '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | APOS2 | TICK2));
                    if is_double(fam) && next_opens {
                        // The quote runs on; the next paragraph's mark reopens it.
                        stack.truncate(1);
                        skip_reopen = true;
                    } else {
                        let words = toks[open..i].iter().filter(|k| k.is_word()).count();
                        if is_double(fam) && words >= 3 && i > open + 1 {
                            out.push(Quoted {
                                open,
                                close: i - 1,
                                closed: false,
                                single: false,
                            });
                        }
                        stack.clear();
                    }
                }
            }
            Tk::Mark(c) => {
                if skip_reopen {
                    skip_reopen = false;
                    i += 1;
                    continue;
                }
                let top_double = stack.iter().rposition(|&(_, f)| is_double(f));
                let has = |f: Family| stack.iter().rposition(|&(_, g)| g == f);
                let opening = opens_here(text, toks, i);
                let closing = closes_here(text, toks, i);
                let action: Option<Result<usize, Family>> = match c {
                    '\u{201C}' => {
                        if let Some(p) = has(Family::Low9) {
                            Some(Ok(p))
                        } else if let (Some(p), false, true) = (top_double, opening, closing) {
                            Some(Ok(p))
                        } else {
                            Some(Err(Family::Curly))
                        }
                    }
                    '\u{201D}' | '\u{201F}' => match top_double {
                        Some(p) => Some(Ok(p)),
                        None if opening => Some(Err(Family::Curly)),
                        None => None,
                    },
                    '"' => match has(Family::Straight) {
                        Some(p) if !opening || closing || stack.len() == 1 => Some(Ok(p)),
                        Some(_) => Some(Err(Family::Straight)),
                        None if closing && !opening && top_double.is_some() => top_double.map(Ok),
                        None => Some(Err(Family::Straight)),
                    },
                    '\u{201E}' => Some(Err(Family::Low9)),
                    // French puts a space inside (`« Oui »`): the mark opens
                    // whatever follows it.
                    '\u{00AB}' => match has(Family::GuillemetIn) {
                        Some(p) if closing => Some(Ok(p)),
                        _ if opening || opens_before(text, toks, i) => Some(Err(Family::Guillemet)),
                        _ => None,
                    },
                    '\u{00BB}' => match has(Family::Guillemet) {
                        Some(p) => Some(Ok(p)),
                        None if opening => Some(Err(Family::GuillemetIn)),
                        None => None,
                    },
                    APOS2 => match has(Family::Apos2) {
                        Some(p) => Some(Ok(p)),
                        None => Some(Err(Family::Apos2)),
                    },
                    TICK2 => Some(Err(Family::Apos2)),
                    '\u{2018}' | '\u{201A}' | '\u{2039}' => {
                        if opening {
                            Some(Err(Family::Single))
                        } else {
                            None
                        }
                    }
                    '\u{2019}' | '\'' | '\u{203A}' => match has(Family::Single) {
                        Some(p) if closing && !opening => Some(Ok(p)),
                        _ if c == '\'' && opening => Some(Err(Family::Single)),
                        _ => None,
                    },
                    _ => None,
                };
                match action {
                    Some(Ok(p)) => {
                        let (open, fam) = stack[p];
                        stack.truncate(p);
                        if p == 0 {
                            out.push(Quoted {
                                open,
                                close: i,
                                closed: true,
                                single: !is_double(fam),
                            });
                        }
                    }
                    // Nesting deeper than this is noise, not quotation.
                    Some(Err(f)) if stack.len() < 64 => stack.push((i, f)),
                    Some(Err(_)) => {}
                    None => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(&(open, fam)) = stack.first() {
        let words = toks[open..].iter().filter(|k| k.is_word()).count();
        if is_double(fam) && words >= 3 && toks.len() > open + 1 {
            out.push(Quoted {
                open,
                close: toks.len() - 1,
                closed: false,
                single: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn spans(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        pair(t, &toks)
            .iter()
            .map(|q| t[toks[q.open].s..toks[q.close].e].to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_nested() {
        let t = "He said \u{201C}no \u{2018}way\u{2019} now\u{201D} and \"yes, it's fine\" then.";
        assert_eq!(
            spans(t),
            [
                "\u{201C}no \u{2018}way\u{2019} now\u{201D}",
                "\"yes, it's fine\""
            ]
        );
    }

    #[test]
    fn guillemets_low9_and_apostrophes() {
        let t = "\u{00AB}Bonjour tout\u{00BB} and \u{201E}Guten Tag\u{201C} and ''fine then,'' he said.";
        assert_eq!(spans(t).len(), 3);
    }

    #[test]
    fn german_and_spaced_french_guillemets() {
        let t = "Sie sagte: \u{00BB}Wir kommen morgen wieder.\u{00AB} Er ging. \u{00AB}\u{00A0}Nous partons demain\u{00A0}\u{00BB}, dit-il.";
        let s = spans(t);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with('\u{00BB}') && s[0].ends_with('\u{00AB}'));
        assert!(s[1].starts_with('\u{00AB}') && s[1].ends_with('\u{00BB}'));
    }

    #[test]
    fn runs_over_paragraphs() {
        let t = "\u{201C}First part of it.\n\n\u{201C}Second part,\u{201D} she said.";
        assert_eq!(spans(t), [t[..t.find(" she").unwrap()].to_string()]);
    }

    #[test]
    fn unclosed_closes_at_paragraph_end() {
        let t = "\u{201C}Never closed here at all\nNext paragraph.";
        assert_eq!(spans(t), ["\u{201C}Never closed here at all"]);
    }
}
