//! `rehearse run`: plan an interview, then sit it (or print the plan).

use super::interview::{Interview, Sitting, command_words, past, random_seed, shell_word, sit};
use super::{Context, warn};
use crate::bank::{self, Bank};
use crate::cli::RunArgs;
use crate::clock::{self, Clock};
use crate::error::{Error, Result};
use crate::plan::{Focus, Request};
use crate::preset::{self, PRESETS, Preset};
use crate::transcript::record::Status;
use crate::transcript::store::{self, Store};
use std::io::IsTerminal;

pub fn run(ctx: &Context, args: &RunArgs) -> Result<()> {
    let (track, bank) = ctx.track_bank()?;
    let (dir, source) = store::resolve_dir(args.dir.as_deref())?;
    let clock = clock::from_env()?;
    let interactive = args.sitting.answers.is_none() && std::io::stdin().is_terminal();
    super::old_folder(&dir, source, interactive && !args.dry_run);
    if let Some(which) = &args.resume {
        return resume(ctx, args, &dir, which, clock.as_ref(), interactive);
    }
    let preset = choose_preset(args, interactive)?;
    let request = request(args, &bank)?;
    let (_, history) = past(&dir, &track, clock.now());
    let seed = args.seed.unwrap_or_else(random_seed);
    let interview = Interview::plan(&track, &bank, preset, seed, &request, &history)?;
    if args.dry_run {
        let sit_with = sit_with(ctx, args, &track, preset, seed);
        return interview.print(ctx, args.json, &sit_with);
    }
    interview.sit(
        ctx,
        &Sitting::new(&args.sitting, interactive),
        &dir,
        clock.as_ref(),
    )
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
        ..Sitting::new(&args.sitting, interactive)
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
        no_probes: args.sitting.no_probes,
        ..Request::default()
    })
}

/// The command that sits the same interview: every flag that shapes the
/// plan, with the seed drawn for it.
fn sit_with(ctx: &Context, args: &RunArgs, track: &str, preset: &Preset, seed: u64) -> String {
    let mut words = command_words(ctx, track);
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
    if args.sitting.no_probes {
        words.push("--no-probes".into());
    }
    if let Some(dir) = &args.dir {
        words.extend(["--dir".into(), shell_word(&dir.to_string_lossy())]);
    }
    words.join(" ")
}
