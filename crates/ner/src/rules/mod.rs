//! A rule-based recogniser for languages that have no trained model (English): capitalised
//! sequences, trimmed of sentence-initial common words and titles, typed by word lists
//! (`lang/<code>/gazetteer_*.txt`), the place gazetteer of `kroniek-places` and the context,
//! then made consistent over the document (a surname alone is the person named in full elsewhere).

mod lexicon;
mod typing;

use crate::features::{analyse, Case, TokenInfo};
use crate::scheme::Chunk;
use crate::NameKind;
use lexicon::RuleLexicon;
use std::collections::{HashMap, HashSet};

/// The rule-based recogniser of one language.
#[derive(Debug, Clone)]
pub(crate) struct RuleTagger {
    lexicon: RuleLexicon,
    places: Option<kroniek_places::Gazetteer>,
}

/// One token as the rules see it.
pub(crate) struct Tok {
    /// Casing, sentence position and the plain lowercased form.
    pub info: TokenInfo,
    /// The lowercased word without a possessive `'s` or `'`.
    pub key: String,
    /// The word as written (typographic quotes made plain), without its possessive.
    pub bare: String,
    /// Whether the word ends in a possessive (`Obama's`), which ends a name.
    pub possessive: bool,
}

/// A name the rules found, before the document-level pass.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    sentence: usize,
    start: usize,
    end: usize,
    kind: NameKind,
    /// Whether a list, a title or a keyword decided the kind (not a default or a weak cue).
    strong: bool,
    /// What decided the kind.
    evidence: Evidence,
}

/// What decided the kind of a name, from strongest to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// A list, a title, a keyword, a first name or a major place.
    Strong,
    /// A weak cue: the name's shape or the words around it.
    Cue,
    /// Nothing: the kind is the default for the name's length.
    Default,
}

impl RuleTagger {
    /// The recogniser of language `code`, if its word lists are there.
    pub(crate) fn for_language(code: &str) -> Option<RuleTagger> {
        let lexicon = RuleLexicon::for_language(code);
        lexicon.is_usable().then(|| RuleTagger {
            lexicon,
            places: kroniek_places::Gazetteer::try_builtin().ok(),
        })
    }

    /// Tags the sentences of one document, given as tokens; returns each sentence's chunks.
    pub(crate) fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Chunk>> {
        let toks: Vec<Vec<Tok>> = sentences.iter().map(|s| prepare(s)).collect();
        let lowered: HashSet<&str> = toks
            .iter()
            .flatten()
            .filter(|t| t.info.case == Case::Lower)
            .map(|t| t.key.as_str())
            .collect();
        let inner_capitalised: HashSet<&str> = toks
            .iter()
            .flat_map(|s| s.iter().skip(1).filter(|t| !t.info.initial))
            .filter(|t| t.info.case.capitalised())
            .map(|t| t.key.as_str())
            .collect();
        let mut found = Vec::new();
        for (n, sentence) in toks.iter().enumerate() {
            for (start, end) in self.runs(sentence) {
                for piece in self.pieces(sentence, start, end, &lowered) {
                    let kind = self.kind_with_evidence(sentence, piece);
                    let guessed = kind.is_some_and(|(_, evidence)| evidence != Evidence::Strong);
                    if guessed && only_initial(sentence, piece, &inner_capitalised) {
                        continue;
                    }
                    if let Some((kind, evidence)) = kind {
                        found.push(Found {
                            sentence: n,
                            start: piece.start,
                            end: piece.end,
                            kind,
                            strong: evidence == Evidence::Strong,
                            evidence,
                        });
                    }
                }
            }
        }
        self.type_by_pronouns(&mut found, &toks);
        make_consistent(&mut found, &toks);
        self.untype_shared_first_words(&mut found, &toks);
        let mut out = vec![Vec::new(); sentences.len()];
        for f in found {
            if let Some(chunks) = out.get_mut(f.sentence) {
                chunks.push(Chunk {
                    start: f.start,
                    end: f.end,
                    kind: f.kind,
                });
            }
        }
        out
    }

    /// Whether token `i` can be part of a name: capitalised (or `al-Baghdadi`) and not a
    /// month, weekday or other capitalised non-name.
    fn is_name_word(&self, toks: &[Tok], i: usize) -> bool {
        let Some(t) = toks.get(i) else {
            return false;
        };
        let capitalised = t.info.case.capitalised() || self.is_particle_prefixed(&t.key, &t.bare);
        (capitalised && !self.lexicon.not_names.contains(&t.key)) || self.is_domain(&t.info.word)
    }

    /// Whether `word` is a whole web domain written as one token ("nu.nl", "Amazon.com"): two or
    /// more dot-separated parts of letters and digits, the last a listed top-level domain.
    fn is_domain(&self, word: &str) -> bool {
        let mut parts = word.split('.');
        let first = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        first.chars().count() >= 2
            && first.chars().all(char::is_alphanumeric)
            && first.chars().any(char::is_alphabetic)
            && rest
                .last()
                .is_some_and(|tld| self.lexicon.domain_suffixes.contains(&tld.to_lowercase()))
            && rest.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }

    /// If the word at `i` is followed by the rest of a web domain ("News" "." "com.au",
    /// "Domain" "." "com"), the index one past the domain: a domain is one name, never split
    /// at its periods.
    fn domain_end(&self, toks: &[Tok], i: usize) -> Option<usize> {
        let mut k = i + 1;
        let mut found = None;
        while toks.get(k).is_some_and(|t| t.info.word == ".") {
            let Some(part) = toks.get(k + 1) else {
                break;
            };
            let lower_parts = part.info.word.split('.').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
            if !lower_parts {
                break;
            }
            k += 2;
            let tld = part.info.word.rsplit('.').next().unwrap_or_default();
            if self.lexicon.domain_suffixes.contains(tld) {
                found = Some(k);
            }
        }
        found
    }

    /// Whether the name `s..e` is a web domain, as one token or split at its periods.
    fn is_domain_name(&self, toks: &[Tok], s: usize, e: usize) -> bool {
        (e == s + 1 && toks.get(s).is_some_and(|t| self.is_domain(&t.info.word)))
            || (s..e).any(|j| self.domain_end(toks, j) == Some(e))
    }

    /// `al-Baghdadi`, `el-Sisi`, `bin-Salman`: a lowercase particle joined to a capitalised word.
    fn is_particle_prefixed(&self, key: &str, bare: &str) -> bool {
        key.split_once('-').is_some_and(|(particle, _)| {
            self.lexicon.particles.contains(particle)
                && bare
                    .split_once('-')
                    .and_then(|(_, rest)| rest.chars().next())
                    .is_some_and(char::is_uppercase)
        })
    }

    /// Maximal runs `start..end` of name words, joined over particles ("Charles de Gaulle") and,
    /// after an organisation, place or event word, over connectors ("Bank of England").
    fn runs(&self, toks: &[Tok]) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !self.is_name_word(toks, i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while !toks[end - 1].possessive {
                if let Some(next) = self.domain_end(toks, end - 1) {
                    end = next;
                    break;
                }
                if self.is_name_word(toks, end) {
                    end += 1;
                    continue;
                }
                match self.joined_gap(toks, start, end) {
                    Some(next) => end = next + 1,
                    None => break,
                }
            }
            runs.push((start, end));
            i = end;
        }
        runs
    }

    /// If one or two lowercase joining words follow the run `start..end` and a name word follows
    /// them, the index of that name word.
    fn joined_gap(&self, toks: &[Tok], start: usize, end: usize) -> Option<usize> {
        let lex = &self.lexicon;
        let mut k = end;
        let (mut connector, mut coordinator) = (false, false);
        while k < toks.len() && k - end < 2 && toks[k].info.case == Case::Lower {
            if lex.connectors.contains(&toks[k].key) {
                connector = true;
                coordinator |= lex.coordinators.contains(&toks[k].key);
            } else if !lex.particles.contains(&toks[k].key) {
                break;
            }
            k += 1;
        }
        if k == end || !self.is_name_word(toks, k) {
            return None;
        }
        let after = (k..toks.len())
            .take_while(|&j| self.is_name_word(toks, j))
            .last()
            .map_or(k, |j| j + 1);
        let joins = !connector
            || (self.has_keyword(&toks[start..end])
                && (!coordinator || self.has_keyword(&toks[k..after])));
        joins.then_some(k)
    }

    /// Types one-word names that nothing typed by the first pronoun after them that says
    /// person ("he", "her") or organisation ("its"), looking through the name's sentence and the
    /// next three and stopping at the next name, which a pronoun would rather refer to.
    fn type_by_pronouns(&self, found: &mut [Found], toks: &[Vec<Tok>]) {
        let starts: HashSet<(usize, usize)> = found.iter().map(|f| (f.sentence, f.start)).collect();
        for f in found.iter_mut() {
            if f.evidence != Evidence::Default || f.end - f.start != 1 {
                continue;
            }
            let after = (f.sentence..toks.len().min(f.sentence + 4)).flat_map(|n| {
                let from = if n == f.sentence { f.end } else { 0 };
                (from..toks[n].len()).map(move |i| (n, i))
            });
            for (n, i) in after {
                if starts.contains(&(n, i)) {
                    break;
                }
                let Some(kind) = self.lexicon.pronoun_cues.get(&toks[n][i].key) else {
                    continue;
                };
                f.kind = *kind;
                f.evidence = Evidence::Cue;
                break;
            }
        }
    }

    /// Names guessed to be persons that share a first word which is no known first name
    /// ("Sailor Neptune", "Sailor Uranus") are a series of characters, works or products rather
    /// than relatives, who share their last name: they become misc. Only first words of five
    /// letters or more count, as short ones may be a family name written first ("Wang Yi").
    fn untype_shared_first_words(&self, found: &mut [Found], toks: &[Vec<Tok>]) {
        let first_word = |f: &Found| -> Option<&Tok> {
            let t = toks.get(f.sentence)?.get(f.start)?;
            let eligible = !f.strong
                && f.kind == NameKind::Person
                && f.end - f.start >= 2
                && t.info.case == Case::Title
                && t.key.chars().count() >= 5
                && !self.lexicon.first_names.contains(&t.key);
            eligible.then_some(t)
        };
        let mut names: HashMap<&str, HashSet<String>> = HashMap::new();
        for f in found.iter() {
            if let Some(t) = first_word(f) {
                let words = toks
                    .get(f.sentence)
                    .and_then(|s| s.get(f.start..f.end))
                    .unwrap_or(&[]);
                let name: Vec<&str> = words.iter().map(|t| t.key.as_str()).collect();
                names
                    .entry(t.key.as_str())
                    .or_default()
                    .insert(name.join(" "));
            }
        }
        let shared: HashSet<String> = names
            .into_iter()
            .filter(|(_, set)| set.len() >= 2)
            .map(|(first, _)| first.to_string())
            .collect();
        for f in found.iter_mut() {
            if first_word(f).is_some_and(|t| shared.contains(&t.key)) {
                f.kind = NameKind::Misc;
            }
        }
    }

    /// Whether one of `toks` is an organisation, place or event word. Titles do not count: in
    /// "Sergeant Ian Murray of Police Scotland" the person ends before "of".
    fn has_keyword(&self, toks: &[Tok]) -> bool {
        let lex = &self.lexicon;
        toks.iter().any(|t| {
            lex.org_words.contains(&t.key)
                || lex.loc_words.contains(&t.key)
                || lex.misc_words.contains(&t.key)
        })
    }
}

/// Whether `piece` is one word, first in its sentence and so capitalised maybe only by its
/// place, that the document never capitalises elsewhere ("Farmers blocked…").
fn only_initial(toks: &[Tok], piece: Piece, inner_capitalised: &HashSet<&str>) -> bool {
    let Some(t) = toks.get(piece.start) else {
        return false;
    };
    piece.end - piece.start == 1
        && t.info.initial
        && t.info.case == Case::Title
        && !inner_capitalised.contains(t.key.as_str())
}

/// A candidate name inside a run, after trimming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Whether a title or role word stands before it ("President", "spokesman").
    pub titled: bool,
}

/// Analyses the tokens of a sentence and strips possessives for the word lists.
fn prepare(tokens: &[&str]) -> Vec<Tok> {
    analyse(tokens)
        .into_iter()
        .map(|info| {
            let (bare, possessive) = strip_possessive(&info.word);
            Tok {
                key: bare.to_lowercase(),
                bare: bare.to_string(),
                possessive,
                info,
            }
        })
        .collect()
}

/// `Obama's` → (`Obama`, true); `Reuters'`-style plural possessives keep their `s`.
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    if let Some(bare) = word.strip_suffix("'s").or_else(|| word.strip_suffix("'S")) {
        if !bare.is_empty() {
            return (bare, true);
        }
    }
    if let Some(bare) = word.strip_suffix('\'') {
        if bare.ends_with('s') && bare.len() > 1 {
            return (bare, true);
        }
    }
    (word, false)
}

/// Gives weakly typed names the kind the same name has elsewhere in the document, where a list,
/// title or keyword decided it; a word of a person's full name alone ("Smith") is that person;
/// a name that nothing typed takes the kind a cue gave the same name elsewhere.
fn make_consistent(found: &mut [Found], toks: &[Vec<Tok>]) {
    let words = |f: &Found| -> Vec<String> {
        toks.get(f.sentence)
            .and_then(|s| s.get(f.start..f.end))
            .unwrap_or(&[])
            .iter()
            .map(|t| t.key.clone())
            .collect()
    };
    let mut known: HashMap<String, NameKind> = HashMap::new();
    let mut person_words: HashSet<String> = HashSet::new();
    for f in found.iter() {
        let w = words(f);
        if f.strong {
            known.entry(w.join(" ")).or_insert(f.kind);
        }
        // A full name typed a person on any evidence, even by default ("Sheldon Yett of
        // UNICEF"), makes its words alone that person.
        if f.kind == NameKind::Person && w.len() > 1 {
            person_words.extend(w);
        }
    }
    // A cue seen at one mention of a name types its mentions that nothing typed.
    let mut cued: HashMap<String, NameKind> = HashMap::new();
    for f in found.iter().filter(|f| f.evidence == Evidence::Cue) {
        cued.entry(words(f).join(" ")).or_insert(f.kind);
    }
    for f in found.iter_mut().filter(|f| !f.strong) {
        let w = words(f);
        if let Some(kind) = known.get(&w.join(" ")) {
            f.kind = *kind;
        } else if !w.is_empty() && w.iter().all(|x| person_words.contains(x)) {
            f.kind = NameKind::Person;
        } else if let Some(kind) = cued
            .get(&w.join(" "))
            .filter(|_| f.evidence == Evidence::Default)
        {
            f.kind = *kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, NameKind)> {
        let tagger = RuleTagger::for_language("en").expect("English lists ship");
        let sentences: Vec<Vec<&str>> = text
            .split(" | ")
            .map(|s| s.split_whitespace().collect())
            .collect();
        tagger
            .tag_document(&sentences)
            .iter()
            .zip(&sentences)
            .flat_map(|(chunks, words)| {
                chunks
                    .iter()
                    .map(|c| (words[c.start..c.end].join(" "), c.kind))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn has(found: &[(String, NameKind)], name: &str, kind: NameKind) -> bool {
        found.iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Obama's"), ("Obama", true));
        assert_eq!(strip_possessive("Reuters'"), ("Reuters", true));
        assert_eq!(strip_possessive("'s"), ("'s", false));
        assert_eq!(strip_possessive("Gent"), ("Gent", false));
    }

    #[test]
    fn types_places_organisations_and_events() {
        let found = names(
            "Experts at the Atlantic Council in Los Angeles said the Eastern Mediterranean \
             was calm on Labor Day .",
        );
        assert!(
            has(&found, "Atlantic Council", NameKind::Organisation),
            "{found:?}"
        );
        assert!(has(&found, "Los Angeles", NameKind::Location), "{found:?}");
        assert!(
            has(&found, "Eastern Mediterranean", NameKind::Location),
            "{found:?}"
        );
        assert!(has(&found, "Labor Day", NameKind::Misc), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Experts"), "{found:?}");
    }

    #[test]
    fn titles_mark_persons_and_surnames_follow() {
        let found =
            names("US President Donald Trump met Mr Kim in Hanoi . | Trump said he was pleased .");
        assert!(has(&found, "Donald Trump", NameKind::Person), "{found:?}");
        assert!(has(&found, "Kim", NameKind::Person), "{found:?}");
        assert!(has(&found, "Trump", NameKind::Person), "{found:?}");
        assert!(has(&found, "US", NameKind::Location), "{found:?}");
        assert!(has(&found, "Hanoi", NameKind::Location), "{found:?}");
    }

    #[test]
    fn connectors_join_organisation_names_only() {
        let found = names("The Bank of England and France agreed , Reuters reported .");
        assert!(
            has(&found, "Bank of England", NameKind::Organisation),
            "{found:?}"
        );
        assert!(has(&found, "France", NameKind::Location), "{found:?}");
        assert!(has(&found, "Reuters", NameKind::Organisation), "{found:?}");
    }

    #[test]
    fn datelines_and_months() {
        let found = names("LONDON — In May , Theresa May resigned on Friday .");
        assert!(has(&found, "LONDON", NameKind::Location), "{found:?}");
        assert!(has(&found, "Theresa May", NameKind::Person), "{found:?}");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn web_domains_are_one_organisation() {
        let found = names(
            "In a News . com.au report , Domain . com said prices rose , nu.nl reported . \
             | He came home . in the evening .",
        );
        assert!(
            has(&found, "News . com.au", NameKind::Organisation),
            "{found:?}"
        );
        assert!(
            has(&found, "Domain . com", NameKind::Organisation),
            "{found:?}"
        );
        assert!(has(&found, "nu.nl", NameKind::Organisation), "{found:?}");
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_function_word_inside_a_sentence_opens_a_name() {
        let found = names(
            "He signed with All Elite Wrestling last year . | All Saints were closed . \
             | It joined AEW ( All Elite Wrestling ) in May .",
        );
        let full: Vec<_> = found
            .iter()
            .filter(|(n, _)| n == "All Elite Wrestling")
            .collect();
        assert_eq!(full.len(), 2, "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "All Saints"), "{found:?}");
        // Articles stay outside names, as the annotation conventions want.
        let found = names("He works for The Atlantic Council now .");
        assert!(
            has(&found, "Atlantic Council", NameKind::Organisation),
            "{found:?}"
        );
    }

    #[test]
    fn names_without_first_name_or_surname_are_not_persons() {
        let found = names(
            "Planned Parenthood sued . | Funimation Entertainment said it would appeal . \
             | Nancy Parenthood and Maria Entertainment met .",
        );
        assert!(
            has(&found, "Planned Parenthood", NameKind::Organisation),
            "{found:?}"
        );
        assert!(
            has(&found, "Funimation Entertainment", NameKind::Organisation),
            "{found:?}"
        );
        // A known first name keeps the person reading.
        assert!(
            has(&found, "Nancy Parenthood", NameKind::Person),
            "{found:?}"
        );
        assert!(
            has(&found, "Maria Entertainment", NameKind::Person),
            "{found:?}"
        );
        let found = names("The licence is CC BY and JOHN SMITH agreed .");
        assert!(has(&found, "CC BY", NameKind::Organisation), "{found:?}");
        assert!(has(&found, "JOHN SMITH", NameKind::Person), "{found:?}");
    }

    #[test]
    fn roles_held_in_an_organisation_type_the_name_next_to_them() {
        let found = names(
            "Ann Lee , chief executive of Zorbix , spoke . | A Quoddle spokeswoman declined . \
             | A lawyer for Brenk said more .",
        );
        assert!(has(&found, "Zorbix", NameKind::Organisation), "{found:?}");
        assert!(has(&found, "Quoddle", NameKind::Organisation), "{found:?}");
        assert!(has(&found, "Brenk", NameKind::Person), "{found:?}");
    }

    #[test]
    fn compound_organisation_words_and_shared_first_words() {
        let found = names(
            "Later Zorbmedia bought the rights . | Fans love Glimmer Neptune and Glimmer Uranus . \
             | Zhou Yi met Zhou Lin .",
        );
        assert!(
            has(&found, "Zorbmedia", NameKind::Organisation),
            "{found:?}"
        );
        assert!(has(&found, "Glimmer Neptune", NameKind::Misc), "{found:?}");
        assert!(has(&found, "Glimmer Uranus", NameKind::Misc), "{found:?}");
        assert!(has(&found, "Zhou Yi", NameKind::Person), "{found:?}");
        assert!(has(&found, "Zhou Lin", NameKind::Person), "{found:?}");
    }

    #[test]
    fn pronouns_type_one_word_names_nothing_else_types() {
        let found = names(
            "Later , Grivor was demonstrating screens . | The displays blink . \
             | He hopes to sell them . | Then Ocadox raised its prices . | Then Zumbra was there .",
        );
        assert!(has(&found, "Grivor", NameKind::Person), "{found:?}");
        assert!(has(&found, "Ocadox", NameKind::Organisation), "{found:?}");
        // Nothing says what Zumbra is: one word alone defaults to an organisation.
        assert!(has(&found, "Zumbra", NameKind::Organisation), "{found:?}");
        // Another name between the name and the pronoun stops the search.
        let found = names("Later , Brindle met Anna Smith . | She left .");
        assert!(has(&found, "Brindle", NameKind::Organisation), "{found:?}");
    }

    #[test]
    fn a_cue_at_one_mention_types_the_others() {
        let found = names("Zorbix and Quoddle agreed . | A Zorbix spokeswoman declined .");
        let zorbix: Vec<_> = found.iter().filter(|(n, _)| n == "Zorbix").collect();
        assert_eq!(zorbix.len(), 2, "{found:?}");
        assert!(
            zorbix.iter().all(|(_, k)| *k == NameKind::Organisation),
            "{found:?}"
        );
    }

    #[test]
    fn surnames_and_first_names_alone_stay_persons() {
        let found = names(
            "Then Sheldon Yett of UNICEF spoke . | According to Yett , it worked . \
             | It was Cherie and Sean who built it .",
        );
        assert!(has(&found, "Yett", NameKind::Person), "{found:?}");
        assert!(has(&found, "Cherie", NameKind::Person), "{found:?}");
    }

    #[test]
    fn a_capitalised_role_before_a_first_name_is_a_title() {
        let found = names("Firefighter Jose Ramirez said winds were strong .");
        assert!(has(&found, "Jose Ramirez", NameKind::Person), "{found:?}");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_country_name_wins_over_its_organisation_word() {
        let found = names("He said the United States backed Manchester United .");
        assert!(
            has(&found, "United States", NameKind::Location),
            "{found:?}"
        );
        assert!(
            has(&found, "Manchester United", NameKind::Organisation),
            "{found:?}"
        );
    }

    #[test]
    fn dutch_particles_join_names() {
        let found = names("The manager , Erik ten Hag , said so .");
        assert!(has(&found, "Erik ten Hag", NameKind::Person), "{found:?}");
    }

    #[test]
    fn a_bracketed_acronym_makes_its_expansion_an_organisation() {
        let found = names("He fought for Zorbic Wrestling Kompany ( ZWK ) in Ohio .");
        assert!(
            has(&found, "Zorbic Wrestling Kompany", NameKind::Organisation),
            "{found:?}"
        );
        let found = names("He fought for Zorbic Wrestling Kompany ( ABC ) in Ohio .");
        assert!(
            has(&found, "Zorbic Wrestling Kompany", NameKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn never_panics_on_odd_tokens() {
        for text in [
            "",
            "'s",
            "’s A",
            "al- -al Al-",
            "OF of Of",
            "É É 😀",
            "A . com",
            ". com . au",
            "All",
            "( All",
            "X ( All )",
            "É.com Ü . ü.au",
        ] {
            let _ = names(text);
        }
    }
}
