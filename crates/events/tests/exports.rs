//! The exports: the CSV parses back with the csv crate to the same fields (round trip), cannot
//! inject spreadsheet formulas, and the GeoJSON follows RFC 7946 (checked by hand: member
//! names and types, coordinate order and ranges).

use kroniek_events::{
    events_csv, events_geojson, Actor, ActorRole, ArgumentSource, Count, CountWhat, Event,
    EventPlace, EventRow, Source, Words, CSV_COLUMNS,
};
use kroniek_places::{Feature, Place};
use kroniek_text::Span;
use serde_json::Value;

fn words(text: &str, start: usize) -> Words {
    Words {
        span: Span::new(start, start + text.chars().count()),
        text: text.to_string(),
    }
}

fn event(id: usize, sub_type: &str, actor: &str) -> Event {
    Event {
        id,
        event_type: "battles".into(),
        sub_type: sub_type.into(),
        trigger: words("gevochten", 10),
        mentions: vec![words("gevochten", 10)],
        sentence: Span::new(0, 40),
        actors: vec![Actor {
            entity: None,
            text: actor.into(),
            span: Span::new(0, 5),
            role: ActorRole::Agent,
        }],
        place: Some(EventPlace {
            place: Some(0),
            text: "Baghouz".into(),
            span: Span::new(30, 37),
            within: None,
            source: ArgumentSource::Sentence,
        }),
        time: None,
        time_context: None,
        counts: vec![Count {
            quantity: 0,
            text: "12 doden".into(),
            span: Span::new(20, 28),
            what: CountWhat::Killed,
            value: Some(12.0),
            lower: None,
            upper: None,
        }],
        confidence: 0.9,
        negated: false,
        hypothetical: false,
        historical: false,
        in_quote: false,
    }
}

fn place(lat: f64, lon: f64) -> Place {
    Place {
        name: "Baghouz".into(),
        geonames_id: None,
        country_code: "SY".into(),
        admin1: Some("Deir ez-Zor".into()),
        latitude: lat,
        longitude: lon,
        feature: Feature::Village,
        mentions: vec![Span::new(30, 37)],
        via_demonym: false,
    }
}

fn row(event: Event, place: Option<Place>, notes: &str) -> EventRow {
    EventRow {
        source: Source {
            id: "doc1".into(),
            url: Some("https://example.org/a?b=1,2".into()),
            published: Some("2019-03-05".into()),
        },
        event,
        place,
        within: None,
        time: None,
        notes: notes.into(),
    }
}

fn rows() -> Vec<EventRow> {
    vec![
        row(
            event(0, "armed_clash", "het leger"),
            Some(place(34.4853, 40.9347)),
            "Er werd \"zwaar\" gevochten, zei hij;\nook 's nachts.",
        ),
        row(
            event(1, "armed_clash", "=HYPERLINK(\"http://evil\")"),
            Some(place(-33.9, -70.6)),
            "-2+3 @SUM(A1) begint met een min",
        ),
        row(event(2, "armed_clash", "+rebellen"), None, "zonder plaats"),
    ]
}

#[test]
fn csv_round_trips_through_the_csv_crate() {
    let rows = rows();
    let csv = events_csv(&rows);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), rows.len());
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).expect(name);
    let first = &records[0];
    assert_eq!(&first[col("notes")], rows[0].notes);
    assert_eq!(&first[col("event_type")], "Battles");
    assert_eq!(&first[col("sub_event_type")], "Armed clash");
    assert_eq!(&first[col("location")], "Baghouz");
    assert_eq!(&first[col("country")], "SY");
    assert_eq!(&first[col("fatalities")], "12");
    assert_eq!(&first[col("source")], "https://example.org/a?b=1,2");
    assert_eq!(&first[col("event_date")], "2019-03-05");
    assert_eq!(&first[col("time_precision")], "3");
    assert_eq!(&first[col("trigger_start")], "10");
    assert_eq!(&first[col("trigger_end")], "19");
    // Negative coordinates stay numbers.
    assert_eq!(&records[1][col("latitude")], "-33.9");
    assert_eq!(&records[1][col("longitude")], "-70.6");
    assert_eq!(&records[2][col("latitude")], "");
}

#[test]
fn csv_neutralises_formulas() {
    let csv = events_csv(&rows());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).expect(name);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(&records[1][col("actor1")], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(
        &records[1][col("notes")],
        "'-2+3 @SUM(A1) begint met een min"
    );
    assert_eq!(&records[2][col("actor1")], "'+rebellen");
    for record in &records {
        for (name, field) in CSV_COLUMNS.iter().zip(record.iter()) {
            let numeric = field.parse::<f64>().is_ok();
            assert!(
                numeric || !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name}: {field:?}"
            );
        }
    }
}

/// RFC 7946 checks: a FeatureCollection with a `features` array; each Feature has `type`,
/// `geometry` (a Point with exactly two finite numbers, longitude in −180..180 first, latitude
/// in −90..90 second) and `properties` (an object); `id` is a string or number.
fn check_rfc7946(doc: &Value) -> Result<usize, String> {
    if doc["type"] != "FeatureCollection" {
        return Err("type is not FeatureCollection".into());
    }
    let features = doc["features"]
        .as_array()
        .ok_or("features is not an array")?;
    for (k, f) in features.iter().enumerate() {
        if f["type"] != "Feature" {
            return Err(format!("feature {k}: type"));
        }
        if !(f["id"].is_string() || f["id"].is_number() || f.get("id").is_none()) {
            return Err(format!("feature {k}: id"));
        }
        if !f["properties"].is_object() {
            return Err(format!("feature {k}: properties"));
        }
        let g = &f["geometry"];
        if g["type"] != "Point" {
            return Err(format!("feature {k}: geometry type"));
        }
        let c = g["coordinates"].as_array().ok_or("coordinates")?;
        if c.len() != 2 {
            return Err(format!("feature {k}: {} coordinates", c.len()));
        }
        let (lon, lat) = (c[0].as_f64().ok_or("lon")?, c[1].as_f64().ok_or("lat")?);
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("feature {k}: out of range {lon},{lat}"));
        }
    }
    Ok(features.len())
}

#[test]
fn geojson_follows_rfc_7946() {
    let rows = rows();
    let doc = events_geojson(&rows);
    assert_eq!(check_rfc7946(&doc), Ok(2), "{doc:#}");
    let first = &doc["features"][0];
    // Longitude first, latitude second.
    assert_eq!(first["geometry"]["coordinates"][0], 40.9347);
    assert_eq!(first["geometry"]["coordinates"][1], 34.4853);
    assert_eq!(first["properties"]["location"], "Baghouz");
    assert_eq!(first["properties"]["fatalities"], 12);
    for column in CSV_COLUMNS {
        assert!(first["properties"].get(*column).is_some(), "{column}");
    }
    // Text is serialised as JSON: parses back.
    let text = serde_json::to_string(&doc).expect("serialises");
    let back: Value = serde_json::from_str(&text).expect("parses");
    assert_eq!(back, doc);
}

#[test]
fn geojson_leaves_out_events_without_valid_coordinates() {
    let mut rows = rows();
    rows[0].place = Some(place(f64::NAN, 10.0));
    rows[1].place = Some(place(95.0, 10.0));
    let doc = events_geojson(&rows);
    assert_eq!(check_rfc7946(&doc), Ok(0));
    let empty = events_geojson(&[]);
    assert_eq!(check_rfc7946(&empty), Ok(0));
    assert_eq!(events_csv(&[]).lines().count(), 1);
}
