//! Resolution of a [`Sem`] against a reference date-time into TIMEX strings and ISO values,
//! following the conventions of Microsoft Recognizers-Text (datetimeV2).

use crate::sem::*;
use crate::{Granularity, Modifier, Reading, TimeKind, TimeValue};
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use std::cell::Cell;

/// The reference and whether resolution needed it.
pub(crate) struct Ctx {
    pub r: NaiveDateTime,
    pub used: Cell<bool>,
}

impl Ctx {
    fn today(&self) -> NaiveDate {
        self.used.set(true);
        self.r.date()
    }
    fn now(&self) -> NaiveDateTime {
        self.used.set(true);
        self.r
    }
}

type Days = Vec<(String, NaiveDate)>;
type DayPair<'a> = (&'a (String, NaiveDate), &'a (String, NaiveDate));

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn date_s(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn dt_s(d: NaiveDateTime) -> String {
    d.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(u32::try_from(n).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(-n).ok()?))
    }
}

/// `d` plus `n` calendar units (days and longer).
fn shift(d: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
        _ => Some(d),
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn weekday_in_week(week_monday: NaiveDate, wd: u32) -> NaiveDate {
    week_monday + Duration::days(i64::from(wd.clamp(1, 7)) - 1)
}

/// The readings of a day.
pub(crate) fn day(d: &Day, cx: &Ctx) -> Days {
    match d {
        Day::Ymd {
            y: Some(y),
            m: Some(m),
            d,
        } => ymd(*y, *m, *d)
            .map(|x| vec![(date_s(x), x)])
            .unwrap_or_default(),
        Day::Ymd {
            y: None,
            m: Some(m),
            d,
        } => {
            let today = cx.today();
            let timex = format!("XXXX-{m:02}-{d:02}");
            // the last one up to the reference and the first after it (29 February: the
            // leap years around it)
            let y = today.year();
            let past = (0..9)
                .filter_map(|k| ymd(y - k, *m, *d))
                .find(|x| *x <= today);
            let future = (0..9)
                .filter_map(|k| ymd(y + k, *m, *d))
                .find(|x| *x > today);
            if past.is_none() && future.is_none() {
                return Vec::new();
            }
            [past, future]
                .into_iter()
                .flatten()
                .map(|x| (timex.clone(), x))
                .collect()
        }
        Day::Ymd { m: None, d, .. } => {
            let today = cx.today();
            let timex = format!("XXXX-XX-{d:02}");
            let first = ymd(today.year(), today.month(), 1).unwrap_or(today);
            let this = ymd(today.year(), today.month(), *d);
            let prev = add_months(first, -1).and_then(|f| ymd(f.year(), f.month(), *d));
            let next = add_months(first, 1).and_then(|f| ymd(f.year(), f.month(), *d));
            let (past, future) = match this {
                Some(t) if t >= today => (prev, Some(t)),
                Some(t) => (Some(t), next),
                None => (prev, next),
            };
            [past, future]
                .into_iter()
                .flatten()
                .map(|x| (timex.clone(), x))
                .collect()
        }
        Day::Rel(n) => {
            let x = cx.today() + Duration::days(*n);
            vec![(date_s(x), x)]
        }
        Day::Present => vec![("PRESENT_REF".to_string(), cx.today())],
        Day::Weekday { wd, rel } => weekday(*wd, *rel, cx),
        Day::WeekdayDom { wd, d, next } => weekday_dom(*wd, *d, *next, cx),
        Day::OfRelMonth { d, rel } => {
            let t = cx.today();
            ymd(t.year(), t.month(), 1)
                .and_then(|f| add_months(f, *rel))
                .and_then(|f| ymd(f.year(), f.month(), *d))
                .map(|x| vec![(date_s(x), x)])
                .unwrap_or_default()
        }
        Day::YmdRel { m, d, rel } => ymd(cx.today().year() + *rel as i32, *m, *d)
            .map(|x| vec![(format!("XXXX-{m:02}-{d:02}"), x)])
            .unwrap_or_default(),
        Day::Holiday {
            rule,
            y,
            year_rel,
            rel,
        } => holiday(*rule, *y, *year_rel, *rel, cx),
        Day::TwoCenturies { yy, m, d } => [1900, 2000]
            .into_iter()
            .filter_map(|c| ymd(c + *yy as i32, *m, *d))
            .map(|x| (format!("XX{yy:02}-{m:02}-{d:02}"), x))
            .collect(),
        Day::WeekdayIn { wd, base } => day(base, cx)
            .into_iter()
            .map(|(_, x)| {
                let y = weekday_in_week(monday(x), *wd);
                (date_s(y), y)
            })
            .collect(),
        // a base with two readings ("2 weeks before christmas") counts from the coming one
        Day::Shift { base, n, unit } => day(base, cx)
            .into_iter()
            .next_back()
            .and_then(|(_, b)| shift(b, *n, *unit))
            .map(|x| vec![(date_s(x), x)])
            .unwrap_or_default(),
    }
}

/// The days numbered `d` that fall on weekday `wd`: the last before and the first from the
/// reference on (TIMEX "XXXX-WXX-1"), or with `next` only the latter (its date as TIMEX).
fn weekday_dom(wd: u32, d: u32, next: bool, cx: &Ctx) -> Days {
    let today = cx.today();
    let Some(first) = ymd(today.year(), today.month(), 1) else {
        return Vec::new();
    };
    let fits = |k: i64| -> Option<NaiveDate> {
        let month = add_months(first, k)?;
        let x = ymd(month.year(), month.month(), d)?;
        (x.weekday().number_from_monday() == wd).then_some(x)
    };
    let future = (0..=60).filter_map(fits).find(|x| *x >= today);
    if next {
        return future.map(|x| vec![(date_s(x), x)]).unwrap_or_default();
    }
    let past = (0..=60).filter_map(|k| fits(-k)).find(|x| *x < today);
    let timex = format!("XXXX-WXX-{wd}");
    [past, future]
        .into_iter()
        .flatten()
        .map(|x| (timex.clone(), x))
        .collect()
}

/// Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The day a holiday falls on in year `y`.
fn holiday_date(rule: HolidayRule, y: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed { m, d } => ymd(y, m, d),
        HolidayRule::Easter(n) => easter(y)?.checked_add_signed(Duration::try_days(n)?),
        HolidayRule::Nth { m, wd, n, offset } => {
            let wd = i64::from(wd.clamp(1, 7)) - 1;
            let day = if n > 0 {
                let first = ymd(y, m, 1)?;
                let lead = (wd - i64::from(first.weekday().num_days_from_monday())).rem_euclid(7);
                first + Duration::days(lead + 7 * (i64::from(n) - 1))
            } else {
                let last = add_months(ymd(y, m, 1)?, 1)? - Duration::days(1);
                let back = (i64::from(last.weekday().num_days_from_monday()) - wd).rem_euclid(7);
                last - Duration::days(back)
            };
            (day.month() == m).then_some(day + Duration::days(offset))
        }
    }
}

/// The TIMEX of a holiday in a year (`None`: any year), dated `x` in the reference year.
fn holiday_timex(rule: HolidayRule, y: Option<i32>, x: NaiveDate) -> String {
    let year = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    match rule {
        HolidayRule::Nth {
            m,
            wd,
            n,
            offset: 0,
        } if n > 0 => format!("{year}-{m:02}-WXX-{wd}-{n}"),
        _ => format!("{year}-{:02}-{:02}", x.month(), x.day()),
    }
}

fn holiday(
    rule: HolidayRule,
    y: Option<i32>,
    year_rel: Option<i64>,
    rel: Option<i64>,
    cx: &Ctx,
) -> Days {
    let on = |y: i32| holiday_date(rule, y);
    if let Some(y) = y {
        return on(y)
            .map(|x| vec![(holiday_timex(rule, Some(y), x), x)])
            .unwrap_or_default();
    }
    let today = cx.today();
    let year = today.year();
    if let Some(r) = year_rel {
        return on(year + r as i32)
            .map(|x| vec![(date_s(x), x)])
            .unwrap_or_default();
    }
    let Some(this) = on(year) else {
        return Vec::new();
    };
    match rel {
        Some(r) if r < 0 => [on(year), on(year - 1)]
            .into_iter()
            .flatten()
            .find(|x| *x < today)
            .map(|x| vec![(date_s(x), x)])
            .unwrap_or_default(),
        Some(_) => [on(year), on(year + 1)]
            .into_iter()
            .flatten()
            .find(|x| *x > today)
            .map(|x| vec![(date_s(x), x)])
            .unwrap_or_default(),
        None => {
            let timex = holiday_timex(rule, None, this);
            let (past, future) = if this > today {
                (on(year - 1), Some(this))
            } else {
                (Some(this), on(year + 1))
            };
            [past, future]
                .into_iter()
                .flatten()
                .map(|x| (timex.clone(), x))
                .collect()
        }
    }
}

fn weekday(wd: u32, rel: WdRel, cx: &Ctx) -> Days {
    let today = cx.today();
    let this_week = weekday_in_week(monday(today), wd);
    let one = |x: NaiveDate| vec![(date_s(x), x)];
    match rel {
        WdRel::Bare => {
            let future = if this_week >= today {
                this_week
            } else {
                this_week + Duration::days(7)
            };
            let timex = format!("XXXX-WXX-{wd}");
            vec![(timex.clone(), future - Duration::days(7)), (timex, future)]
        }
        WdRel::Week(k) => one(this_week + Duration::days(7 * k)),
        WdRel::Coming => one(if this_week > today {
            this_week
        } else {
            this_week + Duration::days(7)
        }),
        WdRel::Past => one(if this_week < today {
            this_week
        } else {
            this_week - Duration::days(7)
        }),
    }
}

/// One reading of a period: timex, start, end (exclusive), granularity.
type Span3 = (String, NaiveDate, NaiveDate, Granularity);

fn month_span(y: i32, m: u32, timex: String) -> Option<Span3> {
    let start = ymd(y, m, 1)?;
    Some((timex, start, add_months(start, 1)?, Granularity::Month))
}

fn year_span(y: i32) -> Option<Span3> {
    Some((
        format!("{y:04}"),
        ymd(y, 1, 1)?,
        ymd(y + 1, 1, 1)?,
        Granularity::Year,
    ))
}

fn week_span(start: NaiveDate, timex: Option<String>) -> Span3 {
    let iso = start.iso_week();
    let timex = timex.unwrap_or_else(|| format!("{:04}-W{:02}", iso.year(), iso.week()));
    (timex, start, start + Duration::days(7), Granularity::Week)
}

fn custom(start: NaiveDate, end: NaiveDate, dur: String, g: Granularity) -> Span3 {
    (
        format!("({},{},{dur})", date_s(start), date_s(end)),
        start,
        end,
        g,
    )
}

/// The readings of a period.
pub(crate) fn period(p: &Period, cx: &Ctx) -> Vec<Span3> {
    let today = || cx.today();
    match p {
        Period::Year(y) => year_span(*y).into_iter().collect(),
        Period::RelYear(n) => year_span(today().year() + *n as i32).into_iter().collect(),
        Period::Month { y: Some(y), m } => month_span(*y, *m, format!("{y:04}-{m:02}"))
            .into_iter()
            .collect(),
        Period::Month { y: None, m } => {
            let t = today();
            let future = if *m >= t.month() {
                t.year()
            } else {
                t.year() + 1
            };
            [future - 1, future]
                .into_iter()
                .filter_map(|y| month_span(y, *m, format!("XXXX-{m:02}")))
                .collect()
        }
        Period::MonthOfRelYear { m, rel } => {
            let y = today().year() + *rel as i32;
            month_span(y, *m, format!("{y:04}-{m:02}"))
                .into_iter()
                .collect()
        }
        Period::MonthRel { m, rel } => {
            let t = today();
            let y = match rel.signum() {
                0 => t.year(),
                1 if *m > t.month() => t.year(),
                1 => t.year() + 1,
                _ if *m < t.month() => t.year(),
                _ => t.year() - 1,
            };
            month_span(y, *m, format!("{y:04}-{m:02}"))
                .into_iter()
                .collect()
        }
        Period::RelMonth(n) => {
            let t = today();
            let Some(first) = ymd(t.year(), t.month(), 1).and_then(|f| add_months(f, *n)) else {
                return Vec::new();
            };
            month_span(
                first.year(),
                first.month(),
                format!("{:04}-{:02}", first.year(), first.month()),
            )
            .into_iter()
            .collect()
        }
        Period::RelWeek(n) => vec![week_span(monday(today()) + Duration::days(7 * n), None)],
        Period::WeekNum { y, n } => {
            let y = y.unwrap_or_else(|| today().year());
            NaiveDate::from_isoywd_opt(y, *n, Weekday::Mon)
                .map(|start| vec![week_span(start, None)])
                .unwrap_or_default()
        }
        Period::WeekNumRel { rel, n } => {
            let y = today().year() + *rel as i32;
            NaiveDate::from_isoywd_opt(y, *n, Weekday::Mon)
                .map(|start| vec![week_span(start, None)])
                .unwrap_or_default()
        }
        Period::WeekOf(d) => day(d, cx)
            .into_iter()
            .map(|(timex, x)| week_span(monday(x), Some(timex)))
            .collect(),
        Period::NthWeek { inner, n } => period(inner, cx)
            .into_iter()
            .filter_map(|(timex, start, end, g)| nth_week(&timex, start, end, g, *n))
            .collect(),
        Period::Weekend(n) => {
            let sat = monday(today()) + Duration::days(5 + 7 * n);
            let iso = sat.iso_week();
            vec![(
                format!("{:04}-W{:02}-WE", iso.year(), iso.week()),
                sat,
                sat + Duration::days(2),
                Granularity::Weekend,
            )]
        }
        Period::Season { .. } | Period::KindYear { .. } => Vec::new(),
        Period::Same(unit) => {
            let (base, timex) = match unit {
                Unit::Week => (Period::RelWeek(0), "XXXX-WXX"),
                Unit::Month => (Period::RelMonth(0), "XXXX-XX"),
                Unit::Year => (Period::RelYear(0), "XXXX"),
                Unit::Weekend => (Period::Weekend(0), "XXXX-WXX-WE"),
                _ => return Vec::new(),
            };
            period(&base, cx)
                .into_iter()
                .map(|(_, s, e, g)| (timex.to_string(), s, e, g))
                .collect()
        }
        Period::Rest(unit) => {
            let base = match unit {
                Unit::Week => Period::RelWeek(0),
                Unit::Month => Period::RelMonth(0),
                Unit::Year => Period::RelYear(0),
                _ => return Vec::new(),
            };
            let t = today();
            period(&base, cx)
                .into_iter()
                .filter_map(|(_, _, e, _)| {
                    let last = e - Duration::days(1);
                    let n = (last - t).num_days();
                    (n >= 0).then(|| custom(t, last, format!("P{n}D"), Granularity::Custom))
                })
                .collect()
        }
        Period::YearToDate => {
            let t = today();
            ymd(t.year(), 1, 1)
                .map(|s| vec![(format!("{:04}", t.year()), s, t, Granularity::Custom)])
                .unwrap_or_default()
        }
        Period::Decade { century, decade } => {
            let centuries: Vec<i32> = match century {
                Some(c) => vec![*c],
                None => vec![19, 20],
            };
            centuries
                .into_iter()
                .filter_map(|c| {
                    let start = ymd(c * 100 + *decade as i32, 1, 1)?;
                    let end = add_months(start, 120)?;
                    let timex = match century {
                        Some(_) => format!("({},{},P10Y)", date_s(start), date_s(end)),
                        None => format!(
                            "(XX{:02}-01-01,XX{:02}-01-01,P10Y)",
                            decade,
                            (decade + 10) % 100
                        ),
                    };
                    Some((timex, start, end, Granularity::Decade))
                })
                .collect()
        }
        Period::YearSlice { y, index, months } => year_slice(*y, *index, *months, cx),
        Period::Century(n) => {
            let Some(start) = ymd((n - 1) * 100, 1, 1) else {
                return Vec::new();
            };
            add_months(start, 1200)
                .map(|end| vec![custom(start, end, "P100Y".into(), Granularity::Custom)])
                .unwrap_or_default()
        }
        Period::Span(a, b) => period_range(a, b, cx)
            .into_iter()
            .filter_map(|r| match r.value {
                TimeValue::Period {
                    start: Some(s),
                    end: Some(e),
                    granularity,
                } => Some((
                    r.timex,
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()?,
                    NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok()?,
                    granularity,
                )),
                _ => None,
            })
            .collect(),
        Period::Quarter { y, rel, q } => {
            let t = today();
            let start = match (y, rel, q) {
                // "vorig kwartaal": the reference's quarter, shifted
                (None, Some(r), 0) => ymd(t.year(), (t.month() - 1) / 3 * 3 + 1, 1)
                    .and_then(|s| add_months(s, r.saturating_mul(3))),
                (Some(y), _, q) => ymd(*y, (q.clamp(&1, &4) - 1) * 3 + 1, 1),
                (None, r, q) => ymd(
                    t.year() + r.unwrap_or(0) as i32,
                    (q.clamp(&1, &4) - 1) * 3 + 1,
                    1,
                ),
            };
            let Some(start) = start else {
                return Vec::new();
            };
            let Some(end) = add_months(start, 3) else {
                return Vec::new();
            };
            vec![custom(start, end, "P3M".into(), Granularity::Quarter)]
        }
        Period::Window { n, unit, future } => window(*n, *unit, *future, cx),
        Period::Part { inner, part } => period(inner, cx)
            .into_iter()
            .filter_map(|s| match **inner {
                Period::Year(_) => year_third(s, *part),
                _ => part_of(s, *part),
            })
            .collect(),
        Period::Around { inner, later } => {
            // the half still to come or already past, cut at the reference when it lies
            // inside that half ("later this month" on the 28th starts on the 28th)
            let part = if *later { Part::End } else { Part::Begin };
            let t = today();
            period(inner, cx)
                .into_iter()
                .filter_map(|s| part_of(s, part))
                .map(|(timex, a, b, g)| {
                    if *later && t > a && t < b {
                        (timex, t, b, g)
                    } else if !*later && t > a && t < b {
                        (timex, a, t, g)
                    } else {
                        (timex, a, b, g)
                    }
                })
                .collect()
        }
        Period::Edge {
            inner,
            n,
            unit,
            last,
        } => period(inner, cx)
            .into_iter()
            .filter_map(|(_, s, e, _)| {
                // whole ISO weeks: a week belongs to the period holding its Thursday
                let iso_start = |d: NaiveDate| {
                    let m = monday(d);
                    if d.weekday().num_days_from_monday() <= 3 {
                        m
                    } else {
                        m + Duration::days(7)
                    }
                };
                let (a, b) = if *last {
                    let b = if *unit == Unit::Week { iso_start(e) } else { e };
                    (shift(b, -n, *unit)?, b)
                } else {
                    let a = if *unit == Unit::Week { iso_start(s) } else { s };
                    (a, shift(a, *n, *unit)?)
                };
                Some(custom(a, b, unit.iso(*n as f64), Granularity::Custom))
            })
            .collect(),
        Period::BusinessDays { n, future } => {
            let t = today();
            let working = |d: NaiveDate| d.weekday().num_days_from_monday() < 5;
            let step = if *future { 1 } else { -1 };
            let mut d = t;
            let mut left = *n;
            while left > 0 {
                d += Duration::days(step);
                if working(d) {
                    left -= 1;
                }
            }
            let (a, b) = if *future {
                (t + Duration::days(1), d + Duration::days(1))
            } else {
                (d, t)
            };
            vec![custom(a, b, format!("P{n}BD"), Granularity::Custom)]
        }
        Period::WorkWeek(n) => {
            let start = monday(today()) + Duration::days(7 * n);
            let (timex, ..) = week_span(start, None);
            vec![(timex, start, start + Duration::days(5), Granularity::Week)]
        }
        Period::Fortnight(n) => {
            let start = monday(today()) + Duration::days(14 * n);
            vec![custom(
                start,
                start + Duration::days(14),
                "P2W".to_string(),
                Granularity::Custom,
            )]
        }
        Period::Within { n, unit } => {
            let t = today();
            shift(t, n.round() as i64, *unit)
                .map(|end| vec![custom(t, end, unit.iso(*n), Granularity::Custom)])
                .unwrap_or_default()
        }
    }
}

/// The readings of a quarter or half year; without a year, the last one that has started
/// and the next one to start.
fn year_slice(y: Option<i32>, index: u32, months: u32, cx: &Ctx) -> Vec<Span3> {
    let first_month = index.saturating_sub(1) * months + 1;
    let span = |y: i32, bare: bool| -> Option<Span3> {
        let start = ymd(y, first_month, 1)?;
        let end = add_months(start, i64::from(months))?;
        let mut s = custom(start, end, format!("P{months}M"), Granularity::Quarter);
        if bare {
            s.0 = format!(
                "(XXXX-{:02}-01,XXXX-{:02}-01,P{months}M)",
                start.month(),
                end.month()
            );
        }
        Some(s)
    };
    match y {
        Some(y) => span(y, false).into_iter().collect(),
        None => {
            let t = cx.today();
            let future = if first_month > t.month() {
                t.year()
            } else {
                t.year() + 1
            };
            [future - 1, future]
                .into_iter()
                .filter_map(|y| span(y, true))
                .collect()
        }
    }
}

/// The `n`-th week (-1: the last) of a month or year reading: weeks belong to the stretch that
/// holds their Thursday. TIMEX: "2015-W01" in a year, "2015-01-W01" / "XXXX-07-W05" (the
/// last) in a month.
fn nth_week(
    timex: &str,
    start: NaiveDate,
    end: NaiveDate,
    g: Granularity,
    n: i32,
) -> Option<Span3> {
    let thursday = Duration::days(3);
    let first = monday(start + thursday);
    let first = if first + thursday < start {
        first + Duration::days(7)
    } else {
        first
    };
    let week = if n > 0 {
        first + Duration::days(7 * (i64::from(n) - 1))
    } else {
        let last = monday(end - Duration::days(1));
        if last + thursday >= end {
            last - Duration::days(7)
        } else {
            last
        }
    };
    if week + thursday >= end || week + thursday < start {
        return None;
    }
    let timex = match g {
        Granularity::Year => {
            let iso = week.iso_week();
            format!("{:04}-W{:02}", iso.year(), iso.week())
        }
        _ => format!("{timex}-W{:02}", if n > 0 { n } else { 5 }),
    };
    Some((timex, week, week + Duration::days(7), Granularity::Week))
}

fn window(n: f64, unit: Unit, future: bool, cx: &Ctx) -> Vec<Span3> {
    let t = cx.today();
    let whole = n.round() as i64;
    if let Some(found) = aligned_window(whole, unit, future, t) {
        return vec![found];
    }
    let (start, end) = if future {
        let start = t + Duration::days(1);
        match shift(start, whole, unit) {
            Some(end) => (start, end),
            None => return Vec::new(),
        }
    } else {
        match shift(t, -whole, unit) {
            Some(start) => (start, t),
            None => return Vec::new(),
        }
    };
    vec![custom(start, end, unit.iso(n), Granularity::Custom)]
}

/// Quarters and decades count whole calendar units: "the last 2 quarters" ends where the
/// current quarter starts, "the next decade" starts with the next one (Recognizers-Text).
fn aligned_window(n: i64, unit: Unit, future: bool, t: NaiveDate) -> Option<Span3> {
    let current = match unit {
        Unit::Quarter => ymd(t.year(), (t.month() - 1) / 3 * 3 + 1, 1)?,
        Unit::Decade => ymd(t.year() - t.year().rem_euclid(10), 1, 1)?,
        _ => return None,
    };
    let (start, end) = if future {
        let start = shift(current, 1, unit)?;
        (start, shift(start, n, unit)?)
    } else {
        (shift(current, -n, unit)?, current)
    };
    let dur = match unit {
        Unit::Quarter => format!("P{}M", n * 3),
        _ => format!("P{}Y", n * 10),
    };
    Some(custom(start, end, dur, Granularity::Custom))
}

/// The first, middle or last third of a written year ("begin 2000" = January to April): the
/// Recognizers-Text convention; relative years ("eind dit jaar") are cut in halves.
fn year_third((timex, start, end, g): Span3, part: Part) -> Option<Span3> {
    let y = start.year();
    let (a, b) = match part {
        Part::Begin => (start, ymd(y, 5, 1)?),
        Part::Mid => (ymd(y, 5, 1)?, ymd(y, 9, 1)?),
        Part::End => (ymd(y, 9, 1)?, end),
    };
    Some((timex, a, b, g))
}

/// The first half, middle or second half of a period.
fn part_of((timex, start, end, g): Span3, part: Part) -> Option<Span3> {
    let (a, b) = match g {
        Granularity::Week => (start + Duration::days(3), start + Duration::days(3)),
        Granularity::Month => (
            ymd(start.year(), start.month(), 16)?,
            ymd(start.year(), start.month(), 16)?,
        ),
        Granularity::Year => (ymd(start.year(), 7, 1)?, ymd(start.year(), 7, 1)?),
        _ => {
            let half = (end - start).num_days() / 2;
            (start + Duration::days(half), start + Duration::days(half))
        }
    };
    Some(match part {
        Part::Begin => (timex, start, a, g),
        Part::End => (timex, b, end, g),
        Part::Mid => match g {
            Granularity::Month => (
                timex,
                ymd(start.year(), start.month(), 10)?,
                ymd(start.year(), start.month(), 21)?,
                g,
            ),
            Granularity::Year => (
                timex,
                ymd(start.year(), 4, 1)?,
                ymd(start.year(), 10, 1)?,
                g,
            ),
            _ => {
                let q = (end - start).num_days() / 4;
                (timex, start + Duration::days(q), end - Duration::days(q), g)
            }
        },
    })
}

fn time_s(c: &Clock) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        c.h % 24,
        c.m.unwrap_or(0),
        c.s.unwrap_or(0)
    )
}

fn at(d: NaiveDate, c: &Clock) -> NaiveDateTime {
    let t = NaiveTime::from_num_seconds_from_midnight_opt(c.seconds() % 86400, 0)
        .unwrap_or(NaiveTime::MIN);
    let dt = d.and_time(t);
    if c.h >= 24 {
        dt + Duration::days(1)
    } else {
        dt
    }
}

fn clock_dur(a: &Clock, b: &Clock) -> String {
    let (sa, sb) = (a.seconds() as i64, b.seconds() as i64);
    let mut diff = sb - sa;
    if diff < 0 {
        diff += 86400;
    }
    let (h, m, s) = (diff / 3600, diff % 3600 / 60, diff % 60);
    let mut out = "PT".to_string();
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || out == "PT" {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// The am/pm readings of a clock range: the end follows the start.
fn clock_pairs(a: &Clock, b: &Clock) -> Vec<(Clock, Clock)> {
    let (ra, rb) = (a.readings(), b.readings());
    match (ra.len(), rb.len()) {
        // each start with the end reading that follows it soonest ("11-4": 11-16 and 23-04)
        (2, 2) => ra
            .iter()
            .filter_map(|a| {
                let after = |b: &Clock| (b.seconds() + 86400 - a.seconds()) % 86400;
                let b = rb
                    .iter()
                    .filter(|b| after(b) > 0)
                    .min_by_key(|b| after(b))?;
                Some((*a, *b))
            })
            .collect(),
        (1, _) => {
            let b = rb
                .iter()
                .find(|b| b.seconds() > ra[0].seconds())
                .unwrap_or(&rb[0]);
            vec![(ra[0], *b)]
        }
        _ => {
            let a = ra
                .iter()
                .rev()
                .find(|a| a.seconds() < rb[0].seconds())
                .unwrap_or(&ra[0]);
            vec![(*a, rb[0])]
        }
    }
}

fn point(timex: String, value: String) -> Reading {
    Reading {
        timex,
        value: TimeValue::Point { value },
    }
}

fn span_reading(timex: String, start: String, end: String, g: Granularity) -> Reading {
    Reading {
        timex,
        value: TimeValue::Period {
            start: Some(start),
            end: Some(end),
            granularity: g,
        },
    }
}

/// Resolves a meaning into its kind and readings (empty when it cannot be resolved).
pub(crate) fn resolve(sem: &Sem, cx: &Ctx) -> (TimeKind, Vec<Reading>, Option<Modifier>) {
    match sem {
        Sem::Modified(inner, m) => {
            // "before the end of December" ends with December, "after the beginning of March"
            // starts with March
            let whole = match (&**inner, m) {
                (
                    Sem::Period(Period::Part {
                        inner: p,
                        part: Part::End,
                    }),
                    Mod::Before | Mod::Until,
                ) => Some((Sem::Period((**p).clone()), Mod::Until)),
                (
                    Sem::Period(Period::Part {
                        inner: p,
                        part: Part::Begin,
                    }),
                    Mod::After | Mod::Since,
                ) => Some((Sem::Period((**p).clone()), Mod::Since)),
                _ => None,
            };
            if let Some((sem, m2)) = whole {
                let (_, readings, _) = resolve(&sem, cx);
                let readings = readings.into_iter().map(|r| modify(r, m2)).collect();
                return (TimeKind::DatePeriod, readings, Some(modifier(*m)));
            }
            let (kind, readings, _) = resolve(inner, cx);
            let kind = match kind {
                TimeKind::Date | TimeKind::DatePeriod => TimeKind::DatePeriod,
                TimeKind::Time | TimeKind::TimePeriod => TimeKind::TimePeriod,
                other => {
                    if other == TimeKind::Duration || other == TimeKind::Set {
                        return (other, readings, None);
                    }
                    TimeKind::DateTimePeriod
                }
            };
            let readings = readings.into_iter().map(|r| modify(r, *m)).collect();
            (kind, readings, Some(modifier(*m)))
        }
        _ => (kind_of(sem), readings(sem, cx), None),
    }
}

fn modifier(m: Mod) -> Modifier {
    match m {
        Mod::Before => Modifier::Before,
        Mod::After => Modifier::After,
        Mod::Since => Modifier::Since,
        Mod::Until => Modifier::Until,
    }
}

fn modify(r: Reading, m: Mod) -> Reading {
    let (start, end, g) = match r.value {
        TimeValue::Point { value } => (value.clone(), value, Granularity::Day),
        TimeValue::Period {
            start: Some(s),
            end: Some(e),
            granularity,
        } => (s, e, granularity),
        other => {
            return Reading {
                timex: r.timex,
                value: other,
            }
        }
    };
    let (start, end) = match m {
        Mod::Before => (None, Some(start)),
        Mod::Until => (None, Some(end)),
        Mod::After => (Some(end), None),
        Mod::Since => (Some(start), None),
    };
    Reading {
        timex: r.timex,
        value: TimeValue::Period {
            start,
            end,
            granularity: g,
        },
    }
}

fn kind_of(sem: &Sem) -> TimeKind {
    match sem {
        Sem::Date(_) => TimeKind::Date,
        Sem::Time(_) => TimeKind::Time,
        Sem::TimePod(_) | Sem::TimePodPart(..) | Sem::TimeRange(..) => TimeKind::TimePeriod,
        Sem::ClockFor(None, ..) => TimeKind::TimePeriod,
        Sem::ClockFor(Some(_), ..) => TimeKind::DateTimePeriod,
        Sem::DatePodPart(..) | Sem::DayPart(..) => TimeKind::DateTimePeriod,
        Sem::DateTime(..) | Sem::Offset(..) | Sem::Now => TimeKind::DateTime,
        Sem::NowClock(..) => TimeKind::DateTimePeriod,
        Sem::DatePod(..) | Sem::DateTimeRange(..) | Sem::ClockWindow(..) => {
            TimeKind::DateTimePeriod
        }
        Sem::Period(_)
        | Sem::DateRange(..)
        | Sem::PeriodRange(..)
        | Sem::DayFor(..)
        | Sem::WeekendOf(_) => TimeKind::DatePeriod,
        Sem::Duration(..) | Sem::Durations(_) => TimeKind::Duration,
        Sem::Set(_) => TimeKind::Set,
        Sem::Modified(inner, _) => kind_of(inner),
    }
}

fn readings(sem: &Sem, cx: &Ctx) -> Vec<Reading> {
    match sem {
        Sem::Date(d) => {
            let out: Vec<Reading> = day(d, cx)
                .into_iter()
                .map(|(t, x)| point(t, date_s(x)))
                .collect();
            if out.is_empty() {
                impossible(d).into_iter().collect()
            } else {
                out
            }
        }
        Sem::Time(c) => c
            .readings()
            .into_iter()
            .map(|c| point(c.timex(), time_s(&c)))
            .collect(),
        Sem::TimePodPart(p, late) => {
            let (a, b) = p.half_bounds(*late);
            vec![span_reading(
                format!("T{}", p.code()),
                time_s(&secs(a)),
                time_s(&secs(b)),
                Granularity::PartOfDay,
            )]
        }
        Sem::DatePodPart(d, p, late) => {
            let (a, b) = p.half_bounds(*late);
            day(d, cx)
                .into_iter()
                .map(|(t, x)| {
                    span_reading(
                        format!("{t}T{}", p.code()),
                        dt_s(at(x, &secs(a))),
                        dt_s(at(x, &secs(b))),
                        Granularity::PartOfDay,
                    )
                })
                .collect()
        }
        Sem::TimePod(p) => {
            let (a, b) = p.bounds();
            vec![span_reading(
                format!("T{}", p.code()),
                time_s(&secs(a)),
                time_s(&secs(b)),
                Granularity::PartOfDay,
            )]
        }
        Sem::DateTime(d, c) => {
            let days = day(d, cx);
            c.readings()
                .into_iter()
                .flat_map(|c| {
                    days.iter()
                        .map(move |(t, x)| point(format!("{t}{}", c.timex()), dt_s(at(*x, &c))))
                })
                .collect()
        }
        Sem::DayPart(d, part) => {
            let (a, b) = match part {
                Part::Begin => (0, 12),
                Part::Mid => (10, 14),
                Part::End => (12, 24),
            };
            day(d, cx)
                .into_iter()
                .map(|(t, x)| {
                    let midnight = x.and_time(NaiveTime::MIN);
                    span_reading(
                        t,
                        dt_s(midnight + Duration::hours(a)),
                        dt_s(midnight + Duration::hours(b)),
                        Granularity::PartOfDay,
                    )
                })
                .collect()
        }
        Sem::DatePod(d, p) => {
            let (a, b) = p.bounds();
            day(d, cx)
                .into_iter()
                .map(|(t, x)| {
                    span_reading(
                        format!("{t}T{}", p.code()),
                        dt_s(at(x, &secs(a))),
                        dt_s(at(x, &secs(b))),
                        Granularity::PartOfDay,
                    )
                })
                .collect()
        }
        Sem::Period(p) => match p {
            Period::KindYear { kind, y, rel } => {
                let year = y.or_else(|| rel.map(|r| cx.today().year() + r as i32));
                let timex = match year {
                    Some(y) => format!("{kind}{y:04}"),
                    None => format!("{kind}XXXX"),
                };
                vec![Reading {
                    timex: timex.clone(),
                    value: TimeValue::Unresolved { timex },
                }]
            }
            Period::Season { code, rel, y } => {
                let year = y.or_else(|| rel.map(|r| cx.today().year() + r as i32));
                let timex = match year {
                    Some(y) => format!("{y:04}-{code}"),
                    None => code.to_string(),
                };
                vec![Reading {
                    timex: timex.clone(),
                    value: TimeValue::Unresolved { timex },
                }]
            }
            _ => period(p, cx)
                .into_iter()
                .map(|(t, s, e, g)| span_reading(t, date_s(s), date_s(e), g))
                .collect(),
        },
        Sem::TimeRange(a, b) => clock_pairs(a, b)
            .into_iter()
            .map(|(a, b)| {
                span_reading(
                    format!("({},{},{})", a.timex(), b.timex(), clock_dur(&a, &b)),
                    time_s(&a),
                    time_s(&b),
                    Granularity::Custom,
                )
            })
            .collect(),
        Sem::ClockFor(d, c, secs) => clock_for(d.as_ref(), c, *secs, cx),
        Sem::DateTimeRange(d, a, b) => {
            let days = day(d, cx);
            clock_pairs(a, b)
                .into_iter()
                .flat_map(|(a, b)| {
                    days.iter().map(move |(t, x)| {
                        let overnight = b.seconds() < a.seconds();
                        let end_day = if overnight {
                            *x + Duration::days(1)
                        } else {
                            *x
                        };
                        let tb = if overnight {
                            next_day_timex(t, end_day)
                        } else {
                            t.clone()
                        };
                        span_reading(
                            format!("({t}{},{tb}{},{})", a.timex(), b.timex(), clock_dur(&a, &b)),
                            dt_s(at(*x, &a)),
                            dt_s(at(end_day, &b)),
                            Granularity::Custom,
                        )
                    })
                })
                .collect()
        }
        Sem::DateRange(a, b) => {
            let da = day(a, cx);
            // "van volgende maandag tot vrijdag": a bare weekday ends on the first one after
            let db = match b {
                Day::Weekday {
                    wd,
                    rel: WdRel::Bare,
                } if da.len() == 1 => {
                    let start = da[0].1;
                    let ahead =
                        (i64::from(*wd) - 1 - i64::from(start.weekday().num_days_from_monday()))
                            .rem_euclid(7);
                    let x = start + Duration::days(ahead);
                    vec![(date_s(x), x)]
                }
                // "29/2-1/3": the end day follows each start (when the readings of the two
                // days are years apart)
                Day::Ymd {
                    y: None,
                    m: Some(mb),
                    d: dd,
                } if matches!(a, Day::Ymd { y: None, .. })
                    && pair_up(&da, &day(b, cx))
                        .iter()
                        .any(|(x, y)| (y.1 - x.1).num_days() > 366) =>
                {
                    let timex = format!("XXXX-{mb:02}-{dd:02}");
                    let ends: Vec<(String, NaiveDate)> = da
                        .iter()
                        .filter_map(|(_, xa)| {
                            (0..9)
                                .filter_map(|k| ymd(xa.year() + k, *mb, *dd))
                                .find(|x| x >= xa)
                        })
                        .map(|x| (timex.clone(), x))
                        .collect();
                    if ends.len() == da.len() {
                        ends
                    } else {
                        day(b, cx)
                    }
                }
                _ => day(b, cx),
            };
            // up to the present ("from March to date") both ends are dates
            let relative_end = matches!(b, Day::Present);
            pair_up(&da, &db)
                .into_iter()
                .map(|((ta, xa), (tb, xb))| {
                    let n = (*xb - *xa).num_days();
                    let (ta, tb) = if relative_end {
                        (date_s(*xa), date_s(*xb))
                    } else {
                        (ta.clone(), tb.clone())
                    };
                    span_reading(
                        format!("({ta},{tb},P{n}D)"),
                        date_s(*xa),
                        date_s(*xb),
                        Granularity::Custom,
                    )
                })
                .collect()
        }
        Sem::PeriodRange(a, b) => period_range(a, b, cx),
        Sem::Duration(n, u) => vec![Reading {
            timex: u.iso(*n),
            value: TimeValue::Duration {
                value: u.iso(*n),
                seconds: n * u.seconds(),
            },
        }],
        Sem::Durations(parts) => {
            let iso = iso_mixed(parts);
            vec![Reading {
                timex: iso.clone(),
                value: TimeValue::Duration {
                    value: iso,
                    seconds: parts.iter().map(|(n, u)| n * u.seconds()).sum(),
                },
            }]
        }
        Sem::Offset(n, u) => {
            let secs = (n * u.seconds()).round() as i64;
            match Duration::try_seconds(secs).and_then(|d| cx.now().checked_add_signed(d)) {
                Some(x) => vec![point(x.format("%Y-%m-%dT%H:%M:%S").to_string(), dt_s(x))],
                None => Vec::new(),
            }
        }
        Sem::ClockWindow(n, u, future) => {
            let secs = (n * u.seconds()).round() as i64;
            let now = cx.now();
            let Some(d) = Duration::try_seconds(secs) else {
                return Vec::new();
            };
            let (s, e) = if *future {
                (now, now + d)
            } else {
                (now - d, now)
            };
            vec![span_reading(
                format!(
                    "({},{},{})",
                    s.format("%Y-%m-%dT%H:%M:%S"),
                    e.format("%Y-%m-%dT%H:%M:%S"),
                    u.iso(*n)
                ),
                dt_s(s),
                dt_s(e),
                Granularity::Custom,
            )]
        }
        Sem::Set(timex) => vec![Reading {
            timex: timex.clone(),
            value: TimeValue::Set {
                value: timex.clone(),
            },
        }],
        Sem::Now => {
            let now = cx.now();
            vec![point("PRESENT_REF".into(), dt_s(now))]
        }
        Sem::NowClock(c, after) => {
            let now = cx.now();
            let today = now.date();
            let times: Vec<(Clock, NaiveDateTime)> = c
                .readings()
                .into_iter()
                .flat_map(|r| {
                    [-1, 0, 1]
                        .into_iter()
                        .map(move |k| (r, at(today + Duration::days(k), &r)))
                })
                .collect();
            let pick = if *after {
                times
                    .into_iter()
                    .filter(|(_, x)| *x > now)
                    .min_by_key(|(_, x)| *x)
            } else {
                times
                    .into_iter()
                    .filter(|(_, x)| *x < now)
                    .max_by_key(|(_, x)| *x)
            };
            let Some((r, x)) = pick else {
                return Vec::new();
            };
            let now_clock = secs(now.time().num_seconds_from_midnight());
            let at_t = format!("{}{}", date_s(x.date()), r.timex());
            let (timex, start, end) = if *after {
                let dur = clock_dur(&now_clock, &r);
                (format!("(PRESENT_REF,{at_t},{dur})"), now, x)
            } else {
                let dur = clock_dur(&r, &now_clock);
                (format!("({at_t},PRESENT_REF,{dur})"), x, now)
            };
            vec![span_reading(
                timex,
                dt_s(start),
                dt_s(end),
                Granularity::Custom,
            )]
        }
        Sem::WeekendOf(d) => day(d, cx)
            .into_iter()
            .map(|(_, x)| {
                let sat = if x.weekday().num_days_from_monday() == 0 {
                    x - Duration::days(2)
                } else {
                    monday(x) + Duration::days(5)
                };
                let start = x.min(sat);
                let end = (x + Duration::days(1)).max(sat + Duration::days(2));
                let w = sat.iso_week();
                span_reading(
                    format!("{}-W{:02}-WE", w.year(), w.week()),
                    date_s(start),
                    date_s(end),
                    Granularity::Weekend,
                )
            })
            .collect(),
        Sem::DayFor(d, n, u) => {
            // a day of the reference's year when the day has readings in several years
            let days = day(d, cx);
            let year = cx.today().year();
            let start = days
                .iter()
                .find(|(_, x)| x.year() == year)
                .or(days.first())
                .map(|(_, x)| *x);
            let Some(start) = start else {
                return Vec::new();
            };
            let Some(end) = shift(start, n.round() as i64, *u) else {
                return Vec::new();
            };
            let (ts, te) = (date_s(start), date_s(end));
            vec![span_reading(
                format!("({ts},{te},{})", u.iso(*n)),
                ts,
                te,
                Granularity::Custom,
            )]
        }
        Sem::Modified(..) => resolve(sem, cx).1,
    }
}

/// A written day that does not exist ("30 feb"): its TIMEX, not resolved.
fn impossible(d: &Day) -> Option<Reading> {
    let Day::Ymd { y, m: Some(m), d } = d else {
        return None;
    };
    if !(1..=12).contains(m) || !(1..=31).contains(d) {
        return None;
    }
    let year = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    let timex = format!("{year}-{m:02}-{d:02}");
    Some(Reading {
        timex: timex.clone(),
        value: TimeValue::Unresolved { timex },
    })
}

/// The TIMEX of the day after a day written as `timex` ("XXXX-WXX-1" gives "XXXX-WXX-2").
fn next_day_timex(timex: &str, next: NaiveDate) -> String {
    match timex.strip_prefix("XXXX-WXX-") {
        Some(wd) => {
            let wd: u32 = wd.parse().unwrap_or(7);
            format!("XXXX-WXX-{}", wd % 7 + 1)
        }
        None if timex.starts_with('X') => timex.to_string(),
        None => date_s(next),
    }
}

/// "from 2pm for 2 hours": the start's first reading and the end that far after it; the end's
/// TIMEX has seconds, as in Recognizers-Text ("(T14,T16:00:00,PT2H)").
fn clock_for(d: Option<&Day>, c: &Clock, secs: f64, cx: &Ctx) -> Vec<Reading> {
    let a = c.readings()[0];
    let span = secs.round() as u32;
    let b = self::secs((a.seconds() + span) % 86400);
    let dur = clock_dur(&a, &b);
    let end_t = format!("T{}", time_s(&b));
    match d {
        None => vec![span_reading(
            format!("({},{end_t},{dur})", a.timex()),
            time_s(&a),
            time_s(&b),
            Granularity::Custom,
        )],
        Some(d) => day(d, cx)
            .into_iter()
            .map(|(t, x)| {
                let start = at(x, &a);
                let end = start + Duration::seconds(i64::from(span));
                span_reading(
                    format!("({t}{},{t}{end_t},{dur})", a.timex()),
                    dt_s(start),
                    dt_s(end),
                    Granularity::Custom,
                )
            })
            .collect(),
    }
}

fn secs(s: u32) -> Clock {
    Clock {
        h: s / 3600,
        m: Some(s % 3600 / 60),
        s: Some(s % 60),
        pm: None,
    }
}

/// Pairs the readings of two days: the same reading index when both have as many, otherwise
/// each start with the first end that does not precede it.
fn pair_up<'a>(a: &'a [(String, NaiveDate)], b: &'a [(String, NaiveDate)]) -> Vec<DayPair<'a>> {
    if a.len() == b.len() {
        let zipped: Vec<_> = a.iter().zip(b.iter()).collect();
        if zipped.iter().all(|(x, y)| x.1 <= y.1) {
            return zipped;
        }
    }
    a.iter()
        .filter_map(|x| b.iter().find(|y| y.1 >= x.1).map(|y| (x, y)))
        .collect()
}

/// Where a period stands as the end of a range: its start, or for a part of a period the
/// boundary it names ("the end of 2008" is 2009-01-01, "the middle of March" the 16th).
fn range_points(p: &Period, cx: &Ctx) -> Vec<Span3> {
    let Period::Part { inner, part } = p else {
        return period(p, cx);
    };
    period(inner, cx)
        .into_iter()
        .map(|(t, s, e, g)| {
            let at = match part {
                Part::Begin => s,
                Part::End => e,
                Part::Mid => s + Duration::days((e - s).num_days() / 2),
            };
            (t, at, e, g)
        })
        .collect()
}

fn period_range(a: &Period, b: &Period, cx: &Ctx) -> Vec<Reading> {
    let (pa, pb) = (range_points(a, cx), range_points(b, cx));
    let bare = |p: &Period| match p {
        Period::Part { inner, .. } => matches!(**inner, Period::Month { y: None, .. }),
        _ => matches!(p, Period::Month { y: None, .. }),
    };
    let mut out = Vec::new();
    for (i, (ta, sa, _, ga)) in pa.iter().enumerate() {
        let candidates: Vec<&Span3> = if pa.len() == pb.len() && bare(a) && bare(b) {
            pb.iter().skip(i).filter(|x| x.1 >= *sa).take(1).collect()
        } else {
            pb.iter().filter(|x| x.1 >= *sa).take(1).collect()
        };
        for (tb, sb, _, gb) in candidates {
            let parts = matches!(a, Period::Part { .. }) || matches!(b, Period::Part { .. });
            let dur = if *ga == Granularity::Year && *gb == Granularity::Year && !parts {
                format!("P{}Y", sb.year() - sa.year())
            } else if matches!(
                ga,
                Granularity::Year | Granularity::Month | Granularity::Quarter
            ) && matches!(
                gb,
                Granularity::Year | Granularity::Month | Granularity::Quarter
            ) {
                let months = (sb.year() - sa.year()) * 12 + sb.month() as i32 - sa.month() as i32;
                format!("P{months}M")
            } else {
                format!("P{}D", (*sb - *sa).num_days())
            };
            let start_t = range_end_timex(ta, *sa, bare(a));
            let end_t = range_end_timex(tb, *sb, bare(b));
            out.push(span_reading(
                format!("({start_t},{end_t},{dur})"),
                date_s(*sa),
                date_s(*sb),
                Granularity::Custom,
            ));
        }
    }
    if pa.len() == 2 && pb.len() == 2 && out.len() == 2 && !(bare(a) && bare(b)) {
        out.truncate(1);
    }
    out
}

fn range_end_timex(timex: &str, start: NaiveDate, bare: bool) -> String {
    if bare {
        format!("XXXX-{:02}-{:02}", start.month(), start.day())
    } else {
        let _ = timex;
        date_s(start)
    }
}
