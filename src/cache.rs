//! The analysis cache: what a corpus's files were analysed into, kept in the user's cache
//! directory so that the next open reads it instead of analysing again.
//!
//! Each file's articles are keyed on the file's path, size and modification time, and the
//! whole cache on quire's build and the load options. On open, a file whose key matches reuses
//! its articles; a changed or new file is read and analysed again; a deleted one disappears.
//! Articles analysed again are linked to the cached entities by entity id (the same person
//! keeps one entity); `--no-cache` analyses everything afresh.
//!
//! The file is a header (magic, format version, build stamp, number of parts), then the
//! entities and the files in bincode parts, each with its length and CRC-32. Anything unexpected (another build, a truncated or corrupt file) means
//! the cache is ignored and rebuilt, never an error. It is written to a temporary file and
//! renamed, readable by the user only.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::{self, combine, Article, Corpus, Entity, BATCH_FILES};
use crate::corpus::{list_files, LoadOptions, LoadWarning};
use crate::review::store::{canonical_paths, fnv1a};

const MAGIC: &[u8; 12] = b"QUIRE-CACHE\0";
/// Bump when the payload's layout changes (the build stamp covers analysis changes).
const FORMAT: u32 = 3;

/// What identifies one file's contents without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    pub path: PathBuf,
    pub size: u64,
    pub modified_ns: u128,
}

impl FileKey {
    fn of(path: &Path) -> Option<FileKey> {
        let metadata = fs::metadata(path).ok()?;
        let modified_ns = metadata
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(FileKey {
            path: path.to_path_buf(),
            size: metadata.len(),
            modified_ns,
        })
    }
}

/// One file as cached: its key, its articles and the warnings reading it gave (each with
/// the path it named, `file:line` for a bad record).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedFile {
    key: FileKey,
    articles: Vec<Article>,
    warnings: Vec<(PathBuf, String)>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    files: Vec<CachedFile>,
    entities: Vec<Entity>,
}

/// What a cached load did, for the user and for tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose articles came from the cache.
    pub reused: usize,
    /// Files read and analysed (changed, new, or no usable cache).
    pub analysed: usize,
    /// Cached files that are gone.
    pub dropped: usize,
    /// Why the cache file could not be used, when it could not.
    pub problem: Option<String>,
}

/// The corpus, the warnings to show, and what the cache did.
#[derive(Debug)]
pub struct CachedLoad {
    pub corpus: Corpus,
    pub warnings: Vec<LoadWarning>,
    pub stats: CacheStats,
}

/// Where quire keeps caches: `$XDG_CACHE_HOME/quire`, else `~/.cache/quire`.
pub fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| std::env::temp_dir().join("quire-cache"))
        .join("quire")
}

/// The cache file for a corpus named by `paths`: one per set of paths and load options.
pub fn cache_file(paths: &[PathBuf], options: &LoadOptions) -> PathBuf {
    let canonical = canonical_paths(paths);
    let name = format!(
        "{:016x}",
        fnv1a(format!("{canonical:?}{options:?}").as_bytes())
    );
    cache_dir().join("corpora").join(format!("{name}.bin"))
}

/// Distinguishes builds: a cache written by another quire (whose analysis may differ) is
/// not trusted. The executable's size and modification time change with every build.
fn build_stamp() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|exe| FileKey::of(&exe))
        .map(|k| format!("{}:{}", k.size, k.modified_ns))
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// A corpus's cache unused for this long is deleted the next time quire opens any corpus: a
/// folder analysed once (a download, an export, a test's temporary folder) would otherwise
/// keep its cache, hundreds of megabytes for a large corpus, for ever.
pub const KEEP_UNUSED: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// A temporary file older than this was left by a write that never finished (a killed
/// process): one still being written is younger.
const KEEP_UNFINISHED: Duration = Duration::from_secs(24 * 60 * 60);

/// Deletes the other corpora's caches beside `cache` that were last used (read or written)
/// longer than [`KEEP_UNUSED`] before `now`, and unfinished writes. Only quire's own files
/// (`<hex>.bin` and their temporary files) are touched; a file that cannot be deleted stays.
pub fn prune_unused(cache: &Path, now: SystemTime) {
    let Some(dir) = cache.parent() else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let (stem, rest) = name.split_once('.').unwrap_or((&name, ""));
        let ours = stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit());
        let keep_for = match rest {
            "bin" => KEEP_UNUSED,
            _ if rest.contains(".tmp-") => KEEP_UNFINISHED,
            _ => continue,
        };
        let last_used = entry.metadata().and_then(|m| m.modified());
        let unused = last_used
            .ok()
            .and_then(|used| now.duration_since(used).ok())
            .is_some_and(|age| age > keep_for);
        if ours && unused && path != cache {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Marks a cache as used now (its modification time), so that pruning keeps a corpus opened
/// often but never changed.
fn mark_used(cache: &Path) {
    if let Ok(file) = fs::File::options().write(true).open(cache) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// How far a load is, for a progress display on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read and analyse (0 until known, and when the cache has them all).
    pub to_analyse: AtomicUsize,
    /// Articles analysed so far.
    pub analysed: AtomicUsize,
    /// Where to send articles as soon as they are listable (title, date, source, text; no
    /// quotes or entities yet), when a reader shows them while the rest is analysed.
    pub previews: Mutex<Option<mpsc::Sender<Vec<Article>>>>,
}

impl Progress {
    fn preview(&self, articles: Vec<Article>) {
        if articles.is_empty() {
            return;
        }
        if let Ok(previews) = self.previews.lock() {
            if let Some(sender) = previews.as_ref() {
                // A reader that quit has stopped listening: nothing to do.
                let _ = sender.send(articles);
            }
        }
    }

    fn wants_previews(&self) -> bool {
        self.previews.lock().is_ok_and(|p| p.is_some())
    }
}

/// Files read and analysed at a time when previews are wanted: the first articles are
/// listed within a fraction of a second.
const PREVIEW_FILES: usize = 1000;

/// Loads the corpus under `paths`, reusing the cache at `cache` for unchanged files and
/// updating it; `progress` follows the analysis.
pub fn load(
    paths: &[PathBuf],
    options: &LoadOptions,
    cache: &Path,
    progress: &Progress,
) -> CachedLoad {
    // The cache is read first, so that a reader lists its articles before the folder is
    // even walked; nothing read is kept for a file whose key turns out to differ.
    let mut stats = CacheStats::default();
    let payload = match read(cache, progress) {
        Ok(payload) => payload,
        Err(problem) => {
            stats.problem = problem;
            Payload::default()
        }
    };
    let (files, mut warnings) = list_files(paths, options);
    let keys: Vec<Option<FileKey>> = files.par_iter().map(|f| FileKey::of(f)).collect();
    let entities = payload.entities;
    let mut cached: HashMap<PathBuf, CachedFile> = payload
        .files
        .into_iter()
        .map(|f| (f.key.path.clone(), f))
        .collect();

    // Each listed file: its cached articles when its key matches, else it is read again.
    let mut slots: Vec<Option<CachedFile>> = Vec::with_capacity(files.len());
    let mut stale = Vec::new();
    for (file, key) in files.iter().zip(&keys) {
        match (cached.remove(file), key) {
            (Some(entry), Some(key)) if &entry.key == key => slots.push(Some(entry)),
            _ => {
                stale.push(slots.len());
                slots.push(None);
            }
        }
    }
    stats.dropped = cached.len();
    stats.reused = files.len() - stale.len();
    stats.analysed = stale.len();

    let mut corpus = Corpus {
        articles: Vec::new(),
        entities,
        problems: Vec::new(),
    };
    if !stale.is_empty() {
        progress.to_analyse.store(stale.len(), Ordering::Relaxed);
        let stale_files: Vec<PathBuf> = stale.iter().map(|&i| files[i].clone()).collect();
        let (fresh_corpus, fresh_files) =
            analyse_files(&stale_files, &keys, &stale, options, progress);
        // Articles analysed now join the cached entities.
        let remap = merge_entities(&mut corpus.entities, fresh_corpus.entities);
        let mut fresh_articles = fresh_corpus.articles.into_iter();
        let mut problems = fresh_corpus.problems;
        for (slot_index, (mut file, count)) in stale.iter().zip(fresh_files) {
            file.articles = fresh_articles.by_ref().take(count).collect();
            // An article whose analysis failed is reported at every open, with its file.
            let (here, elsewhere): (Vec<LoadWarning>, _) = problems
                .into_iter()
                .partition(|w| file.articles.iter().any(|a| a.path == w.path));
            problems = elsewhere;
            file.warnings
                .extend(here.into_iter().map(|w| (w.path, w.message)));
            for article in &mut file.articles {
                relink(article, &remap);
                // A speaker joined to a cached entity takes that entity's display name.
                for quote in &mut article.quotes {
                    if let Some(e) = quote.speaker_entity {
                        quote.speaker = Some(corpus.entities[e].name.clone());
                    }
                }
            }
            slots[*slot_index] = Some(file);
        }
    }
    let files: Vec<CachedFile> = slots.into_iter().flatten().collect();
    let changed = stats.analysed > 0 || stats.dropped > 0 || stats.problem.is_some();
    if !changed {
        mark_used(cache);
    }
    prune_unused(cache, SystemTime::now());
    if changed {
        // Mention counts, and entities nobody mentions any more, follow the articles.
        let all: Vec<&Article> = files.iter().flat_map(|f| &f.articles).collect();
        let remap = recount(&mut corpus.entities, &all);
        let mut files = files;
        for article in files.iter_mut().flat_map(|f| &mut f.articles) {
            relink(article, &remap);
        }
        let payload = Payload {
            files,
            entities: corpus.entities,
        };
        if let Err(err) = write(cache, &payload) {
            warnings.push(LoadWarning {
                path: cache.to_path_buf(),
                message: format!("cannot save the analysis cache: {err}"),
            });
        }
        corpus.entities = payload.entities;
        return finish(payload.files, corpus, warnings, stats);
    }
    finish(files, corpus, warnings, stats)
}

fn finish(
    files: Vec<CachedFile>,
    mut corpus: Corpus,
    mut warnings: Vec<LoadWarning>,
    stats: CacheStats,
) -> CachedLoad {
    for file in files {
        warnings.extend(
            file.warnings
                .into_iter()
                .map(|(path, message)| LoadWarning { path, message }),
        );
        corpus.articles.extend(file.articles);
    }
    CachedLoad {
        corpus,
        warnings,
        stats,
    }
}

/// Reads and analyses `files` together; returns the corpus and, per file, its entry (still
/// without articles) and how many of the corpus's articles, in order, are that file's.
fn analyse_files(
    files: &[PathBuf],
    keys: &[Option<FileKey>],
    slots: &[usize],
    options: &LoadOptions,
    progress: &Progress,
) -> (Corpus, Vec<(CachedFile, usize)>) {
    // Read and analysed a thousand files at a time when a reader lists them as they come.
    let batch = if progress.wants_previews() {
        PREVIEW_FILES
    } else {
        BATCH_FILES
    };
    let (partials, warnings) =
        analysis::analyse_files(files, options, batch, &progress.analysed, |analysed| {
            if progress.wants_previews() {
                progress.preview(analysed.iter().map(|p| p.preview()).collect());
            }
        });
    let index: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_path(), i))
        .collect();
    // A warning names its file, or (about one record) its file and line.
    let owner = |warning: &LoadWarning| {
        index.get(warning.path.as_path()).copied().or_else(|| {
            let (file, _) = warning.record()?;
            index.get(Path::new(file)).copied()
        })
    };
    let mut per_file: Vec<(usize, Vec<(PathBuf, String)>)> = vec![(0, Vec::new()); files.len()];
    for partial in &partials {
        if let Some(&i) = index.get(partial.path()) {
            per_file[i].0 += 1;
        }
    }
    for warning in &warnings {
        if let Some(i) = owner(warning) {
            per_file[i]
                .1
                .push((warning.path.clone(), warning.message.clone()));
        }
    }
    let entries = files
        .iter()
        .zip(slots)
        .zip(per_file)
        .map(|((file, &slot), (count, warnings))| {
            let entry = CachedFile {
                // A file that vanished since listing gets a key that never matches.
                key: keys[slot].clone().unwrap_or(FileKey {
                    path: file.clone(),
                    size: u64::MAX,
                    modified_ns: 0,
                }),
                articles: Vec::new(), // filled by the caller with `count` analysed articles
                warnings,
            };
            (entry, count)
        })
        .collect();
    (combine(partials), entries)
}

/// A cached article as a preview: listable, with no quotes or entities (whose numbering
/// belongs to the finished corpus).
fn listable(article: &Article) -> Article {
    Article {
        quotes: Vec::new(),
        entities: Vec::new(),
        raw: String::new(),
        ..article.clone()
    }
}

/// Adds `fresh` entities to `entities`, joining those with the same id; returns where each
/// fresh entity went.
fn merge_entities(entities: &mut Vec<Entity>, fresh: Vec<Entity>) -> Vec<usize> {
    let mut by_id: HashMap<String, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    fresh
        .into_iter()
        .map(|entity| match by_id.get(&entity.id) {
            Some(&at) => {
                let known = &mut entities[at];
                for alias in entity.aliases {
                    if !known.aliases.contains(&alias) {
                        known.aliases.push(alias);
                    }
                }
                at
            }
            None => {
                by_id.insert(entity.id.clone(), entities.len());
                entities.push(entity);
                entities.len() - 1
            }
        })
        .collect()
}

/// Points an article's mentions and quote speakers at entities renumbered by `remap`.
fn relink(article: &mut Article, remap: &[usize]) {
    for mention in &mut article.entities {
        *mention = mention.with_entity(remap[mention.entity()]);
    }
    for quote in &mut article.quotes {
        if let Some(e) = &mut quote.speaker_entity {
            *e = remap[*e];
        }
    }
}

/// Recounts mentions and articles per entity, drops entities no article mentions or quotes
/// any more, and returns the renumbering (old index -> new index).
fn recount(entities: &mut Vec<Entity>, articles: &[&Article]) -> Vec<usize> {
    let mut mentions = vec![0usize; entities.len()];
    let mut in_articles = vec![0usize; entities.len()];
    let mut speaks = vec![false; entities.len()];
    for article in articles {
        let mut seen: Vec<usize> = article.entities.iter().map(|m| m.entity()).collect();
        for &e in &seen {
            mentions[e] += 1;
        }
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            in_articles[e] += 1;
        }
        for e in article.quotes.iter().filter_map(|q| q.speaker_entity) {
            speaks[e] = true;
        }
    }
    let mut remap = vec![usize::MAX; entities.len()];
    let mut kept = Vec::with_capacity(entities.len());
    for (i, mut entity) in std::mem::take(entities).into_iter().enumerate() {
        if mentions[i] == 0 && !speaks[i] {
            continue;
        }
        entity.mentions = mentions[i];
        entity.articles = in_articles[i];
        remap[i] = kept.len();
        kept.push(entity);
    }
    *entities = kept;
    remap
}

/// Reads a cache file; `Err(None)` when there is none yet (or another build wrote it),
/// `Err(Some(why))` when it cannot be used.
///
/// Read part by part, each checked against its CRC-32 before it is decoded and dropped, so
/// the whole file is never in memory beside what it decodes to.
fn read(path: &Path, progress: &Progress) -> Result<Payload, Option<String>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(None),
        Err(err) => return Err(Some(format!("cannot read {}: {err}", path.display()))),
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = io::BufReader::with_capacity(1 << 20, file);
    match read_parts(&mut reader, size, progress) {
        Ok(Some(payload)) => Ok(payload),
        Ok(None) => Err(None),
        Err(why) => Err(Some(format!("{}: {why}; rebuilt", path.display()))),
    }
}

/// `Ok(None)`: a cache of another build or format, replaced without a word.
/// Cached articles are previewed part by part as they are decoded (a reader lists the first
/// thousands at once); if a file changed since, its analysed article replaces the preview
/// with the rest.
fn read_parts(
    reader: &mut impl Read,
    size: u64,
    progress: &Progress,
) -> Result<Option<Payload>, String> {
    let truncated = |_| "truncated".to_string();
    let mut magic = [0u8; MAGIC.len()];
    reader
        .read_exact(&mut magic)
        .map_err(|_| "not a quire cache or truncated".to_string())?;
    if &magic != MAGIC {
        return Err("not a quire cache".into());
    }
    let format = read_u32(reader).map_err(truncated)?;
    let stamp_len = read_u32(reader).map_err(truncated)? as usize;
    let stamp = build_stamp();
    if format != FORMAT || stamp_len != stamp.len() {
        return Ok(None);
    }
    let mut written_by = vec![0u8; stamp_len];
    reader.read_exact(&mut written_by).map_err(truncated)?;
    if written_by != stamp.as_bytes() {
        return Ok(None);
    }
    let parts = read_u32(reader).map_err(truncated)?;
    let config = bincode::config::standard();
    let mut entities = None;
    let mut files = Vec::new();
    for part in 0..parts {
        let length = read_u64(reader).map_err(truncated)?;
        let crc = read_u32(reader).map_err(truncated)?;
        if length > size {
            return Err("corrupt (a part longer than the file)".into());
        }
        let mut bytes = vec![0u8; length as usize];
        reader.read_exact(&mut bytes).map_err(truncated)?;
        if crc32fast::hash(&bytes) != crc {
            return Err("corrupt (checksum mismatch)".into());
        }
        let unreadable = |err: bincode::error::DecodeError| format!("unreadable ({err})");
        if part == 0 {
            let (decoded, _): (Vec<Entity>, _) =
                bincode::serde::decode_from_slice(&bytes, config).map_err(unreadable)?;
            entities = Some(decoded);
        } else {
            let (chunk, _): (Vec<CachedFile>, _) =
                bincode::serde::decode_from_slice(&bytes, config).map_err(unreadable)?;
            if progress.wants_previews() {
                progress.preview(
                    chunk
                        .iter()
                        .flat_map(|f| &f.articles)
                        .map(listable)
                        .collect(),
                );
            }
            files.extend(chunk);
        }
    }
    if reader.read(&mut [0u8; 1]).map_err(|e| e.to_string())? != 0 {
        return Err("corrupt (data after the last part)".into());
    }
    Ok(Some(Payload {
        files,
        entities: entities.ok_or("empty")?,
    }))
}

fn read_u32(reader: &mut impl Read) -> io::Result<u32> {
    let mut bytes = [0u8; 4];
    reader.read_exact(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}

fn read_u64(reader: &mut impl Read) -> io::Result<u64> {
    let mut bytes = [0u8; 8];
    reader.read_exact(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

/// Files per part: each part is encoded, checked and decoded on its own.
const FILES_PER_CHUNK: usize = 4096;

/// Writes the cache part by part as each is encoded (a large corpus's cache is hundreds of
/// megabytes; it is never in memory whole), to a temporary file renamed over the old one.
fn write(path: &Path, payload: &Payload) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let stamp = build_stamp();
    let chunks = payload.files.chunks(FILES_PER_CHUNK);
    let parts = 1 + chunks.len() as u32;
    crate::review::store::write_atomic_with(path, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&(stamp.len() as u32).to_le_bytes())?;
        out.write_all(stamp.as_bytes())?;
        out.write_all(&parts.to_le_bytes())?;
        let config = bincode::config::standard();
        let mut put = |bytes: Vec<u8>| -> io::Result<()> {
            out.write_all(&(bytes.len() as u64).to_le_bytes())?;
            out.write_all(&crc32fast::hash(&bytes).to_le_bytes())?;
            out.write_all(&bytes)
        };
        put(bincode::serde::encode_to_vec(&payload.entities, config).map_err(io::Error::other)?)?;
        for chunk in chunks {
            put(bincode::serde::encode_to_vec(chunk, config).map_err(io::Error::other)?)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::PANIC_ALONE;

    /// An article whose analysis failed is reported with its file on the first open and on
    /// every later one (its warning is cached with it), and the other articles are analysed.
    #[test]
    fn a_failed_article_is_reported_at_every_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).expect("mkdir");
        std::fs::write(articles.join("good.txt"), "Good\n\nJohn Smith said so.").expect("write");
        std::fs::write(
            articles.join("broken.txt"),
            format!("Broken\n\nText {PANIC_ALONE} here."),
        )
        .expect("write");
        let cache = dir.path().join("corpus.bin");
        for open in ["first", "later"] {
            let loaded = load(
                std::slice::from_ref(&articles),
                &LoadOptions::default(),
                &cache,
                &Progress::default(),
            );
            assert_eq!(loaded.corpus.articles.len(), 2, "{open}");
            let reported: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
            assert!(
                reported
                    .iter()
                    .any(|w| w.contains("broken.txt") && w.contains("internal error")),
                "{open}: {reported:?}"
            );
            let good = loaded.corpus.articles.iter().find(|a| a.id == "good");
            assert!(good.is_some_and(|a| !a.entities.is_empty()), "{open}");
        }
    }
}
