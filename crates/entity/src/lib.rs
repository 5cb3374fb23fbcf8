//! storyline-entity: people, organisations and places named in an article.
