//! Issue 4: the CSV and GeoJSON exports load in real tools, not only in our own parsers.
//!
//! - GeoJSON: GDAL (`ogrinfo`, `ogr2ogr`, Debian's `gdal-bin`) must read every feature as a
//!   Point at (longitude, latitude), with every property; when Python's `geojson` package is
//!   installed (`pip install geojson`), its RFC 7946 checks must pass too.
//! - CSV: Gnumeric (`ssconvert`, Debian's `gnumeric`) and LibreOffice (`soffice`, Debian's
//!   `libreoffice-calc-nogui`) read it and write it back as CSV; every cell must come back as
//!   written: same columns, quoting, line breaks inside a field, `ë` and `’`, and the formula
//!   guards as text (a formula would come back as its value).
//!
//! Each tool that is not installed is skipped with a message saying so, and a tool that does not
//! answer within two minutes is skipped too: the test never fails for want of a tool. Nothing
//! uses the network. `docs/exports.md` shows the same checks by hand.

use kroniek_events::{
    events_csv, events_geojson, Actor, ActorRole, ArgumentSource, Count, CountWhat, Event,
    EventPlace, EventRow, Source, Words, CSV_COLUMNS,
};
use kroniek_places::{Feature, Place};
use kroniek_text::Span;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one tool may take before the check is skipped.
const TIMEOUT: Duration = Duration::from_secs(120);

fn words(text: &str, start: usize) -> Words {
    Words {
        span: Span::new(start, start + text.chars().count()),
        text: text.to_string(),
    }
}

fn event(id: usize, actor: &str, count_text: &str) -> Event {
    Event {
        id,
        event_type: "battles".into(),
        sub_type: "armed_clash".into(),
        trigger: words("gevochten", 10),
        mentions: vec![words("gevochten", 10)],
        sentence: Span::new(0, 40),
        actors: vec![Actor {
            entity: None,
            text: actor.into(),
            span: Span::new(0, 5),
            role: ActorRole::Agent,
        }],
        place: Some(EventPlace {
            place: Some(0),
            text: "Baghouz".into(),
            span: Span::new(30, 37),
            within: None,
            source: ArgumentSource::Sentence,
        }),
        time: None,
        time_context: None,
        counts: vec![Count {
            quantity: 0,
            text: count_text.into(),
            span: Span::new(20, 28),
            what: CountWhat::Killed,
            value: Some(12.0),
            lower: None,
            upper: None,
        }],
        confidence: 0.875,
        negated: false,
        hypothetical: false,
        historical: id == 1,
        in_quote: false,
    }
}

fn place(name: &str, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        name: name.into(),
        geonames_id: None,
        country_code: country.into(),
        admin1: Some("Deir ez-Zor".into()),
        latitude: lat,
        longitude: lon,
        feature: Feature::Village,
        mentions: vec![Span::new(30, 37)],
        via_demonym: false,
    }
}

/// Rows with everything a spreadsheet or a GIS could get wrong.
fn rows() -> Vec<EventRow> {
    let row = |event: Event, place: Option<Place>, notes: &str| EventRow {
        source: Source {
            id: "doc1".into(),
            url: Some("https://example.org/a?b=1,2".into()),
            published: Some("2019-03-05".into()),
        },
        event,
        place,
        within: None,
        time: None,
        notes: notes.into(),
    };
    vec![
        row(
            event(0, "het leger", "twaalf doden"),
            Some(place("Baghouz", "SY", 34.4853, 40.9347)),
            "In Noord-Syrië werd \"zwaar\" gevochten, zei hij;\nook ’s nachts, 100% zeker.",
        ),
        row(
            event(
                1,
                "=HYPERLINK(\"http://example.invalid\",\"klik\")",
                "-5 graden",
            ),
            Some(place("Santiago", "CL", -33.45694, -70.64827)),
            "'s Nachts werd er gevochten.",
        ),
        row(event(2, "+rebellen", "@12"), None, "=1+1"),
        row(
            event(3, "'t Gooi", "12 doden"),
            Some(place("Suva", "FJ", -18.14161, 178.44149)),
            "Gevechten bij de datumgrens, -2+3.",
        ),
    ]
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "kroniek-exports-in-tools-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What running a tool gave.
enum Run {
    /// It ran and exited with success: its standard output.
    Done(String),
    /// It is not installed, or did not finish in time: why (the check is skipped).
    Skipped(String),
}

/// Runs `program` with `args` in `dir`, its output going to files (no pipe can fill up), and
/// waits at most [`TIMEOUT`]. A program that cannot be started counts as not installed; one that
/// starts and fails fails the test.
fn run(dir: &Path, program: &str, args: &[&str]) -> Run {
    let out_path = dir.join(format!("{program}.stdout"));
    let err_path = dir.join(format!("{program}.stderr"));
    let (Ok(out), Ok(err)) = (
        std::fs::File::create(&out_path),
        std::fs::File::create(&err_path),
    ) else {
        panic!("cannot create output files in {}", dir.display());
    };
    let child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn();
    let Ok(mut child) = child else {
        return Run::Skipped(format!("{program} is not installed"));
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Run::Skipped(format!("{program} did not finish in {TIMEOUT:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("waiting for {program}: {e}"),
        }
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    assert!(
        status.success(),
        "{program} {args:?} failed ({status}):\n{stderr}\n{stdout}"
    );
    Run::Done(stdout)
}

/// Parses CSV text into records (the header included).
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("the tool's CSV parses")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// Whether a tool's rendering `got` of the field `written` (column `column`) is the same value:
/// numbers as numbers, booleans in any case, dates with `/` or `-`, and, when `eats_guard`, the
/// `'` that guards a text (one starting with a formula character or `'`) taken by the
/// spreadsheet as its text mark.
fn same_value(column: &str, written: &str, got: &str, eats_guard: bool) -> bool {
    let guarded = written
        .strip_prefix('\'')
        .filter(|rest| rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']));
    let shown = match guarded {
        Some(rest) if eats_guard => rest,
        _ => written,
    };
    if got == shown {
        return true;
    }
    if let (Ok(a), Ok(b)) = (written.parse::<f64>(), got.parse::<f64>()) {
        return a == b;
    }
    if matches!(written, "true" | "false") {
        return got.eq_ignore_ascii_case(written)
            || (got == "1" && written == "true")
            || (got == "0" && written == "false");
    }
    column == "event_date" && got.replace('/', "-") == written
}

/// Compares a tool's CSV with ours cell by cell; returns the differences.
fn compare(tool: &str, ours: &str, theirs: &str, eats_guard: bool) -> Vec<String> {
    let ours = records(ours);
    let theirs = records(theirs);
    let mut differences = Vec::new();
    if ours.len() != theirs.len() {
        differences.push(format!(
            "{tool}: {} records, we wrote {}",
            theirs.len(),
            ours.len()
        ));
    }
    for (r, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        if a.len() != b.len() {
            differences.push(format!(
                "{tool}: record {r} has {} fields, we wrote {}",
                b.len(),
                a.len()
            ));
            continue;
        }
        for ((column, written), got) in CSV_COLUMNS.iter().zip(a).zip(b) {
            if !same_value(column, written, got, eats_guard) {
                differences.push(format!(
                    "{tool}: record {r} {column}: wrote {written:?}, read {got:?}"
                ));
            }
        }
    }
    differences
}

#[test]
fn issue_4_csv_loads_in_gnumeric() {
    let dir = Scratch::new("gnumeric");
    let csv = events_csv(&rows());
    std::fs::write(dir.0.join("events.csv"), &csv).expect("write CSV");
    // Gnumeric reads the file as UTF-8 by itself and takes a leading ' as its text mark.
    let args = [
        "--import-type=Gnumeric_stf:stf_csvtab",
        "--export-type=Gnumeric_stf:stf_csv",
        "events.csv",
        "back.csv",
    ];
    match run(&dir.0, "ssconvert", &args) {
        Run::Skipped(why) => {
            eprintln!(
                "SKIPPED Gnumeric check: {why} (apt-get install --no-install-recommends gnumeric)"
            );
        }
        Run::Done(_) => {
            let back = std::fs::read_to_string(dir.0.join("back.csv")).expect("Gnumeric's CSV");
            let differences = compare("Gnumeric", &csv, &back, true);
            assert!(differences.is_empty(), "{}", differences.join("\n"));
            // The guard kept the formula a text: evaluated, it would read "klik" and "2".
            assert!(back.contains("=HYPERLINK(\"\"http://example.invalid\"\""));
            assert!(back.contains("'s Nachts werd er gevochten."));
            eprintln!("Gnumeric read back all {} records", records(&csv).len());
        }
    }
}

#[test]
fn issue_4_csv_loads_in_libreoffice() {
    let dir = Scratch::new("libreoffice");
    let csv = events_csv(&rows());
    std::fs::write(dir.0.join("events.csv"), &csv).expect("write CSV");
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.0.display());
    // Comma, double quote, UTF-8 (76), from line 1: what LibreOffice's import dialog asks.
    let args = [
        profile.as_str(),
        "--headless",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        "--outdir",
        "back",
        "events.csv",
    ];
    match run(&dir.0, "soffice", &args) {
        Run::Skipped(why) => eprintln!(
            "SKIPPED LibreOffice check: {why} (apt-get install --no-install-recommends libreoffice-calc-nogui)"
        ),
        Run::Done(_) => {
            let back = std::fs::read_to_string(dir.0.join("back/events.csv"))
                .expect("LibreOffice's CSV");
            // LibreOffice shows the guard's ' as part of the text.
            let differences = compare("LibreOffice", &csv, &back, false);
            assert!(differences.is_empty(), "{}", differences.join("\n"));
            eprintln!("LibreOffice read back all {} records", records(&csv).len());
        }
    }
}

/// The number in a GDAL CSV field, or the text.
fn gdal_matches(property: &Value, got: &str) -> bool {
    match property {
        Value::Null => got.is_empty(),
        Value::String(s) => got == s || got.replace('/', "-") == *s,
        Value::Bool(b) => {
            got == if *b { "1" } else { "0" } || got.eq_ignore_ascii_case(&b.to_string())
        }
        Value::Number(n) => n
            .as_f64()
            .zip(got.parse::<f64>().ok())
            .is_some_and(|(a, b)| a == b),
        _ => false,
    }
}

#[test]
fn issue_4_geojson_loads_in_gdal() {
    let dir = Scratch::new("gdal");
    let doc = events_geojson(&rows());
    let text = serde_json::to_string_pretty(&doc).expect("serialise");
    std::fs::write(dir.0.join("events.geojson"), &text).expect("write GeoJSON");
    let features = doc["features"].as_array().expect("features");
    assert_eq!(
        features.len(),
        3,
        "the row without a place is not on the map"
    );

    match run(&dir.0, "ogrinfo", &["-ro", "-al", "-so", "events.geojson"]) {
        Run::Skipped(why) => {
            eprintln!(
                "SKIPPED GDAL check: {why} (apt-get install --no-install-recommends gdal-bin)"
            );
            return;
        }
        Run::Done(summary) => {
            assert!(
                summary.contains("using driver `GeoJSON' successful"),
                "{summary}"
            );
            assert!(summary.contains("Geometry: Point"), "{summary}");
            assert!(summary.contains("Feature Count: 3"), "{summary}");
            assert!(summary.contains("ID[\"EPSG\",4326]"), "WGS 84: {summary}");
        }
    }
    let args = [
        "-f",
        "CSV",
        "/vsistdout/",
        "events.geojson",
        "-lco",
        "GEOMETRY=AS_XY",
    ];
    let Run::Done(table) = run(&dir.0, "ogr2ogr", &args) else {
        eprintln!("SKIPPED GDAL check: ogr2ogr did not run");
        return;
    };
    let table = records(&table);
    let header = &table[0];
    assert_eq!(table.len(), features.len() + 1, "{table:?}");
    for (feature, values) in features.iter().zip(&table[1..]) {
        let field = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .map(|i| values[i].as_str())
                .unwrap_or_else(|| panic!("GDAL has no field {name}: {header:?}"))
        };
        let coordinates = &feature["geometry"]["coordinates"];
        // X is the longitude and Y the latitude, as RFC 7946 orders them.
        assert!(gdal_matches(&coordinates[0], field("X")), "{values:?}");
        assert!(gdal_matches(&coordinates[1], field("Y")), "{values:?}");
        assert!(gdal_matches(
            &feature["properties"]["longitude"],
            field("X")
        ));
        assert!(gdal_matches(&feature["properties"]["latitude"], field("Y")));
        assert!(gdal_matches(&feature["id"], field("id")));
        for column in CSV_COLUMNS {
            let property = &feature["properties"][*column];
            assert!(
                gdal_matches(property, field(column)),
                "{column}: GeoJSON {property}, GDAL {:?}",
                field(column)
            );
        }
    }
    eprintln!("GDAL read all {} features", features.len());
}

#[test]
fn issue_4_geojson_passes_pythons_geojson_checks() {
    let dir = Scratch::new("python-geojson");
    let doc = events_geojson(&rows());
    let text = serde_json::to_string(&doc).expect("serialise");
    std::fs::write(dir.0.join("events.geojson"), &text).expect("write GeoJSON");
    // Exit 3 when the package is missing, 1 (an assertion) when the document is invalid.
    let script = "import sys\n\
        try:\n    import geojson\nexcept ImportError:\n    sys.exit(3)\n\
        doc = geojson.load(open('events.geojson', encoding='utf-8'))\n\
        assert doc.is_valid, doc.errors()\n\
        assert all(f.is_valid for f in doc['features'])\n\
        print(len(doc['features']), 'valid features, geojson', geojson.__version__)\n";
    let status = Command::new("python3")
        .args(["-c", script])
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .output();
    match status {
        Err(_) => eprintln!("SKIPPED geojson check: python3 is not installed"),
        Ok(out) if out.status.code() == Some(3) => {
            eprintln!("SKIPPED geojson check: Python's geojson package is not installed (pip install geojson)")
        }
        Ok(out) => {
            assert!(
                out.status.success(),
                "geojson rejects the export:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            eprint!("{}", String::from_utf8_lossy(&out.stdout));
        }
    }
}
