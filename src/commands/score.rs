//! `rehearse score ID --answer FILE` and `rehearse score --reference FILE --answer FILE`.

use super::{Context, emit, read_input, to_json};
use crate::cli::ScoreArgs;
use crate::error::{Error, Result};
use crate::score::derive::{self, Idf, derive};
use crate::score::explain::{self, out_of_100};
use crate::score::{Rubric, Scored, score};
use serde::Serialize;

/// `score --json`: the id scored against (absent for `--reference`) and the explanation.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(flatten)]
    scored: &'a Scored,
}

pub fn run(ctx: &Context, args: &ScoreArgs) -> Result<()> {
    let answer = read_input(&args.answer)?;
    let (rubric, id) = match (&args.reference, &args.id) {
        (Some(reference), _) => {
            let reference = read_input(reference)?;
            let question = args.question.clone().unwrap_or_default();
            (derive(&reference, &question, Idf::builtin()), None)
        }
        (None, Some(id)) => {
            let bank = ctx.bank()?;
            (Rubric::from_question(bank.get(id)?), Some(id.as_str()))
        }
        (None, None) => {
            return Err(Error::Usage(
                "give a question id or `--reference FILE` to score against".into(),
            ));
        }
    };
    let scored = score(&rubric, &answer);
    if args.json {
        return emit(&to_json(&Output {
            id,
            scored: &scored,
        })?);
    }
    let style = &ctx.style;
    let title = match id {
        Some(id) => format!("{id}: {}", out_of_100(scored.score)),
        None => format!("against the reference: {}", out_of_100(scored.score)),
    };
    let mut out = format!("{}\n\n", style.bold(&title));
    let phrasings: Vec<Vec<String>> = rubric
        .points
        .iter()
        .map(|p| p.phrases.iter().map(|ph| ph.text.clone()).collect())
        .collect();
    out.push_str(&explain::render(&scored, &phrasings, id.is_none(), style));
    if id.is_none() {
        out.push_str(&style.dim(&format!(
            "\n  Words of the reference weigh by how informative they are; covering {:.0}% of\n  their weight earns full marks.\n",
            derive::FULL_MARKS_AT * 100.0
        )));
    }
    emit(&out)
}
