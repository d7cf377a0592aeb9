//! Accuracy against the hand-made gold annotations: the bars the core issue names. Each test
//! prints every figure (run with `--nocapture` to see them) and fails below its bar.
#![allow(clippy::unwrap_used)]

mod support;

use support::gold::{score, Figures};

fn assert_at_least(figures: &Figures, bars: &[(&str, f64)]) {
    let short: Vec<String> = bars
        .iter()
        .filter(|(name, bar)| figures.get(name) < *bar)
        .map(|(name, bar)| format!("{name} {:.3} < {bar}", figures.get(name)))
        .collect();
    assert!(
        short.is_empty(),
        "below the bar: {}\n{figures}",
        short.join("; ")
    );
}

#[test]
fn seeds_meet_the_gold_bars() {
    let corpus = support::seeds_corpus();
    let root = support::root();
    let figures = score(
        &root.join("tests/fixtures/seeds-gold.json"),
        &corpus,
        &root.join("seeds"),
    );
    println!("seeds:\n{figures}");
    assert_at_least(
        &figures,
        &[
            ("direct_recall", 1.0),
            ("direct_precision", 0.95),
            ("direct_speaker_acc", 0.9),
            ("reported_recall", 0.9),
            ("title_acc", 1.0),
            ("date_acc", 1.0),
            ("source_acc", 1.0),
            ("boilerplate_removed", 1.0),
            ("entity_typed_recall", 0.9),
            ("entity_typed_precision", 0.85),
            ("alias_pair_f1", 0.9),
        ],
    );
}

/// Real articles nobody tuned for, at the bars.
#[test]
fn wikinews_dev_generalises() {
    let root = support::root();
    let dir = root.join("tests/fixtures/wikinews/articles");
    let corpus = support::corpus_of(&dir);
    let figures = score(
        &root.join("tests/fixtures/wikinews/dev.json"),
        &corpus,
        &dir,
    );
    println!("wikinews dev:\n{figures}");
    assert_at_least(
        &figures,
        &[
            ("direct_recall", 0.97),
            ("direct_precision", 0.95),
            ("direct_speaker_acc", 0.9),
            // The bar is 0.5; held at what the analysis reaches, so a change that
            // loses reported speech fails here.
            ("reported_recall", 0.86),
            ("reported_precision", 0.95),
            // No bar in the issue; held near what attribution reaches (0.86).
            ("reported_speaker_acc", 0.84),
            ("entity_typed_recall", 0.8),
            ("entity_typed_precision", 0.8),
            // No bar in the issue; held near what linking reaches (0.89).
            ("alias_pair_f1", 0.87),
        ],
    );
}
