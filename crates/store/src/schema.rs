//! Versioned schema migrations, tracked in `PRAGMA user_version`.
//!
//! Migration `n` (1-based) brings a store from version `n - 1` to `n`. A migration is never
//! edited once released: a change of schema is a new migration appended to [`MIGRATIONS`].

use crate::StoreError;
use rusqlite::Connection;

/// The migrations, in order.
const MIGRATIONS: &[&str] = &[V1];

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

/// Brings the store to [`VERSION`], one transaction per migration.
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
        transaction.execute_batch(migration)?;
        transaction.pragma_update(None, "user_version", done as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}
