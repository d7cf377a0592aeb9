//! Lays an article out for a given width: paragraphs wrapped with correct widths for wide and
//! combining characters, each piece tagged with its role (quote, reported speech, entity,
//! removed debris). Computed once per (article, width, raw) and kept by the app, never per
//! frame. Right-to-left paragraphs are laid out in visual order and right-aligned.

use unicode_width::UnicodeWidthChar;

use crate::analysis::{Article, EntityType, QuoteKind};

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub quote: Option<(QuoteKind, usize)>,
    pub entity: Option<(EntityType, usize)>,
    pub removed: bool,
}

const PLAIN: Role = Role {
    quote: None,
    entity: None,
    removed: false,
};

/// A run of text with one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub role: Role,
    /// Byte offset of the segment in the laid-out text.
    pub byte: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LaidLine {
    pub segments: Vec<Segment>,
    /// Right-aligned (a right-to-left paragraph).
    pub right_align: bool,
    pub width: usize,
}

/// An article laid out for one width.
#[derive(Debug, Clone, Default)]
pub struct ArticleLayout {
    pub article: usize,
    pub width: u16,
    pub raw: bool,
    pub lines: Vec<LaidLine>,
    /// First line of each quote (by index in the article's quotes).
    pub quote_lines: Vec<usize>,
    /// First line of each entity mention (by index in the article's mentions).
    pub mention_lines: Vec<usize>,
}

/// Lays out `article` (the cleaned text, or the raw text with debris marked) at `width` columns.
pub fn lay_out(index: usize, article: &Article, width: u16, raw: bool) -> ArticleLayout {
    let width_cols = usize::from(width.max(8));
    let (text, roles, paragraphs) = if raw {
        raw_roles(article)
    } else {
        clean_roles(article)
    };
    let mut layout = ArticleLayout {
        article: index,
        width,
        raw,
        ..Default::default()
    };
    let mut first_line_at_byte: Vec<(usize, usize)> = Vec::new(); // (byte, line)
    for (p, range) in paragraphs.iter().enumerate() {
        if p > 0 {
            layout.lines.push(LaidLine::default());
        }
        let rtl = crate::corpus::text::is_rtl(&text[range.clone()]);
        let start_line = layout.lines.len();
        wrap_paragraph(&text, range.clone(), &roles, width_cols, &mut layout.lines);
        if rtl {
            for line in &mut layout.lines[start_line..] {
                reverse_line(line);
                line.right_align = true;
            }
        }
        for line in start_line..layout.lines.len() {
            if let Some(seg) = layout.lines[line].segments.iter().map(|s| s.byte).min() {
                first_line_at_byte.push((seg, line));
            }
        }
    }
    first_line_at_byte.sort_unstable();
    let line_of = |byte: usize| -> usize {
        let i = first_line_at_byte.partition_point(|(b, _)| *b <= byte);
        first_line_at_byte
            .get(i.saturating_sub(1))
            .map_or(0, |(_, l)| *l)
    };
    if !raw {
        layout.quote_lines = article.quotes.iter().map(|q| line_of(q.start)).collect();
        layout.mention_lines = article
            .entities
            .iter()
            .map(|m| line_of(m.start()))
            .collect();
    }
    layout
}

/// Role of every byte of the cleaned text.
fn clean_roles(article: &Article) -> (String, Vec<Role>, Vec<std::ops::Range<usize>>) {
    let text = article.text.to_string();
    let mut roles = vec![PLAIN; text.len()];
    for (i, q) in article.quotes.iter().enumerate() {
        for role in &mut roles[q.start..q.end] {
            // A direct quote wins over reported speech where both cover a word.
            if role
                .quote
                .is_none_or(|(kind, _)| kind == QuoteKind::Reported)
            {
                role.quote = Some((q.kind, i));
            }
        }
    }
    for m in &article.entities {
        for role in &mut roles[m.span()] {
            role.entity = Some((m.kind, m.entity()));
        }
    }
    (text, roles, article.paragraphs.clone())
}

/// The raw text, with every removed piece marked.
fn raw_roles(article: &Article) -> (String, Vec<Role>, Vec<std::ops::Range<usize>>) {
    let text = article.raw_text().into_owned();
    let mut roles = vec![PLAIN; text.len()];
    for removed in &article.removed {
        if removed.text.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = text[from..].find(&removed.text) {
            let start = from + i;
            for role in &mut roles[start..start + removed.text.len()] {
                role.removed = true;
            }
            from = start + removed.text.len();
        }
    }
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            paragraphs.push(at..at + line.len());
        }
        at += line.len() + 1;
    }
    (text, roles, paragraphs)
}

/// Greedy word wrap of one paragraph into lines of at most `width` columns.
fn wrap_paragraph(
    text: &str,
    range: std::ops::Range<usize>,
    roles: &[Role],
    width: usize,
    out: &mut Vec<LaidLine>,
) {
    let mut line = LaidLine::default();
    let mut word: Vec<(usize, char)> = Vec::new();
    let mut word_width = 0;
    let flush_word = |line: &mut LaidLine,
                      word: &mut Vec<(usize, char)>,
                      word_width: &mut usize,
                      out: &mut Vec<LaidLine>| {
        if word.is_empty() {
            return;
        }
        if line.width + *word_width > width && line.width > 0 {
            trim_trailing_space(line);
            out.push(std::mem::take(line));
        }
        for &(byte, c) in word.iter() {
            let w = c.width().unwrap_or(0);
            if line.width + w > width && line.width > 0 {
                out.push(std::mem::take(line)); // a word longer than the line: hard break
            }
            push_char(line, byte, c, roles[byte], w);
        }
        word.clear();
        *word_width = 0;
    };
    for (offset, c) in text[range.clone()].char_indices() {
        let byte = range.start + offset;
        if c == '\n' || c == '\t' {
            continue;
        }
        if c.is_whitespace() {
            flush_word(&mut line, &mut word, &mut word_width, out);
            if line.width > 0 && line.width < width {
                push_char(&mut line, byte, ' ', roles[byte], 1);
            }
        } else {
            word_width += c.width().unwrap_or(0);
            word.push((byte, c));
        }
    }
    flush_word(&mut line, &mut word, &mut word_width, out);
    trim_trailing_space(&mut line);
    if !line.segments.is_empty() {
        out.push(line);
    }
}

fn push_char(line: &mut LaidLine, byte: usize, c: char, role: Role, width: usize) {
    match line.segments.last_mut() {
        Some(last) if last.role == role => last.text.push(c),
        _ => line.segments.push(Segment {
            text: c.to_string(),
            role,
            byte,
        }),
    }
    line.width += width;
}

fn trim_trailing_space(line: &mut LaidLine) {
    if let Some(last) = line.segments.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
            line.width -= 1;
            if last.text.is_empty() {
                line.segments.pop();
            }
        }
    }
}

/// Terminals draw cells left to right; a right-to-left line is drawn in visual order.
fn reverse_line(line: &mut LaidLine) {
    line.segments.reverse();
    for segment in &mut line.segments {
        segment.text = segment.text.chars().rev().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::corpus::seeds;

    #[test]
    fn lines_fit_the_width_and_keep_every_word() {
        let corpus = analyse(seeds().documents);
        let article = &corpus.articles[3];
        for width in [20u16, 47, 80] {
            let layout = lay_out(3, article, width, false);
            assert!(layout.lines.iter().all(|l| l.width <= usize::from(width)));
            let words: usize = layout
                .lines
                .iter()
                .flat_map(|l| &l.segments)
                .map(|s| s.text.split_whitespace().count())
                .sum();
            assert!(words >= article.text.split_whitespace().count());
        }
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let corpus = analyse(vec![crate::corpus::Document {
            id: "w".into(),
            path: "w.txt".into(),
            record: Default::default(),
            raw: "標題\n\n日本語の文章がここにあります。日本語の文章がここにあります。".into(),
        }]);
        let layout = lay_out(0, &corpus.articles[0], 10, false);
        assert!(layout.lines.iter().all(|l| l.width <= 10));
        assert!(layout.lines.len() > 3);
    }
}
