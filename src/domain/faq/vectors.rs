//! The sentence vectors of each English topic's texts (title, example questions) and of the
//! content's `not_ours` questions, and the classifier learned from them
//! ([`super::classifier`]), precomputed into `content/faq-vectors.bin` by `milkbot faq-vectors`.
//!
//! Pure: the vectors are plain `&[f32]` (unit length, so a cosine is a dot product); the model
//! that computes them and the training live outside the domain (`crate::embedding`, not
//! imported here).
//!
//! The file holds, for each distinct text, its vector; the classifier; and a SHA-256 content
//! hash of every text of the content in order, the model's id and the training's
//! ([`TRAINING_ID`]), so a test fails when the content (or the model, or the training) changed
//! and the file was not regenerated. At run time a content whose texts are not all in the file,
//! or whose answerable topics are not the classifier's classes, gets no classifier, and
//! questions are matched by BM25 alone. The evaluation trains classifiers without some example
//! questions from the same vectors ([`VectorFile::examples`]).
//!
//! Format (little-endian): `MILKVEC2`, the 32-byte SHA-256, u32 count, u32 dimensions, then
//! per text: u32 byte length, the UTF-8 text, the vector as f16; then u32 classes, per class:
//! u32 byte length, the topic id, its bias (f32) and its weights (f32 x dimensions).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use half::f16;
use sha2::{Digest, Sha256};

use super::bytes::Reader;
use super::classifier::{Classifier, Examples, TRAINING_ID};
use super::content::Topic;

/// The checked-in vectors.
const BUNDLED: &[u8] = include_bytes!("../../../content/faq-vectors.bin");
const MAGIC: &[u8; 8] = b"MILKVEC2";
/// Length of a vector (all-MiniLM-L6-v2).
pub const DIMENSIONS: usize = 384;

/// The texts of a topic that get a vector, in a fixed order: title, example questions, then
/// paraphrases (what the classifier learns from; the answers' sentences taught nothing it
/// needs).
pub fn topic_texts(topic: &Topic) -> Vec<String> {
    let mut texts = vec![topic.title.trim().to_owned()];
    texts.extend(topic.questions.iter().map(|q| q.trim().to_owned()));
    texts.extend(topic.paraphrases.iter().map(|q| q.trim().to_owned()));
    texts.retain(|t| !t.is_empty());
    texts
}

/// Every text that gets a vector: each topic's ([`topic_texts`]), then the questions that are
/// not ours.
pub fn all_texts(topics: &[Topic], not_ours: &[String]) -> Vec<String> {
    let mut texts: Vec<String> = topics.iter().flat_map(topic_texts).collect();
    texts.extend(not_ours.iter().map(|q| q.trim().to_owned()));
    texts.retain(|t| !t.is_empty());
    texts
}

/// The content hash the vectors of `topics` and `not_ours` computed by model `model_id` (and
/// the classifier trained on them) carry.
pub fn content_hash(topics: &[Topic], not_ours: &[String], model_id: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(model_id.as_bytes());
    h.update([0]);
    h.update(TRAINING_ID.as_bytes());
    h.update([0]);
    for t in topics {
        h.update(t.id.as_bytes());
        h.update([0]);
        for text in topic_texts(t) {
            h.update(text.as_bytes());
            h.update([0]);
        }
        h.update([1]);
    }
    for q in not_ours {
        h.update(q.trim().as_bytes());
        h.update([0]);
    }
    let mut out = [0; 32];
    out.copy_from_slice(&h.finalize());
    out
}

/// A parsed vectors file.
pub struct VectorFile {
    pub hash: [u8; 32],
    pub vectors: HashMap<String, Vec<f32>>,
    pub classifier: Classifier,
}

impl VectorFile {
    /// The classifier's training examples for `topics` and `not_ours` from this file's
    /// vectors, without example question `i` of topic `t` when `left_out(t, i)`; `None` when a
    /// text has no vector here.
    pub fn examples(
        &self,
        topics: &[Topic],
        not_ours: &[String],
        left_out: impl Fn(usize, usize) -> bool,
    ) -> Option<Examples> {
        Examples::of(
            topics,
            not_ours,
            |text| self.vectors.get(text).map(Vec::as_slice),
            left_out,
        )
    }
}

/// Why a vectors file could not be written.
#[derive(Debug)]
pub enum EncodeError<E> {
    /// Computing a vector or training failed.
    Model(E),
    /// A text the classifier learns from has no vector (not possible for texts of `topics`).
    Missing,
}

/// Encodes a vectors file for `topics` (red-flag topics included: their texts are cheap and
/// keep the file independent of which topics are answerable) and `not_ours`; `embed` computes
/// one text's vector, and `train` learns the classifier from the vectors as stored (f16).
pub fn encode<E>(
    topics: &[Topic],
    not_ours: &[String],
    model_id: &str,
    mut embed: impl FnMut(&str) -> Result<Vec<f32>, E>,
    train: impl FnOnce(&Examples) -> Result<Classifier, E>,
) -> Result<Vec<u8>, EncodeError<E>> {
    let mut texts = all_texts(topics, not_ours);
    let mut seen = HashSet::new();
    texts.retain(|t| seen.insert(t.clone()));
    let mut out = Vec::with_capacity(48 + texts.len() * (DIMENSIONS * 2 + 64));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&content_hash(topics, not_ours, model_id));
    out.extend_from_slice(&(texts.len() as u32).to_le_bytes());
    out.extend_from_slice(&(DIMENSIONS as u32).to_le_bytes());
    let mut stored = HashMap::with_capacity(texts.len());
    for text in &texts {
        let v = embed(text).map_err(EncodeError::Model)?;
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
        let halves: Vec<f16> = v
            .iter()
            .copied()
            .chain(std::iter::repeat(0.0))
            .take(DIMENSIONS)
            .map(f16::from_f32)
            .collect();
        for x in &halves {
            out.extend_from_slice(&x.to_le_bytes());
        }
        stored.insert(text.as_str(), halves.iter().map(|x| x.to_f32()).collect());
    }
    let examples = Examples::of(
        topics,
        not_ours,
        |text| stored.get(text).map(Vec::as_slice),
        |_, _| false,
    )
    .ok_or(EncodeError::Missing)?;
    let classifier = train(&examples).map_err(EncodeError::Model)?;
    out.extend_from_slice(&(classifier.classes.len() as u32).to_le_bytes());
    let rows = classifier.weights.chunks_exact(DIMENSIONS);
    for ((id, bias), row) in classifier.classes.iter().zip(&classifier.bias).zip(rows) {
        out.extend_from_slice(&(id.len() as u32).to_le_bytes());
        out.extend_from_slice(id.as_bytes());
        out.extend_from_slice(&bias.to_le_bytes());
        for w in row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    Ok(out)
}

/// Reads a vectors file; `None` when it is malformed.
pub fn decode(bytes: &[u8]) -> Option<VectorFile> {
    let mut r = Reader(bytes);
    if r.take(8)? != MAGIC {
        return None;
    }
    let hash: [u8; 32] = r.take(32)?.try_into().ok()?;
    let count = r.u32()? as usize;
    let dims = r.u32()? as usize;
    if dims != DIMENSIONS {
        return None;
    }
    let mut vectors = HashMap::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let len = r.u32()? as usize;
        let text = r.text(len)?.to_owned();
        let v: Vec<f32> = r
            .take(dims * 2)?
            .chunks_exact(2)
            .map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32())
            .collect();
        vectors.insert(text, v);
    }
    let classes = r.u32()? as usize;
    let mut classifier = Classifier {
        classes: Vec::with_capacity(classes.min(1 << 10)),
        weights: Vec::new(),
        bias: Vec::new(),
    };
    for _ in 0..classes {
        let len = r.u32()? as usize;
        let id = r.text(len)?.to_owned();
        classifier.classes.push(id);
        classifier.bias.push(r.f32()?);
        for _ in 0..dims {
            classifier.weights.push(r.f32()?);
        }
    }
    r.is_done().then_some(VectorFile {
        hash,
        vectors,
        classifier,
    })
}

static BUNDLED_FILE: LazyLock<Option<VectorFile>> = LazyLock::new(|| decode(BUNDLED));

/// The checked-in vectors file, parsed once (`None` if malformed).
pub fn bundled() -> Option<&'static VectorFile> {
    BUNDLED_FILE.as_ref()
}

/// The cosine of two unit vectors (their dot product).
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum()
}

/// The meaning side of matching: the classifier, checked against the topics it serves.
#[derive(Debug, Clone)]
pub struct Meaning {
    classifier: Classifier,
}

impl Meaning {
    /// The classifier of the bundled file for `topics` and `not_ours`, or `None` when one of
    /// their texts has no vector there (content changed and the file was not regenerated, or
    /// another language's content) or the classes are not their answerable topics.
    pub fn from_bundled(topics: &[Topic], not_ours: &[String]) -> Option<Meaning> {
        Self::from_file(bundled()?, topics, not_ours)
    }

    /// [`Meaning::from_bundled`] from `file`.
    pub fn from_file(file: &VectorFile, topics: &[Topic], not_ours: &[String]) -> Option<Meaning> {
        let complete = all_texts(topics, not_ours)
            .iter()
            .all(|text| file.vectors.contains_key(text));
        complete
            .then(|| Self::with_classifier(file.classifier.clone(), topics))
            .flatten()
    }

    /// `classifier` for `topics`, `None` when its classes are not their answerable topics in
    /// order (e.g. a classifier trained without some example questions, for evaluation).
    pub fn with_classifier(classifier: Classifier, topics: &[Topic]) -> Option<Meaning> {
        classifier.serves(topics).then_some(Meaning { classifier })
    }

    /// Each topic's probability for a question's vector (unit length), in `topics` order
    /// (0 for red-flag topics), and the probability that none is meant; `None` for a vector
    /// of the wrong length.
    pub fn probabilities(&self, topics: &[Topic], query: &[f32]) -> Option<(Vec<f64>, f64)> {
        self.classifier.topic_probabilities(topics, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::faq::Faq;

    /// A classifier that gives every class a bias of its index and no weights.
    fn by_index(ex: &Examples) -> Result<Classifier, ()> {
        Ok(Classifier {
            classes: ex.classes.clone(),
            weights: vec![0.5; ex.classes.len() * DIMENSIONS],
            bias: (0..ex.classes.len()).map(|i| i as f32).collect(),
        })
    }

    #[test]
    fn a_file_round_trips_and_a_damaged_one_is_refused() {
        let faq = Faq::bundled();
        let topics = &faq.topics()[..2];
        let bytes = encode(
            topics,
            &[],
            "test model",
            |t| {
                Ok::<_, ()>(
                    (0..DIMENSIONS)
                        .map(|i| (i + t.len()) as f32 / 1000.0)
                        .collect(),
                )
            },
            by_index,
        )
        .unwrap();
        let file = decode(&bytes).unwrap();
        assert_eq!(file.hash, content_hash(topics, &[], "test model"));
        assert_ne!(file.hash, content_hash(topics, &[], "another model"));
        assert_ne!(file.hash, content_hash(topics, &["x".into()], "test model"));
        let title = topics[0].title.trim();
        let v = &file.vectors[title];
        assert!((v[3] - (3 + title.len()) as f32 / 1000.0).abs() < 1e-3);
        let answerable: Vec<&String> = topics
            .iter()
            .filter(|t| !t.red_flag)
            .map(|t| &t.id)
            .collect();
        assert_eq!(
            file.classifier.classes.iter().collect::<Vec<_>>(),
            answerable
        );
        assert_eq!(
            file.classifier.bias.last().copied(),
            Some(answerable.len() as f32 - 1.0)
        );
        assert_eq!(file.classifier.weights.len(), answerable.len() * DIMENSIONS);
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(decode(&extra).is_none());
        assert!(decode(b"MILKVEC1").is_none());
    }

    #[test]
    fn the_classifier_learns_from_the_vectors_as_stored_and_serves_only_its_topics() {
        let faq = Faq::bundled();
        let topics: Vec<Topic> = faq.topics().iter().take(4).cloned().collect();
        let not_ours = vec!["tell me a joke".to_owned()];
        let mut seen = None;
        let bytes = encode(
            &topics,
            &not_ours,
            "axes",
            |t| Ok::<_, ()>(vec![0.1 + t.len() as f32 * 1e-4; DIMENSIONS]),
            |ex| {
                seen = Some(ex.clone());
                by_index(ex)
            },
        )
        .unwrap();
        let file = decode(&bytes).unwrap();
        // The examples it learned from are the stored (f16) vectors.
        assert_eq!(seen, file.examples(&topics, &not_ours, |_, _| false));
        let meaning = Meaning::from_file(&file, &topics, &not_ours).unwrap();
        let (p, none) = meaning.probabilities(&topics, &[0.0; DIMENSIONS]).unwrap();
        assert_eq!(p.len(), topics.len());
        assert!(none > 0.0);
        assert!((p.iter().sum::<f64>() + none - 1.0).abs() < 1e-9);
        // A content with a text the file lacks, or other topics, gets no classifier.
        let mut changed = topics.clone();
        changed[0]
            .questions
            .push("a question nobody embedded".to_owned());
        assert!(Meaning::from_file(&file, &changed, &not_ours).is_none());
        assert!(Meaning::from_file(&file, &topics[..3], &not_ours).is_none());
        assert!(Meaning::from_file(&file, &topics, &["unseen".into()]).is_none());
    }
}
