//! Turns the paths a user gives into article texts and a list of warnings. It is the only
//! place that reads article files; it never analyses them. A bad file is a warning and the
//! rest still loads; nothing here blocks on a FIFO, a device or a symlink loop.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::text::{neutralize, neutralized};

/// Files larger than this are skipped with a warning unless the caller sets another limit.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Directory nesting deeper than this is not followed (a guard against pathological trees).
const MAX_DEPTH: usize = 64;

/// One article's text as read from disk (or from the bundled seeds), before cleaning.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file stem: `004_32a518eb8c980e85` for `seeds/004_32a518eb8c980e85.txt`.
    pub id: String,
    /// Where it came from, as the user named it (bundled seeds get `seeds/NAME`).
    pub path: PathBuf,
    /// The text with control characters and escape sequences already neutralised.
    pub raw: String,
    /// Metadata the file stated about the article (JSON, CSV, front matter); it wins over
    /// what the analysis guesses from the text.
    pub record: super::formats::RecordMeta,
}

/// Something the user should know about one input; loading went on without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub message: String,
}

impl LoadWarning {
    /// The file and line of a warning about one record of a multi-record file (its path
    /// names `FILE:LINE`); `None` for a warning about a whole file.
    pub fn record(&self) -> Option<(&str, usize)> {
        let (file, line) = self.path.to_str()?.rsplit_once(':')?;
        Some((file, line.parse().ok()?))
    }
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The warnings as lines for a person. A run of records of one file with the same problem is
/// one line ("index.tsv: 294 records (lines 2–295): no article text …"), so that a file of
/// thousands of bad records does not bury the other warnings.
pub fn summarise(warnings: &[LoadWarning]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < warnings.len() {
        let Some((file, first)) = warnings[i].record() else {
            lines.push(warnings[i].to_string());
            i += 1;
            continue;
        };
        let mut last = first;
        let mut j = i + 1;
        while let Some((next_file, line)) = warnings
            .get(j)
            .filter(|w| w.message == warnings[i].message)
            .and_then(LoadWarning::record)
        {
            if next_file != file {
                break;
            }
            last = line;
            j += 1;
        }
        lines.push(match j - i {
            1 => warnings[i].to_string(),
            n => format!(
                "{file}: {n} records (lines {first}–{last}): {}",
                warnings[i].message
            ),
        });
        i = j;
    }
    lines
}

/// What loading produced: the documents in path order, and what was skipped or repaired.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<LoadWarning>,
}

/// The five seed articles, compiled into the binary so `quire` works from any directory.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_1d064251b0bc818d.txt",
        include_str!("../../seeds/000_1d064251b0bc818d.txt"),
    ),
    (
        "001_e93d9d827fff696b.txt",
        include_str!("../../seeds/001_e93d9d827fff696b.txt"),
    ),
    (
        "002_cf2dca9934893808.txt",
        include_str!("../../seeds/002_cf2dca9934893808.txt"),
    ),
    (
        "003_1896167c399c0b60.txt",
        include_str!("../../seeds/003_1896167c399c0b60.txt"),
    ),
    (
        "004_32a518eb8c980e85.txt",
        include_str!("../../seeds/004_32a518eb8c980e85.txt"),
    ),
];

/// The text of article `id` as read from `path`, read again (the analysis does not keep
/// it): from the file, else from the bundled seeds. `None` when it can no longer be read.
pub fn read_again(path: &Path, id: &str) -> Option<String> {
    let mut problems = Vec::new();
    read_documents(path, &LoadOptions::default(), &mut problems)
        .ok()
        .and_then(|docs| docs.into_iter().find(|d| d.id == id))
        .map(|d| d.raw)
        .or_else(|| bundled_seed(path))
}

/// The raw text of the bundled seed at `path` (`seeds/NAME`), if it is one.
pub fn bundled_seed(path: &Path) -> Option<String> {
    SEEDS
        .iter()
        .find(|(name, _)| path == Path::new("seeds").join(name))
        .map(|(_, text)| neutralize(text))
}

/// The bundled seed corpus.
pub fn seeds() -> Loaded {
    let documents = SEEDS
        .iter()
        .map(|(name, text)| Document {
            id: name.trim_end_matches(".txt").to_string(),
            path: Path::new("seeds").join(name),
            raw: neutralize(text),
            record: Default::default(),
        })
        .collect();
    Loaded {
        documents,
        warnings: Vec::new(),
    }
}

/// A file's articles, or why it gave none.
type FileResult = Result<Vec<Document>, LoadWarning>;

/// Options for [`load_paths`].
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    /// `--format`: read every file as this format instead of guessing.
    pub format: Option<super::formats::Format>,
    /// `--field PART=NAME`: record fields tried before the alias table.
    pub fields: Vec<(String, String)>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            format: None,
            fields: Vec::new(),
        }
    }
}

/// Lists the article files under `paths` (files as given, folders recursively, sorted, `.txt`
/// only inside folders) and reads them in parallel.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let stdin = paths.iter().any(|p| p.as_os_str() == STDIN_PATH);
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != STDIN_PATH)
        .cloned()
        .collect();
    let (files, mut warnings) = list_files(&files, options);
    let mut documents = Vec::with_capacity(files.len() + 1);
    // `-` is standard input, read once (bounded like any file).
    if stdin {
        match read_stdin(options).and_then(|document| {
            super::formats::with_fields(&options.fields, || {
                split_records(document, options.format, &mut warnings)
            })
        }) {
            Ok(mut docs) => documents.append(&mut docs),
            Err(warning) => warnings.push(warning),
        }
    }
    let mut loaded = load_files(&files, options);
    documents.append(&mut loaded.documents);
    warnings.append(&mut loaded.warnings);
    Loaded {
        documents,
        warnings,
    }
}

/// The article files under `paths` (folders walked recursively, sorted), and warnings for
/// what cannot be opened or holds no articles.
pub fn list_files(paths: &[PathBuf], options: &LoadOptions) -> (Vec<PathBuf>, Vec<LoadWarning>) {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        collect_files(path, options, &mut files, &mut warnings, usize::MAX);
    }
    (files, warnings)
}

/// Whether `paths` hold at least `count` article files, walking no further than needed.
pub fn has_files(paths: &[PathBuf], options: &LoadOptions, count: usize) -> bool {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        collect_files(path, options, &mut files, &mut warnings, count);
        if files.len() >= count {
            return true;
        }
    }
    false
}

/// Reads `files` (in parallel) into documents, in the order given.
pub fn load_files(files: &[PathBuf], options: &LoadOptions) -> Loaded {
    use rayon::prelude::*;
    let results: Vec<(FileResult, Vec<LoadWarning>)> = files
        .par_iter()
        .map(|path| {
            let mut problems = Vec::new();
            let read = super::formats::with_fields(&options.fields, || {
                read_documents(path, options, &mut problems)
            });
            (read, problems)
        })
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    let mut warnings = Vec::new();
    for (result, mut problems) in results {
        warnings.append(&mut problems);
        match result {
            Ok(mut docs) => documents.append(&mut docs),
            Err(warning) => warnings.push(warning),
        }
    }
    Loaded {
        documents,
        warnings,
    }
}

fn warn(path: &Path, message: impl Into<String>) -> LoadWarning {
    LoadWarning {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn collect_files(
    path: &Path,
    options: &LoadOptions,
    files: &mut Vec<PathBuf>,
    warnings: &mut Vec<LoadWarning>,
    limit: usize,
) {
    // `metadata` follows symlinks; a dangling link or a loop fails here with a clear reason.
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => {
            warnings.push(warn(path, format!("cannot open: {err}")));
            return;
        }
    };
    if metadata.is_dir() {
        let before = files.len();
        let mut visited = HashSet::new();
        walk_dir(path, 0, &mut visited, files, warnings, limit);
        if files.len() == before {
            warnings.push(warn(
                path,
                "no article files (.txt, .md, .json, .jsonl, .csv, .tsv) in this folder",
            ));
        }
    } else if metadata.is_file() {
        files.push(path.to_path_buf());
    } else {
        warnings.push(warn(
            path,
            "not a regular file (FIFO, socket or device); skipped",
        ));
    }
    let _ = options;
}

fn walk_dir(
    dir: &Path,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    warnings: &mut Vec<LoadWarning>,
    limit: usize,
) {
    if files.len() >= limit {
        return;
    }
    if depth > MAX_DEPTH {
        warnings.push(warn(dir, "folder nesting too deep; not followed"));
        return;
    }
    // Canonical paths detect symlink loops: a folder seen before is not entered again.
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            warnings.push(warn(dir, format!("cannot list folder: {err}")));
            return;
        }
    };
    // The entry's own type comes with the listing; only a symbolic link costs a `stat` to see
    // what it points at (100,000 files list in a tenth of the time).
    let mut entries: Vec<(PathBuf, Option<fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (path, listed) in entries {
        if is_hidden_or_documentation(&path) {
            continue;
        }
        let file_type = match listed.filter(|t| !t.is_symlink()) {
            Some(file_type) => file_type,
            None => match fs::metadata(&path) {
                Ok(metadata) => metadata.file_type(),
                Err(err) => {
                    warnings.push(warn(&path, format!("cannot open: {err}")));
                    continue;
                }
            },
        };
        if file_type.is_dir() {
            walk_dir(&path, depth + 1, visited, files, warnings, limit);
        } else if is_article_file(&path) {
            if file_type.is_file() {
                files.push(path);
            } else {
                warnings.push(warn(
                    &path,
                    "not a regular file (FIFO, socket or device); skipped",
                ));
            }
        }
    }
}

/// Extensions read inside folders (a file named on the command line is read whatever it is).
const ARTICLE_EXTENSIONS: [&str; 14] = [
    "txt", "md", "markdown", "json", "jsonl", "ndjson", "csv", "tsv", "gz", "rss", "atom", "xml",
    "html", "htm",
];

/// Inside a folder, what is no article though its name says text: hidden files and folders
/// (".git", ".cache") and the folder's own documentation (README.md, LICENSE.txt,
/// CHANGELOG.md), which a corpus folder often carries and which would be listed first as
/// articles. A file named on the command line is read whatever its name.
fn is_hidden_or_documentation(path: &Path) -> bool {
    const DOCUMENTS: [&str; 8] = [
        "readme",
        "license",
        "licence",
        "changelog",
        "contributing",
        "copying",
        "notice",
        "authors",
    ];
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    name.starts_with('.') || DOCUMENTS.iter().any(|d| stem.eq_ignore_ascii_case(d))
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads one file, refusing what is not an article: too big, empty, binary.
pub fn read_document(path: &Path, options: &LoadOptions) -> Result<Document, LoadWarning> {
    let file = fs::File::open(path).map_err(|err| warn(path, format!("cannot read: {err}")))?;
    let metadata = file
        .metadata()
        .map_err(|err| warn(path, format!("cannot read: {err}")))?;
    if !metadata.is_file() {
        return Err(warn(path, "not a regular file; skipped"));
    }
    if metadata.len() > options.max_file_bytes {
        return Err(warn(
            path,
            format!(
                "{} MB is over the {} MB limit; skipped",
                metadata.len() / 1_000_000,
                options.max_file_bytes / 1_000_000
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    let gzipped = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    // `take` bounds the read even if the file grows while we read it, or inflates without end.
    let read = if gzipped {
        flate2::read::GzDecoder::new(file)
            .take(options.max_file_bytes + 1)
            .read_to_end(&mut bytes)
    } else {
        file.take(options.max_file_bytes + 1)
            .read_to_end(&mut bytes)
    };
    read.map_err(|err| warn(path, format!("cannot read: {err}")))?;
    admit(path, &bytes, options, "file")?;
    let text = decode(bytes);
    let id = path
        .file_stem()
        .map(|s| {
            s.to_string_lossy()
                .trim_end_matches(".jsonl")
                .trim_end_matches(".json")
                .to_string()
        })
        .unwrap_or_default();
    Ok(Document {
        id,
        path: path.to_path_buf(),
        raw: neutralized(text),
        record: Default::default(),
    })
}

/// Reads one file as one or more articles: a structured file (JSON, JSON Lines, CSV/TSV)
/// gives one per record, ids `stem#N`; text with front matter gives its metadata. Problems
/// with single records are pushed to `problems` as `file:line` warnings.
pub fn read_documents(
    path: &Path,
    options: &LoadOptions,
    problems: &mut Vec<LoadWarning>,
) -> Result<Vec<Document>, LoadWarning> {
    split_records(read_document(path, options)?, options.format, problems)
}

/// One read file (or standard input) as its articles; see [`read_documents`].
fn split_records(
    mut document: Document,
    forced: Option<super::formats::Format>,
    problems: &mut Vec<LoadWarning>,
) -> Result<Vec<Document>, LoadWarning> {
    let path = document.path.clone();
    let path = path.as_path();
    if let Some(rest) = document.raw.strip_prefix(NOT_UTF8_MARK) {
        document.raw = rest.to_string();
        problems.push(warn(path, "not valid UTF-8; decoded as windows-1252"));
    }
    let head_end = end_of_first_chars(&document.raw, 4096);
    let format = forced.unwrap_or_else(|| super::formats::detect(path, &document.raw[..head_end]));
    if format == super::formats::Format::Text {
        // Plain text, the common case: the text is the article, less any front matter,
        // moved rather than copied.
        let (record, body) = super::formats::front_matter(&document.raw);
        if body.len() != document.raw.len() {
            document.raw = body.to_string();
        }
        return Ok(vec![Document { record, ..document }]);
    }
    let (records, bad) = super::formats::parse(format, &document.raw);
    for (line, message) in bad {
        problems.push(warn(
            &PathBuf::from(format!("{}:{line}", path.display())),
            message,
        ));
    }
    if records.is_empty() {
        return Err(warn(path, "no article records in this file"));
    }
    Ok(records
        .into_iter()
        .map(|r| {
            // A record's title becomes its headline line, so the text reads like an article.
            let raw = match &r.meta.title {
                Some(title) if !r.body.starts_with(title.as_str()) => {
                    format!("{title}\n\n{}", r.body)
                }
                _ => r.body.clone(),
            };
            Document {
                id: format!("{}#{}", document.id, r.at),
                path: document.path.clone(),
                raw: neutralized(raw),
                record: r.meta,
            }
        })
        .collect())
}

/// The byte offset where the first `chars` characters of `text` end (its length when it is
/// shorter). Most texts open with ASCII, measured without decoding: counting characters one by
/// one cost more than parsing the file's format.
fn end_of_first_chars(text: &str, chars: usize) -> usize {
    match text.as_bytes().get(..chars) {
        None => text.len(),
        Some(head) if head.is_ascii() => chars,
        Some(_) => text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(at, _)| at),
    }
}

/// Text from bytes: UTF-8 (a BOM dropped); anything else is windows-1252, the usual encoding
/// of older scraped pages (its smart quotes come out right), marked so the caller can say so.
/// Unicode is normalised to NFC once here.
fn decode(bytes: Vec<u8>) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = match String::from_utf8(bytes) {
        // Without a copy unless there is a byte-order mark to drop.
        Ok(text) if text.starts_with('\u{feff}') => text.trim_start_matches('\u{feff}').to_string(),
        Ok(text) => text,
        Err(err) => {
            let (decoded, _) =
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(err.as_bytes());
            format!("{NOT_UTF8_MARK}{decoded}")
        }
    };
    if text.is_ascii() {
        return text; // ASCII is in normal form (checked here much faster than below)
    }
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Prefixed by [`decode`] to text that was not UTF-8; stripped (and reported) by the loader.
const NOT_UTF8_MARK: &str = "\u{fdd0}";

/// Refuses what is not an article, whatever it was read from (`subject` names it): over the
/// size limit (once decompressed), empty, binary.
fn admit(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
    subject: &str,
) -> Result<(), LoadWarning> {
    if bytes.len() as u64 > options.max_file_bytes {
        return Err(warn(
            path,
            format!("{subject} over the size limit once read; skipped"),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(warn(path, format!("empty {subject}; skipped")));
    }
    if looks_binary(bytes) {
        return Err(warn(path, format!("binary {subject} (not text); skipped")));
    }
    Ok(())
}

/// The path standard input's article carries.
const STDIN_PATH: &str = "-";

impl Document {
    /// Its text can be read again from where it came from (not so for standard input).
    pub fn can_be_read_again(&self) -> bool {
        self.path != Path::new(STDIN_PATH)
    }
}

/// Standard input as one article (id `stdin`).
fn read_stdin(options: &LoadOptions) -> Result<Document, LoadWarning> {
    let path = Path::new(STDIN_PATH);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(options.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| warn(path, format!("cannot read standard input: {err}")))?;
    admit(path, &bytes, options, "standard input")?;
    Ok(Document {
        id: "stdin".into(),
        path: PathBuf::from(STDIN_PATH),
        raw: neutralized(decode(bytes)),
        record: Default::default(),
    })
}

/// Binary when the first 8 KiB hold NUL bytes or mostly non-text control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Format detection reads a file's first characters, not bytes: the head ends at the same
    /// place whether the file opens in English, in Arabic, or is shorter than the head.
    #[test]
    fn a_files_head_is_counted_in_characters() {
        let by_decoding =
            |text: &str, n: usize| text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
        for text in [
            "short".to_string(),
            "a".repeat(10),
            "é".repeat(10),
            format!("{}قال{}", "a".repeat(6), "b".repeat(6)),
            format!("{}’", "a".repeat(8)),
        ] {
            for n in [0, 3, 8, 9, 12] {
                assert_eq!(
                    end_of_first_chars(&text, n),
                    by_decoding(&text, n),
                    "{text} {n}"
                );
            }
        }
    }
}
