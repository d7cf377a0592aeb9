//! What a review produced, as a Markdown report a person can paste, or CSV and JSON with the
//! same fields, one row per quote, for spreadsheets and scripts.

use std::io::{self, Write};

use serde::Serialize;

use super::anchor;
use super::model::{Session, Verdict};
use crate::analysis::Corpus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Json,
}

/// Which reviewed quotes to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    All,
    Flagged,
    Verified,
    Disputed,
}

/// One exported quote.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub article: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub quote: String,
    pub kind: Option<String>,
    /// The reviewer's correction when there is one, else the analysis's speaker.
    pub speaker: Option<String>,
    pub verdict: Option<String>,
    pub flagged: bool,
    pub tags: Vec<String>,
    pub note: String,
    /// The quote is no longer found in the corpus (the article changed or is gone).
    pub orphaned: bool,
}

/// The rows of a session's review, in corpus order, orphans last.
pub fn rows(session: &Session, corpus: &Corpus, only: Only) -> Vec<Row> {
    let keep = |verdict: Option<Verdict>, flagged: bool| match only {
        Only::All => true,
        Only::Flagged => flagged,
        Only::Verified => verdict == Some(Verdict::Verified),
        Only::Disputed => verdict == Some(Verdict::Disputed),
    };
    // Looked up once: a review names its article by id, and a corpus can hold 100,000.
    let by_id: rustc_hash::FxHashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut placed: Vec<(usize, usize, Row)> = Vec::new();
    let mut orphans = Vec::new();
    for review in &session.quotes {
        if review.is_empty() || !keep(review.verdict, review.flagged) {
            continue;
        }
        let index = by_id.get(review.article.as_str()).copied();
        let article = index.map(|i| &corpus.articles[i]);
        let found = index.and_then(|i| anchor::find(&corpus.articles[i], review).map(|q| (i, q)));
        let row = Row {
            article: review.article.clone(),
            title: article
                .map(|a| a.display_title().to_string())
                .or_else(|| session.article(&review.article).map(|a| a.title.clone()))
                .unwrap_or_default(),
            date: article.and_then(|a| a.date.clone()),
            source: article.and_then(|a| a.source.clone()),
            quote: review.text.clone(),
            kind: found
                .map(|(a, q)| format!("{:?}", corpus.articles[a].quotes[q].kind).to_lowercase()),
            speaker: review
                .speaker
                .clone()
                .or_else(|| found.and_then(|(a, q)| corpus.articles[a].quotes[q].speaker.clone()))
                .or_else(|| review.analysed_speaker.clone()),
            verdict: review.verdict.map(|v| v.as_str().to_string()),
            flagged: review.flagged,
            tags: review.tags.clone(),
            note: review.note.clone(),
            orphaned: found.is_none(),
        };
        match found {
            Some((a, q)) => placed.push((a, corpus.articles[a].quotes[q].start, row)),
            None => orphans.push(row),
        }
    }
    placed.sort_by_key(|(a, start, _)| (*a, *start));
    placed
        .into_iter()
        .map(|(_, _, row)| row)
        .chain(orphans)
        .collect()
}

pub fn write(
    out: &mut impl Write,
    session: &Session,
    corpus: &Corpus,
    format: Format,
    only: Only,
) -> io::Result<()> {
    let rows = rows(session, corpus, only);
    match format {
        Format::Json => {
            for row in &rows {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(row).map_err(io::Error::other)?
                )?;
            }
        }
        Format::Csv => {
            writeln!(
                out,
                "article,title,date,source,quote,kind,speaker,verdict,flagged,tags,note,orphaned"
            )?;
            for r in &rows {
                let fields = [
                    r.article.clone(),
                    r.title.clone(),
                    r.date.clone().unwrap_or_default(),
                    r.source.clone().unwrap_or_default(),
                    r.quote.clone(),
                    r.kind.clone().unwrap_or_default(),
                    r.speaker.clone().unwrap_or_default(),
                    r.verdict.clone().unwrap_or_default(),
                    r.flagged.to_string(),
                    r.tags.join(";"),
                    r.note.clone(),
                    r.orphaned.to_string(),
                ];
                writeln!(
                    out,
                    "{}",
                    fields
                        .iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(",")
                )?;
            }
        }
        Format::Markdown => markdown(out, session, &rows)?,
    }
    Ok(())
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn markdown(out: &mut impl Write, session: &Session, rows: &[Row]) -> io::Result<()> {
    writeln!(out, "# Review: {}\n", session.corpus)?;
    let verdicts = rows.iter().filter(|r| r.verdict.is_some()).count();
    let flagged = rows.iter().filter(|r| r.flagged).count();
    writeln!(
        out,
        "{} quotes: {verdicts} with a verdict, {flagged} flagged.\n",
        rows.len()
    )?;
    let mut current: Option<&str> = None;
    for row in rows {
        if current != Some(row.article.as_str()) {
            current = Some(row.article.as_str());
            writeln!(
                out,
                "## {}\n",
                if row.title.is_empty() {
                    &row.article
                } else {
                    &row.title
                }
            )?;
            let meta: Vec<&str> = [row.date.as_deref(), row.source.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !meta.is_empty() {
                writeln!(out, "{}\n", meta.join(" · "))?;
            }
            if let Some(review) = session.article(&row.article) {
                if review.flagged {
                    writeln!(out, "**Flagged article.**\n")?;
                }
                if !review.tags.is_empty() {
                    writeln!(out, "Tags: {}\n", review.tags.join(", "))?;
                }
                if !review.note.is_empty() {
                    writeln!(out, "Note: {}\n", review.note.replace('\n', " "))?;
                }
            }
        }
        let verdict = row
            .verdict
            .as_deref()
            .map(|v| v.to_uppercase())
            .unwrap_or_else(|| "NO VERDICT".into());
        let flag = if row.flagged { " ⚑ flagged" } else { "" };
        let orphan = if row.orphaned {
            " (no longer found in the article)"
        } else {
            ""
        };
        writeln!(
            out,
            "- **{verdict}**{flag}{orphan} — {}: “{}”",
            row.speaker.as_deref().unwrap_or("unknown speaker"),
            row.quote
        )?;
        if !row.tags.is_empty() {
            writeln!(out, "  - tags: {}", row.tags.join(", "))?;
        }
        if !row.note.is_empty() {
            writeln!(out, "  - note: {}", row.note.replace('\n', " "))?;
        }
    }
    Ok(())
}
