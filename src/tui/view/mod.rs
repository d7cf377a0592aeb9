//! Paints the app. Views read the model and never change it; all colours come from the theme.

mod article;
mod list;
mod overlay;
mod review;
mod status;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::app::{App, Focus, Mode, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if app.is_too_small() {
        let message = format!(
            "quire needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this terminal is {}x{}",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(message).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [body, status_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if app.is_narrow() {
        match app.focus {
            Focus::List => list::render(frame, body, app, theme),
            Focus::Article => article::render(frame, body, app, theme),
        }
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Length(app.list_width()), Constraint::Min(1)])
                .areas(body);
        list::render(frame, left, app, theme);
        article::render(frame, right, app, theme);
    }
    match app.mode {
        Mode::QuoteSearch => overlay::render_quote_search(frame, popup(body), app, theme),
        Mode::Entities => overlay::render_entities(frame, popup(body), app, theme),
        Mode::Help => overlay::render_help(frame, popup(body), app, theme),
        Mode::Run => review::render_run(frame, popup(body), app, theme),
        Mode::Note => review::render_note(frame, small_popup(body, 12), app, theme),
        Mode::Tags | Mode::Speaker | Mode::Export => {
            review::render_prompt(frame, small_popup(body, 3), app, theme)
        }
        Mode::Browse | Mode::Filter => {}
    }
    status::render(frame, status_area, app, theme);
}

/// A centred area `height` rows tall, for editors and prompts.
fn small_popup(area: Rect, height: u16) -> Rect {
    let width = (area.width * 4 / 5).max(area.width.min(30));
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A centred area for an overlay.
fn popup(area: Rect) -> Rect {
    let width = (area.width * 9 / 10).max(area.width.min(30));
    let height = (area.height * 9 / 10).max(area.height.min(8));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// `text` cut to `max_cols` columns (spaces kept), with an ellipsis when cut.
fn truncate_cols(text: &str, max_cols: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut cols = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if cols + w > max_cols.saturating_sub(1)
            && unicode_width::UnicodeWidthStr::width(text) > max_cols
        {
            out.push('…');
            return out;
        }
        out.push(c);
        cols += w;
    }
    out
}

/// `text` with the characters at `positions` (char indices) in the match style, cut to
/// `max_cols` columns with an ellipsis.
fn highlighted<'a>(
    text: &str,
    positions: &[usize],
    base: ratatui::style::Style,
    matched: ratatui::style::Style,
    max_cols: usize,
) -> Line<'a> {
    use unicode_width::UnicodeWidthChar;
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_is_match = false;
    let mut cols = 0;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Positions refer to the original text; flattening whitespace only shortens runs of space,
    // so map through a table of original char index → flattened.
    let mut map = Vec::with_capacity(text.chars().count());
    {
        let mut flat_i = 0usize;
        let mut prev_space = true;
        for c in text.chars() {
            if c.is_whitespace() {
                map.push(if prev_space { usize::MAX } else { flat_i });
                if !prev_space {
                    flat_i += 1;
                }
                prev_space = true;
            } else {
                map.push(flat_i);
                flat_i += 1;
                prev_space = false;
            }
        }
    }
    let matched_flat: std::collections::HashSet<usize> = positions
        .iter()
        .filter_map(|&p| map.get(p).copied())
        .filter(|&p| p != usize::MAX)
        .collect();
    for (i, c) in flat.chars().enumerate() {
        let w = c.width().unwrap_or(0);
        if cols + w + 1 > max_cols && i + 1 < flat.chars().count() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_is_match { matched } else { base },
            ));
            spans.push(Span::styled("…", base));
            return Line::from(spans);
        }
        let is_match = matched_flat.contains(&i);
        if is_match != run_is_match && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_is_match { matched } else { base },
            ));
        }
        run_is_match = is_match;
        run.push(c);
        cols += w;
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_is_match { matched } else { base }));
    }
    Line::from(spans)
}
