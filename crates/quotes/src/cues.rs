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
}

/// The reporting vocabulary of one language, from `lang/<code>/cue_verbs.txt`,
/// `attribution_markers.txt` and `complementizers.txt`.
#[derive(Debug, Default)]
pub struct Cues {
    verbs: HashMap<String, CueVerb>,
    /// Attribution markers as lowercase word sequences; the speaker follows them.
    pub markers: Vec<Vec<String>>,
    /// Words that open a content clause.
    pub complementizers: HashSet<String>,
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
            let opinion = row.get(2).is_some_and(|flag| *flag == "opinion");
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let entry = CueVerb {
                    lemma: lemma.to_string(),
                    opinion,
                };
                // A form shared by a speech verb and an opinion verb counts as speech.
                verbs
                    .entry(form.to_lowercase())
                    .and_modify(|e: &mut CueVerb| e.opinion &= opinion)
                    .or_insert(entry);
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
        Cues {
            verbs,
            markers,
            complementizers,
        }
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
