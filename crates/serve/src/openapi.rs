//! The OpenAPI 3.1 description of the JSON API, served at
//! `/api/v1/openapi.json`.

use serde_json::{Value, json};

fn param(name: &str, what: &str, kind: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": what, "schema": { "type": kind } })
}

fn paged(item: &str) -> Value {
    json!({
        "type": "object",
        "required": ["total", "items"],
        "properties": {
            "total": { "type": "integer" },
            "items": { "type": "array", "items": { "$ref": format!("#/components/schemas/{item}") } },
            "next_cursor": { "type": ["string", "null"], "description": "Pass as `cursor` for the next page; null on the last." }
        }
    })
}

fn get(summary: &str, params: Vec<Value>, schema: Value) -> Value {
    json!({ "get": {
        "summary": summary,
        "parameters": params,
        "responses": {
            "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
            "400": { "description": "A parameter is malformed; `error` says which.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "404": { "description": "Not found.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
    }})
}

/// The document.
pub fn document() -> Value {
    let page = || {
        vec![
            param(
                "cursor",
                "Where the previous page ended (its `next_cursor`).",
                "string",
            ),
            param("limit", "Items per page.", "integer"),
        ]
    };
    let filters = || {
        let mut p = page();
        p.extend([
            param(
                "from",
                "Stories with an article on or after this day (YYYY-MM-DD).",
                "string",
            ),
            param(
                "to",
                "Stories with an article on or before this day (YYYY-MM-DD).",
                "string",
            ),
            param("outlet", "Stories this outlet covered.", "string"),
            param(
                "lang",
                "Stories with an article in this language (ISO 639-1).",
                "string",
            ),
            param(
                "entity",
                "Stories this person or organisation appears in.",
                "string",
            ),
        ]);
        p
    };
    let id =
        json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } });
    let mut search = page();
    search.insert(0, json!({ "name": "q", "in": "query", "required": true, "schema": { "type": "string" },
        "description": "Words, \"phrases\", AND/OR/NOT, and filters outlet:NAME lang:CODE speaker:NAME from:YYYY-MM-DD to:YYYY-MM-DD." }));
    let mut articles = page();
    articles.extend([
        param("story", "Only this story's articles.", "integer"),
        param("outlet", "Only this outlet's.", "string"),
        param("lang", "Only in this language.", "string"),
    ]);
    let mut quotes = page();
    quotes.extend([
        param(
            "speaker",
            "What this person or organisation said.",
            "string",
        ),
        param("story", "The quotes of this story.", "integer"),
    ]);
    let mut entities = page();
    entities.push(param(
        "kind",
        "person, organization, place or other.",
        "string",
    ));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "storyline API",
            "version": "1",
            "description": "Read-only access to stories, articles, quotes and people built from news coverage."
        },
        "paths": {
            "/api/v1/stories": get("Stories, ranked as the digest ranks them.", filters(), paged("StoryItem")),
            "/api/v1/stories/{id}": get("One story: headline, cited summary, quotes, timeline, coverage, sources.", vec![id.clone()], json!({ "$ref": "#/components/schemas/Story" })),
            "/api/v1/articles": get("Article metadata, by id.", articles, paged("Article")),
            "/api/v1/search": get("Full-text search over articles, quotes and stories, grouped by story.", search, json!({ "$ref": "#/components/schemas/SearchResults" })),
            "/api/v1/quotes": get("Attributed quotes by speaker or story.", quotes, paged("Quote")),
            "/api/v1/entities": get("People and organisations in most stories.", entities, paged("Entity")),
        },
        "components": { "schemas": {
            "Error": { "type": "object", "properties": { "error": { "type": "string" } } },
            "StoryItem": { "type": "object", "properties": {
                "id": { "type": "integer" }, "rank": { "type": "integer" }, "headline": { "type": "string" },
                "articles": { "type": "integer" }, "events": { "type": "array", "items": { "type": "integer" } },
                "outlets": { "type": "array", "items": { "type": "string" } },
                "languages": { "type": "array", "items": { "type": "string" } },
                "first": { "type": ["string", "null"] }, "last": { "type": ["string", "null"] },
                "url": { "type": "string" } } },
            "Story": { "type": "object", "description": "The digest's story: headline, summary lines with source numbers, quotes, timeline, background, coverage, differences, sources, events; plus `storyline` (a StoryItem).",
                "properties": { "id": { "type": "integer" }, "headline": { "type": "string" } } },
            "Article": { "type": "object", "properties": {
                "id": { "type": "integer" }, "storyline": { "type": "integer" }, "event": { "type": "integer" },
                "outlet": { "type": ["string", "null"] }, "domain": { "type": ["string", "null"] },
                "language": { "type": ["string", "null"] }, "published": { "type": ["string", "null"] },
                "title": { "type": ["string", "null"] }, "url": { "type": ["string", "null"] },
                "duplicate_of": { "type": ["integer", "null"] } } },
            "Quote": { "type": "object", "properties": {
                "story": { "type": "integer" }, "article": { "type": "integer" }, "speaker": { "type": "string" },
                "text": { "type": "string" }, "published": { "type": ["string", "null"] } } },
            "Entity": { "type": "object", "properties": {
                "name": { "type": "string" }, "kind": { "type": "string" }, "stories": { "type": "integer" } } },
            "SearchResults": { "type": "object", "properties": {
                "total": { "type": "integer" }, "groups": { "type": "array", "items": { "type": "object" } },
                "next_cursor": { "type": ["string", "null"] } } }
        } }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_path_is_under_v1() {
        let doc = super::document();
        let paths = doc["paths"].as_object().unwrap();
        assert!(paths.len() >= 6);
        assert!(paths.keys().all(|p| p.starts_with("/api/v1/")));
    }
}
