//! Direct quotations: the words between quotation marks, with the cue and speaker found after
//! the quotation ("…”, vertelt hij), before it (Hij zei: "…"), elsewhere in its sentence (for
//! partial quotations), or from the sentences around it.

use crate::marks::{find_pairs, Pair};
use crate::phrases::{Context, Phrase};
use crate::speakers::is_quoted;
use crate::{Quote, QuoteKind, Resolution, Speaker, Words};
use kroniek_entities::EntityKind;
use kroniek_text::Span;

/// A cue and the phrase that names the speaker next to it.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    /// The reporting verb or marker.
    pub cue: Span,
    /// The speaker phrase, if one stands next to the cue.
    pub phrase: Option<Phrase>,
    /// Whether the cue verb is plural (Dutch -en forms), which makes "ze" a group.
    pub plural: bool,
}

/// Finds the direct quotations of a document.
pub fn find_direct(cx: &Context) -> Vec<Quote> {
    let paragraphs: Vec<Span> = cx.seg.paragraphs.iter().map(|p| p.span).collect();
    let pairs = find_pairs(cx.text, &paragraphs);
    let contents: Vec<Span> = pairs.iter().map(|p| p.content(cx.text)).collect();
    let quoted = quoted_spans(&pairs);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut kept_pairs: Vec<usize> = Vec::new();
    for (index, pair) in pairs.iter().enumerate() {
        let content = contents[index];
        if word_count(content.of(cx.text)) < 2 {
            continue;
        }
        let attribution = attribute(cx, &pairs, &contents, index);
        let words = content.of(cx.text);
        let titled = is_title_case(words) && !words.ends_with(['.', '!', '?']);
        let keep = match &attribution {
            Some(found) => !titled || found.phrase.is_some(),
            None => {
                !titled && (is_full(cx, pair, content) || is_reported_fragment(cx, pair, content))
            }
        };
        if !keep {
            continue; // a title, a term or a scare quote
        }
        let speaker = match &attribution {
            Some(found) => found
                .phrase
                .as_ref()
                .and_then(|p| cx.speaker_of(p, &quoted, found.plural))
                .or_else(|| coordinated(cx, found.cue, &quotes)),
            None => from_context(cx, &pairs, &contents, index, &quotes, &kept_pairs, &quoted),
        };
        let nested_in = pair
            .parent
            .and_then(|parent| kept_pairs.iter().position(|&k| k == parent));
        quotes.push(Quote {
            id: quotes.len(),
            kind: QuoteKind::Direct,
            span: content,
            text: content.of(cx.text).to_string(),
            cue: attribution.map(|a| Words::at(cx.text, a.cue)),
            speaker,
            nested_in,
        });
        cx.record_speaker(
            pair.close.end,
            quotes.last().and_then(|q| q.speaker.as_ref()),
        );
        kept_pairs.push(index);
    }
    inherit_interrupted(cx, &pairs, &kept_pairs, &mut quotes);
    quotes
}

/// The speaker of a cue verb joined to the one before it ("X called it "…" and said "…""): the
/// speaker of the previous quotation, when it stands in the same sentence.
fn coordinated(cx: &Context, cue: Span, quotes: &[Quote]) -> Option<Speaker> {
    let verb = cx.token_from(cue.start);
    let joined = verb
        .checked_sub(1)
        .and_then(|k| cx.word(k))
        .is_some_and(|w| cx.cues.conjunctions.contains(&w.to_lowercase()));
    let previous = quotes.last()?;
    let same_sentence = cx.seg.sentence_at(previous.span.start) == cx.seg.sentence_at(cue.start);
    if !joined || !same_sentence {
        return None;
    }
    previous.speaker.clone().map(|speaker| Speaker {
        resolution: Resolution::PreviousQuote,
        mention: None,
        ..speaker
    })
}

/// Whether every word of `text` is capitalised, short linking words aside: the name of a
/// work, a product or a course ("Don't Hug Cacti", "Kimono Obi Tying"), not speech.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let linking = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "of"
                | "in"
                | "on"
                | "for"
                | "to"
                | "de"
                | "het"
                | "een"
                | "en"
                | "van"
                | "voor"
                | "op"
        )
    };
    words.len() >= 2
        && words.iter().all(|w| {
            linking(w)
                || w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Whether a quotation that is no full sentence is still someone's words: four words or more,
/// in a sentence about a named person or organisation ("Modi expressed "condolences to the
/// families …"). Shorter fragments without a cue are scare quotes or terms.
fn is_reported_fragment(cx: &Context, pair: &Pair, content: Span) -> bool {
    if word_count(content.of(cx.text)) < 4 {
        return false;
    }
    let Some(index) = cx.seg.sentence_at(pair.open.start) else {
        return false;
    };
    let sentence = cx.seg.sentences[index].span;
    cx.mentions_in(sentence).iter().any(|&(span, id)| {
        matches!(
            cx.entities.entities[id].kind,
            EntityKind::Person | EntityKind::Organisation
        ) && !content.contains(span)
    })
}

/// The number of words (runs of letters or digits) in `text`.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether the quotation reads as speech on its own: it starts like a sentence and ends like
/// one, or is introduced by a colon, or is followed by a comma (the attribution to come).
fn is_full(cx: &Context, pair: &Pair, content: Span) -> bool {
    let words = content.of(cx.text);
    let starts_like_sentence = words
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "…(.".contains(c));
    let ends_like_sentence = words.ends_with(['.', '!', '?', '…']);
    let before = cx.text[..pair.open.start].trim_end();
    let after = cx.text[pair.close.end..].trim_start();
    let introduced = before.ends_with(':')
        || before.is_empty()
        || before.ends_with(['\n', '.', '!', '?'])
        || cx.seg.sentence_at(pair.open.start)
            != cx.seg.sentence_at(before.len().saturating_sub(1));
    starts_like_sentence
        && (ends_like_sentence
            || after.starts_with(',')
            || before.ends_with(':')
            || (introduced && after.is_empty()))
}

/// The spans of the top-level quotations, in text order: a speaker is never read from inside
/// them (another quotation's words, or a quotation's own words, name no antecedent for the
/// pronoun that attributes it). A nested quotation's speaker may stand in its parent, which the
/// phrase readers reach directly.
fn quoted_spans(pairs: &[Pair]) -> Vec<Span> {
    pairs
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| Span::new(p.open.start, p.close.end))
        .collect()
}

/// The tokens around quotation `index` that belong to its sentence and to no other quotation:
/// `(before_start, open_token, after_token, after_end)`.
fn surroundings(cx: &Context, pairs: &[Pair], index: usize) -> (usize, usize, usize, usize) {
    let pair = &pairs[index];
    let (mut first, _) = cx.sentence_range(pair.open.start);
    let open_token = cx.token_from(pair.open.start);
    let after_token = cx.token_from(pair.close.end);
    let (_, mut end) = cx.sentence_range(pair.close.start.max(pair.open.end));
    if let Some(parent) = pair.parent.map(|p| &pairs[p]) {
        first = first.max(cx.token_from(parent.open.end));
        end = end.min(cx.token_from(parent.close.start));
    }
    // Only the pairs near this one can bound its sentence: scan a window, not the document.
    let window_start = pairs.partition_point(|p| p.open.start + 4000 < pair.open.start);
    let window_end = pairs.partition_point(|p| {
        p.open.start < cx.seg.tokens.get(end).map_or(usize::MAX, |t| t.span.start)
    });
    for (other_index, other) in pairs
        .iter()
        .enumerate()
        .take(window_end.max(index + 1))
        .skip(window_start)
    {
        if other_index == index
            || Some(other_index) == pair.parent
            || other.parent.is_some() && other.parent != pair.parent
        {
            continue;
        }
        if other.close.end <= pair.open.start {
            first = first.max(cx.token_from(other.close.end));
        } else if other.open.start >= pair.close.end {
            end = end.min(cx.token_from(other.open.start));
        }
    }
    (
        first.min(open_token),
        open_token,
        after_token,
        end.max(after_token),
    )
}

/// Finds the cue and speaker phrase of quotation `index`: after it, before it, or elsewhere in
/// its sentence.
fn attribute(cx: &Context, pairs: &[Pair], contents: &[Span], index: usize) -> Option<Attribution> {
    let (first, open_token, after_token, end) = surroundings(cx, pairs, index);
    let _ = contents;
    trailing(cx, after_token, end)
        .or_else(|| leading(cx, first, open_token))
        .or_else(|| in_sentence(cx, first, open_token, after_token, end))
        .or_else(|| next_sentence(cx, after_token))
}

/// `…”, vertelt hij.` / `…," said John Smith.` / `…", John said.` / `…”, aldus Jansen.`
fn trailing(cx: &Context, start: usize, end: usize) -> Option<Attribution> {
    let mut i = start;
    while i < end && matches!(cx.token(i), "," | "-" | "–" | "—") {
        i += 1;
    }
    if i >= end || cx.word(i).is_none() {
        return None;
    }
    if let Some(len) = cx.marker_at(i) {
        return Some(Attribution {
            cue: cx.span(i, i + len),
            phrase: cx.phrase_after(i + len, end),
            plural: false,
        });
    }
    if let Some(verb) = cx.cue_at(i) {
        let _ = verb;
        return Some(Attribution {
            cue: cx.seg.tokens[i].span,
            phrase: cx.phrase_after(i + 1, end),
            plural: is_plural(cx, i),
        });
    }
    // Subject before the verb: "John Smith said", "hij zegt", "the minister, who …, said".
    let phrase = cx.phrase_after(i, end)?;
    let phrase_end = cx.token_from(phrase.span().end);
    let verb = (phrase_end..end.min(phrase_end + 3)).find(|&k| cx.cue_at(k).is_some())?;
    Some(Attribution {
        cue: cx.seg.tokens[verb].span,
        phrase: Some(phrase),
        plural: is_plural(cx, verb),
    })
}

/// `Hij zei: "…"` / `zegt Baudet: ,,…''` / `Hartkamp: ,,…''` / `Volgens Jansen: "…"`, and the
/// second half of an interrupted quotation (`"…", zei hij, "…"`).
fn leading(cx: &Context, first: usize, open: usize) -> Option<Attribution> {
    let last = open.checked_sub(1).filter(|&l| l >= first)?;
    if !matches!(cx.token(last), ":" | ",") {
        return None;
    }
    if let Some(found) = cue_in(cx, first, last) {
        return Some(found);
    }
    if cx.token(last) == ":" {
        // "Hartkamp: ,,…''": only a person or an organisation speaks, not "IJsland: «…»".
        let speaks = |span: Span| {
            cx.entities
                .at(span)
                .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
        };
        if let Some(phrase @ Phrase::Name(span)) =
            cx.phrase_before(last, first).filter(|p| speaks(p.span()))
        {
            let _ = span;
            return Some(Attribution {
                cue: cx.seg.tokens[last].span,
                phrase: Some(phrase),
                plural: false,
            });
        }
    }
    None
}

/// A partial quotation inside a sentence with a cue: `noemde het 'totaal onacceptabel'`.
fn in_sentence(
    cx: &Context,
    first: usize,
    open: usize,
    after: usize,
    end: usize,
) -> Option<Attribution> {
    cue_in(cx, first, open).or_else(|| cue_in(cx, after, end))
}

/// `"…" Dat zegt burgemeester Jansen.` / `"…" That was what he said.`: a cue in the sentence that
/// follows, opened by a demonstrative that points back.
fn next_sentence(cx: &Context, after: usize) -> Option<Attribution> {
    let first = cx.word(after)?.to_lowercase();
    if !matches!(
        first.as_str(),
        "dat" | "dit" | "aldus" | "that" | "this" | "so"
    ) || cx
        .seg
        .sentence_at(cx.seg.tokens[after].span.start)
        .is_none()
    {
        return None;
    }
    let (start, end) = cx.sentence_range(cx.seg.tokens[after].span.start);
    if start != after {
        return None;
    }
    let verb =
        (after + 1..end.min(after + 3)).find(|&k| cx.cue_at(k).is_some_and(|v| !v.opinion))?;
    Some(Attribution {
        cue: cx.seg.tokens[verb].span,
        phrase: cx
            .phrase_after(verb + 1, end)
            .or_else(|| cx.phrase_before(verb, after + 1)),
        plural: is_plural(cx, verb),
    })
}

/// The last cue (verb or marker) in tokens `first..end` with the speaker phrase next to it.
pub(crate) fn cue_in(cx: &Context, first: usize, end: usize) -> Option<Attribution> {
    for k in (first..end).rev() {
        if let Some(len) = cx.marker_at(k) {
            return Some(Attribution {
                cue: cx.span(k, k + len),
                phrase: cx.phrase_after(k + len, end),
                plural: false,
            });
        }
        if cx.cue_at(k).is_some() {
            return Some(Attribution {
                cue: cx.seg.tokens[k].span,
                phrase: subject_of(cx, k, first, end),
                plural: is_plural(cx, k),
            });
        }
    }
    None
}

/// The subject of the verb at token `verb`: a name or pronoun right before it, else one right
/// after it (inversion: "Zelf noemt de monteur …"), else a description on either side.
pub(crate) fn subject_of(cx: &Context, verb: usize, first: usize, end: usize) -> Option<Phrase> {
    let cue = cx.cue_at(verb);
    // "The attacker … jumped on stage during the Great Orchestra … and claimed": a verb joined
    // by a conjunction shares the subject of the clause it joins, not the name before "and".
    let after_conjunction = verb > first
        && cx
            .word(verb - 1)
            .is_some_and(|w| cx.cues.conjunctions.contains(&w.to_lowercase()));
    if after_conjunction {
        if let Some(subject) = main_subject(cx, first, verb - 1) {
            return Some(subject);
        }
    }
    if cue.is_some_and(|c| c.participle) {
        // "Trump issued a statement …, saying": the subject of the clause it hangs from.
        if let Some(subject) = main_subject(cx, first, verb) {
            return Some(subject);
        }
    }
    let before = cx.phrase_before(verb, first);
    // "told Agence France-Presse": after such a verb stands the addressee, not the speaker.
    // "tweeted her reasoning": an object pronoun after the verb is no speaker either.
    let after = cue
        .filter(|c| !c.addressee)
        .and_then(|_| cx.phrase_after(verb + 1, end))
        .filter(|p| !cx.is_object_pronoun(p));
    let strong = |p: &Option<Phrase>| matches!(p, Some(Phrase::Name(_) | Phrase::Pronoun(_)));
    // "Details kan directeur Stassen niet geven", "Bij La Place zegt woordvoerder Lotte
    // Nijland": a capitalised word before the verb that names no one yields to a person
    // right after it.
    let nameless =
        |p: &Option<Phrase>| matches!(p, Some(Phrase::Name(span)) if cx.entity_at(*span).is_none());
    if nameless(&before) && after.as_ref().is_some_and(|p| cx.is_person(p)) {
        return after;
    }
    if strong(&before) {
        before
    } else if strong(&after) {
        after
    } else if before.is_some() || after.is_some() {
        after.or(before)
    } else {
        // "Hij wil erover nadenken, maar zegt dat …": the subject of the first clause.
        (first..verb.min(first + 3)).find_map(|k| {
            if cx.is_pronoun(k) {
                Some(Phrase::Pronoun(cx.seg.tokens[k].span))
            } else {
                cx.name_from(k)
                    .filter(|&end| end <= verb)
                    .map(|end| Phrase::Name(cx.span(k, end)))
            }
        })
    }
}

/// The subject of the clause a participle at token `participle` hangs from: the subject of the
/// last finite reporting verb before it ("…, police said, adding …"), else the phrase that opens
/// the sentence, after an opening adverbial ("On Friday, the task force released a statement
/// saying …").
fn main_subject(cx: &Context, first: usize, participle: usize) -> Option<Phrase> {
    // The clause it hangs from may lie before a clause break the caller stopped at.
    let (sentence_first, _) = cx.sentence_range(cx.seg.tokens[participle].span.start);
    let first = first.min(sentence_first);
    if let Some(verb) = (first..participle)
        .rev()
        .find(|&k| cx.cue_at(k).is_some_and(|c| !c.participle))
    {
        return subject_of(cx, verb, first, participle);
    }
    let mut start = first;
    while start < participle && cx.word(start).is_none() {
        start += 1; // an opening quotation mark or dash
    }
    // "Following the announcement, Trump issued a statement saying": after an opening phrase,
    // the subject stands after its comma; a name or pronoun there beats a description before.
    let after_comma = (start..participle)
        .find(|&k| cx.token(k) == ",")
        .and_then(|comma| cx.phrase_after(comma + 1, participle));
    let opening = cx.phrase_after(start, participle);
    // A capitalised first word no entity covers ("Following") is no name.
    let strong = |p: &Option<Phrase>| match p {
        Some(Phrase::Name(span)) => cx.entity_at(*span).is_some(),
        Some(Phrase::Pronoun(_)) => true,
        _ => false,
    };
    let opens_with_adverbial = cx.word(start).is_some_and(|w| {
        cx.lexicon.prepositions.contains(&w.to_lowercase()) || cx.cues.is_adverbial(w)
    });
    if opens_with_adverbial || (!strong(&opening) && strong(&after_comma)) {
        after_comma
    } else {
        opening
    }
}

/// Whether the verb at token `i` is a Dutch plural form (zeiden, schreeuwden, zeggen).
pub(crate) fn is_plural(cx: &Context, i: usize) -> bool {
    cx.word(i)
        .is_some_and(|w| cx.cues.is_plural_verb(&w.to_lowercase()))
}

/// The speaker of a quotation without a cue, from the sentences before it: the quotation it
/// continues, or the person the sentence before it is about.
fn from_context(
    cx: &Context,
    pairs: &[Pair],
    contents: &[Span],
    index: usize,
    quotes: &[Quote],
    kept: &[usize],
    quoted: &[Span],
) -> Option<Speaker> {
    let pair = &pairs[index];
    let here = cx
        .seg
        .sentence_at(pair.open.start.max(contents[index].start))?;
    let previous_quote = kept
        .iter()
        .rposition(|&k| pairs[k].close.end <= pair.open.start && pairs[k].parent == pair.parent)
        .map(|q| (&quotes[q], &pairs[kept[q]]));
    let continued = previous_quote.and_then(|(quote, previous)| {
        let there = cx.seg.sentence_at(previous.close.start).unwrap_or(0);
        let speaker = quote
            .speaker
            .as_ref()
            .filter(|_| here.saturating_sub(there) <= 3)?;
        Some(Speaker {
            resolution: Resolution::PreviousQuote,
            mention: None,
            ..speaker.clone()
        })
    });
    // A fragment inside a sentence ("Modi expressed "condolences …"") is the words of the
    // person that sentence is about.
    let starts_sentence = cx.seg.sentences[here].span.start >= pair.open.start.saturating_sub(1);
    if !starts_sentence {
        if let Some((speaker, _)) = subject_in_sentence(cx, here, quoted) {
            return Some(speaker);
        }
    }
    if here > 0 {
        let before = &cx.seg.sentences[here - 1];
        let inside_quote = is_quoted(quoted, before.span);
        // "“Heartbroken,” writes Huber's partner Erick Rowan. “I have lost …”": the sentence
        // before is about whoever speaks in it.
        let quote_before = previous_quote.is_some_and(|(_, previous)| {
            before
                .span
                .contains(Span::new(previous.open.start, previous.close.start))
        });
        if quote_before && continued.is_some() {
            return continued;
        }
        if !inside_quote {
            if let Some((speaker, is_subject)) = subject_in_sentence(cx, here - 1, quoted) {
                if is_subject || continued.is_none() {
                    return Some(speaker);
                }
            }
        }
    }
    if continued.is_some() {
        return continued;
    }
    // Nothing near: a text that quotes one person at length (an interview, a portrait) goes on
    // with the last speaker; else the person named last.
    if let Some(speaker) = previous_quote
        .and_then(|(quote, _)| quote.speaker.clone())
        .filter(|s| s.named)
    {
        return Some(Speaker {
            resolution: Resolution::PreviousQuote,
            mention: None,
            ..speaker
        });
    }
    let (entity, span) = cx.person_for(pair.open.start, quoted, None, None)?;
    Some(cx.entity_speaker(entity, Some(span), Resolution::Context))
}

/// The person sentence `index` is about: its first named person, or a pronoun subject at its
/// start, resolved; with whether it stands where a subject stands (among the first words, or
/// next to a reporting verb) rather than as an object further on.
fn subject_in_sentence(cx: &Context, index: usize, quoted: &[Span]) -> Option<(Speaker, bool)> {
    let sentence = &cx.seg.sentences[index];
    let is_quoted = |span: Span| is_quoted(quoted, span);
    let outside: Vec<(&kroniek_entities::Entity, Span)> = cx
        .mentions_in(sentence.span)
        .iter()
        .map(|&(span, id)| (&cx.entities.entities[id], span))
        .filter(|(e, s)| {
            e.kind == EntityKind::Person && sentence.span.contains(*s) && !is_quoted(*s)
        })
        .collect();
    let pronoun =
        (sentence.first_token..sentence.end_token.min(sentence.first_token + 4)).find(|&i| {
            cx.is_pronoun(i)
                && !is_quoted(cx.seg.tokens[i].span)
                && cx
                    .word(i)
                    .and_then(|w| cx.lexicon.pronoun(w))
                    .is_some_and(|p| p.subject)
        });
    let subject_like = |span: Span| {
        let token = cx.token_from(span.start);
        let words_before = (sentence.first_token..token)
            .filter(|&k| cx.word(k).is_some())
            .count();
        words_before <= 3
            || cx.cue_at(token.saturating_sub(1)).is_some()
            || cx.cue_at(cx.token_from(span.end)).is_some()
    };
    let resolved = |p: usize| {
        cx.speaker_of(&Phrase::Pronoun(cx.seg.tokens[p].span), quoted, false)
            .map(|s| {
                (
                    Speaker {
                        resolution: Resolution::Context,
                        ..s
                    },
                    true,
                )
            })
    };
    match (outside.first(), pronoun) {
        (Some((_, span)), Some(p)) if cx.seg.tokens[p].span.start < span.start => resolved(p),
        (Some(_), _) => {
            let (entity, span) = outside
                .iter()
                .find(|(_, s)| subject_like(*s))
                .copied()
                .unwrap_or(outside[0]);
            let speaker = Speaker {
                name: entity.name.clone(),
                named: true,
                entity: Some(entity.id),
                mention: Some(Words::at(cx.text, span)),
                resolution: Resolution::Context,
            };
            // "Niet lang daarna volgt de reactie van minister Hugo de Jonge. '…'": a sentence
            // that announces someone's words, naming one person, introduces the speaker.
            let announces = outside.len() == 1
                && (sentence.first_token..sentence.end_token).any(|k| {
                    cx.word(k)
                        .is_some_and(|w| cx.cues.speech_nouns.contains(&w.to_lowercase()))
                });
            Some((speaker, subject_like(span) || announces))
        }
        (None, Some(p)) => resolved(p),
        (None, None) => None,
    }
}

/// `"…", zei hij, "…"`: the first half of an interrupted quotation has no speaker of its own
/// when its attribution stands between the halves; both share it.
fn inherit_interrupted(cx: &Context, pairs: &[Pair], kept: &[usize], quotes: &mut [Quote]) {
    for q in 1..quotes.len() {
        let (first, second) = (&pairs[kept[q - 1]], &pairs[kept[q]]);
        if first.close.end > second.open.start {
            continue; // nested, not interrupted
        }
        let between = &cx.text[first.close.end..second.open.start];
        let interrupted = between.trim_start().starts_with(',')
            && between.trim_end().ends_with(',')
            && between.len() < 80;
        if interrupted && quotes[q - 1].speaker.is_none() {
            quotes[q - 1].speaker = quotes[q].speaker.clone();
            quotes[q - 1].cue = quotes[q - 1].cue.clone().or_else(|| quotes[q].cue.clone());
        }
    }
}
