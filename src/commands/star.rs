//! `rehearse star [FILE|-]` and `rehearse star --eval FILE.jsonl`.

use super::{Context, emit, read_input, to_json};
use crate::cli::StarArgs;
use crate::error::{Error, Result};
use crate::judge::{STORY_CONTENT_WEIGHT, judge};
use crate::score::explain::out_of_100;
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
    let Some(id) = &args.question else {
        let report = star::analyse(&text);
        if args.json {
            return emit(&to_json(&report)?);
        }
        return emit(&star::render::report(&report, &ctx.style));
    };
    // Ids are unique across tracks: any track's question can be named.
    let bank = ctx.all_banks()?;
    let question = bank.get(id)?;
    if !question.is_story() {
        return Err(Error::Usage(format!(
            "`{id}` is not a behavioral story question; use `rehearse score {id} --answer FILE`"
        )));
    }
    let judged = judge(question, &text, false);
    let report = judged.star.clone().unwrap_or_else(|| star::analyse(&text));
    if args.json {
        return emit(&to_json(&Judged {
            id,
            score: judged.score,
            content_score: judged.content_score,
            star: &report,
        })?);
    }
    let style = &ctx.style;
    let mut out = format!(
        "{}\n  {:.0}% content ({}) and {:.0}% STAR structure ({}), as in a session\n\n",
        style.bold(&format!("{id}: {}", out_of_100(judged.score))),
        STORY_CONTENT_WEIGHT * 100.0,
        out_of_100(judged.content_score.unwrap_or_default()),
        (1.0 - STORY_CONTENT_WEIGHT) * 100.0,
        out_of_100(report.score)
    );
    out.push_str(&star::render::report(&report, style));
    emit(&out)
}

/// `star --question ID --json`: the session's score beside the analysis.
#[derive(serde::Serialize)]
struct Judged<'a> {
    id: &'a str,
    score: f64,
    content_score: Option<f64>,
    star: &'a star::Report,
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
