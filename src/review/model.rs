//! The session as data: serialisable, versioned, and keyed by content (article id, quote
//! text), never by offsets, so it survives edits to the corpus and better analysis.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The file format's version; a newer file is refused rather than misread.
pub const SESSION_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ArticleState {
    #[default]
    Unread,
    Read,
    Reviewed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Verified,
    Disputed,
    Unclear,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Disputed => "disputed",
            Verdict::Unclear => "unclear",
        }
    }
}

/// What the reviewer said about one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleReview {
    #[serde(default)]
    pub state: ArticleState,
    #[serde(default)]
    pub flagged: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// The title when last seen, to name the article if it disappears from the corpus.
    #[serde(default)]
    pub title: String,
}

/// What the reviewer said about one quote, anchored to its article and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteReview {
    pub article: String,
    /// The quote's words as the analysis found them.
    pub text: String,
    /// A few words before the quote, to tell two identical quotes apart.
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub flagged: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// The reviewer's correction of the speaker; it wins over the analysis.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker the analysis gave when the review was made.
    #[serde(default)]
    pub analysed_speaker: Option<String>,
}

impl QuoteReview {
    /// True when the review says nothing any more (it can be dropped).
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none()
            && !self.flagged
            && self.tags.is_empty()
            && self.note.is_empty()
            && self.speaker.is_none()
    }
}

/// Where the user was, to reopen exactly there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Position {
    #[serde(default)]
    pub article: Option<String>,
    #[serde(default)]
    pub scroll: usize,
    #[serde(default)]
    pub focus_article: bool,
    #[serde(default)]
    pub filter: String,
    /// Where a review run (`R`) stopped: the quote it was on.
    #[serde(default)]
    pub run_quote: Option<(String, String)>,
}

/// A whole review session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// What the session is about (the corpus paths, or "bundled seeds").
    pub corpus: String,
    /// Seconds since the Unix epoch of the last save.
    #[serde(default)]
    pub updated: u64,
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleReview>,
    #[serde(default)]
    pub quotes: Vec<QuoteReview>,
    #[serde(default)]
    pub position: Position,
}

impl Session {
    pub fn new(corpus: impl Into<String>) -> Self {
        Self {
            version: SESSION_VERSION,
            corpus: corpus.into(),
            updated: 0,
            articles: BTreeMap::new(),
            quotes: Vec::new(),
            position: Position::default(),
        }
    }

    pub fn article(&self, id: &str) -> Option<&ArticleReview> {
        self.articles.get(id)
    }

    pub fn article_mut(&mut self, id: &str) -> &mut ArticleReview {
        self.articles.entry(id.to_string()).or_default()
    }

    pub fn state_of(&self, id: &str) -> ArticleState {
        self.articles.get(id).map(|a| a.state).unwrap_or_default()
    }

    /// The review of the quote with these words in this article, if any.
    pub fn quote(&self, article: &str, text: &str, context: &str) -> Option<&QuoteReview> {
        self.quote_index(article, text, context)
            .map(|i| &self.quotes[i])
    }

    fn quote_index(&self, article: &str, text: &str, context: &str) -> Option<usize> {
        let candidates: Vec<usize> = (0..self.quotes.len())
            .filter(|&i| self.quotes[i].article == article && self.quotes[i].text == text)
            .collect();
        match candidates.as_slice() {
            [] => None,
            [one] => Some(*one),
            many => many
                .iter()
                .copied()
                .find(|&i| self.quotes[i].context == context)
                .or(Some(many[0])),
        }
    }

    /// The review of a quote, created when missing.
    pub fn quote_mut(
        &mut self,
        article: &str,
        text: &str,
        context: &str,
        analysed_speaker: Option<&str>,
    ) -> &mut QuoteReview {
        let i = match self.quote_index(article, text, context) {
            Some(i) => i,
            None => {
                self.quotes.push(QuoteReview {
                    article: article.to_string(),
                    text: text.to_string(),
                    context: context.to_string(),
                    verdict: None,
                    flagged: false,
                    tags: Vec::new(),
                    note: String::new(),
                    speaker: None,
                    analysed_speaker: analysed_speaker.map(str::to_string),
                });
                self.quotes.len() - 1
            }
        };
        &mut self.quotes[i]
    }

    /// Drops reviews that no longer say anything.
    pub fn tidy(&mut self) {
        self.quotes.retain(|q| !q.is_empty());
    }
}
