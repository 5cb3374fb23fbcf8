//! storyline-timex: temporal expressions, resolved against the publication date.
