//! Tests of the whole stage on short texts, with the layers of the other stages computed for
//! real (without a gazetteer: places come from location entities).

use super::*;
use kroniek_entities::{find_entities, EntityKind, TypedName};
use kroniek_ner::{NameKind, Tagger};
use kroniek_numbers::find_quantities;
use kroniek_quotes::find_quotes;
use kroniek_text::segment;
use kroniek_time::find_times;

pub(crate) fn analyse(text: &str, lang: Lang, published: Option<&str>) -> Vec<Event> {
    let seg = segment(text, lang);
    let entities = find_entities(text, &seg, lang, &names(text, &seg, lang));
    let quotes = find_quotes(text, &seg, lang, &entities);
    let quantities = find_quantities(text, &seg, lang);
    let reference = published.and_then(Reference::parse);
    let times = find_times(text, &seg, lang, reference);
    find_events(&EventInput {
        text,
        segmentation: &seg,
        lang,
        reference,
        entities: &entities,
        quantities: &quantities,
        times: &times,
        places: &[],
        quotes: &quotes,
    })
}

/// The names the shipped tagger finds (as the pipeline feeds them to the entities stage).
pub(crate) fn names(text: &str, seg: &Segmentation, lang: Lang) -> Vec<TypedName> {
    let Some(tagger) = Tagger::builtin(lang) else {
        return Vec::new();
    };
    tagger
        .tag(text, seg)
        .into_iter()
        .map(|m| TypedName {
            span: m.span,
            kind: match m.kind {
                NameKind::Person => EntityKind::Person,
                NameKind::Organisation => EntityKind::Organisation,
                NameKind::Location => EntityKind::Location,
                NameKind::Misc => EntityKind::Misc,
            },
        })
        .collect()
}

fn find<'e>(events: &'e [Event], sub_type: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.sub_type == sub_type)
        .unwrap_or_else(|| panic!("no {sub_type} in {events:#?}"))
}

#[test]
fn displacement_with_count_time_and_place() {
    let text = "Tienduizenden mensen zag hij afgelopen dagen massaal vertrekken uit het \
                Oost-Syrische Baghouz. Het is een exodus.";
    let events = analyse(text, Lang::Nl, Some("2019-03-05"));
    let e = find(&events, "flight");
    assert_eq!(e.event_type, "displacement");
    assert_eq!(e.trigger.text, "vertrekken");
    assert_eq!(e.mentions.len(), 2, "{e:#?}");
    assert_eq!(e.counts[0].text, "Tienduizenden mensen");
    assert_eq!(e.counts[0].what, CountWhat::Displaced);
    assert_eq!(
        e.time.as_ref().map(|t| t.text.as_str()),
        Some("afgelopen dagen")
    );
    assert_eq!(e.place.as_ref().map(|p| p.text.as_str()), Some("Baghouz"));
    assert!(!e.negated && !e.hypothetical && !e.historical);
    assert!(e.confidence > 0.6 && e.confidence <= 0.99);
}

#[test]
fn negation_in_another_clause_does_not_count() {
    let text = "Zelf kan de fotograaf Baghouz niet in, omdat er nog zwaar gevochten wordt.";
    let e = analyse(text, Lang::Nl, None);
    let e = find(&e, "armed_clash");
    assert!(!e.negated, "{e:#?}");
    let e = analyse("In Aleppo werd gisteren niet gevochten.", Lang::Nl, None);
    assert!(find(&e, "armed_clash").negated);
    let e = analyse("There was no fighting in Aleppo.", Lang::En, None);
    assert!(find(&e, "armed_clash").negated);
}

#[test]
fn negation_word_inside_a_trigger_is_the_trigger() {
    let e = analyse("In Baghouz is er geen medische hulp meer.", Lang::Nl, None);
    let e = find(&e, "lack_of_medical_care");
    assert!(!e.negated);
    assert_eq!(e.trigger.text, "geen medische hulp");
}

#[test]
fn plans_and_threats_are_hypothetical() {
    let e = analyse("Het leger dreigt de stad te bombarderen.", Lang::Nl, None);
    assert!(find(&e, "air_drone_strike").hypothetical);
    let e = analyse("The rebels plans to attack the town.", Lang::En, None);
    assert!(e.iter().all(|e| e.hypothetical), "{e:#?}");
}

#[test]
fn a_deadline_in_another_clause_does_not_date_an_event() {
    let text = "Fishermen protested in Rotterdam on Monday. The protest was organised by the \
        union, which says the plan to halve the fleet by 2030 will ruin the town.";
    let e = analyse(text, Lang::En, Some("2019-03-05"));
    let protest = find(&e, "peaceful_protest");
    let time = protest.time.as_ref().expect("a time");
    assert_eq!(time.text, "Monday", "{protest:#?}");
    assert!(!protest.hypothetical, "{protest:#?}");
}

#[test]
fn background_history_is_marked() {
    let text = "In 2014 vluchtten duizenden mensen uit Mosul.";
    let e = analyse(text, Lang::Nl, Some("2019-03-05"));
    assert!(find(&e, "flight").historical);
    let e = analyse(
        "Vorig jaar werd de stad gebombardeerd.",
        Lang::Nl,
        Some("2019-03-05"),
    );
    assert!(find(&e, "air_drone_strike").historical);
    let e = analyse("Years ago, thousands fled the city.", Lang::En, None);
    assert!(find(&e, "flight").historical);
}

#[test]
fn food_price_from_a_priced_amount() {
    let text = "Ik ving op dat een kilo suiker nu zo’n 70 dollar kost.";
    let e = analyse(text, Lang::Nl, Some("2019-03-05"));
    let e = find(&e, "food_prices");
    assert_eq!(e.counts[0].what, CountWhat::Price);
    assert_eq!(e.counts[0].text, "zo’n 70 dollar");
    assert_eq!(e.counts[0].value, Some(70.0));
}

#[test]
fn context_words_choose_the_sub_type() {
    let e = analyse(
        "A suicide attack killed 12 people in Kabul.",
        Lang::En,
        None,
    );
    let e = find(&e, "suicide_bomb");
    assert_eq!(e.counts[0].what, CountWhat::Killed);
    let e = analyse(
        "Police fired tear gas at protesters in Paris.",
        Lang::En,
        None,
    );
    find(&e, "protest_with_intervention");
}

#[test]
fn actors_with_roles() {
    let text = "Het leger voerde een luchtaanval uit tegen de rebellen.";
    let e = analyse(text, Lang::Nl, None);
    let e = find(&e, "air_drone_strike");
    let roles: Vec<(&str, ActorRole)> =
        e.actors.iter().map(|a| (a.text.as_str(), a.role)).collect();
    assert!(roles.contains(&("leger", ActorRole::Agent)), "{roles:?}");
    assert!(
        roles.contains(&("rebellen", ActorRole::Target)),
        "{roles:?}"
    );
}

#[test]
fn different_places_stay_apart() {
    let text = "In Aleppo werd gevochten. In Homs werd ook gevochten.";
    let e = analyse(text, Lang::Nl, None);
    assert_eq!(
        e.iter().filter(|e| e.sub_type == "armed_clash").count(),
        2,
        "{e:#?}"
    );
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        " ",
        "…",
        "geen",
        "fled\u{0}",
        "«gevochten»",
        "ééé vluchten ’",
    ] {
        for lang in [Lang::Nl, Lang::En, Lang::Other] {
            let _ = analyse(text, lang, Some("2019-03-05"));
        }
    }
}

/// Throughput of the stage alone on the seed text (or a sample) repeated to 5 MB. Run with
/// `cargo test -p kroniek-events --release -- --ignored throughput --nocapture`.
#[test]
#[ignore = "a measurement, meaningful only in release builds"]
fn throughput() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_7c833daf2335ffcf.txt");
    let sample = std::fs::read_to_string(seed).unwrap_or_else(|_| {
        "Tienduizenden mensen vluchtten afgelopen dagen uit Baghouz. Er werd zwaar gevochten.\n\n"
            .to_string()
    });
    let text = sample.repeat(5_000_000 / sample.len().max(1) + 1);
    let lang = Lang::Nl;
    let seg = segment(&text, lang);
    let entities = find_entities(&text, &seg, lang, &[]);
    let quotes = find_quotes(&text, &seg, lang, &entities);
    let quantities = find_quantities(&text, &seg, lang);
    let reference = Reference::parse("2019-03-05");
    let times = find_times(&text, &seg, lang, reference);
    let input = EventInput {
        text: &text,
        segmentation: &seg,
        lang,
        reference,
        entities: &entities,
        quantities: &quantities,
        times: &times,
        places: &[],
        quotes: &quotes,
    };
    let _ = find_events(&input);
    let started = std::time::Instant::now();
    let events = find_events(&input);
    let seconds = started.elapsed().as_secs_f64();
    let mb = text.len() as f64 / 1e6;
    println!(
        "{mb:.1} MB, {} events in {seconds:.3} s: {:.1} MB/s",
        events.len(),
        mb / seconds
    );
}
