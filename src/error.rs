//! The one error type. Messages are lower case, name the value at fault in
//! backticks and say what to do next; `main` adds the `error: ` prefix.

use std::path::PathBuf;

/// Everything that can go wrong in rehearse.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("could not read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A file could not be written.
    #[error("could not write `{path}`: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Standard input or output failed.
    #[error("{what}: {source}")]
    Io {
        what: &'static str,
        source: std::io::Error,
    },

    /// A bank file has problems; `problems` holds one line per problem.
    #[error("{}", render_problems(.problems))]
    InvalidBank { problems: Vec<String> },

    /// A question id that no loaded bank holds.
    #[error("no question with id `{id}`{}; run `rehearse bank list` to see them", did_you_mean(.suggestion))]
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },

    /// A category, level, topic, preset or similar name that is not known.
    #[error("unknown {kind} `{name}`{}; {hint}", did_you_mean(.suggestion))]
    UnknownName {
        kind: &'static str,
        name: String,
        suggestion: Option<String>,
        hint: String,
    },

    /// A command-line value that is well formed but makes no sense here.
    #[error("{0}")]
    Usage(String),

    /// A line of an input file that cannot be used.
    #[error("`{path}` line {line}: {message}")]
    BadLine {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// Anything else worth a sentence of its own.
    #[error("{0}")]
    Message(String),

    /// The user ended the program on purpose (Ctrl-C, `:quit`); the message,
    /// if any, was already shown. Exits with `code` without printing.
    #[error("interrupted")]
    Silent { code: u8 },
}

impl Error {
    /// The process exit code for this error: 1 for runtime errors, 2 for
    /// usage errors (as clap uses), or the code a silent exit asks for.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::UnknownName { .. } => 2,
            Error::Silent { code } => *code,
            _ => 1,
        }
    }
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    }
}

fn render_problems(problems: &[String]) -> String {
    let n = problems.len();
    let mut out = format!("{n} problem{} found:", if n == 1 { "" } else { "s" });
    for p in problems {
        out.push_str("\n  ");
        out.push_str(p);
    }
    out
}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
