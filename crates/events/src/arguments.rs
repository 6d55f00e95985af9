//! Arguments of an event: its place, time, counts and actors, looked up in the layers of the
//! other stages, first in the trigger's sentence, then (place and time) in the sentence before,
//! then in the document as a whole.

use crate::detect::Hit;
use crate::flags;
use crate::lexicon::{Lexicon, WordKind};
use crate::words::Words as DocWords;
use crate::{
    Actor, ActorRole, ArgumentSource, Count, CountWhat, Event, EventInput, EventPlace, EventTime,
    TimeContext, Words,
};
use kroniek_entities::EntityKind;
use kroniek_numbers::QuantityKind;
use kroniek_quotes::QuoteKind;
use kroniek_text::Span;
use kroniek_time::TimeKind;

/// The event type of people leaving, fleeing or being evacuated.
const DISPLACEMENT: &str = "displacement";
use std::collections::{HashMap, HashSet};

/// Words after a number in which a verb can say what it counts ("12 mensen kwamen om").
const VERB_AFTER: usize = 4;
/// Words before a number in which a verb can say what it counts ("killing 12").
const VERB_BEFORE: usize = 2;
/// Words before an actor in which a role marker ("door", "against") counts.
const MARKER_WINDOW: usize = 2;

/// A stretch of text that names a place.
#[derive(Debug, Clone)]
struct PlaceMention {
    span: Span,
    place: Option<usize>,
    /// A demonym or place adjective ("Oost-Syrische"): context, not the event's place.
    demonym: bool,
}

/// A quantity that counts something an event can report.
#[derive(Debug, Clone)]
struct CountCandidate {
    quantity: usize,
    span: Span,
    sentence: usize,
    what: CountWhat,
}

/// Everything looked up once per document.
pub(crate) struct Context<'a> {
    input: &'a EventInput<'a>,
    words: &'a DocWords,
    lx: &'a Lexicon,
    places: Vec<PlaceMention>,
    main_place: Option<usize>,
    main_time: Option<usize>,
    /// Sorted by sentence.
    counts: Vec<CountCandidate>,
    /// Disjoint, sorted stretches inside direct quotations.
    direct_quotes: Vec<Span>,
    /// Times that can date an event, as (start byte, index), sorted.
    times: Vec<(usize, usize)>,
    /// Entity mentions that can be actors, as (span, entity), sorted.
    actor_mentions: Vec<(Span, usize)>,
}

impl<'a> Context<'a> {
    /// Indexes the layers of `input`.
    pub fn new(input: &'a EventInput<'a>, words: &'a DocWords, lx: &'a Lexicon) -> Self {
        let places = place_mentions(input, lx);
        let mut times: Vec<(usize, usize)> = input
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| is_event_time(t.kind))
            .map(|(k, t)| (t.span.start, k))
            .collect();
        times.sort_unstable();
        let actor_mentions = actor_mentions(input, &places, lx);
        let mut cx = Context {
            input,
            words,
            lx,
            places,
            main_place: None,
            main_time: None,
            counts: Vec::new(),
            direct_quotes: direct_quotes(input),
            times,
            actor_mentions,
        };
        cx.mark_peoples();
        cx.main_place = main_place(input.text, &cx.places);
        cx.counts = cx.count_candidates();
        cx.counts.sort_by_key(|c| c.sentence);
        cx.main_time = cx.main_time();
        cx
    }

    /// Whether sentence `s` has a count of people (for triggers that need one).
    pub fn has_people_count(&self, s: usize) -> bool {
        !self.counts_in(s).is_empty()
    }

    /// The count candidates of sentence `s`.
    fn counts_in(&self, s: usize) -> &[CountCandidate] {
        let from = self.counts.partition_point(|c| c.sentence < s);
        let to = self.counts.partition_point(|c| c.sentence <= s);
        &self.counts[from..to]
    }

    /// The event a trigger reports, with its arguments, flags and confidence.
    pub fn event(&self, hit: &Hit) -> Event {
        let text = self.input.text;
        let sentence = self
            .input
            .segmentation
            .sentences
            .get(hit.sentence)
            .map_or(hit.span, |s| s.span);
        let place = self.place(hit);
        let time = self.time(hit);
        let counts = self.counts(hit);
        let actors = self.actors(hit, sentence);
        let scope = flags::Scope::of(self.words, text, self.lx, hit);
        let sentence_time = time
            .as_ref()
            .filter(|t| t.source == ArgumentSource::Sentence)
            .and_then(|t| self.input.times.get(t.time));
        let reference = self.input.reference;
        let in_quote = within_any(&self.direct_quotes, hit.span);
        let time_context = match &time {
            Some(t) if self.input.times.get(t.time).is_some_and(|x| x.resolved) => None,
            _ => Some(TimeContext::BeforePublication),
        };
        let mut event = Event {
            id: 0,
            event_type: hit.sub_type.event_type.to_string(),
            sub_type: hit.sub_type.sub_type.to_string(),
            trigger: Words::at(text, hit.span),
            mentions: vec![Words::at(text, hit.span)],
            sentence,
            actors,
            place,
            time,
            time_context,
            counts,
            confidence: 0.0,
            negated: scope.has(WordKind::Negation),
            hypothetical: scope.has(WordKind::Modal)
                || sentence_time.is_some_and(|t| flags::is_future(t, reference)),
            historical: scope.sentence_has(WordKind::Historical)
                || sentence_time.is_some_and(|t| flags::is_historical(t, reference)),
            in_quote,
        };
        if (event.historical || event.hypothetical)
            && event
                .time
                .as_ref()
                .is_some_and(|t| t.source != ArgumentSource::Sentence)
        {
            // Another sentence's time does not date background history or a plan.
            event.time = None;
            event.time_context = None;
        }
        event.confidence = confidence(hit.strength, &event);
        event
    }

    /// The place: the nearest place name in the sentence, else in the sentence before, else
    /// the document's main place. People flee from a place: for a displacement, a destination
    /// ("naar Aleppo", "to Turkey") is not the event's place, and in the sentence before it is
    /// no event's place.
    fn place(&self, hit: &Hit) -> Option<EventPlace> {
        let displacement = hit.sub_type.event_type == DISPLACEMENT;
        // In the sentence before, a destination is where other people went, whatever the event.
        let in_sentence = |s: usize| {
            let span = self.input.segmentation.sentences.get(s)?.span;
            let from = self.places.partition_point(|m| m.span.start < span.start);
            let to = self.places.partition_point(|m| m.span.start < span.end);
            let skip_destinations = displacement || s != hit.sentence;
            (from..to)
                .filter(|k| !self.places[*k].demonym && span.contains(self.places[*k].span))
                .filter(|k| !(skip_destinations && self.is_destination(self.places[*k].span)))
                .min_by_key(|k| distance(self.places[*k].span, hit.span))
        };
        let (k, source) = in_sentence(hit.sentence)
            .map(|k| (k, ArgumentSource::Sentence))
            .or_else(|| {
                let before = hit.sentence.checked_sub(1)?;
                in_sentence(before).map(|k| (k, ArgumentSource::PreviousSentence))
            })
            .or_else(|| self.main_place.map(|k| (k, ArgumentSource::Document)))?;
        let mention = self.places.get(k)?;
        Some(EventPlace {
            place: mention.place,
            text: Words::at(self.input.text, mention.span).text,
            span: mention.span,
            within: self.within(k),
            source,
        })
    }

    /// Whether a destination word ("naar", "to") stands right before the place at `span`, or
    /// before the article in front of it.
    fn is_destination(&self, span: Span) -> bool {
        let w = self.words;
        let first = w.first_at(span.start);
        (first.saturating_sub(2)..first).any(|j| {
            self.lx
                .words
                .at(w, j)
                .iter()
                .any(|(n, kind)| **kind == WordKind::Destination && j + n <= first)
        })
    }

    /// Whether a word that starts a clause stands between the trigger and `span` ("The protest
    /// was organised by the FDF, which says … by 2030": the plan's date is not the protest's).
    fn clause_between(&self, trigger: Span, span: Span) -> bool {
        let w = self.words;
        let (from, to) = if span.start >= trigger.end {
            (w.first_at(trigger.end), w.first_at(span.start))
        } else {
            (w.first_at(span.end), w.first_at(trigger.start))
        };
        (from..to).any(|j| {
            self.lx
                .words
                .at(w, j)
                .iter()
                .any(|(_, kind)| **kind == WordKind::Clause)
        })
    }

    /// A demonym right before place mention `k` that names a broader, resolved place.
    fn within(&self, k: usize) -> Option<usize> {
        let mention = self.places.get(k)?;
        // Only a mention just before can touch this one; looking further back for any demonym
        // made every event scan the whole document.
        let before = self.places[..k].iter().rev().take(4).find(|m| m.demonym)?;
        let gap = self.input.text.get(before.span.end..mention.span.start)?;
        (gap.trim().is_empty() && gap.len() <= 2 && before.place != mention.place)
            .then_some(before.place)
            .flatten()
    }

    /// The time: the nearest date or period in the sentence, else in the sentence before, else
    /// the document's first one.
    fn time(&self, hit: &Hit) -> Option<EventTime> {
        let times = self.input.times;
        // A plan in the sentence before ("next week") does not date this sentence's event.
        let in_sentence = |s: usize, own: bool| {
            let span = self.input.segmentation.sentences.get(s)?.span;
            let from = self.times.partition_point(|(at, _)| *at < span.start);
            let to = self.times.partition_point(|(at, _)| *at < span.end);
            self.times[from..to]
                .iter()
                .map(|(_, k)| *k)
                .filter(|k| {
                    times.get(*k).is_some_and(|t| {
                        let future = flags::is_future(t, self.input.reference);
                        span.contains(t.span)
                            && (!future || (own && !self.clause_between(hit.span, t.span)))
                    })
                })
                .min_by_key(|k| {
                    times
                        .get(*k)
                        .map_or(usize::MAX, |t| distance(t.span, hit.span))
                })
        };
        let (k, source) = in_sentence(hit.sentence, true)
            .map(|k| (k, ArgumentSource::Sentence))
            .or_else(|| {
                let before = hit.sentence.checked_sub(1)?;
                in_sentence(before, false).map(|k| (k, ArgumentSource::PreviousSentence))
            })
            .or_else(|| self.main_time.map(|k| (k, ArgumentSource::Document)))?;
        let t = times.get(k)?;
        Some(EventTime {
            time: k,
            text: Words::at(self.input.text, t.span).text,
            span: t.span,
            source,
        })
    }

    /// The document's first date that is not in the future (the fallback time).
    fn main_time(&self) -> Option<usize> {
        self.times.iter().map(|(_, k)| *k).find(|k| {
            self.input.times.get(*k).is_some_and(|t| {
                !flags::is_future(t, self.input.reference)
                    && !flags::is_historical(t, self.input.reference)
            })
        })
    }

    /// The counts in the trigger's sentence; a food price counts its amount of money.
    fn counts(&self, hit: &Hit) -> Vec<Count> {
        let quantities = self.input.quantities;
        if let Some(index) = hit.price {
            return quantities
                .get(index)
                .map(|q| self.count(index, q.span, CountWhat::Price))
                .into_iter()
                .collect();
        }
        let displacement = hit.sub_type.event_type == DISPLACEMENT;
        self.counts_in(hit.sentence)
            .iter()
            .map(|c| {
                let what = match c.what {
                    CountWhat::People if displacement => CountWhat::Displaced,
                    what => what,
                };
                self.count(c.quantity, c.span, what)
            })
            .collect()
    }

    fn count(&self, quantity: usize, span: Span, what: CountWhat) -> Count {
        let q = self.input.quantities.get(quantity);
        Count {
            quantity,
            text: Words::at(self.input.text, span).text,
            span,
            what,
            value: q.and_then(|q| q.value),
            lower: q.and_then(|q| q.lower),
            upper: q.and_then(|q| q.upper),
        }
    }

    /// Quantities that count people, dead, injured or displaced, with their sentence.
    fn count_candidates(&self) -> Vec<CountCandidate> {
        let seg = self.input.segmentation;
        self.input
            .quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                matches!(
                    q.kind,
                    QuantityKind::Number | QuantityKind::Vague | QuantityKind::Range
                )
            })
            .filter_map(|(index, q)| {
                let counted = q.counted.as_ref().map(|c| c.span);
                let noun = counted.and_then(|c| self.what_in(c).or_else(|| self.people_of(c)));
                let end = counted.map_or(q.span.end, |c| c.end.max(q.span.end));
                let verb = self.verb_near(q.span.start, end);
                let what = match noun {
                    None | Some(CountWhat::People) => verb.or(noun),
                    other => other,
                }?;
                let span = match counted {
                    Some(c) if c.start >= q.span.end && c.start - q.span.end <= 2 => {
                        Span::new(q.span.start, c.end)
                    }
                    _ => q.span,
                };
                Some(CountCandidate {
                    quantity: index,
                    span,
                    sentence: seg.sentence_at(q.span.start)?,
                    what,
                })
            })
            .collect()
    }

    /// Marks the place mentions that name a counted people ("Duizenden Palestijnen") as
    /// context, like demonyms: the people fled, the place is elsewhere.
    fn mark_peoples(&mut self) {
        let counted: Vec<Span> = self
            .input
            .quantities
            .iter()
            .filter_map(|q| q.counted.as_ref().map(|c| c.span))
            .filter(|&c| self.people_of(c).is_some())
            .collect();
        for c in counted {
            let k = self.places.partition_point(|m| m.span.start < c.start);
            if let Some(mention) = self.places.get_mut(k) {
                mention.demonym = true;
            }
        }
    }

    /// People when a counted noun phrase opens with the name of a people ("Duizenden
    /// Palestijnen", "thousands of Syrians"): a place mention there that is no adjective
    /// ("drie Syrische dorpen" counts villages).
    fn people_of(&self, counted: Span) -> Option<CountWhat> {
        let k = self
            .places
            .partition_point(|m| m.span.start < counted.start);
        let mention = self.places.get(k)?;
        let text = Words::at(self.input.text, mention.span).text;
        (mention.span.start == counted.start
            && mention.span.end <= counted.end
            && !is_adjective(&text, self.lx)
            && self.names_a_people(mention))
        .then_some(CountWhat::People)
    }

    /// Whether a place mention names a people rather than the place itself: its place was
    /// reached by a demonym, or its words differ from every name the places layer gives.
    fn names_a_people(&self, mention: &PlaceMention) -> bool {
        let Some(place) = mention.place.and_then(|k| self.input.places.get(k)) else {
            return false;
        };
        let surface = Words::at(self.input.text, mention.span).text.to_lowercase();
        place.via_demonym || !place.name.to_lowercase().starts_with(&surface)
    }

    /// What the words of `span` (a counted noun phrase) say is counted: its last listed word.
    fn what_in(&self, span: Span) -> Option<CountWhat> {
        let w = self.words;
        (w.first_at(span.start)..w.first_at(span.end))
            .rev()
            .find_map(|j| self.lx.counts.longest_at(w, j).map(|(_, what)| *what))
    }

    /// A verb near a number that says what it counts ("kwamen om het leven", "killing").
    fn verb_near(&self, start: usize, end: usize) -> Option<CountWhat> {
        let w = self.words;
        let first = w.first_at(start);
        let after = w.first_at(end);
        let (lo, hi) = w.sentence_range(first.min(w.list.len().saturating_sub(1)));
        (after..(after + VERB_AFTER).min(hi))
            .chain(first.saturating_sub(VERB_BEFORE).max(lo)..first)
            .find_map(|j| self.lx.counts.longest_at(w, j).map(|(_, what)| *what))
            .filter(|what| *what != CountWhat::People)
    }

    /// The actors in the trigger's sentence: named entities (not places, not the people quoted
    /// as sources) and actor nouns, with their role.
    fn actors(&self, hit: &Hit, sentence: Span) -> Vec<Actor> {
        let from = self
            .actor_mentions
            .partition_point(|(m, _)| m.start < sentence.start);
        let to = self
            .actor_mentions
            .partition_point(|(m, _)| m.start < sentence.end);
        let mut found: Vec<(Option<usize>, Span)> = self.actor_mentions[from..to]
            .iter()
            .filter(|(m, _)| sentence.contains(*m) && !m.overlaps(hit.span))
            .map(|(m, entity)| (Some(*entity), *m))
            .collect();
        let w = self.words;
        let (lo, hi) = w.sentence_range(hit.first_word);
        let mut j = lo;
        while j < hi {
            let Some((n, _)) = self.lx.actors.longest_at(w, j) else {
                j += 1;
                continue;
            };
            let span = Span::new(w.list[j].span.start, w.list[j + n - 1].span.end);
            if !span.overlaps(hit.span) && !found.iter().any(|(_, s)| s.overlaps(span)) {
                found.push((None, span));
            }
            j += n;
        }
        found.sort_by_key(|(_, s)| s.start);
        found
            .into_iter()
            .map(|(entity, span)| Actor {
                entity,
                text: Words::at(self.input.text, span).text,
                span,
                role: self.role(span, hit.span),
            })
            .collect()
    }

    /// An actor's role: marked by "door"/"by" or "tegen"/"against" just before it, else agent
    /// before the trigger and participant after it.
    fn role(&self, actor: Span, trigger: Span) -> ActorRole {
        let w = self.words;
        let first = w.first_at(actor.start);
        let (lo, _) = w.sentence_range(first.min(w.list.len().saturating_sub(1)));
        for j in (first.saturating_sub(MARKER_WINDOW).max(lo)..first).rev() {
            for (_, kind) in self.lx.words.at(w, j) {
                match kind {
                    WordKind::Agent => return ActorRole::Agent,
                    WordKind::Target => return ActorRole::Target,
                    _ => {}
                }
            }
        }
        if actor.end <= trigger.start {
            ActorRole::Agent
        } else {
            ActorRole::Participant
        }
    }
}

/// Whether a word ends like an adjective made from a place name ("Oost-Syrische", "Iraqi").
fn is_adjective(word: &str, lx: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    lx.adjective_suffixes
        .iter()
        .any(|s| !s.is_empty() && lower.ends_with(s.as_str()))
}

/// The entity mentions that can be actors: not places, not people quoted as sources.
fn actor_mentions(input: &EventInput, places: &[PlaceMention], lx: &Lexicon) -> Vec<(Span, usize)> {
    let speakers: HashSet<usize> = input
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref()?.entity)
        .collect();
    let sources = source_mentions(input);
    let place_spans: Vec<Span> = places.iter().map(|p| p.span).collect();
    let mut out: Vec<(Span, usize)> = input
        .entities
        .entities
        .iter()
        .filter(|e| {
            e.kind != EntityKind::Location
                && !(e.kind == EntityKind::Person && speakers.contains(&e.id))
        })
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(move |m| e.kind != EntityKind::Misc || !is_adjective(&m.text, lx))
                .map(move |m| (m.span, e.id))
        })
        .filter(|(span, _)| !overlaps_any(&place_spans, *span) && !overlaps_any(&sources, *span))
        .collect();
    out.sort_unstable_by_key(|(span, id)| (span.start, span.end, *id));
    out
}

/// The speaker mentions that are sources, not parties, of what they report: every speaker of a
/// quotation ("…, the United Nations said", "volgens de VN", "…, aldus X"), except one whose
/// words go on about itself by a subject pronoun ("the army said it struck …", "het leger zegt
/// dat het doelen heeft aangevallen").
fn source_mentions(input: &EventInput) -> Vec<Span> {
    let lexicon = kroniek_entities::Lexicon::for_lang(input.lang);
    let about_itself = |text: &str| {
        text.split_whitespace()
            .take(2)
            .any(|w| lexicon.pronoun(w).is_some_and(|p| p.subject))
    };
    let mut spans: Vec<Span> = input
        .quotes
        .iter()
        .filter(|q| !about_itself(&q.text))
        .filter_map(|q| Some(q.speaker.as_ref()?.mention.as_ref()?.span))
        .collect();
    spans.sort_unstable();
    spans
}

/// The stretches of text inside direct quotations, merged into disjoint sorted spans.
fn direct_quotes(input: &EventInput) -> Vec<Span> {
    let mut spans: Vec<Span> = input
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.span)
        .collect();
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// Whether `span` lies inside one of `sorted` (disjoint, sorted spans).
fn within_any(sorted: &[Span], span: Span) -> bool {
    let k = sorted.partition_point(|s| s.start <= span.start);
    k > 0 && sorted[k - 1].contains(span)
}

/// Whether `span` overlaps one of `sorted` (disjoint, sorted spans).
fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let k = sorted.partition_point(|s| s.start < span.end);
    k > 0 && sorted[k - 1].overlaps(span)
}

/// Every place mention: the places layer's mentions, location entities the gazetteer lacks,
/// and other entity mentions written like a location's name.
fn place_mentions(input: &EventInput, lx: &Lexicon) -> Vec<PlaceMention> {
    let text = input.text;
    let adjective = |span: Span| is_adjective(&Words::at(text, span).text, lx);
    let mut all: Vec<(PlaceMention, bool)> = Vec::new();
    for (index, place) in input.places.iter().enumerate() {
        for &span in &place.mentions {
            let mention = PlaceMention {
                span,
                place: Some(index),
                demonym: place.via_demonym || adjective(span),
            };
            all.push((mention, false));
        }
    }
    let entities = &input.entities.entities;
    let location_names: HashSet<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Location)
        .flat_map(|e| e.mentions.iter().map(|m| m.text.to_lowercase()))
        .collect();
    for entity in entities {
        for m in &entity.mentions {
            if entity.kind == EntityKind::Location
                || location_names.contains(&m.text.to_lowercase())
            {
                let mention = PlaceMention {
                    span: m.span,
                    place: None,
                    demonym: adjective(m.span),
                };
                all.push((mention, true));
            }
        }
    }
    // The places layer first where mentions overlap; then no two mentions overlap.
    all.sort_by_key(|(m, from_entity)| (m.span.start, *from_entity, m.span.end));
    let mut out: Vec<PlaceMention> = Vec::with_capacity(all.len());
    for (mention, _) in all {
        if out
            .last()
            .is_none_or(|last| !last.span.overlaps(mention.span))
        {
            out.push(mention);
        }
    }
    out
}

/// The place the document names most often (the first of equals), as an index into `mentions`.
fn main_place(text: &str, mentions: &[PlaceMention]) -> Option<usize> {
    let key = |m: &PlaceMention| match m.place {
        Some(p) => format!("#{p}"),
        None => Words::at(text, m.span).text.to_lowercase(),
    };
    let mut tally: HashMap<String, (usize, usize)> = HashMap::new();
    for (k, m) in mentions.iter().enumerate().filter(|(_, m)| !m.demonym) {
        tally.entry(key(m)).or_insert((0, k)).0 += 1;
    }
    tally
        .into_values()
        .max_by_key(|(n, first)| (*n, std::cmp::Reverse(*first)))
        .map(|(_, first)| first)
}

/// Kinds of time expressions that can date an event (not durations or recurrences).
fn is_event_time(kind: TimeKind) -> bool {
    !matches!(kind, TimeKind::Duration | TimeKind::Set | TimeKind::Time)
}

/// Bytes between two spans (0 when they overlap).
fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The confidence of an event from its rules: the trigger's strength, plus something for each
/// argument found in its own sentence (less for a fallback), minus something in a quotation.
pub(crate) fn confidence(strength: f64, event: &Event) -> f64 {
    let mut c = strength;
    c += match event.place.as_ref().map(|p| p.source) {
        Some(ArgumentSource::Sentence) => 0.10,
        Some(_) => 0.03,
        None => 0.0,
    };
    if event
        .time
        .as_ref()
        .is_some_and(|t| t.source == ArgumentSource::Sentence)
    {
        c += 0.05;
    }
    if !event.counts.is_empty() {
        c += 0.05;
    }
    if !event.actors.is_empty() {
        c += 0.05;
    }
    if event.in_quote {
        c -= 0.10;
    }
    round(c.clamp(0.05, 0.99))
}

/// Rounds to two decimals (confidences are rules of thumb, not measurements).
pub(crate) fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
