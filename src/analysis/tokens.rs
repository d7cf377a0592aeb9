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

const ABBREVIATIONS: [&str; 22] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Col", "Capt", "Lt", "Sgt", "Prof",
    "Jr", "Sr", "No", "Inc", "Ltd", "Co", "vs", "Mt",
];

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '’' | '\'' | '.' | '‐' | '&')
}

/// Splits `text` into words, marking sentence starts. Paragraph breaks (blank lines) always
/// start a sentence.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut next_starts_sentence = true;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let start = at;
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                if d.is_alphanumeric() {
                    j += 1;
                } else if is_inner_joiner(d)
                    && j + 1 < chars.len()
                    && chars[j + 1].1.is_alphanumeric()
                {
                    // A dot joins only single letters (U.S.A), not "continues.He".
                    if d == '.'
                        && !(is_initial_chain(&chars[i..j]) && chars[j + 1].1.is_uppercase())
                    {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            let mut end = if j < chars.len() {
                chars[j].0
            } else {
                text.len()
            };
            let word = &text[start..end];
            // Keep the dot of "U.S." and "Dr." as part of the word.
            if j < chars.len()
                && chars[j].1 == '.'
                && (word.contains('.') || ABBREVIATIONS.contains(&word))
            {
                end += 1;
                j += 1;
            }
            tokens.push(Token {
                start,
                end,
                sentence_start: next_starts_sentence,
            });
            next_starts_sentence = false;
            i = j;
            continue;
        }
        if c == '\n' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
            next_starts_sentence = true;
        } else if matches!(c, '.' | '!' | '?' | '؟') {
            // A sentence ends when the next visible character starts one: a capital letter,
            // an opening quote or the end of the paragraph.
            let mut k = i + 1;
            while k < chars.len() && matches!(chars[k].1, '"' | '”' | '’' | ')' | '\'' | '»') {
                k += 1;
            }
            let mut l = k;
            while l < chars.len() && chars[l].1 == ' ' || l < chars.len() && chars[l].1 == '\u{a0}'
            {
                l += 1;
            }
            if l >= chars.len()
                || chars[l].1 == '\n'
                || chars[l].1.is_uppercase()
                || matches!(chars[l].1, '"' | '“' | '‘' | '«' | '(')
            {
                next_starts_sentence = true;
            }
        }
        i += 1;
    }
    tokens
}

/// "U" or "U.S" so far: single letters separated by dots.
fn is_initial_chain(chars: &[(usize, char)]) -> bool {
    chars.iter().enumerate().all(|(k, (_, c))| {
        if k % 2 == 0 {
            c.is_uppercase()
        } else {
            *c == '.'
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
}
