//! A fixed list of words asked "is this word in it?" once per word of every article. A plain
//! `[&str]::contains` compares against every entry; this rejects almost every other word with
//! one bit test (its length and first byte) before comparing against the entries.

/// Which (length, first byte) pairs the words of a set have: one bit test tells that most other
/// words are not in it. Words of 64 bytes or more are not recorded, and always may be.
#[derive(Clone, Copy)]
pub struct Shapes([u64; 64]);

impl Shapes {
    pub const NONE: Shapes = Shapes([0; 64]);

    /// These shapes and `word`'s.
    pub const fn with(mut self, word: &[u8]) -> Self {
        if !word.is_empty() && word.len() < 64 {
            self.0[word.len()] |= 1 << (word[0] % 64);
        }
        self
    }

    /// `word` may be one of the set's words (it is not, when this is false).
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        self.may_hold_with(word, |first| first)
    }

    /// `word` may be held, its first byte read through `first` (as recorded).
    #[inline]
    fn may_hold_with(&self, word: &[u8], first: impl Fn(u8) -> u8) -> bool {
        match word.first() {
            None => false,
            Some(&byte) if word.len() < 64 => self.0[word.len()] >> (first(byte) % 64) & 1 == 1,
            Some(_) => true,
        }
    }

    /// These shapes and `word`'s, its first letter in lower case (for [`Self::may_hold_folded`]).
    pub fn with_folded(mut self, word: &[u8]) -> Self {
        if let Some(&first) = word.first().filter(|_| word.len() < 64) {
            self.0[word.len()] |= 1 << (first.to_ascii_lowercase() % 64);
        }
        self
    }

    /// Like [`Self::may_hold`], whatever the case of `word`'s first ASCII letter, for shapes
    /// built with [`Self::with_folded`].
    #[inline]
    pub fn may_hold_folded(&self, word: &[u8]) -> bool {
        self.may_hold_with(word, |first| first.to_ascii_lowercase())
    }
}

/// A constant set of short words (each under 64 bytes).
pub struct WordSet {
    words: &'static [&'static str],
    shapes: Shapes,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut shapes = Shapes::NONE;
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            assert!(
                !bytes.is_empty() && bytes.len() < 64,
                "a word of 1 to 63 bytes"
            );
            shapes = shapes.with(bytes);
            i += 1;
        }
        Self { words, shapes }
    }

    /// True when `word` is one of the set's words (exactly, case included).
    #[inline]
    pub fn contains(&self, word: &&str) -> bool {
        let bytes = word.as_bytes();
        // Compared from the last byte: entries of one length often share their first.
        self.shapes.may_hold(bytes)
            && self.words.iter().any(|w| {
                let w = w.as_bytes();
                w.len() == bytes.len() && w.last() == bytes.last() && w == bytes
            })
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
            "council", "Councils", "Cauncil", "if", "off", "o", "", "Übel", "Ünder", "&&", "Counci",
        ] {
            assert!(!SET.contains(&word), "{word}");
        }
    }
}
