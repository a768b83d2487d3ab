//! Tracks, TOML banks, `bank import` and `bank new` through the binary.

use crate::common::{fixture, rehearse, stdout_of, tempdir};
use serde_json::Value;

#[test]
fn both_built_in_tracks_are_listed_and_the_python_one_is_practised_alone() {
    let dir = tempdir();
    let tracks: Vec<Value> = serde_json::from_str(&stdout_of(
        rehearse(&dir).args(["bank", "tracks", "--json"]),
    ))
    .unwrap();
    let names: Vec<&str> = tracks.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["python-django", "python"]);
    assert!(tracks[1]["questions"].as_u64().unwrap() >= 60);
    let plan: Value = serde_json::from_str(&stdout_of(rehearse(&dir).args([
        "--track",
        "python",
        "run",
        "--preset",
        "senior",
        "--seed",
        "3",
        "--dry-run",
        "--json",
    ])))
    .unwrap();
    for q in plan["questions"].as_array().unwrap() {
        assert!(q["id"].as_str().unwrap().starts_with("py-"), "{q}");
    }
    // The command printed to sit it again names the track.
    let out =
        stdout_of(rehearse(&dir).args(["--track", "python", "run", "--seed", "3", "--dry-run"]));
    assert!(
        out.contains("rehearse --track python run --preset mid --seed 3"),
        "{out}"
    );
    // An unknown track says which there are.
    let output = rehearse(&dir)
        .args(["--track", "pyton", "run", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("unknown track `pyton` (did you mean `python`?)"),
        "{stderr}"
    );
}

#[test]
fn a_session_remembers_its_track_for_stats() {
    let dir = tempdir();
    std::fs::write(dir.path().join("a.txt"), "b\n.\n").unwrap();
    stdout_of(
        rehearse(&dir)
            .env("REHEARSE_FAKE_CLOCK", "2026-03-01T09:00:00Z")
            .args([
                "--track",
                "python",
                "run",
                "--preset",
                "junior",
                "--questions",
                "1",
            ])
            .args(["--category", "choice", "--seed", "1", "--answers", "a.txt"]),
    );
    let record = std::fs::read_dir(dir.path().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(record).unwrap()).unwrap();
    assert_eq!(record["track"], "python");
    // Stats are per track: the python session is not a Django one.
    let stats = |track: &str| -> Value {
        serde_json::from_str(&stdout_of(
            rehearse(&dir).args(["--track", track, "review", "stats", "--json"]),
        ))
        .unwrap()
    };
    assert_eq!(stats("python")["sessions"], 1);
    assert_eq!(stats("python-django")["sessions"], 0);
}

#[test]
fn import_writes_a_bank_that_loads_and_says_what_it_skipped() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .args(["bank", "import"])
            .arg(fixture("import/questions.csv"))
            .args(["-o", "mine.toml"]),
    );
    assert!(out.starts_with("Imported 2 questions from"), "{out}");
    assert!(
        out.contains("into `mine.toml` (track `questions`); skipped 3:"),
        "{out}"
    );
    assert!(
        out.contains("  line 4: \"Design a URL shortener\" has no answer"),
        "{out}"
    );
    // It loads as a bank of its own track, and validate lists the rubrics
    // still to read.
    let list = stdout_of(rehearse(&dir).args([
        "--bank",
        "mine.toml",
        "--track",
        "questions",
        "bank",
        "list",
        "--json",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(rows.len(), 2);
    let output = rehearse(&dir)
        .args(["bank", "validate", "mine.toml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("field `derived`").count(), 2, "{stderr}");
    // A second import does not overwrite it without --force.
    let output = rehearse(&dir)
        .args(["bank", "import"])
        .arg(fixture("import/questions.csv"))
        .args(["-o", "mine.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("`mine.toml` already exists")
    );
    // Anki's export and Markdown notes too; a track given with --track.
    let out = stdout_of(
        rehearse(&dir)
            .args(["--track", "python", "bank", "import"])
            .arg(fixture("import/anki.txt")),
    );
    assert!(out.contains("into `anki.toml` (track `python`)"), "{out}");
    let out = stdout_of(
        rehearse(&dir)
            .args(["bank", "import"])
            .arg(fixture("import/headings.md")),
    );
    assert!(out.starts_with("Imported 3 questions"), "{out}");
}

#[test]
fn malformed_notes_fail_naming_the_line() {
    let dir = tempdir();
    for (file, expected) in [
        (
            "import/broken.csv",
            "broken.csv` is not readable as CSV: line 1: a quoted field starts here and is never closed",
        ),
        (
            "import/bad-separator.txt",
            "is not readable as Anki export: line 1: separator `colon` is not one Anki writes",
        ),
    ] {
        let output = rehearse(&dir)
            .args(["bank", "import"])
            .arg(fixture(file))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(expected), "{file}: {stderr}");
    }
    // Notes with nothing to import say what is read.
    std::fs::write(
        dir.path().join("empty.md"),
        "# Nothing here\n\nJust prose.\n",
    )
    .unwrap();
    let output = rehearse(&dir)
        .args(["bank", "import", "empty.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("found no question to import in `empty.md`")
    );
}

#[test]
fn a_toml_bank_error_names_its_line_and_column() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("bad.toml"),
        "format_version = 1\ntrack = \"x\"\n\n[[questions]]\nid = \"a\"\ncategory = technical\n",
    )
    .unwrap();
    let output = rehearse(&dir)
        .args(["bank", "validate", "bad.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("bad.toml:6:12:"), "{stderr}");
    assert!(stderr.contains("fix the TOML syntax there"), "{stderr}");
    // A field of the wrong type is placed at its question.
    std::fs::write(
        dir.path().join("typed.toml"),
        "format_version = 1\ntrack = \"x\"\n\n[[questions]]\nid = \"a\"\ncategory = \"technical\"\ntopic = \"t\"\nlevels = [\"mid\"]\nprompt = \"p\"\ntime_limit_s = \"long\"\nmodel_answer = \"m\"\n",
    )
    .unwrap();
    let output = rehearse(&dir)
        .args(["bank", "validate", "typed.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("typed.toml:5: question `a`: field `time_limit_s`"),
        "{stderr}"
    );
}

#[test]
fn bank_new_writes_a_template_that_validates() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).args(["bank", "new"]));
    assert!(
        out.starts_with("Wrote a bank template to `my-bank.toml`"),
        "{out}"
    );
    let output = rehearse(&dir)
        .args(["bank", "validate", "my-bank.toml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan = stdout_of(rehearse(&dir).args([
        "--bank",
        "my-bank.toml",
        "--track",
        "my-track",
        "run",
        "--dry-run",
        "--seed",
        "1",
    ]));
    assert!(plan.contains("my-http-idempotent-methods"), "{plan}");
}
