//! Follow-up probes end to end: a scripted session whose answer misses the
//! fixture question's weighty point gets that point's probe; answering it
//! earns back half the point, `:pass` declines it, `--no-probes` asks none.
//! And the same through a pseudo terminal.

use crate::common::{on_fixture_bank, stdout_of, tempdir};
use crate::pty::{finished, started};
use expectrl::Expect;
use serde_json::Value;
use std::path::Path;

const ID: &str = "2026-03-01-0900-junior";

/// The fixture's technical question, answered without its weighty point
/// ("no SQL runs until the QuerySet is evaluated"), then `probe_answer`.
fn sit(dir: &tempfile::TempDir, probe_answer: &str, extra: &[&str]) -> String {
    let answers = format!("It caches results and len() works on it.\n.\n{probe_answer}\n.\n");
    let file = dir.path().join("answers.txt");
    std::fs::write(&file, answers).unwrap();
    let mut cmd = on_fixture_bank(dir, "2026-03-01T09:00:00Z");
    cmd.args([
        "run",
        "--preset",
        "junior",
        "--seed",
        "1",
        "--category",
        "technical",
    ])
    .args(extra)
    .arg("--answers")
    .arg(&file);
    stdout_of(&mut cmd)
}

fn question(dir: &Path) -> Value {
    let path = dir.join(format!("transcripts/{ID}.json"));
    let record: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    record["questions"][0].clone()
}

fn markdown(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(format!("transcripts/{ID}.md"))).unwrap()
}

#[test]
fn an_answered_probe_earns_back_half_the_missed_point() {
    let dir = tempdir();
    let out = sit(
        &dir,
        "Nothing runs until evaluated, when you iterate it.",
        &[],
    );
    assert!(out.contains("Follow-up on question 1"), "{out}");
    assert!(out.contains("at what moment does the database"), "{out}");
    let q = question(dir.path());
    let probe = &q["probes"][0];
    assert_eq!(probe["state"], "answered");
    assert_eq!(probe["target"]["kind"], "point");
    assert_eq!(
        probe["target"]["label"],
        "No SQL runs until the QuerySet is evaluated"
    );
    let point = &q["points"][0];
    assert_eq!(point["covered"], false);
    assert_eq!(point["credit"], 0.5);
    assert_eq!(point["recovered"]["phrasing"], "until evaluated");
    // Half of a 2-point weight out of 4: 25 points on top of what the
    // first answer earned.
    assert_eq!(probe["gained"], 25.0);
    let md = markdown(dir.path());
    assert!(
        md.contains(
            "- Follow-ups: 1 follow-up asked: 1 answered, 0 passed; 1 earned back 25 points"
        ),
        "{md}"
    );
    assert!(md.contains("**Follow-up 1**"), "{md}");
    assert!(md.contains("+25 points recovered"), "{md}");
    assert!(
        md.contains("- ↺ [2] No SQL runs until the QuerySet is evaluated (recovered on the follow-up: \"until\", \"evaluated\"; 50% of the point)"),
        "{md}"
    );
}

#[test]
fn a_passed_probe_changes_nothing_and_no_probes_asks_none() {
    let passed = tempdir();
    sit(&passed, ":pass", &[]);
    let q = question(passed.path());
    assert_eq!(q["probes"][0]["state"], "passed");
    assert_eq!(q["probes"][0]["gained"], 0.0);
    assert!(q["points"][0].get("recovered").is_none());

    let none = tempdir();
    let out = sit(&none, "", &["--no-probes"]);
    assert!(!out.contains("Follow-up"), "{out}");
    let plain = question(none.path());
    assert!(plain.get("probes").is_none());
    assert_eq!(plain["score"], q["score"]);
}

#[test]
fn a_negated_probe_answer_recovers_nothing() {
    let dir = tempdir();
    sit(
        &dir,
        "There is no deferred execution at all; it happens at once.",
        &[],
    );
    let q = question(dir.path());
    assert_eq!(q["probes"][0]["state"], "answered");
    assert_eq!(q["probes"][0]["gained"], 0.0);
    assert!(q["points"][0].get("recovered").is_none());
}

/// A terminal session whose first answer misses the weighty point, waiting
/// at the probe.
fn at_the_probe(dir: &tempfile::TempDir) -> crate::pty::Session {
    let mut s = started(
        dir.path(),
        &[
            "--preset",
            "junior",
            "--category",
            "technical",
            "--seed",
            "1",
        ],
    );
    s.expect("question 1 of 1").unwrap();
    s.send("It caches results.\r.\r").unwrap();
    s.expect("Follow-up on question 1").unwrap();
    s.expect(":pass declines").unwrap();
    s
}

#[test]
fn a_probe_is_answered_in_the_terminal_editor() {
    let dir = tempdir();
    let mut s = at_the_probe(&dir);
    s.send("Only when you iterate: nothing runs until evaluated.\r.\r")
        .unwrap();
    s.expect("+25 points recovered").unwrap();
    finished(s);
    assert_eq!(question(dir.path())["probes"][0]["gained"], 25.0);
}

#[test]
fn a_probe_is_passed_in_the_terminal_editor() {
    let dir = tempdir();
    let mut s = at_the_probe(&dir);
    s.send(":pass\r").unwrap();
    s.expect("passed · follow-up on question 1").unwrap();
    finished(s);
    assert_eq!(question(dir.path())["probes"][0]["state"], "passed");
}

#[test]
fn review_counts_the_points_earned_back_on_follow_ups() {
    let dir = tempdir();
    sit(
        &dir,
        "Nothing runs until evaluated, when you iterate it.",
        &[],
    );
    let stats = |json: bool| {
        let mut cmd = on_fixture_bank(&dir, "2026-03-01T10:00:00Z");
        cmd.args(["review", "stats"]);
        if json {
            cmd.arg("--json");
        }
        stdout_of(&mut cmd)
    };
    let figures: Value = serde_json::from_str(&stats(true)).unwrap();
    let probes = &figures["probes"];
    assert_eq!(probes["asked"], 1);
    assert_eq!(probes["answered"], 1);
    assert_eq!(probes["recovered"], 1);
    assert_eq!(probes["points"], 25.0);
    // Read again from the summary index, the same figures.
    let again: Value = serde_json::from_str(&stats(true)).unwrap();
    assert_eq!(again["probes"], figures["probes"]);
    let text = stats(false);
    assert!(
        text.contains("1 follow-up asked: 1 answered, 0 passed; 1 earned back 25 points"),
        "{text}"
    );
}
