//! The question model: what a bank file holds, field by field.
//!
//! These types are the bank format. Every field is documented here and in the
//! README's "Question banks" section; keep the two in step.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The newest bank format this build understands. A file with a higher
/// `format_version` is refused with a message to upgrade rehearse.
pub const FORMAT_VERSION: u32 = 1;

/// One bank file: a track of questions (the built-in one is Python/Django).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankFile {
    /// Version of the bank format the file is written in; `1` today.
    pub format_version: u32,
    /// Short name of the track, e.g. `python-django`.
    #[serde(default)]
    pub track: String,
    /// Human-readable title, e.g. `Python / Django developer`.
    #[serde(default)]
    pub title: String,
    /// The questions, in any order; ids must be unique across every loaded bank.
    pub questions: Vec<Question>,
}

/// One interview question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable kebab-case id, e.g. `orm-select-prefetch`. Transcripts and
    /// progress refer to questions by id, so never reuse one for another question.
    pub id: String,
    /// Kind of question; decides how it is asked and judged.
    pub category: Category,
    /// Subject area in kebab-case, e.g. `orm`, `security`, `caching`, `conflict`.
    pub topic: String,
    /// Seniority levels this question suits (at least one).
    pub levels: Vec<Level>,
    /// The question as the interviewer asks it.
    pub prompt: String,
    /// Suggested time to answer, in seconds, before a preset scales it (20..=3600).
    pub time_limit_s: u32,
    /// Key points a good answer covers. Required (3–8 points) for open questions;
    /// empty for `choice` questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rubric: Vec<KeyPoint>,
    /// Misconceptions that cost points when an answer asserts them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pitfalls: Vec<Pitfall>,
    /// A concise strong answer, shown after the candidate has answered.
    pub model_answer: String,
    /// Nudges shown on request (`:hint`); using one costs a little score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Questions an interviewer might ask next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<String>,
    /// For `choice` questions: the options, in the order they are shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// For `choice` questions: the correct option, spelled exactly as in `options`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Share of the rubric's total weight that earns full marks (0.2–1; 1
    /// when omitted), for rubrics that list more good things than one answer
    /// needs: the questions a candidate asks the interviewer, where any
    /// three good ones make a strong close.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_marks_at: Option<f64>,
    /// The rubric was derived from the model answer by `rehearse bank
    /// import`: a scaffold that scores, but was not written by a person.
    /// `bank validate` lists these questions; delete the field once the
    /// key points and phrasings have had a human look.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    /// The track of the file it came from (set when the bank is loaded;
    /// not written in a question).
    #[serde(skip)]
    pub track: String,
}

/// One thing a good answer says, and the ways people say it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// What the point is, as shown to the candidate ("covered"/"missed").
    pub label: String,
    /// Relative importance, a positive number (1 = normal, 2–3 = central).
    pub weight: f64,
    /// Alternative phrasings; the point is covered when any one is found.
    /// A phrasing is a keyword or a short phrase, matched after normalisation
    /// (case, identifier forms, word endings, small typos).
    pub phrasings: Vec<String>,
    /// What the point is about, when the question contrasts several things
    /// (`["prefetch_related", "prefetch related"]`): the point counts only
    /// where the nearest of the question's subjects named around the
    /// matching words is one of these, so a statement about the wrong thing
    /// ("makemigrations applies the changes") earns nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject: Vec<String>,
    /// What the interviewer asks when an answer misses this point: a
    /// question that invites the point without giving it away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<String>,
}

/// A common misconception and how it tends to be worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pitfall {
    /// The misconception, as shown to the candidate.
    pub label: String,
    /// Phrasings that assert it; a negated statement ("does not …") does not count.
    pub phrasings: Vec<String>,
    /// Points (out of 100) taken off when the answer asserts it; 10 when omitted.
    #[serde(default = "default_penalty")]
    pub penalty: f64,
}

fn default_penalty() -> f64 {
    10.0
}

/// The kind of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A concept to explain.
    Technical,
    /// Code to write, answered in text and judged by rubric.
    Coding,
    /// An architecture to design and defend.
    SystemDesign,
    /// A story from experience (judged for STAR structure too), or the closing
    /// "questions for us".
    Behavioral,
    /// A multiple-choice screening question.
    Choice,
}

impl Category {
    /// Every category, in the order interviews and summaries list them.
    pub const ALL: [Category; 5] = [
        Category::Technical,
        Category::Coding,
        Category::SystemDesign,
        Category::Behavioral,
        Category::Choice,
    ];

    /// The name used in bank files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Coding => "coding",
            Category::SystemDesign => "system-design",
            Category::Behavioral => "behavioral",
            Category::Choice => "choice",
        }
    }

    /// Parses a category name as written in bank files and on the command line.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A seniority level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Up to about two years of experience.
    Junior,
    /// Works independently on features.
    Mid,
    /// Owns systems and guides others.
    Senior,
    /// Shapes architecture and practice across teams.
    Staff,
}

impl Level {
    /// Every level, from junior to staff.
    pub const ALL: [Level; 4] = [Level::Junior, Level::Mid, Level::Senior, Level::Staff];

    /// The name used in bank files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Staff => "staff",
        }
    }

    /// Parses a level name.
    pub fn parse(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Question {
    /// Whether the answer is judged for STAR structure: stories, not the closing
    /// "what would you like to ask us?" question.
    pub fn is_story(&self) -> bool {
        self.category == Category::Behavioral && self.topic != CLOSING_TOPIC
    }
}

/// Topic of the behavioral questions that close an interview ("questions for us").
pub const CLOSING_TOPIC: &str = "closing";
