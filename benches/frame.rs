//! Drawing: one frame of a long article (about 1 MB of text) already laid out, and laying it
//! out for a new width (done once per width, never per frame).
//!
//! Run: `cargo bench --bench frame`

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/app.rs"]
mod app;
use app::sized_app;
use criterion::{criterion_group, criterion_main, Criterion};
use quire::analysis::analyse;
use quire::corpus::{seeds, Document};
use quire::tui::action::Action;
use quire::tui::app::App;
use quire::tui::theme::Theme;
use quire::tui::update::update;
use quire::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn long_article() -> App {
    // The seeds' bodies, repeated with a counter so no paragraph is a repeat: ~1 MB.
    let bodies: Vec<String> = seeds().documents.into_iter().map(|d| d.raw).collect();
    let mut raw = String::from("A long article\n\n");
    let mut i = 0;
    while raw.len() < 1_000_000 {
        for line in bodies[i % bodies.len()]
            .lines()
            .filter(|l| l.split_whitespace().count() > 8)
        {
            raw.push_str(&format!("{line} (part {i})\n\n"));
        }
        i += 1;
    }
    let corpus = analyse(vec![Document {
        id: "long".into(),
        path: "long.txt".into(),
        raw,
        record: Default::default(),
    }]);
    sized_app(corpus)
}

fn bench_frame(c: &mut Criterion) {
    let mut app = long_article();
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test backend");
    c.bench_function("frame/long_article_1MB", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view::draw(frame, &app, &theme))
                .expect("draw");
        })
    });
    let mut width = 120;
    c.bench_function("layout/long_article_1MB_new_width", |b| {
        b.iter(|| {
            width = if width == 120 { 121 } else { 120 };
            update(&mut app, Action::Resize { width, height: 50 })
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_frame
}
criterion_main!(benches);
