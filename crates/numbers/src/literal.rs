//! Numbers written with digits: "70", "1.000,5" (Dutch), "1,000.5" (English), "1 234 567",
//! ",08", "-4/5", "2 1/4", "1e10", "1,1^23", "10k", "3e", "21ste", "3rd".
//!
//! The language gives the usual decimal mark; the digit groups decide when they disagree with
//! it: a separator followed by exactly three digits groups thousands ("1.000" in Dutch is 1000),
//! any other separator is decimal ("3.5" in Dutch is 3.5), and a second separator of the kind
//! already read as decimal ends the number ("192.168.1.2").

use crate::lexicon::Lexicon;

/// A number written with digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Literal {
    /// First byte (the sign, if any).
    pub start: usize,
    /// One past the last byte (after a multiplier suffix, if any).
    pub end: usize,
    /// The value.
    pub value: f64,
    /// The multiplier of a suffix ("10k": 1000), else 1; lets "2 thousand" style words follow.
    pub scale: f64,
    /// An ordinal ("3e", "21ste", "3rd").
    pub ordinal: bool,
    /// Letters touch it on either side ("180ml", "A4"): not a plain number.
    pub glued: bool,
    /// A whole number without decimals, exponent or fraction.
    pub integer: bool,
}

const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// The end of the run of ASCII digits starting at `at`.
fn digits_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    end
}

/// One separator and the digits after it.
struct Group {
    sep: char,
    start: usize,
    end: usize,
}

/// Whether a numeric literal can start at byte `at` (a digit, or a decimal mark before digits
/// that does not follow a digit).
pub fn starts_literal(text: &str, at: usize) -> bool {
    match char_at(text, at) {
        Some(c) if c.is_ascii_digit() => true,
        Some('.' | ',') => {
            char_at(text, at + 1).is_some_and(|c| c.is_ascii_digit())
                && !char_before(text, at).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Parses the literal that starts at `at` (see [`starts_literal`]).
pub fn parse(text: &str, at: usize, lex: &Lexicon) -> Option<Literal> {
    let int_end = digits_end(text, at);
    let groups = groups(text, int_end);
    let (mantissa, mut end, integer) = mantissa(text, at, int_end, &groups, lex)?;
    let mut value = mantissa;
    let mut is_integer = integer;
    if let Some((v, e)) = exponent(text, end, value) {
        value = v;
        end = e;
        is_integer = false;
    } else if integer {
        if let Some((v, e)) = fraction(text, at, end, value) {
            value = v;
            end = e;
            is_integer = false;
        }
    }
    let (start, negative) = sign(text, at);
    if negative {
        value = -value;
    }
    let mut lit = Literal {
        start,
        end,
        value,
        scale: 1.0,
        ordinal: false,
        glued: char_before(text, start).is_some_and(char::is_alphanumeric),
        integer: is_integer,
    };
    suffix(text, &mut lit, lex);
    Some(lit)
}

/// Reads the separator groups after the integer part.
fn groups(text: &str, mut at: usize) -> Vec<Group> {
    let mut out = Vec::new();
    while let Some(sep) = char_at(text, at) {
        let is_space = SPACES.contains(&sep);
        if !(matches!(sep, '.' | ',') || is_space) {
            break;
        }
        let start = at + sep.len_utf8();
        let end = digits_end(text, start);
        if end == start {
            break;
        }
        if is_space && (end - start != 3 || sep == ' ' && out.iter().any(|g: &Group| g.sep != ' '))
        {
            break;
        }
        out.push(Group { sep, start, end });
        at = end;
    }
    out
}

/// The value of integer part plus groups, the end of what was used, and whether it is whole.
fn mantissa(
    text: &str,
    at: usize,
    int_end: usize,
    groups: &[Group],
    lex: &Lexicon,
) -> Option<(f64, usize, bool)> {
    let int = &text[at..int_end];
    let has_dot = groups.iter().any(|g| g.sep == '.');
    let has_comma = groups.iter().any(|g| g.sep == ',');
    let decimal = match (has_dot, has_comma) {
        (true, true) => {
            groups
                .iter()
                .rev()
                .find(|g| matches!(g.sep, '.' | ','))?
                .sep
        }
        _ => lex.decimal,
    };
    let mut digits = String::from(int);
    let mut end = int_end;
    let mut fraction = None;
    for (k, group) in groups.iter().enumerate() {
        let g = &text[group.start..group.end];
        let next_same = groups.get(k + 1).is_some_and(|n| n.sep == group.sep);
        if continues_chain(text, at) {
            break;
        }
        if group.sep != decimal {
            let indian =
                lex.decimal == '.' && g.len() == 2 && next_same && indian_end(text, &groups[k..]);
            let grouped = (g.len() == 3 || indian) && !int.is_empty() && int.len() <= 3;
            if grouped {
                digits.push_str(g);
                end = group.end;
                continue;
            }
            let lone = k == 0 && groups.len() == 1 && !SPACES.contains(&group.sep);
            if lone && !int.is_empty() {
                fraction = Some(g);
                end = group.end;
            }
            break;
        }
        if next_same {
            break;
        }
        fraction = Some(g);
        end = group.end;
        break;
    }
    if digits.is_empty() && fraction.is_none() {
        return None;
    }
    let text_value = match fraction {
        Some(f) => format!("{}.{f}", if digits.is_empty() { "0" } else { &digits }),
        None => digits,
    };
    Some((text_value.parse().ok()?, end, fraction.is_none()))
}

/// Whether the literal at `at` continues a dotted chain that ended before it ("192.168.1.2"):
/// then its own separators are not read as decimals or groups.
fn continues_chain(text: &str, at: usize) -> bool {
    let head = &text[..at];
    head.strip_suffix(['.', ','])
        .and_then(|h| h.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit())
}

/// Whether a run of two-digit groups ends in a three-digit group (Indian "12,34,567").
fn indian_end(text: &str, groups: &[Group]) -> bool {
    let sep = groups.first().map(|g| g.sep);
    for g in groups.iter().take_while(|g| Some(g.sep) == sep) {
        match g.end - g.start {
            2 => continue,
            3 => return true,
            _ => return false,
        }
    }
    let _ = text;
    false
}

/// "e10", "e+14", "^23", "^--23", "x10^6" after the mantissa.
fn exponent(text: &str, at: usize, mantissa: f64) -> Option<(f64, usize)> {
    let rest = text.get(at..)?;
    let (base, skip) = if let Some(r) = rest.strip_prefix("x10^") {
        (10.0, rest.len() - r.len())
    } else if rest.starts_with(['e', 'E']) {
        (10.0, 1)
    } else if rest.starts_with('^') {
        (mantissa, 1)
    } else {
        return None;
    };
    let mut pos = at + skip;
    let mut negative = false;
    while let Some(c @ ('+' | '-')) = char_at(text, pos) {
        if c == '-' {
            negative = !negative;
        }
        pos += 1;
    }
    let end = digits_end(text, pos);
    if end == pos || char_at(text, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let mut exp: f64 = text[pos..end].parse().ok()?;
    if negative {
        exp = -exp;
    }
    let value = if base == mantissa && !rest.starts_with(['e', 'E', 'x']) {
        mantissa.abs().powf(exp).copysign(mantissa)
    } else {
        mantissa * 10f64.powf(exp)
    };
    Some((value, end))
}

/// "3/4" (a proper fraction, not a date) or a mixed number "2 1/4".
fn fraction(text: &str, start: usize, at: usize, whole: f64) -> Option<(f64, usize)> {
    if let Some((n, d, end)) = slash_pair(text, start) {
        if end > at && n < d {
            return Some((n / d, end));
        }
    }
    let rest = text.get(at..)?;
    let spaces = rest.len() - rest.trim_start_matches(SPACES).len();
    if spaces == 0 || spaces > 3 {
        return None;
    }
    let (n, d, end) = slash_pair(text, at + spaces)?;
    (n < d).then_some((whole + n / d, end))
}

/// "n/d" at `at` when it is not part of a longer slash chain (a date "17/5/2018").
fn slash_pair(text: &str, at: usize) -> Option<(f64, f64, usize)> {
    let n_end = digits_end(text, at);
    if n_end == at || char_at(text, n_end) != Some('/') {
        return None;
    }
    let d_end = digits_end(text, n_end + 1);
    if d_end == n_end + 1 || char_at(text, d_end) == Some('/') {
        return None;
    }
    if char_before(text, at) == Some('/') {
        return None;
    }
    let n: f64 = text[at..n_end].parse().ok()?;
    let d: f64 = text[n_end + 1..d_end].parse().ok()?;
    (d > 0.0).then_some((n, d, d_end))
}

/// Whether a minus sign belongs to the number at `at`: "-5", and "- 5" at the start of the text.
fn sign(text: &str, at: usize) -> (usize, bool) {
    let head = &text[..at];
    let trimmed = head.trim_end_matches(SPACES);
    let Some(before) = trimmed.strip_suffix(['-', '−']) else {
        return (at, false);
    };
    let minus_at = before.len();
    let spaced = trimmed.len() < head.len();
    let prev = before.chars().next_back();
    let standalone = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':' | '='));
    let attached = !spaced && standalone;
    let at_start = spaced && before.trim().is_empty();
    if attached || at_start {
        (minus_at, true)
    } else {
        (at, false)
    }
}

/// A multiplier suffix ("10k", "2,33 k"), an ordinal suffix ("3e", "3rd"), or glued letters.
fn suffix(text: &str, lit: &mut Literal, lex: &Lexicon) {
    let rest = &text[lit.end..];
    let letters = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    if letters > 0 {
        let word = &rest[..letters];
        if let Some((_, m)) = lex.digit_suffixes.iter().find(|(s, _)| *s == word) {
            lit.value *= m;
            lit.scale = *m;
            lit.end += letters;
        } else if lit.integer
            && lex
                .ordinal_suffixes
                .iter()
                .any(|s| s.eq_ignore_ascii_case(word))
        {
            lit.ordinal = true;
            lit.end += letters;
        } else {
            lit.glued = true;
        }
        return;
    }
    let spaces = rest.len() - rest.trim_start_matches(SPACES).len();
    if spaces == 0 || spaces > 2 {
        return;
    }
    let after = &rest[spaces..];
    for (s, m) in &lex.digit_suffixes {
        let boundary = after
            .get(s.len()..)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '-'));
        if after.starts_with(s) && boundary {
            lit.value *= m;
            lit.scale = *m;
            lit.end += spaces + s.len();
            return;
        }
    }
}
