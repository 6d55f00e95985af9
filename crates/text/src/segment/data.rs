//! The language data the segmenter uses, loaded once per language from `lang/<code>/`.

use crate::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Word lists for one language, all in lower case.
#[derive(Debug, Default)]
pub(super) struct SegmentData {
    /// Abbreviations after which a sentence does not end ("dr.", "o.a."), with their periods.
    pub abbreviations: HashSet<String>,
    /// Abbreviations after which a sentence may end ("enz.", "Inc."), with their periods.
    pub final_abbreviations: HashSet<String>,
    /// Frequent lower-case words; capitalised after an initial they start a sentence.
    pub common_words: HashSet<String>,
    /// Family-name particles ("van", "de") that continue a name after an initial.
    pub name_particles: HashSet<String>,
    /// Short forms taking a leading apostrophe ("s" in "’s avonds").
    pub clitics: HashSet<String>,
    /// Articles ("de", "the"): a capital after article and noun starts a title, not a sentence.
    pub articles: HashSet<String>,
    /// Letters that stay attached to a number ("e" in "3e", "th" in "4th").
    pub number_suffixes: HashSet<String>,
}

impl SegmentData {
    /// The data for `lang`; [`Lang::Other`] gets the Dutch and English lists together.
    pub fn get(lang: Lang) -> &'static SegmentData {
        static NL: OnceLock<SegmentData> = OnceLock::new();
        static EN: OnceLock<SegmentData> = OnceLock::new();
        static OTHER: OnceLock<SegmentData> = OnceLock::new();
        match lang {
            Lang::Nl => NL.get_or_init(|| SegmentData::load(&["nl"])),
            Lang::En => EN.get_or_init(|| SegmentData::load(&["en"])),
            Lang::Other => OTHER.get_or_init(|| SegmentData::load(&["nl", "en"])),
        }
    }

    /// Reads the lists of the given language codes and merges them.
    fn load(codes: &[&str]) -> SegmentData {
        let read = |name: &str| -> HashSet<String> {
            codes
                .iter()
                .flat_map(|code| kroniek_lang::list(code, name))
                .map(str::to_lowercase)
                .collect()
        };
        let final_abbreviations = read("segment-final-abbreviations.txt");
        let mut abbreviations = read("abbreviations.txt");
        abbreviations.retain(|a| !final_abbreviations.contains(a));
        SegmentData {
            abbreviations,
            final_abbreviations,
            common_words: read("segment-common-words.txt"),
            name_particles: read("segment-name-particles.txt"),
            clitics: read("segment-clitics.txt"),
            articles: read("segment-articles.txt"),
            number_suffixes: read("segment-number-suffixes.txt"),
        }
    }

    /// Whether `word_with_period` (for instance "Dr.") is a known abbreviation of either kind.
    pub fn is_abbreviation(&self, word_with_period: &str) -> bool {
        let lower = word_with_period.to_lowercase();
        self.abbreviations.contains(&lower) || self.final_abbreviations.contains(&lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_in_lower_case() {
        let nl = SegmentData::get(Lang::Nl);
        assert!(nl.is_abbreviation("Dr."));
        assert!(nl.is_abbreviation("o.a."));
        assert!(nl.final_abbreviations.contains("enz."));
        assert!(!nl.abbreviations.contains("enz."));
        assert!(nl.common_words.contains("het"));
        let en = SegmentData::get(Lang::En);
        assert!(en.is_abbreviation("Mr."));
        assert!(en.final_abbreviations.contains("inc."));
        let other = SegmentData::get(Lang::Other);
        assert!(other.is_abbreviation("mevr.") && other.is_abbreviation("mrs."));
    }
}
