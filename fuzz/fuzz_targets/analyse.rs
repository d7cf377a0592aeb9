//! Analysing arbitrary text: never panics, and every quote and entity span lies inside the
//! text on character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = quire::corpus::text::neutralize(&String::from_utf8_lossy(data));
    let corpus = quire::analysis::analyse(vec![quire::corpus::Document {
        id: "fuzz".into(),
        path: "fuzz.txt".into(),
        raw,
        record: Default::default(),
    }]);
    for article in &corpus.articles {
        let mut last = 0;
        for m in &article.entities {
            assert!(m.start >= last && m.start < m.end && m.end <= article.text.len());
            assert!(article.text.is_char_boundary(m.start) && article.text.is_char_boundary(m.end));
            last = m.end;
        }
        for q in &article.quotes {
            assert!(q.start < q.end && q.end <= article.text.len());
            assert!(article.text.is_char_boundary(q.start) && article.text.is_char_boundary(q.end));
        }
    }
});
