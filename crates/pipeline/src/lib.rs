//! The pipeline: runs Kroniek's stages over one document, in order, and assembles the
//! [`Analysis`] that leaves Kroniek.
//!
//! ```text
//! Document -> segment -> names (tagger) -> entities -> quotes
//!                     -> quantities (numbers, money, measures, vague counts)
//!                     -> times (resolved against the publication date)
//!                     -> places (locations and demonyms -> gazetteer)
//!                     -> events (triggers + actors, place, time, counts from the layers above)
//!          -> Analysis (character offsets)
//! ```
//!
//! Stages communicate only through their public layer types. Inside, offsets are bytes; the
//! last step converts every span to character offsets (Unicode scalar values, as Python's `str`
//! indexes text), which is what every output of Kroniek gives.

use kroniek_entities::{find_entities, Entity, EntityKind, TypedName};
use kroniek_events::{find_events, Event, EventInput};
use kroniek_ner::{NameKind, Tagger};
use kroniek_numbers::{find_quantities, Quantity};
use kroniek_places::{Gazetteer, Place, PlaceMention, PlacesError};
pub use kroniek_quotes::{find_quotes, Quote, QuoteKind};
use kroniek_text::{
    segment, CharOffsets, Document, Lang, Meta, Segmentation, Span, SpanIndex, ToCharOffsets,
};
use kroniek_time::{find_times, Reference, TimeExpression};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::OnceLock;

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
    /// Numbers, amounts of money, measures and vague counts, with what they count or price.
    pub quantities: Vec<Quantity>,
    /// Dates, times, periods, durations and sets, resolved against `meta.published` when given.
    pub times: Vec<TimeExpression>,
    /// Places named in the text (also through adjectives like "Oost-Syrische"), with
    /// coordinates.
    pub places: Vec<Place>,
    /// Typed events (fighting, air strikes, protests, displacement, food prices, …) with their
    /// actors, place, time and counts, merged when the article reports one twice.
    pub events: Vec<Event>,
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The gazetteer or a user overlay could not be loaded.
    #[error(transparent)]
    Places(#[from] PlacesError),
}

/// The stages with their loaded resources. Build it once and analyse many documents with it.
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
}

impl Pipeline {
    /// A pipeline with the built-in resources.
    pub fn new() -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            gazetteer: Gazetteer::try_builtin()?,
        })
    }

    /// A pipeline whose gazetteer also holds the places of the user's overlay file.
    pub fn with_place_overlay(path: &Path) -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            gazetteer: Gazetteer::try_builtin()?.with_overlay(path)?,
        })
    }

    /// Runs every stage over `document` and returns its analysis in character offsets.
    pub fn analyse(&self, document: &Document) -> Analysis {
        let text = document.text.as_str();
        let lang = document.lang;
        let segmentation = segment(text, lang);
        let typed = tag_names(text, &segmentation, lang);
        let entities = find_entities(text, &segmentation, lang, &typed);
        let quotes = find_quotes(text, &segmentation, lang, &entities);
        let quantities = find_quantities(text, &segmentation, lang);
        let reference = document
            .meta
            .published
            .as_deref()
            .and_then(Reference::parse);
        let times = find_times(text, &segmentation, lang, reference);
        let places = find_places(
            &self.gazetteer,
            text,
            &segmentation,
            lang,
            &entities.entities,
        );
        let events = find_events(&EventInput {
            text,
            segmentation: &segmentation,
            lang,
            reference,
            entities: &entities,
            quantities: &quantities,
            times: &times,
            places: &places,
            quotes: &quotes,
        });
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
            quantities,
            times,
            places,
            events,
        };
        analysis.to_char_offsets(&CharOffsets::new(text));
        analysis
    }
}

/// Runs every stage over `document` with the built-in resources (loaded once per process).
pub fn analyse(document: &Document) -> Analysis {
    static DEFAULT: OnceLock<Pipeline> = OnceLock::new();
    DEFAULT
        .get_or_init(|| {
            Pipeline::new().expect("the built-in gazetteer is compiled in and checked by its tests")
        })
        .analyse(document)
}

/// Places: the location entities, the gazetteer's own finds and the adjectives of places,
/// resolved together so that each disambiguates the others. Public so that the benchmark times
/// exactly the stage the pipeline runs.
pub fn find_places(
    gazetteer: &Gazetteer,
    text: &str,
    segmentation: &Segmentation,
    lang: Lang,
    entities: &[Entity],
) -> Vec<Place> {
    let mut mentions: Vec<Span> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Location)
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    let found = gazetteer
        .find_names(text, segmentation, lang)
        .into_iter()
        .chain(gazetteer.find_demonyms(text, segmentation, lang));
    // Names that are not places whatever the gazetteer holds: an armed group ("Hamas" is also
    // a spelling of a German town) and a place name inside a longer person's name ("Paris
    // Hilton").
    let not_places = SpanIndex::new(
        entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::ArmedGroup | EntityKind::Person))
            .flat_map(|e| e.mentions.iter().map(move |m| (e.kind, m.span)))
            .filter(|(kind, span)| *kind == EntityKind::ArmedGroup || span.of(text).contains(' '))
            .map(|(_, span)| span)
            .collect(),
    );
    let mut taken = SpanIndex::new(mentions.clone());
    for mention in found {
        if !not_places.overlaps(mention.span) && !taken.overlaps(mention.span) {
            mentions.push(mention.span);
            taken.insert(mention.span);
        }
    }
    mentions.sort();
    let mentions: Vec<PlaceMention> = mentions
        .into_iter()
        .map(|span| PlaceMention { span })
        .collect();
    gazetteer.resolve(text, &mentions)
}

/// The names the statistical tagger (or, for English, the rule recogniser) of `lang` finds,
/// typed for the entities stage.
pub fn tag_names(
    text: &str,
    segmentation: &kroniek_text::Segmentation,
    lang: Lang,
) -> Vec<TypedName> {
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
        self.quantities.to_char_offsets(map);
        self.times.to_char_offsets(map);
        self.places.to_char_offsets(map);
        self.events.to_char_offsets(map);
    }
}
