//! Evaluation with the semantics of CoNLL's `conlleval` script.
//!
//! A phrase (chunk) is correct when the guessed phrase starts and ends on the same tokens as a
//! gold phrase and has the same type. Chunk starts and ends follow conlleval's rules, which read
//! IOB1, IOB2 and IOE tags alike. Accuracy counts tokens whose full tag (prefix and type)
//! matches. The report prints like conlleval.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Counts for one entity type (or all of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeScores {
    /// Phrases in the gold tags.
    pub gold: usize,
    /// Phrases in the guessed tags.
    pub found: usize,
    /// Guessed phrases that match a gold phrase exactly.
    pub correct: usize,
}

impl TypeScores {
    /// Correct / found, 0 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    /// Correct / gold, 0 when there is no gold phrase.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall (F1, conlleval's FB1), 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The result of an evaluation, as conlleval computes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NerReport {
    /// Tokens processed (sentence boundaries excluded, `-DOCSTART-` lines included).
    pub tokens: usize,
    /// Tokens whose guessed tag equals the gold tag.
    pub correct_tags: usize,
    /// Phrase counts over all types.
    pub overall: TypeScores,
    /// Phrase counts per type (`LOC`, `MISC`, `ORG`, `PER`, ...), sorted by type.
    pub per_type: BTreeMap<String, TypeScores>,
}

impl NerReport {
    /// Share of tokens tagged exactly right.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct_tags, self.tokens)
    }

    /// Overall phrase F1.
    pub fn f1(&self) -> f64 {
        self.overall.f1()
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.overall;
        writeln!(
            f,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, o.gold, o.found, o.correct
        )?;
        if self.tokens > 0 {
            writeln!(
                f,
                "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
                100.0 * self.accuracy(),
                100.0 * o.precision(),
                100.0 * o.recall(),
                100.0 * o.f1()
            )?;
        }
        for (kind, s) in &self.per_type {
            writeln!(
                f,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                kind,
                100.0 * s.precision(),
                100.0 * s.recall(),
                100.0 * s.f1(),
                s.found
            )?;
        }
        Ok(())
    }
}

/// Splits a tag into conlleval's prefix and type: `B-PER` → (`B`, `PER`), `O` → (`O`, ``).
fn split(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((prefix, kind)) => (prefix, kind),
        None => (tag, ""),
    }
}

/// conlleval's `endOfChunk`: whether a chunk ended just before the current token.
fn end_of_chunk(prev: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(
        (prev, tag),
        ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O")
    ) || (prev != "O" && prev != "." && prev_type != kind)
        || prev == "]"
        || prev == "["
}

/// conlleval's `startOfChunk`: whether a chunk starts at the current token.
fn start_of_chunk(prev: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(
        (prev, tag),
        ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E")
    ) || (tag != "O" && tag != "." && prev_type != kind)
        || tag == "["
        || tag == "]"
}

/// The chunks of a tag sequence under conlleval's rules: `(start, end, type)` token ranges.
pub fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let (mut prev, mut prev_type) = ("O", "");
    for (i, tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let (p, kind) = split(tag);
        if end_of_chunk(prev, p, prev_type, kind) {
            if let Some((start, k)) = open.take() {
                out.push((start, i, k.to_string()));
            }
        }
        if i < tags.len() && start_of_chunk(prev, p, prev_type, kind) {
            open = Some((i, kind));
        }
        (prev, prev_type) = (p, kind);
    }
    out
}

/// conlleval's counting state, fed one sentence (or `-DOCSTART-` line) at a time.
#[derive(Debug, Default)]
pub struct Conlleval {
    report: NerReport,
    in_correct: bool,
    last_correct: (String, String),
    last_guessed: (String, String),
}

impl Conlleval {
    /// A fresh evaluation.
    pub fn new() -> Self {
        Conlleval {
            last_correct: ("O".into(), String::new()),
            last_guessed: ("O".into(), String::new()),
            ..Default::default()
        }
    }

    /// Feeds a sentence's gold and guessed tags, followed by a sentence boundary.
    pub fn sentence(&mut self, gold: &[&str], guessed: &[&str]) {
        for (g, p) in gold.iter().zip(guessed) {
            self.line(g, p, true);
        }
        self.line("O", "O", false);
    }

    /// Feeds one line: a token (`counted`) or a boundary (tags `O`).
    fn line(&mut self, correct_tag: &str, guessed_tag: &str, counted: bool) {
        let (correct, correct_type) = split(correct_tag);
        let (guessed, guessed_type) = split(guessed_tag);
        let (lc, lct) = (self.last_correct.0.as_str(), self.last_correct.1.as_str());
        let (lg, lgt) = (self.last_guessed.0.as_str(), self.last_guessed.1.as_str());
        let r = &mut self.report;
        if self.in_correct {
            let correct_end = end_of_chunk(lc, correct, lct, correct_type);
            let guessed_end = end_of_chunk(lg, guessed, lgt, guessed_type);
            if correct_end && guessed_end && lgt == lct {
                self.in_correct = false;
                r.overall.correct += 1;
                r.per_type.entry(lct.to_string()).or_default().correct += 1;
            } else if correct_end != guessed_end || guessed_type != correct_type {
                self.in_correct = false;
            }
        }
        let correct_start = start_of_chunk(lc, correct, lct, correct_type);
        let guessed_start = start_of_chunk(lg, guessed, lgt, guessed_type);
        if correct_start && guessed_start && guessed_type == correct_type {
            self.in_correct = true;
        }
        if correct_start {
            r.overall.gold += 1;
            r.per_type.entry(correct_type.to_string()).or_default().gold += 1;
        }
        if guessed_start {
            r.overall.found += 1;
            r.per_type
                .entry(guessed_type.to_string())
                .or_default()
                .found += 1;
        }
        if counted {
            if correct == guessed && guessed_type == correct_type {
                r.correct_tags += 1;
            }
            r.tokens += 1;
        }
        self.last_correct = (correct.to_string(), correct_type.to_string());
        self.last_guessed = (guessed.to_string(), guessed_type.to_string());
    }

    /// Feeds a `-DOCSTART-` line: a token tagged `O` in gold and guess, then its boundary.
    pub fn docstart(&mut self) {
        self.sentence(&["O"], &["O"]);
    }

    /// Closes the evaluation and returns the counts.
    pub fn finish(mut self) -> NerReport {
        if self.in_correct {
            let kind = self.last_correct.1.clone();
            self.report.overall.correct += 1;
            self.report.per_type.entry(kind).or_default().correct += 1;
        }
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_example() {
        // Gold: [Jan Peeters]PER in [Gent]LOC ; [KBC]ORG and [Belgische]MISC
        // Guess: [Jan]PER [Peeters]PER (wrong span), [Gent]LOC (right), [KBC]LOC (wrong type),
        //        [Belgische]MISC (right), plus a spurious [Hij]PER.
        let gold1 = ["B-PER", "I-PER", "O", "B-LOC"];
        let guess1 = ["B-PER", "B-PER", "O", "B-LOC"];
        let gold2 = ["O", "B-ORG", "O", "B-MISC"];
        let guess2 = ["B-PER", "B-LOC", "O", "B-MISC"];
        let mut eval = Conlleval::new();
        eval.sentence(&gold1, &guess1);
        eval.sentence(&gold2, &guess2);
        let r = eval.finish();
        // 8 tokens; tags equal at positions 0,2,3 and 2,3 of sentence 2: 5.
        assert_eq!(r.tokens, 8);
        assert_eq!(r.correct_tags, 5);
        assert_eq!(
            r.overall,
            TypeScores {
                gold: 4,
                found: 6,
                correct: 2
            }
        );
        assert_eq!(
            r.per_type["PER"],
            TypeScores {
                gold: 1,
                found: 3,
                correct: 0
            }
        );
        assert_eq!(
            r.per_type["LOC"],
            TypeScores {
                gold: 1,
                found: 2,
                correct: 1
            }
        );
        assert_eq!(
            r.per_type["ORG"],
            TypeScores {
                gold: 1,
                found: 0,
                correct: 0
            }
        );
        assert_eq!(
            r.per_type["MISC"],
            TypeScores {
                gold: 1,
                found: 1,
                correct: 1
            }
        );
        // precision 2/6, recall 2/4, F1 = 2 * (1/3) * (1/2) / (5/6) = 0.4
        assert!((r.f1() - 0.4).abs() < 1e-12);
        let printed = r.to_string();
        assert!(printed.starts_with(
            "processed 8 tokens with 4 phrases; found: 6 phrases; correct: 2.\n\
             accuracy:  62.50%; precision:  33.33%; recall:  50.00%; FB1:  40.00\n"
        ));
        assert!(printed
            .contains("              LOC: precision:  50.00%; recall: 100.00%; FB1:  66.67  2\n"));
    }

    #[test]
    fn iob1_and_iob2_read_alike() {
        // IOB1: I-PER I-PER B-PER is two persons; IOB2 spells it B I B.
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"];
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"];
        assert_eq!(chunks(&iob1), chunks(&iob2));
        assert_eq!(
            chunks(&iob2),
            vec![
                (0, 2, "PER".into()),
                (2, 3, "PER".into()),
                (4, 5, "LOC".into())
            ]
        );
        let mut eval = Conlleval::new();
        eval.sentence(&iob1, &iob2);
        let r = eval.finish();
        assert_eq!(
            r.overall,
            TypeScores {
                gold: 3,
                found: 3,
                correct: 3
            }
        );
        assert_eq!(r.correct_tags, 3, "tags differ in prefix at 0 and 4");
    }

    #[test]
    fn chunk_at_sentence_end_and_docstart() {
        let mut eval = Conlleval::new();
        eval.docstart();
        eval.sentence(&["O", "B-ORG", "I-ORG"], &["O", "B-ORG", "I-ORG"]);
        let r = eval.finish();
        assert_eq!(r.tokens, 4);
        assert_eq!(
            r.overall,
            TypeScores {
                gold: 1,
                found: 1,
                correct: 1
            }
        );
        assert_eq!(r.f1(), 1.0);
    }

    #[test]
    fn empty_evaluation_is_zero() {
        let r = Conlleval::new().finish();
        assert_eq!(r.f1(), 0.0);
        assert_eq!(r.accuracy(), 0.0);
        assert_eq!(
            r.to_string(),
            "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n"
        );
    }
}
