//! Cleaning arbitrary text: never panics, paragraphs lie inside the text, and cleaning the
//! cleaned text changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = quire::corpus::text::neutralize(&String::from_utf8_lossy(data));
    let cleaned = quire::corpus::clean::clean(&text);
    for p in &cleaned.paragraphs {
        assert!(p.end <= cleaned.text.len() && cleaned.text.is_char_boundary(p.start));
    }
    assert_eq!(
        quire::corpus::clean::clean(&cleaned.text).text,
        cleaned.text
    );
});
