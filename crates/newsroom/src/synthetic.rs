//! Synthetic articles for load tests: corpus articles rewritten so that
//! every one is new.
//!
//! Synthetic article `k` replays the corpus in cycles: within cycle
//! `k / L` (L = the corpus's articles that are not syndicated copies, in
//! time order) it rewrites corpus article `k % L`. The articles of one
//! corpus story within one cycle form one synthetic story: they share a
//! name map, so the story's people, places and firms get the same invented
//! names in all of them and different ones in every other cycle. Each
//! article also drops a random share of its base's paragraphs and
//! sentences, varies its figures and some common words, and gains a few sentences of its own and
//! a serial number, so two rewrites of the same base share well under half
//! of their word 3-shingles and are never near-duplicates.

use std::collections::HashSet;

use jiff::Timestamp;

use crate::article::{Article, sentences};
use crate::corpus::Corpus;
use crate::hash::{Dice, combine, hash_bytes};

/// The shortest text a synthetic article gets, in bytes; shorter rewrites
/// gain more sentences of their own.
const MIN_TEXT: usize = 1_000;

/// Capitalised words that are not names, kept as they are.
const KEEP: &[&str] = &[
    "The",
    "A",
    "An",
    "I",
    "It",
    "He",
    "She",
    "They",
    "We",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "By",
    "With",
    "From",
    "As",
    "If",
    "When",
    "After",
    "Before",
    "Under",
    "Over",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Yes",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Minister",
    "Ministry",
    "Court",
    "Union",
    "Agency",
    "Office",
    "Council",
    "Act",
    "Mayor",
    "Judge",
    "Governor",
    "District",
    "President",
    "Prime",
    "Parliament",
    "Police",
    "Government",
    "State",
    "National",
    "Fund",
    "Company",
    "Street",
    "Road",
    "Square",
    "Hall",
    "Station",
    "Hospital",
    "School",
    "University",
    "Party",
    "Department",
    "Commissioner",
    "Commission",
    "Inspectorate",
    "Service",
    "Services",
    "Association",
    "Federation",
    "Chamber",
    "Board",
    "Authority",
    "Institute",
    "Centre",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Christmas",
    "Transport",
    "Justice",
    "Finance",
    "Health",
    "Interior",
    "Supreme",
    "Constitutional",
    "Deputy",
    "Chief",
    "Director",
    "General",
    "Secretary",
    "Chair",
    "Chairman",
    "Chairwoman",
];

/// Syllables of invented names.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ven", "mar", "tis", "dor", "bel", "run", "sa", "fen", "gri", "hol", "os", "ar",
    "el", "win", "tor", "ny", "ber", "quin", "da", "mi", "sel", "vo", "rak", "lin", "po", "ster",
];

/// Endings of invented place names.
const PLACE_ENDINGS: &[&str] = &[
    "", "by", "ford", "haven", "mere", "wick", "stad", "holm", "field", "port", "dale", "mouth",
];

/// Days of the week for the sentences of an article's own.
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Counts written in words, which a rewrite may move by one.
const SMALL_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// Sentences a synthetic article adds, in this project's own words. Slots:
/// `{P}` `{Q}` people, `{L}` a place, `{N}` a count in the hundreds or
/// thousands, `{M}` a small count, `{D}` a weekday, `{H}` an hour.
const TEMPLATES: &[&str] = &[
    "{P}, who lives in {L}, said {N} neighbours had gathered at the community hall on {D} evening to share what they knew.",
    "A spokesperson for the {L} district office said {N} calls had come in since the morning and that staff were working through them.",
    "{P} and {Q} were among about {N} people who attended a briefing in {L} on {D}.",
    "Local officials in {L} expect to publish a fuller account within {M} days.",
    "The figures could not be independently confirmed, and {P} cautioned that they might still change.",
    "In {L}, where {N} households were contacted by the authorities, the mood was described as tense but calm.",
    "{P}, a councillor for {L}, called for a public meeting before the end of the month.",
    "Records seen by this newspaper show {N} similar cases over the past {M} years.",
    "Asked about the timetable, {P} said only that work would continue for as long as it takes.",
    "Traders along the main street of {L} said takings had fallen by about {M} percent this week.",
    "{Q}, a spokesperson, declined to comment further when contacted on {D}.",
    "A further update from the office in {L} is due at {H} o'clock on {D}.",
    "Volunteers from {L} have collected {N} signatures on a petition since the weekend.",
    "The regional broadcaster in {L} said {M} of its reporters had been assigned to follow the matter.",
    "{P} said the money set aside so far, about {N} crowns, would barely cover the first month.",
    "Schools in {L} said lessons would go ahead as normal, with {M} pupils absent on {D}.",
    "{P}, a retired engineer from {L}, said the same questions had been raised {M} years ago and never answered.",
    "Opposition members want {Q} to appear before a committee within {M} weeks.",
];

/// Words a rewrite may swap for another of the same sense, each time it
/// meets them: every swap breaks the word shingles around it.
const SYNONYMS: &[&[&str]] = &[
    &["said", "stated", "noted", "added"],
    &["says", "states", "notes"],
    &["many", "numerous"],
    &["large", "big"],
    &["began", "started"],
    &["started", "began"],
    &["after", "following"],
    &["because", "as"],
    &["percent", "per cent"],
    &["announced", "declared"],
    &["officials", "authorities"],
    &["workers", "employees", "staff"],
    &["company", "firm"],
    &["decision", "ruling"],
    &["quickly", "swiftly"],
    &["rose", "climbed"],
    &["main", "principal"],
    &["shows", "indicates"],
    &["needed", "required"],
    &["meeting", "session"],
    &["residents", "locals"],
    &["houses", "homes"],
    &["angry", "furious"],
    &["also", "likewise"],
];

/// Rewrites corpus articles into synthetic ones.
#[derive(Debug, Clone)]
pub(crate) struct Rewriter {
    /// Corpus article indices one cycle replays, in time order.
    cycle: Vec<usize>,
    /// Per corpus story: the capitalised words its texts use as names.
    names: Vec<HashSet<String>>,
    /// Per corpus story: its articles in [`Rewriter::cycle`].
    by_story: Vec<Vec<usize>>,
}

impl Rewriter {
    /// A rewriter of `corpus`'s articles.
    pub fn new(corpus: &Corpus) -> Rewriter {
        let mut cycle: Vec<usize> = (0..corpus.articles.len())
            .filter(|&i| !corpus.articles[i].syndicated)
            .collect();
        if cycle.is_empty() {
            cycle = (0..corpus.articles.len()).collect();
        }
        let mut names = vec![HashSet::new(); corpus.stories.len()];
        for a in &corpus.articles {
            for p in &a.article.paragraphs {
                collect_names(p, &mut names[a.story]);
            }
        }
        let mut by_story = vec![Vec::new(); corpus.stories.len()];
        for &i in &cycle {
            by_story[corpus.articles[i].story].push(i);
        }
        Rewriter {
            cycle,
            names,
            by_story,
        }
    }

    /// The story of synthetic article `k`, without writing the article.
    pub fn story_of(&self, corpus: &Corpus, k: u64) -> String {
        let len = self.cycle.len() as u64;
        let base = &corpus.articles[self.cycle[(k % len) as usize]];
        format!("synthetic-{}-{}", k / len, corpus.stories[base.story])
    }

    /// Synthetic article `k`, published at `published`.
    pub fn article(&self, corpus: &Corpus, k: u64, published: Timestamp) -> Article {
        let len = self.cycle.len() as u64;
        let cycle = k / len;
        let base = &corpus.articles[self.cycle[(k % len) as usize]];
        let story_id = &corpus.stories[base.story];
        let group_seed = combine(cycle, hash_bytes(story_id.as_bytes()));
        let mut dice = Dice::new(combine(k, 0x5e17_4e71));

        let days = weekday_map(&mut dice);
        let mut paragraphs = Vec::new();
        for (i, para) in base.article.paragraphs.iter().enumerate() {
            if i > 0 && dice.chance(0.3) {
                continue;
            }
            let text = self.retell(para, i == 0, base.story, group_seed, &days, &mut dice);
            if !text.is_empty() {
                paragraphs.push(text);
            }
        }
        // A paragraph or two from another article of the story: another
        // outlet's detail, as a rewrite that draws on several reports has.
        let others = &self.by_story[base.story];
        for _ in 0..2 {
            let donor = &corpus.articles[others[dice.below(others.len())]].article;
            if donor.id == base.article.id || donor.paragraphs.len() < 2 {
                continue;
            }
            let para = &donor.paragraphs[1 + dice.below(donor.paragraphs.len() - 1)];
            let text = self.retell(para, false, base.story, group_seed, &days, &mut dice);
            if text.is_empty() {
                continue;
            }
            let at = 1 + dice.below(paragraphs.len());
            paragraphs.insert(at.min(paragraphs.len()), text);
        }
        if paragraphs.len() > 3 && dice.chance(0.5) {
            let i = 1 + dice.below(paragraphs.len() - 2);
            paragraphs.swap(i, i + 1);
        }

        // Sentences of its own, three at least and more while the text is short.
        let mut used = HashSet::new();
        let mut added = 0;
        while added < 3 || (text_len(&paragraphs) < MIN_TEXT && added < TEMPLATES.len()) {
            let t = dice.below(TEMPLATES.len());
            if !used.insert(t) {
                continue;
            }
            let sentence = fill(TEMPLATES[t], &mut dice);
            let at = 1 + dice.below(paragraphs.len());
            if at < paragraphs.len() && dice.chance(0.5) {
                paragraphs[at].push(' ');
                paragraphs[at].push_str(&sentence);
            } else {
                paragraphs.insert(at.min(paragraphs.len()), sentence);
            }
            added += 1;
        }

        let author = person(&mut dice);
        let desk = place(dice.next());
        paragraphs.push(format!(
            "Reporting by {author} in {desk}; reference NR-{k:07}."
        ));

        let mut title = rewrite(
            &base.article.title,
            &self.names[base.story],
            group_seed,
            &days,
            &mut dice,
        );
        if title == base.article.title {
            title = format!("{}: {title}", place(group_seed));
        }
        Article {
            id: format!("syn-{k}"),
            story: format!("synthetic-{cycle}-{story_id}"),
            title,
            author,
            published,
            paragraphs,
        }
    }
}

impl Rewriter {
    /// One paragraph rewritten: some sentences dropped (never the first of
    /// a lede, never one inside a quotation, whose marks would no longer
    /// pair), the rest rewritten.
    fn retell(
        &self,
        para: &str,
        lede: bool,
        story: usize,
        group_seed: u64,
        days: &[&'static str; 7],
        dice: &mut Dice,
    ) -> String {
        let kept: Vec<&str> = sentences(para)
            .into_iter()
            .enumerate()
            .filter(|&(j, s)| (lede && j == 0) || quoted(s) || !dice.chance(0.35))
            .map(|(_, s)| s)
            .collect();
        rewrite(&kept.join(" "), &self.names[story], group_seed, days, dice)
    }
}

/// Whether a sentence has an unpaired quotation mark: it starts or ends
/// a quotation that goes on in the next or came from the last.
fn quoted(sentence: &str) -> bool {
    let straight = sentence.matches('"').count();
    let open = sentence.matches('“').count();
    let close = sentence.matches('”').count();
    straight % 2 == 1 || open != close
}

/// A random shuffle of the days of the week, for one article.
fn weekday_map(dice: &mut Dice) -> [&'static str; 7] {
    let mut days: [&'static str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    for i in (1..7).rev() {
        days.swap(i, dice.below(i + 1));
    }
    days
}

/// The bytes of text in `paragraphs`.
fn text_len(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| p.len() + 2).sum()
}

/// Adds to `names` the capitalised words of `text` that appear somewhere
/// other than a sentence's start and are not common words.
fn collect_names(text: &str, names: &mut HashSet<String>) {
    let mut after_stop = true;
    for token in text.split_whitespace() {
        let word: String = token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase);
        if capitalised && !after_stop && word.chars().count() >= 3 && !KEEP.contains(&word.as_str())
        {
            names.insert(word);
        }
        after_stop = token.ends_with(['.', '!', '?', ':', '"', '“', '–', '—'])
            || token.starts_with(['"', '“', '(']);
    }
}

/// `text` with the words in `names` replaced by the group's invented names
/// and its larger figures varied.
fn rewrite(
    text: &str,
    names: &HashSet<String>,
    group_seed: u64,
    days: &[&'static str; 7],
    dice: &mut Dice,
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            if names.contains(word) {
                out.push_str(&invented(combine(group_seed, hash_bytes(word.as_bytes()))));
            } else if word == "about"
                && rest[end..].starts_with(' ')
                && rest[end + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                // Only an approximate figure, not a topic.
                out.push_str(["about", "around", "roughly", "some"][dice.below(4)]);
            } else if let Some(set) = SYNONYMS.iter().find(|set| set[0] == word) {
                out.push_str(set[dice.below(set.len())]);
            } else if let Some(d) = DAYS.iter().position(|&d| d == word) {
                out.push_str(days[d]);
            } else if let Some(n) = SMALL_NUMBERS.iter().position(|&n| n == word) {
                // A neighbouring count, half the time.
                let n = match dice.below(4) {
                    0 if n > 0 => n - 1,
                    1 if n + 1 < SMALL_NUMBERS.len() => n + 1,
                    _ => n,
                };
                out.push_str(SMALL_NUMBERS[n]);
            } else {
                out.push_str(word);
            }
            rest = &rest[end..];
        } else if c.is_ascii_digit() {
            let end = number_end(rest);
            let number = &rest[..end];
            let glued = rest[end..].chars().next().is_some_and(char::is_alphabetic);
            if glued {
                out.push_str(number);
            } else {
                out.push_str(&vary(number, dice));
            }
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Where the number starting `text` ends: digits, with `,` or `.` between digits.
fn number_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        let joins = matches!(b, b',' | b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || (end > 0 && joins) {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// `number` scaled by a random factor between 0.8 and 1.25, in the same
/// style; years, days of the month and small counts stay as they are.
fn vary(number: &str, dice: &mut Dice) -> String {
    let commas = number.contains(',');
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    let plain: String = number.chars().filter(|&c| c != ',').collect();
    let Ok(value) = plain.parse::<f64>() else {
        return number.to_string();
    };
    let year = number.len() == 4 && (1900.0..=2099.0).contains(&value);
    if decimals == 0 && !commas && (value < 32.0 || year) {
        return number.to_string();
    }
    let factor = 0.8 + 0.45 * (dice.below(1_000) as f64 / 1_000.0);
    let varied = value * factor;
    if decimals > 0 {
        return format!("{varied:.decimals$}");
    }
    let mut n = varied.round() as u64;
    if n == value as u64 {
        n += 1;
    }
    if commas { thousands(n) } else { n.to_string() }
}

/// `n` with commas between groups of three digits.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An invented capitalised word of two or three syllables.
fn invented(seed: u64) -> String {
    let mut dice = Dice::new(seed);
    let count = 2 + dice.below(2);
    let word: String = (0..count)
        .map(|_| SYLLABLES[dice.below(SYLLABLES.len())])
        .collect();
    capitalise(&word)
}

/// An invented place name.
fn place(seed: u64) -> String {
    let mut dice = Dice::new(seed ^ 0x0091_ace5);
    let stem = invented(dice.next());
    format!("{stem}{}", PLACE_ENDINGS[dice.below(PLACE_ENDINGS.len())])
}

/// An invented person's name.
fn person(dice: &mut Dice) -> String {
    format!("{} {}", invented(dice.next()), invented(dice.next()))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A template with its slots filled from `dice`.
fn fill(template: &str, dice: &mut Dice) -> String {
    let p = person(dice);
    let q = person(dice);
    let l = place(dice.next());
    let n = thousands(40 + dice.below(4_000) as u64);
    let m = (2 + dice.below(58)).to_string();
    let d = DAYS[dice.below(DAYS.len())];
    let h = (9 + dice.below(9)).to_string();
    template
        .replace("{P}", &p)
        .replace("{Q}", &q)
        .replace("{L}", &l)
        .replace("{N}", &n)
        .replace("{M}", &m)
        .replace("{D}", d)
        .replace("{H}", &h)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::options::default_corpus;

    fn shingles(text: &str) -> HashSet<u64> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(3)
            .map(|w| hash_bytes(w.join(" ").as_bytes()))
            .collect()
    }

    fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
        a.intersection(b).count() as f64 / a.union(b).count().max(1) as f64
    }

    #[test]
    fn synthetic_articles_are_unique_and_not_near_duplicates() {
        let corpus = Corpus::load(&default_corpus()).unwrap();
        let r = Rewriter::new(&corpus);
        let len = r.cycle.len() as u64;
        assert_eq!(len, 50);
        let n = len * 12;
        let articles: Vec<Article> = (0..n)
            .map(|k| r.article(&corpus, k, Timestamp::UNIX_EPOCH))
            .collect();
        let texts: HashSet<u64> = articles
            .iter()
            .map(|a| hash_bytes(a.text().as_bytes()))
            .collect();
        assert_eq!(texts.len() as u64, n);
        let titles: HashSet<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles.len() as u64, n, "titles repeat");
        for a in &articles {
            let len = a.text().len();
            assert!((MIN_TEXT..4_000).contains(&len), "{}: {len} bytes", a.id);
        }
        // Rewrites of the same base are the likeliest near-duplicates.
        let sh: Vec<HashSet<u64>> = articles.iter().map(|a| shingles(&a.text())).collect();
        let mut worst: f64 = 0.0;
        for base in 0..len {
            let same: Vec<u64> = (0..n).filter(|k| k % len == base).collect();
            for (i, &a) in same.iter().enumerate() {
                for &b in &same[i + 1..] {
                    worst = worst.max(jaccard(&sh[a as usize], &sh[b as usize]));
                }
            }
        }
        assert!(worst < 0.5, "worst shingle Jaccard {worst}");
        // Against its base, too.
        for (k, a) in articles.iter().enumerate().take(len as usize) {
            let base = &corpus.articles[r.cycle[k]].article;
            assert!(jaccard(&sh[k], &shingles(&base.text())) < 0.6, "{}", a.id);
        }
    }

    #[test]
    fn a_synthetic_story_keeps_its_names_across_its_articles() {
        let corpus = Corpus::load(&default_corpus()).unwrap();
        let r = Rewriter::new(&corpus);
        let mut by_story: HashMap<String, Vec<Article>> = HashMap::new();
        for k in 0..100 {
            let a = r.article(&corpus, k, Timestamp::UNIX_EPOCH);
            by_story.entry(a.story.clone()).or_default().push(a);
        }
        assert_eq!(by_story.len(), 18, "9 stories a cycle, 2 cycles");
        for k in [0, 49, 50, 99] {
            assert_eq!(
                r.story_of(&corpus, k),
                r.article(&corpus, k, Timestamp::UNIX_EPOCH).story
            );
        }
        let names = &r.names[corpus
            .stories
            .iter()
            .position(|s| s == "court-mayor")
            .unwrap()];
        assert!(names.contains("Drummond"), "{names:?}");
        assert!(!names.contains("The") && !names.contains("Wednesday"));
        let seed0 = combine(0, hash_bytes(b"court-mayor"));
        let seed1 = combine(1, hash_bytes(b"court-mayor"));
        let drummond0 = invented(combine(seed0, hash_bytes(b"Drummond")));
        let drummond1 = invented(combine(seed1, hash_bytes(b"Drummond")));
        assert_ne!(drummond0, drummond1);
        let first = &by_story["synthetic-0-court-mayor"];
        assert!(
            first
                .iter()
                .filter(|a| a.text().contains(&drummond0))
                .count()
                >= 3
        );
        assert!(first.iter().all(|a| !a.text().contains("Drummond")));
    }

    #[test]
    fn figures_vary_but_years_and_days_do_not() {
        let mut dice = Dice::new(1);
        assert_eq!(vary("2021", &mut dice), "2021");
        assert_eq!(vary("28", &mut dice), "28");
        let v = vary("175,000", &mut dice);
        assert!(v.contains(',') && v != "175,000", "{v}");
        let d = vary("3.4", &mut dice);
        assert!(d.len() == 3 && d.contains('.'), "{d}");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(number_end("1,300 staff"), 5);
        assert_eq!(number_end("2019, then"), 4);
        let names = HashSet::new();
        let mut days = weekday_map(&mut dice);
        days.sort();
        assert_eq!(days.len(), 7);
        let days = weekday_map(&mut dice);
        assert_eq!(
            rewrite("at 6am on 12 Oct", &names, 0, &days, &mut dice),
            "at 6am on 12 Oct"
        );
        assert!(quoted("\"We have listened to the court.") && !quoted("\"Yes,\" he said."));
    }
}
