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
    /// RSS 2.0 or Atom: one article per item/entry.
    Feed,
    /// A web page saved as HTML.
    Html,
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
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        Format::Html
    } else if name.ends_with(".rss") || name.ends_with(".atom") || name.ends_with(".xml") {
        Format::Feed
    } else if name.ends_with(".csv") {
        Format::Csv
    } else if name.ends_with(".tsv") {
        Format::Tsv
    } else {
        // No telling extension (standard input, `.txt` exports): the first bytes decide.
        let start = head.trim_start();
        let lower: String = start.chars().take(15).collect::<String>().to_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            Format::Html
        } else if start.starts_with("<?xml")
            || start.starts_with("<rss")
            || start.starts_with("<feed")
        {
            Format::Feed
        } else if start.starts_with('[') && start[1..].trim_start().starts_with('{') {
            Format::Json
        } else if start.starts_with('{') {
            let second = start.lines().nth(1).map(str::trim_start);
            if second.is_some_and(|l| l.starts_with('{')) {
                Format::JsonLines
            } else if serde_json::from_str::<Value>(start).is_ok() {
                Format::Json
            } else {
                Format::JsonLines
            }
        } else {
            Format::Text
        }
    }
}

thread_local! {
    /// `--field PART=NAME` overrides for records read on this thread (set by the loader).
    static FIELD_OVERRIDES: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` with `--field` overrides in force for records parsed on this thread.
pub fn with_fields<T>(fields: &[(String, String)], f: impl FnOnce() -> T) -> T {
    FIELD_OVERRIDES.with(|cell| *cell.borrow_mut() = fields.to_vec());
    let result = f();
    FIELD_OVERRIDES.with(|cell| cell.borrow_mut().clear());
    result
}

/// The format named on the command line (`--format`).
pub fn named(name: &str) -> Option<Format> {
    Some(match name {
        "text" | "txt" | "md" => Format::Text,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        "csv" => Format::Csv,
        "tsv" => Format::Tsv,
        "html" => Format::Html,
        "rss" | "atom" | "feed" => Format::Feed,
        _ => return None,
    })
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
    let fields = FIELD_OVERRIDES.with(|f| f.borrow().clone());
    let wanted = |part: &str, names: &[&str]| -> Option<String> {
        // `--field body=article`: the named field first, then the alias table.
        fields
            .iter()
            .filter(|(p, _)| p == part)
            .find_map(|(_, name)| {
                get(name)
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            })
            .or_else(|| first_text(get, names))
    };
    let body =
        wanted("body", &BODY).ok_or("no article text (maintext, text, content, article, body)")?;
    let url = wanted("url", &URL).filter(|u| u.contains("://"));
    // trafilatura's `source` is a URL; elsewhere `source` names the outlet.
    let source = wanted("source", &SOURCE)
        .or_else(|| get("source").filter(|s| !s.contains("://") && !s.trim().is_empty()));
    Ok(Record {
        at,
        body,
        meta: RecordMeta {
            title: wanted("title", &TITLE),
            date: wanted("date", &DATE),
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
        Format::Feed => feed(text, &mut records, &mut problems),
        Format::Html => match html_page(text) {
            Some(record) => records.push(record),
            None => problems.push((1, "an HTML page with no article text".into())),
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

/// RSS 2.0 items and Atom entries: the full content (`content:encoded`, Atom `content`) over a
/// teaser (`description`, `summary`), HTML turned into paragraphs; the channel's title is the
/// outlet.
fn feed(text: &str, records: &mut Vec<Record>, problems: &mut Vec<(usize, String)>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut channel_title: Option<String> = None;
    let mut item: Option<std::collections::HashMap<String, String>> = None;
    let mut count = 0;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                problems.push((
                    line_of(text, reader.buffer_position() as usize),
                    format!("not a valid feed: {e}"),
                ));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "item" || name == "entry" {
                    item = Some(Default::default());
                }
                // Atom links carry the address in an attribute.
                if name == "link" {
                    if let (Some(fields), Some(href)) = (item.as_mut(), attr(&e, "href")) {
                        fields.entry("link".into()).or_insert(href);
                    }
                }
                path.push(name);
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "link" {
                    if let (Some(fields), Some(href)) = (item.as_mut(), attr(&e, "href")) {
                        fields.entry("link".into()).or_insert(href);
                    }
                }
            }
            Event::Text(t) => {
                let value = t.unescape().map(|v| v.into_owned()).unwrap_or_default();
                store(&path, &value, &mut item, &mut channel_title);
            }
            Event::CData(t) => {
                let value = String::from_utf8_lossy(&t.into_inner()).into_owned();
                store(&path, &value, &mut item, &mut channel_title);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                path.pop();
                if name == "item" || name == "entry" {
                    count += 1;
                    if let Some(fields) = item.take() {
                        let get = |n: &str| fields.get(n).cloned();
                        let body = first_text(
                            &get,
                            &["content:encoded", "content", "description", "summary"],
                        )
                        .map(|html| html_to_text(&html));
                        match body.filter(|b| !b.trim().is_empty()) {
                            Some(body) => records.push(Record {
                                at: count,
                                body,
                                meta: RecordMeta {
                                    title: get("title").map(|t| html_to_text(&t)),
                                    date: first_text(
                                        &get,
                                        &["pubDate", "published", "updated", "dc:date"],
                                    ),
                                    source: channel_title.clone(),
                                    url: get("link"),
                                },
                            }),
                            None => problems.push((count, format!("item {count} has no text"))),
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn store(
    path: &[String],
    value: &str,
    item: &mut Option<std::collections::HashMap<String, String>>,
    channel_title: &mut Option<String>,
) {
    let Some(leaf) = path.last() else { return };
    match item {
        Some(fields) => {
            fields.entry(leaf.clone()).or_default().push_str(value);
        }
        None if leaf == "title" && channel_title.is_none() => {
            *channel_title = Some(value.trim().to_string())
        }
        None => {}
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// A saved web page: the article's text (the `<article>`, else `<main>`, else `<body>`, without
/// navigation, headers, footers, asides, forms, scripts and cookie banners), the title from
/// `og:title`, `<title>` or `<h1>`, the date from `article:published_time`, JSON-LD
/// `datePublished` or `<time datetime>`, the outlet from `og:site_name`.
fn html_page(html: &str) -> Option<Record> {
    use regex::Regex;
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<[Regex; 5]> = OnceLock::new();
    static BLOCKS: OnceLock<Vec<(String, Regex)>> = OnceLock::new();
    let [meta_tag, title_tag, h1, json_ld_date, time_tag] = PATTERNS.get_or_init(|| {
        let r = |p: &str| Regex::new(p).expect("valid");
        [
            r(r#"(?is)<meta\s+[^>]*?(?:property|name)\s*=\s*["']([^"']+)["'][^>]*?content\s*=\s*["']([^"']*)["']"#),
            r(r"(?is)<title[^>]*>(.*?)</title>"),
            r(r"(?is)<h1[^>]*>(.*?)</h1>"),
            r(r#""datePublished"\s*:\s*"([^"]+)""#),
            r(r#"(?is)<time[^>]*datetime\s*=\s*["']([^"']+)["']"#),
        ]
    });
    // The regex crate has no back-references: one pattern per element.
    let blocks = BLOCKS.get_or_init(|| {
        let mut blocks = Vec::new();
        for tag in ["article", "main", "body"] {
            blocks.push((format!("keep:{tag}"), Regex::new(&format!(r"(?is)<{tag}\b[^>]*>(.*)</{tag}\s*>")).expect("valid")));
        }
        for tag in ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe", "svg"] {
            blocks.push((format!("drop:{tag}"), Regex::new(&format!(r"(?is)<{tag}\b.*?</{tag}\s*>")).expect("valid")));
        }
        for tag in ["div", "section"] {
            let pattern = format!(r#"(?is)<{tag}\b[^>]*(?:cookie|consent|gdpr|newsletter|subscribe)[^>]*>.*?</{tag}\s*>"#);
            blocks.push((format!("drop:{tag}"), Regex::new(&pattern).expect("valid")));
        }
        blocks
    });
    let meta = |name: &str| {
        meta_tag
            .captures_iter(html)
            .find(|c| c[1].eq_ignore_ascii_case(name))
            .map(|c| decode_entities(&c[2]).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let title = meta("og:title")
        .or_else(|| title_tag.captures(html).map(|c| html_to_text(&c[1])))
        .or_else(|| h1.captures(html).map(|c| html_to_text(&c[1])))
        .filter(|t| !t.is_empty());
    let date = meta("article:published_time")
        .or_else(|| json_ld_date.captures(html).map(|c| c[1].to_string()))
        .or_else(|| time_tag.captures(html).map(|c| c[1].to_string()));
    let source = meta("og:site_name");
    // The article's container: article, else main, else body; then the page's chrome goes.
    let mut inner = html.to_string();
    for (role, pattern) in blocks.iter().filter(|(role, _)| role.starts_with("keep:")) {
        if let Some(c) = pattern.captures(html) {
            inner = c[1].to_string();
            let _ = role;
            break;
        }
    }
    for (_, pattern) in blocks.iter().filter(|(role, _)| role.starts_with("drop:")) {
        inner = pattern.replace_all(&inner, "").into_owned();
    }
    let body = html_to_text(&inner);
    // The headline printed again at the top of the article is not body text.
    let body = match &title {
        Some(t) => body
            .strip_prefix(t.as_str())
            .map(|b| b.trim_start().to_string())
            .unwrap_or(body),
        None => body,
    };
    (!body.trim().is_empty()).then(|| Record {
        at: 1,
        body,
        meta: RecordMeta {
            title,
            date,
            source,
            url: meta("og:url"),
        },
    })
}

/// HTML as plain paragraphs: block ends (`</p>`, `<br>`, headings, list items) become blank
/// lines, other tags go, scripts and styles go with their content, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = &rest[i..];
            break;
        };
        let tag = rest[i + 1..i + j].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        rest = &rest[i + j + 1..];
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = rest.to_lowercase().find(&close).map_or("", |k| &rest[k..]);
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote" | "tr"
        ) {
            out.push_str("\n\n");
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
