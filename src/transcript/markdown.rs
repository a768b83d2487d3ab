//! The markdown transcript of a session: readable on GitHub and as plain
//! text in a terminal. Pure: a record in, a string out.

use super::record::{Asked, Record, State, Status};
use super::words::{hint_note, letter, lettered};
use crate::bank::Category;
use crate::judge::STORY_CONTENT_WEIGHT;
use crate::score::explain::out_of_100;
use crate::term::{clock, number};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Renders a session record as markdown.
pub fn render(record: &Record) -> String {
    render_with(record, &BTreeMap::new())
}

/// Renders a session record as markdown, with the score each question got
/// in an earlier session (`id` → (day, score)) beside the new one. Control
/// characters from the bank or the answers are written as visible notation
/// (`^[`), so that `cat` of a transcript cannot drive the terminal.
pub fn render_with(record: &Record, earlier: &BTreeMap<String, (String, f64)>) -> String {
    let out = render_raw(record, earlier);
    crate::term::visible(&out, true).into_owned()
}

fn render_raw(record: &Record, earlier: &BTreeMap<String, (String, f64)>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Mock interview: {}\n", record.preset);
    let _ = writeln!(out, "- Started: {}", readable_time(&record.started_at));
    if let Some(original) = &record.retry_of {
        let _ = writeln!(out, "- Retry of: `{original}`");
    }
    let done = record
        .questions
        .iter()
        .filter(|q| !q.state.is_open())
        .count();
    let _ = writeln!(
        out,
        "- Questions: {} of {} done · seed {}{}",
        done,
        record.questions.len(),
        record.seed,
        if record.timer {
            if record.strict_time {
                " · strict time"
            } else {
                ""
            }
        } else {
            " · no timer"
        }
    );
    match record.status {
        Status::Complete => {
            let _ = writeln!(out, "- Status: complete");
        }
        Status::Interrupted => {
            let _ = writeln!(
                out,
                "- Status: **interrupted**; continue with `rehearse run --resume {}`",
                record.id
            );
        }
    }
    if let Some(summary) = &record.summary {
        match record.status {
            Status::Complete => {
                let _ = writeln!(
                    out,
                    "- Result: **{}** · {}",
                    out_of_100(summary.overall),
                    summary.verdict.phrase(&record.preset)
                );
            }
            Status::Interrupted => {
                let _ = writeln!(
                    out,
                    "- So far: **{}** on {} of {} questions · {}",
                    out_of_100(summary.overall),
                    done,
                    record.questions.len(),
                    crate::transcript::NO_VERDICT
                );
            }
        }
        let probes = crate::probe::Tally::of(&record.questions);
        if probes.asked > 0 {
            let _ = writeln!(out, "- Follow-ups: {}", probes.line());
        }
        out.push_str("\n## Summary\n\n");
        out.push_str("| Category | Questions | Answered | Mean |\n|---|---:|---:|---:|\n");
        for c in &summary.categories {
            let mean = if c.done == 0 {
                "–".to_string()
            } else {
                c.mean.round().to_string()
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {mean} |",
                c.category, c.asked, c.answered
            );
        }
        let asked: usize = summary.categories.iter().map(|c| c.asked).sum();
        let answered: usize = summary.categories.iter().map(|c| c.answered).sum();
        let _ = writeln!(
            out,
            "| **overall** | {asked} | {answered} | **{}** |",
            summary.overall.round()
        );
    }
    for (i, q) in record.questions.iter().enumerate() {
        out.push('\n');
        question(&mut out, i + 1, q, earlier.get(&q.id));
    }
    out
}

fn question(out: &mut String, n: usize, q: &Asked, earlier: Option<&(String, f64)>) {
    let _ = writeln!(out, "## {n}. {}\n", q.id);
    let mut facts = vec![format!("{} · {}", q.category, q.topic)];
    match q.state {
        State::Pending => facts.push(format!("limit {}", clock(q.time_limit_s))),
        _ => facts.push(format!(
            "{} of {}",
            clock(q.time_used_s),
            clock(q.time_limit_s)
        )),
    }
    if q.overtime_s > 0 {
        facts.push(format!("overtime +{}", clock(q.overtime_s)));
    }
    if q.cut_at_deadline {
        facts.push("cut at the deadline".into());
    }
    if let Some(note) = hint_note(q) {
        facts.push(note);
    }
    let _ = writeln!(out, "*{}*\n", facts.join(" · "));
    quote(out, &q.prompt);
    out.push('\n');
    // The options with the letters they were shown under.
    if q.category == Category::Choice && !q.options.is_empty() {
        for (i, option) in q.options.iter().enumerate() {
            let _ = writeln!(out, "- {}) {option}", letter(i));
        }
        out.push('\n');
    }
    match q.state {
        State::Pending => {
            out.push_str("Not asked yet.\n");
            return;
        }
        State::Skipped if !q.answer.trim().is_empty() => {
            out.push_str("**Skipped.** What was typed before skipping (not scored):\n\n");
            fenced(out, &q.answer);
        }
        State::Skipped => out.push_str("**Skipped.**\n"),
        State::Unanswered => out.push_str("**No answer was given.**\n"),
        State::Interrupted => {
            out.push_str("**Interrupted while answering.** What was typed so far:\n\n");
            fenced(out, &q.answer);
        }
        State::Answered => {
            out.push_str("**Answer**\n\n");
            if q.category == Category::Choice {
                let right = q.correct.as_deref() == Some(q.answer.as_str());
                let mark = if right { "✓" } else { "✗" };
                if q.answer.contains('\n') && q.letter_of(&q.answer).is_none() {
                    // A scripted answer that names no option can run over
                    // several lines; fenced like any typed answer, none of
                    // them can pass for a heading or a score.
                    let _ = writeln!(out, "{mark} not one of the options:\n");
                    fenced(out, &q.answer);
                } else {
                    let _ = writeln!(out, "{mark} {}", inline(&lettered(q, &q.answer)));
                }
            } else {
                fenced(out, &q.answer);
            }
        }
    }
    if let Some(score) = q.score {
        let before = earlier
            .map(|(day, s)| format!(" (earlier: {} on {day})", out_of_100(*s)))
            .unwrap_or_default();
        let _ = writeln!(out, "\n**Score: {}**{before}", out_of_100(score));
        if let Some(rating) = q.self_rating {
            let _ = writeln!(out, "\nSelf-rating: {}", rating.as_str());
        }
    }
    let covered: Vec<_> = q.points.iter().filter(|p| p.covered).collect();
    let missed: Vec<_> = q.points.iter().filter(|p| !p.covered).collect();
    if !covered.is_empty() {
        out.push_str("\nCovered:\n\n");
        for p in covered {
            let words: Vec<String> = p
                .matches
                .iter()
                .map(|m| format!("\"{}\"", inline(&m.text)))
                .collect();
            let _ = writeln!(
                out,
                "- ✓ [{}] {} ({})",
                number(p.weight),
                p.label,
                words.join(", ")
            );
        }
    }
    if !missed.is_empty() {
        out.push_str("\nMissed:\n\n");
        for p in missed {
            let why = p
                .note
                .as_ref()
                .map(|n| format!(" ({})", on_one_line(&crate::score::explain::short_note(n))))
                .unwrap_or_default();
            let (mark, recovered) = match &p.recovered {
                Some(r) => {
                    let words: Vec<String> = r
                        .matches
                        .iter()
                        .map(|m| format!("\"{}\"", inline(&m.text)))
                        .collect();
                    (
                        "↺",
                        format!(
                            " (recovered on the follow-up: {}; {}% of the point)",
                            words.join(", "),
                            number((p.credit * 100.0).round())
                        ),
                    )
                }
                None => ("✗", String::new()),
            };
            let _ = writeln!(
                out,
                "- {mark} [{}] {}{why}{recovered}",
                number(p.weight),
                p.label
            );
        }
    }
    for (k, probe) in q.probes.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n**Follow-up {}** ({}; {} of {}): {}\n",
            k + 1,
            inline(&super::words::probe_outcome(probe)),
            clock(probe.time_used_s),
            clock(probe.time_limit_s),
            inline(&probe.prompt)
        );
        if probe.answer.trim().is_empty() {
            out.push_str("_(no answer)_\n");
        } else {
            fenced(out, &probe.answer);
        }
    }
    let asserted: Vec<_> = q.pitfalls.iter().filter(|p| p.asserted).collect();
    if !asserted.is_empty() {
        out.push_str("\nPitfalls:\n\n");
        for p in asserted {
            let _ = writeln!(
                out,
                "- ! [-{}] {} (\"{}\")",
                number(p.penalty),
                p.label,
                inline(&p.evidence)
            );
        }
    }
    if let Some(star) = &q.star {
        let content = q.content_score.unwrap_or(0.0);
        let _ = writeln!(
            out,
            "\n**STAR structure** (score = {:.0}% content {} + {:.0}% structure {})\n",
            STORY_CONTENT_WEIGHT * 100.0,
            content.round(),
            (1.0 - STORY_CONTENT_WEIGHT) * 100.0,
            star.score.round()
        );
        out.push_str(&crate::star::render::markdown(star));
        if !star.suggestions.is_empty() {
            out.push_str("\nSuggestions:\n\n");
            for suggestion in &star.suggestions {
                let _ = writeln!(out, "- {suggestion}");
            }
        }
    }
    if q.category == Category::Choice
        && let Some(correct) = &q.correct
    {
        let _ = writeln!(out, "\nCorrect option: {}", lettered(q, correct));
    }
    if !q.model_answer.is_empty() {
        out.push_str("\n**Model answer**\n\n");
        if q.model_answer.contains("\n    ") || q.model_answer.contains("\n\t") {
            fenced(out, &q.model_answer);
        } else {
            quote(out, &q.model_answer);
        }
    }
}

/// Words quoted from an answer within a line of the transcript, kept on
/// that line: a line break typed between them becomes a space, so what
/// follows it cannot start a heading or a list item of its own.
fn on_one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.lines().map(str::trim).collect::<Vec<_>>().join(" "))
}

/// A block quote, line by line.
fn quote(out: &mut String, text: &str) {
    for line in text.trim_end().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
}

/// Answer text inside a line of the transcript: on one line, with the
/// characters that would start emphasis, code, links or HTML escaped, so
/// that nothing typed can add structure (a heading, a fake score line) or
/// restyle what rehearse wrote.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let last = word.chars().count().saturating_sub(1);
        for (i, c) in word.chars().enumerate() {
            // `_` only at a word's edge: inside `select_related` it is plain.
            let edge_underscore = c == '_' && (i == 0 || i == last);
            if edge_underscore
                || matches!(
                    c,
                    '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A fenced block whose fence is longer than any run of backticks inside, so
/// nothing typed can end it early or turn into markdown.
fn fenced(out: &mut String, text: &str) {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = text.trim_end_matches('\n');
    let _ = writeln!(out, "{fence}text\n{body}\n{fence}");
}

/// `2026-03-01T09:00:00Z` as `2026-03-01 09:00 UTC`.
fn readable_time(rfc3339: &str) -> String {
    match rfc3339.parse::<jiff::Timestamp>() {
        Ok(t) => t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        Err(_) => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outgrow_the_backticks_inside() {
        let mut out = String::new();
        fenced(&mut out, "use ```code``` here\n# not a heading");
        assert_eq!(
            out,
            "````text\nuse ```code``` here\n# not a heading\n````\n"
        );
        let mut out = String::new();
        fenced(&mut out, "plain");
        assert_eq!(out, "```text\nplain\n```\n");
    }

    #[test]
    fn control_characters_are_written_visibly() {
        let text = include_str!("../../tests/fixtures/records/2026-01-10-1800-mid.json");
        let mut record: Record = serde_json::from_str(text).unwrap();
        record.questions[0].prompt.push_str(" \u{1b}]0;owned\u{7}");
        record.questions[1].answer = "clear \u{1b}[2J\nnext line".into();
        let markdown = render(&record);
        assert!(!markdown.contains('\u{1b}') && !markdown.contains('\u{7}'));
        assert!(markdown.contains("^[]0;owned^G"));
        assert!(markdown.contains("clear ^[[2J\nnext line"));
    }

    #[test]
    fn no_answer_can_forge_a_heading_or_a_score() {
        let text = include_str!("../../tests/fixtures/records/2026-01-10-1800-mid.json");
        let mut record: Record = serde_json::from_str(text).unwrap();
        let forged = "x\n## 9. fake-question\n\n**Score: 100/100**\n```\n";
        let clean = render(&record);
        // A free-text choice answer, a pitfall's quote, a matched phrase and
        // an answer with an unbalanced fence.
        record.questions[0].answer = forged.into();
        for q in &mut record.questions {
            for p in &mut q.pitfalls {
                p.evidence = forged.into();
            }
            for p in &mut q.points {
                for m in &mut p.matches {
                    m.text = forged.into();
                }
            }
        }
        record.questions[1].answer = format!("{forged}{forged}````");
        let markdown = render(&record);
        // Lines outside fenced blocks (a fence closes on a line of at least
        // as many backticks and nothing else) that start with `start`.
        let count = |md: &str, start: &str| {
            let mut fence = None;
            let mut n = 0;
            for line in md.lines() {
                let ticks = line.len() - line.trim_start_matches('`').len();
                match fence {
                    None if ticks >= 3 => fence = Some(ticks),
                    Some(open) if ticks >= open && line.len() == ticks => fence = None,
                    None if line.starts_with(start) => n += 1,
                    _ => {}
                }
            }
            n
        };
        assert_eq!(count(&markdown, "## "), count(&clean, "## "), "{markdown}");
        assert_eq!(
            count(&markdown, "**Score"),
            count(&clean, "**Score"),
            "{markdown}"
        );
        // The long answer's fence outgrows its four backticks.
        assert!(
            markdown.contains("`````text\nx\n## 9. fake-question"),
            "{markdown}"
        );
    }

    #[test]
    fn words_quoted_from_an_answer_stay_on_their_line() {
        let text = include_str!("../../tests/fixtures/records/2026-01-25-0900-junior.json");
        let mut record: Record = serde_json::from_str(text).unwrap();
        let bank = crate::bank::Bank::load(&[], true).unwrap();
        let at = record
            .questions
            .iter()
            .position(|q| q.id == "tooling-git-team-workflow")
            .unwrap();
        let question = bank.get("tooling-git-team-workflow").unwrap();
        let answer = "I rebase my branch to keep a linear\n## history of my own".to_string();
        crate::session::judge(&mut record.questions[at], question, answer);
        let markdown = render(&record);
        assert!(
            markdown.contains("for a linear history, rewriting it (\"linear \\#\\# history\")\n"),
            "{markdown}"
        );
        assert!(
            !markdown.lines().any(|l| l == "## history\")"),
            "{markdown}"
        );
    }

    #[test]
    fn answer_text_in_a_line_cannot_start_structure() {
        let forged = "ok\n## 2. fake\n\n**Score: 100/100**\n```";
        let line = inline(forged);
        assert!(!line.contains('\n'));
        assert_eq!(
            line,
            "ok \\#\\# 2. fake \\*\\*Score: 100/100\\*\\* \\`\\`\\`"
        );
    }

    #[test]
    fn quotes_keep_blank_lines() {
        let mut out = String::new();
        quote(&mut out, "a\n\nb");
        assert_eq!(out, "> a\n>\n> b\n");
    }
}
