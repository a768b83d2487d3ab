//! `rehearse run` through the binary, on the scripted path: answers from a
//! file or piped stdin, a fixed seed and a fake clock.

use crate::common::{fixture, on_fixture_bank, rehearse, stdout_of, tempdir};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// `rehearse run` on the three-question fixture bank only, with a fake clock.
/// rehearse on the fixture bank only, with the fake clock at `clock`.
fn session(dir: &tempfile::TempDir) -> Command {
    let mut cmd = on_fixture_bank(dir, "2026-03-01T09:00:00Z");
    cmd.args(["run", "--preset", "junior", "--seed", "1"]);
    cmd
}

/// `rehearse run --resume`, an hour after `session`.
fn resume(dir: &tempfile::TempDir) -> Command {
    let mut cmd = on_fixture_bank(dir, "2026-03-01T10:00:00Z");
    cmd.args(["run", "--resume"]);
    cmd
}

fn record(dir: &Path, id: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(format!("transcripts/{id}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The markdown transcript of session `id`.
fn transcript(dir: &Path, id: &str) -> String {
    std::fs::read_to_string(dir.join(format!("transcripts/{id}.md"))).unwrap()
}

#[test]
fn a_scripted_session_writes_its_transcript() {
    let dir = tempdir();
    let out = stdout_of(session(&dir).arg("--answers").arg(fixture("answers.txt")));
    assert!(
        out.contains("Question 1 of 3 · choice · architecture · 1m"),
        "{out}"
    );
    assert!(out.contains("fixture-orm-lazy · 100/100"), "{out}");
    assert!(
        out.contains("Transcript: transcripts/2026-03-01-0900-junior.md"),
        "{out}"
    );
    let markdown = transcript(dir.path(), "2026-03-01-0900-junior");
    insta::assert_snapshot!(markdown, @r#"
    # Mock interview: junior

    - Started: 2026-03-01 09:00 UTC
    - Questions: 3 of 3 done · seed 1
    - Status: complete
    - Result: **90/100** · strong pass for a junior role
    - Follow-ups: 1 follow-up asked: 0 answered, 1 passed; none earned points back

    ## Summary

    | Category | Questions | Answered | Mean |
    |---|---:|---:|---:|
    | technical | 1 | 1 | 100 |
    | behavioral | 1 | 1 | 71 |
    | choice | 1 | 1 | 100 |
    | **overall** | 3 | 3 | **90** |

    ## 1. fixture-choice-port

    *choice · architecture · 20s of 1m*

    > Which port does the development server listen on by default?

    - A) 80
    - B) 8080
    - C) 8000

    **Answer**

    ✓ C) 8000

    **Score: 100/100**

    Correct option: C) 8000

    **Model answer**

    > runserver listens on 127.0.0.1:8000 unless you pass another address.

    ## 2. fixture-orm-lazy

    *technical · orm · 42s of 2m40s*

    > Why is a Django QuerySet called lazy?

    **Answer**

    ```text
    It is lazy: building it runs no SQL, which is not executed until you iterate over it
    or call len(). After that the result cache keeps the rows.
    ```

    **Score: 100/100**

    Covered:

    - ✓ [2] No SQL runs until the QuerySet is evaluated ("executed", "until")
    - ✓ [1] Iteration, len(), list() or slicing with a step evaluate it ("iterate")
    - ✓ [1] Results are cached on the QuerySet after evaluation ("result cache")

    **Model answer**

    > Building a QuerySet runs no SQL: filters only describe the query, which is not executed until it is evaluated, for example when you iterate over it or call list() or len(). After evaluation the result cache keeps the rows, so iterating again reuses the results.

    ## 3. fixture-story-deadline

    *behavioral · deadline · 1m11s of 4m · hint used (-10 points)*

    > Tell me about a time you were about to miss a deadline.

    **Answer**

    ```text
    Two weeks before a launch I saw the export would slip, so I told my manager and
    flagged the risk the same day. We cut scope to CSV only and shipped on time.
    Since then I give estimates as ranges; I learned that the hard way.
    ```

    **Score: 71/100**

    Covered:

    - ✓ [2] Raised the risk early ("told my manager")
    - ✓ [2] Cut or negotiated scope ("cut scope")
    - ✓ [1] Says what changed afterwards ("Since then")

    **Follow-up 1** (the result of the story: passed; 0s of 1m30s): How did it end: what changed, in numbers if you have them?

    _(no answer)_

    **STAR structure** (score = 60% content 100 + 40% structure 52)

    | Part | Present | Share |
    |---|:---:|---:|
    | situation | ✓ | 24% |
    | task | ✗ | 0% |
    | action | ✓ | 46% |
    | result | ✗ | 0% |
    | lesson | ✓ | 28% |

    Structure 52/100 · result measured: no · who acts: mixed · one real event: yes · 46 words, about 20s spoken

    Suggestions:

    - Say what you were responsible for, e.g. "My job was to…" or "It was on me to…".
    - Separate your part from the team's: keep "we" for what the team decided and say "I" for your own steps.
    - End with the outcome: what changed because of what you did.
    - At about 20 seconds spoken this is short; aim for one to three minutes with concrete detail.

    **Model answer**

    > Two weeks before a launch I saw the export feature would slip, so I told my manager and flagged the risk the same day. We cut scope to CSV only and shipped on time; PDF followed a week later. Since then I give estimates with ranges, which I learned the hard way.
    "#);
}

#[test]
fn the_record_holds_what_review_needs() {
    let dir = tempdir();
    stdout_of(session(&dir).arg("--answers").arg(fixture("answers.txt")));
    let r = record(dir.path(), "2026-03-01-0900-junior");
    assert_eq!(r["preset"], "junior");
    assert_eq!(r["seed"], 1);
    assert_eq!(r["started_at"], "2026-03-01T09:00:00Z");
    assert_eq!(r["status"], "complete");
    let q = &r["questions"][2];
    for field in [
        "id",
        "category",
        "topic",
        "prompt",
        "answer",
        "score",
        "points",
        "time_limit_s",
        "time_used_s",
        "hint_used",
        "skipped",
    ] {
        assert!(!q[field].is_null(), "missing {field}: {q}");
    }
    assert_eq!(q["hint_used"], true);
    // A story blends content and structure: 0.6 × 100 + 0.4 × 52, less the hint.
    assert_eq!(q["content_score"], 100.0);
    assert_eq!(q["star"]["score"], 52.0);
    assert_eq!(q["score"], 70.8);
    assert_eq!(q["hint_cost"], 10.0);
    assert_eq!(q["points"][0]["covered"], true);
}

#[test]
fn transcripts_are_readable_by_the_owner_only() {
    let dir = tempdir();
    stdout_of(session(&dir).arg("--answers").arg(fixture("answers.txt")));
    #[cfg(unix)]
    for ext in ["json", "md"] {
        use std::os::unix::fs::PermissionsExt;
        let path = dir
            .path()
            .join(format!("transcripts/2026-03-01-0900-junior.{ext}"));
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{ext}");
    }
}

#[test]
fn answers_can_come_from_piped_stdin() {
    let dir = tempdir();
    let answers = std::fs::read_to_string(fixture("answers.txt")).unwrap();
    let out = stdout_of(session(&dir).write_stdin(answers));
    assert!(
        out.contains("Overall 90/100: strong pass for a junior role"),
        "{out}"
    );
}

#[test]
fn fewer_answers_than_questions_leaves_the_rest_unanswered() {
    let dir = tempdir();
    let out = stdout_of(session(&dir).write_stdin("a\n.\n"));
    assert!(
        out.contains("2 questions had no answer in the input."),
        "{out}"
    );
    let r = record(dir.path(), "2026-03-01-0900-junior");
    assert_eq!(r["status"], "complete");
    let states: Vec<&str> = r["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["answered", "unanswered", "unanswered"]);
    // A wrong option is an answer scored 0; `a` picked the first option, 80.
    assert_eq!(r["questions"][0]["answer"], "80");
    assert_eq!(r["questions"][0]["score"], 0.0);
}

#[test]
fn quit_saves_and_resume_continues_where_it_stopped() {
    let dir = tempdir();
    session(&dir)
        .write_stdin("B\n.\nIt is lazy: nothing is executed until\n:quit\n.\n")
        .assert()
        .code(130);
    let r = record(dir.path(), "2026-03-01-0900-junior");
    assert_eq!(r["status"], "interrupted");
    assert_eq!(r["questions"][0]["state"], "answered");
    // What was typed before `:quit` is kept, and offered again on resume.
    assert_eq!(r["questions"][1]["state"], "interrupted");
    assert_eq!(
        r["questions"][1]["answer"],
        "It is lazy: nothing is executed until"
    );
    assert_eq!(r["questions"][2]["state"], "pending");

    let mut resume = resume(&dir);
    resume.write_stdin("It is not executed until you iterate; the result cache keeps the rows.\n.\nI told my manager early and we cut scope.\n.\n");
    let out = stdout_of(&mut resume);
    assert!(out.contains("junior interview, resumed"), "{out}");
    assert!(out.contains("Question 2 of 3"), "{out}");
    assert!(!out.contains("Question 1 of 3"), "{out}");
    let r = record(dir.path(), "2026-03-01-0900-junior");
    assert_eq!(r["status"], "complete");
    assert_eq!(r["questions"][1]["state"], "answered");
    assert_eq!(r["questions"][2]["state"], "answered");
}

#[test]
fn a_session_stopped_in_its_first_answer_resumes_as_resumed() {
    let dir = tempdir();
    session(&dir).write_stdin(":quit\n.\n").assert().code(130);
    let mut resume = resume(&dir);
    resume.write_stdin("");
    let out = stdout_of(&mut resume);
    assert!(out.contains("junior interview, resumed"), "{out}");
    assert!(out.contains("Question 1 of 3"), "{out}");
}

#[test]
fn resume_with_nothing_to_resume_says_so() {
    let dir = tempdir();
    rehearse(&dir)
        .args(["run", "--resume"])
        .assert()
        .code(1)
        .stderr("error: no interrupted session in `transcripts`; start one with `rehearse run`\n");
}

#[test]
fn an_unusable_folder_is_reported_before_anything_is_asked() {
    let dir = tempdir();
    std::fs::write(dir.path().join("taken"), "a file").unwrap();
    let output = session(&dir)
        .args(["--dir", "taken"])
        .write_stdin("B\n.\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stdout.is_empty(),
        "nothing may be asked: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: transcript folder `taken` is a file, not a folder; choose another with `--dir` or `REHEARSE_DIR`\n"
    );
}

#[test]
fn the_transcript_folder_comes_from_the_flag_or_the_environment() {
    let dir = tempdir();
    stdout_of(
        session(&dir)
            .env("REHEARSE_DIR", "from-env")
            .write_stdin("B\n.\n"),
    );
    assert!(
        dir.path()
            .join("from-env/2026-03-01-0900-junior.json")
            .exists()
    );
    stdout_of(
        session(&dir)
            .args(["--dir", "from-flag"])
            .write_stdin("B\n.\n"),
    );
    assert!(
        dir.path()
            .join("from-flag/2026-03-01-0900-junior.json")
            .exists()
    );
}

#[test]
fn skip_and_choice_by_text_are_recorded() {
    let dir = tempdir();
    stdout_of(session(&dir).write_stdin("8000\n.\nhalf a thought\n:skip\n.\n"));
    let r = record(dir.path(), "2026-03-01-0900-junior");
    assert_eq!(r["questions"][0]["score"], 100.0);
    assert_eq!(r["questions"][1]["state"], "skipped");
    assert_eq!(r["questions"][1]["skipped"], true);
    assert_eq!(r["questions"][1]["score"], Value::Null);
    // What was typed before `:skip` is kept, unscored.
    assert_eq!(r["questions"][1]["answer"], "half a thought");
    let md = transcript(dir.path(), "2026-03-01-0900-junior");
    assert!(
        md.contains("What was typed before skipping (not scored):\n\n```text\nhalf a thought\n```"),
        "{md}"
    );
}

#[test]
fn dry_run_prints_the_plan_and_the_same_seed_gives_the_same_plan() {
    let dir = tempdir();
    let plan = |seed: &str| -> Value {
        let out = stdout_of(rehearse(&dir).args([
            "run",
            "--preset",
            "senior",
            "--seed",
            seed,
            "--dry-run",
            "--json",
        ]));
        serde_json::from_str(&out).unwrap()
    };
    let a = plan("42");
    assert_eq!(a, plan("42"));
    assert_ne!(a["questions"], plan("43")["questions"]);
    let questions = a["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 9);
    for q in questions {
        for field in ["id", "category", "topic", "time_limit_s"] {
            assert!(!q[field].is_null(), "{field}");
        }
    }
    assert!(
        !dir.path().join("transcripts").exists(),
        "a dry run writes nothing"
    );
}

#[test]
fn dry_run_honours_minutes_questions_category_and_topic() {
    let dir = tempdir();
    let plan = |args: &[&str]| -> Value {
        let mut cmd = rehearse(&dir);
        cmd.args(["run", "--seed", "5", "--dry-run", "--json"])
            .args(args);
        serde_json::from_str(&stdout_of(&mut cmd)).unwrap()
    };
    let short = plan(&["--minutes", "15"]);
    assert!(short["total_time_s"].as_u64().unwrap() <= 900);
    assert_eq!(
        plan(&["--questions", "3"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let coding = plan(&[
        "--category",
        "coding",
        "--category",
        "technical",
        "--questions",
        "6",
    ]);
    assert!(
        coding["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["category"] == "coding" || q["category"] == "technical")
    );
    let orm = plan(&["--topic", "orm"]);
    assert!(
        orm["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["topic"] == "orm")
    );
}

#[test]
fn questions_from_recent_sessions_are_avoided() {
    let dir = tempdir();
    let first = stdout_of(rehearse(&dir).args([
        "run",
        "--preset",
        "mid",
        "--seed",
        "8",
        "--dry-run",
        "--json",
    ]));
    let first: Value = serde_json::from_str(&first).unwrap();
    // Sit that interview (answers run out at once: everything is recorded as unanswered).
    stdout_of(
        rehearse(&dir)
            .args(["run", "--preset", "mid", "--seed", "8"])
            .write_stdin(""),
    );
    let second = stdout_of(rehearse(&dir).args([
        "run",
        "--preset",
        "mid",
        "--seed",
        "8",
        "--dry-run",
        "--json",
    ]));
    let second: Value = serde_json::from_str(&second).unwrap();
    let ids = |v: &Value| -> Vec<String> {
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["topic"] != "closing")
            .map(|q| q["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (a, b) = (ids(&first), ids(&second));
    assert!(a.iter().all(|id| !b.contains(id)), "{a:?} vs {b:?}");
}

#[test]
fn unknown_presets_and_topics_are_usage_errors() {
    let dir = tempdir();
    rehearse(&dir)
        .args(["run", "--preset", "seniour", "--dry-run"])
        .assert()
        .code(2)
        .stderr("error: unknown preset `seniour` (did you mean `senior`?); run `rehearse presets` to list them\n");
    rehearse(&dir)
        .args(["run", "--topic", "cachng", "--dry-run"])
        .assert()
        .code(2)
        .stderr("error: unknown topic `cachng` (did you mean `caching`?); run `rehearse bank list` to see the topics\n");
}

#[test]
fn presets_are_listed_as_text_and_json() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).arg("presets"));
    assert!(out.contains("junior") && out.contains("staff"), "{out}");
    let json: Value =
        serde_json::from_str(&stdout_of(rehearse(&dir).args(["presets", "--json"]))).unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["junior", "mid", "senior", "staff"]);
    assert_eq!(json[2]["feedback"], "at-end");
    assert_eq!(json[0]["questions"]["choice"], 3);
    // How each preset probes.
    assert!(
        out.contains("probes     up to 3 follow-ups on missed key points, 2m each; a \"why\" after strong answers"),
        "{out}"
    );
    assert_eq!(json[0]["probes"], 2);
    assert_eq!(json[3]["probe_time_s"], 150);
    assert_eq!(json[1]["why"], false);
}

#[test]
fn a_story_gets_one_score_in_the_session_score_and_star() {
    let dir = tempdir();
    stdout_of(session(&dir).arg("--answers").arg(fixture("answers.txt")));
    let r = record(dir.path(), "2026-03-01-0900-junior");
    let q = &r["questions"][2];
    assert_eq!(q["id"], "fixture-story-deadline");
    let story = dir.path().join("story.txt");
    std::fs::write(&story, q["answer"].as_str().unwrap()).unwrap();
    // The session took 10 points for the hint; outside it there is none.
    let session_score = q["score"].as_f64().unwrap() + q["hint_cost"].as_f64().unwrap();
    let bank = fixture("bank-small.json");
    let scored: Value = serde_json::from_str(&stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(&bank)
            .args(["score", "fixture-story-deadline", "--json", "--answer"])
            .arg(&story),
    ))
    .unwrap();
    assert_eq!(scored["score"].as_f64().unwrap(), session_score);
    assert_eq!(scored["content_score"], q["content_score"]);
    let starred: Value = serde_json::from_str(&stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(&bank)
            .args(["star", "--question", "fixture-story-deadline", "--json"])
            .arg(&story),
    ))
    .unwrap();
    assert_eq!(starred["score"].as_f64().unwrap(), session_score);
    assert_eq!(starred["star"]["score"], q["star"]["score"]);
}

/// A byte that is not UTF-8 in a scripted answers file is read as U+FFFD:
/// that answer and every later one are kept and judged.
#[test]
fn a_bad_byte_in_an_answers_file_loses_nothing() {
    let dir = tempdir();
    let mut bytes = std::fs::read(fixture("answers.txt")).unwrap();
    let at = bytes.windows(4).position(|w| w == b"lazy").unwrap();
    bytes.insert(at, 0xff);
    let path = dir.path().join("answers.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = stdout_of(session(&dir).arg("--answers").arg(&path));
    assert!(out.contains("Interview complete"), "{out}");
    let r = record(dir.path(), "2026-03-01-0900-junior");
    let answers: Vec<&str> = r["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["answer"].as_str().unwrap_or_default())
        .collect();
    assert!(
        answers.iter().any(|a| a.starts_with("It is \u{fffd}lazy")),
        "{answers:?}"
    );
    assert!(
        answers
            .iter()
            .any(|a| a.contains("Two weeks before a launch")),
        "{answers:?}"
    );
}

/// A folder given to --answers is refused before the first question.
#[test]
fn a_folder_given_as_answers_is_refused_before_the_interview() {
    let dir = tempdir();
    let output = session(&dir)
        .arg("--answers")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("is a folder; --answers takes a text file"),
        "{stderr}"
    );
    assert!(
        !String::from_utf8(output.stdout)
            .unwrap()
            .contains("Question 1")
    );
    assert!(
        !dir.path()
            .join("transcripts/2026-03-01-0900-junior.json")
            .exists()
    );
}

#[test]
fn an_unfinished_interview_has_a_score_so_far_and_no_verdict() {
    let dir = tempdir();
    let answers = dir.path().join("answers.txt");
    std::fs::write(&answers, "C\n.\n:quit\n.\n").unwrap();
    let output = session(&dir)
        .arg("--answers")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(130));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("So far 100/100 on 1 of 3 questions; no verdict for an unfinished interview"),
        "{out}"
    );
    assert!(!out.contains("pass for a junior"), "{out}");
    let markdown = transcript(dir.path(), "2026-03-01-0900-junior");
    assert!(
        markdown.contains(
            "- So far: **100/100** on 1 of 3 questions · no verdict for an unfinished interview"
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("pass for a junior"), "{markdown}");
    let listed =
        stdout_of(on_fixture_bank(&dir, "2026-03-01T10:00:00Z").args(["review", "--json"]));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["status"], "interrupted");
    assert_eq!(listed[0]["score"], 100.0);
    assert!(listed[0]["verdict"].is_null(), "{listed}");
}

/// The command a dry run prints repeats every planning flag, so running it
/// plans the same interview.
#[test]
fn the_printed_command_sits_the_same_interview() {
    let dir = tempdir();
    let flags = [
        "--minutes",
        "20",
        "--category",
        "technical",
        "--category",
        "behavioral",
        "--topic",
        "orm",
        "--focus",
        "weak",
        "--no-probes",
    ];
    let out = stdout_of(
        rehearse(&dir)
            .args(["--bank"])
            .arg(fixture("bank-small.json"))
            .args(["run", "--preset", "mid"])
            .args(flags)
            .arg("--dry-run"),
    );
    let line = out
        .lines()
        .find_map(|l| l.strip_prefix("Sit this interview with: "))
        .unwrap_or_else(|| panic!("{out}"));
    let bank = fixture("bank-small.json");
    let expected_start = format!(
        "rehearse --bank {} run --preset mid --seed ",
        bank.display()
    );
    assert!(line.starts_with(&expected_start), "{line}");
    assert!(line.ends_with(&flags.join(" ")), "{line}");
    // The printed words, run again, plan the same questions.
    let words: Vec<&str> = line.split(' ').skip(1).collect();
    let again = stdout_of(rehearse(&dir).args(&words).arg("--dry-run"));
    assert_eq!(again, out);
}
