//! Overlays: quote search (query, ranked hits, preview in context), the entity list, and help
//! (every key with its meaning, and the legend of highlight styles).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::highlighted;
use crate::analysis::EntityType;
use crate::tui::app::{App, Picker};
use crate::tui::theme::Theme;

/// The frame of an overlay: focused border, titled.
pub(super) fn frame_block<'a>(title: impl Into<String>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title.into(), theme.title))
}

/// The query, then "matches/candidates", with "…" while only a partial answer is in.
fn query_line<'a>(picker: &Picker, candidates: usize, theme: &Theme) -> Line<'a> {
    let pending = if picker.partial { "…" } else { "" };
    Line::from(vec![
        Span::styled("> ", theme.key),
        Span::raw(picker.query.clone()),
        Span::styled("▏", theme.key),
        Span::styled(
            format!("  {}{pending}/{candidates}", picker.total),
            theme.dim,
        ),
    ])
}

pub fn render_quote_search(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = frame_block(" Quote search ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let preview_height = (inner.height / 3).clamp(3, 8);
    let [query, list, preview] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(preview_height),
    ])
    .areas(inner);
    let picker = &app.quotes;
    frame.render_widget(
        Paragraph::new(query_line(picker, app.index.quote_refs.len(), theme)),
        query,
    );
    let width = usize::from(list.width);
    let mut lines = Vec::new();
    for (row, hit) in picker
        .hits
        .iter()
        .enumerate()
        .skip(picker.offset)
        .take(usize::from(list.height))
    {
        let (a, q) = app.index.quote_refs[hit.index];
        let article = &app.corpus.articles[a];
        let quote = &article.quotes[q];
        let text = article.quote_text(quote);
        let base = if row == picker.selected {
            theme.selected
        } else {
            theme.quote
        };
        let tail = format!(
            " — {} · {}",
            quote.speaker.as_deref().unwrap_or("?"),
            article.display_title()
        );
        let text_cols = (width * 2 / 3).max(10);
        let mut line = highlighted(
            text,
            &hit.positions,
            base,
            base.patch(theme.fuzzy_match),
            text_cols,
        );
        let tail_line = highlighted(
            &tail,
            &[],
            if row == picker.selected {
                theme.selected
            } else {
                theme.dim
            },
            theme.dim,
            width.saturating_sub(text_cols + 1),
        );
        line.spans.extend(tail_line.spans);
        lines.push(line);
    }
    if picker.hits.is_empty() {
        lines.push(Line::styled("no quote matches", theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), list);
    // Preview: the quote in its paragraph, the quote itself marked.
    let mut preview_lines = vec![Line::styled(
        "─".repeat(usize::from(preview.width)),
        theme.border,
    )];
    if let Some(hit) = picker.hits.get(picker.selected) {
        let (a, q) = app.index.quote_refs[hit.index];
        let article = &app.corpus.articles[a];
        let quote = &article.quotes[q];
        let paragraph = article
            .paragraphs
            .iter()
            .find(|p| p.start <= quote.start && quote.start <= p.end)
            .cloned()
            .unwrap_or(quote.start..quote.end);
        // Context: up to ~160 bytes before the quote, from a word start, then what follows.
        let mut from = quote.start.saturating_sub(160).max(paragraph.start);
        while !article.text.is_char_boundary(from) {
            from += 1;
        }
        if from > paragraph.start {
            from = article.text[from..quote.start]
                .find(' ')
                .map_or(from, |i| from + i + 1);
        }
        let end = paragraph.end.max(quote.end);
        preview_lines.push(Line::from(vec![
            Span::styled(if from > paragraph.start { "…" } else { "" }, theme.dim),
            Span::styled(article.text[from..quote.start].to_string(), theme.text),
            Span::styled(
                article.text[quote.start..quote.end].to_string(),
                theme.quote.patch(theme.current),
            ),
            Span::styled(article.text[quote.end..end].to_string(), theme.text),
        ]));
    }
    frame.render_widget(
        Paragraph::new(preview_lines).wrap(Wrap { trim: false }),
        preview,
    );
}

pub fn render_entities(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = frame_block(" Entities ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [query, header, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let picker = &app.entities;
    frame.render_widget(
        Paragraph::new(query_line(picker, app.corpus.entities.len(), theme)),
        query,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{:<32} {:<7} {:>8} {:>8}  ALIASES",
                "NAME", "TYPE", "MENTIONS", "ARTICLES"
            ),
            theme.dim,
        )),
        header,
    );
    let width = usize::from(list.width);
    let mut lines = Vec::new();
    for (row, hit) in picker
        .hits
        .iter()
        .enumerate()
        .skip(picker.offset)
        .take(usize::from(list.height))
    {
        let e = &app.corpus.entities[hit.index];
        let selected = row == picker.selected;
        let base = if selected {
            theme.selected
        } else {
            theme.entity(e.kind)
        };
        let mut line = highlighted(
            &e.name,
            &hit.positions,
            base,
            base.patch(theme.fuzzy_match),
            32,
        );
        let used: usize = line
            .spans
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref()))
            .sum();
        let rest = format!(
            "{} {:<7} {:>8} {:>8}  {}",
            " ".repeat(32usize.saturating_sub(used)),
            e.kind.as_str(),
            e.mentions,
            e.articles,
            e.aliases.join(", ")
        );
        let rest = super::truncate_cols(&rest, width.saturating_sub(used));
        line.spans.push(Span::styled(
            rest,
            if selected { theme.selected } else { theme.text },
        ));
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list);
}

pub fn render_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = frame_block(" Help: every key ", theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    let mut last = None;
    for (context, keys, meaning) in app.keymap.help_rows() {
        if last != Some(context) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            let name = if context == crate::tui::keymap::Context::List {
                "LIST (and ARTICLE)"
            } else {
                context.name()
            };
            lines.push(Line::styled(name.to_string(), theme.title));
            last = Some(context);
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<24}"), theme.key),
            Span::raw(meaning),
        ]));
    }
    let mut legend_lines = vec![Line::styled("LEGEND", theme.title)];
    let legend: [(&str, ratatui::style::Style); 11] = [
        ("“direct quote”", theme.quote),
        ("reported speech", theme.reported),
        ("quote under the cursor", theme.quote.patch(theme.current)),
        ("Person", theme.entity(EntityType::Person)),
        ("Organisation", theme.entity(EntityType::Org)),
        ("Place", theme.entity(EntityType::Place)),
        (
            "Group (nationality, religion)",
            theme.entity(EntityType::Group),
        ),
        ("Event", theme.entity(EntityType::Event)),
        ("Other name", theme.entity(EntityType::Other)),
        ("chosen entity", theme.chosen_entity),
        ("fuzzy match", theme.fuzzy_match),
    ];
    for (label, style) in legend {
        legend_lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(label, style),
        ]));
    }
    // The legend beside the keys when there is room, else after them.
    let (keys_area, legend_area) = if inner.width >= 84 {
        let [keys, legend] =
            Layout::horizontal([Constraint::Min(50), Constraint::Length(32)]).areas(inner);
        (keys, Some(legend))
    } else {
        (inner, None)
    };
    if legend_area.is_none() {
        lines.push(Line::raw(""));
        lines.append(&mut legend_lines);
    }
    let scroll = app.help_scroll.min(lines.len().saturating_sub(1));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), keys_area);
    if let Some(area) = legend_area {
        frame.render_widget(Paragraph::new(legend_lines), area);
    }
}
