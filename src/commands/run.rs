//! `rehearse run`: plan an interview, then sit it (or print the plan).

use super::{Context, emit, to_json, warn};
use crate::bank::{self, Bank};
use crate::cli::RunArgs;
use crate::clock::{self, Clock};
use crate::error::{Error, Result};
use crate::plan::{self, Focus, History, Plan, Request, Seen};
use crate::preset::{self, PRESETS, Preset};
use crate::review::schedule;
use crate::session::scripted::Scripted;
use crate::session::signals::Signals;
use crate::session::terminal::Terminal;
use crate::session::{self, Setup};
use crate::term::{clock as hms, count};
use crate::transcript::markdown;
use crate::transcript::record::{Asked, RECORD_VERSION, Record, State, Status};
use crate::transcript::store::{self, Store};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, IsTerminal};

/// Sessions counted as recent: their questions are avoided while others remain.
pub const RECENT_SESSIONS: usize = 5;

pub fn run(ctx: &Context, args: &RunArgs) -> Result<()> {
    let (track, bank) = ctx.track_bank()?;
    let (dir, source) = store::resolve_dir(args.dir.as_deref())?;
    let clock = clock::from_env()?;
    let interactive = args.answers.is_none() && std::io::stdin().is_terminal();
    super::old_folder(&dir, source, interactive && !args.dry_run);
    if let Some(which) = &args.resume {
        return resume(ctx, args, &dir, which, clock.as_ref(), interactive);
    }
    let preset = choose_preset(args, interactive)?;
    let request = request(args, &bank)?;
    let (records, warnings) = Store::at(&dir).summaries();
    for warning in &warnings {
        warn(warning);
    }
    // The schedule and what was asked recently are per track.
    let records = of_track(records, &track);
    let history = history(&records, clock.now());
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut plan = plan::plan(bank.questions(), preset, &request, &history, &mut rng)?;
    plan.shuffle_options(seed, |id| bank.find(id));
    if args.dry_run {
        let sit_with = sit_with(ctx, args, &track, preset, seed);
        return print_plan(ctx, preset, seed, &plan, args.json, &sit_with);
    }

    // Before anything is asked: the answers must be readable and the folder
    // must take the transcript.
    if let Some(path) = &args.answers {
        open_answers(path)?;
    }
    let store = Store::open(&dir)?;
    let mut questions = Vec::with_capacity(plan.questions.len());
    for planned in &plan.questions {
        questions.push(Asked::pending(
            bank.get(&planned.id)?,
            planned.time_limit_s,
            planned.options.clone(),
        ));
    }
    let sitting = Sitting::new(args, interactive);
    let mut record = new_record(preset.name, preset, seed, clock.now(), &sitting, questions);
    record.track = track;
    let lock = store.create(&mut record, markdown::render)?;
    sit(
        ctx,
        &sitting,
        &bank,
        preset,
        (&store, lock),
        &mut record,
        clock.as_ref(),
    )
}

/// How a session is sat: where answers come from and how time works.
#[derive(Debug, Clone, Default)]
pub struct Sitting {
    /// Whether a person answers in this terminal (else answers are scripted).
    pub interactive: bool,
    /// `--answers FILE`.
    pub answers: Option<std::path::PathBuf>,
    /// `--no-timer`.
    pub no_timer: bool,
    /// `--strict-time`.
    pub strict_time: bool,
    /// `--no-probes`.
    pub no_probes: bool,
}

impl Sitting {
    /// From `run`'s flags.
    pub fn new(args: &RunArgs, interactive: bool) -> Sitting {
        Sitting {
            interactive,
            answers: args.answers.clone(),
            no_timer: args.no_timer,
            strict_time: args.strict_time,
            no_probes: args.no_probes,
        }
    }
}

/// A new session record, named by its start time (local) and `label`,
/// `interrupted` until its last question is done. Its id is made unique
/// when the record is created in the folder ([`Store::create`]).
pub fn new_record(
    label: &str,
    preset: &Preset,
    seed: u64,
    now: jiff::Timestamp,
    sitting: &Sitting,
    questions: Vec<Asked>,
) -> Record {
    let stamp = now
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d-%H%M")
        .to_string();
    Record {
        format_version: RECORD_VERSION,
        id: format!("{stamp}-{label}"),
        preset: preset.name.to_string(),
        track: crate::bank::DEFAULT_TRACK.to_string(),
        seed,
        started_at: now.to_string(),
        updated_at: now.to_string(),
        status: Status::Interrupted,
        strict_time: sitting.strict_time,
        timer: !sitting.no_timer,
        questions,
        retry_of: None,
        summary: None,
    }
}

/// Continues an interrupted session.
fn resume(
    ctx: &Context,
    args: &RunArgs,
    dir: &std::path::Path,
    which: &str,
    clock: &dyn Clock,
    interactive: bool,
) -> Result<()> {
    let (records, warnings) = Store::at(dir).summaries();
    for warning in &warnings {
        warn(warning);
    }
    let found = if which == "latest" {
        records
            .into_iter()
            .find(|r| r.status == Status::Interrupted)
    } else {
        records.into_iter().find(|r| r.id == which)
    };
    let record = found.ok_or_else(|| {
        Error::Message(if which == "latest" {
            format!(
                "no interrupted session in `{}`; start one with `rehearse run`",
                dir.display()
            )
        } else {
            format!(
                "no session `{which}` in `{}`; `rehearse review` lists them",
                dir.display()
            )
        })
    })?;
    if record.status == Status::Complete {
        return Err(Error::Message(format!(
            "session `{}` is already complete; `rehearse review show {}` shows it",
            record.id, record.id
        )));
    }
    let preset = preset::find(&record.preset)?;
    // Its own track, whatever `--track` says.
    let bank = ctx.bank_of(&record.track)?;
    let store = Store::open(dir)?;
    // One terminal at a time; read again under the lock, in case the
    // session moved on since the folder was listed.
    let lock = store.lock(&record.id)?;
    let mut record = store::load(&store.json_path(&record.id))
        .map_err(|e| Error::Message(format!("session `{}`: {e}", record.id)))?;
    // The session keeps the time rules it started with.
    let sitting = Sitting {
        no_timer: !record.timer,
        strict_time: record.strict_time,
        ..Sitting::new(args, interactive)
    };
    sit(
        ctx,
        &sitting,
        &bank,
        preset,
        (&store, lock),
        &mut record,
        clock,
    )
}

/// The records of one track.
pub fn of_track(records: Vec<Record>, track: &str) -> Vec<Record> {
    records.into_iter().filter(|r| r.track == track).collect()
}

/// Runs the session with the right prompter and maps its ending to an
/// exit; `store` comes with the session's lock, held until the end.
pub fn sit(
    ctx: &Context,
    args: &Sitting,
    bank: &Bank,
    preset: &Preset,
    (store, _lock): (&Store, store::Lock),
    record: &mut Record,
    clock: &dyn Clock,
) -> Result<()> {
    let signals = Signals::install()?;
    let setup = Setup {
        bank,
        preset,
        store,
        rescue: store::rescue_dirs(),
        clock,
        signals: &signals,
        timer: !args.no_timer,
        strict: args.strict_time,
        probes: !args.no_probes,
    };
    let ending = if args.interactive {
        let mut prompter = Terminal::new(ctx.screen, clock, &signals);
        session::run(&setup, record, &mut prompter)?
    } else {
        let input: Box<dyn BufRead + Send> = match &args.answers {
            Some(path) => Box::new(BufReader::new(open_answers(path)?)),
            None => Box::new(BufReader::new(std::io::stdin())),
        };
        let out = Box::new(std::io::stdout());
        let mut prompter = Scripted::new(input, out, clock, &signals, ctx.style);
        session::run(&setup, record, &mut prompter)?
    };
    match ending.exit_code() {
        0 => Ok(()),
        code => Err(Error::Silent { code }),
    }
}

/// The `--answers` file, opened; a folder or an unreadable file is refused
/// (called before the session is created, so nothing is asked or written).
pub fn open_answers(path: &std::path::Path) -> Result<std::fs::File> {
    if path.is_dir() {
        return Err(Error::Message(format!(
            "`{}` is a folder; --answers takes a text file of answers, each ended by a line holding only `.`",
            path.display()
        )));
    }
    std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// `--preset`, else a menu on a terminal, else `mid`.
fn choose_preset(args: &RunArgs, interactive: bool) -> Result<&'static Preset> {
    if let Some(name) = &args.preset {
        return preset::find(name);
    }
    if !interactive || args.dry_run {
        return preset::find(preset::DEFAULT);
    }
    let items: Vec<String> = PRESETS
        .iter()
        .map(|p| format!("{:7} {}", p.name, p.description))
        .collect();
    let default = PRESETS
        .iter()
        .position(|p| p.name == preset::DEFAULT)
        .unwrap_or(0);
    let picked = dialoguer::Select::with_theme(&dialoguer::theme::ColorfulTheme::default())
        .with_prompt("Which interview?")
        .items(&items)
        .default(default)
        .interact_opt()
        .map_err(|_| Error::Silent { code: 130 })?;
    match picked {
        Some(i) => Ok(&PRESETS[i]),
        None => Err(Error::Silent { code: 130 }),
    }
}

/// The planning flags, checked against the bank.
fn request(args: &RunArgs, bank: &Bank) -> Result<Request> {
    let categories = args
        .categories
        .iter()
        .map(|c| bank::parse_category(c))
        .collect::<Result<Vec<_>>>()?;
    if let Some(topic) = &args.topic {
        bank.check_topic(topic)?;
    }
    Ok(Request {
        questions: args.questions.map(usize::from),
        minutes: args.minutes,
        categories,
        topic: args.topic.clone(),
        focus: match args.focus {
            crate::cli::FocusChoice::Mixed => Focus::Mixed,
            crate::cli::FocusChoice::Due => Focus::Due,
            crate::cli::FocusChoice::Weak => Focus::Weak,
            crate::cli::FocusChoice::New => Focus::New,
        },
        no_probes: args.no_probes,
        ..Request::default()
    })
}

/// What past sessions say about each question: when it was last asked,
/// whether that was in one of the recent sessions, and its place in the
/// spaced-repetition schedule (each answer judged against the pass mark of
/// the preset it was given under).
pub fn history(records: &[Record], now: jiff::Timestamp) -> History {
    let mut history = History {
        now: now.as_second(),
        ..History::default()
    };
    // Records come newest first.
    for (n, record) in records.iter().enumerate() {
        let when = record.started_seconds();
        for q in record
            .questions
            .iter()
            .filter(|q| q.state != State::Pending)
        {
            let seen = history.seen.entry(q.id.clone()).or_insert(Seen {
                last_asked: when,
                ..Seen::default()
            });
            seen.last_asked = seen.last_asked.max(when);
            seen.recent |= n < RECENT_SESSIONS;
        }
    }
    for (id, answers) in schedule::attempts(records) {
        if let Some(seen) = history.seen.get_mut(id) {
            seen.card = schedule::card(&answers);
        }
    }
    history
}

/// A seed when none is given: the clock's nanoseconds and the process id.
pub fn random_seed() -> u64 {
    let nanos = jiff::Timestamp::now().as_nanosecond() as u64;
    nanos ^ (u64::from(std::process::id()) << 32)
}

/// `run --dry-run --json`.
#[derive(Serialize)]
struct PlanOutput<'a> {
    preset: &'a str,
    seed: u64,
    total_time_s: u32,
    questions: &'a [plan::Planned],
}

/// The command that sits the same interview: every flag that shapes the
/// plan, with the seed drawn for it.
fn sit_with(ctx: &Context, args: &RunArgs, track: &str, preset: &Preset, seed: u64) -> String {
    let mut words: Vec<String> = vec!["rehearse".into()];
    for bank in &ctx.banks {
        words.push("--bank".into());
        words.push(shell_word(&bank.to_string_lossy()));
    }
    if ctx.no_builtin {
        words.push("--no-builtin".into());
    }
    if ctx.track.is_some() {
        words.extend(["--track".into(), shell_word(track)]);
    }
    words.extend(["run".into(), "--preset".into(), preset.name.into()]);
    words.extend(["--seed".into(), seed.to_string()]);
    if let Some(n) = args.questions {
        words.extend(["--questions".into(), n.to_string()]);
    }
    if let Some(m) = args.minutes {
        words.extend(["--minutes".into(), m.to_string()]);
    }
    for category in &args.categories {
        words.extend(["--category".into(), shell_word(category)]);
    }
    if let Some(topic) = &args.topic {
        words.extend(["--topic".into(), shell_word(topic)]);
    }
    if args.focus != crate::cli::FocusChoice::Mixed {
        let focus = match args.focus {
            crate::cli::FocusChoice::Mixed => "mixed",
            crate::cli::FocusChoice::Due => "due",
            crate::cli::FocusChoice::Weak => "weak",
            crate::cli::FocusChoice::New => "new",
        };
        words.extend(["--focus".into(), focus.into()]);
    }
    if args.no_probes {
        words.push("--no-probes".into());
    }
    if let Some(dir) = &args.dir {
        words.extend(["--dir".into(), shell_word(&dir.to_string_lossy())]);
    }
    words.join(" ")
}

/// A word as a POSIX shell reads it back: plain when it is made of safe
/// characters, single-quoted otherwise.
pub fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Prints a plan; `sit_with` is the command that sits it.
pub fn print_plan(
    ctx: &Context,
    preset: &Preset,
    seed: u64,
    plan: &Plan,
    json: bool,
    sit_with: &str,
) -> Result<()> {
    if json {
        return emit(&to_json(&PlanOutput {
            preset: preset.name,
            seed,
            total_time_s: plan.total_time_s(),
            questions: &plan.questions,
        })?);
    }
    let style = &ctx.style;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "{} interview · seed {seed} · {} · about {}",
            preset.name,
            count(plan.questions.len(), "question"),
            count(plan.total_time_s().div_ceil(60) as usize, "minute")
        ))
    );
    for (i, q) in plan.questions.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}  {:13}  {:>6}  {}",
            i + 1,
            q.category.as_str(),
            hms(q.time_limit_s),
            q.id
        );
    }
    let _ = writeln!(out, "\nSit this interview with: {sit_with}");
    emit(&out)
}
