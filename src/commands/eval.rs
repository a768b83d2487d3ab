//! `rehearse eval FILE.jsonl`.

use super::{Context, emit, read_input, to_json, warn};
use crate::cli::EvalArgs;
use crate::error::Result;
use crate::eval;
use std::fmt::Write as _;

pub fn run(_ctx: &Context, args: &EvalArgs) -> Result<()> {
    let text = read_input(&args.file)?;
    let loaded = eval::load(&args.file, &text, args.skip_bad)?;
    for line in &loaded.skipped {
        warn(&format!("`{}` {line}: skipped", args.file.display()));
    }
    let bar = crate::term::progress(loaded.rows.len() as u64, "scoring");
    let ours = eval::scores(&loaded.rows, || bar.inc(1));
    bar.finish_and_clear();
    if args.rows {
        let mut out = String::new();
        for (row, score) in loaded.rows.iter().zip(&ours) {
            let line = serde_json::json!({
                "question": row.group(),
                "answer": row.answer,
                "grade": row.score,
                "score": score,
            });
            let _ = writeln!(out, "{line}");
        }
        return emit(&out);
    }
    let report = eval::report(&loaded.rows, &ours, loaded.skipped.len());
    if args.json {
        return emit(&to_json(&report)?);
    }
    let mut out = String::new();
    let _ = writeln!(out, "rows            {}", report.n);
    if report.skipped > 0 {
        let _ = writeln!(out, "skipped rows    {}", report.skipped);
    }
    let _ = writeln!(out, "questions       {}", report.questions);
    let _ = writeln!(out, "pearson r       {:.3}", report.pearson);
    let _ = writeln!(out, "spearman rho    {:.3}", report.spearman);
    let _ = writeln!(
        out,
        "rmse            {:.3}  (after grade ≈ {:.4} × score + {:.3})",
        report.rmse, report.slope, report.intercept
    );
    let _ = writeln!(out, "qwk             {:.3}", report.qwk);
    let _ = writeln!(
        out,
        "per-question r  {:.3}  (mean over questions)",
        report.mean_question_pearson
    );
    emit(&out)
}
