//! The word lists attribution reads sentences with: pronouns, determiners, auxiliaries, roles,
//! groups and the words that stand between a speaker, a verb of speech and what was said. General
//! knowledge of English, curated by the quire authors.

use crate::analysis::wordset::WordSet;

pub(super) const PRONOUNS: WordSet =
    WordSet::new(&["he", "she", "they", "it", "He", "She", "They", "It"]);

pub(super) const SKIPPABLE: WordSet = WordSet::new(&[
    "also",
    "later",
    "then",
    "further",
    "again",
    "previously",
    "earlier",
    "repeatedly",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "recently",
    "reportedly",
    "once",
    "finally",
    "publicly",
    "both",
    "however",
    "only",
    "could",
    "did",
    "simply",
    "merely",
    "always",
    "consistently",
    "long",
    "now",
]);

pub(super) const DETERMINERS: WordSet = WordSet::new(&[
    "the", "The", "a", "A", "an", "An", "his", "her", "its", "their", "this",
]);

/// Groups of people whose words news reports without naming anyone: "Analysts said",
/// "Police said that ...". (Also any "-ists": economists, scientists, activists.)
pub(super) const SPEAKING_GROUPS: WordSet = WordSet::new(&[
    "analysts",
    "officials",
    "police",
    "experts",
    "investigators",
    "critics",
    "witnesses",
    "residents",
    "doctors",
    "researchers",
    "observers",
    "campaigners",
    "prosecutors",
    "organisers",
    "organizers",
    "voters",
    "organisations",
    "organizations",
    "sources",
    "authorities",
    "diplomats",
    "lawyers",
    "creditors",
    "unions",
    "ministers",
    "protesters",
    "workers",
    "medics",
    "scholars",
    "members",
    "leaders",
    "speakers",
    "executives",
    "bosses",
    "managers",
    "traders",
    "dealers",
    "bankers",
    "investors",
    "regulators",
    "lawmakers",
    "legislators",
    "delegates",
    "negotiators",
    "officers",
    "teachers",
    "parents",
    "students",
    "consumers",
    "retailers",
    "scientists",
    "engineers",
    "mps",
    "meps",
    "makers",
    "producers",
    "brokers",
]);

/// Words that open a relative or subordinate clause: an auxiliary after them belongs to it.
pub(super) const RELATIVES: WordSet = WordSet::new(&[
    "who", "which", "that", "when", "where", "if", "as", "because", "whose", "whom",
]);

/// What follows a broadcaster's or a paper's name when it is told something: "told the BBC
/// News website".
pub(super) const MEDIA_TAILS: WordSet = WordSet::new(&[
    "website",
    "programme",
    "program",
    "newspaper",
    "paper",
    "radio",
    "channel",
    "station",
    "agency",
    "magazine",
    "show",
    "network",
]);

/// Words that neither open nor continue a bare subject ("said and will", "claims but had").
pub(super) const NOT_SUBJECTS: WordSet = WordSet::new(&[
    "and", "or", "but", "nor", "this", "these", "those", "than", "then", "so", "not", "also",
    "yet", "still", "to", "them", "him", "me", "us",
]);

/// Articles that introduce someone new: "a spokesman said" means no one named before.
pub(super) const INDEFINITE: WordSet = WordSet::new(&["a", "A", "an", "An"]);

/// Words that make a number approximate or a bound ("around 200 people", "more than 100",
/// "at least 20"): they may open a clause that a number opens.
pub(super) const QUANTITY_BOUNDS: WordSet = WordSet::new(&[
    "about",
    "around",
    "almost",
    "nearly",
    "over",
    "some",
    "roughly",
    "approximately",
    "only",
    "just",
    "up",
    "to",
    "at",
    "least",
    "most",
    "more",
    "less",
    "fewer",
    "than",
    "as",
    "many",
    "much",
]);

/// Numbers written as words, as they open a count ("two people were hurt", "dozens were").
pub(super) const NUMBER_WORDS: WordSet = WordSet::new(&[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "half",
]);

pub(crate) const AUXILIARIES: WordSet = WordSet::new(&[
    "would", "will", "had", "has", "have", "is", "was", "are", "were", "could", "can", "should",
    "must", "may", "might", "did", "does", "do", "remains", "needs",
]);

/// Auxiliaries written with "not" ("can't", "didn’t").
pub(super) const NEGATED_AUXILIARIES: WordSet = WordSet::new(&[
    "can't",
    "can’t",
    "won't",
    "won’t",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "aren't",
    "aren’t",
    "weren't",
    "weren’t",
    "couldn't",
    "couldn’t",
    "wouldn't",
    "wouldn’t",
    "shouldn't",
    "shouldn’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
]);

/// Pronouns that can only be a subject: after a verb of saying they open a clause.
pub(super) const NOMINATIVE_PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "we", "I"]);

/// Verbs of saying that take no object: words after them are the speaker ("said Mr Blair")
/// or when and where ("he said on Tuesday").
pub(super) const SAYING_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "announced",
    "stated",
    "added",
    "warned",
    "claimed",
    "reported",
]);

/// Verbs of saying that also close a sentence of reported speech ("The cost is six billion
/// euros, he noted."), besides the [`SAYING_VERBS`], though they may take an object. Not
/// verbs that as often end sentences of other kinds ("the fighting continued.", "the product
/// was recalled.", "a state of emergency was declared.").
pub(super) const CLOSING_VERBS: WordSet = WordSet::new(&[
    "noted",
    "explained",
    "argued",
    "insisted",
    "stressed",
    "emphasised",
    "emphasized",
    "wrote",
    "suggested",
    "acknowledged",
    "cautioned",
    "remarked",
    "reiterated",
    "asserted",
    "contended",
]);

/// Verbs of saying that take a clause without "that" ("said the troops would leave",
/// "underlined they keep channels open"). Not the verbs whose next words are an object
/// ("asked the minister", "urged the government").
pub(super) const BARE_CLAUSE_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "stated",
    "states",
    "added",
    "adds",
    "warned",
    "warns",
    "claimed",
    "claims",
    "reported",
    "reports",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "underlined",
    "underlines",
    "underscored",
    "emphasized",
    "emphasised",
    "emphasizes",
    "affirmed",
    "reaffirmed",
    "reaffirms",
    "asserted",
    "declared",
    "declares",
    "explained",
    "explains",
    "reiterated",
    "confirmed",
    "confirms",
    "argued",
    "argues",
    "insisted",
    "insists",
    "revealed",
    "cautioned",
    "estimated",
    "wrote",
    "writes",
    "tweeted",
    "acknowledged",
    "admitted",
    "suggested",
    "predicted",
    "maintained",
    "contended",
    "alleged",
    "conceded",
    "disclosed",
    "believes",
    "believed",
]);

/// Words of time between a verb of saying and its clause ("said Friday", "said on Monday").
pub(super) const TIME_WORDS: WordSet = WordSet::new(&[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "earlier",
    "later",
]);

/// Who a statement was made to ("told reporters", "said to journalists").
pub(super) const AUDIENCES: WordSet = WordSet::new(&[
    "reporters",
    "journalists",
    "media",
    "lawmakers",
    "parliament",
    "supporters",
]);

/// Nouns for a person's role: "the guide said" refers back to the salient person.
pub(super) const PERSON_ROLES: WordSet = WordSet::new(&[
    "guide",
    "leader",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "premier",
    "envoy",
    "ambassador",
    "commander",
    "chief",
    "diplomat",
    "man",
    "woman",
]);

/// What an organisation or a person publishes in its own voice.
pub(super) const MEDIA_NOUNS: WordSet = WordSet::new(&[
    "website",
    "site",
    "statement",
    "account",
    "page",
    "report",
    "blog",
    "tweet",
    "release",
    "announcement",
]);

/// Subjects that are not speakers worth naming ("the two sides affirmed").
/// Nouns for an organisation's kind: "the company said" refers back to the organisation the
/// article is about.
pub(super) const ORG_ROLES: WordSet = WordSet::new(&[
    "company",
    "firm",
    "bank",
    "airline",
    "carrier",
    "retailer",
    "insurer",
    "club",
    "broadcaster",
    "manufacturer",
    "maker",
    "chain",
    "publisher",
    "studio",
    "label",
    "operator",
]);

/// Words of a clause, never of a noun phrase describing a speaker: pronouns, auxiliaries and
/// the adverbs that stand between them and a verb ("story he sometimes told").
pub(super) const CLAUSE_WORDS: WordSet = WordSet::new(&[
    "he",
    "she",
    "they",
    "you",
    "I",
    "we",
    "me",
    "him",
    "them",
    "your",
    "my",
    "have",
    "has",
    "had",
    "was",
    "were",
    "is",
    "are",
    "just",
    "sometimes",
]);

pub(super) const GENERIC_HEADS: WordSet = WordSet::new(&[
    "sides",
    "parties",
    "countries",
    "both",
    "two",
    "people",
    "others",
    "some",
]);

/// Possessives make the next word a noun: "his remarks", "their claims" are things said, not
/// someone saying them. (Not articles: "issued a warning that ..." reports speech.)
pub(super) const POSSESSIVES: WordSet = WordSet::new(&[
    "his", "her", "their", "its", "my", "our", "your", "His", "Her", "Their", "Its", "My", "Our",
    "Your",
]);
