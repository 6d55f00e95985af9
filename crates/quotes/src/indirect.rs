//! Indirect quotations: a reporting verb with a content clause ("X zegt dat …"), a clause with
//! its attribution after it ("…, zegt X." / "…, aldus X."), and "volgens X" / "according to X".

use crate::direct::subject_of;
use crate::phrases::Context;
use crate::speakers::is_quoted;
use crate::{Quote, QuoteKind, Words};
use kroniek_text::Span;

/// Finds the indirect quotations of a document. `direct` are the direct quotations found
/// before: a clause that is wholly one of them is not reported again.
pub fn find_indirect(cx: &Context, direct: &[Quote]) -> Vec<Quote> {
    let quoted: Vec<Span> = direct
        .iter()
        .filter(|q| q.nested_in.is_none())
        .map(|q| q.span)
        .collect();
    let mut found = Vec::new();
    for sentence in &cx.seg.sentences {
        let (mut first, end) = (sentence.first_token, sentence.end_token);
        // A sentence may report twice: "X said …; Y reported …".
        while let Some(quote) = in_sentence(cx, first, end, &quoted) {
            let next = cx.token_from(quote.span.end).max(first + 1);
            if !covered_by_direct(quote.span, &quoted) {
                cx.record_speaker(quote.span.end, quote.speaker.as_ref());
                found.push(Quote {
                    id: direct.len() + found.len(),
                    ..quote
                });
            }
            if next >= end || !is_clause_break(cx, next) {
                break;
            }
            first = next + 1;
        }
    }
    found
}

/// Whether `span` is (nearly) all inside direct quotations.
fn covered_by_direct(span: Span, quoted: &[Span]) -> bool {
    let first = quoted.partition_point(|q| q.end <= span.start);
    let inside: usize = quoted[first..]
        .iter()
        .take_while(|q| q.start < span.end)
        .map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
        .sum();
    inside * 10 >= span.len() * 8
}

/// The indirect quotation of one sentence (tokens `first..end`), if it has one.
fn in_sentence(cx: &Context, first: usize, end: usize, quoted: &[Span]) -> Option<Quote> {
    let outside = |i: usize| !is_quoted(quoted, cx.seg.tokens[i].span);
    let body_end = content_end(cx, first, end);
    for k in first..end {
        if !outside(k) {
            continue;
        }
        if let Some(len) = cx.marker_at(k) {
            return marker_quote(cx, first, k, len, body_end, quoted);
        }
        if cx.cue_at(k).is_some() {
            // A bare clause first: in "saying an attack that day …" the "that" is no
            // complementizer.
            if let Some(quote) = bare_clause_quote(cx, first, k, body_end, quoted)
                .or_else(|| complement_quote(cx, first, k, body_end, quoted))
                .or_else(|| trailing_quote(cx, first, k, body_end, quoted))
            {
                return Some(quote);
            }
        }
    }
    None
}

/// The end of the sentence's content: before its final punctuation, after a closing quotation
/// mark that holds the final period.
fn content_end(cx: &Context, first: usize, end: usize) -> usize {
    let mut last = end;
    while last > first + 1 && matches!(cx.token(last - 1), "." | "!" | "?" | "…" | ":" | ";") {
        last -= 1;
    }
    last
}

/// `X zegt dat …` / `X said that …` / `De politie zegt te onderzoeken …`.
fn complement_quote(
    cx: &Context,
    first: usize,
    verb: usize,
    end: usize,
    quoted: &[Span],
) -> Option<Quote> {
    let _ = quoted;
    let opener = (verb + 1..end.min(verb + 9)).find(|&k| {
        cx.word(k)
            .is_some_and(|w| cx.cues.complementizers.contains(&w.to_lowercase()))
    })?;
    if (verb + 1..opener).any(|k| {
        matches!(cx.token(k), "," | ":" | ";")
            || cx.seg.tokens[k].kind == kroniek_text::TokenKind::Quote
    }) {
        return None;
    }
    let word = cx.token(opener).to_lowercase();
    let start = if word == "te" { opener } else { opener + 1 };
    if start >= end || end - start < 3 {
        return None;
    }
    let content = cx.span(start, end);
    Some(make(
        cx,
        content,
        verb,
        subject_of(cx, verb, first, opener),
        quoted,
    ))
}

/// `…, zegt X.` / `…, X said.` / `…, said X.` (no quotation marks).
fn trailing_quote(
    cx: &Context,
    first: usize,
    verb: usize,
    end: usize,
    quoted: &[Span],
) -> Option<Quote> {
    let cue = cx.cue_at(verb)?;
    if (cue.opinion && cx.lang == kroniek_text::Lang::En) || cue.participle {
        return None;
    }
    let comma = (first..verb).rev().find(|&k| cx.token(k) == ",")?;
    let after_comma = comma + 1;
    let phrase = if after_comma == verb {
        cx.phrase_after(verb + 1, end)
    } else {
        // "…, the United Nations said": the name may follow an article after the comma.
        cx.phrase_before(verb, after_comma).filter(|p| {
            let start = cx.token_from(p.span().start);
            start == after_comma || (start == after_comma + 1 && cx.after_definite_article(start))
        })
    }?;
    let mut start = first;
    while start < comma && cx.seg.tokens[start].kind == kroniek_text::TokenKind::Quote {
        start += 1;
    }
    if comma - start < 3 || (start..comma).any(|k| is_quoted(quoted, cx.seg.tokens[k].span)) {
        return None;
    }
    // "In remarks to the news service, X said": an opening phrase, not reported words. Where
    // a clause shows by its verb (English), it must have one.
    if cx.cues.bare_clauses && !has_finite_verb(cx, start, comma, quoted) {
        return None;
    }
    Some(make(cx, cx.span(start, comma), verb, Some(phrase), quoted))
}

/// `Police said the driver fled` / `She told reporters today the plan had failed`: a content
/// clause without a complementizer, in a language that allows it. The clause must open like a
/// clause (an article, a subject pronoun, a name, a number or a content word) and hold a finite
/// verb early on; it runs to the end of the sentence, a semicolon or a participle that adds a
/// report of its own.
fn bare_clause_quote(
    cx: &Context,
    first: usize,
    verb: usize,
    end: usize,
    quoted: &[Span],
) -> Option<Quote> {
    let cue = cx.cue_at(verb)?;
    if !cx.cues.bare_clauses || cue.object || !is_verb_here(cx, verb, &cue.lemma) {
        return None;
    }
    // "When announcing the shutdown, …": a participle after a conjunction reports nothing.
    let after_function_word = verb
        .checked_sub(1)
        .and_then(|k| cx.word(k))
        .is_some_and(|w| cx.lexicon.function_words.contains(&w.to_lowercase()));
    if cue.participle && after_function_word {
        return None;
    }
    // "pointed out he had secured …": a particle of the verb opens no clause.
    let mut after_verb = verb + 1;
    if cx
        .word(after_verb)
        .is_some_and(|w| cx.cues.verb_particles.contains(&w.to_lowercase()))
    {
        after_verb += 1;
    }
    let mut start = skip_adverbials(cx, after_verb, end);
    let adverbials = start > after_verb;
    if cue.addressee {
        // "told the press …", "told him …", "told reporters …" (a bare plural noun).
        let after = match cx.phrase_after(start, end) {
            Some(addressee) => cx.token_from(addressee.span().end),
            None => start + usize::from(opens_clause(cx, start)),
        };
        start = skip_adverbials(cx, after, end);
    }
    if adverbials && start < end && cx.token(start) == "," {
        start += 1; // "noted on Monday, the fatalities were …"
    }
    let stop = (start..end)
        .find(|&k| is_clause_break(cx, k) || cx.token(k) == ":")
        .unwrap_or(end);
    if stop < start + 3 || !opens_clause(cx, start) || !has_finite_verb(cx, start, stop, quoted) {
        return None;
    }
    if (start..stop).any(|k| cx.seg.tokens[k].kind == kroniek_text::TokenKind::Quote)
        && is_quoted(quoted, cx.seg.tokens[start].span)
    {
        return None;
    }
    let subject = subject_of(cx, verb, first, verb);
    Some(make(cx, cx.span(start, stop), verb, subject, quoted))
}

/// Whether the cue word at token `verb` is used as a verb: a base form that is also a noun
/// ("state", "report", "claim") only counts after "to", a pronoun, an auxiliary or a plural
/// noun ("went on to say", "they say", "would argue", "activists claim"), not in "Republican
/// state representative".
fn is_verb_here(cx: &Context, verb: usize, lemma: &str) -> bool {
    let word = cx.token(verb).to_lowercase();
    if word != lemma {
        return true;
    }
    verb.checked_sub(1)
        .and_then(|k| cx.word(k))
        .map(str::to_lowercase)
        .is_some_and(|before| {
            matches!(before.as_str(), "to" | "i" | "we" | "you")
                || cx.lexicon.pronoun(&before).is_some()
                || cx.cues.is_finite_verb(&before)
                || cx.cues.is_plural_noun(&before)
        })
}

/// Whether token `k` ends one report and may start another: a semicolon, or a comma before a
/// participle ("…, adding that …").
fn is_clause_break(cx: &Context, k: usize) -> bool {
    match cx.token(k) {
        ";" => true,
        "," => cx.cue_at(k + 1).is_some_and(|c| c.participle),
        _ => false,
    }
}

/// The first token from `i` that is no adverbial ("today", "on Monday").
fn skip_adverbials(cx: &Context, mut i: usize, end: usize) -> usize {
    while i < end && cx.word(i).is_some_and(|w| cx.cues.is_adverbial(w)) {
        i += 1;
    }
    i
}

/// Whether token `i` can open a content clause.
fn opens_clause(cx: &Context, i: usize) -> bool {
    let token = &cx.seg.tokens[i];
    match token.kind {
        kroniek_text::TokenKind::Number => true,
        kroniek_text::TokenKind::Word => {
            let word = token.span.of(cx.text);
            let lower = word.to_lowercase();
            cx.cues.clause_openers.contains(&lower)
                || (!cx.lexicon.function_words.contains(&lower)
                    && !cx.lexicon.prepositions.contains(&lower)
                    && cx.cues.verb(&lower).is_none())
        }
        _ => false,
    }
}

/// Whether a finite verb stands among the first twelve tokens of `start..stop`, not right after
/// an article ("the wounded") and not inside a direct quotation, and the first such verb does
/// not follow a conjunction ("said goodbye and left").
fn has_finite_verb(cx: &Context, start: usize, stop: usize, quoted: &[Span]) -> bool {
    let first = (start + 1..stop.min(start + 12)).find(|&k| {
        cx.word(k).is_some_and(|w| {
            let after_article = cx
                .word(k - 1)
                .is_some_and(|p| matches!(p.to_lowercase().as_str(), "the" | "a" | "an"));
            !after_article
                && !is_quoted(quoted, cx.seg.tokens[k].span)
                && cx.cues.is_finite_verb(&w.to_lowercase())
        })
    });
    // "said goodbye and left": the verb after "and" is the reporter's own second verb.
    first.is_some_and(|k| {
        !cx.word(k - 1)
            .is_some_and(|p| cx.cues.conjunctions.contains(&p.to_lowercase()))
    })
}

/// `Volgens X is …` / `…, aldus X.` / `Dat zijn volgens X …` / `according to X, …`.
fn marker_quote(
    cx: &Context,
    first: usize,
    marker: usize,
    len: usize,
    end: usize,
    quoted: &[Span],
) -> Option<Quote> {
    let phrase = cx.phrase_after(marker + len, end)?;
    let phrase_end = cx.token_from(phrase.span().end);
    let content = if marker == first {
        let mut start = phrase_end;
        if start < end && cx.token(start) == "," {
            start += 1;
        }
        (end > start + 1).then(|| cx.span(start, end))?
    } else if marker > first
        && cx.token(marker - 1) == ","
        && (phrase_end >= end
            || trails(cx, phrase_end, end)
            || (cx.token(phrase_end) == "," && has_finite_verb(cx, first, marker - 1, quoted)))
    {
        // "… were rescued, according to officials, some of them …": the clause before the
        // marker is what the source says; what follows its comma is the writer's again.
        cx.span(first, marker - 1)
    } else {
        cx.span(first, end)
    };
    let cue = marker..marker + len;
    let speaker = cx.speaker_of(&phrase, quoted, false);
    Some(Quote {
        id: 0,
        kind: QuoteKind::Indirect,
        span: content,
        text: content.of(cx.text).to_string(),
        cue: Some(Words::at(cx.text, cx.span(cue.start, cue.end))),
        speaker,
        nested_in: None,
    })
}

/// Whether tokens `from..end` only finish a trailing attribution's name ("…, aldus een arts
/// van Artsen zonder Grenzen."): a few words, no comma, no cue verb.
fn trails(cx: &Context, from: usize, end: usize) -> bool {
    end.saturating_sub(from) <= 4
        && (from..end).all(|k| cx.word(k).is_some() && cx.cue_at(k).is_none())
}

/// An indirect quotation of `content` with the verb at token `verb` and its subject.
fn make(
    cx: &Context,
    content: Span,
    verb: usize,
    subject: Option<crate::phrases::Phrase>,
    quoted: &[Span],
) -> Quote {
    let plural = crate::direct::is_plural(cx, verb);
    let speaker = subject.and_then(|p| cx.speaker_of(&p, quoted, plural));
    Quote {
        id: 0,
        kind: QuoteKind::Indirect,
        span: content,
        text: content.of(cx.text).to_string(),
        cue: Some(Words::at(cx.text, cx.seg.tokens[verb].span)),
        speaker,
        nested_in: None,
    }
}
