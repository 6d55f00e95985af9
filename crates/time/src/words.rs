//! The token view the time grammar reads: lower-cased words, numeric chunks ("3/14/2019",
//! "10:30pm", "13:00-15:00" glued back together from the segmenter's tokens) and punctuation.

use kroniek_text::{Segmentation, Span, TokenKind};
use std::borrow::Cow;

/// What a [`W`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WKind {
    Word,
    Num,
    Punct,
}

/// One item of the token view.
#[derive(Debug, Clone)]
pub(crate) struct W<'a> {
    /// Lower-cased text (borrowed from the text when it is lower case already); for numeric
    /// chunks the text as written, lower-cased.
    pub text: Cow<'a, str>,
    pub span: Span,
    pub kind: WKind,
}

/// Separators that may sit inside a numeric chunk.
fn is_chunk_sep(s: &str) -> bool {
    matches!(s, "/" | ":" | "." | "-" | "~" | "'" | "’")
}

/// Builds the token view of `text`.
pub(crate) fn words<'a>(text: &'a str, seg: &Segmentation) -> Vec<W<'a>> {
    let toks = &seg.tokens;
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    let slice = |s: Span| -> &'a str { text.get(s.start..s.end).unwrap_or("") };
    let adjacent = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
    while i < toks.len() {
        let tok = toks[i];
        let raw = slice(tok.span);
        match tok.kind {
            TokenKind::Number => {
                let mut end = i;
                // Glue `num (sep num|word)*` and a trailing letter suffix without spaces.
                while end + 1 < toks.len() && adjacent(end, end + 1) {
                    let next = toks[end + 1];
                    let next_raw = slice(next.span);
                    if matches!(next.kind, TokenKind::Number | TokenKind::Word) {
                        end += 1;
                    } else if is_chunk_sep(next_raw)
                        && end + 2 < toks.len()
                        && adjacent(end + 1, end + 2)
                        && matches!(toks[end + 2].kind, TokenKind::Number | TokenKind::Word)
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                let span = Span::new(tok.span.start, toks[end].span.end);
                out.push(W {
                    text: lower(slice(span)),
                    span,
                    kind: WKind::Num,
                });
                i = end + 1;
            }
            TokenKind::Word => {
                // "6PM", "2017-q1" as one word: a word that starts with a digit is a chunk
                let kind = if raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                    WKind::Num
                } else {
                    WKind::Word
                };
                // "’s avonds" kept whole by the segmenter
                let text = if matches!(raw, "’s" | "‘s" | "’S" | "‘S") {
                    Cow::Borrowed("'s")
                } else {
                    lower(raw)
                };
                out.push(W {
                    text,
                    span: tok.span,
                    kind,
                });
                i += 1;
            }
            TokenKind::Quote | TokenKind::Punct => {
                // "'s" (as in "'s avonds") is one word.
                if matches!(raw, "'" | "’" | "‘")
                    && i + 1 < toks.len()
                    && adjacent(i, i + 1)
                    && slice(toks[i + 1].span).eq_ignore_ascii_case("s")
                {
                    out.push(W {
                        text: Cow::Borrowed("'s"),
                        span: Span::new(tok.span.start, toks[i + 1].span.end),
                        kind: WKind::Word,
                    });
                    i += 2;
                    continue;
                }
                out.push(W {
                    text: Cow::Borrowed(raw),
                    span: tok.span,
                    kind: WKind::Punct,
                });
                i += 1;
            }
        }
    }
    merge_meridiems(&mut out);
    out
}

/// Joins a meridiem written in pieces ("3 p . m .", "nine a m") into one word "am" / "pm"
/// after a number or a word, so the grammar sees it as it sees "pm".
fn merge_meridiems(out: &mut Vec<W<'_>>) {
    let mut k = 1;
    while k + 1 < out.len() {
        let is = |i: usize, kind: WKind, t: &str| {
            out.get(i).is_some_and(|w| w.kind == kind && w.text == t)
        };
        let letter = match out[k].text.as_ref() {
            "a" if out[k].kind == WKind::Word => "am",
            "p" if out[k].kind == WKind::Word => "pm",
            _ => {
                k += 1;
                continue;
            }
        };
        let dotted = is(k + 1, WKind::Punct, ".");
        let m = if dotted { k + 2 } else { k + 1 };
        if out[k - 1].kind == WKind::Punct || !is(m, WKind::Word, "m") {
            k += 1;
            continue;
        }
        let last = if dotted && is(m + 1, WKind::Punct, ".") {
            m + 1
        } else {
            m
        };
        let span = Span::new(out[k].span.start, out[last].span.end);
        out.splice(
            k..=last,
            [W {
                text: Cow::Borrowed(letter),
                span,
                kind: WKind::Word,
            }],
        );
        k += 1;
    }
}

fn lower(raw: &str) -> Cow<'_, str> {
    if raw.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kroniek_text::{segment, Lang};

    #[test]
    fn glues_numeric_chunks() {
        let text = "op 3/14/2019 om 10:30pm, 's avonds.";
        let seg = segment(text, Lang::En);
        let ws = words(text, &seg);
        let texts: Vec<&str> = ws.iter().map(|w| w.text.as_ref()).collect();
        assert_eq!(
            texts,
            vec!["op", "3/14/2019", "om", "10:30pm", ",", "'s", "avonds", "."]
        );
        let text = "at 3 p . m . or nine a m";
        let seg = segment(text, Lang::En);
        let texts: Vec<String> = words(text, &seg)
            .iter()
            .map(|w| w.span.of(text).to_string())
            .collect();
        assert_eq!(texts, vec!["at", "3", "p . m .", "or", "nine", "a m"]);
    }
}
