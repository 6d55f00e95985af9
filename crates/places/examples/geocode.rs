//! Geocodes a text file with the fallback finders and prints the places as JSON, with timings.
//!
//! Usage: `cargo run --release -p kroniek-places --example geocode -- FILE [nl|en] [OVERLAY]`

use kroniek_places::Gazetteer;
use kroniek_text::{segment, Lang};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: geocode FILE [nl|en] [OVERLAY]");
        return ExitCode::FAILURE;
    };
    let lang = args
        .get(1)
        .and_then(|c| Lang::from_code(c))
        .unwrap_or(Lang::Nl);
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let mut gazetteer = Gazetteer::builtin();
    eprintln!("load: {:?}", started.elapsed());
    if let Some(overlay) = args.get(2) {
        match gazetteer.with_overlay(overlay) {
            Ok(g) => gazetteer = g,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let started = Instant::now();
    let segmentation = segment(&text, lang);
    let mut mentions = gazetteer.find_names(&text, &segmentation, lang);
    mentions.extend(gazetteer.find_demonyms(&text, &segmentation, lang));
    let places = gazetteer.resolve(&text, &mentions);
    eprintln!("find + resolve: {:?}", started.elapsed());
    for place in &places {
        let surfaces: Vec<&str> = place.mentions.iter().map(|s| s.of(&text)).collect();
        eprintln!(
            "{:?} -> {} ({}, {:?}) {:.3},{:.3} {:?}",
            surfaces,
            place.name,
            place.country_code,
            place.feature,
            place.latitude,
            place.longitude,
            place.admin1
        );
    }
    match serde_json::to_string_pretty(&places) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("{e}"),
    }
    ExitCode::SUCCESS
}
