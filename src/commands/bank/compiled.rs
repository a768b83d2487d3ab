//! `bank show --compiled`: each phrasing beside what the scorer makes of it.

use crate::bank::compiled::{CompiledPhrasing, CompiledQuestion};
use crate::term::Style;
use std::fmt::Write as _;

/// Widest phrasing column before the compiled form moves to its own line.
const MAX_COLUMN: usize = 28;

/// What each flag means, in the order they are printed.
const FLAGS: [(&str, &str); 4] = [
    (
        "negated",
        "matches only where the answer negates these words",
    ),
    ("tight", "the words must stand together, in this order"),
    (
        "identifier",
        "must be written as one identifier (`on_delete`), not as loose words",
    ),
    (
        "echo",
        "made only of the prompt's words: earns a quarter of the point where the answer's sentence only repeats the question",
    ),
];

/// The flags a phrasing carries, by name.
pub fn flags(p: &CompiledPhrasing) -> Vec<&'static str> {
    let set = [p.negated, p.tight, p.identifier, p.echo];
    FLAGS
        .iter()
        .zip(set)
        .filter(|(_, on)| *on)
        .map(|((name, _), _)| *name)
        .collect()
}

/// Column the compiled forms start at, after a question's phrasings.
pub fn column(compiled: &CompiledQuestion) -> usize {
    let points = compiled.rubric.iter().flat_map(|p| &p.phrasings);
    let pitfalls = compiled.pitfalls.iter().flat_map(|p| &p.phrasings);
    points
        .chain(pitfalls)
        .map(|p| p.text.chars().count())
        .filter(|&n| n <= MAX_COLUMN)
        .max()
        .unwrap_or(0)
}

/// One line per phrasing: `text → stems  flags`, indented by `indent`.
pub fn phrasings(
    out: &mut String,
    list: &[CompiledPhrasing],
    indent: &str,
    column: usize,
    style: &Style,
) {
    for p in list {
        let stems = if p.stems.is_empty() {
            "(no words: it never matches)".to_string()
        } else {
            p.stems.join(" ")
        };
        let flags = flags(p).join(", ");
        let compiled = if flags.is_empty() {
            stems
        } else {
            format!("{stems}  {}", style.dim(&flags))
        };
        let width = p.text.chars().count();
        if width <= column {
            let pad = " ".repeat(column - width);
            let _ = writeln!(out, "{indent}{}{pad} {} {compiled}", p.text, style.dim("→"));
        } else {
            // A long phrasing gets its own line; its compiled form goes
            // under it, at the column the others use.
            let _ = writeln!(out, "{indent}{}", p.text);
            let pad = " ".repeat(column);
            let _ = writeln!(out, "{indent}{pad} {} {compiled}", style.dim("→"));
        }
    }
}

/// The meaning of each flag used in the question, or nothing when none is.
pub fn legend(compiled: &CompiledQuestion, style: &Style) -> String {
    let all: Vec<&CompiledPhrasing> = compiled
        .rubric
        .iter()
        .flat_map(|p| &p.phrasings)
        .chain(compiled.pitfalls.iter().flat_map(|p| &p.phrasings))
        .collect();
    let mut out = String::new();
    for (name, meaning) in FLAGS {
        if all.iter().any(|p| flags(p).contains(&name)) {
            let first = format!("  {name:10}  ");
            out.push_str(&crate::term::wrap_hanging(
                meaning,
                style.width,
                &first,
                "              ",
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::compiled::CompiledPoint;
    use std::collections::HashSet;

    #[test]
    fn each_phrasing_shows_its_stems_and_flags() {
        let prompt: HashSet<String> = ["queri".to_string()].into();
        let point = CompiledPoint {
            label: "Point".into(),
            subject: Vec::new(),
            phrasings: [
                "not null",
                "on_delete",
                "queries",
                "a much longer phrasing than fits",
            ]
            .iter()
            .map(|p| CompiledPhrasing::new(p, &prompt))
            .collect(),
        };
        let compiled = CompiledQuestion {
            rubric: vec![point],
            pitfalls: Vec::new(),
        };
        let mut out = String::new();
        let style = Style::plain(80);
        phrasings(
            &mut out,
            &compiled.rubric[0].phrasings,
            "  ",
            column(&compiled),
            &style,
        );
        assert_eq!(
            out,
            "  not null  → null  negated\n  \
             on_delete → on delet  tight, identifier\n  \
             queries   → queri  echo\n  \
             a much longer phrasing than fits\n            → much longer phrase fit\n"
        );
        let legend = legend(&compiled, &style);
        assert!(legend.starts_with("  negated     matches only"), "{legend}");
        assert!(legend.contains("  echo        made only"), "{legend}");
    }
}
