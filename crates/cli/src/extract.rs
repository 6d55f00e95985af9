//! `kroniek extract`: analyse one text and print the record.

use crate::input::{front_matter, parse_lang, read_text, DEFAULT_MAX_BYTES};
use anyhow::Result;
use clap::{Args, ValueEnum};
use kroniek_events::{event_rows, events_csv, events_geojson, EventRow, Source};
use kroniek_pipeline::{Analysis, Pipeline, QuoteKind};
use kroniek_text::{Document, Lang};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Pretty-printed JSON.
    Json,
    /// One JSON object on one line.
    Jsonl,
    /// A readable view for the terminal.
    Text,
    /// The events as CSV with ACLED-like columns (one row per event, all files together).
    Csv,
    /// The events as a GeoJSON FeatureCollection (RFC 7946; events with coordinates).
    Geojson,
}

/// Arguments of `extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// The text files, or `-` for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
    let pipeline = match &args.places {
        Some(path) => Pipeline::with_place_overlay(path)?,
        None => Pipeline::new()?,
    };
    let mut analyses = Vec::new();
    for file in &args.files {
        let document = read_document(file, &args)?;
        analyses.push(pipeline.analyse(&document));
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json if analyses.len() == 1 => {
            writeln!(out, "{}", serde_json::to_string_pretty(&analyses[0])?)?
        }
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&analyses)?)?,
        Format::Jsonl => analyses
            .iter()
            .try_for_each(|a| writeln!(out, "{}", serde_json::to_string(a)?))?,
        Format::Text => analyses
            .iter()
            .try_for_each(|a| write!(out, "{}", render_text(a)))?,
        Format::Csv => write!(out, "{}", events_csv(&rows(&analyses)))?,
        Format::Geojson => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&events_geojson(&rows(&analyses)))?
        )?,
    }
    Ok(())
}

/// Reads one input with its metadata: flags override front matter.
fn read_document(file: &Path, args: &ExtractArgs) -> Result<Document> {
    let name = file.display().to_string();
    let text = read_text(file, args.max_bytes)?;
    let parsed = front_matter(&name, text)?;
    let mut meta = parsed.meta;
    meta.title = args.title.clone().or(meta.title);
    meta.url = args.url.clone().or(meta.url);
    meta.published = args.published.clone().or(meta.published);
    meta.outlet = args.outlet.clone().or(meta.outlet);
    let lang = match args.lang.as_deref() {
        Some(code) => parse_lang(code)?,
        None => parsed.lang.unwrap_or_else(|| identify(&parsed.body)),
    };
    Ok(Document {
        id: name,
        text: parsed.body,
        lang,
        meta,
    })
}

/// The event rows of all analyses, for the CSV and GeoJSON exports.
fn rows(analyses: &[Analysis]) -> Vec<EventRow> {
    analyses
        .iter()
        .flat_map(|a| {
            let source = Source {
                id: a.id.clone(),
                url: a.meta.url.clone(),
                published: a.meta.published.clone(),
            };
            event_rows(&source, &a.text, &a.events, &a.places, &a.times)
        })
        .collect()
}

/// The language of `text`, identified from its first paragraphs.
fn identify(text: &str) -> Lang {
    kroniek_text::langid::identify(text)
}

/// A readable terminal view: quotes with speaker and cue, then entities, quantities, times,
/// places and events, each with its character offsets.
pub fn render_text(analysis: &Analysis) -> String {
    let chars: Vec<char> = analysis.text.chars().collect();
    let words = |start: usize, end: usize| {
        chars[start.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect::<String>()
    };
    let mut out = format!(
        "{} ({}, offsets in characters)\n",
        analysis.id,
        analysis.lang.code()
    );
    out.push_str("\nQUOTES\n");
    for quote in &analysis.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("unknown".to_string(), |s| s.name.clone());
        let cue = quote
            .cue
            .as_ref()
            .map_or(String::new(), |c| format!(" ({})", c.text));
        let kind = match (quote.nested_in, quote.kind) {
            (Some(_), _) => "nested",
            (None, QuoteKind::Direct) => "direct",
            (None, QuoteKind::Indirect) => "indirect",
        };
        out.push_str(&format!(
            "  {:>5}-{:<5} {kind:<8} {speaker}{cue}: «{}»\n",
            quote.span.start,
            quote.span.end,
            words(quote.span.start, quote.span.end)
        ));
    }
    out.push_str("\nENTITIES\n");
    for entity in &analysis.entities {
        let mentions: Vec<&str> = entity.mentions.iter().map(|m| m.text.as_str()).collect();
        out.push_str(&format!(
            "  {:<12} {}: {}\n",
            format!("{:?}", entity.kind).to_lowercase(),
            entity.name,
            mentions.join(", ")
        ));
    }
    out.push_str("\nQUANTITIES\n");
    for q in &analysis.quantities {
        let value = match (q.value, q.lower, q.upper) {
            (Some(v), _, _) => format!("{v}"),
            (None, Some(l), Some(u)) => format!("{l}..{u}"),
            (None, Some(l), None) => format!(">= {l}"),
            (None, None, Some(u)) => format!("<= {u}"),
            (None, None, None) => "?".to_string(),
        };
        let unit = q
            .currency
            .clone()
            .or_else(|| q.unit.clone())
            .unwrap_or_default();
        let counted = q
            .counted
            .as_ref()
            .map_or(String::new(), |c| format!(" counts «{}»", c.text));
        let priced = q
            .priced
            .as_ref()
            .map_or(String::new(), |c| format!(" price of «{}»", c.text));
        out.push_str(&format!(
            "  {:>5}-{:<5} {:<10} {value} {unit}{counted}{priced}: «{}»\n",
            q.span.start,
            q.span.end,
            format!("{:?}", q.kind).to_lowercase(),
            words(q.span.start, q.span.end)
        ));
    }
    out.push_str("\nTIMES\n");
    for t in &analysis.times {
        out.push_str(&format!(
            "  {:>5}-{:<5} {:<12} {}: «{}»\n",
            t.span.start,
            t.span.end,
            format!("{:?}", t.kind).to_lowercase(),
            t.timex,
            words(t.span.start, t.span.end)
        ));
    }
    out.push_str("\nPLACES\n");
    for p in &analysis.places {
        let mentions: Vec<String> = p.mentions.iter().map(|m| words(m.start, m.end)).collect();
        out.push_str(&format!(
            "  {} ({}) {:.2}, {:.2}: {}\n",
            p.name,
            p.country_code,
            p.latitude,
            p.longitude,
            mentions.join(", ")
        ));
    }
    out.push_str("\nEVENTS\n");
    for event in &analysis.events {
        out.push_str(&event_line(event));
    }
    out
}

/// One event of the terminal view: offsets and type, then its flags, place, time, counts and
/// actors, each as written in the text.
fn event_line(event: &kroniek_events::Event) -> String {
    let mut line = format!(
        "  {:>5}-{:<5} {}/{}: «{}»",
        event.trigger.span.start,
        event.trigger.span.end,
        event.event_type,
        event.sub_type,
        event.trigger.text
    );
    for (flag, set) in [
        ("negated", event.negated),
        ("hypothetical", event.hypothetical),
        ("historical", event.historical),
    ] {
        if set {
            line.push_str(&format!(" [{flag}]"));
        }
    }
    if let Some(place) = &event.place {
        line.push_str(&format!(" in «{}»", place.text));
    }
    if let Some(time) = &event.time {
        line.push_str(&format!(" when «{}»", time.text));
    }
    for count in &event.counts {
        let what = serde_json::to_value(count.what)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        line.push_str(&format!(" {what} «{}»", count.text));
    }
    let actors: Vec<&str> = event.actors.iter().map(|a| a.text.as_str()).collect();
    if !actors.is_empty() {
        line.push_str(&format!(" actors «{}»", actors.join("», «")));
    }
    if event.mentions.len() > 1 {
        line.push_str(&format!(" ({} mentions)", event.mentions.len()));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_view_lists_events_with_their_arguments() {
        let text = "Heavy clashes between government forces and rebels in Aleppo killed 12 people \
            on Monday. There was no fighting in Hama.";
        let analysis = kroniek_pipeline::analyse(&Document {
            id: "test".into(),
            text: text.into(),
            lang: Lang::En,
            meta: Default::default(),
        });
        let view = render_text(&analysis);
        let events = view.split("\nEVENTS\n").nth(1).expect("an EVENTS section");
        let clash = events
            .lines()
            .find(|l| l.contains("«clashes»"))
            .expect("the clash");
        assert!(clash.contains("battles/armed_clash"), "{clash}");
        assert!(clash.contains("in «Aleppo»"), "{clash}");
        assert!(clash.contains("killed «12 people»"), "{clash}");
        let denied = events
            .lines()
            .find(|l| l.contains("«fighting»"))
            .expect("the denied fight");
        assert!(denied.contains("[negated]"), "{denied}");
    }
}
