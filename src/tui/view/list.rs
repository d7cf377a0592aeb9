//! The article list: a mark, the date, the title (matched characters highlighted) and small
//! counts of quotes and entities; the block title says how many are shown of how many.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::highlighted;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::List || app.mode == Mode::Filter;
    let mut title = format!(
        " Articles {}{}/{} ",
        app.visible.len(),
        if app.filter.partial { "…" } else { "" },
        app.corpus.articles.len()
    );
    if let Some(e) = app.entity_filter {
        title.push_str(&format!("· {} ", app.corpus.entities[e].name));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.title));
    let block = if app.mode == Mode::Filter || !app.filter.query.is_empty() {
        block.title_bottom(Line::from(vec![
            Span::styled(" / ", theme.key),
            Span::raw(format!("{} ", app.filter.query)),
        ]))
    } else {
        block
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (row, hit) in app
        .visible
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height))
    {
        let article = &app.corpus.articles[hit.index];
        let counts = format!(" {}q {}e", article.quotes.len(), article.entities.len());
        let date = article.date.as_deref().unwrap_or("   n.d.   ");
        let selected = row == app.selected;
        let base = if selected { theme.selected } else { theme.text };
        let review = app.session.article(&article.id);
        let state = match review.map(|r| r.state).unwrap_or_default() {
            crate::review::ArticleState::Unread => ' ',
            crate::review::ArticleState::Read => '·',
            crate::review::ArticleState::Reviewed => '✓',
        };
        let flag = if review.is_some_and(|r| r.flagged) {
            '⚑'
        } else {
            ' '
        };
        let prefix = format!("{}{state}{flag}{date} ", if selected { "▶" } else { " " });
        let title_cols = width.saturating_sub(prefix.chars().count() + counts.len());
        let mut spans = vec![Span::styled(prefix, base)];
        let title_line = highlighted(
            article.display_title(),
            &hit.positions,
            base,
            base.patch(theme.fuzzy_match),
            title_cols,
        );
        let used: usize = title_line
            .spans
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref()))
            .sum();
        spans.extend(title_line.spans);
        spans.push(Span::styled(
            " ".repeat(title_cols.saturating_sub(used)),
            base,
        ));
        spans.push(Span::styled(
            counts,
            if selected { base } else { theme.dim },
        ));
        lines.push(Line::from(spans));
    }
    if app.visible.is_empty() {
        let empty = if app.loading.is_some() {
            "loading articles…"
        } else {
            "no article matches"
        };
        lines.push(Line::styled(empty, theme.dim));
    }
    frame.render_widget(Paragraph::new(lines).style(Style::default()), inner);
}
