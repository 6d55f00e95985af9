//! The language data of the events stage, from `lang/<code>/event_*.txt`:
//!
//! - `event_triggers.txt`: `phrase <TAB> sub_type <TAB> strength [<TAB> options]`, where options
//!   are `needs=a|b` (fires only with one of these words near it in its sentence; `@count` stands
//!   for a count of people in the sentence, `@food` for a food word) and `not=a|b` (does not fire
//!   with one of these words right next to it);
//! - `event_context.txt`: `sub_type <TAB> a|b|c <TAB> other_sub_type`: a trigger of the first
//!   sub-type with one of the words near it is of the other (first matching line wins);
//! - `event_words.txt`: `kind <TAB> phrase` for the words that mark negation, modality or
//!   future, background history, clause boundaries, and the agent or target of an event;
//! - `event_counts.txt`: `phrase <TAB> what`: nouns and verbs that say what a number counts
//!   (killed, injured, displaced, people);
//! - `event_actors.txt`: nouns for actors that are not names (het leger, protesters);
//! - `event_food.txt`: food and water words (for food prices and shortages);
//! - `numbers_price_verbs.txt` (the numbers stage's): verbs that make an amount a price.

use crate::taxonomy::{sub_type, SubType};
use crate::words::Phrases;
use crate::CountWhat;
use kroniek_text::Lang;
use std::sync::OnceLock;

/// One trigger phrase.
#[derive(Debug)]
pub(crate) struct Trigger {
    pub sub_type: &'static SubType,
    pub strength: f64,
    pub needs: Option<Needs>,
    pub not: Phrases<()>,
}

/// What a trigger needs in its sentence to fire.
#[derive(Debug, Default)]
pub(crate) struct Needs {
    pub count: bool,
    pub food: bool,
    pub words: Phrases<()>,
}

/// A rewrite of a sub-type by a nearby word.
#[derive(Debug)]
pub(crate) struct ContextRule {
    pub from: &'static str,
    pub to: &'static SubType,
    /// The line's position: among rules that apply, the first listed wins.
    pub order: usize,
}

/// The kinds of function words in `event_words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    Negation,
    Modal,
    Historical,
    Clause,
    Agent,
    Target,
    /// Where people go ("naar", "to"): a place after it is a destination, not where a
    /// displacement happened.
    Destination,
}

/// Everything the stage knows about one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub triggers: Phrases<Trigger>,
    pub context: Phrases<ContextRule>,
    pub words: Phrases<WordKind>,
    pub counts: Phrases<CountWhat>,
    pub actors: Phrases<()>,
    pub food: Phrases<()>,
    /// Verbs that make an amount of money a price ("kost", "costs"), shared with the numbers
    /// stage (`numbers_price_verbs.txt`).
    pub price_verbs: Phrases<()>,
    pub adjective_suffixes: Vec<String>,
    /// Lines that could not be read (checked by the tests).
    pub problems: Vec<String>,
}

impl Lexicon {
    /// The lexicon of `lang` (Dutch and English together for other languages), built once.
    pub fn get(lang: Lang) -> &'static Lexicon {
        static NL: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        static OTHER: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Nl => NL.get_or_init(|| Lexicon::load(&["nl"])),
            Lang::En => EN.get_or_init(|| Lexicon::load(&["en"])),
            Lang::Other => OTHER.get_or_init(|| Lexicon::load(&["nl", "en"])),
        }
    }

    /// Reads the data files of the languages `codes`.
    pub fn load(codes: &[&str]) -> Lexicon {
        let mut lx = Lexicon::default();
        for code in codes {
            lx.load_triggers(code);
            lx.load_context(code);
            lx.load_words(code);
            lx.load_counts(code);
            for line in kroniek_lang::list(code, "event_actors.txt") {
                lx.actors.insert(line, ());
            }
            for line in kroniek_lang::list(code, "event_food.txt") {
                lx.food.insert(line, ());
            }
            for line in kroniek_lang::list(code, "numbers_price_verbs.txt") {
                lx.price_verbs.insert(line, ());
            }
            lx.adjective_suffixes.extend(
                kroniek_lang::words(code, "adjective_suffixes.txt")
                    .into_iter()
                    .map(|s| s.trim_start_matches('-').to_string()),
            );
        }
        lx
    }

    fn load_triggers(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "event_triggers.txt") {
            match parse_trigger(&row) {
                Ok((phrase, trigger)) => self.triggers.insert(phrase, trigger),
                Err(e) => self
                    .problems
                    .push(format!("{code}/event_triggers.txt: {e}: {row:?}")),
            }
        }
    }

    fn load_context(&mut self, code: &str) {
        for (order, row) in kroniek_lang::table(code, "event_context.txt")
            .into_iter()
            .enumerate()
        {
            let (Some(from), Some(words), Some(to)) = (row.first(), row.get(1), row.get(2)) else {
                self.problems
                    .push(format!("{code}/event_context.txt: three columns: {row:?}"));
                continue;
            };
            let (Some(from), Some(to)) = (sub_type(from), sub_type(to)) else {
                self.problems.push(format!(
                    "{code}/event_context.txt: unknown sub-type: {row:?}"
                ));
                continue;
            };
            for word in words.split('|') {
                self.context.insert(
                    word,
                    ContextRule {
                        from: from.sub_type,
                        to,
                        order,
                    },
                );
            }
        }
    }

    fn load_words(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "event_words.txt") {
            let kind = match row.first().copied() {
                Some("negation") => WordKind::Negation,
                Some("modal") => WordKind::Modal,
                Some("historical") => WordKind::Historical,
                Some("clause") => WordKind::Clause,
                Some("agent") => WordKind::Agent,
                Some("target") => WordKind::Target,
                Some("destination") => WordKind::Destination,
                _ => {
                    self.problems
                        .push(format!("{code}/event_words.txt: unknown kind: {row:?}"));
                    continue;
                }
            };
            for phrase in row.iter().skip(1).flat_map(|c| c.split('|')) {
                self.words.insert(phrase, kind);
            }
        }
    }

    fn load_counts(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "event_counts.txt") {
            let what = match row.get(1).copied() {
                Some("killed") => CountWhat::Killed,
                Some("injured") => CountWhat::Injured,
                Some("displaced") => CountWhat::Displaced,
                Some("people") => CountWhat::People,
                _ => {
                    self.problems
                        .push(format!("{code}/event_counts.txt: unknown kind: {row:?}"));
                    continue;
                }
            };
            for phrase in row.first().into_iter().flat_map(|c| c.split('|')) {
                self.counts.insert(phrase, what);
            }
        }
    }
}

fn parse_trigger(row: &[&'static str]) -> Result<(&'static str, Trigger), String> {
    let phrase = row.first().copied().ok_or("no phrase")?;
    let code = row.get(1).ok_or("no sub-type")?;
    let sub_type = sub_type(code).ok_or_else(|| format!("unknown sub-type {code}"))?;
    let strength: f64 = row
        .get(2)
        .ok_or("no strength")?
        .parse()
        .map_err(|_| "strength is not a number".to_string())?;
    if !(0.0..=1.0).contains(&strength) {
        return Err("strength outside 0..1".into());
    }
    let mut trigger = Trigger {
        sub_type,
        strength,
        needs: None,
        not: Phrases::default(),
    };
    for option in row.iter().skip(3).flat_map(|c| c.split_whitespace()) {
        if let Some(list) = option.strip_prefix("needs=") {
            let needs = trigger.needs.get_or_insert_with(Needs::default);
            for word in list.split('|') {
                match word {
                    "@count" => needs.count = true,
                    "@food" => needs.food = true,
                    w => needs.words.insert(&w.replace('_', " "), ()),
                }
            }
        } else if let Some(list) = option.strip_prefix("not=") {
            for word in list.split('|') {
                trigger.not.insert(&word.replace('_', " "), ());
            }
        } else {
            return Err(format!("unknown option {option}"));
        }
    }
    Ok((phrase, trigger))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_files_parse_without_problems() {
        for codes in [&["nl"][..], &["en"][..]] {
            let lx = Lexicon::load(codes);
            assert!(lx.problems.is_empty(), "{:#?}", lx.problems);
            assert!(!lx.triggers.is_empty(), "{codes:?}");
            assert!(!lx.words.is_empty(), "{codes:?}");
            assert!(!lx.counts.is_empty(), "{codes:?}");
            assert!(!lx.food.is_empty(), "{codes:?}");
            assert!(!lx.actors.is_empty(), "{codes:?}");
        }
    }

    #[test]
    fn bad_trigger_rows_are_reported() {
        assert!(parse_trigger(&["x", "no_such_type", "0.5"]).is_err());
        assert!(parse_trigger(&["x", "armed_clash", "2"]).is_err());
        assert!(parse_trigger(&["x", "armed_clash", "0.5", "nonsense"]).is_err());
        assert!(parse_trigger(&["x", "armed_clash", "0.5", "needs=@count|a_b"]).is_ok());
    }
}
