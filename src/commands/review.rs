//! `rehearse review` and its subcommands.

use super::interview::{Interview, Sitting, of_track};
use super::{Context, emit, to_json, warn};
use crate::bank::Bank;
use crate::cli::{ExportFormat, ReviewArgs, ReviewCommand};
use crate::clock;
use crate::error::Result;
use crate::plan::{History, Request, shuffle};
use crate::preset::{self, Verdict};
use crate::review::stats::{self, Stats, sparkline};
use crate::review::{self, Sessions, export, pretty};
use crate::review::{calendar, coverage};
use crate::transcript::markdown;
use crate::transcript::record::{Asked, State, Status};
use crate::transcript::store::{self, Store, write_atomic};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

pub fn run(ctx: &Context, args: ReviewArgs) -> Result<()> {
    let (dir, source) = store::resolve_dir(args.dir.as_deref())?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    super::old_folder(&dir, source, interactive);
    // Stats and the report need only the topics and levels of the track's
    // questions: read before the history, without the text, so that a long
    // history and the whole bank are never in memory together.
    let outline = match args.command {
        Some(ReviewCommand::Stats { .. } | ReviewCommand::Report { .. }) => {
            let (track, bank) = ctx.track_bank()?;
            Some((track, bank.outline()))
        }
        _ => None,
    };
    // Export writes the full text; everything else works on summaries.
    let sessions = if matches!(
        args.command,
        Some(ReviewCommand::Export { .. } | ReviewCommand::Report { .. })
    ) {
        Sessions::load_full(&dir)
    } else {
        Sessions::load(&dir)
    };
    for warning in &sessions.warnings {
        warn(warning);
    }
    match args.command {
        None => list(ctx, &dir, &sessions, args.json),
        Some(ReviewCommand::Show { which }) => show(ctx, &dir, &sessions, &which),
        Some(ReviewCommand::Stats { json }) => {
            stats(ctx, &dir, Progress::of(outline, sessions)?, json)
        }
        Some(ReviewCommand::Retry {
            which,
            dry_run,
            json,
            sitting,
        }) => {
            let interactive = sitting.answers.is_none() && std::io::stdin().is_terminal();
            let sitting = Sitting::new(&sitting, interactive);
            retry(ctx, &dir, &sessions, &which, dry_run, json, &sitting)
        }
        Some(ReviewCommand::Report { output }) => {
            report(&dir, Progress::of(outline, sessions)?, output.as_deref())
        }
        Some(ReviewCommand::Export { format, output }) => {
            export(ctx, &sessions, format, output.as_deref())
        }
    }
}

/// One session in `review --json`.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    started_at: &'a str,
    preset: &'a str,
    /// Overall score, absent before any question was done.
    score: Option<f64>,
    verdict: Option<Verdict>,
    status: Status,
    answered: usize,
    total: usize,
}

fn list(ctx: &Context, dir: &Path, sessions: &Sessions, json: bool) -> Result<()> {
    if json {
        let rows: Vec<Listed> = sessions
            .records
            .iter()
            .map(|r| {
                let (answered, total) = review::progress(r);
                Listed {
                    id: &r.id,
                    started_at: &r.started_at,
                    preset: &r.preset,
                    score: r.summary.as_ref().map(|s| s.overall),
                    verdict: r
                        .summary
                        .as_ref()
                        .filter(|_| r.status == Status::Complete)
                        .map(|s| s.verdict),
                    status: r.status,
                    answered,
                    total,
                }
            })
            .collect();
        return emit(&to_json(&rows)?);
    }
    if sessions.records.is_empty() {
        return emit(&format!(
            "No sessions in `{}` yet. Start one with `rehearse run`.\n",
            dir.display()
        ));
    }
    let style = &ctx.style;
    let id_width = sessions
        .records
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = String::new();
    let header = format!(
        "  {:id_width$}  {:>7}  {:>5}  {:10}  {}",
        "SESSION", "DONE", "SCORE", "VERDICT", "STATUS"
    );
    let _ = writeln!(out, "{}", style.dim(&header));
    for r in &sessions.records {
        let (done, total) = review::progress(r);
        let score = r
            .summary
            .as_ref()
            .map_or("–".to_string(), |s| s.overall.round().to_string());
        // An unfinished interview has a score so far, never a verdict.
        let verdict = r
            .summary
            .as_ref()
            .filter(|_| r.status == Status::Complete)
            .map_or("–", |s| s.verdict.as_str());
        let status = match r.status {
            Status::Complete => style.green("complete"),
            Status::Interrupted => style.yellow("interrupted"),
        };
        let _ = writeln!(
            out,
            "  {}  {:>7}  {:>5}  {:10}  {status}",
            style.cyan(&format!("{:id_width$}", r.id)),
            format!("{done} of {total}"),
            score,
            verdict
        );
    }
    let n = sessions.records.len();
    let _ = writeln!(out, "\n{n} session{}.", if n == 1 { "" } else { "s" });
    if let Some(open) = sessions
        .records
        .iter()
        .find(|r| r.status == Status::Interrupted)
    {
        let _ = writeln!(
            out,
            "`rehearse run --resume {}` continues the interrupted one.",
            open.id
        );
    }
    out.push_str(
        "`rehearse review show latest` shows the newest; `rehearse review stats` shows progress.\n",
    );
    emit(&out)
}

fn show(ctx: &Context, dir: &Path, sessions: &Sessions, which: &str) -> Result<()> {
    if sessions.records.is_empty() && !Path::new(which).exists() {
        return Err(review::empty(dir));
    }
    let record = sessions.find(dir, which)?;
    if sessions.records.iter().any(|r| r.id == record.id) {
        repair_transcript(dir, &record);
    }
    let earlier = sessions.earlier_scores(&record);
    let text = markdown::render_with(&record, &earlier);
    // Formatted for a terminal (through a pager when longer than the
    // screen); the markdown itself when piped.
    if std::io::stdout().is_terminal() {
        return page(&pretty::render(&text, &ctx.style));
    }
    if ctx.style.color {
        return emit(&pretty::render(&text, &ctx.style));
    }
    emit(&text)
}

/// Rewrites a session's markdown from its record when the two disagree (a
/// process killed between writing one and the other), so that the file a
/// user opens says what `review show` says. Left alone while the session is
/// being sat elsewhere.
fn repair_transcript(dir: &Path, record: &crate::transcript::record::Record) {
    let store = Store::at(dir);
    let path = store.markdown_path(&record.id);
    let rendered = markdown::render(record);
    let missing = !path.exists();
    if store::read_regular(&path, store::MAX_RECORD_BYTES).is_ok_and(|on_disk| on_disk == rendered)
    {
        return;
    }
    let Ok(_lock) = store.lock(&record.id) else {
        return;
    };
    match write_atomic(&path, rendered.as_bytes()) {
        Ok(()) => warn(&format!(
            "the transcript `{}` was {} and has been written again from the record",
            path.display(),
            if missing {
                "missing"
            } else {
                "behind its session record"
            }
        )),
        Err(e) => warn(&format!("the transcript is behind its session record: {e}")),
    }
}

/// Shows long output through `$PAGER` (default `less -FRX`), as git does;
/// prints it directly when it fits the screen or no pager can be started.
fn page(text: &str) -> Result<()> {
    let height = crossterm::terminal::size().map_or(24, |(_, h)| usize::from(h));
    if text.lines().count() < height {
        return emit(text);
    }
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less -FRX".to_string());
    let mut words = pager.split_whitespace();
    let Some(program) = words.next() else {
        return emit(text);
    };
    let child = std::process::Command::new(program)
        .args(words)
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return emit(text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        // The reader may quit early (q in less): not an error.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    Ok(())
}

/// The chosen track's sessions and their figures, now, in the user's time
/// zone: what `review stats` and `review report` show.
struct Progress {
    records: Vec<crate::transcript::record::Record>,
    figures: Stats,
    now: i64,
    tz: jiff::tz::TimeZone,
}

impl Progress {
    /// The figures of `sessions` for the track and bank outline read
    /// before them; takes the sessions, so that a long history is filtered,
    /// not copied.
    fn of(outline: Option<(String, Bank)>, sessions: Sessions) -> Result<Progress> {
        let clock = clock::from_env()?;
        let (track, bank) = outline.unwrap_or_default();
        let records = of_track(sessions.records, &track);
        let tz = jiff::tz::TimeZone::system();
        let now = clock.now().as_second();
        let figures = stats::compute(&records, bank.questions(), now, &tz);
        Ok(Progress {
            records,
            figures,
            now,
            tz,
        })
    }
}

fn stats(ctx: &Context, dir: &Path, progress: Progress, json: bool) -> Result<()> {
    let Progress {
        records,
        figures,
        now,
        tz,
    } = progress;
    if json {
        return emit(&to_json(&figures)?);
    }
    if figures.sessions == 0 {
        return emit(&format!(
            "No answered questions in `{}` yet. Start a session with `rehearse today` or `rehearse run`.\n",
            dir.display()
        ));
    }
    let days = calendar::days(&records, &tz);
    emit(&render_stats(&figures, &days, now, &tz, &ctx.style))
}

fn render_stats(
    s: &Stats,
    days: &BTreeMap<jiff::civil::Date, calendar::Practice>,
    now: i64,
    tz: &jiff::tz::TimeZone,
    style: &crate::term::Style,
) -> String {
    let mut out = String::new();
    let table = |out: &mut String, title: &str, label: &str, rows: &[stats::Row]| {
        let width = rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(8);
        let _ = writeln!(out, "{}", style.bold(title));
        let header = format!(
            "  {label:width$}  {:>8}  {:>4}  {:>4}  {:>4}  TREND",
            "SESSIONS", "MEAN", "LAST", "BEST"
        );
        let _ = writeln!(out, "{}", style.dim(&header));
        for r in rows {
            let _ = writeln!(
                out,
                "  {:width$}  {:>8}  {:>4}  {:>4}  {:>4}  {}",
                r.name,
                r.sessions,
                r.mean.round(),
                r.last.round(),
                r.best.round(),
                style.cyan(&sparkline(&r.trend))
            );
        }
        out.push('\n');
    };
    let _ = writeln!(
        out,
        "{}\n",
        style.dim(&format!(
            "{} session{} with answers; trends show the mean per session, oldest first, on a 0–100 scale",
            s.sessions,
            if s.sessions == 1 { "" } else { "s" }
        ))
    );
    let _ = writeln!(out, "{}", style.bold("Practice, last 12 weeks"));
    let today = calendar::today(now, tz);
    let _ = writeln!(out, "{}", calendar::heatmap(days, today));
    let streak = &s.streak;
    let keep = if streak.today {
        "practised today"
    } else if streak.current > 0 {
        "practise today to keep it going"
    } else {
        "`rehearse today` starts one"
    };
    let _ = writeln!(
        out,
        "Streak: {} (longest {}); {keep}\n",
        crate::term::count(streak.current, "day"),
        crate::term::count(streak.longest, "day")
    );
    table(&mut out, "By category", "CATEGORY", &s.categories);
    table(&mut out, "By topic, weakest first", "TOPIC", &s.topics);
    if !s.presets.is_empty() {
        table(&mut out, "By preset, overall score", "PRESET", &s.presets);
    }
    if !s.time.is_empty() {
        let _ = writeln!(out, "{}", style.bold("Time used against time allotted"));
        let header = format!(
            "  {:14}  {:>7}  {:>8}  {:>8}  {:>5}  {:>8}",
            "CATEGORY", "ANSWERS", "USED", "ALLOTTED", "SHARE", "OVERTIME"
        );
        let _ = writeln!(out, "{}", style.dim(&header));
        for t in &s.time {
            let share = (t.used_s * 100 + t.allotted_s / 2)
                .checked_div(t.allotted_s)
                .map_or("–".to_string(), |p| format!("{p}%"));
            let _ = writeln!(
                out,
                "  {:14}  {:>7}  {:>8}  {:>8}  {:>5}  {:>8}",
                t.category,
                t.answers,
                minutes(t.used_s),
                minutes(t.allotted_s),
                share,
                minutes(t.overtime_s)
            );
        }
        out.push('\n');
    }
    if !s.coverage.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.bold("Coverage of the bank by topic and level")
        );
        let _ = writeln!(out, "{}", coverage::render(&s.coverage));
    }
    if !s.weakest.is_empty() {
        let _ = writeln!(out, "{}", style.bold("Practise next"));
        for w in &s.weakest {
            let _ = writeln!(
                out,
                "  {:16} mean {:>3}   {}",
                w.topic,
                w.mean.round(),
                style.cyan(&w.command)
            );
        }
        out.push('\n');
    }
    if s.probes.asked > 0 {
        let _ = writeln!(out, "{}", style.bold("Follow-ups"));
        let _ = writeln!(out, "  {}\n", s.probes.line());
    }
    if !s.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.bold("Where your self-rating and the score disagree most")
        );
        for d in &s.disagreements {
            let _ = writeln!(
                out,
                "  {:40} rated {:8} scored {:>3}   {}",
                d.question,
                d.rating.as_str(),
                d.score.round(),
                style.cyan(&format!("rehearse bank show {}", d.question))
            );
        }
        let _ = writeln!(
            out,
            "{}\n",
            style.dim(
                "  Rated high but scored low: compare your answer with the rubric; the rubric may miss your words.\n  Rated low but scored high: the rubric may credit words you did not mean."
            )
        );
    }
    match s.due {
        0 => out.push_str("No questions are due for review today"),
        n => {
            let _ = write!(
                out,
                "{n} question{} due for review today",
                if n == 1 { " is" } else { "s are" },
            );
        }
    }
    let _ = write!(out, "; {} within the next 7 days", s.due_this_week);
    if let Some(next) = s
        .next_due
        .as_deref()
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
    {
        let _ = write!(
            out,
            "; the next falls due {}",
            next.to_zoned(tz.clone()).strftime("%a %-d %b")
        );
    }
    let _ = writeln!(out, ".\n{}", style.cyan("rehearse today"));
    out
}

/// Seconds as whole minutes, `41m`.
fn minutes(seconds: u64) -> String {
    format!("{}m", (seconds + 30) / 60)
}

fn report(dir: &Path, progress: Progress, output: Option<&Path>) -> Result<()> {
    let Progress {
        records,
        figures,
        now,
        tz,
    } = progress;
    let html = crate::review::report::render(&records, &figures, now, &tz);
    let path = match output {
        Some(path) => path.to_path_buf(),
        None => {
            Store::open(dir)?;
            dir.join("report.html")
        }
    };
    write_atomic(&path, html.as_bytes())?;
    emit(&format!(
        "Report of {} written to `{}`; open it in a browser.\n",
        crate::term::count(records.len(), "session"),
        path.display()
    ))
}

fn retry(
    ctx: &Context,
    dir: &Path,
    sessions: &Sessions,
    which: &str,
    dry_run: bool,
    json: bool,
    sitting: &Sitting,
) -> Result<()> {
    if sessions.records.is_empty() {
        return Err(review::empty(dir));
    }
    let original = sessions.find(dir, which)?;
    let preset = preset::find(&original.preset)?;
    let below: Vec<&Asked> = original
        .questions
        .iter()
        .filter(|q| q.state != State::Pending && q.state != State::Interrupted)
        .filter(|q| q.counted_score().is_some_and(|s| s < preset.pass))
        .collect();
    if below.is_empty() {
        return emit(&format!(
            "Every question of `{}` reached the pass mark ({}); there is nothing to retry.\n",
            original.id, preset.pass
        ));
    }
    // The questions of the session's own track still in the bank, planned
    // like any interview: in interview order, with the preset's time limits
    // and the session's seed.
    let track = ctx.bank_of(&original.track)?;
    let mut kept = Vec::new();
    for q in &below {
        match track.find(&q.id) {
            Some(question) => kept.push(question.clone()),
            None => warn(&format!(
                "question `{}` is no longer in the bank; it is left out",
                q.id
            )),
        }
    }
    let bank = Bank::from_questions(kept);
    let request = Request {
        every: true,
        no_probes: sitting.no_probes,
        ..Request::default()
    };
    let mut interview = Interview::plan(
        &original.track,
        &bank,
        preset,
        original.seed,
        &request,
        &History::default(),
    )?;
    // Each question as it was asked: its options in the order shown then,
    // while the bank still has them (a record from before options were
    // shuffled holds the bank's order).
    for planned in &mut interview.plan.questions {
        let recorded = below.iter().find(|q| q.id == planned.id);
        if let (Some(q), Some(question)) = (recorded, bank.find(&planned.id))
            && shuffle::is_order_of(&q.options, question)
        {
            planned.options.clone_from(&q.options);
        }
    }
    interview.label = format!("{}-retry", preset.name);
    interview.retry_of = Some(original.id.clone());
    if dry_run {
        let sit_with = format!("rehearse review retry {which}");
        return interview.print(ctx, json, &sit_with);
    }
    let clock = clock::from_env()?;
    interview.sit(ctx, sitting, dir, clock.as_ref())
}

fn export(
    ctx: &Context,
    sessions: &Sessions,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<()> {
    let (text, written) = match format {
        ExportFormat::Anki => {
            let cards = export::cards(&sessions.records, &ctx.all_banks()?);
            (
                export::anki(&cards),
                crate::term::count(cards.len(), "card"),
            )
        }
        ExportFormat::Csv | ExportFormat::Json => {
            let rows = export::rows(&sessions.records);
            let text = match format {
                ExportFormat::Csv => export::csv(&rows),
                _ => to_json(&rows)?,
            };
            (text, crate::term::count(rows.len(), "row"))
        }
    };
    match output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            emit(&format!("{written} written to `{}`\n", path.display()))
        }
        None => emit(&text),
    }
}
