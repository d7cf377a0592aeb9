//! Quote search over one million quote strings (benches/support/workload.rs): quire's index
//! (complete ranked answer; the first partial answer; typing a query key by key), and in the
//! same run the references: nucleo-matcher scoring the same strings on all cores, `fzf
//! --filter` on the same strings when fzf is installed, and quire doing what one fzf process
//! does (read the list, index it, answer one query).
//!
//! Run: `cargo bench --bench search` (about four minutes).

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/workload.rs"]
mod workload;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use quire::search::{FuzzyIndex, Order, Searcher};
use rayon::prelude::*;

/// 1 to 12 characters, one to three words.
const QUERIES: [&str; 8] = [
    "g",
    "gov",
    "iraq",
    "kazimi",
    "minister",
    "prime min",
    "we will not",
    "government m",
];
const LIMIT: usize = 2000;

fn never() -> bool {
    false
}

/// nucleo-matcher over the same strings, converted once beforehand as nucleo stores them,
/// scored on all cores with the same top-k selection.
fn nucleo_top(quotes: &[Utf32String], query: &str) -> usize {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut scored: Vec<(u32, usize)> = quotes
        .par_iter()
        .enumerate()
        .map_init(
            || Matcher::new(Config::DEFAULT),
            |matcher, (i, quote)| pattern.score(quote.slice(..), matcher).map(|s| (s, i)),
        )
        .flatten()
        .collect();
    let total = scored.len();
    if scored.len() > LIMIT {
        scored.select_nth_unstable_by(LIMIT - 1, |a, b| b.cmp(a));
        scored.truncate(LIMIT);
    }
    scored.sort_unstable_by(|a, b| b.cmp(a));
    total
}

fn bench_quote_search(c: &mut Criterion) {
    let quotes = workload::quote_strings(1_000_000);
    let index = FuzzyIndex::new(&quotes, |q| vec![q.as_str()]);
    let mut group = c.benchmark_group("quote_search_1m");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for query in QUERIES {
        group.bench_with_input(BenchmarkId::new("quire", query), &query, |b, q| {
            b.iter(|| index.search(q, Order::Ranked { limit: LIMIT }, None, &never))
        });
    }
    let first: Vec<u32> = (0..100_000).collect();
    for query in QUERIES {
        group.bench_with_input(BenchmarkId::new("quire_partial", query), &query, |b, q| {
            b.iter(|| index.search(q, Order::Ranked { limit: LIMIT }, Some(&first), &never))
        });
    }
    // Typing "government m" key by key: each keystroke narrows the previous matches.
    let typed = "government m";
    group.bench_function(BenchmarkId::new("quire_typing_per_key", typed), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut searcher = Searcher::default();
                let start = std::time::Instant::now();
                for end in 1..=typed.len() {
                    searcher.search(
                        &index,
                        &typed[..end],
                        Order::Ranked { limit: LIMIT },
                        &never,
                    );
                }
                total += start.elapsed() / typed.len() as u32;
            }
            total
        })
    });
    let utf32: Vec<Utf32String> = quotes
        .iter()
        .map(|q| Utf32String::from(q.as_str()))
        .collect();
    for query in QUERIES {
        group.bench_with_input(BenchmarkId::new("nucleo", query), &query, |b, q| {
            b.iter(|| nucleo_top(&utf32, q))
        });
    }
    drop(utf32);

    let list = std::env::temp_dir().join(format!("quire-quotes-{}.txt", std::process::id()));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&list).expect("temp file"));
    for quote in &quotes {
        writeln!(file, "{quote}").expect("write quote list");
    }
    file.flush().expect("write quote list");
    drop(file);
    if Command::new("fzf").arg("--version").output().is_ok() {
        for query in QUERIES {
            group.bench_with_input(BenchmarkId::new("fzf_filter", query), &query, |b, q| {
                b.iter(|| {
                    let input = std::fs::File::open(&list).expect("quote list");
                    Command::new("fzf")
                        .args(["--filter", q])
                        .stdin(input)
                        .stdout(Stdio::null())
                        .status()
                        .expect("fzf runs")
                })
            });
        }
    } else {
        eprintln!("fzf not installed: no fzf comparison (apt-get install fzf)");
    }
    // What one `fzf --filter` process does, done by quire: read, index, answer.
    for query in ["gov", "prime min"] {
        group.bench_with_input(BenchmarkId::new("quire_oneshot", query), &query, |b, q| {
            b.iter(|| {
                let text = std::fs::read_to_string(&list).expect("quote list");
                let lines: Vec<&str> = text.lines().collect();
                let index = FuzzyIndex::new(&lines, |l| vec![*l]);
                index.search(q, Order::Ranked { limit: LIMIT }, None, &never)
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_file(&list);

    let mut build = c.benchmark_group("quote_index_build_1m");
    build.sample_size(10);
    build.bench_function("fold_and_mask", |b| {
        b.iter(|| FuzzyIndex::new(&quotes, |q| vec![q.as_str()]))
    });
    build.finish();
}

criterion_group!(benches, bench_quote_search);
criterion_main!(benches);
