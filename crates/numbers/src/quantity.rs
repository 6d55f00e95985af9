//! Reading numbers as quantities: the unit or currency after (or before) a number, a percent
//! sign, an approximator before it, a range of two numbers, vague magnitudes ("duizenden"),
//! "een" before a unit ("een kilo"), the noun a quantity counts and the goods a price prices.

use crate::lexicon::{Lexicon, Role};
use crate::phrase::Found;
use crate::scan::{Atom, AtomKind, WordClass};
use crate::{Approximator, Counted, Quantity, QuantityKind};
use kroniek_text::{Segmentation, Span};

/// Builds the quantities of a text from its numbers.
pub fn build(
    text: &str,
    seg: &Segmentation,
    atoms: &[Atom],
    found: &[Found],
    lex: &Lexicon,
) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut k = 0;
    // The end of the last quantity read from numbers: a number inside it (the cents of
    // "5 euro 50") is part of it, and a currency inside it is no prefix of the next number.
    let mut taken = 0;
    while let Some(f) = found.get(k) {
        k += 1;
        if f.start < taken {
            continue;
        }
        if let Some((q, used)) = range(text, f, found.get(k), lex) {
            taken = q.span.end;
            out.push(q);
            k += used;
            continue;
        }
        if let Some(q) = single(text, atoms, f, found.get(k), taken, lex) {
            taken = q.span.end;
            out.push(q);
        }
    }
    out.extend(articles(text, atoms, lex));
    out.extend(vague(text, atoms, lex, &out));
    out.sort_by_key(|q| (q.span.start, q.span.end));
    for q in &mut out {
        if matches!(
            q.kind,
            QuantityKind::Number | QuantityKind::Dimension | QuantityKind::Vague
        ) {
            q.counted = counted(text, atoms, q.span.end, lex);
        }
    }
    prices(text, seg, atoms, &mut out, lex);
    out
}

fn is_boundary(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|r| r.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

fn starts_with_ci(text: &str, at: usize, form: &str) -> Option<usize> {
    let n = form.len();
    let head = text.get(at..)?.get(..n)?;
    (same_form(head, form) && is_boundary(text, at + n)).then_some(at + n)
}

fn ends_with_ci(text: &str, at: usize, form: &str) -> Option<usize> {
    let start = at.checked_sub(form.len())?;
    let piece = text.get(start..at)?;
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() || !form.starts_with(char::is_alphanumeric));
    (same_form(piece, form) && before_ok).then_some(start)
}

/// Whether `piece` is `form`: exactly for forms of one or two characters ("m" is not "M"),
/// case-insensitively for longer ones. Allocates nothing.
fn same_form(piece: &str, form: &str) -> bool {
    if form.chars().nth(2).is_none() {
        return piece == form;
    }
    let (p, f) = (piece.as_bytes(), form.as_bytes());
    if p.first().map(u8::to_ascii_lowercase) != f.first().map(u8::to_ascii_lowercase) {
        return false;
    }
    if piece.is_ascii() && form.is_ascii() {
        return piece.eq_ignore_ascii_case(form);
    }
    piece
        .chars()
        .flat_map(char::to_lowercase)
        .eq(form.chars().flat_map(char::to_lowercase))
}

/// Skips up to two spaces (and, when `hyphen`, one hyphen) after `at`.
fn skip_gap(text: &str, at: usize, hyphen: bool) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let spaces = rest.len() - trimmed.len();
    if hyphen && spaces == 0 && trimmed.starts_with('-') {
        return at + 1;
    }
    if spaces <= 2 {
        at + spaces
    } else {
        at
    }
}

/// What follows a number: a unit, currency or percent sign.
struct Suffix {
    end: usize,
    kind: QuantityKind,
    unit: Option<String>,
    dimension: Option<String>,
    currency: Option<String>,
    factor: f64,
    /// Whether an article before it can be the number 1 ("een kilo", not "a degree").
    article: bool,
    /// A duration word ("jaar", "months"), read as an age only in an age context.
    duration: bool,
}

/// The unit, currency or percent sign after a number ending at `at`; with `ages`, also a
/// duration word, read as an age ("een leeftijd van 3 jaar").
fn suffix(text: &str, at: usize, glued: bool, ages: bool, lex: &Lexicon) -> Option<Suffix> {
    let gap = if glued { at } else { skip_gap(text, at, true) };
    let positions = [gap, at];
    let tried = if gap == at { 1 } else { 2 };
    for &p in &positions[..tried] {
        if p == at && !glued && text[at..].starts_with(char::is_alphabetic) {
            continue;
        }
        if let Some(s) = suffix_at(text, p, ages, lex) {
            return Some(s);
        }
    }
    if glued {
        return None;
    }
    // "20 (kg)", "20 [kg]": a unit in brackets.
    let close = match text[gap..].chars().next()? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    let mut s = suffix_at(text, gap + 1, ages, lex)?;
    if !text[s.end..].starts_with(close) || s.kind == QuantityKind::Percentage {
        return None;
    }
    s.end += 1;
    Some(s)
}

/// A percent sign, currency or unit starting at `p` (a duration word only with `ages`).
fn suffix_at(text: &str, p: usize, ages: bool, lex: &Lexicon) -> Option<Suffix> {
    if let Some(s) = percent(text, p) {
        return Some(s);
    }
    if let Some(c) = lex
        .currency_index
        .starting(text, p)
        .iter()
        .filter_map(|&n| lex.currencies.get(n as usize))
        .find_map(|c| form_at(text, p, c.form).map(|e| (c, e)))
    {
        return Some(money_suffix(c.0, c.1));
    }
    if let Some(s) = multiplied_code(text, p, lex) {
        return Some(s);
    }
    let (u, end) = lex
        .unit_index
        .starting(text, p)
        .iter()
        .filter_map(|&n| lex.units.get(n as usize))
        .find_map(|u| form_at(text, p, u.form).map(|e| (u, e)))?;
    if u.kind == "duration" && !ages {
        return None;
    }
    let kind = match u.kind {
        "temperature" => QuantityKind::Temperature,
        "age" | "duration" => QuantityKind::Age,
        _ => QuantityKind::Dimension,
    };
    let dimension = (kind == QuantityKind::Dimension).then(|| u.kind.to_string());
    Some(Suffix {
        end,
        kind,
        unit: Some(u.unit.to_string()),
        dimension,
        currency: None,
        factor: 1.0,
        article: u.article,
        duration: u.kind == "duration",
    })
}

/// A unit or currency form at `at` after a number, and where it ends; not when it is part of
/// a code or abbreviation: a form followed by a hyphen and a digit ("L-202"), or a one-letter
/// form followed by a slash, or by a hyphen or period and a letter ("F-Series", "C.P.I.",
/// "p.m."), or written apart from the number before a capitalised word ("PA 23456 F Block").
fn form_at(text: &str, at: usize, form: &str) -> Option<usize> {
    let end = starts_with_ci(text, at, form)?;
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    let (next, after) = (chars.next(), chars.next());
    if next == Some('-') && after.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let one_letter = form.chars().count() == 1 && form.starts_with(char::is_alphabetic);
    if one_letter {
        let joined = matches!(next, Some('-' | '.' | '\'' | '’'))
            && after.is_some_and(char::is_alphanumeric);
        let apart = text[..at].ends_with(SPACES)
            && next.is_some_and(|c| SPACES.contains(&c))
            && rest.trim_start().starts_with(char::is_uppercase);
        if joined || next == Some('/') || apart {
            return None;
        }
    }
    Some(end)
}

/// "120 MEUR", "30 MUSD": a multiplier letter glued before a currency code (from the
/// language's `currency_multiplier` list), the code written in capitals.
fn multiplied_code(text: &str, at: usize, lex: &Lexicon) -> Option<Suffix> {
    let rest = text.get(at..)?;
    lex.currency_multipliers.iter().find_map(|(letters, m)| {
        let p = at + letters.len();
        if !rest.starts_with(letters) {
            return None;
        }
        lex.currency_index
            .starting(text, p)
            .iter()
            .filter_map(|&n| lex.currencies.get(n as usize))
            .filter(|c| is_code(c.form) && c.minor_of.is_none())
            .find_map(|c| {
                let end = starts_with_ci(text, p, c.form)?;
                text[p..end]
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase())
                    .then(|| {
                        let mut s = money_suffix(c, end);
                        s.factor = *m;
                        s
                    })
            })
    })
}

/// Whether a currency form is a code of capital letters ("USD").
fn is_code(form: &str) -> bool {
    form.len() >= 3 && form.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether a currency form can stand before an amount: a sign or a code ("$", "US$", "EUR",
/// "Rs"), not a name ("dollars", "won"), which comes after it.
fn prefix_form(form: &str) -> bool {
    form.chars().any(|c| !c.is_alphabetic())
        || is_code(form)
        || form.len() <= 3 && form.starts_with(|c: char| c.is_uppercase())
}

fn percent(text: &str, at: usize) -> Option<Suffix> {
    let rest = &text[at..];
    let end = if rest.starts_with('%') {
        at + 1
    } else {
        [
            "procent",
            "percent",
            "pct",
            "per cent",
            "procentpunt",
            "procentpunten",
            "percentage points",
        ]
        .iter()
        .find_map(|w| starts_with_ci(text, at, w))?
    };
    Some(Suffix {
        end,
        kind: QuantityKind::Percentage,
        unit: None,
        dimension: None,
        currency: None,
        factor: 1.0,
        article: false,
        duration: false,
    })
}

fn money_suffix(c: &crate::lexicon::CurrencyForm, end: usize) -> Suffix {
    let (unit, currency) = match c.minor_of {
        Some(major) => (Some(c.code.to_string()), Some(major.to_string())),
        None => (None, Some(c.code.to_string())),
    };
    Suffix {
        end,
        kind: QuantityKind::Money,
        unit,
        dimension: None,
        currency,
        factor: 1.0,
        article: true,
        duration: false,
    }
}

/// A currency sign or code right before `at` ("$70", "€ 1,5 miljoen", "EUR 500").
fn currency_prefix(text: &str, at: usize, lex: &Lexicon) -> Option<(usize, Suffix)> {
    let head = text[..at].trim_end_matches([' ', '\u{a0}']);
    if at - head.len() > 1 {
        return None;
    }
    let forms = || {
        lex.currency_index
            .ending(text, head.len())
            .iter()
            .filter_map(|&n| lex.currencies.get(n as usize))
            .filter(|c| c.minor_of.is_none() && prefix_form(c.form))
    };
    forms()
        .find_map(|c| {
            let start = ends_with_ci(text, head.len(), c.form)?;
            Some((start, money_suffix(c, at)))
        })
        .or_else(|| {
            // "MAUD 60": a multiplier letter before a code in capitals.
            let word = head
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .filter(|w| {
                    w.len() >= 4
                        && w.chars().skip(1).all(|c| c.is_ascii_uppercase())
                        && lex
                            .currency_multipliers
                            .iter()
                            .any(|(l, _)| w.starts_with(l))
                })?;
            let codes = lex.currencies.iter().filter(|c| c.minor_of.is_none());
            codes.filter(|c| is_code(c.form)).find_map(|c| {
                if !word.ends_with(c.form) {
                    return None;
                }
                let code_start = head.len() - c.form.len();
                lex.currency_multipliers.iter().find_map(|(letters, m)| {
                    let start = code_start.checked_sub(letters.len())?;
                    let boundary = text[..start]
                        .chars()
                        .next_back()
                        .is_none_or(|ch| !ch.is_alphanumeric());
                    (text.get(start..code_start)? == *letters && boundary).then(|| {
                        let mut s = money_suffix(c, at);
                        s.factor = *m;
                        (start, s)
                    })
                })
            })
        })
}

/// Whether an age phrase ("een leeftijd van", "younger than") ends right before `start`.
fn age_phrase_before(text: &str, start: usize, lex: &Lexicon) -> bool {
    let head = text[..start].trim_end();
    if start - head.len() > 2 || head.len() == start {
        return false;
    }
    lex.age_before.iter().any(|phrase| {
        ends_with_ci(text, head.len(), phrase).is_some_and(|s| {
            text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// "ik ben (pas) 29 jaar": whether a subject pronoun and a copula (and perhaps one adverb) come
/// right before the number at byte `start`, so that a duration after it that ends the clause is
/// the subject's age.
fn person_is_before(text: &str, atoms: &[Atom], start: usize, lex: &Lexicon) -> bool {
    if lex.age_verbs.is_empty() {
        return false;
    }
    let i = atoms.partition_point(|a| a.start < start);
    let word = |k: usize| {
        let a = atoms.get(k).filter(|a| a.is_word())?;
        Some(&text[a.start..a.end])
    };
    let is_in = |list: &[&str], w: Option<&str>| {
        w.is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
    };
    let Some(mut k) = i.checked_sub(1) else {
        return false;
    };
    if is_in(&lex.age_adverbs, word(k)) {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    let Some(subject) = k.checked_sub(1) else {
        return false;
    };
    is_in(&lex.age_verbs, word(k)) && is_in(&lex.age_subjects, word(subject))
}

/// "toen de baby pas tien maanden was": whether a copula that ends the clause follows the
/// duration ending at `end` (Dutch puts the verb of a subordinate clause last).
fn verb_after_duration(text: &str, atoms: &[Atom], end: usize, lex: &Lexicon) -> bool {
    let k = atoms.partition_point(|a| a.start < end);
    let Some(verb) = atoms.get(k).filter(|a| a.is_word()) else {
        return false;
    };
    let word = &text[verb.start..verb.end];
    let is_verb = lex.age_verbs.iter().any(|v| v.eq_ignore_ascii_case(word));
    let gap_ok = text[end..verb.start].chars().all(char::is_whitespace);
    let next = text[verb.end..].trim_start().chars().next();
    let ends = matches!(next, None | Some('.' | ',' | '!' | '?' | ';'));
    is_verb && gap_ok && ends
}

/// "5 feet 2 inches", "12 ft 2 in": the smaller unit of a compound measure after the larger one
/// (pairs from the language's `compound_unit` list): the end and the value to add, in the
/// larger unit.
fn compound_measure(
    text: &str,
    at: usize,
    unit: &str,
    next: Option<&Found>,
    lex: &Lexicon,
) -> Option<(usize, f64)> {
    let n = next?;
    if n.ordinal || n.glued || n.value < 0.0 {
        return None;
    }
    if !joined_by_and(text.get(at..n.start)?, lex) {
        return None;
    }
    lex.compound_units
        .iter()
        .filter(|c| c.major == unit)
        .find_map(|c| {
            if n.value >= c.per_major {
                return None;
            }
            let end = match suffix(text, n.end, false, false, lex) {
                Some(s) if s.unit.as_deref() == Some(c.minor) => s.end,
                _ => {
                    let p = skip_gap(text, n.end, false);
                    c.forms.iter().find_map(|form| form_at(text, p, form))?
                }
            };
            Some((end, n.value / c.per_major))
        })
}

/// Whether the number at `start` is part of a code: letters right before it ("scp173",
/// "A4"), or a word with letters and a hyphen ("SCP-173", "scp2-173").
fn code_before(text: &str, start: usize) -> bool {
    let head = &text[..start];
    match head.chars().next_back() {
        Some(c) if c.is_alphabetic() => true,
        Some('-') => {
            let before = &head[..head.len() - 1];
            let word_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(0, |(i, c)| i + c.len_utf8());
            before[word_start..].chars().any(char::is_alphabetic)
        }
        _ => false,
    }
}

/// Whether a word near a bare degree ("45 graden", "90°") makes it an angle: one of the
/// language's angle words among the four words before it or the two after it.
fn angle_near(text: &str, atoms: &[Atom], start: usize, end: usize, lex: &Lexicon) -> bool {
    let first = atoms.partition_point(|a| a.start < start);
    let after = atoms.partition_point(|a| a.start < end);
    let before = atoms[first.saturating_sub(4)..first].iter();
    let following = atoms.iter().skip(after).take(2);
    before.chain(following).any(|a| {
        a.is_word()
            && lex
                .angle_words
                .iter()
                .any(|w| text[a.start..a.end].eq_ignore_ascii_case(w))
    })
}

/// An approximator right before `at`.
fn approximator(text: &str, at: usize, lex: &Lexicon) -> Option<(usize, Approximator)> {
    let head = text[..at].trim_end();
    if at - head.len() > 2 || head.len() == at {
        return None;
    }
    let candidates = lex.approximator_index.ending(text, head.len()).iter();
    let mut forms = candidates.filter_map(|&n| lex.approximators.get(n as usize));
    forms.find_map(|(form, kind)| {
        let start = ends_with_ci(text, head.len(), form)?;
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        word_start.then_some((start, *kind))
    })
}

fn bounds(value: f64, approx: Option<Approximator>) -> (Option<f64>, Option<f64>) {
    match approx {
        Some(Approximator::AtLeast | Approximator::MoreThan) => (Some(value), None),
        Some(
            Approximator::LessThan
            | Approximator::AtMost
            | Approximator::Nearly
            | Approximator::UpTo,
        ) => (None, Some(value)),
        _ => (None, None),
    }
}

fn empty(span: Span, kind: QuantityKind) -> Quantity {
    Quantity {
        span,
        kind,
        value: None,
        lower: None,
        upper: None,
        approximate: None,
        unit: None,
        dimension: None,
        currency: None,
        counted: None,
        priced: None,
    }
}

/// One number read as a quantity; `next` is the number after it, `taken` the end of the
/// quantity before it.
fn single(
    text: &str,
    atoms: &[Atom],
    f: &Found,
    next: Option<&Found>,
    taken: usize,
    lex: &Lexicon,
) -> Option<Quantity> {
    if f.ordinal {
        let mut q = empty(Span::new(f.start, f.end), QuantityKind::Ordinal);
        q.value = Some(f.value);
        return Some(q);
    }
    let mut start = f.start;
    let mut end = f.end;
    let mut value = f.value;
    let mut kind = QuantityKind::Number;
    let mut q = empty(Span::new(start, end), kind);
    if code_before(text, f.start) {
        // "USD115": a currency code glued before the number is its currency; any other
        // letters make the number part of a code ("scp-173m", "A4"), with no unit.
        let glued_right = text[f.end..].starts_with(char::is_alphanumeric);
        let code = currency_prefix(text, f.start, lex).filter(|(s, _)| *s >= taken && !glued_right);
        let Some((s, suf)) = code else {
            return (!f.glued).then(|| {
                let mut q = empty(Span::new(f.start, f.end), QuantityKind::Number);
                q.value = Some(f.value);
                q
            });
        };
        let mut q = empty(Span::new(s, f.end), QuantityKind::Money);
        q.value = Some(f.value * suf.factor);
        q.currency = suf.currency;
        return Some(q);
    }
    let mut after = suffix(text, f.end, f.glued, true, lex);
    if let Some(s) = after.as_ref().filter(|s| s.duration) {
        // A duration word is an age only after an age phrase ("een leeftijd van 3 jaar"),
        // before a clause-final copula ("toen de baby tien maanden was"), or after a subject
        // and copula when it ends the sentence ("Ik ben pas 29 jaar."; not "hij is 5 jaar
        // bezig" or "ik ben 2 jaar, 1 maand en 21 dagen geleden vertrokken").
        let sentence_end = || {
            let next = text[s.end..].trim_start().chars().next();
            matches!(
                next,
                None | Some('.' | '!' | '?' | ';' | '"' | '”' | '’' | '\'' | ')')
            )
        };
        let age = age_phrase_before(text, f.start, lex)
            || verb_after_duration(text, atoms, s.end, lex)
            || sentence_end() && person_is_before(text, atoms, f.start, lex);
        if !age {
            after = None;
        }
    }
    if after
        .as_ref()
        .is_some_and(|a| symbol_of_next(text, f, a, next, lex))
    {
        after = None;
    }
    if f.glued && after.is_none() {
        return None;
    }
    let before = if after.is_none() {
        currency_prefix(text, f.start, lex).filter(|(s, _)| *s >= taken)
    } else {
        None
    };
    if let Some((s, suf)) = before.or_else(|| after.map(|a| (start, a))) {
        start = s;
        end = end.max(suf.end);
        kind = suf.kind;
        value *= suf.factor;
        q.unit = suf.unit;
        q.dimension = suf.dimension;
        q.currency = suf.currency;
        if kind == QuantityKind::Dimension {
            if let Some((e, add)) = q
                .unit
                .as_deref()
                .and_then(|u| compound_measure(text, end, u, next, lex))
            {
                end = e;
                value += add;
            }
        }
        // Cents follow a major currency only ("64.2 cents a dozen" has none).
        if kind == QuantityKind::Money && q.unit.is_none() {
            if let Some((e, m)) = multiplier_after(text, end, next, lex) {
                end = e;
                value *= m;
            } else if let Some((e, cents)) = cents(text, end, next, lex) {
                end = e;
                value += cents / 100.0;
            }
        }
    }
    if let Some((s, approx)) = approximator(text, start, lex) {
        start = s;
        q.approximate = Some(approx);
        (q.lower, q.upper) = bounds(value, Some(approx));
    }
    if kind == QuantityKind::Temperature
        && q.unit.as_deref() == Some("degree")
        && angle_near(text, atoms, start, end, lex)
    {
        kind = QuantityKind::Dimension;
        q.dimension = Some("angle".to_string());
    }
    q.span = Span::new(start, end);
    q.kind = kind;
    q.value = Some(value);
    Some(q)
}

/// Whether only spaces (at most two) lie between `from` and `to`.
fn spaces_only(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|gap| gap.len() <= 2 && gap.chars().all(|c| SPACES.contains(&c)))
}

const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The role of a number written as one number word ("million"), if it is one.
fn number_word_role(text: &str, f: &Found, lex: &Lexicon) -> Option<Role> {
    let word = text.get(f.start..f.end)?;
    lex.role(&word.to_lowercase())
}

/// "75 USD million": a multiplier word right after the currency of an amount.
fn multiplier_after(
    text: &str,
    at: usize,
    next: Option<&Found>,
    lex: &Lexicon,
) -> Option<(usize, f64)> {
    let n = next?;
    if !spaces_only(text, at, n.start) || !is_boundary(text, n.end) {
        return None;
    }
    match number_word_role(text, n, lex)? {
        Role::Mult(m) if m >= 1e6 => Some((n.end, m)),
        _ => None,
    }
}

/// "$ 20,000.00 $ 37,305.97": a currency sign after a number that is the prefix of the next
/// number (which has no unit of its own) belongs to that number.
fn symbol_of_next(text: &str, f: &Found, a: &Suffix, next: Option<&Found>, lex: &Lexicon) -> bool {
    let sign = text
        .get(f.end..a.end)
        .is_some_and(|s| s.trim_start().starts_with(|c: char| !c.is_alphanumeric()));
    a.kind == QuantityKind::Money
        && sign
        && next.is_some_and(|n| {
            !n.glued
                && spaces_only(text, a.end, n.start)
                && suffix(text, n.end, false, false, lex).is_none()
        })
}

/// Whether the `gap` between two parts of one amount or measure joins them: a space or two, or
/// "en"/"and" between spaces ("5 feet 2", "vijf euro en vijftig").
fn joined_by_and(gap: &str, lex: &Lexicon) -> bool {
    gap.chars().all(|c| SPACES.contains(&c)) && gap.len() <= 2
        || gap.starts_with(SPACES)
            && gap.ends_with(SPACES)
            && lex.role(&gap.trim().to_lowercase()) == Some(Role::And)
}

/// "5 euro 50", "3 euro en 50 cent", "thirteen dollars and forty-five cents": the cents after
/// an amount: the next number, a whole number below 100, after at most the word "en"/"and", and
/// followed by a cent word or by the end of the clause.
fn cents(text: &str, at: usize, next: Option<&Found>, lex: &Lexicon) -> Option<(usize, f64)> {
    let n = next?;
    if n.ordinal || n.glued || n.value.fract() != 0.0 || !(1.0..100.0).contains(&n.value) {
        return None;
    }
    if !joined_by_and(text.get(at..n.start)?, lex) {
        return None;
    }
    let q = skip_gap(text, n.end, false);
    let cent = lex
        .currency_index
        .starting(text, q)
        .iter()
        .filter_map(|&i| lex.currencies.get(i as usize))
        .filter(|c| c.minor_of.is_some())
        .find_map(|c| starts_with_ci(text, q, c.form));
    let own_currency = || {
        let candidates = lex.currency_index.starting(text, q).iter();
        let mut forms = candidates.filter_map(|&i| lex.currencies.get(i as usize));
        forms.any(|c| starts_with_ci(text, q, c.form).is_some())
    };
    match cent {
        Some(e) => Some((e, n.value)),
        None if own_currency() => None,
        None if is_boundary(text, n.end)
            && !text[n.end..]
                .trim_start()
                .starts_with(char::is_alphanumeric) =>
        {
            Some((n.end, n.value))
        }
        None => None,
    }
}

/// "10 tot 20", "10-20", "tussen 5 en 10", "between 5 and 10", "van 10 tot 20".
fn range(text: &str, a: &Found, b: Option<&Found>, lex: &Lexicon) -> Option<(Quantity, usize)> {
    let b = b?;
    if a.ordinal || b.ordinal || a.glued || b.value <= a.value {
        return None;
    }
    let gap = text.get(a.end..b.start)?.trim();
    let mut inclusive = false;
    let mut start = a.start;
    let opener = lex
        .ranges
        .iter()
        .filter(|(r, _)| matches!(*r, "between" | "from"))
        .find_map(|(role, form)| {
            let head = text[..a.start].trim_end();
            let s = ends_with_ci(text, head.len(), form)?;
            let word_start = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            word_start.then_some((*role, s))
        });
    let joined = lex.ranges.iter().find(|(role, form)| {
        let fits = match opener.map(|o| o.0) {
            Some("between") => *role == "and",
            _ => matches!(*role, "to" | "to_inclusive"),
        };
        fits && gap.eq_ignore_ascii_case(form)
    })?;
    if joined.0 == "to_inclusive" {
        inclusive = true;
    }
    if joined.0 == "and" || opener.is_some() {
        if let Some((_, s)) = opener {
            start = s;
        }
    } else if joined.1 == "-" && a.value < 0.0 {
        return None;
    }
    let _ = inclusive;
    let mut q = empty(Span::new(start, b.end), QuantityKind::Range);
    let mut end = b.end;
    if let Some(suf) = suffix(text, b.end, b.glued, false, lex) {
        end = suf.end;
        q.unit = suf.unit;
        q.dimension = suf.dimension;
        q.currency = suf.currency;
    } else if let Some((s, suf)) = currency_prefix(text, a.start, lex) {
        start = start.min(s);
        q.currency = suf.currency;
    }
    if let Some((s, approx)) = approximator(text, start, lex) {
        start = s;
        q.approximate = Some(approx);
    }
    q.span = Span::new(start, end);
    q.lower = Some(a.value);
    q.upper = Some(b.value);
    Some((q, 1))
}

/// "een kilo", "een cent", "a mile": the article as the number 1 before a unit or currency.
fn articles(text: &str, atoms: &[Atom], lex: &Lexicon) -> Vec<Quantity> {
    let mut out = Vec::new();
    for atom in atoms {
        if !matches!(atom.kind, AtomKind::Word(WordClass::Number(Role::Article))) {
            continue;
        }
        let Some(suf) = suffix(text, atom.end, false, false, lex) else {
            continue;
        };
        if suf.kind == QuantityKind::Percentage || suf.end == atom.end || !suf.article {
            continue;
        }
        let word = text[atom.end..suf.end].trim();
        if word.chars().count() <= 2 || word.starts_with(|c: char| !c.is_alphabetic()) {
            continue;
        }
        // "a US $ 150 million": the unit is the next number's, not the article's.
        let next = atoms.get(atoms.partition_point(|a| a.start < suf.end));
        let number_next = next.is_some_and(|a| {
            matches!(
                a.kind,
                AtomKind::Digits
                    | AtomKind::Vulgar(_)
                    | AtomKind::Word(WordClass::Compound(_))
                    | AtomKind::Word(WordClass::Number(
                        Role::Small(_) | Role::Mult(_) | Role::Fraction(_)
                    ))
            )
        });
        if number_next {
            continue;
        }
        let mut q = empty(Span::new(atom.start, suf.end), suf.kind);
        q.value = Some(1.0);
        q.unit = suf.unit;
        q.dimension = suf.dimension;
        q.currency = suf.currency;
        if let Some((s, approx)) = approximator(text, atom.start, lex) {
            q.span.start = s;
            q.approximate = Some(approx);
        }
        out.push(q);
    }
    out
}

/// "tienduizenden", "duizenden", "tens of thousands": vague magnitudes with bounds.
fn vague(text: &str, atoms: &[Atom], lex: &Lexicon, taken: &[Quantity]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Whether a taken span contains a word, in logarithmic time: the spans by start, and for
    // each the furthest end among it and those before it.
    let mut spans: Vec<Span> = taken.iter().map(|q| q.span).collect();
    spans.sort_by_key(|s| s.start);
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |far, s| {
            *far = (*far).max(s.end);
            Some(*far)
        })
        .collect();
    let inside_taken = |here: Span| {
        let n = spans.partition_point(|s| s.start <= here.start);
        n > 0 && reach[n - 1] >= here.end
    };
    // The vague amounts found so far start in text order, so the furthest end tells.
    let mut out_reach = 0;
    for atom in atoms.iter().filter(|a| a.vague) {
        let candidates = lex.vague_index.starting(text, atom.start).iter();
        let mut forms = candidates.filter_map(|&n| lex.vague.get(n as usize));
        let Some((end, lower, upper)) = forms.find_map(|(form, lo, up)| {
            starts_with_ci(text, atom.start, form).map(|e| (e, *lo, *up))
        }) else {
            continue;
        };
        let here = Span::new(atom.start, atom.end);
        if inside_taken(here) || out_reach >= here.end {
            continue;
        }
        out_reach = out_reach.max(end);
        let mut q = empty(Span::new(atom.start, end), QuantityKind::Vague);
        q.lower = Some(lower);
        q.upper = Some(upper);
        if let Some((s, approx)) = approximator(text, atom.start, lex) {
            q.span.start = s;
            q.approximate = Some(approx);
        }
        out.push(q);
    }
    out
}

/// The noun phrase after a quantity ("mensen", "suiker", "displaced people").
fn counted(text: &str, atoms: &[Atom], end: usize, lex: &Lexicon) -> Option<Counted> {
    let mut i = atoms.partition_point(|a| a.start < end);
    let word = |a: &Atom| text[a.start..a.end].to_lowercase();
    if atoms
        .get(i)
        .is_some_and(|a| matches!(word(a).as_str(), "of" | "van"))
    {
        i += 1;
    }
    let mut first = None;
    let mut last = None;
    for atom in atoms.iter().skip(i).take(3) {
        let w = word(atom);
        let plain = matches!(atom.kind, AtomKind::Word(WordClass::Plain));
        if !plain || lex.counted_stop.contains(&w.as_str()) {
            break;
        }
        first.get_or_insert(atom.start);
        last = Some(atom.end);
        if !adjective_like(&w) {
            break;
        }
    }
    let (s, e) = (first?, last?);
    Some(Counted {
        span: Span::new(s, e),
        text: text[s..e].to_string(),
    })
}

/// A word that may be an adjective before the head noun (Dutch "-e", English "-ed", "-al"...).
fn adjective_like(word: &str) -> bool {
    [
        "ige", "ische", "ed", "al", "ian", "ese", "ish", "ive", "ous", "ful",
    ]
    .iter()
    .any(|s| word.ends_with(s))
        || (word.ends_with('e') && word.len() > 4 && !word.ends_with("ie"))
}

/// Marks the goods a price is for: "een kilo suiker … zo’n 70 dollar kost", "70 dollar per kilo".
fn prices(
    text: &str,
    seg: &Segmentation,
    atoms: &[Atom],
    quantities: &mut [Quantity],
    lex: &Lexicon,
) {
    for k in 0..quantities.len() {
        if quantities[k].kind != QuantityKind::Money {
            continue;
        }
        let span = quantities[k].span;
        let after = atoms.partition_point(|a| a.start < span.end);
        let before = atoms.partition_point(|a| a.start < span.start);
        let word = |i: usize| atoms.get(i).map(|a| text[a.start..a.end].to_lowercase());
        if let Some(w) = word(after).filter(|w| lex.per.contains(&w.as_str())) {
            let _ = w;
            if let Some(c) = per_goods(text, atoms, after + 1, lex) {
                quantities[k].priced = Some(c);
                continue;
            }
        }
        let verb_after = (after..after + 3)
            .any(|i| word(i).is_some_and(|w| lex.price_verbs.contains(&w.as_str())));
        let verb_before = (before.saturating_sub(3)..before)
            .any(|i| word(i).is_some_and(|w| lex.price_verbs.contains(&w.as_str())));
        if !(verb_after || verb_before) {
            continue;
        }
        let sentence = seg.sentence_at(span.start);
        let goods = quantities[..k].iter().rev().find(|q| {
            q.counted.is_some()
                && q.kind != QuantityKind::Money
                && seg.sentence_at(q.span.start) == sentence
        });
        if let Some(g) = goods {
            let end = g.counted.as_ref().map_or(g.span.end, |c| c.span.end);
            let priced = Counted {
                span: Span::new(g.span.start, end),
                text: text[g.span.start..end].to_string(),
            };
            quantities[k].priced = Some(priced);
        }
    }
}

/// The goods after "per": a unit or a noun ("per kilo", "per vat").
fn per_goods(text: &str, atoms: &[Atom], i: usize, lex: &Lexicon) -> Option<Counted> {
    let atom = atoms.get(i)?;
    let w = text[atom.start..atom.end].to_lowercase();
    if !atom.is_word() || lex.counted_stop.contains(&w.as_str()) {
        return None;
    }
    Some(Counted {
        span: Span::new(atom.start, atom.end),
        text: text[atom.start..atom.end].to_string(),
    })
}
