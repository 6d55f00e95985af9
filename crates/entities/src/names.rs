//! The rule-based name finder: capitalised word sequences, with name particles and initials.

use crate::{EntityKind, Lexicon};
use kroniek_text::{Segmentation, Span, Token, TokenKind};

/// A capitalised word sequence that may be a name, with the kind the rules could tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    /// The words of the name.
    pub span: Span,
    /// Person after a role word or for a multi-word name, organisation for acronyms and names
    /// with an organisation word; `None` when the rules cannot tell.
    pub kind: Option<EntityKind>,
    /// Whether a role or title word stands right before the name ("minister Kaag").
    pub after_role: bool,
}

/// Finds every capitalised word sequence that may be a name.
pub fn find_name_candidates(
    text: &str,
    segmentation: &Segmentation,
    lexicon: &Lexicon,
) -> Vec<NameCandidate> {
    let mut found = Vec::new();
    for sentence in &segmentation.sentences {
        let tokens = &segmentation.tokens[sentence.first_token..sentence.end_token];
        let mut i = 0;
        while i < tokens.len() {
            match name_at(text, tokens, i, lexicon) {
                Some(end) => {
                    let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
                    let kind = classify(text, tokens, i, end, lexicon);
                    let after_role =
                        i > 0 && word_of(text, &tokens[i - 1]).is_some_and(|w| lexicon.is_role(w));
                    found.push(NameCandidate {
                        span,
                        kind,
                        after_role,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    found
}

/// If a name starts at token `i` of `tokens` (one sentence), the index one past its last token.
///
/// A name is a run of capitalised words, initials ("E.") and inner particles ("van", "ter")
/// that are followed by another capitalised word. A capitalised function word ("De", "Het")
/// starts a name only when it is a particle followed by a capitalised word ("Van Wessel").
pub fn name_at(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon) -> Option<usize> {
    let word = word_of(text, &tokens[i])?;
    let lower = word.to_lowercase();
    if !starts_upper(word) || lexicon.is_place_adjective(word) || lexicon.is_role(word) {
        return None;
    }
    let is_particle = lexicon.particles.contains(&lower);
    // "IS" is a name, "Is" at the start of a question is not.
    let shouting = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
    if !shouting && (lexicon.function_words.contains(&lower) || lexicon.pronoun(word).is_some()) {
        let next_is_name = tokens
            .get(i + 1)
            .and_then(|t| word_of(text, t))
            .is_some_and(|w| {
                starts_upper(w) && !lexicon.function_words.contains(&w.to_lowercase())
            });
        if !(is_particle && next_is_name) {
            return None;
        }
    }
    let mut end = after_word(text, tokens, i);
    loop {
        match tokens.get(end).and_then(|t| word_of(text, t)) {
            Some(next)
                if starts_upper(next) && !lexicon.function_words.contains(&next.to_lowercase()) =>
            {
                end = after_word(text, tokens, end)
            }
            // Particles join a first name to a surname ("Eddy van Wessel"), not a full name to
            // an organisation ("Sonja de Graaf van VGZ").
            Some(_) if end - i == 1 => match particles_then_name(text, tokens, end, lexicon) {
                Some(next) => end = next,
                None => break,
            },
            Some(_) => break,
            None => break,
        }
    }
    Some(end)
}

/// One past token `i`, taking a directly following period along when the word is an initial.
fn after_word(text: &str, tokens: &[Token], i: usize) -> usize {
    let word = tokens[i].span.of(text);
    let is_initial = word.chars().count() <= 2 && word.chars().all(char::is_uppercase);
    // The dot belongs to an initial only when the name goes on ("E. van Wessel", "R. zegt" is
    // no name going on): a sentence-final "IS." keeps its period out.
    let name_goes_on = tokens.get(i + 2).is_some_and(|next| {
        next.kind == TokenKind::Word
            && next
                .span
                .of(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_lowercase())
    });
    match tokens.get(i + 1) {
        Some(dot)
            if is_initial
                && name_goes_on
                && dot.span.of(text) == "."
                && dot.span.start == tokens[i].span.end =>
        {
            i + 2
        }
        _ => i + 1,
    }
}

/// If lowercase particles start at `i` and a capitalised word follows them, the index after
/// that word.
fn particles_then_name(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon) -> Option<usize> {
    let mut j = i;
    while let Some(word) = tokens.get(j).and_then(|t| word_of(text, t)) {
        if starts_upper(word) {
            return (j > i && !lexicon.function_words.contains(&word.to_lowercase()))
                .then(|| after_word(text, tokens, j));
        }
        if !lexicon.particles.contains(&word.to_lowercase()) || j - i >= 3 {
            return None;
        }
        j += 1;
    }
    None
}

/// What the rules can tell about the name in tokens `start..end`.
fn classify(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Option<EntityKind> {
    let words: Vec<&str> = tokens[start..end]
        .iter()
        .filter_map(|t| word_of(text, t))
        .collect();
    let capitalised = words.iter().filter(|w| starts_upper(w)).count();
    if words
        .iter()
        .any(|w| lexicon.org_words.contains(&w.to_lowercase()))
    {
        return Some(EntityKind::Organisation);
    }
    let after_role =
        start > 0 && word_of(text, &tokens[start - 1]).is_some_and(|w| lexicon.is_role(w));
    if after_role {
        return Some(EntityKind::Person);
    }
    if words.len() == 1 && is_acronym(words[0]) {
        return Some(EntityKind::Organisation);
    }
    (capitalised >= 2 && !words.iter().any(|w| is_acronym(w) && w.chars().count() > 2))
        .then_some(EntityKind::Person)
}

/// The text of a word token, or `None` for numbers, punctuation and quote marks.
fn word_of<'t>(text: &'t str, token: &Token) -> Option<&'t str> {
    (token.kind == TokenKind::Word).then(|| token.span.of(text))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// An all-capitals word of two or more letters (IS, VVD) or a mixed one like FvD.
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
        && !word.contains('-')
}
