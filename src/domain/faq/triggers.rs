//! Red-flag triggers as the gate checks them: each `red_flag_terms` entry of a topic built
//! into its words (a canonical term, or a variant that fires only on itself) and the
//! warning-sign concepts it needs or excludes (see `warning.rs`; the gate is in `gates.rs`).

use super::content::{ContentError, Topic};
use super::index::{Index, Token};
use super::text::TermId;

/// One word of a red-flag trigger, as the gate checks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum GateTerm {
    /// A canonical word or phrase: any of its curated variants fires it ("fever" is also
    /// "high temperature").
    Canonical(TermId),
    /// A word that is itself a variant of another word: only the word itself fires it, never
    /// its synonyms (a trigger "chills" must not fire on "cooled" when "chill" were a synonym
    /// of "cool").
    Own(TermId),
}

pub(super) struct Trigger {
    pub(super) topic: usize,
    pub(super) terms: Vec<GateTerm>,
    /// Warning-sign concepts that must all be present (`@name`).
    pub(super) concepts: Vec<usize>,
    /// Concepts of which none may be present (`!@name`).
    pub(super) unless: Vec<usize>,
    /// The topic's urgency (see `Topic::urgency`).
    pub(super) urgency: u8,
}

impl Index {
    /// One `red_flag_terms` entry of topic `t` (number `i`): its words, as the gate checks them,
    /// and its `@concepts` and `!@concepts`.
    pub(super) fn trigger(
        &mut self,
        i: usize,
        t: &Topic,
        entry: &str,
    ) -> Result<Trigger, ContentError> {
        let bad = |reason| ContentError::BadRedFlag {
            id: t.id.clone(),
            reason,
        };
        let (mut concepts, mut unless, mut plain) = (Vec::new(), Vec::new(), Vec::new());
        for part in entry.split_whitespace() {
            let (list, name) = match (part.strip_prefix("!@"), part.strip_prefix('@')) {
                (Some(name), _) => (&mut unless, name),
                (None, Some(name)) => (&mut concepts, name),
                (None, None) => {
                    plain.push(part);
                    continue;
                }
            };
            let id = self
                .concepts
                .id(name)
                .ok_or_else(|| bad("a trigger names a concept missing from red_flag_words"))?;
            list.push(id);
        }
        let tokens = self.intern_tokens(&plain.join(" "));
        let terms = self.gate_terms(&tokens);
        if terms.is_empty() && concepts.is_empty() {
            return Err(bad("a red_flag_terms entry is only stopwords"));
        }
        Ok(Trigger {
            topic: i,
            terms,
            concepts,
            unless,
            urgency: t.urgency,
        })
    }

    /// A red-flag trigger's words as the gate checks them (see [`GateTerm`]).
    pub(super) fn gate_terms(&self, tokens: &[Token]) -> Vec<GateTerm> {
        let mut terms = Vec::new();
        let mut i = 0;
        while let Some(&token) = tokens.get(i) {
            let (term, len) = match (self.phrase_at(tokens, i), token) {
                (Some((words, term)), _) => (Some(GateTerm::Canonical(*term)), 1 + words.len()),
                (None, Token::Known(id) | Token::Typo(id)) => match self.synonyms.get(&id) {
                    Some(_) => (Some(GateTerm::Own(id)), 1),
                    None => (Some(GateTerm::Canonical(id)), 1),
                },
                (None, _) => (None, 1),
            };
            if let Some(term) = term
                && !terms.contains(&term)
            {
                terms.push(term);
            }
            i += len;
        }
        terms
    }
}
