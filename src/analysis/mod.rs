//! The analysis of a corpus: for every article, its cleaned text, metadata, direct and reported
//! quotes with speakers, and entity mentions linked into corpus-wide entities. Articles are
//! analysed in parallel; only alias linking looks across articles.

pub mod aliases;
pub mod entities;
pub mod gazetteer;
pub mod quotes;
pub mod speakers;
pub mod tokens;
pub mod wordset;

use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::clean::{clean, Removed};
use crate::corpus::meta;
use crate::corpus::text::{is_rtl, narrow};
use crate::corpus::{load_files, Document, LoadOptions, LoadWarning};
pub use aliases::Entity;
use speakers::Speaker;

/// The kinds of named entity quire tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Group,
    Event,
    Other,
}

impl EntityType {
    /// Every type, in declaration order (`kind as usize` indexes it).
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Group,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Group => "GROUP",
            EntityType::Event => "EVENT",
            EntityType::Other => "OTHER",
        }
    }
}

/// Direct (marked) or reported (indirect) speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Reported,
}

/// One quote of an article. Offsets are bytes into [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The speaker's display name (an entity's, or the text's own description).
    pub speaker: Option<String>,
    /// The speaker's entity id, or a slug of the description.
    pub speaker_id: Option<String>,
    /// Index into [`Corpus::entities`] when the speaker is an entity.
    pub speaker_entity: Option<usize>,
    pub unclosed: bool,
}

/// One entity mention. Offsets are bytes into [`Article::text`]. Held in 32 bits each: a large
/// corpus has millions of mentions (3.3 million in 100,000 articles), and at 16 bytes instead
/// of 32 they take 53 MB less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    start: u32,
    end: u32,
    /// Index into [`Corpus::entities`].
    entity: u32,
    pub kind: EntityType,
}

impl EntityMention {
    /// A mention of entity `entity` at bytes `start..end`. (An article's text is far below
    /// 4 GiB: the loader refuses files over its size limit.)
    pub fn new(start: usize, end: usize, kind: EntityType, entity: usize) -> Self {
        EntityMention {
            start: narrow(start),
            end: narrow(end),
            entity: narrow(entity),
            kind,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its bytes in the article's text.
    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Index into [`Corpus::entities`].
    pub fn entity(&self) -> usize {
        self.entity as usize
    }

    /// The mention, of entity `entity` instead.
    pub fn with_entity(self, entity: usize) -> Self {
        EntityMention::new(self.start(), self.end(), self.kind, entity)
    }
}

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub path: PathBuf,
    /// The text as read (escape sequences already neutralised), for the raw view. Empty for
    /// an article from the analysis cache, which does not keep it: see [`Article::raw_text`].
    #[serde(skip)]
    pub raw: String,
    /// The cleaned text the reader shows (shared: a reader lists an article with it while the
    /// corpus is analysed, and keeps one copy).
    pub text: Arc<str>,
    pub paragraphs: Vec<Range<usize>>,
    /// Right-to-left paragraphs, by index into `paragraphs`.
    pub rtl: Vec<bool>,
    pub removed: Vec<Removed>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<EntityMention>,
}

impl Article {
    /// The quote's text, without marks.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        &self.text[quote.start..quote.end]
    }

    /// The text as read, for the raw view. The analysis does not keep it (it would double the
    /// memory a corpus takes, for a view seldom opened): it is read again from the article's
    /// file, or taken from the bundled seeds. Kept only for standard input, which cannot be
    /// read twice. Empty when the file can no longer be read.
    pub fn raw_text(&self) -> std::borrow::Cow<'_, str> {
        if !self.raw.is_empty() || self.text.is_empty() {
            return std::borrow::Cow::Borrowed(&self.raw);
        }
        let raw = crate::corpus::load::read_again(&self.path, &self.id);
        std::borrow::Cow::Owned(raw.unwrap_or_default())
    }

    /// The title, or the id when the article has none.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// An analysed corpus: its articles and the entities they mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    /// Articles whose analysis failed (an internal error), each with its file and the error:
    /// they are shown with their text but without quotes or entities.
    #[serde(skip)]
    pub problems: Vec<LoadWarning>,
}

/// The part of an article's analysis that needs no other article (the long part).
pub struct Partial {
    document: Document,
    /// The cleaned text, shared with the article's preview (its `text` field is left empty).
    text: Arc<str>,
    /// Right-to-left paragraphs (for the preview and the article alike).
    rtl: Vec<bool>,
    cleaned: crate::corpus::clean::Cleaned,
    meta: meta::Meta,
    mentions: Vec<entities::Mention>,
    direct: Vec<quotes::QuoteSpan>,
    /// Why the article was not analysed (an internal error), if it was not.
    problem: Option<LoadWarning>,
}

/// Analyses one article on its own, like [`analyse_alone`], but an internal error (a panic)
/// costs only this article: it is kept with its text as read, unanalysed, and the error is
/// reported with its file instead of ending the whole corpus's analysis.
pub fn analyse_alone_safely(document: Document) -> Partial {
    // A copy for the fallback: a memcpy, against the analysis's ~50 ns per byte.
    let spare = document.clone();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse_alone(document))) {
        Ok(partial) => partial,
        Err(panic) => Partial::unanalysed(spare, &panic_message(&*panic)),
    }
}

/// The message a panic carried.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Analyses one article on its own: cleaning, metadata, tokens, mentions, quote spans.
pub fn analyse_alone(mut document: Document) -> Partial {
    #[cfg(test)]
    if document.raw.contains(tests::PANIC_ALONE) {
        panic!("a test's planted failure");
    }
    let g = gazetteer::gazetteer();
    let mut cleaned = clean(&document.raw);
    let mut meta = meta::extract(&cleaned, &document.raw, &document.path, &|s| g.is_place(s));
    // What the file says about the article wins over what the text suggests.
    let record = &document.record;
    if let Some(title) = &record.title {
        meta.title = Some(title.clone());
    }
    if let Some(date) = record.date.as_deref().and_then(meta::find_date) {
        meta.date = Some(date);
    }
    if let Some(source) = &record.source {
        meta.source = Some(source.clone());
    }
    // The raw text goes now (see `Article::raw_text`), unless it cannot be read again.
    if document.can_be_read_again() {
        document.raw = String::new();
    }
    // Tokens are not kept until the corpus is linked: at a word every six bytes they would
    // outweigh the text four to one; `finish` tokenizes again (a few percent of the time).
    let tokens = tokens::tokenize(&cleaned.text);
    let mentions = entities::find_mentions(&cleaned.text, &tokens);
    let direct = quotes::find_quotes(&cleaned.text, &cleaned.paragraphs);
    let rtl = cleaned
        .paragraphs
        .iter()
        .map(|r| is_rtl(&cleaned.text[r.clone()]))
        .collect();
    let text = Arc::from(std::mem::take(&mut cleaned.text));
    Partial {
        document,
        text,
        rtl,
        cleaned,
        meta,
        mentions,
        direct,
        problem: None,
    }
}

/// Analyses documents into a corpus, using every core.
pub fn analyse(documents: Vec<Document>) -> Corpus {
    combine(analyse_alone_counting(documents, &AtomicUsize::new(0)))
}

/// Files read and analysed at a time. Reading a whole large corpus before analysing it would
/// hold every file's text at once (the analysis keeps only the cleaned text).
pub const BATCH_FILES: usize = 4096;

/// Reads and analyses `files` on their own, `batch` files at a time, counting articles into
/// `done` and handing each batch's results to `each_batch` (a reader lists them); the
/// partials go to [`combine`].
pub fn analyse_files(
    files: &[PathBuf],
    options: &LoadOptions,
    batch: usize,
    done: &AtomicUsize,
    mut each_batch: impl FnMut(&[Partial]),
) -> (Vec<Partial>, Vec<LoadWarning>) {
    let mut warnings = Vec::new();
    let mut partials = Vec::with_capacity(files.len());
    for chunk in files.chunks(batch.max(1)) {
        let mut loaded = load_files(chunk, options);
        warnings.append(&mut loaded.warnings);
        let analysed = analyse_alone_counting(loaded.documents, done);
        each_batch(&analysed);
        partials.extend(analysed);
    }
    (partials, warnings)
}

/// Every article analysed on its own, on every core, counted into `done` (the long part,
/// so a caller can show progress); [`combine`] finishes them into a corpus.
pub fn analyse_alone_counting(documents: Vec<Document>, done: &AtomicUsize) -> Vec<Partial> {
    documents
        .into_par_iter()
        .map(|document| {
            let partial = analyse_alone_safely(document);
            done.fetch_add(1, Ordering::Relaxed);
            partial
        })
        .collect()
}

impl Partial {
    /// The article as read, its paragraphs split at blank lines, with no analysis: what an
    /// internal error in the analysis leaves to show.
    fn unanalysed(document: Document, error: &str) -> Partial {
        let text = document.raw.trim().to_string();
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for part in text.split("\n\n") {
            let start = at + (part.len() - part.trim_start().len());
            let end = at + part.trim_end().len();
            if end > start {
                paragraphs.push(start..end);
            }
            at += part.len() + 2;
        }
        let rtl = paragraphs
            .iter()
            .map(|r| is_rtl(&text[r.clone()]))
            .collect();
        let record = &document.record;
        let meta = meta::Meta {
            title: record.title.clone(),
            date: record.date.as_deref().and_then(meta::find_date),
            source: record.source.clone(),
        };
        let problem = LoadWarning {
            path: document.path.clone(),
            message: format!(
                "internal error in the analysis ({error}); shown without quotes or entities"
            ),
        };
        Partial {
            document,
            text: Arc::from(text.as_str()),
            rtl,
            cleaned: crate::corpus::clean::Cleaned {
                text: String::new(),
                paragraphs,
                removed: Vec::new(),
            },
            meta,
            mentions: Vec::new(),
            direct: Vec::new(),
            problem: Some(problem),
        }
    }

    /// The file the article came from.
    pub fn path(&self) -> &std::path::Path {
        &self.document.path
    }

    /// The article as far as it is known before the corpus is linked: cleaned text and
    /// metadata, no quotes or entities yet (the reader lists it while the rest is analysed).
    pub fn preview(&self) -> Article {
        Article {
            id: self.document.id.clone(),
            path: self.document.path.clone(),
            raw: String::new(),
            text: Arc::clone(&self.text),
            paragraphs: self.cleaned.paragraphs.clone(),
            rtl: self.rtl.clone(),
            removed: self.cleaned.removed.clone(),
            title: self.meta.title.clone(),
            date: self.meta.date.clone(),
            source: self.meta.source.clone(),
            quotes: Vec::new(),
            entities: Vec::new(),
        }
    }
}

/// Links the articles' mentions into corpus-wide entities and attributes their quotes.
pub fn combine(partials: Vec<Partial>) -> Corpus {
    let inputs: Vec<(&str, &[entities::Mention])> = partials
        .iter()
        .map(|p| (&*p.text, p.mentions.as_slice()))
        .collect();
    let linked = aliases::link(&inputs);
    let entities = linked.entities;
    let link_problems: Vec<LoadWarning> = linked
        .failed
        .iter()
        .map(|(a, error)| LoadWarning {
            path: partials[*a].document.path.clone(),
            message: format!(
                "internal error linking the article's names ({error}); linked by name only"
            ),
        })
        .collect();
    let (articles, problems): (Vec<Article>, Vec<Option<LoadWarning>>) = partials
        .into_par_iter()
        .zip(linked.mention_entity.into_par_iter())
        .zip(linked.mention_kind.into_par_iter())
        .map(|((p, ids), kinds)| finish(p, &ids, &kinds, &entities))
        .unzip();
    let mut problems: Vec<LoadWarning> = problems.into_iter().flatten().collect();
    problems.extend(link_problems);
    Corpus {
        articles,
        entities,
        problems,
    }
}

/// The article with its quotes attributed, and the article's problem if its analysis failed
/// (then it keeps its entities but has no quotes).
fn finish(
    mut p: Partial,
    ids: &[u32],
    kinds: &[EntityType],
    entities: &[Entity],
) -> (Article, Option<LoadWarning>) {
    let attributed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        #[cfg(test)]
        if p.text.contains(tests::PANIC_FINISH) {
            panic!("a test's planted failure");
        }
        let tokens = tokens::tokenize(&p.text);
        let sentences = tokens::sentences(&p.text, &tokens);
        let view = speakers::ArticleView {
            text: &p.text,
            tokens: &tokens,
            sentences: &sentences,
            paragraphs: &p.cleaned.paragraphs,
            mentions: &p.mentions,
            kinds,
            entity: ids,
        };
        speakers::attribute(&view, &p.direct)
    }))
    .unwrap_or_else(|panic| {
        p.problem = Some(LoadWarning {
            path: p.document.path.clone(),
            message: format!(
                "internal error attributing quotes ({}); shown without quotes",
                panic_message(&*panic)
            ),
        });
        Vec::new()
    });
    let quotes = attributed
        .into_iter()
        .map(|a| {
            let (speaker, speaker_id, speaker_entity) = match a.speaker {
                Some(Speaker::Entity(e)) => (
                    Some(entities[e].name.clone()),
                    Some(entities[e].id.clone()),
                    Some(e),
                ),
                Some(Speaker::Described(d)) => (Some(d.clone()), Some(aliases::slug(&d)), None),
                None => (None, None, None),
            };
            Quote {
                start: a.start,
                end: a.end,
                kind: a.kind,
                speaker,
                speaker_id,
                speaker_entity,
                unclosed: a.unclosed,
            }
        })
        .collect();
    let mentions = p
        .mentions
        .iter()
        .zip(ids.iter().zip(kinds))
        .map(|(m, (&entity, &kind))| EntityMention::new(m.start(), m.end(), kind, entity as usize))
        .collect();
    let article = Article {
        id: p.document.id,
        path: p.document.path,
        raw: p.document.raw,
        text: p.text,
        paragraphs: p.cleaned.paragraphs,
        rtl: p.rtl,
        removed: p.cleaned.removed,
        title: p.meta.title,
        date: p.meta.date,
        source: p.meta.source,
        quotes,
        entities: mentions,
    };
    (article, p.problem)
}

/// Analyses texts as articles of one corpus (ids "0", "1", ...): unit tests of the analysis.
#[cfg(test)]
pub(crate) fn analyse_texts(texts: &[&str]) -> Corpus {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document {
            id: i.to_string(),
            path: PathBuf::from(format!("{i}.txt")),
            raw: text.to_string(),
            record: Default::default(),
        })
        .collect();
    analyse(documents)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Text that makes the analysis panic in a test build: alone, when linking the article's
    /// names, or when attributing quotes.
    pub(crate) const PANIC_ALONE: &str = "PLANTED-FAILURE-ALONE";
    pub(crate) const PANIC_FINISH: &str = "PLANTED-FAILURE-FINISH";
    pub(crate) const PANIC_LINK: &str = "PLANTED-FAILURE-LINK";

    /// An internal error analysing one article costs only that article: the others are
    /// analysed, it is kept with its text, and the error names its file. One while linking
    /// an article's names costs only what that article would settle on its own.
    #[test]
    fn a_failure_in_one_article_spares_the_others() {
        let corpus = analyse_texts(&[
            "Title one\n\n\"We will win,\" said John Smith.",
            &format!("Broken\n\nFirst paragraph {PANIC_ALONE}.\n\nSecond paragraph."),
            &format!("Title three\n\n\"{PANIC_FINISH},\" said Mary Jones in Paris."),
            &format!("Title four\n\n\"We will win,\" said Mary Jones in Paris ({PANIC_LINK})."),
        ]);
        assert_eq!(corpus.articles.len(), 4);
        assert_eq!(corpus.articles[0].quotes.len(), 1);
        let broken = &corpus.articles[1];
        assert!(broken.text.contains("Second paragraph."));
        assert_eq!(broken.paragraphs.len(), 3);
        assert!(broken.quotes.is_empty() && broken.entities.is_empty());
        // Quotes failed in the third; its entities stand.
        assert!(corpus.articles[2].quotes.is_empty());
        assert!(!corpus.articles[2].entities.is_empty());
        // Linking failed in the fourth: its names are still entities, and it keeps its quote.
        let fourth = &corpus.articles[3];
        assert!(!fourth.entities.is_empty() && fourth.quotes.len() == 1);
        let problems: Vec<String> = corpus.problems.iter().map(|w| w.to_string()).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("1.txt") && problems[0].contains("planted"));
        assert!(problems[1].starts_with("2.txt") && problems[1].contains("quotes"));
        assert!(problems[2].starts_with("3.txt") && problems[2].contains("linking"));
    }

    /// A reader lists previews while the corpus is analysed; the text they show is the very
    /// text of the analysed articles, held once (a large corpus would otherwise be in memory
    /// twice).
    #[test]
    fn a_preview_shares_its_text_with_the_analysed_article() {
        let partials: Vec<Partial> = crate::corpus::seeds()
            .documents
            .into_iter()
            .map(analyse_alone)
            .collect();
        let previews: Vec<Article> = partials.iter().map(Partial::preview).collect();
        let corpus = combine(partials);
        for (preview, article) in previews.iter().zip(&corpus.articles) {
            assert!(Arc::ptr_eq(&preview.text, &article.text), "{}", article.id);
            assert_eq!(preview.title, article.title);
        }
    }
}
