//! The interactive session through a pseudo terminal: the raw-mode editor,
//! its countdown, submitting, and stopping mid-answer. Timeouts are generous;
//! nothing here depends on timing.

use crate::common::{fixture, tempdir};
use expectrl::process::unix::{Signal, WaitStatus};
pub use expectrl::session::OsSession as Session;
use expectrl::{ControlCode, Expect, Regex};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// `rehearse run` on the fixture's one technical question, in a pseudo
/// terminal, at its first question.
fn interview(dir: &Path) -> Session {
    let mut session = spawn(dir, "technical");
    session.expect("Press Enter to begin.").unwrap();
    session.send("\r").unwrap();
    // The live countdown above the answer.
    session.expect("2:40 left · question 1 of 1").unwrap();
    session
}

/// `rehearse run` on the fixture's one question of `category`, just started.
pub fn spawn(dir: &Path, category: &str) -> Session {
    // No follow-up probes: these sessions are about answering one question
    // (the probe tests ask for them).
    spawn_with(
        dir,
        &[
            "--preset",
            "junior",
            "--category",
            category,
            "--seed",
            "1",
            "--no-probes",
        ],
    )
}

/// `rehearse run ARGS` on the fixture bank, past its start screen.
pub fn started(dir: &Path, args: &[&str]) -> Session {
    let mut session = spawn_with(dir, args);
    session.expect("Press Enter to begin.").unwrap();
    session.send("\r").unwrap();
    session
}

/// Goes on past the last answer's feedback without rating it, then waits
/// for the end of the session and checks it ended well.
pub fn finished(mut session: Session) {
    session.expect("How did you do?").unwrap();
    session.send("\r").unwrap();
    ended(session);
}

/// Waits for the end of a session and checks it ended well.
pub fn ended(mut session: Session) {
    session.expect("Interview complete").unwrap();
    session.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&session), 0);
}

/// `rehearse run ARGS` on the fixture bank at the fixture time, just started.
pub fn spawn_with(dir: &Path, args: &[&str]) -> Session {
    let mut session = expectrl::Session::spawn(command(dir, args)).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// The command line of [`spawn_with`], for a terminal of the caller's own.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .env("REHEARSE_FAKE_CLOCK", "2026-03-01T09:00:00Z")
        .env("REHEARSE_DIR", "transcripts")
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir)
        .arg("--no-builtin")
        .arg("--bank")
        .arg(fixture("bank-small.json"))
        .arg("run")
        .args(args);
    cmd
}

fn record(dir: &Path) -> Value {
    let path = dir.join("transcripts/2026-03-01-0900-junior.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn exit_code(session: &Session) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("unexpected end: {other:?}"),
    }
}

#[test]
fn an_answer_typed_in_the_editor_is_submitted_with_a_dot_line() {
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send("It is lazy: nothing is executed until\r").unwrap();
    s.send("you iterate over it. Café ✓ oops").unwrap();
    // Backspace four times removes " oops".
    s.send("\x7f\x7f\x7f\x7f\x7f\r").unwrap();
    s.send(".\r").unwrap();
    s.expect("✓ submitted").unwrap();
    s.expect("fixture-orm-lazy · 75/100").unwrap();
    finished(s);
    let r = record(dir.path());
    assert_eq!(r["status"], "complete");
    assert_eq!(
        r["questions"][0]["answer"],
        "It is lazy: nothing is executed until\nyou iterate over it. Café ✓"
    );
}

#[test]
fn a_paste_of_many_lines_arrives_whole() {
    let dir = tempdir();
    let mut s = interview(dir.path());
    // Bracketed paste: blank lines inside do not end the answer.
    s.send("\x1b[200~line one\n\nline three\x1b[201~").unwrap();
    s.send("\x04").unwrap(); // Ctrl-D submits
    finished(s);
    assert_eq!(
        record(dir.path())["questions"][0]["answer"],
        "line one\n\nline three"
    );
}

#[test]
fn ctrl_c_mid_answer_keeps_what_was_typed() {
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send("half an answer about the result cache").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    s.expect("Continue with: rehearse run --resume 2026-03-01-0900-junior")
        .unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 130);
    let r = record(dir.path());
    assert_eq!(r["status"], "interrupted");
    assert_eq!(r["questions"][0]["state"], "interrupted");
    assert_eq!(
        r["questions"][0]["answer"],
        "half an answer about the result cache"
    );
}

#[test]
fn sigterm_mid_answer_keeps_what_was_typed() {
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send("typed before the signal").unwrap();
    s.expect("typed before the signal").unwrap();
    s.get_process_mut().kill(Signal::SIGTERM).unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 143);
    let r = record(dir.path());
    assert_eq!(r["status"], "interrupted");
    assert_eq!(r["questions"][0]["answer"], "typed before the signal");
}

/// Closing the terminal (SIGHUP) or SIGQUIT keeps the typed text too.
#[test]
fn sighup_and_sigquit_mid_answer_keep_what_was_typed() {
    for (signal, code) in [(Signal::SIGHUP, 129), (Signal::SIGQUIT, 131)] {
        let dir = tempdir();
        let mut s = interview(dir.path());
        s.send("typed before the terminal closed").unwrap();
        s.expect("typed before the terminal closed").unwrap();
        s.get_process_mut().kill(signal).unwrap();
        s.expect(expectrl::Eof).unwrap();
        assert_eq!(exit_code(&s), code, "{signal:?}");
        let r = record(dir.path());
        assert_eq!(r["status"], "interrupted", "{signal:?}");
        assert_eq!(
            r["questions"][0]["answer"], "typed before the terminal closed",
            "{signal:?}"
        );
    }
}

#[test]
fn hint_and_skip_commands_work_in_the_editor() {
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send(":hint\r").unwrap();
    s.expect("hint: When does the database actually get hit?")
        .unwrap();
    s.send(":skip\r").unwrap();
    ended(s);
    let q = &record(dir.path())["questions"][0];
    assert_eq!(q["state"], "skipped");
    assert_eq!(q["hint_used"], true);
}

#[test]
fn enter_typed_before_the_prompt_still_begins() {
    // Keys pressed before the interview reads them reach it through the
    // terminal's line discipline, which turns Enter into a line feed.
    let dir = tempdir();
    let mut s = spawn(dir.path(), "technical");
    s.send("\r").unwrap();
    s.expect("2:40 left · question 1 of 1").unwrap();
    s.send(":quit\r").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 130);
}

#[test]
fn a_choice_is_marked_with_its_letter_and_picked_with_enter() {
    let dir = tempdir();
    let mut s = spawn(dir.path(), "choice");
    s.expect("Press Enter to begin.").unwrap();
    s.send("\r").unwrap();
    s.expect("1:00 left · question 1 of 1").unwrap();
    // The options are shuffled by the seed: read the order off the screen.
    let found = s
        .expect(Regex("(?s)A\\) (\\d+).*?B\\) (\\d+).*?C\\) (\\d+)"))
        .unwrap();
    let shown_on_screen: Vec<&[u8]> = (1..=3).map(|i| found.get(i).unwrap()).collect();
    let at = shown_on_screen.iter().position(|o| *o == b"8000").unwrap();
    let letter = char::from(b'A' + at as u8).to_string();
    s.send("?").unwrap();
    s.expect("hint: It is not a privileged port.").unwrap();
    s.send(format!("{}\r", letter.to_lowercase())).unwrap();
    s.expect(format!("✓ picked {letter}")).unwrap();
    s.expect("hint used (-10 points)").unwrap();
    finished(s);
    let q = &record(dir.path())["questions"][0];
    assert_eq!(q["answer"], "8000");
    assert_eq!(q["state"], "answered");
    assert_eq!(q["hint_used"], true);
    // The hint costs a choice question what it costs an open one.
    assert_eq!(q["score"], 90.0);
    assert_eq!(q["hint_cost"], 10.0);
    let shown: Vec<&str> = q["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    let on_screen: Vec<String> = shown_on_screen
        .iter()
        .map(|o| String::from_utf8(o.to_vec()).unwrap())
        .collect();
    assert_eq!(shown, on_screen, "the record keeps the order shown");
}

#[test]
fn ctrl_c_in_the_choice_menu_saves_and_stops() {
    let dir = tempdir();
    let mut s = spawn(dir.path(), "choice");
    s.expect("Press Enter to begin.").unwrap();
    s.send("\r").unwrap();
    s.expect(Regex("C\\) \\d+")).unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    s.expect("Continue with: rehearse run --resume").unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 130);
    assert_eq!(record(dir.path())["status"], "interrupted");
}

#[test]
fn an_empty_answer_asks_before_skipping() {
    // "n" goes back to the answer, which is then given.
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send(".\r").unwrap();
    s.expect("Skip this question? (y/N)").unwrap();
    s.send("n").unwrap();
    s.expect("question 1 of 1").unwrap();
    s.send("not executed until evaluated\r.\r").unwrap();
    finished(s);
    let r = record(dir.path());
    assert_eq!(r["questions"][0]["state"], "answered");
    assert_eq!(r["questions"][0]["answer"], "not executed until evaluated");

    // "y" skips it.
    let dir = tempdir();
    let mut s = interview(dir.path());
    s.send("\x04").unwrap(); // Ctrl-D on an empty answer
    s.expect("Skip this question? (y/N)").unwrap();
    s.send("y").unwrap();
    ended(s);
    assert_eq!(record(dir.path())["questions"][0]["state"], "skipped");
}

#[test]
fn the_next_question_waits_until_the_feedback_is_read_and_rated() {
    let dir = tempdir();
    let mut s = started(
        dir.path(),
        &[
            "--preset",
            "junior",
            "--category",
            "technical",
            "--category",
            "choice",
            "--seed",
            "1",
            "--no-probes",
        ],
    );
    s.expect("question 1 of 2").unwrap();
    // The choice menu: mark the first option shown, pick it.
    s.send("a").unwrap();
    s.send("\r").unwrap();
    s.expect("How did you do?").unwrap();
    // Nothing of the next question shows until Enter (a short look: a
    // slow machine can only make this pass, never fail).
    s.set_expect_timeout(Some(Duration::from_secs(2)));
    assert!(
        s.expect(Regex("question 2 of 2")).is_err(),
        "the next question started before Enter"
    );
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    // One key rates the answer and goes on.
    s.send("2").unwrap();
    s.expect("partly").unwrap();
    s.expect("question 2 of 2").unwrap();
    s.send("not executed until evaluated\r.\r").unwrap();
    s.expect("How did you do?").unwrap();
    s.send("k").unwrap();
    ended(s);
    let r = record(dir.path());
    assert_eq!(r["questions"][0]["self_rating"], "partly");
    assert_eq!(r["questions"][1]["self_rating"], "knew");
}
