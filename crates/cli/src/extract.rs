//! `kroniek extract`: analyse one text and print the record.

use crate::input::{front_matter, parse_lang, read_text, DEFAULT_MAX_BYTES};
use anyhow::Result;
use clap::{Args, ValueEnum};
use kroniek_pipeline::{Analysis, Pipeline};
use kroniek_text::{Document, Lang};
use std::io::Write;
use std::path::PathBuf;

/// Output formats.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Pretty-printed JSON.
    Json,
    /// One JSON object on one line.
    Jsonl,
    /// A readable view for the terminal.
    Text,
}

/// Arguments of `extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// The text file, or `-` for standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language (nl, en, other); default: identified from the text or its front matter.
    #[arg(long)]
    lang: Option<String>,
    /// Title of the document.
    #[arg(long)]
    title: Option<String>,
    /// URL of the document.
    #[arg(long)]
    url: Option<String>,
    /// Publication date (ISO 8601), the reference for relative times.
    #[arg(long)]
    published: Option<String>,
    /// Newspaper, site or agency.
    #[arg(long)]
    outlet: Option<String>,
    /// A file of places the gazetteer lacks (TSV: name, country code, latitude, longitude,
    /// optional alternative names separated by |, optional population).
    #[arg(long)]
    places: Option<PathBuf>,
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let name = args.file.display().to_string();
    let text = read_text(&args.file, args.max_bytes)?;
    let parsed = front_matter(&name, text)?;
    let mut meta = parsed.meta;
    meta.title = args.title.or(meta.title);
    meta.url = args.url.or(meta.url);
    meta.published = args.published.or(meta.published);
    meta.outlet = args.outlet.or(meta.outlet);
    let lang = match args.lang.as_deref() {
        Some(code) => parse_lang(code)?,
        None => parsed.lang.unwrap_or_else(|| identify(&parsed.body)),
    };
    let document = Document {
        id: name,
        text: parsed.body,
        lang,
        meta,
    };
    let pipeline = match &args.places {
        Some(path) => Pipeline::with_place_overlay(path)?,
        None => Pipeline::new()?,
    };
    let analysis = pipeline.analyse(&document);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&analysis)?)?,
        Format::Jsonl => writeln!(out, "{}", serde_json::to_string(&analysis)?)?,
        Format::Text => write!(out, "{}", render_text(&analysis))?,
    }
    Ok(())
}

/// The language of `text`, identified from its first paragraphs.
fn identify(text: &str) -> Lang {
    kroniek_text::langid::identify(text)
}

/// A readable terminal view: each quote with its speaker and cue.
pub fn render_text(analysis: &Analysis) -> String {
    let mut out = String::new();
    let chars: Vec<char> = analysis.text.chars().collect();
    let slice = |start: usize, end: usize| {
        chars[start.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect::<String>()
    };
    out.push_str(&format!(
        "{} ({})\n\nQUOTES\n",
        analysis.id,
        analysis.lang.code()
    ));
    for quote in &analysis.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("unknown".to_string(), |s| s.name.clone());
        let cue = quote
            .cue
            .as_ref()
            .map_or(String::new(), |c| format!(" ({})", c.text));
        let kind = if quote.nested_in.is_some() {
            "nested"
        } else if quote.kind == kroniek_quotes_kind_direct() {
            "direct"
        } else {
            "indirect"
        };
        out.push_str(&format!(
            "  [{:>5}-{:<5}] {kind:<8} {speaker}{cue}: «{}»\n",
            quote.span.start,
            quote.span.end,
            slice(quote.span.start, quote.span.end)
        ));
    }
    out.push_str("\nENTITIES\n");
    for entity in &analysis.entities {
        let mentions: Vec<&str> = entity.mentions.iter().map(|m| m.text.as_str()).collect();
        out.push_str(&format!(
            "  {:?} {}: {}\n",
            entity.kind,
            entity.name,
            mentions.join(", ")
        ));
    }
    out
}

fn kroniek_quotes_kind_direct() -> kroniek_pipeline::QuoteKind {
    kroniek_pipeline::QuoteKind::Direct
}
