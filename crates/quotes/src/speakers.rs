//! Turning a speaker phrase into a speaker: names to entities, pronouns and definite
//! descriptions to the person or group they stand for.

use crate::phrases::{Context, Phrase};
use crate::{Resolution, Speaker, Words};
use kroniek_entities::EntityKind;
use kroniek_text::Span;

/// How many sentences back a pronoun or a description may find the person it stands for.
const REACH: usize = 12;

impl Context<'_> {
    /// The speaker a phrase next to a cue stands for. `quoted` are the spans of direct
    /// quotations: names inside them are not antecedents. `plural_verb` says whether the cue
    /// verb is plural, which makes "ze" a group rather than a woman.
    pub fn speaker_of(
        &self,
        phrase: &Phrase,
        quoted: &[Span],
        plural_verb: bool,
    ) -> Option<Speaker> {
        let span = phrase.span();
        match phrase {
            Phrase::Name(_) => Some(self.named(span, Resolution::Name, span)),
            Phrase::Pronoun(_) => self.pronoun_speaker(span, quoted, plural_verb),
            Phrase::Description { head, definite, .. } => {
                Some(self.description_speaker(span, head, *definite, quoted))
            }
        }
    }

    /// A speaker for the name at `name`: its entity when it has one.
    pub fn named(&self, name: Span, resolution: Resolution, mention: Span) -> Speaker {
        let entity = self.entities.at(name);
        if entity.is_none() && self.looks_like_common_noun(name) {
            return self.description_speaker(name, &name.of(self.text).to_lowercase(), true, &[]);
        }
        Speaker {
            name: entity.map_or_else(|| name.of(self.text).to_string(), |e| e.name.clone()),
            named: true,
            entity: entity.map(|e| e.id),
            mention: Some(Words::at(self.text, mention)),
            resolution,
        }
    }

    /// Whether a capitalised word that no entity covers is a common noun capitalised by its
    /// place: one word at the start of a sentence ("Critici zeggen") or after an article ("de
    /// Arnhemmer").
    fn looks_like_common_noun(&self, name: Span) -> bool {
        let first = self.token_from(name.start);
        let single = self.token_from(name.end) == first + 1;
        let sentence_start = self
            .seg
            .sentence_at(name.start)
            .is_some_and(|s| self.seg.sentences[s].first_token == first);
        let after_article = first > 0
            && self
                .word(first - 1)
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "de" | "het" | "the"));
        single && (sentence_start || after_article) && self.entities.entities.iter().any(|_| true)
    }

    /// The person (or, for a plural pronoun, the group) a pronoun stands for.
    fn pronoun_speaker(
        &self,
        pronoun: Span,
        quoted: &[Span],
        plural_verb: bool,
    ) -> Option<Speaker> {
        let entry = self.lexicon.pronoun(pronoun.of(self.text))?;
        let plural = entry.number == "pl" || (entry.number == "any" && plural_verb);
        if plural {
            if let Some(group) = self.group_before(pronoun.start) {
                return Some(Speaker {
                    name: group.of(self.text).to_string(),
                    named: false,
                    entity: None,
                    mention: Some(Words::at(self.text, pronoun)),
                    resolution: Resolution::Pronoun,
                });
            }
        }
        let (entity, _) = self.person_in_reach(pronoun.start, quoted)?;
        Some(Speaker {
            name: entity.name.clone(),
            named: true,
            entity: Some(entity.id),
            mention: Some(Words::at(self.text, pronoun)),
            resolution: Resolution::Pronoun,
        })
    }

    /// A description is its own speaker, unless it is definite and names a role ("de
    /// fotograaf"): then it refers back to the person named last.
    fn description_speaker(
        &self,
        span: Span,
        head: &str,
        definite: bool,
        quoted: &[Span],
    ) -> Speaker {
        let words = span.of(self.text);
        let institution =
            self.lexicon.institutions.contains(head) || self.lexicon.group_nouns.contains(head);
        let capitalised = words
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if definite && !institution && !capitalised {
            if let Some((entity, _)) = self.person_in_reach(span.start, quoted) {
                return Speaker {
                    name: entity.name.clone(),
                    named: true,
                    entity: Some(entity.id),
                    mention: Some(Words::at(self.text, span)),
                    resolution: Resolution::Description,
                };
            }
        }
        if definite && self.lexicon.institutions.contains(head) && !capitalised {
            if let Some(entity) = self.organisation_before(span.start) {
                return Speaker {
                    name: entity.name.clone(),
                    named: true,
                    entity: Some(entity.id),
                    mention: Some(Words::at(self.text, span)),
                    resolution: Resolution::Description,
                };
            }
        }
        let organisation = self.entities.entities.iter().find(|e| {
            e.kind == EntityKind::Organisation && e.mentions.iter().any(|m| span.contains(m.span))
        });
        Speaker {
            name: words.to_string(),
            named: organisation.is_some(),
            entity: organisation.map(|e| e.id),
            mention: Some(Words::at(self.text, span)),
            resolution: Resolution::Description,
        }
    }

    /// The organisation named last before byte `at`, at most [`REACH`] sentences back: what
    /// "het bedrijf" or "de organisatie" refers to.
    fn organisation_before(&self, at: usize) -> Option<&kroniek_entities::Entity> {
        let here = self.seg.sentence_at(at).unwrap_or(0);
        let mut best: Option<(&kroniek_entities::Entity, usize)> = None;
        for entity in self
            .entities
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation)
        {
            for mention in entity.mentions.iter().filter(|m| m.span.end <= at) {
                if best.is_none_or(|(_, end)| end < mention.span.end) {
                    best = Some((entity, mention.span.end));
                }
            }
        }
        let (entity, end) = best?;
        let there = self.seg.sentence_at(end.saturating_sub(1)).unwrap_or(0);
        (here.saturating_sub(there) <= REACH).then_some(entity)
    }

    /// The last person named before byte `at`, outside quotations, at most [`REACH`]
    /// sentences back.
    pub fn person_in_reach(
        &self,
        at: usize,
        quoted: &[Span],
    ) -> Option<(&kroniek_entities::Entity, Span)> {
        let here = self.seg.sentence_at(at).unwrap_or(0);
        let (entity, span) = self
            .entities
            .person_before(at, |s| quoted.iter().any(|q| q.contains(s)))?;
        let there = self.seg.sentence_at(span.start).unwrap_or(0);
        (here - there.min(here) <= REACH).then_some((entity, span))
    }

    /// The nearest group of people named before byte `at` in its sentence or the one before
    /// ("een groep vrouwen en kinderen").
    fn group_before(&self, at: usize) -> Option<Span> {
        let here = self.seg.sentence_at(at)?;
        let from = self.seg.sentences[here.saturating_sub(1)].first_token;
        let end = self.token_from(at);
        let head = (from..end).rev().find(|&i| {
            self.word(i)
                .is_some_and(|w| self.lexicon.group_nouns.contains(&w.to_lowercase()))
        })?;
        let is_group = |i: usize| {
            self.word(i)
                .is_some_and(|w| self.lexicon.group_nouns.contains(&w.to_lowercase()))
        };
        let is_link = |i: usize| {
            matches!(
                self.token(i).to_lowercase().as_str(),
                "en" | "and" | "of" | "van"
            )
        };
        let is_article = |i: usize| {
            matches!(
                self.token(i).to_lowercase().as_str(),
                "een" | "de" | "het" | "a" | "an" | "the"
            )
        };
        let mut first = head;
        loop {
            if first > from && is_group(first - 1) {
                first -= 1; // "groep vrouwen"
            } else if first >= from + 2 && is_link(first - 1) && is_group(first - 2) {
                first -= 2; // "vrouwen en kinderen"
            } else {
                break;
            }
        }
        if first > from && is_article(first - 1) {
            first -= 1;
        } else if first > from + 1 && is_article(first - 2) && self.word(first - 1).is_some() {
            first -= 2; // "een grote groep"
        }
        Some(self.span(first, head + 1))
    }
}
