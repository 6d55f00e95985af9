//! Scores the quote stage on gold folders without building the whole `kroniek` binary, for quick
//! iterations on the quote rules: `cargo run --release -p kroniek-eval --example quotes --
//! ../shared/gold/quotes/en-dev [--verbose]`. The same figures as `kroniek eval quotes`.

use kroniek_eval::quotes::evaluate_quotes;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    for dir in args.iter().filter(|a| !a.starts_with("--")) {
        match evaluate_quotes(Path::new(dir), None) {
            Ok(report) => {
                if verbose {
                    report.errors.iter().for_each(|line| println!("{line}"));
                }
                print!("{report}");
            }
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        }
    }
}
