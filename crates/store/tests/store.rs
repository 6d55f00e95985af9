//! The store as its users see it: put analyses, search them with every filter, list speakers,
//! places and events.

use kroniek_store::{
    Archive, BoundingBox, EventFilter, Near, NewDocument, Page, Presence, PutOutcome, Query,
    SqliteArchive,
};
use serde_json::{json, Value};

/// An analysis-shaped JSON document with one quote, one place and one event.
fn analysis(text: &str, lang: &str, meta: Value, speaker: &str, place: (&str, f64, f64)) -> Value {
    json!({
        "schema_version": "0.1.0",
        "offsets": "characters",
        "id": "t",
        "lang": lang,
        "meta": meta,
        "text": text,
        "entities": [
            {"id": 0, "kind": "person", "name": speaker,
             "mentions": [{"span": {"start": 0, "end": 4}, "text": speaker}]}
        ],
        "quotes": [
            {"id": 0, "kind": "direct", "span": {"start": 1, "end": 5}, "text": "iets",
             "cue": {"span": {"start": 6, "end": 9}, "text": "zei"},
             "speaker": {"name": speaker, "named": true, "entity": 0}}
        ],
        "places": [
            {"name": place.0, "geonames_id": null, "country_code": "NL",
             "latitude": place.1, "longitude": place.2, "mentions": [{"start": 0, "end": 3}]}
        ],
        "quantities": [{"span": {"start": 0, "end": 2}, "kind": "count", "lower": 3.0}],
        "times": [{"span": {"start": 0, "end": 2}, "kind": "date", "timex": "2019-03-05",
                   "value": {"type": "point", "value": "2019-03-05"}, "resolved": true}],
        "events": [{"id": 0, "event_type": "storm", "sub_type": "wind",
                    "trigger": {"span": {"start": 0, "end": 4}, "text": "storm"},
                    "place": {"place": 0, "text": "daar", "span": {"start": 5, "end": 9}},
                    "time": {"time": 0, "text": "dinsdag", "span": {"start": 0, "end": 2}},
                    "counts": {"injured": 2}}],
        "a_future_layer": [{"anything": 1}]
    })
}

fn doc(text: &str, lang: &str, meta: Value, speaker: &str, place: (&str, f64, f64)) -> NewDocument {
    NewDocument::from_analysis(
        analysis(text, lang, meta, speaker, place),
        None,
        Some("test".into()),
    )
    .unwrap()
}

/// Three documents: Dutch in Harlingen, Dutch in Maastricht, English in London.
fn filled() -> SqliteArchive {
    let mut store = SqliteArchive::open_in_memory().unwrap();
    let docs = [
        doc(
            "De woningen aan de dijk liepen onder water. Bewoners werden geëvacueerd.",
            "nl",
            json!({"title": "Storm in Harlingen", "outlet": "Friesch Dagblad", "published": "2019-03-05", "url": "https://example.org/a"}),
            "Sjoerd Wijnstra",
            ("Harlingen", 53.17, 5.42),
        ),
        doc(
            "Een nieuwe woning kost in Maastricht gemiddeld vier ton, zegt de makelaar.",
            "nl",
            json!({"title": "Huizenprijzen", "outlet": "De Limburger", "published": "2020-06-01"}),
            "Anna de Vries",
            ("Maastricht", 50.85, 5.69),
        ),
        doc(
            "Housing costs in London rose again, the agents said on Monday.",
            "en",
            json!({"title": "Housing", "outlet": "The Courier", "published": "2021-01-10T09:00:00Z"}),
            "John Smith",
            ("London", 51.51, -0.13),
        ),
    ];
    for d in &docs {
        assert!(matches!(store.put(d).unwrap(), PutOutcome::Inserted(_)));
    }
    store
}

fn ids(store: &SqliteArchive, query: Query) -> Vec<String> {
    let found = store.search(&query, Page::default()).unwrap();
    assert_eq!(found.total as usize, found.items.len());
    found
        .items
        .into_iter()
        .map(|h| h.document.title.unwrap_or_default())
        .collect()
}

fn text(q: &str) -> Query {
    Query {
        text: Some(q.into()),
        ..Query::default()
    }
}

#[test]
fn round_trip_keeps_analysis_and_layers() {
    let store = filled();
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.documents,
            stats.quotes,
            stats.places,
            stats.events,
            stats.times,
            stats.quantities
        ),
        (3, 3, 3, 3, 3, 3)
    );
    let first = store.search(&text("dijk"), Page::default()).unwrap().items[0]
        .document
        .id;
    let stored = store.document(first).unwrap().unwrap();
    assert_eq!(stored.document.outlet.as_deref(), Some("Friesch Dagblad"));
    assert_eq!(stored.analysis["a_future_layer"][0]["anything"], 1);
    assert_eq!(stored.analysis["text"].as_str(), Some(stored.text.as_str()));
    assert_eq!(stored.source.as_deref(), Some("test"));
    assert!(store.document(9999).unwrap().is_none());
}

#[test]
fn same_text_is_stored_once_and_same_url_is_replaced() {
    let mut store = filled();
    let again = doc(
        "De woningen aan de dijk liepen onder water. Bewoners werden geëvacueerd.",
        "nl",
        json!({"title": "Storm in Harlingen"}),
        "Sjoerd Wijnstra",
        ("Harlingen", 53.17, 5.42),
    );
    assert!(matches!(
        store.put(&again).unwrap(),
        PutOutcome::Unchanged(_)
    ));
    let hash = kroniek_store::content_hash(&again.text);
    assert!(matches!(
        store.presence(&hash, None).unwrap(),
        Presence::SameText(_)
    ));
    let corrected = doc(
        "De woningen aan de dijk liepen onder water. Niemand raakte gewond.",
        "nl",
        json!({"title": "Storm in Harlingen (gecorrigeerd)", "url": "https://example.org/a"}),
        "Sjoerd Wijnstra",
        ("Harlingen", 53.17, 5.42),
    );
    assert!(matches!(
        store.put(&corrected).unwrap(),
        PutOutcome::Replaced(_)
    ));
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.quotes), (3, 3));
    assert_eq!(
        ids(&store, text("gewond")),
        ["Storm in Harlingen (gecorrigeerd)"]
    );
    assert!(ids(&store, text("geëvacueerd")).is_empty());
}

#[test]
fn a_batch_is_one_transaction_and_dedupes_inside() {
    let mut store = SqliteArchive::open_in_memory().unwrap();
    let one = doc(
        "Een tekst over de haven.",
        "nl",
        json!({}),
        "A B",
        ("X", 1.0, 1.0),
    );
    let two = doc("Nog een tekst.", "nl", json!({}), "C D", ("Y", 2.0, 2.0));
    let outcomes = store.put_many(&[one.clone(), two, one]).unwrap();
    assert!(matches!(outcomes[0], PutOutcome::Inserted(_)));
    assert!(matches!(outcomes[1], PutOutcome::Inserted(_)));
    assert!(matches!(outcomes[2], PutOutcome::Unchanged(_)));
    assert_eq!(store.stats().unwrap().documents, 2);
}

#[test]
fn stemming_finds_plural_and_singular_in_both_languages() {
    let store = filled();
    let mut found = ids(&store, text("woningen"));
    found.sort();
    assert_eq!(found, ["Huizenprijzen", "Storm in Harlingen"]);
    assert_eq!(ids(&store, text("house")), ["Housing"]);
    assert!(ids(&store, text("gracht")).is_empty());
    assert_eq!(ids(&store, text("costs")), ["Housing"]);
    assert_eq!(ids(&store, text("cost")), ["Housing"]);
    assert_eq!(ids(&store, text("\"aan de dijk\"")), ["Storm in Harlingen"]);
    assert_eq!(ids(&store, text("woning -dijk")), ["Huizenprijzen"]);
    assert_eq!(ids(&store, text("maastr*")), ["Huizenprijzen"]);
}

#[test]
fn snippets_highlight_in_character_offsets() {
    let store = filled();
    let hit = &store
        .search(&text("geëvacueerd"), Page::default())
        .unwrap()
        .items[0];
    let stored = store.document(hit.document.id).unwrap().unwrap();
    let chars: Vec<char> = stored.text.chars().collect();
    let h = hit.snippet.highlights[0];
    assert_eq!(
        chars[h.start..h.end].iter().collect::<String>(),
        "geëvacueerd"
    );
    assert!(hit.score.is_some());
}

#[test]
fn every_filter_narrows_the_results() {
    let store = filled();
    let by = |query: Query| ids(&store, query);
    let all = Query::default;
    assert_eq!(by(all()).len(), 3);
    assert_eq!(
        by(Query {
            speaker: Some("wijnstra".into()),
            ..all()
        }),
        ["Storm in Harlingen"]
    );
    assert_eq!(
        by(Query {
            speaker: Some("Anna de Vries".into()),
            ..all()
        }),
        ["Huizenprijzen"]
    );
    assert_eq!(
        by(Query {
            entity: Some("John Smith".into()),
            ..all()
        }),
        ["Housing"]
    );
    assert_eq!(
        by(Query {
            place: Some("maastricht".into()),
            ..all()
        }),
        ["Huizenprijzen"]
    );
    assert_eq!(
        by(Query {
            event_type: Some("storm".into()),
            ..all()
        })
        .len(),
        3
    );
    assert_eq!(
        by(Query {
            event_type: Some("flood".into()),
            ..all()
        })
        .len(),
        0
    );
    assert_eq!(
        by(Query {
            lang: Some("en".into()),
            ..all()
        }),
        ["Housing"]
    );
    assert_eq!(
        by(Query {
            outlet: Some("de limburger".into()),
            ..all()
        }),
        ["Huizenprijzen"]
    );
    assert_eq!(
        by(Query {
            from: Some("2020".into()),
            to: Some("2020-06-01".into()),
            ..all()
        }),
        ["Huizenprijzen"]
    );
    assert_eq!(
        by(Query {
            to: Some("2019-03-05".into()),
            ..all()
        }),
        ["Storm in Harlingen"]
    );
    assert_eq!(
        by(Query {
            from: Some("2021-01-10".into()),
            ..all()
        }),
        ["Housing"]
    );
    assert_eq!(
        by(Query {
            text: Some("woning".into()),
            lang: Some("nl".into()),
            outlet: Some("Friesch Dagblad".into()),
            ..all()
        }),
        ["Storm in Harlingen"]
    );
    // Newest first without a text query.
    assert_eq!(by(all())[0], "Housing");
}

#[test]
fn geo_filter_uses_great_circle_distance() {
    let store = filled();
    let near = |lat, lon, km| {
        ids(
            &store,
            Query {
                near: Some(Near { lat, lon, km }),
                ..Query::default()
            },
        )
    };
    // Leeuwarden: Harlingen is about 25 km away, Maastricht about 270 km.
    assert_eq!(near(53.20, 5.80, 30.0), ["Storm in Harlingen"]);
    assert_eq!(near(53.20, 5.80, 300.0).len(), 2);
    assert_eq!(near(53.20, 5.80, 1000.0).len(), 3);
    assert!(near(0.0, 0.0, 10.0).is_empty());
    assert_eq!(
        near(90.0, 0.0, 5000.0).len(),
        3,
        "near the pole the box spans every longitude"
    );
    let bad = Query {
        near: Some(Near {
            lat: 91.0,
            lon: 0.0,
            km: 1.0,
        }),
        ..Query::default()
    };
    assert!(store.search(&bad, Page::default()).is_err());
}

#[test]
fn paging_and_totals() {
    let store = filled();
    let page = store
        .search(
            &Query::default(),
            Page {
                limit: 2,
                offset: 1,
            },
        )
        .unwrap();
    assert_eq!((page.total, page.items.len()), (3, 2));
    assert!(store
        .search(
            &Query::default(),
            Page {
                limit: 5000,
                offset: 0
            }
        )
        .is_err());
}

#[test]
fn speakers_places_quotes_and_events() {
    let store = filled();
    let speakers = store.speakers(&Query::default(), Page::default()).unwrap();
    assert_eq!(speakers.total, 3);
    let anna = speakers
        .items
        .iter()
        .find(|s| s.name == "Anna de Vries")
        .unwrap();
    assert_eq!((anna.quotes, anna.documents), (1, 1));
    assert_eq!(anna.outlets[0].outlet.as_deref(), Some("De Limburger"));
    let quotes = store
        .quotes(
            &Query {
                speaker: Some("Wijnstra".into()),
                ..Query::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(quotes.total, 1);
    assert_eq!(quotes.items[0].cue.as_deref(), Some("zei"));
    let places = store.places(&text("woning"), Page::default()).unwrap();
    assert_eq!(places.total, 2);
    let events = store.events(&Query::default(), Page::default()).unwrap();
    assert_eq!(events.total, 3);
    assert_eq!(events.items[0].place.as_deref(), Some("Harlingen"));
    assert_eq!(events.items[0].date.as_deref(), Some("2019-03-05"));
    assert_eq!(events.items[0].event_type.as_deref(), Some("storm"));
    assert_eq!(events.items[0].counts.as_ref().unwrap()["injured"], 2);
}

#[test]
fn events_have_the_coordinates_of_their_place() {
    let store = filled();
    let events = store.events(&Query::default(), Page::default()).unwrap();
    let harlingen = &events.items[0];
    assert_eq!(harlingen.place.as_deref(), Some("Harlingen"));
    assert_eq!(
        (harlingen.latitude, harlingen.longitude),
        (Some(53.17), Some(5.42))
    );
    assert_eq!(harlingen.country.as_deref(), Some("NL"));
    assert_eq!(harlingen.geo_precision, Some(1));
    // The API serialises the new fields by these names.
    let json = serde_json::to_value(harlingen).unwrap();
    assert_eq!(json["latitude"], 53.17);
    assert_eq!(json["geo_precision"], 1);
}

#[test]
fn events_are_filtered_by_country_and_box() {
    let mut store = filled();
    let mut french = analysis(
        "Brand in Lyon.",
        "nl",
        json!({"title": "Brand", "published": "2022-02-02"}),
        "Jean Dupont",
        ("Lyon", 45.76, 4.84),
    );
    french["places"][0]["country_code"] = json!("FR");
    french["places"][0]["feature"] = json!("city");
    french["events"][0]["place"]["source"] = json!("previous_sentence");
    // A second event whose place the gazetteer lacks, named with a broader place.
    french["places"].as_array_mut().unwrap().push(
        json!({"name": "Frankrijk", "country_code": "FR", "latitude": 46.0,
                     "longitude": 2.0, "feature": "country"}),
    );
    french["events"].as_array_mut().unwrap().push(json!({
        "id": 1, "event_type": "fire", "place": {"text": "Ergens", "within": 1, "source": "sentence"}
    }));
    store
        .put(&NewDocument::from_analysis(french, None, None).unwrap())
        .unwrap();
    let where_ = |filter: EventFilter| {
        store
            .events_where(&Query::default(), &filter, Page::default())
            .unwrap()
    };
    let fr = where_(EventFilter {
        country: Some(" fr ".into()),
        bbox: None,
    });
    assert_eq!(fr.total, 2);
    assert_eq!(fr.items[0].geo_precision, Some(2), "{:?}", fr.items[0]);
    assert_eq!(fr.items[1].latitude, None);
    assert_eq!(fr.items[1].country.as_deref(), Some("FR"));
    // Around the Netherlands: Harlingen and Maastricht, not London or Lyon.
    let benelux = BoundingBox {
        west: 3.0,
        south: 50.5,
        east: 7.5,
        north: 54.0,
    };
    let found = where_(EventFilter {
        country: None,
        bbox: Some(benelux),
    });
    let places: Vec<_> = found.items.iter().filter_map(|e| e.place.clone()).collect();
    assert_eq!(places, ["Harlingen", "Maastricht"]);
    // Filters combine with the document query.
    let dutch_box = store
        .events_where(
            &Query {
                text: Some("dijk".into()),
                ..Query::default()
            },
            &EventFilter {
                country: Some("NL".into()),
                bbox: Some(benelux),
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(dutch_box.total, 1);
    // A box across the antimeridian holds nothing here, a world box every located event.
    let pacific = BoundingBox {
        west: 170.0,
        south: -60.0,
        east: -170.0,
        north: 60.0,
    };
    assert_eq!(
        where_(EventFilter {
            country: None,
            bbox: Some(pacific)
        })
        .total,
        0
    );
    let world = BoundingBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };
    assert_eq!(
        where_(EventFilter {
            country: None,
            bbox: Some(world)
        })
        .total,
        4
    );
    for bad in [
        BoundingBox {
            south: 10.0,
            north: 0.0,
            ..world
        },
        BoundingBox {
            west: -181.0,
            ..world
        },
        BoundingBox {
            north: f64::NAN,
            ..world
        },
    ] {
        assert!(store
            .events_where(
                &Query::default(),
                &EventFilter {
                    country: None,
                    bbox: Some(bad)
                },
                Page::default()
            )
            .is_err());
    }
}

#[test]
fn index_is_rebuilt_from_the_documents() {
    let mut store = filled();
    assert_eq!(store.rebuild_index().unwrap(), 3);
    assert_eq!(ids(&store, text("geëvacueerd")), ["Storm in Harlingen"]);
    assert_eq!(ids(&store, text("woning")).len(), 2);
}

#[test]
fn bad_queries_are_errors_not_panics() {
    let store = filled();
    for q in [
        "\"open",
        "-only",
        "NOT AND OR",
        "((",
        "*",
        "\"\"",
        "a\"b",
        "-",
    ] {
        let _ = store.search(&text(q), Page::default());
    }
    assert!(store.search(&text("-only"), Page::default()).is_err());
    assert!(store
        .search(
            &Query {
                lang: Some("xx".into()),
                ..Query::default()
            },
            Page::default()
        )
        .is_err());
}

#[test]
fn file_store_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.db");
    {
        let mut store = SqliteArchive::open(&path).unwrap();
        store
            .put(&doc("Een tekst.", "nl", json!({}), "A B", ("X", 1.0, 1.0)))
            .unwrap();
    }
    let store = SqliteArchive::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
    assert_eq!(store.schema_version().unwrap(), 2);
    let reader = SqliteArchive::open_read_only(&path).unwrap();
    assert_eq!(ids(&reader, text("tekst")).len(), 1);
}
