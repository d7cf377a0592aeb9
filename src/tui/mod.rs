//! The reader: an event loop that draws, waits for the next action (a key, a mouse event, a
//! resize, a worker's answer), applies it with `update`, and hands ranking work to a worker
//! thread so no key waits on it. Only this file and terminal.rs touch the terminal.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event, MouseEventKind};

use action::Action;
use app::App;
use keymap::Key;
use terminal::TerminalGuard;
use theme::Theme;
use update::{update, Command};

/// Runs the reader on `app` until the user quits. The terminal is restored on return, on
/// error and on panic.
pub fn run(mut app: App) -> Result<()> {
    let theme = Theme::from_env();
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );

    let (work_tx, work_rx) = mpsc::channel::<Command>();
    let (done_tx, done_rx) = mpsc::channel::<Action>();
    let index = app.index.clone();
    thread::spawn(move || {
        // Only the newest request matters: drain the queue and rank the last one.
        while let Ok(mut command) = work_rx.recv() {
            while let Ok(newer) = work_rx.try_recv() {
                command = newer;
            }
            let Command::Rank {
                target,
                generation,
                query,
            } = command;
            let hits = index.rank(target, &query);
            if done_tx
                .send(Action::Ranked {
                    generation,
                    target,
                    hits,
                })
                .is_err()
            {
                return;
            }
        }
    });

    while !app.should_quit {
        guard
            .terminal
            .draw(|frame| view::draw(frame, &app, &theme))?;
        let apply = |app: &mut App, action: Action| {
            if let Some(command) = update(app, action) {
                let _ = work_tx.send(command);
            }
        };
        if event::poll(Duration::from_millis(30))? {
            // Each key is resolved in the context the previous one left ("/" then "m" types
            // an m); a burst of waiting keys is applied before the next draw.
            loop {
                if let Some(action) = read_action(&app)? {
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
    }
    Ok(())
}

fn read_action(app: &App) -> Result<Option<Action>> {
    Ok(match event::read()? {
        Event::Key(key) => {
            Key::from_event(key).and_then(|key| app.keymap.resolve(app.context(), key))
        }
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
