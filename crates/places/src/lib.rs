//! Offline gazetteer and geocoder for Kroniek.
//!
//! Turns place mentions ("Baghouz", "in Den Haag") and demonyms ("Oost-Syrische", "Iraqi") into
//! gazetteer entries with coordinates, without any network. The built-in index holds the
//! GeoNames places of 500+ inhabitants with their alternate names, countries with their CLDR
//! names in Dutch and English, first-level regions and continents (see `data/SOURCES.md`); a
//! user overlay adds what the sources lack.
//!
//! ```text
//! let gazetteer = Gazetteer::builtin().with_overlay("my_places.tsv")?;
//! let mut mentions = gazetteer.find_names(text, &segmentation, lang);   // or the NER's locations
//! mentions.extend(gazetteer.find_demonyms(text, &segmentation, lang));
//! let places = gazetteer.resolve(text, &mentions);
//! ```
//!
//! Overlay files: TSV with the columns `name  country  latitude  longitude  [alt_names]
//! [population]` (alt names separated by `|`; `#` comment lines; an optional header line
//! starting with `name`), or a `.json` array of objects with `name`, `country`, `latitude`/`lat`,
//! `longitude`/`lon`, optional `alt_names` (array) and `population`. Country is an ISO 3166-1
//! alpha-2 code. Errors name the file and line.
//!
//! Language data: `lang/<code>/demonyms.txt` (demonyms and place adjectives),
//! `places_compass.txt` (Noord-, eastern…), `places_aliases.txt` (extra names),
//! `places_stop.txt` (words the fallback finder never takes for places) and
//! `places_name_particles.txt` (van, von…: the next word is a surname).

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
