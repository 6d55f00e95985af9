//! The word-level data of one language: `lang/<code>/time_words.txt` and `time_numbers.txt`,
//! loaded once into lookup tables.

use crate::sem::HolidayRule;
use kroniek_text::Lang;
use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words, for which SipHash costs more than the lookup itself.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;

/// The meanings of one word: (class, value) pairs.
pub(crate) type Entry = [(Class, &'static str)];

/// What a word can mean inside a time expression (see the header of `time_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Month,
    MonthAbbr,
    Weekday,
    WeekdayAbbr,
    RelDate,
    Pod,
    PodAdv,
    TodayPod,
    RelPrev,
    RelPast,
    RelThis,
    RelNext,
    RelComing,
    Unit,
    Ago,
    InFuture,
    Within,
    Later,
    Earlier,
    Every,
    Once,
    SetAdv,
    From,
    Between,
    To,
    And,
    Before,
    After,
    Since,
    At,
    Fuzzy,
    Oclock,
    Half,
    Quarter,
    Past,
    Noon,
    Midnight,
    Now,
    Season,
    Weekend,
    Begin,
    Mid,
    End,
    Whole,
    Am,
    Pm,
    /// A unit letter only glued to its number ("3y", "2w"): the unit code.
    UnitSuffix,
    /// A meal as a time of day ("lunch"): MEB, MEL or MED.
    Meal,
    /// A word for a working week ("workweek", "werkweek").
    WorkWeek,
    /// A word that makes the week after it a working week ("working" week).
    Work,
    /// A decade in words ("nineties"): its first year within the century.
    DecadeWord,
    /// A unit only counted in sets ("every weekday"): its TIMEX code.
    SetUnit,
    /// "other" after "every": every N-th one.
    EveryNth,
    /// A kind of year before the word for year ("fiscal" year): FY, SY or CY.
    YearKind,
    /// A word that is a kind of year by itself ("fy", "schooljaar"): FY, SY or CY.
    YearAbbr,
    /// An anaphoric determiner before a unit ("the same week", "that weekend", "dezelfde
    /// maand"): a period named before, read as the reference's one.
    Same,
    /// What is left of a period ("the rest of the week", "de rest van de maand").
    Rest,
    /// Not in the word file: the word starts a fixed phrase of `time_phrases.txt`.
    FixedStart,
    /// Not in the word file: the word is a number word, or starts a holiday name or a
    /// modifier phrase (so it may start an expression).
    Known,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        use Class::*;
        Some(match name {
            "month" => Month,
            "month_abbr" => MonthAbbr,
            "weekday" => Weekday,
            "weekday_abbr" => WeekdayAbbr,
            "reldate" => RelDate,
            "pod" => Pod,
            "pod_adv" => PodAdv,
            "today_pod" => TodayPod,
            "rel_prev" => RelPrev,
            "rel_past" => RelPast,
            "rel_this" => RelThis,
            "rel_next" => RelNext,
            "rel_coming" => RelComing,
            "unit" => Unit,
            "ago" => Ago,
            "in_future" => InFuture,
            "within" => Within,
            "later" => Later,
            "earlier" => Earlier,
            "every" => Every,
            "once" => Once,
            "set_adv" => SetAdv,
            "from" => From,
            "between" => Between,
            "to" => To,
            "and" => And,
            "before" => Before,
            "after" => After,
            "since" => Since,
            "at" => At,
            "fuzzy" => Fuzzy,
            "oclock" => Oclock,
            "half" => Half,
            "quarter" => Quarter,
            "past" => Past,
            "noon" => Noon,
            "midnight" => Midnight,
            "now" => Now,
            "season" => Season,
            "weekend" => Weekend,
            "begin" => Begin,
            "mid" => Mid,
            "end" => End,
            "whole" => Whole,
            "am" => Am,
            "pm" => Pm,
            "unit_suffix" => UnitSuffix,
            "year_kind" => YearKind,
            "set_unit" => SetUnit,
            "decade_word" => DecadeWord,
            "workweek" => WorkWeek,
            "work" => Work,
            "meal" => Meal,
            "every_nth" => EveryNth,
            "year_abbr" => YearAbbr,
            "same" => Same,
            "rest" => Rest,
            _ => return None,
        })
    }
}

/// What a modifier phrase of `time_modifiers.txt` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseMod {
    Before,
    After,
    Since,
    Until,
    More,
    Less,
}

/// A modifier phrase: its words after the first, whether it follows the expression, its effect.
pub(crate) type Phrase = (Vec<&'static str>, bool, PhraseMod);

/// A number word: its value and whether it is an ordinal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberWord {
    pub value: f64,
    pub ordinal: bool,
}

/// The lookup tables of one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: HashMap<&'static str, Vec<(Class, &'static str)>>,
    numbers: HashMap<&'static str, NumberWord>,
    /// Holiday names by their first word: the remaining words and the rule.
    holidays: HashMap<&'static str, Vec<(Vec<&'static str>, HolidayRule)>>,
    /// Modifier phrases by their first word.
    phrases: HashMap<&'static str, Vec<Phrase>>,
    /// Fixed phrases of `time_phrases.txt` by their first word: the remaining words and the
    /// meaning ("at the moment" = now).
    fixed: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>,
    /// The words of class `pod`, for compounds such as "maandagavond".
    pods: Vec<&'static str>,
    /// The language, for the few rules that differ (Dutch "half acht" is 7:30).
    pub dutch: bool,
}

impl Lexicon {
    /// The lexicon of `lang` (English data for languages without their own).
    pub fn get(lang: Lang) -> &'static Lexicon {
        static NL: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Nl => NL.get_or_init(|| Lexicon::load("nl")),
            _ => EN.get_or_init(|| Lexicon::load("en")),
        }
    }

    fn load(code: &str) -> Lexicon {
        let mut words: HashMap<&'static str, Vec<(Class, &'static str)>> = HashMap::default();
        for row in kroniek_lang::table(code, "time_words.txt") {
            if let [word, class, value, ..] = row.as_slice() {
                if let Some(class) = Class::parse(class) {
                    words.entry(*word).or_default().push((class, *value));
                }
            }
        }
        let mut numbers = HashMap::default();
        for row in kroniek_lang::table(code, "time_numbers.txt") {
            if let [word, value, kind, ..] = row.as_slice() {
                if let Ok(value) = value.parse::<f64>() {
                    let ordinal = *kind == "ord";
                    numbers.insert(*word, NumberWord { value, ordinal });
                }
            }
        }
        let mut holidays: HashMap<&'static str, Vec<(Vec<&'static str>, HolidayRule)>> =
            HashMap::default();
        for row in kroniek_lang::table(code, "time_holidays.txt") {
            if let [name, rule, ..] = row.as_slice() {
                let mut parts = name.split_whitespace();
                if let (Some(first), Some(rule)) = (parts.next(), HolidayRule::parse(rule)) {
                    holidays
                        .entry(first)
                        .or_default()
                        .push((parts.collect(), rule));
                }
            }
        }
        let mut phrases: HashMap<&'static str, Vec<Phrase>> = HashMap::default();
        for row in kroniek_lang::table(code, "time_modifiers.txt") {
            let [phrase, place, effect, ..] = row.as_slice() else {
                continue;
            };
            let effect = match *effect {
                "before" => PhraseMod::Before,
                "after" => PhraseMod::After,
                "since" => PhraseMod::Since,
                "until" => PhraseMod::Until,
                "more" => PhraseMod::More,
                "less" => PhraseMod::Less,
                _ => continue,
            };
            let mut parts = phrase.split_whitespace();
            if let Some(first) = parts.next() {
                phrases
                    .entry(first)
                    .or_default()
                    .push((parts.collect(), *place == "post", effect));
            }
        }
        let mut fixed: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>> =
            HashMap::default();
        for row in kroniek_lang::table(code, "time_phrases.txt") {
            if let [phrase, meaning, ..] = row.as_slice() {
                let mut parts = phrase.split_whitespace();
                if let Some(first) = parts.next() {
                    fixed
                        .entry(first)
                        .or_default()
                        .push((parts.collect(), *meaning));
                }
            }
        }
        // mark the number words and the first words of holidays and phrases, so that one
        // lookup tells whether a word may start an expression
        // the first words of fixed phrases, so that one lookup tells whether a phrase may start
        for w in fixed.keys() {
            words.entry(*w).or_default().push((Class::FixedStart, ""));
        }
        let starts = numbers
            .keys()
            .chain(holidays.keys())
            .chain(
                phrases
                    .iter()
                    .filter(|(_, ps)| ps.iter().any(|(_, post, _)| !post))
                    .map(|(w, _)| w),
            )
            .copied()
            .collect::<Vec<&'static str>>();
        for word in starts {
            words.entry(word).or_default().push((Class::Known, ""));
        }
        let mut pods: Vec<&'static str> = words
            .iter()
            .filter(|(_, cs)| cs.iter().any(|(c, _)| *c == Class::Pod))
            .map(|(w, _)| *w)
            .collect();
        pods.sort_unstable();
        Lexicon {
            words,
            numbers,
            holidays,
            phrases,
            fixed,
            pods,
            dutch: code == "nl",
        }
    }

    /// All meanings of `word` (empty when it has none).
    pub fn entry(&self, word: &str) -> &Entry {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    /// The value of `word` in `class`, if the word has that class.
    pub fn value(&self, word: &str, class: Class) -> Option<&'static str> {
        self.words
            .get(word)?
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, v)| *v)
    }

    /// Whether a word (its entry) only links or modifies ("en", "van", "op") and so starts an expression
    /// only before another time word or a number.
    pub fn weak_entry(cs: &Entry) -> bool {
        use Class::*;
        !cs.is_empty() && {
            cs.iter().all(|(c, _)| {
                matches!(
                    c,
                    And | At
                        | FixedStart
                        | From
                        | To
                        | Before
                        | After
                        | Since
                        | Between
                        | Fuzzy
                        | InFuture
                        | Past
                )
            })
        }
    }

    /// The part-of-day words.
    pub fn pod_words(&self) -> &[&'static str] {
        &self.pods
    }

    /// Whether `word` has `class`.
    pub fn is(&self, word: &str, class: Class) -> bool {
        self.value(word, class).is_some()
    }

    /// The value of `word` in `class` as an integer.
    pub fn int(&self, word: &str, class: Class) -> Option<i64> {
        self.value(word, class)?.parse().ok()
    }

    /// The modifier phrases starting with `word`.
    pub fn phrases(&self, word: &str) -> &[Phrase] {
        self.phrases.get(word).map_or(&[], Vec::as_slice)
    }

    /// The fixed phrases starting with `word`: the remaining words and the meaning.
    pub fn fixed(&self, word: &str) -> &[(Vec<&'static str>, &'static str)] {
        self.fixed.get(word).map_or(&[], Vec::as_slice)
    }

    /// The holiday names starting with `word` (apostrophes written '): the remaining words and
    /// the rule.
    pub fn holidays(&self, word: &str) -> &[(Vec<&'static str>, HolidayRule)] {
        self.holidays.get(word).map_or(&[], Vec::as_slice)
    }

    /// A number word, including compounds: Dutch "vierentwintig", "eenendertigste",
    /// "tweeëntwintig"; English "twenty-one", "thirty-first".
    pub fn number(&self, word: &str) -> Option<NumberWord> {
        if let Some(n) = self.numbers.get(word) {
            return Some(*n);
        }
        if self.dutch {
            for joint in ["ën", "en"] {
                for (at, _) in word.match_indices(joint) {
                    let (unit, ten) = (&word[..at], &word[at + joint.len()..]);
                    let (Some(unit), Some(ten)) = (self.numbers.get(unit), self.numbers.get(ten))
                    else {
                        continue;
                    };
                    if !unit.ordinal && unit.value < 10.0 && ten.value >= 20.0 && ten.value < 100.0
                    {
                        return Some(NumberWord {
                            value: unit.value + ten.value,
                            ordinal: ten.ordinal,
                        });
                    }
                }
            }
            None
        } else {
            let (ten, unit) = word.split_once('-')?;
            self.compound(ten, unit)
        }
    }

    /// An English ten followed by a unit ("twenty" "first").
    pub fn compound(&self, ten: &str, unit: &str) -> Option<NumberWord> {
        let ten = self.numbers.get(ten)?;
        let unit = self.numbers.get(unit)?;
        (!ten.ordinal && ten.value >= 20.0 && ten.value < 100.0 && unit.value < 10.0).then_some(
            NumberWord {
                value: ten.value + unit.value,
                ordinal: unit.ordinal,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_compounds() {
        let nl = Lexicon::get(Lang::Nl);
        assert_eq!(nl.number("vierentwintig").map(|n| n.value), Some(24.0));
        assert_eq!(nl.number("tweeëntwintig").map(|n| n.value), Some(22.0));
        let ord = nl.number("eenendertigste").expect("ordinal");
        assert!(ord.ordinal && ord.value == 31.0);
        assert!(nl.number("kerstavond").is_none());
        assert_eq!(nl.int("maart", Class::Month), Some(3));
    }

    #[test]
    fn english_compounds() {
        let en = Lexicon::get(Lang::En);
        assert_eq!(en.number("twenty-first").map(|n| n.value), Some(21.0));
        assert!(en.is("tuesday", Class::Weekday));
    }
}
