//! Builds the shipped index files from the `places.tsv` that `scripts/extract.py` writes.
//!
//! Usage: `cargo run --release -p kroniek-places --example build_index -- PLACES_TSV OUT_DIR`
//! Writes `OUT_DIR/names.fst` and `OUT_DIR/places.bin`. Run by `scripts/rebuild.sh`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tsv, out] = args.as_slice() else {
        eprintln!("usage: build_index PLACES_TSV OUT_DIR");
        return ExitCode::FAILURE;
    };
    match run(tsv.into(), out.into()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("build_index: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(tsv: PathBuf, out: PathBuf) -> Result<(), String> {
    let table = std::fs::read_to_string(&tsv).map_err(|e| format!("{}: {e}", tsv.display()))?;
    let built = kroniek_places::build_index(&table).map_err(|e| e.to_string())?;
    for (name, bytes) in [
        ("names.fst", &built.names_fst),
        ("places.bin", &built.places_bin),
    ] {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    eprintln!("{} places, {} distinct names", built.records, built.names);
    Ok(())
}
