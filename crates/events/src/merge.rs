//! Merging: an article that reports the same event twice ("vertrekken" … "een exodus") gives
//! one event with two mentions. Events merge when their sub-type and flags are the same and
//! their places and times agree (or one of them lacks the argument). A later report that states
//! a place or time the earlier one lacked is the same event only when it stands within a few
//! sentences of it or shares an explicit place or time with it: a vague report refers back to a
//! specific one ("de exodus"), but a specific one far after a vague one is usually another.

use crate::arguments::round;
use crate::{Actor, ArgumentSource, Event, EventPlace, EventTime};
use kroniek_text::{Segmentation, Span};
use std::collections::HashSet;

/// What a merge adds to the confidence for each extra mention.
const PER_MENTION: f64 = 0.05;

/// How many sentences after a vague report a report that states its own place or time may
/// stand and still be the same event ("Het leger viel doelen aan" and, a paragraph on, "Vorige
/// week werden bij gevechten in het centrum …" are two clashes).
const MERGE_REACH: usize = 3;

/// Merges the events (in text order) that report the same thing; the first report stays.
pub(crate) fn merge(events: Vec<Event>, seg: &Segmentation) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut pooled: Vec<Pooled> = Vec::with_capacity(events.len());
    for event in events {
        match out.iter().position(|kept| compatible(kept, &event, seg)) {
            Some(k) => absorb(&mut out[k], &mut pooled[k], event),
            None => {
                pooled.push(Pooled::of(&event));
                out.push(event);
            }
        }
    }
    out
}

/// What a kept event already holds, so that pooling a report's counts and actors takes time
/// in proportion to the report, not to everything pooled before (one long text may report the
/// same event thousands of times).
#[derive(Default)]
struct Pooled {
    quantities: HashSet<usize>,
    actor_spans: HashSet<Span>,
    actor_entities: HashSet<usize>,
}

impl Pooled {
    fn of(event: &Event) -> Pooled {
        let mut pooled = Pooled::default();
        pooled
            .quantities
            .extend(event.counts.iter().map(|c| c.quantity));
        for actor in &event.actors {
            pooled.note(actor);
        }
        pooled
    }

    fn knows(&self, actor: &Actor) -> bool {
        self.actor_spans.contains(&actor.span)
            || actor
                .entity
                .is_some_and(|e| self.actor_entities.contains(&e))
    }

    fn note(&mut self, actor: &Actor) {
        self.actor_spans.insert(actor.span);
        if let Some(entity) = actor.entity {
            self.actor_entities.insert(entity);
        }
    }
}

/// Whether two events can be one.
fn compatible(a: &Event, b: &Event, seg: &Segmentation) -> bool {
    a.sub_type == b.sub_type
        && a.negated == b.negated
        && a.hypothetical == b.hypothetical
        && a.historical == b.historical
        && same_place(a.place.as_ref(), b.place.as_ref())
        && same_time(a.time.as_ref(), b.time.as_ref())
        && (!adds_specifics(a, b) || shared_evidence(a, b) || near(a, b, seg))
}

/// Whether the later event `b` states a place or time that `a` only has by fallback.
fn adds_specifics(a: &Event, b: &Event) -> bool {
    (explicit_place(b).is_some() && explicit_place(a).is_none())
        || (explicit_time(b).is_some() && explicit_time(a).is_none())
}

/// Whether both events name the same place or the same time themselves (not by fallback).
fn shared_evidence(a: &Event, b: &Event) -> bool {
    let places = match (explicit_place(a), explicit_place(b)) {
        (Some(x), Some(y)) => same_place(Some(x), Some(y)),
        _ => false,
    };
    let times = match (explicit_time(a), explicit_time(b)) {
        (Some(x), Some(y)) => same_time(Some(x), Some(y)),
        _ => false,
    };
    places || times
}

/// The event's place when it names one itself (not by fallback).
fn explicit_place(e: &Event) -> Option<&EventPlace> {
    e.place
        .as_ref()
        .filter(|p| p.source != ArgumentSource::Document)
}

/// The event's time when it names one itself (not by fallback).
fn explicit_time(e: &Event) -> Option<&EventTime> {
    e.time
        .as_ref()
        .filter(|t| t.source != ArgumentSource::Document)
}

/// Whether `b`'s trigger stands within [`MERGE_REACH`] sentences of one of `a`'s mentions.
fn near(a: &Event, b: &Event, seg: &Segmentation) -> bool {
    let Some(there) = seg.sentence_at(b.trigger.span.start) else {
        return false;
    };
    // The mentions are in text order: the nearest ones stand on either side of `b`'s trigger.
    let after = a
        .mentions
        .partition_point(|m| m.span.start <= b.trigger.span.start);
    [after.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|k| a.mentions.get(k))
        .any(|m| {
            seg.sentence_at(m.span.start)
                .is_some_and(|here| there.abs_diff(here) <= MERGE_REACH)
        })
}

/// A fallback (document-level) argument is a guess and agrees with anything.
fn same_place(a: Option<&EventPlace>, b: Option<&EventPlace>) -> bool {
    match (a, b) {
        (Some(a), Some(b))
            if a.source != ArgumentSource::Document && b.source != ArgumentSource::Document =>
        {
            match (a.place, b.place) {
                (Some(x), Some(y)) => x == y,
                _ => a.text.to_lowercase() == b.text.to_lowercase(),
            }
        }
        _ => true,
    }
}

fn same_time(a: Option<&EventTime>, b: Option<&EventTime>) -> bool {
    match (a, b) {
        (Some(a), Some(b))
            if a.source != ArgumentSource::Document && b.source != ArgumentSource::Document =>
        {
            a.time == b.time || a.text.to_lowercase() == b.text.to_lowercase()
        }
        _ => true,
    }
}

/// Adds `other`'s mentions and arguments to `kept`: a better-sourced place or time replaces a
/// fallback one, counts and actors are pooled.
fn absorb(kept: &mut Event, pooled: &mut Pooled, other: Event) {
    // Events arrive in text order: re-sort only when the new mentions do not simply follow.
    let in_order = match (kept.mentions.last(), other.mentions.first()) {
        (Some(last), Some(first)) => last.span.start < first.span.start,
        _ => true,
    };
    kept.mentions.extend(other.mentions);
    if !in_order {
        kept.mentions.sort_by_key(|m| m.span.start);
        kept.mentions.dedup_by_key(|m| m.span);
    }
    if better(
        other.place.as_ref().map(|p| p.source),
        kept.place.as_ref().map(|p| p.source),
    ) {
        kept.place = other.place;
    }
    if better(
        other.time.as_ref().map(|t| t.source),
        kept.time.as_ref().map(|t| t.source),
    ) {
        kept.time = other.time;
        kept.time_context = other.time_context;
    }
    for count in other.counts {
        if pooled.quantities.insert(count.quantity) {
            kept.counts.push(count);
        }
    }
    for actor in other.actors {
        if !pooled.knows(&actor) {
            pooled.note(&actor);
            kept.actors.push(actor);
        }
    }
    kept.in_quote &= other.in_quote;
    kept.confidence = round((kept.confidence.max(other.confidence) + PER_MENTION).min(0.99));
}

/// Whether an argument found at `new` is better than one found at `old`.
fn better<S: Ord>(new: Option<S>, old: Option<S>) -> bool {
    match (new, old) {
        (Some(n), Some(o)) => n < o,
        (Some(_), None) => true,
        _ => false,
    }
}
