//! Finding place mentions in text without the entity stage: demonyms ("Oost-Syrische",
//! "Iraqi") and capitalised names that the gazetteer knows ("Den Haag", "Aleppo").

use crate::gazetteer::Gazetteer;
use crate::langdata::strip_compass;
use crate::normalize::normalize;
use crate::types::{Candidate, Feature, PlaceMention};
use kroniek_text::{Lang, Segmentation, Span, Token, TokenKind};

/// Longest demonym form in tokens ("South African"): longer windows are tried first.
const MAX_DEMONYM_TOKENS: usize = 3;
/// Longest place name in tokens ("Bergen op Zoom", "Rio de Janeiro").
const MAX_NAME_TOKENS: usize = 5;
/// A capitalised name inside a sentence counts as a place when a place of that name has at
/// least this many inhabitants.
pub const MIN_POPULATION: u64 = 15_000;
/// At the start of a sentence, where every word is capitalised, a place needs this many (or to
/// be a country, region, continent or capital).
pub const MIN_POPULATION_SENTENCE_START: u64 = 100_000;

/// The language folders whose data apply to a document in `lang`.
pub(crate) fn codes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nl => &["nl"],
        Lang::En => &["en"],
        Lang::Other => &["nl", "en"],
    }
}

impl Gazetteer {
    /// Finds demonyms and place adjectives ("Oost-Syrische", "Iraakse", "North Korean",
    /// "eastern Syrian") in `text`, each as a mention that [`Gazetteer::resolve`] links to its
    /// country, region or city. A compass prefix is part of the mention.
    pub fn find_demonyms(
        &self,
        text: &str,
        segmentation: &Segmentation,
        lang: Lang,
    ) -> Vec<PlaceMention> {
        let tokens = &segmentation.tokens;
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.demonym_at(text, tokens, i, codes(lang)) {
                Some((next, span)) => {
                    out.push(PlaceMention { span });
                    i = next;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The demonym starting at token `i`: the index after it and its span.
    fn demonym_at(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        codes: &[&str],
    ) -> Option<(usize, Span)> {
        for n in (1..=MAX_DEMONYM_TOKENS).rev() {
            let Some(span) = word_window(text, tokens, i, n) else {
                continue;
            };
            let surface = span.of(text);
            for code in codes {
                let Some(given_name) = self.demonym_form(code, surface) else {
                    continue;
                };
                if given_name && next_is_capitalised(text, tokens, i + n) {
                    continue;
                }
                let start = self
                    .compass_before(text, tokens, i, code)
                    .unwrap_or(span.start);
                return Some((i + n, Span::new(start, span.end)));
            }
        }
        None
    }

    /// Whether `surface` (possibly with a compass prefix) is a capitalised demonym of language
    /// `code`; if so, whether the form is also a given name.
    fn demonym_form(&self, code: &str, surface: &str) -> Option<bool> {
        let compass = self.lang().compass.get(code)?;
        let stripped = strip_compass(surface, compass);
        if stripped.is_none() && !starts_upper(surface) {
            // Most words: no compass prefix and lowercase, so no lookup is needed.
            return None;
        }
        let core = match stripped {
            Some(at) if self.demonym_entry(code, surface).is_none() => &surface[at..],
            _ => surface,
        };
        if !starts_upper(core) {
            return None;
        }
        self.demonym_entry(code, core)
            .map(|(_, given_name)| given_name)
    }

    /// The start of a separate compass word right before token `i` ("eastern" in "eastern
    /// Syrian"), if there is one.
    fn compass_before(&self, text: &str, tokens: &[Token], i: usize, code: &str) -> Option<usize> {
        let prev = tokens.get(i.checked_sub(1)?)?;
        let gap = text.get(prev.span.end..tokens.get(i)?.span.start)?;
        if prev.kind != TokenKind::Word || gap != " " {
            return None;
        }
        let word = prev.span.of(text).to_lowercase();
        self.lang()
            .compass
            .get(code)?
            .contains(&word)
            .then_some(prev.span.start)
    }

    /// Finds capitalised token sequences that name a country, region, continent or a place of
    /// at least [`MIN_POPULATION`] inhabitants: a fallback for when the entity stage supplies no
    /// location mentions. Skips the words of `lang/<code>/places_stop.txt`, names right after a
    /// surname particle or inside a longer capitalised name, and smaller places at the start of
    /// a sentence.
    pub fn find_names(
        &self,
        text: &str,
        segmentation: &Segmentation,
        lang: Lang,
    ) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        for sentence in &segmentation.sentences {
            let tokens = match segmentation
                .tokens
                .get(sentence.first_token..sentence.end_token)
            {
                Some(tokens) => tokens,
                None => continue,
            };
            let mut i = 0;
            while i < tokens.len() {
                match self.name_at(text, tokens, i, codes(lang)) {
                    Some((next, span)) => {
                        out.push(PlaceMention { span });
                        i = next;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    /// The place name starting at token `i` of a sentence's `tokens`.
    fn name_at(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        codes: &[&str],
    ) -> Option<(usize, Span)> {
        let first = tokens.get(i)?;
        if first.kind != TokenKind::Word || !starts_upper(first.span.of(text)) {
            return None;
        }
        if self.after_particle(text, tokens, i, codes) || self.inside_name(text, tokens, i, codes) {
            return None;
        }
        let initial = tokens[..i].iter().all(|t| t.kind != TokenKind::Word);
        for n in (1..=MAX_NAME_TOKENS).rev() {
            let Some(span) = name_window(text, tokens, i, n) else {
                continue;
            };
            let surface = span.of(text);
            let key = normalize(surface);
            if codes
                .iter()
                .any(|c| self.lang().stop.get(c).is_some_and(|s| s.contains(&key)))
            {
                return None;
            }
            let function_word = codes.iter().any(|c| {
                self.lang()
                    .function_words
                    .get(c)
                    .is_some_and(|s| s.contains(&key))
            });
            if n == 1 && initial && function_word {
                return None;
            }
            let Some(best) = self.best_name(surface, &key) else {
                continue;
            };
            if next_is_capitalised(text, tokens, i + n) || !accept(&best, surface, initial) {
                return None;
            }
            let start = match best.feature {
                Feature::Country | Feature::Region => codes
                    .iter()
                    .find_map(|code| self.compass_before(text, tokens, i, code)),
                _ => None,
            };
            return Some((i + n, Span::new(start.unwrap_or(span.start), span.end)));
        }
        None
    }

    /// The most likely entry a name (`key` is its normalised form) refers to, also after
    /// stripping a compass prefix.
    fn best_name(&self, surface: &str, key: &str) -> Option<Candidate> {
        if let Some(best) = self.best_candidate(key) {
            return Some(best);
        }
        let at = strip_compass(surface, &self.lang().compass_all)?;
        self.best_candidate(&normalize(&surface[at..]))
            .filter(|c| matches!(c.feature, Feature::Country | Feature::Region))
    }

    /// Whether token `i` follows a surname particle ("van Wessel", "Van Wessel").
    fn after_particle(&self, text: &str, tokens: &[Token], i: usize, codes: &[&str]) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
            return false;
        };
        let word = prev.span.of(text);
        let key = normalize(word);
        let is_particle = codes.iter().any(|c| {
            self.lang()
                .particles
                .get(c)
                .is_some_and(|s| s.contains(&key))
        });
        if !is_particle {
            return false;
        }
        starts_upper(word)
            || i.checked_sub(2)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(t.span.of(text)))
    }

    /// Whether token `i` continues a capitalised name that started before it ("Eddy Wessel"),
    /// which is then a person's or organisation's name. A demonym before it does not count
    /// ("het Oost-Syrische Baghouz").
    fn inside_name(&self, text: &str, tokens: &[Token], i: usize, codes: &[&str]) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let prev = tokens[p];
        let word = prev.span.of(text);
        let adjacent = text.get(prev.span.end..tokens[i].span.start) == Some(" ");
        let initial = tokens[..p].iter().all(|t| t.kind != TokenKind::Word);
        prev.kind == TokenKind::Word
            && adjacent
            && starts_upper(word)
            && !initial
            && !codes.iter().any(|c| self.demonym_form(c, word).is_some())
    }
}

/// Whether a found name is taken for a place: broad places always, others by size.
fn accept(best: &Candidate, surface: &str, sentence_initial: bool) -> bool {
    let broad = Gazetteer::is_broad(best);
    if is_all_caps(surface) {
        return matches!(best.feature, Feature::Country | Feature::Continent);
    }
    let needed = if sentence_initial {
        MIN_POPULATION_SENTENCE_START
    } else {
        MIN_POPULATION
    };
    broad || best.from_overlay || best.population >= needed
}

/// The span of `n` word tokens from `i`, separated by single spaces, if they are that.
fn word_window(text: &str, tokens: &[Token], i: usize, n: usize) -> Option<Span> {
    let window = tokens.get(i..i + n)?;
    if window.iter().any(|t| t.kind != TokenKind::Word) {
        return None;
    }
    for pair in window.windows(2) {
        if text.get(pair[0].span.end..pair[1].span.start)? != " " {
            return None;
        }
    }
    Some(Span::new(window[0].span.start, window[n - 1].span.end))
}

/// The span of a possible multi-word name: words separated by single spaces, a dot glued to a
/// word ("St. Louis"), ending in a capitalised word.
fn name_window(text: &str, tokens: &[Token], i: usize, n: usize) -> Option<Span> {
    let window = tokens.get(i..i + n)?;
    let last = window.last()?;
    if last.kind != TokenKind::Word || !starts_upper(last.span.of(text)) {
        return None;
    }
    for pair in window.windows(2) {
        let gap = text.get(pair[0].span.end..pair[1].span.start)?;
        let ok = match (pair[0].kind, pair[1].kind) {
            (TokenKind::Word, TokenKind::Word) => gap == " ",
            (TokenKind::Word, TokenKind::Punct) => gap.is_empty() && pair[1].span.of(text) == ".",
            (TokenKind::Punct, TokenKind::Word) => gap == " ",
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    Some(Span::new(window[0].span.start, last.span.end))
}

/// Whether token `at` exists, follows its predecessor after one space and is capitalised.
fn next_is_capitalised(text: &str, tokens: &[Token], at: usize) -> bool {
    let (Some(prev), Some(next)) = (
        at.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(at),
    ) else {
        return false;
    };
    next.kind == TokenKind::Word
        && text.get(prev.span.end..next.span.start) == Some(" ")
        && starts_upper(next.span.of(text))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}
