//! rehearse: an AI-free mock-interview simulator for the terminal.
//!
//! The core is pure (`plan`, `score`, `star`, transcript rendering): it takes
//! data and returns data. The terminal, the clock, randomness and the file
//! system stay at the edges, in `commands` and `session`.

pub mod bank;
pub mod cli;
pub mod clock;
mod commands;
pub mod error;
pub mod eval;
pub mod judge;
pub mod plan;
pub mod preset;
pub mod probe;
pub mod review;
#[cfg(test)]
mod robustness;
pub mod score;
pub mod session;
pub mod star;
pub mod suggest;
pub mod term;
pub mod transcript;

pub use error::{Error, Result};

use cli::{Cli, Command};

/// Runs one command line. Output goes to stdout, warnings and errors to stderr.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = commands::Context::new(&cli);
    match cli.command {
        Command::Run(args) => commands::run::run(&ctx, &args),
        Command::Today(args) => commands::today::run(&ctx, &args),
        Command::Presets { json } => commands::presets::run(&ctx, json),
        Command::Review(args) => commands::review::run(&ctx, args),
        Command::Bank(command) => commands::bank::run(&ctx, command),
        Command::Score(args) => commands::score::run(&ctx, &args),
        Command::Eval(args) => commands::eval::run(&ctx, &args),
        Command::Star(args) => commands::star::run(&ctx, &args),
        Command::Completions { shell } => commands::completions(shell),
    }
}
