//! A port of the shared gold scorer (`gold_score.py`): matches quire's analysis to a gold
//! annotation by text, never by offsets, and computes the figures the issues name.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use quire::analysis::{Corpus, QuoteKind};
use serde_json::Value;

const QUOTE_MARKS: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»', '„', '(', ')'];

/// Character interval of `needle` in `haystack` (whitespace-insensitive), as char offsets.
fn locate(haystack: &[char], needle: &str, start_at: usize) -> Option<(usize, usize)> {
    let needle = needle.trim().trim_matches(QUOTE_MARKS).trim();
    let words: Vec<Vec<char>> = needle
        .split_whitespace()
        .map(|w| w.chars().collect())
        .collect();
    if words.is_empty() {
        return None;
    }
    let try_from = |from: usize| -> Option<(usize, usize)> {
        'outer: for i in from..haystack.len() {
            let mut at = i;
            for (k, word) in words.iter().enumerate() {
                if k > 0 {
                    let ws_start = at;
                    while at < haystack.len() && haystack[at].is_whitespace() {
                        at += 1;
                    }
                    if at == ws_start {
                        continue 'outer;
                    }
                }
                if at + word.len() > haystack.len() || haystack[at..at + word.len()] != word[..] {
                    continue 'outer;
                }
                at += word.len();
            }
            return Some((i, at));
        }
        None
    };
    try_from(start_at).or_else(|| try_from(0))
}

fn norm(s: Option<&str>) -> String {
    let s = s
        .unwrap_or("")
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace('\u{a0}', " ");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| " .,:;-\u{2013}\u{2014}\"'“”".contains(c))
        .to_string()
}

/// Similarity like difflib's ratio, enough for titles: 2·LCS / (len a + len b).
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// Every figure, by the names gold_score.py prints.
#[derive(Debug, Default)]
pub struct Figures(pub BTreeMap<&'static str, f64>);

impl Figures {
    pub fn get(&self, name: &str) -> f64 {
        self.0.get(name).copied().unwrap_or(0.0)
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (k, v) in &self.0 {
            writeln!(f, "{k} {v:.3}")?;
        }
        Ok(())
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `corpus` against the gold file; `articles_dir` holds the files the gold names.
pub fn score(gold_path: &Path, corpus: &Corpus, articles_dir: &Path) -> Figures {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let canon = gold["canonical"].as_object().cloned().unwrap_or_default();
    let mut c: HashMap<&'static str, usize> = HashMap::new();
    let inc = |c: &mut HashMap<&'static str, usize>, k: &'static str, n: usize| {
        *c.entry(k).or_default() += n
    };
    let mut gold_surface_id: HashMap<String, String> = HashMap::new();
    let mut pred_surface_id: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let by_file: HashMap<String, &quire::analysis::Article> = corpus
        .articles
        .iter()
        .map(|a| {
            (
                a.path.file_name().unwrap().to_string_lossy().into_owned(),
                a,
            )
        })
        .collect();
    for art in gold["articles"].as_array().unwrap() {
        let file = art["file"].as_str().unwrap();
        inc(&mut c, "articles", 1);
        let raw: Vec<char> = std::fs::read_to_string(articles_dir.join(file))
            .unwrap()
            .chars()
            .collect();
        let rec = by_file
            .get(file)
            .unwrap_or_else(|| panic!("quire did not load {file}"));
        let (tg, tp) = (norm(art["title"].as_str()), norm(rec.title.as_deref()));
        if !tg.is_empty() && (tg == tp || similarity(&tg, &tp) >= 0.9) {
            inc(&mut c, "title_ok", 1);
        } else {
            eprintln!("TITLE {file}: {:?} vs gold {:?}", rec.title, art["title"]);
        }
        if art["date"].as_str() == rec.date.as_deref() {
            inc(&mut c, "date_ok", 1);
        } else {
            eprintln!("DATE {file}: {:?} vs gold {:?}", rec.date, art["date"]);
        }
        if norm(art["source"].as_str()) == norm(rec.source.as_deref()) {
            inc(&mut c, "source_ok", 1);
        }
        let shown = norm(Some(&rec.text));
        for b in art["boilerplate"].as_array().unwrap() {
            inc(&mut c, "boiler_gold", 1);
            let b = norm(b.as_str());
            if b.is_empty() || !shown.contains(&b) {
                inc(&mut c, "boiler_gone", 1);
            } else {
                eprintln!("BOILERPLATE LEFT {file}: {b}");
            }
        }
        // Quotes, placed in the raw file by their text.
        let mut pq: Vec<((usize, usize), QuoteKind, Option<String>)> = Vec::new();
        let mut pos = 0;
        for q in &rec.quotes {
            if let Some(iv) = locate(&raw, rec.quote_text(q), pos) {
                pos = iv.0;
                pq.push((iv, q.kind, q.speaker.clone()));
            }
        }
        let gold_quotes = art["quotes"].as_array().unwrap();
        let all_gold: Vec<Option<(usize, usize)>> = gold_quotes
            .iter()
            .map(|q| locate(&raw, q["text"].as_str().unwrap(), 0))
            .collect();
        for (kind, name) in [
            (QuoteKind::Direct, "direct"),
            (QuoteKind::Reported, "reported"),
        ] {
            let key =
                |s: &str| -> &'static str { Box::leak(format!("{name}_{s}").into_boxed_str()) };
            let gq: Vec<(Option<(usize, usize)>, &Value)> = gold_quotes
                .iter()
                .filter(|q| q["kind"].as_str() == Some(name))
                .map(|q| (locate(&raw, q["text"].as_str().unwrap(), 0), q))
                .collect();
            let cand: Vec<&((usize, usize), QuoteKind, Option<String>)> =
                pq.iter().filter(|p| p.1 == kind).collect();
            inc(&mut c, key("gold"), gq.len());
            inc(&mut c, key("pred"), cand.len());
            for (giv, g) in &gq {
                let Some(giv) = giv else { continue };
                let glen = giv.1 - giv.0;
                let mut best: Option<usize> = None;
                let mut best_ov = 0isize;
                for (j, (piv, _, _)) in pq.iter().enumerate() {
                    let ov = giv.1.min(piv.1) as isize - giv.0.max(piv.0) as isize;
                    if ov > best_ov {
                        best = Some(j);
                        best_ov = ov;
                    }
                }
                match best {
                    Some(j) if best_ov as f64 >= 0.8 * glen as f64 && pq[j].1 == kind => {
                        inc(&mut c, key("found"), 1);
                        if let Some(gs) = g["speaker"].as_str() {
                            inc(&mut c, key("spk_n"), 1);
                            let entry = &canon[gs];
                            let mut names: HashSet<String> = entry["aliases"]
                                .as_array()
                                .map(|a| a.iter().map(|x| norm(x.as_str())).collect())
                                .unwrap_or_default();
                            names.insert(norm(entry["name"].as_str().or(Some(gs))));
                            let ps = norm(pq[j].2.as_deref());
                            let last = |s: &str| s.split_whitespace().last().map(str::to_string);
                            let ok = !ps.is_empty()
                                && (names.contains(&ps)
                                    || names.iter().any(|n| !n.is_empty() && last(n) == last(&ps)));
                            if ok {
                                inc(&mut c, key("spk_ok"), 1);
                            } else {
                                eprintln!(
                                    "{} SPEAKER {file}: {:?} vs gold {gs}",
                                    name.to_uppercase(),
                                    pq[j].2
                                );
                            }
                        }
                    }
                    _ => eprintln!(
                        "{} MISSED {file}: {}",
                        name.to_uppercase(),
                        g["text"]
                            .as_str()
                            .unwrap()
                            .chars()
                            .take(70)
                            .collect::<String>()
                    ),
                }
            }
            for (piv, _, _) in &cand {
                let ok = all_gold.iter().flatten().any(|g| {
                    (g.1.min(piv.1) as f64 - g.0.max(piv.0) as f64) > 0.5 * (piv.1 - piv.0) as f64
                });
                if ok {
                    inc(&mut c, key("pred_ok"), 1);
                } else {
                    eprintln!(
                        "{} SPURIOUS {file}: {}",
                        name.to_uppercase(),
                        raw[piv.0..piv.1].iter().take(70).collect::<String>()
                    );
                }
            }
        }
        // Entities as distinct (surface, type) pairs.
        let g_pairs: HashSet<(String, String)> = art["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["text"].as_str().unwrap().to_string(),
                    e["type"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let p_pairs: HashSet<(String, String)> = rec
            .entities
            .iter()
            .map(|m| (rec.text[m.span()].to_string(), m.kind.as_str().to_string()))
            .collect();
        inc(&mut c, "ent_gold", g_pairs.len());
        inc(&mut c, "ent_pred", p_pairs.len());
        inc(
            &mut c,
            "ent_typed_hit",
            g_pairs.intersection(&p_pairs).count(),
        );
        for e in art["entities"].as_array().unwrap() {
            gold_surface_id.insert(
                e["text"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
            );
        }
        for m in &rec.entities {
            *pred_surface_id
                .entry(rec.text[m.span()].to_string())
                .or_default()
                .entry(corpus.entities[m.entity()].id.clone())
                .or_default() += 1;
        }
    }
    // Alias grouping: pairwise F1 over the surface strings both sides know.
    let mut items: Vec<&String> = gold_surface_id
        .keys()
        .filter(|s| pred_surface_id.contains_key(*s))
        .collect();
    items.sort();
    let pid: HashMap<&String, &String> = items
        .iter()
        .map(|s| {
            (
                *s,
                pred_surface_id[*s]
                    .iter()
                    .max_by_key(|(id, n)| (**n, std::cmp::Reverse((*id).clone())))
                    .unwrap()
                    .0,
            )
        })
        .collect();
    let (mut both, mut gp, mut pp) = (0, 0, 0);
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            let same_g = gold_surface_id[*a] == gold_surface_id[*b];
            let same_p = pid[a] == pid[b];
            gp += same_g as usize;
            pp += same_p as usize;
            both += (same_g && same_p) as usize;
        }
    }
    let (ap, ar) = (ratio(both, pp), ratio(both, gp));
    let n = |k: &str| c.get(k).copied().unwrap_or(0);
    let mut f = BTreeMap::new();
    for kind in ["direct", "reported"] {
        let k = |s: &str| format!("{kind}_{s}");
        let p = ratio(n(&k("pred_ok")), n(&k("pred")));
        let r = ratio(n(&k("found")), n(&k("gold")));
        f.insert(
            if kind == "direct" {
                "direct_precision"
            } else {
                "reported_precision"
            },
            p,
        );
        f.insert(
            if kind == "direct" {
                "direct_recall"
            } else {
                "reported_recall"
            },
            r,
        );
        f.insert(
            if kind == "direct" {
                "direct_speaker_acc"
            } else {
                "reported_speaker_acc"
            },
            ratio(n(&k("spk_ok")), n(&k("spk_n"))),
        );
    }
    f.insert("title_acc", ratio(n("title_ok"), n("articles")));
    f.insert("date_acc", ratio(n("date_ok"), n("articles")));
    f.insert("source_acc", ratio(n("source_ok"), n("articles")));
    f.insert(
        "boilerplate_removed",
        if n("boiler_gold") == 0 {
            1.0
        } else {
            ratio(n("boiler_gone"), n("boiler_gold"))
        },
    );
    f.insert(
        "entity_typed_recall",
        ratio(n("ent_typed_hit"), n("ent_gold")),
    );
    f.insert(
        "entity_typed_precision",
        ratio(n("ent_typed_hit"), n("ent_pred")),
    );
    f.insert(
        "alias_pair_f1",
        if ap + ar > 0.0 {
            2.0 * ap * ar / (ap + ar)
        } else {
            0.0
        },
    );
    Figures(f)
}
