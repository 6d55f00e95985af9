//! Fuzz target `extract`: arbitrary bytes, read as text the way a lenient caller would
//! (invalid UTF-8 replaced by U+FFFD), through language identification and the whole pipeline
//! in Dutch and in English, then serialised to JSON. Besides panics it checks what every output
//! promises: each span lies inside the text, and each `text` beside a `span` is exactly the
//! characters the span covers.

#![no_main]

use kroniek_pipeline::analyse;
use kroniek_text::{Document, Lang, Meta};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = kroniek_text::langid::identify(&text);
    for (lang, published) in [(Lang::Nl, Some("2019-03-05")), (Lang::En, None)] {
        let document = Document {
            id: "fuzz".to_string(),
            text: text.clone(),
            lang,
            meta: Meta {
                published: published.map(str::to_string),
                ..Meta::default()
            },
        };
        let analysis = analyse(&document);
        let json = serde_json::to_string(&analysis).expect("the analysis serialises");
        let value: Value = serde_json::from_str(&json).expect("the JSON parses back");
        check_offsets(&value);
    }
});

/// `{start, end}` of a span object.
fn span(value: &Value) -> Option<(usize, usize)> {
    let start = value.get("start")?.as_u64()? as usize;
    let end = value.get("end")?.as_u64()? as usize;
    Some((start, end))
}

/// Every span lies inside the text (in characters), and every object with a `span` and a
/// `text` has the text its span covers.
fn check_offsets(record: &Value) {
    let text: Vec<char> = record["text"].as_str().expect("text").chars().collect();
    walk(record, &mut |value| {
        if let Some((start, end)) = span(value) {
            assert!(
                start <= end && end <= text.len(),
                "span out of the text: {value}"
            );
        }
        if let (Some((start, end)), Some(said)) = (
            value.get("span").and_then(span),
            value.get("text").and_then(Value::as_str),
        ) {
            let covered: String = text[start..end].iter().collect();
            assert_eq!(covered, said, "span and text disagree: {value}");
        }
    });
}

/// Calls `visit` on `value` and everything inside it.
fn walk(value: &Value, visit: &mut impl FnMut(&Value)) {
    visit(value);
    match value {
        Value::Array(items) => items.iter().for_each(|item| walk(item, visit)),
        Value::Object(fields) => fields.values().for_each(|item| walk(item, visit)),
        _ => {}
    }
}
