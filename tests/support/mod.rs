//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

pub mod gold;
pub mod tui;

use std::path::{Path, PathBuf};

use quire::analysis::{analyse, Corpus};
use quire::corpus::{load_paths, seeds, LoadOptions};

/// The bundled seed corpus, analysed.
pub fn seeds_corpus() -> Corpus {
    analyse(seeds().documents)
}

/// The repository's root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Loads and analyses the given folder.
pub fn corpus_of(dir: &Path) -> Corpus {
    let loaded = load_paths(&[dir.to_path_buf()], &LoadOptions::default());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    analyse(loaded.documents)
}
