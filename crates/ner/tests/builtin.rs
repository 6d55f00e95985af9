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
fn builtin_dutch_model_loads_and_english_is_rule_based() {
    let tagger = Tagger::builtin(Lang::Nl).expect("the Dutch model is shipped");
    assert!(tagger.info().licence.contains("research"));
    assert!(!tagger.is_rule_based());
    let english = Tagger::builtin(Lang::En).expect("English has the rule tagger");
    assert!(english.is_rule_based());
    assert!(english.to_bytes().is_err(), "rules have no weights to save");
    assert!(Tagger::builtin(Lang::Other).is_none());
}

#[test]
fn english_names_are_typed_and_possessives_trimmed() {
    let tagger = Tagger::builtin(Lang::En).expect("English has the rule tagger");
    let text = "The Atlantic Council's report reached Los Angeles. Senator Ted Cruz said \
                it was wrong, and Cruz repeated that on Labor Day.";
    let found = tagger.tag(text, &segment(text, Lang::En));
    let names: Vec<(&str, NameKind)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
    for expected in [
        ("Atlantic Council", NameKind::Organisation),
        ("Los Angeles", NameKind::Location),
        ("Ted Cruz", NameKind::Person),
        ("Cruz", NameKind::Person),
        ("Labor Day", NameKind::Misc),
    ] {
        assert!(names.contains(&expected), "{expected:?} in {names:?}");
    }
}

#[test]
fn english_rules_score_on_the_own_evaluation_set() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/en_eval.conll");
    let tagger = Tagger::builtin(Lang::En).expect("English has the rule tagger");
    let report = tagger.evaluate(&path).expect("evaluates");
    eprintln!("{report}");
    assert!(report.overall.f1() >= 0.75, "{report}");
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
    for (lang, text) in [Lang::Nl, Lang::En].into_iter().flat_map(|l| {
        [
            "",
            " ",
            "„",
            "Één… “Gent”?! 😀 — IJsland",
            "a\n\nB C D E F G H I J K L",
            "’s Obama’s Reuters' ’ s' É’s",
        ]
        .map(|t| (l, t))
    }) {
        let tagger = Tagger::builtin(lang).expect("a tagger ships");
        let found = tagger.tag(text, &segment(text, lang));
        for m in found {
            assert!(text.get(m.span.start..m.span.end).is_some(), "{text:?}");
            assert!(m.span.start < m.span.end, "{text:?}");
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
