//! Merging: an article that reports the same event twice ("vertrekken" … "een exodus") gives
//! one event with two mentions. Events merge when their sub-type and flags are the same and
//! their places and times agree (or one of them lacks the argument).

use crate::arguments::round;
use crate::{ArgumentSource, Event, EventPlace, EventTime};

/// What a merge adds to the confidence for each extra mention.
const PER_MENTION: f64 = 0.05;

/// Merges the events (in text order) that report the same thing; the first report stays.
pub(crate) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for event in events {
        match out.iter_mut().find(|kept| compatible(kept, &event)) {
            Some(kept) => absorb(kept, event),
            None => out.push(event),
        }
    }
    out
}

/// Whether two events can be one.
fn compatible(a: &Event, b: &Event) -> bool {
    a.sub_type == b.sub_type
        && a.negated == b.negated
        && a.hypothetical == b.hypothetical
        && a.historical == b.historical
        && same_place(a.place.as_ref(), b.place.as_ref())
        && same_time(a.time.as_ref(), b.time.as_ref())
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
fn absorb(kept: &mut Event, other: Event) {
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
        if !kept.counts.iter().any(|c| c.quantity == count.quantity) {
            kept.counts.push(count);
        }
    }
    for actor in other.actors {
        let known = kept
            .actors
            .iter()
            .any(|a| a.span == actor.span || (a.entity.is_some() && a.entity == actor.entity));
        if !known {
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
