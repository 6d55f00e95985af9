//! The meaning of a time expression before it is resolved against a reference date.

/// A clock time as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Clock {
    pub h: u32,
    /// Minutes, when written ("10:30", "half acht"); `None` for "10 uur".
    pub m: Option<u32>,
    pub s: Option<u32>,
    /// `Some(true)` for pm, `Some(false)` for am, `None` when unknown.
    pub pm: Option<bool>,
}

impl Clock {
    pub fn hour(h: u32) -> Clock {
        Clock {
            h,
            m: None,
            s: None,
            pm: None,
        }
    }

    /// The 24-hour readings: one, or two (am first) when ambiguous.
    pub fn readings(&self) -> Vec<Clock> {
        let fix = |h: u32| Clock {
            h,
            pm: Some(h >= 12),
            ..*self
        };
        match self.pm {
            _ if self.h > 12 || self.h == 0 => vec![fix(self.h)],
            Some(true) if self.h < 12 => vec![fix(self.h + 12)],
            Some(true) => vec![fix(12)],
            Some(false) if self.h == 12 => vec![fix(0)],
            Some(false) => vec![fix(self.h)],
            None if self.h == 12 => vec![fix(12), fix(0)],
            None => vec![fix(self.h), fix(self.h + 12)],
        }
    }

    /// Applies a part of the day: evening and afternoon make 1–11 pm, morning makes am.
    pub fn with_pod(self, pod: Pod) -> Clock {
        if self.pm.is_some() || self.h > 12 || self.h == 0 {
            return self;
        }
        let pm = match pod {
            // "10 tot 12 uur 's ochtends" ends at noon
            Pod::Mo | Pod::Meb => self.h == 12,
            Pod::Af | Pod::Ev | Pod::Med => true,
            Pod::Mel => self.h == 12 || self.h < 6,
            Pod::Ni => !(self.h == 12 || self.h < 6),
        };
        Clock {
            pm: Some(pm),
            ..self
        }
    }

    /// The TIMEX form ("T08", "T08:30", "T08:30:15") of a resolved clock.
    pub fn timex(&self) -> String {
        let mut out = format!("T{:02}", self.h);
        if let Some(m) = self.m {
            out.push_str(&format!(":{m:02}"));
            if let Some(s) = self.s {
                out.push_str(&format!(":{s:02}"));
            }
        }
        out
    }

    /// Seconds since midnight.
    pub fn seconds(&self) -> u32 {
        self.h * 3600 + self.m.unwrap_or(0) * 60 + self.s.unwrap_or(0)
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pod {
    Mo,
    Af,
    Ev,
    Ni,
    /// Meal times: breakfast, lunch, dinner.
    Meb,
    Mel,
    Med,
}

impl Pod {
    pub fn parse(code: &str) -> Option<Pod> {
        Some(match code {
            "MO" => Pod::Mo,
            "AF" => Pod::Af,
            "EV" => Pod::Ev,
            "NI" => Pod::Ni,
            "MEB" => Pod::Meb,
            "MEL" => Pod::Mel,
            "MED" => Pod::Med,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Pod::Mo => "MO",
            Pod::Af => "AF",
            Pod::Ev => "EV",
            Pod::Ni => "NI",
            Pod::Meb => "MEB",
            Pod::Mel => "MEL",
            Pod::Med => "MED",
        }
    }

    /// The first or second half of [`Pod::bounds`].
    pub fn half_bounds(self, late: bool) -> (u32, u32) {
        let (a, b) = self.bounds();
        let mid = (a + b) / 2 / 3600 * 3600;
        if late {
            (mid, b)
        } else {
            (a, mid)
        }
    }

    /// Start and end as seconds since midnight (the conventions of Recognizers-Text).
    pub fn bounds(self) -> (u32, u32) {
        match self {
            Pod::Mo => (8 * 3600, 12 * 3600),
            Pod::Af => (12 * 3600, 16 * 3600),
            Pod::Ev => (16 * 3600, 20 * 3600),
            Pod::Ni => (20 * 3600, 23 * 3600 + 59 * 60 + 59),
            Pod::Meb => (8 * 3600, 12 * 3600),
            Pod::Mel => (11 * 3600, 13 * 3600),
            Pod::Med => (16 * 3600, 20 * 3600),
        }
    }
}

/// How a weekday is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WdRel {
    /// "maandag": the one before and the one after (two readings).
    Bare,
    /// In the reference's week, shifted by this many weeks ("volgende week maandag" = 1).
    Week(i64),
    /// The first one after the reference ("aanstaande vrijdag").
    Coming,
    /// The last one before the reference ("afgelopen woensdag").
    Past,
}

/// A calendar day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Day {
    /// A day of the month, with the month and year when written.
    Ymd {
        y: Option<i32>,
        m: Option<u32>,
        d: u32,
    },
    /// The reference day plus this many days ("gisteren" = -1).
    Rel(i64),
    /// The reference day as the present moment ("to date"): TIMEX PRESENT_REF.
    Present,
    Weekday {
        wd: u32,
        rel: WdRel,
    },
    /// Day `d` of the reference's month shifted by `rel` months ("the 15th day of next month").
    OfRelMonth {
        d: u32,
        rel: i64,
    },
    /// A day of a month in the reference's year shifted by `rel` years ("deze 12/5",
    /// "volgende 6e april").
    YmdRel {
        m: u32,
        d: u32,
        rel: i64,
    },
    /// A weekday with a day of the month ("maandag 21"): the days around the reference where
    /// both agree, or with `next` only the first from the reference on.
    WeekdayDom {
        wd: u32,
        d: u32,
        next: bool,
    },
    /// A holiday: in a written year, in the reference's year shifted by `year_rel` ("volgend
    /// jaar"), the occurrence before (`rel` -1) or after (+1) the reference, or without any of
    /// these the occurrences before and after the reference.
    Holiday {
        rule: HolidayRule,
        y: Option<i32>,
        year_rel: Option<i64>,
        rel: Option<i64>,
    },
    /// A date whose two-digit year ("12/12/30") may be in either century: 19yy and 20yy.
    TwoCenturies {
        yy: u32,
        m: u32,
        d: u32,
    },
    /// A weekday in the (ISO) week of a shifted day ("monday two weeks from now", "in 3 days on
    /// friday").
    WeekdayIn {
        wd: u32,
        base: Box<Day>,
    },
    /// A day shifted by an amount of a unit ("over drie weken", "twee dagen voor gisteren").
    Shift {
        base: Box<Day>,
        n: i64,
        unit: Unit,
    },
}

/// When a holiday falls (see `lang/<code>/time_holidays.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// The same day every year.
    Fixed { m: u32, d: u32 },
    /// This many days after Easter Sunday.
    Easter(i64),
    /// The `n`-th weekday `wd` (1 = Monday) of month `m` (-1: the last), `offset` days later.
    Nth {
        m: u32,
        wd: u32,
        n: i32,
        offset: i64,
    },
}

impl HolidayRule {
    /// Parses "fixed 12-25", "easter -2", "nth 11 4 4 +1".
    pub fn parse(rule: &str) -> Option<HolidayRule> {
        let parts: Vec<&str> = rule.split_whitespace().collect();
        match parts.as_slice() {
            ["fixed", md] => {
                let (m, d) = md.split_once('-')?;
                Some(HolidayRule::Fixed {
                    m: m.parse().ok()?,
                    d: d.parse().ok()?,
                })
            }
            ["easter", n] => Some(HolidayRule::Easter(n.parse().ok()?)),
            ["nth", m, wd, n, rest @ ..] => Some(HolidayRule::Nth {
                m: m.parse().ok()?,
                wd: wd.parse().ok()?,
                n: n.parse().ok()?,
                offset: match rest {
                    [] => 0,
                    [d] => d.trim_start_matches('+').parse().ok()?,
                    _ => return None,
                },
            }),
            _ => None,
        }
    }
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    /// A weekend (two days); only counted ("three weekends"), never shifted by.
    Weekend,
}

impl Unit {
    /// Parses a unit code of the word files; "QH" (kwartier) and "FN" (fortnight) give the
    /// unit and a multiplier.
    pub fn parse(code: &str) -> Option<(Unit, f64)> {
        Some(match code {
            "S" => (Unit::Second, 1.0),
            "MIN" => (Unit::Minute, 1.0),
            "QH" => (Unit::Minute, 15.0),
            "H" => (Unit::Hour, 1.0),
            "D" => (Unit::Day, 1.0),
            "W" => (Unit::Week, 1.0),
            "FN" => (Unit::Week, 2.0),
            "M" => (Unit::Month, 1.0),
            "Q" => (Unit::Quarter, 1.0),
            "Y" => (Unit::Year, 1.0),
            "DEC" => (Unit::Decade, 1.0),
            "CEN" => (Unit::Century, 1.0),
            _ => return None,
        })
    }

    /// Whether the unit is shorter than a day.
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// Nominal length in seconds (a month is 30 days, a year 365).
    pub fn seconds(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day => 86400.0,
            Unit::Week => 604800.0,
            Unit::Month => 2_592_000.0,
            Unit::Quarter => 7_776_000.0,
            Unit::Year => 31_536_000.0,
            Unit::Decade => 315_360_000.0,
            Unit::Century => 3_153_600_000.0,
            Unit::Weekend => 172_800.0,
        }
    }

    /// An ISO 8601 duration of `n` units ("P3W", "PT1.5H").
    pub fn iso(self, n: f64) -> String {
        let num = fmt_num(n);
        match self {
            Unit::Second => format!("PT{num}S"),
            Unit::Minute => format!("PT{num}M"),
            Unit::Hour => format!("PT{num}H"),
            Unit::Day => format!("P{num}D"),
            Unit::Week => format!("P{num}W"),
            Unit::Month => format!("P{num}M"),
            Unit::Quarter => format!("P{}M", fmt_num(n * 3.0)),
            Unit::Year => format!("P{num}Y"),
            Unit::Decade => format!("P{}Y", fmt_num(n * 10.0)),
            Unit::Century => format!("P{}Y", fmt_num(n * 100.0)),
            Unit::Weekend => format!("P{num}WE"),
        }
    }
}

/// The ISO 8601 duration of amounts in several units, larger first ("PT1H30M", "P2W3D").
pub(crate) fn iso_mixed(parts: &[(f64, Unit)]) -> String {
    let mut date = String::from("P");
    let mut time = String::new();
    for (n, u) in parts {
        let iso = u.iso(*n);
        match iso.strip_prefix("PT") {
            Some(t) => time.push_str(t),
            None => date.push_str(iso.trim_start_matches('P')),
        }
    }
    if !time.is_empty() {
        date.push('T');
        date.push_str(&time);
    }
    date
}

/// A number without a needless ".0".
pub(crate) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A stretch of the calendar larger than a day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Period {
    Year(i32),
    /// The reference year plus this many years.
    RelYear(i64),
    /// A month; without year it has a past and a future reading.
    Month {
        y: Option<i32>,
        m: u32,
    },
    /// A month in the reference year ("deze september") or the next/previous occurrence.
    MonthRel {
        m: u32,
        rel: i64,
    },
    RelMonth(i64),
    /// Month `m` of the reference's year shifted by `rel` years ("the 9th month of next year").
    MonthOfRelYear {
        m: u32,
        rel: i64,
    },
    RelWeek(i64),
    /// The first or last `n` units of a period ("the first 2 weeks of 2021": its first two ISO
    /// weeks).
    Edge {
        inner: Box<Period>,
        n: i64,
        unit: Unit,
        last: bool,
    },
    /// The `n` working days (Monday to Friday) after or before the reference day ("next 4
    /// business days").
    BusinessDays {
        n: i64,
        future: bool,
    },
    /// The working days (Monday to Friday) of the reference week, shifted by weeks.
    WorkWeek(i64),
    /// The two weeks from the reference week's Monday, shifted by this many fortnights.
    Fortnight(i64),
    WeekNum {
        y: Option<i32>,
        n: u32,
    },
    /// ISO week `n` of the reference's year shifted by `rel` years ("week 27 of last year").
    WeekNumRel {
        rel: i64,
        n: u32,
    },
    /// The week (Monday to Monday) around a day.
    WeekOf(Day),
    /// The `n`-th week (-1: the last) of a month or year; a week belongs to the month or year
    /// of its Thursday, as ISO weeks do ("de eerste week van 2015", "de laatste week van juli").
    NthWeek {
        inner: Box<Period>,
        n: i32,
    },
    /// The weekend of the reference week, shifted by weeks.
    Weekend(i64),
    Season {
        code: &'static str,
        rel: Option<i64>,
        y: Option<i32>,
    },
    /// A decade: "jaren '90" (century unknown) or "jaren 1990".
    Decade {
        century: Option<i32>,
        decade: u32,
    },
    Quarter {
        y: Option<i32>,
        rel: Option<i64>,
        q: u32,
    },
    /// A fiscal or school year (`kind` FY or SY): written, relative to the reference's year, or
    /// neither; these have no fixed calendar and stay unresolved ("FY2008", "SYXXXX").
    KindYear {
        kind: &'static str,
        y: Option<i32>,
        rel: Option<i64>,
    },
    /// A century: the 21st is 2000 to 2100, as Recognizers-Text has it.
    Century(i32),
    /// From the start of one period to the start of another, written as one word ("jan-feb").
    Span(Box<Period>, Box<Period>),
    /// A quarter or half of a year ("Q1", "2019 H2", "het eerste kwartaal van 2013"), the
    /// `index`-th stretch of `months` months; without a year it has a past and a future reading.
    YearSlice {
        y: Option<i32>,
        index: u32,
        months: u32,
    },
    /// The `n` units before or after the reference ("afgelopen 5 jaren", "komende drie dagen").
    Window {
        n: f64,
        unit: Unit,
        future: bool,
    },
    /// From the reference to `n` units later ("binnen 9 maanden").
    Within {
        n: f64,
        unit: Unit,
    },
    /// The first, middle or last part of a period ("begin maart").
    Part {
        inner: Box<Period>,
        part: Part,
    },
    /// A week, month, year or weekend named before ("the same week", "dat weekend"): the
    /// reference's one, with a TIMEX that leaves it open ("XXXX-WXX").
    Same(Unit),
    /// From the start of the reference's year to the reference day ("year to date").
    YearToDate,
    /// From the reference day to the last day of its week, month or year ("the rest of the
    /// week", "de rest van de maand").
    Rest(Unit),
    /// The part of a period before or after the reference ("eerder deze week").
    Around {
        inner: Box<Period>,
        later: bool,
    },
}

/// A part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Begin,
    Mid,
    End,
}

/// A modifier: "voor", "na", "sinds", "tot".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    Before,
    After,
    Since,
    Until,
}

/// What a whole expression means.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    Date(Day),
    Time(Clock),
    /// A part of the day without a date ("'s avonds").
    TimePod(Pod),
    /// The first (`late` false) or second half of a part of the day ("early morning").
    TimePodPart(Pod, bool),
    /// The same on a given day ("later this afternoon").
    DatePodPart(Day, Pod, bool),
    DateTime(Day, Clock),
    /// The first half, the middle or the second half of a day ("early in the day", "mid
    /// today", "later op de dag"): 0-12, 10-14 and 12-24 h, as in Recognizers-Text.
    DayPart(Day, Part),
    /// A part of a given day ("maandagavond", "morgenochtend").
    DatePod(Day, Pod),
    Period(Period),
    TimeRange(Clock, Clock),
    /// A clock time and an amount of time after it ("from 2pm for 2 hours"), on a day when
    /// one is named.
    ClockFor(Option<Day>, Clock, f64),
    DateTimeRange(Day, Clock, Clock),
    DateRange(Day, Day),
    /// The weekend around a day ("labor day weekend", "the weekend of halloween"): Saturday and
    /// Sunday with the day itself when it falls on Thursday, Friday or Monday.
    WeekendOf(Day),
    /// An amount of days, weeks, months or years from a day on ("3 days starting from next
    /// monday", "for 1 week, from 20th dec").
    DayFor(Day, f64, Unit),
    /// From the start of one period to the start of the other ("2014 tot 2018").
    PeriodRange(Period, Period),
    Duration(f64, Unit),
    /// An amount in several units ("1 uur en 30 minuten"), larger units first.
    Durations(Vec<(f64, Unit)>),
    /// A moment an amount of clock time from the reference ("over 5 minuten").
    Offset(f64, Unit),
    /// A window of clock time around the reference ("afgelopen 5 minuten").
    ClockWindow(f64, Unit, bool),
    Set(String),
    Now,
    /// From now to a clock time (`true`: "between now and eight o'clock", the first such time
    /// after now) or from a clock time to now (`false`, the last one before now).
    NowClock(Clock, bool),
    /// Any of the above with a modifier.
    Modified(Box<Sem>, Mod),
}
