//! Linking over a real corpus of thousands of articles (BBC News 2005, read from ../shared at
//! test time, never committed): names that merely look alike must not chain into one entity.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use quire::analysis::analyse;
use quire::corpus::{load_paths, LoadOptions};

/// On 2,225 BBC articles, one "entity" once held Gordon Brown, Dan Brown, Bayern and 30 other
/// forms, and the United States held Andy Roddick and Philip Roth. A real entity has a handful
/// of spellings.
#[test]
fn entities_of_a_real_corpus_do_not_chain_unrelated_names() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc-news-2005/articles");
    if !dir.is_dir() {
        eprintln!("skipped: {} is not here", dir.display());
        return;
    }
    let corpus = analyse(load_paths(&[dir], &LoadOptions::default()).documents);
    assert!(corpus.articles.len() > 2000, "{}", corpus.articles.len());
    let widest = corpus
        .entities
        .iter()
        .max_by_key(|e| e.aliases.len())
        .unwrap();
    assert!(
        widest.aliases.len() <= 20,
        "{} has {} forms: {:?}",
        widest.name,
        widest.aliases.len(),
        widest.aliases
    );
    let brown = |name: &str| {
        corpus
            .entities
            .iter()
            .position(|e| e.aliases.iter().any(|a| a == name))
    };
    if let (Some(gordon), Some(dan)) = (brown("Gordon Brown"), brown("Dan Brown")) {
        assert_ne!(gordon, dan, "Gordon Brown is not Dan Brown");
    }
}
