//! Gazetteers: lists of names and name parts from `lang/<code>/gazetteer_<name>.txt`.
//!
//! A gazetteer does not decide anything; it gives the tagger a feature ("this token starts
//! an entry of `first_names`"), whose weight is learned. Entries may span several tokens
//! (`Verenigde Staten`); matching is case-insensitive and tries the longest entry first.

use crate::features::{hash, normalise, TokenInfo};
use rustc_hash::{FxHashMap, FxHashSet};

/// The gazetteers of one language, ready for matching.
#[derive(Debug, Default, Clone)]
pub struct Gazetteers {
    /// Names of the loaded gazetteers, sorted.
    pub names: Vec<String>,
    entries: FxHashMap<String, Vec<u32>>,
    prefixes: FxHashSet<String>,
    longest: usize,
}

impl Gazetteers {
    /// Loads every `gazetteer_*.txt` file of language `code` compiled into `kroniek-lang`.
    pub fn for_language(code: &str) -> Gazetteers {
        let mut gazetteers = Gazetteers::default();
        for (lang, file, contents) in kroniek_lang::FILES {
            let Some(name) = file
                .strip_prefix("gazetteer_")
                .and_then(|n| n.strip_suffix(".txt"))
            else {
                continue;
            };
            if *lang == code {
                gazetteers.add(name, kroniek_lang::entries(contents));
            }
        }
        gazetteers.names.sort();
        gazetteers
    }

    /// Adds a gazetteer called `name` with the given entries.
    pub fn add(&mut self, name: &str, entries: impl IntoIterator<Item = &'static str>) {
        self.names.push(name.to_string());
        let id = hash(0, &[name.as_bytes()]);
        for entry in entries {
            let words: Vec<String> = entry
                .split_whitespace()
                .map(|w| normalise(w).to_lowercase())
                .collect();
            if words.is_empty() {
                continue;
            }
            self.longest = self.longest.max(words.len());
            for k in 1..words.len() {
                self.prefixes.insert(words[..k].join(" "));
            }
            let ids = self.entries.entry(words.join(" ")).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// Whether `word` (lowercased) is a one-word entry of the `particles` gazetteer.
    pub fn is_particle(&self, word: &str) -> bool {
        let id = hash(0, &[b"particles"]);
        self.entries.get(word).is_some_and(|ids| ids.contains(&id))
    }

    /// For each token, the codes of the gazetteer entries it is part of: each code says
    /// which gazetteer and whether the token begins, continues or alone forms the entry.
    pub fn matches(&self, tokens: &[TokenInfo]) -> Vec<Vec<u32>> {
        let lowers: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
        self.match_words(&lowers)
    }

    /// [`Gazetteers::matches`] for tokens given by their lowercased words.
    pub fn match_words(&self, lowers: &[&str]) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); lowers.len()];
        if self.entries.is_empty() {
            return out;
        }
        let mut key = String::new();
        for start in 0..lowers.len() {
            self.match_at(lowers, start, &mut key, &mut out);
        }
        out
    }

    /// What [`Gazetteers::match_words`] needs to know of one word on its own: the codes it
    /// gets as a one-word entry, and whether it begins a longer entry.
    pub fn word_entry(&self, lower: &str) -> (Vec<u32>, bool) {
        let units = self.entries.get(lower).map_or_else(Vec::new, |ids| {
            ids.iter()
                .map(|id| hash(0, &[&id.to_le_bytes(), b"U"]))
                .collect()
        });
        (units, self.prefixes.contains(lower))
    }

    /// [`Gazetteers::match_words`] given each token's [`Gazetteers::word_entry`] by `known`:
    /// only the words that begin a longer entry are looked up again, with the words after
    /// them. Gives exactly what `match_words` gives.
    pub fn match_known<'k>(
        &self,
        lowers: &[&str],
        known: impl Fn(usize) -> (&'k [u32], bool),
    ) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); lowers.len()];
        if self.entries.is_empty() {
            return out;
        }
        let mut key = String::new();
        for start in 0..lowers.len() {
            let (units, prefix) = known(start);
            if prefix {
                self.match_at(lowers, start, &mut key, &mut out);
            } else if let Some(slot) = out.get_mut(start) {
                // The one-word entry, if any: the longest match starting here.
                slot.extend_from_slice(units);
            }
        }
        out
    }

    /// Adds the codes of the longest entry that starts at token `start` to `out`.
    fn match_at(&self, lowers: &[&str], start: usize, key: &mut String, out: &mut [Vec<u32>]) {
        key.clear();
        let mut found: Option<(usize, &Vec<u32>)> = None;
        for end in start + 1..=(start + self.longest).min(lowers.len()) {
            if end > start + 1 {
                key.push(' ');
            }
            key.push_str(lowers[end - 1]);
            if let Some(ids) = self.entries.get(key.as_str()) {
                found = Some((end, ids));
            }
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
        }
        if let Some((end, ids)) = found {
            for (i, slot) in out.iter_mut().enumerate().take(end).skip(start) {
                let part: &[u8] = match (i == start, end - start == 1) {
                    (true, true) => b"U",
                    (true, false) => b"B",
                    (false, _) => b"I",
                };
                for id in ids {
                    slot.push(hash(0, &[&id.to_le_bytes(), part]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyse;

    #[test]
    fn matches_longest_multiword_entries() {
        let mut g = Gazetteers::default();
        g.add("places", ["Verenigde Staten", "Staten", "Gent"]);
        let tokens = analyse(&["de", "Verenigde", "Staten", "en", "gent"]);
        let m = g.matches(&tokens);
        assert!(m[0].is_empty());
        assert_eq!(m[1].len(), 1);
        assert_eq!(
            m[2].len(),
            2,
            "inside the long entry and an entry of its own"
        );
        assert!(m[3].is_empty());
        assert_eq!(m[4].len(), 1);
        assert_ne!(m[1][0], m[4][0], "begin and unit differ");
    }

    #[test]
    fn known_words_match_as_looked_up_ones() {
        let mut g = Gazetteers::default();
        g.add(
            "places",
            ["Verenigde Staten", "Staten", "Gent", "Den Haag", "Den"],
        );
        g.add("orgs", ["Gent", "Staten Generaal"]);
        let text = [
            "de",
            "verenigde",
            "staten",
            "generaal",
            "en",
            "gent",
            "den",
            "haag",
        ];
        let known: Vec<(Vec<u32>, bool)> = text.iter().map(|w| g.word_entry(w)).collect();
        let got = g.match_known(&text, |i| (known[i].0.as_slice(), known[i].1));
        assert_eq!(got, g.match_words(&text));
        assert!(known[1].1 && !known[0].1);
        assert_eq!(got[1].len(), 1);
        assert_eq!(got[2].len(), 2, "inside one long entry, beginning another");
    }

    #[test]
    fn empty_gazetteers_match_nothing() {
        let g = Gazetteers::default();
        assert_eq!(g.matches(&analyse(&["Gent"])), vec![Vec::<u32>::new()]);
    }
}
