//! The clustering configuration: one fixed default for every stream.

/// Thresholds, weights, time behaviour and size limits of the clusterer.
///
/// [`Config::default`] is the one configuration every evaluation uses; the
/// fields are public so that experiments and tests can vary them.
#[derive(Clone, Debug)]
pub struct Config {
    /// Least combined similarity for an article to join a story.
    pub join_threshold: f32,
    /// Least story-to-story similarity for two stories to merge.
    pub merge_threshold: f32,
    /// Weight of the body-term similarity in the combined similarity.
    pub body_weight: f32,
    /// Weight of the title-term similarity.
    pub title_weight: f32,
    /// Weight of the entity similarity.
    pub entity_weight: f32,
    /// How a story's summed vectors are compared: 0 is the cosine with the
    /// centroid, 1 the average cosine with the members (the centroid
    /// cosine grows with story size, the average does not); between, a
    /// geometric blend.
    pub linkage: f32,
    /// The IDF is raised to this power (above 1 sharpens rare terms).
    pub idf_power: f32,
    /// Articles assumed seen before the stream, each feature in one of
    /// them: steadies IDF while the stream is young.
    pub idf_prior_docs: u64,
    /// Document frequencies count recent articles more: an article's weight
    /// halves every this many seconds of stream time, so that what is common
    /// in the news now (a president's name during his first months) tells
    /// less than what is rare now. 0 counts every article alike.
    pub idf_half_life_secs: f64,
    /// Whether figures (ages, tolls, magnitudes, years) count as entity keys.
    pub number_entities: bool,
    /// Time gap (seconds) between an article and a story's dated span that
    /// costs nothing: reports of one event spread over a day or so.
    pub time_grace_secs: i64,
    /// Beyond the grace, similarity is multiplied by `exp(-gap / scale)`.
    pub time_scale_secs: f64,
    /// Content similarity from which a match starts to outweigh the time
    /// gap (within the active window) ...
    pub strong_low: f32,
    /// ... and at which the gap no longer matters.
    pub strong_high: f32,
    /// Beyond this gap (seconds) content strength no longer outweighs time:
    /// the same matter months later is a new event (only a clear follow-up,
    /// see `follow_min`, may still reach back).
    pub strong_max_gap_secs: i64,
    /// An undated article is placed at the stream clock (the latest time
    /// seen), but that is a guess: its time decay never drops below this.
    pub undated_decay_floor: f32,
    /// For undated articles, a story's idle time counted in articles is the
    /// clock: similarity scales with `exp(-idle / position_scale)` between
    /// the floor and `1 + position_boost`.
    pub position_scale: f64,
    /// How much a story active just before an undated article is favoured.
    pub position_boost: f32,
    /// Least content similarity for an undated article to join a story that
    /// has dated articles (or a dated one a story of undated ones): without
    /// a date, content alone must vouch. 0.2: at 0.15, a real digest put an
    /// undated 2014 report on an IRS official into a dated 2011 debt-deal
    /// story through shared congressional vocabulary (0.18); the
    /// evaluation streams lose nothing but 0.001 of ECB+ inside the mixed one.
    pub undated_join_min: f32,
    /// A dated article whose content similarity with one story is at least
    /// `follow_min` and `follow_margin` times that with any other is a
    /// clear follow-up: a development reported days or weeks later (a
    /// verdict after a trial). Its time gap then decays on
    /// `follow_scale_secs` instead of `time_scale_secs`.
    pub follow_min: f32,
    /// See `follow_min`.
    pub follow_margin: f32,
    /// See `follow_min`.
    pub follow_scale_secs: f64,
    /// How much the undecayed content similarity (against the decayed one)
    /// counts when choosing among stories that clear the threshold: time
    /// decides what is plausible, content what fits best.
    pub raw_choice: f32,
    /// A copy arriving this long (seconds) after its story's last dated
    /// article marks its text as recurring boilerplate.
    pub recurrence_secs: i64,
    /// The same for undated copies of undated stories, counted in articles.
    pub recurrence_articles: u64,
    /// A story idle this long (by the stream clock) may leave the active window.
    pub window_secs: i64,
    /// ... but only once this many articles have arrived since its last one,
    /// so that sparse or undated streams keep their recent stories.
    pub min_keep_articles: u64,
    /// A story idle for this many articles leaves regardless of time: bounds
    /// memory when the clock does not move (undated streams) and when
    /// articles come faster than the window can hold (over ~3,300 a day
    /// for 30 days): the window's stories, index and near-duplicate
    /// signatures take about 1.2 KB per article it holds.
    pub max_keep_articles: u64,
    /// Body tokens read per article.
    pub max_tokens: usize,
    /// Title tokens read per article.
    pub max_title_tokens: usize,
    /// Body terms kept per article vector.
    pub doc_terms: usize,
    /// Title terms kept per article vector.
    pub doc_title_terms: usize,
    /// Entity keys kept per article vector.
    pub doc_entities: usize,
    /// Body terms kept per story centroid.
    pub story_terms: usize,
    /// Title terms kept per story centroid.
    pub story_title_terms: usize,
    /// Entity keys kept per story centroid.
    pub story_entities: usize,
    /// Heaviest story terms and entities put in the inverted index.
    pub index_features: usize,
    /// Heaviest article terms and entities looked up in the index.
    pub query_features: usize,
    /// Most recent postings scanned per looked-up feature.
    pub max_posting_scan: usize,
    /// Candidate stories scored in full per article, those the index finds
    /// most evidence for (11: at 10 a real stream of AllSides and
    /// Multi-News articles cut a report's own event, 0.4% behind the tenth,
    /// off its list; the evaluation streams score the same at 10 and 11).
    pub max_candidates: usize,
    /// Stories of the latest articles that an undated article is scored
    /// against whatever the index finds: its place in the stream is its
    /// only clock, and the story just before it need not share its
    /// heaviest words (a congresswoman's April Fools' prank among the
    /// day's pranks shares "Congress" with older political stories more).
    pub recent_candidates: usize,
    /// Estimated shingle Jaccard at which an article is a near-duplicate.
    pub duplicate_threshold: f32,
    /// Fewest tokens for near-duplicate detection (shorter texts collide).
    pub min_duplicate_tokens: usize,
    /// Articles between vocabulary prunings. Every 5,000, so that a
    /// long-running stream's vocabulary stops growing after minutes, not
    /// hours: the words of one watched hour (20,000 invented articles) took
    /// 20 MB unpruned. No evaluation stream reaches 5,000 articles.
    pub prune_every: u64,
    /// A term or entity key unseen for more articles than this, found in
    /// at most `prune_max_df` of them and held by no live story, is forgotten.
    pub prune_age: u64,
    /// See `prune_age`.
    pub prune_max_df: u32,
    /// Storylines: least link score (see the weights below) for two stories
    /// to be developments of one storyline.
    pub line_threshold: f32,
    /// Least entity similarity for a storyline link: a development shares
    /// its people, organisations and places with the story so far; shared
    /// vocabulary alone (two earthquakes) is not enough.
    pub line_entity_min: f32,
    /// Least entity similarity left without the single shared name that
    /// weighs most: one famous name in common is not a storyline.
    pub line_entity_rest: f32,
    /// How many of the heaviest shared names `line_entity_tail` looks past
    /// (at most 16).
    pub line_entity_many: usize,
    /// Least entity similarity left without the `line_entity_many`
    /// heaviest shared names: a governor under two spellings, the state,
    /// the capital and the party are one actor and its setting, not a
    /// development's people and places.
    pub line_entity_tail: f32,
    /// Candidate stories at least this close to the article are also
    /// weighed together by storyline (see `line_group_entity`).
    pub line_group_probe: f32,
    /// A story is also compared with each other storyline two or more of
    /// its candidates belong to, taken whole (their summed vectors): what a
    /// development shares with the story so far. The whole has more names
    /// than any of its events, so its entity bars (`line_entity_min` and
    /// `line_entity_rest`) are multiplied by this.
    pub line_group_entity: f32,
    /// Least link score with a storyline taken whole.
    pub line_group_threshold: f32,
    /// Candidate stories whose content similarity with the article is below
    /// this are not considered for a storyline link.
    pub line_probe: f32,
    /// Weight of body-term similarity in the link score.
    pub line_body_weight: f32,
    /// Weight of title-term similarity in the link score.
    pub line_title_weight: f32,
    /// Weight of entity similarity in the link score.
    pub line_entity_weight: f32,
    /// Time gap (seconds) between two stories' spans that costs a link nothing.
    pub line_grace_secs: i64,
    /// Beyond the grace, the link score is multiplied by `exp(-gap / scale)`.
    pub line_scale_secs: f64,
    /// Stories further apart than this (seconds) are never linked.
    pub line_max_gap_secs: i64,
    /// A link with an undated story, whose time is only the stream clock
    /// when it was last added to, needs this many times the threshold.
    pub line_undated_factor: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            join_threshold: 0.15,
            merge_threshold: 0.4,
            body_weight: 0.35,
            title_weight: 0.4,
            entity_weight: 0.35,
            linkage: 0.5,
            idf_power: 1.5,
            idf_prior_docs: 100,
            idf_half_life_secs: 365.0 * 86_400.0,
            number_entities: true,
            time_grace_secs: 43_200,
            time_scale_secs: 2.0 * 86_400.0,
            strong_low: 0.2,
            strong_high: 0.7,
            strong_max_gap_secs: 60 * 86_400,
            undated_decay_floor: 0.4,
            position_scale: 10.0,
            position_boost: 0.5,
            undated_join_min: 0.2,
            follow_min: 0.35,
            follow_margin: 3.0,
            follow_scale_secs: 30.0 * 86_400.0,
            raw_choice: 0.7,
            recurrence_secs: 7 * 86_400,
            recurrence_articles: 30,
            window_secs: 30 * 86_400,
            min_keep_articles: 5_000,
            max_keep_articles: 100_000,
            max_tokens: 1_000,
            max_title_tokens: 64,
            doc_terms: 80,
            doc_title_terms: 24,
            doc_entities: 60,
            story_terms: 100,
            story_title_terms: 32,
            story_entities: 80,
            index_features: 24,
            query_features: 16,
            max_posting_scan: 128,
            max_candidates: 11,
            recent_candidates: 1,
            duplicate_threshold: 0.7,
            min_duplicate_tokens: 12,
            prune_every: 5_000,
            prune_age: 5_000,
            prune_max_df: 10,
            line_threshold: 0.18,
            line_entity_min: 0.3,
            line_entity_rest: 0.2,
            line_entity_many: 6,
            line_entity_tail: 0.03,
            line_group_probe: 0.08,
            line_group_entity: 0.75,
            line_group_threshold: 0.171,
            line_probe: 0.15,
            line_body_weight: 0.5,
            line_title_weight: 0.3,
            line_entity_weight: 0.2,
            line_grace_secs: 30 * 86_400,
            line_scale_secs: 60.0 * 86_400.0,
            line_max_gap_secs: 60 * 86_400,
            line_undated_factor: 2.5,
        }
    }
}
