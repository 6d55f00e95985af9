//! Number phrases: digits and number words combined into one value ("2,5 miljoen",
//! "tweeduizend tweehonderd", "one hundred and five", "drie en een kwart", "een achtste",
//! "min vijf komma vijf", "een op de twintig").
//!
//! The value is built from segments `(value, scale)`: a count word adds a segment of scale 1; a
//! multiplier M multiplies the trailing segments smaller than M into one of scale M, so
//! "driehonderd en twee dozijn" is 300 + 2×12 and "vijf miljard tweehonderd miljoen" is
//! 5×10⁹ + 200×10⁶. A multiplier that is not smaller than the segment before it starts a new
//! number ("3 hundred and 2 hundred" are two numbers).

use crate::lexicon::{Lexicon, Role};
use crate::literal::{self, Literal};
use crate::scan::{is_tens, Atom, AtomKind, WordClass};

/// A number found in text, before it is read as a quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// An ordinal ("derde", "3e", "twenty-first").
    pub ordinal: bool,
    /// Letters touch its digits ("180ml").
    pub glued: bool,
    /// Index of the first atom after it.
    pub next: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Lit(Literal),
    Small {
        value: f64,
        tens: bool,
    },
    /// A compound's value and scale; `fraction` when it ends in a fraction ("tweeënhalf").
    Compound {
        value: f64,
        scale: f64,
        fraction: bool,
    },
    Mult(f64),
    Frac(f64),
    Ord {
        value: f64,
        plural: bool,
    },
    Article,
    And,
    Minus,
    Point,
    Joiner,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    kind: Kind,
    start: usize,
    end: usize,
    next: usize,
}

#[derive(Debug, Clone, Copy)]
struct Seg {
    value: f64,
    scale: f64,
    /// The scale comes from a multiplier word (not a digit suffix).
    word_scale: bool,
}

fn total(segs: &[Seg]) -> f64 {
    segs.iter().map(|s| s.value).sum()
}

/// Parses the number phrase starting at atom `i`, if one starts there.
pub fn parse_at(text: &str, atoms: &[Atom], i: usize, lex: &Lexicon) -> Option<Found> {
    let pieces = pieces(text, atoms, i, lex);
    let first = pieces.first()?;
    if matches!(first.kind, Kind::Mult(_)) && is_vague(text, first, lex) {
        return None;
    }
    if let Kind::Small { value, .. } = first.kind {
        if value == 1.0 && pieces.len() == 1 && after_pronoun_word(text, atoms, i, lex) {
            return None;
        }
    }
    let found = Eval::new(&pieces, lex).run()?;
    Some(ratio(text, atoms, found, lex).unwrap_or(found))
}

/// Whether a multiplier word is really a vague plural ("hundreds", "dozens").
fn is_vague(text: &str, piece: &Piece, lex: &Lexicon) -> bool {
    let word = &text[piece.start..piece.end];
    lex.vague
        .iter()
        .any(|(form, _, _)| form.eq_ignore_ascii_case(word))
}

/// "the one", "which one": the word before makes "one" a pronoun.
fn after_pronoun_word(text: &str, atoms: &[Atom], i: usize, lex: &Lexicon) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| atoms.get(p)) else {
        return false;
    };
    let word = &text[prev.start..prev.end];
    lex.not_number_after
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The index of the first atom that starts at or after byte `at`.
fn atom_from(atoms: &[Atom], at: usize) -> usize {
    atoms.partition_point(|a| a.start < at)
}

/// Reads the number-like pieces from atom `i` on, until something that cannot be part of a
/// number.
fn pieces(text: &str, atoms: &[Atom], i: usize, lex: &Lexicon) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut j = i;
    while let Some(atom) = atoms.get(j) {
        if out.len() > 40 {
            break;
        }
        let kind = match &atom.kind {
            AtomKind::Digits | AtomKind::Sym('.' | ',')
                if literal::starts_literal(text, atom.start) =>
            {
                let Some(lit) = literal::parse(text, atom.start, lex) else {
                    break;
                };
                let next = atom_from(atoms, lit.end);
                // A written number after another ("1 2 3", "10-20") never joins it (only a
                // number after a multiplier word does): it is kept for lookahead, then the
                // phrase ends, so a run of numbers costs no more than each on its own.
                let after_literal = out
                    .iter()
                    .rev()
                    .find(|p| !matches!(p.kind, Kind::Joiner | Kind::And))
                    .is_some_and(|p| matches!(p.kind, Kind::Lit(_)));
                out.push(Piece {
                    kind: Kind::Lit(lit),
                    start: lit.start,
                    end: lit.end,
                    next,
                });
                if lit.glued || lit.ordinal || after_literal {
                    break;
                }
                j = next;
                continue;
            }
            AtomKind::Vulgar(v) => Kind::Lit(Literal {
                start: atom.start,
                end: atom.end,
                value: *v,
                scale: 1.0,
                ordinal: false,
                glued: false,
                integer: false,
            }),
            AtomKind::Word(WordClass::Number(role)) => match *role {
                Role::Small(value) => Kind::Small {
                    value,
                    tens: is_tens(value),
                },
                Role::Mult(m) => Kind::Mult(m),
                Role::Fraction(f) => Kind::Frac(f),
                Role::Ordinal { value, plural } => Kind::Ord { value, plural },
                Role::Article => Kind::Article,
                Role::And => Kind::And,
                Role::Minus => Kind::Minus,
                Role::Point => Kind::Point,
            },
            AtomKind::Word(WordClass::Compound(parts)) => compound(parts),
            AtomKind::Sym('-' | '–' | '/') if !out.is_empty() => Kind::Joiner,
            _ => break,
        };
        out.push(Piece {
            kind,
            start: atom.start,
            end: atom.end,
            next: j + 1,
        });
        if matches!(kind, Kind::Lit(l) if l.glued) {
            break;
        }
        j += 1;
    }
    out
}

/// The value of a compound number word, read as one piece.
fn compound(parts: &[Role]) -> Kind {
    let mut segs: Vec<Seg> = Vec::new();
    let mut after_and = false;
    let mut last = parts.len();
    for (k, part) in parts.iter().enumerate() {
        match *part {
            Role::Small(v) => segs.push(Seg {
                value: v,
                scale: 1.0,
                word_scale: true,
            }),
            Role::Mult(m) => mult_into(&mut segs, m),
            Role::Fraction(f) => {
                if after_and {
                    segs.push(Seg {
                        value: f,
                        scale: 1.0,
                        word_scale: true,
                    });
                } else if let Some(s) = segs.last_mut() {
                    s.value *= f;
                }
                last = k;
            }
            Role::Ordinal { value, .. } => {
                if value >= 100.0 {
                    mult_into(&mut segs, value);
                } else {
                    segs.push(Seg {
                        value,
                        scale: 1.0,
                        word_scale: true,
                    });
                }
            }
            _ => {}
        }
        after_and = *part == Role::And;
    }
    let value = total(&segs);
    let scale = segs.first().map_or(1.0, |s| s.scale);
    match parts.last() {
        Some(Role::Ordinal { plural, .. }) => Kind::Ord {
            value,
            plural: *plural,
        },
        _ => Kind::Compound {
            value,
            scale,
            fraction: last < parts.len(),
        },
    }
}

/// Multiplies the trailing segments smaller than `m` into one segment of scale `m`.
fn mult_into(segs: &mut Vec<Seg>, m: f64) {
    let keep = segs.iter().rposition(|s| s.scale >= m).map_or(0, |p| p + 1);
    let trailing = total(&segs[keep..]);
    segs.truncate(keep);
    let value = if trailing == 0.0 { m } else { trailing * m };
    segs.push(Seg {
        value,
        scale: m,
        word_scale: true,
    });
}

/// What is committed so far: start byte, end byte, next atom.
type Committed = (usize, usize, usize);

/// The evaluation of a list of pieces.
struct Eval<'p> {
    pieces: &'p [Piece],
    lex: &'p Lexicon,
    segs: Vec<Seg>,
    whole: f64,
    /// The scale of the last segment of `whole` ("3 miljoen en een half").
    whole_scale: f64,
    /// An "and a ..." split the whole from a fraction.
    split: bool,
    /// A number joined by "and" after a million or more: (its segment, that scale).
    and_big: Option<(usize, f64)>,
    negative: bool,
    article: bool,
    fraction_done: bool,
    ordinal: bool,
    glued: bool,
    words: bool,
    /// Index of the segment that began with the last number word (Dutch numerators).
    last_word_seg: usize,
    committed: Option<Committed>,
    snapshot: Option<(Vec<Seg>, Option<Committed>)>,
}

impl<'p> Eval<'p> {
    fn new(pieces: &'p [Piece], lex: &'p Lexicon) -> Self {
        Eval {
            pieces,
            lex,
            segs: Vec::new(),
            whole: 0.0,
            whole_scale: 1.0,
            split: false,
            and_big: None,
            negative: false,
            article: false,
            fraction_done: false,
            ordinal: false,
            glued: false,
            words: false,
            last_word_seg: 0,
            committed: None,
            snapshot: None,
        }
    }

    fn kind(&self, k: usize) -> Option<Kind> {
        self.pieces.get(k).map(|p| p.kind)
    }

    /// The kind of the next piece after `k`, skipping one connector.
    fn next_kind(&self, k: usize) -> Option<Kind> {
        match self.kind(k + 1) {
            Some(Kind::Joiner | Kind::And) => self.kind(k + 2),
            other => other,
        }
    }

    fn commit(&mut self, k: usize) {
        let p = self.pieces[k];
        let start = self.committed.map_or(p.start, |c| c.0);
        self.committed = Some((start, p.end, p.next));
    }

    fn is_denominator(kind: Option<Kind>) -> bool {
        matches!(kind, Some(Kind::Ord { .. } | Kind::Frac(_)))
    }

    fn run(mut self) -> Option<Found> {
        let mut k = 0;
        if self.kind(0) == Some(Kind::Minus) {
            self.negative = true;
            k = 1;
            if self.kind(1) == Some(Kind::Article) && !Self::is_quantifier(self.next_kind(1)) {
                self.segs.push(Seg {
                    value: 1.0,
                    scale: 1.0,
                    word_scale: true,
                });
                self.commit(0);
                self.commit(1);
                return self.finish();
            }
            self.kind(1)?;
            self.commit(0);
        }
        let mut pending: Option<Kind> = None;
        while let Some(kind) = self.kind(k) {
            let ok = match kind {
                Kind::And | Kind::Joiner => {
                    if pending.is_some() || (self.segs.is_empty() && !self.article) {
                        break;
                    }
                    pending = Some(kind);
                    k += 1;
                    continue;
                }
                Kind::Article => {
                    let whole_one = self.segs.is_empty()
                        && self.kind(k + 1) == Some(Kind::And)
                        && self.kind(k + 2) == Some(Kind::Article)
                        && Self::is_denominator(self.kind(k + 3));
                    if whole_one {
                        self.start_article(k);
                        self.article = false;
                        k += 1;
                        continue;
                    }
                    if !Self::is_quantifier(self.next_kind(k)) {
                        break;
                    }
                    if self.segs.is_empty() && !self.article {
                        self.start_article(k);
                    } else if pending == Some(Kind::And) && Self::is_denominator(self.next_kind(k))
                    {
                        self.whole_scale = self.segs.last().map_or(1.0, |s| s.scale);
                        self.whole += total(&self.segs);
                        self.segs = vec![Seg {
                            value: 1.0,
                            scale: 1.0,
                            word_scale: true,
                        }];
                        self.article = true;
                        self.split = true;
                    } else if matches!(self.kind(k - 1), Some(Kind::Frac(_))) {
                        // "half a dozen": the article only links
                    } else {
                        break;
                    }
                    k += 1;
                    continue;
                }
                Kind::Lit(lit) => self.literal(lit, pending),
                Kind::Small { value, tens } => self.small(k, value, tens, 1.0, pending),
                Kind::Compound {
                    value,
                    scale,
                    fraction,
                } => {
                    let big = self.segs.last().map_or(1.0, |s| s.scale);
                    let value = if fraction && pending == Some(Kind::And) && big >= 1e6 {
                        value * big
                    } else {
                        value
                    };
                    let ok = self.small(k, value, false, scale, pending);
                    if ok && fraction {
                        self.fraction_done = true;
                    }
                    ok
                }
                Kind::Mult(m) => self.mult(m),
                Kind::Frac(f) => self.frac(k, f, pending),
                Kind::Ord { value, plural } => self.ord(k, value, plural, pending),
                Kind::Point => self.point(k),
                Kind::Minus => false,
            };
            if !ok {
                break;
            }
            self.words |= !matches!(kind, Kind::Lit(_));
            if kind != Kind::Point {
                self.commit(k);
            }
            pending = None;
            k += 1;
            if self.ordinal || self.glued || matches!(kind, Kind::Point) {
                break;
            }
        }
        self.finish()
    }

    fn is_quantifier(kind: Option<Kind>) -> bool {
        matches!(kind, Some(Kind::Mult(_) | Kind::Frac(_) | Kind::Ord { .. }))
    }

    fn start_article(&mut self, k: usize) {
        self.article = true;
        self.segs.push(Seg {
            value: 1.0,
            scale: 1.0,
            word_scale: true,
        });
        self.last_word_seg = 0;
        self.commit(k);
    }

    fn literal(&mut self, lit: Literal, pending: Option<Kind>) -> bool {
        if self.fraction_done || pending == Some(Kind::Joiner) {
            return false;
        }
        let seg = Seg {
            value: lit.value.abs(),
            scale: lit.scale,
            word_scale: false,
        };
        if self.segs.is_empty() && !self.article {
            if lit.value < 0.0 {
                self.negative = !self.negative;
            }
            self.glued = lit.glued;
            self.ordinal = lit.ordinal;
            self.segs.push(seg);
            return true;
        }
        let joins = self.segs.last().is_some_and(|last| {
            last.word_scale && last.scale > 1.0 && lit.integer && lit.value < last.scale
        });
        if joins && !lit.glued && !lit.ordinal && lit.value >= 0.0 {
            self.snapshot = Some((self.segs.clone(), self.committed));
            self.segs.push(seg);
            return true;
        }
        false
    }

    fn small(
        &mut self,
        k: usize,
        value: f64,
        tens: bool,
        scale: f64,
        pending: Option<Kind>,
    ) -> bool {
        let seg = Seg {
            value,
            scale,
            word_scale: true,
        };
        if self.fraction_done {
            return false;
        }
        if self.segs.is_empty() {
            self.last_word_seg = 0;
            self.segs.push(seg);
            return true;
        }
        let Some(last) = self.segs.last().copied() else {
            return false;
        };
        let big_join = last.word_scale && last.scale > 1.0 && value < last.scale;
        let last_is_tens_word = self
            .pieces
            .get(k.wrapping_sub(1 + pending.is_some() as usize))
            .is_some_and(|p| matches!(p.kind, Kind::Small { tens: true, .. }));
        let tens_join = last_is_tens_word
            && (1.0..10.0).contains(&value)
            && pending != Some(Kind::And)
            && (self.lex.join_tens_units || pending == Some(Kind::Joiner));
        let denominator_next = Self::is_denominator(self.next_kind(k));
        if denominator_next && self.lex.numerator_is_word && pending != Some(Kind::Joiner) {
            self.whole += total(&self.segs);
            self.segs.clear();
            self.segs.push(seg);
            return true;
        }
        if big_join || tens_join {
            if big_join {
                self.snapshot = Some((self.segs.clone(), self.committed));
                if pending == Some(Kind::And) && last.scale >= 1e6 {
                    self.and_big = Some((self.segs.len(), last.scale));
                }
            }
            self.last_word_seg = self.segs.len();
            self.segs.push(seg);
            return true;
        }
        if denominator_next {
            self.whole += total(&self.segs);
            self.segs.clear();
            self.segs.push(seg);
            return true;
        }
        let _ = tens;
        false
    }

    fn mult(&mut self, m: f64) -> bool {
        if self.segs.is_empty() {
            self.segs.push(Seg {
                value: m,
                scale: m,
                word_scale: true,
            });
            return true;
        }
        let keep = self
            .segs
            .iter()
            .rposition(|s| s.scale >= m)
            .map_or(0, |p| p + 1);
        let trailing = &self.segs[keep..];
        let invalid = trailing.is_empty()
            || (keep > 0 && self.segs[keep - 1].scale <= m)
            || trailing.iter().any(|s| s.scale >= 1e6);
        if invalid {
            if let Some((segs, committed)) = self.snapshot.take() {
                self.segs = segs;
                self.committed = committed;
            }
            return false;
        }
        if self.whole != 0.0 && self.whole_scale < m && self.and_big.is_none() {
            if let Some(first) = self.segs.first_mut() {
                first.value += self.whole;
                self.whole = 0.0;
            }
        }
        mult_into(&mut self.segs, m);
        true
    }

    fn frac(&mut self, k: usize, f: f64, pending: Option<Kind>) -> bool {
        if self.fraction_done {
            return false;
        }
        let mult_next = matches!(self.next_kind(k), Some(Kind::Mult(_)))
            || matches!(
                (self.kind(k + 1), self.kind(k + 2)),
                (Some(Kind::Article), Some(Kind::Mult(_)))
            );
        if let Some((at, scale)) = self.and_big.filter(|(at, _)| *at < self.segs.len()) {
            let num = total(&self.segs[at..]);
            self.whole += total(&self.segs[..at]);
            let part = if mult_next { num * f } else { num * f * scale };
            self.segs = vec![Seg {
                value: part,
                scale: 1.0,
                word_scale: true,
            }];
        } else if pending == Some(Kind::And) || self.split {
            self.fraction_after_whole(f, mult_next);
        } else if self.segs.is_empty() {
            if !(mult_next || self.lex.join_tens_units) {
                return false;
            }
            self.segs.push(Seg {
                value: f,
                scale: 1.0,
                word_scale: true,
            });
        } else {
            let n = total(&self.segs);
            self.segs = vec![Seg {
                value: n * f,
                scale: 1.0,
                word_scale: true,
            }];
        }
        self.fraction_done = true;
        true
    }

    /// "drie en een kwart" (3.25); "3 miljoen en een half" (3.5 million).
    fn fraction_after_whole(&mut self, f: f64, mult_next: bool) {
        if !self.split {
            self.whole_scale = self.segs.last().map_or(1.0, |s| s.scale);
            self.whole += total(&self.segs);
        }
        let part = if self.whole_scale >= 1e6 && !mult_next {
            f * self.whole_scale
        } else {
            f
        };
        self.segs = vec![Seg {
            value: part,
            scale: 1.0,
            word_scale: true,
        }];
    }

    fn ord(&mut self, k: usize, d: f64, plural: bool, pending: Option<Kind>) -> bool {
        if self.fraction_done {
            return false;
        }
        let mut d = d;
        let mut segs = self.segs.clone();
        let tens_before = matches!(
            self.kind(k.wrapping_sub(1 + pending.is_some() as usize)),
            Some(Kind::Small { tens: true, .. })
        );
        if tens_before && d < 10.0 && (pending == Some(Kind::Joiner) || segs.len() > 1) {
            if let Some(t) = segs.pop() {
                d += t.value;
            }
        }
        if d <= 2.0 && (self.article || !segs.is_empty()) {
            return false;
        }
        if segs.is_empty() && !self.article {
            self.segs = vec![Seg {
                value: d,
                scale: 1.0,
                word_scale: true,
            }];
            self.ordinal = true;
            return true;
        }
        if d >= 100.0 && !plural && !self.article && self.whole == 0.0 {
            let n = total(&segs);
            self.segs = vec![Seg {
                value: n * d,
                scale: 1.0,
                word_scale: true,
            }];
            self.ordinal = true;
            return true;
        }
        if let Some((at, scale)) = self.and_big.filter(|(at, _)| *at < segs.len()) {
            let mult_next = matches!(self.next_kind(k), Some(Kind::Mult(_)));
            let num = total(&segs[at..]);
            self.whole += total(&segs[..at]);
            let part = if mult_next { num / d } else { num / d * scale };
            self.segs = vec![Seg {
                value: part,
                scale: 1.0,
                word_scale: true,
            }];
            self.fraction_done = true;
            return true;
        }
        let (whole, num) = if self.lex.numerator_is_word && !self.article && segs.len() > 1 {
            let split = self.last_word_seg.min(segs.len() - 1);
            (total(&segs[..split]), total(&segs[split..]))
        } else {
            (0.0, total(&segs))
        };
        self.whole += whole;
        self.segs = vec![Seg {
            value: num / d,
            scale: 1.0,
            word_scale: true,
        }];
        self.fraction_done = true;
        true
    }

    fn point(&mut self, k: usize) -> bool {
        if self.segs.is_empty() || self.fraction_done || self.article {
            return false;
        }
        let mut digits = String::new();
        let mut j = k + 1;
        while let Some(Kind::Small { value, .. }) = self.kind(j) {
            if value >= 10.0 && !digits.is_empty() {
                break;
            }
            if value >= 10.0 && matches!(self.kind(j + 1), Some(Kind::Joiner)) {
                if let Some(Kind::Small { value: u, .. }) = self.kind(j + 2) {
                    digits.push_str(&format!("{}", value + u));
                    j += 3;
                    break;
                }
            }
            digits.push_str(&format!("{value}"));
            j += 1;
            if value >= 10.0 {
                break;
            }
        }
        let Ok(fraction) = format!("0.{digits}").parse::<f64>() else {
            return false;
        };
        if digits.is_empty() {
            return false;
        }
        self.segs.push(Seg {
            value: fraction,
            scale: 1.0,
            word_scale: true,
        });
        self.commit(j - 1);
        true
    }

    fn finish(self) -> Option<Found> {
        let (start, end, next) = self.committed?;
        if self.segs.is_empty() && self.whole == 0.0 {
            return None;
        }
        if self.article
            && self.segs.len() == 1
            && !self.fraction_done
            && !self.ordinal
            && self.segs[0].scale == 1.0
            && self.whole == 0.0
            && !self.negative
        {
            return None;
        }
        let mut value = self.whole + total(&self.segs);
        if self.negative {
            value = -value;
        }
        let _ = self.words;
        Some(Found {
            start,
            end,
            value,
            ordinal: self.ordinal,
            glued: self.glued,
            next,
        })
    }
}

/// "een op de twintig", "one out of three", "2000 over 3": a ratio of two numbers.
fn ratio(text: &str, atoms: &[Atom], found: Found, lex: &Lexicon) -> Option<Found> {
    if found.ordinal || found.glued {
        return None;
    }
    let words_at = |j: usize, phrase: &[&str]| {
        phrase.iter().enumerate().all(|(n, w)| {
            atoms
                .get(j + n)
                .is_some_and(|a| a.is_word() && text[a.start..a.end].eq_ignore_ascii_case(w))
        })
    };
    let plain = lex.ratio.iter().map(|p| (p, false));
    let at_end = lex.ratio_at_end.iter().map(|p| (p, true));
    for (phrase, needs_end) in plain.chain(at_end) {
        if !words_at(found.next, phrase) {
            continue;
        }
        let j = found.next + phrase.len();
        let den = parse_at(text, atoms, j, lex)?;
        if den.ordinal || den.glued || den.value == 0.0 {
            return None;
        }
        let ends = atoms.get(den.next).is_none_or(|a| !a.is_word());
        if needs_end && !ends {
            return None;
        }
        return Some(Found {
            end: den.end,
            value: found.value / den.value,
            next: den.next,
            ..found
        });
    }
    None
}
