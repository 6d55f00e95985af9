//! Ingest as a user runs it: the test folders of every format into a store, twice; bad
//! documents reported with their position and skipped.

use kroniek_ingest::{ingest, IngestOptions, Position, Progress};
use kroniek_pipeline::Pipeline;
use kroniek_store::{Archive, Page, Query, SqliteArchive};
use std::path::PathBuf;

fn inputs(folder: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/archive")
        .join(folder)
}

fn quiet() -> IngestOptions {
    IngestOptions {
        progress: Progress::Quiet,
        jobs: 2,
        ..IngestOptions::default()
    }
}

fn titles(store: &SqliteArchive, query: Query) -> Vec<String> {
    let mut found: Vec<String> = store
        .search(
            &query,
            Page {
                limit: 100,
                offset: 0,
            },
        )
        .unwrap()
        .items
        .into_iter()
        .map(|h| h.document.title.unwrap_or_default())
        .collect();
    found.sort();
    found
}

#[test]
fn every_format_is_ingested_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let pipeline = Pipeline::new().unwrap();
    let first = ingest(&[inputs("good")], &db, &pipeline, &quiet()).unwrap();
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    assert_eq!(
        (first.files, first.documents, first.inserted),
        (7, 12, 12),
        "{first:?}"
    );
    let again = ingest(&[inputs("good")], &db, &pipeline, &quiet()).unwrap();
    assert_eq!(
        (
            again.documents,
            again.inserted,
            again.already_stored,
            again.analysed
        ),
        (12, 0, 12, 0)
    );

    let store = SqliteArchive::open_read_only(&db).unwrap();
    assert_eq!(store.stats().unwrap().documents, 12);
    let q = |text: &str| Query {
        text: Some(text.into()),
        ..Query::default()
    };
    // Stemming: "woning" finds the texts with "woningen".
    assert_eq!(
        titles(&store, q("woning")),
        [
            "Dijkwerkers in Zoutkamp krijgen extra geld",
            "Kabinet investeert in betaalbare woningen"
        ]
    );
    // HTML: legacy charset decoded, metadata read.
    let html = store.search(&q("caféterras"), Page::default()).unwrap();
    assert_eq!(html.total, 1, "windows-1252 page decoded");
    let page = store.document(html.items[0].document.id).unwrap().unwrap();
    assert_eq!(
        page.document.url.as_deref(),
        Some("https://eilanderbode.example/veerpont-vaart-weer")
    );
    assert_eq!(
        page.document.published.as_deref(),
        Some("2024-03-02T08:30:00+01:00")
    );
    assert!(
        !page.text.contains("Sport"),
        "navigation left out: {}",
        page.text
    );
    // Feeds: one document per item, outlet from the feed title, dates normalised.
    let rss = Query {
        outlet: Some("Regioblad Oost".into()),
        ..Query::default()
    };
    assert_eq!(titles(&store, rss).len(), 2);
    let atom = Query {
        lang: Some("en".into()),
        from: Some("2024-05".into()),
        ..Query::default()
    };
    assert_eq!(titles(&store, atom).len(), 2);
    // JSON Lines with aliases; RFC 2822 date normalised.
    let carnaval = store.search(&q("carnaval"), Page::default()).unwrap();
    assert_eq!(
        carnaval.items[0].document.published.as_deref(),
        Some("2024-02-10")
    );
    // WARC: the chunked+gzip page and the .gz file's page; the PNG and the 404 passed over.
    assert_eq!(titles(&store, q("zwembad")).len(), 1);
    assert_eq!(titles(&store, q("bomen Almere")).len(), 1);
    assert!(titles(&store, q("gevonden")).is_empty());
    // The analysis found speakers.
    let speakers = store
        .speakers(
            &Query::default(),
            Page {
                limit: 100,
                offset: 0,
            },
        )
        .unwrap();
    assert!(speakers.total >= 3, "{speakers:?}");
}

#[test]
fn bad_documents_are_reported_with_their_position_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let pipeline = Pipeline::new().unwrap();
    let report = ingest(&[inputs("bad")], &db, &pipeline, &quiet()).unwrap();
    let mut skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|b| {
            let name = b
                .origin
                .file
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            match b.origin.position {
                Some(Position::Line(n)) => format!("{name}:{n}"),
                Some(Position::Record(n)) => format!("{name}#{n}"),
                Some(Position::Item(n)) => format!("{name} item {n}"),
                None => name,
            }
        })
        .collect();
    skipped.sort();
    assert_eq!(
        skipped,
        [
            "afgebroken.warc#3",
            "kapot.jsonl:2",
            "kapot.jsonl:3",
            "kapot.rss",
            "latin1.txt",
            "leeg.txt"
        ],
        "{:#?}",
        report.skipped
    );
    let latin = report
        .skipped
        .iter()
        .find(|b| b.origin.file.ends_with("latin1.txt"))
        .unwrap();
    assert!(latin.reason.contains("line 1, column"), "{}", latin.reason);
    assert_eq!(
        report.inserted, 2,
        "goed.txt and the first line of kapot.jsonl are stored"
    );
}
