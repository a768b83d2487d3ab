//! Command-line types (clap derive). Nothing but argument definitions: the
//! doc comments are the help text, and `lib.rs` turns these into calls.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// An AI-free mock-interview simulator for the terminal: timed questions,
/// typed answers, scores you can check, and a transcript to read afterwards.
#[derive(Debug, Parser)]
#[command(name = "rehearse", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to use colour: `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Add a question bank of your own (JSON); repeat for several. A question
    /// whose id is already built in replaces the built-in one
    #[arg(long = "bank", value_name = "FILE", global = true)]
    pub banks: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Browse and check question banks
    #[command(subcommand)]
    Bank(BankCommand),

    /// Score one answer and explain the score point by point
    #[command(
        after_help = "Examples:\n  rehearse score orm-select-vs-prefetch --answer my-answer.txt\n  echo 'select_related does a JOIN' | rehearse score orm-select-vs-prefetch --answer -\n  rehearse score --reference model.txt --answer mine.txt"
    )]
    Score(ScoreArgs),

    /// Measure how well the scorer agrees with human grades (JSON Lines)
    Eval(EvalArgs),

    /// Print a shell completion script, e.g. `rehearse completions bash > ~/.local/share/bash-completion/completions/rehearse`
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Bank question to score against (see `bank list`)
    #[arg(required_unless_present = "reference")]
    pub id: Option<String>,
    /// The answer: a file, or `-` for standard input
    #[arg(long, value_name = "FILE")]
    pub answer: PathBuf,
    /// Score against a reference answer instead of a bank question: its words
    /// become the rubric
    #[arg(long, value_name = "FILE", conflicts_with = "id")]
    pub reference: Option<PathBuf>,
    /// With `--reference`: the question, whose words count for less
    #[arg(long, requires = "reference")]
    pub question: Option<String>,
    /// Print the score and explanation as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// JSON Lines file: one object per line with `question`, `reference`,
    /// `answer` and a human `score`
    pub file: PathBuf,
    /// Print the figures as JSON
    #[arg(long)]
    pub json: bool,
    /// Skip lines that cannot be used (and count them) instead of stopping
    #[arg(long)]
    pub skip_bad: bool,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// List questions, filtered by category, level and topic
    List(BankListArgs),

    /// Show one question whole: prompt, rubric, model answer, hints
    Show {
        /// The question's id (see `bank list`)
        id: String,
        /// Print the question as JSON, as it is written in the bank file
        #[arg(long)]
        json: bool,
    },

    /// Check bank files; every problem is reported with its place
    Validate {
        /// Bank files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct BankListArgs {
    /// Only this category: technical, coding, system-design, behavioral, choice
    #[arg(long)]
    pub category: Option<String>,
    /// Only questions for this level: junior, mid, senior, staff
    #[arg(long)]
    pub level: Option<String>,
    /// Only this topic, e.g. orm, security, caching
    #[arg(long)]
    pub topic: Option<String>,
    /// Print a JSON array instead of a table
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
