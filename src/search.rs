//! Fuzzy ranking of short strings (titles, quotes, entity names) with fuzzy-matcher's Skim
//! algorithm: a query in, ranked hits with matched character positions out. Multi-word queries
//! match every word, in any order. It knows nothing about the terminal.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// One ranked hit: the candidate's index, its score, and the matched character positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

/// A reusable matcher (smart case: a query with capitals matches case-sensitively).
pub struct Ranker {
    matcher: SkimMatcherV2,
}

impl Default for Ranker {
    fn default() -> Self {
        Self {
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }
}

impl Ranker {
    /// Scores one candidate against every word of `query`; `None` when a word does not match.
    pub fn score(&self, candidate: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut positions = Vec::new();
        for word in query.split_whitespace() {
            let (score, mut pos) = self.matcher.fuzzy_indices(candidate, word)?;
            total += score;
            positions.append(&mut pos);
        }
        positions.sort_unstable();
        positions.dedup();
        Some((total, positions))
    }

    /// Scores a record of several fields (title, source, date, names): each query word must
    /// match inside one field, so a word is never spelled out across field boundaries.
    /// Positions are those in the first field.
    pub fn score_fields(&self, fields: &[String], query: &str) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut positions = Vec::new();
        for word in query.split_whitespace() {
            let (field, (score, pos)) = fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| self.matcher.fuzzy_indices(f, word).map(|m| (i, m)))
                .max_by_key(|(i, (score, _))| (*score, std::cmp::Reverse(*i)))?;
            total += score;
            if field == 0 {
                positions.extend(pos);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        Some((total, positions))
    }

    /// Ranks `candidates` against `query`, best first (ties keep corpus order). An empty
    /// query keeps every candidate in order.
    pub fn rank<'a>(&self, candidates: impl IntoIterator<Item = &'a str>, query: &str) -> Vec<Hit> {
        let query = query.trim();
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .enumerate()
            .filter_map(|(index, candidate)| {
                if query.is_empty() {
                    return Some(Hit {
                        index,
                        score: 0,
                        positions: Vec::new(),
                    });
                }
                self.score(candidate, query).map(|(score, positions)| Hit {
                    index,
                    score,
                    positions,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_in_any_order() {
        let ranker = Ranker::default();
        let items = [
            "Iran will not interfere",
            "relations with Turkey",
            "Iraq and Iran",
        ];
        let hits = ranker.rank(items, "iran iraq");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 2);
    }

    #[test]
    fn a_word_must_match_within_one_field() {
        let ranker = Ranker::default();
        let fields = [
            "Relations with Iran".to_string(),
            "Mohammad".to_string(),
            "Kermani".to_string(),
        ];
        assert!(ranker.score_fields(&fields, "mokhber").is_none());
        let (_, positions) = ranker.score_fields(&fields, "iran").unwrap();
        assert_eq!(positions, [15, 16, 17, 18]);
    }

    #[test]
    fn empty_query_keeps_all_in_order() {
        let ranker = Ranker::default();
        let hits = ranker.rank(["b", "a"], "  ");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0, 1]);
    }
}
