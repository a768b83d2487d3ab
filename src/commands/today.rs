//! `rehearse today`: the short daily session. The questions the schedule
//! says are due, most overdue first, topped up with weak and new ones; when
//! nothing is due, a cram session on the weakest topics; on the first day,
//! new questions.

use super::interview::{Interview, Sitting, command_words, past, random_seed, shell_word};
use super::{Context, emit};
use crate::bank::model::CLOSING_TOPIC;
use crate::cli::TodayArgs;
use crate::clock;
use crate::error::Result;
use crate::plan::{Focus, History, Plan, Request};
use crate::preset::{self, Preset};
use crate::review::schedule::Outlook;
use crate::review::stats;
use crate::term::count;
use crate::transcript::record::Record;
use crate::transcript::store;
use std::io::IsTerminal;

/// Topics a cram session covers.
pub const CRAM_TOPICS: usize = 3;

/// What today's session is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Questions are due: they come first.
    Due,
    /// Nothing is due: the weakest topics, weakest questions first.
    Cram(Vec<String>),
    /// No history yet: new questions.
    Start,
}

/// What the schedule says today, for the questions of `bank`.
pub fn outlook(history: &History, bank: &[crate::bank::Question]) -> Outlook {
    let cards = bank
        .iter()
        .filter_map(|q| history.seen.get(&q.id)?.card.as_ref());
    Outlook::of(cards, history.now)
}

/// The plan's request for today: due first when anything is; else the
/// weakest topics of `records`; else new questions.
pub fn request(
    outlook: &Outlook,
    records: &[Record],
    bank: &[crate::bank::Question],
    now: i64,
    args: &TodayArgs,
) -> (Request, Mode) {
    let base = Request {
        minutes: Some(args.minutes),
        no_probes: args.sitting.no_probes,
        no_closing: true,
        fill: true,
        focus: Focus::Daily,
        ..Request::default()
    };
    if outlook.due > 0 {
        return (base, Mode::Due);
    }
    let figures = stats::compute(records, bank, now, &jiff::tz::TimeZone::UTC);
    // Weakest first; the closing question is not drilled.
    let topics: Vec<String> = figures
        .topics
        .iter()
        .filter(|r| r.name != CLOSING_TOPIC && bank.iter().any(|q| q.topic == r.name))
        .take(CRAM_TOPICS)
        .map(|r| r.name.clone())
        .collect();
    if topics.is_empty() {
        return (
            Request {
                focus: Focus::New,
                ..base
            },
            Mode::Start,
        );
    }
    (
        Request {
            focus: Focus::Weak,
            topics: topics.clone(),
            ..base
        },
        Mode::Cram(topics),
    )
}

pub fn run(ctx: &Context, args: &TodayArgs) -> Result<()> {
    let (track, bank) = ctx.track_bank()?;
    let (dir, source) = store::resolve_dir(args.dir.as_deref())?;
    let clock = clock::from_env()?;
    let interactive = args.sitting.answers.is_none() && std::io::stdin().is_terminal();
    super::old_folder(&dir, source, interactive && !args.dry_run);
    let now = clock.now();
    let (records, history) = past(&dir, &track, now);
    let preset = match &args.preset {
        Some(name) => preset::find(name)?,
        // The level practised last.
        None => records
            .iter()
            .max_by(|a, b| a.started_at.cmp(&b.started_at))
            .and_then(|r| preset::find(&r.preset).ok())
            .unwrap_or(&preset::PRESETS[1]),
    };
    let outlook = outlook(&history, bank.questions());
    let (request, mode) = request(&outlook, &records, bank.questions(), now.as_second(), args);
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut interview = Interview::plan(&track, &bank, preset, seed, &request, &history)?;
    interview.label = format!("{}-today", preset.name);
    let summary = summary(&outlook, &mode, &interview.plan, &history, args.minutes);
    if args.dry_run {
        if !args.json {
            emit(&format!("{summary}\n"))?;
        }
        return interview.print(ctx, args.json, &sit_with(ctx, args, &track, preset, seed));
    }
    eprintln!("{}\n", crate::term::for_terminal(&summary));
    let sitting = Sitting::new(&args.sitting, interactive);
    interview.sit(ctx, &sitting, &dir, clock.as_ref())
}

/// What is due, when the next questions fall due, and what today's session
/// holds.
pub fn summary(
    outlook: &Outlook,
    mode: &Mode,
    plan: &Plan,
    history: &History,
    minutes: u32,
) -> String {
    let next = outlook
        .next_due
        .and_then(|at| jiff::Timestamp::from_second(at).ok())
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%a %-d %b")
                .to_string()
        });
    let mut lines = Vec::new();
    let later = match (outlook.later_this_week, &next) {
        (0, None) => String::new(),
        (0, Some(next)) => format!("; the next falls due on {next}"),
        (n, Some(next)) => format!(
            "; {} more fall{} due this week, the next on {next}",
            n,
            if n == 1 { "s" } else { "" }
        ),
        (n, None) => format!("; {n} more this week"),
    };
    lines.push(match mode {
        Mode::Due => format!(
            "{} due for review today{later}.",
            if outlook.due == 1 {
                "1 question is".to_string()
            } else {
                format!("{} questions are", outlook.due)
            }
        ),
        Mode::Cram(topics) => format!(
            "Nothing is due today{later}. Cram session on your weakest topics: {}.",
            topics.join(", ")
        ),
        Mode::Start => "Nothing is due yet: your first daily session starts you on new questions; \
             each one you answer comes back when the schedule says."
            .to_string(),
    });
    let seen = |id: &str| history.seen.get(id).and_then(|s| s.card.as_ref());
    let due = plan
        .questions
        .iter()
        .filter(|q| seen(&q.id).is_some_and(|c| c.is_due(history.now)))
        .count();
    let weak = plan
        .questions
        .iter()
        .filter(|q| seen(&q.id).is_some_and(|c| !c.is_due(history.now) && c.is_weak()))
        .count();
    let new = plan
        .questions
        .iter()
        .filter(|q| !history.seen.contains_key(&q.id))
        .count();
    let other = plan.questions.len() - due - weak - new;
    let parts: Vec<String> = [
        (due, "due"),
        (weak, "weak"),
        (new, "new"),
        (other, "to revisit"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    lines.push(format!(
        "Today's {minutes}-minute session: {} ({}).",
        count(plan.questions.len(), "question"),
        parts.join(", ")
    ));
    if matches!(mode, Mode::Due) && outlook.due > due {
        lines.push(format!(
            "The other {} due stay due for tomorrow, or `--minutes` makes room.",
            outlook.due - due
        ));
    }
    lines.join("\n")
}

/// The command that plans the same session again (with the same history).
fn sit_with(ctx: &Context, args: &TodayArgs, track: &str, preset: &Preset, seed: u64) -> String {
    let mut words = command_words(ctx, track);
    words.extend(["today".into(), "--preset".into(), preset.name.into()]);
    words.extend(["--seed".into(), seed.to_string()]);
    words.extend(["--minutes".into(), args.minutes.to_string()]);
    if args.sitting.no_probes {
        words.push("--no-probes".into());
    }
    if let Some(dir) = &args.dir {
        words.extend(["--dir".into(), shell_word(&dir.to_string_lossy())]);
    }
    words.join(" ")
}
