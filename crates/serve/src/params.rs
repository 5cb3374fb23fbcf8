//! The query parameters pages and the API share: filters, pages, cursors.
//! Every value is checked here, so a handler gets typed values or the
//! request is answered 400 with what was wrong.

use jiff::civil::Date;
use serde::Deserialize;

use crate::library::Filter;
use crate::{App, ServeError, reader};

/// Longest value a parameter may have.
const MAX_VALUE: usize = 200;

/// Filters and position, as a query string gives them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Params {
    /// Stories with an article on or after this day.
    pub from: Option<String>,
    /// ... on or before this day.
    pub to: Option<String>,
    /// Stories this outlet covered.
    pub outlet: Option<String>,
    /// Stories with an article in this language.
    pub lang: Option<String>,
    /// Stories this person or organisation appears in.
    pub entity: Option<String>,
    /// Page number, from 1 (HTML pages).
    pub page: Option<String>,
    /// Where the previous page of the API ended.
    pub cursor: Option<String>,
    /// Items per API page.
    pub limit: Option<String>,
    /// A search query.
    pub q: Option<String>,
    /// A time: what is new after it.
    pub since: Option<String>,
    /// A storyline, for API lists that take one.
    pub story: Option<String>,
    /// A speaker, for quote lists.
    pub speaker: Option<String>,
    /// An entity kind, or a source's.
    pub kind: Option<String>,
    /// A source's URL (source management).
    pub url: Option<String>,
}

impl Params {
    /// Checks lengths; an empty value counts as absent.
    pub fn clean(mut self) -> Result<Params, ServeError> {
        for (name, v) in [
            ("from", &mut self.from),
            ("to", &mut self.to),
            ("outlet", &mut self.outlet),
            ("lang", &mut self.lang),
            ("entity", &mut self.entity),
            ("page", &mut self.page),
            ("cursor", &mut self.cursor),
            ("limit", &mut self.limit),
            ("since", &mut self.since),
            ("story", &mut self.story),
            ("speaker", &mut self.speaker),
            ("kind", &mut self.kind),
        ] {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                *v = None;
            }
            if let Some(s) = v.as_deref()
                && s.len() > MAX_VALUE
            {
                return Err(ServeError::BadRequest(format!(
                    "{name}: longer than {MAX_VALUE} bytes"
                )));
            }
        }
        if self.q.as_deref().is_some_and(|s| s.len() > 1000) {
            return Err(ServeError::BadRequest("q: longer than 1000 bytes".into()));
        }
        Ok(self)
    }

    /// The story filter these parameters ask for (`entity` is looked up in
    /// the database: call from a blocking task).
    pub fn filter(&self, app: &App) -> Result<Filter, ServeError> {
        let lines = match &self.entity {
            Some(name) => Some(
                app.with_store(|s| reader::entity_lines(s, name))?
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect(),
            ),
            None => None,
        };
        Ok(Filter {
            from: day("from", self.from.as_deref())?,
            to: day("to", self.to.as_deref())?,
            outlet: self.outlet.clone(),
            lang: self.lang.clone(),
            lines,
        })
    }

    /// The 1-based page asked for.
    pub fn page(&self) -> Result<usize, ServeError> {
        number("page", self.page.as_deref(), 1, 10_000)
    }

    /// The API page size asked for, default `default`, at most `max`.
    pub fn limit(&self, default: usize, max: usize) -> Result<usize, ServeError> {
        number("limit", self.limit.as_deref(), default, max)
    }

    /// The offset an API cursor stands for.
    pub fn offset(&self) -> Result<usize, ServeError> {
        match self.cursor.as_deref() {
            None => Ok(0),
            Some(c) => c
                .strip_prefix('o')
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| {
                    ServeError::BadRequest(format!("cursor: {c:?} is not a cursor this API gave"))
                }),
        }
    }

    /// `since` as a time: a day (its start, UTC) or an RFC 3339 instant.
    pub fn since(&self) -> Result<Option<jiff::Timestamp>, ServeError> {
        let Some(s) = self.since.as_deref() else {
            return Ok(None);
        };
        if let Ok(t) = s.parse::<jiff::Timestamp>() {
            return Ok(Some(t));
        }
        if let Ok(dt) = s.parse::<jiff::civil::DateTime>()
            && let Ok(z) = dt.to_zoned(jiff::tz::TimeZone::UTC)
        {
            return Ok(Some(z.timestamp()));
        }
        Err(ServeError::BadRequest(format!(
            "since: {s:?} is not a time (YYYY-MM-DD, YYYY-MM-DDTHH:MM or RFC 3339)"
        )))
    }

    /// The query string that keeps these filters (for links to other pages).
    pub fn filter_query(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("from", &self.from),
            ("to", &self.to),
            ("outlet", &self.outlet),
            ("lang", &self.lang),
            ("entity", &self.entity),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", crate::page::encode(v)));
            }
        }
        parts.join("&")
    }
}

/// The cursor that continues after `offset` items.
pub fn cursor(offset: usize) -> String {
    format!("o{offset}")
}

fn day(name: &str, v: Option<&str>) -> Result<Option<Date>, ServeError> {
    v.map(|s| {
        s.parse::<Date>()
            .map_err(|_| ServeError::BadRequest(format!("{name}: {s:?} is not a day (YYYY-MM-DD)")))
    })
    .transpose()
}

fn number(name: &str, v: Option<&str>, default: usize, max: usize) -> Result<usize, ServeError> {
    match v {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ServeError::BadRequest(format!(
                "{name}: {s:?} is not a number from 1 to {max}"
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_are_named() {
        let p = Params {
            page: Some("0".into()),
            ..Params::default()
        };
        assert!(p.page().unwrap_err().to_string().starts_with("page:"));
        let p = Params {
            cursor: Some("x".into()),
            ..Params::default()
        };
        assert!(p.offset().is_err());
        assert_eq!(
            Params {
                cursor: Some(cursor(40)),
                ..Params::default()
            }
            .offset()
            .unwrap(),
            40
        );
        assert!(day("from", Some("2025-13-01")).is_err());
    }

    #[test]
    fn since_takes_a_day_or_an_instant() {
        let p = |s: &str| Params {
            since: Some(s.into()),
            ..Params::default()
        };
        assert!(p("2025-01-02").since().unwrap().is_some());
        assert!(p("2025-01-02T10:00:00Z").since().unwrap().is_some());
        assert!(p("yesterday").since().is_err());
    }
}
