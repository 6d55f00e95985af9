//! Versioned schema migrations, tracked in `PRAGMA user_version`.
//!
//! Migration `n` (1-based) brings a store from version `n - 1` to `n`. A migration is never
//! edited once released: a change of schema is a new migration appended to [`MIGRATIONS`].

use crate::StoreError;
use rusqlite::Connection;

/// Code that fills new columns from the data already stored (inside the migration's
/// transaction).
type Fill = fn(&Connection) -> Result<(), StoreError>;

/// One schema change: SQL, then optionally Rust code that fills what the SQL added from the
/// stored data (both in the same transaction as the version bump).
struct Migration {
    /// The schema change.
    sql: &'static str,
    /// Back-fills the new columns of the rows already stored.
    fill: Option<Fill>,
}

/// The migrations, in order.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: V1,
        fill: None,
    },
    Migration {
        sql: V2,
        fill: Some(crate::sqlite::fill_event_geo),
    },
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: documents, layers and the full-text index.
const V1: &str = r#"
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    url         TEXT UNIQUE,
    title       TEXT,
    outlet      TEXT COLLATE NOCASE,
    author      TEXT,
    published   TEXT,
    lang        TEXT NOT NULL COLLATE NOCASE,
    source      TEXT,
    text        TEXT NOT NULL,
    analysis    BLOB NOT NULL,
    ingested_at INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet, published);
CREATE INDEX documents_lang ON documents(lang, published);

CREATE TABLE entities (
    doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    kind     TEXT,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,
    last_key TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name_key);
CREATE INDEX entities_last ON entities(last_key);

CREATE TABLE mentions (
    doc    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    start  INTEGER,
    end    INTEGER,
    text   TEXT
);
CREATE INDEX mentions_doc ON mentions(doc, entity);

CREATE TABLE quotes (
    doc            INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    kind           TEXT,
    text           TEXT,
    speaker        TEXT,
    speaker_key    TEXT,
    speaker_last   TEXT,
    speaker_entity INTEGER,
    cue            TEXT,
    start          INTEGER,
    end            INTEGER,
    outlet         TEXT,
    published      TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_key, outlet, doc);
CREATE INDEX quotes_speaker_last ON quotes(speaker_last);
CREATE INDEX quotes_published ON quotes(published);

CREATE TABLE places (
    doc         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    place_key   TEXT NOT NULL,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX places_name ON places(name_key);
CREATE INDEX places_key ON places(place_key, doc, mentions);
CREATE INDEX places_lat ON places(lat, lon);

CREATE TABLE quantities (
    doc    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    kind   TEXT,
    start  INTEGER,
    end    INTEGER,
    lower  REAL,
    upper  REAL,
    unit   TEXT,
    item   TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE times (
    doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    kind     TEXT,
    start    INTEGER,
    end      INTEGER,
    timex    TEXT,
    value    TEXT,
    resolved INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    type     TEXT COLLATE NOCASE,
    sub_type TEXT,
    place    TEXT,
    date     TEXT,
    counts   TEXT,
    start    INTEGER,
    end      INTEGER,
    item     TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_date ON events(date);

CREATE VIRTUAL TABLE fts USING fts5(
    words,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
"#;

/// Version 2: events get the coordinates, country and geo precision of their resolved place
/// (filled for the events already stored from the stored analyses), with indexes for a
/// country and a bounding-box filter.
const V2: &str = r#"
ALTER TABLE events ADD COLUMN latitude REAL;
ALTER TABLE events ADD COLUMN longitude REAL;
ALTER TABLE events ADD COLUMN country TEXT;
ALTER TABLE events ADD COLUMN geo_precision INTEGER;
CREATE INDEX events_country ON events(country, date);
CREATE INDEX events_geo ON events(latitude, longitude);
"#;

/// Brings the store to [`VERSION`], one transaction per migration (schema change, back-fill
/// and version number together: a migration interrupted at any point leaves the store as it
/// was, and the next open runs it again).
pub fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: VERSION,
        });
    }
    for (done, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration.sql)?;
        if let Some(fill) = migration.fill {
            fill(&transaction)?;
        }
        transaction.pragma_update(None, "user_version", done as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Archive, EventFilter, Page, Query, SqliteArchive};
    use serde_json::json;
    use std::path::Path;

    /// A store of schema version 1 holding one document with two events (one at a resolved
    /// place, one at a place the gazetteer lacks), written as Kroniek wrote version 1.
    fn version_1_store(path: &Path) {
        let mut c = Connection::open(path).unwrap();
        let transaction = c.transaction().unwrap();
        transaction.execute_batch(V1).unwrap();
        transaction.pragma_update(None, "user_version", 1).unwrap();
        transaction.commit().unwrap();
        let analysis = json!({
            "lang": "nl",
            "text": "Storm in Harlingen. Brand in Baghouz.",
            "places": [{"name": "Harlingen", "country_code": "NL", "latitude": 53.174,
                        "longitude": 5.422, "feature": "town"},
                       {"name": "Syrië", "country_code": "SY", "latitude": 35.0,
                        "longitude": 38.0, "feature": "country"}],
            "events": [
                {"event_type": "storm", "place": {"place": 0, "text": "Harlingen", "source": "sentence"}},
                {"event_type": "fire", "place": {"text": "Baghouz", "within": 1, "source": "sentence"}}
            ]
        });
        let packed = crate::sqlite::packed_analysis(&analysis).unwrap();
        c.execute(
            "INSERT INTO documents (id, hash, title, published, lang, text, analysis, ingested_at) VALUES (1, 'h', 'Storm', '2019-03-05', 'nl', ?, ?, 0)",
            rusqlite::params![analysis["text"].as_str(), packed],
        )
        .unwrap();
        for (i, item) in analysis["events"].as_array().unwrap().iter().enumerate() {
            c.execute(
                "INSERT INTO events VALUES (1, ?, ?, NULL, ?, '2019-03-05', NULL, 0, 5, ?)",
                rusqlite::params![
                    i as i64,
                    item["event_type"].as_str(),
                    item["place"]["text"].as_str(),
                    item.to_string()
                ],
            )
            .unwrap();
        }
    }

    #[test]
    fn version_1_store_is_upgraded_and_back_filled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_store(&path);
        // Read-only, the old store is served as it is: no coordinates, no country filter.
        let old = SqliteArchive::open_read_only(&path).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
        let events = old.events(&Query::default(), Page::default()).unwrap();
        assert_eq!(events.total, 2);
        assert_eq!(events.items[0].latitude, None);
        let by_country = EventFilter {
            country: Some("nl".into()),
            bbox: None,
        };
        assert!(old
            .events_where(&Query::default(), &by_country, Page::default())
            .is_err());
        drop(old);

        let store = SqliteArchive::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), VERSION);
        let events = store.events(&Query::default(), Page::default()).unwrap();
        let storm = &events.items[0];
        assert_eq!(storm.event_type.as_deref(), Some("storm"));
        assert_eq!(
            (storm.latitude, storm.longitude),
            (Some(53.174), Some(5.422))
        );
        assert_eq!(storm.country.as_deref(), Some("NL"));
        assert_eq!(storm.geo_precision, Some(1));
        let fire = &events.items[1];
        assert_eq!((fire.latitude, fire.geo_precision), (None, None));
        assert_eq!(fire.country.as_deref(), Some("SY"));
        let dutch = store
            .events_where(&Query::default(), &by_country, Page::default())
            .unwrap();
        assert_eq!(dutch.total, 1);
        assert_eq!(dutch.items[0].event_type.as_deref(), Some("storm"));
    }

    #[test]
    fn a_failed_back_fill_leaves_the_store_at_version_1() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_store(&path);
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(
                "CREATE TRIGGER refuse BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'interrupted'); END;",
            )
            .unwrap();
        }
        assert!(SqliteArchive::open(&path).is_err());
        let c = Connection::open(&path).unwrap();
        let version: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let columns: i64 = c
            .query_row(
                "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'latitude'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            columns, 0,
            "the schema change was rolled back with the back-fill"
        );
        c.execute_batch("DROP TRIGGER refuse").unwrap();
        drop(c);
        let store = SqliteArchive::open(&path).unwrap();
        let events = store.events(&Query::default(), Page::default()).unwrap();
        assert_eq!(events.items[0].latitude, Some(53.174));
    }
}
