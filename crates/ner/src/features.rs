//! Feature extraction: what the tagger looks at for each token.
//!
//! Every feature is a string-like fact ("the word two to the left is `van`", "the shape is
//! `Xx`") hashed to 32 bits, so the model is a map from hashes to label weights and no feature
//! strings are stored. The templates are versioned by [`FEATURE_VERSION`]: a model trained with
//! other templates is refused at load time.

use crate::gazetteer::Gazetteers;
use crate::model::FeatureMap;
use crate::NameKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// Version of the feature templates below; stored in every model.
pub const FEATURE_VERSION: u32 = 5;

/// The multiplier of [`hash`]'s mixing.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Hashes a template id and its parts (FxHash-style mixing, then a 64-bit finaliser).
pub fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    hash_rest(u64::from(template).wrapping_mul(K), parts)
}

/// The state of [`hash`] after template `template` and the first part `first`: tagging keeps
/// it per word and finishes the hash of a word pair with [`hash_rest`], which gives exactly
/// `hash(template, &[first, rest...])`.
pub(crate) fn hash_prefix(template: u8, first: &[u8]) -> u64 {
    absorb(u64::from(template).wrapping_mul(K), first)
}

/// Finishes a hash from a state of [`hash_prefix`] with the remaining parts.
#[inline]
pub(crate) fn hash_rest(mut h: u64, parts: &[&[u8]]) -> u32 {
    for part in parts {
        h = absorb(h, part);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h >> 32) as u32
}

/// Mixes one part into a hash state.
#[inline]
fn absorb(mut h: u64, part: &[u8]) -> u64 {
    let mut chunks = part.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    for &byte in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
    }
    // Separator, so ("ab", "c") and ("a", "bc") differ.
    (h.rotate_left(5) ^ 0xff).wrapping_mul(K)
}

/// The kind of casing of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with an uppercase letter followed by at least one lowercase letter.
    Title,
    /// Letters, all uppercase (at least two, or one followed by a period: `J.`).
    Upper,
    /// Starts with a digit.
    Digit,
    /// Anything else (punctuation, a lone capital).
    Other,
}

impl Case {
    fn of(word: &str) -> Case {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Case::Other;
        };
        if first.is_numeric() {
            return Case::Digit;
        }
        if first.is_lowercase() {
            return Case::Lower;
        }
        if !first.is_uppercase() {
            return Case::Other;
        }
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.iter().any(|c| c.is_lowercase()) {
            // "IJsland" and "McDonald" are title case too.
            Case::Title
        } else if letters.len() > 1 || word.contains('.') {
            Case::Upper
        } else {
            Case::Other
        }
    }

    /// The class as a feature part.
    pub(crate) fn tag(self) -> &'static [u8] {
        match self {
            Case::Lower => b"l",
            Case::Title => b"t",
            Case::Upper => b"u",
            Case::Digit => b"d",
            Case::Other => b"o",
        }
    }

    /// Whether the token starts with a capital letter.
    pub fn capitalised(self) -> bool {
        matches!(self, Case::Title | Case::Upper)
    }
}

/// What is known about one token before features are built.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// The token as given, with typographic quotes and apostrophes made plain.
    pub word: String,
    /// The lowercased word.
    pub lower: String,
    /// Each character mapped to `X`, `x`, `d` or itself, at most 12 long.
    pub shape: String,
    /// The shape with repeated characters collapsed (`Xx`, `X.X.`, `d,d`).
    pub short_shape: String,
    /// Casing class.
    pub case: Case,
    /// Whether no letter or digit precedes the token in its sentence.
    pub initial: bool,
}

/// Makes typographic quotes and apostrophes plain, as in the training data.
pub fn normalise(token: &str) -> String {
    token
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' | '‟' => '"',
            '‘' | '’' | '‚' | '‛' | '`' | '´' => '\'',
            '–' | '—' => '-',
            _ => c,
        })
        .collect()
}

/// The shape and the short shape of `word` (see [`TokenInfo`]).
pub(crate) fn shapes(word: &str) -> (String, String) {
    let mut shape = String::new();
    let mut short = String::new();
    for (n, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if n < 12 {
            shape.push(s);
        }
        if !short.ends_with(s) {
            short.push(s);
        }
    }
    (shape, short)
}

/// Analyses the tokens of one sentence.
pub fn analyse(tokens: &[&str]) -> Vec<TokenInfo> {
    let mut seen_word = false;
    tokens
        .iter()
        .map(|token| {
            let mut info = TokenInfo::new(token);
            info.initial = !seen_word;
            seen_word |= info.word.chars().any(char::is_alphanumeric);
            info
        })
        .collect()
}

impl TokenInfo {
    /// Analyses one token, as if it were not sentence-initial.
    pub fn new(token: &str) -> TokenInfo {
        let word = normalise(token);
        let lower = word.to_lowercase();
        let (shape, short_shape) = shapes(&word);
        let case = Case::of(&word);
        TokenInfo {
            word,
            lower,
            shape,
            short_shape,
            case,
            initial: false,
        }
    }
}

/// Facts about a document's words that no single sentence shows: whether a word that starts
/// a sentence also occurs capitalised inside sentences (a name) or lowercased (a common word),
/// and, in a second stage, how a first-stage tagger labelled each word across the document.
#[derive(Debug, Default)]
pub struct DocStats {
    inner_capitalised: FxHashSet<String>,
    lowercased: FxHashSet<String>,
    /// Per lowercased word: how often the first stage gave it no kind or each kind.
    votes: FxHashMap<String, [u16; 5]>,
}

/// The `votes` of a word with one vote for `own` (the token's own) removed.
pub(crate) fn others(mut votes: [u16; 5], own: Option<NameKind>) -> [u16; 5] {
    let own = &mut votes[slot(own)];
    *own = own.saturating_sub(1);
    votes
}

/// A kind as a vote slot: 0 for none, then one per kind.
pub(crate) fn slot(kind: Option<NameKind>) -> usize {
    kind.map_or(0, |k| k.index() + 1)
}

impl DocStats {
    /// Collects the statistics of a document given as analysed sentences, with the
    /// first-stage kinds of every token when there is a first stage.
    pub fn new(sentences: &[Vec<TokenInfo>], kinds: Option<&[Vec<Option<NameKind>>]>) -> DocStats {
        let mut stats = DocStats::default();
        for token in sentences.iter().flatten() {
            if token.case == Case::Lower {
                stats.lowercased.insert(token.lower.clone());
            } else if token.case.capitalised() && !token.initial {
                stats.inner_capitalised.insert(token.lower.clone());
            }
        }
        stats.add_votes(sentences, kinds.unwrap_or(&[]));
        stats
    }

    /// Records the first-stage kinds of the document's capitalised tokens.
    pub fn add_votes(&mut self, sentences: &[Vec<TokenInfo>], kinds: &[Vec<Option<NameKind>>]) {
        for (tokens, kinds) in sentences.iter().zip(kinds) {
            for (token, kind) in tokens.iter().zip(kinds) {
                if token.case.capitalised() {
                    let votes = self.votes.entry(token.lower.clone()).or_default();
                    votes[slot(*kind)] = votes[slot(*kind)].saturating_add(1);
                }
            }
        }
    }

    /// The first-stage votes for `word` elsewhere in the document (its own vote removed).
    fn others(&self, word: &str, own: Option<NameKind>) -> [u16; 5] {
        others(self.votes.get(word).copied().unwrap_or_default(), own)
    }
}

/// Words that occur lowercased in running text, learned from unlabelled text at training time
/// and stored (hashed) in the model: a capitalised word whose lowercase form is common is
/// probably a capitalised common word, not a name.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Hashes of lowercased words with their frequency class (1: seen, 2: frequent).
    pub classes: FeatureMap<u8>,
}

impl Lexicon {
    /// The frequency class of lowercased word `lower` (0: unknown).
    pub(crate) fn class(&self, lower: &str) -> u8 {
        self.classes
            .get(&hash(0, &[lower.as_bytes()]))
            .copied()
            .unwrap_or(0)
    }
}

/// Everything features are computed from, besides the tokens.
pub struct Context<'a> {
    /// Gazetteer matches are looked up here.
    pub gazetteers: &'a Gazetteers,
    /// Learned lowercase lexicon.
    pub lexicon: &'a Lexicon,
    /// Statistics of the document the sentence comes from.
    pub doc: &'a DocStats,
}

/// The word and shape before the first token.
pub(crate) const BOS: &str = "<s>";
/// The word and shape after the last token.
pub(crate) const EOS: &str = "</s>";

/// The feature hashes of every token of a sentence, flattened, with each token's range.
/// `kinds` are the first-stage kinds of the tokens, for a second-stage model.
pub fn extract(
    tokens: &[TokenInfo],
    ctx: &Context<'_>,
    kinds: Option<&[Option<NameKind>]>,
) -> (Vec<u32>, Vec<usize>) {
    let base = extract_base(tokens, ctx);
    match kinds {
        Some(kinds) => add_stage(&base, tokens, kinds, ctx.doc),
        None => base,
    }
}

/// The features every stage shares.
pub fn extract_base(tokens: &[TokenInfo], ctx: &Context<'_>) -> (Vec<u32>, Vec<usize>) {
    let gaz = ctx.gazetteers.matches(tokens);
    let runs = capitalised_runs(tokens, ctx.gazetteers);
    let mut out = Vec::with_capacity(tokens.len() * 48);
    let mut offsets = Vec::with_capacity(tokens.len() + 1);
    offsets.push(0);
    let mut run = runs.iter().peekable();
    for i in 0..tokens.len() {
        token_features(tokens, &gaz, i, ctx, &mut out);
        while run.peek().is_some_and(|r| r.1 <= i) {
            run.next();
        }
        if let Some(r) = run.peek().filter(|r| r.0 <= i) {
            run_features(tokens, **r, i, &mut out);
        }
        offsets.push(out.len());
    }
    (out, offsets)
}

/// Shared features plus the second-stage features from the first stage's `kinds`.
pub fn add_stage(
    (base, offsets): &(Vec<u32>, Vec<usize>),
    tokens: &[TokenInfo],
    kinds: &[Option<NameKind>],
    doc: &DocStats,
) -> (Vec<u32>, Vec<usize>) {
    let mut out = Vec::with_capacity(base.len() + tokens.len() * 4);
    let mut new_offsets = Vec::with_capacity(offsets.len());
    new_offsets.push(0);
    for (i, token) in tokens.iter().enumerate() {
        if let Some(range) = offsets.get(i).zip(offsets.get(i + 1)) {
            out.extend_from_slice(base.get(*range.0..*range.1).unwrap_or(&[]));
        }
        stage_features(token, kinds.get(i).copied().flatten(), doc, &mut out);
        new_offsets.push(out.len());
    }
    (out, new_offsets)
}

/// Maximal runs `start..end` of capitalised tokens, which may contain name particles
/// (`Eddy van Wessel`) when a capitalised token follows them.
fn capitalised_runs(tokens: &[TokenInfo], gazetteers: &Gazetteers) -> Vec<(usize, usize)> {
    runs_by(
        tokens.len(),
        |i| tokens[i].case,
        |i| gazetteers.is_particle(&tokens[i].lower),
    )
}

/// The runs of [`capitalised_runs`] over `n` tokens given by their `case` and whether each is
/// a name `particle`.
pub(crate) fn runs_by(
    n: usize,
    case: impl Fn(usize) -> Case,
    particle: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < n {
        if !case(i).capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && case(end).capitalised() {
                end += 1;
                continue;
            }
            let mut k = end;
            while k < n && case(k) == Case::Lower && particle(k) {
                k += 1;
            }
            if k > end && k < n && case(k).capitalised() {
                end = k + 1;
                continue;
            }
            break;
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// The part a token has in a run `start..end` (unit, begin, inside, last).
pub(crate) fn run_part((start, end): (usize, usize), i: usize) -> &'static [u8] {
    match (i == start, i + 1 == end) {
        (true, true) => b"U",
        (true, false) => b"B",
        (false, false) => b"I",
        (false, true) => b"L",
    }
}

/// Features of a token inside a run of capitalised tokens: its place in the run, the run's
/// first and last words and the words around the run.
fn run_features(tokens: &[TokenInfo], (start, end): (usize, usize), i: usize, out: &mut Vec<u32>) {
    let len = end - start;
    out.push(hash(38, &[run_part((start, end), i), &[len.min(5) as u8]]));
    if len > 1 {
        out.push(hash(39, &[tokens[end - 1].lower.as_bytes()]));
        out.push(hash(40, &[tokens[start].lower.as_bytes()]));
    }
    let before = word_at(tokens, start as isize - 1);
    let after = word_at(tokens, end as isize);
    out.push(hash(41, &[before.as_bytes()]));
    out.push(hash(42, &[after.as_bytes()]));
}

/// Second-stage features: the first stage's kind for this token and the kinds it gave the
/// same word elsewhere in the document (names keep their kind through an article).
fn stage_features(token: &TokenInfo, own: Option<NameKind>, doc: &DocStats, out: &mut Vec<u32>) {
    stage_hashes(
        token.case.capitalised(),
        own,
        || doc.others(&token.lower, own),
        out,
    );
}

/// The second-stage features of a token that is `capitalised` or not, of first-stage kind
/// `own`, given the `others` votes of its word elsewhere in the document.
pub(crate) fn stage_hashes(
    capitalised: bool,
    own: Option<NameKind>,
    others: impl FnOnce() -> [u16; 5],
    out: &mut Vec<u32>,
) {
    let own_slot = slot(own) as u8;
    out.push(hash(43, &[&[own_slot]]));
    if !capitalised {
        return;
    }
    let votes = others();
    let total: u16 = votes.iter().sum();
    if total == 0 {
        out.push(hash(44, &[b"alone", &[own_slot]]));
        return;
    }
    let best = (0..5)
        .max_by_key(|&k| (votes[k], usize::from(k == 0)))
        .unwrap_or(0);
    out.push(hash(44, &[&[best as u8], &[own_slot]]));
    let named = (1..5).max_by_key(|&k| votes[k]).unwrap_or(1);
    if votes[named] > 0 {
        out.push(hash(45, &[&[named as u8]]));
        let share = (u32::from(votes[named]) * 4 / u32::from(total)) as u8;
        out.push(hash(46, &[&[named as u8, share]]));
    }
}

fn word_at(tokens: &[TokenInfo], i: isize) -> &str {
    if i < 0 {
        BOS
    } else {
        tokens.get(i as usize).map_or(EOS, |t| t.lower.as_str())
    }
}

fn short_shape_at(tokens: &[TokenInfo], i: isize) -> &str {
    if i < 0 {
        BOS
    } else {
        tokens
            .get(i as usize)
            .map_or(EOS, |t| t.short_shape.as_str())
    }
}

/// The prefixes and suffixes of 1 to 4 characters of `lower` (fewer for short words).
pub(crate) fn affixes(lower: &str) -> (Vec<&str>, Vec<&str>) {
    let prefixes = lower
        .char_indices()
        .skip(1)
        .map(|(at, _)| at)
        .chain(std::iter::once(lower.len()))
        .take(4)
        .filter(|&at| at > 0)
        .map(|at| &lower[..at])
        .collect();
    (prefixes, suffixes(lower).collect())
}

/// The suffixes of 1 to 4 characters of `word`, shortest first.
pub(crate) fn suffixes(word: &str) -> impl Iterator<Item = &str> {
    word.char_indices()
        .rev()
        .take(4)
        .map(move |(at, _)| &word[at..])
}

fn token_features(
    tokens: &[TokenInfo],
    gaz: &[Vec<u32>],
    i: usize,
    ctx: &Context<'_>,
    out: &mut Vec<u32>,
) {
    let t = &tokens[i];
    let at = i as isize;
    let w = t.lower.as_bytes();
    let position: &[u8] = if t.initial { b"initial" } else { b"inner" };
    let prev = tokens.get(i.wrapping_sub(1));
    let after_opening =
        prev.is_some_and(|p| matches!(p.word.as_str(), "\"" | "'" | ":" | "(" | "-"));

    out.push(hash(1, &[]));
    out.push(hash(2, &[w]));
    out.push(hash(3, &[t.word.as_bytes()]));
    let (prefixes, suffix_list) = affixes(&t.lower);
    for (k, p) in prefixes.iter().enumerate() {
        out.push(hash(4 + k as u8, &[p.as_bytes()]));
    }
    for (k, s) in suffix_list.iter().enumerate() {
        out.push(hash(8 + k as u8, &[s.as_bytes()]));
    }
    out.push(hash(12, &[t.shape.as_bytes()]));
    out.push(hash(13, &[t.short_shape.as_bytes()]));
    out.push(hash(14, &[t.case.tag(), position]));
    out.push(hash(15, &[t.case.tag(), &[u8::from(after_opening)]]));
    let length = t.word.chars().count().min(12) as u8;
    out.push(hash(16, &[&[length]]));

    // Window words and bigrams.
    let (p2, p1, n1, n2) = (
        word_at(tokens, at - 2),
        word_at(tokens, at - 1),
        word_at(tokens, at + 1),
        word_at(tokens, at + 2),
    );
    out.push(hash(17, &[p1.as_bytes()]));
    out.push(hash(18, &[p2.as_bytes()]));
    out.push(hash(19, &[n1.as_bytes()]));
    out.push(hash(20, &[n2.as_bytes()]));
    out.push(hash(21, &[p1.as_bytes(), w]));
    out.push(hash(22, &[w, n1.as_bytes()]));
    out.push(hash(23, &[p2.as_bytes(), p1.as_bytes()]));
    out.push(hash(24, &[n1.as_bytes(), n2.as_bytes()]));

    // Window shapes.
    let (sp1, s0, sn1) = (
        short_shape_at(tokens, at - 1),
        t.short_shape.as_str(),
        short_shape_at(tokens, at + 1),
    );
    out.push(hash(25, &[sp1.as_bytes()]));
    out.push(hash(26, &[sn1.as_bytes()]));
    out.push(hash(27, &[sp1.as_bytes(), s0.as_bytes(), sn1.as_bytes()]));
    out.push(hash(28, &[p1.as_bytes(), s0.as_bytes()]));
    out.push(hash(29, &[s0.as_bytes(), n1.as_bytes()]));
    for (k, other) in [at - 1, at + 1].into_iter().enumerate() {
        if let Some(o) = usize::try_from(other).ok().and_then(|o| tokens.get(o)) {
            if let Some(s) = suffixes(&o.lower).take(3).last() {
                out.push(hash(30 + k as u8, &[s.as_bytes()]));
            }
        }
    }

    // Gazetteers, for this token and its neighbours.
    for &g in &gaz[i] {
        out.push(hash(32, &[&g.to_le_bytes()]));
        out.push(hash(33, &[&g.to_le_bytes(), t.case.tag()]));
    }
    if let Some(p) = i.checked_sub(1).and_then(|p| gaz.get(p)) {
        for &g in p {
            out.push(hash(34, &[&g.to_le_bytes()]));
        }
    }
    if let Some(n) = gaz.get(i + 1) {
        for &g in n {
            out.push(hash(35, &[&g.to_le_bytes()]));
        }
    }

    // Learned lexicon and document evidence for capitalised words.
    if t.case.capitalised() {
        let class = ctx.lexicon.class(&t.lower);
        out.push(hash(36, &[&[class], position]));
        let inner_cap = ctx.doc.inner_capitalised.contains(&t.lower);
        let lowered = ctx.doc.lowercased.contains(&t.lower);
        out.push(hash(
            37,
            &[&[u8::from(inner_cap), u8::from(lowered)], position],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_case() {
        assert_eq!(shapes("Eddy"), ("Xxxx".into(), "Xx".into()));
        assert_eq!(shapes("J.P."), ("X.X.".into(), "X.X.".into()));
        assert_eq!(shapes("1.000,5"), ("d.ddd,d".into(), "d.d,d".into()));
        assert_eq!(Case::of("IJsland"), Case::Title);
        assert_eq!(Case::of("NAVO"), Case::Upper);
        assert_eq!(Case::of("J."), Case::Upper);
        assert_eq!(Case::of("van"), Case::Lower);
        assert_eq!(Case::of("2019"), Case::Digit);
        assert_eq!(Case::of("A"), Case::Other);
        assert_eq!(Case::of(","), Case::Other);
    }

    #[test]
    fn affixes_respect_characters() {
        let (p, s) = affixes("één");
        assert_eq!(p, vec!["é", "éé", "één"]);
        assert_eq!(s, vec!["n", "én", "één"]);
        let (p, s) = affixes("");
        assert!(p.is_empty() && s.is_empty());
    }

    #[test]
    fn sentence_initial_skips_punctuation() {
        let info = analyse(&["“", "Dat", "zei", "Jan"]);
        assert_eq!(info[0].word, "\"");
        assert!(info[0].initial && info[1].initial);
        assert!(!info[2].initial && !info[3].initial);
    }

    #[test]
    fn hash_separates_parts_and_templates() {
        assert_ne!(hash(1, &[b"ab", b"c"]), hash(1, &[b"a", b"bc"]));
        assert_ne!(hash(1, &[b"x"]), hash(2, &[b"x"]));
        assert_eq!(hash(7, &[b"stable"]), hash(7, &[b"stable"]));
        assert_eq!(
            hash_rest(hash_prefix(21, b"van"), &[b"wessel", b"Xx"]),
            hash(21, &[b"van", b"wessel", b"Xx"])
        );
        assert_eq!(
            hash_rest(hash_prefix(3, b"a long word"), &[]),
            hash(3, &[b"a long word"])
        );
    }

    #[test]
    fn votes_exclude_the_token_itself() {
        let sentences = vec![analyse(&["Eisenach", "ligt", "in", "Eisenach"])];
        let kinds = vec![vec![
            Some(NameKind::Person),
            None,
            None,
            Some(NameKind::Location),
        ]];
        let doc = DocStats::new(&sentences, Some(&kinds));
        assert_eq!(
            doc.others("eisenach", Some(NameKind::Person)),
            [0, 0, 0, 1, 0]
        );
        assert_eq!(doc.others("ligt", None), [0; 5]);
    }

    #[test]
    fn features_depend_on_the_window() {
        let gazetteers = Gazetteers::default();
        let lexicon = Lexicon::default();
        let sentences = vec![analyse(&["Eddy", "van", "Wessel", "lacht"])];
        let doc = DocStats::new(&sentences, None);
        let ctx = Context {
            gazetteers: &gazetteers,
            lexicon: &lexicon,
            doc: &doc,
        };
        let (features, offsets) = extract(&sentences[0], &ctx, None);
        assert_eq!(offsets.len(), 5);
        assert_eq!(*offsets.last().unwrap_or(&0), features.len());
        let first = &features[offsets[0]..offsets[1]];
        let third = &features[offsets[2]..offsets[3]];
        assert!(first.contains(&hash(2, &[b"eddy"])));
        assert!(third.contains(&hash(17, &[b"van"])));
        assert!(third.contains(&hash(21, &[b"van", b"wessel"])));
        assert!(first.contains(&hash(17, &[BOS.as_bytes()])));
    }
}
