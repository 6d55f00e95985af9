//! Golden tests: each `tests/fixtures/<lang>/NAME.txt` at the repository root is analysed and
//! compared with `NAME.expected.json`, which lists, readably, what must be found:
//!
//! ```json
//! { "lang": "nl",
//!   "quotes": [ { "text": "…", "kind": "direct", "speaker": "Eddy van Wessel", "cue": "vertelt" } ],
//!   "absent_quotes": [ "zo’n 70 dollar kost" ],
//!   "entities": [ { "name": "Eddy van Wessel", "kind": "person", "mentions": ["Van Wessel"] } ] }
//! ```
//!
//! Every listed item must be present (extra findings are allowed); `absent_quotes` lists texts
//! that no quote may start or end inside of a word of, and `absent` lists, per layer
//! (`quantities`, `times`, `places`, `events`), items that no finding may match. Offsets are checked too: each item's text
//! must be the text at its character offsets.
//!
//! The seed report lives outside the repository (`../shared/seeds`); its expected file is
//! `tests/fixtures/nl/seed_baghouz.expected.json` and the test is skipped when `../shared` is
//! absent.

use kroniek_pipeline::{analyse, Analysis};
use kroniek_text::{Document, Lang, Meta};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(text: &str, lang: Lang, published: Option<&str>) -> Analysis {
    let meta = Meta {
        published: published.map(str::to_string),
        ..Meta::default()
    };
    analyse(&Document {
        id: "fixture".into(),
        text: text.to_string(),
        lang,
        meta,
    })
}

/// The characters of `text` from `start` to `end` (character offsets).
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn check(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let lang = expected["lang"]
        .as_str()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Nl);
    let analysis = run(text, lang, expected["published"].as_str());
    let output = serde_json::to_value(&analysis).expect("analysis serialises");
    let mut failures = Vec::new();
    check_offsets(name, &analysis.text, &output, &mut failures);
    for want in expected["quotes"].as_array().into_iter().flatten() {
        let found = output["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|q| q["text"] == want["text"]);
        match found {
            None => failures.push(format!("{name}: missing quote {}", want["text"])),
            Some(got) => {
                for field in ["kind"] {
                    if !want[field].is_null() && got[field] != want[field] {
                        failures.push(format!(
                            "{name}: quote {} has {field} {} not {}",
                            want["text"], got[field], want[field]
                        ));
                    }
                }
                if !want["speaker"].is_null() && got["speaker"]["name"] != want["speaker"] {
                    failures.push(format!(
                        "{name}: quote {} has speaker {} not {}",
                        want["text"], got["speaker"]["name"], want["speaker"]
                    ));
                }
                if !want["cue"].is_null() && got["cue"]["text"] != want["cue"] {
                    failures.push(format!(
                        "{name}: quote {} has cue {} not {}",
                        want["text"], got["cue"]["text"], want["cue"]
                    ));
                }
                if want["nested"].as_bool() == Some(true) && got["nested_in"].is_null() {
                    failures.push(format!("{name}: quote {} should be nested", want["text"]));
                }
            }
        }
    }
    for absent in expected["absent_quotes"].as_array().into_iter().flatten() {
        let absent = absent.as_str().unwrap_or_default();
        for quote in output["quotes"].as_array().into_iter().flatten() {
            let quoted = quote["text"].as_str().unwrap_or_default();
            if quoted == absent || quoted.starts_with(absent) && quote["kind"] == "direct" {
                failures.push(format!("{name}: unexpected quote {quoted:?}"));
            }
        }
    }
    for want in expected["entities"].as_array().into_iter().flatten() {
        let found = output["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|e| e["name"] == want["name"]);
        match found {
            None => failures.push(format!("{name}: missing entity {}", want["name"])),
            Some(got) => {
                if !want["kind"].is_null() && got["kind"] != want["kind"] {
                    failures.push(format!(
                        "{name}: entity {} is {} not {}",
                        want["name"], got["kind"], want["kind"]
                    ));
                }
                for mention in want["mentions"].as_array().into_iter().flatten() {
                    if !got["mentions"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|m| &m["text"] == mention)
                    {
                        failures.push(format!(
                            "{name}: entity {} lacks mention {mention}",
                            want["name"]
                        ));
                    }
                }
            }
        }
    }
    for (layer, key) in [
        ("quantities", "quantities"),
        ("times", "times"),
        ("places", "places"),
        ("events", "events"),
    ] {
        for want in expected[key].as_array().into_iter().flatten() {
            let found = output[layer]
                .as_array()
                .into_iter()
                .flatten()
                .any(|got| subset(want, got));
            if !found {
                failures.push(format!("{name}: no {layer} item matching {want}"));
            }
        }
        for unwanted in expected["absent"][key].as_array().into_iter().flatten() {
            let found = output[layer]
                .as_array()
                .into_iter()
                .flatten()
                .any(|got| subset(unwanted, got));
            if found {
                failures.push(format!("{name}: a {layer} item matches absent {unwanted}"));
            }
        }
    }
    failures
}

/// Whether every field of `want` is in `got` with the same value (numbers compared loosely,
/// objects recursively).
fn subset(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| subset(v, gv))),
        (Value::Number(w), Value::Number(g)) => {
            let (w, g) = (
                w.as_f64().unwrap_or(f64::NAN),
                g.as_f64().unwrap_or(f64::NAN),
            );
            (w - g).abs() <= 1e-6 * w.abs().max(1.0)
        }
        (Value::Array(w), Value::Array(g)) => w.iter().all(|wv| g.iter().any(|gv| subset(wv, gv))),
        _ => want == got,
    }
}

/// Every object with `start`, `end` and `text` must have the text at those character offsets.
fn check_offsets(name: &str, text: &str, value: &Value, failures: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end), Some(Value::String(said))) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
                map.get("text"),
            ) {
                if start <= end && chars(text, start, end) != *said {
                    failures.push(format!(
                        "{name}: offsets {start}..{end} hold {:?}, not {said:?}",
                        chars(text, start, end)
                    ));
                }
            }
            for (key, child) in map {
                if key == "span" {
                    if let (Some(start), Some(end), Some(Value::String(said))) = (
                        child["start"].as_u64(),
                        child["end"].as_u64(),
                        map.get("text"),
                    ) {
                        if chars(text, start, end) != *said {
                            failures.push(format!(
                                "{name}: span {start}..{end} holds {:?}, not {said:?}",
                                chars(text, start, end)
                            ));
                        }
                    }
                }
                check_offsets(name, text, child, failures);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| check_offsets(name, text, item, failures)),
        _ => {}
    }
}

fn expected_for(txt: &Path) -> Value {
    let path = txt.with_extension("expected.json");
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn fixtures_match_their_expected_files() {
    let mut failures = Vec::new();
    let mut count = 0;
    for lang in ["nl", "en"] {
        let dir = repo_root().join("tests/fixtures").join(lang);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("fixture text");
            failures.extend(check(
                &path.display().to_string(),
                &text,
                &expected_for(&path),
            ));
            count += 1;
        }
    }
    assert!(count > 0, "no fixtures found");
    assert!(
        failures.is_empty(),
        "{} golden failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_report_matches_its_expected_file() {
    let seed = repo_root().join("../shared/seeds/000_7c833daf2335ffcf.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    };
    let expected = expected_for(&repo_root().join("tests/fixtures/nl/seed_baghouz.txt"));
    let failures = check("seed", &text, &expected);
    assert!(
        failures.is_empty(),
        "{} seed failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
