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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

/// The bundled content file.
const BUNDLED: &str = include_str!("../../content/faq.toml");

/// Topic ids travel in button data: keep them short.
pub const MAX_ID_BYTES: usize = 24;
/// A title must fit on a button.
pub const MAX_TITLE_CHARS: usize = 40;
/// Example phrasings per topic.
pub const QUESTIONS_PER_TOPIC: std::ops::RangeInclusive<usize> = 4..=10;
/// Lines per answer.
pub const ANSWER_LINES: std::ops::RangeInclusive<usize> = 1..=5;
/// The only category where red-flag topics may live.
pub const RED_FLAG_CATEGORY: &str = "professional";

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
const K1: f64 = 1.2;
/// BM25 length normalisation.
const B: f64 = 0.75;

/// Only the start of a very long message is read (Telegram allows 4096 characters).
const MAX_QUERY_CHARS: usize = 600;
/// Only this many words of a message are read.
const MAX_QUERY_WORDS: usize = 80;
/// At most this many unknown words per message are checked for typos.
const MAX_TYPO_LOOKUPS: usize = 12;
/// Words shorter than this are never corrected (too many near neighbours).
const TYPO_MIN_CHARS: usize = 5;
/// Words longer than this are never corrected.
const TYPO_MAX_CHARS: usize = 24;
/// From this length a word may have two typos; shorter words one.
const TYPO_TWO_EDITS_FROM: usize = 8;

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
    /// The words that matter most, used for matching and to tell in-scope questions.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// For red-flag topics: each trigger fires when all its words are in the question.
    #[serde(default)]
    pub red_flag_terms: Vec<String>,
    /// For storage-time topics: the places whose figure under the family's own guideline
    /// the answer adds (computed by the same rules as the deadlines).
    #[serde(default)]
    pub places: Vec<super::rules::Place>,
}

/// A group of topics, for menus.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub emoji: String,
}

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

// ------------------------------------------------------------------ content checks

/// The file-level word lists.
struct WordLists<'a> {
    stopwords: &'a [String],
    not_typos: &'a [String],
    domain_words: &'a [String],
    not_breast_milk: &'a [String],
    synonyms: &'a BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    not_typos: Vec<String>,
    #[serde(default)]
    domain_words: Vec<String>,
    #[serde(default)]
    not_breast_milk: Vec<String>,
    #[serde(default)]
    synonyms: BTreeMap<String, Vec<String>>,
    #[serde(rename = "category", default)]
    categories: Vec<Category>,
    #[serde(rename = "topic", default)]
    topics: Vec<Topic>,
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn validate(categories: &[Category], topics: &[Topic]) -> Result<(), ContentError> {
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
            return Err(field("questions", format!("has {n}, wants 4 to 10")));
        }
        if t.questions
            .iter()
            .chain(&t.keywords)
            .any(|q| q.trim().is_empty())
        {
            return Err(field("questions", "contain an empty entry".into()));
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
        if !t.red_flag && !t.red_flag_terms.is_empty() {
            return Err(bad_flag("red_flag_terms on a topic that is not a red flag"));
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ text analysis

type TermId = u32;

/// Lowercased words of `text`, separated by single spaces (see the module documentation).
fn normalise(text: &str) -> String {
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Space,
        Letter,
        Digit,
    }
    let mut out = String::with_capacity(text.len().min(MAX_QUERY_CHARS * 4));
    let mut last = Kind::Space;
    for c in text.chars().take(MAX_QUERY_CHARS) {
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ') {
            continue;
        }
        if c.is_alphanumeric() {
            let kind = if c.is_numeric() {
                Kind::Digit
            } else {
                Kind::Letter
            };
            if last != Kind::Space && last != kind {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            last = kind;
        } else if last != Kind::Space {
            out.push(' ');
            last = Kind::Space;
        }
    }
    out
}

/// The words of a normalised text that take part in matching (numbers are dropped).
fn words(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split_whitespace()
        .filter(|w| !w.chars().all(char::is_numeric))
        .take(MAX_QUERY_WORDS)
}

/// One word of a text on its way to a term.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// A stopword: ignored, but it may be part of a synonym phrase.
    Stop(Option<TermId>),
    Known(TermId),
    Unknown,
}

impl Token {
    fn id(self) -> Option<TermId> {
        match self {
            Token::Stop(id) => id,
            Token::Known(id) => Some(id),
            Token::Unknown => None,
        }
    }
}

/// A question reduced to canonical terms.
#[derive(Debug, Default)]
struct Query {
    /// Distinct canonical terms, in order of appearance.
    terms: Vec<TermId>,
    /// Words neither stopwords nor known (nor a typo of a known word).
    unknown: usize,
    /// The question names another milk or a food (formula, cow's milk, ...).
    not_breast_milk: bool,
}

/// A content word kept for typo correction.
struct TypoWord {
    chars: Vec<char>,
    id: TermId,
}

struct Posting {
    topic: usize,
    /// Weighted term frequency.
    tf: f64,
}

struct Trigger {
    topic: usize,
    terms: Vec<TermId>,
}

struct Index {
    stemmer: Stemmer,
    stopwords: HashSet<String>,
    /// Real words that must not be read as typos of content words.
    not_typos: HashSet<String>,
    /// Words (and their stems) naming other milks and foods.
    not_breast_milk: HashSet<String>,
    /// Stem → term.
    stems: HashMap<String, TermId>,
    /// A word as written in the content → its stem's term.
    surface: HashMap<String, TermId>,
    /// Content words for typo correction, by first letter, sorted by length then spelling.
    typo_words: HashMap<char, Vec<TypoWord>>,
    /// Term → canonical term.
    synonyms: HashMap<TermId, TermId>,
    /// First term of a phrase → (the rest of the phrase, canonical term), longest first.
    phrases: HashMap<TermId, Vec<(Vec<TermId>, TermId)>>,
    /// Canonical term → topics that contain it.
    postings: Vec<Vec<Posting>>,
    /// Canonical term → inverse document frequency.
    idf: Vec<f64>,
    /// Canonical term → is it a keyword of some topic or a domain word.
    domain: Vec<bool>,
    /// Topic → BM25 length normalisation `K1 * (1 - B + B * len / avg_len)`.
    norm: Vec<f64>,
    triggers: Vec<Trigger>,
    /// How much information an unknown word carries ([`UNKNOWN_WEIGHT`] × the idf of a term
    /// found in one topic).
    unknown_idf: f64,
    topic_count: usize,
}

impl Index {
    fn build(lists: &WordLists<'_>, topics: &[Topic]) -> Result<Index, ContentError> {
        let mut index = Index {
            stemmer: Stemmer::create(Algorithm::English),
            stopwords: HashSet::new(),
            not_typos: lists
                .not_typos
                .iter()
                .map(|w| normalise(w).trim().to_owned())
                .collect(),
            not_breast_milk: HashSet::new(),
            stems: HashMap::new(),
            surface: HashMap::new(),
            typo_words: HashMap::new(),
            synonyms: HashMap::new(),
            phrases: HashMap::new(),
            postings: Vec::new(),
            idf: Vec::new(),
            domain: Vec::new(),
            norm: Vec::new(),
            triggers: Vec::new(),
            unknown_idf: 0.0,
            topic_count: topics.len(),
        };
        for w in lists.stopwords {
            let norm = normalise(w);
            let mut parts = norm.split_whitespace();
            match (parts.next(), parts.next()) {
                (Some(word), None) => {
                    index.stopwords.insert(word.to_owned());
                }
                _ => {
                    return Err(ContentError::Other(format!(
                        "stopword {w:?} must be a single word"
                    )));
                }
            }
        }
        for w in lists.not_breast_milk {
            let norm = normalise(w);
            let word = norm.trim();
            index.not_breast_milk.insert(index.stem(word).into_owned());
            index.not_breast_milk.insert(word.to_owned());
        }
        index.add_synonyms(lists.synonyms)?;

        // Each topic as a bag of weighted canonical terms.
        let mut bags: Vec<HashMap<TermId, f64>> = Vec::with_capacity(topics.len());
        let mut keyword_terms = HashSet::new();
        for t in topics {
            let mut bag = HashMap::new();
            let fields = [(t.title.as_str(), TITLE_WEIGHT, false)]
                .into_iter()
                .chain(
                    t.questions
                        .iter()
                        .map(|q| (q.as_str(), QUESTION_WEIGHT, false)),
                )
                .chain(
                    t.keywords
                        .iter()
                        .map(|k| (k.as_str(), KEYWORD_WEIGHT, true)),
                );
            for (text, weight, is_keyword) in fields {
                let tokens = index.intern_tokens(text);
                let (terms, _) = index.canonical(&tokens);
                if is_keyword {
                    if terms.is_empty() {
                        return Err(ContentError::BadField {
                            id: t.id.clone(),
                            field: "keywords",
                            reason: format!("{text:?} is only stopwords"),
                        });
                    }
                    keyword_terms.extend(terms.iter().copied());
                }
                for term in terms {
                    *bag.entry(term).or_insert(0.0) += weight;
                }
            }
            bags.push(bag);
        }
        for word in lists.domain_words {
            let tokens = index.intern_tokens(word);
            match index.canonical(&tokens).0.as_slice() {
                [term] => {
                    keyword_terms.insert(*term);
                }
                _ => {
                    return Err(ContentError::Other(format!(
                        "domain word {word:?} must be a single word, not a stopword"
                    )));
                }
            }
        }
        for (i, t) in topics.iter().enumerate() {
            for trigger in &t.red_flag_terms {
                let tokens = index.intern_tokens(trigger);
                let (terms, _) = index.canonical(&tokens);
                if terms.is_empty() {
                    return Err(ContentError::BadRedFlag {
                        id: t.id.clone(),
                        reason: "a red_flag_terms entry is only stopwords",
                    });
                }
                index.triggers.push(Trigger { topic: i, terms });
            }
        }

        let term_count = index.stems.len();
        index.postings = (0..term_count).map(|_| Vec::new()).collect();
        let lengths: Vec<f64> = bags.iter().map(|b| b.values().sum()).collect();
        let avg = (lengths.iter().sum::<f64>() / lengths.len().max(1) as f64).max(1.0);
        index.norm = lengths
            .iter()
            .map(|len| K1 * (1.0 - B + B * len / avg))
            .collect();
        for (topic, bag) in bags.iter().enumerate() {
            for (&term, &tf) in bag {
                if let Some(list) = index.postings.get_mut(term as usize) {
                    list.push(Posting { topic, tf });
                }
            }
        }
        for list in &mut index.postings {
            list.sort_by_key(|p| p.topic);
        }
        let n = topics.len() as f64;
        let idf = |df: f64| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        index.idf = index.postings.iter().map(|p| idf(p.len() as f64)).collect();
        index.unknown_idf = UNKNOWN_WEIGHT * idf(1.0);
        index.domain = (0..term_count)
            .map(|t| keyword_terms.contains(&(t as TermId)))
            .collect();

        // Typo candidates: content words that are not stopwords.
        let mut typo: Vec<(&String, TermId)> = index
            .surface
            .iter()
            .filter(|(w, _)| !index.stopwords.contains(*w))
            .filter(|(w, _)| (TYPO_MIN_CHARS - 1..=TYPO_MAX_CHARS).contains(&w.chars().count()))
            .map(|(w, &id)| (w, id))
            .collect();
        typo.sort_by(|a, b| (a.0.chars().count(), a.0).cmp(&(b.0.chars().count(), b.0)));
        let mut typo_words: HashMap<char, Vec<TypoWord>> = HashMap::new();
        for (w, id) in typo {
            let chars: Vec<char> = w.chars().collect();
            if let Some(&first) = chars.first() {
                typo_words
                    .entry(first)
                    .or_default()
                    .push(TypoWord { chars, id });
            }
        }
        index.typo_words = typo_words;
        Ok(index)
    }

    fn add_synonyms(
        &mut self,
        synonyms: &BTreeMap<String, Vec<String>>,
    ) -> Result<(), ContentError> {
        let mut canonicals = HashSet::new();
        for (canonical, variants) in synonyms {
            let bad = |reason| ContentError::BadSynonym {
                word: canonical.clone(),
                reason,
            };
            let canon = match self.intern_tokens(canonical).as_slice() {
                [Token::Known(id)] => *id,
                _ => return Err(bad("the canonical word must be one word, not a stopword")),
            };
            canonicals.insert(canon);
            for variant in variants {
                let bad = |reason| ContentError::BadSynonym {
                    word: variant.clone(),
                    reason,
                };
                let tokens = self.intern_tokens(variant);
                let ids: Vec<TermId> = tokens.iter().filter_map(|t| t.id()).collect();
                match tokens.as_slice() {
                    [] => return Err(bad("is empty")),
                    [Token::Known(id)] => {
                        if let Some(&other) = self.synonyms.get(id)
                            && other != canon
                        {
                            return Err(bad("is a synonym of two different words"));
                        }
                        if *id != canon {
                            self.synonyms.insert(*id, canon);
                        }
                    }
                    [_] => return Err(bad("a single-word synonym cannot be a stopword")),
                    [_, ..] => {
                        let (first, rest) = match ids.split_first() {
                            Some((f, r)) if ids.len() == tokens.len() => (*f, r.to_vec()),
                            _ => return Err(bad("a phrase must be made of plain words")),
                        };
                        self.phrases.entry(first).or_default().push((rest, canon));
                    }
                }
            }
        }
        if let Some(id) = canonicals.iter().find(|c| self.synonyms.contains_key(c)) {
            let word = self
                .stems
                .iter()
                .find(|(_, v)| *v == id)
                .map(|(k, _)| k.clone())
                .unwrap_or_default();
            return Err(ContentError::BadSynonym {
                word,
                reason: "is both a canonical word and a synonym of another",
            });
        }
        for list in self.phrases.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Ok(())
    }

    fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        if word.is_ascii() {
            self.stemmer.stem(word)
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    }

    /// Content text to tokens, adding every new word to the vocabulary.
    fn intern_tokens(&mut self, text: &str) -> Vec<Token> {
        let norm = normalise(text);
        let mut tokens = Vec::new();
        for word in words(&norm) {
            let stem = self.stem(word).into_owned();
            let next = self.stems.len() as TermId;
            let id = *self.stems.entry(stem).or_insert(next);
            self.surface.entry(word.to_owned()).or_insert(id);
            tokens.push(if self.stopwords.contains(word) {
                Token::Stop(Some(id))
            } else {
                Token::Known(id)
            });
        }
        tokens
    }

    /// Tokens to distinct canonical terms (phrases, then single-word synonyms), and the
    /// number of unknown words.
    fn canonical(&self, tokens: &[Token]) -> (Vec<TermId>, usize) {
        let mut terms: Vec<TermId> = Vec::new();
        let mut unknown = 0;
        let mut push = |t: TermId| {
            if !terms.contains(&t) {
                terms.push(t);
            }
        };
        let mut i = 0;
        while let Some(&token) = tokens.get(i) {
            let rest = tokens.get(i + 1..).unwrap_or(&[]);
            let phrase = token
                .id()
                .and_then(|first| self.phrases.get(&first))
                .and_then(|candidates| {
                    candidates.iter().find(|(words, _)| {
                        words.len() <= rest.len()
                            && words.iter().zip(rest).all(|(w, t)| t.id() == Some(*w))
                    })
                });
            if let Some((words, canon)) = phrase {
                push(*canon);
                i += 1 + words.len();
                continue;
            }
            match token {
                Token::Known(id) => push(self.synonyms.get(&id).copied().unwrap_or(id)),
                Token::Unknown => unknown += 1,
                Token::Stop(_) => {}
            }
            i += 1;
        }
        (terms, unknown)
    }

    /// A question to canonical terms, correcting typos against the content's words.
    fn analyse(&self, text: &str) -> Query {
        let norm = normalise(text);
        let mut typo_budget = MAX_TYPO_LOOKUPS;
        let mut not_breast_milk = false;
        let tokens: Vec<Token> = words(&norm)
            .map(|word| {
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
                if typo_budget == 0 || self.not_typos.contains(word) {
                    return Token::Unknown;
                }
                typo_budget -= 1;
                self.nearest(word).map_or(Token::Unknown, Token::Known)
            })
            .collect();
        let (terms, unknown) = self.canonical(&tokens);
        Query {
            terms,
            unknown,
            not_breast_milk,
        }
    }

    /// The closest content word within the typo bound, if any (ties: same first letter, then
    /// shorter, then alphabetical).
    fn nearest(&self, word: &str) -> Option<TermId> {
        let chars: Vec<char> = word.chars().collect();
        let len = chars.len();
        if !(TYPO_MIN_CHARS..=TYPO_MAX_CHARS).contains(&len) {
            return None;
        }
        let bound = if len >= TYPO_TWO_EDITS_FROM { 2 } else { 1 };
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

    /// The red-flag topic whose most specific trigger is fully present, if any.
    fn red_flag(&self, query: &Query) -> Option<usize> {
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
    fn in_scope(&self, query: &Query) -> bool {
        query
            .terms
            .iter()
            .any(|&t| self.domain.get(t as usize).copied().unwrap_or(false))
    }

    /// Topics with a positive confidence, best first (ties in file order).
    fn rank(&self, query: &Query) -> Vec<(usize, f64)> {
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

/// Optimal-string-alignment distance (edits, plus swaps of neighbours) between `a` and `b`,
/// or `None` when it exceeds `limit`. Stops early once every path is over the limit.
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Three rows on the stack: the one before last, the last, the current.
    const ROW: usize = TYPO_MAX_CHARS + 1;
    if b.len() >= ROW {
        return None;
    }
    let mut rows = [[0usize; ROW]; 3];
    // The rows rotate by swapping references, so no row is ever copied.
    let [mut before, mut prev, mut cur] = rows.each_mut();
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        if let Some(c) = cur.first_mut() {
            *c = i + 1;
        }
        let mut row_min = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let (Some(&up), Some(&diag), Some(&left)) = (prev.get(j + 1), prev.get(j), cur.get(j))
            else {
                return None;
            };
            let mut d = (up + 1).min(left + 1).min(diag + cost);
            if i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && let Some(&swap) = before.get(j - 1)
            {
                d = d.min(swap + 1);
            }
            if let Some(c) = cur.get_mut(j + 1) {
                *c = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn faq() -> &'static Faq {
        Faq::bundled()
    }

    fn terms(q: &str) -> Vec<TermId> {
        faq().index.analyse(q).terms
    }

    fn verdict(q: &str) -> (Verdict, Option<&'static str>) {
        let r = faq().ask(q);
        (r.verdict, r.topic.map(|t| t.id.as_str()))
    }

    #[test]
    fn bundled_content_parses() {
        let faq = Faq::try_bundled().map_err(Clone::clone);
        assert!(faq.is_ok(), "{faq:?}");
    }

    #[test]
    fn content_follows_the_rules() {
        let faq = faq();
        assert!(faq.topics().len() >= 36, "{} topics", faq.topics().len());
        let declared: Vec<&str> = faq.categories().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            declared,
            [
                "storage",
                "feeding",
                "handling",
                "hand-expression",
                "supply",
                "professional"
            ]
        );
        let mut ids = HashSet::new();
        for t in faq.topics() {
            assert!(ids.insert(&t.id), "duplicate id {}", t.id);
            assert!(t.id.len() <= MAX_ID_BYTES && is_kebab(&t.id), "{}", t.id);
            assert!(t.title.chars().count() <= MAX_TITLE_CHARS, "{}", t.title);
            assert!(!t.source.trim().is_empty(), "{} has no source", t.id);
            assert!(QUESTIONS_PER_TOPIC.contains(&t.questions.len()), "{}", t.id);
            assert!(!t.keywords.is_empty(), "{} has no keywords", t.id);
            assert!(declared.contains(&t.category.as_str()), "{}", t.id);
            assert_eq!(t.answer, t.answer.trim(), "{}", t.id);
        }
        for c in faq.categories() {
            assert!(!faq.in_category(&c.id).is_empty(), "{} is empty", c.id);
        }
        let flagged: Vec<&str> = faq
            .topics()
            .iter()
            .filter(|t| t.red_flag)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(
            flagged,
            [
                "rf-mastitis",
                "rf-blood",
                "rf-baby-unwell",
                "rf-baby-fever",
                "rf-weight",
                "rf-jaundice",
                "rf-urgent-baby",
                "rf-low-mood",
                "rf-faint"
            ]
        );
    }

    /// The figures of FACTS.md, topic by topic: an edit that changes one fails here.
    #[test]
    fn answers_carry_the_published_figures() {
        let expect: &[(&str, &[&str])] = &[
            ("room-temp", &["4 hours", "25 °C"]),
            ("cooler-bag", &["24 hours", "already chilled"]),
            (
                "fridge-how-long",
                &["4 days", "4 °C", "from when you expressed"],
            ),
            ("fridge-temperature", &["4 °C", "−18 °C", "3 days"]),
            ("ice-compartment", &["2 weeks", "no figure"]),
            (
                "freezer-how-long",
                &["6 months", "12 months", "−18 °C", "first frozen"],
            ),
            ("fridge-to-freezer", &["4 hours", "4 days", "6 months"]),
            (
                "thawed-how-long",
                &["24 hours", "1–2 hours", "never", "straight away"],
            ),
            ("leftover-milk", &["2 hours", "1 hour"]),
            ("clock-start", &["express it", "does not restart"]),
            ("clock-frozen", &["first frozen", "doesn't reset"]),
            (
                "nhs-rules",
                &[
                    "8 days", "3 days", "2 weeks", "6 months", "24 hours", "1 hour", "6 hours",
                ],
            ),
            (
                "abm-rules",
                &[
                    "6–8 hours",
                    "5–8 days",
                    "6 months",
                    "12",
                    "1–2 hours",
                    "24 hours",
                ],
            ),
            (
                "lll-rules",
                &["4 hours", "3 days", "up to 8", "6 months", "12", "24 hours"],
            ),
            ("how-to-thaw", &["overnight", "lukewarm"]),
            ("no-microwave", &["microwave", "hot spots", "Boiling"]),
            ("refreeze", &["never"]),
            ("combine-sessions", &["first", "oldest"]),
            ("portion-sizes", &["60–120 ml", "2–4 oz", "30–60 ml"]),
            ("containers", &["expands"]),
            ("labelling", &["date and time", "name"]),
            ("fridge-where", &["back", "door"]),
            ("fat-separation", &["Swirl"]),
            ("soapy-smell", &["lipase", "sour"]),
            ("first-in-first-out", &["oldest", "health professional"]),
            ("premature-baby", &["care team", "never stretches"]),
            ("letdown-leak", &["Haaka", "bowl"]),
        ];
        for (id, figures) in expect {
            let topic = faq().topic(id);
            assert!(topic.is_some(), "missing topic {id}");
            let answer = topic.map_or("", |t| t.answer.as_str());
            for f in *figures {
                assert!(answer.contains(f), "{id}: {f:?} missing from {answer:?}");
            }
        }
    }

    #[test]
    fn figures_read_from_secondary_copies_say_so() {
        for t in faq().topics() {
            let names_other = ["NHS", "ABM", "La Leche"]
                .iter()
                .any(|a| t.answer.contains(a) || t.title.contains(a));
            if names_other {
                assert!(
                    t.source.contains("secondary"),
                    "{}: the source must say the figure is from a secondary copy",
                    t.id
                );
            }
        }
    }

    #[test]
    fn red_flag_answers_send_to_a_professional_and_give_no_storage_advice() {
        for t in faq().topics().iter().filter(|t| t.red_flag) {
            let a = t.answer.to_lowercase();
            assert!(a.contains("doctor") && a.contains("midwife"), "{}", t.id);
            assert!(a.contains("emergency"), "{}", t.id);
            for storage in ["fridge", "freez", "thaw", "stor", "hours", "days"] {
                assert!(!a.contains(storage), "{} mentions {storage}", t.id);
            }
        }
    }

    /// Key sentences of the seed article (`shared/guidance/seed-guidance.txt`, not in the repo).
    const SEED: &[&str] = &[
        "Hand expression is using your hands to massage and compress the breast to get milk out—no pump required.",
        "Early breast milk (colostrum) volume is very low, and the liquid is thicker.",
        "Hand expression is one of the most effective ways to get colostrum out of the breast.",
        "Hand expression is a great “backup skill” if you’re engorged and need relief or you need to express milk and your pump isn’t available.",
        "Pairing hand expression with pumping can increase breast milk output and improve supply.",
        "Wash hands; have a clean container ready.",
        "Gently massage the breast (think of this as warming it up).",
        "Place your fingers and thumb in a “C” shape a little back from the nipple (not on the nipple).",
        "Press back toward the chest wall, then compress and release rhythmically.",
        "Rotate finger position around the areola; switch breasts every few minutes.",
        "Aim for comfort—no pinching or sliding on the skin.",
        "Frequent but short sessions work well for many people. Regular hand expression can be an excellent way to keep breasts from becoming so engorged that baby cannot latch.",
        "fresh milk should be refrigerated within 4 hours; once refrigerated, it should be used within ~4 days; and if not used, it should be moved to the freezer and then used within ~6 months.",
        "Hand expression can be a more effective method of removing milk for some people who do not respond as well to a manual or electric breast pump. It is particularly effective for many in the early postpartum period for expressing colostrum.",
        "many people prefer a breast pump once their supply increases, which can become even more effective at draining a full breast, once your body becomes accustomed to using it.",
        "adding hand expression to your usual pumping routine before, during, or after using a manual pump can improve your effectiveness with removing milk, which can ultimately increase your supply.",
        "When you stimulate one breast with hand expression or pumping it is quite common to trigger a “let down” response where your body begins releasing milk from both breasts. This can cause you to leak (dripping or even spraying) from the other side you are not stimulating.",
        "Using a passive collection method (such as a bowl or Haaka) on the non-pumping side can help keep that milk from going to waste.",
        "If you are effectively emptying your breast while directly breastfeeding or using a breast pump, you may not get additional milk out when hand expressing. That said, working with a lactation consultant can help you be sure you are using the correct methods",
    ];

    fn eight_word_runs(text: &str) -> HashSet<Vec<String>> {
        let words: Vec<String> = normalise(text)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        words.windows(8).map(<[String]>::to_vec).collect()
    }

    #[test]
    fn no_sentence_is_copied_from_the_seed() {
        let seed: HashSet<Vec<String>> = SEED.iter().flat_map(|s| eight_word_runs(s)).collect();
        assert!(seed.len() > 100, "the check itself must have material");
        let ours = faq()
            .topics()
            .iter()
            .flat_map(|t| [t.answer.as_str(), t.title.as_str()])
            .chain(
                crate::domain::steps::steps()
                    .iter()
                    .flat_map(|s| [s.title.as_str(), s.text.as_str()]),
            );
        for text in ours {
            let copied: Vec<_> = eight_word_runs(text).intersection(&seed).cloned().collect();
            assert!(copied.is_empty(), "copied from the seed: {copied:?}");
        }
        // The check does catch a copy.
        assert!(!eight_word_runs(SEED[8]).is_disjoint(&seed));
    }

    #[test]
    fn normalising_handles_case_quotes_punctuation_and_digits() {
        assert_eq!(normalise("Don’t FREEZE 4oz!!"), "dont freeze 4 oz ");
        assert_eq!(normalise("“Room-temp”… 25°C"), "room temp 25 c");
        assert_eq!(normalise("ÉCLAIR über"), "éclair über");
        assert_eq!(
            words(&normalise("60ml in 2 bags")).collect::<Vec<_>>(),
            ["ml", "in", "bags"]
        );
    }

    #[test]
    fn edit_distance_counts_typos_within_a_bound() {
        let d = |a: &str, b: &str, k| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edit_distance_within(&a, &b, k)
        };
        assert_eq!(d("freezr", "freezer", 1), Some(1));
        assert_eq!(d("colestrum", "colostrum", 2), Some(1));
        assert_eq!(d("firdge", "fridge", 1), Some(1), "a swap is one edit");
        assert_eq!(d("refrigerater", "refrigerator", 2), Some(1));
        assert_eq!(d("fridge", "fridge", 0), Some(0));
        assert_eq!(d("milk", "silk", 0), None);
        assert_eq!(d("abcdef", "uvwxyz", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("abc", "abcdef", 2), None, "the length gap alone is 3");
    }

    #[test]
    fn typos_and_synonyms_reach_the_same_terms() {
        assert_eq!(terms("refrigerater"), terms("fridge"));
        assert_eq!(terms("refrigerator"), terms("fridge"));
        assert_eq!(terms("frig"), terms("fridge"));
        assert_eq!(terms("freezr"), terms("freezer"));
        assert_eq!(terms("frozen"), terms("freezer"));
        assert_eq!(terms("colestrum"), terms("colostrum"));
        assert_eq!(terms("first milk"), terms("colostrum"));
        assert_eq!(terms("refreez"), terms("refreeze"));
        assert_eq!(terms("freeze it again"), terms("refreeze"));
        assert_eq!(terms("defrosting"), terms("thaw"));
        assert_eq!(terms("nappies"), terms("diapers"));
        assert_eq!(terms("room temperature"), terms("counter"));
        assert_eq!(terms("the milk"), terms("MILK!"));
        assert!(terms("the of and").is_empty(), "stopwords only");
        // A real word is not a typo of a content word.
        assert_ne!(terms("sleep"), terms("sleepy"));
    }

    /// A content edit must not make topics steal each other's example questions.
    #[test]
    fn example_questions_lead_back_to_their_topic() {
        let (mut asked, mut own) = (0, 0);
        for t in faq().topics().iter().filter(|t| !t.red_flag) {
            for q in t.questions.iter().chain([&t.title]) {
                asked += 1;
                let r = faq().ask(q);
                match (r.verdict, r.topic) {
                    (Verdict::Answer, Some(got)) if got.id == t.id => own += 1,
                    (Verdict::Answer, Some(got)) => {
                        panic!("{q:?} of {} answered by {}", t.id, got.id)
                    }
                    _ => {}
                }
            }
        }
        println!("{own} of {asked} example questions and titles lead back to their topic");
        assert!(own * 100 >= asked * 95, "only {own} of {asked} lead back");
    }

    #[test]
    fn greetings_and_chatter_are_out_of_scope() {
        for q in [
            "",
            "   ",
            "hello",
            "hi!!",
            "thank you",
            "🍼🍼",
            "what's the weather",
        ] {
            let r = faq().ask(q);
            assert_eq!(r.verdict, Verdict::OutOfScope, "{q:?}");
            assert!(r.topic.is_none() && r.alternatives.is_empty(), "{q:?}");
        }
    }

    #[test]
    fn clear_questions_get_their_answer() {
        assert_eq!(
            verdict("how long does breast milk last in the fridge"),
            (Verdict::Answer, Some("fridge-how-long"))
        );
        assert_eq!(
            verdict("CAN I REFREEZE THAWED MILK"),
            (Verdict::Answer, Some("refreeze"))
        );
        assert_eq!(
            verdict("how do i hand express"),
            (Verdict::Answer, Some("hand-technique"))
        );
    }

    #[test]
    fn red_flags_come_first_and_offer_nothing_else() {
        let r = faq().ask("there is blood in my milk, can i still freeze it?");
        assert_eq!(r.verdict, Verdict::RedFlag);
        assert_eq!(r.topic.map(|t| t.id.as_str()), Some("rf-blood"));
        assert!(r.alternatives.is_empty());
        // The most specific trigger wins: a baby's fever is not the parent's.
        assert_eq!(verdict("my baby has a fever").1, Some("rf-baby-fever"));
        assert_eq!(
            verdict("my 3 week old feels feverish").1,
            Some("rf-baby-fever")
        );
        assert_eq!(
            verdict("I have a fever and a sore breast").1,
            Some("rf-mastitis")
        );
        assert_eq!(
            verdict("only one wet nappy since this morning").1,
            Some("rf-baby-unwell")
        );
        // Without a trigger, a score alone never raises a red flag.
        assert_ne!(verdict("how do i change a diaper").0, Verdict::RedFlag);
        assert_ne!(verdict("baby sleep schedule").0, Verdict::RedFlag);
    }

    /// The red flags of issue 13, as different parents type them (typos included): each
    /// reaches the topic that sends them to the right professional.
    #[test]
    fn red_flags_as_parents_type_them() {
        let cases: &[(&str, &[&str])] = &[
            (
                "rf-baby-fever",
                &[
                    "my baby has a temperature",
                    "baby temperature 38.5",
                    "my babys temp is 38.2 is that ok",
                    "newborn temperature high",
                    "my son feels hot and has a fever",
                    "baby is burning up",
                    "my daughter is running a temp",
                    "baby feels hot to the touch",
                    "fever in my 2 month old baby",
                ],
            ),
            (
                "rf-blood",
                &[
                    "my milk is pink",
                    "pink milk after pumping",
                    "why is my breastmilk pinkish",
                    "red milk in the bottle",
                    "my milk looks red",
                    "strawberry milk when i pump",
                    "milk has a brown tinge, rusty milk?",
                ],
            ),
            (
                "rf-weight",
                &[
                    "my baby is not gaining weight",
                    "baby isnt gaining weight",
                    "she isnt putting on weight",
                    "my baby lost weight",
                    "slow weight gain",
                    "poor weight gain in my 3 week old",
                    "baby is underweight",
                    "baby dropped down the weight chart",
                    "baby not gainning wieght",
                ],
            ),
            (
                "rf-baby-unwell",
                &[
                    "my babys pee is dark",
                    "dark urine in the nappy",
                    "dark yellow wee",
                    "only 2 wet diapers today",
                    "baby has few wet nappies",
                    "orange brick dust in diaper",
                    "baby hasnt peed since this morning",
                ],
            ),
            (
                "rf-urgent-baby",
                &[
                    "the soft spot on his head is sunken",
                    "sunken fontanelle",
                    "sunken fontanel",
                    "baby's fontanelle looks sunk in, fontanell sunken",
                    "my baby is breathing really fast",
                    "baby breathing fast and grunting",
                    "newborn struggling to breathe",
                    "baby cant breathe properly",
                    "her lips are blue",
                    "baby turning blue",
                    "my baby is breathing very hard",
                    "baby gasping for air",
                ],
            ),
            (
                "rf-jaundice",
                &[
                    "my baby looks yellow",
                    "baby is yellow",
                    "yellow skin on my newborn",
                    "the whites of her eyes are yellow",
                    "is my baby jaundiced",
                    "newborn jaundice",
                    "baby has jaundise",
                ],
            ),
            (
                "rf-low-mood",
                &[
                    "i feel so depressed",
                    "i think i have postnatal depression",
                    "postpartum depression",
                    "feeling hopeless",
                    "i cant cope anymore",
                    "i feel worthless",
                    "i want to die",
                    "i have thoughts of hurting myself",
                    "im having suicidal thoughts",
                    "i keep crying all the time",
                    "is it the baby blues",
                    "i feel depresed and alone",
                ],
            ),
            (
                "rf-faint",
                &[
                    "i feel dizzy when i pump",
                    "i fainted this morning",
                    "feeling faint after pumping",
                    "lightheaded after the birth",
                    "i nearly passed out",
                    "dizzyness and headache",
                    "i feel light headed",
                ],
            ),
        ];
        let missed: Vec<String> = cases
            .iter()
            .flat_map(|(topic, questions)| questions.iter().map(move |q| (*topic, *q)))
            .filter(|&(topic, q)| verdict(q) != (Verdict::RedFlag, Some(topic)))
            .map(|(topic, q)| format!("{q:?} should send to {topic}, got {:?}", verdict(q)))
            .collect();
        assert!(missed.is_empty(), "{missed:#?}");
    }

    /// Ordinary questions that share a word with a new red flag are still answered (or at
    /// worst not understood), never sent to a doctor for no reason.
    #[test]
    fn ordinary_questions_are_not_caught_by_the_new_red_flags() {
        let caught = [
            "can i store milk in pink bags",
            "are red lids ok for milk storage bottles",
            "what temperature should baby's milk be",
            "what temperature should the fridge be",
            "ideal temperature to warm a bottle for my baby",
            "how long can milk stay at room temperature",
            "my milk looks yellow is it ok",
            "frozen milk looks blue",
            "how do i cope with pumping at work",
            "does my milk have a faint soapy smell because of lipase",
            "how much milk does my baby need",
            "how many ounces for a 3 month old",
            "can i warm milk in the microwave",
        ]
        .into_iter()
        .filter(|q| verdict(q).0 == Verdict::RedFlag)
        .map(|q| format!("{q:?}: {:?}", verdict(q)))
        .collect::<Vec<_>>();
        assert!(caught.is_empty(), "{caught:#?}");
    }

    #[test]
    fn other_milks_and_foods_never_get_a_confident_answer() {
        for q in [
            "how long does formula last in the fridge",
            "how long does cow milk keep in the fridge",
            "can i freeze baby food",
        ] {
            assert_ne!(verdict(q).0, Verdict::Answer, "{q:?}");
        }
        assert_eq!(
            verdict("how long does breast milk keep in the fridge").0,
            Verdict::Answer
        );
    }

    #[test]
    fn vague_questions_get_alternatives_not_an_answer() {
        let r = faq().ask("milk");
        assert_eq!(r.verdict, Verdict::NotSure);
        assert!(r.topic.is_none());
        assert!((1..=MAX_ALTERNATIVES).contains(&r.alternatives.len()));
    }

    #[test]
    fn search_ranks_and_limits() {
        let faq = faq();
        let hits = faq.search("fridge how long", 5);
        assert_eq!(hits.len(), 5);
        assert_eq!(
            hits.first().map(|(t, _)| t.id.as_str()),
            Some("fridge-how-long")
        );
        assert!(hits.windows(2).all(|w| matches!(w, [a, b] if a.1 >= b.1)));
        assert!(hits.iter().all(|(_, s)| (0.0..=1.0).contains(s)));
        let flagged = faq.search("blood fridge", 3);
        assert_eq!(
            flagged.first().map(|(t, s)| (t.id.as_str(), *s)),
            Some(("rf-blood", 1.0))
        );
        assert_eq!(
            flagged.iter().filter(|(t, _)| t.id == "rf-blood").count(),
            1
        );
        assert!(faq.search("hello there", 5).is_empty());
        assert!(faq.search("fridge", 0).is_empty());
    }

    #[test]
    fn lookups_by_id_and_category() {
        let faq = faq();
        assert_eq!(
            faq.topic("refreeze").map(|t| t.category.as_str()),
            Some("feeding")
        );
        assert!(faq.topic("no-such-topic").is_none());
        let total: usize = faq
            .categories()
            .iter()
            .map(|c| faq.in_category(&c.id).len())
            .sum();
        assert_eq!(total, faq.topics().len());
        let storage = faq.in_category("storage");
        assert_eq!(storage.first().map(|t| t.id.as_str()), Some("room-temp"));
        assert!(faq.in_category("nope").is_empty());
    }

    const BASE: &str = r#"
stopwords = ["the", "how"]

[[category]]
id = "storage"
title = "Storage"
emoji = "🧊"

[[category]]
id = "professional"
title = "See someone"
emoji = "🩺"

[synonyms]
fridge = ["refrigerator"]

[[topic]]
id = "fridge"
title = "Fridge"
category = "storage"
answer = "Four days."
source = "CDC"
questions = ["how long in the fridge", "fridge days", "fridge time", "is fridge milk ok"]
keywords = ["fridge"]
"#;

    fn with(from: &str, to: &str) -> Result<Faq, ContentError> {
        assert!(BASE.contains(from), "{from:?}");
        Faq::from_toml(&BASE.replacen(from, to, 1))
    }

    #[test]
    fn a_small_file_works_end_to_end() {
        let faq = Faq::from_toml(BASE);
        assert!(faq.is_ok(), "{faq:?}");
        let faq = faq.unwrap_or_else(|_| unreachable!());
        let r = faq.ask("how long in the refrigerator");
        assert_eq!(
            (r.verdict, r.topic.map(|t| t.id.as_str())),
            (Verdict::Answer, Some("fridge"))
        );
    }

    #[test]
    fn bad_content_is_an_error_not_a_panic() {
        use ContentError as E;
        assert!(matches!(Faq::from_toml("[[topic]\nid ="), Err(E::Toml(_))));
        assert!(matches!(Faq::from_toml(""), Err(E::NoTopics)));
        assert!(matches!(
            with("source = \"CDC\"", "source = \"CDC\"\ncolour = 1"),
            Err(E::Toml(_))
        ));
        assert!(matches!(
            with("id = \"fridge\"", "id = \"Fridge_1\""),
            Err(E::BadId { .. })
        ));
        assert!(matches!(
            with("id = \"fridge\"", "id = \"a-very-long-topic-id-over-24\""),
            Err(E::BadId { .. })
        ));
        let twice = format!(
            "{BASE}\n[[topic]]{}",
            BASE.rsplit("[[topic]]").next().unwrap_or("")
        );
        assert!(matches!(Faq::from_toml(&twice), Err(E::BadId { .. })));
        assert!(matches!(
            with("category = \"storage\"", "category = \"elsewhere\""),
            Err(E::UnknownCategory { .. })
        ));
        assert!(matches!(
            with("id = \"professional\"", "id = \"storage\""),
            Err(E::BadCategory { .. })
        ));
        assert!(matches!(
            with("source = \"CDC\"", "source = \" \""),
            Err(E::BadField { .. })
        ));
        assert!(matches!(
            with(
                "title = \"Fridge\"",
                &format!("title = \"{}\"", "x".repeat(41))
            ),
            Err(E::BadField { .. })
        ));
        assert!(matches!(
            with("\"is fridge milk ok\"", "\"\""),
            Err(E::BadField { .. })
        ));
        assert!(matches!(
            with(", \"is fridge milk ok\"", ""),
            Err(E::BadField {
                field: "questions",
                ..
            })
        ));
        assert!(matches!(
            with(
                "answer = \"Four days.\"",
                "answer = \"1\\n2\\n3\\n4\\n5\\n6\""
            ),
            Err(E::BadField {
                field: "answer",
                ..
            })
        ));
        assert!(matches!(
            with("keywords = [\"fridge\"]", "keywords = [\"the how\"]"),
            Err(E::BadField {
                field: "keywords",
                ..
            })
        ));
        assert!(matches!(
            with(
                "source = \"CDC\"",
                "source = \"CDC\"\nred_flag = true\nred_flag_terms = [\"x\"]"
            ),
            Err(E::BadRedFlag { .. })
        ));
        assert!(matches!(
            with(
                "category = \"storage\"",
                "category = \"professional\"\nred_flag = true"
            ),
            Err(E::BadRedFlag { .. })
        ));
        assert!(matches!(
            with(
                "source = \"CDC\"",
                "source = \"CDC\"\nred_flag_terms = [\"fever\"]"
            ),
            Err(E::BadRedFlag { .. })
        ));
        assert!(matches!(
            with("fridge = [\"refrigerator\"]", "the = [\"refrigerator\"]"),
            Err(E::BadSynonym { .. })
        ));
        assert!(matches!(
            with("fridge = [\"refrigerator\"]", "fridge = [\"the\"]"),
            Err(E::BadSynonym { .. })
        ));
        assert!(matches!(
            with(
                "fridge = [\"refrigerator\"]",
                "fridge = [\"frig\"]\ncool = [\"frig\"]"
            ),
            Err(E::BadSynonym { .. })
        ));
        assert!(matches!(
            with(
                "fridge = [\"refrigerator\"]",
                "fridge = [\"refrigerator\"]\nrefrigerator = [\"chiller\"]"
            ),
            Err(E::BadSynonym { .. })
        ));
        assert!(matches!(
            with("\"the\", \"how\"", "\"two words\""),
            Err(E::Other(_))
        ));
    }

    /// The promises every reply keeps, whatever the input.
    fn check_reply(q: &str) -> Result<(), TestCaseError> {
        let r = faq().ask(q);
        prop_assert!((0.0..=1.0).contains(&r.score), "score {}", r.score);
        prop_assert!(r.alternatives.len() <= MAX_ALTERNATIVES);
        match r.verdict {
            Verdict::Answer => prop_assert!(r.topic.is_some_and(|t| !t.red_flag)),
            Verdict::RedFlag => {
                prop_assert!(r.topic.is_some_and(|t| t.red_flag));
                prop_assert!(r.alternatives.is_empty());
            }
            Verdict::NotSure => {
                prop_assert!(r.topic.is_none());
                prop_assert!(!r.alternatives.is_empty());
            }
            Verdict::OutOfScope => {
                prop_assert!(r.topic.is_none() && r.alternatives.is_empty());
            }
        }
        let hits = faq().search(q, 4);
        prop_assert!(hits.len() <= 4);
        prop_assert!(hits.windows(2).all(|w| matches!(w, [a, b] if a.1 >= b.1) || w.first().is_some_and(|f| f.1 == 1.0)));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn ask_never_panics_on_any_string(q in any::<String>()) {
            check_reply(&q)?;
        }

        #[test]
        fn ask_never_panics_on_wordy_input(
            words in prop::collection::vec(
                prop_oneof![
                    "[a-zA-Z’'\\-]{0,14}",
                    "\\PC{1,6}",
                    "[0-9]{1,5}[a-z]{0,3}",
                    prop::sample::select(vec![
                        "fridge", "freezr", "blood", "fever", "baby", "formula", "how", "long",
                        "let", "down", "ml", "oz", "colestrum", "room", "temp", "high",
                    ]).prop_map(str::to_owned),
                ],
                0..60,
            )
        ) {
            check_reply(&words.join(" "))?;
        }

        #[test]
        fn loading_never_panics_on_any_string(src in any::<String>()) {
            let _ = Faq::from_toml(&src);
        }

        #[test]
        fn edit_distance_is_symmetric_and_bounded(a in "[a-e]{0,10}", b in "[a-e]{0,10}", k in 0usize..4) {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let ab = edit_distance_within(&a, &b, k);
            prop_assert_eq!(ab, edit_distance_within(&b, &a, k));
            prop_assert!(ab.is_none_or(|d| d <= k && d >= a.len().abs_diff(b.len())));
        }
    }

    #[test]
    fn huge_and_strange_inputs_are_fine() {
        let huge = "how long fridge ".repeat(100_000);
        for q in [
            huge.as_str(),
            "\u{0}\u{1}\u{7f}",
            "e\u{301}\u{301}\u{301}\u{301}",
            "\u{202e}egdirf\u{202c}",
            "👩\u{200d}🍼 fridge",
            "ﬁ ﬂ ß İ ǅ",
            "ｆｒｉｄｇｅ",
            "холодильник молоко",
            "冰箱 母乳",
        ] {
            if let Err(e) = check_reply(q) {
                panic!("{q:?}: {e}");
            }
        }
        assert_eq!(verdict(&huge).1, Some("fridge-how-long"));
    }
}
