//! Styles by meaning. Views ask for `theme.quote` or `theme.entity(kind)`, never for a colour;
//! with NO_COLOR set the theme uses bold, underline, italic and reverse only, and every role
//! stays distinguishable.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::EntityType;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub quote: Style,
    pub reported: Style,
    /// The quote the cursor is on (after `n`/`N` or a jump from quote search).
    pub current: Style,
    pub person: Style,
    pub org: Style,
    pub place: Style,
    pub group: Style,
    pub event: Style,
    pub other: Style,
    /// Mentions of the entity chosen in the entity list or with `]`.
    pub chosen_entity: Style,
    pub fuzzy_match: Style,
    pub selected: Style,
    pub removed: Style,
    pub border: Style,
    pub border_focused: Style,
    pub status: Style,
    pub key: Style,
    /// Quotes the reviewer marked.
    pub verified: Style,
    pub disputed: Style,
    pub unclear: Style,
    pub flagged: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::colour()
    }
}

impl Theme {
    /// The colour theme, or the monochrome one when NO_COLOR is set and not empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Self::monochrome(),
            _ => Self::colour(),
        }
    }

    pub fn colour() -> Self {
        Self {
            text: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default().add_modifier(Modifier::BOLD),
            quote: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::ITALIC),
            reported: Style::default()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::DIM),
            current: Style::default()
                .bg(Color::Rgb(40, 60, 40))
                .add_modifier(Modifier::ITALIC),
            person: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            org: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            place: Style::default().fg(Color::Magenta),
            group: Style::default().fg(Color::LightBlue),
            event: Style::default().fg(Color::LightRed),
            other: Style::default()
                .fg(Color::Gray)
                .add_modifier(Modifier::UNDERLINED),
            chosen_entity: Style::default().add_modifier(Modifier::REVERSED),
            fuzzy_match: Style::default()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::default()
                .bg(Color::Rgb(50, 50, 80))
                .add_modifier(Modifier::BOLD),
            removed: Style::default()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            border: Style::default().fg(Color::DarkGray),
            border_focused: Style::default().fg(Color::Cyan),
            status: Style::default().bg(Color::Rgb(30, 30, 30)),
            key: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            verified: Style::default()
                .bg(Color::Rgb(20, 50, 20))
                .add_modifier(Modifier::UNDERLINED),
            disputed: Style::default()
                .bg(Color::Rgb(70, 20, 20))
                .add_modifier(Modifier::UNDERLINED),
            unclear: Style::default().bg(Color::Rgb(60, 50, 10)),
            flagged: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: each role keeps a distinct combination of modifiers.
    pub fn monochrome() -> Self {
        let m = |modifier: Modifier| Style::default().add_modifier(modifier);
        Self {
            text: Style::default(),
            dim: m(Modifier::DIM),
            title: m(Modifier::BOLD),
            quote: m(Modifier::ITALIC),
            reported: m(Modifier::ITALIC | Modifier::DIM),
            current: m(Modifier::ITALIC | Modifier::REVERSED),
            person: m(Modifier::BOLD),
            org: m(Modifier::BOLD | Modifier::UNDERLINED),
            place: m(Modifier::UNDERLINED),
            group: m(Modifier::DIM | Modifier::UNDERLINED),
            event: m(Modifier::BOLD | Modifier::DIM),
            other: m(Modifier::DIM),
            chosen_entity: m(Modifier::REVERSED | Modifier::BOLD),
            fuzzy_match: m(Modifier::REVERSED | Modifier::UNDERLINED),
            selected: m(Modifier::REVERSED),
            removed: m(Modifier::CROSSED_OUT),
            border: Style::default(),
            border_focused: m(Modifier::BOLD),
            status: m(Modifier::REVERSED),
            key: m(Modifier::BOLD),
            verified: m(Modifier::UNDERLINED),
            disputed: m(Modifier::CROSSED_OUT),
            unclear: m(Modifier::SLOW_BLINK),
            flagged: m(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    pub fn entity(&self, kind: EntityType) -> Style {
        match kind {
            EntityType::Person => self.person,
            EntityType::Org => self.org,
            EntityType::Place => self.place,
            EntityType::Group => self.group,
            EntityType::Event => self.event,
            EntityType::Other => self.other,
        }
    }
}
