//! The command-line definition (clap derive). Subcommands and flags here are the stable
//! interface scripts depend on.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// quire: a terminal reader for news articles, their quotes and who said them.
#[derive(Debug, Parser)]
#[command(
    name = "quire",
    version,
    about,
    after_help = "With no PATH, quire opens its bundled seed articles.\n\nExamples:\n  quire                      open the bundled seeds in the reader\n  quire ~/articles           open a folder of .txt articles\n  quire analyze --json dir/  one JSON line per article\n  quire quotes --query kadhimi"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article files or folders (folders are read recursively).
    #[arg(global = false)]
    pub paths: Vec<PathBuf>,
    /// The review session to open (default: one per corpus).
    #[arg(long, global = true, value_name = "NAME")]
    pub session: Option<String>,
    /// Start a fresh session when the saved one is unreadable (it is kept aside).
    #[arg(long, global = true)]
    pub new_session: bool,
    #[command(flatten)]
    pub input: InputArgs,
    /// Analyse every article afresh; neither read nor write the analysis cache
    /// ($XDG_CACHE_HOME/quire, else ~/.cache/quire).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Skip article files larger than this many megabytes.
    #[arg(long, global = true, value_name = "MB", default_value_t = 256)]
    pub max_file_mb: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles: cleaned text, metadata, quotes with speakers, entities.
    #[command(after_help = "Example:\n  quire analyze --json seeds/ > analysis.jsonl")]
    Analyze(CorpusArgs),
    /// List articles: date, source, counts, title.
    #[command(after_help = "Example:\n  quire list ~/articles")]
    List(CorpusArgs),
    /// List every quote with its speaker and article, ranked by a fuzzy query when given.
    #[command(after_help = "Example:\n  quire quotes --query \"iran border\"")]
    Quotes(QuotesArgs),
    /// List the corpus's entities: name, type, aliases, mentions, articles.
    #[command(after_help = "Example:\n  quire entities --json | jq .name")]
    Entities(CorpusArgs),
    /// List the review sessions: name, corpus, last used, progress.
    #[command(after_help = "Example:\n  XDG_STATE_HOME=~/work-state quire sessions")]
    Sessions,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  quire completions bash > ~/.local/share/bash-completion/completions/quire\n  quire completions zsh > ~/.zfunc/_quire\n  quire completions fish > ~/.config/fish/completions/quire.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Show or print the configuration file.
    #[command(
        after_help = "Examples:\n  quire config --print-default > ~/.config/quire/config.toml\n  quire config --path"
    )]
    Config {
        /// Print the commented default configuration.
        #[arg(long)]
        print_default: bool,
        /// Print where the configuration file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Print the manual page (roff), generated from this command line.
    #[command(after_help = "Example:\n  quire man > quire.1 && man ./quire.1")]
    Man,
    /// Export a review session: Markdown report, CSV or JSON rows.
    #[command(
        after_help = "Examples:\n  quire export                       the bundled seeds' session, as Markdown\n  quire export ~/articles --format csv -o review.csv\n  quire export --session brief --only flagged"
    )]
    Export(ExportArgs),
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportOnly {
    All,
    Flagged,
    Verified,
    Disputed,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The corpus whose session to export (the bundled seeds when none).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ExportFormat,
    #[arg(long, value_enum, default_value = "all")]
    pub only: ExportOnly,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// How to read the input files, when guessing is not wanted.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// Read every input as this format instead of guessing: text, json, jsonl, csv, tsv, html, feed.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Use this record field for a part of the article, before the usual names (title, body,
    /// date, source, url), e.g. `--field body=article`. Repeatable.
    #[arg(long = "field", value_name = "PART=NAME")]
    pub fields: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// Article files or folders; the bundled seeds when none.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// JSON Lines output for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Article files or folders; the bundled seeds when none.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Fuzzy query; every word must match.
    #[arg(long, short)]
    pub query: Option<String>,
    /// JSON Lines output for scripts.
    #[arg(long)]
    pub json: bool,
}
