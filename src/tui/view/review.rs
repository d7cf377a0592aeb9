//! Review overlays: the review run (progress bar, the quote in context with speaker and
//! article, its marks), the note editor, and the one-line prompts for tags and export.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, Paragraph, Wrap};
use ratatui::Frame;

use super::overlay::frame_block;
use crate::review::anchor::anchor_of;
use crate::tui::app::{App, Mode, Target};
use crate::tui::theme::Theme;

pub fn render_run(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let outer = frame_block(" Review run ", theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [gauge, meta, body, marks] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    let total = app.run.items.len();
    let position = (app.run.index + 1).min(total);
    let ratio = if total == 0 {
        0.0
    } else {
        position as f64 / total as f64
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.key)
            .ratio(ratio)
            .label(format!(
                "quote {position} of {total} without a verdict · {} given in this run",
                app.run.done
            )),
        gauge,
    );
    let Some(&(a, q)) = app.run.items.get(app.run.index) else {
        return;
    };
    let article = &app.corpus.articles[a];
    let quote = &article.quotes[q];
    let (text, context) = anchor_of(article, q);
    let review = app.session.quote(&article.id, &text, &context);
    let speaker = review
        .and_then(|r| r.speaker.clone())
        .or_else(|| quote.speaker.clone())
        .unwrap_or_else(|| "unknown speaker".into());
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("Speaker: ", theme.dim),
                Span::styled(speaker, theme.person),
            ]),
            Line::from(vec![
                Span::styled("Article: ", theme.dim),
                Span::styled(article.display_title().to_string(), theme.title),
            ]),
        ]),
        meta,
    );
    let paragraph = article
        .paragraphs
        .iter()
        .find(|p| p.start <= quote.start && quote.start <= p.end)
        .cloned()
        .unwrap_or(quote.start..quote.end);
    let end = paragraph.end.max(quote.end);
    let context_line = Line::from(vec![
        Span::styled(
            article.text[paragraph.start..quote.start].to_string(),
            theme.text,
        ),
        Span::styled(
            article.text[quote.start..quote.end].to_string(),
            theme.quote.patch(theme.current),
        ),
        Span::styled(article.text[quote.end..end].to_string(), theme.text),
    ]);
    // Keep the quote in view in a long paragraph: scroll so that it starts near the top.
    let width = usize::from(body.width.max(1));
    let before_rows = article.text[paragraph.start..quote.start].chars().count() / width;
    frame.render_widget(
        Paragraph::new(context_line)
            .wrap(Wrap { trim: false })
            .scroll((before_rows.saturating_sub(1) as u16, 0)),
        body,
    );
    let verdict = review
        .and_then(|r| r.verdict)
        .map(|v| v.as_str().to_uppercase())
        .unwrap_or_else(|| "no verdict".into());
    let mut spans = vec![Span::styled(format!("{verdict}  "), theme.key)];
    if review.is_some_and(|r| r.flagged) {
        spans.push(Span::styled("⚑ flagged  ", theme.key));
    }
    if let Some(r) = review {
        if !r.note.is_empty() {
            spans.push(Span::raw(format!("note: {}", r.note.replace('\n', " "))));
        }
    }
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(spans),
            Line::styled(app.keymap.hints(app.context()), theme.dim),
        ]),
        marks,
    );
}

fn target_name(app: &App) -> String {
    match app.input_target {
        Some(Target::Article(a)) => format!("article “{}”", app.corpus.articles[a].display_title()),
        Some(Target::Quote(a, q)) => {
            let article = &app.corpus.articles[a];
            let text: String = article
                .quote_text(&article.quotes[q])
                .chars()
                .take(40)
                .collect();
            format!("quote “{text}…”")
        }
        None => String::new(),
    }
}

pub fn render_note(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let outer = frame_block(format!(" Note on {} ", target_name(app)), theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let mut lines: Vec<Line> = app
        .input
        .split('\n')
        .map(|l| Line::raw(l.to_string()))
        .collect();
    if let Some(last) = lines.last_mut() {
        last.spans.push(Span::styled("▏", theme.key));
    }
    lines.push(Line::styled(
        "Enter new line · Enter on an empty line or Ctrl-s saves · Esc cancels",
        theme.dim,
    ));
    let overflow = lines.len().saturating_sub(usize::from(inner.height));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((overflow as u16, 0)),
        inner,
    );
}

pub fn render_prompt(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let title = match app.mode {
        Mode::Export => " Export the review as Markdown to ".to_string(),
        Mode::Speaker => format!(" Speaker of {} (empty: the analysis's) ", target_name(app)),
        _ => format!(" Tags for {} (comma-separated) ", target_name(app)),
    };
    let outer = frame_block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", theme.key),
            Span::raw(app.input.clone()),
            Span::styled("▏", theme.key),
        ])),
        inner,
    );
}
