//! Offline gazetteer and geocoder for Kroniek.
//!
//! Turns place mentions ("Baghouz", "in Den Haag") and demonyms ("Oost-Syrische", "Iraqi") into
//! gazetteer entries with coordinates, without any network. The built-in index holds the
//! GeoNames places of 500+ inhabitants with their alternate names, countries with their CLDR
//! names in Dutch and English, first-level regions and continents (see `data/SOURCES.md`); a
//! user overlay adds what the sources lack.

mod find;
mod gazetteer;
mod index;
mod langdata;
mod normalize;
mod overlay;
mod resolve;
mod types;

pub use gazetteer::Gazetteer;
pub use index::{build_index, BuiltIndex};
pub use normalize::normalize;
pub use types::{Candidate, Feature, Place, PlaceMention, PlacesError};
