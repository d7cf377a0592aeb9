//! A search index over many records (quotes, articles, entities), built once and queried on
//! every keystroke. Each record has one or more fields (a quote's text and its speaker; an
//! article's title, source, date and names); every query word must match inside one field.
//!
//! The design follows what makes fzf fast, with fuzzy-matcher's Skim scoring kept as the
//! ranking: everything is folded once at build time ([`super::fold`]); each field carries a
//! 64-bit character mask, so one AND rejects most candidates; a byte-level subsequence test
//! rejects most of the rest before the scorer allocates anything; scoring runs in parallel
//! chunks that stop early when a newer query arrives; the best `limit` hits are selected
//! (not the whole list sorted), and only they get highlight positions. A query that extends
//! the previous one searches only the previous matches ([`Searcher`]).

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::fold::{char_mask, fold, fold_query, Folded};
use super::Hit;
use crate::corpus::text::narrow;

/// Candidates per parallel chunk: small enough that cancellation is prompt, large enough that
/// scheduling costs nothing.
const CHUNK: usize = 8192;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Best score first (ties in corpus order), at most `limit` hits.
    Ranked { limit: usize },
    /// Corpus order, every match; positions for the first `limit` only.
    Corpus { limit: usize },
}

impl Order {
    fn limit(self) -> usize {
        match self {
            Order::Ranked { limit } | Order::Corpus { limit } => limit,
        }
    }
}

/// The answer to one query.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    /// The hits in the order asked for, positions in the original text of the first field.
    pub hits: Vec<Hit>,
    /// How many records matched (may exceed `hits.len()` when ranked with a limit).
    pub total: usize,
    /// Every matching record, in corpus order (what a longer query narrows).
    pub matched: Vec<u32>,
}

/// One field's place in the packed text, and its character mask. Offsets in 32 bits: an index
/// has millions of fields (3.3 million for the 100k corpus), and 16 bytes instead of 24 is
/// 26 MB less. (A packed text over 4 GiB, quotes of some fifty million articles, would read
/// as empty fields past that point rather than fail.)
#[derive(Debug, Clone, Copy)]
struct Field {
    start: u32,
    end: u32,
    mask: u64,
}

/// Folded fields of every record, packed into one string (one allocation for a million
/// quotes, and scanning stays in cache).
pub struct FuzzyIndex {
    text: String,
    fields: Vec<Field>,
    /// Record i owns fields `record_starts[i]..record_starts[i + 1]`.
    record_starts: Vec<u32>,
    record_masks: Vec<u64>,
    /// Position maps of the first fields whose folding moved characters (non-ASCII text).
    origins: FxHashMap<u32, Folded>,
    /// Scores every candidate: greedy and linear (see [`match_window`]).
    matcher: SkimMatcherV2,
    /// Finds highlight positions for the hits shown: the full alignment, which places them
    /// best, run only on the few hits a screen shows.
    positions_matcher: SkimMatcherV2,
}

/// The ranking matcher. Folded text is lower case already, so it matches case-sensitively
/// (no lower-casing per character compared); an element limit of 1 makes fuzzy-matcher take
/// its greedy, linear path (`simple_match`) on every candidate instead of filling a score
/// matrix of query length times candidate length: the difference between 1 s and 0.1 s over
/// a million quotes.
fn greedy_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case().element_limit(1)
}

impl Default for FuzzyIndex {
    fn default() -> Self {
        FuzzyIndex {
            text: String::new(),
            fields: Vec::new(),
            record_starts: vec![0],
            record_masks: Vec::new(),
            origins: FxHashMap::default(),
            matcher: greedy_matcher(),
            positions_matcher: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl std::fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyIndex")
            .field("records", &self.len())
            .field("fields", &self.fields.len())
            .field("bytes", &self.text.len())
            .finish()
    }
}

/// A parsed query: folded words, their masks, the union of the masks, and the best score a
/// record can reach (every word as typed).
#[derive(Debug, Clone)]
struct Query {
    words: Vec<(String, u64)>,
    mask: u64,
    best: i64,
}

impl Query {
    fn new(query: &str, matcher: &SkimMatcherV2) -> Self {
        let folded = fold_query(query);
        let words: Vec<(String, u64)> = folded
            .split_whitespace()
            .map(|w| (w.to_string(), char_mask(w)))
            .collect();
        let mask = words.iter().fold(0, |m, (_, w)| m | w);
        // A word scored where it occurs as typed is scored on itself (see `scoring_window`).
        let best = words
            .iter()
            .map(|(w, _)| matcher.fuzzy_match(w, w).unwrap_or(0))
            .sum();
        Query { words, mask, best }
    }
}

impl FuzzyIndex {
    /// Builds the index from each record's fields (folded in parallel).
    ///
    /// Records are folded a batch at a time and packed at once: folding them all first held
    /// every folded field as a string of its own beside the packed text, a transient 250 MB on
    /// the quotes of a 100,000-article corpus (a reader's memory rose a third when its indexes
    /// were built).
    pub fn new<'a, R, F>(records: &'a [R], fields_of: F) -> Self
    where
        R: Sync,
        F: Fn(&'a R) -> Vec<&'a str> + Sync,
    {
        // Folding seldom lengthens text: the fields as written size the packed text.
        let bytes = records
            .par_iter()
            .map(|r| fields_of(r).iter().map(|f| f.len()).sum::<usize>())
            .sum();
        let mut index = FuzzyIndex {
            text: String::with_capacity(bytes),
            record_starts: Vec::with_capacity(records.len() + 1),
            record_masks: Vec::with_capacity(records.len()),
            ..Default::default()
        };
        const BATCH: usize = 16 * 1024;
        for (batch_number, batch) in records.chunks(BATCH).enumerate() {
            let folded: Vec<Vec<Folded>> = batch
                .par_iter()
                .map(|r| fields_of(r).into_iter().map(fold).collect())
                .collect();
            for (k, fields) in folded.into_iter().enumerate() {
                let record = batch_number * BATCH + k;
                index.record_starts.push(index.fields.len() as u32);
                let mut record_mask = 0;
                for (i, field) in fields.into_iter().enumerate() {
                    let start = index.text.len();
                    index.text.push_str(&field.text);
                    let mask = char_mask(&field.text);
                    record_mask |= mask;
                    index.fields.push(Field {
                        start: narrow(start),
                        end: narrow(index.text.len()),
                        mask,
                    });
                    if i == 0 && !field.is_identity() {
                        index.origins.insert(record as u32, field);
                    }
                }
                index.record_masks.push(record_mask);
            }
        }
        index.record_starts.push(index.fields.len() as u32);
        index
    }

    pub fn len(&self) -> usize {
        self.record_masks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record_masks.is_empty()
    }

    fn field_range(&self, record: usize) -> Range<usize> {
        self.record_starts[record] as usize..self.record_starts[record + 1] as usize
    }

    fn field_text(&self, field: &Field) -> &str {
        let (start, end) = (field.start as usize, field.end as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Whether the record matches (every word in one of its fields), and if so whether every
    /// word occurs as typed in some field. No scoring: a scan per field at most.
    fn matches(&self, record: usize, query: &Query) -> Option<bool> {
        if query.mask & !self.record_masks[record] != 0 {
            return None;
        }
        let fields = &self.fields[self.field_range(record)];
        let mut all_exact = true;
        for (word, mask) in &query.words {
            let mut found = false;
            let mut exact = false;
            for field in fields.iter().filter(|f| mask & !f.mask == 0) {
                let text = self.field_text(field);
                if text.contains(word.as_str()) {
                    found = true;
                    exact = true;
                    break;
                }
                found |= match_window(text, word).is_some();
            }
            if !found {
                return None;
            }
            all_exact &= exact;
        }
        Some(all_exact)
    }

    /// Scores one record: every word in one of its fields, the best field per word. Run on
    /// what [`FuzzyIndex::matches`] let through.
    fn score(&self, record: usize, query: &Query) -> Option<i64> {
        if query.mask & !self.record_masks[record] != 0 {
            return None;
        }
        let fields = &self.fields[self.field_range(record)];
        let mut total = 0;
        for (word, mask) in &query.words {
            let best = fields
                .iter()
                .filter(|f| mask & !f.mask == 0)
                .filter_map(|f| scoring_window(self.field_text(f), word))
                .filter_map(|window| self.matcher.fuzzy_match(window, word))
                .max()?;
            total += best;
        }
        Some(total)
    }

    /// Highlight positions of `query` in the original text of the record's first field.
    fn positions(&self, record: usize, query: &Query) -> Vec<usize> {
        let fields = &self.fields[self.field_range(record)];
        let Some(first) = fields.first() else {
            return Vec::new();
        };
        let first_text = self.field_text(first);
        let mut positions = Vec::new();
        for (word, _) in &query.words {
            // Positions only where the first field is the word's best field.
            let best_elsewhere = fields[1..]
                .iter()
                .filter_map(|f| self.matcher.fuzzy_match(self.field_text(f), word))
                .max();
            let scored = self.matcher.fuzzy_match(first_text, word);
            let placed = self.positions_matcher.fuzzy_indices(first_text, word);
            if let (Some(score), Some((_, pos))) = (scored, placed) {
                if best_elsewhere.is_none_or(|other| score >= other) {
                    positions.extend(pos);
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        match self.origins.get(&(record as u32)) {
            Some(folded) => folded.original_positions(&positions),
            None => positions,
        }
    }

    /// Answers `query` over `scope` (every record when `None`), or `None` when `cancelled`
    /// said so between chunks.
    pub fn search(
        &self,
        query: &str,
        order: Order,
        scope: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        let parsed = Query::new(query, &self.matcher);
        if parsed.words.is_empty() {
            let matched: Vec<u32> = match scope {
                Some(scope) => scope.to_vec(),
                None => (0..self.len() as u32).collect(),
            };
            let hits = matched
                .iter()
                .take(match order {
                    Order::Ranked { limit } => limit,
                    Order::Corpus { .. } => usize::MAX,
                })
                .map(|&i| Hit {
                    index: i as usize,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
            return Some(Ranked {
                hits,
                total: matched.len(),
                matched,
            });
        }
        // First every candidate is matched cheaply, noting whether each word occurs as typed.
        let match_chunk = |ids: &mut dyn Iterator<Item = u32>| -> Option<Vec<(u32, bool)>> {
            if cancelled() {
                return None;
            }
            Some(
                ids.filter_map(|i| self.matches(i as usize, &parsed).map(|e| (i, e)))
                    .collect(),
            )
        };
        let chunks: Option<Vec<Vec<(u32, bool)>>> = match scope {
            Some(scope) => scope
                .par_chunks(CHUNK)
                .map(|chunk| match_chunk(&mut chunk.iter().copied()))
                .collect(),
            None => (0..self.len().div_ceil(CHUNK))
                .into_par_iter()
                .map(|c| {
                    let end = ((c + 1) * CHUNK).min(self.len());
                    match_chunk(&mut ((c * CHUNK) as u32..end as u32))
                })
                .collect(),
        };
        let found: Vec<(u32, bool)> = chunks?.into_iter().flatten().collect();
        let matched: Vec<u32> = found.iter().map(|&(i, _)| i).collect();
        let total = found.len();
        let limit = order.limit();
        // A word that occurs as typed scores the most a match of it can ([`Query::best`]); any
        // other match of it scores less. So when enough candidates hold every word as typed,
        // the best of them are the first ones, and nothing else needs scoring.
        let exact = found.iter().filter(|&&(_, e)| e).count();
        let mut scored: Vec<(u32, i64)> = match order {
            Order::Ranked { limit } if limit > 0 && exact >= limit => found
                .iter()
                .filter(|&&(_, e)| e)
                .take(limit)
                .map(|&(i, _)| (i, parsed.best))
                .collect(),
            _ => {
                let score_chunk = |chunk: &[(u32, bool)]| -> Option<Vec<(u32, i64)>> {
                    if cancelled() {
                        return None;
                    }
                    Some(
                        chunk
                            .iter()
                            .filter_map(|&(i, _)| self.score(i as usize, &parsed).map(|s| (i, s)))
                            .collect(),
                    )
                };
                let chunks: Option<Vec<Vec<(u32, i64)>>> =
                    found.par_chunks(CHUNK).map(score_chunk).collect();
                chunks?.into_iter().flatten().collect()
            }
        };
        if let Order::Ranked { limit } = order {
            let best_first = |a: &(u32, i64), b: &(u32, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
            if scored.len() > limit && limit > 0 {
                scored.select_nth_unstable_by(limit - 1, best_first);
                scored.truncate(limit);
            }
            scored.sort_unstable_by(best_first);
        }
        let with_positions: Vec<Vec<usize>> = scored[..limit.min(scored.len())]
            .par_iter()
            .map(|&(i, _)| self.positions(i as usize, &parsed))
            .collect();
        let mut positions = with_positions.into_iter();
        let hits = scored
            .into_iter()
            .map(|(i, score)| Hit {
                index: i as usize,
                score,
                positions: positions.next().unwrap_or_default(),
            })
            .collect();
        Some(Ranked {
            hits,
            total,
            matched,
        })
    }
}

/// What the ranking matcher scores for `needle` in `hay`: where the word occurs as typed, that
/// occurrence alone (the best a match can be, so "visa waiver" finds the quote saying it
/// before one that only scatters its letters), else the greedy match (see [`match_window`]).
fn scoring_window<'h>(hay: &'h str, needle: &str) -> Option<&'h str> {
    match hay.find(needle) {
        Some(at) => Some(&hay[at..at + needle.len()]),
        None => match_window(hay, needle),
    }
}

/// The prefix of `hay` that scores `needle` exactly as the whole would, or `None` when the
/// characters of `needle` do not occur in `hay` in order.
///
/// The ranking matcher scores greedily (fuzzy-matcher's `simple_match`, fzf's v1): it finds
/// the leftmost match and never looks past its last character. So the text up to there
/// carries everything the score depends on, and the matcher decodes that instead of a whole
/// quote. (A prefix can't be cut: the greedy score also depends on where the window starts.)
/// Works on bytes when `needle` is ASCII (an ASCII byte never occurs inside a multi-byte
/// character).
fn match_window<'h>(hay: &'h str, needle: &str) -> Option<&'h str> {
    let end = if needle.is_ascii() {
        let bytes = hay.as_bytes();
        let mut at = 0;
        for n in needle.bytes() {
            at += bytes[at..].iter().position(|&h| h == n)? + 1;
        }
        at
    } else {
        let mut chars = hay.char_indices();
        let mut end = 0;
        for n in needle.chars() {
            let (found, c) = chars.by_ref().find(|&(_, h)| h == n)?;
            end = found + c.len_utf8();
        }
        end
    };
    Some(&hay[..end])
}

/// Searches one index, remembering the last answer so that a query which only extends the
/// previous one (typing on) scores just the previous matches.
#[derive(Debug, Default)]
pub struct Searcher {
    last: Option<(String, Vec<u32>)>,
}

impl Searcher {
    pub fn search(
        &mut self,
        index: &FuzzyIndex,
        query: &str,
        order: Order,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        let folded = fold_query(query);
        let scope = self.narrowed(&folded);
        let ranked = index.search(query, order, scope, cancelled)?;
        self.last = Some((folded, ranked.matched.clone()));
        Some(ranked)
    }

    /// The previous matches when `folded` only extends the previous query: every match of
    /// "gov min" matches "gov mi", so a longer query can only lose matches.
    fn narrowed(&self, folded: &str) -> Option<&[u32]> {
        match &self.last {
            Some((previous, matched)) if !previous.is_empty() && folded.starts_with(previous) => {
                Some(matched.as_slice())
            }
            _ => None,
        }
    }

    /// How many candidates `query` will be scored on: the previous matches when it narrows,
    /// else all `len` records.
    pub fn candidates(&self, len: usize, query: &str) -> usize {
        self.narrowed(&fold_query(query)).map_or(len, <[u32]>::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> bool {
        false
    }

    fn index(items: &[&str]) -> FuzzyIndex {
        FuzzyIndex::new(items, |s| vec![*s])
    }

    #[test]
    fn case_and_accents_do_not_matter_and_positions_are_original() {
        let idx = index(&["Said Kazımi", "KAZIMI spoke", "nobody"]);
        let ranked = idx
            .search("kazimi", Order::Ranked { limit: 10 }, None, &never)
            .unwrap();
        let mut found: Vec<usize> = ranked.hits.iter().map(|h| h.index).collect();
        found.sort_unstable();
        assert_eq!(found, [0, 1]);
        let hit = ranked.hits.iter().find(|h| h.index == 0).unwrap();
        assert_eq!(hit.positions, [5, 6, 7, 8, 9, 10]);
    }

    #[test]
    fn words_match_in_any_order_each_within_one_field() {
        let records = [
            vec!["Iraq and Iran", "Kadhimi"],
            vec!["Iran will not interfere", "Zarif"],
        ];
        let idx = FuzzyIndex::new(&records, |r| r.clone());
        let hits = |q| {
            idx.search(q, Order::Corpus { limit: 10 }, None, &never)
                .unwrap()
                .hits
                .into_iter()
                .map(|h| h.index)
                .collect::<Vec<_>>()
        };
        assert_eq!(hits("iran iraq"), [0]);
        assert_eq!(hits("zarif iran"), [1]);
        // "iz" would only be spelled across the two fields of record 1 ("...interfere" "Zarif").
        assert_eq!(hits("interferez"), Vec::<usize>::new());
    }

    #[test]
    fn the_limit_keeps_the_best_and_counts_all() {
        let items: Vec<String> = (0..50_000).map(|i| format!("quote number {i}")).collect();
        let mut all: Vec<&str> = items.iter().map(String::as_str).collect();
        all.push("minister");
        let idx = FuzzyIndex::new(&all, |s| vec![*s]);
        let ranked = idx
            .search("minister", Order::Ranked { limit: 5 }, None, &never)
            .unwrap();
        assert_eq!(ranked.total, 1);
        let ranked = idx
            .search("number 7", Order::Ranked { limit: 5 }, None, &never)
            .unwrap();
        assert_eq!(ranked.hits.len(), 5);
        assert!(ranked.total > 5_000);
        assert!(ranked.hits.windows(2).all(|w| w[0].score >= w[1].score));
        // The same best score as scoring every string would give.
        let best = all
            .iter()
            .filter_map(|s| {
                let m = greedy_matcher();
                let score = |w| scoring_window(s, w).and_then(|win| m.fuzzy_match(win, w));
                Some(score("number")? + score("7")?)
            })
            .max();
        assert_eq!(Some(ranked.hits[0].score), best);
    }

    #[test]
    fn narrowing_gives_what_a_fresh_search_gives() {
        let items: Vec<String> = (0..20_000)
            .map(|i| format!("the government minister {i} said {}", i % 7))
            .collect();
        let idx = FuzzyIndex::new(&items, |s| vec![s.as_str()]);
        let mut searcher = Searcher::default();
        for query in ["g", "go", "gov", "gov m", "gov mi", "gov min 5"] {
            let narrowed = searcher
                .search(&idx, query, Order::Ranked { limit: 50 }, &never)
                .unwrap();
            let fresh = idx
                .search(query, Order::Ranked { limit: 50 }, None, &never)
                .unwrap();
            assert_eq!(narrowed.total, fresh.total, "{query}");
            assert_eq!(narrowed.hits, fresh.hits, "{query}");
        }
    }

    #[test]
    fn the_match_window_scores_as_the_whole_string() {
        let matcher = greedy_matcher();
        let texts = [
            "the prime minister said on tuesday that the government would act",
            "mr kazimi, prime minister",
            "pm: a minor issue",
            "caf\u{e9} minist\u{e8}re",
        ];
        for text in texts {
            for word in ["pm", "minister", "e", "gov", "said", "xyz", "\u{e8}re"] {
                let whole = matcher.fuzzy_match(text, word);
                let window = match_window(text, word).and_then(|w| matcher.fuzzy_match(w, word));
                assert_eq!(whole, window, "{word:?} in {text:?}");
            }
        }
    }

    /// The shortcut in `search` rests on this: a word that does not occur as typed scores
    /// less than one that does. Checked over real article text and many words.
    #[test]
    fn a_scattered_match_scores_below_the_word_as_typed() {
        let matcher = greedy_matcher();
        let texts: Vec<String> = crate::corpus::seeds()
            .documents
            .iter()
            .flat_map(|d| {
                d.raw
                    .split(['.', '\n'])
                    .map(|s| fold(s).text)
                    .collect::<Vec<_>>()
            })
            .filter(|s| s.len() > 20)
            .collect();
        let words = [
            "minister",
            "gov",
            "iraq",
            "we",
            "will",
            "not",
            "prime",
            "min",
            "sanctions",
            "iran",
            "kazemi",
            "said",
            "es",
            "ion",
            "the",
            "pm",
            "xi",
            "oil",
            "aaa",
            "in",
            "relations",
        ];
        let mut compared = 0;
        for text in &texts {
            for word in words {
                let best = matcher.fuzzy_match(word, word).unwrap();
                if let Some(score) =
                    scoring_window(text, word).and_then(|w| matcher.fuzzy_match(w, word))
                {
                    if text.contains(word) {
                        assert_eq!(score, best, "{word:?} in {text:?}");
                    } else {
                        assert!(
                            score < best,
                            "{word:?} scattered in {text:?}: {score} >= {best}"
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 500, "only {compared} scattered matches checked");
    }

    #[test]
    fn the_shortcut_gives_what_scoring_everything_gives() {
        let mut items: Vec<String> = (0..6_000)
            .map(|i| format!("the prime minister {i} said the government will act"))
            .collect();
        items.extend((0..3_000).map(|i| format!("p r i m e m i n {i} scattered")));
        items.insert(10, "prime min".to_string());
        let idx = FuzzyIndex::new(&items, |s| vec![s.as_str()]);
        let matcher = greedy_matcher();
        for query in ["prime min", "minister", "gov act", "p m"] {
            let fast = idx
                .search(query, Order::Ranked { limit: 50 }, None, &never)
                .unwrap();
            let mut brute: Vec<(usize, i64)> = items
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let mut total = 0;
                    for w in query.split_whitespace() {
                        total +=
                            scoring_window(s, w).and_then(|win| matcher.fuzzy_match(win, w))?;
                    }
                    Some((i, total))
                })
                .collect();
            assert_eq!(fast.total, brute.len(), "{query}");
            brute.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let expected: Vec<(usize, i64)> = brute.into_iter().take(50).collect();
            let got: Vec<(usize, i64)> = fast.hits.iter().map(|h| (h.index, h.score)).collect();
            assert_eq!(got, expected, "{query}");
        }
    }

    #[test]
    fn a_cancelled_search_gives_nothing() {
        let items: Vec<String> = (0..20_000).map(|i| format!("item {i}")).collect();
        let idx = FuzzyIndex::new(&items, |s| vec![s.as_str()]);
        assert!(idx
            .search("item", Order::Ranked { limit: 5 }, None, &|| true)
            .is_none());
    }
}
