//! The glue between the command line and the library: each subcommand loads
//! what it needs, calls the pure core and prints the result.

pub mod bank;
pub mod eval;
pub mod interview;
pub mod presets;
pub mod review;
pub mod run;
pub mod score;
pub mod star;
pub mod today;

use crate::bank::Bank;
use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::term::Style;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What every command gets: the output styles and the user's bank files.
pub struct Context {
    /// Style for stdout (results).
    pub style: Style,
    /// Style for stderr (the interactive screen).
    pub screen: Style,
    pub banks: Vec<PathBuf>,
    /// `--no-builtin`.
    pub no_builtin: bool,
    /// `--track`, if given.
    pub track: Option<String>,
}

impl Context {
    pub fn new(cli: &Cli) -> Context {
        Context {
            style: Style::detect(cli.color),
            screen: Style::detect_stderr(cli.color),
            banks: cli.banks.clone(),
            no_builtin: cli.no_builtin,
            track: cli.track.clone(),
        }
    }

    /// The track chosen: `--track`, else the built-in default, else (with
    /// `--no-builtin`) the track of the first question loaded.
    pub fn track(&self, all: &Bank) -> String {
        if let Some(track) = &self.track {
            return track.clone();
        }
        if all
            .tracks()
            .iter()
            .any(|(t, _)| t == crate::bank::DEFAULT_TRACK)
        {
            return crate::bank::DEFAULT_TRACK.to_string();
        }
        all.questions().first().map_or_else(
            || crate::bank::DEFAULT_TRACK.to_string(),
            |q| q.track.clone(),
        )
    }

    /// The questions of the chosen track (`--track`): the built-in banks
    /// plus `--bank` files, printing any warnings.
    pub fn bank(&self) -> Result<Bank> {
        Ok(self.track_bank()?.1)
    }

    /// The chosen track and its questions.
    pub fn track_bank(&self) -> Result<(String, Bank)> {
        let track = match &self.track {
            Some(track) => track.clone(),
            None if !self.no_builtin => crate::bank::DEFAULT_TRACK.to_string(),
            // The first track of the user's banks.
            None => {
                let all = self.all_banks()?;
                let track = self.track(&all);
                return Ok((track.clone(), all.only_track(&track)?));
            }
        };
        Ok((track.clone(), self.bank_of(&track)?))
    }

    /// The questions of `track`, whatever `--track` says (a session resumed
    /// or retried keeps its own track). Of the built-in banks, only that
    /// track's files are read.
    pub fn bank_of(&self, track: &str) -> Result<Bank> {
        self.check_banks()?;
        let bank = Bank::load_for(&self.banks, !self.no_builtin, Some(track))?;
        for warning in &bank.warnings {
            warn(warning);
        }
        match bank.only_track(track) {
            Ok(bank) => Ok(bank),
            // Name the tracks there are.
            Err(_) => self.all_banks()?.only_track(track),
        }
    }

    fn check_banks(&self) -> Result<()> {
        if self.no_builtin && self.banks.is_empty() {
            return Err(Error::Usage(
                "`--no-builtin` needs at least one `--bank FILE` to take questions from".into(),
            ));
        }
        Ok(())
    }

    /// Every track's questions: for looking a question up by id.
    pub fn all_banks(&self) -> Result<Bank> {
        self.check_banks()?;
        let bank = Bank::load(&self.banks, !self.no_builtin)?;
        for warning in &bank.warnings {
            warn(warning);
        }
        Ok(bank)
    }
}

/// Writes `text` to stdout. A closed pipe (`rehearse bank list | head`) is
/// not an error: the reader has what it wanted.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let text = crate::term::for_terminal(text);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            what: "could not write to standard output",
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Reads a text file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|source| {
            Error::Io {
                what: "could not read standard input",
                source,
            }
        })?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Prints a warning on stderr.
pub fn warn(message: &str) {
    let message = crate::term::for_terminal(message);
    let _ = writeln!(std::io::stderr(), "warning: {message}");
}

/// Sessions left in `./transcripts` by an older rehearse: on a terminal,
/// offers to move them into the data folder; otherwise explains where
/// sessions now live. Once per old folder.
pub fn old_folder(dir: &Path, source: crate::transcript::store::Source, interactive: bool) {
    use crate::transcript::legacy::{self, Choice};
    let Ok(cwd) = std::env::current_dir() else {
        return;
    };
    let Some(found) = legacy::find(&cwd, dir, source) else {
        return;
    };
    let choice = if interactive {
        let found_here = format!(
            "note: {} in `{}`, where older versions kept them; sessions now live in `{}`.",
            crate::term::count(found.ids.len(), "session"),
            found.dir.display(),
            dir.display()
        );
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::term::for_terminal(&found_here)
        );
        let question = "Move them there now?";
        match dialoguer::Confirm::new()
            .with_prompt(question)
            .default(true)
            .interact_opt()
        {
            Ok(Some(true)) => Choice::Move,
            _ => Choice::Declined,
        }
    } else {
        Choice::Leave
    };
    match legacy::settle(&found, dir, choice) {
        Ok(message) => {
            let message = crate::term::for_terminal(&message);
            let _ = writeln!(std::io::stderr(), "note: {message}");
        }
        Err(e) => warn(&e.to_string()),
    }
}

/// Serialises a value as pretty JSON followed by a newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::Message(format!("could not produce JSON: {e}")))
}

/// `rehearse completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    use clap::CommandFactory;
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rehearse", &mut buffer);
    emit(&String::from_utf8_lossy(&buffer))
}
