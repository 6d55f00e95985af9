//! Triggers: the words that report an event, with their sub-type, and food prices from priced
//! amounts of money.

use crate::arguments::Context;
use crate::lexicon::{Lexicon, Trigger};
use crate::taxonomy::{sub_type, SubType};
use crate::words::Words;
use crate::EventInput;
use kroniek_numbers::QuantityKind;
use kroniek_text::Span;

/// Words around a trigger that a `needs=` option may find.
const NEEDS_WINDOW: usize = 8;
/// Words around a trigger that a `not=` option looks at.
const NOT_WINDOW: usize = 2;
/// Words around a trigger that the context rules look at.
const CONTEXT_WINDOW: usize = 6;
/// The strength of a food price found through a priced amount of money.
const PRICE_STRENGTH: f64 = 0.8;

/// One trigger found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// The sub-type, after context rules.
    pub sub_type: &'static SubType,
    /// How strongly the trigger alone signals the event (0–1).
    pub strength: f64,
    /// The trigger's words.
    pub span: Span,
    /// Its first word (index into the words).
    pub first_word: usize,
    /// One past its last word.
    pub end_word: usize,
    /// Its sentence.
    pub sentence: usize,
    /// For a food price: the priced amount of money (index into the quantities).
    pub price: Option<usize>,
}

/// Every trigger of the text, in text order.
pub(crate) fn triggers(input: &EventInput, words: &Words, lx: &Lexicon, cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.list.len() {
        match trigger_at(words, i, lx, cx) {
            Some(hit) => {
                i = hit.end_word.max(i + 1);
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits.extend(prices(input, words, lx));
    hits
}

/// The longest trigger at word `i` whose conditions hold, with its sub-type refined.
fn trigger_at(words: &Words, i: usize, lx: &Lexicon, cx: &Context) -> Option<Hit> {
    let mut best: Option<(usize, &Trigger)> = None;
    for (n, trigger) in lx.triggers.at(words, i) {
        if best.is_none_or(|(m, _)| n > m) && fires(words, i, n, trigger, lx, cx) {
            best = Some((n, trigger));
        }
    }
    let (n, trigger) = best?;
    let first = words.list.get(i)?;
    let last = words.list.get(i + n - 1)?;
    Some(Hit {
        sub_type: refine(words, i, i + n, trigger.sub_type, lx),
        strength: trigger.strength,
        span: Span::new(first.span.start, last.span.end),
        first_word: i,
        end_word: i + n,
        sentence: first.sentence,
        price: None,
    })
}

/// Whether the trigger of `n` words at `i` meets its `needs=` and `not=` conditions.
fn fires(words: &Words, i: usize, n: usize, trigger: &Trigger, lx: &Lexicon, cx: &Context) -> bool {
    let (lo, hi) = words.sentence_range(i);
    let around = |width: usize| i.saturating_sub(width).max(lo)..(i + n + width).min(hi);
    let outside = |j: &usize| *j < i || *j >= i + n;
    if !trigger.not.is_empty()
        && around(NOT_WINDOW)
            .filter(outside)
            .any(|j| trigger.not.any_at(words, j))
    {
        return false;
    }
    let Some(needs) = &trigger.needs else {
        return true;
    };
    let sentence = words.list.get(i).map(|w| w.sentence);
    (needs.count && sentence.is_some_and(|s| cx.has_people_count(s)))
        || (needs.food && around(NEEDS_WINDOW).any(|j| lx.food.any_at(words, j)))
        || around(NEEDS_WINDOW)
            .filter(outside)
            .any(|j| needs.words.any_at(words, j))
}

/// The sub-type after the context rules: the first listed rule for `sub` whose word is near.
fn refine(
    words: &Words,
    first: usize,
    end: usize,
    sub: &'static SubType,
    lx: &Lexicon,
) -> &'static SubType {
    let (lo, hi) = words.sentence_range(first);
    let from = first.saturating_sub(CONTEXT_WINDOW).max(lo);
    let to = (end + CONTEXT_WINDOW).min(hi);
    let mut best: Option<(usize, &'static SubType)> = None;
    for j in (from..to).filter(|j| *j < first || *j >= end) {
        for (_, rule) in lx.context.at(words, j) {
            if rule.from == sub.sub_type && best.is_none_or(|(order, _)| rule.order < order) {
                best = Some((rule.order, rule.to));
            }
        }
    }
    best.map_or(sub, |(_, to)| to)
}

/// Food prices: an amount of money whose priced goods name food or water ("een kilo suiker
/// kost zo’n 70 dollar"), or, when the numbers stage found no goods, an amount after a price
/// verb with a food word before it in its sentence ("een zak meel kost in Aleppo 40 dollar").
fn prices(input: &EventInput, words: &Words, lx: &Lexicon) -> Vec<Hit> {
    let Some(food_prices) = sub_type("food_prices") else {
        return Vec::new();
    };
    input
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuantityKind::Money)
        .filter_map(|(index, q)| {
            let first = words.first_at(q.span.start);
            let food = match &q.priced {
                Some(goods) => {
                    let (from, to) = (
                        words.first_at(goods.span.start),
                        words.first_at(goods.span.end),
                    );
                    (from..to).any(|j| lx.food.any_at(words, j))
                }
                None => price_of_food_before(words, first, lx),
            };
            food.then_some(())?;
            let sentence = words.list.get(first)?.sentence;
            Some(Hit {
                sub_type: food_prices,
                strength: PRICE_STRENGTH,
                span: q.span,
                first_word: first,
                end_word: words.first_at(q.span.end).max(first + 1),
                sentence,
                price: Some(index),
            })
        })
        .collect()
}

/// Whether a price verb and, before it, a food word come before word `at` in its sentence.
fn price_of_food_before(words: &Words, at: usize, lx: &Lexicon) -> bool {
    let (lo, _) = words.sentence_range(at.min(words.list.len().saturating_sub(1)));
    let from = at.saturating_sub(NEEDS_WINDOW).max(lo);
    let Some(verb) = (from..at).rev().find(|j| lx.price_verbs.any_at(words, *j)) else {
        return false;
    };
    (from..verb).any(|j| lx.food.any_at(words, j))
}
