//! The command line: `quire [PATH]...` opens the reader (or prints the list when stdout is not
//! a terminal), and `analyze`, `list`, `quotes`, `entities` answer scripts and people.

pub mod args;
pub mod output;
pub mod sessions;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::analysis::{analyse, analyse_files, combine, Corpus, BATCH_FILES};
use crate::corpus::{list_files, load_paths, seeds, LoadOptions, Loaded};
use crate::review::store::{self, SessionError, Store};
use args::{Args, Command};

/// Parses the arguments and runs the command; the exit code follows the README's convention
/// (0 success, 1 nothing could be loaded or a runtime error, 2 usage).
/// Leaves the corpus unfreed at the end of a command: the process is about to exit and the
/// system takes its memory back at once, where freeing the millions of strings of a large
/// corpus one by one took a quarter of a second on one core.
fn exit_keeping(corpus: Corpus) {
    std::mem::forget(corpus);
}

pub fn run() -> Result<ExitCode> {
    let args = Args::parse();
    let input = match &args.command {
        Some(Command::Analyze(a) | Command::List(a) | Command::Entities(a)) => &a.input,
        Some(Command::Quotes(a)) => &a.input,
        _ => &args.input,
    };
    let format = match input.format.as_deref() {
        None | Some("auto") => None,
        Some(name) => {
            match crate::corpus::formats::named(name) {
                Some(format) => Some(format),
                None => {
                    eprintln!("quire: unknown --format {name:?} (text, json, jsonl, csv, tsv, html, feed)");
                    return Ok(ExitCode::from(2));
                }
            }
        }
    };
    let mut fields = Vec::new();
    for field in &input.fields {
        match field.split_once('=') {
            Some((part, name)) if ["title", "body", "date", "source", "url"].contains(&part) => {
                fields.push((part.to_string(), name.to_string()))
            }
            _ => {
                eprintln!("quire: --field wants PART=NAME with PART one of title, body, date, source, url; got {field:?}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let options = LoadOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1_000_000),
        format,
        fields,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match &args.command {
        Some(Command::Analyze(a)) => {
            let Some(corpus) = load(&a.paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            output::analyze(&mut out, &corpus, a.json)?;
            exit_keeping(corpus);
            ExitCode::SUCCESS
        }
        Some(Command::List(a)) => {
            let Some(corpus) = load(&a.paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            output::list(&mut out, &corpus, a.json)?;
            exit_keeping(corpus);
            ExitCode::SUCCESS
        }
        Some(Command::Quotes(a)) => {
            let Some(corpus) = load(&a.paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            output::quotes(&mut out, &corpus, a.query.as_deref(), a.json)?;
            exit_keeping(corpus);
            ExitCode::SUCCESS
        }
        Some(Command::Entities(a)) => {
            let Some(corpus) = load(&a.paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            output::entities(&mut out, &corpus, a.json)?;
            exit_keeping(corpus);
            ExitCode::SUCCESS
        }
        Some(Command::Completions { shell }) => {
            let mut command = <Args as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "quire", &mut out);
            ExitCode::SUCCESS
        }
        Some(Command::Config {
            print_default,
            path,
        }) => {
            if *path || !*print_default {
                writeln!(out, "{}", crate::config::path().display())?;
            }
            if *print_default {
                write!(out, "{}", crate::config::DEFAULT)?;
            }
            if !*print_default && !*path {
                let (_, problem) = crate::config::load();
                match problem {
                    Some(problem) => writeln!(out, "{problem}")?,
                    None => writeln!(out, "ok")?,
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::Man) => {
            let command = <Args as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut out)?;
            ExitCode::SUCCESS
        }
        Some(Command::Sessions) => {
            sessions::list(&mut out)?;
            ExitCode::SUCCESS
        }
        Some(Command::Export(a)) => {
            let Some(corpus) = load(&a.paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            let name = session_name(args.session.as_deref(), &a.paths)?;
            return sessions::export(&mut out, &corpus, &name, a);
        }
        None => {
            let (config, problem) = crate::config::load();
            if let Some(problem) = &problem {
                eprintln!("quire: {problem}");
            }
            // The configured corpus stands in for the bundled seeds.
            let configured: Vec<PathBuf> = config.corpus.iter().cloned().collect();
            let paths = if args.paths.is_empty() && !stdin_is_piped() {
                &configured
            } else {
                &args.paths
            };
            // A large corpus opens at once: the reader lists articles as they are analysed.
            if io::stdout().is_terminal()
                && !args.no_cache
                && !paths.is_empty()
                && !paths.iter().any(|p| p.as_os_str() == "-")
                && crate::corpus::has_files(paths, &options, PROGRESSIVE_FILES)
            {
                drop(out);
                let name = session_name(args.session.as_deref(), paths)?;
                let opening = Opening::Loading {
                    paths: paths.clone(),
                    options,
                };
                return open_reader(opening, &name, paths, args.new_session, &config, problem);
            }
            let Some(corpus) = load(paths, &options, !args.no_cache)? else {
                return Ok(ExitCode::from(1));
            };
            if io::stdout().is_terminal() {
                drop(out);
                let name = session_name(args.session.as_deref(), paths)?;
                let opening = Opening::Ready(corpus);
                return open_reader(opening, &name, paths, args.new_session, &config, problem);
            }
            output::list(&mut out, &corpus, false)?;
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

/// Standard input is a pipe or a file with something in it (not a terminal, not /dev/null).
fn stdin_is_piped() -> bool {
    use std::os::unix::fs::FileTypeExt;
    if io::stdin().is_terminal() {
        return false;
    }
    std::fs::metadata("/dev/stdin")
        .is_ok_and(|m| m.file_type().is_fifo() || m.is_file() && m.len() > 0)
}

/// The session to use: the one named, else the corpus's own.
fn session_name(named: Option<&str>, paths: &[PathBuf]) -> Result<String> {
    match named {
        Some(name) if store::is_valid_name(name) => Ok(name.to_string()),
        Some(name) => {
            anyhow::bail!("invalid session name {name:?}: use letters, digits, '-', '_' and '.'")
        }
        None => Ok(store::default_name(paths)),
    }
}

/// From this many article files, the reader opens before the corpus is analysed.
const PROGRESSIVE_FILES: usize = 2000;

/// What the reader opens: an analysed corpus, or one analysed while the reader shows it.
enum Opening {
    Ready(Corpus),
    Loading {
        paths: Vec<PathBuf>,
        options: LoadOptions,
    },
}

/// Analyses the corpus on its own thread, through the cache: previews as files are
/// analysed, then the corpus, to the reader's loop.
fn start_loading(
    paths: Vec<PathBuf>,
    options: LoadOptions,
) -> (
    std::sync::Arc<crate::cache::Progress>,
    std::sync::mpsc::Receiver<crate::tui::action::Action>,
) {
    use crate::tui::action::Action;
    let progress = std::sync::Arc::new(crate::cache::Progress::default());
    let (tx, rx) = std::sync::mpsc::channel::<Action>();
    let (preview_tx, preview_rx) = std::sync::mpsc::channel();
    if let Ok(mut previews) = progress.previews.lock() {
        *previews = Some(preview_tx);
    }
    let forward = tx.clone();
    std::thread::spawn(move || {
        while let Ok(articles) = preview_rx.recv() {
            if forward.send(Action::Preview(articles)).is_err() {
                return;
            }
        }
    });
    let shared = progress.clone();
    std::thread::spawn(move || {
        let cache = crate::cache::cache_file(&paths, &options);
        // A failure here must not leave the reader waiting: it gets what was loaded (nothing)
        // and the reason, which the panic hook has kept for the status line.
        let loaded = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::cache::load(&paths, &options, &cache, &shared)
        })) {
            Ok(loaded) => loaded,
            Err(_) => {
                let _ = tx.send(Action::Loaded(Box::default(), None));
                return;
            }
        };
        if let Ok(mut previews) = shared.previews.lock() {
            *previews = None; // every preview is sent before the corpus
        }
        let mut problems = crate::corpus::load::summarise(&loaded.warnings);
        problems.extend(loaded.stats.problem.map(|p| format!("analysis cache {p}")));
        let message = match problems.len() {
            _ if loaded.corpus.articles.is_empty() => {
                Some("no articles could be loaded (`quire list PATH` says why)".to_string())
            }
            0 => None,
            1 => Some(problems.remove(0)),
            n => Some(format!(
                "{n} loading problems; `quire list PATH` shows them (first: {})",
                problems[0]
            )),
        };
        let _ = tx.send(Action::Loaded(Box::new(loaded.corpus), message));
    });
    (progress, rx)
}

/// Opens the session (asking before replacing an unreadable one) and runs the reader.
fn open_reader(
    opening: Opening,
    name: &str,
    paths: &[PathBuf],
    new_session: bool,
    config: &crate::config::Config,
    config_problem: Option<String>,
) -> Result<ExitCode> {
    let description = if paths.is_empty() {
        "bundled seeds".to_string()
    } else {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let dir = store::sessions_dir();
    let opened = match Store::open(&dir, name, &description, new_session) {
        Err(SessionError::Corrupt { path, reason })
            if io::stdin().is_terminal() && !new_session =>
        {
            eprintln!(
                "quire: session {} is unreadable ({reason}).",
                path.display()
            );
            eprint!("Keep it aside and start a fresh session? [y/N] ");
            let mut answer = String::new();
            io::stdin().read_line(&mut answer)?;
            if !answer.trim().eq_ignore_ascii_case("y") {
                eprintln!("quire: nothing changed; the session file is untouched");
                return Ok(ExitCode::from(1));
            }
            Store::open(&dir, name, &description, true)
        }
        other => other,
    };
    let (store, session, kept_aside) = opened?;
    let (mut app, loader) = match opening {
        Opening::Ready(corpus) => (crate::tui::app::App::with_session(corpus, session), None),
        Opening::Loading { paths, options } => {
            let (progress, loader) = start_loading(paths, options);
            (
                crate::tui::app::App::loading(session, progress),
                Some(loader),
            )
        }
    };
    if let Some(aside) = kept_aside {
        app.message = Some(format!(
            "the unreadable session was kept as {}",
            aside.display()
        ));
    }
    config.apply_keys(&mut app.keymap);
    if let Some(problem) = config_problem {
        app.message = Some(problem);
    }
    let theme = config.apply_theme(crate::tui::theme::Theme::from_env());
    crate::tui::run(
        app,
        crate::tui::Persistence { store: Some(store) },
        theme,
        loader,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Loads and analyses the corpus the user named (the bundled seeds when none), printing
/// warnings to stderr. Files are analysed through the cache unless `use_cache` is false
/// (standard input and the seeds never are). `None` when nothing at all could be loaded.
pub fn load(paths: &[PathBuf], options: &LoadOptions, use_cache: bool) -> Result<Option<Corpus>> {
    // Articles piped in (`curl … | quire`) when no path is named; the reader then reads keys
    // from the terminal itself.
    let piped = [PathBuf::from("-")];
    let paths = if paths.is_empty() && stdin_is_piped() {
        &piped[..]
    } else {
        paths
    };
    let stderr = io::stderr();
    let (mut corpus, mut warnings) = if paths.is_empty() {
        let loaded: Loaded = seeds();
        (analyse(loaded.documents), loaded.warnings)
    } else if use_cache && !paths.iter().any(|p| p.as_os_str() == "-") {
        let cache = crate::cache::cache_file(paths, options);
        let progress = crate::cache::Progress::default();
        let finished = std::sync::atomic::AtomicBool::new(false);
        let loaded = std::thread::scope(|scope| {
            if stderr.is_terminal() {
                scope.spawn(|| show_progress(&progress, &finished));
            }
            let loaded = crate::cache::load(paths, options, &cache, &progress);
            finished.store(true, std::sync::atomic::Ordering::Relaxed);
            loaded
        });
        if let Some(problem) = &loaded.stats.problem {
            eprintln!("quire: analysis cache {problem}");
        }
        (loaded.corpus, loaded.warnings)
    } else if paths.iter().any(|p| p.as_os_str() == "-") {
        let loaded = load_paths(paths, options);
        (analyse(loaded.documents), loaded.warnings)
    } else {
        let (files, mut warnings) = list_files(paths, options);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let (partials, mut more) = analyse_files(&files, options, BATCH_FILES, &done, |_| {});
        warnings.append(&mut more);
        (combine(partials), warnings)
    };
    warnings.append(&mut corpus.problems);
    let mut err = stderr.lock();
    for warning in crate::corpus::load::summarise(&warnings) {
        writeln!(err, "quire: warning: {warning}")?;
    }
    if corpus.articles.is_empty() {
        writeln!(err, "quire: no articles could be loaded")?;
        return Ok(None);
    }
    Ok(Some(corpus))
}

/// Shows how far the analysis is on stderr (a person is watching), every quarter second
/// once it has run for a second; the line is cleared when done.
fn show_progress(progress: &crate::cache::Progress, finished: &std::sync::atomic::AtomicBool) {
    use std::sync::atomic::Ordering::Relaxed;
    let start = std::time::Instant::now();
    let mut shown = false;
    while !finished.load(Relaxed) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let total = progress.to_analyse.load(Relaxed);
        if total == 0 || start.elapsed() < std::time::Duration::from_secs(1) {
            continue;
        }
        let done = progress.analysed.load(Relaxed).min(total);
        let stage = match done {
            0 => "reading",
            d if d < total => "analysing",
            _ => "linking entities across",
        };
        eprint!(
            "\rquire: {stage} {total} files: {}% (later opens reuse the analysis)  ",
            done * 100 / total
        );
        shown = true;
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    if shown {
        eprint!("\r\x1b[2K");
    }
}
