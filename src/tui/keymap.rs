//! Keys are data: one table drives dispatch, the `?` screen and the status-line hints, so they
//! cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::review::Verdict;

/// Where a key is read. Browsing has two contexts (list or article focused); prompts and
/// overlays have their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    List,
    Article,
    Filter,
    QuoteSearch,
    Entities,
    Help,
    /// The note editor.
    Note,
    /// The one-line tags prompt.
    Tags,
    /// A review run.
    Run,
    /// The export path prompt.
    Export,
}

impl Context {
    /// Contexts with a text prompt: unbound printable keys are typed into it.
    pub fn has_prompt(self) -> bool {
        matches!(
            self,
            Context::Filter
                | Context::QuoteSearch
                | Context::Entities
                | Context::Note
                | Context::Tags
                | Context::Export
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Context::List => "LIST",
            Context::Article => "ARTICLE",
            Context::Filter => "FILTER",
            Context::QuoteSearch => "QUOTES",
            Context::Entities => "ENTITIES",
            Context::Help => "HELP",
            Context::Note => "NOTE",
            Context::Tags => "TAGS",
            Context::Run => "REVIEW",
            Context::Export => "EXPORT",
        }
    }
}

/// A key as the keymap sees it: SHIFT is dropped from characters (terminals disagree on
/// whether `G` arrives with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn from_event(event: KeyEvent) -> Option<Self> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        Some(Self {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        })
    }

    /// Parses the notation used in the table and in tests: `j`, `<Enter>`, `<C-d>`, `<PageDown>`.
    pub fn parse(notation: &str) -> Option<Self> {
        let plain = |code| Some(Key { code, ctrl: false });
        if let Some(inner) = notation.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
            if let Some(c) = inner.strip_prefix("C-") {
                let c = c.chars().next()?;
                return Some(Key {
                    code: KeyCode::Char(c),
                    ctrl: true,
                });
            }
            return match inner {
                "Enter" => plain(KeyCode::Enter),
                "Esc" => plain(KeyCode::Esc),
                "Tab" => plain(KeyCode::Tab),
                "BackTab" => plain(KeyCode::BackTab),
                "Backspace" => plain(KeyCode::Backspace),
                "Up" => plain(KeyCode::Up),
                "Down" => plain(KeyCode::Down),
                "Left" => plain(KeyCode::Left),
                "Right" => plain(KeyCode::Right),
                "PageUp" => plain(KeyCode::PageUp),
                "PageDown" => plain(KeyCode::PageDown),
                "Home" => plain(KeyCode::Home),
                "End" => plain(KeyCode::End),
                "lt" => plain(KeyCode::Char('<')),
                "Space" => plain(KeyCode::Char(' ')),
                _ => None,
            };
        }
        let mut chars = notation.chars();
        let c = chars.next()?;
        chars.next().is_none().then_some(Key {
            code: KeyCode::Char(c),
            ctrl: false,
        })
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// The first key of a two-key sequence ("gg"), if the binding is one.
    pub prefix: Option<Key>,
    pub key: Key,
    pub notation: String,
    pub action: Action,
    pub help: &'static str,
}

pub struct Keymap {
    pub bindings: Vec<Binding>,
}

const BROWSE: [Context; 2] = [Context::List, Context::Article];
/// Where Ctrl-c quits and Ctrl-z suspends: everywhere, editors and the review run included.
const QUIT_CONTEXTS: [Context; 10] = [
    Context::List,
    Context::Article,
    Context::Filter,
    Context::QuoteSearch,
    Context::Entities,
    Context::Help,
    Context::Note,
    Context::Tags,
    Context::Run,
    Context::Export,
];
const PROMPTS: [Context; 3] = [Context::Filter, Context::QuoteSearch, Context::Entities];

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = Vec::new();
        let mut bind =
            |contexts: &[Context], notation: &'static str, action: Action, help: &'static str| {
                for &context in contexts {
                    let (prefix, key) =
                        parse_sequence(notation).expect("the default table's keys parse");
                    bindings.push(Binding {
                        context,
                        prefix,
                        key,
                        notation: notation.to_string(),
                        action: action.clone(),
                        help,
                    });
                }
            };
        use Action as A;
        bind(&BROWSE, "j", A::Down, "next article / scroll down");
        bind(&BROWSE, "<Down>", A::Down, "next article / scroll down");
        bind(&BROWSE, "k", A::Up, "previous article / scroll up");
        bind(&BROWSE, "<Up>", A::Up, "previous article / scroll up");
        bind(&BROWSE, "g", A::Top, "first article / top of the text");
        bind(&BROWSE, "G", A::Bottom, "last article / end of the text");
        bind(&BROWSE, "<PageDown>", A::PageDown, "page down");
        bind(&BROWSE, "<PageUp>", A::PageUp, "page up");
        bind(&BROWSE, "<C-d>", A::HalfPageDown, "half a page down");
        bind(&BROWSE, "<C-u>", A::HalfPageUp, "half a page up");
        bind(
            &BROWSE,
            "<Tab>",
            A::ToggleFocus,
            "switch focus between list and article",
        );
        bind(
            &[Context::List],
            "<Enter>",
            A::Open,
            "open the selected article",
        );
        bind(
            &BROWSE,
            "/",
            A::StartFilter,
            "filter articles (title, source, date, entities)",
        );
        bind(
            &BROWSE,
            "\"",
            A::StartQuoteSearch,
            "search every quote in the corpus",
        );
        bind(&BROWSE, "e", A::StartEntities, "list the corpus's entities");
        bind(&BROWSE, "n", A::NextQuote, "next quote in the article");
        bind(&BROWSE, "N", A::PrevQuote, "previous quote in the article");
        bind(
            &BROWSE,
            "]",
            A::NextMention,
            "next mention of the entity under the cursor",
        );
        bind(
            &BROWSE,
            "[",
            A::PrevMention,
            "previous mention of that entity",
        );
        bind(
            &BROWSE,
            "r",
            A::ToggleRaw,
            "raw text, with the removed debris visible",
        );
        bind(&BROWSE, "<Esc>", A::Cancel, "clear the active filter");
        bind(
            &BROWSE,
            "<Space>",
            A::ToggleReviewed,
            "mark the article reviewed (again: back to read)",
        );
        bind(
            &BROWSE,
            "f",
            A::ToggleFlag,
            "flag the quote under the cursor, else the article",
        );
        bind(
            &BROWSE,
            "t",
            A::EditTags,
            "tags of the quote under the cursor, else the article",
        );
        bind(
            &BROWSE,
            "a",
            A::EditNote,
            "note on the quote under the cursor, else the article",
        );
        bind(
            &BROWSE,
            "s",
            A::EditSpeaker,
            "correct the speaker of the quote under the cursor",
        );
        bind(
            &BROWSE,
            "1",
            A::SetVerdict(Verdict::Verified),
            "quote verified",
        );
        bind(
            &BROWSE,
            "2",
            A::SetVerdict(Verdict::Disputed),
            "quote disputed",
        );
        bind(
            &BROWSE,
            "3",
            A::SetVerdict(Verdict::Unclear),
            "quote unclear",
        );
        bind(&BROWSE, "0", A::ClearVerdict, "clear the quote's verdict");
        bind(
            &BROWSE,
            "u",
            A::Undo,
            "undo the last change (several levels)",
        );
        bind(
            &BROWSE,
            "R",
            A::StartReviewRun,
            "review run: every quote without a verdict",
        );
        bind(&BROWSE, "E", A::StartExport, "export the review (Markdown)");
        bind(&BROWSE, "?", A::ShowHelp, "this help");
        bind(&BROWSE, "q", A::Quit, "quit");
        bind(
            &PROMPTS,
            "<Enter>",
            A::Confirm,
            "keep the filter / jump to the selected hit",
        );
        bind(
            &PROMPTS,
            "<Esc>",
            A::Cancel,
            "leave (a filter being typed is cleared)",
        );
        bind(&PROMPTS, "<Backspace>", A::Backspace, "delete a character");
        bind(&PROMPTS, "<Down>", A::Down, "next hit");
        bind(&PROMPTS, "<Up>", A::Up, "previous hit");
        bind(&PROMPTS, "<C-n>", A::Down, "next hit");
        bind(&PROMPTS, "<C-p>", A::Up, "previous hit");
        bind(
            &[Context::Run],
            "1",
            A::SetVerdict(Verdict::Verified),
            "verified, then the next quote",
        );
        bind(
            &[Context::Run],
            "2",
            A::SetVerdict(Verdict::Disputed),
            "disputed, then the next quote",
        );
        bind(
            &[Context::Run],
            "3",
            A::SetVerdict(Verdict::Unclear),
            "unclear, then the next quote",
        );
        bind(&[Context::Run], "0", A::ClearVerdict, "clear the verdict");
        bind(&[Context::Run], "f", A::ToggleFlag, "flag the quote");
        bind(&[Context::Run], "a", A::EditNote, "note on the quote");
        bind(&[Context::Run], "t", A::EditTags, "tags of the quote");
        bind(&[Context::Run], "s", A::EditSpeaker, "correct the speaker");
        bind(&[Context::Run], "n", A::Skip, "skip to the next quote");
        bind(&[Context::Run], "j", A::Skip, "skip to the next quote");
        bind(&[Context::Run], "u", A::Undo, "undo the last change");
        bind(
            &[Context::Run],
            "<Esc>",
            A::Cancel,
            "leave the run (R resumes it)",
        );
        bind(
            &[Context::Run],
            "q",
            A::Cancel,
            "leave the run (R resumes it)",
        );
        bind(&[Context::Note], "<C-s>", A::Save, "save the note");
        bind(
            &[Context::Note],
            "<Enter>",
            A::Newline,
            "new line (on an empty last line: save)",
        );
        bind(&[Context::Note], "<Esc>", A::Cancel, "cancel the edit");
        bind(
            &[Context::Note],
            "<Backspace>",
            A::Backspace,
            "delete a character",
        );
        bind(
            &[Context::Tags, Context::Export],
            "<Enter>",
            A::Confirm,
            "save / write the file",
        );
        bind(
            &[Context::Tags, Context::Export],
            "<Esc>",
            A::Cancel,
            "cancel",
        );
        bind(
            &[Context::Tags, Context::Export],
            "<Backspace>",
            A::Backspace,
            "delete a character",
        );
        bind(&[Context::Help], "<Esc>", A::Cancel, "close the help");
        bind(&[Context::Help], "?", A::Cancel, "close the help");
        bind(&[Context::Help], "q", A::Cancel, "close the help");
        bind(&[Context::Help], "j", A::Down, "scroll the help");
        bind(&[Context::Help], "k", A::Up, "scroll the help");
        let all = QUIT_CONTEXTS;
        bind(&all, "<C-c>", A::Quit, "quit at once, from anywhere");
        bind(
            &all,
            "<C-z>",
            A::Suspend,
            "suspend to the shell (fg resumes)",
        );
        Self { bindings }
    }
}

impl Keymap {
    /// Resolves one key, remembering the first key of a sequence in `pending` ("g" of "gg").
    pub fn feed(&self, context: Context, pending: &mut Option<Key>, key: Key) -> Option<Action> {
        if let Some(first) = pending.take() {
            if let Some(b) = self
                .bindings
                .iter()
                .find(|b| b.context == context && b.prefix == Some(first) && b.key == key)
            {
                return Some(b.action.clone());
            }
        } else if !context.has_prompt()
            && self
                .bindings
                .iter()
                .any(|b| b.context == context && b.prefix == Some(key))
        {
            *pending = Some(key);
            return None;
        }
        self.resolve(context, key)
    }

    /// Resolves a single key (no sequence).
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        let bound = self
            .bindings
            .iter()
            .find(|b| b.context == context && b.key == key && b.prefix.is_none());
        match (bound, key.code) {
            (Some(binding), _) => Some(binding.action.clone()),
            (None, KeyCode::Char(c)) if context.has_prompt() && !key.ctrl => Some(Action::Type(c)),
            _ => None,
        }
    }

    /// The rows of the help screen: (context, keys, meaning), one per distinct action and
    /// meaning, keys joined ("j, <Down>").
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        let mut rows: Vec<(Context, String, &'static str)> = Vec::new();
        for b in &self.bindings {
            let context = if b.context == Context::Article
                && self
                    .bindings
                    .iter()
                    .any(|o| o.context == Context::List && o.key == b.key && o.action == b.action)
            {
                continue; // shown once, under LIST, for keys that work in both panes
            } else {
                b.context
            };
            if let Some(row) = rows
                .iter_mut()
                .find(|(c, _, h)| *c == context && *h == b.help)
            {
                if !row.1.split(", ").any(|k| k == b.notation) {
                    row.1.push_str(", ");
                    row.1.push_str(&b.notation);
                }
            } else {
                rows.push((context, b.notation.clone(), b.help));
            }
        }
        rows
    }

    /// The few keys worth showing in the status line for a context.
    pub fn hints(&self, context: Context) -> &'static str {
        match context {
            Context::List => {
                "j/k move  Enter open  Space reviewed  / filter  \" quotes  e entities  R review  ? help"
            }
            Context::Article => "n/N quote  1/2/3 verdict  f flag  a note  t tags  u undo  ]/[ entity  r raw  ? help",
            Context::Filter => "type to filter  Enter keep  Esc clear",
            Context::QuoteSearch => "type to search  ↑/↓ move  Enter open  Esc back",
            Context::Entities => "type to filter  ↑/↓ move  Enter filter articles  Esc back",
            Context::Help => "Esc close",
            Context::Note => "type the note  Enter new line  Ctrl-s save  Esc cancel",
            Context::Tags => "tags, comma-separated  Enter save  Esc cancel",
            Context::Run => "1 verified  2 disputed  3 unclear  f flag  a note  n skip  u undo  Esc leave",
            Context::Export => "file to write  Enter write  Esc cancel",
        }
    }
}

/// Parses a key or a two-key sequence: `j`, `<C-d>`, `gg`, `g<Down>`.
pub fn parse_sequence(notation: &str) -> Option<(Option<Key>, Key)> {
    if let Some(key) = Key::parse(notation) {
        return Some((None, key));
    }
    // Split after the first key: a single character or a <...> name.
    let split = if notation.starts_with('<') {
        notation.find('>')? + 1
    } else {
        notation.chars().next()?.len_utf8()
    };
    let (first, second) = notation.split_at(split);
    Some((Some(Key::parse(first)?), Key::parse(second)?))
}

/// The name of an action in the config file's `[keys]` table.
pub fn action_name(action: &Action) -> Option<&'static str> {
    use Action as A;
    Some(match action {
        A::Down => "next",
        A::Up => "previous",
        A::Top => "first",
        A::Bottom => "last",
        A::PageDown => "page_down",
        A::PageUp => "page_up",
        A::HalfPageDown => "half_page_down",
        A::HalfPageUp => "half_page_up",
        A::ToggleFocus => "switch_focus",
        A::Open => "open",
        A::StartFilter => "filter",
        A::StartQuoteSearch => "quote_search",
        A::StartEntities => "entities",
        A::NextQuote => "next_quote",
        A::PrevQuote => "previous_quote",
        A::NextMention => "next_mention",
        A::PrevMention => "previous_mention",
        A::ToggleRaw => "raw",
        A::ShowHelp => "help",
        A::Quit => "quit",
        A::Suspend => "suspend",
        A::ToggleReviewed => "reviewed",
        A::ToggleFlag => "flag",
        A::EditTags => "tags",
        A::EditNote => "note",
        A::EditSpeaker => "speaker",
        A::SetVerdict(Verdict::Verified) => "verified",
        A::SetVerdict(Verdict::Disputed) => "disputed",
        A::SetVerdict(Verdict::Unclear) => "unclear",
        A::ClearVerdict => "clear_verdict",
        A::Undo => "undo",
        A::StartReviewRun => "review_run",
        A::StartExport => "export",
        A::Skip => "skip",
        A::Cancel => "cancel",
        A::Confirm => "confirm",
        A::Save => "save",
        A::Newline => "newline",
        A::Backspace => "backspace",
        A::Type(_)
        | A::Resize { .. }
        | A::Scroll { .. }
        | A::Click { .. }
        | A::Ranked { .. }
        | A::Preview(_)
        | A::Loaded(..) => return None,
    })
}

impl Keymap {
    /// Replaces the browsing keys (list and article) of the action named `name` by
    /// `notations`. Prompts, overlays and Ctrl-c (which always quits) keep theirs. An unknown
    /// action or key is an error saying which.
    pub fn rebind(&mut self, name: &str, notations: &[String]) -> Result<(), String> {
        let ctrl_c = Key::parse("<C-c>").expect("valid");
        // Browsing keys when the action has some, else the prompts' and overlays' own.
        let in_browse = self
            .bindings
            .iter()
            .any(|b| BROWSE.contains(&b.context) && action_name(&b.action) == Some(name));
        let is_target = |b: &Binding| {
            BROWSE.contains(&b.context) == in_browse
                && action_name(&b.action) == Some(name)
                && b.key != ctrl_c
        };
        if !self.bindings.iter().any(is_target) {
            return Err(format!("unknown action `{name}`"));
        }
        let mut parsed = Vec::new();
        for notation in notations {
            let keys = parse_sequence(notation)
                .ok_or_else(|| format!("`{notation}` is not a key (try j, <Down>, <C-d>, gg)"))?;
            parsed.push((notation.clone(), keys));
        }
        let mut contexts: Vec<Context> = self
            .bindings
            .iter()
            .filter(|b| is_target(b))
            .map(|b| b.context)
            .collect();
        contexts.dedup();
        contexts.sort_by_key(|c| *c as u8);
        contexts.dedup();
        for context in contexts {
            for (notation, (prefix, key)) in &parsed {
                // In a prompt a printable key types text; it cannot be an action there.
                if context.has_prompt()
                    && prefix.is_none()
                    && !key.ctrl
                    && matches!(key.code, KeyCode::Char(_))
                {
                    return Err(format!(
                        "`{notation}` types text in a prompt; bind a named or Ctrl key to `{name}`"
                    ));
                }
            }
            // The new keys go where this context's old ones were, with their meaning, so the
            // help keeps its order and wording.
            let in_context = |b: &Binding| b.context == context && is_target(b);
            let first = self
                .bindings
                .iter()
                .position(in_context)
                .expect("listed from the bindings");
            let template = self.bindings[first].clone();
            let new: Vec<Binding> = parsed
                .iter()
                .map(|(notation, (prefix, key))| Binding {
                    context,
                    prefix: *prefix,
                    key: *key,
                    notation: notation.clone(),
                    action: template.action.clone(),
                    help: template.help,
                })
                .collect();
            let taken = |b: &Binding| {
                new.iter()
                    .any(|n| n.context == b.context && n.key == b.key && n.prefix == b.prefix)
            };
            let before = self.bindings[..first]
                .iter()
                .filter(|b| !in_context(b) && !taken(b))
                .count();
            self.bindings.retain(|b| !in_context(b) && !taken(b));
            self.bindings.splice(before..before, new);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_context_binds_a_key_twice() {
        let keymap = Keymap::default();
        for (i, a) in keymap.bindings.iter().enumerate() {
            for b in &keymap.bindings[i + 1..] {
                assert!(
                    !(a.context == b.context && a.key == b.key),
                    "{:?} {} bound twice",
                    a.context,
                    a.notation
                );
            }
        }
    }

    #[test]
    fn ctrl_c_quits_from_every_context() {
        let keymap = Keymap::default();
        let ctrl_c = Key::parse("<C-c>").unwrap();
        for context in QUIT_CONTEXTS {
            assert_eq!(
                keymap.resolve(context, ctrl_c),
                Some(Action::Quit),
                "{context:?}"
            );
        }
    }

    #[test]
    fn prompts_take_unbound_characters_as_text() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.resolve(Context::Filter, Key::parse("q").unwrap()),
            Some(Action::Type('q'))
        );
        assert_eq!(
            keymap.resolve(Context::List, Key::parse("q").unwrap()),
            Some(Action::Quit)
        );
    }
}
