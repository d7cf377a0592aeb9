//! quire: a terminal reader for news articles. The library holds everything; `main.rs` only
//! turns arguments into a call of [`cli::run`]. Dependencies point one way:
//! `cli`, `tui` → `search` → `analysis` → `corpus`.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod review;
pub mod search;
pub mod tui;
