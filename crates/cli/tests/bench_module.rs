//! Compiles `src/bench.rs` (with the `input` module it uses) on its own, so that its unit tests
//! run even where `main.rs` does not declare the `bench` subcommand, and so that the benchmark
//! can run from the test harness:
//!
//! ```sh
//! KRONIEK_BENCH_ARGS="--seconds 5" cargo test --release -p kroniek --test bench_module -- --ignored --nocapture
//! ```

use clap::Parser;

#[allow(dead_code)]
#[path = "../src/input.rs"]
mod input;

#[allow(dead_code)]
#[path = "../src/bench.rs"]
mod bench;

/// `kroniek bench`'s arguments on their own.
#[derive(Parser)]
struct BenchCli {
    #[command(flatten)]
    args: bench::BenchArgs,
}

/// Runs `kroniek bench` with the arguments in `KRONIEK_BENCH_ARGS` (split at whitespace).
#[test]
#[ignore = "a measurement, not a test: run with --ignored --nocapture in release"]
fn bench_from_env() {
    let line = std::env::var("KRONIEK_BENCH_ARGS").unwrap_or_default();
    let words = std::iter::once("kroniek-bench").chain(line.split_whitespace());
    let cli = BenchCli::parse_from(words);
    if let Err(error) = bench::run(cli.args) {
        panic!("kroniek bench: {error:#}");
    }
}
