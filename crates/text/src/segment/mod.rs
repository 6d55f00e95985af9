//! Segmentation: paragraphs, sentences and tokens.
//!
//! The first stage of the pipeline; every later stage reads its output.

use crate::{Lang, Span};
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

/// Splits `text` into paragraphs, sentences and tokens, using the abbreviations of `lang`.
pub fn segment(text: &str, lang: Lang) -> Segmentation {
    let _ = lang;
    let tokens = tokenize(text);
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::new();
    let mut first = 0;
    for (i, token) in tokens.iter().enumerate() {
        let s = token.span.of(text);
        let next_starts_new =
            tokens.get(i + 1).is_none_or(|next| {
                let gap = &text[token.span.end..next.span.start];
                !gap.is_empty()
                    && (gap.contains("\n")
                        || next.span.of(text).chars().next().is_some_and(|c| {
                            c.is_uppercase() || matches!(next.kind, TokenKind::Quote)
                        }))
            });
        let ender = matches!(s, "." | "!" | "?" | "…")
            || tokens
                .get(i + 1)
                .is_some_and(|n| text[token.span.end..n.span.start].contains("\n\n"));
        let ender = ender || tokens.get(i + 1).is_none();
        if ender && next_starts_new {
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start, token.span.end),
                first_token: first,
                end_token: i + 1,
            });
            first = i + 1;
        }
    }
    Segmentation {
        paragraphs,
        sentences,
        tokens,
    }
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = None;
    let mut last_end = 0;
    let mut blank_run = false;
    for (at, line) in text.split_inclusive('\n').scan(0, |pos, l| {
        let at = *pos;
        *pos += l.len();
        Some((at, l))
    }) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_run = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let line_start = at + lead;
        let line_end = at + line.trim_end().len();
        if blank_run {
            if let Some(s) = start.take() {
                out.push(Paragraph {
                    span: Span::new(s, last_end),
                });
            }
        }
        blank_run = false;
        if start.is_none() {
            start = Some(line_start);
        }
        last_end = line_end;
    }
    if let Some(s) = start {
        out.push(Paragraph {
            span: Span::new(s, last_end),
        });
    }
    out
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        if ch.is_alphanumeric() {
            let mut end = at + ch.len_utf8();
            let mut digits = ch.is_numeric();
            while let Some(&(next_at, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    end = next_at + next.len_utf8();
                    digits &= next.is_numeric();
                    chars.next();
                    continue;
                }
                if matches!(next, '’' | '\'' | '-' | '.' | ',') {
                    let after = text[next_at + next.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphanumeric())
                        && (!matches!(next, '.' | ',') || digits)
                    {
                        end = next_at + next.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            let kind = if text[at..end].chars().next().is_some_and(|c| c.is_numeric()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(at, end),
                kind,
            });
        } else {
            let kind = if matches!(
                ch,
                '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '«' | '»' | '‹' | '›'
            ) {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                span: Span::new(at, at + ch.len_utf8()),
                kind,
            });
        }
    }
    out
}
