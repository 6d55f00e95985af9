//! `kroniek ingest` and `kroniek search`: fill the archive and find things in it.

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use kroniek_ingest::{ingest, IngestOptions, Progress};
use kroniek_pipeline::Pipeline;
use kroniek_store::{Archive, Counted, Near, Page, Query, SearchHit, SqliteArchive};
use kroniek_text::Lang;
use std::io::Write;
use std::path::PathBuf;

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

/// Arguments of `search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words (stemmed: "woningen" finds "woning"), "a phrase", -excluded, prefix*. Leave out
    /// to list by filters only, newest first.
    query: Option<String>,
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
    #[arg(long, value_name = "LAT,LON")]
    near: Option<String>,
    /// Radius for --near, in kilometres.
    #[arg(long, default_value_t = 25.0)]
    km: f64,
    /// Documents with an event of this type.
    #[arg(long)]
    event_type: Option<String>,
    /// Published on or after this date (2019, 2019-03, 2019-03-05).
    #[arg(long)]
    from: Option<String>,
    /// Published on or before this date (inclusive).
    #[arg(long)]
    to: Option<String>,
    /// Language (nl, en, other).
    #[arg(long)]
    lang: Option<String>,
    /// Outlet.
    #[arg(long)]
    outlet: Option<String>,
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
    if !args.db.exists() {
        bail!(
            "no store at {} (fill one with `kroniek ingest`, or name it with --db)",
            args.db.display()
        );
    }
    let store = SqliteArchive::open_read_only(&args.db)
        .with_context(|| format!("cannot open {}", args.db.display()))?;
    let near = args
        .near
        .as_deref()
        .map(|n| parse_near(n, args.km))
        .transpose()?;
    let query = Query {
        text: args.query,
        speaker: args.speaker,
        entity: args.entity,
        place: args.place,
        near,
        event_type: args.event_type,
        from: args.from,
        to: args.to,
        lang: args.lang,
        outlet: args.outlet,
    };
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
