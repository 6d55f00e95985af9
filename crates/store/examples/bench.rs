//! Builds a synthetic store of many documents and measures search latency and store size.
//!
//! `cargo run --release -p kroniek-store --example bench -- [DOCUMENTS] [DB]`
//! (default 100000 documents in `target/bench-store.db`; an existing store with that many
//! documents is reused).
//!
//! Documents are generated, not analysed: ~400-word texts drawn from a Zipf-like vocabulary
//! (with a few real Dutch words at set frequencies), and analysis JSON with the layer sizes of
//! a typical news article (22 sentences, 9 entities, 11 quotes, 10 quantities, 6 times,
//! 3 places, 2 events at one of those places), so size and latency are those of a real archive of that size.

use kroniek_store::{
    Archive, BoundingBox, EventFilter, Near, NewDocument, Page, Query, SqliteArchive,
};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Instant;

/// A small deterministic random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A rank in `0..n`, log-uniform (close to Zipf with exponent 1).
    fn zipf(&mut self, n: usize) -> usize {
        ((n as f64).powf(self.unit()) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

const SYLLABLES: [&str; 24] = [
    "ver", "ge", "be", "ont", "lan", "de", "ring", "heid", "wo", "ning", "stra", "ten", "mo",
    "ker", "sta", "lig", "baar", "pen", "dor", "kla", "vi", "ment", "ro", "sen",
];

/// The `i`-th word of the synthetic vocabulary.
fn word(mut i: usize) -> String {
    let mut out = String::new();
    loop {
        out.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        if i == 0 {
            return out;
        }
    }
}

/// Real words and the share of documents that contain them.
const PLANTED: [(&str, f64); 5] = [
    ("gemeente", 0.30),
    ("woningen", 0.05),
    ("brand", 0.01),
    ("minister", 0.10),
    ("zeldzaamheid", 0.0002),
];

const EVENT_TYPES: [&str; 8] = [
    "attack", "protest", "fire", "flood", "accident", "arrest", "election", "strike",
];

fn document(rng: &mut Rng, i: usize) -> NewDocument {
    let mut words: Vec<String> = (0..400).map(|_| word(rng.zipf(50_000))).collect();
    for (planted, share) in PLANTED {
        if rng.unit() < share {
            let at = rng.below(words.len());
            words[at] = planted.to_string();
        }
    }
    let mut text = String::new();
    for (n, w) in words.iter().enumerate() {
        text.push_str(w);
        text.push_str(if n % 18 == 17 { ". " } else { " " });
    }
    let len = text.chars().count();
    let span = |rng: &mut Rng| {
        let s = rng.below(len.saturating_sub(20).max(1));
        json!({"start": s, "end": s + 12})
    };
    let person = |rng: &mut Rng| format!("Persoon {}", word(rng.zipf(20_000)));
    let entities: Vec<Value> = (0..9)
        .map(|e| {
            json!({"id": e, "kind": "person", "name": person(rng),
            "mentions": [{"span": span(rng), "text": "naam"}, {"span": span(rng), "text": "naam"}]})
        })
        .collect();
    let quotes: Vec<Value> = (0..11)
        .map(|q| {
            json!({"id": q, "kind": "direct", "span": span(rng), "text": "woorden ".repeat(8),
            "cue": {"span": span(rng), "text": "zei"},
            "speaker": {"name": person(rng), "named": true, "entity": q % 9,
                        "mention": {"span": span(rng), "text": "naam"}, "resolution": "name"}})
        })
        .collect();
    let places: Vec<Value> = (0..3)
        .map(|_| {
            let p = rng.zipf(5000);
            json!({"name": format!("Plaats {}", word(p)), "geonames_id": 1_000_000 + p,
                "country_code": "NL", "latitude": 50.8 + (p % 97) as f64 * 0.03,
                "longitude": 3.4 + (p % 89) as f64 * 0.04, "feature": "town",
                "mentions": [span(rng)], "via_demonym": false})
        })
        .collect();
    let events: Vec<Value> = (0..2)
        .map(|_| {
            json!({"type": EVENT_TYPES[rng.below(EVENT_TYPES.len())], "span": span(rng),
            "date": format!("2023-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
            "place": {"place": rng.below(3), "text": "daar", "span": span(rng),
                      "source": "sentence"},
            "counts": {"killed": rng.below(5)}})
        })
        .collect();
    let quantities: Vec<Value> = (0..10)
        .map(|_| {
            json!({"span": span(rng), "kind": "count", "lower": rng.below(1000) as f64,
            "counted": {"span": span(rng), "text": "woningen"}})
        })
        .collect();
    let times: Vec<Value> = (0..6)
        .map(|_| {
            json!({"span": span(rng), "kind": "date", "timex": "2023-05-01",
            "value": {"type": "point", "value": "2023-05-01"}, "resolved": true})
        })
        .collect();
    let sentences: Vec<Value> = (0..22).map(|_| span(rng)).collect();
    let analysis = json!({
        "schema_version": "0.1.0", "offsets": "characters", "id": format!("doc-{i}"),
        "lang": if i.is_multiple_of(5) { "en" } else { "nl" },
        "meta": {"title": format!("Bericht {i}"), "url": format!("https://example.org/{i}"),
                 "published": format!("20{:02}-{:02}-{:02}", 15 + i % 10, 1 + i % 12, 1 + i % 28),
                 "outlet": format!("Krant {}", i % 40)},
        "text": text, "paragraphs": sentences.iter().step_by(4).collect::<Vec<_>>(),
        "sentences": sentences, "entities": entities, "quotes": quotes,
        "quantities": quantities, "times": times, "places": places, "events": events,
    });
    NewDocument::from_analysis(analysis, None, Some(format!("bench:{i}"))).expect("valid")
}

/// A listing to time: returns its total.
type Listing<'a> = Box<dyn Fn() -> Result<u64, kroniek_store::StoreError> + 'a>;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let db = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-store.db"));
    let mut store = SqliteArchive::open(&db)?;
    let have = store.stats()?.documents as usize;
    if have < n {
        let start = Instant::now();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for i in 0..n {
            let doc = document(&mut rng, i);
            if i >= have {
                store.put(&doc)?;
            }
            if i % 10_000 == 9_999 {
                eprintln!(
                    "{} documents, {:.0} s",
                    i + 1,
                    start.elapsed().as_secs_f64()
                );
            }
        }
        let s = start.elapsed().as_secs_f64();
        println!(
            "stored {} documents in {s:.1} s ({:.0} documents/s, one transaction each)",
            n - have,
            (n - have) as f64 / s
        );
    }
    drop(store);
    let mut bytes = 0;
    for suffix in ["", "-wal"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        bytes += std::fs::metadata(&p).map_or(0, |m| m.len());
    }
    println!(
        "store: {n} documents, {:.1} MB, {:.2} MB per 1,000 documents",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / n as f64 * 1000.0
    );
    let store = SqliteArchive::open_read_only(&db)?;
    let text = |t: &str| Query {
        text: Some(t.to_string()),
        ..Query::default()
    };
    let cases: Vec<(&str, Query)> = vec![
        ("common word (30%)", text("gemeente")),
        ("word (5%), stemmed", text("woning")),
        ("rare word", text("zeldzaamheid")),
        ("two words", text("minister gemeente")),
        ("vocabulary word", text(&word(7))),
        (
            "speaker filter",
            Query {
                speaker: Some(format!("Persoon {}", word(3))),
                ..Query::default()
            },
        ),
        (
            "near 25 km",
            Query {
                near: Some(Near {
                    lat: 52.0,
                    lon: 5.0,
                    km: 25.0,
                }),
                ..Query::default()
            },
        ),
        (
            "outlet + dates",
            Query {
                outlet: Some("Krant 7".into()),
                from: Some("2022".into()),
                to: Some("2022-06".into()),
                ..Query::default()
            },
        ),
        (
            "word + lang + dates",
            Query {
                lang: Some("nl".into()),
                from: Some("2020-01".into()),
                ..text("woningen")
            },
        ),
        (
            "event type",
            Query {
                event_type: Some("fire".into()),
                ..Query::default()
            },
        ),
    ];
    let mut all = Vec::new();
    println!(
        "{:<22} {:>8} {:>9} {:>9}",
        "search (20 per page)", "total", "p50 ms", "p99 ms"
    );
    for (name, query) in &cases {
        let mut times = Vec::new();
        let mut total = 0;
        for round in 0..50u32 {
            let start = Instant::now();
            let page = store.search(
                query,
                Page {
                    limit: 20,
                    offset: (round % 5) * 20,
                },
            )?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            total = page.total;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<22} {total:>8} {:>9.2} {:>9.2}",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "all searches: p50 {:.2} ms, p99 {:.2} ms ({} searches)",
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        all.len()
    );
    let lists: Vec<(&str, Listing)> = vec![
        (
            "speakers (all)",
            Box::new(|| Ok(store.speakers(&Query::default(), Page::default())?.total)),
        ),
        (
            "speakers (word)",
            Box::new(|| Ok(store.speakers(&text("brand"), Page::default())?.total)),
        ),
        (
            "places (all)",
            Box::new(|| Ok(store.places(&Query::default(), Page::default())?.total)),
        ),
        (
            "events (fire)",
            Box::new(|| {
                Ok(store
                    .events(
                        &Query {
                            event_type: Some("fire".into()),
                            ..Query::default()
                        },
                        Page::default(),
                    )?
                    .total)
            }),
        ),
        (
            "events (country NL)",
            Box::new(|| {
                let filter = EventFilter {
                    country: Some("NL".into()),
                    bbox: None,
                };
                Ok(store
                    .events_where(&Query::default(), &filter, Page::default())?
                    .total)
            }),
        ),
        (
            "events (box)",
            Box::new(|| {
                let filter = EventFilter {
                    country: None,
                    bbox: Some(BoundingBox {
                        west: 4.0,
                        south: 51.5,
                        east: 5.0,
                        north: 52.5,
                    }),
                };
                Ok(store
                    .events_where(&Query::default(), &filter, Page::default())?
                    .total)
            }),
        ),
        (
            "quotes of speaker",
            Box::new(|| {
                Ok(store
                    .quotes(
                        &Query {
                            speaker: Some(format!("Persoon {}", word(3))),
                            ..Query::default()
                        },
                        Page::default(),
                    )?
                    .total)
            }),
        ),
        (
            "document by id",
            Box::new(|| Ok(store.document(4242)?.map_or(0, |_| 1))),
        ),
    ];
    for (name, list) in &lists {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..5 {
            let start = Instant::now();
            total = list()?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<22} {total:>8} {:>9.2} {:>9.2} (median, max of 5)",
            percentile(&times, 0.5),
            times[times.len() - 1]
        );
    }
    Ok(())
}
