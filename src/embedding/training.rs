//! Learning the topic classifier ([`crate::domain::faq::classifier`]) from sentence vectors:
//! a softmax regression fitted with candle's autograd and plain gradient descent, exactly as
//! [`TRAINING_ID`] describes (so a change here must change that id, which makes the checked-in
//! file stale). Deterministic: full-batch steps from zero weights.

use candle_core::{DType, Device, Tensor, Var};
use candle_nn::Optimizer;
use candle_nn::optim::SGD;

use super::EmbedError;
pub use crate::domain::faq::classifier::TRAINING_ID;
use crate::domain::faq::classifier::{Classifier, Examples};

/// The logits are this times the dot product of weights and vector, plus the bias: unit
/// vectors have small dot products, and a larger scale lets the probabilities sharpen.
const LOGIT_SCALE: f64 = 10.0;
/// The L2 penalty on the weights (half of it times their squared norm is added to the loss).
const L2: f64 = 0.001;
/// Gradient descent: this many full-batch steps of this rate.
const STEPS: usize = 100;
const LEARNING_RATE: f64 = 2.0;

/// A classifier learned from `examples` (see the module documentation).
pub fn train_classifier(examples: &Examples) -> Result<Classifier, EmbedError> {
    let classes = examples.classes.len();
    let dims = examples.vectors.first().map_or(0, Vec::len);
    if classes == 0 || dims == 0 || examples.labels.len() != examples.vectors.len() {
        return Err(EmbedError("no examples to learn from".to_owned()));
    }
    if examples.vectors.iter().any(|v| v.len() != dims)
        || examples.labels.iter().any(|&l| l >= classes)
    {
        return Err(EmbedError("malformed examples".to_owned()));
    }
    let device = Device::Cpu;
    let flat: Vec<f32> = examples.vectors.concat();
    let x = Tensor::from_vec(flat, (examples.vectors.len(), dims), &device)?;
    let labels: Vec<u32> = examples.labels.iter().map(|&l| l as u32).collect();
    let y = Tensor::from_vec(labels, examples.labels.len(), &device)?;
    let w = Var::zeros((dims, classes), DType::F32, &device)?;
    let b = Var::zeros(classes, DType::F32, &device)?;
    let mut sgd = SGD::new(vec![w.clone(), b.clone()], LEARNING_RATE)?;
    for _ in 0..STEPS {
        let logits = (x.matmul(w.as_tensor())? * LOGIT_SCALE)?.broadcast_add(b.as_tensor())?;
        let loss = candle_nn::loss::cross_entropy(&logits, &y)?;
        let penalty = (w.as_tensor().sqr()?.sum_all()? * (L2 / 2.0))?;
        sgd.backward_step(&(loss + penalty)?)?;
    }
    // One row per class, the scale folded in.
    let weights = (w.as_tensor().t()? * LOGIT_SCALE)?
        .contiguous()?
        .flatten_all()?
        .to_vec1::<f32>()?;
    let bias = b.as_tensor().to_vec1::<f32>()?;
    Ok(Classifier {
        classes: examples.classes.clone(),
        weights,
        bias,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of the largest value.
    fn argmax(values: &[f64]) -> Option<usize> {
        values
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i)
    }

    /// Two classes of points on either side of a plane, and a third near a corner.
    fn toy() -> Examples {
        let mut ex = Examples {
            classes: vec!["left".into(), "right".into(), "corner".into()],
            vectors: Vec::new(),
            labels: Vec::new(),
        };
        for i in 0..8 {
            let t = i as f32 / 10.0;
            ex.vectors.push(vec![-0.8, t, 0.2]);
            ex.labels.push(0);
            ex.vectors.push(vec![0.8, t, 0.2]);
            ex.labels.push(1);
            ex.vectors.push(vec![0.1, -0.2, 0.9 - t / 4.0]);
            ex.labels.push(2);
        }
        ex
    }

    #[test]
    fn it_learns_to_tell_classes_apart() {
        let c = train_classifier(&toy()).unwrap();
        assert_eq!(c.classes.len(), 3);
        assert_eq!(c.weights.len(), 9);
        for (v, want) in [
            (vec![-0.9, 0.3, 0.1], 0),
            (vec![0.9, 0.5, 0.1], 1),
            (vec![0.0, -0.3, 0.95], 2),
        ] {
            let p = c.probabilities(&v).unwrap();
            assert_eq!(argmax(&p), Some(want), "{v:?}: {p:?}");
            assert!(p[want] > 0.6, "{v:?}: {p:?}");
        }
    }

    #[test]
    fn training_is_deterministic_and_refuses_malformed_examples() {
        assert_eq!(
            train_classifier(&toy()).unwrap(),
            train_classifier(&toy()).unwrap()
        );
        let mut bad = toy();
        bad.labels[0] = 7;
        assert!(train_classifier(&bad).is_err());
        let mut ragged = toy();
        ragged.vectors[3].push(0.0);
        assert!(train_classifier(&ragged).is_err());
        let empty = Examples {
            classes: Vec::new(),
            vectors: Vec::new(),
            labels: Vec::new(),
        };
        assert!(train_classifier(&empty).is_err());
    }

    /// A question that names none of its topic's keywords, left out of the index and asked with
    /// its own sentence vector (from `content/faq-vectors.bin`), judged by a classifier trained
    /// without it: the meaning clearly favours the topic and the fused confidence is high, so
    /// it is answered; without that rule (`Policy::meaning_lead`), or by words alone, it is not.
    #[test]
    fn the_meanings_clear_favourite_needs_no_keyword_named() {
        use crate::domain::faq::{Faq, Policy, Verdict, vectors};
        let without_rule = Policy {
            meaning_lead: 2.0,
            ..Policy::FUSED
        };
        let file = vectors::bundled().expect("content/faq-vectors.bin is readable");
        let topics = Faq::bundled().topics();
        for (topic, q) in [
            ("warmed-milk", "how long is warmed milk good for"),
            (
                "power-cut",
                "my freezer stopped working and some bags are soft",
            ),
        ] {
            let at = topics.iter().position(|t| t.id == topic).unwrap();
            let i = topics[at].questions.iter().position(|e| e == q).unwrap();
            let not_ours = Faq::bundled().not_ours();
            let examples = file
                .examples(topics, not_ours, |t, j| (t, j) == (at, i))
                .unwrap();
            let left_out = Faq::from_toml_without(Faq::bundled_source(), Some((topic, i)))
                .unwrap()
                .with_classifier(train_classifier(&examples).unwrap())
                .unwrap();
            let v = &file.vectors[q];
            let r = left_out.ask_tuned(q, Some(v), &Policy::FUSED);
            assert_eq!(r.verdict, Verdict::Answer, "{q:?}: {r:?}");
            assert_eq!(r.topic.map(|t| t.id.as_str()), Some(topic));
            let r = left_out.ask_tuned(q, Some(v), &without_rule);
            assert_ne!(r.verdict, Verdict::Answer, "{q:?} without the rule: {r:?}");
            assert_ne!(left_out.ask(q).verdict, Verdict::Answer, "{q:?} by words");
        }
    }

    /// The checked-in classifier is what training on the checked-in vectors gives (so
    /// `milkbot faq-vectors` was run after the last change of the training too).
    #[test]
    fn the_checked_in_classifier_is_the_trained_one() {
        use crate::domain::faq::{Faq, vectors};
        let file = vectors::bundled().expect("content/faq-vectors.bin is readable");
        let faq = Faq::bundled();
        let examples = file
            .examples(faq.topics(), faq.not_ours(), |_, _| false)
            .unwrap();
        let trained = train_classifier(&examples).unwrap();
        assert_eq!(trained.classes, file.classifier.classes);
        for v in examples.vectors.iter().step_by(37) {
            let (a, b) = (
                trained.probabilities(v).unwrap(),
                file.classifier.probabilities(v).unwrap(),
            );
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() < 1e-3, "{x} {y}");
            }
        }
    }
}
