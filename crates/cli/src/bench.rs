//! `kroniek bench`: how fast the pipeline runs and how much memory it takes.
//!
//! The corpus is read first, then every document is analysed with
//! [`kroniek_pipeline::analyse`] on one thread, pass after pass, until the time asked for has
//! gone by. The figures are per core: the pipeline has no shared state between documents, so
//! `n` cores analyse about `n` times as much. A second run calls the stage functions one by one
//! to show where the time goes.
//!
//! Without files the corpus is the CoNLL-2002 Dutch training text
//! (`../shared/corpora/conll2002-nl/ned.train`, about 2.4 MB of newspaper text, research use
//! only), rebuilt as running text: one document per `-DOCSTART-`.

use crate::input::{check_bytes, front_matter, parse_lang, DEFAULT_MAX_BYTES};
use anyhow::{bail, Context, Result};
use clap::Args;
use kroniek_entities::find_entities;
use kroniek_events::{find_events, EventInput};
use kroniek_pipeline::{analyse, find_places, find_quotes, tag_names};
use kroniek_places::Gazetteer;
use kroniek_text::{segment, CharOffsets, Document, Lang, Meta, ToCharOffsets};
use kroniek_time::Reference;
use serde::Serialize;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The corpus used when no files are given, relative to the repository root (the shared
/// material lies beside the repository).
const DEFAULT_CORPUS: &str = "../shared/corpora/conll2002-nl/ned.train";

/// The first bytes of a CoNLL file.
const DOCSTART: &str = "-DOCSTART-";

/// Bytes in a megabyte: figures use decimal megabytes (10^6 bytes).
const MB: f64 = 1e6;

/// Arguments of `bench`.
#[derive(Args, Debug, Clone)]
pub struct BenchArgs {
    /// Texts to measure: plain UTF-8 text files (one document each, front matter allowed) or
    /// CoNLL files (first line `-DOCSTART-`; one document per article, the running text
    /// rebuilt from the tokens). Default: ../shared/corpora/conll2002-nl/ned.train.
    pub files: Vec<PathBuf>,
    /// Run each measurement (the pipeline, then the stages) until at least this many seconds
    /// have passed; the corpus is always analysed at least once.
    #[arg(long, default_value_t = 5.0)]
    pub seconds: f64,
    /// Language of every document (nl, en, other); default: the front matter's, or
    /// identified per document.
    #[arg(long)]
    pub lang: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Skip the per-stage breakdown (the second measurement).
    #[arg(long)]
    pub no_stages: bool,
    /// Largest plain text file accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// Runs `bench`: reads the corpus, measures, prints the report.
pub fn run(args: BenchArgs) -> Result<()> {
    if !(args.seconds.is_finite() && args.seconds >= 0.0) {
        bail!("--seconds must be a number of seconds, 0 or more");
    }
    let min = Duration::from_secs_f64(args.seconds);
    let lang = args.lang.as_deref().map(parse_lang).transpose()?;
    let (files, documents) = load_corpus(&args.files, lang, args.max_bytes)?;
    let startup = warm_up(&documents);
    let pipeline = measure_pipeline(&documents, min)?;
    let stages = if args.no_stages {
        Vec::new()
    } else {
        measure_stages(&documents, min)?
    };
    let report = Report::new(files, &documents, startup, pipeline, stages);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", report.render())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The corpus

/// One file of the corpus, as read.
#[derive(Debug, Clone, Serialize)]
struct CorpusFile {
    /// The path as given.
    path: String,
    /// `text` or `conll`.
    format: &'static str,
    /// `UTF-8`, or `Latin-1` for a CoNLL file that is not valid UTF-8.
    encoding: &'static str,
    /// Documents taken from the file.
    documents: usize,
    /// Bytes of text of those documents (UTF-8).
    bytes: usize,
}

/// Reads every file (or the default corpus) into documents.
fn load_corpus(
    paths: &[PathBuf],
    lang: Option<Lang>,
    max_bytes: u64,
) -> Result<(Vec<CorpusFile>, Vec<Document>)> {
    let default;
    let paths = if paths.is_empty() {
        let Some(found) = default_corpus() else {
            bail!("no files given and the default corpus {DEFAULT_CORPUS} is absent (looked from the working directory and its parents): name the texts to measure");
        };
        default = [found];
        &default[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    let mut documents = Vec::new();
    for path in paths {
        let (file, docs) = load_file(path, lang, max_bytes)?;
        files.push(file);
        documents.extend(docs);
    }
    if documents.is_empty() {
        bail!("the corpus has no documents");
    }
    Ok((files, documents))
}

/// The default corpus, [`DEFAULT_CORPUS`] seen from the working directory or, so that it is
/// found from inside a crate too, from one of its parents.
fn default_corpus() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    here.ancestors()
        .map(|dir| dir.join(DEFAULT_CORPUS))
        .find(|path| path.is_file())
}

/// Reads one file: a CoNLL file if its first line starts with `-DOCSTART-`, else one text.
fn load_file(
    path: &Path,
    lang: Option<Lang>,
    max_bytes: u64,
) -> Result<(CorpusFile, Vec<Document>)> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    let (format, encoding, texts) = if bytes.starts_with(DOCSTART.as_bytes()) {
        let (text, encoding) = decode_conll(bytes);
        ("conll", encoding, conll_texts(&text))
    } else {
        let text = check_bytes(&name, bytes, max_bytes)?;
        let parsed = front_matter(&name, text)?;
        let lang = lang.or(parsed.lang);
        let doc = (parsed.body, lang, parsed.meta);
        return Ok(text_file(name, doc));
    };
    let documents: Vec<Document> = texts
        .into_iter()
        .enumerate()
        .map(|(n, text)| document(format!("{name}#{}", n + 1), text, lang, Meta::default()))
        .collect();
    let file = CorpusFile {
        path: name,
        format,
        encoding,
        documents: documents.len(),
        bytes: documents.iter().map(|d| d.text.len()).sum(),
    };
    Ok((file, documents))
}

/// The corpus entry of a plain text file.
fn text_file(
    name: String,
    (text, lang, meta): (String, Option<Lang>, Meta),
) -> (CorpusFile, Vec<Document>) {
    let document = document(name.clone(), text, lang, meta);
    let file = CorpusFile {
        path: name,
        format: "text",
        encoding: "UTF-8",
        documents: 1,
        bytes: document.text.len(),
    };
    (file, vec![document])
}

/// A document in `lang`, or in the language identified from its text.
fn document(id: String, text: String, lang: Option<Lang>, meta: Meta) -> Document {
    let lang = lang.unwrap_or_else(|| kroniek_text::langid::identify(&text));
    Document {
        id,
        text,
        lang,
        meta,
    }
}

/// CoNLL bytes as text: UTF-8 if they are valid UTF-8, else Latin-1 (the encoding of the
/// original CoNLL-2002 release, where every byte is one character).
fn decode_conll(bytes: Vec<u8>) -> (String, &'static str) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, "UTF-8"),
        Err(error) => {
            let text = error.into_bytes().iter().map(|&b| char::from(b)).collect();
            (text, "Latin-1")
        }
    }
}

/// The running texts of a CoNLL file: per article (`-DOCSTART-`), its sentences (blank-line
/// separated, one token a line, the token first) joined by a space.
fn conll_texts(conll: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    for line in conll.lines() {
        let token = line.split_whitespace().next();
        match token {
            Some(DOCSTART) => {
                end_sentence(&mut tokens, &mut sentences);
                end_document(&mut sentences, &mut texts);
            }
            Some(token) => tokens.push(token),
            None => end_sentence(&mut tokens, &mut sentences),
        }
    }
    end_sentence(&mut tokens, &mut sentences);
    end_document(&mut sentences, &mut texts);
    texts
}

/// Closes the sentence being read, if it has tokens.
fn end_sentence(tokens: &mut Vec<&str>, sentences: &mut Vec<String>) {
    if !tokens.is_empty() {
        sentences.push(join_tokens(tokens));
        tokens.clear();
    }
}

/// Closes the document being read, if it has sentences.
fn end_document(sentences: &mut Vec<String>, texts: &mut Vec<String>) {
    if !sentences.is_empty() {
        texts.push(sentences.join(" "));
        sentences.clear();
    }
}

/// Tokens as running text: separated by spaces, except before closing punctuation
/// (`.`, `,`, `)`, `...`) and after an opening bracket.
fn join_tokens(tokens: &[&str]) -> String {
    let mut text = String::new();
    let mut glue_next = true;
    for token in tokens {
        if !glue_next && !is_closing(token) {
            text.push(' ');
        }
        text.push_str(token);
        glue_next = matches!(*token, "(" | "[" | "{");
    }
    text
}

/// Whether `token` is punctuation written against the word before it.
fn is_closing(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%' | '…'
            )
        })
}

// ---------------------------------------------------------------------------------------------
// Measuring

/// Time spent on some bytes.
#[derive(Debug, Clone, Copy, Default, Serialize)]
struct Throughput {
    /// Documents processed (counting repeats).
    documents: u64,
    /// Bytes processed (counting repeats).
    bytes: u64,
    /// Wall-clock seconds spent.
    seconds: f64,
    /// Seconds the thread actually ran on a core, if the system tells it (on a busy machine
    /// far less than `seconds`).
    cpu_seconds: Option<f64>,
    /// Megabytes (10^6 bytes) per second of wall-clock time.
    mb_per_s: f64,
    /// Megabytes per second of CPU time: the throughput of one core of one's own.
    mb_per_cpu_s: Option<f64>,
    /// Documents per second of CPU time (of wall-clock time where CPU time is unknown).
    documents_per_s: f64,
}

impl Throughput {
    /// The throughput of `bytes` in `documents` processed in `wall` time, during which the
    /// thread had a core for `on_cpu` (a share from 0 to 1) of the time, if known.
    fn new(documents: u64, bytes: u64, wall: Duration, on_cpu: Option<f64>) -> Self {
        let seconds = wall.as_secs_f64();
        let cpu_seconds = on_cpu.map(|share| seconds * share);
        let rate = |n: f64, s: f64| if s > 0.0 { n / s } else { 0.0 };
        let best = cpu_seconds.unwrap_or(seconds);
        Throughput {
            documents,
            bytes,
            seconds,
            cpu_seconds,
            mb_per_s: rate(bytes as f64 / MB, seconds),
            mb_per_cpu_s: cpu_seconds.map(|s| rate(bytes as f64 / MB, s)),
            documents_per_s: rate(documents as f64, best),
        }
    }

    /// The per-core rate: per CPU second where known, else per wall-clock second.
    fn per_core(&self) -> f64 {
        self.mb_per_cpu_s.unwrap_or(self.mb_per_s)
    }
}

/// A running measurement: wall-clock time and the thread's CPU time since it started.
struct Stopwatch {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Stopwatch {
    /// Starts now.
    fn start() -> Self {
        Stopwatch {
            wall: Instant::now(),
            cpu: thread_cpu_time(),
        }
    }

    /// The wall-clock time since the start.
    fn elapsed(&self) -> Duration {
        self.wall.elapsed()
    }

    /// The share of the wall-clock time since the start that the thread ran on a core (0 to
    /// 1), if the system tells it.
    fn on_cpu(&self) -> Option<f64> {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = thread_cpu_time()?.checked_sub(self.cpu?)?.as_secs_f64();
        (wall > 0.0 && cpu > 0.0).then(|| (cpu / wall).min(1.0))
    }
}

/// The CPU time this thread has run, from `/proc/thread-self/schedstat` (Linux, nanoseconds).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The measurement of the whole pipeline.
#[derive(Debug, Clone, Serialize)]
struct PipelineRun {
    /// How many times the corpus was analysed.
    passes: u64,
    /// Wall-clock time of the measurement, analysis and serialisation together.
    elapsed_seconds: f64,
    /// The share of that time the thread ran on a core (below 1 on a busy machine).
    on_cpu: Option<f64>,
    /// `analyse` alone.
    analyse: Throughput,
    /// Serialising each analysis to JSON, as `extract --format jsonl` does.
    to_json: Throughput,
    /// The document that took longest to analyse.
    slowest: Slowest,
}

/// The slowest document of a run (by its fastest time over the passes).
#[derive(Debug, Clone, Default, Serialize)]
struct Slowest {
    /// Its identifier.
    id: String,
    /// Its size in bytes.
    bytes: usize,
    /// Wall-clock milliseconds `analyse` took on it, at best.
    milliseconds: f64,
}

/// How much of a document the warm-up analyses: enough to load every model and table.
const WARM_UP_BYTES: usize = 2000;

/// Analyses the start of one document of each language first, so that models and tables load
/// outside the measurement; returns how long that took.
fn warm_up(documents: &[Document]) -> Duration {
    let start = Instant::now();
    let mut seen = Vec::new();
    for document in documents {
        if !seen.contains(&document.lang) {
            seen.push(document.lang);
            let mut end = document.text.len().min(WARM_UP_BYTES);
            while !document.text.is_char_boundary(end) {
                end -= 1;
            }
            let start_of = Document {
                text: document.text[..end].to_string(),
                ..document.clone()
            };
            black_box(analyse(&start_of));
        }
    }
    black_box(Gazetteer::try_builtin().ok());
    start.elapsed()
}

/// Analyses and serialises the corpus, pass after pass, until `min` has passed.
fn measure_pipeline(documents: &[Document], min: Duration) -> Result<PipelineRun> {
    let corpus_bytes: u64 = documents.iter().map(|d| d.text.len() as u64).sum();
    let (mut analysing, mut serialising) = (Duration::ZERO, Duration::ZERO);
    let mut fastest = vec![Duration::MAX; documents.len()];
    let mut passes = 0u64;
    let watch = Stopwatch::start();
    loop {
        for (document, fastest) in documents.iter().zip(&mut fastest) {
            let t0 = Instant::now();
            let analysis = black_box(analyse(document));
            let t1 = Instant::now();
            black_box(serde_json::to_string(&analysis)?);
            serialising += t1.elapsed();
            analysing += t1 - t0;
            *fastest = (*fastest).min(t1 - t0);
        }
        passes += 1;
        if watch.elapsed() >= min {
            break;
        }
    }
    let on_cpu = watch.on_cpu();
    let docs = passes * documents.len() as u64;
    let bytes = passes * corpus_bytes;
    Ok(PipelineRun {
        passes,
        elapsed_seconds: watch.elapsed().as_secs_f64(),
        on_cpu,
        analyse: Throughput::new(docs, bytes, analysing, on_cpu),
        to_json: Throughput::new(docs, bytes, serialising, on_cpu),
        slowest: slowest(documents, &fastest),
    })
}

/// The document whose fastest analysis was the slowest: taking each document's best time
/// leaves out the pauses a busy machine adds to single runs.
fn slowest(documents: &[Document], fastest: &[Duration]) -> Slowest {
    documents
        .iter()
        .zip(fastest)
        .max_by_key(|(_, time)| **time)
        .map(|(document, time)| Slowest {
            id: document.id.clone(),
            bytes: document.text.len(),
            milliseconds: time.as_secs_f64() * 1e3,
        })
        .unwrap_or_default()
}

/// The stages timed, in the order [`run_stages`] runs them: language identification (which
/// `extract` runs before the pipeline when no language is given), then the stages of
/// [`kroniek_pipeline::Pipeline::analyse`] in its order.
const STAGES: [&str; 11] = [
    "langid",
    "segment",
    "names (tagger)",
    "entities",
    "quotes",
    "quantities",
    "times",
    "places",
    "events",
    "char offsets",
    "to JSON",
];

/// The stages that are not part of `analyse`, left out of the shares.
const OUTSIDE_ANALYSE: [&str; 2] = ["langid", "to JSON"];

/// The time one stage took over a run.
#[derive(Debug, Clone, Serialize)]
struct StageTime {
    /// The stage.
    stage: &'static str,
    /// Its throughput on its own.
    throughput: Throughput,
    /// Its share of the time of the stages of `analyse`, in percent (none for the stages
    /// outside it).
    percent: Option<f64>,
}

/// Calls the stage functions one by one over the corpus, pass after pass, until `min` has
/// passed, timing each.
fn measure_stages(documents: &[Document], min: Duration) -> Result<Vec<StageTime>> {
    let gazetteer = Gazetteer::try_builtin()?;
    let corpus_bytes: u64 = documents.iter().map(|d| d.text.len() as u64).sum();
    let mut totals = [Duration::ZERO; STAGES.len()];
    let mut passes = 0u64;
    let watch = Stopwatch::start();
    loop {
        for document in documents {
            run_stages(document, &gazetteer, &mut totals)?;
        }
        passes += 1;
        if watch.elapsed() >= min {
            break;
        }
    }
    let on_cpu = watch.on_cpu();
    let inside = |stage: &str| !OUTSIDE_ANALYSE.contains(&stage);
    let all: f64 = STAGES
        .iter()
        .zip(totals)
        .filter(|(stage, _)| inside(stage))
        .map(|(_, time)| time.as_secs_f64())
        .sum();
    let docs = passes * documents.len() as u64;
    Ok(STAGES
        .iter()
        .zip(totals)
        .map(|(&stage, time)| StageTime {
            stage,
            throughput: Throughput::new(docs, passes * corpus_bytes, time, on_cpu),
            percent: (inside(stage) && all > 0.0).then(|| 100.0 * time.as_secs_f64() / all),
        })
        .collect())
}

/// Runs every stage on one document, adding each one's time to `totals` (in [`STAGES`] order).
fn run_stages(document: &Document, gazetteer: &Gazetteer, totals: &mut [Duration]) -> Result<()> {
    let text = document.text.as_str();
    let lang = document.lang;
    let mut clock = Clock::new(totals);
    black_box(kroniek_text::langid::identify(text));
    clock.lap();
    let segmentation = segment(text, lang);
    clock.lap();
    let typed = tag_names(text, &segmentation, lang);
    clock.lap();
    let entities = find_entities(text, &segmentation, lang, &typed);
    clock.lap();
    let mut quotes = find_quotes(text, &segmentation, lang, &entities);
    clock.lap();
    let mut quantities = kroniek_numbers::find_quantities(text, &segmentation, lang);
    clock.lap();
    let reference = document
        .meta
        .published
        .as_deref()
        .and_then(Reference::parse);
    let mut times = kroniek_time::find_times(text, &segmentation, lang, reference);
    clock.lap();
    let mut places = find_places(gazetteer, text, &segmentation, lang, &entities.entities);
    clock.lap();
    let mut events = find_events(&EventInput {
        text,
        segmentation: &segmentation,
        lang,
        reference,
        entities: &entities,
        quantities: &quantities,
        times: &times,
        places: &places,
        quotes: &quotes,
    });
    clock.lap();
    let map = CharOffsets::new(text);
    let mut entities = entities.entities;
    entities.to_char_offsets(&map);
    quotes.to_char_offsets(&map);
    quantities.to_char_offsets(&map);
    times.to_char_offsets(&map);
    places.to_char_offsets(&map);
    events.to_char_offsets(&map);
    clock.lap();
    let layers = (entities, quotes, quantities, times, places, events);
    black_box(serde_json::to_string(&layers)?);
    clock.lap();
    Ok(())
}

/// Adds the time since its last lap to one total after the other.
struct Clock<'a> {
    totals: &'a mut [Duration],
    next: usize,
    last: Instant,
}

impl<'a> Clock<'a> {
    /// A clock that starts now and fills `totals` from the first.
    fn new(totals: &'a mut [Duration]) -> Self {
        Clock {
            totals,
            next: 0,
            last: Instant::now(),
        }
    }

    /// Adds the time since the last lap to the next total.
    fn lap(&mut self) {
        let now = Instant::now();
        if let Some(total) = self.totals.get_mut(self.next) {
            *total += now - self.last;
        }
        self.next += 1;
        self.last = now;
    }
}

// ---------------------------------------------------------------------------------------------
// The report

/// Everything `bench` measured.
#[derive(Debug, Clone, Serialize)]
struct Report {
    /// The files read.
    corpus: Vec<CorpusFile>,
    /// Distinct documents in the corpus.
    documents: usize,
    /// Distinct bytes of text in the corpus.
    bytes: usize,
    /// Documents per language code (nl, en, other).
    languages: BTreeMap<&'static str, usize>,
    /// Threads used: always 1, so every rate is per core.
    threads: u32,
    /// Seconds the warm-up took: analysing the start of a document per language, which loads
    /// models and tables.
    startup_seconds: f64,
    /// The whole pipeline.
    pipeline: PipelineRun,
    /// The stages one by one (empty with `--no-stages`).
    stages: Vec<StageTime>,
    /// The process's peak resident memory in MB (VmHWM), if the system tells it.
    peak_memory_mb: Option<f64>,
}

impl Report {
    /// Gathers the figures.
    fn new(
        corpus: Vec<CorpusFile>,
        documents: &[Document],
        startup: Duration,
        pipeline: PipelineRun,
        stages: Vec<StageTime>,
    ) -> Self {
        let mut languages = BTreeMap::new();
        for document in documents {
            *languages.entry(document.lang.code()).or_insert(0) += 1;
        }
        Report {
            corpus,
            documents: documents.len(),
            bytes: documents.iter().map(|d| d.text.len()).sum(),
            languages,
            threads: 1,
            startup_seconds: startup.as_secs_f64(),
            pipeline,
            stages,
            peak_memory_mb: peak_memory_mb(),
        }
    }

    /// The report for a terminal.
    fn render(&self) -> String {
        let mut out = self.render_corpus();
        out.push_str(&self.render_pipeline());
        if !self.stages.is_empty() {
            out.push_str(&self.render_stages());
        }
        out
    }

    /// What was read.
    fn render_corpus(&self) -> String {
        let mut out = String::new();
        for file in &self.corpus {
            out.push_str(&format!(
                "corpus       {} ({}, {}): {} documents, {} bytes\n",
                file.path, file.format, file.encoding, file.documents, file.bytes
            ));
        }
        let languages: Vec<String> = self
            .languages
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        out.push_str(&format!(
            "documents    {} ({}), {} bytes ({:.2} MB)\n",
            self.documents,
            languages.join(", "),
            self.bytes,
            self.bytes as f64 / MB
        ));
        out
    }

    /// The whole pipeline's figures.
    fn render_pipeline(&self) -> String {
        let run = &self.pipeline;
        let on_cpu = run
            .on_cpu
            .map_or("CPU time unavailable".to_string(), |share| {
                format!("on a core {:.0} % of the time", 100.0 * share)
            });
        let memory = self.peak_memory_mb.map_or("unavailable".to_string(), |mb| {
            format!("{mb:.1} MB (VmHWM)")
        });
        let rate = |t: &Throughput| match t.mb_per_cpu_s {
            Some(cpu) => format!(
                "{cpu:.3} MB/s per core (CPU time; {:.3} MB/s wall-clock)",
                t.mb_per_s
            ),
            None => format!("{:.3} MB/s per core (wall-clock)", t.mb_per_s),
        };
        format!(
            "startup      {:.3} s (loading models and tables)\n\
             elapsed      {:.2} s wall-clock, 1 thread, {on_cpu}: {} passes, {} documents, {:.1} MB\n\
             analyse      {}, {:.1} documents/s\n\
             to JSON      {}\n\
             slowest      {} ({} bytes): {:.1} ms wall-clock (best of the passes)\n\
             peak memory  {memory}\n",
            self.startup_seconds,
            run.elapsed_seconds,
            run.passes,
            run.analyse.documents,
            run.analyse.bytes as f64 / MB,
            rate(&run.analyse),
            run.analyse.documents_per_s,
            rate(&run.to_json),
            run.slowest.id,
            run.slowest.bytes,
            run.slowest.milliseconds,
        )
    }

    /// The per-stage table.
    fn render_stages(&self) -> String {
        let mut out =
            String::from("\nstage (called one by one)   MB/s per core   share of analyse\n");
        for stage in &self.stages {
            let share = stage
                .percent
                .map_or("(outside analyse)".to_string(), |p| format!("{p:>5.1} %"));
            out.push_str(&format!(
                "{:<27} {:>13.3}   {share}\n",
                stage.stage,
                stage.throughput.per_core()
            ));
        }
        out
    }
}

/// The peak resident memory of this process in MB, from `VmHWM` in `/proc/self/status`
/// (Linux); `None` where that does not exist.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// The `VmHWM` line of a `/proc/<pid>/status` text (in kB, that is KiB) in MB.
fn parse_vm_hwm(status: &str) -> Option<f64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut fields = line.split_whitespace().skip(1);
    let kib: f64 = fields.next()?.parse().ok()?;
    match fields.next() {
        Some("kB") => Some(kib * 1024.0 / MB),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_becomes_running_text_per_article() {
        let conll = "-DOCSTART- -DOCSTART- O\nDe Art O\nman N O\n( Punc O\nEric N B-PER\n) Punc O\nzei V O\n: Punc O\n\" Punc O\nja Int O\n. Punc O\n\nHet Art O\nis V O\n5 Num O\n% N O\n...\n\n-DOCSTART- -DOCSTART- O\n\nTwee Num O\n, Punc O\ndrie Num O\n";
        let texts = conll_texts(conll);
        assert_eq!(
            texts,
            vec![
                "De man (Eric) zei: \" ja. Het is 5%...".to_string(),
                "Twee, drie".to_string()
            ]
        );
    }

    #[test]
    fn latin1_conll_is_decoded() {
        let (text, encoding) = decode_conll(b"-DOCSTART-\ncaf\xe9 N O\n".to_vec());
        assert_eq!(encoding, "Latin-1");
        assert_eq!(conll_texts(&text), vec!["café".to_string()]);
        let (_, encoding) = decode_conll("café".as_bytes().to_vec());
        assert_eq!(encoding, "UTF-8");
    }

    #[test]
    fn vm_hwm_is_read_in_megabytes() {
        let status = "Name:\tkroniek\nVmPeak:\t  2000 kB\nVmHWM:\t    1000 kB\n";
        let mb = parse_vm_hwm(status).unwrap();
        assert!((mb - 1.024).abs() < 1e-9, "{mb}");
        assert_eq!(parse_vm_hwm("Name: x\n"), None);
    }

    #[test]
    fn throughput_of_nothing_is_zero() {
        let t = Throughput::new(0, 0, Duration::ZERO, None);
        assert_eq!(t.mb_per_s, 0.0);
        assert_eq!(t.per_core(), 0.0);
        let t = Throughput::new(2, 3_000_000, Duration::from_secs(2), None);
        assert!((t.mb_per_s - 1.5).abs() < 1e-9);
        assert!((t.documents_per_s - 1.0).abs() < 1e-9);
        let t = Throughput::new(2, 3_000_000, Duration::from_secs(2), Some(0.5));
        assert!((t.per_core() - 3.0).abs() < 1e-9);
        assert!((t.documents_per_s - 2.0).abs() < 1e-9);
    }

    #[test]
    fn bench_runs_on_a_small_text() {
        let dir = std::env::temp_dir().join(format!("kroniek-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tekst.txt");
        std::fs::write(
            &path,
            "\"We gaan door\", zei minister Kaag gisteren in Den Haag. Het kost 5 miljoen euro.",
        )
        .unwrap();
        let args = BenchArgs {
            files: vec![path.clone()],
            seconds: 0.0,
            lang: Some("nl".into()),
            json: true,
            no_stages: false,
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let (files, documents) = load_corpus(&args.files, Some(Lang::Nl), args.max_bytes).unwrap();
        assert_eq!(files[0].format, "text");
        let run = measure_pipeline(&documents, Duration::ZERO).unwrap();
        assert_eq!(run.passes, 1);
        let stages = measure_stages(&documents, Duration::ZERO).unwrap();
        assert_eq!(stages.len(), STAGES.len());
        run_bench_ok(args);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn run_bench_ok(args: BenchArgs) {
        run(args).unwrap();
    }

    #[test]
    fn missing_default_corpus_or_file_is_an_error() {
        let error = load_corpus(&[PathBuf::from("/nonexistent/kroniek.txt")], None, 10)
            .unwrap_err()
            .to_string();
        assert!(error.contains("/nonexistent/kroniek.txt"), "{error}");
    }
}
