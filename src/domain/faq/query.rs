//! A question analysed against the index: its words read as the content's terms (stems,
//! synonyms and phrases, typos corrected, negations noted) and the concepts it names.

use super::index::{Index, Token};
use super::text::{NEGATION_REACH, TYPO_MAX_CHARS, TermId, edit_distance_within, words};

/// At most this many unknown words per message are checked for typos.
pub(super) const MAX_TYPO_LOOKUPS: usize = 12;

/// A question reduced to canonical terms.
#[derive(Debug, Default)]
pub(super) struct Query {
    /// Distinct canonical terms, in order of appearance (what the gates look at).
    pub(super) terms: Vec<TermId>,
    /// The terms that are scored: `terms`, with a negated place read as the place the
    /// content's `[negated]` table names ("not in the fridge" is about room temperature).
    pub(super) scored: Vec<TermId>,
    /// The parent's own words as typed (no typo corrections), each as its own term before
    /// synonyms: a red-flag trigger word that is itself a variant fires only on these.
    pub(super) own: Vec<TermId>,
    /// Words neither stopwords nor known (nor a typo of a known word).
    pub(super) unknown: usize,
    /// The question names another milk or a food (formula, cow's milk, ...).
    pub(super) not_breast_milk: bool,
    /// The warning-sign concepts it names (see `warning.rs`).
    pub(super) concepts: Vec<usize>,
}

impl Index {
    /// The canonical term of a single word (itself when it is no synonym).
    pub(super) fn canon(&self, id: TermId) -> TermId {
        self.synonyms.get(&id).copied().unwrap_or(id)
    }

    /// The phrase (rest of its words, canonical term) that starts at `tokens[i]`, if any.
    pub(super) fn phrase_at(&self, tokens: &[Token], i: usize) -> Option<&(Vec<TermId>, TermId)> {
        let canon = |t: Token| t.id().map(|id| self.canon(id));
        let first = canon(*tokens.get(i)?)?;
        let rest = tokens.get(i + 1..).unwrap_or(&[]);
        self.phrases.get(&first)?.iter().find(|(words, _)| {
            words.len() <= rest.len() && words.iter().zip(rest).all(|(w, &t)| canon(t) == Some(*w))
        })
    }

    /// Tokens to distinct canonical terms (phrases, then single-word synonyms), and the
    /// number of unknown words. `negated[i]` says that token `i` follows a negation.
    pub(super) fn canonical(&self, tokens: &[Token], negated: &[bool]) -> Query {
        let mut query = Query::default();
        let push = |list: &mut Vec<TermId>, t: TermId| {
            if !list.contains(&t) {
                list.push(t);
            }
        };
        let mut i = 0;
        while let Some(&token) = tokens.get(i) {
            let is_negated = negated.get(i).copied().unwrap_or(false);
            let (term, len) = match (self.phrase_at(tokens, i), token) {
                (Some((words, term)), _) => (*term, 1 + words.len()),
                (None, Token::Known(id) | Token::Typo(id)) => (self.canon(id), 1),
                (None, Token::Unknown) => {
                    query.unknown += 1;
                    i += 1;
                    continue;
                }
                (None, Token::Stop(_)) => {
                    i += 1;
                    continue;
                }
            };
            let span = tokens.get(i..i + len).unwrap_or(&[]);
            for t in span {
                if let Token::Known(id) = t {
                    push(&mut query.own, *id);
                }
            }
            push(&mut query.terms, term);
            let scored = match self.negated.get(&term) {
                Some(&reads_as) if is_negated => reads_as,
                _ => term,
            };
            push(&mut query.scored, scored);
            i += len;
        }
        query
    }

    /// A question to canonical terms, correcting typos against the content's words.
    pub(super) fn analyse(&self, text: &str) -> Query {
        let norm = self.normalise(text);
        let mut typo_budget = MAX_TYPO_LOOKUPS;
        let mut not_breast_milk = false;
        let mut negated = Vec::new();
        let mut reach = 0;
        let tokens: Vec<Token> = words(&norm)
            .map(|word| {
                let negation = self.analysis.is_negation(word);
                negated.push(reach > 0);
                reach = if negation {
                    NEGATION_REACH
                } else {
                    reach.saturating_sub(1)
                };
                if self.not_breast_milk.contains(word) {
                    not_breast_milk = true;
                    return Token::Unknown;
                }
                if self.stopwords.contains(word) {
                    return Token::Stop(self.surface.get(word).copied());
                }
                if let Some(&id) = self.surface.get(word) {
                    return Token::Known(id);
                }
                let stem = self.stem(word);
                if self.not_breast_milk.contains(stem.as_ref()) {
                    not_breast_milk = true;
                    return Token::Unknown;
                }
                if let Some(&id) = self.stems.get(stem.as_ref()) {
                    return Token::Known(id);
                }
                let undiminished = self.analysis.undiminished(word).into_iter();
                if let Some(id) = undiminished
                    .filter_map(|w| self.stems.get(self.stem(&w).as_ref()).copied())
                    .next()
                {
                    return Token::Known(id);
                }
                if negation {
                    return Token::Stop(None);
                }
                if typo_budget == 0 || self.not_typos.contains(word) {
                    return Token::Unknown;
                }
                typo_budget -= 1;
                self.typo(word, &stem).map_or(Token::Unknown, Token::Typo)
            })
            .collect();
        Query {
            not_breast_milk,
            concepts: self.concepts.present(&self.analysis, text),
            ..self.canonical(&tokens, &negated)
        }
    }

    /// The closest content word within the typo bound, if any (ties: same first letter, then
    /// shorter, then alphabetical).
    pub(super) fn nearest(&self, word: &str) -> Option<TermId> {
        let chars: Vec<char> = word.chars().collect();
        let len = chars.len();
        let bounds = self.analysis.typo_bounds();
        if !(bounds.min_chars..=TYPO_MAX_CHARS).contains(&len) {
            return None;
        }
        let bound = if len >= bounds.two_edits_from { 2 } else { 1 };
        // A typo rarely hits the first letter, except by swapping the first two.
        let first = chars.first();
        let second = chars.get(1).filter(|&c| Some(c) != first);
        let mut best: Option<(usize, TermId)> = None;
        for bucket in [first, second]
            .into_iter()
            .flatten()
            .filter_map(|c| self.typo_words.get(c))
        {
            // Buckets are sorted by length: skip the words too short or too long to be near.
            let start = bucket.partition_point(|w| w.chars.len() + bound < len);
            let near = bucket
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|w| w.chars.len() <= len + bound);
            for cand in near {
                let limit = best.map_or(bound, |(d, _)| d.saturating_sub(1));
                if let Some(d) = edit_distance_within(&chars, &cand.chars, limit) {
                    best = Some((d, cand.id));
                }
            }
        }
        best.map(|(_, id)| id)
    }
}
