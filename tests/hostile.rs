//! A corpus folder holding everything a folder of downloaded files can: special files,
//! symlinks to devices, loops, dangling links, deep nesting, a huge file, binary data, escape
//! sequences. It loads within seconds, with a warning naming each bad file, and the good
//! articles still load.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Instant;

use quire::analysis::analyse;
use quire::corpus::{load_paths, LoadOptions};

fn warning_for<'a>(warnings: &'a [quire::corpus::LoadWarning], name: &str) -> Option<&'a str> {
    warnings
        .iter()
        .find(|w| w.path.to_string_lossy().contains(name))
        .map(|w| w.message.as_str())
}

#[test]
fn a_hostile_folder_loads_quickly_with_a_warning_per_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("good.txt"),
        "A good headline\n\nThe minister said: \"All is well.\"\n",
    )
    .unwrap();
    // Special files: a FIFO (reading it would block forever) and a socket.
    assert!(std::process::Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()
        .unwrap()
        .success());
    let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.txt")).unwrap();
    // Links to endless devices, a loop, a dangling link, and a folder that links to itself.
    symlink("/dev/zero", root.join("zero.txt")).unwrap();
    symlink("/dev/urandom", root.join("random.txt")).unwrap();
    symlink(root.join("loop-b.txt"), root.join("loop-a.txt")).unwrap();
    symlink(root.join("loop-a.txt"), root.join("loop-b.txt")).unwrap();
    symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    symlink(root, root.join("self")).unwrap();
    // Deep nesting, with an article at the bottom.
    let mut deep = root.to_path_buf();
    for i in 0..80 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(
        deep.join("deep.txt"),
        "Deep headline\n\nFound at the bottom.\n",
    )
    .unwrap();
    // A file over the size limit, with no newline at all.
    let big = vec![b'a'; 3_000_000];
    fs::write(root.join("huge.txt"), &big).unwrap();
    // Binary, NULs, escape sequences, only quote marks, only parentheses.
    fs::write(
        root.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2],
    )
    .unwrap();
    fs::write(
        root.join("escapes.txt"),
        "Title \u{1b}]0;pwned\u{7}here\n\nHe said \"\u{1b}[2Jclear\" \u{202e}now.\n",
    )
    .unwrap();
    fs::write(root.join("quotes.txt"), "\"".repeat(50_000)).unwrap();
    fs::write(
        root.join("parens.txt"),
        "(".repeat(25_000) + &")".repeat(25_000),
    )
    .unwrap();
    fs::write(
        root.join("nested.txt"),
        "He said “a ‘b “c ‘d “e".repeat(2_000),
    )
    .unwrap();

    // A 200 MB file, sparse so the test writes nothing; over the configured limit.
    fs::File::create(root.join("twohundred.txt"))
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let started = Instant::now();
    let options = LoadOptions {
        max_file_bytes: 2_000_000,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&[root.to_path_buf()], &options);
    let corpus = analyse(loaded.documents);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );

    let w = &loaded.warnings;
    assert!(
        warning_for(w, "pipe.txt")
            .unwrap()
            .contains("not a regular file"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "socket.txt")
            .unwrap()
            .contains("not a regular file"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "zero.txt")
            .unwrap()
            .contains("not a regular file"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "random.txt")
            .unwrap()
            .contains("not a regular file"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "loop-a.txt")
            .unwrap()
            .contains("cannot open"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "dangling.txt")
            .unwrap()
            .contains("cannot open"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "huge.txt").unwrap().contains("limit"),
        "{w:?}"
    );
    assert!(
        warning_for(w, "binary.txt").unwrap().contains("binary"),
        "{w:?}"
    );
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    for id in ["good", "escapes", "quotes", "parens", "nested"] {
        assert!(ids.contains(&id), "{id} should load: {ids:?}");
    }
    assert!(
        ids.contains(&"deep") || warning_for(w, "d63").is_some(),
        "deep nesting is followed or named"
    );
    // The self-link is not followed forever: each article loads once.
    assert_eq!(ids.iter().filter(|id| **id == "good").count(), 1, "{ids:?}");
    let escapes = corpus.articles.iter().find(|a| a.id == "escapes").unwrap();
    assert!(
        !escapes.text.contains('\u{1b}')
            && !escapes.text.contains('\u{202e}')
            && !escapes.raw_text().contains('\u{7}')
    );
}

#[test]
fn a_file_that_vanishes_between_listing_and_reading_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.txt");
    fs::write(&path, "x").unwrap();
    fs::remove_file(&path).unwrap();
    let err = quire::corpus::load::read_document(&path, &LoadOptions::default()).unwrap_err();
    assert!(err.message.contains("cannot read"), "{err}");
    assert!(!Path::new(&path).exists());
}
