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
pub struct CharIndex {
    /// `char_at_byte[i]` is the number of characters before byte `i` (for `i` on a boundary).
    char_at_byte: Vec<u32>,
}

impl CharIndex {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> Self {
        let mut char_at_byte = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        for (byte, c) in text.char_indices() {
            for slot in &mut char_at_byte[byte..byte + c.len_utf8()] {
                *slot = count;
            }
            count += 1;
        }
        char_at_byte[text.len()] = count;
        Self { char_at_byte }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        self.char_at_byte[byte.min(self.char_at_byte.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_never_survive() {
        let hostile = "a\u{1b}[2Jb\u{1b}]52;c;aGVsbG8=\u{7}c\u{1b}]0;title\u{1b}\\d\u{0}e\u{202e}f";
        assert_eq!(neutralize(hostile), "abcdef");
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
    }
}
