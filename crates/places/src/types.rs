//! The public types of the gazetteer and geocoder.

use kroniek_text::{CharOffsets, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What kind of place an entry is; the geocoder prefers broader, better-known kinds when a name
/// is ambiguous (a country before a region, a capital before a village).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A continent (GeoNames `CONT`).
    Continent,
    /// A country or dependent territory (GeoNames `PCLI` and kin).
    Country,
    /// A first-level administrative region: province, state, governorate (GeoNames `ADM1`).
    Region,
    /// A national capital (GeoNames `PPLC`).
    Capital,
    /// A populated place of at least 100 000 inhabitants.
    City,
    /// A populated place of 10 000 to 100 000 inhabitants.
    Town,
    /// A smaller populated place, or one of unknown size.
    Village,
}

impl Feature {
    /// The kind of a populated place of `population` inhabitants that is not a capital.
    pub fn for_population(population: u64) -> Feature {
        match population {
            100_000.. => Feature::City,
            10_000.. => Feature::Town,
            _ => Feature::Village,
        }
    }
}

/// One gazetteer entry a name can refer to, as [`crate::Gazetteer::lookup`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The entry's preferred name (GeoNames' main name; English for countries and regions).
    pub name: String,
    /// The GeoNames id, when the source gives one (user-added places and most regions have none).
    pub geonames_id: Option<u64>,
    /// ISO 3166-1 alpha-2 country code; empty for continents.
    pub country_code: String,
    /// The first-level region's code (GeoNames admin1 code), if known.
    pub admin1_code: Option<String>,
    /// The first-level region's name, if known.
    pub admin1: Option<String>,
    /// Latitude in degrees (WGS84).
    pub latitude: f64,
    /// Longitude in degrees (WGS84).
    pub longitude: f64,
    /// Inhabitants as the source gives them (0 when unknown).
    pub population: u64,
    /// GeoNames-style feature code: `CONT`, `PCLI`, `ADM1`, `PPLC`, `PPL`, or `USER` for overlay places.
    pub feature_code: String,
    /// The kind of place.
    pub feature: Feature,
    /// Whether the looked-up name is the entry's preferred name rather than an alternate one.
    pub primary_name: bool,
    /// Whether the entry comes from a user overlay rather than the built-in index.
    pub from_overlay: bool,
    /// Internal record number, stable within one [`crate::Gazetteer`]; used to group mentions.
    #[serde(skip)]
    pub(crate) record: u32,
}

/// A stretch of text that names a place ("Baghouz", "Den Haag") or is a demonym or adjective
/// derived from one ("Oost-Syrische", "Iraqi"); the entity stage or [`crate::Gazetteer::find_names`]
/// and [`crate::Gazetteer::find_demonyms`] produce them, [`crate::Gazetteer::resolve`] reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Where the mention is (bytes inside Kroniek).
    pub span: Span,
}

impl ToCharOffsets for PlaceMention {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

/// A place a document mentions, with its coordinates and every mention that refers to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's preferred name for the place.
    pub name: String,
    /// The GeoNames id, when known.
    pub geonames_id: Option<u64>,
    /// ISO 3166-1 alpha-2 country code; empty for continents.
    pub country_code: String,
    /// The first-level region's name, if known.
    pub admin1: Option<String>,
    /// Latitude in degrees (WGS84).
    pub latitude: f64,
    /// Longitude in degrees (WGS84).
    pub longitude: f64,
    /// The kind of place.
    pub feature: Feature,
    /// Every mention resolved to this place, in text order.
    pub mentions: Vec<Span>,
    /// True when every mention is a demonym or adjective ("Syrische") rather than the name.
    pub via_demonym: bool,
}

impl ToCharOffsets for Place {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.mentions.to_char_offsets(map);
    }
}

/// What can go wrong when loading place data.
#[derive(Debug, thiserror::Error)]
pub enum PlacesError {
    /// An overlay file could not be read.
    #[error("cannot read place overlay {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An overlay file has a malformed entry.
    #[error("{path}:{line}: {message}")]
    Overlay {
        /// The file.
        path: PathBuf,
        /// The 1-based line (for JSON: the 1-based entry number).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The built-in index files are corrupt (a build problem, not a user error).
    #[error("built-in place index is corrupt: {0}")]
    Index(String),
}
