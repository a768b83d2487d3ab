//! `rehearse score` and `rehearse eval` through the binary.

use crate::common::{fixture, rehearse, stdout_of, tempdir};
use serde_json::Value;

fn lazy_answer(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("answer.txt");
    std::fs::write(
        &path,
        "It is lazy: the SQL is not executed until you iterate over it.\n",
    )
    .unwrap();
    path
}

#[test]
fn score_explains_each_key_point() {
    let dir = tempdir();
    let answer = lazy_answer(&dir);
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["score", "fixture-orm-lazy", "--answer"])
            .arg(&answer),
    );
    assert_eq!(
        out,
        "fixture-orm-lazy: 75/100\n\
         \n  ✓ [2] No SQL runs until the QuerySet is evaluated\
         \n      matched \"executed\" · \"until\"\
         \n  ✓ [1] Iteration, len(), list() or slicing with a step evaluate it\
         \n      matched \"iterate\"\
         \n  ✗ [1] Results are cached on the QuerySet after evaluation\
         \n      say in a sentence what it does, e.g. with: result cache · cached results ·\
         \n      reuses the results\n"
    );
}

#[test]
fn score_json_has_the_documented_fields() {
    let dir = tempdir();
    let answer = lazy_answer(&dir);
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["score", "fixture-orm-lazy", "--json", "--answer"])
            .arg(&answer),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "fixture-orm-lazy");
    assert_eq!(v["score"], 75.0);
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 3);
    assert_eq!(
        points[1]["label"],
        "Iteration, len(), list() or slicing with a step evaluate it"
    );
    assert_eq!(points[1]["weight"], 1.0);
    assert_eq!(points[1]["covered"], true);
    assert_eq!(points[1]["matches"][0]["text"], "iterate");
    assert_eq!(points[1]["matches"][0]["similarity"], 1.0);
    assert_eq!(points[2]["covered"], false);
    assert!(v["pitfalls"].as_array().unwrap().is_empty());
}

#[test]
fn score_reads_the_answer_from_stdin() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["score", "fixture-orm-lazy", "--json", "--answer", "-"])
            .write_stdin("the results are cached, and len() runs it"),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["score"], 50.0);
}

#[test]
fn score_against_a_reference_derives_the_rubric() {
    let dir = tempdir();
    let reference = dir.path().join("reference.txt");
    std::fs::write(&reference, "Unlimited number.").unwrap();
    let out = stdout_of(
        rehearse(&dir)
            .args(["score", "--reference"])
            .arg(&reference)
            .args(["--answer", "-"])
            .write_stdin("As many as you like: the number is infinite."),
    );
    assert!(out.starts_with("against the reference: 100/100\n"), "{out}");
    assert!(
        out.contains("covered: unlimited (as \"infinite\"), number\n"),
        "{out}"
    );
}

#[test]
fn score_errors_name_what_is_wrong() {
    let dir = tempdir();
    rehearse(&dir)
        .args(["score", "orm-selct-related", "--answer", "-"])
        .write_stdin("x")
        .assert()
        .code(1)
        .stderr(predicates::str::starts_with(
            "error: no question with id `orm-selct-related` (did you mean `orm-select-related-vs-prefetch-related`?)",
        ));
    rehearse(&dir)
        .args([
            "score",
            "orm-select-related-vs-prefetch-related",
            "--answer",
            "missing.txt",
        ])
        .assert()
        .code(1)
        .stderr("error: could not read `missing.txt`: No such file or directory (os error 2)\n");
    rehearse(&dir)
        .args(["score", "--answer", "-"])
        .assert()
        .code(2);
}

#[test]
fn eval_reports_agreement_as_json() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .arg("eval")
            .arg(fixture("graded.jsonl"))
            .arg("--json"),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["n"], 6);
    assert_eq!(v["questions"], 2);
    for field in [
        "pearson",
        "spearman",
        "rmse",
        "qwk",
        "mean_question_pearson",
    ] {
        assert!(v[field].is_number(), "{field}: {v}");
    }
    // The good answers outscore the bad ones on this tiny file.
    assert!(v["pearson"].as_f64().unwrap() > 0.5, "{v}");
    assert_eq!(v["skipped"], 0);
}

#[test]
fn eval_prints_a_readable_table() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).arg("eval").arg(fixture("graded.jsonl")));
    assert!(
        out.starts_with("rows            6\nquestions       2\npearson r       "),
        "{out}"
    );
}

#[test]
fn eval_stops_at_a_bad_row_unless_told_to_skip() {
    let dir = tempdir();
    let path = fixture("graded-bad-row.jsonl");
    rehearse(&dir)
        .arg("eval")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(format!(
            "error: `{}` line 2: field `score`: invalid type: string \"five\", expected f64; fix the line or pass `--skip-bad` to skip bad rows\n",
            path.display()
        ));
    let output = rehearse(&dir)
        .arg("eval")
        .arg(&path)
        .args(["--skip-bad", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let v: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(v["n"], 6);
    assert_eq!(v["skipped"], 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 2: field `score`"));
}

/// 30,000 rows, every grade different (continuous grades, as some graded
/// sets have). QWK once built a matrix with a cell per pair of distinct
/// grades: 7 GB here. Run under a 1 GiB address-space limit, that version
/// aborts on a failed allocation instead of eating the machine's memory.
#[cfg(target_os = "linux")]
#[test]
fn eval_of_thirty_thousand_distinct_grades_fits_in_a_gigabyte() {
    let dir = tempdir();
    let path = dir.path().join("graded.jsonl");
    let answers = ["a SQL join", "join", "nothing to say"];
    let rows: String = (0..30_000)
        .map(|i| {
            let row = serde_json::json!({
                "question": "How does select_related fetch related rows?",
                "reference": "With a SQL join, in the same query.",
                "answer": answers[i % answers.len()],
                "score": f64::from(i as u32) / 6_000.0,
            });
            format!("{row}\n")
        })
        .collect();
    std::fs::write(&path, rows).unwrap();
    let out = stdout_of(
        assert_cmd::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(r#"ulimit -v 1048576 && exec "$0" "$@""#)
            .arg(env!("CARGO_BIN_EXE_rehearse"))
            .arg("eval")
            .arg(&path)
            .arg("--json"),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["n"], 30_000);
    assert!(v["qwk"].as_f64().is_some_and(f64::is_finite), "{v}");
}
