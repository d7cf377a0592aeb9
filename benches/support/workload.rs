//! The quote workload shared by the search benchmark and examples/gen_corpus: the quotes
//! quire finds in the real articles of ../shared/corpora (never committed), repeated with a
//! running number until there are a million distinct strings, as a year of coverage of one
//! story repeats its quotes across outlets. Falls back to the bundled seeds.

use std::path::Path;

use quire::analysis::analyse;
use quire::corpus::{load_paths, seeds, LoadOptions};

/// `count` quote strings, each "QUOTE — SPEAKER (N)".
pub fn quote_strings(count: usize) -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let mut documents = load_paths(&[shared], &LoadOptions::default()).documents;
    if documents.is_empty() {
        documents = seeds().documents;
    }
    let corpus = analyse(documents);
    let distinct: Vec<String> = corpus
        .articles
        .iter()
        .flat_map(|a| {
            a.quotes.iter().map(move |q| {
                format!(
                    "{} — {}",
                    a.quote_text(q).replace('\n', " "),
                    q.speaker.as_deref().unwrap_or("unknown")
                )
            })
        })
        .collect();
    (0..count)
        .map(|i| format!("{} ({})", distinct[i % distinct.len()], i / distinct.len()))
        .collect()
}
