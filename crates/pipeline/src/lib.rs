//! The pipeline: runs Kroniek's stages over one document, in order, and assembles the
//! [`Analysis`] that leaves Kroniek.
//!
//! ```text
//! Document -> segment -> entities -> quotes -> Analysis (character offsets)
//! ```
//!
//! Stages communicate only through their public layer types. Inside, offsets are bytes; the
//! last step converts every span to character offsets (Unicode scalar values, as Python's `str`
//! indexes text), which is what every output of Kroniek gives.

use kroniek_entities::{find_entities, Entity, EntityKind, TypedName};
use kroniek_ner::{NameKind, Tagger};
pub use kroniek_quotes::{find_quotes, Quote, QuoteKind};
use kroniek_text::{segment, CharOffsets, Document, Lang, Meta, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};

/// The version of the output format; it changes whenever a field changes meaning or goes.
pub const SCHEMA_VERSION: &str = "0.1.0";

/// The JSON Schema of [`Analysis`], as published by `kroniek schema`.
pub const SCHEMA: &str = include_str!("../schema/analysis.schema.json");

/// What Kroniek says about one document. Every `start`/`end` is a character offset into
/// `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// [`SCHEMA_VERSION`] of the producing Kroniek.
    pub schema_version: String,
    /// Always `"characters"`: offsets count Unicode scalar values, as Python's `str` does.
    pub offsets: String,
    /// The document's identifier.
    pub id: String,
    /// The language the stages used.
    pub lang: Lang,
    /// Title, url, publication date, outlet.
    pub meta: Meta,
    /// The text every offset points into, unchanged from the input.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// People, organisations, places and other named things, with their mentions.
    pub entities: Vec<Entity>,
    /// Direct and indirect quotations with cue and speaker.
    pub quotes: Vec<Quote>,
}

/// Runs every stage over `document` and returns its analysis in character offsets.
pub fn analyse(document: &Document) -> Analysis {
    let text = document.text.as_str();
    let lang = document.lang;
    let segmentation = segment(text, lang);
    let typed = tag_names(text, &segmentation, lang);
    let entities = find_entities(text, &segmentation, lang, &typed);
    let quotes = find_quotes(text, &segmentation, lang, &entities);
    let mut analysis = Analysis {
        schema_version: SCHEMA_VERSION.to_string(),
        offsets: "characters".to_string(),
        id: document.id.clone(),
        lang,
        meta: document.meta.clone(),
        text: document.text.clone(),
        paragraphs: segmentation.paragraphs.iter().map(|p| p.span).collect(),
        sentences: segmentation.sentences.iter().map(|s| s.span).collect(),
        entities: entities.entities,
        quotes,
    };
    analysis.to_char_offsets(&CharOffsets::new(text));
    analysis
}

/// The names the statistical tagger of `lang` finds, if the language has a model.
fn tag_names(text: &str, segmentation: &kroniek_text::Segmentation, lang: Lang) -> Vec<TypedName> {
    let Some(tagger) = Tagger::builtin(lang) else {
        return Vec::new();
    };
    tagger
        .tag(text, segmentation)
        .into_iter()
        .map(|mention| TypedName {
            span: mention.span,
            kind: match mention.kind {
                NameKind::Person => EntityKind::Person,
                NameKind::Organisation => EntityKind::Organisation,
                NameKind::Location => EntityKind::Location,
                NameKind::Misc => EntityKind::Misc,
            },
        })
        .collect()
}

impl ToCharOffsets for Analysis {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.paragraphs.to_char_offsets(map);
        self.sentences.to_char_offsets(map);
        self.entities.to_char_offsets(map);
        self.quotes.to_char_offsets(map);
    }
}
