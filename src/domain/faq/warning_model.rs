//! The second net for warning signs: a learned model that reads a message for a warning sign
//! the red-flag triggers missed because nobody listed its words ("his chest sucks in under
//! the ribs", "иногда думаю что малому без меня было бы лучше").
//!
//! One multinomial logistic regression per language, over hashed features of the message:
//! its words, its word pairs and the 3- to 5-letter pieces of each word with a space either
//! side (so "temperatura" and "temperaturita", "сцеживаю" and "сцедила" share most pieces), all
//! present-or-absent, scaled to unit length. Classes: no warning sign, and each red-flag topic.
//! It learned from the tuning data only (see `tools/train_warning_model.py`, which writes
//! `content/warning-model.bin`); here it is only applied.
//!
//! Format (little-endian): the magic line, the 32-byte SHA-256 of the script's inputs, u8
//! hash bits, u8 languages; per language: u8 length and code, u8 classes, per class u8 length
//! and id (the first is "(none)"), the biases (f32 per class), the weights (f16, per hash
//! bucket one per class), then u16 probes, per probe u16 length, the text and the probability
//! of a warning sign that the script computed (the tests check that these features are the
//! script's).

use std::sync::LazyLock;

use half::f16;

use super::Faq;
use super::bytes::Reader;
use super::query::Query;
use crate::domain::Lang;

/// From this probability of a warning sign the model's reading outranks a confident answer
/// (calibrated on the training script's cross-validated figures, `--folds`).
pub const WARNING_SURE: f64 = 0.9;
/// From this probability it outranks "not sure" and "not my subject".
pub const WARNING_LIKELY: f64 = 0.6;

/// A clause of a question is read on its own for a warning sign from this many words (see
/// `Faq::warning_reading`).
pub const CLAUSE_WORDS: usize = 3;

/// The checked-in model.
pub const BUNDLED: &[u8] = include_bytes!("../../../content/warning-model.bin");
const MAGIC: &[u8] = b"milkbot warning model 1\n";

/// One language's model.
#[derive(Debug, Clone)]
pub struct WarningModel {
    bits: u32,
    /// The red-flag topic ids, in class order (class 0, no warning sign, is not among them).
    topics: Vec<String>,
    /// Per class.
    bias: Vec<f32>,
    /// Per hash bucket, one weight per class.
    weights: Vec<f32>,
    /// Texts with the probability of a warning sign the training script gave them.
    pub probes: Vec<(String, f32)>,
}

/// What the model reads in a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading<'m> {
    /// The probability that the message tells of a warning sign (any of them).
    pub warning: f64,
    /// The most likely red-flag topic.
    pub topic: &'m str,
}

/// The bundled file, parsed once: its inputs' hash and a model per language, or `None` when
/// it is malformed.
pub static BUNDLED_MODELS: LazyLock<Option<ModelFile>> = LazyLock::new(|| decode(BUNDLED));

/// A parsed model file.
#[derive(Debug, Clone)]
pub struct ModelFile {
    pub hash: [u8; 32],
    pub models: Vec<(Lang, WarningModel)>,
}

impl ModelFile {
    /// The model of `lang`, if the file has one.
    pub fn of(&self, lang: Lang) -> Option<&WarningModel> {
        self.models.iter().find(|(l, _)| *l == lang).map(|(_, m)| m)
    }
}

impl WarningModel {
    /// The red-flag topics this model can name.
    pub fn topics(&self) -> &[String] {
        &self.topics
    }

    /// What the model reads in `text`; `None` for a text with no word.
    pub fn read(&self, text: &str) -> Option<Reading<'_>> {
        let classes = self.bias.len();
        let buckets = feature_hashes(text)
            .into_iter()
            .map(|h| (h & ((1u64 << self.bits) - 1)) as usize)
            .collect::<Vec<_>>();
        if buckets.is_empty() {
            return None;
        }
        let scale = 1.0 / (buckets.len() as f64).sqrt();
        let mut logits: Vec<f64> = self.bias.iter().map(|&b| f64::from(b)).collect();
        for b in buckets {
            let row = self.weights.get(b * classes..(b + 1) * classes)?;
            for (z, &w) in logits.iter_mut().zip(row) {
                *z += scale * f64::from(w);
            }
        }
        let top = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = logits.iter().map(|z| (z - top).exp()).collect();
        let sum: f64 = exp.iter().sum();
        let none = exp.first().copied().unwrap_or(0.0) / sum;
        let (best, _) = exp
            .iter()
            .enumerate()
            .skip(1)
            .max_by(|a, b| a.1.total_cmp(b.1))?;
        Some(Reading {
            warning: 1.0 - none,
            topic: self.topics.get(best - 1)?,
        })
    }
}

impl Faq {
    /// The red-flag topic (its index) the learned net reads in `question`, and how likely
    /// a warning sign is (0..1): the most worrying reading of the whole question and of each
    /// of its clauses (split at `.,;!?` and line breaks) of at least [`CLAUSE_WORDS`] words
    /// (a clause's reading from [`WARNING_SURE`] only), so that a warning sign said in passing
    /// beside a storage question ("her lips look purple, how long does milk keep in the
    /// fridge") counts as it would alone. A reading is dropped when the text it read names
    /// what one of that topic's triggers excludes (`!@concept`: red nipples are no blood in
    /// the milk; the fridge's temperature is no fever): the content's own knowledge of a
    /// harmless reading. A clause answers for itself only, so a harmless word elsewhere in
    /// the message ("can i refreeze thawed milk? everyone would be better off if i
    /// disappeared") does not silence it.
    pub(super) fn warning_reading(&self, question: &str, whole: &Query) -> Option<(usize, f64)> {
        let model = self.warnings?;
        let clauses = question
            .split(['.', ',', ';', '!', '?', '\n'])
            .filter(|c| c.split_whitespace().count() >= CLAUSE_WORDS);
        // A clause has fewer words to go on: its reading counts only when sure.
        let pieces = std::iter::once((question, false)).chain(clauses.map(|c| (c, true)));
        pieces
            .filter_map(|(text, clause)| {
                let floor = if clause { WARNING_SURE } else { 0.0 };
                let reading = model.read(text).filter(|r| r.warning >= floor)?;
                let i = self.topics.iter().position(|t| t.id == reading.topic)?;
                let harmless = if clause {
                    self.index.harmless_for(&self.index.analyse(text), i)
                } else {
                    self.index.harmless_for(whole, i)
                };
                (!harmless).then_some((i, reading.warning))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// The words of `text` as the training script sees them: lowercase, apostrophes dropped,
/// Spanish accents and `ё` folded, every other character that is not a letter or digit a
/// space.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ё' => 'е',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().map(str::to_owned).collect()
}

/// The FNV-1a hashes of the distinct features of `text` (see [`features`]), without
/// writing any of them out.
fn feature_hashes(text: &str) -> Vec<u64> {
    let words = words(text);
    let mut hashes = Vec::with_capacity(words.len() * 16);
    let mut padded: Vec<char> = Vec::new();
    for w in &words {
        hashes.push(fnv1a_parts(["w ", w.as_str()]));
        padded.clear();
        padded.push(' ');
        padded.extend(w.chars());
        padded.push(' ');
        for n in 3..=5 {
            for piece in padded.windows(n) {
                let h = piece.iter().fold(fnv1a("c "), |h, &c| {
                    fnv1a_continue(h, c.encode_utf8(&mut [0; 4]))
                });
                hashes.push(h);
            }
        }
    }
    for pair in words.windows(2) {
        if let [a, b] = pair {
            hashes.push(fnv1a_parts(["b ", a.as_str(), " ", b.as_str()]));
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The distinct features of `text`: "w word", "b word next" and "c piece" (the reference
/// [`feature_hashes`] is checked against).
#[cfg(test)]
fn features(text: &str) -> std::collections::BTreeSet<String> {
    let words = words(text);
    let mut out = std::collections::BTreeSet::new();
    for w in &words {
        out.insert(format!("w {w}"));
        let padded: Vec<char> = format!(" {w} ").chars().collect();
        for n in 3..=5 {
            for piece in padded.windows(n) {
                out.insert(format!("c {}", piece.iter().collect::<String>()));
            }
        }
    }
    for pair in words.windows(2) {
        if let [a, b] = pair {
            out.insert(format!("b {a} {b}"));
        }
    }
    out
}

/// FNV-1a, 64 bits, of the UTF-8 bytes (what the script hashes with).
fn fnv1a(s: &str) -> u64 {
    fnv1a_continue(0xcbf2_9ce4_8422_2325, s)
}

/// FNV-1a of the concatenation of `parts`.
fn fnv1a_parts<const N: usize>(parts: [&str; N]) -> u64 {
    parts
        .iter()
        .fold(fnv1a(""), |h, part| fnv1a_continue(h, part))
}

/// FNV-1a carried on over more bytes.
fn fnv1a_continue(h: u64, s: &str) -> u64 {
    s.bytes().fold(h, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A text after its u8 byte length.
fn text8<'a>(r: &mut Reader<'a>) -> Option<&'a str> {
    let len = usize::from(r.u8()?);
    r.text(len)
}

/// Reads a model file; `None` when it is malformed.
pub fn decode(bytes: &[u8]) -> Option<ModelFile> {
    let mut r = Reader(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let hash: [u8; 32] = r.take(32)?.try_into().ok()?;
    let bits = u32::from(r.u8()?);
    if !(1..=20).contains(&bits) {
        return None;
    }
    let langs = r.u8()?;
    let mut models = Vec::new();
    for _ in 0..langs {
        let lang = Lang::from_code(text8(&mut r)?)?;
        let classes = usize::from(r.u8()?);
        let mut ids = Vec::with_capacity(classes);
        for _ in 0..classes {
            ids.push(text8(&mut r)?.to_owned());
        }
        let bias = (0..classes).map(|_| r.f32()).collect::<Option<Vec<_>>>()?;
        let weights = r
            .take((1usize << bits) * classes * 2)?
            .chunks_exact(2)
            .map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32())
            .collect();
        let mut probes = Vec::new();
        for _ in 0..r.u16()? {
            let len = usize::from(r.u16()?);
            let text = r.text(len)?.to_owned();
            probes.push((text, r.f32()?));
        }
        if classes < 2 {
            return None;
        }
        let topics = ids.split_off(1);
        models.push((
            lang,
            WarningModel {
                bits,
                topics,
                bias,
                weights,
                probes,
            },
        ));
    }
    r.is_done().then_some(ModelFile { hash, models })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_the_script_does() {
        assert_eq!(
            words("Tengo 38,5 de fiebre, ¡ÑANDÚ! l'été 😣 Ёлка"),
            ["tengo", "38", "5", "de", "fiebre", "nandu", "lete", "елка"]
        );
    }

    #[test]
    fn features_are_words_pairs_and_padded_pieces() {
        let f = features("Hot  lump");
        for want in [
            "w hot",
            "w lump",
            "b hot lump",
            "c  ho",
            "c hot ",
            "c  lum",
            "c ump ",
        ] {
            assert!(f.contains(want), "{want:?} in {f:?}");
        }
        // "hot" padded is " hot ": 3 pieces of 3, 2 of 4, 1 of 5; "lump" 4 + 3 + 2.
        assert_eq!(f.len(), 2 + 1 + 6 + 9);
        assert!(features("!!! 😣").is_empty());
    }

    #[test]
    fn the_hashes_are_those_of_the_written_features() {
        for text in [
            "Hot  lump",
            "малыш почти не писает и всё время спит",
            "Tengo 38,5 de fiebre, ¡ÑANDÚ! 😣",
            "",
        ] {
            let mut want: Vec<u64> = features(text).iter().map(|f| fnv1a(f)).collect();
            want.sort_unstable();
            assert_eq!(feature_hashes(text), want, "{text:?}");
        }
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of FNV-1a 64.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_bundled_file_reads_its_probes_as_the_script_did() {
        let Some(file) = BUNDLED_MODELS.as_ref() else {
            panic!("content/warning-model.bin is malformed");
        };
        for lang in [Lang::En, Lang::Es, Lang::Ru] {
            let Some(model) = file.of(lang) else {
                panic!("no {} model", lang.code())
            };
            assert!(!model.probes.is_empty());
            for (text, want) in &model.probes {
                let got = model.read(text).map_or(0.0, |r| r.warning);
                assert!(
                    (got - f64::from(*want)).abs() < 1e-4,
                    "{}: {text:?} {got} against the script's {want}",
                    lang.code()
                );
            }
        }
    }

    /// The files `tools/train_warning_model.py` learns from, in the order it hashes them.
    const INPUTS: [&[u8]; 13] = [
        include_bytes!("../../../content/faq.toml"),
        include_bytes!("../../../tests/data/faq_tuning.toml"),
        include_bytes!("../../../tests/data/faq_safety_tuning.toml"),
        include_bytes!("../../../tests/data/warning_signs.toml"),
        include_bytes!("../../../content/faq.es.toml"),
        include_bytes!("../../../tests/data/faq_tuning.es.toml"),
        include_bytes!("../../../tests/data/faq_safety_tuning.es.toml"),
        include_bytes!("../../../tests/data/warning_signs.es.toml"),
        include_bytes!("../../../content/faq.ru.toml"),
        include_bytes!("../../../tests/data/faq_tuning.ru.toml"),
        include_bytes!("../../../tests/data/faq_safety_tuning.ru.toml"),
        include_bytes!("../../../tests/data/warning_signs.ru.toml"),
        include_bytes!("../../../tools/train_warning_model.py"),
    ];

    #[test]
    fn the_bundled_model_learned_from_the_files_of_today() {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for bytes in INPUTS {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        let Some(file) = BUNDLED_MODELS.as_ref() else {
            panic!("content/warning-model.bin is malformed");
        };
        assert!(
            h.finalize().as_slice() == file.hash,
            "content/warning-model.bin is stale: the content or a training list changed. \
             Run tools/train_warning_model.py (its header says how)."
        );
    }

    #[test]
    fn the_bundled_faqs_use_the_model() {
        for lang in [Lang::En, Lang::Es, Lang::Ru] {
            let faq = super::super::Faq::bundled_for(lang);
            assert!(faq.warnings.is_some(), "{}", lang.code());
        }
    }

    #[test]
    fn a_truncated_or_foreign_file_is_refused() {
        assert!(decode(BUNDLED).is_some());
        assert!(decode(&BUNDLED[..BUNDLED.len() - 1]).is_none());
        assert!(decode(b"not a model").is_none());
        let mut longer = BUNDLED.to_vec();
        longer.push(0);
        assert!(decode(&longer).is_none());
    }
}
