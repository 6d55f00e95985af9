//! Labels and chunk encodings.
//!
//! The tagger predicts one label per token; a chunk (a name) is a run of tokens with one
//! [`NameKind`]. Two encodings are supported: BIO (IOB2) and BILOU (begin, inside, last,
//! unit), which gives the model separate evidence for the last token of a name and for
//! one-token names. Both carry hard constraints (an `I-PER` cannot follow `O`), which the
//! Viterbi decoder enforces.

use crate::NameKind;
use serde::{Deserialize, Serialize};

/// A name found in a token sequence: tokens `start..end` of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Chunk {
    /// Index of the first token.
    pub start: usize,
    /// One past the index of the last token.
    pub end: usize,
    /// The kind of name.
    pub kind: NameKind,
}

/// How chunks are spelled as one label per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Scheme {
    /// `O`, `B-X`, `I-X` (IOB2).
    Bio,
    /// `O`, `B-X`, `I-X`, `L-X`, `U-X`.
    #[default]
    Bilou,
}

/// The position of a label inside its chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

impl Scheme {
    fn parts(self) -> &'static [Part] {
        match self {
            Scheme::Bio => &[Part::Begin, Part::Inside],
            Scheme::Bilou => &[Part::Begin, Part::Inside, Part::Last, Part::Unit],
        }
    }

    /// The number of labels (`O` plus one per part and kind).
    pub fn labels(self) -> usize {
        1 + self.parts().len() * NameKind::ALL.len()
    }

    fn label(self, part: Part, kind: NameKind) -> usize {
        let parts = self.parts();
        let offset = parts.iter().position(|p| *p == part).unwrap_or(0);
        1 + kind.index() * parts.len() + offset
    }

    fn split(self, label: usize) -> (Part, Option<NameKind>) {
        if label == 0 {
            return (Part::Outside, None);
        }
        let parts = self.parts();
        let kind = NameKind::ALL.get((label - 1) / parts.len()).copied();
        (parts[(label - 1) % parts.len()], kind)
    }

    /// The label's name as written in IOB2-style files (`B-PER`, `L-LOC`, `O`).
    pub fn label_name(self, label: usize) -> String {
        match self.split(label) {
            (_, None) => "O".to_string(),
            (part, Some(kind)) => {
                let prefix = match part {
                    Part::Outside => "O",
                    Part::Begin => "B",
                    Part::Inside => "I",
                    Part::Last => "L",
                    Part::Unit => "U",
                };
                format!("{prefix}-{}", kind.conll())
            }
        }
    }

    /// Whether `next` may follow `prev` (`None` is the sentence start).
    pub fn allowed(self, prev: Option<usize>, next: usize) -> bool {
        let (prev_part, prev_kind) = prev.map_or((Part::Outside, None), |p| self.split(p));
        let (next_part, next_kind) = self.split(next);
        let open = match (self, prev_part) {
            (Scheme::Bio, Part::Begin | Part::Inside) => prev_kind,
            (Scheme::Bilou, Part::Begin | Part::Inside) => prev_kind,
            _ => None,
        };
        match (self, next_part) {
            (_, Part::Inside) => open.is_some() && open == next_kind,
            (Scheme::Bilou, Part::Last) => open.is_some() && open == next_kind,
            (Scheme::Bilou, _) => open.is_none(),
            (Scheme::Bio, _) => true,
        }
    }

    /// Whether a sentence may end on `last`.
    pub fn allowed_end(self, last: usize) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => matches!(self.split(last).0, Part::Outside | Part::Last | Part::Unit),
        }
    }

    /// The labels of `len` tokens holding `chunks` (which must not overlap).
    pub fn encode(self, chunks: &[Chunk], len: usize) -> Vec<usize> {
        let mut labels = vec![0; len];
        for chunk in chunks {
            let end = chunk.end.min(len);
            for (i, label) in labels.iter_mut().enumerate().take(end).skip(chunk.start) {
                let part = match self {
                    Scheme::Bio if i == chunk.start => Part::Begin,
                    Scheme::Bio => Part::Inside,
                    Scheme::Bilou if end - chunk.start == 1 => Part::Unit,
                    Scheme::Bilou if i == chunk.start => Part::Begin,
                    Scheme::Bilou if i + 1 == end => Part::Last,
                    Scheme::Bilou => Part::Inside,
                };
                *label = self.label(part, chunk.kind);
            }
        }
        labels
    }

    /// The chunks spelled by `labels`, read leniently: a chunk starts at any `B`/`U`, at an
    /// `I`/`L` that does not continue a chunk of its kind, and ends before `O`, `B`, `U`, a
    /// change of kind, or after `L`/`U`.
    pub fn decode(self, labels: &[usize]) -> Vec<Chunk> {
        let mut chunks = Vec::new();
        let mut open: Option<(usize, NameKind)> = None;
        for (i, &label) in labels.iter().enumerate() {
            let (part, kind) = self.split(label);
            let continues = matches!(part, Part::Inside | Part::Last)
                && open.is_some_and(|(_, k)| Some(k) == kind);
            if !continues {
                if let Some((start, k)) = open.take() {
                    chunks.push(Chunk {
                        start,
                        end: i,
                        kind: k,
                    });
                }
                open = kind.map(|k| (i, k));
            }
            if matches!(part, Part::Last | Part::Unit) {
                if let Some((start, k)) = open.take() {
                    chunks.push(Chunk {
                        start,
                        end: i + 1,
                        kind: k,
                    });
                }
            }
        }
        if let Some((start, k)) = open {
            chunks.push(Chunk {
                start,
                end: labels.len(),
                kind: k,
            });
        }
        chunks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(start: usize, end: usize, kind: NameKind) -> Chunk {
        Chunk { start, end, kind }
    }

    #[test]
    fn round_trips_both_schemes() {
        let chunks = vec![
            chunk(0, 1, NameKind::Person),
            chunk(1, 4, NameKind::Organisation),
            chunk(5, 7, NameKind::Location),
            chunk(7, 8, NameKind::Misc),
        ];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let labels = scheme.encode(&chunks, 9);
            assert_eq!(scheme.decode(&labels), chunks, "{scheme:?}");
            let mut prev = None;
            for &label in &labels {
                assert!(scheme.allowed(prev, label), "{scheme:?} {labels:?}");
                prev = Some(label);
            }
            assert!(scheme.allowed_end(labels[8]));
        }
    }

    #[test]
    fn bio_names_and_constraints() {
        let s = Scheme::Bio;
        assert_eq!(s.labels(), 9);
        let b_per = s.label(Part::Begin, NameKind::Person);
        let i_per = s.label(Part::Inside, NameKind::Person);
        let i_loc = s.label(Part::Inside, NameKind::Location);
        assert_eq!(s.label_name(b_per), "B-PER");
        assert_eq!(s.label_name(i_loc), "I-LOC");
        assert_eq!(s.label_name(0), "O");
        assert!(!s.allowed(None, i_per));
        assert!(!s.allowed(Some(0), i_per));
        assert!(s.allowed(Some(b_per), i_per));
        assert!(!s.allowed(Some(b_per), i_loc));
    }

    #[test]
    fn bilou_constraints() {
        let s = Scheme::Bilou;
        assert_eq!(s.labels(), 17);
        let b = s.label(Part::Begin, NameKind::Person);
        let l = s.label(Part::Last, NameKind::Person);
        let u = s.label(Part::Unit, NameKind::Person);
        assert!(!s.allowed(Some(b), 0));
        assert!(!s.allowed(Some(b), u));
        assert!(s.allowed(Some(b), l));
        assert!(!s.allowed(None, l));
        assert!(s.allowed(Some(u), b));
        assert!(!s.allowed_end(b));
        assert!(s.allowed_end(l));
    }

    #[test]
    fn lenient_decoding_of_broken_sequences() {
        let s = Scheme::Bio;
        let i_per = s.label(Part::Inside, NameKind::Person);
        let i_loc = s.label(Part::Inside, NameKind::Location);
        assert_eq!(
            s.decode(&[i_per, i_per, i_loc, 0]),
            vec![
                chunk(0, 2, NameKind::Person),
                chunk(2, 3, NameKind::Location)
            ]
        );
    }
}
