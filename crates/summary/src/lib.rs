//! storyline-summary: extractive story summaries with citations.
//!
//! Given the articles of one story, [`summarize`] writes a summary of at most
//! a given number of words out of the articles' own sentences, and a headline.
//! Nothing is generated: every sentence is one that at least one article says
//! (at most cut short of a leading connective or a trailing elaboration), and it carries all the
//! articles that say it (near-identical sentences from several outlets become
//! one sentence with several sources).
//!
//! The stages, one per module:
//! 1. [`sentences`]: split each article into sentences (abbreviations,
//!    initials and quotes respected: a quotation of several sentences stays
//!    one sentence with its attribution), clean them (datelines, spacing).
//!    Teasers cut off with "..." become context-only candidates: they weigh
//!    in the story's centroid and consensus but are never picked.
//! 2. [`quality`]: drop page furniture and sentences that cannot stand alone
//!    (captions, bylines, questions, fragments, very short or long ones).
//!    [`standalone`]: a sentence that opens with a connective ("However,
//!    ...") loses it when what is left stands alone; one that still cannot
//!    stand alone (no verb, the writer's own aside) weighs in as context
//!    but is never picked.
//!    [`compress`]: a kept sentence loses its trailing elaboration
//!    (", sparking fears that ..."), so the words go to the next fact.
//! 3. [`terms`]: content words and TF-IDF vectors.
//! 4. [`group`]: near-identical sentences across articles become one
//!    candidate with several sources.
//! 5. [`scoring`]: centrality (cosine to the story's centroid and to the
//!    other articles' centroid, titles included), plus a lead-position prior,
//!    a bonus for sentences several outlets share, and consensus (the share
//!    of a sentence's terms other outlets also use); sentences that lean on
//!    the one before, or speak in the writer's own first person, rank lower.
//! 6. [`selection`]: MMR under the word budget, a final exchange of a late
//!    pick for a longer, nearly as good sentence that uses leftover words,
//!    then the reading order (newest development first when dates are
//!    known, leads first).
//! 7. [`headline`]: the most central real title (page furniture taken for
//!    a title never is one), or else the best lead, compressed only to a
//!    complete clause.
//!
//! Work is bounded: only the first sentences of each article are considered,
//! and the total number of candidates is capped, so a story of hundreds of
//! articles costs about as much as one of a few dozen.

pub mod compress;
pub mod group;
pub mod headline;
pub mod quality;
pub mod scoring;
pub mod selection;
pub mod sentences;
pub mod standalone;
pub mod terms;

/// How far before a story's newest report a report still tells its latest
/// development (two days: one event's reports trickle in over a day or
/// so); a story whose dated reports span more has developed. The headline
/// and the summary's opening both follow it.
pub(crate) const LATEST_SECS: i64 = 2 * 86_400;

/// One article of the story, borrowed from the caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    /// The caller's identifier (kept for the caller; not used for scoring).
    pub id: &'a str,
    /// The article's title (may be empty).
    pub title: &'a str,
    /// The article's plain text.
    pub text: &'a str,
    /// Publication time in Unix seconds, when known.
    pub time: Option<i64>,
    /// The outlet's name, when known.
    pub outlet: Option<&'a str>,
}

/// A story summary: a headline and sentences, each with its sources.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// A headline written from the coverage.
    pub headline: String,
    /// The summary's sentences in reading order.
    pub sentences: Vec<Sentence>,
}

impl Summary {
    /// The summary's text: its sentences, one per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sentences.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&s.text);
        }
        out
    }

    /// The number of whitespace-separated words in the sentences.
    pub fn words(&self) -> usize {
        self.sentences
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum()
    }
}

/// One sentence of a summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence as one of its sources says it (whitespace normalised).
    pub text: String,
    /// Indices into the `articles` given to [`summarize`] of every article
    /// that says this sentence (or one nearly identical), ascending.
    pub sources: Vec<usize>,
}

/// The knobs of the method. [`Config::default`] is the one tuned
/// configuration; the fields are public for experiments.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Sentences considered per article (leads matter; this bounds work).
    pub per_article: usize,
    /// Candidates considered in all.
    pub max_candidates: usize,
    /// Shortest sentence kept, in words.
    pub min_words: usize,
    /// Longest sentence kept, in words.
    pub max_words: usize,
    /// Cosine at or above which two sentences are the same sentence.
    pub same: f32,
    /// Weight of the lead-position prior against centrality.
    pub position: f32,
    /// How fast the position prior decays: prior = 1 / (1 + index / decay).
    pub decay: f32,
    /// Weight of the multi-source bonus (sentences several outlets share).
    pub support: f32,
    /// MMR trade-off between relevance (1.0) and novelty (0.0).
    pub lambda: f32,
    /// Weight of each article's title in its article vector.
    pub title: f32,
    /// Blend of plain centrality (0.0) and centrality to the other articles (1.0).
    pub cross: f32,
    /// Factor on the relevance of sentences that open with a pronoun or conjunction.
    pub dangling: f32,
    /// Factor on the relevance of sentences in the writer's own first or
    /// second person (commentary rather than report). Such sentences are
    /// never picked ([`standalone`]); the factor still ranks them as context.
    pub personal: f32,
    /// Use inverse sentence frequency in the term weights.
    pub idf: bool,
    /// Weight of consensus: the share of a sentence's term weight that other
    /// articles (their sentences or titles) also use.
    pub consensus: f32,
    /// How much MMR value a late pick may give up for a longer sentence
    /// that uses the words left over (0 turns the exchange off).
    pub fill: f32,
    /// Cut a sentence's trailing participial elaboration (", sparking
    /// fears of ...", ", citing ..."; see [`compress`]) so the words go to
    /// the next fact.
    pub trim: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            per_article: 40,
            max_candidates: 1500,
            min_words: 6,
            max_words: 70,
            same: 0.7,
            position: 0.3,
            decay: 10.0,
            support: 0.2,
            lambda: 0.5,
            idf: true,
            dangling: 0.95,
            personal: 0.9,
            title: 1.0,
            cross: 0.5,
            consensus: 0.6,
            fill: 0.05,
            trim: true,
        }
    }
}

/// Summarises one story's articles in at most `words` words, with the
/// default configuration.
pub fn summarize(articles: &[Source], words: usize) -> Summary {
    summarize_with(articles, words, &Config::default())
}

/// Summarises one story's articles in at most `words` words.
pub fn summarize_with(articles: &[Source], words: usize, config: &Config) -> Summary {
    let candidates = sentences::collect(articles, config);
    let vocab = terms::Vectors::build(&candidates, config.idf);
    let groups = group::merge(&candidates, &vocab, config.same);
    let scores = scoring::score(&candidates, &groups, &vocab, articles, config);
    let chosen = selection::select(
        &candidates,
        &groups,
        &scores,
        &vocab,
        articles,
        words,
        config,
    );
    let headline = headline::write(articles, &candidates, &groups, &scores, &vocab);
    Summary {
        headline,
        sentences: chosen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src<'a>(id: &'a str, title: &'a str, text: &'a str, outlet: &'a str) -> Source<'a> {
        Source {
            id,
            title,
            text,
            time: None,
            outlet: Some(outlet),
        }
    }

    const A: &str = "PORTVILLE (AP) — The old harbour ferry sank near the north pier early on Sunday morning. \
        All forty passengers were pulled from the water by fishing boats within an hour. \
        The ferry had been due for a safety inspection next month, the port authority said.\n\n\
        Click here to sign up for our newsletter.";
    const B: &str = "The old harbour ferry sank near the north pier early on Sunday morning. \
        Local fishermen rescued every passenger before the coast guard arrived. \
        Divers will try to raise the wreck later this week, according to the harbour master.";
    const C: &str = "Photo: a ferry\nThe mayor of Portville promised a full inquiry into the sinking of the ferry. \
        She said the town would pay for a new boat by the end of the year. \
        Is anyone to blame?";

    #[test]
    fn repeated_sentence_is_one_sentence_with_both_sources() {
        let arts = [
            src(
                "a",
                "Ferry sinks off north pier | Portville Post",
                A,
                "Portville Post",
            ),
            src(
                "b",
                "Fishermen save all passengers as ferry sinks",
                B,
                "Coast Radio",
            ),
            src(
                "c",
                "Mayor orders inquiry into ferry sinking",
                C,
                "Town Daily",
            ),
        ];
        let s = summarize(&arts, 120);
        let sink: Vec<&Sentence> = s
            .sentences
            .iter()
            .filter(|x| x.text.contains("sank near the north pier"))
            .collect();
        assert_eq!(sink.len(), 1, "{s:#?}");
        assert_eq!(sink[0].sources, vec![0, 1]);
        assert!(
            !sink[0].text.starts_with("PORTVILLE"),
            "dateline kept: {}",
            sink[0].text
        );
        for x in &s.sentences {
            assert!(
                !x.text.contains("Click here") && !x.text.ends_with('?'),
                "{}",
                x.text
            );
            assert!(!x.sources.is_empty() && x.sources.iter().all(|&i| i < arts.len()));
            // Every sentence is said by each of its sources.
            let words: Vec<&str> = x.text.split_whitespace().take(4).collect();
            assert!(
                x.sources
                    .iter()
                    .any(|&i| arts[i].text.contains(&words.join(" ")))
            );
        }
        assert!(!s.headline.is_empty() && !s.headline.contains('|'));
    }

    #[test]
    fn budget_is_respected() {
        let arts = [
            src("a", "", A, "x"),
            src("b", "", B, "y"),
            src("c", "", C, "z"),
        ];
        for words in [0, 5, 14, 20, 40, 120, 1000] {
            let s = summarize(&arts, words);
            assert!(s.words() <= words, "{} > {words}", s.words());
        }
        assert!(summarize(&arts, 40).words() > 20);
        assert!(!summarize(&arts, 40).headline.is_empty());
    }

    #[test]
    fn newest_development_first() {
        let old = "The council approved the bridge plan after a long debate on Monday.";
        let new = "Workers began building the new bridge across the river on Friday.";
        let mut a = src("a", "", old, "x");
        a.time = Some(1_700_000_000);
        let mut b = src("b", "", new, "y");
        b.time = Some(1_700_000_000 + 4 * 86_400);
        let s = summarize(&[a, b], 100);
        assert_eq!(s.sentences.len(), 2);
        assert_eq!(s.sentences[0].sources, vec![1]);
    }

    #[test]
    fn leftover_words_go_to_a_longer_sentence() {
        // Two articles agree on the lead; the rest are side details of
        // different lengths. The budget fits the lead and one detail: the
        // exchange should use the words rather than leave them over.
        let a = "The city council approved a new budget for the harbour district on Monday evening. \
            Fees rise a little. \
            The plan also sets aside money for a second ferry landing and for repairs to the old harbour wall.";
        let b = "On Monday evening the city council approved the new harbour district budget. \
            A vote on parking rules was postponed until next month.";
        let arts = [src("a", "", a, "x"), src("b", "", b, "y")];
        let s = summarize(&arts, 36);
        assert!(s.words() <= 36, "{s:#?}");
        assert!(
            s.sentences
                .iter()
                .any(|x| x.text.contains("council approved"))
        );
        let off = Config {
            fill: 0.0,
            ..Config::default()
        };
        let plain = summarize_with(&arts, 36, &off);
        assert!(s.words() >= plain.words(), "{s:#?} {plain:#?}");
    }

    #[test]
    fn trailing_elaboration_is_cut_unless_turned_off() {
        let a = "The harbour ferry sank near the north pier early on Sunday morning, \
            sparking fears that traffic across the bay would halt for the rest of the week.";
        let b = "All forty passengers were pulled from the water by fishing boats within an hour.";
        let arts = [src("a", "", a, "x"), src("b", "", b, "y")];
        let s = summarize(&arts, 100);
        assert!(
            s.sentences
                .iter()
                .any(|x| x.text
                    == "The harbour ferry sank near the north pier early on Sunday morning."),
            "{s:#?}"
        );
        let whole = Config {
            trim: false,
            ..Config::default()
        };
        let w = summarize_with(&arts, 100, &whole);
        assert!(w.sentences.iter().any(|x| x.text == a), "{w:#?}");
    }

    #[test]
    fn teasers_are_never_picked() {
        // The third outlet's only sentence is cut off: it may tell what the
        // story is about, but it is no sentence to quote.
        let cut = "The harbour ferry sank near the north pier early on Sunday morning while all...";
        let arts = [
            src("a", "", A, "x"),
            src("b", "", B, "y"),
            src("c", "", cut, "z"),
        ];
        let s = summarize(&arts, 200);
        assert!(!s.sentences.is_empty());
        for x in &s.sentences {
            assert!(!x.text.ends_with("..."), "{}", x.text);
        }
        let only = summarize(&[src("c", "", cut, "z")], 200);
        assert!(only.sentences.is_empty(), "{only:#?}");
    }

    #[test]
    fn empty_and_odd_input() {
        assert_eq!(summarize(&[], 100), Summary::default());
        let long = "word ".repeat(5000);
        let odd = [
            src("", "", "", ""),
            src("", "\u{0}", "...", ""),
            src("", "é", "Ünïcödé. Ç'est là. \u{202e}Tëxt!!! ??? \"\"\"", ""),
            src("", "", &long, ""),
        ];
        let s = summarize(&odd, 50);
        assert!(s.words() <= 50);
    }

    #[test]
    fn huge_input_is_bounded() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&format!(
                "Sentence number {i} tells of the storm that hit the coast town {}. ",
                i % 17
            ));
        }
        let arts: Vec<Source> = (0..400)
            .map(|_| src("x", "Storm hits the coast town hard", &text, "o"))
            .collect();
        let t = std::time::Instant::now();
        let s = summarize(&arts, 120);
        assert!(s.words() <= 120 && !s.sentences.is_empty());
        // Generous: a debug build on a shared machine; release is ~100x faster.
        assert!(t.elapsed().as_secs() < 60);
    }
}
