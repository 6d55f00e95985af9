//! `kroniek serve` as the CLI defines it (`crates/cli/src/serve.rs`, compiled here too so that
//! this crate's checks cover it): `cargo run -p kroniek-server --example cli_serve -- --db FILE`.

#[path = "../../cli/src/serve.rs"]
mod serve;

use clap::Parser;

/// The `serve` subcommand's arguments at the top level.
#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: serve::ServeArgs,
}

fn main() -> anyhow::Result<()> {
    serve::run(Cli::parse().args)
}
