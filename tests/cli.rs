//! The command line as scripts and people use it: the real binary, real files.
#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::process::Stdio;

fn quire(args: &[&str]) -> std::process::Output {
    support::quire_command().args(args).output().unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn no_path_lists_the_bundled_seeds_when_not_a_terminal() {
    let out = quire(&[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("Vice president: Iran-Iraq relations play essential role"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        6,
        "a header and five articles:\n{text}"
    );
}

#[test]
fn analyze_json_has_the_stable_fields_and_character_offsets() {
    let out = quire(&["analyze", "--json"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for article in &lines {
        for field in [
            "id", "path", "title", "date", "source", "text", "quotes", "entities", "removed",
        ] {
            assert!(article.get(field).is_some(), "missing {field}");
        }
        let text: Vec<char> = article["text"].as_str().unwrap().chars().collect();
        for q in article["quotes"].as_array().unwrap() {
            let (start, end) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, q["text"].as_str().unwrap());
            assert!(matches!(q["kind"].as_str(), Some("direct" | "reported")));
        }
        for e in article["entities"].as_array().unwrap() {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, e["text"].as_str().unwrap());
        }
    }
    let pm = &lines[4];
    assert_eq!(pm["date"], "2020-07-22");
    assert_eq!(pm["source"], "Al-Zaman");
}

#[test]
fn quotes_query_ranks_a_speakers_words_first() {
    let out = quire(&["quotes", "--query", "visa waiver", "--json"]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert!(
        first["text"].as_str().unwrap().contains("visa waiver"),
        "{first}"
    );
    assert_eq!(first["article"], "000_1d064251b0bc818d");
}

#[test]
fn entities_merge_transliterations_across_articles() {
    let out = quire(&["entities", "--json"]);
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kadhimi = rows
        .iter()
        .find(|r| {
            r["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "Kazimi")
        })
        .unwrap();
    let aliases: Vec<&str> = kadhimi["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for form in ["Al-Kazemi", "Kadhimi", "Mustafa al-Kadhimi"] {
        assert!(aliases.contains(&form), "{aliases:?}");
    }
    assert_eq!(kadhimi["type"], "PERSON");
    assert!(kadhimi["articles"].as_u64().unwrap() >= 4);
}

#[test]
fn bad_files_are_warnings_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.txt"),
        "A headline here\n\nBody text, said Someone.\n",
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 headline\n\nIt said \x93hello there\x94 loudly.\n",
    )
    .unwrap();
    let out = quire(&["list", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("latin1.txt: not valid UTF-8"), "{err}");
    let list = stdout(&out);
    assert!(
        list.contains("A headline here") && list.contains("Caf"),
        "{list}"
    );
}

#[test]
fn nothing_loadable_exits_non_zero_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = quire(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no article files"),
        "{}",
        stderr(&out)
    );
    let out = quire(&["list", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/definitely/not/here: cannot open"));
}

#[test]
fn bad_arguments_exit_with_usage_status() {
    let out = quire(&["quotes", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("evil.txt"), "Evil \u{1b}]52;c;cHduZWQ=\u{7}headline\u{1b}[2J\n\nHe said \"clear \u{1b}[31mscreen\" now.\n").unwrap();
    for args in [vec!["list"], vec!["quotes"], vec!["analyze", "--json"]] {
        let mut args = args.clone();
        let path = dir.path().to_str().unwrap().to_string();
        args.push(&path);
        let out = quire(&args);
        let text = stdout(&out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = support::quire_command()
        .args(["quotes", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_dash_reads_the_article_from_standard_input() {
    use std::io::Write;
    let mut child = support::quire_command()
        .args(["quotes", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Piped headline\n\nThe minister said: \"We will open the border.\"\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let row: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(row["article"], "stdin");
    assert_eq!(row["text"], "We will open the border.");
}

#[test]
fn completions_man_page_and_version() {
    for shell in ["bash", "zsh", "fish"] {
        let out = quire(&["completions", shell]);
        assert!(out.status.success());
        assert!(stdout(&out).contains("quire"), "{shell}");
        assert!(
            stdout(&out).contains("analyze"),
            "{shell}: subcommands are completed"
        );
    }
    let man = stdout(&quire(&["man"]));
    assert!(
        man.contains(".TH quire 1") && man.contains("analyze"),
        "{man}"
    );
    let version = stdout(&quire(&["--version"]));
    assert!(version.starts_with("quire 0."), "{version}");
    let help = stdout(&quire(&["export", "--help"]));
    assert!(help.contains("Examples:"), "{help}");
}

#[test]
fn a_bad_config_names_its_line_and_quire_starts_with_the_defaults() {
    let config_home = tempfile::tempdir().unwrap();
    fs::create_dir_all(config_home.path().join("quire")).unwrap();
    fs::write(
        config_home.path().join("quire/config.toml"),
        "[colors]\nquote = \"no-such-colour\"\n",
    )
    .unwrap();
    let out = support::quire_command()
        .env("XDG_CONFIG_HOME", config_home.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("config.toml: line 2"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("Vice president"),
        "the seeds still open"
    );
}

#[test]
fn the_configured_corpus_opens_when_no_path_is_given() {
    let config_home = tempfile::tempdir().unwrap();
    let articles = tempfile::tempdir().unwrap();
    fs::write(
        articles.path().join("mine.txt"),
        "My own headline\n\nSome text.\n",
    )
    .unwrap();
    fs::create_dir_all(config_home.path().join("quire")).unwrap();
    let config = format!("corpus = \"{}\"\n", articles.path().display());
    fs::write(config_home.path().join("quire/config.toml"), config).unwrap();
    let out = support::quire_command()
        .env("XDG_CONFIG_HOME", config_home.path())
        .output()
        .unwrap();
    assert!(stdout(&out).contains("My own headline"), "{}", stdout(&out));
    let default = stdout(&quire(&["config", "--print-default"]));
    assert!(
        default.contains("[keys]") && default.contains("[colors]"),
        "{default}"
    );
}
