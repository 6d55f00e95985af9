//! Tests of the shipped Dutch model. The score test needs the CoNLL-2002 data from
//! `../shared` and skips (with a message) when it is absent.

use kroniek_ner::{NameKind, Tagger};
use kroniek_text::{segment, Lang};
use std::path::PathBuf;

fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    path.exists().then_some(path)
}

#[test]
fn builtin_dutch_model_loads_and_english_has_none() {
    let tagger = Tagger::builtin(Lang::Nl).expect("the Dutch model is shipped");
    assert!(tagger.info().licence.contains("research"));
    assert!(Tagger::builtin(Lang::En).is_none());
    assert!(Tagger::builtin(Lang::Other).is_none());
}

#[test]
fn finds_eddy_van_wessel() {
    let tagger = Tagger::builtin(Lang::Nl).expect("the Dutch model is shipped");
    let text = "Dat heeft Eddy van Wessel misschien nog wel het meest verbaasd.";
    let found = tagger.tag(text, &segment(text, Lang::Nl));
    let names: Vec<(&str, NameKind)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
    assert!(
        names.contains(&("Eddy van Wessel", NameKind::Person)),
        "{names:?}"
    );
}

#[test]
fn tags_any_input_without_panicking() {
    let tagger = Tagger::builtin(Lang::Nl).expect("the Dutch model is shipped");
    for text in [
        "",
        " ",
        "„",
        "Één… “Gent”?! 😀 — IJsland",
        "a\n\nB C D E F G H I J K L",
    ] {
        let found = tagger.tag(text, &segment(text, Lang::Nl));
        for m in found {
            assert!(text.get(m.span.start..m.span.end).is_some(), "{text:?}");
        }
    }
}

#[test]
fn builtin_model_scores_on_conll2002_testa() {
    let Some(testa) = shared_file("corpora/conll2002-nl/ned.testa") else {
        eprintln!("skipped: ../shared/corpora/conll2002-nl/ned.testa is absent");
        return;
    };
    let tagger = Tagger::builtin(Lang::Nl).expect("the Dutch model is shipped");
    let report = tagger.evaluate(&testa).expect("evaluates");
    eprintln!("{report}");
    assert!(report.f1() >= 0.80, "{report}");
}
