//! Segmentation throughput on about 1 MB of news text, next to plain UAX #29.
//!
//! Run: `cargo bench --features bench --bench segment` (criterion is behind the `bench`
//! feature so `cargo test` does not build it). The input is the seed articles in corpus/
//! repeated to at least 1 MB; throughput is reported in characters per second ("elem/s").

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::pipeline::document::parse_header;
use crosscheck::pipeline::segment::Segmenter;
use unicode_segmentation::UnicodeSegmentation;

fn news_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ukraine-plan");
    let mut seed = String::new();
    for name in ["wsj.txt", "post.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).expect("seed article");
        let (_, body_start) = parse_header(&text);
        seed.push_str(&text[body_start..]);
        seed.push_str("\n\n");
    }
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(&seed);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = news_text();
    let chars = text.chars().count() as u64;
    let segmenter = Segmenter::default();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Elements(chars));
    group.sample_size(30);
    group.bench_function("crosscheck", |b| {
        b.iter(|| segmenter.segment(black_box(&text), 0).len())
    });
    group.bench_function("uax29_split_sentence_bound_indices", |b| {
        b.iter(|| black_box(&text).split_sentence_bound_indices().count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
