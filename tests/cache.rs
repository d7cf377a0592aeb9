//! The analysis cache (#5): reused for unchanged files, never trusted for a changed one, a
//! new file is analysed, a deleted one disappears, and a damaged cache file is rebuilt.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use quire::cache::{load, CachedLoad, Progress};
use quire::corpus::LoadOptions;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(SEEDS).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn open(dir: &Path, cache: &Path) -> CachedLoad {
    load(
        &[dir.to_path_buf()],
        &LoadOptions::default(),
        cache,
        &Progress::default(),
    )
}

fn ids(loaded: &CachedLoad) -> Vec<String> {
    loaded
        .corpus
        .articles
        .iter()
        .map(|a| a.id.clone())
        .collect()
}

/// The loaded article with id `id`.
fn article<'a>(loaded: &'a CachedLoad, id: &str) -> &'a quire::analysis::Article {
    loaded
        .corpus
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

fn cache_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpora").join("test.bin");
    (dir, path)
}

#[test]
fn a_second_open_reuses_everything_and_gives_the_same_analysis() {
    let corpus = corpus_dir();
    let (_keep, cache) = cache_path();
    let first = open(corpus.path(), &cache);
    assert_eq!(first.stats.analysed, 5);
    assert!(cache.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&cache).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the cache holds the user's articles");
    }
    let second = open(corpus.path(), &cache);
    assert_eq!((second.stats.reused, second.stats.analysed), (5, 0));
    assert_eq!(ids(&first), ids(&second));
    for (a, b) in first.corpus.articles.iter().zip(&second.corpus.articles) {
        // The raw text is not cached (only the raw view needs it); it is read again on demand.
        assert!(b.raw.is_empty());
        assert_eq!(a.raw_text(), b.raw_text());
        assert!(!b.raw_text().is_empty());
        assert_eq!(a.text, b.text);
        assert_eq!(a.title, b.title);
        assert_eq!(a.quotes, b.quotes);
        assert_eq!(a.entities, b.entities);
    }
    assert_eq!(first.corpus.entities, second.corpus.entities);
}

#[test]
fn an_edited_file_is_analysed_again() {
    let corpus = corpus_dir();
    let (_keep, cache) = cache_path();
    open(corpus.path(), &cache);
    let edited = corpus.path().join("001_e93d9d827fff696b.txt");
    let text = fs::read_to_string(&edited).unwrap();
    let body = text.split_once('\n').unwrap().1;
    fs::write(&edited, format!("Ports reopen after the storm\n{body}")).unwrap();
    let after = open(corpus.path(), &cache);
    assert_eq!((after.stats.reused, after.stats.analysed), (4, 1));
    let article = article(&after, "001_e93d9d827fff696b");
    assert_eq!(
        article.title.as_deref(),
        Some("Ports reopen after the storm")
    );
    // Its mentions point at entities of the corpus, with their display names.
    for quote in &article.quotes {
        if let Some(e) = quote.speaker_entity {
            assert_eq!(
                quote.speaker.as_deref(),
                Some(after.corpus.entities[e].name.as_str())
            );
        }
    }
    assert!(article
        .entities
        .iter()
        .all(|m| m.entity() < after.corpus.entities.len()));
}

#[test]
fn a_new_file_is_analysed_and_a_deleted_one_disappears() {
    let corpus = corpus_dir();
    let (_keep, cache) = cache_path();
    open(corpus.path(), &cache);
    fs::write(
        corpus.path().join("005_new.txt"),
        "Harbour reopens\n\n\"We are open again,\" said Maria Lopez, the harbour master.\n",
    )
    .unwrap();
    fs::remove_file(corpus.path().join("002_cf2dca9934893808.txt")).unwrap();
    let after = open(corpus.path(), &cache);
    assert_eq!(after.stats.analysed, 1);
    assert_eq!(after.stats.dropped, 1);
    let ids = ids(&after);
    assert!(ids.contains(&"005_new".to_string()));
    assert!(!ids.contains(&"002_cf2dca9934893808".to_string()));
    assert_eq!(ids.len(), 5);
    let new = article(&after, "005_new");
    assert_eq!(new.quotes[0].speaker.as_deref(), Some("Maria Lopez"));
    // Mention counts follow the articles: every entity is still mentioned somewhere.
    let again = open(corpus.path(), &cache);
    assert_eq!((again.stats.reused, again.stats.analysed), (5, 0));
    assert!(again
        .corpus
        .entities
        .iter()
        .all(|e| e.mentions > 0 || e.articles == 0));
}

#[test]
fn a_truncated_or_garbled_cache_is_rebuilt_not_fatal() {
    let corpus = corpus_dir();
    let (_keep, cache) = cache_path();
    let reference = open(corpus.path(), &cache);
    let bytes = fs::read(&cache).unwrap();
    let damaged: [(&str, Vec<u8>); 4] = [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("header only", bytes[..10].to_vec()),
        ("empty", Vec::new()),
        ("flipped", {
            let mut b = bytes.clone();
            let middle = b.len() / 2;
            b[middle] ^= 0xff;
            b
        }),
    ];
    for (what, content) in damaged {
        fs::write(&cache, content).unwrap();
        let loaded = open(corpus.path(), &cache);
        assert!(
            loaded.stats.problem.is_some(),
            "{what}: no problem reported"
        );
        assert_eq!(loaded.stats.analysed, 5, "{what}");
        assert_eq!(ids(&loaded), ids(&reference), "{what}");
        // And the rebuilt cache is whole again.
        let again = open(corpus.path(), &cache);
        assert_eq!(again.stats.reused, 5, "{what}");
        assert_eq!(again.stats.problem, None, "{what}");
    }
}

#[test]
fn counting_files_stops_once_there_are_enough() {
    let corpus = corpus_dir();
    let paths = [corpus.path().to_path_buf()];
    let options = LoadOptions::default();
    assert!(quire::corpus::has_files(&paths, &options, 5));
    assert!(!quire::corpus::has_files(&paths, &options, 6));
}

/// Ages `path` as if last used `days` days ago.
fn age(path: &Path, days: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 24 * 60 * 60);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

/// Caches of corpora nobody has opened for a month go (a folder analysed once would keep its
/// cache, hundreds of megabytes, for ever), and so do writes a killed process left unfinished;
/// a corpus opened often keeps its cache even when nothing in it changes, and files that are
/// not quire's are left alone.
#[test]
fn caches_unused_for_a_month_are_deleted() {
    let dir = corpus_dir();
    let caches = tempfile::tempdir().unwrap();
    let cache = caches.path().join("0123456789abcdef.bin");
    let planted = |name: &str, days: u64| {
        let path = caches.path().join(name);
        fs::write(&path, b"old").unwrap();
        age(&path, days);
        path
    };
    let forgotten = planted("aaaaaaaaaaaaaaaa.bin", 40);
    let recent = planted("bbbbbbbbbbbbbbbb.bin", 3);
    let unfinished = planted("cccccccccccccccc.json.tmp-4242", 2);
    let in_progress = planted("dddddddddddddddd.json.tmp-4243", 0);
    let not_ours = planted("notes.bin", 40);

    assert_eq!(open(dir.path(), &cache).stats.analysed, 5);
    assert!(!forgotten.exists() && !unfinished.exists());
    assert!(recent.exists() && in_progress.exists() && not_ours.exists());

    // Opened again after a long while, unchanged: reused, and marked as used.
    age(&cache, 40);
    assert_eq!(open(dir.path(), &cache).stats.reused, 5);
    let used = fs::metadata(&cache).unwrap().modified().unwrap();
    assert!(used.elapsed().unwrap() < std::time::Duration::from_secs(24 * 60 * 60));
    assert_eq!(open(dir.path(), &cache).stats.reused, 5);
}
