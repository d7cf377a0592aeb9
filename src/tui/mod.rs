//! The reader: an event loop that draws, waits for the next action (a key, a mouse event, a
//! resize, a worker's answer), applies it with `update`, and runs the commands `update` hands
//! back: ranking on a worker thread so no key waits on it, saving the session and exporting
//! here. Only this file and terminal.rs touch the terminal.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod ranking;
pub mod review;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event, MouseEventKind};

use crate::review::store::Store;
use action::Action;
use app::App;
use keymap::Key;
use terminal::TerminalGuard;
use theme::Theme;
use update::{update, Command};

/// Saves the session and writes exports; a failed save keeps the change in memory, says so in
/// the status line, and is retried with the next change.
pub struct Persistence {
    pub store: Option<Store>,
}

impl Persistence {
    pub fn save(&self, app: &mut App) {
        app.sync_position();
        let Some(store) = &self.store else { return };
        match store.save(&mut app.session) {
            Ok(()) => {
                if app.unsaved {
                    app.message = Some("saved".into());
                }
                app.unsaved = false;
            }
            Err(err) => {
                app.unsaved = true;
                app.message = Some(format!(
                    "NOT SAVED ({}): {err}; your changes are kept and saving is retried",
                    store.path.display()
                ));
            }
        }
    }

    pub fn export(&self, app: &mut App, path: &str) {
        let mut bytes = Vec::new();
        let written = crate::review::export::write(
            &mut bytes,
            &app.session,
            &app.corpus,
            crate::review::export::Format::Markdown,
            crate::review::export::Only::All,
        )
        .and_then(|()| std::fs::write(path, &bytes));
        app.message = Some(match written {
            Ok(()) => format!("review exported to {path}"),
            Err(err) => format!("export to {path} failed: {err}"),
        });
    }
}

/// Runs the reader on `app` until the user quits. The terminal is restored on return, on
/// error and on panic; the session is saved on quit.
/// Runs the reader until the user quits. `loader`, when the corpus is still being analysed,
/// brings its previews and then the analysed corpus.
pub fn run(
    mut app: App,
    persistence: Persistence,
    theme: Theme,
    loader: Option<mpsc::Receiver<Action>>,
) -> Result<()> {
    // SIGTERM, SIGHUP and SIGINT end the reader like `q`: the session is saved and the
    // terminal restored (by the guard) before the process exits.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, stop.clone())?;
    }
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );

    let (work_tx, done_rx) = ranking::spawn_worker(app.index.clone());
    // Set by the closure below, read by the loop: a Cell, since both hold it.
    let suspend_requested = std::cell::Cell::new(false);
    let apply = |app: &mut App, action: Action| match update(app, action) {
        Some(Command::Rank {
            target,
            generation,
            query,
        }) => {
            work_tx.send(target, generation, query);
        }
        Some(Command::Save) => persistence.save(app),
        Some(Command::Export { path }) => persistence.export(app, &path),
        Some(Command::Suspend) => suspend_requested.set(true),
        Some(Command::Reindex) => work_tx.set_index(app.index.clone()),
        None if app.unsaved => persistence.save(app), // retry a failed save
        None => {}
    };
    while !app.should_quit {
        guard
            .terminal
            .draw(|frame| view::draw(frame, &app, &theme))?;
        if event::poll(Duration::from_millis(30))? {
            // Each key is resolved in the context the previous one left ("/" then "m" types
            // an m); a burst of waiting keys is applied before the next draw.
            loop {
                if let Some(action) = read_action(&mut app)? {
                    apply(&mut app, action);
                }
                if app.should_quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        while let Ok(action) = done_rx.try_recv() {
            apply(&mut app, action);
        }
        if let Some(loader) = &loader {
            while let Ok(action) = loader.try_recv() {
                apply(&mut app, action);
            }
        }
        if let Some(problem) = terminal::take_background_panic() {
            app.message = Some(problem);
        }
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        if suspend_requested.replace(false) {
            persistence.save(&mut app);
            terminal::suspend(&mut guard.terminal)?;
        }
    }
    persistence.save(&mut app);
    Ok(())
}

fn read_action(app: &mut App) -> Result<Option<Action>> {
    Ok(match event::read()? {
        Event::Key(key) => Key::from_event(key).and_then(|key| {
            // Fault injection for the crash test (tests/tui_e2e.rs): a panic in the middle of
            // the reader must restore the terminal and leave the saved session intact.
            if let (Ok(trigger), crossterm::event::KeyCode::Char(c)) =
                (std::env::var("QUIRE_TEST_PANIC_KEY"), key.code)
            {
                if trigger.starts_with(c) {
                    panic!("injected panic (QUIRE_TEST_PANIC_KEY={c})");
                }
            }
            let context = app.context();
            app.keymap.feed(context, &mut app.pending_key, key)
        }),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                col: mouse.column,
                row: mouse.row,
                delta: 1,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                col: mouse.column,
                row: mouse.row,
                delta: -1,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                col: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    })
}
