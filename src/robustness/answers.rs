//! Scripted answer files (`rehearse run --answers FILE`, or piped input):
//! any bytes are read to the end, and every line that is not a separator
//! comes back in an answer, in order.

use super::{bytes, config};
use crate::session::scripted::read_answers;
use proptest::prelude::*;

/// The answers `read_answers` returns for `input`.
fn read(input: &[u8]) -> Vec<String> {
    let mut answers = Vec::new();
    read_answers(input, |answer| {
        answers.push(answer);
        true
    });
    answers
}

/// The input's lines (the whole input read as UTF-8 with U+FFFD for bad
/// bytes, a `\r` before a line break dropped), each either a separator
/// (only `.`, blanks around it allowed) or part of an answer.
fn lines(input: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(input);
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    // A final line break ends the last line; it does not start another.
    if text.is_empty() || text.ends_with('\n') {
        lines.pop();
    }
    lines
}

fn is_separator(line: &str) -> bool {
    line.trim() == "."
}

/// The answers as the format describes them: the lines between separators,
/// and after the last separator, the rest when it holds more than blanks.
fn expected(lines: &[String]) -> Vec<String> {
    let mut answers = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    for line in lines {
        if is_separator(line) {
            answers.push(group.join("\n"));
            group.clear();
        } else {
            group.push(line);
        }
    }
    if group.iter().any(|l| !l.trim().is_empty()) {
        answers.push(group.join("\n"));
    }
    answers
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_line_of_an_answer_file_comes_back_in_order(input in bytes(60)) {
        let answers = read(&input);
        let lines = lines(&input);

        // Nothing typed is lost: every line with text that is not a
        // separator is in an answer, in order, and nothing else is.
        let typed: Vec<&str> = lines
            .iter()
            .filter(|l| !l.trim().is_empty() && !is_separator(l))
            .map(String::as_str)
            .collect();
        let read_back: Vec<&str> = answers
            .iter()
            .flat_map(|a| a.split('\n'))
            .filter(|l| !l.trim().is_empty())
            .collect();
        prop_assert_eq!(read_back, typed);

        // And the answers are split where the format says.
        prop_assert_eq!(answers, expected(&lines));
    }
}

#[test]
fn answers_split_on_lines_holding_only_a_dot() {
    assert_eq!(
        read(b"one\n.\ntwo\r\nlines\r\n .\r\n\n.\nlast"),
        ["one", "two\nlines", "", "last"]
    );
    assert_eq!(read(b"\xffbad\n.\n  \n"), ["\u{fffd}bad"]);
    assert!(read(b"").is_empty());
}
