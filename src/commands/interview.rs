//! The interview layer, between the commands and the session: plan → sit
//! → record. Every way to practise (`run`, `today`, `review retry`) decides
//! its track, preset, seed and planning request, then hands them here: the
//! planner chooses the questions, and [`Interview::sit`] creates the record,
//! runs the session and saves it. A new way to practise is a command file
//! that builds a [`Request`].

use super::{Context, emit, to_json};
use crate::bank::Bank;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::plan::{self, History, Plan, Request, Seen};
use crate::preset::Preset;
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
use std::io::{BufRead, BufReader};
use std::path::Path;

/// A planned interview: what it asks and how it is named.
pub struct Interview<'a> {
    /// The track its questions come from.
    pub track: String,
    /// The track's questions.
    pub bank: &'a Bank,
    pub preset: &'static Preset,
    /// The seed that chose the questions and their options' order.
    pub seed: u64,
    pub plan: Plan,
    /// The end of the record's id: `mid`, `mid-today`, `mid-retry`.
    pub label: String,
    /// The session it retries, if any.
    pub retry_of: Option<String>,
}

impl<'a> Interview<'a> {
    /// Plans an interview of `bank` (one track's questions) with the
    /// planner: `request` on top of the preset, `history` for what is due
    /// and what was asked recently, `seed` for the choice.
    pub fn plan(
        track: &str,
        bank: &'a Bank,
        preset: &'static Preset,
        seed: u64,
        request: &Request,
        history: &History,
    ) -> Result<Interview<'a>> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut plan = plan::plan(bank.questions(), preset, request, history, &mut rng)?;
        plan.shuffle_options(seed, |id| bank.find(id));
        Ok(Interview {
            track: track.to_string(),
            bank,
            preset,
            seed,
            plan,
            label: preset.name.to_string(),
            retry_of: None,
        })
    }

    /// Prints the plan (`--dry-run`); `sit_with` is the command that sits it.
    pub fn print(&self, ctx: &Context, json: bool, sit_with: &str) -> Result<()> {
        print_plan(ctx, self.preset, self.seed, &self.plan, json, sit_with)
    }

    /// Sits the interview: checks the answers file and the folder first,
    /// creates the record in `dir`, runs the session and saves it.
    pub fn sit(
        self,
        ctx: &Context,
        sitting: &Sitting,
        dir: &Path,
        clock: &dyn Clock,
    ) -> Result<()> {
        if let Some(path) = &sitting.answers {
            open_answers(path)?;
        }
        let store = Store::open(dir)?;
        let mut questions = Vec::with_capacity(self.plan.questions.len());
        for planned in &self.plan.questions {
            questions.push(Asked::pending(
                self.bank.get(&planned.id)?,
                planned.time_limit_s,
                planned.options.clone(),
            ));
        }
        let mut record = new_record(
            &self.label,
            self.preset,
            self.seed,
            clock.now(),
            sitting,
            questions,
        );
        record.track = self.track;
        record.retry_of = self.retry_of;
        let lock = store.create(&mut record, markdown::render)?;
        sit(
            ctx,
            sitting,
            self.bank,
            self.preset,
            (&store, lock),
            &mut record,
            clock,
        )
    }
}

/// Sessions counted as recent: their questions are avoided while others remain.
pub const RECENT_SESSIONS: usize = 5;

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
    /// From the sitting options on the command line; `interactive` when a
    /// person answers in this terminal.
    pub fn new(args: &crate::cli::SittingArgs, interactive: bool) -> Sitting {
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

/// The summaries of the past sessions of `track` in `dir` (unreadable files
/// are skipped with a warning), and what they say for planning at `now`.
pub fn past(dir: &Path, track: &str, now: jiff::Timestamp) -> (Vec<Record>, History) {
    let (records, warnings) = Store::at(dir).summaries();
    for warning in &warnings {
        super::warn(warning);
    }
    // The schedule and what was asked recently are per track.
    let records = of_track(records, track);
    let history = history(&records, now);
    (records, history)
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

/// The start of a command that repeats this one's global options:
/// `rehearse`, each `--bank`, `--no-builtin`, and `--track` when it was
/// given.
pub fn command_words(ctx: &Context, track: &str) -> Vec<String> {
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
    words
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
