//! Exports: events as ACLED-like CSV (one row per event, for a spreadsheet) and as a GeoJSON
//! FeatureCollection (RFC 7946, for a map).
//!
//! Rows are built from a finished analysis (character offsets) with [`event_rows`], which leaves
//! out negated and hypothetical events. Choices worth knowing:
//! - `event_date` is the first day of the event's time; `time_precision` follows ACLED: 1 for a
//!   day, 2 for a stretch of up to a week, 3 for anything longer. An event with no resolved time
//!   is dated on the publication date with precision 3;
//! - `country` is the ISO 3166-1 alpha-2 code; `geo_precision` follows ACLED: 1 for a town or
//!   city named in the event's sentence, 2 for one found in a neighbouring sentence or as the
//!   document's main place, 3 for a region or country;
//! - `fatalities` is the number killed when the text gives one (the lower bound of a vague
//!   number) and empty otherwise: Kroniek does not write 0 for "not reported";
//! - text fields that start with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`
//!   so that a spreadsheet does not run them as formulas, and so do those that start with `'`
//!   themselves (Dutch "'s Nachts", "'s-Hertogenbosch"), because Gnumeric takes a leading `'`
//!   as its "this is text" mark and drops it (Excel is said to do the same; not checked here).
//!   LibreOffice shows the guard's `'`. Numeric fields are written as numbers. How the exports
//!   were checked in real tools: `docs/exports.md`;
//! - the GeoJSON holds only events with coordinates (an unresolved place has none): a map
//!   cannot show the others, and the CSV keeps every event.

use crate::flags::interval;
use crate::{ActorRole, CountWhat, Event};
use kroniek_places::{Feature, Place};
use kroniek_text::{CharOffsets, ToCharOffsets};
use kroniek_time::TimeExpression;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The CSV columns, in order: ACLED's names first, then Kroniek's own.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "count",
    "count_text",
    "confidence",
    "trigger_start",
    "trigger_end",
    "historical",
    "mentions",
];

/// The document an event comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The document's identifier.
    pub id: String,
    /// Where it was found, if known (written as the `source` column when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publication date (ISO 8601), which dates events without a time of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// One event with everything an export row needs, in character offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// The document.
    pub source: Source,
    /// The event.
    pub event: Event,
    /// Its resolved place, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The broader place named with it (for the country of an unresolved place).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<Place>,
    /// Its time expression, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeExpression>,
    /// The trigger's sentence.
    pub notes: String,
}

impl ToCharOffsets for EventRow {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.event.to_char_offsets(map);
        self.place.to_char_offsets(map);
        self.within.to_char_offsets(map);
        self.time.to_char_offsets(map);
    }
}

/// The export rows of one analysed document: its events that are neither negated nor
/// hypothetical, with their places and times. `text`, `events`, `places` and `times` are the
/// analysis's (character offsets).
pub fn event_rows(
    source: &Source,
    text: &str,
    events: &[Event],
    places: &[Place],
    times: &[TimeExpression],
) -> Vec<EventRow> {
    events
        .iter()
        .filter(|e| !e.negated && !e.hypothetical)
        .map(|e| {
            let place = e.place.as_ref();
            EventRow {
                source: source.clone(),
                event: e.clone(),
                place: place.and_then(|p| places.get(p.place?)).cloned(),
                within: place.and_then(|p| places.get(p.within?)).cloned(),
                time: e.time.as_ref().and_then(|t| times.get(t.time)).cloned(),
                notes: char_slice(text, e.sentence.start, e.sentence.end),
            }
        })
        .collect()
}

/// The characters `start..end` of `text` (character offsets), as a string.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The rows as CSV (RFC 4180: a header line, fields quoted when they hold a comma, quote or line
/// break), with the columns of [`CSV_COLUMNS`].
pub fn events_csv(rows: &[EventRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        // Writing to memory cannot fail, and every record has the header's length.
        writer
            .write_record(&record)
            .expect("CSV records go to memory and have the header's length");
    };
    write(CSV_COLUMNS.iter().map(|c| c.to_string()).collect());
    for row in rows {
        write(
            fields(row)
                .iter()
                .map(|(_, value)| csv_field(value))
                .collect(),
        );
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The rows with coordinates as a GeoJSON FeatureCollection (RFC 7946): each a Feature with a
/// Point geometry `[longitude, latitude]` and the CSV's fields as properties.
pub fn events_geojson(rows: &[EventRow]) -> Value {
    let features: Vec<Value> = rows
        .iter()
        .filter_map(|row| {
            let place = row.place.as_ref()?;
            let (lon, lat) = (place.longitude, place.latitude);
            let valid = lon.is_finite()
                && lat.is_finite()
                && (-180.0..=180.0).contains(&lon)
                && (-90.0..=90.0).contains(&lat);
            valid.then(|| {
                let properties: Map<String, Value> = fields(row)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                json!({
                    "type": "Feature",
                    "id": event_id(row),
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round6(lon), round6(lat)],
                    },
                    "properties": properties,
                })
            })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features })
}

/// Six decimals (about 10 cm), as RFC 7946 §11.2 recommends.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A field as CSV text: strings guarded against formula injection, numbers as written, null
/// empty.
fn csv_field(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => neutralise(s),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Prefixes with `'` a text that a spreadsheet would read as a formula, or whose own leading
/// `'` it would take as its text mark and drop.
fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The event's id: country code, document id and the event's number in the document.
fn event_id(row: &EventRow) -> String {
    format!(
        "{}-{}-{}",
        country(row).unwrap_or("XX"),
        row.source.id,
        row.event.id + 1
    )
}

fn country(row: &EventRow) -> Option<&str> {
    row.place
        .as_ref()
        .or(row.within.as_ref())
        .map(|p| p.country_code.as_str())
        .filter(|c| !c.is_empty())
}

/// The columns of one row, in [`CSV_COLUMNS`] order, typed.
fn fields(row: &EventRow) -> Vec<(&'static str, Value)> {
    let e = &row.event;
    let label = crate::sub_type(&e.sub_type);
    let (date, precision) = date(row);
    let (actor1, actor2) = actors(e);
    let count = e.counts.first();
    let values = vec![
        json!(event_id(row)),
        json!(date),
        json!(date
            .as_deref()
            .and_then(|d| d.get(..4)?.parse::<i32>().ok())),
        json!(precision),
        json!(label.map_or(e.event_type.as_str(), |l| l.event_type_label)),
        json!(label.map_or(e.sub_type.as_str(), |l| l.sub_type_label)),
        json!(actor1),
        json!(actor2),
        json!(country(row)),
        json!(row.place.as_ref().and_then(|p| p.admin1.clone())),
        json!(location(row)),
        json!(row.place.as_ref().map(|p| round6(p.latitude))),
        json!(row.place.as_ref().map(|p| round6(p.longitude))),
        json!(geo_precision(row)),
        json!(row
            .source
            .url
            .clone()
            .unwrap_or_else(|| row.source.id.clone())),
        json!(row.notes),
        json!(fatalities(e).map(whole)),
        json!(count.and_then(|c| c.value.or(c.lower)).map(whole)),
        json!(count.map(|c| c.text.clone())),
        json!(e.confidence),
        json!(e.trigger.span.start),
        json!(e.trigger.span.end),
        json!(e.historical),
        json!(e.mentions.len()),
    ];
    CSV_COLUMNS.iter().copied().zip(values).collect()
}

/// A count as a JSON number: whole numbers without a fraction ("12", not "12.0").
fn whole(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// The event date (ISO) and ACLED's time precision.
fn date(row: &EventRow) -> (Option<String>, u8) {
    if let Some((start, end)) = row.time.as_ref().filter(|t| t.resolved).and_then(interval) {
        let days = (end - start).num_days();
        let precision = match days {
            ..=1 => 1,
            2..=7 => 2,
            _ => 3,
        };
        return (Some(start.format("%Y-%m-%d").to_string()), precision);
    }
    let published = row
        .source
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .map(str::to_string);
    (published, 3)
}

/// ACLED's actor 1 (the first agent, else the first actor) and actor 2 (the first target, else
/// the next actor).
fn actors(e: &Event) -> (Option<String>, Option<String>) {
    let first = e
        .actors
        .iter()
        .find(|a| a.role == ActorRole::Agent)
        .or_else(|| e.actors.iter().find(|a| a.role != ActorRole::Target));
    let second = e
        .actors
        .iter()
        .find(|a| a.role == ActorRole::Target)
        .or_else(|| {
            e.actors
                .iter()
                .find(|a| first.is_none_or(|f| f.span != a.span))
        });
    (
        first.map(|a| a.text.clone()),
        second
            .filter(|s| first.is_none_or(|f| f.span != s.span))
            .map(|a| a.text.clone()),
    )
}

fn location(row: &EventRow) -> Option<String> {
    row.place
        .as_ref()
        .map(|p| p.name.clone())
        .or_else(|| row.event.place.as_ref().map(|p| p.text.clone()))
}

fn geo_precision(row: &EventRow) -> Option<u8> {
    let place = row.place.as_ref()?;
    let fallback = row
        .event
        .place
        .as_ref()
        .is_some_and(|p| p.source != crate::ArgumentSource::Sentence);
    Some(match place.feature {
        Feature::Continent | Feature::Country | Feature::Region => 3,
        _ if fallback => 2,
        _ => 1,
    })
}

/// The number killed: the largest killed count (its value, or the lower bound of a vague one).
fn fatalities(e: &Event) -> Option<f64> {
    e.counts
        .iter()
        .filter(|c| c.what == CountWhat::Killed)
        .filter_map(|c| c.value.or(c.lower))
        .reduce(f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 4: Gnumeric (1.12.55, `ssconvert`) read the field `'s Nachts …` as the text
    /// `s Nachts …`: a leading `'` is a spreadsheet's text mark, so the field's own apostrophe
    /// was lost. It is now doubled, and the formula guards stay as they were.
    #[test]
    fn issue_4_a_leading_apostrophe_survives_a_spreadsheet() {
        assert_eq!(
            neutralise("'s Nachts werd gevochten."),
            "''s Nachts werd gevochten."
        );
        assert_eq!(neutralise("'s-Hertogenbosch"), "''s-Hertogenbosch");
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        // Only a leading apostrophe is a text mark; others, and curly ones, stay.
        assert_eq!(neutralise("zo'n 40 euro"), "zo'n 40 euro");
        assert_eq!(neutralise("\u{2019}s Nachts"), "\u{2019}s Nachts");
        assert_eq!(csv_field(&json!("'t Gooi")), "''t Gooi");
        assert_eq!(csv_field(&json!(-0.12574)), "-0.12574");
    }
}
