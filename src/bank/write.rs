//! Writing a bank as TOML, the way the built-in banks are written: one
//! `[[questions]]` table per question, its key points and pitfalls as tables
//! after it, long text as multi-line strings wrapped for reading. Pure: a
//! bank in, text out; `toml` reads it back to the same bank.

use super::model::{BankFile, Question};
use std::fmt::Write as _;

/// The bank as TOML, after `header` (comment lines, each without its `#`).
pub fn toml(bank: &BankFile, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
    if !header.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "format_version = {}", bank.format_version);
    let _ = writeln!(out, "track = {}", basic(&bank.track));
    let _ = writeln!(out, "title = {}", basic(&bank.title));
    for q in &bank.questions {
        out.push('\n');
        question(&mut out, q);
    }
    out
}

fn question(out: &mut String, q: &Question) {
    out.push_str("[[questions]]\n");
    let _ = writeln!(out, "id = {}", basic(&q.id));
    let _ = writeln!(out, "category = {}", basic(q.category.as_str()));
    let _ = writeln!(out, "topic = {}", basic(&q.topic));
    let levels: Vec<&str> = q.levels.iter().map(|l| l.as_str()).collect();
    let _ = writeln!(out, "levels = {}", array(&levels));
    let _ = writeln!(out, "prompt = {}", multiline(&q.prompt));
    let _ = writeln!(out, "time_limit_s = {}", q.time_limit_s);
    if let Some(share) = q.full_marks_at {
        let _ = writeln!(out, "full_marks_at = {share}");
    }
    if q.derived {
        out.push_str("derived = true\n");
    }
    if !q.options.is_empty() {
        let _ = writeln!(out, "options = {}", array(&q.options));
    }
    if let Some(answer) = &q.answer {
        let _ = writeln!(out, "answer = {}", basic(answer));
    }
    let _ = writeln!(out, "model_answer = {}", multiline(&q.model_answer));
    if !q.hints.is_empty() {
        let _ = writeln!(out, "hints = {}", array(&q.hints));
    }
    if !q.follow_ups.is_empty() {
        let _ = writeln!(out, "follow_ups = {}", array(&q.follow_ups));
    }
    for p in &q.rubric {
        out.push_str("\n[[questions.rubric]]\n");
        let _ = writeln!(out, "label = {}", basic(&p.label));
        let _ = writeln!(out, "weight = {}", p.weight);
        if !p.subject.is_empty() {
            let _ = writeln!(out, "subject = {}", array(&p.subject));
        }
        let _ = writeln!(out, "phrasings = {}", array(&p.phrasings));
        if let Some(probe) = &p.probe {
            let _ = writeln!(out, "probe = {}", multiline(probe));
        }
    }
    for p in &q.pitfalls {
        out.push_str("\n[[questions.pitfalls]]\n");
        let _ = writeln!(out, "label = {}", basic(&p.label));
        let _ = writeln!(out, "phrasings = {}", array(&p.phrasings));
        let _ = writeln!(out, "penalty = {}", p.penalty);
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn basic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text, true);
    out.push('"');
    out
}

fn escape_into(out: &mut String, text: &str, newlines: bool) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if newlines => out.push_str("\\n"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// A list of strings: on one line when short, else one item a line.
fn array<S: AsRef<str>>(items: &[S]) -> String {
    let one: Vec<String> = items.iter().map(|i| basic(i.as_ref())).collect();
    let line = format!("[{}]", one.join(", "));
    if line.chars().count() <= 80 {
        return line;
    }
    let mut out = String::from("[\n");
    for item in one {
        let _ = writeln!(out, "  {item},");
    }
    out.push(']');
    out
}

/// A multi-line basic string for long text: prose lines wrapped at about 76
/// columns with line-ending backslashes (TOML drops them, the newline and
/// the next line's indentation), code lines kept as written.
fn multiline(text: &str) -> String {
    if text.chars().count() <= 70 && !text.contains('\n') {
        return basic(text);
    }
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let mut escaped = String::new();
        escape_into(&mut escaped, line, false);
        let prose = !line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  ");
        if prose && escaped.chars().count() > 76 {
            lines.push(wrap(&escaped, 76).join(" \\\n"));
        } else {
            lines.push(escaped);
        }
    }
    format!("\"\"\"\n{}\"\"\"", lines.join("\n"))
}

/// Words of `text` in lines of about `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::model::BankFile;
    use proptest::prelude::*;

    /// Every built-in bank, written again, reads back the same.
    #[test]
    fn built_in_banks_read_back_the_same() {
        for (name, text) in super::super::BUILTIN {
            let bank: BankFile = ::toml::from_str(text).unwrap();
            let written = toml(&bank, &["a comment".into()]);
            let again: BankFile =
                ::toml::from_str(&written).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(again.questions, bank.questions, "{name}");
        }
    }

    proptest! {
        /// Any text, written as a multi-line string, reads back the same.
        #[test]
        fn any_text_reads_back(text in "(\\PC|[\\n\\t \"\\\\]){0,300}") {
            let doc = format!("x = {}\n", multiline(&text));
            let value: ::toml::Table = ::toml::from_str(&doc).map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))?;
            prop_assert_eq!(value["x"].as_str(), Some(text.as_str()));
        }
    }
}
