//! Finds direct quotes: “curly”, "straight", «guillemets», ‘single’ (never an apostrophe),
//! quotes that run over paragraphs (reopened at each paragraph start), nested quotes, unclosed
//! quotes (ended where the quotation evidently ends), and parentheses used as quote marks where
//! the article itself shows that convention. It says nothing about who is speaking.

use std::ops::Range;

use super::gazetteer::gazetteer;

/// A direct quote's position: `start..end` is the content without marks, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub start: usize,
    pub end: usize,
    /// The opening mark's offset (or `start` when the quote has none, as in a continuation).
    pub open: usize,
    /// Just after the closing mark (or `end` when unclosed).
    pub close: usize,
    pub unclosed: bool,
    /// The quote goes on in the next paragraph (reopened there).
    pub continues: bool,
    /// Marked with parentheses, in an article that uses them as quote marks.
    pub parenthesised: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
    Paren,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | '“' | '‘' | '«')
    })
}

fn is_closing_context(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '”' | '’' | '»'
            )
    })
}

/// Finds the direct quotes of an article, in text order.
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteSpan> {
    let parens = uses_parentheses_as_quotes(text);
    let mut quotes = Vec::new();
    for (p, range) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs
            .get(p + 1)
            .map(|r| text[r.clone()].trim_start().chars().next())
            .unwrap_or(None);
        let _reopened = scan_paragraph(text, range.clone(), parens, next_opens, &mut quotes);
    }
    quotes
}

/// Translated press uses "(…)" for quotations: seen when at least two parentheses open right
/// after a speech verb or "that" ("stressing (the need", "noting that (Iraq").
fn uses_parentheses_as_quotes(text: &str) -> bool {
    let g = gazetteer();
    let mut hits = 0;
    for (i, _) in text.match_indices('(') {
        let before = text[..i].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word == "that" || g.speech_verb(word).is_some() {
            hits += 1;
        }
    }
    hits >= 2
}

/// The bytes a quote mark can start with: `"`, `'`, `(`, `)`, and the lead bytes of “ ” ‘ ’
/// (U+2018–U+201D) and « » (U+00AB, U+00BB).
const MAY_BE_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'"' | b'\'' | b'(' | b')' | 0xC2 | 0xE2);
        b += 1;
    }
    table
};

/// Scans one paragraph; returns the family of a quote left open that the next paragraph reopens.
fn scan_paragraph(
    text: &str,
    range: Range<usize>,
    parens: bool,
    next_opens: Option<char>,
    out: &mut Vec<QuoteSpan>,
) -> Option<Family> {
    let para = &text[range.clone()];
    // The stack of open marks: (family, offset of the mark, offset just after it).
    let mut stack: Vec<(Family, usize, usize)> = Vec::new();
    let mut from = 0;
    // Only marks matter, and they are rare: jump from one possible mark to the next.
    while let Some(skip) = para.as_bytes()[from..]
        .iter()
        .position(|&b| MAY_BE_MARK[b as usize])
    {
        let i = from + skip;
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        let prev = para[..i].chars().next_back();
        let next = para[from..].chars().next();
        let at = range.start + i;
        let after = at + c.len_utf8();
        let top = stack.last().map(|s| s.0);
        let in_family = |f: Family| stack.iter().any(|s| s.0 == f);
        match c {
            '“' => open_double(text, &mut stack, out, Family::Double, at, after),
            '”' => {
                if in_family(Family::Double) {
                    close(text, &mut stack, out, Family::Double, at, after);
                } else if is_opening_context(prev) && !is_closing_context(next) {
                    stack.push((Family::Double, at, after));
                }
            }
            '"' => {
                let opening = is_opening_context(prev);
                let closing = is_closing_context(next);
                let open_now = if opening != closing {
                    opening
                } else {
                    !in_family(Family::Double)
                };
                if open_now {
                    open_double(text, &mut stack, out, Family::Double, at, after);
                } else if in_family(Family::Double) {
                    close(text, &mut stack, out, Family::Double, at, after);
                }
            }
            '«' => stack.push((Family::Guillemet, at, after)),
            '»' if in_family(Family::Guillemet) => {
                close(text, &mut stack, out, Family::Guillemet, at, after)
            }
            '‘' if is_opening_context(prev) => stack.push((Family::Single, at, after)),
            '\'' if is_opening_context(prev)
                && next.is_some_and(char::is_alphanumeric)
                && top != Some(Family::Single) =>
            {
                stack.push((Family::Single, at, after))
            }
            '’' | '\''
                if top == Some(Family::Single)
                    && !next.is_some_and(char::is_alphanumeric)
                    && prev.is_some_and(|p| !p.is_whitespace()) =>
            {
                // "Workers' Party": a plural possessive is an apostrophe, unless it closes a
                // single quote opened in this sentence.
                close(text, &mut stack, out, Family::Single, at, after);
            }
            '(' if parens && stack.is_empty() => stack.push((Family::Paren, at, after)),
            '(' if parens && top == Some(Family::Paren) => stack.push((Family::Paren, at, after)),
            ')' if top == Some(Family::Paren) => {
                close(text, &mut stack, out, Family::Paren, at, after)
            }
            _ => {}
        }
    }
    // Whatever is still open at the paragraph's end.
    let &(family, mark, content_start) = stack.first()?;
    if family == Family::Single {
        return None; // an unmatched single mark is an apostrophe, not a quote
    }
    let reopened = matches!(
        (family, next_opens),
        (Family::Double, Some('“' | '"')) | (Family::Guillemet, Some('«'))
    );
    let mut end = range.end;
    if !reopened {
        end = evident_end(text, content_start, range.end);
    }
    push_quote(
        text,
        out,
        mark,
        content_start,
        end,
        end,
        !reopened,
        reopened,
        family == Family::Paren,
    );
    reopened.then_some(family)
}

/// Opens a double quote; when one is already open and the new mark follows a speech cue
/// ("He said: \"support …"), the first was never closed: it ends before the cue's sentence.
fn open_double(
    text: &str,
    stack: &mut Vec<(Family, usize, usize)>,
    out: &mut Vec<QuoteSpan>,
    family: Family,
    at: usize,
    after: usize,
) {
    if let Some(&(Family::Double, mark, content_start)) = stack.first() {
        if let Some(cue_start) = speech_cue_before(text, content_start, at) {
            let end = evident_end(text, content_start, cue_start);
            push_quote(text, out, mark, content_start, end, end, true, false, false);
            stack.clear();
        }
    }
    stack.push((family, at, after));
}

fn close(
    text: &str,
    stack: &mut Vec<(Family, usize, usize)>,
    out: &mut Vec<QuoteSpan>,
    family: Family,
    at: usize,
    after: usize,
) {
    while let Some((f, mark, content_start)) = stack.pop() {
        if f == family {
            if stack.is_empty() {
                push_quote(
                    text,
                    out,
                    mark,
                    content_start,
                    at,
                    after,
                    false,
                    false,
                    family == Family::Paren,
                );
            }
            return;
        }
    }
}

/// The start of the sentence that introduces a quote mark at `at` with a speech verb and a
/// colon or comma ("He said: "), if the text between `from` and `at` has one.
fn speech_cue_before(text: &str, from: usize, at: usize) -> Option<usize> {
    let before = text[from..at].trim_end();
    let before = before.strip_suffix([':', ','])?.trim_end();
    let g = gazetteer();
    let verb = before.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    g.speech_verb(verb)?;
    // The cue's sentence starts after the last sentence end before the verb.
    let bytes = before.as_bytes();
    let mut start = 0;
    for (i, c) in before.char_indices() {
        if matches!(c, '.' | '!' | '?') && i + 1 < bytes.len() {
            let rest = before[i + 1..].trim_start();
            if rest.starts_with(char::is_uppercase) {
                start = i + 1;
            }
        }
    }
    (start > 0).then_some(from + start)
}

/// Where an unclosed quotation evidently ends: the paragraph's end, less a stray lowercase
/// tail after the last sentence ("… and Europe. mentionned.").
fn evident_end(text: &str, start: usize, end: usize) -> usize {
    let content = text[start..end].trim_end();
    let mut cut = start + content.len();
    let without_last = content.char_indices().next_back().map_or(0, |(i, _)| i);
    if let Some(i) = content[..without_last].rfind(['.', '!', '?']) {
        let tail = content[i + 1..].trim();
        let words = tail.split_whitespace().count();
        if (1..=4).contains(&words) && tail.starts_with(char::is_lowercase) {
            cut = start + i + 1;
        }
    }
    cut
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    text: &str,
    out: &mut Vec<QuoteSpan>,
    open: usize,
    start: usize,
    end: usize,
    close: usize,
    unclosed: bool,
    continues: bool,
    parenthesised: bool,
) {
    let content = &text[start..end];
    let lead = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    if parenthesised && trimmed.split_whitespace().count() < 3 {
        return; // "(Reuters)", "(PMU)", "(L)": glosses, not quotations
    }
    if parenthesised
        && trimmed.starts_with(['P', 'I', 'F'])
        && trimmed
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "Photo" | "Image" | "File" | "Pictured"))
    {
        return;
    }
    if !parenthesised && !is_quotation(text, open, trimmed) {
        return;
    }
    out.push(QuoteSpan {
        start: start + lead,
        end: start + lead + trimmed.len(),
        open,
        close,
        unclosed,
        continues,
        parenthesised,
    });
}

/// Marked words that are nobody's words are not quotes: names and titles of works in Title
/// Case ("Don't Hug Cacti"), and short terms with no one saying them ("known as "fursonas"",
/// "the word "pandemic""). Short marked words count when the sentence has a verb of saying or
/// calling ("called the stabbing "serious"") or sit in the headline.
fn is_quotation(text: &str, open: usize, content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let small = [
        "of", "the", "and", "a", "an", "in", "on", "for", "to", "vs.", "at", "by",
    ];
    let title_case = words.iter().all(|w| {
        small.contains(w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    if title_case && !content.ends_with(['.', '!', '?', ','])
        || words.len() >= 2 && title_case && words.len() <= 4
    {
        return false;
    }
    if words.len() > 3 {
        return true;
    }
    let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 && !text[..open].contains('\n') {
        return true; // the headline: "Trump says he 'can' and 'may'"
    }
    let before = &text[line_start..open];
    let before = &before[sentence_start(before)..];
    let last_word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // '… the pandemic is "unprecedented."', '… went on for "years."': lower-case words closing
    // a sentence inside the marks are someone's words, not a term being named.
    let closes_a_sentence =
        content.starts_with(|c: char| c.is_lowercase()) && content.ends_with(['.', '!', '?']);
    // "known as", "the word", "named the virus …": a term, not someone's words; so after
    // "dubbed", "is" or "for", unless "called" came before ("called it the … for").
    let term_word = matches!(last_word, "as" | "word" | "term" | "named" | "designation");
    let names_a_term =
        term_word || matches!(last_word, "dubbed" | "is" | "for") && !before.contains(" called ");
    let someones_words = closes_a_sentence && matches!(last_word, "is" | "for");
    if names_a_term && !someones_words {
        return false;
    }
    let g = gazetteer();
    closes_a_sentence && before.contains("ccording to ")
        || before.split(|c: char| !c.is_alphanumeric()).any(|w| {
            g.speech_verb(w).is_some()
                || matches!(
                    w,
                    "called"
                        | "calling"
                        | "termed"
                        | "described"
                        | "describing"
                        | "labelled"
                        | "labeled"
                        | "branded"
                )
        })
        || said_after(text, open + content.len())
}

/// Where the last sentence of `text` starts: after its last stop that ends no abbreviation
/// ("According to Dr. Tom Frieden, …" is one sentence).
fn sentence_start(text: &str) -> usize {
    let mut end = text.len();
    while let Some(stop) = text[..end].rfind(['.', '!', '?']) {
        let word = text[..stop]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_uppercase());
        if !(initial || super::tokens::ABBREVIATIONS.contains(&word))
            || text[stop..].starts_with(['!', '?'])
        {
            return stop + 1;
        }
        end = stop;
    }
    0
}

/// `"We are ready," the envoy said.`: a speech verb in the few words after the quote.
fn said_after(text: &str, from: usize) -> bool {
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let after = &text[from..];
    let line_end = after.find(['\n', '.', '!', '?']).unwrap_or(after.len());
    let g = gazetteer();
    after[..line_end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .any(|w| g.speech_verb(w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let paragraphs: Vec<Range<usize>> = {
            let mut out = Vec::new();
            let mut at = 0;
            for p in text.split("\n\n") {
                out.push(at..at + p.len());
                at += p.len() + 2;
            }
            out
        };
        find_quotes(text, &paragraphs)
            .into_iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    /// A short quote counts when its sentence has a verb of saying, also before an
    /// abbreviation's dot ("Dr.", "U.S."), which ends no sentence.
    #[test]
    fn a_stop_after_an_abbreviation_ends_no_sentence_before_a_short_quote() {
        assert_eq!(
            quotes("Title\n\nSmith said in the U.S. market it felt \"great.\""),
            ["great."]
        );
        assert_eq!(
            quotes("Title\n\nSmith left. The U.S. market felt \"great\"."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            quotes("He said “one two,” and \"three four\" and «five six»."),
            ["one two,", "three four", "five six"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Iraq’s Workers' Party said ‘fine words’ today."),
            ["fine words"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_before_the_next_speech_cue() {
        let text =
            "X stated: \"This goes on. Support continues.He said: \"support again, and more.\"";
        assert_eq!(
            quotes(text),
            [
                "This goes on. Support continues.",
                "support again, and more."
            ]
        );
    }

    #[test]
    fn unclosed_quote_drops_a_stray_lowercase_tail() {
        assert_eq!(
            quotes("Kazimi said, “We tried with Europe. mentionned.\n\nNext."),
            ["We tried with Europe."]
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let text = "He wrote, \"The \"United States\" is not holding them.\" Then";
        assert_eq!(quotes(text), ["The \"United States\" is not holding them."]);
    }

    #[test]
    fn parentheses_are_quotes_only_where_the_article_uses_them_so() {
        let text = "He said (this is one quote here), stressing (the need for more), near Baghdad (Reuters).";
        assert_eq!(
            quotes(text),
            ["this is one quote here", "the need for more"]
        );
        assert!(quotes("Officials (three of them here) met.").is_empty());
    }
}
