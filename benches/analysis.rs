//! Throughput of the hot paths: analysing a corpus (MB/s, load + clean + quotes + speakers +
//! entities) and ranking quotes on a keystroke. Reads the shared corpora when present
//! (../shared/corpora, never committed); falls back to the bundled seeds.
//!
//! Also start-up through the analysis cache, cold and warm.
//!
//! Run: `cargo bench --bench analysis`

#[path = "support/allocator.rs"]
mod allocator;

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quire::analysis::analyse;
use quire::cache::{self, Progress};
use quire::corpus::{load_paths, seeds, Document, LoadOptions};
use quire::search::{FuzzyIndex, Order};

fn corpus_documents() -> (String, Vec<Document>) {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if shared.is_dir() {
        let loaded = load_paths(&[shared], &LoadOptions::default());
        if !loaded.documents.is_empty() {
            return ("shared-corpora".into(), loaded.documents);
        }
    }
    ("seeds".into(), seeds().documents)
}

fn bench_analysis(c: &mut Criterion) {
    let (name, documents) = corpus_documents();
    let bytes: usize = documents.iter().map(|d| d.raw.len()).sum();
    let mut group = c.benchmark_group("analyse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(BenchmarkId::new("corpus", &name), &documents, |b, docs| {
        b.iter(|| analyse(docs.clone()))
    });
    group.finish();
}

fn bench_quote_search(c: &mut Criterion) {
    let (name, documents) = corpus_documents();
    let corpus = analyse(documents);
    let quotes: Vec<String> = corpus
        .articles
        .iter()
        .flat_map(|a| a.quotes.iter().map(move |q| a.quote_text(q).to_string()))
        .collect();
    let index = FuzzyIndex::new(&quotes, |q| vec![q.as_str()]);
    let mut group = c.benchmark_group("quote_search");
    group.throughput(Throughput::Elements(quotes.len() as u64));
    for query in ["g", "gov", "government minister"] {
        group.bench_with_input(BenchmarkId::new(&name, query), &query, |b, query| {
            b.iter(|| index.search(query, Order::Ranked { limit: 2000 }, None, &|| false))
        });
    }
    group.finish();
}

/// Start-up to a usable list: loading through the analysis cache, cold (no cache: read,
/// analyse, write the cache) and warm (every file unchanged).
fn bench_startup(c: &mut Criterion) {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let paths = if shared.is_dir() {
        vec![shared]
    } else {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]
    };
    let options = LoadOptions::default();
    let dir = std::env::temp_dir().join(format!("quire-bench-cache-{}", std::process::id()));
    let cache = dir.join("corpus.bin");
    let progress = Progress::default();
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("cold", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&cache);
            cache::load(&paths, &options, &cache, &progress)
        })
    });
    cache::load(&paths, &options, &cache, &progress);
    group.bench_function("warm", |b| {
        b.iter(|| cache::load(&paths, &options, &cache, &progress))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench_analysis, bench_quote_search, bench_startup);
criterion_main!(benches);
