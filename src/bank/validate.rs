//! Checking a bank file: JSON syntax, keys given twice and the types
//! around the questions (with line and column), the shape of every question
//! (with its id, line and field), then content rules.

mod frame;
mod places;

use super::model::{BankFile, Category, Level, Question};
use super::outline::Outline;
use super::source::Lines;
use crate::score::normalize::{Normalized, normalize};
use crate::suggest;
use places::Places;
use serde_json::Value;
use std::collections::BTreeMap;

/// What checking one file found.
#[derive(Debug, Default)]
pub struct Checked {
    /// The parsed bank, when its shape was good enough to read.
    pub bank: Option<BankFile>,
    /// Problems that make the file unusable, one line each, with their place.
    pub problems: Vec<String>,
    /// Things that work but deserve a look.
    pub warnings: Vec<String>,
}

/// Allowed limits of `time_limit_s`, in seconds.
pub const TIME_LIMITS: std::ops::RangeInclusive<u32> = 20..=3600;

/// Checks the text of a bank file called `name` (a path or `built-in …`).
pub fn check(name: &str, text: &str) -> Checked {
    check_as(name, text, false)
}

/// Like [`check`], and also warns about rubrics that will not score the way
/// they read (see [`super::lint`]): what `bank validate` reports. Loading a
/// bank skips these, since they score every prompt.
pub fn check_with_lints(name: &str, text: &str) -> Checked {
    check_as(name, text, true)
}

/// Whether a bank file is TOML (by its name), else JSON.
pub fn is_toml(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".toml")
}

/// The parsed value and outline of a bank file, or the syntax problem
/// with its place.
fn parse(name: &str, text: &str) -> Result<(Value, Outline), String> {
    if is_toml(name) {
        let outline = Outline::of_toml(text).map_err(|(message, at)| {
            let (line, column) = Lines::new(text.as_bytes()).position(at);
            format!("{name}:{line}:{column}: {message}; fix the TOML syntax there")
        })?;
        let root: Value = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let (line, column) = Lines::new(text.as_bytes()).position(at);
            format!("{name}:{line}:{column}: {}", e.message().trim())
        })?;
        return Ok((root, outline));
    }
    serde_json::from_str(text)
        .and_then(|root: Value| Ok((root, Outline::of(text)?)))
        .map_err(|e| {
            format!(
                "{name}:{}:{}: {}; fix the JSON syntax there",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            )
        })
}

fn check_as(name: &str, text: &str, lints: bool) -> Checked {
    let mut out = Checked::default();
    let (root, outline) = match parse(name, text) {
        Ok(parsed) => parsed,
        Err(problem) => {
            out.problems.push(problem);
            return out;
        }
    };
    let places = Places {
        name,
        lines: Lines::new(text.as_bytes()),
        outline,
    };
    frame::check_duplicates(&places, &mut out.problems);
    let Some(items) = frame::check_top(&root, &places, &mut out.problems) else {
        return out;
    };

    let mut first_use: BTreeMap<String, String> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        if !item.is_object() {
            out.problems
                .push(frame::not_a_question(&places, index, item));
            continue;
        }
        let id = item.get("id").and_then(Value::as_str).unwrap_or("");
        let (place, line) = places.question(index, id);
        let names_ok = check_names(item, &place, &mut out.problems);
        match serde_path_to_error::deserialize::<_, Question>(item) {
            Ok(q) => {
                let here = line.map_or_else(
                    || format!("question #{}", index + 1),
                    |l| format!("line {l}"),
                );
                if let Some(first) = first_use.insert(q.id.clone(), here) {
                    out.problems.push(format!(
                        "{place}: id `{}` is already used ({first}); ids must be unique",
                        q.id
                    ));
                }
                check_question(&q, &place, &mut out);
                if lints {
                    for lint in super::lint::question(&q) {
                        out.warnings
                            .push(format!("{place}: field `{}`: {}", lint.field, lint.message));
                    }
                }
            }
            Err(e) if names_ok => {
                let path = e.path().to_string();
                let field = if path == "." {
                    String::new()
                } else {
                    format!("field `{path}`: ")
                };
                out.problems.push(format!(
                    "{place}: {field}{}",
                    plain_serde(&e.inner().to_string())
                ));
            }
            Err(_) => {}
        }
    }

    if out.problems.is_empty() {
        // Every check above passed, so this should read; if it does not,
        // serde's message at its place is better than none.
        match serde_json::from_value::<BankFile>(root) {
            Ok(bank) => out.bank = Some(bank),
            Err(e) => out.problems.push(format!(
                "{name}: {}",
                plain_serde(strip_position(&e.to_string()))
            )),
        }
    }
    out
}

/// serde's type names in words a bank author knows.
fn plain_serde(message: &str) -> String {
    message
        .replace("expected u32", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected a list `[ … ]`")
        .replace("expected a string", "expected text in quotes")
}

/// serde_json appends " at line L column C"; we print the place first instead.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at])
}

/// Friendlier messages than serde's for the two enums people mistype.
fn check_names(item: &Value, place: &str, problems: &mut Vec<String>) -> bool {
    let mut ok = true;
    if let Some(c) = item.get("category").and_then(Value::as_str)
        && Category::parse(c).is_none()
    {
        let names = Category::ALL.map(Category::as_str);
        problems.push(format!(
            "{place}: field `category`: unknown category `{c}`{}; use one of {}",
            hint(c, &names),
            names.join(", ")
        ));
        ok = false;
    }
    if let Some(levels) = item.get("levels").and_then(Value::as_array) {
        for level in levels.iter().filter_map(Value::as_str) {
            if Level::parse(level).is_none() {
                let names = Level::ALL.map(Level::as_str);
                problems.push(format!(
                    "{place}: field `levels`: unknown level `{level}`{}; use junior, mid, senior or staff",
                    hint(level, &names)
                ));
                ok = false;
            }
        }
    }
    ok
}

fn hint(name: &str, names: &[&str]) -> String {
    suggest::closest(name, names.iter().copied())
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

fn check_question(q: &Question, place: &str, out: &mut Checked) {
    let mut problem = |message: String| out.problems.push(format!("{place}: {message}"));
    for (field, at, c) in control_characters(q) {
        problem(format!(
            "field `{field}` holds the control character U+{:04X} (shown as `{}`) at character {}; \
             remove it: bank text is printed to terminals, where control characters can clear the \
             screen or run escape sequences",
            c as u32,
            crate::term::visible(&c.to_string(), false),
            at + 1
        ));
    }
    if !is_kebab(&q.id) {
        problem(format!(
            "id `{}` is not kebab-case; use lower-case words and digits joined by `-`, e.g. `orm-n-plus-one`",
            crate::term::visible(&q.id, false)
        ));
    }
    if !is_kebab(&q.topic) {
        problem(format!(
            "field `topic`: `{}` is not kebab-case; use lower-case words joined by `-`, e.g. `orm` or `api-design`",
            crate::term::visible(&q.topic, false)
        ));
    }
    if q.levels.is_empty() {
        problem("field `levels` is empty; give at least one of junior, mid, senior, staff".into());
    }
    if q.prompt.trim().is_empty() {
        problem("field `prompt` is empty; write the question as the interviewer asks it".into());
    }
    if q.model_answer.trim().is_empty() {
        problem("field `model_answer` is empty; write a concise strong answer".into());
    }
    if !TIME_LIMITS.contains(&q.time_limit_s) {
        problem(format!(
            "field `time_limit_s`: {} s is outside {}..{} seconds",
            q.time_limit_s,
            TIME_LIMITS.start(),
            TIME_LIMITS.end()
        ));
    }
    if q.category == Category::Choice {
        check_choice(q, &mut problem);
        if !q.rubric.is_empty() {
            out.warnings.push(format!(
                "{place}: choice questions are judged by their answer; the `rubric` is ignored"
            ));
        }
        return;
    }
    if !q.options.is_empty() || q.answer.is_some() {
        problem(format!(
            "fields `options`/`answer` only belong to choice questions, and this one is `{}`",
            q.category
        ));
    }
    if let Some(share) = q.full_marks_at
        && !(0.2..=1.0).contains(&share)
    {
        problem(format!(
            "field `full_marks_at`: {share} is outside 0.2..1; it is the share of the rubric's weight that earns full marks (0.6: any 60% of it)"
        ));
    }
    if q.rubric.is_empty() {
        problem(
            "no key points: an open question needs a `rubric` with at least one key point".into(),
        );
    } else if !(3..=8).contains(&q.rubric.len()) {
        let n = q.rubric.len();
        out.warnings.push(format!(
            "{place}: {n} key point{}; 3 to 8 judge an answer best",
            if n == 1 { "" } else { "s" }
        ));
    }
    for point in &q.rubric {
        let what = format!("key point `{}`", point.label);
        if point.label.trim().is_empty() {
            problem("a key point has an empty `label`".into());
        }
        if !(point.weight.is_finite() && point.weight > 0.0) {
            problem(format!(
                "{what}: weight {} must be a positive number (1 normal, 2–3 central)",
                point.weight
            ));
        }
        if point.phrasings.is_empty() {
            problem(format!(
                "{what}: no phrasings; list the words that show the point"
            ));
        }
        for phrasing in &point.phrasings {
            if let Some(why) = weak_phrasing(phrasing) {
                problem(format!("{what}: phrasing `{phrasing}` {why}"));
            }
        }
        if point.probe.as_deref().is_some_and(|p| p.trim().is_empty()) {
            problem(format!(
                "{what}: `probe` is empty; write the question the interviewer asks when an \
                 answer misses the point, or leave the field out"
            ));
        }
    }
    for pitfall in &q.pitfalls {
        let what = format!("pitfall `{}`", pitfall.label);
        if pitfall.phrasings.is_empty() {
            problem(format!(
                "{what}: no phrasings; list the words that assert it"
            ));
        }
        if !(pitfall.penalty.is_finite() && pitfall.penalty > 0.0 && pitfall.penalty <= 100.0) {
            problem(format!(
                "{what}: penalty {} must be between 0 and 100 points",
                pitfall.penalty
            ));
        }
        for phrasing in &pitfall.phrasings {
            if let Some(why) = weak_phrasing(phrasing) {
                problem(format!("{what}: phrasing `{phrasing}` {why}"));
            }
        }
    }
}

/// The phrasing of `point` that its own probe matches, as the scorer
/// matches answers (word forms, identifiers, small typos), if any.
pub fn probe_gives_away(point: &super::model::KeyPoint, probe: &str) -> Option<String> {
    let mut builder = crate::score::rubric::Builder::default();
    builder.point(&point.label, point.weight, &point.phrasings);
    let scored = crate::score::score(&builder.build(), probe);
    let result = scored.points.into_iter().next()?;
    result.phrasing.filter(|_| result.credit > 0.0)
}

/// Every control character in a question's text, by field: (field, character
/// index, character). Line breaks and tabs are allowed in prose fields.
fn control_characters(q: &Question) -> Vec<(String, usize, char)> {
    let mut fields: Vec<(String, &str, bool)> = vec![
        ("id".into(), q.id.as_str(), false),
        ("topic".into(), q.topic.as_str(), false),
        ("prompt".into(), q.prompt.as_str(), true),
        ("model_answer".into(), q.model_answer.as_str(), true),
    ];
    let lists = [
        ("hints", &q.hints),
        ("follow_ups", &q.follow_ups),
        ("options", &q.options),
    ];
    for (name, items) in lists {
        for (i, item) in items.iter().enumerate() {
            fields.push((format!("{name}[{i}]"), item.as_str(), true));
        }
    }
    if let Some(answer) = &q.answer {
        fields.push(("answer".into(), answer.as_str(), false));
    }
    for (i, point) in q.rubric.iter().enumerate() {
        fields.push((format!("rubric[{i}].label"), point.label.as_str(), false));
        for (j, p) in point.phrasings.iter().enumerate() {
            fields.push((format!("rubric[{i}].phrasings[{j}]"), p.as_str(), false));
        }
        for (j, p) in point.subject.iter().enumerate() {
            fields.push((format!("rubric[{i}].subject[{j}]"), p.as_str(), false));
        }
        if let Some(probe) = &point.probe {
            fields.push((format!("rubric[{i}].probe"), probe.as_str(), true));
        }
    }
    for (i, trap) in q.pitfalls.iter().enumerate() {
        fields.push((format!("pitfalls[{i}].label"), trap.label.as_str(), false));
        for (j, p) in trap.phrasings.iter().enumerate() {
            fields.push((format!("pitfalls[{i}].phrasings[{j}]"), p.as_str(), false));
        }
    }
    let mut found = Vec::new();
    for (field, text, prose) in fields {
        for (at, c) in text.chars().enumerate() {
            if c.is_control() && !(prose && (c == '\n' || c == '\t')) {
                found.push((field.clone(), at, c));
            }
        }
    }
    found
}

fn check_choice(q: &Question, problem: &mut impl FnMut(String)) {
    if q.options.len() < 2 {
        problem("a choice question needs at least two `options`".into());
    }
    for (i, option) in q.options.iter().enumerate() {
        if q.options[..i].contains(option) {
            problem(format!("option `{option}` is listed twice"));
        }
    }
    match &q.answer {
        None => {
            problem("a choice question needs an `answer`: the text of the correct option".into())
        }
        Some(answer) if !q.options.contains(answer) => {
            let close = suggest::closest(answer, q.options.iter().map(String::as_str))
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            problem(format!(
                "answer `{answer}` is not among its options{close}; copy the correct option's text exactly"
            ));
        }
        Some(_) => {}
    }
}

/// Why a phrasing would match almost any answer, if it would.
pub fn weak_phrasing(phrasing: &str) -> Option<String> {
    let normalized: Normalized = normalize(phrasing);
    let content: Vec<_> = normalized.tokens.iter().filter(|t| !t.stop).collect();
    match content.as_slice() {
        [] => Some("has no content words, so it would match almost any answer; write the words that show the point".into()),
        [only] if only.word.chars().count() < 3 && only.word.chars().all(char::is_alphabetic) => {
            Some("is too short to match reliably; use a longer word or a phrase".into())
        }
        [only] if COMMON_WORDS.binary_search(&only.word.as_str()).is_ok() => Some(format!(
            "is so common (`{}`) that it would match almost any answer; put it in a phrase",
            only.word
        )),
        _ => None,
    }
}

/// Words (in their usual forms) that nearly every answer in a developer
/// interview contains, sorted for binary search.
const COMMON_WORDS: &[&str] = &[
    "answer",
    "app",
    "apps",
    "better",
    "class",
    "classes",
    "code",
    "data",
    "database",
    "databases",
    "django",
    "file",
    "files",
    "function",
    "functions",
    "good",
    "make",
    "makes",
    "making",
    "method",
    "methods",
    "model",
    "models",
    "object",
    "objects",
    "problem",
    "problems",
    "project",
    "projects",
    "python",
    "queries",
    "query",
    "request",
    "requests",
    "system",
    "team",
    "teams",
    "thing",
    "things",
    "time",
    "times",
    "use",
    "used",
    "user",
    "users",
    "uses",
    "using",
    "value",
    "values",
    "view",
    "views",
    "way",
    "ways",
    "work",
    "worked",
    "working",
    "works",
];

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_phrasings_are_caught() {
        assert!(weak_phrasing("the").is_some());
        assert!(weak_phrasing("db").is_some());
        assert!(weak_phrasing("Django").is_some());
        assert!(weak_phrasing("queries").is_some());
        assert!(weak_phrasing("select_related").is_none());
        assert!(weak_phrasing("n+1").is_none());
        assert!(weak_phrasing("orm").is_none());
        assert!(weak_phrasing("database index").is_none());
    }

    #[test]
    fn common_words_are_sorted() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(weak_phrasing("objections").is_none());
        assert!(weak_phrasing("users").is_some());
    }

    #[test]
    fn kebab_case_rules() {
        assert!(is_kebab("orm-n-plus-1"));
        assert!(!is_kebab("Orm"));
        assert!(!is_kebab("orm--x"));
        assert!(!is_kebab("orm_x"));
        assert!(!is_kebab(""));
    }
}
