//! Matching by meaning: the sentence vectors of each English topic's texts (title, example
//! questions, answer sentences), precomputed into `content/faq-vectors.bin` by
//! `milkbot faq-vectors`, and each topic's best cosine with a question's vector.
//!
//! Pure: the vectors are plain `&[f32]` (unit length, so a cosine is a dot product); the model
//! that computes them lives outside the domain (`crate::embedding`, not imported here).
//!
//! The file holds, for each distinct text, its vector, and a SHA-256 content hash of every
//! text of the content in order plus the model's id, so a test fails when the content (or the
//! model) changed and the file was not regenerated. At run time a content whose texts are not
//! all in the file gets no vectors, and questions are matched by BM25 alone. A leave-one-out
//! index (one example question removed) uses the remaining texts' vectors only.
//!
//! Format (little-endian): `MILKVEC1`, the 32-byte SHA-256, u32 count, u32 dimensions, then
//! per text: u32 byte length, the UTF-8 text, the vector as f16.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use half::f16;
use sha2::{Digest, Sha256};

use super::content::Topic;

/// The checked-in vectors.
const BUNDLED: &[u8] = include_bytes!("../../../content/faq-vectors.bin");
const MAGIC: &[u8; 8] = b"MILKVEC1";
/// Length of a vector (all-MiniLM-L6-v2).
pub const DIMENSIONS: usize = 384;

/// The texts of a topic that get a vector, in a fixed order: title, example questions, then
/// each sentence of the answer.
pub fn topic_texts(topic: &Topic) -> Vec<String> {
    let mut texts = vec![topic.title.trim().to_owned()];
    texts.extend(topic.questions.iter().map(|q| q.trim().to_owned()));
    texts.extend(answer_sentences(&topic.answer));
    texts.retain(|t| !t.is_empty());
    texts
}

/// An answer split into sentences (at line ends and at ". ", "! ", "? ").
fn answer_sentences(answer: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in answer.lines() {
        let mut rest = line.trim();
        while let Some(end) = rest
            .match_indices(['.', '!', '?'])
            .map(|(i, _)| i + 1)
            .find(|&i| rest[i..].starts_with(' '))
        {
            out.push(rest[..end].trim().to_owned());
            rest = rest[end..].trim_start();
        }
        if !rest.is_empty() {
            out.push(rest.to_owned());
        }
    }
    out
}

/// The content hash the vectors of `topics` computed by model `model_id` carry.
pub fn content_hash(topics: &[Topic], model_id: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(model_id.as_bytes());
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
    let mut out = [0; 32];
    out.copy_from_slice(&h.finalize());
    out
}

/// A parsed vectors file.
pub struct VectorFile {
    pub hash: [u8; 32],
    pub vectors: HashMap<String, Vec<f32>>,
}

/// Encodes a vectors file for `topics` (red-flag topics included: their texts are cheap and
/// keep the file independent of which topics are answerable); `embed` computes one text's
/// vector.
pub fn encode<E>(
    topics: &[Topic],
    model_id: &str,
    mut embed: impl FnMut(&str) -> Result<Vec<f32>, E>,
) -> Result<Vec<u8>, E> {
    let mut texts: Vec<String> = topics.iter().flat_map(topic_texts).collect();
    let mut seen = HashSet::new();
    texts.retain(|t| seen.insert(t.clone()));
    let mut out = Vec::with_capacity(48 + texts.len() * (DIMENSIONS * 2 + 64));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&content_hash(topics, model_id));
    out.extend_from_slice(&(texts.len() as u32).to_le_bytes());
    out.extend_from_slice(&(DIMENSIONS as u32).to_le_bytes());
    for text in &texts {
        let v = embed(text)?;
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
        for x in v
            .iter()
            .copied()
            .chain(std::iter::repeat(0.0))
            .take(DIMENSIONS)
        {
            out.extend_from_slice(&f16::from_f32(x).to_le_bytes());
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
        let text = std::str::from_utf8(r.take(len)?).ok()?.to_owned();
        let v: Vec<f32> = r
            .take(dims * 2)?
            .chunks_exact(2)
            .map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32())
            .collect();
        vectors.insert(text, v);
    }
    r.0.is_empty().then_some(VectorFile { hash, vectors })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.0.split_at_checked(n)?;
        self.0 = tail;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
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

/// The vectors of each topic's texts.
#[derive(Debug, Clone)]
pub struct TopicVectors {
    /// Per topic, the vectors of its texts (none for red-flag topics: those are reached only
    /// through their triggers).
    per_topic: Vec<Vec<&'static [f32]>>,
    /// Per topic, how many of its texts are its title and example questions (the rest are
    /// answer sentences).
    asked: Vec<usize>,
}

impl TopicVectors {
    /// The vectors of `topics` from the bundled file, or `None` when one of their texts has
    /// no vector there (content changed and the file was not regenerated, or another
    /// language's content).
    pub fn from_bundled(topics: &[Topic]) -> Option<TopicVectors> {
        Self::from_file(bundled()?, topics)
    }

    /// The vectors of `topics` from `file`, `None` when one of their texts has none.
    pub fn from_file(file: &'static VectorFile, topics: &[Topic]) -> Option<TopicVectors> {
        let per_topic = topics
            .iter()
            .map(|t| {
                if t.red_flag {
                    return Some(Vec::new());
                }
                topic_texts(t)
                    .iter()
                    .map(|text| file.vectors.get(text).map(Vec::as_slice))
                    .collect::<Option<Vec<_>>>()
            })
            .collect::<Option<Vec<_>>>()?;
        let asked = topics.iter().map(|t| 1 + t.questions.len()).collect();
        Some(TopicVectors { per_topic, asked })
    }

    /// The best cosine of `query` (a unit vector) with each topic's texts, in topic order
    /// (0 for a topic with no vectors).
    pub fn best_cosines(&self, query: &[f32]) -> Vec<f64> {
        self.best_cosines_of(query, true)
    }

    /// [`TopicVectors::best_cosines`], over the titles and example questions only unless
    /// `answers`.
    pub fn best_cosines_of(&self, query: &[f32], answers: bool) -> Vec<f64> {
        self.per_topic
            .iter()
            .zip(&self.asked)
            .map(|(vs, &asked)| {
                let n = if answers {
                    vs.len()
                } else {
                    asked.min(vs.len())
                };
                vs.iter()
                    .take(n)
                    .map(|v| cosine(query, v))
                    .fold(0.0, f64::max)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::faq::Faq;

    #[test]
    fn answers_split_into_sentences() {
        let s = answer_sentences(
            "In the fridge, 4 days. Count from expressing!\nThen freeze it. 4.5 °C is ok",
        );
        assert_eq!(
            s,
            [
                "In the fridge, 4 days.",
                "Count from expressing!",
                "Then freeze it.",
                "4.5 °C is ok"
            ]
        );
    }

    #[test]
    fn a_file_round_trips_and_a_damaged_one_is_refused() {
        let faq = Faq::bundled();
        let topics = &faq.topics()[..2];
        let bytes = encode(topics, "test model", |t| {
            Ok::<_, ()>(
                (0..DIMENSIONS)
                    .map(|i| (i + t.len()) as f32 / 1000.0)
                    .collect(),
            )
        })
        .unwrap();
        let file = decode(&bytes).unwrap();
        assert_eq!(file.hash, content_hash(topics, "test model"));
        assert_ne!(file.hash, content_hash(topics, "another model"));
        let title = topics[0].title.trim();
        let v = &file.vectors[title];
        assert!((v[3] - (3 + title.len()) as f32 / 1000.0).abs() < 1e-3);
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(decode(&extra).is_none());
        assert!(decode(b"MILKVEC2").is_none());
    }

    #[test]
    fn the_best_cosine_per_topic_is_its_closest_text() {
        let faq = Faq::bundled();
        let topics: Vec<Topic> = faq
            .topics()
            .iter()
            .filter(|t| !t.red_flag)
            .take(2)
            .cloned()
            .collect();
        // Each text's vector points along one axis: its index in the file.
        let mut n = 0;
        let bytes = encode(&topics, "axes", |_| {
            let mut v = vec![0.0; DIMENSIONS];
            v[n % DIMENSIONS] = 1.0;
            n += 1;
            Ok::<_, ()>(v)
        })
        .unwrap();
        let file: &'static VectorFile = Box::leak(Box::new(decode(&bytes).unwrap()));
        let vectors = TopicVectors::from_file(file, &topics).unwrap();
        // A query along the first topic's title axis is 1 from it and 0 from the other.
        let mut q = vec![0.0; DIMENSIONS];
        q[0] = 1.0;
        assert_eq!(vectors.best_cosines(&q), vec![1.0, 0.0]);
        // Halfway between the title of one and a text of the other: 0.6 and 0.8.
        let second = topic_texts(&topics[0]).len();
        let mut q = vec![0.0; DIMENSIONS];
        q[0] = 0.6;
        q[second] = 0.8;
        let best = vectors.best_cosines(&q);
        assert!(
            (best[0] - 0.6).abs() < 1e-3 && (best[1] - 0.8).abs() < 1e-3,
            "{best:?}"
        );
        // A content with a text the file lacks gets no vectors.
        let mut changed = topics.clone();
        changed[0]
            .questions
            .push("a question nobody embedded".to_owned());
        assert!(TopicVectors::from_file(file, &changed).is_none());
    }
}
