//! Quotation marks: which characters open or close a quotation, and which pairs belong together.
//!
//! Works on characters, not tokens, so apostrophes inside words (zo’n, videocamera’s) and at the
//! start of elisions (’s avonds, ’80) are told apart from closing marks by their neighbours.

use kroniek_text::Span;

/// Double marks („ “ ” " ,, '' « ») or single ones (‘ ’ ' ‹ ›).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// A double mark.
    Double,
    /// A single mark.
    Single,
}

/// What a mark can do, judged from the character and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Closes an open quotation of its weight, else opens one (the straight ").
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    weight: Weight,
    role: Role,
}

/// A matched pair of quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The opening mark.
    pub open: Span,
    /// The closing mark (for a quotation continued into the next paragraph, the end of the
    /// paragraph).
    pub close: Span,
    /// Double or single marks.
    pub weight: Weight,
    /// Index of the pair this one is nested in.
    pub parent: Option<usize>,
}

impl Pair {
    /// The text between the marks, without surrounding whitespace.
    pub fn content(&self, text: &str) -> Span {
        let inner = &text[self.open.end..self.close.start];
        let start = self.open.end + (inner.len() - inner.trim_start().len());
        let end = self.open.end + inner.trim_end().len();
        Span::new(start, end.max(start))
    }
}

/// Finds the matched quotation-mark pairs of `text`, in order of their opening marks.
///
/// `paragraphs` bound every quotation: one still open at the end of a paragraph is closed
/// there when the next paragraph opens with a mark of the same weight (the convention for
/// speech continued over paragraphs), and dropped otherwise.
pub fn find_pairs(text: &str, paragraphs: &[Span]) -> Vec<Pair> {
    let marks = scan(text);
    let mut pairs = Vec::new();
    let mut next_mark = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let first = next_mark;
        while next_mark < marks.len() && marks[next_mark].span.start < paragraph.end {
            next_mark += 1;
        }
        let inside: Vec<Mark> = marks[first..next_mark]
            .iter()
            .copied()
            .filter(|m| m.span.start >= paragraph.start)
            .collect();
        let next_opens = |weight| {
            paragraphs.get(index + 1).is_some_and(|next| {
                marks[next_mark..]
                    .iter()
                    .take_while(|m| m.span.start < next.end)
                    .next()
                    .is_some_and(|m| {
                        m.span.start == next.start && m.weight == weight && m.role != Role::Close
                    })
            })
        };
        pair_paragraph(&inside, paragraph.end, next_opens, &mut pairs);
    }
    pairs.sort_by_key(|p| p.open.start);
    relink_parents(&mut pairs);
    pairs
}

/// Matches the marks of one paragraph with a stack.
fn pair_paragraph(
    marks: &[Mark],
    paragraph_end: usize,
    next_opens: impl Fn(Weight) -> bool,
    pairs: &mut Vec<Pair>,
) {
    let mut stack: Vec<Mark> = Vec::new();
    for mark in marks {
        let open_at = stack.iter().rposition(|m| m.weight == mark.weight);
        match (mark.role, open_at) {
            (Role::Close | Role::Either, Some(at)) => {
                let open = stack[at];
                stack.truncate(at);
                pairs.push(Pair {
                    open: open.span,
                    close: mark.span,
                    weight: mark.weight,
                    parent: None,
                });
            }
            (Role::Open, Some(at)) if mark.weight == Weight::Double => {
                // A new double opening while one is open: the earlier one was never closed.
                stack.truncate(at);
                stack.push(*mark);
            }
            (Role::Open | Role::Either, _) => stack.push(*mark),
            (Role::Close, None) => {}
        }
    }
    if let Some(open) = stack.first().filter(|m| next_opens(m.weight)) {
        let end = Span::new(paragraph_end, paragraph_end);
        pairs.push(Pair {
            open: open.span,
            close: end,
            weight: open.weight,
            parent: None,
        });
    }
}

/// Sets each pair's parent: the nearest earlier pair (sorted by opening) that encloses it.
/// Pairs that closed before a pair opens can enclose neither it nor any later one, so only
/// the pairs still open are searched.
fn relink_parents(pairs: &mut [Pair]) {
    let mut open_pairs: Vec<usize> = Vec::new();
    for i in 0..pairs.len() {
        let (open, close) = (pairs[i].open, pairs[i].close);
        while open_pairs
            .last()
            .is_some_and(|&j| pairs[j].close.start < open.start)
        {
            open_pairs.pop();
        }
        pairs[i].parent = open_pairs
            .iter()
            .rev()
            .copied()
            .find(|&j| pairs[j].open.end <= open.start && close.end <= pairs[j].close.start);
        open_pairs.push(i);
    }
}

/// Every character that can be a quotation mark, with its weight and role.
fn scan(text: &str) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, ch) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|c| c.1);
        let after_next = chars.get(i + 2).map(|c| c.1);
        let doubled = next == Some(ch);
        let found = match ch {
            ',' if doubled
                && after_next.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit())
                && prev.is_none_or(|p| !p.is_alphanumeric()) =>
            {
                Some((2, Weight::Double, Role::Open))
            }
            '\'' | '’' if doubled => Some((2, Weight::Double, Role::Close)),
            '„' | '«' => Some((1, Weight::Double, Role::Open)),
            '»' => Some((1, Weight::Double, Role::Close)),
            '‹' => Some((1, Weight::Single, Role::Open)),
            '›' => Some((1, Weight::Single, Role::Close)),
            '“' => Some((1, Weight::Double, Role::Either)),
            '”' => Some((
                1,
                Weight::Double,
                if opens(prev, next) {
                    Role::Either
                } else {
                    Role::Close
                },
            )),
            '"' => Some((1, Weight::Double, straight_role(prev, next))),
            '‘' => {
                (!is_apostrophe(prev, next, after_next)).then_some((1, Weight::Single, Role::Open))
            }
            '\'' | '’' => {
                single_role(prev, next, after_next).map(|role| (1, Weight::Single, role))
            }
            _ => None,
        };
        if let Some((count, weight, role)) = found {
            let end = chars.get(i + count).map_or(text.len(), |c| c.0);
            marks.push(Mark {
                span: Span::new(at, end),
                weight,
                role,
            });
            i += count;
        } else {
            i += 1;
        }
    }
    marks
}

/// A mark with space (or nothing) before and a word after it opens a quotation.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
        && next.is_some_and(|n| !n.is_whitespace())
}

/// A mark with a word before and space or punctuation after it closes a quotation.
fn closes(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n))
}

/// The role of a straight double quote, from its neighbours.
fn straight_role(prev: Option<char>, next: Option<char>) -> Role {
    match (opens(prev, next), closes(prev, next)) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// The role of a ’ or ', or `None` when it is an apostrophe.
fn single_role(prev: Option<char>, next: Option<char>, after_next: Option<char>) -> Option<Role> {
    if is_apostrophe(prev, next, after_next) {
        return None;
    }
    match (opens(prev, next), closes(prev, next)) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        _ => None,
    }
}

/// Whether a single mark is an apostrophe: inside a word (zo’n, don’t, videocamera’s) or
/// starting an elision (’s avonds, ’t, ’80, ’n).
fn is_apostrophe(prev: Option<char>, next: Option<char>, after_next: Option<char>) -> bool {
    let letter_before = prev.is_some_and(char::is_alphanumeric);
    let letter_after = next.is_some_and(char::is_alphanumeric);
    if letter_before && letter_after {
        return true;
    }
    let word_start = prev.is_none_or(|p| p.is_whitespace() || "([".contains(p));
    let elision = matches!(next, Some('s' | 't' | 'n' | 'k' | 'r'))
        && after_next.is_none_or(|c| !c.is_alphanumeric());
    let decade =
        next.is_some_and(|c| c.is_ascii_digit()) && after_next.is_some_and(|c| c.is_ascii_digit());
    word_start && (elision || decade)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        let paragraphs = [Span::new(0, text.len())];
        find_pairs(text, &paragraphs)
            .iter()
            .map(|p| p.content(text).of(text))
            .collect()
    }

    #[test]
    fn curly_double_quotes_with_apostrophes_inside() {
        let text = "“Ik ving op dat een kilo suiker nu zo’n 70 dollar kost.” En videocamera’s.";
        assert_eq!(
            contents(text),
            vec!["Ik ving op dat een kilo suiker nu zo’n 70 dollar kost."]
        );
    }

    #[test]
    fn nested_single_quote_inside_double() {
        let text = "“Toen schreeuwden ze boos ‘Allah Akbar’ naar mij.”";
        let pairs = find_pairs(text, &[Span::new(0, text.len())]);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[1].content(text).of(text), "Allah Akbar");
        assert_eq!(pairs[1].parent, Some(0));
    }

    #[test]
    fn dutch_low_commas_and_two_apostrophes() {
        assert_eq!(
            contents(",,Ja, dat klopt'', zegt hij. ,,Zeker.\""),
            vec!["Ja, dat klopt", "Zeker."]
        );
    }

    #[test]
    fn straight_quotes_and_elisions() {
        let text = "\"Het was 's avonds laat\", zei ze, \"en ik was moe.\"";
        assert_eq!(
            contents(text),
            vec!["Het was 's avonds laat", "en ik was moe."]
        );
    }

    #[test]
    fn guillemets_and_low_nine() {
        assert_eq!(
            contents("«Bonjour tout le monde» en „Goedemorgen allemaal”."),
            vec!["Bonjour tout le monde", "Goedemorgen allemaal"]
        );
    }

    #[test]
    fn quote_continued_over_paragraphs() {
        let text = "“Eerste alinea.\n\n“Tweede alinea.”";
        let first_end = text.find("\n\n").unwrap();
        let paragraphs = [
            Span::new(0, first_end),
            Span::new(first_end + 2, text.len()),
        ];
        let pairs = find_pairs(text, &paragraphs);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].content(text).of(text), "Eerste alinea.");
    }

    #[test]
    fn unclosed_quote_is_dropped() {
        assert!(contents("Hij zei “dat het klopt en ging weg.").is_empty());
    }
}
