//! A fixed list of words asked "is this word in it?" once per word of every article. A plain
//! `[&str]::contains` compares against every entry; this rejects almost every other word with
//! one bit test (its length and first byte) before comparing against the entries.

/// A constant set of short words (each under 64 bytes).
pub struct WordSet {
    words: &'static [&'static str],
    /// Bit `b % 64` of `shapes[n]` is set when some entry is `n` bytes long and starts with
    /// byte `b`.
    shapes: [u64; 64],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut shapes = [0u64; 64];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            assert!(
                !bytes.is_empty() && bytes.len() < 64,
                "a word of 1 to 63 bytes"
            );
            shapes[bytes.len()] |= 1 << (bytes[0] % 64);
            i += 1;
        }
        Self { words, shapes }
    }

    /// True when `word` is one of the set's words (exactly, case included).
    #[inline]
    pub fn contains(&self, word: &&str) -> bool {
        let bytes = word.as_bytes();
        if bytes.is_empty()
            || bytes.len() >= 64
            || self.shapes[bytes.len()] >> (bytes[0] % 64) & 1 == 0
        {
            return false;
        }
        self.words.iter().any(|w| w.as_bytes() == bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: WordSet = WordSet::new(&["Council", "of", "Über", "&"]);

    #[test]
    fn finds_exactly_its_words() {
        for word in ["Council", "of", "Über", "&"] {
            assert!(SET.contains(&word), "{word}");
        }
        for word in [
            "council", "Councils", "off", "o", "", "Übel", "Ünder", "&&", "Counci",
        ] {
            assert!(!SET.contains(&word), "{word}");
        }
    }
}
