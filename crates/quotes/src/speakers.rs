//! Turning a speaker phrase into a speaker: names to entities, pronouns and definite
//! descriptions to the person or group they stand for.
//!
//! Pronouns and descriptions are resolved by scoring the people named before them: nearer is
//! better, someone already quoted (above all the last speaker) is more likely to speak again, a name in subject position beats
//! one in an object, and a pronoun must agree with the gender of the first name when it is known.

use crate::phrases::{Context, Phrase};
use crate::{Resolution, Speaker, Words};
use kroniek_entities::{Entity, EntityKind, Gender};
use kroniek_text::Span;
use std::collections::HashMap;

/// Whether `span` lies inside one of the `quoted` spans (sorted by start, as the quote
/// finders give them).
pub(crate) fn is_quoted(quoted: &[Span], span: Span) -> bool {
    let after = quoted.partition_point(|q| q.start <= span.start);
    quoted[..after]
        .iter()
        .rev()
        .take(4)
        .any(|q| q.contains(span))
}

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
            Phrase::Name(_) => Some(self.named(span, Resolution::Name, span, quoted)),
            Phrase::Pronoun(_) => self.pronoun_speaker(span, quoted, plural_verb),
            Phrase::Description { head, definite, .. } => {
                Some(self.description_speaker(span, head, *definite, quoted))
            }
        }
    }

    /// A speaker for the name at `name`: its entity when it has one. A capitalised word that is
    /// no person or organisation ("de Arnhemmer", "Critici") is read as a description.
    pub fn named(
        &self,
        name: Span,
        resolution: Resolution,
        mention: Span,
        quoted: &[Span],
    ) -> Speaker {
        let entity = self.entity_at(name);
        // "news agency Fars": an institution word before a name makes it one, whatever the
        // tagger thought.
        let after_institution = self.token_from(name.start).checked_sub(1).is_some_and(|k| {
            self.word(k)
                .is_some_and(|w| self.lexicon.institutions.contains(&w.to_lowercase()))
        });
        let not_an_agent = entity
            .is_some_and(|e| matches!(e.kind, EntityKind::Misc | EntityKind::Location))
            && self.is_single_word(name)
            && !after_institution;
        if (entity.is_none() && self.looks_like_common_noun(name)) || not_an_agent {
            // "de Arnhemmer" refers back; "Critici zeggen", "Activists claim" do not.
            let definite = self.after_definite_article(self.token_from(name.start));
            return self.description_speaker(
                name,
                &name.of(self.text).to_lowercase(),
                definite || not_an_agent,
                quoted,
            );
        }
        Speaker {
            name: entity.map_or_else(|| name.of(self.text).to_string(), |e| e.name.clone()),
            named: true,
            entity: entity.map(|e| e.id),
            mention: Some(Words::at(self.text, mention)),
            resolution,
        }
    }

    /// A speaker for an entity mentioned at `mention`.
    pub fn entity_speaker(
        &self,
        entity: &Entity,
        mention: Option<Span>,
        resolution: Resolution,
    ) -> Speaker {
        Speaker {
            name: entity.name.clone(),
            named: true,
            entity: Some(entity.id),
            mention: mention.map(|m| Words::at(self.text, m)),
            resolution,
        }
    }

    fn is_single_word(&self, span: Span) -> bool {
        self.token_from(span.end) == self.token_from(span.start) + 1
    }

    /// Whether a capitalised word that no entity covers is a common noun capitalised by its
    /// place: one word at the start of a sentence ("Critici zeggen") or after an article ("de
    /// Arnhemmer").
    fn looks_like_common_noun(&self, name: Span) -> bool {
        let first = self.token_from(name.start);
        let sentence_start = self
            .seg
            .sentence_at(name.start)
            .is_some_and(|s| self.seg.sentences[s].first_token == first);
        self.is_single_word(name) && (sentence_start || self.after_definite_article(first))
    }

    /// The unnamed person quoted in this sentence or the two before the pronoun, when no
    /// person is named (outside quotations) between their quotation and the pronoun.
    fn described_just_before(&self, pronoun: Span, quoted: &[Span]) -> Option<Speaker> {
        let (end, speaker) = self.described_speaker_before(pronoun.start)?;
        self.described_still_speaking(&speaker, end, pronoun, quoted)
    }

    /// After all quotations are found: a direct quotation attributed by a singular pronoun
    /// right after an indirect one by an unnamed person ("…, aldus een arts. 'De generatoren
    /// vallen uit,' zei hij") is that person's, when no one is named between. Direct
    /// quotations are attributed before indirect ones are found, so this is a second pass.
    pub(crate) fn reattribute_pronouns(&self, quotes: &mut [crate::Quote]) {
        let mut quoted: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == crate::QuoteKind::Direct && q.nested_in.is_none())
            .map(|q| q.span)
            .collect();
        quoted.sort_unstable();
        for i in 1..quotes.len() {
            let Some(speaker) = quotes[i].speaker.as_ref() else {
                continue;
            };
            let Some(pronoun) = speaker.mention.as_ref().map(|m| m.span) else {
                continue;
            };
            let singular = self
                .lexicon
                .pronoun(pronoun.of(self.text))
                .is_some_and(|p| p.number != "pl");
            if quotes[i].kind != crate::QuoteKind::Direct
                || speaker.resolution != Resolution::Pronoun
                || !singular
            {
                continue;
            }
            let Some(previous) = quotes[..i]
                .iter()
                .rev()
                .find(|p| p.nested_in.is_none() && p.speaker.is_some())
            else {
                continue;
            };
            let Some(described) = previous.speaker.as_ref().filter(|s| {
                previous.kind == crate::QuoteKind::Indirect && self.is_described_person(s)
            }) else {
                continue;
            };
            let from = described
                .mention
                .as_ref()
                .map_or(previous.span.end, |m| m.span.end.max(previous.span.end));
            if let Some(replacement) =
                self.described_still_speaking(described, from, pronoun, &quoted)
            {
                quotes[i].speaker = Some(replacement);
            }
        }
    }

    /// `described`, now standing for `pronoun`, when the pronoun is within two sentences of
    /// byte `from` and no person is named (outside quotations) between them.
    fn described_still_speaking(
        &self,
        described: &Speaker,
        from: usize,
        pronoun: Span,
        quoted: &[Span],
    ) -> Option<Speaker> {
        if from > pronoun.start {
            return None;
        }
        let here = self.seg.sentence_at(pronoun.start)?;
        let there = self.seg.sentence_at(from.saturating_sub(1))?;
        if here.saturating_sub(there) > 2 {
            return None;
        }
        let named_between =
            self.mentions_in(Span::new(from, pronoun.start))
                .iter()
                .any(|&(m, id)| {
                    self.entities.entities[id].kind == EntityKind::Person && !is_quoted(quoted, m)
                });
        (!named_between).then(|| Speaker {
            mention: Some(Words::at(self.text, pronoun)),
            resolution: Resolution::Pronoun,
            ..described.clone()
        })
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
            if let Some(people) = self.people_before(pronoun.start, quoted) {
                return Some(Speaker {
                    mention: Some(Words::at(self.text, pronoun)),
                    ..people
                });
            }
            if entry.number == "pl" {
                let organisation = self.salient_organisation(pronoun.start)?;
                return Some(self.entity_speaker(organisation, Some(pronoun), Resolution::Pronoun));
            }
        }
        let gender = match entry.gender.as_str() {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        };
        // "…, aldus een arts. 'De generatoren vallen uit,' zei hij": the unnamed person just
        // quoted, when no one is named between.
        if let Some(speaker) = self.described_just_before(pronoun, quoted) {
            return Some(speaker);
        }
        let (entity, _) = self.person_for(pronoun.start, quoted, gender, None)?;
        Some(self.entity_speaker(entity, Some(pronoun), Resolution::Pronoun))
    }

    /// A description is its own speaker, unless it is definite and names a role ("de
    /// fotograaf"): then it refers back to the person it describes (the one whose apposition
    /// holds the same noun, else the one named last); "het bedrijf" refers back to the
    /// organisation the text is about.
    fn description_speaker(
        &self,
        span: Span,
        head: &str,
        definite: bool,
        quoted: &[Span],
    ) -> Speaker {
        let words = span.of(self.text);
        let institution = self.lexicon.institutions.contains(head);
        let group = self.lexicon.group_nouns.contains(head);
        let capitalised = words
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if definite && !institution && !group && !capitalised {
            if let Some((entity, _)) = self.person_for(span.start, quoted, None, Some(head)) {
                return self.entity_speaker(entity, Some(span), Resolution::Description);
            }
        }
        // "het bedrijf" refers back; "the regional water authority" is a new one.
        let bare = self.token_from(span.end) <= self.token_from(span.start) + 2;
        if definite && institution && !capitalised && bare {
            if let Some(entity) = self.salient_organisation(span.start) {
                return self.entity_speaker(entity, Some(span), Resolution::Description);
            }
        }
        let organisation = self
            .mentions_in(span)
            .iter()
            .map(|&(_, id)| &self.entities.entities[id])
            .find(|e| {
                e.kind == EntityKind::Organisation
                    && e.mentions.iter().any(|m| span.contains(m.span))
            });
        Speaker {
            name: words.to_string(),
            named: organisation.is_some(),
            entity: organisation.map(|e| e.id),
            mention: Some(Words::at(self.text, span)),
            resolution: Resolution::Description,
        }
    }

    /// The organisation a text is about at byte `at`: the one named most often among the
    /// organisations named within [`REACH`] sentences; ties go to the one named last.
    fn salient_organisation(&self, at: usize) -> Option<&Entity> {
        let here = self.seg.sentence_at(at).unwrap_or(0);
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
        for &(span, id) in self.mentions_before(at).iter().rev() {
            let there = self.seg.sentence_at(span.start).unwrap_or(0);
            if here.saturating_sub(there) > REACH {
                break;
            }
            if self.entities.entities[id].kind == EntityKind::Organisation {
                let entry = counts.entry(id).or_insert((0, span.end));
                entry.0 += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, (count, last))| (*count, *last))
            .map(|(id, _)| &self.entities.entities[id])
    }

    /// The person named before byte `at` that a pronoun or description most likely stands for,
    /// with the mention that decided it. Scores: one point less per sentence back; more for
    /// someone quoted before `at` (more for the last speaker), for a mention in subject position, and (with `head`) for a
    /// person whose apposition holds that noun ("Theo de Roos, emeritus hoogleraar"); people
    /// of the wrong gender are out, and those of the right gender score more than those whose
    /// gender is unknown. Only mentions within [`REACH`] sentences are read.
    pub fn person_for(
        &self,
        at: usize,
        quoted: &[Span],
        gender: Option<Gender>,
        head: Option<&str>,
    ) -> Option<(&Entity, Span)> {
        let here = self.seg.sentence_at(at).unwrap_or(0);
        // Per person: its last mention, how far back that is, and whether any mention within
        // reach carries the description's noun.
        let mut found: HashMap<usize, (Span, usize, bool)> = HashMap::new();
        for &(span, id) in self.mentions_before(at).iter().rev() {
            let distance = here.saturating_sub(self.seg.sentence_at(span.start).unwrap_or(0));
            if distance > REACH {
                break;
            }
            let entity = &self.entities.entities[id];
            let wrong_gender =
                gender.is_some() && entity.gender.is_some() && entity.gender != gender;
            if entity.kind != EntityKind::Person
                || wrong_gender
                || span.end > at
                || is_quoted(quoted, span)
            {
                continue;
            }
            let described = head.is_some_and(|h| self.described_as(span, h));
            let entry = found.entry(id).or_insert((span, distance, false));
            entry.2 |= described;
        }
        let last_speaker = self.last_speaker_before(at);
        found
            .into_iter()
            .map(|(id, (span, distance, described))| {
                let mut score = -(distance as f32);
                // "she": a woman's first name beats a name of unknown gender ("Sailor Moon").
                if gender.is_some() && self.entities.entities[id].gender == gender {
                    score += 1.0;
                }
                if described {
                    score += 10.0; // the one named with the role wins within reach
                }
                if self.spoke_before(id, at) {
                    score += 1.5;
                }
                // The one speaking now is likely the one a pronoun goes on about.
                if last_speaker == Some(id) {
                    score += 0.5;
                }
                if self.in_subject_position(span) {
                    score += 0.5;
                }
                (score, span.end, id, span)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, _, id, span)| (&self.entities.entities[id], span))
    }

    /// Whether the noun `head` stands in the apposition or before the name at `mention`
    /// ("Theo de Roos, emeritus hoogleraar strafrecht"; "de Arnhemse producer Emile Hartkamp").
    fn described_as(&self, mention: Span, head: &str) -> bool {
        let first = self.token_from(mention.start);
        let after = self.token_from(mention.end);
        let window = first.saturating_sub(3)..(after + 8).min(self.seg.tokens.len());
        window
            .into_iter()
            .any(|i| self.word(i).is_some_and(|w| w.to_lowercase() == head))
    }

    /// Whether a mention stands where a subject stands: among the first three words of its
    /// sentence, or right before or after a reporting verb.
    fn in_subject_position(&self, mention: Span) -> bool {
        let Some(index) = self.seg.sentence_at(mention.start) else {
            return false;
        };
        let sentence = &self.seg.sentences[index];
        let token = self.token_from(mention.start);
        let words_before = (sentence.first_token..token)
            .filter(|&k| self.word(k).is_some())
            .count();
        words_before <= 3
            || self.cue_at(token.saturating_sub(1)).is_some()
            || self.cue_at(self.token_from(mention.end)).is_some()
    }

    /// The people a plural pronoun at byte `at` stands for when a recent sentence names several
    /// ("Egyptian foreign minister Sameh Shoukry and his Greek and French counterparts, Nikos
    /// Dendias and Jean-Yves Le Drian, gathered … They concluded"): the persons of the nearest
    /// sentence, this one or the two before, that names at least two, joined into one speaker.
    fn people_before(&self, at: usize, quoted: &[Span]) -> Option<Speaker> {
        let here = self.seg.sentence_at(at)?;
        for index in (here.saturating_sub(2)..=here).rev() {
            let sentence = self.seg.sentences[index].span;
            let mut people: Vec<usize> = Vec::new();
            for &(span, id) in self.mentions_in(sentence) {
                let person = self.entities.entities[id].kind == EntityKind::Person;
                if person && span.end <= at && !is_quoted(quoted, span) && !people.contains(&id) {
                    people.push(id);
                }
            }
            if people.len() >= 2 {
                let names: Vec<&str> = people
                    .iter()
                    .map(|&id| self.entities.entities[id].name.as_str())
                    .collect();
                let (last, rest) = names.split_last()?;
                return Some(Speaker {
                    name: format!("{} {} {last}", rest.join(", "), self.cues.conjunction),
                    named: true,
                    entity: None,
                    mention: None,
                    resolution: Resolution::Pronoun,
                });
            }
        }
        None
    }

    /// The nearest group of people named before byte `at` in its sentence or the one before
    /// ("een groep vrouwen en kinderen").
    fn group_before(&self, at: usize) -> Option<Span> {
        let here = self.seg.sentence_at(at)?;
        let from = self.seg.sentences[here.saturating_sub(1)].first_token;
        let end = self.token_from(at);
        let is_group = |i: usize| {
            self.word(i)
                .is_some_and(|w| self.lexicon.group_nouns.contains(&w.to_lowercase()))
        };
        let head = (from..end).rev().find(|&i| is_group(i))?;
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
