//! Everything the user (or a worker) can ask of the reader. Keys map to these through the
//! keymap; tests send them directly. Names say what the user wants, never which key.

use super::app::Answer;
use crate::review::Verdict;

/// Which ranked list a worker's answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankTarget {
    Articles,
    Quotes,
    Entities,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-z: give the shell back until `fg`.
    Suspend,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    ToggleFocus,
    Open,
    StartFilter,
    StartQuoteSearch,
    StartEntities,
    NextQuote,
    PrevQuote,
    NextMention,
    PrevMention,
    ToggleRaw,
    ShowHelp,
    /// Esc: leave the overlay or prompt, clearing a filter being typed.
    Cancel,
    /// Enter in a prompt: keep the filter, or jump to the selected hit.
    Confirm,
    Type(char),
    Backspace,
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel over the cell (col, row); negative delta scrolls up.
    Scroll {
        col: u16,
        row: u16,
        delta: i32,
    },
    Click {
        col: u16,
        row: u16,
    },
    /// Space: the selected article reviewed (again: back to read).
    ToggleReviewed,
    /// The quote under the cursor, or else the article, flagged (again: unflagged).
    ToggleFlag,
    EditTags,
    /// Correct the speaker of the quote under the cursor.
    EditSpeaker,
    EditNote,
    SetVerdict(Verdict),
    ClearVerdict,
    Undo,
    /// Step through every quote without a verdict.
    StartReviewRun,
    /// Skip to the next quote in a review run.
    Skip,
    StartExport,
    /// Ctrl-s in the note editor.
    Save,
    /// Enter in the note editor: a new line (or save, on an empty last line).
    Newline,
    /// Articles listable before the corpus is analysed (a large corpus opened for the
    /// first time): appended to the list.
    Preview(Vec<crate::analysis::Article>),
    /// The corpus is analysed: it replaces the previews; with what went wrong loading, if
    /// anything, for the status line.
    Loaded(Box<crate::analysis::Corpus>, Option<String>),
    /// A worker finished ranking `query`; dropped when the query changed since.
    Ranked {
        generation: u64,
        target: RankTarget,
        answer: Answer,
    },
}
