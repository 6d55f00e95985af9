//! Quotations: who said what.
//!
//! Finds direct quotations (between quotation marks of any style, nested, interrupted by their
//! attribution or continued over paragraphs) and indirect ones (a reporting verb with a content
//! clause, "volgens X", "…, aldus X"), and gives each its reporting verb (the cue) and its
//! speaker: a name next to the cue, a pronoun resolved to the person it stands for, a short
//! description ("een woordvoerder van de politie"), or, for quotations with no cue, the speaker
//! the surrounding sentences establish.

mod cues;
mod direct;
mod indirect;
mod marks;
mod phrases;
mod speakers;

use kroniek_entities::Entities;
pub use kroniek_text::Words;
use kroniek_text::{CharOffsets, Lang, Segmentation, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};

pub use cues::{CueVerb, Cues};
pub use marks::{find_pairs, Pair, Weight};

/// Whether a quotation reproduces the words (direct) or reports them (indirect).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The speaker's words, between quotation marks.
    Direct,
    /// A paraphrase after a reporting verb or an attribution marker.
    Indirect,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// A name next to the cue.
    Name,
    /// A pronoun next to the cue, resolved to the person or group it stands for.
    Pronoun,
    /// A description next to the cue ("de politie"); when it refers back to a person named
    /// before ("de fotograaf"), that person.
    Description,
    /// No cue: the person the sentence before the quotation is about.
    Context,
    /// No cue: the speaker of the quotation just before, which this one continues.
    PreviousQuote,
}

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name the document gives, or the description when there is no name.
    pub name: String,
    /// Whether `name` is a name (of a person or an organisation) rather than a description.
    pub named: bool,
    /// The entity (index into the entities layer), when the speaker is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The words that point to the speaker near the quotation ("hij", "Van Wessel"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Words>,
    /// How the speaker was found.
    pub resolution: Resolution,
}

impl ToCharOffsets for Speaker {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.mention.to_char_offsets(map);
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index in the quotes layer.
    pub id: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The quoted or reported words: for a direct quotation the text between the marks, for an
    /// indirect one the content clause.
    pub span: Span,
    /// The quoted words as text.
    pub text: String,
    /// The reporting verb or attribution marker, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Words>,
    /// Who said it, when it can be known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// For a quotation inside another one, the id of the outer quotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_in: Option<usize>,
}

impl ToCharOffsets for Quote {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
        self.cue.to_char_offsets(map);
        self.speaker.to_char_offsets(map);
    }
}

/// Finds the quotations of a document, with cues and speakers.
pub fn find_quotes(
    text: &str,
    segmentation: &Segmentation,
    lang: Lang,
    entities: &Entities,
) -> Vec<Quote> {
    let context = phrases::Context::new(text, segmentation, lang, entities);
    let mut quotes = direct::find_direct(&context);
    let indirect = indirect::find_indirect(&context, &quotes);
    quotes.extend(indirect);
    quotes.sort_by_key(|q| (q.span.start, q.kind == QuoteKind::Direct));
    context.reattribute_pronouns(&mut quotes);
    renumber(&mut quotes);
    quotes
}

/// Gives quotes ids in text order, keeping `nested_in` pointing at the same quotations.
fn renumber(quotes: &mut [Quote]) {
    let old_ids: Vec<usize> = quotes.iter().map(|q| q.id).collect();
    for (new_id, quote) in quotes.iter_mut().enumerate() {
        quote.id = new_id;
    }
    for quote in quotes.iter_mut() {
        quote.nested_in = quote
            .nested_in
            .and_then(|old| old_ids.iter().position(|&id| id == old));
    }
}
