//! The general knowledge the analysis uses, read once from the files in assets/ (embedded in
//! the binary): places, demonyms and religions, organisations, titles, first names, speech
//! verbs, common words and curated alias groups. Lookups are by exact or lowercased text.

// FxHash: these maps are read millions of times per corpus with short string keys, where
// SipHash's DoS resistance buys nothing (the keys are our own assets).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

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
    places: HashMap<String, bool>,
    /// Demonym (lowercased, singular or plural) → its canonical singular form.
    demonyms: HashMap<String, String>,
    /// Known organisations and events by exact name, with their type.
    organisations: HashMap<String, EntityType>,
    /// Lowercased known names usable case-insensitively (not common words), with their type.
    names_lower: HashMap<String, EntityType>,
    /// Title (exact) → head noun a later reference uses ("premier" → "prime minister").
    titles: HashMap<String, String>,
    /// Lowercased title → head noun, for references written in lower case ("the Iraqi premier").
    titles_lower: HashMap<String, String>,
    /// The last word of every title, lowercased.
    title_ends: HashSet<String>,
    max_title_words: usize,
    first_names: HashSet<String>,
    common_words: HashSet<String>,
    speech_verbs: HashMap<String, VerbForm>,
    /// Lowercased name → alias group index; `alias_groups[i][0]` is the display name.
    alias_of: HashMap<String, usize>,
    alias_groups: Vec<Vec<String>>,
    /// Longest gazetteer name, in words.
    max_name_words: usize,
    /// For each lowercased first word of a known name, the most words a name starting with it
    /// has: a name lookup at a word that starts none is skipped at once.
    first_words: HashMap<String, usize>,
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
        let mut demonyms = HashMap::default();
        for line in lines(include_str!("../../assets/demonyms.tsv")) {
            let word = line.split('\t').next().unwrap_or_default();
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
            .chain(alias_groups.iter().flatten())
            .chain(demonyms.keys())
        {
            let words = name.split(' ').count();
            let first = name.split(' ').next().unwrap_or_default().to_lowercase();
            let entry = first_words.entry(first).or_insert(0);
            *entry = (*entry).max(words);
        }
        Self {
            first_words,
            places,
            demonyms,
            organisations,
            names_lower,
            titles,
            titles_lower,
            title_ends,
            max_title_words,
            first_names,
            common_words,
            speech_verbs,
            alias_of,
            alias_groups,
            max_name_words,
        }
    }

    /// The type general knowledge gives `name` (exact spelling), if any.
    pub fn type_of(&self, name: &str) -> Option<EntityType> {
        if let Some(kind) = self.organisations.get(name) {
            return Some(*kind);
        }
        if self.places.contains_key(name) {
            return Some(EntityType::Place);
        }
        if name.starts_with(char::is_uppercase)
            && lowercased(name, |lower| self.demonyms.contains_key(lower))
        {
            return Some(EntityType::Group);
        }
        if let Some(group) = lowercased(name, |lower| self.alias_of.get(lower).copied()) {
            return self.alias_groups[group].iter().find_map(|n| {
                self.organisations
                    .get(n)
                    .copied()
                    .or_else(|| self.places.contains_key(n).then_some(EntityType::Place))
            });
        }
        None
    }

    /// Like [`type_of`](Self::type_of), but for names written in lower case in the text
    /// ("peshmerga"), which count only when the name is not an ordinary English word.
    pub fn type_of_lowercase(&self, name: &str) -> Option<EntityType> {
        lowercased(name, |lower| self.names_lower.get(lower).copied())
    }

    /// True for a city that is neither a country, a capital nor a region ("Hassan", "Reading").
    pub fn is_minor_place(&self, name: &str) -> bool {
        self.places.get(name).copied().unwrap_or(false)
    }

    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains_key(name) || self.type_of(name) == Some(EntityType::Place)
    }

    /// The canonical singular demonym for `word` (`Iranians` → `Iranian`).
    pub fn demonym(&self, word: &str) -> Option<&str> {
        lowercased(word, |lower| self.demonyms.get(lower)).map(String::as_str)
    }

    /// The head noun of a title (`Prime Minister` → `prime minister`).
    pub fn title_head(&self, title: &str) -> Option<&str> {
        self.titles.get(title).map(String::as_str)
    }

    /// The head noun of a title written in lower case ("first vice president" → "vice president").
    pub fn title_head_lowercase(&self, title: &str) -> Option<&str> {
        lowercased(title, |lower| self.titles_lower.get(lower)).map(String::as_str)
    }

    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The most words a known name starting with `first` has (0: no known name starts so).
    pub fn name_words_from(&self, first: &str) -> usize {
        lowercased(first, |lower| self.first_words.get(lower).copied()).unwrap_or(0)
    }

    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// True for ordinary English words ("the", "late", "during"), compared in lower case.
    pub fn is_common_word(&self, word: &str) -> bool {
        lowercased(word, |lower| self.common_words.contains(lower))
    }

    /// True when `word` (any case) can end a title ("minister", "President", "premier"): a cheap
    /// test before looking a whole phrase up.
    pub fn can_end_title(&self, word: &str) -> bool {
        lowercased(word, |lower| self.title_ends.contains(lower))
    }

    /// The form of a verb of speech, also when capitalised at a sentence start ("Explaining").
    pub fn speech_verb(&self, word: &str) -> Option<VerbForm> {
        self.speech_verbs.get(word).copied().or_else(|| {
            word.starts_with(char::is_uppercase)
                .then(|| lowercased(word, |lower| self.speech_verbs.get(lower).copied()))
                .flatten()
        })
    }

    /// The curated alias group `name` belongs to, as its display name.
    pub fn alias_group(&self, name: &str) -> Option<&str> {
        lowercased(name, |lower| self.alias_of.get(lower).copied())
            .map(|i| self.alias_groups[i][0].as_str())
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

    #[test]
    fn general_knowledge_types() {
        let g = gazetteer();
        assert_eq!(g.type_of("Iran"), Some(EntityType::Place));
        assert_eq!(g.type_of("Iranians"), Some(EntityType::Group));
        assert_eq!(g.type_of("Reuters"), Some(EntityType::Org));
        assert_eq!(g.type_of("Daesh"), Some(EntityType::Org));
        assert_eq!(g.alias_group("daesh"), Some("Islamic State"));
        assert_eq!(g.title_head("premier"), Some("prime minister"));
        assert!(g.is_common_word("During"));
        assert!(!g.is_common_word("Khamenei"));
        assert_eq!(g.speech_verb("stressing"), Some(VerbForm::Gerund));
    }
}
