//! Quote evaluation against hand-made gold quotes with speakers (`gold.jsonl` beside the texts).
//!
//! A predicted quote matches a gold one when their overlap covers at least half of each. Scores:
//! precision, recall and F1 for direct quotes and for all quotes, and, of the matched gold quotes
//! with a named speaker, the share whose predicted speaker has the same last name (or the same
//! organisation name). Quotes nested inside another quote are not scored (the gold leaves them
//! out).
//!
//! Each gold text starts with a `# source: … date: YYYY-MM-DD` line. It is read as metadata, as a
//! user would pass it with `extract --published`: the date becomes the publication date, and the
//! line itself is blanked out (offsets unchanged) so that its words are not taken for article text.

use kroniek_pipeline::analyse;
use kroniek_text::{Document, Lang, Meta};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum QuoteEvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of `gold.jsonl` is not valid.
    #[error("{path}:{line}: invalid gold record: {source}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

#[derive(Debug, Deserialize)]
struct GoldArticle {
    file: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Debug, Deserialize)]
struct GoldQuote {
    kind: String,
    start: usize,
    end: usize,
    speaker: Option<String>,
    #[serde(default)]
    speaker_is_named: bool,
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Matched pairs.
    pub matched: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Score {
    /// matched / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// matched / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The scores of one gold folder.
#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    /// The folder.
    pub dir: PathBuf,
    /// Articles scored.
    pub articles: usize,
    /// Direct quotes only.
    pub direct: Score,
    /// All quotes, kind ignored in matching.
    pub all: Score,
    /// Matched gold quotes with a named speaker, and how many got it right (all quotes).
    pub speakers: (usize, usize),
    /// The same for direct quotes.
    pub direct_speakers: (usize, usize),
    /// Human-readable lines about each error, for `--verbose`.
    pub errors: Vec<String>,
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "quotes in {} ({} articles)",
            self.dir.display(),
            self.articles
        )?;
        for (name, s) in [("direct", self.direct), ("all", self.all)] {
            writeln!(
                f,
                "  {name:<7} P {:.3}  R {:.3}  F1 {:.3}  (matched {}, predicted {}, gold {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.matched,
                s.predicted,
                s.gold
            )?;
        }
        let (right, total) = self.speakers;
        let (direct_right, direct_total) = self.direct_speakers;
        writeln!(f, "  named-speaker accuracy: all {:.3} ({right}/{total}), direct {:.3} ({direct_right}/{direct_total})", ratio(right, total), ratio(direct_right, direct_total))
    }
}

/// Scores Kroniek's quotes on the gold folder `dir` (`gold.jsonl` plus the texts). `lang`
/// overrides language identification.
pub fn evaluate_quotes(dir: &Path, lang: Option<Lang>) -> Result<QuoteReport, QuoteEvalError> {
    let gold_path = dir.join("gold.jsonl");
    let gold_text = read(&gold_path)?;
    let mut report = QuoteReport {
        dir: dir.to_path_buf(),
        ..QuoteReport::default()
    };
    for (number, line) in gold_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let article: GoldArticle =
            serde_json::from_str(line).map_err(|source| QuoteEvalError::Gold {
                path: gold_path.clone(),
                line: number + 1,
                source,
            })?;
        let text = read(&dir.join(&article.file))?;
        score_article(&article, &text, lang, &mut report);
        report.articles += 1;
    }
    Ok(report)
}

fn read(path: &Path) -> Result<String, QuoteEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuoteEvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// A predicted quote reduced to what is scored.
struct Predicted {
    start: usize,
    end: usize,
    direct: bool,
    speaker: Option<String>,
    /// How the speaker was found and from which words, for error listings.
    how: String,
}

/// Splits off a gold file's `# source: … date: YYYY-MM-DD` header line: it is metadata, not
/// article text. The text comes back with the header's characters replaced by spaces, so that
/// character offsets into the whole file (which the gold uses) stay true, and the header's date
/// becomes the publication date.
fn without_header(text: &str) -> (String, Meta) {
    let mut meta = Meta::default();
    let Some(header) = text.lines().next().filter(|l| l.starts_with("# source:")) else {
        return (text.to_string(), meta);
    };
    meta.published = header
        .split("date:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_string);
    let blanked: String = header.chars().map(|_| ' ').collect();
    (format!("{blanked}{}", &text[header.len()..]), meta)
}

fn score_article(article: &GoldArticle, text: &str, lang: Option<Lang>, report: &mut QuoteReport) {
    let (body, meta) = without_header(text);
    let document = Document {
        id: article.file.clone(),
        lang: lang.unwrap_or_else(|| kroniek_text::langid::identify(&body)),
        text: body,
        meta,
    };
    let analysis = analyse(&document);
    let predicted: Vec<Predicted> = analysis
        .quotes
        .iter()
        .filter(|q| q.nested_in.is_none())
        .map(|q| Predicted {
            start: q.span.start,
            end: q.span.end,
            direct: q.kind == kroniek_pipeline::QuoteKind::Direct,
            speaker: q.speaker.as_ref().map(|s| s.name.clone()),
            how: q.speaker.as_ref().map_or(String::new(), |s| {
                let mention = s.mention.as_ref().map(|m| m.text.as_str());
                let cue = q.cue.as_ref().map(|c| c.text.as_str());
                format!("{:?} via {mention:?}, cue {cue:?}", s.resolution)
            }),
        })
        .collect();
    let gold: Vec<&GoldQuote> = article.quotes.iter().collect();
    let direct_gold: Vec<&GoldQuote> = gold
        .iter()
        .copied()
        .filter(|g| g.kind == "direct")
        .collect();
    let direct_pred: Vec<&Predicted> = predicted.iter().filter(|p| p.direct).collect();
    let all_pred: Vec<&Predicted> = predicted.iter().collect();
    let (direct_score, direct_pairs) = match_quotes(&direct_gold, &direct_pred);
    let (all_score, all_pairs) = match_quotes(&gold, &all_pred);
    report.direct.add(direct_score);
    report.all.add(all_score);
    tally_speakers(
        &direct_gold,
        &direct_pred,
        &direct_pairs,
        &mut report.direct_speakers,
    );
    tally_speakers(&gold, &all_pred, &all_pairs, &mut report.speakers);
    describe_errors(
        &article.file,
        text,
        &gold,
        &all_pred,
        &all_pairs,
        &mut report.errors,
    );
}

/// Greedy one-to-one matching by overlap; returns the score and `(gold, predicted)` pairs.
fn match_quotes(gold: &[&GoldQuote], predicted: &[&Predicted]) -> (Score, Vec<(usize, usize)>) {
    let mut used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (g, quote) in gold.iter().enumerate() {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(p, _)| !used[*p])
            .map(|(p, pred)| (p, overlap(quote.start, quote.end, pred.start, pred.end)))
            .filter(|(p, shared)| {
                *shared * 2 >= quote.end - quote.start
                    && *shared * 2 >= predicted[*p].end - predicted[*p].start
                    && *shared > 0
            })
            .max_by_key(|(_, shared)| *shared);
        if let Some((p, _)) = best {
            used[p] = true;
            pairs.push((g, p));
        }
    }
    (
        Score {
            matched: pairs.len(),
            predicted: predicted.len(),
            gold: gold.len(),
        },
        pairs,
    )
}

fn overlap(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> usize {
    a_end.min(b_end).saturating_sub(a_start.max(b_start))
}

fn tally_speakers(
    gold: &[&GoldQuote],
    predicted: &[&Predicted],
    pairs: &[(usize, usize)],
    tally: &mut (usize, usize),
) {
    for &(g, p) in pairs {
        let Some(expected) = gold[g]
            .speaker
            .as_deref()
            .filter(|_| gold[g].speaker_is_named)
        else {
            continue;
        };
        tally.1 += 1;
        if predicted[p]
            .speaker
            .as_deref()
            .is_some_and(|got| same_speaker(expected, got))
        {
            tally.0 += 1;
        }
    }
}

/// Whether two speaker names agree on the last name (or the organisation's name).
pub fn same_speaker(expected: &str, got: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (expected, got) = (words(expected), words(got));
    match (expected.last(), got.last()) {
        (Some(e), Some(g)) => got.contains(e) || expected.contains(g),
        _ => false,
    }
}

fn describe_errors(
    file: &str,
    text: &str,
    gold: &[&GoldQuote],
    predicted: &[&Predicted],
    pairs: &[(usize, usize)],
    errors: &mut Vec<String>,
) {
    let chars: Vec<char> = text.chars().collect();
    let show = |s: usize, e: usize| {
        chars[s.min(chars.len())..e.min(chars.len())]
            .iter()
            .take(90)
            .collect::<String>()
    };
    for (g, quote) in gold.iter().enumerate() {
        match pairs.iter().find(|(gg, _)| *gg == g) {
            None => errors.push(format!(
                "{file} MISSED {} [{}..{}] {:?} ({:?})",
                quote.kind,
                quote.start,
                quote.end,
                show(quote.start, quote.end),
                quote.speaker
            )),
            Some(&(_, p)) => {
                if let Some(expected) = quote.speaker.as_deref().filter(|_| quote.speaker_is_named)
                {
                    let got = predicted[p].speaker.as_deref().unwrap_or("-");
                    if !same_speaker(expected, got) {
                        errors.push(format!(
                            "{file} SPEAKER {expected:?} got {got:?} [{}]: {:?}",
                            predicted[p].how,
                            show(quote.start, quote.end)
                        ));
                    }
                }
            }
        }
    }
    for (p, pred) in predicted.iter().enumerate() {
        if !pairs.iter().any(|(_, pp)| *pp == p) {
            errors.push(format!(
                "{file} EXTRA {} [{}..{}] {:?}",
                if pred.direct { "direct" } else { "indirect" },
                pred.start,
                pred.end,
                show(pred.start, pred.end)
            ));
        }
    }
}
