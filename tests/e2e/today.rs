//! `rehearse today` over several days of sessions made with a fake clock, on
//! the fixture bank: what is due comes first, a self-rating holds a question
//! back, nothing due means a cram session on the weakest topics.

use crate::common::{on_fixture_bank, stdout_of, tempdir};
use serde_json::Value;
use tempfile::TempDir;

const ORM: &str = "Building a QuerySet runs no SQL: filters only describe the query, which is \
                   not executed until it is evaluated, for example when you iterate over it or \
                   call list() or len(). After evaluation the result cache keeps the rows.";
const STORY: &str = "Two weeks before a launch I saw the export feature would slip, so I told my \
                     manager and flagged the risk the same day. We cut scope to CSV only and \
                     shipped on time; PDF followed a week later. Since then I give estimates \
                     with ranges, which I learned the hard way.";

/// Day `d` of March 2026, at nine.
fn day(d: u32) -> String {
    format!("2026-03-{d:02}T09:00:00Z")
}

/// Sits today's session on day `d` with `answers` for each question id
/// (a missing id gets a poor answer); returns the record.
fn sit(dir: &TempDir, d: u32, answer: impl Fn(&str) -> String) -> Value {
    let plan = dry_run(dir, d);
    let mut script = String::new();
    for q in plan["questions"].as_array().unwrap() {
        script.push_str(&answer(q["id"].as_str().unwrap()));
        script.push_str("\n.\n");
    }
    std::fs::write(dir.path().join("answers.txt"), script).unwrap();
    stdout_of(
        on_fixture_bank(dir, &day(d))
            .args(["today", "--preset", "junior", "--no-probes", "--seed", "1"])
            .args(["--answers", "answers.txt"]),
    );
    let newest = std::fs::read_dir(dir.path().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .max()
        .unwrap();
    serde_json::from_str(&std::fs::read_to_string(newest).unwrap()).unwrap()
}

fn dry_run(dir: &TempDir, d: u32) -> Value {
    let out = stdout_of(
        on_fixture_bank(dir, &day(d))
            .args(["today", "--preset", "junior", "--no-probes", "--seed", "1"])
            .args(["--dry-run", "--json"]),
    );
    serde_json::from_str(&out).unwrap()
}

fn said(dir: &TempDir, d: u32) -> String {
    stdout_of(
        on_fixture_bank(dir, &day(d))
            .args(["today", "--preset", "junior", "--no-probes", "--seed", "1"])
            .arg("--dry-run"),
    )
}

fn planned(plan: &Value) -> Vec<String> {
    plan["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect()
}

/// A good answer to each fixture question.
fn good(id: &str) -> String {
    match id {
        "fixture-orm-lazy" => ORM.to_string(),
        "fixture-story-deadline" => STORY.to_string(),
        _ => "8000".to_string(),
    }
}

#[test]
fn the_first_day_starts_on_new_questions_within_ten_minutes() {
    let dir = tempdir();
    let out = said(&dir, 1);
    assert!(out.contains("Nothing is due yet"), "{out}");
    assert!(
        out.contains("Today's 10-minute session: 3 questions (3 new)"),
        "{out}"
    );
    let plan = dry_run(&dir, 1);
    assert!(plan["total_time_s"].as_u64().unwrap() <= 600);
    // A shorter budget takes fewer questions, passing over the long story.
    let short: Value = serde_json::from_str(&stdout_of(
        on_fixture_bank(&dir, &day(1))
            .args([
                "today",
                "--preset",
                "junior",
                "--minutes",
                "3",
                "--no-probes",
            ])
            .args(["--dry-run", "--json"]),
    ))
    .unwrap();
    assert!(!planned(&short).contains(&"fixture-story-deadline".to_string()));
    assert!(short["total_time_s"].as_u64().unwrap() <= 180);
}

#[test]
fn what_is_due_comes_first_and_nothing_due_means_cramming_the_weakest_topics() {
    let dir = tempdir();
    // Days 1 and 2: the story and the choice well, the ORM question poorly.
    let poor_orm = |id: &str| {
        if id == "fixture-orm-lazy" {
            "It is a list.".to_string()
        } else {
            good(id)
        }
    };
    sit(&dir, 1, poor_orm);
    sit(&dir, 2, poor_orm);
    // Day 3: only the ORM question is due (box 1); the others wait until
    // day 5 (box 2).
    let out = said(&dir, 3);
    assert!(
        out.contains(
            "1 question is due for review today; 2 more fall due this week, the next on Thu 5 Mar."
        ),
        "{out}"
    );
    let plan = dry_run(&dir, 3);
    assert!(planned(&plan).contains(&"fixture-orm-lazy".to_string()));
    assert!(out.contains("(1 due, 2 to revisit)"), "{out}");
    // All answered well on day 3, nothing is due on day 4 (the ORM question
    // is back in box 2, due on day 6): cram the weakest topics, the ORM
    // one first for its low mean.
    sit(&dir, 3, good);
    let out = said(&dir, 4);
    assert!(
        out.contains("Nothing is due today; 3 more fall due this week, the next on Fri 6 Mar. Cram session on your weakest topics: orm, deadline, architecture."),
        "{out}"
    );
    // The session record is named for the day's practice.
    let records: Vec<String> = std::fs::read_dir(dir.path().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert!(
        records.iter().all(|n| n.ends_with("-junior-today.json")),
        "{records:?}"
    );
}

#[test]
fn a_self_rating_of_missed_brings_a_well_scored_question_back_tomorrow() {
    for (rating, due_on_day_3) in [
        ("", false),
        (":rate missed\n", true),
        (":rate knew\n", false),
    ] {
        let dir = tempdir();
        sit(&dir, 1, good);
        let record = sit(&dir, 2, |id| format!("{}\n{rating}", good(id)));
        let orm = record["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == "fixture-orm-lazy")
            .unwrap()
            .clone();
        assert!(orm["score"].as_f64().unwrap() >= 55.0, "{orm}");
        let stats: Value = serde_json::from_str(&stdout_of(
            on_fixture_bank(&dir, &day(3)).args(["review", "stats", "--json"]),
        ))
        .unwrap();
        assert_eq!(
            stats["due"].as_u64() == Some(3),
            due_on_day_3,
            "{rating:?}: {}",
            stats["due"]
        );
        if rating.is_empty() {
            assert!(orm.get("self_rating").is_none());
            assert_eq!(stats["due"], 0);
        }
    }
}
