//! `rehearse score ID --answer FILE` and `rehearse score --reference FILE --answer FILE`.

use super::{Context, emit, read_input, to_json};
use crate::bank::Category;
use crate::cli::ScoreArgs;
use crate::error::{Error, Result};
use crate::judge::{STORY_CONTENT_WEIGHT, judge};
use crate::score::derive::{self, Idf, derive};
use crate::score::explain::{self, out_of_100};
use crate::score::{Rubric, Scored, score};
use serde::Serialize;

/// `score --json`: the id scored against (absent for `--reference`) and the explanation.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    /// Stories: the rubric's share before blending with STAR structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    content_score: Option<f64>,
    /// Stories: the STAR analysis.
    #[serde(skip_serializing_if = "Option::is_none")]
    star: Option<&'a crate::star::Report>,
    #[serde(flatten)]
    scored: &'a Scored,
}

pub fn run(ctx: &Context, args: &ScoreArgs) -> Result<()> {
    let answer = read_input(&args.answer)?;
    let bank;
    let (rubric, id, question) = match (&args.reference, &args.id) {
        (Some(reference), _) => {
            let reference = read_input(reference)?;
            let question = args.question.clone().unwrap_or_default();
            (derive(&reference, &question, Idf::builtin()), None, None)
        }
        (None, Some(id)) => {
            bank = ctx.all_banks()?;
            let question = bank.get(id)?;
            if question.category == Category::Choice {
                return Err(Error::Usage(format!(
                    "`{id}` is a multiple-choice question; sit it in `rehearse run` (it has no rubric to score text against)"
                )));
            }
            (
                Rubric::from_question(question),
                Some(id.as_str()),
                Some(question),
            )
        }
        (None, None) => {
            return Err(Error::Usage(
                "give a question id or `--reference FILE` to score against".into(),
            ));
        }
    };
    let mut scored = score(&rubric, &answer);
    // A bank question is judged as a session judges it: one answer, one score.
    let judged = question.map(|q| judge(q, &answer, false));
    if let Some(judged) = &judged {
        scored.score = judged.score;
    }
    let content_score = judged.as_ref().and_then(|j| j.content_score);
    let star = judged.as_ref().and_then(|j| j.star.as_ref());
    if args.json {
        return emit(&to_json(&Output {
            id,
            content_score,
            star,
            scored: &scored,
        })?);
    }
    let style = &ctx.style;
    let title = match id {
        Some(id) => format!("{id}: {}", out_of_100(scored.score)),
        None => format!("against the reference: {}", out_of_100(scored.score)),
    };
    let mut out = format!("{}\n\n", style.bold(&title));
    if let (Some(content), Some(star)) = (content_score, star) {
        out.push_str(&format!(
            "  a story: {:.0}% content ({}) and {:.0}% STAR structure ({})\n\n",
            STORY_CONTENT_WEIGHT * 100.0,
            out_of_100(content),
            (1.0 - STORY_CONTENT_WEIGHT) * 100.0,
            out_of_100(star.score)
        ));
    }
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
