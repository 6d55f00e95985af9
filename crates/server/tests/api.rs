//! The JSON API and the pages, against a server on a loopback port over a store filled by
//! ingesting `tests/archive/good` and a hostile document.

mod support;

use kroniek_server::{start, ServerConfig, CONTENT_SECURITY_POLICY};
use support::{enc, get, request, shared};

fn first_id(query: &str) -> i64 {
    let found = get(shared().server.addr(), &format!("/api/search?{query}")).json();
    found["items"][0]["document"]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("nothing found for {query}: {found}"))
}

#[test]
fn search_finds_stemmed_words_with_highlight_offsets() {
    let addr = shared().server.addr();
    let found = get(addr, "/api/search?q=woning").json();
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");
    assert_eq!(found["page"], 1);
    let hit = &found["items"][0];
    let text: Vec<char> = hit["snippet"]["text"].as_str().unwrap().chars().collect();
    let start = hit["snippet"]["span"]["start"].as_u64().unwrap() as usize;
    let h = &hit["snippet"]["highlights"][0];
    let (s, e) = (
        h["start"].as_u64().unwrap() as usize - start,
        h["end"].as_u64().unwrap() as usize - start,
    );
    let word: String = text[s..e].iter().collect();
    assert!(word.to_lowercase().starts_with("woning"), "{word}");
}

#[test]
fn filters_select_documents() {
    let addr = shared().server.addr();
    let by_place = get(addr, "/api/search?place=Deventer").json();
    let titles = by_place["items"].to_string();
    assert!(titles.contains("fietsbrug"), "{titles}");
    let near = get(
        addr,
        &format!("/api/search?near={}&km=15", enc("52.25,6.16")),
    )
    .json();
    assert!(near["items"].to_string().contains("fietsbrug"), "{near}");
    let by_speaker = get(addr, "/api/search?speaker=Hoogland").json();
    assert!(
        by_speaker["items"].to_string().contains("Zoutkamp"),
        "{by_speaker}"
    );
    let english = get(addr, "/api/search?lang=en&per_page=1").json();
    assert_eq!(english["items"].as_array().unwrap().len(), 1);
    assert!(english["total"].as_u64().unwrap() >= 2);
    let none = get(addr, "/api/search?from=2030").json();
    assert_eq!(none["total"], 0);
}

#[test]
fn document_has_text_and_layers() {
    let addr = shared().server.addr();
    let id = first_id("q=Zoutkamp");
    let doc = get(addr, &format!("/api/documents/{id}")).json();
    assert!(doc["text"].as_str().unwrap().contains("Zoutkamp"));
    assert!(!doc["analysis"]["quotes"].as_array().unwrap().is_empty());
    assert_eq!(get(addr, "/api/documents/999999").status, 404);
}

#[test]
fn speakers_quotes_places_events() {
    let addr = shared().server.addr();
    let speakers = get(addr, "/api/speakers?per_page=100").json();
    assert!(
        speakers["items"].to_string().contains("Marieke Hoogland"),
        "{speakers}"
    );
    let quotes = get(addr, "/api/quotes?speaker=Hoogland").json();
    assert!(quotes["total"].as_u64().unwrap() >= 1);
    assert!(quotes["items"][0]["document"]["id"].is_i64());
    let places = get(addr, "/api/places").json();
    assert!(places["items"].to_string().contains("Deventer"));
    assert_eq!(get(addr, "/api/events").status, 200);
    assert!(
        get(addr, "/api/stats").json()["documents"]
            .as_u64()
            .unwrap()
            >= 12
    );
}

#[test]
fn events_come_with_coordinates_and_filter_by_country() {
    let addr = shared().server.addr();
    let all = get(addr, "/api/events?per_page=100").json();
    let located = get(
        addr,
        &format!("/api/events?bbox={}&per_page=100", enc("-180,-90,180,90")),
    )
    .json();
    let items = located["items"].as_array().unwrap();
    assert!(!items.is_empty(), "no event with coordinates: {all}");
    for event in items {
        let lat = event["latitude"].as_f64().unwrap();
        let lon = event["longitude"].as_f64().unwrap();
        assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        assert!(event["geo_precision"]
            .as_u64()
            .is_some_and(|p| (1..=3).contains(&p)));
    }
    // Every event has the keys, null when its place is unresolved.
    for event in all["items"].as_array().unwrap() {
        for key in ["latitude", "longitude", "country", "geo_precision"] {
            assert!(event.get(key).is_some(), "{key} missing: {event}");
        }
    }
    let country = items[0]["country"].as_str().unwrap();
    let by_country = get(
        addr,
        &format!("/api/events?country={}", country.to_lowercase()),
    )
    .json();
    let listed = by_country["items"].as_array().unwrap();
    assert!(!listed.is_empty(), "{by_country}");
    assert!(
        listed.iter().all(|e| e["country"] == country),
        "{by_country}"
    );
    let nowhere = get(addr, "/api/events?country=AQ").json();
    assert_eq!(nowhere["total"], 0);
    for path in [
        "/api/events?country=Nederland",
        "/api/events?bbox=1,2,3",
        "/api/events?bbox=0,10,1,5",
        "/api/events?bbox=0,0,200,1",
        "/api/search?country=NL",
        "/timeline?country=N1",
    ] {
        assert_eq!(get(addr, path).status, 400, "{path}");
    }
    assert_eq!(
        get(addr, &format!("/timeline?country={country}")).status,
        200
    );
    let map = get(addr, "/map").body;
    assert!(
        map.contains("<rect class=\"event-dot\""),
        "no event on the map"
    );
}

#[test]
fn malformed_queries_get_400_with_a_message() {
    let addr = shared().server.addr();
    for path in [
        "/api/search?page=0",
        "/api/search?page=abc",
        "/api/search?per_page=100000",
        "/api/search?near=north",
        "/api/search?km=3",
        "/api/search?from=2024-13-01",
        "/api/search?lang=xx",
        "/api/search?bogus=1",
        "/api/search?q=a&q=b",
        "/api/search?page=99999",
        "/api/speakers?to=yesterday",
        "/api/documents/abc",
        "/api/documents/99999999999999999999999",
    ] {
        let response = get(addr, path);
        assert_eq!(response.status, 400, "{path}: {}", response.body);
        assert!(
            response.json()["error"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{path}"
        );
    }
    // Unbalanced or odd full-text syntax is never a 500.
    for q in ["\"unclosed", "-", "*", "a OR", "NEAR(", "((", "\u{0}"] {
        let response = get(addr, &format!("/api/search?q={}", enc(q)));
        assert!(
            response.status == 200 || response.status == 400,
            "{q:?}: {} {}",
            response.status,
            response.body
        );
    }
    let page = get(addr, "/?page=0");
    assert_eq!(page.status, 400);
    assert!(page.body.contains("page must be"));
    assert!(get(addr, "/api/nothing").json()["error"].is_string());
    assert_eq!(get(addr, "/nothing").status, 404);
}

#[test]
fn security_headers_on_every_response() {
    let addr = shared().server.addr();
    for path in [
        "/",
        "/api/search?q=dijk",
        "/static/app.css",
        "/nothing",
        "/api/search?page=0",
    ] {
        let response = get(addr, path);
        assert_eq!(
            response.header("content-security-policy"),
            Some(CONTENT_SECURITY_POLICY),
            "{path}"
        );
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(response.header("referrer-policy"), Some("no-referrer"));
    }
    assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'self'"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe"));
}

#[test]
fn document_text_and_title_are_escaped() {
    let addr = shared().server.addr();
    let id = first_id("q=onerror");
    for path in [
        format!("/doc/{id}"),
        "/?q=onerror".to_string(),
        "/speakers".to_string(),
        "/quotes?speaker=wethouder".to_string(),
        "/map".to_string(),
        "/timeline".to_string(),
    ] {
        let page = get(addr, &path);
        assert_eq!(page.status, 200, "{path}");
        let body = &page.body;
        assert!(!body.contains("<script>alert"), "{path}: script unescaped");
        assert!(!body.contains("<img src=x"), "{path}: img unescaped");
        assert!(!body.contains("<b>blad"), "{path}: markup unescaped");
        assert!(!body.contains("javascript:"), "{path}: script url linked");
        // Only our own script tag.
        assert_eq!(body.matches("<script").count(), 1, "{path}");
    }
    let article = get(addr, &format!("/doc/{id}")).body;
    assert!(article.contains("&#60;script&#62;alert(") || article.contains("&lt;script&gt;alert("));
}

#[test]
fn article_marks_quotes_with_their_speaker() {
    let addr = shared().server.addr();
    let id = first_id("q=Zoutkamp");
    let page = get(addr, &format!("/doc/{id}")).body;
    assert!(page.contains(r#"<span class="q c"#), "no quote mark");
    assert!(
        page.contains(">Marieke Hoogland</span>"),
        "no speaker label"
    );
    assert!(page.contains(r#"class="place""#) || page.contains(" place\""));
    assert!(page.contains("data-target=\"q0\""));
    assert_eq!(get(addr, "/doc/abc").status, 400);
    assert_eq!(get(addr, "/doc/424242").status, 404);
}

#[test]
fn pages_are_served() {
    let addr = shared().server.addr();
    for path in [
        "/",
        "/?q=dijk",
        "/speakers",
        "/quotes?speaker=Hoogland",
        "/map",
        "/map?view=world",
        "/timeline",
        "/static/app.js",
        "/static/app.css",
    ] {
        assert_eq!(get(addr, path).status, 200, "{path}");
    }
    let map = get(addr, "/map").body;
    assert!(map.contains("<circle class=\"dot\""));
    assert!(map.contains("Netherlands"));
    assert!(get(addr, "/static/app.js")
        .header("content-type")
        .unwrap()
        .contains("javascript"));
}

#[test]
fn openapi_describes_the_routes() {
    let addr = shared().server.addr();
    let spec = get(addr, "/api/openapi.json").json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/search",
        "/api/documents/{id}",
        "/api/speakers",
        "/api/quotes",
        "/api/places",
        "/api/events",
        "/api/ingest",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} undocumented");
    }
    let events = spec["paths"]["/api/events"]["get"]["parameters"].to_string();
    assert!(
        events.contains("/country") && events.contains("/bbox"),
        "{events}"
    );
    let hit = &spec["components"]["schemas"]["EventHit"]["properties"];
    for key in ["latitude", "longitude", "country", "geo_precision"] {
        assert!(hit.get(key).is_some(), "EventHit.{key} undocumented");
    }
}

#[test]
fn ingest_needs_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let mut config = ServerConfig::new(db.clone());
    config.ingest_token = Some("s3cret-token-for-tests".into());
    config.max_body_bytes = 64 * 1024;
    let server = start(support::loopback(), config).expect("server with ingest");
    let addr = server.addr();
    let doc = br#"{"text": "Burgemeester Anna Bakker zei: \"We bouwen tweehonderd woningen.\" Dat gebeurt in Zwolle.", "title": "Woningen in Zwolle", "published": "2024-07-01", "lang": "nl"}"#;
    let json = ("Content-Type", "application/json");
    assert_eq!(
        request(addr, "POST", "/api/ingest", &[json], doc).status,
        401
    );
    let wrong = ("Authorization", "Bearer wrong");
    assert_eq!(
        request(addr, "POST", "/api/ingest", &[json, wrong], doc).status,
        401
    );
    let right = ("Authorization", "Bearer s3cret-token-for-tests");
    let stored = request(addr, "POST", "/api/ingest", &[json, right], doc);
    assert_eq!(stored.status, 200, "{}", stored.body);
    assert_eq!(stored.json()["outcome"], "inserted");
    let again = request(addr, "POST", "/api/ingest", &[json, right], doc);
    assert_eq!(again.json()["outcome"], "unchanged");
    let found = get(addr, "/api/search?q=woning").json();
    assert_eq!(found["total"], 1, "{found}");
    let bad = request(addr, "POST", "/api/ingest", &[json, right], b"{not json");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].is_string());
    let huge = vec![b'a'; 100 * 1024];
    assert_eq!(
        request(addr, "POST", "/api/ingest", &[json, right], &huge).status,
        413
    );
    server.stop().unwrap();

    // The shared server was started without a token: no ingest at all.
    let read_only = shared().server.addr();
    assert_eq!(
        request(read_only, "POST", "/api/ingest", &[json, right], doc).status,
        404
    );
}

#[test]
fn a_short_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::new(dir.path().join("new.db"));
    config.ingest_token = Some("short".into());
    let error = start(support::loopback(), config).unwrap_err();
    assert!(error.to_string().contains("at least"), "{error}");
}

#[test]
fn a_missing_store_is_an_error_not_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    let error = start(support::loopback(), ServerConfig::new(db.clone())).unwrap_err();
    assert!(error.to_string().contains("no store"), "{error}");
    assert!(!db.exists());
}
