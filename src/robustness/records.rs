//! Session records in the transcript folder: any file loads or is skipped
//! with a warning naming it; every record that loads can be shown (markdown
//! transcript, `review show` in a terminal), counted (`review stats`,
//! `review export`, the schedule); and an answer's text stays inside its
//! fenced block, whatever it holds.

use super::{PIECES, assert_no_control, bytes, config, edit, mutated, mutation};
use crate::bank::{Bank, Category, Question};
use crate::review::{Sessions, export, pretty, schedule, stats};
use crate::term::{Style, visible};
use crate::transcript::markdown;
use crate::transcript::record::{Record, State};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// Real records (two with every kind of question, one interrupted, one in
/// an older format), each with its file name.
const RECORDS: &[(&str, &str)] = &[
    (
        "2025-12-01-1000-junior",
        include_str!("../../tests/fixtures/records/2025-12-01-1000-junior.json"),
    ),
    (
        "2026-01-10-1800-mid",
        include_str!("../../tests/fixtures/records/2026-01-10-1800-mid.json"),
    ),
    (
        "2026-01-20-1800-mid",
        include_str!("../../tests/fixtures/records/2026-01-20-1800-mid.json"),
    ),
    (
        "2026-01-25-0900-junior",
        include_str!("../../tests/fixtures/records/2026-01-25-0900-junior.json"),
    ),
];

/// 2026-03-01 09:00 UTC, the "now" of `review stats`.
const NOW: i64 = 1_772_355_600;

fn builtin() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| Bank::load(&[], true).expect("the built-in bank loads"))
}

/// Writes `files` (name without `.json`, content) into a fresh folder and
/// reads it as every `review` command does, then uses the records that
/// loaded as they do; `shown` names the file whose record is also shown.
fn load_and_use(files: &[(&str, &[u8])], shown: &str) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, content) in files {
        std::fs::write(dir.path().join(format!("{name}.json")), content)
            .expect("the temporary folder is writable");
    }
    let sessions = Sessions::load(dir.path());
    prop_assert_eq!(
        sessions.records.len() + sessions.warnings.len(),
        files.len()
    );
    for warning in &sessions.warnings {
        prop_assert!(
            files
                .iter()
                .any(|(name, _)| warning.contains(&format!("{name}.json"))),
            "the warning names no file: {}",
            warning
        );
        // Raw text in a warning is made visible when it is printed
        // (`commands::warn`), like every message.
    }
    for record in sessions.records.iter().filter(|r| r.id == shown) {
        let text = markdown::render_with(record, &sessions.earlier_scores(record));
        assert_no_control("a transcript", &text);
        pretty::render(&text, &Style::plain(80));
        let which = sessions.find(dir.path(), &record.id);
        prop_assert!(which.is_ok(), "{:?}", which.err());
        crate::review::progress(record);
    }
    stats::compute(&sessions.records, &[], NOW, &jiff::tz::TimeZone::UTC);
    export::csv(&export::rows(&sessions.records));
    for attempts in schedule::attempts(&sessions.records).values() {
        if let Some(card) = schedule::card(attempts) {
            card.is_due(NOW);
        }
    }
    Ok(())
}

/// A line that opens or closes a fenced code block, as CommonMark reads
/// it: up to three spaces, then three or more backticks or tildes.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = rest.len() - rest.trim_start_matches(c).len();
    (n >= 3).then(|| (c, n, &rest[n..]))
}

/// A markdown document split as CommonMark reads its fenced code blocks.
struct Blocks<'a> {
    /// The lines outside every fenced block.
    outside: Vec<&'a str>,
    /// The text inside each fenced block.
    inside: Vec<String>,
    /// Whether the document ends inside a block (one never closed).
    unclosed: bool,
}

fn blocks(markdown: &str) -> Blocks<'_> {
    let mut out = Blocks {
        outside: Vec::new(),
        inside: Vec::new(),
        unclosed: false,
    };
    let mut open: Option<(char, usize, Vec<&str>)> = None;
    for line in markdown.lines() {
        match &mut open {
            None => match fence(line) {
                Some((c, n, info)) if !(c == '`' && info.contains('`')) => {
                    open = Some((c, n, Vec::new()));
                }
                _ => out.outside.push(line),
            },
            Some((c, n, body)) => match fence(line) {
                Some((d, m, rest)) if d == *c && m >= *n && rest.trim().is_empty() => {
                    out.inside.push(body.join("\n"));
                    open = None;
                }
                _ => body.push(line),
            },
        }
    }
    out.unclosed = open.is_some();
    out
}

/// Words an answer to `q` might use, so that generated answers cover key
/// points and state pitfalls, with whatever is around them.
fn vocabulary(q: &Question) -> Vec<String> {
    let mut words: Vec<String> = q.model_answer.split(' ').map(str::to_string).collect();
    for phrasing in q
        .rubric
        .iter()
        .flat_map(|p| &p.phrasings)
        .chain(q.pitfalls.iter().flat_map(|p| &p.phrasings))
    {
        words.push(phrasing.clone());
        words.extend(phrasing.split(' ').map(str::to_string));
    }
    words.extend(q.options.iter().cloned());
    words.extend(["a", "B", "2", "I", "we", "result", "because"].map(String::from));
    words
}

/// A generated answer to `q`: pieces of markdown and control text, the
/// question's own words, and random text.
fn answer_to(q: Option<&Question>, parts: &[(u8, usize, String)]) -> String {
    let words = q.map(vocabulary).unwrap_or_default();
    let mut out = String::new();
    for (kind, at, random) in parts {
        match kind {
            0 if !words.is_empty() => {
                out.push(' ');
                out.push_str(&words[at % words.len()]);
            }
            1 => out.push_str(&String::from_utf8_lossy(PIECES[at % PIECES.len()])),
            _ => out.push_str(random),
        }
    }
    out
}

/// How the lines of a transcript outside its fenced blocks begin.
const OPENINGS: &[&str] = &[
    "# Mock interview: ",
    "## ",
    "- ",
    "*",
    "> ",
    ">",
    "| ",
    "|---",
    "✓ ",
    "✗ ",
    "Covered:",
    "Missed:",
    "Pitfalls:",
    "Suggestions:",
    "Structure ",
    "Correct option: ",
    "Not asked yet.",
];

/// The list items a transcript of `record` holds: the facts at the top, and
/// per question its options, key points, pitfalls and suggestions.
fn list_items(record: &Record) -> usize {
    let top = 3 + usize::from(record.retry_of.is_some()) + usize::from(record.summary.is_some());
    let questions: usize = record
        .questions
        .iter()
        .map(|q| {
            let options = if q.category == Category::Choice {
                q.options.len()
            } else {
                0
            };
            if q.state == State::Pending {
                return options;
            }
            let pitfalls = q.pitfalls.iter().filter(|p| p.asserted).count();
            let suggestions = q.star.as_ref().map_or(0, |s| s.suggestions.len());
            options + q.points.len() + pitfalls + suggestions
        })
        .sum();
    top + questions
}

/// How an answer ends up in the record, as the interview stores it.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Answered,
    Skipped,
    Interrupted,
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        3 => Just(Outcome::Answered),
        1 => Just(Outcome::Skipped),
        1 => Just(Outcome::Interrupted),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_as_a_record_load_or_are_skipped_with_a_warning(input in bytes(40)) {
        load_and_use(&[("2026-03-01-0900-mid", &input)], "2026-03-01-0900-mid")?;
    }

    #[test]
    fn nearly_right_records_load_or_are_skipped_and_show(
        base in 0..RECORDS.len(),
        mutations in prop::collection::vec(mutation(), 0..5),
        edits in prop::collection::vec(edit(), 0..2),
        pretty in any::<bool>(),
    ) {
        let value: Value = serde_json::from_str(RECORDS[base].1).expect("a fixture record is JSON");
        let (_, text) = mutated(value, &mutations, &edits, pretty);
        let mut files: Vec<(&str, &[u8])> = RECORDS
            .iter()
            .map(|(name, text)| (*name, text.as_bytes()))
            .collect();
        files[base].1 = &text;
        load_and_use(&files, RECORDS[base].0)?;
    }

    #[test]
    fn an_answer_never_opens_or_closes_structure_in_a_transcript(
        base in 0..RECORDS.len(),
        at in any::<usize>(),
        outcome in outcome(),
        hint_used in any::<bool>(),
        parts in prop::collection::vec((0u8..3, any::<usize>(), ".{0,6}"), 0..40),
    ) {
        let mut record: Record =
            serde_json::from_str(RECORDS[base].1).expect("a fixture record loads");
        let i = at % record.questions.len();
        let asked = &mut record.questions[i];
        let question = builtin().find(&asked.id);
        let text = answer_to(question, &parts);
        asked.hint_used = hint_used;
        // Each outcome stored the way the interview stores it.
        match (outcome, question) {
            (Outcome::Answered, question) => {
                let text = if asked.category == Category::Choice {
                    crate::session::scripted::pick_option(&asked.options, &text)
                } else {
                    text
                };
                match question {
                    Some(question) => crate::session::judge(asked, question, text),
                    // A question no longer in the bank: its record stays.
                    None => {
                        asked.state = State::Answered;
                        asked.answer = text;
                    }
                }
            }
            (Outcome::Skipped, _) => crate::session::skip(asked, &text),
            (Outcome::Interrupted, _) => crate::session::keep_partial(asked, text, hint_used),
        }
        let asked = &record.questions[i];

        let text = markdown::render(&record);
        assert_no_control("a transcript", &text);
        let blocks = blocks(&text);
        prop_assert!(!blocks.unclosed, "a fence is left open:\n{}", text);

        // Headings and scores outside the fenced blocks are rehearse's own.
        let mut headings = vec![format!("# Mock interview: {}", record.preset)];
        if record.summary.is_some() {
            headings.push("## Summary".into());
        }
        for (n, q) in record.questions.iter().enumerate() {
            headings.push(format!("## {}. {}", n + 1, q.id));
        }
        let found: Vec<&str> = blocks
            .outside
            .iter()
            .copied()
            .filter(|l| l.trim_start().starts_with('#'))
            .collect();
        prop_assert_eq!(found, headings, "\n{}", text);
        let scores = blocks
            .outside
            .iter()
            .filter(|l| l.trim_start().starts_with("**Score:"))
            .count();
        let scored = record.questions.iter().filter(|q| q.score.is_some()).count();
        prop_assert_eq!(scores, scored, "\n{}", text);
        // Every other line outside them is one rehearse writes, and the
        // list items are rehearse's: no line of an answer, nor of words
        // quoted from it, starts a line of its own.
        for line in &blocks.outside {
            prop_assert!(
                line.is_empty() || OPENINGS.iter().any(|o| line.starts_with(o)),
                "{:?} is not a line rehearse writes:\n{}",
                line,
                text
            );
        }
        let items = blocks.outside.iter().filter(|l| l.starts_with("- ")).count();
        prop_assert_eq!(items, list_items(&record), "\n{}", text);

        // The answer is one fenced block, whole, unless it names an option
        // on one line.
        let shown = visible(&asked.answer, true);
        let shown = shown.trim_end_matches('\n');
        let one_line_choice = asked.category == Category::Choice && !shown.contains('\n');
        let fenced = match asked.state {
            State::Answered => !one_line_choice,
            State::Skipped => !asked.answer.trim().is_empty(),
            State::Interrupted => true,
            State::Pending | State::Unanswered => false,
        };
        if fenced {
            prop_assert!(
                blocks.inside.iter().any(|b| b == shown),
                "the answer {:?} is not one fenced block:\n{}",
                shown,
                text
            );
        }

        // `review show` in a terminal keeps every fenced block as code.
        let terminal = pretty::render(&text, &Style::plain(80));
        for block in &blocks.inside {
            let code: Vec<String> = block.split('\n').map(|l| format!("    {l}")).collect();
            let code = format!("{}\n", code.join("\n"));
            prop_assert!(terminal.contains(&code), "{:?} is not shown as code:\n{}", block, terminal);
        }
    }
}

#[test]
fn fenced_blocks_are_read_as_commonmark_reads_them() {
    let b = blocks("a\n````text\n```\n## x\n```\n````\n  ~~~\nb\n~~~~\n# c");
    assert_eq!(b.outside, ["a", "# c"]);
    assert_eq!(b.inside, ["```\n## x\n```", "b"]);
    assert!(!b.unclosed);
    assert!(blocks("```text\nnever closed").unclosed);
}
