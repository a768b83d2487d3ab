//! The frame around a bank's questions: keys given twice anywhere, the
//! top-level object and its fields, and each question being an object.
//! Problems here are placed by line and column, since there is no question
//! id to name yet.

use super::Places;
use crate::bank::model::FORMAT_VERSION;
use crate::bank::outline::FieldAt;
use serde_json::Value;

/// Every key given again in an object that already has it.
pub fn check_duplicates(places: &Places, problems: &mut Vec<String>) {
    for duplicate in &places.outline.duplicates {
        let (line, column) = places.lines.position(duplicate.first);
        problems.push(format!(
            "{}: key `{}` is given again in the same object (first at line {line}, column \
             {column}); keep one of them",
            places.at(duplicate.at),
            crate::term::visible(&duplicate.key, false)
        ));
    }
}

/// Checks the fields around the questions; returns the questions when
/// they are a list, as they must be for any question to be checked.
pub fn check_top<'v>(
    root: &'v Value,
    places: &Places,
    problems: &mut Vec<String>,
) -> Option<&'v Vec<Value>> {
    let name = places.name;
    let outline = &places.outline;
    let Some(object) = root.as_object() else {
        problems.push(format!(
            "{}: expected an object `{{ … }}` with `format_version` and a `questions` list, found {}; \
             write the bank as `{{\"format_version\": {FORMAT_VERSION}, \"questions\": [ … ]}}`",
            places.at(outline.root),
            found(root)
        ));
        return None;
    };
    let version = object.get("format_version");
    if let Some(v) = version.and_then(Value::as_u64)
        && v > u64::from(FORMAT_VERSION)
    {
        problems.push(format!(
            "{name}: bank format version {v} is newer than this rehearse reads ({FORMAT_VERSION}); upgrade rehearse to use it"
        ));
        return None;
    }
    // In the order they are written, so the problems read top to bottom.
    let mut fields: Vec<(&String, &Value)> = object.iter().collect();
    fields.sort_by_key(|(key, _)| outline.fields.get(*key).map(|at| at.key));
    for (key, value) in fields {
        let at = outline.fields.get(key).copied().unwrap_or(FieldAt {
            key: outline.root,
            value: outline.root,
        });
        let (expected, fix) = match key.as_str() {
            "format_version" if matches!(value.as_u64(), None | Some(0)) => (
                format!(
                    "a whole number (the newest bank format this rehearse reads is {FORMAT_VERSION})"
                ),
                format!("write `\"format_version\": {FORMAT_VERSION}`"),
            ),
            "track" | "title" if !value.is_string() => (
                "text in quotes".to_string(),
                format!(
                    "write it in quotes, e.g. `\"{key}\": \"{}\"`",
                    if key == "track" {
                        "my-team"
                    } else {
                        "Our own questions"
                    }
                ),
            ),
            "questions" if !value.is_array() => (
                "a list `[ … ]` of questions".to_string(),
                "write `\"questions\": [{ … }, { … }]` with one object per question".to_string(),
            ),
            "format_version" | "track" | "title" | "questions" => continue,
            _ => {
                problems.push(format!(
                    "{}: unknown top-level field `{key}`; expected `format_version`, `track`, `title` and `questions`",
                    places.at(at.key)
                ));
                continue;
            }
        };
        problems.push(format!(
            "{}: field `{key}`: expected {expected}, found {}; {fix}",
            places.at(at.value),
            found(value)
        ));
    }
    if version.is_none() {
        problems.push(format!(
            "{name}: missing `format_version`; add `\"format_version\": {FORMAT_VERSION}`"
        ));
    }
    match object.get("questions") {
        Some(Value::Array(items)) => Some(items),
        Some(_) => None,
        None => {
            problems.push(format!(
                "{name}: missing `questions`; add `\"questions\": [ … ]` with the questions"
            ));
            None
        }
    }
}

/// A JSON value as messages name it.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "`null`".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!(
            "the text `\"{}\"`",
            crate::term::visible(&crate::term::truncate(s, 40), false)
        ),
        Value::Array(_) => "a list `[ … ]`".into(),
        Value::Object(_) => "an object `{ … }`".into(),
    }
}

/// The problem with an element of `questions` that is not an object.
pub fn not_a_question(places: &Places, index: usize, item: &Value) -> String {
    format!(
        "{}: question #{}: expected an object `{{ … }}` with `id`, `category`, `prompt` and \
         the question's other fields, found {}; write each question as `{{\"id\": \"…\", …}}`",
        places.question_start(index),
        index + 1,
        found(item)
    )
}
