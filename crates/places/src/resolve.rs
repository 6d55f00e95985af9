//! The geocoder: from mentions to places, disambiguated by the rest of the document.

use crate::find::codes;
use crate::gazetteer::Gazetteer;
use crate::langdata::strip_compass;
use crate::normalize::normalize;
use crate::types::{Candidate, Feature, Place, PlaceMention};
use kroniek_text::{Lang, Span};
use std::collections::{BTreeMap, HashMap, HashSet};

/// At most this many candidates per name are weighed (the most likely ones; a few names such
/// as "San José" have hundreds).
const MAX_CANDIDATES: usize = 200;
/// Bonus for a candidate in a country another mention of the document points to.
const SAME_COUNTRY: f64 = 2.0;
/// Bonus for a candidate in the region or country written right after the mention
/// ("Springfield, Illinois").
const QUALIFIED: f64 = 4.0;

/// One mention with the entries it may refer to.
struct Reading {
    span: Span,
    key: String,
    candidates: Vec<(Candidate, f64)>,
    via_demonym: bool,
}

impl Gazetteer {
    /// Resolves place mentions of `text` to gazetteer entries with coordinates.
    ///
    /// Each mention is a name ("Baghouz", "Den Haag") or a demonym ("Oost-Syrische",
    /// "Iraqi"). An ambiguous name is settled by the document's other places (a candidate in a
    /// country or region the text also mentions wins), then by kind (countries and capitals
    /// before villages) and population. Mentions of the same place are grouped into one
    /// [`Place`], in order of first mention. Unknown names and spans that do not fall on
    /// character boundaries are left out.
    pub fn resolve(&self, text: &str, mentions: &[PlaceMention]) -> Vec<Place> {
        let mut readings: Vec<Reading> = mentions
            .iter()
            .filter_map(|m| self.read(text, m.span))
            .collect();
        readings.sort_by_key(|r| r.span);
        let first: Vec<Option<&Candidate>> = readings.iter().map(|r| best(r, None)).collect();
        // Per country, the names whose first reading lies in it: a mention's context is the
        // countries of the other names, found without walking every other mention (a long
        // document stays linear).
        let mut country_keys: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (reading, candidate) in readings.iter().zip(&first) {
            if let Some(candidate) = candidate {
                country_keys
                    .entry(candidate.country_code.as_str())
                    .or_default()
                    .insert(reading.key.as_str());
            }
        }
        let places: Vec<Option<Candidate>> = readings
            .iter()
            .enumerate()
            .map(|(index, reading)| {
                let countries = country_keys
                    .iter()
                    .filter(|(_, keys)| keys.len() > 1 || !keys.contains(reading.key.as_str()))
                    .map(|(country, _)| *country)
                    .collect();
                let qualifier = readings
                    .get(index + 1)
                    .filter(|next| qualifies(text, reading.span, next.span))
                    .and_then(|_| first.get(index + 1).copied().flatten());
                let context = Context {
                    countries,
                    qualifier,
                };
                best(reading, Some(&context)).cloned()
            })
            .collect();
        group(&readings, places)
    }

    /// The candidates of one mention: by name, as a demonym, or after stripping a compass
    /// prefix or an English possessive.
    fn read(&self, text: &str, span: Span) -> Option<Reading> {
        let surface = text.get(span.start..span.end)?.trim();
        let (candidates, via_demonym) = self.candidates(surface)?;
        let candidates = candidates
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|c| {
                let rank = self.rank(&c);
                (c, rank)
            })
            .collect();
        Some(Reading {
            span,
            key: normalize(surface),
            candidates,
            via_demonym,
        })
    }

    fn candidates(&self, surface: &str) -> Option<(Vec<Candidate>, bool)> {
        if surface.is_empty() {
            return None;
        }
        let named = self.lookup(surface);
        let demonym = codes(Lang::Other)
            .iter()
            .find_map(|code| self.demonym(code, surface))
            .map(|(c, _)| c);
        let name_is_weak = named.first().is_none_or(|c| {
            !Gazetteer::is_broad(c) && c.feature != Feature::City && !c.from_overlay
        });
        match demonym {
            Some(country) if name_is_weak => return Some((vec![country], true)),
            _ if !named.is_empty() => return Some((named, false)),
            _ => {}
        }
        if let Some(at) = strip_compass(surface, &self.lang().compass_all) {
            return self.candidates(&surface[at..]);
        }
        let bare = ["'s", "’s"]
            .iter()
            .find_map(|s| surface.strip_suffix(s))
            .filter(|b| !b.is_empty())?;
        self.candidates(bare)
    }
}

/// What the rest of the document says about one mention.
struct Context<'c> {
    /// Countries of the document's other places.
    countries: HashSet<&'c str>,
    /// The region or country written right after the mention ("Springfield, Illinois").
    qualifier: Option<&'c Candidate>,
}

/// Whether the mention at `next` qualifies the one at `span`: "Springfield, Illinois",
/// "Sydney (Australia)".
fn qualifies(text: &str, span: Span, next: Span) -> bool {
    text.get(span.end..next.start)
        .is_some_and(|gap| matches!(gap.trim_end(), "," | "(" | ", in"))
}

/// The most likely candidate of a reading; with a context, candidates in the document's other
/// countries, and in the region or country that qualifies the mention, get a bonus.
fn best<'r>(reading: &'r Reading, context: Option<&Context>) -> Option<&'r Candidate> {
    let score = |(candidate, rank): &(Candidate, f64)| {
        let Some(context) = context else {
            return *rank;
        };
        let country = candidate.country_code.as_str();
        let mut score = *rank;
        if !country.is_empty() && context.countries.contains(country) {
            score += SAME_COUNTRY;
        }
        if let Some(q) = context.qualifier {
            let in_region = q.feature == Feature::Region
                && q.country_code == country
                && q.admin1_code.is_some()
                && q.admin1_code == candidate.admin1_code;
            let in_country = q.feature == Feature::Country && q.country_code == country;
            if (in_region || in_country) && candidate.record != q.record {
                score += QUALIFIED;
            }
        }
        score
    };
    reading
        .candidates
        .iter()
        .max_by(|a, b| score(a).total_cmp(&score(b)))
        .map(|(c, _)| c)
}

/// Groups the readings by the place they resolve to, in order of first mention.
fn group(readings: &[Reading], places: Vec<Option<Candidate>>) -> Vec<Place> {
    let mut order: Vec<u32> = Vec::new();
    let mut by_record: HashMap<u32, Place> = HashMap::new();
    let mut mentions: BTreeMap<u32, Vec<(Span, bool)>> = BTreeMap::new();
    for (reading, place) in readings.iter().zip(places) {
        let Some(candidate) = place else { continue };
        let record = candidate.record;
        mentions
            .entry(record)
            .or_default()
            .push((reading.span, reading.via_demonym));
        by_record.entry(record).or_insert_with(|| {
            order.push(record);
            to_place(candidate)
        });
    }
    let mut out: Vec<Place> = order
        .into_iter()
        .filter_map(|record| {
            let mut place = by_record.remove(&record)?;
            let mut spans = mentions.remove(&record).unwrap_or_default();
            spans.sort();
            spans.dedup_by_key(|(span, _)| *span);
            place.via_demonym = spans.iter().all(|(_, demonym)| *demonym);
            place.mentions = spans.into_iter().map(|(span, _)| span).collect();
            Some(place)
        })
        .collect();
    out.sort_by_key(|p| p.mentions.first().copied());
    out
}

fn to_place(candidate: Candidate) -> Place {
    Place {
        name: candidate.name,
        geonames_id: candidate.geonames_id,
        country_code: candidate.country_code,
        admin1: candidate.admin1,
        latitude: candidate.latitude,
        longitude: candidate.longitude,
        feature: candidate.feature,
        mentions: Vec::new(),
        via_demonym: false,
    }
}
