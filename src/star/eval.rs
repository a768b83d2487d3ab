//! Measuring the analyser against answers labelled by people
//! (`rehearse star --eval FILE.jsonl`).

use super::{Person, Report, analyse};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One labelled answer (other fields in the file are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: String,
    pub answer: String,
    pub labels: Labels,
}

/// The labels rehearse is measured on.
#[derive(Debug, Clone, Deserialize)]
pub struct Labels {
    pub situation: bool,
    pub task: bool,
    pub action: bool,
    pub result: bool,
    pub result_quantified: bool,
    pub lesson: bool,
    pub first_person_actions: Person,
    pub specific_event: bool,
    #[serde(default)]
    pub action_share: Option<f64>,
}

/// Reads a labelled JSON Lines file; a bad line is an error naming it.
pub fn load(path: &Path, text: &str) -> Result<Vec<Labelled>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Labelled = crate::eval::parse_line(line).map_err(|message| Error::BadLine {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        })?;
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(Error::Message(format!(
            "`{}` holds no labelled answers; each line must be a JSON object with `id`, `answer` and `labels`",
            path.display()
        )));
    }
    Ok(rows)
}

/// Agreement on a yes/no label.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Binary {
    /// Labelled present and found.
    pub tp: usize,
    /// Labelled absent but found.
    pub fp: usize,
    /// Labelled present but missed.
    pub r#fn: usize,
    /// Labelled absent and reported missing.
    pub tn: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    /// Mean of the recall on present and on absent cases: 0.5 for an
    /// analyser that answers the same for every input.
    pub balanced_accuracy: f64,
}

impl Binary {
    fn from(pairs: impl Iterator<Item = (bool, bool)>) -> Binary {
        let mut b = Binary::default();
        for (truth, got) in pairs {
            match (truth, got) {
                (true, true) => b.tp += 1,
                (false, true) => b.fp += 1,
                (true, false) => b.r#fn += 1,
                (false, false) => b.tn += 1,
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        b.precision = ratio(b.tp, b.tp + b.fp);
        b.recall = ratio(b.tp, b.tp + b.r#fn);
        let specificity = ratio(b.tn, b.tn + b.fp);
        b.f1 = if b.precision + b.recall == 0.0 {
            0.0
        } else {
            2.0 * b.precision * b.recall / (b.precision + b.recall)
        };
        b.accuracy = ratio(b.tp + b.tn, b.tp + b.tn + b.fp + b.r#fn);
        // With only one class in the labels, balanced accuracy is its recall.
        b.balanced_accuracy = match (b.tp + b.r#fn, b.tn + b.fp) {
            (0, _) => specificity,
            (_, 0) => b.recall,
            _ => (b.recall + specificity) / 2.0,
        };
        b
    }
}

/// Agreement on who acts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PersonAgreement {
    pub accuracy: f64,
    /// Per labelled class (`i`, `we`, `mixed`): answers, and how many were recognised.
    pub recall: Vec<(String, usize, usize)>,
    /// `confusion[labelled][found]` in the order i, we, mixed.
    pub confusion: [[usize; 3]; 3],
}

/// The analyser's agreement with the labels.
#[derive(Debug, Clone, Serialize)]
pub struct StarEval {
    pub n: usize,
    pub situation: Binary,
    pub task: Binary,
    pub action: Binary,
    pub result: Binary,
    pub lesson: Binary,
    pub result_quantified: Binary,
    pub specific_event: Binary,
    pub first_person: PersonAgreement,
    /// Mean absolute difference between the action share found and labelled.
    pub action_share_mae: f64,
    /// Every disagreement: answer id, label, labelled value, found value.
    pub disagreements: Vec<(String, String, String, String)>,
}

/// Analyses every labelled answer and compares.
pub fn evaluate(rows: &[Labelled]) -> StarEval {
    let reports: Vec<Report> = rows.iter().map(|r| analyse(&r.answer)).collect();
    let pairs = |f: &dyn Fn(&Labels, &Report) -> (bool, bool)| -> Binary {
        Binary::from(
            rows.iter()
                .zip(&reports)
                .map(|(row, rep)| f(&row.labels, rep)),
        )
    };
    let mut disagreements = Vec::new();
    for (row, rep) in rows.iter().zip(&reports) {
        let l = &row.labels;
        let checks = [
            ("situation", l.situation, rep.situation.present),
            ("task", l.task, rep.task.present),
            ("action", l.action, rep.action.present),
            ("result", l.result, rep.result.present),
            ("lesson", l.lesson, rep.lesson.present),
            (
                "result_quantified",
                l.result_quantified,
                rep.result_quantified,
            ),
            ("specific_event", l.specific_event, rep.specific_event),
        ];
        for (name, truth, got) in checks {
            if truth != got {
                disagreements.push((
                    row.id.clone(),
                    name.into(),
                    truth.to_string(),
                    got.to_string(),
                ));
            }
        }
        if l.first_person_actions != rep.first_person {
            disagreements.push((
                row.id.clone(),
                "first_person".into(),
                l.first_person_actions.as_str().into(),
                rep.first_person.as_str().into(),
            ));
        }
    }
    let index = |p: Person| match p {
        Person::I => 0,
        Person::We => 1,
        Person::Mixed => 2,
    };
    let mut confusion = [[0usize; 3]; 3];
    for (row, rep) in rows.iter().zip(&reports) {
        confusion[index(row.labels.first_person_actions)][index(rep.first_person)] += 1;
    }
    let recall = [Person::I, Person::We, Person::Mixed]
        .iter()
        .map(|p| {
            let row = confusion[index(*p)];
            (p.as_str().to_string(), row.iter().sum(), row[index(*p)])
        })
        .collect();
    let correct: usize = (0..3).map(|i| confusion[i][i]).sum();
    let shares: Vec<f64> = rows
        .iter()
        .zip(&reports)
        .filter_map(|(row, rep)| {
            row.labels
                .action_share
                .map(|s| (s - rep.action.share).abs())
        })
        .collect();
    StarEval {
        n: rows.len(),
        situation: pairs(&|l, r| (l.situation, r.situation.present)),
        task: pairs(&|l, r| (l.task, r.task.present)),
        action: pairs(&|l, r| (l.action, r.action.present)),
        result: pairs(&|l, r| (l.result, r.result.present)),
        lesson: pairs(&|l, r| (l.lesson, r.lesson.present)),
        result_quantified: pairs(&|l, r| (l.result_quantified, r.result_quantified)),
        specific_event: pairs(&|l, r| (l.specific_event, r.specific_event)),
        first_person: PersonAgreement {
            accuracy: correct as f64 / rows.len().max(1) as f64,
            recall,
            confusion,
        },
        action_share_mae: if shares.is_empty() {
            0.0
        } else {
            shares.iter().sum::<f64>() / shares.len() as f64
        },
        disagreements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_accuracy_is_a_half_for_a_constant_answer() {
        let b = Binary::from([(true, true), (true, true), (false, true)].into_iter());
        assert_eq!(b.balanced_accuracy, 0.5);
        assert!((b.f1 - 0.8).abs() < 1e-9);
        let perfect = Binary::from([(true, true), (false, false)].into_iter());
        assert_eq!(perfect.balanced_accuracy, 1.0);
    }
}
