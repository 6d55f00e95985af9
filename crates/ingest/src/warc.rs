//! WARC archives (`.warc`, `.warc.gz`): each `response` record holding an HTML page with
//! status 200 is a document; other records (requests, metadata, images, redirects) are passed
//! over.

use crate::html;
use crate::sources::{bad, page_document, Item};
use crate::{Origin, Position};
use std::io::{BufReader, Read};
use std::path::Path;
use warc::{RecordType, WarcHeader, WarcReader};

/// The documents of a WARC file, read record by record.
pub fn documents(path: &Path, max_bytes: u64) -> Box<dyn Iterator<Item = Item> + Send> {
    // Opened here, not with `WarcReader::from_path`, which opens files for writing too.
    let file = match std::fs::File::open(path) {
        Ok(file) => BufReader::with_capacity(1 << 20, file),
        Err(e) => return failed(path, e),
    };
    let gzipped = path.to_string_lossy().to_lowercase().ends_with(".gz");
    let records: Box<dyn Iterator<Item = _> + Send> = if gzipped {
        match libflate::gzip::MultiDecoder::new(file) {
            Ok(decoder) => Box::new(WarcReader::new(BufReader::new(decoder)).iter_records()),
            Err(e) => return failed(path, e),
        }
    } else {
        Box::new(WarcReader::new(file).iter_records())
    };
    let path = path.to_path_buf();
    let mut broken = false;
    Box::new(
        records
            .enumerate()
            .map_while(move |(i, record)| {
                if broken {
                    return None;
                }
                let at = Some(Position::Record(i + 1));
                Some(match record {
                    Err(e) => {
                        // The stream position is lost after a damaged record: stop here.
                        broken = true;
                        Some(Err(bad(
                            &path,
                            at,
                            format!("damaged WARC record, the rest of the file is not read: {e}"),
                        )))
                    }
                    Ok(record) => {
                        if *record.warc_type() != RecordType::Response {
                            return Some(None);
                        }
                        let target = record.header(WarcHeader::TargetURI).map(|u| u.to_string());
                        response(&path, at, target, record.body(), max_bytes)
                    }
                })
            })
            .flatten(),
    )
}

/// A file that cannot be opened, as one failure.
fn failed(path: &Path, error: std::io::Error) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(Err(bad(
        path,
        None,
        format!("cannot read: {error}"),
    ))))
}

/// The document of one HTTP response, `None` when it is not an HTML page with status 200.
fn response(
    path: &Path,
    at: Option<Position>,
    target: Option<String>,
    message: &[u8],
    max_bytes: u64,
) -> Option<Item> {
    let http = match Http::parse(message) {
        Ok(http) => http,
        Err(reason) => return Some(Err(bad(path, at, reason))),
    };
    if http.status != 200 || !http.content_type.contains("html") {
        return None;
    }
    Some(page(path, at, target, &http, max_bytes))
}

/// Extracts the page of an HTML response.
fn page(
    path: &Path,
    at: Option<Position>,
    target: Option<String>,
    http: &Http,
    max_bytes: u64,
) -> Item {
    let body = http.decoded_body().map_err(|r| bad(path, at, r))?;
    if body.len() as u64 > max_bytes {
        return Err(bad(
            path,
            at,
            format!(
                "{} bytes is more than the limit for one document",
                body.len()
            ),
        ));
    }
    let text = html::decode(&body, http.charset()).map_err(|r| bad(path, at, r))?;
    let page = html::extract(&text, target.as_deref()).map_err(|r| bad(path, at, r))?;
    let origin = Origin {
        file: path.to_path_buf(),
        position: at,
    };
    Ok(page_document(origin, page, body.len()))
}

/// An HTTP response as a WARC record stores it.
struct Http<'a> {
    status: u16,
    content_type: String,
    transfer_encoding: String,
    content_encoding: String,
    body: &'a [u8],
}

impl<'a> Http<'a> {
    /// Splits status line, headers and body.
    fn parse(message: &'a [u8]) -> Result<Http<'a>, String> {
        let (head_end, body_start) = find(message, b"\r\n\r\n")
            .map(|at| (at, at + 4))
            .or_else(|| find(message, b"\n\n").map(|at| (at, at + 2)))
            .ok_or("the HTTP response has no end of headers")?;
        let head = String::from_utf8_lossy(&message[..head_end]);
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or("the HTTP response has no status line")?;
        let mut http = Http {
            status,
            content_type: String::new(),
            transfer_encoding: String::new(),
            content_encoding: String::new(),
            body: &message[body_start..],
        };
        for line in lines {
            if let Some((name, value)) = line.split_once(':') {
                let value = value.trim().to_lowercase();
                match name.trim().to_lowercase().as_str() {
                    "content-type" => http.content_type = value,
                    "transfer-encoding" => http.transfer_encoding = value,
                    "content-encoding" => http.content_encoding = value,
                    _ => {}
                }
            }
        }
        Ok(http)
    }

    /// The charset named by the Content-Type header.
    fn charset(&self) -> Option<&str> {
        let at = self.content_type.find("charset=")? + 8;
        self.content_type[at..]
            .trim_matches(|c| c == '"' || c == ' ')
            .split(';')
            .next()
    }

    /// The body with chunked transfer and gzip/deflate compression undone.
    fn decoded_body(&self) -> Result<Vec<u8>, String> {
        let body = if self.transfer_encoding.contains("chunked") {
            dechunk(self.body)?
        } else {
            self.body.to_vec()
        };
        let mut out = Vec::new();
        let result = match self.content_encoding.as_str() {
            "gzip" | "x-gzip" => {
                libflate::gzip::Decoder::new(&body[..]).and_then(|mut d| d.read_to_end(&mut out))
            }
            "deflate" => libflate::deflate::Decoder::new(&body[..]).read_to_end(&mut out),
            _ => return Ok(body),
        };
        result.map_err(|e| format!("cannot decompress the {} body: {e}", self.content_encoding))?;
        Ok(out)
    }
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = find(data, b"\r\n").ok_or("a chunk has no size line")?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data.get(..size).ok_or("a chunk is cut short")?;
        out.extend_from_slice(chunk);
        data = data.get(size..).unwrap_or_default();
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"zz\r\n").is_err());
        assert!(dechunk(b"9\r\nkort").is_err());
    }

    #[test]
    fn responses_are_split() {
        let http = Http::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x</p>",
        )
        .unwrap();
        assert_eq!(http.status, 200);
        assert_eq!(http.charset(), Some("iso-8859-1"));
        assert_eq!(http.body, b"<p>x</p>");
        assert!(Http::parse(b"garbage").is_err());
    }
}
