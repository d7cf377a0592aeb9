//! Fuzzy search over titles, quotes and entity names with fuzzy-matcher's Skim scoring: a
//! query in, ranked hits with matched character positions out. Multi-word queries match
//! every word, in any order; case and accents are folded. It knows nothing about the terminal.
//! [`fold`] does the folding, [`FuzzyIndex`] the searching.

pub mod fold;
mod index;

pub use index::{FuzzyIndex, Order, Ranked, Searcher};

/// One ranked hit: the candidate's index, its score, and the matched character positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}
