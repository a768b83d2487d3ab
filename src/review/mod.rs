//! Past sessions: listing them, showing one, progress over time, retrying
//! what went poorly, exporting for a spreadsheet, and the spaced-repetition
//! schedule that brings weak questions back.

pub mod calendar;
pub mod coverage;
pub mod export;
pub mod pretty;
pub mod report;
pub mod schedule;
pub mod stats;
#[cfg(test)]
pub mod testing;

use crate::error::{Error, Result};
use crate::transcript::record::{Record, State};
use crate::transcript::store::{Store, load};
use std::collections::BTreeMap;
use std::path::Path;

/// The sessions of a transcript folder, newest first, and what could not be read.
#[derive(Debug, Default)]
pub struct Sessions {
    pub records: Vec<Record>,
    /// One line per file skipped, naming it.
    pub warnings: Vec<String>,
}

impl Sessions {
    /// Every session in `dir` as a summary, without its text (a missing
    /// folder holds none).
    pub fn load(dir: &Path) -> Sessions {
        let (records, warnings) = Store::at(dir).summaries();
        Sessions { records, warnings }
    }

    /// Every session in `dir` in full.
    pub fn load_full(dir: &Path) -> Sessions {
        let (records, warnings) = Store::at(dir).load_all();
        Sessions { records, warnings }
    }

    /// The session named by `which`, in full: `latest`, a record id, or a
    /// path to a record (`.json`) or its transcript (`.md`).
    pub fn find(&self, dir: &Path, which: &str) -> Result<Record> {
        let full = |record: &Record| {
            let path = Store::at(dir).json_path(&record.id);
            load(&path)
                .map_err(|e| Error::Message(format!("could not read `{}`: {e}", path.display())))
        };
        if which == "latest" {
            return self
                .records
                .first()
                .ok_or_else(|| empty(dir))
                .and_then(full);
        }
        if let Some(record) = self.records.iter().find(|r| r.id == which) {
            return full(record);
        }
        let path = Path::new(which);
        if path.extension().is_some_and(|e| e == "json" || e == "md") && path.exists() {
            let json = path.with_extension("json");
            return load(&json)
                .map_err(|e| Error::Message(format!("could not read `{}`: {e}", json.display())));
        }
        let ids: Vec<&str> = self.records.iter().map(|r| r.id.as_str()).collect();
        Err(Error::UnknownName {
            kind: "session",
            name: which.to_string(),
            suggestion: crate::suggest::closest(which, ids),
            hint: format!("`rehearse review --dir {}` lists them", dir.display()),
        })
    }

    /// For each question of `record`, its latest answer in an earlier
    /// session: when, and the score.
    pub fn earlier_scores(&self, record: &Record) -> BTreeMap<String, (String, f64)> {
        let mut earlier: BTreeMap<String, (String, f64)> = BTreeMap::new();
        // Oldest first, so later sessions overwrite earlier ones.
        for past in self.records.iter().rev() {
            if past.started_at >= record.started_at || past.id == record.id {
                continue;
            }
            for q in past.questions.iter().filter(|q| q.state == State::Answered) {
                if let Some(score) = q.score {
                    let day = past.started_at.get(..10).unwrap_or(&past.started_at);
                    earlier.insert(q.id.clone(), (day.to_string(), score));
                }
            }
        }
        earlier
    }
}

/// The message for a folder with no sessions: how to start one.
pub fn empty(dir: &Path) -> Error {
    Error::Message(format!(
        "no sessions in `{}` yet; start one with `rehearse run`",
        dir.display()
    ))
}

/// The number of questions done (answered, skipped or left unanswered) and planned.
pub fn progress(record: &Record) -> (usize, usize) {
    let done = record
        .questions
        .iter()
        .filter(|q| !q.state.is_open())
        .count();
    (done, record.questions.len())
}
