//! Everything about getting articles from disk into clean text: loading, cleaning, metadata and
//! text hygiene. No analysis of quotes or entities happens here.

pub mod clean;
pub mod formats;
pub mod load;
pub mod meta;
pub mod text;

pub use load::{
    has_files, list_files, load_files, load_paths, seeds, Document, LoadOptions, LoadWarning,
    Loaded,
};
