//! The words of a document, lowercased once, with their token and sentence, and the word
//! patterns the language files use to match them.
//!
//! A pattern is a lowercase word (`gevochten`), a prefix ending in `*` (`luchtaanval*` matches
//! "luchtaanvallen"), or a suffix starting with `*` (`*aanval` matches "raketaanval", the head
//! of a Dutch compound). A phrase is one or more patterns separated by spaces; its words must
//! be adjacent tokens (no punctuation between them).

use kroniek_text::{Segmentation, Span, TokenKind};
use std::collections::HashMap;

/// One word token of the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Where it is (bytes).
    pub span: Span,
    /// Its index in the segmentation's tokens.
    pub token: usize,
    /// The index of its sentence.
    pub sentence: usize,
    /// Its lowercase form, as a range into [`Words::lower`].
    lo: (u32, u32),
}

/// The words of a document in text order.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The words.
    pub list: Vec<Word>,
    /// Every word's lowercase form, concatenated.
    lower: String,
    /// For each sentence, the range of its words in `list`.
    pub sentences: Vec<(usize, usize)>,
}

impl Words {
    /// Collects the word tokens of `text`, sentence by sentence.
    pub fn new(text: &str, seg: &Segmentation) -> Words {
        let mut words = Words {
            list: Vec::with_capacity(seg.tokens.len()),
            lower: String::with_capacity(text.len()),
            sentences: Vec::with_capacity(seg.sentences.len()),
        };
        for (index, sentence) in seg.sentences.iter().enumerate() {
            let first = words.list.len();
            let end = sentence.end_token.min(seg.tokens.len());
            let start = sentence.first_token.min(end);
            for (token, t) in seg.tokens[start..end].iter().enumerate() {
                if t.kind == TokenKind::Word {
                    if let Some(form) = text.get(t.span.start..t.span.end) {
                        words.push(form, t.span, start + token, index);
                    }
                }
            }
            words.sentences.push((first, words.list.len()));
        }
        words
    }

    fn push(&mut self, form: &str, span: Span, token: usize, sentence: usize) {
        let from = self.lower.len();
        if form.is_ascii() {
            self.lower
                .extend(form.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in form.chars() {
                // Typographic apostrophes read as the plain one ("zo’n").
                let c = if c == '’' { '\'' } else { c };
                self.lower.extend(c.to_lowercase());
            }
        }
        self.list.push(Word {
            span,
            token,
            sentence,
            lo: (from as u32, self.lower.len() as u32),
        });
    }

    /// The lowercase form of word `i` ("" when out of range).
    pub fn lower(&self, i: usize) -> &str {
        self.list
            .get(i)
            .and_then(|w| self.lower.get(w.lo.0 as usize..w.lo.1 as usize))
            .unwrap_or("")
    }

    /// Whether word `i + 1` directly follows word `i` (no token between them).
    pub fn adjacent(&self, i: usize) -> bool {
        match (self.list.get(i), self.list.get(i + 1)) {
            (Some(a), Some(b)) => b.token == a.token + 1 && b.sentence == a.sentence,
            _ => false,
        }
    }

    /// The range of word indices of the sentence of word `i`.
    pub fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.list
            .get(i)
            .and_then(|w| self.sentences.get(w.sentence))
            .copied()
            .unwrap_or((i, i + 1))
    }

    /// The index of the first word that starts at or after byte `at`.
    pub fn first_at(&self, at: usize) -> usize {
        self.list.partition_point(|w| w.span.start < at)
    }
}

/// How a pattern matches a word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    Prefix(String),
    Suffix(String),
}

impl Pattern {
    fn parse(raw: &str) -> Pattern {
        let raw = raw.to_lowercase().replace('’', "'");
        if let Some(p) = raw.strip_suffix('*').filter(|p| !p.is_empty()) {
            Pattern::Prefix(p.to_string())
        } else if let Some(s) = raw.strip_prefix('*').filter(|s| !s.is_empty()) {
            Pattern::Suffix(s.to_string())
        } else {
            Pattern::Exact(raw)
        }
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Pattern::Exact(w) => word == w,
            Pattern::Prefix(p) => word.len() >= p.len() && word.starts_with(p.as_str()),
            Pattern::Suffix(s) => word.len() >= s.len() && word.ends_with(s.as_str()),
        }
    }
}

/// Bytes a prefix or suffix bucket is keyed by.
const KEY: usize = 3;

/// A set of phrases, each with a value, found by the first word in O(1) per word.
#[derive(Debug)]
pub(crate) struct Phrases<V> {
    phrases: Vec<(Vec<Pattern>, V)>,
    exact: HashMap<String, Vec<u32>>,
    prefix: HashMap<Vec<u8>, Vec<u32>>,
    suffix: HashMap<Vec<u8>, Vec<u32>>,
    /// Patterns too short to key (fewer than three bytes): checked one by one.
    short: Vec<u32>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            phrases: Vec::new(),
            exact: HashMap::new(),
            prefix: HashMap::new(),
            suffix: HashMap::new(),
            short: Vec::new(),
        }
    }
}

impl<V> Phrases<V> {
    /// Adds a phrase (patterns separated by whitespace). Empty phrases are ignored.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let patterns: Vec<Pattern> = phrase.split_whitespace().map(Pattern::parse).collect();
        let Some(first) = patterns.first().cloned() else {
            return;
        };
        let id = self.phrases.len() as u32;
        self.phrases.push((patterns, value));
        match first {
            Pattern::Exact(w) => self.exact.entry(w).or_default().push(id),
            Pattern::Prefix(p) if p.len() >= KEY => self
                .prefix
                .entry(p.as_bytes()[..KEY].to_vec())
                .or_default()
                .push(id),
            Pattern::Suffix(s) if s.len() >= KEY => self
                .suffix
                .entry(s.as_bytes()[s.len() - KEY..].to_vec())
                .or_default()
                .push(id),
            _ => self.short.push(id),
        }
    }

    /// Whether the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every phrase that starts at word `i`, as (number of words, value), in insertion order.
    pub fn at<'s>(&'s self, words: &Words, i: usize) -> Vec<(usize, &'s V)> {
        let word = words.lower(i);
        if word.is_empty() {
            return Vec::new();
        }
        let bytes = word.as_bytes();
        let mut ids: Vec<u32> = Vec::new();
        if let Some(found) = self.exact.get(word) {
            ids.extend(found);
        }
        if bytes.len() >= KEY {
            if let Some(found) = self.prefix.get(&bytes[..KEY]) {
                ids.extend(found);
            }
            if let Some(found) = self.suffix.get(&bytes[bytes.len() - KEY..]) {
                ids.extend(found);
            }
        }
        ids.extend(&self.short);
        if ids.is_empty() {
            return Vec::new();
        }
        ids.sort_unstable();
        ids.into_iter()
            .filter_map(|id| {
                let (patterns, value) = self.phrases.get(id as usize)?;
                self.length_at(patterns, words, i).map(|n| (n, value))
            })
            .collect()
    }

    /// The longest phrase that starts at word `i` (the first listed among equals).
    pub fn longest_at<'s>(&'s self, words: &Words, i: usize) -> Option<(usize, &'s V)> {
        let mut best: Option<(usize, &V)> = None;
        for (n, v) in self.at(words, i) {
            if best.is_none_or(|(m, _)| n > m) {
                best = Some((n, v));
            }
        }
        best
    }

    /// Whether any phrase starts at word `i`.
    pub fn any_at(&self, words: &Words, i: usize) -> bool {
        !self.at(words, i).is_empty()
    }

    /// The number of words of `patterns` matched from word `i`, if all match.
    fn length_at(&self, patterns: &[Pattern], words: &Words, i: usize) -> Option<usize> {
        for (k, pattern) in patterns.iter().enumerate() {
            if k > 0 && !words.adjacent(i + k - 1) {
                return None;
            }
            if !pattern.matches(words.lower(i + k)) {
                return None;
            }
        }
        Some(patterns.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kroniek_text::{segment, Lang};

    fn words(text: &str) -> Words {
        Words::new(text, &segment(text, Lang::Nl))
    }

    #[test]
    fn patterns_match_exact_prefix_and_suffix() {
        let w = words("Luchtaanvallen en een raketaanval, geen medische hulp.");
        let mut p = Phrases::default();
        p.insert("luchtaanval*", 1);
        p.insert("*aanval", 2);
        p.insert("geen medische hulp", 3);
        p.insert("en", 4);
        assert_eq!(p.longest_at(&w, 0).map(|(n, v)| (n, *v)), Some((1, 1)));
        assert_eq!(p.longest_at(&w, 3).map(|(n, v)| (n, *v)), Some((1, 2)));
        assert_eq!(p.longest_at(&w, 4).map(|(n, v)| (n, *v)), Some((3, 3)));
        assert_eq!(p.longest_at(&w, 1).map(|(n, v)| (n, *v)), Some((1, 4)));
        assert!(p.longest_at(&w, 2).is_none());
    }

    #[test]
    fn phrases_do_not_cross_punctuation() {
        let w = words("geen, medische hulp");
        let mut p = Phrases::default();
        p.insert("geen medische hulp", ());
        assert!(!p.any_at(&w, 0));
    }

    #[test]
    fn lowercases_non_ascii_and_apostrophes() {
        let w = words("GEËVACUEERD zo’n");
        assert_eq!(w.lower(0), "geëvacueerd");
        assert_eq!(w.lower(1), "zo'n");
        assert_eq!(w.lower(7), "");
    }
}
