//! Reading the words around a reporting verb: names, pronouns and descriptions that can be a
//! speaker.

use crate::cues::{CueVerb, Cues};
use kroniek_entities::{name_at, Entities, Lexicon};
use kroniek_text::{Lang, Segmentation, Span, TokenKind};
use std::cell::RefCell;
use std::collections::HashMap;

/// What stands in a speaker's place next to a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// A name: "Eddy van Wessel", "Baudet", "de VVD" without its article.
    Name(Span),
    /// A personal pronoun: "hij", "they".
    Pronoun(Span),
    /// A description: "een woordvoerder van de politie", "de fotograaf".
    Description {
        /// The words.
        span: Span,
        /// Its head noun, lowercase ("woordvoerder").
        head: String,
        /// Whether it starts with a definite article (de, het, the).
        definite: bool,
    },
}

impl Phrase {
    /// The words of the phrase.
    pub fn span(&self) -> Span {
        match self {
            Phrase::Name(span) | Phrase::Pronoun(span) | Phrase::Description { span, .. } => *span,
        }
    }
}

/// Everything the quote finders read: the text, its tokens, and the language's word lists.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its segmentation.
    pub seg: &'a Segmentation,
    /// Its language.
    pub lang: Lang,
    /// Word lists about names and people.
    pub lexicon: &'static Lexicon,
    /// Reporting verbs and markers.
    pub cues: &'static Cues,
    /// The entities layer.
    pub entities: &'a Entities,
    /// Who has been quoted so far: entity -> end of its first quotation, filled in as
    /// quotations are attributed, so that a pronoun prefers someone already speaking.
    spoken: RefCell<HashMap<usize, usize>>,
    /// Every attributed quotation as (end, speaker entity), sorted by end: who spoke last
    /// before a position.
    turns: RefCell<Vec<(usize, usize)>>,
    /// Every quotation attributed to an unnamed person ("een arts van Artsen zonder Grenzen"),
    /// as (end, speaker), sorted by end: "zei hij" right after may stand for them.
    described: RefCell<Vec<(usize, crate::Speaker)>>,
    /// Every entity mention as (span, entity id), sorted by start: lookups by position are
    /// binary searches, so long documents stay linear.
    mentions: Vec<(Span, usize)>,
}

/// Every mention of every entity, sorted by start.
fn mention_index(entities: &Entities) -> Vec<(Span, usize)> {
    let mut index: Vec<(Span, usize)> = entities
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e.id)))
        .collect();
    index.sort_by_key(|(span, _)| span.start);
    index
}

/// Whether a name is in the possessive ("Huber's", "Reuters'").
fn is_possessive(name: &str) -> bool {
    let ending = possessive_len(name);
    ending > 0 && (ending > 1 || name.len() > 2)
}

/// The length in bytes of the possessive ending of `name` ("'s", "’s", "'"), 0 without one.
fn possessive_len(name: &str) -> usize {
    ["'s", "’s", "'", "’"]
        .iter()
        .find(|ending| name.ends_with(*ending))
        .map_or(0, |ending| ending.len())
}

/// Articles and possessives that open a description.
const DETERMINERS: &[&str] = &[
    "de", "het", "een", "deze", "die", "dit", "the", "a", "an", "this", "that", "these", "those",
];
const DEFINITE: &[&str] = &[
    "de", "het", "deze", "die", "dit", "the", "this", "that", "these", "those",
];
/// The definite articles.
const DEFINITE_ARTICLES: &[&str] = &["de", "het", "the"];
/// Words that join a description to its complement ("woordvoerder van de politie").
const LINKS: &[&str] = &["van", "bij", "uit", "voor", "of", "for", "at", "from"];

impl<'a> Context<'a> {
    /// Builds the context for one document.
    pub fn new(text: &'a str, seg: &'a Segmentation, lang: Lang, entities: &'a Entities) -> Self {
        Context {
            text,
            seg,
            lang,
            lexicon: Lexicon::for_lang(lang),
            cues: Cues::for_lang(lang),
            entities,
            spoken: RefCell::new(HashMap::new()),
            turns: RefCell::new(Vec::new()),
            described: RefCell::new(Vec::new()),
            mentions: mention_index(entities),
        }
    }

    /// The mentions that start inside `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> &[(Span, usize)] {
        let first = self.mentions.partition_point(|(m, _)| m.start < span.start);
        let end = self.mentions.partition_point(|(m, _)| m.start < span.end);
        &self.mentions[first..end]
    }

    /// The mentions that end at or before byte `at`, in text order.
    pub fn mentions_before(&self, at: usize) -> &[(Span, usize)] {
        &self.mentions[..self.mentions.partition_point(|(m, _)| m.start < at)]
    }

    /// The entity with the mention that overlaps `span` most, among those that can speak
    /// (people, organisations, armed groups) before places and other names ("Santa Barbara
    /// County Sheriff Bill Brown" is the sheriff, not the county); a person on a tie.
    pub fn entity_at(&self, span: Span) -> Option<&kroniek_entities::Entity> {
        let from = self
            .mentions
            .partition_point(|(m, _)| m.end <= span.start.saturating_sub(200));
        self.mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .filter(|(m, _)| m.overlaps(span))
            .map(|&(m, id)| {
                (
                    m.end.min(span.end) - m.start.max(span.start),
                    &self.entities.entities[id],
                )
            })
            .max_by_key(|(shared, e)| {
                use kroniek_entities::EntityKind::{ArmedGroup, Organisation, Person};
                let speaks = matches!(e.kind, Person | Organisation | ArmedGroup);
                (speaks, *shared, e.kind == Person)
            })
            .map(|(_, e)| e)
    }

    /// Notes that the quotation ending at byte `end` was said by `speaker`.
    pub fn record_speaker(&self, end: usize, speaker: Option<&crate::Speaker>) {
        if let Some(person) = speaker.filter(|s| self.is_described_person(s)) {
            let mut described = self.described.borrow_mut();
            let at = described.partition_point(|(e, _)| *e <= end);
            described.insert(at, (end, person.clone()));
        }
        if let Some(entity) = speaker.and_then(|s| s.entity) {
            let mut turns = self.turns.borrow_mut();
            let at = turns.partition_point(|&(e, _)| e <= end);
            turns.insert(at, (end, entity));
            let mut spoken = self.spoken.borrow_mut();
            let first = spoken.entry(entity).or_insert(end);
            *first = (*first).min(end);
        }
    }

    /// Whether a speaker is one person known only by a description headed by a role word
    /// ("een arts", "a witness", "een arts van Artsen zonder Grenzen").
    pub(crate) fn is_described_person(&self, speaker: &crate::Speaker) -> bool {
        speaker.resolution == crate::Resolution::Description
            && speaker.mention.as_ref().is_some_and(|m| {
                m.text
                    .split_whitespace()
                    .take(3)
                    .any(|w| self.lexicon.is_role(w))
            })
    }

    /// The unnamed person quoted last before byte `at`, with the end of that quotation, if
    /// nobody named was quoted after them.
    pub fn described_speaker_before(&self, at: usize) -> Option<(usize, crate::Speaker)> {
        let described = self.described.borrow();
        let before = described.partition_point(|(end, _)| *end <= at);
        let (end, speaker) = described.get(before.checked_sub(1)?)?;
        let turns = self.turns.borrow();
        let named_after = turns[..turns.partition_point(|&(e, _)| e <= at)]
            .last()
            .is_some_and(|&(e, _)| e > *end);
        (!named_after).then(|| (*end, speaker.clone()))
    }

    /// The speaker of the last attributed quotation that ends before byte `at`.
    pub fn last_speaker_before(&self, at: usize) -> Option<usize> {
        let turns = self.turns.borrow();
        let before = turns.partition_point(|&(end, _)| end <= at);
        before.checked_sub(1).map(|i| turns[i].1)
    }

    /// Whether `entity` was quoted in a quotation that ends before byte `at`.
    pub fn spoke_before(&self, entity: usize, at: usize) -> bool {
        self.spoken
            .borrow()
            .get(&entity)
            .is_some_and(|&end| end <= at)
    }

    /// The text of token `i`.
    pub fn token(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.text)
    }

    /// The text of token `i` if it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let token = self.seg.tokens.get(i)?;
        (token.kind == TokenKind::Word).then(|| token.span.of(self.text))
    }

    /// The index of the first token that starts at or after byte `at`.
    pub fn token_from(&self, at: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.span.start < at)
    }

    /// The tokens `first..end` of the sentence that contains byte `at` (or the nearest one).
    pub fn sentence_range(&self, at: usize) -> (usize, usize) {
        let index = self.seg.sentence_at(at).unwrap_or_else(|| {
            self.seg
                .sentences
                .partition_point(|s| s.span.end <= at)
                .min(self.seg.sentences.len().saturating_sub(1))
        });
        self.seg
            .sentences
            .get(index)
            .map_or((0, 0), |s| (s.first_token, s.end_token))
    }

    /// The reporting verb at token `i`, if it is one. A capitalised word inside a sentence is
    /// part of a name ("United States"), not a verb.
    pub fn cue_at(&self, i: usize) -> Option<&'static CueVerb> {
        let word = self.word(i)?;
        let verb = self.cues.verb(word)?;
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        (!capitalised || self.starts_sentence(i)).then_some(verb)
    }

    /// Whether token `i` is the first word of its sentence (after any opening marks).
    fn starts_sentence(&self, i: usize) -> bool {
        let (first, _) = self.sentence_range(self.seg.tokens[i].span.start);
        (first..i).all(|k| self.word(k).is_none())
    }

    /// The length in tokens of the attribution marker at token `i`, if one starts there.
    pub fn marker_at(&self, i: usize) -> Option<usize> {
        let words: Vec<&str> = (i..(i + 3).min(self.seg.tokens.len()))
            .map(|j| self.token(j))
            .collect();
        self.cues.marker_len(&words)
    }

    /// Whether `phrase` is a pronoun that cannot be a subject ("her", "hem").
    pub fn is_object_pronoun(&self, phrase: &Phrase) -> bool {
        matches!(phrase, Phrase::Pronoun(span)
            if self.lexicon.pronoun(span.of(self.text)).is_some_and(|p| !p.subject))
    }

    /// Whether a definite article stands right before token `i` ("de Arnhemmer").
    pub fn after_definite_article(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|k| self.lower(k))
            .is_some_and(|w| DEFINITE_ARTICLES.contains(&w.as_str()))
    }

    /// Whether token `i` is a personal pronoun.
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.lexicon.pronoun(w).is_some())
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.word(i).map(str::to_lowercase)
    }

    /// The name starting at token `i`, as the index one past its end.
    pub fn name_from(&self, i: usize) -> Option<usize> {
        let (first, end) = self.sentence_range(self.seg.tokens.get(i)?.span.start);
        let tokens = &self.seg.tokens[first..end];
        name_at(self.text, tokens, i - first, self.lexicon).map(|stop| first + stop)
    }

    /// The speaker phrase that starts at token `i` (after a cue: "zegt Jan", "vertelt hij",
    /// "zei een woordvoerder van de politie"), read no further than token `limit`.
    pub fn phrase_after(&self, i: usize, limit: usize) -> Option<Phrase> {
        if i >= limit {
            return None;
        }
        if self.is_pronoun(i) {
            return Some(Phrase::Pronoun(self.seg.tokens[i].span));
        }
        if let Some(end) = self.name_from(i).filter(|&end| end <= limit) {
            let name = self.span(i, end);
            // "Europarlementariër voor de Partij voor de Dieren Anja Hazenkamp": a capitalised
            // role with its complement, then the person.
            if self.word(i).is_some_and(|w| self.lexicon.is_role(w)) {
                if let Some(person) = self.person_from(i + 1, limit) {
                    return Some(person);
                }
            }
            if is_possessive(name.of(self.text)) {
                // "Huber's former tag team partner Erick Rowan": the possessor is no speaker.
                return self
                    .person_from(end, limit)
                    .or_else(|| self.description_from(end, limit));
            }
            return Some(
                self.role_then_name(end, limit)
                    .unwrap_or(Phrase::Name(name)),
            );
        }
        let description = self.description_from(i, limit)?;
        // "according to a report on Wednesday by UpGuard": the author of the words speaks.
        if let Some(agent) = self.agent_after(self.token_from(description.span().end), limit) {
            return Some(agent);
        }
        // "Europarlementariër voor de Partij voor de Dieren Anja Hazenkamp": a role with its
        // complement, then the person.
        if let Phrase::Description { span, head, .. } = &description {
            if self.lexicon.is_role(head) {
                if let Some(person) = self.person_from(self.token_from(span.end), limit) {
                    return Some(person);
                }
            }
        }
        Some(description)
    }

    /// The name after an agent preposition ("by", "door") within four words from token `i`,
    /// before any punctuation: "a statement released by the Supreme Court".
    fn agent_after(&self, i: usize, limit: usize) -> Option<Phrase> {
        let by = (i..limit.min(i + 4))
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| {
                self.lower(k)
                    .is_some_and(|w| self.cues.agent_prepositions.contains(&w))
            })?;
        let mut k = by + 1;
        if self
            .lower(k)
            .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
        {
            k += 1;
        }
        let end = self.name_from(k).filter(|&end| end <= limit)?;
        Some(Phrase::Name(self.span(k, end)))
    }

    /// The first person's name within eight words from token `i`, before any punctuation: a
    /// person entity, or a name that opens with a known first name and is no organisation or
    /// place (the tagger may have run it into the words before: "Dieren Anja Hazenkamp"; "Red
    /// Cross" is no person).
    fn person_from(&self, i: usize, limit: usize) -> Option<Phrase> {
        for k in i..limit.min(i + 8) {
            self.word(k)?;
            if let Some(end) = self.name_from(k).filter(|&end| end <= limit) {
                let span = self.span(k, end);
                let name = Phrase::Name(span);
                let other_kind = self.entity_at(span).is_some_and(|e| {
                    use kroniek_entities::EntityKind::{ArmedGroup, Location, Organisation};
                    matches!(e.kind, Organisation | Location | ArmedGroup)
                });
                let first_name = self.lexicon.gender_of(span.of(self.text)).is_some();
                if self.is_person(&name) || (first_name && !other_kind) {
                    return Some(name);
                }
            }
        }
        None
    }

    /// A name after role words at token `i`: in "Radio 10-dj Gerard Ekdom" the speaker is the
    /// person, not the station before the role.
    fn role_then_name(&self, i: usize, limit: usize) -> Option<Phrase> {
        let role_end = (i..limit.min(i + 2))
            .take_while(|&k| self.word(k).is_some_and(|w| self.lexicon.is_role(w)))
            .last()?
            + 1;
        let end = self.name_from(role_end).filter(|&end| end <= limit)?;
        Some(Phrase::Name(self.span(role_end, end)))
    }

    /// A description starting at token `i`: an optional article, up to four words, and an
    /// optional complement ("van de politie"). A name inside it wins ("de Arnhemse producer
    /// Emile Hartkamp").
    fn description_from(&self, i: usize, limit: usize) -> Option<Phrase> {
        let first = self.lower(i)?;
        let definite = DEFINITE.contains(&first.as_str());
        let determined = DETERMINERS.contains(&first.as_str());
        let mut j = if determined { i + 1 } else { i };
        let body_start = j;
        let mut head = None;
        while j < limit && j < body_start + 4 {
            if let Some(end) = self.name_from(j).filter(|&end| end <= limit && j > i) {
                return Some(Phrase::Name(self.span(j, end)));
            }
            let Some(word) = self.lower(j) else { break };
            // "een vrouw": a word for a person heads a description even where the function-word
            // list keeps it from starting a name.
            let person_word = self.lexicon.is_role(&word);
            if !person_word
                && (self.lexicon.function_words.contains(&word) || self.cues.verb(&word).is_some())
            {
                break;
            }
            // "The attacker jumped on stage": a finite verb after the head ends the phrase.
            if head.is_some() && self.cues.is_finite_verb(&word) {
                break;
            }
            head = Some(word);
            j += 1;
        }
        let head = head?;
        // Without an article only a word for people makes a speaker ("critici", "woordvoerders");
        // "vorig jaar" after a verb is no one.
        let about_people = self.lexicon.is_role(&head)
            || self.lexicon.institutions.contains(&head)
            || self.lexicon.group_nouns.contains(&head);
        if !determined && !about_people {
            return None;
        }
        let end = self.complement(j, limit).unwrap_or(j);
        Some(Phrase::Description {
            span: self.span(i, end),
            head,
            definite,
        })
    }

    /// The end of a complement like "van de politie" starting at token `j`.
    fn complement(&self, j: usize, limit: usize) -> Option<usize> {
        let link = self.lower(j)?;
        if !LINKS.contains(&link.as_str()) {
            return None;
        }
        let mut k = j + 1;
        if self
            .lower(k)
            .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
        {
            k += 1;
        }
        if let Some(end) = self.name_from(k).filter(|&end| end <= limit) {
            return Some(end);
        }
        let start = k;
        while k < limit
            && k < start + 3
            && self.lower(k).is_some_and(|w| {
                !self.lexicon.function_words.contains(&w) && self.cues.verb(&w).is_none()
            })
        {
            k += 1;
        }
        (k > start).then_some(k)
    }

    /// The speaker phrase that ends just before token `end` (before a cue: "Jan zegt",
    /// "Henk Otten, lijsttrekker voor Forum, stelt"), read no further back than token `limit`.
    pub fn phrase_before(&self, end: usize, limit: usize) -> Option<Phrase> {
        let mut phrase = self.nearest_phrase_before(end, limit)?;
        let phrase_end = phrase.span().end;
        // "Erik Gerritsen van het ministerie van VWS reageert": the speaker is the head before
        // the complements, not the organisation at their end.
        for _ in 0..3 {
            let before = self.before_article(self.token_from(phrase.span().start), limit);
            if before <= limit
                || !self
                    .lower(before - 1)
                    .is_some_and(|w| LINKS.contains(&w.as_str()))
            {
                break;
            }
            if self.is_person(&phrase) {
                break; // "Special Representative for Iran Brian Hook": the person is the head.
            }
            match self.nearest_phrase_before(before - 1, limit) {
                Some(head @ (Phrase::Name(_) | Phrase::Description { .. })) => phrase = head,
                _ => break,
            }
        }
        // A phrase after a preposition ("met de Volkskrant vertelde R.") is no subject.
        let before = self.before_article(self.token_from(phrase.span().start), limit);
        if before > limit
            && self
                .lower(before - 1)
                .is_some_and(|w| self.lexicon.prepositions.contains(&w))
        {
            return None;
        }
        Some(self.widen(phrase, phrase_end))
    }

    /// Whether `phrase` is the name of a person.
    pub(crate) fn is_person(&self, phrase: &Phrase) -> bool {
        matches!(phrase, Phrase::Name(span)
            if self.entity_at(*span).is_some_and(|e| e.kind == kroniek_entities::EntityKind::Person))
    }

    /// Token `start`, moved back over an article right before it.
    fn before_article(&self, start: usize, limit: usize) -> usize {
        if start > limit
            && self
                .lower(start - 1)
                .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
        {
            start - 1
        } else {
            start
        }
    }

    /// A description widened to run to byte `end` (its complements included); names stay as
    /// they are.
    fn widen(&self, phrase: Phrase, end: usize) -> Phrase {
        match phrase {
            Phrase::Description {
                span,
                head,
                definite,
            } => Phrase::Description {
                span: Span::new(span.start, end.max(span.end)),
                head,
                definite,
            },
            other => other,
        }
    }

    /// The name, pronoun or description that ends right before token `end` (an apposition
    /// between commas skipped).
    fn nearest_phrase_before(&self, end: usize, limit: usize) -> Option<Phrase> {
        let mut last = end.checked_sub(1).filter(|&l| l >= limit)?;
        // "Liton on Sunday told", "Smith also said": adverbials between subject and verb.
        while last > limit && self.word(last).is_some_and(|w| self.cues.is_adverbial(w)) {
            last -= 1;
        }
        // "Prime Minister Tuilaepa, who told the press": the name the relative pronoun stands for.
        if last > limit + 1
            && self.token(last - 1) == ","
            && self
                .lower(last)
                .is_some_and(|w| self.cues.relative_pronouns.contains(&w))
        {
            return self
                .phrase_ending_at(last - 2, limit)
                .filter(|p| matches!(p, Phrase::Name(_)));
        }
        if self.token(last) == "," {
            // Skip an apposition: "Henk Otten, lijsttrekker voor Forum in de senaat, stelt".
            let Some(open) = (limit..last).rev().take(24).find(|&k| self.token(k) == ",") else {
                // "Director Anthony Fauci of the … (NIAID), announced": a long subject that
                // opens the clause.
                return self.phrase_after(limit, last);
            };
            let inner = self.person_between(open + 1, last);
            let outer = open
                .checked_sub(1)
                .filter(|&l| l >= limit)
                .and_then(|l| self.phrase_ending_at(l, limit));
            // "The judge presiding over the case, Bernard Schwartz, said", "Director of Mid
            // Wales Tourism Partnership, David Clay, called": the person in the apposition is
            // the speaker that the words before it describe, unless those name a person.
            return match (outer, inner) {
                (Some(name), _) if self.is_person(&name) => Some(name),
                (_, Some(person)) => Some(person),
                (None, None) => self.phrase_after(open + 1, last),
                (outer, None) => outer,
            };
        }
        self.phrase_ending_at(last, limit)
    }

    /// The person's name that fills tokens `first..end` exactly, if one does.
    fn person_between(&self, first: usize, end: usize) -> Option<Phrase> {
        if first >= end || self.name_from(first) != Some(end) {
            return None;
        }
        Some(Phrase::Name(self.span(first, end))).filter(|name| self.is_person(name))
    }

    /// The name, pronoun or description whose last token is `last`.
    fn phrase_ending_at(&self, last: usize, limit: usize) -> Option<Phrase> {
        if self.is_pronoun(last) {
            return Some(Phrase::Pronoun(self.seg.tokens[last].span));
        }
        if let Some(start) = self.name_ending_at(last, limit) {
            return Some(Phrase::Name(self.span(start, last + 1)));
        }
        if let Some(owner) = self.owner_before(last, limit) {
            return Some(owner);
        }
        // An article, or a name's possessive that stands for one ("Brennan's union"; not the
        // "hotel's" of "The hotel's website").
        let start = (limit..=last).rev().take(6).find(|&k| {
            self.word(k).is_some_and(|w| {
                let capitalised = w.chars().next().is_some_and(char::is_uppercase);
                DETERMINERS.contains(&w.to_lowercase().as_str())
                    || (k < last && capitalised && is_possessive(w))
            })
        });
        match start {
            Some(start) => self.description_from(start, last + 1),
            // "Officials said", "Local residents say": people without an article.
            None => (last.saturating_sub(2).max(limit)..=last)
                .find_map(|k| self.description_from(k, last + 1)),
        }
    }

    /// The possessor that speaks through its document: "RIAA's DMCA notice", "Microsoft's
    /// statement" end at `last` in a document noun, and the possessive name stands at most three
    /// words before it, with no function word between.
    fn owner_before(&self, last: usize, limit: usize) -> Option<Phrase> {
        let head = self.lower(last)?;
        if !self.cues.document_nouns.contains(&head) {
            return None;
        }
        for k in (limit..last).rev().take(3) {
            let word = self.word(k)?;
            if is_possessive(word) {
                let bare = Span::new(
                    self.seg.tokens[k].span.start,
                    self.seg.tokens[k].span.end - possessive_len(word),
                );
                let first = self.name_ending_at(k, limit).unwrap_or(k);
                let span = Span::new(self.seg.tokens[first].span.start, bare.end);
                return self.entity_at(span).is_some().then_some(Phrase::Name(span));
            }
            if self.lexicon.function_words.contains(&word.to_lowercase()) {
                return None;
            }
        }
        None
    }

    /// If a name ends at token `last`, the index of its first token: where the entity mention
    /// that ends there starts ("Iran Brian Hook" is "Brian Hook"), else the furthest start.
    fn name_ending_at(&self, last: usize, limit: usize) -> Option<usize> {
        let start = (limit..=last)
            .rev()
            .take(6)
            .filter(|&k| self.name_from(k) == Some(last + 1))
            .last()?;
        let span = self.span(start, last + 1);
        let mention = self
            .mentions_in(span)
            .iter()
            .find(|(m, _)| m.end == span.end && m.start > span.start);
        Some(mention.map_or(start, |(m, _)| self.token_from(m.start)))
    }

    /// The span from the start of token `first` to the end of token `end - 1`.
    pub fn span(&self, first: usize, end: usize) -> Span {
        Span::new(
            self.seg.tokens[first].span.start,
            self.seg.tokens[end.max(first + 1) - 1].span.end,
        )
    }
}
