//! The bot's answers from trusted guidance, and the matcher that finds the right one for a
//! question typed in free text.
//!
//! The answers live in `content/faq.toml`, data that a non-programmer can edit and review.
//! It is embedded at compile time, parsed and checked once ([`Faq::bundled`]), and turned into a
//! small search index.
//!
//! How a question is matched ([`Faq::ask`]):
//! 1. **Normalise**: lowercase (Unicode-aware), apostrophes dropped ("don't" is "dont"), every
//!    other non-alphanumeric character is a space, letters and digits split ("4oz" is "4 oz").
//!    Numbers are dropped: they differ between guidelines and mislead more than they help.
//! 2. **Words to terms**: a stopword is ignored; a word written somewhere in the content, or whose
//!    English stem is, becomes that term; otherwise the nearest content word within a small edit
//!    distance (typos: "refrigerater", "freezr", "colestrum"); otherwise it is *unknown*.
//! 3. **Synonyms** from the content (phrases first, longest first) map terms to canonical terms.
//! 4. **Red flags first**: a red-flag topic wins when all the words of one of its triggers are in
//!    the question (the trigger with the most words wins). The verdict is [`Verdict::RedFlag`].
//! 5. **Out of scope**: a question with no keyword of any topic and none of the file's
//!    `domain_words` ("milk", "pump", ...) is [`Verdict::OutOfScope`].
//! 6. **Score**: BM25 over each topic's keywords, title and questions (weighted
//!    [`KEYWORD_WEIGHT`] : [`TITLE_WEIGHT`] : [`QUESTION_WEIGHT`]). The score is turned into a
//!    confidence between 0 and 1: the share of the question's information (the sum of its
//!    terms' idf, each unknown word counted as [`UNKNOWN_WEIGHT`] rare words) that the topic
//!    explains. So "how long does a pump battery last" is not a confident fridge answer.
//! 7. **Decide**: the best topic is an [`Verdict::Answer`] only when it is not a red-flag topic
//!    (those are reached only by their triggers), the question names no other milk or food
//!    (`not_breast_milk`: formula, cow's milk... keep differently), its confidence is at least
//!    [`ANSWER_THRESHOLD`] and it beats the runner-up by at least [`ANSWER_MARGIN`]. Otherwise
//!    [`Verdict::NotSure`] with up to three alternatives, or [`Verdict::OutOfScope`] when nothing
//!    reaches [`MIN_ALTERNATIVE`].

mod content;
mod gates;
mod index;
mod scoring;
#[cfg(test)]
mod tests;
mod text;

use std::fmt;
use std::sync::LazyLock;

pub use content::{
    ANSWER_LINES, Category, ContentError, MAX_ID_BYTES, MAX_TITLE_CHARS, QUESTIONS_PER_TOPIC,
    RED_FLAG_CATEGORY, Topic,
};
use content::{File, WordLists, validate};
use index::Index;
pub use scoring::{
    ANSWER_MARGIN, ANSWER_THRESHOLD, KEYWORD_WEIGHT, MAX_ALTERNATIVES, MIN_ALTERNATIVE,
    QUESTION_WEIGHT, TITLE_WEIGHT, UNKNOWN_WEIGHT,
};

/// The bundled content file.
const BUNDLED: &str = include_str!("../../../content/faq.toml");

/// What the matcher concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// A confident answer: show `topic`.
    Answer,
    /// A possible emergency: show `topic`, which sends the parent to a professional.
    RedFlag,
    /// No confident answer: offer `alternatives`.
    NotSure,
    /// Nothing to do with expressing or storing milk.
    OutOfScope,
}

/// The matcher's reply to one question.
#[derive(Debug, Clone)]
pub struct Reply<'a> {
    pub verdict: Verdict,
    /// The topic to show (for `Answer` and `RedFlag`).
    pub topic: Option<&'a Topic>,
    /// Confidence between 0 and 1 of the best topic (1 for a red-flag trigger).
    pub score: f64,
    /// Other topics worth offering, best first, at most [`MAX_ALTERNATIVES`].
    pub alternatives: Vec<&'a Topic>,
}

/// The parsed content with its search index.
pub struct Faq {
    topics: Vec<Topic>,
    categories: Vec<Category>,
    index: Index,
}

impl fmt::Debug for Faq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Faq")
            .field("topics", &self.topics.len())
            .field("categories", &self.categories.len())
            .field("terms", &self.index.idf.len())
            .finish()
    }
}

static BUNDLED_FAQ: LazyLock<Result<Faq, ContentError>> = LazyLock::new(|| Faq::from_toml(BUNDLED));

impl Faq {
    /// The content compiled into the binary, parsed once.
    ///
    /// # Panics
    /// If the bundled file is invalid. The unit tests load it, so a build that passed them
    /// cannot panic here; call [`Faq::try_bundled`] at start-up to report it instead.
    pub fn bundled() -> &'static Faq {
        match Self::try_bundled() {
            Ok(faq) => faq,
            Err(e) => panic!("content/faq.toml is invalid: {e}"),
        }
    }

    /// The content compiled into the binary, or what is wrong with it.
    pub fn try_bundled() -> Result<&'static Faq, &'static ContentError> {
        BUNDLED_FAQ.as_ref()
    }

    /// Parses and checks a content file and builds its index.
    pub fn from_toml(src: &str) -> Result<Faq, ContentError> {
        let file: File = toml::from_str(src).map_err(|e| ContentError::Toml(e.to_string()))?;
        let File {
            stopwords,
            not_typos,
            domain_words,
            not_breast_milk,
            synonyms,
            categories,
            topics,
        } = file;
        validate(&categories, &topics)?;
        let lists = WordLists {
            stopwords: &stopwords,
            not_typos: &not_typos,
            domain_words: &domain_words,
            not_breast_milk: &not_breast_milk,
            synonyms: &synonyms,
        };
        let index = Index::build(&lists, &topics)?;
        let topics = topics
            .into_iter()
            .map(|mut t| {
                t.answer = t.answer.trim().to_owned();
                t
            })
            .collect();
        Ok(Faq {
            topics,
            categories,
            index,
        })
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The topics of one category, in file order.
    pub fn in_category(&self, category_id: &str) -> Vec<&Topic> {
        self.topics
            .iter()
            .filter(|t| t.category == category_id)
            .collect()
    }

    /// Matches a free-text question (see the module documentation for how).
    pub fn ask(&self, question: &str) -> Reply<'_> {
        let query = self.index.analyse(question);
        let out_of_scope = Reply {
            verdict: Verdict::OutOfScope,
            topic: None,
            score: 0.0,
            alternatives: Vec::new(),
        };
        if query.terms.is_empty() {
            return out_of_scope;
        }
        if let Some(i) = self.index.red_flag(&query) {
            return Reply {
                verdict: Verdict::RedFlag,
                topic: self.topics.get(i),
                score: 1.0,
                alternatives: Vec::new(),
            };
        }
        if !self.index.in_scope(&query) {
            return out_of_scope;
        }
        let ranked = self.index.rank(&query);
        let Some(&(best, best_score)) = ranked.first() else {
            return out_of_scope;
        };
        let runner_up = ranked.get(1).map_or(0.0, |&(_, s)| s);
        let alternatives = |skip: usize| -> Vec<&Topic> {
            ranked
                .iter()
                .skip(skip)
                .take_while(|&&(_, s)| s >= MIN_ALTERNATIVE)
                .take(MAX_ALTERNATIVES)
                .filter_map(|&(i, _)| self.topics.get(i))
                .collect()
        };
        let confident = !query.not_breast_milk
            && best_score >= ANSWER_THRESHOLD
            && best_score - runner_up >= ANSWER_MARGIN;
        match self.topics.get(best) {
            // Red-flag topics are reached only through their triggers: a score alone is not
            // enough to tell a parent to call a doctor, nor to withhold the answer they asked for.
            Some(topic) if confident && !topic.red_flag => Reply {
                verdict: Verdict::Answer,
                topic: Some(topic),
                score: best_score,
                alternatives: alternatives(1),
            },
            _ => {
                let alternatives = alternatives(0);
                if alternatives.is_empty() {
                    Reply {
                        score: best_score,
                        ..out_of_scope
                    }
                } else {
                    Reply {
                        verdict: Verdict::NotSure,
                        topic: None,
                        score: best_score,
                        alternatives,
                    }
                }
            }
        }
    }

    /// Topics for a search box (inline mode), best first, with their confidence (0..1).
    /// A triggered red-flag topic comes first with confidence 1. A question with no
    /// keyword of any topic finds nothing.
    pub fn search(&self, question: &str, limit: usize) -> Vec<(&Topic, f64)> {
        let query = self.index.analyse(question);
        if limit == 0 || query.terms.is_empty() {
            return Vec::new();
        }
        let flagged = self.index.red_flag(&query);
        if flagged.is_none() && !self.index.in_scope(&query) {
            return Vec::new();
        }
        let ranked = self
            .index
            .rank(&query)
            .into_iter()
            .filter(|&(i, _)| Some(i) != flagged);
        flagged
            .map(|i| (i, 1.0))
            .into_iter()
            .chain(ranked)
            .filter_map(|(i, s)| self.topics.get(i).map(|t| (t, s)))
            .take(limit)
            .collect()
    }
}
