//! Prints every label the builtin Dutch tagger gives a CoNLL file: the IOB2 tag of each of
//! the file's own tokens (one per line, a blank line between sentences), then the mentions
//! found in each document's running text (tokens joined by spaces, a sentence a line). Used
//! to check that a faster tagger gives exactly the same output (`diff` two dumps).
//!
//! ```text
//! cargo run --release -p kroniek-ner --example dump -- ../shared/corpora/conll2002-nl/ned.train > train.tags
//! ```

use kroniek_ner::{read_conll, Tagger};
use kroniek_text::{segment, Lang};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("dump: give a CoNLL file");
        return ExitCode::FAILURE;
    };
    let file = match read_conll(std::path::Path::new(&path)) {
        Ok(file) => file,
        Err(err) => {
            eprintln!("dump: {err}");
            return ExitCode::FAILURE;
        }
    };
    let Some(tagger) = Tagger::builtin(Lang::Nl) else {
        eprintln!("dump: no builtin Dutch model");
        return ExitCode::FAILURE;
    };
    let docs = file.documents();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for doc in &docs {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        for (sentence, chunks) in doc.iter().zip(tagger.tag_document(&words)) {
            let mut tags = vec!["O".to_string(); sentence.words.len()];
            for c in &chunks {
                for (i, tag) in tags.iter_mut().enumerate().take(c.end).skip(c.start) {
                    let prefix = if i == c.start { "B" } else { "I" };
                    *tag = format!("{prefix}-{}", c.kind.conll());
                }
            }
            for (word, tag) in sentence.words.iter().zip(&tags) {
                let _ = writeln!(out, "{word} {tag}");
            }
            let _ = writeln!(out);
        }
    }
    for (d, text) in file.running_texts().iter().enumerate() {
        for m in tagger.tag(text, &segment(text, Lang::Nl)) {
            let _ = writeln!(
                out,
                "doc {d} {} {} {:?} {}",
                m.span.start,
                m.span.end,
                m.kind,
                m.span.of(text)
            );
        }
    }
    ExitCode::SUCCESS
}
