//! Running a query: the top documents, grouped by story, each shown hit
//! with a highlighted snippet.
//!
//! Grouping happens here, not in the index, because which story an
//! article belongs to changes as stories merge: the caller lends its
//! current map (`story_of`). Only the documents of the page asked for are
//! read from the doc store and get snippets, so a query's cost stays
//! bounded however many documents match.

use std::collections::HashMap;
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query as TantivyQuery, Scorer};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument};

use crate::{Index, Query, SearchError};

/// Most documents read from the top of the ranking to form groups.
const MAX_FETCH: usize = 2_000;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A stored article.
    Article,
    /// A quote from an article.
    Quote,
    /// A story's headline and summary.
    Story,
}

impl Kind {
    /// The kind's name, as indexed and as the `kind:` filter takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Quote => "quote",
            Kind::Story => "story",
        }
    }

    /// The kind named `s` (case-insensitive).
    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Article, Kind::Quote, Kind::Story]
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

/// A piece of a document's text with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// Plain, unescaped text (hostile: escape it before showing it).
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping,
    /// each on character boundaries.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The snippet as HTML: the text escaped, highlights in `<mark>`.
    pub fn to_html(&self) -> String {
        let escape = storyline_report::html::escape;
        let mut out = String::with_capacity(self.text.len() + 32);
        let mut at = 0;
        for r in &self.highlights {
            let (Some(before), Some(marked)) =
                (self.text.get(at..r.start), self.text.get(r.clone()))
            else {
                continue;
            };
            out.push_str(&escape(before));
            out.push_str("<mark>");
            out.push_str(&escape(marked));
            out.push_str("</mark>");
            at = r.end;
        }
        out.push_str(&escape(self.text.get(at..).unwrap_or("")));
        out
    }
}

/// One document in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What it is.
    pub kind: Kind,
    /// The article's id (for an article, and for a quote the article it
    /// is from), or the story's.
    pub id: i64,
    /// Its BM25 score.
    pub score: f32,
    /// Its headline (articles and stories).
    pub title: Option<String>,
    /// Its outlet's domain.
    pub outlet: Option<String>,
    /// Its outlet's display name, when known.
    pub outlet_name: Option<String>,
    /// Its language code.
    pub lang: Option<String>,
    /// The publisher's day.
    pub published: Option<jiff::civil::Date>,
    /// The speaker (quotes).
    pub speaker: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// The best piece of its text, or its start when only the title matched.
    pub snippet: Snippet,
}

/// The hits of one story (or one article in no story), best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The story, as the caller's `story_of` named it (or a story doc's
    /// own id); `None` for an article in no story and its quotes.
    pub story: Option<i64>,
    /// The best score in the group.
    pub score: f32,
    /// How many of the top documents fell into the group (more than
    /// `hits` holds when the group was cut).
    pub matched: usize,
    /// Its best hits, at most [`Query::hits_per_group`].
    pub hits: Vec<Hit>,
}

/// One page of grouped results.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Documents that match the query (see `total_exact`).
    pub total: usize,
    /// Whether `total` is every match; when not, at least that many match
    /// (only the top documents are read).
    pub total_exact: bool,
    /// The page's groups, best first.
    pub groups: Vec<Group>,
    /// Whether there are groups after this page.
    pub more: bool,
}

/// What the hits are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Story(i64),
    /// An article in no story: its own group, its quotes with it.
    Alone(i64),
}

/// A group before its documents are read.
struct Pending {
    key: Key,
    score: f32,
    matched: usize,
    /// Score, address and id (article, or story for a story doc).
    docs: Vec<(f32, DocAddress, i64)>,
    /// The article documents among the top documents that fell into the
    /// group (all, not only those shown), whose quotes a plain query
    /// looks at.
    articles: Vec<(DocAddress, i64)>,
}

impl Index {
    /// Runs `query`, groups its top documents by story (an article's story
    /// is `story_of(article id)`; a quote goes with its article's story, a
    /// story doc with itself) and returns the page the query asks for,
    /// with snippets for the hits shown.
    ///
    /// A query whose text tantivy cannot read is a [`SearchError::Query`].
    pub fn search(
        &self,
        query: &Query,
        story_of: &dyn Fn(i64) -> Option<i64>,
    ) -> Result<Results, SearchError> {
        let limit = query.limit.clamp(1, crate::query::MAX_LIMIT);
        let per_group = query.hits_per_group.clamp(1, 20);
        let searcher = self.reader.searcher();
        let common = self.vocabulary(&searcher)?;
        let crate::query::Built {
            query: q,
            exact,
            words,
            quotes,
        } = query.build(self, &common)?;
        let err = |op| self.failed(op);
        // Groups hold several documents each, so read well past the page.
        let fetch = ((query.offset.saturating_add(limit)).saturating_mul(8)).clamp(64, MAX_FETCH);
        // Counting every match would walk every posting list in full (a
        // common word matches most documents); the top documents alone let
        // tantivy skip blocks that cannot make the cut. So the count is
        // exact only when fewer documents match than were fetched.
        let top = match exact {
            None => searcher
                .search(&*q, &TopDocs::with_limit(fetch).order_by_score())
                .map_err(err("searching"))?,
            Some(exact) => self.checked_top(&searcher, &*q, &*exact, fetch)?,
        };
        let (total, total_exact) = (top.len(), top.len() < fetch);
        let groups = self.group(&searcher, &top, story_of, per_group)?;
        let more = groups.len() > query.offset.saturating_add(limit);
        let mut page: Vec<Pending> = groups.into_iter().skip(query.offset).take(limit).collect();
        if let Some(said) = quotes {
            self.add_quotes(&searcher, said, &mut page, per_group)?;
        }
        let mut snippets = SnippetGenerator::create(&searcher, &*words, self.fields.all)
            .map_err(err("snippets"))?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut out = Vec::with_capacity(page.len());
        for g in page {
            let mut hits = Vec::with_capacity(g.docs.len());
            for (score, addr, id) in g.docs {
                let doc: TantivyDocument = searcher.doc(addr).map_err(err("reading a hit"))?;
                hits.push(self.hit(&doc, score, id, &snippets));
            }
            out.push(Group {
                story: match g.key {
                    Key::Story(s) => Some(s),
                    Key::Alone(_) => None,
                },
                score: g.score,
                matched: g.matched,
                hits,
            });
        }
        Ok(Results {
            total,
            total_exact,
            groups: out,
            more,
        })
    }

    /// The top `fetch` documents of `loose` that `exact` matches too, in
    /// `loose`'s order, for a query whose phrases of common words were
    /// relaxed to their pair terms (see `query::paired`): its top
    /// `2 * fetch` are checked; where fewer than `fetch` pass and it had
    /// more, `exact` is run instead, at the full cost of its positions.
    fn checked_top(
        &self,
        searcher: &Searcher,
        loose: &dyn TantivyQuery,
        exact: &dyn TantivyQuery,
        fetch: usize,
    ) -> Result<Vec<(f32, DocAddress)>, SearchError> {
        let err = |op| self.failed(op);
        let wide = fetch.saturating_mul(2);
        let found = searcher
            .search(loose, &TopDocs::with_limit(wide).order_by_score())
            .map_err(err("searching"))?;
        let weight = exact
            .weight(EnableScoring::disabled_from_searcher(searcher))
            .map_err(err("searching"))?;
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_unstable_by_key(|&i| found[i].1);
        let mut passes = vec![false; found.len()];
        let mut scorer: Option<(u32, Box<dyn Scorer>)> = None;
        for i in order {
            let at = found[i].1;
            let s = match &mut scorer {
                Some((seg, s)) if *seg == at.segment_ord => s,
                _ => {
                    let s = weight
                        .scorer(searcher.segment_reader(at.segment_ord), 1.0)
                        .map_err(err("searching"))?;
                    &mut scorer.insert((at.segment_ord, s)).1
                }
            };
            if s.doc() < at.doc_id {
                s.seek(at.doc_id);
            }
            passes[i] = s.doc() == at.doc_id;
        }
        let complete = found.len() < wide;
        let mut top: Vec<(f32, DocAddress)> = found
            .into_iter()
            .zip(passes)
            .filter_map(|(d, pass)| pass.then_some(d))
            .collect();
        if top.len() >= fetch || complete {
            top.truncate(fetch);
            return Ok(top);
        }
        searcher
            .search(exact, &TopDocs::with_limit(fetch).order_by_score())
            .map_err(err("searching"))
    }

    /// What turns a tantivy error in operation `op` into ours, naming the
    /// index's directory.
    fn failed(&self, op: &'static str) -> impl FnOnce(tantivy::TantivyError) -> SearchError {
        let dir = self.dir.clone();
        move |source| SearchError::Index { dir, op, source }
    }

    /// The top documents in groups, in the order of their best document.
    fn group(
        &self,
        searcher: &Searcher,
        top: &[(f32, DocAddress)],
        story_of: &dyn Fn(i64) -> Option<i64>,
        per_group: usize,
    ) -> Result<Vec<Pending>, SearchError> {
        let mut columns: Vec<Option<(Column<i64>, Column<i64>)>> =
            vec![None; searcher.segment_readers().len()];
        let mut groups: Vec<Pending> = Vec::new();
        let mut at: HashMap<Key, usize> = HashMap::new();
        for &(score, addr) in top {
            let (own, article) = self.columns(searcher, &mut columns, addr)?;
            let (key, id) = match (article, own) {
                (Some(a), _) => (story_of(a).map_or(Key::Alone(a), Key::Story), a),
                (None, Some(story)) => (Key::Story(story), story),
                (None, None) => continue,
            };
            let i = *at.entry(key).or_insert_with(|| {
                groups.push(Pending {
                    key,
                    score,
                    matched: 0,
                    docs: Vec::new(),
                    articles: Vec::new(),
                });
                groups.len() - 1
            });
            let g = &mut groups[i];
            g.matched += 1;
            if let (Some(a), Some(i)) = (article, own)
                && a == i
            {
                g.articles.push((addr, a));
            }
            if g.docs.len() < per_group {
                g.docs.push((score, addr, id));
            }
        }
        Ok(groups)
    }

    /// The second pass of a plain query: the quotes of the page's articles
    /// whose words match (`said`, the query read in the quotes' field; see
    /// `Fields::said`), put in their articles' groups. Each group then
    /// shows its best document, its best quote, its second document, and
    /// so on. An article's quotes are the documents right after it (see
    /// [`Writer::add_article`](crate::Writer::add_article)), so only they
    /// are read and checked: the pass costs little however many quotes
    /// the index holds.
    fn add_quotes(
        &self,
        searcher: &Searcher,
        said: Box<dyn TantivyQuery>,
        page: &mut [Pending],
        per_group: usize,
    ) -> Result<(), SearchError> {
        let err = |op| self.failed(op);
        let mut columns: Vec<Option<(Column<i64>, Column<i64>)>> =
            vec![None; searcher.segment_readers().len()];
        // (segment, doc, article, group) of every quote of the page's articles.
        let mut candidates: Vec<(u32, u32, i64, usize)> = Vec::new();
        for (i, g) in page.iter().enumerate() {
            for &(addr, a) in &g.articles {
                let reader = searcher.segment_reader(addr.segment_ord);
                let mut doc = addr.doc_id + 1;
                while doc < reader.max_doc() {
                    let at = DocAddress::new(addr.segment_ord, doc);
                    match self.columns(searcher, &mut columns, at)? {
                        (None, Some(of)) if of == a => {}
                        _ => break,
                    }
                    if !reader.is_deleted(doc) {
                        candidates.push((addr.segment_ord, doc, a, i));
                    }
                    doc += 1;
                }
            }
        }
        if candidates.is_empty() {
            return Ok(());
        }
        candidates.sort_unstable();
        let weight = said
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .map_err(err("searching quotes"))?;
        let mut quotes: Vec<Vec<(f32, DocAddress, i64)>> = vec![Vec::new(); page.len()];
        for segment in candidates.chunk_by(|x, y| x.0 == y.0) {
            let seg = segment[0].0;
            let mut scorer = weight
                .scorer(searcher.segment_reader(seg), 1.0)
                .map_err(err("searching quotes"))?;
            for &(_, doc, a, i) in segment {
                if scorer.doc() < doc {
                    scorer.seek(doc);
                }
                if scorer.doc() == doc {
                    quotes[i].push((scorer.score(), DocAddress::new(seg, doc), a));
                }
            }
        }
        for (g, mut quotes) in page.iter_mut().zip(quotes) {
            if quotes.is_empty() {
                continue;
            }
            g.matched += quotes.len();
            quotes.sort_by(|x, y| y.0.total_cmp(&x.0));
            let docs = std::mem::take(&mut g.docs);
            let (mut docs, mut quotes) = (docs.into_iter(), quotes.into_iter());
            while g.docs.len() < per_group {
                let next = match g.docs.len() % 2 {
                    0 => docs.next().or_else(|| quotes.next()),
                    _ => quotes.next().or_else(|| docs.next()),
                };
                let Some(d) = next else { break };
                g.docs.push(d);
            }
        }
        Ok(())
    }

    /// A document's `id` and `article` fast fields, reading each segment's
    /// columns once per query.
    fn columns(
        &self,
        searcher: &Searcher,
        cache: &mut [Option<(Column<i64>, Column<i64>)>],
        addr: DocAddress,
    ) -> Result<(Option<i64>, Option<i64>), SearchError> {
        let seg = addr.segment_ord as usize;
        if cache.get(seg).is_some_and(Option::is_none) {
            let fast = searcher.segment_reader(addr.segment_ord).fast_fields();
            let read = |name| {
                fast.i64(name).map_err(|source| SearchError::Index {
                    dir: self.dir.clone(),
                    op: "reading fast fields",
                    source,
                })
            };
            cache[seg] = Some((read("id")?, read("article")?));
        }
        Ok(match cache.get(seg).and_then(Option::as_ref) {
            Some((id, article)) => (id.first(addr.doc_id), article.first(addr.doc_id)),
            None => (None, None),
        })
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, id: i64, snippets: &SnippetGenerator) -> Hit {
        let f = self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let kind = text(f.kind)
            .as_deref()
            .and_then(Kind::parse)
            .unwrap_or(Kind::Article);
        let mut outlets = doc.get_all(f.outlet).filter_map(|v| v.as_str());
        let (outlet, outlet_name) = match kind {
            Kind::Story => (None, None),
            _ => (
                outlets.next().map(str::to_owned),
                outlets.next().map(str::to_owned),
            ),
        };
        let body = doc.get_first(f.body).and_then(|v| v.as_str()).unwrap_or("");
        Hit {
            kind,
            id,
            score,
            title: text(f.title),
            outlet,
            outlet_name,
            lang: text(f.lang),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .and_then(|d| jiff::Timestamp::from_second(d.into_timestamp_secs()).ok())
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date()),
            speaker: text(f.speaker),
            url: text(f.url),
            snippet: snippet(snippets, body),
        }
    }
}

/// The best fragment of `body` for the query, or its start when the
/// query matched no word of it (a title-only match).
fn snippet(generator: &SnippetGenerator, body: &str) -> Snippet {
    let s = generator.snippet(body);
    if !s.is_empty() {
        return Snippet {
            text: s.fragment().to_owned(),
            highlights: s.highlighted().to_vec(),
        };
    }
    let mut end = body.len();
    if let Some((i, _)) = body.char_indices().nth(SNIPPET_CHARS) {
        // Cut at the last space before the limit, so no word is halved.
        end = body[..i].rfind(char::is_whitespace).unwrap_or(i);
    }
    Snippet {
        text: body[..end].trim().to_owned(),
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{self, story_of};
    use crate::{ArticleDoc, DEFAULT_HITS_PER_GROUP, Index, MAX_LIMIT};

    fn run(index: &Index, q: &str) -> Results {
        index.search(&Query::parse(q).unwrap(), &story_of).unwrap()
    }

    /// `(kind, id)` of every hit, group by group.
    fn ids(r: &Results) -> Vec<(Kind, i64)> {
        let mut v: Vec<_> = r
            .groups
            .iter()
            .flat_map(|g| g.hits.iter().map(|h| (h.kind, h.id)))
            .collect();
        v.sort_by_key(|(k, id)| (k.as_str(), *id));
        v
    }

    fn articles(r: &Results) -> Vec<i64> {
        ids(r)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Article)
            .map(|(_, id)| id)
            .collect()
    }

    #[test]
    fn words_must_all_match_and_phrases_keep_their_order() {
        let index = fixture::index();
        assert_eq!(articles(&run(&index, "northern pier")), vec![1, 2]);
        assert_eq!(articles(&run(&index, "\"northern pier\"")), vec![1, 2]);
        assert_eq!(
            articles(&run(&index, "\"pier northern\"")),
            Vec::<i64>::new()
        );
        // Case and accents are folded, in phrases too.
        assert_eq!(articles(&run(&index, "NORDLICHEN")), vec![3]);
        assert_eq!(articles(&run(&index, "\"Northern  PIER\"")), vec![1, 2]);
        // A phrase of three words is checked by position.
        assert_eq!(
            articles(&run(&index, "\"the northern pier\"")),
            articles(&run(&index, "\"the northern pier\" northern"))
        );
    }

    #[test]
    fn boolean_operators() {
        let index = fixture::index();
        assert_eq!(articles(&run(&index, "library OR strike")), vec![4, 5]);
        assert_eq!(articles(&run(&index, "pier -budget")), vec![1, 5]);
        assert_eq!(articles(&run(&index, "pier AND NOT budget")), vec![1, 5]);
        assert_eq!(articles(&run(&index, "+ferry +union")), vec![5]);
        assert_eq!(articles(&run(&index, "title:ferry")), vec![5]);
    }

    #[test]
    fn each_filter_narrows() {
        let index = fixture::index();
        assert_eq!(
            articles(&run(&index, "council outlet:coastwire.example")),
            vec![2, 4]
        );
        assert_eq!(
            articles(&run(&index, "council outlet:\"coast WIRE\"")),
            vec![2, 4]
        );
        assert_eq!(articles(&run(&index, "steg lang:DE")), vec![3]);
        assert_eq!(articles(&run(&index, "pier lang:de")), Vec::<i64>::new());
        let quotes = run(&index, "speaker:brandt");
        assert_eq!(ids(&quotes), vec![(Kind::Quote, 1)]);
        assert_eq!(
            ids(&run(&index, "speaker:\"Ilsa Brandt\" ferry")),
            vec![(Kind::Quote, 1)]
        );
        assert!(ids(&run(&index, "speaker:\"Brandt Ilsa\"")).is_empty());
        assert_eq!(
            ids(&run(&index, "pier kind:story")),
            vec![(Kind::Story, 100)]
        );
        let both = ids(&run(&index, "ferry kind:quote kind:story"));
        assert!(both.iter().all(|(k, _)| *k != Kind::Article), "{both:?}");
        // Quotes carry their article's outlet.
        assert_eq!(
            ids(&run(&index, "members outlet:\"Harbour Post\" kind:quote")),
            vec![(Kind::Quote, 5)]
        );
        // A plain query shows an article with its quotes that match.
        assert_eq!(
            ids(&run(&index, "members outlet:\"Harbour Post\"")),
            vec![(Kind::Article, 5), (Kind::Quote, 5)]
        );
        assert!(ids(&run(&index, "members outlet:\"Coast Wire\"")).is_empty());
        assert_eq!(
            ids(&run(&index, "members kind:article")),
            vec![(Kind::Article, 5)]
        );
    }

    /// Every article a query matches, page by page (each article alone).
    fn all_articles(index: &Index, q: &str) -> Vec<i64> {
        let mut q = Query::parse(q).unwrap();
        q.limit = MAX_LIMIT;
        let mut got = Vec::new();
        loop {
            let r = index.search(&q, &|_| None).unwrap();
            got.extend(articles(&r));
            if !r.more {
                break;
            }
            q.offset += MAX_LIMIT;
        }
        got.sort_unstable();
        got
    }

    #[test]
    fn phrases_of_common_words_find_what_word_positions_find() {
        // 300 articles of a dozen common words in a pseudo-random order,
        // with a rare word now and then; one index keeps the pairs of
        // common words, the other checks positions only.
        const WORDS: [&str; 12] = [
            "the", "mayor", "said", "on", "monday", "ferry", "strike", "ended", "port", "talks",
            "union", "vote",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let texts: Vec<String> = (0..300)
            .map(|i| {
                (0..40)
                    .map(|j| match next(12) {
                        0 if j % 3 == 0 => format!("Rare{i}x{j}"),
                        w => WORDS[w as usize].to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(if i % 2 == 0 { " " } else { ", " })
            })
            .collect();
        let build = |pairs: bool| built(&texts, pairs, usize::MAX, &|_| Vec::new());
        let (paired, plain) = (build(true), build(false));
        assert!(paired.size_bytes() > plain.size_bytes());
        let mut queries = vec![
            "\"said on monday\"".to_string(),
            "\"port news\"".to_string(),
            "\"news the\"".to_string(),
            "\"ferry strike\" -\"strike ended\"".to_string(),
            "\"union vote\" OR \"vote union\"".to_string(),
            "\"mayor said\"~1".to_string(),
        ];
        for _ in 0..60 {
            // Two to four adjacent words of an article, or any words.
            let text = &texts[next(300) as usize];
            let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
            let n = 2 + next(3) as usize;
            let at = next((words.len() - n) as u64) as usize;
            queries.push(format!("\"{}\"", words[at..at + n].join(" ")));
            let any: Vec<&str> = (0..n).map(|_| WORDS[next(12) as usize]).collect();
            queries.push(format!("\"{}\"", any.join(" ")));
        }
        let mut found = 0;
        for q in &queries {
            let want = all_articles(&plain, q);
            assert_eq!(all_articles(&paired, q), want, "{q}");
            found += usize::from(!want.is_empty());
        }
        assert!(
            found > 60,
            "{found} of {} queries found something",
            queries.len()
        );
        // The matched words are marked in snippets as before.
        let r = run(&paired, "\"said on monday\"");
        let hit = &r.groups[0].hits[0];
        let marked: Vec<&str> = hit
            .snippet
            .highlights
            .iter()
            .map(|h| &hit.snippet.text[h.clone()])
            .collect();
        assert!(
            marked.contains(&"said") && marked.contains(&"monday"),
            "{marked:?}"
        );
    }

    /// An index of `texts` as articles (ids from 1), with the quotes
    /// `quotes(i)` gives article `i`, committed every `batch` articles;
    /// common words drawn from the texts when `pairs`.
    fn built(
        texts: &[String],
        pairs: bool,
        batch: usize,
        quotes: &dyn Fn(usize) -> Vec<String>,
    ) -> Index {
        let index = Index::in_memory().unwrap();
        let mut w = index.writer().unwrap();
        if pairs {
            w.draw_vocabulary(texts.iter().map(String::as_str)).unwrap();
        }
        for (i, text) in texts.iter().enumerate() {
            let said = quotes(i);
            let said: Vec<crate::QuoteDoc<'_>> = said
                .iter()
                .map(|t| crate::QuoteDoc {
                    text: t,
                    speaker: Some("Mara Quill"),
                })
                .collect();
            let a = ArticleDoc {
                id: i as i64 + 1,
                title: Some("Port news"),
                text,
                outlet: None,
                outlet_name: None,
                lang: None,
                published: None,
                url: None,
            };
            w.add_article(&a, &said).unwrap();
            if (i + 1) % batch == 0 {
                w.commit(i as i64 + 1).unwrap();
            }
        }
        w.commit(texts.len() as i64).unwrap();
        index
    }

    #[test]
    fn a_phrase_whose_pairs_mostly_stand_apart_is_checked_in_full() {
        // Every text holds "said on" and "on monday", one in ten the
        // phrase "said on monday": the relaxed query's top is mostly
        // wrong, so the exact one is run, and finds what positions find.
        let texts: Vec<String> = (0..400)
            .map(|i| match i % 10 {
                0 => format!("the mayor said on monday that ferry {i} ran"),
                _ => format!("the mayor said on tuesday and on monday ferry {i} ran"),
            })
            .collect();
        let none = |_| Vec::new();
        let (paired, plain) = (
            built(&texts, true, 400, &none),
            built(&texts, false, 400, &none),
        );
        let q = "\"said on monday\"";
        let got = articles(&run(&paired, q));
        assert_eq!(got, articles(&run(&plain, q)));
        assert_eq!(got.len(), 10);
        assert_eq!(all_articles(&paired, q), all_articles(&plain, q));
        assert_eq!(all_articles(&paired, q).len(), 40);
        // Where most pass, the relaxed query's order stands.
        let q = "\"the mayor said\"";
        assert_eq!(all_articles(&paired, q), all_articles(&plain, q));
    }

    #[test]
    fn a_plain_query_shows_the_quotes_of_its_articles_across_segments() {
        // 250 articles in commits of 7 (many segments, merged as they
        // come), each with two quotes; one quote names its article's
        // harbour.
        let texts: Vec<String> = (0..250)
            .map(|i| {
                format!("The harbour{i} board met. \"Dredging starts soon\", said Mara Quill.")
            })
            .collect();
        let quotes = |i: usize| {
            vec![
                format!("Dredging starts soon at harbour{i}"),
                "We wait".into(),
            ]
        };
        let index = built(&texts, false, 7, &quotes);
        for i in [0, 6, 7, 100, 249] {
            let r = run(&index, &format!("harbour{i} dredging"));
            assert_eq!(
                ids(&r),
                vec![(Kind::Article, i as i64 + 1), (Kind::Quote, i as i64 + 1)],
                "article {i}"
            );
            assert_eq!(r.groups[0].hits[1].speaker.as_deref(), Some("Mara Quill"));
        }
        // A quote that does not hold every word is not shown.
        assert_eq!(
            ids(&run(&index, "harbour3 board")),
            vec![(Kind::Article, 4)]
        );
        // Its speaker's name counts as its words.
        assert_eq!(
            ids(&run(&index, "harbour5 quill")),
            vec![(Kind::Article, 6), (Kind::Quote, 6)]
        );
    }

    #[test]
    fn date_ranges_are_inclusive_days() {
        let index = fixture::index();
        let got = articles(&run(&index, "council from:2031-03-05 to:2031-03-05"));
        assert_eq!(got, vec![2]);
        assert_eq!(articles(&run(&index, "council from:2031-04-01")), vec![4]);
        assert_eq!(articles(&run(&index, "council to:2031-03-04")), vec![1]);
        // Only filters: every document that passes them.
        assert_eq!(
            articles(&run(&index, "from:2031-04-11 kind:article")),
            vec![5]
        );
    }

    #[test]
    fn hits_are_grouped_by_the_callers_story_map() {
        let index = fixture::index();
        let r = run(&index, "pier");
        let stories: Vec<Option<i64>> = r.groups.iter().map(|g| g.story).collect();
        // Story 100: three articles' worth plus its quote and story doc,
        // cut to three hits; article 5 (no story) alone.
        assert!(
            stories.contains(&Some(100)) && stories.contains(&None),
            "{stories:?}"
        );
        let g = r.groups.iter().find(|g| g.story == Some(100)).unwrap();
        assert_eq!(g.hits.len(), DEFAULT_HITS_PER_GROUP);
        assert!(g.matched > g.hits.len());
        // The best document, then the best quote, each kind best first.
        assert_ne!(g.hits[0].kind, Kind::Quote);
        assert_eq!(g.hits[1].kind, Kind::Quote);
        let docs: Vec<f32> = g
            .hits
            .iter()
            .filter(|h| h.kind != Kind::Quote)
            .map(|h| h.score)
            .collect();
        assert!(docs.windows(2).all(|w| w[0] >= w[1]));
        assert!(r.groups.windows(2).all(|w| w[0].score >= w[1].score));
        // Articles and story docs are counted; quotes come with their
        // articles.
        assert_eq!(r.total, 4);
        // A story merged into another: the same hits, one group.
        let merged = |a: i64| Some(if a <= 4 { 100 } else { 200 });
        let r = index
            .search(&Query::parse("council").unwrap(), &merged)
            .unwrap();
        assert_eq!(r.groups.len(), 1, "{r:?}");
        // Pages of groups.
        let mut q = Query::parse("pier OR library").unwrap();
        q.limit = 1;
        let first = index.search(&q, &story_of).unwrap();
        assert_eq!(first.groups.len(), 1);
        assert!(first.more);
        q.offset = 2;
        let last = index.search(&q, &story_of).unwrap();
        assert_eq!(last.groups.len(), 1);
        assert!(!last.more);
        assert_ne!(first.groups[0].story, last.groups[0].story);
    }

    #[test]
    fn snippets_mark_the_matched_words() {
        let index = fixture::index();
        let r = run(&index, "library petition");
        let hit = &r.groups[0].hits[0];
        assert_eq!(hit.kind, Kind::Article);
        assert_eq!(hit.outlet.as_deref(), Some("coastwire.example"));
        assert_eq!(hit.outlet_name.as_deref(), Some("Coast Wire"));
        assert_eq!(hit.lang.as_deref(), Some("en"));
        assert_eq!(hit.published.unwrap().to_string(), "2031-04-10");
        let s = &hit.snippet;
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, vec!["library", "petition"]);
        // A phrase marks its words too.
        let r = run(&index, "\"central library\"");
        let s = &r.groups[0].hits[0].snippet;
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert!(marked.contains(&"central") && marked.contains(&"library"));
        // A title-only match shows the text's start.
        let r = run(&index, "title:rebuilt kind:article");
        assert!(
            r.groups[0].hits[0]
                .snippet
                .text
                .starts_with("The city council")
        );
    }

    #[test]
    fn hostile_text_is_escaped_in_html_snippets() {
        let index = Index::in_memory().unwrap();
        let mut w = index.writer().unwrap();
        let text = "Rates & fees <script>alert('pier')</script> \"quoted\" pier\u{7}end";
        w.add_article(
            &ArticleDoc {
                text,
                ..fixture::article(0)
            },
            &[],
        )
        .unwrap();
        w.commit(1).unwrap();
        let r = run(&index, "pier");
        let html = r.groups[0].hits[0].snippet.to_html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains('\u{7}'), "{html}");
        assert!(
            html.contains("&amp;") && html.contains("&lt;script&gt;"),
            "{html}"
        );
        assert!(html.contains("<mark>pier</mark>"), "{html}");
        assert_eq!(
            html.matches("<mark>").count(),
            html.matches("</mark>").count()
        );
        // Ranges that do not fit the text are skipped, never a panic.
        let odd = Snippet {
            text: "é<b>".into(),
            highlights: vec![1..2, 3..99, 0..2, 1..3],
        };
        assert_eq!(odd.to_html(), "<mark>é</mark>&lt;b&gt;");
    }

    #[test]
    fn bad_query_syntax_is_an_error_not_a_panic() {
        let index = fixture::index();
        for bad in ["url:x", "nofield:pier", "published:[a TO", "", "   "] {
            let q = Query::parse(bad).unwrap();
            let err = index.search(&q, &story_of).unwrap_err();
            assert!(matches!(err, SearchError::Query { .. }), "{bad}: {err:?}");
        }
        // Odd but readable input runs.
        for odd in [
            "(((pier", "pier)))", "AND", "-", "*", "\"\"", "pier~2", "^", "a:b:c",
        ] {
            if let Ok(q) = Query::parse(odd) {
                let _ = index.search(&q, &story_of);
            }
        }
    }
}
