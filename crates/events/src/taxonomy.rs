//! The event taxonomy, read from `data/taxonomy.tsv`: ACLED's event types and sub-event types
//! plus Kroniek's displacement and humanitarian-conditions types.

use std::sync::OnceLock;

/// One sub-type of the taxonomy with its type and the labels the exports write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubType {
    /// The event type code ("explosions_remote_violence").
    pub event_type: &'static str,
    /// The sub-type code ("air_drone_strike").
    pub sub_type: &'static str,
    /// The event type's label ("Explosions/Remote violence").
    pub event_type_label: &'static str,
    /// The sub-type's label ("Air/drone strike").
    pub sub_type_label: &'static str,
    /// Where the category comes from: "acled" or "kroniek".
    pub source: &'static str,
}

const DATA: &str = include_str!("../data/taxonomy.tsv");

/// Every sub-type of the taxonomy, in file order.
pub fn taxonomy() -> &'static [SubType] {
    static TABLE: OnceLock<Vec<SubType>> = OnceLock::new();
    TABLE.get_or_init(|| parse(DATA))
}

/// The sub-type with code `code`, if the taxonomy has it.
pub fn sub_type(code: &str) -> Option<&'static SubType> {
    taxonomy().iter().find(|s| s.sub_type == code)
}

fn parse(data: &'static str) -> Vec<SubType> {
    kroniek_lang::entries(data)
        .into_iter()
        .filter_map(|line| {
            let mut cols = line.split('\t').map(str::trim);
            Some(SubType {
                event_type: cols.next()?,
                sub_type: cols.next()?,
                event_type_label: cols.next()?,
                sub_type_label: cols.next()?,
                source: cols.next()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_acled_and_kroniek_types_with_unique_sub_types() {
        let all = taxonomy();
        assert_eq!(all.len(), DATA.lines().filter(|l| l.contains('\t')).count());
        for s in all {
            assert_eq!(all.iter().filter(|t| t.sub_type == s.sub_type).count(), 1);
        }
        let types: Vec<&str> = all.iter().map(|s| s.event_type).collect();
        for t in [
            "battles",
            "explosions_remote_violence",
            "violence_against_civilians",
            "protests",
            "riots",
            "strategic_developments",
            "displacement",
            "humanitarian_conditions",
        ] {
            assert!(types.contains(&t), "{t}");
        }
        assert_eq!(
            sub_type("air_drone_strike").map(|s| s.sub_type_label),
            Some("Air/drone strike")
        );
    }
}
