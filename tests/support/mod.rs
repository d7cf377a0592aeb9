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

/// Where the binary run by a test keeps its analysis cache: a folder of the tests' own, never
/// the user's cache (every test's temporary corpus would leave a cache file there).
pub fn test_cache_home() -> PathBuf {
    std::env::temp_dir().join("quire-tests-cache")
}

/// The quire binary, ready to run with the tests' own cache folder.
pub fn quire_command() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_quire"));
    command.env("XDG_CACHE_HOME", test_cache_home());
    command
}
