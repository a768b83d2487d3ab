//! `rehearse review` through the binary, over a folder of fixture records:
//! two mid sessions on the same questions, an interrupted junior one, an
//! old-format record, a truncated file and a foreign JSON file.

use crate::common::{fixture, rehearse, stdout_of, tempdir};
use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

/// A copy of tests/fixtures/records/ in a temporary folder.
fn records(dir: &tempfile::TempDir) -> PathBuf {
    let to = dir.path().join("transcripts");
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(fixture("records")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    to
}

fn review(dir: &tempfile::TempDir) -> Command {
    records(dir);
    let mut cmd = rehearse(dir);
    cmd.env("REHEARSE_FAKE_CLOCK", "2026-02-01T12:00:00Z")
        .env("TZ", "UTC")
        .arg("review");
    cmd
}

#[test]
fn the_list_is_newest_first_and_bad_files_are_skipped_with_a_warning() {
    let dir = tempdir();
    let output = review(&dir).output().unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("SESSION") && lines[0].contains("VERDICT"),
        "{out}"
    );
    assert!(
        lines[1].contains("2026-01-25-0900-junior")
            && lines[1].contains("2 of 5")
            && lines[1].contains("interrupted"),
        "{out}"
    );
    assert!(
        lines[2].contains("2026-01-20-1800-mid")
            && lines[2].contains("80")
            && lines[2].contains("strong"),
        "{out}"
    );
    assert!(
        lines[3].contains("2026-01-10-1800-mid")
            && lines[3].contains("41")
            && lines[3].contains("not-yet"),
        "{out}"
    );
    // The record in the oldest format still loads.
    assert!(
        lines[4].contains("2025-12-01-1000-junior") && lines[4].contains("complete"),
        "{out}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning: skipped `transcripts/truncated.json`: not valid JSON at line 1 column 108; the file may be truncated"
        ),
        "{stderr}"
    );
    assert!(
        out.contains(
            "`rehearse run --resume 2026-01-25-0900-junior` continues the interrupted one."
        ),
        "{out}"
    );
    assert!(stderr.contains("warning: skipped `transcripts/package.json`: not a session record (no `format_version`)"), "{stderr}");
}

#[test]
fn the_list_as_json_has_the_documented_fields() {
    let dir = tempdir();
    let out = stdout_of(review(&dir).arg("--json"));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 4);
    for row in &rows {
        for field in ["id", "started_at", "preset", "score", "status"] {
            assert!(row.get(field).is_some(), "missing {field}");
        }
    }
    assert_eq!(rows[0]["status"], "interrupted");
    assert_eq!(rows[1]["score"], 80.2);
    assert_eq!(rows[1]["verdict"], "strong");
}

#[test]
fn an_empty_or_missing_folder_says_how_to_start() {
    let dir = tempdir();
    for args in [
        &["review", "--dir", "nowhere"][..],
        &["review", "stats", "--dir", "nowhere"][..],
    ] {
        let output = rehearse(&dir).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            out.contains("Start") && out.contains("`rehearse run`"),
            "{out}"
        );
    }
    rehearse(&dir)
        .args(["review", "show", "latest", "--dir", "nowhere"])
        .assert()
        .code(1)
        .stderr("error: no sessions in `nowhere` yet; start one with `rehearse run`\n");
}

#[test]
fn show_prints_the_markdown_when_piped_with_earlier_scores_beside_new_ones() {
    let dir = tempdir();
    let out = stdout_of(review(&dir).args(["show", "2026-01-20-1800-mid"]));
    assert!(out.starts_with("# Mock interview: mid\n"), "{out}");
    assert!(out.contains("## 4. deployment-production-setup"), "{out}");
    assert!(
        out.contains("**Score: 100/100** (earlier: 0/100 on 2026-01-10)"),
        "{out}"
    );
    assert!(!out.contains('\x1b'));
}

#[test]
fn show_formats_for_the_terminal_with_colour_on_request() {
    let dir = tempdir();
    let out = stdout_of(
        review(&dir)
            .args(["show", "latest"])
            .env("COLUMNS", "80")
            .arg("--color=always"),
    );
    assert!(
        out.starts_with("\x1b[1m\x1b[36mMock interview: junior"),
        "{out}"
    );
    assert!(
        !out.contains("## "),
        "markdown markers are rendered, not shown"
    );
    assert!(out.contains("│ "), "quotes are drawn");
}

#[test]
fn show_takes_latest_an_id_or_a_path() {
    let dir = tempdir();
    let latest = stdout_of(review(&dir).args(["show", "latest"]));
    assert!(
        latest.contains(
            "Status: **interrupted**; continue with `rehearse run --resume 2026-01-25-0900-junior`"
        ),
        "{latest}"
    );
    let by_path = stdout_of(review(&dir).args(["show", "transcripts/2026-01-10-1800-mid.json"]));
    assert!(by_path.contains("seed 21"), "{by_path}");
    review(&dir)
        .args(["show", "2026-01-20-1800-md"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error: unknown session `2026-01-20-1800-md` (did you mean `2026-01-20-1800-mid`?)",
        ));
}

#[test]
fn stats_show_progress_per_category_topic_and_preset() {
    let dir = tempdir();
    let out = stdout_of(review(&dir).arg("stats"));
    for part in [
        "By category",
        "By topic, weakest first",
        "By preset, overall score",
        "Practise next",
        "rehearse run --topic",
        "Practice, last 12 weeks",
        "Time used against time allotted",
        "Coverage of the bank by topic and level",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
    // Practice on 1 Dec, 10, 20 and 25 Jan; none since: no current streak.
    assert!(out.contains("Streak: 0 days (longest 1 day)"), "{out}");
    // The heatmap's last column is the week of 1 February (a Sunday): its
    // Sunday is today, drawn with no practice.
    let sunday = out.lines().find(|l| l.starts_with("Sun  ")).unwrap();
    assert!(sunday.ends_with('·'), "{sunday}");
    let saturday = out.lines().find(|l| l.starts_with("Sun  ")).unwrap();
    assert_eq!(saturday.split(' ').filter(|c| !c.is_empty()).count(), 13);
    // The mid trend climbs from 41 to 80.
    let mid = out
        .lines()
        .find(|l| l.trim_start().starts_with("mid "))
        .unwrap();
    assert!(mid.ends_with("▄▇"), "{mid}");
    let json: Value =
        serde_json::from_str(&stdout_of(review(&dir).args(["stats", "--json"]))).unwrap();
    assert_eq!(json["sessions"], 4);
    let mid = json["presets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "mid")
        .unwrap();
    assert_eq!(
        (
            mid["sessions"].as_u64(),
            mid["last"].as_f64(),
            mid["best"].as_f64()
        ),
        (Some(2), Some(80.2), Some(80.2))
    );
    assert_eq!(mid["trend"], serde_json::json!([41.4, 80.2]));
    let weakest = json["weakest"].as_array().unwrap();
    assert!(!weakest.is_empty());
    assert!(
        weakest[0]["command"]
            .as_str()
            .unwrap()
            .starts_with("rehearse run --topic ")
    );
    assert!(json["due"].as_u64().unwrap() > 0);
    assert!(json["due_this_week"].as_u64() >= json["due"].as_u64());
    assert_eq!(json["practice"].as_array().unwrap().len(), 12 * 7);
    assert_eq!(json["practice"][83]["date"], "2026-02-01");
    let days: u64 = json["practice"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["questions"].as_u64().unwrap())
        .sum();
    assert!(days > 0);
    assert_eq!(json["streak"]["longest"], 1);
    let process = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["topic"] == "process")
        .unwrap();
    assert_eq!(
        process["levels"],
        serde_json::json!(["never", "weak", "weak", "weak"])
    );
    assert_eq!(json["time"][0]["category"], "technical");
}

#[test]
fn retry_plans_the_questions_below_the_pass_mark() {
    let dir = tempdir();
    let out = stdout_of(review(&dir).args(["retry", "2026-01-10-1800-mid", "--dry-run", "--json"]));
    let plan: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = plan["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    // 41 overall: the story, the deployment and the closing question were
    // below 60. Planned as an interview is: the technical question first,
    // the closing one last.
    assert_eq!(
        ids,
        [
            "deployment-production-setup",
            "story-process-improvement",
            "closing-questions-any-level"
        ]
    );
    assert_eq!(plan["preset"], "mid");
}

#[test]
fn retry_sits_a_new_session_of_those_questions() {
    let dir = tempdir();
    let out = stdout_of(
        review(&dir)
            .args(["retry", "2026-01-10-1800-mid", "--no-timer"])
            .write_stdin(
                "I would set DEBUG=False, run collectstatic and gunicorn behind nginx.\n.\n",
            ),
    );
    assert!(out.contains("Question 1 of 3"), "{out}");
    let record: Value = serde_json::from_str(
        &std::fs::read_to_string(
            dir.path()
                .join("transcripts/2026-02-01-1200-mid-retry.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(record["preset"], "mid");
    assert_eq!(record["retry_of"], "2026-01-10-1800-mid");
    assert_eq!(record["questions"].as_array().unwrap().len(), 3);
    assert!(
        out.contains("rehearse · mid interview, retry of 2026-01-10-1800-mid"),
        "{out}"
    );
}

#[test]
fn retry_says_so_when_everything_passed() {
    let dir = tempdir();
    // The legacy junior session: 100 and 40, so one question is below 55.
    let out = stdout_of(review(&dir).args(["retry", "2026-01-20-1800-mid", "--dry-run"]));
    assert!(out.contains("story-process-improvement"), "{out}");
    let dir = tempdir();
    let to = records(&dir);
    let good = serde_json::json!({"format_version": 1, "id": "2026-01-31-0900-mid", "preset": "mid", "seed": 1,
        "started_at": "2026-01-31T09:00:00Z", "status": "complete", "questions": [
        {"id": "choice-blank-true", "category": "choice", "topic": "models", "prompt": "p", "state": "answered", "answer": "a", "score": 100.0, "time_limit_s": 60}]});
    std::fs::write(to.join("2026-01-31-0900-mid.json"), good.to_string()).unwrap();
    let out = stdout_of(rehearse(&dir).args(["review", "retry", "2026-01-31-0900-mid"]));
    assert_eq!(
        out,
        "Every question of `2026-01-31-0900-mid` reached the pass mark (60); there is nothing to retry.\n"
    );
}

#[test]
fn export_writes_one_row_per_answered_question() {
    let dir = tempdir();
    let csv = stdout_of(review(&dir).args(["export", "--format", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "session,started_at,preset,status,question,category,topic,state,prompt,answer,score,content_score,structure_score,time_used_s,time_limit_s,overtime_s,hint_used"
    );
    assert!(lines[1].starts_with("2025-12-01-1000-junior,2025-12-01T10:00:00Z,junior,complete,choice-default-port-legacy,choice,architecture,answered,Which port does"), "{}", lines[1]);
    let json: Vec<Value> = serde_json::from_str(&stdout_of(
        review(&dir).args(["export", "--format", "json"]),
    ))
    .unwrap();
    // 2 legacy + 5 + 5 + 2 answered in the interrupted session.
    assert_eq!(json.len(), 14);
    // The text of each question and answer comes along.
    assert!(
        json.iter()
            .all(|r| !r["prompt"].as_str().unwrap().is_empty())
    );
    assert!(
        json.iter()
            .any(|r| r["answer"].as_str().unwrap().contains(' '))
    );
    let written = dir.path().join("out.csv");
    let out = stdout_of(
        review(&dir)
            .args(["export", "--format", "csv", "--output"])
            .arg(&written),
    );
    assert_eq!(out, format!("14 rows written to `{}`\n", written.display()));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), csv);
}

#[test]
fn focus_due_brings_back_questions_from_the_history() {
    let dir = tempdir();
    records(&dir);
    let plan = |focus: &str| -> Vec<String> {
        let out = stdout_of(
            rehearse(&dir)
                .env("REHEARSE_FAKE_CLOCK", "2026-03-01T12:00:00Z")
                .args([
                    "run",
                    "--preset",
                    "mid",
                    "--category",
                    "technical",
                    "--questions",
                    "1",
                    "--seed",
                    "3",
                    "--dry-run",
                    "--json",
                    "--focus",
                    focus,
                ]),
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_string())
            .collect()
    };
    let answered = [
        "testing-django-test-case-types-and-client",
        "deployment-production-setup",
    ];
    assert!(
        answered.contains(&plan("due")[0].as_str()),
        "{:?}",
        plan("due")
    );
    assert!(
        !answered.contains(&plan("new")[0].as_str()),
        "{:?}",
        plan("new")
    );
}

#[test]
fn report_writes_one_page_that_needs_nothing_else() {
    let dir = tempdir();
    let out = stdout_of(review(&dir).arg("report"));
    let path = dir.path().join("transcripts/report.html");
    assert!(
        out.contains("Report of 4 sessions written to `transcripts/report.html`"),
        "{out}"
    );
    let html = std::fs::read_to_string(&path).unwrap();
    // Self-contained: no script, no fetch of anything, scripts forbidden.
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("href=\"http"));
    assert!(html.contains("default-src 'none'"));
    // Every part, and each session linked to its transcript.
    for part in [
        "id=\"scores\"",
        "class=\"series series-technical\"",
        "class=\"heatmap\"",
        "class=\"coverage\"",
        "id=\"weakest\"",
        "href=\"#s-3\"",
        "id=\"s-3\"",
    ] {
        assert!(html.contains(part), "missing {part}");
    }
    // Or to a file named on the command line.
    stdout_of(review(&dir).args(["report", "-o", "mine.html"]));
    assert!(dir.path().join("mine.html").exists());
}

#[test]
fn export_for_anki_makes_a_card_per_missed_key_point() {
    let dir = tempdir();
    let tsv = stdout_of(review(&dir).args(["export", "--format", "anki"]));
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("#separator:tab"));
    assert_eq!(lines.next(), Some("#html:true"));
    assert_eq!(lines.next(), Some("#columns:Front\tBack\tTags"));
    let cards: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!cards.is_empty());
    assert!(cards.iter().all(|c| c.len() == 3), "{cards:?}");
    // Front: the question, then the point; back: one sentence of the model
    // answer; tags: rehearse and the topic.
    let card = cards
        .iter()
        .find(|c| c[0].contains("select_related"))
        .unwrap_or(&cards[0]);
    assert!(card[0].contains("<br><br>Key point: "), "{card:?}");
    assert!(!card[1].is_empty() && card[1].len() < 400, "{card:?}");
    assert!(card[2].starts_with("rehearse rehearse::"), "{card:?}");
    let written = dir.path().join("cards.tsv");
    let out = stdout_of(
        review(&dir)
            .args(["export", "--format", "anki", "-o"])
            .arg(&written),
    );
    assert_eq!(
        out,
        format!("{} cards written to `{}`\n", cards.len(), written.display())
    );
}
