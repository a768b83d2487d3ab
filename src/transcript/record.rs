//! The session record: everything about one interview, written as JSON after
//! every answer and read back by `review` and `run --resume`.

use crate::bank::{Category, Question};
use crate::preset::Verdict;
use crate::score::{PitfallResult, PointResult};
use serde::{Deserialize, Serialize};

/// The newest record format this build writes; older ones keep loading.
pub const RECORD_VERSION: u32 = 1;

/// One interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Version of the record format.
    pub format_version: u32,
    /// The record's id: its file name without extension, e.g. `2026-03-01-0900-senior`.
    pub id: String,
    /// The preset's name.
    pub preset: String,
    /// The track its questions came from (records older than tracks are
    /// of the Python/Django track).
    #[serde(default = "default_track")]
    pub track: String,
    /// The seed that chose the questions; `--seed` with it plans the same interview.
    pub seed: u64,
    /// When the interview started (RFC 3339, UTC).
    pub started_at: String,
    /// When the record was last written.
    #[serde(default)]
    pub updated_at: String,
    /// `complete`, or `interrupted` until the last question is done (so a
    /// crash leaves an honest record).
    pub status: Status,
    /// Whether answers were cut at the deadline (`--strict-time`).
    #[serde(default)]
    pub strict_time: bool,
    /// Whether time limits applied (`--no-timer` turns them off).
    #[serde(default = "yes")]
    pub timer: bool,
    /// The planned questions, in order, with what happened to each.
    pub questions: Vec<Asked>,
    /// The session this one retries (`review retry`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<String>,
    /// Per category and overall, once at least one question is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

fn yes() -> bool {
    true
}

fn default_track() -> String {
    crate::bank::DEFAULT_TRACK.to_string()
}

/// Whether the interview ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every question was asked.
    Complete,
    /// Stopped early (Ctrl-C, `:quit`, a signal or a crash); `run --resume` continues it.
    Interrupted,
}

impl Record {
    /// The record without its text: no prompts, answers, model answers,
    /// options, key points, pitfalls or STAR analyses. Enough to list, plan,
    /// schedule and count; kept in the folder's summary index so that
    /// start-up and `review stats` do not read the full text of history.
    pub fn into_summary(mut self) -> Record {
        for q in &mut self.questions {
            q.prompt = String::new();
            q.answer = String::new();
            q.model_answer = String::new();
            q.options = Vec::new();
            q.correct = None;
            q.star = None;
            q.points = Vec::new();
            q.pitfalls = Vec::new();
            // What a probe was and what it earned stay; its words go.
            for probe in &mut q.probes {
                probe.prompt = String::new();
                probe.answer = String::new();
            }
        }
        self.questions.shrink_to_fit();
        self
    }

    /// When the interview started, in Unix seconds (0 if unreadable).
    pub fn started_seconds(&self) -> i64 {
        self.started_at
            .parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .unwrap_or(0)
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Complete => "complete",
            Status::Interrupted => "interrupted",
        }
    }
}

/// What happened to one planned question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Not reached yet.
    Pending,
    /// Answered and scored.
    Answered,
    /// Skipped with `:skip` (or an empty answer).
    Skipped,
    /// Scripted answers ran out before this question.
    Unanswered,
    /// The interview stopped while this answer was being typed; what was
    /// typed is kept and offered again on `run --resume`.
    Interrupted,
}

impl State {
    /// Whether the question still has to be asked.
    pub fn is_open(self) -> bool {
        matches!(self, State::Pending | State::Interrupted)
    }
}

/// One question of the interview and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    /// Bank id.
    pub id: String,
    /// Category.
    pub category: Category,
    /// Topic.
    pub topic: String,
    /// The question as asked.
    pub prompt: String,
    /// What happened to it.
    pub state: State,
    /// The answer as typed (for choice questions, the chosen option).
    #[serde(default)]
    pub answer: String,
    /// 0–100 once judged (after the hint deduction), absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Key points, covered and missed, with the words that matched.
    #[serde(default)]
    pub points: Vec<PointResult>,
    /// Misconceptions the answer asserted.
    #[serde(default)]
    pub pitfalls: Vec<PitfallResult>,
    /// Behavioral stories: the rubric score before it was blended with the
    /// structure score into `score`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_score: Option<f64>,
    /// Behavioral stories: the STAR-structure and delivery analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub star: Option<Box<crate::star::Report>>,
    /// Time allowed, in seconds.
    pub time_limit_s: u32,
    /// Time taken, in seconds.
    #[serde(default)]
    pub time_used_s: u32,
    /// Seconds beyond the limit (soft time).
    #[serde(default)]
    pub overtime_s: u32,
    /// Whether the answer was cut at the deadline (`--strict-time`).
    #[serde(default)]
    pub cut_at_deadline: bool,
    /// Whether the hint was shown.
    #[serde(default)]
    pub hint_used: bool,
    /// Points the hint took off the score (absent when no score was given,
    /// and in records older than this field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint_cost: Option<f64>,
    /// Whether the question was skipped.
    #[serde(default)]
    pub skipped: bool,
    /// For choice questions: the options in the order they were shown, so
    /// their letters are the ones the candidate saw (older records hold the
    /// bank's order, which is what they showed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// For choice questions: the correct option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<String>,
    /// The model answer, kept so the transcript reads the same if the bank changes.
    #[serde(default)]
    pub model_answer: String,
    /// Follow-up probes asked after the answer, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<crate::probe::Probe>,
    /// How the candidate rated their own answer after reading its feedback
    /// and model answer, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Rating>,
}

/// A candidate's own verdict on an answer, given in one key after its
/// feedback. The schedule weighs it with the score (see
/// [`crate::review::schedule`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    /// "I knew it."
    Knew,
    /// "I partly knew it."
    Partly,
    /// "I did not know it."
    Missed,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Knew, Rating::Partly, Rating::Missed];

    /// The words shown for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Knew => "knew it",
            Rating::Partly => "partly",
            Rating::Missed => "missed",
        }
    }

    /// The score a rating stands for, to compare it with the rubric's.
    pub fn expected_score(self) -> f64 {
        match self {
            Rating::Knew => 100.0,
            Rating::Partly => 50.0,
            Rating::Missed => 0.0,
        }
    }

    /// The rating a typed word names: `knew`, `partly`, `missed`, or the
    /// keys the terminal takes for them (1, 2, 3 or k, p, m).
    pub fn parse(word: &str) -> Option<Rating> {
        match word.trim().to_ascii_lowercase().as_str() {
            "1" | "k" | "knew" | "knew-it" | "knew it" => Some(Rating::Knew),
            "2" | "p" | "partly" | "partial" => Some(Rating::Partly),
            "3" | "m" | "missed" | "miss" => Some(Rating::Missed),
            _ => None,
        }
    }
}

impl Asked {
    /// A planned question, not asked yet; `options` in the order they will
    /// be shown (choice questions).
    pub fn pending(q: &Question, time_limit_s: u32, options: Vec<String>) -> Asked {
        Asked {
            id: q.id.clone(),
            category: q.category,
            topic: q.topic.clone(),
            prompt: q.prompt.clone(),
            state: State::Pending,
            answer: String::new(),
            score: None,
            points: Vec::new(),
            pitfalls: Vec::new(),
            content_score: None,
            star: None,
            time_limit_s,
            time_used_s: 0,
            overtime_s: 0,
            cut_at_deadline: false,
            hint_used: false,
            hint_cost: None,
            skipped: false,
            options,
            correct: q.answer.clone(),
            model_answer: q.model_answer.clone(),
            probes: Vec::new(),
            self_rating: None,
        }
    }

    /// The letter (`A`, `B`, …) an option was shown under, if it was shown.
    pub fn letter_of(&self, option: &str) -> Option<char> {
        self.options
            .iter()
            .position(|o| o == option)
            .map(super::words::letter)
    }

    /// The score counted in summaries: skipped and unanswered count as 0,
    /// questions not reached do not count.
    pub fn counted_score(&self) -> Option<f64> {
        match self.state {
            State::Answered => self.score,
            State::Skipped | State::Unanswered => Some(0.0),
            State::Pending | State::Interrupted => None,
        }
    }
}

/// How the interview went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Mean score over the questions done (skipped and unanswered count as 0).
    pub overall: f64,
    /// The verdict for the preset's level.
    pub verdict: Verdict,
    /// Per category, in the order categories are listed.
    pub categories: Vec<CategorySummary>,
}

/// How one category went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategorySummary {
    /// The category.
    pub category: Category,
    /// Questions of it in the interview.
    pub asked: usize,
    /// Of those, answered (not skipped, not unanswered, not pending).
    pub answered: usize,
    /// Of those, done: answered, skipped or left unanswered (not pending).
    #[serde(default)]
    pub done: usize,
    /// Mean score over the ones done (0 when none is).
    pub mean: f64,
}
