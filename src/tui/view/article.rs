//! The article pane: a header (title, date, source, speakers quoted), then the laid-out text
//! with quotes, reported speech and entities in their styles. The quote under the cursor and
//! the chosen entity's mentions stand out.

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use crate::analysis::QuoteKind;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Role;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Article;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(
            if app.raw {
                " Raw text (removed debris struck out) "
            } else {
                " Article "
            },
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(index) = app.selected_article() else {
        frame.render_widget(
            Paragraph::new("No article selected.").style(theme.dim),
            inner,
        );
        return;
    };
    let article = &app.corpus.articles[index];
    let [header, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
    let mut speakers: Vec<&str> = article
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    let mut seen = std::collections::HashSet::new();
    speakers.retain(|s| seen.insert(*s));
    let meta = [article.date.as_deref(), article.source.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let header_lines = vec![
        Line::styled(article.display_title().to_string(), theme.title),
        Line::styled(
            if meta.is_empty() {
                "no date or source in the text".to_string()
            } else {
                meta
            },
            theme.dim,
        ),
        Line::from(vec![
            Span::styled("Speakers: ", theme.dim),
            Span::styled(
                if speakers.is_empty() && app.loading.is_some() {
                    "known once the corpus is analysed".to_string()
                } else if speakers.is_empty() {
                    "none".to_string()
                } else {
                    speakers.join(", ")
                },
                theme.person,
            ),
        ]),
    ];
    frame.render_widget(Paragraph::new(header_lines), header);

    let quote_range = app
        .current_quote
        .and_then(|q| article.quotes.get(q))
        .map(|q| q.start..q.end);
    let mention_range = app
        .current_mention
        .and_then(|m| article.entities.get(m))
        .map(|m| m.span());
    let lines: Vec<Line> = app
        .layout
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(body.height))
        .map(|laid| {
            let spans: Vec<Span> = laid
                .segments
                .iter()
                .map(|seg| {
                    let in_current = quote_range.as_ref().is_some_and(|r| r.contains(&seg.byte));
                    let in_mention = mention_range
                        .as_ref()
                        .is_some_and(|r| r.contains(&seg.byte));
                    Span::styled(
                        seg.text.clone(),
                        style_for(seg.role, in_current, in_mention, app.chosen_entity, theme),
                    )
                })
                .collect();
            let line = Line::from(spans);
            if laid.right_align {
                line.alignment(Alignment::Right)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The style of a piece of text: its quote style, patched by its entity's style, so a name
/// inside a quote shows both.
fn style_for(
    role: Role,
    in_current_quote: bool,
    in_current_mention: bool,
    chosen: Option<usize>,
    theme: &Theme,
) -> Style {
    let mut style = theme.text;
    if role.removed {
        return theme.removed;
    }
    if let Some((kind, _)) = role.quote {
        style = style.patch(match kind {
            QuoteKind::Direct => theme.quote,
            QuoteKind::Reported => theme.reported,
        });
    }
    if in_current_quote {
        style = style.patch(theme.current);
    }
    if let Some((kind, entity)) = role.entity {
        style = style.patch(theme.entity(kind));
        if chosen == Some(entity) || in_current_mention {
            style = style.patch(theme.chosen_entity);
        }
    }
    style
}
