//! Scoring: BM25 over the weighted topic bags, turned into a confidence between 0 and 1, and
//! the thresholds that decide between an answer, alternatives and "not sure".

use super::index::{Index, Query};

/// How much a keyword counts compared with a word in one example question.
pub const KEYWORD_WEIGHT: f64 = 5.0;
/// How much a title word counts compared with a word in one example question.
pub const TITLE_WEIGHT: f64 = 2.0;
/// The unit weight: a word in one example question.
pub const QUESTION_WEIGHT: f64 = 1.0;

/// Minimum confidence (0..1) for a confident answer.
pub const ANSWER_THRESHOLD: f64 = 0.30;
/// A confident answer must beat the runner-up by at least this much confidence.
pub const ANSWER_MARGIN: f64 = 0.06;
/// Topics below this confidence are never offered, not even as alternatives.
pub const MIN_ALTERNATIVE: f64 = 0.12;
/// At most this many alternatives are offered.
pub const MAX_ALTERNATIVES: usize = 3;

/// An unknown word weighs this many times a word found in a single topic: unknown words
/// usually carry the point of the question ("cow" milk, baby "clothes").
pub const UNKNOWN_WEIGHT: f64 = 2.0;
/// BM25 term-frequency saturation.
pub(super) const K1: f64 = 1.2;
/// BM25 length normalisation.
pub(super) const B: f64 = 0.75;

impl Index {
    /// Topics with a positive confidence, best first (ties in file order).
    pub(super) fn rank(&self, query: &Query) -> Vec<(usize, f64)> {
        let mut scores = vec![0.0; self.topic_count];
        let mut information = query.unknown as f64 * self.unknown_idf;
        for &term in &query.terms {
            let (Some(idf), Some(postings)) = (
                self.idf.get(term as usize),
                self.postings.get(term as usize),
            ) else {
                continue;
            };
            information += idf;
            for p in postings {
                let norm = self.norm.get(p.topic).copied().unwrap_or(K1);
                if let Some(s) = scores.get_mut(p.topic) {
                    *s += idf * p.tf / (p.tf + norm);
                }
            }
        }
        if information <= 0.0 {
            return Vec::new();
        }
        let mut ranked: Vec<(usize, f64)> = scores
            .into_iter()
            .enumerate()
            .filter(|&(_, s)| s > 0.0)
            .map(|(i, s)| (i, s / information))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}
