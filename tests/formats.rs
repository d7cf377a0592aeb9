//! The structured formats quire reads besides plain text: titles, dates, outlets, body text
//! and quotes come out of each, and a bad record is a warning with file:line.
#![allow(clippy::unwrap_used)]

mod support;

fn analyze(file: &str) -> (Vec<serde_json::Value>, String) {
    let path = format!(
        "{}/tests/fixtures/formats/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = support::quire_command()
        .args(["analyze", "--json", &path])
        .output()
        .unwrap();
    let rows = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (rows, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn news_please_json_with_null_text_reads_maintext_and_its_metadata() {
    let (rows, _) = analyze("news-please.json");
    assert_eq!(rows.len(), 1);
    let a = &rows[0];
    assert_eq!(a["title"], "Northern port to reopen within a month");
    assert_eq!(a["date"], "2021-06-05");
    assert_eq!(a["source"], "harbour-news.example");
    assert!(a["text"]
        .as_str()
        .unwrap()
        .contains("harbour minister spoke"));
    let quote = &a["quotes"][0];
    assert_eq!(
        quote["text"],
        "We will reopen the northern port within a month,"
    );
}

#[test]
fn json_lines_load_every_good_record_and_name_the_broken_line() {
    let (rows, stderr) = analyze("scraped.jsonl");
    assert_eq!(rows.len(), 2);
    assert!(stderr.contains("scraped.jsonl:2"), "{stderr}");
    assert_eq!(rows[0]["title"], "Council approves new library");
    assert_eq!(rows[0]["date"], "2020-03-14");
    assert_eq!(rows[0]["source"], "The Daily Example");
    assert_eq!(rows[0]["quotes"][0]["speaker"], "Ana Lopez");
    assert_eq!(rows[1]["source"], "Weather Now");
}

#[test]
fn csv_with_a_header_row_and_a_ragged_row() {
    let (rows, stderr) = analyze("kaggle.csv");
    assert_eq!(rows.len(), 1, "{stderr}");
    assert!(
        stderr.contains("kaggle.csv:3"),
        "the ragged row is named: {stderr}"
    );
    assert_eq!(rows[0]["title"], "Trade talks resume, officials say");
    assert_eq!(rows[0]["source"], "Global Wire");
    assert_eq!(rows[0]["date"], "2019-10-07");
    assert_eq!(
        rows[0]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["kind"] == "direct")
            .count(),
        1
    );
}

#[test]
fn front_matter_gives_title_date_and_outlet() {
    let (rows, _) = analyze("clipped.md");
    assert_eq!(rows[0]["title"], "Bridge closes for repairs");
    assert_eq!(rows[0]["date"], "2022-01-09");
    assert_eq!(rows[0]["source"], "Town Crier");
    assert!(!rows[0]["text"].as_str().unwrap().contains("sitename"));
    assert_eq!(rows[0]["quotes"][0]["text"], "It is not safe for lorries,");
}

#[test]
fn gzipped_json_lines_are_read_transparently() {
    let (rows, stderr) = analyze("archive.jsonl.gz");
    assert_eq!(rows.len(), 2, "{stderr}");
    assert_eq!(rows[0]["title"], "Council approves new library");
    assert!(stderr.contains("archive.jsonl.gz:2"), "{stderr}");
}

#[test]
fn windows_1252_smart_quotes_come_out_right() {
    let (rows, stderr) = analyze("windows-1252.txt");
    assert!(stderr.contains("decoded as windows-1252"), "{stderr}");
    let text = rows[0]["text"].as_str().unwrap();
    assert!(
        text.contains("“We balanced the books without cuts.”") && text.contains("– loudly"),
        "{text}"
    );
    assert_eq!(
        rows[0]["quotes"][0]["text"],
        "We balanced the books without cuts."
    );
    assert_eq!(
        rows[0]["quotes"][0]["speaker"], "mayor",
        "a speaker the text only describes"
    );
}

#[test]
fn rss_items_take_the_full_content_over_the_teaser() {
    let (rows, stderr) = analyze("feed.rss");
    assert_eq!(rows.len(), 2, "{stderr}");
    let first = &rows[0];
    assert_eq!(first["title"], "Ferry strike ends after two weeks");
    assert_eq!(first["date"], "2021-05-04");
    assert_eq!(first["source"], "Harbour Gazette");
    let text = first["text"].as_str().unwrap();
    assert!(
        text.contains("The ferry strike ended on Monday.")
            && !text.contains("teaser")
            && !text.contains("track()"),
        "{text}"
    );
    assert_eq!(first["quotes"][0]["text"], "We have a fair deal,");
    assert_eq!(first["quotes"][0]["speaker"], "Mara Silva");
    assert!(rows[1]["text"]
        .as_str()
        .unwrap()
        .contains("the worst is yet to come"));
}

#[test]
fn atom_entries_read_html_content() {
    let (rows, stderr) = analyze("feed.atom");
    assert_eq!(rows.len(), 1, "{stderr}");
    assert_eq!(rows[0]["title"], "Dam inspection finds no cracks");
    assert_eq!(rows[0]["date"], "2022-08-01");
    assert_eq!(rows[0]["source"], "Valley Times");
    assert_eq!(rows[0]["quotes"][0]["speaker"], "Tom Reyes");
}

#[test]
fn a_feed_piped_on_standard_input_is_recognised_by_its_first_bytes() {
    use std::io::Write;
    let feed = std::fs::read(format!(
        "{}/tests/fixtures/formats/feed.rss",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut child = support::quire_command()
        .args(["list", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&feed).unwrap();
    let out = child.wait_with_output().unwrap();
    let titles: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Ferry strike ends after two weeks",
            "Storm warning for the coast"
        ]
    );
}

#[test]
fn an_html_page_gives_its_article_without_banner_navigation_or_footer() {
    let (rows, stderr) = analyze("page.html");
    assert_eq!(rows.len(), 1, "{stderr}");
    let a = &rows[0];
    assert_eq!(a["title"], "River levels fall as flood warnings lift");
    assert_eq!(a["date"], "2023-04-02");
    assert_eq!(a["source"], "River Post");
    let text = a["text"].as_str().unwrap();
    for debris in [
        "cookies",
        "Accept all",
        "Home",
        "Related",
        "rights reserved",
        "do not read",
    ] {
        assert!(!text.contains(debris), "{debris} left in: {text}");
    }
    assert!(
        text.contains("Water levels on the river fell overnight"),
        "{text}"
    );
    assert_eq!(a["quotes"][0]["text"], "The worst is behind us,");
    assert_eq!(a["quotes"][0]["speaker"], "Hana Kova");
}

#[test]
fn format_and_field_overrides_read_what_guessing_cannot() {
    let path = format!(
        "{}/tests/fixtures/formats/custom-fields.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = support::quire_command()
        .args([
            "analyze",
            "--json",
            "--format",
            "csv",
            "--field",
            "body=article_body",
            "--field",
            "source=paper",
            &path,
        ])
        .output()
        .unwrap();
    let row: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(row["title"], "Dam opens");
    assert_eq!(row["source"], "Hill News");
    assert_eq!(row["quotes"][0]["text"], "The dam is open today.");
    let bad = support::quire_command()
        .args(["list", "--format", "pdf", &path])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// The analysis does not keep the text as read (it would double a corpus's memory); the raw
/// view reads it again: from a record of a multi-record file, and from the bundled seeds.
#[test]
fn the_raw_text_is_read_again_on_demand() {
    use quire::corpus::{load_paths, seeds, LoadOptions};
    let path = std::path::PathBuf::from(format!(
        "{}/tests/fixtures/formats/scraped.jsonl",
        env!("CARGO_MANIFEST_DIR")
    ));
    let loaded = load_paths(std::slice::from_ref(&path), &LoadOptions::default());
    let as_read: Vec<String> = loaded.documents.iter().map(|d| d.raw.clone()).collect();
    let corpus = quire::analysis::analyse(loaded.documents);
    assert!(corpus.articles.len() >= 2);
    for (article, raw) in corpus.articles.iter().zip(&as_read) {
        assert!(article.raw.is_empty(), "not kept in memory");
        assert_eq!(article.raw_text(), raw.as_str(), "{}", article.id);
    }

    let as_read: Vec<String> = seeds().documents.into_iter().map(|d| d.raw).collect();
    let corpus = quire::analysis::analyse(seeds().documents);
    for (article, raw) in corpus.articles.iter().zip(&as_read) {
        assert!(article.raw.is_empty());
        assert_eq!(article.raw_text(), raw.as_str(), "{}", article.id);
        // Run from another folder, the seeds' files are not there: the bundled copy is used.
        assert_eq!(
            quire::corpus::load::bundled_seed(&article.path).as_deref(),
            Some(raw.as_str())
        );
    }
}

/// A file of many records with one problem (an index with no article text) is one warning,
/// not one per record: the other warnings stay readable.
#[test]
fn many_bad_records_of_one_file_are_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = String::from("id\ttitle\tdate\n");
    for i in 0..500 {
        index.push_str(&format!("{i}\tHeadline {i}\t2020-01-01\n"));
    }
    std::fs::write(dir.path().join("index.tsv"), index).unwrap();
    std::fs::write(
        dir.path().join("story.txt"),
        "A story.\n\nIt says \"hello\".",
    )
    .unwrap();
    let out = support::quire_command()
        .args(["analyze", "--json", "--no-cache"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let about_index: Vec<&str> = stderr.lines().filter(|l| l.contains("index.tsv")).collect();
    assert!(about_index.len() <= 2, "{stderr}");
    assert!(
        about_index[0].contains("500 records (lines 2–501): no article text"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

/// A folder's own documentation and hidden files are no articles: README.md, LICENSE.txt and
/// .notes/ are left out of a folder read recursively, but a README named on the command line
/// is read.
#[test]
fn a_folders_readme_licence_and_hidden_files_are_not_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("2020-01-01_story.txt"),
        "Mayor opens bridge\n\nThe mayor opened the bridge on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "# My corpus\n\nNotes on sources.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("LICENSE.txt"),
        "Permission is hereby granted.\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join(".notes")).unwrap();
    std::fs::write(
        dir.path().join(".notes/todo.txt"),
        "Check the bridge story.\n",
    )
    .unwrap();
    let list = |path: &std::path::Path| {
        let out = support::quire_command()
            .args(["list", "--json"])
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = list(dir.path());
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("Mayor opens bridge"), "{listed}");
    assert!(list(&dir.path().join("README.md")).contains("My corpus"));
}
