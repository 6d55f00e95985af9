//! Regression checks of the shipped Dutch tagger against the shared CoNLL corpus: the labels
//! it gives must not change when tagging is made faster (a digest of every label is compared
//! with the one recorded before), and an ignored test measures the tagging speed.
//!
//! The corpus lies beside the repository (`../shared`, research use only); without it the
//! tests skip with a message.

use crate::model::iob2;
use crate::{read_conll, Tagger};
use kroniek_text::{segment, Lang};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The digest of every label the Dutch tagger gives `ned.testa` and `ned.train` (CoNLL tokens)
/// and the mentions it finds in their running text, recorded with the tagger before it was
/// made faster.
const RECORDED_DIGEST: u64 = 0x1bbd_a7c9_482b_7aa7;

/// The shared CoNLL file `name`, if the shared material is there.
fn corpus(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/conll2002-nl")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// FNV-1a over the bytes given.
struct Digest(u64);

impl Digest {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
}

#[test]
fn labels_match_the_recorded_digest() {
    let (Some(testa), Some(train)) = (corpus("ned.testa"), corpus("ned.train")) else {
        return;
    };
    let Some(tagger) = Tagger::builtin(Lang::Nl) else {
        panic!("the Dutch model loads");
    };
    let mut digest = Digest(0xcbf2_9ce4_8422_2325);
    for path in [testa, train] {
        let file = read_conll(&path).expect("the corpus parses");
        for doc in file.documents() {
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            for (sentence, chunks) in doc.iter().zip(tagger.tag_document(&words)) {
                for tag in iob2(&chunks, sentence.words.len()) {
                    digest.add(tag.as_bytes());
                }
            }
        }
        for text in file.running_texts() {
            let segmentation = segment(&text, Lang::Nl);
            for m in tagger.tag(&text, &segmentation) {
                let line = format!("{} {} {}", m.span.start, m.span.end, m.kind.conll());
                digest.add(line.as_bytes());
            }
        }
    }
    assert_eq!(digest.0, RECORDED_DIGEST, "digest {:#x}", digest.0);
}

/// Prints how fast the Dutch tagger tags the running text of `ned.train`; run with
/// `cargo test --release -p kroniek-ner tagging_speed -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn tagging_speed() {
    let Some(train) = corpus("ned.train") else {
        return;
    };
    let Some(tagger) = Tagger::builtin(Lang::Nl) else {
        panic!("the Dutch model loads");
    };
    let file = read_conll(&train).expect("the corpus parses");
    let texts: Vec<(String, kroniek_text::Segmentation)> = file
        .running_texts()
        .into_iter()
        .map(|t| {
            let s = segment(&t, Lang::Nl);
            (t, s)
        })
        .collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let cpu_start = thread_cpu_seconds().unwrap_or(0.0);
    let (mut passes, started) = (0, Instant::now());
    let mut found = 0;
    while passes == 0 || started.elapsed() < Duration::from_secs(5) {
        for (text, segmentation) in &texts {
            found += tagger.tag(text, segmentation).len();
        }
        passes += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().map_or(seconds, |end| end - cpu_start);
    println!(
        "tagged {passes} × {bytes} bytes in {seconds:.2} s ({cpu:.2} s CPU): {:.3} MB/s per core ({found} names)",
        (passes * bytes) as f64 / cpu / 1e6
    );
}

/// The CPU time of this thread so far (user and system, in clock ticks of 1/100 s), from
/// Linux's `/proc/thread-self/stat`.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
