//! Unit tests for numbers and quantities: every kind, both languages, and the seed's cases.

use super::*;

fn nums(text: &str, lang: Lang) -> Vec<(String, f64)> {
    find_numbers(text, lang)
        .into_iter()
        .filter(|n| !n.glued)
        .map(|n| (n.span.of(text).to_string(), n.value))
        .collect()
}

fn value(text: &str, lang: Lang) -> f64 {
    let found = nums(text, lang);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found[0].1
}

fn quantities(text: &str, lang: Lang) -> Vec<Quantity> {
    find_quantities(text, &kroniek_text::segment(text, lang), lang)
}

fn only(text: &str, lang: Lang, kind: QuantityKind) -> Quantity {
    let all: Vec<Quantity> = quantities(text, lang)
        .into_iter()
        .filter(|q| q.kind == kind)
        .collect();
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all[0].clone()
}

#[test]
fn dutch_and_english_digit_conventions() {
    assert_eq!(value("1.000,5", Lang::Nl), 1000.5);
    assert_eq!(value("1,000.5", Lang::En), 1000.5);
    assert_eq!(value("1.000", Lang::Nl), 1000.0);
    assert_eq!(value("3.5", Lang::Nl), 3.5);
    assert_eq!(value("4,800", Lang::Nl), 4.8);
    assert_eq!(value("1 234 567", Lang::Nl), 1234567.0);
    assert_eq!(value("-4/5", Lang::En), -0.8);
    assert_eq!(value("1e10", Lang::En), 1e10);
    assert_eq!(value("10k", Lang::En), 10000.0);
}

#[test]
fn number_words() {
    assert_eq!(value("tien", Lang::Nl), 10.0);
    assert_eq!(value("tweeënveertig", Lang::Nl), 42.0);
    assert_eq!(value("honderdduizend", Lang::Nl), 100000.0);
    assert_eq!(value("anderhalf", Lang::Nl), 1.5);
    assert_eq!(value("drieënhalf", Lang::Nl), 3.5);
    assert_eq!(value("een miljoen", Lang::Nl), 1e6);
    assert_eq!(value("2,5 miljoen", Lang::Nl), 2.5e6);
    assert_eq!(value("driehonderdeenentachtigduizend", Lang::Nl), 381000.0);
    assert_eq!(value("a dozen", Lang::En), 12.0);
    assert_eq!(value("two million", Lang::En), 2e6);
    assert_eq!(value("twenty-one", Lang::En), 21.0);
    assert_eq!(value("one hundred and five", Lang::En), 105.0);
}

#[test]
fn articles_are_not_numbers_unless_they_quantify() {
    assert!(nums("een man liep naar een huis", Lang::Nl).is_empty());
    assert_eq!(value("één man", Lang::Nl), 1.0);
    assert!(nums("zo’n man", Lang::Nl).is_empty());
    assert_eq!(value("one of the men", Lang::En), 1.0);
    assert!(nums("the one you mentioned", Lang::En).is_empty());
}

#[test]
fn ordinals() {
    for (text, lang, v) in [
        ("eerste", Lang::Nl, 1.0),
        ("3e", Lang::Nl, 3.0),
        ("21ste", Lang::Nl, 21.0),
        ("eenentwintigste", Lang::Nl, 21.0),
        ("first", Lang::En, 1.0),
        ("3rd", Lang::En, 3.0),
        ("twenty-first", Lang::En, 21.0),
    ] {
        let q = only(text, lang, QuantityKind::Ordinal);
        assert_eq!(q.value, Some(v), "{text}");
    }
}

#[test]
fn percentages() {
    let q = only(
        "een stijging van 5 procent",
        Lang::Nl,
        QuantityKind::Percentage,
    );
    assert_eq!(
        (q.value, q.span.of("een stijging van 5 procent")),
        (Some(5.0), "5 procent")
    );
    assert_eq!(
        only("up 12%", Lang::En, QuantityKind::Percentage).value,
        Some(12.0)
    );
    assert_eq!(
        only("40 percent", Lang::En, QuantityKind::Percentage).value,
        Some(40.0)
    );
}

#[test]
fn money() {
    let text = "Het kost € 1,5 miljoen en 2 miljard euro, of $70 en 70 dollar.";
    let money: Vec<_> = quantities(text, Lang::Nl)
        .into_iter()
        .filter(|q| q.kind == QuantityKind::Money)
        .collect();
    let got: Vec<_> = money
        .iter()
        .map(|q| (q.span.of(text), q.value, q.currency.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("€ 1,5 miljoen", Some(1.5e6), Some("EUR")),
            ("2 miljard euro", Some(2e9), Some("EUR")),
            ("$70", Some(70.0), Some("USD")),
            ("70 dollar", Some(70.0), Some("USD")),
        ]
    );
    assert_eq!(
        only("£5 in cash", Lang::En, QuantityKind::Money)
            .currency
            .as_deref(),
        Some("GBP")
    );
}

#[test]
fn dimensions_temperatures_ages() {
    let q = only("een rit van 20 km/u", Lang::Nl, QuantityKind::Dimension);
    assert_eq!(
        (q.value, q.unit.as_deref()),
        (Some(20.0), Some("kilometer per hour"))
    );
    let q = only("3 hectare grond", Lang::Nl, QuantityKind::Dimension);
    assert_eq!(q.unit.as_deref(), Some("hectare"));
    let q = only("120 vierkante meter", Lang::Nl, QuantityKind::Dimension);
    assert_eq!(q.unit.as_deref(), Some("square meter"));
    let q = only("five miles away", Lang::En, QuantityKind::Dimension);
    assert_eq!((q.value, q.unit.as_deref()), (Some(5.0), Some("mile")));
    let q = only("het was 30 °C", Lang::Nl, QuantityKind::Temperature);
    assert_eq!(q.unit.as_deref(), Some("celsius"));
    let q = only("12 graden", Lang::Nl, QuantityKind::Temperature);
    assert_eq!(q.value, Some(12.0));
    let q = only("een man van 60 jaar oud", Lang::Nl, QuantityKind::Age);
    assert_eq!((q.value, q.unit.as_deref()), (Some(60.0), Some("year")));
    let q = only("she is 29 years old", Lang::En, QuantityKind::Age);
    assert_eq!(q.value, Some(29.0));
}

#[test]
fn ranges() {
    for (text, lang, lo, hi) in [
        ("10 tot 20 doden", Lang::Nl, 10.0, 20.0),
        ("10-20", Lang::Nl, 10.0, 20.0),
        ("tussen 5 en 10", Lang::Nl, 5.0, 10.0),
        ("between 5 and 10", Lang::En, 5.0, 10.0),
        ("10 to 20", Lang::En, 10.0, 20.0),
    ] {
        let q = only(text, lang, QuantityKind::Range);
        assert_eq!((q.lower, q.upper), (Some(lo), Some(hi)), "{text}");
    }
}

#[test]
fn approximators() {
    for (text, lang, approx) in [
        ("ongeveer 20 mensen", Lang::Nl, Approximator::About),
        ("ruim 300 doden", Lang::Nl, Approximator::MoreThan),
        ("bijna 50 mensen", Lang::Nl, Approximator::Nearly),
        ("meer dan 100 mensen", Lang::Nl, Approximator::MoreThan),
        ("minstens 5 doden", Lang::Nl, Approximator::AtLeast),
        ("about 70 people", Lang::En, Approximator::About),
        ("at least 14 people", Lang::En, Approximator::AtLeast),
        ("up to 5 years", Lang::En, Approximator::UpTo),
    ] {
        let q = only(text, lang, QuantityKind::Number);
        assert_eq!(q.approximate, Some(approx), "{text}");
    }
    let q = only("meer dan 100 mensen", Lang::Nl, QuantityKind::Number);
    assert_eq!(q.lower, Some(100.0));
}

#[test]
fn vague_magnitudes() {
    let q = only("tientallen doden", Lang::Nl, QuantityKind::Vague);
    assert_eq!((q.lower, q.upper), (Some(10.0), Some(100.0)));
    let q = only("tens of thousands of people", Lang::En, QuantityKind::Vague);
    assert_eq!((q.lower, q.upper), (Some(10000.0), Some(100000.0)));
    assert_eq!(q.counted.map(|c| c.text), Some("people".to_string()));
    let q = only("dozens of homes", Lang::En, QuantityKind::Vague);
    assert_eq!(q.lower, Some(12.0));
}

#[test]
fn seed_cases() {
    let text = "Tienduizenden mensen zag hij vertrekken. En er zitten nog duizenden mensen. \
                Je kunt hier tot tien kilometer kijken. Ik ving op dat een kilo suiker nu zo’n 70 dollar kost.";
    let qs = quantities(text, Lang::Nl);
    let find = |s: &str| {
        qs.iter()
            .find(|q| q.span.of(text) == s)
            .unwrap_or_else(|| panic!("{s} in {qs:?}"))
    };
    let q = find("Tienduizenden");
    assert_eq!(
        (q.kind, q.lower, q.upper),
        (QuantityKind::Vague, Some(10000.0), Some(100000.0))
    );
    assert_eq!(q.counted.as_ref().map(|c| c.text.as_str()), Some("mensen"));
    let q = find("duizenden");
    assert_eq!((q.lower, q.upper), (Some(1000.0), Some(10000.0)));
    assert_eq!(q.counted.as_ref().map(|c| c.text.as_str()), Some("mensen"));
    let q = find("tot tien kilometer");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (QuantityKind::Dimension, Some(10.0), Some("kilometer"))
    );
    assert_eq!(
        (q.approximate, q.upper),
        (Some(Approximator::UpTo), Some(10.0))
    );
    let q = find("een kilo");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (QuantityKind::Dimension, Some(1.0), Some("kilogram"))
    );
    assert_eq!(q.counted.as_ref().map(|c| c.text.as_str()), Some("suiker"));
    let q = find("zo’n 70 dollar");
    assert_eq!(
        (q.kind, q.value, q.currency.as_deref()),
        (QuantityKind::Money, Some(70.0), Some("USD"))
    );
    assert_eq!(q.approximate, Some(Approximator::About));
    let priced = q.priced.as_ref().expect("priced");
    assert_eq!(priced.span.of(text), "een kilo suiker");
    assert_eq!(qs.len(), 5, "{qs:?}");
}

#[test]
fn price_per_unit() {
    let text = "Suiker kost 70 dollar per kilo.";
    let q = only(text, Lang::Nl, QuantityKind::Money);
    assert_eq!(q.priced.map(|c| c.text), Some("kilo".to_string()));
}

#[test]
fn char_offsets_and_serde() {
    let text = "zo’n 70 dollar";
    let mut qs = quantities(text, Lang::Nl);
    qs.to_char_offsets(&CharOffsets::new(text));
    assert_eq!((qs[0].span.start, qs[0].span.end), (0, 14));
    let json = serde_json::to_string(&qs[0]).expect("serialize");
    assert!(
        json.contains("\"kind\":\"money\"") && json.contains("\"approximate\":\"about\""),
        "{json}"
    );
    let back: Quantity = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, qs[0]);
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "-",
        "1.",
        ",",
        "½",
        "€",
        "1e",
        "1^",
        "3/",
        "één-",
        "x10^",
        "tussen en",
        "’n",
        "9".repeat(400).as_str(),
    ] {
        let _ = quantities(text, Lang::Nl);
        let _ = quantities(text, Lang::En);
    }
}

/// Throughput on running Dutch text: `cargo test -p kroniek-numbers --release -- --ignored --nocapture speed`.
#[test]
#[ignore]
fn speed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ud-nl/nl_alpino-ud-test.conllu"
    );
    let Ok(conllu) = std::fs::read_to_string(path) else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let text: String = conllu
        .lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .collect::<Vec<_>>()
        .join(" ");
    let seg = kroniek_text::segment(&text, Lang::Nl);
    let start = std::time::Instant::now();
    let mut n = 0;
    let rounds = 20;
    for _ in 0..rounds {
        n += find_quantities(&text, &seg, Lang::Nl).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!("{:.1} MB/s over {:.1} MB ({n} quantities)", mb / secs, mb);
}

#[test]
fn span_without_the_approximator() {
    let text = "Het kost zo’n 70 dollar, meer dan 5 kilo en 3 euro.";
    let got: Vec<&str> = quantities(text, Lang::Nl)
        .iter()
        .map(|q| span_without_approximator(text, q, Lang::Nl).of(text))
        .collect();
    assert_eq!(got, vec!["70 dollar", "5 kilo", "3 euro"]);
}

#[test]
fn money_and_measures_in_parts() {
    let text = "Het kost vijf euro vijftig, of 3 euro en 50 cent.";
    let got: Vec<(&str, Option<f64>)> = quantities(text, Lang::Nl)
        .iter()
        .map(|q| (q.span.of(text), q.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("vijf euro vijftig", Some(5.5)),
            ("3 euro en 50 cent", Some(3.5)),
        ]
    );
    let text = "He is 5 feet 2 inches, it cost thirteen dollars and forty-five cents.";
    let got: Vec<(&str, Option<f64>)> = quantities(text, Lang::En)
        .iter()
        .map(|q| (q.span.of(text), q.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("5 feet 2 inches", Some(5.0 + 2.0 / 12.0)),
            ("thirteen dollars and forty-five cents", Some(13.45)),
        ]
    );
}

#[test]
fn names_and_codes_are_no_amounts() {
    for (text, lang) in [
        ("De finale van Euro 2000 in Rotterdam", Lang::Nl),
        ("The team won 5 games", Lang::En),
        ("Ford sold 800,000 F-Series pickups", Lang::En),
        ("SCP-173C is a statue", Lang::En),
        ("We meet at 5 p.m. today", Lang::En),
    ] {
        let odd: Vec<Quantity> = quantities(text, lang)
            .into_iter()
            .filter(|q| q.unit.is_some() || q.currency.is_some())
            .collect();
        assert!(odd.is_empty(), "{text:?}: {odd:?}");
    }
    let q = only(
        "draai een hoek van 45 graden",
        Lang::Nl,
        QuantityKind::Dimension,
    );
    assert_eq!(q.dimension.as_deref(), Some("angle"));
    let q = only(
        "het wordt morgen 30 graden",
        Lang::Nl,
        QuantityKind::Temperature,
    );
    assert_eq!(q.unit.as_deref(), Some("degree"));
    let q = only(
        "hij stierf op een leeftijd van 85 jaar",
        Lang::Nl,
        QuantityKind::Age,
    );
    assert_eq!(q.unit.as_deref(), Some("year"));
    let q = only(
        "Toen ze 12 jaar was, verhuisde ze.",
        Lang::Nl,
        QuantityKind::Age,
    );
    assert_eq!(q.span.of("Toen ze 12 jaar was, verhuisde ze."), "12 jaar");
    let q = only("Ik ben pas 29 jaar.", Lang::Nl, QuantityKind::Age);
    assert_eq!(q.value, Some(29.0));
    assert!(quantities("Hij is 5 jaar bezig geweest.", Lang::Nl)
        .iter()
        .all(|q| q.kind != QuantityKind::Age));
    assert!(quantities("Hij zat 8 jaar vast", Lang::Nl)
        .iter()
        .all(|q| q.kind != QuantityKind::Age));
}

#[test]
fn articles_before_ordinary_words_are_no_numbers() {
    let text = "She has a degree in law, it was a bit cold and he bought a kilo of rice.";
    let got: Vec<&str> = quantities(text, Lang::En)
        .iter()
        .map(|q| q.span.of(text))
        .collect();
    assert_eq!(got, vec!["a kilo"]);
    assert!(quantities("Het rad van fortuin en een voet in de deur", Lang::Nl).is_empty());
}

#[test]
fn written_codes_brackets_and_multiplied_currencies() {
    for (text, want, value, currency) in [
        ("The weight is 20 (kg)", "20 (kg)", 20.0, None),
        (
            "The client expects 120 MEUR",
            "120 MEUR",
            1.2e8,
            Some("EUR"),
        ),
        ("Revenues of MAUD 60", "MAUD 60", 6e7, Some("AUD")),
        ("It was USD115 in total", "USD115", 115.0, Some("USD")),
        (
            "They paid 75 USD million",
            "75 USD million",
            7.5e7,
            Some("USD"),
        ),
        (
            "Sell Mex$ 10 million now",
            "Mex$ 10 million",
            1e7,
            Some("MXN"),
        ),
    ] {
        let qs = quantities(text, Lang::En);
        let q = qs
            .iter()
            .find(|q| q.kind != QuantityKind::Number)
            .unwrap_or_else(|| panic!("{text:?}: {qs:?}"));
        assert_eq!(
            (q.span.of(text), q.value, q.currency.as_deref()),
            (want, Some(value), currency),
            "{text:?}"
        );
    }
}
