//! Speed of the FAQ matcher: one `ask` per question of the evaluation set, and building the
//! index from `content/faq.toml`. Run with `cargo bench --bench faq`.
//!
//! `ask/eval-set` asks every tuning question once per iteration; criterion reports the
//! time per question as well (throughput in elements). The single-question benchmarks show
//! the spread: a clean question, one full of typos, an off-topic one and a very long one.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use milkbot::domain::faq::Faq;

/// The tuning questions: every example question of the content, and the out-of-scope tuning
/// list (the frozen test set stays for the evaluation only).
fn questions() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Tuning {
        out_of_scope: Vec<String>,
    }
    let tuning: Tuning = match toml::from_str(include_str!("../tests/data/faq_tuning.toml")) {
        Ok(t) => t,
        Err(e) => panic!("tests/data/faq_tuning.toml: {e}"),
    };
    Faq::bundled()
        .topics()
        .iter()
        .flat_map(|t| t.questions.iter().cloned())
        .chain(tuning.out_of_scope)
        .collect()
}

fn ask(c: &mut Criterion) {
    let faq = Faq::bundled();
    let questions = questions();
    let mut group = c.benchmark_group("ask");
    group.throughput(Throughput::Elements(questions.len() as u64));
    group.bench_function("eval-set", |b| {
        b.iter(|| {
            for q in &questions {
                black_box(faq.ask(black_box(q)));
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    let long = "my fridge is a bit old and i am not sure how cold it is, ".repeat(20);
    for (name, q) in [
        ("clean", "how long does breast milk last in the fridge"),
        (
            "typos",
            "how long is brestmilk good in the refrigerater after i freezr it",
        ),
        (
            "off-topic",
            "recommend a good stroller for a newborn please",
        ),
        ("long", long.as_str()),
    ] {
        group.bench_function(name, |b| b.iter(|| black_box(faq.ask(black_box(q)))));
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let src = include_str!("../content/faq.toml");
    c.bench_function("build-index", |b| {
        b.iter(|| black_box(Faq::from_toml(black_box(src)).is_ok()))
    });
}

criterion_group!(benches, ask, build);
criterion_main!(benches);
