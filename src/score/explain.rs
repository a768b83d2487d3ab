//! The explanation of a score, for reading in a terminal.

use super::{Match, Note, Scored};
use crate::term::{Style, number, wrap_hanging};
use std::fmt::Write as _;

/// Key points covered and missed, the words that matched, and pitfalls.
/// `phrasings` gives, per key point, the words that would have covered it
/// (shown for missed points); `compact` lists single-word points on one line
/// each for covered and missed (derived rubrics have many such points).
pub fn render(scored: &Scored, phrasings: &[Vec<String>], compact: bool, style: &Style) -> String {
    let width = style.width;
    let mut out = String::new();
    if compact {
        let covered: Vec<String> = scored
            .points
            .iter()
            .filter(|p| p.covered)
            .map(|p| match p.matches.as_slice() {
                [m] if m.synonym || m.similarity < 1.0 => {
                    format!("{} (as \"{}\")", p.label, m.text)
                }
                _ => p.label.clone(),
            })
            .collect();
        let covered: Vec<&str> = covered.iter().map(String::as_str).collect();
        let missed: Vec<&str> = scored
            .points
            .iter()
            .filter(|p| !p.covered)
            .map(|p| p.label.as_str())
            .collect();
        let line = format!("covered: {}", list_or_none(&covered));
        out.push_str(&style.green(&wrap_hanging(&line, width, "  ", "           ")));
        let line = format!("missed:  {}", list_or_none(&missed));
        out.push_str(&style.yellow(&wrap_hanging(&line, width, "  ", "           ")));
    } else {
        for (i, point) in scored.points.iter().enumerate() {
            let mark = if point.covered {
                style.green("✓")
            } else if point.credit > 0.0 {
                style.yellow("~")
            } else {
                style.red("✗")
            };
            let head = format!("[{}] {}", number(point.weight), point.label);
            let body = wrap_hanging(&head, width - 4, "", "      ");
            let _ = write!(out, "  {mark} {body}");
            if let Some(note) = &point.note {
                out.push_str(&style.dim(&wrap_hanging(
                    &why(note, point),
                    width,
                    "      ",
                    "      ",
                )));
            } else if point.covered {
                let words = format!("matched {}", matches(&point.matches));
                out.push_str(&style.dim(&wrap_hanging(&words, width, "      ", "      ")));
            }
            if !point.covered
                && let Some(ways) = phrasings.get(i).filter(|w| !w.is_empty())
            {
                let words = format!(
                    "say in a sentence what it does, e.g. with: {}",
                    ways.join(" · ")
                );
                out.push_str(&style.dim(&wrap_hanging(&words, width, "      ", "      ")));
            }
        }
    }
    for pitfall in scored.pitfalls.iter().filter(|p| p.asserted) {
        let head = format!("[-{}] {}", number(pitfall.penalty), pitfall.label);
        let _ = write!(
            out,
            "  {} {}",
            style.red("!"),
            wrap_hanging(&head, width - 4, "", "      ")
        );
        let words = format!("because of \"{}\"", pitfall.evidence);
        out.push_str(&style.dim(&wrap_hanging(&words, width, "      ", "      ")));
    }
    if let Some(cap) = scored.list_capped_at {
        let note = format!(
            "points named only in bare lists of terms earn at most {}/100 together: \
             put the terms in sentences that say what they do",
            cap.round()
        );
        out.push_str(&style.yellow(&wrap_hanging(&note, width, "  ", "  ")));
    }
    if scored.full_marks_at < 1.0 && !scored.points.is_empty() {
        let note = format!(
            "full marks at {}% of the key points' weight: no answer needs them all",
            (scored.full_marks_at * 100.0).round()
        );
        out.push_str(&style.dim(&wrap_hanging(&note, width, "  ", "  ")));
    }
    out
}

/// Why a point earned less than its words suggest, in a few words (for
/// transcripts).
pub fn short_note(note: &Note) -> String {
    match note {
        Note::Negated { by, .. } => format!("said under negation: \"{}\"", by.join("\", \"")),
        Note::OtherSubject { subject, .. } if subject.is_empty() => {
            "said without naming what it is about".to_string()
        }
        Note::OtherSubject { subject, .. } => format!("said about {subject}"),
        Note::Echo => "only repeats the question's words".to_string(),
        Note::Listed => "only named in a bare list".to_string(),
        Note::Named => "named without saying what it does".to_string(),
        Note::OwnWords => "partly, in other words".to_string(),
    }
}

/// Why a point earned less than its words suggest, in one line.
fn why(note: &Note, point: &super::PointResult) -> String {
    match note {
        Note::Negated { by, evidence } => format!(
            "not earned: \"{evidence}\" is said under negation (by \"{}\")",
            by.join("\", \"")
        ),
        Note::OtherSubject { subject, evidence } if subject.is_empty() => format!(
            "not earned: \"{evidence}\" does not say what it is about; name it in the same sentence"
        ),
        Note::OtherSubject { subject, evidence } => {
            format!("not earned: \"{evidence}\" is said about {subject}")
        }
        Note::Echo | Note::Named => {
            let what = if *note == Note::Echo {
                "repeats the question's words without saying more"
            } else {
                "names it without saying what it does"
            };
            format!(
                "{}% only: {} {what}",
                (point.credit * 100.0).round(),
                matches(&point.matches)
            )
        }
        Note::Listed => format!(
            "named in a bare list: {} (lists count for little together)",
            matches(&point.matches)
        ),
        Note::OwnWords => format!(
            "{}%: said in other words ({}); a statement as exact as the point earns all of it",
            (point.credit * 100.0).round(),
            matches(&point.matches)
        ),
    }
}

fn list_or_none(words: &[&str]) -> String {
    if words.is_empty() {
        "none".into()
    } else {
        words.join(", ")
    }
}

/// `"select related" · "seperate" (0.89, typo) · "lowest" (synonym)`.
fn matches(matches: &[Match]) -> String {
    matches
        .iter()
        .map(|m| {
            let note = if m.synonym {
                " (synonym)".to_string()
            } else if m.similarity < 1.0 {
                format!(" ({:.2}, typo)", m.similarity)
            } else {
                String::new()
            };
            format!("\"{}\"{note}", m.text)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `72/100`, the way scores are shown everywhere.
pub fn out_of_100(score: f64) -> String {
    format!("{}/100", score.round())
}
