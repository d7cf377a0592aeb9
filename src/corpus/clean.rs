//! Removes web debris from an article by general rules (never by an article's own wording):
//! stray HTML, scraper labels, breadcrumbs, share/comment/login prompts and forms, "also be
//! accessed at" notices, repeated lines, link lists and headline-like lines after the article
//! ends. What is removed is kept with its reason for the raw view. Paragraphs stay paragraphs.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A piece of the original text that cleaning took out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: Cow<'static, str>,
}

/// The article as the reader shows it.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// Paragraphs joined by blank lines.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order.
    pub paragraphs: Vec<Range<usize>>,
    pub removed: Vec<Removed>,
}

struct Line<'a> {
    /// The line as read, trimmed (copied only when inline debris was cut from it).
    text: Cow<'a, str>,
    /// `text` lowercased with runs of space folded, computed once: the repeat and header
    /// checks compare lines by it.
    key: String,
    removed: Option<&'static str>,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("cleaning patterns are valid"))
}

fn html_fragment() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r#"(?x)^(?:
            </?[a-zA-Z][^>]*>.*                                   # a tag
          | [\w-]+\s*=\s*["“”'][^"“”']*["“”']\s*/?>?              # attr = "value">
          | .*=\s*["“”'][^"“”']*["“”']\s*/?>                      # anything ending in ="x">
          | &[a-z]+;|&\#\d+;                                      # a lone entity
        )$"#,
    )
}

fn scraper_label() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r"(?i)^\s*(?:date|published|posted|updated|time)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*",
    )
}

fn language_label() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r"\(\([a-z]{2,3}(?:-[a-z]+)?\)\)[A-Z][a-z]+ language:",
    )
}

fn prompt() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r"(?ix)^(?:
            share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page))?(?:\s+on\s+\w+)?
          | (?:add|leave|post|write)\s+a\s+(?:comment|reply)
          | comments?(?:\s*\(\d+\))? | \d+\s+comments? | reply | cancel\s+reply | print(?:\s+this)?(?:\s+article)?
          | email(?:\s+this)?(?:\s+article)? | advertisement | sponsored(?:\s+content)?
          | (?:sign\s+up|subscribe|log\s*in|sign\s+in|log\s*out|register)\b.*
          | follow\s+us\b.* | (?:related|recommended|popular|trending|more)\s+(?:articles?|stories|posts|news|from\s+.*)
          | read\s+(?:more|also|next)\b.* | see\s+also | tags?:.* | filed\s+under:?.*
          | you\s+are\s+commenting\s+using\b.* | fill\s+in\s+your\s+details\b.*
          | connecting\s+to\s+%s | notify\s+me\s+of\b.* | (?:name|email|website)\s*\*?\s*:?
          | (?:twitter|facebook|google|wordpress\.com|instagram|whatsapp|telegram|linkedin|reddit)(?:\s+(?:picture|photo|account|icon))?
          | .*\bcookies?\b.*\b(?:accept|consent|policy|agree)\b.* | accept(?:\s+all)?(?:\s+cookies)?
          | skip\s+to\s+(?:main\s+)?content | back\s+to\s+top | click\s+here\b.*
          | all\s+rights\s+reserved\.? | ©.* | copyright\s+©?.*
        )[.!:]?$",
    )
}

fn notice() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r"(?i)(?:also\s+be\s+accessed\s+at|alternate\s+address|can\s+also\s+be\s+read\s+at|this\s+article\s+(?:was\s+)?originally\s+(?:appeared|published)|download\s+(?:our|the)\s+app)",
    )
}

fn link_line() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(&CELL, r"(?i)^(?:https?://|www\.)\S+$")
}

fn dateline_only() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    re(
        &CELL,
        r"(?i)^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\.?$",
    )
}

/// Normalises a line for comparisons: no-break spaces are spaces, runs of space are one.
fn normalized(line: &str) -> Cow<'_, str> {
    // This runs on every line of every article, and most lines are already normal: printable
    // ASCII with single spaces between words. Those are borrowed as they are.
    let bytes = line.as_bytes();
    let plain = bytes.iter().all(|b| (b' '..0x80).contains(b))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !line.contains("  ");
    if plain {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The number of words in `line`, counted no further than `cap + 1`: every test here asks
/// whether a line is short, and most lines are long paragraphs.
fn word_count(line: &str, cap: usize) -> usize {
    line.split_whitespace().take(cap + 1).count()
}

/// A breadcrumb: two or more separators between short capitalised segments ("News / Politics / Iraq").
fn is_breadcrumb(norm: &str) -> bool {
    for sep in [" / ", " › ", " » ", " > ", " | "] {
        // Most lines hold no separator at all: skip them before splitting into a vector.
        if !norm.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = norm.split(sep).collect();
        if parts.len() >= 3
            && parts.iter().all(|p| {
                let words = word_count(p, 3);
                (1..=3).contains(&words)
                    && p.chars().next().is_some_and(|c| c.is_uppercase())
                    && !p.ends_with('.')
            })
        {
            return true;
        }
    }
    false
}

/// A sentence of article prose ends with sentence punctuation (or a closing quote/bracket).
fn ends_like_prose(line: &str) -> bool {
    let trimmed = line.trim_end();
    trimmed.ends_with(['.', '!', '?', '"', '”', '’', ')', ':', ';'])
}

/// Headline-like: a few words, no sentence ending, not a date.
fn is_headline_like(line: &str) -> bool {
    let words = word_count(line, 16);
    (3..=16).contains(&words) && !ends_like_prose(line) && !dateline_only().is_match(line.trim())
}

/// Cleans `raw` (already neutralised).
pub fn clean(raw: &str) -> Cleaned {
    let mut removed = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for original in raw.split('\n') {
        let mut text = Cow::Borrowed(original.trim());
        // Inline debris first: a scraper's "date 2021-06-05" label, a rendered "((hi))Hindi
        // language:". (Each pattern is tried only on a line that can hold it.)
        let label_start = text.bytes().next().map(|b| b.to_ascii_lowercase());
        if matches!(label_start, Some(b'd' | b'p' | b'u' | b't')) {
            if let Some(label) = scraper_label().find(&text) {
                removed.push(Removed {
                    text: label.as_str().trim().to_string(),
                    reason: "scraper label".into(),
                });
                text = Cow::Owned(text[label.end()..].trim().to_string());
            }
        }
        while text.contains("((") {
            let Some(label) = language_label().find(&text) else {
                break;
            };
            let range = label.range();
            removed.push(Removed {
                text: label.as_str().to_string(),
                reason: "language label".into(),
            });
            text.to_mut().replace_range(range, "");
        }
        if text.is_empty() {
            continue;
        }
        let norm = normalized(&text);
        let reason = classify_line(&norm);
        let key = if norm.is_ascii() {
            norm.to_ascii_lowercase()
        } else {
            norm.to_lowercase()
        };
        lines.push(Line {
            text,
            key,
            removed: reason,
        });
    }

    mark_repeats(&mut lines);
    mark_header_links(&mut lines);
    mark_trailing_debris(&mut lines);

    // Sized once: a corpus keeps millions of these texts, and a doubling `String` would
    // leave a third of each unused.
    let kept: usize = lines
        .iter()
        .filter(|l| l.removed.is_none())
        .map(|l| l.text.len() + 2)
        .sum();
    let mut cleaned = Cleaned {
        text: String::with_capacity(kept),
        ..Cleaned::default()
    };
    for line in lines {
        match line.removed {
            Some(reason) => removed.push(Removed {
                text: line.text.into_owned(),
                reason: reason.into(),
            }),
            None => {
                if !cleaned.text.is_empty() {
                    cleaned.text.push_str("\n\n");
                }
                let start = cleaned.text.len();
                cleaned.text.push_str(&line.text);
                cleaned.paragraphs.push(start..cleaned.text.len());
            }
        }
    }
    cleaned.removed = removed;
    cleaned
}

/// Classifies a line already normalised (see [`normalized`]).
fn classify_line(norm: &str) -> Option<&'static str> {
    // The cheap tests first: every pattern below needs a tag, an `=` or an entity (html), or
    // a short line (notices, prompts); most lines are prose and skip them all.
    let markup = norm.starts_with(['<', '&']) || norm.contains('=');
    let words = word_count(norm, 20);
    if markup && html_fragment().is_match(norm) {
        Some("html")
    } else if is_breadcrumb(norm) {
        Some("breadcrumb")
    } else if words <= 20 && notice().is_match(norm) {
        Some("notice")
    } else if norm.starts_with(['h', 'H', 'w', 'W']) && link_line().is_match(norm) {
        Some("link")
    } else if words <= 16 && prompt().is_match(norm) {
        Some("prompt")
    } else if words <= 4 && dateline_only().is_match(norm) {
        Some("dateline")
    } else {
        None
    }
}

/// A line that repeats an earlier one is debris the second time (headlines printed twice,
/// "related" widgets). Very short lines ("Reuters") can repeat legitimately.
fn mark_repeats(lines: &mut [Line]) {
    let mut seen: HashSet<&str> = HashSet::default();
    let mut repeated = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !seen.insert(&line.key) && line.removed.is_none() && word_count(&line.text, 3) >= 3 {
            repeated.push(i);
        }
    }
    for i in repeated {
        lines[i].removed = Some("repeated");
    }
}

/// When the headline is printed twice near the top, the headline-like lines between the two
/// copies are the site's header (related-article links), not the article.
fn mark_header_links(lines: &mut [Line]) {
    let Some(first) = lines.iter().position(|l| l.removed.is_none()) else {
        return;
    };
    let headline = lines[first].key.clone();
    let limit = lines.len().min(first + 12);
    let Some(second) =
        (first + 1..limit).find(|&i| lines[i].key == headline && lines[i].removed.is_some())
    else {
        return;
    };
    for line in &mut lines[first + 1..second] {
        if line.removed.is_none() && is_headline_like(&line.text) {
            line.removed = Some("related link");
        }
    }
}

/// After the last paragraph of prose, short non-sentences are site furniture: link lists,
/// "SHARE THIS ARTICLE", app promotions, a headline in another language.
fn mark_trailing_debris(lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].removed.is_none())
        .collect();
    // Never strip the whole article: keep at least the first two kept lines.
    for &i in kept.iter().skip(2).rev() {
        let text = &lines[i].text;
        if word_count(text, 12) <= 12 && !ends_like_prose(text) {
            lines[i].removed = Some("trailing link");
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed_reasons(raw: &str) -> Vec<(String, String)> {
        clean(raw)
            .removed
            .into_iter()
            .map(|r| (r.text, r.reason.into_owned()))
            .collect()
    }

    #[test]
    fn html_fragments_and_breadcrumbs_go() {
        let raw = "News \u{a0} / \u{a0} Politics \u{a0} / \u{a0} Iraq\n\nHeadline here today\n\nclass = “cf”>\n\nBody text that says something.";
        let cleaned = clean(raw);
        assert_eq!(
            cleaned.text,
            "Headline here today\n\nBody text that says something."
        );
        let reasons: Vec<_> = removed_reasons(raw).into_iter().map(|(_, r)| r).collect();
        assert_eq!(reasons, ["breadcrumb", "html"]);
    }

    #[test]
    fn comment_forms_and_trailing_links_go_but_prose_stays() {
        let raw = "Title of it\n\nA paragraph of prose ends here.\n\nLeave a Reply\n\nYou are commenting using your Twitter account. Log Out / Change )\n\nTwitter picture\n\nConnecting to %s";
        assert_eq!(
            clean(raw).text,
            "Title of it\n\nA paragraph of prose ends here."
        );
    }

    #[test]
    fn scraper_label_is_cut_from_the_line_it_starts() {
        let cleaned = clean(" date 2021-06-05 Outlet - The story begins.");
        assert_eq!(cleaned.text, "Outlet - The story begins.");
        assert_eq!(cleaned.removed[0].text, "date 2021-06-05");
    }

    #[test]
    fn cleaning_is_idempotent_on_its_output() {
        let raw = "Head line words\n\nSome prose.\n\nSome prose.\n\nSHARE THIS ARTICLE";
        let once = clean(raw).text;
        assert_eq!(clean(&once).text, once);
    }

    /// Lines compare by their normal form: the borrowed fast path and the full one agree.
    #[test]
    fn lines_normalise_alike_whatever_path_they_take() {
        for (line, normal) in [
            ("Plain words here.", "Plain words here."),
            ("Two  spaces\tand a tab", "Two spaces and a tab"),
            ("no\u{a0}break", "no break"),
            ("Ünïcode  stays", "Ünïcode stays"),
            ("trailing ", "trailing"),
        ] {
            assert_eq!(normalized(line), normal, "{line:?}");
        }
        assert!(matches!(normalized("Plain words."), Cow::Borrowed(_)));
    }
}
