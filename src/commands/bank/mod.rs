//! `rehearse bank list|show|validate`.

mod compiled;
mod import;

use super::{Context, emit, to_json, warn};
use crate::bank::compiled::{CompiledQuestion, compile_question};
use crate::bank::{self, Category, Level, Question};
use crate::cli::{BankCommand, BankListArgs};
use crate::error::{Error, Result};
use crate::term::{Style, clock, count, number, truncate, wrap, wrap_hanging};
use serde::Serialize;
use std::fmt::Write as _;

pub fn run(ctx: &Context, command: BankCommand) -> Result<()> {
    match command {
        BankCommand::List(args) => list(ctx, &args),
        BankCommand::Show { id, json, compiled } => show(ctx, &id, json, compiled),
        BankCommand::Validate { files } => validate(ctx, &files),
        BankCommand::Tracks { json } => tracks(ctx, json),
        BankCommand::Import(args) => import::run(ctx, &args),
        BankCommand::New { file, force } => import::template(&file, force),
    }
}

/// One track in `bank tracks --json`.
#[derive(Serialize)]
struct Track {
    name: String,
    questions: usize,
    /// Questions per category, in the order categories are listed.
    categories: Vec<(Category, usize)>,
    /// Questions per level (a question of several levels counts in each).
    levels: Vec<(Level, usize)>,
}

fn tracks(ctx: &Context, json: bool) -> Result<()> {
    let all = ctx.all_banks()?;
    let chosen = ctx.track(&all);
    let tracks: Vec<Track> = all
        .tracks()
        .into_iter()
        .map(|(name, questions)| {
            let of = |q: &&Question| q.track == name;
            let categories = Category::ALL
                .iter()
                .map(|c| {
                    let n = all
                        .questions()
                        .iter()
                        .filter(of)
                        .filter(|q| q.category == *c)
                        .count();
                    (*c, n)
                })
                .collect();
            let levels = Level::ALL
                .iter()
                .map(|l| {
                    let n = all
                        .questions()
                        .iter()
                        .filter(of)
                        .filter(|q| q.levels.contains(l))
                        .count();
                    (*l, n)
                })
                .collect();
            Track {
                name,
                questions,
                categories,
                levels,
            }
        })
        .collect();
    if json {
        return emit(&to_json(&tracks)?);
    }
    let style = &ctx.style;
    let mut out = String::new();
    for t in &tracks {
        let mark = if t.name == chosen { "*" } else { " " };
        let _ = writeln!(
            out,
            "{mark} {}  {}",
            style.cyan(&t.name),
            style.dim(&count(t.questions, "question"))
        );
        let categories: Vec<String> = t
            .categories
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| format!("{} {n}", c.as_str()))
            .collect();
        let levels: Vec<String> = t
            .levels
            .iter()
            .map(|(l, n)| format!("{} {n}", l.as_str()))
            .collect();
        let _ = writeln!(out, "    {}", categories.join(" · "));
        let _ = writeln!(out, "    {}", levels.join(" · "));
    }
    let _ = writeln!(
        out,
        "\n* the track used without `--track`; `rehearse --track NAME run` practises another."
    );
    emit(&out)
}

/// One row of `bank list --json`.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    category: Category,
    topic: &'a str,
    levels: &'a [Level],
    prompt: &'a str,
    time_limit_s: u32,
    points: usize,
}

fn list(ctx: &Context, args: &BankListArgs) -> Result<()> {
    let bank = ctx.bank()?;
    let category = args
        .category
        .as_deref()
        .map(bank::parse_category)
        .transpose()?;
    let level = args.level.as_deref().map(bank::parse_level).transpose()?;
    if let Some(topic) = &args.topic {
        bank.check_topic(topic)?;
    }
    let chosen: Vec<&Question> = bank
        .questions()
        .iter()
        .filter(|q| category.is_none_or(|c| q.category == c))
        .filter(|q| level.is_none_or(|l| q.levels.contains(&l)))
        .filter(|q| args.topic.as_ref().is_none_or(|t| &q.topic == t))
        .collect();
    if args.json {
        let rows: Vec<Row> = chosen
            .iter()
            .map(|q| Row {
                id: &q.id,
                category: q.category,
                topic: &q.topic,
                levels: &q.levels,
                prompt: &q.prompt,
                time_limit_s: q.time_limit_s,
                points: q.rubric.len(),
            })
            .collect();
        return emit(&to_json(&rows)?);
    }
    if chosen.is_empty() {
        return emit("No questions match those filters; try fewer of them.\n");
    }
    emit(&render_table(&chosen, &ctx.style))
}

/// The `bank list` table: a block per category, each question on two lines
/// (its facts, then the prompt), so it reads well in 80 columns.
fn render_table(questions: &[&Question], style: &Style) -> String {
    // Ids are what people copy into `bank show`, so they are never cut
    // short; the topic goes with the prompt on the second line.
    let id_width = questions
        .iter()
        .map(|q| q.id.chars().count())
        .max()
        .unwrap_or(2)
        .clamp(2, 45);
    let mut out = String::new();
    for category in Category::ALL {
        let group: Vec<_> = questions
            .iter()
            .filter(|q| q.category == category)
            .collect();
        if group.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} {}",
            style.bold(category.as_str()),
            style.dim(&format!("({})", group.len()))
        );
        let header = format!(
            "  {:id_width$}  {:13}  {:>5}  {:>6}",
            "ID", "LEVELS", "TIME", "POINTS"
        );
        let _ = writeln!(out, "{}", style.dim(&header));
        for q in group {
            let points = if q.category == Category::Choice {
                format!("{} opt", q.options.len())
            } else {
                q.rubric.len().to_string()
            };
            let _ = writeln!(
                out,
                "  {}  {:13}  {:>5}  {:>6}",
                style.cyan(&format!("{:id_width$}", q.id)),
                levels_badge(&q.levels),
                clock(q.time_limit_s),
                points
            );
            let room = style.width.saturating_sub(6).max(20);
            let line = format!("{} · {}", q.topic, q.prompt);
            let _ = writeln!(out, "      {}", style.dim(&truncate(&line, room)));
        }
    }
    let mut counts = Vec::new();
    for category in Category::ALL {
        let n = questions.iter().filter(|q| q.category == category).count();
        if n > 0 {
            counts.push(format!("{n} {category}"));
        }
    }
    let summary = format!("{} questions: {}.", questions.len(), counts.join(", "));
    out.push('\n');
    out.push_str(&wrap(&summary, style.width, ""));
    out.push_str("`rehearse bank show ID` shows one whole.\n");
    out
}

/// Levels as people say them: `all`, a range such as `junior–senior`, or a
/// list when they are not contiguous.
pub fn levels_badge(levels: &[Level]) -> String {
    let mut sorted = levels.to_vec();
    sorted.sort();
    sorted.dedup();
    let positions: Vec<usize> = sorted
        .iter()
        .filter_map(|l| Level::ALL.iter().position(|x| x == l))
        .collect();
    let contiguous = positions.windows(2).all(|w| w[1] == w[0] + 1);
    match sorted.as_slice() {
        [] => "-".into(),
        [one] => one.as_str().into(),
        all if all.len() == Level::ALL.len() => "all".into(),
        [first, .., last] if contiguous => format!("{first}–{last}"),
        many => many
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// `90 s`, `3 min`, `1 h`: a time limit as people say it.
pub fn duration(seconds: u32) -> String {
    match seconds {
        s if s < 120 && s % 60 != 0 => format!("{s} s"),
        s if s % 60 == 0 && s < 3600 => format!("{} min", s / 60),
        s if s < 3600 => format!("{:.1} min", f64::from(s) / 60.0),
        s => format!("{:.1} h", f64::from(s) / 3600.0),
    }
}

fn show(ctx: &Context, id: &str, json: bool, compiled: bool) -> Result<()> {
    let bank = ctx.all_banks()?;
    let q = bank.get(id)?;
    let compiled = compiled.then(|| compile_question(q));
    if json {
        return emit(&to_json(&Shown {
            question: q,
            compiled: compiled.as_ref(),
        })?);
    }
    emit(&render_question(q, compiled.as_ref(), &ctx.style))
}

/// `bank show --json`: the question as written in the bank, and with
/// `--compiled` what the scorer makes of its phrasings.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    question: &'a Question,
    #[serde(skip_serializing_if = "Option::is_none")]
    compiled: Option<&'a CompiledQuestion>,
}

/// One question, whole, for reading in a terminal; with `compiled`, each
/// phrasing beside the words the scorer looks for and how.
pub fn render_question(q: &Question, compiled: Option<&CompiledQuestion>, style: &Style) -> String {
    let width = style.width;
    let mut out = String::new();
    let levels: Vec<&str> = q.levels.iter().map(|l| l.as_str()).collect();
    let _ = writeln!(out, "{}", style.bold(&q.id));
    let _ = writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{} · {} · {} · {}",
            q.category,
            q.topic,
            levels.join(", "),
            duration(q.time_limit_s)
        ))
    );
    out.push('\n');
    out.push_str(&wrap(&q.prompt, width, ""));
    if q.category == Category::Choice {
        section(&mut out, style, "Options");
        for (i, option) in q.options.iter().enumerate() {
            let letter = char::from(b'A' + (i as u8 % 26));
            let mark = if q.answer.as_ref() == Some(option) {
                style.green(" ← answer")
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {letter}) {option}{mark}");
        }
    }
    if !q.rubric.is_empty() {
        section(&mut out, style, "Key points");
        let column = compiled.map_or(0, compiled::column);
        for (i, point) in q.rubric.iter().enumerate() {
            let _ = write!(
                out,
                "{}",
                wrap_hanging(
                    &format!("[{}] {}", number(point.weight), point.label),
                    width,
                    "  ",
                    "      "
                )
            );
            if let Some(c) = compiled.and_then(|c| c.rubric.get(i)) {
                if !c.subject.is_empty() {
                    let subject = format!("subject: {}", c.subject.join(" · "));
                    out.push_str(&style.dim(&wrap_hanging(
                        &subject,
                        width,
                        "      ",
                        "               ",
                    )));
                }
                compiled::phrasings(&mut out, &c.phrasings, "      ", column, style);
                continue;
            }
            let phrasings = format!("words: {}", point.phrasings.join(" · "));
            out.push_str(&style.dim(&wrap_hanging(&phrasings, width, "      ", "             ")));
        }
    }
    if !q.pitfalls.is_empty() {
        section(&mut out, style, "Pitfalls");
        let column = compiled.map_or(0, compiled::column);
        for (i, pitfall) in q.pitfalls.iter().enumerate() {
            let _ = write!(
                out,
                "{}",
                wrap_hanging(
                    &format!("[-{}] {}", number(pitfall.penalty), pitfall.label),
                    width,
                    "  ",
                    "        "
                )
            );
            if let Some(c) = compiled.and_then(|c| c.pitfalls.get(i)) {
                compiled::phrasings(&mut out, &c.phrasings, "        ", column, style);
                continue;
            }
            let phrasings = format!("words: {}", pitfall.phrasings.join(" · "));
            out.push_str(&style.dim(&wrap_hanging(
                &phrasings,
                width,
                "        ",
                "               ",
            )));
        }
    }
    if let Some(c) = compiled {
        let legend = compiled::legend(c, style);
        if !legend.is_empty() {
            section(&mut out, style, "Flags");
            out.push_str(&legend);
        }
    }
    section(&mut out, style, "Model answer");
    out.push_str(&wrap(&q.model_answer, width, "  "));
    if !q.hints.is_empty() {
        section(&mut out, style, "Hints");
        for hint in &q.hints {
            out.push_str(&wrap_hanging(&format!("- {hint}"), width, "  ", "    "));
        }
    }
    if !q.follow_ups.is_empty() {
        section(&mut out, style, "Follow-ups");
        for follow_up in &q.follow_ups {
            out.push_str(&wrap_hanging(
                &format!("- {follow_up}"),
                width,
                "  ",
                "    ",
            ));
        }
    }
    out
}

fn section(out: &mut String, style: &Style, title: &str) {
    let _ = write!(out, "\n{}\n", style.bold(title));
}

fn validate(_ctx: &Context, files: &[std::path::PathBuf]) -> Result<()> {
    let checked = bank::validate_files(files)?;
    for warning in &checked.warnings {
        warn(warning);
    }
    if !checked.problems.is_empty() {
        return Err(Error::InvalidBank {
            problems: checked.problems,
        });
    }
    let names: Vec<String> = files.iter().map(|f| format!("`{}`", f.display())).collect();
    emit(&format!("ok: {} valid\n", names.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(60), "1 min");
        assert_eq!(duration(180), "3 min");
        assert_eq!(duration(150), "2.5 min");
        assert_eq!(duration(3600), "1.0 h");
    }

    #[test]
    fn levels_read_as_ranges() {
        assert_eq!(
            levels_badge(&[Level::Junior, Level::Senior]),
            "junior,senior"
        );
        assert_eq!(
            levels_badge(&[Level::Mid, Level::Junior, Level::Senior]),
            "junior–senior"
        );
        assert_eq!(levels_badge(&[Level::Staff]), "staff");
        assert_eq!(levels_badge(&Level::ALL), "all");
    }
}
