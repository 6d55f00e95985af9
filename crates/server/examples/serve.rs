//! Runs the server on a store without the `kroniek` binary (for trying it out and for the
//! load benchmark in docs/server.md).
//!
//! `cargo run --release -p kroniek-server --example serve -- STORE [ADDR]`
//! (ADDR defaults to 127.0.0.1:8080).

use kroniek_server::{start, ServerConfig};
use std::net::SocketAddr;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: serve STORE [ADDR]")?);
    let addr: SocketAddr = args.next().as_deref().unwrap_or("127.0.0.1:8080").parse()?;
    let running = start(addr, ServerConfig::new(db))?;
    eprintln!("serving on http://{}", running.addr());
    running.wait()?;
    Ok(())
}
