//! Drives the reader without a terminal: keys go through the real keymap and `update`, and
//! the worker's ranking runs inline, so every test is deterministic.

use quire::tui::action::Action;
use quire::tui::app::App;
use quire::tui::keymap::Key;
use quire::tui::theme::Theme;
use quire::tui::update::{update, Command};
use quire::tui::view;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::Terminal;

/// Splits "/mokhber<Enter>n" into key notations: `/`, `m`, …, `<Enter>`, `n`.
fn notations(keys: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_uppercase()) {
            let mut name = String::from("<");
            for d in chars.by_ref() {
                name.push(d);
                if d == '>' {
                    break;
                }
            }
            out.push(name);
        } else {
            out.push(c.to_string());
        }
    }
    out
}

/// Applies one action, running any command inline as the worker would.
pub fn act(app: &mut App, action: Action) {
    let mut pending = update(app, action);
    while let Some(Command::Rank {
        target,
        generation,
        query,
    }) = pending
    {
        let answer = app.index.rank(target, &query);
        pending = update(
            app,
            Action::Ranked {
                generation,
                target,
                answer,
            },
        );
    }
}

/// Presses keys as a user would (`<C-d>` for Ctrl-d).
pub fn press(app: &mut App, keys: &str) {
    for notation in notations(keys) {
        let key = Key::parse(&notation).unwrap_or_else(|| panic!("bad key {notation}"));
        let context = app.context();
        if let Some(action) = app.keymap.feed(context, &mut app.pending_key, key) {
            act(app, action);
        }
    }
}

/// A new app on the seeds, sized like a terminal of `width` x `height`.
pub fn seeds_app(width: u16, height: u16) -> App {
    let mut app = App::new(super::seeds_corpus());
    act(&mut app, Action::Resize { width, height });
    app
}

/// Draws the app into a test terminal of its size.
pub fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, app, theme))
        .unwrap();
    terminal
}

/// The screen as plain text, one line per row.
pub fn screen_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The style of the first cell where `needle` starts on screen.
pub fn style_of(buffer: &Buffer, needle: &str) -> Option<Style> {
    style_of_below(buffer, needle, 0)
}

/// Like [`style_of`], looking only at rows from `first_row` down.
pub fn style_of_below(buffer: &Buffer, needle: &str, first_row: usize) -> Option<Style> {
    let text = screen_text(buffer);
    for (y, line) in text.lines().enumerate().skip(first_row) {
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count();
            // Wide characters take two cells but one char; the seeds' screens are narrow-only.
            return Some(buffer[(x as u16, y as u16)].style());
        }
    }
    None
}
