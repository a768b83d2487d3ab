//! `rehearse star` through the binary.

use crate::common::{fixture, rehearse, stdout_of, tempdir};
use serde_json::Value;

#[test]
fn a_story_in_a_file_gets_its_parts_and_suggestions() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).arg("star").arg(fixture("story.txt")));
    assert!(out.starts_with("STAR structure: 100/100\n"), "{out}");
    for line in ["✓ situation", "✓ task", "✓ action", "✓ result", "✓ lesson"] {
        assert!(out.contains(line), "missing {line} in\n{out}");
    }
    assert!(
        out.contains("result measured: yes · who acts: i · one real event: yes"),
        "{out}"
    );
    assert!(out.contains("94 words, about 40s spoken"), "{out}");
}

#[test]
fn json_has_the_documented_fields() {
    let dir = tempdir();
    let story = std::fs::read_to_string(fixture("story.txt")).unwrap();
    let out = stdout_of(rehearse(&dir).args(["star", "--json"]).write_stdin(story));
    let v: Value = serde_json::from_str(&out).unwrap();
    for part in ["situation", "task", "action", "result"] {
        assert_eq!(v[part]["present"], true, "{part}");
        assert!(v[part]["share"].as_f64().unwrap() > 0.0, "{part}");
        assert!(!v[part]["spans"].as_array().unwrap().is_empty(), "{part}");
    }
    for field in [
        "lesson",
        "result_quantified",
        "first_person",
        "specific_event",
        "words",
        "speaking_time_s",
        "fillers",
        "hedges",
        "suggestions",
    ] {
        assert!(!v[field].is_null(), "missing {field}");
    }
    assert_eq!(v["first_person"], "i");
    assert_eq!(v["fillers"][0]["word"], "basically");
}

#[test]
fn a_thin_answer_gets_one_suggestion_per_gap() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .args(["star", "--json"])
            .write_stdin("we fixed it, it went well"),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let suggestions: Vec<&str> = v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        suggestions
            .iter()
            .any(|s| s.starts_with("Open with a sentence or two of context"))
    );
    assert!(
        suggestions
            .iter()
            .any(|s| s.starts_with("Most actions are \"we\""))
    );
    assert!(
        suggestions
            .iter()
            .any(|s| s.starts_with("End with the outcome"))
    );
}

#[test]
fn an_empty_story_is_an_error() {
    let dir = tempdir();
    rehearse(&dir)
        .arg("star")
        .write_stdin("  \n")
        .assert()
        .code(1)
        .stderr("error: `-` is empty; give the story to analyse in a file or on standard input\n");
}

#[test]
fn eval_reports_agreement_per_part() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .args(["star", "--json", "--eval"])
            .arg(fixture("star-labelled.jsonl")),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["n"], 3);
    for part in [
        "situation",
        "task",
        "action",
        "result",
        "lesson",
        "result_quantified",
        "specific_event",
    ] {
        for field in ["precision", "recall", "f1", "balanced_accuracy"] {
            assert!(v[part][field].is_number(), "{part}.{field}");
        }
    }
    assert_eq!(v["specific_event"]["balanced_accuracy"], 1.0);
    assert!(v["first_person"]["accuracy"].is_number());
    let text = stdout_of(
        rehearse(&dir)
            .args(["star", "--eval"])
            .arg(fixture("star-labelled.jsonl")),
    );
    assert!(
        text.starts_with(
            "3 labelled answers\n\npart       precision  recall    F1  balanced accuracy\n"
        ),
        "{text}"
    );
}

#[test]
fn eval_names_a_bad_line() {
    let dir = tempdir();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, "{\"id\": \"x\", \"answer\": \"a\"}\n").unwrap();
    rehearse(&dir)
        .args(["star", "--eval", "bad.jsonl"])
        .assert()
        .code(1)
        .stderr("error: `bad.jsonl` line 1: missing field `labels`\n");
}

/// An answer's escape sequences are shown, not sent, where a report quotes
/// the answer (the STAR report quotes each part of a story).
#[test]
fn an_answers_control_characters_are_shown_not_sent() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .args(["star", "-", "--color", "never"])
            .write_stdin(
                "Last year our checkout was slow \u{1b}]52;c;cm0=\u{7}so I profiled it. \
                 I added an index and the page went from 2s to 200ms.",
            ),
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
    assert!(out.contains("slow ^[]52;c;cm0=^Gso I profiled it"), "{out}");
}
