//! The numbers stage's own light tokenizer: words, digit runs and single symbols, each word
//! classified once against the lexicon (plain word, number word, or number compound).
//!
//! It scans characters directly, so it does not depend on the segmenter's details.

use crate::lexicon::{Lexicon, Role};

/// What a word is to the number parser.
#[derive(Debug, Clone, PartialEq)]
pub enum WordClass {
    /// Not a number word.
    Plain,
    /// A number word listed as such.
    Number(Role),
    /// A compound of number words ("tweeënveertig", "eenentwintigste").
    Compound(Vec<Role>),
}

/// What an atom is.
#[derive(Debug, Clone, PartialEq)]
pub enum AtomKind {
    /// A run of letters (with inner apostrophes: "zo’n").
    Word(WordClass),
    /// A run of ASCII digits.
    Digits,
    /// A vulgar fraction character ("½").
    Vulgar(f64),
    /// Any other non-space character.
    Sym(char),
}

/// One atom: a byte range and its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Atom {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: AtomKind,
    /// A word that may begin a vague magnitude ("duizenden"): only these are compared with the
    /// vague forms.
    pub vague: bool,
}

impl Atom {
    /// Whether the atom is a word.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, AtomKind::Word(_))
    }
}

fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into atoms and classifies the words.
pub fn atoms(text: &str, lex: &Lexicon) -> Vec<Atom> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut lower = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            let mut end = at + 1;
            while let Some(&(next_at, next)) = chars.peek() {
                if !next.is_ascii_digit() {
                    break;
                }
                end = next_at + 1;
                chars.next();
            }
            out.push(Atom {
                start: at,
                end,
                kind: AtomKind::Digits,
                vague: false,
            });
            continue;
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            while let Some(&(next_at, next)) = chars.peek() {
                let inner = is_apostrophe(next)
                    && text[next_at + next.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if !(next.is_alphabetic() || inner) {
                    break;
                }
                end = next_at + next.len_utf8();
                chars.next();
            }
            let word = &text[at..end];
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            let entry = lex.entry(&lower);
            // A vague form's first word ends before an apostrophe ("duizenden's").
            let vague = match lower.find(is_apostrophe) {
                Some(cut) => lex.entry(&lower[..cut]).vague,
                None => entry.vague,
            };
            let kind = AtomKind::Word(classify(&lower, entry.role, lex));
            out.push(Atom {
                start: at,
                end,
                kind,
                vague,
            });
            continue;
        } else if let Some(v) = vulgar(c) {
            AtomKind::Vulgar(v)
        } else {
            AtomKind::Sym(c)
        };
        out.push(Atom {
            start: at,
            end: at + c.len_utf8(),
            kind,
            vague: false,
        });
    }
    out
}

/// Classifies a lowercase word whose own role (as a whole word) is already looked up.
fn classify(lower: &str, role: Option<Role>, lex: &Lexicon) -> WordClass {
    if let Some(role) = role {
        return WordClass::Number(role);
    }
    if lower.len() < 6 || !lex.may_start_number_word(lower) {
        return WordClass::Plain;
    }
    let mut parts = Vec::new();
    if split(lower, lex, &mut parts) && parts.len() > 1 && valid_compound(&parts) {
        WordClass::Compound(parts)
    } else {
        WordClass::Plain
    }
}

/// Splits `rest` into number words, longest first, backtracking when a split leads nowhere.
fn split(rest: &str, lex: &Lexicon, parts: &mut Vec<Role>) -> bool {
    if rest.is_empty() {
        return true;
    }
    if !lex.may_start_number_word(rest) {
        return false;
    }
    let max = rest.len().min(lex.longest_word);
    for len in (1..=max).rev() {
        if !rest.is_char_boundary(len) {
            continue;
        }
        let Some(role) = lex.role(&rest[..len]) else {
            continue;
        };
        let role = match role {
            Role::Article => Role::Small(1.0),
            Role::Minus | Role::Point => continue,
            other => other,
        };
        parts.push(role);
        if split(&rest[len..], lex, parts) {
            return true;
        }
        parts.pop();
    }
    false
}

/// Whether a sequence of compound parts is a well-formed number word.
fn valid_compound(parts: &[Role]) -> bool {
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| parts[p]);
        let next = parts.get(i + 1).copied();
        let ok = match part {
            Role::And => match (prev, next) {
                (Some(Role::Small(a)), Some(Role::Small(b))) => a < 10.0 && is_tens(b),
                (Some(Role::Small(a)), Some(Role::Ordinal { value, .. })) => {
                    a < 10.0 && is_tens(value)
                }
                (Some(Role::Small(_)), Some(Role::Fraction(_))) => i + 1 == last,
                (Some(Role::Mult(_)), Some(Role::Small(_) | Role::Ordinal { .. })) => true,
                _ => false,
            },
            Role::Small(_) => !matches!(prev, Some(Role::Small(_)) | Some(Role::Fraction(_))),
            Role::Fraction(_) => i == last && matches!(prev, Some(Role::Small(_) | Role::And)),
            Role::Ordinal { .. } => i == last,
            Role::Mult(_) => !matches!(prev, Some(Role::And)),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Whether `v` is a tens word's value (20, 30, ..., 90).
pub fn is_tens(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}
