//! The tagging path: a document's label scores, with the work of each distinct word done once.
//!
//! Most features of a token depend on one word alone: its own form, lowercase, shape, affixes
//! and lexicon class, or a neighbour's word, shape or suffix. Texts repeat their words, so
//! each distinct token form is analysed once, its one-word features hashed once and looked up
//! once per stage (the lookups are what tagging spends most of its time on), and the rows of
//! the features every token list starts with (templates 1 to 13, and for a token neither
//! sentence-initial nor after an opening mark also 14, 15 and its length) are summed once per
//! word. A word also keeps the hash states of the word pairs it begins and its gazetteer
//! codes. What is known of a word does not depend on the document, so it is kept in a
//! [`WordCache`] from document to document (a tagger keeps a few, one per thread tagging at a
//! time, each bounded). Per token only the features of word pairs, position, gazetteers, runs
//! and the document's casing evidence are hashed (pairs from the first word's state) and
//! looked up. A token's scores are summed in a fixed-size array kept in registers.
//!
//! The features, their order and so the scores are exactly those of
//! [`features::extract`](crate::features::extract), which training uses: a token's score
//! starts from its word's partial sum (the same additions in the same order) and adds the
//! other rows in template order. The tests below check that both give the same features.

use crate::features::{
    affixes, hash, hash_prefix, hash_rest, others, run_part, runs_by, slot, stage_hashes, suffixes,
    Case, Lexicon, TokenInfo, BOS, EOS,
};
use crate::gazetteer::Gazetteers;
use crate::weights::WeightTable;
use crate::NameKind;
use rustc_hash::FxHashMap;
use std::sync::{LazyLock, Mutex};

/// The one-word features after templates 1 to 13, by the role the word has for the token
/// whose features they are (its own, a neighbour's, a run's first word...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Length,
    Prev,
    Prev2,
    Next,
    Next2,
    PrevShape,
    NextShape,
    PrevSuffix,
    NextSuffix,
    ClassInitial,
    ClassInner,
    RunLast,
    RunFirst,
    BeforeRun,
    AfterRun,
}

/// The number of roles.
const ROLES: usize = 15;

/// The word before a sentence (a pseudo-word, see [`BOS`]).
const BOS_ID: u32 = 0;
/// The word after a sentence (see [`EOS`]).
const EOS_ID: u32 = 1;

/// A row number for "no feature or no weights".
const NO_ROW: u32 = u32::MAX;

/// A feature of a token after templates 1 to 13: a word in a role, or the hash of a feature
/// of several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// A one-word feature: word number and role.
    Role(u32, Role),
    /// Any other feature, by hash.
    Hash(u32),
}

/// One distinct token form.
struct Word {
    info: TokenInfo,
    /// The number of the lowercased form in the cache.
    lower: u32,
    /// Whether the word has a letter or digit (ends the sentence start).
    alphanumeric: bool,
    /// Whether the lowercased word is a name particle (`van`).
    particle: bool,
    /// Whether the word opens a quotation or an aside (`"`, `(`, ...).
    opening: bool,
    /// The hashes of templates 1 to 13, in order.
    local: Vec<u32>,
    /// The hash of the feature in each role, where the word has one.
    roles: [Option<u32>; ROLES],
    /// The hash states of the word-pair features whose first part is this word (see
    /// [`Pair`]).
    pairs: [u64; PAIRS],
    /// The gazetteer codes of the word as a one-word entry, and whether it begins a longer
    /// entry (see [`Gazetteers::word_entry`]).
    gazetteer: (Vec<u32>, bool),
    /// The hashes of templates 14 (sentence-initial, inner) and 15 (not after an opening
    /// mark, after one) of the word's casing.
    cased: [u32; 4],
}

/// The word-pair features (templates 21 to 29), by what their first part is.
#[derive(Debug, Clone, Copy)]
enum Pair {
    /// Template 21: the previous word's lowercase form, then this one's.
    PrevWord,
    /// Template 22: this word, then the next.
    WordNext,
    /// Template 23: the word two before, then the previous one.
    Prev2Prev,
    /// Template 24: the next word, then the one after it.
    NextNext2,
    /// Template 28: the previous word, then this word's short shape.
    PrevShape,
    /// Template 27: the short shapes of the previous word, this one and the next.
    Shapes,
    /// Template 29: this word's short shape, then the next word.
    ShapeNext,
}

/// The number of [`Pair`]s.
const PAIRS: usize = 7;

impl Word {
    fn new(info: TokenInfo, lower: u32, gazetteers: &Gazetteers, lexicon: &Lexicon) -> Word {
        let mut local = vec![
            hash(1, &[]),
            hash(2, &[info.lower.as_bytes()]),
            hash(3, &[info.word.as_bytes()]),
        ];
        let (prefixes, suffix_list) = affixes(&info.lower);
        for (k, p) in prefixes.iter().enumerate() {
            local.push(hash(4 + k as u8, &[p.as_bytes()]));
        }
        for (k, s) in suffix_list.iter().enumerate() {
            local.push(hash(8 + k as u8, &[s.as_bytes()]));
        }
        local.push(hash(12, &[info.shape.as_bytes()]));
        local.push(hash(13, &[info.short_shape.as_bytes()]));
        let mut word = Word {
            lower,
            alphanumeric: info.word.chars().any(char::is_alphanumeric),
            particle: gazetteers.is_particle(&info.lower),
            opening: matches!(info.word.as_str(), "\"" | "'" | ":" | "(" | "-"),
            local,
            roles: [None; ROLES],
            pairs: [0; PAIRS],
            cased: [0; 4],
            gazetteer: gazetteers.word_entry(&info.lower),
            info,
        };
        word.set_roles(lexicon.class(&word.info.lower));
        word
    }

    /// The word before or after a sentence: its word and shape are `mark`.
    fn boundary(mark: &str) -> Word {
        let info = TokenInfo {
            word: mark.to_string(),
            lower: mark.to_string(),
            shape: mark.to_string(),
            short_shape: mark.to_string(),
            case: Case::Other,
            initial: false,
        };
        let mut word = Word {
            info,
            lower: u32::MAX,
            alphanumeric: false,
            particle: false,
            opening: false,
            local: Vec::new(),
            roles: [None; ROLES],
            pairs: [0; PAIRS],
            cased: [0; 4],
            gazetteer: (Vec::new(), false),
        };
        word.set_roles(0);
        word
    }

    /// Fills in the role hashes and the hash states of word pairs, given the word's lexicon
    /// `class`.
    fn set_roles(&mut self, class: u8) {
        let info = &self.info;
        let (lower, shape) = (info.lower.as_bytes(), info.short_shape.as_bytes());
        self.pairs = [
            hash_prefix(21, lower),
            hash_prefix(22, lower),
            hash_prefix(23, lower),
            hash_prefix(24, lower),
            hash_prefix(28, lower),
            hash_prefix(27, shape),
            hash_prefix(29, shape),
        ];
        let case = info.case.tag();
        self.cased = [
            hash(14, &[case, b"initial"]),
            hash(14, &[case, b"inner"]),
            hash(15, &[case, &[0]]),
            hash(15, &[case, &[1]]),
        ];
        let lower = info.lower.as_bytes();
        let shape = info.short_shape.as_bytes();
        let length = info.word.chars().count().min(12) as u8;
        let suffix = suffixes(&info.lower).take(3).last().map(str::as_bytes);
        let capitalised = info.case.capitalised();
        let class_at = |position: &[u8]| capitalised.then(|| hash(36, &[&[class], position]));
        self.roles = [
            Some(hash(16, &[&[length]])),
            Some(hash(17, &[lower])),
            Some(hash(18, &[lower])),
            Some(hash(19, &[lower])),
            Some(hash(20, &[lower])),
            Some(hash(25, &[shape])),
            Some(hash(26, &[shape])),
            suffix.map(|s| hash(30, &[s])),
            suffix.map(|s| hash(31, &[s])),
            class_at(b"initial"),
            class_at(b"inner"),
            Some(hash(39, &[lower])),
            Some(hash(40, &[lower])),
            Some(hash(41, &[lower])),
            Some(hash(42, &[lower])),
        ];
    }
}

/// What tagging knows of token forms, kept from document to document: the forms, their
/// one-word features and, per stage, those features' rows (see the module docs).
#[derive(Default)]
pub(crate) struct WordCache {
    /// Word number of each token form.
    ids: FxHashMap<String, u32>,
    /// Number of each lowercased form.
    lowers: FxHashMap<String, u32>,
    /// The forms, after the two sentence boundaries.
    words: Vec<Word>,
    /// Per stage (weight table), the rows of the words it has seen so far.
    stages: Vec<StageRows>,
}

/// The rows of the one-word features of a cache's words in one weight table.
#[derive(Default)]
struct StageRows {
    /// Per word, the sum of the rows of its templates 1 to 13 (`labels` scores).
    partial: Vec<f32>,
    /// Per word, `partial` plus the rows of the features every token of the word has next
    /// when it is neither sentence-initial nor after an opening mark, as most tokens are:
    /// templates 14 and 15 and its length ([`INNER_KEYS`] keys).
    inner: Vec<f32>,
    /// Per word and role, the row of the feature ([`NO_ROW`] where there is none).
    roles: Vec<u32>,
}

/// The number of keys of a token that [`StageRows::inner`] has added already.
const INNER_KEYS: usize = 3;

/// How many token forms a cache holds before it starts afresh (about 10 MB).
const CACHE_WORDS: usize = 30_000;

impl WordCache {
    /// The number of `token`'s form, analysing the form when it is new.
    fn intern(&mut self, token: &str, gazetteers: &Gazetteers, lexicon: &Lexicon) -> u32 {
        if self.words.is_empty() {
            self.words = vec![Word::boundary(BOS), Word::boundary(EOS)];
        }
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let info = TokenInfo::new(token);
        let next = self.lowers.len() as u32;
        let lower = *self.lowers.entry(info.lower.clone()).or_insert(next);
        self.words.push(Word::new(info, lower, gazetteers, lexicon));
        let id = (self.words.len() - 1) as u32;
        self.ids.insert(token.to_string(), id);
        id
    }

    /// Makes stage `k`'s rows cover every word, looking up the new ones in `table`.
    fn prepare(&mut self, k: usize, table: &WeightTable) {
        if self.stages.len() <= k {
            self.stages.resize_with(k + 1, StageRows::default);
        }
        let labels = table.labels();
        let stage = &mut self.stages[k];
        let known = stage.roles.len() / ROLES;
        for word in self.words.iter().skip(known) {
            let mut scores = vec![0.0f32; labels];
            for &key in &word.local {
                if let Some(row) = table.row_of(key) {
                    table.add_row(row, &mut scores);
                }
            }
            stage.partial.extend_from_slice(&scores);
            // The keys `Document::token_keys` starts with, for an inner token.
            let length = word.roles[Role::Length as usize];
            for key in [Some(word.cased[1]), Some(word.cased[2]), length] {
                if let Some(row) = key.and_then(|key| table.row_of(key)) {
                    table.add_row(row, &mut scores);
                }
            }
            stage.inner.extend_from_slice(&scores);
            stage.roles.extend(
                word.roles
                    .iter()
                    .map(|h| h.and_then(|h| table.row_of(h)).unwrap_or(NO_ROW)),
            );
        }
    }
}

/// A tagger's word caches, one per document being tagged at a time.
#[derive(Default)]
pub(crate) struct CachePool(Mutex<Vec<WordCache>>);

impl CachePool {
    /// A cache for one document: a kept one (emptied when it holds too many forms) or a new
    /// one.
    pub fn take(&self) -> WordCache {
        let cache = self.0.lock().ok().and_then(|mut pool| pool.pop());
        match cache {
            Some(cache) if cache.words.len() <= CACHE_WORDS => cache,
            _ => WordCache::default(),
        }
    }

    /// Keeps `cache` for the next document.
    pub fn give(&self, cache: WordCache) {
        if let Ok(mut pool) = self.0.lock() {
            pool.push(cache);
        }
    }
}

impl Clone for CachePool {
    /// A new pool: caches are tied to the tagger that filled them.
    fn clone(&self) -> CachePool {
        CachePool::default()
    }
}

impl std::fmt::Debug for CachePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CachePool")
    }
}

/// A document ready for tagging: its sentences as word numbers of a [`WordCache`].
pub(crate) struct Document<'a> {
    gazetteers: &'a Gazetteers,
    cache: WordCache,
    /// Each sentence's tokens: word number and whether the token is sentence-initial.
    sentences: Vec<Vec<(u32, bool)>>,
    /// Per lowercased form: whether the document has it capitalised inside a sentence, and
    /// lowercased.
    casing: FxHashMap<u32, [bool; 2]>,
    /// First-stage votes per lowercased form (see [`crate::features::DocStats`]).
    votes: FxHashMap<u32, [u16; 5]>,
}

impl<'a> Document<'a> {
    /// Analyses a document given as sentences of tokens, with the language data of a model
    /// and the forms known to `cache`.
    pub fn new(
        sentences: &[Vec<&str>],
        gazetteers: &'a Gazetteers,
        lexicon: &Lexicon,
        mut cache: WordCache,
    ) -> Self {
        let mut casing: FxHashMap<u32, [bool; 2]> = FxHashMap::default();
        let mut doc_sentences = Vec::with_capacity(sentences.len());
        for tokens in sentences {
            let mut seen_word = false;
            let mut sentence = Vec::with_capacity(tokens.len());
            for &token in tokens {
                let id = cache.intern(token, gazetteers, lexicon);
                let initial = !seen_word;
                let word = &cache.words[id as usize];
                if word.info.case == Case::Lower {
                    casing.entry(word.lower).or_default()[1] = true;
                } else if word.info.case.capitalised() && !initial {
                    casing.entry(word.lower).or_default()[0] = true;
                }
                sentence.push((id, initial));
                seen_word |= word.alphanumeric;
            }
            doc_sentences.push(sentence);
        }
        Document {
            gazetteers,
            cache,
            sentences: doc_sentences,
            casing,
            votes: FxHashMap::default(),
        }
    }

    /// Gives the word cache back, for the next document.
    pub fn into_cache(self) -> WordCache {
        self.cache
    }

    /// Makes stage `k`'s rows (from `table`) cover the document's words.
    pub fn prepare(&mut self, k: usize, table: &WeightTable) {
        self.cache.prepare(k, table);
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// The number of tokens of sentence `s`.
    pub fn tokens(&self, s: usize) -> usize {
        self.sentences.get(s).map_or(0, Vec::len)
    }

    fn word(&self, id: u32) -> &Word {
        &self.cache.words[id as usize]
    }

    fn info(&self, id: u32) -> &TokenInfo {
        &self.word(id).info
    }

    /// The features every stage shares of sentence `s`, after each token's templates 1 to
    /// 13: the keys of token `i` are `keys[offsets[i]..offsets[i + 1]]`.
    pub fn base_keys(&self, s: usize) -> (Vec<Key>, Vec<usize>) {
        let tokens = self.sentences.get(s).map_or(&[][..], Vec::as_slice);
        let lowers: Vec<&str> = tokens
            .iter()
            .map(|&(id, _)| self.info(id).lower.as_str())
            .collect();
        let gaz = self.gazetteers.match_known(&lowers, |i| {
            let (units, prefix) = &self.word(tokens[i].0).gazetteer;
            (units.as_slice(), *prefix)
        });
        let runs = runs_by(
            tokens.len(),
            |i| self.info(tokens[i].0).case,
            |i| self.word(tokens[i].0).particle,
        );
        let mut keys = Vec::with_capacity(tokens.len() * 32);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        offsets.push(0);
        let mut run = runs.iter().peekable();
        for i in 0..tokens.len() {
            self.token_keys(tokens, &gaz, i, &mut keys);
            while run.peek().is_some_and(|r| r.1 <= i) {
                run.next();
            }
            if let Some(r) = run.peek().filter(|r| r.0 <= i) {
                run_keys(tokens, **r, i, &mut keys);
            }
            offsets.push(keys.len());
        }
        (keys, offsets)
    }

    /// The features of token `i` after templates 1 to 13 and before the run features, as
    /// `features::token_features` lists them.
    fn token_keys(&self, tokens: &[(u32, bool)], gaz: &[Vec<u32>], i: usize, out: &mut Vec<Key>) {
        let (id, initial) = tokens[i];
        let this = self.word(id);
        let t = &this.info;
        let word = |at: isize| word_at(tokens, at);
        let after_opening = i > 0 && self.word(word(i as isize - 1)).opening;
        // The first `INNER_KEYS` keys, which `StageRows::inner` sums for an inner token.
        out.push(Key::Hash(this.cased[usize::from(!initial)]));
        out.push(Key::Hash(this.cased[2 + usize::from(after_opening)]));
        out.push(Key::Role(id, Role::Length));

        let at = i as isize;
        let (p2, p1, n1, n2) = (word(at - 2), word(at - 1), word(at + 1), word(at + 2));
        out.extend([
            Key::Role(p1, Role::Prev),
            Key::Role(p2, Role::Prev2),
            Key::Role(n1, Role::Next),
            Key::Role(n2, Role::Next2),
        ]);
        let lower = |id: u32| self.info(id).lower.as_bytes();
        let (w, lp1, ln1, ln2) = (lower(id), lower(p1), lower(n1), lower(n2));
        let pair = |id: u32, pair: Pair| self.word(id).pairs[pair as usize];
        out.extend([
            Key::Hash(hash_rest(pair(p1, Pair::PrevWord), &[w])),
            Key::Hash(hash_rest(pair(id, Pair::WordNext), &[ln1])),
            Key::Hash(hash_rest(pair(p2, Pair::Prev2Prev), &[lp1])),
            Key::Hash(hash_rest(pair(n1, Pair::NextNext2), &[ln2])),
        ]);

        let shape = |id: u32| self.info(id).short_shape.as_bytes();
        let (s0, sn1) = (shape(id), shape(n1));
        out.extend([
            Key::Role(p1, Role::PrevShape),
            Key::Role(n1, Role::NextShape),
            Key::Hash(hash_rest(pair(p1, Pair::Shapes), &[s0, sn1])),
            Key::Hash(hash_rest(pair(p1, Pair::PrevShape), &[s0])),
            Key::Hash(hash_rest(pair(id, Pair::ShapeNext), &[ln1])),
        ]);
        if i > 0 {
            out.push(Key::Role(p1, Role::PrevSuffix));
        }
        if i + 1 < tokens.len() {
            out.push(Key::Role(n1, Role::NextSuffix));
        }

        for &g in gaz.get(i).map_or(&[][..], Vec::as_slice) {
            out.push(Key::Hash(hash(32, &[&g.to_le_bytes()])));
            out.push(Key::Hash(hash(33, &[&g.to_le_bytes(), t.case.tag()])));
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| gaz.get(p)) {
            out.extend(p.iter().map(|g| Key::Hash(hash(34, &[&g.to_le_bytes()]))));
        }
        if let Some(n) = gaz.get(i + 1) {
            out.extend(n.iter().map(|g| Key::Hash(hash(35, &[&g.to_le_bytes()]))));
        }

        if t.case.capitalised() {
            let class = if initial {
                Role::ClassInitial
            } else {
                Role::ClassInner
            };
            let casing = self.casing.get(&self.word(id).lower).copied();
            let [inner, lowered] = casing.unwrap_or_default().map(usize::from);
            out.push(Key::Role(id, class));
            out.push(Key::Hash(
                CASING_HASHES[inner * 4 + lowered * 2 + usize::from(!initial)],
            ));
        }
    }

    /// Records the first-stage kinds of the document's capitalised tokens, per sentence.
    pub fn add_votes(&mut self, kinds: &[Vec<Option<NameKind>>]) {
        for (tokens, kinds) in self.sentences.iter().zip(kinds) {
            for (&(id, _), kind) in tokens.iter().zip(kinds) {
                let word = &self.cache.words[id as usize];
                if word.info.case.capitalised() {
                    let votes = self.votes.entry(word.lower).or_default();
                    votes[slot(*kind)] = votes[slot(*kind)].saturating_add(1);
                }
            }
        }
    }

    /// The second-stage feature hashes of sentence `s` given the first stage's `kinds`,
    /// token `i`'s at `hashes[offsets[i]..offsets[i + 1]]`.
    pub fn stage_keys(&self, s: usize, kinds: &[Option<NameKind>]) -> (Vec<u32>, Vec<usize>) {
        let tokens = self.sentences.get(s).map_or(&[][..], Vec::as_slice);
        let mut hashes = Vec::with_capacity(tokens.len() * 4);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        offsets.push(0);
        for (i, &(id, _)) in tokens.iter().enumerate() {
            let word = self.word(id);
            let own = kinds.get(i).copied().flatten();
            let votes = || {
                others(
                    self.votes.get(&word.lower).copied().unwrap_or_default(),
                    own,
                )
            };
            stage_hashes(word.info.case.capitalised(), own, votes, &mut hashes);
            offsets.push(hashes.len());
        }
        (hashes, offsets)
    }
}

/// The hashes of template 37 (the document's casing evidence for a capitalised word, and its
/// position), at `inner × 4 + lowered × 2 + (not sentence-initial)`.
static CASING_HASHES: LazyLock<[u32; 8]> = LazyLock::new(|| {
    std::array::from_fn(|k| {
        let position: &[u8] = if k % 2 == 0 { b"initial" } else { b"inner" };
        hash(37, &[&[(k / 4) as u8, (k / 2 % 2) as u8], position])
    })
});

/// The word at `at` of a sentence, or the boundary before or after it.
fn word_at(tokens: &[(u32, bool)], at: isize) -> u32 {
    if at < 0 {
        BOS_ID
    } else {
        tokens.get(at as usize).map_or(EOS_ID, |t| t.0)
    }
}

/// The features of token `i` inside the run `start..end` (see `features::run_features`).
fn run_keys(tokens: &[(u32, bool)], (start, end): (usize, usize), i: usize, out: &mut Vec<Key>) {
    let len = end - start;
    out.push(Key::Hash(hash(
        38,
        &[run_part((start, end), i), &[len.min(5) as u8]],
    )));
    if len > 1 {
        out.push(Key::Role(tokens[end - 1].0, Role::RunLast));
        out.push(Key::Role(tokens[start].0, Role::RunFirst));
    }
    out.push(Key::Role(
        word_at(tokens, start as isize - 1),
        Role::BeforeRun,
    ));
    out.push(Key::Role(word_at(tokens, end as isize), Role::AfterRun));
}

impl Document<'_> {
    /// The label scores from `table`, whose word rows are stage `k`'s (see
    /// [`Document::prepare`]), of sentence `s` (`labels` per token) given its base features
    /// `(keys, offsets)` from [`Document::base_keys`] and, for a second stage, the stage
    /// features from [`Document::stage_keys`].
    pub fn emissions(
        &self,
        (k, table): (usize, &WeightTable),
        s: usize,
        (keys, offsets): (&[Key], &[usize]),
        stage: Option<(&[u32], &[usize])>,
    ) -> Vec<f32> {
        let labels = table.labels();
        let tokens = self.sentences.get(s).map_or(&[][..], Vec::as_slice);
        let mut out = vec![0.0f32; tokens.len() * labels];
        let Some(rows) = self.cache.stages.get(k) else {
            return out;
        };
        let features = Features {
            rows,
            words: &self.cache.words,
            table,
            keys,
            offsets,
            stage,
        };
        match labels {
            17 => features.scores::<17>(tokens, &mut out),
            9 => features.scores::<9>(tokens, &mut out),
            _ => features.scores_any(tokens, &mut out),
        }
        out
    }
}

/// What the label scores of a sentence's tokens are summed from (see [`Document::emissions`]).
struct Features<'d> {
    rows: &'d StageRows,
    words: &'d [Word],
    table: &'d WeightTable,
    keys: &'d [Key],
    offsets: &'d [usize],
    stage: Option<(&'d [u32], &'d [usize])>,
}

impl Features<'_> {
    /// The row of `key` in the table ([`NO_ROW`] for none).
    #[inline]
    fn row(&self, key: Key) -> u32 {
        match key {
            Key::Role(word, role) => self
                .rows
                .roles
                .get(word as usize * ROLES + role as usize)
                .copied()
                .unwrap_or(NO_ROW),
            Key::Hash(h) => self.table.row_of(h).unwrap_or(NO_ROW),
        }
    }

    /// Fills `out` (`L` scores per token) for a table of `L` labels: each token's scores are
    /// summed in an array of `L` that stays in registers, row after row in feature order (so
    /// every label gets the same additions in the same order as [`Features::scores_any`]).
    /// A token that is neither sentence-initial nor after an opening mark starts from its
    /// word's [`StageRows::inner`] sum and skips the keys that sum has added.
    fn scores<const L: usize>(&self, tokens: &[(u32, bool)], out: &mut [f32]) {
        let mut after_opening = false;
        for (i, (&(id, initial), scores)) in tokens.iter().zip(out.chunks_exact_mut(L)).enumerate()
        {
            let inner = !initial && !after_opening;
            after_opening = self.words.get(id as usize).is_some_and(|w| w.opening);
            let keys = token_slice(self.keys, self.offsets, i);
            let (start, keys) = match keys.get(INNER_KEYS..) {
                Some(rest) if inner => (&self.rows.inner, rest),
                _ => (&self.rows.partial, keys),
            };
            let mut sum = [0.0f32; L];
            let at = id as usize * L;
            if let Some(partial) = start.get(at..at + L) {
                sum.copy_from_slice(partial);
            }
            for &key in keys {
                let row = self.row(key);
                if row != NO_ROW {
                    if let Some(weights) = self.table.row_array::<L>(row) {
                        for (s, w) in sum.iter_mut().zip(weights) {
                            *s += w;
                        }
                    }
                }
            }
            if let Some((hashes, offsets)) = self.stage {
                for &h in token_slice(hashes, offsets, i) {
                    if let Some(weights) = self
                        .table
                        .row_of(h)
                        .and_then(|row| self.table.row_array::<L>(row))
                    {
                        for (s, w) in sum.iter_mut().zip(weights) {
                            *s += w;
                        }
                    }
                }
            }
            scores.copy_from_slice(&sum);
        }
    }

    /// [`Features::scores`] for any number of labels.
    fn scores_any(&self, tokens: &[(u32, bool)], out: &mut [f32]) {
        let labels = self.table.labels();
        for (i, (&(id, _), scores)) in tokens.iter().zip(out.chunks_exact_mut(labels)).enumerate() {
            let at = id as usize * labels;
            if let Some(partial) = self.rows.partial.get(at..at + labels) {
                scores.copy_from_slice(partial);
            }
            for &key in token_slice(self.keys, self.offsets, i) {
                let row = self.row(key);
                if row != NO_ROW {
                    self.table.add_row(row, scores);
                }
            }
            if let Some((hashes, offsets)) = self.stage {
                for &h in token_slice(hashes, offsets, i) {
                    if let Some(row) = self.table.row_of(h) {
                        self.table.add_row(row, scores);
                    }
                }
            }
        }
    }
}

/// Token `i`'s items of a flattened list with token `offsets`.
fn token_slice<'v, T>(items: &'v [T], offsets: &[usize], i: usize) -> &'v [T] {
    match (offsets.get(i), offsets.get(i + 1)) {
        (Some(&start), Some(&end)) => items.get(start..end).unwrap_or(&[]),
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{add_stage, analyse, extract_base, Context, DocStats};

    /// The hashes of sentence `s`'s features as `features::extract_base` lists them.
    fn hashes(doc: &Document<'_>, s: usize) -> Vec<Vec<u32>> {
        let (keys, offsets) = doc.base_keys(s);
        doc.sentences[s]
            .iter()
            .enumerate()
            .map(|(i, &(id, _))| {
                let word = doc.word(id);
                let rest = token_slice(&keys, &offsets, i)
                    .iter()
                    .filter_map(|k| match *k {
                        Key::Role(w, role) => doc.word(w).roles[role as usize],
                        Key::Hash(h) => Some(h),
                    });
                word.local.iter().copied().chain(rest).collect()
            })
            .collect()
    }

    fn context<'a>(g: &'a Gazetteers, l: &'a Lexicon, doc: &'a DocStats) -> Context<'a> {
        Context {
            gazetteers: g,
            lexicon: l,
            doc,
        }
    }

    fn per_token(features: &[u32], offsets: &[usize]) -> Vec<Vec<u32>> {
        (0..offsets.len() - 1)
            .map(|i| token_slice(features, offsets, i).to_vec())
            .collect()
    }

    #[test]
    fn features_are_those_training_uses() {
        let gazetteers = Gazetteers::for_language("nl");
        let mut lexicon = Lexicon::default();
        lexicon.classes.insert(hash(0, &[b"de"]), 2);
        lexicon.classes.insert(hash(0, &[b"minister"]), 1);
        let text = [
            "“ De minister Eddy van Wessel ( CDA ) zei dat Nederland en de Verenigde Staten",
            "Minister Van Wessel bezocht IJsland , Gent en New York .",
            "",
            "één",
            "- Dat zei de NAVO-chef in Den Haag : ' 1.000,5 '",
        ];
        let sentences: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let sentences: Vec<Vec<&str>> = sentences
            .into_iter()
            .map(|s| s.into_iter().filter(|w| !w.is_empty()).collect())
            .collect();
        // A cache that knows some of the words from another document.
        let earlier = vec![vec!["Gent", "en", "de", "NAVO", "zei", "Eddy"]];
        let cache = Document::new(&earlier, &gazetteers, &lexicon, WordCache::default());
        let mut doc = Document::new(&sentences, &gazetteers, &lexicon, cache.into_cache());
        let analysed: Vec<_> = sentences.iter().map(|s| analyse(s)).collect();
        let mut stats = DocStats::new(&analysed, None);
        for (s, tokens) in analysed.iter().enumerate() {
            let (expected, offsets) = extract_base(tokens, &context(&gazetteers, &lexicon, &stats));
            assert_eq!(hashes(&doc, s), per_token(&expected, &offsets), "{s}");
        }
        let kinds: Vec<Vec<Option<NameKind>>> = analysed
            .iter()
            .map(|t| {
                (0..t.len())
                    .map(|i| NameKind::ALL.get(i % 5).copied())
                    .collect()
            })
            .collect();
        stats.add_votes(&analysed, &kinds);
        doc.add_votes(&kinds);
        for (s, tokens) in analysed.iter().enumerate() {
            let base = extract_base(tokens, &context(&gazetteers, &lexicon, &stats));
            let (expected, offsets) = add_stage(&base, tokens, &kinds[s], &stats);
            let (stage, stage_offsets) = doc.stage_keys(s, &kinds[s]);
            let got: Vec<Vec<u32>> = hashes(&doc, s)
                .into_iter()
                .enumerate()
                .map(|(i, mut h)| {
                    h.extend_from_slice(token_slice(&stage, &stage_offsets, i));
                    h
                })
                .collect();
            assert_eq!(got, per_token(&expected, &offsets), "{s}");
        }
    }
}
