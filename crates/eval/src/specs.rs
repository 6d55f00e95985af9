//! The Microsoft Recognizers-Text test specs (`specs/recognizers-text/<Area>/<Language>/*.json`)
//! run against Kroniek's stages.
//!
//! Each spec file holds cases with an `Input` and the expected `Results` (`Text`, `TypeName`,
//! `Resolution`). A case passes when the predicted set of results equals the expected one: the
//! same texts (trimmed, case-insensitive) with the same resolved value (numbers compared
//! numerically, units and currencies after mapping the spec's names to Kroniek's canonical
//! names). Ranges compare their two bounds; the open/closed brackets are not compared. The
//! specs leave approximators out of a quantity's mention ("about 5 km" is "5 km"), so a quantity
//! is compared by its span without its approximator.
//!
//! **Skipped cases.** A case lists the platforms it is not supported on in `NotSupported` or
//! `NotSupportedByDesign`. The .NET implementation is the reference the specs are written for
//! (the Java, JavaScript and Python ports lag behind it), so a case is skipped exactly when one of
//! those lists names `dotnet`; every other case counts.
//!
//! **Extension point.** [`evaluate_specs`] picks a runner by the area folder (`Number`,
//! `NumberWithUnit`, `DateTime`) in [`predict`]; the date-time stage plugs in there.

use kroniek_numbers::{find_numbers, find_quantities, Quantity, QuantityKind};
use kroniek_text::{segment, Lang};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Why the specs could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum SpecEvalError {
    /// A spec folder or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A spec file is not the expected JSON.
    #[error("cannot parse {path}: {source}")]
    Json {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
}

/// One spec case as the files give it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SpecCase {
    /// The text to analyse.
    pub input: String,
    /// Extra context (a reference date for date-time cases).
    #[serde(default)]
    pub context: Option<serde_json::Value>,
    /// The expected results.
    #[serde(default)]
    pub results: Vec<SpecResult>,
    /// Platforms the case is not supported on.
    #[serde(default)]
    pub not_supported: Option<String>,
    /// Platforms the case is not supported on by design.
    #[serde(default)]
    pub not_supported_by_design: Option<String>,
}

/// One expected result.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SpecResult {
    /// The matched text.
    pub text: String,
    /// The result type ("number", "currency", ...).
    #[serde(default)]
    pub type_name: String,
    /// The resolution (value, unit, ...).
    #[serde(default)]
    pub resolution: Option<serde_json::Value>,
}

/// One result in comparable form: text, value and unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The matched text, trimmed and lowercased.
    pub text: String,
    /// The value, or the two bounds of a range.
    pub values: Vec<f64>,
    /// The canonical unit or currency code, if any.
    pub unit: Option<String>,
}

/// A case that failed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Failure {
    /// The input.
    pub input: String,
    /// What the spec expects.
    pub expected: Vec<Prediction>,
    /// What Kroniek found.
    pub predicted: Vec<Prediction>,
}

/// The outcome for one spec file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileReport {
    /// Path below the specs folder (`Number/Dutch/NumberModel.json`).
    pub file: String,
    /// Whether a runner exists for this file; if not, the counts are zero.
    pub evaluated: bool,
    /// Cases in the file.
    pub cases: usize,
    /// Cases skipped (not supported on .NET).
    pub skipped: usize,
    /// Cases that passed.
    pub passed: usize,
    /// The failed cases.
    pub failures: Vec<Failure>,
}

impl FileReport {
    /// Cases that count (not skipped).
    pub fn counted(&self) -> usize {
        self.cases - self.skipped
    }

    /// Pass rate over the counted cases (0 when none count).
    pub fn rate(&self) -> f64 {
        if self.counted() == 0 {
            0.0
        } else {
            self.passed as f64 / self.counted() as f64
        }
    }
}

/// The outcome for a whole specs folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SpecReport {
    /// One report per file, in path order.
    pub files: Vec<FileReport>,
}

impl SpecReport {
    /// The report for the file whose path ends with `suffix`.
    pub fn file(&self, suffix: &str) -> Option<&FileReport> {
        self.files.iter().find(|f| f.file.ends_with(suffix))
    }

    /// A plain-text table: one line per file, then totals per area and language.
    pub fn table(&self) -> String {
        let mut out = String::from("file\tpassed/counted\trate\tskipped\n");
        let mut totals: Vec<(String, usize, usize, usize)> = Vec::new();
        for f in &self.files {
            if !f.evaluated {
                out.push_str(&format!("{}\tnot evaluated\t-\t-\n", f.file));
                continue;
            }
            out.push_str(&format!(
                "{}\t{}/{}\t{:.1}%\t{}\n",
                f.file,
                f.passed,
                f.counted(),
                100.0 * f.rate(),
                f.skipped
            ));
            let group = f
                .file
                .rsplit_once('/')
                .map_or(f.file.clone(), |(g, _)| g.to_string());
            match totals.iter_mut().find(|t| t.0 == group) {
                Some(t) => {
                    t.1 += f.passed;
                    t.2 += f.counted();
                    t.3 += f.skipped;
                }
                None => totals.push((group, f.passed, f.counted(), f.skipped)),
            }
        }
        for (group, passed, counted, skipped) in totals {
            let rate = if counted == 0 {
                0.0
            } else {
                100.0 * passed as f64 / counted as f64
            };
            out.push_str(&format!(
                "TOTAL {group}\t{passed}/{counted}\t{rate:.1}%\t{skipped}\n"
            ));
        }
        out
    }
}

/// Evaluates every spec file under `dir` (the `recognizers-text` folder).
pub fn evaluate_specs(dir: &Path) -> Result<SpecReport, SpecEvalError> {
    let mut report = SpecReport::default();
    for area in list_dir(dir)?.into_iter().filter(|p| p.is_dir()) {
        for language in list_dir(&area)?.into_iter().filter(|p| p.is_dir()) {
            for file in list_dir(&language)? {
                if file.extension().is_some_and(|e| e == "json") {
                    report.files.push(evaluate_file(dir, &file)?);
                }
            }
        }
    }
    Ok(report)
}

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, SpecEvalError> {
    let io = |source| SpecEvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    out.sort();
    Ok(out)
}

fn evaluate_file(root: &Path, path: &Path) -> Result<FileReport, SpecEvalError> {
    let rel = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let parts: Vec<&str> = rel.split('/').collect();
    let (area, language, model) = match parts.as_slice() {
        [a, l, m] => (*a, *l, m.trim_end_matches(".json")),
        _ => ("", "", ""),
    };
    let lang = Lang::from_code(language).unwrap_or(Lang::Other);
    let contents = std::fs::read_to_string(path).map_err(|source| SpecEvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let json = |source| SpecEvalError::Json {
        path: path.to_path_buf(),
        source,
    };
    // Through `Value` first: some files repeat a key inside a case, which `Value` tolerates.
    let values: Vec<serde_json::Value> =
        serde_json::from_str(contents.trim_start_matches('\u{feff}')).map_err(json)?;
    let cases: Vec<SpecCase> = values
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(json)?;
    let mut report = FileReport {
        file: rel.clone(),
        evaluated: false,
        cases: cases.len(),
        skipped: 0,
        passed: 0,
        failures: Vec::new(),
    };
    for case in &cases {
        if skipped(case) {
            report.skipped += 1;
            continue;
        }
        let Some(mut predicted) = predict(area, model, lang, case) else {
            return Ok(FileReport {
                skipped: 0,
                ..report
            });
        };
        report.evaluated = true;
        let mut expected: Vec<Prediction> = case
            .results
            .iter()
            .map(|r| expectation(r, model, lang))
            .collect();
        if same(&mut expected, &mut predicted) {
            report.passed += 1;
        } else {
            report.failures.push(Failure {
                input: case.input.clone(),
                expected,
                predicted,
            });
        }
    }
    Ok(report)
}

/// Whether a case is skipped: not supported on .NET, the reference implementation.
fn skipped(case: &SpecCase) -> bool {
    [&case.not_supported, &case.not_supported_by_design]
        .iter()
        .any(|l| {
            l.as_deref()
                .is_some_and(|l| l.to_lowercase().contains("dotnet"))
        })
}

/// Runs the stage that matches the area and model on one case; `None` when no runner exists.
///
/// The date-time area plugs in here: add an arm `"DateTime" => crate::datetime::predict(...)`.
pub fn predict(area: &str, model: &str, lang: Lang, case: &SpecCase) -> Option<Vec<Prediction>> {
    match area {
        "Number" | "NumberWithUnit" => predict_numbers(model, lang, &case.input),
        _ => None,
    }
}

/// The numbers stage on one input, shaped like the spec's model.
fn predict_numbers(model: &str, lang: Lang, input: &str) -> Option<Vec<Prediction>> {
    let base = model
        .trim_end_matches("PercentMode")
        .trim_end_matches("ExperimentalMode");
    let base = base.trim_end_matches("SuppressExtendedTypes");
    if base == "NumberModel" || base == "OrdinalModel" {
        let ordinal = base == "OrdinalModel";
        return Some(
            find_numbers(input, lang)
                .into_iter()
                .filter(|n| n.ordinal == ordinal && !n.glued)
                .map(|n| Prediction {
                    text: clean(n.span.of(input)),
                    values: vec![n.value],
                    unit: None,
                })
                .collect(),
        );
    }
    let kind = match base {
        "PercentModel" => QuantityKind::Percentage,
        "NumberRangeModel" => QuantityKind::Range,
        "CurrencyModel" => QuantityKind::Money,
        "DimensionModel" => QuantityKind::Dimension,
        "TemperatureModel" => QuantityKind::Temperature,
        "AgeModel" => QuantityKind::Age,
        _ => return None,
    };
    let seg = segment(input, lang);
    Some(
        find_quantities(input, &seg, lang)
            .into_iter()
            .filter(|q| q.kind == kind)
            .map(|q| quantity_prediction(input, &q, lang))
            .collect(),
    )
}

/// A quantity in comparable form. The specs leave an approximator out of the mention ("about
/// 5 km" is "5 km"), Kroniek keeps it in the span: the span is compared without it.
fn quantity_prediction(input: &str, q: &Quantity, lang: Lang) -> Prediction {
    let mut values = Vec::new();
    match q.kind {
        QuantityKind::Range => values.extend([q.lower, q.upper].into_iter().flatten()),
        _ => values.extend(q.value),
    }
    let unit = match q.kind {
        QuantityKind::Money => q.unit.clone().or(q.currency.clone()),
        QuantityKind::Percentage | QuantityKind::Range => None,
        _ => q.unit.clone(),
    };
    Prediction {
        text: clean(kroniek_numbers::span_without_approximator(input, q, lang).of(input)),
        values,
        unit,
    }
}

fn clean(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The expected result in comparable form.
fn expectation(result: &SpecResult, model: &str, lang: Lang) -> Prediction {
    let res = result.resolution.as_ref();
    let get = |key: &str| {
        res.and_then(|r| r.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let raw = get("value").unwrap_or_default();
    let values = if raw.starts_with(['[', '(']) {
        raw.trim_matches(|c| "[]()".contains(c))
            .split(',')
            .filter_map(|v| number(v, Lang::En))
            .collect()
    } else {
        number(raw.trim_end_matches('%'), lang)
            .into_iter()
            .collect()
    };
    let unit = match model {
        m if m.starts_with("CurrencyModel") => {
            get("isoCurrency").or_else(|| get("unit").map(|u| currency_code(&u)))
        }
        m if m.starts_with("NumberModel")
            || m.starts_with("Ordinal")
            || m.starts_with("Percent")
            || m.starts_with("NumberRange") =>
        {
            None
        }
        _ => get("unit").map(|u| unit_name(&u)),
    };
    Prediction {
        text: clean(&result.text),
        values,
        unit,
    }
}

/// Parses a spec number; Dutch files write the decimal comma ("0,08", "1,2732E+15").
fn number(text: &str, lang: Lang) -> Option<f64> {
    let text = text.trim();
    let text = if lang == Lang::Nl {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    text.parse().ok()
}

/// Maps the spec's currency names to ISO 4217 codes (minor units keep their own name).
fn currency_code(unit: &str) -> String {
    let code = match unit.to_lowercase().as_str() {
        "dollar" | "united states dollar" => "USD",
        "euro" => "EUR",
        "pound" | "british pound" => "GBP",
        "japanese yen" | "yen" => "JPY",
        "chinese yuan" | "yuan" => "CNY",
        "canadian dollar" => "CAD",
        "australian dollar" => "AUD",
        "swiss franc" => "CHF",
        "finnish markka" => "FIM",
        "cent" => "cent",
        "penny" | "pence" => "penny",
        other => return other.to_string(),
    };
    code.to_string()
}

/// Maps the spec's unit names to Kroniek's canonical unit names.
fn unit_name(unit: &str) -> String {
    match unit {
        "C" => "celsius".into(),
        "F" => "fahrenheit".into(),
        "K" => "kelvin".into(),
        "Degree" => "degree".into(),
        other => other.to_lowercase(),
    }
}

/// Whether two result sets are equal (order-free).
fn same(expected: &mut [Prediction], predicted: &mut [Prediction]) -> bool {
    if expected.len() != predicted.len() {
        return false;
    }
    let mut used = vec![false; predicted.len()];
    expected.iter().all(|e| {
        let hit = predicted
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && matches(e, p));
        hit.map(|i| used[i] = true).is_some()
    })
}

fn matches(expected: &Prediction, predicted: &Prediction) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9_f64.max(1e-9 * a.abs().max(b.abs()));
    expected.text == predicted.text
        && expected.values.len() == predicted.values.len()
        && expected
            .values
            .iter()
            .zip(&predicted.values)
            .all(|(a, b)| close(*a, *b))
        && (expected.unit.is_none() || expected.unit == predicted.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs_dir() -> Option<PathBuf> {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/specs/recognizers-text");
        dir.is_dir().then_some(dir)
    }

    #[test]
    fn number_specs_pass_the_thresholds() {
        let Some(dir) = specs_dir() else {
            eprintln!("skipped: ../shared/specs/recognizers-text is absent");
            return;
        };
        let report = evaluate_specs(&dir).expect("specs readable");
        println!("{}", report.table());
        if std::env::var("SPEC_FAILURES").is_ok() {
            for f in &report.files {
                for fail in &f.failures {
                    println!(
                        "{}\t{:?}\n   want {:?}\n   got  {:?}",
                        f.file, fail.input, fail.expected, fail.predicted
                    );
                }
            }
        }
        for file in [
            "Number/Dutch/NumberModel.json",
            "Number/English/NumberModel.json",
        ] {
            let f = report.file(file).expect("file present");
            assert!(f.rate() >= 0.9, "{file}: {}/{}", f.passed, f.counted());
        }
    }

    #[test]
    fn skips_only_dotnet_unsupported_cases() {
        let case = |ns: &str| SpecCase {
            input: String::new(),
            context: None,
            results: Vec::new(),
            not_supported: Some(ns.to_string()),
            not_supported_by_design: None,
        };
        assert!(skipped(&case("dotNet, java")));
        assert!(!skipped(&case("javascript, python")));
    }
}
