//! A STAR report for reading in a terminal, and as a markdown table.

use super::{PartReport, Report};
use crate::term::{Style, wrap_hanging};
use std::fmt::Write as _;

fn mark(style: &Style, present: bool) -> String {
    if present {
        style.green("✓")
    } else {
        style.red("✗")
    }
}

/// The report for the terminal.
pub fn report(r: &Report, style: &Style) -> String {
    let width = style.width;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!("STAR structure: {}/100", r.score.round()))
    );
    for (name, part) in parts(r) {
        let _ = writeln!(
            out,
            "  {} {:10} {:>4}",
            mark(style, part.present),
            name,
            format!("{:.0}%", part.share * 100.0)
        );
        if let Some(first) = part.spans.first() {
            let quoted = format!("\"{}\"", crate::term::truncate(first, 200));
            out.push_str(&style.dim(&wrap_hanging(&quoted, width, "      ", "       ")));
        }
    }
    let _ = writeln!(
        out,
        "\n  result measured: {} · who acts: {} · one real event: {}",
        yes(r.result_quantified),
        r.first_person.as_str(),
        yes(r.specific_event)
    );
    let _ = writeln!(
        out,
        "  {} words, about {} spoken (aim for 1–3 minutes)",
        r.words,
        crate::term::clock(r.speaking_time_s)
    );
    if !r.suggestions.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Suggestions"));
        for s in &r.suggestions {
            out.push_str(&wrap_hanging(&format!("- {s}"), width, "  ", "    "));
        }
    }
    out
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn parts(r: &Report) -> [(&'static str, &PartReport); 5] {
    [
        ("situation", &r.situation),
        ("task", &r.task),
        ("action", &r.action),
        ("result", &r.result),
        ("lesson", &r.lesson),
    ]
}

/// The STAR table of a transcript (markdown).
pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    out.push_str("| Part | Present | Share |\n|---|:---:|---:|\n");
    for (name, part) in parts(r) {
        let _ = writeln!(
            out,
            "| {name} | {} | {:.0}% |",
            if part.present { "✓" } else { "✗" },
            part.share * 100.0
        );
    }
    let _ = writeln!(
        out,
        "\nStructure {}/100 · result measured: {} · who acts: {} · one real event: {} · {} words, about {} spoken",
        r.score.round(),
        yes(r.result_quantified),
        r.first_person.as_str(),
        yes(r.specific_event),
        r.words,
        crate::term::clock(r.speaking_time_s)
    );
    out
}
