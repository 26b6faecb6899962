//! The search index: the content's vocabulary (stems, typo candidates, synonyms and phrases),
//! the weighted topic postings, and the analysis of a question into canonical terms.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::content::{ContentError, Topic, WordLists};
use super::language::Analysis;
use super::scoring::ANSWER_WEIGHT;
use super::scoring::{B, K1, KEYWORD_WEIGHT, QUESTION_WEIGHT, TITLE_WEIGHT, UNKNOWN_WEIGHT};
use super::text::{TYPO_MAX_CHARS, TermId, normalise, words};
use super::triggers::Trigger;
use super::warning::Concepts;

/// One word of a text on its way to a term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Token {
    /// A stopword: ignored, but it may be part of a synonym phrase.
    Stop(Option<TermId>),
    Known(TermId),
    /// A word read as a typo of this content word: it is scored, but it is not the parent's
    /// own word, so the red-flag gate does not see it.
    Typo(TermId),
    Unknown,
}

impl Token {
    pub(super) fn id(self) -> Option<TermId> {
        match self {
            Token::Stop(id) => id,
            Token::Known(id) | Token::Typo(id) => Some(id),
            Token::Unknown => None,
        }
    }
}

/// The inverse document frequency of a term found in `df` of `topics` topics.
pub(super) fn idf(topics: usize, df: usize) -> f64 {
    let (n, df) = (topics as f64, df as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Each topic's BM25 length normalisation `K1 * (1 - B + B * len / avg_len)`, from the
/// lengths (summed weights) of the topics' bags of terms.
pub(super) fn length_norms(lengths: &[f64]) -> Vec<f64> {
    let avg = (lengths.iter().sum::<f64>() / lengths.len().max(1) as f64).max(1.0);
    lengths
        .iter()
        .map(|len| K1 * (1.0 - B + B * len / avg))
        .collect()
}

/// A content word kept for typo correction.
pub(super) struct TypoWord {
    pub(super) chars: Vec<char>,
    pub(super) id: TermId,
}

/// The kinds of a topic's texts the index reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Field {
    Title,
    Question,
    Keyword,
    Answer,
}

impl Field {
    /// The weight of a term of this field in its topic's bag of terms.
    pub(super) fn weight(self) -> f64 {
        match self {
            Field::Title => TITLE_WEIGHT,
            Field::Question => QUESTION_WEIGHT,
            Field::Keyword => KEYWORD_WEIGHT,
            Field::Answer => ANSWER_WEIGHT,
        }
    }
}

/// A topic's texts in the order the index reads them: title, example questions, keywords,
/// answer.
pub(super) fn topic_fields(t: &Topic) -> impl Iterator<Item = (&str, Field)> {
    let questions = t.questions.iter().map(|q| (q.as_str(), Field::Question));
    let keywords = t.keywords.iter().map(|k| (k.as_str(), Field::Keyword));
    [(t.title.as_str(), Field::Title)]
        .into_iter()
        .chain(questions)
        .chain(keywords)
        .chain([(t.answer.as_str(), Field::Answer)])
}

pub(super) struct Posting {
    pub(super) topic: usize,
    /// Weighted term frequency.
    pub(super) tf: f64,
}

pub(super) struct Index {
    /// The language's folding, stemmer, negations and typo bounds.
    pub(super) analysis: Analysis,
    pub(super) stopwords: HashSet<String>,
    /// Real words that must not be read as typos of content words.
    pub(super) not_typos: HashSet<String>,
    /// Words kept whole, never stemmed ("chills", a fever sign, is not "chill").
    pub(super) exact: HashSet<String>,
    /// Words (and their stems) naming other milks and foods.
    pub(super) not_breast_milk: HashSet<String>,
    /// Stem → term.
    pub(super) stems: HashMap<String, TermId>,
    /// A word as written in the content → its stem's term.
    pub(super) surface: HashMap<String, TermId>,
    /// Content words for typo correction, by first letter, sorted by length then spelling.
    pub(super) typo_words: HashMap<char, Vec<TypoWord>>,
    /// Term → canonical term.
    pub(super) synonyms: HashMap<TermId, TermId>,
    /// First term of a phrase (as a canonical term) → (the rest of the phrase, canonical
    /// term), longest first. Phrase words match through single-word synonyms, so "sat out"
    /// matches the phrase "sit out" when "sat" is a synonym of "sit".
    pub(super) phrases: HashMap<TermId, Vec<(Vec<TermId>, TermId)>>,
    /// The terms of the file's `domain_words`: they put a message in scope, but alone they
    /// are too vague for a confident answer ("milk?").
    pub(super) generic: HashSet<TermId>,
    /// Canonical term → the term it reads as when negated.
    pub(super) negated: HashMap<TermId, TermId>,
    /// Topic → the terms of which one must be in a question for a confident answer (empty:
    /// no such condition). See `Topic::context`.
    pub(super) context: Vec<Vec<TermId>>,
    /// Topic → its keywords' canonical terms.
    pub(super) keywords: Vec<HashSet<TermId>>,
    /// Every example question and title as (topic, its distinct scored terms).
    pub(super) examples: Vec<(usize, Vec<TermId>)>,
    /// Canonical term → topics that contain it.
    pub(super) postings: Vec<Vec<Posting>>,
    /// Canonical term → inverse document frequency.
    pub(super) idf: Vec<f64>,
    /// Canonical term → is it a keyword of some topic or a domain word.
    pub(super) domain: Vec<bool>,
    /// Topic → BM25 length normalisation `K1 * (1 - B + B * len / avg_len)`.
    pub(super) norm: Vec<f64>,
    pub(super) triggers: Vec<Trigger>,
    /// The warning-sign concepts the triggers name.
    pub(super) concepts: Concepts,
    /// How much information an unknown word carries ([`UNKNOWN_WEIGHT`] × the idf of a term
    /// found in one topic).
    pub(super) unknown_idf: f64,
    pub(super) topic_count: usize,
    /// How often each word and stem was interned while building: what leaving one example
    /// question out needs to know (`leave_out.rs`). Emptied once built, except for that.
    pub(super) uses: Uses,
}

/// How many times the build interned each word (as written) and each stem (by term).
#[derive(Default)]
pub(super) struct Uses {
    pub(super) words: HashMap<String, u32>,
    pub(super) stems: Vec<u32>,
}

impl Index {
    pub(super) fn build(
        analysis: Analysis,
        lists: &WordLists<'_>,
        topics: &[Topic],
    ) -> Result<Index, ContentError> {
        let mut index = Index {
            analysis,
            stopwords: HashSet::new(),
            not_typos: HashSet::new(),
            not_breast_milk: HashSet::new(),
            exact: HashSet::new(),
            stems: HashMap::new(),
            surface: HashMap::new(),
            typo_words: HashMap::new(),
            synonyms: HashMap::new(),
            phrases: HashMap::new(),
            negated: HashMap::new(),
            context: Vec::new(),
            keywords: Vec::new(),
            examples: Vec::new(),
            generic: HashSet::new(),
            postings: Vec::new(),
            idf: Vec::new(),
            domain: Vec::new(),
            norm: Vec::new(),
            triggers: Vec::new(),
            concepts: Concepts::default(),
            unknown_idf: 0.0,
            topic_count: topics.len(),
            uses: Uses::default(),
        };
        for (set, list) in [
            (&mut index.not_typos, lists.not_typos),
            (&mut index.exact, lists.exact_words),
        ] {
            set.extend(
                list.iter()
                    .map(|w| index.analysis.fold(&normalise(w)).trim().to_owned()),
            );
        }
        for w in lists.stopwords {
            let norm = index.normalise(w);
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
            let norm = index.normalise(w);
            let word = norm.trim();
            // An exact word stands for itself alone: "iced" (a freezer iced up) is not "ice".
            if !index.exact.contains(word) {
                index.not_breast_milk.insert(index.stem(word).into_owned());
            }
            index.not_breast_milk.insert(word.to_owned());
        }
        index.add_synonyms(lists.synonyms)?;
        for (word, reads_as) in lists.negated {
            let mut term = |w: &str| match index.intern_tokens(w).as_slice() {
                [Token::Known(id)] => Ok(index.canon(*id)),
                _ => Err(ContentError::Other(format!(
                    "negated {word:?} = {reads_as:?}: both must be single words, not stopwords"
                ))),
            };
            let (from, to) = (term(word)?, term(reads_as)?);
            index.negated.insert(from, to);
        }

        // Each topic as a bag of weighted canonical terms.
        let mut bags: Vec<HashMap<TermId, f64>> = Vec::with_capacity(topics.len());
        let mut keyword_terms = HashSet::new();
        for t in topics {
            let mut bag = HashMap::new();
            let mut own_keywords = HashSet::new();
            // Each text is interned once (leaving a question out counts on it); the example
            // questions, then the title, are also the known phrasings.
            let (mut questions, mut title) = (Vec::with_capacity(t.questions.len()), Vec::new());
            for (text, field) in topic_fields(t) {
                let tokens = index.intern_tokens(text);
                let read = index.canonical(&tokens, &[]);
                let terms = read.terms;
                match field {
                    Field::Title => title = read.scored,
                    Field::Question => questions.push(read.scored),
                    Field::Keyword if terms.is_empty() => {
                        return Err(ContentError::BadField {
                            id: t.id.clone(),
                            field: "keywords",
                            reason: format!("{text:?} is only stopwords"),
                        });
                    }
                    Field::Keyword => {
                        keyword_terms.extend(terms.iter().copied());
                        own_keywords.extend(terms.iter().copied());
                    }
                    Field::Answer => {}
                }
                for term in terms {
                    *bag.entry(term).or_insert(0.0) += field.weight();
                }
            }
            bags.push(bag);
            index.keywords.push(own_keywords);
            let topic = bags.len() - 1;
            let phrasings = questions.into_iter().chain([title]);
            index.examples.extend(phrasings.map(|terms| (topic, terms)));
            let mut context = Vec::new();
            for word in &t.context {
                let tokens = index.intern_tokens(word);
                match index.canonical(&tokens, &[]).terms.as_slice() {
                    [term] => context.push(*term),
                    _ => {
                        return Err(ContentError::BadField {
                            id: t.id.clone(),
                            field: "context",
                            reason: format!("{word:?} must be one word or synonym phrase"),
                        });
                    }
                }
            }
            index.context.push(context);
        }
        for word in lists.domain_words {
            let tokens = index.intern_tokens(word);
            match index.canonical(&tokens, &[]).terms.as_slice() {
                [term] => {
                    keyword_terms.insert(*term);
                    index.generic.insert(*term);
                }
                _ => {
                    return Err(ContentError::Other(format!(
                        "domain word {word:?} must be a single word, not a stopword"
                    )));
                }
            }
        }
        index.concepts = Concepts::build(&index.analysis, lists.red_flag_words)?;
        for (i, t) in topics.iter().enumerate() {
            for trigger in &t.red_flag_terms {
                let built = index.trigger(i, t, trigger)?;
                index.triggers.push(built);
            }
        }

        let term_count = index.stems.len();
        index.postings = (0..term_count).map(|_| Vec::new()).collect();
        let lengths: Vec<f64> = bags.iter().map(|b| b.values().sum()).collect();
        index.norm = length_norms(&lengths);
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
        let n = topics.len();
        index.idf = index.postings.iter().map(|p| idf(n, p.len())).collect();
        index.unknown_idf = UNKNOWN_WEIGHT * idf(n, 1);
        index.domain = (0..term_count)
            .map(|t| keyword_terms.contains(&(t as TermId)))
            .collect();

        index.typo_words = index.typo_candidates();
        Ok(index)
    }

    /// Typo candidates: content words that are not stopwords and long enough (and, where the
    /// language wants it, their stems), by first letter, sorted by length then spelling.
    pub(super) fn typo_candidates(&self) -> HashMap<char, Vec<TypoWord>> {
        let bounds = self.analysis.typo_bounds();
        let stems = self.stems.iter().filter(|_| bounds.by_stem);
        let mut typo: Vec<(&String, TermId)> = self
            .surface
            .iter()
            .filter(|(w, _)| !self.stopwords.contains(*w))
            .chain(stems.filter(|(w, _)| !w.starts_with('=')))
            .filter(|(w, _)| {
                (bounds.min_target_chars..=TYPO_MAX_CHARS).contains(&w.chars().count())
            })
            .map(|(w, &id)| (w, id))
            .collect();
        typo.sort_by(|a, b| (a.0.chars().count(), a.0).cmp(&(b.0.chars().count(), b.0)));
        typo.dedup();
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
        typo_words
    }

    pub(super) fn add_synonyms(
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
        let phrases = std::mem::take(&mut self.phrases);
        for (first, list) in phrases {
            let key = self.canon(first);
            for (rest, canon) in list {
                let rest = rest.iter().map(|&w| self.canon(w)).collect();
                self.phrases.entry(key).or_default().push((rest, canon));
            }
        }
        for list in self.phrases.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Ok(())
    }

    /// Content text to tokens, adding every new word to the vocabulary.
    pub(super) fn intern_tokens(&mut self, text: &str) -> Vec<Token> {
        let norm = self.normalise(text);
        let mut tokens = Vec::new();
        for word in words(&norm) {
            let stem = if self.exact.contains(word) {
                format!("={word}")
            } else {
                self.stem(word).into_owned()
            };
            let next = self.stems.len() as TermId;
            let id = *self.stems.entry(stem).or_insert(next);
            self.surface.entry(word.to_owned()).or_insert(id);
            *self.uses.words.entry(word.to_owned()).or_insert(0) += 1;
            if self.uses.stems.len() <= id as usize {
                self.uses.stems.resize(id as usize + 1, 0);
            }
            if let Some(n) = self.uses.stems.get_mut(id as usize) {
                *n += 1;
            }
            tokens.push(if self.stopwords.contains(word) {
                Token::Stop(Some(id))
            } else {
                Token::Known(id)
            });
        }
        tokens
    }
}
