//! The command line: `quire [PATH]...` opens the reader (or prints the list when stdout is not
//! a terminal), and `analyze`, `list`, `quotes`, `entities` answer scripts and people.

pub mod args;
pub mod output;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::analysis::{analyse, Corpus};
use crate::corpus::{load_paths, seeds, LoadOptions, Loaded};
use args::{Args, Command};

/// Parses the arguments and runs the command; the exit code follows the README's convention
/// (0 success, 1 nothing could be loaded or a runtime error, 2 usage).
pub fn run() -> Result<ExitCode> {
    let args = Args::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match &args.command {
        Some(Command::Analyze(a)) => {
            let Some(corpus) = load(&a.paths)? else {
                return Ok(ExitCode::from(1));
            };
            output::analyze(&mut out, &corpus, a.json)?;
            ExitCode::SUCCESS
        }
        Some(Command::List(a)) => {
            let Some(corpus) = load(&a.paths)? else {
                return Ok(ExitCode::from(1));
            };
            output::list(&mut out, &corpus, a.json)?;
            ExitCode::SUCCESS
        }
        Some(Command::Quotes(a)) => {
            let Some(corpus) = load(&a.paths)? else {
                return Ok(ExitCode::from(1));
            };
            output::quotes(&mut out, &corpus, a.query.as_deref(), a.json)?;
            ExitCode::SUCCESS
        }
        Some(Command::Entities(a)) => {
            let Some(corpus) = load(&a.paths)? else {
                return Ok(ExitCode::from(1));
            };
            output::entities(&mut out, &corpus, a.json)?;
            ExitCode::SUCCESS
        }
        None => {
            let Some(corpus) = load(&args.paths)? else {
                return Ok(ExitCode::from(1));
            };
            if io::stdout().is_terminal() {
                drop(out);
                return crate_reader(corpus);
            }
            output::list(&mut out, &corpus, false)?;
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

fn crate_reader(corpus: Corpus) -> Result<ExitCode> {
    crate::tui::run(crate::tui::app::App::new(corpus))?;
    Ok(ExitCode::SUCCESS)
}

/// Loads and analyses the corpus the user named (the bundled seeds when none), printing
/// warnings to stderr. `None` when nothing at all could be loaded.
pub fn load(paths: &[PathBuf]) -> Result<Option<Corpus>> {
    let loaded: Loaded = if paths.is_empty() {
        seeds()
    } else {
        load_paths(paths, &LoadOptions::default())
    };
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for warning in &loaded.warnings {
        writeln!(err, "quire: warning: {warning}")?;
    }
    if loaded.documents.is_empty() {
        writeln!(err, "quire: no articles could be loaded")?;
        return Ok(None);
    }
    Ok(Some(analyse(loaded.documents)))
}
