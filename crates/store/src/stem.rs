//! Words and stems for the full-text index: the same functions index documents and parse
//! queries, so "woningen" in a query finds "woning" in a text.
//!
//! A word is a run of alphanumeric characters, lowercased. A document's words are stemmed with
//! the Snowball stemmer of its language (Dutch or English; other languages keep the lowercase
//! word). A query word is matched in every form it could have been indexed under: its Dutch
//! stem, its English stem and itself.

use crate::StoreError;
use kroniek_text::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;

/// Longest word indexed, in bytes: longer runs are noise (hashes, base64) and are skipped.
const MAX_WORD_BYTES: usize = 64;

/// The words of `text` with their byte offsets, lowercased.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, first) = chars.next()?;
        if !first.is_alphanumeric() {
            continue;
        }
        let mut end = start + first.len_utf8();
        while let Some(&(at, ch)) = chars.peek() {
            if !ch.is_alphanumeric() {
                break;
            }
            end = at + ch.len_utf8();
            chars.next();
        }
        if end - start <= MAX_WORD_BYTES {
            return Some((start, end, text[start..end].to_lowercase()));
        }
    })
}

/// The stemmer of a language, if it has one.
fn stemmer(lang: Lang) -> Option<Stemmer> {
    match lang {
        Lang::Nl => Some(Stemmer::create(Algorithm::Dutch)),
        Lang::En => Some(Stemmer::create(Algorithm::English)),
        Lang::Other => None,
    }
}

/// Stems words of one language.
pub struct Stems {
    stemmer: Option<Stemmer>,
}

impl Stems {
    /// The stemmer for documents in `lang`.
    pub fn new(lang: Lang) -> Stems {
        Stems {
            stemmer: stemmer(lang),
        }
    }

    /// The indexed form of a lowercase word.
    pub fn stem(&self, word: &str) -> String {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word).into_owned(),
            None => word.to_string(),
        }
    }
}

/// The text the full-text index holds for a document: its stemmed words, space-separated.
pub fn index_text(lang: Lang, title: Option<&str>, text: &str) -> String {
    let stems = Stems::new(lang);
    let mut out = String::with_capacity(text.len());
    for part in title.into_iter().chain([text]) {
        for (_, _, word) in words(part) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&stems.stem(&word));
        }
    }
    out
}

/// Every form a query word may have been indexed under.
fn forms(word: &str) -> BTreeSet<String> {
    let mut forms = BTreeSet::new();
    forms.insert(word.to_string());
    for lang in [Lang::Nl, Lang::En] {
        forms.insert(Stems::new(lang).stem(word));
    }
    forms
}

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq)]
enum Clause {
    /// Words that must appear in this order.
    Phrase(Vec<String>),
    /// A word prefix (`woning*`), matched without stemming.
    Prefix(String),
}

/// A parsed full-text query: the FTS5 expression and what to highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct TextQuery {
    /// The FTS5 MATCH expression over stemmed words.
    pub fts: String,
    /// Index forms to highlight (stems and lowercase words).
    pub highlight: BTreeSet<String>,
    /// Lowercase prefixes to highlight.
    pub prefixes: Vec<String>,
}

/// Parses a user query: words (all must appear), `"phrases"`, `-excluded` words or phrases,
/// `prefix*`. Returns `None` when the query has no words at all.
pub fn parse_query(query: &str) -> Result<Option<TextQuery>, StoreError> {
    let (positive, negative) = clauses(query)?;
    if positive.is_empty() {
        if negative.is_empty() {
            return Ok(None);
        }
        return Err(StoreError::BadQuery(
            "a query needs at least one word that is not excluded with -".to_string(),
        ));
    }
    let mut highlight = BTreeSet::new();
    let mut prefixes = Vec::new();
    for clause in &positive {
        match clause {
            Clause::Phrase(words) => words.iter().for_each(|w| highlight.extend(forms(w))),
            Clause::Prefix(prefix) => prefixes.push(prefix.clone()),
        }
    }
    let mut fts = positive
        .iter()
        .map(clause_expression)
        .collect::<Vec<_>>()
        .join(" AND ");
    if !negative.is_empty() {
        let excluded: Vec<String> = negative.iter().map(clause_expression).collect();
        fts = format!("({fts}) NOT ({})", excluded.join(" OR "));
    }
    Ok(Some(TextQuery {
        fts,
        highlight,
        prefixes,
    }))
}

/// Splits a query into positive and negative clauses.
fn clauses(query: &str) -> Result<(Vec<Clause>, Vec<Clause>), StoreError> {
    let mut positive = Vec::new();
    let mut negative = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        let excluded = rest.starts_with('-');
        if excluded {
            rest = &rest[1..];
        }
        let (clause, after) = if let Some(inner) = rest.strip_prefix('"') {
            let end = inner.find('"').ok_or_else(|| {
                StoreError::BadQuery("a phrase opened with \" is never closed".to_string())
            })?;
            let words: Vec<String> = words(&inner[..end]).map(|(_, _, w)| w).collect();
            (
                (!words.is_empty()).then_some(Clause::Phrase(words)),
                &inner[end + 1..],
            )
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (bare_clause(&rest[..end]), &rest[end..])
        };
        match clause {
            Some(clause) if excluded => negative.push(clause),
            Some(clause) => positive.push(clause),
            None => {}
        }
        rest = after.trim_start();
    }
    Ok((positive, negative))
}

/// A clause from one unquoted token: a prefix when it ends in `*`, else its words as a phrase
/// ("Oost-Syrische" is the phrase "oost syrische", as it is indexed).
fn bare_clause(token: &str) -> Option<Clause> {
    let found: Vec<String> = words(token).map(|(_, _, w)| w).collect();
    if token.ends_with('*') && found.len() == 1 {
        return found.into_iter().next().map(Clause::Prefix);
    }
    (!found.is_empty()).then_some(Clause::Phrase(found))
}

/// The FTS5 expression of one clause: each language's stemming of the phrase, OR-ed.
fn clause_expression(clause: &Clause) -> String {
    match clause {
        Clause::Prefix(prefix) => format!("\"{prefix}\"*"),
        Clause::Phrase(words) => {
            let mut variants = BTreeSet::new();
            variants.insert(words.join(" "));
            for lang in [Lang::Nl, Lang::En] {
                let stems = Stems::new(lang);
                let stemmed: Vec<String> = words.iter().map(|w| stems.stem(w)).collect();
                variants.insert(stemmed.join(" "));
            }
            let quoted: Vec<String> = variants.iter().map(|v| format!("\"{v}\"")).collect();
            if quoted.len() == 1 {
                quoted.concat()
            } else {
                format!("({})", quoted.join(" OR "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_plural_and_singular_share_a_stem() {
        let nl = Stems::new(Lang::Nl);
        assert_eq!(nl.stem("woningen"), nl.stem("woning"));
        assert_eq!(index_text(Lang::Nl, None, "De woningen."), "de woning");
    }

    #[test]
    fn words_have_byte_offsets() {
        let found: Vec<_> = words("Één, twee-drie").collect();
        assert_eq!(found[0], (0, 5, "één".to_string()));
        assert_eq!(found[2].2, "drie");
    }

    #[test]
    fn query_parses_phrases_prefixes_and_exclusions() {
        let parsed = parse_query("woningen \"de dijk\" storm* -brand")
            .unwrap()
            .unwrap();
        assert!(parsed.fts.contains("\"woning\""), "{}", parsed.fts);
        assert!(parsed.fts.contains("\"storm\"*"));
        assert!(parsed.fts.contains("NOT"));
        assert!(parsed.highlight.contains("dijk"));
        assert!(parse_query("  ").unwrap().is_none());
        assert!(parse_query("-alleen").is_err());
        assert!(parse_query("\"open").is_err());
        assert!(parse_query("*** ()").unwrap().is_none());
    }
}
