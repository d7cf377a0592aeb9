//! Writes the quote-search workload (one quote string a line) for tools outside quire:
//! `cargo run --release --example quote_list -- OUT_FILE [COUNT]` (default one million), then
//! for instance `fzf --filter "prime minister" < OUT_FILE`. benches/search.rs builds the same
//! list in memory and times fzf on it in the same run.

#[path = "../benches/support/workload.rs"]
mod workload;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: quote_list OUT_FILE [COUNT]");
        std::process::exit(2);
    };
    let count = args
        .get(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(1_000_000);
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    for quote in workload::quote_strings(count) {
        writeln!(file, "{quote}")?;
    }
    file.flush()?;
    eprintln!("{count} quote strings in {out}");
    Ok(())
}
