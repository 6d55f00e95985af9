//! Language identification: Dutch, English, or neither.
//!
//! Kroniek's stages need to know which language's rules and word lists to use. The statistical
//! detector (`lingua`, with only its Dutch and English models) picks the likelier of the two;
//! because it must choose between those two even for, say, German, its choice is confirmed by
//! the share of the language's most frequent words (`lang/<code>/segment-common-words.txt`),
//! which is high in any running text of that language and low in a related one.

use crate::Lang;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::collections::HashSet;
use std::sync::OnceLock;

/// How many characters of a text are looked at (a prefix is enough, and keeps it fast).
const PREFIX_CHARS: usize = 2000;
/// Texts with fewer letters than this are too short to tell.
const MIN_LETTERS: usize = 20;
/// Texts with fewer words than this are too short to tell.
const MIN_WORDS: usize = 3;
/// How much likelier the chosen language must be than the other (lingua's relative distance).
const MIN_RELATIVE_DISTANCE: f64 = 0.1;
/// The share of words that must be frequent words of the chosen language, for texts long
/// enough to measure it.
const MIN_COMMON_SHARE: f64 = 0.15;
/// From how many words on the frequent-word share is checked.
const COMMON_SHARE_FROM_WORDS: usize = 12;

/// The language of `text`: [`Lang::Nl`], [`Lang::En`], or [`Lang::Other`] when the text is too
/// short, in another language, or not clearly either.
pub fn identify(text: &str) -> Lang {
    let prefix = prefix(text, PREFIX_CHARS);
    let words = words(prefix);
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    if words.len() < MIN_WORDS || letters < MIN_LETTERS {
        return Lang::Other;
    }
    let lang = match detector().detect_language_of(prefix) {
        Some(Language::Dutch) => Lang::Nl,
        Some(Language::English) => Lang::En,
        _ => return Lang::Other,
    };
    if words.len() >= COMMON_SHARE_FROM_WORDS && common_share(&words, lang) < MIN_COMMON_SHARE {
        return Lang::Other;
    }
    lang
}

/// The detector, built once.
fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::Dutch, Language::English])
            .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
            .build()
    })
}

/// The first `chars` characters of `text`.
fn prefix(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The words of `text`, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `words` that are frequent words of `lang`.
fn common_share(words: &[String], lang: Lang) -> f64 {
    let common = common_words(lang);
    let hits = words.iter().filter(|w| common.contains(w.as_str())).count();
    hits as f64 / words.len().max(1) as f64
}

/// The frequent words of `lang`, loaded once.
fn common_words(lang: Lang) -> &'static HashSet<&'static str> {
    static NL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let load = |code| {
        kroniek_lang::list(code, "segment-common-words.txt")
            .into_iter()
            .collect()
    };
    match lang {
        Lang::En => EN.get_or_init(|| load("en")),
        _ => NL.get_or_init(|| load("nl")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch() {
        let text = "Tienduizenden mensen zag hij afgelopen dagen massaal vertrekken uit het \
                    Oost-Syrische Baghouz. En waarschijnlijk zitten er nog duizenden mensen in \
                    het laatste stukje kalifaat van terreurgroep IS.";
        assert_eq!(identify(text), Lang::Nl);
        assert_eq!(identify("Het regent en het is koud."), Lang::Nl);
    }

    #[test]
    fn english() {
        let text = "Tens of thousands of people have left the last village held by the group \
                    in eastern Syria this week, a photographer who saw them arrive said.";
        assert_eq!(identify(text), Lang::En);
        assert_eq!(identify("The weather is cold and it rains."), Lang::En);
    }

    #[test]
    fn german_is_other() {
        let text = "Zehntausende Menschen haben in den vergangenen Tagen das letzte Dorf der \
                    Terrormiliz im Osten Syriens verlassen, berichtet der Fotograf, der sie \
                    ankommen sah. Die meisten von ihnen sind sehr erschöpft und hungrig.";
        assert_eq!(identify(text), Lang::Other);
    }

    #[test]
    fn empty_and_short_texts_are_other() {
        assert_eq!(identify(""), Lang::Other);
        assert_eq!(identify("   "), Lang::Other);
        assert_eq!(identify("IS"), Lang::Other);
        assert_eq!(identify("12.000 – 15.000"), Lang::Other);
    }
}
