//! Measures the quantities stage alone: `cargo run --release -p kroniek-numbers --example
//! quantities_speed -- [SECONDS] [FILE...]`.
//!
//! Reads CoNLL files (or plain text files, one document a line) (default: `../shared/corpora/conll2002-nl/ned.train`, seen from the
//! working directory or a parent) into running text the way `kroniek bench` does (one document
//! per `-DOCSTART-`, sentences joined by a space), segments each document once, then times only
//! `find_quantities`, pass after pass, and prints the best and the mean MB/s of the passes. The
//! language is Dutch unless the file name contains `eng`, `en.` or `-en`. With `QUANTITIES_DUMP=path`
//! set, it first writes every quantity found as JSON to that file and the documents' texts to
//! `path.texts` (to compare two versions).

use kroniek_text::{segment, Lang};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const DEFAULT: &str = "../shared/corpora/conll2002-nl/ned.train";

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let mut files: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if files.is_empty() {
        let here = std::env::current_dir().unwrap_or_default();
        match here
            .ancestors()
            .map(|d| d.join(DEFAULT))
            .find(|p| p.is_file())
        {
            Some(p) => files.push(p),
            None => {
                eprintln!("no corpus: name the CoNLL files to read");
                return;
            }
        }
    }
    let mut docs = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let lang = if name.contains("eng") || name.contains("en.") || name.contains("-en") {
            Lang::En
        } else {
            Lang::Nl
        };
        let Ok(bytes) = std::fs::read(file) else {
            eprintln!("cannot read {name}");
            return;
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
        };
        let texts = if text.starts_with("-DOCSTART-") {
            conll_texts(&text)
        } else {
            text.lines().map(str::to_string).collect()
        };
        for doc in texts {
            let seg = segment(&doc, lang);
            docs.push((doc, seg, lang));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut found = 0;
    for (text, seg, lang) in &docs {
        found += kroniek_numbers::find_quantities(text, seg, *lang).len();
    }
    if let Ok(path) = std::env::var("QUANTITIES_DUMP") {
        let all: Vec<_> = docs
            .iter()
            .map(|(text, seg, lang)| kroniek_numbers::find_quantities(text, seg, *lang))
            .collect();
        let json = serde_json::to_string_pretty(&all).unwrap_or_default();
        let texts: Vec<&str> = docs.iter().map(|d| d.0.as_str()).collect();
        let texts = serde_json::to_string(&texts).unwrap_or_default();
        let texts_path = format!("{path}.texts");
        if std::fs::write(&path, json).is_err() || std::fs::write(&texts_path, texts).is_err() {
            eprintln!("cannot write {path}");
        }
    }
    println!(
        "{} documents, {bytes} bytes, {found} quantities",
        docs.len()
    );
    let mut best = f64::MAX;
    let mut total = Duration::ZERO;
    let mut passes = 0u32;
    let start = Instant::now();
    while passes == 0 || start.elapsed().as_secs_f64() < seconds {
        let t = Instant::now();
        for (text, seg, lang) in &docs {
            std::hint::black_box(kroniek_numbers::find_quantities(text, seg, *lang));
        }
        let e = t.elapsed();
        best = best.min(e.as_secs_f64());
        total += e;
        passes += 1;
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "quantities: best {:.2} MB/s, mean {:.2} MB/s over {passes} passes",
        mb / best,
        mb * f64::from(passes) / total.as_secs_f64()
    );
}

/// Per `-DOCSTART-`, the sentences (blank-line separated, token first on each line) joined by
/// a space; tokens joined by spaces except before closing punctuation.
fn conll_texts(conll: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    for line in conll.lines() {
        match line.split_whitespace().next() {
            Some("-DOCSTART-") => {
                flush_sentence(&mut tokens, &mut sentences);
                if !sentences.is_empty() {
                    texts.push(sentences.join(" "));
                    sentences.clear();
                }
            }
            Some(token) => tokens.push(token),
            None => flush_sentence(&mut tokens, &mut sentences),
        }
    }
    flush_sentence(&mut tokens, &mut sentences);
    if !sentences.is_empty() {
        texts.push(sentences.join(" "));
    }
    texts
}

fn flush_sentence(tokens: &mut Vec<&str>, sentences: &mut Vec<String>) {
    if tokens.is_empty() {
        return;
    }
    let mut text = String::new();
    let mut glue = true;
    for token in tokens.iter() {
        let closing = token.chars().all(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%' | '…'
            )
        });
        if !glue && !closing {
            text.push(' ');
        }
        text.push_str(token);
        glue = matches!(*token, "(" | "[" | "{");
    }
    sentences.push(text);
    tokens.clear();
}
