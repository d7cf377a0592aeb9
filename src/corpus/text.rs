//! Text hygiene shared by every part of quire: neutralising control characters and escape
//! sequences before anything can print them, and telling a paragraph's reading direction.
//! Nothing here reads files or knows about articles.

/// Removes what must never reach a terminal: ANSI/OSC escape sequences (cursor movement, title
/// changes, OSC 52 clipboard writes), C0/C1 control characters other than newline and tab, and
/// bidi override/isolate characters that could reorder what the user sees. Carriage returns
/// become newlines so CRLF files look like LF files. Everything else is kept as it is.
pub fn neutralize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            // C1 CSI/OSC introducers start sequences of their own.
            '\u{9b}' => skip_until_final_byte(&mut chars),
            '\u{9d}' => skip_until_string_terminator(&mut chars),
            c if c.is_control() => {}
            c if is_bidi_control(c) => {}
            '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`neutralize`] for a text the caller owns: most texts hold nothing to remove, and are
/// returned as they are after one scan of their bytes, without a copy.
pub fn neutralized(input: String) -> String {
    if needs_neutralizing(input.as_bytes()) {
        neutralize(&input)
    } else {
        input
    }
}

/// True when `text` holds a byte [`neutralize`] would act on: a C0 control other than newline
/// and tab, DEL, a C1 control (UTF-8 `C2 80..9F`), a bidi override or isolate (`E2 80 AA..AE`,
/// `E2 81 A6..A9`) or a byte-order mark (`EF BB BF`).
fn needs_neutralizing(text: &[u8]) -> bool {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < text.len() {
        // Eight printable ASCII bytes at a time (0x20..=0x7e: no control, no DEL, no high bit).
        if let Some(chunk) = text.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let below_space = word.wrapping_sub(0x2020_2020_2020_2020) & !word;
            let del_or_high = word.wrapping_add(0x0101_0101_0101_0101) | word;
            if (below_space | del_or_high) & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        let byte = text[i];
        let hit = match byte {
            b'\n' | b'\t' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
            0xe2 => {
                at(i + 1) == 0x80 && (0xaa..=0xae).contains(&at(i + 2))
                    || at(i + 1) == 0x81 && (0xa6..=0xa9).contains(&at(i + 2))
            }
            0xef => at(i + 1) == 0xbb && at(i + 2) == 0xbf,
            _ => false,
        };
        if hit {
            return true;
        }
        i += 1;
    }
    false
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_until_final_byte(chars);
        }
        Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => {
            chars.next();
            skip_until_string_terminator(chars);
        }
        Some(_) => {
            chars.next(); // a two-character escape such as ESC c (reset)
        }
        None => {}
    }
}

/// CSI sequences end at a byte in 0x40..=0x7e; give up at a newline so a broken sequence
/// cannot swallow the rest of the article.
fn skip_until_final_byte(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return;
        }
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
    }
}

/// OSC/DCS strings end at BEL or ESC \ (or, defensively, at a newline).
fn skip_until_string_terminator(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return;
        }
        chars.next();
        if c == '\u{7}' || c == '\u{9c}' {
            return;
        }
        if c == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            return;
        }
    }
}

/// True when the paragraph's first strong character is right-to-left (Arabic, Hebrew, Syriac,
/// Thaana, N'Ko), the rule of the Unicode bidi algorithm (P2) for a paragraph's direction.
pub fn is_rtl(paragraph: &str) -> bool {
    for c in paragraph.chars() {
        if is_rtl_char(c) {
            return true;
        }
        if c.is_alphabetic() {
            return false;
        }
    }
    false
}

fn is_rtl_char(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// Byte offset → character offset table for one text, built once so that converting every
/// span of an article stays linear.
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// The number of characters before each block of [`BLOCK`] bytes, and before the end.
    before_block: Vec<u32>,
}

/// Bytes per block of [`CharIndex`]: a lookup counts at most this many bytes; the table takes
/// a sixteenth of the text's size (was four times it, one entry a byte).
const BLOCK: usize = 64;

/// Not a UTF-8 continuation byte (`10xxxxxx`): a character starts here.
fn starts_char(byte: &u8) -> bool {
    (*byte as i8) >= -0x40
}

impl<'a> CharIndex<'a> {
    /// Builds the table for `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut before_block = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut count = 0u32;
        for block in bytes.chunks(BLOCK) {
            before_block.push(count);
            count += block.iter().filter(|b| starts_char(b)).count() as u32;
        }
        before_block.push(count);
        Self {
            text: bytes,
            before_block,
        }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / BLOCK;
        let within = self.text[block * BLOCK..byte]
            .iter()
            .filter(|b| starts_char(b))
            .count();
        self.before_block[block] as usize + within
    }
}

/// An offset or index held in 32 bits, where millions of them are kept (mentions, index
/// fields): one past `u32::MAX` (texts over 4 GiB, which the loader refuses) saturates.
pub fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_never_survive() {
        let hostile = "a\u{1b}[2Jb\u{1b}]52;c;aGVsbG8=\u{7}c\u{1b}]0;title\u{1b}\\d\u{0}e\u{202e}f";
        assert_eq!(neutralize(hostile), "abcdef");
    }

    /// The fast path agrees with the full scan on every kind of character it must catch, and
    /// on ordinary non-ASCII text (no-break spaces, curly quotes, accents, Arabic).
    #[test]
    fn an_owned_text_is_neutralised_alike_and_kept_when_clean() {
        let texts = [
            "plain text\nwith lines\tand tabs",
            "no\u{a0}break “curly” ‘quotes’ — café Erdoğan الكاظمي £5 ©",
            "a\u{1b}[2Jb",
            "next\u{85}line",
            "csi\u{9b}31mred",
            "bidi\u{202e}rev\u{2066}iso\u{2069}",
            "\u{feff}bom",
            "del\u{7f}ete",
            "cr\r\nlf",
            "ends with \u{e2}",
        ];
        for text in texts {
            assert_eq!(neutralized(text.to_string()), neutralize(text), "{text:?}");
        }
        let clean = "no\u{a0}break “curly” café".to_string();
        let pointer = clean.as_ptr();
        let kept = neutralized(clean);
        assert_eq!(kept.as_ptr(), pointer, "kept, not copied");
    }

    #[test]
    fn crlf_becomes_lf_and_text_is_kept() {
        assert_eq!(neutralize("one\r\ntwo\rthree “ok”"), "one\ntwo\nthree “ok”");
    }

    #[test]
    fn arabic_paragraph_is_rtl_and_english_is_not() {
        assert!(is_rtl("الكاظمي يعود من طهران"));
        assert!(!is_rtl("Al-Kazemi returns"));
        // Digits are weak: the first strong character decides.
        assert!(is_rtl("2020: الكاظمي"));
    }

    #[test]
    fn char_index_counts_multibyte_characters() {
        let text = "a“b”c";
        let index = CharIndex::new(text);
        assert_eq!(index.char_offset(text.find('c').unwrap()), 4);
        // Every boundary of a text spanning many blocks, ASCII and not.
        let text = "Al-Kazemi “said” الكاظمي يعود — é ".repeat(20);
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars, "byte {byte}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }
}
