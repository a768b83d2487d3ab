//! `rehearse bank list|show|validate` through the binary.

use crate::common::{fixture, rehearse, stdout_of, tempdir};
use serde_json::Value;

#[test]
fn list_works_from_any_directory_without_files_on_disk() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).args(["bank", "list"]));
    assert!(out.contains("technical ("), "{out}");
    assert!(out.contains("choice ("), "{out}");
    assert!(out.contains("`rehearse bank show ID` shows one whole."));
}

#[test]
fn list_fits_in_80_columns() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).args(["bank", "list"]));
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn list_json_has_the_documented_fields_and_honours_filters() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).args([
        "bank",
        "list",
        "--json",
        "--category",
        "choice",
        "--level",
        "junior",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        for field in [
            "id",
            "category",
            "topic",
            "levels",
            "prompt",
            "time_limit_s",
            "points",
        ] {
            assert!(row.get(field).is_some(), "missing {field} in {row}");
        }
        assert_eq!(row["category"], "choice");
        assert!(row["levels"].as_array().unwrap().contains(&"junior".into()));
    }
}

#[test]
fn list_with_a_topic_filter_only_lists_that_topic() {
    let dir = tempdir();
    let out = stdout_of(rehearse(&dir).args(["bank", "list", "--json", "--topic", "orm"]));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["topic"] == "orm"));
}

#[test]
fn unknown_filter_values_suggest_the_closest_name() {
    let dir = tempdir();
    rehearse(&dir)
        .args(["bank", "list", "--category", "tecnical"])
        .assert()
        .code(2)
        .stderr(
            "error: unknown category `tecnical` (did you mean `technical`?); \
             use technical, coding, system-design, behavioral or choice\n",
        );
    rehearse(&dir)
        .args(["bank", "list", "--level", "senoir"])
        .assert()
        .code(2)
        .stderr("error: unknown level `senoir` (did you mean `senior`?); use junior, mid, senior or staff\n");
    rehearse(&dir)
        .args(["bank", "list", "--topic", "ormm"])
        .assert()
        .code(2)
        .stderr("error: unknown topic `ormm` (did you mean `orm`?); run `rehearse bank list` to see the topics\n");
}

#[test]
fn show_prints_the_whole_question() {
    let dir = tempdir();
    let bank = fixture("bank-small.json");
    let out = stdout_of(rehearse(&dir).arg("--bank").arg(&bank).args([
        "bank",
        "show",
        "fixture-orm-lazy",
    ]));
    assert!(
        out.starts_with("fixture-orm-lazy\ntechnical · orm · junior, mid · 2 min\n"),
        "{out}"
    );
    for part in [
        "Why is a Django QuerySet called lazy?",
        "Key points",
        "[2] No SQL runs until the QuerySet is evaluated",
        "words: until evaluated · not executed until",
        "Model answer",
        "Hints",
        "Follow-ups",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
}

#[test]
fn show_json_is_the_question_as_written_in_the_bank() {
    let dir = tempdir();
    let bank = fixture("bank-small.json");
    let out = stdout_of(rehearse(&dir).arg("--bank").arg(&bank).args([
        "bank",
        "show",
        "fixture-choice-port",
        "--json",
    ]));
    let q: Value = serde_json::from_str(&out).unwrap();
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&bank).unwrap()).unwrap();
    assert_eq!(q, file["questions"][2]);
    assert_eq!(q["answer"], "8000");
}

#[test]
fn show_unknown_id_suggests_the_closest_one() {
    let dir = tempdir();
    rehearse(&dir)
        .arg("--bank")
        .arg(fixture("bank-small.json"))
        .args(["bank", "show", "fixture-orm-lazzy"])
        .assert()
        .code(1)
        .stderr("error: no question with id `fixture-orm-lazzy` (did you mean `fixture-orm-lazy`?); run `rehearse bank list` to see them\n");
}

#[test]
fn user_bank_replacing_a_built_in_id_warns() {
    let dir = tempdir();
    let listed = stdout_of(rehearse(&dir).args(["bank", "list", "--json"]));
    let rows: Vec<Value> = serde_json::from_str(&listed).unwrap();
    let builtin_id = rows[0]["id"].as_str().unwrap().to_string();
    let mut bank: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("bank-small.json")).unwrap())
            .unwrap();
    bank["questions"][0]["id"] = builtin_id.clone().into();
    let path = dir.path().join("mine.json");
    std::fs::write(&path, serde_json::to_string(&bank).unwrap()).unwrap();

    let output = rehearse(&dir)
        .args(["--bank", "mine.json", "bank", "show", &builtin_id, "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("warning: `mine.json`: question `{builtin_id}` replaces the one loaded earlier\n")
    );
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["prompt"], "Why is a Django QuerySet called lazy?");
}

#[test]
fn validate_accepts_a_good_bank() {
    let dir = tempdir();
    let bank = fixture("bank-small.json");
    rehearse(&dir)
        .args(["bank", "validate"])
        .arg(&bank)
        .assert()
        .success()
        .stdout(format!("ok: `{}` valid\n", bank.display()));
}

/// One fixture per kind of problem; each must be reported with its place and
/// a way to fix it, and exit 1.
#[test]
fn validate_reports_each_problem_with_its_place() {
    let cases = [
        (
            "syntax-error",
            ":4:16: expected `,` or `}`; fix the JSON syntax there",
        ),
        (
            "newer-format",
            ": bank format version 2 is newer than this rehearse reads (1); upgrade rehearse to use it",
        ),
        (
            "missing-format-version",
            ": missing `format_version`; add `\"format_version\": 1`",
        ),
        (
            "duplicate-id",
            ":5: question `dup`: id `dup` is already used (line 4); ids must be unique",
        ),
        (
            "missing-id",
            ":5: question #2 (no `id`): missing field `id`",
        ),
        (
            "unknown-category",
            ":4: question `q1`: field `category`: unknown category `tecnical` (did you mean `technical`?); use one of technical, coding, system-design, behavioral, choice",
        ),
        (
            "unknown-level",
            ":4: question `q1`: field `levels`: unknown level `senoir` (did you mean `senior`?); use junior, mid, senior or staff",
        ),
        (
            "no-key-points",
            ":4: question `q1`: no key points: an open question needs a `rubric` with at least one key point",
        ),
        (
            "weight-not-positive",
            ":4: question `q1`: key point `Point`: weight -1 must be a positive number (1 normal, 2–3 central)",
        ),
        (
            "common-phrasing",
            ":4: question `q1`: key point `Point`: phrasing `the database` is so common (`database`) that it would match almost any answer; put it in a phrase",
        ),
        (
            "short-phrasing",
            ":4: question `q1`: key point `Point`: phrasing `qs` is too short to match reliably; use a longer word or a phrase",
        ),
        (
            "choice-answer-not-an-option",
            ":4: question `q1`: answer `8080` is not among its options (did you mean `8000`?); copy the correct option's text exactly",
        ),
        (
            "time-limit-out-of-range",
            ":4: question `q1`: field `time_limit_s`: 7200 s is outside 20..3600 seconds",
        ),
        (
            "full-marks-out-of-range",
            ":4: question `q1`: field `full_marks_at`: 1.5 is outside 0.2..1; it is the share of the rubric's weight that earns full marks (0.6: any 60% of it)",
        ),
        (
            "control-characters",
            ":4: question `q1`: field `prompt` holds the control character U+001B (shown as `^[`) at character 5; remove it: bank text is printed to terminals, where control characters can clear the screen or run escape sequences",
        ),
        (
            "wrong-type",
            ":4: question `q1`: field `levels`: invalid type: string \"junior\", expected a list `[ … ]`",
        ),
    ];
    let dir = tempdir();
    for (name, message) in cases {
        let path = fixture(&format!("invalid/{name}.json"));
        let output = rehearse(&dir)
            .args(["bank", "validate"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| !l.starts_with("warning:"))
            .collect();
        assert_eq!(
            errors,
            [
                "error: 1 problem found:".to_string(),
                format!("  {}{message}", path.display())
            ],
            "{name}"
        );
    }
}

#[test]
fn validate_reports_every_problem_of_every_file() {
    let dir = tempdir();
    let output = rehearse(&dir)
        .args(["bank", "validate"])
        .arg(fixture("invalid/duplicate-id.json"))
        .arg(fixture("invalid/short-phrasing.json"))
        .arg(fixture("bank-small.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("\nerror: 2 problems found:\n"), "{stderr}");
    assert!(stderr.contains("duplicate-id.json:5:"));
    assert!(stderr.contains("short-phrasing.json:4:"));
}

#[test]
fn validate_names_a_missing_file() {
    let dir = tempdir();
    rehearse(&dir)
        .args(["bank", "validate", "nowhere.json"])
        .assert()
        .code(1)
        .stderr("error: could not read `nowhere.json`: No such file or directory (os error 2)\n");
}

#[test]
fn a_broken_user_bank_stops_other_commands_with_its_problems() {
    let dir = tempdir();
    rehearse(&dir)
        .arg("--bank")
        .arg(fixture("invalid/no-key-points.json"))
        .args(["bank", "list"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no key points"));
}

#[test]
fn usage_errors_exit_2_and_version_prints() {
    let dir = tempdir();
    rehearse(&dir).args(["bank", "frobnicate"]).assert().code(2);
    rehearse(&dir)
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("rehearse {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_are_generated_for_each_shell() {
    let dir = tempdir();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = stdout_of(rehearse(&dir).args(["completions", shell]));
        assert!(out.contains("rehearse"), "{shell}");
        assert!(out.contains("validate"), "{shell}");
    }
}

#[test]
fn color_always_colours_and_no_color_is_honoured() {
    let dir = tempdir();
    let bank = fixture("bank-small.json");
    let coloured = stdout_of(rehearse(&dir).arg("--bank").arg(&bank).args([
        "--color",
        "always",
        "bank",
        "show",
        "fixture-orm-lazy",
    ]));
    assert!(coloured.contains("\x1b[1m"));
    // Output to a pipe is plain under `auto`, and NO_COLOR changes nothing there.
    let plain = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(&bank)
            .args(["bank", "show", "fixture-orm-lazy"])
            .env("NO_COLOR", "1"),
    );
    assert!(!plain.contains('\x1b'));
    let never = stdout_of(rehearse(&dir).arg("--bank").arg(&bank).args([
        "--color",
        "never",
        "bank",
        "show",
        "fixture-orm-lazy",
    ]));
    assert!(!never.contains('\x1b'));
}

/// The README's example bank is valid, and its model answer earns full marks.
#[test]
fn the_readme_example_bank_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("## Question banks").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + section[start..].find("```").unwrap();
    let dir = tempdir();
    let path = dir.path().join("example.toml");
    std::fs::write(&path, &section[start..end]).unwrap();
    let output = rehearse(&dir)
        .args(["bank", "validate"])
        .arg(&path)
        .output()
        .unwrap();
    // Valid; its one warning is about a phrasing that is a denial on purpose.
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bank: toml::Table = toml::from_str(&section[start..end]).unwrap();
    let model = bank["questions"].as_array().unwrap()[0]["model_answer"]
        .as_str()
        .unwrap();
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(&path)
            .args([
                "--track",
                "my-team",
                "score",
                "orm-queryset-lazy",
                "--json",
                "--answer",
                "-",
            ])
            .write_stdin(model),
    );
    let scored: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(scored["score"], 100.0, "{out}");
}

#[test]
fn show_compiled_puts_each_phrasing_beside_what_the_scorer_reads() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["bank", "show", "fixture-orm-lazy", "--compiled"]),
    );
    let start = out.find("Key points").unwrap();
    let end = out.find("Model answer").unwrap();
    assert_eq!(
        &out[start..end],
        "Key points
  [2] No SQL runs until the QuerySet is evaluated
      until evaluated             → until evalu  tight
      not executed until          → execut until  negated, tight
      deferred execution          → defer execut
      only hits the database when → hit databas
  [1] Iteration, len(), list() or slicing with a step evaluate it
      iterate                     → iter
      list()                      → list
      len()                       → len
      slicing                     → slice
  [1] Results are cached on the QuerySet after evaluation
      result cache                → result cach
      cached results              → cach result
      reuses the results          → reus result

Flags
  negated     matches only where the answer negates these words
  tight       the words must stand together, in this order

"
    );
    assert!(out.starts_with("fixture-orm-lazy\n"), "{out}");
    assert!(!out.contains("words: "), "{out}");
}

#[test]
fn show_compiled_json_adds_the_compiled_phrasings_to_the_question() {
    let dir = tempdir();
    let out = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["bank", "show", "fixture-orm-lazy", "--compiled", "--json"]),
    );
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["prompt"], "Why is a Django QuerySet called lazy?");
    let phrasing = &shown["compiled"]["rubric"][0]["phrasings"][1];
    assert_eq!(phrasing["text"], "not executed until");
    assert_eq!(phrasing["words"], serde_json::json!(["executed", "until"]));
    assert_eq!(phrasing["negators"], serde_json::json!(["not"]));
    assert_eq!(phrasing["negated"], true);
    assert_eq!(phrasing["tight"], true);
    assert_eq!(phrasing["echo"], false);
    // Without --compiled the JSON stays the question as written.
    let plain = stdout_of(
        rehearse(&dir)
            .arg("--bank")
            .arg(fixture("bank-small.json"))
            .args(["bank", "show", "fixture-orm-lazy", "--json"]),
    );
    assert!(!plain.contains("\"compiled\""));
}

/// A bank that is valid but whose rubric will not score the way it reads:
/// each warning names the question, the field and a fix, and the file
/// stays valid.
#[test]
fn validate_warns_about_phrasings_that_do_not_score_as_they_read() {
    let dir = tempdir();
    let bank = serde_json::json!({
        "format_version": 1,
        "questions": [{
            "id": "q1",
            "category": "technical",
            "topic": "orm",
            "levels": ["mid"],
            "prompt": "What does select_related do?",
            "time_limit_s": 120,
            "rubric": [
                {"label": "Follows foreign keys in one query", "weight": 1,
                 "phrasings": ["sql join", "selectrelated"], "subject": ["select_related", ""]},
                {"label": "Not for many-to-many", "weight": 1,
                 "phrasings": ["not for many to many", "the cache"]},
                {"label": "Cuts the number of queries", "weight": 1,
                 "phrasings": ["fewer queries"], "subject": ["prefetch", "Prefetch"]}
            ],
            "pitfalls": [
                {"label": "It caches forever", "phrasings": ["caches forever", "never it"]}
            ],
            "model_answer": "It follows foreign keys with a SQL join, in one query, so there are fewer queries."
        }]
    });
    let path = dir.path().join("mine.json");
    std::fs::write(&path, serde_json::to_string_pretty(&bank).unwrap()).unwrap();
    let output = rehearse(&dir)
        .args(["bank", "validate", "mine.json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "ok: `mine.json` valid\n"
    );
    let place = "warning: mine.json:6: question `q1`: field";
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        [
            format!("{place} `rubric[0].subject[1]`: subject name `` has no words, so it names nothing; write the name of what the point is about, or remove it"),
            format!("{place} `rubric[1].phrasings[0]`: phrasing `not for many to many` only matches where the answer negates `many many`; keep it if the point itself is a denial (as `not null` is for a NOT NULL column), otherwise remove `not`"),
            format!("{place} `rubric[1].phrasings[1]`: phrasing `the cache` comes down to the one word `cache`: `the` only has to stand next to it, as it does in most answers that say `cache`; add a word that makes it specific, or write `cache` alone"),
            format!("{place} `rubric[2].subject[1]`: subject name `Prefetch` is listed twice (also `rubric[2].subject[0]`); remove one"),
            format!("{place} `pitfalls[0].phrasings[1]`: phrasing `never it` is left with only function words (`it`), so it matches almost any answer; write the words that state the misconception"),
            format!("{place} `prompt`: the prompt alone scores 33.3: add phrasings that need words the prompt does not use to the points it covers, and drop the ones it matches: `Follows foreign keys in one query` (by `selectrelated`)"),
            String::new(),
        ]
        .join("\n")
    );
}

/// Text from a bank never drives the terminal: a prompt holding escape
/// sequences (clear screen, set the clipboard) is refused with the field
/// named, and nothing of it reaches the output raw.
#[test]
fn control_characters_in_a_bank_never_reach_the_terminal() {
    let dir = tempdir();
    let path = fixture("invalid/control-characters.json");
    for args in [
        vec!["bank", "validate"],
        vec!["bank", "list", "--bank"],
        vec!["bank", "show", "q1", "--bank"],
    ] {
        let output = rehearse(&dir).args(&args).arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let all = [output.stdout, output.stderr].concat();
        assert!(
            !all.contains(&0x1b),
            "{args:?}: {}",
            String::from_utf8_lossy(&all)
        );
        assert!(
            String::from_utf8_lossy(&all)
                .contains("field `prompt` holds the control character U+001B (shown as `^[`)"),
            "{args:?}"
        );
    }
}

/// Every command that reads `--bank FILE` refuses a bad bank with the same
/// message as `bank validate FILE`, and exit 1. Warnings about other things
/// (`bank validate` also prints those) are left out of the comparison.
fn refused_everywhere(dir: &tempfile::TempDir, file: &str, problem: &str) {
    let message = format!("error: 1 problem found:\n  {problem}\n");
    for command in [
        &["bank", "validate", file][..],
        &["--bank", file, "bank", "list"],
        &["--bank", file, "bank", "show", "q1"],
        &["--bank", file, "run", "--seed", "1", "--dry-run"],
    ] {
        let output = rehearse(dir).args(command).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        assert_eq!(String::from_utf8(output.stdout).unwrap(), "", "{command:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let errors: String = stderr
            .split_inclusive('\n')
            .filter(|line| !line.starts_with("warning:"))
            .collect();
        assert_eq!(errors, message, "{command:?}");
    }
}

/// A value of the wrong JSON type around the questions is placed, with
/// what was found, what a bank needs there and how to write it.
#[test]
fn wrong_json_types_around_the_questions_say_what_was_expected() {
    let expected_object = "expected an object `{ … }` with `format_version` and a `questions` list";
    let fix_object = "write the bank as `{\"format_version\": 1, \"questions\": [ … ]}`";
    let cases = [
        (
            "top-level-list",
            format!("1:1: {expected_object}, found a list `[ … ]`; {fix_object}"),
        ),
        (
            "top-level-text",
            format!("1:1: {expected_object}, found the text `\"questions.json\"`; {fix_object}"),
        ),
        (
            "questions-not-a-list",
            "3:16: field `questions`: expected a list `[ … ]` of questions, found an object `{ … }`; \
             write `\"questions\": [{ … }, { … }]` with one object per question"
                .into(),
        ),
        (
            "track-not-text",
            "3:12: field `track`: expected text in quotes, found the number `2`; \
             write it in quotes, e.g. `\"track\": \"my-team\"`"
                .into(),
        ),
        (
            "question-not-an-object",
            "5:5: question #2: expected an object `{ … }` with `id`, `category`, `prompt` and the \
             question's other fields, found the text `\"q2\"`; write each question as `{\"id\": \"…\", …}`"
                .into(),
        ),
    ];
    let dir = tempdir();
    for (name, problem) in cases {
        let path = fixture(&format!("invalid/{name}.json"));
        let path = path.to_str().unwrap();
        refused_everywhere(&dir, path, &format!("{path}:{problem}"));
    }
}

/// A bank saved in Latin-1 holds `é` as the single byte 0xE9, which is not
/// UTF-8: the message points at that byte and says how to save the file.
#[test]
fn a_bank_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("bank-small.json")).unwrap();
    let mut bytes = text
        .replace("called lazy?", "called lazy? Caf~")
        .into_bytes();
    let at = bytes.iter().position(|&b| b == b'~').unwrap();
    bytes[at] = 0xE9;
    std::fs::write(dir.path().join("latin1.json"), bytes).unwrap();
    refused_everywhere(
        &dir,
        "latin1.json",
        &format!(
            "latin1.json:11:59: byte `0xE9` at offset {at} is not UTF-8; save the file with UTF-8 \
             encoding (editors offer it under \"Save as\" or \"Save with encoding\")"
        ),
    );
}

/// Notepad and some other editors start a UTF-8 file with a byte order
/// mark; such a bank loads and validates as if the mark were not there.
#[test]
fn a_byte_order_mark_at_the_start_of_a_bank_is_accepted() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("bank-small.json")).unwrap();
    std::fs::write(dir.path().join("bom.json"), format!("\u{feff}{text}")).unwrap();
    std::fs::write(dir.path().join("plain.json"), &text).unwrap();
    let validate = |name: &str| {
        let output = rehearse(&dir)
            .args(["bank", "validate", name])
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        (stdout.replace(name, "FILE"), stderr.replace(name, "FILE"))
    };
    // Same verdict and warnings, on the same lines.
    assert_eq!(validate("bom.json"), validate("plain.json"));
    let shown = stdout_of(rehearse(&dir).args([
        "--bank",
        "bom.json",
        "bank",
        "show",
        "fixture-orm-lazy",
        "--json",
    ]));
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["prompt"], "Why is a Django QuerySet called lazy?");
    rehearse(&dir)
        .args(["--no-builtin", "--bank", "bom.json"])
        .args(["run", "--seed", "1", "--dry-run"])
        .assert()
        .success()
        .stderr("");
}

/// JSON readers keep the last of two equal keys without a word, so a
/// second `prompt` or a second `questions` list would silently replace the
/// first. rehearse refuses the file, pointing at both.
#[test]
fn a_key_given_twice_in_one_object_is_refused() {
    let cases = [
        (
            "duplicate-key",
            "4:227: key `prompt` is given again in the same object (first at line 4, column 81); \
             keep one of them",
        ),
        (
            "duplicate-questions",
            "6:3: key `questions` is given again in the same object (first at line 3, column 3); \
             keep one of them",
        ),
    ];
    let dir = tempdir();
    for (name, problem) in cases {
        let path = fixture(&format!("invalid/{name}.json"));
        let path = path.to_str().unwrap();
        refused_everywhere(&dir, path, &format!("{path}:{problem}"));
    }
}
