//! `quire sessions` and `quire export`: the review sessions from the command line.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::{ExportArgs, ExportFormat, ExportOnly};
use crate::analysis::Corpus;
use crate::review::export::{self, Format, Only};
use crate::review::store;

/// `quire sessions`: name, corpus, last used, progress.
pub fn list(out: &mut impl Write) -> io::Result<()> {
    let dir = store::sessions_dir();
    let sessions = store::list(&dir);
    if sessions.is_empty() {
        writeln!(out, "no sessions yet in {}", dir.display())?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<28} {:<20} {:>9} {:>9}  CORPUS",
        "NAME", "LAST USED (UTC)", "REVIEWED", "VERDICTS"
    )?;
    for s in sessions {
        let when = if s.readable {
            utc(s.updated)
        } else {
            "unreadable".into()
        };
        writeln!(
            out,
            "{:<28} {:<20} {:>9} {:>9}  {}",
            s.name, when, s.reviewed, s.verdicts, s.corpus
        )?;
    }
    Ok(())
}

/// Seconds since the epoch as `YYYY-MM-DD HH:MM` (UTC), without a date library.
fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// `quire export`: reads the session (without locking it: exporting only reads) and writes the
/// report to stdout or to a file, refusing to overwrite one without `--force`.
pub fn export(
    out: &mut impl Write,
    corpus: &Corpus,
    name: &str,
    args: &ExportArgs,
) -> Result<ExitCode> {
    let path = store::sessions_dir().join(format!("{name}.json"));
    let bytes = std::fs::read(&path)
        .with_context(|| format!("no review session {name} ({})", path.display()))?;
    let session = store::parse(&bytes)
        .map_err(|reason| anyhow::anyhow!("session {} is unreadable: {reason}", path.display()))?;
    let format = match args.format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    let only = match args.only {
        ExportOnly::All => Only::All,
        ExportOnly::Flagged => Only::Flagged,
        ExportOnly::Verified => Only::Verified,
        ExportOnly::Disputed => Only::Disputed,
    };
    match &args.output {
        Some(file) => {
            if file.exists() && !args.force {
                eprintln!(
                    "quire: {} exists; use --force to overwrite it",
                    file.display()
                );
                return Ok(ExitCode::from(1));
            }
            let mut bytes = Vec::new();
            export::write(&mut bytes, &session, corpus, format, only)?;
            std::fs::write(file, bytes).with_context(|| format!("writing {}", file.display()))?;
        }
        None => {
            export::write(out, &session, corpus, format, only)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00");
        assert_eq!(super::utc(1_795_000_000), "2026-11-18 11:06");
    }
}
