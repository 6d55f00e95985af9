//! Tokens: words (with inner apostrophes, hyphens and abbreviation periods), numbers (with their
//! separators), quotation marks and other punctuation.

use super::data::SegmentData;
use super::{Token, TokenKind};
use crate::Span;

/// Characters used as an apostrophe inside a word ("zo’n", "auto's"); the last three are common
/// typing substitutes.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | '´')
}

/// Hyphens that join the parts of a compound ("Oost-Syrische").
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Single-character quotation marks of any style.
fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‚'
            | '‛'
            | '‘'
            | '’'
            | '\''
            | '〝'
            | '〞'
            | '＂'
    )
}

/// Single quotation marks, whose opening and closing the tokenizer tracks to tell a closing
/// quote from a possessive apostrophe ("Jezus' leer").
fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛')
}

/// Letters and digits, plus the marks and invisible characters that can sit inside a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}')
}

/// Whitespace, plus the invisible characters that separate nothing (zero-width space, word
/// joiner, byte-order mark), which never form a token.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Combining diacritics (as in decomposed "é"), which belong to the letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}')
}

/// Whether `text` starts with the ASCII `prefix`, ignoring case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `chunk` starts with a host name and a path ("github.com/kroniek"), a web address
/// written without its scheme.
fn has_domain_and_path(chunk: &str) -> bool {
    let Some((host, _)) = chunk.split_once('/') else {
        return false;
    };
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Splits one paragraph into tokens.
pub(super) struct Tokenizer<'a> {
    /// The paragraph's text.
    text: &'a str,
    /// Where the paragraph starts in the document.
    base: usize,
    data: &'a SegmentData,
    /// Whether a single quotation mark is open, so that a trailing apostrophe closes it.
    single_open: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer for `text`, which starts at byte `base` of the document.
    pub fn new(text: &'a str, base: usize, data: &'a SegmentData) -> Self {
        Tokenizer {
            text,
            base,
            data,
            single_open: false,
        }
    }

    /// Appends the paragraph's tokens to `out`.
    pub fn run(mut self, out: &mut Vec<Token>) {
        let mut at = 0;
        while let Some(c) = self.char_at(at) {
            if is_space(c) {
                at += c.len_utf8();
                continue;
            }
            let (end, kind) = self.token_at(at, c);
            let end = end.max(at + c.len_utf8());
            out.push(Token {
                span: Span::new(self.base + at, self.base + end),
                kind,
            });
            at = end;
        }
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    fn char_before(&self, at: usize) -> Option<char> {
        self.text.get(..at)?.chars().next_back()
    }

    /// The end of the run of characters matching `keep` that starts at `at`.
    fn run_end(&self, at: usize, keep: impl Fn(char) -> bool) -> usize {
        let rest = self.text.get(at..).unwrap_or("");
        rest.find(|c: char| !keep(c))
            .map_or(self.text.len(), |n| at + n)
    }

    /// The token that starts at `at` with character `c`: its end and kind.
    fn token_at(&mut self, at: usize, c: char) -> (usize, TokenKind) {
        if c.is_alphanumeric() {
            let found = if c.is_numeric() {
                self.number_at(at)
            } else {
                (self.word_from(at, at), TokenKind::Word)
            };
            let may_be_link = matches!(c, 'h' | 'H' | 'w' | 'W')
                || matches!(self.char_at(found.0), Some('@' | '_' | '.' | '+' | '/'));
            if may_be_link {
                if let Some(end) = self.link_at(at) {
                    return (end, TokenKind::Word);
                }
            }
            return found;
        }
        if is_apostrophe(c) {
            if let Some(found) = self.elided_at(at, c) {
                return found;
            }
        }
        self.punctuation_at(at, c)
    }

    /// A web address or e-mail address starting at `at`, kept whole.
    fn link_at(&self, at: usize) -> Option<usize> {
        let chunk_end = self.run_end(at, |c| !c.is_whitespace());
        let chunk = &self.text[at..chunk_end];
        let is_url = ["http://", "https://", "www."]
            .iter()
            .any(|prefix| starts_with_ignoring_case(chunk, prefix));
        let is_url = is_url || has_domain_and_path(chunk);
        let is_mail = !is_url
            && chunk.as_bytes().contains(&b'@')
            && chunk.find('@').is_some_and(|n| {
                n > 0
                    && chunk[n + 1..]
                        .split_once('.')
                        .is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2)
            });
        if !is_url && !is_mail {
            return None;
        }
        let trimmed = chunk.trim_end_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>') || is_quote_char(c)
        });
        (!trimmed.is_empty()).then_some(at + trimmed.len())
    }

    /// A word from `start`, continuing at `at`: letters and digits joined by inner apostrophes
    /// and hyphens, plus abbreviation periods and a possessive apostrophe.
    fn word_from(&mut self, start: usize, mut at: usize) -> usize {
        loop {
            at = self.run_end(at, is_word_char);
            let Some(c) = self.char_at(at) else {
                return at;
            };
            let after = at + c.len_utf8();
            let next = self.char_at(after);
            let joins = next.is_some_and(char::is_alphanumeric);
            if (is_apostrophe(c) || is_hyphen(c)) && joins {
                at = after;
                continue;
            }
            let upper_before = self.char_before(at).is_some_and(char::is_uppercase);
            if c == '&' && upper_before && next.is_some_and(char::is_uppercase) {
                at = after;
                continue;
            }
            if is_hyphen(c) && next.is_none_or(char::is_whitespace) {
                // An elided compound part: "Noord- en Zuid-Holland".
                return after;
            }
            if c == '.' {
                return self.period_after_word(start, at);
            }
            if is_apostrophe(c) {
                return self.possessive_after(start, at, c);
            }
            return at;
        }
    }

    /// Where a word that runs from `start` to the period at `at` ends: after its period (an
    /// abbreviation or initial), after a chain of dotted parts ("o.a.", "U.S.", "nu.nl"), or
    /// before the period.
    fn period_after_word(&self, start: usize, at: usize) -> usize {
        let word = &self.text[start..at];
        let short = |part: &str| {
            let n = part.chars().count();
            (1..=3).contains(&n) && part.chars().all(char::is_alphabetic)
        };
        let mut all_short = short(word);
        let mut all_lower = word.chars().all(|c| !c.is_uppercase());
        let mut parts = 1;
        let mut end = at;
        let mut last_part = word;
        while self.char_at(end) == Some('.')
            && self.char_at(end + 1).is_some_and(char::is_alphabetic)
        {
            let part_end = self.run_end(end + 1, char::is_alphanumeric);
            last_part = &self.text[end + 1..part_end];
            all_short &= short(last_part);
            all_lower &= last_part.chars().all(|c| !c.is_uppercase());
            parts += 1;
            end = part_end;
        }
        let period_follows = self.char_at(end) == Some('.');
        let ellipsis_follows = period_follows && self.char_at(end + 1) == Some('.');
        if parts >= 2 {
            if period_follows && all_short {
                return if ellipsis_follows { end } else { end + 1 };
            }
            let domain_like = all_lower && !period_follows && (2..=6).contains(&last_part.len());
            let listed = period_follows
                && self
                    .text
                    .get(start..end + 1)
                    .is_some_and(|form| self.data.is_abbreviation(form));
            if domain_like || listed {
                return if period_follows && !ellipsis_follows {
                    end + 1
                } else {
                    end
                };
            }
            return at;
        }
        if ellipsis_follows {
            return at;
        }
        let initial = {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        };
        let listed = self
            .text
            .get(start..at + 1)
            .is_some_and(|form| self.data.is_abbreviation(form));
        if initial || listed {
            at + 1
        } else {
            at
        }
    }

    /// Where a word from `start` ends when an apostrophe `c` follows at `at`: after it when it
    /// is a possessive ("Jezus’", "players'"), before it when it closes a quotation.
    fn possessive_after(&self, start: usize, at: usize, c: char) -> usize {
        let sibilant = self.text[start..at]
            .chars()
            .next_back()
            .is_some_and(|last| matches!(last, 's' | 'x' | 'z'));
        let after = at + c.len_utf8();
        let free = self
            .char_at(after)
            .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ';' | ':' | '.'));
        if sibilant && free && !self.single_open && c != '‘' {
            after
        } else {
            at
        }
    }

    /// A number from `at`: digits with inner separators ("1.000,5", "3/14/2019", "10.30"),
    /// with an ordinal or plural suffix ("3e", "1990s"); a code such as "5G" or a compound
    /// such as "40-jarige" is a word.
    fn number_at(&mut self, at: usize) -> (usize, TokenKind) {
        let mut end = self.run_end(at, |c| c.is_numeric());
        while let Some(sep) = self.char_at(end) {
            let digit_follows = self.char_at(end + 1).is_some_and(|c| c.is_ascii_digit());
            if !(matches!(sep, '.' | ',' | '/' | ':') && digit_follows) {
                break;
            }
            end = self.run_end(end + 1, |c| c.is_numeric());
        }
        self.number_suffix(at, end)
    }

    /// Decides what the letters right after the number `start..end` belong to.
    fn number_suffix(&mut self, start: usize, end: usize) -> (usize, TokenKind) {
        let Some(c) = self.char_at(end) else {
            return (end, TokenKind::Number);
        };
        if c.is_alphabetic() {
            let letters_end = self.run_end(end, char::is_alphabetic);
            let suffix = self.text[end..letters_end].to_lowercase();
            let closed = self.char_at(letters_end).is_none_or(|n| !is_word_char(n));
            if closed && self.data.number_suffixes.contains(&suffix) {
                return (letters_end, TokenKind::Number);
            }
            let code_end = self.run_end(end, |c| c.is_uppercase() || c.is_numeric());
            if code_end > end && self.char_at(code_end).is_none_or(|n| !is_word_char(n)) {
                return (code_end, TokenKind::Word);
            }
            return (end, TokenKind::Number);
        }
        let after = end + c.len_utf8();
        if is_apostrophe(c) {
            let letters_end = self.run_end(after, char::is_alphabetic);
            let suffix = self.text[after..letters_end].to_lowercase();
            let closed = self.char_at(letters_end).is_none_or(|n| !is_word_char(n));
            if letters_end > after && closed && self.data.number_suffixes.contains(&suffix) {
                return (letters_end, TokenKind::Number);
            }
        }
        if is_hyphen(c) && self.char_at(after).is_some_and(char::is_alphabetic) {
            return (self.word_from(start, after), TokenKind::Word);
        }
        (end, TokenKind::Number)
    }

    /// An apostrophe at `at` that starts a word: a short form ("’s avonds", "’t") or a
    /// shortened year ("’80", "’90s").
    fn elided_at(&mut self, at: usize, c: char) -> Option<(usize, TokenKind)> {
        if self.char_before(at).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let after = at + c.len_utf8();
        let next = self.char_at(after)?;
        if next.is_ascii_digit() {
            let digits_end = self.run_end(after, |d| d.is_ascii_digit());
            if digits_end - after != 2 {
                return None;
            }
            return Some(self.number_suffix(at, digits_end));
        }
        if !next.is_alphabetic() {
            return None;
        }
        let letters_end = self.run_end(after, char::is_alphabetic);
        let form = self.text[after..letters_end].to_lowercase();
        let free = self
            .char_at(letters_end)
            .is_none_or(|n| !n.is_alphanumeric() && !is_apostrophe(n));
        if free && self.data.clitics.contains(&form) {
            return Some((self.word_from(at, letters_end), TokenKind::Word));
        }
        None
    }

    /// Punctuation at `at`: quotation marks (also ",," and "''"), ellipses, runs of "?!",
    /// hashtags and mentions, and single symbols.
    fn punctuation_at(&mut self, at: usize, c: char) -> (usize, TokenKind) {
        let after = at + c.len_utf8();
        let next = self.char_at(after);
        match c {
            ',' | '\'' | '`' if next == Some(c) => (after + 1, TokenKind::Quote),
            '.' | '…' => (self.run_end(at, |d| d == '.' || d == '…'), TokenKind::Punct),
            '!' | '?' | '‽' => (
                self.run_end(at, |d| matches!(d, '!' | '?' | '‽')),
                TokenKind::Punct,
            ),
            '-' => (self.run_end(at, |d| d == '-'), TokenKind::Punct),
            '#' | '@' if next.is_some_and(char::is_alphanumeric) => (
                self.run_end(after, |d| is_word_char(d) || d == '_'),
                TokenKind::Word,
            ),
            _ if is_quote_char(c) => {
                self.track_single_quote(at, c);
                (after, TokenKind::Quote)
            }
            _ => (after, TokenKind::Punct),
        }
    }

    /// Records whether the single quotation mark `c` at `at` opens or closes a quotation.
    fn track_single_quote(&mut self, at: usize, c: char) {
        if !is_single_quote(c) {
            return;
        }
        let after = at + c.len_utf8();
        let before_word = self.char_before(at).is_some_and(char::is_alphanumeric);
        let word_follows = self.char_at(after).is_some_and(char::is_alphanumeric);
        self.single_open = word_follows && !before_word;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn tokens(text: &str, lang: Lang) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        Tokenizer::new(text, 0, SegmentData::get(lang)).run(&mut out);
        out.iter().map(|t| (t.span.of(text), t.kind)).collect()
    }

    fn texts(text: &str, lang: Lang) -> Vec<&str> {
        tokens(text, lang).into_iter().map(|(t, _)| t).collect()
    }

    use TokenKind::{Number, Punct, Quote, Word};

    #[test]
    fn inner_apostrophes_and_hyphens_stay_in_words() {
        assert_eq!(
            texts("zo’n videocamera’s uit het Oost-Syrische", Lang::Nl),
            vec!["zo’n", "videocamera’s", "uit", "het", "Oost-Syrische"]
        );
        assert_eq!(
            texts("I don’t know O'Brien", Lang::En),
            vec!["I", "don’t", "know", "O'Brien"]
        );
    }

    #[test]
    fn leading_apostrophes_of_short_forms_and_years() {
        assert_eq!(
            tokens("’s avonds in de jaren ’80 en 's-Hertogenbosch", Lang::Nl),
            vec![
                ("’s", Word),
                ("avonds", Word),
                ("in", Word),
                ("de", Word),
                ("jaren", Word),
                ("’80", Number),
                ("en", Word),
                ("'s-Hertogenbosch", Word)
            ]
        );
    }

    #[test]
    fn quotation_marks_are_quote_tokens() {
        assert_eq!(
            tokens(",,Ja'', zei hij. „Nee“ ‘Allah Akbar’ «oui» \"x\"", Lang::Nl)
                .into_iter()
                .filter(|(_, k)| *k == Quote)
                .map(|(t, _)| t)
                .collect::<Vec<_>>(),
            vec![",,", "''", "„", "“", "‘", "’", "«", "»", "\"", "\""]
        );
        assert_eq!(
            tokens("“…”, vertelt hij", Lang::Nl),
            vec![
                ("“", Quote),
                ("…", Punct),
                ("”", Quote),
                (",", Punct),
                ("vertelt", Word),
                ("hij", Word)
            ]
        );
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        for number in [
            "1.000,5",
            "1,000.5",
            "3/14/2019",
            "10.30",
            "70",
            "10:30",
            "3e",
        ] {
            assert_eq!(tokens(number, Lang::Nl), vec![(number, Number)], "{number}");
        }
        assert_eq!(
            texts("1.000,5 euro in 1998.", Lang::Nl),
            vec!["1.000,5", "euro", "in", "1998", "."]
        );
        assert_eq!(texts("10km", Lang::Nl), vec!["10", "km"]);
        assert_eq!(texts("de 40-jarige", Lang::Nl), vec!["de", "40-jarige"]);
        assert_eq!(
            texts("the 1990s and 21st", Lang::En),
            vec!["the", "1990s", "and", "21st"]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            texts(
                "dr. mr. o.a. d.w.z. blz. 5 jl. enz. in 330 v. Chr. Bijna",
                Lang::Nl
            ),
            vec![
                "dr.", "mr.", "o.a.", "d.w.z.", "blz.", "5", "jl.", "enz.", "in", "330", "v.",
                "Chr.", "Bijna"
            ]
        );
        assert_eq!(
            texts("U.S. officials, e.g. Mr. Smith.", Lang::En),
            vec!["U.S.", "officials", ",", "e.g.", "Mr.", "Smith", "."]
        );
        assert_eq!(
            texts("E. van Wessel en J.P. Balkenende", Lang::Nl),
            vec!["E.", "van", "Wessel", "en", "J.P.", "Balkenende"]
        );
    }

    #[test]
    fn ordinary_words_leave_the_period() {
        assert_eq!(
            texts("Hij ging.Daarna", Lang::Nl),
            vec!["Hij", "ging", ".", "Daarna"]
        );
        assert_eq!(
            texts("zie nu.nl voor", Lang::Nl),
            vec!["zie", "nu.nl", "voor"]
        );
        assert_eq!(
            texts("wacht... en…", Lang::Nl),
            vec!["wacht", "...", "en", "…"]
        );
        assert_eq!(texts("enz...", Lang::Nl), vec!["enz", "..."]);
        assert_eq!(texts("Echt?! Ja!", Lang::Nl), vec!["Echt", "?!", "Ja", "!"]);
    }

    #[test]
    fn links_hashtags_and_possessives() {
        assert_eq!(
            texts(
                "Zie https://nos.nl/a?b=1. Mail j.smit@nos.nl, #Baghouz",
                Lang::Nl
            ),
            vec![
                "Zie",
                "https://nos.nl/a?b=1",
                ".",
                "Mail",
                "j.smit@nos.nl",
                ",",
                "#Baghouz"
            ]
        );
        assert_eq!(
            texts("bron: github.com/kroniek/x.txt en/of km/u", Lang::Nl),
            vec![
                "bron",
                ":",
                "github.com/kroniek/x.txt",
                "en",
                "/",
                "of",
                "km",
                "/",
                "u"
            ]
        );
        assert_eq!(
            texts("the players' union and 'Yes' she said", Lang::En),
            vec!["the", "players'", "union", "and", "'", "Yes", "'", "she", "said"]
        );
        assert_eq!(
            texts("Noord- en Zuid-Holland", Lang::Nl),
            vec!["Noord-", "en", "Zuid-Holland"]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "'",
            "’",
            ",,",
            ".",
            "1.",
            "a.",
            "x.y.",
            "@",
            "-",
            "é\u{301}.",
            "'8",
            "5G",
            "\u{ad}",
        ] {
            let _ = tokens(text, Lang::Nl);
        }
    }
}
