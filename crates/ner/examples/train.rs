//! Trains a named-entity model from CoNLL files and saves it.
//!
//! ```text
//! cargo run --release -p kroniek-ner --example train -- \
//!     --train ../shared/corpora/conll2002-nl/ned.train --dev ../shared/corpora/conll2002-nl/ned.testa \
//!     --unlabelled ../shared/corpora/ud-nl/nl_alpino-ud-dev.conllu \
//!     --licence "..." --out crates/ner/models/nl.model
//! ```
//! Options: `--epochs N` (15), `--scheme bio|bilou` (bilou), `--lang nl|en` (nl),
//! `--min-weight W` (0), `--seed N` (7).

use kroniek_ner::{train, Scheme, TrainOptions};
use kroniek_text::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut files = Vec::new();
    let mut dev = None;
    let mut out = None;
    let mut options = TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--train" => files.push(PathBuf::from(value()?)),
            "--dev" => dev = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--unlabelled" => options.unlabelled.push(PathBuf::from(value()?)),
            "--licence" => options.licence = value()?,
            "--epochs" => {
                options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?
            }
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-weight" => {
                options.min_weight = value()?.parse().map_err(|e| format!("--min-weight: {e}"))?
            }
            "--lang" => {
                options.lang = Lang::from_code(&value()?).ok_or("--lang: unknown language")?
            }
            "--scheme" => {
                options.scheme = match value()?.as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    other => return Err(format!("--scheme: unknown scheme {other}")),
                }
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if files.is_empty() {
        return Err("give at least one --train file".into());
    }
    let started = std::time::Instant::now();
    let tagger = train(&files, dev.as_deref(), options).map_err(|e| e.to_string())?;
    eprintln!(
        "trained in {:.1} s; {} features",
        started.elapsed().as_secs_f64(),
        tagger.feature_count()
    );
    if let Some(dev) = &dev {
        let report = tagger.evaluate(dev).map_err(|e| e.to_string())?;
        print!("{report}");
    }
    if let Some(out) = out {
        tagger.save(&out).map_err(|e| e.to_string())?;
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        eprintln!("saved {} ({size} bytes)", out.display());
    }
    Ok(())
}
