//! Numeric chunks: "14-03-2019", "3/14/2019", "10:30pm", "3e", "3,5", "2015-3", "13:00-15:00".

use crate::sem::Clock;

/// What a numeric chunk says on its own.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Chunk {
    /// An integer and its number of digits.
    Int(u32, usize),
    Dec(f64),
    Ord(u32),
    Clock(Clock),
    /// "10.30": a clock time or a decimal number, depending on the context.
    DotClock(Clock, f64),
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    YearMonth(i32, u32),
    Range(Box<Chunk>, Box<Chunk>),
}

const ORD_SUFFIXES: [&str; 8] = ["ste", "de", "st", "nd", "rd", "th", "e", "ème"];

/// Parses a chunk; `dutch` puts the day before the month in "3/4".
pub(crate) fn parse(s: &str, dutch: bool, months: &dyn Fn(&str) -> Option<u32>) -> Option<Chunk> {
    single(s, dutch, months).or_else(|| range(s, dutch, months))
}

fn range(s: &str, dutch: bool, months: &dyn Fn(&str) -> Option<u32>) -> Option<Chunk> {
    for (at, c) in s.char_indices() {
        if c != '-' && c != '~' {
            continue;
        }
        let (a, b) = (&s[..at], &s[at + c.len_utf8()..]);
        if let (Some(x), Some(y)) = (single(a, dutch, months), single(b, dutch, months)) {
            if compatible(&x, &y) {
                return Some(Chunk::Range(Box::new(x), Box::new(y)));
            }
        }
    }
    None
}

fn compatible(a: &Chunk, b: &Chunk) -> bool {
    use Chunk::*;
    matches!(
        (a, b),
        (Int(..), Int(..))
            | (Clock(_) | DotClock(..) | Int(..), Clock(_) | DotClock(..))
            | (Clock(_) | DotClock(..), Int(..))
            | (Date { .. }, Date { .. })
            | (YearMonth(..), YearMonth(..))
    )
}

fn single(s: &str, dutch: bool, months: &dyn Fn(&str) -> Option<u32>) -> Option<Chunk> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Chunk::Int(s.parse().ok()?, s.len()));
    }
    if let Some(c) = clock(s, dutch) {
        return Some(c);
    }
    for suf in ORD_SUFFIXES {
        if let Some(num) = s.strip_suffix(suf) {
            if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) {
                let n: u32 = num.parse().ok()?;
                return (1..=31).contains(&n).then_some(Chunk::Ord(n));
            }
        }
    }
    let sep = if dutch { ',' } else { '.' };
    if let Some((a, b)) = s.split_once(sep) {
        if digits(a) && digits(b) {
            return Some(Chunk::Dec(s.replace(',', ".").parse().ok()?));
        }
    }
    date(s, dutch, months)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A clock time; Dutch marks an hour with "uur", "u" or "h" ("15u"), which English does not
/// ("3h" is an amount of hours there).
fn clock(s: &str, dutch: bool) -> Option<Chunk> {
    // "11ish": about that hour, read as written
    if let Some(b) = s.strip_suffix("ish").filter(|b| digits(b) && b.len() <= 2) {
        let h: u32 = b.parse().ok()?;
        return (h <= 24).then_some(Chunk::Clock(Clock {
            pm: Some(h >= 12),
            ..Clock::hour(h)
        }));
    }
    let (body, pm) = strip_ampm(s);
    let marked_hour = || {
        body.strip_suffix("uur")
            .or_else(|| body.strip_suffix('u'))
            .or_else(|| body.strip_suffix('h'))
    };
    let body = if dutch { marked_hour() } else { None }.unwrap_or(body);
    let marked = body.len() != s.len();
    if digits(body) {
        let h: u32 = body.parse().ok()?;
        return (marked && h <= 24).then_some(Chunk::Clock(Clock {
            pm,
            ..Clock::hour(h)
        }));
    }
    let parts: Vec<&str> = body.split([':', '.']).collect();
    if parts.len() < 2 || parts.len() > 3 || !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let h: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let sec: Option<u32> = parts.get(2).and_then(|p| p.parse().ok());
    if h > 24 || m > 59 || parts[1].len() != 2 || parts[0].len() > 2 || sec.is_some_and(|x| x > 59)
    {
        return None;
    }
    let c = Clock {
        h,
        m: Some(m),
        s: sec,
        pm,
    };
    if parts.len() == 2 && !body.contains(':') && !marked {
        return Some(Chunk::DotClock(c, body.parse().ok()?));
    }
    Some(Chunk::Clock(c))
}

/// "10pm", "8p.m.", "9.am", "7a": the clock part and whether it is pm.
fn strip_ampm(s: &str) -> (&str, Option<bool>) {
    const SUFFIXES: [(&str, bool); 10] = [
        ("a.m.", false),
        ("p.m.", true),
        // "9p." at the end of a sentence
        ("a.", false),
        ("p.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
        ("a", false),
        ("p", true),
    ];
    for (suf, pm) in SUFFIXES {
        if let Some(b) = s.strip_suffix(suf) {
            // "9.am": a dot between the hour and the meridiem
            let b = b.strip_suffix('.').unwrap_or(b);
            if b.ends_with(|c: char| c.is_ascii_digit()) {
                return (b, Some(pm));
            }
        }
    }
    (s, None)
}

fn year_of(p: &str) -> Option<i32> {
    let p = p.trim_start_matches(['\'', '’']);
    let y: i32 = p.parse().ok()?;
    match p.len() {
        // "30" to "39" are read as 20xx here; the parser gives them both centuries
        2 => Some(if y < 40 { 2000 + y } else { 1900 + y }),
        4 => Some(y),
        _ => None,
    }
}

fn date(s: &str, dutch: bool, months: &dyn Fn(&str) -> Option<u32>) -> Option<Chunk> {
    // one kind of separator ("30/4.85" is a ratio and a decimal)
    let mut seps = s.bytes().filter(|b| matches!(b, b'-' | b'/' | b'.'));
    if let Some(first) = seps.next() {
        if seps.any(|b| b != first) {
            return None;
        }
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let num = |p: &str| -> Option<u32> { digits(p).then(|| p.parse().ok()).flatten() };
    // a month name, a four-digit year and a day in any order ("sep-23-2020", "2020/23/sep")
    if let [_, _, _] = parts.as_slice() {
        let named: Vec<usize> = (0..3).filter(|k| months(parts[*k]).is_some()).collect();
        let years: Vec<usize> = (0..3)
            .filter(|k| parts[*k].len() == 4 && digits(parts[*k]))
            .collect();
        if let ([m], [y]) = (named.as_slice(), years.as_slice()) {
            let d = (0..3).find(|k| k != m && k != y)?;
            let (mm, yy, dd) = (months(parts[*m])?, num(parts[*y])?, num(parts[d])?);
            return ((1..=31).contains(&dd) && parts[d].len() <= 2).then_some(Chunk::Date {
                y: Some(yy as i32),
                m: mm,
                d: dd,
            });
        }
    }
    let month = |p: &str| {
        num(p)
            .filter(|m| (1..=12).contains(m))
            .or_else(|| months(p))
    };
    let valid = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
    match parts.as_slice() {
        [a, b, c] if a.len() == 4 => {
            let (y, m, d) = (year_of(a)?, month(b)?, num(c)?);
            valid(m, d).then_some(Chunk::Date { y: Some(y), m, d })
        }
        [a, b, c] => {
            let y = year_of(c)?;
            let (m, d) = if months(b).is_some() || dutch {
                (month(b)?, num(a)?)
            } else if months(a).is_some() {
                (month(a)?, num(b)?)
            } else {
                let (x, z) = (num(a)?, num(b)?);
                if x > 12 {
                    (z, x)
                } else {
                    (x, z)
                }
            };
            valid(m, d).then_some(Chunk::Date { y: Some(y), m, d })
        }
        [a, b] if a.len() == 4 => Some(Chunk::YearMonth(year_of(a)?, month(b)?)),
        [a, b] if b.len() == 4 => Some(Chunk::YearMonth(year_of(b)?, month(a)?)),
        [a, b] => {
            let (m, d) = if let Some(m) = months(b) {
                (m, num(a)?)
            } else if let Some(m) = months(a) {
                (m, num(b)?)
            } else if dutch {
                (num(b)?, num(a)?)
            } else {
                let (x, z) = (num(a)?, num(b)?);
                if x > 12 {
                    (z, x)
                } else {
                    (x, z)
                }
            };
            valid(m, d).then_some(Chunk::Date { y: None, m, d })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, dutch: bool) -> Option<Chunk> {
        parse(s, dutch, &|w| (w == "aug").then_some(8))
    }

    #[test]
    fn dates_and_clocks() {
        assert_eq!(
            p("14-03-2019", true),
            Some(Chunk::Date {
                y: Some(2019),
                m: 3,
                d: 14
            })
        );
        assert_eq!(
            p("3/14/2019", false),
            Some(Chunk::Date {
                y: Some(2019),
                m: 3,
                d: 14
            })
        );
        assert_eq!(
            p("05-aug-2016", false),
            Some(Chunk::Date {
                y: Some(2016),
                m: 8,
                d: 5
            })
        );
        assert!(
            matches!(p("10:30pm", false), Some(Chunk::Clock(c)) if c.h == 10 && c.pm == Some(true))
        );
        assert!(matches!(p("10.30", true), Some(Chunk::DotClock(..))));
        assert!(
            matches!(p("8p.m.", false), Some(Chunk::Clock(c)) if c.h == 8 && c.pm == Some(true))
        );
        assert!(
            matches!(p("9.am", false), Some(Chunk::Clock(c)) if c.h == 9 && c.pm == Some(false))
        );
        assert_eq!(p("3e", true), Some(Chunk::Ord(3)));
        assert_eq!(p("3,5", true), Some(Chunk::Dec(3.5)));
        assert_eq!(p("2015-3", true), Some(Chunk::YearMonth(2015, 3)));
        assert!(matches!(p("13:00-15:00", true), Some(Chunk::Range(..))));
        assert!(matches!(p("2014-2018", true), Some(Chunk::Range(..))));
    }
}
