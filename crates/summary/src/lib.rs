//! storyline-summary: extractive story summaries with citations.
