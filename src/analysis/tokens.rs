//! Words and sentences of a text, as byte spans. Every other analysis step reads these
//! instead of re-scanning characters. Linear in the text's length.

use std::ops::Range;

/// One word: letters and digits, with inner hyphens and apostrophes (`al-Kadhimi`, `Iraq’s`)
/// and the dots of abbreviations (`U.S.`, `Dr.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// True for the first word of its sentence.
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Words a dot follows without ending a sentence ("Dr.", "Inc.").
pub(crate) const ABBREVIATIONS: [&str; 22] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Col", "Capt", "Lt", "Sgt", "Prof",
    "Jr", "Sr", "No", "Inc", "Ltd", "Co", "vs", "Mt",
];

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '’' | '\'' | '.' | '‐' | '&')
}

/// The character at byte `at` (a character boundary). Most news text is ASCII, which is
/// read without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> char {
    let byte = text.as_bytes()[at];
    if byte < 0x80 {
        byte as char
    } else {
        text[at..].chars().next().unwrap_or('\0')
    }
}

/// Letters and digits, settled without Unicode's tables for the characters news text is made
/// of: ASCII, and the General Punctuation block (curly quotes, dashes, ellipses: U+2000 to
/// U+206F, none a letter or digit), which otherwise took the slow table lookup at every quote
/// mark of every article.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text` into words, marking sentence starts. Paragraph breaks (blank lines) always
/// start a sentence. One pass over the bytes, decoding only non-ASCII characters.
pub fn tokenize(text: &str) -> Vec<Token> {
    let n = text.len();
    let mut tokens = Vec::with_capacity(n / 6);
    let mut i = 0;
    let mut next_starts_sentence = true;
    let bytes = text.as_bytes();
    while i < n {
        // Spaces and most punctuation: nothing to do.
        let byte = bytes[i];
        if byte < 0x80
            && !byte.is_ascii_alphanumeric()
            && !matches!(byte, b'\n' | b'.' | b'!' | b'?')
        {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        if is_word_char(c) {
            let start = i;
            let mut j = i + c.len_utf8();
            while j < n {
                let byte = bytes[j];
                if byte.is_ascii_alphanumeric() {
                    j += ascii_alphanumeric_run(&bytes[j..]);
                    continue;
                }
                // Most words end at a space or a comma: no joiner, nothing to decode.
                if byte < 0x80 && !matches!(byte, b'-' | b'\'' | b'.' | b'&') {
                    break;
                }
                let d = char_at(text, j);
                let after = j + d.len_utf8();
                if is_word_char(d) {
                    j = after;
                } else if is_inner_joiner(d) && after < n && is_word_char(char_at(text, after)) {
                    let e = char_at(text, after);
                    // A dot joins only single letters (U.S.A), not "continues.He".
                    if d == '.' && !(is_initial_chain(&text[start..j]) && e.is_uppercase()) {
                        break;
                    }
                    j = after + e.len_utf8();
                } else {
                    break;
                }
            }
            let mut end = j;
            let word = &text[start..end];
            // Keep the dot of "U.S." and "Dr." as part of the word, and of a middle initial
            // ("George W. Bush": the dot ends no sentence).
            let mut ends_sentence = false;
            if j < n
                && text.as_bytes()[j] == b'.'
                && (word.contains('.')
                    || ABBREVIATIONS.contains(&word) && (word != "No" || numbered(&text[j..]))
                    || is_middle_initial(text, &tokens, start, word))
            {
                end += 1;
                j += 1;
                // The dot ends the sentence too when the next word can only open one:
                // "Washington, D.C. It is long past time".
                ends_sentence = opens_sentences_only(&text[j..]);
            }
            tokens.push(Token {
                start,
                end,
                sentence_start: next_starts_sentence,
            });
            next_starts_sentence = ends_sentence;
            i = j;
            continue;
        }
        if c == '\n' && i + 1 < n && text.as_bytes()[i + 1] == b'\n' {
            next_starts_sentence = true;
        } else if matches!(c, '.' | '!' | '?' | '؟') {
            // A sentence ends when the next visible character starts one: a capital letter,
            // an opening quote or the end of the paragraph.
            let mut k = i + c.len_utf8();
            while k < n && matches!(char_at(text, k), '"' | '”' | '’' | ')' | '\'' | '»') {
                k += char_at(text, k).len_utf8();
            }
            let mut l = k;
            while l < n && matches!(char_at(text, l), ' ' | '\u{a0}') {
                l += char_at(text, l).len_utf8();
            }
            if l >= n || {
                let next = char_at(text, l);
                next == '\n' || next.is_uppercase() || matches!(next, '"' | '“' | '‘' | '«' | '(')
            } {
                next_starts_sentence = true;
            }
        }
        i += c.len_utf8();
    }
    tokens
}

/// The length of the run of ASCII letters and digits `bytes` starts with, read eight bytes at a
/// time: byte-by-byte, the end of every word was a mispredicted branch.
#[inline]
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..run + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // For an ASCII byte b, `(b | 0x80) - lo` keeps its high bit exactly when b >= lo, and
        // no lane borrows from the next. Letters fold to lower case by setting bit 5.
        let at_least = |x: u64, lo: u8| (x | HIGH).wrapping_sub(ONES * lo as u64);
        let between = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
        let folded = x | (ONES * 0x20);
        let alphanumeric = (between(x, b'0', b'9') | between(folded, b'a', b'z')) & !x & HIGH;
        let other = !alphanumeric & HIGH;
        if other != 0 {
            return run + (other.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// A single capital letter between a first name and a word that is no ordinary word:
/// "W" in "George W. Bush" (not "World War I. But", "Plan B. The").
fn is_middle_initial(text: &str, tokens: &[Token], start: usize, word: &str) -> bool {
    let single_capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    if !single_capital {
        return false;
    }
    let g = super::gazetteer::gazetteer();
    let after_first_name = tokens.last().is_some_and(|previous| {
        text[previous.end..start] == *" " && g.is_first_name(&text[previous.start..previous.end])
    });
    let rest = text[start + 2..].trim_start_matches(' ');
    let next = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    // An ordinary word opens the next sentence; one that is also a name may go on this one
    // ("Bush", "Grant").
    let ordinary = g.is_common_word(next) && g.type_of(next).is_none() && !g.is_first_name(next);
    after_first_name && next.starts_with(char::is_uppercase) && !ordinary
}

/// A number follows the dot: "No. 10" (but "No. We" is the word no).
fn numbered(rest: &str) -> bool {
    rest[1..]
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The text goes on with a word that opens a sentence and never follows an abbreviation
/// inside one ("It", "The", "But"): "in the U.S. The company said". (Not a title or a name:
/// "U.S. President", "Dr. Smith".)
fn opens_sentences_only(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let word = &rest[..rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len())];
    matches!(
        word,
        "The"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "But"
            | "However"
            | "There"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "When"
            | "While"
            | "If"
    ) && rest[word.len()..].starts_with([' ', ','])
}

/// "U" or "U.S" so far: single letters separated by dots.
fn is_initial_chain(word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| {
        if k % 2 == 0 {
            c.is_uppercase()
        } else {
            c == '.'
        }
    })
}

/// Sentence spans over `text`, derived from the tokens' sentence starts.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = tokens
        .iter()
        .filter(|t| t.sentence_start)
        .map(|t| t.start)
        .collect();
    if starts.is_empty() {
        return Vec::new();
    }
    // A sentence begins at its opening quote mark, if it has one.
    for start in &mut starts {
        let before = &text[..*start];
        if let Some(c) = before.chars().next_back() {
            if matches!(c, '"' | '“' | '‘' | '«' | '(') {
                *start -= c.len_utf8();
            }
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let end = start + text[start..end].trim_end().len();
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn names_keep_their_hyphens_apostrophes_and_abbreviation_dots() {
        assert_eq!(
            words("Al-Kazemi met Iraq’s U.S. envoy, Dr. Who."),
            ["Al-Kazemi", "met", "Iraq’s", "U.S.", "envoy", "Dr.", "Who"]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_word_that_opens_one() {
        let text = "He works in Washington, D.C. It is long past time. No. We will see No. 10 \
                    and the U.S. President.";
        let tokens = tokenize(text);
        let word = |w: &str| *tokens.iter().find(|t| t.text(text) == w).unwrap();
        assert_eq!(word("D.C.").text(text), "D.C.");
        assert!(word("It").sentence_start);
        assert!(
            word("We").sentence_start,
            "'No.' before a word is the word no"
        );
        assert!(tokens
            .iter()
            .any(|t| t.text(text) == "No." && !t.sentence_start));
        assert!(!word("President").sentence_start);
    }

    #[test]
    fn a_middle_initial_ends_no_sentence() {
        let text = "President George W. Bush spoke of vitamin C. Then he left.";
        let tokens = tokenize(text);
        let word = |w: &str| *tokens.iter().find(|t| t.text(text) == w).unwrap();
        assert!(!word("Bush").sentence_start);
        assert_eq!(word("W.").text(text), "W.");
        assert!(word("Then").sentence_start);
    }

    #[test]
    fn run_together_sentences_still_split() {
        let text = "forward-looking.He said: \"yes\"";
        let tokens = tokenize(text);
        let he = tokens.iter().find(|t| t.text(text) == "He").unwrap();
        assert!(he.sentence_start);
    }

    #[test]
    fn sentences_cover_paragraphs() {
        let text = "One two. Three four!\n\nFive.";
        let tokens = tokenize(text);
        let spans: Vec<&str> = sentences(text, &tokens)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(spans, ["One two.", "Three four!", "Five."]);
    }

    /// The shortcut for ASCII and punctuation agrees with Unicode on every character.
    #[test]
    fn word_characters_are_unicode_letters_and_digits() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The eight-bytes-at-a-time scan agrees with a plain one on every byte value, at every
    /// position of a chunk.
    #[test]
    fn alphanumeric_runs_end_where_a_plain_scan_ends() {
        for stop in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'a'; 12];
                bytes[at] = stop;
                bytes[(at + 3) % 12] = b'Z';
                bytes[(at + 5) % 12] = b'7';
                let plain = bytes
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alphanumeric_run(&bytes), plain, "{stop} at {at}");
            }
        }
    }
}
