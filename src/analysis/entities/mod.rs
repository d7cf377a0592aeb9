//! Finds mentions of people, organisations, places, groups and events by general means:
//! capitalised word runs split at titles and known names, typed by gazetteers (assets/) and
//! by cues (a title before a name, "Council" ending an organisation, a first name, a speech
//! verb after a surname). It never decides which mentions are the same entity (aliases.rs).

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use super::gazetteer::{gazetteer, lowercased, Gazetteer, VerbForm};
use super::speakers::words::AUXILIARIES;
use super::tokens::Token;
use super::wordset::Shapes;
use super::EntityType;
use crate::corpus::text::narrow;

mod cues;
pub(crate) use cues::ROLE_CHANGERS;
use cues::{
    COMPASS, CONNECTORS, EVENT_CUES, ILLNESS_CUES, NEVER_OPEN_A_NAME, ORG_CUES, ORG_NOUNS,
    ORG_STAKES, OTHER_CUES, PLACE_CUES, PLACE_NOUNS, PLACE_PREPOSITIONS, POSSESSIVES_INSIDE_NAMES,
    ROLE_BREAKERS, SQUAD_ROLES, STAFF_ROLES, STORM_CUES,
};

/// One mention found in the text (byte offsets), before alias merging. Offsets in 32 bits
/// (24 bytes a mention, was 32): a corpus holds millions of mentions until it is linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    start: u32,
    end: u32,
    pub kind: EntityType,
    /// The title written before a person's name, when there is one (boxed: few mentions have
    /// one, and a corpus holds millions of mentions).
    pub cue: Option<Box<TitleCue>>,
    /// Typed by default, with nothing in the text to say so ("Yukos" alone is read as a
    /// person's name): in linking, two mentions of the entity typed by evidence outvote any
    /// number of such guesses.
    pub guessed: bool,
}

/// How a person was introduced: "the Iraqi prime minister Mustafa al-Kadhimi".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleCue {
    /// The head noun of the title ("prime minister"), so that later references by title
    /// ("the Iraqi premier") can find the person.
    pub title: Option<String>,
    /// The nationality written before the title or name ("Iraqi"), for the same purpose.
    pub nationality: Option<String>,
}

impl Mention {
    /// A mention at bytes `start..end` of an article (far below 4 GiB: the loader refuses
    /// files over its size limit), typed by evidence, with no title.
    pub fn new(start: usize, end: usize, kind: EntityType) -> Self {
        Mention {
            start: narrow(start),
            end: narrow(end),
            kind,
            cue: None,
            guessed: false,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its bytes in the article's text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    pub fn title(&self) -> Option<&str> {
        self.cue.as_ref().and_then(|c| c.title.as_deref())
    }

    pub fn nationality(&self) -> Option<&str> {
        self.cue.as_ref().and_then(|c| c.nationality.as_deref())
    }
}

/// Connectors that join words of an organisation's name ("Centers for Disease Control and
/// Prevention") but separate anything else ("Trump and Kim").
fn joins_only_organisations(word: &str) -> bool {
    matches!(word, "and" | "on" | "for" | "&")
}

/// `word` after a name makes it an organisation's ("Sony shares", "Chelsea boss").
fn is_org_member(word: &str) -> bool {
    SQUAD_ROLES.contains(&word) || ORG_STAKES.contains(&word)
}

/// `word` after a city's name makes it the city's club ("Liverpool boss", "Newcastle keeper").
pub(crate) fn is_club_member(word: &str) -> bool {
    SQUAD_ROLES.contains(&word) || word == "keeper"
}

/// Lowercase words that, after a name, make it an event or a thing ("Corona pandemic").
fn lowercase_tail(word: &str) -> Option<EntityType> {
    match word {
        "pandemic" | "epidemic" | "outbreak" => Some(EntityType::Event),
        "virus" => Some(EntityType::Other),
        _ => None,
    }
}

struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Words written capitalised somewhere other than a sentence start: evidence of a name.
    mid_caps: FxHashMap<&'a str, usize>,
    /// The lower-case forms of the `mid_caps` words that the article also writes in lower
    /// case ("as", "today"): the only lower-case words [`Words::names`] asks about.
    lower_seen: HashSet<String>,
}

impl<'a> Words<'a> {
    /// The article itself says `word` is a name: written capitalised mid-sentence and never in
    /// lower case ("Trump ... Trump", but not "As ... as").
    fn names(&self, word: &str) -> bool {
        let g = gazetteer();
        let count = self.mid_caps.get(word).copied().unwrap_or(0);
        let evidence = if g.is_common_word(word) { 2 } else { 1 };
        count >= evidence
            && !lowercased(word, |lower| self.lower_seen.contains(lower))
            && g.title_head(word).is_none()
    }

    /// The lone word `a..b` is ordinary but also written capitalised mid-sentence: it may be
    /// the surname of a person named in full elsewhere ("Donald Tusk ... Tusk, a founding
    /// member", "Theresa May ... May said"). Kept as an unknown thing for now:
    /// [`resolve_single_words`] makes it that person, or drops it.
    fn may_be_a_surname(&self, a: usize, b: usize) -> bool {
        let word = strip_possessive_word(self.word(a));
        b == a + 1
            && self.mid_caps.contains_key(word)
            && !lowercased(word, |lower| self.lower_seen.contains(lower))
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Words `i` and `i + 1` are also written together, as they are here, where no sentence
    /// starts ("boost Time Warner profit"): the first is part of a name even where it opens a
    /// sentence ("Time Warner said"), common word or not.
    fn pair_named_mid_sentence(&self, i: usize) -> bool {
        // Cheap first: the first word must be written capitalised mid-sentence somewhere.
        if i + 1 >= self.tokens.len() || !self.mid_caps.contains_key(self.word(i)) {
            return false;
        }
        let pair = self.span(i, i + 2);
        self.text.match_indices(pair).any(|(at, _)| {
            let Ok(k) = self.tokens.binary_search_by_key(&at, |t| t.start) else {
                return false;
            };
            k + 1 < self.tokens.len()
                && self.tokens[k + 1].end == at + pair.len()
                && !self.starts_clause(k)
        })
    }

    /// The word opens a sentence, or a quotation inside one (`defended his decision, "As I`).
    fn starts_clause(&self, i: usize) -> bool {
        opens_clause(self.text, self.tokens[i])
    }

    /// Capitalised, or an Arabic-article name such as "al-Kadhimi".
    fn is_cap(&self, i: usize) -> bool {
        let w = self.word(i);
        // Most words are ASCII: settled by their first byte, unless "al-"/"el-" may follow.
        match w.as_bytes().first() {
            Some(b) if b.is_ascii_uppercase() => return true,
            Some(b) if b.is_ascii() && !matches!(b, b'a' | b'e') => return false,
            _ => {}
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            return true;
        }
        let rest = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-"));
        rest.is_some_and(|r| r.starts_with(char::is_uppercase))
    }

    /// Only spaces between word `i` and word `i + 1` (no comma, bracket or quote mark).
    fn joined(&self, i: usize) -> bool {
        if i + 1 >= self.tokens.len() {
            return false;
        }
        let gap = self.gap_after(i);
        // A plural possessive inside a name: "Kurdistan Workers' Party".
        let gap = match gap.strip_prefix(['\'', '’']) {
            Some(rest) if self.word(i).ends_with('s') && self.is_cap(i) && self.is_cap(i + 1) => {
                rest
            }
            _ => gap,
        };
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}') && gap.len() <= 3
    }

    /// The text between word `i` and the next (empty after the last word).
    fn gap_after(&self, i: usize) -> &'a str {
        match self.tokens.get(i + 1) {
            Some(next) => &self.text[self.tokens[i].end..next.start],
            None => "",
        }
    }

    /// The word is possessive ("Iran’s", "United States'"): whatever follows is owned, not
    /// part of its name.
    fn possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        let plural = w.ends_with('s') && self.text[self.tokens[i].end..].starts_with(['\'', '’']);
        w.ends_with("’s") || w.ends_with("'s") || plural
    }

    /// The text of words `a..b` (exclusive), as written.
    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }
}

/// The chunk `a..b` is a named storm ("Hurricane Dorian", "Tropical Storm Imelda"): an
/// event, whatever the name ("Dorian" is no person here), its cue included even at a sentence
/// start.
fn is_storm_name(words: &Words<'_>, a: usize, b: usize) -> bool {
    let cue = if words.word(a) == "Tropical" {
        a + 1
    } else {
        a
    };
    cue + 1 < b && STORM_CUES.contains(&words.word(cue))
}

/// Strips a possessive ending ("Iran’s" → "Iran") from a word's end offset.
fn without_possessive(text: &str, start: usize, end: usize) -> usize {
    let word = &text[start..end];
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return start + stem.len();
            }
        }
    }
    end
}

/// The token opens a sentence, or a quotation inside one (`defended his decision, "As I`):
/// capitalised there, a word is not thereby a name.
fn opens_clause(text: &str, token: Token) -> bool {
    token.sentence_start
        || text[..token.start]
            .trim_end_matches(' ')
            .ends_with(['"', '“', '‘', '«'])
}

/// Finds the entity mentions of one article.
pub fn find_mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let g = gazetteer();
    let mut mid_caps = FxHashMap::default();
    // A quotation's first word is capitalised as a sentence's is: `said, "It is` is no
    // evidence that "It" names anything; a first name there still is (`"Harry was fit`).
    for &t in tokens.iter().filter(|t| !t.sentence_start) {
        let w = t.text(text);
        if w.starts_with(char::is_uppercase) {
            let stem = strip_possessive_word(w);
            if !opens_clause(text, t) || g.is_first_name(stem) {
                *mid_caps.entry(stem).or_insert(0) += 1;
            }
        }
    }
    // Also the words capitalised only where a sentence starts ("Broadband has become …"),
    // but not the ordinary ones ("The", "He"): asked about only when unknown, and hashing
    // every "the" of the article cost a tenth of finding mentions.
    let opening_caps: Vec<&str> = tokens
        .iter()
        .filter(|t| t.text(text).starts_with(char::is_uppercase))
        .filter(|&&t| opens_clause(text, t))
        .map(|t| strip_possessive_word(t.text(text)))
        .filter(|w| !mid_caps.contains_key(w) && !g.is_common_word(w))
        .collect();
    let lower_seen = written_lower_too(text, tokens, mid_caps.keys().chain(&opening_caps));
    let words = Words {
        text,
        tokens,
        mid_caps,
        lower_seen,
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = words.word(i);
        if !words.is_cap(i) {
            if let Some(kind) = g.type_of_lowercase(strip_possessive_word(w)) {
                let end = without_possessive(text, tokens[i].start, tokens[i].end);
                mentions.push(Mention::new(tokens[i].start, end, kind));
            }
            i += 1;
            continue;
        }
        // A chunk: capitalised words joined by spaces, with connectors between them.
        let mut j = i + 1;
        while j < tokens.len() && words.joined(j - 1) && !tokens[j].sentence_start {
            // "the" joins only after another connector ("Republic of the Congo"), so that
            // "last Sunday the Iranian minister" is not one name.
            // Nor does "and" after a whole institution or place: "Faleolo District Hospital and
            // Leulumoega District Hospital" are two ("Food and Agriculture Organization" one).
            let ends_a_name = |k: usize| {
                let w = strip_possessive_word(words.word(k));
                ORG_CUES.contains(&w) || PLACE_CUES.contains(&w)
            };
            // Nor does a connector reach a day or a month ending the run ("the Environmental
            // Protection Agency on February 18"), unless "of" names it ("the Ides of March")
            // or the whole is a known name ("The Mail on Sunday").
            let dated = |j: usize| {
                words.word(j) != "of"
                    && is_calendar_word(words.word(j + 1))
                    && !(words.joined(j + 1) && words.is_cap(j + 2))
                    && g.type_of(words.span(i, j + 2)).is_none()
            };
            let connects = CONNECTORS.contains(&words.word(j))
                && (words.word(j) != "the"
                    || CONNECTORS.contains(&words.word(j - 1)) && words.word(j - 1) != "and")
                && (words.word(j) != "and" || !ends_a_name(j - 1))
                && j + 1 < tokens.len()
                && words.joined(j)
                && (words.is_cap(j + 1) || CONNECTORS.contains(&words.word(j + 1)))
                && !dated(j);
            // "Republic Act No. 3846": the numero sign ends the name.
            if !words.is_cap(j) && !connects || words.word(j) == "No." {
                break;
            }
            j += 1;
        }
        // Trailing connectors are not part of the chunk.
        while j > i + 1 && CONNECTORS.contains(&words.word(j - 1)) {
            j -= 1;
        }
        // A lowercase "pandemic", "virus" or a case-insensitive alias ("Popular mobilization").
        let mut tail = None;
        if j < tokens.len() && words.joined(j - 1) {
            tail = lowercase_tail(words.word(j));
            if tail.is_some() {
                j += 1;
            } else if j - i == 1 && g.alias_group(words.span(i, j + 1)).is_some() {
                j += 1;
                segment(&words, g, i, j, &mut mentions);
                i = j;
                continue;
            } else if words.word(j) == "news"
                && words.word(j.saturating_add(1).min(tokens.len() - 1)) == "agency"
                && words.joined(j)
                // Not "The news agency reported": an ordinary word opening the sentence.
                && !(j - i == 1 && words.starts_clause(i) && g.is_common_word(words.word(i)))
            {
                mentions.push(Mention::new(
                    tokens[i].start,
                    tokens[j + 1].end,
                    EntityType::Org,
                ));
                i = j + 2;
                continue;
            }
        }
        if let Some(kind) = tail {
            // "The outbreak spread": an ordinary word opening the sentence names nothing.
            if j - i == 2 && words.starts_clause(i) && g.is_common_word(words.word(i)) {
                i = j;
                continue;
            }
            let start_at =
                if tokens[i].sentence_start && g.is_common_word(words.word(i)) && j - i > 2 {
                    i + 1
                } else {
                    i
                };
            mentions.push(Mention::new(
                tokens[start_at].start,
                tokens[j - 1].end,
                kind,
            ));
            i = j;
            continue;
        }
        segment(&words, g, i, j, &mut mentions);
        i = j;
    }
    resolve_single_words(&words, &mut mentions);
    // Mentions are ordered and never overlap: the reader and the JSON rely on it.
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut last_end = 0;
    mentions.retain(|m| {
        let keep = m.start >= last_end && m.end > m.start;
        if keep {
            last_end = m.end;
        }
        keep
    });
    merge_organisations_with_their_place(text, g, &mut mentions);
    merge_nationalities_into_organisations(text, g, &mut mentions);
    merge_names_around_a_faith_or_nation(text, g, &mut mentions);
    // Kept until the corpus is linked: no spare capacity.
    mentions.shrink_to_fit();
    mentions
}

/// Joins each pair of neighbouring mentions that `one_name` says are one organisation's name
/// into one mention. One pass, in place: splicing each pair out would shift the rest of a
/// huge article's mentions once per pair.
fn merge_pairs_into_organisations(
    mentions: &mut Vec<Mention>,
    one_name: impl Fn(&Mention, &Mention) -> bool,
) {
    merge_runs_into_organisations(mentions, 2, |run| one_name(&run[0], &run[1]));
}

/// Joins each run of `width` neighbouring mentions that `one_name` says are one
/// organisation's name into one mention, in one pass in place.
fn merge_runs_into_organisations(
    mentions: &mut Vec<Mention>,
    width: usize,
    one_name: impl Fn(&[Mention]) -> bool,
) {
    let mut kept = 0;
    let mut k = 0;
    while k < mentions.len() {
        if mentions.get(k..k + width).is_some_and(&one_name) {
            let (start, end) = (mentions[k].start(), mentions[k + width - 1].end());
            mentions[kept] = Mention::new(start, end, EntityType::Org);
            k += width;
        } else {
            mentions.swap(kept, k);
            k += 1;
        }
        kept += 1;
    }
    mentions.truncate(kept);
}

/// An organisation whose name ends with a place is one name ("Real Madrid", "Borussia
/// Dortmund", "Gas Infrastructure Europe", "Imperial College London"), which the split at the
/// known place cut in two. Not after an organisation general knowledge names on its own: "the
/// EU Turkey deal", "a UN Syria envoy" name two.
/// So is a university's campus after a comma ("University of California, Los Angeles"), when
/// the campus is a city (not "University of Sydney, Australia").
fn merge_organisations_with_their_place(text: &str, g: &Gazetteer, mentions: &mut Vec<Mention>) {
    merge_pairs_into_organisations(mentions, |org, place| {
        let name = &text[org.span()];
        let gap = &text[org.end()..place.start()];
        let campus = gap == ", "
            && name.starts_with("University of ")
            && g.is_minor_place(&text[place.span()]);
        org.kind == EntityType::Org
            && place.kind == EntityType::Place
            && (gap == " " && g.type_of(name).is_none() || campus)
            && !name.ends_with(['’', '\''])
            && g.is_place(&text[place.span()])
    });
}

/// A faith or nation named between two unknown names, all one capitalised run, is inside an
/// organisation's name ("Akhil Bharat Hindu Mahasabha", "All India Muslim League"): no
/// person's name has one in its middle. Only names read as a person's by default on both
/// sides (no title, no first name opening either), joined by single spaces.
fn merge_names_around_a_faith_or_nation(text: &str, g: &Gazetteer, mentions: &mut Vec<Mention>) {
    // (The second name carries the faith or nation as its cue, read as a person's.)
    let unknown = |m: &Mention| {
        m.guessed
            && m.title().is_none()
            && matches!(m.kind, EntityType::Person | EntityType::Other)
            && !g.is_first_name(text[m.span()].split(' ').next().unwrap_or_default())
    };
    merge_runs_into_organisations(mentions, 3, |t| {
        let middle = &text[t[1].span()];
        unknown(&t[0])
            && unknown(&t[2])
            && t[1].kind == EntityType::Group
            && !middle.contains([' ', '’', '\''])
            && !g.is_first_name(middle)
            && &text[t[0].end()..t[1].start()] == " "
            && &text[t[1].end()..t[2].start()] == " "
    });
    // The faith or nation may already have opened an organisation with the second name
    // ("Hindu Mahasabha president ...").
    merge_pairs_into_organisations(mentions, |name, org| {
        let opening = text[org.span()].split(' ').next().unwrap_or_default();
        unknown(name)
            && org.kind == EntityType::Org
            && &text[name.end()..org.start()] == " "
            && opening.starts_with(char::is_uppercase)
            && g.demonym(opening).is_some()
            && !g.is_first_name(opening)
    });
}

/// A nationality written just before an organisation's name is part of that name ("British
/// Retail Consortium", "British Phonographic Industry", "Democratic National Convention",
/// "Iranian Revolutionary Guard Corps", "Thai Raksa Chart", "European Southern Observatory",
/// "Swiss Re"), which the split at the known demonym cut in two. Not before an organisation
/// general knowledge names on its own, which the nationality only describes ("Iranian Quds
/// Force", "Afghan Taliban"), nor before an acronym ("Turkish EU", "Spanish FA").
fn merge_nationalities_into_organisations(text: &str, g: &Gazetteer, mentions: &mut Vec<Mention>) {
    merge_pairs_into_organisations(mentions, |nationality, org| {
        let word = &text[nationality.span()];
        let name = &text[org.span()];
        nationality.kind == EntityType::Group
            && org.kind == EntityType::Org
            && &text[nationality.end()..org.start()] == " "
            && !word.contains([' ', '’', '\''])
            && g.demonym(word).is_some()
            && !name.chars().all(|c| !c.is_lowercase())
            && g.type_of(name).is_none()
    });
}

/// The lower-case forms of `capitalised` words that the text also writes in lower case.
/// Collecting every lower-case word of the article instead cost a fifth of finding mentions:
/// here a lower-case word is hashed only when its length and first byte match a candidate's.
fn written_lower_too<'w>(
    text: &str,
    tokens: &[Token],
    capitalised: impl Iterator<Item = &'w &'w str>,
) -> HashSet<String> {
    let candidates: HashSet<String> = capitalised.map(|w| lowercased(w, str::to_string)).collect();
    let shapes = candidates
        .iter()
        .fold(Shapes::NONE, |shapes, c| shapes.with(c.as_bytes()));
    let mut seen = HashSet::default();
    for w in tokens.iter().map(|t| t.text(text)) {
        if shapes.may_hold(w.as_bytes())
            && w.starts_with(char::is_lowercase)
            && candidates.contains(w)
            && !seen.contains(w)
        {
            seen.insert(w.to_string());
        }
    }
    seen
}

fn strip_possessive_word(w: &str) -> &str {
    // Asked of nearly every word: most end in none of the suffixes' last bytes.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    w
}

/// Splits one capitalised chunk (words `a..b`) into titles, known names and unknown runs.
fn segment(words: &Words<'_>, g: &Gazetteer, a: usize, b: usize, out: &mut Vec<Mention>) {
    let text = words.text;
    let mut pos = a;
    let mut title: Option<String> = None;
    let mut nationality: Option<String> = None;
    // Ordinary words qualifying the title that follows ("Civil Aviation" Minister).
    let mut office: Option<String> = None;
    while pos < b {
        let w = words.word(pos);
        // A sentence-initial ordinary word ("The", "During", "Today") is not a name, unless the
        // article also writes it capitalised mid-sentence ("Trump ... Trump").
        // Nor is a town named by an ordinary word, alone ("Mobile phones", "Reading is"; not
        // "Van Gogh", "Delta Air Lines").
        let stem = strip_possessive_word(w);
        // The known name here, looked up once and only when a rule asks (most words of a
        // chunk are settled by the cheaper tests first).
        let known_here = std::cell::OnceCell::new();
        let known = || *known_here.get_or_init(|| match_known(words, g, pos, b));
        let town_word =
            || known() == Some((1, EntityType::Place)) && g.is_minor_place(stem) && pos + 1 == b;
        if pos == a
            && words.starts_clause(pos)
            && g.is_common_word(stem)
            && (known().is_none() || town_word())
            && !words.names(stem)
            && !opens_institution(words, pos, b)
            && !(pos + 1 < b
                && !is_not_a_name(words.word(pos + 1))
                && words.pair_named_mid_sentence(pos))
            && !is_storm_name(words, pos, b)
            && !(known().is_none() && words.may_be_a_surname(pos, b))
            && !first_name_opens_a_name(words, g, pos, b)
            // "Mayor Adamowicz had led": a title opening the sentence still titles the name.
            && match_title(words, g, pos, b).is_none()
        {
            pos += 1;
            continue;
        }
        // "Tuesday Mitsotakis": a day or month before a name is not part of it, unless it
        // opens a known name ("the Sunday Telegraph").
        if is_calendar_word(w) && known().is_none() {
            pos += 1;
            continue;
        }
        // Pronouns and contractions are never names ("I", "I'm", "They're"), nor single letters.
        if is_not_a_name(w) {
            pos += 1;
            continue;
        }
        let known_with_article = w == "The" && known().is_some();
        if !known_with_article
            && (CONNECTORS.contains(&w) || (matches!(w, "The" | "A" | "An") && pos + 1 < b))
        {
            title = None; // "Speaker of the House": the title does not reach past "of the"
            pos += 1;
            continue;
        }
        if let Some((len, head)) = match_title(words, g, pos, b) {
            // "General Motors", "General Mills": a known name that opens with a title and goes
            // on past it is that name.
            let named_past_it = known().is_some_and(|(known_len, _)| known_len > len)
                || (pos + len + 1..=b)
                    .any(|end| g.is_company(strip_possessive_word(words.span(pos, end))));
            if !named_past_it {
                title = Some(match office.take() {
                    Some(portfolio) => format!("{portfolio} {head}"),
                    None => head,
                });
                pos += len;
                continue;
            }
        }
        if let Some((len, kind)) = known().filter(|&(len, kind)| {
            // "President Bush", "Governor Reading": after a title, a town's name is a person's.
            let titled_town = title.is_some() && len == 1 && g.is_minor_place(stem);
            // A town that is also a first name ("Hassan", "Sydney") is read as the name,
            // unless where it stands says it is the place: "flew to Sydney", "London, Frankfurt
            // and Sydney". And before an unknown name ("Hassan Rouhani") it is the name.
            let lone_first_name = kind == EntityType::Place
                && len == 1
                && g.is_minor_place(w)
                && g.is_first_name(w)
                && !placed_by_context(words, g, pos);
            // "Christian Jasperneite", "Finn Russell": a first name that is also a nationality
            // or a faith, before an unknown surname. Not before an ordinary word ("Christian
            // Democrats"), a title ("Tory MP") or a first name ("Scot Kathy Butler").
            let first_name_of_group = kind == EntityType::Group
                && len == 1
                && g.is_first_name(w)
                && pos + 1 < b
                && words.is_cap(pos + 1)
                && {
                    let next = strip_possessive_word(words.word(pos + 1));
                    !g.is_common_word(next)
                        && !g.is_first_name(next)
                        && !g.is_common_acronym(next)
                        && g.title_head(next).is_none()
                }
                && match_known(words, g, pos + 1, b).is_none();
            !(lone_first_name
                || titled_town
                || first_name_of_group
                || matches!(
                    kind,
                    EntityType::Place | EntityType::Other | EntityType::Event
                ) && len == 1
                    && (g.is_first_name(w) || g.is_minor_place(w))
                    && pos + 1 < b
                    && words.is_cap(pos + 1)
                    && match_known(words, g, pos + 1, b).is_none())
        }) {
            // "Iranian Customs Authority", "Syrian Democratic Forces", "Syrian Arab Republic": a
            // nationality opening a name that ends in an organisation or place cue.
            // "Syrian Civil War", "Middle East Respiratory Syndrome", "Kurdistan Workers'
            // Party": a nationality or a place opening the name of an event or a thing.
            let opens_names = kind == EntityType::Group && len == 1
                || kind == EntityType::Place && pos + len < b && !words.possessive(pos + len - 1);
            if opens_names && pos + len < b {
                if let Some((end, cue_kind)) = cue_ended_name(words, g, pos + len - 1, b) {
                    // After a place, an event, an institution or an illness ("Kurdistan
                    // Workers' Party"); "US National Medal" is the US and an award,
                    // "Eastern Mediterranean Bill" a region and a law.
                    let illness =
                        ILLNESS_CUES.contains(&strip_possessive_word(words.word(end - 1)));
                    let fits = matches!(cue_kind, EntityType::Event | EntityType::Org) || illness;
                    if kind == EntityType::Group || fits {
                        // "North Wales Police": the compass word opens the place's name.
                        let start = if kind == EntityType::Place
                            && pos > a
                            && COMPASS.contains(&words.word(pos - 1))
                        {
                            pos - 1
                        } else {
                            pos
                        };
                        push(out, text, words, start, end, cue_kind, None, None);
                        pos = end;
                        continue;
                    }
                }
            }
            // "BBC Sport", "BBC One", "NBC Universal": a known organisation and one more
            // ordinary word ending the capitalised run name one of its parts.
            if kind == EntityType::Org
                && pos == a
                && pos + len + 1 == b
                && !words.possessive(pos + len - 1)
                && names_a_part_after_an_organisation(words, g, pos + len)
            {
                push(out, text, words, pos, b, EntityType::Org, None, None);
                title = None;
                pos = b;
                continue;
            }
            if kind == EntityType::Group && len == 1 && pos + 1 < b {
                nationality = Some(strip_possessive_word(w).to_string());
            }
            // "Northern Syria": a compass word before a known place is part of its name.
            let (start, kind) =
                if kind == EntityType::Place && pos > a && COMPASS.contains(&words.word(pos - 1)) {
                    (pos - 1, kind)
                } else {
                    (pos, kind)
                };
            // "Grammy Award", "Emmy Awards": a known award followed by a thing's cue.
            if kind == EntityType::Other
                && pos + len < b
                && OTHER_CUES.contains(&strip_possessive_word(words.word(pos + len)))
            {
                push(out, text, words, pos, pos + len + 1, kind, None, None);
                title = None;
                pos += len + 1;
                continue;
            }
            // "Cyprus Mail", "US Army", "NBC News": a known place or organisation followed by an
            // organisation cue is that organisation.
            if matches!(kind, EntityType::Place | EntityType::Org)
                && pos + len < b
                && !words.possessive(pos + len - 1)
                && ORG_CUES.contains(&strip_possessive_word(words.word(pos + len)))
            {
                push(
                    out,
                    text,
                    words,
                    pos,
                    pos + len + 1,
                    EntityType::Org,
                    None,
                    None,
                );
                title = None;
                pos += len + 1;
                continue;
            }
            // "Liverpool boss Rafael Benitez", "Newcastle striker": a city named for its club.
            // A club of its own, not the city (a country's team stays the country).
            if kind == EntityType::Place
                && len == 1
                && g.is_minor_place(stem)
                && words
                    .tokens
                    .get(pos + 1)
                    .is_some_and(|next| is_club_member(next.text(text)) && words.joined(pos))
                && !words.possessive(pos)
            {
                push(out, text, words, pos, pos + 1, EntityType::Org, None, None);
                title = None;
                pos += 1;
                continue;
            }
            // "Supreme Court of Justice": a known institution's name goes on after "of".
            if kind == EntityType::Org
                && pos + len + 1 < b
                && words.word(pos + len) == "of"
                && words.is_cap(pos + len + 1)
                && !words.possessive(pos + len - 1)
            {
                let end = (pos + len + 1..b)
                    .find(|&i| !words.is_cap(i) || match_title(words, g, i, b).is_some())
                    .unwrap_or(b);
                push(out, text, words, pos, end, EntityType::Org, None, None);
                title = None;
                pos = end;
                continue;
            }
            // "Euphrates River": a known place with a place cue after it.
            let len = if kind == EntityType::Place
                && pos + len < b
                && PLACE_CUES.contains(&words.word(pos + len))
            {
                len + 1
            } else {
                len
            };
            push(out, text, words, start, pos + len, kind, None, None);
            if kind != EntityType::Group {
                title = None; // a title belongs to the name right after it
            }
            pos += len;
            continue;
        }
        // "Luxembourg-based", "Iran-backed": the known place in a modifier is a mention.
        if let Some((head, tail)) = w.split_once('-') {
            let kind = g.type_of(head);
            if tail.starts_with(char::is_lowercase)
                && matches!(kind, Some(EntityType::Place | EntityType::Org))
            {
                let start = words.tokens[pos].start;
                out.push(Mention::new(
                    start,
                    start + head.len(),
                    kind.unwrap_or(EntityType::Place),
                ));
                pos += 1;
                continue;
            }
        }
        if is_storm_name(words, pos, b) {
            push(out, text, words, pos, b, EntityType::Event, None, None);
            title = None;
            pos = b;
            continue;
        }
        let mut run_end = unknown_run_end(words, g, pos, b);
        // "Communications Minister Dayanidhi Maran": after a title, a town's name ending the
        // run is the surname of the person titled, not the town (but "Lord Nicholls of
        // Birkenhead" is of the town).
        if title.is_some()
            && run_end + 1 == b
            && run_end > pos
            && g.is_minor_place(strip_possessive_word(words.word(run_end)))
            && words.joined(run_end - 1)
            && !(pos..run_end).any(|i| CONNECTORS.contains(&words.word(i)))
        {
            run_end = b;
        }
        // "George Washington", "Jack London": a first name, and the name of a place ending
        // the chunk (or before "and"), is a person's name (not "Royal Caribbean", "Bell
        // Canada": a first name that is also a word is more often that word). So is a name
        // no list knows before a town's or a province's ("Toshihiko Fukui", "Yannick Nyanga").
        if run_end == pos + 1
            && (run_end + 1 == b || run_end + 1 < b && words.word(run_end + 1) == "and")
            && !g.is_common_word(words.word(pos))
            && words.joined(pos)
            && match_known(words, g, run_end, b) == Some((1, EntityType::Place))
            && (g.is_first_name(words.word(pos))
                || g.is_minor_place(strip_possessive_word(words.word(run_end)))
                    && !words.possessive(pos)
                    && words.word(pos).chars().any(char::is_lowercase))
        {
            run_end += 1;
        }
        let next_pos = run_end;
        while run_end > pos + 1 && CONNECTORS.contains(&words.word(run_end - 1)) {
            run_end -= 1;
        }
        // "EU Trade Commissioner Peter Mandelson", "Home Affairs Commissioner": ordinary words
        // right before a title qualify the office; they name nothing of their own. Not an
        // institution, which employs the holder ("Metropolitan Police Commissioner", "High
        // Court Judge"), nor an acronym ("GNU").
        if next_pos == run_end
            && run_end < b
            && (pos..run_end).all(|i| {
                let w = strip_possessive_word(words.word(i));
                g.is_common_word(w)
                    && !words.names(w)
                    && !ORG_CUES.contains(&w)
                    && w.chars().any(char::is_lowercase)
            })
            && match_title(words, g, run_end, b).is_some()
        {
            office = Some(words.span(pos, run_end).to_lowercase());
            pos = run_end;
            continue;
        }
        // "Violinist Brigit O'Regan", "Minority Whip Dick Durbin": ordinary words before a
        // first name are a role, not part of the name; but not before a first name that ends
        // the run ("Time Warner" is not the time of a Warner).
        if let Some(k) = (pos + 1..run_end)
            .find(|&k| g.is_first_name(words.word(k)))
            .filter(|&k| !ORG_CUES.contains(&words.word(k)) && k + 1 < run_end)
        {
            // An organisation's cue or a connector is never part of a role ("International
            // Court of Justice" is no role before a "Justice").
            let roles = (pos..k).all(|i| {
                let w = strip_possessive_word(words.word(i));
                // "MP John Cryer", "DJ Norman Cook": an abbreviated role too.
                (g.is_common_word(w) || g.is_common_acronym(w))
                    && !g.is_first_name(words.word(i))
                    && !ORG_CUES.contains(&w)
                    && !CONNECTORS.contains(&w)
            });
            if roles {
                title = Some(words.span(pos, k).to_lowercase());
                pos = k;
            }
        }
        // "Best Foreign Language Oscar": a run ending the chunk with a known award is the
        // award's full name.
        // (Of two words or more, none possessive: not "Charlize Theron's Oscar".)
        if next_pos == run_end
            && run_end + 1 == b
            && run_end >= pos + 2
            && !(pos..run_end).any(|k| words.possessive(k))
            && match_known(words, g, run_end, b) == Some((1, EntityType::Other))
        {
            push(out, text, words, pos, b, EntityType::Other, None, None);
            title = None;
            pos = b;
            continue;
        }
        let kind = classify_unknown(words, g, pos, run_end, title.is_some());
        if let Some((kind, guessed)) = kind {
            let (t, n) = if kind == EntityType::Person {
                match (title.take(), pos == a) {
                    (None, true) => match lowercase_title_before(words, g, a) {
                        Some((t, n)) => (Some(t), n),
                        None => (None, nationality.take()),
                    },
                    (t, _) => (t, nationality.take()),
                }
            } else {
                title = None;
                (None, None)
            };
            push(out, text, words, pos, run_end, kind, t, n);
            if let Some(last) = out
                .last_mut()
                .filter(|m| m.start() == words.tokens[pos].start)
            {
                last.guessed = guessed;
            }
        }
        pos = next_pos;
    }
}

/// The title written in lower case just before the name opening at word `a`, with the
/// nationality before it if one is written: "Italian economic development minister Stefano
/// Patuanelli" was introduced as a minister, and Italian, so that "the minister said" later
/// finds him.
fn lowercase_title_before(
    words: &Words<'_>,
    g: &Gazetteer,
    a: usize,
) -> Option<(String, Option<String>)> {
    let end = a.checked_sub(1)?;
    let last = words.word(end);
    if !words.joined(end) || !last.starts_with(char::is_lowercase) || !g.can_end_title(last) {
        return None;
    }
    // The lower-case words before the name, at most four, within the sentence.
    let mut first = end;
    while first > 0
        && end - first < 3
        && !words.tokens[first].sentence_start
        && words.joined(first - 1)
        && words.word(first - 1).starts_with(char::is_lowercase)
    {
        first -= 1;
    }
    let (at, head) = (first..=end).find_map(|k| {
        g.title_head_lowercase(words.span(k, a))
            .map(|head| (k, head))
    })?;
    // "shadow chancellor Oliver Letwin", "former minister ...": not the chancellor or the
    // minister a later "the chancellor" means.
    if at > first && ROLE_CHANGERS.contains(&words.word(at - 1)) {
        return None;
    }
    let head = head.to_string();
    let nationality = (first > 0 && words.joined(first - 1))
        .then(|| strip_possessive_word(words.word(first - 1)))
        .filter(|w| w.starts_with(char::is_uppercase) && g.demonym(w).is_some())
        .map(str::to_string);
    Some((head, nationality))
}

/// The ordinary word opening a sentence at `pos` is a first name opening a person's name
/// ("Mark Jones said", "Grace Chen", "Bill Gates said"): a first name before an unknown word
/// that is no ordinary one, or before one more word then a verb of saying. Not before a
/// known name ("Will Parliament agree?", "Art Basel").
fn first_name_opens_a_name(words: &Words<'_>, g: &Gazetteer, pos: usize, b: usize) -> bool {
    if pos + 1 >= b || !g.is_first_name(words.word(pos)) || !words.joined(pos) {
        return false;
    }
    let next = strip_possessive_word(words.word(pos + 1));
    // Nor before an abbreviation or a day ("Early HSDPA", "Happy Mondays").
    if match_known(words, g, pos + 1, b).is_some()
        || g.title_head(next).is_some()
        || CONNECTORS.contains(&next)
        || !next.starts_with(char::is_uppercase)
        || !next.chars().any(char::is_lowercase)
        || g.is_common_acronym(next)
        || is_calendar_word(next.trim_end_matches('s'))
    {
        return false;
    }
    let speaks_next = pos + 2 == b
        && words.tokens.get(b).is_some_and(|verb| {
            words.joined(b - 1) && g.speech_verb(verb.text(words.text)) == Some(VerbForm::Finite)
        });
    // Before another first name the word may be a role ("Lock Ben Kay", "Star Christina
    // Applegate"): only when the two speak ("Mike Leigh said").
    if g.is_first_name(next) {
        return speaks_next;
    }
    !g.is_common_word(next) || speaks_next
}

/// The ordinary word at `pos` opens an institution's name: its cue follows ("Progressive
/// Party of ...", "National Assembly"); not "This Court", "Four Navy ships", "Former Cabinet
/// minister".
fn opens_institution(words: &Words<'_>, pos: usize, b: usize) -> bool {
    let w = strip_possessive_word(words.word(pos));
    pos + 1 < b
        && ORG_CUES.contains(&strip_possessive_word(words.word(pos + 1)))
        && !NEVER_OPEN_A_NAME.contains(&w)
        && !w.ends_with("ed")
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Mention>,
    text: &str,
    words: &Words<'_>,
    a: usize,
    b: usize,
    kind: EntityType,
    title: Option<String>,
    nationality: Option<String>,
) {
    let start = words.tokens[a].start;
    let end = without_possessive(text, words.tokens[b - 1].start, words.tokens[b - 1].end);
    if end > start {
        let cue = (title.is_some() || nationality.is_some())
            .then(|| Box::new(TitleCue { title, nationality }));
        out.push(Mention {
            cue,
            ..Mention::new(start, end, kind)
        });
    }
}

/// The longest title starting at word `pos` ("Supreme Leader", "Prime Minister", "premier").
fn match_title(words: &Words<'_>, g: &Gazetteer, pos: usize, b: usize) -> Option<(usize, String)> {
    // "Chief Technology Officer", "Chief Operating Officer": any chief officer.
    if words.word(pos) == "Chief" {
        if let Some(k) = (pos + 2..(pos + 4).min(b)).find(|&k| words.word(k) == "Officer") {
            return Some((k + 1 - pos, words.span(pos, k + 1).to_lowercase()));
        }
    }
    // "Deputy Chief Minister", "Acting Attorney General": a rank before a title is part of it.
    let rank = words.word(pos);
    if matches!(
        rank,
        "Deputy" | "Vice" | "Acting" | "Assistant" | "Associate" | "Interim"
    ) && pos + 1 < b
    {
        if let Some((len, head)) = match_title(words, g, pos + 1, b) {
            if !head.starts_with(&rank.to_lowercase()) {
                return Some((len + 1, format!("{} {head}", rank.to_lowercase())));
            }
        }
    }
    for len in (1..=g.max_title_words().min(b - pos)).rev() {
        let candidate = words.span(pos, pos + len);
        if let Some(head) = g.title_head(candidate) {
            // "General Assembly", "Secretary General's Office": an institution, not a title.
            if pos + len < b && ORG_CUES.contains(&strip_possessive_word(words.word(pos + len))) {
                continue;
            }
            // A title must be followed by more of the name, or it is a plain word ("General").
            if pos + len < b || len > 1 {
                return Some((len, head.to_string()));
            }
        }
    }
    None
}

/// The longest known name (place, organisation, demonym, alias) starting at word `pos`.
fn match_known(
    words: &Words<'_>,
    g: &Gazetteer,
    pos: usize,
    b: usize,
) -> Option<(usize, EntityType)> {
    let longest = g.name_words_from(strip_possessive_word(words.word(pos)));
    for len in (1..=longest.min(b - pos)).rev() {
        let end = words.tokens[pos + len - 1];
        let raw = &words.text[words.tokens[pos].start..end.end];
        let candidate = if len == 1 {
            strip_possessive_word(raw)
        } else {
            &raw[..without_possessive(words.text, end.start, end.end) - words.tokens[pos].start]
        };
        if let Some(kind) = g.type_of(candidate) {
            return Some((len, kind));
        }
    }
    // "told the Times": a known "The Times" after a lowercase "the", the whole chunk.
    if pos > 0 && words.word(pos - 1) == "the" && words.joined(pos - 1) {
        let raw = words.span(pos, b);
        let last = words.tokens[b - 1];
        let name =
            &raw[..without_possessive(words.text, last.start, last.end) - words.tokens[pos].start];
        if let Some(kind) = g.type_after_the(name) {
            return Some((b - pos, kind));
        }
    }
    None
}

/// Where an unknown run of name words starting at `pos` ends: before a title or a known name,
/// or just after an organisation cue word ("Shura Council").
fn unknown_run_end(words: &Words<'_>, g: &Gazetteer, pos: usize, b: usize) -> usize {
    let mut end = pos;
    while end < b {
        // "University of California", "Bank of England": an institution named after a place.
        if end == pos
            && ORG_CUES.contains(&words.word(pos))
            && pos + 2 < b
            && words.word(pos + 1) == "of"
        {
            // ... up to "and the", or "on" and a day: "the Department of Justice and the SEC
            // on Monday" names two institutions.
            return (pos + 2..b)
                .find(|&i| {
                    i + 1 < b
                        && (words.word(i) == "and" && matches!(words.word(i + 1), "the" | "The")
                            || joins_only_organisations(words.word(i))
                                && is_calendar_word(words.word(i + 1)))
                })
                .unwrap_or(b);
        }
        let run_has_cue = || (pos..end).any(|i| ORG_CUES.contains(&words.word(i)));
        // A cue further on in the same name: not past a title ("Soleimani and Deputy Commander").
        // (Asked only at an "of" or a connector: it walks the rest of the chunk.)
        let cue_ahead = || {
            (end..b)
                .take_while(|&i| match_title(words, g, i, b).is_none())
                .any(|i| ORG_CUES.contains(&words.word(i)))
        };
        // "Martin Smith of PBS", "Steve Peers of the University": a name ends before "of",
        // unless it is an organisation's ("Scripps Institution of Oceanography").
        if end > pos
            && words.word(end) == "of"
            && !run_has_cue()
            && (g.is_first_name(words.word(pos)) || end - pos >= 2 && !cue_ahead())
        {
            break;
        }
        // "Food and Agriculture Organization" joins; "Trump and Kim" does not.
        // "the Department of Justice and the SEC": "and the" starts another name.
        let and_the =
            words.word(end) == "and" && end + 1 < b && matches!(words.word(end + 1), "the" | "The");
        if end > pos
            && joins_only_organisations(words.word(end))
            && (and_the || !run_has_cue() && !cue_ahead())
        {
            break;
        }
        // "Court of Justice", "Department of Defense": after an organisation's "of", a
        // title word names its field.
        let title_here = end > pos && match_title(words, g, end, b).is_some();
        let known_here = if end > pos {
            match_known(words, g, end, b)
        } else {
            None
        };
        // "George W. Bush", "Abraham Lincoln": a town's name after a first name is a surname.
        let surname_like_town = known_here == Some((1, EntityType::Place))
            && g.is_minor_place(strip_possessive_word(words.word(end)))
            && g.is_first_name(words.word(pos))
            && !title_here;
        if surname_like_town {
            end += 1;
            continue;
        }
        let after_of = end > pos && words.word(end - 1) == "of";
        if after_of && title_here && known_here.is_none() && run_has_cue() {
            end += 1;
            continue;
        }
        if end > pos
            && (title_here || (known_here.is_some() && !is_name_particle(words.word(end - 1))))
        {
            // "Medical University of Gdańsk": a known place after "of" in an organisation's name.
            if after_of && run_has_cue() {
                if let Some((len, _)) = known_here {
                    end += len;
                    continue;
                }
            }
            // A known word inside an organisation's name ("Islamic Shura Council") stays in it;
            // a title never does.
            let rest = unknown_run_end_plain(words, end, b);
            if rest > end
                && !title_here
                && ORG_CUES.contains(&words.word(rest - 1))
                && known_here.map(|(l, _)| l) != Some(rest - end)
            {
                end = rest;
                break;
            }
            break;
        }
        end += 1;
        // "Henry's Arsenal", "Arsenal's Thierry Henry": a name ends at its possessive, unless
        // the possessive is of the names that carry one inside ("Women's Open", "King's
        // College"), plural ("Fishmongers' Hall") or a saint's ("St James's Palace").
        let word = words.word(end - 1);
        let saints = end >= 2 && matches!(words.word(end - 2), "St" | "St." | "Saint");
        let possessive_name = (word.ends_with("'s") || word.ends_with("’s"))
            && !POSSESSIVES_INSIDE_NAMES.contains(&strip_possessive_word(word))
            && !saints;
        if possessive_name && end < b {
            break;
        }
        // An organisation's name ends at its cue, unless a connector carries it on
        // ("Johns Hopkins Center for Health Security").
        let carried_on = end < b
            && (CONNECTORS.contains(&words.word(end)) || ORG_CUES.contains(&words.word(end)));
        if ORG_CUES.contains(&words.word(end - 1)) && end > pos + 1 && !carried_on {
            break;
        }
    }
    end.max(pos + 1).min(b)
}

fn unknown_run_end_plain(words: &Words<'_>, pos: usize, b: usize) -> usize {
    let mut end = pos;
    while end < b {
        end += 1;
        if ORG_CUES.contains(&words.word(end - 1)) {
            break;
        }
    }
    end
}

fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "bin" | "ibn" | "Abu" | "Abdul" | "Abd" | "de" | "van" | "von"
    )
}

/// Types an unknown run of capitalised words, or drops it (`None`) when it is not a name; true
/// with a type that is only the default reading of unknown words (see [`Mention::guessed`]).
fn classify_unknown(
    words: &Words<'_>,
    g: &Gazetteer,
    a: usize,
    b: usize,
    after_title: bool,
) -> Option<(EntityType, bool)> {
    let first = strip_possessive_word(words.word(a));
    let last = strip_possessive_word(words.word(b - 1));
    let n = b - a;
    if n == 1 && words.tokens[a].sentence_start && g.is_common_word(first) && !words.names(first) {
        return words
            .may_be_a_surname(a, b)
            .then_some((EntityType::Other, true));
    }
    // "a Category 5 hurricane", "Chapter 11", "Halo 2": an ordinary word that numbers a
    // thing wherever the article capitalises it names no one ("Biden led Trump 47 percent
    // to 40" still does: "Trump" stands alone elsewhere).
    let numbered = |k: usize| {
        k + 1 < words.tokens.len()
            && words.joined(k)
            && words.word(k + 1).starts_with(|c: char| c.is_ascii_digit())
    };
    if n == 1 && numbered(a) && g.is_common_word(first) && !after_title {
        let always_numbered = (0..words.tokens.len())
            .filter(|&k| strip_possessive_word(words.word(k)) == first)
            .all(numbered);
        if always_numbered {
            return None;
        }
    }
    // "a new TV", "MPs", "his PhD": an abbreviation of an ordinary noun names nothing.
    if n == 1 && g.is_common_acronym(first) {
        return None;
    }
    // "National Institute of Allergy and Infectious Disease": an institution's cue wins.
    let org_cue = (a..b).any(|i| ORG_CUES.contains(&words.word(i)));
    if OTHER_CUES.contains(&last) && n > 1 && !org_cue {
        return Some((EntityType::Other, false)); // laws, awards, buildings: "Electronic Commerce Directive"
    }
    if org_cue && n > 1 {
        return Some((EntityType::Org, false));
    }
    if PLACE_CUES.contains(&last) && n > 1 {
        return Some((EntityType::Place, false));
    }
    if event_end(words, b - 1, b).is_some() || n >= 2 && event_end(words, b - 2, b) == Some(b) {
        return Some((EntityType::Event, false));
    }
    // "Christmas", "the New Year" (a holiday, not an institution of two ordinary words).
    let new_year = n == 2 && first == "New" && strip_possessive_word(last) == "Year";
    if n == 1 && is_holiday(first) || new_year {
        return Some((EntityType::Event, false));
    }
    if is_storm_name(words, a, b) {
        return Some((EntityType::Event, false));
    }
    // "And I", "As I said" opening an answer in an interview: the pronoun after ordinary
    // words names no one ("World War I" is settled above, "Elizabeth I" has a name before).
    if last == "I" && n == 2 && g.is_common_word(first) {
        return None;
    }
    if after_title {
        return Some((EntityType::Person, false));
    }
    // "in La Jolla, California": with "in" before and a place after, even a word that is
    // also a first name.
    let in_before = a >= 1 && matches!(words.word(a - 1), "in" | "near") && words.joined(a - 1);
    if n <= 3
        && (in_before || !(a..b).any(|i| g.is_first_name(words.word(i))))
        && place_by_context(words, g, a, b)
    {
        return Some((EntityType::Place, false));
    }
    let is_acronym = first.len() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&');
    if n == 1 && is_acronym {
        // Shouted words ("THE USA IS GREAT") are not acronyms; "PM" is a title.
        if g.is_common_word(first) && first.len() > 3
            || first == "I"
            || g.title_head(first).is_some()
        {
            return None;
        }
        if first.chars().any(|c| c.is_ascii_digit()) {
            return Some((EntityType::Other, false)); // "H1N1"
        }
        return Some((EntityType::Org, false));
    }
    if g.is_first_name(first) && n >= 2 {
        return Some((EntityType::Person, false));
    }
    if (a..b).any(|i| {
        is_name_particle(words.word(i))
            || words.word(i).starts_with("al-")
            || words.word(i).starts_with("Al-")
    }) {
        return Some((EntityType::Person, false));
    }
    let shouting = (a..b).all(|i| words.word(i).chars().all(|c| !c.is_lowercase()));
    if n >= 2 && shouting && (a..b).any(|i| g.is_common_word(words.word(i))) {
        return None; // "THE USA IS GREAT"
    }
    if (2..=4).contains(&n) {
        // Ordinary words in a capitalised run make it an institution or a work ("Scripps
        // Oceanography", "Civic Platform"); unknown words throughout make it a person's name.
        let common = (a..b)
            .filter(|&i| g.is_common_word(strip_possessive_word(words.word(i))))
            .count();
        if common == n && g.can_end_title(last) {
            return None; // "Minority Leader", "Chief Executive": a role, not a name
        }
        // "Game of Thrones", "Rise of the Guardians": words joined by "of"/"the" with no
        // organisation cue are the title of a work.
        if (a..b).any(|i| matches!(words.word(i), "of" | "the" | "and")) {
            return Some((EntityType::Other, false));
        }
        if common == n || common > 0 && g.is_common_word(last) {
            return Some((EntityType::Org, false));
        }
        // "investment bank Goldman Sachs", "Grant Thornton shares": what surrounds the name.
        if organisation_by_context(words, a, b) {
            return Some((EntityType::Org, false));
        }
        // A listed company ("Deutsche Bank"), or a name that opens with one ("Sony Ericsson",
        // "Nintendo DS": a venture or a product, guessed).
        let end = without_possessive(
            words.text,
            words.tokens[b - 1].start,
            words.tokens[b - 1].end,
        );
        if g.is_company(&words.text[words.tokens[a].start..end]) {
            return Some((EntityType::Org, false));
        }
        if g.is_company(first) {
            return Some((EntityType::Org, true));
        }
        // "Time Warner", "Blue Gene", "Vanity Fair": a person's two-word name does not open
        // with an ordinary word that is no first name (first names were settled above), but a
        // company's or a work's does. Longer names may be a person's spelt from Korean or
        // Chinese ("Sung Won Sohn"), as may hyphenated ones ("Park Ji-sung"). A default,
        // which other mentions' evidence may outvote.
        if n == 2 && g.is_common_word(first) && !words.word(b - 1).contains('-') {
            return Some((EntityType::Org, true));
        }
        // Otherwise a person's name, by default: other mentions' evidence may outvote it.
        return Some((EntityType::Person, common == 0));
    }
    if n > 4 {
        return Some((EntityType::Other, false));
    }
    // A single unknown word: decided once the whole article has been read.
    if is_calendar_word(first) || is_not_a_name(first) {
        return None;
    }
    if g.is_common_word(first) && !words.names(first) {
        return words
            .may_be_a_surname(a, b)
            .then_some((EntityType::Other, true));
    }
    // A listed company ("Nintendo", "Siemens"), by default: the name may be a surname too.
    if g.is_company(first) {
        return Some((EntityType::Org, true));
    }
    // "Broadband has become hugely competitive", with "broadband" elsewhere: an ordinary word
    // the word list lacks, capitalised only where a sentence starts.
    if words.starts_clause(a)
        && !words.mid_caps.contains_key(first)
        && lowercased(first, |lower| words.lower_seen.contains(lower))
    {
        return None;
    }
    if let Some((head, tail)) = first.split_once('-') {
        // "Luxembourg-based", "Post-war": a modifier; "Iran-Iraq": a pair of known names.
        let prefix = matches!(
            head,
            "Ex" | "Anti" | "Pro" | "Non" | "Post" | "Pre" | "Co" | "Neo" | "Mid"
        );
        if prefix
            || tail.starts_with(char::is_lowercase)
            || g.is_common_word(head)
            || g.type_of(head).is_some()
        {
            return None;
        }
    }
    if g.title_head(first).is_some() {
        return None; // "President", "PM" alone: a role, not a name
    }
    if first.chars().any(|c| c.is_ascii_digit()) {
        return Some((EntityType::Other, false)); // "H1N1", "2019-nCoV"
    }
    // "McGurk", "MacDonald" are surnames.
    let surname_prefix = first.starts_with("Mc") || first.starts_with("Mac");
    if !surname_prefix
        && first
            .chars()
            .zip(first.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    {
        return Some((EntityType::Org, false)); // "FurScience", "ThePrint"
    }
    // After "in", "near", "from" a name is a place; after "the" an institution ("the House",
    // "the Fed"); otherwise news names people most often.
    let before = a.checked_sub(1).map(|i| words.word(i)).unwrap_or("");
    if matches!(
        before,
        "in" | "near" | "from" | "across" | "outside" | "into" | "towards"
    ) {
        // A guess all the same: "in Islam", "into Firefox", "a payment from Chelsea".
        return Some((EntityType::Place, true));
    }
    // "the island of Crete", "the port of Igoumenitsa"; "newspaper Kathimerini", "broadcaster PBS";
    // "the Aphrodite field".
    let two_before = a.checked_sub(2).map(|i| words.word(i)).unwrap_or("");
    if before == "of" && PLACE_NOUNS.contains(&two_before) {
        // Guessed too: "the true state of Parmalat".
        return Some((EntityType::Place, true));
    }
    // (A noun before it counts here even across punctuation: "company, Zorvex".)
    if ORG_NOUNS.contains(&before) || organisation_by_context(words, a, b) {
        return Some((EntityType::Org, false));
    }
    // "Deloitte's chief economic advisor Roger Bootle": what has staff with titles is an
    // organisation (a person's own staff are rarer: "Trump's chief of staff", where the
    // person's other mentions outvote this one).
    if employs_a_titled_person(words, g, b) {
        return Some((EntityType::Org, false));
    }
    let after = words
        .tokens
        .get(b)
        .map(|t| t.text(words.text))
        .unwrap_or("");
    if matches!(
        after,
        "field"
            | "fields"
            | "region"
            | "province"
            | "island"
            | "port"
            | "coast"
            | "valley"
            | "river"
    ) && words.joined(b - 1)
    {
        return Some((EntityType::Place, false));
    }
    // "Telangana ministers", "the Hajo assembly", "the Raqqa battle": a name qualifying
    // what a place has.
    // Nouns that are also verbs ("Jason battle Freddy") only after "the".
    let owned = matches!(
        after,
        "ministers" | "governor" | "residents" | "villagers" | "assembly" | "airport"
    ) || matches!(after, "battle" | "offensive" | "border")
        && matches!(before, "the" | "The");
    if owned && words.joined(b - 1) {
        return Some((EntityType::Place, false));
    }
    // "the Aphrodite gas field": a resource between the name and its place noun.
    let after_next = words
        .tokens
        .get(b + 1)
        .map(|t| t.text(words.text))
        .unwrap_or("");
    if matches!(after, "gas" | "oil") && matches!(after_next, "field" | "fields") {
        return Some((EntityType::Place, false));
    }
    if matches!(before, "the" | "The") {
        // "the Hague": a place whose name has the article.
        if g.type_of(&format!("The {first}")) == Some(EntityType::Place) {
            return Some((EntityType::Place, false));
        }
        return Some((EntityType::Org, true));
    }
    // "Spectroscopy", "Euroscepticism", "Musicology" capitalised alone (a heading, a
    // sentence's start): a doctrine or a field of study by its ending, no one's name.
    if names_an_abstraction(first) {
        return None;
    }
    Some((EntityType::Person, true))
}

/// A word whose ending makes it a doctrine or a field of study, endings no surname has
/// ("-ology", "-ism", "-scopy"). Not "-tion", "-sion" or "-ity", which also end the names of
/// firms and institutions a lone word may stand for ("Macrovision", "the Commission"), nor
/// "-ness", "-ship", "-ence" or "-ment", which end surnames (Souness, Blankenship, Clement).
fn names_an_abstraction(word: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "ology", "ologies", "scopy", "metry", "graphy", "physics", "ism", "isms", "archy", "cracy",
    ];
    word.len() >= 6 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Word `k`, after a known organisation's name, is an ordinary word naming a part of it
/// ("Sport", "One", "Radio"): not a title ("BBC Director"), a day, a first name, a nationality,
/// a known name, nor a word for a place, an event or a thing.
fn names_a_part_after_an_organisation(words: &Words<'_>, g: &Gazetteer, k: usize) -> bool {
    let w = strip_possessive_word(words.word(k));
    words.is_cap(k)
        && g.is_common_word(w)
        && !w.chars().all(|c| c.is_uppercase())
        && g.title_head(w).is_none()
        && !is_calendar_word(w)
        && !is_not_a_name(w)
        && !g.is_first_name(w)
        && g.demonym(w).is_none()
        && g.type_of(w).is_none()
        && ![&PLACE_CUES, &EVENT_CUES, &OTHER_CUES, &CONNECTORS]
            .iter()
            .any(|cues| cues.contains(&w))
        // A word of grammar ("European Union In 2004") or a document ("EU Constitution").
        && !matches!(
            w,
            "In" | "On" | "At" | "For" | "To" | "By" | "As" | "If" | "So" | "Educational"
                | "Constitution" | "Convention" | "Treaty" | "Charter"
        )
}

/// A person follows the name ending at word `b - 1`, introduced by a role in lower case:
/// "Deloitte's chief economic advisor Roger Bootle", "said Electrolux chief executive Hans
/// Straberg".
fn employs_a_titled_person(words: &Words<'_>, g: &Gazetteer, b: usize) -> bool {
    if !words.possessive(b - 1) && !words.joined(b - 1) {
        return false;
    }
    let mut k = b;
    while k < words.tokens.len()
        && k < b + 4
        && words.joined(k - 1)
        && words.word(k).starts_with(char::is_lowercase)
    {
        // A role's words only: not "Myers for president and professor Tiara Lusk", "defeated
        // Maroochydore in round 3".
        if ROLE_BREAKERS.contains(&words.word(k)) {
            return false;
        }
        k += 1;
    }
    let role = words.word(k - 1);
    k > b
        && k < words.tokens.len()
        && (g.can_end_title(role) || STAFF_ROLES.contains(&role))
        && words.joined(k - 1)
        && words.is_cap(k)
}

/// Words `a..b` name an organisation by what stands around them: a noun only an organisation
/// has right after ("Chelsea boss Jose Mourinho", "Sony shares"; not "Henman fans", "Roddick
/// coach": people have those too), or a noun for an organisation right before ("oil firm
/// Yukos", "investment bank Goldman Sachs").
fn organisation_by_context(words: &Words<'_>, a: usize, b: usize) -> bool {
    let after = words.tokens.get(b).map_or("", |t| t.text(words.text));
    let member_after = is_org_member(after) && words.joined(b - 1) && !words.possessive(b - 1);
    let noun_before = a >= 1 && words.joined(a - 1) && ORG_NOUNS.contains(&words.word(a - 1));
    member_after || noun_before
}

/// Words `a..b` name a place by where they stand: before ", Greece" (a place and its
/// country or state, "La Jolla, California"), or after a place noun ("the island Crete").
/// Not beside "and" and a known place: "Henman and Britain", "Iran and Assad".
fn place_by_context(words: &Words<'_>, g: &Gazetteer, a: usize, b: usize) -> bool {
    let count = words.tokens.len();
    let gap_after =
        (b < count).then(|| &words.text[words.tokens[b - 1].end..words.tokens[b].start]);
    // "in La Jolla, California", "to Igoumenitsa, Greece": after a word of place, and before
    // a place that is not the start of an appositive ("Gordon Brown, Britain's chancellor",
    // "Gazprom, Russia's gas monopoly") nor a clause ("According to Kadhimi, Iraq opposes").
    let before = a.checked_sub(1).map_or("", |i| words.word(i));
    let attributed =
        a >= 2 && before == "to" && words.word(a - 2).eq_ignore_ascii_case("according");
    let place_word = matches!(
        before,
        "in" | "at"
            | "near"
            | "from"
            | "to"
            | "into"
            | "outside"
            | "towards"
            | "across"
            | "between"
            | "via"
    );
    // Opening a sentence too, when no list goes on: "Otranto, Italy is a proposed end point"
    // (not "Smith, France and Spain agreed").
    let place_after = || {
        match_known(words, g, b, count)
            .filter(|&(len, kind)| kind == EntityType::Place && !words.possessive(b + len - 1))
    };
    if gap_after == Some(", ") && !attributed {
        if let Some((len, _)) = place_after() {
            let next = words.tokens.get(b + len).map_or("", |t| t.text(words.text));
            // Not where the place opens a clause: "selling the unit to Baikal and then to
            // Rosneft, Russia is able to ...".
            let opens_a_clause = words.joined(b + len - 1) && AUXILIARIES.contains(&next);
            if place_word && !opens_a_clause {
                return true;
            }
            // "the Aphrodite gas field and Thesprotia, Greece, where it merges": a place and
            // the country it lies in, set off before "where" (a person's name before a
            // country would be an appositive: "Gordon Brown, Britain's chancellor", excluded
            // above).
            if words.text[words.tokens[b + len - 1].end..].starts_with(", where ") {
                return true;
            }
            if words.starts_clause(a) {
                let gap = words.gap_after(b + len - 1);
                let listed = matches!(next, "and" | "or") || gap.contains([',', '&']);
                if !listed && next.starts_with(char::is_lowercase) {
                    return true;
                }
            }
        }
    }
    a >= 1 && words.joined(a - 1) && PLACE_NOUNS.contains(&words.word(a - 1))
}

/// The word at `pos` stands where a place does: after a preposition of place ("flew to
/// Sydney", not "according to"), or in a list beside a known place ("London, Frankfurt and
/// Sydney", "Sydney and Melbourne").
fn placed_by_context(words: &Words<'_>, g: &Gazetteer, pos: usize) -> bool {
    let count = words.tokens.len();
    if pos >= 1 && words.joined(pos - 1) {
        let before = words.word(pos - 1);
        let attributed =
            before == "to" && pos >= 2 && words.word(pos - 2).eq_ignore_ascii_case("according");
        if PLACE_PREPOSITIONS.contains(&before) && !attributed {
            return true;
        }
    }
    let conjunction = |i: usize| matches!(words.word(i), "and" | "or");
    // The last word of the list item before: "London, Frankfurt", "New York and Sydney".
    let previous = if pos >= 1 && words.gap_after(pos - 1) == ", " {
        Some(pos - 1)
    } else if pos >= 2 && conjunction(pos - 1) && words.joined(pos - 1) {
        matches!(words.gap_after(pos - 2), " " | ", ").then(|| pos - 2)
    } else {
        None
    };
    // A known place ends there (read back up to three words).
    let place_before = previous.is_some_and(|last| {
        (0..3.min(last + 1)).any(|back| {
            match_known(words, g, last - back, last + 1)
                .is_some_and(|(len, kind)| len == back + 1 && kind == EntityType::Place)
        })
    });
    // The first word of the list item after: "Sydney, Melbourne", "Sydney and Melbourne".
    let next = if words.gap_after(pos) == ", " {
        Some(pos + 1)
    } else if pos + 2 < count && conjunction(pos + 1) && words.joined(pos) && words.joined(pos + 1)
    {
        Some(pos + 2)
    } else {
        None
    };
    let place_after = next.is_some_and(|first| {
        first < count
            && match_known(words, g, first, count).is_some_and(|(len, kind)| {
                // Not an appositive: "Jackson, Britain's envoy".
                kind == EntityType::Place && !words.possessive(first + len - 1)
            })
    });
    place_before || place_after
}

/// Pronouns, contractions and single letters: capitalised, but never a name. Nor the
/// numero sign ("cosmonaut No. 11").
fn is_not_a_name(word: &str) -> bool {
    let mut chars = word.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    single
        || word == "No."
        || word
            .split(['\'', '’'])
            .nth(1)
            .is_some_and(|rest| matches!(rest, "m" | "re" | "ve" | "ll" | "d" | "t"))
}

/// A name from word `pos` that ends in an organisation or place cue within the chunk, over
/// nationality and unknown words only ("Syrian Democratic Forces"): its end and type.
fn cue_ended_name(
    words: &Words<'_>,
    g: &Gazetteer,
    pos: usize,
    b: usize,
) -> Option<(usize, EntityType)> {
    for k in pos + 1..b {
        let w = strip_possessive_word(words.word(k));
        if let Some(end) = event_end(words, k, b) {
            return Some((end, EntityType::Event));
        }
        if OTHER_CUES.contains(&w) {
            return Some((k + 1, EntityType::Other));
        }
        if ORG_CUES.contains(&w) {
            // "German Institute for Economic Research": the name goes on after a connector.
            if k + 2 < b
                && CONNECTORS.contains(&words.word(k + 1))
                && match_title(words, g, k + 2, b).is_none()
            {
                return Some((b, EntityType::Org));
            }
            return Some((k + 1, EntityType::Org));
        }
        if matches!(w, "Republic" | "Kingdom" | "Emirates") {
            return Some((k + 1, EntityType::Place));
        }
        let known = match_known(words, g, k, b);
        if match_title(words, g, k, b).is_some()
            || known.is_some_and(|(_, kind)| kind != EntityType::Group)
        {
            return None;
        }
    }
    None
}

/// Where an event's name ends when word `k` is an event cue: after it, or after the
/// numeral that follows it ("World War Two", "World War II").
fn event_end(words: &Words<'_>, k: usize, b: usize) -> Option<usize> {
    if !EVENT_CUES.contains(&strip_possessive_word(words.word(k))) {
        return None;
    }
    let numeral = k + 1 < b
        && words.joined(k)
        && matches!(
            words.word(k + 1),
            "One" | "Two" | "Three" | "I" | "II" | "III" | "1" | "2"
        );
    Some(if numeral { k + 2 } else { k + 1 })
}

/// Holidays and days of remembrance are events, not people ("Halloween", "D-Day").
fn is_holiday(word: &str) -> bool {
    matches!(
        word,
        "Halloween"
            | "Christmas"
            | "Easter"
            | "Thanksgiving"
            | "Ramadan"
            | "Eid"
            | "Hanukkah"
            | "Passover"
            | "Diwali"
            | "Nowruz"
            | "Yom"
            | "D-Day"
            | "VE-Day"
            | "Mardi"
            | "Carnival"
            | "Hajj"
            | "Lent"
            | "Advent"
            | "Pentecost"
            | "Holi"
            | "Vesak"
    )
}

fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// A single unknown word is a person when it is the surname of a person named in the article
/// ("Khamenei" after "Ali Khamenei"), or when it is the subject of a speech verb ("Kazimi said").
fn resolve_single_words(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let g = gazetteer();
    let text = words.text;
    let surnames: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            text[m.span()]
                .rsplit_once(' ')
                .map(|(_, last)| last.to_lowercase())
        })
        .collect();
    // An ordinary word alone ("Brown", "May") is a surname only after a plain "First Last"
    // name: not after a mistaken one ("Robbie Williams' Angels", "Law Lords").
    // Gathered only for an article that has such a word (most have none).
    let may_be_surnames = mentions
        .iter()
        .any(|m| m.kind == EntityType::Other && m.guessed);
    let plain_surnames: HashSet<String> = mentions
        .iter()
        .filter(|m| may_be_surnames && m.kind == EntityType::Person)
        .filter_map(|m| plain_surname(&text[m.span()]))
        .collect();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Other || text[m.span()].contains(' ') {
            continue;
        }
        // Kept only in case it is a surname (see `Words::may_be_a_surname`).
        if m.guessed {
            if plain_surnames.contains(&text[m.span()].to_lowercase()) {
                m.kind = EntityType::Person;
                m.guessed = false;
            }
            continue;
        }
        let word = &text[m.span()];
        let after = text[m.end()..]
            .trim_start_matches(['’', '\'', 's'])
            .trim_start();
        let next_word = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let next_word = if matches!(
            next_word,
            "also"
                | "later"
                | "then"
                | "further"
                | "previously"
                | "earlier"
                | "has"
                | "had"
                | "again"
        ) {
            after
                .split_whitespace()
                .nth(1)
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
        } else {
            next_word
        };
        let is_ordinary = g.is_common_word(word);
        // No one's name has digits ("H1N1"): such a word stays a thing, unless it speaks, as
        // an organisation does ("TVN24 reported", "3M said").
        if word.chars().any(|c| c.is_ascii_digit()) {
            if g.speech_verb(next_word).is_some() {
                m.kind = EntityType::Org;
                m.guessed = false;
            }
            continue;
        }
        if surnames.contains(&word.to_lowercase())
            || !is_ordinary
                && (g.speech_verb(next_word).is_some() || looks_transliterated_surname(word))
        {
            m.kind = EntityType::Person;
            m.guessed = false;
        }
    }
    // "Scripps" after "Scripps Institution of Oceanography": a lone word opening an
    // organisation's name in the same article is that organisation, unless it is a person's
    // surname there.
    let org_heads: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Org)
        .filter_map(|m| {
            let name = &text[m.span()];
            name.split_once(' ').map(|(head, _)| head)
        })
        .collect();
    for m in mentions.iter_mut() {
        let word = &text[m.span()];
        // "the Kadhimi government" after "Mustafa al-Kadhimi", "Davenport" after "Lindsay
        // Davenport": the person, not a place (nor a town of that name).
        let stem = strip_possessive_word(word);
        if m.kind == EntityType::Place
            && !word.contains(' ')
            && (g.type_of(word).is_none() || g.is_minor_place(stem))
            && surnames.contains(&stem.to_lowercase())
        {
            m.kind = EntityType::Person;
            m.guessed = false;
        }
        if m.kind == EntityType::Person
            && m.title().is_none()
            && !word.contains(' ')
            && org_heads.contains(word)
            && !surnames.contains(&word.to_lowercase())
        {
            m.kind = EntityType::Org;
            m.guessed = false;
        }
    }
    // An ordinary word written capitalised ("Trump", "House") is kept only when it turned out
    // to name a person.
    mentions.retain(|m| {
        let word = &text[m.span()];
        m.kind != EntityType::Other || word.contains(' ') || !g.is_common_word(word)
    });
}

/// The surname of a person's name written plainly, first name and surname ("Craig Brown",
/// "Jean-Claude Van Damme"), in lower case.
fn plain_surname(name: &str) -> Option<String> {
    let g = gazetteer();
    let words: Vec<&str> = name.split(' ').collect();
    let last = *words.last()?;
    let plain = (2..=3).contains(&words.len())
        && g.is_first_name(words[0])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && !w.ends_with(['\'', '’', '.'])
                && !CONNECTORS.contains(w)
        })
        && ![&ORG_CUES, &PLACE_CUES, &OTHER_CUES, &EVENT_CUES]
            .iter()
            .any(|cues| cues.contains(&last));
    plain.then(|| last.to_lowercase())
}

/// Arabic and Persian surnames in English often end in -i or carry a prefix ("Kazimi", "Rouhani").
fn looks_transliterated_surname(word: &str) -> bool {
    let lower = word.to_lowercase();
    (lower.ends_with("i") && lower.len() >= 5 && !lower.ends_with("ii"))
        && !word.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests;
