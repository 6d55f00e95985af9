//! Reading inputs into raw documents: folders walked, each file read by its format, every
//! document or failure tagged with where it came from.

use crate::html;
use crate::{BadDocument, Origin, Position, RawDocument};
use kroniek_text::Meta;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// The formats Kroniek ingests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, with optional front matter.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines: one document per line.
    Jsonl,
    /// An RSS or Atom feed: one document per item.
    Feed,
    /// A WARC archive (plain or gzipped): one document per HTML response.
    Warc,
}

impl Format {
    /// The format of a file by its name, if Kroniek reads it.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let ext = name.rsplit('.').next()?;
        Some(match ext {
            "txt" | "text" | "md" | "markdown" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "rss" | "atom" | "xml" | "feed" => Format::Feed,
            "warc" => Format::Warc,
            "gz" if name.ends_with(".warc.gz") => Format::Warc,
            _ => return None,
        })
    }

    /// The format of a file named explicitly but with an unknown extension, by its first
    /// bytes.
    fn sniff(path: &Path) -> Format {
        let mut head = [0u8; 512];
        let n = std::fs::File::open(path)
            .and_then(|mut f| f.read(&mut head))
            .unwrap_or(0);
        let head = String::from_utf8_lossy(&head[..n]).to_lowercase();
        if head.starts_with("warc/") {
            Format::Warc
        } else if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf") {
            Format::Feed
        } else if head.trim_start().starts_with('<') {
            Format::Html
        } else if head.trim_start().starts_with('{') {
            Format::Jsonl
        } else {
            Format::Text
        }
    }
}

/// The files found under the inputs: those to read with their format, and those of unknown
/// format found in folders (ignored).
pub type Files = (Vec<(PathBuf, Format)>, Vec<PathBuf>);

/// The files to read under `paths` (folders walked recursively, in name order), with the
/// files of unknown format found in folders (ignored).
pub fn files(paths: &[PathBuf]) -> Result<Files, std::io::Error> {
    let mut found = Vec::new();
    let mut ignored = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        if meta.is_dir() {
            walk(path, &mut found, &mut ignored)?;
        } else {
            let format = Format::of(path).unwrap_or_else(|| Format::sniff(path));
            found.push((path.clone(), format));
        }
    }
    Ok((found, ignored))
}

/// Collects the files under `dir`, skipping hidden entries.
fn walk(
    dir: &Path,
    found: &mut Vec<(PathBuf, Format)>,
    ignored: &mut Vec<PathBuf>,
) -> Result<(), std::io::Error> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            walk(&path, found, ignored)?;
        } else {
            match Format::of(&path) {
                Some(format) => found.push((path, format)),
                None => ignored.push(path),
            }
        }
    }
    Ok(())
}

/// What reading yields: a document or a failure, each with its origin.
pub type Item = Result<RawDocument, BadDocument>;

/// The documents of one file, read lazily where the format allows (JSON Lines, WARC).
pub fn read(path: &Path, format: Format, max_bytes: u64) -> Box<dyn Iterator<Item = Item> + Send> {
    let whole = |path: &Path| -> Result<Vec<u8>, BadDocument> {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > max_bytes && format != Format::Feed {
            return Err(bad(
                path,
                None,
                format!(
                    "{size} bytes is more than the limit of {max_bytes} bytes for one document"
                ),
            ));
        }
        std::fs::read(path).map_err(|e| bad(path, None, format!("cannot read: {e}")))
    };
    match format {
        Format::Text => one(whole(path).and_then(|b| text_document(path, b))),
        Format::Html => one(whole(path).and_then(|b| html_document(path, &b))),
        Format::Feed => match std::fs::read(path) {
            Ok(bytes) => Box::new(crate::feed::documents(path, &bytes).into_iter()),
            Err(e) => one(Err(bad(path, None, format!("cannot read: {e}")))),
        },
        Format::Jsonl => match std::fs::File::open(path) {
            Ok(file) => Box::new(crate::jsonl::Lines::new(
                path,
                BufReader::new(file),
                max_bytes,
            )),
            Err(e) => one(Err(bad(path, None, format!("cannot read: {e}")))),
        },
        Format::Warc => crate::warc::documents(path, max_bytes),
    }
}

/// An iterator of one item.
fn one(item: Item) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(item))
}

/// A failure at a place in a file.
pub fn bad(path: &Path, position: Option<Position>, reason: String) -> BadDocument {
    BadDocument {
        origin: Origin {
            file: path.to_path_buf(),
            position,
        },
        reason,
    }
}

/// A text or Markdown file: strict UTF-8, optional front matter.
fn text_document(path: &Path, bytes: Vec<u8>) -> Result<RawDocument, BadDocument> {
    let size = bytes.len();
    let text = utf8(bytes).map_err(|reason| bad(path, None, reason))?;
    let parsed = crate::front::front_matter(&text)
        .map_err(|(line, reason)| bad(path, Some(Position::Line(line)), reason))?;
    Ok(RawDocument {
        origin: Origin {
            file: path.to_path_buf(),
            position: None,
        },
        text: parsed.body,
        meta: parsed.meta,
        lang: parsed.lang,
        author: parsed.author,
        bytes: size,
    })
}

/// Checks UTF-8 and strips a byte-order mark; errors give line and column.
pub fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text)),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let before = &error.as_bytes()[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
            Err(format!("invalid UTF-8 at line {line}, column {column} (byte {at}); convert the file to UTF-8 first"))
        }
    }
}

/// An HTML page file.
fn html_document(path: &Path, bytes: &[u8]) -> Result<RawDocument, BadDocument> {
    let text = html::decode(bytes, None).map_err(|reason| bad(path, None, reason))?;
    let page = html::extract(&text, None).map_err(|reason| bad(path, None, reason))?;
    Ok(page_document(
        Origin {
            file: path.to_path_buf(),
            position: None,
        },
        page,
        bytes.len(),
    ))
}

/// A raw document from an extracted page.
pub fn page_document(origin: Origin, page: html::Page, bytes: usize) -> RawDocument {
    RawDocument {
        origin,
        text: page.text,
        meta: Meta {
            title: page.title,
            url: page.url,
            published: page.published.map(|p| crate::dates::normalise(&p)),
            outlet: page.site,
        },
        lang: page.lang.as_deref().map(crate::language),
        author: page.author,
        bytes,
    }
}
