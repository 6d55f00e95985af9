//! Shared by the integration tests: a store filled from the sample folder (plus a hostile
//! document), a server on a loopback port, and a small HTTP/1.1 client.

#![allow(dead_code)]

use kroniek_ingest::{ingest, IngestOptions, Progress};
use kroniek_pipeline::Pipeline;
use kroniek_server::{start, Running, ServerConfig};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// A document whose title and text try to run script.
pub const HOSTILE: &str = r#"{"text": "De wethouder zei: \"<script>alert(1)</script> is geen nieuws.\" Ook \"><img src=x onerror=alert(1)> werd in Utrecht besproken.", "title": "<script>alert(1)</script>\"><img src=x onerror=alert(1)>", "url": "javascript:alert(1)", "published": "2024-06-01", "outlet": "Kwaad<b>blad</b>", "lang": "nl"}"#;

/// The sample folder of the store's tests.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/archive/good")
}

/// A store in `dir` holding the samples and the hostile document.
pub fn fill_store(dir: &Path) -> PathBuf {
    let hostile = dir.join("hostile");
    std::fs::create_dir_all(&hostile).expect("temp dir");
    std::fs::write(hostile.join("hostile.jsonl"), HOSTILE).expect("write hostile doc");
    let db = dir.join("archive.db");
    let options = IngestOptions {
        progress: Progress::Quiet,
        ..IngestOptions::default()
    };
    let pipeline = Pipeline::new().expect("pipeline");
    let report = ingest(&[samples(), hostile], &db, &pipeline, &options).expect("ingest");
    assert!(report.skipped.is_empty(), "skipped: {:?}", report.skipped);
    db
}

/// A server on a loopback port over a filled store, kept for the whole test binary.
pub struct Fixture {
    pub server: Running,
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// The read-only server shared by the tests of one binary.
pub fn shared() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = fill_store(dir.path());
        let server = start(loopback(), ServerConfig::new(db.clone())).expect("server starts");
        Fixture { server, dir, db }
    })
}

/// Port 0 on the loopback interface.
pub fn loopback() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

/// A response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    /// A header's value (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Sends one request (HTTP/1.1, `Connection: close`) and reads the whole response.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("send");
    let _ = stream.write_all(body);
    parse_response(&read_response(&mut stream))
}

/// Reads a response: up to its Content-Length when it has one (some servers keep the
/// connection open), else to the end of the stream.
fn read_response(stream: &mut TcpStream) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|n| raw.len() >= split + 4 + n) {
                return raw;
            }
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return raw,
            Ok(n) => raw.extend_from_slice(&buffer[..n]),
        }
    }
}

/// `GET path`.
pub fn get(addr: SocketAddr, path: &str) -> Response {
    request(addr, "GET", path, &[], b"")
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or(0);
        data = &data[end + 2..];
        if size == 0 || size > data.len() {
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or_default();
    }
    out
}

/// Percent-encodes a query value.
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
