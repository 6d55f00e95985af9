//! The document model every Kroniek stage reads: the text, its metadata, its language, and its
//! segmentation into paragraphs, sentences and tokens.
//!
//! Inside Kroniek every position is a **byte** offset into [`Document::text`] (cheap to slice in
//! Rust). Every output converts them to **character** offsets (as Python's `str` counts them)
//! with [`CharOffsets`], so a reader's tools can check each fact against the text.

pub mod document;
pub mod langid;
pub mod offsets;
pub mod segment;
pub mod span_index;

pub use document::{Document, Lang, Meta};
pub use offsets::{CharOffsets, ToCharOffsets};
pub use segment::{segment, Paragraph, Segmentation, Sentence, Token, TokenKind};
pub use span_index::SpanIndex;

/// Some words of the text with their span: what every layer uses for a cue, a mention, a
/// counted noun or a trigger, so that a reader sees the words and can check them at their
/// offsets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Words {
    /// Where they are.
    pub span: Span,
    /// What they say, as written.
    pub text: String,
}

impl Words {
    /// The words of `text` at `span` (bytes; empty when the span is not on character bounds).
    pub fn at(text: &str, span: Span) -> Words {
        Words {
            span,
            text: text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
        }
    }
}

impl ToCharOffsets for Words {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

/// A half-open byte range `start..end` into a document's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
