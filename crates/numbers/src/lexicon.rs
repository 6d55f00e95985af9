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

/// What the lexicon knows of one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordEntry {
    /// Its role as a number word, if it is one.
    pub role: Option<Role>,
    /// Whether a vague magnitude ("duizenden", "tens of thousands") begins with it.
    pub vague: bool,
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
    /// Whether an article before it is the number 1 ("een kilo"); not for forms that are
    /// ordinary words after an article ("a degree", "a bit", "een rad", "een voet").
    pub article: bool,
}

/// Two units written together as one measure: "5 feet 2 inches" is 5 + 2/12 feet.
#[derive(Debug, Clone)]
pub struct CompoundUnit {
    /// The canonical name of the larger unit ("foot").
    pub major: &'static str,
    /// The canonical name of the smaller unit ("inch").
    pub minor: &'static str,
    /// How many of the smaller unit make one of the larger.
    pub per_major: f64,
    /// Forms of the smaller unit that count only inside such a measure ("in").
    pub forms: Vec<&'static str>,
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
    /// What the lexicon knows of a lowercase word: number words (whole words and compound
    /// parts) and the first words of vague magnitudes, so a word of the text is looked up once.
    pub words: FnvMap<Box<str>, WordEntry>,
    /// Length in bytes of the longest number word of `words`.
    pub longest_word: usize,
    /// Bit `b0 * 256 + b1` is set when some number word starts with the bytes `b0 b1`, and bit
    /// `b0` of `one_byte` when `b0` alone is a number word: a word that passes neither cannot
    /// begin with a number word, so it is no compound (checked before trying every prefix).
    pub two_byte_starts: Vec<u64>,
    /// See `two_byte_starts`.
    pub one_byte: [u64; 4],
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
    /// Lowercase words that make a bare degree an angle, not a temperature ("draai", "angle").
    pub angle_words: Vec<&'static str>,
    /// Phrases after which a duration is an age ("een leeftijd van", "younger than").
    pub age_before: Vec<&'static str>,
    /// Subject pronouns, copulas and adverbs of "ik ben (pas) 29 jaar": a duration after them
    /// that ends the clause is an age.
    pub age_subjects: Vec<&'static str>,
    /// See `age_subjects`.
    pub age_verbs: Vec<&'static str>,
    /// See `age_subjects`.
    pub age_adverbs: Vec<&'static str>,
    /// Pairs of units written together as one measure ("5 feet 2 inches").
    pub compound_units: Vec<CompoundUnit>,
    /// Letters written before a currency code that multiply the amount ("MEUR": M, 10^6).
    pub currency_multipliers: Vec<(&'static str, f64)>,
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
    /// `units` by first and last word.
    pub unit_index: FormIndex,
    /// `currencies` by first and last word.
    pub currency_index: FormIndex,
    /// `approximators` by first and last word.
    pub approximator_index: FormIndex,
    /// `vague` by first and last word.
    pub vague_index: FormIndex,
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The forms of one list (units, currencies, ...) by their first and by their last word, so
/// that a place in the text is compared only with the forms that can match there instead of
/// with the whole list.
///
/// A form's edge word is its leading (or trailing) run of alphanumeric characters, lowercased,
/// or its first (last) character when that is not alphanumeric ("$", "%", "°C"). A form that
/// matches the text at a place (case-insensitively, ending at a word boundary) has the same edge
/// word as the text there, so the candidates are every form that can match, in list order.
#[derive(Debug, Default)]
pub struct FormIndex {
    first: FnvMap<Box<str>, Vec<u32>>,
    last: FnvMap<Box<str>, Vec<u32>>,
    longest: usize,
}

/// The edge word of `s`: its leading (`from_end` false) or trailing run of alphanumeric
/// characters, or its first (last) character when that is not alphanumeric.
fn edge_word(s: &str, from_end: bool) -> &str {
    if from_end {
        let Some(last) = s.chars().next_back() else {
            return "";
        };
        if !last.is_alphanumeric() {
            return &s[s.len() - last.len_utf8()..];
        }
        let start = s
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        &s[start..]
    } else {
        let Some(first) = s.chars().next() else {
            return "";
        };
        if !first.is_alphanumeric() {
            return &s[..first.len_utf8()];
        }
        let end = s
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(s.len(), |(i, _)| i);
        &s[..end]
    }
}

/// Calls `f` with `word` lowercased, without allocating for short ASCII words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        // ASCII bytes stay valid UTF-8 after ASCII lowercasing.
        return f(std::str::from_utf8(bytes).unwrap_or(""));
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    f(&lower)
}

impl FormIndex {
    /// Indexes `forms` (in the order their indices refer to).
    pub fn new<'a>(forms: impl IntoIterator<Item = &'a str>) -> FormIndex {
        let mut index = FormIndex::default();
        for (n, form) in forms.into_iter().enumerate() {
            let n = n as u32;
            for (from_end, map) in [(false, &mut index.first), (true, &mut index.last)] {
                let key: String = edge_word(form, from_end)
                    .chars()
                    .flat_map(char::to_lowercase)
                    .collect();
                index.longest = index.longest.max(key.len());
                map.entry(key.into_boxed_str()).or_default().push(n);
            }
        }
        index
    }

    fn lookup<'s>(&'s self, map: &'s FnvMap<Box<str>, Vec<u32>>, word: &str) -> &'s [u32] {
        if word.is_empty() || word.len() > 4 * self.longest {
            return &[];
        }
        with_lower(word, |w| map.get(w).map_or(&[][..], Vec::as_slice))
    }

    /// The indices of the forms that may start at byte `at` of `text`, in list order.
    pub fn starting(&self, text: &str, at: usize) -> &[u32] {
        let word = text.get(at..).map_or("", |rest| edge_word(rest, false));
        self.lookup(&self.first, word)
    }

    /// The indices of the forms that may end at byte `at` of `text`, in list order.
    pub fn ending(&self, text: &str, at: usize) -> &[u32] {
        let word = text.get(..at).map_or("", |head| edge_word(head, true));
        self.lookup(&self.last, word)
    }
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
            two_byte_starts: vec![0; 1024],
            one_byte: [0; 4],
            decimal: '.',
            ordinal_suffixes: Vec::new(),
            join_tens_units: false,
            numerator_is_word: false,
            ratio: Vec::new(),
            ratio_at_end: Vec::new(),
            not_number_after: Vec::new(),
            digit_suffixes: Vec::new(),
            per: Vec::new(),
            angle_words: Vec::new(),
            age_before: Vec::new(),
            age_subjects: Vec::new(),
            age_verbs: Vec::new(),
            age_adverbs: Vec::new(),
            compound_units: Vec::new(),
            currency_multipliers: Vec::new(),
            units: Vec::new(),
            currencies: Vec::new(),
            approximators: Vec::new(),
            vague: Vec::new(),
            ranges: Vec::new(),
            counted_stop: kroniek_lang::list(code, "numbers_counted_stop.txt"),
            price_verbs: kroniek_lang::list(code, "numbers_price_verbs.txt"),
            unit_index: FormIndex::default(),
            currency_index: FormIndex::default(),
            approximator_index: FormIndex::default(),
            vague_index: FormIndex::default(),
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
            self.set_role(word.to_lowercase(), role);
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
                let entry = self
                    .words
                    .entry(format!("{word}{suffix}").into_boxed_str())
                    .or_default();
                entry.role.get_or_insert(Role::Ordinal {
                    value,
                    plural: true,
                });
            }
            self.set_role(
                word,
                Role::Ordinal {
                    value,
                    plural: false,
                },
            );
        }
        for (word, entry) in &self.words {
            if entry.role.is_none() {
                continue;
            }
            self.longest_word = self.longest_word.max(word.len());
            match word.as_bytes() {
                [b] => self.one_byte[usize::from(*b >> 6)] |= 1 << (b & 63),
                [b0, b1, ..] => {
                    let bit = usize::from(*b0) * 256 + usize::from(*b1);
                    self.two_byte_starts[bit >> 6] |= 1 << (bit & 63);
                }
                [] => {}
            }
        }
    }

    fn set_role(&mut self, word: String, role: Role) {
        self.words.entry(word.into_boxed_str()).or_default().role = Some(role);
    }

    /// Whether `rest` (lowercase) may begin with a number word (see `two_byte_starts`).
    pub fn may_start_number_word(&self, rest: &str) -> bool {
        match rest.as_bytes() {
            [b0, b1, ..] => {
                let bit = usize::from(*b0) * 256 + usize::from(*b1);
                self.two_byte_starts[bit >> 6] & (1 << (bit & 63)) != 0
                    || self.one_byte[usize::from(*b0 >> 6)] & (1 << (b0 & 63)) != 0
            }
            [b0] => self.one_byte[usize::from(*b0 >> 6)] & (1 << (b0 & 63)) != 0,
            [] => false,
        }
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
                "angle_word" => self.angle_words.push(value),
                "age_before" => self.age_before.push(value),
                "age_subject" => self.age_subjects.push(value),
                "age_verb" => self.age_verbs.push(value),
                "age_adverb" => self.age_adverbs.push(value),
                "compound_unit" => {
                    let per_major = row.get(3).and_then(|v| number(v));
                    if let (Some(minor), Some(per_major)) = (row.get(2), per_major) {
                        self.compound_units.push(CompoundUnit {
                            major: value,
                            minor,
                            per_major,
                            forms: row.iter().skip(4).copied().collect(),
                        });
                    }
                }
                "currency_multiplier" => {
                    if let Some(n) = row.get(2).and_then(|v| number(v)) {
                        self.currency_multipliers.push((value, n));
                    }
                }
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
                let article = row.get(3) != Some(&"no_article");
                self.units.push(UnitForm {
                    form,
                    unit,
                    kind,
                    article,
                });
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
        self.unit_index = FormIndex::new(self.units.iter().map(|u| u.form));
        self.currency_index = FormIndex::new(self.currencies.iter().map(|c| c.form));
        self.approximator_index = FormIndex::new(self.approximators.iter().map(|a| a.0));
        self.vague_index = FormIndex::new(self.vague.iter().map(|v| v.0));
        for (form, _, _) in &self.vague {
            let first: String = edge_word(form, false)
                .chars()
                .flat_map(char::to_lowercase)
                .collect();
            self.words.entry(first.into_boxed_str()).or_default().vague = true;
        }
    }

    /// The role of a whole lowercase word, if it is a number word.
    pub fn role(&self, lower: &str) -> Option<Role> {
        self.words.get(lower).and_then(|e| e.role)
    }

    /// Everything the lexicon knows of a lowercase word.
    pub fn entry(&self, lower: &str) -> WordEntry {
        self.words.get(lower).copied().unwrap_or_default()
    }
}
