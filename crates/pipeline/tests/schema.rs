//! The published JSON Schema (`kroniek schema`) describes what `extract` really prints: every
//! example and fixture's analysis validates against it.
//!
//! The validator below covers the keywords the schema uses (type, enum, const, required,
//! properties, items, anyOf, $ref into $defs, minimum, maximum).

use kroniek_pipeline::{analyse, SCHEMA};
use kroniek_text::{Document, Lang, Meta};
use serde_json::Value;
use std::path::Path;

fn validate(value: &Value, schema: &Value, root: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return validate(value, &root["$defs"][name], root, at, errors);
    }
    if let Some(options) = schema["anyOf"].as_array() {
        let fits = options.iter().any(|option| {
            let mut inner = Vec::new();
            validate(value, option, root, at, &mut inner);
            inner.is_empty()
        });
        if !fits {
            errors.push(format!("{at}: matches none of anyOf"));
        }
        return;
    }
    if let Some(expected) = schema.get("const") {
        if value != expected {
            errors.push(format!("{at}: {value} is not {expected}"));
        }
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    if !schema["type"].is_null() && !type_fits(value, &schema["type"]) {
        errors.push(format!("{at}: {value} is not of type {}", schema["type"]));
        return;
    }
    if let (Some(number), Some(minimum)) = (value.as_f64(), schema["minimum"].as_f64()) {
        if number < minimum {
            errors.push(format!("{at}: {number} < {minimum}"));
        }
    }
    if let (Some(number), Some(maximum)) = (value.as_f64(), schema["maximum"].as_f64()) {
        if number > maximum {
            errors.push(format!("{at}: {number} > {maximum}"));
        }
    }
    if let Value::Object(map) = value {
        for required in schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !map.contains_key(required) {
                errors.push(format!("{at}: missing {required}"));
            }
        }
        if let Some(properties) = schema["properties"].as_object() {
            for (key, child) in map {
                match properties.get(key) {
                    Some(child_schema) => {
                        validate(child, child_schema, root, &format!("{at}.{key}"), errors)
                    }
                    None => errors.push(format!("{at}: {key} is not described in the schema")),
                }
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (index, item) in items.iter().enumerate() {
            validate(item, item_schema, root, &format!("{at}[{index}]"), errors);
        }
    }
}

fn type_fits(value: &Value, expected: &Value) -> bool {
    let fits = |name: &str| match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_u64() || value.is_i64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    };
    match expected {
        Value::String(name) => fits(name),
        Value::Array(names) => names.iter().filter_map(Value::as_str).any(fits),
        _ => true,
    }
}

#[test]
fn examples_and_fixtures_validate_against_the_published_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["examples", "tests/fixtures/nl", "tests/fixtures/en"] {
        for entry in std::fs::read_dir(root.join(dir))
            .expect("folder exists")
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                files.push(entry.path());
            }
        }
    }
    assert!(!files.is_empty());
    let mut errors = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let lang = if path.to_string_lossy().contains("/en") {
            Lang::En
        } else {
            Lang::Nl
        };
        let meta = Meta {
            published: Some("2019-03-05".into()),
            title: Some("t".into()),
            url: Some("u".into()),
            outlet: Some("o".into()),
        };
        let analysis = analyse(&Document {
            id: path.display().to_string(),
            text,
            lang,
            meta,
        });
        let value = serde_json::to_value(&analysis).expect("serialises");
        validate(
            &value,
            &schema,
            &schema,
            &path.display().to_string(),
            &mut errors,
        );
    }
    assert!(
        errors.is_empty(),
        "{} schema violations:\n{}",
        errors.len(),
        errors
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let mut errors = Vec::new();
    validate(
        &serde_json::json!({"lang": "de", "unknown": 1}),
        &schema,
        &schema,
        "doc",
        &mut errors,
    );
    assert!(errors.iter().any(|e| e.contains("missing text")));
    assert!(errors.iter().any(|e| e.contains("not in")));
    assert!(errors
        .iter()
        .any(|e| e.contains("unknown is not described")));
}
