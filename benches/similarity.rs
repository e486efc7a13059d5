//! Pairs scored per second: all pairs among MSRP training sentences (from ../shared/eval when
//! present, else the seed articles' sentences), plus feature extraction per sentence, plus
//! word-vector lookups and word cosines over the same sentences' words.
//!
//! `cargo bench --bench similarity`; see docs/accuracy.md for the figures.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::pipeline::similarity::{vectors, Features, Scorer};

/// Up to `n` distinct sentences to compare.
fn sentences(n: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let msrp = root.join("../shared/eval/msrp/msr_paraphrase_train.txt");
    let mut out: Vec<String> = match std::fs::read_to_string(&msrp) {
        Ok(text) => text
            .lines()
            .skip(1)
            .flat_map(|l| {
                l.split('\t')
                    .skip(3)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect(),
        Err(_) => {
            eprintln!("skipped MSRP: ../shared/eval not found; using corpus/ukraine-plan");
            ["post.txt", "wsj.txt"]
                .iter()
                .filter_map(|f| {
                    std::fs::read_to_string(root.join("corpus/ukraine-plan").join(f)).ok()
                })
                .flat_map(|t| t.split(". ").map(str::to_string).collect::<Vec<_>>())
                .collect()
        }
    };
    out.truncate(n);
    out
}

fn bench(c: &mut Criterion) {
    let texts = sentences(400);
    let features: Vec<Features> = texts.iter().map(|t| Features::new(t)).collect();
    let scorer = Scorer::default();
    let pairs = (features.len() * (features.len() - 1) / 2) as u64;

    let mut group = c.benchmark_group("similarity");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pairs));
    group.bench_function("score_all_pairs", |b| {
        b.iter(|| {
            let mut sum = 0.0;
            for (i, a) in features.iter().enumerate() {
                for f in &features[i + 1..] {
                    sum += scorer.score(a, f).value;
                }
            }
            black_box(sum)
        })
    });
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("features_new", |b| {
        b.iter(|| {
            let n: usize = texts
                .iter()
                .map(|t| Features::new(t).index_terms().len())
                .sum();
            black_box(n)
        })
    });
    group.finish();
    bench_vectors(c, &texts);
}

/// Word-vector cost: one lookup per word (binary search, inflection fallback on a miss) and
/// one cosine per pair of looked-up vectors, next to `score_all_pairs` per pair.
fn bench_vectors(c: &mut Criterion, texts: &[String]) {
    let words: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let found: Vec<vectors::WordVector> = words.iter().filter_map(|w| vectors::vector(w)).collect();
    let mut group = c.benchmark_group("word_vectors");
    group.sample_size(10);
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("lookup", |b| {
        b.iter(|| {
            black_box(
                words
                    .iter()
                    .filter(|w| vectors::vector(w).is_some())
                    .count(),
            )
        })
    });
    let pairs = found.len() - 1;
    group.throughput(Throughput::Elements(pairs as u64));
    group.bench_function("cosine", |b| {
        b.iter(|| black_box(found.windows(2).map(|p| p[0].cosine(&p[1])).sum::<f32>()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
