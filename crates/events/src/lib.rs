//! Events: what happened, where, when, to and by whom, and how many, as an analyst coding a
//! report for ACLED would record it, with every field pointing to its words.
//!
//! ```text
//! words of each sentence -> triggers (lang/<code>/event_triggers.txt, sub-type refined by
//!                           nearby words: event_context.txt)
//!                        -> food prices from priced Money quantities
//!   each trigger -> arguments in its sentence: actors (entities, actor nouns), place (places
//!                   layer or location entities; else the previous sentence, else the
//!                   document's main place), time (times layer; else previous sentence, else
//!                   the document's first time), counts (quantities: killed, injured,
//!                   displaced, people, price)
//!                -> flags: negated, hypothetical (modal, future), historical (background),
//!                   in a quotation; a confidence from these rules
//!   -> merge: one event per sub-type whose places and times agree, with every trigger
//!      mention kept
//! ```
//!
//! The taxonomy (ACLED's event types and sub-event types plus Kroniek's displacement and
//! humanitarian conditions) is `data/taxonomy.tsv`; all words are in `lang/<code>/event_*.txt`.
//! [`events_csv`] and [`events_geojson`] export events as ACLED-like CSV and as GeoJSON.

mod arguments;
mod detect;
mod export;
mod flags;
mod lexicon;
mod merge;
mod taxonomy;
mod words;

pub use export::{event_rows, events_csv, events_geojson, EventRow, Source, CSV_COLUMNS};
pub use kroniek_text::Words;
pub use taxonomy::{sub_type, taxonomy, SubType};

use kroniek_entities::Entities;
use kroniek_numbers::Quantity;
use kroniek_places::Place;
use kroniek_quotes::Quote;
use kroniek_text::{CharOffsets, Lang, Segmentation, Span, ToCharOffsets};
use kroniek_time::{Reference, TimeExpression};
use serde::{Deserialize, Serialize};

/// What an actor does in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    /// Carries it out: named before the trigger, or after "door" / "by" (ACLED's actor 1).
    Agent,
    /// Undergoes it: after "tegen", "op", "against", "on" (ACLED's actor 2).
    Target,
    /// Takes part without a marked role (named after the trigger).
    Participant,
}

/// Someone taking part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The entity (index into the entities layer), when the actor is a named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The words naming the actor ("IS", "het leger", "demonstranten").
    pub text: String,
    /// Where they are.
    pub span: Span,
    /// What the actor does in the event.
    pub role: ActorRole,
}

/// Where an argument was found, which says how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgumentSource {
    /// In the trigger's sentence.
    Sentence,
    /// In the sentence before it.
    PreviousSentence,
    /// The document's main place or first time (a fallback).
    Document,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// The place (index into the places layer), when the gazetteer resolved it; absent for a
    /// place name the gazetteer lacks ("Baghouz" without a user overlay).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
    /// The mention's words.
    pub text: String,
    /// The mention.
    pub span: Span,
    /// A broader place the text names with it ("het Oost-Syrische Baghouz": Syria), as an index
    /// into the places layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<usize>,
    /// Where the mention was found.
    pub source: ArgumentSource,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// Index into the times layer.
    pub time: usize,
    /// The expression's words.
    pub text: String,
    /// The expression.
    pub span: Span,
    /// Where it was found.
    pub source: ArgumentSource,
}

/// What the event's time is when the text gives no resolved date for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeContext {
    /// Reported as recent: some time before publication (no time expression, or only one that
    /// could not be resolved for lack of a publication date).
    BeforePublication,
}

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountWhat {
    /// People taking part or affected ("duizenden demonstranten").
    People,
    /// People killed.
    Killed,
    /// People injured.
    Injured,
    /// People displaced: fleeing, evacuated or returning.
    Displaced,
    /// A price (food prices).
    Price,
}

/// A number of people, dead, injured, displaced, or a price, for an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// Index into the quantities layer.
    pub quantity: usize,
    /// The number with what it counts ("Tienduizenden mensen").
    pub text: String,
    /// Where that is.
    pub span: Span,
    /// What it counts.
    pub what: CountWhat,
    /// The quantity's value, when exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Its lower bound, when the text gives one ("tienduizenden": 10 000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// Its upper bound, when the text gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
}

/// One event a document reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index in the events layer.
    pub id: usize,
    /// The event type code of the taxonomy ("battles", "displacement").
    pub event_type: String,
    /// The sub-type code ("armed_clash", "flight").
    pub sub_type: String,
    /// The first words that report the event ("vertrekken", "luchtaanval").
    pub trigger: Words,
    /// Every report of this event in the document, in text order (the trigger first).
    pub mentions: Vec<Words>,
    /// The trigger's sentence.
    pub sentence: Span,
    /// Who carried it out or underwent it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Where it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<EventPlace>,
    /// When it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<EventTime>,
    /// When no resolved time is attached: what the text implies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_context: Option<TimeContext>,
    /// How many people (killed, injured, displaced) or what price.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<Count>,
    /// How sure the rules are, 0 to 1: trigger strength, arguments found, quotation.
    pub confidence: f64,
    /// The text says it did not happen ("er werd niet gevochten").
    pub negated: bool,
    /// The text says it may, will or would happen ("dreigt", "plans to").
    pub hypothetical: bool,
    /// Background history, long before publication ("in 2014", "years ago").
    pub historical: bool,
    /// Every mention is inside a direct quotation.
    pub in_quote: bool,
}

impl ToCharOffsets for Actor {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for EventPlace {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for EventTime {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for Count {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

impl ToCharOffsets for Event {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.trigger.to_char_offsets(map);
        self.mentions.to_char_offsets(map);
        self.sentence.to_char_offsets(map);
        self.actors.to_char_offsets(map);
        self.place.to_char_offsets(map);
        self.time.to_char_offsets(map);
        self.counts.to_char_offsets(map);
    }
}

/// The layers the events stage reads, all in byte offsets into one text.
#[derive(Debug, Clone, Copy)]
pub struct EventInput<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its segmentation.
    pub segmentation: &'a Segmentation,
    /// Its language (selects the `lang/<code>/event_*.txt` files).
    pub lang: Lang,
    /// The publication date-time, which relative history ("vorig jaar") and future plans are
    /// judged against.
    pub reference: Option<Reference>,
    /// The entities layer.
    pub entities: &'a Entities,
    /// The quantities layer.
    pub quantities: &'a [Quantity],
    /// The times layer.
    pub times: &'a [TimeExpression],
    /// The places layer.
    pub places: &'a [Place],
    /// The quotes layer.
    pub quotes: &'a [Quote],
}

/// Finds the events of one document, merged so that an event the article reports twice is one
/// event with two mentions. Negated, hypothetical and historical events are kept and flagged;
/// [`event_rows`] leaves negated and hypothetical ones out of the exports.
///
/// All spans in and out are bytes; the pipeline converts them to characters.
pub fn find_events(input: &EventInput) -> Vec<Event> {
    let lx = lexicon::Lexicon::get(input.lang);
    let words = words::Words::new(input.text, input.segmentation);
    let context = arguments::Context::new(input, &words, lx);
    let mut events: Vec<Event> = detect::triggers(input, &words, lx, &context)
        .into_iter()
        .map(|hit| context.event(&hit))
        .collect();
    events.sort_by_key(|e| (e.trigger.span.start, e.trigger.span.end));
    let mut events = merge::merge(events, input.segmentation);
    for (id, event) in events.iter_mut().enumerate() {
        event.id = id;
    }
    events
}

#[cfg(test)]
mod tests;
