//! Entities: the names in one document, grouped so that "Eddy van Wessel", "Van Wessel" and
//! "Eddy" are one person.
//!
//! The stage takes the typed name mentions a tagger found (if any language model is available)
//! and adds its own rule-based candidates: capitalised word sequences with name particles
//! (tussenvoegsels), names after a role word ("minister Kaag"), and short forms of names
//! already known. Pronouns are resolved by the stages that need them (see
//! [`Entities::person_before`]), because only they know which text to skip.

mod lexicon;
mod names;

use kroniek_text::{CharOffsets, Lang, Segmentation, Span, SpanIndex, ToCharOffsets};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub use lexicon::Lexicon;
pub use names::{find_name_candidates, name_at, NameCandidate};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, party, institution or other organisation.
    Organisation,
    /// A non-state armed group (IS, Hezbollah, SDF …), from the language's list of them.
    ArmedGroup,
    /// A place.
    Location,
    /// Any other name (events, works, nationalities as names).
    Misc,
}

/// The gender a person's first name indicates, used to make pronouns agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// A name (almost) only women bear.
    Female,
    /// A name (almost) only men bear.
    Male,
}

/// A mention of an entity in the text: the words as written, with their span.
pub type Mention = kroniek_text::Words;

/// One entity: everything the document calls by one name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Index of the entity in [`Entities::entities`]; other layers refer to it by this id.
    pub id: usize,
    /// Person, organisation, location or misc.
    pub kind: EntityKind,
    /// The fullest name the document gives.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// For a person, the gender the first name indicates, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

impl ToCharOffsets for Entity {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.mentions.to_char_offsets(map);
    }
}

/// A name mention typed by an outside recogniser (a statistical tagger), fed into this stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedName {
    /// Where the name is.
    pub span: Span,
    /// What the recogniser thinks it is.
    pub kind: EntityKind,
}

/// The entities layer of a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    /// All entities, in order of first mention.
    pub entities: Vec<Entity>,
}

impl ToCharOffsets for Entities {
    fn to_char_offsets(&mut self, map: &CharOffsets) {
        self.entities.to_char_offsets(map);
    }
}

impl Entities {
    /// The entity that has a mention exactly at or overlapping `span`.
    pub fn at(&self, span: Span) -> Option<&Entity> {
        let shared = |m: &Mention| {
            m.span
                .end
                .min(span.end)
                .saturating_sub(m.span.start.max(span.start))
        };
        self.entities
            .iter()
            .filter_map(|entity| {
                entity
                    .mentions
                    .iter()
                    .map(shared)
                    .max()
                    .filter(|&n| n > 0)
                    .map(|n| (entity, n))
            })
            .max_by_key(|(entity, n)| (*n, entity.kind == EntityKind::Person))
            .map(|(entity, _)| entity)
    }

    /// The person mentioned last before byte `at`, skipping mentions for which `skip` is true
    /// (for instance mentions inside quotations). Used to resolve pronouns.
    pub fn person_before(&self, at: usize, skip: impl Fn(Span) -> bool) -> Option<(&Entity, Span)> {
        let mut best: Option<(&Entity, Span)> = None;
        for entity in self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            for mention in &entity.mentions {
                if mention.span.end <= at
                    && !skip(mention.span)
                    && best.is_none_or(|(_, s)| s.end < mention.span.end)
                {
                    best = Some((entity, mention.span));
                }
            }
        }
        best
    }

    /// Every person mention that lies inside `span`, in text order.
    pub fn persons_in(&self, span: Span) -> Vec<(&Entity, Span)> {
        let mut found: Vec<(&Entity, Span)> = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| span.contains(m.span))
                    .map(move |m| (e, m.span))
            })
            .collect();
        found.sort_by_key(|(_, s)| s.start);
        found
    }
}

/// Finds the entities of a document: `typed` names from a tagger (may be empty) merged with
/// rule-based name candidates, grouped by full name, surname and first name.
pub fn find_entities(
    text: &str,
    segmentation: &Segmentation,
    lang: Lang,
    typed: &[TypedName],
) -> Entities {
    let lexicon = Lexicon::for_lang(lang);
    let candidates = find_name_candidates(text, segmentation, lexicon);
    // A tagged "name" made only of function words ("Een" after a dateline) is a tagging slip.
    let mut named: Vec<(Span, Option<EntityKind>)> = typed
        .iter()
        .filter(|t| {
            // An acronym ("WHO", "IS") is a name even when it spells a function word.
            t.span.of(text).split_whitespace().any(|w| {
                !lexicon.function_words.contains(&w.to_lowercase())
                    || (w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
            })
        })
        .map(|t| {
            let (span, kind) = without_leading_role(text, t.span, t.kind, lexicon);
            (span, Some(kind))
        })
        .collect();
    // A listed organisation is one name, whatever the tagger made of its words.
    let listed = listed_organisations(text, lexicon);
    if !listed.is_empty() {
        let index = SpanIndex::new(listed.clone());
        named.retain(|(span, _)| !index.overlaps(*span));
        named.extend(
            listed
                .into_iter()
                .map(|span| (span, Some(EntityKind::Organisation))),
        );
    }
    // With a tagger, its types win; the rules only add names after a role word ("minister
    // Kaag") and untyped short forms that may join a typed full name.
    let tagged = !typed.is_empty();
    let mut taken = SpanIndex::new(named.iter().map(|(span, _)| *span).collect());
    for candidate in &candidates {
        if !taken.overlaps(candidate.span) {
            taken.insert(candidate.span);
            let armed = lexicon.armed_group(candidate.span.of(text)).is_some();
            let kind = if armed {
                Some(EntityKind::Organisation)
            } else if tagged && !candidate.after_role {
                None
            } else {
                candidate.kind
            };
            named.push((candidate.span, kind));
        }
    }
    named.sort_by_key(|(span, _)| span.start);
    group(text, &named, lexicon)
}

/// Where the language's listed organisations (`organisations.txt`) stand in `text`, as whole
/// words, longest first where they overlap.
fn listed_organisations(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    for name in &lexicon.organisations {
        for (at, _) in text.match_indices(name.as_str()) {
            let span = Span::new(at, at + name.len());
            let before = text[..at].chars().next_back();
            let after = text[span.end..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if bounded {
                found.push(span);
            }
        }
    }
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(found.len());
    for span in found {
        if kept.last().is_none_or(|last| !last.overlaps(span)) {
            kept.push(span);
        }
    }
    kept
}

/// A tagged person name that holds role words ("Senaatslijsttrekker Henk Otten", "SP-Tweede
/// Kamerlid Michiel van Nispen") is narrowed to the name after the last of them. A name of
/// another kind narrowed so to a known first name and more ("Europarlementariër Anja
/// Hazenkamp", tagged misc) is that person.
fn without_leading_role(
    text: &str,
    span: Span,
    kind: EntityKind,
    lexicon: &Lexicon,
) -> (Span, EntityKind) {
    let narrowed = after_last_role(text, span, lexicon);
    if kind == EntityKind::Person {
        return (narrowed, kind);
    }
    if narrowed != span && lexicon.gender_of(narrowed.of(text)).is_some() {
        return (narrowed, EntityKind::Person);
    }
    (span, kind)
}

/// The part of a name after its last role word, when that part starts with a capital.
fn after_last_role(text: &str, span: Span, lexicon: &Lexicon) -> Span {
    let surface = span.of(text);
    let mut start = 0;
    let mut offset = 0;
    for word in surface.split(' ') {
        if lexicon.is_role(word) {
            start = offset + word.len() + 1;
        }
        offset += word.len() + 1;
    }
    let rest = surface.get(start..).unwrap_or_default();
    if start == 0 || !rest.starts_with(char::is_uppercase) {
        return span;
    }
    Span::new(span.start + start, span.end)
}

/// Groups named mentions into entities. Full names come first so that short forms can join them.
fn group(text: &str, named: &[(Span, Option<EntityKind>)], lexicon: &Lexicon) -> Entities {
    let words: Vec<Vec<String>> = named
        .iter()
        .map(|(span, _)| name_words(span.of(text), lexicon))
        .collect();
    let mut order: Vec<usize> = (0..named.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(words[i].len()));
    let mut entities: Vec<Entity> = Vec::new();
    let mut kinds: Vec<Option<EntityKind>> = Vec::new();
    // The words of each entity's first (fullest) name, and an index from its last word and its
    // first word to the entities, so a mention is compared only with the names it can join.
    let mut full_names: Vec<&[String]> = Vec::new();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in order {
        let (span, kind) = named[i];
        let surface = span.of(text);
        let mention = Mention {
            span,
            text: surface.to_string(),
        };
        let mention_words = &words[i];
        let keys = [mention_words.last(), mention_words.first()];
        let found = keys
            .iter()
            .flatten()
            .filter_map(|key| by_word.get(key.as_str()))
            .flatten()
            .copied()
            .filter(|&id| same_entity(full_names[id], mention_words) && compatible(kinds[id], kind))
            .min();
        match found {
            Some(id) => {
                entities[id].mentions.push(mention);
                if kinds[id].is_none() {
                    kinds[id] = kind;
                }
            }
            None => {
                let id = entities.len();
                kinds.push(kind);
                full_names.push(mention_words);
                for key in [mention_words.last(), mention_words.first()]
                    .into_iter()
                    .flatten()
                {
                    by_word.entry(key.as_str()).or_default().push(id);
                }
                entities.push(Entity {
                    id,
                    kind: EntityKind::Misc,
                    name: surface.to_string(),
                    mentions: vec![mention],
                    gender: None,
                });
            }
        }
    }
    merge_misspelt_surnames(&mut entities, &mut kinds, &full_names);
    merge_bracketed_aliases(text, &mut entities, &mut kinds, lexicon);
    merge_acronyms(&mut entities, &mut kinds);
    finish(entities, kinds, lexicon)
}

/// Folds a one-word person into the person whose surname it misspells by one letter
/// ("Pereiro" for "Carlos Pereira"): news texts slip, and the speaker is the same person.
/// Only surnames of six letters or more, same length, same first letter, one letter apart.
fn merge_misspelt_surnames(
    entities: &mut [Entity],
    kinds: &mut [Option<EntityKind>],
    full_names: &[&[String]],
) {
    let one_off = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        a.len() == b.len()
            && a.len() >= 6
            && a[0] == b[0]
            && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
    };
    for short in 0..entities.len() {
        if kinds[short] != Some(EntityKind::Person) || full_names[short].len() != 1 {
            continue;
        }
        let surname = &full_names[short][0];
        let target = (0..entities.len()).find(|&full| {
            full != short
                && kinds[full] == Some(EntityKind::Person)
                && full_names[full].len() > 1
                && full_names[full]
                    .last()
                    .is_some_and(|last| one_off(last, surname))
        });
        if let Some(full) = target {
            let moved = std::mem::take(&mut entities[short].mentions);
            entities[full].mentions.extend(moved);
            kinds[short] = None;
        }
    }
}

/// Folds an acronym and the name it abbreviates into one entity when one stands in brackets
/// right after the other: "World Wrestling Entertainment (WWE)", "AEW (All Elite Wrestling)".
/// The initials of the name must spell the acronym. The brackets say the two are aliases, so
/// the name need not be typed an organisation (a rule tagger may have guessed "person" for a
/// name without a first name); the entity takes the acronym's kind unless the name begins with
/// a known first name ("John Fitzgerald Kennedy (JFK)" stays a person).
fn merge_bracketed_aliases(
    text: &str,
    entities: &mut [Entity],
    kinds: &mut [Option<EntityKind>],
    lexicon: &Lexicon,
) {
    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(id, e)| e.mentions.iter().map(move |m| (m.span, id)))
        .collect();
    mentions.sort_by_key(|(span, _)| span.start);
    let mut owner: Vec<usize> = (0..entities.len()).collect();
    for pair in mentions.windows(2) {
        let [(first, a), (second, b)] = [pair[0], pair[1]];
        let between = text.get(first.end..second.start).unwrap_or_default();
        let closed = text
            .get(second.end..)
            .is_some_and(|rest| rest.trim_start().starts_with(')'));
        if between.trim() != "(" || !closed {
            continue;
        }
        let (a, b) = (find_owner(&owner, a), find_owner(&owner, b));
        if a == b || kinds[a].is_none() && kinds[b].is_none() {
            continue;
        }
        let (first_text, second_text) = (first.of(text), second.of(text));
        let (long, short) = if spells(second_text, first_text) {
            (a, b)
        } else if spells(first_text, second_text) {
            (b, a)
        } else {
            continue;
        };
        let long_text = if long == a { first_text } else { second_text };
        let person = kinds[long] == Some(EntityKind::Person)
            && long_text
                .split_whitespace()
                .next()
                .is_some_and(|w| lexicon.first_names.contains_key(&w.to_lowercase()));
        let kind = if person {
            Some(EntityKind::Person)
        } else {
            kinds[short].or(kinds[long])
        };
        let moved = std::mem::take(&mut entities[short].mentions);
        entities[long].mentions.extend(moved);
        kinds[long] = kind;
        kinds[short] = None;
        owner[short] = long;
    }
}

/// The entity that entity `id` was folded into (itself if none).
fn find_owner(owner: &[usize], mut id: usize) -> usize {
    while owner[id] != id {
        id = owner[id];
    }
    id
}

/// Whether `acronym` (two to six capitals, "WWE", "RIAA") spells the initials of the name
/// `long` of two or more words: of its capitalised words or of all its words.
fn spells(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> = acronym.chars().collect();
    let words: Vec<&str> = long.split_whitespace().collect();
    if !(2..=6).contains(&letters.len())
        || !letters.iter().all(|c| c.is_uppercase())
        || words.len() < 2
    {
        return false;
    }
    let initials = |all: bool| -> Vec<char> {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .filter(|c| all || c.is_uppercase())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(false) == letters || initials(true) == letters
}

/// Folds an acronym into the organisation it abbreviates ("RIAA" into "Recording Industry
/// Association of America", "WHO" into "World Health Organization"): the initials of the
/// organisation's capitalised words spell the acronym.
fn merge_acronyms(entities: &mut [Entity], kinds: &mut [Option<EntityKind>]) {
    let initials = |name: &str| -> String {
        name.split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect()
    };
    for short in 0..entities.len() {
        let name = entities[short].name.clone();
        let letters = name.chars().count();
        if kinds[short].is_none()
            || name.contains(' ')
            || !(2..=6).contains(&letters)
            || !name.chars().all(|c| c.is_uppercase())
        {
            continue;
        }
        let target = (0..entities.len()).find(|&long| {
            long != short
                && kinds[long] == Some(EntityKind::Organisation)
                && entities[long].name.contains(' ')
                && initials(&entities[long].name) == name
        });
        if let Some(long) = target {
            let moved = std::mem::take(&mut entities[short].mentions);
            entities[long].mentions.extend(moved);
            kinds[short] = None;
        }
    }
}

/// Orders entities by first mention, settles their kinds and renumbers them.
fn finish(entities: Vec<Entity>, kinds: Vec<Option<EntityKind>>, lexicon: &Lexicon) -> Entities {
    let mut kept: Vec<Entity> = entities
        .into_iter()
        .zip(kinds)
        .filter_map(|(mut entity, kind)| {
            entity.kind = kind?;
            entity.mentions.sort_by_key(|m| m.span.start);
            entity.name = canonical_name(&entity);
            if matches!(
                entity.kind,
                EntityKind::Organisation | EntityKind::Misc | EntityKind::Person
            ) {
                if let Some(name) = entity
                    .mentions
                    .iter()
                    .find_map(|m| lexicon.armed_group(&m.text))
                {
                    entity.kind = EntityKind::ArmedGroup;
                    entity.name = name.to_string();
                }
            }
            if entity.kind == EntityKind::Person {
                entity.gender = lexicon.gender_of(&entity.name);
            }
            Some(entity)
        })
        .collect();
    kept.sort_by_key(|e| e.mentions[0].span.start);
    for (id, entity) in kept.iter_mut().enumerate() {
        entity.id = id;
    }
    Entities { entities: kept }
}

/// The name an entity goes by: its longest mention, written in mixed case when the document
/// has such a mention ("Utrecht" rather than the dateline's "UTRECHT").
fn canonical_name(entity: &Entity) -> String {
    let longest = entity
        .mentions
        .iter()
        .map(|m| m.text.chars().count())
        .max()
        .unwrap_or(0);
    let candidates = entity
        .mentions
        .iter()
        .filter(|m| m.text.chars().count() == longest);
    let shouting = |m: &&Mention| {
        m.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && m.text.chars().filter(|c| c.is_alphabetic()).count() > 3
    };
    candidates
        .clone()
        .find(|m| !shouting(m))
        .or_else(|| candidates.clone().next())
        .map_or_else(|| entity.name.clone(), |m| m.text.clone())
}

/// Whether two kinds may belong to one entity (unknown fits anything).
fn compatible(a: Option<EntityKind>, b: Option<EntityKind>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The lowercased words of a name, particles included ("van", "wessel").
fn name_words(name: &str, lexicon: &Lexicon) -> Vec<String> {
    let _ = lexicon;
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `short` names the same entity as `full`: the same words, a final part of them
/// (a surname, with its particles), or the first name alone.
fn same_entity(full: &[String], short: &[String]) -> bool {
    if short.is_empty() || short.len() > full.len() {
        return false;
    }
    if full.ends_with(short) {
        return true;
    }
    short.len() == 1 && full.len() > 1 && full[0] == short[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use kroniek_text::segment;

    fn persons(text: &str) -> Vec<(String, Vec<String>)> {
        let seg = segment(text, Lang::Nl);
        find_entities(text, &seg, Lang::Nl, &[])
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.name, e.mentions.into_iter().map(|m| m.text).collect()))
            .collect()
    }

    #[test]
    fn surname_with_particle_joins_full_name() {
        let found = persons(
            "Dat heeft Eddy van Wessel verbaasd. Na elk bombardement ziet Van Wessel mensen lopen.",
        );
        assert_eq!(
            found,
            vec![(
                "Eddy van Wessel".to_string(),
                vec!["Eddy van Wessel".to_string(), "Van Wessel".to_string()]
            )]
        );
    }

    #[test]
    fn armed_groups_come_from_the_list_and_acronyms_stay_names() {
        let text = "Het laatste stukje kalifaat van terreurgroep IS. Het is koud.";
        let seg = segment(text, Lang::Nl);
        let found = find_entities(text, &seg, Lang::Nl, &[]);
        let group = found
            .entities
            .iter()
            .find(|e| e.kind == EntityKind::ArmedGroup)
            .expect("IS is an armed group");
        assert_eq!(group.name, "Islamitische Staat");
        assert_eq!(
            group
                .mentions
                .iter()
                .map(|m| m.text.as_str())
                .collect::<Vec<_>>(),
            vec!["IS"]
        );
    }

    #[test]
    fn a_surname_misspelt_by_one_letter_joins_its_person() {
        let text = "Dat zegt Carlos Pereira in Miami. Later kijkt Pereiro toe.";
        let seg = segment(text, Lang::Nl);
        let pereira = Span::new(
            text.find("Carlos").unwrap(),
            text.find(" in Miami").unwrap(),
        );
        let pereiro = Span::new(text.find("Pereiro").unwrap(), text.find(" toe").unwrap());
        let typed = [
            TypedName {
                span: pereira,
                kind: EntityKind::Person,
            },
            TypedName {
                span: pereiro,
                kind: EntityKind::Person,
            },
        ];
        let found = find_entities(text, &seg, Lang::Nl, &typed);
        let people: Vec<_> = found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn an_acronym_joins_the_organisation_it_abbreviates() {
        let text = "The World Health Organization warned on Monday. WHO said more.";
        let seg = segment(text, Lang::En);
        let long = Span::new(text.find("World").unwrap(), text.find(" warned").unwrap());
        let short = Span::new(text.find("WHO").unwrap(), text.find(" said").unwrap());
        let typed = [
            TypedName {
                span: long,
                kind: EntityKind::Organisation,
            },
            TypedName {
                span: short,
                kind: EntityKind::Organisation,
            },
        ];
        let found = find_entities(text, &seg, Lang::En, &typed);
        let organisations: Vec<_> = found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation)
            .collect();
        assert_eq!(organisations.len(), 1, "{organisations:?}");
        assert_eq!(organisations[0].name, "World Health Organization");
        assert_eq!(organisations[0].mentions.len(), 2);
    }

    fn typed_at(text: &str, names: &[(&str, EntityKind)]) -> Vec<TypedName> {
        let mut from = 0;
        names
            .iter()
            .filter_map(|(name, kind)| {
                let start = from + text.get(from..)?.find(name)?;
                from = start + name.len();
                Some(TypedName {
                    span: Span::new(start, start + name.len()),
                    kind: *kind,
                })
            })
            .collect()
    }

    #[test]
    fn a_bracketed_acronym_and_its_expansion_are_one_entity() {
        let text = "He wrestled for Zorbic Wrestling Kompany (ZWK) and for QPR (Quiet Pine \
                    Rangers). ZWK said QPR agreed.";
        let typed = typed_at(
            text,
            &[
                ("Zorbic Wrestling Kompany", EntityKind::Person),
                ("ZWK", EntityKind::Organisation),
                ("QPR", EntityKind::Organisation),
                ("Quiet Pine Rangers", EntityKind::Person),
                ("ZWK", EntityKind::Organisation),
                ("QPR", EntityKind::Organisation),
            ],
        );
        let seg = segment(text, Lang::En);
        let found = find_entities(text, &seg, Lang::En, &typed);
        let names: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Zorbic Wrestling Kompany", EntityKind::Organisation, 3),
                ("Quiet Pine Rangers", EntityKind::Organisation, 3),
            ]
        );
    }

    #[test]
    fn a_bracketed_acronym_keeps_a_person_and_needs_matching_initials() {
        let text = "Mary Ann Kerr (MAK) met Zorbic Wrestling Kompany (ABC) today.";
        let typed = typed_at(
            text,
            &[
                ("Mary Ann Kerr", EntityKind::Person),
                ("MAK", EntityKind::Organisation),
                ("Zorbic Wrestling Kompany", EntityKind::Organisation),
                ("ABC", EntityKind::Organisation),
            ],
        );
        let seg = segment(text, Lang::En);
        let found = find_entities(text, &seg, Lang::En, &typed);
        let names: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Mary Ann Kerr", EntityKind::Person, 2),
                ("Zorbic Wrestling Kompany", EntityKind::Organisation, 1),
                ("ABC", EntityKind::Organisation, 1),
            ]
        );
        assert!(spells("RIAA", "Recording Industry Association of America"));
        assert!(!spells("DoD", "Department of Defense"));
        assert!(!spells("É", "Élan Über"));
    }

    #[test]
    fn a_listed_organisation_is_one_name_whatever_the_tagger_split() {
        let text = "Een arts van Artsen zonder Grenzen zei dat het ziekenhuis vol ligt.";
        let typed = typed_at(
            text,
            &[
                ("Artsen", EntityKind::Organisation),
                ("Grenzen", EntityKind::Misc),
            ],
        );
        let found = find_entities(text, &segment(text, Lang::Nl), Lang::Nl, &typed);
        let names: Vec<(&str, EntityKind)> = found
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert_eq!(
            names,
            vec![("Artsen zonder Grenzen", EntityKind::Organisation)]
        );
    }

    #[test]
    fn a_role_before_a_first_name_makes_a_tagged_name_a_person() {
        let text = "Europarlementariër Karin Hazenkamp stemde tegen.";
        let typed = typed_at(
            text,
            &[("Europarlementariër Anja Hazenkamp", EntityKind::Misc)],
        );
        let found = find_entities(text, &segment(text, Lang::Nl), Lang::Nl, &typed);
        let person = found
            .entities
            .iter()
            .find(|e| e.name == "Karin Hazenkamp")
            .expect("the person");
        assert_eq!(person.kind, EntityKind::Person);
    }

    #[test]
    fn role_word_marks_a_single_name_as_person() {
        let found = persons("Volgens minister Kaag is het goed.");
        assert_eq!(found, vec![("Kaag".to_string(), vec!["Kaag".to_string()])]);
    }
}
