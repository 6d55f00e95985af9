//! The ingest run: readers feed rayon workers that analyse; one writer thread stores; a
//! progress bar (on a terminal) or log lines (otherwise) report as it goes.

use crate::sources::{self, Item};
use crate::{BadDocument, RawDocument};
use indicatif::{ProgressBar, ProgressStyle};
use kroniek_pipeline::Pipeline;
use kroniek_store::{
    content_hash, Archive, NewDocument, Presence, PutOutcome, SqliteArchive, StoreError,
};
use kroniek_text::{Document, Lang};
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::{Deserialize, Serialize};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The largest single document accepted by default (64 MiB), as `kroniek extract`.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Most documents stored in one transaction.
const BATCH: usize = 64;

/// Seconds between two log lines when progress is logged.
const LOG_EVERY: Duration = Duration::from_secs(5);

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// A bar when standard error is a terminal, log lines otherwise.
    #[default]
    Auto,
    /// A progress bar on standard error.
    Bar,
    /// A plain line on standard error every few seconds, and one per bad document.
    Log,
    /// Nothing (the report says everything).
    Quiet,
}

/// Settings of a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IngestOptions {
    /// Analysis threads (0: one per core).
    pub jobs: usize,
    /// How progress is shown.
    pub progress: Progress,
    /// The language of every document, overriding what sources declare and identification.
    pub lang: Option<Lang>,
    /// The outlet of documents whose source names none.
    pub outlet: Option<String>,
    /// Largest document accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            jobs: 0,
            progress: Progress::Auto,
            lang: None,
            outlet: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IngestReport {
    /// Files read.
    pub files: usize,
    /// Files in the folders given whose format Kroniek does not read.
    pub ignored_files: Vec<PathBuf>,
    /// Documents read (stored, already stored or skipped).
    pub documents: u64,
    /// Documents newly stored.
    pub inserted: u64,
    /// Documents that replaced an older text at the same url.
    pub replaced: u64,
    /// Documents already in the store (not analysed again).
    pub already_stored: u64,
    /// Documents that could not be read or analysed, with where and why.
    pub skipped: Vec<BadDocument>,
    /// Source bytes of the documents analysed.
    pub analysed_bytes: u64,
    /// Documents analysed.
    pub analysed: u64,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl IngestReport {
    /// A one-paragraph summary for people.
    pub fn summary(&self) -> String {
        let rate = |n: f64| {
            if self.seconds > 0.0 {
                n / self.seconds
            } else {
                0.0
            }
        };
        format!(
            "{} files, {} documents: {} stored, {} replaced, {} already stored, {} skipped; {} analysed in {:.1} s ({:.1} documents/s, {:.2} MB/s){}",
            self.files,
            self.documents,
            self.inserted,
            self.replaced,
            self.already_stored,
            self.skipped.len(),
            self.analysed,
            self.seconds,
            rate(self.analysed as f64),
            rate(self.analysed_bytes as f64 / 1e6),
            if self.ignored_files.is_empty() {
                String::new()
            } else {
                format!("; {} files of unknown format ignored", self.ignored_files.len())
            }
        )
    }
}

/// Why a run could not go on.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// An input path could not be read.
    #[error("cannot read the inputs: {0}")]
    Inputs(#[from] std::io::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The analysis threads could not be started.
    #[error("cannot start the analysis threads: {0}")]
    Threads(String),
}

/// A document analysed, on its way to the writer.
struct Analysed {
    document: NewDocument,
    bytes: usize,
}

/// Counters shared by readers, workers and writer.
#[derive(Default)]
struct Counters {
    documents: AtomicU64,
    inserted: AtomicU64,
    replaced: AtomicU64,
    already: AtomicU64,
    analysed: AtomicU64,
    analysed_bytes: AtomicU64,
    skipped: Mutex<Vec<BadDocument>>,
}

/// Reads every document under `paths`, analyses the new ones with `pipeline` and stores them
/// in the SQLite store at `db` (created if needed).
pub fn ingest(
    paths: &[PathBuf],
    db: &Path,
    pipeline: &Pipeline,
    options: &IngestOptions,
) -> Result<IngestReport, IngestError> {
    let start = Instant::now();
    let (files, ignored_files) = sources::files(paths)?;
    let total: u64 = files
        .iter()
        .map(|(p, _)| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let writer = SqliteArchive::open(db)?;
    let checker = SqliteArchive::open_read_only(db)?;
    let reporter = Reporter::new(options.progress, total);
    let counters = Counters::default();
    let stop = AtomicBool::new(false);
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| IngestError::Threads(e.to_string()))?;
    let (sender, receiver) = sync_channel::<Analysed>(jobs * 4);
    let stored = std::thread::scope(|scope| {
        let writing = scope.spawn(|| write_all(writer, receiver, &counters, &reporter, &stop));
        let (shared, report, halt) = (&counters, &reporter, &stop);
        let reading = files
            .iter()
            .flat_map(|(path, format)| sources::read(path, *format, options.max_bytes))
            .take_while(move |_| !halt.load(Ordering::Relaxed))
            .filter_map(move |item| admit(item, &checker, options, shared, report));
        pool.install(|| {
            reading.par_bridge().for_each_with(sender, |sender, raw| {
                let bytes = raw.bytes;
                match analyse(pipeline, raw) {
                    Ok(document) => {
                        // A send fails only when the writer stopped on an error it reports.
                        let _ = sender.send(Analysed { document, bytes });
                    }
                    Err(bad) => skip(bad, bytes, &counters, &reporter),
                }
            });
        });
        writing
            .join()
            .unwrap_or_else(|_| Err(StoreError::BadDocument("the writer thread failed".into())))
    });
    reporter.finish();
    stored?;
    let take = |n: &AtomicU64| n.load(Ordering::Relaxed);
    Ok(IngestReport {
        files: files.len(),
        ignored_files,
        documents: take(&counters.documents),
        inserted: take(&counters.inserted),
        replaced: take(&counters.replaced),
        already_stored: take(&counters.already),
        skipped: counters
            .skipped
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
        analysed_bytes: take(&counters.analysed_bytes),
        analysed: take(&counters.analysed),
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// Decides whether a read item goes to analysis: bad and empty documents are reported,
/// documents already stored are counted and passed over.
fn admit(
    item: Item,
    checker: &SqliteArchive,
    options: &IngestOptions,
    counters: &Counters,
    reporter: &Reporter,
) -> Option<RawDocument> {
    let raw = match item {
        Ok(raw) => raw,
        Err(bad) => {
            counters.documents.fetch_add(1, Ordering::Relaxed);
            skip(bad, 0, counters, reporter);
            return None;
        }
    };
    counters.documents.fetch_add(1, Ordering::Relaxed);
    if raw.text.trim().is_empty() {
        let bad = BadDocument {
            origin: raw.origin,
            reason: "the text is empty".into(),
        };
        skip(bad, raw.bytes, counters, reporter);
        return None;
    }
    let url = raw.meta.url.as_deref();
    match checker.presence(&content_hash(&raw.text), url) {
        Ok(Presence::SameText(_)) => {
            counters.already.fetch_add(1, Ordering::Relaxed);
            reporter.advance(raw.bytes);
            None
        }
        // An unreadable check is no reason to skip: the writer decides again.
        _ => Some(with_defaults(raw, options)),
    }
}

/// Applies the run's language and outlet settings.
fn with_defaults(mut raw: RawDocument, options: &IngestOptions) -> RawDocument {
    if options.lang.is_some() {
        raw.lang = options.lang;
    }
    if raw.meta.outlet.is_none() {
        raw.meta.outlet = options.outlet.clone();
    }
    raw
}

/// Analyses one document; a stage that panics fails only this document.
fn analyse(pipeline: &Pipeline, raw: RawDocument) -> Result<NewDocument, BadDocument> {
    let origin = raw.origin.clone();
    let fail = |reason: String| BadDocument {
        origin: origin.clone(),
        reason,
    };
    let lang = raw
        .lang
        .unwrap_or_else(|| kroniek_text::langid::identify(&raw.text));
    let document = Document {
        id: origin.to_string(),
        text: raw.text,
        lang,
        meta: raw.meta,
    };
    let analysis =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyse(&document)))
            .map_err(|_| fail("the analysis failed on this text (please report it)".into()))?;
    let json = serde_json::to_value(&analysis).map_err(|e| fail(e.to_string()))?;
    NewDocument::from_analysis(json, raw.author, Some(origin.to_string()))
        .map_err(|e| fail(e.to_string()))
}

/// Records a bad document.
fn skip(bad: BadDocument, bytes: usize, counters: &Counters, reporter: &Reporter) {
    reporter.warn(&format!("skipped {bad}"));
    reporter.advance(bytes);
    if let Ok(mut skipped) = counters.skipped.lock() {
        skipped.push(bad);
    }
}

/// The writer thread: stores the analysed documents, a transaction per batch waiting.
fn write_all(
    mut store: SqliteArchive,
    receiver: Receiver<Analysed>,
    counters: &Counters,
    reporter: &Reporter,
    stop: &AtomicBool,
) -> Result<(), StoreError> {
    // Group commit: whatever is already waiting is stored in one transaction (at most
    // BATCH documents), so a slow disk does not hold back analysis; with a fast disk each
    // document is committed on its own.
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match receiver.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (documents, sizes): (Vec<NewDocument>, Vec<usize>) =
            batch.into_iter().map(|a| (a.document, a.bytes)).unzip();
        let outcomes = match store.put_many(&documents) {
            Ok(outcomes) => outcomes,
            Err(error) => {
                stop.store(true, Ordering::Relaxed);
                return Err(error);
            }
        };
        for (bytes, outcome) in sizes.into_iter().zip(outcomes) {
            let counter = match outcome {
                PutOutcome::Inserted(_) => &counters.inserted,
                PutOutcome::Replaced(_) => &counters.replaced,
                PutOutcome::Unchanged(_) => &counters.already,
            };
            counter.fetch_add(1, Ordering::Relaxed);
            counters.analysed.fetch_add(1, Ordering::Relaxed);
            counters
                .analysed_bytes
                .fetch_add(bytes as u64, Ordering::Relaxed);
            reporter.advance(bytes);
            reporter.stored();
        }
    }
    Ok(())
}

/// Shows progress as a bar or as log lines.
struct Reporter {
    bar: Option<ProgressBar>,
    log: bool,
    quiet: bool,
    total: u64,
    done: AtomicU64,
    stored: AtomicU64,
    start: Instant,
    last_log: Mutex<Instant>,
}

impl Reporter {
    /// A reporter for `total` source bytes.
    fn new(mode: Progress, total: u64) -> Reporter {
        let mode = match mode {
            Progress::Auto if std::io::stderr().is_terminal() => Progress::Bar,
            Progress::Auto => Progress::Log,
            other => other,
        };
        let bar = (mode == Progress::Bar).then(|| {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Reporter {
            bar,
            log: mode == Progress::Log,
            quiet: mode == Progress::Quiet,
            total,
            done: AtomicU64::new(0),
            stored: AtomicU64::new(0),
            start: Instant::now(),
            last_log: Mutex::new(Instant::now()),
        }
    }

    /// Counts source bytes dealt with.
    fn advance(&self, bytes: usize) {
        let done = self.done.fetch_add(bytes as u64, Ordering::Relaxed) + bytes as u64;
        if let Some(bar) = &self.bar {
            if done > bar.length().unwrap_or(0) {
                bar.set_length(done);
            }
            bar.set_position(done);
        }
    }

    /// Counts a stored document and logs now and then.
    fn stored(&self) {
        let stored = self.stored.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{stored} documents"));
        }
        if !self.log {
            return;
        }
        let Ok(mut last) = self.last_log.lock() else {
            return;
        };
        if last.elapsed() >= LOG_EVERY {
            *last = Instant::now();
            eprintln!("{}", self.line(stored));
        }
    }

    /// A log line: documents, megabytes, rate and remaining time.
    fn line(&self, stored: u64) -> String {
        let done = self.done.load(Ordering::Relaxed) as f64;
        let seconds = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = done / seconds;
        let left = (self.total as f64 - done).max(0.0);
        let eta = if rate > 0.0 { left / rate } else { 0.0 };
        format!(
            "ingest: {stored} documents analysed and stored, {:.1} of {:.1} MB, {:.2} MB/s, ETA {:.0} s",
            done / 1e6,
            self.total as f64 / 1e6,
            rate / 1e6,
            eta
        )
    }

    /// Reports a line (a bad document) without breaking the bar.
    fn warn(&self, line: &str) {
        if self.quiet {
            return;
        }
        match &self.bar {
            Some(bar) => bar.println(format!("kroniek: {line}")),
            None => eprintln!("kroniek: {line}"),
        }
    }

    /// Ends the bar.
    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
