//! The gates a question passes before it is scored: red-flag triggers and the scope check.

use super::Faq;
use super::index::Index;
use super::query::Query;
use super::triggers::{GateTerm, Trigger};
use crate::domain::Lang;

impl Index {
    /// The red-flag topic of the triggers fully present, if any: the most urgent topic, then
    /// the most specific trigger (most words and concepts), then the first in the file. A
    /// trigger word that is a variant of another word fires only on itself, as typed (see
    /// [`GateTerm`]). Typos of trigger words do fire ("depresed"): a missed alarm is worse
    /// than a false one, and typos are only read for words of six letters or more. A trigger
    /// with a `!@concept` present does not fire ("@yellow @baby !@object").
    pub(super) fn red_flag(&self, query: &Query) -> Option<usize> {
        let present = |term: &GateTerm| match *term {
            GateTerm::Canonical(t) => query.terms.contains(&t),
            GateTerm::Own(t) => query.own.contains(&t),
        };
        let fires = |t: &&Trigger| {
            t.terms.iter().all(present)
                && t.concepts.iter().all(|c| query.concepts.contains(c))
                && !t.unless.iter().any(|c| query.concepts.contains(c))
        };
        let rank = |t: &Trigger| (t.urgency, t.terms.len() + t.concepts.len());
        self.triggers
            .iter()
            .filter(fires)
            .fold(None::<&Trigger>, |best, t| match best {
                Some(b) if rank(b) >= rank(t) => Some(b),
                _ => Some(t),
            })
            .map(|t| t.topic)
    }

    /// Does the question name a concept that one of red-flag topic `i`'s triggers excludes
    /// ("red nipples" for blood in the milk, "a yellow crayon" or yellow milk for jaundice)?
    /// That is the content's own knowledge of a harmless reading, which the learned net for
    /// warning signs respects too.
    pub(super) fn harmless_for(&self, query: &Query, i: usize) -> bool {
        self.triggers
            .iter()
            .filter(|t| t.topic == i)
            .any(|t| t.unless.iter().any(|c| query.concepts.contains(c)))
    }

    /// Does the question contain at least one keyword of some topic?
    pub(super) fn in_scope(&self, query: &Query) -> bool {
        query
            .terms
            .iter()
            .any(|&t| self.domain.get(t as usize).copied().unwrap_or(false))
    }

    /// May topic `i` be a confident answer to this question: does the question name one of
    /// the topic's context words, when it has any (`Topic::context`)?
    pub(super) fn in_context(&self, query: &Query, i: usize) -> bool {
        self.context.get(i).is_none_or(|c| {
            // The words as typed count too: "while pumping" is read as one phrase, but it
            // still names pumping.
            c.is_empty()
                || c.iter()
                    .any(|t| query.terms.contains(t) || query.own.contains(t))
        })
    }

    /// Does the question name one of topic `i`'s keywords?
    pub(super) fn names_a_keyword(&self, query: &Query, i: usize) -> bool {
        self.keywords
            .get(i)
            .is_some_and(|k| query.terms.iter().any(|t| k.contains(t)))
    }
}

impl Faq {
    /// The red-flag topic (as this content's) that the English triggers find in a message to
    /// content of another language. The triggers only: the English model learned no other.
    /// Without the numbers: a temperature is read in the message's own language (the English
    /// words that tell "38 weeks" or "38 ml" from a fever are not in it).
    pub(super) fn english_red_flag(&self, question: &str) -> Option<usize> {
        if self.lang() == Lang::En {
            return None;
        }
        let english = Faq::try_bundled_for(Lang::En).ok()?;
        let words: String = question
            .chars()
            .map(|c| if c.is_ascii_digit() { ' ' } else { c })
            .collect();
        let i = english.index.red_flag(&english.index.analyse(&words))?;
        let id = &english.topics.get(i)?.id;
        self.topics.iter().position(|t| &t.id == id)
    }
}

/// What the gates decide before a question is scored.
pub(super) enum Gated {
    /// A red-flag trigger fired for this topic.
    RedFlag(usize),
    /// No keyword of any topic and no domain word: not our subject (unless the learned net
    /// for warning signs reads one).
    OutOfScope,
}

impl Faq {
    /// What the gates decide for `question` (read as `query`), if anything: red-flag triggers
    /// (this language's, then the English ones), then the scope.
    pub(super) fn gate(&self, question: &str, query: &Query) -> Option<Gated> {
        if let Some(i) = self
            .index
            .red_flag(query)
            .or_else(|| self.english_red_flag(question))
        {
            return Some(Gated::RedFlag(i));
        }
        (query.terms.is_empty() || !self.index.in_scope(query)).then_some(Gated::OutOfScope)
    }

    /// Whether the question's sentence vector could change the reply ([`Faq::ask_with`]): not
    /// when the gates decide it (a red-flag trigger fires, or it is out of scope), since they
    /// come before the model's share is looked at. A caller skips computing the vector then,
    /// so a warning sign or an off-topic message never waits for the model.
    pub fn needs_vector(&self, question: &str) -> bool {
        self.has_vectors() && self.gate(question, &self.index.analyse(question)).is_none()
    }
}
