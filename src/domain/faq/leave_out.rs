//! Leave-one-out evaluation without rebuilding the index for every probe.
//!
//! Each example question is asked of the content without it ([`Faq::each_left_out`]). Building
//! that index from the file takes about as long as building the whole index (parsing, stemming
//! every answer), and the evaluation asks some 1,900 such questions; so one index is built, and
//! for each probe it is changed into exactly the index of the content without that question,
//! then changed back. What the question brought goes:
//! - its words and stems, where nothing else in the content has them (counted while building,
//!   `Uses`), so a word only it had is unknown again, and the typo candidates without them;
//! - its terms' weights in its topic's bag (the bag summed again in the build's order, so each
//!   weight is the very number a fresh build gives), the inverse document frequency of a term
//!   no longer in that topic, and every topic's length normalisation;
//! - its known phrasing.
//!
//! The classifier that matches by meaning (English) cannot be changed that way: it is
//! retrained. The caller gives one classifier per cross-validation fold, each trained without
//! that fold's example questions ([`super::classifier::FOLDS`]), and a probe is judged by its
//! fold's: never by one that learned from it.
//!
//! Term ids of the words kept stay as they were (a fresh build numbers them differently; no
//! score depends on the numbers). A unit test compares the result with fresh builds.

use std::collections::HashMap;

use super::Faq;
use super::classifier::{Classifier, FOLDS, fold_of};
use super::content::{ContentError, Topic};
use super::index::{Index, Posting, Token, TypoWord, idf, length_norms, topic_fields};
use super::text::{TermId, words};
use super::vectors::Meaning;

/// What leaving a question out changed, to put it back.
struct LeftOut {
    topic: usize,
    position: usize,
    question: String,
    /// The question's known phrasing, and where it was in `Index::examples`.
    example: (usize, (usize, Vec<TermId>)),
    /// (term, its postings, its idf) before.
    postings: Vec<(TermId, Vec<Posting>, f64)>,
    norm: Vec<f64>,
    /// Words and stems only the question had.
    surface: Vec<(String, TermId)>,
    stems: Vec<(String, TermId)>,
    typo_words: Option<HashMap<char, Vec<TypoWord>>>,
    meaning: Option<Meaning>,
}

impl Faq {
    /// Calls `probe(topic, question, faq)` for every example question of every topic that is
    /// not a red flag, in file order, where `faq` is the content of `src` with that question
    /// left out: it answers exactly as `Faq::from_toml_without(src, Some((&topic.id, i)))` does
    /// (and `topic` lacks the question too), with the classifier of the question's fold from
    /// `folds` when given ([`FOLDS`] of them, trained without their folds' questions), none
    /// otherwise. For leave-one-out evaluation.
    pub fn each_left_out(
        src: &str,
        folds: Option<&[Classifier]>,
        mut probe: impl FnMut(&Topic, &str, &Faq),
    ) -> Result<(), ContentError> {
        if folds.is_some_and(|f| f.len() != FOLDS) {
            return Err(ContentError::Other(format!("{FOLDS} folds are needed")));
        }
        let mut faq = Faq::build(src, None)?;
        let meanings = match folds {
            Some(folds) => folds
                .iter()
                .map(|c| Meaning::with_classifier(c.clone(), &faq.topics).map(Some))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| ContentError::Other("a fold's classes are not the topics".into()))?,
            None => vec![None; FOLDS],
        };
        let lengths = faq.index.topic_lengths();
        for t in 0..faq.topics.len() {
            let count = faq.topics.get(t).map_or(0, |topic| topic.questions.len());
            if faq.topics.get(t).is_none_or(|topic| topic.red_flag) {
                continue;
            }
            for i in 0..count {
                let meaning = meanings.get(fold_of(i)).cloned().flatten();
                let left = faq.leave_out(t, i, &lengths, meaning)?;
                if let Some(topic) = faq.topics.get(t) {
                    probe(topic, &left.question, &faq);
                }
                faq.put_back(left);
            }
        }
        Ok(())
    }

    /// Leaves question `i` of topic `t` out (see the module documentation).
    /// `meaning` is the classifier of the question's fold, if any.
    fn leave_out(
        &mut self,
        t: usize,
        i: usize,
        lengths: &[f64],
        meaning: Option<Meaning>,
    ) -> Result<LeftOut, ContentError> {
        let missing = || ContentError::Other(format!("no question {i} in topic {t}"));
        let topic = self.topics.get_mut(t).ok_or_else(missing)?;
        if i >= topic.questions.len() {
            return Err(missing());
        }
        let question = topic.questions.remove(i);
        let topic = self.topics.get(t).ok_or_else(missing)?;
        let mut left = self.index.leave_out(topic, t, i, question, lengths)?;
        left.meaning = std::mem::replace(&mut self.meaning, meaning);
        Ok(left)
    }

    /// Undoes [`Faq::leave_out`].
    fn put_back(&mut self, mut left: LeftOut) {
        self.meaning = left.meaning.take();
        let question = std::mem::take(&mut left.question);
        if let Some(topic) = self.topics.get_mut(left.topic) {
            topic.questions.insert(left.position, question);
        }
        self.index.put_back(left);
    }
}

impl Index {
    /// A content text's tokens, as `intern_tokens` read it, from the vocabulary as it is:
    /// `None` if a word is not in it.
    fn content_tokens(&self, text: &str) -> Option<Vec<Token>> {
        words(&self.normalise(text))
            .map(|word| {
                let id = *self.surface.get(word)?;
                Some(if self.stopwords.contains(word) {
                    Token::Stop(Some(id))
                } else {
                    Token::Known(id)
                })
            })
            .collect()
    }

    /// Each topic's length (the sum of its bag's weights), from the postings.
    fn topic_lengths(&self) -> Vec<f64> {
        let mut lengths = vec![0.0; self.topic_count];
        for p in self.postings.iter().flatten() {
            if let Some(len) = lengths.get_mut(p.topic) {
                *len += p.tf;
            }
        }
        lengths
    }

    /// Topic `t` (given without its question `i`, `question`) as a fresh build would index it,
    /// and the question's words gone where nothing else has them.
    fn leave_out(
        &mut self,
        topic: &Topic,
        t: usize,
        i: usize,
        question: String,
        lengths: &[f64],
    ) -> Result<LeftOut, ContentError> {
        let unknown = |text: &str| ContentError::Other(format!("{text:?} is not indexed"));
        let tokens = self
            .content_tokens(&question)
            .ok_or_else(|| unknown(&question))?;
        let asked = self.canonical(&tokens, &[]).terms;
        // The topic's bag, summed in the build's order.
        let mut bag: HashMap<TermId, f64> = HashMap::new();
        for (text, field) in topic_fields(topic) {
            let tokens = self.content_tokens(text).ok_or_else(|| unknown(text))?;
            for term in self.canonical(&tokens, &[]).terms {
                *bag.entry(term).or_insert(0.0) += field.weight();
            }
        }
        // Words and stems nobody but the question interned.
        let norm = self.normalise(&question);
        let mut words_in: HashMap<&str, u32> = HashMap::new();
        let mut stems_in: HashMap<TermId, (u32, String)> = HashMap::new();
        for word in words(&norm) {
            *words_in.entry(word).or_insert(0) += 1;
            let id = *self.surface.get(word).ok_or_else(|| unknown(word))?;
            let stem = if self.exact.contains(word) {
                format!("={word}")
            } else {
                self.stem(word).into_owned()
            };
            stems_in.entry(id).or_insert((0, stem)).0 += 1;
        }
        let surface: Vec<(String, TermId)> = words_in
            .into_iter()
            .filter(|(w, n)| self.uses.words.get(*w) == Some(n))
            .filter_map(|(w, _)| self.surface.remove_entry(w))
            .collect();
        let stems: Vec<(String, TermId)> = stems_in
            .into_iter()
            .filter(|(id, (n, _))| self.uses.stems.get(*id as usize) == Some(n))
            .filter_map(|(_, (_, stem))| self.stems.remove_entry(&stem))
            .collect();
        let typo_words = if surface.is_empty() && stems.is_empty() {
            None
        } else {
            let fewer = self.typo_candidates();
            Some(std::mem::replace(&mut self.typo_words, fewer))
        };
        // The question's terms: their weight in the topic, and their idf if it no longer has them.
        let mut postings = Vec::with_capacity(asked.len());
        for term in asked {
            let (Some(list), Some(old_idf)) = (
                self.postings.get_mut(term as usize),
                self.idf.get_mut(term as usize),
            ) else {
                continue;
            };
            let before = list
                .iter()
                .map(|p| Posting {
                    topic: p.topic,
                    tf: p.tf,
                })
                .collect();
            match bag.get(&term) {
                Some(&tf) => list
                    .iter_mut()
                    .filter(|p| p.topic == t)
                    .for_each(|p| p.tf = tf),
                None => list.retain(|p| p.topic != t),
            }
            let new_idf = idf(self.topic_count, list.len());
            postings.push((term, before, std::mem::replace(old_idf, new_idf)));
        }
        let mut lengths = lengths.to_vec();
        if let Some(len) = lengths.get_mut(t) {
            *len = bag.values().sum();
        }
        let norm = std::mem::replace(&mut self.norm, length_norms(&lengths));
        // The known phrasings are each topic's questions, then its title.
        let at = self
            .examples
            .iter()
            .position(|(topic, _)| *topic == t)
            .map(|first| first + i)
            .filter(|&at| at < self.examples.len())
            .ok_or_else(|| unknown(&question))?;
        let example = (at, self.examples.remove(at));
        Ok(LeftOut {
            topic: t,
            position: i,
            question,
            example,
            postings,
            norm,
            surface,
            stems,
            typo_words,
            meaning: None,
        })
    }

    /// Undoes [`Index::leave_out`].
    fn put_back(&mut self, left: LeftOut) {
        let (at, example) = left.example;
        self.examples.insert(at, example);
        self.norm = left.norm;
        for (term, list, idf) in left.postings {
            if let Some(p) = self.postings.get_mut(term as usize) {
                *p = list;
            }
            if let Some(i) = self.idf.get_mut(term as usize) {
                *i = idf;
            }
        }
        self.surface.extend(left.surface);
        self.stems.extend(left.stems);
        if let Some(typo_words) = left.typo_words {
            self.typo_words = typo_words;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::domain::Lang;

    /// An index in words rather than term ids (a fresh build numbers terms differently).
    #[derive(Debug, PartialEq)]
    struct Readable {
        stems: BTreeSet<String>,
        surface: BTreeMap<String, String>,
        typo_words: BTreeMap<char, Vec<(String, String)>>,
        postings: BTreeMap<String, Vec<(usize, u64)>>,
        idf: BTreeMap<String, u64>,
        examples: Vec<(usize, Vec<String>)>,
    }

    fn readable(index: &Index) -> Readable {
        let names: HashMap<TermId, &String> = index.stems.iter().map(|(s, &id)| (id, s)).collect();
        let name = |id: &TermId| names.get(id).map_or("?".to_owned(), |s| (*s).clone());
        let named = |id: usize| names.get(&(id as TermId)).map(|s| (*s).clone());
        Readable {
            stems: index.stems.keys().cloned().collect(),
            surface: index
                .surface
                .iter()
                .map(|(w, id)| (w.clone(), name(id)))
                .collect(),
            typo_words: index
                .typo_words
                .iter()
                .map(|(c, list)| {
                    let mut words: Vec<(String, String)> = list
                        .iter()
                        .map(|w| (w.chars.iter().collect(), name(&w.id)))
                        .collect();
                    words.sort();
                    (*c, words)
                })
                .collect(),
            postings: index
                .postings
                .iter()
                .enumerate()
                .filter(|(_, list)| !list.is_empty())
                .filter_map(|(id, list)| {
                    let list = list.iter().map(|p| (p.topic, p.tf.to_bits())).collect();
                    Some((named(id)?, list))
                })
                .collect(),
            idf: index
                .idf
                .iter()
                .enumerate()
                .filter_map(|(id, idf)| Some((named(id)?, idf.to_bits())))
                .collect(),
            examples: index
                .examples
                .iter()
                .map(|(t, terms)| (*t, terms.iter().map(name).collect()))
                .collect(),
        }
    }

    /// Some probes of each language, and the first ones with a word no other text has, are
    /// the very index a fresh build of the content without the question is (and so are the
    /// probes after them, which proves each question is put back).
    #[test]
    fn leaving_a_question_out_gives_the_index_built_without_it() {
        for lang in [Lang::En, Lang::Ru] {
            let src = Faq::bundled_source_for(lang);
            let (mut probes, mut checked, mut unique) = (0, 0, 0);
            let result = Faq::each_left_out(src, None, |topic, q, faq| {
                probes += 1;
                let words_gone =
                    words(&faq.index.normalise(q)).any(|w| !faq.index.surface.contains_key(w));
                if !(probes % 200 == 1 || words_gone && unique < 2) {
                    return;
                }
                unique += usize::from(words_gone);
                checked += 1;
                let i = Faq::bundled_for(lang)
                    .topic(&topic.id)
                    .and_then(|t| t.questions.iter().position(|x| x == q));
                let Ok(fresh) = Faq::build(src, i.map(|i| (topic.id.as_str(), i))) else {
                    panic!("the {} content builds", lang.code());
                };
                assert_eq!(readable(&faq.index), readable(&fresh.index), "{q:?}");
                for (a, b) in faq.index.norm.iter().zip(&fresh.index.norm) {
                    assert!((a - b).abs() < 1e-12, "{q:?}: {a} {b}");
                }
                assert_eq!(faq.topics, fresh.topics);
                assert!(faq.meaning.is_none() && fresh.meaning.is_none());
                let (a, b) = (faq.ask(q), fresh.ask(q));
                assert_eq!(
                    (a.verdict, a.topic, a.alternatives),
                    (b.verdict, b.topic, b.alternatives)
                );
                assert!((a.score - b.score).abs() < 1e-12, "{q:?}");
            });
            assert_eq!(result, Ok(()));
            assert!(
                probes > 500 && checked >= 4 && unique >= 2,
                "{}: {probes} {checked} {unique}",
                lang.code()
            );
        }
    }

    /// A probe is judged by its own fold's classifier, and the content's own is back after.
    #[test]
    fn each_probe_is_judged_by_its_folds_classifier() {
        use super::super::vectors::{DIMENSIONS, bundled};
        let Some(file) = bundled() else {
            panic!("content/faq-vectors.bin is readable");
        };
        let classes = file.classifier.classes.clone();
        // Fold k's classifier favours class k whatever the question.
        let folds: Vec<Classifier> = (0..FOLDS)
            .map(|k| Classifier {
                classes: classes.clone(),
                weights: vec![0.0; classes.len() * DIMENSIONS],
                bias: (0..classes.len())
                    .map(|c| if c == k { 5.0 } else { 0.0 })
                    .collect(),
            })
            .collect();
        let v = vec![0.0; DIMENSIONS];
        let mut probes = 0;
        let result = Faq::each_left_out(Faq::bundled_source(), Some(&folds), |topic, q, faq| {
            let Some(i) = Faq::bundled()
                .topic(&topic.id)
                .and_then(|t| t.questions.iter().position(|x| x == q))
            else {
                panic!("{q:?} is an example");
            };
            let Some((p, _)) = faq.semantic(Some(&v)) else {
                panic!("a probe has its fold's classifier");
            };
            let best = p
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .and_then(|(t, _)| faq.topics().get(t));
            assert_eq!(best.map(|t| &t.id), classes.get(fold_of(i)), "{q:?}");
            probes += 1;
        });
        assert_eq!(result, Ok(()));
        assert!(probes > 1000, "{probes}");
        assert!(
            Faq::each_left_out(Faq::bundled_source(), Some(&folds[..3]), |_, _, _| {}).is_err(),
            "every fold is needed"
        );
    }
}
