//! Scores the time stage (`kroniek-time`) on the Recognizers-Text DateTime specs
//! (`specs/recognizers-text/DateTime/{Dutch,English}/*.json`).
//!
//! Pass rules, per case (a case is one input with all its expected results):
//! - **Model files** (`DateTimeModel*.json`): the predicted results equal the expected ones, in
//!   text order: same count, and for each result the same text (case-insensitive, trimmed), the
//!   same type (`datetimeV2.date`, `.daterange`, ...) and the same multiset of resolution values,
//!   each compared on its `timex` and its `value` / `start` / `end` strings (other keys such as
//!   `Mod` or `sourceEntity` are ignored; the order of the values is ignored).
//! - **Extractor files** (`*Extractor*.json`): the predicted texts equal the expected texts.
//! - **Parser files** (`*Parser*.json`): the predicted texts equal the expected texts and each
//!   result has the expected set of TIMEX strings.
//!
//! Cases whose `NotSupported` or `NotSupportedByDesign` names `dotnet` are skipped and counted:
//! .NET is the reference implementation, so such a case has no trustworthy expectation.
//! The `ReferenceDateTime` of a case is its reference; cases without one run without (and then
//! relative expressions stay unresolved, so they fail).
//!
//! Failure listing: with the environment variable `SPEC_FAILURES` set, every failing case of a
//! file whose name contains its value (any file when the value is `1`) is written to stderr as
//! `FAIL <language>/<file>`, the input, the reference, and one `exp`/`got` line per result
//! (`text | type | timex=value;start-end ...`), for sorting failures into categories.

use kroniek_text::{segment, Lang};
use kroniek_time::{find_times, Reference, TimeExpression, TimeKind, TimeValue};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why the specs could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum DateTimeEvalError {
    /// A spec folder or file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A spec file is not the expected JSON.
    #[error("cannot parse {path}: {source}")]
    Parse {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
}

/// The score of one spec file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileScore {
    /// "Dutch" or "English".
    pub language: String,
    /// The file name.
    pub file: String,
    /// Cases scored.
    pub cases: usize,
    /// Cases that passed.
    pub passed: usize,
    /// Cases skipped (not supported by the reference implementation).
    pub skipped: usize,
}

impl FileScore {
    /// Passed cases over scored cases, in percent.
    pub fn rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.cases as f64
        }
    }
}

/// The scores of all DateTime spec files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateTimeReport {
    /// One entry per file, in language and file order.
    pub files: Vec<FileScore>,
}

impl DateTimeReport {
    /// The score of one file, if it was scored.
    pub fn file(&self, language: &str, file: &str) -> Option<&FileScore> {
        self.files
            .iter()
            .find(|f| f.language == language && f.file == file)
    }

    /// Totals per language: (cases, passed, skipped).
    pub fn per_language(&self) -> BTreeMap<String, (usize, usize, usize)> {
        let mut out: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for f in &self.files {
            let e = out.entry(f.language.clone()).or_default();
            e.0 += f.cases;
            e.1 += f.passed;
            e.2 += f.skipped;
        }
        out
    }
}

impl fmt::Display for DateTimeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Recognizers-Text DateTime specs (time stage)")?;
        for s in &self.files {
            writeln!(
                f,
                "  {:8} {:38} {:5}/{:5} = {:5.1} %  (skipped {})",
                s.language,
                s.file,
                s.passed,
                s.cases,
                s.rate(),
                s.skipped
            )?;
        }
        for (lang, (cases, passed, skipped)) in self.per_language() {
            let rate = if cases == 0 {
                0.0
            } else {
                100.0 * passed as f64 / cases as f64
            };
            writeln!(
                f,
                "  {lang:8} all files: {passed}/{cases} = {rate:.1} %  (skipped {skipped})"
            )?;
        }
        Ok(())
    }
}

/// Scores every `*.json` under `dir/{Dutch,English}` (`dir` is `.../specs/recognizers-text/DateTime`).
pub fn evaluate_datetime_specs(dir: &Path) -> Result<DateTimeReport, DateTimeEvalError> {
    let mut report = DateTimeReport::default();
    for (language, lang) in [("Dutch", Lang::Nl), ("English", Lang::En)] {
        let folder = dir.join(language);
        let read = |path: &Path| DateTimeEvalError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other("unreadable"),
        };
        let entries = std::fs::read_dir(&folder).map_err(|source| DateTimeEvalError::Read {
            path: folder.clone(),
            source,
        })?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for name in names {
            let path = folder.join(&name);
            let Some(rule) = Rule::of(&name) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|_| read(&path))?;
            let cases: Vec<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|source| DateTimeEvalError::Parse {
                    path: path.clone(),
                    source,
                })?;
            let mut score = FileScore {
                language: language.to_string(),
                file: name.clone(),
                ..FileScore::default()
            };
            for case in &cases {
                if skipped(case) {
                    score.skipped += 1;
                    continue;
                }
                score.cases += 1;
                if passes(case, lang, rule) {
                    score.passed += 1;
                } else if wants_listing(&name) {
                    list_failure(language, &name, case, lang);
                }
            }
            report.files.push(score);
        }
    }
    Ok(report)
}

/// How a file is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Model,
    Extractor,
    Parser,
}

impl Rule {
    fn of(name: &str) -> Option<Rule> {
        if name.starts_with("DateTimeModel") {
            Some(Rule::Model)
        } else if name.contains("Extractor") {
            Some(Rule::Extractor)
        } else if name.contains("Parser") {
            Some(Rule::Parser)
        } else {
            None
        }
    }
}

fn skipped(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case.get(k)
            .and_then(Value::as_str)
            .is_some_and(|s| s.to_lowercase().contains("dotnet"))
    })
}

/// One result, normalised for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Norm {
    text: String,
    type_name: String,
    /// Sorted (timex, value, start, end).
    values: Vec<(String, String, String, String)>,
    timexes: Vec<String>,
}

/// The predicted and the expected results of a case.
fn results(case: &Value, lang: Lang) -> (Vec<Norm>, Vec<Norm>) {
    let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
    let reference = case
        .pointer("/Context/ReferenceDateTime")
        .and_then(Value::as_str)
        .and_then(Reference::parse);
    let seg = segment(input, lang);
    let predicted: Vec<Norm> = find_times(input, &seg, lang, reference)
        .iter()
        .map(|e| norm_predicted(input, e))
        .collect();
    let expected: Vec<Norm> = case
        .get("Results")
        .and_then(Value::as_array)
        .map(|rs| rs.iter().map(norm_expected).collect())
        .unwrap_or_default();
    (predicted, expected)
}

/// Whether failures of file `name` are to be listed (see the module docs).
fn wants_listing(name: &str) -> bool {
    std::env::var("SPEC_FAILURES").is_ok_and(|v| v == "1" || (!v.is_empty() && name.contains(&v)))
}

/// Writes one failing case to stderr.
fn list_failure(language: &str, file: &str, case: &Value, lang: Lang) {
    let (predicted, expected) = results(case, lang);
    let get = |k: &str| case.pointer(k).and_then(Value::as_str).unwrap_or("");
    eprintln!("FAIL {language}/{file}");
    eprintln!("  in  {}", get("/Input"));
    eprintln!("  ref {}", get("/Context/ReferenceDateTime"));
    for (tag, list) in [("exp", &expected), ("got", &predicted)] {
        for n in list {
            let values: Vec<String> = n
                .values
                .iter()
                .map(|(t, v, s, e)| {
                    if v.is_empty() {
                        format!("{t}={s}~{e}")
                    } else {
                        format!("{t}={v}")
                    }
                })
                .collect();
            eprintln!(
                "  {tag} {} | {} | {}",
                n.text,
                n.type_name,
                values.join(" ; ")
            );
        }
    }
}

fn passes(case: &Value, lang: Lang, rule: Rule) -> bool {
    let (predicted, expected) = results(case, lang);
    if predicted.len() != expected.len() {
        return false;
    }
    predicted.iter().zip(&expected).all(|(p, e)| match rule {
        Rule::Extractor => p.text == e.text,
        Rule::Parser => p.text == e.text && p.timexes == e.timexes,
        Rule::Model => p.text == e.text && p.type_name == e.type_name && p.values == e.values,
    })
}

fn clean(text: &str) -> String {
    text.trim().to_lowercase()
}

fn type_name(kind: TimeKind) -> &'static str {
    match kind {
        TimeKind::Date => "date",
        TimeKind::Time => "time",
        TimeKind::DateTime => "datetime",
        TimeKind::DatePeriod => "daterange",
        TimeKind::TimePeriod => "timerange",
        TimeKind::DateTimePeriod => "datetimerange",
        TimeKind::Duration => "duration",
        TimeKind::Set => "set",
    }
}

/// Recognizers writes date-times with a space.
fn rt(s: &str) -> String {
    s.replacen('T', " ", 1)
}

fn norm_predicted(input: &str, e: &TimeExpression) -> Norm {
    let text = clean(input.get(e.span.start..e.span.end).unwrap_or(""));
    let mut values = Vec::new();
    let mut timexes = Vec::new();
    let main = kroniek_time::Reading {
        timex: e.timex.clone(),
        value: e.value.clone(),
    };
    for r in std::iter::once(&main).chain(&e.alternatives) {
        let (v, s, en) = match &r.value {
            TimeValue::Point { value } => (rt(value), String::new(), String::new()),
            TimeValue::Period { start, end, .. } => (
                String::new(),
                start.as_deref().map(rt).unwrap_or_default(),
                end.as_deref().map(rt).unwrap_or_default(),
            ),
            TimeValue::Duration { seconds, .. } => {
                (fmt_seconds(*seconds), String::new(), String::new())
            }
            TimeValue::Set { .. } | TimeValue::Unresolved { .. } => {
                ("not resolved".to_string(), String::new(), String::new())
            }
        };
        values.push((r.timex.clone(), v, s, en));
        timexes.push(r.timex.clone());
    }
    values.sort();
    values.dedup();
    timexes.sort();
    timexes.dedup();
    Norm {
        text,
        type_name: type_name(e.kind).to_string(),
        values,
        timexes,
    }
}

fn fmt_seconds(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{}", s as i64)
    } else {
        let out = format!("{s:.4}");
        out.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn norm_expected(r: &Value) -> Norm {
    let get = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let text = clean(&get(r, "Text"));
    let raw_type = r
        .get("TypeName")
        .or_else(|| r.get("Typename"))
        .or_else(|| r.get("Type"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let type_name = raw_type.trim_start_matches("datetimeV2.").to_string();
    let list = r
        .pointer("/Resolution/values")
        .or_else(|| r.pointer("/Value/values"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut values: Vec<_> = list
        .iter()
        .map(|v| {
            (
                get(v, "timex"),
                get(v, "value"),
                get(v, "start"),
                get(v, "end"),
            )
        })
        .collect();
    values.sort();
    values.dedup();
    let mut timexes: Vec<String> = values.iter().map(|v| v.0.clone()).collect();
    if let Some(t) = r.pointer("/Value/Timex").and_then(Value::as_str) {
        timexes.push(t.to_string());
    }
    timexes.sort();
    timexes.dedup();
    Norm {
        text,
        type_name,
        values,
        timexes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec_dir() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/specs/recognizers-text/DateTime");
        dir.is_dir().then_some(dir)
    }

    /// Guards the pass rates reached (floors, to catch regressions).
    #[test]
    fn datetime_model_pass_rates() {
        let Some(dir) = spec_dir() else {
            eprintln!("skipped: ../shared/specs/recognizers-text/DateTime is absent");
            return;
        };
        let report = evaluate_datetime_specs(&dir).expect("specs readable");
        eprintln!("{report}");
        let nl = report
            .file("Dutch", "DateTimeModel.json")
            .expect("nl model");
        let en = report
            .file("English", "DateTimeModel.json")
            .expect("en model");
        assert!(
            nl.rate() >= NL_FLOOR,
            "Dutch DateTimeModel {:.1} %",
            nl.rate()
        );
        assert!(
            en.rate() >= EN_FLOOR,
            "English DateTimeModel {:.1} %",
            en.rate()
        );
    }

    const NL_FLOOR: f64 = 91.8;
    const EN_FLOOR: f64 = 92.0;
}
