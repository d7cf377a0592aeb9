//! What the CLI prints: aligned human tables and JSON Lines. Human output never carries
//! control characters (article text is neutralised at load); JSON is exact.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;
use unicode_width::UnicodeWidthStr;

use crate::analysis::{Article, Corpus, QuoteKind};
use crate::corpus::text::CharIndex;
use crate::search::{FuzzyIndex, Order};

/// One article as `quire analyze --json` prints it (offsets in characters). Fields borrow
/// from the article (no copy of its text) and are declared in the order they are printed,
/// alphabetical, as scripts have always seen them.
#[derive(Serialize)]
struct ArticleJson<'a> {
    date: Option<&'a str>,
    entities: Vec<EntityJson<'a>>,
    id: &'a str,
    path: std::borrow::Cow<'a, str>,
    quotes: Vec<QuoteJson<'a>>,
    removed: Vec<RemovedJson<'a>>,
    source: Option<&'a str>,
    text: &'a str,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    end: usize,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    speaker_id: Option<&'a str>,
    start: usize,
    text: &'a str,
    unclosed: bool,
}

#[derive(Serialize)]
struct RemovedJson<'a> {
    reason: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    end: usize,
    id: &'a str,
    start: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: crate::analysis::EntityType,
}

fn article_json<'a>(article: &'a Article, corpus: &'a Corpus) -> ArticleJson<'a> {
    let index = CharIndex::new(&article.text);
    ArticleJson {
        date: article.date.as_deref(),
        entities: article
            .entities
            .iter()
            .map(|m| EntityJson {
                end: index.char_offset(m.end()),
                id: &corpus.entities[m.entity()].id,
                start: index.char_offset(m.start()),
                text: &article.text[m.span()],
                kind: m.kind,
            })
            .collect(),
        id: &article.id,
        path: article.path.to_string_lossy(),
        quotes: article
            .quotes
            .iter()
            .map(|q| QuoteJson {
                end: index.char_offset(q.end),
                kind: q.kind,
                speaker: q.speaker.as_deref(),
                speaker_id: q.speaker_id.as_deref(),
                start: index.char_offset(q.start),
                text: article.quote_text(q),
                unclosed: q.unclosed,
            })
            .collect(),
        removed: article
            .removed
            .iter()
            .map(|r| RemovedJson {
                reason: &r.reason,
                text: &r.text,
            })
            .collect(),
        source: article.source.as_deref(),
        text: &article.text,
        title: article.title.as_deref(),
    }
}

/// Articles per batch serialised in parallel: output starts at once and memory stays bounded.
const JSON_BATCH: usize = 2048;

/// `quire analyze`: JSON Lines with `--json`, else a short summary per article.
pub fn analyze(out: &mut impl Write, corpus: &Corpus, json: bool) -> io::Result<()> {
    if json {
        use rayon::prelude::*;
        // Batches are serialised on every core while this thread writes the one before.
        return std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<io::Result<Vec<Vec<u8>>>>(1);
            scope.spawn(move || {
                for batch in corpus.articles.chunks(JSON_BATCH) {
                    let lines = batch
                        .par_chunks(64)
                        .map(|articles| {
                            let mut buf = Vec::new();
                            for article in articles {
                                serde_json::to_writer(&mut buf, &article_json(article, corpus))
                                    .map_err(io::Error::other)?;
                                buf.push(b'\n');
                            }
                            Ok(buf)
                        })
                        .collect::<io::Result<_>>();
                    // The writer has stopped (a closed pipe): stop too.
                    if send.send(lines).is_err() {
                        return;
                    }
                }
            });
            for lines in receive {
                for buf in lines? {
                    out.write_all(&buf)?;
                }
            }
            Ok(())
        });
    }
    for article in &corpus.articles {
        writeln!(out, "{}  {}", article.id, article.display_title())?;
        for q in &article.quotes {
            let kind = match q.kind {
                QuoteKind::Direct => "“”",
                QuoteKind::Reported => "~ ",
            };
            writeln!(
                out,
                "  {kind} {:<24} {}",
                fit(q.speaker.as_deref().unwrap_or("?"), 24),
                fit(article.quote_text(q), 90)
            )?;
        }
    }
    Ok(())
}

/// Truncates to `width` columns with an ellipsis, on one line.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    // Runs of whitespace read as one space. Only as much of the text as the width holds is
    // looked at, with a running width: measuring the whole text, then the kept part again at
    // every character, made `quire analyze` on 100,000 articles a second slower than its JSON.
    let chars = text
        .split_whitespace()
        .enumerate()
        .flat_map(|(k, word)| (k > 0).then_some(' ').into_iter().chain(word.chars()));
    let mut out = String::new();
    let mut used = 0;
    // Where the text is cut if it does not fit: the characters that leave room for '…'.
    let mut cut = None;
    for c in chars {
        let w = c.width().unwrap_or(0);
        if cut.is_none() && used + w + 1 > width {
            cut = Some(out.len());
        }
        used += w;
        if used > width {
            out.truncate(cut.unwrap_or(0));
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

fn pad(text: &str, width: usize) -> String {
    let text = fit(text, width);
    let gap = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(gap))
}

/// `quire list`.
pub fn list(out: &mut impl Write, corpus: &Corpus, json: bool) -> io::Result<()> {
    if json {
        for a in &corpus.articles {
            let row = json!({"id": a.id, "path": a.path.to_string_lossy(), "title": a.title, "date": a.date, "source": a.source,
                "quotes": a.quotes.len(), "entities": a.entities.len()});
            writeln!(out, "{row}")?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{} {} {} {} TITLE",
        pad("DATE", 10),
        pad("SOURCE", 14),
        pad("QUOTES", 6),
        pad("ENTITIES", 8)
    )?;
    for a in &corpus.articles {
        writeln!(
            out,
            "{} {} {:>6} {:>8} {}",
            pad(a.date.as_deref().unwrap_or("-"), 10),
            pad(a.source.as_deref().unwrap_or("-"), 14),
            a.quotes.len(),
            a.entities.len(),
            fit(a.display_title(), 100)
        )?;
    }
    Ok(())
}

/// `quire quotes [--query Q]`: every quote with speaker and article, fuzzy-ranked by `query`.
pub fn quotes(
    out: &mut impl Write,
    corpus: &Corpus,
    query: Option<&str>,
    json: bool,
) -> io::Result<()> {
    let all: Vec<(&Article, &crate::analysis::Quote)> = corpus
        .articles
        .iter()
        .flat_map(|a| a.quotes.iter().map(move |q| (a, q)))
        .collect();
    let order: Vec<usize> = match query {
        Some(query) => {
            // Fields as in the reader's quote search: the quote, then its speaker.
            let index = FuzzyIndex::new(&all, |(a, q)| {
                let mut fields = vec![a.quote_text(q)];
                fields.extend(q.speaker.as_deref());
                fields
            });
            index
                .search(query, Order::Ranked { limit: usize::MAX }, None, &|| false)
                .unwrap_or_default()
                .hits
                .into_iter()
                .map(|h| h.index)
                .collect()
        }
        None => (0..all.len()).collect(),
    };
    if !json {
        writeln!(
            out,
            "{} {} {} QUOTE",
            pad("KIND", 8),
            pad("SPEAKER", 24),
            pad("ARTICLE", 28)
        )?;
    }
    for i in order {
        let (a, q) = all[i];
        if json {
            let index = CharIndex::new(&a.text);
            let row = json!({"article": a.id, "title": a.title, "start": index.char_offset(q.start), "end": index.char_offset(q.end),
                "text": a.quote_text(q), "kind": q.kind, "speaker": q.speaker, "speaker_id": q.speaker_id, "unclosed": q.unclosed});
            writeln!(out, "{row}")?;
        } else {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Reported => "reported",
            };
            writeln!(
                out,
                "{} {} {} {}",
                pad(kind, 8),
                pad(q.speaker.as_deref().unwrap_or("-"), 24),
                pad(a.display_title(), 28),
                fit(a.quote_text(q), 100)
            )?;
        }
    }
    Ok(())
}

/// `quire entities`: most mentioned first.
pub fn entities(out: &mut impl Write, corpus: &Corpus, json: bool) -> io::Result<()> {
    let mut order: Vec<usize> = (0..corpus.entities.len()).collect();
    order.sort_by(|&a, &b| {
        corpus.entities[b]
            .mentions
            .cmp(&corpus.entities[a].mentions)
            .then(a.cmp(&b))
    });
    if !json {
        writeln!(
            out,
            "{} {} MENTIONS ARTICLES ALIASES",
            pad("NAME", 30),
            pad("TYPE", 6)
        )?;
    }
    for i in order {
        let e = &corpus.entities[i];
        if json {
            let row = json!({"id": e.id, "name": e.name, "type": e.kind, "aliases": e.aliases, "mentions": e.mentions, "articles": e.articles});
            writeln!(out, "{row}")?;
        } else {
            writeln!(
                out,
                "{} {} {:>8} {:>8} {}",
                pad(&e.name, 30),
                pad(e.kind.as_str(), 6),
                e.mentions,
                e.articles,
                fit(&e.aliases.join(", "), 80)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table cell: runs of whitespace read as one space; text wider than the cell is cut
    /// with an ellipsis inside the width, wide characters counting two columns.
    #[test]
    fn a_cell_fits_its_width() {
        assert_eq!(fit("  He  said\n\tno ", 20), "He said no");
        assert_eq!(fit("He said no", 10), "He said no");
        assert_eq!(fit("He said no", 9), "He said …");
        assert_eq!(fit("北京北京北京", 7), "北京北…");
        assert_eq!(fit("北京北京北京", 12), "北京北京北京");
        assert_eq!(fit("", 5), "");
        for text in ["a", "He said no more", "北京 is far", "x  y  z  w"] {
            for width in 1..18 {
                assert!(fit(text, width).width() <= width, "{text} {width}");
            }
        }
    }
}
