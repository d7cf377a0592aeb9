//! The general knowledge the analysis uses, read once from the files in assets/ (embedded in
//! the binary): places, demonyms and religions, organisations and listed companies, titles,
//! first names, speech verbs, common words and curated alias groups. Lookups are by exact or
//! lowercased text.

// FxHash: these maps are read millions of times per corpus with short string keys, where
// SipHash's DoS resistance buys nothing (the keys are our own assets).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::wordset::Shapes;
use super::EntityType;

/// How a speech verb is used: with a subject (`said`, `says`) or continuing one (`stressing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Finite,
    Gerund,
}

/// All gazetteers, built once per process.
pub struct Gazetteer {
    /// Place names → true when the place is only a city (a town's name may be a person's).
    places: Lookup<bool>,
    /// Demonym (lowercased, singular or plural) → its canonical singular form.
    demonyms: Lookup<String>,
    /// The demonyms of faiths and peoples that have no country ("Christian", "Kurdish"),
    /// lowercased, singular only.
    stateless: Lookup<()>,
    /// Known organisations and events by exact name, with their type.
    organisations: Lookup<EntityType>,
    /// The names of known organisations that open with "The", without it ("Times" for "The
    /// Times"): their name where a lowercase "the" stands before ("told the Times").
    without_the: Lookup<EntityType>,
    /// Lowercased known names usable case-insensitively (not common words), with their type.
    names_lower: Lookup<EntityType>,
    /// Title (exact) → head noun a later reference uses ("premier" → "prime minister").
    titles: Lookup<String>,
    /// Lowercased title → head noun, for references written in lower case ("the Iraqi premier").
    titles_lower: Lookup<String>,
    /// The last word of every title, lowercased.
    title_ends: Lookup<()>,
    max_title_words: usize,
    first_names: Lookup<()>,
    common_words: Lookup<()>,
    /// Abbreviations of ordinary nouns ("TV", "GDP", "PhD"), as written.
    common_acronyms: Lookup<()>,
    /// Companies of the major stock indices, as written ("Nintendo", "Deutsche Bank").
    companies: Lookup<()>,
    speech_verbs: Lookup<VerbForm>,
    /// Lowercased name → alias group index; `alias_groups[i][0]` is the display name.
    alias_of: Lookup<usize>,
    alias_groups: Vec<Vec<String>>,
    /// Longest gazetteer name, in words.
    max_name_words: usize,
    /// For each lowercased first word of a known name, the most words a name starting with it
    /// has: a name lookup at a word that starts none is skipped at once.
    first_words: Lookup<usize>,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The process-wide gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Self {
        let mut places = HashMap::default();
        for line in lines(include_str!("../../assets/places.tsv")) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default().to_string();
            let kind = cols.next().unwrap_or_default();
            places.insert(name, kind == "city");
        }
        // States and provinces ("New South Wales", "Hubei"). Read as towns are: many are
        // family names too ("Shiga", "Fukui").
        for name in lines(include_str!("../../assets/provinces.txt")) {
            places.entry(name.to_string()).or_insert(true);
        }
        let mut demonyms = HashMap::default();
        let mut stateless = HashSet::default();
        let curated = lines(include_str!("../../assets/demonyms.tsv"));
        for line in curated.chain(lines(include_str!("../../assets/country_demonyms.tsv"))) {
            let word = line.split('\t').next().unwrap_or_default();
            if line.split('\t').nth(1).is_none_or(|country| country == "-") {
                stateless.insert(word.to_lowercase());
            }
            demonyms.insert(word.to_lowercase(), word.to_string());
            // "Iranian" → "Iranians"; "Chinese", "Turkish", "Dutch" have no plural in -s.
            let invariable = ["ese", "ish", "ch", "ss", "y"]
                .iter()
                .any(|end| word.ends_with(end));
            if !invariable {
                demonyms.insert(format!("{word}s").to_lowercase(), word.to_string());
            }
        }
        let common_words: HashSet<String> = lines(include_str!("../../assets/common_words.txt"))
            .map(str::to_string)
            .collect();
        let mut organisations = HashMap::default();
        let mut names_lower = HashMap::default();
        for line in lines(include_str!("../../assets/organisations.tsv")) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default().to_string();
            let kind = match cols.next().unwrap_or("ORG") {
                "EVENT" => EntityType::Event,
                "OTHER" => EntityType::Other,
                "PLACE" => EntityType::Place,
                _ => EntityType::Org,
            };
            if !common_words.contains(&name.to_lowercase()) {
                names_lower.insert(name.to_lowercase(), kind);
            }
            organisations.insert(name, kind);
        }
        let mut titles = HashMap::default();
        for line in lines(include_str!("../../assets/titles.txt")) {
            let mut cols = line.split('\t');
            let title = cols.next().unwrap_or_default().to_string();
            let head = cols.next().unwrap_or_default().to_string();
            titles.insert(title, head);
        }
        let titles_lower = titles
            .iter()
            .filter(|(t, _)| {
                !matches!(
                    t.as_str(),
                    "Mr" | "Mr."
                        | "Mrs"
                        | "Mrs."
                        | "Ms"
                        | "Ms."
                        | "Dr"
                        | "Dr."
                        | "Sir"
                        | "Dame"
                        | "Lord"
                        | "Lady"
                        | "Justice"
                        | "Chair"
                        | "Major"
                        | "General"
                )
            })
            .map(|(t, h)| (t.to_lowercase(), h.clone()))
            .collect();
        let title_ends = titles
            .keys()
            .filter_map(|t| t.split(' ').next_back())
            .map(str::to_lowercase)
            .collect();
        let max_title_words = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let first_names = lines(include_str!("../../assets/first_names.txt"))
            .map(str::to_string)
            .collect();
        let common_acronyms = lines(include_str!("../../assets/common_acronyms.txt"))
            .map(str::to_string)
            .collect();
        let companies = lines(include_str!("../../assets/companies.txt"))
            .map(str::to_string)
            .collect();
        let speech_verbs = lines(include_str!("../../assets/speech_verbs.txt"))
            .map(|line| {
                let mut cols = line.split('\t');
                let verb = cols.next().unwrap_or_default().to_string();
                let form = if cols.next() == Some("gerund") {
                    VerbForm::Gerund
                } else {
                    VerbForm::Finite
                };
                (verb, form)
            })
            .collect();
        let mut alias_of = HashMap::default();
        let mut alias_groups = Vec::new();
        for line in lines(include_str!("../../assets/aliases.txt")) {
            let names: Vec<String> = line.split(" = ").map(|n| n.trim().to_string()).collect();
            for name in &names {
                alias_of.insert(name.to_lowercase(), alias_groups.len());
            }
            alias_groups.push(names);
        }
        let without_the: HashMap<String, EntityType> = organisations
            .iter()
            .filter_map(|(name, &kind)| Some((name.strip_prefix("The ")?.to_string(), kind)))
            .filter(|(name, _)| !organisations.contains_key(name))
            .collect();
        let max_name_words = places
            .keys()
            .chain(organisations.keys())
            .chain(alias_groups.iter().flatten())
            .map(|n| n.split([' ', '-']).count())
            .max()
            .unwrap_or(1);
        let mut first_words: HashMap<String, usize> = HashMap::default();
        for name in places
            .keys()
            .chain(organisations.keys())
            .chain(without_the.keys())
            .chain(alias_groups.iter().flatten())
            .chain(demonyms.keys())
        {
            let words = name.split(' ').count();
            let first = name.split(' ').next().unwrap_or_default().to_lowercase();
            let entry = first_words.entry(first).or_insert(0);
            *entry = (*entry).max(words);
        }
        Self {
            first_words: Lookup::new(first_words),
            places: Lookup::new(places),
            demonyms: Lookup::new(demonyms),
            stateless: Lookup::set(stateless),
            organisations: Lookup::new(organisations),
            without_the: Lookup::new(without_the),
            names_lower: Lookup::new(names_lower),
            titles: Lookup::new(titles),
            titles_lower: Lookup::new(titles_lower),
            title_ends: Lookup::set(title_ends),
            max_title_words,
            first_names: Lookup::set(first_names),
            common_words: Lookup::set(common_words),
            common_acronyms: Lookup::set(common_acronyms),
            companies: Lookup::set(companies),
            speech_verbs: Lookup::new(speech_verbs),
            alias_of: Lookup::new(alias_of),
            alias_groups,
            max_name_words,
        }
    }

    /// The type general knowledge gives `name` (exact spelling), if any.
    pub fn type_of(&self, name: &str) -> Option<EntityType> {
        if let Some(kind) = self.organisations.get(name) {
            return Some(*kind);
        }
        if self.places.get(name).is_some() {
            return Some(EntityType::Place);
        }
        if name.starts_with(char::is_uppercase) && self.demonyms.get_lower(name).is_some() {
            return Some(EntityType::Group);
        }
        if let Some(group) = self.alias_group_of(name) {
            return self.alias_groups[group].iter().find_map(|n| {
                self.organisations
                    .get(n)
                    .copied()
                    .or_else(|| self.places.get(n).map(|_| EntityType::Place))
            });
        }
        None
    }

    /// Like [`type_of`](Self::type_of), but for names written in lower case in the text
    /// ("peshmerga"), which count only when the name is not an ordinary English word.
    pub fn type_of_lowercase(&self, name: &str) -> Option<EntityType> {
        self.names_lower.get_lower(name).copied()
    }

    /// True for a city that is neither a country, a capital nor a region ("Hassan", "Reading").
    pub fn is_minor_place(&self, name: &str) -> bool {
        self.places.get(name).copied().unwrap_or(false)
    }

    pub fn is_place(&self, name: &str) -> bool {
        self.places.get(name).is_some() || self.type_of(name) == Some(EntityType::Place)
    }

    /// The canonical singular demonym for `word` (`Iranians` → `Iranian`).
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get_lower(word).map(String::as_str)
    }

    /// A nationality: the demonym of a country ("Iraqi", "European"), not of a faith or a
    /// people ("Christian", "Kurdish").
    pub fn is_nationality(&self, word: &str) -> bool {
        self.demonym(word)
            .is_some_and(|singular| self.stateless.get_lower(singular).is_none())
    }

    /// The head noun of a title (`Prime Minister` → `prime minister`).
    pub fn title_head(&self, title: &str) -> Option<&str> {
        self.titles.get(title).map(String::as_str)
    }

    /// The head noun of a title written in lower case ("first vice president" → "vice president").
    pub fn title_head_lowercase(&self, title: &str) -> Option<&str> {
        self.titles_lower.get_lower(title).map(String::as_str)
    }

    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The most words a known name starting with `first` has (0: no known name starts so).
    pub fn name_words_from(&self, first: &str) -> usize {
        self.first_words.get_lower(first).copied().unwrap_or(0)
    }

    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.get(word).is_some()
    }

    /// True for ordinary English words ("the", "late", "during"), compared in lower case.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.get_lower(word).is_some()
    }

    /// True for an abbreviation of an ordinary noun ("TV", "GDP", "PhD") or its plural ("MPs"),
    /// and for any plural of capitals ("NGOs" is no more a name than "TVs"): things, not names.
    pub fn is_common_acronym(&self, word: &str) -> bool {
        if self.common_acronyms.get(word).is_some() {
            return true;
        }
        word.strip_suffix('s').is_some_and(|stem| {
            self.common_acronyms.get(stem).is_some()
                || stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
        })
    }

    /// The type of the known organisation named "The `name`", for a name after a lowercase
    /// "the" ("told the Times"): written alone, "Times" names nothing.
    pub fn type_after_the(&self, name: &str) -> Option<EntityType> {
        self.without_the.get(name).copied()
    }

    /// A listed company's name, exactly as written. Weaker knowledge than the organisations:
    /// many companies bear a surname ("Pearson", "Hawkins"), so the name types an unknown
    /// name that is all of it (or opens with it: "Sony Ericsson"), never splits a longer one.
    pub fn is_company(&self, name: &str) -> bool {
        self.companies.get(name).is_some()
    }

    /// True when `word` (any case) can end a title ("minister", "President", "premier"): a cheap
    /// test before looking a whole phrase up.
    pub fn can_end_title(&self, word: &str) -> bool {
        self.title_ends.get_lower(word).is_some()
    }

    /// The form of a verb of speech, also when capitalised at a sentence start ("Explaining").
    pub fn speech_verb(&self, word: &str) -> Option<VerbForm> {
        self.speech_verbs.get(word).copied().or_else(|| {
            word.starts_with(char::is_uppercase)
                .then(|| self.speech_verbs.get_lower(word).copied())
                .flatten()
        })
    }

    /// The curated alias group `name` belongs to, as its display name.
    pub fn alias_group(&self, name: &str) -> Option<&str> {
        self.alias_group_of(name)
            .map(|i| self.alias_groups[i][0].as_str())
    }

    /// The index of the alias group `name` belongs to. Names match whatever their case
    /// ("Nato" is NATO), except an acronym that spells an ordinary word, which must be written
    /// in capitals: "Who is to blame?" does not name the WHO, nor "Let Us" the US.
    fn alias_group_of(&self, name: &str) -> Option<usize> {
        let group = *self.alias_of.get_lower(name)?;
        let capitals = |s: &str| s.chars().all(|c| !c.is_lowercase());
        let spells_a_word = !capitals(name)
            && self.is_common_word(name)
            && self.alias_groups[group]
                .iter()
                .any(|alias| capitals(alias) && alias.eq_ignore_ascii_case(name));
        (!spells_a_word).then_some(group)
    }
}

/// A gazetteer map with a filter in front: most words of an article are in none of the
/// gazetteers, and a bit test on the word's length and outer letters (8 KiB, in cache) turns
/// most of them away before any hashing. Case-insensitive, so it serves exact and lowercased
/// lookups alike.
struct Lookup<V> {
    map: HashMap<String, V>,
    /// The keys' lengths and first letters: a small map's keys have few, and most words are
    /// turned away here, cheaper than by the filter's bit.
    shapes: Shapes,
    filter: Box<[u64]>,
}

const FILTER_BITS: usize = 1 << 16;

/// The filter bit for `word`: its length, first, second and last bytes (ASCII letters lowered).
/// A word and the key it equals share their bit, and so do an ASCII word and its lower case.
fn filter_bit(word: &str) -> usize {
    let bytes = word.as_bytes();
    let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase) as u32;
    let key =
        (bytes.len() as u32) | at(0) << 8 | at(1) << 16 | at(bytes.len().wrapping_sub(1)) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize % FILTER_BITS
}

impl<V> Lookup<V> {
    fn new(map: HashMap<String, V>) -> Self {
        let mut filter = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        for bit in map.keys().map(|key| filter_bit(key)) {
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let shapes = map.keys().fold(Shapes::NONE, |shapes, key| {
            shapes.with_folded(key.as_bytes())
        });
        Self {
            map,
            shapes,
            filter,
        }
    }

    #[inline]
    fn passes(&self, word: &str) -> bool {
        if !self.shapes.may_hold_folded(word.as_bytes()) {
            return false;
        }
        let bit = filter_bit(word);
        self.filter[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// The value for `word` exactly as written.
    #[inline]
    fn get(&self, word: &str) -> Option<&V> {
        if self.passes(word) {
            self.get_exact(word)
        } else {
            None
        }
    }

    /// The value for `word` in lower case (the map's keys are lower case). A word that is not
    /// ASCII is not filtered: lowering it may change its bytes.
    #[inline]
    fn get_lower(&self, word: &str) -> Option<&V> {
        if self.passes(word) || !word.is_ascii() {
            self.get_lowered(word)
        } else {
            None
        }
    }

    /// [`Self::get`] past the filter, out of line like [`Self::get_lowered`].
    #[inline(never)]
    fn get_exact(&self, word: &str) -> Option<&V> {
        self.map.get(word)
    }

    /// [`Self::get_lower`] past the filter: out of line, so that the filter's test, asked of
    /// nearly every word, is inlined where it is asked.
    #[inline(never)]
    fn get_lowered(&self, word: &str) -> Option<&V> {
        lowercased(word, |lower| self.map.get(lower))
    }
}

impl Lookup<()> {
    fn set(words: HashSet<String>) -> Self {
        Self::new(words.into_iter().map(|w| (w, ())).collect())
    }
}

/// Runs `f` on `word` in lower case. Gazetteer lookups run for every capitalised word of every
/// article, so a short ASCII word is lowered on the stack, not in a new `String`.
pub fn lowercased<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return f(word);
    }
    let mut buffer = [0u8; 48];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter in front of each map never turns away a word the map holds, in any case.
    #[test]
    fn lookups_find_every_key_whatever_its_case() {
        let g = gazetteer();
        fn check<V>(lookup: &Lookup<V>, lowercase_keys: bool) {
            for key in lookup.map.keys() {
                assert!(lookup.get(key).is_some(), "{key}");
                // (ASCII keys: "elazığ" upper-cased does not lower-case back.)
                if lowercase_keys && key.is_ascii() {
                    assert!(lookup.get_lower(&key.to_uppercase()).is_some(), "{key}");
                }
            }
        }
        check(&g.places, false);
        check(&g.organisations, false);
        check(&g.without_the, false);
        check(&g.titles, false);
        check(&g.first_names, false);
        for lower in [&g.common_words, &g.title_ends] {
            check(lower, true);
        }
        check(&g.demonyms, true);
        check(&g.names_lower, true);
        check(&g.titles_lower, true);
        check(&g.speech_verbs, false);
        check(&g.common_acronyms, false);
        check(&g.alias_of, true);
        check(&g.first_words, true);
        // And it does turn most other words away.
        let words = [
            "table",
            "quickly",
            "however",
            "thirteen",
            "xylophone",
            "reading",
        ];
        let passed = words.iter().filter(|w| g.places.passes(w)).count();
        assert!(passed < words.len(), "{passed}");
    }

    #[test]
    fn general_knowledge_types() {
        let g = gazetteer();
        assert_eq!(g.type_of("Iran"), Some(EntityType::Place));
        assert_eq!(g.type_of("Iranians"), Some(EntityType::Group));
        assert_eq!(g.type_of("Reuters"), Some(EntityType::Org));
        assert_eq!(g.type_of("Daesh"), Some(EntityType::Org));
        assert_eq!(g.alias_group("daesh"), Some("Islamic State"));
        assert_eq!(g.type_of("House of Lords"), Some(EntityType::Org));
        assert_eq!(g.type_of("Lib Dems"), Some(EntityType::Org));
        // Aliases match in any case, but an acronym that spells a word only in capitals.
        assert_eq!(g.type_of("Nato"), Some(EntityType::Org));
        assert_eq!(g.type_of("WHO"), Some(EntityType::Org));
        assert_eq!(g.type_of("Who"), None);
        assert_eq!(g.alias_group("US"), Some("United States"));
        assert_eq!(g.alias_group("Us"), None);
        // Listed companies, but none that reads as an ordinary word or a person's name.
        assert!(g.is_company("Nintendo") && g.is_company("Deutsche Bank"));
        assert!(!g.is_company("Target") && !g.is_company("Walt Disney"));
        assert_eq!(g.type_of("HIV"), Some(EntityType::Other));
        assert_eq!(g.title_head("premier"), Some("prime minister"));
        assert!(g.is_common_word("During"));
        assert!(!g.is_common_word("Khamenei"));
        assert_eq!(g.speech_verb("stressing"), Some(VerbForm::Gerund));
    }
}
