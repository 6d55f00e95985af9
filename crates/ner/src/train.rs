//! Training: an averaged structured perceptron (Collins 2002) over CoNLL data.
//!
//! Each epoch visits the training sentences in a fresh random order, decodes each with Viterbi
//! under the current weights and, where the best sequence differs from the gold one, moves the
//! weights towards the gold features and away from the predicted ones. The weights kept are the
//! average over all steps (which generalises much better than the last ones), from the epoch
//! that scored best on the development file.

use crate::conll::{self, ConllFile, ConllSentence};
use crate::eval::{self, Conlleval};
use crate::features::{self, hash, Case, DocStats, Lexicon, TokenInfo};
use crate::gazetteer::Gazetteers;
use crate::lattice::Lattice;
use crate::model::{iob2, kinds_of, FeatureMap, ModelInfo, Tagger};
use crate::scheme::{Chunk, Scheme};
use crate::{NameKind, NerError};
use kroniek_text::Lang;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Settings for [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// The language of the data (selects the gazetteers under `lang/<code>/`).
    pub lang: Lang,
    /// Epochs to run; the best one on the development file is kept (the last without one).
    pub epochs: usize,
    /// How chunks are spelled as labels.
    pub scheme: Scheme,
    /// Seed of the sentence shuffling, so runs are reproducible.
    pub seed: u64,
    /// Extra unlabelled text (CoNLL or CoNLL-U files) for the lowercase lexicon.
    pub unlabelled: Vec<PathBuf>,
    /// Features whose largest absolute weight is below this are dropped from the model.
    pub min_weight: f32,
    /// The terms of use the model inherits from its data, stored in the model file.
    pub licence: String,
    /// Print per-epoch progress and development scores to standard error.
    pub verbose: bool,
    /// Train a second stage that reads the first stage's labels across the document.
    pub two_stage: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            lang: Lang::Nl,
            epochs: 15,
            scheme: Scheme::Bilou,
            seed: 7,
            unlabelled: Vec::new(),
            min_weight: 0.0,
            licence: "the terms of its training data".into(),
            verbose: true,
            two_stage: true,
        }
    }
}

/// One sentence ready for training: feature ids per token and gold labels.
struct Example {
    ids: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
}

/// The first-stage kinds of every token of every sentence of one document.
type DocKinds = Vec<Vec<Option<NameKind>>>;

/// What every training stage shares.
struct Setup<'a> {
    gazetteers: Gazetteers,
    lexicon: Lexicon,
    info: ModelInfo,
    options: &'a TrainOptions,
}

/// Development data with the path to name in errors.
struct Dev<'a> {
    path: &'a Path,
    file: &'a ConllFile,
}

/// Trains a tagger on CoNLL `files` (IOB1 or IOB2; `word [POS] tag`), printing the
/// development F1 after each epoch when `dev` is given and keeping the best epoch.
///
/// With [`TrainOptions::two_stage`], a first-stage model is trained, its labels for the
/// training documents are produced by models that did not see them (5-fold jackknifing), and
/// a second-stage model learns from them how a name's kind elsewhere in the document bears
/// on each token.
pub fn train(
    files: &[PathBuf],
    dev: Option<&Path>,
    options: TrainOptions,
) -> Result<Tagger, NerError> {
    let mut data = Vec::new();
    for file in files {
        data.push((file.clone(), conll::read(file)?));
    }
    let dev_file = dev.map(conll::read).transpose()?;
    let dev = dev
        .zip(dev_file.as_ref())
        .map(|(path, file)| Dev { path, file });
    let mut unlabelled = Vec::new();
    for file in &options.unlabelled {
        unlabelled.push(read_words(file)?);
    }
    let lexicon = learn_lexicon(
        data.iter()
            .flat_map(|(_, f)| f.sentences.iter().map(|s| s.words.as_slice()))
            .chain(unlabelled.iter().map(Vec::as_slice)),
    );
    let gazetteers = Gazetteers::for_language(options.lang.code());
    let info = ModelInfo {
        lang: options.lang.code().to_string(),
        trained_on: files
            .iter()
            .map(|f| {
                f.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect(),
        licence: options.licence.clone(),
        epochs: options.epochs,
        best_epoch: 0,
        dev_f1: None,
        gazetteers: gazetteers.names.clone(),
    };
    let setup = Setup {
        gazetteers,
        lexicon,
        info,
        options: &options,
    };
    let docs: Vec<(&Path, &[ConllSentence])> = data
        .iter()
        .flat_map(|(path, file)| {
            file.documents()
                .into_iter()
                .map(move |d| (path.as_path(), d))
        })
        .collect();
    if !options.two_stage {
        return fit(&setup, &docs, None, dev.as_ref(), None, options.epochs);
    }
    say(&options, "stage 1");
    let first = fit(&setup, &docs, None, dev.as_ref(), None, options.epochs)?;
    let epochs = first.info().best_epoch.max(1);
    let kinds = jackknife(&setup, &docs, &first, epochs)?;
    let dev_kinds = dev.as_ref().map(|d| {
        d.file
            .documents()
            .into_iter()
            .map(|doc| predict(&first, doc))
            .collect::<Vec<_>>()
    });
    say(&options, "stage 2");
    let second = fit(
        &setup,
        &docs,
        Some(&kinds),
        dev.as_ref(),
        dev_kinds.as_deref(),
        options.epochs,
    )?;
    Ok(second.with_first(first))
}

fn say(options: &TrainOptions, message: &str) {
    if options.verbose {
        eprintln!("{message}");
    }
}

/// First-stage kinds for every training document, each from a model trained without it.
fn jackknife(
    setup: &Setup<'_>,
    docs: &[(&Path, &[ConllSentence])],
    full: &Tagger,
    epochs: usize,
) -> Result<Vec<DocKinds>, NerError> {
    const FOLDS: usize = 5;
    let mut kinds: Vec<DocKinds> = vec![Vec::new(); docs.len()];
    if docs.len() < FOLDS {
        for (slot, (_, doc)) in kinds.iter_mut().zip(docs) {
            *slot = predict(full, doc);
        }
        return Ok(kinds);
    }
    for fold in 0..FOLDS {
        say(
            setup.options,
            &format!("stage 1, fold {} of {FOLDS}", fold + 1),
        );
        let rest: Vec<(&Path, &[ConllSentence])> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, d)| *d)
            .collect();
        let quiet = TrainOptions {
            verbose: false,
            ..setup.options.clone()
        };
        let fold_setup = Setup {
            options: &quiet,
            gazetteers: setup.gazetteers.clone(),
            lexicon: setup.lexicon.clone(),
            info: setup.info.clone(),
        };
        let model = fit(&fold_setup, &rest, None, None, None, epochs)?;
        for (i, (_, doc)) in docs.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            kinds[i] = predict(&model, doc);
        }
    }
    Ok(kinds)
}

/// The kinds a tagger gives every token of a document.
fn predict(tagger: &Tagger, doc: &[ConllSentence]) -> DocKinds {
    let words: Vec<Vec<&str>> = doc
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    tagger
        .tag_document(&words)
        .iter()
        .zip(doc)
        .map(|(chunks, s)| kinds_of(chunks, s.words.len()))
        .collect()
}

/// Trains one stage on `docs` (with first-stage `kinds` for a second stage).
fn fit(
    setup: &Setup<'_>,
    docs: &[(&Path, &[ConllSentence])],
    kinds: Option<&[DocKinds]>,
    dev: Option<&Dev<'_>>,
    dev_kinds: Option<&[DocKinds]>,
    epochs: usize,
) -> Result<Tagger, NerError> {
    let mut trainer = Trainer::new(setup.options.scheme);
    let mut examples = Vec::new();
    for (i, (path, doc)) in docs.iter().enumerate() {
        let doc_kinds = kinds.and_then(|k| k.get(i)).map(Vec::as_slice);
        examples.extend(trainer.examples(doc, setup, doc_kinds, true, path)?);
    }
    if examples.is_empty() {
        return Err(NerError::NoTrainingData);
    }
    let dev_set = match dev {
        Some(d) => Some(trainer.dev_examples(d, setup, dev_kinds)?),
        None => None,
    };
    let options = TrainOptions {
        epochs,
        ..setup.options.clone()
    };
    trainer.run(
        &examples,
        dev_set.as_ref(),
        setup.info.clone(),
        setup.lexicon.clone(),
        &options,
    )
}

/// Reads the words of a CoNLL (`word ... tag`) or CoNLL-U (`id word ...`) file.
fn read_words(path: &Path) -> Result<Vec<String>, NerError> {
    let bytes = std::fs::read(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = conll::decode(bytes);
    let conllu = path.extension().is_some_and(|e| e == "conllu");
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("-DOCSTART-"))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            if conllu {
                let id = fields.next()?;
                // Skip multi-word token ranges (`3-4`) and empty nodes (`3.1`).
                (!id.contains(['-', '.'])).then(|| fields.next()).flatten()
            } else {
                l.split_whitespace().next()
            }
        })
        .map(str::to_string)
        .collect())
}

/// Learns which words occur lowercased in running text: class 2 when a word is written in
/// lowercase more often than capitalised inside sentences, 1 when it occurs lowercased at all.
fn learn_lexicon<'a>(sentences: impl Iterator<Item = &'a [String]>) -> Lexicon {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for sentence in sentences {
        let words: Vec<&str> = sentence.iter().map(String::as_str).collect();
        for token in features::analyse(&words) {
            let entry = counts.entry(token.lower).or_default();
            if token.case == Case::Lower {
                entry.0 += 1;
            } else if token.case.capitalised() && !token.initial {
                entry.1 += 1;
            }
        }
    }
    let classes = counts
        .into_iter()
        .filter(|(_, (lower, _))| *lower > 0)
        .map(|(word, (lower, capitalised))| {
            let class = if lower > capitalised { 2 } else { 1 };
            (hash(0, &[word.as_bytes()]), class)
        })
        .collect();
    Lexicon { classes }
}

/// Gold chunks of a sentence, read with conlleval's rules.
fn gold_chunks(tags: &[String], path: &Path) -> Result<Vec<Chunk>, NerError> {
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    eval::chunks(&tags)
        .into_iter()
        .map(|(start, end, kind)| {
            NameKind::from_conll(&kind)
                .map(|kind| Chunk { start, end, kind })
                .ok_or_else(|| NerError::Format {
                    path: path.to_path_buf(),
                    line: 0,
                    message: format!(
                        "unknown entity type {kind:?} (expected PER, ORG, LOC or MISC)"
                    ),
                })
        })
        .collect()
}

/// The perceptron's state: weights and their running sums for averaging.
struct Trainer {
    scheme: Scheme,
    labels: usize,
    ids: FeatureMap<u32>,
    keys: Vec<u32>,
    weights: Vec<f32>,
    sums: Vec<f64>,
    transitions: Vec<f32>,
    transition_sums: Vec<f64>,
    step: f64,
}

/// Averaged weights and transitions at one point of training.
struct Snapshot {
    weights: Vec<f32>,
    transitions: Vec<f32>,
}

impl Trainer {
    fn new(scheme: Scheme) -> Trainer {
        let labels = scheme.labels();
        Trainer {
            scheme,
            labels,
            ids: FeatureMap::default(),
            keys: Vec::new(),
            weights: Vec::new(),
            sums: Vec::new(),
            transitions: vec![0.0; (labels + 1) * labels],
            transition_sums: vec![0.0; (labels + 1) * labels],
            step: 1.0,
        }
    }

    /// Feature ids of one document's sentences; new features get ids only when `grow`.
    fn examples(
        &mut self,
        doc: &[ConllSentence],
        setup: &Setup<'_>,
        kinds: Option<&[Vec<Option<NameKind>>]>,
        grow: bool,
        path: &Path,
    ) -> Result<Vec<Example>, NerError> {
        let analysed: Vec<Vec<TokenInfo>> = doc
            .iter()
            .map(|s| features::analyse(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        let stats = DocStats::new(&analysed, kinds);
        let ctx = features::Context {
            gazetteers: &setup.gazetteers,
            lexicon: &setup.lexicon,
            doc: &stats,
        };
        let mut out = Vec::with_capacity(doc.len());
        for (n, (sentence, tokens)) in doc.iter().zip(&analysed).enumerate() {
            let own = kinds.and_then(|k| k.get(n)).map(Vec::as_slice);
            let (hashes, raw_offsets) = features::extract(tokens, &ctx, own);
            let mut ids = Vec::with_capacity(hashes.len());
            let mut offsets = vec![0];
            for w in raw_offsets.windows(2) {
                for &h in &hashes[w[0]..w[1]] {
                    if let Some(id) = self.id(h, grow) {
                        ids.push(id);
                    }
                }
                offsets.push(ids.len());
            }
            let gold = self
                .scheme
                .encode(&gold_chunks(&sentence.tags, path)?, sentence.words.len());
            out.push(Example { ids, offsets, gold });
        }
        Ok(out)
    }

    fn dev_examples(
        &mut self,
        dev: &Dev<'_>,
        setup: &Setup<'_>,
        kinds: Option<&[DocKinds]>,
    ) -> Result<DevSet, NerError> {
        let mut examples = Vec::new();
        let mut tags = Vec::new();
        for (i, doc) in dev.file.documents().into_iter().enumerate() {
            let doc_kinds = kinds.and_then(|k| k.get(i)).map(Vec::as_slice);
            examples.extend(self.examples(doc, setup, doc_kinds, false, dev.path)?);
            tags.extend(doc.iter().map(|s| s.tags.clone()));
        }
        Ok(DevSet {
            examples,
            tags,
            docstarts: dev.file.docstarts,
        })
    }

    fn id(&mut self, key: u32, grow: bool) -> Option<u32> {
        if let Some(&id) = self.ids.get(&key) {
            return Some(id);
        }
        if !grow {
            return None;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key, id);
        self.keys.push(key);
        self.weights.extend(std::iter::repeat_n(0.0, self.labels));
        self.sums.extend(std::iter::repeat_n(0.0, self.labels));
        Some(id)
    }

    fn run(
        &mut self,
        examples: &[Example],
        dev: Option<&DevSet>,
        mut info: ModelInfo,
        lexicon: Lexicon,
        options: &TrainOptions,
    ) -> Result<Tagger, NerError> {
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = options.seed.max(1);
        let mut best: Option<(f64, usize, Snapshot)> = None;
        for epoch in 1..=options.epochs.max(1) {
            shuffle(&mut order, &mut rng);
            let mut errors = 0;
            for &i in &order {
                let example = &examples[i];
                let lattice = Lattice::new(self.scheme, &self.transitions);
                let predicted = decode(&self.weights, &lattice, self.labels, example);
                if predicted != example.gold {
                    errors += 1;
                    self.update(example, &predicted);
                }
                self.step += 1.0;
            }
            let snapshot = self.average();
            let f1 = dev.map(|d| d.f1(&snapshot, self.scheme));
            if options.verbose {
                let dev = f1.map_or_else(String::new, |f| format!(", dev F1 {:.2}", 100.0 * f));
                eprintln!(
                    "epoch {epoch}: {errors} of {} sentences wrong{dev}",
                    examples.len()
                );
            }
            let score = f1.unwrap_or(epoch as f64);
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, epoch, snapshot));
            }
        }
        let Some((score, epoch, snapshot)) = best else {
            return Err(NerError::NoTrainingData);
        };
        info.best_epoch = epoch;
        info.dev_f1 = dev.map(|_| score);
        if options.verbose {
            eprintln!("kept epoch {epoch}");
        }
        let features = self
            .keys
            .iter()
            .enumerate()
            .map(|(id, &key)| {
                (
                    key,
                    snapshot.weights[id * self.labels..(id + 1) * self.labels].to_vec(),
                )
            })
            .filter(|(_, row)| row.iter().any(|w| w.abs() > options.min_weight))
            .collect();
        Ok(Tagger::from_parts(
            info,
            self.scheme,
            features,
            snapshot.transitions,
            lexicon,
        ))
    }

    fn update(&mut self, example: &Example, predicted: &[usize]) {
        let labels = self.labels;
        let step = self.step;
        let bump = |weights: &mut [f32], sums: &mut [f64], at: usize, delta: f32| {
            weights[at] += delta;
            sums[at] += step * f64::from(delta);
        };
        for (i, (&gold, &guess)) in example.gold.iter().zip(predicted).enumerate() {
            if gold != guess {
                for &id in &example.ids[example.offsets[i]..example.offsets[i + 1]] {
                    let row = id as usize * labels;
                    bump(&mut self.weights, &mut self.sums, row + gold, 1.0);
                    bump(&mut self.weights, &mut self.sums, row + guess, -1.0);
                }
            }
            let prev_gold = if i == 0 { 0 } else { example.gold[i - 1] + 1 };
            let prev_guess = if i == 0 { 0 } else { predicted[i - 1] + 1 };
            if (prev_gold, gold) != (prev_guess, guess) {
                let (t, s) = (&mut self.transitions, &mut self.transition_sums);
                bump(t, s, prev_gold * labels + gold, 1.0);
                bump(t, s, prev_guess * labels + guess, -1.0);
            }
        }
    }

    /// The averaged weights: `w - sums / step` (Daumé's trick for lazy averaging).
    fn average(&self) -> Snapshot {
        let average = |w: &[f32], s: &[f64]| -> Vec<f32> {
            w.iter()
                .zip(s)
                .map(|(w, s)| (f64::from(*w) - s / self.step) as f32)
                .collect()
        };
        Snapshot {
            weights: average(&self.weights, &self.sums),
            transitions: average(&self.transitions, &self.transition_sums),
        }
    }
}

/// The development data: examples for decoding, raw tags for conlleval.
struct DevSet {
    examples: Vec<Example>,
    tags: Vec<Vec<String>>,
    docstarts: usize,
}

impl DevSet {
    fn f1(&self, snapshot: &Snapshot, scheme: Scheme) -> f64 {
        let lattice = Lattice::new(scheme, &snapshot.transitions);
        let mut eval = Conlleval::new();
        for _ in 0..self.docstarts {
            eval.docstart();
        }
        for (example, gold) in self.examples.iter().zip(&self.tags) {
            let predicted = decode(&snapshot.weights, &lattice, scheme.labels(), example);
            let guessed = iob2(&scheme.decode(&predicted), gold.len());
            let guessed: Vec<&str> = guessed.iter().map(String::as_str).collect();
            let gold: Vec<&str> = gold.iter().map(String::as_str).collect();
            eval.sentence(&gold, &guessed);
        }
        eval.finish().f1()
    }
}

/// Viterbi decoding of one example under dense weights.
fn decode(weights: &[f32], lattice: &Lattice, labels: usize, example: &Example) -> Vec<usize> {
    let n = example.offsets.len() - 1;
    let mut emissions = vec![0.0f32; n * labels];
    for i in 0..n {
        let out = &mut emissions[i * labels..(i + 1) * labels];
        for &id in &example.ids[example.offsets[i]..example.offsets[i + 1]] {
            let row = &weights[id as usize * labels..(id as usize + 1) * labels];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }
    lattice.best_path(&emissions)
}

/// Fisher–Yates shuffle with a xorshift generator.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kroniek_text::segment;

    /// A tiny corpus with the same pattern repeated, enough to learn it.
    fn tiny_corpus(dir: &Path) -> PathBuf {
        let mut text = String::from("-DOCSTART- -DOCSTART- O\n\n");
        let names = [("Jan", "Peeters"), ("Marie", "Claes"), ("Piet", "Janssens")];
        let places = ["Gent", "Brussel", "Antwerpen"];
        for round in 0..4 {
            for (k, (first, last)) in names.iter().enumerate() {
                let place = places[(k + round) % places.len()];
                text.push_str(&format!(
                    "{first} N B-PER\n{last} N I-PER\nwoont V O\nin Prep O\n{place} N B-LOC\n. Punc O\n\n"
                ));
                text.push_str(&format!(
                    "Gisteren Adv O\nzei V O\n{first} N B-PER\niets Pron O\n. Punc O\n\n"
                ));
            }
        }
        let path = dir.join("tiny.conll");
        std::fs::write(&path, text).expect("write corpus");
        path
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kroniek-ner-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn learns_a_tiny_corpus_and_round_trips() {
        let dir = temp_dir("tiny");
        let corpus = tiny_corpus(&dir);
        let options = TrainOptions {
            epochs: 5,
            verbose: false,
            ..TrainOptions::default()
        };
        let tagger = train(std::slice::from_ref(&corpus), Some(&corpus), options).expect("trains");
        let report = tagger.evaluate(&corpus).expect("evaluates");
        assert_eq!(report.f1(), 1.0, "{report}");
        assert_eq!(tagger.info().dev_f1, Some(1.0));

        let model = dir.join("tiny.model");
        tagger.save(&model).expect("saves");
        let loaded = Tagger::load(&model).expect("loads");
        assert_eq!(loaded.info(), tagger.info());
        assert_eq!(loaded.feature_count(), tagger.feature_count());
        let text = "Marie Claes woont in Gent.";
        let seg = segment(text, Lang::Nl);
        let found = loaded.tag(text, &seg);
        assert_eq!(found, tagger.tag(text, &seg));
        let spans: Vec<(&str, NameKind)> =
            found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        assert_eq!(
            spans,
            vec![
                ("Marie Claes", NameKind::Person),
                ("Gent", NameKind::Location)
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn no_sentences_is_an_error() {
        let dir = temp_dir("empty");
        let empty = dir.join("empty.conll");
        std::fs::write(&empty, "").expect("write");
        let result = train(
            &[empty],
            None,
            TrainOptions {
                verbose: false,
                ..Default::default()
            },
        );
        assert!(matches!(result, Err(NerError::NoTrainingData)));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn lexicon_classes() {
        let sentences = [
            vec![
                "De".to_string(),
                "man".into(),
                "zag".into(),
                "de".into(),
                "Man".into(),
            ],
            vec!["Gent".to_string(), "en".into(), "Gent".into()],
        ];
        let lexicon = learn_lexicon(sentences.iter().map(Vec::as_slice));
        assert_eq!(lexicon.classes.get(&hash(0, &[b"man"])), Some(&1));
        assert_eq!(lexicon.classes.get(&hash(0, &[b"de"])), Some(&2));
        assert_eq!(lexicon.classes.get(&hash(0, &[b"gent"])), None);
    }
}
