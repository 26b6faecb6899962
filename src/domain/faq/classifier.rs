//! Matching by meaning, learned: a softmax (multinomial logistic) regression over the sentence
//! vectors of each answerable topic's title, example questions and paraphrases (phrasings only
//! the classifier learns from; the word index never sees them), with one more class learned
//! from the content's `not_ours` questions (none of the topics answers them: other milks and
//! foods in a fridge, baby care, pumps to buy, chit-chat). Given a question's vector it says how
//! likely each topic is, and how likely none (probabilities that sum to 1). A question the
//! classifier finds none of ours gives every topic a small share, so the words alone would
//! have to carry an answer.
//!
//! It ranks far better than a topic's best cosine with one of its texts, because it weighs
//! what the phrasings of a topic share and what sets them apart from the others' (on the
//! example questions, each judged by a classifier trained without it: 88% top-1 against 74%).
//!
//! Pure: the weights are learned outside the domain (`crate::embedding::train_classifier`, with
//! candle) by `milkbot faq-vectors`, and stored in `content/faq-vectors.bin` with the vectors
//! they were learned from ([`super::vectors`]). Here they are only applied.

use super::content::Topic;

/// How the classifier is trained; part of the vectors file's content hash, so a change makes
/// the file stale.
pub const TRAINING_ID: &str = "softmax regression v3: titles, example questions and paraphrases, \
     a not-ours class from the content's not_ours questions, logits 10 x w.q + b, \
     L2 0.001 on w, 100 full-batch steps of 2.0 from zero";
/// The class of the questions none of the topics answers (the content's `not_ours`): not a
/// topic id (those are kebab-case).
pub const NOT_OURS: &str = "(not ours)";
/// The cross-validation folds of the evaluation: example question `i` of a topic is in fold
/// `i % FOLDS`, and is judged by a classifier trained without that fold.
pub const FOLDS: usize = 10;

/// The fold of a topic's example question at `position` (see [`FOLDS`]).
pub fn fold_of(position: usize) -> usize {
    position % FOLDS
}

/// What a classifier is trained on: each answerable topic's title, example questions and
/// paraphrases, and the content's questions that none answers (the last class, [`NOT_OURS`],
/// when there are any), with their vectors.
#[derive(Debug, Clone, PartialEq)]
pub struct Examples {
    /// The topics (ids) that are classes, in content order.
    pub classes: Vec<String>,
    /// One vector per example, and its class (an index into `classes`).
    pub vectors: Vec<Vec<f32>>,
    pub labels: Vec<usize>,
}

impl Examples {
    /// The training examples of `topics` (red-flag topics are not classes: they are reached
    /// only by their triggers) and of `not_ours`, leaving out example question `i` of topic `t`
    /// when `left_out(t, i)`. `vector` gives a text's vector; `None` when a text has none.
    pub fn of<'v>(
        topics: &[Topic],
        not_ours: &[String],
        mut vector: impl FnMut(&str) -> Option<&'v [f32]>,
        left_out: impl Fn(usize, usize) -> bool,
    ) -> Option<Examples> {
        let mut ex = Examples {
            classes: Vec::new(),
            vectors: Vec::new(),
            labels: Vec::new(),
        };
        for (t, topic) in topics.iter().enumerate() {
            if topic.red_flag {
                continue;
            }
            let class = ex.classes.len();
            ex.classes.push(topic.id.clone());
            let questions = topic
                .questions
                .iter()
                .enumerate()
                .filter(|&(i, _)| !left_out(t, i))
                .map(|(_, q)| q);
            // Paraphrases are never probes, so never left out.
            let texts = std::iter::once(&topic.title)
                .chain(questions)
                .chain(&topic.paraphrases);
            for text in texts {
                ex.vectors.push(vector(text.trim())?.to_vec());
                ex.labels.push(class);
            }
        }
        if !not_ours.is_empty() {
            let class = ex.classes.len();
            ex.classes.push(NOT_OURS.to_owned());
            for text in not_ours {
                ex.vectors.push(vector(text.trim())?.to_vec());
                ex.labels.push(class);
            }
        }
        Some(ex)
    }
}

/// A trained classifier: per class, a weight vector and a bias (the logit scale folded in).
#[derive(Debug, Clone, PartialEq)]
pub struct Classifier {
    /// The topics it tells apart (ids), in content order.
    pub classes: Vec<String>,
    /// Row-major, one row of `dimensions` per class.
    pub weights: Vec<f32>,
    pub bias: Vec<f32>,
}

impl Classifier {
    /// Each class's probability for a question's vector, in class order; `None` when the
    /// vector's length is not the classifier's.
    pub fn probabilities(&self, query: &[f32]) -> Option<Vec<f64>> {
        let dims = self.weights.len() / self.classes.len().max(1);
        if query.len() != dims || self.bias.len() != self.classes.len() {
            return None;
        }
        let logits: Vec<f64> = self
            .weights
            .chunks_exact(dims.max(1))
            .zip(&self.bias)
            .map(|(w, b)| {
                w.iter()
                    .zip(query)
                    .map(|(w, q)| f64::from(*w) * f64::from(*q))
                    .sum::<f64>()
                    + f64::from(*b)
            })
            .collect();
        let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = logits.iter().map(|l| (l - max).exp()).collect();
        let total: f64 = exp.iter().sum();
        Some(exp.into_iter().map(|e| e / total).collect())
    }

    /// Each topic's probability, in `topics` order (0 for a topic that is not a class), and
    /// the probability that none of them is meant ([`NOT_OURS`]; 0 for a classifier without
    /// that class); `None` when the classes are not exactly the answerable topics of `topics`
    /// in order (then [`NOT_OURS`], if any).
    pub fn topic_probabilities(&self, topics: &[Topic], query: &[f32]) -> Option<(Vec<f64>, f64)> {
        if !self.serves(topics) {
            return None;
        }
        let mut p = self.probabilities(query)?.into_iter();
        let shares = topics
            .iter()
            .map(|t| if t.red_flag { Some(0.0) } else { p.next() })
            .collect::<Option<Vec<f64>>>()?;
        Some((shares, p.next().unwrap_or(0.0)))
    }

    /// Whether the classes are the answerable topics of `topics` in order, then [`NOT_OURS`]
    /// or nothing.
    pub fn serves(&self, topics: &[Topic]) -> bool {
        let answerable = topics.iter().filter(|t| !t.red_flag).map(|t| t.id.as_str());
        let classes = self.classes.iter().map(String::as_str);
        answerable.clone().eq(classes.clone())
            || answerable.chain(std::iter::once(NOT_OURS)).eq(classes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::faq::Faq;

    fn two_classes() -> Classifier {
        Classifier {
            classes: vec!["a".into(), "b".into()],
            weights: vec![1.0, 0.0, 0.0, 1.0],
            bias: vec![0.0, 0.5],
        }
    }

    #[test]
    fn probabilities_are_a_softmax_of_the_logits() {
        let p = two_classes().probabilities(&[2.0, 0.0]).unwrap();
        // logits 2 and 0.5: e^1.5 / (1 + e^1.5).
        let want = 1.5_f64.exp() / (1.0 + 1.5_f64.exp());
        assert!((p[0] - want).abs() < 1e-9, "{p:?}");
        assert!((p[0] + p[1] - 1.0).abs() < 1e-12);
        assert!(
            two_classes().probabilities(&[1.0]).is_none(),
            "wrong length"
        );
    }

    #[test]
    fn a_left_out_question_is_not_a_training_example() {
        let topics = Faq::bundled().topics();
        let fake = [0.5_f32; 4];
        let all = Examples::of(topics, &[], |_| Some(&fake[..]), |_, _| false).unwrap();
        let answerable: Vec<&Topic> = topics.iter().filter(|t| !t.red_flag).collect();
        assert_eq!(all.classes.len(), answerable.len());
        let texts: usize = answerable
            .iter()
            .map(|t| 1 + t.questions.len() + t.paraphrases.len())
            .sum();
        assert_eq!(all.vectors.len(), texts);
        assert_eq!(all.labels.len(), texts);
        let Some(first) = topics.iter().position(|t| !t.red_flag) else {
            panic!("an answerable topic");
        };
        let one = Examples::of(
            topics,
            &[],
            |_| Some(&fake[..]),
            |t, i| (t, i) == (first, 3),
        )
        .unwrap();
        assert_eq!(one.vectors.len(), texts - 1);
        let first_texts = topics[first].questions.len() + topics[first].paraphrases.len();
        assert_eq!(one.labels.iter().filter(|&&l| l == 0).count(), first_texts);
        assert!(Examples::of(topics, &[], |_| None, |_, _| false).is_none());
        // Questions that are not ours are the last class.
        let not_ours = [
            "tell me a joke".to_owned(),
            "formula in the fridge".to_owned(),
        ];
        let with = Examples::of(topics, &not_ours, |_| Some(&fake[..]), |_, _| false).unwrap();
        assert_eq!(with.classes.last().map(String::as_str), Some(NOT_OURS));
        assert_eq!(with.vectors.len(), texts + 2);
        assert_eq!(with.labels.last(), Some(&answerable.len()));
    }

    #[test]
    fn topic_probabilities_follow_the_content_order() {
        let topics = Faq::bundled().topics();
        let answerable: Vec<String> = topics
            .iter()
            .filter(|t| !t.red_flag)
            .map(|t| t.id.clone())
            .collect();
        let n = answerable.len();
        let mut weights = vec![0.0; n * 2];
        weights[2] = 3.0; // class 1 likes the first dimension
        let c = Classifier {
            classes: answerable.clone(),
            weights,
            bias: vec![0.0; n],
        };
        let (p, not_ours) = c.topic_probabilities(topics, &[1.0, 0.0]).unwrap();
        assert_eq!(not_ours, 0.0, "no such class");
        assert_eq!(p.len(), topics.len());
        let best = p
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| topics[i].id.clone());
        assert_eq!(best.as_ref(), Some(&answerable[1]));
        for (t, p) in topics.iter().zip(&p) {
            if t.red_flag {
                assert_eq!(*p, 0.0);
            }
        }
        let mut other = c.clone();
        other.classes.swap(0, 1);
        assert!(other.topic_probabilities(topics, &[1.0, 0.0]).is_none());
        // With a not-ours class: its probability comes apart from the topics'.
        let mut with = c.clone();
        with.classes.push(NOT_OURS.to_owned());
        with.weights.extend([0.0, 9.0]);
        with.bias.push(0.0);
        let (p, not_ours) = with.topic_probabilities(topics, &[0.0, 1.0]).unwrap();
        assert!(not_ours > 0.9, "{not_ours}");
        assert!((p.iter().sum::<f64>() + not_ours - 1.0).abs() < 1e-9);
    }
}
