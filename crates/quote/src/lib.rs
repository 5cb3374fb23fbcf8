//! storyline-quote: attributed statements (who is reported as saying what).
