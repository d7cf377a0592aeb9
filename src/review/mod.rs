//! Review sessions: what a reviewer marked (article states, flags, verdicts, tags, notes,
//! speaker corrections), where they were, and how that is saved, anchored and exported.

pub mod anchor;
pub mod export;
pub mod model;
pub mod store;

pub use model::{ArticleState, Position, QuoteReview, Session, Verdict};
