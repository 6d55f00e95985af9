//! The `kroniek` command: a thin layer over the library crates.

mod archive;
mod bench;
mod evaluate;
mod extract;
mod input;
mod serve;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// Kroniek turns news text into a sourced, structured record: who said what, who and where,
/// how many, when, and what happened. Every fact points to the characters it came from.
#[derive(Parser)]
#[command(name = "kroniek", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse texts (files, or `-` for standard input) and print their records.
    Extract(extract::ExtractArgs),
    /// Print the JSON Schema of the output of `extract`.
    Schema,
    /// Analyse files, folders, feeds and web archives into the local store.
    Ingest(archive::IngestArgs),
    /// Search the local store.
    Search(archive::SearchArgs),
    /// List the local store's events (filter by type, country, box, date; text, JSON, CSV,
    /// GeoJSON).
    Events(archive::EventsArgs),
    /// Serve the store: an HTTP JSON API and a web interface (offline, read-only by default).
    Serve(serve::ServeArgs),
    /// Measure throughput (MB/s per core) and peak memory of the whole pipeline.
    Bench(bench::BenchArgs),
    /// Score Kroniek against gold data and test specs.
    #[command(subcommand)]
    Eval(evaluate::EvalCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(evaluate::TrainCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kroniek: error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether the error is a closed standard output (`kroniek extract … | head`), which is not a
/// failure of Kroniek.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Schema => {
            println!("{}", kroniek_pipeline::SCHEMA.trim_end());
            Ok(())
        }
        Command::Ingest(args) => archive::run_ingest(args),
        Command::Search(args) => archive::run_search(args),
        Command::Events(args) => archive::run_events(args),
        Command::Serve(args) => serve::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Eval(command) => evaluate::run_eval(command),
        Command::Train(command) => evaluate::run_train(command),
    }
}
