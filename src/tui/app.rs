//! The whole state of the reader. `update` changes it, views read it; nothing here does I/O.

use std::sync::Arc;

use super::keymap::{Context, Keymap};
use super::layout::{lay_out, ArticleLayout};
use crate::analysis::Corpus;
use crate::review::Session;
use crate::search::{Hit, Ranker};

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

/// The strings each fuzzy search ranks, built once per corpus and shared with the worker.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Title, source, date and entity names of each article, as separate fields; the title
    /// first, so that match positions are positions in the title.
    pub article_fields: Vec<Vec<String>>,
    /// (article, quote) of each quote in corpus order.
    pub quote_refs: Vec<(usize, usize)>,
    /// Quote text, then the speaker.
    pub quote_keys: Vec<String>,
    /// Entity name, then its aliases.
    pub entity_keys: Vec<String>,
}

impl SearchIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let mut index = SearchIndex::default();
        for (a, article) in corpus.articles.iter().enumerate() {
            let mut names: Vec<&str> = article
                .entities
                .iter()
                .map(|m| corpus.entities[m.entity].name.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            let mut fields = vec![article.display_title().to_string()];
            fields.extend(article.source.clone());
            fields.extend(article.date.clone());
            fields.extend(names.into_iter().map(str::to_string));
            index.article_fields.push(fields);
            for (q, quote) in article.quotes.iter().enumerate() {
                index.quote_refs.push((a, q));
                index.quote_keys.push(format!(
                    "{} {}",
                    article.quote_text(quote),
                    quote.speaker.as_deref().unwrap_or("")
                ));
            }
        }
        index.entity_keys = corpus
            .entities
            .iter()
            .map(|e| format!("{} {}", e.name, e.aliases.join(" ")))
            .collect();
        index
    }

    /// Ranks one target's strings against `query` (the worker's job; tests call it inline).
    pub fn rank(&self, target: RankTarget, query: &str) -> Vec<Hit> {
        let ranker = Ranker::default();
        let keys = match target {
            RankTarget::Articles => {
                // The list keeps corpus order while filtering: a reader scans it by date.
                return self
                    .article_fields
                    .iter()
                    .enumerate()
                    .filter_map(|(index, fields)| {
                        if query.trim().is_empty() {
                            return Some(Hit {
                                index,
                                score: 0,
                                positions: Vec::new(),
                            });
                        }
                        ranker
                            .score_fields(fields, query)
                            .map(|(score, positions)| Hit {
                                index,
                                score,
                                positions,
                            })
                    })
                    .collect();
            }
            RankTarget::Quotes => &self.quote_keys,
            RankTarget::Entities => &self.entity_keys,
        };
        ranker.rank(keys.iter().map(String::as_str), query)
    }
}

/// A prompt with its ranked hits.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: String,
    pub hits: Vec<Hit>,
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
}

impl App {
    pub fn new(corpus: Corpus) -> Self {
        let index = Arc::new(SearchIndex::new(&corpus));
        let visible = (0..corpus.articles.len())
            .map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            })
            .collect();
        let mut app = Self {
            corpus: Arc::new(corpus),
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
        };
        app.entities.hits = app.entity_order();
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
            let hits = app.index.rank(RankTarget::Articles, &position.filter);
            if !hits.is_empty() {
                app.visible = hits;
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

    /// Writes where the user is into the session, before a save.
    pub fn sync_position(&mut self) {
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
