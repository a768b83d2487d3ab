//! The explanation of a score, for reading in a terminal.

use super::{Match, Scored};
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
            } else {
                style.red("✗")
            };
            let head = format!("[{}] {}", number(point.weight), point.label);
            let body = wrap_hanging(&head, width - 4, "", "      ");
            let _ = write!(out, "  {mark} {body}");
            if point.covered {
                let words = format!("matched {}", matches(&point.matches));
                out.push_str(&style.dim(&wrap_hanging(&words, width, "      ", "      ")));
            } else if let Some(ways) = phrasings.get(i).filter(|w| !w.is_empty()) {
                let words = format!("say it with: {}", ways.join(" · "));
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
    if scored.full_marks_at < 1.0 && !scored.points.is_empty() {
        let note = format!(
            "full marks at {}% of the key points' weight: no answer needs them all",
            (scored.full_marks_at * 100.0).round()
        );
        out.push_str(&style.dim(&wrap_hanging(&note, width, "  ", "  ")));
    }
    out
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
