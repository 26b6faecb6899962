//! The content file: its types, and the checks a file must pass before it is indexed.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

/// Topic ids travel in button data: keep them short.
pub const MAX_ID_BYTES: usize = 24;
/// A title must fit on a button.
pub const MAX_TITLE_CHARS: usize = 40;
/// Example phrasings per topic (more examples help the sentence model generalise).
pub const QUESTIONS_PER_TOPIC: std::ops::RangeInclusive<usize> = 4..=20;
/// Lines per answer.
pub const ANSWER_LINES: std::ops::RangeInclusive<usize> = 1..=5;
/// The only category where red-flag topics may live.
pub const RED_FLAG_CATEGORY: &str = "professional";

/// A problem in a content file. Loading never panics on bad content; it says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("not valid TOML: {0}")]
    Toml(String),
    #[error("the file declares no topics")]
    NoTopics,
    #[error("category {id:?}: {reason}")]
    BadCategory { id: String, reason: &'static str },
    #[error("topic id {id:?}: {reason}")]
    BadId { id: String, reason: &'static str },
    #[error("topic {id:?}: {field} {reason}")]
    BadField {
        id: String,
        field: &'static str,
        reason: String,
    },
    #[error("topic {id:?}: category {category:?} is not declared")]
    UnknownCategory { id: String, category: String },
    #[error("topic {id:?}: {reason}")]
    BadRedFlag { id: String, reason: &'static str },
    #[error("synonym {word:?}: {reason}")]
    BadSynonym { word: String, reason: &'static str },
    #[error("{0}")]
    Other(String),
}

/// One answer the bot can give.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable kebab-case id, at most [`MAX_ID_BYTES`] bytes.
    pub id: String,
    /// Short title that fits a button.
    pub title: String,
    /// The id of a declared [`Category`].
    pub category: String,
    /// The answer text: a few short lines.
    pub answer: String,
    /// Who says so.
    pub source: String,
    /// A red-flag topic sends the parent to a professional.
    #[serde(default)]
    pub red_flag: bool,
    /// Example phrasings, used for matching.
    pub questions: Vec<String>,
    /// More phrasings that only the topic classifier learns from (by meaning, with the sentence
    /// model); the word index never sees them, so they cannot widen what the words match.
    #[serde(default)]
    pub paraphrases: Vec<String>,
    /// The words that matter most, used for matching and to tell in-scope questions.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Topics about a subject wider than milk (alcohol, medicines, travel, cleaning): a
    /// question gets this topic as a confident answer only when it also names one of these
    /// words (or their synonyms), so "how long does a hangover last" is not answered about
    /// breastfeeding. Empty: no such condition.
    #[serde(default)]
    pub context: Vec<String>,
    /// For red-flag topics: each trigger fires when all its words are in the question
    /// (`@name` is a concept of the file's `[red_flag_words]`, `!@name` one that must be absent).
    #[serde(default)]
    pub red_flag_terms: Vec<String>,
    /// For red-flag topics: when triggers of several topics fire, the most urgent topic wins
    /// (then the most specific trigger). Same in every language.
    #[serde(default)]
    pub urgency: u8,
    /// For storage-time topics: the places whose figure under the family's own guideline
    /// the answer adds (computed by the same rules as the deadlines).
    #[serde(default)]
    pub places: Vec<crate::domain::rules::Place>,
}

/// A group of topics, for menus.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub emoji: String,
}

/// The file-level word lists.
pub(super) struct WordLists<'a> {
    pub(super) stopwords: &'a [String],
    pub(super) not_typos: &'a [String],
    pub(super) exact_words: &'a [String],
    pub(super) domain_words: &'a [String],
    pub(super) not_breast_milk: &'a [String],
    pub(super) synonyms: &'a BTreeMap<String, Vec<String>>,
    pub(super) negated: &'a BTreeMap<String, String>,
    pub(super) red_flag_words: &'a BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    /// The language of the file, as a [`Lang`](crate::domain::Lang) code ("en", "es",
    /// "ru"); English when absent. It picks the stemmer, folding and negations.
    #[serde(default)]
    pub(super) language: Option<String>,
    #[serde(default)]
    pub(super) stopwords: Vec<String>,
    #[serde(default)]
    pub(super) not_typos: Vec<String>,
    #[serde(default)]
    pub(super) exact_words: Vec<String>,
    #[serde(default)]
    pub(super) domain_words: Vec<String>,
    #[serde(default)]
    pub(super) not_breast_milk: Vec<String>,
    /// Questions none of the topics answers: the topic classifier learns from them what is not
    /// ours (see `classifier.rs`).
    #[serde(default)]
    pub(super) not_ours: Vec<String>,
    #[serde(default)]
    pub(super) synonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) negated: BTreeMap<String, String>,
    /// Warning-sign concepts for the red-flag triggers (see `warning.rs`).
    #[serde(default)]
    pub(super) red_flag_words: BTreeMap<String, Vec<String>>,
    #[serde(rename = "category", default)]
    pub(super) categories: Vec<Category>,
    #[serde(rename = "topic", default)]
    pub(super) topics: Vec<Topic>,
}

pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub(super) fn validate(categories: &[Category], topics: &[Topic]) -> Result<(), ContentError> {
    let mut category_ids = HashSet::new();
    for c in categories {
        let bad = |reason| ContentError::BadCategory {
            id: c.id.clone(),
            reason,
        };
        if !is_kebab(&c.id) {
            return Err(bad("the id must be kebab-case"));
        }
        if c.title.trim().is_empty() || c.emoji.trim().is_empty() {
            return Err(bad("needs a title and an emoji"));
        }
        if !category_ids.insert(c.id.as_str()) {
            return Err(bad("declared twice"));
        }
    }
    if topics.is_empty() {
        return Err(ContentError::NoTopics);
    }
    let mut topic_ids = HashSet::new();
    for t in topics {
        let id = || t.id.clone();
        let field = |field, reason: String| ContentError::BadField {
            id: id(),
            field,
            reason,
        };
        if !is_kebab(&t.id) {
            return Err(ContentError::BadId {
                id: id(),
                reason: "must be kebab-case (a-z, 0-9, single dashes)",
            });
        }
        if t.id.len() > MAX_ID_BYTES {
            return Err(ContentError::BadId {
                id: id(),
                reason: "longer than 24 bytes",
            });
        }
        if !topic_ids.insert(t.id.as_str()) {
            return Err(ContentError::BadId {
                id: id(),
                reason: "used by two topics",
            });
        }
        if t.title.trim().is_empty() || t.title.chars().count() > MAX_TITLE_CHARS {
            return Err(field("title", "must have 1 to 40 characters".into()));
        }
        if t.source.trim().is_empty() {
            return Err(field("source", "is empty".into()));
        }
        let lines = t.answer.lines().filter(|l| !l.trim().is_empty()).count();
        if !ANSWER_LINES.contains(&lines) {
            return Err(field("answer", format!("has {lines} lines, wants 1 to 5")));
        }
        if !QUESTIONS_PER_TOPIC.contains(&t.questions.len()) {
            let n = t.questions.len();
            let (lo, hi) = (QUESTIONS_PER_TOPIC.start(), QUESTIONS_PER_TOPIC.end());
            return Err(field("questions", format!("has {n}, wants {lo} to {hi}")));
        }
        if t.questions
            .iter()
            .chain(&t.keywords)
            .any(|q| q.trim().is_empty())
        {
            return Err(field("questions", "contain an empty entry".into()));
        }
        if t.red_flag && !t.paraphrases.is_empty() {
            return Err(field(
                "paraphrases",
                "red-flag topics are reached by their triggers alone".into(),
            ));
        }
        let mut phrasings: HashSet<String> = t
            .questions
            .iter()
            .map(|q| q.trim().to_lowercase())
            .collect();
        for p in &t.paraphrases {
            if p.trim().is_empty() || !phrasings.insert(p.trim().to_lowercase()) {
                return Err(field(
                    "paraphrases",
                    format!("{p:?} is empty or already a phrasing of the topic"),
                ));
            }
        }
        if !category_ids.contains(t.category.as_str()) {
            return Err(ContentError::UnknownCategory {
                id: id(),
                category: t.category.clone(),
            });
        }
        let bad_flag = |reason| ContentError::BadRedFlag { id: id(), reason };
        if t.red_flag && t.category != RED_FLAG_CATEGORY {
            return Err(bad_flag(
                "red-flag topics belong in the \"professional\" category",
            ));
        }
        if t.red_flag && t.red_flag_terms.is_empty() {
            return Err(bad_flag("a red-flag topic needs red_flag_terms"));
        }
        if !t.red_flag && (!t.red_flag_terms.is_empty() || t.urgency > 0) {
            return Err(bad_flag("red_flag_terms on a topic that is not a red flag"));
        }
    }
    Ok(())
}
