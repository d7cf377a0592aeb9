//! Analysis never panics and keeps its promises on arbitrary text: spans inside the text on
//! character boundaries, quotes and entities ordered, cleaning idempotent.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use proptest::prelude::*;
use quire::analysis::analyse;
use quire::corpus::clean::clean;
use quire::corpus::Document;

/// Text built from the pieces that stress the analysis: quote marks of every kind, brackets,
/// names, speech verbs, sentence ends, paragraph breaks, Arabic, no-break spaces.
fn article_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "(",
        ")",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "said",
        "told",
        "on",
        "Friday",
        "reporters",
        "his",
        "underlined",
        "can't",
        "that",
        "he",
        "stressing",
        "According to",
        "Al-Kazemi",
        "Iran",
        "Prime Minister",
        "the",
        "The",
        "US",
        "ISIS",
        "Kadhimi",
        "Iranian",
        "PMU",
        "x",
        "Zq",
        "الكاظمي",
        "\u{a0}",
        "’s",
        "é",
        "—",
        "-",
        "2020-07-22",
        "July 22, 2020",
        "SHARE THIS ARTICLE",
        "class = “cf”>",
        "Mr",
        "Sydney",
        "George",
        "W",
        "Bush",
        "to",
        "and",
        "boss",
        "firm",
        "shares",
        "Open",
        "Yeah",
        "TV",
        "MPs",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check(text: String) {
    let corpus = analyse(vec![Document {
        id: "x".into(),
        path: PathBuf::from("x.txt"),
        raw: text,
        record: Default::default(),
    }]);
    for article in &corpus.articles {
        let text = &article.text;
        let mut last = 0;
        for m in &article.entities {
            assert!(m.start() < m.end() && m.end() <= text.len());
            assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            assert!(m.start() >= last, "entities overlap or are out of order");
            last = m.end();
            assert!(m.entity() < corpus.entities.len());
        }
        let mut previous = 0;
        for q in &article.quotes {
            assert!(q.start < q.end && q.end <= text.len());
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            assert!(q.start >= previous, "quotes out of order");
            previous = q.start;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn analysis_never_panics_and_spans_are_well_formed(text in article_text()) {
        check(text);
    }

    #[test]
    fn analysis_survives_any_unicode(text in "\\PC{0,300}") {
        check(text);
    }

    #[test]
    fn cleaning_is_idempotent(text in article_text()) {
        let once = clean(&text).text;
        prop_assert_eq!(clean(&once).text, once.clone());
    }
}

/// Inputs that once panicked (found by proptest and on the BBC corpus); each stays a test.
#[test]
fn regressions_that_once_panicked() {
    for text in [
        "\"‘“",               // unclosed marks at the end
        "\"🌀",               // a multi-byte char after a mark
        "According to«said,", // a name past the sentence's end
        "Iran-Iraq ties. \"x\" he said 'lose patience' the Bank of England", // overlapping mentions
    ] {
        check(text.to_string());
    }
}

#[test]
fn a_million_paragraph_article_is_analysed() {
    let text = "Short line here.\n\n".repeat(1_000_000);
    let corpus = analyse(vec![Document {
        id: "million".into(),
        path: PathBuf::from("million.txt"),
        raw: text,
        record: Default::default(),
    }]);
    assert_eq!(
        corpus.articles[0].paragraphs.len(),
        1,
        "repeated lines are debris after the first"
    );
}
