//! Prints the events of a text, one line each (without the gazetteer: places come from the
//! names the tagger finds).
//!
//! `cargo run -p kroniek-events --example show -- FILE [nl|en] [PUBLISHED]`

use kroniek_entities::{find_entities, EntityKind, TypedName};
use kroniek_events::{find_events, EventInput};
use kroniek_ner::{NameKind, Tagger};
use kroniek_numbers::find_quantities;
use kroniek_quotes::find_quotes;
use kroniek_text::{segment, Lang};
use kroniek_time::{find_times, Reference};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: show FILE [nl|en] [PUBLISHED]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let lang = args
        .get(2)
        .and_then(|c| Lang::from_code(c))
        .unwrap_or(Lang::Nl);
    let reference = args.get(3).and_then(|p| Reference::parse(p));
    let seg = segment(&text, lang);
    let typed: Vec<TypedName> = Tagger::builtin(lang)
        .map(|t| t.tag(&text, &seg))
        .unwrap_or_default()
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
        .collect();
    let entities = find_entities(&text, &seg, lang, &typed);
    let quotes = find_quotes(&text, &seg, lang, &entities);
    let quantities = find_quantities(&text, &seg, lang);
    let times = find_times(&text, &seg, lang, reference);
    let events = find_events(&EventInput {
        text: &text,
        segmentation: &seg,
        lang,
        reference,
        entities: &entities,
        quantities: &quantities,
        times: &times,
        places: &[],
        quotes: &quotes,
    });
    for e in &events {
        let place = e.place.as_ref().map_or("-", |p| p.text.as_str());
        let time = e.time.as_ref().map_or("-", |t| t.text.as_str());
        let counts: Vec<String> = e
            .counts
            .iter()
            .map(|c| format!("{} ({:?})", c.text, c.what))
            .collect();
        let actors: Vec<String> = e
            .actors
            .iter()
            .map(|a| format!("{} ({:?})", a.text, a.role))
            .collect();
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        println!(
            "{}/{} {:?} conf {} place {place} time {time} counts {counts:?} actors {actors:?}{}{}{}{}",
            e.event_type,
            e.sub_type,
            mentions,
            e.confidence,
            if e.negated { " NEGATED" } else { "" },
            if e.hypothetical { " HYPOTHETICAL" } else { "" },
            if e.historical { " HISTORICAL" } else { "" },
            if e.in_quote { " in-quote" } else { "" },
        );
    }
}
