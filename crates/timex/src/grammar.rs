//! Grammar: hand-written patterns over tokens that find temporal phrases.
//!
//! [`Grammar::parse`] tries, at one token, every pattern that can start
//! there and returns the phrase it recognised with its [`Expr`]. Each
//! pattern looks at a bounded number of tokens ahead (at most a dozen),
//! so a pass over a text stays linear. Spans follow TimeML habits: they
//! take in determiners and modifiers ("the", "last", "early", "nearly",
//! "more than") but not the preposition in front ("on", "in", "at").

use crate::anchor::Lean;
use crate::expr::{Amount, Clock, DaySpec, Expr, Ref, Yr};
use crate::lexicon::{DayPart, Holiday, Kw, Lex, Unit};
use crate::scanner::{Shape, Token};

/// One recognised phrase, in token indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    /// First token of the phrase.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// A direction the phrase itself imposes ("earlier in ...").
    pub lean: Option<Lean>,
}

/// What a core pattern returns: end token, meaning, imposed direction.
type Core = (usize, Expr, Option<Lean>);

/// The patterns, over one text's tokens.
pub(crate) struct Grammar<'a> {
    text: &'a str,
    t: &'a [Token],
}

impl<'a> Grammar<'a> {
    /// Patterns over `tokens`, which were scanned from `text`.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Grammar { text, t: tokens }
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Lex::Kw(k)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is(c))
    }

    /// Token `i` exists and touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    /// Token `i` is the word `w` (any case).
    fn word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.shape == Shape::Word
                && self
                    .text
                    .get(t.start..t.end)
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
        })
    }

    /// Token `i` starts a sentence (or the text, or a line).
    fn opens_sentence(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        if t.newline || i == 0 {
            return true;
        }
        // Skip opening quotes.
        let mut p = i;
        for _ in 0..3 {
            let Some(q) = p.checked_sub(1) else {
                return true;
            };
            p = q;
            let pt = &self.t[p];
            if pt.is('"') || pt.is('`') || pt.is('\'') {
                if pt.newline {
                    return true;
                }
                continue;
            }
            return pt.is('.') || pt.is('!') || pt.is('?');
        }
        false
    }

    /// Value and digit count of number token `i`.
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.t.get(i)?;
        (t.shape == Shape::Number).then_some((t.num, t.digits))
    }

    /// A plausible four-digit year at token `i`.
    fn year_at(&self, i: usize) -> Option<i32> {
        let (n, d) = self.num(i)?;
        (d == 4 && (1000..=2099).contains(&n) && !self.in_bigger_number(i)).then_some(n as i32)
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    /// Number token `i` is part of "2,000", "3.5", "$1990" or "1990%".
    fn in_bigger_number(&self, i: usize) -> bool {
        let prev_glued = self.glued(i) && i > 0;
        if prev_glued {
            let p = &self.t[i - 1];
            if p.is('$') || p.is('£') || p.is('€') || p.is('#') {
                return true;
            }
            if (p.is(',') || p.is('.')) && i >= 2 && self.t[i - 2].shape == Shape::Number {
                return true;
            }
        }
        if self.glued(i + 1)
            && (self.punct(i + 1, '%')
                || ((self.punct(i + 1, ',') || self.punct(i + 1, '.'))
                    && self.glued(i + 2)
                    && self.num(i + 2).is_some()))
        {
            return true;
        }
        false
    }

    /// The phrase starting at token `i`, if any.
    pub fn parse(&self, i: usize) -> Option<Match> {
        let mut j = i;
        let mut bounded = false;
        let mut lean = None;
        let mut end_of = false;
        for _ in 0..3 {
            match self.lex(j) {
                Lex::Kw(Kw::Nearly | Kw::About | Kw::Around) => j += 1,
                Lex::Kw(Kw::More | Kw::Less) if self.kw(j + 1, Kw::Than) => {
                    j += 2;
                    bounded = true;
                }
                Lex::Kw(Kw::At) if self.kw(j + 1, Kw::Least) || self.kw(j + 1, Kw::Most) => {
                    j += 2;
                    bounded = true;
                }
                Lex::Kw(Kw::Up) if self.kw(j + 1, Kw::To) => {
                    j += 2;
                    bounded = true;
                }
                Lex::Kw(Kw::Over | Kw::Within) if !self.kw(j + 1, Kw::The) => {
                    j += 1;
                    bounded = true;
                }
                Lex::Kw(Kw::Early | Kw::Late | Kw::Mid) => {
                    j += 1;
                    if self.punct(j, '-') && self.glued(j) {
                        j += 1;
                    }
                }
                Lex::Kw(k @ (Kw::Earlier | Kw::Later))
                    if matches!(
                        self.lex(j + 1),
                        Lex::Kw(
                            Kw::This
                                | Kw::That
                                | Kw::Today
                                | Kw::Yesterday
                                | Kw::Tomorrow
                                | Kw::Tonight
                                | Kw::In
                        ) | Lex::Weekday { .. }
                    ) =>
                {
                    lean = Some(if k == Kw::Earlier {
                        Lean::Past
                    } else {
                        Lean::Future
                    });
                    j += 1;
                    if self.kw(j, Kw::In) {
                        j += 1;
                    }
                }
                Lex::Kw(Kw::The)
                    if matches!(
                        self.lex(j + 1),
                        Lex::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle)
                    ) && self.kw(j + 2, Kw::Of) =>
                {
                    j += 3;
                    end_of = true;
                }
                Lex::Kw(Kw::Right) if self.kw(j + 1, Kw::Now) => j += 1,
                _ => break,
            }
        }
        let (end, expr, own) = if end_of {
            self.end_of(j).or_else(|| self.core(j))?
        } else {
            self.core(j)?
        };
        let first = if bounded && !matches!(expr, Expr::Duration(..)) {
            // "over Friday" or "within 2025" is not one phrase.
            return self.core(j).map(|(end, expr, own)| Match {
                first: j,
                end,
                expr,
                lean: own,
            });
        } else {
            i
        };
        Some(Match {
            first,
            end,
            expr,
            lean: own.or(lean),
        })
    }

    /// After "the end of": "the year", "the month", "the week".
    fn end_of(&self, j: usize) -> Option<Core> {
        if !self.kw(j, Kw::The) {
            return None;
        }
        match self.unit(j + 1)? {
            (u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Quarter), false) => {
                Some((j + 2, Expr::RelUnit(u, 0), None))
            }
            _ => None,
        }
    }

    /// Patterns that start right at token `j` (no leading modifiers).
    fn core(&self, j: usize) -> Option<Core> {
        let tok = self.t.get(j)?;
        if tok.shape == Shape::Number {
            return self.number(j);
        }
        if tok.is('\'') {
            return self.short_decade(j);
        }
        let plain = |end: usize, e: Expr| Some((end, e, None));
        match tok.lex {
            Lex::Kw(Kw::The) => self.the(j),
            Lex::Kw(
                k @ (Kw::Last
                | Kw::Past
                | Kw::Previous
                | Kw::This
                | Kw::Next
                | Kw::Coming
                | Kw::Current
                | Kw::Latest
                | Kw::That
                | Kw::Following),
            ) => self.det(j, k),
            Lex::Kw(Kw::Today) => plain_day(self.day_part(j + 1, DaySpec::Rel(0))),
            Lex::Kw(Kw::Yesterday) => plain_day(self.day_part(j + 1, DaySpec::Rel(-1))),
            Lex::Kw(Kw::Tomorrow) => plain_day(self.day_part(j + 1, DaySpec::Rel(1))),
            Lex::Kw(Kw::Tonight) => plain(
                j + 1,
                Expr::Day(DaySpec::Rel(0), Some(Clock::Part(DayPart::Night))),
            ),
            // "Now, ..." opening a sentence moves the story along rather
            // than placing it in time.
            Lex::Kw(Kw::Now | Kw::Currently)
                if self.opens_sentence(j) && self.punct(j + 1, ',') =>
            {
                None
            }
            Lex::Kw(Kw::Now | Kw::Currently | Kw::Nowadays) => {
                plain(j + 1, Expr::Ref(Ref::Present))
            }
            Lex::Kw(Kw::Recently) => plain(j + 1, Expr::Ref(Ref::Past)),
            Lex::Kw(Kw::These) => match self.unit(j + 1) {
                Some((Unit::Day, true)) => plain(j + 2, Expr::Ref(Ref::Present)),
                _ => None,
            },
            Lex::Kw(Kw::Recent) => match self.unit(j + 1) {
                Some((Unit::Year | Unit::Decade, true)) => plain(j + 2, Expr::Ref(Ref::Past)),
                Some((u, true)) => plain(j + 2, Expr::Duration(Amount::Some, u)),
                _ => None,
            },
            Lex::Kw(Kw::Every | Kw::Each) => self.set(j),
            Lex::Kw(Kw::Daily) => plain(j + 1, Expr::Set(1, Unit::Day)),
            Lex::Kw(Kw::Weekly) => plain(j + 1, Expr::Set(1, Unit::Week)),
            Lex::Kw(Kw::Monthly) => plain(j + 1, Expr::Set(1, Unit::Month)),
            Lex::Kw(Kw::Hourly) => plain(j + 1, Expr::Set(1, Unit::Hour)),
            Lex::Kw(Kw::Fiscal) => {
                if self.year_at(j + 1).is_some() || matches!(self.lex(j + 1), Lex::Ordinal(_)) {
                    self.core(j + 1)
                } else {
                    None
                }
            }
            Lex::Kw(Kw::Future) if self.kw(j.wrapping_sub(1), Kw::In) => {
                plain(j + 1, Expr::Ref(Ref::Future))
            }
            Lex::Kw(Kw::Several | Kw::Many | Kw::Few | Kw::A | Kw::An | Kw::Couple)
            | Lex::Number(_) => {
                if let Some((end, y)) = self.spoken_year(j) {
                    return plain(end, Expr::Day(cal(Yr::Abs(y), None, None), None));
                }
                self.amount_unit(j)
            }
            Lex::Month { .. } => {
                let (end, spec) = self.month(j)?;
                plain(end, Expr::Day(spec, None))
            }
            Lex::Weekday { day, plural } => {
                if plural {
                    return plain(j + 1, Expr::SetWeekday(day));
                }
                self.weekday(j, day, None)
            }
            Lex::Ordinal(q) if q > 0 => self.ordinal(j, q),
            Lex::Season(_) => {
                let prev_ok = j > 0
                    && (matches!(
                        self.lex(j - 1),
                        Lex::Kw(
                            Kw::In | Kw::Since | Kw::Of | Kw::Early | Kw::Late | Kw::Mid | Kw::By
                        )
                    ) || self.word(j - 1, "during")
                        || self.word(j - 1, "until"));
                if prev_ok || self.year_at(j + 1).is_some() {
                    self.season(j, None)
                } else {
                    None
                }
            }
            Lex::Decade(d) => plain(j + 1, Expr::Decade(190 + i32::from(d) / 10)),
            Lex::Holiday(_) | Lex::HolidayHead(_) | Lex::Kw(Kw::New) => self.holiday(j, None),
            // "mid-afternoon", "late morning (yesterday)": the modifier was
            // consumed by `parse`, so a bare part of the day is only taken
            // right after one.
            Lex::DayPart(
                p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
            ) if j > 0
                && (matches!(self.lex(j - 1), Lex::Kw(Kw::Mid | Kw::Early | Kw::Late))
                    || (self.punct(j - 1, '-')
                        && j > 1
                        && matches!(self.lex(j - 2), Lex::Kw(Kw::Mid | Kw::Early | Kw::Late)))) =>
            {
                let (end, spec) = self.day_after(j + 1).unwrap_or((j + 1, DaySpec::Rel(0)));
                plain(end, Expr::Day(spec, Some(Clock::Part(p))))
            }
            Lex::DayPart(p @ (DayPart::Noon | DayPart::Midnight)) => {
                let at = if p == DayPart::Noon { (12, 0) } else { (24, 0) };
                let (end, spec) = self.day_after(j + 1).unwrap_or((j + 1, DaySpec::Rel(0)));
                plain(end, Expr::Day(spec, Some(Clock::At(at.0, at.1))))
            }
            Lex::Unit { unit, plural } => self.bare_unit(j, unit, plural),
            _ => None,
        }
    }

    /// "year-end", "year-ago quarter", and plural units after "for".
    fn bare_unit(&self, j: usize, unit: Unit, plural: bool) -> Option<Core> {
        if unit == Unit::Year && !plural {
            let mut k = j + 1;
            if self.punct(k, '\'') && self.word(k + 1, "s") {
                k += 2;
            } else if self.punct(k, '-') && self.glued(k) {
                k += 1;
            }
            match self.lex(k) {
                Lex::Kw(Kw::End) => return Some((k + 1, Expr::RelUnit(Unit::Year, 0), None)),
                Lex::Kw(Kw::Ago | Kw::Earlier) if k > j + 1 => {
                    let mut end = k + 1;
                    let mut q = None;
                    if let (Lex::Ordinal(n), Some((Unit::Quarter, false))) =
                        (self.lex(end), self.unit(end + 1))
                    {
                        q = (1..=4).contains(&n).then_some(n);
                        end += 2;
                    } else if matches!(self.unit(end), Some((Unit::Quarter, false)))
                        || self.kw(end, Kw::Period)
                    {
                        end += 1;
                    }
                    return Some((
                        end,
                        Expr::Quarter {
                            q,
                            year: Yr::Rel(-1),
                        },
                        None,
                    ));
                }
                _ => {}
            }
        }
        let prev_for = j > 0 && matches!(self.lex(j - 1), Lex::Kw(Kw::For | Kw::In | Kw::Within));
        if plural && prev_for && !matches!(unit, Unit::Second | Unit::Weekend) {
            return Some((j + 1, Expr::Duration(Amount::Some, unit), None));
        }
        None
    }

    /// Phrases after "the".
    fn the(&self, j: usize) -> Option<Core> {
        let n = j + 1;
        let plain = |end: usize, e: Expr| Some((end, e, None));
        match self.lex(n) {
            Lex::Kw(Kw::Past) if self.unit(n + 1).is_none() && self.amount(n + 1).is_none() => {
                plain(n + 1, Expr::Ref(Ref::Past))
            }
            Lex::Kw(Kw::Future) => plain(n + 1, Expr::Ref(Ref::Future)),
            Lex::Kw(Kw::Near) if self.kw(n + 1, Kw::Future) => plain(n + 2, Expr::Ref(Ref::Future)),
            Lex::Kw(k @ (Kw::Previous | Kw::Following | Kw::Same | Kw::Next))
                if matches!(self.unit(n + 1), Some((Unit::Day | Unit::Year, false)))
                    && !(k == Kw::Next && self.unit(n + 1) == Some((Unit::Year, false))) =>
            {
                let off = match k {
                    Kw::Previous => -1,
                    Kw::Same => 0,
                    _ => 1,
                };
                match self.unit(n + 1) {
                    Some((Unit::Day, _)) => plain(n + 2, Expr::Day(DaySpec::Anaphor(off), None)),
                    _ => plain(n + 2, Expr::YearAnaphor(off)),
                }
            }
            Lex::Kw(Kw::Next | Kw::Following | Kw::Previous)
                if matches!(self.lex(n + 1), Lex::DayPart(DayPart::Morning)) =>
            {
                let off = if self.kw(n, Kw::Previous) { -1 } else { 1 };
                plain(
                    n + 2,
                    Expr::Day(DaySpec::Anaphor(off), Some(Clock::Part(DayPart::Morning))),
                )
            }
            Lex::Kw(
                k @ (Kw::Last
                | Kw::Past
                | Kw::Previous
                | Kw::Next
                | Kw::Coming
                | Kw::Following
                | Kw::Latest
                | Kw::Current),
            ) => self.det(n, k),
            // "over the years", "in the weeks ahead": an open length.
            Lex::Unit { unit, plural: true }
                if !matches!(unit, Unit::Second | Unit::Weekend)
                    && ((j > 0 && self.kw(j - 1, Kw::Over)) || self.kw(n + 1, Kw::Ahead)) =>
            {
                let end = if self.kw(n + 1, Kw::Ahead) {
                    n + 2
                } else {
                    n + 1
                };
                plain(end, Expr::Duration(Amount::Some, unit))
            }
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } => plain(
                n + 1,
                Expr::Quarter {
                    q: None,
                    year: Yr::Rel(0),
                },
            ),
            Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            } => plain(n + 1, Expr::RelUnit(Unit::Weekend, 0)),
            Lex::Kw(Kw::Fiscal) => match self.lex(n + 1) {
                Lex::Ordinal(q) => self.ordinal(n + 1, q),
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                } => self.the_year(j, n + 1, false),
                _ => None,
            },
            Lex::None
                if self.word(n, "full")
                    && self.lex(n + 1)
                        == (Lex::Unit {
                            unit: Unit::Year,
                            plural: false,
                        }) =>
            {
                self.the_year(j, n + 1, false)
            }
            Lex::Number(_) | Lex::Kw(Kw::Early | Kw::Late | Kw::Mid) => self.core(n),
            Lex::Ordinal(q) if q > 0 => self.ordinal(n, q),
            Lex::Season(_) => self.season(n, None),
            Lex::Decade(_) => self.core(n),
            Lex::Unit {
                unit: Unit::Year,
                plural,
            } => self.core(n).or_else(|| {
                if plural {
                    None
                } else {
                    self.the_year(j, n, true)
                }
            }),
            _ => {
                if self.year_at(n).is_some() {
                    // "the 1988 third quarter", "the 1988 period".
                    if let (Lex::Ordinal(q), Some((Unit::Quarter, false))) =
                        (self.lex(n + 1), self.unit(n + 2))
                    {
                        let y = self.year_at(n)?;
                        return plain(
                            n + 3,
                            Expr::Quarter {
                                q: (1..=4).contains(&q).then_some(q),
                                year: Yr::Abs(y),
                            },
                        );
                    }
                    if self.kw(n + 1, Kw::Period) {
                        let y = self.year_at(n)?;
                        return plain(n + 2, Expr::Day(cal(Yr::Abs(y), None, None), None));
                    }
                }
                if self.num(n).is_some() || self.punct(n, '\'') {
                    let r = self.core(n)?;
                    return matches!(r.1, Expr::Decade(_) | Expr::Century(_) | Expr::Duration(..))
                        .then_some(r);
                }
                None
            }
        }
    }

    /// "the year" (token `j` is "the", `y` is "year"): the year of the
    /// report after "for", "of", "in" ("sales for the year"), a year's
    /// length before "ended"/"ending" ("the year ended March 31"), a
    /// written year ("the year 2000"). Anything else ("the year before",
    /// "the year he left") is left alone; `bare` is false when a word
    /// between ("the full year", "the fiscal year") already makes it a
    /// period, and then what follows does not matter.
    fn the_year(&self, j: usize, y: usize, bare: bool) -> Option<Core> {
        let k = y + 1;
        if let Some(yr) = self.year_at(k) {
            return Some((k + 1, Expr::Day(cal(Yr::Abs(yr), None, None), None), None));
        }
        if let Some((e, yr)) = self.spoken_year(k) {
            return Some((e, Expr::Day(cal(Yr::Abs(yr), None, None), None), None));
        }
        let length = Some((y + 1, Expr::Duration(Amount::N(1), Unit::Year), None));
        if self.word(k, "ended") || self.word(k, "ending") || self.word(k, "through") {
            return length;
        }
        let prev = j.checked_sub(1);
        if prev.is_some_and(|p| self.word(p, "throughout")) {
            return length;
        }
        let prep = prev.is_some_and(|p| {
            matches!(self.lex(p), Lex::Kw(Kw::For | Kw::Of | Kw::In))
                || self.word(p, "during")
                || self.word(p, "through")
        });
        let tail_ok = !bare
            || self.t.get(k).is_none_or(|t| {
                matches!(t.shape, Shape::Punct(_))
                    || matches!(self.lex(k), Lex::Kw(Kw::Of | Kw::To | Kw::By))
                    || self.word(k, "and")
                    || self.word(k, "as")
            });
        (prep && tail_ok).then_some((y + 1, Expr::RelUnit(Unit::Year, 0), None))
    }

    /// Phrases after "last", "this", "next", "current", "that" and kin.
    fn det(&self, j: usize, k: Kw) -> Option<Core> {
        let mut shift: i32 = match k {
            Kw::Last | Kw::Past | Kw::Previous => -1,
            Kw::Next | Kw::Coming | Kw::Following => 1,
            _ => 0,
        };
        let mut n = j + 1;
        if k == Kw::This && self.kw(n, Kw::Past) {
            shift = -1;
            n += 1;
        } else if k == Kw::This && self.kw(n, Kw::Coming) {
            shift = 1;
            n += 1;
        }
        if self.kw(n, Kw::Fiscal) {
            n += 1;
        }
        let plain = |end: usize, e: Expr| Some((end, e, None));
        match self.lex(n) {
            // "the latest period" in a results story is the quarter reported.
            Lex::Kw(Kw::Period) if k == Kw::Latest => Some((
                n + 1,
                Expr::Quarter {
                    q: None,
                    year: Yr::Rel(0),
                },
                None,
            )),
            Lex::Unit {
                unit,
                plural: false,
            } => {
                let expr = match (k, unit) {
                    (Kw::That, Unit::Year) => Expr::YearAnaphor(0),
                    (Kw::That, Unit::Day) => Expr::Day(DaySpec::Anaphor(0), None),
                    (Kw::That, Unit::Quarter) => Expr::QuarterAnaphor,
                    (Kw::That, _) => return None,
                    (Kw::Latest, Unit::Quarter) => Expr::Quarter {
                        q: None,
                        year: Yr::Rel(0),
                    },
                    (_, Unit::Day | Unit::Second | Unit::Minute | Unit::Hour) => return None,
                    (Kw::Latest, _) => return None,
                    _ => Expr::RelUnit(unit, shift),
                };
                // "last year's third quarter", "this year's first half".
                if let Expr::RelUnit(Unit::Year, off) = expr
                    && self.punct(n + 1, '\'')
                    && self.word(n + 2, "s")
                    && let Some((end, e, _)) = self.ordinal_after_year(n + 3, Yr::Rel(off))
                {
                    return plain(end, e);
                }
                plain(n + 1, expr)
            }
            Lex::Weekday { day, plural: false }
                if k != Kw::That && k != Kw::Current && k != Kw::Latest =>
            {
                self.weekday(n, day, Some(shift as i8))
            }
            Lex::Month { .. } if matches!(k, Kw::Last | Kw::This | Kw::Next) => {
                let (end, spec) = self.month(n)?;
                if let DaySpec::Cal {
                    year: Yr::Unknown,
                    month,
                    day,
                } = spec
                {
                    let (spec, lean) = match shift {
                        -1 => (spec, Some(Lean::Past)),
                        1 => (spec, Some(Lean::Future)),
                        _ => (cal(Yr::Rel(0), month, day), None),
                    };
                    return Some((end, Expr::Day(spec, None), lean));
                }
                plain(end, Expr::Day(spec, None))
            }
            Lex::Season(_) if k != Kw::Current && k != Kw::Latest => {
                self.season(n, Some(shift as i8))
            }
            Lex::Holiday(_) | Lex::HolidayHead(_) | Lex::Kw(Kw::New)
                if matches!(k, Kw::Last | Kw::This | Kw::Next) =>
            {
                self.holiday(n, Some(shift as i8))
            }
            Lex::DayPart(p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening))
                if k == Kw::This =>
            {
                plain(n + 1, Expr::Day(DaySpec::Rel(0), Some(Clock::Part(p))))
            }
            Lex::DayPart(DayPart::Night) if k == Kw::Last => plain(
                n + 1,
                Expr::Day(DaySpec::Rel(-1), Some(Clock::Part(DayPart::Night))),
            ),
            _ if matches!(
                k,
                Kw::Last | Kw::Past | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following
            ) =>
            {
                // "the past two months", "next few days", "coming weeks".
                if let Some((u, true)) = self.unit(n) {
                    if matches!(u, Unit::Year | Unit::Decade) && shift < 0 {
                        return plain(n + 1, Expr::Ref(Ref::Past));
                    }
                    return plain(n + 1, Expr::Duration(Amount::Some, u));
                }
                let (end, e, _) = self.amount_unit(n)?;
                matches!(e, Expr::Duration(..)).then_some((end, e, None))
            }
            _ if k == Kw::Current && !self.kw(j.wrapping_sub(1), Kw::The) => {
                plain(j + 1, Expr::Ref(Ref::Present))
            }
            _ => None,
        }
    }

    /// "third quarter (of 1990)", "first half", "first nine months",
    /// "third-quarter".
    fn ordinal(&self, j: usize, q: u8) -> Option<Core> {
        if q == 4
            && self.t.get(j).is_some_and(|t| t.cap)
            && self.kw(j + 1, Kw::Of)
            && self.lex(j + 2)
                == (Lex::Month {
                    month: 7,
                    abbr: false,
                })
        {
            return self.holiday_tail(j + 3, Holiday::Independence, None);
        }
        let mut k = j + 1;
        if self.punct(k, '-') && self.glued(k) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if (1..=4).contains(&q) => {
                let (end, year) = self.of_year(k + 1);
                Some((end, Expr::Quarter { q: Some(q), year }, None))
            }
            Lex::Kw(Kw::Half) if (1..=2).contains(&q) => {
                let (end, year) = self.of_year(k + 1);
                Some((end, Expr::Half { h: q, year }, None))
            }
            _ if q == 1 => {
                let (end, e, _) = self.amount_unit(k)?;
                matches!(e, Expr::Duration(..)).then_some((end, e, None))
            }
            _ => None,
        }
    }

    /// A quarter or half named after a year's possessive.
    fn ordinal_after_year(&self, j: usize, year: Yr) -> Option<Core> {
        let q = match self.lex(j) {
            Lex::Ordinal(q) if q > 0 => q,
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k, '-') && self.glued(k) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if (1..=4).contains(&q) => Some((k + 1, Expr::Quarter { q: Some(q), year }, None)),
            Lex::Kw(Kw::Half) if (1..=2).contains(&q) => {
                Some((k + 1, Expr::Half { h: q, year }, None))
            }
            _ => None,
        }
    }

    /// An optional "of 1990" / "of this year" tail.
    fn of_year(&self, k: usize) -> (usize, Yr) {
        if self.kw(k, Kw::Of) {
            if let Some(y) = self.year_at(k + 1) {
                return (k + 2, Yr::Abs(y));
            }
            if let (Lex::Kw(d @ (Kw::This | Kw::Last | Kw::Next)), Some((Unit::Year, false))) =
                (self.lex(k + 1), self.unit(k + 2))
            {
                let off = match d {
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => 0,
                };
                return (k + 3, Yr::Rel(off));
            }
        }
        (k, Yr::Unknown)
    }

    /// Seasons: "summer", "the winter of 1994", "last fall".
    fn season(&self, j: usize, shift: Option<i8>) -> Option<Core> {
        let Lex::Season(season) = self.lex(j) else {
            return None;
        };
        let mut end = j + 1;
        let mut year = Yr::Unknown;
        if let Some(y) = self.year_at(end) {
            year = Yr::Abs(y);
            end += 1;
        } else if self.kw(end, Kw::Of) {
            if let Some(y) = self.year_at(end + 1) {
                year = Yr::Abs(y);
                end += 2;
            } else if let Some((e, y)) = self.spoken_year(end + 1) {
                year = Yr::Abs(y);
                end = e;
            }
        }
        Some((
            end,
            Expr::Season {
                season,
                year,
                shift,
            },
            None,
        ))
    }

    /// Holidays: "Christmas", "Thanksgiving Day", "New Year's Eve",
    /// "Election Day", "Valentine's Day", "Easter week". Names must be
    /// capitalised: "election day" in lower case is any vote.
    fn holiday(&self, j: usize, shift: Option<i8>) -> Option<Core> {
        if !self.t.get(j).is_some_and(|t| t.cap) {
            return None;
        }
        let cap_word = |i: usize, w: &str| self.word(i, w) && self.t.get(i).is_some_and(|t| t.cap);
        let possessive = |i: usize| self.punct(i, '\'') && self.glued(i) && self.word(i + 1, "s");
        match self.lex(j) {
            Lex::Holiday(h) => {
                let mut k = j + 1;
                let mut h = h;
                match h {
                    Holiday::Christmas if cap_word(k, "eve") => {
                        h = Holiday::ChristmasEve;
                        k += 1;
                    }
                    Holiday::Christmas | Holiday::Thanksgiving if cap_word(k, "day") => k += 1,
                    Holiday::Easter if cap_word(k, "sunday") => k += 1,
                    Holiday::Easter
                        if self.lex(k)
                            == (Lex::Unit {
                                unit: Unit::Week,
                                plural: false,
                            }) =>
                    {
                        return Some((
                            k + 1,
                            Expr::Holiday {
                                h,
                                year: Yr::Unknown,
                                shift,
                                week: true,
                            },
                            None,
                        ));
                    }
                    _ => {}
                }
                self.holiday_tail(k, h, shift)
            }
            Lex::HolidayHead(h) => {
                let mut k = j + 1;
                if h == Holiday::Valentines && possessive(k) {
                    k += 2;
                }
                if !cap_word(k, "day") {
                    return None;
                }
                self.holiday_tail(k + 1, h, shift)
            }
            Lex::Kw(Kw::New) => {
                if !cap_word(j + 1, "year") {
                    return None;
                }
                let mut k = j + 2;
                let poss = possessive(k);
                if poss {
                    k += 2;
                }
                let h = if cap_word(k, "eve") {
                    k += 1;
                    Holiday::NewYearsEve
                } else if cap_word(k, "day") {
                    k += 1;
                    Holiday::NewYear
                } else if poss {
                    Holiday::NewYear
                } else {
                    return None;
                };
                self.holiday_tail(k, h, shift)
            }
            _ => None,
        }
    }

    /// An optional year after a holiday's name ("Christmas 1998",
    /// "Thanksgiving of 1999").
    fn holiday_tail(&self, k: usize, h: Holiday, shift: Option<i8>) -> Option<Core> {
        let (end, year) = if let Some(y) = self.year_at(k) {
            (k + 1, Yr::Abs(y))
        } else if self.kw(k, Kw::Of)
            && let Some(y) = self.year_at(k + 1)
        {
            (k + 2, Yr::Abs(y))
        } else {
            (k, Yr::Unknown)
        };
        Some((
            end,
            Expr::Holiday {
                h,
                year,
                shift,
                week: false,
            },
            None,
        ))
    }

    /// Sets: "every week", "each Thursday", "every other month", "per year".
    fn set(&self, j: usize) -> Option<Core> {
        let mut k = j + 1;
        let mut n = 1;
        if self.kw(k, Kw::Other) {
            n = 2;
            k += 1;
        } else if let Some((v, _)) = self.num(k)
            && (2..=1000).contains(&v)
            && matches!(self.unit(k + 1), Some((_, true)))
        {
            n = v;
            k += 1;
        }
        match self.lex(k) {
            Lex::Unit { unit, .. } if unit != Unit::Weekend => {
                Some((k + 1, Expr::Set(n, unit), None))
            }
            Lex::Weekday { day, .. } if self.kw(j, Kw::Every) || self.word(j, "each") => {
                Some((k + 1, Expr::SetWeekday(day), None))
            }
            Lex::Month { month, abbr: false } if self.t.get(k).is_some_and(|t| t.cap) => {
                Some((k + 1, Expr::SetMonth(month), None))
            }
            _ => None,
        }
    }

    /// "'80s".
    fn short_decade(&self, j: usize) -> Option<Core> {
        let (n, d) = self.num(j + 1)?;
        if d != 2 || !self.glued(j + 1) || !self.glued(j + 2) || !self.word(j + 2, "s") {
            return None;
        }
        let century = if n >= 30 { 190 } else { 200 };
        Some((j + 3, Expr::Decade(century + n as i32 / 10), None))
    }

    /// Phrases that start with a digit run.
    fn number(&self, j: usize) -> Option<Core> {
        let (n, digits) = self.num(j)?;
        if self.in_bigger_number(j) {
            return None;
        }
        if let Some(r) = self.clock(j) {
            return Some(r);
        }
        // "1990s", "1990's".
        if digits == 4 && (1000..=2099).contains(&n) {
            let s = if self.word(j + 1, "s") && self.glued(j + 1) {
                Some(j + 2)
            } else if self.punct(j + 1, '\'') && self.glued(j + 1) && self.word(j + 2, "s") {
                // "1990's" is the decade unless a quarter or half follows.
                (!matches!(self.lex(j + 3), Lex::Ordinal(_))).then_some(j + 3)
            } else {
                None
            };
            if let Some(end) = s {
                return Some((end, Expr::Decade(n as i32 / 10), None));
            }
        }
        // "20th century".
        if digits <= 2
            && self.glued(j + 1)
            && self.lex(j + 1) == Lex::Ordinal(0)
            && matches!(self.unit(j + 2), Some((Unit::Century, false)))
            && n >= 1
        {
            return Some((j + 3, Expr::Century(n as i32 - 1), None));
        }
        // "23 January 2025", "23rd of January".
        if digits <= 2 && (1..=31).contains(&n) {
            let mut k = j + 1;
            if self.glued(k) && self.lex(k) == Lex::Ordinal(0) {
                k += 1;
            }
            if self.kw(k, Kw::Of) {
                k += 1;
            }
            if let Lex::Month { month, abbr } = self.lex(k)
                && self.t.get(k).is_some_and(|t| t.cap)
            {
                k += 1;
                if abbr && self.punct(k, '.') && self.glued(k) {
                    k += 1;
                }
                let (end, year) = self.year_tail(k);
                return Some((
                    end,
                    Expr::Day(cal(year, Some(month), Some(n as u8)), None),
                    None,
                ));
            }
        }
        // Amounts come before years so "2000 years" is a duration.
        if let Some(r) = self.amount_unit(j) {
            return Some(r);
        }
        if digits == 4 && self.year_ok(j, n) {
            let y = n as i32;
            // "1990's first quarter", "1990 first half".
            let mut k = j + 1;
            if self.punct(k, '\'') && self.word(k + 1, "s") {
                k += 2;
            }
            if let Some(r) = self.ordinal_after_year(k, Yr::Abs(y)) {
                return Some(r);
            }
            return Some((j + 1, Expr::Day(cal(Yr::Abs(y), None, None), None), None));
        }
        None
    }

    /// A bare four-digit number that reads as a year here.
    fn year_ok(&self, j: usize, n: u32) -> bool {
        if !(1000..=2099).contains(&n) {
            return false;
        }
        // Next to other numbers it is a count ("1990 1991" lists, "1500 2").
        if self.num(j + 1).is_some() && !self.glued(j + 1) {
            return false;
        }
        let prev = j.checked_sub(1).map_or(Lex::None, |p| self.lex(p));
        let after_prep = matches!(
            prev,
            Lex::Kw(Kw::In | Kw::Since | Kw::Of | Kw::Fiscal | Kw::Early | Kw::Late | Kw::Mid)
        ) || matches!(prev, Lex::Month { .. });
        after_prep || (1800..=2099).contains(&n)
    }

    /// An optional year after a day and month: "23 January, 2025".
    fn year_tail(&self, k: usize) -> (usize, Yr) {
        let kk = if self.punct(k, ',') { k + 1 } else { k };
        if let Some(y) = self.year_at(kk)
            && self.unit(kk + 1).is_none()
        {
            return (kk + 1, Yr::Abs(y));
        }
        (k, Yr::Unknown)
    }

    /// Month-first forms: "January", "Jan. 23, 1998", "June 1994",
    /// "January this year".
    fn month(&self, j: usize) -> Option<(usize, DaySpec)> {
        let Lex::Month { month, abbr } = self.lex(j) else {
            return None;
        };
        let tok = self.t.get(j)?;
        if !tok.cap {
            return None;
        }
        let mut k = j + 1;
        if abbr {
            if self.punct(k, '.') && self.glued(k) {
                k += 1;
            } else if self.num(k).is_none() {
                return None;
            }
        }
        // Day of month.
        if let Some((d, dg)) = self.num(k)
            && dg <= 2
            && (1..=31).contains(&d)
            && !self.in_bigger_number(k)
        {
            let mut e = k + 1;
            if self.glued(e) && self.lex(e) == Lex::Ordinal(0) {
                e += 1;
            }
            let (end, year) = self.year_tail(e);
            return Some((end, cal(year, Some(month), Some(d as u8))));
        }
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, cal(Yr::Abs(y), Some(month), None)));
        }
        if self.punct(k, ',')
            && let Some(y) = self.year_at(k + 1)
        {
            return Some((k + 2, cal(Yr::Abs(y), Some(month), None)));
        }
        if self.kw(k, Kw::Of)
            && let Some(y) = self.year_at(k + 1)
        {
            return Some((k + 2, cal(Yr::Abs(y), Some(month), None)));
        }
        if let Some((e, y)) = self.spoken_year(k) {
            return Some((e, cal(Yr::Abs(y), Some(month), None)));
        }
        if let (Lex::Kw(d @ (Kw::This | Kw::Last | Kw::Next)), Some((Unit::Year, false))) =
            (self.lex(k), self.unit(k + 1))
        {
            let off = match d {
                Kw::Last => -1,
                Kw::Next => 1,
                _ => 0,
            };
            return Some((k + 2, cal(Yr::Rel(off), Some(month), None)));
        }
        // "May" and "March" alone are usually a verb; want a lead-in word.
        if !abbr && (month == 3 || month == 5) {
            let prev_ok = j > 0
                && (matches!(
                    self.lex(j - 1),
                    Lex::Kw(
                        Kw::In
                            | Kw::The
                            | Kw::Since
                            | Kw::Of
                            | Kw::Last
                            | Kw::Next
                            | Kw::This
                            | Kw::Early
                            | Kw::Late
                            | Kw::Mid
                            | Kw::Before
                            | Kw::After
                            | Kw::By
                            | Kw::From
                            | Kw::Until
                            | Kw::To
                    )
                ) || self.punct(j - 1, '-')
                    || self.word(j - 1, "during")
                    || self.word(j - 1, "through"));
            if !prev_ok {
                return None;
            }
        }
        Some((k, cal(Yr::Unknown, Some(month), None)))
    }

    /// "Friday", "Friday morning", "Friday, 24 January 2025".
    fn weekday(&self, j: usize, day: u8, shift: Option<i8>) -> Option<Core> {
        let k = j + 1;
        if shift.is_none() {
            let kk = if self.punct(k, ',') { k + 1 } else { k };
            if matches!(self.lex(kk), Lex::Month { .. })
                && let Some((end, spec)) = self.month(kk)
                && let DaySpec::Cal { day: Some(_), .. } = spec
            {
                let (end, clock) = self.clock_after(end);
                return Some((end, Expr::Day(spec, clock), None));
            }
            if let Some((d, dg)) = self.num(kk)
                && dg <= 2
                && (1..=31).contains(&d)
                && let Some((end, Expr::Day(spec @ DaySpec::Cal { .. }, None), _)) = self.number(kk)
            {
                let (end, clock) = self.clock_after(end);
                return Some((end, Expr::Day(spec, clock), None));
            }
        }
        // "Saturday Night Live", "Monday Night Football": a weekday, a
        // capitalised part of the day and a capitalised word after it
        // are a title, not a date.
        let cap_word = |i: usize| {
            self.t
                .get(i)
                .is_some_and(|t| t.cap && t.shape == Shape::Word)
        };
        if matches!(self.lex(k), Lex::DayPart(_)) && cap_word(k) && cap_word(k + 1) {
            return None;
        }
        let spec = DaySpec::Weekday { day, shift };
        let (end, e) = self.day_part(k, spec);
        Some((end, e, None))
    }

    /// A time right after a written date: "24 January 2025, 17:04".
    fn clock_after(&self, k: usize) -> (usize, Option<Clock>) {
        let kk = if self.punct(k, ',') { k + 1 } else { k };
        if let (Some((h, _)), true, Some((m, 2))) =
            (self.num(kk), self.punct(kk + 1, ':'), self.num(kk + 2))
            && h <= 23
            && m <= 59
            && self.glued(kk + 1)
            && self.glued(kk + 2)
        {
            return (kk + 3, Some(Clock::At(h as u8, m as u8)));
        }
        (k, None)
    }

    /// A day followed by an optional part of the day ("Friday night").
    fn day_part(&self, k: usize, spec: DaySpec) -> (usize, Expr) {
        match self.lex(k) {
            Lex::DayPart(
                p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
            ) => (k + 1, Expr::Day(spec, Some(Clock::Part(p)))),
            _ => (k, Expr::Day(spec, None)),
        }
    }

    /// A day named right after a clock time ("3 p.m. Friday").
    fn day_after(&self, k: usize) -> Option<(usize, DaySpec)> {
        let mut k = k;
        if self.lex(k) == Lex::Kw(Kw::Zone) {
            k += 1;
        }
        let kk = if self.punct(k, ',') { k + 1 } else { k };
        match self.lex(kk) {
            Lex::Weekday { day, plural: false } => {
                Some((kk + 1, DaySpec::Weekday { day, shift: None }))
            }
            Lex::Kw(Kw::Today) => Some((kk + 1, DaySpec::Rel(0))),
            Lex::Kw(Kw::Yesterday) => Some((kk + 1, DaySpec::Rel(-1))),
            Lex::Kw(Kw::Tomorrow) => Some((kk + 1, DaySpec::Rel(1))),
            Lex::Month { .. } => {
                let (end, spec) = self.month(kk)?;
                matches!(spec, DaySpec::Cal { day: Some(_), .. }).then_some((end, spec))
            }
            _ => (k > 0 && self.lex(k - 1) == Lex::Kw(Kw::Zone)).then_some((k, DaySpec::Rel(0))),
        }
    }

    /// "a.m." / "p.m." / "am" / "pm" at token `k`: (end, is_pm).
    fn ampm(&self, k: usize) -> Option<(usize, bool)> {
        match self.lex(k) {
            Lex::Kw(Kw::Am) => return Some((k + 1, false)),
            Lex::Kw(Kw::Pm) => return Some((k + 1, true)),
            _ => {}
        }
        let pm = if self.word(k, "p") {
            true
        } else if self.word(k, "a") {
            false
        } else {
            return None;
        };
        if self.punct(k + 1, '.') && self.glued(k + 1) && self.word(k + 2, "m") && self.glued(k + 2)
        {
            let mut end = k + 3;
            if self.punct(end, '.') && self.glued(end) {
                end += 1;
            }
            return Some((end, pm));
        }
        None
    }

    /// Clock times: "3 p.m.", "10:35 a.m. EST", "15:30", then an optional
    /// day ("10 p.m. Wednesday").
    fn clock(&self, j: usize) -> Option<Core> {
        let (h, hd) = self.num(j)?;
        if hd > 2 || h > 24 {
            return None;
        }
        let mut k = j + 1;
        let mut m = 0;
        let mut has_min = false;
        if self.punct(k, ':')
            && self.glued(k)
            && self.glued(k + 1)
            && let Some((mm, 2)) = self.num(k + 1)
        {
            if mm > 59 {
                return None;
            }
            m = mm;
            has_min = true;
            k += 2;
        }
        let ap = self.ampm(k);
        if let Some((e, _)) = ap {
            k = e;
        }
        let zone = self.lex(k) == Lex::Kw(Kw::Zone);
        let prev_at = j > 0
            && (matches!(
                self.lex(j - 1),
                Lex::Kw(Kw::At | Kw::Around | Kw::About | Kw::By | Kw::Until | Kw::From)
            ));
        if ap.is_none() && !(has_min && (zone || prev_at)) {
            return None;
        }
        let mut h = h;
        match ap {
            Some((_, true)) if h < 12 => h += 12,
            Some((_, false)) if h == 12 => h = 0,
            Some(_) if h > 12 => return None,
            _ => {}
        }
        let (end, spec) = self.day_after(k).unwrap_or((k, DaySpec::Rel(0)));
        Some((
            end,
            Expr::Day(spec, Some(Clock::At(h as u8, m as u8))),
            None,
        ))
    }

    /// Spoken years: "nineteen ninety-six", "two thousand".
    fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
        let Lex::Number(hi) = self.lex(j) else {
            return None;
        };
        if (hi == 2 || hi == 1) && self.lex(j + 1) == Lex::Number(1000) {
            // "two thousand (and) five"
            let mut k = j + 2;
            if self.word(k, "and") {
                k += 1;
            }
            if let Some((e, v)) = self.number_words(k)
                && v < 100
            {
                return Some((e, hi as i32 * 1000 + v as i32));
            }
            return (self.unit(j + 2).is_none()).then_some((j + 2, hi as i32 * 1000));
        }
        if !(11..=20).contains(&hi) {
            return None;
        }
        let Lex::Number(tens) = self.lex(j + 1) else {
            return None;
        };
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let (e, lo) = self.number_words(j + 1)?;
        if self.unit(e).is_some() || self.punct(e, '-') {
            return None;
        }
        Some((e, hi as i32 * 100 + lo as i32))
    }

    /// A run of number words: "twenty four", "twenty-four", "one hundred".
    fn number_words(&self, j: usize) -> Option<(usize, u32)> {
        let mut k = j;
        let mut total: u32 = 0;
        let mut cur: u32 = 0;
        let mut any = false;
        for _ in 0..6 {
            match self.lex(k) {
                Lex::Number(v) => {
                    if v >= 100 {
                        cur = cur.max(1).saturating_mul(v);
                        if v == 1000 {
                            total = total.saturating_add(cur);
                            cur = 0;
                        }
                    } else {
                        cur = cur.saturating_add(v);
                    }
                    any = true;
                    k += 1;
                    if self.punct(k, '-')
                        && self.glued(k)
                        && self.glued(k + 1)
                        && matches!(self.lex(k + 1), Lex::Number(v) if v < 10)
                    {
                        k += 1;
                    }
                }
                _ => break,
            }
        }
        any.then_some((k, total.saturating_add(cur)))
    }

    /// A count: digits (with "1/2"), number words, "a", "a few", "several".
    fn amount(&self, j: usize) -> Option<(usize, Amount)> {
        match self.lex(j) {
            Lex::Kw(Kw::A | Kw::An) => match self.lex(j + 1) {
                Lex::Kw(Kw::Few) => Some((j + 2, Amount::Some)),
                Lex::Kw(Kw::Couple) if self.kw(j + 2, Kw::Of) => Some((j + 3, Amount::N(2))),
                Lex::Number(v) if v >= 100 => {
                    let (e, v) = self.number_words(j + 1)?;
                    Some((e, Amount::N(v)))
                }
                _ => Some((j + 1, Amount::N(1))),
            },
            Lex::Kw(Kw::Several | Kw::Many | Kw::Few) => Some((j + 1, Amount::Some)),
            Lex::Kw(Kw::Couple) if self.kw(j + 1, Kw::Of) => Some((j + 2, Amount::N(2))),
            Lex::Number(_) => {
                let (e, v) = self.number_words(j)?;
                Some((e, Amount::N(v)))
            }
            _ => {
                let (v, d) = self.num(j)?;
                if d > 6 || self.in_bigger_number(j) {
                    return None;
                }
                // "2 1/2".
                if let (Some((1, 1)), true, Some((2, 1))) =
                    (self.num(j + 1), self.punct(j + 2, '/'), self.num(j + 3))
                {
                    return Some((j + 4, Amount::Half(v)));
                }
                Some((j + 1, Amount::N(v)))
            }
        }
    }

    /// An amount and a unit: "three days (ago)", "two-year", "a week".
    fn amount_unit(&self, j: usize) -> Option<Core> {
        let (mut k, amt) = self.amount(j)?;
        if self.punct(k, '-') && self.glued(k) {
            k += 1;
        }
        // "two more weeks", "an additional year": still a length.
        let mut more = false;
        if self.kw(k, Kw::More) || self.word(k, "additional") || self.word(k, "extra") {
            more = true;
            k += 1;
        }
        if self.kw(k, Kw::Trading) {
            k += 1;
        }
        let (unit, plural) = self.unit(k)?;
        if more && matches!(self.lex(k + 1), Lex::Kw(Kw::Ago | Kw::Earlier | Kw::Later)) {
            return None;
        }
        // "the 1988 quarter" names a quarter, not 1988 of them.
        if !plural && self.num(j).is_some_and(|(_, d)| d == 4) && !self.punct(k - 1, '-') {
            return None;
        }
        k += 1;
        if unit == Unit::Weekend {
            return None;
        }
        // "a year-earlier loss": the phrase is "year-earlier", not "a year".
        if !plural
            && self.punct(k, '-')
            && self.glued(k)
            && matches!(self.lex(k + 1), Lex::Kw(Kw::Ago | Kw::Earlier))
        {
            return None;
        }
        // "a 6-year-old", "52 years old": ages, not times.
        if self.kw(k, Kw::Old) || (self.punct(k, '-') && self.kw(k + 1, Kw::Old)) {
            return None;
        }
        if self.punct(k, '-') && self.glued(k) && self.kw(k + 1, Kw::Long) {
            k += 2;
        }
        let shift = |end: usize, dir: i8| Some((end, Expr::Shift { n: amt, unit, dir }, None));
        match self.lex(k) {
            Lex::Kw(Kw::Ago | Kw::Earlier) => return shift(k + 1, -1),
            // "three days later" counts from a narrated event, not the
            // anchor: only the length is certain.
            Lex::Kw(Kw::Hence) => return shift(k + 1, 1),
            Lex::Kw(Kw::From) if self.kw(k + 1, Kw::Now) => return shift(k + 2, 1),
            _ => {}
        }
        // "twice a year", "$5 a day": a rate, not a length.
        if self.kw(j, Kw::A) && j > 0 {
            let p = j - 1;
            if self.word(p, "once") || self.word(p, "twice") || self.word(p, "times") {
                return Some((k, Expr::Set(1, unit), None));
            }
        }
        Some((k, Expr::Duration(amt, unit), None))
    }
}

fn cal(year: Yr, month: Option<u8>, day: Option<u8>) -> DaySpec {
    DaySpec::Cal { year, month, day }
}

fn plain_day((end, e): (usize, Expr)) -> Option<Core> {
    Some((end, e, None))
}
