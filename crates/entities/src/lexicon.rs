//! The word lists the name finder and its users need, loaded once per language from
//! `lang/<code>/`.

use crate::Gender;
use kroniek_text::Lang;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Word lists about names and the people who speak, for one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Words capitalised only because they start a sentence (`function_words.txt`).
    pub function_words: HashSet<String>,
    /// Lowercase words that may stand inside a name: van, de, ter (`name_particles.txt`).
    pub particles: HashSet<String>,
    /// Role and title nouns: minister, fotograaf, spokesman (`person_roles.txt`).
    pub roles: HashSet<String>,
    /// Words that make a name an organisation: partij, University (`org_words.txt`).
    pub org_words: HashSet<String>,
    /// Institutions that speak as a body: politie, police (`institutions.txt`).
    pub institutions: HashSet<String>,
    /// Nouns for groups of people: groep, vrouwen, crowd (`group_nouns.txt`).
    pub group_nouns: HashSet<String>,
    /// Endings of adjectives made from place names: Arnhemse, Syrian (`adjective_suffixes.txt`).
    pub adjective_suffixes: Vec<String>,
    /// Prepositions: a name after one is not a subject (`prepositions.txt`).
    pub prepositions: HashSet<String>,
    /// Names of armed groups, each mapped to the group's main name (`armed_groups.txt`).
    pub armed_groups: HashMap<String, String>,
    /// Organisation names with lower-case words that taggers split ("Artsen zonder Grenzen"),
    /// as written (`organisations.txt`).
    pub organisations: Vec<String>,
    /// First names and the gender they indicate (`first_names_gender.txt`).
    pub first_names: HashMap<String, Gender>,
    /// Personal pronouns that can stand for a speaker, with their gender and number
    /// (`pronouns.txt`).
    pub pronouns: Vec<Pronoun>,
}

/// A personal pronoun and what it can refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pronoun {
    /// The pronoun, lowercase.
    pub word: String,
    /// `m`, `f` or `any`.
    pub gender: String,
    /// `sg`, `pl` or `any`.
    pub number: String,
    /// Whether it can be a subject ("he", "she"; not "him", "her"): only a subject can follow a
    /// reporting verb as its speaker ("…, said he").
    pub subject: bool,
}

impl Lexicon {
    /// The lexicon of `lang` (empty lists for a language without data), loaded on first use.
    pub fn for_lang(lang: Lang) -> &'static Lexicon {
        static NL: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        static OTHER: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Nl => NL.get_or_init(|| Lexicon::load("nl")),
            Lang::En => EN.get_or_init(|| Lexicon::load("en")),
            Lang::Other => OTHER.get_or_init(Lexicon::default),
        }
    }

    fn load(code: &str) -> Lexicon {
        let set = |name: &str| {
            kroniek_lang::words(code, name)
                .into_iter()
                .collect::<HashSet<_>>()
        };
        let pronouns = kroniek_lang::table(code, "pronouns.txt")
            .into_iter()
            .filter_map(|row| {
                Some(Pronoun {
                    word: row.first()?.to_lowercase(),
                    gender: row.get(1).unwrap_or(&"any").to_string(),
                    number: row.get(2).unwrap_or(&"any").to_string(),
                    subject: row.get(3) != Some(&"object"),
                })
            })
            .collect();
        Lexicon {
            function_words: set("function_words.txt"),
            particles: kroniek_lang::list(code, "name_particles.txt")
                .into_iter()
                .map(str::to_lowercase)
                .collect(),
            roles: set("person_roles.txt"),
            org_words: set("org_words.txt"),
            institutions: set("institutions.txt"),
            group_nouns: set("group_nouns.txt"),
            prepositions: set("prepositions.txt"),
            organisations: kroniek_lang::list(code, "organisations.txt")
                .into_iter()
                .map(str::to_string)
                .collect(),
            armed_groups: kroniek_lang::list(code, "armed_groups.txt")
                .into_iter()
                .flat_map(|line| {
                    let names: Vec<&str> = line.split(" | ").map(str::trim).collect();
                    let main = names[0].to_string();
                    names.into_iter().map(move |n| (armed_key(n), main.clone()))
                })
                .collect(),
            adjective_suffixes: kroniek_lang::words(code, "adjective_suffixes.txt"),
            first_names: kroniek_lang::table(code, "first_names_gender.txt")
                .into_iter()
                .filter_map(|row| {
                    let gender = match *row.get(1)? {
                        "f" => Gender::Female,
                        "m" => Gender::Male,
                        _ => return None,
                    };
                    Some((row.first()?.to_lowercase(), gender))
                })
                .collect(),
            pronouns,
        }
    }

    /// The pronoun entry for `word` (any case), if it is a personal pronoun.
    pub fn pronoun(&self, word: &str) -> Option<&Pronoun> {
        let lower = word.to_lowercase();
        self.pronouns.iter().find(|p| p.word == lower)
    }

    /// Whether `word` looks like an adjective made from a place name (Oost-Syrische, Arnhemse).
    pub fn is_place_adjective(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.adjective_suffixes
            .iter()
            .any(|suffix| lower.len() > suffix.len() + 2 && lower.ends_with(suffix.as_str()))
    }

    /// The main name of the armed group `name` names ("ISIS" -> "Islamitische Staat"), if any.
    /// Acronyms match only in capitals, so the Dutch word "is" is never IS.
    pub fn armed_group(&self, name: &str) -> Option<&str> {
        self.armed_groups.get(&armed_key(name)).map(String::as_str)
    }

    /// The gender the first word of a full name indicates ("Eddy van Wessel": male); none for
    /// a single word, which may be a surname.
    pub fn gender_of(&self, name: &str) -> Option<Gender> {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        words.next()?;
        self.first_names.get(&first.to_lowercase()).copied()
    }

    /// Whether `word` (any case) is a role or title noun, also as the last part of a compound
    /// ("Radio 10-dj", "oud-minister").
    pub fn is_role(&self, word: &str) -> bool {
        let lower = word.trim_end_matches('.').to_lowercase();
        self.roles.contains(&lower)
            || lower.rsplit('-').next().is_some_and(|tail| self.roles.contains(tail))
            // Compounds: "senaatslijsttrekker", "europarlementariër" end in a role word of six
            // letters or more.
            || lower
                .char_indices()
                .skip(3)
                .any(|(at, _)| lower[at..].chars().count() >= 6 && self.roles.contains(&lower[at..]))
    }
}

/// The lookup key of an armed group's name: acronyms as written, other names lowercase.
fn armed_key(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() <= 5
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    if acronym {
        name.to_string()
    } else {
        name.to_lowercase()
    }
}
