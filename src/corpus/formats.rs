//! Article files that are not plain text: JSON, JSON Lines and JSON arrays of article records
//! (news-please, newspaper4k, trafilatura, CC-News and ordinary scrapers), CSV/TSV with a header
//! row, and Markdown or text with `---` front matter. Every record's fields go through one alias
//! table (the first non-empty value wins). A bad record is a warning with file:line; the rest
//! loads. Metadata found in a record wins over what the text heuristics guess.

use serde_json::Value;

/// Metadata a record states about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// One article read from a structured file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Its place in the file (1-based line for JSON Lines and CSV, index for arrays).
    pub at: usize,
    pub body: String,
    pub meta: RecordMeta,
}

/// The file formats quire reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    JsonLines,
    Csv,
    Tsv,
}

/// The format of a file, from its extension (`--format` may override it later).
pub fn detect(path: &std::path::Path, head: &str) -> Format {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Format::JsonLines
    } else if name.ends_with(".json") {
        // A "JSON" file with one object per line is JSON Lines.
        let trimmed = head.trim_start();
        if trimmed.starts_with('{')
            && trimmed
                .lines()
                .nth(1)
                .is_some_and(|l| l.trim_start().starts_with('{'))
        {
            Format::JsonLines
        } else {
            Format::Json
        }
    } else if name.ends_with(".csv") {
        Format::Csv
    } else if name.ends_with(".tsv") {
        Format::Tsv
    } else {
        Format::Text
    }
}

/// Field names for each part of a record, first match wins.
const TITLE: [&str; 3] = ["title", "headline", "name"];
const BODY: [&str; 8] = [
    "maintext",
    "text",
    "content",
    "article",
    "body",
    "full_text",
    "story",
    "description",
];
const DATE: [&str; 7] = [
    "date_publish",
    "publish_date",
    "date",
    "published",
    "pubDate",
    "date_published",
    "datetime",
];
const SOURCE: [&str; 7] = [
    "source_domain",
    "meta_site_name",
    "sitename",
    "publication",
    "site_name",
    "hostname",
    "domain",
];
const URL: [&str; 3] = ["url", "link", "source"];

fn first_text(get: &dyn Fn(&str) -> Option<String>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        get(n)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

fn record_from(get: &dyn Fn(&str) -> Option<String>, at: usize) -> Result<Record, String> {
    let body =
        first_text(get, &BODY).ok_or("no article text (maintext, text, content, article, body)")?;
    let url = first_text(get, &URL).filter(|u| u.contains("://"));
    // trafilatura's `source` is a URL; elsewhere `source` names the outlet.
    let source = first_text(get, &SOURCE)
        .or_else(|| get("source").filter(|s| !s.contains("://") && !s.trim().is_empty()));
    Ok(Record {
        at,
        body,
        meta: RecordMeta {
            title: first_text(get, &TITLE),
            date: first_text(get, &DATE),
            source,
            url,
        },
    })
}

fn json_field(value: &Value, name: &str) -> Option<String> {
    match value.get(name)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

/// Parses a structured file into records and per-record problems (`(place, message)`).
pub fn parse(format: Format, text: &str) -> (Vec<Record>, Vec<(usize, String)>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    match format {
        Format::Text => {
            let (meta, body) = front_matter(text);
            records.push(Record {
                at: 1,
                body: body.to_string(),
                meta,
            });
        }
        Format::JsonLines => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(value) => match record_from(&|n| json_field(&value, n), i + 1) {
                        Ok(record) => records.push(record),
                        Err(e) => problems.push((i + 1, e.to_string())),
                    },
                    Err(e) => problems.push((i + 1, format!("not JSON: {e}"))),
                }
            }
        }
        Format::Json => match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => {
                for (i, value) in items.iter().enumerate() {
                    match record_from(&|n| json_field(value, n), i + 1) {
                        Ok(record) => records.push(record),
                        Err(e) => problems.push((i + 1, format!("record {}: {e}", i + 1))),
                    }
                }
            }
            Ok(value) => match record_from(&|n| json_field(&value, n), 1) {
                Ok(record) => records.push(record),
                Err(e) => problems.push((1, e.to_string())),
            },
            Err(e) => problems.push((e.line(), format!("not JSON: {e}"))),
        },
        Format::Csv | Format::Tsv => {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
                .flexible(false)
                .from_reader(text.as_bytes());
            let headers: Vec<String> = match reader.headers() {
                Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
                Err(e) => {
                    problems.push((1, format!("no header row: {e}")));
                    return (records, problems);
                }
            };
            for row in reader.records() {
                match row {
                    Ok(row) => {
                        let line = row.position().map_or(0, |p| p.line() as usize);
                        let get = |name: &str| {
                            headers
                                .iter()
                                .position(|h| h == &name.to_lowercase())
                                .and_then(|i| row.get(i))
                                .map(str::to_string)
                        };
                        match record_from(&get, line) {
                            Ok(record) => records.push(record),
                            Err(e) => problems.push((line, e.to_string())),
                        }
                    }
                    Err(e) => problems.push((
                        e.position().map_or(0, |p| p.line() as usize),
                        format!("bad row: {e}"),
                    )),
                }
            }
        }
    }
    (records, problems)
}

/// `---`-fenced `key: value` lines at the top of a Markdown or text file (web clippers,
/// static-site posts), and the text after them.
pub fn front_matter(text: &str) -> (RecordMeta, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (RecordMeta::default(), text);
    };
    let Some(end) = rest.find("\n---") else {
        return (RecordMeta::default(), text);
    };
    let header = &rest[..end];
    let body = rest[end + 4..].trim_start_matches(['-', '\r', '\n']);
    let get = |name: &str| {
        header.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim().eq_ignore_ascii_case(name))
                .then(|| value.trim().trim_matches(['"', '\'']).to_string())
        })
    };
    let meta = RecordMeta {
        title: first_text(&get, &TITLE),
        date: first_text(&get, &DATE),
        source: first_text(&get, &SOURCE).or_else(|| get("source").filter(|s| !s.contains("://"))),
        url: first_text(&get, &URL).filter(|u| u.contains("://")),
    };
    (meta, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_record_with_null_text_uses_maintext() {
        let line = r#"{"title": "T", "maintext": "Body here.", "text": null, "date_publish": "2019-10-06 10:00:00", "source_domain": "example.com"}"#;
        let (records, problems) = parse(Format::JsonLines, line);
        assert!(problems.is_empty());
        assert_eq!(records[0].body, "Body here.");
        assert_eq!(records[0].meta.source.as_deref(), Some("example.com"));
    }

    #[test]
    fn a_broken_json_line_is_a_problem_with_its_line_and_the_rest_loads() {
        let (records, problems) = parse(
            Format::JsonLines,
            "{\"text\": \"a\"}\n{broken\n{\"text\": \"b\"}\n",
        );
        assert_eq!(records.len(), 2);
        assert_eq!(problems[0].0, 2);
    }

    #[test]
    fn csv_with_kaggle_headers() {
        let csv = "headline,content,date,publication\n\"A, title\",Body text.,2020-01-02,Outlet\n";
        let (records, _) = parse(Format::Csv, csv);
        assert_eq!(records[0].meta.title.as_deref(), Some("A, title"));
        assert_eq!(records[0].meta.source.as_deref(), Some("Outlet"));
    }

    #[test]
    fn front_matter_gives_metadata_and_the_body() {
        let (meta, body) =
            front_matter("---\ntitle: \"Hello\"\ndate: 2021-06-05\nsitename: Site\n---\nBody.\n");
        assert_eq!(meta.title.as_deref(), Some("Hello"));
        assert_eq!(meta.date.as_deref(), Some("2021-06-05"));
        assert_eq!(body, "Body.\n");
    }
}
