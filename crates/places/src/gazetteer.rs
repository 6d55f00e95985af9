//! The gazetteer: the built-in index, the language data, and any user overlay.

use crate::index::{self, Code, IndexData, Record};
use crate::langdata::{self, PerLang};
use crate::normalize::normalize;
use crate::overlay;
use crate::types::{Candidate, Feature, PlacesError};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

static NAMES_FST: &[u8] = include_bytes!("../data/names.fst");
static PLACES_BIN: &[u8] = include_bytes!("../data/places.bin");

/// The read-only part every gazetteer shares: the built-in index and the language data.
#[derive(Debug)]
struct Base {
    names: fst::Map<&'static [u8]>,
    data: IndexData,
    /// Record of each country by ISO code.
    countries: HashMap<String, u32>,
    /// Region record by (country, admin1 code).
    regions: HashMap<(String, String), u32>,
    lang: LangTables,
}

/// Language data in lookup form.
#[derive(Debug, Default)]
pub(crate) struct LangTables {
    /// Demonym forms per language: normalised form → (target record, also a given name).
    pub demonyms: PerLang<HashMap<String, (u32, bool)>>,
    /// Compass prefixes per language, longest first.
    pub compass: PerLang<Vec<String>>,
    /// Compass prefixes of all languages, longest first.
    pub compass_all: Vec<String>,
    /// Normalised words `find_names` never takes for a place.
    pub stop: PerLang<HashSet<String>>,
    /// Normalised function words (`function_words.txt`): one of them alone at the start of a
    /// sentence is never a place ("No one was hurt" is not Ho, Ghana).
    pub function_words: PerLang<HashSet<String>>,
    /// Surname particles ("van", "de"): a capitalised word after one is a person's name.
    pub particles: PerLang<HashSet<String>>,
    /// Normalised alias → postings (from `places_aliases.txt`).
    pub aliases: HashMap<String, Vec<u32>>,
}

/// An offline gazetteer: GeoNames places, CLDR country names, demonyms, and the user's own
/// places. Cheap to clone; the built-in data is loaded once per process and shared.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    base: Arc<Base>,
    /// Overlay records, numbered after the built-in ones.
    extra: Arc<Vec<Record>>,
    /// Normalised overlay name → postings.
    extra_names: Arc<HashMap<String, Vec<u32>>>,
}

static BUILTIN: OnceLock<Result<Arc<Base>, String>> = OnceLock::new();

impl Gazetteer {
    /// The built-in gazetteer (GeoNames places of 500+ inhabitants, countries, regions,
    /// continents, and the demonyms of `lang/`). The first call decodes the index; later calls
    /// share it.
    ///
    /// # Panics
    /// Only if the index compiled into the binary is corrupt, which the crate's tests rule out;
    /// use [`Gazetteer::try_builtin`] to get an error instead.
    pub fn builtin() -> Gazetteer {
        match Gazetteer::try_builtin() {
            Ok(gazetteer) => gazetteer,
            Err(error) => panic!("{error}"),
        }
    }

    /// The built-in gazetteer, or an error if the compiled-in index cannot be decoded.
    pub fn try_builtin() -> Result<Gazetteer, PlacesError> {
        let base = BUILTIN
            .get_or_init(|| Base::load().map(Arc::new).map_err(|e| e.to_string()))
            .clone()
            .map_err(PlacesError::Index)?;
        Ok(Gazetteer {
            base,
            extra: Arc::default(),
            extra_names: Arc::default(),
        })
    }

    /// A gazetteer with the places of the overlay file at `path` added (TSV or JSON; see the
    /// crate docs for the format). Overlay places are preferred over built-in ones of the same
    /// name, since the user added them on purpose. Errors name the file and line.
    pub fn with_overlay(&self, path: impl AsRef<Path>) -> Result<Gazetteer, PlacesError> {
        let places = overlay::read(path.as_ref())?;
        let mut extra = (*self.extra).clone();
        let mut names = (*self.extra_names).clone();
        for place in places {
            let number = self.base.data.records.len() + extra.len();
            let id = u32::try_from(number)
                .map_err(|_| PlacesError::Index("too many overlay places".into()))?;
            let record = Record::new(
                place.name.trim().to_string(),
                place.country,
                (place.latitude, place.longitude),
                place.population.unwrap_or(0),
                Code::User,
            );
            add_posting(&mut names, &record.name, id << 1 | 1);
            for alt in &place.alt_names {
                add_posting(&mut names, alt, id << 1);
            }
            extra.push(record);
        }
        Ok(Gazetteer {
            base: self.base.clone(),
            extra: Arc::new(extra),
            extra_names: Arc::new(names),
        })
    }

    /// Every entry the name can refer to (case, accents and hyphens do not matter), the most
    /// likely first: overlay places, then by kind and population. Empty if the name is unknown.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let key = normalize(name);
        let mut out: Vec<Candidate> = self
            .postings(&key)
            .into_iter()
            .filter_map(|posting| self.candidate(posting))
            .collect();
        out.sort_by(|a, b| self.rank(b).total_cmp(&self.rank(a)));
        out
    }

    /// The most likely entry of a normalised `key`: the first of what [`Gazetteer::lookup`]
    /// lists, found without building and sorting every candidate.
    pub(crate) fn best_candidate(&self, key: &str) -> Option<Candidate> {
        let mut best: Option<(u32, f64)> = None;
        for posting in self.postings(key) {
            let Some(rank) = self.posting_rank(posting) else {
                continue;
            };
            // Strictly better only: ties keep the earlier posting, as the stable sort does.
            if best.is_none_or(|(_, top)| rank.total_cmp(&top).is_gt()) {
                best = Some((posting, rank));
            }
        }
        self.candidate(best?.0)
    }

    /// The postings of a normalised key: built-in, aliases and overlay, each record once.
    pub(crate) fn postings(&self, key: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(value) = self.base.names.get(key) {
            let (offset, count) = index::unpack(value);
            if let Some(run) = self.base.data.postings.get(offset..offset + count) {
                out.extend_from_slice(run);
            }
        }
        for source in [self.base.lang.aliases.get(key), self.extra_names.get(key)] {
            for &posting in source.into_iter().flatten() {
                match out.iter_mut().find(|p| **p >> 1 == posting >> 1) {
                    Some(existing) => *existing |= posting & 1,
                    None => out.push(posting),
                }
            }
        }
        out
    }

    /// The record a posting points to.
    pub(crate) fn record(&self, id: u32) -> Option<&Record> {
        let id = id as usize;
        let built_in = &self.base.data.records;
        built_in
            .get(id)
            .or_else(|| self.extra.get(id.checked_sub(built_in.len())?))
    }

    /// A posting as a public candidate.
    pub(crate) fn candidate(&self, posting: u32) -> Option<Candidate> {
        let id = posting >> 1;
        let record = self.record(id)?;
        let admin1_code =
            (!record.admin1.is_empty() && record.code != Code::Cont).then(|| record.admin1.clone());
        let admin1 = match record.code {
            Code::Adm1 | Code::Cont | Code::Pcli => None,
            _ => self.region_name(&record.country, &record.admin1),
        };
        Some(Candidate {
            name: record.name.clone(),
            geonames_id: (record.geonames_id != 0).then_some(u64::from(record.geonames_id)),
            country_code: record.country.clone(),
            admin1_code,
            admin1,
            latitude: record.latitude(),
            longitude: record.longitude(),
            population: record.population,
            feature_code: record.code.as_str().to_string(),
            feature: record.feature(),
            primary_name: posting & 1 == 1,
            from_overlay: record.code == Code::User,
            record: id,
        })
    }

    /// How likely a candidate is meant with no context: its prior, a bonus for the preferred
    /// name, and a bonus for the user's own places.
    pub(crate) fn rank(&self, candidate: &Candidate) -> f64 {
        let prior = self.record(candidate.record).map_or(0.0, Record::prior);
        rank_of(prior, candidate.primary_name, candidate.from_overlay)
    }

    /// The rank of the candidate a posting gives (see [`Gazetteer::rank`]), if its record exists.
    fn posting_rank(&self, posting: u32) -> Option<f64> {
        let record = self.record(posting >> 1)?;
        Some(rank_of(
            record.prior(),
            posting & 1 == 1,
            record.code == Code::User,
        ))
    }

    /// The name of region `admin1` of `country`, if the index has it.
    pub(crate) fn region_name(&self, country: &str, admin1: &str) -> Option<String> {
        if admin1.is_empty() {
            return None;
        }
        let id = self
            .base
            .regions
            .get(&(country.to_string(), admin1.to_string()))?;
        self.record(*id).map(|r| r.name.clone())
    }

    /// The language tables (demonyms, compass prefixes, stoplists, particles).
    pub(crate) fn lang(&self) -> &LangTables {
        &self.base.lang
    }

    /// How many places the gazetteer holds (built-in plus overlay).
    pub fn len(&self) -> usize {
        self.base.data.records.len() + self.extra.len()
    }

    /// Whether the gazetteer holds no places at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The country (as a candidate) a demonym form refers to in language `code`, and whether
    /// the form is also a given name.
    pub(crate) fn demonym(&self, code: &str, surface: &str) -> Option<(Candidate, bool)> {
        let (record, given_name) = self.demonym_entry(code, surface)?;
        Some((self.candidate(record << 1 | 1)?, given_name))
    }

    /// Like [`Gazetteer::demonym`], but only the record and the given-name flag: for finding
    /// demonyms, where no candidate needs to be built.
    pub(crate) fn demonym_entry(&self, code: &str, surface: &str) -> Option<(u32, bool)> {
        let key = normalize(surface);
        let entry = *self.base.lang.demonyms.get(code)?.get(&key)?;
        self.record(entry.0).is_some().then_some(entry)
    }

    /// Whether a candidate is a broad, well-known kind of place (continent, country, region,
    /// capital) that a bare capitalised name may safely be taken for.
    pub(crate) fn is_broad(candidate: &Candidate) -> bool {
        matches!(
            candidate.feature,
            Feature::Continent | Feature::Country | Feature::Region | Feature::Capital
        )
    }
}

impl Base {
    fn load() -> Result<Base, PlacesError> {
        let names = fst::Map::new(NAMES_FST).map_err(|e| PlacesError::Index(e.to_string()))?;
        let data: IndexData =
            postcard::from_bytes(PLACES_BIN).map_err(|e| PlacesError::Index(e.to_string()))?;
        if data.format != index::FORMAT {
            return Err(PlacesError::Index(format!(
                "format {} where {} is expected",
                data.format,
                index::FORMAT
            )));
        }
        let mut countries = HashMap::new();
        let mut regions = HashMap::new();
        for (id, record) in data.records.iter().enumerate() {
            let id = id as u32;
            match record.code {
                Code::Pcli => {
                    countries.insert(record.country.clone(), id);
                }
                Code::Adm1 => {
                    regions.insert((record.country.clone(), record.admin1.clone()), id);
                }
                _ => {}
            }
        }
        let mut base = Base {
            names,
            data,
            countries,
            regions,
            lang: LangTables::default(),
        };
        base.lang = base.lang_tables();
        Ok(base)
    }

    /// Reads the language files and resolves their targets against the index.
    fn lang_tables(&self) -> LangTables {
        let mut tables = LangTables::default();
        for code in langdata::LANGS {
            let mut forms = HashMap::new();
            for form in langdata::demonyms(code) {
                if let Some(record) = self.target(form.target) {
                    forms.insert(normalize(form.form), (record, form.given_name));
                }
            }
            tables.demonyms.insert(code, forms);
            let compass = langdata::compass(code);
            tables.compass_all.extend(compass.iter().cloned());
            tables.compass.insert(code, compass);
            tables
                .stop
                .insert(code, langdata::word_set(code, "places_stop.txt"));
            tables.function_words.insert(
                code,
                kroniek_lang::words(code, "function_words.txt")
                    .iter()
                    .map(|w| normalize(w))
                    .collect(),
            );
            tables
                .particles
                .insert(code, langdata::word_set(code, "places_name_particles.txt"));
            for (alias, target) in langdata::aliases(code) {
                if let Some(record) = self.target(target) {
                    add_posting(&mut tables.aliases, alias, record << 1 | 1);
                }
            }
        }
        tables
            .compass_all
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        tables.compass_all.dedup();
        tables
    }

    /// Resolves a language-file target: `SY` (a country), `Utrecht|NL` (the most likely place
    /// of that name in that country) or `Europe` (the most likely place of that name).
    fn target(&self, target: &str) -> Option<u32> {
        let (name, country) = match target.split_once('|') {
            Some((name, country)) => (name.trim(), Some(country.trim())),
            None => (target.trim(), None),
        };
        if country.is_none() && name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase()) {
            return self.countries.get(name).copied();
        }
        let value = self.names.get(normalize(name))?;
        let (offset, count) = index::unpack(value);
        let run = self.data.postings.get(offset..offset + count)?;
        run.iter()
            .map(|p| p >> 1)
            .filter(|&id| {
                let record = &self.data.records[id as usize];
                country.is_none_or(|c| record.country == c)
            })
            .max_by(|&a, &b| {
                let (a, b) = (
                    &self.data.records[a as usize],
                    &self.data.records[b as usize],
                );
                a.prior().total_cmp(&b.prior())
            })
    }
}

/// A candidate's rank from its record's prior, whether the name is the preferred one and
/// whether the place is the user's own.
fn rank_of(prior: f64, primary_name: bool, from_overlay: bool) -> f64 {
    let name = if primary_name { 0.0 } else { -1.0 };
    let user = if from_overlay { 3.0 } else { 0.0 };
    prior + name + user
}

/// Adds a posting under a name's key, keeping each record once.
fn add_posting(names: &mut HashMap<String, Vec<u32>>, name: &str, posting: u32) {
    let key = normalize(name);
    if key.is_empty() {
        return;
    }
    let run = names.entry(key).or_default();
    match run.iter_mut().find(|p| **p >> 1 == posting >> 1) {
        Some(existing) => *existing |= posting & 1,
        None => run.push(posting),
    }
}
