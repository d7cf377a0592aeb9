//! Where sessions live and how they are written: one human-readable JSON file per session in
//! the user's state directory, replaced atomically (temporary file, fsync, rename), created
//! readable by the user only, guarded by a lock file so two quires never race. A file that
//! cannot be read is never overwritten. This is the only module that touches session files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::model::{Session, SESSION_VERSION};

/// The ways opening a session fails that the caller treats differently.
#[derive(Debug)]
pub enum SessionError {
    /// Another quire holds the session.
    Locked {
        path: PathBuf,
        pid: u32,
    },
    /// The file cannot be read as a session; it was left as it is.
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Locked { path, pid } => write!(f, "session {} is open in another quire (process {pid})", path.display()),
            SessionError::Corrupt { path, reason } => write!(
                f,
                "session {} is unreadable ({reason}); it was left untouched. Run with --new-session to keep it aside and start afresh",
                path.display()
            ),
            SessionError::Io { path, source } => write!(f, "session {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for SessionError {}

/// The folder that holds the sessions: `$XDG_STATE_HOME/quire/sessions`, else
/// `~/.local/state/quire/sessions`.
pub fn sessions_dir() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("quire").join("sessions")
}

/// FNV-1a: a stable, dependency-free hash for naming a corpus's default session (and its
/// analysis cache).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf29ce484222325u64;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

/// The paths as canonical strings (as given when they cannot be resolved): what identifies a
/// corpus, wherever it is opened from.
pub fn canonical_paths(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// The default session name for a corpus: `seeds` for the bundled one, else the last path
/// component and a hash of the canonical paths (`articles-1a2b3c4d`).
pub fn default_name(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "seeds".into();
    }
    let canonical = canonical_paths(paths);
    let last = paths[0]
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    let slug: String = last
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!(
        "{}-{:08x}",
        slug.trim_matches('-'),
        fnv1a(canonical.join("\n").as_bytes()) as u32
    )
}

/// Only names made of letters, digits, `-`, `_` and `.` (no path tricks).
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// An open session file: the lock is held until this is dropped.
#[derive(Debug)]
pub struct Store {
    pub path: PathBuf,
    lock: PathBuf,
}

impl Store {
    /// Opens (or creates) session `name` in `dir`, taking its lock. A missing file gives a new
    /// session; an unreadable one is an error unless `start_fresh`, which moves it aside.
    pub fn open(
        dir: &Path,
        name: &str,
        corpus: &str,
        start_fresh: bool,
    ) -> Result<(Store, Session, Option<PathBuf>), SessionError> {
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| SessionError::Io { path, source }
        };
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let path = dir.join(format!("{name}.json"));
        let lock = dir.join(format!("{name}.lock"));
        take_lock(&lock, &path)?;
        let store = Store {
            path: path.clone(),
            lock,
        };
        let mut kept_aside = None;
        let session = match fs::read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Session::new(corpus),
            Err(e) => return Err(SessionError::Io { path, source: e }),
            Ok(bytes) => match parse(&bytes) {
                Ok(session) => session,
                Err(reason) if start_fresh => {
                    let aside = path.with_extension(format!("json.corrupt-{}", now()));
                    fs::rename(&path, &aside).map_err(io_err(&path))?;
                    kept_aside = Some(aside);
                    let _ = reason;
                    Session::new(corpus)
                }
                Err(reason) => return Err(SessionError::Corrupt { path, reason }),
            },
        };
        Ok((store, session, kept_aside))
    }

    /// Saves the session atomically: the old file or the new one, never a mix.
    pub fn save(&self, session: &mut Session) -> io::Result<()> {
        session.updated = now();
        let mut bytes = serde_json::to_vec_pretty(session).map_err(io::Error::other)?;
        bytes.push(b'\n');
        write_atomic(&self.path, &bytes)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.lock);
    }
}

/// Reads a session file's bytes.
pub fn parse(bytes: &[u8]) -> Result<Session, String> {
    let session: Session =
        serde_json::from_slice(bytes).map_err(|e| format!("not a session file: {e}"))?;
    if session.version > SESSION_VERSION {
        return Err(format!(
            "written by a newer quire (format {})",
            session.version
        ));
    }
    Ok(session)
}

fn take_lock(lock: &Path, path: &Path) -> Result<(), SessionError> {
    for _ in 0..2 {
        match private_options().write(true).create_new(true).open(lock) {
            Ok(mut file) => {
                let _ = writeln!(file, "{}", std::process::id());
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let pid: u32 = fs::read_to_string(lock)
                    .ok()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(0);
                if pid != 0
                    && pid != std::process::id()
                    && Path::new(&format!("/proc/{pid}")).exists()
                {
                    return Err(SessionError::Locked {
                        path: path.to_path_buf(),
                        pid,
                    });
                }
                // A lock left by a process that is gone: take it over.
                let _ = fs::remove_file(lock);
            }
            Err(source) => {
                return Err(SessionError::Io {
                    path: lock.to_path_buf(),
                    source,
                })
            }
        }
    }
    Err(SessionError::Locked {
        path: path.to_path_buf(),
        pid: 0,
    })
}

fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Replaces `path` so that a crash leaves the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// [`write_atomic`] for content written by `fill`, as it is produced.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = path.with_extension(format!("json.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = private_options()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        let mut writer = io::BufWriter::with_capacity(1 << 20, &mut file);
        fill(&mut writer)?;
        writer.flush()?;
        drop(writer);
        file.sync_all()?; // the bytes reach the disk before the new name does
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent() {
            File::open(dir)?.sync_all()?; // persist the rename
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// One line of `quire sessions`.
#[derive(Debug, Clone)]
pub struct SessionSummary {
    pub name: String,
    pub corpus: String,
    pub updated: u64,
    pub reviewed: usize,
    pub verdicts: usize,
    pub readable: bool,
}

/// Every session in `dir`, newest first.
pub fn list(dir: &Path) -> Vec<SessionSummary> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| parse(&b))
        {
            Ok(s) => out.push(SessionSummary {
                name,
                corpus: s.corpus.clone(),
                updated: s.updated,
                reviewed: s
                    .articles
                    .values()
                    .filter(|a| a.state == super::ArticleState::Reviewed)
                    .count(),
                verdicts: s.quotes.iter().filter(|q| q.verdict.is_some()).count(),
                readable: true,
            }),
            Err(_) => out.push(SessionSummary {
                name,
                corpus: "(unreadable)".into(),
                updated: 0,
                reviewed: 0,
                verdicts: 0,
                readable: false,
            }),
        }
    }
    out.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let (store, mut session, _) = Store::open(dir.path(), "s", "seeds", false).unwrap();
        session.article_mut("a").note = "checked".into();
        store.save(&mut session).unwrap();
        drop(store);
        let (_store, again, _) = Store::open(dir.path(), "s", "seeds", false).unwrap();
        assert_eq!(again.article("a").unwrap().note, "checked");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join("s.json"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_second_open_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let (_first, _, _) = Store::open(dir.path(), "s", "seeds", false).unwrap();
        // Pretend another live process holds it: our parent is alive.
        fs::write(
            dir.path().join("s.lock"),
            format!("{}\n", std::os::unix::process::parent_id()),
        )
        .unwrap();
        let err = Store::open(dir.path(), "s", "seeds", false).unwrap_err();
        assert!(matches!(err, SessionError::Locked { .. }), "{err}");
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("s.lock"), "999999999\n").unwrap();
        assert!(Store::open(dir.path(), "s", "seeds", false).is_ok());
    }

    #[test]
    fn names_cannot_escape_the_folder() {
        assert!(is_valid_name("my-review_2"));
        assert!(!is_valid_name("../etc"));
        assert!(!is_valid_name(""));
    }
}
