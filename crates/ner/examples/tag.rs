//! Tags a text file with the builtin Dutch model and prints each name with its byte span.
//!
//! ```text
//! cargo run --release -p kroniek-ner --example tag -- ../shared/seeds/000_7c833daf2335ffcf.txt
//! ```

use kroniek_ner::Tagger;
use kroniek_text::{segment, Lang};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("tag: give a text file");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("tag: {path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let Some(tagger) = Tagger::builtin(Lang::Nl) else {
        eprintln!("tag: no builtin Dutch model");
        return ExitCode::FAILURE;
    };
    for m in tagger.tag(&text, &segment(&text, Lang::Nl)) {
        println!(
            "{:>6}..{:<6} {:?} {}",
            m.span.start,
            m.span.end,
            m.kind,
            m.span.of(&text)
        );
    }
    ExitCode::SUCCESS
}
