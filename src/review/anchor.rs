//! Finds a saved quote review in the current analysis, by the quote's words (whitespace
//! folded) and, when the words repeat, by the words before it. A review whose quote is gone is
//! orphaned: kept in the session and exported as orphaned, never dropped.

use crate::analysis::Article;

use super::model::QuoteReview;

/// Words before a quote kept as its context.
const CONTEXT_CHARS: usize = 40;

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The anchor of quote `q` of `article`: its words and the words before it.
pub fn anchor_of(article: &Article, q: usize) -> (String, String) {
    let quote = &article.quotes[q];
    let before = &article.text[..quote.start];
    let context: String = before
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (folded(article.quote_text(quote)), folded(&context))
}

/// The index of the quote of `article` that `review` is about, if it is still there.
pub fn find(article: &Article, review: &QuoteReview) -> Option<usize> {
    let matches: Vec<usize> = (0..article.quotes.len())
        .filter(|&q| anchor_of(article, q).0 == review.text)
        .collect();
    match matches.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => many
            .iter()
            .copied()
            .find(|&q| anchor_of(article, q).1 == review.context)
            .or(Some(many[0])),
    }
}
