//! The grammar: finds time expressions in the token view and builds their meaning.
//!
//! Every rule is a function `fn(&self, i) -> Option<(end, meaning)>` that tries to read an
//! expression starting at token `i`; the scanner keeps the longest match at each position.

use crate::chunk::{self, Chunk};
use crate::lexicon::{Class, Entry, Lexicon, NumberWord, PhraseMod};
use crate::sem::*;
use crate::words::{WKind, W};
use kroniek_text::Span;
use std::cell::OnceCell;

type M<T> = Option<(usize, T)>;

pub(crate) struct Parser<'a> {
    w: &'a [W<'a>],
    lx: &'static Lexicon,
    /// The lexicon entry of each token (empty for numbers and punctuation).
    entries: Vec<&'static Entry>,
    /// The number-word reading of each token, computed on first use.
    numbers: Vec<OnceCell<Option<NumberWord>>>,
    /// The day and the period read at each token, computed on first use: many rules start
    /// with one, so each is parsed once.
    days: Vec<OnceCell<M<Day>>>,
    periods: Vec<OnceCell<M<Period>>>,
    /// The numeric chunk of each token, parsed on first use.
    chunks: Vec<OnceCell<Option<Chunk>>>,
}

/// Finds the expressions of a token view: (first token, end token, meaning). No expression
/// crosses a paragraph boundary, so each paragraph is parsed on its own (which keeps the
/// per-token memos small).
pub(crate) fn scan(
    w: &[W<'_>],
    lx: &'static Lexicon,
    paragraphs: &[Span],
) -> Vec<(usize, usize, Sem)> {
    let mut out = Vec::new();
    let mut first = 0;
    for para in paragraphs {
        let start = first + w[first..].partition_point(|t| t.span.start < para.start);
        let end = start + w[start..].partition_point(|t| t.span.start < para.end);
        scan_part(&w[start..end], lx, start, &mut out);
        first = end;
    }
    if first < w.len() {
        scan_part(&w[first..], lx, first, &mut out);
    }
    out
}

/// Scans the tokens `w` (starting at token `offset` of the text) into `out`.
fn scan_part(w: &[W<'_>], lx: &'static Lexicon, offset: usize, out: &mut Vec<(usize, usize, Sem)>) {
    let p = Parser::new(w, lx);
    let mut i = 0;
    while i < w.len() {
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        match p.top(i) {
            Some((end, sem)) if end > i => {
                let mut start = p.trim_start(i, end, &sem);
                // "at 6.45": a kept preposition the rules started after
                let free = out.last().is_none_or(|(_, e, _)| *e < start + offset);
                if start == i && start > 0 && free && p.keeps_at(start - 1, &sem) {
                    start -= 1;
                }
                out.push((start + offset, end + offset, sem));
                i = end;
            }
            _ => i += 1,
        }
    }
}

fn longest<T>(cands: impl IntoIterator<Item = M<T>>) -> M<T> {
    let mut best: M<T> = None;
    for c in cands.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    best
}

impl<'a> Parser<'a> {
    /// A parser over the tokens `w`.
    fn new(w: &'a [W<'a>], lx: &'static Lexicon) -> Parser<'a> {
        Parser {
            w,
            lx,
            entries: w
                .iter()
                .map(|w| match w.kind {
                    // "dec.", "tue." kept whole by the segmenter
                    WKind::Word => match (lx.entry(&w.text), w.text.strip_suffix('.')) {
                        ([], Some(bare)) => lx.entry(bare),
                        (e, _) => e,
                    },
                    _ => &[],
                })
                .collect(),
            numbers: (0..w.len()).map(|_| OnceCell::new()).collect(),
            days: (0..w.len()).map(|_| OnceCell::new()).collect(),
            periods: (0..w.len()).map(|_| OnceCell::new()).collect(),
            chunks: (0..w.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    fn text(&self, i: usize) -> Option<&str> {
        self.w.get(i).map(|w| w.text.as_ref())
    }
    fn word(&self, i: usize) -> Option<&str> {
        self.w
            .get(i)
            .filter(|w| w.kind == WKind::Word)
            .map(|w| w.text.as_ref())
    }
    fn is(&self, i: usize, c: Class) -> bool {
        self.val(i, c).is_some()
    }
    fn int(&self, i: usize, c: Class) -> Option<i64> {
        self.val(i, c)?.parse().ok()
    }
    fn val(&self, i: usize, c: Class) -> Option<&'static str> {
        self.entry(i).iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
    }
    /// The lexicon entry of token `i`.
    fn entry(&self, i: usize) -> &'static Entry {
        self.entries.get(i).copied().unwrap_or(&[])
    }
    /// The number-word reading of token `i` ("drie", "vierentwintigste").
    fn number_word(&self, i: usize) -> Option<NumberWord> {
        let cell = self.numbers.get(i)?;
        *cell.get_or_init(|| self.word(i).and_then(|w| self.lx.number(w)))
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        self.w
            .get(i)
            .is_some_and(|w| w.kind == WKind::Punct && w.text == p)
    }
    fn chunk(&self, i: usize) -> Option<Chunk> {
        let w = self.w.get(i).filter(|w| w.kind == WKind::Num)?;
        let lx = self.lx;
        self.chunks
            .get(i)?
            .get_or_init(|| {
                chunk::parse(&w.text, lx.dutch, &|s| {
                    lx.int(s, Class::Month)
                        .or_else(|| lx.int(s, Class::MonthAbbr))
                        .map(|m| m as u32)
                })
            })
            .clone()
    }
    /// Skips a determiner ("de", "het", "the").
    fn det(&self, i: usize) -> usize {
        match self.word(i) {
            Some("de" | "het" | "the") => i + 1,
            _ => i,
        }
    }

    fn may_start(&self, i: usize) -> bool {
        match self.w[i].kind {
            WKind::Num => true,
            WKind::Punct => false,
            WKind::Word => {
                let t: &str = &self.w[i].text;
                if t == "for" {
                    return self.duration_from(i).is_some() || self.clock_for(i).is_some();
                }
                let entry = self.entry(i);
                // "dat", "that" are mostly no time word: only before a unit
                if !entry.is_empty() && entry.iter().all(|(c, _)| *c == Class::Same) {
                    return self.same_period(i).is_some();
                }
                if matches!(t, "de" | "het" | "the") || Lexicon::weak_entry(entry) {
                    // "at the moment"
                    if self.fixed_at(i).is_some() {
                        return true;
                    }
                    // "in the morning": look past one determiner
                    let next = if matches!(self.word(i + 1), Some("de" | "het" | "the")) {
                        i + 2
                    } else {
                        i + 1
                    };
                    // ("before the thirty-first day": a compound number word)
                    return self.w.get(next).is_some_and(|n| {
                        n.kind == WKind::Num
                            || (n.kind == WKind::Word
                                && (!self.entry(next).is_empty()
                                    || (n.text.contains('-') && self.number_word(next).is_some())))
                    });
                }
                !entry.is_empty()
                    || matches!(t, "'s" | "jaren")
                    || (matches!(t, "het" | "aan") && self.aan_het(i).is_some())
                    || (t.ends_with('s')
                        && (self.plural_pod(i).is_some()
                            || t.strip_suffix('s')
                                .is_some_and(|w| self.lx.is(w, Class::Weekend))))
                    || (t.len() > 2
                        && t.as_bytes().last().is_some_and(u8::is_ascii_digit)
                        && self.kind_year(i).is_some())
                    || (t.ends_with("honderd") && self.word_year(i).is_some())
                    || ((t.ends_with("tig") || t.ends_with("tigste") || t.contains('-'))
                        && self.lx.number(t).is_some())
                    || slice_code(t).is_some()
                    || self.glued_month_day(t).is_some()
                    || self.plural_weekday(i).is_some()
                    || (t.contains(['-', '/'])
                        && (self.month_word_span(i).is_some() || self.word_date(i).is_some()))
                    || split_year(t).is_some()
                    || self.compound_pod(t).is_some()
            }
        }
    }

    /// Leading prepositions are not part of the span ("op vrijdag" gives "vrijdag"), unless
    /// they carry meaning: "rond 11 uur" (approximate), "in two weeks" (a shift).
    fn trim_start(&self, i: usize, end: usize, sem: &Sem) -> usize {
        let mut s = i;
        // "het jaar 2008" gives "jaar 2008"
        // ("het jaar hoger dan 2012" keeps it)
        if self.det(s) > s
            && self.unit(s + 1).is_some_and(|(u, _)| u == Unit::Year)
            && s + 2 < end
            && self.phrase(s + 2, false).is_none()
        {
            return s + 1;
        }
        // "in 2014 tot en met 2018" keeps its "in"
        if self.word(s) == Some("in") && matches!(sem, Sem::PeriodRange(..)) {
            return s;
        }
        // the article goes before a spelled-out ordinal or a relative word ("de tweede van
        // augustus", "the twenty third day of september", "de volgende 6e april"), not before
        // digits ("de 9e van mei", "the 15th day of next month")
        if self.det(s) > s
            && s + 1 < end
            && matches!(sem, Sem::Date(_) | Sem::DateTime(..))
            && (self.number_word(s + 1).is_some_and(|n| n.ordinal)
                || self
                    .word(s + 1)
                    .zip(self.word(s + 2))
                    .and_then(|(a, b)| self.lx.compound(a, b))
                    .is_some_and(|n| n.ordinal)
                || (self.is(s + 1, Class::RelNext)
                    && !matches!(self.word(s + 2), Some("day" | "dag"))))
        {
            return s + 1;
        }
        while s + 1 < end && self.is(s, Class::At) && !self.approx(s) && !self.keeps_at(s, sem) {
            if self.is(s, Class::InFuture) {
                match self.top(s + 1) {
                    Some((e, inner)) if e == end && inner == *sem => {}
                    _ => break,
                }
            }
            s += 1;
        }
        s
    }

    /// Prepositions the span keeps (the conventions of Recognizers-Text): "om 6.45" / "at
    /// 8.30pm today" before a clock time written with a dot (not Dutch "om 20.30 vandaag"), and
    /// "op volgende week maandag" / "on tuesday of next week" before a weekday of a later week.
    fn keeps_at(&self, s: usize, sem: &Sem) -> bool {
        if self.fixed_at(s).is_some() {
            return true;
        }
        // "in morning"
        if self.word(s) == Some("in")
            && matches!(sem, Sem::TimePod(_))
            && self.val(s + 1, Class::Pod).is_some()
        {
            return true;
        }
        // "the next two decades"
        if self.word(s) == Some("the")
            && matches!(
                sem,
                Sem::Period(Period::Window {
                    unit: Unit::Decade,
                    ..
                })
            )
        {
            return true;
        }
        // "in 2014 through 2018"
        if self.word(s) == Some("in")
            && matches!(sem, Sem::PeriodRange(Period::Year(_), Period::Year(_)))
        {
            return true;
        }
        // "at lunch", "at lunchtime"
        if self.is(s, Class::At) && matches!(sem, Sem::TimePod(p) if p.code().starts_with("ME")) {
            return true;
        }
        if !matches!(self.word(s), Some("om" | "at" | "op" | "on")) {
            return false;
        }
        // "on November 18-19", "op 18-19 november" (as Recognizers-Text has it)
        if matches!(self.word(s), Some("op" | "on"))
            && matches!(sem, Sem::DateRange(..))
            && self.day_span(s + 1).is_some()
        {
            return true;
        }
        let dotted = self.w.get(s + 1).is_some_and(|w| {
            let b = w.text.as_bytes();
            w.kind == WKind::Num && {
                let at = b
                    .iter()
                    .position(|c| !c.is_ascii_digit())
                    .unwrap_or(b.len());
                (1..=2).contains(&at)
                    && b.get(at) == Some(&b'.')
                    && b.get(at + 1).is_some_and(u8::is_ascii_digit)
                    && b.get(at + 2).is_some_and(u8::is_ascii_digit)
            }
        });
        if dotted && matches!(self.word(s), Some("om" | "at")) {
            let inner = match sem {
                Sem::Modified(inner, _) => inner,
                s => s,
            };
            return !(self.lx.dutch && matches!(inner, Sem::DateTime(Day::Rel(_), _)));
        }
        let later_week = |d: &Day| matches!(d, Day::Weekday { rel: WdRel::Week(n), .. } if *n > 0);
        let weekday = match sem {
            Sem::Date(d) | Sem::DateTime(d, _) => later_week(d),
            _ => false,
        };
        weekday
            && matches!(self.word(s), Some("op" | "on"))
            && (s + 1..s + 6).any(|k| self.unit(k).is_some_and(|(u, _)| u == Unit::Week))
    }

    /// "rond", "around": an approximation kept in the span.
    fn approx(&self, i: usize) -> bool {
        self.val(i, Class::At) == Some("~")
    }

    fn top(&self, i: usize) -> M<Sem> {
        let found = longest([
            self.duration_from(i),
            self.clock_for(i),
            self.set(i),
            self.modified(i),
            self.range(i),
            self.core(i),
            self.phrase_modified(i),
        ])?;
        Some(self.post_modified(found))
    }

    /// "from 9 for 2.5 hrs", "for 3 hours from 10 am", "14th Feb from 9:30am for 7 hours",
    /// "van 2 uur voor 3 uur" is not one (Dutch "voor" is "before").
    fn clock_for(&self, i: usize) -> M<Sem> {
        if self.lx.dutch {
            return None;
        }
        let (j, day) = match self.day(i) {
            Some((e, d)) => (e, Some(d)),
            None => (i, None),
        };
        let from = |k: usize| -> M<Clock> {
            (self.word(k) == Some("from")).then_some(())?;
            self.clock(k + 1, true)
        };
        let amount = |k: usize| -> Option<(usize, f64)> {
            (self.word(k) == Some("for")).then_some(())?;
            let (e, n, u) = self.amount(k + 1)?;
            let (e, extra) = match self.amount(e) {
                Some((e2, n2, u2)) if u2.is_clock() && u2.seconds() < u.seconds() => {
                    (e2, n2 * u2.seconds())
                }
                _ => (e, 0.0),
            };
            u.is_clock().then_some((e, n * u.seconds() + extra))
        };
        let (end, c, secs) = if let Some((e, c)) = from(j) {
            let (e2, secs) = amount(e)?;
            (e2, c, secs)
        } else {
            let (e, secs) = amount(j)?;
            let (e2, c) = from(e)?;
            (e2, c, secs)
        };
        Some((end, Sem::ClockFor(day, c, secs)))
    }

    /// An amount of days or more from a day on: "3 days starting from next monday", "a week
    /// starting tomorrow", "for 3 days, from today" (with "from" the span keeps its "for").
    fn duration_from(&self, i: usize) -> M<Sem> {
        let for_ = !self.lx.dutch && self.word(i) == Some("for");
        let j = if for_ { i + 1 } else { i };
        let (e, n, u) = self.amount(j)?;
        if u.is_clock() || n.fract() != 0.0 {
            return None;
        }
        let k = if self.punct(e, ",") { e + 1 } else { e };
        let k2 = match self.phrase(k, false) {
            Some((k2, PhraseMod::Since)) if !for_ => k2,
            _ if for_ && self.is(k, Class::From) => k + 1,
            _ => return None,
        };
        let (end, d) = self.day(k2)?;
        Some((end, Sem::DayFor(d, n, u)))
    }

    /// The longest modifier phrase at `i` standing before (`post` false) or after an expression.
    fn phrase(&self, i: usize, post: bool) -> M<PhraseMod> {
        let first = self.word(i)?;
        let mut best: M<PhraseMod> = None;
        for (rest, is_post, effect) in self.lx.phrases(first) {
            let end = i + 1 + rest.len();
            let ok = *is_post == post
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.word(i + 1 + k) == Some(*w));
            if ok && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, *effect));
            }
        }
        best
    }

    /// "later dan 2018", "meer dan 4 dagen", "meer dan 2 dagen voor gisteren".
    fn phrase_modified(&self, i: usize) -> M<Sem> {
        // "year greater than 2012", "het jaar hoger dan 2012": the word for year leads in
        let k = self.det(i);
        let year_word = self
            .unit(k)
            .is_some_and(|(u, n)| u == Unit::Year && n == 1.0)
            && self
                .word(k)
                .is_some_and(|w| !w.ends_with('s') && w != "jaren");
        if year_word {
            if let Some((j, _)) = self.phrase(k + 1, false) {
                if let Some((end, Sem::Modified(inner, m))) = self.phrase_modified(k + 1) {
                    if matches!(*inner, Sem::Period(Period::Year(_))) && j < end {
                        return Some((end, Sem::Modified(inner, m)));
                    }
                }
            }
        }
        let (j, effect) = self.phrase(i, false)?;
        let (end, sem) = self.modifier_target(j)?;
        let m = match effect {
            PhraseMod::Before => Mod::Before,
            PhraseMod::After => Mod::After,
            PhraseMod::Since => Mod::Since,
            PhraseMod::Until => Mod::Until,
            PhraseMod::More | PhraseMod::Less => {
                return self.amount_modified(end, sem, effect == PhraseMod::More)
            }
        };
        match sem {
            Sem::Duration(..) | Sem::Durations(_) | Sem::Set(_) | Sem::Modified(..) => None,
            s => Some((end, Sem::Modified(Box::new(s), m))),
        }
    }

    /// "meer dan 4 dagen" (the amount itself), "meer dan 2 weken na vandaag" (from then on),
    /// "minder dan 3 dagen na morgen" (the stretch up to then).
    fn amount_modified(&self, end: usize, sem: Sem, more: bool) -> M<Sem> {
        match sem {
            Sem::Duration(..) | Sem::Durations(_) => Some((end, sem)),
            Sem::Date(Day::Shift { base, n, unit }) => {
                let shifted = Day::Shift {
                    base: base.clone(),
                    n,
                    unit,
                };
                let sem = match (more, n < 0) {
                    (true, true) => Sem::Modified(Box::new(Sem::Date(shifted)), Mod::Before),
                    (true, false) => Sem::Modified(Box::new(Sem::Date(shifted)), Mod::Since),
                    (false, true) => Sem::DateRange(shifted, *base),
                    (false, false) => Sem::DateRange(*base, shifted),
                };
                Some((end, sem))
            }
            _ => None,
        }
    }

    /// "2018 of later", "1-1-2016 en daarna".
    fn post_modified(&self, (end, sem): (usize, Sem)) -> (usize, Sem) {
        let Some((e, effect)) = self.phrase(end, true) else {
            return (end, sem);
        };
        // "1/1/2016 and after 6PM", "2018 or later than 2020": the phrase opens the next one
        if self.top(end + 1).is_some_and(|(e2, _)| e2 > e) {
            return (end, sem);
        }
        let m = match effect {
            PhraseMod::Since => Mod::Since,
            PhraseMod::Until => Mod::Until,
            _ => return (end, sem),
        };
        match sem {
            Sem::Duration(..)
            | Sem::Durations(_)
            | Sem::Set(_)
            | Sem::Modified(..)
            | Sem::Offset(..) => (end, sem),
            s => (e, Sem::Modified(Box::new(s), m)),
        }
    }

    // ---- modifiers and ranges -------------------------------------------------------------

    fn modified(&self, i: usize) -> M<Sem> {
        let m = if self.is(i, Class::Before) {
            Mod::Before
        } else if self.is(i, Class::After) {
            Mod::After
        } else if self.is(i, Class::Since) {
            Mod::Since
        } else if self.is(i, Class::To) && self.word(i) != Some("to") {
            // English "to" alone ("change the meeting to 8:30") is no "until"
            Mod::Until
        } else {
            return None;
        };
        // Dutch "voor tussen 2015 en 2018" is "for", not "before"
        if self.is(i + 1, Class::Between) || self.is(i + 1, Class::From) {
            return None;
        }
        // Dutch "voor de 9e van mei", "voor de week beginnend 4 februari": "for"
        let dutch_for = self.lx.dutch && self.word(i) == Some("voor");
        if dutch_for && self.word(i + 1) == Some("de") && self.meal(i + 1).is_none() {
            return None;
        }
        // "voor het jaar", "voor jaar 2012 of later"
        if dutch_for
            && (self.the_unit(i + 1).is_some()
                || self.unit(i + 1).is_some_and(|(u, _)| u == Unit::Year))
        {
            return None;
        }
        let (end, sem) = self.modifier_target(i + 1)?;
        match sem {
            Sem::Duration(..) | Sem::Durations(_) | Sem::Set(_) | Sem::Offset(..) => None,
            // "voor maandag 21 tussen 9:30 en 15:00" books a stretch: "for"
            Sem::DateTimeRange(..) if dutch_for => None,
            // "plan voor dec/2018-mei/2019": a stretch is what something is for
            Sem::DateRange(..) | Sem::PeriodRange(..) if dutch_for => None,
            Sem::Time(_) if m == Mod::Before && self.lx.dutch && !self.clock_context(i + 1) => None,
            s => Some((end, Sem::Modified(Box::new(s), m))),
        }
    }

    /// What a modifier applies to: any expression, and also a bare year ("later dan 2018") or
    /// a month abbreviation ("na feb").
    fn modifier_target(&self, i: usize) -> M<Sem> {
        // "before the end of december", "before the twenty-sixth day of the month"
        let j = self.det(i);
        let det_part = (j > i)
            .then(|| {
                longest([
                    self.part_period(j).map(|(e, p)| (e, Sem::Period(p))),
                    self.nth_day_of(j).map(|(e, d)| (e, Sem::Date(d))),
                ])
            })
            .flatten();
        longest([
            det_part,
            self.meal(i),
            self.core(i),
            self.range(i),
            self.year(i).map(|(e, y)| (e, Sem::Period(Period::Year(y)))),
            self.month_at(i, false).map(|(e, m)| {
                let (e2, y) = self.opt_year(e);
                (e2, Sem::Period(Period::Month { y, m }))
            }),
        ])
    }

    /// Whether a bare number at `i` is clearly a clock time.
    fn clock_context(&self, i: usize) -> bool {
        matches!(self.chunk(i), Some(Chunk::Clock(_)))
            || self.is(i + 1, Class::Oclock)
            || self.is(i + 1, Class::Am)
            || self.is(i + 1, Class::Pm)
    }

    fn range(&self, i: usize) -> M<Sem> {
        let (opener, j) = if self.is(i, Class::From) || self.is(i, Class::Since) {
            (Some(false), i + 1)
        } else if self.is(i, Class::Between) {
            (Some(true), i + 1)
        } else {
            (None, i)
        };
        let joiner = |k: usize| -> Option<usize> {
            if self.punct(k, "-") || self.punct(k, "~") || self.punct(k, "–") {
                return Some(k + 1);
            }
            if self.is(k, Class::To) {
                // "tot en met"
                if self.is(k + 1, Class::And) && self.word(k + 2) == Some("met") {
                    return Some(k + 3);
                }
                return Some(k + 1);
            }
            (opener == Some(true) && self.is(k, Class::And)).then_some(k + 1)
        };
        longest([
            self.clock_range(j, &joiner),
            self.date_range(j, &joiner, opener.is_some()),
            self.day_number_range(j, &joiner),
            self.day_span(j),
            self.chunk_range(j),
            self.dash_range(j, opener == Some(true)),
            self.split_range(j),
            self.days_of_rel_month(j),
            opener.and_then(|_| self.now_clock(j, &joiner)),
        ])
        .and_then(|(end, sem)| {
            if opener.is_none() && matches!(sem, Sem::TimeRange(..)) && !self.range_ok(i, end) {
                return None;
            }
            // "from 3-8pm yesterday afternoon", "from 5 to 6pm of april 22"
            if let Sem::TimeRange(a, b) = sem {
                let k = if self.word(end) == Some("of") {
                    end + 1
                } else {
                    end
                };
                let day_pod = self.day_pod(k).map(|(e, d, p)| (e, (d, Some(p))));
                let day = self.day(k).map(|(e, d)| (e, (d, None)));
                if let Some((e3, (d, p))) = longest([day, day_pod]) {
                    let (a, b) = apply_pod(a, b, p);
                    return Some((e3, Sem::DateTimeRange(d, a, b)));
                }
            }
            Some((end, sem))
        })
    }

    /// A bare "5 tot 6" needs a clock marker to be a time range.
    fn range_ok(&self, i: usize, end: usize) -> bool {
        (i..end).any(|k| {
            (match self.chunk(k) {
                Some(Chunk::Clock(_)) => true,
                // Dutch "14.00 - 14.30"
                Some(Chunk::DotClock(..)) => self.lx.dutch,
                Some(Chunk::Range(a, b)) => {
                    matches!(*a, Chunk::Clock(_)) || matches!(*b, Chunk::Clock(_))
                }
                _ => false,
            }) || self.is(k, Class::Oclock)
                || self.is(k, Class::PodAdv)
                || self.is(k, Class::Am)
                || self.is(k, Class::Pm)
        }) || self.pod_adv(end).is_some()
            || (i..end).any(|k| self.pod_adv(k).is_some())
    }

    /// "18-19 november", "november 18-19, 2015": two days of one month.
    fn day_span(&self, i: usize) -> M<Sem> {
        let days = |k: usize| match self.chunk(k)? {
            Chunk::Range(a, b) => match (*a, *b) {
                (Chunk::Int(x, _), Chunk::Int(y, _))
                    if (1..=31).contains(&x) && (1..=31).contains(&y) && x < y =>
                {
                    Some((x, y))
                }
                _ => None,
            },
            _ => None,
        };
        let (e, m, (d1, d2)) = if let Some(pair) = days(i) {
            let (e, m) = self.month_at(i + 1, false)?;
            (e, m, pair)
        } else {
            let (e, m) = self.month_at(i, false)?;
            (e + 1, m, days(e)?)
        };
        let (e2, y) = self.opt_year(e);
        let day = |d| Day::Ymd { y, m: Some(m), d };
        Some((e2, Sem::DateRange(day(d1), day(d2))))
    }

    fn chunk_range(&self, i: usize) -> M<Sem> {
        let Some(Chunk::Range(a, b)) = self.chunk(i) else {
            return None;
        };
        match (*a, *b) {
            (Chunk::Int(x, 4), Chunk::Int(y, 4)) if x < y && x > 1000 => Some((
                i + 1,
                Sem::PeriodRange(Period::Year(x as i32), Period::Year(y as i32)),
            )),
            (
                Chunk::Date {
                    y: ya,
                    m: ma,
                    d: da,
                },
                Chunk::Date {
                    y: yb,
                    m: mb,
                    d: db,
                },
            ) => {
                let (ya, yb) = (ya.or(yb), yb.or(ya));
                // "5/1-5/7, 2020"
                let (end, ya, yb) = match (ya, self.opt_year(i + 1)) {
                    (None, (e, Some(y))) => (e, Some(y), Some(y)),
                    _ => (i + 1, ya, yb),
                };
                Some((
                    end,
                    Sem::DateRange(
                        Day::Ymd {
                            y: ya,
                            m: Some(ma),
                            d: da,
                        },
                        Day::Ymd {
                            y: yb,
                            m: Some(mb),
                            d: db,
                        },
                    ),
                ))
            }
            (a, b) => {
                let (ca, cb) = (as_clock(&a)?, as_clock(&b)?);
                let (end, pod) = self.pod_after(i + 1);
                let (ca, cb) = apply_pod(ca, cb, pod);
                Some((end, Sem::TimeRange(ca, cb)))
            }
        }
    }

    fn clock_range(&self, i: usize, joiner: &dyn Fn(usize) -> Option<usize>) -> M<Sem> {
        let (e1, a) = self.clock(i, true)?;
        let j = joiner(e1)?;
        let (e2, b) = self.clock(j, true)?;
        let (end, pod) = self.pod_after(e2);
        let (a, b) = apply_pod(a, b, pod);
        // "tussen 10 en 11:30 op 1-1-2015", "10:00 tot 12:00 maandagmorgen"
        let day_pod = self.day_pod(end).map(|(e, d, p)| (e, (d, Some(p))));
        let at_day = self.at_day(end).map(|(e, d)| (e, (d, None)));
        if let Some((e3, (d, p))) = longest([at_day, day_pod]) {
            // "between 7 and 9 last night"
            let (a, b) = apply_pod(a, b, p);
            return Some((e3, Sem::DateTimeRange(d, a, b)));
        }
        Some((end, Sem::TimeRange(a, b)))
    }

    /// "3-8", "12-4": two hours joined by a dash, when they read as a stretch of clock time
    /// (the end after the start, or crossing noon from 11 or 12); after "from" or "between"
    /// (`opened`) any two hours ("wednesday from 10-4").
    fn dash_hours(&self, i: usize, opened: bool) -> Option<(Clock, Clock)> {
        let w = self.w.get(i).filter(|w| w.kind == WKind::Num)?;
        let (a, b) = w.text.split_once('-')?;
        // "8-9am": a meridiem on the end carries to both
        let (b, pm) = match b.strip_suffix("am").or_else(|| b.strip_suffix("a")) {
            Some(b) => (b, Some(false)),
            None => match b.strip_suffix("pm").or_else(|| b.strip_suffix("p")) {
                Some(b) => (b, Some(true)),
                None => (b, None),
            },
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return None;
        }
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let ok = a <= 24 && b <= 24 && (b > a || (11..=12).contains(&a) || (opened && a != b));
        let hour = |h| Clock {
            pm,
            ..Clock::hour(h)
        };
        ok.then_some((hour(a), hour(b)))
    }

    /// "8-9 's ochtends", "5-6 pm": dashed hours with a part of the day.
    fn dash_range(&self, i: usize, opened: bool) -> M<Sem> {
        let (a, b) = self.dash_hours(i, false)?;
        let (end, pod) = self.pod_after(i + 1);
        if pod.is_none() && !opened {
            return None;
        }
        let (a, b) = apply_pod(a, b, pod);
        Some((end, Sem::TimeRange(a, b)))
    }

    fn at_day(&self, i: usize) -> M<Day> {
        let j = if self.is(i, Class::At) { i + 1 } else { i };
        self.day(j)
    }

    fn date_range(
        &self,
        i: usize,
        joiner: &dyn Fn(usize) -> Option<usize>,
        opened: bool,
    ) -> M<Sem> {
        // A day number borrowing its month: "tussen 3 en 12 sept", "4-23" after a month.
        if let Some(Chunk::Int(d1, _)) = self.chunk(i) {
            if let Some(j) = joiner(i + 1) {
                if let Some((end, Day::Ymd { y, m, d })) = self.day(j) {
                    let to = self.is(i + 1, Class::To);
                    if (1..=31).contains(&d1) && m.is_some() && (opened || to) {
                        return Some((
                            end,
                            Sem::DateRange(Day::Ymd { y, m, d: d1 }, Day::Ymd { y, m, d }),
                        ));
                    }
                }
            }
        }
        let now = |k: usize| self.now(k).map(|(e, _)| (e, Ok(Day::Rel(0))));
        // "from the end of March", "to the start of 2008"
        let part = |k: usize| {
            let j = self.det(k);
            self.part_period(j)
                .filter(|(_, p)| j > k && matches!(p, Period::Part { .. }))
                .map(|(e, p)| (e, Err(p)))
        };
        let first = longest([
            now(i),
            self.day(i).map(|(e, d)| (e, Ok(d))),
            self.period(i).map(|(e, p)| (e, Err(p))),
            self.range_end_period(i, opened),
            part(i),
        ])?;
        // "from March to date", "van 2010 tot op heden": up to the reference day
        if let Some((e, "todate")) = self.fixed_at(first.0) {
            let a = match first.1 {
                Ok(d) => d,
                Err(p) => period_start(p)?,
            };
            return (opened && self.to_date_ok(first.0, e))
                .then_some((e, Sem::DateRange(a, Day::Present)));
        }
        let j = joiner(first.0)?;
        let second = longest([
            now(j),
            self.day(j).map(|(e, d)| (e, Ok(d))),
            self.period(j).map(|(e, p)| (e, Err(p))),
            self.range_end_period(j, true),
            part(j),
        ])?;
        // "5/1-5/7, 2020": a year after the range belongs to both days
        let (second_end, second_day) = match second.1 {
            Ok(Day::Ymd { y: None, m, d }) => match self.opt_year(second.0) {
                (e, Some(y)) => (e, Ok(Day::Ymd { y: Some(y), m, d })),
                _ => (second.0, Ok(Day::Ymd { y: None, m, d })),
            },
            other => (second.0, other),
        };
        let second = (second_end, second_day);
        let sem = match (first.1, second.1) {
            (Ok(a), Ok(b)) => {
                let (a, b) = share_year(a, b);
                Sem::DateRange(a, b)
            }
            (Err(a), Err(b)) => {
                let a = match (&a, &b) {
                    // "nov - feb 2017" starts in the year before
                    (Period::Month { y: None, m }, Period::Month { y: Some(y), m: m2 }) => {
                        Period::Month {
                            y: Some(if m > m2 { y - 1 } else { *y }),
                            m: *m,
                        }
                    }
                    _ => a,
                };
                Sem::PeriodRange(a, b)
            }
            (Err(a), Ok(b)) => {
                let (a, b) = share_year(period_start(a)?, b);
                Sem::DateRange(a, b)
            }
            (Ok(a), Err(b)) => Sem::DateRange(a, period_start(b)?),
        };
        Some((second.0, sem))
    }

    /// A range of dates whose dash is glued inside a token: "Nov 18-Dec 19, 2015", "18 nov
    /// 2014-19 dec 2015", "nov-5 feb 2017", "Dec/2018-May/2019". The token is split at its
    /// dash and the few tokens around it are read again as "A - B".
    fn split_range(&self, i: usize) -> M<Sem> {
        // the range starts with a number or a month
        let starts = self.w.get(i).is_some_and(|w| w.kind == WKind::Num)
            || self.month_word(i, false).is_some()
            || self.word(i).is_some_and(|w| w.contains('-'));
        if !starts {
            return None;
        }
        let mut best: M<Sem> = None;
        for k in i..(i + 4).min(self.w.len()) {
            let t = &self.w[k];
            if t.kind == WKind::Punct {
                continue;
            }
            let Some((a, b)) = t.text.split_once('-') else {
                continue;
            };
            let alnum = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_alphanumeric());
            let month = |s: &str| self.lx.is(s, Class::Month) || self.lx.is(s, Class::MonthAbbr);
            let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
            // two numbers only before a month ("18 nov 2014-19 dec 2015"; "3-1" is a score)
            let numbers = digits(a) && digits(b) && self.month_word(k + 1, false).is_some();
            if !alnum(a) || !alnum(b) || !(month(a) || month(b) || numbers) {
                continue;
            }
            let end = (k + 5).min(self.w.len());
            let half = |s: &str, start: usize| W {
                text: std::borrow::Cow::Owned(s.to_string()),
                span: Span::new(start, start + s.len()),
                kind: if s.as_bytes()[0].is_ascii_digit() {
                    WKind::Num
                } else {
                    WKind::Word
                },
            };
            let at = t.span.start + a.len();
            let mut sub: Vec<W<'_>> = self.w[i..k].to_vec();
            sub.push(half(a, t.span.start));
            sub.push(W {
                text: std::borrow::Cow::Borrowed("-"),
                span: Span::new(at, at + 1),
                kind: WKind::Punct,
            });
            sub.push(half(b, at + 1));
            sub.extend_from_slice(&self.w[k + 1..end]);
            let dash = k - i + 1;
            let p = Parser::new(&sub, self.lx);
            let joiner = |x: usize| (x == dash).then_some(x + 1);
            let found = match p.date_range(0, &joiner, true) {
                // more than the token itself ("dec-2018" is one month)
                Some((e, sem @ (Sem::DateRange(..) | Sem::PeriodRange(..))))
                    if e > dash + 1 && (k > i || e > dash + 2) =>
                {
                    Some((i + e - 2, sem))
                }
                _ => None,
            };
            best = longest([best, found]);
        }
        best
    }

    /// "(between) now and eight o'clock", "(between) eight o'clock and now".
    fn now_clock(&self, i: usize, joiner: &dyn Fn(usize) -> Option<usize>) -> M<Sem> {
        if let Some((e, _)) = self.now(i) {
            let (end, c) = self.clock(joiner(e)?, false)?;
            return Some((end, Sem::NowClock(c, true)));
        }
        // a word for now must follow soon ("eight o'clock and now")
        if !(i + 1..i + 6).any(|k| self.is(k, Class::Now)) {
            return None;
        }
        let (e, c) = self.clock(i, false)?;
        let (end, _) = self.now(joiner(e)?)?;
        Some((end, Sem::NowClock(c, false)))
    }

    /// Two dashed days of a relative month: "4-23 in next month", "volgende maand van 4-23".
    fn days_of_rel_month(&self, i: usize) -> M<Sem> {
        let days = |k: usize| -> Option<(u32, u32)> {
            let w = self.w.get(k).filter(|w| w.kind == WKind::Num)?;
            let (a, b) = w.text.split_once('-')?;
            let short =
                |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
            if !short(a) || !short(b) {
                return None;
            }
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            (1 <= a && a < b && b <= 31).then_some((a, b))
        };
        let rel_month = |k: usize| match self.rel_period(k) {
            Some((e, Period::RelMonth(n))) => Some((e, n)),
            _ => None,
        };
        let numeric = self.w.get(i).is_some_and(|w| w.kind == WKind::Num);
        if !numeric && self.rel_sign(i).is_none() {
            return None;
        }
        let (end, (a, b), rel) = if let Some(pair) = days(i) {
            if !matches!(self.word(i + 1), Some("in" | "of" | "van")) {
                return None;
            }
            let (e, rel) = rel_month(i + 2)?;
            (e, pair, rel)
        } else {
            let (e, rel) = rel_month(i)?;
            if !matches!(self.word(e), Some("van" | "from")) {
                return None;
            }
            (e + 2, days(e + 1)?, rel)
        };
        let day = |d| Day::OfRelMonth { d, rel };
        Some((end, Sem::DateRange(day(a), day(b))))
    }

    /// Two days of one month with the month written once: "april 9th through 17th", "from
    /// ninth till seventeenth of april", "between the ninth and the seventeenth of april".
    fn day_number_range(&self, i: usize, joiner: &dyn Fn(usize) -> Option<usize>) -> M<Sem> {
        let ymd = |y, m, d| Day::Ymd { y, m: Some(m), d };
        if let Some((e1, d1)) = self.bare_day_number(i, false) {
            let (end, day) = self.day(joiner(e1)?)?;
            let Day::Ymd { y, m: Some(m), d } = day else {
                return None;
            };
            return (d1 < d).then_some((end, Sem::DateRange(ymd(y, m, d1), ymd(y, m, d))));
        }
        let (
            e1,
            Day::Ymd {
                y,
                m: Some(m),
                d: d1,
            },
        ) = self.day(i)?
        else {
            return None;
        };
        let (e2, d2) = self.bare_day_number(joiner(e1)?, true)?;
        let (end, y2) = self.opt_year(e2);
        let y = y.or(y2);
        (d1 < d2).then_some((end, Sem::DateRange(ymd(y, m, d1), ymd(y, m, d2))))
    }

    /// A day of the month standing alone in a range: an ordinal ("17th", "the seventeenth")
    /// or, with `digits`, a number that is no clock time or amount ("17").
    fn bare_day_number(&self, i: usize, digits: bool) -> M<u32> {
        let j = self.det(i);
        // a plain number followed by a word outside the lexicon counts something ("10 people")
        let counted = |e: usize| {
            self.w.get(e).is_some_and(|w| w.kind == WKind::Word) && self.entry(e).is_empty()
        };
        let (e, d) = match self.chunk(j) {
            Some(Chunk::Int(d, len)) if digits && len <= 2 && !counted(j + 1) => (j + 1, d),
            _ => self.ordinal(j)?,
        };
        let clock_or_amount = self.is(e, Class::Am)
            || self.is(e, Class::Pm)
            || self.is(e, Class::Oclock)
            || self.unit(e).is_some()
            || self.month_word(e, false).is_some()
            || self.punct(e, ":");
        ((1..=31).contains(&d) && !clock_or_amount).then_some((e, d))
    }

    /// What may stand at either end of a range though not alone: a bare year ("2014 tot
    /// 2018") and, after "van" / "from", a month abbreviation ("van sep tot nov").
    fn range_end_period(&self, i: usize, opened: bool) -> M<Result<Day, Period>> {
        if let Some((e, y)) = self.year(i) {
            return Some((e, Err(Period::Year(y))));
        }
        if !opened {
            return None;
        }
        let (e, m) = self.month_at(i, false)?;
        let (e2, y) = self.opt_year(e);
        Some((e2, Err(Period::Month { y, m })))
    }

    // ---- sets ------------------------------------------------------------------------------

    fn set(&self, i: usize) -> M<Sem> {
        // "3pm each day", "6am everyday"
        if let Some((e, c)) = self.clock(i, false) {
            let daily = self.val(e, Class::SetAdv) == Some("P1D")
                || (self.is(e, Class::Every)
                    && self
                        .unit(e + 1)
                        .is_some_and(|(u, k)| u == Unit::Day && k == 1.0));
            if daily {
                let end = if self.is(e, Class::Every) {
                    e + 2
                } else {
                    e + 1
                };
                return Some((end, Sem::Set(c.readings()[0].timex())));
            }
        }
        // "tuesday afternoons"
        if let Some(wd) = self.weekday_word(i) {
            if let Some(p) = self.plural_pod(i + 1) {
                return Some((i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code()))));
            }
        }
        // "mornings" (but "in the mornings" is a part of the day)
        if let Some(p) = self.plural_pod(i) {
            if !(i > 0 && self.is(i - 1, Class::At)) {
                return Some((i + 1, Sem::Set(format!("T{}", p.code()))));
            }
        }
        // "weekends"
        if !self.lx.dutch
            && self
                .word(i)
                .and_then(|w| w.strip_suffix('s'))
                .is_some_and(|w| self.lx.is(w, Class::Weekend))
        {
            return Some((i + 1, Sem::Set("P1WE".to_string())));
        }
        // "19th of every month"
        if let Some((e, d)) = self.day_number(i) {
            if matches!(self.word(e), Some("of" | "van"))
                && self.is(e + 1, Class::Every)
                && self
                    .unit(e + 2)
                    .is_some_and(|(u, k)| u == Unit::Month && k == 1.0)
            {
                return Some((e + 3, Sem::Set(format!("XXXX-XX-{d:02}"))));
            }
        }
        // "everyday 6am", "daily at 9"
        if self.val(i, Class::SetAdv) == Some("P1D") {
            if let Some((e, c)) = self.at_clock(i + 1) {
                return Some((e, Sem::Set(c.readings()[0].timex())));
            }
        }
        // "thursdays", "tuesday afternoons", "thursdays at 17.30"
        if let Some(wd) = self.plural_weekday(i) {
            let base = format!("XXXX-WXX-{wd}");
            if let Some(p) = self
                .word(i + 1)
                .and_then(|w| w.strip_suffix('s'))
                .and_then(|w| self.lx.value(w, Class::Pod))
                .and_then(Pod::parse)
            {
                return Some((i + 2, Sem::Set(format!("{base}T{}", p.code()))));
            }
            if let Some((e, c)) = self.at_clock(i + 1) {
                let c = c.readings()[0];
                return Some((e, Sem::Set(format!("{base}{}", c.timex()))));
            }
            return Some((i + 1, Sem::Set(base)));
        }
        // "eenmaal per week", "once a year"
        if self.is(i, Class::Once) && matches!(self.word(i + 1), Some("per" | "a" | "every")) {
            if let Some((u, k)) = self.unit(i + 2) {
                return Some((i + 3, Sem::Set(u.iso(k))));
            }
        }
        if let Some(t) = self.val(i, Class::SetAdv) {
            return Some((i + 1, Sem::Set(t.to_string())));
        }
        if !self.is(i, Class::Every) {
            return None;
        }
        // "every other day" (every second one)
        let (j, nth) = match self.int(i + 1, Class::EveryNth) {
            Some(n) => (i + 2, n as f64),
            None => (i + 1, 1.0),
        };
        // "elke twee dagen"
        if let Some((e, n)) = self.number(j).filter(|_| nth == 1.0) {
            if let Some((u, k)) = self.unit(e) {
                return Some((e + 1, Sem::Set(u.iso(n * k))));
            }
            if let Some(code) = self.set_unit(e) {
                return Some((e + 1, Sem::Set(format!("P{}{code}", fmt_num(n)))));
            }
        }
        // "every weekday", "every weekend"
        if let Some(code) = self.set_unit(j) {
            return Some((j + 1, Sem::Set(format!("P{}{code}", fmt_num(nth)))));
        }
        if nth != 1.0 {
            if let Some((u, k)) = self.unit(j) {
                return Some((j + 1, Sem::Set(u.iso(nth * k))));
            }
            let wd = self.weekday_word(j)?;
            return Some((j + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        if let Some((u, k)) = self.unit(j) {
            // "elke dag 15.00", "elke dag om 8 uur"
            if let Some((e, c)) = self.at_clock(j + 1) {
                return Some((e, Sem::Set(c.readings()[0].timex())));
            }
            return Some((j + 1, Sem::Set(u.iso(k))));
        }
        if let Some(wd) = self.weekday_word(j) {
            let base = format!("XXXX-WXX-{wd}");
            if let Some((e, pod)) = self.pod_word(j + 1) {
                return Some((e, Sem::Set(format!("{base}T{}", pod.code()))));
            }
            if let Some((e, c)) = self.at_clock(j + 1) {
                let c = c.readings()[0];
                return Some((e, Sem::Set(format!("{base}{}", c.timex()))));
            }
            return Some((j + 1, Sem::Set(base)));
        }
        if let Some((e, pod)) = self.pod_word(j) {
            // "every evening at 7:13 p.m."
            if let Some((e2, c)) = self.at_clock(e) {
                let c = c.with_pod(pod).readings()[0];
                return Some((e2, Sem::Set(c.timex())));
            }
            return Some((e, Sem::Set(format!("T{}", pod.code()))));
        }
        None
    }

    /// An English part of the day in the plural ("afternoons").
    fn plural_pod(&self, i: usize) -> Option<Pod> {
        if self.lx.dutch {
            return None;
        }
        let w = self.word(i)?.strip_suffix('s')?;
        self.lx.value(w, Class::Pod).and_then(Pod::parse)
    }

    /// A unit only sets count in ("weekday" WD, "weekend" WE).
    fn set_unit(&self, i: usize) -> Option<&'static str> {
        self.val(i, Class::SetUnit)
    }

    /// An English weekday in the plural ("mondays"): every such day.
    fn plural_weekday(&self, i: usize) -> Option<u32> {
        if self.lx.dutch {
            return None;
        }
        let w = self.word(i)?.strip_suffix('s')?;
        self.lx.int(w, Class::Weekday).map(|wd| wd as u32)
    }

    fn at_clock(&self, i: usize) -> M<Clock> {
        let j = if self.is(i, Class::At) || self.punct(i, ",") {
            i + 1
        } else {
            i
        };
        self.clock(j, true)
    }

    // ---- core: points, periods, durations -------------------------------------------------

    fn core(&self, i: usize) -> M<Sem> {
        longest([
            self.date_time(i),
            self.day(i).map(|(e, d)| (e, Sem::Date(d))),
            self.time(i),
            self.period(i).map(|(e, p)| (e, Sem::Period(p))),
            self.duration_expr(i),
            self.clock_window(i),
            self.offset(i),
            self.day_end(i),
            self.now(i),
            self.the_unit(i),
            self.fixed_phrase(i),
            self.holiday_weekend(i),
            self.day_part(i),
        ])
    }

    /// "early in the day", "mid today", "later in today", "halverwege vandaag", "later op de
    /// dag": a half or the middle of a day ("the day" is today).
    fn day_part(&self, i: usize) -> M<Sem> {
        if self.entry(i).is_empty() {
            return None;
        }
        let part = if self.is(i, Class::Begin) || self.is(i, Class::Earlier) {
            Part::Begin
        } else if self.is(i, Class::Mid) {
            Part::Mid
        } else if self.is(i, Class::End) || self.is(i, Class::Later) {
            Part::End
        } else {
            return None;
        };
        let j = if matches!(self.word(i + 1), Some("in" | "op" | "of" | "van")) {
            i + 2
        } else {
            i + 1
        };
        // "later vandaag" is today (later, not its second half); "later in today" is
        let relative = self.is(i, Class::Later) || self.is(i, Class::Earlier);
        if relative && j == i + 1 {
            return None;
        }
        let k = self.det(j);
        if k > j
            && self
                .unit(k)
                .is_some_and(|(u, n)| u == Unit::Day && n == 1.0)
        {
            let singular = self
                .word(k)
                .is_some_and(|w| !w.ends_with('s') && !w.ends_with("en"));
            return singular.then_some((k + 1, Sem::DayPart(Day::Rel(0), part)));
        }
        let (e, d) = self.rel_day(j)?;
        Some((e, Sem::DayPart(d, part)))
    }

    /// "labor day weekend", "halloween weekend 2021", "the weekend of thanksgiving 2023".
    fn holiday_weekend(&self, i: usize) -> M<Sem> {
        let j = self.det(i);
        if self.is(j, Class::Weekend) && matches!(self.word(j + 1), Some("of" | "van")) {
            let k = self.det(j + 2);
            let (e, d) = self.holiday(k)?;
            return Some((e, Sem::WeekendOf(d)));
        }
        let (e, d) = match self.day(i)? {
            (e, d @ Day::Holiday { .. }) => (e, d),
            _ => return None,
        };
        if !self.is(e, Class::Weekend) {
            return None;
        }
        let (e2, y) = self.opt_year(e + 1);
        let d = match (d, y) {
            (
                Day::Holiday {
                    rule,
                    y: None,
                    year_rel,
                    rel,
                },
                Some(y),
            ) => Day::Holiday {
                rule,
                y: Some(y),
                year_rel,
                rel,
            },
            (d, _) => d,
        };
        Some((e2, Sem::WeekendOf(d)))
    }

    /// The longest fixed phrase of `time_phrases.txt` at `i` and its meaning.
    fn fixed_at(&self, i: usize) -> M<&'static str> {
        if !self.is(i, Class::FixedStart) {
            return None;
        }
        let first = self.word(i)?;
        let mut best: M<&'static str> = None;
        for (rest, meaning) in self.lx.fixed(first) {
            let ok = rest
                .iter()
                .enumerate()
                .all(|(k, w)| self.word(i + 1 + k) == Some(*w));
            let end = i + 1 + rest.len();
            if ok && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, *meaning));
            }
        }
        best
    }

    /// A fixed phrase: "at the moment" (now), "otd" (today), "eod" (the end of today), "eoy"
    /// (the end of this year).
    fn fixed_phrase(&self, i: usize) -> M<Sem> {
        let (e, meaning) = self.fixed_at(i)?;
        let sem = match meaning {
            "now" => Sem::Now,
            "today" => Sem::Date(Day::Rel(0)),
            "midnight" => Sem::Time(Clock {
                pm: Some(false),
                ..Clock::hour(0)
            }),
            "eod" => Sem::DateTime(
                Day::Rel(0),
                Clock {
                    h: 23,
                    m: Some(59),
                    s: Some(59),
                    pm: Some(true),
                },
            ),
            "eoy" => Sem::Period(Period::Part {
                inner: Box::new(Period::RelYear(0)),
                part: Part::End,
            }),
            "todate" if self.to_date_ok(i, e) => {
                Sem::Modified(Box::new(Sem::Date(Day::Present)), Mod::Until)
            }
            "ytd" => Sem::Period(Period::YearToDate),
            _ => return None,
        };
        Some((e, sem))
    }

    /// "to date" means up to now unless it is "up to date" or "date" is a noun ("equals to
    /// date 1", "to date from 2010").
    fn to_date_ok(&self, i: usize, e: usize) -> bool {
        let up = i > 0 && matches!(self.word(i - 1), Some("up" | "bij"));
        let noun = self.w.get(e).is_some_and(|w| w.kind == WKind::Num) || self.is(e, Class::From);
        !up && !noun
    }

    /// English "the day", "the week", "the month", "the year": the current one ("partner of
    /// the year", "away for the month"); "the week after next"; "for the hour" is an hour.
    fn the_unit(&self, i: usize) -> M<Sem> {
        let dutch = self.lx.dutch;
        if !matches!(
            (dutch, self.word(i)),
            (false, Some("the")) | (true, Some("de" | "het"))
        ) {
            return None;
        }
        // "the next day", "de volgende dag"
        if self.is(i + 1, Class::RelNext) && matches!(self.word(i + 2), Some("day" | "dag")) {
            return Some((i + 3, Sem::Date(Day::Rel(1))));
        }
        // "the weekend", "het weekend": the coming one
        if self.is(i + 1, Class::Weekend)
            && !matches!(self.word(i + 2), Some("of" | "van"))
            && self.holiday(i + 2).is_none()
        {
            return Some((i + 2, Sem::Period(Period::Weekend(0))));
        }
        let w = self.word(i + 1)?;
        let (u, k) = self.unit(i + 1)?;
        if u == Unit::Week && k == 2.0 {
            return Some((i + 2, Sem::Period(Period::Fortnight(0))));
        }
        if k != 1.0 {
            return None;
        }
        if w.ends_with('s') || w.len() < 3 || (dutch && w.ends_with("en")) {
            return None;
        }
        let e = i + 2;
        // "the week 31", "the year of 2008", "the year to date", "the day wednesday"
        let follows = self.w.get(e).is_some_and(|t| t.kind == WKind::Num)
            || matches!(self.word(e), Some("of" | "to" | "van" | "tot"))
            || self.weekday_word(e).is_some();
        if follows {
            return None;
        }
        if u == Unit::Week
            && matches!(self.word(e), Some("after" | "na"))
            && self.is(e + 1, Class::RelNext)
        {
            return Some((e + 2, Sem::Period(Period::RelWeek(2))));
        }
        let sem = match u {
            Unit::Day if !dutch => Sem::Date(Day::Rel(0)),
            Unit::Week => Sem::Period(Period::RelWeek(0)),
            Unit::Month => Sem::Period(Period::RelMonth(0)),
            Unit::Year => Sem::Period(Period::RelYear(0)),
            Unit::Hour if !dutch => Sem::Duration(k, u),
            _ => return None,
        };
        Some((e, sem))
    }

    /// After Dutch "aan het" before a part word ("aan het eind", "aan het begin"): the part
    /// word's position.
    fn aan_het(&self, i: usize) -> Option<usize> {
        let part =
            |k: usize| self.is(k, Class::End) || self.is(k, Class::Begin) || self.is(k, Class::Mid);
        if !self.lx.dutch {
            return None;
        }
        // "het eind van 2000" keeps its article too
        if self.word(i) == Some("het") && part(i + 1) {
            return Some(i + 1);
        }
        (self.word(i) == Some("aan") && self.word(i + 1) == Some("het") && part(i + 2))
            .then_some(i + 2)
    }

    /// "the 15th day of next month", "twenty third day of September", "de 5e dag van de maand".
    fn nth_day_of(&self, i: usize) -> M<Day> {
        let j = self.det(i);
        let (e, d) = self.day_number(j)?;
        if !self
            .unit(e)
            .is_some_and(|(u, k)| u == Unit::Day && k == 1.0)
            || !matches!(self.word(e + 1), Some("of" | "van"))
        {
            return None;
        }
        let k = e + 2;
        if let Some((e2, m)) = self.month_at(k, false) {
            let (e3, y) = self.opt_year(e2);
            return Some((e3, Day::Ymd { y, m: Some(m), d }));
        }
        let rel = match self.rel_period(k) {
            Some((e2, Period::RelMonth(n))) => Some((e2, n)),
            _ => {
                let j2 = self.det(k);
                (j2 > k && self.unit(j2).is_some_and(|(u, _)| u == Unit::Month))
                    .then_some((j2 + 1, 0))
            }
        };
        let (e2, rel) = rel?;
        Some((e2, Day::OfRelMonth { d, rel }))
    }

    /// "the day before", "de dag erna": the day before or after the reference, when nothing
    /// follows that it could be relative to.
    fn day_around(&self, i: usize) -> M<Day> {
        let j = self.det(i);
        if j == i
            || !self
                .unit(j)
                .is_some_and(|(u, k)| u == Unit::Day && k == 1.0)
        {
            return None;
        }
        let n = match self.word(j + 1)? {
            "before" | "ervoor" | "daarvoor" => -1,
            "after" | "erna" | "daarna" => 1,
            _ => return None,
        };
        let ends = self.w.get(j + 2).is_none_or(|w| w.kind == WKind::Punct)
            || self
                .word(j + 2)
                .is_some_and(|w| self.entry(j + 2).is_empty() && w.len() > 3);
        ends.then_some((j + 2, Day::Rel(n)))
    }

    /// The last second of a day: "eind van de dag", "end of tomorrow", "end of this sunday".
    fn day_end(&self, i: usize) -> M<Sem> {
        if let Some(k) = self.aan_het(i) {
            return self.day_end(k);
        }
        // "the end of today" keeps its article
        if !self.lx.dutch && self.word(i) == Some("the") && self.is(i + 1, Class::End) {
            return self.day_end(i + 1);
        }
        if !self.is(i, Class::End) {
            return None;
        }
        let j = if matches!(self.word(i + 1), Some("van" | "of")) {
            i + 2
        } else {
            i + 1
        };
        let k = self.det(j);
        let end_clock = Clock {
            h: 23,
            m: Some(59),
            s: Some(59),
            pm: Some(true),
        };
        if self
            .unit(k)
            .is_some_and(|(u, k)| u == Unit::Day && k == 1.0)
        {
            return Some((k + 1, Sem::DateTime(Day::Rel(0), end_clock)));
        }
        let (e, d) = longest([self.rel_day(k), self.weekday_day(k)])?;
        Some((e, Sem::DateTime(d, end_clock)))
    }

    /// A moment an amount of clock time from now: "over 5 minuten", "in an hour",
    /// "3 minutes from now", "3 minuten vanaf nu".
    fn offset(&self, i: usize) -> M<Sem> {
        if self.is(i, Class::InFuture) {
            let (e, n, u) = self.amount(i + 1)?;
            return u.is_clock().then_some((e, Sem::Offset(n, u)));
        }
        let (e, n, u) = self.amount(i)?;
        let from = matches!(self.word(e), Some("vanaf" | "from"));
        (u.is_clock() && from && self.is(e + 1, Class::Now)).then_some((e + 2, Sem::Offset(n, u)))
    }

    /// "afgelopen 5 minuten", "de komende twee uur", "het aankomende uur", "next hour".
    fn clock_window(&self, i: usize) -> M<Sem> {
        // "within 5 minutes", "binnen 2 uur": from now on
        if self.is(i, Class::Within) {
            let (e, n, u) = self.amount(i + 1)?;
            return u.is_clock().then_some((e, Sem::ClockWindow(n, u, true)));
        }
        if let Some((e, n)) = self.number(i) {
            // "5 aankomende minuten", "5 past minutes"
            let sign = self.rel_sign(e).filter(|s| *s != 0)?;
            if !self.counted_unit(e + 1, n) {
                return None;
            }
            let (u, k) = self.unit(e + 1).filter(|(u, _)| u.is_clock())?;
            return Some((e + 2, Sem::ClockWindow(n * k, u, sign > 0)));
        }
        let n = self.rel_sign(i).filter(|n| *n != 0)?;
        let singular = self
            .word(i + 1)
            .is_some_and(|w| !w.ends_with('s') && !w.ends_with("en"));
        if let Some((u, k)) = self.unit(i + 1).filter(|(u, _)| u.is_clock() && singular) {
            return Some((i + 2, Sem::ClockWindow(k, u, n > 0)));
        }
        let (e, amount, u) = self.amount(i + 1)?;
        u.is_clock()
            .then_some((e, Sem::ClockWindow(amount, u, n > 0)))
    }

    fn now(&self, i: usize) -> M<Sem> {
        self.is(i, Class::Now).then_some((i + 1, Sem::Now))
    }

    fn time(&self, i: usize) -> M<Sem> {
        longest([
            self.clock(i, false).map(|(e, c)| (e, Sem::Time(c))),
            // "around 1pm", "rond 13.00": the approximation stays in the span
            // ("around five hours" is an amount)
            self.clock(i + 1, true)
                .filter(|(e, _)| self.approx(i) && self.unit(*e).is_none())
                .map(|(e, c)| (e, Sem::Time(c))),
            self.pod_adv(i).map(|(e, p)| (e, Sem::TimePod(p))),
            self.pod_part(i),
            self.pod_part_clock(i).map(|(e, c)| (e, Sem::Time(c))),
            self.today_pod(i),
            if self.is(i, Class::At) {
                self.meal(i)
            } else {
                None
            },
            self.counted_pod(i),
        ])
    }

    /// English "one morning", "1 evening", "four afternoon classes": the part of the day after
    /// a count.
    fn counted_pod(&self, i: usize) -> M<Sem> {
        if self.lx.dutch || i == 0 || self.number(i - 1).is_none_or(|(e, _)| e != i) {
            return None;
        }
        let p = self.val(i, Class::Pod).and_then(Pod::parse)?;
        Some((i + 1, Sem::TimePod(p)))
    }

    /// A meal as a time of day after a preposition or modifier: "at lunch", "around dinner",
    /// "after breakfast", "voor de lunch", "na het ontbijt".
    fn meal(&self, i: usize) -> M<Sem> {
        let j = if self.is(i, Class::At) { i + 1 } else { i };
        let k = match self.word(j) {
            Some("de" | "het" | "the") => j + 1,
            _ => j,
        };
        let p = self.val(k, Class::Meal).and_then(Pod::parse)?;
        Some((k + 1, Sem::TimePod(p)))
    }

    /// "vanavond", "deze avond", "morgenavond", "maandagochtend", "tonight".
    /// A day with a part of the day ("maandagmorgen", "yesterday afternoon"): the day and pod.
    fn day_pod(&self, i: usize) -> Option<(usize, Day, Pod)> {
        match longest([self.today_pod(i), self.date_pod(i)]) {
            Some((e, Sem::DatePod(d, p))) => Some((e, d, p)),
            _ => None,
        }
    }

    /// A day followed by a part of the day word ("monday morning", "gisteren middag").
    fn date_pod(&self, i: usize) -> M<Sem> {
        let (e, d) = self.day(i)?;
        let (e2, p) = self.pod_word(e)?;
        Some((e2, Sem::DatePod(d, p)))
    }

    fn today_pod(&self, i: usize) -> M<Sem> {
        // "last night", "afgelopen ochtend", "next evening", "komende avond"
        let shift = if self.is(i, Class::RelPrev) || self.is(i, Class::RelPast) {
            Some(-1)
        } else if self.is(i, Class::RelNext) || self.is(i, Class::RelComing) {
            Some(1)
        } else {
            None
        };
        if let Some(n) = shift {
            if let Some(p) = self.val(i + 1, Class::Pod).and_then(Pod::parse) {
                return Some((i + 2, Sem::DatePod(Day::Rel(n), p)));
            }
        }
        if let Some(p) = self.val(i, Class::TodayPod).and_then(Pod::parse) {
            return Some((i + 1, Sem::DatePod(Day::Rel(0), p)));
        }
        if self.is(i, Class::RelThis) {
            if let Some(p) = self.val(i + 1, Class::Pod).and_then(Pod::parse) {
                return Some((i + 2, Sem::DatePod(Day::Rel(0), p)));
            }
        }
        // "komende maandagmiddag", "next monday morning" are handled by the weekday rules
        if let Some(rel) = self.weekday_rel(i) {
            let (j, rel) = rel;
            if let Some((Day::Weekday { wd, .. }, p)) =
                self.word(j).and_then(|w| self.compound_pod(w))
            {
                return Some((j + 1, Sem::DatePod(Day::Weekday { wd, rel }, p)));
            }
        }
        let (d, p) = self.compound_pod(self.word(i)?)?;
        Some((i + 1, Sem::DatePod(d, p)))
    }

    /// Half a part of the day: "early morning", "later in the afternoon", "in de vroege
    /// ochtend", "later this afternoon".
    fn pod_part(&self, i: usize) -> M<Sem> {
        let k = if self.is(i, Class::At) {
            self.det(i + 1)
        } else {
            i
        };
        let late = if self.is(k, Class::End) || self.is(k, Class::Later) {
            true
        } else if self.is(k, Class::Begin) || self.is(k, Class::Earlier) {
            false
        } else {
            return None;
        };
        let mut j = k + 1;
        if self.is(j, Class::RelThis) {
            let p = self.val(j + 1, Class::Pod).and_then(Pod::parse)?;
            return Some((j + 2, Sem::DatePodPart(Day::Rel(0), p, late)));
        }
        if self.is(j, Class::At) {
            j = self.det(j + 1);
        }
        let p = self.val(j, Class::Pod).and_then(Pod::parse)?;
        Some((j + 1, Sem::TimePodPart(p, late)))
    }

    /// A day word glued to a part of the day: "maandagavond", "gisterenavond".
    fn compound_pod(&self, w: &str) -> Option<(Day, Pod)> {
        if w.len() < 8 {
            return None;
        }
        for tail in self.lx.pod_words() {
            let Some(head) = w.strip_suffix(tail) else {
                continue;
            };
            if let Some(p) = self.lx.value(tail, Class::Pod).and_then(Pod::parse) {
                if let Some(n) = self.lx.int(head, Class::RelDate) {
                    return Some((Day::Rel(n), p));
                }
                if let Some(wd) = self.lx.int(head, Class::Weekday) {
                    return Some((
                        Day::Weekday {
                            wd: wd as u32,
                            rel: WdRel::Bare,
                        },
                        p,
                    ));
                }
            }
        }
        None
    }

    /// "'s avonds", "in de ochtend", "in the morning".
    fn pod_adv(&self, i: usize) -> M<Pod> {
        if self.word(i) == Some("'s") {
            let p = self.val(i + 1, Class::PodAdv).and_then(Pod::parse)?;
            return Some((i + 2, p));
        }
        if self.is(i, Class::At) {
            let j = self.det(i + 1);
            if j > i + 1 {
                let p = self.val(j, Class::Pod).and_then(Pod::parse)?;
                return Some((j + 1, p));
            }
            // English "in morning"
            if !self.lx.dutch && self.word(i) == Some("in") {
                let p = self.val(j, Class::Pod).and_then(Pod::parse)?;
                return Some((j + 1, p));
            }
        }
        None
    }

    fn pod_word(&self, i: usize) -> M<Pod> {
        self.pod_adv(i).or_else(|| {
            let p = self.val(i, Class::Pod).and_then(Pod::parse)?;
            Some((i + 1, p))
        })
    }

    /// An optional part of the day after a clock time.
    fn pod_after(&self, i: usize) -> (usize, Option<Pod>) {
        if let Some((e, p)) = self.pod_adv(i) {
            return (e, Some(p));
        }
        if self.is(i, Class::Am) {
            return (i + 1, Some(Pod::Mo));
        }
        if self.is(i, Class::Pm) {
            return (i + 1, Some(Pod::Ev));
        }
        (i, None)
    }

    fn date_time(&self, i: usize) -> M<Sem> {
        let mut cands: Vec<M<Sem>> = Vec::new();
        // "around tomorrow 10am": the approximation stays in the span
        if self.approx(i) {
            if let Some(found @ (_, Sem::DateTime(..))) = self.date_time(i + 1) {
                return Some(found);
            }
        }
        let today_pod = self.today_pod(i);
        if let Some((e, d)) = self.day(i) {
            let mut j = e;
            if self.is(j, Class::At)
                || self.punct(j, ",")
                || self.punct(j, "-")
                || self.punct(j, "@")
            {
                j += 1;
            }
            let loose = !self.punct(e, ",");
            // "easter monday at 10:30 am" stays two expressions
            let holiday_at = matches!(d, Day::Holiday { .. }) && j > e;
            if let Some((e2, c)) = self.clock(j, loose).filter(|_| !holiday_at) {
                // a clock range after the day
                let range = self.range(j).and_then(|(e3, s)| match s {
                    Sem::TimeRange(a, b) => Some((e3, Sem::DateTimeRange(d.clone(), a, b))),
                    _ => None,
                });
                cands.push(range);
                let (e3, pod) = self.pod_after(e2);
                let c = pod.map_or(c, |p| c.with_pod(p));
                cands.push(Some((e3, Sem::DateTime(d.clone(), c))));
            } else if let Some((e3, Sem::TimeRange(a, b))) = self.range(j) {
                cands.push(Some((e3, Sem::DateTimeRange(d.clone(), a, b))));
            }
            if let Some((e2, p)) = self.pod_word(e) {
                // "wednesday evening next week"
                let d2 = match (&d, self.rel_period(e2)) {
                    (
                        Day::Weekday {
                            wd,
                            rel: WdRel::Bare,
                        },
                        Some((e3, Period::RelWeek(n))),
                    ) => Some((
                        e3,
                        Day::Weekday {
                            wd: *wd,
                            rel: WdRel::Week(n),
                        },
                    )),
                    _ => None,
                };
                if let Some((e3, d2)) = d2 {
                    cands.push(Some((e3, Sem::DatePod(d2, p))));
                }
                cands.push(Some((e2, Sem::DatePod(d.clone(), p))));
            }
            // "sunday early morning at 8:00"
            let holiday = matches!(d, Day::Holiday { .. });
            if let Some((e2, c)) = self.pod_part_clock(e).filter(|_| !holiday) {
                cands.push(Some((e2, Sem::DateTime(d.clone(), c))));
            }
            // "maandag 3-8", "volgende maandag tussen 6-8"
            let k = if self.is(j, Class::Between) || self.is(j, Class::From) {
                j + 1
            } else {
                j
            };
            if let Some((a, b)) = self.dash_hours(k, k > j) {
                let (e3, pod) = self.pod_after(k + 1);
                let (a, b) = apply_pod(a, b, pod);
                cands.push(Some((e3, Sem::DateTimeRange(d.clone(), a, b))));
            }
            // "vandaag voor 16:00", "dinsdag na 13:00"
            if let Some((e3, Sem::Modified(inner, m))) =
                longest([self.modified(e), self.phrase_modified(e)])
            {
                if let Sem::Time(c) = *inner {
                    cands.push(Some((
                        e3,
                        Sem::Modified(Box::new(Sem::DateTime(d.clone(), c)), m),
                    )));
                }
            }
        }
        // "the 17 from 2pm to 4pm", "de 17 tussen 14.00 en 16.00": a bare day of the month
        // before a clock range
        if let (Some(_), Some(Chunk::Int(d, 1..=2))) = (
            self.word(i).filter(|w| matches!(*w, "the" | "de")),
            self.chunk(i + 1),
        ) {
            if let Some((e, Sem::TimeRange(a, b))) =
                self.range(i + 2).filter(|_| (1..=31).contains(&d))
            {
                let day = Day::Ymd {
                    y: None,
                    m: None,
                    d,
                };
                cands.push(Some((e, Sem::DateTimeRange(day, a, b))));
            }
        }
        // "6-8 next monday", "3-5 tomorrow": dashed hours before a coming day
        if let Some((a, b)) = self.dash_hours(i, false) {
            let coming = |d: &Day| match d {
                Day::Rel(n) => *n > 0,
                Day::Weekday { rel, .. } => match rel {
                    WdRel::Week(n) => *n >= 0,
                    WdRel::Coming => true,
                    WdRel::Bare | WdRel::Past => false,
                },
                _ => false,
            };
            if let Some((e, d)) = self.day(i + 1).filter(|(_, d)| coming(d)) {
                cands.push(Some((e, Sem::DateTimeRange(d, a, b))));
            }
        }
        // "8 vanmorgen", "10, vanavond", "15:00 vandaag", "9am on tuesday": a bare number only
        // before a relative day, any other day needs a marked clock time
        // ("around 2pm today")
        let ci = if self.approx(i) { i + 1 } else { i };
        let digits = self.w.get(ci).is_some_and(|w| w.kind == WKind::Num);
        if let Some((e, c)) = self.clock(ci, digits) {
            let marked = self.clock(ci, false).is_some() || ci > i;
            let mut j = e;
            if self.is(j, Class::At) || self.punct(j, ",") {
                j += 1;
            }
            if let Some((e2, Sem::DatePod(d, p))) = self.today_pod(j) {
                cands.push(Some((e2, Sem::DateTime(d, c.with_pod(p)))));
            } else if let Some((e2, d)) = self.day(j) {
                if marked || matches!(d, Day::Rel(_)) {
                    cands.push(Some((e2, Sem::DateTime(d, c))));
                }
            }
        }
        // "maandagmorgen van 10:00 tot 12:00", "yesterday afternoon from 3-8pm"
        if let Some((e, d, p)) = self.day_pod(i) {
            match self.range(e) {
                Some((e2, Sem::TimeRange(a, b))) => {
                    // "tonight from 7 to 7:30"
                    let (a, b) = apply_pod(a, b, Some(p));
                    cands.push(Some((e2, Sem::DateTimeRange(d, a, b))));
                }
                _ => {
                    let k = if self.is(e, Class::From) { e + 1 } else { e };
                    if let Some((a, b)) = self.dash_hours(k, k > e) {
                        let (e2, pod) = self.pod_after(k + 1);
                        let (a, b) = apply_pod(a, b, pod);
                        cands.push(Some((e2, Sem::DateTimeRange(d, a, b))));
                    }
                }
            }
        }
        // "vanavond om 8 uur"
        if let Some((e, Sem::DatePod(d, p))) = today_pod {
            if self.is(e, Class::At) {
                if let Some((e2, c)) = self.clock(e + 1, true) {
                    cands.push(Some((e2, Sem::DateTime(d, c.with_pod(p)))));
                }
            }
        }
        // "'s ochtends om 9 uur"
        if let Some((e, p)) = self.pod_adv(i) {
            let j = if self.is(e, Class::At) { e + 1 } else { e };
            if let Some((e2, c)) = self.clock(j, true) {
                cands.push(Some((e2, Sem::Time(c.with_pod(p)))));
            }
        }
        longest(cands)
    }

    // ---- clock times -----------------------------------------------------------------------

    /// A clock time; `loose` accepts a bare number (after "om", in a range).
    fn clock(&self, i: usize, loose: bool) -> M<Clock> {
        let (mut e, mut c) = longest([
            self.clock_chunk(i, loose),
            self.clock_words(i),
            self.clock_number(i, loose),
            self.at_number(i),
        ])?;
        if self.is(e, Class::Am) {
            c.pm = Some(false);
            e += 1;
        } else if self.is(e, Class::Pm) {
            c.pm = Some(true);
            e += 1;
        } else if let Some((e2, p)) = self.pod_adv(e) {
            c = c.with_pod(p);
            e = e2;
        } else if let Some((e2, Sem::TimePodPart(p, _))) = self.pod_part(e) {
            // "8:00 early morning"
            c = c.with_pod(p);
            e = e2;
        }
        Some((e, c))
    }

    /// "early morning at 8:00", "late evening at 10:00": a clock time in half a part of the day.
    fn pod_part_clock(&self, i: usize) -> M<Clock> {
        let (e, Sem::TimePodPart(p, _)) = self.pod_part(i)? else {
            return None;
        };
        if !self.is(e, Class::At) {
            return None;
        }
        let (e2, c) = self.clock(e + 1, true)?;
        Some((e2, c.with_pod(p)))
    }

    fn clock_chunk(&self, i: usize, loose: bool) -> M<Clock> {
        match self.chunk(i)? {
            Chunk::Clock(c) => {
                let e = if self.is(i + 1, Class::Oclock) {
                    i + 2
                } else {
                    i + 1
                };
                Some((e, c))
            }
            // "1140 a.m."
            Chunk::Int(n, 3..=4)
                if (self.is(i + 1, Class::Am) || self.is(i + 1, Class::Pm))
                    && (1..=12).contains(&(n / 100))
                    && n % 100 < 60 =>
            {
                Some((
                    i + 1,
                    Clock {
                        m: Some(n % 100),
                        ..Clock::hour(n / 100)
                    },
                ))
            }
            Chunk::DotClock(c, _) => {
                if self.is(i + 1, Class::Oclock) {
                    Some((i + 2, c))
                } else if matches!(self.text(i + 1), Some("procent" | "percent" | "%")) {
                    None
                } else if loose
                    // Dutch writes decimals with a comma: "15.00" is a clock time
                    || (self.lx.dutch && !self.punct(i + 1, "%") && !self.punct(i.wrapping_sub(1), "€"))
                    || self.is(i + 1, Class::Am)
                    || self.is(i + 1, Class::Pm)
                    || (i > 0 && matches!(self.word(i - 1), Some("om" | "at" | "rond" | "around")))
                {
                    Some((i + 1, c))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// "10 uur", "tien uur", "ten o'clock", "3 pm".
    fn clock_number(&self, i: usize, loose: bool) -> M<Clock> {
        let (e, h) = self.small_number(i)?;
        if !(0..=24).contains(&h) {
            return None;
        }
        if h <= 12 && !self.lx.dutch && self.pod_adv(e).is_some() {
            // "2 in the afternoon"; clock() applies the part of the day
            return Some((e, Clock::hour(h as u32)));
        }
        if self.is(e, Class::Oclock) || self.is(e, Class::Am) || self.is(e, Class::Pm) {
            if self.is(e, Class::Oclock) && !loose && !self.dutch_hour_ok(i, e, h) {
                return None;
            }
            let e = if self.is(e, Class::Oclock) { e + 1 } else { e };
            let mut c = Clock::hour(h as u32);
            // "three thirty"
            if let Some((e2, m)) = self.small_number(e) {
                if !self.lx.dutch && (1..60).contains(&m) && e2 > e {
                    c.m = Some(m as u32);
                    return Some((e2, c));
                }
            }
            return Some((e, c));
        }
        // an article is no hour ("een paar maanden geleden een email")
        if loose && matches!(self.word(i), Some("een" | "één" | "a" | "an")) {
            return None;
        }
        if loose {
            if let Some((e2, m)) = self.small_number(e) {
                if !self.lx.dutch && (10..60).contains(&m) && self.word(e).is_some() && h <= 12 {
                    return Some((
                        e2,
                        Clock {
                            m: Some(m as u32),
                            ..Clock::hour(h as u32)
                        },
                    ));
                }
            }
            return Some((e, Clock::hour(h as u32)));
        }
        None
    }

    /// Dutch "N uur" is an amount ("1 uur vastleggen", "voor een uur") unless a clock word
    /// precedes ("om 10 uur", "tot 12 uur") or a part of the day follows ("7 uur 's ochtends").
    fn dutch_hour_ok(&self, i: usize, e: usize, h: i64) -> bool {
        if !self.lx.dutch || self.pod_adv(e + 1).is_some() {
            return true;
        }
        let Some(prev) = i.checked_sub(1).and_then(|p| self.word(p)) else {
            return false;
        };
        let article = matches!(self.word(i), Some("een" | "één"));
        match prev {
            "om" => true,
            // "om 9 uur of 10 uur"
            "of" => {
                i >= 2
                    && self
                        .word(i - 2)
                        .is_some_and(|w| self.lx.is(w, Class::Oclock))
            }
            "voor" => !article && h < 24,
            _ => {
                !article
                    && [
                        Class::At,
                        Class::From,
                        Class::To,
                        Class::Since,
                        Class::Between,
                    ]
                    .iter()
                    .chain(&[Class::And, Class::After, Class::Before])
                    .any(|c| self.lx.is(prev, *c))
            }
        }
    }

    /// "om 7": a bare hour after a preposition.
    fn at_number(&self, i: usize) -> M<Clock> {
        if !(self.is(i, Class::At) && matches!(self.word(i), Some("om" | "at" | "rond" | "around")))
        {
            return None;
        }
        // "at an Internet company"
        if matches!(self.word(i + 1), Some("a" | "an" | "een" | "één")) {
            return None;
        }
        let (e, h) = self.small_number(i + 1)?;
        if !(0..=24).contains(&h) {
            return None;
        }
        // "at ten past 9" is read from "ten" on
        if self.is(e, Class::Past) && self.clock_words(i + 1).is_some() {
            return None;
        }
        // "at 2 morning sessions" counts sessions
        if !self.lx.dutch && self.is(e, Class::Pod) {
            return None;
        }
        if self.is(e, Class::Oclock) {
            return Some((e + 1, Clock::hour(h as u32)));
        }
        if self.unit(e).is_some() {
            return None;
        }
        Some((e, Clock::hour(h as u32)))
    }

    /// "half acht", "kwart over negen", "10 voor half negen", "half past eight",
    /// "quarter to ten", "20 min past eight", "middaguur", "noon".
    fn clock_words(&self, i: usize) -> M<Clock> {
        // "five-thirty"
        let hm = self.word(i).and_then(|w| w.split_once('-'));
        if let Some((Some(h), Some(m))) = hm.map(|(h, m)| (self.lx.number(h), self.lx.number(m))) {
            let ok = !h.ordinal
                && !m.ordinal
                && (1.0..=12.0).contains(&h.value)
                && (10.0..60.0).contains(&m.value)
                && h.value.fract() == 0.0
                && m.value.fract() == 0.0;
            if ok {
                return Some((
                    i + 1,
                    Clock {
                        m: Some(m.value as u32),
                        ..Clock::hour(h.value as u32)
                    },
                ));
            }
        }
        // "12 noon"
        if matches!(self.chunk(i), Some(Chunk::Int(12, _))) && self.is(i + 1, Class::Noon) {
            return Some((
                i + 2,
                Clock {
                    pm: Some(true),
                    ..Clock::hour(12)
                },
            ));
        }
        if let Some(h) = self.int(i, Class::Noon) {
            return Some((
                i + 1,
                Clock {
                    pm: Some(true),
                    ..Clock::hour(h as u32)
                },
            ));
        }
        if self.is(i, Class::Midnight) {
            return Some((
                i + 1,
                Clock {
                    pm: Some(false),
                    ..Clock::hour(0)
                },
            ));
        }
        if matches!(self.word(i), Some("het" | "de" | "the")) {
            return self.clock_words(i + 1).filter(|(_, c)| c.pm.is_some());
        }
        // minutes before/after
        let (e, mins) = if self.is(i, Class::Quarter) {
            (i + 1, 15)
        } else if self.is(i, Class::Half) && !self.lx.dutch {
            (i + 1, 30)
        } else if let Some((e, m)) = self.small_number(i) {
            let e = if self.unit(e).is_some_and(|(u, _)| u == Unit::Minute) {
                e + 1
            } else {
                e
            };
            (e, m)
        } else {
            (i, 0)
        };
        // "vijf tot zeven" and "five to seven" are ranges: a count of minutes that could be an
        // hour only counts down with "voor" or an explicit "quarter" / "minutes".
        let explicit = self.is(i, Class::Quarter) || self.is(i, Class::Half) || e > i + 1;
        let counts_down = self.is(e, Class::Before)
            || (self.is(e, Class::To) && !self.lx.dutch && (explicit || mins > 12));
        let sign = if self.is(e, Class::Past) {
            1
        } else if counts_down {
            -1
        } else {
            0
        };
        let (e, mins) = if sign != 0 && e > i && (1..60).contains(&mins) {
            (e + 1, mins * sign)
        } else {
            (i, 0)
        };
        // Dutch "half negen" = 8:30
        let (e, half) = if self.lx.dutch && self.is(e, Class::Half) {
            (e + 1, -30)
        } else {
            (e, 0)
        };
        if e == i {
            return None;
        }
        let (e2, h) = self.small_number(e)?;
        if !(1..=12).contains(&h) {
            return None;
        }
        let total = h * 60 + half + mins;
        let total = total.rem_euclid(24 * 60);
        let mut c = Clock {
            h: (total / 60) as u32,
            m: Some((total % 60) as u32),
            s: None,
            pm: None,
        };
        if c.h == 0 {
            c.h = 12;
        }
        let e2 = if self.is(e2, Class::Oclock) {
            e2 + 1
        } else {
            e2
        };
        Some((e2, c))
    }

    // ---- numbers ---------------------------------------------------------------------------

    /// A cardinal number (digits or words) up to 100, for hours and minutes.
    fn small_number(&self, i: usize) -> M<i64> {
        let (e, n) = self.number(i)?;
        (n.fract() == 0.0 && (0.0..=100.0).contains(&n)).then_some((e, n as i64))
    }

    /// A cardinal number: digits ("3", "3,5") or words ("drie", "twenty one").
    fn number(&self, i: usize) -> M<f64> {
        match self.chunk(i) {
            Some(Chunk::Int(n, _)) => return Some((i + 1, f64::from(n))),
            Some(Chunk::Dec(x)) => return Some((i + 1, x)),
            Some(Chunk::DotClock(_, x)) if !self.lx.dutch => return Some((i + 1, x)),
            // "½"
            None if self.w.get(i).is_some_and(|w| w.kind == WKind::Num) => {
                let n = self.lx.number(&self.w[i].text)?;
                return (!n.ordinal).then_some((i + 1, n.value));
            }
            _ => {}
        }
        let w = self.word(i)?;
        if let Some(n) = self.number_word(i).filter(|n| !n.ordinal) {
            // "twenty one": only a ten takes a unit
            let ten = n.value >= 20.0 && n.value < 100.0 && n.value % 10.0 == 0.0;
            if let Some(next) = self.word(i + 1).filter(|_| ten) {
                if let Some(c) = self.lx.compound(w, next).filter(|n| !n.ordinal) {
                    return Some((i + 2, c.value));
                }
            }
            return Some((i + 1, n.value));
        }
        None
    }

    /// A day-of-month number: "14", "3e", "veertiende", "twenty first"; not an amount of
    /// money ("$12 December 27", "€ 5 mei").
    fn day_number(&self, i: usize) -> M<u32> {
        let money = |t: &str| matches!(t, "$" | "€" | "£" | "¥");
        if i > 0 && self.text(i - 1).is_some_and(money) {
            return None;
        }
        match self.chunk(i) {
            Some(Chunk::Int(n, len)) if len <= 2 && (1..=31).contains(&n) => {
                return Some((i + 1, n))
            }
            Some(Chunk::Ord(n)) => return Some((i + 1, n)),
            _ => {}
        }
        let w = self.word(i)?;
        let n = self.number_word(i)?;
        let ten = !n.ordinal && n.value >= 20.0 && n.value < 100.0 && n.value % 10.0 == 0.0;
        if let Some(next) = self.word(i + 1).filter(|_| ten) {
            if let Some(c) = self.lx.compound(w, next) {
                return (1.0..=31.0)
                    .contains(&c.value)
                    .then_some((i + 2, c.value as u32));
            }
        }
        if matches!(w, "een" | "één" | "a" | "an" | "one") {
            return None;
        }
        (n.value.fract() == 0.0 && (1.0..=31.0).contains(&n.value))
            .then_some((i + 1, n.value as u32))
    }

    fn unit(&self, i: usize) -> Option<(Unit, f64)> {
        Unit::parse(self.val(i, Class::Unit)?)
    }

    fn year(&self, i: usize) -> M<i32> {
        match self.chunk(i) {
            Some(Chunk::Int(y, 4)) if (1000..=2999).contains(&y) => Some((i + 1, y as i32)),
            Some(_) => None,
            None if self.number_word(i).is_some()
                || (self.lx.dutch && self.word(i).is_some_and(|w| w.ends_with("honderd"))) =>
            {
                self.word_year(i)
            }
            None => None,
        }
    }

    /// A year in words: "two thousand and fifteen", "nineteen eighty six", "seventeen hundred
    /// thirty three", "tweeduizend en tweeëndertig".
    fn word_year(&self, i: usize) -> M<i32> {
        let whole = |k: usize| -> M<i64> {
            let (e, n) = self.number(k)?;
            (n.fract() == 0.0 && (0.0..10000.0).contains(&n)).then_some((e, n as i64))
        };
        // the two last digits: "and fifteen", "thirty two"
        let tail = |k: usize| -> (usize, i64) {
            let j = if self.is(k, Class::And) { k + 1 } else { k };
            match whole(j) {
                Some((e, n)) if (1..100).contains(&n) && self.number_word(j).is_some() => (e, n),
                _ => (k, 0),
            }
        };
        // Dutch "negentienhonderd"
        if let Some(head) = self.word(i).and_then(|w| w.strip_suffix("honderd")) {
            let n = self.lx.number(head).filter(|n| !n.ordinal)?.value as i64;
            if !(10..30).contains(&n) {
                return None;
            }
            let (e2, t) = tail(i + 1);
            return Some((e2, (n * 100 + t) as i32));
        }
        let (e, n) = whole(i)?;
        self.number_word(i)?;
        // "two thousand", "tweeduizend"
        let (e, base) = if n == 2000 {
            (e, n)
        } else if (1..10).contains(&n) && self.number_word(e).is_some_and(|w| w.value == 1000.0) {
            (e + 1, n * 1000)
        } else if (10..30).contains(&n) {
            // "seventeen hundred", "nineteen eighty six"
            if self
                .number_word(e)
                .is_some_and(|w| w.value == 100.0 && !w.ordinal)
            {
                (e + 1, n * 100)
            } else {
                let (e2, m) = whole(e)?;
                self.number_word(e)?;
                return ((10..100).contains(&m)).then_some((e2, (n * 100 + m) as i32));
            }
        } else {
            return None;
        };
        let (e2, t) = tail(e);
        let y = base + t;
        (1000..3000).contains(&y).then_some((e2, y as i32))
    }

    // ---- days ------------------------------------------------------------------------------

    fn weekday_word(&self, i: usize) -> Option<u32> {
        if let Some(wd) = self.int(i, Class::Weekday) {
            return Some(wd as u32);
        }
        let wd = self.int(i, Class::WeekdayAbbr)?;
        let dotted = self.punct(i + 1, ".") || self.word(i).is_some_and(|w| w.ends_with('.'));
        // "tue 9 may", "tue may 9", "tues the 4th", "sat at 5pm"
        let number = |k: usize| matches!(self.w.get(k).map(|w| w.kind), Some(WKind::Num));
        let dated = number(i + 1)
            || self.month_word(i + 1, true).is_some()
            || (self.month_word(i + 1, false).is_some() && number(i + 2))
            || (matches!(self.word(i + 1), Some("the" | "de"))
                && matches!(self.chunk(i + 2), Some(Chunk::Ord(_))))
            || (matches!(self.word(i + 1), Some("at" | "om")) && number(i + 2));
        (dotted || dated).then_some(wd as u32)
    }

    fn month_word(&self, i: usize, strict: bool) -> Option<u32> {
        if let Some(m) = self.int(i, Class::Month) {
            return Some(m as u32);
        }
        let m = self.int(i, Class::MonthAbbr)?;
        (!strict).then_some(m as u32)
    }

    /// A month name and where it ends (an abbreviation may carry a dot).
    fn month_at(&self, i: usize, strict: bool) -> M<u32> {
        let m = self.month_word(i, strict)?;
        let e = if self.int(i, Class::MonthAbbr).is_some() && self.punct(i + 1, ".") {
            i + 2
        } else {
            i + 1
        };
        Some((e, m))
    }

    fn opt_year(&self, i: usize) -> (usize, Option<i32>) {
        // "14 maart, 2019", "26 juni in 2020", "de 26e juni van 2020", "dec/2018"
        let j = if self.punct(i, ",")
            || self.slash(i)
            || matches!(self.word(i), Some("in" | "van" | "of"))
        {
            i + 1
        } else {
            i
        };
        match self.year(j) {
            Some((e, y)) => (e, Some(y)),
            // "april of 87"
            None => match self.chunk(j) {
                Some(Chunk::Int(y, 2)) if self.word(i) == Some("of") => {
                    let y = y as i32;
                    (j + 1, Some(if y < 50 { 2000 + y } else { 1900 + y }))
                }
                _ => (i, None),
            },
        }
    }

    fn day(&self, i: usize) -> M<Day> {
        self.days.get(i)?.get_or_init(|| self.read_day(i)).clone()
    }

    fn read_day(&self, i: usize) -> M<Day> {
        longest([
            self.nth_day_of(i),
            self.day_around(i),
            self.rel_date(i),
            self.holiday(i),
            self.day_numeric(i),
            self.word_date(i),
            self.day_month(i),
            self.month_day(i),
            self.weekday_day(i),
            self.rel_day(i),
            self.ordinal_only(i),
            self.shifted_day(i),
            self.weekday_in(i),
        ])
    }

    /// A weekday in the week of a shifted day: "monday two weeks from now", "thursday, two
    /// year from now", "in 3 days on friday", "3 weeks after christmas on friday".
    fn weekday_in(&self, i: usize) -> M<Day> {
        let shifted = |k: usize| match self.shifted_day(k) {
            Some((e, d @ Day::Shift { .. })) => Some((e, d)),
            _ => None,
        };
        if let Some(wd) = self.weekday_word(i) {
            let j = if self.punct(i + 1, ",") { i + 2 } else { i + 1 };
            let (e, base) = shifted(j)?;
            return Some((
                e,
                Day::WeekdayIn {
                    wd,
                    base: Box::new(base),
                },
            ));
        }
        let (e, base) = shifted(i)?;
        if !matches!(self.word(e), Some("on" | "op")) {
            return None;
        }
        let wd = self.weekday_word(e + 1)?;
        Some((
            e + 2,
            Day::WeekdayIn {
                wd,
                base: Box::new(base),
            },
        ))
    }

    /// A date written as one word that starts with a month name ("sep-23-2020",
    /// "september-2020-23").
    fn word_date(&self, i: usize) -> M<Day> {
        let w = self.word(i).filter(|w| w.contains(['-', '/']))?;
        if !w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let lx = self.lx;
        let months = |s: &str| {
            lx.int(s, Class::Month)
                .or_else(|| lx.int(s, Class::MonthAbbr))
                .map(|m| m as u32)
        };
        match chunk::parse(w, lx.dutch, &months)? {
            Chunk::Date { y, m, d } => Some((i + 1, Day::Ymd { y, m: Some(m), d })),
            _ => None,
        }
    }

    fn day_numeric(&self, i: usize) -> M<Day> {
        match self.chunk(i)? {
            // "20161016"
            Chunk::Int(n, 8) => {
                let (y, m, d) = (n / 10000, n / 100 % 100, n % 100);
                ((1900..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
                    .then_some((
                        i + 1,
                        Day::Ymd {
                            y: Some(y as i32),
                            m: Some(m),
                            d,
                        },
                    ))
            }
            Chunk::Date { y: Some(y), m, d }
                if (2030..2040).contains(&y)
                    && self.text(i).is_some_and(|t| {
                        let last = t.rsplit(['-', '/', '.']).next().unwrap_or("");
                        last.len() == 2 && t.len() > 5
                    }) =>
            {
                Some((
                    i + 1,
                    Day::TwoCenturies {
                        yy: (y - 2000) as u32,
                        m,
                        d,
                    },
                ))
            }
            Chunk::Date { y, m, d } => {
                // "5-3-'18"
                if y.is_none() && self.punct(i + 1, "-") {
                    if let Some(Chunk::Int(yy, 2)) = self
                        .chunk(i + 3)
                        .filter(|_| matches!(self.text(i + 2), Some("'" | "’")))
                    {
                        return Some((
                            i + 4,
                            Day::Ymd {
                                y: Some(2000 + yy as i32),
                                m: Some(m),
                                d,
                            },
                        ));
                    }
                }
                // "22/04/2016" split by spaces never happens; "1 / 1 / 2015" neither.
                let (e, y2) = if y.is_none() && self.punct(i + 1, "/") {
                    match self.year(i + 2) {
                        Some((e, y)) => (e, Some(y)),
                        None => (i + 1, None),
                    }
                } else {
                    (i + 1, y)
                };
                Some((
                    e,
                    Day::Ymd {
                        y: y2,
                        m: Some(m),
                        d,
                    },
                ))
            }
            _ => None,
        }
    }

    /// "14 maart 2019", "4e jan", "de tweede van augustus", "the 09th of may".
    fn day_month(&self, i: usize) -> M<Day> {
        let j = self.det(i);
        let (e, d) = self.day_number(j)?;
        let k = if matches!(self.word(e), Some("van" | "of")) {
            e + 1
        } else {
            e
        };
        let (e2, m) = self.month_at(k, false)?;
        let (e3, y) = self.opt_year(e2);
        Some((e3, Day::Ymd { y, m: Some(m), d }))
    }

    /// "March 14", "march 14th, 2019", "may twenty nine", "oct. 2".
    fn month_day(&self, i: usize) -> M<Day> {
        // "mar4", "dec31"
        if let Some((m, d)) = self.word(i).and_then(|w| self.glued_month_day(w)) {
            let (e, y) = self.opt_year(i + 1);
            return Some((e, Day::Ymd { y, m: Some(m), d }));
        }
        let (e, m) = self.month_at(i, false)?;
        let e = if self.punct(e, ",") || self.slash(e) {
            e + 1
        } else {
            e
        };
        let j = self.det(e);
        let (e2, d) = self.day_number(j)?;
        if matches!(self.chunk(j), Some(Chunk::Int(_, 4))) {
            return None;
        }
        let (e3, y) = self.opt_year(e2);
        Some((e3, Day::Ymd { y, m: Some(m), d }))
    }

    /// A month abbreviation glued to a day number: "mar4", "dec31".
    fn glued_month_day(&self, w: &str) -> Option<(u32, u32)> {
        let at = w.find(|c: char| c.is_ascii_digit())?;
        let (name, num) = w.split_at(at);
        if name.len() < 3 || num.len() > 2 || !num.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let m = self
            .lx
            .int(name, Class::Month)
            .or_else(|| self.lx.int(name, Class::MonthAbbr))?;
        let d: u32 = num.parse().ok()?;
        (1..=31).contains(&d).then_some((m as u32, d))
    }

    /// A slash glued between two tokens ("oct/2", "dec/2018").
    fn slash(&self, i: usize) -> bool {
        let glued = |a: usize, b: usize| match (self.w.get(a), self.w.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        };
        self.punct(i, "/") && i > 0 && glued(i - 1, i) && glued(i, i + 1)
    }

    /// A relative determiner before a weekday and how it anchors the weekday.
    fn weekday_rel(&self, i: usize) -> Option<(usize, WdRel)> {
        match self.weekday_det(i) {
            (j, Some(rel)) => Some((j, rel)),
            _ => None,
        }
    }

    fn weekday_det(&self, i: usize) -> (usize, Option<WdRel>) {
        if self.is(i, Class::RelPrev) {
            (i + 1, Some(WdRel::Week(-1)))
        } else if self.is(i, Class::RelNext) {
            (i + 1, Some(WdRel::Week(1)))
        } else if self.is(i, Class::RelThis) {
            if self.is(i + 1, Class::RelComing) {
                (i + 2, Some(WdRel::Coming))
            } else if self.is(i + 1, Class::RelPast) || self.is(i + 1, Class::RelPrev) {
                (i + 2, Some(WdRel::Past))
            } else {
                (i + 1, Some(WdRel::Week(0)))
            }
        } else if self.is(i, Class::RelComing) {
            (i + 1, Some(WdRel::Coming))
        } else if self.is(i, Class::RelPast) {
            (i + 1, Some(WdRel::Past))
        } else {
            (i, None)
        }
    }

    /// "dinsdag 9 mei", "vrijdag", "volgende vrijdag", "volgende week maandag".
    fn weekday_day(&self, i: usize) -> M<Day> {
        let (j, rel) = self.weekday_det(i);
        // "volgende week (op) maandag"
        if let Some(WdRel::Week(k)) = rel {
            if self.unit(j).is_some_and(|(u, _)| u == Unit::Week) {
                let mut l = j + 1;
                // "previous week - monday"
                if self.is(l, Class::At) || self.punct(l, "-") {
                    l += 1;
                }
                if let Some(wd) = self.weekday_word(l) {
                    return Some((
                        l + 1,
                        Day::Weekday {
                            wd,
                            rel: WdRel::Week(k),
                        },
                    ));
                }
            }
        }
        let wd = self.weekday_word(j)?;
        let mut e = j + 1;
        if self.punct(e, ".") && self.int(j, Class::WeekdayAbbr).is_some() {
            e += 1;
        }
        // "dinsdag van vorige week", "monday of the following week"
        if rel.is_none() && matches!(self.word(e), Some("van" | "of")) {
            if let Some((e2, Period::RelWeek(n))) = self.rel_period(self.det(e + 1)) {
                return Some((
                    e2,
                    Day::Weekday {
                        wd,
                        rel: WdRel::Week(n),
                    },
                ));
            }
        }
        if rel.is_none() {
            if let Some(found) = self.weekday_dom(wd, e) {
                return Some(found);
            }
            // a date after the weekday wins: "dinsdag 9 mei", "maandag 12-4"
            let k = if self.punct(e, ",") { e + 1 } else { e };
            // ("on friday 7-6", "op maandag 12-4": after "on" a date, not hours)
            let on = i > 0 && matches!(self.word(i - 1), Some("on" | "op"));
            let numeric = self
                .day_numeric(k)
                .filter(|_| on || self.dash_hours(k, false).is_none());
            if let Some((e2, d)) = longest([
                self.day_month(k),
                self.month_day(k),
                numeric,
                self.dotted_md(k),
            ]) {
                return Some((e2, d));
            }
        }
        Some((
            e,
            Day::Weekday {
                wd,
                rel: rel.unwrap_or(WdRel::Bare),
            },
        ))
    }

    /// A word equal to `name` up to the apostrophe ("valentine’s" = "valentine's").
    fn word_is(&self, i: usize, name: &str) -> bool {
        self.word(i).is_some_and(|w| {
            w.len() >= name.len()
                && w.chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .eq(name.chars())
        })
    }

    /// A holiday name, the longest that matches.
    fn holiday_name(&self, i: usize) -> M<HolidayRule> {
        let first = self.w.get(i).filter(|w| w.kind != WKind::Punct)?;
        let key = if first.text.contains('’') {
            std::borrow::Cow::Owned(first.text.replace('’', "'"))
        } else {
            std::borrow::Cow::Borrowed(first.text.as_ref())
        };
        let mut best: M<HolidayRule> = None;
        for (rest, rule) in self.lx.holidays(&key) {
            let ok = rest
                .iter()
                .enumerate()
                .all(|(k, name)| self.word_is(i + 1 + k, name));
            let end = i + 1 + rest.len();
            if ok && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, *rule));
            }
        }
        best
    }

    /// "Pasen 2018", "vorige koningsdag", "kerst volgend jaar", "independence day of this year".
    fn holiday(&self, i: usize) -> M<Day> {
        let (j, rel) = match self.rel_sign(i) {
            Some(n) if n != 0 => (i + 1, Some(n)),
            Some(_) => (i + 1, None),
            None => (i, None),
        };
        let (e, rule) = self.holiday_name(j)?;
        let holiday = |y, year_rel| Day::Holiday {
            rule,
            y,
            year_rel,
            rel,
        };
        if rel.is_some() {
            return Some((e, holiday(None, None)));
        }
        if let (e2, Some(y)) = self.opt_year(e) {
            return Some((e2, holiday(Some(y), None)));
        }
        let k = if matches!(self.word(e), Some("van" | "of")) {
            e + 1
        } else {
            e
        };
        if let Some((e2, Period::RelYear(n))) = self.rel_period(k) {
            return Some((e2, holiday(None, Some(n))));
        }
        Some((e, holiday(None, None)))
    }

    /// English month.day after a weekday ("friday 7.6" is 6 July).
    fn dotted_md(&self, i: usize) -> M<Day> {
        if self.lx.dutch {
            return None;
        }
        let w = self.w.get(i).filter(|w| w.kind == WKind::Num)?;
        let (a, b) = w.text.split_once('.')?;
        let ok = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
        if !ok(a) || !ok(b) {
            return None;
        }
        let (m, d): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((
            i + 1,
            Day::Ymd {
                y: None,
                m: Some(m),
                d,
            },
        ))
    }

    /// "deze 12/5", "next 5/12", "de volgende 6e april", "this friday 5/12" (the date wins).
    fn rel_date(&self, i: usize) -> M<Day> {
        let j = self.det(i);
        let rel = self.rel_sign(j).filter(|r| *r >= 0)?;
        let k = self.weekday_word(j + 1).map_or(j + 1, |_| j + 2);
        let numeric = self
            .day_numeric(k)
            .filter(|_| self.dash_hours(k, false).is_none());
        let dotted = self.dotted_md(k).filter(|_| k > j + 1);
        let (e, d) = longest([self.day_month(k), self.month_day(k), numeric, dotted])?;
        match d {
            Day::Ymd {
                y: None,
                m: Some(m),
                d,
            } => {
                let rel = if k > j + 1 { 0 } else { rel };
                Some((e, Day::YmdRel { m, d, rel }))
            }
            _ => None,
        }
    }

    /// A day of the month after a weekday: "maandag 21" (the months around the reference
    /// where the 21st is a Monday), "dinsdag de elfde", "monday the twenty seventh" (the first
    /// such day from the reference on).
    fn weekday_dom(&self, wd: u32, i: usize) -> M<Day> {
        let (e, d, next) = if matches!(self.word(i), Some("de" | "the")) {
            let (e, d) = self.day_number(i + 1)?;
            (e, d, true)
        } else {
            match self.chunk(i)? {
                Chunk::Int(d, len) if len <= 2 && (1..=31).contains(&d) => (i + 1, d, false),
                // "mon 13th"
                Chunk::Ord(d) => (i + 1, d, false),
                _ => return None,
            }
        };
        // "maandag 21 uur", "monday 9:30", "monday 12 may" are something else
        if self.is(e, Class::Oclock)
            || self.is(e, Class::Am)
            || self.is(e, Class::Pm)
            || self.month_word(e, false).is_some()
            || self.unit(e).is_some()
        {
            return None;
        }
        Some((e, Day::WeekdayDom { wd, d, next }))
    }

    fn rel_day(&self, i: usize) -> M<Day> {
        let n = self.int(i, Class::RelDate)?;
        // "morgen" followed by a part of the day word is "tomorrow morning" only via pod rules.
        Some((i + 1, Day::Rel(n)))
    }

    /// "de 5e", "the 15th".
    fn ordinal_only(&self, i: usize) -> M<Day> {
        // "on 29th"
        if !self.lx.dutch && i > 0 && self.word(i - 1) == Some("on") {
            if let Some(Chunk::Ord(d)) = self.chunk(i) {
                return Some((
                    i + 1,
                    Day::Ymd {
                        y: None,
                        m: None,
                        d,
                    },
                ));
            }
        }
        // English "the 21st" only after a preposition ("on the 18th", "the week of the 18th")
        // ("around the 21st" is vague, "the 1st week" counts weeks)
        let english_ok = self.word(i) == Some("the")
            && i > 0
            && ((self.is(i - 1, Class::At) && !self.approx(i - 1))
                || self.word(i - 1) == Some("of"));
        if self.word(i) != Some("de") && !english_ok {
            return None;
        }
        let d = match self.chunk(i + 1)? {
            Chunk::Ord(d) if self.unit(i + 2).is_none() => d,
            _ => return None,
        };
        Some((
            i + 2,
            Day::Ymd {
                y: None,
                m: None,
                d,
            },
        ))
    }

    /// "over twee weken", "drie dagen geleden", "twee dagen na vandaag", "in two weeks".
    fn shifted_day(&self, i: usize) -> M<Day> {
        if self.is(i, Class::InFuture) {
            let (e, n, u) = self.amount(i + 1)?;
            // "over twee dagen na vandaag": the shift counts from the day named
            let from = self.is(e, Class::After)
                || self.is(e, Class::Before)
                || matches!(self.word(e), Some("from" | "vanaf"));
            if u.is_clock() || n.fract() != 0.0 || (from && self.day(e + 1).is_some()) {
                return None;
            }
            return Some((
                e,
                Day::Shift {
                    base: Box::new(Day::Rel(0)),
                    n: n as i64,
                    unit: u,
                },
            ));
        }
        let (e, n, u) = self.amount(i)?;
        if let Some(found) = self.chain_shift(e, n, u) {
            return Some(found);
        }
        if u.is_clock() || n.fract() != 0.0 {
            return None;
        }
        let n = n as i64;
        if self.is(e, Class::Ago) {
            return Some((
                e + 1,
                Day::Shift {
                    base: Box::new(Day::Rel(0)),
                    n: -n,
                    unit: u,
                },
            ));
        }
        let sign = if self.is(e, Class::After) || matches!(self.word(e), Some("vanaf" | "from")) {
            1
        } else if self.is(e, Class::Before) {
            -1
        } else {
            return None;
        };
        // "two weeks from now"
        let (e2, base) = if sign > 0 && self.is(e + 1, Class::Now) {
            (e + 2, Day::Rel(0))
        } else {
            self.day(e + 1)?
        };
        Some((
            e2,
            Day::Shift {
                base: Box::new(base),
                n: sign * n,
                unit: u,
            },
        ))
    }

    /// An amount of a unit: "drie weken", "een paar dagen", "3,5 jaar", "anderhalf uur".
    fn amount(&self, i: usize) -> Option<(usize, f64, Unit)> {
        let (e, n) = if let Some((e, n)) = self.number(i) {
            // "een paar", "a few", "a couple of"
            if let Some(f) = self.int(e, Class::Fuzzy) {
                let e = if matches!(self.word(e + 1), Some("of")) {
                    e + 2
                } else {
                    e + 1
                };
                (e, f as f64)
            } else {
                (e, n)
            }
        } else if let Some(f) = self.int(i, Class::Fuzzy) {
            (i + 1, f as f64)
        } else if !self.lx.dutch
            && self.is(i, Class::Half)
            && matches!(self.word(i + 1), Some("a" | "an"))
        {
            // "half an hour"
            (i + 2, 0.5)
        } else {
            return self.glued_amount(i);
        };
        let (u, k) = self.unit(e)?;
        // "a second round" is no amount of time
        if u == Unit::Second
            && matches!(self.word(i), Some("a" | "een"))
            && self.word(e + 1).is_some()
            && self.entry(e + 1).is_empty()
        {
            return None;
        }
        Some((e + 1, n * k, u))
    }

    /// A number glued to its unit: "3.5years", "3y", "2w".
    fn glued_amount(&self, i: usize) -> Option<(usize, f64, Unit)> {
        let w = self.w.get(i).filter(|w| w.kind == WKind::Num)?;
        let at = w.text.find(|c: char| c.is_alphabetic())?;
        let (num, suffix) = w.text.split_at(at);
        let sep = if self.lx.dutch { ',' } else { '.' };
        let n: f64 = num.replace(sep, ".").parse().ok()?;
        let code = self
            .lx
            .value(suffix, Class::Unit)
            .or_else(|| self.lx.value(suffix, Class::UnitSuffix))?;
        let (u, k) = Unit::parse(code)?;
        Some((i + 1, n * k, u))
    }

    // ---- durations -------------------------------------------------------------------------

    fn duration_expr(&self, i: usize) -> M<Sem> {
        // "de hele dag", "the whole week"
        let j = self.det(i);
        if self.is(j, Class::Whole) {
            let (u, k) = self.unit(j + 1)?;
            return Some((j + 2, Sem::Duration(k, u)));
        }
        if let Some(found) = self.and_a_half(i) {
            return Some(found);
        }
        // "three weekends"
        if let Some((e, n)) = self.number(i) {
            let plural = |w: &str| w.ends_with('s') || w.ends_with("en");
            if self.set_unit(e) == Some("WE") && self.word(e).is_some_and(plural) {
                return Some((e + 1, Sem::Duration(n, Unit::Weekend)));
            }
        }
        let (e, n, u) = self.amount(i)?;
        if let Some(found) = self.compound_duration(e, n, u) {
            return Some(found);
        }
        // "N uur" after "om" is a clock time, handled elsewhere; "5 minuten later"
        // "30 minutes later this week": "later" goes with the week
        let later = self.is(e, Class::Later) && self.part_period(e).is_none();
        if later && u.is_clock() {
            return Some((e + 1, Sem::Offset(n, u)));
        }
        // "3 weeks later", "a fortnight later": that long after the reference
        if later && n.fract() == 0.0 && !self.lx.dutch {
            return Some((
                e + 1,
                Sem::Date(Day::Shift {
                    base: Box::new(Day::Rel(0)),
                    n: n as i64,
                    unit: u,
                }),
            ));
        }
        if i > 0 && self.is(i - 1, Class::InFuture) && u.is_clock() {
            return None;
        }
        Some((e, Sem::Duration(n, u)))
    }

    /// "one and a half hours", "een en een half jaar", "one and a quarter year".
    fn and_a_half(&self, i: usize) -> M<Sem> {
        let (e, n) = self.number(i)?;
        let (e2, frac) = self.fraction_after(e)?;
        let (u, k) = self.unit(e2)?;
        Some((e2 + 1, Sem::Duration((n + frac) * k, u)))
    }

    /// "en een half", "and a half", "and half", "and a quarter": the fraction and its end.
    fn fraction_after(&self, i: usize) -> Option<(usize, f64)> {
        if !self.is(i, Class::And) {
            return None;
        }
        let j = if matches!(self.word(i + 1), Some("a" | "een")) {
            i + 2
        } else {
            i + 1
        };
        let frac = match self.word(j)? {
            "half" => 0.5,
            "kwart" | "quarter" => 0.25,
            _ => return None,
        };
        Some((j + 1, frac))
    }

    /// "1 uur en 30 minuten", "one hour and a half", "een jaar en een kwart", "twee weken en
    /// drie dagen".
    fn compound_duration(&self, e: usize, n: f64, u: Unit) -> M<Sem> {
        if let Some((e2, frac)) = self.fraction_after(e) {
            // "a quarter" of a year is three months, not a quarter of an hour
            if !(frac == 0.25 && u.is_clock()) {
                return Some((e2, Sem::Duration(n + frac, u)));
            }
        }
        let (e2, parts) = self.amount_chain(e, n, u);
        (parts.len() > 1).then_some((e2, Sem::Durations(parts)))
    }

    /// Whole amounts in ever smaller units after a first one that ends at `e`, joined by
    /// "and", a comma or nothing: "2 weeks and 2 days", "2 years 1 month 21 days".
    fn amount_chain(&self, e: usize, n: f64, u: Unit) -> (usize, Vec<(f64, Unit)>) {
        let mut parts = vec![(n, u)];
        let mut end = e;
        if n.fract() != 0.0 {
            return (end, parts);
        }
        while parts.len() < 6 {
            let j = if self.is(end, Class::And) || self.punct(end, ",") {
                end + 1
            } else {
                end
            };
            let last = parts[parts.len() - 1].1;
            match self.amount(j) {
                Some((e2, n2, u2)) if u2.seconds() < last.seconds() && n2.fract() == 0.0 => {
                    parts.push((n2, u2));
                    end = e2;
                }
                _ => break,
            }
        }
        (end, parts)
    }

    /// A day shifted by several amounts: "2 weeks and 2 days ago", "2 years 1 month 21 days
    /// later" (English; Dutch "later" after an amount is an offset of clock time).
    fn chain_shift(&self, e: usize, n: f64, u: Unit) -> M<Day> {
        let (end, parts) = self.amount_chain(e, n, u);
        if parts.len() < 2 || parts.iter().any(|(_, u)| u.is_clock()) {
            return None;
        }
        let sign = if self.is(end, Class::Ago) {
            -1
        } else if self.is(end, Class::Later) && !self.lx.dutch {
            1
        } else {
            return None;
        };
        let mut day = Day::Rel(0);
        for (n, unit) in parts {
            day = Day::Shift {
                base: Box::new(day),
                n: sign * n as i64,
                unit,
            };
        }
        Some((end + 1, day))
    }

    // ---- periods ---------------------------------------------------------------------------

    fn period(&self, i: usize) -> M<Period> {
        self.periods
            .get(i)?
            .get_or_init(|| self.read_period(i))
            .clone()
    }

    fn read_period(&self, i: usize) -> M<Period> {
        longest([
            self.kind_year(i),
            self.nth_month(i),
            self.edge_window(i),
            self.century(i),
            self.month_word_span(i),
            self.year_slice(i),
            self.within(i),
            self.rel_period(i),
            self.month_period(i),
            self.year_period(i),
            self.week_number(i),
            self.decade(i),
            self.window(i),
            self.part_period(i),
            self.week_of(i),
            self.nth_week(i),
            self.same_period(i),
            self.rest_period(i),
        ])
    }

    /// "the rest of the week", "remaining of the month", "de rest van het jaar".
    fn rest_period(&self, i: usize) -> M<Period> {
        if !self.is(i, Class::Rest) || !matches!(self.word(i + 1), Some("of" | "van")) {
            return None;
        }
        let j = self.det(i + 2);
        let j = if self.is(j, Class::RelThis) { j + 1 } else { j };
        let (u, k) = self.unit(j)?;
        (k == 1.0 && matches!(u, Unit::Week | Unit::Month | Unit::Year))
            .then_some((j + 1, Period::Rest(u)))
    }

    /// "the same week", "that weekend", "dezelfde maand", "hetzelfde jaar": a period named
    /// before (singular units only: "that weeks" is no phrase).
    fn same_period(&self, i: usize) -> M<Period> {
        if !self.is(i, Class::Same) {
            return None;
        }
        if self.is(i + 1, Class::Weekend) {
            return Some((i + 2, Period::Same(Unit::Weekend)));
        }
        let w = self.word(i + 1)?;
        let (u, k) = self.unit(i + 1)?;
        let plural = w.ends_with('s') || (self.lx.dutch && w.ends_with("en"));
        (k == 1.0 && !plural && matches!(u, Unit::Week | Unit::Month | Unit::Year))
            .then_some((i + 2, Period::Same(u)))
    }

    /// "the first 2 weeks of 2021", "the last four months of 2021", "first ten days of last
    /// year", "de laatste 3 weken van dit jaar".
    fn edge_window(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        let last = if self.ordinal(j).is_some_and(|(_, n)| n == 1) {
            false
        } else if self.is(j, Class::RelPrev) || self.is(j, Class::RelPast) {
            true
        } else {
            return None;
        };
        let (e, n, unit) = self.amount(j + 1)?;
        if unit.is_clock() || n.fract() != 0.0 || !matches!(self.word(e), Some("of" | "van")) {
            return None;
        }
        let k = e + 1;
        let (end, inner) = longest([
            self.year(k).map(|(e2, y)| (e2, Period::Year(y))),
            self.rel_period(self.det(k)),
            self.month_period(k),
        ])?;
        Some((
            end,
            Period::Edge {
                inner: Box::new(inner),
                n: n as i64,
                unit,
                last,
            },
        ))
    }

    /// "the third month of 2021", "the 9th month of next year", "de derde maand van 2021".
    fn nth_month(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        let (e, n) = self.ordinal(j)?;
        if !(1..=12).contains(&n)
            || !self
                .unit(e)
                .is_some_and(|(u, k)| u == Unit::Month && k == 1.0)
            || !matches!(self.word(e + 1), Some("of" | "van"))
        {
            return None;
        }
        let k = e + 2;
        if let Some((e2, y)) = self.year(k) {
            return Some((e2, Period::Month { y: Some(y), m: n }));
        }
        match self.rel_period(self.det(k)) {
            Some((e2, Period::RelYear(rel))) => Some((e2, Period::MonthOfRelYear { m: n, rel })),
            _ => None,
        }
    }

    /// A fiscal, school or calendar year: "fiscal year 2008", "last fiscal year", "the sy18",
    /// "cy 2008", "dit schooljaar", "het schooljaar '18". A calendar year is a plain year.
    fn kind_year(&self, i: usize) -> M<Period> {
        let (j, rel) = match self.rel_sign(i) {
            Some(n) => (i + 1, Some(n)),
            None => (i, None),
        };
        let w = self.word(j)?;
        if self.entry(j).is_empty() && !w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let (e, kind, glued) = if let Some(kind) = self.val(j, Class::YearKind) {
            if !self
                .unit(j + 1)
                .is_some_and(|(u, k)| u == Unit::Year && k == 1.0)
            {
                return None;
            }
            (j + 2, kind, None)
        } else if let Some(kind) = self.val(j, Class::YearAbbr) {
            (j + 1, kind, None)
        } else {
            // "sy18", "fy2019"
            let at = w.find(|c: char| c.is_ascii_digit())?;
            let (head, num) = w.split_at(at);
            let kind = self.lx.value(head, Class::YearAbbr)?;
            if !num.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let y: i32 = num.parse().ok()?;
            let y = match num.len() {
                2 => 2000 + y,
                4 => y,
                _ => return None,
            };
            (j + 1, kind, Some(y))
        };
        let (e, y) = match glued {
            Some(y) => (e, Some(y)),
            None if rel.is_some() => (e, None),
            None => match self.year(e) {
                Some((e2, y)) => (e2, Some(y)),
                // "'18"
                None => match self.chunk(e + 1) {
                    Some(Chunk::Int(y, 2)) if matches!(self.text(e), Some("'" | "’")) => {
                        (e + 2, Some(2000 + y as i32))
                    }
                    _ => (e, None),
                },
            },
        };
        if rel.is_some() && glued.is_some() {
            return None;
        }
        let p = match (kind, y, rel) {
            ("CY", Some(y), _) => Period::Year(y),
            ("CY", None, Some(n)) => Period::RelYear(n),
            ("CY", None, None) => return None,
            (kind, y, rel) => Period::KindYear { kind, y, rel },
        };
        Some((e, p))
    }

    /// "de eerste week van 2015", "the last week of july", "3rd week of jan 2015".
    fn nth_week(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        let (e, n) = if self.is(j, Class::RelPast) || self.is(j, Class::RelPrev) {
            (j + 1, -1)
        } else {
            let (e, n) = self.ordinal(j)?;
            (e, i32::try_from(n).ok().filter(|n| (1..=5).contains(n))?)
        };
        if !self
            .unit(e)
            .is_some_and(|(u, k)| u == Unit::Week && k == 1.0)
        {
            return None;
        }
        if !matches!(self.word(e + 1), Some("van" | "of" | "in")) {
            return None;
        }
        let k = e + 2;
        let (end, inner) = longest([
            self.month_at(k, false).map(|(e2, m)| {
                let (e3, y) = self.opt_year(e2);
                (e3, Period::Month { y, m })
            }),
            self.year(k).map(|(e2, y)| (e2, Period::Year(y))),
            self.rel_period(k),
        ])?;
        matches!(
            inner,
            Period::Month { .. } | Period::Year(_) | Period::RelMonth(_) | Period::RelYear(_)
        )
        .then_some((
            end,
            Period::NthWeek {
                inner: Box::new(inner),
                n,
            },
        ))
    }

    /// A quarter or half year: "Q1", "2017-q1", "q1-2019", "2019 H2", "q3 2019", "Q1 of 2017",
    /// "het eerste kwartaal van 2013", "the first quarter of the year".
    fn year_slice(&self, i: usize) -> M<Period> {
        let slice = |y, (index, months)| Period::YearSlice { y, index, months };
        let w = self.w.get(i)?;
        if w.kind != WKind::Punct {
            if let Some((y, code)) = split_year(&w.text) {
                return Some((i + 1, slice(Some(y), code)));
            }
        }
        if let Some((e, y)) = self.year(i) {
            let code = slice_code(self.word(e)?)?;
            return Some((e + 1, slice(Some(y), code)));
        }
        let (e, code) = match self.word(i).and_then(slice_code) {
            Some(code) => (i + 1, code),
            None => {
                let j = self.det(i);
                let (e, n) = self.ordinal(j)?;
                let (u, k) = self.unit(e)?;
                let months = match u {
                    Unit::Quarter if k == 1.0 && (1..=4).contains(&n) => 3,
                    _ => return None,
                };
                (e + 1, (n, months))
            }
        };
        // "of 2017", "van 2013", "- 2018", "2019"
        let k = if matches!(self.word(e), Some("of" | "van")) || self.punct(e, "-") {
            e + 1
        } else {
            e
        };
        if let Some((e2, y)) = self.year(k) {
            return Some((e2, slice(Some(y), code)));
        }
        if k > e {
            let j = self.det(k);
            if self.unit(j).is_some_and(|(u, _)| u == Unit::Year) && j > k {
                return Some((j + 1, slice(None, code)));
            }
            if let Some((e2, Period::RelYear(n))) = self.rel_period(k) {
                return Some((
                    e2,
                    Period::Quarter {
                        y: None,
                        rel: Some(n),
                        q: code.0,
                    },
                ))
                .filter(|_| code.1 == 3);
            }
        }
        Some((e, slice(None, code)))
    }

    /// An ordinal: "eerste", "1e", "first", "3rd".
    fn ordinal(&self, i: usize) -> M<u32> {
        if let Some(Chunk::Ord(n)) = self.chunk(i) {
            return Some((i + 1, n));
        }
        let n = self.number_word(i).filter(|n| n.ordinal)?;
        Some((i + 1, n.value as u32))
    }

    /// "de 15e eeuw", "the 21st century".
    fn century(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        let (e, n) = self.ordinal(j)?;
        let (u, k) = self.unit(e)?;
        (u == Unit::Century && k == 1.0 && (1..=30).contains(&n))
            .then_some((e + 1, Period::Century(n as i32)))
    }

    /// One word of months and years: "dec-2018", "dec/2018", "jan-feb 2017" (the year belongs
    /// to the last month; an earlier first month is in the year before: "nov-feb 2017").
    fn month_word_span(&self, i: usize) -> M<Period> {
        let w = self.word(i).filter(|w| w.contains(['-', '/']))?;
        let month = |s: &str| {
            self.lx
                .int(s, Class::Month)
                .or_else(|| self.lx.int(s, Class::MonthAbbr))
                .map(|m| m as u32)
        };
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        match parts.as_slice() {
            [m, y] if year(y).is_some() => Some((
                i + 1,
                Period::Month {
                    y: Some(year(y)?),
                    m: month(m)?,
                },
            )),
            [m1, y1, m2, y2] => {
                let a = Period::Month {
                    y: Some(year(y1)?),
                    m: month(m1)?,
                };
                let b = Period::Month {
                    y: Some(year(y2)?),
                    m: month(m2)?,
                };
                Some((i + 1, Period::Span(Box::new(a), Box::new(b))))
            }
            // "mid-November", "begin-maart"
            [part, m] if month(m).is_some() && month(part).is_none() => {
                let part = match self.lx.entry(part) {
                    e if e.iter().any(|(c, _)| *c == Class::Mid) => Part::Mid,
                    e if e.iter().any(|(c, _)| *c == Class::Begin) => Part::Begin,
                    e if e.iter().any(|(c, _)| *c == Class::End) => Part::End,
                    _ => return None,
                };
                let (e, y) = self.opt_year(i + 1);
                let inner = Period::Month { y, m: month(m)? };
                Some((
                    e,
                    Period::Part {
                        inner: Box::new(inner),
                        part,
                    },
                ))
            }
            [m1, m2] => {
                let (m1, m2) = (month(m1)?, month(m2)?);
                let (e, y) = self.opt_year(i + 1);
                let y1 = y.map(|y| if m1 > m2 { y - 1 } else { y });
                let a = Period::Month { y: y1, m: m1 };
                let b = Period::Month { y, m: m2 };
                Some((e, Period::Span(Box::new(a), Box::new(b))))
            }
            _ => None,
        }
    }

    /// "binnen 9 maanden", "within the next 10 months": from the reference on.
    fn within(&self, i: usize) -> M<Period> {
        if !self.is(i, Class::Within) {
            return None;
        }
        let mut j = self.det(i + 1);
        if self.is(j, Class::RelNext) || self.is(j, Class::RelComing) {
            j += 1;
        }
        let (e, n, unit) = self.amount(j)?;
        (!unit.is_clock()).then_some((e, Period::Within { n, unit }))
    }

    fn rel_sign(&self, i: usize) -> Option<i64> {
        if self.is(i, Class::RelPrev) || self.is(i, Class::RelPast) {
            Some(-1)
        } else if self.is(i, Class::RelThis) {
            Some(0)
        } else if self.is(i, Class::RelNext) || self.is(i, Class::RelComing) {
            Some(1)
        } else {
            None
        }
    }

    /// "vorige week", "volgend jaar", "deze maand", "dit weekend", "aanstaande september",
    /// "deze zomer", "volgend kwartaal".
    fn rel_period(&self, i: usize) -> M<Period> {
        let n = self.rel_sign(i)?;
        let j = i + 1;
        if let Some((u, k)) = self.unit(j) {
            let p = match u {
                Unit::Week if k == 2.0 => Period::Fortnight(n),
                Unit::Week => Period::RelWeek(n),
                Unit::Month => Period::RelMonth(n),
                Unit::Year => Period::RelYear(n),
                Unit::Quarter => Period::Quarter {
                    y: None,
                    rel: Some(n),
                    q: 0,
                },
                // "the next decade"
                Unit::Decade if n != 0 => Period::Window {
                    n: 1.0,
                    unit: u,
                    future: n > 0,
                },
                _ => return None,
            };
            return Some((j + 1, p));
        }
        if self.is(j, Class::Weekend) {
            return Some((j + 1, Period::Weekend(n)));
        }
        // "next workweek", "this working week"
        if self.is(j, Class::WorkWeek) {
            return Some((j + 1, Period::WorkWeek(n)));
        }
        if self.is(j, Class::Work)
            && self
                .unit(j + 1)
                .is_some_and(|(u, k)| u == Unit::Week && k == 1.0)
        {
            return Some((j + 2, Period::WorkWeek(n)));
        }
        if let Some(m) = self.month_word(j, true) {
            return Some((j + 1, Period::MonthRel { m, rel: n }));
        }
        if let Some(code) = self.val(j, Class::Season) {
            return Some((
                j + 1,
                Period::Season {
                    code,
                    rel: Some(n),
                    y: None,
                },
            ));
        }
        None
    }

    /// "maart", "april 2017", "2017 april", "mei 2018".
    fn month_period(&self, i: usize) -> M<Period> {
        if let Some((e, y)) = self.year(i) {
            let (e2, m) = self.month_at(e, false)?;
            return Some((e2, Period::Month { y: Some(y), m }));
        }
        if let Some(Chunk::YearMonth(y, m)) = self.chunk(i) {
            return Some((i + 1, Period::Month { y: Some(y), m }));
        }
        let strict_m = self.month_word(i, true);
        let (e, m) = self.month_at(i, false)?;
        let (e2, y) = self.opt_year(e);
        if y.is_none() && strict_m.is_none() {
            return None;
        }
        Some((e2, Period::Month { y, m }))
    }

    /// "2019" after a preposition or "jaar"; "het jaar 2008".
    fn year_period(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        // "het jaar 2008" ("jaren 1990" is a decade)
        if self.unit(j).is_some_and(|(u, _)| u == Unit::Year)
            && !matches!(self.word(j), Some("jaren" | "years"))
        {
            let (e, y) = self.year(j + 1)?;
            return Some((e, Period::Year(y)));
        }
        if let Some(code) = self.val(i, Class::Season) {
            let (e, y) = self.opt_year(i + 1);
            return Some((e, Period::Season { code, rel: None, y }));
        }
        let (e, y) = self.year(i)?;
        // "the year of 2008"
        let year_of = i > 1
            && self.word(i - 1) == Some("of")
            && self.unit(i - 2).is_some_and(|(u, _)| u == Unit::Year);
        let ok = year_of
            || i > 0
                && (self.is(i - 1, Class::At)
                || self.is(i - 1, Class::Since)
                || self.is(i - 1, Class::From)
                || self.is(i - 1, Class::Between)
                || self.is(i - 1, Class::To)
                || self.is(i - 1, Class::And)
                || self.is(i - 1, Class::Before)
                || self.is(i - 1, Class::After)
                || self.is(i - 1, Class::Begin)
                || self.is(i - 1, Class::End)
                || self.is(i - 1, Class::Mid)
                // "2014 - 2015", not "32 - 2015"
                || (self.punct(i - 1, "-")
                    && !(i > 1 && self.w[i - 2].kind == WKind::Num && self.year(i - 2).is_none())));
        ok.then_some((e, Period::Year(y)))
    }

    /// "week 31", "week 1".
    fn week_number(&self, i: usize) -> M<Period> {
        if !self.unit(i).is_some_and(|(u, _)| u == Unit::Week) {
            return None;
        }
        match self.chunk(i + 1)? {
            Chunk::Int(n, _) if (1..=53).contains(&n) => {
                // "week 27 of last year", "week 3 van volgend jaar"
                if matches!(self.word(i + 2), Some("of" | "van")) {
                    if let Some((e, Period::RelYear(rel))) = self.rel_period(i + 3) {
                        return Some((e, Period::WeekNumRel { rel, n }));
                    }
                }
                let (e, y) = self.opt_year(i + 2);
                Some((e, Period::WeekNum { y, n }))
            }
            _ => None,
        }
    }

    /// "de week van 10 april", "the week of the 18th".
    fn week_of(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        if !self.unit(j).is_some_and(|(u, _)| u == Unit::Week) {
            return None;
        }
        // "de week van 10 april", "the week beginning February 4", "de week beginnend op 4 feb"
        let starting = matches!(
            self.word(j + 1),
            Some("beginning" | "starting" | "commencing" | "beginnend" | "startend" | "aanvangend")
        );
        if !matches!(self.word(j + 1), Some("van" | "of")) && !starting {
            return None;
        }
        let k = if starting && self.is(j + 2, Class::At) {
            j + 3
        } else {
            j + 2
        };
        let (e, d) = self.day(k)?;
        Some((e, Period::WeekOf(d)))
    }

    /// "jaren '90", "jaren 1990", "the 90s", "the nineties".
    fn decade(&self, i: usize) -> M<Period> {
        let j = self.det(i);
        // "the nineties"
        if let Some(d) = self.int(j, Class::DecadeWord) {
            return Some((
                j + 1,
                Period::Decade {
                    century: None,
                    decade: d as u32,
                },
            ));
        }
        if self.word(j) == Some("jaren") {
            if matches!(self.text(j + 1), Some("'" | "’")) {
                if let Some(Chunk::Int(d, 2)) = self.chunk(j + 2) {
                    return (d % 10 == 0).then_some((
                        j + 3,
                        Period::Decade {
                            century: None,
                            decade: d,
                        },
                    ));
                }
            }
            if let Some(Chunk::Int(y, 4)) = self.chunk(j + 1) {
                if y % 10 == 0 {
                    return Some((
                        j + 2,
                        Period::Decade {
                            century: Some(y as i32 / 100),
                            decade: y % 100,
                        },
                    ));
                }
            }
        }
        // "1990 s", "90 s"
        if self.word(j + 1) == Some("s") {
            if let Some(Chunk::Int(y, len @ (2 | 4))) = self.chunk(j) {
                if y % 10 == 0 {
                    let century = (len == 4).then_some(y as i32 / 100);
                    return Some((
                        j + 2,
                        Period::Decade {
                            century,
                            decade: y % 100,
                        },
                    ));
                }
            }
        }
        let w = self.w.get(j).filter(|w| w.kind == WKind::Num)?;
        let t = w.text.trim_start_matches(['\'', '’']);
        let num = t.strip_suffix("'s").or_else(|| t.strip_suffix('s'))?;
        let y: u32 = num.parse().ok()?;
        match num.len() {
            2 if y.is_multiple_of(10) => Some((
                j + 1,
                Period::Decade {
                    century: None,
                    decade: y,
                },
            )),
            4 if y.is_multiple_of(10) => Some((
                j + 1,
                Period::Decade {
                    century: Some(y as i32 / 100),
                    decade: y % 100,
                },
            )),
            _ => None,
        }
    }

    /// "afgelopen 5 jaren", "de komende drie dagen", "5 aankomende jaren", "afgelopen dagen".
    fn window(&self, i: usize) -> M<Period> {
        let past = self.is(i, Class::RelPast) || self.is(i, Class::RelPrev);
        let future = self.is(i, Class::RelNext) || self.is(i, Class::RelComing);
        if past || future {
            // "next 4 business days"
            if let Some((e, n)) = self.number(i + 1) {
                if self.is(e, Class::Work)
                    && self.unit(e + 1).is_some_and(|(u, _)| u == Unit::Day)
                    && n.fract() == 0.0
                    && (1.0..=1000.0).contains(&n)
                {
                    return Some((
                        e + 2,
                        Period::BusinessDays {
                            n: n as i64,
                            future,
                        },
                    ));
                }
            }
            if let Some((e, n, u)) = self.amount(i + 1) {
                return (!u.is_clock()).then_some((e, Period::Window { n, unit: u, future }));
            }
            // Without a number: "afgelopen dagen" = the 3 days before the reference
            // (a documented choice: "a few" days), "komende weken" = the next 3 weeks.
            let w = self.word(i + 1)?;
            let (u, k) = self.unit(i + 1)?;
            if !u.is_clock()
                && w.ends_with(['n', 's'])
                && k == 1.0
                && !self.lx.is(w, Class::Weekend)
            {
                let singular = self.lx.value(w, Class::Unit).is_some()
                    && matches!(w, "jaar" | "uur" | "kwartaal" | "etmaal");
                if !singular {
                    return Some((
                        i + 2,
                        Period::Window {
                            n: 3.0,
                            unit: u,
                            future,
                        },
                    ));
                }
            }
            return None;
        }
        let (e, n) = self.number(i)?;
        let future = self.is(e, Class::RelComing) || self.is(e, Class::RelNext);
        let past = self.is(e, Class::RelPast) || self.is(e, Class::RelPrev);
        if !(future || past) || !self.counted_unit(e + 1, n) {
            return None;
        }
        let (u, k) = self.unit(e + 1)?;
        (!u.is_clock()).then_some((
            e + 2,
            Period::Window {
                n: n * k,
                unit: u,
                future,
            },
        ))
    }

    /// Whether the unit word at `i` agrees with a count `n` before it: "3 next week" and "13
    /// last minute" count something else ("only 3 next week"), "5 past minutes" counts
    /// minutes. Units written the same in both numbers ("uur", "jaar") always agree.
    fn counted_unit(&self, i: usize, n: f64) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        let plural = w.ends_with('s') || (self.lx.dutch && (w.ends_with("en") || w.ends_with('a')));
        let same =
            self.lx.dutch && matches!(w, "jaar" | "uur" | "kwartier" | "kwartaal" | "etmaal");
        // "min", "hr": abbreviations have no number
        plural || same || w.len() <= 3 || n == 1.0
    }

    /// "begin maart", "eind juli", "half november", "eerder deze week", "later dit jaar",
    /// "eind van de week", "end of month".
    fn part_period(&self, i: usize) -> M<Period> {
        // Dutch "aan het eind van het jaar" keeps "aan het"
        if let Some(k) = self.aan_het(i) {
            return self.part_period(k);
        }
        let part = if self.is(i, Class::Begin) {
            Some(Part::Begin)
        } else if self.is(i, Class::Mid) || (self.lx.dutch && self.is(i, Class::Half)) {
            Some(Part::Mid)
        } else if self.is(i, Class::End) {
            Some(Part::End)
        } else {
            None
        };
        let around = if self.is(i, Class::Earlier) {
            Some(false)
        } else if self.is(i, Class::Later) {
            Some(true)
        } else {
            None
        };
        if part.is_none() && around.is_none() {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.word(j), Some("van" | "of" | "in" | "this")) {
            j += 1;
        }
        let j2 = self.det(j);
        let (e, inner) = if let Some((u, _)) = self
            .unit(j2)
            .filter(|_| j2 > j || !self.is(j2, Class::RelThis))
        {
            // "eind van de week" = this week
            let p = match u {
                Unit::Week => Period::RelWeek(0),
                Unit::Month => Period::RelMonth(0),
                Unit::Year => Period::RelYear(0),
                _ => return None,
            };
            (j2 + 1, p)
        } else {
            // "mid May": after a part word a month abbreviation is a month
            let month = self.month_at(j, false).map(|(e, m)| {
                let (e2, y) = self.opt_year(e);
                (e2, Period::Month { y, m })
            });
            longest([
                self.rel_period(j),
                self.month_period(j),
                self.year_period(j),
                self.year(j).map(|(e, y)| (e, Period::Year(y))),
                month.filter(|_| part.is_some()),
            ])?
        };
        // "the talks start March 5": a day follows, the word is no part of the month
        if self.day(j).is_some_and(|(e2, _)| e2 > e) {
            return None;
        }
        let p = match (part, around) {
            (Some(part), _) => Period::Part {
                inner: Box::new(inner),
                part,
            },
            (None, Some(later)) => Period::Around {
                inner: Box::new(inner),
                later,
            },
            _ => return None,
        };
        Some((e, p))
    }
}

/// "q1" (index 1 of 3-month stretches) or "h2" (index 2 of 6-month stretches).
fn slice_code(w: &str) -> Option<(u32, u32)> {
    let (kind, n) = w.split_at_checked(1)?;
    let n: u32 = n.parse().ok()?;
    match kind {
        "q" if (1..=4).contains(&n) => Some((n, 3)),
        "h" if (1..=2).contains(&n) => Some((n, 6)),
        _ => None,
    }
}

/// "2017-q1" or "q1-2019".
fn split_year(w: &str) -> Option<(i32, (u32, u32))> {
    let (a, b) = w.split_once('-')?;
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    match (year(a), year(b)) {
        (Some(y), None) => Some((y, slice_code(b)?)),
        (None, Some(y)) => Some((y, slice_code(a)?)),
        _ => None,
    }
}

fn as_clock(c: &Chunk) -> Option<Clock> {
    match c {
        Chunk::Clock(c) | Chunk::DotClock(c, _) => Some(*c),
        Chunk::Int(h, len) if *len <= 2 && *h <= 24 => Some(Clock::hour(*h)),
        // military time with a leading zero: "0730"
        Chunk::Int(n, 4) if *n < 1000 && n % 100 < 60 => Some(Clock {
            m: Some(n % 100),
            ..Clock::hour(n / 100)
        }),
        _ => None,
    }
}

/// A part of the day after a range applies to both ends ("5 tot 6 's middags").
fn apply_pod(a: Clock, b: Clock, pod: Option<Pod>) -> (Clock, Clock) {
    let (a, b) = match pod {
        Some(p) => (a.with_pod(p), b.with_pod(p)),
        None => (a, b),
    };
    // "3 tot 5 's middags" already handled; an am/pm on the end alone carries to the start
    if a.pm.is_none() && b.pm.is_some() && a.h <= 12 && a.h >= 1 {
        // "10 tot 12 uur 's middags": an end at noon starts in the morning
        let noon = b.h == 12 && b.pm == Some(true);
        let pm = b.pm == Some(true) && a.h <= b.h.min(12) && a.h != 12 && !noon;
        return (Clock { pm: Some(pm), ..a }, b);
    }
    (a, b)
}

/// The second day of a range lends its year to the first ("12 januari - 22 januari 2016"), or
/// the year before when the first day comes later in the year ("18 nov - 5 feb 2017").
fn share_year(a: Day, b: Day) -> (Day, Day) {
    match (a, b) {
        (
            Day::Ymd {
                y: None,
                m: ma,
                d: da,
            },
            Day::Ymd {
                y: Some(y),
                m: mb,
                d: db,
            },
        ) => (
            Day::Ymd {
                y: Some(if (ma.or(mb), da) > (mb, db) { y - 1 } else { y }),
                m: ma.or(mb),
                d: da,
            },
            Day::Ymd {
                y: Some(y),
                m: mb,
                d: db,
            },
        ),
        (a, b) => (a, b),
    }
}

/// A period as the day it starts on, to range from it to a day ("2014 tot 2 mei 2018").
fn period_start(p: Period) -> Option<Day> {
    match p {
        Period::Year(y) => Some(Day::Ymd {
            y: Some(y),
            m: Some(1),
            d: 1,
        }),
        Period::Month { y, m } => Some(Day::Ymd {
            y,
            m: Some(m),
            d: 1,
        }),
        _ => None,
    }
}
