//! `kroniek ingest`, `kroniek search` and `kroniek events`: fill the archive, find documents
//! in it, and list its events (as text, JSON, or the events' CSV and GeoJSON exports).

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use kroniek_events::{event_rows, events_csv, events_geojson, Event, EventRow, Source};
use kroniek_ingest::{ingest, IngestOptions, Progress};
use kroniek_pipeline::Pipeline;
use kroniek_places::Place;
use kroniek_store::{
    Archive, BoundingBox, Counted, DocId, EventFilter, EventHit, EventScope, Near, Page, Query,
    SearchHit, SqliteArchive,
};
use kroniek_text::Lang;
use kroniek_time::TimeExpression;
use serde::Deserialize;
use std::collections::hash_map::{Entry, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The store used when `--db` is not given.
const DEFAULT_DB: &str = "kroniek.db";

/// Arguments of `ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files and folders (walked recursively): .txt/.md, .html, .jsonl, .rss/.atom/.xml,
    /// .warc/.warc.gz.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The store (an SQLite file, created if needed).
    #[arg(long, default_value = DEFAULT_DB)]
    db: PathBuf,
    /// Language of every document (nl, en, other); default: declared by the source, else
    /// identified from the text.
    #[arg(long)]
    lang: Option<String>,
    /// Outlet of documents whose source names none.
    #[arg(long)]
    outlet: Option<String>,
    /// Analysis threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// A file of places the gazetteer lacks (as for `extract --places`).
    #[arg(long)]
    places: Option<PathBuf>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = kroniek_ingest::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Progress display.
    #[arg(long, value_enum, default_value = "auto")]
    progress: ProgressArg,
    /// Print the run's report as JSON on standard output.
    #[arg(long)]
    json: bool,
}

/// Progress display choices.
#[derive(Clone, Copy, ValueEnum)]
pub enum ProgressArg {
    /// A bar on a terminal, log lines otherwise.
    Auto,
    /// A progress bar.
    Bar,
    /// A log line every few seconds.
    Log,
    /// Only the summary.
    Quiet,
}

/// Runs `ingest`; fails (non-zero exit) when any document was skipped.
pub fn run_ingest(args: IngestArgs) -> Result<()> {
    let pipeline = match &args.places {
        Some(path) => Pipeline::with_place_overlay(path)?,
        None => Pipeline::new()?,
    };
    let lang = args.lang.as_deref().map(parse_lang).transpose()?;
    let options = IngestOptions {
        jobs: args.jobs,
        progress: match args.progress {
            ProgressArg::Auto => Progress::Auto,
            ProgressArg::Bar => Progress::Bar,
            ProgressArg::Log => Progress::Log,
            ProgressArg::Quiet => Progress::Quiet,
        },
        lang,
        outlet: args.outlet,
        max_bytes: args.max_bytes,
    };
    let report = ingest(&args.paths, &args.db, &pipeline, &options)
        .with_context(|| format!("ingest into {}", args.db.display()))?;
    eprintln!("kroniek: {}", report.summary());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    if !report.skipped.is_empty() {
        bail!(
            "{} documents were skipped (listed above); the rest is stored",
            report.skipped.len()
        );
    }
    Ok(())
}

/// Parses a language code.
fn parse_lang(code: &str) -> Result<Lang> {
    Lang::from_code(code).with_context(|| format!("unknown language {code:?}: use nl, en or other"))
}

/// Output formats of `search`.
#[derive(Clone, Copy, ValueEnum)]
pub enum SearchFormat {
    /// The results page as JSON (total, items with snippets and highlight offsets).
    Json,
    /// A table for the terminal.
    Table,
}

/// The filters on documents that `search` and `events` share (the server's listings take the
/// same ones: `docs/server.md`).
#[derive(Args)]
pub struct DocumentFilters {
    /// Documents quoting this speaker (full name or surname).
    #[arg(long)]
    speaker: Option<String>,
    /// Documents naming this entity.
    #[arg(long)]
    entity: Option<String>,
    /// Documents naming this place.
    #[arg(long)]
    place: Option<String>,
    /// Documents naming a place near LAT,LON (with --km).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    near: Option<String>,
    /// Radius for --near, in kilometres.
    #[arg(long, default_value_t = 25.0)]
    km: f64,
    /// Published on or after this date (2019, 2019-03, 2019-03-05).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Published on or before this date (inclusive).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Language (nl, en, other).
    #[arg(long)]
    lang: Option<String>,
    /// Outlet.
    #[arg(long)]
    outlet: Option<String>,
}

impl DocumentFilters {
    /// The store query of these filters with a text query and an event type, every value
    /// checked first (an error names the flag and the value).
    fn query(self, text: Option<String>, event_type: Option<String>) -> Result<Query> {
        let near = self
            .near
            .as_deref()
            .map(|n| parse_near(n, self.km))
            .transpose()?;
        for (flag, date) in [("--from", &self.from), ("--to", &self.to)] {
            if let Some(date) = date {
                check_date(flag, date)?;
            }
        }
        if let Some(lang) = &self.lang {
            parse_lang(lang).with_context(|| format!("--lang {lang:?}"))?;
        }
        Ok(Query {
            text,
            speaker: self.speaker,
            entity: self.entity,
            place: self.place,
            near,
            event_type,
            from: self.from,
            to: self.to,
            lang: self.lang,
            outlet: self.outlet,
        })
    }
}

/// Arguments of `search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words (stemmed: "woningen" finds "woning"), "a phrase", -excluded, prefix*. Leave out
    /// to list by filters only, newest first.
    query: Option<String>,
    #[command(flatten)]
    filters: DocumentFilters,
    /// Documents with an event of this type.
    #[arg(long)]
    event_type: Option<String>,
    /// Results per page.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Results to skip.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: SearchFormat,
    /// The store.
    #[arg(long, default_value = DEFAULT_DB)]
    db: PathBuf,
}

/// Runs `search`.
pub fn run_search(args: SearchArgs) -> Result<()> {
    let store = open_store(&args.db)?;
    let query = args.filters.query(args.query, args.event_type)?;
    let page = Page {
        limit: args.limit,
        offset: args.offset,
    };
    let results = store.search(&query, page)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        SearchFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&results)?)?,
        SearchFormat::Table => write!(out, "{}", table(&results, page))?,
    }
    Ok(())
}

/// Opens an existing store read-only; a missing file is an error naming `--db` and the path.
fn open_store(db: &Path) -> Result<SqliteArchive> {
    if !db.is_file() {
        bail!(
            "--db {}: no store there (fill one with `kroniek ingest`, or name it with --db)",
            db.display()
        );
    }
    let store = SqliteArchive::open_read_only(db)
        .with_context(|| format!("--db {}: cannot open", db.display()))?;
    let version = store
        .schema_version()
        .with_context(|| format!("--db {}: cannot read", db.display()))?;
    if version < 1 {
        bail!(
            "--db {}: not a Kroniek store (empty, or another program's SQLite file)",
            db.display()
        );
    }
    Ok(store)
}

/// Refuses a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the server's rule), naming
/// the flag and the value.
fn check_date(flag: &str, date: &str) -> Result<()> {
    let parts: Vec<&str> = date.split('-').collect();
    let field = |i: usize, len: usize, min: u32, max: u32| {
        parts.get(i).is_some_and(|p| {
            p.len() == len
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| (min..=max).contains(&n))
        })
    };
    let ok = parts.len() <= 3
        && field(0, 4, 0, 9999)
        && (parts.len() < 2 || field(1, 2, 1, 12))
        && (parts.len() < 3 || field(2, 2, 1, 31));
    if !ok {
        bail!("{flag} {date:?}: a date is YYYY, YYYY-MM or YYYY-MM-DD (such as 2019-03-05)");
    }
    Ok(())
}

/// Parses `LAT,LON`.
fn parse_near(text: &str, km: f64) -> Result<Near> {
    let (lat, lon) = text
        .split_once(',')
        .context("--near takes LAT,LON, for example 52.37,4.90")?;
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .with_context(|| format!("--near: {s:?} is not a number"))
    };
    Ok(Near {
        lat: number(lat)?,
        lon: number(lon)?,
        km,
    })
}

/// The results as a terminal table: date, outlet, title, then the snippet with the matches
/// in brackets.
fn table(results: &Counted<SearchHit>, page: Page) -> String {
    let shown = results.items.len();
    let mut out = format!("{} documents", results.total);
    if shown > 0 && (results.total > shown as u64 || page.offset > 0) {
        let first = page.offset as usize + 1;
        out.push_str(&format!(" (showing {first}-{})", first + shown - 1));
    }
    out.push('\n');
    for hit in &results.items {
        let d = &hit.document;
        let published = d.published.as_deref().unwrap_or("");
        let date = published.get(..10).unwrap_or(published);
        out.push_str(&format!(
            "\n#{:<6} {:<10} {:<20} {}\n",
            d.id,
            date,
            truncate(d.outlet.as_deref().unwrap_or("-"), 20),
            d.title.as_deref().unwrap_or("(untitled)")
        ));
        out.push_str(&format!("        {}\n", marked(hit)));
    }
    out
}

/// The snippet with its highlights in [brackets].
fn marked(hit: &SearchHit) -> String {
    let snippet = &hit.snippet;
    let chars: Vec<char> = snippet.text.chars().collect();
    let mut out = String::new();
    if snippet.cut_before {
        out.push('…');
    }
    let mut at = 0;
    for h in &snippet.highlights {
        let (start, end) = (
            h.start.saturating_sub(snippet.span.start).min(chars.len()),
            h.end.saturating_sub(snippet.span.start).min(chars.len()),
        );
        if start < at {
            continue;
        }
        out.extend(&chars[at..start]);
        out.push('[');
        out.extend(&chars[start..end]);
        out.push(']');
        at = end;
    }
    out.extend(&chars[at..]);
    if snippet.cut_after {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// At most `n` characters of `text`.
fn truncate(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        text.chars().take(n - 1).chain(['…']).collect()
    }
}

/// Output formats of `events`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsFormat {
    /// One line per event: date, type/sub-type, place (country), counts, trigger words with
    /// their character offsets, document.
    Text,
    /// The page as JSON: `{total, items}`, each item as the server's `/api/events` gives it.
    Json,
    /// One item per line (no total).
    Jsonl,
    /// The events' ACLED-like CSV export (`docs/exports.md`).
    Csv,
    /// The events' GeoJSON export: the events with coordinates (`docs/exports.md`).
    Geojson,
}

/// Arguments of `events`.
#[derive(Args)]
pub struct EventsArgs {
    /// Only events in documents matching these words (as for `search`).
    query: Option<String>,
    /// Only events of this type (a taxonomy code: battles, protests, displacement, …).
    #[arg(long, visible_alias = "type", value_name = "TYPE")]
    event_type: Option<String>,
    /// Only events in this country (ISO 3166-1 alpha-2 code, such as SY; any case).
    #[arg(long, value_name = "CODE")]
    country: Option<String>,
    /// Only events whose place lies in this box, in degrees (GeoJSON's order; a west above the
    /// east crosses the antimeridian).
    #[arg(long, value_name = "WEST,SOUTH,EAST,NORTH", allow_hyphen_values = true)]
    bbox: Option<String>,
    /// Only events dated on or after this date (2019, 2019-03, 2019-03-05): the event's own
    /// date, else its document's publication date.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only events dated on or before this date (inclusive: 2019-03 includes all of March).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    #[command(flatten)]
    filters: DocumentFilters,
    /// Also list events the text negates or gives as hypothetical (text, json, jsonl only: the
    /// CSV and GeoJSON exports never hold them).
    #[arg(long)]
    include_negated: bool,
    /// Most events to list.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Events to skip first.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: EventsFormat,
    /// The store.
    #[arg(long, default_value = DEFAULT_DB)]
    db: PathBuf,
}

/// Events written at once: the exports read each chunk's documents once.
const EVENTS_PER_CHUNK: usize = 500;

/// Runs `events`: the store's events (in date order) that pass the filters, in one format.
/// Events are read from the store in one pass and written a chunk at a time, so memory stays
/// bounded however many are listed.
pub fn run_events(args: EventsArgs) -> Result<()> {
    let export = matches!(args.format, EventsFormat::Csv | EventsFormat::Geojson);
    if export && args.include_negated {
        bail!("--include-negated works with --format text, json or jsonl: the CSV and GeoJSON exports leave out negated and hypothetical events");
    }
    let filter = EventFilter {
        country: args.country.as_deref().map(parse_country).transpose()?,
        bbox: args.bbox.as_deref().map(parse_bbox).transpose()?,
    };
    for (flag, date) in [("--since", &args.since), ("--until", &args.until)] {
        if let Some(date) = date {
            check_date(flag, date)?;
        }
    }
    if let (Some(since), Some(until)) = (&args.since, &args.until) {
        if since.as_str() > format!("{until}~").as_str() {
            bail!("--since {since} is after --until {until}");
        }
    }
    let scope = EventScope {
        since: args.since,
        until: args.until,
        asserted_only: !args.include_negated,
    };
    let query = args.filters.query(args.query, args.event_type)?;
    let store = open_store(&args.db)?;
    // The count first (a page of none), then every event in one read, written in chunks.
    let total = store
        .events_scoped(
            &query,
            &filter,
            &scope,
            Page {
                limit: 0,
                offset: 0,
            },
        )?
        .total;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = EventWriter::begin(&mut out, args.format, total, args.offset, args.limit)?;
    let mut chunk = Vec::with_capacity(EVENTS_PER_CHUNK);
    let mut written: u64 = 0;
    let mut failed = None;
    let page = Page {
        limit: args.limit,
        offset: args.offset,
    };
    store.events_scoped_each(&query, &filter, &scope, page, &mut |hit| {
        chunk.push(hit);
        written += 1;
        if chunk.len() < EVENTS_PER_CHUNK {
            return true;
        }
        let result = writer.page(&mut out, &store, &chunk);
        chunk.clear();
        result.map_err(|e| failed = Some(e)).is_ok()
    })?;
    if let Some(error) = failed {
        return Err(error);
    }
    // The last chunk, written even when empty (the CSV header comes with the first).
    writer.page(&mut out, &store, &chunk)?;
    writer.end(&mut out)?;
    out.flush()?;
    let unshown = total.saturating_sub(u64::from(args.offset) + written);
    if unshown > 0 && !matches!(args.format, EventsFormat::Text | EventsFormat::Json) {
        eprintln!(
            "kroniek: {written} of {total} events written; {unshown} more after them (raise --limit, or page with --offset)"
        );
    }
    Ok(())
}

/// Writes the listing in one format, page by page, as if it had been written whole.
struct EventWriter {
    /// The format.
    format: EventsFormat,
    /// For JSON and GeoJSON: the document around the array of items, split where the items go.
    envelope: Option<(String, String)>,
    /// Items written so far (JSON and GeoJSON).
    items: u64,
    /// Pages written so far.
    pages: u64,
    /// Text: the widths of the type and place columns so far.
    widths: (usize, usize),
}

impl EventWriter {
    /// Writes what comes before the first event: the count line, the opening of the JSON
    /// document, or nothing (the CSV header comes with the first page).
    fn begin(
        out: &mut impl Write,
        format: EventsFormat,
        total: u64,
        offset: u32,
        limit: u32,
    ) -> Result<EventWriter> {
        let envelope = match format {
            EventsFormat::Json => Some(serde_json::to_string_pretty(&Counted::<EventHit> {
                total,
                items: Vec::new(),
            })?),
            EventsFormat::Geojson => Some(serde_json::to_string_pretty(&events_geojson(&[]))?),
            _ => None,
        }
        .map(|whole| split_at_empty_array(&whole))
        .transpose()?;
        if let Some((before, _)) = &envelope {
            write!(out, "{before}")?;
        }
        if format == EventsFormat::Text {
            let shown = total
                .saturating_sub(u64::from(offset))
                .min(u64::from(limit));
            write!(out, "{total} events")?;
            if shown > 0 && (total > shown || offset > 0) {
                let first = u64::from(offset) + 1;
                write!(out, " (showing {first}-{})", first + shown - 1)?;
            }
            writeln!(out)?;
        }
        Ok(EventWriter {
            format,
            envelope,
            items: 0,
            pages: 0,
            widths: (0, 0),
        })
    }

    /// Writes one chunk of events (called at least once, even for no events).
    fn page(
        &mut self,
        out: &mut impl Write,
        store: &SqliteArchive,
        hits: &[EventHit],
    ) -> Result<()> {
        match self.format {
            EventsFormat::Text => {
                let kinds: Vec<String> = hits.iter().map(kind).collect();
                let places: Vec<String> = hits.iter().map(place).collect();
                let width = |column: &[String], at_least: usize| {
                    column
                        .iter()
                        .map(|c| c.chars().count())
                        .fold(at_least, usize::max)
                };
                self.widths = (width(&kinds, self.widths.0), width(&places, self.widths.1));
                let (kind_width, place_width) = self.widths;
                for ((hit, kind), place) in hits.iter().zip(&kinds).zip(&places) {
                    let line = format!(
                        "{:<10}  {kind:<kind_width$}  {place:<place_width$}  {}{}  {}",
                        date(hit),
                        trigger(hit),
                        counts(hit),
                        document(hit)
                    );
                    writeln!(out, "{}", line.replace(['\n', '\r'], " ").trim_end())?;
                }
            }
            EventsFormat::Json => {
                for hit in hits {
                    self.item(out, &serde_json::to_string_pretty(hit)?)?;
                }
            }
            EventsFormat::Jsonl => {
                for hit in hits {
                    writeln!(out, "{}", serde_json::to_string(hit)?)?;
                }
            }
            EventsFormat::Csv => {
                let csv = events_csv(&export_rows(store, hits)?);
                // Every page's CSV starts with the header line: only the first page's is kept
                // (the first page is written even when it is empty).
                let body = match csv.split_once('\n') {
                    Some((_, rows)) if self.pages > 0 => rows,
                    _ => &csv,
                };
                write!(out, "{body}")?;
            }
            EventsFormat::Geojson => {
                let collection = events_geojson(&export_rows(store, hits)?);
                let features = collection["features"].as_array().map_or(&[][..], |f| f);
                for feature in features {
                    self.item(out, &serde_json::to_string_pretty(feature)?)?;
                }
            }
        }
        self.pages += 1;
        Ok(())
    }

    /// Writes one pretty-printed item into the JSON array, indented as serde_json indents it.
    fn item(&mut self, out: &mut impl Write, pretty: &str) -> Result<()> {
        write!(out, "{}", if self.items == 0 { "\n" } else { ",\n" })?;
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write!(out, "    {line}")?;
        }
        self.items += 1;
        Ok(())
    }

    /// Writes what comes after the last event.
    fn end(self, out: &mut impl Write) -> Result<()> {
        if let Some((_, after)) = &self.envelope {
            if self.items > 0 {
                write!(out, "\n  ")?;
            }
            writeln!(out, "{after}")?;
        }
        Ok(())
    }
}

/// A pretty-printed JSON document with one empty array (`[]`) split around it: what comes
/// before its items (up to and including `[`) and after them (from `]`).
fn split_at_empty_array(whole: &str) -> Result<(String, String)> {
    let at = whole
        .find("[]")
        .context("the JSON document has no empty array to fill")?;
    Ok((whole[..=at].to_string(), whole[at + 1..].to_string()))
}

/// `--country`: two ASCII letters, upper-cased.
fn parse_country(code: &str) -> Result<String> {
    let code = code.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        bail!("--country {code:?}: a country is a two-letter ISO 3166-1 code (such as SY or NL)")
    }
}

/// `--bbox WEST,SOUTH,EAST,NORTH` in degrees, checked as the server checks `bbox=`.
fn parse_bbox(text: &str) -> Result<BoundingBox> {
    BoundingBox::parse(text).map_err(|e| anyhow::anyhow!("--bbox {text:?}: {e}"))
}

/// The layers of a stored analysis that the events' exports read.
#[derive(Deserialize)]
struct ExportLayers {
    /// The text (character offsets point into it).
    text: String,
    /// The events layer.
    #[serde(default)]
    events: Vec<Event>,
    /// The places layer.
    #[serde(default)]
    places: Vec<Place>,
    /// The times layer.
    #[serde(default)]
    times: Vec<TimeExpression>,
}

/// The export rows of the listed events, built by the events crate's own `event_rows` from
/// each document's stored analysis (read once per document). The source is the store's
/// document id (as `/api/documents/{id}` and `/doc/{id}` name it) and url.
fn export_rows(store: &SqliteArchive, hits: &[EventHit]) -> Result<Vec<EventRow>> {
    let mut by_document: HashMap<DocId, HashMap<usize, EventRow>> = HashMap::new();
    let mut rows = Vec::with_capacity(hits.len());
    for hit in hits {
        let id = hit.document.id;
        let document = match by_document.entry(id) {
            Entry::Occupied(rows) => rows.into_mut(),
            Entry::Vacant(slot) => slot.insert(document_rows(store, id)?),
        };
        let row = hit
            .event
            .get("id")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|event| document.remove(&event));
        match row {
            Some(row) => rows.push(row),
            None => eprintln!(
                "kroniek: an event of document {id} is not in its export (negated, hypothetical or without an id); left out"
            ),
        }
    }
    Ok(rows)
}

/// The export rows of one stored document, by event id.
fn document_rows(store: &SqliteArchive, id: DocId) -> Result<HashMap<usize, EventRow>> {
    let stored = store
        .document(id)?
        .with_context(|| format!("document {id} is listed but not stored"))?;
    let layers = ExportLayers::deserialize(&stored.analysis).with_context(|| {
        format!("document {id}: its stored analysis cannot be read as events, places and times for the export (stored by another Kroniek version?)")
    })?;
    let source = Source {
        id: id.to_string(),
        url: stored.document.url,
        published: stored.document.published,
    };
    let rows = event_rows(
        &source,
        &layers.text,
        &layers.events,
        &layers.places,
        &layers.times,
    );
    Ok(rows.into_iter().map(|r| (r.event.id, r)).collect())
}

/// The event's date: the day of a date-time, `-` without one.
fn date(hit: &EventHit) -> String {
    match hit.date.as_deref() {
        Some(d) if d.len() > 10 && d.as_bytes().get(10) == Some(&b'T') => {
            d.get(..10).unwrap_or(d).to_string()
        }
        Some(d) => d.to_string(),
        None => "-".to_string(),
    }
}

/// `type/sub_type`, with the event's flags in brackets.
fn kind(hit: &EventHit) -> String {
    let mut kind = format!(
        "{}/{}",
        hit.event_type.as_deref().unwrap_or("-"),
        hit.sub_type.as_deref().unwrap_or("-")
    );
    for flag in ["negated", "hypothetical", "historical"] {
        if hit.event.get(flag).and_then(serde_json::Value::as_bool) == Some(true) {
            kind.push_str(&format!(" [{flag}]"));
        }
    }
    kind
}

/// The place with its country code: `Aleppo (SY)`; `-` without a place.
fn place(hit: &EventHit) -> String {
    match (hit.place.as_deref(), hit.country.as_deref()) {
        (Some(place), Some(country)) => format!("{place} ({country})"),
        (Some(place), None) => place.to_string(),
        (None, Some(country)) => format!("- ({country})"),
        (None, None) => "-".to_string(),
    }
}

/// The trigger words in quotes with their character offsets: `"clashes" 47-54`.
fn trigger(hit: &EventHit) -> String {
    let trigger = hit.event.get("trigger");
    let text = trigger
        .and_then(|t| t.get("text"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    let span = trigger.and_then(|t| t.get("span"));
    let at = |key: &str| {
        span.and_then(|s| s.get(key))
            .and_then(serde_json::Value::as_u64)
    };
    match (at("start"), at("end")) {
        (Some(start), Some(end)) => format!("\"{text}\" {start}-{end}"),
        _ => format!("\"{text}\""),
    }
}

/// The event's counts: `  12 people (killed)`, several joined by `; `; empty without any.
fn counts(hit: &EventHit) -> String {
    let Some(counts) = hit.counts.as_ref().and_then(serde_json::Value::as_array) else {
        return String::new();
    };
    let shown: Vec<String> = counts
        .iter()
        .filter_map(|c| {
            let text = c.get("text").and_then(serde_json::Value::as_str)?;
            Some(match c.get("what").and_then(serde_json::Value::as_str) {
                Some(what) => format!("{text} ({what})"),
                None => text.to_string(),
            })
        })
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!("  {}", shown.join("; "))
    }
}

/// The document: `#id title` (`#id (untitled)` without one).
fn document(hit: &EventHit) -> String {
    format!(
        "#{} {}",
        hit.document.id,
        hit.document.title.as_deref().unwrap_or("(untitled)")
    )
}
