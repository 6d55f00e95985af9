//! The word lists the rule tagger reads, from `lang/<code>/`.

use crate::NameKind;
use std::collections::{HashMap, HashSet};

/// A set of phrases (one or more words), lowercased, matched as a whole or longest-first.
#[derive(Debug, Default, Clone)]
pub(crate) struct Phrases {
    set: HashSet<String>,
    longest: usize,
}

impl Phrases {
    fn from_entries<'a>(entries: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut phrases = Phrases::default();
        for entry in entries {
            let words: Vec<&str> = entry.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            phrases.longest = phrases.longest.max(words.len());
            phrases.set.insert(words.join(" ").to_lowercase());
        }
        phrases
    }

    /// Whether the lowercased words, joined by spaces, form an entry.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.set.contains(key)
    }

    /// The number of words of the longest entry that `words` (lowercased) begins with.
    pub(crate) fn longest_prefix(&self, words: &[&str]) -> usize {
        (1..=self.longest.min(words.len()))
            .rev()
            .find(|&n| self.set.contains(&words[..n].join(" ")))
            .unwrap_or(0)
    }
}

/// Everything the rule tagger knows about a language's names.
#[derive(Debug, Default, Clone)]
pub(crate) struct RuleLexicon {
    /// Given names.
    pub first_names: Phrases,
    /// Titles written before a person's name.
    pub titles: Phrases,
    /// Words ending (or, before a connector, beginning) an organisation's name.
    pub org_words: Phrases,
    /// Words ending (or, before a connector, beginning) a place's name.
    pub loc_words: Phrases,
    /// Location words that also type a name they begin ("Mount", "Lake").
    pub loc_prefixes: Phrases,
    /// Words ending an event's, law's or award's name.
    pub misc_words: Phrases,
    /// Whole names of organisations.
    pub organisations: Phrases,
    /// Whole names of places.
    pub locations: Phrases,
    /// Whole other names, nationalities and adjectives of places.
    pub misc: Phrases,
    /// Capitalised words that are never (part of) names.
    pub not_names: Phrases,
    /// Capitalised words that are not names when they stand alone.
    pub not_alone: Phrases,
    /// Common words that do not begin a name at the start of a sentence.
    pub common: Phrases,
    /// Function words, which never begin a name ("The", "This").
    pub function: Phrases,
    /// Lowercase words joining the parts of organisation and place names.
    pub connectors: Phrases,
    /// Connectors that join only when the part after them has a keyword too ("and").
    pub coordinators: Phrases,
    /// Lowercase particles inside names.
    pub particles: Phrases,
    /// Lowercase words before a place.
    pub place_cues: Phrases,
    /// Words after a person's name (reporting verbs).
    pub person_verbs: Phrases,
    /// Lowercase role nouns before a person's name ("spokesman John Smith").
    pub roles: Phrases,
    /// Weak organisation head words ("Entertainment"), used only for a name whose first word
    /// is not a first name and that would otherwise default to a person.
    pub org_heads: Phrases,
    /// Endings of nouns that are never surnames ("-hood", "-ness"), lowercase.
    pub not_surname_endings: Vec<String>,
    /// Function words that begin a name when capitalised inside a sentence ("All", "One").
    pub name_openers: Phrases,
    /// Top-level domains that end a web domain ("com", "au").
    pub domain_suffixes: Phrases,
    /// Roles held in an organisation ("spokeswoman", "chief executive"): before "of"/"for"/"at"
    /// a name, or after it, they make the name an organisation.
    pub org_roles: Phrases,
    /// Prepositions linking such a role to the organisation after it ("of", "for", "at").
    pub role_links: Phrases,
    /// Endings of compound one-word organisation names ("-media", "-soft"), lowercase.
    pub org_endings: Vec<String>,
    /// Pronouns that say whether the one-word name before them is a person ("he") or an
    /// organisation ("its").
    pub pronoun_cues: HashMap<String, NameKind>,
}

impl RuleLexicon {
    /// Loads the lists of language `code`; missing files are empty lists.
    pub(crate) fn for_language(code: &str) -> RuleLexicon {
        let list = |name: &str| kroniek_lang::list(code, name);
        let (not_alone, not_names): (Vec<&str>, Vec<&str>) = list("gazetteer_not_names.txt")
            .into_iter()
            .partition(|e| e.starts_with('?'));
        let (loc_prefixes, loc_words): (Vec<&str>, Vec<&str>) = list("gazetteer_loc_words.txt")
            .into_iter()
            .partition(|e| e.starts_with('^'));
        let common_words = kroniek_lang::words(code, "function_words.txt")
            .into_iter()
            .chain(kroniek_lang::words(code, "segment-common-words.txt"))
            .chain(kroniek_lang::words(code, "gazetteer_common_words.txt"))
            .collect::<Vec<String>>();
        let demonyms = kroniek_lang::table(code, "demonyms.txt")
            .into_iter()
            .flat_map(|row| row.into_iter().skip(1))
            .map(|form| form.trim_end_matches('*'));
        let verbs = kroniek_lang::table(code, "cue_verbs.txt")
            .into_iter()
            .flat_map(|row| row.into_iter().skip(1))
            .flat_map(|forms| forms.split(','))
            .map(str::trim);
        RuleLexicon {
            first_names: Phrases::from_entries(list("gazetteer_first_names.txt")),
            titles: Phrases::from_entries(list("gazetteer_titles.txt")),
            org_words: Phrases::from_entries(list("gazetteer_org_words.txt")),
            loc_prefixes: Phrases::from_entries(
                loc_prefixes.iter().map(|e| e.trim_start_matches('^')),
            ),
            loc_words: Phrases::from_entries(
                loc_words
                    .into_iter()
                    .chain(loc_prefixes.iter().map(|e| e.trim_start_matches('^'))),
            ),
            misc_words: Phrases::from_entries(list("gazetteer_misc_words.txt")),
            organisations: Phrases::from_entries(list("gazetteer_organisations.txt")),
            locations: Phrases::from_entries(list("gazetteer_locations.txt")),
            misc: Phrases::from_entries(list("gazetteer_misc.txt").into_iter().chain(demonyms)),
            not_names: Phrases::from_entries(not_names),
            not_alone: Phrases::from_entries(not_alone.iter().map(|e| e.trim_start_matches('?'))),
            common: Phrases::from_entries(common_words.iter().map(String::as_str)),
            function: Phrases::from_entries(
                kroniek_lang::words(code, "function_words.txt")
                    .iter()
                    .map(String::as_str),
            ),
            connectors: Phrases::from_entries(
                list("gazetteer_connectors.txt")
                    .into_iter()
                    .map(|e| e.trim_start_matches('+')),
            ),
            coordinators: Phrases::from_entries(
                list("gazetteer_connectors.txt")
                    .into_iter()
                    .filter_map(|e| e.strip_prefix('+')),
            ),
            particles: Phrases::from_entries(list("gazetteer_particles.txt")),
            place_cues: Phrases::from_entries(list("gazetteer_place_cues.txt")),
            person_verbs: Phrases::from_entries(verbs),
            roles: Phrases::from_entries(
                kroniek_lang::words(code, "person_roles.txt")
                    .iter()
                    .map(String::as_str),
            ),
            org_heads: Phrases::from_entries(list("gazetteer_org_heads.txt")),
            not_surname_endings: kroniek_lang::words(code, "gazetteer_not_surname_endings.txt"),
            name_openers: Phrases::from_entries(list("gazetteer_name_openers.txt")),
            domain_suffixes: Phrases::from_entries(list("domain_suffixes.txt")),
            org_roles: Phrases::from_entries(
                list("gazetteer_org_roles.txt")
                    .into_iter()
                    .filter(|e| !e.starts_with('+')),
            ),
            role_links: Phrases::from_entries(
                list("gazetteer_org_roles.txt")
                    .into_iter()
                    .filter_map(|e| e.strip_prefix('+')),
            ),
            org_endings: kroniek_lang::words(code, "gazetteer_org_endings.txt"),
            pronoun_cues: kroniek_lang::table(code, "gazetteer_pronoun_cues.txt")
                .into_iter()
                .filter_map(|row| {
                    let kind = match *row.get(1)? {
                        "person" => NameKind::Person,
                        "organisation" => NameKind::Organisation,
                        _ => return None,
                    };
                    Some((row.first()?.to_lowercase(), kind))
                })
                .collect(),
        }
    }

    /// Whether the language has the lists the rule tagger needs.
    pub(crate) fn is_usable(&self) -> bool {
        !self.first_names.set.is_empty() && !self.titles.set.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_and_longest_prefix() {
        let p = Phrases::from_entries(["Prime Minister", "Minister", "Mr."]);
        assert!(p.contains("prime minister"));
        assert_eq!(p.longest_prefix(&["prime", "minister", "boris"]), 2);
        assert_eq!(p.longest_prefix(&["minister", "kaag"]), 1);
        assert_eq!(p.longest_prefix(&["boris"]), 0);
        assert_eq!(p.longest_prefix(&[]), 0);
    }

    #[test]
    fn english_lists_load() {
        let lex = RuleLexicon::for_language("en");
        assert!(lex.is_usable());
        assert!(lex.first_names.contains("nancy"));
        assert!(lex.loc_prefixes.contains("mount"));
        assert!(lex.loc_words.contains("mount") && lex.loc_words.contains("river"));
        assert!(lex.not_alone.contains("may") && !lex.not_names.contains("may"));
        assert!(lex.misc.contains("american"), "demonyms are read");
        assert!(lex.person_verbs.contains("said"));
        assert!(lex.common.contains("however"));
        assert!(lex.org_heads.contains("entertainment"));
        assert!(lex.not_surname_endings.iter().any(|e| e == "hood"));
        assert!(lex.name_openers.contains("all") && !lex.name_openers.contains("the"));
        assert!(lex.domain_suffixes.contains("com") && !lex.domain_suffixes.contains("in"));
        assert!(lex.org_roles.contains("spokeswoman") && !lex.org_roles.contains("lawyer"));
        assert!(lex.role_links.contains("of") && !lex.org_roles.contains("of"));
        assert!(lex.org_endings.iter().any(|e| e == "media"));
        assert_eq!(lex.pronoun_cues.get("its"), Some(&NameKind::Organisation));
        assert_eq!(lex.pronoun_cues.get("she"), Some(&NameKind::Person));
    }
}
