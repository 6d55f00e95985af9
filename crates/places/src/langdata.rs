//! The language files the geocoder reads from `lang/<code>/`: demonyms, compass prefixes,
//! name aliases, a stoplist and name particles. See each file's header for its format.

use crate::normalize::normalize;
use std::collections::{HashMap, HashSet};

/// Languages whose data folders the gazetteer reads.
pub(crate) const LANGS: [&str; 2] = ["nl", "en"];

/// One demonym or adjective form and what it points to, before targets are resolved.
#[derive(Debug, Clone)]
pub(crate) struct DemonymForm {
    /// The form as written in the file ("Syrische").
    pub form: &'static str,
    /// The target: an ISO code ("SY"), or a name with an optional `|CC` ("Utrecht|NL").
    pub target: &'static str,
    /// Whether the form is also a given name ("Frans"), so it is skipped before a capitalised word.
    pub given_name: bool,
}

/// Reads `demonyms.txt` of `code`: `TARGET<TAB>form<TAB>form…`; a form ending in `*` is also a
/// given name.
pub(crate) fn demonyms(code: &str) -> Vec<DemonymForm> {
    let mut out = Vec::new();
    for row in kroniek_lang::table(code, "demonyms.txt") {
        let Some((target, forms)) = row.split_first() else {
            continue;
        };
        for form in forms.iter().filter(|f| !f.is_empty()) {
            let given_name = form.ends_with('*');
            out.push(DemonymForm {
                form: form.trim_end_matches('*'),
                target,
                given_name,
            });
        }
    }
    out
}

/// Compass and position prefixes of `code` ("Noord", "Oost", "northern"), longest first,
/// lowercased.
pub(crate) fn compass(code: &str) -> Vec<String> {
    let mut out: Vec<String> = kroniek_lang::list(code, "places_compass.txt")
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

/// A normalised word set from `lang/<code>/<file>`.
pub(crate) fn word_set(code: &str, file: &str) -> HashSet<String> {
    kroniek_lang::list(code, file)
        .into_iter()
        .map(normalize)
        .collect()
}

/// Aliases of `code`: `alias<TAB>target` rows, target as in the demonym file.
pub(crate) fn aliases(code: &str) -> Vec<(&'static str, &'static str)> {
    kroniek_lang::table(code, "places_aliases.txt")
        .into_iter()
        .filter_map(|row| Some((*row.first()?, *row.get(1)?)))
        .collect()
}

/// Per-language word sets, keyed by language code.
pub(crate) type PerLang<T> = HashMap<&'static str, T>;

/// Strips a compass prefix from `surface` ("Oost-Syrische" → "Syrische", "northern Syria" →
/// "Syria"), returning the byte offset where the rest starts.
pub(crate) fn strip_compass(surface: &str, prefixes: &[String]) -> Option<usize> {
    // Most words have no separator at all and so no compass prefix: answer them at once.
    if !surface.contains(['-', ' ', '‐', '‑']) {
        return None;
    }
    for prefix in prefixes {
        let Some(head) = surface.get(..prefix.len()) else {
            continue;
        };
        if !lowercases_to(head, prefix) {
            continue;
        }
        let rest = &surface[prefix.len()..];
        let sep = rest.chars().next()?;
        if matches!(sep, '-' | ' ' | '‐' | '‑') {
            let start = prefix.len() + sep.len_utf8();
            let remaining = surface[start..].trim_start();
            if remaining.chars().next().is_some_and(char::is_alphabetic) {
                return Some(surface.len() - remaining.len());
            }
        }
    }
    None
}

/// Whether `head` lowercased is `lower` (a lowercase prefix). ASCII text, nearly all of it, is
/// compared in place; only other text is lowercased into a new string.
fn lowercases_to(head: &str, lower: &str) -> bool {
    head.eq_ignore_ascii_case(lower) || (!head.is_ascii() && head.to_lowercase() == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_compass_prefixes() {
        let prefixes = vec![
            "noordoost".to_string(),
            "oost".to_string(),
            "northern".to_string(),
        ];
        assert_eq!(strip_compass("Oost-Syrische", &prefixes), Some(5));
        assert_eq!(strip_compass("Noordoost-Syrië", &prefixes), Some(10));
        assert_eq!(strip_compass("northern Syria", &prefixes), Some(9));
        assert_eq!(strip_compass("Oostende", &prefixes), None);
        assert_eq!(strip_compass("Oost-", &prefixes), None);
        assert_eq!(strip_compass("Ö", &prefixes), None);
        let accented = vec!["żółte".to_string()];
        assert_eq!(strip_compass("ŻÓŁTE-Morze", &accented), Some(9));
    }

    #[test]
    fn language_files_load() {
        for code in LANGS {
            assert!(demonyms(code).len() > 100, "{code}");
            assert!(!compass(code).is_empty(), "{code}");
        }
    }
}
