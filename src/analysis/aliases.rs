//! Decides which mentions name the same entity, within an article and across the corpus:
//! transliteration variants (Al-Kazemi, Kazimi, Kadhimi), `Al-` prefixes, a surname after a
//! full name (Khamenei → Ali Khamenei), acronyms with their expansion ("Popular Mobilization
//! Units (PMU)"), and the curated groups of assets/aliases.txt (ISIS = Daesh). It then gives
//! every mention an entity id, and every entity a display name and one type.

use rustc_hash::FxHashMap as HashMap;

use super::entities::Mention;
use super::gazetteer::gazetteer;
use super::EntityType;

/// A consonant skeleton that transliteration variants share: lowercase, no `al-` prefix,
/// common digraphs folded (dh/z, sh/ch/s, kh/k, q/c/k, ph/f), vowels dropped after the first
/// letter, doubled letters collapsed. "Kadhimi", "Kazemi" and "Al-Kazimi" all give "kzm".
pub fn skeleton(word: &str) -> String {
    let lower: String = word
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '’' | '\''))
        .map(fold_diacritic)
        .collect();
    let lower = lower
        .strip_prefix("al-")
        .or_else(|| lower.strip_prefix("el-"))
        .or_else(|| lower.strip_prefix(" al "))
        .unwrap_or(&lower)
        .to_string();
    let folded = lower
        .replace("dh", "z")
        .replace("th", "t")
        .replace("sh", "s")
        .replace("ch", "s")
        .replace("kh", "k")
        .replace("gh", "g")
        .replace("ph", "f")
        .replace(['q', 'c'], "k");
    let mut out = String::new();
    for (i, c) in folded.chars().enumerate() {
        if !c.is_alphanumeric() {
            continue;
        }
        let c = if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w') {
            if i == 0 {
                'V' // a leading vowel is kept, whichever it is (Ebrahim, Ibrahim)
            } else {
                continue;
            }
        } else {
            c
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Latin letters with diacritics as their base letter ("Erdoğan" → "Erdogan", "Gdańsk").
fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ğ' => 'g',
        'ł' => 'l',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'đ' | 'ď' => 'd',
        other => other,
    }
}

/// The skeleton of every word of a name, particles dropped ("Mustafa al-Kadhimi" → "mstf kzm").
fn name_skeleton(name: &str) -> String {
    name.split([' ', '\u{a0}'])
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "al" | "el" | "bin" | "ibn" | "the" | "of"
            )
        })
        .map(skeleton)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An entity as the corpus knows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Every distinct surface form, most frequent first.
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub articles: usize,
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb.max(ra)] = rb.min(ra);
        }
    }
}

/// The result of linking: for each article, for each of its mentions, the entity index and the
/// mention's final type; and the entities.
pub struct Linked {
    pub mention_entity: Vec<Vec<usize>>,
    pub mention_kind: Vec<Vec<EntityType>>,
    pub entities: Vec<Entity>,
}

fn surface(text: &str, m: &Mention) -> String {
    text[m.start..m.end].replace('\u{a0}', " ")
}

/// Links the mentions of all articles (`(text, mentions)` per article) into entities.
pub fn link(articles: &[(&str, &[Mention])]) -> Linked {
    let g = gazetteer();
    // Nodes are distinct (type, lowercase surface) pairs, shared by all articles.
    let mut node_of: HashMap<(EntityType, String), usize> = HashMap::default();
    let mut node_surfaces: Vec<HashMap<String, usize>> = Vec::new();
    let mut node_kind: Vec<EntityType> = Vec::new();
    let mut mention_node: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    for (text, mentions) in articles {
        let mut nodes = Vec::with_capacity(mentions.len());
        for m in mentions.iter() {
            let surface = surface(text, m);
            let key = (m.kind, surface.to_lowercase());
            let id = *node_of.entry(key).or_insert_with(|| {
                node_surfaces.push(HashMap::default());
                node_kind.push(m.kind);
                node_surfaces.len() - 1
            });
            *node_surfaces[id].entry(surface).or_default() += 1;
            nodes.push(id);
        }
        mention_node.push(nodes);
    }
    let n = node_kind.len();
    let mut uf = UnionFind {
        parent: (0..n).collect(),
    };
    let first_surface = |i: usize| -> String {
        node_surfaces[i]
            .iter()
            .max_by_key(|(s, c)| (**c, std::cmp::Reverse((*s).clone())))
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    };
    let surfaces: Vec<String> = (0..n).map(first_surface).collect();

    // Within an article: a surname after a full name, an acronym after its expansion.
    for (a, (text, mentions)) in articles.iter().enumerate() {
        let nodes = &mention_node[a];
        let mut full_by_last: HashMap<String, usize> = HashMap::default();
        for (k, m) in mentions.iter().enumerate() {
            let s = &surfaces[nodes[k]];
            if m.kind == EntityType::Person && s.contains(' ') {
                if let Some(last) = s.split(' ').next_back() {
                    full_by_last.insert(skeleton(last), nodes[k]);
                }
            }
        }
        for (k, m) in mentions.iter().enumerate() {
            let s = &surfaces[nodes[k]];
            // Short skeletons ("mr" for both Mary and Moreau) say too little to merge on.
            if !s.contains(' ') && matches!(m.kind, EntityType::Person | EntityType::Other) {
                if let Some(&full) = full_by_last.get(&skeleton(s)).filter(|&&full| {
                    skeleton(s).chars().count() >= 3 || last_word_is(&surfaces[full], s)
                }) {
                    uf.union(full, nodes[k]);
                }
            }
            // "Popular Mobilization Units (PMU)"
            if k + 1 < mentions.len() {
                let next = &mentions[k + 1];
                let between = &text[m.end..next.start];
                let acronym = &text[next.start..next.end];
                if between.trim() == "("
                    && text[next.end..].starts_with(')')
                    && is_acronym(acronym)
                    && s.contains(' ')
                {
                    uf.union(nodes[k], nodes[k + 1]);
                }
            }
        }
        // An acronym made of the initials of an organisation named in the same article.
        let mut initials: HashMap<String, usize> = HashMap::default();
        for (k, m) in mentions.iter().enumerate() {
            let s = &surfaces[nodes[k]];
            if m.kind == EntityType::Org && s.split(' ').count() >= 2 {
                let acr: String = s
                    .split(' ')
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                initials.insert(acr, nodes[k]);
            }
        }
        for (k, _) in mentions.iter().enumerate() {
            let s = &surfaces[nodes[k]];
            if is_acronym(s) {
                if let Some(&full) = initials.get(s.as_str()) {
                    uf.union(full, nodes[k]);
                }
            }
        }
    }

    // Across the corpus: curated alias groups, demonym forms, transliteration variants.
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut join = |uf: &mut UnionFind, key: String, node: usize| match by_key.get(&key) {
        Some(&other) => uf.union(other, node),
        None => {
            by_key.insert(key, node);
        }
    };
    for i in 0..n {
        let s = &surfaces[i];
        if let Some(group) = g.alias_group(s) {
            join(&mut uf, format!("alias:{group}"), i);
        }
        if node_kind[i] == EntityType::Group {
            if let Some(d) = g.demonym(s) {
                join(&mut uf, format!("group:{d}"), i);
            }
        }
        let skel = name_skeleton(s);
        if skel.len() >= 3 {
            match node_kind[i] {
                EntityType::Person | EntityType::Org | EntityType::Other => {
                    join(&mut uf, format!("name:{skel}"), i)
                }
                kind => join(&mut uf, format!("{kind:?}:{skel}"), i),
            }
        }
    }
    // A lone surname joins the one full name that ends with it anywhere in the corpus; when
    // several people share it (two Johnsons), it stays apart rather than guess.
    let mut full_by_last: HashMap<String, Vec<usize>> = HashMap::default();
    for i in 0..n {
        if node_kind[i] == EntityType::Person && surfaces[i].contains(' ') {
            if let Some(last) = surfaces[i].split(' ').next_back() {
                full_by_last.entry(skeleton(last)).or_default().push(i);
            }
        }
    }
    for i in 0..n {
        if !surfaces[i].contains(' ')
            && matches!(node_kind[i], EntityType::Person | EntityType::Other)
        {
            if let Some(fulls) = full_by_last.get(&skeleton(&surfaces[i])) {
                let short = skeleton(&surfaces[i]).chars().count() < 3;
                let fulls: Vec<usize> = fulls
                    .iter()
                    .copied()
                    .filter(|&f| !short || last_word_is(&surfaces[f], &surfaces[i]))
                    .collect();
                let mut roots: Vec<usize> = fulls.iter().map(|&f| uf.find(f)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    uf.union(roots[0], i);
                }
            }
        }
    }

    // Build entities: one per root, typed by the most trusted evidence.
    let mut entity_of_root: HashMap<usize, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut surface_counts: Vec<HashMap<String, usize>> = Vec::new();
    let mut kind_votes: Vec<HashMap<EntityType, usize>> = Vec::new();
    let mut article_sets: Vec<usize> = Vec::new();
    let mut mention_entity = Vec::with_capacity(articles.len());
    for (a, (_, mentions)) in articles.iter().enumerate() {
        let mut ids = Vec::with_capacity(mentions.len());
        let mut seen_here = rustc_hash::FxHashSet::default();
        for (k, m) in mentions.iter().enumerate() {
            let node = mention_node[a][k];
            let root = uf.find(node);
            let e = *entity_of_root.entry(root).or_insert_with(|| {
                entities.push(Entity {
                    id: String::new(),
                    name: String::new(),
                    kind: m.kind,
                    aliases: Vec::new(),
                    mentions: 0,
                    articles: 0,
                });
                surface_counts.push(HashMap::default());
                kind_votes.push(HashMap::default());
                article_sets.push(0);
                entities.len() - 1
            });
            let s = surfaces[node].clone();
            // General knowledge outweighs a guess from context.
            let weight = if g.type_of(&s).is_some() { 10 } else { 1 };
            *kind_votes[e].entry(m.kind).or_default() += weight;
            *surface_counts[e].entry(s).or_default() += 1;
            entities[e].mentions += 1;
            if seen_here.insert(e) {
                article_sets[e] += 1;
            }
            ids.push(e);
        }
        mention_entity.push(ids);
    }
    let mut used_ids: HashMap<String, usize> = HashMap::default();
    for (e, entity) in entities.iter_mut().enumerate() {
        entity.kind = kind_votes[e]
            .iter()
            .max_by_key(|(k, v)| (**v, std::cmp::Reverse(**k as u8)))
            .map(|(k, _)| *k)
            .unwrap_or(entity.kind);
        let mut forms: Vec<(String, usize)> = surface_counts[e].drain().collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        entity.name = display_name(&forms);
        entity.aliases = forms.into_iter().map(|(s, _)| s).collect();
        entity.articles = article_sets[e];
        let base = slug(&entity.name);
        let count = used_ids.entry(base.clone()).or_default();
        *count += 1;
        entity.id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
    }
    let mention_kind = mention_entity
        .iter()
        .map(|ids| ids.iter().map(|&e| entities[e].kind).collect())
        .collect();
    Linked {
        mention_entity,
        mention_kind,
        entities,
    }
}

/// `name`'s last word is `word` (ignoring case): "Ebrahim Raeisi" ends with "Raeisi".
fn last_word_is(name: &str, word: &str) -> bool {
    name.split(' ')
        .next_back()
        .is_some_and(|last| last.eq_ignore_ascii_case(word))
}

fn is_acronym(s: &str) -> bool {
    s.len() >= 2
        && s.len() <= 8
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// The curated name when the entity is in assets/aliases.txt, else its fullest surface form
/// (most words, then most frequent).
fn display_name(forms: &[(String, usize)]) -> String {
    let g = gazetteer();
    if let Some(group) = forms.iter().find_map(|(s, _)| g.alias_group(s)) {
        return group.to_string();
    }
    forms
        .iter()
        .max_by_key(|(s, count)| {
            (
                s.split(' ').count().min(4),
                *count,
                std::cmp::Reverse(s.clone()),
            )
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// A stable id from a name: lowercase ASCII letters and digits joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        let forms = ["Al-Kazemi", "Kazimi", "Kadhimi", "al-Kadhimi", "Al-Kazimi"];
        for form in forms {
            assert_eq!(skeleton(form), "kzm", "{form}");
        }
        assert_eq!(skeleton("Shaabi"), skeleton("Chaabi"));
        assert_ne!(skeleton("Iran"), skeleton("Iraq"));
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug("Mustafa Al-Kazemi"), "mustafa-al-kazemi");
    }
}
