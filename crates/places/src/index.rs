//! The compact on-disk index: an `fst` map from normalised name to a run of postings, and a
//! postcard table of place records the postings point into.
//!
//! Layout of `places.bin` (postcard): [`IndexData`]. Each posting is `record << 1 | primary`,
//! where `primary` says the name is the record's preferred name. Each fst value is
//! `offset << 16 | count`: the name's postings are `postings[offset..offset + count]`.

use crate::normalize::normalize;
use crate::types::{Feature, PlacesError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the binary layout; bumped whenever [`IndexData`] changes shape.
pub const FORMAT: u32 = 1;

/// Coordinates are stored as integers in units of 1e-5 degree (about a metre).
const COORD_SCALE: f64 = 100_000.0;

/// GeoNames-style feature codes the index distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Code {
    /// Continent.
    Cont,
    /// Country or territory.
    Pcli,
    /// First-level region.
    Adm1,
    /// Capital.
    Pplc,
    /// Other populated place.
    Ppl,
    /// A place from a user overlay.
    User,
}

impl Code {
    fn parse(code: &str) -> Option<Code> {
        Some(match code {
            "CONT" => Code::Cont,
            "PCLI" => Code::Pcli,
            "ADM1" => Code::Adm1,
            "PPLC" => Code::Pplc,
            "PPL" => Code::Ppl,
            "USER" => Code::User,
            _ => return None,
        })
    }

    /// The code as text.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Code::Cont => "CONT",
            Code::Pcli => "PCLI",
            Code::Adm1 => "ADM1",
            Code::Pplc => "PPLC",
            Code::Ppl => "PPL",
            Code::User => "USER",
        }
    }
}

/// One place in the record table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Record {
    /// Preferred name.
    pub name: String,
    /// GeoNames id, 0 when unknown.
    pub geonames_id: u32,
    /// ISO 3166-1 alpha-2 code, empty for continents.
    pub country: String,
    /// Admin1 code, empty when unknown (for continents: the continent code).
    pub admin1: String,
    /// Latitude in 1e-5 degree.
    pub lat: i32,
    /// Longitude in 1e-5 degree.
    pub lon: i32,
    /// Inhabitants, 0 when unknown.
    pub population: u64,
    /// Feature code.
    pub code: Code,
}

impl Record {
    /// Builds a record from degrees.
    pub(crate) fn new(
        name: String,
        country: String,
        (lat, lon): (f64, f64),
        population: u64,
        code: Code,
    ) -> Record {
        Record {
            name,
            geonames_id: 0,
            country,
            admin1: String::new(),
            lat: (lat * COORD_SCALE).round() as i32,
            lon: (lon * COORD_SCALE).round() as i32,
            population,
            code,
        }
    }

    /// Latitude in degrees.
    pub(crate) fn latitude(&self) -> f64 {
        f64::from(self.lat) / COORD_SCALE
    }

    /// Longitude in degrees.
    pub(crate) fn longitude(&self) -> f64 {
        f64::from(self.lon) / COORD_SCALE
    }

    /// The kind of place.
    pub(crate) fn feature(&self) -> Feature {
        match self.code {
            Code::Cont => Feature::Continent,
            Code::Pcli => Feature::Country,
            Code::Adm1 => Feature::Region,
            Code::Pplc => Feature::Capital,
            Code::Ppl | Code::User => Feature::for_population(self.population),
        }
    }

    /// How likely the record is meant when nothing else is known: broad and populous first.
    pub(crate) fn prior(&self) -> f64 {
        let size = (self.population as f64 + 10.0).log10();
        match self.code {
            Code::Cont => 9.5,
            Code::Pcli => 8.0 + size / 10.0,
            Code::Pplc => size + 2.0,
            Code::Adm1 => size - 1.0,
            Code::Ppl | Code::User => size,
        }
    }
}

/// The postcard-encoded record table.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct IndexData {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// Every place.
    pub records: Vec<Record>,
    /// Runs of postings, one run per distinct normalised name.
    pub postings: Vec<u32>,
}

/// Packs a run position into an fst value.
pub(crate) fn pack(offset: usize, count: usize) -> u64 {
    ((offset as u64) << 16) | (count.min(0xFFFF) as u64)
}

/// Unpacks an fst value into a run position.
pub(crate) fn unpack(value: u64) -> (usize, usize) {
    ((value >> 16) as usize, (value & 0xFFFF) as usize)
}

/// The two built index files.
#[derive(Debug, Clone)]
pub struct BuiltIndex {
    /// The `fst` map from normalised name to run (`names.fst`).
    pub names_fst: Vec<u8>,
    /// The postcard record table (`places.bin`).
    pub places_bin: Vec<u8>,
    /// How many records the table holds.
    pub records: usize,
    /// How many distinct names the map holds.
    pub names: usize,
}

/// Builds the index files from the `places.tsv` that `scripts/extract.py` writes.
///
/// Deterministic: the same table gives byte-identical files. Public so that the rebuild
/// example can call it; products only read the built files.
pub fn build_index(tsv: &str) -> Result<BuiltIndex, PlacesError> {
    let mut records = Vec::new();
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (number, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let (record, alts) = parse_row(line)
            .ok_or_else(|| PlacesError::Index(format!("places.tsv line {}: {line}", number + 1)))?;
        let id = u32::try_from(records.len())
            .map_err(|_| PlacesError::Index("too many records".into()))?;
        add_name(&mut names, &record.name, id << 1 | 1);
        for alt in alts {
            add_name(&mut names, alt, id << 1);
        }
        records.push(record);
    }
    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let count = names.len();
    for (key, mut run) in names {
        run.sort_by(|a, b| {
            rank(&records, *b)
                .total_cmp(&rank(&records, *a))
                .then(a.cmp(b))
        });
        run.dedup_by_key(|p| *p >> 1);
        let value = pack(postings.len(), run.len());
        postings.extend(run);
        builder
            .insert(key.as_bytes(), value)
            .map_err(|e| PlacesError::Index(e.to_string()))?;
    }
    let names_fst = builder
        .into_inner()
        .map_err(|e| PlacesError::Index(e.to_string()))?;
    let data = IndexData {
        format: FORMAT,
        records,
        postings,
    };
    let places_bin = postcard::to_allocvec(&data).map_err(|e| PlacesError::Index(e.to_string()))?;
    Ok(BuiltIndex {
        names_fst,
        places_bin,
        records: data.records.len(),
        names: count,
    })
}

/// The order of postings within one name: primary names first, then by prior.
fn rank(records: &[Record], posting: u32) -> f64 {
    let record = &records[(posting >> 1) as usize];
    record.prior() + if posting & 1 == 1 { 0.5 } else { 0.0 }
}

fn add_name(names: &mut BTreeMap<String, Vec<u32>>, name: &str, posting: u32) {
    let key = normalize(name);
    if key.is_empty() {
        return;
    }
    let run = names.entry(key).or_default();
    // A record reachable under the same key as primary and as alternate keeps the primary flag.
    if let Some(existing) = run.iter_mut().find(|p| **p >> 1 == posting >> 1) {
        *existing |= posting & 1;
    } else {
        run.push(posting);
    }
}

/// Parses one `places.tsv` row into a record and its alternate names.
fn parse_row(line: &str) -> Option<(Record, Vec<&str>)> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 9 {
        return None;
    }
    let lat: f64 = cols[4].parse().ok()?;
    let lon: f64 = cols[5].parse().ok()?;
    let mut record = Record::new(
        cols[1].to_string(),
        cols[2].to_string(),
        (lat, lon),
        cols[6].parse().ok()?,
        Code::parse(cols[7])?,
    );
    record.geonames_id = cols[0].parse().ok()?;
    record.admin1 = cols[3].to_string();
    let alts = cols[8].split('|').filter(|a| !a.is_empty()).collect();
    Some((record, alts))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "header\n\
        1\tAmsterdam\tNL\t07\t52.37403\t4.88969\t741636\tPPLC\tMokum|Amsterdam\n\
        2\tAmsterdam\tUS\tNY\t42.93869\t-74.19180\t17900\tPPL\t\n";

    #[test]
    fn builds_and_ranks_postings() {
        let built = build_index(TABLE).expect("valid table");
        assert_eq!(built.records, 2);
        let map = fst::Map::new(built.names_fst).expect("valid fst");
        let (offset, count) = unpack(map.get("amsterdam").expect("key"));
        let data: IndexData = postcard::from_bytes(&built.places_bin).expect("valid table");
        let run = &data.postings[offset..offset + count];
        assert_eq!(run, &[1, (1 << 1) | 1], "record 0 then 1, both primary");
        assert!(map.get("mokum").is_some());
        assert_eq!(data.records[0].latitude(), 52.37403);
    }

    #[test]
    fn rejects_malformed_rows() {
        assert!(build_index("header\n1\tX\tNL\n").is_err());
    }
}
