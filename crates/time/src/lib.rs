//! Time expressions in Dutch and English news text: absolute dates and clock times
//! ("14 maart 2019", "3/14/2019", "10:30 pm"), relative ones resolved against the publication
//! date ("gisteren", "vorige maand", "over drie weken", "two days ago"), periods, durations
//! ("drie weken") and sets ("elke maandag").
//!
//! Each expression gets a TIMEX string in the conventions of Microsoft Recognizers-Text
//! (datetimeV2), so it can be scored against that project's test specs, plus an ISO value.
//! Relative expressions without a reference date stay unresolved: nothing is guessed.
//!
//! Conventions worth knowing:
//! - weeks run Monday to Monday (end exclusive), as ISO weeks;
//! - "afgelopen dagen" / "komende weken" without a number mean 3 units (a few) before or after
//!   the reference; "eerder deze week" / "later deze maand" are the first / second half of the
//!   period (Monday to Thursday, the 16th to the month's end), cut at the reference when it lies
//!   inside that half, as in Recognizers-Text; "begin",
//!   "midden" and "eind" of a written year are its thirds ("eind 2000" = September to December);
//! - a bare weekday or a date without year has two readings (the one before and the one after
//!   the reference); the nearest is the [`TimeExpression::value`], the other an alternative.

mod chunk;
mod lexicon;
mod parse;
mod resolve;
mod sem;
mod words;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use kroniek_text::{CharOffsets, Lang, Segmentation, Span, ToCharOffsets};
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// The moment relative expressions are resolved against (the publication date-time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The reference date and time (midnight when only a date is known).
    pub datetime: NaiveDateTime,
}

impl Reference {
    /// A reference at midnight of `date`.
    pub fn from_date(date: NaiveDate) -> Self {
        Reference {
            datetime: date.and_time(NaiveTime::MIN),
        }
    }

    /// Parses an ISO date ("2019-03-05") or date-time ("2019-03-05T14:00:00", with or without
    /// seconds, a "Z" or an offset, which is ignored: the local wall-clock time is used).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        if let Ok(d) = NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d") {
            if t.len() == 10 {
                return Some(Reference::from_date(d));
            }
            let rest = t.get(11..)?;
            let clock = rest.get(..8).or_else(|| rest.get(..5))?;
            let time = NaiveTime::parse_from_str(clock, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
                .ok()?;
            return Some(Reference {
                datetime: d.and_time(time),
            });
        }
        None
    }
}

/// What kind of time expression it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A calendar day ("14 maart 2019", "gisteren").
    Date,
    /// A clock time ("10.30 uur").
    Time,
    /// A day with a clock time ("morgen om 8 uur").
    DateTime,
    /// A stretch of days ("vorige maand", "2014 tot 2018", "voor 1 januari").
    DatePeriod,
    /// A stretch of clock time ("'s avonds", "van 5 tot 7 uur").
    TimePeriod,
    /// A stretch of clock time on a given day ("maandagavond", "morgen van 3 tot 4").
    DateTimePeriod,
    /// An amount of time ("drie weken").
    Duration,
    /// A recurrence ("elke maandag").
    Set,
}

/// The size of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One or more whole days.
    Day,
    /// An ISO week.
    Week,
    /// A Saturday and Sunday.
    Weekend,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// Ten years.
    Decade,
    /// Morning, afternoon, evening or night.
    PartOfDay,
    /// Any other stretch (windows, explicit ranges).
    Custom,
}

/// A modifier that opens a period on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    /// "voor 1 januari": ends where the expression starts.
    Before,
    /// "na 2016": starts where the expression ends.
    After,
    /// "sinds augustus": starts where the expression starts.
    Since,
    /// "tot morgen": ends where the expression ends.
    Until,
}

/// A normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimeValue {
    /// A point: ISO date ("2019-03-14"), date-time ("2019-03-14T10:30:00") or time ("10:30:00").
    Point {
        /// The ISO string.
        value: String,
    },
    /// A period, start inclusive and end exclusive; a side is open after a modifier.
    Period {
        /// ISO start, if bounded.
        start: Option<String>,
        /// ISO end (exclusive), if bounded.
        end: Option<String>,
        /// The size of the period.
        granularity: Granularity,
    },
    /// An amount of time.
    Duration {
        /// ISO 8601 duration ("P3W", "PT1.5H").
        value: String,
        /// Nominal seconds (months of 30 days, years of 365).
        seconds: f64,
    },
    /// A recurrence, described by its TIMEX ("XXXX-WXX-1" every Monday, "P1D" daily).
    Set {
        /// The TIMEX pattern.
        value: String,
    },
    /// Not resolvable: relative without a reference, or underspecified ("deze zomer").
    Unresolved {
        /// What is known: the TIMEX pattern or a relative description ("REF-P1D").
        timex: String,
    },
}

/// One reading of an expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The TIMEX string of this reading.
    pub timex: String,
    /// Its value.
    pub value: TimeValue,
}

/// A time expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Where it is (bytes inside Kroniek, characters in output).
    pub span: Span,
    /// What kind of expression it is.
    pub kind: TimeKind,
    /// The TIMEX string of the main reading (Recognizers-Text conventions).
    pub timex: String,
    /// The main reading's value.
    pub value: TimeValue,
    /// Whether the value is fully resolved (false for relative expressions without a
    /// reference and for patterns such as "XXXX-03-14").
    pub resolved: bool,
    /// "voor", "na", "sinds", "tot", when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// Other readings (the other side of an ambiguous weekday, am versus pm).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Reading>,
}

impl ToCharOffsets for TimeExpression {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.span.to_char_offsets(map);
    }
}

/// Finds the time expressions of `text` and resolves them against `reference`.
///
/// `segmentation` must be the segmentation of `text`. Without a reference, relative
/// expressions come back with `resolved: false` and an [`TimeValue::Unresolved`] value.
pub fn find_times(
    text: &str,
    segmentation: &Segmentation,
    lang: Lang,
    reference: Option<Reference>,
) -> Vec<TimeExpression> {
    let lx = lexicon::Lexicon::get(lang);
    let w = words::words(text, segmentation);
    let paragraphs: Vec<Span> = segmentation.paragraphs.iter().map(|p| p.span).collect();
    let found = parse::scan(&w, lx, &paragraphs);
    let placeholder = NaiveDate::from_ymd_opt(2000, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN);
    found
        .into_iter()
        .filter_map(|(start, end, sem)| {
            let last = w.get(end.checked_sub(1)?)?;
            // an abbreviation's dot at the end ("second of Aug.") is the sentence's
            // ("8 p.m." keeps its dot)
            let meridiem = last.text.ends_with("a.m.") || last.text.ends_with("p.m.");
            let dot = usize::from(last.text.ends_with('.') && end > start + 1 && !meridiem);
            let span = Span::new(w.get(start)?.span.start, last.span.end - dot);
            let cx = resolve::Ctx {
                r: reference.map_or(placeholder, |r| r.datetime),
                used: Cell::new(false),
            };
            let (kind, readings, modifier) = resolve::resolve(&sem, &cx);
            build(span, kind, readings, modifier, reference, cx.used.get())
        })
        .collect()
}

fn build(
    span: Span,
    kind: TimeKind,
    mut readings: Vec<Reading>,
    modifier: Option<Modifier>,
    reference: Option<Reference>,
    used_reference: bool,
) -> Option<TimeExpression> {
    if readings.is_empty() {
        return None;
    }
    if reference.is_none() && used_reference {
        // Relative: keep only what does not depend on the reference.
        let timex = readings[0].timex.clone();
        let timex = if timex.contains('X') || timex.starts_with('P') {
            timex
        } else {
            "REF".to_string()
        };
        return Some(TimeExpression {
            span,
            kind,
            timex: timex.clone(),
            value: TimeValue::Unresolved { timex },
            resolved: false,
            modifier,
            alternatives: Vec::new(),
        });
    }
    let main = pick(&readings, reference);
    let first = readings.remove(main);
    let resolved = !matches!(first.value, TimeValue::Unresolved { .. });
    Some(TimeExpression {
        span,
        kind,
        timex: first.timex,
        value: first.value,
        resolved,
        modifier,
        alternatives: readings,
    })
}

/// The reading nearest to the reference (the first one without a reference).
fn pick(readings: &[Reading], reference: Option<Reference>) -> usize {
    let Some(r) = reference else { return 0 };
    let day = r.datetime.date();
    let distance = |rd: &Reading| -> i64 {
        let s = match &rd.value {
            TimeValue::Point { value } => value.as_str(),
            TimeValue::Period { start: Some(s), .. } => s.as_str(),
            _ => return 0,
        };
        s.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or(0, |d| (d - day).num_days().abs())
    };
    let mut best = 0;
    for (i, rd) in readings.iter().enumerate() {
        if distance(rd) < distance(&readings[best]) {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests;
