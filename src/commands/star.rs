//! `rehearse star [FILE|-]` and `rehearse star --eval FILE.jsonl`.

use super::{Context, emit, read_input, to_json};
use crate::cli::StarArgs;
use crate::error::{Error, Result};
use crate::star::{self, eval};
use std::fmt::Write as _;

pub fn run(ctx: &Context, args: &StarArgs) -> Result<()> {
    if let Some(path) = &args.eval {
        let text = read_input(path)?;
        let rows = eval::load(path, &text)?;
        let result = eval::evaluate(&rows);
        if args.json {
            return emit(&to_json(&result)?);
        }
        return emit(&render_eval(&result));
    }
    let text = read_input(&args.file)?;
    if text.trim().is_empty() {
        return Err(Error::Message(format!(
            "`{}` is empty; give the story to analyse in a file or on standard input",
            args.file.display()
        )));
    }
    let report = star::analyse(&text);
    if args.json {
        return emit(&to_json(&report)?);
    }
    emit(&star::render::report(&report, &ctx.style))
}

fn render_eval(e: &eval::StarEval) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} labelled answers\n", e.n);
    let _ = writeln!(out, "part       precision  recall    F1  balanced accuracy");
    for (name, b) in [
        ("situation", &e.situation),
        ("task", &e.task),
        ("action", &e.action),
        ("result", &e.result),
        ("lesson", &e.lesson),
    ] {
        let _ = writeln!(
            out,
            "{name:10} {:>9.2} {:>7.2} {:>5.2} {:>18.2}",
            b.precision, b.recall, b.f1, b.balanced_accuracy
        );
    }
    let _ = writeln!(
        out,
        "\nresult_quantified  accuracy {:.2}, balanced accuracy {:.2}",
        e.result_quantified.accuracy, e.result_quantified.balanced_accuracy
    );
    let _ = writeln!(
        out,
        "specific_event     accuracy {:.2}, balanced accuracy {:.2}",
        e.specific_event.accuracy, e.specific_event.balanced_accuracy
    );
    let recalls: Vec<String> = e
        .first_person
        .recall
        .iter()
        .map(|(class, n, found)| format!("{class} {found}/{n}"))
        .collect();
    let _ = writeln!(
        out,
        "first_person       accuracy {:.2} (recognised: {})",
        e.first_person.accuracy,
        recalls.join(", ")
    );
    let _ = writeln!(
        out,
        "action share       mean absolute error {:.2}",
        e.action_share_mae
    );
    if !e.disagreements.is_empty() {
        let _ = writeln!(out, "\ndisagreements (answer, label: labelled → found)");
        for (id, field, truth, got) in &e.disagreements {
            let _ = writeln!(out, "  {id}  {field}: {truth} → {got}");
        }
    }
    out
}
