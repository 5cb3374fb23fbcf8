//! Lexicon: the word classes the grammar works with.
//!
//! Words are looked up case-insensitively through a small stack buffer, so
//! classifying a token never allocates. Anything not listed is `Lex::None`.

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of the day, as TimeML writes it (`MO`, `AF`, `EV`, `NI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
}

/// A season, as TimeML writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A named day of the year. Fixed ones fall on the same date every
/// year; the others are counted from weekdays (or, for Easter, the moon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// 25 December ("Christmas", "Christmas Day").
    Christmas,
    /// 24 December.
    ChristmasEve,
    /// 1 January ("New Year's Day", "New Year's").
    NewYear,
    /// 31 December.
    NewYearsEve,
    /// 14 February.
    Valentines,
    /// 4 July ("Independence Day", "the Fourth of July").
    Independence,
    /// 31 October.
    Halloween,
    /// The fourth Thursday of November (the United States' one).
    Thanksgiving,
    /// The last Monday of May (United States).
    Memorial,
    /// The first Monday of September (United States).
    Labor,
    /// The Tuesday after the first Monday of November (United States).
    Election,
    /// Easter Sunday (Western churches).
    Easter,
}

/// Words with a fixed job in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    The,
    A,
    An,
    Of,
    Last,
    Past,
    Previous,
    Next,
    Coming,
    Following,
    This,
    That,
    These,
    Current,
    Latest,
    Same,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Every,
    Each,
    Other,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Recently,
    Recent,
    Future,
    Near,
    Several,
    Few,
    Many,
    Couple,
    Nearly,
    About,
    Around,
    More,
    Less,
    Than,
    At,
    Least,
    Most,
    Up,
    To,
    Over,
    Within,
    Fiscal,
    Right,
    Half,
    Daily,
    Weekly,
    Monthly,
    Hourly,
    For,
    In,
    Since,
    By,
    Until,
    On,
    Trading,
    Long,
    Old,
    Ahead,
    Before,
    After,
    From,
    Hence,
    Or,
    So,
    Am,
    Pm,
    Zone,
    New,
    Eve,
    Period,
    Term,
    Nowadays,
    Present,
    Will,
}

/// The class of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Not a word the grammar knows.
    None,
    /// A month name (1-12); `abbr` for short forms like "Sept".
    Month { month: u8, abbr: bool },
    /// A weekday (1 = Monday .. 7 = Sunday); `plural` for "Mondays".
    Weekday { day: u8, plural: bool },
    /// A unit; `plural` for "days".
    Unit { unit: Unit, plural: bool },
    /// A cardinal number word ("three", "twenty", "hundred").
    Number(u32),
    /// An ordinal word ("third") or suffix ("th" after digits, as 0).
    Ordinal(u8),
    /// A season.
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// Spoken decade ("nineties" = 90).
    Decade(u8),
    /// A holiday named by one word ("Christmas", "Thanksgiving").
    Holiday(Holiday),
    /// The first word of a holiday named "... Day" ("Election", "Labor").
    HolidayHead(Holiday),
    /// A keyword.
    Kw(Kw),
}

/// Classifies one word (any case).
pub(crate) fn classify(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes.len() > 14 || !bytes.is_ascii() {
        return Lex::None;
    }
    let mut buf = [0u8; 14];
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    lookup(lower)
}

fn month(month: u8, abbr: bool) -> Lex {
    Lex::Month { month, abbr }
}

fn weekday(day: u8, plural: bool) -> Lex {
    Lex::Weekday { day, plural }
}

fn unit(unit: Unit, plural: bool) -> Lex {
    Lex::Unit { unit, plural }
}

fn lookup(w: &str) -> Lex {
    use Kw::*;
    let kw = Lex::Kw;
    match w {
        "january" => month(1, false),
        "february" => month(2, false),
        "march" => month(3, false),
        "april" => month(4, false),
        "may" => month(5, false),
        "june" => month(6, false),
        "july" => month(7, false),
        "august" => month(8, false),
        "september" => month(9, false),
        "october" => month(10, false),
        "november" => month(11, false),
        "december" => month(12, false),
        "jan" => month(1, true),
        "feb" => month(2, true),
        "mar" => month(3, true),
        "apr" => month(4, true),
        "jun" => month(6, true),
        "jul" => month(7, true),
        "aug" => month(8, true),
        "sep" | "sept" => month(9, true),
        "oct" => month(10, true),
        "nov" => month(11, true),
        "dec" => month(12, true),
        "monday" => weekday(1, false),
        "tuesday" => weekday(2, false),
        "wednesday" => weekday(3, false),
        "thursday" => weekday(4, false),
        "friday" => weekday(5, false),
        "saturday" => weekday(6, false),
        "sunday" => weekday(7, false),
        "mondays" => weekday(1, true),
        "tuesdays" => weekday(2, true),
        "wednesdays" => weekday(3, true),
        "thursdays" => weekday(4, true),
        "fridays" => weekday(5, true),
        "saturdays" => weekday(6, true),
        "sundays" => weekday(7, true),
        "second" => Lex::Ordinal(2),
        "seconds" => unit(Unit::Second, true),
        "minute" => unit(Unit::Minute, false),
        "minutes" => unit(Unit::Minute, true),
        "hour" => unit(Unit::Hour, false),
        "hours" => unit(Unit::Hour, true),
        "day" => unit(Unit::Day, false),
        "days" => unit(Unit::Day, true),
        "week" => unit(Unit::Week, false),
        "weeks" => unit(Unit::Week, true),
        "weekend" => unit(Unit::Weekend, false),
        "weekends" => unit(Unit::Weekend, true),
        "month" => unit(Unit::Month, false),
        "months" => unit(Unit::Month, true),
        "quarter" => unit(Unit::Quarter, false),
        "quarters" => unit(Unit::Quarter, true),
        "year" => unit(Unit::Year, false),
        "years" => unit(Unit::Year, true),
        "decade" => unit(Unit::Decade, false),
        "decades" => unit(Unit::Decade, true),
        "century" => unit(Unit::Century, false),
        "centuries" => unit(Unit::Century, true),
        "one" => Lex::Number(1),
        "two" => Lex::Number(2),
        "three" => Lex::Number(3),
        "four" => Lex::Number(4),
        "five" => Lex::Number(5),
        "six" => Lex::Number(6),
        "seven" => Lex::Number(7),
        "eight" => Lex::Number(8),
        "nine" => Lex::Number(9),
        "ten" => Lex::Number(10),
        "eleven" => Lex::Number(11),
        "twelve" => Lex::Number(12),
        "thirteen" => Lex::Number(13),
        "fourteen" => Lex::Number(14),
        "fifteen" => Lex::Number(15),
        "sixteen" => Lex::Number(16),
        "seventeen" => Lex::Number(17),
        "eighteen" => Lex::Number(18),
        "nineteen" => Lex::Number(19),
        "twenty" => Lex::Number(20),
        "thirty" => Lex::Number(30),
        "forty" => Lex::Number(40),
        "fifty" => Lex::Number(50),
        "sixty" => Lex::Number(60),
        "seventy" => Lex::Number(70),
        "eighty" => Lex::Number(80),
        "ninety" => Lex::Number(90),
        "hundred" => Lex::Number(100),
        "thousand" => Lex::Number(1000),
        "dozen" => Lex::Number(12),
        "first" => Lex::Ordinal(1),
        "third" => Lex::Ordinal(3),
        "fourth" => Lex::Ordinal(4),
        "fifth" => Lex::Ordinal(5),
        "sixth" => Lex::Ordinal(6),
        "seventh" => Lex::Ordinal(7),
        "eighth" => Lex::Ordinal(8),
        "ninth" => Lex::Ordinal(9),
        "tenth" => Lex::Ordinal(10),
        "eleventh" => Lex::Ordinal(11),
        "twelfth" => Lex::Ordinal(12),
        "st" | "nd" | "rd" | "th" => Lex::Ordinal(0),
        "spring" => Lex::Season(Season::Spring),
        "summer" => Lex::Season(Season::Summer),
        "fall" | "autumn" => Lex::Season(Season::Fall),
        "winter" => Lex::Season(Season::Winter),
        "morning" => Lex::DayPart(DayPart::Morning),
        "afternoon" => Lex::DayPart(DayPart::Afternoon),
        "evening" => Lex::DayPart(DayPart::Evening),
        "night" => Lex::DayPart(DayPart::Night),
        "noon" | "midday" => Lex::DayPart(DayPart::Noon),
        "midnight" => Lex::DayPart(DayPart::Midnight),
        "twenties" => Lex::Decade(20),
        "thirties" => Lex::Decade(30),
        "forties" => Lex::Decade(40),
        "fifties" => Lex::Decade(50),
        "sixties" => Lex::Decade(60),
        "seventies" => Lex::Decade(70),
        "eighties" => Lex::Decade(80),
        "nineties" => Lex::Decade(90),
        "the" => kw(The),
        "a" => kw(A),
        "an" => kw(An),
        "of" => kw(Of),
        "last" => kw(Last),
        "past" => kw(Past),
        "previous" | "prior" | "preceding" => kw(Previous),
        "next" => kw(Next),
        "coming" | "upcoming" => kw(Coming),
        "following" => kw(Following),
        "this" => kw(This),
        "that" => kw(That),
        "these" => kw(These),
        "current" => kw(Current),
        "latest" => kw(Latest),
        "most" => kw(Most),
        "same" => kw(Same),
        "ago" => kw(Ago),
        "earlier" => kw(Earlier),
        "later" => kw(Later),
        "early" => kw(Early),
        "late" => kw(Late),
        "mid" => kw(Mid),
        "middle" => kw(Middle),
        "end" => kw(End),
        "beginning" => kw(Beginning),
        "start" => kw(Start),
        "every" => kw(Every),
        "each" | "per" => kw(Each),
        "other" => kw(Other),
        "today" => kw(Today),
        "yesterday" => kw(Yesterday),
        "tomorrow" => kw(Tomorrow),
        "tonight" => kw(Tonight),
        "now" => kw(Now),
        "currently" => kw(Currently),
        "recently" => kw(Recently),
        "recent" => kw(Recent),
        "future" => kw(Future),
        "near" => kw(Near),
        "several" => kw(Several),
        "few" => kw(Few),
        "many" => kw(Many),
        "couple" => kw(Couple),
        "nearly" | "almost" => kw(Nearly),
        "about" | "approximately" | "roughly" | "some" => kw(About),
        "around" => kw(Around),
        "more" => kw(More),
        "less" | "fewer" => kw(Less),
        "than" => kw(Than),
        "at" => kw(At),
        "least" => kw(Least),
        "up" => kw(Up),
        "to" => kw(To),
        "over" => kw(Over),
        "within" => kw(Within),
        "fiscal" => kw(Fiscal),
        "right" => kw(Right),
        "half" => kw(Half),
        "daily" => kw(Daily),
        "weekly" => kw(Weekly),
        "monthly" => kw(Monthly),
        "hourly" => kw(Hourly),
        "for" => kw(For),
        "in" => kw(In),
        "since" => kw(Since),
        "by" => kw(By),
        "until" | "till" => kw(Until),
        "on" => kw(On),
        "trading" | "business" | "working" => kw(Trading),
        "long" => kw(Long),
        "old" => kw(Old),
        "ahead" => kw(Ahead),
        "before" => kw(Before),
        "after" => kw(After),
        "from" => kw(From),
        "hence" => kw(Hence),
        "or" => kw(Or),
        "so" => kw(So),
        "am" => kw(Am),
        "pm" => kw(Pm),
        "est" | "edt" | "gmt" | "utc" | "cst" | "cdt" | "pst" | "pdt" | "mst" | "mdt" | "bst"
        | "cet" | "et" => kw(Zone),
        "christmas" | "xmas" => Lex::Holiday(Holiday::Christmas),
        "thanksgiving" => Lex::Holiday(Holiday::Thanksgiving),
        "easter" => Lex::Holiday(Holiday::Easter),
        "halloween" => Lex::Holiday(Holiday::Halloween),
        "election" => Lex::HolidayHead(Holiday::Election),
        "labor" | "labour" => Lex::HolidayHead(Holiday::Labor),
        "memorial" => Lex::HolidayHead(Holiday::Memorial),
        "independence" => Lex::HolidayHead(Holiday::Independence),
        "valentine" => Lex::HolidayHead(Holiday::Valentines),
        "new" => kw(New),
        "eve" => kw(Eve),
        "period" => kw(Period),
        "term" => kw(Term),
        "nowadays" => kw(Nowadays),
        "present" => kw(Present),
        "will" | "ll" | "shall" => kw(Will),
        _ => Lex::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_and_bounded() {
        assert_eq!(
            classify("SEPT"),
            Lex::Month {
                month: 9,
                abbr: true
            }
        );
        assert_eq!(
            classify("Fridays"),
            Lex::Weekday {
                day: 5,
                plural: true
            }
        );
        assert_eq!(classify("averyveryverylongword"), Lex::None);
        assert_eq!(classify("jänner"), Lex::None);
    }
}
