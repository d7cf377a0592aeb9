//! An article's metadata read from its own text: the headline (or the lead sentence when there
//! is none), the publication date in ISO form, and the outlet when the text names it. Each is
//! `None` when the text does not support it; nothing is guessed from outside the article except
//! a date written in the file name (`2019-01-04_slug.txt`), a common scraper convention.

use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::clean::Cleaned;

/// Title, date and source of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Reads the metadata of an article from its cleaned text, its raw text and its path.
pub fn extract(cleaned: &Cleaned, raw: &str, path: &Path, is_place: &dyn Fn(&str) -> bool) -> Meta {
    // An outlet at the head of the article says most; then a folder named after an outlet;
    // a phrase in the body ("Press TV's website", "told (Reuters)") only when neither does
    // ("The WHO's website said" in a Wikinews article quotes another site).
    let source = lead_source(cleaned, is_place)
        .or_else(|| source_from_path(path))
        .or_else(|| body_source(raw));
    Meta {
        title: find_title(cleaned, source.as_deref()),
        date: date_from_path(path).or_else(|| find_date(raw)),
        source,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && (1..=31).contains(&day) && (1800..=2200).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn date_patterns() -> &'static [Regex; 3] {
    static CELL: OnceLock<[Regex; 3]> = OnceLock::new();
    CELL.get_or_init(|| {
        // ASCII word boundaries: with Unicode ones, the fast engines give up on any article
        // with a non-ASCII letter near a month name, and the slow one read a whole article
        // for every match (a twentieth of all analysis time on the 100k corpus).
        let b = r"(?-u:\b)";
        let month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        [
            Regex::new(&format!(r"{b}(\d{{4}})[-/](\d{{1,2}})[-/](\d{{1,2}})(?:{b}|T)")).expect("valid"),
            Regex::new(&format!(r"{b}{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){b}")).expect("valid"),
            Regex::new(&format!(r"{b}(\d{{1,2}})(?:st|nd|rd|th)?\s+{month},?\s+(\d{{4}}){b}")).expect("valid"),
        ]
    })
}

/// The earliest complete date written in the text, in any common form: `2021-06-05`,
/// `July 22, 2020`, `12 September 2021`. A date without a year is not a date here.
pub fn find_date(text: &str) -> Option<String> {
    let [iso_re, month_first, day_first] = date_patterns();
    let mut best: Option<(usize, String)> = None;
    let mut consider = |at: usize, date: Option<String>| {
        if let Some(date) = date {
            if best.as_ref().is_none_or(|(b, _)| at < *b) {
                best = Some((at, date));
            }
        }
    };
    for c in iso_re.captures_iter(text) {
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        consider(c.get(0).map_or(0, |m| m.start()), iso(n(1), n(2), n(3)));
    }
    for c in month_first.captures_iter(text) {
        let day = c[2].parse().unwrap_or(0);
        let year = c[3].parse().unwrap_or(0);
        let month = month_number(&c[1]).unwrap_or(0);
        consider(c.get(0).map_or(0, |m| m.start()), iso(year, month, day));
    }
    for c in day_first.captures_iter(text) {
        let day = c[1].parse().unwrap_or(0);
        let year = c[3].parse().unwrap_or(0);
        let month = month_number(&c[2]).unwrap_or(0);
        consider(c.get(0).map_or(0, |m| m.start()), iso(year, month, day));
    }
    best.map(|(_, date)| date)
}

fn date_from_path(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    static CELL: OnceLock<Regex> = OnceLock::new();
    let re =
        CELL.get_or_init(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[_\-. ]|$)").expect("valid"));
    let c = re.captures(stem)?;
    iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A corpus folder named after its outlet (`wikinews-2019-2020/`, `bbc-news-2005/`) names the
/// source of every article in it.
fn source_from_path(path: &Path) -> Option<String> {
    const OUTLETS: [(&str, &str); 8] = [
        ("wikinews", "Wikinews"),
        ("bbc", "BBC"),
        ("reuters", "Reuters"),
        ("guardian", "The Guardian"),
        ("aljazeera", "Al Jazeera"),
        ("presstv", "Press TV"),
        ("cnn", "CNN"),
        ("nytimes", "The New York Times"),
    ];
    path.ancestors().skip(1).find_map(|dir| {
        let name = dir.file_name()?.to_str()?.to_lowercase();
        OUTLETS
            .iter()
            .find(|(key, _)| name.starts_with(key))
            .map(|(_, outlet)| outlet.to_string())
    })
}

fn source_patterns() -> &'static [Regex; 4] {
    static CELL: OnceLock<[Regex; 4]> = OnceLock::new();
    CELL.get_or_init(|| {
        let name = r"((?:[A-Z][\w&.]*|al-[A-Z]\w*)(?:[ -](?:[A-Z][\w&.]*|TV|al-[A-Z]\w*)){0,3})";
        [
            // "Islam Times - The Iraqi Prime Minister ..." at the start of the article
            Regex::new(&format!(r"^{name}\s+[-–—|:]\s+\S")).expect("valid"),
            // "Press TV’s website can also be accessed at ..."
            Regex::new(&format!(r"{name}[’']s\s+(?:website|site|web\s+site|correspondent|reporter)")).expect("valid"),
            // "in a statement received (Al-Zaman)", "told (Reuters)" in translated press
            Regex::new(r"(?-u:\b)(?:received|told|obtained|sent\s+to|reported\s+by|quoted\s+by)\s+(?:by\s+)?\(([A-Z][\w’' -]{1,40})\)").expect("valid"),
            // The end of the website pattern alone: most articles have no such phrase, and
            // this finds that out much faster than the whole pattern.
            Regex::new(r"[’']s\s+(?:website|site|web\s+site|correspondent|reporter)").expect("valid"),
        ]
    })
}

/// The outlet heading the article: "Islam Times - The Iraqi Prime Minister ...".
fn lead_source(cleaned: &Cleaned, is_place: &dyn Fn(&str) -> bool) -> Option<String> {
    let [lead, ..] = source_patterns();
    let first = cleaned.paragraphs.first()?;
    let paragraph = &cleaned.text[first.clone()];
    let c = lead.captures(paragraph)?;
    let candidate = c[1].trim();
    // "Baghdad – Abdul-Latif al-Musawi" is a byline, not an outlet; and the rest of the line
    // must be a sentence, not a name.
    let rest = &paragraph[c.get(0).map_or(0, |m| m.end())..];
    (!is_place(candidate) && rest.split_whitespace().nth(5).is_some())
        .then(|| candidate.to_string())
}

/// The outlet a phrase of the body names as the article's: "Press TV's website can also be
/// accessed at", "in a statement received (Al-Zaman)".
fn body_source(raw: &str) -> Option<String> {
    let [_, website, received, website_end] = source_patterns();
    if website_end.is_match(raw) {
        if let Some(c) = website.captures(raw) {
            return Some(c[1].trim().to_string());
        }
    }
    received.captures(raw).map(|c| c[1].trim().to_string())
}

/// The headline when the article has one (a short first line without a full stop), else its
/// lead sentence trimmed of a leading outlet or dateline and of its final full stop.
fn find_title(cleaned: &Cleaned, source: Option<&str>) -> Option<String> {
    let first = cleaned.paragraphs.first()?;
    let paragraph = cleaned.text[first.clone()].trim();
    let words = paragraph.split_whitespace().count();
    if (1..=30).contains(&words) && !paragraph.ends_with('.') {
        return Some(strip_outlet_suffix(paragraph).to_string());
    }
    let mut lead = first_sentence(paragraph);
    if let Some(source) = source {
        if let Some(rest) = lead.strip_prefix(source) {
            lead = rest.trim_start_matches([' ', '-', '–', '—', '|', ':']);
        }
    }
    let lead = strip_dateline(lead);
    let lead = lead.trim_end_matches('.').trim();
    (!lead.is_empty()).then(|| lead.to_string())
}

fn strip_outlet_suffix(headline: &str) -> &str {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(i) = headline.rfind(sep) {
            let tail = &headline[i + sep.len()..];
            if tail.split_whitespace().count() <= 3 && headline[..i].split_whitespace().count() >= 4
            {
                return &headline[..i];
            }
        }
    }
    headline
}

/// "BAGHDAD, June 5 (Reuters) - " or "Tehran – " before the lead sentence.
fn strip_dateline(lead: &str) -> &str {
    static CELL: OnceLock<Regex> = OnceLock::new();
    let re = CELL.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s+[-–—]\s+")
            .expect("valid")
    });
    match re.find(lead) {
        Some(m) if lead.len() - m.end() > 20 => &lead[m.end()..],
        _ => lead,
    }
}

/// The text up to the first sentence end (a full stop, ! or ? followed by a capital or the end).
pub fn first_sentence(paragraph: &str) -> &str {
    let bytes = paragraph.as_bytes();
    for (i, c) in paragraph.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let next = paragraph[i + 1..].trim_start();
            let is_abbrev = i >= 2 && bytes[i - 2] == b'.'
                || paragraph[..i]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.len() <= 2 && w.chars().all(|c| c.is_uppercase()));
            if !is_abbrev && (next.is_empty() || next.starts_with(|c: char| c.is_uppercase())) {
                return &paragraph[..=i];
            }
        }
    }
    paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_common_form() {
        assert_eq!(
            find_date("date 2021-06-05 Islam Times").as_deref(),
            Some("2021-06-05")
        );
        assert_eq!(
            find_date("Posted July 22, 2020 by").as_deref(),
            Some("2020-07-22")
        );
        assert_eq!(
            find_date("in Tehran on September 12, 2021. (Photo").as_deref(),
            Some("2021-09-12")
        );
        assert_eq!(find_date("on 3 March 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(find_date("held on October 10, and"), None);
    }

    #[test]
    fn dates_among_letters_of_any_script() {
        // Beside non-ASCII text (the patterns' word boundaries are ASCII, for speed).
        assert_eq!(
            find_date("«Publié» — 5 June 2020 — بغداد").as_deref(),
            Some("2020-06-05")
        );
        assert_eq!(
            find_date("Café Müller, “September 12, 2021”").as_deref(),
            Some("2021-09-12")
        );
        // Still whole words: not inside a longer number or word.
        assert_eq!(find_date("ref 12019-01-04"), None);
        assert_eq!(find_date("Mayday 5, 2020"), None);
    }

    #[test]
    fn file_name_dates_and_outlet_folders() {
        let path = Path::new("corpora/wikinews-2019-2020/articles/2019-01-04_slug.txt");
        assert_eq!(date_from_path(path).as_deref(), Some("2019-01-04"));
        assert_eq!(source_from_path(path).as_deref(), Some("Wikinews"));
        assert_eq!(date_from_path(Path::new("000_1d06.txt")), None);
    }

    #[test]
    fn lead_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("One thing. Two things."), "One thing.");
        assert_eq!(
            first_sentence("The U.S. Army said so. Then"),
            "The U.S. Army said so."
        );
    }

    /// A folder named after its outlet outranks another site named in the body; the body
    /// names the source only where nothing else does.
    #[test]
    fn an_outlet_folder_outranks_a_site_quoted_in_the_body() {
        let raw = "Headline of it\n\nThe WHO's website said the disease has no cure yet.";
        let cleaned = crate::corpus::clean::clean(raw);
        let no_place = |_: &str| false;
        let in_folder = Path::new("corpora/wikinews-2019-2020/articles/2020-03-17_slug.txt");
        let meta = extract(&cleaned, raw, in_folder, &no_place);
        assert_eq!(meta.source.as_deref(), Some("Wikinews"));
        let meta = extract(&cleaned, raw, Path::new("elsewhere/a.txt"), &no_place);
        assert_eq!(meta.source.as_deref(), Some("The WHO"));
    }
}
