//! Segmentation: paragraphs, sentences and tokens.
//!
//! The first stage of the pipeline; every later stage reads its output.
//!
//! - Paragraphs are separated by blank lines; a text without blank lines has one paragraph per
//!   line (see [`paragraphs`]).
//! - Tokens keep words whole across inner apostrophes and hyphens ("zo’n", "Oost-Syrische"),
//!   numbers across their separators ("1.000,5"), abbreviations and initials with their period
//!   ("o.a.", "E."); every quotation mark, including ",," and "''", is a [`TokenKind::Quote`].
//! - Sentences end at an end mark (with the closing quotes and brackets after it) before a
//!   capital, digit or opening quote, never after a listed abbreviation, after an initial only
//!   before a capitalised common word, and always at the end of a paragraph.
//!
//! The abbreviation and word lists come from `lang/<code>/abbreviations.txt` and
//! `lang/<code>/segment-*.txt`.

mod data;
mod paragraphs;
mod sentences;
mod tokens;

use crate::{CharOffsets, Lang, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots (zo’n, Oost-Syrische, o.a.).
    Word,
    /// Digits with their separators (70, 1.000,5, 3/14/2019).
    Number,
    /// A quotation mark (opening or closing, any style).
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence: its span and the range of its tokens in [`Segmentation::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first to the last character of the sentence (no surrounding whitespace).
    pub span: Span,
    /// Index of the sentence's first token.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// One paragraph: text between blank lines (or, for single-line paragraphs, between newlines
/// when the text uses no blank lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// From the first to the last character of the paragraph.
    pub span: Span,
}

/// The segmentation layer of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; they never cross a paragraph boundary.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

impl Segmentation {
    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let sentence = &self.sentences[index];
        &self.tokens[sentence.first_token..sentence.end_token]
    }

    /// The index of the sentence that contains byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.span.end <= at);
        (index < self.sentences.len() && self.sentences[index].span.start <= at).then_some(index)
    }

    /// The index of the paragraph that contains byte `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let index = self.paragraphs.partition_point(|p| p.span.end <= at);
        (index < self.paragraphs.len() && self.paragraphs[index].span.start <= at).then_some(index)
    }
}

/// Splits `text` into paragraphs, sentences and tokens, using the word lists of `lang`
/// ([`Lang::Other`] uses the Dutch and English lists together).
///
/// Never panics; an empty or blank text gives an empty segmentation.
pub fn segment(text: &str, lang: Lang) -> Segmentation {
    let data = data::SegmentData::get(lang);
    let paragraphs = paragraphs::paragraphs(text);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::with_capacity(text.len() / 100);
    for paragraph in &paragraphs {
        let first = tokens.len();
        tokens::Tokenizer::new(paragraph.span.of(text), paragraph.span.start, data)
            .run(&mut tokens);
        sentences::Splitter::new(text, paragraph.span, &tokens[first..], data)
            .run(first, &mut sentences);
    }
    Segmentation {
        paragraphs,
        sentences,
        tokens,
    }
}

impl ToCharOffsets for Token {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for Sentence {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for Paragraph {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for Segmentation {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.paragraphs.to_char_offsets(map);
        self.sentences.to_char_offsets(map);
        self.tokens.to_char_offsets(map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn sentences_hold_their_tokens_and_stay_in_paragraphs() {
        let text = "Exodus\n\n“Het is een exodus. Je kunt hier kijken.” Mensen slepen tassen mee.";
        let seg = segment(text, Lang::Nl);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentences.len(), 4);
        for (index, sentence) in seg.sentences.iter().enumerate() {
            let tokens = seg.sentence_tokens(index);
            assert_eq!(
                tokens.first().map(|t| t.span.start),
                Some(sentence.span.start)
            );
            assert_eq!(tokens.last().map(|t| t.span.end), Some(sentence.span.end));
            let paragraph = seg
                .paragraph_at(sentence.span.start)
                .map(|p| seg.paragraphs[p].span);
            assert!(paragraph.is_some_and(|p| p.contains(sentence.span)));
        }
        let ends: Vec<usize> = seg.sentences.iter().map(|s| s.end_token).collect();
        let starts: Vec<usize> = seg
            .sentences
            .iter()
            .skip(1)
            .map(|s| s.first_token)
            .collect();
        assert_eq!(&ends[..ends.len() - 1], &starts[..]);
        assert_eq!(ends.last(), Some(&seg.tokens.len()));
    }

    /// Throughput on the seed text repeated to 20 MB (or a built-in sample without shared data).
    /// Run with `cargo test -p kroniek-text --release -- --ignored throughput --nocapture`.
    #[test]
    #[ignore = "a measurement, meaningful only in release builds"]
    fn throughput() {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seeds/000_7c833daf2335ffcf.txt");
        let sample = std::fs::read_to_string(seed).unwrap_or_else(|_| {
            "“Het is een exodus, zo’n 1.000 mensen”, zegt E. van Wessel o.a. in Syrië. Ja!\n\n"
                .to_string()
        });
        let text = sample.repeat(20_000_000 / sample.len().max(1) + 1);
        let started = std::time::Instant::now();
        let seg = segment(&text, Lang::Nl);
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = text.len() as f64 / 1e6;
        println!(
            "{megabytes:.1} MB, {} tokens, {} sentences in {seconds:.3} s: {:.1} MB/s",
            seg.tokens.len(),
            seg.sentences.len(),
            megabytes / seconds
        );
    }

    #[test]
    fn empty_text_has_nothing() {
        assert_eq!(segment("", Lang::Nl), Segmentation::default());
        assert_eq!(segment(" \n\n ", Lang::En), Segmentation::default());
    }

    #[test]
    fn char_offsets_convert_every_span() {
        let text = "“Zo’n ding.” Ja.";
        let mut seg = segment(text, Lang::Nl);
        seg.to_char_offsets(&CharOffsets::new(text));
        assert_eq!(seg.sentences[0].span, Span::new(0, 12));
        assert_eq!(seg.tokens[1].span, Span::new(1, 5));
        assert_eq!(seg.paragraphs[0].span, Span::new(0, 16));
    }

    /// Random strings over the characters the rules care about: no panic, and the layers stay
    /// consistent (tokens ordered and inside paragraphs, sentences covering them in order).
    #[test]
    fn random_texts_keep_the_invariants() {
        const ALPHABET: &[char] = &[
            'a', 'Z', 'e', 's', 'h', 't', 'p', 'w', '.', ',', '\'', '’', '‘', '"', '“', '”', '„',
            '«', '-', '1', '0', ' ', ' ', '\n', '\r', '…', '!', '?', '(', ')', '@', '/', ':', 'é',
            '\u{301}', '😀', '\u{2029}', '\u{ad}', '\u{200b}', '&', '#', '_',
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            for lang in [Lang::Nl, Lang::En] {
                check_invariants(&text, &segment(&text, lang));
            }
        }
    }

    fn check_invariants(text: &str, seg: &Segmentation) {
        let mut previous_end = 0;
        for token in &seg.tokens {
            assert!(!token.span.is_empty(), "{text:?}");
            assert!(token.span.start >= previous_end, "{text:?}");
            assert!(text.is_char_boundary(token.span.start), "{text:?}");
            assert!(text.is_char_boundary(token.span.end), "{text:?}");
            assert!(seg.paragraph_at(token.span.start).is_some(), "{text:?}");
            previous_end = token.span.end;
        }
        let mut next_token = 0;
        for sentence in &seg.sentences {
            assert_eq!(sentence.first_token, next_token, "{text:?}");
            assert!(sentence.end_token > sentence.first_token, "{text:?}");
            next_token = sentence.end_token;
        }
        assert_eq!(next_token, seg.tokens.len(), "{text:?}");
    }

    #[test]
    fn never_panics_and_spans_fall_on_char_boundaries() {
        let samples = [
            "",
            "'",
            "’’’",
            ",,,,",
            "....",
            "…",
            "1.",
            "a.b.c.d.",
            "E.",
            "'s",
            "’80s",
            "x@y",
            "http://",
            "www.",
            "\u{301}é.",
            "Ë. Ä. Ö.",
            "😀. 😀!",
            "\r\n\r\n.",
            "\u{2029}",
            "1.000.000,5.",
            "(.)",
            "\"\".",
            "a-",
            "-a",
            "&",
            "A&",
            "#",
            "@a",
            "’s-",
            "3-",
            "5G.",
        ];
        for text in samples {
            for lang in [Lang::Nl, Lang::En, Lang::Other] {
                let seg = segment(text, lang);
                for token in &seg.tokens {
                    assert!(text.is_char_boundary(token.span.start), "{text:?}");
                    assert!(text.is_char_boundary(token.span.end), "{text:?}");
                    assert!(!token.span.is_empty(), "{text:?}");
                }
            }
        }
    }
}
