//! Sentence-boundary evaluation on Universal Dependencies treebanks.
//!
//! A `.conllu` file holds sentences, not texts; the running text is rebuilt from them so that the
//! segmenter sees what it sees in production:
//! - sentences whose `sent_id` share document and paragraph (`DOC.p.N.s.M`, also
//!   `DOC.p.N.s.M.K` and `DOC.p.N.s.M_K`) are joined by one space, in file order;
//! - the paragraphs of a document are joined by a blank line, in order of first appearance;
//! - each document (the part of the id before `.p.`) is a text of its own; an id without a
//!   paragraph part is a paragraph and a document of its own.
//!
//! The gold boundaries are the end offsets of the `# text = ` lines; Kroniek's are the ends of
//! its sentences. Precision, recall and F1 are micro-averaged over all texts of a file.

use kroniek_text::{segment, Lang};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file holds no sentences with `# text = ` lines.
    #[error("{path} holds no sentences with a `# text = ` line")]
    NoSentences {
        /// The file.
        path: PathBuf,
    },
}

/// Whether a boundary error is a split Kroniek made but the gold lacks, or the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundaryErrorKind {
    /// Kroniek ends a sentence where the gold does not (hurts precision).
    FalseSplit,
    /// The gold ends a sentence where Kroniek does not (hurts recall).
    Missed,
}

/// One wrong boundary, with the text around it, so the segmenter's rules can be improved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryError {
    /// Which way it is wrong.
    pub kind: BoundaryErrorKind,
    /// The document it is in.
    pub document: String,
    /// Up to 50 characters before the boundary, `⟂`, and up to 50 characters after it.
    pub context: String,
}

/// Sentence-boundary scores for one `.conllu` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    /// The file's name.
    pub file: String,
    /// The number of rebuilt texts (documents).
    pub texts: usize,
    /// Gold boundaries (sentences in the file).
    pub gold: usize,
    /// Boundaries Kroniek predicted.
    pub predicted: usize,
    /// Predicted boundaries that are gold boundaries.
    pub correct: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
    /// Every wrong boundary, in file order.
    pub errors: Vec<BoundaryError>,
}

impl fmt::Display for SentenceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: P {:.4} R {:.4} F1 {:.4} (gold {}, predicted {}, correct {}, texts {})",
            self.file,
            self.precision,
            self.recall,
            self.f1,
            self.gold,
            self.predicted,
            self.correct,
            self.texts
        )
    }
}

/// One rebuilt text with its gold sentence ends (byte offsets).
#[derive(Debug, Clone, Default)]
struct GoldText {
    document: String,
    text: String,
    ends: Vec<usize>,
}

/// Scores Kroniek's sentence boundaries (Dutch rules) against the UD file at `path`.
pub fn evaluate_sentences(path: &Path) -> Result<SentenceReport, EvalError> {
    let contents = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let texts = rebuild_texts(&contents);
    if texts.is_empty() {
        return Err(EvalError::NoSentences {
            path: path.to_path_buf(),
        });
    }
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(score(file, &texts))
}

/// Scores every `*.conllu` file in `dir`, in file-name order.
pub fn evaluate_sentences_dir(dir: &Path) -> Result<Vec<SentenceReport>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "conllu") {
            files.push(path);
        }
    }
    files.sort();
    files.iter().map(|f| evaluate_sentences(f)).collect()
}

/// Splits a `sent_id` into its document and paragraph keys.
fn document_and_paragraph(sent_id: &str) -> (&str, &str) {
    match sent_id.rfind(".p.") {
        Some(at) => {
            let rest = &sent_id[at + 3..];
            let paragraph = rest.split_once(".s.").map_or(rest, |(p, _)| p);
            (&sent_id[..at], paragraph)
        }
        None => (sent_id, sent_id),
    }
}

/// One paragraph while rebuilding: its key and its sentences in file order.
type ParagraphSentences = (String, Vec<String>);

/// Rebuilds the running texts of a `.conllu` file, with their gold sentence ends.
fn rebuild_texts(contents: &str) -> Vec<GoldText> {
    // document -> paragraphs in order of first appearance -> sentences in file order
    let mut documents: Vec<(String, Vec<ParagraphSentences>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut sent_id = String::new();
    let mut unnamed = 0usize;
    for line in contents.lines() {
        if let Some(id) = line.strip_prefix("# sent_id =") {
            sent_id = id.trim().to_string();
            continue;
        }
        let Some(sentence) = line.strip_prefix("# text =") else {
            continue;
        };
        let sentence = sentence.trim();
        if sentence.is_empty() {
            continue;
        }
        if sent_id.is_empty() {
            unnamed += 1;
            sent_id = format!("sentence-{unnamed}");
        }
        let (document, paragraph) = document_and_paragraph(&sent_id);
        let slot = *index.entry(document.to_string()).or_insert_with(|| {
            documents.push((document.to_string(), Vec::new()));
            documents.len() - 1
        });
        let paragraphs = &mut documents[slot].1;
        match paragraphs.iter_mut().find(|(p, _)| p == paragraph) {
            Some((_, sentences)) => sentences.push(sentence.to_string()),
            None => paragraphs.push((paragraph.to_string(), vec![sentence.to_string()])),
        }
        sent_id.clear();
    }
    documents
        .into_iter()
        .map(|(document, paragraphs)| join_document(document, &paragraphs))
        .collect()
}

/// Joins one document's paragraphs into a text and records where each sentence ends.
fn join_document(document: String, paragraphs: &[ParagraphSentences]) -> GoldText {
    let mut gold = GoldText {
        document,
        ..GoldText::default()
    };
    for (p, (_, sentences)) in paragraphs.iter().enumerate() {
        if p > 0 {
            gold.text.push_str("\n\n");
        }
        for (s, sentence) in sentences.iter().enumerate() {
            if s > 0 {
                gold.text.push(' ');
            }
            gold.text.push_str(sentence);
            gold.ends.push(gold.text.len());
        }
    }
    gold
}

/// Segments each text and compares boundaries.
fn score(file: String, texts: &[GoldText]) -> SentenceReport {
    let (mut gold, mut predicted, mut correct) = (0, 0, 0);
    let mut errors = Vec::new();
    for text in texts {
        let gold_ends: BTreeSet<usize> = text.ends.iter().copied().collect();
        let found: BTreeSet<usize> = segment(&text.text, Lang::Nl)
            .sentences
            .iter()
            .map(|s| s.span.end)
            .collect();
        gold += gold_ends.len();
        predicted += found.len();
        correct += gold_ends.intersection(&found).count();
        let mut wrong: Vec<(usize, BoundaryErrorKind)> = found
            .difference(&gold_ends)
            .map(|&at| (at, BoundaryErrorKind::FalseSplit))
            .chain(
                gold_ends
                    .difference(&found)
                    .map(|&at| (at, BoundaryErrorKind::Missed)),
            )
            .collect();
        wrong.sort_by_key(|(at, _)| *at);
        errors.extend(wrong.into_iter().map(|(at, kind)| BoundaryError {
            kind,
            document: text.document.clone(),
            context: context(&text.text, at),
        }));
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(correct, predicted);
    let recall = ratio(correct, gold);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    SentenceReport {
        file,
        texts: texts.len(),
        gold,
        predicted,
        correct,
        precision,
        recall,
        f1,
        errors,
    }
}

/// Up to 50 characters either side of byte `at`, with `⟂` at the boundary.
fn context(text: &str, at: usize) -> String {
    let (before, after) = match (text.get(..at), text.get(at..)) {
        (Some(before), Some(after)) => (before, after),
        _ => return String::new(),
    };
    let skip = before.chars().count().saturating_sub(50);
    let before: String = before.chars().skip(skip).collect();
    let after: String = after.chars().take(50).collect();
    format!("{before}⟂{after}").replace('\n', "¶")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = D1\\D1.p.1.s.1\n# text = Eerste zin.\n1\tx\n\n\
        # sent_id = D1\\D1.p.1.s.2\n# text = Tweede zin.\n\n\
        # sent_id = D1\\D1.p.2.s.1.1\n# text = Derde.\n\n\
        # sent_id = D2.p.1.s.1_2\n# text = Ander document.\n\n\
        # sent_id = los\n# text = Zonder alinea.\n\n";

    #[test]
    fn rebuilds_documents_and_paragraphs() {
        let texts = rebuild_texts(SAMPLE);
        assert_eq!(texts.len(), 3);
        assert_eq!(texts[0].text, "Eerste zin. Tweede zin.\n\nDerde.");
        assert_eq!(texts[0].ends, vec![11, 23, 31]);
        assert_eq!(texts[1].text, "Ander document.");
        assert_eq!(texts[2].document, "los");
    }

    #[test]
    fn parses_sentence_ids() {
        assert_eq!(
            document_and_paragraph("wiki-1181.p.10.s.1"),
            ("wiki-1181", "10")
        );
        assert_eq!(document_and_paragraph("A\\A.p.4.s.3.1"), ("A\\A", "4"));
        assert_eq!(document_and_paragraph("A.p.1.s.1_2"), ("A", "1"));
        assert_eq!(document_and_paragraph("plain-7"), ("plain-7", "plain-7"));
    }

    #[test]
    fn scores_a_perfect_split() {
        let texts = rebuild_texts(SAMPLE);
        let report = score("sample".into(), &texts);
        assert_eq!((report.gold, report.predicted, report.correct), (5, 5, 5));
        assert!((report.f1 - 1.0).abs() < 1e-9, "{report}");
    }

    /// The shared UD treebanks, if present (`../shared` next to the repository, or `/work/shared`).
    fn shared_treebanks() -> Option<PathBuf> {
        let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/ud-nl");
        [local, PathBuf::from("/work/shared/corpora/ud-nl")]
            .into_iter()
            .find(|p| p.is_dir())
    }

    /// F1 per file on the shared UD Dutch treebanks, at least ucto's. Set
    /// `KRONIEK_SHOW_BOUNDARY_ERRORS=1` to list every wrong boundary.
    #[test]
    fn ud_dutch_f1_reaches_ucto() {
        let Some(dir) = shared_treebanks() else {
            eprintln!("skipped: shared/corpora/ud-nl is absent");
            return;
        };
        let thresholds = [
            ("nl_alpino-ud-dev.conllu", 0.985),
            ("nl_alpino-ud-test.conllu", 0.998),
            ("nl_lassysmall-ud-dev.conllu", 0.964),
        ];
        let reports = evaluate_sentences_dir(&dir).expect("treebanks readable");
        let show = std::env::var_os("KRONIEK_SHOW_BOUNDARY_ERRORS").is_some();
        for report in &reports {
            println!("{report}");
            if show {
                for error in &report.errors {
                    println!("  {:?}\t{}\t{}", error.kind, error.document, error.context);
                }
            }
        }
        for (file, minimum) in thresholds {
            let report = reports.iter().find(|r| r.file == file);
            let Some(report) = report else {
                eprintln!("skipped {file}: not present");
                continue;
            };
            assert!(report.f1 >= minimum, "{report} is below {minimum}");
        }
    }
}
