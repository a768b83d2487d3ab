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

    /// Add a question bank of your own (TOML or JSON); repeat for several. A question
    /// whose id is already built in replaces the built-in one
    #[arg(long = "bank", value_name = "FILE", global = true)]
    pub banks: Vec<PathBuf>,

    /// Use only the banks given with --bank, not the built-in one
    #[arg(long, global = true)]
    pub no_builtin: bool,

    /// The track to practise and review: python-django (the default) or
    /// python built in, or one a --bank file declares; `rehearse bank
    /// tracks` lists them
    #[arg(long, value_name = "NAME", global = true)]
    pub track: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// `run --focus` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FocusChoice {
    /// Questions due for review and new ones, in turn
    Mixed,
    /// Questions due for review first, most overdue first
    Due,
    /// Questions last answered below the pass mark first
    Weak,
    /// Questions never asked first
    New,
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
    /// Sit a timed mock interview; the transcript is saved after every answer
    #[command(after_help = RUN_HELP)]
    Run(RunArgs),

    /// A short daily session: the questions due today, topped up with weak
    /// and new ones; the weakest topics when nothing is due
    #[command(
        after_help = "Answering works as in `rehearse run`. After each answer's feedback, one key rates it:\n1 knew it, 2 partly, 3 missed (Enter goes on without a rating); the schedule weighs\nthe rating with the score. In scripted answers a line `:rate knew|partly|missed` does the same.\n\nExamples:\n  rehearse today\n  rehearse today --minutes 20 --preset senior\n  rehearse today --dry-run"
    )]
    Today(TodayArgs),

    /// Past sessions: list them, show one, see progress, retry, export
    #[command(
        after_help = "Examples:\n  rehearse review\n  rehearse review show latest\n  rehearse review stats\n  rehearse review report\n  rehearse review retry latest\n  rehearse review export --format csv > sessions.csv\n  rehearse review export --format anki -o missed.tsv"
    )]
    Review(ReviewArgs),

    /// Show what the junior, mid, senior and staff interviews are made of
    Presets {
        /// Print the presets as JSON
        #[arg(long)]
        json: bool,
    },

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

    /// STAR-structure and delivery feedback on a story you prepared
    #[command(
        after_help = "Examples:\n  rehearse star my-conflict-story.txt\n  pbpaste | rehearse star\n  rehearse star --eval labelled-answers.jsonl"
    )]
    Star(StarArgs),

    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Example:\n  rehearse completions bash > ~/.local/share/bash-completion/completions/rehearse"
    )]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

const RUN_HELP: &str =
    "While answering: finish with a line holding only `.` or Ctrl-D; on a line of
its own `:hint` shows a hint (costs 10 points), `:skip` skips, `:quit` saves and
stops (as does Ctrl-C). A multiple-choice question is a menu: arrows or a letter
mark an option, Enter picks it, `?` shows the hint, Esc skips. With stdin not a
terminal, or --answers FILE, answers are read in order, each ended by a line
holding only `.`.

Examples:
  rehearse run --preset senior
  rehearse run --preset junior --minutes 20 --topic orm
  rehearse run --preset mid --seed 7 --dry-run --json
  rehearse run --answers answers.txt --no-timer
  rehearse run --resume";

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Interview level: junior, mid, senior or staff (a menu asks on a
    /// terminal when omitted; `mid` otherwise)
    #[arg(long)]
    pub preset: Option<String>,
    /// Number of questions, the closing one included
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=200))]
    pub questions: Option<u16>,
    /// Fit the interview into this many minutes
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub minutes: Option<u32>,
    /// Only this category (repeat for several): technical, coding,
    /// system-design, behavioral, choice
    #[arg(long = "category", value_name = "C")]
    pub categories: Vec<String>,
    /// Only this topic, e.g. orm
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,
    /// Seed for choosing questions: the same seed and history give the same
    /// interview
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Which questions to favour: due for review and new in turn (mixed),
    /// due first, weak first, or new first
    #[arg(long, value_enum, default_value_t = FocusChoice::Mixed)]
    pub focus: FocusChoice,
    /// Print the planned questions and ask nothing
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run: print the plan as JSON
    #[arg(long, requires = "dry_run")]
    pub json: bool,
    #[command(flatten)]
    pub sitting: SittingArgs,
    /// Folder for transcripts [default: the user's data folder, or REHEARSE_DIR]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Continue the latest interrupted session, or the one with this id
    #[arg(
        long,
        value_name = "ID",
        num_args = 0..=1,
        default_missing_value = "latest",
        conflicts_with_all = ["preset", "questions", "minutes", "categories", "topic", "seed", "dry_run", "focus"]
    )]
    pub resume: Option<String>,
}

/// How a session is sat: the options `run`, `today` and `review retry` share.
#[derive(Debug, Clone, Args)]
pub struct SittingArgs {
    /// Read the answers from FILE, each ended by a line holding only `.`
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// No clock: no time limits and no overtime
    #[arg(long, conflicts_with = "strict_time")]
    pub no_timer: bool,
    /// Submit an answer as it stands when its time runs out (time is soft
    /// otherwise: overtime is recorded)
    #[arg(long)]
    pub strict_time: bool,
    /// Ask no follow-up probes after answers that miss a key point
    #[arg(long)]
    pub no_probes: bool,
}

#[derive(Debug, Clone, Args)]
pub struct TodayArgs {
    /// Interview level: junior, mid, senior or staff [default: the level of
    /// your latest session, else mid]
    #[arg(long)]
    pub preset: Option<String>,
    /// How long the session may take
    #[arg(long, value_name = "M", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=240))]
    pub minutes: u32,
    /// Seed for choosing among equally due questions
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Print what is due and the planned questions, and ask nothing
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run: print JSON
    #[arg(long, requires = "dry_run")]
    pub json: bool,
    #[command(flatten)]
    pub sitting: SittingArgs,
    /// Folder for transcripts [default: the user's data folder, or REHEARSE_DIR]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: Option<ReviewCommand>,
    /// Folder of transcripts [default: the user's data folder, or REHEARSE_DIR]
    #[arg(long, value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,
    /// Print the list as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Show one session's transcript, with earlier scores beside the new ones
    Show {
        /// `latest`, a session id (see `rehearse review`) or a path to a transcript
        #[arg(value_name = "ID|latest|PATH")]
        which: String,
    },
    /// Progress per category, topic and preset, with trends and weak topics
    Stats {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Sit again the questions a session scored below the pass mark on
    Retry {
        /// `latest` or a session id
        #[arg(value_name = "ID|latest")]
        which: String,
        /// Print the planned questions and ask nothing
        #[arg(long)]
        dry_run: bool,
        /// With --dry-run: print the plan as JSON
        #[arg(long, requires = "dry_run")]
        json: bool,
        #[command(flatten)]
        sitting: SittingArgs,
    },
    /// Write a progress report: one HTML file that opens from disk, with
    /// charts, the practice heatmap, coverage, the points missed most and
    /// every transcript
    Report {
        /// Write to FILE [default: report.html in the transcript folder]
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// One row per answered question, for a spreadsheet; or flashcards of
    /// the key points missed, for Anki
    Export {
        /// `csv`, `json` or `anki`
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// `review export --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row
    Csv,
    /// A JSON array of objects
    Json,
    /// Flashcards of the key points missed, for Anki's plain-text import
    /// (File › Import): the question and the point on the front, the model
    /// answer's sentence that covers it on the back
    Anki,
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
pub struct StarArgs {
    /// The answer to analyse: a file, or `-` (the default) for standard input
    #[arg(value_name = "FILE", default_value = "-", conflicts_with = "eval")]
    pub file: PathBuf,
    /// Measure the analyser on labelled answers (JSON Lines) instead
    #[arg(long, value_name = "FILE")]
    pub eval: Option<PathBuf>,
    /// Also judge the story as the answer to this behavioral question, with
    /// the score a session would give it (content and STAR structure)
    #[arg(long, value_name = "ID", conflicts_with = "eval")]
    pub question: Option<String>,
    /// Print JSON
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
    /// Print one JSON line per row (its question, the human grade and
    /// rehearse's score) instead of the figures, to see where they disagree
    #[arg(long, conflicts_with = "json")]
    pub rows: bool,
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
        /// Show each phrasing as the scorer reads it: the word stems it
        /// needs and whether it is negated, tight, an identifier or an echo
        /// of the prompt
        #[arg(long)]
        compiled: bool,
    },

    /// Turn interview notes into a bank: Markdown Q&A, CSV or an Anki
    /// export; each answer becomes the model answer, with a rubric derived
    /// from it for you to finish
    #[command(
        after_help = "Markdown: `<details><summary>Question</summary> answer </details>` blocks, or headings that\nask (`## 12. What is…`, or ending in `?`) with the answer up to the next heading; other\nheadings name the topic. CSV: a header naming `question` and `answer` (and optionally\n`category`, `level`, `topic`), or those columns in that order. Anki: File › Export ›\nNotes in Plain Text.\n\nThe bank's track is `--track`, else the file's name.\n\nExamples:\n  rehearse bank import notes.md\n  rehearse --track python-django bank import django.csv -o django-notes.toml\n  rehearse --bank notes.toml --track notes run"
    )]
    Import(ImportArgs),

    /// Write a commented bank template to start a bank of your own from
    New {
        /// Where to write it
        #[arg(default_value = "my-bank.toml")]
        file: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },

    /// The tracks loaded (built in and from --bank files), with their
    /// questions per category and level
    Tracks {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },

    /// Check bank files (TOML or JSON); every problem is reported with its place
    Validate {
        /// Bank files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The notes: a Markdown, CSV or Anki plain-text file
    pub file: PathBuf,
    /// Write the bank to FILE [default: the notes' name with `.toml`]
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Topic of questions whose notes name none [default: from the file name]
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,
    /// Read the notes as this format [default: by the file's name and first line]
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
}

/// `bank import --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Markdown,
    Csv,
    Anki,
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
