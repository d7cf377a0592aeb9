//! Finds a saved quote review in the current analysis, by the quote's words (whitespace
//! folded) and, when the words repeat, by the words before it. A review whose quote is gone is
//! orphaned: kept in the session and listed, never dropped.

use crate::analysis::{Article, Corpus};

use super::model::{QuoteReview, Session};

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

/// Reviews whose article or quote is no longer in the corpus.
pub fn orphans<'s>(session: &'s Session, corpus: &Corpus) -> Vec<&'s QuoteReview> {
    session
        .quotes
        .iter()
        .filter(
            |review| match corpus.articles.iter().find(|a| a.id == review.article) {
                Some(article) => find(article, review).is_none(),
                None => true,
            },
        )
        .collect()
}
