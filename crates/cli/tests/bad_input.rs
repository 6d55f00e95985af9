//! Bad input for `kroniek extract`, run through the built binary: every refusal is a clean
//! error on standard error that names the file (and, for bad bytes, the line and column), with
//! exit status 1 and no panic; odd but valid text is analysed with correct character offsets.

use serde_json::Value;
use std::ffi::OsStr;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A scratch file path for this test binary (under Cargo's per-target temporary folder).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad_input");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir.join(name)
}

/// Writes `bytes` to a scratch file and returns its path.
fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

/// Runs `kroniek` with `args`, feeding `stdin` (empty if `None`).
fn kroniek<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kroniek runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.unwrap_or_default().to_vec();
    // Written from a thread, so that a refusal before reading everything cannot block the test.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("kroniek finishes");
    let _ = writer.join();
    output
}

/// `kroniek extract <path> [extra…]`.
fn extract(path: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&OsStr> = vec![OsStr::new("extract"), path.as_os_str()];
    args.extend(extra.iter().map(OsStr::new));
    kroniek(&args, None)
}

/// Checks that `output` is a clean refusal whose message holds every one of `needles`.
fn assert_refused(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit status; stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    assert!(stderr.starts_with("kroniek: error: "), "{stderr}");
    assert!(output.stdout.is_empty(), "output despite the error");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{stderr:?} does not say {needle:?}"
        );
    }
}

/// Checks that `output` is a success and returns its JSON record.
fn assert_record(output: &Output) -> Value {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "failed: {stderr}");
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn invalid_utf8_is_refused_with_file_line_and_column() {
    // Line 2, after "Tweede é" (8 characters): the bad byte is in column 9.
    let path = write("latin1.txt", b"Eerste regel.\nTweede \xc3\xa9\xff regel.\n");
    let name = path.display().to_string();
    assert_refused(
        &extract(&path, &[]),
        &[&format!("{name}:2:9"), "invalid UTF-8"],
    );
}

#[test]
fn latin1_file_is_refused_at_its_first_accented_letter() {
    let path = write("real-latin1.txt", b"De minister zei: \"Caf\xe9 dicht.\"\n");
    let name = path.display().to_string();
    assert_refused(&extract(&path, &[]), &[&format!("{name}:1:22")]);
}

#[test]
fn empty_file_is_refused() {
    let path = write("empty.txt", b"");
    assert_refused(
        &extract(&path, &[]),
        &[&path.display().to_string(), "empty"],
    );
}

#[test]
fn whitespace_only_file_is_refused() {
    // Spaces, tabs, CR LF, a no-break space, an em space and a byte order mark.
    let path = write("blank.txt", "\u{feff} \t\r\n\n \u{a0}\u{2003}\n".as_bytes());
    assert_refused(&extract(&path, &[]), &["empty"]);
}

#[test]
fn binary_file_is_refused() {
    let path = write("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00text");
    let name = path.display().to_string();
    assert_refused(&extract(&path, &[]), &[&format!("{name}:1:6"), "binary"]);
}

#[test]
fn utf16_file_is_refused() {
    // "Hallo" in UTF-16LE with its byte order mark: not UTF-8 text.
    let path = write("utf16.txt", b"\xff\xfeH\x00a\x00l\x00l\x00o\x00");
    assert_refused(&extract(&path, &[]), &[&path.display().to_string()]);
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let path = write(
        "big.txt",
        "Een zin van honderd bytes. ".repeat(4).as_bytes(),
    );
    assert_refused(
        &extract(&path, &["--max-bytes", "50"]),
        &[
            &path.display().to_string(),
            "limit of 50 bytes",
            "--max-bytes",
        ],
    );
}

#[test]
fn standard_input_over_the_size_limit_is_refused() {
    let text = "Een zin. ".repeat(100);
    let output = kroniek(
        &["extract", "-", "--max-bytes", "50"],
        Some(text.as_bytes()),
    );
    assert_refused(&output, &["limit of 50 bytes"]);
}

#[test]
fn sparse_gigabyte_file_is_refused_by_its_size_without_reading_it() {
    let path = scratch("sparse-1GiB.txt");
    let file = File::create(&path).expect("sparse file");
    file.set_len(1 << 30).expect("sparse length");
    drop(file);
    let start = Instant::now();
    let output = extract(&path, &[]);
    let took = start.elapsed();
    std::fs::remove_file(&path).expect("sparse file removed");
    assert_refused(&output, &["1073741824 bytes", "limit"]);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn missing_file_is_refused() {
    let path = scratch("does-not-exist.txt");
    let _ = std::fs::remove_file(&path);
    assert_refused(
        &extract(&path, &[]),
        &[&path.display().to_string(), "cannot read"],
    );
}

#[test]
fn directory_is_refused() {
    let path = scratch("a-folder");
    std::fs::create_dir_all(&path).expect("folder");
    assert_refused(&extract(&path, &[]), &[&path.display().to_string()]);
}

#[test]
fn unterminated_front_matter_is_refused() {
    let path = write(
        "open-front-matter.txt",
        b"---\ntitle: Exodus uit Baghouz\nDe tekst begint, maar de kop sluit nooit.\n",
    );
    let name = path.display().to_string();
    assert_refused(
        &extract(&path, &[]),
        &[&format!("{name}:1"), "never closed"],
    );
}

#[test]
fn bad_front_matter_line_is_refused_with_its_line() {
    let path = write(
        "bad-front-matter.txt",
        b"---\ntitle: Exodus\nzonder dubbele punt\n---\nTekst.\n",
    );
    let name = path.display().to_string();
    assert_refused(&extract(&path, &[]), &[&format!("{name}:3")]);
}

#[test]
fn front_matter_without_a_body_does_not_panic() {
    let path = write("only-front-matter.txt", b"---\ntitle: Leeg\n---\n");
    let output = extract(&path, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    if output.status.success() {
        let record: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(record["text"], "");
    } else {
        assert_refused(&output, &[&path.display().to_string()]);
    }
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = "“We blijven hier”, zei burgemeester Femke Halsema maandag in Amsterdam.\n";
    let output = kroniek(
        &["extract", "-", "--format", "jsonl"],
        Some(text.as_bytes()),
    );
    let record = assert_record(&output);
    assert_eq!(record["text"], text);
    assert_eq!(record["id"], "-");
    check_offsets(&record);
}

#[test]
fn empty_standard_input_is_refused() {
    assert_refused(
        &kroniek(&["extract", "-"], Some(b"")),
        &["-: the text is empty"],
    );
}

/// A text of about `bytes` bytes on one line: news sentences with quotes, numbers, dates and
/// places, and no line break.
fn long_line(bytes: usize) -> String {
    let sentences = [
        "Minister Kaag zei woensdag in Den Haag dat het kabinet 5 miljoen euro uittrekt.",
        "“We gaan door met de hulp aan Syrië”, zei ze.",
        "Volgens de VN zijn sinds januari 3.000 mensen naar Irak gevlucht.",
        "De Koerdische strijders melden dat de aanval op Baghouz is hervat.",
    ];
    let mut text = String::with_capacity(bytes + 200);
    for sentence in sentences.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(sentence);
        text.push(' ');
    }
    text.truncate(text.trim_end().len());
    text
}

/// Runs `extract` on `path` with output to a file, killing it after `limit`; returns the exit
/// status output and the time taken, or `None` when it ran out of time.
fn extract_within(path: &Path, limit: Duration) -> Option<(Output, Duration)> {
    let out = scratch("long-line.out.json");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kroniek"))
        .args([OsStr::new("extract"), path.as_os_str()])
        .args(["--format", "jsonl", "--lang", "nl"])
        .stdout(File::create(&out).expect("output file"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("kroniek runs");
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let took = start.elapsed();
    let mut output = child.wait_with_output().expect("kroniek finishes");
    output.stdout = std::fs::read(&out).expect("output");
    Some((output, took))
}

/// One long line of `bytes` bytes is analysed within `limit`, and its offsets hold.
fn long_line_is_analysed(bytes: usize, limit: Duration) {
    let text = long_line(bytes);
    let path = write(&format!("long-line-{bytes}.txt"), text.as_bytes());
    let Some((output, took)) = extract_within(&path, limit) else {
        panic!("a {bytes}-byte line took more than {limit:?}");
    };
    let record = assert_record(&output);
    assert_eq!(record["text"].as_str().map(str::len), Some(text.len()));
    check_offsets(&record);
    eprintln!("a {bytes}-byte line took {took:?}");
}

#[test]
fn long_line_of_100_kilobytes_succeeds() {
    long_line_is_analysed(100_000, Duration::from_secs(120));
}

/// The limit only guards against a hang (about 50 s in a debug build here); speed is
/// measured by `kroniek bench`, not by tests.
#[test]
fn long_line_of_5_megabytes_succeeds() {
    long_line_is_analysed(5_000_000, Duration::from_secs(600));
}

/// Text with characters of one to four bytes, combining marks, joiners, controls and separators.
const MULTIBYTE: &str = "---\npublished: 2024-03-05\n---\n\
Café-eigenaar Zoë Ğündoğan (née Müller) zei dinsdag in Zürich: “Ik heb €12,5 miljoen 💶 \
geïnvesteerd, en dat doe ik nóg eens.” Volgens haar zijn er 3 000 klanten in Malmö en Kraków.\r\n\
\r\n\
„Het gaat om 😀👩‍👩‍👧 families”, zegt burgemeester Åsa Ørsted woensdag. Ze voegde eraan toe: \
‘Wij wachten niet op Den Haag.’ Het plan kost 4½ miljoen euro\u{2028}en loopt tot 2026.\n\n\
Ook de e\u{301}e\u{301}n-na-laatste zin \u{200b}telt\u{feff} mee, aldus woordvoerder Jean-Luc \
Dubois van 東京 Partners: “We zijn er klaar voor.”\n";

#[test]
fn offsets_are_characters_on_multibyte_text() {
    let path = write("multibyte.txt", MULTIBYTE.as_bytes());
    let record = assert_record(&extract(&path, &["--lang", "nl"]));
    let text = record["text"].as_str().expect("text");
    let quotes = record["quotes"].as_array().expect("quotes");
    assert!(quotes.len() >= 3, "too few quotes to test: {quotes:?}");
    for quote in quotes {
        let (start, end) = span(&quote["span"]).expect("quote span");
        let slice: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(Some(slice.as_str()), quote["text"].as_str(), "{quote}");
    }
    check_offsets(&record);
}

#[test]
fn odd_but_valid_text_is_analysed() {
    let text = "\u{1b}[1mVet\u{1b}[0m\u{c}\u{7f} Mark Rutte zei: \"ja\u{0}\" \u{202e}tekst\u{202c}\r\rlos \u{85} \
                \u{fffd}\u{fffd} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u{e000} «citaat» ‹klein› 「引用」 \"\"\" '' ‘’ “ ” „ ‚\n";
    // The NUL inside is refused as binary; without it the text must be analysed.
    let path = write("odd-with-nul.txt", text.as_bytes());
    assert_refused(&extract(&path, &[]), &["binary"]);
    let path = write("odd.txt", text.replace('\u{0}', "").as_bytes());
    for lang in ["nl", "en", "other"] {
        let record = assert_record(&extract(&path, &["--lang", lang]));
        check_offsets(&record);
    }
}

/// `{start, end}` of a span object.
fn span(value: &Value) -> Option<(usize, usize)> {
    let start = value.get("start")?.as_u64()? as usize;
    let end = value.get("end")?.as_u64()? as usize;
    Some((start, end))
}

/// Every span in the record lies inside the text, and every object with a `span` and a `text`
/// has the text its span covers, counted in characters.
fn check_offsets(record: &Value) {
    let text: Vec<char> = record["text"].as_str().expect("text").chars().collect();
    walk(record, &mut |value| {
        if let Some((start, end)) = span(value) {
            assert!(
                start <= end && end <= text.len(),
                "span out of the text: {value}"
            );
        }
        if let (Some((start, end)), Some(said)) = (
            value.get("span").and_then(span),
            value.get("text").and_then(Value::as_str),
        ) {
            let covered: String = text[start..end].iter().collect();
            assert_eq!(covered, said, "span and text disagree: {value}");
        }
    });
}

/// Calls `visit` on `value` and everything inside it.
fn walk(value: &Value, visit: &mut impl FnMut(&Value)) {
    visit(value);
    match value {
        Value::Array(items) => items.iter().for_each(|item| walk(item, visit)),
        Value::Object(fields) => fields.values().for_each(|item| walk(item, visit)),
        _ => {}
    }
}
