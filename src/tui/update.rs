//! Applies one action to the app. No I/O, no terminal, no clock: work that must happen
//! elsewhere (ranking 100,000 titles or a million quotes) is handed back as a `Command` for the
//! loop to run on a worker, whose answer comes back as `Action::Ranked`.

use super::action::{Action, RankTarget};
use super::app::{Answer, App, Focus, Mode, Picker};
use super::review;
use crate::search::Hit;

/// Work for the loop to run off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Rank {
        target: RankTarget,
        generation: u64,
        query: String,
    },
    /// Save the review session (with the current position).
    Save,
    /// Write the review report to this file.
    Export { path: String },
    /// Stop the process until the shell resumes it (Ctrl-z, then `fg`).
    Suspend,
    /// The corpus changed: the worker searches the app's new index from now on.
    Reindex,
}

pub fn update(app: &mut App, action: Action) -> Option<Command> {
    app.message = None;
    match action {
        Action::Quit => app.should_quit = true,
        Action::Suspend => return Some(Command::Suspend),
        Action::Preview(articles) => app.add_previews(articles),
        // Searching and reviewing need the analysed corpus; the list can be read meanwhile.
        Action::StartFilter
        | Action::StartQuoteSearch
        | Action::StartEntities
        | Action::StartReviewRun
        | Action::StartExport
            if app.loading.is_some() =>
        {
            app.message = Some("still analysing: search and review open once it is done".into());
        }
        Action::Loaded(corpus, message) => {
            app.finish_loading(*corpus);
            app.message = message;
            return Some(Command::Reindex);
        }
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            app.relayout();
            app.scroll = app.scroll.min(app.max_scroll());
            keep_list_selection_visible(app);
        }
        Action::Ranked {
            generation,
            target,
            answer,
        } => apply_ranked(app, generation, target, answer),
        Action::Scroll { col, row, delta } => scroll_at(app, col, row, delta),
        Action::Click { col, row } => click_at(app, col, row),
        action => match app.mode {
            Mode::Browse => return browse(app, action),
            Mode::Filter | Mode::QuoteSearch | Mode::Entities => return prompt(app, action),
            Mode::Help => help(app, action),
            Mode::Note | Mode::Tags | Mode::Speaker | Mode::Export => return edit(app, action),
            Mode::Run => return run(app, action),
        },
    }
    None
}

fn browse(app: &mut App, action: Action) -> Option<Command> {
    let page = app.article_text_height();
    match (app.focus, action) {
        (Focus::List, Action::Down) => select(app, app.selected as isize + 1),
        (Focus::List, Action::Up) => select(app, app.selected as isize - 1),
        (Focus::List, Action::Top) => select(app, 0),
        (Focus::List, Action::Bottom) => select(app, app.visible.len() as isize - 1),
        (Focus::List, Action::PageDown) => select(app, (app.selected + app.list_height()) as isize),
        (Focus::List, Action::PageUp) => {
            select(app, app.selected as isize - app.list_height() as isize)
        }
        (Focus::List, Action::HalfPageDown) => {
            select(app, (app.selected + app.list_height() / 2) as isize)
        }
        (Focus::List, Action::HalfPageUp) => select(
            app,
            app.selected as isize - (app.list_height() / 2) as isize,
        ),
        (Focus::Article, Action::Down) => scroll_by(app, 1),
        (Focus::Article, Action::Up) => scroll_by(app, -1),
        (Focus::Article, Action::Top) => app.scroll = 0,
        (Focus::Article, Action::Bottom) => app.scroll = app.max_scroll(),
        (Focus::Article, Action::PageDown) => scroll_by(app, page as isize),
        (Focus::Article, Action::PageUp) => scroll_by(app, -(page as isize)),
        (Focus::Article, Action::HalfPageDown) => scroll_by(app, (page / 2) as isize),
        (Focus::Article, Action::HalfPageUp) => scroll_by(app, -((page / 2) as isize)),
        (_, Action::ToggleFocus) => {
            app.focus = match app.focus {
                Focus::List => Focus::Article,
                Focus::Article => Focus::List,
            }
        }
        (_, Action::Open) => {
            if app.selected_article().is_some() {
                app.focus = Focus::Article;
                return review::mark_read(app);
            }
        }
        (_, Action::ToggleReviewed) => return review::toggle_reviewed(app),
        (_, Action::ToggleFlag) => return review::toggle_flag(app),
        (_, Action::SetVerdict(verdict)) => return review::set_verdict(app, Some(verdict)),
        (_, Action::ClearVerdict) => return review::set_verdict(app, None),
        (_, Action::Undo) => return review::undo(app),
        (_, Action::EditNote) => review::start_edit(app, Mode::Note),
        (_, Action::EditTags) => review::start_edit(app, Mode::Tags),
        (_, Action::EditSpeaker) => review::start_edit(app, Mode::Speaker),
        (_, Action::StartReviewRun) => return review::start_run(app),
        (_, Action::StartExport) => review::start_export(app),
        (_, Action::StartFilter) => {
            app.mode = Mode::Filter;
            app.focus = Focus::List;
        }
        (_, Action::StartQuoteSearch) => {
            // Every quote in corpus order before a query: listed when the search first opens,
            // not at start-up (a corpus can hold a million quotes).
            if app.quotes.query.is_empty() && app.quotes.hits.is_empty() {
                let answer = app.index.rank(RankTarget::Quotes, "");
                app.quotes.hits = answer.hits;
                app.quotes.total = answer.total;
            }
            app.mode = Mode::QuoteSearch;
        }
        (_, Action::StartEntities) => app.mode = Mode::Entities,
        (_, Action::ShowHelp) => {
            app.mode = Mode::Help;
            app.help_scroll = 0;
        }
        (_, Action::NextQuote) => step_quote(app, 1),
        (_, Action::PrevQuote) => step_quote(app, -1),
        (_, Action::NextMention) => step_mention(app, 1),
        (_, Action::PrevMention) => step_mention(app, -1),
        (_, Action::ToggleRaw) => {
            app.raw = !app.raw;
            app.scroll = 0;
            app.relayout();
        }
        (_, Action::Cancel) => {
            if !app.filter.query.is_empty() || app.entity_filter.is_some() {
                clear_filter(app);
                app.entity_filter = None;
                app.chosen_entity = None;
                return refilter(app);
            }
        }
        // Keys of other contexts never reach here; typing outside a prompt does nothing.
        (
            _,
            Action::Confirm
            | Action::Type(_)
            | Action::Backspace
            | Action::Skip
            | Action::Save
            | Action::Newline,
        ) => {}
        (
            _,
            Action::Quit
            | Action::Suspend
            | Action::Resize { .. }
            | Action::Ranked { .. }
            | Action::Preview(_)
            | Action::Loaded(..)
            | Action::Scroll { .. }
            | Action::Click { .. },
        ) => {}
    }
    None
}

fn prompt(app: &mut App, action: Action) -> Option<Command> {
    let mode = app.mode;
    match action {
        Action::Type(c) => {
            picker_mut(app).query.push(c);
            return requery(app);
        }
        Action::Backspace => {
            picker_mut(app).query.pop();
            return requery(app);
        }
        Action::Down => move_pick(app, 1),
        Action::Up => move_pick(app, -1),
        Action::Cancel => {
            app.mode = Mode::Browse;
            if mode == Mode::Filter {
                clear_filter(app);
                return refilter(app);
            }
        }
        Action::Confirm => match mode {
            Mode::Filter => app.mode = Mode::Browse,
            Mode::QuoteSearch => return jump_to_quote(app),
            Mode::Entities => choose_entity(app),
            Mode::Browse
            | Mode::Help
            | Mode::Note
            | Mode::Tags
            | Mode::Speaker
            | Mode::Run
            | Mode::Export => {}
        },
        _ => {}
    }
    None
}

/// The note editor, the tags prompt and the export path prompt.
fn edit(app: &mut App, action: Action) -> Option<Command> {
    match action {
        Action::Type(c) => {
            app.input.push(c);
            app.confirm_overwrite = false;
        }
        Action::Backspace => {
            app.input.pop();
            app.confirm_overwrite = false;
        }
        Action::Cancel => review::cancel_edit(app),
        Action::Newline => return review::newline(app),
        Action::Save => return review::finish_edit(app),
        Action::Confirm if app.mode == Mode::Export => return review::finish_export(app),
        Action::Confirm => return review::finish_edit(app),
        _ => {}
    }
    None
}

/// A review run: single-key verdicts that move on, skip, flag, note, leave.
fn run(app: &mut App, action: Action) -> Option<Command> {
    match action {
        Action::SetVerdict(verdict) => return review::set_verdict(app, Some(verdict)),
        Action::ClearVerdict => return review::set_verdict(app, None),
        Action::ToggleFlag => return review::toggle_flag(app),
        Action::EditNote => review::start_edit(app, Mode::Note),
        Action::EditTags => review::start_edit(app, Mode::Tags),
        Action::EditSpeaker => review::start_edit(app, Mode::Speaker),
        Action::Skip => review::next_in_run(app),
        Action::Undo => return review::undo(app),
        Action::Cancel => return review::leave_run(app),
        _ => {}
    }
    None
}

fn help(app: &mut App, action: Action) {
    match action {
        Action::Cancel => app.mode = Mode::Browse,
        Action::Down => app.help_scroll += 1,
        Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
        _ => {}
    }
}

/// Empties the filter query; the generation keeps counting so late answers stay stale.
fn clear_filter(app: &mut App) {
    let generation = app.filter.generation + 1;
    app.filter = Picker {
        generation,
        ..Picker::default()
    };
}

/// The ranked list a prompt mode types into: quote search and the entity list have their
/// own; every other mode's typing filters the article list.
fn rank_target(mode: Mode) -> RankTarget {
    match mode {
        Mode::QuoteSearch => RankTarget::Quotes,
        Mode::Entities => RankTarget::Entities,
        Mode::Filter
        | Mode::Browse
        | Mode::Help
        | Mode::Note
        | Mode::Tags
        | Mode::Speaker
        | Mode::Run
        | Mode::Export => RankTarget::Articles,
    }
}

fn picker_mut(app: &mut App) -> &mut Picker {
    match rank_target(app.mode) {
        RankTarget::Quotes => &mut app.quotes,
        RankTarget::Entities => &mut app.entities,
        RankTarget::Articles => &mut app.filter,
    }
}

/// A new query: a new generation, so that late answers to older queries are dropped. Until
/// its answer is in, the hits shown are an older query's: marked pending ("…").
fn requery(app: &mut App) -> Option<Command> {
    let target = rank_target(app.mode);
    let picker = picker_mut(app);
    picker.generation += 1;
    picker.partial = true;
    Some(Command::Rank {
        target,
        generation: picker.generation,
        query: picker.query.clone(),
    })
}

/// The article list after the filter or the entity filter changed.
fn refilter(app: &mut App) -> Option<Command> {
    app.filter.generation += 1;
    app.filter.partial = true;
    Some(Command::Rank {
        target: RankTarget::Articles,
        generation: app.filter.generation,
        query: app.filter.query.clone(),
    })
}

fn apply_ranked(app: &mut App, generation: u64, target: RankTarget, answer: Answer) {
    let Answer {
        hits,
        total,
        partial,
    } = answer;
    match target {
        RankTarget::Articles if generation == app.filter.generation => {
            app.filter.total = total;
            app.filter.partial = partial;
            let current = app.selected_article();
            let corpus = app.corpus.clone();
            app.visible = hits
                .into_iter()
                .filter(|h| {
                    app.entity_filter.is_none_or(|e| {
                        corpus.articles[h.index]
                            .entities
                            .iter()
                            .any(|m| m.entity() == e)
                    })
                })
                .map(|mut h| {
                    let title_len = corpus.articles[h.index].display_title().chars().count();
                    h.positions.retain(|&p| p < title_len);
                    h
                })
                .collect();
            app.selected = current
                .and_then(|c| app.visible.iter().position(|h| h.index == c))
                .unwrap_or(0);
            app.list_offset = 0;
            keep_list_selection_visible(app);
            after_selection_change(app);
        }
        RankTarget::Quotes if generation == app.quotes.generation => {
            app.quotes.hits = hits;
            app.quotes.total = total;
            app.quotes.partial = partial;
            app.quotes.selected = 0;
            app.quotes.offset = 0;
        }
        RankTarget::Entities if generation == app.entities.generation => {
            app.entities.hits = if app.entities.query.trim().is_empty() {
                app.entity_hits_for_empty_query()
            } else {
                hits
            };
            app.entities.total = if app.entities.query.trim().is_empty() {
                app.entities.hits.len()
            } else {
                total
            };
            app.entities.partial = partial;
            app.entities.selected = 0;
            app.entities.offset = 0;
        }
        // An older query finished late: drop it.
        RankTarget::Articles | RankTarget::Quotes | RankTarget::Entities => {}
    }
}

fn select(app: &mut App, to: isize) {
    if app.visible.is_empty() {
        return;
    }
    app.selected = to.clamp(0, app.visible.len() as isize - 1) as usize;
    keep_list_selection_visible(app);
    after_selection_change(app);
}

/// The article pane follows the selection: when the selected article is not the one laid out,
/// its view starts at the top, with no quote or mention under the cursor.
fn after_selection_change(app: &mut App) {
    if app.selected_article() != Some(app.layout.article) || app.layout.lines.is_empty() {
        app.scroll = 0;
        app.current_quote = None;
        app.current_mention = None;
        app.relayout();
    }
}

fn keep_list_selection_visible(app: &mut App) {
    let height = app.list_height();
    if app.selected < app.list_offset {
        app.list_offset = app.selected;
    } else if app.selected >= app.list_offset + height {
        app.list_offset = app.selected + 1 - height;
    }
}

fn scroll_by(app: &mut App, delta: isize) {
    app.scroll = (app.scroll as isize + delta).clamp(0, app.max_scroll() as isize) as usize;
}

/// Scrolls so that `line` is in view, a few lines below the top.
fn reveal_line(app: &mut App, line: usize) {
    let height = app.article_text_height();
    if line < app.scroll || line >= app.scroll + height {
        app.scroll = line.saturating_sub(2).min(app.max_scroll());
    }
}

fn step_quote(app: &mut App, step: isize) {
    let Some(article) = app.selected_article() else {
        return;
    };
    let count = app.corpus.articles[article].quotes.len();
    if count == 0 || app.raw {
        return;
    }
    let next = match app.current_quote {
        Some(q) => (q as isize + step).clamp(0, count as isize - 1) as usize,
        // From nothing: the first quote at or below the top of the view (or the last above).
        None => {
            let lines = &app.layout.quote_lines;
            if step > 0 {
                lines
                    .iter()
                    .position(|&l| l >= app.scroll)
                    .unwrap_or(count - 1)
            } else {
                lines
                    .iter()
                    .rposition(|&l| l < app.scroll + app.article_text_height())
                    .unwrap_or(0)
            }
        }
    };
    app.current_quote = Some(next);
    app.focus = Focus::Article;
    if let Some(&line) = app.layout.quote_lines.get(next) {
        reveal_line(app, line);
    }
}

fn step_mention(app: &mut App, step: isize) {
    let Some(article) = app.selected_article() else {
        return;
    };
    let mentions = &app.corpus.articles[article].entities;
    if mentions.is_empty() || app.raw {
        return;
    }
    // The entity under the cursor, or the one last chosen, or the first visible one.
    let entity = match (app.current_mention, app.chosen_entity) {
        (Some(m), _) => mentions[m].entity(),
        (None, Some(e)) if mentions.iter().any(|m| m.entity() == e) => e,
        _ => {
            let first = app
                .layout
                .mention_lines
                .iter()
                .position(|&l| l >= app.scroll)
                .unwrap_or(0);
            mentions[first].entity()
        }
    };
    let same: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].entity() == entity)
        .collect();
    let next = match app
        .current_mention
        .and_then(|m| same.iter().position(|&i| i == m))
    {
        Some(k) => same[(k as isize + step).clamp(0, same.len() as isize - 1) as usize],
        None => {
            let from = app.scroll;
            let lines = &app.layout.mention_lines;
            if step > 0 {
                same.iter()
                    .copied()
                    .find(|&i| lines[i] >= from)
                    .unwrap_or(same[0])
            } else {
                same.iter()
                    .copied()
                    .rev()
                    .find(|&i| lines[i] <= from + app.article_text_height())
                    .unwrap_or(same[0])
            }
        }
    };
    app.chosen_entity = Some(entity);
    app.current_mention = Some(next);
    app.focus = Focus::Article;
    if let Some(&line) = app.layout.mention_lines.get(next) {
        reveal_line(app, line);
    }
}

fn move_pick(app: &mut App, step: isize) {
    let height = app.list_height().saturating_sub(8).max(3);
    let picker = picker_mut(app);
    if picker.hits.is_empty() {
        return;
    }
    picker.selected =
        (picker.selected as isize + step).clamp(0, picker.hits.len() as isize - 1) as usize;
    if picker.selected < picker.offset {
        picker.offset = picker.selected;
    } else if picker.selected >= picker.offset + height {
        picker.offset = picker.selected + 1 - height;
    }
}

/// Opens the article of the selected quote hit, scrolled to the quote, which stays marked.
fn jump_to_quote(app: &mut App) -> Option<Command> {
    let hit = app.quotes.hits.get(app.quotes.selected)?;
    let (article, quote) = app.index.quote_refs[hit.index];
    app.mode = Mode::Browse;
    if !app.visible.iter().any(|h| h.index == article) {
        // The article is filtered out: show the whole corpus again so it can be selected.
        clear_filter(app);
        app.entity_filter = None;
        app.visible = (0..app.corpus.articles.len())
            .map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            })
            .collect();
    }
    app.selected = app
        .visible
        .iter()
        .position(|h| h.index == article)
        .unwrap_or(0);
    keep_list_selection_visible(app);
    after_selection_change(app);
    if app.raw {
        app.raw = false;
        app.relayout();
    }
    app.focus = Focus::Article;
    app.current_quote = Some(quote);
    if let Some(&line) = app.layout.quote_lines.get(quote) {
        reveal_line(app, line);
    }
    review::mark_read(app)
}

/// Filters the list to the articles that mention the selected entity, and highlights it.
fn choose_entity(app: &mut App) {
    let Some(hit) = app.entities.hits.get(app.entities.selected) else {
        return;
    };
    let entity = hit.index;
    app.mode = Mode::Browse;
    app.focus = Focus::List;
    app.entity_filter = Some(entity);
    app.chosen_entity = Some(entity);
    app.current_mention = None;
    let command = refilter(app);
    // Filtering by an entity is cheap; apply it now so the list changes with this key.
    if let Some(Command::Rank {
        generation, query, ..
    }) = &command
    {
        let answer = app.index.rank(RankTarget::Articles, query);
        apply_ranked(app, *generation, RankTarget::Articles, answer);
    }
}

fn scroll_at(app: &mut App, col: u16, row: u16, delta: i32) {
    let _ = row;
    let over_list =
        !app.is_narrow() && col < app.list_width() || app.is_narrow() && app.focus == Focus::List;
    if app.mode != Mode::Browse {
        return;
    }
    if over_list {
        select(app, app.selected as isize + delta as isize);
    } else {
        scroll_by(app, delta as isize * 3);
    }
}

fn click_at(app: &mut App, col: u16, row: u16) {
    if app.mode != Mode::Browse {
        return;
    }
    let in_list = if app.is_narrow() {
        app.focus == Focus::List
    } else {
        col < app.list_width()
    };
    if in_list {
        // The list's first row is just below its top border (row 0).
        if row >= 1 {
            let index = app.list_offset + usize::from(row - 1);
            if index < app.visible.len() {
                select(app, index as isize);
                app.focus = Focus::List;
            }
        }
    } else {
        app.focus = Focus::Article;
    }
}
