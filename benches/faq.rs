//! Speed of the FAQ matcher: one `ask` per question of the evaluation set, and building the
//! index from `content/faq.toml`. Run with `cargo bench --bench faq`.
//!
//! `ask/eval-set` asks every evaluation question once per iteration; criterion reports the
//! time per question as well (throughput in elements). The single-question benchmarks show
//! the spread: a clean question, one full of typos, an off-topic one and a very long one.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use milkbot::domain::faq::Faq;

#[path = "../tests/e2e/faq_eval.rs"]
#[allow(dead_code)]
mod eval;

fn questions() -> Vec<&'static str> {
    eval::IN_SCOPE
        .iter()
        .map(|(q, _)| *q)
        .chain(eval::OUT_OF_SCOPE.iter().copied())
        .chain(eval::RED_FLAGS.iter().map(|(q, _)| *q))
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
