//! A user's query: free text for tantivy's query parser, and the filters
//! we read ourselves.
//!
//! The text keeps tantivy's syntax: words (all must match), `"phrases"`,
//! `AND`/`OR`/`NOT`, `+must`/`-mustnot`, parentheses, `title:word`. The
//! filters may be typed inline, anywhere in the text:
//! `outlet:"AP News" lang:de speaker:Lavrov from:2025-01-01 to:2025-01-31
//! kind:quote`. Filters narrow the results without changing their scores.

use std::ops::Bound;

use jiff::civil::Date;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query as TantivyQuery, RangeQuery,
    TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;

use crate::hits::Kind;
use crate::schema::{TEXT, keyword};
use crate::vocabulary::Vocabulary;
use crate::writer::day_of;
use crate::{Index, SearchError};

/// Longest query text read, in bytes: longer input is an error rather
/// than a query with thousands of clauses.
pub const MAX_QUERY: usize = 1_000;

/// Groups per page unless the caller asks otherwise.
pub const DEFAULT_LIMIT: usize = 10;

/// Most groups one page may ask for.
pub const MAX_LIMIT: usize = 100;

/// Hits shown per group (each with a snippet) unless the caller asks otherwise.
pub const DEFAULT_HITS_PER_GROUP: usize = 3;

/// What to search for, and which page of grouped results to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Free text in tantivy's query syntax (the inline filters taken out).
    pub text: String,
    /// Only documents of this outlet (its domain or its display name,
    /// case-insensitive).
    pub outlet: Option<String>,
    /// Only documents in this language (`en`, `de`).
    pub lang: Option<String>,
    /// Only quotes whose speaker's name holds these words in this order.
    pub speaker: Option<String>,
    /// Only documents published on or after this day (the publisher's day).
    pub from: Option<Date>,
    /// Only documents published on or before this day.
    pub to: Option<Date>,
    /// Only these kinds of document; empty for all.
    pub kinds: Vec<Kind>,
    /// Groups to skip (for the next pages). Groups are formed from the top
    /// 2,000 documents at most, so pages end there.
    pub offset: usize,
    /// Groups to return.
    pub limit: usize,
    /// Hits to show per group.
    pub hits_per_group: usize,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            text: String::new(),
            outlet: None,
            lang: None,
            speaker: None,
            from: None,
            to: None,
            kinds: Vec::new(),
            offset: 0,
            limit: DEFAULT_LIMIT,
            hits_per_group: DEFAULT_HITS_PER_GROUP,
        }
    }
}

/// A [`Query`] as tantivy runs it.
pub(crate) struct Built {
    /// What finds and ranks the documents.
    pub query: Box<dyn TantivyQuery>,
    /// Where `query` was relaxed (phrases of common words as their pair
    /// terms in any place; see `paired`), the exact query, against which
    /// the documents `query` ranks are checked.
    pub exact: Option<Box<dyn TantivyQuery>>,
    /// The text alone, each phrase as typed: whose words snippets mark.
    pub words: Box<dyn TantivyQuery>,
    /// The text as a quote's words, for the pass that finds the quotes of
    /// the articles `query` ranked; `None` where `query` finds quotes
    /// itself, or the user asked for other kinds only.
    pub quotes: Option<Box<dyn TantivyQuery>>,
}

/// The filters that may be typed inline.
const FILTERS: &[&str] = &["outlet", "lang", "speaker", "from", "to", "kind"];

impl Query {
    /// Reads what a user typed: inline filters (`name:value` or
    /// `name:"two words"`, names as in [`FILTERS`](Query)) are taken out,
    /// the rest is the text. The text's syntax is checked when the query
    /// is run ([`Index::search`]), since that needs the index's fields.
    pub fn parse(input: &str) -> Result<Query, SearchError> {
        if input.len() > MAX_QUERY {
            return Err(SearchError::query(
                input,
                format!("longer than {MAX_QUERY} bytes"),
            ));
        }
        let mut q = Query::default();
        let mut text = String::with_capacity(input.len());
        let mut rest = input;
        let mut in_phrase = false;
        let mut at_start = true;
        while let Some(c) = rest.chars().next() {
            if at_start
                && !in_phrase
                && let Some((name, value, after)) = filter_at(input, rest)?
            {
                q.set(input, name, value)?;
                rest = after;
                continue;
            }
            if c == '"' {
                in_phrase = !in_phrase;
            }
            rest = &rest[c.len_utf8()..];
            // Control characters mean nothing in a query; they become spaces.
            let c = if c.is_control() { ' ' } else { c };
            at_start = c.is_whitespace() || c == '(';
            text.push(c);
        }
        if in_phrase {
            return Err(SearchError::query(
                input,
                "a phrase's closing \" is missing",
            ));
        }
        q.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let (Some(f), Some(t)) = (q.from, q.to)
            && f > t
        {
            return Err(SearchError::query(
                input,
                format!("from:{f} is after to:{t}"),
            ));
        }
        Ok(q)
    }

    /// Whether any filter is set.
    pub fn has_filters(&self) -> bool {
        self.outlet.is_some()
            || self.lang.is_some()
            || self.speaker.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || !self.kinds.is_empty()
    }

    fn set(&mut self, input: &str, name: &str, value: String) -> Result<(), SearchError> {
        let twice = || SearchError::query(input, format!("{name}: given twice"));
        let date = |v: &str| {
            v.parse::<Date>().map_err(|_| {
                SearchError::query(input, format!("{name}:{v} is not a day (YYYY-MM-DD)"))
            })
        };
        match name {
            "outlet" if self.outlet.is_none() => self.outlet = Some(value),
            "lang" if self.lang.is_none() => self.lang = Some(value),
            "speaker" if self.speaker.is_none() => self.speaker = Some(value),
            "from" if self.from.is_none() => self.from = Some(date(&value)?),
            "to" if self.to.is_none() => self.to = Some(date(&value)?),
            "kind" => {
                let k = Kind::parse(&value).ok_or_else(|| {
                    SearchError::query(
                        input,
                        format!("kind:{value} is none of article, quote, story"),
                    )
                })?;
                if self.kinds.contains(&k) {
                    return Err(twice());
                }
                self.kinds.push(k);
            }
            _ => return Err(twice()),
        }
        Ok(())
    }

    /// The tantivy query: the text (or every document, when only filters
    /// are given) and each filter, the filters scoring nothing. Phrases
    /// of `common` words are looked up as pair terms. Also returns the
    /// text alone with every phrase as typed, for marking words in snippets.
    pub(crate) fn build(&self, index: &Index, common: &Vocabulary) -> Result<Built, SearchError> {
        let f = index.fields;
        let shown = || self.shown();
        let analyzer = || {
            index
                .index
                .tokenizers()
                .get(TEXT)
                .ok_or_else(|| SearchError::query(&shown(), "no text analyzer"))
        };
        // Quotes are words of their own field (see `Fields::said`): a
        // query for quotes alone reads its text there, one that names
        // quotes among other kinds reads it in both fields, and a plain one
        // finds the quotes of the articles it ranks in a second pass.
        let quotes_only = self.speaker.is_some()
            || (!self.kinds.is_empty() && self.kinds.iter().all(|k| *k == Kind::Quote));
        // The exact query where `text` was relaxed (see `paired`).
        let mut exact: Option<Box<dyn TantivyQuery>> = None;
        let (text, words, quotes): (Box<dyn TantivyQuery>, Box<dyn TantivyQuery>, _) =
            if self.text.is_empty() {
                if !self.has_filters() {
                    return Err(SearchError::query("", "nothing to search for"));
                }
                (Box::new(AllQuery), Box::new(AllQuery), None)
            } else {
                let ast = tantivy::query_grammar::parse_query(&self.text)
                    .map_err(|_| SearchError::query(&shown(), "syntax error"))?;
                let ast = lift_not(ast);
                let build = |parser: &tantivy::query::QueryParser, ast| {
                    parser
                        .build_query_from_user_input_ast(ast)
                        .map_err(|e| SearchError::query(&shown(), e.to_string()))
                };
                let words = build(&index.parser, ast.clone())?;
                let said = build(&index.quote_parser, ast.clone())?;
                // Only a quoted phrase can become pair terms.
                let (all, loose) = if self.text.contains(['"', '\'']) && !common.is_empty() {
                    let (exact, _) = paired(ast.clone(), common, &mut analyzer()?, false);
                    let exact = build(&index.parser, exact)?;
                    match paired(ast, common, &mut analyzer()?, true) {
                        (loose, true) if !quotes_only && !self.kinds.contains(&Kind::Quote) => {
                            (exact, Some(build(&index.parser, loose)?))
                        }
                        _ => (exact, None),
                    }
                } else {
                    (words.box_clone(), None)
                };
                if quotes_only {
                    (said, words, None)
                } else if self.kinds.contains(&Kind::Quote) {
                    let either =
                        BooleanQuery::new(vec![(Occur::Should, all), (Occur::Should, said)]);
                    (Box::new(either), words, None)
                } else {
                    let quotes = self.kinds.is_empty().then_some(said);
                    match loose {
                        Some(loose) => {
                            exact = Some(all);
                            (loose, words, quotes)
                        }
                        None => (all, words, quotes),
                    }
                }
            };
        let mut filters: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let term = |t: Term| -> Box<dyn TantivyQuery> {
            Box::new(TermQuery::new(t, IndexRecordOption::Basic))
        };
        if let Some(o) = &self.outlet {
            filters.push(term(Term::from_field_text(f.outlet, &keyword(o))));
        }
        if let Some(l) = &self.lang {
            filters.push(term(Term::from_field_text(f.lang, &keyword(l))));
        }
        if let Some(s) = &self.speaker {
            let mut names = Vec::new();
            analyzer()?
                .token_stream(s)
                .process(&mut |t| names.push(Term::from_field_text(f.speaker, &t.text)));
            match names.len() {
                0 => {
                    return Err(SearchError::query(
                        &shown(),
                        format!("speaker:{s:?} has no words"),
                    ));
                }
                1 => filters.extend(names.into_iter().map(term)),
                _ => filters.push(Box::new(PhraseQuery::new(names))),
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let bound = |d: Option<Date>| match d {
                Some(d) => Bound::Included(Term::from_field_date(f.published, day_of(d))),
                None => Bound::Unbounded,
            };
            filters.push(Box::new(RangeQuery::new(bound(self.from), bound(self.to))));
        }
        if !self.kinds.is_empty() {
            let kinds = self
                .kinds
                .iter()
                .map(|k| {
                    (
                        Occur::Should,
                        term(Term::from_field_text(f.kind, k.as_str())),
                    )
                })
                .collect();
            filters.push(Box::new(BooleanQuery::new(kinds)));
        }
        let filtered = |text: Box<dyn TantivyQuery>| -> Box<dyn TantivyQuery> {
            if filters.is_empty() {
                return text;
            }
            let mut clauses = vec![(Occur::Must, text)];
            for q in &filters {
                let q = ConstScoreQuery::new(q.box_clone(), 0.0);
                clauses.push((Occur::Must, Box::new(q)));
            }
            Box::new(BooleanQuery::new(clauses))
        };
        Ok(Built {
            query: filtered(text),
            exact: exact.map(filtered),
            words,
            quotes,
        })
    }

    /// The query as a user might have typed it, for messages.
    fn shown(&self) -> String {
        self.text.clone()
    }
}

/// `a AND NOT b` as `a -b`: tantivy reads the `NOT b` after `AND` as a
/// required clause that only excludes, which matches nothing.
fn lift_not(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| match (occur, lift_not(sub)) {
                    (None | Some(Occur::Must), UserInputAst::Clause(mut inner))
                        if inner.len() == 1 && inner[0].0 == Some(Occur::MustNot) =>
                    {
                        inner.swap_remove(0)
                    }
                    (occur, sub) => (occur, sub),
                })
                .collect(),
        ),
        UserInputAst::Boost(sub, by) => UserInputAst::Boost(Box::new(lift_not(*sub)), by),
        leaf => leaf,
    }
}

/// Every exact phrase of the default field whose words are all `common`
/// as a phrase of pair terms in the `pairs` field: the same documents,
/// found without checking each one's word positions.
///
/// With `relax`, a phrase of three or more such words (two or more pair
/// terms, which a phrase query would still check by position) becomes
/// the pair terms all required, in any place: a superset of its matches,
/// found as fast as any words, which [`Index::search`] then checks
/// against the exact query. Only phrases a document must hold are
/// relaxed, since a wider excluded phrase would exclude too much; the
/// returned flag says whether any was.
fn paired(
    ast: UserInputAst,
    common: &Vocabulary,
    analyzer: &mut TextAnalyzer,
    relax: bool,
) -> (UserInputAst, bool) {
    let mut relaxed = false;
    let ast = pair(ast, common, analyzer, relax, &mut relaxed);
    (ast, relaxed)
}

fn pair(
    ast: UserInputAst,
    common: &Vocabulary,
    analyzer: &mut TextAnalyzer,
    relax: bool,
    relaxed: &mut bool,
) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| {
                    let relax = relax && occur != Some(Occur::MustNot);
                    (occur, pair(sub, common, analyzer, relax, relaxed))
                })
                .collect(),
        ),
        UserInputAst::Boost(sub, by) => {
            UserInputAst::Boost(Box::new(pair(*sub, common, analyzer, relax, relaxed)), by)
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit)
                if lit.field_name.is_none()
                    && lit.delimiter != Delimiter::None
                    && lit.slop == 0
                    && !lit.prefix =>
            {
                let Some(terms) = common.phrase(analyzer, &lit.phrase) else {
                    return UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit)));
                };
                let term = |phrase: String, delimiter| {
                    UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(UserInputLiteral {
                        field_name: Some("pairs".into()),
                        phrase,
                        delimiter,
                        slop: 0,
                        prefix: false,
                    })))
                };
                if relax && terms.contains(' ') {
                    *relaxed = true;
                    UserInputAst::Clause(
                        terms
                            .split(' ')
                            .map(|t| (Some(Occur::Must), term(t.to_owned(), Delimiter::None)))
                            .collect(),
                    )
                } else {
                    term(terms, Delimiter::DoubleQuotes)
                }
            }
            other => UserInputAst::Leaf(Box::new(other)),
        },
    }
}

/// The filter starting at `rest`, if one does: its name, its value and
/// what follows it.
fn filter_at<'a>(
    input: &str,
    rest: &'a str,
) -> Result<Option<(&'static str, String, &'a str)>, SearchError> {
    let Some(name) = FILTERS.iter().find(|n| {
        rest.len() > n.len()
            && rest.as_bytes()[n.len()] == b':'
            && rest[..n.len()].eq_ignore_ascii_case(n)
    }) else {
        return Ok(None);
    };
    let after = &rest[name.len() + 1..];
    let (value, after) = if let Some(quoted) = after.strip_prefix('"') {
        let Some(end) = quoted.find('"') else {
            return Err(SearchError::query(
                input,
                format!("{name}:\"... has no closing \""),
            ));
        };
        (&quoted[..end], &quoted[end + 1..])
    } else {
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        (&after[..end], &after[end..])
    };
    let value: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let value = value.trim();
    if value.is_empty() {
        return Err(SearchError::query(input, format!("{name}: has no value")));
    }
    Ok(Some((name, value.to_owned(), after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_filters_are_taken_out_of_the_text() {
        let q = Query::parse(
            r#"ceasefire outlet:"AP News" LANG:de speaker:Lavrov "peace talks" from:2025-01-01 to:2025-01-31 kind:quote"#,
        )
        .unwrap();
        assert_eq!(q.text, r#"ceasefire "peace talks""#);
        assert_eq!(q.outlet.as_deref(), Some("AP News"));
        assert_eq!(q.lang.as_deref(), Some("de"));
        assert_eq!(q.speaker.as_deref(), Some("Lavrov"));
        assert_eq!(q.from.unwrap().to_string(), "2025-01-01");
        assert_eq!(q.to.unwrap().to_string(), "2025-01-31");
        assert_eq!(q.kinds, vec![Kind::Quote]);
    }

    #[test]
    fn filter_words_inside_phrases_and_words_stay_text() {
        let q = Query::parse(r#""lang:de is a filter" histo:ry"#).unwrap();
        assert_eq!(q.text, r#""lang:de is a filter" histo:ry"#);
        assert!(!q.has_filters());
        let q = Query::parse("(outlet:x OR y)").unwrap();
        assert_eq!(q.outlet.as_deref(), Some("x"));
    }

    #[test]
    fn bad_filters_are_errors_naming_the_query() {
        for bad in [
            "a from:2025-13-01",
            "a from:yesterday",
            "a outlet:",
            "a outlet:\"AP",
            "a kind:video",
            "a lang:de lang:en",
            "\"open phrase",
            "a from:2025-02-01 to:2025-01-01",
        ] {
            let err = Query::parse(bad).unwrap_err();
            assert!(matches!(err, SearchError::Query { .. }), "{bad}: {err:?}");
            assert!(err.to_string().contains("cannot read query"), "{err}");
        }
        assert!(Query::parse(&"a ".repeat(MAX_QUERY)).is_err());
    }

    #[test]
    fn control_characters_and_odd_input_never_panic() {
        for s in [
            "\u{0}",
            "é:",
            "from:",
            "to:\"",
            "\"",
            "kind:ARTICLE",
            "ü outlet:ü",
        ] {
            let _ = Query::parse(s);
        }
        let q = Query::parse("a\u{7}b").unwrap();
        assert_eq!(q.text, "a b");
    }
}
