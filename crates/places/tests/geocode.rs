//! End-to-end tests of the gazetteer: the fallback finders, the resolver and the overlay.

use kroniek_places::{Feature, Gazetteer, Place, PlaceMention};
use kroniek_text::{segment, Lang, Span};
use std::path::PathBuf;

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

/// Runs both fallback finders and the resolver.
fn geocode(gazetteer: &Gazetteer, text: &str, lang: Lang) -> Vec<Place> {
    let segmentation = segment(text, lang);
    let mut mentions = gazetteer.find_names(text, &segmentation, lang);
    mentions.extend(gazetteer.find_demonyms(text, &segmentation, lang));
    gazetteer.resolve(text, &mentions)
}

/// The place one of whose mentions reads `surface`.
fn place_of<'p>(places: &'p [Place], text: &str, surface: &str) -> &'p Place {
    places
        .iter()
        .find(|p| p.mentions.iter().any(|s| s.of(text) == surface))
        .unwrap_or_else(|| panic!("no place for {surface:?} in {places:#?}"))
}

/// An expected resolution: the mention, its country, and a point within 25 km (if a city).
struct Expect {
    surface: &'static str,
    country: &'static str,
    point: Option<(f64, f64)>,
}

const fn at(surface: &'static str, country: &'static str, lat: f64, lon: f64) -> Expect {
    Expect {
        surface,
        country,
        point: Some((lat, lon)),
    }
}

const fn country(surface: &'static str, country: &'static str) -> Expect {
    Expect {
        surface,
        country,
        point: None,
    }
}

fn check(text: &str, lang: Lang, expected: &[Expect]) {
    let gazetteer = Gazetteer::builtin();
    let places = geocode(&gazetteer, text, lang);
    for e in expected {
        let place = place_of(&places, text, e.surface);
        assert_eq!(place.country_code, e.country, "{}: {place:?}", e.surface);
        match e.point {
            Some((lat, lon)) => {
                let off = km(place.latitude, place.longitude, lat, lon);
                assert!(off < 25.0, "{}: {off:.0} km off: {place:?}", e.surface);
            }
            None => assert!(
                matches!(place.feature, Feature::Country | Feature::Region),
                "{}: {place:?}",
                e.surface
            ),
        }
    }
}

#[test]
fn dutch_mentions_resolve_to_the_right_places() {
    let text = "De Utrechtse wethouder sprak in Den Haag met collega's uit Keulen en de \
        Antwerpse haven. Eerder reisde hij naar Noord-Irak, waar in Mosul nog wordt gevochten, \
        en naar Aleppo. De Marokkaanse minister was in Kiev. In Groningen protesteerden boeren; \
        ook in Beieren.";
    check(
        text,
        Lang::Nl,
        &[
            at("Utrechtse", "NL", 52.09, 5.12),
            at("Den Haag", "NL", 52.08, 4.30),
            at("Keulen", "DE", 50.94, 6.96),
            at("Antwerpse", "BE", 51.22, 4.40),
            country("Noord-Irak", "IQ"),
            at("Mosul", "IQ", 36.34, 43.13),
            at("Aleppo", "SY", 36.20, 37.16),
            country("Marokkaanse", "MA"),
            at("Kiev", "UA", 50.45, 30.52),
            at("Groningen", "NL", 53.22, 6.57),
            country("Beieren", "DE"),
        ],
    );
}

#[test]
fn english_mentions_resolve_to_the_right_places() {
    let text = "The mayor of Springfield, Illinois, met Iraqi officials. Fighting goes on in \
        eastern Syria. She studied in Cambridge, Massachusetts, and worked in Birmingham, \
        Alabama, before moving to Munich. Later she flew from Lagos to Kyiv. The Dutch \
        government said little. In Australia, Perth was hot.";
    check(
        text,
        Lang::En,
        &[
            at("Springfield", "US", 39.80, -89.64),
            country("Iraqi", "IQ"),
            country("eastern Syria", "SY"),
            at("Cambridge", "US", 42.37, -71.11),
            at("Birmingham", "US", 33.52, -86.80),
            at("Munich", "DE", 48.14, 11.58),
            at("Lagos", "NG", 6.45, 3.39),
            at("Kyiv", "UA", 50.45, 30.52),
            country("Dutch", "NL"),
            at("Perth", "AU", -31.95, 115.86),
        ],
    );
}

#[test]
fn congo_is_the_one_the_other_places_are_in() {
    let text = "Rebels advanced on Goma in the Democratic Republic of Congo. Aid to eastern \
        Congo was cut.";
    check(
        text,
        Lang::En,
        &[
            country("Democratic Republic of Congo", "CD"),
            country("eastern Congo", "CD"),
        ],
    );
    let text = "Brazzaville is de hoofdstad van Congo. In Congo wonen zes miljoen mensen.";
    check(text, Lang::Nl, &[country("Congo", "CG")]);
}

#[test]
fn compass_demonym_resolves_without_overlay() {
    let text = "Duizenden mensen vertrokken uit het Oost-Syrische dorp.";
    let places = geocode(&Gazetteer::builtin(), text, Lang::Nl);
    let syria = place_of(&places, text, "Oost-Syrische");
    assert_eq!(syria.country_code, "SY");
    assert_eq!(syria.feature, Feature::Country);
    assert!(syria.via_demonym);
}

#[test]
fn ambiguous_common_words_are_not_places() {
    let text = "Best is het om te wachten. Reading the news, Eddy van Wessel said it was Nice. \
        Frans Timmermans sprak. Zelf kan hij er niet in.";
    let segmentation = segment(text, Lang::Nl);
    let gazetteer = Gazetteer::builtin();
    let found: Vec<&str> = gazetteer
        .find_names(text, &segmentation, Lang::Nl)
        .iter()
        .chain(&gazetteer.find_demonyms(text, &segmentation, Lang::Nl))
        .map(|m| m.span.of(text))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_function_word_opening_a_sentence_is_no_place() {
    let text = "Police arrested twelve people. No one was injured. So far the town is calm.";
    let segmentation = segment(text, Lang::En);
    let found: Vec<&str> = Gazetteer::builtin()
        .find_names(text, &segmentation, Lang::En)
        .iter()
        .map(|m| m.span.of(text))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn mentions_of_one_place_are_grouped() {
    let text = "Syrian forces entered Aleppo. Aleppo was quiet; Syria said so.";
    let places = geocode(&Gazetteer::builtin(), text, Lang::En);
    assert_eq!(places.len(), 2, "{places:#?}");
    assert_eq!(places[0].mentions.len(), 2);
    assert!(!places[0].via_demonym, "named as Syria too");
    assert_eq!(places[1].mentions.len(), 2);
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn overlay_adds_baghouz() {
    let builtin = Gazetteer::builtin();
    assert!(builtin.lookup("Baghouz").is_empty(), "not in the sources");
    let gazetteer = builtin
        .with_overlay(fixture("overlay_baghouz.tsv"))
        .expect("fixture is valid");
    let text = "Mensen vertrekken uit het Oost-Syrische Baghouz.";
    let places = geocode(&gazetteer, text, Lang::Nl);
    let baghouz = place_of(&places, text, "Baghouz");
    assert_eq!(baghouz.country_code, "SY");
    assert!(km(baghouz.latitude, baghouz.longitude, 34.49, 40.95) < 5.0);
    assert!(gazetteer
        .lookup("al-Baghuz")
        .first()
        .is_some_and(|c| c.from_overlay));
}

#[test]
fn seed_text_resolves_baghouz_with_overlay() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_7c833daf2335ffcf.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    };
    let gazetteer = Gazetteer::builtin()
        .with_overlay(fixture("overlay_baghouz.tsv"))
        .expect("fixture is valid");
    let places = geocode(&gazetteer, &text, Lang::Nl);
    let baghouz = place_of(&places, &text, "Baghouz");
    assert_eq!(baghouz.country_code, "SY");
    assert!((baghouz.latitude - 34.49).abs() < 0.05 && (baghouz.longitude - 40.95).abs() < 0.05);
    assert_eq!(baghouz.mentions.len(), 3, "{baghouz:?}");
    let syria = place_of(&places, &text, "Oost-Syrische");
    assert_eq!(syria.country_code, "SY");
    assert_eq!(places.len(), 2, "no spurious places: {places:#?}");
}

#[test]
fn resolve_survives_bad_spans() {
    let text = "Zo’n tocht naar Aleppo.";
    let mentions = [
        PlaceMention {
            span: Span::new(2, 3),
        },
        PlaceMention {
            span: Span::new(100, 200),
        },
        PlaceMention {
            span: Span::new(5, 5),
        },
    ];
    let _ = Gazetteer::builtin().resolve(text, &mentions);
}

#[test]
fn lookup_ranks_countries_and_capitals_first() {
    let gazetteer = Gazetteer::builtin();
    let georgia = gazetteer.lookup("Georgia");
    assert_eq!(georgia[0].feature, Feature::Country);
    let paris = gazetteer.lookup("parijs");
    assert_eq!(paris[0].country_code, "FR");
    assert_eq!(gazetteer.lookup("Verenigde Staten")[0].country_code, "US");
    assert_eq!(gazetteer.lookup("VS")[0].country_code, "US");
}

#[test]
fn overlay_errors_name_file_and_line() {
    let error = Gazetteer::builtin()
        .with_overlay(fixture("overlay_bad.tsv"))
        .expect_err("bad fixture");
    let message = error.to_string();
    assert!(message.contains("overlay_bad.tsv:3:"), "{message}");
}
