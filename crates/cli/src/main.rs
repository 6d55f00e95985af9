//! The `kroniek` command: a thin layer over the library crates.

mod extract;
mod input;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
    /// Analyse one text (a file, or `-` for standard input) and print the record.
    Extract(extract::ExtractArgs),
    /// Print the JSON Schema of the output of `extract`.
    Schema,
    /// Score Kroniek against gold data and test specs.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Quotes and speakers against a gold folder (`gold.jsonl` beside the texts).
    Quotes {
        /// The gold folder(s).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Language of the texts (default: identified per text).
        #[arg(long)]
        lang: Option<String>,
        /// List every missed, extra and wrongly attributed quote.
        #[arg(long)]
        verbose: bool,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kroniek: error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Schema => {
            println!("{}", kroniek_pipeline::SCHEMA.trim_end());
            Ok(())
        }
        Command::Eval(EvalCommand::Quotes {
            dirs,
            lang,
            verbose,
        }) => {
            let lang = lang.as_deref().map(input::parse_lang).transpose()?;
            for dir in dirs {
                let report = kroniek_eval::quotes::evaluate_quotes(&dir, lang)?;
                if verbose {
                    for line in &report.errors {
                        println!("{line}");
                    }
                }
                print!("{report}");
            }
            Ok(())
        }
    }
}
