//! Ingests files and folders into a store with the library alone (no CLI): used by the
//! crash-safety test and for throughput measurements.
//!
//! `cargo run --release -p kroniek-ingest --example ingest -- DB PATH... [--jobs N] [--quiet]`
//!
//! Exits 0 when everything was stored, 2 when documents were skipped, 1 on an error.

use kroniek_ingest::{ingest, IngestOptions, Progress};
use kroniek_pipeline::Pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = IngestOptions::default();
    if let Some(at) = args.iter().position(|a| a == "--jobs") {
        options.jobs = args.get(at + 1).and_then(|n| n.parse().ok()).unwrap_or(0);
        args.drain(at..(at + 2).min(args.len()));
    }
    if let Some(at) = args.iter().position(|a| a == "--quiet") {
        options.progress = Progress::Quiet;
        args.remove(at);
    }
    let Some((db, paths)) = args.split_first() else {
        eprintln!("usage: ingest DB PATH... [--jobs N] [--quiet]");
        return ExitCode::FAILURE;
    };
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let pipeline = match Pipeline::new() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ingest: {e}");
            return ExitCode::FAILURE;
        }
    };
    match ingest(&paths, db.as_ref(), &pipeline, &options) {
        Ok(report) => {
            eprintln!("ingest: {}", report.summary());
            if report.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(e) => {
            eprintln!("ingest: {e}");
            ExitCode::FAILURE
        }
    }
}
