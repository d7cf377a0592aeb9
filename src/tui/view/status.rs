//! The status line: mode, active filter, position, the speaker of the quote under the cursor,
//! and the few keys that matter in this mode.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::app::{App, Focus, Mode};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let context = app.context();
    let mut spans = vec![Span::styled(format!(" {} ", context.name()), theme.key)];
    if let Some(message) = &app.message {
        spans.push(Span::raw(format!(" {message}")));
        frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
        return;
    }
    if !app.filter.query.is_empty() {
        spans.push(Span::raw(format!(" /{} ", app.filter.query)));
    }
    if let Some(e) = app.entity_filter {
        spans.push(Span::raw(format!(" @{} ", app.corpus.entities[e].name)));
    }
    let position = match (app.mode, app.focus) {
        (Mode::Browse, Focus::Article) => format!(
            " line {}/{} ",
            (app.scroll + 1).min(app.layout.lines.len().max(1)),
            app.layout.lines.len()
        ),
        _ => format!(
            " {}/{} ",
            if app.visible.is_empty() {
                0
            } else {
                app.selected + 1
            },
            app.visible.len()
        ),
    };
    spans.push(Span::raw(position));
    if let Some(progress) = &app.loading {
        use std::sync::atomic::Ordering::Relaxed;
        let total = progress.to_analyse.load(Relaxed);
        let done = progress.analysed.load(Relaxed).min(total);
        let stage = match total {
            0 => " reading the corpus and its analysis cache… ".to_string(),
            t if done == t => " linking entities: quotes and search follow ".to_string(),
            t => format!(" analysing {done}/{t}: quotes and search follow "),
        };
        spans.push(Span::styled(stage, theme.flagged));
    }
    if let (Some(article), Some(q)) = (app.selected_article(), app.current_quote) {
        if let Some(quote) = app.corpus.articles[article].quotes.get(q) {
            let article_ref = &app.corpus.articles[article];
            let (text, context) = crate::review::anchor::anchor_of(article_ref, q);
            let corrected = app
                .session
                .quote(&article_ref.id, &text, &context)
                .and_then(|r| r.speaker.clone());
            let speaker = corrected
                .as_deref()
                .or(quote.speaker.as_deref())
                .unwrap_or("unknown speaker");
            let of = app.corpus.articles[article].quotes.len();
            spans.push(Span::styled(
                format!(" quote {}/{of}: {speaker} ", q + 1),
                theme.person,
            ));
        }
    }
    let (reviewed, articles, verdicts, quotes) = app.progress();
    spans.push(Span::raw(format!(
        " ✓{reviewed}/{articles} verdicts {verdicts}/{quotes} "
    )));
    if app.unsaved {
        spans.push(Span::styled(" UNSAVED ", theme.flagged));
    }
    spans.push(Span::styled(
        format!(" {}", app.keymap.hints(context)),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
