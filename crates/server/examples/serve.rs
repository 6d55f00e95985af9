//! Runs the server on a store without the `kroniek` binary (for trying it out and for the
//! load benchmark in docs/server.md), optionally ingesting folders into it first.
//!
//! `cargo run --release -p kroniek-server --example serve -- STORE [ADDR [FOLDER...]]`
//! (ADDR defaults to 127.0.0.1:8080).

use kroniek_ingest::{ingest, IngestOptions, Progress};
use kroniek_pipeline::Pipeline;
use kroniek_server::{start, ServerConfig};
use std::net::SocketAddr;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: serve STORE [ADDR [FOLDER...]]")?);
    let addr: SocketAddr = args.next().as_deref().unwrap_or("127.0.0.1:8080").parse()?;
    let folders: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if !folders.is_empty() {
        let options = IngestOptions {
            progress: Progress::Quiet,
            ..IngestOptions::default()
        };
        let report = ingest(&folders, &db, &Pipeline::new()?, &options)?;
        eprintln!("{}", report.summary());
    }
    let running = start(addr, ServerConfig::new(db))?;
    eprintln!("serving on http://{}", running.addr());
    running.wait()?;
    Ok(())
}
