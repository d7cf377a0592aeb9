//! Builds a large test corpus from the real articles in ../shared/corpora (never committed):
//! `cargo run --release --example gen_corpus -- OUT_DIR [COUNT] [SOURCE_DIR]`
//! (defaults: 100,000 files from ../shared/corpora). Each file is a source article with a
//! varied id, a dateline of its own and a light edit, so every file is distinct; files go
//! 1,000 to a folder. The million-quote list for search is examples/quote_list.rs.

use std::fs;
use std::path::{Path, PathBuf};

fn articles_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            articles_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(
        args.first()
            .map(String::as_str)
            .unwrap_or("target/corpus-100k"),
    );
    let count: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(100_000);
    let source = PathBuf::from(
        args.get(2)
            .map(String::as_str)
            .unwrap_or("../shared/corpora"),
    );
    let mut sources = Vec::new();
    articles_under(&source, &mut sources);
    if sources.is_empty() {
        eprintln!("no .txt articles under {}", source.display());
        std::process::exit(1);
    }
    let texts: Vec<(String, String)> = sources
        .iter()
        .filter_map(|p| {
            Some((
                p.file_stem()?.to_string_lossy().into_owned(),
                fs::read_to_string(p).ok()?,
            ))
        })
        .collect();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut bytes = 0usize;
    for i in 0..count {
        let (stem, text) = &texts[i % texts.len()];
        let folder = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir_all(&folder)?;
        }
        let (title, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let date = format!(
            "{} {}, {}",
            months[i % 12],
            1 + i % 28,
            2000 + (i / 12) % 25
        );
        // A light edit: the round number changes a figure, so the file differs from its source.
        let edited =
            format!("{title}\n\n{date}\n{body}\n\nThis is report number {i} in the series.\n");
        bytes += edited.len();
        fs::write(folder.join(format!("{i:06}_{stem}.txt")), edited)?;
    }
    eprintln!(
        "{count} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );

    Ok(())
}
