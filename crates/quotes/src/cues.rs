//! The reporting vocabulary of a language: cue verbs, attribution markers ("volgens",
//! "according to") and the words that open a content clause ("dat", "that").

use kroniek_text::Lang;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One inflected form of a reporting verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueVerb {
    /// The dictionary form ("zeggen", "laten weten").
    pub lemma: String,
    /// A verb of stated opinion (vinden, believe): reports only indirect speech with a content
    /// clause and never attributes a direct quote by itself.
    pub opinion: bool,
    /// A verb whose object is the person spoken to ("told reporters", "assured him"): the
    /// phrase after it is the addressee, never the speaker.
    pub addressee: bool,
    /// A participle that opens a clause of its own ("…, saying …", "…, adding that …"): its
    /// speaker is the subject of the sentence's main clause, not the words right before it.
    pub participle: bool,
    /// A verb whose object is named or described ("called the plan "a wall""): it never opens
    /// a content clause without a complementizer.
    pub object: bool,
}

/// The reporting vocabulary of one language, from `lang/<code>/cue_verbs.txt`,
/// `cue_participles.txt`, `attribution_markers.txt`, `complementizers.txt` and
/// `speaker_adverbials.txt`.
#[derive(Debug, Default)]
pub struct Cues {
    verbs: HashMap<String, CueVerb>,
    /// Attribution markers as lowercase word sequences; the speaker follows them.
    pub markers: Vec<Vec<String>>,
    /// Words that open a content clause.
    pub complementizers: HashSet<String>,
    /// Words that may stand between a speaker and the verb without being either ("Smith on
    /// Sunday told …", "Jansen zei gisteren"): times and sentence adverbs.
    pub adverbials: HashSet<String>,
    /// Whether a content clause may follow the verb without a complementizer ("said the attack
    /// took place"), as in English.
    pub bare_clauses: bool,
    /// Function words that can open such a bare clause ("the", "he", "some").
    pub clause_openers: HashSet<String>,
    /// Finite verb forms that show a bare clause is a clause ("was", "took").
    pub finite_verbs: HashSet<String>,
    /// Endings of finite verb forms ("-ed").
    pub finite_suffixes: Vec<String>,
    /// Relative pronouns that stand for the name before them ("Tuilaepa, who told …").
    pub relative_pronouns: HashSet<String>,
    /// The word that joins the last two names of a group of speakers ("and", "en").
    pub conjunction: String,
    /// Prepositions that name the author of a report ("a statement by the court").
    pub agent_prepositions: HashSet<String>,
    /// Conjunctions that join two verbs of one subject ("called it … and said …").
    pub conjunctions: HashSet<String>,
    /// Nouns for documents through which their owner speaks ("RIAA's notice alleged").
    pub document_nouns: HashSet<String>,
    /// Endings of plural nouns, which can be the subject of a base-form verb ("activists
    /// claim").
    pub plural_suffixes: Vec<String>,
    /// Endings of plural verb forms ("zeiden", "zeggen"), which make "ze" a group rather than a
    /// woman.
    pub plural_verb_suffixes: Vec<String>,
    /// Nouns that announce someone's words ("reactie", "statement"): a sentence with one, naming
    /// one person, introduces the speaker of the quotation after it.
    pub speech_nouns: HashSet<String>,
    /// Particles that belong to the reporting verb before its clause ("pointed out the
    /// plan had failed"), from `verb_particles`.
    pub verb_particles: HashSet<String>,
}

impl Cues {
    /// The vocabulary of `lang`, loaded on first use.
    pub fn for_lang(lang: Lang) -> &'static Cues {
        static NL: OnceLock<Cues> = OnceLock::new();
        static EN: OnceLock<Cues> = OnceLock::new();
        static OTHER: OnceLock<Cues> = OnceLock::new();
        match lang {
            Lang::Nl => NL.get_or_init(|| Cues::load("nl")),
            Lang::En => EN.get_or_init(|| Cues::load("en")),
            Lang::Other => OTHER.get_or_init(Cues::default),
        }
    }

    fn load(code: &str) -> Cues {
        let mut verbs = HashMap::new();
        for row in kroniek_lang::table(code, "cue_verbs.txt") {
            let (Some(lemma), Some(forms)) = (row.first(), row.get(1)) else {
                continue;
            };
            let flags: Vec<&str> = row
                .get(2)
                .map(|f| f.split(',').map(str::trim).collect())
                .unwrap_or_default();
            let verb = CueVerb {
                lemma: lemma.to_string(),
                opinion: flags.contains(&"opinion"),
                addressee: flags.contains(&"addressee"),
                participle: false,
                object: flags.contains(&"object"),
            };
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                add_form(&mut verbs, form, verb.clone());
            }
        }
        for row in kroniek_lang::table(code, "cue_participles.txt") {
            let (Some(lemma), Some(forms)) = (row.first(), row.get(1)) else {
                continue;
            };
            let base = verbs.values().find(|v| v.lemma == *lemma).cloned();
            let verb = CueVerb {
                participle: true,
                ..base.unwrap_or(CueVerb {
                    lemma: lemma.to_string(),
                    opinion: false,
                    addressee: false,
                    participle: true,
                    object: false,
                })
            };
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                verbs.insert(form.to_lowercase(), verb.clone());
            }
        }
        let markers = kroniek_lang::table(code, "attribution_markers.txt")
            .into_iter()
            .filter_map(|row| {
                row.first()
                    .map(|m| m.split_whitespace().map(str::to_lowercase).collect())
            })
            .collect();
        let complementizers = kroniek_lang::words(code, "complementizers.txt")
            .into_iter()
            .collect();
        let adverbials = kroniek_lang::words(code, "speaker_adverbials.txt")
            .into_iter()
            .collect();
        let grammar = kroniek_lang::table(code, "quote_grammar.txt");
        let setting = |key: &str| -> Vec<String> {
            grammar
                .iter()
                .filter(|row| row.first() == Some(&key))
                .filter_map(|row| row.get(1))
                .flat_map(|value| value.split_whitespace())
                .map(str::to_lowercase)
                .collect()
        };
        Cues {
            verbs,
            markers,
            complementizers,
            adverbials,
            bare_clauses: setting("bare_clauses") == ["yes"],
            clause_openers: setting("clause_openers").into_iter().collect(),
            finite_verbs: setting("finite_verbs").into_iter().collect(),
            finite_suffixes: setting("finite_suffixes"),
            relative_pronouns: setting("relative_pronouns").into_iter().collect(),
            conjunction: setting("conjunction")
                .into_iter()
                .next()
                .unwrap_or_else(|| "&".to_string()),
            agent_prepositions: setting("agent_prepositions").into_iter().collect(),
            conjunctions: setting("conjunctions").into_iter().collect(),
            document_nouns: setting("document_nouns").into_iter().collect(),
            plural_suffixes: setting("plural_suffixes"),
            speech_nouns: setting("speech_nouns").into_iter().collect(),
            verb_particles: setting("verb_particles").into_iter().collect(),
            plural_verb_suffixes: setting("plural_verb_suffixes"),
        }
    }

    /// Whether `word` may stand between a speaker and its verb (see [`Cues::adverbials`]).
    pub fn is_adverbial(&self, word: &str) -> bool {
        self.adverbials.contains(&word.to_lowercase())
    }

    /// Whether `word` (lowercase) looks like a finite verb form (see [`Cues::finite_verbs`]).
    pub fn is_finite_verb(&self, word: &str) -> bool {
        self.finite_verbs.contains(word)
            || self
                .finite_suffixes
                .iter()
                .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()))
    }

    /// Whether `word` (lowercase) looks like a plural noun (see [`Cues::plural_suffixes`]).
    pub fn is_plural_noun(&self, word: &str) -> bool {
        self.plural_suffixes
            .iter()
            .any(|suffix| word.len() > suffix.len() + 3 && word.ends_with(suffix.as_str()))
            && !self.finite_verbs.contains(word)
    }

    /// Whether `word` (lowercase) is a plural verb form (see [`Cues::plural_verb_suffixes`]).
    pub fn is_plural_verb(&self, word: &str) -> bool {
        self.plural_verb_suffixes
            .iter()
            .any(|suffix| word.ends_with(suffix.as_str()))
    }

    /// The reporting verb `word` is a form of, if any.
    pub fn verb(&self, word: &str) -> Option<&CueVerb> {
        self.verbs.get(&word.to_lowercase())
    }

    /// The number of words of the attribution marker that starts with `words[0]`, if one does.
    pub fn marker_len(&self, words: &[&str]) -> Option<usize> {
        self.markers
            .iter()
            .find(|marker| {
                marker.len() <= words.len()
                    && marker
                        .iter()
                        .zip(words)
                        .all(|(m, w)| m == &w.to_lowercase())
            })
            .map(Vec::len)
    }
}

/// Adds one inflected form. A form shared by a speech verb and an opinion verb counts as speech;
/// one shared with a verb that takes an addressee keeps that.
fn add_form(verbs: &mut HashMap<String, CueVerb>, form: &str, verb: CueVerb) {
    verbs
        .entry(form.to_lowercase())
        .and_modify(|e: &mut CueVerb| {
            e.opinion &= verb.opinion;
            e.addressee |= verb.addressee;
        })
        .or_insert(verb);
}
