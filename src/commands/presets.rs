//! `rehearse presets`.

use super::{Context, emit, to_json};
use crate::bank::Category;
use crate::error::Result;
use crate::preset::{Feedback, PRESETS, Preset};
use crate::term::clock;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One preset as `presets --json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    description: &'a str,
    levels: Vec<&'a str>,
    questions: BTreeMap<&'a str, usize>,
    closing_question: bool,
    base_time_s: BTreeMap<&'a str, u32>,
    feedback: Feedback,
    pass: f64,
    strong: f64,
    /// Follow-up probes an interview may ask.
    probes: usize,
    probe_time_s: u32,
    /// Whether strong answers get a "why" follow-up.
    why: bool,
}

fn row(p: &Preset) -> Row<'_> {
    Row {
        name: p.name,
        description: p.description,
        levels: p.levels.iter().map(|l| l.as_str()).collect(),
        questions: Category::ALL
            .iter()
            .map(|c| (c.as_str(), p.count(*c)))
            .collect(),
        closing_question: p.closing,
        base_time_s: Category::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), p.base_time_s[i]))
            .collect(),
        feedback: p.feedback,
        pass: p.pass,
        strong: p.strong,
        probes: p.probes,
        probe_time_s: p.probe_time_s,
        why: p.why,
    }
}

pub fn run(ctx: &Context, json: bool) -> Result<()> {
    if json {
        let rows: Vec<Row> = PRESETS.iter().map(row).collect();
        return emit(&to_json(&rows)?);
    }
    let style = &ctx.style;
    let mut out = String::new();
    for p in &PRESETS {
        let _ = writeln!(out, "{}  {}", style.bold(p.name), style.dim(p.description));
        let counts: Vec<String> = Category::ALL
            .iter()
            .filter(|c| p.count(**c) > 0)
            .map(|c| format!("{} {c}", p.count(*c)))
            .collect();
        let closing = if p.closing {
            " + closing questions for us"
        } else {
            ""
        };
        let _ = writeln!(out, "  questions  {}{closing}", counts.join(", "));
        let times: Vec<String> = Category::ALL
            .iter()
            .enumerate()
            .filter(|(_, c)| p.count(**c) > 0)
            .map(|(i, c)| format!("{c} {}", clock(p.base_time_s[i])))
            .collect();
        let _ = writeln!(out, "  base time  {}", times.join(", "));
        let feedback = match p.feedback {
            Feedback::AfterEach => "after each answer",
            Feedback::AtEnd => "at the end",
        };
        let _ = writeln!(out, "  feedback   {feedback}");
        let _ = writeln!(
            out,
            "  probes     up to {} follow-ups on missed key points, {} each{}",
            p.probes,
            clock(p.probe_time_s),
            if p.why {
                "; a \"why\" after strong answers"
            } else {
                ""
            }
        );
        let _ = writeln!(
            out,
            "  verdict    pass at {}, strong at {}\n",
            p.pass, p.strong
        );
    }
    out.push_str("Start one with: rehearse run --preset NAME\n");
    emit(&out)
}
