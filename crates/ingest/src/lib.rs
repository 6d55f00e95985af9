//! Ingest: read text, HTML, JSON Lines, RSS/Atom and WARC into documents, analyse them in
//! parallel and store them in an [`kroniek_store::Archive`].
//!
//! ```text
//! paths -> files (folders walked) -> readers (one per format) -> RawDocument
//!       -> already stored? (content hash) -> skip
//!       -> Pipeline::analyse (rayon workers) -> one writer thread -> store (a transaction each)
//! ```
//!
//! Formats, by extension (a file named explicitly with another extension is sniffed):
//! - `.txt`, `.md`: UTF-8 text, optional front matter (`title`, `url`, `published`/`date`,
//!   `outlet`/`source`, `author`, `lang`; other keys ignored);
//! - `.html`, `.htm`: the main text, title, byline, published date, canonical url, site name
//!   and language (readability port `dom_smoothie`); legacy charsets decoded (`encoding_rs`,
//!   detection with `chardetng`);
//! - `.jsonl`, `.ndjson`: one `{"text": …, "title", "url", "published", "outlet", "lang",
//!   "author"}` per line;
//! - `.rss`, `.atom`, `.xml`: each feed item (content, else summary; HTML stripped);
//! - `.warc`, `.warc.gz`: each HTML response with status 200.
//!
//! Resumable: a document whose text is already stored is skipped before analysis, so a run
//! killed at any moment and started again completes the rest. A bad document is reported with
//! its [`Origin`] (file, and line, item or record number) and skipped; the run goes on.

mod dates;
mod feed;
pub mod front;
pub mod html;
mod jsonl;
mod run;
pub mod sources;
mod warc;

pub use run::{ingest, IngestError, IngestOptions, IngestReport, Progress, DEFAULT_MAX_BYTES};

use kroniek_text::{Lang, Meta};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Where in a file a document was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// A line of a JSON Lines file (or of front matter), 1-based.
    Line(usize),
    /// An item of a feed, 1-based.
    Item(usize),
    /// A record of a WARC file, 1-based.
    Record(usize),
}

/// The source of a document: a file and where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file.
    pub file: PathBuf,
    /// Where in the file, when it holds several documents.
    pub position: Option<Position>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        match self.position {
            Some(Position::Line(n)) => write!(f, ":{n}"),
            Some(Position::Item(n)) => write!(f, " item {n}"),
            Some(Position::Record(n)) => write!(f, " record {n}"),
            None => Ok(()),
        }
    }
}

/// A document as read, before analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDocument {
    /// Where it was read.
    pub origin: Origin,
    /// The text.
    pub text: String,
    /// Title, url, published, outlet as the source gives them.
    pub meta: Meta,
    /// The language the source declares.
    pub lang: Option<Lang>,
    /// Author or byline.
    pub author: Option<String>,
    /// Size of its source bytes (for progress and throughput).
    pub bytes: usize,
}

/// A document that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadDocument {
    /// Where it was.
    pub origin: Origin,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for BadDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// The language of a declared code (`nl`, `nl-BE`, `en_GB`, `Dutch`): Dutch, English, or
/// other for any other language.
pub fn language(code: &str) -> Lang {
    let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
    Lang::from_code(primary)
        .or_else(|| Lang::from_code(code))
        .unwrap_or(Lang::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_languages() {
        assert_eq!(language("nl-BE"), Lang::Nl);
        assert_eq!(language("en_GB"), Lang::En);
        assert_eq!(language("de"), Lang::Other);
        let origin = Origin {
            file: "a.jsonl".into(),
            position: Some(Position::Line(3)),
        };
        assert_eq!(origin.to_string(), "a.jsonl:3");
    }
}
