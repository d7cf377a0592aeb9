//! Holds the terminal in TUI mode. Dropping the guard (return, `?`, unwinding) restores it,
//! and a panic hook restores it before the panic message is printed, so the message is
//! readable and the shell is usable afterwards.

use std::io;
use std::panic;
use std::sync::Mutex;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

/// A panic on a background thread (the loader, the ranking worker) while the reader runs: the
/// reader stays up and shows this in its status line, instead of the terminal being handed
/// back under a reader that goes on drawing.
static BACKGROUND_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// The message of a panic on a background thread since the last call, if any.
pub fn take_background_panic() -> Option<String> {
    BACKGROUND_PANIC.lock().ok().and_then(|mut p| p.take())
}

impl TerminalGuard {
    pub fn enter() -> io::Result<Self> {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some("main") {
                if let Ok(mut slot) = BACKGROUND_PANIC.lock() {
                    slot.get_or_insert_with(|| {
                        format!("internal error in a background task: {info}")
                    });
                }
                return;
            }
            restore(); // give the terminal back first, so the message below is readable
            previous(info);
        }));
        let guard = Self {
            terminal: ratatui::try_init()?,
        };
        execute!(io::stdout(), EnableMouseCapture)?; // if this fails, `guard` drops and restores
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Ctrl-z: the terminal is given back, the process stops (SIGTSTP, as the shell expects), and
/// when `fg` resumes it the screen, raw mode and mouse capture come back and a full redraw
/// follows.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Resumed.
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    terminal.clear()
}

/// Safe to run twice (hook and `Drop`); errors are ignored because nothing else can be done.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore(); // raw mode off, alternate screen left, cursor shown
}
