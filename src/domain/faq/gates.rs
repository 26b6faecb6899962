//! The gates a question passes before it is scored: red-flag triggers and the scope check.

use super::index::{Index, Query, Trigger};

impl Index {
    /// The red-flag topic whose most specific trigger is fully present, if any.
    pub(super) fn red_flag(&self, query: &Query) -> Option<usize> {
        self.triggers
            .iter()
            .filter(|t| t.terms.iter().all(|term| query.terms.contains(term)))
            .fold(None::<&Trigger>, |best, t| match best {
                Some(b) if b.terms.len() >= t.terms.len() => Some(b),
                _ => Some(t),
            })
            .map(|t| t.topic)
    }

    /// Does the question contain at least one keyword of some topic?
    pub(super) fn in_scope(&self, query: &Query) -> bool {
        query
            .terms
            .iter()
            .any(|&t| self.domain.get(t as usize).copied().unwrap_or(false))
    }
}
