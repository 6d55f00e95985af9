//! Trimming runs of capitalised words into names, and deciding each name's kind.

use super::{Evidence, Piece, RuleTagger, Tok};
use crate::features::Case;
use crate::NameKind;
use kroniek_places::Feature;
use std::collections::HashSet;

/// Punctuation after which a capitalised word may be capitalised only by position.
const OPENERS: [&str; 6] = ["\"", "'", "(", ":", "-", "["];

impl RuleTagger {
    /// The names inside the run `start..end`: leading common words, joining words and titles
    /// are dropped, and a title inside the run splits it ("US President Donald Trump").
    pub(super) fn pieces(
        &self,
        toks: &[Tok],
        start: usize,
        end: usize,
        lowered: &HashSet<&str>,
    ) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut s = start;
        let mut titled = self.role_before(toks, start);
        while s < end {
            if self.is_listed(toks, s, end)
                || self.is_domain_name(toks, s, end)
                || self.opens_name(toks, s, end)
            {
                break;
            }
            let keys: Vec<&str> = toks[s..end].iter().map(|t| t.key.as_str()).collect();
            let title = self.lexicon.titles.longest_prefix(&keys);
            if title > 0 && s + title < end && toks[s].info.case == Case::Title {
                titled = true;
                s += title;
            } else if self.role_before_first_name(toks, s, end) {
                // "Firefighter Jose Ramirez", "Driver Peter de Graaf": a role noun written
                // with a capital (first in the sentence) before a first name works as a title.
                titled = true;
                s += 1;
            } else if toks[s].info.case == Case::Lower || self.is_common(toks, s, lowered) {
                s += 1;
            } else {
                break;
            }
        }
        if s >= end {
            return out;
        }
        if let Some(at) = self.closing_title(toks, s, end) {
            // "United States Senator", "US Special Representative": a title, not a name; what
            // stands before it is kept only when it is a name on strong evidence.
            let left = Piece {
                start: s,
                end: at,
                titled,
            };
            if at > s && self.kind_of(toks, left).is_some_and(|(_, strong)| strong) {
                out.push(left);
            }
            return out;
        }
        if let Some(at) = self.person_after_place(toks, s, end) {
            // "Vermont Bernie Sanders", "Iran Brian Hook": a place, then a person.
            out.push(Piece {
                start: s,
                end: at,
                titled: false,
            });
            out.push(Piece {
                start: at,
                end,
                titled,
            });
            return out;
        }
        match self.inner_title(toks, s, end) {
            Some(at) => {
                let left = Piece {
                    start: s,
                    end: at,
                    titled,
                };
                if self.kind_of(toks, left).is_some_and(|(_, strong)| strong) {
                    out.push(left);
                }
                out.extend(self.pieces(toks, at, end, lowered));
            }
            None => out.push(Piece {
                start: s,
                end,
                titled,
            }),
        }
        out
    }

    /// Whether token `s` is a capitalised role noun (`person_roles.txt`) followed, inside the
    /// run `s..end`, by a known first name.
    fn role_before_first_name(&self, toks: &[Tok], s: usize, end: usize) -> bool {
        s + 1 < end
            && toks[s].info.case == Case::Title
            && self.lexicon.roles.contains(&toks[s].key)
            && self.lexicon.first_names.contains(&toks[s + 1].key)
    }

    /// Whether a lowercase role word ("spokesman", "president") stands right before `start`.
    fn role_before(&self, toks: &[Tok], start: usize) -> bool {
        start
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| {
                t.info.case == Case::Lower
                    && (self.lexicon.roles.contains(&t.key) || self.lexicon.titles.contains(&t.key))
            })
    }

    /// Whether `s..end` as a whole is a listed organisation, place or other name.
    fn is_listed(&self, toks: &[Tok], s: usize, end: usize) -> bool {
        let phrase = phrase(toks, s, end);
        let lex = &self.lexicon;
        lex.organisations.contains(&phrase)
            || lex.locations.contains(&phrase)
            || lex.misc.contains(&phrase)
    }

    /// Whether the capitalised function word at `s` begins the name `s..end` rather than
    /// standing before it: a listed opener ("All", "One", "Will") that is followed by a name word
    /// and stands inside the sentence, or after a bracket that follows an acronym the name
    /// spells out ("AEW (All Elite Wrestling)"). Sentence-initial "All" stays ordinary text.
    fn opens_name(&self, toks: &[Tok], s: usize, end: usize) -> bool {
        let lex = &self.lexicon;
        let (Some(t), Some(next)) = (toks.get(s), toks.get(s + 1)) else {
            return false;
        };
        if t.info.case != Case::Title
            || !lex.name_openers.contains(&t.key)
            || s + 1 >= end
            || !next.info.case.capitalised()
            || lex.function.contains(&next.key)
            || lex.not_names.contains(&next.key)
        {
            return false;
        }
        let prev = s.checked_sub(1).and_then(|p| toks.get(p));
        let after_opener = prev.is_some_and(|p| OPENERS.contains(&p.info.word.as_str()));
        if !t.info.initial && !after_opener {
            return true;
        }
        prev.is_some_and(|p| p.info.word == "(")
            && s.checked_sub(2)
                .and_then(|a| toks.get(a))
                .is_some_and(|a| spells(&a.bare, &toks[s..end]))
    }

    /// Whether token `s` is a common word capitalised only because of where it stands: a
    /// function word anywhere, or a common word (or one the document also writes in lower
    /// case) at the start of a sentence or quotation.
    fn is_common(&self, toks: &[Tok], s: usize, lowered: &HashSet<&str>) -> bool {
        let t = &toks[s];
        if t.info.case != Case::Title {
            return false;
        }
        let after_opener = s
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| OPENERS.contains(&p.info.word.as_str()));
        let initial = t.info.initial || after_opener;
        let function = self.lexicon.function.contains(&t.key);
        function || (initial && (self.lexicon.common.contains(&t.key) || lowered.contains(&*t.key)))
    }

    /// The start of a title that ends the run `s..end` ("US Special Representative"), if one
    /// does and the run is no listed name or organisation ("Court of Justice").
    fn closing_title(&self, toks: &[Tok], s: usize, end: usize) -> Option<usize> {
        if self.is_listed(toks, s, end) || self.keyword_kind(toks, s, end).is_some() {
            return None;
        }
        (s..end).find(|&j| {
            let keys: Vec<&str> = toks[j..end].iter().map(|t| t.key.as_str()).collect();
            toks[j].info.case == Case::Title && self.lexicon.titles.longest_prefix(&keys) == end - j
        })
    }

    /// Where a person's name starts after a place that opens the run `s..end`: a known first
    /// name right after a listed place or a country, city or region of the gazetteer.
    fn person_after_place(&self, toks: &[Tok], s: usize, end: usize) -> Option<usize> {
        if self.is_listed(toks, s, end) {
            return None;
        }
        (s + 1..end.saturating_sub(1)).find(|&j| {
            let place = self.lexicon.locations.contains(&phrase(toks, s, j))
                || self
                    .place_feature(toks, s, j)
                    .is_some_and(|f| f <= Feature::City);
            place && self.lexicon.first_names.contains(&toks[j].key)
        })
    }

    /// The start of a title inside `s..end` that a name follows, if any.
    fn inner_title(&self, toks: &[Tok], s: usize, end: usize) -> Option<usize> {
        if self.is_listed(toks, s, end) {
            return None;
        }
        (s + 1..end).find(|&j| {
            let keys: Vec<&str> = toks[j..end].iter().map(|t| t.key.as_str()).collect();
            let title = self.lexicon.titles.longest_prefix(&keys);
            title > 0
                && j + title < end
                && toks[j].info.case == Case::Title
                && !self.lexicon.org_words.contains(&toks[j - 1].key)
        })
    }

    /// The kind of the name `piece`, and whether strong evidence decided it; `None` when it is
    /// not a name after all ("May" alone).
    pub(super) fn kind_of(&self, toks: &[Tok], piece: Piece) -> Option<(NameKind, bool)> {
        self.kind_with_evidence(toks, piece)
            .map(|(kind, evidence)| (kind, evidence == Evidence::Strong))
    }

    /// The kind of the name `piece` and what decided it; `None` when it is not a name after all.
    pub(super) fn kind_with_evidence(
        &self,
        toks: &[Tok],
        piece: Piece,
    ) -> Option<(NameKind, Evidence)> {
        let (s, e) = (piece.start, piece.end);
        let lex = &self.lexicon;
        let phrase = phrase(toks, s, e);
        let strong = |kind| Some((kind, Evidence::Strong));
        if e - s == 1 && lex.not_alone.contains(&phrase) {
            return None;
        }
        if self.is_dateline(toks, s, e) || lex.locations.contains(&phrase) {
            return strong(NameKind::Location);
        }
        if lex.organisations.contains(&phrase) || self.is_domain_name(toks, s, e) {
            return strong(NameKind::Organisation);
        }
        if lex.misc.contains(&phrase) {
            return strong(NameKind::Misc);
        }
        if piece.titled {
            return strong(NameKind::Person);
        }
        let place = self.place_feature(toks, s, e);
        // "United States", "United Arab Emirates": a country's whole name wins over the
        // organisation word inside it.
        if place.is_some_and(|f| f <= Feature::Country) {
            return strong(NameKind::Location);
        }
        if let Some(kind) = self.keyword_kind(toks, s, e) {
            return strong(kind);
        }
        let major = place.is_some_and(|f| f <= Feature::City);
        if e - s >= 2 && lex.first_names.contains(&toks[s].key) && !major {
            return strong(NameKind::Person);
        }
        if major {
            return strong(NameKind::Location);
        }
        Some(match self.weak_cue(toks, s, e, place.is_some()) {
            Some(kind) => (kind, Evidence::Cue),
            None => (
                default_kind(e - s, lex.first_names.contains(&toks[s].key)),
                Evidence::Default,
            ),
        })
    }

    /// A kind the shape of the name or the words around it suggest, if any.
    fn weak_cue(&self, toks: &[Tok], s: usize, e: usize, minor_place: bool) -> Option<NameKind> {
        let lex = &self.lexicon;
        let next = toks.get(e).map_or("", |t| t.key.as_str());
        let prev = s
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .map_or("", |t| t.key.as_str());
        let acronym = e - s == 1 && toks[s].info.case == Case::Upper;
        if let Some(kind) = self.not_a_person(toks, s, e) {
            Some(kind)
        } else if self.in_organisation_role(toks, s, e) && !acronym {
            Some(NameKind::Organisation)
        } else if lex.person_verbs.contains(next) && !acronym {
            Some(NameKind::Person)
        } else if minor_place || (lex.place_cues.contains(prev) && !acronym) {
            Some(NameKind::Location)
        } else if acronym || prev == "the" || e - s >= 4 {
            Some(NameKind::Organisation)
        } else {
            None
        }
    }

    /// The kind of a name of two or more words that looks like a person's by its shape but is
    /// not one: its first word is no known first name and either its last word is not a
    /// plausible surname (an organisation head word such as "Entertainment", or an ending such
    /// as "-hood" that surnames do not have), or all its words are in capitals ("US EPA"), or an
    /// acronym in brackets right before or after it spells its initials ("World Wrestling
    /// Entertainment (WWE)"). One word alone is an organisation when it is a compound ending in
    /// an organisation word ("Vizmedia").
    fn not_a_person(&self, toks: &[Tok], s: usize, e: usize) -> Option<NameKind> {
        let lex = &self.lexicon;
        let last = toks[e - 1].key.as_str();
        let chars = last.chars().count();
        if lex.first_names.contains(&toks[s].key) {
            return None;
        }
        if e - s == 1 {
            // "Vizmedia", "Microsoft": one word compounded with an organisation word.
            let compound = toks[s].info.case == Case::Title
                && lex
                    .org_endings
                    .iter()
                    .any(|end| chars >= end.chars().count() + 3 && last.ends_with(end.as_str()));
            return compound.then_some(NameKind::Organisation);
        }
        let not_surname = lex.org_heads.contains(last)
            || lex
                .not_surname_endings
                .iter()
                .any(|end| chars >= end.chars().count() + 2 && last.ends_with(end.as_str()));
        // "CC BY", "US EPA": capitals throughout and no first name make no person's name.
        let shouted = toks[s..e].iter().all(|t| t.info.case == Case::Upper);
        (not_surname || shouted || self.has_acronym_alias(toks, s, e))
            .then_some(NameKind::Organisation)
    }

    /// Whether the name `s..e` stands where an organisation does: after a role held in one and
    /// "of", "for" or "at" ("chief executive of Alphabet"), or before such a role ("a Woolworths
    /// spokesperson", "House speaker").
    fn in_organisation_role(&self, toks: &[Tok], s: usize, e: usize) -> bool {
        let lex = &self.lexicon;
        let lower_role = |t: &Tok| t.info.case == Case::Lower && lex.org_roles.contains(&t.key);
        let before =
            s >= 2 && lex.role_links.contains(&toks[s - 1].key) && lower_role(&toks[s - 2]);
        let after = toks.get(e).is_some_and(lower_role) && !toks[e - 1].possessive;
        before || after
    }

    /// Whether an acronym that spells the initials of `s..e` stands in brackets right after it
    /// ("… Entertainment (WWE)") or right before its opening bracket ("AEW (All …)").
    fn has_acronym_alias(&self, toks: &[Tok], s: usize, e: usize) -> bool {
        let word = |i: Option<usize>| i.and_then(|i| toks.get(i)).map(|t| t.info.word.as_str());
        let name = &toks[s..e];
        let after = word(Some(e)) == Some("(")
            && word(Some(e + 2)) == Some(")")
            && toks.get(e + 1).is_some_and(|a| spells(&a.bare, name));
        let before = word(s.checked_sub(1)) == Some("(")
            && word(Some(e)) == Some(")")
            && s.checked_sub(2)
                .and_then(|a| toks.get(a))
                .is_some_and(|a| spells(&a.bare, name));
        after || before
    }

    /// An all-capitals place at the very start of a sentence, before a dash: `LONDON —`.
    fn is_dateline(&self, toks: &[Tok], s: usize, e: usize) -> bool {
        toks[s].info.initial
            && toks[s..e].iter().all(|t| t.info.case == Case::Upper)
            && toks
                .get(e)
                .is_some_and(|t| matches!(t.info.word.as_str(), "-" | "(" | ","))
            && (toks.get(e).is_some_and(|t| t.info.word == "-")
                || self.place_feature(toks, s, e).is_some())
    }

    /// The kind an organisation, place or event word gives the name: the rightmost such word
    /// that ends the name or begins it before a connector ("Bank of England"), an organisation
    /// word anywhere winning over a place word ("Department of State").
    fn keyword_kind(&self, toks: &[Tok], s: usize, e: usize) -> Option<NameKind> {
        let lex = &self.lexicon;
        let counts = |j: usize| {
            j > s
                || (e - s > 1 && lex.connectors.contains(&toks[s + 1].key))
                || (e - s > 1 && lex.loc_prefixes.contains(&toks[j].key))
                // "Police Scotland", "Transport for London": an organisation word may lead.
                || (e - s > 1 && lex.org_words.contains(&toks[j].key))
        };
        let kind_at = |j: usize| {
            let key = toks[j].key.as_str();
            if lex.org_words.contains(key) {
                Some(NameKind::Organisation)
            } else if lex.loc_words.contains(key) {
                Some(NameKind::Location)
            } else if lex.misc_words.contains(key) {
                Some(NameKind::Misc)
            } else {
                None
            }
        };
        let found = (s..e).rev().filter(|&j| counts(j)).find_map(kind_at)?;
        let org_anywhere = (s..e).any(|j| counts(j) && kind_at(j) == Some(NameKind::Organisation));
        Some(if org_anywhere {
            NameKind::Organisation
        } else {
            found
        })
    }

    /// The kind of the best-known place of this name in the place gazetteer, if any.
    fn place_feature(&self, toks: &[Tok], s: usize, e: usize) -> Option<Feature> {
        let places = self.places.as_ref()?;
        let name: Vec<&str> = toks[s..e].iter().map(|t| t.bare.as_str()).collect();
        places
            .lookup(&name.join(" "))
            .into_iter()
            .filter(|c| c.primary_name || c.feature <= Feature::Region)
            .map(|c| c.feature)
            .min()
    }
}

/// The kind of a name of `words` words that nothing types: a person when it has two or three
/// words ("Grace Mugabe") or is a known first name alone; any other word alone is more often a
/// company or product than a person, who is introduced by the full name first (a surname alone
/// is then typed by that full name) or referred to by a pronoun afterwards (see
/// `RuleTagger::type_by_pronouns`).
fn default_kind(words: usize, first_name: bool) -> NameKind {
    if words == 1 && !first_name {
        NameKind::Organisation
    } else {
        NameKind::Person
    }
}

/// Whether `acronym` (two or more capitals, "AEW", "RIAA") spells the initials of `name`: of
/// its capitalised words ("Recording Industry Association of America") or of all its words.
pub(super) fn spells(acronym: &str, name: &[Tok]) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().count() < 2
        || !letters.chars().all(char::is_uppercase)
        || name.len() < 2
        || name.len() > 8
    {
        return false;
    }
    let initials = |all: bool| -> String {
        name.iter()
            .filter(|t| all || t.info.case.capitalised())
            .filter_map(|t| t.bare.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(false) == letters || initials(true) == letters
}

/// The lowercased words of `s..e`, joined by spaces.
fn phrase(toks: &[Tok], s: usize, e: usize) -> String {
    toks.get(s..e)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
