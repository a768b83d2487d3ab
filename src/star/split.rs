//! Cutting an answer into units (clauses, roughly) that each carry at most
//! one part of a story. People type run-ons, bullet lines and headers, often
//! without capitals, so lines, sentence ends and a few clause boundaries all
//! cut.

use regex_lite::Regex;
use std::sync::LazyLock;

/// A header that names the part of what follows it: `Situation:`, `Result -`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    Situation,
    Task,
    Action,
    Result,
    Lesson,
}

/// One unit of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The text, exactly as typed (a substring of the answer).
    pub text: String,
    /// Byte offset in the answer.
    pub start: usize,
    /// The header above it, if the answer uses headers.
    pub header: Option<Header>,
    /// It sits on a bullet line (`- `, `* `, `1.`).
    pub bullet: bool,
    /// Words (split on white space).
    pub words: usize,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(situation|context|background|task|goal|challenge|action|actions|what i did|result|results|outcome|impact|lesson|lessons|learnings?|what i learned|[star])\s*[:\-–—]\s*")
        .expect("constant regex")
});
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+").expect("constant regex"));
/// Where a sentence ends: `.`, `!`, `?` (and runs of them) before white space.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?]+[)\x22']?\s+").expect("constant regex"));
/// Clause boundaries inside a sentence where stories change part: a
/// semicolon, a dash, ", so", ", then", ", but". The `cut` group is what is
/// dropped; words after it (like "in the end", which marks a result) stay
/// with the next clause.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<cut>\s*;\s+|\s+[—–]\s+|,\s+(?:and\s+)?(?:so|then)\s+|,?\s+but\s+|\s+so\s+|,?\s+and\s+)(?P<keep>in\s+the\s+end|now\s+i\b|nobody\b|no\s+one\b|afterwards|after\s+that|eventually|finally|as\s+a\s+result|(?:the|his|her|their|its|our|support|customers|users|sales|everyone|nobody|complaints)\b)?")
        .expect("constant regex")
});
/// "When the provider went down(,) I paused…": the when-clause sets the scene.
static WHEN_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:when|while|after|as soon as|once)\b[^,]{3,}?(?:,\s*|\s+)(?:i|we)\s+\w+ed\b",
    )
    .expect("constant regex")
});
/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "vs.", "etc.", "approx.", "mr.", "mrs.", "dr.", "no.",
];

/// Cuts an answer into units.
pub fn units(answer: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut header = None;
    let mut offset = 0;
    for line in answer.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let mut body = line.trim_end_matches(['\n', '\r']);
        let mut at = line_start;
        let bullet = BULLET.find(body).map(|m| m.end());
        if let Some(end) = bullet {
            at += end;
            body = &body[end..];
        }
        if let Some(m) = HEADER.captures(body) {
            header = Some(header_of(&m[1]));
            let end = m.get(0).map_or(0, |m| m.end());
            at += end;
            body = &body[end..];
        }
        for (start, sentence) in sentences(body) {
            for (s, clause) in clauses(sentence) {
                let trimmed = clause.trim();
                if trimmed.chars().any(char::is_alphanumeric) {
                    let lead = clause.len() - clause.trim_start().len();
                    units.push(Unit {
                        text: trimmed.to_string(),
                        start: at + start + s + lead,
                        header,
                        bullet: bullet.is_some(),
                        words: trimmed.split_whitespace().count(),
                    });
                }
            }
        }
    }
    units
}

fn header_of(name: &str) -> Header {
    match name.to_lowercase().as_str() {
        "situation" | "context" | "background" | "s" => Header::Situation,
        "task" | "goal" | "challenge" | "t" => Header::Task,
        "action" | "actions" | "what i did" | "a" => Header::Action,
        "result" | "results" | "outcome" | "impact" | "r" => Header::Result,
        _ => Header::Lesson,
    }
}

/// Sentences of a line, with their offsets.
fn sentences(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(line) {
        let before = &line[start..m.start() + 1];
        let last_word = before
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        if ABBREVIATIONS.iter().any(|a| last_word.ends_with(a)) {
            continue;
        }
        out.push((start, &line[start..m.end()]));
        start = m.end();
    }
    if start < line.len() {
        out.push((start, &line[start..]));
    }
    out
}

/// Clauses of a sentence, with their offsets inside it.
fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    // "When X went down I paused…": the when-clause is its own unit.
    if let Some(m) = WHEN_CLAUSE.find(sentence) {
        let text = m.as_str();
        let subject = text
            .to_lowercase()
            .rfind(" i ")
            .or_else(|| text.to_lowercase().rfind(" we "))
            .or_else(|| text.to_lowercase().rfind(",i "))
            .unwrap_or(0);
        if subject > 0 {
            out.push((0, &sentence[..subject + 1]));
            start = subject + 1;
        }
    }
    let base = start;
    for c in CLAUSE.captures_iter(&sentence[base..]) {
        let Some(m) = c.name("cut") else { continue };
        // "and" only cuts before a result marker or, after a comma, where
        // someone or something else becomes the subject ("…, and the page
        // was quicker").
        let word = m
            .as_str()
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_lowercase();
        // A bare "so" inside a step usually gives its purpose ("so every PR
        // had to pass"); it only cuts before a consequence for others ("so
        // nobody has to copy…").
        if word == "so" && !m.as_str().starts_with(',') {
            let consequence = c
                .name("keep")
                .is_some_and(|k| k.as_str().to_lowercase().starts_with("no"));
            if !consequence {
                continue;
            }
        }
        if word == "and" {
            let marker = c.name("keep").map(|k| k.as_str().to_lowercase());
            let subject_change = m.as_str().starts_with(',')
                && marker.as_deref().is_some_and(|k| {
                    !k.contains(' ') && !["afterwards", "eventually", "finally"].contains(&k)
                });
            let result_marker = marker.as_deref().is_some_and(|k| {
                k.contains(' ') || ["afterwards", "eventually", "finally"].contains(&k)
            });
            if !subject_change && !result_marker {
                continue;
            }
        }
        let (from, to) = (base + m.start(), base + m.end());
        if from > start {
            out.push((start, &sentence[start..from]));
        }
        start = to;
    }
    if start < sentence.len() {
        out.push((start, &sentence[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(answer: &str) -> Vec<String> {
        units(answer).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn sentences_lines_and_bullets() {
        assert_eq!(
            texts(
                "we were stuck. i rolled back, that bought time! then fixed it\n- wrote a test\n2. shipped"
            ),
            [
                "we were stuck.",
                "i rolled back, that bought time!",
                "then fixed it",
                "wrote a test",
                "shipped"
            ]
        );
    }

    #[test]
    fn clauses_split_where_parts_change() {
        assert_eq!(
            texts("We had to keep the old pages, so we used a strangler approach."),
            [
                "We had to keep the old pages",
                "we used a strangler approach."
            ]
        );
        assert_eq!(
            texts("When our payment provider went down I paused the release."),
            [
                "When our payment provider went down",
                "I paused the release."
            ]
        );
        assert_eq!(
            texts("Tickets stopped — we had 14 before; zero after."),
            ["Tickets stopped", "we had 14 before", "zero after."]
        );
    }

    #[test]
    fn headers_label_what_follows_and_are_not_text() {
        let u = units("Situation: the page was slow.\nResult: it loads in 1s. I learned a lot.");
        assert_eq!(u[0].text, "the page was slow.");
        assert_eq!(u[0].header, Some(Header::Situation));
        assert_eq!(u[1].header, Some(Header::Result));
        assert_eq!(u[2].header, Some(Header::Result));
    }

    #[test]
    fn offsets_point_into_the_answer() {
        let answer = "First line here.\n- second, so third";
        for u in units(answer) {
            assert_eq!(&answer[u.start..u.start + u.text.len()], u.text);
        }
    }

    #[test]
    fn abbreviations_and_decimals_do_not_cut() {
        assert_eq!(
            texts("It took 1.5 s, e.g. for the admin. Done."),
            ["It took 1.5 s, e.g. for the admin.", "Done."]
        );
    }
}
