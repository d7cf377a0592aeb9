//! Holds the terminal in TUI mode. Dropping the guard (return, `?`, unwinding) restores it,
//! and a panic hook restores it before the panic message is printed, so the message is
//! readable and the shell is usable afterwards.

use std::io;
use std::panic;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<Self> {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
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

/// Safe to run twice (hook and `Drop`); errors are ignored because nothing else can be done.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore(); // raw mode off, alternate screen left, cursor shown
}
