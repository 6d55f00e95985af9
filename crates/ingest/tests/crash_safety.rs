//! Crash safety: an ingest killed with SIGKILL midway, twice, and started again stores every
//! document exactly once.
//!
//! The ingest runs as a child process (the `ingest` example, built by `cargo test`), so the kill
//! is a real kill -9 of a writing process.

use kroniek_store::{Archive, Page, Query, SqliteArchive};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Documents in the test folder.
const DOCUMENTS: usize = 200;

/// The example binary next to this test's binary.
fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    let path = dir.join("examples").join("ingest");
    assert!(
        path.exists(),
        "{} is missing: run this test with `cargo test -p kroniek-ingest`, which builds examples",
        path.display()
    );
    path
}

/// Writes `DOCUMENTS` distinct short Dutch news texts, each with a unique reference number.
fn write_documents(dir: &Path) {
    let towns = [
        "Assen",
        "Emmen",
        "Meppel",
        "Hoogeveen",
        "Coevorden",
        "Zuidlaren",
        "Beilen",
    ];
    let people = [
        "Anouk Bos",
        "Gerrit Hofman",
        "Lotte Kramer",
        "Daan Veenstra",
        "Mila Wouters",
    ];
    for i in 0..DOCUMENTS {
        let town = towns[i % towns.len()];
        let person = people[i % people.len()];
        let text = format!(
            "---\ntitle: Bericht {i} uit {town}\npublished: 2024-03-{:02}\noutlet: Drentse Post\n---\n\
             {town} - De gemeente {town} maakt {} nieuwe woningen klaar, kenmerk {}. \
             \"We werken zo snel als het kan,\" zegt wethouder {person}. \
             Volgens {person} zijn de eerste huizen in de zomer klaar.\n\n\
             Omwonenden kunnen donderdag terecht op een informatieavond in het gemeentehuis.",
            i % 28 + 1,
            10 + i,
            100_000 + i
        );
        std::fs::write(dir.join(format!("bericht-{i:03}.txt")), text).unwrap();
    }
}

fn start(db: &Path, folder: &Path) -> Child {
    Command::new(example())
        .arg(db)
        .arg(folder)
        .args(["--jobs", "2", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Documents stored so far (0 while the store does not exist yet).
fn stored(db: &Path) -> u64 {
    SqliteArchive::open_read_only(db)
        .and_then(|s| s.stats())
        .map_or(0, |s| s.documents)
}

/// Runs an ingest and kills it with SIGKILL once it has stored more than `at_least`
/// documents (or when it ends by itself first).
fn run_and_kill(db: &Path, folder: &Path, at_least: u64) -> u64 {
    let mut child = start(db, folder);
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if stored(db) > at_least {
            child.kill().unwrap(); // SIGKILL on Unix
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.wait();
    stored(db)
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    write_documents(&folder);
    let db = dir.path().join("k.db");

    let after_first = run_and_kill(&db, &folder, 20);
    let after_second = run_and_kill(&db, &folder, after_first + 30);
    eprintln!("killed after {after_first} and {after_second} of {DOCUMENTS} documents");
    assert!(
        after_second < DOCUMENTS as u64,
        "the kills came too late to test anything"
    );
    assert!(
        after_first <= after_second,
        "{after_first} then {after_second}"
    );

    let status = start(&db, &folder).wait().unwrap();
    assert!(status.success(), "the resumed ingest failed: {status}");

    let store = SqliteArchive::open_read_only(&db).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, DOCUMENTS as u64, "no loss, no duplicates");
    for i in 0..DOCUMENTS {
        let query = Query {
            text: Some(format!("{}", 100_000 + i)),
            ..Query::default()
        };
        let found = store.search(&query, Page::default()).unwrap();
        assert_eq!(found.total, 1, "document {i} is stored exactly once");
    }
    // Every stored document has its layers: a quote per document, none orphaned.
    assert_eq!(stats.quotes as usize % DOCUMENTS, 0, "{stats:?}");
    let everything = Query {
        text: Some("woningen".into()),
        ..Query::default()
    };
    assert_eq!(
        store.search(&everything, Page::default()).unwrap().total,
        DOCUMENTS as u64
    );
}
