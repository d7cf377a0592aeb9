//! Every keystroke at scale: a corpus of 100,000 articles (the seeds' analyses, cloned with
//! ids and titles of their own, about 1.3 million quotes), in a 160x50 terminal. Each sample
//! is what one key costs the UI thread: `update` plus drawing the frame. Ranking runs on the
//! worker; its cost at this scale is measured separately (the filter over 100k titles).
//! Prints the p99 of each keystroke kind besides criterion's figures.
//!
//! Run: `cargo bench --bench keystroke`

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/app.rs"]
mod app;
use app::sized_app;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use quire::analysis::{analyse, Corpus};
use quire::corpus::seeds;
use quire::tui::action::{Action, RankTarget};
use quire::tui::app::App;
use quire::tui::theme::Theme;
use quire::tui::update::update;
use quire::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const ARTICLES: usize = 100_000;

fn big_app() -> App {
    let seeds = analyse(seeds().documents);
    let mut articles = Vec::with_capacity(ARTICLES);
    for i in 0..ARTICLES {
        let mut article = seeds.articles[i % seeds.articles.len()].clone();
        article.id = format!("{i:06}_{}", article.id);
        article.title = Some(format!("{} (report {i})", article.display_title()));
        articles.push(article);
    }
    let corpus = Corpus {
        articles,
        entities: seeds.entities,
        ..Corpus::default()
    };
    sized_app(corpus)
}

/// Times `keys` (each: update, then draw), cycling, and prints the p99.
fn keystrokes(c: &mut Criterion, name: &str, app: &mut App, keys: &[Action]) {
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test backend");
    let mut times = Vec::new();
    let mut k = 0;
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                update(app, keys[k % keys.len()].clone());
                terminal
                    .draw(|frame| view::draw(frame, app, &theme))
                    .expect("draw");
                let took = start.elapsed();
                times.push(took);
                total += took;
                k += 1;
            }
            total
        })
    });
    times.sort_unstable();
    let p99 = times[times.len() * 99 / 100];
    eprintln!("{name}: p99 {p99:?} over {} keys", times.len());
}

fn bench_keystrokes(c: &mut Criterion) {
    let mut app = big_app();
    // The list: down and up through it, a page at a time too.
    keystrokes(
        c,
        "keystroke_100k/list",
        &mut app,
        &[Action::Down, Action::Down, Action::PageDown, Action::Up],
    );
    // The article pane: scroll and step through quotes.
    update(&mut app, Action::ToggleFocus);
    keystrokes(
        c,
        "keystroke_100k/article",
        &mut app,
        &[
            Action::Down,
            Action::NextQuote,
            Action::PageDown,
            Action::Up,
        ],
    );
    update(&mut app, Action::ToggleFocus);
    // Typing in the filter: the key and its frame (ranking is the worker's).
    update(&mut app, Action::StartFilter);
    keystrokes(
        c,
        "keystroke_100k/filter_typing",
        &mut app,
        &[
            Action::Type('k'),
            Action::Type('a'),
            Action::Backspace,
            Action::Backspace,
        ],
    );
    update(&mut app, Action::Cancel);
    // Typing in quote search over 1.3M quotes.
    update(&mut app, Action::StartQuoteSearch);
    keystrokes(
        c,
        "keystroke_100k/quote_search_typing",
        &mut app,
        &[
            Action::Type('i'),
            Action::Type('r'),
            Action::Backspace,
            Action::Backspace,
        ],
    );
    update(&mut app, Action::Cancel);

    // The worker's side of a filter keystroke: every title, source, date and name.
    let index = app.index.clone();
    let mut group = c.benchmark_group("rank_100k");
    group.sample_size(10);
    group.bench_function("filter_articles/kad", |b| {
        b.iter(|| index.rank(RankTarget::Articles, "kad"))
    });
    group.bench_function("quotes_1.3M/iran border", |b| {
        b.iter(|| index.rank(RankTarget::Quotes, "iran border"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench_keystrokes
}
criterion_main!(benches);
