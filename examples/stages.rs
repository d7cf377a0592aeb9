//! Times each analysis stage on one core over a corpus (default ../shared/corpora), so the
//! slow stage is visible without a profiler. Each stage's figure is the fastest of several
//! rounds: this machine is noisy, and the fastest round is the one least disturbed. Run:
//! `cargo run --release --example stages -- [DIR] [ROUNDS]`
#[path = "../benches/support/allocator.rs"]
mod allocator;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use quire::analysis::{aliases, entities, gazetteer, quotes, speakers, tokens};
use quire::corpus::{clean::clean, load_paths, meta, LoadOptions};

const STAGES: [&str; 8] = [
    "clean",
    "meta",
    "tokenize",
    "mentions",
    "quotes",
    "link",
    "tokenize2",
    "speakers",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let loaded = load_paths(&[dir], &LoadOptions::default());
    let docs = loaded.documents;
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let g = gazetteer::gazetteer();
    // Compile the lazily built patterns before timing.
    if let Some(d) = docs.first() {
        let _ = meta::extract(&clean(&d.raw), &d.raw, &d.path, &|s| g.is_place(s));
    }
    let mut best = [Duration::MAX; 8];
    for _ in 0..rounds {
        let mut times = [Duration::ZERO; 8];
        let mut lap = |i: usize, t: &mut Instant| {
            times[i] += t.elapsed();
            *t = Instant::now();
        };
        let mut cleaned_all = Vec::new();
        let mut mentions_all = Vec::new();
        let mut directs = Vec::new();
        for d in &docs {
            let mut t = Instant::now();
            let cleaned = clean(&d.raw);
            lap(0, &mut t);
            let _meta = meta::extract(&cleaned, &d.raw, &d.path, &|s| g.is_place(s));
            lap(1, &mut t);
            let toks = tokens::tokenize(&cleaned.text);
            lap(2, &mut t);
            let mentions = entities::find_mentions(&cleaned.text, &toks);
            lap(3, &mut t);
            let direct = quotes::find_quotes(&cleaned.text, &cleaned.paragraphs);
            lap(4, &mut t);
            cleaned_all.push(cleaned);
            mentions_all.push(mentions);
            directs.push(direct);
        }
        let mut t = Instant::now();
        let inputs: Vec<(&str, &[entities::Mention])> = cleaned_all
            .iter()
            .zip(&mentions_all)
            .map(|(c, m)| (c.text.as_str(), m.as_slice()))
            .collect();
        let linked = aliases::link(&inputs);
        lap(5, &mut t);
        for (k, c) in cleaned_all.iter().enumerate() {
            let mut t = Instant::now();
            let toks = tokens::tokenize(&c.text);
            let sentences = tokens::sentences(&c.text, &toks);
            lap(6, &mut t);
            let view = speakers::ArticleView {
                text: &c.text,
                tokens: &toks,
                sentences: &sentences,
                paragraphs: &c.paragraphs,
                mentions: &mentions_all[k],
                kinds: &linked.mention_kind[k],
                entity: &linked.mention_entity[k],
            };
            let _ = speakers::attribute(&view, &directs[k]);
            lap(7, &mut t);
        }
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let total: Duration = best.iter().sum();
    println!(
        "{} docs, {:.1} MB, fastest of {rounds} rounds (link uses every core)",
        docs.len(),
        bytes as f64 / 1e6
    );
    for (name, d) in STAGES.iter().zip(best) {
        println!(
            "{name:>10} {:>8.1} ms {:>5.1}% {:>7.1} MB/s",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total.as_secs_f64(),
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
    println!(
        "total {:.1} ms, {:.1} MB/s",
        total.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / total.as_secs_f64()
    );
}
