//! `kroniek events`, run through the built binary over a small store made by ingesting the two
//! event fixtures (`tests/fixtures/en/events_en.txt`, `tests/fixtures/nl/events_nl.txt`, each
//! given a title and a publication date in front matter so that their events have dates):
//! every filter, every output format, and the refusals of bad input.
//!
//! The checks are properties of the listing (every event listed passes the filter, the formats
//! agree with each other, offsets are characters) plus a few events the fixtures' golden files
//! pin down, so that better event extraction does not break them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Titles and publication dates given to the fixtures in the store.
const EN_TITLE: &str = "Fighting and flight in northern Syria";
const NL_TITLE: &str = "Gevechten en vluchtelingen in Noord-Syrië";

/// The fixture texts (the store holds them without their front matter).
fn fixture(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(lang)
        .join(format!("events_{lang}.txt"));
    std::fs::read_to_string(&path).expect("fixture")
}

/// A scratch folder of this test process, `CARGO_TARGET_TMPDIR/NAME-PID`; folders that
/// earlier runs left (their process gone, where `/proc` tells) are removed first.
fn scratch(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    if Path::new("/proc/self").exists() {
        for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name
                .to_str()
                .and_then(|n| n.strip_prefix(name)?.strip_prefix('-'))
                .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            else {
                continue;
            };
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = root.join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The store, ingested once per test run (in a folder of this process, so that two runs at
/// once do not share it).
fn store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = scratch("events");
        let en = dir.join("events_en.txt");
        let nl = dir.join("events_nl.txt");
        let front = |title: &str, published: &str, outlet: &str| {
            format!("---\ntitle: {title}\npublished: {published}\noutlet: {outlet}\n---\n")
        };
        std::fs::write(&en, front(EN_TITLE, "2019-03-05", "Wire") + &fixture("en")).unwrap();
        std::fs::write(&nl, front(NL_TITLE, "2019-04-10", "Krant") + &fixture("nl")).unwrap();
        let db = dir.join("store.db");
        let output = Command::new(env!("CARGO_BIN_EXE_kroniek"))
            .arg("ingest")
            .args([&en, &nl])
            .arg("--db")
            .arg(&db)
            .args(["--progress", "quiet", "--jobs", "1"])
            .output()
            .expect("kroniek ingest runs");
        assert!(
            output.status.success(),
            "ingest failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        db
    })
}

/// Runs `kroniek events --db STORE` with `args`.
fn events(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .arg("events")
        .arg("--db")
        .arg(store())
        .args(args)
        .output()
        .expect("kroniek events runs")
}

/// Standard output of a successful run.
fn ok(args: &[&str]) -> String {
    let output = events(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The JSON page of a run with `args` (every event, `--limit 1000`, unless they give a limit).
fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    if !args.contains(&"--limit") {
        all.extend(["--limit", "1000"]);
    }
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&all)).expect("JSON output")
}

/// The listed items of a JSON page.
fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

/// The refusal of a run with `args`: exit status 1, no panic, nothing on standard output, and
/// an error on standard error that holds every needle.
fn assert_refused(args: &[&str], needles: &[&str]) {
    let output = events(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(stderr.contains("error"), "{args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "{args:?} wrote output");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{args:?}: {needle:?} not in {stderr}"
        );
    }
}

fn text(item: &Value, key: &str) -> String {
    item[key].as_str().unwrap_or_default().to_string()
}

#[test]
fn text_lists_one_line_per_event_in_date_order() {
    let out = ok(&["--limit", "1000"]);
    let mut lines = out.lines();
    let header = lines.next().expect("count line");
    let total = json(&[])["total"].as_u64().unwrap();
    assert_eq!(header, format!("{total} events"));
    let lines: Vec<&str> = lines.collect();
    assert_eq!(lines.len() as u64, total);
    assert!(total >= 20, "{out}");
    let dates: Vec<&str> = lines.iter().map(|l| &l[..10]).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // The golden files' clash in Aleppo: date, type/sub-type, place with country, count,
    // trigger words with their offsets, document.
    let aleppo = lines
        .iter()
        .find(|l| {
            l.contains("battles/armed_clash") && l.contains("Aleppo (SY)") && l.contains(EN_TITLE)
        })
        .unwrap_or_else(|| panic!("no clash in Aleppo in\n{out}"));
    assert!(aleppo.starts_with("2019-03-04"), "{aleppo}");
    assert!(aleppo.contains("\"clashes\" "), "{aleppo}");
    assert!(aleppo.contains("12 people (killed)"), "{aleppo}");
    assert!(aleppo.contains("#1 "), "{aleppo}");
    assert!(out.contains(NL_TITLE), "{out}");
    // Negated and hypothetical events are left out unless asked for.
    assert!(
        !out.contains("[negated]") && !out.contains("[hypothetical]"),
        "{out}"
    );
}

#[test]
fn negated_and_hypothetical_events_are_listed_on_request() {
    let asserted = json(&[])["total"].as_u64().unwrap();
    let all = json(&["--include-negated"]);
    assert!(all["total"].as_u64().unwrap() > asserted);
    let flagged = |flag: &str| {
        items(&all)
            .iter()
            .filter(|e| e["event"][flag] == Value::Bool(true))
            .count()
    };
    // "There was no fighting in Hama yesterday", "In Hama werd gisteren niet gevochten."
    assert!(flagged("negated") >= 2);
    assert!(flagged("hypothetical") >= 1);
    let out = ok(&["--include-negated", "--limit", "1000"]);
    assert!(
        out.lines()
            .any(|l| l.contains("[negated]") && l.contains("Hama (SY)")),
        "{out}"
    );
}

#[test]
fn type_filter_keeps_only_that_type_under_both_names() {
    let battles = json(&["--type", "battles"]);
    assert!(!items(&battles).is_empty());
    assert!(items(&battles)
        .iter()
        .all(|e| text(e, "event_type") == "battles"));
    assert_eq!(battles, json(&["--event-type", "battles"]));
    let out = ok(&["--type", "protests"]);
    assert!(
        out.lines().skip(1).all(|l| l.contains("protests/")),
        "{out}"
    );
    assert!(out.contains("London (GB)"), "{out}");
    assert_eq!(json(&["--type", "no_such_type"])["total"], 0);
}

#[test]
fn country_filter_ignores_case() {
    let gb = json(&["--country", "gb"]);
    assert!(!items(&gb).is_empty());
    assert!(items(&gb).iter().all(|e| text(e, "country") == "GB"));
    assert!(items(&gb).iter().any(|e| text(e, "place") == "London"));
    assert_eq!(gb, json(&["--country", "GB"]));
    let nl = json(&["--country", "NL"]);
    assert!(items(&nl).iter().all(|e| text(e, "country") == "NL"));
    assert!(items(&nl).iter().all(|e| e["document"]["lang"] == "nl"));
    let sy = json(&["--country", "sy"])["total"].as_u64().unwrap();
    let all = json(&[])["total"].as_u64().unwrap();
    assert!(sy > 0 && sy < all);
}

#[test]
fn bounding_box_keeps_events_inside_it() {
    // Great Britain, with a negative west (given both as `--bbox=…` and as a separate value).
    for args in [
        &["--bbox=-8,49.5,2,59"][..],
        &["--bbox", "-8,49.5,2,59"][..],
    ] {
        let found = json(args);
        assert!(!items(&found).is_empty());
        for e in items(&found) {
            let (lat, lon) = (
                e["latitude"].as_f64().unwrap(),
                e["longitude"].as_f64().unwrap(),
            );
            assert!(
                (49.5..=59.0).contains(&lat) && (-8.0..=2.0).contains(&lon),
                "{e}"
            );
            assert_eq!(text(e, "country"), "GB");
        }
    }
    // The whole world: every event with coordinates.
    let world = json(&["--bbox", "-180,-90,180,90"]);
    let all = json(&[]);
    let located = items(&all)
        .iter()
        .filter(|e| e["latitude"].is_f64())
        .count();
    assert_eq!(items(&world).len(), located);
    // A box across the antimeridian around Fiji holds none of these events.
    assert_eq!(json(&["--bbox", "170,-30,-170,0"])["total"], 0);
    // Filters combine: the Netherlands' box and Syria's code exclude each other.
    assert_eq!(
        json(&["--bbox", "3.3,50.7,7.3,53.6", "--country", "SY"])["total"],
        0
    );
}

#[test]
fn since_and_until_bound_the_event_date_inclusively() {
    let april = json(&["--since", "2019-04", "--until", "2019-04-09"]);
    assert!(!items(&april).is_empty());
    for e in items(&april) {
        let date = text(e, "date");
        assert!(
            date.as_str() >= "2019-04" && &date[..10] <= "2019-04-09",
            "{date}"
        );
    }
    // A whole month, and the event's date rather than its document's: the Dutch article
    // (published in April 2019) tells of flight in 2014.
    let before = json(&["--until", "2019-03"]);
    assert!(items(&before)
        .iter()
        .all(|e| text(e, "date").as_str() < "2019-04"));
    assert!(items(&before).iter().any(|e| e["document"]["lang"] == "nl"));
    let day = json(&["--since", "2019-03-04", "--until", "2019-03-04"]);
    assert!(!items(&day).is_empty());
    assert!(items(&day)
        .iter()
        .all(|e| text(e, "date").starts_with("2019-03-04")));
    // The document filters still work: publication date and language.
    let published = json(&["--from", "2019-04"]);
    assert!(items(&published)
        .iter()
        .all(|e| e["document"]["lang"] == "nl"));
    assert_eq!(published, json(&["--lang", "nl"]));
}

#[test]
fn limit_and_offset_page_through_the_same_order() {
    let all = json(&[]);
    let total = all["total"].as_u64().unwrap();
    let out = ok(&["--limit", "3"]);
    assert!(
        out.starts_with(&format!("{total} events (showing 1-3)\n")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 4);
    let mut paged = Vec::new();
    let mut offset = 0;
    while offset < total {
        let page = json(&["--limit", "7", "--offset", &offset.to_string()]);
        assert_eq!(page["total"], total);
        paged.extend(items(&page).iter().cloned());
        offset += 7;
    }
    assert_eq!(&paged, items(&all));
    // Default: 20, like `search`.
    assert_eq!(ok(&[]).lines().count() as u64, 1 + total.min(20));
}

#[test]
fn offsets_are_characters_into_the_text() {
    let (en, nl) = (fixture("en"), fixture("nl"));
    let all = json(&["--include-negated"]);
    for e in items(&all) {
        let body = if e["document"]["lang"] == "nl" {
            &nl
        } else {
            &en
        };
        let trigger = &e["event"]["trigger"];
        let start = trigger["span"]["start"].as_u64().unwrap() as usize;
        let end = trigger["span"]["end"].as_u64().unwrap() as usize;
        let words: String = body.chars().skip(start).take(end - start).collect();
        assert_eq!(words, trigger["text"].as_str().unwrap(), "{e}");
    }
    // The Dutch title has an ë and the dateline an en dash: byte offsets would be off.
    let nl_event = items(&all)
        .iter()
        .find(|e| {
            e["document"]["lang"] == "nl"
                && e["event"]["trigger"]["span"]["start"].as_u64() > Some(60)
        })
        .expect("a Dutch event after the dateline");
    let start = nl_event["event"]["trigger"]["span"]["start"]
        .as_u64()
        .unwrap() as usize;
    assert_ne!(nl.char_indices().nth(start).map(|c| c.0), Some(start));
}

#[test]
fn jsonl_is_one_item_per_line() {
    let all = json(&[]);
    let out = ok(&["--format", "jsonl", "--limit", "1000"]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(&lines, items(&all));
    let output = events(&["--format", "jsonl", "--limit", "2"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("2 of ") && stderr.contains("--limit"),
        "{stderr}"
    );
}

#[test]
fn csv_is_the_events_export() {
    let gb = json(&["--country", "GB"]);
    let out = ok(&["--format", "csv", "--country", "GB"]);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("event_id_cnty,event_date,year,time_precision,event_type,"),
        "{header}"
    );
    assert!(
        header.ends_with("trigger_start,trigger_end,historical,mentions"),
        "{header}"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), items(&gb).len());
    for (row, e) in rows.iter().zip(items(&gb)) {
        // The event id: country, the store's document id, the event's number.
        let id = format!(
            "GB-{}-{},",
            e["document"]["id"],
            e["event"]["id"].as_u64().unwrap() + 1
        );
        assert!(row.starts_with(&id), "{row} for {e}");
        // Trigger offsets as in the JSON.
        let trigger = &e["event"]["trigger"]["span"];
        assert!(
            row.contains(&format!(",{},{},", trigger["start"], trigger["end"])),
            "{row}"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r.contains(",London,") && r.contains("Peaceful protest")),
        "{out}"
    );
    // Every event: a row for each, in the listing's order.
    let all = json(&[]);
    let csv = ok(&["--format", "csv", "--limit", "1000"]);
    assert_eq!(csv.lines().count(), items(&all).len() + 1);
}

#[test]
fn geojson_is_the_events_export_of_the_located_events() {
    let out = ok(&["--format", "geojson", "--limit", "1000"]);
    let collection: Value = serde_json::from_str(&out).expect("GeoJSON");
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    let all = json(&[]);
    let located: Vec<&Value> = items(&all)
        .iter()
        .filter(|e| e["latitude"].is_f64())
        .collect();
    assert_eq!(features.len(), located.len());
    for (feature, e) in features.iter().zip(located) {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        let point = &feature["geometry"]["coordinates"];
        assert_eq!(point[0], e["longitude"], "{feature}");
        assert_eq!(point[1], e["latitude"], "{feature}");
        assert_eq!(feature["properties"]["country"], e["country"]);
    }
    let nl: Value =
        serde_json::from_str(&ok(&["--format", "geojson", "--bbox", "3.3,50.7,7.3,53.6"])).unwrap();
    let names: Vec<&str> = nl["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["properties"]["location"].as_str())
        .collect();
    assert!(
        names.contains(&"Rotterdam") && names.contains(&"Amsterdam"),
        "{names:?}"
    );
}

#[test]
fn bad_input_is_refused_naming_the_flag_and_value() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-store.db");
    let output = Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .args(["events", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("--db") && stderr.contains("no-such-store.db"),
        "{stderr}"
    );
    // A file that is not a store: a text, and an empty file.
    let dir = store().parent().unwrap();
    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for not_a_store in [dir.join("events_en.txt"), empty] {
        let output = Command::new(env!("CARGO_BIN_EXE_kroniek"))
            .args(["events", "--db"])
            .arg(&not_a_store)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("--db") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
    for bbox in [
        "1,2,3",
        "1,2,3,4,5",
        "0,10,1,5",
        "0,0,181,1",
        "a,b,c,d",
        "NaN,0,1,1",
        "",
    ] {
        assert_refused(&["--bbox", bbox], &["--bbox", &format!("{bbox:?}")]);
    }
    for flag in ["--since", "--until", "--from", "--to"] {
        for date in ["2019-13", "2019-02-32", "19-03-05", "yesterday", "2019/03"] {
            assert_refused(&[flag, date], &[flag, date]);
        }
    }
    for country in ["SYR", "S", "1", "é"] {
        assert_refused(&["--country", country], &["--country", country]);
    }
    assert_refused(
        &["--since", "2019-05", "--until", "2019-04"],
        &["--since 2019-05", "--until 2019-04"],
    );
    assert_refused(
        &["--format", "csv", "--include-negated"],
        &["--include-negated"],
    );
    assert_refused(&["--lang", "fr"], &["--lang", "fr"]);
    assert_refused(&["--near", "north"], &["--near"]);
    // A format or number clap does not know: its usage error (status 2), no panic.
    for args in [&["--format", "xml"][..], &["--limit", "-1"][..]] {
        let output = events(args);
        assert_eq!(output.status.code(), Some(2));
        assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    }
}

/// A store of 50 documents (25 copies of each fixture, each with its own closing line and
/// date), holding more events than one chunk of the listing (500), so that every format is
/// checked across chunk boundaries.
fn big_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = scratch("events-big");
        let mut lines = String::new();
        for n in 0..25 {
            for (lang, title) in [("en", EN_TITLE), ("nl", NL_TITLE)] {
                let record = serde_json::json!({
                    "text": format!("{}\n\n({n})", fixture(lang).trim_end()),
                    "title": format!("{title} {n}"),
                    "published": format!("2019-{:02}-{:02}", 1 + n % 12, 1 + n),
                    "lang": lang,
                });
                lines.push_str(&format!("{record}\n"));
            }
        }
        let jsonl = dir.join("copies.jsonl");
        std::fs::write(&jsonl, lines).unwrap();
        let db = dir.join("store.db");
        let output = Command::new(env!("CARGO_BIN_EXE_kroniek"))
            .arg("ingest")
            .arg(&jsonl)
            .arg("--db")
            .arg(&db)
            .args(["--progress", "quiet"])
            .output()
            .expect("kroniek ingest runs");
        assert!(
            output.status.success(),
            "ingest failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        db
    })
}

/// Standard output of `kroniek events --db BIG_STORE` with `args` (`--limit 5000` unless they
/// give one).
fn big(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .arg("events")
        .arg("--db")
        .arg(big_store())
        .args(if args.contains(&"--limit") {
            &[][..]
        } else {
            &["--limit", "5000"][..]
        })
        .args(args)
        .output()
        .expect("kroniek events runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_format_holds_every_event_across_chunks() {
    let page: Value = serde_json::from_str(&big(&["--format", "json"])).unwrap();
    let all = items(&page);
    let total = page["total"].as_u64().unwrap() as usize;
    assert_eq!(all.len(), total);
    assert!(total > 500, "{total} events: too few to cross a chunk");
    // Each event once, in date order.
    let mut keys: Vec<(i64, u64)> = all
        .iter()
        .map(|e| {
            (
                e["document"]["id"].as_i64().unwrap(),
                e["event"]["id"].as_u64().unwrap(),
            )
        })
        .collect();
    let dates: Vec<&str> = all
        .iter()
        .map(|e| e["date"].as_str().unwrap_or(""))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), total);
    // The other formats hold the same events.
    let jsonl: Vec<Value> = big(&["--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&jsonl, all);
    let text = big(&[]);
    assert_eq!(text.lines().count(), total + 1);
    assert_eq!(
        text.lines().next(),
        Some(format!("{total} events").as_str())
    );
    let csv = big(&["--format", "csv"]);
    assert_eq!(csv.lines().count(), total + 1);
    assert_eq!(csv.matches("event_id_cnty,").count(), 1, "one header");
    let geojson: Value = serde_json::from_str(&big(&["--format", "geojson"])).unwrap();
    let located = all.iter().filter(|e| e["latitude"].is_f64()).count();
    assert_eq!(geojson["features"].as_array().unwrap().len(), located);
    // A window across the chunk boundary is the same slice of the whole.
    let window: Value = serde_json::from_str(&big(&[
        "--format", "json", "--limit", "10", "--offset", "495",
    ]))
    .unwrap();
    assert_eq!(items(&window)[..], all[495..505]);
}
