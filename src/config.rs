//! The user's configuration file: `$XDG_CONFIG_HOME/quire/config.toml` (else
//! `~/.config/quire/config.toml`). Colours per highlight role, key bindings (every action
//! rebindable, two-key sequences such as `gg`), the corpus to open when no path is given, and
//! which highlights are on. A mistake is an error naming the line; quire then starts with the
//! defaults rather than refusing to run.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ratatui::style::{Color, Style};
use serde::Deserialize;

use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Opened when no path is given (instead of the bundled seeds).
    pub corpus: Option<PathBuf>,
    #[serde(default)]
    pub highlights: Highlights,
    /// Role name → colour name or `#rrggbb`.
    #[serde(default)]
    pub colors: BTreeMap<String, String>,
    /// Action name → keys.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlights {
    #[serde(default = "yes")]
    pub quotes: bool,
    #[serde(default = "yes")]
    pub reported: bool,
    #[serde(default = "yes")]
    pub entities: bool,
}

fn yes() -> bool {
    true
}

impl Default for Highlights {
    fn default() -> Self {
        Self {
            quotes: true,
            reported: true,
            entities: true,
        }
    }
}

/// The commented default configuration (`quire config --print-default`).
pub const DEFAULT: &str = r##"# quire configuration: ~/.config/quire/config.toml ($XDG_CONFIG_HOME/quire/config.toml).
# Every setting is optional; delete what you do not change.

# The corpus opened when quire is run without a path (default: the bundled seed articles).
# corpus = "/home/me/articles"

[highlights]
quotes = true      # direct quotes
reported = true    # reported speech
entities = true    # people, organisations, places, groups, events

[colors]
# A colour name (black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred,
# lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white) or "#rrggbb".
# With NO_COLOR set, colours are not used at all.
quote = "green"
reported = "lightgreen"
person = "yellow"
org = "cyan"
place = "magenta"
group = "lightblue"
event = "lightred"
other = "gray"
fuzzy_match = "lightyellow"

[keys]
# action = ["key", ...]: a character ("j"), a named key ("<Down>", "<PageDown>", "<Enter>",
# "<Esc>", "<Tab>", "<Space>"), Ctrl ("<C-d>"), or two keys in a row ("gg").
next = ["j", "<Down>"]
previous = ["k", "<Up>"]
first = ["g"]
last = ["G"]
page_down = ["<PageDown>"]
page_up = ["<PageUp>"]
half_page_down = ["<C-d>"]
half_page_up = ["<C-u>"]
switch_focus = ["<Tab>"]
open = ["<Enter>"]
filter = ["/"]
quote_search = ["\""]
entities = ["e"]
next_quote = ["n"]
previous_quote = ["N"]
next_mention = ["]"]
previous_mention = ["["]
raw = ["r"]
help = ["?"]
quit = ["q"]
reviewed = ["<Space>"]
flag = ["f"]
tags = ["t"]
note = ["a"]
speaker = ["s"]
verified = ["1"]
disputed = ["2"]
unclear = ["3"]
clear_verdict = ["0"]
undo = ["u"]
review_run = ["R"]
export = ["E"]
suspend = ["<C-z>"]
# In prompts and overlays (named or Ctrl keys only: letters type text there):
confirm = ["<Enter>"]
backspace = ["<Backspace>"]
save = ["<C-s>"]
"##;

/// Where the configuration file is.
pub fn path() -> PathBuf {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("quire")
        .join("config.toml")
}

/// The line (1-based) of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// The line where `key = ` first appears in `text`, for errors found after parsing.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')
        })
        .map_or(0, |i| i + 1)
}

/// Parses a configuration; an error names the file's line.
pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        format!("line {line}: {}", e.message())
    })?;
    for (role, value) in &config.colors {
        if !ROLES.contains(&role.as_str()) {
            return Err(format!(
                "line {}: unknown colour role `{role}` (one of {})",
                line_of_key(text, role),
                ROLES.join(", ")
            ));
        }
        parse_color(value).ok_or_else(|| {
            format!(
                "line {}: `{value}` is not a colour",
                line_of_key(text, role)
            )
        })?;
    }
    // Check the key bindings against a scratch keymap.
    let mut keymap = Keymap::default();
    for (action, keys) in &config.keys {
        keymap
            .rebind(action, keys)
            .map_err(|e| format!("line {}: {e}", line_of_key(text, action)))?;
    }
    Ok(config)
}

const ROLES: [&str; 9] = [
    "quote",
    "reported",
    "person",
    "org",
    "place",
    "group",
    "event",
    "other",
    "fuzzy_match",
];

fn parse_color(value: &str) -> Option<Color> {
    value.parse::<Color>().ok()
}

/// Loads the user's configuration: `(config, problem)`. A missing file is the defaults; a bad
/// one is the defaults and a message naming the file and line.
pub fn load() -> (Config, Option<String>) {
    let path = path();
    match std::fs::read_to_string(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => (
            Config::default(),
            Some(format!("{}: {e}; using the defaults", path.display())),
        ),
        Ok(text) => match parse(&text) {
            Ok(config) => (config, None),
            Err(e) => (
                Config::default(),
                Some(format!("{}: {e}; using the defaults", path.display())),
            ),
        },
    }
}

impl Config {
    /// The theme with this configuration's colours and highlights (colours are ignored for a
    /// monochrome theme, as NO_COLOR asks).
    pub fn apply_theme(&self, mut theme: Theme) -> Theme {
        let monochrome = theme.quote.fg.is_none();
        if !monochrome {
            for (role, value) in &self.colors {
                let Some(color) = parse_color(value) else {
                    continue;
                };
                let style = match role.as_str() {
                    "quote" => &mut theme.quote,
                    "reported" => &mut theme.reported,
                    "person" => &mut theme.person,
                    "org" => &mut theme.org,
                    "place" => &mut theme.place,
                    "group" => &mut theme.group,
                    "event" => &mut theme.event,
                    "other" => &mut theme.other,
                    "fuzzy_match" => &mut theme.fuzzy_match,
                    _ => continue,
                };
                *style = style.fg(color);
            }
        }
        if !self.highlights.quotes {
            theme.quote = Style::default();
        }
        if !self.highlights.reported {
            theme.reported = Style::default();
        }
        if !self.highlights.entities {
            for style in [
                &mut theme.person,
                &mut theme.org,
                &mut theme.place,
                &mut theme.group,
                &mut theme.event,
                &mut theme.other,
            ] {
                *style = Style::default();
            }
        }
        theme
    }

    /// Applies the `[keys]` table to a keymap (errors were reported when the file was read).
    pub fn apply_keys(&self, keymap: &mut Keymap) {
        for (action, keys) in &self.keys {
            let _ = keymap.rebind(action, keys);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_default_parses_and_changes_nothing() {
        let config = parse(DEFAULT).unwrap();
        let mut keymap = Keymap::default();
        config.apply_keys(&mut keymap);
        assert_eq!(keymap.help_rows(), Keymap::default().help_rows());
    }

    #[test]
    fn mistakes_name_their_line() {
        let err = parse("corpus = \"x\"\n[colors]\nquote = \"not-a-colour\"\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let err = parse("\n\nunknown_setting = 1\n").unwrap_err();
        assert!(
            err.starts_with("line 3:") && err.contains("unknown"),
            "{err}"
        );
        let err = parse("[keys]\nnext = [\"<Nope>\"]\n").unwrap_err();
        assert!(
            err.starts_with("line 2:") && err.contains("<Nope>"),
            "{err}"
        );
        let err = parse("[keys]\nfly = [\"x\"]\n").unwrap_err();
        assert!(err.contains("unknown action `fly`"), "{err}");
    }

    #[test]
    fn a_sequence_can_be_bound() {
        let config = parse("[keys]\nfirst = [\"gg\"]\nlast = [\"G\"]\n").unwrap();
        let mut keymap = Keymap::default();
        config.apply_keys(&mut keymap);
        let g = crate::tui::keymap::Key::parse("g").unwrap();
        let mut pending = None;
        assert_eq!(
            keymap.feed(crate::tui::keymap::Context::List, &mut pending, g),
            None
        );
        assert_eq!(
            keymap.feed(crate::tui::keymap::Context::List, &mut pending, g),
            Some(crate::tui::action::Action::Top)
        );
    }
}
