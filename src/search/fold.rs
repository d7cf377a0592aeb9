//! Folding for search: lower case, accents and letter variants stripped, done once per string
//! at index time so that "Kazımi", "KAZIMI" and "kazimi" all find each other. A folded string
//! remembers, for each of its characters, the original character it came from, so highlight
//! positions found in the folded text map back onto the text the user sees.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded string and, when folding changed the character count or order, where each folded
/// character came from (an index into the original's characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `None` when folded character i came from original character i (the usual ASCII case),
    /// which saves a vector per string on a million quotes.
    origin: Option<Vec<u32>>,
}

impl Folded {
    /// Whether every folded character sits where its original did.
    pub fn is_identity(&self) -> bool {
        self.origin.is_none()
    }

    /// The original character index of folded character `index`.
    pub fn original_position(&self, index: usize) -> usize {
        match &self.origin {
            Some(origin) => origin.get(index).map_or(index, |&o| o as usize),
            None => index,
        }
    }

    /// Maps folded character positions onto original ones, sorted and without repeats (two
    /// folded characters may come from one original, as "ss" from "ß").
    pub fn original_positions(&self, positions: &[usize]) -> Vec<usize> {
        let mut mapped: Vec<usize> = positions
            .iter()
            .map(|&p| self.original_position(p))
            .collect();
        mapped.dedup();
        mapped
    }
}

/// Folds `text` (see the module comment). ASCII text takes a fast path: lower-cased byte by
/// byte, positions unchanged.
pub fn fold(text: &str) -> Folded {
    if text.is_ascii() {
        return Folded {
            text: text.to_ascii_lowercase(),
            origin: None,
        };
    }
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut identity = true;
    for (index, c) in text.chars().enumerate() {
        let before = origin.len();
        fold_char(c, &mut |f| {
            folded.push(f);
            origin.push(index as u32);
        });
        identity &= origin.len() == before + 1 && before == index;
    }
    Folded {
        text: folded,
        origin: (!identity).then_some(origin),
    }
}

/// Folds one query (same rules as the candidates, so that both sides meet).
pub fn fold_query(query: &str) -> String {
    fold(query.trim()).text
}

/// Emits the folded form of one character: nothing for a combining mark, one or more
/// lower-case base letters otherwise.
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    // Letters with no canonical decomposition that readers still type without the mark.
    let special: Option<&str> = match c {
        'ı' => Some("i"),
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'þ' | 'Þ' => Some("th"),
        // Typographic quotes and dashes fold to their ASCII forms.
        '‘' | '’' | 'ʼ' => Some("'"),
        '“' | '”' | '«' | '»' => Some("\""),
        '–' | '—' => Some("-"),
        _ => None,
    };
    if let Some(replacement) = special {
        replacement.chars().for_each(&mut *emit);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for lower in d.to_lowercase() {
                emit(lower);
            }
        }
    });
}

/// A 64-bit set of the characters in a folded string: one bit per ASCII letter and digit, the
/// rest hashed into the remaining bits. A candidate can only match a query whose set is a
/// subset of its own, so most candidates are rejected with one AND before any scoring.
pub fn char_mask(folded: &str) -> u64 {
    let mut mask = 0u64;
    for c in folded.chars() {
        mask |= char_bit(c);
    }
    mask
}

fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_whitespace() => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_fold_to_one_form() {
        for spelling in ["Kazımi", "KAZIMI", "kazimi", "Kazîmi", "KAZİMİ"] {
            assert_eq!(fold(spelling).text, "kazimi", "{spelling}");
        }
        assert_eq!(fold("Straße").text, "strasse");
        assert_eq!(fold("“Yes”").text, "\"yes\"");
    }

    #[test]
    fn positions_map_back_to_the_original_characters() {
        // "Straße" -> "strasse": folded 4 and 5 ("ss") both come from original 4 ("ß").
        let folded = fold("Straße");
        assert_eq!(folded.original_positions(&[3, 4, 5, 6]), [3, 4, 5]);
        // A decomposed accent (e + combining acute) folds to one character.
        let folded = fold("Cafe\u{301} noir");
        assert_eq!(folded.text, "cafe noir");
        assert_eq!(folded.original_position(5), 6);
        assert_eq!(fold("plain").original_position(3), 3);
    }

    #[test]
    fn the_mask_is_a_superset_test() {
        let candidate = char_mask(&fold("Prime Minister Kadhimi").text);
        assert_eq!(char_mask("kad") & !candidate, 0);
        assert_ne!(char_mask("kaz") & !candidate, 0);
    }
}
