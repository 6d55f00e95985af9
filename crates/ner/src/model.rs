//! The tagger: a linear model over hashed features, decoded with Viterbi.

use crate::conll::{self, ConllFile};
use crate::eval::{Conlleval, NerReport};
use crate::features::{self, Lexicon};
use crate::gazetteer::Gazetteers;
use crate::lattice::Lattice;
use crate::rules::RuleTagger;
use crate::scheme::{Chunk, Scheme};
use crate::tagging::{CachePool, Document, Key};
use crate::weights::WeightTable;
use crate::{NamedMention, NerError};
use kroniek_text::{Lang, Segmentation, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::OnceLock;

/// First bytes of every model file.
const MAGIC: &[u8; 8] = b"KRNNER01";

/// The Dutch model shipped with Kroniek (empty until one is trained).
static NL_MODEL: &[u8] = include_bytes!("../models/nl.model");

/// Where a model comes from and how good it is; stored in the model file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// The language code the model was trained for (`nl`).
    pub lang: String,
    /// The training data, by file name.
    pub trained_on: Vec<String>,
    /// Terms under which the model may be used, inherited from its training data.
    pub licence: String,
    /// Epochs run.
    pub epochs: usize,
    /// The epoch whose averaged weights were kept.
    pub best_epoch: usize,
    /// Overall F1 on the development file at the kept epoch, if one was given.
    pub dev_f1: Option<f64>,
    /// The gazetteers the model was trained with.
    pub gazetteers: Vec<String>,
}

/// Hasher for keys that are already hashes: one multiplication spreads them over all bits.
#[derive(Default)]
pub(crate) struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by feature hashes.
pub(crate) type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<MixHasher>>;

/// A named-entity tagger: a trained model plus the language data its features read.
#[derive(Debug, Clone)]
pub struct Tagger {
    info: ModelInfo,
    scheme: Scheme,
    /// Feature weights, by feature hash.
    weights: WeightTable,
    /// Learned transition scores, `(labels + 1) × labels` (the first row from the start).
    transitions: Vec<f32>,
    /// The transitions under the scheme's constraints, ready for Viterbi.
    lattice: Lattice,
    lexicon: Lexicon,
    gazetteers: Gazetteers,
    /// The first-stage tagger whose labels this (second-stage) tagger reads, if any.
    first: Option<Box<Tagger>>,
    /// For a language without a trained model: the rule-based recogniser that does the tagging.
    rules: Option<Box<RuleTagger>>,
    /// What tagging learned of the words of earlier documents (see `tagging`).
    caches: CachePool,
}

/// The serialised form of a model: weights quantised to `i16`, only non-zero ones kept,
/// feature hashes sorted and delta-encoded (postcard writes them as short varints).
#[derive(Serialize, Deserialize)]
struct ModelFile {
    feature_version: u32,
    info: ModelInfo,
    scheme: Scheme,
    transitions: Vec<f32>,
    scale: f32,
    key_deltas: Vec<u32>,
    counts: Vec<u8>,
    labels: Vec<u8>,
    values: Vec<i16>,
    lexicon_deltas: Vec<u32>,
    lexicon_classes: Vec<u8>,
    first: Option<Vec<u8>>,
}

impl Tagger {
    /// The tagger shipped for `lang`, loaded on first use: the trained Dutch model, and for
    /// English (no licensed English training data was available) the rule-based recogniser of
    /// [`Tagger::rule_based`]. `None` for other languages.
    pub fn builtin(lang: Lang) -> Option<&'static Tagger> {
        static NL: OnceLock<Option<Tagger>> = OnceLock::new();
        static EN: OnceLock<Option<Tagger>> = OnceLock::new();
        match lang {
            Lang::Nl => NL
                .get_or_init(|| Tagger::from_bytes(NL_MODEL).ok())
                .as_ref(),
            Lang::En => EN.get_or_init(|| Tagger::rule_based("en")).as_ref(),
            Lang::Other => None,
        }
    }

    /// A tagger without a trained model for language `code`: capitalised sequences typed by the
    /// word lists `lang/<code>/gazetteer_*.txt`, the place gazetteer of `kroniek-places`, titles
    /// and context, made consistent over the document. `None` when the language lacks the
    /// lists (first names and titles). Such a tagger tags and evaluates like a model but has no
    /// weights to save.
    pub fn rule_based(code: &str) -> Option<Tagger> {
        let rules = RuleTagger::for_language(code)?;
        let info = ModelInfo {
            lang: code.to_string(),
            trained_on: Vec::new(),
            licence: format!(
                "Rule-based: no training data. Word lists lang/{code}/gazetteer_*.txt \
                 (written for Kroniek; English first names CC0 from @stdlib datasets), \
                 places from kroniek-places."
            ),
            gazetteers: Gazetteers::for_language(code).names,
            ..ModelInfo::default()
        };
        let mut tagger = Tagger::from_parts(
            info,
            Scheme::Bio,
            Vec::new(),
            Vec::new(),
            Lexicon::default(),
        );
        tagger.rules = Some(Box::new(rules));
        Some(tagger)
    }

    /// Whether this tagger is rule-based (see [`Tagger::rule_based`]) rather than a trained model.
    pub fn is_rule_based(&self) -> bool {
        self.rules.is_some()
    }

    /// Builds a tagger from trained parts. `features` maps feature hashes to one weight per
    /// label; `transitions` has a row per previous label (the first row is the sentence start).
    pub(crate) fn from_parts(
        info: ModelInfo,
        scheme: Scheme,
        features: Vec<(u32, Vec<f32>)>,
        transitions: Vec<f32>,
        lexicon: Lexicon,
    ) -> Tagger {
        let labels = scheme.labels();
        let weights = WeightTable::new(labels, features);
        let gazetteers = Gazetteers::for_language(&info.lang);
        let mut transitions = transitions;
        transitions.resize((labels + 1) * labels, 0.0);
        let lattice = Lattice::new(scheme, &transitions);
        Tagger {
            info,
            scheme,
            weights,
            transitions,
            lattice,
            lexicon,
            gazetteers,
            first: None,
            rules: None,
            caches: CachePool::default(),
        }
    }

    /// Makes this tagger a second stage that reads the labels of `first`.
    pub(crate) fn with_first(mut self, first: Tagger) -> Tagger {
        self.first = Some(Box::new(first));
        self
    }

    /// What the model was trained on, its licence and its development score.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The number of features with weights (of both stages).
    pub fn feature_count(&self) -> usize {
        self.weights.len() + self.first.as_ref().map_or(0, |f| f.feature_count())
    }

    /// Finds the names in a document: each sentence of `segmentation` is tagged over its
    /// tokens, with casing evidence from the whole document.
    pub fn tag(&self, text: &str, segmentation: &Segmentation) -> Vec<NamedMention> {
        let sentences: Vec<Vec<Span>> = segmentation
            .sentences
            .iter()
            .map(|s| {
                segmentation
                    .tokens
                    .get(s.first_token..s.end_token)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|t| text.get(t.span.start..t.span.end).is_some())
                    .map(|t| t.span)
                    .collect()
            })
            .collect();
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|spans| spans.iter().map(|s| &text[s.start..s.end]).collect())
            .collect();
        let chunks = self.tag_document(&words);
        let trim = self.is_rule_based();
        sentences
            .iter()
            .zip(chunks)
            .flat_map(|(spans, chunks)| {
                chunks.into_iter().map(move |c| {
                    let mut span = Span::new(spans[c.start].start, spans[c.end - 1].end);
                    if trim {
                        span.end -= possessive_len(&text[span.start..span.end]);
                    }
                    NamedMention { span, kind: c.kind }
                })
            })
            .collect()
    }

    /// Tags the sentences of one document, given as tokens; returns each sentence's chunks.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Chunk>> {
        if let Some(rules) = &self.rules {
            return rules.tag_document(sentences);
        }
        let cache = self.caches.take();
        let mut doc = Document::new(sentences, &self.gazetteers, &self.lexicon, cache);
        let chunks = self.tag_prepared(&mut doc);
        self.caches.give(doc.into_cache());
        chunks
    }

    /// Tags a document: with this model's weights as stage 0 of the word cache, and the
    /// first stage's, if any, as stage 1.
    fn tag_prepared(&self, doc: &mut Document<'_>) -> Vec<Vec<Chunk>> {
        doc.prepare(0, &self.weights);
        let own = (0, &self.weights);
        let base: Vec<(Vec<Key>, Vec<usize>)> = (0..doc.len()).map(|s| doc.base_keys(s)).collect();
        let Some(first) = &self.first else {
            return base
                .iter()
                .enumerate()
                .map(|(s, (keys, offsets))| {
                    let emissions = doc.emissions(own, s, (keys, offsets), None);
                    self.scheme.decode(&self.lattice.best_path(&emissions))
                })
                .collect();
        };
        doc.prepare(1, &first.weights);
        let kinds: Vec<Vec<Option<crate::NameKind>>> = base
            .iter()
            .enumerate()
            .map(|(s, (keys, offsets))| {
                let emissions = doc.emissions((1, &first.weights), s, (keys, offsets), None);
                let chunks = first.scheme.decode(&first.lattice.best_path(&emissions));
                kinds_of(&chunks, doc.tokens(s))
            })
            .collect();
        doc.add_votes(&kinds);
        base.iter()
            .zip(&kinds)
            .enumerate()
            .map(|(s, ((keys, offsets), kinds))| {
                let stage = doc.stage_keys(s, kinds);
                let emissions = doc.emissions(own, s, (keys, offsets), Some((&stage.0, &stage.1)));
                self.scheme.decode(&self.lattice.best_path(&emissions))
            })
            .collect()
    }

    /// Scores the tagger on a CoNLL file with conlleval's semantics. The file's own tokens are
    /// tagged (not Kroniek's segmentation), one document (`-DOCSTART-`) at a time.
    pub fn evaluate(&self, file: &Path) -> Result<NerReport, NerError> {
        Ok(self.evaluate_parsed(&conll::read(file)?))
    }

    pub(crate) fn evaluate_parsed(&self, data: &ConllFile) -> NerReport {
        let mut eval = Conlleval::new();
        for _ in 0..data.docstarts {
            eval.docstart();
        }
        for doc in data.documents() {
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            for (sentence, chunks) in doc.iter().zip(self.tag_document(&words)) {
                let guessed = iob2(&chunks, sentence.words.len());
                let gold: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
                let guessed: Vec<&str> = guessed.iter().map(String::as_str).collect();
                eval.sentence(&gold, &guessed);
            }
        }
        eval.finish()
    }

    /// Writes the model to `path`.
    pub fn save(&self, path: &Path) -> Result<(), NerError> {
        std::fs::write(path, self.to_bytes()?).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Reads a model written by [`Tagger::save`].
    pub fn load(path: &Path) -> Result<Tagger, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Tagger::from_bytes(&bytes)
    }

    /// The model as bytes (see [`Tagger::save`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        if self.is_rule_based() {
            return Err(NerError::Model(
                "a rule-based tagger has no weights to save".into(),
            ));
        }
        let max = self.weights.max_abs();
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut keys: Vec<_> = self.weights.iter().collect();
        keys.sort_unstable_by_key(|(key, _)| *key);
        let mut file = ModelFile {
            feature_version: features::FEATURE_VERSION,
            info: self.info.clone(),
            scheme: self.scheme,
            transitions: self.transitions.clone(),
            scale,
            key_deltas: Vec::new(),
            counts: Vec::new(),
            labels: Vec::new(),
            values: Vec::new(),
            lexicon_deltas: Vec::new(),
            lexicon_classes: Vec::new(),
            first: self.first.as_ref().map(|f| f.to_bytes()).transpose()?,
        };
        let mut last = 0;
        for (key, row) in keys {
            let quantised: Vec<(u8, i16)> = row
                .iter()
                .enumerate()
                .map(|(l, w)| (l as u8, (w / scale).round() as i16))
                .filter(|(_, q)| *q != 0)
                .collect();
            if quantised.is_empty() {
                continue;
            }
            file.key_deltas.push(key - last);
            last = key;
            file.counts.push(quantised.len() as u8);
            for (l, q) in quantised {
                file.labels.push(l);
                file.values.push(q);
            }
        }
        let mut lexicon: Vec<(u32, u8)> =
            self.lexicon.classes.iter().map(|(k, c)| (*k, *c)).collect();
        lexicon.sort_unstable();
        let mut last = 0;
        for (key, class) in lexicon {
            file.lexicon_deltas.push(key - last);
            file.lexicon_classes.push(class);
            last = key;
        }
        let mut bytes = MAGIC.to_vec();
        let body = postcard::to_allocvec(&file).map_err(|e| NerError::Model(e.to_string()))?;
        bytes.extend_from_slice(&body);
        Ok(bytes)
    }

    /// Reads a model from bytes (see [`Tagger::save`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| NerError::Model("not a Kroniek NER model".into()))?;
        let file: ModelFile =
            postcard::from_bytes(body).map_err(|e| NerError::Model(e.to_string()))?;
        if file.feature_version != features::FEATURE_VERSION {
            return Err(NerError::Model(format!(
                "features version {} (this build uses {})",
                file.feature_version,
                features::FEATURE_VERSION
            )));
        }
        let labels = file.scheme.labels();
        let total: usize = file.counts.iter().map(|&c| usize::from(c)).sum();
        if file.key_deltas.len() != file.counts.len()
            || file.labels.len() != total
            || file.values.len() != total
            || file.lexicon_deltas.len() != file.lexicon_classes.len()
        {
            return Err(NerError::Model("inconsistent weight tables".into()));
        }
        let mut features = Vec::with_capacity(file.counts.len());
        let (mut key, mut at) = (0u32, 0usize);
        for (delta, &count) in file.key_deltas.iter().zip(&file.counts) {
            key = key.wrapping_add(*delta);
            let mut row = vec![0.0f32; labels];
            for j in at..at + usize::from(count) {
                let slot = row
                    .get_mut(usize::from(file.labels[j]))
                    .ok_or_else(|| NerError::Model("label out of range".into()))?;
                *slot = f32::from(file.values[j]) * file.scale;
            }
            at += usize::from(count);
            features.push((key, row));
        }
        let mut lexicon = Lexicon::default();
        let mut key = 0u32;
        for (delta, &class) in file.lexicon_deltas.iter().zip(&file.lexicon_classes) {
            key = key.wrapping_add(*delta);
            lexicon.classes.insert(key, class);
        }
        let tagger =
            Tagger::from_parts(file.info, file.scheme, features, file.transitions, lexicon);
        match file.first {
            Some(bytes) => Ok(tagger.with_first(Tagger::from_bytes(&bytes)?)),
            None => Ok(tagger),
        }
    }
}

/// The length in bytes of a possessive ending (`'s`, `’s`, or the `'` of `Reuters'`) of a
/// name's text, which is not part of the name; 0 when there is none.
fn possessive_len(name: &str) -> usize {
    let Some((at, last)) = name.char_indices().next_back() else {
        return 0;
    };
    let before = name[..at].chars().next_back();
    let apostrophe = |c: char| matches!(c, '\'' | '’');
    match (before, last) {
        (Some(b), 's' | 'S') if apostrophe(b) && at > b.len_utf8() => b.len_utf8() + 1,
        (Some('s'), c) if apostrophe(c) && at > 1 => c.len_utf8(),
        _ => 0,
    }
}

/// The kind of each of `len` tokens under `chunks` (`None` outside names).
pub(crate) fn kinds_of(chunks: &[Chunk], len: usize) -> Vec<Option<crate::NameKind>> {
    let mut kinds = vec![None; len];
    for c in chunks {
        for kind in kinds.iter_mut().take(c.end.min(len)).skip(c.start) {
            *kind = Some(c.kind);
        }
    }
    kinds
}

/// IOB2 tags (`B-PER`, `I-PER`, `O`) for chunks over `len` tokens.
pub(crate) fn iob2(chunks: &[Chunk], len: usize) -> Vec<String> {
    let mut tags = vec!["O".to_string(); len];
    for c in chunks {
        for (i, tag) in tags
            .iter_mut()
            .enumerate()
            .take(c.end.min(len))
            .skip(c.start)
        {
            let prefix = if i == c.start { "B" } else { "I" };
            *tag = format!("{prefix}-{}", c.kind.conll());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_spells_chunks() {
        let chunks = [Chunk {
            start: 1,
            end: 3,
            kind: crate::NameKind::Person,
        }];
        assert_eq!(iob2(&chunks, 4), vec!["O", "B-PER", "I-PER", "O"]);
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"KRNNER01garbage").is_err());
    }
}
