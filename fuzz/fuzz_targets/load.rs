//! Loading arbitrary bytes from a file: never panics, and either gives a document or a warning.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("quire-fuzz-load-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.txt");
    if std::fs::write(&path, data).is_ok() {
        let _ = quire::corpus::load::read_document(&path, &quire::corpus::LoadOptions::default());
    }
});
