//! A trainable named-entity tagger for Kroniek: finds names of persons, organisations,
//! locations and other names (CoNLL's PER, ORG, LOC, MISC) in segmented text.
//!
//! The model is a linear sequence tagger: an averaged structured perceptron over hashed
//! features (word, shape, affixes, casing and sentence position, a two-word window, gazetteers
//! from `lang/<code>/gazetteer_*.txt`, a lowercase lexicon learned from text, and document-level
//! casing evidence), decoded with Viterbi under BILOU constraints. Everything is plain Rust;
//! a model file is a few megabytes and loads in milliseconds.
//!
//! - [`Tagger::builtin`] gives the tagger shipped for a language: a trained model for Dutch;
//!   for English, where no licensed training data was available, a rule-based recogniser
//!   ([`Tagger::rule_based`]) behind the same API.
//! - [`Tagger::tag`] tags a document given its [`Segmentation`].
//! - [`train`] trains a model from CoNLL files; [`Tagger::evaluate`] scores one with conlleval's
//!   semantics.

mod conll;
mod eval;
mod features;
mod gazetteer;
#[cfg(test)]
mod golden;
mod lattice;
mod model;
mod rules;
mod scheme;
mod tagging;
mod train;
mod weights;

pub use conll::{read as read_conll, ConllFile, ConllSentence};
pub use eval::{chunks as conll_chunks, Conlleval, NerReport, TypeScores};
pub use model::{ModelInfo, Tagger};
pub use scheme::{Chunk, Scheme};
pub use train::{train, TrainOptions};

use kroniek_text::{CharOffsets, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The kind of a named entity (CoNLL's four types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// A person (CoNLL `PER`).
    Person,
    /// A company, party, club, institution... (CoNLL `ORG`).
    Organisation,
    /// A place: country, city, region, river, building... (CoNLL `LOC`).
    Location,
    /// Any other name: events, nationalities, titles of works, products (CoNLL `MISC`).
    Misc,
}

impl NameKind {
    /// All kinds, in label order.
    pub const ALL: [NameKind; 4] = [
        NameKind::Person,
        NameKind::Organisation,
        NameKind::Location,
        NameKind::Misc,
    ];

    /// The position in [`NameKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The CoNLL type name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn conll(self) -> &'static str {
        match self {
            NameKind::Person => "PER",
            NameKind::Organisation => "ORG",
            NameKind::Location => "LOC",
            NameKind::Misc => "MISC",
        }
    }

    /// Reads a type name as used by CoNLL and similar corpora (case-insensitive).
    pub fn from_conll(name: &str) -> Option<NameKind> {
        match name.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(NameKind::Person),
            "ORG" | "ORGANISATION" | "ORGANIZATION" => Some(NameKind::Organisation),
            "LOC" | "LOCATION" | "GPE" => Some(NameKind::Location),
            "MISC" | "MISCELLANEOUS" => Some(NameKind::Misc),
            _ => None,
        }
    }
}

/// A name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NamedMention {
    /// From the first character of the name's first token to the end of its last token.
    pub span: Span,
    /// What the name names.
    pub kind: NameKind,
}

impl ToCharOffsets for NamedMention {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

/// What can go wrong when reading data, training or loading a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A training or evaluation file is malformed.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file is not a model of this version of Kroniek.
    #[error("not a usable model: {0}")]
    Model(String),
    /// Training was asked to learn from no sentences.
    #[error("no training sentences")]
    NoTrainingData,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_snake_case_and_parse_conll() {
        let json = serde_json::to_string(&NameKind::Organisation).expect("serialises");
        assert_eq!(json, "\"organisation\"");
        for kind in NameKind::ALL {
            assert_eq!(NameKind::from_conll(kind.conll()), Some(kind));
        }
        assert_eq!(NameKind::from_conll("DATE"), None);
    }

    #[test]
    fn mentions_convert_to_char_offsets() {
        let text = "Één Gent";
        let mut m = NamedMention {
            span: Span::new(6, 10),
            kind: NameKind::Location,
        };
        m.to_char_offsets(&CharOffsets::new(text));
        assert_eq!(m.span, Span::new(4, 8));
    }
}
