//! Speed of the FAQ matcher: one `ask` per question of the evaluation set, and building the
//! index from `content/faq.toml`. Run with `cargo bench --bench faq`.
//!
//! `ask/eval-set` asks every tuning question once per iteration; criterion reports the
//! time per question as well (throughput in elements). The single-question benchmarks show
//! the spread: a clean question, one full of typos, an off-topic one and a very long one.
//!
//! `model` (printed before criterion runs) measures the sentence-embedding model: load time
//! from the embedded bytes, time per question with the model (embedding + fused match, as the
//! bot answers an English question), and resident memory before loading, idle with the model
//! loaded, and after 1,000 questions; min/median/max of each time.

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

/// min / median / max of `xs` in milliseconds.
fn spread(xs: &mut [f64]) -> String {
    xs.sort_by(f64::total_cmp);
    let at = |i: usize| xs.get(i).copied().unwrap_or(0.0);
    let (min, mid, max) = (at(0), at(xs.len() / 2), at(xs.len().saturating_sub(1)));
    format!("min {min:.2} / median {mid:.2} / max {max:.2}")
}

/// Resident memory of this process in MiB (Linux), 0 elsewhere.
fn rss_mib() -> f64 {
    status_mib("VmRSS:")
}

/// The most this process has held resident since [`reset_peak`], in MiB (Linux).
fn peak_mib() -> f64 {
    status_mib("VmHWM:")
}

/// Starts the peak ([`peak_mib`]) afresh from what is resident now (Linux 4.0 and later).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A figure of `/proc/self/status` in MiB, 0 when it cannot be read.
fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn model(_: &mut Criterion) {
    use milkbot::embedding::Embedder;
    let faq = Faq::bundled();
    let questions = questions();
    let before = rss_mib();
    reset_peak();
    let started = std::time::Instant::now();
    let model = match Embedder::load() {
        Ok(m) => m,
        Err(e) => {
            println!("model: cannot load: {e}");
            return;
        }
    };
    let mut loads = vec![started.elapsed().as_secs_f64() * 1000.0];
    let (idle, load_peak) = (rss_mib(), peak_mib());
    let mut per_question = Vec::with_capacity(1000);
    for q in questions.iter().cycle().take(1000) {
        let started = std::time::Instant::now();
        let v = model.embed(black_box(q)).ok();
        black_box(faq.ask_with(q, v.as_deref()));
        per_question.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let after = rss_mib();
    // The same questions embedded alone and in batches, as the model's thread takes them
    // under load (time per question; the embedding only).
    let mut batched = Vec::new();
    for size in [1, 4, 16] {
        let mut per = Vec::new();
        for chunk in questions.chunks(size).take(480 / size) {
            let texts: Vec<&str> = chunk.iter().map(String::as_str).collect();
            let started = std::time::Instant::now();
            black_box(model.embed_batch(black_box(&texts)).is_ok());
            per.push(started.elapsed().as_secs_f64() * 1000.0 / texts.len() as f64);
        }
        batched.push((size, spread(&mut per)));
    }
    drop(model);
    // Four more loads for the spread (after the memory figures: each load allocates anew).
    for _ in 0..4 {
        let started = std::time::Instant::now();
        black_box(Embedder::load().is_ok());
        loads.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    println!("model load (ms): {}", spread(&mut loads));
    println!(
        "question with the model (ms): {}",
        spread(&mut per_question)
    );
    for (size, figures) in batched {
        println!("embedding per question, batches of {size:>2} (ms): {figures}");
    }
    println!(
        "resident memory: {before:.0} MiB before loading, at most {load_peak:.0} MiB while \
         loading, {idle:.0} MiB idle with the model, {after:.0} MiB after 1,000 questions"
    );
}

criterion_group!(benches, model, ask, build);
criterion_main!(benches);
