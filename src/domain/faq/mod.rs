//! The bot's answers from trusted guidance, and the matcher that finds the right one for a
//! question typed in free text.
//!
//! The answers live in `content/faq.toml` (English, the reference), `content/faq.es.toml` and
//! `content/faq.ru.toml`: data that a non-programmer can edit and review, the same topics in
//! every language. Each is embedded at compile time, parsed and checked once
//! ([`Faq::bundled_for`]), and turned into a small search index that reads its file's
//! `language` (see `language.rs`: Spanish folds accents and `ñ`, Russian reads `ё` as `е`; each
//! stems with its own Snowball stemmer, negates with its own words and reads typos within its
//! own bounds). English matches exactly as it did before other languages came.
//!
//! How a question is matched ([`Faq::ask`]):
//! 1. **Normalise**: lowercase (Unicode-aware), apostrophes dropped ("don't" is "dont"), every
//!    other non-alphanumeric character is a space, letters and digits split ("4oz" is "4 oz").
//!    Numbers are dropped: they differ between guidelines and mislead more than they help.
//! 2. **Words to terms**: a stopword is ignored; a word written somewhere in the content, or whose
//!    English stem is, becomes that term (the content's `exact_words` are kept whole: "chills"
//!    is not "chill"); otherwise, for a word of six letters or more, the nearest content
//!    word of six letters or more within a small edit distance (typos: "refrigerater",
//!    "freezr", "colestrum"; "pasta" is not read as "past"); otherwise it is *unknown*.
//! 3. **Synonyms** from the content (phrases first, longest first) map terms to canonical terms;
//!    phrase words match through single-word synonyms ("sat out" is "sit out"). Shorthand and
//!    units ("hrs", "mins", "oz"), irregular forms ("sat", "left") and day names are synonyms
//!    in the content too; each pair is checked for senses outside milk (see the file). A place
//!    after a negation ("not in the fridge") is scored as the place the content's `[negated]`
//!    table names (the gates still see the words as written).
//! 4. **Red flags first**: a red-flag topic wins when all the words of one of its triggers are in
//!    the question. A trigger may name warning-sign concepts of the file's `[red_flag_words]`
//!    ("@baby @fevertemp": a baby word and a fever temperature such as "38,5" or "100.6 F"; see
//!    `warning.rs`), and concepts that must be absent ("!@object": a yellow crayon is no
//!    jaundice). When several topics fire, the most urgent (`urgency`) wins, then the trigger
//!    with the most words and concepts. A trigger word that is itself a variant of another word
//!    fires only on itself, never through its synonyms. The verdict is [`Verdict::RedFlag`].
//!    **The second net** ([`warning_model`]): a model learned from many warning signs and near
//!    misses reads the message, and each of its clauses, for one put in words no trigger
//!    lists, unless it names what one of that topic's triggers excludes (`!@concept`:
//!    red nipples are no blood in the milk). From [`WARNING_SURE`]
//!    it raises the alarm before any answer (and offers that answer as a button, in case it
//!    was wrong); from [`WARNING_LIKELY`], instead of "not sure" or "not my subject".
//! 5. **Out of scope**: a question with no keyword of any topic and none of the file's
//!    `domain_words` ("milk", "pump", ...) is [`Verdict::OutOfScope`].
//! 6. **Score**: BM25 over each topic's keywords, title, example questions and answer text
//!    (weighted [`KEYWORD_WEIGHT`] : [`TITLE_WEIGHT`] : [`QUESTION_WEIGHT`] : [`ANSWER_WEIGHT`]).
//!    The score is turned into a confidence between 0 and 1: the share of the question's
//!    information (the sum of its terms' idf, each unknown word counted as [`UNKNOWN_WEIGHT`]
//!    rare words) that the topic explains, times [`NO_KEYWORD_FACTOR`] when the question names
//!    none of the topic's keywords. So "how long does a pump battery last" is not a confident
//!    fridge answer. With the question's sentence vector ([`Faq::ask_with`]), each topic's
//!    probability from a classifier learned on the example questions' vectors
//!    ([`classifier`]) is fused in ([`fuse`]).
//! 7. **Decide** ([`decide`]): the best topic is an [`Verdict::Answer`] when its confidence is
//!    at least [`ANSWER_THRESHOLD`] and leads the runner-up by [`LEXICAL_MARGIN`] in English,
//!    [`ANSWER_MARGIN`] in Spanish and Russian ([`Policy::LEXICAL_INFLECTED`]; with the
//!    sentence model, [`Policy::FUSED`]'s thresholds, where a confidence from [`FUSED_SURE`]
//!    needs no lead), or when the question is nearly an example question of it
//!    ([`EXAMPLE_MATCH`]); and only when it is not a red-flag topic (those are reached only by
//!    their triggers), the question names one of its keywords (or is that known phrasing, or,
//!    with the sentence model, the meaning clearly favours it: [`Policy::meaning_lead`]) and
//!    one of its `context` words (topics wider than milk: alcohol, medicines, travel...), names
//!    no other milk or food (`not_breast_milk`: formula, cow's milk... keep differently), and
//!    has no unknown word unless it names milk ("can i refreeze thawed lasagna"). Close
//!    runners-up (at least [`RUNNER_UP_SHARE`] of the best) come with it, to offer as buttons.
//!    Otherwise [`Verdict::NotSure`] with up to [`MAX_ALTERNATIVES`] suggestions, or
//!    [`Verdict::OutOfScope`] when nothing reaches [`MIN_ALTERNATIVE`]. Every threshold is
//!    calibrated on tuning data only (`tests/e2e/faq_eval/`).

mod bytes;
pub mod classifier;
mod content;
#[cfg(test)]
mod file_tests;
mod gates;
mod index;
mod language;
mod leave_out;
#[cfg(test)]
mod policy_tests;
mod query;
#[cfg(test)]
mod red_flag_tests;
mod scoring;
#[cfg(test)]
mod tests;
mod text;
#[cfg(test)]
mod translations;
mod triggers;
pub mod vectors;
mod warning;
pub mod warning_model;

use std::fmt;
use std::sync::LazyLock;

use classifier::Classifier;
pub use content::{
    ANSWER_LINES, Category, ContentError, MAX_ID_BYTES, MAX_TITLE_CHARS, QUESTIONS_PER_TOPIC,
    RED_FLAG_CATEGORY, Topic,
};
use content::{File, WordLists, validate};
use gates::Gated;
use index::Index;
use language::Analysis;
use vectors::Meaning;
use warning_model::{BUNDLED_MODELS, WARNING_LIKELY, WARNING_SURE, WarningModel};

use crate::domain::Lang;
pub use scoring::{
    ANSWER_MARGIN, ANSWER_THRESHOLD, ANSWER_WEIGHT, Decision, EXAMPLE_MATCH, FUSED_MARGIN,
    FUSED_SURE, FUSED_THRESHOLD, KEYWORD_WEIGHT, LEXICAL_MARGIN, MAX_ALTERNATIVES, MAX_RUNNERS_UP,
    MIN_ALTERNATIVE, NO_KEYWORD_FACTOR, Policy, QUESTION_WEIGHT, RUNNER_UP_PROBABILITY,
    RUNNER_UP_SHARE, SEMANTIC_WEIGHT, SETTLE_LEAD, TITLE_WEIGHT, UNKNOWN_WEIGHT, decide,
    decide_with, fuse,
};
use scoring::{also_close, clear_favourite};

/// The bundled content files: English (the reference), Spanish, Russian.
const BUNDLED_EN: &str = include_str!("../../../content/faq.toml");
const BUNDLED_ES: &str = include_str!("../../../content/faq.es.toml");
const BUNDLED_RU: &str = include_str!("../../../content/faq.ru.toml");

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
    /// Other topics worth offering, best first: under an `Answer`, the close runners-up (at
    /// most [`MAX_RUNNERS_UP`]); under `NotSure`, the suggestions (at most
    /// [`MAX_ALTERNATIVES`]).
    pub alternatives: Vec<&'a Topic>,
}

/// The parsed content with its search index.
pub struct Faq {
    topics: Vec<Topic>,
    categories: Vec<Category>,
    index: Index,
    /// The English topics' classifier, when the checked-in file has the vectors of all their
    /// texts (see [`vectors`] and [`classifier`]); Spanish and Russian are matched by BM25
    /// alone.
    meaning: Option<Meaning>,
    /// Questions none of the topics answers (the file's `not_ours`), which the classifier
    /// learns from.
    not_ours: Vec<String>,
    /// The learned second net for warning signs the triggers miss ([`warning_model`]), when
    /// the bundled model file has this language and its red-flag topics are this content's.
    warnings: Option<&'static WarningModel>,
}

impl fmt::Debug for Faq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Faq")
            .field("topics", &self.topics.len())
            .field("categories", &self.categories.len())
            .field("terms", &self.index.idf.len())
            .field("meaning", &self.meaning.is_some())
            .finish()
    }
}

type Loaded = LazyLock<Result<Faq, ContentError>>;
static BUNDLED_FAQ: [Loaded; 3] = [
    LazyLock::new(|| Faq::from_toml(BUNDLED_EN)),
    LazyLock::new(|| Faq::from_toml(BUNDLED_ES)),
    LazyLock::new(|| Faq::from_toml(BUNDLED_RU)),
];

impl Faq {
    /// The English content compiled into the binary, parsed once (see [`Faq::bundled_for`]).
    pub fn bundled() -> &'static Faq {
        Self::bundled_for(Lang::En)
    }

    /// The content in `lang` compiled into the binary, parsed once: same topics (ids, order,
    /// categories, red flags) in every language, each matched with its language's analysis.
    ///
    /// # Panics
    /// If the bundled file is invalid. The unit tests load every language, so a build that
    /// passed them cannot panic here; call [`Faq::try_bundled_for`] at start-up to report it.
    pub fn bundled_for(lang: Lang) -> &'static Faq {
        match Self::try_bundled_for(lang) {
            Ok(faq) => faq,
            Err(e) => panic!("the {} FAQ content is invalid: {e}", lang.code()),
        }
    }

    /// The English content compiled into the binary, or what is wrong with it.
    pub fn try_bundled() -> Result<&'static Faq, &'static ContentError> {
        Self::try_bundled_for(Lang::En)
    }

    /// The content in `lang` compiled into the binary, or what is wrong with it.
    pub fn try_bundled_for(lang: Lang) -> Result<&'static Faq, &'static ContentError> {
        let loaded: &Loaded = match lang {
            Lang::En => &BUNDLED_FAQ[0],
            Lang::Es => &BUNDLED_FAQ[1],
            Lang::Ru => &BUNDLED_FAQ[2],
        };
        loaded.as_ref()
    }

    /// The language of this content (its file's `language`, English when absent).
    pub fn lang(&self) -> Lang {
        self.index.analysis.lang()
    }

    /// Parses and checks a content file and builds its index.
    pub fn from_toml(src: &str) -> Result<Faq, ContentError> {
        Self::from_toml_without(src, None)
    }

    /// The bundled English content file's text.
    pub fn bundled_source() -> &'static str {
        Self::bundled_source_for(Lang::En)
    }

    /// The bundled content file's text in `lang`.
    pub fn bundled_source_for(lang: Lang) -> &'static str {
        match lang {
            Lang::En => BUNDLED_EN,
            Lang::Es => BUNDLED_ES,
            Lang::Ru => BUNDLED_RU,
        }
    }

    /// Like [`Faq::from_toml`], with one example question left out of the index: `leave_out`
    /// is (topic id, the question's position in its list): the left-out question is then
    /// asked as if nobody had foreseen it. The bundled classifier learned from that question,
    /// so such a content has none unless one trained without it is given
    /// ([`Faq::with_classifier`]). [`Faq::each_left_out`] gives every such index in turn, far
    /// faster.
    pub fn from_toml_without(
        src: &str,
        leave_out: Option<(&str, usize)>,
    ) -> Result<Faq, ContentError> {
        let mut faq = Self::build(src, leave_out)?;
        // Only leaving questions out of a built index needs the counts (`leave_out.rs`).
        faq.index.uses = index::Uses::default();
        Ok(faq)
    }

    /// [`Faq::from_toml_without`], keeping how often the index interned each word.
    fn build(src: &str, leave_out: Option<(&str, usize)>) -> Result<Faq, ContentError> {
        let file: File = toml::from_str(src).map_err(|e| ContentError::Toml(e.to_string()))?;
        let File {
            language,
            stopwords,
            not_typos,
            exact_words,
            domain_words,
            not_breast_milk,
            not_ours,
            synonyms,
            negated,
            red_flag_words,
            categories,
            mut topics,
        } = file;
        let lang = match language.as_deref() {
            None => Lang::En,
            Some(code) => Lang::from_code(code)
                .ok_or_else(|| ContentError::Other(format!("unknown language {code:?}")))?,
        };
        validate(&categories, &topics)?;
        // A question both ours and not ours would teach the classifier two things at once.
        let fold = |q: &str| q.trim().to_lowercase();
        let examples: std::collections::HashSet<String> = topics
            .iter()
            .flat_map(|t| t.questions.iter().chain(&t.paraphrases).map(|q| fold(q)))
            .collect();
        if let Some(q) = not_ours.iter().find(|q| examples.contains(&fold(q))) {
            return Err(ContentError::Other(format!(
                "{q:?} is both a topic's example question (or paraphrase) and in not_ours"
            )));
        }
        if let Some((id, i)) = leave_out
            && let Some(t) = topics.iter_mut().find(|t| t.id == id)
            && i < t.questions.len()
        {
            t.questions.remove(i);
        }
        let lists = WordLists {
            stopwords: &stopwords,
            not_typos: &not_typos,
            exact_words: &exact_words,
            domain_words: &domain_words,
            not_breast_milk: &not_breast_milk,
            synonyms: &synonyms,
            negated: &negated,
            red_flag_words: &red_flag_words,
        };
        let index = Index::build(Analysis::new(lang), &lists, &topics)?;
        let topics = topics
            .into_iter()
            .map(|mut t| {
                t.answer = t.answer.trim().to_owned();
                t
            })
            .collect::<Vec<_>>();
        let meaning = match lang {
            Lang::En if leave_out.is_none() => Meaning::from_bundled(&topics, &not_ours),
            Lang::En | Lang::Es | Lang::Ru => None,
        };
        let warnings = BUNDLED_MODELS
            .as_ref()
            .and_then(|file| file.of(lang))
            .filter(|model| {
                model.topics().iter().all(|id| {
                    topics
                        .iter()
                        .any(|t| t.red_flag && t.id.as_str() == id.as_str())
                })
            });
        Ok(Faq {
            topics,
            categories,
            index,
            meaning,
            not_ours,
            warnings,
        })
    }

    /// The questions none of the topics answers, which the classifier learns from (the
    /// file's `not_ours`).
    pub fn not_ours(&self) -> &[String] {
        &self.not_ours
    }

    /// This content matched by meaning with `classifier` (trained without some example
    /// questions, for evaluation), or `None` when its classes are not this content's
    /// answerable topics.
    #[doc(hidden)]
    pub fn with_classifier(mut self, classifier: Classifier) -> Option<Faq> {
        self.meaning = Some(Meaning::with_classifier(classifier, &self.topics)?);
        Some(self)
    }

    /// This content without the learned net for warning signs ([`warning_model`]): the
    /// red-flag triggers alone, for the evaluation's comparison.
    #[doc(hidden)]
    pub fn without_warning_model(mut self) -> Faq {
        self.warnings = None;
        self
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

    /// Whether the topics have a classifier (English, with an up-to-date
    /// `content/faq-vectors.bin`): only then does a question's vector change the answer.
    pub fn has_vectors(&self) -> bool {
        self.meaning.is_some()
    }

    /// Matches a free-text question by keywords alone (see the module documentation).
    pub fn ask(&self, question: &str) -> Reply<'_> {
        self.ask_with(question, None)
    }

    /// Like [`Faq::ask`], with the question's sentence vector (unit length, from the same
    /// model as `content/faq-vectors.bin`): each topic's confidence fuses BM25 with the
    /// classifier's probability of the topic ([`fuse`]). The red-flag and scope gates come
    /// first and do not look at it. Without a classifier the vector is ignored.
    pub fn ask_with(&self, question: &str, embedding: Option<&[f32]>) -> Reply<'_> {
        self.ask_tuned(question, embedding, &Policy::FUSED)
    }

    /// [`Faq::ask_with`] under another fused policy (BM25 alone still uses
    /// [`Policy::LEXICAL`]). For calibration sweeps (`tests/e2e/faq_eval/`).
    #[doc(hidden)]
    pub fn ask_tuned(
        &self,
        question: &str,
        embedding: Option<&[f32]>,
        fused: &Policy,
    ) -> Reply<'_> {
        match self.semantic(embedding) {
            Some((semantic, not_ours)) => {
                self.ask_scored(question, Some((&semantic, not_ours)), fused)
            }
            None => self.ask_scored(question, None, Policy::lexical_for(self.lang())),
        }
    }

    /// [`Faq::ask`] under another policy for BM25 alone. For calibration sweeps
    /// (`tests/e2e/faq_eval/`).
    #[doc(hidden)]
    pub fn ask_lexical_tuned(&self, question: &str, lexical: &Policy) -> Reply<'_> {
        self.ask_scored(question, None, lexical)
    }

    /// Each topic's semantic share (0..1: the classifier's probability) for a question's
    /// vector, in topic order, and the probability that none of them is meant.
    fn semantic(&self, embedding: Option<&[f32]>) -> Option<(Vec<f64>, f64)> {
        self.meaning
            .as_ref()?
            .probabilities(&self.topics, embedding?)
    }

    /// Matches with a semantic share per topic (in [`Faq::topics`] order, 0..1) fused in, and
    /// the probability that none of the topics is meant.
    fn ask_scored<'a>(
        &'a self,
        question: &str,
        meaning: Option<(&[f64], f64)>,
        policy: &Policy,
    ) -> Reply<'a> {
        let semantic = meaning.map(|(s, _)| s);
        let not_ours = meaning.map_or(0.0, |(_, p)| p);
        let query = self.index.analyse(question);
        let out_of_scope = Reply {
            verdict: Verdict::OutOfScope,
            topic: None,
            score: 0.0,
            alternatives: Vec::new(),
        };
        // A warning sign may be named in words the content does not otherwise know ("i cant do
        // this anymore"): the red-flag gate comes before everything else. Parents mix English
        // into Spanish or Russian ("mi baby tiene fever de 38.6"): the English triggers read it.
        let gated = self.gate(question, &query);
        if let Some(Gated::RedFlag(i)) = gated {
            return Reply {
                verdict: Verdict::RedFlag,
                topic: self.topics.get(i),
                score: 1.0,
                alternatives: Vec::new(),
            };
        }
        // The second net reads the message for a warning sign in words nobody listed: sure
        // enough, it comes before any answer (which it offers as a button, in case it was
        // wrong); likely, before "not sure" and "not my subject".
        let reading = self.warning_reading(question, &query);
        let alarm = |floor: f64, also: Vec<&'a Topic>| {
            reading.filter(|&(_, p)| p >= floor).map(|(i, p)| Reply {
                verdict: Verdict::RedFlag,
                topic: self.topics.get(i),
                score: p,
                alternatives: also,
            })
        };
        if let Some(Gated::OutOfScope) = gated {
            return alarm(WARNING_LIKELY, Vec::new()).unwrap_or(out_of_scope);
        }
        let (ranked, lexical) = self.index.rank_both(&query, semantic, policy);
        let best_score = ranked.first().map_or(0.0, |&(_, s)| s);
        let topics = |ids: Vec<usize>| -> Vec<&Topic> {
            ids.into_iter().filter_map(|i| self.topics.get(i)).collect()
        };
        // Red-flag topics are reached only through their triggers: a score alone is not
        // enough to tell a parent to call a doctor, nor to withhold the answer they asked for.
        // Words like "milk" or "pump" alone are too vague to pick an answer.
        let specific = query.scored.iter().any(|t| !self.index.generic.contains(t));
        // A word the content does not know, in a question that names no milk, is likely what
        // the question is about ("can i refreeze thawed lasagna"): suggest, do not answer.
        let names_milk = query.terms.iter().any(|t| self.index.generic.contains(t));
        // A topic wider than milk (alcohol, medicines, travel...) also needs one of its context
        // words in the question.
        let allowed = |i: usize| {
            specific
                && (query.unknown == 0 || names_milk)
                && !query.not_breast_milk
                && self.topics.get(i).is_some_and(|t| !t.red_flag)
                && self.index.in_context(&query, i)
        };
        // A known phrasing (an example question, nearly word for word) is evidence enough;
        // otherwise the question must name one of the topic's keywords.
        let example = self.index.example_match(&query).filter(|&i| allowed(i));
        // With the model, the words must still back an answer on their own.
        let backed = |i: usize| lexical.get(i).is_some_and(|&l| l >= policy.lexical_floor);
        let wider = policy.wider_words_decline
            && (0..self.topics.len()).any(|j| {
                self.index.names_a_keyword(&query, j) && !self.index.in_context(&query, j)
            });
        // The question names one of the topic's keywords, or the meaning clearly favours the
        // topic and the fused confidence is high ("how long is it good for after sitting out").
        let favoured = semantic.and_then(|v| clear_favourite(v, policy.meaning_lead));
        let named = |i: usize| {
            self.index.names_a_keyword(&query, i)
                || favoured == Some(i)
                    && ranked
                        .iter()
                        .any(|&(j, s)| j == i && s >= policy.meaning_confidence)
        };
        // The classifier finds the question likely none of ours.
        let ours = not_ours < policy.not_ours_ceiling;
        let answerable = |i: usize| ours && !wider && allowed(i) && backed(i) && named(i);
        let settled = semantic.and_then(|v| clear_favourite(v, policy.settle_lead));
        match decide_with(policy, &ranked, example, settled, answerable) {
            Decision::Answer {
                best,
                mut runners_up,
            } => {
                if let Some(flag) = alarm(WARNING_SURE, topics(vec![best])) {
                    return flag;
                }
                also_close(&mut runners_up, best, &ranked, &lexical, semantic);
                Reply {
                    verdict: Verdict::Answer,
                    topic: self.topics.get(best),
                    score: ranked
                        .iter()
                        .find(|&&(i, _)| i == best)
                        .map_or(best_score, |&(_, s)| s),
                    alternatives: topics(runners_up),
                }
            }
            Decision::NotSure(suggestions) => {
                alarm(WARNING_LIKELY, Vec::new()).unwrap_or_else(|| Reply {
                    verdict: Verdict::NotSure,
                    topic: None,
                    score: best_score,
                    alternatives: topics(suggestions),
                })
            }
            Decision::Nothing => alarm(WARNING_LIKELY, Vec::new()).unwrap_or(Reply {
                score: best_score,
                ..out_of_scope
            }),
        }
    }

    /// Topics for a search box (inline mode), best first, with their confidence (0..1).
    /// A triggered red-flag topic comes first with confidence 1. A question with no
    /// keyword of any topic finds nothing.
    pub fn search(&self, question: &str, limit: usize) -> Vec<(&Topic, f64)> {
        let query = self.index.analyse(question);
        let flagged = self.index.red_flag(&query).or_else(|| {
            self.warning_reading(question, &query)
                .filter(|&(_, p)| p >= WARNING_SURE)
                .map(|(i, _)| i)
        });
        if limit == 0
            || flagged.is_none() && (query.terms.is_empty() || !self.index.in_scope(&query))
        {
            return Vec::new();
        }
        let ranked = self
            .index
            .rank(&query, None, &Policy::LEXICAL)
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
