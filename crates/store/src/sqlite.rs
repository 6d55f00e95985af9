//! The SQLite implementation of [`Archive`]: one file, WAL mode, one transaction per document.

use crate::geo::event_geo;
use crate::layers::{float, int, json, layer, name_keys, span, text, text_of};
use crate::snippet::snippet;
use crate::stem::{index_text, parse_query, TextQuery};
use crate::{
    content_hash, schema, Archive, BoundingBox, Counted, DocId, DocumentSummary, EventFilter,
    EventHit, EventScope, Near, NewDocument, OutletCount, Page, PlaceCount, Presence, PutOutcome,
    Query, QuoteHit, SearchHit, SpeakerCount, Stats, StoreError, StoredDocument,
};
use kroniek_text::Lang;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension, Row};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

/// Most items one page may ask for.
pub const MAX_LIMIT: u32 = 1000;

/// Mean Earth radius in kilometres, for great-circle distances.
const EARTH_KM: f64 = 6371.0088;

/// The columns of a [`DocumentSummary`], for table alias `d`.
const SUMMARY: &str = "d.id, d.title, d.url, d.outlet, d.published, d.lang";

/// An archive in one SQLite file.
pub struct SqliteArchive {
    connection: Connection,
    /// The file's schema version: [`schema::VERSION`], or older for a store opened read-only
    /// before a newer Kroniek wrote to it (then the newer columns read as NULL).
    version: i64,
}

impl std::fmt::Debug for SqliteArchive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteArchive")
            .field("path", &self.connection.path())
            .finish()
    }
}

impl SqliteArchive {
    /// Opens (creating if needed) the store at `path` for reading and writing, migrating its
    /// schema to the current version.
    pub fn open(path: &Path) -> Result<SqliteArchive, StoreError> {
        let mut connection = Connection::open(path)?;
        configure(&connection)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrate(&mut connection)?;
        Ok(SqliteArchive {
            connection,
            version: schema::VERSION,
        })
    }

    /// Opens an existing store for reading only (one per server worker). A store of an older
    /// schema is read as it is (it is upgraded the next time it is opened for writing): events
    /// then have no coordinates, and filtering them by country or box is an error.
    pub fn open_read_only(path: &Path) -> Result<SqliteArchive, StoreError> {
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&connection)?;
        let found: i64 = connection.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > schema::VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: schema::VERSION,
            });
        }
        Ok(SqliteArchive {
            connection,
            version: found,
        })
    }

    /// A store in memory, for tests.
    pub fn open_in_memory() -> Result<SqliteArchive, StoreError> {
        let mut connection = Connection::open_in_memory()?;
        configure(&connection)?;
        schema::migrate(&mut connection)?;
        Ok(SqliteArchive {
            connection,
            version: schema::VERSION,
        })
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .connection
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// Connection settings: durability, foreign keys, waiting on a busy writer, the `km` function.
fn configure(connection: &Connection) -> Result<(), StoreError> {
    connection.busy_timeout(Duration::from_secs(10))?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    connection.create_scalar_function(
        "km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let get = |i| ctx.get::<Option<f64>>(i);
            Ok(match (get(0)?, get(1)?, get(2)?, get(3)?) {
                (Some(a), Some(b), Some(c), Some(d)) => Some(haversine_km(a, b, c, d)),
                _ => None,
            })
        },
    )?;
    Ok(())
}

/// Great-circle distance in kilometres between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_KM * a.sqrt().min(1.0).asin()
}

/// An event's place: the name of the place it points to in the places layer, else its
/// words.
fn event_place(analysis: &Value, event: &Value) -> Option<String> {
    let place = event.get("place").filter(|p| !p.is_null())?;
    let linked = int(place, "place")
        .and_then(|i| layer(analysis, "places").get(usize::try_from(i).ok()?))
        .and_then(|p| text(p, "name"));
    linked.or_else(|| text_of(event, &["place", "location", "where"]))
}

/// An event's date: the resolved value of the time expression it points to (ISO 8601), else
/// a date given on the event itself.
fn event_date(analysis: &Value, event: &Value) -> Option<String> {
    let linked = event
        .get("time")
        .and_then(|t| int(t, "time"))
        .and_then(|i| layer(analysis, "times").get(usize::try_from(i).ok()?))
        .and_then(|t| t.get("value"))
        .and_then(|v| v.get("value").or_else(|| v.get("start")))
        .and_then(Value::as_str)
        .map(str::to_string);
    linked.or_else(|| match event.get("date") {
        Some(Value::String(date)) => Some(date.clone()),
        _ => text_of(event, &["date", "when"]),
    })
}

/// The analysis as stored: deflate-compressed JSON without its `text` field, which the
/// `text` column holds (put back by [`Archive::document`]).
pub(crate) fn packed_analysis(analysis: &Value) -> Result<Vec<u8>, StoreError> {
    let json = match analysis.as_object() {
        Some(object) => {
            let trimmed: serde_json::Map<String, Value> = object
                .iter()
                .filter(|(key, _)| key.as_str() != "text")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            serde_json::to_vec(&trimmed)?
        }
        None => serde_json::to_vec(analysis)?,
    };
    let damaged = |e: std::io::Error| StoreError::Damaged(e.to_string());
    let mut encoder = libflate::deflate::Encoder::new(Vec::with_capacity(json.len() / 4));
    encoder.write_all(&json).map_err(damaged)?;
    encoder.finish().into_result().map_err(damaged)
}

/// The analysis of a stored document without its text.
fn inflated(packed: &[u8]) -> Result<Value, StoreError> {
    let mut json = Vec::with_capacity(packed.len() * 4);
    libflate::deflate::Decoder::new(packed)
        .read_to_end(&mut json)
        .map_err(|e| StoreError::Damaged(e.to_string()))?;
    Ok(serde_json::from_slice(&json)?)
}

/// The analysis of a stored document, its text put back.
fn unpacked_analysis(packed: &[u8], text: &str) -> Result<Value, StoreError> {
    let mut analysis = inflated(packed)?;
    if let Some(object) = analysis.as_object_mut() {
        object.insert("text".to_string(), Value::String(text.to_string()));
    }
    Ok(analysis)
}

/// Fills the coordinates, country and geo precision of the events already stored, from their
/// documents' stored analyses (the back-fill of schema version 2; runs inside the migration's
/// transaction). A document whose analysis cannot be read back (a damaged file) keeps its
/// events without coordinates rather than making the store impossible to open.
pub(crate) fn fill_event_geo(c: &Connection) -> Result<(), StoreError> {
    let mut read = c.prepare(
        "SELECT d.id, d.analysis FROM documents d WHERE d.id IN (SELECT DISTINCT doc FROM events)",
    )?;
    let mut update = c.prepare(
        "UPDATE events SET latitude = ?, longitude = ?, country = ?, geo_precision = ? WHERE doc = ? AND idx = ?",
    )?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let id: DocId = row.get(0)?;
        let Ok(analysis) = inflated(&row.get::<_, Vec<u8>>(1)?) else {
            continue;
        };
        for (i, item) in layer(&analysis, "events").iter().enumerate() {
            let geo = event_geo(&analysis, item);
            if geo.country.is_some() || geo.latitude.is_some() {
                update.execute(params![
                    geo.latitude,
                    geo.longitude,
                    geo.country,
                    geo.precision,
                    id,
                    i as i64
                ])?;
            }
        }
    }
    Ok(())
}

/// Seconds since the Unix epoch.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A query turned into SQL over `documents d` (joined with `fts` for a text query).
struct Selection {
    /// `FROM ...` clause.
    from: &'static str,
    /// Conditions joined with AND (`1` when none).
    conditions: String,
    /// Parameters of `conditions`, in order.
    params: Vec<Sql>,
    /// The parsed text query.
    text: Option<TextQuery>,
}

impl Selection {
    /// Builds the SQL for `query`, rejecting impossible values.
    fn new(query: &Query) -> Result<Selection, StoreError> {
        let text = match query.text.as_deref() {
            Some(t) => parse_query(t)?,
            None => None,
        };
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<Sql> = Vec::new();
        if let Some(t) = &text {
            parts.push("fts MATCH ?".into());
            params.push(Sql::Text(t.fts.clone()));
        }
        let named = [
            (&query.speaker, "quotes", "speaker_key", "speaker_last"),
            (&query.entity, "entities", "name_key", "last_key"),
        ];
        for (value, table, key, last) in named {
            if let Some(name) = non_empty(value) {
                let (k, _) = name_keys(name);
                parts.push(format!(
                    "d.id IN (SELECT doc FROM {table} WHERE {key} = ? OR {last} = ?)"
                ));
                params.push(Sql::Text(k.clone()));
                params.push(Sql::Text(k));
            }
        }
        if let Some(place) = non_empty(&query.place) {
            parts.push("d.id IN (SELECT doc FROM places WHERE name_key = ?)".into());
            params.push(Sql::Text(name_keys(place).0));
        }
        if let Some(near) = query.near {
            near_condition(near, &mut parts, &mut params)?;
        }
        if let Some(kind) = non_empty(&query.event_type) {
            parts.push("d.id IN (SELECT doc FROM events WHERE type = ?)".into());
            params.push(Sql::Text(kind.to_string()));
        }
        if let Some(from) = non_empty(&query.from) {
            parts.push("d.published >= ?".into());
            params.push(Sql::Text(from.to_string()));
        }
        if let Some(to) = non_empty(&query.to) {
            // `~` sorts after every character of an ISO date: `to` includes its whole day.
            parts.push("d.published <= ?".into());
            params.push(Sql::Text(format!("{to}~")));
        }
        if let Some(lang) = non_empty(&query.lang) {
            let lang = Lang::from_code(lang)
                .ok_or_else(|| StoreError::BadQuery(format!("unknown language {lang:?}")))?;
            parts.push("d.lang = ?".into());
            params.push(Sql::Text(lang.code().to_string()));
        }
        if let Some(outlet) = non_empty(&query.outlet) {
            parts.push("d.outlet = ?".into());
            params.push(Sql::Text(outlet.to_string()));
        }
        // The full-text match drives the join (CROSS JOIN fixes the order): evaluated the other
        // way, FTS5 would run the match again for every candidate document.
        let conditions = if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join(" AND ")
        };
        Ok(Selection {
            from: if text.is_some() {
                "fts CROSS JOIN documents d ON d.id = fts.rowid"
            } else {
                "documents d"
            },
            conditions,
            params,
            text,
        })
    }

    /// Whether the selection is every document.
    fn is_everything(&self) -> bool {
        self.params.is_empty()
    }

    /// `AND <column> IN (ids of the selection)`, or nothing for every document.
    fn restrict(&self, column: &str) -> String {
        if self.is_everything() {
            String::new()
        } else {
            format!(
                " AND {column} IN (SELECT d.id FROM {} WHERE {})",
                self.from, self.conditions
            )
        }
    }
}

/// The SQL of an event listing (see `SqliteArchive::event_listing`).
struct EventListing {
    /// Conditions on `events e`, joined with AND (`1` when none).
    own: String,
    /// Parameters of `own`, in order.
    extra: Vec<Sql>,
    /// The documents the events must come from.
    selection: Selection,
    /// Whether the store has the events' coordinate columns (schema version 2 and later).
    located: bool,
}

/// The value of an optional filter, if it says something.
fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The condition for places within `near.km` of a point: a bounding box on the indexed
/// coordinates first, then the exact great-circle distance.
fn near_condition(
    near: Near,
    parts: &mut Vec<String>,
    params: &mut Vec<Sql>,
) -> Result<(), StoreError> {
    let valid = (-90.0..=90.0).contains(&near.lat)
        && (-180.0..=180.0).contains(&near.lon)
        && near.km.is_finite()
        && near.km >= 0.0;
    if !valid {
        return Err(StoreError::BadQuery(
            "--near needs a latitude in [-90, 90], a longitude in [-180, 180] and a distance of 0 km or more"
                .to_string(),
        ));
    }
    let dlat = near.km / 111.0;
    let cos = near.lat.to_radians().cos();
    let dlon = if cos > 1e-6 {
        near.km / (111.320 * cos)
    } else {
        360.0
    };
    let mut sql = String::from("d.id IN (SELECT doc FROM places WHERE lat BETWEEN ? AND ?");
    params.push(Sql::Real(near.lat - dlat));
    params.push(Sql::Real(near.lat + dlat));
    if near.lon - dlon >= -180.0 && near.lon + dlon <= 180.0 {
        sql.push_str(" AND lon BETWEEN ? AND ?");
        params.push(Sql::Real(near.lon - dlon));
        params.push(Sql::Real(near.lon + dlon));
    }
    sql.push_str(" AND km(lat, lon, ?, ?) <= ?)");
    params.extend([Sql::Real(near.lat), Sql::Real(near.lon), Sql::Real(near.km)]);
    parts.push(sql);
    Ok(())
}

/// The conditions of an [`EventFilter`] on `events e`. `located`: the store has the
/// coordinate columns (schema version 2 and later).
fn event_conditions(
    filter: &EventFilter,
    located: bool,
    parts: &mut Vec<String>,
    params: &mut Vec<Sql>,
) -> Result<(), StoreError> {
    let country = non_empty(&filter.country);
    if (country.is_some() || filter.bbox.is_some()) && !located {
        return Err(StoreError::BadQuery(
            "this store predates event coordinates: open it once for writing (kroniek ingest) to upgrade it"
                .to_string(),
        ));
    }
    if let Some(country) = country {
        parts.push("e.country = ?".into());
        params.push(Sql::Text(country.to_ascii_uppercase()));
    }
    if let Some(bbox) = filter.bbox {
        check_bbox(bbox)?;
        parts.push("e.latitude BETWEEN ? AND ?".into());
        params.push(Sql::Real(bbox.south));
        params.push(Sql::Real(bbox.north));
        if bbox.west <= bbox.east {
            parts.push("e.longitude BETWEEN ? AND ?".into());
        } else {
            // Across the antimeridian: east of `west` or west of `east`.
            parts.push("(e.longitude >= ? OR e.longitude <= ?)".into());
        }
        params.push(Sql::Real(bbox.west));
        params.push(Sql::Real(bbox.east));
    }
    Ok(())
}

/// The conditions of an [`EventScope`] on `events e`: the event's date (`until` includes its
/// whole day, month or year, as [`Query::to`] does) and its flags in the stored item.
fn scope_conditions(scope: &EventScope, parts: &mut Vec<String>, params: &mut Vec<Sql>) {
    if let Some(since) = non_empty(&scope.since) {
        parts.push("e.date >= ?".into());
        params.push(Sql::Text(since.to_string()));
    }
    if let Some(until) = non_empty(&scope.until) {
        // `~` sorts after every character of an ISO date.
        parts.push("e.date <= ?".into());
        params.push(Sql::Text(format!("{until}~")));
    }
    if scope.asserted_only {
        parts.push(
            "coalesce(json_extract(e.item, '$.negated'), 0) = 0 AND coalesce(json_extract(e.item, '$.hypothetical'), 0) = 0"
                .into(),
        );
    }
}

/// Refuses a box with a coordinate out of range or its south above its north.
fn check_bbox(bbox: BoundingBox) -> Result<(), StoreError> {
    let lat = |x: f64| (-90.0..=90.0).contains(&x);
    let lon = |x: f64| (-180.0..=180.0).contains(&x);
    if lat(bbox.south)
        && lat(bbox.north)
        && lon(bbox.west)
        && lon(bbox.east)
        && bbox.south <= bbox.north
    {
        Ok(())
    } else {
        Err(StoreError::BadQuery(
            "a bounding box needs longitudes in [-180, 180], latitudes in [-90, 90] and its south at or below its north".to_string(),
        ))
    }
}

/// Checks a page's bounds.
fn checked(page: Page) -> Result<Page, StoreError> {
    if page.limit > MAX_LIMIT {
        return Err(StoreError::BadQuery(format!(
            "limit {} is more than {MAX_LIMIT}",
            page.limit
        )));
    }
    Ok(page)
}

/// Reads a [`DocumentSummary`] from columns `at..at + 6` (see [`SUMMARY`]).
fn summary(row: &Row, at: usize) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        id: row.get(at)?,
        title: row.get(at + 1)?,
        url: row.get(at + 2)?,
        outlet: row.get(at + 3)?,
        published: row.get(at + 4)?,
        lang: row.get(at + 5)?,
    })
}

/// Parameters of a selection followed by limit and offset.
fn paged(selection: &Selection, extra: &[Sql], page: Page) -> Vec<Sql> {
    let mut params = extra.to_vec();
    params.extend(selection.params.iter().cloned());
    params.push(Sql::Integer(i64::from(page.limit)));
    params.push(Sql::Integer(i64::from(page.offset)));
    params
}

impl SqliteArchive {
    /// Stores a document's rows, its layers and its index entry (inside a transaction).
    fn write(&self, id: Option<DocId>, doc: &NewDocument, hash: &str) -> Result<DocId, StoreError> {
        let c = &self.connection;
        let analysis = packed_analysis(&doc.analysis)?;
        let lang = doc.lang.code();
        let id = match id {
            Some(id) => {
                for table in [
                    "entities",
                    "mentions",
                    "quotes",
                    "places",
                    "quantities",
                    "times",
                    "events",
                ] {
                    c.execute(&format!("DELETE FROM {table} WHERE doc = ?"), [id])?;
                }
                c.execute("DELETE FROM fts WHERE rowid = ?", [id])?;
                c.execute(
                    "UPDATE documents SET hash=?1, url=?2, title=?3, outlet=?4, author=?5, published=?6, lang=?7, source=?8, text=?9, analysis=?10, ingested_at=?11 WHERE id=?12",
                    params![hash, doc.url, doc.title, doc.outlet, doc.author, doc.published, lang, doc.source, doc.text, analysis, now(), id],
                )?;
                id
            }
            None => {
                c.execute(
                    "INSERT INTO documents (hash, url, title, outlet, author, published, lang, source, text, analysis, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![hash, doc.url, doc.title, doc.outlet, doc.author, doc.published, lang, doc.source, doc.text, analysis, now()],
                )?;
                c.last_insert_rowid()
            }
        };
        self.write_layers(id, doc)?;
        c.execute(
            "INSERT INTO fts (rowid, words) VALUES (?, ?)",
            params![id, index_text(doc.lang, doc.title.as_deref(), &doc.text)],
        )?;
        Ok(id)
    }

    /// Stores the layer rows of one analysis.
    fn write_layers(&self, doc: DocId, document: &NewDocument) -> Result<(), StoreError> {
        let c = &self.connection;
        let analysis = &document.analysis;
        let mut entity = c.prepare_cached("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)")?;
        let mut mention = c.prepare_cached("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)")?;
        for (i, item) in layer(analysis, "entities").iter().enumerate() {
            let idx = int(item, "id").unwrap_or(i as i64);
            let name = text(item, "name").unwrap_or_default();
            let (key, last) = name_keys(&name);
            let mentions = layer(item, "mentions");
            entity.execute(params![
                doc,
                idx,
                text(item, "kind"),
                name,
                key,
                last,
                mentions.len() as i64
            ])?;
            for m in mentions {
                let (start, end) = span(m);
                mention.execute(params![doc, idx, start, end, text(m, "text")])?;
            }
        }
        let mut quote =
            c.prepare_cached("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")?;
        for (i, item) in layer(analysis, "quotes").iter().enumerate() {
            let speaker = item.get("speaker").filter(|s| !s.is_null());
            let name = speaker.and_then(|s| text(s, "name"));
            let keys = name.as_deref().map(name_keys);
            let (start, end) = span(item);
            quote.execute(params![
                doc,
                int(item, "id").unwrap_or(i as i64),
                text(item, "kind"),
                text(item, "text"),
                name,
                keys.as_ref().map(|k| &k.0),
                keys.as_ref().map(|k| &k.1),
                speaker.and_then(|s| int(s, "entity")),
                item.get("cue").and_then(|cue| text(cue, "text")),
                start,
                end,
                document.outlet,
                document.published
            ])?;
        }
        let mut place =
            c.prepare_cached("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")?;
        for (i, item) in layer(analysis, "places").iter().enumerate() {
            let name = text(item, "name").unwrap_or_default();
            let key = name_keys(&name).0;
            let geonames = int(item, "geonames_id");
            // One place is one GeoNames id; places without one are told apart by name.
            let place_key = geonames.map_or_else(|| format!("n:{key}"), |g| format!("g:{g}"));
            place.execute(params![
                doc,
                i as i64,
                name,
                key,
                place_key,
                text_of(item, &["country_code", "country"]),
                float(item, "latitude").or_else(|| float(item, "lat")),
                float(item, "longitude").or_else(|| float(item, "lon")),
                geonames,
                layer(item, "mentions").len().max(1) as i64
            ])?;
        }
        self.write_quantities_times(doc, analysis)?;
        self.write_events(doc, analysis, document.published.as_deref())
    }

    /// Stores the quantities and times layers.
    fn write_quantities_times(&self, doc: DocId, analysis: &Value) -> Result<(), StoreError> {
        let c = &self.connection;
        let mut quantity =
            c.prepare_cached("INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")?;
        for (i, item) in layer(analysis, "quantities").iter().enumerate() {
            let (start, end) = span(item);
            quantity.execute(params![
                doc,
                i as i64,
                text(item, "kind"),
                start,
                end,
                float(item, "lower").or_else(|| float(item, "value")),
                float(item, "upper"),
                text_of(item, &["unit", "currency"]),
                item.to_string()
            ])?;
        }
        let mut time = c.prepare_cached("INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)")?;
        for (i, item) in layer(analysis, "times").iter().enumerate() {
            let (start, end) = span(item);
            time.execute(params![
                doc,
                i as i64,
                text(item, "kind"),
                start,
                end,
                text(item, "timex"),
                json(item, "value"),
                item.get("resolved").and_then(Value::as_bool)
            ])?;
        }
        Ok(())
    }

    /// Stores the events layer (any shape: type, sub-type, place, date, counts are looked
    /// up under their usual names).
    fn write_events(
        &self,
        doc: DocId,
        analysis: &Value,
        published: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut event = self.connection.prepare_cached(
            "INSERT INTO events (doc, idx, type, sub_type, place, date, counts, start, end, item, latitude, longitude, country, geo_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (i, item) in layer(analysis, "events").iter().enumerate() {
            let holder = item
                .get("trigger")
                .filter(|t| t.is_object())
                .unwrap_or(item);
            let (start, end) = span(holder);
            let geo = event_geo(analysis, item);
            event.execute(params![
                doc,
                i as i64,
                text_of(item, &["type", "event_type", "kind"]),
                text_of(item, &["sub_type", "subtype"]),
                event_place(analysis, item),
                event_date(analysis, item).or(published.map(str::to_string)),
                json(item, "counts"),
                start,
                end,
                item.to_string(),
                geo.latitude,
                geo.longitude,
                geo.country,
                geo.precision
            ])?;
        }
        Ok(())
    }

    /// The conditions of an event listing: the query's selection of documents, the event's
    /// type, the filter (country, box) and the scope (dates, flags).
    fn event_listing(
        &self,
        query: &Query,
        filter: &EventFilter,
        scope: &EventScope,
    ) -> Result<EventListing, StoreError> {
        let selection = Selection::new(query)?;
        let mut own = Vec::new();
        let mut extra = Vec::new();
        if let Some(kind) = non_empty(&query.event_type) {
            own.push("e.type = ?".to_string());
            extra.push(Sql::Text(kind.to_string()));
        }
        let located = self.version >= 2;
        event_conditions(filter, located, &mut own, &mut extra)?;
        scope_conditions(scope, &mut own, &mut extra);
        let own = if own.is_empty() {
            "1".to_string()
        } else {
            own.join(" AND ")
        };
        Ok(EventListing {
            own,
            extra,
            selection,
            located,
        })
    }

    /// Reads the events of `listing` on `page` (its limit not capped) in date order, handing
    /// each to `each` until it returns `false`.
    fn read_events(
        &self,
        listing: &EventListing,
        page: Page,
        each: &mut dyn FnMut(EventHit) -> bool,
    ) -> Result<(), StoreError> {
        let geo = if listing.located {
            "e.latitude, e.longitude, e.country, e.geo_precision"
        } else {
            "NULL, NULL, NULL, NULL"
        };
        let sql = format!(
            "SELECT {SUMMARY}, e.type, e.sub_type, e.place, e.date, e.counts, e.item, {geo} FROM events e JOIN documents d ON d.id = e.doc WHERE {}{} ORDER BY e.date, e.doc, e.idx LIMIT ? OFFSET ?",
            listing.own,
            listing.selection.restrict("e.doc")
        );
        let mut statement = self.connection.prepare(&sql)?;
        let mut rows = statement.query(params_from_iter(paged(
            &listing.selection,
            &listing.extra,
            page,
        )))?;
        while let Some(r) = rows.next()? {
            let counts: Option<String> = r.get(10)?;
            let item: String = r.get(11)?;
            let hit = EventHit {
                document: summary(r, 0)?,
                event_type: r.get(6)?,
                sub_type: r.get(7)?,
                place: r.get(8)?,
                date: r.get(9)?,
                counts: counts.as_deref().map(serde_json::from_str).transpose()?,
                latitude: r.get(12)?,
                longitude: r.get(13)?,
                country: r.get(14)?,
                geo_precision: r
                    .get::<_, Option<i64>>(15)?
                    .and_then(|p| u8::try_from(p).ok()),
                event: serde_json::from_str(&item)?,
            };
            if !each(hit) {
                break;
            }
        }
        Ok(())
    }

    /// Runs a count over a selection.
    fn count(&self, sql: &str, params: &[Sql]) -> Result<u64, StoreError> {
        let n: i64 = self
            .connection
            .query_row(sql, params_from_iter(params), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Text and language of a document, for its snippet.
    fn text_of_document(&self, id: DocId) -> Result<(String, Lang), StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT text, lang FROM documents WHERE id = ?")?;
        let (text, lang): (String, String) =
            statement.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((text, Lang::from_code(&lang).unwrap_or(Lang::Other)))
    }

    /// The most frequent spelling of a speaker and the outlets quoting them.
    fn speaker_details(
        &self,
        key: &str,
        selection: &Selection,
    ) -> Result<(String, Vec<OutletCount>), StoreError> {
        // The most frequent spelling among a sample of the speaker's quotes.
        let name: String = self.connection.query_row(
            "SELECT speaker FROM (SELECT speaker FROM quotes WHERE speaker_key = ? LIMIT 200) GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 1",
            [key],
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT q.outlet, count(*) FROM quotes q WHERE q.speaker_key = ?{} GROUP BY q.outlet ORDER BY 2 DESC, 1 LIMIT 20",
            selection.restrict("q.doc")
        );
        let mut params = vec![Sql::Text(key.to_string())];
        params.extend(selection.params.iter().cloned());
        let mut statement = self.connection.prepare(&sql)?;
        let outlets = statement
            .query_map(params_from_iter(params), |r| {
                Ok(OutletCount {
                    outlet: r.get(0)?,
                    quotes: r.get::<_, i64>(1)?.max(0) as u64,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((name, outlets))
    }
}

impl Archive for SqliteArchive {
    fn put(&mut self, document: &NewDocument) -> Result<PutOutcome, StoreError> {
        self.put_many(std::slice::from_ref(document))?
            .pop()
            .ok_or_else(|| StoreError::BadDocument("the store reported no outcome".into()))
    }

    fn put_many(&mut self, documents: &[NewDocument]) -> Result<Vec<PutOutcome>, StoreError> {
        let transaction = self.connection.unchecked_transaction()?;
        let mut outcomes = Vec::with_capacity(documents.len());
        for document in documents {
            let hash = content_hash(&document.text);
            outcomes.push(match self.presence(&hash, document.url.as_deref())? {
                Presence::SameText(id) => PutOutcome::Unchanged(id),
                Presence::SameUrl(id) => {
                    PutOutcome::Replaced(self.write(Some(id), document, &hash)?)
                }
                Presence::Absent => PutOutcome::Inserted(self.write(None, document, &hash)?),
            });
        }
        transaction.commit()?;
        Ok(outcomes)
    }

    fn presence(&self, hash: &str, url: Option<&str>) -> Result<Presence, StoreError> {
        let c = &self.connection;
        let by_hash: Option<DocId> = c
            .prepare_cached("SELECT id FROM documents WHERE hash = ?")?
            .query_row([hash], |r| r.get(0))
            .optional()?;
        if let Some(id) = by_hash {
            return Ok(Presence::SameText(id));
        }
        let Some(url) = url else {
            return Ok(Presence::Absent);
        };
        let by_url: Option<DocId> = c
            .prepare_cached("SELECT id FROM documents WHERE url = ?")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        Ok(by_url.map_or(Presence::Absent, Presence::SameUrl))
    }

    fn search(&self, query: &Query, page: Page) -> Result<Counted<SearchHit>, StoreError> {
        let page = checked(page)?;
        let selection = Selection::new(query)?;
        let (score, order) = if selection.text.is_some() {
            ("-bm25(fts)", "bm25(fts), d.id")
        } else {
            ("NULL", "d.published DESC, d.id DESC")
        };
        let sql = format!(
            "SELECT {SUMMARY}, {score} FROM {} WHERE {} ORDER BY {order} LIMIT ? OFFSET ?",
            selection.from, selection.conditions
        );
        let mut statement = self.connection.prepare(&sql)?;
        let rows = statement
            .query_map(params_from_iter(paged(&selection, &[], page)), |r| {
                Ok((summary(r, 0)?, r.get::<_, Option<f64>>(6)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut items = Vec::with_capacity(rows.len());
        for (document, score) in rows {
            let (text, lang) = self.text_of_document(document.id)?;
            items.push(SearchHit {
                snippet: snippet(&text, lang, selection.text.as_ref()),
                document,
                score,
            });
        }
        let total = self.count(
            &format!(
                "SELECT count(*) FROM {} WHERE {}",
                selection.from, selection.conditions
            ),
            &selection.params,
        )?;
        Ok(Counted { total, items })
    }

    fn document(&self, id: DocId) -> Result<Option<StoredDocument>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY}, d.hash, d.author, d.source, d.ingested_at, d.text, d.analysis FROM documents d WHERE d.id = ?"
        );
        let row = self
            .connection
            .query_row(&sql, [id], |r| {
                Ok((
                    summary(r, 0)?,
                    r.get::<_, String>(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, Vec<u8>>(11)?,
                ))
            })
            .optional()?;
        let Some((document, hash, author, source, ingested_at, text, packed)) = row else {
            return Ok(None);
        };
        let analysis = unpacked_analysis(&packed, &text)?;
        Ok(Some(StoredDocument {
            document,
            hash,
            author,
            source,
            ingested_at,
            text,
            analysis,
        }))
    }

    fn speakers(&self, query: &Query, page: Page) -> Result<Counted<SpeakerCount>, StoreError> {
        let page = checked(page)?;
        let selection = Selection::new(query)?;
        let restrict = selection.restrict("q.doc");
        let sql = format!(
            "SELECT q.speaker_key, count(*), count(DISTINCT q.doc) FROM quotes q WHERE q.speaker_key IS NOT NULL{restrict} GROUP BY q.speaker_key ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?"
        );
        let mut statement = self.connection.prepare(&sql)?;
        let rows = statement
            .query_map(params_from_iter(paged(&selection, &[], page)), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut items = Vec::with_capacity(rows.len());
        for (key, quotes, documents) in rows {
            let (name, outlets) = self.speaker_details(&key, &selection)?;
            items.push(SpeakerCount {
                name,
                quotes: quotes.max(0) as u64,
                documents: documents.max(0) as u64,
                outlets,
            });
        }
        let total = self.count(
            &format!("SELECT count(DISTINCT q.speaker_key) FROM quotes q WHERE q.speaker_key IS NOT NULL{restrict}"),
            &selection.params,
        )?;
        Ok(Counted { total, items })
    }

    fn quotes(&self, query: &Query, page: Page) -> Result<Counted<QuoteHit>, StoreError> {
        let page = checked(page)?;
        let selection = Selection::new(query)?;
        let mut own = String::from("1");
        let mut extra = Vec::new();
        if let Some(name) = non_empty(&query.speaker) {
            let key = name_keys(name).0;
            own = "(q.speaker_key = ? OR q.speaker_last = ?)".to_string();
            extra = vec![Sql::Text(key.clone()), Sql::Text(key)];
        }
        let restrict = selection.restrict("q.doc");
        let sql = format!(
            "SELECT {SUMMARY}, q.kind, q.text, q.speaker, q.cue, q.start, q.end FROM (SELECT * FROM quotes q WHERE {own}{restrict} ORDER BY q.published DESC, q.doc DESC, q.idx LIMIT ? OFFSET ?) q JOIN documents d ON d.id = q.doc ORDER BY q.published DESC, q.doc DESC, q.idx"
        );
        let mut statement = self.connection.prepare(&sql)?;
        let items = statement
            .query_map(params_from_iter(paged(&selection, &extra, page)), |r| {
                Ok(QuoteHit {
                    document: summary(r, 0)?,
                    kind: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    text: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    speaker: r.get(8)?,
                    cue: r.get(9)?,
                    start: r.get(10)?,
                    end: r.get(11)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut params = extra;
        params.extend(selection.params.iter().cloned());
        let total = self.count(
            &format!("SELECT count(*) FROM quotes q WHERE {own}{restrict}"),
            &params,
        )?;
        Ok(Counted { total, items })
    }

    fn places(&self, query: &Query, page: Page) -> Result<Counted<PlaceCount>, StoreError> {
        let page = checked(page)?;
        let selection = Selection::new(query)?;
        let restrict = selection.restrict("p.doc");
        // Counts from the covering index (place_key, doc, mentions); the page's places are then
        // described from one row each.
        let sql = format!(
            "SELECT p.place_key, count(DISTINCT p.doc), sum(p.mentions) FROM places p WHERE 1{restrict} GROUP BY p.place_key ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?"
        );
        let mut statement = self.connection.prepare(&sql)?;
        let groups = statement
            .query_map(params_from_iter(paged(&selection, &[], page)), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?.max(0) as u64,
                    r.get::<_, i64>(2)?.max(0) as u64,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut describe = self.connection.prepare_cached(
            "SELECT name, country, lat, lon, geonames_id FROM places WHERE place_key = ? LIMIT 1",
        )?;
        let mut items = Vec::with_capacity(groups.len());
        for (key, documents, mentions) in groups {
            items.push(describe.query_row([key], |r| {
                Ok(PlaceCount {
                    name: r.get(0)?,
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    geonames_id: r.get(4)?,
                    documents,
                    mentions,
                })
            })?);
        }
        let group = "p.place_key";
        let total = self.count(
            &format!("SELECT count(DISTINCT {group}) FROM places p WHERE 1{restrict}"),
            &selection.params,
        )?;
        Ok(Counted { total, items })
    }

    fn events_scoped(
        &self,
        query: &Query,
        filter: &EventFilter,
        scope: &EventScope,
        page: Page,
    ) -> Result<Counted<EventHit>, StoreError> {
        let page = checked(page)?;
        let listing = self.event_listing(query, filter, scope)?;
        let mut items = Vec::new();
        self.read_events(&listing, page, &mut |hit| {
            items.push(hit);
            true
        })?;
        let mut params = listing.extra;
        params.extend(listing.selection.params.iter().cloned());
        let total = self.count(
            &format!(
                "SELECT count(*) FROM events e WHERE {}{}",
                listing.own,
                listing.selection.restrict("e.doc")
            ),
            &params,
        )?;
        Ok(Counted { total, items })
    }

    fn events_scoped_each(
        &self,
        query: &Query,
        filter: &EventFilter,
        scope: &EventScope,
        page: Page,
        each: &mut dyn FnMut(EventHit) -> bool,
    ) -> Result<(), StoreError> {
        let listing = self.event_listing(query, filter, scope)?;
        self.read_events(&listing, page, each)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let n = |table: &str| self.count(&format!("SELECT count(*) FROM {table}"), &[]);
        Ok(Stats {
            documents: n("documents")?,
            entities: n("entities")?,
            quotes: n("quotes")?,
            places: n("places")?,
            quantities: n("quantities")?,
            times: n("times")?,
            events: n("events")?,
        })
    }

    fn rebuild_index(&mut self) -> Result<u64, StoreError> {
        let transaction = self.connection.transaction()?;
        transaction.execute("INSERT INTO fts (fts) VALUES ('delete-all')", [])?;
        let mut count = 0;
        {
            let mut read = transaction.prepare("SELECT id, lang, title, text FROM documents")?;
            let mut write = transaction.prepare("INSERT INTO fts (rowid, words) VALUES (?, ?)")?;
            let mut rows = read.query([])?;
            while let Some(row) = rows.next()? {
                let id: DocId = row.get(0)?;
                let lang: String = row.get(1)?;
                let title: Option<String> = row.get(2)?;
                let text: String = row.get(3)?;
                let lang = Lang::from_code(&lang).unwrap_or(Lang::Other);
                write.execute(params![id, index_text(lang, title.as_deref(), &text)])?;
                count += 1;
            }
        }
        transaction.commit()?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_amsterdam_rotterdam() {
        let km = haversine_km(52.3676, 4.9041, 51.9244, 4.4777);
        assert!((km - 57.0).abs() < 2.0, "{km}");
        assert!(haversine_km(0.0, 0.0, 0.0, 0.0).abs() < 1e-9);
    }

    /// `events_scoped`: the event's own date bounds (inclusive, by ISO prefix) and the
    /// negated and hypothetical flags, with the total counted under the same conditions.
    #[test]
    fn events_scoped_filters_by_event_date_and_flags() {
        let mut store = SqliteArchive::open_in_memory().unwrap();
        let analysis = serde_json::json!({
            "lang": "en",
            "text": "Fighting on Monday. No fighting in March. Bombing planned in April.",
            "meta": {"published": "2019-03-05"},
            "events": [
                {"event_type": "battles", "date": "2019-03-04"},
                {"event_type": "battles", "date": "2019-03-20", "negated": true},
                {"event_type": "strikes", "date": "2019-04-02", "hypothetical": true}
            ]
        });
        let doc = NewDocument::from_analysis(analysis, None, None).unwrap();
        store.put(&doc).unwrap();
        let list = |scope: EventScope| {
            store
                .events_scoped(
                    &Query::default(),
                    &EventFilter::default(),
                    &scope,
                    Page::default(),
                )
                .unwrap()
        };
        let dates = |found: &Counted<EventHit>| -> Vec<String> {
            found.items.iter().filter_map(|e| e.date.clone()).collect()
        };
        assert_eq!(list(EventScope::default()).total, 3);
        let march = list(EventScope {
            since: Some("2019-03".into()),
            until: Some("2019-03".into()),
            asserted_only: false,
        });
        assert_eq!(dates(&march), ["2019-03-04", "2019-03-20"]);
        assert_eq!(march.total, 2);
        let until_day = list(EventScope {
            until: Some("2019-03-20".into()),
            ..EventScope::default()
        });
        assert_eq!(until_day.total, 2);
        let asserted = list(EventScope {
            asserted_only: true,
            ..EventScope::default()
        });
        assert_eq!(dates(&asserted), ["2019-03-04"]);
        assert_eq!(asserted.total, 1);

        // The streaming read gives the same events, from an offset, and stops when asked.
        let streamed = |page: Page, stop_after: usize| {
            let mut seen = Vec::new();
            store
                .events_scoped_each(
                    &Query::default(),
                    &EventFilter::default(),
                    &EventScope::default(),
                    page,
                    &mut |hit| {
                        seen.push(hit);
                        seen.len() < stop_after
                    },
                )
                .unwrap();
            seen
        };
        let whole = Page {
            limit: u32::MAX,
            offset: 0,
        };
        assert_eq!(streamed(whole, 10), list(EventScope::default()).items);
        let from_second = Page {
            limit: u32::MAX,
            offset: 1,
        };
        assert_eq!(streamed(from_second, 10).len(), 2);
        assert_eq!(streamed(whole, 1).len(), 1);
    }
}
