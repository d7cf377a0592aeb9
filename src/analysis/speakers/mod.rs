//! Says who is speaking. For each direct quote it reads the cues around it (`X said:`,
//! `," he said`, `said X`, `According to X`, `For his part, X stressed`), and it finds reported
//! speech (`X added that …`, `According to X, …`, `…, he said.`). Pronouns and titles resolve
//! to an entity by one salience rule, documented on [`Attributor::resolve_pronoun`] and
//! [`Attributor::resolve_title`].

use std::ops::Range;

use super::entities::{Mention, ROLE_CHANGERS};
use super::gazetteer::{gazetteer, VerbForm};
use super::quotes::QuoteSpan;
use super::tokens::{is_word_char, Token};
use super::{EntityType, QuoteKind};

pub(crate) mod words;
use words::{
    AUDIENCES, AUXILIARIES, BARE_CLAUSE_VERBS, CLAUSE_WORDS, CLOSING_VERBS, DETERMINERS,
    GENERIC_HEADS, INDEFINITE, MEDIA_NOUNS, MEDIA_TAILS, NEGATED_AUXILIARIES, NOMINATIVE_PRONOUNS,
    NOT_SUBJECTS, NUMBER_WORDS, ORG_ROLES, PERSON_ROLES, POSSESSIVES, PRONOUNS, QUANTITY_BOUNDS,
    RELATIVES, SAYING_VERBS, SKIPPABLE, SPEAKING_GROUPS, TIME_WORDS,
};

/// Who says a quote: an entity of the corpus, or a speaker the text only describes
/// ("the media office of the Prime Minister").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    Entity(usize),
    Described(String),
}

/// A quote with its kind and speaker (byte offsets into the article's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributed {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub unclosed: bool,
}

/// What the attributor needs to know about one article.
pub struct ArticleView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Range<usize>],
    pub paragraphs: &'a [Range<usize>],
    pub mentions: &'a [Mention],
    /// Final (linked) type of each mention.
    pub kinds: &'a [EntityType],
    /// Entity index of each mention.
    pub entity: &'a [u32],
}

impl ArticleView<'_> {
    /// The entity mention `m` names.
    fn entity_of(&self, m: usize) -> usize {
        self.entity[m] as usize
    }
}

/// Attributes the direct quotes of one article and finds its reported speech.
pub fn attribute(view: &ArticleView<'_>, direct: &[QuoteSpan]) -> Vec<Attributed> {
    let attributor = Attributor::new(view, direct);
    let mut out = Vec::new();
    let mut previous: Option<(usize, Option<Speaker>)> = None; // (paragraph, speaker)
    for q in direct {
        let paragraph = attributor.paragraph_of(q.open);
        let speaker = attributor.direct_speaker(q).or_else(|| match &previous {
            Some((p, s))
                if *p == paragraph || (*p + 1 == paragraph && attributor.starts_paragraph(q)) =>
            {
                s.clone()
            }
            _ => None,
        });
        previous = Some((paragraph, speaker.clone()));
        out.push(Attributed {
            start: q.start,
            end: q.end,
            kind: QuoteKind::Direct,
            speaker,
            unclosed: q.unclosed,
        });
    }
    out.extend(attributor.reported());
    out.sort_by_key(|q| (q.start, q.end));
    speak_headline_quotes(view, &mut out);
    out
}

/// A quote of the headline that nothing there attributes ("Musicians 'upbeat' about the net")
/// is the words of whoever the article quotes saying them: the person or organisation named
/// as the speaker of the first later quote that holds them as whole words. Words of two
/// letters or fewer say too little.
fn speak_headline_quotes(view: &ArticleView<'_>, quotes: &mut [Attributed]) {
    let Some(headline) = view.paragraphs.first() else {
        return;
    };
    let text = view.text;
    let words = |r: &Attributed| -> Vec<String> {
        text[r.start..r.end]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for i in 0..quotes.len() {
        let q = &quotes[i];
        if q.kind != QuoteKind::Direct || q.speaker.is_some() || q.end > headline.end {
            continue;
        }
        let said = words(q);
        if said.concat().chars().count() <= 2 {
            continue;
        }
        let speaker = quotes[i + 1..]
            .iter()
            // Someone named: a described speaker ("researchers") may only use the term.
            .filter(|later| {
                later.start >= headline.end && matches!(later.speaker, Some(Speaker::Entity(_)))
            })
            .find(|later| {
                words(later)
                    .windows(said.len())
                    .any(|w| w == said.as_slice())
            })
            .and_then(|later| later.speaker.clone());
        quotes[i].speaker = speaker;
    }
}

/// The words after a quote are a short sentence of their own that only says who spoke,
/// ending with the verb: `"… at the controls." Hailey later recalled.` (not `"…" The Taliban
/// have claimed responsibility.`).
fn is_attribution_sentence(after: &str) -> bool {
    let rest = after.trim_start();
    let line = rest.split('\n').next().unwrap_or("");
    let Some(fragment) = line.find(['.', '!', '?']).map(|i| &line[..i]) else {
        return false;
    };
    let ends_with_the_verb = fragment
        .split_whitespace()
        .next_back()
        .is_some_and(|w| gazetteer().speech_verb(w) == Some(VerbForm::Finite));
    rest.starts_with(char::is_uppercase)
        && (2..=5).contains(&fragment.split_whitespace().count())
        && !fragment.contains(['"', '“', ','])
        && ends_with_the_verb
}

struct Attributor<'a, 'v> {
    view: &'v ArticleView<'a>,
    direct: &'v [QuoteSpan],
    /// (offset, speaker) of each sentence's subject, in text order: the salience timeline.
    subjects: Vec<(usize, Speaker)>,
    /// The article's most mentioned person, computed once (the last resort for "he").
    salient: Option<usize>,
    /// Mentions introduced with a title, in text order: the only ones a title reference can
    /// mean. Kept apart so that resolving a title never walks every mention (a huge file would
    /// make that quadratic).
    titled: Vec<usize>,
    /// What the rules ask of each token, answered once (see [`TokenFacts`]).
    facts: Vec<TokenFacts>,
}

/// What the attribution rules ask of every token, again and again as their loops walk the
/// sentences: its mention, whether it is quoted, whether it is a verb of speech. Answered in
/// one pass per article instead of by a binary search or a gazetteer lookup per question
/// (half of the attribution's time).
#[derive(Debug, Clone, Copy)]
struct TokenFacts {
    /// The mention holding the token's first byte.
    mention: Option<u32>,
    /// Inside a direct quote (between its marks).
    quoted: bool,
    speech: Option<VerbForm>,
}

fn token_facts(view: &ArticleView<'_>, direct: &[QuoteSpan]) -> Vec<TokenFacts> {
    let g = gazetteer();
    // Tokens and mentions are in text order, and so are direct quotes by their opening mark:
    // one walk over the three finds each token's mention and quote.
    debug_assert!(view
        .mentions
        .windows(2)
        .all(|w| w[0].start() <= w[1].start()));
    debug_assert!(direct.windows(2).all(|w| w[0].open <= w[1].open));
    let (mut m, mut q) = (0, 0);
    view.tokens
        .iter()
        .enumerate()
        .map(|(k, token)| {
            let at = token.start;
            while m < view.mentions.len() && view.mentions[m].start() <= at {
                m += 1;
            }
            while q < direct.len() && direct[q].open <= at {
                q += 1;
            }
            let mention = (m > 0 && view.mentions[m - 1].end() > at).then(|| (m - 1) as u32);
            let quoted = q > 0 && at < direct[q - 1].close.max(direct[q - 1].end);
            let word = token.text(view.text);
            // A capitalised word inside a name is part of it: "States" in "the United States'
            // Centers for Disease Control" is no verb of saying.
            let in_a_name = mention.is_some() && word.starts_with(char::is_uppercase);
            TokenFacts {
                mention,
                quoted,
                speech: g.speech_verb(word).filter(|_| {
                    !in_a_name
                        && !after_a_possessive(view, k)
                        && !after_a_determiner(view, k)
                        && !after_a_verb_of_saying(view, k)
                }),
            }
        })
        .collect()
}

/// Token `k`, a plural, is the object of a verb of saying in the past right before it: a
/// noun ("denied reports that", "rejected claims that"), whose "that" clause the first verb
/// reports. (Not "Reports said", "Initial reports stated": there the first is the noun.)
fn after_a_verb_of_saying(view: &ArticleView<'_>, k: usize) -> bool {
    let previous = view.tokens[k.saturating_sub(1)].text(view.text);
    k > 0
        && !view.tokens[k].sentence_start
        && view.tokens[k].text(view.text).ends_with('s')
        && previous.ends_with("ed")
        && view.text[view.tokens[k - 1].end..view.tokens[k].start] == *" "
        && gazetteer().speech_verb(previous) == Some(VerbForm::Finite)
}

/// Token `k` follows a possessive in the same sentence ("his remarks").
fn after_a_possessive(view: &ArticleView<'_>, k: usize) -> bool {
    k > 0
        && !view.tokens[k].sentence_start
        && POSSESSIVES.contains(&view.tokens[k - 1].text(view.text))
        && view.text[view.tokens[k - 1].end..view.tokens[k].start]
            .trim()
            .is_empty()
}

/// An adverb in "-ly" between a subject and its verb: "a UN report eventually concluded",
/// "the company reportedly said". By its ending, so that nouns in "-ly" stay subjects ("the
/// family said", "the assembly voted").
fn is_adverb(word: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "ally", "ently", "antly", "edly", "ously", "ively", "ately", "ably", "ibly", "fully",
        "ctly", "arly",
    ];
    word.len() >= 6
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The words can describe a speaker: a noun phrase ("the fire service", "a government
/// source"), not a clause or a date that parsing cut out of a sentence ("story he sometimes",
/// "majority of the people have responded have just", "a March 14").
fn is_description(phrase: &str) -> bool {
    let cut_date = phrase
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    !cut_date && !phrase.split_whitespace().any(|w| CLAUSE_WORDS.contains(&w))
}

/// Token `k` is a noun after an article or a quantifier: "denied all claims that", "the
/// reports that", "a reported increase"; after a quantifier only a plural is ("they all
/// said" is a verb).
fn after_a_determiner(view: &ArticleView<'_>, k: usize) -> bool {
    if k == 0 || view.tokens[k].sentence_start {
        return false;
    }
    let before = view.tokens[k - 1].text(view.text);
    let article = matches!(before, "the" | "a" | "an");
    let quantifier = matches!(
        before,
        "all" | "these" | "those" | "such" | "any" | "no" | "many" | "some" | "several"
    ) && view.tokens[k].text(view.text).ends_with('s');
    (article || quantifier) && view.text[view.tokens[k - 1].end..view.tokens[k].start] == *" "
}

impl<'a, 'v> Attributor<'a, 'v> {
    fn new(view: &'v ArticleView<'a>, direct: &'v [QuoteSpan]) -> Self {
        let mut attributor = Self {
            view,
            direct,
            facts: Vec::new(),
            subjects: Vec::new(),
            salient: Self::compute_salient(view),
            titled: (0..view.mentions.len())
                .filter(|&i| {
                    view.mentions[i].title().is_some() && view.kinds[i] == EntityType::Person
                })
                .collect(),
        };
        attributor.facts = token_facts(view, direct);
        attributor.subjects = attributor.sentence_subjects();
        attributor
    }

    /// Word `t`, or "" past the last word.
    fn word(&self, t: usize) -> &'a str {
        self.view
            .tokens
            .get(t)
            .map_or("", |token| token.text(self.view.text))
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.view.paragraphs.partition_point(|p| p.end < at)
    }

    fn starts_paragraph(&self, q: &QuoteSpan) -> bool {
        let p = self.paragraph_of(q.open);
        self.view
            .paragraphs
            .get(p)
            .is_some_and(|r| slice(self.view.text, r.start, q.open).trim().is_empty())
    }

    /// The text between token `k - 1` and token `k` (`k` > 0).
    fn gap_before(&self, k: usize) -> &'a str {
        slice(
            self.view.text,
            self.view.tokens[k - 1].end,
            self.view.tokens[k].start,
        )
    }

    /// Index of the first token starting at or after `at`.
    fn token_at(&self, at: usize) -> usize {
        self.view.tokens.partition_point(|t| t.start < at)
    }

    /// The mention that contains token `t`, if any (none past the last token).
    fn mention_at(&self, t: usize) -> Option<usize> {
        self.facts.get(t)?.mention.map(|m| m as usize)
    }

    /// Token `t` is inside a direct quote.
    fn quoted(&self, t: usize) -> bool {
        self.facts[t].quoted
    }

    /// Tokens `from..to` are all inside a quotation (and there is one): the verb at `to`
    /// follows its quotation (`"...," said X`).
    fn quoted_before(&self, from: usize, to: usize) -> bool {
        from < to && (from..to).all(|k| self.quoted(k))
    }

    /// Token `t` as a verb of speech; `None` past the last token.
    fn speech(&self, t: usize) -> Option<VerbForm> {
        self.facts.get(t).and_then(|f| f.speech)
    }

    /// The mention follows a preposition ("to Martin Smith"), checked at its first word.
    fn after_preposition(&self, m: usize, first: usize) -> bool {
        let start = self.token_at(self.view.mentions[m].start());
        start > first && is_preposition(self.word(start - 1))
    }

    /// Mention `m` is who was told, not who told: "the athlete told (the) Sunday Times".
    fn told(&self, m: usize, first: usize) -> bool {
        let mut start = self.token_at(self.view.mentions[m].start());
        if start > first + 1 && self.word(start - 1) == "the" {
            start -= 1;
        }
        start > first && matches!(self.word(start - 1), "told" | "tells" | "tell")
    }

    fn is_speaker_kind(&self, m: usize) -> bool {
        matches!(self.view.kinds[m], EntityType::Person | EntityType::Org)
    }

    fn sentence_of(&self, at: usize) -> Range<usize> {
        let s = self.view.sentences.partition_point(|s| s.end <= at);
        self.view.sentences.get(s).cloned().unwrap_or(at..at)
    }

    /// The salience timeline: for each sentence, its subject when it is a person or an
    /// organisation named (or titled, or a pronoun resolved) before the sentence's first verb of
    /// speech or its midpoint, outside quotes.
    fn sentence_subjects(&self) -> Vec<(usize, Speaker)> {
        let mut subjects: Vec<(usize, Speaker)> = Vec::new();
        for sentence in self.view.sentences {
            let first = self.token_at(sentence.start);
            let mut t = first;
            while t < self.view.tokens.len() && self.view.tokens[t].start < sentence.end {
                if self.quoted(t) {
                    t += 1;
                    continue;
                }
                let w = self.word(t);
                if self.speech(t).is_some() && t > first {
                    // "'...,' said Sung Won Sohn": the person right after the verb is the
                    // subject (a later "he added" means them).
                    if let Some(m) = self.mention_at(t + 1) {
                        if self.view.kinds[m] == EntityType::Person && self.quoted_before(first, t)
                        {
                            subjects
                                .push((sentence.start, Speaker::Entity(self.view.entity_of(m))));
                        }
                    }
                    // "A Labour spokesman said ...": someone unnamed, whom a later "he added"
                    // means.
                    if subjects.last().is_none_or(|(p, _)| *p != sentence.start) {
                        if let Some(described) = self.person_described_before(first, t) {
                            subjects.push((sentence.start, described));
                        }
                    }
                    // "PBS revealed that Crown Prince Mohammad bin Salman accepted ...": when
                    // an organisation speaks, the reported clause's subject is the person a
                    // later "he" means. (Not after a role: "The guide stated that ..." is
                    // the guide's.)
                    let organisation_speaks = (first..t).any(|k| {
                        self.mention_at(k)
                            .is_some_and(|m| self.view.kinds[m] == EntityType::Org)
                    });
                    if organisation_speaks && self.word(t + 1) == "that" && !self.quoted(t) {
                        t += 2;
                        continue;
                    }
                    break;
                }
                if let Some(m) = self.mention_at(t) {
                    // "Speaking to Martin Smith, he said": an object is not the subject.
                    let after_preposition = self.after_preposition(m, first);
                    if self.view.kinds[m] == EntityType::Person && !after_preposition {
                        subjects.push((sentence.start, Speaker::Entity(self.view.entity_of(m))));
                        break;
                    }
                }
                if matches!(w, "He" | "She" | "he" | "she") && t <= first + 3 {
                    if let Some((_, e)) = subjects.last() {
                        subjects.push((sentence.start, e.clone()));
                    }
                    break;
                }
                if let Some(Speaker::Entity(e)) = self.title_reference(t, sentence.start) {
                    // "A Home Office spokesman said … The spokesman stressed": the one just
                    // described, not whoever a title means elsewhere.
                    let described = match subjects.last() {
                        Some((_, Speaker::Described(d))) if d.rsplit(' ').next() == Some(w) => {
                            Some(Speaker::Described(d.clone()))
                        }
                        _ => None,
                    };
                    let subject = described.unwrap_or(Speaker::Entity(e));
                    subjects.push((sentence.start, subject));
                    break;
                }
                t += 1;
            }
        }
        subjects
    }

    /// The unnamed person the words from token `first` up to the verb of speech at `verb`
    /// describe, opening with "a" or "an" ("A Labour spokesman", "an official").
    fn person_described_before(&self, first: usize, verb: usize) -> Option<Speaker> {
        let mut end = verb;
        while end > first && SKIPPABLE.contains(&self.word(end - 1)) {
            end -= 1;
        }
        if end <= first || !INDEFINITE.contains(&self.word(first)) {
            return None;
        }
        let described = self.described_subject(end - 1, self.view.tokens[first].start)?;
        let Speaker::Described(phrase) = &described else {
            return None;
        };
        let head = phrase.rsplit(' ').next().unwrap_or_default();
        let person = PERSON_ROLES.contains(&head)
            || ["man", "woman", "person"]
                .iter()
                .any(|end| head.ends_with(end))
            || matches!(
                head,
                "representative" | "judge" | "lawyer" | "aide" | "officer"
            );
        person.then_some(described)
    }

    /// Salience rule for "he"/"she": the subject of the nearest sentence before `at` (or of
    /// `at`'s own sentence, when named before it) whose subject is a person; "it"/"they": the
    /// nearest organisation named before, else that same person.
    fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Option<Speaker> {
        let lower = pronoun.to_lowercase();
        // "However, union officials denied it. They said that ...": the group that opened the
        // sentence before, or this one.
        if lower == "they" {
            if let Some(group) = self.group_subject_before(at) {
                return Some(group);
            }
        }
        if lower == "it" || lower == "they" {
            let sentence = self.sentence_of(at);
            let org = self.view.mentions[..self.view.mentions.partition_point(|m| m.start() < at)]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, m)| m.start() >= sentence.start.saturating_sub(400))
                .find(|(i, _)| self.view.kinds[*i] == EntityType::Org);
            if let Some((i, _)) = org {
                return Some(Speaker::Entity(self.view.entity_of(i)));
            }
            if lower == "it" {
                return None;
            }
        }
        let i = self.subjects.partition_point(|(p, _)| *p < at);
        let own_sentence_start = self.sentence_of(at).start;
        let candidates = &self.subjects[..i];
        candidates
            .iter()
            .rev()
            .find(|(p, _)| *p <= own_sentence_start)
            .map(|(_, e)| e.clone())
            .or_else(|| self.most_mentioned_person())
    }

    /// The organisation named most often before `at` (the latest of equals): whom "the
    /// company" or "the firm" means.
    fn salient_org(&self, at: usize) -> Option<Speaker> {
        let before = &self.view.mentions[..self.view.mentions.partition_point(|m| m.start() < at)];
        let mut counts: rustc_hash::FxHashMap<usize, (usize, usize)> = Default::default();
        for i in 0..before.len() {
            if self.view.kinds[i] == EntityType::Org {
                let entry = counts.entry(self.view.entity_of(i)).or_insert((0, 0));
                *entry = (entry.0 + 1, i);
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(_, (count, last))| (count, last))
            .map(|(e, _)| Speaker::Entity(e))
    }

    fn most_mentioned_person(&self) -> Option<Speaker> {
        self.salient.map(Speaker::Entity)
    }

    fn compute_salient(view: &ArticleView<'_>) -> Option<usize> {
        let mut counts = rustc_hash::FxHashMap::default();
        for (i, _) in view.mentions.iter().enumerate() {
            if view.kinds[i] == EntityType::Person {
                *counts.entry(view.entity_of(i)).or_insert(0usize) += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(e, c)| (*c, std::cmp::Reverse(*e)))
            .map(|(e, _)| e)
    }

    /// Title rule: "the Iraqi premier" is the person the article introduced with that title
    /// ("Iraqi Prime Minister Mustafa Al-Kazemi"), the nationality agreeing when given; the
    /// latest such person before `at`, else the first after. With no titled person in the
    /// article, the salience rule for "he" applies.
    fn resolve_title(&self, head: &str, nationality: Option<&str>, at: usize) -> Option<Speaker> {
        let matches_nationality = |m: &Mention| {
            nationality.is_none() || m.nationality() == nationality || m.nationality().is_none()
        };
        let mut best: Option<usize> = None;
        // A title that another role word opens names another office: the deputy prime
        // minister is not "the prime minister", nor the vice president "the president".
        let another_office = |t: &str| {
            t.strip_suffix(head)
                .and_then(|opening| opening.split_whitespace().last())
                .is_some_and(|w| ROLE_CHANGERS.contains(&w))
        };
        // An exact title first ("vice president"), then a looser one ("president").
        for exact in [true, false] {
            let titled = |m: &Mention| {
                m.title().is_some_and(|t| {
                    if exact {
                        t == head
                    } else {
                        t.ends_with(head) && !another_office(t)
                    }
                })
            };
            for &i in &self.titled {
                let m = &self.view.mentions[i];
                if self.view.kinds[i] == EntityType::Person
                    && titled(m)
                    && matches_nationality(m)
                    && m.start() < at
                {
                    best = Some(i);
                }
            }
            if best.is_some() {
                break;
            }
        }
        // "the health minister" where only the civil aviation minister is titled: a holder of
        // another portfolio, not whoever was named last. (Offices that take a portfolio:
        // ministers, secretaries, commissioners; not "the prime minister" beside the deputy
        // prime minister, one office's family.)
        let noun = head.rsplit(' ').next().unwrap_or(head);
        let another_holder = head.contains(' ')
            && matches!(noun, "minister" | "secretary" | "commissioner")
            && self.titled.iter().any(|&i| {
                self.view.kinds[i] == EntityType::Person
                    && self.view.mentions[i].title().is_some_and(|t| {
                        t.rsplit(' ').next() == Some(noun)
                            && !t.ends_with(head)
                            && !head.ends_with(t)
                    })
            });
        match best {
            Some(i) => Some(Speaker::Entity(self.view.entity_of(i))),
            None if another_holder => Some(Speaker::Described(head.to_string())),
            None => self.resolve_pronoun("he", at),
        }
    }

    /// "the 22-year-old" (with a noun or not: "the 55-year-old Frenchman") at token `t`: a
    /// reference by age to the person the article is about, resolved as "he" is.
    fn age_reference(&self, t: usize) -> Option<Speaker> {
        if !matches!(self.word(t), "the" | "The") {
            return None;
        }
        let age = self.word(t + 1);
        let by_age = age.ends_with("-year-old")
            && age
                .split('-')
                .next()
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        by_age
            .then(|| self.resolve_pronoun("he", self.view.tokens[t].start))
            .flatten()
    }

    /// The person a capitalised title introduces right after the place or nationality mention
    /// `m` ("US Attorney Roslynn Mauskopf", where the title may be read into the person's
    /// mention): words joined by single spaces, at most three, up to a person's mention.
    fn person_after_title(&self, m: usize) -> Option<usize> {
        let first = self.token_at(self.view.mentions[m].end());
        let count = self.view.tokens.len();
        let mut k = first;
        while k < count && k <= first + 3 && self.gap_before(k) == " " {
            if let Some(p) = self.mention_at(k) {
                return (self.view.kinds[p] == EntityType::Person).then_some(p);
            }
            if !self.word(k).starts_with(char::is_uppercase) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The person that lower-case role words introduce right after the organisation or place
    /// mention `m` ("Rutgers University political scholar Kelly Dittmar").
    fn person_after_role(&self, m: usize) -> Option<usize> {
        if self.view.kinds[m] == EntityType::Person {
            return None;
        }
        let first = self.token_at(self.view.mentions[m].end());
        let mut k = first;
        while k < self.view.tokens.len()
            && k < first + 4
            && self.gap_before(k) == " "
            && self.word(k).starts_with(char::is_lowercase)
            && !is_preposition(self.word(k))
            && !matches!(self.word(k), "and" | "or" | "said" | "says")
        {
            k += 1;
        }
        let person = (k > first && k < self.view.tokens.len() && self.gap_before(k) == " ")
            .then(|| self.mention_at(k))
            .flatten()
            .filter(|&p| self.view.kinds[p] == EntityType::Person)?;
        Some(person)
    }

    /// The person named right before token `k`, a comma between: whom an apposition opening
    /// at `k` describes ("Allen Weiner, a research director at Gartner").
    fn named_before_apposition(&self, k: usize) -> Option<usize> {
        if k == 0 || self.gap_before(k) != ", " {
            return None;
        }
        self.mention_at(k - 1)
            .filter(|&m| self.view.kinds[m] == EntityType::Person)
            .map(|m| self.view.entity_of(m))
    }

    /// A definite reference by title ending at token `t` ("the Iraqi premier", "Iran’s first vice
    /// president"), resolved; `None` when `t` does not end one.
    fn title_reference(&self, t: usize, bound: usize) -> Option<Speaker> {
        let g = gazetteer();
        if !g.can_end_title(self.word(t)) {
            return None;
        }
        // "chief executive Lord Rennard": the title goes on, so "chief" ends none.
        if self.view.tokens.get(t + 1).is_some_and(|next| {
            slice(self.view.text, self.view.tokens[t].end, next.start) == " "
                && g.can_end_title(self.word(t + 1))
        }) {
            return None;
        }
        let mut words = Vec::new();
        let mut k = t;
        loop {
            let w = self.word(k);
            // "A Labour spokesman said": someone new, not a reference to one named before;
            // but "Mark Hay, a marine ecologist at GT, who said" is the person just named.
            if INDEFINITE.contains(&w) {
                return self.named_before_apposition(k).map(Speaker::Entity);
            }
            if DETERMINERS.contains(&w) || self.view.tokens[k].start < bound {
                // "the media office of the Iraqi Prime Minister": a complement, not a reference.
                if DETERMINERS.contains(&w)
                    && k > 0
                    && matches!(self.word(k - 1), "of" | "by" | "with" | "to")
                {
                    return None;
                }
                break;
            }
            words.insert(0, w);
            if k == 0 || words.len() > 5 {
                break;
            }
            k -= 1;
        }
        for skip in 0..words.len() {
            let phrase = words[skip..].join(" ");
            if let Some(head) = g.title_head_lowercase(&phrase) {
                // "The Senate Minority Leader, Chuck Schumer, said": the name in apposition is
                // the one meant.
                let after = slice(
                    self.view.text,
                    self.view.tokens[t].end,
                    self.view.text.len(),
                );
                if after.starts_with(", ") {
                    let next = self.token_at(self.view.tokens[t].end + 2);
                    if let Some(m) = (next < self.view.tokens.len())
                        .then(|| self.mention_at(next))
                        .flatten()
                    {
                        if self.view.kinds[m] == EntityType::Person {
                            return Some(Speaker::Entity(self.view.entity_of(m)));
                        }
                    }
                }
                if self.view.tokens.get(t + 1).is_some_and(|n| {
                    slice(self.view.text, n.start, self.view.text.len())
                        .starts_with(char::is_uppercase)
                        && slice(self.view.text, self.view.tokens[t].end, n.start)
                            .trim()
                            .is_empty()
                }) {
                    return None; // "Prime Minister Mustafa …": a title before a name, not a reference
                }
                let nationality = words[..skip].iter().find_map(|w| {
                    g.demonym(w.trim_end_matches(['’', '\'', 's']))
                        .or_else(|| g.demonym(w))
                });
                let nationality = nationality.map(str::to_string).or_else(|| {
                    words[..skip]
                        .iter()
                        .find(|w| w.ends_with("’s") || w.ends_with("'s"))
                        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_string())
                        .and_then(|place| demonym_of_place(&place))
                });
                return self.resolve_title(head, nationality.as_deref(), self.view.tokens[t].start);
            }
        }
        None
    }

    /// The speaker named by the words just before token `verb` (its subject).
    fn subject_before(&self, verb: usize, bound: usize) -> Option<Speaker> {
        if verb >= self.view.tokens.len() {
            return None;
        }
        // "he was told by Emergencies Minister Yevgeny Zinichev that": in the passive, who
        // speaks follows "by".
        if verb > 0
            && matches!(
                self.word(verb - 1),
                "was" | "were" | "been" | "is" | "are" | "being"
            )
            && self.word(verb + 1) == "by"
        {
            let by = verb + 1;
            let after = self.past_role(by + 1);
            if let Some(m) = (after < self.view.tokens.len())
                .then(|| self.mention_at(after))
                .flatten()
                .filter(|&m| self.is_speaker_kind(m))
            {
                return Some(Speaker::Entity(self.view.entity_of(m)));
            }
        }
        // "It was revealed that", "Smith was told that": in the passive the subject is what
        // was said or who heard it, never who spoke.
        if verb > 0
            && matches!(self.word(verb - 1), "was" | "were" | "been" | "being")
            && self.word(verb).ends_with(['d', 't'])
        {
            return None;
        }
        let t = self.verb_group_start(verb);
        if t == 0 || self.view.tokens[t - 1].start < bound {
            return None;
        }
        let mut t = t - 1;
        // "a rival in IBM, which argues that", "denied by Peter Mandelson, who said": the name
        // the relative word follows, whatever stands before it.
        // (Not an organisation inside a description: "Mark Hay, a marine ecologist at GT, who
        // said" is Mark Hay's, found below; "the Navy, who told it" is the Navy's.)
        if t > 0 && matches!(self.word(t), "which" | "who") && self.gap_before(t) == ", " {
            if let Some(m) = self.mention_at(t - 1) {
                let first = self.token_at(self.view.mentions[m].start());
                let described = first > 0
                    && (is_preposition(self.word(first - 1)) || self.word(first - 1) == "in");
                let fits = match self.view.kinds[m] {
                    EntityType::Person => self.word(t) == "who",
                    EntityType::Org => !described,
                    _ => false,
                };
                if fits {
                    return Some(Speaker::Entity(self.view.entity_of(m)));
                }
            }
        }
        // "Nancy Pelosi, the Speaker of the House, said": skip the appositive between commas.
        // But "Vivendi, however, has said": commas around the words skipped above set off a
        // parenthesis, and the subject is right before it.
        let parenthesis = t + 1 < verb
            && self.gap_before(t + 1).starts_with(',')
            && (t + 2..=verb).any(|k| self.gap_before(k).contains(','));
        let gap = if parenthesis {
            ""
        } else {
            slice(
                self.view.text,
                self.view.tokens[t].end,
                self.view.tokens[verb].start,
            )
        };
        let names_speaker = self
            .mention_at(t)
            .is_some_and(|m| self.view.kinds[m] == EntityType::Person);
        // "Chris Weitz, director of About a Boy, said": a person before an appositive that
        // opens with a role in lower case is the speaker, not a name inside the role (but
        // "the Speaker of the House, Nancy Pelosi, said" is Nancy Pelosi).
        if gap.contains(',') && names_speaker {
            if let Some(k) = self.person_before_role(t, bound) {
                t = k;
            }
        }
        // "Fund manager Florian Hamm - Borussia Dortmund's largest investor - said": dashes
        // set off an appositive as commas do.
        let dash = |g: &str| g.contains(" - ") || g.contains(['–', '—']);
        if (gap.contains(',') || dash(gap)) && !names_speaker {
            let before = slice(
                self.view.text,
                bound.min(self.view.tokens[t].end),
                self.view.tokens[t].end,
            );
            let opening = if dash(gap) {
                before.rfind(" - ").or_else(|| before.rfind(['–', '—']))
            } else {
                before.rfind(',')
            };
            if let Some(comma) = opening {
                let at = bound.min(self.view.tokens[t].end) + comma;
                let k = self.token_at(at);
                if k > 0 && self.view.tokens[k - 1].start >= bound {
                    t = k - 1;
                } else {
                    return None;
                }
            } else {
                return None;
            }
        }
        let w = self.word(t);
        if w == "and" {
            return None;
        }
        if PRONOUNS.contains(&w) {
            return self.resolve_pronoun(w, self.view.tokens[t].start);
        }
        // "Suman Haripriya of the Hajo assembly said": the person before "of", within one
        // phrase (no punctuation in between).
        if self
            .mention_at(t)
            .is_none_or(|m| !self.is_speaker_kind(m) || self.view.kinds[m] == EntityType::Org)
        {
            for k in (t.saturating_sub(9)..t).rev() {
                let gap = slice(
                    self.view.text,
                    self.view.tokens[k].end,
                    self.view.tokens[k + 1].start,
                );
                if self.view.tokens[k].start < bound
                    || gap.contains([',', '.', ';', ':', '"', '“', '”', '(', ')'])
                {
                    break;
                }
                // ("Dr. Steven Wolf at Saint Francis said", "Zubair Ahmed in Mumbai says").
                if matches!(self.word(k), "of" | "at" | "from" | "in") && k > 0 {
                    if let Some(m) = self.mention_at(k - 1) {
                        if self.view.kinds[m] == EntityType::Person {
                            return Some(Speaker::Entity(self.view.entity_of(m)));
                        }
                    }
                }
            }
        }
        if PRONOUNS.contains(&w) {
            return self.resolve_pronoun(w, self.view.tokens[t].start);
        }
        if let Some(m) = self.mention_at(t) {
            if self.is_speaker_kind(m) {
                // "Biden and Kadhimi declared": words said jointly have no single speaker.
                let start_tok = self.token_at(self.view.mentions[m].start());
                if start_tok > 0
                    && self.word(start_tok - 1) == "and"
                    && start_tok >= 2
                    && self.mention_at(start_tok - 2).is_some()
                {
                    return None;
                }
                return Some(Speaker::Entity(self.view.entity_of(m)));
            }
            if self.view.kinds[m] == EntityType::Place {
                return None;
            }
        }
        if let Some(speaker) = self.title_reference(t, bound) {
            return Some(speaker);
        }
        self.described_subject(t, bound)
    }

    /// A noun phrase subject that names no entity: "The media office of the Iraqi Prime
    /// Minister", "a spokesman". Generic plurals ("the two sides") give `None`.
    fn described_subject(&self, t: usize, bound: usize) -> Option<Speaker> {
        // "... the new strains but said": a second verb of the sentence's subject.
        if matches!(self.word(t), "but" | "and" | "or" | "although" | "though") {
            return None;
        }
        let mut k = t;
        let mut start = None;
        for _ in 0..12 {
            let w = self.word(k);
            if DETERMINERS.contains(&w) {
                start = Some(k);
                // "The media office of the …": keep going back over "of".
                if k >= 2 && self.word(k - 1) == "of" {
                    k -= 1;
                    continue;
                }
                break;
            }
            if k == 0 || self.view.tokens[k - 1].start < bound {
                break;
            }
            let gap = self.gap_before(k);
            if gap.contains([',', '.', ';', ':', '(', ')', '"', '“', '”']) {
                break;
            }
            // "F-Secure issued a warning about the new strains but said": two clauses (but
            // "a feminist writer and broadcaster said" is one description).
            let joins_clauses = match self.word(k - 1) {
                "but" | "who" | "which" | "that" => true,
                "and" | "or" => {
                    let w = self.word(k);
                    PRONOUNS.contains(&w)
                        || NOMINATIVE_PRONOUNS.contains(&w)
                        || AUXILIARIES.contains(&w)
                        || w.ends_with("ed")
                        || matches!(w, "several" | "many" | "some" | "you'd" | "we" | "I")
                }
                _ => false,
            };
            if joins_clauses {
                break;
            }
            k -= 1;
        }
        let Some(start) = start else {
            return self.group_opening_sentence(k, t);
        };
        if let Some(person) = self.age_reference(start) {
            return Some(person);
        }
        // "An angry Beattie initially said", "by Tory leader Michael Howard who": the person
        // ending the phrase (not "a Jackson lawyer", "the Defra spokesman").
        // So is an organisation before "which": "research from net analyst WebSideStory which
        // suggested".
        let person_ends_it = (start + 1..=t).find_map(|i| {
            let m = self.mention_at(i)?;
            let last = self.token_at(self.view.mentions[m].end()).saturating_sub(1);
            let rest_is_light = (last + 1..=t).all(|k| {
                let w = self.word(k);
                w.ends_with("ly") || matches!(w, "who" | "which" | "that")
            });
            let which_follows = last < t && self.word(last + 1) == "which";
            let speaks = match self.view.kinds[m] {
                EntityType::Person => true,
                EntityType::Org => which_follows,
                _ => false,
            };
            (speaks && rest_is_light).then_some(m)
        });
        if let Some(m) = person_ends_it {
            return Some(Speaker::Entity(self.view.entity_of(m)));
        }
        let phrase: Vec<&str> = (start + 1..=t).map(|i| self.word(i)).collect();
        let head_end = phrase
            .iter()
            .position(|w| *w == "of")
            .unwrap_or(phrase.len());
        let head = phrase[..head_end].last()?;
        // (A capitalised head is a name's, read elsewhere; but "the MPs said" is a group.)
        let group = SPEAKING_GROUPS.contains(&head.to_lowercase().as_str());
        if GENERIC_HEADS.contains(head)
            || head.starts_with(char::is_uppercase) && head_end == phrase.len() && !group
        {
            return None;
        }
        if gazetteer().speech_verb(head).is_some() || head.ends_with("ing") {
            return None;
        }
        if INDEFINITE.contains(&self.word(start)) {
            if let Some(person) = self.named_before_apposition(start) {
                return Some(Speaker::Entity(person));
            }
        } else if PERSON_ROLES.contains(head) && head_end == phrase.len() {
            return self.resolve_pronoun("he", self.view.tokens[t].start);
        } else if ORG_ROLES.contains(head)
            && phrase.len() == 1
            && matches!(self.word(start), "the" | "The")
        {
            // "The company said": the organisation the article is about so far. (Not "the US
            // investment bank", which may be another.)
            if let Some(org) = self.salient_org(self.view.tokens[start].start) {
                return Some(org);
            }
        }
        if MEDIA_NOUNS.contains(head) {
            if let Some(owner) = self.media_owner(start + 1, t) {
                return Some(owner);
            }
            // "The statement also said": the one who issued the statement named before.
            if matches!(self.word(start), "the" | "The") && head_end == phrase.len() {
                if let Some(issuer) = self.earlier_issuer(head, start) {
                    return Some(issuer);
                }
            }
        }
        // "the companies which probably told them": the subject is the phrase before the
        // relative word.
        let last = if t > start + 1 && matches!(self.word(t), "which" | "who" | "that") {
            t - 1
        } else {
            t
        };
        let text = slice(
            self.view.text,
            self.view.tokens[start + 1].start,
            self.view.tokens[last].end,
        );
        is_description(text).then(|| Speaker::Described(text.to_string()))
    }

    /// Who issued the `noun` ("statement", "report") last named before token `before`: its
    /// owner ("Erdogan's statement"), its author ("a report by the National Audit Office",
    /// "a statement from the ministry"), or the subject of a sentence that speaks "in a
    /// statement" ("Donald Trump, in a statement delivered via the press secretary,
    /// announced"). A mention that is itself a reference ("the statement also said") looks
    /// further back; None when the one introduced has no issuer in view.
    fn earlier_issuer(&self, noun: &str, before: usize) -> Option<Speaker> {
        let mut before = before;
        loop {
            let k = (0..before).rev().find(|&k| self.word(k) == noun)?;
            if let Some(issuer) = self.issuer_at(k) {
                return Some(issuer);
            }
            if k == 0 || !matches!(self.word(k - 1), "the" | "The") {
                return None;
            }
            before = k;
        }
    }

    /// Who issued the statement or report named at token `k`, as [`Self::earlier_issuer`]
    /// tells.
    fn issuer_at(&self, k: usize) -> Option<Speaker> {
        let sentence = self.sentence_of(self.view.tokens[k].start);
        let first = self.token_at(sentence.start);
        if let Some(owner) = self.media_owner(k.saturating_sub(4).max(first), k) {
            return Some(owner);
        }
        let speaker_at = |i: usize| {
            let m = self.mention_at(i)?;
            self.is_speaker_kind(m)
                .then(|| Speaker::Entity(self.view.entity_of(m)))
        };
        // "statement (released) by X", "report from the X".
        for i in k + 1..(k + 4).min(self.view.tokens.len()) {
            if matches!(self.word(i), "by" | "from") {
                let name = if DETERMINERS.contains(&self.word(i + 1)) {
                    i + 2
                } else {
                    i + 1
                };
                return speaker_at(name);
            }
        }
        let speaks_in_it = k >= 2
            && self.word_is(k - 2, "in")
            && (INDEFINITE.contains(&self.word(k - 1)) || POSSESSIVES.contains(&self.word(k - 1)));
        if !speaks_in_it {
            return None;
        }
        (first..k - 2).find_map(speaker_at)
    }

    /// The group of people ("union officials", "Analysts") opening the sentence holding `at`
    /// (before it) or the sentence before: whom a "they" at `at` means.
    fn group_subject_before(&self, at: usize) -> Option<Speaker> {
        let index = self.view.sentences.partition_point(|s| s.end <= at);
        let candidates = [Some(index), index.checked_sub(1)];
        candidates.into_iter().flatten().find_map(|i| {
            let sentence = self.view.sentences.get(i)?;
            let mut first = self.token_at(sentence.start);
            // Past a link: "However, union officials denied ...".
            if matches!(
                self.word(first),
                "However" | "But" | "And" | "Yet" | "Meanwhile"
            ) {
                first += 1;
            }
            // And past its article: "The researchers".
            if self.word(first) == "The" {
                first += 1;
            }
            (first..first + 3)
                .take_while(|&k| {
                    k < self.view.tokens.len() && self.view.tokens[k].end <= at.min(sentence.end)
                })
                .find_map(|k| self.group_opening_sentence(first, k))
        })
    }

    /// A group of people named without an article, opening the sentence: "Analysts said",
    /// "Police said that", "Most voters said", "Many security organisations said".
    fn group_opening_sentence(&self, first: usize, t: usize) -> Option<Speaker> {
        const LINKS: [&str; 5] = ["But", "And", "However", "Yet", "Meanwhile"];
        // Or closing it: "…, unions said."
        let closes = first > 0 && self.gap_before(first) == ", " && {
            let end = self.sentence_of(self.view.tokens[t].start).end;
            self.view.tokens[t + 1..]
                .iter()
                .take_while(|token| token.start < end)
                .count()
                <= 2
        };
        // Or opening a clause after an introductory phrase: "In Sri Lanka, some economists
        // have said", "while there was no suggestion of sabotage, local activists claimed".
        let after_comma = first > 0 && self.gap_before(first) == ", ";
        // Or a clause of its own after a conjunction: "fewer jobs than expected, but analysts
        // said", "while economists warned".
        let after_conjunction = first > 0
            && matches!(
                self.word(first - 1),
                "but" | "yet" | "while" | "although" | "though" | "whereas"
            );
        let opens = self.view.tokens[first].sentence_start
            || closes
            || after_comma
            || after_conjunction
            || first > 0
                && (LINKS.contains(&self.word(first - 1)) || self.word(first - 1) == "The");
        // "But analysts said", "… and local officials said": the group, without the link.
        let first = if LINKS.contains(&self.word(first))
            || after_comma && matches!(self.word(first), "and" | "but" | "or")
        {
            first + 1
        } else {
            first
        };
        if !opens || t < first || t - first > 2 || self.quoted(first) {
            return None;
        }
        // One phrase: "union officials", not "bill, which ministers".
        if (first + 1..=t).any(|k| self.gap_before(k) != " " || RELATIVES.contains(&self.word(k))) {
            return None;
        }
        let head = self.word(t).to_lowercase();
        // "One analyst suggested": one of a group, described as one.
        let one_of = self.word(first).eq_ignore_ascii_case("one") && t > first && {
            let plural = format!("{head}s");
            SPEAKING_GROUPS.contains(&plural.as_str())
                || head.ends_with("ist") && head.len() > 5
                || head.ends_with("ian") && head.len() > 6
        };
        let first = if one_of { first + 1 } else { first };
        // "Broadcast magazine said", "Kathimerini newspaper reported": a publication named
        // before its kind speaks as described.
        let publication = matches!(
            head.as_str(),
            "magazine" | "newspaper" | "journal" | "tabloid" | "website" | "broadcaster"
        ) && t > first
            && (first..t).all(|k| self.word(k).starts_with(char::is_uppercase));
        let group = one_of
            || publication
            || SPEAKING_GROUPS.contains(&head.as_str())
            || head.ends_with("ists") && head.len() > 6
            || head.ends_with("ians") && head.len() > 7;
        group.then(|| {
            Speaker::Described(
                slice(
                    self.view.text,
                    self.view.tokens[first].start,
                    self.view.tokens[t].end,
                )
                .to_string(),
            )
        })
    }

    /// "Rouhani pledged support …, and stressed that …": a verb after "and" shares the sentence's
    /// subject; with none in the sentence, the salience rule for "he" applies.
    fn coordinated_subject(
        &self,
        verb: usize,
        bound: usize,
        sentence_speaker: &Option<Speaker>,
    ) -> Option<Speaker> {
        let t = self.verb_group_start(verb);
        // "and stressed", "but says", "although insists": the sentence's subject goes on.
        if t == 0 || !matches!(self.word(t - 1), "and" | "but" | "although" | "though") {
            return None;
        }
        sentence_speaker
            .clone()
            .or_else(|| self.subject_in(bound, self.view.tokens[verb].start))
            .or_else(|| self.resolve_pronoun("he", self.view.tokens[verb].start))
    }

    /// Where the verb at `verb` starts with the auxiliaries and adverbs before it ("has always
    /// insisted", "eventually concluded", ", however, has said"): the word before is its
    /// subject's last.
    fn verb_group_start(&self, verb: usize) -> usize {
        // Auxiliaries and adverbs ("has also said"), and when it was said: "The Times on
        // Monday said", "the ministry last week said" (not across a comma: "designed by
        // Stephen Webster on Friday, said Ms Prophet").
        let mut t = verb;
        while t > 0 {
            let w = self.word(t - 1);
            if SKIPPABLE.contains(&w)
                || is_adverb(w)
                || matches!(w, "yesterday" | "today" | "tonight")
            {
                t -= 1;
            } else if t > 1
                && TIME_WORDS.contains(&w)
                && matches!(self.word(t - 2), "on" | "last" | "this")
                && self.gap_before(t).trim().is_empty()
            {
                t -= 2;
            } else {
                break;
            }
        }
        t
    }

    /// A country opening the clause of the verb at `verb` speaks for its government: "Malaysia
    /// said as many as 1,000 fishermen will be affected", "The milestone came the same day
    /// Malawi confirmed its first infections". Not a city ("London said" is rare and mostly
    /// a club), nor a place after a preposition ("in Iran said"). Asked for reported speech
    /// only, after every other reading: a place is no subject for the salience of "he".
    fn country_before(&self, verb: usize, bound: usize) -> Option<Speaker> {
        let t = self.verb_group_start(verb);
        let m = self.mention_at(t.checked_sub(1)?)?;
        let mention = &self.view.mentions[m];
        if self.view.kinds[m] != EntityType::Place || mention.start() < bound {
            return None;
        }
        let name = slice(self.view.text, mention.start(), mention.end());
        if gazetteer().is_minor_place(name) || !gazetteer().is_place(name) {
            return None;
        }
        // Opening its sentence, or after "the" that does ("The US says"), or after a link
        // ("… but Malaysia said"); not after a comma ("Mr Mubanga, from Wembley, London,
        // said"), nor "in the United States" and "the UK and the US".
        let first = self.token_at(mention.start());
        let opens = |k: usize| self.view.tokens[k].sentence_start;
        let opens_clause = opens(first)
            || first > 0
                && (matches!(self.word(first - 1), "The") && opens(first - 1)
                    || matches!(self.word(first - 1), "but" | "But"));
        opens_clause.then(|| Speaker::Entity(self.view.entity_of(m)))
    }

    /// The verb at `verb` may have its subject after it ("…," said Mr Owen; "Said Mr Owen:"):
    /// nothing but adverbs stands between it and the sentence's start or a punctuation mark.
    /// Not after a subject of its own that names no one: "It claims Tony Blair felt …" is
    /// not Tony Blair's.
    fn inverted(&self, verb: usize, sentence_start: usize) -> bool {
        let k = self.verb_group_start(verb);
        k == 0
            || self.view.tokens[k - 1].start < sentence_start
            || !self.gap_before(k).trim().is_empty()
                && !NOMINATIVE_PRONOUNS.contains(&self.word(k - 1))
                && !PRONOUNS.contains(&self.word(k - 1))
    }

    /// The speaker named right after token `verb` ("said Kino Gabriel", "said the minister").
    fn subject_after(&self, verb: usize) -> Option<Speaker> {
        // "... record holder told Five Live": who was told is not who spoke.
        if matches!(self.word(verb), "told" | "tells" | "telling") {
            return None;
        }
        let t = self.past_role(verb + 1);
        if t >= self.view.tokens.len() {
            return None;
        }
        if let Some(m) = self.mention_at(t) {
            // "said Hopman Cup doctor Hamish Osborne": the person the role introduces.
            if let Some(p) = self.person_after_role(m) {
                return Some(Speaker::Entity(self.view.entity_of(p)));
            }
            if !self.is_speaker_kind(m) {
                // "said US Attorney Roslynn Mauskopf", "said Iraqi Deputy Minister Ali Haidari":
                // a place or a nationality opening a title before the person.
                let person = self.person_after_title(m);
                return person.map(|p| Speaker::Entity(self.view.entity_of(p)));
            }
            // "said University of California, San Diego's chancellor, Pradeep Khosla": the
            // person in the phrase outranks the institution.
            let sentence = self.sentence_of(self.view.tokens[t].start);
            let mut k = t;
            while k < self.view.tokens.len()
                && self.view.tokens[k].start < sentence.end
                && !self.quoted(k)
            {
                if let Some(p) = self.mention_at(k) {
                    if self.view.kinds[p] == EntityType::Person {
                        return Some(Speaker::Entity(self.view.entity_of(p)));
                    }
                }
                k += 1;
            }
            return Some(Speaker::Entity(self.view.entity_of(m)));
        }
        // "said the 22-year-old", "the 55-year-old Frenchman told": the person the article is
        // about, as "he" or "she" would be.
        if let Some(person) = self.age_reference(t) {
            return Some(person);
        }
        if DETERMINERS.contains(&self.word(t)) {
            // "said his father, Abdullah Kurdi": the person named in apposition.
            let count = self.view.tokens.len();
            for k in t + 1..(t + 4).min(count) {
                let gap = self.gap_before(k);
                if gap == ", " {
                    let person = self
                        .mention_at(k)
                        .filter(|&m| self.view.kinds[m] == EntityType::Person);
                    if let Some(m) = person {
                        return Some(Speaker::Entity(self.view.entity_of(m)));
                    }
                }
                if gap != " " {
                    break;
                }
            }
            // the shortest title reference after the verb
            for end in t + 1..(t + 5).min(self.view.tokens.len()) {
                if let Some(s) = self.title_reference(end, self.view.tokens[t].start) {
                    return Some(s);
                }
            }
            // '"…," said the statement', '"…," says its report': whoever issued it, named
            // before; else the document itself.
            // (Only where the noun ends the attribution: in "says the announcement may come"
            // the noun opens what is said.)
            let noun = self.word(t + 1);
            let ends_attribution = t + 2 >= self.view.tokens.len()
                || self
                    .gap_before(t + 2)
                    .contains(['.', ',', ';', ':', '"', '“', '(']);
            let same_sentence = !self.view.tokens[t].sentence_start;
            if MEDIA_NOUNS.contains(&noun) && ends_attribution && same_sentence {
                // The organisation just named, as "it" would be, when no issuer is in view.
                let at = self.view.tokens[t].start;
                let issuer = match self.word(t) {
                    "its" | "their" => self.resolve_pronoun("it", at),
                    _ => self
                        .earlier_issuer(noun, t)
                        .or_else(|| self.resolve_pronoun("it", at)),
                };
                return issuer.or_else(|| Some(Speaker::Described(noun.to_string())));
            }
        }
        // "said a protester using the pseudonym Katya", "said one local resident".
        if INDEFINITE.contains(&self.word(t)) || self.word(t) == "one" {
            let count = self.view.tokens.len();
            let person_at = |k: usize| {
                k < count && self.gap_before(k) == " " && {
                    let w = self.word(k);
                    w.starts_with(char::is_lowercase)
                        && (PERSON_ROLES.contains(&w)
                            || [
                                "er", "or", "ist", "man", "woman", "person", "ian", "ent", "ant",
                            ]
                            .iter()
                            .any(|end| w.ends_with(end) && w.len() > end.len() + 2))
                }
            };
            let head = [t + 1, t + 2, t + 3].into_iter().find(|&k| person_at(k))?;
            // Not the subject of what was said: "said an error was made".
            let next = self.word(head + 1);
            if AUXILIARIES.contains(&next) || NEGATED_AUXILIARIES.contains(&next) {
                return None;
            }
            // Lower-case adjectives, or the name of an organisation or a nationality before
            // the role ("a METI official", "a Home Office spokesman", "a Labour source").
            let adjective_ok = (t + 1..head).all(|k| {
                self.gap_before(k) == " "
                    && !DETERMINERS.contains(&self.word(k))
                    && !is_preposition(self.word(k))
                    && !AUXILIARIES.contains(&self.word(k))
            });
            if adjective_ok {
                let phrase = slice(
                    self.view.text,
                    self.view.tokens[t + 1].start,
                    self.view.tokens[head].end,
                );
                return Some(Speaker::Described(phrase.to_string()));
            }
        }
        None
    }

    /// The token after a role or title written before a name at `t` ("said Mr Owen", "said
    /// Prime Minister Tony Blair", "said asbestosis sufferer Bernie Banton"): up to four
    /// words that are no mention, joined by spaces, and no function words. `t` itself when
    /// no name follows such words.
    fn past_role(&self, t: usize) -> usize {
        let count = self.view.tokens.len();
        let mut k = t;
        while k < count && k < t + 4 && self.mention_at(k).is_none() {
            let w = self.word(k);
            let function_word = DETERMINERS.contains(&w)
                || AUXILIARIES.contains(&w)
                || is_preposition(w)
                || NOMINATIVE_PRONOUNS.contains(&w)
                || matches!(
                    w,
                    "that" | "and" | "but" | "who" | "which" | "in" | "when" | "it"
                )
                || !w.chars().all(char::is_alphabetic);
            if function_word || k + 1 >= count || self.gap_before(k + 1) != " " {
                return t;
            }
            k += 1;
        }
        if k > t && self.mention_at(k).is_some() {
            k
        } else {
            t
        }
    }

    /// The last token of a person named before the comma that opens the appositive holding
    /// token `t`, when the appositive starts with a lower-case word ("Chris Weitz, director of
    /// About a Boy"); within the text from `bound`, and at most a dozen words back.
    fn person_before_role(&self, t: usize, bound: usize) -> Option<usize> {
        let mut k = t;
        while k > 0 && k + 12 > t && self.view.tokens[k - 1].start >= bound {
            let gap = self.gap_before(k);
            if gap.contains(['.', ';', ':', '"', '“', '”', '(', ')']) {
                return None;
            }
            if gap.contains(',') {
                let role = self.word(k).starts_with(char::is_lowercase);
                let person = self
                    .mention_at(k - 1)
                    .is_some_and(|m| self.view.kinds[m] == EntityType::Person);
                return (role && person).then_some(k - 1);
            }
            k -= 1;
        }
        None
    }

    /// Finite speech verbs between `from` and `to` (byte offsets), outside quotes, latest first.
    fn verbs_between(&self, from: usize, to: usize) -> Vec<(usize, VerbForm)> {
        let mut verbs = Vec::new();
        let mut t = self.token_at(from);
        while t < self.view.tokens.len() && self.view.tokens[t].end <= to {
            if !self.quoted(t) {
                if let Some(form) = self.speech(t) {
                    verbs.push((t, form));
                }
            }
            t += 1;
        }
        verbs.reverse();
        verbs
    }

    /// The person or organisation signing a quote on the line after it: `"More women are
    /// getting into technical fields." — Aparna Garg, Railway Manager`.
    fn signature_after(&self, close: usize) -> Option<Speaker> {
        let text = self.view.text;
        let name = slice(text, close, text.len())
            .trim_start_matches([' ', '\u{a0}', '\n'])
            .strip_prefix(['—', '–'])?
            .trim_start_matches([' ', '\u{a0}', '\u{200d}']);
        let at = text.len() - name.len();
        let t = self.token_at(at);
        let m = (t < self.view.tokens.len())
            .then(|| self.mention_at(t))
            .flatten()?;
        let line_end = at + name.find('\n').unwrap_or(name.len());
        let rest = slice(text, self.view.mentions[m].end(), line_end);
        (self.is_speaker_kind(m) && (rest.trim().is_empty() || rest.starts_with(',')))
            .then(|| Speaker::Entity(self.view.entity_of(m)))
    }

    /// The speaker of one direct quote, from the cues around it (see the module docs).
    fn direct_speaker(&self, q: &QuoteSpan) -> Option<Speaker> {
        let text = self.view.text;
        // 1. After the quote: `," he said`, `” X added`, `," said X`.
        let after = slice(text, q.close, text.len());
        let content = slice(text, q.start, q.end);
        let continues_sentence = content.ends_with([',', '—', '–'])
            || after.starts_with(',')
            || after.trim_start().starts_with(|c: char| c.is_lowercase());
        let open_ended = !content.ends_with(['.', '!', '?'])
            && !after.trim_start().starts_with(['.', '!', '?', ';']);
        if let Some(signer) = self.signature_after(q.close) {
            return Some(signer);
        }
        let attribution_after = is_attribution_sentence(after);
        if continues_sentence || attribution_after {
            let t0 = self.token_at(q.close);
            // '"…," according to John Binks, director of GfK.' (A quotation inside a sentence
            // of its own is its subject's: 'Pelosi called it a "breach …," according to NBC'.)
            let opens_sentence = slice(text, self.sentence_of(q.open).start, q.open)
                .trim()
                .chars()
                .all(|c| matches!(c, '"' | '“' | '\''));
            if opens_sentence && self.word_is(t0, "according") && self.word_is(t0 + 1, "to") {
                if let Some((speaker, _)) = self.named_after(t0 + 2) {
                    return Some(speaker);
                }
            }
            // Far enough for a person's name and a description before the verb ('"…," Glenn
            // Maguire, chief economist for the region at Societe Generale, told').
            let person_first = self
                .mention_at(t0)
                .is_some_and(|m| self.view.kinds[m] == EntityType::Person);
            let reach = if person_first { 12 } else { 4 };
            let limit = (t0 + reach).min(self.view.tokens.len());
            for t in t0..limit {
                if matches!(
                    self.word(t),
                    "but" | "and" | "which" | "that" | "while" | "as" | "who"
                ) {
                    break;
                }
                if self.quoted(t)
                    || slice(
                        self.view.text,
                        self.view.tokens[t.max(1) - 1].end,
                        self.view.tokens[t].start,
                    )
                    .contains([';', '.'])
                        && t > t0
                {
                    break;
                }
                if let Some(form) = self.speech(t) {
                    if form == VerbForm::Finite {
                        let found = self
                            .subject_before(t, q.close)
                            .or_else(|| self.subject_after(t));
                        if found.is_some() {
                            return found;
                        }
                    }
                    break;
                }
            }
        }
        // 2. Before the quote, in its sentence: the speech verb nearest to the quote.
        let sentence = self.sentence_of(q.open);
        let previous_close = self
            .direct
            .iter()
            .filter(|d| d.close <= q.open)
            .map(|d| d.close)
            .max()
            .unwrap_or(0);
        let from = sentence.start.max(previous_close);
        if let Some(namer) = self.namer_before(q.open, from) {
            return Some(namer);
        }
        let verbs = self.verbs_between(from, q.open);
        for (verb, form) in &verbs {
            let found = match form {
                VerbForm::Finite => self
                    .subject_before(*verb, from)
                    .or_else(|| self.subject_after(*verb))
                    .or_else(|| self.coordinated_subject(*verb, sentence.start, &None)),
                VerbForm::Gerund => continue,
            };
            if found.is_some() {
                return found;
            }
        }
        // "According to a statement released by Erdogan's office, "…""
        let before = slice(text, from, q.open);
        if let Some(i) = before.rfind("ccording to ") {
            let t = self.token_at(from + i + "ccording to ".len());
            if let Some((speaker, _)) = self.named_after(t) {
                return Some(speaker);
            }
        }
        // "… announced to be a "pandemic" by the World Health Organization"
        if !verbs.is_empty() {
            let t = self.token_at(q.close);
            if self.word_is(t, "by") {
                let name = if self.word_is(t + 1, "the") {
                    t + 2
                } else {
                    t + 1
                };
                if let Some(m) = (name < self.view.tokens.len())
                    .then(|| self.mention_at(name))
                    .flatten()
                {
                    if self.is_speaker_kind(m) {
                        return Some(Speaker::Entity(self.view.entity_of(m)));
                    }
                }
            }
        }
        // A gerund ("stressing (…)") continues the sentence's subject.
        if !verbs.is_empty() || slice(text, from, q.open).trim_end().ends_with([':', ',']) {
            if let Some(s) = self.subject_in(from, q.open) {
                return Some(s);
            }
        }
        // An after-cue further on: "“… to enter” Iraq, the Iraqi prime minister said."
        if open_ended {
            let t0 = self.token_at(q.close);
            let sentence_end = self.sentence_of(q.close).end.max(q.close);
            for t in t0..(t0 + 10).min(self.view.tokens.len()) {
                if self.view.tokens[t].start >= sentence_end || self.quoted(t) {
                    break;
                }
                if self.speech(t) == Some(VerbForm::Finite) {
                    if let Some(found) = self
                        .subject_before(t, q.close)
                        .or_else(|| self.subject_after(t))
                    {
                        return Some(found);
                    }
                    break;
                }
            }
        }
        // 3. A quote opening its paragraph after "X said:".
        if self.starts_paragraph(q) {
            let p = self.paragraph_of(q.open);
            if p > 0 {
                let prev = self.view.paragraphs[p - 1].clone();
                if slice(text, prev.start, prev.end).trim_end().ends_with(':') {
                    // The sentence that ends with the colon introduces the quotation, not the
                    // paragraph's first verb ("ballot access in a total of 15 states").
                    let last = self.sentence_of(prev.end.saturating_sub(1));
                    let start = last.start.max(prev.start);
                    let verbs = self.verbs_between(start, prev.end);
                    if let Some((verb, _)) = verbs.first() {
                        return self.subject_before(*verb, start);
                    }
                    // "He provided Wikinews with the text of a message he sent:", "AIP
                    // chairman Markham Robinson reflects this view in comments:": the person
                    // the sentence opens with.
                    let first = self.token_at(start);
                    if matches!(self.word(first), "He" | "She") {
                        return self.resolve_pronoun(self.word(first), start);
                    }
                    let person = (first..(first + 4).min(self.view.tokens.len()))
                        .filter_map(|k| self.mention_at(k))
                        .find(|&m| {
                            self.view.kinds[m] == EntityType::Person
                                && !self.after_preposition(m, first)
                        });
                    if let Some(m) = person {
                        return Some(Speaker::Entity(self.view.entity_of(m)));
                    }
                }
            }
        }
        // 4. The subject of this sentence, or of the one before in the same paragraph.
        if let Some(s) = self.subject_in(sentence.start, q.open) {
            return Some(s);
        }
        let p = self.paragraph_of(q.open);
        let paragraph_start = self.view.paragraphs.get(p).map_or(0, |r| r.start);
        let index = self.view.sentences.partition_point(|s| s.end <= q.open);
        if sentence.start > paragraph_start && index > 0 {
            let prev = self.view.sentences[index - 1].clone();
            if prev.start >= paragraph_start {
                if let Some(s) = self.subject_in(prev.start, prev.end) {
                    return Some(s);
                }
            }
        }
        // 5. "Dan Jolin, reviews editor of Empire magazine, says classic shows have a built-in
        // audience." then a paragraph of his words: a quotation opening a paragraph with no
        // attribution of its own goes on from the one named speaking last before it.
        if self.starts_paragraph(q) && p > 0 {
            return self.speaker_of_last_sentence(self.view.paragraphs[p - 1].clone());
        }
        // 6. '"…," said the radio station.': someone unnamed, described right after the quote.
        self.described_after_quote(q.close)
    }

    /// The description of whoever speaks right after a quotation closing at `close`, when
    /// nothing names them: "said the radio station." (one to three lower-case words ending
    /// the sentence after the verb and "the").
    fn described_after_quote(&self, close: usize) -> Option<Speaker> {
        let count = self.view.tokens.len();
        let t0 = self.token_at(close);
        if self.speech(t0) != Some(VerbForm::Finite) || !self.word_is(t0 + 1, "the") {
            return None;
        }
        let ends_sentence =
            |k: usize| k + 1 >= count || self.gap_before(k + 1).trim_start().starts_with('.');
        let end = (t0 + 2..(t0 + 5).min(count)).find(|&k| ends_sentence(k))?;
        let described = (t0 + 2..=end).all(|k| {
            let w = self.word(k);
            self.gap_before(k) == " "
                && w.starts_with(char::is_lowercase)
                && !AUXILIARIES.contains(&w)
                && !is_preposition(w)
                && self.speech(k).is_none()
        });
        described.then(|| {
            let phrase = slice(
                self.view.text,
                self.view.tokens[t0 + 2].start,
                self.view.tokens[end].end,
            );
            Speaker::Described(phrase.to_string())
        })
    }

    /// Who gave the name quoted at `open`: "described by the Daily Hive as a "squirrel
    /// whisperer"", "dubbed by critics as "…"" (a name among the speakers, after "by" and a
    /// verb of naming, then "as"). Not the one so named, whom the sentence is about.
    fn namer_before(&self, open: usize, from: usize) -> Option<Speaker> {
        let t = self.token_at(open);
        let mut k = t.checked_sub(1)?;
        if INDEFINITE.contains(&self.word(k)) || self.word(k) == "the" {
            k = k.checked_sub(1)?;
        }
        if self.word(k) != "as" || self.view.tokens[k].start < from {
            return None;
        }
        let m = self.mention_at(k.checked_sub(1)?)?;
        let first = self.token_at(self.view.mentions[m].start());
        let by = if self.word_is(first.checked_sub(1)?, "the") {
            first.checked_sub(2)?
        } else {
            first - 1
        };
        let naming = matches!(
            self.word(by.checked_sub(1)?),
            "described"
                | "called"
                | "dubbed"
                | "branded"
                | "labelled"
                | "labeled"
                | "termed"
                | "hailed"
                | "named"
        );
        (self.word(by) == "by" && naming && self.is_speaker_kind(m))
            .then(|| Speaker::Entity(self.view.entity_of(m)))
    }

    /// Who speaks in the last sentence of `paragraph`, by a verb of saying outside quotation
    /// marks: "X says …", "X told reporters …". None when that sentence holds a quotation
    /// (its speaker is told by the quotation's own rules) or no such verb.
    fn speaker_of_last_sentence(&self, paragraph: Range<usize>) -> Option<Speaker> {
        let last = self.sentence_of(paragraph.end.saturating_sub(1));
        let start = last.start.max(paragraph.start);
        if self
            .direct
            .iter()
            .any(|d| d.open >= start && d.open < paragraph.end)
        {
            return None;
        }
        let verbs = self.verbs_between(start, paragraph.end);
        let (verb, _) = verbs.iter().find(|(_, form)| *form == VerbForm::Finite)?;
        // A speaker named there only: not a pronoun ("who they say they are"), nor a described
        // one ("growth", "the laws"), too often misread to carry over.
        let k = self.verb_group_start(*verb);
        if k == 0 || PRONOUNS.contains(&self.word(k - 1)) {
            return None;
        }
        self.subject_before(*verb, start)
            .filter(|s| matches!(s, Speaker::Entity(_)))
    }

    /// The subject of the text `from..to`: its first person or organisation named outside
    /// quotes, or a leading pronoun resolved.
    fn subject_in(&self, from: usize, to: usize) -> Option<Speaker> {
        let mut t = self.token_at(from);
        let first = t;
        // Words outside quotes so far: '"Things will change," he told BBC Sport.' opens with
        // "he" as much as 'He told BBC Sport' does.
        let mut unquoted = 0;
        while t < self.view.tokens.len() && self.view.tokens[t].end <= to {
            if self.quoted(t) {
                t += 1;
                continue;
            }
            unquoted += 1;
            let w = self.word(t);
            if (w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")) && unquoted <= 5 {
                return self.resolve_pronoun(w, self.view.tokens[t].start);
            }
            if let Some(m) = self.mention_at(t) {
                let after_preposition = self.after_preposition(m, first);
                if self.view.kinds[m] == EntityType::Person && !after_preposition {
                    return Some(Speaker::Entity(self.view.entity_of(m)));
                }
            }
            if let Some(s) = self.title_reference(t, from) {
                return Some(s);
            }
            t += 1;
        }
        // No person: the first organisation, if the text has one ("the SDF … said it was …"),
        // and not one told something.
        let mut t = first;
        while t < self.view.tokens.len() && self.view.tokens[t].end <= to {
            if let Some(m) = self.mention_at(t) {
                if self.view.kinds[m] == EntityType::Org && !self.quoted(t) && !self.told(m, first)
                {
                    return Some(Speaker::Entity(self.view.entity_of(m)));
                }
            }
            t += 1;
        }
        None
    }

    /// Reported speech: that-clauses after speech verbs, "According to X, …", "…, X said."
    fn reported(&self) -> Vec<Attributed> {
        let mut out = Vec::new();
        for sentence in self.view.sentences {
            self.reported_in(sentence.clone(), &mut out);
        }
        // Never overlap a direct quote: the marked words are the quote.
        out.retain(|r: &Attributed| {
            !self
                .direct
                .iter()
                .any(|d| d.start < r.end && r.start < d.end)
        });
        out
    }

    fn reported_in(&self, sentence: Range<usize>, out: &mut Vec<Attributed>) {
        let text = self.view.text;
        let first = self.token_at(sentence.start);
        let mut t = first;
        let mut sentence_speaker: Option<Speaker> = None;
        while t < self.view.tokens.len() && self.view.tokens[t].start < sentence.end {
            let at = self.view.tokens[t].start;
            if self.quoted(t) {
                t += 1;
                continue;
            }
            let w = self.word(t);
            // "According to X, CLAUSE" / "CLAUSE, according to X."
            // Capitalised only where it opens the sentence: not "The World According to Bex".
            let opens = w == "According" && t == first;
            // '"…," according to X, director of Y': the quotation is X's (see
            // `direct_speaker`); what follows the name only describes X.
            let after_a_quotation = slice(text, sentence.start, at)
                .trim_end()
                .trim_end_matches(',')
                .ends_with(['"', '”']);
            if (opens || w == "according") && self.word_is(t + 1, "to") && !after_a_quotation {
                if let Some((speaker, after_name)) = self.named_after(t + 2) {
                    let rest = slice(text, after_name, sentence.end);
                    // The source may go on past the name: "According to Reuters and NBC, …".
                    let comma = rest.find(',').filter(|&i| {
                        i == 0 || w == "According" && rest[..i].split_whitespace().count() <= 6
                    });
                    if let Some(comma) = comma {
                        let rest = &rest[comma + 1..];
                        let start = sentence.end - rest.trim_start().len();
                        // "According to Dr. Tom Frieden, formerly the director of the CDC, the
                        // pandemic is …": past the source's description.
                        let start = self.after_appositive(start, sentence.end).unwrap_or(start);
                        // "The biggest culprit, according to the EPA, is the power adaptor":
                        // what follows is the sentence's own verb, and the whole sentence is
                        // what X says.
                        let k = self.token_at(start);
                        let predicate = AUXILIARIES.contains(&self.word(k))
                            || NEGATED_AUXILIARIES.contains(&self.word(k))
                            || self.past_tense_verb(k);
                        let parenthetical =
                            slice(text, sentence.start, at).trim_end().ends_with(',');
                        match (predicate, parenthetical) {
                            // "While only 10% own one according to a 2011 study, organizers
                            // reported …": a clause of its own before "according" is what X
                            // says; what follows the comma is another sentence's matter.
                            (false, parenthetical) => {
                                let clause = (!parenthetical && w == "according")
                                    .then(|| self.own_clause_before(sentence.start, at))
                                    .flatten()
                                    .unwrap_or(start..sentence.end);
                                self.push_clause(out, clause.start, clause.end, Some(speaker))
                            }
                            (true, true) => {
                                self.push_clause(out, sentence.start, sentence.end, Some(speaker))
                            }
                            // "competition, of which there are 230 according to recent figures,
                            // could drive …": X vouches for a detail, not the sentence.
                            (true, false) => {}
                        }
                    } else if w == "according" {
                        let before = slice(text, sentence.start, at)
                            .trim_end()
                            .trim_end_matches(',');
                        self.push_clause(
                            out,
                            sentence.start,
                            sentence.start + before.len(),
                            Some(speaker),
                        );
                    }
                }
                t += 2;
                continue;
            }
            let Some(form) = self.speech(t) else {
                t += 1;
                continue;
            };
            let speaker = match form {
                VerbForm::Finite => self
                    .subject_before(t, sentence.start)
                    .or_else(|| {
                        self.inverted(t, sentence.start)
                            .then(|| self.subject_after(t))
                            .flatten()
                    })
                    .or_else(|| self.coordinated_subject(t, sentence.start, &sentence_speaker))
                    .or_else(|| self.country_before(t, sentence.start)),
                VerbForm::Gerund => sentence_speaker
                    .clone()
                    .or_else(|| self.subject_in(sentence.start, at)),
            };
            if form == VerbForm::Finite && speaker.is_some() {
                sentence_speaker = speaker.clone();
            }
            // A gerund opening the sentence: "Recalling that CLAUSE, Kazimi reiterated that …"
            if form == VerbForm::Gerund && t == first && self.word_is(t + 1, "that") {
                let clause_start = self.view.tokens[t + 1].end;
                if let Some((comma, main_speaker)) =
                    self.main_clause_after(clause_start, sentence.end)
                {
                    self.push_clause(out, clause_start, comma, main_speaker);
                }
                t += 2;
                continue;
            }
            // "Having said that, Burnley are yet to concede": an idiom, "all the same".
            let idiom = t >= 1
                && self.word(t - 1).eq_ignore_ascii_case("having")
                && self.word_is(t + 1, "that")
                && self.gap_before(t + 2).starts_with(',');
            if idiom {
                t += 2;
                continue;
            }
            // "proclamations which analysts say could have …", "a move which he said would
            // …": a verb of saying inside a relative clause reports what follows it, from its
            // auxiliary on.
            if form == VerbForm::Finite && self.relative_report(t, sentence.end) {
                let clause_start = self.view.tokens[t + 1].start;
                let clause_end = self.clause_end(clause_start, sentence.end);
                // A group named by its plural ("analysts", "critics") is described so.
                let subject = self.word(t - 1);
                let speaker = speaker.or_else(|| {
                    (subject.ends_with('s') && subject.starts_with(char::is_lowercase))
                        .then(|| Speaker::Described(subject.to_string()))
                });
                if let Some(end) = self.unmixed_end(clause_start, clause_end, sentence.end) {
                    self.push_clause(out, clause_start, end, speaker);
                }
                t += 2;
                continue;
            }
            if let Some(that) = self.that_after(t, sentence.end) {
                // "said the economy was strong and that inflation had eased": "and that"
                // adds a second clause to a first written without "that", which opens right
                // after the verb (unless the speaker's name stands there: "said Mr Smith and
                // that …").
                let first_clause = (that > t + 1
                    && self.word(that - 1) == "and"
                    && form == VerbForm::Finite
                    && BARE_CLAUSE_VERBS.contains(&w)
                    && self.subject_after(t).is_none())
                .then(|| self.after_time_and_audience(t, sentence.end))
                .filter(|&k| k + 1 < that);
                let clause_start = match first_clause {
                    Some(k) => self.view.tokens[k].start,
                    None => self.view.tokens[that].end,
                };
                let clause_end = self.clause_end(clause_start, sentence.end);
                if let Some(end) = self.unmixed_end(clause_start, clause_end, sentence.end) {
                    self.push_clause(out, clause_start, end, speaker);
                }
                t = that + 1;
                continue;
            }
            // "… announced US troops would be leaving Syria": a clause without "that".
            if form == VerbForm::Finite && BARE_CLAUSE_VERBS.contains(&w) {
                if let Some(clause_start) = self.bare_clause_after(t, sentence.end) {
                    let clause_end = self.clause_end(clause_start, sentence.end);
                    if let Some(end) = self.unmixed_end(clause_start, clause_end, sentence.end) {
                        self.push_clause(out, clause_start, end, speaker.clone());
                    }
                    t += 1;
                    continue;
                }
            }
            if form == VerbForm::Finite && (SAYING_VERBS.contains(&w) || CLOSING_VERBS.contains(&w))
            {
                // "CLAUSE, he said." at the end of the sentence.
                let tail = slice(text, self.view.tokens[t].end, sentence.end).trim();
                let tail_words = tail.split_whitespace().count();
                let first_word = slice(text, sentence.start, text.len())
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                // Most closing verbs also take an object ("acknowledged the point"): after
                // them only the speaker's name may follow ("explained Mr Hosford").
                let only_a_name_follows = || {
                    tail.split_whitespace()
                        .filter(|word| word.contains(char::is_alphanumeric))
                        .all(|word| word.starts_with(char::is_uppercase))
                };
                if tail_words <= 4
                    && (SAYING_VERBS.contains(&w) || only_a_name_follows())
                    && !tail.contains(['"', '“', '”'])
                    && !tail.ends_with([':', ','])
                    && !first_word.ends_with("ing")
                    && !self
                        .direct
                        .iter()
                        .any(|d| d.open >= sentence.end && d.open <= sentence.end + 3)
                {
                    let before = slice(text, sentence.start, self.view.tokens[t].start);
                    if let Some(comma) = before.rfind(", ") {
                        let subject = &before[comma + 2..];
                        // "Local authorities, according to X, have noted": the subject
                        // opens the sentence, and the clause is no speech.
                        let only_auxiliaries = !subject.trim().is_empty()
                            && subject.split_whitespace().all(|w| AUXILIARIES.contains(&w));
                        if subject.split_whitespace().count() <= 4
                            && !only_auxiliaries
                            && !before[..comma].contains(['"', '“', '”'])
                        {
                            self.push_clause(
                                out,
                                sentence.start,
                                sentence.start + comma,
                                speaker.clone(),
                            );
                        }
                    }
                }
            }
            t += 1;
        }
    }

    /// Where the reported clause `clause_start..clause_end` ends once its mixed part is left
    /// out: a clause coordinated with another that holds the marked words keeps its own
    /// part ("underlined they keep channels open for dialog and that he would be "very
    /// happy …""). `None`: the clause itself is mixed.
    fn unmixed_end(
        &self,
        clause_start: usize,
        clause_end: usize,
        sentence_end: usize,
    ) -> Option<usize> {
        if !self.mixed(clause_start, clause_end, sentence_end) {
            return Some(clause_end);
        }
        let clause = slice(self.view.text, clause_start, clause_end);
        let own = clause[..clause.find(" and that ")?].trim_end_matches([',', ' ']);
        let end = clause_start + own.len();
        (!own.is_empty() && !self.mixed(clause_start, end, sentence_end)).then_some(end)
    }

    /// Where the words after a name's description end, when the text at `start` is one: "a
    /// former minister," "formerly the director of the CDC," (a role, no verb, then a comma).
    fn after_appositive(&self, start: usize, sentence_end: usize) -> Option<usize> {
        let first = self.token_at(start);
        let opens = matches!(
            self.word(first),
            "formerly" | "former" | "a" | "an" | "the" | "now"
        );
        let comma = start + slice(self.view.text, start, sentence_end).find(", ")?;
        let last = self.token_at(comma);
        let g = gazetteer();
        let role = (first..last).any(|k| g.can_end_title(self.word(k)));
        let verb = (first..last).any(|k| {
            AUXILIARIES.contains(&self.word(k))
                || NEGATED_AUXILIARIES.contains(&self.word(k))
                || k > first && self.past_tense_verb(k)
        });
        (opens && role && !verb && last > first).then_some(comma + 2)
    }

    /// The clause that ends right before `at` ("according to …"), from the last comma, colon
    /// or semicolon, without a conjunction opening it: at least three words ("While only 10%
    /// own one"), or `None` ("But", "; but").
    fn own_clause_before(&self, sentence_start: usize, at: usize) -> Option<Range<usize>> {
        let before = slice(self.view.text, sentence_start, at).trim_end();
        let from = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
        let mut clause = before[from..].trim_start();
        for conjunction in ["While", "Although", "Though", "But", "And", "However"] {
            let mut chars = conjunction.chars();
            let lower = chars.next().map(|c| c.to_ascii_lowercase());
            let opens = clause.strip_prefix(conjunction).or_else(|| {
                clause
                    .strip_prefix(lower?)
                    .and_then(|r| r.strip_prefix(chars.as_str()))
            });
            if let Some(rest) = opens.and_then(|r| r.strip_prefix(' ')) {
                clause = rest;
            }
        }
        let start = sentence_start + before.len() - clause.len();
        (clause.split_whitespace().count() >= 3).then(|| start..sentence_start + before.len())
    }

    /// A clause holding marked words is a mixed quotation ("said the country is "in the midst
    /// of a crisis""): the marked part is the quote, and the clause around it is not reported
    /// speech.
    fn mixed(&self, clause_start: usize, clause_end: usize, sentence_end: usize) -> bool {
        self.direct
            .iter()
            .any(|d| d.open >= clause_start && d.open <= clause_end + 2 && d.open < sentence_end)
    }

    fn word_is(&self, t: usize, word: &str) -> bool {
        t < self.view.tokens.len() && self.word(t) == word
    }

    /// A name (entity or title reference) starting at token `t`: its speaker and end offset.
    /// "WHO's website says", "the ministry's statement", "a UN report": the medium speaks for
    /// its owner, a person or organisation among tokens `from..=to` written possessive or
    /// right before the medium's noun.
    fn media_owner(&self, from: usize, to: usize) -> Option<Speaker> {
        (from..=to).find_map(|i| {
            let m = self.mention_at(i)?;
            let word = self.word(i);
            let possessive = word.ends_with("’s") || word.ends_with("'s");
            let modifier = i < to
                && self.mention_at(i + 1) != Some(m)
                && MEDIA_NOUNS.contains(&self.word(i + 1));
            (self.is_speaker_kind(m) && (possessive || modifier))
                .then(|| Speaker::Entity(self.view.entity_of(m)))
        })
    }

    fn named_after(&self, t: usize) -> Option<(Speaker, usize)> {
        if t >= self.view.tokens.len() {
            return None;
        }
        // "According to Dr. Tom Frieden, …": past a title the name is not part of. And past
        // an article before an organisation's whole name ("according to the WHO, …"; not "the
        // UK's biggest bookmaker" nor "the Hollywood trade paper Variety").
        let names_all = |m: usize| {
            let end = self.view.mentions[m].end();
            self.view.kinds[m] == EntityType::Org
                && slice(self.view.text, end, self.view.text.len())
                    .trim_start_matches(' ')
                    .starts_with([',', '.', ';', '(', ')'])
        };
        let t = if self.mention_at(t).is_none()
            && self.mention_at(t + 1).is_some_and(|m| {
                gazetteer().title_head(self.word(t)).is_some()
                    || matches!(self.word(t), "the" | "The") && names_all(m)
            }) {
            t + 1
        } else {
            t
        };
        if let Some(m) = self.mention_at(t) {
            // "According to Rutgers University political scholar Kelly Dittmar": the person
            // the institution's role introduces.
            let m = self.person_after_role(m).unwrap_or(m);
            let mention = &self.view.mentions[m];
            let end = self.view.tokens[self.token_at(mention.end()).saturating_sub(1).max(t)].end;
            return Some((
                Speaker::Entity(self.view.entity_of(m)),
                end.max(mention.end()),
            ));
        }
        if PRONOUNS.contains(&self.word(t)) || matches!(self.word(t), "him" | "her" | "them") {
            let s = self.resolve_pronoun("he", self.view.tokens[t].start)?;
            return Some((s, self.view.tokens[t].end));
        }
        // "According to a statement released by Erdogan's office, …" (in the same sentence).
        let start = self.view.tokens[t].start;
        let sentence_end = self.sentence_of(start).end;
        let end = slice(self.view.text, start, sentence_end)
            .find(',')
            .map(|i| start + i)?;
        let phrase = slice(self.view.text, self.view.tokens[t].start, end);
        // ("the United Nations' Food and Agriculture Organization's chief veterinary officer")
        if phrase.split_whitespace().count() > 12 {
            return None;
        }
        let last = self.token_at(end).saturating_sub(1);
        // "According to the WHO's situation report dated March 16": the report's owner.
        // "According to a recent report by The Atlantic": its author.
        if let Some(k) = (t..=last).find(|&i| MEDIA_NOUNS.contains(&self.word(i))) {
            if let Some(owner) = self.media_owner(t, last).or_else(|| self.issuer_at(k)) {
                return Some((owner, end));
            }
        }
        let s = self
            .subject_before(last + 1, self.view.tokens[t].start)
            .or_else(|| {
                let described = phrase.trim_start_matches("the ");
                is_description(described).then(|| Speaker::Described(described.to_string()))
            })?;
        Some((s, end))
    }

    /// The token "that" introducing a that-clause after verb `t` ("said in a statement that",
    /// "assured Al-Kazemi that"), with no punctuation but dashes and brackets in between.
    fn that_after(&self, t: usize, sentence_end: usize) -> Option<usize> {
        for k in t + 1..(t + 14).min(self.view.tokens.len()) {
            if self.view.tokens[k].start >= sentence_end {
                return None;
            }
            let gap = self.gap_before(k);
            if gap.contains([',', ';', ':', '"', '“', '”', '.']) {
                return None;
            }
            if self.word(k) == "that" {
                return Some(k);
            }
            if self.speech(k).is_some() {
                return None;
            }
        }
        None
    }

    /// Where a reported clause ends: the sentence end, a direct quote, or the next
    /// ", stressing that" continuation.
    fn clause_end(&self, start: usize, sentence_end: usize) -> usize {
        let text = self.view.text;
        let mut end = sentence_end;
        if let Some(q) = self.direct.iter().find(|q| q.open >= start && q.open < end) {
            end = q.open;
        }
        let g = gazetteer();
        let mut search = start;
        while let Some(i) = slice(text, search, end).find(", ") {
            let at = search + i;
            let next = slice(text, at + 2, end)
                .split(|c: char| !is_word_char(c))
                .next()
                .unwrap_or("");
            if g.speech_verb(next) == Some(VerbForm::Gerund) {
                end = at;
                break;
            }
            search = at + 2;
        }
        end
    }

    /// A clause right after a verb of saying with no "that": a subject-like word followed, within
    /// eight words, by an auxiliary ("said US troops would be leaving").
    fn bare_clause_after(&self, t: usize, sentence_end: usize) -> Option<usize> {
        let next = self.after_time_and_audience(t, sentence_end);
        if next >= self.view.tokens.len() || self.view.tokens[next].start >= sentence_end {
            return None;
        }
        let w = self.word(next);
        // "said he would", "said they": a subject pronoun can only open a clause (but not
        // "…," said he.").
        if NOMINATIVE_PRONOUNS.contains(&w) {
            let more = self
                .view
                .tokens
                .get(next + 1)
                .is_some_and(|t| t.start < sentence_end);
            return more.then(|| self.view.tokens[next].start);
        }
        let subject_like = PRONOUNS.contains(&w)
            || matches!(w, "the" | "The" | "his" | "her" | "its" | "their" | "there")
            || self.mention_at(next).is_some()
            || w.starts_with(char::is_uppercase);
        let excluded = matches!(
            w,
            "in" | "on" | "at" | "to" | "by" | "during" | "after" | "before" | "it"
        );
        // A subject with no article or with "a" must reach its verb within a short noun
        // phrase: "cautioned justice does not come", "said a press badge was used" (not "said
        // goodbye to the fans who were ...", "said a prayer for those who were ...").
        // Nor after a verb that is no verb of speech here: passive ("when a firm is declared
        // bankrupt it will"), conditional ("If confirmed, that would") or a noun ("the
        // predicted high is").
        // Nor as an adjective after a possessive or another verb ("The party's declared aims
        // are", "figures showed reported fraud was").
        let verb_used_so = t == 0 || {
            let before = self.word(t - 1);
            !matches!(
                before,
                "is" | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "if"
                    | "If"
                    | "the"
                    | "The"
                    | "when"
            ) && !before.ends_with("'s")
                && !before.ends_with("’s")
                && self.speech(t - 1).is_none()
        };
        // A count opens the clause: "Police said 20 people were killed", "The ministry said
        // more than 100 people were injured", "Reuters estimated around 200 people attended".
        // Not a number in a listener's name: "told BBC News 24 she had", "told BBC 6 Music".
        let after_a_name = next > t + 1 && self.word(next - 1).starts_with(char::is_uppercase);
        let count = (verb_used_so && !after_a_name)
            .then(|| self.count_after(next, sentence_end))
            .flatten();
        if let Some(noun) = count {
            return self
                .count_reaches_its_verb(noun, sentence_end)
                .then(|| self.view.tokens[next].start);
        }
        let reach = if subject_like {
            8
        } else if !verb_used_so {
            0
        } else if INDEFINITE.contains(&w) {
            4
        } else if w.starts_with(char::is_lowercase)
            && !is_preposition(w)
            && !RELATIVES.contains(&w)
            && !NOT_SUBJECTS.contains(&w)
            && self.speech(next).is_none()
        {
            3
        } else {
            0
        };
        if reach == 0 || excluded {
            return None;
        }
        for k in next + 1..(next + reach).min(self.view.tokens.len()) {
            if self.view.tokens[k].start >= sentence_end {
                return None;
            }
            let gap = self.gap_before(k);
            if gap.contains([',', ';', ':', '"', '“', '(']) {
                return None;
            }
            if AUXILIARIES.contains(&self.word(k)) || NEGATED_AUXILIARIES.contains(&self.word(k)) {
                return Some(self.view.tokens[next].start);
            }
            if !subject_like
                && (RELATIVES.contains(&self.word(k)) || NOT_SUBJECTS.contains(&self.word(k)))
            {
                return None;
            }
            // A verb in the past: "said the company lost", "told reporters Iran rejected"
            // (not an adjective after an article or a possessive: "announced the planned
            // merger", "the firm's revised offer").
            // Close to its subject, and not a participle ("the disease caused by", "the
            // signal received from", "Clapton who joined").
            if self.past_tense_verb(k)
                && subject_like
                && !is_preposition(self.word(k - 1))
                && k > next + usize::from(DETERMINERS.contains(&w))
                && k <= next + 4
                && !is_preposition(self.word(k + 1))
                && !(next..k).any(|i| RELATIVES.contains(&self.word(i)))
            {
                return Some(self.view.tokens[next].start);
            }
        }
        None
    }

    /// The word after a count opening at word `first`: a number in figures ("20", "3,000",
    /// "18%") or words ("two", "dozens"), after at most three words that bound it ("more
    /// than", "at least", "around"). None when no count opens there.
    fn count_after(&self, first: usize, sentence_end: usize) -> Option<usize> {
        let tokens = self.view.tokens;
        let within = |k: usize| k < tokens.len() && tokens[k].start < sentence_end;
        let mut k = first;
        while k < first + 3 && within(k) && QUANTITY_BOUNDS.contains(&self.word(k)) {
            k += 1;
        }
        if !within(k) {
            return None;
        }
        let w = self.word(k);
        let figures = w.bytes().all(|b| b.is_ascii_digit());
        if !figures && !NUMBER_WORDS.contains(&w) {
            return None;
        }
        // Only the bounds before a number: "said some people" is no count.
        k += 1;
        // The rest of the number: "3,000", "2.5", "200 million".
        while within(k)
            && (figures
                && matches!(self.gap_before(k), "," | ".")
                && self.word(k).bytes().all(|b| b.is_ascii_digit())
                || NUMBER_WORDS.contains(&self.word(k)))
        {
            k += 1;
        }
        within(k).then_some(k)
    }

    /// After a count, the clause's verb comes within a short noun phrase ("20 people were
    /// killed", "18% of downloaders were", "200 people attended"): an auxiliary, or a verb
    /// in the past. Not "20 times", "10 years ago" alone, nor past a comma or a relative.
    fn count_reaches_its_verb(&self, noun: usize, sentence_end: usize) -> bool {
        // A part of a whole takes two words more: "908 of the 2240 attendees brought".
        let reach = if self.word_is(noun, "of") { 6 } else { 4 };
        let words = self.view.tokens.iter().enumerate().skip(noun).take(reach);
        for (k, token) in words {
            if token.start >= sentence_end {
                return false;
            }
            let gap = self.gap_before(k);
            if gap.contains([',', ';', ':', '"', '“', '(']) {
                return false;
            }
            let w = self.word(k);
            if AUXILIARIES.contains(&w) || NEGATED_AUXILIARIES.contains(&w) {
                return true;
            }
            // A subject of its own after the number: it was a date or a name ("on 24 she").
            if RELATIVES.contains(&w)
                || NOT_SUBJECTS.contains(&w)
                || NOMINATIVE_PRONOUNS.contains(&w)
            {
                return false;
            }
            if k > noun && self.past_tense_verb(k) && !self.preposition_follows(k) {
                return true;
            }
        }
        false
    }

    /// The verb of saying at `t` stands in a relative clause with a one-word subject and an
    /// auxiliary right after it: "(proclamations) which analysts say could", "(a move) that
    /// he said would". Words joined by single spaces, within the sentence.
    fn relative_report(&self, t: usize, sentence_end: usize) -> bool {
        t >= 2
            && matches!(self.word(t - 2), "which" | "that")
            && (AUXILIARIES.contains(&self.word(t + 1))
                || NEGATED_AUXILIARIES.contains(&self.word(t + 1)))
            && self
                .view
                .tokens
                .get(t + 1)
                .is_some_and(|next| next.start < sentence_end)
            && [t - 1, t, t + 1].iter().all(|&k| self.gap_before(k) == " ")
            && {
                let subject = self.word(t - 1);
                PRONOUNS.contains(&subject)
                    || NOMINATIVE_PRONOUNS.contains(&subject)
                    || subject.ends_with('s') && subject.starts_with(char::is_lowercase)
                    || self.mention_at(t - 1).is_some()
            }
    }

    /// A preposition follows word `k` ("caused by", "received from"): the word is a
    /// participle, not a verb in the past. "at least" and "at most" count nothing of the
    /// sort ("brought at least one outfit").
    fn preposition_follows(&self, k: usize) -> bool {
        is_preposition(self.word(k + 1))
            && !(self.word_is(k + 1, "at")
                && (self.word_is(k + 2, "least") || self.word_is(k + 2, "most")))
    }

    /// Word `k` reads as a verb in the past after its subject: a lower-case word in "-ed" (or
    /// one of the commonest irregular pasts) that follows no article, possessive or "to".
    fn past_tense_verb(&self, k: usize) -> bool {
        let w = self.word(k);
        let before = self.word(k - 1);
        let past = w.len() > 4 && w.ends_with("ed")
            || matches!(
                w,
                "lost"
                    | "won"
                    | "made"
                    | "took"
                    | "gave"
                    | "came"
                    | "went"
                    | "found"
                    | "told"
                    | "left"
                    | "held"
                    | "sent"
                    | "paid"
                    | "knew"
                    | "saw"
                    | "got"
                    | "became"
                    | "brought"
                    | "bought"
                    | "began"
                    | "grew"
                    | "rose"
                    | "fell"
            );
        past && w.starts_with(char::is_lowercase)
            && !DETERMINERS.contains(&before)
            && !before.ends_with("'s")
            && !before.ends_with("’s")
            && !matches!(
                before,
                "to" | "be" | "been" | "being" | "get" | "got" | "not"
            )
            && !AUXILIARIES.contains(&before)
    }

    /// The word after verb `t` and what may stand between a verb of saying and its clause:
    /// a time ("said on Friday", "said Tuesday", "said last week") or an audience ("told
    /// reporters", "said to journalists"). Only spaces between the words.
    fn after_time_and_audience(&self, t: usize, sentence_end: usize) -> usize {
        let count = self.view.tokens.len();
        let joined = |k: usize| {
            k < count
                && self.view.tokens[k].start < sentence_end
                && self.gap_before(k).trim().is_empty()
        };
        let mut k = t + 1;
        loop {
            if !joined(k) {
                return k;
            }
            let w = self.word(k);
            let skip = if TIME_WORDS.contains(&w) {
                1
            } else if matches!(w, "on" | "last" | "this" | "to")
                && joined(k + 1)
                && (TIME_WORDS.contains(&self.word(k + 1))
                    || w == "to" && AUDIENCES.contains(&self.word(k + 1)))
            {
                2
            } else if matches!(self.word(t), "told" | "tells") && k == t + 1 {
                // Who was told: "told reporters", "told BBC News", "told the court".
                self.listener_words(k)
            } else {
                0
            };
            if skip == 0 {
                return k;
            }
            k += skip;
        }
    }

    /// How many words from `k` name who was told something: an audience ("reporters"), a
    /// run of capitalised words ("BBC Radio Five Live", "Mr Brown"), or "the"/"his" and a
    /// word or a name ("the court", "the BBC").
    fn listener_words(&self, k: usize) -> usize {
        let words = self.listener_head_words(k);
        // "told the BBC News website", "told Radio 4's Today programme".
        let mut end = k + words;
        while words > 0
            && end < self.view.tokens.len()
            && MEDIA_TAILS.contains(&self.word(end))
            && self.gap_before(end).trim().is_empty()
        {
            end += 1;
        }
        // "told the Argentine newspaper Clarin that ...": the paper's name after it (but in
        // "told the BBC News website Ford did not", Ford opens the clause).
        if end > k + words && end < self.view.tokens.len() && self.gap_before(end) == " " {
            if let Some(m) = self.mention_at(end) {
                let after = self.token_at(self.view.mentions[m].end()).max(end + 1);
                let next = self.word(after);
                if NOMINATIVE_PRONOUNS.contains(&next) || matches!(next, "that" | "it") {
                    end = after;
                }
            }
        }
        end - k
    }

    fn listener_head_words(&self, k: usize) -> usize {
        let w = self.word(k);
        if AUDIENCES.contains(&w) {
            return 1;
        }
        if w.starts_with(char::is_uppercase) && !NOMINATIVE_PRONOUNS.contains(&w) {
            let mut end = k + 1;
            while end < self.view.tokens.len()
                && self.word(end).starts_with(char::is_uppercase)
                && !NOMINATIVE_PRONOUNS.contains(&self.word(end))
                && self.gap_before(end).trim().is_empty()
            {
                end += 1;
            }
            return end - k;
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its") {
            // "told the prime minister": a title of several words.
            let g = gazetteer();
            let count = self.view.tokens.len();
            if let Some(len) = (2..=3).rev().find(|&len| {
                k + 1 + len <= count && {
                    let phrase = slice(
                        self.view.text,
                        self.view.tokens[k + 1].start,
                        self.view.tokens[k + len].end,
                    );
                    phrase.starts_with(char::is_lowercase)
                        && g.title_head_lowercase(phrase).is_some()
                }
            }) {
                return 1 + len;
            }
            let next = (k + 1 < self.view.tokens.len())
                .then(|| self.mention_at(k + 1))
                .flatten();
            return match next {
                Some(m) => self
                    .token_at(self.view.mentions[m].end())
                    .saturating_sub(k)
                    .max(2),
                None => 2,
            };
        }
        0
    }

    /// In "Recalling that CLAUSE, Kazimi reiterated …": the comma ending CLAUSE and the main
    /// clause's speaker.
    fn main_clause_after(
        &self,
        from: usize,
        sentence_end: usize,
    ) -> Option<(usize, Option<Speaker>)> {
        let text = self.view.text;
        let mut found = None;
        let mut search = from;
        while let Some(i) = slice(text, search, sentence_end).find(", ") {
            let comma = search + i;
            let t = self.token_at(comma + 2);
            for k in t..(t + 6).min(self.view.tokens.len()) {
                if self.speech(k) == Some(VerbForm::Finite) {
                    found = Some((comma, self.subject_before(k, comma)));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
            search = comma + 2;
        }
        found
    }

    fn push_clause(
        &self,
        out: &mut Vec<Attributed>,
        start: usize,
        end: usize,
        speaker: Option<Speaker>,
    ) {
        let text = self.view.text;
        if end <= start {
            return;
        }
        let clause = slice(text, start, end);
        // "concern that, for the 10th year, …": no comma opens the clause.
        let opened = clause.trim_start().trim_start_matches([',', ' ']);
        let trimmed = opened
            .trim_end()
            .trim_end_matches(['.', ',', ';', ':', ' ']);
        let lead = clause.len() - opened.len();
        if trimmed.split_whitespace().count() < 3 || trimmed.starts_with(['"', '“', '(', '«']) {
            return;
        }
        let start = start + lead;
        let end = start + trimmed.len();
        if out
            .iter()
            .any(|r: &Attributed| r.start < end && start < r.end)
        {
            return;
        }
        out.push(Attributed {
            start,
            end,
            kind: QuoteKind::Reported,
            speaker,
            unclosed: false,
        });
    }
}

/// `slice(text, start, end)`, clamped to the text and to character boundaries, empty when the range
/// is inverted: attribution reads around quotes whose spans may reach past a sentence's end.
fn slice(text: &str, start: usize, end: usize) -> &str {
    let end = end.min(text.len());
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start.min(end)..end]
}

/// "Iran" → "Iranian", for titles written with a possessive country ("Iran’s first vice president").
fn demonym_of_place(place: &str) -> Option<String> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("../../../assets/demonyms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, p)| *p != "-")
            .map(|(d, p)| (p.to_string(), d.to_string()))
            .collect()
    });
    table.get(place).cloned()
}

/// "Speaking to Martin Smith", "the character of Anya Jenkins": a name after these is an
/// object, not the subject.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "with"
            | "of"
            | "by"
            | "for"
            | "from"
            | "about"
            | "at"
            | "on"
            | "against"
            | "like"
            | "as"
    )
}

#[cfg(test)]
mod tests;
