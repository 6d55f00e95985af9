//! The word-level data of one language, loaded once from `lang/<code>/` (see the header of each
//! file for its format).

use kroniek_text::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a number word does in a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// A count word that adds to what precedes it.
    Small(f64),
    /// A multiplier of the part of the number below its own size.
    Mult(f64),
    /// A part of one ("half", "kwart").
    Fraction(f64),
    /// An ordinal ("derde", "fifth"), also a fraction denominator; `plural` for "fifths".
    Ordinal { value: f64, plural: bool },
    /// The article that is 1 only when it quantifies ("een", "a").
    Article,
    /// The connector "en"/"and".
    And,
    /// "min", "minus", "negative".
    Minus,
    /// The spoken decimal point ("komma", "point").
    Point,
}

/// A kind of approximation said before a number.
pub use crate::Approximator;

/// A unit of measurement as the data file gives it.
#[derive(Debug, Clone)]
pub struct UnitForm {
    /// The written form.
    pub form: &'static str,
    /// Canonical unit name.
    pub unit: &'static str,
    /// Kind of quantity (length, weight, ..., temperature, age).
    pub kind: &'static str,
}

/// A currency form.
#[derive(Debug, Clone)]
pub struct CurrencyForm {
    /// The written form.
    pub form: &'static str,
    /// ISO 4217 code, or a minor unit name (`cent`).
    pub code: &'static str,
    /// For a minor unit: the currency it is a hundredth of.
    pub minor_of: Option<&'static str>,
}

/// All data of one language.
#[derive(Debug)]
pub struct Lexicon {
    /// Number words (whole words and compound parts) by lowercase form.
    pub words: HashMap<String, Role, BuildHasherDefault<Fnv>>,
    /// Length in bytes of the longest entry of `words`.
    pub longest_word: usize,
    /// Decimal separator of written numbers.
    pub decimal: char,
    /// Digit ordinal suffixes ("e", "ste"; "st", "nd").
    pub ordinal_suffixes: Vec<&'static str>,
    /// Whether "fifty two" is one number.
    pub join_tens_units: bool,
    /// Whether only the last word before a denominator is the numerator.
    pub numerator_is_word: bool,
    /// Ratio connectors, as lowercase word sequences.
    pub ratio: Vec<Vec<&'static str>>,
    /// Ratio connectors valid only when the second number ends the clause.
    pub ratio_at_end: Vec<Vec<&'static str>>,
    /// Words after which "one" is a pronoun.
    pub not_number_after: Vec<&'static str>,
    /// Multiplier suffixes after digits (case-sensitive), longest first.
    pub digit_suffixes: Vec<(&'static str, f64)>,
    /// Words that make a price a price per unit.
    pub per: Vec<&'static str>,
    /// Units, longest form first.
    pub units: Vec<UnitForm>,
    /// Currencies, longest form first.
    pub currencies: Vec<CurrencyForm>,
    /// Approximators, longest phrase first.
    pub approximators: Vec<(&'static str, Approximator)>,
    /// Vague magnitudes (form, lower, upper), longest first.
    pub vague: Vec<(&'static str, f64, f64)>,
    /// Range words: (role, phrase).
    pub ranges: Vec<(&'static str, &'static str)>,
    /// Words that end a counted noun phrase.
    pub counted_stop: Vec<&'static str>,
    /// Price verbs.
    pub price_verbs: Vec<&'static str>,
}

/// FNV-1a: a fast hash for the short word keys of the lexicon (no untrusted-key concerns: the
/// keys are the lexicon's own words).
#[derive(Debug, Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The lexicon of `lang` (English data for languages without their own).
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    static NL: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Lang::Nl => NL.get_or_init(|| Lexicon::load("nl")),
        _ => EN.get_or_init(|| Lexicon::load("en")),
    }
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok()
}

fn by_length_desc<T>(items: &mut [T], form: impl Fn(&T) -> &str) {
    items.sort_by_key(|item| std::cmp::Reverse(form(item).chars().count()));
}

impl Lexicon {
    fn load(code: &str) -> Lexicon {
        let mut lex = Lexicon {
            words: HashMap::default(),
            longest_word: 0,
            decimal: '.',
            ordinal_suffixes: Vec::new(),
            join_tens_units: false,
            numerator_is_word: false,
            ratio: Vec::new(),
            ratio_at_end: Vec::new(),
            not_number_after: Vec::new(),
            digit_suffixes: Vec::new(),
            per: Vec::new(),
            units: Vec::new(),
            currencies: Vec::new(),
            approximators: Vec::new(),
            vague: Vec::new(),
            ranges: Vec::new(),
            counted_stop: kroniek_lang::list(code, "numbers_counted_stop.txt"),
            price_verbs: kroniek_lang::list(code, "numbers_price_verbs.txt"),
        };
        lex.load_words(code);
        lex.load_grammar(code);
        lex.load_units(code);
        lex
    }

    fn load_words(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "numbers.txt") {
            let (Some(word), Some(value), Some(role)) = (row.first(), row.get(1), row.get(2))
            else {
                continue;
            };
            let value = number(value).unwrap_or(0.0);
            let role = match *role {
                "small" => Role::Small(value),
                "mult" => Role::Mult(value),
                "fraction" => Role::Fraction(value),
                "article" => Role::Article,
                "and" => Role::And,
                "minus" => Role::Minus,
                "point" => Role::Point,
                _ => continue,
            };
            self.words.insert(word.to_lowercase(), role);
        }
        let plurals: Vec<&str> = kroniek_lang::table(code, "numbers_grammar.txt")
            .into_iter()
            .filter(|row| row.first() == Some(&"fraction_plural"))
            .filter_map(|row| row.get(1).copied())
            .collect();
        for row in kroniek_lang::table(code, "numbers_ordinals.txt") {
            let (Some(word), Some(value)) = (row.first(), row.get(1).and_then(|v| number(v)))
            else {
                continue;
            };
            let word = word.to_lowercase();
            for suffix in &plurals {
                self.words
                    .entry(format!("{word}{suffix}"))
                    .or_insert(Role::Ordinal {
                        value,
                        plural: true,
                    });
            }
            self.words.insert(
                word,
                Role::Ordinal {
                    value,
                    plural: false,
                },
            );
        }
        self.longest_word = self.words.keys().map(String::len).max().unwrap_or(0);
    }

    fn load_grammar(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "numbers_grammar.txt") {
            let (Some(key), Some(value)) = (row.first(), row.get(1)) else {
                continue;
            };
            let words = || value.split_whitespace().collect::<Vec<_>>();
            match *key {
                "decimal_separator" => self.decimal = value.chars().next().unwrap_or('.'),
                "ordinal_suffix" => self.ordinal_suffixes.push(value),
                "join_tens_units" => self.join_tens_units = *value == "yes",
                "fraction_numerator" => self.numerator_is_word = *value == "word",
                "ratio" => self.ratio.push(words()),
                "ratio_at_clause_end" => self.ratio_at_end.push(words()),
                "not_number_after" => self.not_number_after.push(value),
                "per" => self.per.push(value),
                "digit_suffix" => {
                    if let Some(n) = row.get(2).and_then(|v| number(v)) {
                        self.digit_suffixes.push((value, n));
                    }
                }
                _ => {}
            }
        }
        by_length_desc(&mut self.ordinal_suffixes, |s| s);
        by_length_desc(&mut self.digit_suffixes, |s| s.0);
        self.ratio.sort_by_key(|r| std::cmp::Reverse(r.len()));
    }

    fn load_units(&mut self, code: &str) {
        for row in kroniek_lang::table(code, "units.txt") {
            if let (Some(form), Some(unit), Some(kind)) = (row.first(), row.get(1), row.get(2)) {
                self.units.push(UnitForm { form, unit, kind });
            }
        }
        by_length_desc(&mut self.units, |u| u.form);
        for row in kroniek_lang::table(code, "currencies.txt") {
            if let (Some(form), Some(code)) = (row.first(), row.get(1)) {
                let minor_of = row.get(2).copied();
                self.currencies.push(CurrencyForm {
                    form,
                    code,
                    minor_of,
                });
            }
        }
        by_length_desc(&mut self.currencies, |c| c.form);
        for row in kroniek_lang::table(code, "approximators.txt") {
            if let (Some(form), Some(kind)) = (row.first(), row.get(1)) {
                if let Some(kind) = Approximator::from_name(kind) {
                    self.approximators.push((form, kind));
                }
            }
        }
        by_length_desc(&mut self.approximators, |a| a.0);
        for row in kroniek_lang::table(code, "numbers_vague.txt") {
            let lower = row.get(1).and_then(|v| number(v));
            let upper = row.get(2).and_then(|v| number(v));
            if let (Some(form), Some(lower), Some(upper)) = (row.first(), lower, upper) {
                self.vague.push((form, lower, upper));
            }
        }
        by_length_desc(&mut self.vague, |v| v.0);
        for row in kroniek_lang::table(code, "numbers_ranges.txt") {
            if let (Some(role), Some(phrase)) = (row.first(), row.get(1)) {
                self.ranges.push((role, phrase));
            }
        }
        by_length_desc(&mut self.ranges, |r| r.1);
    }

    /// The role of a whole lowercase word, if it is a number word.
    pub fn role(&self, lower: &str) -> Option<Role> {
        self.words.get(lower).copied()
    }
}
