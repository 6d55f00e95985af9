//! Snippets: the passage of a document that best matches a query, with the matching words
//! marked by offsets (never by HTML, so a viewer escapes and marks them itself).

use crate::stem::{words, Stems, TextQuery};
use kroniek_text::{CharOffsets, Lang, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};

/// Words in a snippet.
const SNIPPET_WORDS: usize = 32;

/// A passage of a document. All spans are offsets into the document's text: bytes while the
/// store computes them, characters once converted with [`ToCharOffsets`] (as returned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snippet {
    /// Where the passage lies in the document text.
    pub span: Span,
    /// The passage.
    pub text: String,
    /// The words that match the query, inside `span`.
    pub highlights: Vec<Span>,
    /// Whether text was left out before the passage.
    pub cut_before: bool,
    /// Whether text was left out after the passage.
    pub cut_after: bool,
}

impl ToCharOffsets for Snippet {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
        self.highlights.to_char_offsets(map);
    }
}

/// The best passage of `text` for `query` (the start of the text without a query), in
/// character offsets.
pub fn snippet(text: &str, lang: Lang, query: Option<&TextQuery>) -> Snippet {
    let all: Vec<(usize, usize, String)> = words(text).collect();
    let stems = Stems::new(lang);
    let matches: Vec<bool> = all
        .iter()
        .map(|(_, _, word)| query.is_some_and(|q| is_match(q, &stems, word)))
        .collect();
    let first = best_window(&matches);
    let last = (first + SNIPPET_WORDS).min(all.len());
    let mut result = match (all.get(first), last.checked_sub(1).and_then(|l| all.get(l))) {
        (Some(a), Some(b)) => {
            let span = Span::new(a.0, b.1);
            Snippet {
                span,
                text: text[span.start..span.end].to_string(),
                highlights: (first..last)
                    .filter(|&i| matches[i])
                    .map(|i| Span::new(all[i].0, all[i].1))
                    .collect(),
                cut_before: first > 0,
                cut_after: last < all.len(),
            }
        }
        _ => Snippet {
            span: Span::default(),
            text: String::new(),
            highlights: Vec::new(),
            cut_before: false,
            cut_after: !text.is_empty(),
        },
    };
    result.to_char_offsets(&CharOffsets::new(text));
    result
}

/// Whether a word of the document matches the query.
fn is_match(query: &TextQuery, stems: &Stems, word: &str) -> bool {
    query.highlight.contains(word)
        || query.highlight.contains(&stems.stem(word))
        || query.prefixes.iter().any(|p| word.starts_with(p.as_str()))
}

/// The first word of the window of [`SNIPPET_WORDS`] words with the most matches, starting a
/// few words before its first match for context.
fn best_window(matches: &[bool]) -> usize {
    let mut best = (0, 0);
    let mut count = 0;
    for i in 0..matches.len() {
        count += usize::from(matches[i]);
        if i >= SNIPPET_WORDS {
            count -= usize::from(matches[i - SNIPPET_WORDS]);
        }
        let start = (i + 1).saturating_sub(SNIPPET_WORDS);
        if count > best.1 {
            best = (start, count);
        }
    }
    if best.1 == 0 {
        return 0;
    }
    let first_match = (best.0..matches.len())
        .find(|&i| matches[i])
        .unwrap_or(best.0);
    first_match.saturating_sub(4).max(best.0.saturating_sub(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::parse_query;

    #[test]
    fn snippet_marks_stemmed_matches_in_characters() {
        let text = "Één zin vooraf. De woning brandde af.";
        let query = parse_query("woningen").unwrap().unwrap();
        let found = snippet(text, Lang::Nl, Some(&query));
        assert_eq!(found.highlights.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        let h = found.highlights[0];
        assert_eq!(chars[h.start..h.end].iter().collect::<String>(), "woning");
    }

    #[test]
    fn snippet_without_query_is_the_start() {
        let found = snippet("Kort bericht.", Lang::Nl, None);
        assert_eq!(found.text, "Kort bericht");
        assert!(!found.cut_before);
        assert!(snippet("", Lang::Nl, None).text.is_empty());
    }
}
