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
}

#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// Article files or folders; the bundled seeds when none.
    pub paths: Vec<PathBuf>,
    /// JSON Lines output for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Article files or folders; the bundled seeds when none.
    pub paths: Vec<PathBuf>,
    /// Fuzzy query; every word must match.
    #[arg(long, short)]
    pub query: Option<String>,
    /// JSON Lines output for scripts.
    #[arg(long)]
    pub json: bool,
}
