//! Numbers and quantities in Dutch and English news text: counts ("Tienduizenden mensen"),
//! money ("zo’n 70 dollar"), measures ("tien kilometer", "een kilo suiker"), percentages,
//! temperatures, ages, ranges, ordinals and vague amounts, each with its exact span, its value
//! or bounds, how exact the text says it is, and the noun it counts or the goods it prices.
//!
//! Layers, top-down: [`find_quantities`] reads each number found by [`find_numbers`] as a
//! quantity (units, currency, approximators, ranges, counted noun); [`find_numbers`] combines
//! digits and number words into values (`phrase`), from written digits (`literal`) and number
//! words (`scan`), with all word-level data from `lang/<code>/` (`lexicon`).

mod lexicon;
mod literal;
mod phrase;
mod quantity;
mod scan;

use kroniek_text::{CharOffsets, Lang, Segmentation, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A plain count or amount ("70", "tweeduizend", "een half").
    Number,
    /// A position ("derde", "3e", "twenty-first").
    Ordinal,
    /// A percentage ("5 procent", "12%"); the value is in percent.
    Percentage,
    /// An amount of money; `currency` says which.
    Money,
    /// A measure (length, weight, volume, area, speed, ...); `unit` and `dimension` say which.
    Dimension,
    /// A temperature; `unit` is celsius, fahrenheit, kelvin or degree.
    Temperature,
    /// An age ("60 jaar oud", "five years old"); `unit` is year, month, week or day.
    Age,
    /// A range of numbers ("10 tot 20", "between 5 and 10"): `lower` and `upper`.
    Range,
    /// An order of size ("tienduizenden", "dozens"): `lower` and `upper` bounds only.
    Vague,
}

/// How exact the text says a number is: the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approximator {
    /// "zo’n", "ongeveer", "about", "around".
    About,
    /// "minstens", "zeker", "at least".
    AtLeast,
    /// "ruim", "meer dan", "more than", "over".
    MoreThan,
    /// "minder dan", "less than", "fewer than".
    LessThan,
    /// "hooguit", "maximaal", "at most".
    AtMost,
    /// "bijna", "nearly", "almost".
    Nearly,
    /// "tot", "up to".
    UpTo,
}

impl Approximator {
    /// Parses the snake_case name used in the data files.
    pub fn from_name(name: &str) -> Option<Approximator> {
        Some(match name {
            "about" => Approximator::About,
            "at_least" => Approximator::AtLeast,
            "more_than" => Approximator::MoreThan,
            "less_than" => Approximator::LessThan,
            "at_most" => Approximator::AtMost,
            "nearly" => Approximator::Nearly,
            "up_to" => Approximator::UpTo,
            _ => return None,
        })
    }
}

/// A stretch of text a quantity refers to: the noun phrase it counts, or the goods it prices.
pub type Counted = kroniek_text::Words;

/// One quantity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole mention: approximator, number(s), unit or currency ("zo’n 70 dollar").
    pub span: Span,
    /// What it measures.
    pub kind: QuantityKind,
    /// The value, in `unit` or `currency` when given (none for ranges and vague amounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The lowest value the text allows, if it bounds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// The highest value the text allows, if it bounds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// How exact the text says it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate: Option<Approximator>,
    /// The canonical unit ("kilometer", "kilogram", "celsius", "year", "cent").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For a dimension: what the unit measures (length, weight, volume, area, speed, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// For money: the ISO 4217 code (USD, EUR, GBP, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The noun phrase the quantity counts or measures ("mensen", "suiker").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<Counted>,
    /// For a price: the goods it is the price of ("een kilo suiker").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priced: Option<Counted>,
}

impl ToCharOffsets for Quantity {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
        self.counted.to_char_offsets(map);
        self.priced.to_char_offsets(map);
    }
}

/// A number as written, before it is read as a quantity: digits, words or both.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Where it is.
    pub span: Span,
    /// Its value (for an ordinal, the position).
    pub value: f64,
    /// Whether it is an ordinal.
    pub ordinal: bool,
    /// Whether letters touch its digits ("180ml", "A4"): then it is part of a word or a unit,
    /// not a number on its own.
    pub glued: bool,
}

impl ToCharOffsets for NumberMention {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

/// Every number written in `text` (digits, number words, fractions, ordinals), in text order.
///
/// This is the layer under [`find_quantities`]; it knows nothing of units or currencies.
pub fn find_numbers(text: &str, lang: Lang) -> Vec<NumberMention> {
    let lex = lexicon::lexicon(lang);
    let atoms = scan::atoms(text, lex);
    numbers(text, &atoms, lex)
        .into_iter()
        .map(|f| NumberMention {
            span: Span::new(f.start, f.end),
            value: f.value,
            ordinal: f.ordinal,
            glued: f.glued,
        })
        .collect()
}

/// Runs the phrase parser over all atoms.
fn numbers(text: &str, atoms: &[scan::Atom], lex: &lexicon::Lexicon) -> Vec<phrase::Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        match phrase::parse_at(text, atoms, i, lex) {
            Some(found) => {
                i = found.next.max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

/// Every quantity in `text`, in text order.
///
/// `segmentation` (from `kroniek_text::segment`) keeps a price and its goods in one sentence.
pub fn find_quantities(text: &str, segmentation: &Segmentation, lang: Lang) -> Vec<Quantity> {
    let lex = lexicon::lexicon(lang);
    let atoms = scan::atoms(text, lex);
    let found = numbers(text, &atoms, lex);
    quantity::build(text, segmentation, &atoms, &found, lex)
}

/// The span of a quantity without the approximator it starts with ("zo’n 70 dollar" ->
/// "70 dollar"); the whole span when it has none.
///
/// The quantity's own span includes the approximator because it qualifies the amount; scorers
/// whose gold data leaves approximators out of the mention (the Recognizers-Text specs) compare
/// this span instead.
pub fn span_without_approximator(text: &str, quantity: &Quantity, lang: Lang) -> Span {
    let span = quantity.span;
    if quantity.approximate.is_none() {
        return span;
    }
    let lex = lexicon::lexicon(lang);
    let Some(rest) = text.get(span.start..span.end) else {
        return span;
    };
    let approximator = lex.approximators.iter().find_map(|(form, _)| {
        let head = rest.get(..form.len())?;
        let boundary = rest[form.len()..].starts_with(|c: char| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(form) && boundary).then_some(form.len())
    });
    match approximator {
        Some(len) => {
            let skipped = rest[len..].len() - rest[len..].trim_start().len();
            Span::new(span.start + len + skipped, span.end)
        }
        None => span,
    }
}

#[cfg(test)]
mod tests;
