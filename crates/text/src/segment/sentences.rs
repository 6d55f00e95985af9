//! Sentences: where inside a paragraph one sentence ends and the next begins.

use super::data::SegmentData;
use super::{Sentence, Token, TokenKind};
use crate::Span;

/// What kind of sentence end a token could be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    /// "!", "?", "?!", "…", "...".
    Terminal,
    /// A period standing alone.
    Period,
    /// A listed abbreviation that often ends a sentence ("enz.", "Inc.").
    FinalAbbreviation,
    /// An initial or an unlisted dotted form ("E.", "U.S.").
    Initial,
    /// A listed abbreviation that does not end a sentence ("dr.", "o.a.").
    Abbreviation,
}

/// How the token after a possible sentence end begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// A capitalised word; `common` when it is a frequent lower-case word ("Het", "The") and
    /// so almost surely capitalised because a sentence starts.
    Capital { common: bool },
    /// A number.
    Digit,
    /// An opening quotation mark.
    Quote,
    /// An opening bracket.
    Bracket,
    /// A dash or bullet that starts a line or a turn.
    Dash,
    /// Anything that continues a sentence: lower case, comma, colon...
    Continuation,
}

impl Opening {
    /// Whether a sentence can start this way after a full stop.
    fn after_full_stop(self) -> bool {
        self != Opening::Continuation
    }
}

/// Splits one paragraph's tokens into sentences.
pub(super) struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    data: &'a SegmentData,
    /// The paragraph's longest line in characters, when it has several lines.
    wrap_width: Option<usize>,
}

impl<'a> Splitter<'a> {
    /// A splitter for the paragraph `paragraph` of `text`, whose tokens are `tokens`.
    pub fn new(text: &'a str, paragraph: Span, tokens: &'a [Token], data: &'a SegmentData) -> Self {
        let body = paragraph.of(text);
        let wrap_width = body.contains('\n').then(|| {
            body.lines()
                .map(|l| l.trim().chars().count())
                .max()
                .unwrap_or(0)
        });
        Splitter {
            text,
            tokens,
            data,
            wrap_width,
        }
    }

    /// Appends the sentences; `first` is the index of the paragraph's first token in the
    /// document.
    pub fn run(&self, first: usize, out: &mut Vec<Sentence>) {
        let mut start = 0;
        let mut at = 0;
        while at < self.tokens.len() {
            match self.sentence_end(start, at) {
                Some(end) => {
                    self.push(first, start, end + 1, out);
                    start = end + 1;
                    at = end + 1;
                }
                None => at += 1,
            }
        }
        if start < self.tokens.len() {
            self.push(first, start, self.tokens.len(), out);
        }
    }

    fn push(&self, first: usize, start: usize, end: usize, out: &mut Vec<Sentence>) {
        out.push(Sentence {
            span: Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end),
            first_token: first + start,
            end_token: first + end,
        });
    }

    fn token_text(&self, at: usize) -> &'a str {
        self.tokens.get(at).map_or("", |t| t.span.of(self.text))
    }

    /// The text between token `at` and the next one.
    fn gap_after(&self, at: usize) -> &'a str {
        match (self.tokens.get(at), self.tokens.get(at + 1)) {
            (Some(this), Some(next)) => &self.text[this.span.end..next.span.start],
            _ => "",
        }
    }

    /// If the sentence that started at token `start` ends with token `at` (or with the closing
    /// quotes and brackets right after it), the index of its last token.
    fn sentence_end(&self, start: usize, at: usize) -> Option<usize> {
        let Some(candidate) = self.candidate(at) else {
            let ends = self.line_ends_sentence(at) || self.headline_ends(start, at);
            return ends.then_some(at);
        };
        let last = self.closers_after(at);
        if last + 1 >= self.tokens.len() {
            return Some(last);
        }
        if candidate == Candidate::Abbreviation {
            return None;
        }
        let gap = self.gap_after(last);
        if gap.is_empty() {
            return self.glued_start(candidate, last).then_some(last);
        }
        let opening = self.opening(last + 1);
        let ends = match candidate {
            Candidate::Terminal => opening.after_full_stop(),
            Candidate::Period => opening.after_full_stop() && !self.list_marker(start, at),
            Candidate::FinalAbbreviation => {
                matches!(opening, Opening::Capital { .. } | Opening::Quote)
            }
            Candidate::Initial => {
                matches!(opening, Opening::Capital { common: true } | Opening::Quote)
            }
            Candidate::Abbreviation => false,
        };
        ends.then_some(last)
    }

    /// Whether token `at` could end a sentence, and how.
    fn candidate(&self, at: usize) -> Option<Candidate> {
        let token = self.tokens.get(at)?;
        let text = token.span.of(self.text);
        match token.kind {
            TokenKind::Punct if text == "." => Some(Candidate::Period),
            TokenKind::Punct
                if text
                    .chars()
                    .all(|c| matches!(c, '.' | '!' | '?' | '‽' | '…')) =>
            {
                Some(Candidate::Terminal)
            }
            TokenKind::Word if text.len() > 1 && text.ends_with('.') => {
                let lower = text.to_lowercase();
                if self.data.final_abbreviations.contains(&lower) {
                    Some(Candidate::FinalAbbreviation)
                } else if self.data.abbreviations.contains(&lower) {
                    Some(Candidate::Abbreviation)
                } else {
                    Some(Candidate::Initial)
                }
            }
            _ => None,
        }
    }

    /// The last of the closing quotation marks, closing brackets and further end marks right
    /// after token `at` ("gegaan.''", "(zie boven.)", "nou?!”").
    fn closers_after(&self, at: usize) -> usize {
        let mut last = at;
        while let Some(next) = self.tokens.get(last + 1) {
            let glued = self.gap_after(last).is_empty();
            let text = next.span.of(self.text);
            let closes = match next.kind {
                TokenKind::Quote => self.quote_closes(last + 1, last, glued),
                TokenKind::Punct => {
                    glued
                        && text
                            .chars()
                            .all(|c| matches!(c, ')' | ']' | '}' | '.' | '!' | '?' | '…'))
                }
                _ => false,
            };
            if !closes {
                break;
            }
            last += 1;
        }
        last
    }

    /// Whether the quotation mark at `at`, right after the end mark or closer at `last`, closes
    /// a quotation: it is glued to it, or it stands free right after the end mark itself with
    /// nothing but space or punctuation after it ("…geluk. \" Het" closes, "1989. « Weg" and
    /// "…geluk. \" \" Het" open).
    fn quote_closes(&self, at: usize, last: usize, glued: bool) -> bool {
        let text = self.token_text(at);
        if matches!(text, ",," | "„" | "‚") {
            return false;
        }
        if glued {
            return true;
        }
        let right_after_end_mark = self.candidate(last).is_some();
        if !right_after_end_mark || matches!(text, "«" | "‹") {
            return false;
        }
        let Some(next) = self.tokens.get(at + 1) else {
            return true;
        };
        !self.gap_after(at).is_empty()
            || (next.kind == TokenKind::Punct && self.opening(at + 1) == Opening::Continuation)
    }

    /// How token `at` begins, as the possible start of a sentence.
    fn opening(&self, at: usize) -> Opening {
        let Some(token) = self.tokens.get(at) else {
            return Opening::Continuation;
        };
        let text = token.span.of(self.text);
        let Some(first) = text.chars().next() else {
            return Opening::Continuation;
        };
        match token.kind {
            TokenKind::Quote => Opening::Quote,
            TokenKind::Number => Opening::Digit,
            TokenKind::Punct => match first {
                '(' | '[' | '{' => Opening::Bracket,
                '-' | '–' | '—' | '•' | '·' | '*' | '►' | '▪' | '■' | '¿' | '¡' => {
                    Opening::Dash
                }
                _ => Opening::Continuation,
            },
            TokenKind::Word => self.word_opening(at, text, first),
        }
    }

    /// How a word begins a sentence: capitalised, a digit, or "’s" before a capital.
    fn word_opening(&self, at: usize, text: &str, first: char) -> Opening {
        if first.is_uppercase() {
            let lower = text.to_lowercase();
            let common = self.data.common_words.contains(&lower)
                && !self.data.name_particles.contains(&lower);
            return Opening::Capital { common };
        }
        if first.is_numeric() {
            return Opening::Digit;
        }
        if matches!(first, '#' | '@') {
            return Opening::Capital { common: false };
        }
        let elided =
            !first.is_alphanumeric() && text.chars().nth(1).is_some_and(char::is_alphabetic);
        let capital_follows = self
            .token_text(at + 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if elided && capital_follows {
            return Opening::Capital { common: true };
        }
        Opening::Continuation
    }

    /// Whether a sentence ends at an end mark glued to the next word ("ging.Daarna"): only after
    /// a word of two or more letters, before a capitalised word in lower case after its capital.
    fn glued_start(&self, candidate: Candidate, last: usize) -> bool {
        if !matches!(candidate, Candidate::Period | Candidate::Terminal) || last == 0 {
            return false;
        }
        let before = self.tokens[last - 1];
        let word_before = before.kind == TokenKind::Word && before.span.len() >= 2;
        let next = self.token_text(last + 1);
        let mut chars = next.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        word_before && capitalised && self.tokens[last].span.len() == 1
    }

    /// Whether the period at `at` follows a list number that opens the sentence ("1. Inleiding").
    fn list_marker(&self, start: usize, at: usize) -> bool {
        if at == 0 || at - 1 != start {
            return false;
        }
        let number = self.tokens[at - 1];
        let text = number.span.of(self.text);
        number.kind == TokenKind::Number
            && text.len() <= 3
            && text.bytes().all(|b| b.is_ascii_digit())
            && self.gap_after(at - 1).is_empty()
    }

    /// Whether a headline run into the text ends at token `at` (web pages flattened to text
    /// lose the line break after headings and captions): the sentence so far is a few words
    /// without punctuation, starting with a capital, and the next word is a capitalised common
    /// word followed by a lower-case word or a number ("Kaalslag In het oerwoud…", "Noten Hij
    /// was…"), or repeats the headline's first word ("Varkens Varkens worden…").
    fn headline_ends(&self, start: usize, at: usize) -> bool {
        const MAX_HEADLINE_WORDS: usize = 5;
        if at + 1 - start > MAX_HEADLINE_WORDS || self.gap_after(at).is_empty() {
            return false;
        }
        let next_is_capital = self.tokens.get(at + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && t.span.of(self.text).starts_with(char::is_uppercase)
        });
        let headline = &self.tokens[start..=at];
        if !next_is_capital || headline.iter().any(|t| t.kind != TokenKind::Word) {
            return false;
        }
        let first = self.token_text(start);
        let last = self.token_text(at);
        let starts_capital = first.chars().next().is_some_and(char::is_uppercase);
        let after_article = at > start && self.data.articles.contains(self.token_text(at - 1));
        if !starts_capital || after_article || self.data.common_words.contains(&last.to_lowercase())
        {
            return false;
        }
        let next = self.token_text(at + 1);
        let next_lower = next.to_lowercase();
        let repeats = |word: &str| word == first || word == last;
        if repeats(next) && !self.data.common_words.contains(&next_lower) {
            return true;
        }
        if self.data.articles.contains(&next_lower) && repeats(self.token_text(at + 2)) {
            return true;
        }
        let continues_lower = match self.tokens.get(at + 2) {
            Some(t) if t.kind == TokenKind::Number => true,
            Some(t) if t.kind == TokenKind::Word => t
                .span
                .of(self.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase),
            _ => false,
        };
        self.opening(at + 1) == (Opening::Capital { common: true }) && continues_lower
    }

    /// Whether a line break after token `at` ends a sentence that has no end mark: before a
    /// bulleted line, or after a line that stops short of the paragraph's width (a headline or a
    /// list item in a block of wrapped lines).
    fn line_ends_sentence(&self, at: usize) -> bool {
        let Some(width) = self.wrap_width else {
            return false;
        };
        let gap = self.gap_after(at);
        if !gap.contains('\n') {
            return false;
        }
        let opening = self.opening(at + 1);
        if opening == Opening::Dash {
            return true;
        }
        let last = self.token_text(at);
        let open_ended = last.ends_with([',', ';', ':', '-', '–', '(']);
        if open_ended
            || !matches!(
                opening,
                Opening::Capital { .. } | Opening::Digit | Opening::Quote
            )
        {
            return false;
        }
        let end = self.tokens[at].span.end;
        let line_start = self.text[..end].rfind('\n').map_or(0, |n| n + 1);
        let line_len = self.text[line_start..end].trim().chars().count();
        let next_len = self.token_text(at + 1).chars().count();
        line_len + 1 + next_len <= width
    }
}

#[cfg(test)]
mod tests {
    use crate::{segment, Lang};

    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        segment(text, lang)
            .sentences
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn quote_then_reporting_clause_is_one_sentence() {
        let text = "“Voortdurend stijgen dikke rookwolken op”, vertelt hij. “Het is een exodus. Je kunt hier kijken.” Daarna “…”, vertelt hij.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "“Voortdurend stijgen dikke rookwolken op”, vertelt hij.",
                "“Het is een exodus.",
                "Je kunt hier kijken.”",
                "Daarna “…”, vertelt hij."
            ]
        );
    }

    #[test]
    fn dutch_low_commas_and_double_apostrophes() {
        let text = ",,Ja'', zei hij. ,,Mijn niveau is omhoog gegaan.'' Gelanceerd door haar. ,,Ik twijfel. '' En ja.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                ",,Ja'', zei hij.",
                ",,Mijn niveau is omhoog gegaan.''",
                "Gelanceerd door haar.",
                ",,Ik twijfel. ''",
                "En ja."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Dat zegt E. van Wessel. Hij was o.a. in Syrië en sprak dr. Jansen. De fotograaf J.P. Smit ook.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Dat zegt E. van Wessel.",
                "Hij was o.a. in Syrië en sprak dr. Jansen.",
                "De fotograaf J.P. Smit ook."
            ]
        );
        let text = "Mr. Smith said. U.S. officials agreed with the U.S. The end.";
        assert_eq!(
            sentences(text, Lang::En),
            vec![
                "Mr. Smith said.",
                "U.S. officials agreed with the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn final_abbreviations_end_before_capitals() {
        let text = "Ze bouwden de stad vanaf 330 v. Chr. Bijna 1000 jaar later, enz. Maar niet in 1998 n. Chr. toen het zo was.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Ze bouwden de stad vanaf 330 v. Chr.",
                "Bijna 1000 jaar later, enz.",
                "Maar niet in 1998 n. Chr. toen het zo was."
            ]
        );
    }

    #[test]
    fn numbers_and_amounts() {
        let text = "Het kost 1.000,5 euro. In 1998. 15 procent meer. 1. Inleiding op 3. maart.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Het kost 1.000,5 euro.",
                "In 1998.",
                "15 procent meer.",
                "1. Inleiding op 3. maart."
            ]
        );
    }

    #[test]
    fn questions_exclamations_and_ellipses() {
        let text = "Wat daar in zit? Kleren. Echt?! Ja… Nee... misschien. “Waarom?” vroeg hij.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Wat daar in zit?",
                "Kleren.",
                "Echt?!",
                "Ja…",
                "Nee... misschien.",
                "“Waarom?” vroeg hij."
            ]
        );
    }

    #[test]
    fn paragraphs_and_headlines_end_sentences() {
        let text = "Exodus\n\nNa elk bombardement ziet hij mensen. Ze lopen\n\nde woestijn in";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Exodus",
                "Na elk bombardement ziet hij mensen.",
                "Ze lopen",
                "de woestijn in"
            ]
        );
    }

    #[test]
    fn short_lines_in_wrapped_text_end_sentences() {
        let text = "Kop zonder punt\nDit is een lange regel die doorloopt op de volgende\nregel en daar eindigt.\n- eerste punt\n- tweede punt";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Kop zonder punt",
                "Dit is een lange regel die doorloopt op de volgende\nregel en daar eindigt.",
                "- eerste punt",
                "- tweede punt"
            ]
        );
    }

    #[test]
    fn news_cases() {
        let text = "Hij woont in de V.S. Daar werkt hij. Ajax won met 3-1. PSV verloor. Volgens prof. dr. ir. J. de Vries is het kabinet-Rutte III. Daarna niet.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Hij woont in de V.S.",
                "Daar werkt hij.",
                "Ajax won met 3-1.",
                "PSV verloor.",
                "Volgens prof. dr. ir. J. de Vries is het kabinet-Rutte III.",
                "Daarna niet."
            ]
        );
        let text = "He left at 5 p.m. on Friday and came back at 9 p.m. Police said No. 10 agreed.";
        assert_eq!(
            sentences(text, Lang::En),
            vec![
                "He left at 5 p.m. on Friday and came back at 9 p.m.",
                "Police said No. 10 agreed."
            ]
        );
    }

    #[test]
    fn headlines_run_into_the_text() {
        let text = "graan. Geschiedenis Het is waarschijnlijk zo. Balkan De Balkan kwam. Hij las het boek Het diner niet.";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "graan.",
                "Geschiedenis",
                "Het is waarschijnlijk zo.",
                "Balkan",
                "De Balkan kwam.",
                "Hij las het boek Het diner niet."
            ]
        );
    }

    /// The seed text, if the shared material is present.
    #[test]
    fn seed_text() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seeds/000_7c833daf2335ffcf.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            return;
        };
        let found = sentences(&text, Lang::Nl);
        assert!(found.contains(&"Exodus"), "{found:#?}");
        assert!(found.contains(&"“Voortdurend stijgen dikke rookwolken op en klinkt het geluid van bominslagen en mitrailleurvuur”, vertelt hij aan de telefoon."), "{found:#?}");
        assert!(
            found.contains(&"Ik ving bijvoorbeeld op dat een kilo suiker nu zo’n 70 dollar kost.”"),
            "{found:#?}"
        );
        assert!(found.iter().all(|s| !s.starts_with('”')), "{found:#?}");
    }

    #[test]
    fn brackets_and_clitics() {
        let text = "Hij ging (zie boven.) Daarna kwam hij. ’s Avonds sliep hij. (Foto: ANP)";
        assert_eq!(
            sentences(text, Lang::Nl),
            vec![
                "Hij ging (zie boven.)",
                "Daarna kwam hij.",
                "’s Avonds sliep hij.",
                "(Foto: ANP)"
            ]
        );
    }
}
