//! Paragraphs: blocks of text between blank lines.

use super::Paragraph;
use crate::Span;

/// One line of the text, trimmed of surrounding whitespace (empty when the line is blank).
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.span.is_empty()
    }
}

/// Splits `text` into paragraphs.
///
/// Blank lines separate paragraphs. A text without any blank line between its lines (many
/// feeds and pasted texts) has one paragraph per line, except where a line break falls inside a
/// sentence: a line that does not end in punctuation followed by one that starts in lower case
/// is joined to it, so hard-wrapped prose stays whole.
pub(super) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let blank_inside = has_blank_line_inside(&lines);
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut previous_blank = false;
    for line in &lines {
        if line.is_blank() {
            previous_blank = true;
            continue;
        }
        let starts_new = match current {
            None => true,
            Some(_) if blank_inside => previous_blank,
            Some(open) => !continues_sentence(text, open, line.span),
        };
        if starts_new {
            if let Some(done) = current.take() {
                out.push(Paragraph { span: done });
            }
            current = Some(line.span);
        } else if let Some(open) = current.as_mut() {
            open.end = line.span.end;
        }
        previous_blank = false;
    }
    if let Some(done) = current {
        out.push(Paragraph { span: done });
    }
    out
}

/// The lines of `text`, each trimmed; `\n`, `\r\n`, `\r` and the Unicode line and paragraph
/// separators end a line (a paragraph separator also counts as a blank line).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        let ends_line = matches!(
            ch,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}'
        );
        if !ends_line {
            continue;
        }
        if ch == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
        }
        out.push(trimmed(text, start, at));
        if ch == '\u{2029}' {
            out.push(Line {
                span: Span::new(at, at),
            });
        }
        start = chars.peek().map_or(text.len(), |&(next_at, _)| next_at);
    }
    out.push(trimmed(text, start, text.len()));
    out
}

/// The line `start..end` without its leading and trailing whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let body = raw.trim();
    let from = start + lead;
    Line {
        span: Span::new(from, from + body.len()),
    }
}

/// Whether a blank line stands between two lines with text.
fn has_blank_line_inside(lines: &[Line]) -> bool {
    let first = lines.iter().position(|l| !l.is_blank());
    let last = lines.iter().rposition(|l| !l.is_blank());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..last].iter().any(Line::is_blank),
        _ => false,
    }
}

/// Whether the line `next` continues the sentence that `open` ends in (a hard-wrapped line).
fn continues_sentence(text: &str, open: Span, next: Span) -> bool {
    let ends_open = open
        .of(text)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | ';'));
    let starts_lower = next
        .of(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    ends_open && starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|p| p.span.of(text)).collect()
    }

    #[test]
    fn blank_lines_separate() {
        let text = "  Kop\n\nEerste regel.\nTweede regel.\n \n\nLaatste.\n";
        assert_eq!(
            texts(text),
            vec!["Kop", "Eerste regel.\nTweede regel.", "Laatste."]
        );
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let text = "Kop\nEerste zin.\r\nTweede zin die\ndoorloopt.\n";
        assert_eq!(
            texts(text),
            vec!["Kop", "Eerste zin.", "Tweede zin die\ndoorloopt."]
        );
    }

    #[test]
    fn empty_and_blank_texts_have_none() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\n\t").is_empty());
    }

    #[test]
    fn paragraph_separator_counts_as_blank_line() {
        let text = "Een.\u{2029}Twee.\nDrie.";
        assert_eq!(texts(text), vec!["Een.", "Twee.\nDrie."]);
    }
}
