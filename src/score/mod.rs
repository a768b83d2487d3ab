//! Scoring typed answers against keyword rubrics, with an explanation of
//! every number: which words of the answer covered which key point, and how
//! close each was.

pub mod derive;
pub mod explain;
pub mod matcher;
pub mod normalize;
pub mod rubric;
pub mod synonyms;

pub use rubric::Rubric;

use matcher::{AnswerIndex, Found};
use normalize::{Normalized, normalize};
use serde::{Deserialize, Serialize};

/// An answer's score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// 0–100: the weighted share of covered key points, less pitfall penalties.
    pub score: f64,
    /// Each key point, covered or missed.
    pub points: Vec<PointResult>,
    /// Each pitfall, asserted or not.
    pub pitfalls: Vec<PitfallResult>,
    /// Share of the key points' total weight that earned full marks (1 when
    /// every point counts).
    #[serde(default = "every_point")]
    pub full_marks_at: f64,
}

fn every_point() -> f64 {
    1.0
}

/// How one key point fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointResult {
    /// The key point.
    pub label: String,
    /// Its weight.
    pub weight: f64,
    /// Whether the answer covers it.
    pub covered: bool,
    /// The phrasing that matched, when covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrasing: Option<String>,
    /// The answer's words that matched, with their similarity (1 = exact).
    pub matches: Vec<Match>,
}

/// How one pitfall fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PitfallResult {
    /// The misconception.
    pub label: String,
    /// Points it costs.
    pub penalty: f64,
    /// Whether the answer asserts it.
    pub asserted: bool,
    /// The phrasing that matched, when asserted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrasing: Option<String>,
    /// The answer's words that triggered it.
    pub matches: Vec<Match>,
    /// The stretch of the answer that asserts it, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// A word of the answer that matched a word of a phrasing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The words as typed.
    pub text: String,
    /// 1 for an exact match (after normalisation), less for a typo or a synonym.
    pub similarity: f64,
    /// The word matched as a synonym of the phrasing's word.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synonym: bool,
}

/// Scores an answer against a compiled rubric.
pub fn score(rubric: &Rubric, answer: &str) -> Scored {
    score_normalized(rubric, &normalize(answer))
}

/// Scores an already normalised answer (to share the work across rubrics).
pub fn score_normalized(rubric: &Rubric, answer: &Normalized) -> Scored {
    let mut index = AnswerIndex::new(answer, rubric.vocabulary.len());
    let mut points = Vec::with_capacity(rubric.points.len());
    for point in &rubric.points {
        let best = best_phrase(&mut index, rubric, &point.phrases, true, |_, _| true);
        points.push(PointResult {
            label: point.label.clone(),
            weight: point.weight,
            covered: best.is_some(),
            matches: best
                .as_ref()
                .map(|(_, f)| matches(answer, f))
                .unwrap_or_default(),
            phrasing: best.map(|(text, _)| text),
        });
    }
    let mut pitfalls = Vec::with_capacity(rubric.pitfalls.len());
    for trap in &rubric.pitfalls {
        // A misconception counts when stated in one sentence and not negated.
        let best = best_phrase(&mut index, rubric, &trap.phrases, false, |index, found| {
            index.one_sentence(found) && !index.negated(found)
        });
        let evidence = best
            .as_ref()
            .map(|(_, found)| span_text(answer, found))
            .unwrap_or_default();
        pitfalls.push(PitfallResult {
            label: trap.label.clone(),
            penalty: trap.penalty,
            asserted: best.is_some(),
            evidence,
            matches: best
                .as_ref()
                .map(|(_, f)| matches(answer, f))
                .unwrap_or_default(),
            phrasing: best.map(|(text, _)| text),
        });
    }
    let total: f64 = points.iter().map(|p| p.weight).sum();
    let covered: f64 = points.iter().filter(|p| p.covered).map(|p| p.weight).sum();
    let penalty: f64 = pitfalls
        .iter()
        .filter(|p| p.asserted)
        .map(|p| p.penalty)
        .sum();
    let raw = if total > 0.0 {
        100.0 * (covered / (total * rubric.full_marks_at)).min(1.0)
    } else {
        0.0
    };
    Scored {
        score: round1((raw - penalty).clamp(0.0, 100.0)),
        points,
        pitfalls,
        full_marks_at: rubric.full_marks_at,
    }
}

/// The best-matching phrase among `phrases` that `accept` allows.
fn best_phrase(
    index: &mut AnswerIndex,
    rubric: &Rubric,
    phrases: &[matcher::Phrase],
    loose: bool,
    accept: impl Fn(&AnswerIndex, &Found) -> bool,
) -> Option<(String, Found)> {
    let mut best: Option<(String, Found)> = None;
    for phrase in phrases {
        let Some(found) = index.find(&rubric.vocabulary, phrase, loose) else {
            continue;
        };
        if !accept(index, &found) {
            continue;
        }
        let better = best
            .as_ref()
            .is_none_or(|(_, b)| found.similarity() > b.similarity());
        if better {
            let perfect = found.similarity() >= 1.0;
            best = Some((phrase.text.clone(), found));
            if perfect {
                break;
            }
        }
    }
    best
}

fn matches(answer: &Normalized, found: &Found) -> Vec<Match> {
    found
        .hits
        .iter()
        .map(|hit| {
            let first = &answer.tokens[hit.start];
            let last = &answer.tokens[hit.end];
            let text = answer
                .text
                .get(first.start..last.end)
                .unwrap_or(&first.word)
                .to_string();
            Match {
                text,
                similarity: round2(hit.similarity),
                synonym: hit.synonym,
            }
        })
        .collect()
}

/// The answer's text from the first to the last word of an occurrence.
fn span_text(answer: &Normalized, found: &Found) -> String {
    let (start, end) = found.span();
    let (first, last) = (&answer.tokens[start], &answer.tokens[end]);
    answer
        .text
        .get(first.start..last.end)
        .unwrap_or_default()
        .to_string()
}

/// Rounds to one decimal, for scores people read.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
