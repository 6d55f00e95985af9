//! Flags of an event: negated ("er werd niet gevochten"), hypothetical ("dreigt", "plans to", a
//! date after publication) and historical ("in 2014", "vorig jaar", "years ago").
//!
//! Negation and modal words count only in the trigger's clause: from the last clause boundary
//! before it (a comma, colon, quotation mark, bracket or a conjunction such as "omdat",
//! "because") to a few words after it. Words inside the trigger never count, so a trigger may
//! contain its own negation ("geen medische hulp").

use crate::detect::Hit;
use crate::lexicon::{Lexicon, WordKind};
use crate::words::Words;
use chrono::{Datelike, NaiveDate};
use kroniek_time::{Granularity, Reference, TimeExpression, TimeValue};

/// Words after a trigger in which a negation or modal still counts ("ze vochten gisteren niet").
const AFTER: usize = 3;
/// Days before publication after which a dated event is background history.
const HISTORY_DAYS: i64 = 60;
/// Characters between two words that end a clause.
const BREAKS: &[char] = &[
    ',', ';', ':', '(', ')', '–', '—', '"', '“', '”', '„', '‘', '’', '«', '»', '\'', '?', '!',
];

/// The words of a trigger's clause, around the trigger.
pub(crate) struct Scope<'a> {
    words: &'a Words,
    lx: &'a Lexicon,
    sentence: (usize, usize),
    start: usize,
    first: usize,
    end: usize,
    clause_end: usize,
}

impl<'a> Scope<'a> {
    /// The clause of `hit`.
    pub fn of(words: &'a Words, text: &str, lx: &'a Lexicon, hit: &Hit) -> Scope<'a> {
        let (lo, hi) = words.sentence_range(hit.first_word);
        let broken = |j: usize| {
            // Whether a clause boundary lies between word j - 1 and word j.
            let (Some(a), Some(b)) = (words.list.get(j.wrapping_sub(1)), words.list.get(j)) else {
                return true;
            };
            text.get(a.span.end..b.span.start)
                .is_none_or(|gap| gap.contains(BREAKS))
        };
        let clause_word = |j: usize| {
            lx.words
                .at(words, j)
                .iter()
                .any(|(_, k)| **k == WordKind::Clause)
        };
        let mut start = hit.first_word.min(hi);
        while start > lo && !broken(start) && !clause_word(start - 1) {
            start -= 1;
        }
        let mut clause_end = hit.end_word.min(hi);
        while clause_end < hi && !broken(clause_end) && !clause_word(clause_end) {
            clause_end += 1;
        }
        Scope {
            words,
            lx,
            sentence: (lo, hi),
            start,
            first: hit.first_word,
            end: hit.end_word,
            clause_end,
        }
    }

    /// Whether a word of `kind` is in the clause outside the trigger (after it, only a few
    /// words).
    pub fn has(&self, kind: WordKind) -> bool {
        let after_end = (self.end + AFTER).min(self.clause_end);
        self.any(kind, self.start, after_end)
    }

    /// Whether a word of `kind` is anywhere in the sentence outside the trigger (background
    /// history is often set apart: "Years ago, thousands fled").
    pub fn sentence_has(&self, kind: WordKind) -> bool {
        self.any(kind, self.sentence.0, self.sentence.1)
    }

    fn any(&self, kind: WordKind, from: usize, to: usize) -> bool {
        (from..self.first).chain(self.end..to).any(|j| {
            self.lx
                .words
                .at(self.words, j)
                .iter()
                .any(|(n, k)| **k == kind && (j + n <= self.first || j >= self.end))
        })
    }
}

/// The first and last day (exclusive) a time expression covers, with its granularity.
fn bounds(t: &TimeExpression) -> Option<(Option<NaiveDate>, Option<NaiveDate>, Granularity)> {
    let date = |s: &str| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    match &t.value {
        TimeValue::Point { value } => {
            let d = date(value)?;
            Some((Some(d), d.succ_opt(), Granularity::Day))
        }
        TimeValue::Period {
            start,
            end,
            granularity,
        } => Some((
            start.as_deref().and_then(date),
            end.as_deref().and_then(date),
            *granularity,
        )),
        _ => None,
    }
}

/// The days a time expression covers, start inclusive and end exclusive, when both are known.
pub(crate) fn interval(t: &TimeExpression) -> Option<(NaiveDate, NaiveDate)> {
    match bounds(t)? {
        (Some(s), Some(e), _) => Some((s, e)),
        _ => None,
    }
}

/// Whether `t` lies wholly after the publication day (plans, forecasts), or is a deadline
/// after it ("by 2030": no start, an end after the day).
pub(crate) fn is_future(t: &TimeExpression, reference: Option<Reference>) -> bool {
    let (Some(r), Some((start, end, _))) = (reference, bounds(t)) else {
        return false;
    };
    let day = r.datetime.date();
    t.resolved
        && match (start, end) {
            (Some(start), _) => start > day,
            (None, Some(end)) => end > day,
            (None, None) => false,
        }
}

/// Whether `t` ended well before publication: more than two months before, or in an earlier
/// year when the text names a year ("vorig jaar", "in 2014").
pub(crate) fn is_historical(t: &TimeExpression, reference: Option<Reference>) -> bool {
    let (Some(r), Some((_, Some(end), granularity))) = (reference, bounds(t)) else {
        return false;
    };
    let day = r.datetime.date();
    let year_start = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
    t.resolved
        && ((day - end).num_days() > HISTORY_DAYS
            || (matches!(granularity, Granularity::Year | Granularity::Decade)
                && end <= year_start))
}
