//! Measures load time, lookup speed and geocoding speed of the built-in gazetteer.
//!
//! Usage: `cargo run --release -p kroniek-places --example geocode_speed -- [TEXT_FILE]`

use kroniek_places::Gazetteer;
use kroniek_text::{segment, Lang};
use std::hint::black_box;
use std::time::Instant;

const NAMES: &[&str] = &[
    "Amsterdam",
    "Den Haag",
    "Aleppo",
    "Springfield",
    "Paris",
    "Verenigde Staten",
    "Syria",
    "Noord-Brabant",
    "Keulen",
    "Nowhere-in-particular",
    "San José",
    "London",
    "Mosul",
    "Kiev",
];

fn main() {
    let started = Instant::now();
    let gazetteer = Gazetteer::builtin();
    println!("load (first builtin()): {:?}", started.elapsed());
    println!("places: {}", gazetteer.len());

    let rounds = 20_000;
    let started = Instant::now();
    let mut found = 0;
    for i in 0..rounds {
        found += black_box(gazetteer.lookup(NAMES[i % NAMES.len()])).len();
    }
    let per = started.elapsed() / rounds as u32;
    println!("lookup: {per:?} per name ({rounds} lookups, {found} candidates)");

    let Some(file) = std::env::args().nth(1) else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&file) else {
        eprintln!("cannot read {file}");
        return;
    };
    let segmentation = segment(&text, Lang::Nl);
    let rounds = 200;
    let started = Instant::now();
    let mut places = 0;
    for _ in 0..rounds {
        let mut mentions = gazetteer.find_names(&text, &segmentation, Lang::Nl);
        mentions.extend(gazetteer.find_demonyms(&text, &segmentation, Lang::Nl));
        places += black_box(gazetteer.resolve(&text, &mentions)).len();
    }
    let per = started.elapsed() / rounds;
    println!(
        "find_names + find_demonyms + resolve: {per:?} per document of {} bytes ({} places)",
        text.len(),
        places / rounds as usize
    );
}
