//! Measures `find_times` throughput (segmentation excluded) on a text file repeated to about
//! 20 MB, best of five runs: `cargo run --release -p kroniek-time --example throughput -- FILE
//! [nl|en]`.

use kroniek_text::{segment, Lang};
use kroniek_time::{find_times, Reference};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE [nl|en]");
        return;
    };
    let lang = args
        .next()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Nl);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let copies = (20_000_000 / text.len().max(1)).max(1);
    let big = vec![text.as_str(); copies].join("\n\n");
    let seg = segment(&big, lang);
    let reference = Reference::parse("2019-03-06");
    // the best of five runs: the machine is shared, the slower runs measure the neighbours
    let mut secs = f64::MAX;
    let mut found = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        found = find_times(&big, &seg, lang, reference);
        secs = secs.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} bytes, {} expressions, {:.3} s, {:.1} MB/s",
        big.len(),
        found.len(),
        secs,
        big.len() as f64 / secs / 1e6
    );
}
