//! The whole state of the reader. `update` changes it, views read it; nothing here does I/O.

use std::sync::{Arc, OnceLock};

use super::keymap::{Context, Keymap};
use super::layout::{lay_out, ArticleLayout};
use crate::analysis::Corpus;
use crate::review::Session;
use crate::search::{FuzzyIndex, Hit, Order, Searcher};

use super::action::RankTarget;

/// Below this many columns one pane shows at a time.
pub const NARROW_WIDTH: u16 = 80;
/// Below this size quire only says the terminal is too small.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Filter,
    QuoteSearch,
    Entities,
    Help,
    Note,
    Tags,
    /// Correcting the speaker of a quote.
    Speaker,
    Run,
    Export,
}

/// What an edit (note, tags, flag, verdict) applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Article(usize),
    /// (article, quote) indices in the corpus.
    Quote(usize, usize),
}

/// A review run: the quotes without a verdict, in corpus order, and where the run is.
#[derive(Debug, Clone, Default)]
pub struct ReviewRun {
    pub items: Vec<(usize, usize)>,
    pub index: usize,
    /// Quotes given a verdict during this run.
    pub done: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Article,
}

/// The search indexes of a corpus, shared with the ranking worker. The fuzzy indexes are
/// built on first use; the worker builds them all as soon as it starts, so the reader opens
/// without waiting for them (a large corpus takes a second).
#[derive(Debug)]
pub struct SearchIndex {
    corpus: Arc<Corpus>,
    /// (article, quote) of each quote in corpus order.
    pub quote_refs: Vec<(usize, usize)>,
    /// Per article: title, source, date and entity names, as separate fields; the title
    /// first, so that match positions are positions in the title.
    articles: OnceLock<FuzzyIndex>,
    /// Per quote: its text, then its speaker.
    quotes: OnceLock<FuzzyIndex>,
    /// Per entity: its name, then its aliases.
    entities: OnceLock<FuzzyIndex>,
}

/// Hits kept for a ranked list: more than anyone scrolls through; the count says how many
/// matched in all.
pub const RANKED_LIMIT: usize = 2000;

/// One ranked answer, as the lists show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// How many matched (the hits may be the best of them only).
    pub total: usize,
    /// Ranked over part of the candidates so far; the complete answer follows.
    pub partial: bool,
}

impl SearchIndex {
    pub fn new(corpus: Arc<Corpus>) -> Self {
        let quote_refs: Vec<(usize, usize)> = corpus
            .articles
            .iter()
            .enumerate()
            .flat_map(|(a, article)| (0..article.quotes.len()).map(move |q| (a, q)))
            .collect();
        SearchIndex {
            corpus,
            quote_refs,
            articles: OnceLock::new(),
            quotes: OnceLock::new(),
            entities: OnceLock::new(),
        }
    }

    /// Builds every index now (the worker does, before its first query).
    pub fn build_all(&self) {
        for target in [
            RankTarget::Articles,
            RankTarget::Quotes,
            RankTarget::Entities,
        ] {
            self.target(target);
        }
    }

    fn articles(&self) -> &FuzzyIndex {
        self.articles.get_or_init(|| {
            let corpus = &*self.corpus;
            FuzzyIndex::new(&corpus.articles, |article| {
                let mut names: Vec<&str> = article
                    .entities
                    .iter()
                    .map(|m| corpus.entities[m.entity()].name.as_str())
                    .collect();
                names.sort_unstable();
                names.dedup();
                let mut fields = vec![article.display_title()];
                fields.extend(article.source.as_deref());
                fields.extend(article.date.as_deref());
                fields.extend(names);
                fields
            })
        })
    }

    fn quotes(&self) -> &FuzzyIndex {
        self.quotes.get_or_init(|| {
            let corpus = &*self.corpus;
            FuzzyIndex::new(&self.quote_refs, |&(a, q)| {
                let article = &corpus.articles[a];
                let quote = &article.quotes[q];
                let mut fields = vec![article.quote_text(quote)];
                fields.extend(quote.speaker.as_deref());
                fields
            })
        })
    }

    fn entities(&self) -> &FuzzyIndex {
        self.entities.get_or_init(|| {
            FuzzyIndex::new(&self.corpus.entities, |entity| {
                let mut fields = vec![entity.name.as_str()];
                fields.extend(entity.aliases.iter().map(String::as_str));
                fields
            })
        })
    }

    fn target(&self, target: RankTarget) -> (&FuzzyIndex, Order) {
        match target {
            // The list keeps corpus order while filtering: a reader scans it by date.
            RankTarget::Articles => (
                self.articles(),
                Order::Corpus {
                    limit: RANKED_LIMIT,
                },
            ),
            RankTarget::Quotes => (
                self.quotes(),
                Order::Ranked {
                    limit: RANKED_LIMIT,
                },
            ),
            RankTarget::Entities => (
                self.entities(),
                Order::Ranked {
                    limit: RANKED_LIMIT,
                },
            ),
        }
    }

    /// Ranks one target's records against `query`, completely (tests call this inline).
    /// An empty query needs no index: every record, in corpus order.
    pub fn rank(&self, target: RankTarget, query: &str) -> Answer {
        if query.trim().is_empty() {
            let total = self.len(target);
            let shown = match target {
                RankTarget::Articles => total,
                RankTarget::Quotes | RankTarget::Entities => total.min(RANKED_LIMIT),
            };
            return Answer {
                hits: (0..shown)
                    .map(|index| Hit {
                        index,
                        score: 0,
                        positions: Vec::new(),
                    })
                    .collect(),
                total,
                partial: false,
            };
        }
        let (index, order) = self.target(target);
        let ranked = index
            .search(query, order, None, &|| false)
            .unwrap_or_default();
        Answer {
            hits: ranked.hits,
            total: ranked.total,
            partial: false,
        }
    }

    /// The worker's search: narrows from the searcher's last answer, and gives up (`None`)
    /// as soon as `cancelled` says a newer query is waiting.
    pub fn search(
        &self,
        target: RankTarget,
        query: &str,
        searcher: &mut Searcher,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Answer> {
        let (index, order) = self.target(target);
        let ranked = searcher.search(index, query, order, cancelled)?;
        Some(Answer {
            hits: ranked.hits,
            total: ranked.total,
            partial: false,
        })
    }

    /// A first answer from the first `candidates` records only, for large indexes: shown
    /// (marked partial) while the complete answer is computed.
    pub fn search_partial(
        &self,
        target: RankTarget,
        query: &str,
        candidates: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Answer> {
        let (index, order) = self.target(target);
        let scope: Vec<u32> = (0..candidates.min(index.len()) as u32).collect();
        let ranked = index.search(query, order, Some(&scope), cancelled)?;
        Some(Answer {
            hits: ranked.hits,
            total: ranked.total,
            partial: true,
        })
    }

    pub fn len(&self, target: RankTarget) -> usize {
        match target {
            RankTarget::Articles => self.corpus.articles.len(),
            RankTarget::Quotes => self.quote_refs.len(),
            RankTarget::Entities => self.corpus.entities.len(),
        }
    }
}

/// A prompt with its ranked hits.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: String,
    pub hits: Vec<Hit>,
    /// How many matched in all (`hits` holds the best of them).
    pub total: usize,
    /// The hits come from part of the candidates; the complete answer is on its way.
    pub partial: bool,
    pub selected: usize,
    pub offset: usize,
    pub generation: u64,
}

pub struct App {
    pub corpus: Arc<Corpus>,
    pub index: Arc<SearchIndex>,
    pub keymap: Keymap,
    pub mode: Mode,
    pub focus: Focus,
    pub width: u16,
    pub height: u16,
    /// Articles shown in the list, as indices into the corpus, with title match positions.
    pub visible: Vec<Hit>,
    pub selected: usize,
    pub list_offset: usize,
    pub filter: Picker,
    /// The articles mentioning this entity only (chosen in the entity list).
    pub entity_filter: Option<usize>,
    pub scroll: usize,
    pub raw: bool,
    pub current_quote: Option<usize>,
    pub current_mention: Option<usize>,
    /// Mentions of this entity are highlighted; `]`/`[` step through them.
    pub chosen_entity: Option<usize>,
    pub layout: ArticleLayout,
    pub quotes: Picker,
    pub entities: Picker,
    pub help_scroll: usize,
    /// The review session: every mark the user made, saved at once on each change.
    pub session: Session,
    /// Earlier states of the session, newest last, for `u`.
    pub undo: Vec<Session>,
    /// The text being edited (note, tags, export path) and what it applies to.
    pub input: String,
    pub input_target: Option<Target>,
    /// The mode to return to when an edit ends (browsing or a review run).
    pub return_mode: Mode,
    pub run: ReviewRun,
    /// The export file exists: the next Enter overwrites it.
    pub confirm_overwrite: bool,
    /// The last save failed: the change is kept in memory and saving is retried.
    pub unsaved: bool,
    pub should_quit: bool,
    /// The first key of a key sequence typed so far ("g" of "gg").
    pub pending_key: Option<super::keymap::Key>,
    /// Warnings from loading, shown in the status line until the next key.
    pub message: Option<String>,
    /// The corpus is still being analysed (the list holds previews).
    pub loading: Option<Arc<crate::cache::Progress>>,
}

impl App {
    pub fn new(corpus: Corpus) -> Self {
        let corpus = Arc::new(corpus);
        let index = Arc::new(SearchIndex::new(corpus.clone()));
        let visible = (0..corpus.articles.len())
            .map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            })
            .collect();
        let mut app = Self {
            corpus,
            index,
            keymap: Keymap::default(),
            mode: Mode::Browse,
            focus: Focus::List,
            width: 100,
            height: 30,
            visible,
            selected: 0,
            list_offset: 0,
            filter: Picker::default(),
            entity_filter: None,
            scroll: 0,
            raw: false,
            current_quote: None,
            current_mention: None,
            chosen_entity: None,
            layout: ArticleLayout::default(),
            quotes: Picker::default(),
            entities: Picker::default(),
            help_scroll: 0,
            session: Session::new("bundled seeds"),
            undo: Vec::new(),
            input: String::new(),
            input_target: None,
            return_mode: Mode::Browse,
            run: ReviewRun::default(),
            confirm_overwrite: false,
            unsaved: false,
            should_quit: false,
            pending_key: None,
            message: None,
            loading: None,
        };
        app.entities.hits = app.entity_order();
        app.entities.total = app.entities.hits.len();
        app.relayout();
        app
    }

    /// Entities by mentions, most first: the entity list before a query.
    fn entity_order(&self) -> Vec<Hit> {
        let mut order: Vec<usize> = (0..self.corpus.entities.len()).collect();
        order.sort_by(|&a, &b| {
            self.corpus.entities[b]
                .mentions
                .cmp(&self.corpus.entities[a].mentions)
                .then(a.cmp(&b))
        });
        order
            .into_iter()
            .map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            })
            .collect()
    }

    pub fn entity_hits_for_empty_query(&self) -> Vec<Hit> {
        self.entity_order()
    }

    /// The keymap context the next key is read in.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Browse => match self.focus {
                Focus::List => Context::List,
                Focus::Article => Context::Article,
            },
            Mode::Filter => Context::Filter,
            Mode::QuoteSearch => Context::QuoteSearch,
            Mode::Entities => Context::Entities,
            Mode::Help => Context::Help,
            Mode::Note => Context::Note,
            Mode::Tags | Mode::Speaker => Context::Tags,
            Mode::Run => Context::Run,
            Mode::Export => Context::Export,
        }
    }

    pub fn is_narrow(&self) -> bool {
        self.width < NARROW_WIDTH
    }

    pub fn is_too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Columns of the list pane (the whole width on a narrow terminal).
    pub fn list_width(&self) -> u16 {
        if self.is_narrow() {
            self.width
        } else {
            (self.width * 2 / 5).clamp(28, 64)
        }
    }

    /// Inner width of the article pane (inside its borders).
    pub fn article_text_width(&self) -> u16 {
        let outer = if self.is_narrow() {
            self.width
        } else {
            self.width - self.list_width()
        };
        outer.saturating_sub(2).max(8)
    }

    /// Rows of article text visible (inside borders, below the header, above the status line).
    pub fn article_text_height(&self) -> usize {
        usize::from(self.height.saturating_sub(1 + 2 + 3)).max(1)
    }

    /// Rows of the list visible.
    pub fn list_height(&self) -> usize {
        usize::from(self.height.saturating_sub(1 + 2)).max(1)
    }

    /// The corpus index of the selected article, if the list is not empty.
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.selected).map(|h| h.index)
    }

    /// Lays the selected article out again when the article, the width or the view changed.
    pub fn relayout(&mut self) {
        let Some(index) = self.selected_article() else {
            self.layout = ArticleLayout::default();
            return;
        };
        let width = self.article_text_width();
        if self.layout.article == index
            && self.layout.width == width
            && self.layout.raw == self.raw
            && !self.layout.lines.is_empty()
        {
            return;
        }
        self.layout = lay_out(index, &self.corpus.articles[index], width, self.raw);
    }

    /// Opens with a saved session: every mark, and the place the user left (the filter, the
    /// selected article, its scroll and the focus).
    pub fn with_session(corpus: Corpus, session: Session) -> Self {
        let mut app = Self::new(corpus);
        let position = session.position.clone();
        app.session = session;
        if !position.filter.is_empty() {
            app.filter.query = position.filter.clone();
            app.filter.generation += 1;
            let answer = app.index.rank(RankTarget::Articles, &position.filter);
            if !answer.hits.is_empty() {
                app.visible = answer.hits;
            } else {
                app.filter.query.clear();
            }
        }
        if let Some(id) = &position.article {
            if let Some(i) = app
                .visible
                .iter()
                .position(|h| app.corpus.articles[h.index].id == *id)
            {
                app.selected = i;
            }
        }
        app.relayout();
        app.scroll = position.scroll;
        if position.focus_article {
            app.focus = Focus::Article;
        }
        app
    }

    /// A reader opened before its corpus is analysed: an empty list that previews fill,
    /// with `progress` shown in the status line until [`App::finish_loading`].
    pub fn loading(session: Session, progress: Arc<crate::cache::Progress>) -> Self {
        let mut app = Self::new(Corpus::default());
        app.session = session;
        // The index must not share the corpus: previews are appended to it in place.
        app.index = Arc::new(SearchIndex::new(Arc::new(Corpus::default())));
        app.loading = Some(progress);
        app
    }

    /// Appends listable articles while the corpus is analysed.
    pub fn add_previews(&mut self, articles: Vec<crate::analysis::Article>) {
        let corpus = Arc::make_mut(&mut self.corpus);
        let start = corpus.articles.len();
        corpus.articles.extend(articles);
        let end = corpus.articles.len();
        if self.filter.query.is_empty() && self.entity_filter.is_none() {
            self.visible.extend((start..end).map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            }));
        }
        if start == 0 {
            self.relayout();
        }
    }

    /// The analysed corpus replaces the previews: the saved session's place is restored,
    /// or the article the user moved to while loading is kept; marks made meanwhile stay.
    pub fn finish_loading(&mut self, corpus: Corpus) {
        let moved_to = self
            .selected_article()
            .filter(|_| self.selected > 0 || self.focus == Focus::Article)
            .map(|a| self.corpus.articles[a].id.clone());
        let session = std::mem::replace(&mut self.session, Session::new(""));
        let mut fresh = App::with_session(corpus, session);
        fresh.keymap = std::mem::take(&mut self.keymap);
        fresh.unsaved = self.unsaved;
        fresh.message = self.message.take();
        if let Some(id) = moved_to {
            if let Some(i) = fresh
                .visible
                .iter()
                .position(|h| fresh.corpus.articles[h.index].id == id)
            {
                fresh.selected = i;
                fresh.scroll = 0;
            }
        }
        let (width, height) = (self.width, self.height);
        *self = fresh;
        self.width = width;
        self.height = height;
        self.relayout();
    }

    /// Writes where the user is into the session, before a save.
    pub fn sync_position(&mut self) {
        if self.loading.is_some() {
            return; // the saved place is restored once the corpus is in
        }
        let article = self
            .selected_article()
            .map(|a| self.corpus.articles[a].id.clone());
        let position = &mut self.session.position;
        position.article = article;
        position.scroll = self.scroll;
        position.focus_article = self.focus == Focus::Article;
        position.filter = self.filter.query.clone();
    }

    /// The quote under the cursor in the article pane, as (article, quote).
    pub fn quote_under_cursor(&self) -> Option<(usize, usize)> {
        let article = self.selected_article()?;
        (self.focus == Focus::Article).then_some(())?;
        self.current_quote.map(|q| (article, q))
    }

    /// Counts for the status line: (articles reviewed, articles, quotes with a verdict, quotes).
    pub fn progress(&self) -> (usize, usize, usize, usize) {
        let reviewed = self
            .corpus
            .articles
            .iter()
            .filter(|a| self.session.state_of(&a.id) == crate::review::ArticleState::Reviewed)
            .count();
        // Every quote of the corpus is listed once in the search index.
        let quotes = self.index.quote_refs.len();
        let verdicts = self
            .session
            .quotes
            .iter()
            .filter(|q| q.verdict.is_some())
            .count();
        (
            reviewed,
            self.corpus.articles.len(),
            verdicts.min(quotes),
            quotes,
        )
    }

    pub fn max_scroll(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(self.article_text_height())
    }
}
