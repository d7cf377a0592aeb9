//! The real binary in a real terminal (tmux): a user's session on the seeds from start to quit,
//! and the shell is usable afterwards. Needs tmux (`.ci/run` installs it).
#![allow(clippy::unwrap_used)]

mod support;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux session running a plain shell; killed when dropped, whatever happened.
struct Tmux {
    name: String,
}

impl Tmux {
    fn start(width: u16, height: u16) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("quire-e2e-{}-{n}", std::process::id());
        // Tests start sessions at once; when several race to start the tmux server, one can
        // fail. Try again before calling it a failure.
        // The shell's quire keeps its cache in the tests' folder, not the user's.
        let shell = format!(
            "env PS1='$ ' XDG_CACHE_HOME='{}' bash --norc --noprofile",
            support::test_cache_home().display()
        );
        let mut started = false;
        for attempt in 0..5 {
            let status = Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    &name,
                    "-x",
                    &width.to_string(),
                    "-y",
                    &height.to_string(),
                    &shell,
                ])
                .env("PS1", "$ ")
                .status()
                .expect("tmux must be installed for the end-to-end test (.ci/run installs it)");
            if status.success() {
                started = true;
                break;
            }
            sleep(Duration::from_millis(100 * (attempt + 1)));
        }
        assert!(started, "tmux could not start a session");
        Tmux { name }
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    /// Types text literally (no key-name interpretation).
    fn type_text(&self, text: &str) {
        assert!(Command::new("tmux")
            .args(["send-keys", "-t", &self.name, "-l", text])
            .status()
            .unwrap()
            .success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Asserts that the shell's terminal is back in cooked mode with echo on (raw mode was
    /// turned off). The marker is computed, so the command line itself never matches it.
    fn assert_terminal_usable(&self, when: &str) {
        self.type_text("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo mode-$((40+2))");
        self.send(&["Enter"]);
        let screen = self.wait_for("mode-42");
        assert!(
            screen.contains("icanon echo mode-42"),
            "{when}: raw mode was not turned off:\n{screen}"
        );
    }

    /// Waits until the screen shows `needle`, failing with the screen after a deadline.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_all(&[needle])
    }

    /// Waits until the shell has printed the `exit=N` marker the tests' command lines end with
    /// (`echo "exit=$((0+$?))"`), returning the screen. The command line itself shows `exit=$(`,
    /// so "exit=" alone would match as soon as quire leaves the alternate screen, before it
    /// has printed anything or exited.
    fn wait_for_exit(&self) -> String {
        self.wait_until("quire to exit", |screen| {
            screen.match_indices("exit=").any(|(at, marker)| {
                screen[at + marker.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
        })
    }

    /// Waits until the screen satisfies `done` (`what` names it for the failure message).
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen is:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows every needle at once (a frame can be caught half drawn,
    /// so one needle alone does not mean the frame is complete).
    fn wait_for_all(&self, needles: &[&str]) -> String {
        self.wait_until(&format!("{needles:?}"), |screen| {
            needles.iter().all(|n| screen.contains(n))
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

#[test]
fn a_reading_session_in_a_real_terminal() {
    let tmux = Tmux::start(120, 35);
    tmux.wait_for("$");
    let bin = env!("CARGO_BIN_EXE_quire");
    // A session of its own, so that no earlier run's place or marks change what it sees.
    let state = tempfile::tempdir().unwrap();
    tmux.type_text(&format!(
        "cd /tmp && XDG_STATE_HOME={} {bin}; echo \"exit=$((0+$?))\"",
        state.path().display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for("Articles 5/5");

    // Filter by a speaker's name.
    tmux.type_text("/Mokhber");
    tmux.wait_for("Articles 1/5");
    tmux.send(&["Enter"]);
    tmux.wait_for(" LIST ");
    // Open the article and jump between quotes.
    tmux.send(&["Enter"]);
    tmux.wait_for(" ARTICLE ");
    tmux.type_text("n");
    tmux.wait_for("quote 1/");
    tmux.type_text("n");
    tmux.wait_for_all(&["quote 2/", "Mohammad Mokhber"]);

    // Quote search, then a jump to a hit in another article.
    tmux.type_text("\"");
    tmux.wait_for("Quote search");
    tmux.type_text("visa waiver");
    // The answer to the whole query, not to "visa" (the count is marked "…" until it is in).
    tmux.wait_until("the answer to \"visa waiver\"", |screen| {
        screen.contains("> visa waiver") && !screen.contains("…/")
    });
    tmux.send(&["Enter"]);
    // The hit is the article's second quote (after the reported "visas … would be abolished").
    let screen = tmux.wait_for_all(&["Islam Times", " ARTICLE ", "quote 2/"]);
    assert!(
        !screen.contains("Quote search"),
        "the overlay is gone:\n{screen}"
    );

    // Help, then quit.
    tmux.type_text("?");
    tmux.wait_for("Help: every key");
    tmux.send(&["Escape"]);
    tmux.wait_for(" ARTICLE ");
    tmux.type_text("q");
    let screen = tmux.wait_for("exit=0");
    assert!(
        !screen.contains("Articles"),
        "the alternate screen is left:\n{screen}"
    );

    // The terminal is usable: cooked mode, echo on.
    tmux.assert_terminal_usable("after quitting");
}

#[test]
fn a_review_survives_quitting_and_exports() {
    let state = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(120, 35);
    tmux.wait_for("$");
    let bin = env!("CARGO_BIN_EXE_quire");
    let launch = format!(
        "cd /tmp && XDG_STATE_HOME={} {bin} --session e2e; echo \"exit=$((0+$?))\"",
        state.path().display()
    );
    tmux.type_text(&launch);
    tmux.send(&["Enter"]);
    tmux.wait_for("Articles 5/5");

    // Review the Press TV article: mark it reviewed, verify one quote, flag another with a note.
    tmux.type_text("jjj");
    tmux.send(&["Enter"]);
    tmux.wait_for(" ARTICLE ");
    tmux.type_text("n1");
    tmux.wait_for("verdicts 1/");
    tmux.type_text("nf");
    tmux.type_text("a");
    tmux.wait_for("Note on quote");
    tmux.type_text("needs a second source");
    tmux.send(&["C-s"]);
    tmux.wait_for(" ARTICLE ");
    tmux.send(&["Space"]);
    tmux.wait_for("✓1/5");
    tmux.type_text("q");
    tmux.wait_for("exit=0");

    // Reopen: the same article is selected, with every mark.
    tmux.type_text(&launch);
    tmux.send(&["Enter"]);
    // The same article selected again, with its marks.
    tmux.wait_for_all(&["verdicts 1/", "✓1/5", "▶✓ 2021-09-12 Vice president"]);
    tmux.type_text("q");
    tmux.wait_for("exit=0");

    // Export prints both quotes with their verdict and note.
    let out = support::quire_command()
        .args(["export", "--session", "e2e"])
        .env("XDG_STATE_HOME", state.path())
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("**VERIFIED**"), "{report}");
    assert!(
        report.contains("⚑ flagged") && report.contains("note: needs a second source"),
        "{report}"
    );
    let sessions = support::quire_command()
        .arg("sessions")
        .env("XDG_STATE_HOME", state.path())
        .output()
        .unwrap();
    let listing = String::from_utf8(sessions.stdout).unwrap();
    assert!(
        listing.contains("e2e") && listing.contains("bundled seeds"),
        "{listing}"
    );
}

/// The pid of the running quire whose command line holds `marker`.
fn pid_of(marker: &str) -> Option<u32> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains("quire") && cmdline.contains(marker) && !cmdline.contains("bash") {
            return Some(pid);
        }
    }
    None
}

#[test]
fn sigterm_and_sighup_save_the_session_and_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let state = tempfile::tempdir().unwrap();
        let tmux = Tmux::start(100, 30);
        tmux.wait_for("$");
        let bin = env!("CARGO_BIN_EXE_quire");
        let marker = format!("sig-{signal}-{}", std::process::id());
        tmux.type_text(&format!(
            "XDG_STATE_HOME={} {bin} --session {marker}; echo \"exit=$((0+$?))\"",
            state.path().display()
        ));
        tmux.send(&["Enter"]);
        tmux.wait_for("Articles 5/5");
        tmux.type_text("jj");
        tmux.send(&["Space"]);
        tmux.wait_for("✓1/5");
        let pid = pid_of(&marker).expect("quire is running");
        assert!(Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap()
            .success());
        tmux.wait_for_exit();
        let session =
            std::fs::read_to_string(state.path().join(format!("quire/sessions/{marker}.json")))
                .unwrap();
        assert!(session.contains("\"reviewed\""), "{session}");
        assert!(
            session.contains("\"article\": \"002_cf2dca9934893808\""),
            "the position is saved too: {session}"
        );
        tmux.assert_terminal_usable(&format!("after SIG{signal}"));
    }
}

#[test]
fn stdout_not_a_terminal_prints_the_list_instead() {
    let out = support::quire_command().output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Vice president: Iran-Iraq relations") && !text.contains('\u{1b}'));
}

#[test]
fn a_jsonl_file_and_a_piped_feed_open_in_the_reader() {
    let fixtures = format!("{}/tests/fixtures/formats", env!("CARGO_MANIFEST_DIR"));
    let state = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_quire");
    let tmux = Tmux::start(110, 30);
    tmux.wait_for("$");
    tmux.type_text(&format!(
        "XDG_STATE_HOME={} {bin} {fixtures}/scraped.jsonl; echo \"exit=$((0+$?))\"",
        state.path().display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["Articles 2/2", "Council approves new library"]);
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    // A feed on standard input; the keys still come from the terminal.
    tmux.type_text(&format!(
        "cat {fixtures}/feed.rss | XDG_STATE_HOME={} {bin}; echo \"piped=$((0+$?))\"",
        state.path().display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["Articles 2/2", "Ferry strike ends"]);
    tmux.type_text("j");
    tmux.wait_for_all(&["Storm warning for the coast", "2/2"]);
    tmux.type_text("q");
    tmux.wait_for("piped=0");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_the_screen_redrawn() {
    let state = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_quire");
    let tmux = Tmux::start(100, 30);
    tmux.wait_for("$");
    // An interactive shell with job control, so that Ctrl-z stops the job.
    tmux.type_text("set -m");
    tmux.send(&["Enter"]);
    tmux.type_text(&format!("XDG_STATE_HOME={} {bin}", state.path().display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("Articles 5/5");
    tmux.send(&["C-z"]);
    let screen = tmux.wait_for("Stopped");
    assert!(
        !screen.contains("Articles 5/5"),
        "the shell has the screen back:\n{screen}"
    );
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["Articles 5/5", " LIST "]);
    tmux.type_text("j");
    tmux.wait_for(" 2/5 ");
    tmux.type_text("q");
}

#[test]
fn a_panic_restores_the_terminal_prints_the_message_and_keeps_the_session() {
    let state = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_quire");
    let tmux = Tmux::start(100, 30);
    tmux.wait_for("$");
    tmux.type_text(&format!(
        "QUIRE_TEST_PANIC_KEY=x XDG_STATE_HOME={} {bin} --session crash; echo \"exit=$((0+$?))\"",
        state.path().display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for("Articles 5/5");
    tmux.send(&["Space"]);
    tmux.wait_for("✓1/5");
    tmux.type_text("x");
    let screen = tmux.wait_for_exit();
    assert!(
        !screen.contains("exit=0"),
        "a panic exits with a failure code:\n{screen}"
    );
    assert!(
        screen.contains("injected panic"),
        "the panic message is printed:\n{screen}"
    );
    assert!(
        !screen.contains("Articles 5/5"),
        "the alternate screen is left:\n{screen}"
    );
    let session = std::fs::read_to_string(state.path().join("quire/sessions/crash.json")).unwrap();
    quire::review::store::parse(session.as_bytes()).expect("the session file is intact");
    assert!(session.contains("\"reviewed\""), "{session}");
    tmux.assert_terminal_usable("after the panic");
}
