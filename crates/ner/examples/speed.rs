//! Measures how fast the builtin Dutch tagger tags running text: the documents of a CoNLL
//! file joined into text, segmented once, then tagged over and over for a number of seconds;
//! prints MB/s per core (thread CPU time) after each second-long round. For profiling
//! (`perf record`) and for comparing changes to the tagging path.
//!
//! ```text
//! cargo run --release -p kroniek-ner --example speed -- ../shared/corpora/conll2002-nl/ned.train 8
//! ```

use kroniek_ner::{read_conll, Tagger};
use kroniek_text::{segment, Lang};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("speed: give a CoNLL file and optionally seconds");
        return ExitCode::FAILURE;
    };
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let data = match read_conll(std::path::Path::new(&path)) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("speed: {err}");
            return ExitCode::FAILURE;
        }
    };
    let Some(tagger) = Tagger::builtin(Lang::Nl) else {
        eprintln!("speed: no builtin Dutch model");
        return ExitCode::FAILURE;
    };
    let docs = data.running_texts();
    let segmented: Vec<_> = docs.iter().map(|d| (d, segment(d, Lang::Nl))).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let started = Instant::now();
    let mut best = 0.0f64;
    let mut rates = Vec::new();
    while started.elapsed() < Duration::from_secs_f64(seconds) || rates.is_empty() {
        let cpu = thread_cpu_seconds();
        let mut names = 0;
        for (text, seg) in &segmented {
            names += tagger.tag(text, seg).len();
        }
        let spent = thread_cpu_seconds() - cpu;
        let rate = bytes as f64 / spent.max(1e-9) / 1e6;
        best = best.max(rate);
        rates.push(rate);
        eprintln!(
            "round {}: {rate:.3} MB/s per core ({names} names)",
            rates.len()
        );
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "{bytes} bytes, {} rounds: best {best:.3} MB/s per core, median {:.3}",
        rates.len(),
        rates[rates.len() / 2]
    );
    ExitCode::SUCCESS
}

/// The CPU time of this thread so far in seconds, from `/proc/thread-self/schedstat`
/// (nanoseconds on the CPU); 0 where it cannot be read.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
