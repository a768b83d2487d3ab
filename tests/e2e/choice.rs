//! Multiple-choice questions of the built-in bank through the binary, on the
//! scripted path: options shown in an order drawn from the seed, letters
//! read against that order, and the hint's cost.

use crate::common::{rehearse, stdout_of, tempdir};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// Choice questions per session in these tests.
const QUESTIONS: usize = 4;

/// rehearse with the fake clock, in `dir`.
fn at_nine(dir: &tempfile::TempDir) -> Command {
    let mut cmd = rehearse(dir);
    cmd.env("REHEARSE_FAKE_CLOCK", "2026-03-01T09:00:00Z")
        .env("TZ", "UTC");
    cmd
}

/// `run` (plus `extra`) for four built-in choice questions with `seed`.
fn choices(dir: &tempfile::TempDir, seed: u64, extra: &[&str]) -> Command {
    let mut cmd = at_nine(dir);
    cmd.args(["run", "--preset", "junior", "--category", "choice"])
        .args(["--questions", &QUESTIONS.to_string()])
        .args(["--seed", &seed.to_string(), "--no-timer"])
        .args(extra);
    cmd
}

/// Scripted answers, each ended by a `.` line.
fn script(answers: &[String]) -> String {
    answers.iter().map(|a| format!("{a}\n.\n")).collect()
}

fn record(dir: &Path) -> Value {
    let path = dir.join("transcripts/2026-03-01-0900-junior.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn transcript(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("transcripts/2026-03-01-0900-junior.md")).unwrap()
}

/// The plan of `--dry-run --json`: each question's id and options as shown.
fn plan(seed: u64) -> Vec<(String, Vec<String>)> {
    let dir = tempdir();
    let out = stdout_of(&mut choices(&dir, seed, &["--dry-run", "--json"]));
    let json: Value = serde_json::from_str(&out).unwrap();
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["id"].as_str().unwrap().to_string(),
                strings(&q["options"]),
            )
        })
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// The correct option of a built-in question, from `bank show --json`.
fn correct(id: &str) -> String {
    let dir = tempdir();
    let json: Value = serde_json::from_str(&stdout_of(
        rehearse(&dir).args(["bank", "show", id, "--json"]),
    ))
    .unwrap();
    json["answer"].as_str().unwrap().to_string()
}

/// The letter the correct option is shown under, per planned question.
fn right_letters(plan: &[(String, Vec<String>)]) -> Vec<String> {
    plan.iter()
        .map(|(id, options)| {
            let at = options.iter().position(|o| *o == correct(id)).unwrap();
            char::from(b'A' + at as u8).to_string()
        })
        .collect()
}

#[test]
fn answering_a_to_every_choice_no_longer_scores_full_marks() {
    for seed in [1, 2, 3, 4, 5] {
        let dir = tempdir();
        let all_a = vec!["A".to_string(); QUESTIONS];
        stdout_of(choices(&dir, seed, &[]).write_stdin(script(&all_a)));
        let r = record(dir.path());
        let overall = r["summary"]["overall"].as_f64().unwrap();
        assert!(overall < 100.0, "seed {seed}: all A scored {overall}");
        // The record keeps the order shown, and "A" named its first option.
        for q in r["questions"].as_array().unwrap() {
            assert_eq!(q["answer"], q["options"][0], "seed {seed}");
        }
    }
}

#[test]
fn the_shown_letter_of_the_correct_option_scores_full_marks() {
    for seed in [1, 3] {
        let planned = plan(seed);
        assert_eq!(planned, plan(seed), "the same seed, the same order");
        let dir = tempdir();
        let out = stdout_of(choices(&dir, seed, &[]).write_stdin(script(&right_letters(&planned))));
        assert!(out.contains("Overall 100/100"), "seed {seed}: {out}");
        let r = record(dir.path());
        for (q, (id, options)) in r["questions"].as_array().unwrap().iter().zip(&planned) {
            assert_eq!(q["id"], id.as_str());
            assert_eq!(strings(&q["options"]), *options, "shown as planned");
        }
        // The transcript names options by the letters they were shown under.
        let md = transcript(dir.path());
        let (_, options) = &planned[0];
        for (i, option) in options.iter().enumerate() {
            let line = format!("- {}) {option}\n", char::from(b'A' + i as u8));
            assert!(md.contains(&line), "{line} in {md}");
        }
    }
}

#[test]
fn the_order_differs_across_seeds_and_an_options_text_still_works() {
    let orders: std::collections::BTreeSet<Vec<String>> = (1..=6)
        .flat_map(plan)
        .filter(|(id, _)| id == "choice-makemigrations-purpose")
        .map(|(_, options)| options)
        .collect();
    assert!(orders.len() > 1, "{orders:?}");

    // The text of the correct option, whatever letter it is shown under.
    let planned = plan(3);
    let dir = tempdir();
    let texts: Vec<String> = planned.iter().map(|(id, _)| correct(id)).collect();
    let out = stdout_of(choices(&dir, 3, &[]).write_stdin(script(&texts)));
    assert!(out.contains("Overall 100/100"), "{out}");
}

#[test]
fn a_hint_costs_a_choice_question_ten_points_in_scripted_mode() {
    let planned = plan(3);
    let mut answers = right_letters(&planned);
    // Right with the hint; wrong with the hint (nothing left to take).
    answers[0] = format!(":hint\n{}", answers[0]);
    let wrong = ["A", "B"].into_iter().find(|l| *l != answers[1]).unwrap();
    answers[1] = format!(":hint\n{wrong}");
    let dir = tempdir();
    let out = stdout_of(choices(&dir, 3, &[]).write_stdin(script(&answers)));
    assert!(out.contains("  hint: "), "the hint is shown: {out}");
    assert!(out.contains("hint used (-10 points)"), "{out}");
    let r = record(dir.path());
    let q = &r["questions"];
    assert_eq!(q[0]["hint_used"], true);
    assert_eq!(q[0]["score"], 90.0);
    assert_eq!(q[0]["hint_cost"], 10.0);
    assert_eq!(q[1]["hint_used"], true);
    assert_eq!(q[1]["score"], 0.0);
    assert_eq!(q[1]["hint_cost"], 0.0);
    assert_eq!(q[2]["hint_used"], false);
    assert!(q[2].get("hint_cost").is_none());
    assert_eq!(q[2]["score"], 100.0);
    let md = transcript(dir.path());
    assert!(md.contains("· hint used (-10 points)*"), "{md}");
    assert!(md.contains("· hint used (no points to take off)*"), "{md}");
}

#[test]
fn retry_asks_again_in_the_order_recorded() {
    let dir = tempdir();
    let all_a = vec!["A".to_string(); QUESTIONS];
    stdout_of(choices(&dir, 2, &[]).write_stdin(script(&all_a)));
    let r = record(dir.path());
    let wrong: Vec<&Value> = r["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["score"] == 0.0)
        .collect();
    assert!(!wrong.is_empty());
    let out = stdout_of(at_nine(&dir).args(["review", "retry", "latest", "--dry-run", "--json"]));
    let retry: Value = serde_json::from_str(&out).unwrap();
    let retried = retry["questions"].as_array().unwrap();
    assert_eq!(retried.len(), wrong.len());
    for asked in &wrong {
        let planned = retried.iter().find(|p| p["id"] == asked["id"]).unwrap();
        assert_eq!(planned["options"], asked["options"]);
    }
}

/// A scripted answer to a choice question is free text: one that names no
/// option may run over several lines, and none of them may pass for the
/// transcript's own headings or scores.
#[test]
fn a_choice_answer_over_several_lines_stays_inside_the_answer() {
    let dir = tempdir();
    let mut answers = vec!["A".to_string(); QUESTIONS];
    answers[0] = "none of these\n## 2. a heading of my own\n**Score: 100/100**\n```".into();
    stdout_of(choices(&dir, 1, &[]).write_stdin(script(&answers)));
    let md = transcript(dir.path());
    let answer = "**Answer**\n\n✗ not one of the options:\n\n\
                  ````text\nnone of these\n## 2. a heading of my own\n**Score: 100/100**\n```\n````\n\n\
                  **Score: 0/100**\n";
    assert!(md.contains(answer), "{md}");
    // Outside the answer, the headings and scores are rehearse's own.
    let rest = md.replacen(answer, "", 1);
    let headings: Vec<&str> = rest.lines().filter(|l| l.starts_with("## ")).collect();
    let mut expected = vec!["## Summary".to_string()];
    for (i, (id, _)) in plan(1).iter().enumerate() {
        expected.push(format!("## {}. {id}", i + 1));
    }
    assert_eq!(headings, expected, "{md}");
    assert_eq!(rest.matches("\n**Score: ").count(), QUESTIONS - 1, "{md}");
}
