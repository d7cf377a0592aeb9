//! The reader's review actions: marking articles, flagging, verdicts, tags, notes, undo, the
//! review run and export. Each change snapshots the session for undo and asks the loop to save.

use super::app::{App, Focus, Mode, ReviewRun, Target};
use super::update::Command;
use crate::review::anchor::anchor_of;
use crate::review::{ArticleState, Verdict};

const UNDO_LEVELS: usize = 100;

/// Records the session before a change, so `u` can bring it back.
fn checkpoint(app: &mut App) {
    app.undo.push(app.session.clone());
    if app.undo.len() > UNDO_LEVELS {
        app.undo.remove(0);
    }
}

/// What `f`, `t`, `a` and the verdict keys apply to: the quote of the review run, the quote
/// under the cursor, else the selected article.
pub fn target(app: &App) -> Option<Target> {
    if app.mode == Mode::Run || app.return_mode == Mode::Run && app.mode != Mode::Browse {
        return app
            .run
            .items
            .get(app.run.index)
            .map(|&(a, q)| Target::Quote(a, q));
    }
    if let Some((a, q)) = app.quote_under_cursor() {
        return Some(Target::Quote(a, q));
    }
    app.selected_article().map(Target::Article)
}

fn quote_review_mut(app: &mut App, a: usize, q: usize) -> &mut crate::review::QuoteReview {
    let article = &app.corpus.articles[a];
    let (text, context) = anchor_of(article, q);
    let speaker = article.quotes[q].speaker.clone();
    let id = article.id.clone();
    app.session
        .quote_mut(&id, &text, &context, speaker.as_deref())
}

/// The selected article was opened: unread becomes read.
pub fn mark_read(app: &mut App) -> Option<Command> {
    let a = app.selected_article()?;
    let article = &app.corpus.articles[a];
    if app.session.state_of(&article.id) != ArticleState::Unread {
        return None;
    }
    let (id, title) = (article.id.clone(), article.display_title().to_string());
    let review = app.session.article_mut(&id);
    review.state = ArticleState::Read;
    review.title = title;
    Some(Command::Save)
}

pub fn toggle_reviewed(app: &mut App) -> Option<Command> {
    let a = app.selected_article()?;
    checkpoint(app);
    let article = &app.corpus.articles[a];
    let (id, title) = (article.id.clone(), article.display_title().to_string());
    let review = app.session.article_mut(&id);
    review.title = title;
    review.state = match review.state {
        ArticleState::Reviewed => ArticleState::Read,
        ArticleState::Unread | ArticleState::Read => ArticleState::Reviewed,
    };
    Some(Command::Save)
}

pub fn toggle_flag(app: &mut App) -> Option<Command> {
    let target = target(app)?;
    checkpoint(app);
    match target {
        Target::Article(a) => {
            let id = app.corpus.articles[a].id.clone();
            let review = app.session.article_mut(&id);
            review.flagged = !review.flagged;
        }
        Target::Quote(a, q) => {
            let review = quote_review_mut(app, a, q);
            review.flagged = !review.flagged;
        }
    }
    app.session.tidy();
    Some(Command::Save)
}

pub fn set_verdict(app: &mut App, verdict: Option<Verdict>) -> Option<Command> {
    let Some(Target::Quote(a, q)) = target(app) else {
        app.message =
            Some("no quote under the cursor: n/N to step to one, or R for a review run".into());
        return None;
    };
    checkpoint(app);
    quote_review_mut(app, a, q).verdict = verdict;
    app.session.tidy();
    if app.mode == Mode::Run {
        if verdict.is_some() {
            app.run.done += 1;
        }
        next_in_run(app);
    }
    Some(Command::Save)
}

pub fn undo(app: &mut App) -> Option<Command> {
    match app.undo.pop() {
        Some(previous) => {
            // Where the user is is not part of what undo takes back.
            let position = app.session.position.clone();
            app.session = previous;
            app.session.position = position;
            app.message = Some("undone".into());
            Some(Command::Save)
        }
        None => {
            app.message = Some("nothing to undo".into());
            None
        }
    }
}

/// Opens the note editor, the tags prompt or the speaker prompt on the current target, filled
/// with what is there.
pub fn start_edit(app: &mut App, mode: Mode) {
    let Some(target) = target(app) else { return };
    app.input = match (mode, target) {
        (Mode::Speaker, Target::Article(_)) => {
            app.message = Some("no quote under the cursor: n/N to step to one".into());
            return;
        }
        (Mode::Speaker, Target::Quote(a, q)) => {
            let article = &app.corpus.articles[a];
            let (text, context) = anchor_of(article, q);
            let corrected = app
                .session
                .quote(&article.id, &text, &context)
                .and_then(|r| r.speaker.clone());
            corrected
                .or_else(|| article.quotes[q].speaker.clone())
                .unwrap_or_default()
        }
        (_, target) => {
            let (note, tags) = match target {
                Target::Article(a) => app
                    .session
                    .article(&app.corpus.articles[a].id)
                    .map(|r| (r.note.clone(), r.tags.clone())),
                Target::Quote(a, q) => {
                    let (text, context) = anchor_of(&app.corpus.articles[a], q);
                    app.session
                        .quote(&app.corpus.articles[a].id, &text, &context)
                        .map(|r| (r.note.clone(), r.tags.clone()))
                }
            }
            .unwrap_or_default();
            if mode == Mode::Note {
                note
            } else {
                tags.join(", ")
            }
        }
    };
    app.input_target = Some(target);
    app.return_mode = if app.mode == Mode::Run {
        Mode::Run
    } else {
        Mode::Browse
    };
    app.mode = mode;
}

/// Saves the note or tags being edited.
pub fn finish_edit(app: &mut App) -> Option<Command> {
    let target = app.input_target.take()?;
    let mode = app.mode;
    app.mode = app.return_mode;
    checkpoint(app);
    let text = std::mem::take(&mut app.input);
    let tags: Vec<String> = text
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    match (target, mode) {
        (Target::Article(a), Mode::Note) => {
            let id = app.corpus.articles[a].id.clone();
            app.session.article_mut(&id).note = text.trim_end().to_string();
        }
        (Target::Article(a), Mode::Speaker) => {
            let _ = a; // only quotes have speakers
        }
        (Target::Article(a), _) => {
            let id = app.corpus.articles[a].id.clone();
            app.session.article_mut(&id).tags = tags;
        }
        (Target::Quote(a, q), Mode::Note) => {
            quote_review_mut(app, a, q).note = text.trim_end().to_string()
        }
        (Target::Quote(a, q), Mode::Speaker) => {
            let analysed = app.corpus.articles[a].quotes[q].speaker.clone();
            let corrected = text.trim().to_string();
            // Typing the analysis's own answer (or nothing) removes the correction.
            quote_review_mut(app, a, q).speaker = (!corrected.is_empty()
                && Some(&corrected) != analysed.as_ref())
            .then_some(corrected);
        }
        (Target::Quote(a, q), _) => quote_review_mut(app, a, q).tags = tags,
    }
    app.session.tidy();
    Some(Command::Save)
}

pub fn cancel_edit(app: &mut App) {
    app.input.clear();
    app.input_target = None;
    app.mode = app.return_mode;
}

/// Enter in the note editor: a new line, or save when the last line is already empty.
pub fn newline(app: &mut App) -> Option<Command> {
    if app.input.is_empty() || app.input.ends_with('\n') {
        return finish_edit(app);
    }
    app.input.push('\n');
    None
}

/// Starts (or resumes) a review run over the quotes without a verdict, in corpus order, in
/// the articles the list shows.
pub fn start_run(app: &mut App) -> Option<Command> {
    let mut items = Vec::new();
    for hit in &app.visible {
        let article = &app.corpus.articles[hit.index];
        for q in 0..article.quotes.len() {
            let (text, context) = anchor_of(article, q);
            if app
                .session
                .quote(&article.id, &text, &context)
                .is_none_or(|r| r.verdict.is_none())
            {
                items.push((hit.index, q));
            }
        }
    }
    if items.is_empty() {
        app.message = Some("every quote here has a verdict".into());
        return None;
    }
    // Resume at the quote the last run stopped on, if it still waits for a verdict.
    let resume = app
        .session
        .position
        .run_quote
        .as_ref()
        .and_then(|(article_id, text)| {
            items.iter().position(|&(a, q)| {
                app.corpus.articles[a].id == *article_id
                    && anchor_of(&app.corpus.articles[a], q).0 == *text
            })
        });
    app.run = ReviewRun {
        items,
        index: resume.unwrap_or(0),
        done: 0,
    };
    app.mode = Mode::Run;
    remember_run_position(app);
    Some(Command::Save)
}

pub fn next_in_run(app: &mut App) {
    if app.run.index + 1 < app.run.items.len() {
        app.run.index += 1;
    } else {
        app.mode = Mode::Browse;
        app.message = Some(format!("review run finished: {} verdicts", app.run.done));
    }
    remember_run_position(app);
}

fn remember_run_position(app: &mut App) {
    app.session.position.run_quote = app.run.items.get(app.run.index).map(|&(a, q)| {
        let article = &app.corpus.articles[a];
        (article.id.clone(), anchor_of(article, q).0)
    });
}

/// Leaves the run; the article pane shows where it stopped.
pub fn leave_run(app: &mut App) -> Option<Command> {
    if let Some(&(a, q)) = app.run.items.get(app.run.index) {
        if let Some(i) = app.visible.iter().position(|h| h.index == a) {
            app.selected = i;
            app.relayout();
            app.focus = Focus::Article;
            app.current_quote = Some(q);
            if let Some(&line) = app.layout.quote_lines.get(q) {
                app.scroll = line.saturating_sub(2).min(app.max_scroll());
            }
        }
    }
    app.mode = Mode::Browse;
    Some(Command::Save)
}

pub fn start_export(app: &mut App) {
    app.input = format!(
        "quire-review-{}.md",
        app.session.corpus.replace([' ', '/'], "-")
    );
    app.confirm_overwrite = false;
    app.return_mode = Mode::Browse;
    app.mode = Mode::Export;
}

pub fn finish_export(app: &mut App) -> Option<Command> {
    let path = app.input.trim().to_string();
    if path.is_empty() {
        return None;
    }
    if std::path::Path::new(&path).exists() && !app.confirm_overwrite {
        app.confirm_overwrite = true;
        app.message = Some(format!(
            "{path} exists: Enter again overwrites it, Esc cancels"
        ));
        return None;
    }
    app.mode = Mode::Browse;
    Some(Command::Export { path })
}
