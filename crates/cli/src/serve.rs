//! `kroniek serve`: the archive's JSON API and web interface (crate `kroniek-server`).

use anyhow::{Context, Result};
use clap::Args;
use kroniek_server::{start, ServerConfig};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The environment variable that may hold the ingest token.
const TOKEN_VARIABLE: &str = "KRONIEK_INGEST_TOKEN";

/// Arguments of `serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// The store (an SQLite file filled by `kroniek ingest`).
    #[arg(long, default_value = "kroniek.db")]
    pub db: PathBuf,
    /// Address to listen on (keep it on 127.0.0.1 unless a proxy in front adds TLS).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Enables POST /api/ingest for requests carrying `Authorization: Bearer TOKEN` (at
    /// least 16 characters); without it the server is read-only. The environment variable
    /// KRONIEK_INGEST_TOKEN is used when this is not given (it keeps the token out of the
    /// process list).
    #[arg(long, value_name = "TOKEN")]
    pub ingest_token: Option<String>,
}

/// Runs `serve` until Ctrl-C.
pub fn run(args: ServeArgs) -> Result<()> {
    let mut config = ServerConfig::new(args.db.clone());
    config.ingest_token = args
        .ingest_token
        .or_else(|| std::env::var(TOKEN_VARIABLE).ok())
        .filter(|t| !t.is_empty());
    let writable = config.ingest_token.is_some();
    let running =
        start(args.addr, config).with_context(|| format!("cannot serve {}", args.db.display()))?;
    eprintln!(
        "kroniek: serving {} on http://{} ({}); Ctrl-C stops",
        args.db.display(),
        running.addr(),
        if writable {
            "POST /api/ingest enabled"
        } else {
            "read-only"
        }
    );
    running.wait()?;
    Ok(())
}
