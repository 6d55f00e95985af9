//! Scores a model on a CoNLL file and prints conlleval's report; `--errors` also lists every
//! sentence with a wrong or missed name, and `--speed` measures tagging throughput.
//!
//! ```text
//! cargo run --release -p kroniek-ner --example eval -- ../shared/corpora/conll2002-nl/ned.testa
//! cargo run --release -p kroniek-ner --example eval -- --model my.model --errors FILE
//! cargo run --release -p kroniek-ner --example eval -- --lang en --errors crates/ner/tests/data/en_eval.conll
//! ```

use kroniek_ner::{read_conll, Tagger};
use kroniek_text::Lang;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut model = None;
    let mut file = None;
    let mut errors = false;
    let mut speed = false;
    let mut lang = Lang::Nl;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model = Some(PathBuf::from(args.next().ok_or("--model needs a path")?)),
            "--errors" => errors = true,
            "--speed" => speed = true,
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("nl") => Lang::Nl,
                    Some("en") => Lang::En,
                    _ => return Err("--lang needs nl or en".into()),
                }
            }
            other => file = Some(PathBuf::from(other)),
        }
    }
    let file = file.ok_or("give a CoNLL file")?;
    let started = std::time::Instant::now();
    let loaded;
    let tagger = match model {
        Some(path) => {
            loaded = Tagger::load(&path).map_err(|e| e.to_string())?;
            &loaded
        }
        None => Tagger::builtin(lang).ok_or("no builtin tagger for that language")?,
    };
    eprintln!(
        "model loaded in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let report = tagger.evaluate(&file).map_err(|e| e.to_string())?;
    print!("{report}");
    if errors {
        print_errors(tagger, &file)?;
    }
    if speed {
        measure_speed(tagger, &file)?;
    }
    Ok(())
}

/// Rebuilds running text from the file (one paragraph per document), segments it with
/// Kroniek's segmenter and times [`Tagger::tag`] alone over several rounds.
fn measure_speed(tagger: &Tagger, file: &std::path::Path) -> Result<(), String> {
    let data = read_conll(file).map_err(|e| e.to_string())?;
    let docs = data.running_texts();
    let segmented: Vec<_> = docs
        .iter()
        .map(|d| (d, kroniek_text::segment(d, Lang::Nl)))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let rounds = 5;
    let started = std::time::Instant::now();
    let mut names = 0;
    for _ in 0..rounds {
        for (text, seg) in &segmented {
            names += tagger.tag(text, seg).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "tagged {} bytes x {rounds} in {seconds:.2} s: {:.2} MB/s ({} names per round)",
        bytes,
        (bytes * rounds) as f64 / seconds / 1e6,
        names / rounds
    );
    Ok(())
}

fn print_errors(tagger: &Tagger, file: &std::path::Path) -> Result<(), String> {
    let data = read_conll(file).map_err(|e| e.to_string())?;
    let words: Vec<Vec<&str>> = data
        .sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    // Tag sentence by sentence as one document each: good enough to look at errors.
    for (sentence, words) in data.sentences.iter().zip(&words) {
        let found = tagger.tag_document(std::slice::from_ref(words));
        let guessed: BTreeSet<(usize, usize, String)> = found[0]
            .iter()
            .map(|c| (c.start, c.end, c.kind.conll().to_string()))
            .collect();
        let tags: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
        let gold: BTreeSet<(usize, usize, String)> =
            kroniek_ner::conll_chunks(&tags).into_iter().collect();
        if gold != guessed {
            println!("\n{}", words.join(" "));
            for (s, e, k) in gold.difference(&guessed) {
                println!("  missed {k:4} {}", words[*s..*e].join(" "));
            }
            for (s, e, k) in guessed.difference(&gold) {
                println!("  wrong  {k:4} {}", words[*s..*e].join(" "));
            }
        }
    }
    Ok(())
}
