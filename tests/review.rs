//! Review sessions: marks through the reader's keys, saving and reopening, anchoring that
//! survives edits, corrupt files kept, crashes mid-save, undo, and export.
#![allow(clippy::unwrap_used)]

mod support;

use std::fs;

use quire::analysis::analyse;
use quire::corpus::{load_paths, LoadOptions};
use quire::review::export::{self, Format, Only};
use quire::review::store::{SessionError, Store};
use quire::review::{ArticleState, Verdict};
use quire::tui::app::{App, Focus, Mode};
use support::tui::{press, seeds_app};

fn quote_reviews(app: &App) -> Vec<(String, Option<Verdict>, bool, String)> {
    app.session
        .quotes
        .iter()
        .map(|q| (q.text.clone(), q.verdict, q.flagged, q.note.clone()))
        .collect()
}

#[test]
fn space_marks_reviewed_and_again_back_to_read() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "<Enter>");
    assert_eq!(
        app.session.state_of("000_1d064251b0bc818d"),
        ArticleState::Read,
        "opening marks read"
    );
    press(&mut app, "<Space>");
    assert_eq!(
        app.session.state_of("000_1d064251b0bc818d"),
        ArticleState::Reviewed
    );
    press(&mut app, "<Space>");
    assert_eq!(
        app.session.state_of("000_1d064251b0bc818d"),
        ArticleState::Read
    );
}

#[test]
fn verdicts_flags_notes_and_tags_on_the_quote_under_the_cursor() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>n1");
    press(&mut app, "n2f");
    press(
        &mut app,
        "aneeds a second source<Enter>call the office<Enter><Enter>",
    );
    assert_eq!(app.mode, Mode::Browse, "Enter on an empty last line saves");
    press(&mut app, "tpolicy, iran<Enter>");
    let reviews = quote_reviews(&app);
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0].1, Some(Verdict::Verified));
    assert_eq!(reviews[1].1, Some(Verdict::Disputed));
    assert!(reviews[1].2, "flagged");
    assert_eq!(reviews[1].3, "needs a second source\ncall the office");
    assert_eq!(app.session.quotes[1].tags, ["policy", "iran"]);
    // Esc cancels an edit; Ctrl-s saves one.
    press(&mut app, "athrown away<Esc>");
    assert_eq!(
        app.session.quotes[1].note,
        "needs a second source\ncall the office"
    );
    press(&mut app, "<Backspace>");
    press(&mut app, "a<C-s>");
    assert_eq!(app.mode, Mode::Browse);
    // 0 clears a verdict (and a review that says nothing more is dropped).
    press(&mut app, "N0");
    assert!(quote_reviews(&app)
        .iter()
        .all(|r| r.1 != Some(Verdict::Verified)));
    assert_eq!(quote_reviews(&app).len(), 1);
}

#[test]
fn f_in_the_list_flags_the_article_and_tags_go_to_it() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jftbrief<Enter>");
    let review = app.session.article("001_e93d9d827fff696b").unwrap();
    assert!(review.flagged);
    assert_eq!(review.tags, ["brief"]);
}

#[test]
fn the_reviewer_corrects_a_speaker_and_the_correction_wins() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>nn");
    let (article, quote) = app.quote_under_cursor().unwrap();
    assert_ne!(
        app.corpus.articles[article].quotes[quote]
            .speaker
            .as_deref(),
        Some("Someone Else")
    );
    press(&mut app, "s");
    assert_eq!(app.mode, Mode::Speaker);
    for _ in 0..40 {
        press(&mut app, "<Backspace>");
    }
    press(&mut app, "Someone Else<Enter>");
    assert_eq!(
        app.session.quotes[0].speaker.as_deref(),
        Some("Someone Else")
    );
    let rows = export::rows(&app.session, &app.corpus, Only::All);
    assert_eq!(rows[0].speaker.as_deref(), Some("Someone Else"));
}

#[test]
fn undo_takes_back_several_changes() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "<Space>jjj<Enter>n1n2");
    press(&mut app, "u");
    assert_eq!(quote_reviews(&app).len(), 1);
    press(&mut app, "uu");
    assert!(app.session.quotes.is_empty());
    assert_eq!(
        app.session.state_of("000_1d064251b0bc818d"),
        ArticleState::Unread,
        "Space undone"
    );
    press(&mut app, "u");
    assert!(app.message.as_deref().unwrap().contains("nothing to undo") || app.undo.is_empty());
}

#[test]
fn a_review_run_steps_through_quotes_without_a_verdict_and_resumes() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "R");
    assert_eq!(app.mode, Mode::Run);
    let total = app.run.items.len();
    assert_eq!(
        total,
        app.corpus
            .articles
            .iter()
            .map(|a| a.quotes.len())
            .sum::<usize>()
    );
    press(&mut app, "12n3");
    assert_eq!(app.run.index, 4);
    let verdicts = app
        .session
        .quotes
        .iter()
        .filter(|q| q.verdict.is_some())
        .count();
    assert_eq!(verdicts, 3);
    let stopped_at = app.run.items[4];
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        app.focus,
        Focus::Article,
        "leaving shows where the run stopped"
    );
    assert_eq!(app.quote_under_cursor(), Some(stopped_at));
    press(&mut app, "R");
    assert_eq!(
        app.run.items.len(),
        total - 3,
        "quotes with a verdict are not asked again"
    );
    assert_eq!(
        app.run.items[app.run.index], stopped_at,
        "R resumes where the run stopped"
    );
}

#[test]
fn session_round_trip_reopens_where_the_user_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>n1<C-d>");
    let scroll = app.scroll;
    let (store, _, _) = Store::open(dir.path(), "t", "bundled seeds", false).unwrap();
    app.sync_position();
    store.save(&mut app.session).unwrap();
    drop(store);
    let (_store, session, _) = Store::open(dir.path(), "t", "bundled seeds", false).unwrap();
    let reopened = App::with_session(support::seeds_corpus(), session);
    assert_eq!(
        reopened.corpus.articles[reopened.selected_article().unwrap()].id,
        "003_1896167c399c0b60"
    );
    assert_eq!(reopened.scroll, scroll);
    assert_eq!(reopened.focus, Focus::Article);
    assert_eq!(quote_reviews(&reopened), quote_reviews(&app));
}

#[test]
fn annotations_survive_an_edit_above_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let original = "Minister speaks\n\nThe minister said: \"We will build the bridge next year.\"\n\nShe added: \"Costs are fine.\"\n";
    fs::write(&file, original).unwrap();
    let load =
        || analyse(load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).documents);
    let mut app = App::new(load());
    support::tui::act(
        &mut app,
        quire::tui::action::Action::Resize {
            width: 100,
            height: 30,
        },
    );
    press(&mut app, "<Enter>nn1aphone the ministry<C-s>");
    assert_eq!(app.session.quotes.len(), 1);
    // An editor inserts a paragraph above the reviewed quote.
    fs::write(
        &file,
        original.replace(
            "The minister said",
            "A new first sentence here.\n\nThe minister said",
        ),
    )
    .unwrap();
    let corpus = load();
    let rows = export::rows(&app.session, &corpus, Only::All);
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].orphaned, "the quote is found again after the edit");
    assert_eq!(rows[0].quote, "Costs are fine.");
    assert_eq!(rows[0].note, "phone the ministry");
    // A quote that disappears is kept and listed as orphaned, never dropped.
    fs::write(&file, "Minister speaks\n\nNothing quoted any more.\n").unwrap();
    let rows = export::rows(&app.session, &load(), Only::All);
    assert_eq!(rows.len(), 1);
    assert!(rows[0].orphaned);
}

#[test]
fn a_truncated_or_garbled_session_is_reported_and_preserved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    for garbage in [
        &b"{\"version\": 1, \"corpus\": \"x\", \"arti"[..],
        &b"\x00\xff not json"[..],
    ] {
        fs::write(&path, garbage).unwrap();
        let err = Store::open(dir.path(), "s", "x", false).unwrap_err();
        assert!(matches!(err, SessionError::Corrupt { .. }), "{err}");
        assert!(
            err.to_string().contains("s.json"),
            "the message names the file: {err}"
        );
        assert_eq!(fs::read(&path).unwrap(), garbage, "never overwritten");
    }
    // With consent, the file is kept aside and a fresh session starts.
    let (_store, session, aside) = Store::open(dir.path(), "s", "x", true).unwrap();
    assert!(session.quotes.is_empty());
    assert_eq!(fs::read(aside.unwrap()).unwrap(), b"\x00\xff not json");
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut session, _) = Store::open(dir.path(), "s", "x", false).unwrap();
    session.article_mut("a").note = "first".into();
    store.save(&mut session).unwrap();
    // Make the next write fail whoever we are (root ignores permissions): the temporary
    // file's name is taken by a folder, as a full disk or a read-only folder would fail it.
    let tmp = dir
        .path()
        .join(format!("s.json.tmp-{}", std::process::id()));
    fs::create_dir(&tmp).unwrap();
    session.article_mut("a").note = "second".into();
    assert!(store.save(&mut session).is_err());
    let saved = quire::review::store::parse(&fs::read(dir.path().join("s.json")).unwrap()).unwrap();
    assert_eq!(
        saved.article("a").unwrap().note,
        "first",
        "the previous session file is intact"
    );
    // Once the fault clears, saving works again.
    fs::remove_dir(&tmp).unwrap();
    store.save(&mut session).unwrap();
    let saved = quire::review::store::parse(&fs::read(dir.path().join("s.json")).unwrap()).unwrap();
    assert_eq!(saved.article("a").unwrap().note, "second");
}

/// Run by `killing_the_process_mid_save_never_breaks_the_file` in a child process.
#[test]
#[ignore = "a helper the crash test runs in a child process"]
fn save_loop_child() {
    let Some(dir) = std::env::var_os("QUIRE_SAVE_LOOP_DIR") else {
        return;
    };
    let (store, mut session, _) = Store::open(std::path::Path::new(&dir), "s", "x", true).unwrap();
    for i in 0.. {
        // Sessions of changing size, so a torn write would show.
        session.article_mut(&format!("a{}", i % 50)).note = "x".repeat(i % 5000);
        store.save(&mut session).unwrap();
    }
}

#[test]
fn killing_the_process_mid_save_never_breaks_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    for round in 0..200u64 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "save_loop_child",
                "--test-threads",
                "1",
            ])
            .env("QUIRE_SAVE_LOOP_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at varied moments: some before the first save, most in the middle of one.
        std::thread::sleep(std::time::Duration::from_millis(5 + (round * 7) % 40));
        child.kill().unwrap(); // SIGKILL: no destructor, no flush
        child.wait().unwrap();
        let _ = fs::remove_file(dir.path().join("s.lock"));
        if let Ok(bytes) = fs::read(dir.path().join("s.json")) {
            quire::review::store::parse(&bytes)
                .unwrap_or_else(|e| panic!("round {round}: the session file is broken: {e}"));
        }
    }
    assert!(
        dir.path().join("s.json").exists(),
        "the child saved at least once"
    );
}

#[test]
fn export_markdown_groups_by_article_with_verdicts_and_notes() {
    let mut app = seeds_app(100, 30);
    press(&mut app, "jjj<Enter>n1n2fasource?<C-s>");
    let mut out = Vec::new();
    export::write(
        &mut out,
        &app.session,
        &app.corpus,
        Format::Markdown,
        Only::All,
    )
    .unwrap();
    let md = String::from_utf8(out).unwrap();
    assert!(
        md.contains("## Vice president: Iran-Iraq relations"),
        "{md}"
    );
    assert!(md.contains("**VERIFIED**"), "{md}");
    assert!(md.contains("**DISPUTED** ⚑ flagged"), "{md}");
    assert!(md.contains("note: source?"), "{md}");
    let mut csv = Vec::new();
    export::write(
        &mut csv,
        &app.session,
        &app.corpus,
        Format::Csv,
        Only::Disputed,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(
        csv.lines().count(),
        2,
        "a header and the one disputed quote:\n{csv}"
    );
    assert!(csv.contains("disputed,true"), "{csv}");
}

#[test]
fn a_failed_save_in_the_reader_says_so_keeps_the_change_and_retries() {
    let dir = tempfile::tempdir().unwrap();
    let (store, session, _) = Store::open(dir.path(), "s", "seeds", false).unwrap();
    let persistence = quire::tui::Persistence { store: Some(store) };
    let mut app = App::with_session(support::seeds_corpus(), session);
    press(&mut app, "<Space>");
    persistence.save(&mut app);
    assert!(!app.unsaved);
    // The disk "fills up": the temporary file cannot be created.
    let tmp = dir
        .path()
        .join(format!("s.json.tmp-{}", std::process::id()));
    fs::create_dir(&tmp).unwrap();
    press(&mut app, "jf");
    persistence.save(&mut app);
    assert!(app.unsaved, "the change is kept in memory");
    assert!(
        app.message.as_deref().unwrap().contains("NOT SAVED"),
        "{:?}",
        app.message
    );
    let on_disk =
        quire::review::store::parse(&fs::read(dir.path().join("s.json")).unwrap()).unwrap();
    assert!(
        !on_disk
            .article("001_e93d9d827fff696b")
            .is_some_and(|a| a.flagged),
        "the old file is intact"
    );
    // The fault clears; the next save writes everything.
    fs::remove_dir(&tmp).unwrap();
    persistence.save(&mut app);
    assert!(!app.unsaved);
    let on_disk =
        quire::review::store::parse(&fs::read(dir.path().join("s.json")).unwrap()).unwrap();
    assert!(on_disk.article("001_e93d9d827fff696b").unwrap().flagged);
}
