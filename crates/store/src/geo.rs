//! Where an event happened, as coordinates: read from the event's resolved place in the
//! analysis's places layer.
//!
//! The rule mirrors the events crate's CSV and GeoJSON exports (`crates/events/src/export.rs`),
//! read from generic JSON so that the store needs no stage crate:
//! - latitude and longitude are those of the place the event points to (`place.place`, an
//!   index into `places`), rounded to 6 decimals; an unresolved place has none, and neither
//!   has a place whose coordinates are missing or out of range;
//! - the country is the place's ISO code, else that of the broader place named with it
//!   (`place.within`);
//! - the geo precision is 3 for a continent, country or region, 2 for a place that came from a
//!   neighbouring sentence or the document (`place.source` other than `sentence`), else 1.

use crate::layers::{float, int, layer, text_of};
use serde_json::Value;

/// The coordinates, country and precision of one event (all `None` without a place).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventGeo {
    /// Latitude in degrees.
    pub latitude: Option<f64>,
    /// Longitude in degrees.
    pub longitude: Option<f64>,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    /// ACLED's geo precision (1, 2 or 3).
    pub precision: Option<u8>,
}

/// The geography of `event` (an item of the analysis's events layer).
pub fn event_geo(analysis: &Value, event: &Value) -> EventGeo {
    let Some(argument) = event.get("place").filter(|p| p.is_object()) else {
        return EventGeo::default();
    };
    let places = layer(analysis, "places");
    let at = |key: &str| {
        int(argument, key)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| places.get(i))
            .filter(|p| p.is_object())
    };
    let place = at("place");
    let country = place
        .or_else(|| at("within"))
        .and_then(|p| text_of(p, &["country_code", "country"]))
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty());
    let Some(place) = place else {
        return EventGeo {
            country,
            ..EventGeo::default()
        };
    };
    let latitude = float(place, "latitude").or_else(|| float(place, "lat"));
    let longitude = float(place, "longitude").or_else(|| float(place, "lon"));
    let coordinates = latitude.zip(longitude).filter(|(lat, lon)| {
        lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(lat)
            && (-180.0..=180.0).contains(lon)
    });
    let broad = matches!(
        place.get("feature").and_then(Value::as_str),
        Some("continent" | "country" | "region")
    );
    let fallback = argument
        .get("source")
        .and_then(Value::as_str)
        .is_some_and(|s| s != "sentence");
    EventGeo {
        latitude: coordinates.map(|c| round6(c.0)),
        longitude: coordinates.map(|c| round6(c.1)),
        country,
        precision: coordinates.map(|_| match (broad, fallback) {
            (true, _) => 3,
            (false, true) => 2,
            (false, false) => 1,
        }),
    }
}

/// Six decimals (about 10 cm), as the exports write them.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn analysis() -> Value {
        json!({"places": [
            {"name": "Harlingen", "country_code": "nl", "latitude": 53.174_444_4,
             "longitude": 5.422_222_2, "feature": "town"},
            {"name": "Syrië", "country_code": "SY", "latitude": 35.0, "longitude": 38.0,
             "feature": "country"},
            {"name": "Nergens", "country_code": "XX", "latitude": 95.0, "longitude": 0.0}
        ]})
    }

    #[test]
    fn coordinates_come_from_the_resolved_place() {
        let a = analysis();
        let geo = event_geo(&a, &json!({"place": {"place": 0, "source": "sentence"}}));
        assert_eq!(geo.latitude, Some(53.174444));
        assert_eq!(geo.longitude, Some(5.422222));
        assert_eq!(geo.country.as_deref(), Some("NL"));
        assert_eq!(geo.precision, Some(1));
        let fallback = event_geo(&a, &json!({"place": {"place": 0, "source": "document"}}));
        assert_eq!(fallback.precision, Some(2));
        let country = event_geo(&a, &json!({"place": {"place": 1, "source": "sentence"}}));
        assert_eq!(country.precision, Some(3));
    }

    #[test]
    fn unresolved_or_bad_places_have_no_coordinates() {
        let a = analysis();
        let within = event_geo(&a, &json!({"place": {"text": "Baghouz", "within": 1}}));
        assert_eq!(within.latitude, None);
        assert_eq!(within.precision, None);
        assert_eq!(within.country.as_deref(), Some("SY"));
        assert_eq!(event_geo(&a, &json!({"place": null})), EventGeo::default());
        assert_eq!(event_geo(&a, &json!({})), EventGeo::default());
        assert_eq!(
            event_geo(&a, &json!({"place": {"place": 99}})),
            EventGeo::default()
        );
        assert_eq!(
            event_geo(&a, &json!({"place": {"place": -1}})),
            EventGeo::default()
        );
        let out_of_range = event_geo(&a, &json!({"place": {"place": 2}}));
        assert_eq!(out_of_range.latitude, None);
        assert_eq!(out_of_range.country.as_deref(), Some("XX"));
    }
}
