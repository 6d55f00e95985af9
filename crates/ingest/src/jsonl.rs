//! JSON Lines: one document per line, `{"text": …}` with optional `title`, `url`,
//! `published`, `outlet`, `lang`, `author`.

use crate::sources::{bad, utf8, Item};
use crate::{Origin, Position, RawDocument};
use kroniek_text::Meta;
use serde::Deserialize;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One line's document.
#[derive(Debug, Deserialize)]
struct Line {
    #[serde(alias = "content", alias = "body")]
    text: String,
    title: Option<String>,
    #[serde(alias = "link")]
    url: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    #[serde(alias = "source")]
    outlet: Option<String>,
    #[serde(alias = "language")]
    lang: Option<String>,
    #[serde(alias = "byline")]
    author: Option<String>,
}

/// The documents of a JSON Lines file, read line by line.
pub struct Lines<R> {
    path: PathBuf,
    reader: R,
    number: usize,
    max_bytes: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Reads `reader`, naming `path` in reports.
    pub fn new(path: &Path, reader: R, max_bytes: u64) -> Self {
        Lines {
            path: path.to_path_buf(),
            reader,
            number: 0,
            max_bytes,
            done: false,
        }
    }

    /// Parses one line (1-based `number`).
    fn parse(&self, bytes: Vec<u8>) -> Item {
        let at = Some(Position::Line(self.number));
        let size = bytes.len();
        if size as u64 > self.max_bytes {
            return Err(bad(
                &self.path,
                at,
                format!("{size} bytes is more than the limit for one document"),
            ));
        }
        let text = utf8(bytes).map_err(|r| bad(&self.path, at, r))?;
        let line: Line = serde_json::from_str(&text).map_err(|e| {
            bad(
                &self.path,
                at,
                format!("not a JSON document with a \"text\" field: {e}"),
            )
        })?;
        Ok(RawDocument {
            origin: Origin {
                file: self.path.clone(),
                position: at,
            },
            text: line.text,
            meta: Meta {
                title: line.title,
                url: line.url,
                published: line.published.map(|p| crate::dates::normalise(&p)),
                outlet: line.outlet,
            },
            lang: line.lang.as_deref().map(crate::language),
            author: line.author,
            bytes: size,
        })
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let mut bytes = Vec::new();
            self.number += 1;
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let at = Some(Position::Line(self.number));
                    // Stop after a read error: the rest of the file cannot be trusted.
                    self.done = true;
                    return Some(Err(bad(&self.path, at, format!("cannot read: {e}"))));
                }
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse(bytes));
        }
        None
    }
}
