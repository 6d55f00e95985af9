//! Kroniek's archive: analysed documents and their layers in one store, searchable.
//!
//! Everything goes through the [`Archive`] trait, so that a server database can be added later
//! without touching ingest, search or the web server. [`SqliteArchive`] is the embedded default:
//! one SQLite file (bundled SQLite, no server), in WAL mode.
//!
//! # What is stored
//!
//! - `documents`: id, content hash, url, title, outlet, author, published, lang, source, text,
//!   the full analysis as deflate-compressed JSON (without its text, which is the `text`
//!   column; [`Archive::document`] returns it whole), ingested_at (Unix seconds).
//! - Queryable layers, read from the analysis JSON generically (a layer the store does not know
//!   stays in the JSON; a field it misses is NULL): `entities`, `mentions`, `quotes` (with the
//!   document's outlet and date, for the speaker index), `places`, `quantities`, `times`,
//!   `events` (an event without a date takes its document's publication date; latitude,
//!   longitude, country and geo precision come from the event's resolved place in the places
//!   layer, by the rule of the events' CSV and GeoJSON exports).
//! - `fts`: an FTS5 index over stemmed words (Snowball Dutch or English, chosen by the
//!   document's language), rebuildable from the documents with [`Archive::rebuild_index`].
//!
//! # Identity and idempotence
//!
//! A document is identified by its [`content_hash`]: SHA-256 of its words joined by single
//! spaces, so the same article read from HTML, a feed or a WARC with other whitespace is one
//! document. [`Archive::put`] of a text already stored changes nothing
//! ([`PutOutcome::Unchanged`]). A url identifies an article too: a *different* text at a url
//! already stored **replaces** the old version (articles are corrected after publication;
//! the newest reading wins, [`PutOutcome::Replaced`]), keeping its id.
//!
//! # Crash safety
//!
//! Each [`Archive::put`] is one transaction ([`Archive::put_many`] one for a batch); WAL mode with `synchronous=NORMAL` makes every
//! committed document survive the writing process being killed (kill -9) at any moment. (A
//! power failure may lose the last transactions, never corrupt the file.)
//!
//! # Schema versions
//!
//! The schema version is kept in `PRAGMA user_version`; [`SqliteArchive::open`] brings an older
//! store up to date, each migration in one transaction together with the back-fill of what it
//! adds (version 2 gave events their coordinates, read again from the stored analyses), so an
//! interrupted upgrade leaves the store as it was. [`SqliteArchive::open_read_only`] reads an
//! older store as it is (events then have no coordinates).
//!
//! # Read API (for `kroniek search` and `kroniek serve`)
//!
//! Every listing takes a [`Query`] (optional full-text query plus filters) that selects a set
//! of documents, and a [`Page`] (limit, offset); it returns a [`Counted`] list with the total.
//!
//! - [`Archive::search`]: documents ranked by BM25 (newest first without text query), each with
//!   a [`Snippet`] whose highlights are character offsets into the document text (never HTML).
//! - [`Archive::document`]: one document with its metadata and full analysis JSON.
//! - [`Archive::speakers`]: who is quoted, how often, in how many documents, in which outlets.
//! - [`Archive::quotes`]: quotes (optionally of one speaker) with their documents.
//! - [`Archive::places`]: places with coordinates and how many documents name them (the map).
//! - [`Archive::events`]: events ordered by date (the timeline), each with the coordinates,
//!   country and geo precision of its resolved place; [`Archive::events_where`] also filters
//!   them by country or bounding box (the map), and [`Archive::events_scoped`] by the event's
//!   own date and its negated and hypothetical flags too (`kroniek events`).
//! - [`Archive::stats`]: counts of documents and layer rows.
//!
//! A [`SqliteArchive`] connection is `Send` but not `Sync`: a server opens one per worker
//! ([`SqliteArchive::open_read_only`]); WAL lets readers work while an ingest writes.

mod geo;
mod layers;
mod schema;
mod snippet;
mod sqlite;
pub mod stem;

pub use snippet::Snippet;
pub use sqlite::SqliteArchive;

use kroniek_text::Lang;
use serde::{Deserialize, Serialize};

/// The store's identifier of a document (stable across re-ingests and url updates).
pub type DocId = i64;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Analysis JSON could not be written or read.
    #[error("store: analysis JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The file was written by a newer Kroniek with a schema this one does not know.
    #[error(
        "store: schema version {found} is newer than this Kroniek's {supported}; upgrade Kroniek"
    )]
    NewerSchema {
        /// The file's schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Stored analysis data could not be read back (the file is damaged).
    #[error("store: damaged analysis data: {0}")]
    Damaged(String),
    /// A document cannot be stored (the message says why).
    #[error("store: {0}")]
    BadDocument(String),
    /// A query could not be understood (the message says why).
    #[error("query: {0}")]
    BadQuery(String),
}

/// A document ready to be stored: the analysis plus where it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewDocument {
    /// The pipeline's output, as JSON (kept whole; the layers are read from it).
    pub analysis: serde_json::Value,
    /// The text (the same as the analysis's `text`).
    pub text: String,
    /// The language the stages used.
    pub lang: Lang,
    /// Headline.
    pub title: Option<String>,
    /// Canonical url.
    pub url: Option<String>,
    /// Newspaper, site or agency.
    pub outlet: Option<String>,
    /// Publication date (ISO 8601).
    pub published: Option<String>,
    /// Author or byline, when the source gives one.
    pub author: Option<String>,
    /// Where it was read from (file, and line or record number).
    pub source: Option<String>,
}

impl NewDocument {
    /// Builds the stored form of an analysis (the JSON of `kroniek_pipeline::Analysis`, or
    /// any object with `text`, `lang` and `meta` fields), with optional author and source.
    pub fn from_analysis(
        analysis: serde_json::Value,
        author: Option<String>,
        source: Option<String>,
    ) -> Result<NewDocument, StoreError> {
        let text = analysis
            .get("text")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| StoreError::BadDocument("the analysis has no text".to_string()))?
            .to_string();
        let lang = analysis
            .get("lang")
            .and_then(serde_json::Value::as_str)
            .and_then(Lang::from_code)
            .unwrap_or(Lang::Other);
        let meta = |key: &str| {
            analysis
                .get("meta")
                .and_then(|m| m.get(key))
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        };
        Ok(NewDocument {
            title: meta("title"),
            url: meta("url"),
            outlet: meta("outlet"),
            published: meta("published"),
            text,
            lang,
            author,
            source,
            analysis,
        })
    }
}

/// What [`Archive::put`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "id")]
pub enum PutOutcome {
    /// A new document was stored.
    Inserted(DocId),
    /// The same text was already stored; nothing changed.
    Unchanged(DocId),
    /// A new text for a url already stored replaced the old one.
    Replaced(DocId),
}

/// Whether a text (by hash) or url is already in the store: ingest asks before analysing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Neither the text nor the url is stored.
    Absent,
    /// This very text is stored: nothing to do.
    SameText(DocId),
    /// The url is stored with another text: storing will replace it.
    SameUrl(DocId),
}

/// A point and radius for the geographic filter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Near {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Radius in kilometres.
    pub km: f64,
}

/// A selection of documents: an optional full-text query and filters, all of which must hold.
///
/// Name filters (speaker, entity, place) ignore case and match the full name or its last
/// word ("Wijnstra" finds "Sjoerd Wijnstra").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Words (stemmed: "woningen" finds "woning"), `"a phrase"`, `-excluded`, `prefix*`.
    pub text: Option<String>,
    /// Quoted speaker.
    pub speaker: Option<String>,
    /// Named entity (person, organisation, place, other).
    pub entity: Option<String>,
    /// Place name.
    pub place: Option<String>,
    /// A place named in the document lies within this radius.
    pub near: Option<Near>,
    /// Event type.
    pub event_type: Option<String>,
    /// Published on or after this date (ISO 8601 prefix, such as `2019-03` or `2019-03-05`).
    pub from: Option<String>,
    /// Published on or before this date (inclusive: `2019-03-05` includes that whole day).
    pub to: Option<String>,
    /// Language code (`nl`, `en`, `other`).
    pub lang: Option<String>,
    /// Outlet (case-insensitive, exact).
    pub outlet: Option<String>,
}

/// Which slice of a listing to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Most items to return.
    pub limit: u32,
    /// Items to skip first.
    pub offset: u32,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: 20,
            offset: 0,
        }
    }
}

/// One page of a listing with the total number of items over all pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counted<T> {
    /// Items over all pages.
    pub total: u64,
    /// This page's items.
    pub items: Vec<T>,
}

/// A document's metadata, as listings show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Store id.
    pub id: DocId,
    /// Headline.
    pub title: Option<String>,
    /// Url.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Language code.
    pub lang: String,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The document.
    pub document: DocumentSummary,
    /// BM25 relevance (higher is better); absent without a text query.
    pub score: Option<f64>,
    /// The passage that best matches the query, with highlights; the text's start without one.
    pub snippet: Snippet,
}

/// A stored document with everything known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// Metadata.
    pub document: DocumentSummary,
    /// Content hash ([`content_hash`]).
    pub hash: String,
    /// Author or byline.
    pub author: Option<String>,
    /// Where it was read from.
    pub source: Option<String>,
    /// When it was stored (Unix seconds).
    pub ingested_at: i64,
    /// The text every offset points into.
    pub text: String,
    /// The analysis as produced by the pipeline (all layers, including ones this store does
    /// not index).
    pub analysis: serde_json::Value,
}

/// A speaker and how often they are quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerCount {
    /// The name as most often written.
    pub name: String,
    /// Number of quotes.
    pub quotes: u64,
    /// Number of documents quoting them.
    pub documents: u64,
    /// Outlets quoting them, most quotes first.
    pub outlets: Vec<OutletCount>,
}

/// Quotes of one speaker in one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletCount {
    /// The outlet (`None`: unknown).
    pub outlet: Option<String>,
    /// Number of quotes.
    pub quotes: u64,
}

/// One quote with its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    /// The document.
    pub document: DocumentSummary,
    /// `direct` or `indirect` (as the analysis says).
    pub kind: String,
    /// The quoted words.
    pub text: String,
    /// The speaker's name, when known.
    pub speaker: Option<String>,
    /// The reporting verb or marker.
    pub cue: Option<String>,
    /// Character offset of the quote's start in the document text.
    pub start: Option<i64>,
    /// Character offset of the quote's end.
    pub end: Option<i64>,
}

/// A place and how often the selected documents name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCount {
    /// Name.
    pub name: String,
    /// ISO country code.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<i64>,
    /// Documents naming it.
    pub documents: u64,
    /// Mentions over those documents.
    pub mentions: u64,
}

/// One event with its document, for the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventHit {
    /// The document.
    pub document: DocumentSummary,
    /// Event type.
    pub event_type: Option<String>,
    /// Event sub-type.
    pub sub_type: Option<String>,
    /// Where it happened (name).
    pub place: Option<String>,
    /// When it happened (as the analysis gives it; ISO 8601 when resolved).
    pub date: Option<String>,
    /// Counts (killed, injured, ...) as the analysis gives them.
    pub counts: Option<serde_json::Value>,
    /// Latitude of the event's resolved place (WGS84 degrees, 6 decimals); `None` when the
    /// place was not resolved (the same rule as the events' CSV and GeoJSON exports).
    pub latitude: Option<f64>,
    /// Longitude of the event's resolved place.
    pub longitude: Option<f64>,
    /// ISO 3166-1 alpha-2 code of the event's place, else of the broader place named with it.
    pub country: Option<String>,
    /// ACLED's geo precision: 1 for a town or city named in the event's sentence, 2 for one
    /// found in a neighbouring sentence or as the document's main place, 3 for a region,
    /// country or continent.
    pub geo_precision: Option<u8>,
    /// The whole event as in the analysis.
    pub event: serde_json::Value,
}

/// A rectangle of latitude and longitude, for the events' bounding-box filter. When `west` is
/// greater than `east` the box crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BoundingBox {
    /// Westernmost longitude in degrees.
    pub west: f64,
    /// Southernmost latitude in degrees.
    pub south: f64,
    /// Easternmost longitude in degrees.
    pub east: f64,
    /// Northernmost latitude in degrees.
    pub north: f64,
}

/// Why a text is not a [`BoundingBox`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "a box is WEST,SOUTH,EAST,NORTH in degrees (such as 3.3,50.7,7.3,53.6), longitudes in \
     [-180, 180], latitudes in [-90, 90], the south at or below the north"
)]
pub struct BoundingBoxError;

impl BoundingBox {
    /// Reads `WEST,SOUTH,EAST,NORTH` in degrees (GeoJSON's order), as the command line's
    /// `--bbox` and the server's `bbox=` take it; a west above the east crosses the
    /// antimeridian.
    pub fn parse(text: &str) -> Result<BoundingBox, BoundingBoxError> {
        let numbers = text
            .split(',')
            .map(|n| n.trim().parse::<f64>().map_err(|_| BoundingBoxError))
            .collect::<Result<Vec<f64>, _>>()?;
        let [west, south, east, north] = numbers[..] else {
            return Err(BoundingBoxError);
        };
        let lat = |x: f64| (-90.0..=90.0).contains(&x);
        let lon = |x: f64| (-180.0..=180.0).contains(&x);
        if !(lat(south) && lat(north) && lon(west) && lon(east) && south <= north) {
            return Err(BoundingBoxError);
        }
        Ok(BoundingBox {
            west,
            south,
            east,
            north,
        })
    }
}

/// Filters on the events themselves (not on their documents), for [`Archive::events_where`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Only events in this country (ISO 3166-1 alpha-2 code, any case).
    pub country: Option<String>,
    /// Only events whose coordinates lie in this box (so only events with coordinates).
    pub bbox: Option<BoundingBox>,
}

/// Conditions on the events themselves beyond [`EventFilter`]: the event's own date and its
/// flags, for [`Archive::events_scoped`] (`kroniek events --since --until`). A separate type
/// rather than more fields of [`EventFilter`], so that code building an [`EventFilter`] by its
/// fields keeps compiling.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventScope {
    /// Only events dated on or after this date (an ISO 8601 prefix such as `2019`, `2019-03` or
    /// `2019-03-05`). An event's date is that of its resolved time, else its document's
    /// publication date ([`EventHit::date`]); an event with neither is left out.
    pub since: Option<String>,
    /// Only events dated on or before this date (inclusive: `2019-03` includes the whole
    /// month).
    pub until: Option<String>,
    /// Leave out events that the text negates ("there was no fighting") or gives as
    /// hypothetical ("plans to bomb"), as the events' CSV and GeoJSON exports do.
    pub asserted_only: bool,
}

/// How much the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Entities.
    pub entities: u64,
    /// Quotes.
    pub quotes: u64,
    /// Place rows (one per place per document).
    pub places: u64,
    /// Quantities.
    pub quantities: u64,
    /// Time expressions.
    pub times: u64,
    /// Events.
    pub events: u64,
}

/// Access to an archive of analysed documents. Implemented by [`SqliteArchive`]; a server
/// database would implement it too.
pub trait Archive {
    /// Stores one document in one transaction (see the crate docs for identity rules).
    fn put(&mut self, document: &NewDocument) -> Result<PutOutcome, StoreError>;
    /// Stores several documents in one transaction (group commit: each document is still
    /// all-or-nothing, and a kill loses only a batch that was never committed). Ingest uses it
    /// when analysis outruns the disk.
    fn put_many(&mut self, documents: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError> {
        documents.iter().map(|d| self.put(d)).collect()
    }
    /// Whether a text with this [`content_hash`], or this url, is already stored.
    fn presence(&self, hash: &str, url: Option<&str>) -> Result<Presence, StoreError>;
    /// Documents matching `query`, best first, with snippets.
    fn search(&self, query: &Query, page: Page) -> Result<Counted<SearchHit>, StoreError>;
    /// One document with its analysis.
    fn document(&self, id: DocId) -> Result<Option<StoredDocument>, StoreError>;
    /// Speakers quoted in the selected documents, most quotes first.
    fn speakers(&self, query: &Query, page: Page) -> Result<Counted<SpeakerCount>, StoreError>;
    /// Quotes in the selected documents (of `query.speaker` when given), newest first.
    fn quotes(&self, query: &Query, page: Page) -> Result<Counted<QuoteHit>, StoreError>;
    /// Places named in the selected documents, most documents first.
    fn places(&self, query: &Query, page: Page) -> Result<Counted<PlaceCount>, StoreError>;
    /// Events in the selected documents (of `query.event_type` when given), by date.
    fn events(&self, query: &Query, page: Page) -> Result<Counted<EventHit>, StoreError> {
        self.events_where(query, &EventFilter::default(), page)
    }
    /// Events in the selected documents that also pass `filter` (country, bounding box), by
    /// date.
    fn events_where(
        &self,
        query: &Query,
        filter: &EventFilter,
        page: Page,
    ) -> Result<Counted<EventHit>, StoreError> {
        self.events_scoped(query, filter, &EventScope::default(), page)
    }
    /// Events in the selected documents that pass `filter` (country, bounding box) and
    /// `scope` (the event's own date, negated and hypothetical events), by date.
    fn events_scoped(
        &self,
        query: &Query,
        filter: &EventFilter,
        scope: &EventScope,
        page: Page,
    ) -> Result<Counted<EventHit>, StoreError>;
    /// The events [`Archive::events_scoped`] lists on `page`, handed to `each` in the same
    /// order as they are read, neither collected nor counted, and with no cap on `page.limit`:
    /// an export of any size is one query in bounded memory (`kroniek events`). `each`
    /// returns `false` to stop.
    fn events_scoped_each(
        &self,
        query: &Query,
        filter: &EventFilter,
        scope: &EventScope,
        page: Page,
        each: &mut dyn FnMut(EventHit) -> bool,
    ) -> Result<(), StoreError>;
    /// Counts of documents and layer rows.
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Rebuilds the full-text index from the stored documents; returns how many were indexed.
    fn rebuild_index(&mut self) -> Result<u64, StoreError>;
}

/// The identity of a text: SHA-256 (hex) of its words joined by single spaces.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_whitespace_layout() {
        assert_eq!(content_hash("a  b\n c"), content_hash("a b c"));
        assert_ne!(content_hash("a b"), content_hash("ab"));
        assert_eq!(content_hash("x").len(), 64);
    }

    #[test]
    fn a_bounding_box_reads_west_south_east_north() {
        let b = BoundingBox::parse(" 170, -20,-170,-10").expect("a box across the antimeridian");
        assert_eq!(
            (b.west, b.south, b.east, b.north),
            (170.0, -20.0, -170.0, -10.0)
        );
        for bad in [
            "1,2,3",
            "1,2,3,4,5",
            "a,2,3,4",
            "0,10,1,5",
            "0,-91,1,5",
            "-181,0,1,5",
        ] {
            assert_eq!(BoundingBox::parse(bad), Err(BoundingBoxError), "{bad}");
        }
    }
}
